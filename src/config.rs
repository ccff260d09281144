//! Configuration: pipeline files and the validated [`Config`] every stage reads.
//!
//! A pipeline file is TOML:
//!
//! ```toml
//! input = "../data/samples"     # relative paths are relative to this file's folder
//! out = "../out"
//! partition = ["year"]          # columns of `reports` that name the folders
//! threads = 0                   # 0: one per core
//! batch = 4096                  # files in memory at once (bounds the run's memory)
//! stages = ["extract", "write", "stats"]
//! ```
//!
//! The CLI loads one, applies its flags on top, and hands the stages a `Config`;
//! no stage sees a CLI type.

use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, IoContext, Result};
use crate::schema::PARTITION_COLUMNS;

/// A pipeline file as written.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Pipeline {
    pub name: Option<String>,
    pub description: Option<String>,
    pub input: Option<PathBuf>,
    pub out: Option<PathBuf>,
    pub partition: Option<Vec<String>>,
    pub threads: Option<usize>,
    /// Files loaded and extracted at a time (default [`crate::BATCH`]).
    pub batch: Option<usize>,
    pub stages: Option<Vec<String>>,
    /// What stage `gen` generates (a synthetic corpus written where `input` points).
    pub gen: Option<GenSpec>,
}

/// The synthetic corpus of a pipeline's `gen` stage.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct GenSpec {
    pub reports: usize,
    pub seed: u64,
}

impl Pipeline {
    /// Reads a pipeline file; its relative paths are resolved against its folder.
    pub fn load(path: &Path) -> Result<Pipeline> {
        let text = std::fs::read_to_string(path).at(path)?;
        let mut p: Pipeline =
            toml::from_str(&text).map_err(|e| Error::Config(format!("{}: {}", path.display(), e.message())))?;
        let base = path.parent().unwrap_or(Path::new("."));
        for dir in [&mut p.input, &mut p.out].into_iter().flatten() {
            if dir.is_relative() {
                *dir = base.join(&*dir);
            }
        }
        Ok(p)
    }
}

/// The stages of a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stages {
    /// generate a synthetic corpus into the input folder first
    pub gen: bool,
    /// discover, load and extract
    pub extract: bool,
    pub write: bool,
    pub stats: bool,
}

impl Stages {
    pub const NAMES: &'static [&'static str] = &["gen", "extract", "write", "stats"];

    pub fn parse(names: &[String]) -> Result<Stages> {
        let mut s = Stages { gen: false, extract: false, write: false, stats: false };
        for name in names {
            match name.as_str() {
                "gen" => s.gen = true,
                "extract" => s.extract = true,
                "write" => s.write = true,
                "stats" => s.stats = true,
                other => {
                    return Err(Error::Config(format!(
                        "unknown stage `{other}` (stages: {})",
                        Stages::NAMES.join(", ")
                    )))
                }
            }
        }
        if s.write && !s.extract {
            return Err(Error::Config("stage `write` needs stage `extract`".into()));
        }
        Ok(s)
    }
}

/// Everything a run needs, resolved and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub input: PathBuf,
    pub out: PathBuf,
    pub partition: Vec<String>,
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Files loaded and extracted at a time; the run holds no more reports than this.
    pub batch: usize,
    pub stages: Stages,
    /// Draw progress bars (still hidden when stderr is not a terminal).
    pub progress: bool,
    pub gen: Option<GenSpec>,
    /// Process only shard `k` of `n` (by a hash of each input's path) and write
    /// `part-<k>-<n>` files beside the other shards' instead of replacing the tables.
    pub shard: Option<Shard>,
}

