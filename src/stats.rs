//! Stats: statistics over the written tables.
//!
//! For now this stage reads the `reports` table back and counts reports by year
//! and status, which checks that the output is readable as a hive dataset. The
//! cross-agency statistics (grant rates, denial reasons, litigation ratios) and
//! the yearly summary tables are computed with polars in a later version.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::dataset::read_table;
use crate::error::Result;

/// Reports per year, by status: `(year, status) -> count`; year `None` is unknown.
pub fn report_counts(out: &Path) -> Result<BTreeMap<(Option<i64>, String), usize>> {
    let mut counts = BTreeMap::new();
    for r in read_table(out, "reports")? {
        let year = r.get("year").and_then(Value::as_i64);
        let status = r.get("status").and_then(Value::as_str).unwrap_or("?").to_string();
        *counts.entry((year, status)).or_insert(0) += 1;
    }
    Ok(counts)
}

/// The counts as a small table, one line per year.
pub fn render(counts: &BTreeMap<(Option<i64>, String), usize>) -> String {
    let statuses = ["ok", "partial", "not_a_report", "unreadable"];
    let mut years: Vec<Option<i64>> = counts.keys().map(|k| k.0).collect();
    years.dedup();
    let mut out = format!("{:<8}{:>8}{:>9}{:>14}{:>12}{:>8}\n", "year", "ok", "partial", "not_a_report", "unreadable", "total");
    for y in years {
        let n = |s: &str| counts.get(&(y, s.to_string())).copied().unwrap_or(0);
        let total: usize = statuses.iter().map(|s| n(s)).sum();
        let label = y.map_or("unknown".to_string(), |y| y.to_string());
        out.push_str(&format!(
            "{label:<8}{:>8}{:>9}{:>14}{:>12}{total:>8}\n",
            n("ok"),
            n("partial"),
            n("not_a_report"),
            n("unreadable")
        ));
    }
    out
}
