//! (七)总计 and 四 read whole but out of their order. A layout that breaks each
//! mark for none over two lines (`—` over `—`, a Word table's narrow cells in
//! `-layout` text) may glue a number to the half of a mark beside it
//! (`— 7—  —`), and the row's cells come out in an order not the table's: its
//! numbers stand in other columns. Plain `pdftotext` may give (七)总计's
//! numbers to 四 and 四's to (七)总计, the two printed together past the labels.
//!
//! Two sums tell (七)总计 apart from what was read: the results' sum in each
//! column, and 一 + 二 less 四. Where every row they need is read whole, the
//! results' sums are not (七)总计 as read, and:
//! - (七)总计 as read adds up and holds the very numbers the results' sums
//!   give, in other columns, which 一 + 二 less 四 gives as well: its numbers are
//!   put in the columns the sums tell;
//! - or 四 as read is what the results' sums give and (七)总计 as read is what
//!   一 + 二 leaves beside that: the two rows are read the other way round.
//!
//! Where (七)总计 as read is the results' sums, 四 is what 一 + 二 leaves beside
//! it; 四 as read holding those very numbers in other columns (`-layout`
//! printing a narrow column's number after its neighbour's, `7 217` for 217
//! and 7) is put in the columns they tell.
//!
//! An agency's slip in either row fails one of those sums (a number printed
//! wrong changes its row's values, not their order), so it stays as printed
//! for the checks to flag. The rows placed are flagged (`cells_pooled`): the
//! checks cannot find them wrong.

use super::*;
use crate::extract::checks::Grid;
use crate::template::{Role, APPLICANTS};

/// Puts (七)总计 and 四 (of `report.requests[from..]`, read from a 表三 of
/// template `t`) in the order the sums tell, where they were read in
/// another (see the module). Changes nothing otherwise.
pub(super) fn place(report: &mut Report, t: Template, from: usize) {
    let specs = template::request_rows(t);
    let n = APPLICANTS.len();
    let grid = Grid::of(&report.requests[from..], t);
    let whole = |r: usize| -> Option<Vec<i64>> { (0..n).map(|a| grid.get(Some(r), a)).collect() };
    let row_of = |role: Role| grid.index(role).and_then(|r| Some((r, whole(r)?)));
    let (Some(new), Some(over), Some((total_at, total)), Some((forward_at, forward))) = (
        row_of(Role::NewReceived),
        row_of(Role::CarriedOver),
        row_of(Role::TotalProcessed),
        row_of(Role::CarriedForward),
    ) else {
        return;
    };
    let results: Option<Vec<Vec<i64>>> =
        (0..specs.len()).filter(|&r| specs[r].role == Role::Result).map(whole).collect();
    let Some(results) = results.filter(|r| !r.is_empty()) else { return };
    let told: Vec<i64> = (0..n).map(|a| results.iter().map(|r| r[a]).sum()).collect();
    // (A row not adding up, an agency's slip: as printed.)
    if !counts_add_up(&total) {
        return;
    }
    // 一 + 二 less a row of (七)总计 or 四: what the other holds beside it.
    let left_by = |row: &[i64]| -> Vec<i64> { (0..n).map(|a| new.1[a] + over.1[a] - row[a]).collect() };
    let (total_key, forward_key) = (specs[total_at].key, specs[forward_at].key);
    let sorted = |row: &[i64]| {
        let mut row = row.to_vec();
        row.sort_unstable();
        row
    };
    let why = "numbers printed out of their columns' order, placed where every sum holds";
    if told == total {
        // (七)总计 read as printed: 四 holding what 一 + 二 leaves beside it, in other columns.
        let left = left_by(&total);
        if forward != left && sorted(&forward) == sorted(&left) && counts_add_up(&left) {
            reordered(&mut report.requests[from..], forward_key, &left);
            report.flag("cells_pooled", format!("{forward_key}: {why}"));
        }
        return;
    }
    if sorted(&total) == sorted(&told) && left_by(&forward) == told {
        reordered(&mut report.requests[from..], total_key, &told);
        report.flag("cells_pooled", format!("{total_key}: {why}"));
    } else if forward == told && left_by(&forward) == total {
        for f in &mut report.requests[from..] {
            if f.row == total_key {
                f.row = forward_key;
            } else if f.row == forward_key {
                f.row = total_key;
            }
        }
        super::pooled::in_template_order(&mut report.requests[from..], &specs);
        let why = "each row's numbers read as the other's, placed where every sum holds";
        report.flag("cells_pooled", format!("{total_key}, {forward_key}: {why}"));
    }
}

