//! Write: the four tables as hive-partitioned Parquet.
//!
//! `OUT/<table>/year=2019/part-00000.parquet`, zstd-compressed, written batch by
//! batch as the run goes (one file per table and partition, unless a run has more
//! partitions than it keeps files open). Partition columns live in the folder
//! names only (as Spark writes them), and a missing value is
//! `__HIVE_DEFAULT_PARTITION__`. Output is deterministic: batches in input order,
//! and within a batch reports sorted by partition, then `report_id` and path, so
//! the same input gives the same bytes. A run writes every table into a staging
//! folder beside the output and then swaps each table folder in with a rename, so
//! a reader never sees a half-written table and a killed run leaves the old
//! output whole.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use parquet::schema::types::ColumnPath;

use crate::config::Shard;
use crate::copies::{Revised, REVISED_COPY};
use crate::error::{IoContext, Result};
use crate::report::Report;
use crate::schema::{Table, HIVE_NULL};
use crate::to_arrow;

/// What a write produced.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub files: usize,
    /// Rows written per table, in [`Table::ALL`] order.
    pub rows: [usize; 4],
}

impl Written {
    pub fn facts(&self) -> usize {
        self.rows[1..].iter().sum()
    }
}

/// The value of partition column `column` for a report (`None` is the null partition).
pub fn partition_value(r: &Report, column: &str) -> Option<String> {
    match column {
        "year" => r.year.map(|y| y.to_string()),
        "template" => Some(r.template().as_str().to_string()),
        "status" => Some(r.status().as_str().to_string()),
        "admin_level" => r.admin_level.clone(),
        "province" => r.province.clone(),
        _ => None,
    }
}

/// Escapes a partition value for a folder name the way Hive does: the characters
/// that mean something in a path or to a hive reader become `%XX`.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if c.is_control() || "\"#%'*/:=?\\{}[]^".contains(c) {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The partition folder of a report, relative to a table folder.
pub fn partition_dir(r: &Report, columns: &[String]) -> PathBuf {
    columns
        .iter()
        .map(|c| format!("{c}={}", partition_value(r, c).map_or_else(|| HIVE_NULL.to_string(), |v| escape(&v))))
        .collect()
}

/// How many files a run keeps open at once. Past it the least recently written
/// is closed, and its partition goes on in a new file (`part-00001.parquet`).
pub const OPEN_FILES: usize = 256;

/// Reports turned into Arrow arrays at a time. Small enough that the arrays
/// (about 15,000 rows of table reports) come from the allocator's reused
/// pages: at 512 they were large allocations, fresh pages the kernel zeroed
/// each time (a third more page faults in a run).
const ARROW_REPORTS: usize = 128;

/// The zstd level of every Parquet file written, the tables' and the summary's:
/// level 3 made the tables 0.2% smaller for 1% more instructions in the extraction.
pub const ZSTD_LEVEL: i32 = 1;

/// Rows per row group, at most.
pub const ROW_GROUP_ROWS: usize = 128 * 1024;

/// What the open files may hold in memory together (encoded pages and
/// dictionaries of their row groups in progress); past it the largest row
/// group in progress is written out. Without it, memory would grow with the
/// number of partitions times the row-group size.
pub const BUFFER_BYTES: usize = 64 << 20;

/// Writes the four tables batch by batch, so that a run holds one batch of
/// reports at a time whatever the size of the corpus.
///
/// A full run writes into a staging folder beside the output and swaps each table
/// folder in when [`Sink::finish`] is called; a shard writes its own
/// `part-<k>-<n>.parquet` files beside the other shards', each under a temporary
/// name until the finish. A sink dropped before its finish (an error, a panic)
/// removes what it wrote and leaves the old output whole.
pub struct Sink {
    out: PathBuf,
    columns: Vec<String>,
    shard: Option<Shard>,
    /// Where files are written: the staging folder, or `out` for a shard.
    root: PathBuf,
    open: BTreeMap<(usize, PathBuf), Open>,
    /// Files started per table and partition, for the next file's number.
    started: BTreeMap<(usize, PathBuf), usize>,
    /// Every file written: where it is now, and where the finish puts it.
    files: Vec<(usize, PathBuf, PathBuf)>,
    rows: [usize; 4],
    clock: u64,
    open_files: usize,
    buffer_bytes: usize,
    finished: bool,
}

