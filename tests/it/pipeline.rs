//! Whole runs: the default pipeline on the samples, determinism, bad input, show.

use std::collections::BTreeMap;
use std::path::Path;

use ogi::dataset::read_table;
use serde_json::Value;

use crate::{extract, ogi_ok, path_str, root, sorted_rows};

fn files_under(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    ogi::dataset::parquet_files(dir)
        .unwrap()
        .into_iter()
        .map(|p| (p.strip_prefix(dir).unwrap().display().to_string(), std::fs::read(&p).unwrap()))
        .collect()
}

#[test]
fn default_pipeline_writes_hive_tables_for_the_samples() {
    let out = tempfile::tempdir().unwrap();
    let (_, stderr) = ogi_ok(&["run", "--out", path_str(out.path())]);
    assert!(stderr.contains("5 files: 5 ok, 0 partial, 0 not a report, 0 unreadable"), "{stderr}");
    for table in ["reports", "requests", "litigation", "disclosures"] {
        assert!(out.path().join(table).join("year=2019/part-00000.parquet").is_file(), "{table}");
    }
    let reports = read_table(out.path(), "reports").unwrap();
    assert_eq!(reports.len(), 5);
    let years: Vec<i64> = reports.iter().map(|r| r["year"].as_i64().unwrap()).collect();
    assert_eq!(years.iter().filter(|&&y| y == 2019).count(), 2);
    // Partition columns live in the folder names only.
    let file = out.path().join("reports/year=2019/part-00000.parquet");
    let meta = parquet::file::reader::SerializedFileReader::new(std::fs::File::open(file).unwrap()).unwrap();
    let schema = parquet::file::reader::FileReader::metadata(&meta).file_metadata().schema_descr_ptr();
    assert!(schema.columns().iter().all(|c| c.name() != "year"));
}

#[test]
fn same_input_same_bytes() {
    let a = extract(&root().join("data/samples"));
    let b = extract(&root().join("data/samples"));
    let (fa, fb) = (files_under(a.path()), files_under(b.path()));
    assert!(!fa.is_empty());
    assert_eq!(fa.keys().collect::<Vec<_>>(), fb.keys().collect::<Vec<_>>());
    for (name, bytes) in &fa {
        assert!(bytes == &fb[name], "{name} differs between two runs");
    }
}

