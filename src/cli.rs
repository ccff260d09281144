//! Command-line arguments, turned once into an `ogi::Config`.

use std::path::PathBuf;

use anyhow::Context;
use clap::{ArgAction, Args, Parser, Subcommand};
use ogi::config::{Config, Pipeline};

/// Extract the statistics of Chinese government open-information annual reports
/// (政府信息公开工作年度报告) into hive-partitioned Parquet.
///
/// Reads saved web pages (any encoding, .mhtml too), text, Markdown, PDF and Word (.docx, .doc); the
/// prose of the reports on 2008-2018 and the tables of the 2019 and 2021 templates.
/// Every input file gets a row in `reports`, whatever happened to it.
#[derive(Debug, Parser)]
#[command(name = "ogi", version, term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// More output: -v prints the stats stage's table.
    #[arg(short, long, action = ArgAction::Count, global = true)]
    pub verbose: u8,
    /// No progress bars and no issue tally; the summary line still prints.
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run a pipeline: extract, write and stats, as the pipeline file says.
    ///
    /// With no arguments, runs pipelines/default.toml: the embedded sample reports in
    /// data/samples to out/.
    Run(RunArgs),
    /// Extract the four tables from a folder of reports and write them as Parquet.
    Extract(ExtractArgs),
    /// Compute the statistics of written tables into OUT/summary/.
    ///
    /// Per report (agency_year/): counts, grant rates, litigation ratios, correction
    /// rates; yearly tables by year, year × admin_level and year × province (Parquet,
    /// CSV, Markdown); checks across reports (checks/: carry-over breaks, an agency
    /// reporting a year twice). Rates are defined in docs/METRICS.md. Prints the yearly
    /// table.
    Stats(StatsArgs),
    /// Print a yearly table from OUT/summary/, grouped as asked.
    Summary(SummaryArgs),
    /// Score output against gold files, with the same figures as the reference scorer score.py.
    ///
    /// Prints each miss, then the summary line. Exits 1 below --min, 2 without a
    /// reports table. -q prints the summary line only.
    Eval(EvalArgs),
    /// Generate a reproducible synthetic corpus of reports with their gold files.
    ///
    /// Writes DIR/input/ (reports of every level, era and layout the reader claims, with
    /// a known share of seeded arithmetic errors, non-reports, empty and binary files and
    /// byte copies) and DIR/gold/ (the gold format, labelled with layout and era, read by
    /// `ogi eval --by layout,era`). Same seed, same bytes.
    Gen(GenArgs),
    /// Print a report's normalised text with each extracted fact marked.
    ///
    /// Each fact appears as ⟦table/key/column=value⟧ just before the number it was read
    /// from, after a header with the report's metadata, status and issues.
    Show(ShowArgs),
}

/// Where and how to extract.
#[derive(Debug, Args)]
pub struct Common {
    /// Output root; tables go to OUT/<table>/year=YYYY/part-00000.parquet.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Worker threads [default: one per core].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Partition columns, comma-separated, from: year, template, status, admin_level,
    /// province [default: year].
    #[arg(long, value_name = "COLS", value_delimiter = ',')]
    pub partition: Option<Vec<String>>,
    /// Files loaded and extracted at a time; a run holds no more reports than this in
    /// memory, whatever the size of the corpus [default: 4096].
    #[arg(long, value_name = "N")]
    pub batch: Option<usize>,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Pipeline file (TOML); its relative paths are relative to its folder.
    #[arg(long, value_name = "FILE", default_value = "pipelines/default.toml")]
    pub pipeline: PathBuf,
    /// Input root, instead of the pipeline's.
    #[arg(long, value_name = "DIR")]
    pub input: Option<PathBuf>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Input root: every file below it is read (hidden files excepted). A manifest.csv
    /// or manifest.jsonl there (path,url,agency,published,year) supplies metadata.
    #[arg(long, value_name = "DIR")]
    pub input: PathBuf,
    /// Process only shard K of N (inputs split by a hash of their path) and write
    /// part-<K>-<n>.parquet files beside the other shards' in the same OUT. Copies are
    /// linked within a shard only.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,
    #[command(flatten)]
    pub common: Common,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Output root of a previous run [default: the default pipeline's output].
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct SummaryArgs {
    /// Output root of a previous run [default: the default pipeline's output].
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Group columns, comma-separated: year, admin_level, province, template, city.
    #[arg(long, value_name = "COLS", value_delimiter = ',', default_value = "year")]
    pub by: Vec<String>,
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Folder of gold JSON files (SCHEMA.md's format).
    #[arg(long, value_name = "DIR")]
    pub gold: PathBuf,
    /// Output root to score.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Exit 1 when the score is below this.
    #[arg(long, value_name = "SCORE")]
    pub min: Option<f64>,
    /// Also print the score by these gold labels (generated corpora: layout, era).
    #[arg(long, value_name = "LABELS", value_delimiter = ',')]
    pub by: Vec<String>,
}

#[derive(Debug, Args)]
pub struct GenArgs {
    /// Number of files to write.
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub reports: usize,
    /// Seed of the random draw.
    #[arg(long, value_name = "S", default_value_t = 1)]
    pub seed: u64,
    /// Output folder (input/ and gold/ are replaced).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Share of table reports given one arithmetic error the checks must flag.
    #[arg(long, value_name = "P", default_value_t = 0.03)]
    pub error_rate: f64,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// A report file.
    pub file: PathBuf,
}

impl Common {
    fn apply(&self, p: &mut Pipeline) {
        if let Some(out) = &self.out {
            p.out = Some(out.clone());
        }
        if let Some(t) = self.threads {
            p.threads = Some(t);
        }
        if let Some(cols) = &self.partition {
            p.partition = Some(cols.clone());
        }
        if let Some(b) = self.batch {
            p.batch = Some(b);
        }
    }
}

impl RunArgs {
    pub fn config(&self, quiet: bool) -> anyhow::Result<Config> {
        let mut p = Pipeline::load(&self.pipeline)
            .with_context(|| format!("cannot read pipeline {} (run from the project root, or give --pipeline)", self.pipeline.display()))?;
        if let Some(input) = &self.input {
            p.input = Some(input.clone());
        }
        self.common.apply(&mut p);
        let mut config = Config::from_pipeline(&p)?;
        config.progress = !quiet;
        Ok(config)
    }
}

impl ExtractArgs {
    pub fn config(&self, quiet: bool) -> anyhow::Result<Config> {
        let mut p = Pipeline {
            input: Some(self.input.clone()),
            out: Some(PathBuf::from("out")),
            stages: Some(vec!["extract".into(), "write".into()]),
            ..Pipeline::default()
        };
        self.common.apply(&mut p);
        let mut config = Config::from_pipeline(&p)?;
        config.progress = !quiet;
        config.shard = self.shard.as_deref().map(ogi::config::Shard::parse).transpose()?;
        Ok(config)
    }
}
