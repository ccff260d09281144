//! The arithmetic the templates promise, checked on what was read.
//!
//! Numbers are recorded as printed; these checks flag where they disagree and
//! never change them. Each finding names the row, column and sums involved.

use crate::report::{Report, RequestFact};
use crate::template::{self, Role, Template};

/// Runs every check that the report's tables allow and records `identity_ok`.
pub fn check(report: &mut Report, t: Template) {
    check_requests(report, t);
    check_litigation(report);
}

/// 表三 as a grid: template row by applicant column (the last fact read for a
/// cell stands).
pub(crate) struct Grid {
    rows: Vec<&'static template::Row>,
    cells: Vec<Option<i64>>,
}

impl Grid {
    pub(crate) fn of(facts: &[RequestFact], t: Template) -> Grid {
        let rows = template::request_rows(t);
        let cells = vec![None; rows.len() * template::APPLICANTS.len()];
        let mut grid = Grid { rows: rows.clone(), cells };
        // Facts come in the template's order: each row is looked for from the last one found.
        let mut last = 0;
        for f in facts {
            let r = (0..rows.len()).map(|k| (last + k) % rows.len()).find(|&k| rows[k].key == f.row);
            last = r.unwrap_or(last);
            grid.set(r, f.applicant, Some(f.count));
        }
        grid
    }

    /// (Inline: [`Grid::of`] calls it for every fact, whichever function reads the grid.)
    #[inline]
    pub(crate) fn set(&mut self, r: Option<usize>, applicant: &str, v: Option<i64>) {
        let a = template::APPLICANTS.iter().position(|&a| a == applicant);
        if let (Some(r), Some(a)) = (r, a) {
            self.cells[r * template::APPLICANTS.len() + a] = v;
        }
    }

    pub(crate) fn get(&self, r: Option<usize>, a: usize) -> Option<i64> {
        self.cells[r? * template::APPLICANTS.len() + a]
    }

    pub(crate) fn index(&self, role: Role) -> Option<usize> {
        self.rows.iter().position(|r| r.role == role)
    }

    /// 一, 二, 三(七) and 四 in column `a`, where all four are stated.
    pub(crate) fn identity(&self, a: usize) -> Option<[i64; 4]> {
        let roles = [Role::NewReceived, Role::CarriedOver, Role::TotalProcessed, Role::CarriedForward];
        let mut out = [0; 4];
        for (v, role) in out.iter_mut().zip(roles) {
            *v = self.get(self.index(role), a)?;
        }
        Some(out)
    }

    /// 一 + 二 − 四 in column `a`, what (七)总计 holds where the identity holds,
    /// where all three are stated.
    pub(crate) fn identity_total(&self, a: usize) -> Option<i64> {
        let roles = [Role::NewReceived, Role::CarriedOver, Role::CarriedForward];
        let [n, c, f] = roles.map(|r| self.get(self.index(r), a));
        Some(n? + c? - f?)
    }

    /// The sum of row `r`'s applicant columns and its 总计, where every one is stated.
    pub(crate) fn row_sum(&self, r: usize) -> Option<(i64, i64)> {
        let total = template::APPLICANTS.len() - 1;
        let sum = (0..total).try_fold(0i64, |sum, a| Some(sum + self.get(Some(r), a)?))?;
        Some((sum, self.get(Some(r), total)?))
    }

    /// The sum of the results in column `a` and (七)'s, where every one is stated.
    pub(crate) fn results(&self, a: usize) -> Option<(i64, i64)> {
        let results = (0..self.rows.len()).filter(|&r| self.rows[r].role == Role::Result);
        let sum = results.map(|r| self.get(Some(r), a)).sum::<Option<i64>>()?;
        Some((sum, self.get(self.index(Role::TotalProcessed), a)?))
    }
}

