//! Statistics: every figure recomputed here from the raw tables and compared
//! with what `ogi stats` wrote.

use std::collections::HashMap;

use ogi::dataset::{read_table, Record};
use serde_json::Value;

use crate::{extract, ogi_ok, path_str, root, sorted_rows};

/// Runs extract and stats on the multi-year fixture.
fn years() -> tempfile::TempDir {
    let out = extract(&root().join("tests/fixtures/years/reports"));
    ogi_ok(&["stats", "-q", "--data", path_str(out.path())]);
    out
}

/// `(table, report_id, key, column) -> value` over a fact table.
fn facts(
    out: &std::path::Path,
    table: &str,
    k1: &str,
    k2: &str,
) -> HashMap<(String, String, String), i64> {
    read_table(out, table)
        .unwrap()
        .into_iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap().to_string();
            ((s("report_id"), s(k1), s(k2)), r["count"].as_i64().unwrap())
        })
        .collect()
}

fn f(v: &Value) -> Option<f64> {
    v.as_f64()
}

#[test]
fn rates_agree_with_an_independent_computation() {
    let out = years();
    let req = facts(out.path(), "requests", "row", "applicant");
    let lit = facts(out.path(), "litigation", "proceeding", "outcome");
    let rows: Vec<Record> = read_table(out.path(), "summary/agency_year").unwrap();
    assert_eq!(rows.len(), 9, "every report of the fixture is a report");
    let get = |id: &str, row: &str| req.get(&(id.to_string(), row.to_string(), "total".to_string())).copied();
    let getl = |id: &str, p: &str, o: &str| lit.get(&(id.to_string(), p.to_string(), o.to_string())).copied();
    let mut checked = 0;
    for r in &rows {
        let id = r["report_id"].as_str().unwrap();
        let pre2019 = r["template"] == "pre2019";
        let processed = if pre2019 { get(id, "answered") } else { get(id, "total_processed") };
        let granted = get(id, "granted").map(|g| g + get(id, "partially_granted").unwrap_or(0));
        let want = match (granted, processed) {
            (Some(g), Some(p)) if p > 0 => Some(g as f64 / p as f64),
            _ => None,
        };
        assert_eq!(f(&r["grant_rate"]), want, "grant_rate of {id}");
        let new = get(id, "new_received");
        let recon = getl(id, "reconsideration", "total");
        let want = match (recon, new) {
            (Some(c), Some(n)) if n > 0 => Some(100.0 * c as f64 / n as f64),
            _ => None,
        };
        assert_eq!(f(&r["reconsideration_per_100"]), want, "reconsideration_per_100 of {id}");
        if !pre2019 {
            let suits = getl(id, "litigation_direct", "total").unwrap() + getl(id, "litigation_after_reconsideration", "total").unwrap();
            assert_eq!(r["lawsuits"].as_i64(), Some(suits));
            let decided = getl(id, "reconsideration", "total").unwrap() - getl(id, "reconsideration", "pending").unwrap();
            let want = (decided > 0).then(|| getl(id, "reconsideration", "corrected").unwrap() as f64 / decided as f64);
            assert_eq!(f(&r["reconsideration_correction_rate"]), want, "correction rate of {id}");
            let not_held = get(id, "unable_not_held").unwrap();
            let rejected: i64 = ["rejected_petition", "rejected_duplicate", "rejected_publication", "rejected_excessive", "rejected_confirmation"]
                .iter()
                .map(|k| get(id, k).unwrap())
                .sum();
            let merits = get(id, "total_processed").unwrap() - not_held - get(id, "unable_needs_creation").unwrap() - rejected;
            let want = (merits > 0).then(|| granted.unwrap() as f64 / merits as f64);
            assert_eq!(f(&r["substantive_grant_rate"]), want, "substantive_grant_rate of {id}");
        }
        checked += 1;
    }
    assert_eq!(checked, 9);
}

#[test]
fn a_zero_denominator_gives_null_not_zero() {
    let out = years();
    let rows = read_table(out.path(), "summary/agency_year").unwrap();
    let dayan_2019 = rows.iter().find(|r| r["agency_key"].as_str().unwrap().ends_with("大雁镇") && r["year"] == 2019).unwrap();
    assert_eq!(dayan_2019["total_processed"], 0);
    for rate in ["grant_rate", "substantive_grant_rate", "not_held_rate", "reconsideration_per_100", "reconsideration_correction_rate"] {
        assert_eq!(dayan_2019[rate], Value::Null, "{rate}");
    }
}

#[test]
fn checks_find_the_broken_carry_over_and_the_repeated_year() {
    let out = years();
    let checks = read_table(out.path(), "summary/checks").unwrap();
    let carry: Vec<&Record> = checks.iter().filter(|c| c["check"] == "carryover_mismatch").collect();
    assert_eq!(carry.len(), 1, "{checks:?}");
    assert_eq!(carry[0]["year"], 2021);
    assert_eq!(carry[0]["agency_key"], "220503:政府");
    assert_eq!(carry[0]["report_ids"].as_array().unwrap().len(), 2);
    let twice: Vec<&Record> = checks.iter().filter(|c| c["check"] == "agency_year_twice").collect();
    assert_eq!(twice.len(), 1);
    assert_eq!(twice[0]["year"], 2020);
    // 2019 → 2020 of the same agency chains correctly: no finding.
    assert!(!checks.iter().any(|c| c["check"] == "carryover_mismatch" && c["year"] == 2020 && c["agency_key"] == "220503:政府"));
}

