//! Write: the four tables as hive-partitioned Parquet.
//!
//! `OUT/<table>/year=2019/part-00000.parquet`, one file per table and partition,
//! zstd-compressed. Partition columns live in the folder names only (as Spark
//! writes them), and a missing value is `__HIVE_DEFAULT_PARTITION__`. Output is
//! deterministic: reports sorted by partition, then `report_id` and path, so the
//! same input gives the same bytes. A run writes every table into a staging folder
//! beside the output and then swaps each table folder in with a rename, so a reader
//! never sees a half-written table and a killed run leaves the old output whole.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;

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

/// Writes the four tables of `reports` under `out`, partitioned by `columns`,
/// replacing the tables a previous run wrote there. `on_file` is called after
/// each file (for progress).
pub fn write(out: &Path, reports: &[Report], columns: &[String], on_file: &dyn Fn()) -> Result<Written> {
    std::fs::create_dir_all(out).at(out)?;
    let mut groups: BTreeMap<PathBuf, Vec<&Report>> = BTreeMap::new();
    for r in reports {
        groups.entry(partition_dir(r, columns)).or_default().push(r);
    }
    for group in groups.values_mut() {
        group.sort_by(|a, b| (&a.report_id, &a.source_path).cmp(&(&b.report_id, &b.source_path)));
    }
    let staging = out.join(format!(".ogi-staging-{}", std::process::id()));
    if staging.exists() {
        std::fs::remove_dir_all(&staging).at(&staging)?;
    }
    let mut written = Written::default();
    let result = (|| -> Result<()> {
        for (t, table) in Table::ALL.iter().enumerate() {
            for (dir, group) in &groups {
                let batch = to_arrow::batch(*table, group)?;
                let batch = if *table == Table::Reports { drop_columns(batch, columns)? } else { batch };
                let folder = staging.join(table.name()).join(dir);
                std::fs::create_dir_all(&folder).at(&folder)?;
                write_file(&folder.join("part-00000.parquet"), &batch)?;
                written.files += 1;
                written.rows[t] += batch.num_rows();
                on_file();
            }
        }
        for table in Table::ALL {
            swap_in(&staging.join(table.name()), &out.join(table.name()))?;
        }
        Ok(())
    })();
    let cleanup = std::fs::remove_dir_all(&staging);
    result?;
    cleanup.at(&staging)?;
    Ok(written)
}

/// Writes one shard's part of the four tables into `out`, beside the other
/// shards' (`part-<k>-<n>.parquet` in each partition, each file atomic), after
/// removing what an earlier run of this shard, or an unsharded run, left there.
pub fn write_shard(
    out: &Path,
    reports: &[Report],
    columns: &[String],
    shard: crate::config::Shard,
    on_file: &dyn Fn(),
) -> Result<Written> {
    let mine = format!("part-{:05}-", shard.index);
    for table in Table::ALL {
        let dir = out.join(table.name());
        for file in crate::dataset::parquet_files(&dir)? {
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            if name.starts_with(&mine) || name == "part-00000.parquet" {
                std::fs::remove_file(&file).at(&file)?;
            }
        }
    }
    let mut groups: BTreeMap<PathBuf, Vec<&Report>> = BTreeMap::new();
    for r in reports {
        groups.entry(partition_dir(r, columns)).or_default().push(r);
    }
    let mut written = Written::default();
    for (t, table) in Table::ALL.iter().enumerate() {
        for (dir, group) in &mut groups {
            group.sort_by(|a, b| (&a.report_id, &a.source_path).cmp(&(&b.report_id, &b.source_path)));
            let batch = to_arrow::batch(*table, group)?;
            let batch = if *table == Table::Reports { drop_columns(batch, columns)? } else { batch };
            let folder = out.join(table.name()).join(&*dir);
            std::fs::create_dir_all(&folder).at(&folder)?;
            let name = format!("{mine}{:05}.parquet", 0);
            let tmp = folder.join(format!(".{name}.tmp-{}", std::process::id()));
            write_file(&tmp, &batch)?;
            let target = folder.join(&name);
            std::fs::rename(&tmp, &target).at(&target)?;
            written.files += 1;
            written.rows[t] += batch.num_rows();
            on_file();
        }
    }
    Ok(written)
}

fn drop_columns(batch: arrow_array::RecordBatch, columns: &[String]) -> Result<arrow_array::RecordBatch> {
    let schema = batch.schema();
    let keep: Vec<usize> =
        (0..schema.fields().len()).filter(|&i| !columns.iter().any(|c| c == schema.field(i).name())).collect();
    Ok(batch.project(&keep)?)
}

fn write_file(path: &Path, batch: &arrow_array::RecordBatch) -> Result<()> {
    let props = WriterProperties::builder()
        .set_compression(Compression::ZSTD(ZstdLevel::try_new(3)?))
        .set_created_by(format!("ogi {}", env!("CARGO_PKG_VERSION")))
        .build();
    let file = File::create(path).at(path)?;
    let mut writer = ArrowWriter::try_new(file, batch.schema(), Some(props))?;
    writer.write(batch)?;
    writer.close()?;
    Ok(())
}

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
        write(out, &[a.clone(), b.clone()], &cols, &|| {}).unwrap();
        let first = std::fs::read(out.join("reports/year=2019/part-00000.parquet")).unwrap();
        let w = write(out, &[b], &cols, &|| {}).unwrap();
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
}
