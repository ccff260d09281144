//! Eval: scores output against gold files, exactly as `shared/tools/score.py`.
//!
//! Same matching (reports by file name), same comparisons (numbers within 1e-9
//! relative or 1e-6 absolute, strings trimmed, dates as ISO text), same counts and
//! the same lines: the misses first, then one summary line, last:
//! `score: 0.973 meta 40/42 facts 71/73 precision 1.000 issues 3/3 reports 5/5`.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use serde_json::Value;

use crate::dataset::{read_table, Record};
use crate::error::{Error, IoContext, Result};

/// The counts behind a score.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Score {
    pub meta_ok: usize,
    pub meta_n: usize,
    pub fact_ok: usize,
    pub fact_n: usize,
    pub issues_ok: usize,
    pub issues_n: usize,
    /// Non-zero facts emitted for reports whose gold is complete.
    pub emitted: usize,
    /// Of those, facts the gold does not list.
    pub false_positives: usize,
    pub found: usize,
    pub golds: usize,
    /// One line per miss, in score.py's words.
    pub misses: Vec<String>,
    /// The data contract's issue codes raised on reports whose gold is complete
    /// and does not list them (score.py counts only the codes the gold lists),
    /// one line each.
    pub unasked: Vec<String>,
}

impl Score {
    pub fn value(&self) -> f64 {
        let total = self.meta_n + self.fact_n + self.issues_n;
        if total == 0 {
            0.0
        } else {
            (self.meta_ok + self.fact_ok + self.issues_ok) as f64 / total as f64
        }
    }

    /// The summary line, formatted as score.py formats it.
    pub fn line(&self) -> String {
        let total = self.meta_n + self.fact_n + self.issues_n;
        let precision = if self.emitted > 0 {
            fixed3(self.emitted - self.false_positives, self.emitted)
        } else {
            "1.000".into()
        };
        format!(
            "score: {} meta {}/{} facts {}/{} precision {} issues {}/{} reports {}/{}",
            if total > 0 { fixed3(self.meta_ok + self.fact_ok + self.issues_ok, total) } else { "0.000".into() },
            self.meta_ok,
            self.meta_n,
            self.fact_ok,
            self.fact_n,
            precision,
            self.issues_ok,
            self.issues_n,
            self.found,
            self.golds
        )
    }
}

/// `num/den` with three decimals, rounded half to even like Python's `{:.3f}`
/// (exact here, since the ratio is known as integers).
fn fixed3(num: usize, den: usize) -> String {
    let scaled = num as u128 * 1000;
    let (q, r) = (scaled / den as u128, scaled % den as u128);
    let q = match (2 * r).cmp(&(den as u128)) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if q % 2 == 1 => q + 1,
        _ => q,
    };
    format!("{}.{:03}", q / 1000, q % 1000)
}

/// Scores the tables under `out` against the gold files in `gold_dir`.
pub fn score(gold_dir: &Path, out: &Path) -> Result<Score> {
    Ok(score_groups(gold_dir, out, None)?.remove("").unwrap_or_default())
}

/// The score of each group of gold files, grouped by `labels.<label>`.
pub fn score_by(gold_dir: &Path, out: &Path, label: &str) -> Result<BTreeMap<String, Score>> {
    score_groups(gold_dir, out, Some(label))
}

/// The data contract's issue codes: the checks and the metadata flags.
const CONTRACT_CODES: &[&str] = &[
    "identity_mismatch",
    "row_sum_mismatch",
    "result_sum_mismatch",
    "litigation_sum_mismatch",
    "table_empty",
    "title_missing",
    "agency_inferred",
    "year_inferred",
    "narrative_table_conflict",
];

/// A table of group scores: group, reports, score, meta, facts, precision,
/// issues, and the contract's codes raised that complete gold does not list.
pub fn table(label: &str, groups: &BTreeMap<String, Score>) -> String {
    let mut out = format!(
        "| {label} | reports | score | meta | facts | precision | issues | unasked flags |\n|---|---|---|---|---|---|---|---|\n"
    );
    for (g, s) in groups {
        let precision = if s.emitted > 0 { fixed3(s.emitted - s.false_positives, s.emitted) } else { "1.000".into() };
        let total = s.meta_n + s.fact_n + s.issues_n;
        out.push_str(&format!(
            "| {g} | {} | {} | {}/{} | {}/{} | {precision} | {}/{} | {} |\n",
            s.golds,
            if total > 0 { fixed3(s.meta_ok + s.fact_ok + s.issues_ok, total) } else { "-".into() },
            s.meta_ok,
            s.meta_n,
            s.fact_ok,
            s.fact_n,
            s.issues_ok,
            s.issues_n,
            s.unasked.len()
        ));
    }
    out
}