#[test]
fn bad_files_get_rows_and_the_run_goes_on() {
    let input = tempfile::tempdir().unwrap();
    let p = input.path();
    std::fs::create_dir_all(p.join("nested")).unwrap();
    std::fs::write(p.join("empty.txt"), b"").unwrap();
    std::fs::write(p.join("scan.pdf"), b"%PDF-1.4\n\x00\x01\x02\x03binary\x00").unwrap();
    std::fs::write(p.join("nested/news.txt"), "市政府召开常务会议，研究部署近期重点工作。".as_bytes()).unwrap();
    std::fs::write(p.join("latin1.txt"), b"caf\xe9 cr\xe8me br\xfbl\xe9e").unwrap();
    std::fs::write(p.join("photo.jpg"), b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01").unwrap();
    std::fs::copy(root().join("data/samples/004_6d9098e69707ff9c.txt"), p.join("nested/report.txt")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let (_, stderr) = ogi_ok(&["extract", "--input", path_str(p), "--out", path_str(out.path())]);
    assert!(stderr.contains("6 files: 1 ok, 0 partial, 2 not a report, 3 unreadable"), "{stderr}");
    assert!(stderr.contains("empty_file 1") && stderr.contains("binary_file 1"), "{stderr}");
    let reports = read_table(out.path(), "reports").unwrap();
    let status: BTreeMap<&str, (&str, Vec<&str>)> = reports
        .iter()
        .map(|r| {
            let issues = r["issues"].as_array().unwrap().iter().map(|i| i.as_str().unwrap()).collect();
            (r["source_path"].as_str().unwrap(), (r["status"].as_str().unwrap(), issues))
        })
        .collect();
    assert_eq!(status["empty.txt"], ("unreadable", vec!["empty_file"]));
    // Unreadable with pdf_tool_missing or pdf_error, whether poppler is installed or not.
    assert_eq!(status["scan.pdf"].0, "unreadable");
    assert!(status["scan.pdf"].1[0].starts_with("pdf_"), "{:?}", status["scan.pdf"]);
    assert_eq!(status["photo.jpg"], ("unreadable", vec!["binary_file"]));
    assert_eq!(status["latin1.txt"].0, "not_a_report");
    assert_eq!(status["nested/news.txt"].0, "not_a_report");
    assert_eq!(status["nested/report.txt"].0, "ok");
    let unknown_year = reports.iter().filter(|r| r["year"] == Value::Null).count();
    assert_eq!(unknown_year, 5);
    assert!(out.path().join("reports/year=__HIVE_DEFAULT_PARTITION__/part-00000.parquet").is_file());
}

#[test]
fn show_marks_each_fact_where_it_was_read() {
    let (stdout, _) = ogi_ok(&["show", "data/samples/004_6d9098e69707ff9c.txt"]);
    assert!(stdout.contains("# issue litigation_sum_mismatch: litigation_direct: outcomes add up to 1, 总计 says 0"), "{stdout}");
    assert!(stdout.contains("一、本年新收政府信息公开申请数量 |\n⟦requests/new_received/natural_person=12⟧12 |"));
    assert!(stdout.contains("⟦disclosures/administrative_license/change=-45⟧减少45"));
    assert!(stdout.contains("⟦disclosures/centralized_procurement/amount_yuan=68949.08⟧68949.08元"));
}

#[test]
fn offsets_point_at_the_numbers_in_the_normalised_text() {
    let out = extract(&root().join("data/samples"));
    let reports = read_table(out.path(), "reports").unwrap();
    let id_004 = reports.iter().find(|r| r["source_path"].as_str().unwrap().starts_with("004")).unwrap()["report_id"].clone();
    let raw = std::fs::read(root().join("data/samples/004_6d9098e69707ff9c.txt")).unwrap();
    let text = ogi::normalize::normalize(std::str::from_utf8(&raw).unwrap());
    let facts = read_table(out.path(), "requests").unwrap();
    let mut checked = 0;
    for f in facts.iter().filter(|f| f["report_id"] == id_004) {
        let count = f["count"].as_i64().unwrap();
        let at = f["offset"].as_i64().unwrap() as usize;
        if count != 0 {
            assert!(text[at..].starts_with(&count.to_string()), "{f:?} points at {:?}", &text[at..at + 8]);
            checked += 1;
        }
    }
    assert!(checked >= 10);
}

#[test]
fn partitions_by_several_columns() {
    let out = tempfile::tempdir().unwrap();
    ogi_ok(&["extract", "-q", "--input", "data/samples", "--out", path_str(out.path()), "--partition", "year,template"]);
    assert!(out.path().join("requests/year=2019/template=t2019/part-00000.parquet").is_file());
    let reports = read_table(out.path(), "reports").unwrap();
    assert!(reports.iter().all(|r| r["template"].is_string() && r["year"].is_i64()));
}

#[test]
fn two_shards_merge_into_one_dataset() {
    let out = tempfile::tempdir().unwrap();
    let o = path_str(out.path());
    for k in ["0/2", "1/2", "0/2"] {
        // The repeated shard replaces its own files, not the other shard's.
        ogi_ok(&["extract", "-q", "--input", "data/samples", "--out", o, "--shard", k]);
    }
    let reports = read_table(out.path(), "reports").unwrap();
    assert_eq!(reports.len(), 5, "every input once, across shards");
    let names: Vec<String> =
        ogi::dataset::parquet_files(&out.path().join("requests")).unwrap().iter().map(|p| p.file_name().unwrap().to_string_lossy().into_owned()).collect();
    assert!(names.iter().all(|n| n.starts_with("part-00000-") || n.starts_with("part-00001-")), "{names:?}");
    let (stdout, _) = ogi_ok(&["eval", "--gold", "data/gold", "--out", o]);
    assert!(stdout.lines().last().unwrap().starts_with("score: 1.000 "), "{stdout}");
    ogi_ok(&["stats", "-q", "--data", o]);
    assert_eq!(read_table(out.path(), "summary/agency_year").unwrap().len(), 5);
}

#[test]
fn small_batches_give_the_tables_of_one_batch() {
    let input = tempfile::tempdir().unwrap();
    let p = input.path();
    for entry in std::fs::read_dir(root().join("data/samples")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), p.join(entry.file_name())).unwrap();
    }
    // A byte copy and a second version of one report, both after the original
    // in input order, so that with batches of two they come in later batches.
    std::fs::create_dir_all(p.join("zz")).unwrap();
    let original = root().join("data/samples/001_8951f3f5eaa0ca31.txt");
    std::fs::copy(&original, p.join("zz/copy.txt")).unwrap();
    let mut text = std::fs::read_to_string(&original).unwrap();
    text.push_str("\n（本报告如有更正，以此版本为准。）\n");
    std::fs::write(p.join("zz/version2.txt"), text).unwrap();

    let (whole, small) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    ogi_ok(&["extract", "-q", "--input", path_str(p), "--out", path_str(whole.path())]);
    let (_, stderr) = ogi_ok(&["extract", "--input", path_str(p), "--out", path_str(small.path()), "--batch", "2"]);
    assert!(stderr.contains("duplicate 1") && stderr.contains("revised_copy 1"), "{stderr}");
    for table in ["reports", "requests", "litigation", "disclosures"] {
        assert_eq!(sorted_rows(whole.path(), table), sorted_rows(small.path(), table), "{table}");
    }
    let reports = read_table(small.path(), "reports").unwrap();
    let row = |path: &str| reports.iter().find(|r| r["source_path"] == path).unwrap().clone();
    assert_eq!(row("zz/copy.txt")["duplicate_of"], row("001_8951f3f5eaa0ca31.txt")["report_id"]);
    let issues = row("zz/version2.txt")["issues"].to_string();
    assert!(issues.contains("revised_copy"), "{issues}");
    let details = row("zz/version2.txt")["issue_details"].to_string();
    assert!(details.contains("001_8951f3f5eaa0ca31.txt"), "{details}");
}
