//! Files as people collect them: encodings, HTML, traditional characters, a
//! manifest, copies and bad files, all in one run with the samples.

use std::collections::BTreeMap;
use std::path::Path;

use ogi::dataset::read_table;
use serde_json::Value;

use crate::{ogi_ok, path_str, root};

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

#[test]
fn a_mixed_collection_in_one_run() {
    let input = tempfile::tempdir().unwrap();
    copy_dir(&root().join("tests/fixtures/mixed/reports"), input.path());
    std::fs::create_dir(input.path().join("samples")).unwrap();
    copy_dir(&root().join("data/samples"), &input.path().join("samples"));
    let out = tempfile::tempdir().unwrap();
    let (_, stderr) = ogi_ok(&["extract", "--input", path_str(input.path()), "--out", path_str(out.path())]);
    // 8 mixed files (the manifest is not an input) and 5 samples.
    assert!(stderr.contains("13 files: 10 ok, 0 partial, 1 not a report, 2 unreadable"), "{stderr}");

    let reports = read_table(out.path(), "reports").unwrap();
    assert_eq!(reports.len(), 13);
    let by_path: BTreeMap<&str, &serde_json::Map<String, Value>> =
        reports.iter().map(|r| (r["source_path"].as_str().unwrap(), r)).collect();
    let issues = |p: &str| -> Vec<&str> { by_path[p]["issues"].as_array().unwrap().iter().filter_map(Value::as_str).collect() };

    let original = by_path["haizhu_2022.html"];
    let copy = by_path["haizhu_2022_copy.html"];
    assert_eq!(copy["report_id"], original["report_id"]);
    assert_eq!(copy["duplicate_of"], original["report_id"]);
    assert_eq!(original["duplicate_of"], Value::Null);
    assert!(issues("haizhu_2022_copy.html").contains(&"duplicate"));
    let requests = read_table(out.path(), "requests").unwrap();
    let rows_of = |id: &Value| requests.iter().filter(|r| &r["report_id"] == id).count();
    assert_eq!(rows_of(&original["report_id"]), 25 * 7, "a copy's facts are not written twice");

    assert!(issues("untitled_2014.txt").contains(&"revised_copy"));
    assert!(!issues("zengcheng_2014_big5.txt").contains(&"revised_copy"));
    assert_eq!(by_path["empty.txt"]["status"], "unreadable");
    assert_eq!(by_path["scan.png"]["status"], "unreadable");
    assert_eq!(by_path["news.txt"]["status"], "not_a_report");
    assert_eq!(by_path["zengcheng_2014_big5.txt"]["encoding"], "big5");
    assert_eq!(by_path["haizhu_2022.html"]["encoding"], "gb18030");

    for gold in ["tests/fixtures/mixed/gold", "data/gold"] {
        let (stdout, _) = ogi_ok(&["eval", "--gold", gold, "--out", path_str(out.path())]);
        assert!(stdout.lines().last().unwrap().starts_with("score: 1.000 "), "{gold}:\n{stdout}");
    }
}

#[test]
fn manifest_problems_are_reported_not_fatal() {
    let input = tempfile::tempdir().unwrap();
    std::fs::copy(root().join("data/samples/001_8951f3f5eaa0ca31.txt"), input.path().join("a.txt")).unwrap();
    std::fs::write(input.path().join("manifest.csv"), "path,url,agency,published,year\na.txt,,,,twenty\n,,x,,\n").unwrap();
    let out = tempfile::tempdir().unwrap();
    let (_, stderr) = ogi_ok(&["extract", "--input", path_str(input.path()), "--out", path_str(out.path())]);
    assert!(stderr.contains("1 files: 1 ok"), "{stderr}");
    assert!(stderr.contains("manifest.csv row 2: year `twenty` is not a year"), "{stderr}");
    assert!(stderr.contains("manifest.csv row 3: no path"), "{stderr}");
}

#[test]
fn an_output_folder_inside_the_input_is_not_read_as_reports() {
    let input = tempfile::tempdir().unwrap();
    copy_dir(&root().join("data/samples"), input.path());
    let out = input.path().join("out");
    let args = ["run", "--input", path_str(input.path()), "--out", path_str(&out)];
    ogi_ok(&args);
    // The second run finds the first one's tables, summary and CSV files in its input.
    let (_, stderr) = ogi_ok(&args);
    assert!(stderr.contains("5 files: 5 ok"), "{stderr}");
    assert!(stderr.contains("of the output folder out/ inside the input"), "{stderr}");
    assert_eq!(read_table(&out, "reports").unwrap().len(), 5);
}