fn score_groups(gold_dir: &Path, out: &Path, label: Option<&str>) -> Result<BTreeMap<String, Score>> {
    let reports = read_table(out, "reports")?;
    if reports.is_empty() {
        return Err(Error::Data { path: out.to_path_buf(), message: "no reports table".into() });
    }
    let mut facts: HashMap<String, BTreeMap<String, Value>> = HashMap::new();
    for (table, k1, k2, val) in
        [("requests", "row", "applicant", "count"), ("litigation", "proceeding", "outcome", "count"), ("disclosures", "item", "metric", "value")]
    {
        for r in read_table(out, table)? {
            let key = format!("{table}/{}/{}", text(&r[k1]), text(&r[k2]));
            facts.entry(text(&r["report_id"])).or_default().insert(key, r[val].clone());
        }
    }
    let mut by_name: HashMap<String, &Record> = HashMap::new();
    for r in &reports {
        let path = r.get("source_path").map(text).unwrap_or_default();
        let name = path.rsplit('/').next().unwrap_or_default().to_string();
        by_name.entry(name).or_insert(r);
    }
    let mut gold_files: Vec<_> = std::fs::read_dir(gold_dir)
        .at(gold_dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    gold_files.sort();

    let mut groups: BTreeMap<String, Score> = BTreeMap::new();
    let empty = BTreeMap::new();
    for g in &gold_files {
        let raw = std::fs::read_to_string(g).at(g)?;
        let gold: Value =
            serde_json::from_str(&raw).map_err(|e| Error::Data { path: g.clone(), message: e.to_string() })?;
        let group = label.map_or(String::new(), |l| gold.pointer(&format!("/labels/{l}")).map(text).unwrap_or_else(|| "-".into()));
        let s = groups.entry(group).or_default();
        s.golds += 1;
        let src = text(&gold["source"]).rsplit('/').next().unwrap_or_default().to_string();
        let meta = gold.get("report").and_then(Value::as_object).cloned().unwrap_or_default();
        let gold_facts = gold.get("facts").and_then(Value::as_object).cloned().unwrap_or_default();
        let gold_issues: Vec<Value> = gold.get("issues").and_then(Value::as_array).cloned().unwrap_or_default();
        let Some(rep) = by_name.get(&src) else {
            s.meta_n += meta.len();
            s.fact_n += gold_facts.len();
            s.issues_n += gold_issues.len();
            let lost = meta.len() + gold_facts.len() + gold_issues.len();
            s.misses.push(format!("MISSING {src}: no row in reports ({lost} items lost)"));
            continue;
        };
        s.found += 1;
        for (k, want) in &meta {
            s.meta_n += 1;
            let got = rep.get(k).cloned().unwrap_or(Value::Null);
            if same(&got, want) {
                s.meta_ok += 1;
            } else {
                s.misses.push(format!("{src} report.{k}: want {} got {}", repr(want), repr(&got)));
            }
        }
        let mine = facts.get(&text(&rep["report_id"])).unwrap_or(&empty);
        for (k, want) in &gold_facts {
            s.fact_n += 1;
            let got = mine.get(k).cloned().unwrap_or(Value::Null);
            if same(&got, want) {
                s.fact_ok += 1;
            } else {
                s.misses.push(format!("{src} {k}: want {} got {}", repr(want), repr(&got)));
            }
        }
        if gold.get("complete").and_then(Value::as_bool).unwrap_or(false) {
            for (k, v) in mine {
                if !(v.is_null() || v.as_f64() == Some(0.0)) {
                    s.emitted += 1;
                    if !gold_facts.contains_key(k) {
                        s.false_positives += 1;
                        s.misses.push(format!("{src} {k}: not in the report, got {}", repr(v)));
                    }
                }
            }
        }
        let mut have: Vec<String> =
            rep.get("issues").and_then(Value::as_array).map(|a| a.iter().map(text).collect()).unwrap_or_default();
        have.sort();
        have.dedup();
        if gold.get("complete").and_then(Value::as_bool).unwrap_or(false) {
            let asked: Vec<String> = gold_issues.iter().map(text).collect();
            for code in have.iter().filter(|h| CONTRACT_CODES.contains(&h.as_str()) && !asked.contains(h)) {
                s.unasked.push(format!("{src} issue {code}: raised, not in the gold"));
            }
        }
        for code in &gold_issues {
            s.issues_n += 1;
            if have.contains(&text(code)) {
                s.issues_ok += 1;
            } else {
                let listed: Vec<String> = have.iter().map(|h| repr(&Value::from(h.as_str()))).collect();
                s.misses.push(format!("{src} issue {}: missing (have [{}])", text(code), listed.join(", ")));
            }
        }
    }
    if label.is_none() && groups.is_empty() {
        groups.insert(String::new(), Score::default());
    }
    Ok(groups)
}

/// Python's `str()` of a JSON value.
fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => repr(other),
    }
}

