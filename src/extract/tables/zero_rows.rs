//! Rows of 表三 that no reading placed, where the table's sums leave nothing
//! for them. Counts are never below 0: where (七)总计 less the results read
//! is 0 in every column, each result not read is 0; where 一 + 二 less (七)
//! is 0 in every column, 四 is 0 (and likewise 二 from the others). A page
//! may print such rows' marks for none in an order no reading places (a web
//! page's tall cells, `-` / `- -` / `- - -` among the labels' lines): their
//! places do not matter, they are all 0. Only where the rows the sums are
//! taken from hold a number not 0 (a table of zeros read short tells
//! nothing), every number of the table no row took 0, and flagged: the
//! checks cannot catch what the sums gave.

use super::*;
use crate::extract::checks::Grid;
use crate::template::{Role, APPLICANTS};

/// Puts the rows of 表三 (`report.requests[from..]` its facts, read from
/// `rows` up to row `end`) not read at all, that the sums leave 0 for (see
/// the module), as 0: where every number of the table no fact took is 0.
pub(super) fn fill(report: &mut Report, t: Template, from: usize, rows: &[Row], end: usize) {
    let specs = template::request_rows(t);
    let n = APPLICANTS.len();
    let facts = &report.requests[from..];
    // (Most tables: every row read, the facts in the rows' order.)
    let rows_read = facts.windows(2).filter(|w| w[0].row != w[1].row).count() + 1;
    if rows_read >= specs.len() {
        return;
    }
    let Some(at) = facts.iter().map(|f| f.offset).min() else { return };
    let grid = Grid::of(facts, t);
    let whole = |r: usize| -> Option<Vec<i64>> { (0..n).map(|a| grid.get(Some(r), a)).collect() };
    let absent = |r: usize| (0..n).all(|a| grid.get(Some(r), a).is_none());
    let mut taken: Vec<usize> = facts.iter().map(|f| f.offset).collect();
    taken.sort_unstable();
    let cells = rows[..end.min(rows.len())].iter().flat_map(|r| &r.cells).filter(|c| c.offset > at);
    if cells.filter(|c| taken.binary_search(&c.offset).is_err()).any(|c| c.number() != 0.0) {
        return;
    }
    let role = |role: Role| specs.iter().position(|s| s.role == role);
    let not_zero = |rows: &[Vec<i64>]| rows.iter().flatten().any(|&v| v != 0);
    let mut zeros: Vec<usize> = Vec::new();
    // The results not read, where (七)总计 and every other result are.
    let results: Vec<usize> = (0..specs.len()).filter(|&r| specs[r].role == Role::Result).collect();
    let (unread, read): (Vec<usize>, Vec<usize>) = results.iter().partition(|&&r| absent(r));
    if let (Some(total), false) = (role(Role::TotalProcessed).and_then(whole), unread.is_empty()) {
        let read: Option<Vec<Vec<i64>>> = read.iter().map(|&r| whole(r)).collect();
        let left = |read: &[Vec<i64>]| (0..n).all(|a| total[a] == read.iter().map(|row| row[a]).sum::<i64>());
        if read.is_some_and(|read| not_zero(&read) && left(&read)) {
            zeros.extend(unread);
        }
    }
    // 四, or 二: 一 + 二 = (七) + 四, the other three read.
    let identity = [
        (Role::CarriedForward, [Role::NewReceived, Role::CarriedOver, Role::TotalProcessed]),
        (Role::CarriedOver, [Role::TotalProcessed, Role::CarriedForward, Role::NewReceived]),
    ];
    for (missing, [plus, more, minus]) in identity {
        let Some(r) = role(missing).filter(|&r| absent(r)) else { continue };
        let rows: Option<Vec<Vec<i64>>> = [plus, more, minus].iter().map(|&o| role(o).and_then(whole)).collect();
        let Some(rows) = rows else { continue };
        if not_zero(&rows) && (0..n).all(|a| rows[0][a] + rows[1][a] == rows[2][a]) {
            zeros.push(r);
        }
    }
    if zeros.is_empty() {
        return;
    }
    zeros.sort_unstable();
    let keys: Vec<&'static str> = zeros.iter().map(|&r| specs[r].key).collect();
    for &row in &keys {
        let fact = |applicant| RequestFact { row, applicant, count: 0, offset: at };
        report.requests.extend(APPLICANTS.iter().copied().map(fact));
    }
    super::pooled::in_template_order(&mut report.requests[from..], &specs);
    super::pooled::take_back(report, &keys);
    let why = "not placed where printed; the table's sums leave 0 for them, read as 0";
    report.flag("cells_inferred", format!("{}: {why}", keys.join(", ")));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cells::rows;

    /// A 2021 表三's facts but `left_out`'s rows: 4 new requests of natural
    /// persons, `granted` of them granted, the rest not held; 四 none.
    fn report(granted: i64, left_out: &[&str]) -> Report {
        let mut r = Report::default();
        let mut offset = 0;
        for spec in template::request_rows(Template::T2021) {
            let first = match spec.key {
                "new_received" | "total_processed" => 4,
                "granted" => granted,
                "unable_not_held" => 4 - granted,
                _ => 0,
            };
            if left_out.contains(&spec.key) {
                continue;
            }
            for (a, &applicant) in APPLICANTS.iter().enumerate() {
                let count = if a == 0 || a == APPLICANTS.len() - 1 { first } else { 0 };
                offset += 1;
                r.requests.push(RequestFact { row: spec.key, applicant, count, offset });
            }
        }
        let missing = left_out.join(", ");
        r.flag("rows_missing", format!("{}{missing}", super::super::pooled::ROWS_NOT_FOUND));
        r
    }

    fn row(r: &Report, key: &str) -> Vec<i64> {
        r.requests.iter().filter(|f| f.row == key).map(|f| f.count).collect()
    }

    #[test]
    fn rows_the_sums_leave_nothing_for_are_read_as_zeros() {
        let left_out = ["rejected_confirmation", "other_overdue_fee", "carried_forward"];
        let mut r = report(3, &left_out);
        fill(&mut r, Template::T2021, 0, &[], 0);
        for key in left_out {
            assert_eq!(row(&r, key), [0; 7], "{key}");
        }
        assert!(!r.has_issue("rows_missing") && r.has_issue("cells_inferred"), "{:?}", r.issues);
        // A result read that leaves (七)总计 a request: the rows not read may hold it.
        let mut r = report(3, &["rejected_confirmation", "unable_not_held"]);
        fill(&mut r, Template::T2021, 0, &[], 0);
        assert!(row(&r, "rejected_confirmation").is_empty() && r.has_issue("rows_missing"));
        // A number not 0 that no row took: maybe theirs.
        let mut r = report(3, &left_out);
        let text = format!("{}\n5\n", "其他".repeat(100));
        let (_, rs) = rows(&text);
        fill(&mut r, Template::T2021, 0, &rs, rs.len());
        assert!(row(&r, "carried_forward").is_empty(), "{:?}", r.issues);
        // A table of zeros read short tells nothing.
        let mut r = report(0, &left_out);
        r.requests.iter_mut().for_each(|f| f.count = 0);
        fill(&mut r, Template::T2021, 0, &[], 0);
        assert!(row(&r, "carried_forward").is_empty());
    }
}