struct Open {
    writer: ArrowWriter<BufWriter<File>>,
    last_used: u64,
}

impl Sink {
    /// Starts writing the tables under `out`, partitioned by `columns`. A full run
    /// (`shard` none) replaces the tables a previous run wrote there; a shard
    /// first removes what an earlier run of the same shard, or a full run, left.
    pub fn open(out: &Path, columns: &[String], shard: Option<Shard>) -> Result<Sink> {
        std::fs::create_dir_all(out).at(out)?;
        let root = match shard {
            None => {
                let staging = out.join(format!(".ogi-staging-{}", std::process::id()));
                if staging.exists() {
                    std::fs::remove_dir_all(&staging).at(&staging)?;
                }
                staging
            }
            Some(shard) => {
                for table in Table::ALL {
                    for file in crate::dataset::parquet_files(&out.join(table.name()))? {
                        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                        if is_unsharded_part(&name) || name.starts_with(&format!("part-{:05}-", shard.index)) {
                            std::fs::remove_file(&file).at(&file)?;
                        }
                    }
                }
                out.to_path_buf()
            }
        };
        Ok(Sink {
            out: out.to_path_buf(),
            columns: columns.to_vec(),
            shard,
            root,
            open: BTreeMap::new(),
            started: BTreeMap::new(),
            files: Vec::new(),
            rows: [0; 4],
            clock: 0,
            open_files: OPEN_FILES,
            buffer_bytes: BUFFER_BYTES,
            finished: false,
        })
    }

    /// Writes the rows of `reports` (one batch of a run). Within a batch, rows
    /// are sorted by partition, then `report_id` and path.
    pub fn push(&mut self, reports: &[Report]) -> Result<()> {
        let mut groups: BTreeMap<PathBuf, Vec<&Report>> = BTreeMap::new();
        for r in reports {
            groups.entry(partition_dir(r, &self.columns)).or_default().push(r);
        }
        for (dir, mut group) in groups {
            group.sort_by(|a, b| (&a.report_id, &a.source_path).cmp(&(&b.report_id, &b.source_path)));
            for (t, table) in Table::ALL.iter().enumerate() {
                // Every partition gets its four files, empty ones too.
                self.writer(t, &dir)?;
                // A hundred-odd reports at a time: a table report has hundreds of
                // facts, and their Arrow arrays need not all exist at once.
                for part in group.chunks(ARROW_REPORTS) {
                    let batch = to_arrow::batch(*table, part)?;
                    let batch = if *table == Table::Reports { drop_columns(batch, &self.columns)? } else { batch };
                    self.rows[t] += batch.num_rows();
                    if batch.num_rows() > 0 {
                        self.writer(t, &dir)?.write(&batch)?;
                    }
                }
            }
        }
        self.keep_within_buffer()
    }

    /// Writes out the largest row groups in progress until the open files hold
    /// no more than [`BUFFER_BYTES`] together.
    fn keep_within_buffer(&mut self) -> Result<()> {
        let mut sizes: Vec<(usize, (usize, PathBuf))> =
            self.open.iter().map(|(k, o)| (o.writer.memory_size(), k.clone())).collect();
        let mut total: usize = sizes.iter().map(|(s, _)| s).sum();
        sizes.sort_by_key(|s| std::cmp::Reverse(s.0));
        for (size, key) in sizes {
            if total <= self.buffer_bytes {
                break;
            }
            if let Some(open) = self.open.get_mut(&key) {
                open.writer.flush()?;
                total -= size;
            }
        }
        Ok(())
    }

