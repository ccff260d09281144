//! The generated corpus: reproducible, and read at least as well as promised.

use crate::{extract, ogi_ok, path_str};

fn files(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push((p.strip_prefix(dir).unwrap().display().to_string(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// A corpus generated with `gen_args` into a temporary folder, and its output.
fn generated_and_extracted(gen_args: &[&str]) -> (tempfile::TempDir, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    ogi_ok(&[&["gen"], gen_args, &["--out", path_str(dir.path())]].concat());
    let out = extract(&dir.path().join("input"));
    (dir, out)
}

#[test]
fn same_seed_same_corpus() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    for d in [&a, &b] {
        ogi_ok(&["gen", "--reports", "60", "--seed", "11", "--out", path_str(d.path())]);
    }
    let (fa, fb) = (files(a.path()), files(b.path()));
    assert_eq!(fa.len(), 120, "60 inputs and 60 gold files");
    assert!(fa == fb, "two runs with one seed differ");
}

#[test]
fn a_generated_corpus_scores_in_every_layout_and_flags_every_seeded_error() {
    let (dir, out) =
        generated_and_extracted(&["--reports", "400", "--seed", "5", "--error-rate", "0.1"]);
    let (d, out) = (dir.path(), out.path());
    let (stdout, _) = ogi_ok(&[
        "eval",
        "-q",
        "--gold",
        path_str(&d.join("gold")),
        "--out",
        path_str(out),
        "--by",
        "layout",
    ]);
    let mut layouts = 0;
    for line in stdout
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| layout"))
    {
        let cols: Vec<&str> = line.split('|').map(str::trim).collect();
        let (layout, score, issues) = (cols[1], cols[3], cols[7]);
        let score: f64 = score.parse().unwrap();
        assert!(score >= 0.99, "{layout} scores {score}:\n{stdout}");
        let (ok, n) = issues.split_once('/').unwrap();
        assert_eq!(ok, n, "{layout}: seeded errors not all flagged");
        layouts += 1;
    }
    assert!(layouts >= 10, "{stdout}");
    let last = stdout.lines().last().unwrap();
    assert!(last.contains("precision 1.000"), "{last}");
}

#[test]
fn agencies_report_year_after_year_and_carry_over_what_they_carried_forward() {
    let (dir, out) = generated_and_extracted(&["--reports", "600", "--seed", "8"]);
    let (d, out) = (dir.path(), out.path());
    let (stdout, stderr) = ogi_ok(&["stats", "-q", "--data", path_str(out)]);
    // Runs of years per agency, so the carry-over check has pairs to compare:
    // every pair agrees, and no agency reports a year twice.
    assert!(
        format!("{stdout}{stderr}").contains("checks: none"),
        "{stdout}{stderr}"
    );
    let gold: Vec<serde_json::Value> = std::fs::read_dir(d.join("gold"))
        .unwrap()
        .map(|e| serde_json::from_slice(&std::fs::read(e.unwrap().path()).unwrap()).unwrap())
        .collect();
    let mut years: std::collections::HashMap<String, Vec<i64>> = Default::default();
    for g in &gold {
        if let (Some(a), Some(y)) = (
            g.pointer("/report/agency").and_then(|v| v.as_str()),
            g.pointer("/report/year").and_then(|v| v.as_i64()),
        ) {
            if g.pointer("/report/duplicate_of").is_none() {
                years.entry(a.to_string()).or_default().push(y);
            }
        }
    }
    let consecutive = years
        .values()
        .filter(|ys| ys.iter().any(|y| ys.contains(&(y + 1))))
        .count();
    assert!(
        consecutive * 4 > years.len(),
        "{consecutive} of {} agencies report two years running",
        years.len()
    );
}
