//! `ogi` reads the annual reports Chinese government agencies publish on their
//! open-government-information work (政府信息公开工作年度报告) and turns them into
//! four tables of hive-partitioned Parquet.
//!
//! ```text
//!   input tree ──discover──▶ [InputFile] ──load──▶ Document (normalised text)
//!        ──extract──▶ Report ──to_arrow──▶ RecordBatch ──write──▶ OUT/<table>/year=…/
//!        ──stats──▶ summaries
//! ```
//!
//! Everything between load and write is pure; I/O happens at the two edges. A
//! file that cannot be read is a [`Report`] like any other, with status
//! `unreadable` and issue codes; it never stops a run. A run streams: files go
//! through load and extract a batch at a time ([`BATCH`]), each batch is written
//! while the next is extracted, and the statistics read the written tables a
//! partition at a time, so memory does not grow with the corpus.
//!
//! ```no_run
//! use ogi::config::{Config, Pipeline};
//! let pipeline = Pipeline::load("pipelines/default.toml".as_ref()).unwrap();
//! let summary = ogi::run(&Config::from_pipeline(&pipeline).unwrap()).unwrap();
//! println!("{}", summary.line());
//! ```

pub mod config;
pub mod copies;
pub mod dataset;
pub mod discover;
pub mod error;
pub mod eval;
pub mod extract;
pub mod gen;
pub mod load;
pub mod normalize;
pub mod region;
pub mod report;
pub mod schema;
pub mod show;
pub mod stats;
pub mod template;
pub mod to_arrow;
pub mod write;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use error::IoContext;
pub use config::Config;
pub use error::{Error, Result};
pub use report::{Report, Status};

/// What a run did, for the line printed at its end.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    pub files: usize,
    pub by_status: BTreeMap<Status, usize>,
    /// How many reports carry each issue code.
    pub issues: BTreeMap<&'static str, usize>,
    pub facts: usize,
    pub written: Option<write::Written>,
    /// Problems of the run itself: folders that could not be listed, manifest
    /// lines that could not be read.
    pub notes: Vec<String>,
    /// What the stats stage produced, when it ran.
    pub stats: Option<stats::Stats>,
    pub elapsed: Duration,
}

impl Summary {
    fn add(&mut self, reports: &[Report]) {
        self.files += reports.len();
        for r in reports {
            *self.by_status.entry(r.status()).or_insert(0) += 1;
            for code in r.issue_codes() {
                *self.issues.entry(code).or_insert(0) += 1;
            }
            self.facts += r.fact_count();
        }
    }

    /// One line: files, reports by status, facts written, elapsed.
    pub fn line(&self) -> String {
        let n = |s: Status| self.by_status.get(&s).copied().unwrap_or(0);
        let facts = match &self.written {
            Some(w) => format!("{} facts written", w.facts()),
            None => format!("{} facts extracted", self.facts),
        };
        format!(
            "{} files: {} ok, {} partial, {} not a report, {} unreadable; {facts}; {:.2}s",
            self.files,
            n(Status::Ok),
            n(Status::Partial),
            n(Status::NotAReport),
            n(Status::Unreadable),
            self.elapsed.as_secs_f64()
        )
    }

    /// What went wrong, most frequent first: `table_empty 3, title_missing 1`.
    pub fn issue_line(&self) -> Option<String> {
        if self.issues.is_empty() && self.notes.is_empty() {
            return None;
        }
        let mut issues: Vec<_> = self.issues.iter().collect();
        issues.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let mut parts: Vec<String> = issues.iter().map(|(c, n)| format!("{c} {n}")).collect();
        parts.extend(self.notes.iter().cloned());
        Some(format!("issues (reports): {}", parts.join(", ")))
    }

    /// The findings of the checks across reports: `checks: carryover_mismatch 1`.
    pub fn checks_line(&self) -> Option<String> {
        let stats = self.stats.as_ref()?;
        let found: Vec<String> = stats.checks.iter().map(|(c, n)| format!("{c} {n}")).collect();
        Some(format!(
            "stats: {} reports in OUT/summary; checks: {}",
            stats.reports,
            if found.is_empty() { "none".to_string() } else { found.join(", ") }
        ))
    }
}