/// score.py's `same`: nulls only equal nulls; numbers (and booleans, which Python
/// counts as 0 and 1) within tolerance; anything else as trimmed text.
fn same(got: &Value, want: &Value) -> bool {
    let num = |v: &Value| match v {
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::Number(n) => n.as_f64(),
        _ => None,
    };
    match (got, want) {
        (Value::Null, _) | (_, Value::Null) => got.is_null() && want.is_null(),
        (Value::Bool(_), _) | (_, Value::Bool(_)) => num(got).is_some() && num(got) == num(want),
        (Value::Number(_), Value::Number(_)) => {
            let (a, b) = (num(got).unwrap_or(f64::NAN), num(want).unwrap_or(f64::NAN));
            a == b || (a - b).abs() <= f64::max(1e-9 * f64::max(a.abs(), b.abs()), 1e-6)
        }
        _ => text(got).trim() == text(want).trim(),
    }
}

/// Python's `repr()` of a JSON value, for the miss lines.
fn repr(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) if n.is_f64() => {
            let f = n.as_f64().unwrap_or(f64::NAN);
            if f.fract() == 0.0 && f.abs() < 1e16 {
                format!("{f:.1}")
            } else {
                format!("{f}")
            }
        }
        Value::Number(n) => n.to_string(),
        Value::String(s) => {
            let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
            let mut out = String::from(quote);
            for c in s.chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\t' => out.push_str("\\t"),
                    '\r' => out.push_str("\\r"),
                    c if c == quote => {
                        out.push('\\');
                        out.push(c);
                    }
                    c => out.push(c),
                }
            }
            out.push(quote);
            out
        }
        Value::Array(items) => format!("[{}]", items.iter().map(repr).collect::<Vec<_>>().join(", ")),
        Value::Object(_) => v.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_matches_python() {
        assert_eq!(fixed3(40, 42), "0.952");
        assert_eq!(fixed3(1, 16), "0.062", "half to even");
        assert_eq!(fixed3(3, 16), "0.188");
        assert_eq!(fixed3(5, 5), "1.000");
    }

    #[test]
    fn comparisons_match_python() {
        assert!(same(&Value::from(1_300_000.0), &Value::from(1_300_000)));
        assert!(same(&Value::from(68949.08), &Value::from(68949.080000001)));
        assert!(!same(&Value::Null, &Value::from(0)));
        assert!(same(&Value::from(true), &Value::from(1)));
        assert!(!same(&Value::from("true"), &Value::from(true)));
        assert!(same(&Value::from(" 220503"), &Value::from("220503")));
        assert!(same(&Value::from(2019), &Value::from("2019")));
    }

    #[test]
    fn reprs_match_python() {
        assert_eq!(repr(&Value::from(1_300_000.0)), "1300000.0");
        assert_eq!(repr(&Value::from(68949.08)), "68949.08");
        assert_eq!(repr(&Value::from("大雁镇")), "'大雁镇'");
        assert_eq!(repr(&Value::from("it's")), "\"it's\"");
        assert_eq!(repr(&Value::Null), "None");
    }
}