    /// The open file of table `t` in partition `dir`, opened if need be.
    fn writer(&mut self, t: usize, dir: &Path) -> Result<&mut ArrowWriter<BufWriter<File>>> {
        self.clock += 1;
        let key = (t, dir.to_path_buf());
        if !self.open.contains_key(&key) {
            if self.open.len() >= self.open_files {
                let oldest = self.open.iter().min_by_key(|(_, o)| o.last_used).map(|(k, _)| k.clone());
                if let Some(oldest) = oldest.and_then(|k| self.open.remove(&k)) {
                    oldest.writer.close()?;
                }
            }
            let n = self.started.entry(key.clone()).or_insert(0);
            let name = match self.shard {
                None => format!("part-{:05}.parquet", *n),
                Some(shard) => format!("part-{:05}-{:05}.parquet", shard.index, *n),
            };
            *n += 1;
            let folder = self.root.join(Table::ALL[t].name()).join(dir);
            std::fs::create_dir_all(&folder).at(&folder)?;
            let target = folder.join(&name);
            let path = match self.shard {
                None => target.clone(),
                Some(_) => folder.join(format!(".{name}.tmp-{}", std::process::id())),
            };
            let file = File::create(&path).at(&path)?;
            let schema = match Table::ALL[t] {
                Table::Reports => drop_columns(arrow_array::RecordBatch::new_empty(Table::Reports.schema()), &self.columns)?.schema(),
                table => table.schema(),
            };
            let writer = ArrowWriter::try_new(BufWriter::new(file), schema, Some(properties()?))?;
            self.files.push((t, path, target));
            self.open.insert(key.clone(), Open { writer, last_used: 0 });
        }
        let open = self.open.get_mut(&key).expect("opened above");
        open.last_used = self.clock;
        Ok(&mut open.writer)
    }

    /// Closes every file, adds the `revised_copy` flags decided at the end of the
    /// run to the rows they name, and puts the files in place.
    pub fn finish(mut self, revised: &[Revised]) -> Result<Written> {
        for (_, open) in std::mem::take(&mut self.open) {
            open.writer.close()?;
        }
        if !revised.is_empty() {
            let flags: HashMap<&str, &str> = revised.iter().map(|r| (r.source_path.as_str(), r.detail.as_str())).collect();
            for (_, path, _) in self.files.iter().filter(|(t, _, _)| *t == 0) {
                add_flags(path, &flags)?;
            }
        }
        match self.shard {
            None => {
                for table in Table::ALL {
                    swap_in(&self.root.join(table.name()), &self.out.join(table.name()))?;
                }
                std::fs::remove_dir_all(&self.root).at(&self.root)?;
            }
            Some(_) => {
                for (_, path, target) in &self.files {
                    std::fs::rename(path, target).at(target)?;
                }
            }
        }
        self.finished = true;
        Ok(Written { files: self.files.len(), rows: self.rows })
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        if self.finished {
            return;
        }
        self.open.clear();
        match self.shard {
            None => {
                let _ = std::fs::remove_dir_all(&self.root);
            }
            Some(_) => {
                for (_, path, _) in &self.files {
                    let _ = std::fs::remove_file(path);
                }
            }
        }
    }
}

/// Whether `name` is a file of a full (unsharded) run: `part-00000.parquet`.
fn is_unsharded_part(name: &str) -> bool {
    let digits = name.strip_prefix("part-").and_then(|n| n.strip_suffix(".parquet"));
    digits.is_some_and(|d| d.len() == 5 && d.bytes().all(|b| b.is_ascii_digit()))
}

/// Writes the four tables of `reports` under `out` in one batch, replacing the
/// tables a previous run wrote there.
pub fn write(out: &Path, reports: &[Report], columns: &[String]) -> Result<Written> {
    let mut sink = Sink::open(out, columns, None)?;
    sink.push(reports)?;
    sink.finish(&[])
}