fn progress(config: &Config, len: usize, what: &'static str) -> ProgressBar {
    let target = if config.progress { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() };
    let bar = ProgressBar::with_draw_target(Some(len as u64), target);
    if let Ok(style) = ProgressStyle::with_template("{prefix:>8} [{bar:40}] {pos}/{len} {per_sec} eta {eta}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_prefix(what);
    bar
}

/// How many files a run loads and extracts before handing them on: enough to
/// keep every core busy, few enough that a run's memory does not grow with the
/// corpus.
pub const BATCH: usize = 4096;

/// Discovers, loads and extracts every file under the input root, in parallel,
/// a batch at a time, marking copies; hands each batch to `each` in input order
/// (while the next batch is being extracted). Returns the run's notes (folders
/// that could not be listed, manifest lines that could not be read) and the
/// revised copies, which are known only once every report has been seen.
pub fn extract_batches(
    config: &Config,
    each: &mut (dyn FnMut(&[Report]) -> Result<()> + Send),
) -> Result<(Vec<String>, Vec<copies::Revised>)> {
    let (mut listed, errors) = discover::discover(&config.input);
    if let Some(shard) = config.shard {
        listed.retain(|f| shard.holds(&f.relative));
    }
    let mut notes: Vec<String> = errors.iter().map(|(p, e)| format!("not listed: {} ({e})", p.display())).collect();
    if let Some(inside) = discover::folder_within(&config.input, &config.out) {
        // The run's own output from an earlier run is not a report.
        let (before, prefix) = (listed.len(), format!("{inside}/"));
        listed.retain(|f| !f.relative.starts_with(&prefix));
        if listed.len() < before {
            notes.push(format!("not read: {} files of the output folder {inside}/ inside the input", before - listed.len()));
        }
    }
    let files = discover::Inputs::new(&config.input, listed);
    let manifest = load::manifest::Manifest::read(&config.input);
    if let Some(m) = &manifest {
        notes.extend(m.problems.iter().cloned());
    }
    let bar = progress(config, files.len(), "extract");
    let extract_chunk = |chunk: std::ops::Range<usize>| -> Vec<Report> {
        chunk
            .into_par_iter()
            .map(|i| {
                let report = extract_guarded(&load::load(&files.file(i), manifest.as_ref()));
                bar.inc(1);
                report
            })
            .collect()
    };
    let mut copies = copies::Copies::default();
    let mut pending: Option<Vec<Report>> = None;
    let batch = |first: usize| first..(first + config.batch).min(files.len());
    let paths = |range: std::ops::Range<usize>| -> Vec<PathBuf> { range.map(|i| files.file(i).path).collect() };
    for first in (0..files.len()).step_by(config.batch) {
        let chunk = batch(first);
        // While this batch is extracted, the next one's files come from disk
        // (on the first pass, this one's too, ahead of the workers).
        let ahead = if first == 0 { 0..batch(chunk.end).end } else { batch(chunk.end) };
        let (handed, mut next) = std::thread::scope(|s| {
            s.spawn(|| load::read::prefetch(&paths(ahead)));
            rayon::join(|| pending.take().map_or(Ok(()), |b| each(&b)), || extract_chunk(chunk))
        });
        handed?;
        copies.observe(&mut next, first, |n| files.relative(n).to_string());
        pending = Some(next);
    }
    if let Some(last) = pending {
        each(&last)?;
    }
    bar.finish_and_clear();
    Ok((notes, copies.revised(|n| files.relative(n).to_string())))
}

/// Extracts a document; should the extractor panic on some input, the file still
/// gets its row (status `unreadable`, issue `extract_failed`) and the run goes on.
pub fn extract_guarded(doc: &load::Document) -> Report {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract::extract(doc))).unwrap_or_else(|panic| {
        let why = error::panic_message(&*panic);
        let mut r = Report {
            report_id: doc.report_id.clone(),
            source_path: doc.source_path.clone(),
            source_bytes: doc.source_bytes,
            encoding: doc.encoding.clone(),
            status: Some(Status::Unreadable),
            ..Report::default()
        };
        r.flag("extract_failed", format!("the extractor failed on this file: {why}"));
        r
    })
}

/// Runs the stages the config names.
pub fn run(config: &Config) -> Result<Summary> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.threads)
        .build()
        .map_err(|e| Error::Config(format!("cannot start worker threads: {e}")))?;
    pool.install(|| run_stages(config))
}

fn run_stages(config: &Config) -> Result<Summary> {
    let start = Instant::now();
    let mut summary = Summary::default();
    if let (true, Some(spec)) = (config.stages.gen, &config.gen) {
        let corpus = config.input.parent().unwrap_or(Path::new(".")).to_path_buf();
        let opts = gen::Options { reports: spec.reports, seed: spec.seed, out: corpus, error_rate: 0.03 };
        gen::generate(&opts)?;
    }
    if config.stages.extract {
        if !config.input.exists() {
            return Err(Error::Config(format!("input folder {} does not exist", config.input.display())));
        }
        let mut sink = match config.stages.write {
            true => Some(write::Sink::open(&config.out, &config.partition, config.shard)?),
            false => None,
        };
        let (notes, revised) = extract_batches(config, &mut |batch| {
            summary.add(batch);
            sink.as_mut().map_or(Ok(()), |s| s.push(batch))
        })?;
        summary.notes = notes;
        if !revised.is_empty() {
            *summary.issues.entry(copies::REVISED_COPY).or_insert(0) += revised.len();
        }
        if let Some(sink) = sink {
            summary.written = Some(sink.finish(&revised)?);
            let marker = config.out.join("SYNTHETIC");
            if let (true, Some(spec)) = (config.stages.gen, &config.gen) {
                let text = format!("Synthetic data: generated by `ogi gen --reports {} --seed {}`, not real reports.\n", spec.reports, spec.seed);
                std::fs::write(&marker, text).at(&marker)?;
            } else if marker.exists() {
                std::fs::remove_file(&marker).at(&marker)?;
            }
        }
    }
    if config.stages.stats {
        summary.stats = Some(stats::run(&config.out)?);
    }
    summary.elapsed = start.elapsed();
    Ok(summary)
}

/// Loads and extracts one file, for `ogi show`: the report and its normalised text.
pub fn extract_file(path: &Path) -> (Report, Option<String>) {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let doc = load::load(&discover::InputFile { path: path.to_path_buf(), relative: name }, None);
    let report = extract_guarded(&doc);
    (report, doc.text.ok())
}
