//! 表三's first two rows where a page prints their first columns by their
//! labels and their other columns after the table's heads: plain `pdftotext`
//! of a web page whose head row is taller than its labels' lines
//! (`一、本年新收政府信息公开申 33` / `请数量` / `3` / `二、上年结转` / the
//! heads' last lines / `3` … `39` / `0` … `3`: 一's first, 二's first, then
//! each row's six others). Neither row read, the numbers before the first
//! fact read of the rows after them must be just their fourteen cells; they
//! are read where each row adds up, the firsts apart from the rest or each
//! row's numbers together (whichever holds, where both give the same).

use super::*;
use crate::template::{Role, APPLICANTS};

/// Reads 一 and 二 again (see the module) where the reading of the table
/// (`report.requests[from..]`, from `rows`) read neither. Changes nothing
/// otherwise.
pub(super) fn reread(text: &str, rows: &[Row], t: Template, report: &mut Report, from: usize) {
    let specs = template::request_rows(t);
    let key = |role: Role| specs.iter().find(|s| s.role == role).map(|s| s.key);
    let (Some(new), Some(over)) = (key(Role::NewReceived), key(Role::CarriedOver)) else { return };
    let facts = &report.requests[from..];
    if facts.iter().any(|f| f.row == new || f.row == over) {
        return;
    }
    let Some(next) = facts.iter().map(|f| f.offset).min() else { return };
    // (Every number of the table before it: none read.)
    let end = rows.partition_point(|r| r.offset < next);
    let Some(mut pool) = super::runs_apart::pool(text, &rows[..end], 0, &[]) else { return };
    pool.retain(|&(at, _)| at < next);
    let n = APPLICANTS.len();
    if pool.len() != 2 * n {
        return;
    }
    // The pool's indices of each row's cells: the firsts apart, or each row together.
    let apart: [Vec<usize>; 2] =
        [[0].into_iter().chain(2..n + 1).collect(), [1].into_iter().chain(n + 1..2 * n).collect()];
    let together: [Vec<usize>; 2] = [(0..n).collect(), (n..2 * n).collect()];
    let adds_up = |at: &Vec<usize>| at[..n - 1].iter().map(|&p| pool[p].1).sum::<i64>() == pool[at[n - 1]].1;
    let values = |placing: &[Vec<usize>; 2]| -> Vec<i64> { placing.iter().flatten().map(|&p| pool[p].1).collect() };
    let holding: Vec<&[Vec<usize>; 2]> = [&apart, &together].into_iter().filter(|p| p.iter().all(adds_up)).collect();
    let Some(&placing) = holding.first() else { return };
    if holding.iter().any(|p| values(p) != values(placing)) {
        return;
    }
    let mut placed = Vec::with_capacity(2 * n);
    for (row, at) in [new, over].into_iter().zip(placing) {
        for (&applicant, &p) in APPLICANTS.iter().zip(at) {
            placed.push(RequestFact { row, applicant, count: pool[p].1, offset: pool[p].0 });
        }
    }
    report.requests.splice(from..from, placed);
    super::pooled::read_again(report, &[new, over]);
}

#[cfg(test)]
mod tests {
    use super::super::numbers_first::tests::{get, lines, requests, HEAD};
    use super::super::pooled::tests::printed;

    const NEW: [i64; 7] = [33, 3, 1, 0, 2, 0, 39];
    const OVER: [i64; 7] = [3, 0, 0, 0, 0, 0, 3];

    /// A 2021 表三 as plain `pdftotext` prints a page whose head row is taller
    /// than its first rows' labels: 一's first within its label, 二's before its
    /// label, the heads' last lines, then each row's six others; the other rows
    /// each its label and its numbers.
    fn table(new: [i64; 7], over: [i64; 7]) -> String {
        let values = [
            ("new_received", new),
            ("carried_over", over),
            ("granted", [20, 2, 1, 0, 2, 0, 25]),
            ("unable_not_held", [16, 1, 0, 0, 0, 0, 17]),
            ("total_processed", [36, 3, 1, 0, 2, 0, 42]),
        ];
        let text = printed(&values, |spec, own| match spec.key {
            "new_received" | "carried_over" => String::new(),
            _ => format!("{}\n{}", spec.label, lines(&own)),
        });
        let head = format!(
            "一、本年新收政府信息公开申 {}\n请数量\n{}\n二、上年结转\n研机构\n社会公益组织\n{}{}政府信息公开申请数量\n",
            new[0],
            over[0],
            lines(&new[1..]),
            lines(&over[1..]),
        );
        format!("{HEAD}{head}{}", &text[HEAD.len()..])
    }

    #[test]
    fn the_first_rows_firsts_by_their_labels_and_the_rest_after_the_heads_are_read() {
        let r = requests(&table(NEW, OVER));
        assert_eq!(get(&r, "new_received"), NEW, "{:?}", r.issues);
        assert_eq!(get(&r, "carried_over"), OVER);
        assert!(r.has_issue("cells_pooled"), "{:?}", r.issues);
        // A row that does not add up so read: neither read.
        let r = requests(&table([33, 3, 1, 0, 2, 0, 40], OVER));
        assert_ne!(get(&r, "new_received"), [33, 3, 1, 0, 2, 0, 40], "{:?}", r.issues);
    }
}