/// Rewrites the reports file at `path` with issue `revised_copy` added to the
/// rows whose `source_path` is a key of `flags` (the value is the detail); a
/// file without such rows is left as it is.
fn add_flags(path: &Path, flags: &HashMap<&str, &str>) -> Result<()> {
    use arrow_array::cast::AsArray;
    use arrow_array::{Array, ArrayRef, RecordBatch};
    let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(path).at(path)?)?.build()?;
    let batches: Vec<RecordBatch> = reader.collect::<std::result::Result<_, _>>()?;
    let index = |batch: &RecordBatch, name: &str| batch.schema().index_of(name);
    let flagged = |batch: &RecordBatch| -> Result<Vec<Option<&str>>> {
        let paths = batch.column(index(batch, "source_path")?).as_string::<i32>();
        Ok((0..paths.len()).map(|i| flags.get(paths.value(i)).copied()).collect())
    };
    let mut any = false;
    for batch in &batches {
        any |= flagged(batch)?.iter().any(Option::is_some);
    }
    if !any {
        return Ok(());
    }
    let tmp = path.with_extension("parquet.flagging");
    let schema = batches.first().map(|b| b.schema()).expect("a file with flagged rows has a batch");
    let mut writer = ArrowWriter::try_new(BufWriter::new(File::create(&tmp).at(&tmp)?), schema, Some(properties()?))?;
    for batch in &batches {
        let flags = flagged(batch)?;
        let extend = |column: &str, item: &dyn Fn(&str) -> String| -> Result<ArrayRef> {
            let lists = batch.column(index(batch, column)?).as_list::<i32>();
            let mut b = arrow_array::builder::ListBuilder::new(arrow_array::builder::StringBuilder::new());
            for (i, flag) in flags.iter().enumerate() {
                let values = lists.value(i);
                for v in values.as_string::<i32>().iter() {
                    b.values().append_option(v);
                }
                if let Some(detail) = flag {
                    b.values().append_value(item(detail));
                }
                b.append(true);
            }
            Ok(std::sync::Arc::new(b.finish()))
        };
        let mut columns: Vec<ArrayRef> = batch.columns().to_vec();
        columns[index(batch, "issues")?] = extend("issues", &|_| REVISED_COPY.to_string())?;
        columns[index(batch, "issue_details")?] = extend("issue_details", &|d| format!("{REVISED_COPY}: {d}"))?;
        writer.write(&RecordBatch::try_new(batch.schema(), columns)?)?;
    }
    writer.close()?;
    std::fs::rename(&tmp, path).at(path)?;
    Ok(())
}

fn drop_columns(batch: arrow_array::RecordBatch, columns: &[String]) -> Result<arrow_array::RecordBatch> {
    let schema = batch.schema();
    let keep: Vec<usize> =
        (0..schema.fields().len()).filter(|&i| !columns.iter().any(|c| c == schema.field(i).name())).collect();
    Ok(batch.project(&keep)?)
}

fn properties() -> Result<WriterProperties> {
    let mut builder = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::try_new(ZSTD_LEVEL)?))
        .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
        .set_created_by(format!("ogi {}", env!("CARGO_PKG_VERSION")));
    // Minimum and maximum of these string columns would prune no row group (ids
    // are hashes, and every row group holds every key), and computing them
    // compares every value as it is written.
    for column in UNPRUNED {
        builder = builder.set_column_statistics_enabled(ColumnPath::from(*column), EnabledStatistics::None);
    }
    Ok(builder.build())
}

/// Columns written without statistics (see [`properties`]).
const UNPRUNED: &[&str] = &["report_id", "row", "applicant", "proceeding", "outcome", "item", "metric"];

