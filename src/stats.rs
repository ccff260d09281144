//! Stats: cross-agency statistics with polars over the written Parquet.
//!
//! Reads the hive datasets back (as any user would), builds one row per report
//! (`OUT/summary/agency_year/`) with its counts and rates, the yearly tables by
//! year, year × level and year × province (Parquet, CSV and Markdown), and the
//! checks across reports (`OUT/summary/checks/`). Every rate is defined once, in
//! [`RATES`], as a numerator and a denominator: the per-report rate divides them,
//! the pooled rate of a group divides their sums. `docs/METRICS.md` explains each.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use polars::prelude::*;

use crate::error::{Error, IoContext, Result};
use crate::schema::HIVE_NULL;
use crate::template;

fn polars_err(e: PolarsError) -> Error {
    Error::Config(format!("polars: {e}"))
}

/// The 表三 row keys that start with `prefix` (`denied_`, `rejected_`, …), from
/// the template declaration.
fn keys_with(prefix: &str) -> Vec<&'static str> {
    template::REQUEST_ROWS.iter().map(|r| r.key).filter(|k| k.starts_with(prefix)).collect()
}

/// Rows of 表三 (and the prose keys) that each per-report count sums.
fn counts() -> Vec<(&'static str, Vec<&'static str>)> {
    let with = |extra: &[&'static str], prefix: &str| -> Vec<&'static str> {
        extra.iter().copied().chain(keys_with(prefix)).collect()
    };
    vec![
        ("new_received", vec!["new_received"]),
        ("carried_over", vec!["carried_over"]),
        ("table_total_processed", vec!["total_processed"]),
        ("answered", vec!["answered"]),
        ("granted", vec!["granted"]),
        ("partially_granted", vec!["partially_granted"]),
        // 不予公开 in prose, the eight reasons in the tables.
        ("denied", with(&["denied"], "denied_")),
        ("not_held", vec!["unable_not_held"]),
        ("not_existing", vec!["unable_needs_creation", "unable_not_exist"]),
        ("unable", with(&["unable_not_exist"], "unable_")),
        ("rejected", keys_with("rejected_")),
        ("other", with(&["other", "not_gov_info"], "other_")),
        ("carried_forward", vec!["carried_forward"]),
    ]
}

const LAWSUITS: &[&str] = &["litigation_direct", "litigation_after_reconsideration", "litigation"];

/// A rate: name, numerator, denominator (expressions over `agency_year` columns).
pub struct Rate {
    pub name: &'static str,
    pub numerator: fn() -> Expr,
    pub denominator: fn() -> Expr,
}

fn zero_if_null(c: &str) -> Expr {
    col(c).fill_null(lit(0i64))
}

/// Every rate, defined once (docs/METRICS.md gives the reasons).
pub const RATES: &[Rate] = &[
    Rate { name: "grant_rate", numerator: || col("granted") + zero_if_null("partially_granted"), denominator: || col("total_processed") },
    Rate {
        name: "substantive_grant_rate",
        numerator: || col("granted") + zero_if_null("partially_granted"),
        denominator: || col("total_processed") - zero_if_null("not_held") - zero_if_null("not_existing") - zero_if_null("rejected"),
    },
    Rate { name: "not_held_rate", numerator: || col("not_held"), denominator: || col("total_processed") },
    Rate { name: "reconsideration_per_100", numerator: || col("reconsiderations") * lit(100i64), denominator: || col("new_received") },
    Rate { name: "litigation_per_100", numerator: || col("lawsuits") * lit(100i64), denominator: || col("new_received") },
    Rate {
        name: "reconsideration_correction_rate",
        numerator: || col("reconsideration_corrected"),
        denominator: || col("reconsideration_decided"),
    },
    Rate { name: "litigation_correction_rate", numerator: || col("litigation_corrected"), denominator: || col("litigation_decided") },
];

/// `num / den` as a float, null where `den` is 0 or unknown or `num` unknown.
fn ratio(num: Expr, den: Expr) -> Expr {
    when(den.clone().gt(lit(0i64)))
        .then(num.cast(DataType::Float64) / den.cast(DataType::Float64))
        .otherwise(lit(NULL).cast(DataType::Float64))
}

/// `value` where `cond` holds, else null; summed per report with
/// [`known_sum`]. Plain column work and plain sums, which polars aggregates in
/// one pass without materialising each group.
fn masked(cond: Expr, value: &str) -> Expr {
    when(cond).then(col(value)).otherwise(lit(NULL).cast(DataType::Int64))
}

/// Suffix of the row counts behind each [`known_sum`].
const KNOWN: &str = "__rows";

/// The aggregations of a [`masked`] column: its sum and how many rows stated it.
fn known_sum(masked: Expr, name: &str) -> [Expr; 2] {
    [masked.clone().sum().alias(name), masked.count().alias(format!("{name}{KNOWN}"))]
}

/// Each [`known_sum`] as its sum, null where no row stated it (a figure the
/// report does not state is unknown, not zero).
fn unknown_if_unstated(names: &[String]) -> Vec<Expr> {
    names
        .iter()
        .map(|n| {
            when(col(format!("{n}{KNOWN}")).gt(lit(0)))
                .then(col(n.as_str()))
                .otherwise(lit(NULL).cast(DataType::Int64))
                .alias(n.as_str())
        })
        .collect()
}

fn any_of(column: &str, values: &[&str]) -> Expr {
    values.iter().fold(lit(false), |acc, v| acc.or(col(column).eq(lit(*v))))
}

/// One partition of a written dataset: its folder below each table's folder
/// (`year=2019`; none when the dataset is not partitioned) and the values of
/// its partition columns, from the folders of the reports table.
pub struct Partition {
    folder: PathBuf,
    values: Vec<(String, Option<String>)>,
}

impl Partition {
    /// The partition's rows of `table`, with its partition columns added as a
    /// hive reader adds them ([`hive_value`]). Only the partition's own files
    /// are read: a scan of the whole dataset filtered on the partition lists
    /// and opens every file of the table for each partition. A table without
    /// the partition's folder (written by hand, or by another tool) is scanned
    /// whole and filtered.
    fn scan(&self, out: &Path, table: &str) -> Result<LazyFrame> {
        let dir = out.join(table).join(&self.folder);
        if crate::dataset::parquet_files(&dir)?.is_empty() {
            return Ok(scan_hive(out, table)?.filter(self.predicate()));
        }
        let path = dir.to_string_lossy().into_owned();
        let args = ScanArgsParquet { hive_options: HiveOptions::new_disabled(), ..Default::default() };
        let frame = LazyFrame::scan_parquet(PlRefPath::new(path), args).map_err(polars_err)?;
        let columns: Vec<Expr> =
            self.values.iter().map(|(column, value)| hive_value(column, value).alias(column.as_str())).collect();
        Ok(if columns.is_empty() { frame } else { frame.with_columns(columns) })
    }

    /// The rows of a hive scan in this partition (`year = 2019`).
    fn predicate(&self) -> Expr {
        self.values.iter().fold(lit(true), |acc, (column, value)| {
            acc.and(match value {
                None => col(column.as_str()).is_null(),
                Some(_) => col(column.as_str()).eq(hive_value(column, value)),
            })
        })
    }
}

/// A partition value as a hive reader reads it from a folder name: `year` an
/// integer, the other columns strings, the null partition null.
fn hive_value(column: &str, value: &Option<String>) -> Expr {
    match (column, value) {
        ("year", Some(v)) => v.parse::<i64>().map_or_else(|_| lit(v.clone()), lit),
        ("year", None) => lit(NULL).cast(DataType::Int64),
        (_, Some(v)) => lit(v.clone()),
        (_, None) => lit(NULL).cast(DataType::String),
    }
}

/// Every row of `table`, its partition columns read from the folder names.
fn scan_hive(out: &Path, table: &str) -> Result<LazyFrame> {
    let dir = out.join(table);
    if crate::dataset::parquet_files(&dir)?.is_empty() {
        return Err(Error::Data { path: dir, message: "no Parquet files (run extract first)".into() });
    }
    let path = dir.to_string_lossy().into_owned();
    let args = ScanArgsParquet { hive_options: HiveOptions::new_enabled(), ..Default::default() };
    LazyFrame::scan_parquet(PlRefPath::new(path), args).map_err(polars_err)
}

/// The partitions of a written dataset, from the folders of the reports table;
/// one, with no partition columns, when the dataset is not partitioned.
pub fn partitions(out: &Path) -> Result<Vec<Partition>> {
    let dir = out.join("reports");
    let mut folders: Vec<PathBuf> = crate::dataset::parquet_files(&dir)?
        .iter()
        .filter_map(|f| f.parent()?.strip_prefix(&dir).ok().map(Path::to_path_buf))
        .collect();
    folders.dedup();
    let partition = |folder: PathBuf| -> Partition {
        let values = folder
            .components()
            .filter_map(|part| {
                let part = part.as_os_str().to_string_lossy();
                let (column, value) = part.split_once('=')?;
                let value = (value != HIVE_NULL).then(|| crate::dataset::unescape(value));
                Some((column.to_string(), value))
            })
            .collect();
        Partition { folder, values }
    };
    Ok(folders.into_iter().map(partition).collect())
}

/// A per-report sum: the facts whose keys (`row`, or `proceeding` and
/// `outcome`) are one of `keys`.
struct Sum {
    name: String,
    keys: Vec<Vec<&'static str>>,
}

impl Sum {
    fn new(name: &str, keys: Vec<Vec<&'static str>>) -> Sum {
        Sum { name: name.to_string(), keys }
    }

    /// The column of [`Sum::frame`] that says whether a fact counts in this sum.
    fn flag(&self) -> String {
        format!("{}__in", self.name)
    }

    /// One row per key the sums name, with a flag column per sum: joined to the
    /// facts on the key columns, it tells each fact's sums with one hash lookup
    /// where comparing its keys with every value of every sum took dozens of
    /// string comparisons. Facts that count in no sum drop out of the join.
    fn frame(key_columns: &[&str], sums: &[Sum]) -> Result<DataFrame> {
        let mut keys: Vec<&[&'static str]> = sums.iter().flat_map(|s| s.keys.iter().map(Vec::as_slice)).collect();
        keys.sort_unstable();
        keys.dedup();
        let mut columns: Vec<Column> = key_columns
            .iter()
            .enumerate()
            .map(|(i, &name)| Column::new(name.into(), keys.iter().map(|k| k[i]).collect::<Vec<_>>()))
            .collect();
        for sum in sums {
            let flags: Vec<bool> = keys.iter().map(|k| sum.keys.iter().any(|s| s.as_slice() == *k)).collect();
            columns.push(Column::new(sum.flag().into(), flags));
        }
        DataFrame::new(keys.len(), columns).map_err(polars_err)
    }
}

/// One row per report that is a report (ok or partial, not a copy) among the
/// rows of `partition` (see [`partitions`]): its counts and rates.
pub fn agency_year(out: &Path, partition: &Partition) -> Result<LazyFrame> {
    let reports = partition
        .scan(out, "reports")?
        .filter(any_of("status", &["ok", "partial"]).and(col("duplicate_of").is_null()))
        .select([
            col("report_id"),
            col("year").cast(DataType::Int32),
            col("agency"),
            col("agency_key"),
            col("admin_level"),
            col("province"),
            col("city"),
            col("county"),
            col("region_code"),
            col("template"),
            col("status"),
        ]);
    let mut request_sums: Vec<Sum> =
        counts().into_iter().map(|(name, rows)| Sum::new(name, rows.into_iter().map(|r| vec![r]).collect())).collect();
    request_sums.extend(keys_with("denied_").into_iter().map(|r| Sum::new(r, vec![vec![r]])));
    let is = |name: &str, proceedings: &[&'static str], outcome: &'static str| {
        Sum::new(name, proceedings.iter().map(|&p| vec![p, outcome]).collect())
    };
    let litigation_sums = [
        is("reconsiderations", &["reconsideration"], "total"),
        is("reconsideration_upheld", &["reconsideration"], "upheld"),
        is("reconsideration_corrected", &["reconsideration"], "corrected"),
        is("reconsideration_pending", &["reconsideration"], "pending"),
        is("lawsuits", LAWSUITS, "total"),
        is("litigation_upheld", LAWSUITS, "upheld"),
        is("litigation_corrected", LAWSUITS, "corrected"),
        is("litigation_pending", LAWSUITS, "pending"),
    ];
    let per_report = |table: &str, rows: Expr, keys: &[&str], sums: &[Sum]| -> Result<LazyFrame> {
        let aggs: Vec<Expr> = sums.iter().flat_map(|s| known_sum(masked(col(s.flag()), "count"), &s.name)).collect();
        let names: Vec<String> = sums.iter().map(|s| s.name.clone()).collect();
        let keep: Vec<Expr> = std::iter::once(col("report_id")).chain(unknown_if_unstated(&names)).collect();
        let on: Vec<Expr> = keys.iter().map(|k| col(*k)).collect();
        Ok(partition
            .scan(out, table)?
            .filter(rows)
            .join(Sum::frame(keys, sums)?.lazy(), on.clone(), on, JoinArgs::new(JoinType::Inner))
            .group_by([col("report_id")])
            .agg(aggs)
            .select(keep))
    };
    let requests = per_report("requests", col("applicant").eq(lit("total")), &["row"], &request_sums)?;
    let litigation = per_report("litigation", lit(true), &["proceeding", "outcome"], &litigation_sums)?;
    let joined = reports
        .left_join(requests, col("report_id"), col("report_id"))
        .left_join(litigation, col("report_id"), col("report_id"))
        .with_columns([
            // Pre-2019 prose gives no (七)总计: requests answered, else received.
            when(col("table_total_processed").is_not_null())
                .then(col("table_total_processed"))
                .otherwise(when(col("answered").is_not_null()).then(col("answered")).otherwise(col("new_received")))
                .alias("total_processed"),
            (col("reconsiderations") - col("reconsideration_pending")).alias("reconsideration_decided"),
            (col("lawsuits") - col("litigation_pending")).alias("litigation_decided"),
        ]);
    let rates: Vec<Expr> = RATES.iter().map(|r| ratio((r.numerator)(), (r.denominator)()).alias(r.name)).collect();
    let sort = SortMultipleOptions::default().with_nulls_last(true).with_maintain_order(true);
    Ok(joined
        .with_columns(rates)
        .drop(Selector::ByName { names: ["table_total_processed", "answered"].into_iter().map(Into::into).collect(), strict: false })
        .sort(["year", "agency_key", "report_id"], sort))
}

/// A yearly table grouped by `keys` (`year`, `admin_level`, `province`, …).
pub fn grouped(agency_year: LazyFrame, keys: &[&str]) -> LazyFrame {
    let counts = [
        "new_received",
        "carried_over",
        "total_processed",
        "granted",
        "partially_granted",
        "denied",
        "not_held",
        "unable",
        "rejected",
        "other",
        "carried_forward",
        "reconsiderations",
        "lawsuits",
    ];
    let mut aggs: Vec<Expr> = vec![
        len().cast(DataType::Int64).alias("reports"),
        col("new_received").gt(lit(0i64)).or(col("total_processed").gt(lit(0i64))).sum().cast(DataType::Int64).alias("reports_with_requests"),
    ];
    aggs.extend(counts.iter().map(|c| col(*c).sum().alias(*c)));
    for r in RATES {
        let known = col(r.name).is_not_null();
        let num = (r.numerator)().filter(known.clone()).sum();
        let den = (r.denominator)().filter(known.clone()).sum();
        aggs.push(ratio(num, den).alias(r.name));
        aggs.push(col(r.name).median().alias(format!("{}_median", r.name)));
        aggs.push(col(r.name).count().cast(DataType::Int64).alias(format!("{}_n", r.name)));
    }
    for reason in keys_with("denied_") {
        let known = col(reason).is_not_null().and(col("denied").is_not_null());
        let share = ratio(col(reason).filter(known.clone()).sum(), col("denied").filter(known).sum());
        aggs.push(share.alias(format!("denial_share_{}", reason.trim_start_matches("denied_"))));
    }
    let by: Vec<Expr> = keys.iter().map(|k| col(*k)).collect();
    let sort = SortMultipleOptions::default().with_nulls_last(true).with_maintain_order(true);
    agency_year.group_by(by).agg(aggs).sort(keys.iter().map(|k| PlSmallStr::from(*k)).collect::<Vec<_>>(), sort)
}

/// The yearly tables written under `OUT/summary/`, by file stem.
pub const TABLES: &[(&str, &[&str])] =
    &[("year", &["year"]), ("year_admin_level", &["year", "admin_level"]), ("year_province", &["year", "province"])];

/// A finding of the checks across reports.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Finding {
    pub check: &'static str,
    pub agency_key: String,
    pub year: i32,
    pub report_ids: Vec<String>,
    pub detail: String,
}

/// What the checks across reports need of each report, in a few dozen bytes,
/// so that they can run over every report of a large dataset at once.
#[derive(Clone, Debug, Default)]
pub struct CheckRows {
    report_id: Vec<u128>,
    /// Ids that are not 32 hex digits, by their bits.
    odd_ids: HashMap<u128, String>,
    /// Index into `keys`.
    agency_key: Vec<Option<u32>>,
    keys: Vec<String>,
    key_index: HashMap<String, u32>,
    year: Vec<Option<i64>>,
    carried_over: Vec<Option<i64>>,
    carried_forward: Vec<Option<i64>>,
}

impl CheckRows {
    /// Adds the rows of a piece of `agency_year`.
    pub fn add(&mut self, agency_year: &DataFrame) -> Result<()> {
        let column = |name: &str| agency_year.column(name).map_err(polars_err);
        let ints = |name: &str| -> Result<Vec<Option<i64>>> {
            let c = column(name)?.cast(&DataType::Int64).map_err(polars_err)?;
            Ok(c.i64().map_err(polars_err)?.iter().collect())
        };
        for id in column("report_id")?.str().map_err(polars_err)?.iter() {
            let id = id.unwrap_or_default();
            let bits = crate::load::report_id_bits(id);
            // Ids as `report_id` makes them are their bits in lowercase hex.
            if id.len() != 32 || !id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
                self.odd_ids.insert(bits, id.to_string());
            }
            self.report_id.push(bits);
        }
        for key in column("agency_key")?.str().map_err(polars_err)?.iter() {
            let index = key.map(|k| match self.key_index.get(k) {
                Some(&i) => i,
                None => {
                    let i = self.keys.len() as u32;
                    self.keys.push(k.to_string());
                    self.key_index.insert(k.to_string(), i);
                    i
                }
            });
            self.agency_key.push(index);
        }
        self.year.extend(ints("year")?);
        self.carried_over.extend(ints("carried_over")?);
        self.carried_forward.extend(ints("carried_forward")?);
        Ok(())
    }

    fn id(&self, i: usize) -> String {
        let bits = self.report_id[i];
        self.odd_ids.get(&bits).cloned().unwrap_or_else(|| format!("{bits:032x}"))
    }

    /// The years present, in order and the unknown year last, cut into runs
    /// of consecutive years of at most `most` reports together (a year with
    /// more is a run of its own).
    fn year_runs(&self, most: usize) -> Vec<YearRun> {
        let mut reports: BTreeMap<(bool, Option<i64>), usize> = BTreeMap::new();
        for y in &self.year {
            *reports.entry((y.is_none(), *y)).or_default() += 1;
        }
        let mut runs: Vec<(YearRun, usize)> = Vec::new();
        for ((_, year), n) in reports {
            match runs.last_mut() {
                Some((run, total)) if *total + n <= most => {
                    run.add(year);
                    *total += n;
                }
                _ => runs.push((YearRun::default().with(year), n)),
            }
        }
        runs.into_iter().map(|(run, _)| run).collect()
    }
}

/// Consecutive years of `agency_year`, read together for the yearly tables.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct YearRun {
    /// The first and last known year of the run.
    known: Option<(i64, i64)>,
    unknown: bool,
}