/// Gives the facts of row `key` the counts `told`, column by column: each
/// column takes the first of the row's cells holding its count not taken yet.
fn reordered(facts: &mut [RequestFact], key: &str, told: &[i64]) {
    let cells: Vec<(i64, usize)> = facts.iter().filter(|f| f.row == key).map(|f| (f.count, f.offset)).collect();
    let mut taken = vec![false; cells.len()];
    let mut placed = Vec::with_capacity(told.len());
    for &count in told {
        let Some(k) = (0..cells.len()).find(|&k| !taken[k] && cells[k].0 == count) else { return };
        taken[k] = true;
        placed.push(cells[k]);
    }
    for f in facts.iter_mut().filter(|f| f.row == key) {
        let Some(a) = APPLICANTS.iter().position(|&a| a == f.applicant) else { continue };
        (f.count, f.offset) = placed[a];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 表三 of the 2021 template with the rows `values` names as given, the
    /// others 0.
    fn facts(values: &[(&str, [i64; 7])]) -> Vec<RequestFact> {
        let mut out = Vec::new();
        for (k, spec) in template::request_rows(Template::T2021).iter().enumerate() {
            let row = values.iter().find(|(key, _)| *key == spec.key).map_or([0; 7], |&(_, v)| v);
            for (a, (&applicant, count)) in APPLICANTS.iter().zip(row).enumerate() {
                out.push(RequestFact { row: spec.key, applicant, count, offset: 100 * k + a });
            }
        }
        out
    }

    /// The report of 表三 `values` (see [`facts`]) with its last rows placed.
    fn placed(values: &[(&str, [i64; 7])]) -> Report {
        let mut r = Report { requests: facts(values), ..Report::default() };
        place(&mut r, Template::T2021, 0);
        r
    }

    fn row(r: &Report, key: &str) -> Vec<i64> {
        let cell = |a: &str| r.requests.iter().find(|f| f.row == key && f.applicant == a).map_or(-1, |f| f.count);
        APPLICANTS.iter().map(|a| cell(a)).collect()
    }

    #[test]
    fn a_total_row_read_out_of_its_columns_order_is_placed_where_every_sum_holds() {
        let read = |total: [i64; 7], forward: [i64; 7]| {
            placed(&[
                ("new_received", [7, 0, 0, 0, 2, 1, 10]),
                ("granted", [5, 0, 0, 0, 2, 0, 7]),
                ("unable_not_held", [2, 0, 0, 0, 0, 1, 3]),
                ("total_processed", total),
                ("carried_forward", forward),
            ])
        };
        // `— 7—`: 7 read a column late, its mark's half before it.
        let r = read([0, 7, 0, 0, 2, 1, 10], [0; 7]);
        assert_eq!(row(&r, "total_processed"), [7, 0, 0, 0, 2, 1, 10]);
        assert!(r.has_issue("cells_pooled"), "{:?}", r.issues);
        // The two rows the other way round.
        let r = read([0; 7], [7, 0, 0, 0, 2, 1, 10]);
        assert_eq!(row(&r, "total_processed"), [7, 0, 0, 0, 2, 1, 10]);
        assert_eq!(row(&r, "carried_forward"), [0; 7]);
        // An agency's slip: (七)总计 not adding up, or other numbers than the sums'.
        for slip in [[0, 7, 0, 0, 2, 1, 11], [6, 0, 0, 0, 2, 1, 9], [7, 0, 0, 0, 2, 1, 11]] {
            let r = read(slip, [0; 7]);
            assert_eq!(row(&r, "total_processed"), slip);
            assert!(!r.has_issue("cells_pooled"), "{:?}", r.issues);
        }
        // 四 not what 一 + 二 leaves beside the sums' (七)总计: the identity fails as printed.
        let r = read([0, 7, 0, 0, 2, 1, 10], [1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(row(&r, "total_processed"), [0, 7, 0, 0, 2, 1, 10]);
    }

    #[test]
    fn a_carried_forward_row_read_out_of_its_columns_order_is_placed_where_the_identity_holds() {
        let read = |forward: [i64; 7]| {
            placed(&[
                ("new_received", [40, 5, 0, 0, 2, 1, 48]),
                ("carried_over", [3, 4, 0, 0, 0, 0, 7]),
                ("granted", [20, 2, 0, 0, 2, 0, 24]),
                ("unable_not_held", [2, 0, 0, 0, 0, 1, 3]),
                ("total_processed", [22, 2, 0, 0, 2, 1, 27]),
                ("carried_forward", forward),
            ])
        };
        // `-layout`'s `7 21`: 四's natural persons' 21 printed after the companies' 7.
        let r = read([7, 21, 0, 0, 0, 0, 28]);
        assert_eq!(row(&r, "carried_forward"), [21, 7, 0, 0, 0, 0, 28]);
        assert_eq!(row(&r, "total_processed"), [22, 2, 0, 0, 2, 1, 27]);
        assert!(r.has_issue("cells_pooled"), "{:?}", r.issues);
        // As the identity holds, or other numbers than it tells (an agency's slip): as printed.
        for forward in [[21, 7, 0, 0, 0, 0, 28], [7, 20, 0, 0, 0, 0, 27], [7, 21, 0, 0, 0, 1, 29]] {
            let r = read(forward);
            assert_eq!(row(&r, "carried_forward"), forward);
            assert!(!r.has_issue("cells_pooled"), "{:?}", r.issues);
        }
    }
}