/// Replaces folder `target` by `staged` with renames.
pub fn swap_in(staged: &Path, target: &Path) -> Result<()> {
    if !staged.exists() {
        std::fs::create_dir_all(staged).at(staged)?;
    }
    let parent = target.parent().unwrap_or(Path::new("."));
    let old = parent.join(format!(
        ".ogi-old-{}-{}",
        target.file_name().map(|n| n.to_string_lossy()).unwrap_or_default(),
        std::process::id()
    ));
    if target.exists() {
        std::fs::rename(target, &old).at(target)?;
    }
    std::fs::rename(staged, target).at(target)?;
    if old.exists() {
        std::fs::remove_dir_all(&old).at(&old)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hive_escaping_and_null_partition() {
        assert_eq!(escape("吉林省"), "吉林省");
        assert_eq!(escape("a/b=c"), "a%2Fb%3Dc");
        let r = Report { year: None, ..Report::default() };
        assert_eq!(partition_dir(&r, &["year".into()]), PathBuf::from("year=__HIVE_DEFAULT_PARTITION__"));
        let r = Report { year: Some(2019), ..Report::default() };
        assert_eq!(partition_dir(&r, &["year".into(), "template".into()]), PathBuf::from("year=2019/template=unknown"));
    }

    #[test]
    fn rewrite_replaces_stale_partitions_and_is_byte_identical() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let cols = vec!["year".to_string()];
        let a = Report { report_id: "a".into(), year: Some(2018), ..Report::default() };
        let b = Report { report_id: "b".into(), year: Some(2019), ..Report::default() };
        write(out, &[a.clone(), b.clone()], &cols).unwrap();
        let first = std::fs::read(out.join("reports/year=2019/part-00000.parquet")).unwrap();
        let w = write(out, &[b], &cols).unwrap();
        assert_eq!(w.files, 4);
        assert!(!out.join("reports/year=2018").exists(), "stale partition removed");
        assert_eq!(std::fs::read(out.join("reports/year=2019/part-00000.parquet")).unwrap(), first);
        let leftovers: Vec<_> = std::fs::read_dir(out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".ogi"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    #[test]
    fn partitions_past_the_open_file_limit_go_on_in_new_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let report = |id: &str, year: i32| Report { report_id: id.into(), year: Some(year), ..Report::default() };
        let mut sink = Sink::open(out, &["year".to_string()], None).unwrap();
        sink.open_files = 4; // one partition's four tables
        sink.push(&[report("a", 2018)]).unwrap();
        sink.push(&[report("b", 2019)]).unwrap();
        sink.push(&[report("c", 2018), report("d", 2018)]).unwrap();
        let written = sink.finish(&[]).unwrap();
        assert_eq!(written.rows[0], 4);
        assert_eq!(written.files, 12);
        assert!(out.join("reports/year=2018/part-00001.parquet").is_file());
        assert_eq!(crate::dataset::read_table(out, "reports").unwrap().len(), 4);
    }

    #[test]
    fn row_groups_are_written_out_to_keep_within_the_buffer() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let mut sink = Sink::open(out, &["year".to_string()], None).unwrap();
        sink.buffer_bytes = 1;
        for i in 0..3 {
            sink.push(&[Report { report_id: format!("r{i}"), year: Some(2019), ..Report::default() }]).unwrap();
            assert_eq!(sink.open.values().map(|o| o.writer.memory_size()).sum::<usize>(), 0);
        }
        sink.finish(&[]).unwrap();
        let file = File::open(out.join("reports/year=2019/part-00000.parquet")).unwrap();
        let meta = parquet::file::reader::SerializedFileReader::new(file).unwrap();
        assert_eq!(parquet::file::reader::FileReader::metadata(&meta).num_row_groups(), 3);
    }

    #[test]
    fn a_sink_dropped_before_its_finish_leaves_the_old_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path();
        let cols = vec!["year".to_string()];
        write(out, &[Report { report_id: "a".into(), year: Some(2018), ..Report::default() }], &cols).unwrap();
        let mut sink = Sink::open(out, &cols, None).unwrap();
        sink.push(&[Report { report_id: "b".into(), year: Some(2019), ..Report::default() }]).unwrap();
        drop(sink);
        assert!(out.join("reports/year=2018/part-00000.parquet").is_file());
        assert!(!out.join("reports/year=2019").exists());
        let names: Vec<_> = std::fs::read_dir(out).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 4, "{names:?}");
    }
}