impl YearRun {
    fn with(mut self, year: Option<i64>) -> YearRun {
        self.add(year);
        self
    }

    /// Years are added in order, the unknown year last.
    fn add(&mut self, year: Option<i64>) {
        match (year, &mut self.known) {
            (None, _) => self.unknown = true,
            (Some(y), Some((_, last))) => *last = y,
            (Some(y), known @ None) => *known = Some((y, y)),
        }
    }

    /// The rows of the run's years.
    fn pick(&self) -> Expr {
        let year = || col("year");
        let known = self.known.map_or(lit(false), |(first, last)| {
            year().gt_eq(lit(first as i32)).and(year().lt_eq(lit(last as i32)))
        });
        if self.unknown {
            known.or(year().is_null())
        } else {
            known
        }
    }
}

/// Carry-over breaks and agency-years reported twice.
pub fn checks(rows: &CheckRows) -> Vec<Finding> {
    let mut by_key_year: BTreeMap<(&str, i64), Vec<usize>> = BTreeMap::new();
    for i in 0..rows.report_id.len() {
        if let (Some(k), Some(y)) = (rows.agency_key[i], rows.year[i]) {
            by_key_year.entry((rows.keys[k as usize].as_str(), y)).or_default().push(i);
        }
    }
    let (over, forward) = (&rows.carried_over, &rows.carried_forward);
    let mut findings = Vec::new();
    for (&(key, year), same) in &by_key_year {
        let id = |i: usize| rows.id(i);
        if same.len() > 1 {
            findings.push(Finding {
                check: "agency_year_twice",
                agency_key: key.to_string(),
                year: year as i32,
                report_ids: same.iter().map(|&i| id(i)).collect(),
                detail: format!("{} reports for one agency and year", same.len()),
            });
        }
        // Carry-over chains one report to the next: with two reports for a
        // year, which one carries on is unknown (and flagged above).
        let (&[i], Some(&[p])) = (same.as_slice(), by_key_year.get(&(key, year - 1)).map(Vec::as_slice)) else { continue };
        if let (Some(o), Some(f)) = (over[i], forward[p]) {
            if o != f {
                findings.push(Finding {
                    check: "carryover_mismatch",
                    agency_key: key.to_string(),
                    year: year as i32,
                    report_ids: vec![id(p), id(i)],
                    detail: format!("{year} carried over {o}, {} carried forward {f}", year - 1),
                });
            }
        }
    }
    findings.sort();
    findings
}