/// One of `n` deterministic slices of the inputs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl Shard {
    /// Reads `K/N` (0 ≤ K < N).
    pub fn parse(s: &str) -> Result<Shard> {
        let bad = || Error::Config(format!("shard `{s}`: expected K/N with 0 <= K < N"));
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let (index, count) = (k.trim().parse().map_err(|_| bad())?, n.trim().parse().map_err(|_| bad())?);
        if count == 0 || index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }

    /// Whether the input at `relative` belongs to this shard.
    pub fn holds(&self, relative: &str) -> bool {
        let digest = <sha2::Sha256 as sha2::Digest>::digest(relative.as_bytes());
        let h = u64::from_be_bytes(digest[..8].try_into().unwrap_or_default());
        (h % self.count as u64) as usize == self.index
    }
}

impl Config {
    /// Builds a config from a pipeline, checking what it says.
    pub fn from_pipeline(p: &Pipeline) -> Result<Config> {
        let input = p.input.clone().ok_or_else(|| Error::Config("no input folder given".into()))?;
        let out = p.out.clone().ok_or_else(|| Error::Config("no output folder given".into()))?;
        let partition = p.partition.clone().unwrap_or_else(|| vec!["year".to_string()]);
        for c in &partition {
            if !PARTITION_COLUMNS.contains(&c.as_str()) {
                return Err(Error::Config(format!(
                    "cannot partition by `{c}` (columns: {})",
                    PARTITION_COLUMNS.join(", ")
                )));
            }
        }
        let mut seen = partition.clone();
        seen.sort();
        seen.dedup();
        if seen.len() != partition.len() {
            return Err(Error::Config("a partition column is named twice".into()));
        }
        let stages = match &p.stages {
            Some(names) => Stages::parse(names)?,
            None => Stages { gen: false, extract: true, write: true, stats: true },
        };
        if stages.gen && (p.gen.is_none() || input.file_name().is_none_or(|n| n != "input")) {
            return Err(Error::Config("stage `gen` needs a [gen] table and an input folder named `input`".into()));
        }
        let batch = p.batch.unwrap_or(crate::BATCH);
        if batch == 0 {
            return Err(Error::Config("batch must be at least 1".into()));
        }
        Ok(Config {
            input,
            out,
            partition,
            threads: p.threads.unwrap_or(0),
            batch,
            stages,
            progress: true,
            gen: p.gen.clone(),
            shard: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipeline_paths_resolve_against_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("p.toml");
        std::fs::write(&f, "input = \"../data\"\nout = \"/abs/out\"\npartition = [\"year\", \"province\"]\n").unwrap();
        let p = Pipeline::load(&f).unwrap();
        assert_eq!(p.input.unwrap(), dir.path().join("../data"));
        assert_eq!(p.out.unwrap(), PathBuf::from("/abs/out"));
    }

    #[test]
    fn shards_split_the_inputs_without_overlap() {
        assert!(Shard::parse("2/2").is_err() && Shard::parse("x").is_err() && Shard::parse("0/0").is_err());
        let shards: Vec<Shard> = (0..3).map(|k| Shard::parse(&format!("{k}/3")).unwrap()).collect();
        for i in 0..300 {
            let path = format!("a/{i}.txt");
            assert_eq!(shards.iter().filter(|s| s.holds(&path)).count(), 1, "{path}");
        }
        assert!((0..300).filter(|i| shards[0].holds(&format!("a/{i}.txt"))).count() > 50);
    }

    #[test]
    fn bad_pipelines_are_refused_with_a_reason() {
        let p = |s: &str| toml::from_str::<Pipeline>(s).map_err(|e| e.to_string()).and_then(|p| {
            Config::from_pipeline(&p).map_err(|e| e.to_string())
        });
        assert!(p("input='a'\nout='b'").is_ok());
        assert!(p("input='a'\nout='b'\npartition=['colour']").unwrap_err().contains("colour"));
        assert!(p("input='a'\nout='b'\nstages=['write']").unwrap_err().contains("needs"));
        assert!(p("input='a'\nout='b'\nstage=['write']").is_err(), "unknown keys are errors");
        assert!(p("out='b'").unwrap_err().contains("input"));
    }
}
