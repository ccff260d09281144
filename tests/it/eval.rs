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

/// The embedded samples, tables and prose, score perfectly.
#[test]
fn samples_score_perfectly() {
    let out = extract(&root().join("data/samples"));
    let (stdout, _) = ogi_ok(&["eval", "--gold", "data/gold", "--out", path_str(out.path())]);
    let last = stdout.lines().last().unwrap();
    assert!(last.starts_with("score: 1.000 "), "misses:\n{stdout}");
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

/// A PDF goes through `pdftotext -layout` and reads like its text (CI installs
/// poppler-utils; without it the file is `unreadable` with `pdf_tool_missing`).
#[test]
fn pdf_reports_read_through_pdftotext() {
    let out = extract(&root().join("tests/fixtures/pdf/reports"));
    let has_tool = std::process::Command::new("pdftotext").arg("-v").output().is_ok();
    let reports = ogi::dataset::read_table(out.path(), "reports").unwrap();
    if !has_tool {
        assert_eq!(reports[0]["issues"][0], "pdf_tool_missing");
        eprintln!("pdftotext not installed: checked the unreadable row only");
        return;
    }
    let (stdout, _) = ogi_ok(&["eval", "--gold", "tests/fixtures/pdf/gold", "--out", path_str(out.path())]);
    assert!(stdout.lines().last().unwrap().starts_with("score: 1.000 "), "misses:\n{stdout}");
}

/// Text `pdftotext -layout` prints from PDFs of Word documents and web pages:
/// headings centred, paragraphs set close, digits parted from Chinese, tables
/// of narrow columns (labels wrapped in their cells, centred down them, a
/// row's numbers over two lines, numbers of neighbouring cells run together).
#[test]
fn pdftotext_of_word_processor_pdfs() {
    let out = extract(&root().join("tests/fixtures/pdftotext/reports"));
    let (stdout, _) = ogi_ok(&["eval", "--gold", "tests/fixtures/pdftotext/gold", "--out", path_str(out.path())]);
    assert!(stdout.lines().last().unwrap().starts_with("score: 1.000 "), "misses:\n{stdout}");
}

/// Text plain `pdftotext` prints from PDFs of Word documents: 表三's numbers
/// on lines before their labels, the first column's on a wrapped label's
/// first line, wide numbers two a line, the signature under table cells; 表三
/// column by column over bands of rows, its last columns after the closing
/// sections.
#[test]
fn plain_pdftotext_of_word_processor_pdfs() {
    let out = extract(&root().join("tests/fixtures/pdftotext_raw/reports"));
    let (stdout, _) = ogi_ok(&["eval", "--gold", "tests/fixtures/pdftotext_raw/gold", "--out", path_str(out.path())]);
    assert!(stdout.lines().last().unwrap().starts_with("score: 1.000 "), "misses:\n{stdout}");
}

/// The contract's issue codes raised on complete gold that does not list them
/// are counted apart (on the error stream: the output stays score.py's).
#[test]
fn flags_the_gold_does_not_ask_for_are_counted() {
    let out = extract(&root().join("data/samples"));
    let o = path_str(out.path());
    let gold = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(root().join("data/gold")).unwrap() {
        let path = entry.unwrap().path();
        let mut g: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        // Complete gold that lists no issue: every contract code raised is unasked.
        if g["complete"] == true {
            g["issues"] = serde_json::json!([]);
        }
        std::fs::write(gold.path().join(path.file_name().unwrap()), g.to_string()).unwrap();
    }
    let (_, stderr) = ogi_ok(&["eval", "--gold", path_str(gold.path()), "--out", o, "--by", "template"]);
    let count = |s: &str| {
        let line = s.lines().find(|l| l.starts_with("unasked flags: ")).unwrap().to_string();
        line["unasked flags: ".len()..].split(' ').next().unwrap().parse::<usize>().unwrap()
    };
    assert!(count(&stderr) >= 3, "{stderr}");
    assert!(stderr.contains("issue litigation_sum_mismatch: raised, not in the gold"), "{stderr}");
    let (_, stderr) = ogi_ok(&["eval", "--gold", "data/gold", "--out", o]);
    assert!(count(&stderr) <= 1, "{stderr}");
}

/// A Word document, `.docx` or Word 97-2003 (tables merged across columns and
/// down rows, as Word writes them), reads like a saved page; a damaged one and a
/// compound file with no document in it are unreadable and say why.
#[test]
fn word_documents_read_as_pages() {
    let out = extract(&root().join("tests/fixtures/word/reports"));
    let (stdout, _) = ogi_ok(&["eval", "--gold", "tests/fixtures/word/gold", "--out", path_str(out.path())]);
    assert!(stdout.lines().last().unwrap().starts_with("score: 1.000 "), "misses:\n{stdout}");
}