fn findings_frame(findings: &[Finding]) -> Result<DataFrame> {
    let ids: usize = findings.iter().map(|f| f.report_ids.len()).sum();
    let mut lists = ListStringChunkedBuilder::new("report_ids".into(), findings.len(), ids);
    for f in findings {
        lists.append_values_iter(f.report_ids.iter().map(String::as_str));
    }
    let lists = lists.finish().into_series();
    let columns = vec![
        Column::new("check".into(), findings.iter().map(|f| f.check).collect::<Vec<_>>()),
        Column::new("agency_key".into(), findings.iter().map(|f| f.agency_key.as_str()).collect::<Vec<_>>()),
        Column::new("year".into(), findings.iter().map(|f| f.year).collect::<Vec<_>>()),
        Column::new("report_ids".into(), lists),
        Column::new("detail".into(), findings.iter().map(|f| f.detail.as_str()).collect::<Vec<_>>()),
    ];
    DataFrame::new(findings.len(), columns).map_err(polars_err)
}

/// What the stats stage produced.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    pub reports: usize,
    /// Findings per check.
    pub checks: BTreeMap<&'static str, usize>,
    /// The yearly table, as printed by `ogi summary`.
    pub table: String,
}

/// Reports of `agency_year` (48 columns, some 560 bytes a report in
/// memory) grouped at a time for the yearly tables: a dataset of up to
/// 100,000 reports in one query, a larger one a run of years at a time, so
/// that the stage holds no more than a year or two of a large dataset, as it
/// did when it went a year at a time.
const YEARLY_REPORTS: usize = 100_000;

