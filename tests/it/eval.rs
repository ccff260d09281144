//! Accuracy: `ogi eval` against gold, and its agreement with shared/tools/score.py.

use crate::{extract, ogi, ogi_ok, path_str, root};

/// Golden whole reports (one per layout the samples lack) read without a miss.
#[test]
fn layout_fixtures_score_perfectly() {
    let out = extract(&root().join("tests/fixtures/reports"));
    let (stdout, _) = ogi_ok(&["eval", "--gold", "tests/fixtures/gold", "--out", path_str(out.path())]);
    let last = stdout.lines().last().unwrap();
    assert!(last.starts_with("score: 1.000 "), "misses:\n{stdout}");
}

/// Every table fact of the samples with template tables is right.
#[test]
fn sample_table_facts_are_right() {
    let out = extract(&root().join("data/samples"));
    let (stdout, _) = ogi_ok(&["eval", "--gold", "data/gold", "--out", path_str(out.path())]);
    let table_misses: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("001_") || l.starts_with("004_"))
        .filter(|l| {
            let key = l.split_whitespace().nth(1).unwrap_or("");
            let prose = key == "disclosures/proactive/total:"
                || (l.starts_with("001_") && (key.starts_with("requests/") || key.starts_with("litigation/")));
            !(key.starts_with("report.") || key == "issue" || prose)
        })
        .collect();
    assert!(table_misses.is_empty(), "table facts missed:\n{}", table_misses.join("\n"));
    assert!(!stdout.contains("not in the report"), "false positives:\n{stdout}");
}

#[test]
fn eval_exit_codes() {
    let out = extract(&root().join("tests/fixtures/reports"));
    let o = path_str(out.path());
    assert_eq!(ogi(&["eval", "-q", "--gold", "tests/fixtures/gold", "--out", o, "--min", "0.99"]).status.code(), Some(0));
    assert_eq!(ogi(&["eval", "-q", "--gold", "data/gold", "--out", o, "--min", "0.99"]).status.code(), Some(1));
    let empty = tempfile::tempdir().unwrap();
    let r = ogi(&["eval", "--gold", "data/gold", "--out", path_str(empty.path())]);
    assert_eq!(r.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&r.stdout).starts_with("score: 0.000 no reports table"));
}

/// `ogi eval` prints what score.py prints, line for line, when the scorer and
/// Python's pyarrow are at hand (they are in CI).
#[test]
fn eval_agrees_with_score_py() {
    let script = root().join("../shared/tools/score.py");
    if !script.is_file() {
        eprintln!("skipped: {} not found", script.display());
        return;
    }
    let out = extract(&root().join("data/samples"));
    let o = path_str(out.path());
    let py = std::process::Command::new("python3")
        .arg(&script)
        .args([path_str(&root().join("data/gold")), o])
        .output()
        .expect("python3 runs");
    assert!(py.status.success(), "score.py failed: {}", String::from_utf8_lossy(&py.stderr));
    let (mine, _) = ogi_ok(&["eval", "--gold", "data/gold", "--out", o]);
    let mut want: Vec<&str> = std::str::from_utf8(&py.stdout).unwrap().lines().collect();
    let mut got: Vec<&str> = mine.lines().collect();
    assert_eq!(got.last(), want.last(), "summary lines differ");
    // Within a report score.py walks a dict, ogi a sorted map: compare as sets.
    want.sort();
    got.sort();
    assert_eq!(got, want);
}