fn check_requests(report: &mut Report, t: Template) {
    if report.requests.is_empty() {
        return;
    }
    let grid = Grid::of(&report.requests, t);
    let rows = &grid.rows;
    let applicants = template::APPLICANTS;
    let width = applicants.len();
    let get = |r: Option<usize>, a: usize| grid.get(r, a);
    let key = |role: Role| grid.index(role).map_or("", |r| rows[r].key);
    let mut findings: Vec<(&'static str, String)> = Vec::new();

    // 勾稽关系: 一 + 二 = 三(七) + 四, column by column.
    let mut checked = 0;
    for (a, name) in applicants.iter().enumerate() {
        if let Some([n, c, p, f]) = grid.identity(a) {
            checked += 1;
            if n + c != p + f {
                let [nr, co, tp, cf] =
                    [Role::NewReceived, Role::CarriedOver, Role::TotalProcessed, Role::CarriedForward].map(key);
                findings.push(("identity_mismatch", format!("{name}: {nr} {n} + {co} {c} != {tp} {p} + {cf} {f}")));
            }
        }
    }
    if checked > 0 {
        report.identity_ok = Some(!findings.iter().any(|f| f.0 == "identity_mismatch"));
    }

    // Applicant columns add up to 总计, row by row.
    for (r, row) in rows.iter().enumerate() {
        if let Some((sum, t)) = grid.row_sum(r) {
            if sum != t {
                findings.push(("row_sum_mismatch", format!("{}: columns add up to {sum}, 总计 says {t}", row.key)));
            }
        }
    }

    // The results add up to (七)总计, column by column; not where the table's
    // reader found no row for a result (`rows_missing`), nor in a column where
    // it read a result's other cells but not this one (a number it could not
    // place): the sum is unknown.
    let unread = |r: usize| rows[r].role == Role::Result && (0..width).all(|a| get(Some(r), a).is_none());
    let results_missing = report.has_issue("rows_missing") && (0..rows.len()).any(unread);
    let unplaced = |r: usize, a: usize| rows[r].role == Role::Result && get(Some(r), a).is_none() && !unread(r);
    let known = |a: usize| (0..rows.len()).all(|r| !unplaced(r, a));
    for (a, name) in applicants.iter().enumerate().filter(|&(a, _)| !results_missing && known(a)) {
        let mut results = (0..rows.len()).filter(|&r| rows[r].role == Role::Result).filter_map(|r| get(Some(r), a));
        // The sum of the results stated, if any is.
        let sum = results.next().map(|first| first + results.sum::<i64>());
        if let (Some(sum), Some(p)) = (sum, get(grid.index(Role::TotalProcessed), a)) {
            if sum != p {
                let tp = key(Role::TotalProcessed);
                findings.push(("result_sum_mismatch", format!("{name}: results add up to {sum}, {tp} says {p}")));
            }
        }
    }
    for (code, detail) in findings {
        report.flag(code, detail);
    }
}

fn check_litigation(report: &mut Report) {
    let mut findings = Vec::new();
    for &p in template::LITIGATION_PROCEEDINGS {
        let get = |o: &str| report.litigation.iter().find(|f| f.proceeding == p && f.outcome == o).map(|f| f.count);
        let (parts, total) = template::LITIGATION_OUTCOMES.split_at(template::LITIGATION_OUTCOMES.len() - 1);
        let sum = parts.iter().try_fold(0i64, |sum, o| Some(sum + get(o)?));
        if let (Some(sum), Some(t)) = (sum, get(total[0])) {
            if sum != t {
                findings.push(format!("{p}: outcomes add up to {sum}, 总计 says {t}"));
            }
        }
    }
    for detail in findings {
        report.flag("litigation_sum_mismatch", detail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{LitigationFact, RequestFact};

    fn req(row: &'static str, applicant: &'static str, count: i64) -> RequestFact {
        RequestFact { row, applicant, count, offset: 0 }
    }

    #[test]
    fn identity_holds_and_breaks() {
        let mut r = Report {
            requests: vec![
                req("new_received", "total", 12),
                req("carried_over", "total", 11),
                req("total_processed", "total", 23),
                req("carried_forward", "total", 0),
            ],
            ..Report::default()
        };
        check(&mut r, Template::T2019);
        assert_eq!(r.identity_ok, Some(true));
        r.requests[3].count = 2;
        r.issues.clear();
        check(&mut r, Template::T2019);
        assert_eq!(r.identity_ok, Some(false));
        assert!(r.has_issue("identity_mismatch"));
    }

    #[test]
    fn results_the_reader_could_not_find_leave_their_sum_unchecked() {
        let mut r = Report::default();
        for row in template::request_rows(Template::T2019) {
            if row.key == "denied_state_secret" {
                continue;
            }
            let n = if row.key == "total_processed" { 5 } else { i64::from(row.key == "granted") * 3 };
            r.requests.push(req(row.key, "total", n));
        }
        check(&mut r, Template::T2019);
        assert!(r.has_issue("result_sum_mismatch"));
        r.issues.clear();
        r.flag("rows_missing", "表三 rows not found: denied_state_secret");
        check(&mut r, Template::T2019);
        assert!(!r.has_issue("result_sum_mismatch"));
    }

    #[test]
    fn a_result_read_but_for_a_column_leaves_that_columns_sum_unchecked() {
        // (四)1's 总计 not placed (its row printed short of a cell): the totals'
        // sum is unknown, the natural persons' still checked.
        let mut r = Report::default();
        for row in template::request_rows(Template::T2019) {
            for (a, &applicant) in template::APPLICANTS.iter().enumerate() {
                let n = match row.key {
                    "granted" => [3, 1, 0, 0, 0, 0, 4][a],
                    "unable_not_held" if applicant == "total" => continue,
                    "unable_not_held" => [2, 0, 0, 0, 0, 0, 2][a],
                    "new_received" | "total_processed" => [4, 1, 0, 0, 0, 0, 5][a],
                    _ => 0,
                };
                r.requests.push(req(row.key, applicant, n));
            }
        }
        check(&mut r, Template::T2019);
        let found: Vec<&str> = r.issues.iter().map(|i| i.detail.as_str()).collect();
        assert_eq!(found, ["natural_person: results add up to 5, total_processed says 4"]);
    }

    #[test]
    fn row_and_result_sums() {
        let mut r = Report::default();
        let mut facts = vec![req("granted", "natural_person", 3), req("granted", "total", 4)];
        for a in &template::APPLICANTS[1..6] {
            facts.push(req("granted", a, 0));
        }
        facts.push(req("total_processed", "total", 5));
        r.requests = facts;
        check(&mut r, Template::T2019);
        assert!(r.has_issue("row_sum_mismatch"));
        assert!(r.has_issue("result_sum_mismatch"));
        assert_eq!(r.identity_ok, None, "no column has all four identity rows");
    }

    #[test]
    fn litigation_blocks() {
        let mut r = Report::default();
        for (o, c) in [("upheld", 1), ("corrected", 0), ("other", 0), ("pending", 0), ("total", 0)] {
            r.litigation.push(LitigationFact { proceeding: "litigation_direct", outcome: o, count: c, offset: 0 });
        }
        check(&mut r, Template::T2019);
        assert!(r.has_issue("litigation_sum_mismatch"));
    }
}