/// Computes and writes everything under `OUT/summary/` (replacing it).
///
/// `agency_year` is computed a partition at a time (a year, with the default
/// partitioning), so that memory follows the largest partition rather than the
/// whole dataset; the yearly tables and the checks then read the per-report
/// rows, a few hundred bytes a report.
pub fn run(out: &Path) -> Result<Stats> {
    let staging = out.join(format!(".ogi-summary-{}", std::process::id()));
    if staging.exists() {
        std::fs::remove_dir_all(&staging).at(&staging)?;
    }
    let written = (|| -> Result<(usize, Vec<Finding>, String)> {
        let parts = staging.join("agency_year");
        std::fs::create_dir_all(&parts).at(&parts)?;
        let mut rows = CheckRows::default();
        let mut reports = 0;
        // Each partition's rows are written while the next partition's are
        // computed: one frame waits for its write at most.
        std::thread::scope(|scope| -> Result<()> {
            let mut writing = None;
            for (i, partition) in partitions(out)?.into_iter().enumerate() {
                let mut ay = agency_year(out, &partition)?.collect().map_err(polars_err)?;
                if ay.height() == 0 && i > 0 {
                    continue;
                }
                reports += ay.height();
                rows.add(&ay)?;
                writing.take().map_or(Ok(()), joined)?;
                let path = parts.join(format!("part-{i:05}.parquet"));
                writing = Some(scope.spawn(move || write_parquet(&path, &mut ay)));
            }
            writing.map_or(Ok(()), joined)
        })?;
        let findings = checks(&rows);
        let runs = rows.year_runs(YEARLY_REPORTS);
        drop(rows);
        std::fs::create_dir_all(staging.join("checks")).at(&staging)?;
        write_parquet(&staging.join("checks/part-00000.parquet"), &mut findings_frame(&findings)?)?;
        let args = ScanArgsParquet { hive_options: HiveOptions::new_disabled(), ..Default::default() };
        let ay = LazyFrame::scan_parquet(PlRefPath::new(parts.to_string_lossy().into_owned()), args).map_err(polars_err)?;
        // Every table is by year first: whole years at a time, as many as
        // fit in memory, read once for all the tables.
        let mut tables: Vec<Option<DataFrame>> = vec![None; TABLES.len()];
        for run in &runs {
            let rows = ay.clone().filter(run.pick()).collect().map_err(polars_err)?;
            for (table, (_, keys)) in tables.iter_mut().zip(TABLES) {
                let piece = grouped(rows.clone().lazy(), keys).collect().map_err(polars_err)?;
                match table {
                    None => *table = Some(piece),
                    Some(df) => {
                        df.vstack_mut(&piece).map_err(polars_err)?;
                    }
                }
            }
        }
        let mut printed = String::new();
        for ((stem, keys), df) in TABLES.iter().zip(tables) {
            let mut df = match df {
                Some(df) => df,
                None => grouped(ay.clone(), keys).collect().map_err(polars_err)?,
            };
            write_parquet(&staging.join(format!("{stem}.parquet")), &mut df)?;
            std::fs::write(staging.join(format!("{stem}.csv")), to_csv(&df)?).at(&staging)?;
            let md = to_markdown(&df, None)?;
            std::fs::write(staging.join(format!("{stem}.md")), &md).at(&staging)?;
            if *stem == "year" {
                printed = to_markdown(&df, Some(PRINTED))?;
            }
        }
        Ok((reports, findings, printed))
    })();
    let (reports, findings, printed) = match written {
        Ok(w) => w,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    crate::write::swap_in(&staging, &out.join("summary"))?;
    let mut counts = BTreeMap::new();
    for f in &findings {
        *counts.entry(f.check).or_insert(0) += 1;
    }
    Ok(Stats { reports, checks: counts, table: printed })
}

/// What a write on another thread returned; a panic there goes on here.
fn joined(write: std::thread::ScopedJoinHandle<'_, Result<()>>) -> Result<()> {
    write.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

/// The columns `ogi summary` prints, after the group keys.
pub const PRINTED: &[&str] = &[
    "reports",
    "reports_with_requests",
    "new_received",
    "total_processed",
    "grant_rate",
    "grant_rate_median",
    "grant_rate_n",
    "substantive_grant_rate",
    "not_held_rate",
    "reconsideration_per_100",
    "litigation_per_100",
    "reconsideration_correction_rate",
    "litigation_correction_rate",
];

/// The yearly table grouped by `keys`, from a written `OUT/summary/agency_year/`,
/// as a readable table.
pub fn summary(out: &Path, keys: &[&str]) -> Result<String> {
    let dir = out.join("summary/agency_year");
    if crate::dataset::parquet_files(&dir)?.is_empty() {
        return Err(Error::Data { path: dir, message: "no summary (run `ogi stats` or `ogi run` first)".into() });
    }
    let args = ScanArgsParquet { hive_options: HiveOptions::new_disabled(), ..Default::default() };
    let ay = LazyFrame::scan_parquet(PlRefPath::new(dir.to_string_lossy().into_owned()), args).map_err(polars_err)?;
    let schema = ay.clone().collect_schema().map_err(polars_err)?;
    if let Some(bad) = keys.iter().find(|k| schema.get(k).is_none()) {
        return Err(Error::Config(format!("cannot group by `{bad}` (columns of agency_year: year, admin_level, province, template, …)")));
    }
    let df = grouped(ay, keys).collect().map_err(polars_err)?;
    to_markdown(&df, Some(PRINTED))
}

fn write_parquet(path: &Path, df: &mut DataFrame) -> Result<()> {
    // Buffered: polars hands the file a write per piece of a page (130,000
    // system calls for the summary of 100,000 reports, 800 with the buffer).
    let mut file = BufWriter::with_capacity(1 << 20, File::create(path).at(path)?);
    // As for the extracted tables: at it rather than polars' default, zstd went
    // from 9% to 6% of the stage's CPU, and the files came out no larger.
    let level = polars::polars_utils::compression::ZstdLevel::try_new(crate::write::ZSTD_LEVEL).map_err(polars_err)?;
    ParquetWriter::new(&mut file).with_compression(ParquetCompression::Zstd(Some(level))).finish(df).map_err(polars_err)?;
    file.flush().at(path)
}

fn cell(v: AnyValue<'_>, rate: bool) -> String {
    match v {
        AnyValue::Null => String::new(),
        AnyValue::Float64(f) if rate => format!("{f:.4}"),
        AnyValue::Float64(f) => format!("{f}"),
        AnyValue::String(s) => s.to_string(),
        AnyValue::StringOwned(s) => s.to_string(),
        other => other.to_string().trim_matches('"').to_string(),
    }
}

fn to_csv(df: &DataFrame) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let names: Vec<String> = df.columns().iter().map(|c| c.name().to_string()).collect();
    w.write_record(&names).map_err(|e| Error::Config(e.to_string()))?;
    for i in 0..df.height() {
        let row: Vec<String> =
            df.columns().iter().map(|c| c.get(i).map(|v| cell(v, false)).unwrap_or_default()).collect::<Vec<_>>();
        w.write_record(&row).map_err(|e| Error::Config(e.to_string()))?;
    }
    let bytes = w.into_inner().map_err(|e| Error::Config(e.to_string()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A Markdown table of `df`; with `only`, the group keys and those columns.
fn to_markdown(df: &DataFrame, only: Option<&[&str]>) -> Result<String> {
    let shown: Vec<&Column> = df
        .columns()
        .iter()
        .filter(|c| {
            let name = c.name().as_str();
            only.is_none_or(|o| o.contains(&name) || !PRINTED.contains(&name) && !is_metric(name))
        })
        .collect();
    let mut out = String::new();
    out.push_str(&format!("| {} |\n", shown.iter().map(|c| c.name().as_str()).collect::<Vec<_>>().join(" | ")));
    out.push_str(&format!("|{}\n", shown.iter().map(|_| "---|").collect::<String>()));
    for i in 0..df.height() {
        let row: Vec<String> = shown.iter().map(|c| c.get(i).map(|v| cell(v, true)).unwrap_or_default()).collect();
        out.push_str(&format!("| {} |\n", row.join(" | ")));
    }
    Ok(out)
}

/// Whether a column of a yearly table is a figure rather than a group key.
fn is_metric(name: &str) -> bool {
    let keys = ["year", "admin_level", "province", "template", "city", "agency_key"];
    !keys.contains(&name)
}

/// Where `ogi summary` looks by default: the default pipeline's output.
pub fn default_data_dir() -> PathBuf {
    crate::config::Pipeline::load(Path::new("pipelines/default.toml"))
        .ok()
        .and_then(|p| p.out)
        .unwrap_or_else(|| PathBuf::from("out"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_frame_has_each_key_once_and_flags_every_sum_it_counts_in() {
        let sums = [
            Sum::new("rejected", vec![vec!["rejected_petition"], vec!["rejected_duplicate"]]),
            Sum::new("rejected_duplicate", vec![vec!["rejected_duplicate"]]),
            Sum::new("granted", vec![vec!["granted"]]),
        ];
        let frame = Sum::frame(&["row"], &sums).unwrap();
        let rows: Vec<&str> = frame.column("row").unwrap().str().unwrap().iter().map(Option::unwrap).collect();
        assert_eq!(rows, ["granted", "rejected_duplicate", "rejected_petition"]);
        let flags = |sum: &Sum| -> Vec<bool> {
            frame.column(&sum.flag()).unwrap().bool().unwrap().iter().map(Option::unwrap).collect()
        };
        assert_eq!(flags(&sums[0]), [false, true, true]);
        assert_eq!(flags(&sums[1]), [false, true, false]);
        assert_eq!(flags(&sums[2]), [true, false, false]);
    }

    #[test]
    fn year_runs_take_whole_years_in_order_and_pick_each_row_once() {
        let years = [2019, 2018, 2020, 2019, 0, 2018, 2021, 2019, 2018, 2020, 2018];
        let year = |y: i64| (y > 0).then_some(y);
        let rows = CheckRows { year: years.iter().map(|&y| year(y)).collect(), ..CheckRows::default() };
        let run = |known, unknown| YearRun { known, unknown };
        // 2018: 4 reports, 2019: 3, 2020: 2, 2021: 1, unknown: 1.
        assert_eq!(
            rows.year_runs(5),
            [run(Some((2018, 2018)), false), run(Some((2019, 2020)), false), run(Some((2021, 2021)), true)]
        );
        assert_eq!(rows.year_runs(usize::MAX), [run(Some((2018, 2021)), true)]);
        assert_eq!(rows.year_runs(0).len(), 5, "a year larger than a run is a run of its own");
        assert_eq!(CheckRows { year: vec![None], ..CheckRows::default() }.year_runs(10), [run(None, true)]);
        let frame = df!("year" => years.iter().map(|&y| year(y).map(|y| y as i32)).collect::<Vec<_>>()).unwrap();
        for most in [0, 1, 3, 5, 7, usize::MAX] {
            let mut picked = 0;
            for run in rows.year_runs(most) {
                let rows = frame.clone().lazy().filter(run.pick()).collect().unwrap();
                let inside = |y: Option<i32>| match (y, run.known) {
                    (None, _) => run.unknown,
                    (Some(y), Some((first, last))) => (first..=last).contains(&(y as i64)),
                    (Some(_), None) => false,
                };
                assert!(rows.column("year").unwrap().i32().unwrap().iter().all(inside), "{run:?}");
                picked += rows.height();
            }
            assert_eq!(picked, years.len(), "runs of at most {most}");
        }
    }

    #[test]
    fn the_flag_frame_keys_a_sum_on_several_columns() {
        let sums = [
            Sum::new("lawsuits", vec![vec!["litigation_direct", "total"], vec!["litigation", "total"]]),
            Sum::new("litigation_pending", vec![vec!["litigation_direct", "pending"]]),
        ];
        let frame = Sum::frame(&["proceeding", "outcome"], &sums).unwrap();
        assert_eq!(frame.height(), 3);
        let keys: Vec<(&str, &str)> = frame
            .column("proceeding")
            .unwrap()
            .str()
            .unwrap()
            .iter().map(Option::unwrap)
            .zip(frame.column("outcome").unwrap().str().unwrap().iter().map(Option::unwrap))
            .collect();
        assert_eq!(keys, [("litigation", "total"), ("litigation_direct", "pending"), ("litigation_direct", "total")]);
        let lawsuits: Vec<bool> =
            frame.column(&sums[0].flag()).unwrap().bool().unwrap().iter().map(Option::unwrap).collect();
        assert_eq!(lawsuits, [true, false, true]);
    }
}
