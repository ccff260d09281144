//! Reads a hive-partitioned table back from Parquet, as any reader would: every
//! file under `OUT/<table>/`, with the partition columns restored from the
//! folder names. Used by `eval` and `stats`; values come back as JSON values so
//! that scoring can compare them with gold files.

use std::fs::File;
use std::path::{Path, PathBuf};

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int32Type, Int64Type, UInt32Type};
use arrow_array::{Array, ArrayRef};
use arrow_schema::DataType;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::{Map, Value};

use crate::error::{Error, IoContext, Result};
use crate::report::Date;
use crate::schema::HIVE_NULL;

pub type Record = Map<String, Value>;

/// The Parquet files under `dir`, sorted by path components.
pub fn parquet_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).at(&d)? {
            let path = entry.at(&d)?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "parquet") {
                out.push(path);
            }
        }
    }
    out.sort_by(|a, b| a.components().cmp(b.components()));
    Ok(out)
}

/// Every row of table `name` under `root`.
pub fn read_table(root: &Path, name: &str) -> Result<Vec<Record>> {
    let dir = root.join(name);
    let mut rows = Vec::new();
    for file in parquet_files(&dir)? {
        let partitions = hive_values(&dir, &file);
        let reader = ParquetRecordBatchReaderBuilder::try_new(File::open(&file).at(&file)?)?.build()?;
        for batch in reader {
            let batch = batch?;
            let schema = batch.schema();
            for i in 0..batch.num_rows() {
                let mut rec = Record::new();
                for (c, field) in schema.fields().iter().enumerate() {
                    let v = value(batch.column(c), i)
                        .map_err(|message| Error::Data { path: file.clone(), message })?;
                    rec.insert(field.name().clone(), v);
                }
                for (k, v) in &partitions {
                    if rec.get(k).is_none_or(Value::is_null) {
                        rec.insert(k.clone(), v.clone());
                    }
                }
                rows.push(rec);
            }
        }
    }
    Ok(rows)
}

/// `year=2019/...` folder names between the table folder and the file.
fn hive_values(table_dir: &Path, file: &Path) -> Vec<(String, Value)> {
    let rel = file.strip_prefix(table_dir).unwrap_or(file);
    let mut out = Vec::new();
    if let Some(parent) = rel.parent() {
        for part in parent.components() {
            let part = part.as_os_str().to_string_lossy();
            if let Some((k, v)) = part.split_once('=') {
                let value = if v == HIVE_NULL {
                    Value::Null
                } else if let Ok(n) = v.parse::<i64>() {
                    Value::from(n)
                } else {
                    Value::from(unescape(v))
                };
                out.push((k.to_string(), value));
            }
        }
    }
    out
}

pub fn unescape(v: &str) -> String {
    let bytes = v.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&v[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn value(col: &ArrayRef, i: usize) -> std::result::Result<Value, String> {
    if col.is_null(i) {
        return Ok(Value::Null);
    }
    Ok(match col.data_type() {
        DataType::Utf8 => Value::from(col.as_string::<i32>().value(i)),
        DataType::LargeUtf8 => Value::from(col.as_string::<i64>().value(i)),
        DataType::Utf8View => Value::from(col.as_string_view().value(i)),
        DataType::UInt32 => Value::from(col.as_primitive::<UInt32Type>().value(i)),
        DataType::Int64 => Value::from(col.as_primitive::<Int64Type>().value(i)),
        DataType::Int32 => Value::from(col.as_primitive::<Int32Type>().value(i)),
        DataType::Float64 => {
            serde_json::Number::from_f64(col.as_primitive::<Float64Type>().value(i)).map_or(Value::Null, Value::Number)
        }
        DataType::Boolean => Value::from(col.as_boolean().value(i)),
        DataType::Date32 => {
            Value::from(Date::from_days_since_epoch(col.as_primitive::<Date32Type>().value(i)).to_string())
        }
        DataType::List(_) | DataType::LargeList(_) => {
            let list = match col.data_type() {
                DataType::List(_) => col.as_list::<i32>().value(i),
                _ => col.as_list::<i64>().value(i),
            };
            Value::Array((0..list.len()).map(|j| value(&list, j)).collect::<std::result::Result<_, _>>()?)
        }
        other => return Err(format!("cannot read a column of type {other}")),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hive_folder_values() {
        let v = hive_values(Path::new("/o/t"), Path::new("/o/t/year=2019/province=a%2Fb/part.parquet"));
        assert_eq!(v, vec![("year".into(), Value::from(2019)), ("province".into(), Value::from("a/b"))]);
        let v = hive_values(Path::new("/o/t"), Path::new("/o/t/year=__HIVE_DEFAULT_PARTITION__/p.parquet"));
        assert_eq!(v, vec![("year".into(), Value::Null)]);
    }
}