#[test]
fn yearly_tables_pool_sums_and_count_their_reports() {
    let out = years();
    let rows = read_table(out.path(), "summary/agency_year").unwrap();
    let year = read_summary_file(out.path(), "year.parquet");
    let y2020 = year.iter().find(|r| r["year"] == 2020).unwrap();
    let in_2020: Vec<&Record> = rows.iter().filter(|r| r["year"] == 2020).collect();
    assert_eq!(y2020["reports"].as_i64(), Some(in_2020.len() as i64));
    let (mut num, mut den) = (0i64, 0i64);
    for r in &in_2020 {
        if !r["grant_rate"].is_null() {
            num += r["granted"].as_i64().unwrap() + r["partially_granted"].as_i64().unwrap_or(0);
            den += r["total_processed"].as_i64().unwrap();
        }
    }
    assert_eq!(f(&y2020["grant_rate"]), Some(num as f64 / den as f64));
    assert_eq!(y2020["grant_rate_n"].as_i64(), Some(in_2020.iter().filter(|r| !r["grant_rate"].is_null()).count() as i64));
    for ext in ["csv", "md"] {
        for stem in ["year", "year_admin_level", "year_province"] {
            assert!(out.path().join(format!("summary/{stem}.{ext}")).is_file(), "{stem}.{ext}");
        }
    }
}

/// A single summary file, read as a one-file dataset.
fn read_summary_file(out: &std::path::Path, name: &str) -> Vec<Record> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("t")).unwrap();
    std::fs::copy(out.join("summary").join(name), dir.path().join("t/part.parquet")).unwrap();
    read_table(dir.path(), "t").unwrap()
}

#[test]
fn summary_prints_the_table_asked_for() {
    let out = years();
    let (stdout, _) = ogi_ok(&["summary", "--data", path_str(out.path()), "--by", "year,admin_level"]);
    let header = stdout.lines().next().unwrap();
    assert!(header.starts_with("| year | admin_level | reports |"), "{stdout}");
    assert!(stdout.contains("| 2021 | county | 1 |"), "{stdout}");
    let bad = crate::ogi(&["summary", "--data", path_str(out.path()), "--by", "colour"]);
    assert_eq!(bad.status.code(), Some(1));
}

#[test]
fn the_summary_does_not_depend_on_the_partitioning() {
    // Generated reports: many provinces and levels, and national agencies,
    // which have no province (the null partition).
    let corpus = tempfile::tempdir().unwrap();
    ogi_ok(&["gen", "--reports", "600", "--seed", "5", "--out", path_str(corpus.path())]);
    let input = corpus.path().join("input");
    // A national agency whatever the generator drew.
    let national = "国家统计局2020年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n\
                    一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |\n";
    std::fs::write(input.join("national.txt"), national).unwrap();
    let summary = |partition: &str| {
        let out = tempfile::tempdir().unwrap();
        let o = path_str(out.path());
        ogi_ok(&["extract", "-q", "--input", path_str(&input), "--out", o, "--partition", partition]);
        ogi_ok(&["stats", "-q", "--data", o]);
        let tables = ["year", "year_admin_level", "year_province"]
            .map(|t| std::fs::read_to_string(out.path().join(format!("summary/{t}.csv"))).unwrap());
        (sorted_rows(out.path(), "summary/agency_year"), tables)
    };
    let by_year = summary("year");
    assert!(by_year.0.len() > 500, "{} reports in agency_year", by_year.0.len());
    assert!(by_year.0.iter().any(|row| row.contains(r#""province":null"#)), "no national agency among the reports");
    for partition in ["province", "admin_level,template"] {
        assert_eq!(summary(partition), by_year, "partitioned by {partition}");
    }
}

#[test]
fn a_table_without_a_partition_folder_is_read_whole() {
    // A fact table missing a partition's folder (written by another tool, or
    // pruned by hand): that partition's reports keep their rows, without facts.
    let out = years();
    let o = out.path();
    let before = read_table(o, "summary/agency_year").unwrap();
    let year_dir = std::fs::read_dir(o.join("litigation")).unwrap().next().unwrap().unwrap().path();
    let year: i64 = year_dir.file_name().unwrap().to_string_lossy().trim_start_matches("year=").parse().unwrap();
    std::fs::remove_dir_all(&year_dir).unwrap();
    ogi_ok(&["stats", "-q", "--data", path_str(o)]);
    let after = read_table(o, "summary/agency_year").unwrap();
    assert_eq!(after.len(), before.len());
    let in_year = after.iter().filter(|r| r["year"].as_i64() == Some(year)).collect::<Vec<_>>();
    assert!(!in_year.is_empty());
    assert!(in_year.iter().all(|r| r["lawsuits"].is_null() && r["reconsiderations"].is_null()), "{in_year:?}");
    assert!(after.iter().any(|r| r["year"].as_i64() != Some(year) && !r["reconsiderations"].is_null()));
}
