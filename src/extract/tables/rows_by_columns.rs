//! Neighbouring rows of 表三 whose cells plain `pdftotext` prints side by
//! side, a column at a time. A web page's table printed to PDF, two rows'
//! labels in one tall cell beside the group's, may give each column's two
//! numbers on two lines (`412` / `76`, `29` / `8`, …), then both labels, then
//! their totals (`483` / `94`). A page whose rows of short labels stand two
//! to six at one height gives each row's first on its label's line, then each
//! other column's numbers together (`7.属于行政执法案卷 1` / `8.属于行政查询
//! 事项 0` / `1.本机关不掌握相关 4` / `0` / `0` / `1` ¶ … ¶ `1` / `0` / `5`).
//! Either way the numbers, in printed order, are the rows' cells column by
//! column; or, where a page prints the last columns a row a line (`0 5` /
//! `0 0`), each line the next row's in turn. Where neighbouring rows are
//! none read whole and adding up, and the numbers between the facts read of
//! the rows before them and those after are just their cells, they are read
//! so where every row adds up, and every column's results to (七)总计 where
//! the other rows are read (and the rows' numbers each row's together do
//! not, or give the same); more than two rows only where after their firsts
//! each column is a run of its own (sparse rows of zeros add up read in many
//! orders).

use super::*;
use crate::extract::checks::Grid;
use crate::template::APPLICANTS;

/// The most neighbouring rows read side by side.
const MAX_ROWS: usize = 6;

/// Reads neighbouring rows again (see the module) where the reading of the
/// table (`report.requests[from..]`, from `rows`) left them short or not
/// adding up, the fewest rows first. Changes nothing otherwise.
pub(super) fn reread(text: &str, rows: &[Row], t: Template, report: &mut Report, from: usize) {
    let specs = template::request_rows(t);
    let n = APPLICANTS.len();
    let mut grid = Grid::of(&report.requests[from..], t);
    let mut j = 0;
    while j + 1 < specs.len() {
        let whole = |r: usize| -> Option<Vec<i64>> { (0..n).map(|a| grid.get(Some(r), a)).collect() };
        let adding = |r: usize| whole(r).is_some_and(|c| counts_add_up(&c));
        // (The rows from row `j` on, up to the first that adds up.)
        let mut ks = (2..=MAX_ROWS.min(specs.len() - j)).take_while(|&k| !adding(j + k - 1));
        let fit = || ks.find_map(|k| side_by_side(text, rows, t, &report.requests[from..], j, k));
        let Some((standing, placed)) = (!adding(j)).then(fit).flatten() else {
            j += 1;
            continue;
        };
        let keys: Vec<&'static str> = placed.iter().map(|f| f.row).collect();
        j += placed.len() / n;
        report.requests.truncate(from);
        report.requests.extend(standing);
        report.requests.extend(placed);
        super::pooled::in_template_order(&mut report.requests[from..], &specs);
        super::pooled::read_again(report, &keys);
        grid = Grid::of(&report.requests[from..], t);
    }
}

/// The `k` rows from row `j` read side by side (see the module) from the
/// numbers between the facts that stand (those of the other rows, of
/// `facts`) before and after them: the facts that stand, and the rows'.
fn side_by_side(
    text: &str,
    rows: &[Row],
    t: Template,
    facts: &[RequestFact],
    j: usize,
    k: usize,
) -> Option<(Vec<RequestFact>, Vec<RequestFact>)> {
    let n = APPLICANTS.len();
    let specs = template::request_rows(t);
    let row_of = |f: &RequestFact| specs.iter().position(|s| s.key == f.row);
    let before = facts.iter().filter(|f| row_of(f).is_some_and(|r| r < j)).map(|f| f.offset).max()?;
    let after = facts.iter().filter(|f| row_of(f).is_some_and(|r| r >= j + k)).map(|f| f.offset).min()?;
    if after <= before {
        return None;
    }
    let keys: Vec<&'static str> = specs[j..j + k].iter().map(|s| s.key).collect();
    // (The numbers printed between, but other rows' facts, not just the rows' cells: not so printed.)
    let end = rows.partition_point(|r| r.offset < after);
    let start = rows.partition_point(|r| r.offset <= before).saturating_sub(1);
    let within = |at: usize| at > before && at < after;
    let other = |f: &&RequestFact| !keys.contains(&f.row) && within(f.offset);
    let mut others: Vec<usize> = facts.iter().filter(other).map(|f| f.offset).collect();
    others.sort_unstable();
    let free = |c: &&Cell| within(c.offset) && others.binary_search(&c.offset).is_err();
    if rows[start..end].iter().flat_map(|r| &r.cells).filter(free).count() != k * n {
        return None;
    }
    let standing: Vec<RequestFact> = facts.iter().filter(|f| !keys.contains(&f.row)).cloned().collect();
    let mut pool = super::runs_apart::pool(text, &rows[start..end], before, &standing)?;
    pool.retain(|&(at, _)| at < after);
    if pool.len() != k * n {
        return None;
    }
    // (More than two rows: the columns after the first each a run of their own.)
    if k > 2 && !columns_in_runs(text, &pool[k..], k) {
        return None;
    }
    let counts = |rows: &[Vec<(usize, i64)>]| -> Vec<Vec<i64>> {
        rows.iter().map(|r| r.iter().map(|c| c.1).collect()).collect()
    };
    // (Every row adds up, and every column's results to (七)总计 where the others are read.)
    let results_hold = |rows: &[Vec<i64>]| {
        let mut grid = Grid::of(&standing, t);
        for (r, cells) in (j..j + k).zip(rows) {
            (0..n).for_each(|a| grid.set(Some(r), APPLICANTS[a], Some(cells[a])));
        }
        (0..n).all(|a| grid.results(a).is_none_or(|(sum, total)| sum == total))
    };
    let holds = |rows: &[Vec<i64>]| rows.iter().all(|r| r.len() == n && counts_add_up(r)) && results_hold(rows);
    // A number a row in turn, column by column; else a line a row in turn, where
    // lines hold a row's neighbouring columns (the last two: `0 5` / `0 0`).
    let by_columns: Vec<Vec<(usize, i64)>> =
        (0..k).map(|s| pool.iter().skip(s).step_by(k).copied().collect()).collect();
    let read = Some(by_columns)
        .filter(|r| holds(&counts(r)))
        .or_else(|| lines_in_turn(text, &pool, k).filter(|r| holds(&counts(r))))?;
    let by_rows: Vec<Vec<i64>> = pool.chunks_exact(n).map(|r| r.iter().map(|c| c.1).collect()).collect();
    if holds(&by_rows) && by_rows != counts(&read) {
        return None;
    }
    let placed = keys.iter().zip(&read).flat_map(|(&row, cells)| {
        let fact = move |(&applicant, &(offset, count)): (&&'static str, &(usize, i64))| RequestFact {
            row,
            applicant,
            count,
            offset,
        };
        APPLICANTS.iter().zip(cells).map(fact)
    });
    Some((standing, placed.collect()))
}

/// The numbers (each with its place) given to `k` rows as a page prints two
/// rows' last columns a row a line after their others a column at a time:
/// the lines of one number each, a row's in turn, then the last `k` lines,
/// one a row, each of more than one; a blank line after every `k` lines and
/// none within. `None` where the lines are not so.
fn lines_in_turn(text: &str, numbers: &[(usize, i64)], k: usize) -> Option<Vec<Vec<(usize, i64)>>> {
    let mut lines: Vec<Vec<(usize, i64)>> = Vec::new();
    for &number in numbers {
        let broken = |before: usize| text.get(before..number.0).is_none_or(|between| between.contains('\n'));
        match lines.last_mut() {
            Some(line) if !broken(line[line.len() - 1].0) => line.push(number),
            _ => lines.push(vec![number]),
        }
    }
    let (singles, last) = lines.split_at_checked(lines.len().checked_sub(k)?)?;
    if singles.is_empty() || singles.len() % k != 0 || singles.iter().any(|l| l.len() != 1) {
        return None;
    }
    let firsts: Vec<(usize, i64)> = lines.iter().map(|l| l[0]).collect();
    if last.iter().any(|l| l.len() < 2) || !columns_in_runs(text, &firsts, k) {
        return None;
    }
    let mut rows: Vec<Vec<(usize, i64)>> = vec![Vec::new(); k];
    for (i, line) in lines.iter().enumerate() {
        rows[i % k].extend_from_slice(line);
    }
    Some(rows)
}

/// Whether the numbers (each with its place) come in runs of `k` lines, a
/// column's: no blank line within a run, one between runs.
fn columns_in_runs(text: &str, numbers: &[(usize, i64)], k: usize) -> bool {
    let blank = |w: &[(usize, i64)]| crate::extract::cells::blank_between(text, w[0].0, w[1].0);
    numbers.windows(2).enumerate().all(|(i, w)| blank(w) == ((i + 1) % k == 0))
}

#[cfg(test)]
mod tests {
    use super::super::numbers_first::tests::{get, requests, HEAD};
    use super::*;

    /// A row printed on one line: its label, then its numbers.
    fn line(label: &str, cells: &[i64]) -> String {
        let cells: Vec<String> = cells.iter().map(i64::to_string).collect();
        format!("{label} {}\n", cells.join(" "))
    }

    /// A 2021 表三 whose rows are each a label and its numbers, but (一) and
    /// (二), which `both` prints (the sums of the rows around them theirs).
    fn table_printing(granted: [i64; 7], partial: [i64; 7], both: &str) -> String {
        let mut text = HEAD.to_string();
        for spec in &template::request_rows(Template::T2021) {
            match spec.key {
                "granted" => text.push_str(both),
                "partially_granted" => {}
                "new_received" | "total_processed" => {
                    let sums: Vec<i64> = granted.iter().zip(&partial).map(|(a, b)| a + b).collect();
                    text.push_str(&line(spec.label, &sums));
                }
                _ => text.push_str(&line(spec.label, &[0; 7])),
            }
        }
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
        text
    }

    /// Two rows' numbers a column at a time, two lines each, for the first `columns`.
    fn in_turn(granted: [i64; 7], partial: [i64; 7], columns: usize) -> String {
        granted.iter().zip(&partial).take(columns).map(|(a, b)| format!("{a}\n{b}\n\n")).collect()
    }

    /// [`table_printing`] (一) and (二) a column at a time, then both labels,
    /// then both totals.
    fn table(granted: [i64; 7], partial: [i64; 7]) -> String {
        let mut both = in_turn(granted, partial, APPLICANTS.len() - 1);
        both.push_str(&format!("(一)予以公开\n(二)部分公开\n\n{}\n{}\n\n", granted[6], partial[6]));
        table_printing(granted, partial, &both)
    }

    #[test]
    fn two_rows_printed_a_column_at_a_time_are_read_where_both_add_up() {
        let r = requests(&table([4, 3, 2, 1, 1, 1, 12], [2, 1, 1, 1, 1, 1, 7]));
        assert_eq!(get(&r, "granted"), [4, 3, 2, 1, 1, 1, 12]);
        assert_eq!(get(&r, "partially_granted"), [2, 1, 1, 1, 1, 1, 7]);
        let pooled = r.issues.iter().find(|i| i.code == "cells_pooled").map(|i| i.detail.as_str());
        assert!(pooled.is_some_and(|d| d.starts_with("granted, partially_granted: ")), "{:?}", r.issues);
        // Where so a row would not add up, not so read.
        let r = requests(&table([4, 3, 2, 1, 1, 1, 13], [2, 1, 1, 1, 1, 1, 6]));
        assert_ne!(get(&r, "granted"), [4, 3, 2, 1, 1, 1, 13]);
    }

    #[test]
    fn rows_read_a_column_at_a_time_must_leave_the_results_adding_up_to_the_total() {
        // (一) one request of a natural person, granted; (二) none. Their
        // numbers in pairs but a pair's order not the rows': read a column at
        // a time, (一)'s 1 lands in 其他's column, and both rows still add up.
        let both = "0\n0\n\n0\n0\n\n0\n0\n\n0\n0\n\n0\n0\n\n1\n0\n\n(一)予以公开\n(二)部分公开\n\n1\n0\n\n";
        let r = requests(&table_printing([1, 0, 0, 0, 0, 0, 1], [0; 7], both));
        assert_ne!(get(&r, "granted"), [0, 0, 0, 0, 0, 1, 1], "{:?}", r.issues);
        assert!(!r.has_issue("result_sum_mismatch"), "{:?}", r.issues);
    }

    #[test]
    fn two_rows_a_column_at_a_time_with_their_last_two_columns_a_line_each_are_read() {
        // A web page's table printed to PDF: (一) and (二)'s first five columns a column
        // at a time, then each row's last two on a line of its own, then both labels.
        let text = |granted: [i64; 7], partial: [i64; 7]| {
            let mut both = in_turn(granted, partial, 5);
            both.push_str(&format!("{} {}\n{} {}\n\n", granted[5], granted[6], partial[5], partial[6]));
            both.push_str("(一)予以公开\n(二)部分公开\n");
            requests(&table_printing(granted, partial, &both))
        };
        let r = text([4, 3, 2, 1, 1, 1, 12], [2, 1, 1, 1, 1, 1, 7]);
        assert_eq!(get(&r, "granted"), [4, 3, 2, 1, 1, 1, 12]);
        assert_eq!(get(&r, "partially_granted"), [2, 1, 1, 1, 1, 1, 7]);
        // Where so a row would not add up, not so read.
        let r = text([4, 3, 2, 1, 1, 1, 13], [2, 1, 1, 1, 1, 1, 6]);
        assert_ne!(get(&r, "granted"), [4, 3, 2, 1, 1, 1, 13]);
        // Lines of more than one number but the last two: rows printed row by row,
        // not a line a row in turn.
        let numbers = |text: &str| -> Vec<(usize, i64)> {
            let mut at = 0;
            let mut out = Vec::new();
            for word in text.split(|c: char| c.is_whitespace()) {
                if let Ok(n) = word.parse() {
                    out.push((at, n));
                }
                at += word.len() + 1;
            }
            out
        };
        let in_turn = "4\n2\n\n3\n1\n\n2\n1\n\n1\n1\n\n1\n1\n\n1 12\n1 7\n";
        let rows = lines_in_turn(in_turn, &numbers(in_turn), 2).map(|r| r.iter().map(|c| c.len()).collect::<Vec<_>>());
        assert_eq!(rows, Some(vec![7, 7]));
        let row_by_row = "0\n0\n\n0\n0\n\n0 1\n0\n\n0\n0\n\n0\n0 0\n";
        assert_eq!(lines_in_turn(row_by_row, &numbers(row_by_row), 2), None);
        // A column's lines not a run of their own: which are whose is not known.
        let uneven = "4\n2\n3\n\n1\n\n2\n1\n\n1\n1\n\n1\n1\n\n1 12\n1 7\n";
        assert_eq!(lines_in_turn(uneven, &numbers(uneven), 2), None);
    }

    /// A 2021 表三 whose rows are each a label and its numbers, but `side`'s
    /// (neighbouring results): each its first on its label's line, then their
    /// other columns' numbers a column at a time, a line each. The requests
    /// are new, and all theirs.
    fn firsts_on_labels(side: &[(&str, [i64; 7])]) -> String {
        let specs = template::request_rows(Template::T2021);
        let sums: Vec<i64> = (0..APPLICANTS.len()).map(|c| side.iter().map(|(_, cells)| cells[c]).sum()).collect();
        let mut text = HEAD.to_string();
        for spec in &specs {
            let Some(at) = side.iter().position(|(key, _)| *key == spec.key) else {
                let all = ["new_received", "total_processed"].contains(&spec.key);
                text.push_str(&line(spec.label, if all { &sums } else { &[0; 7] }));
                continue;
            };
            text.push_str(&format!("{} {}\n", spec.label, side[at].1[0]));
            if at + 1 == side.len() {
                for c in 1..APPLICANTS.len() {
                    side.iter().for_each(|(_, cells)| text.push_str(&format!("{}\n", cells[c])));
                    text.push('\n');
                }
            }
        }
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
        text
    }

    #[test]
    fn rows_firsts_on_their_labels_lines_then_their_columns_together_are_read_a_column_at_a_time() {
        let side = [
            ("denied_enforcement_case", [1, 0, 0, 0, 0, 0, 1]),
            ("denied_admin_query", [0, 0, 0, 0, 0, 0, 0]),
            ("unable_not_held", [4, 1, 0, 0, 0, 0, 5]),
        ];
        let r = requests(&firsts_on_labels(&side));
        for (key, cells) in side {
            assert_eq!(get(&r, key), cells, "{key} {:?}", r.issues);
        }
    }

    #[test]
    fn more_than_two_rows_are_read_side_by_side_only_where_each_column_is_a_run() {
        let places = |text: &str| -> Vec<(usize, i64)> {
            let mut at = 0;
            let mut place = |line: &str| {
                let here = at;
                at += line.len();
                line.trim().parse().ok().map(|v| (here, v))
            };
            text.split_inclusive('\n').filter_map(&mut place).collect()
        };
        let runs = "0\n0\n1\n\n1\n0\n5\n";
        assert!(columns_in_runs(runs, &places(runs), 3));
        for text in ["0\n\n0\n\n1\n\n1\n\n0\n\n5\n", "0\n0\n1\n1\n\n0\n5\n"] {
            assert!(!columns_in_runs(text, &places(text), 3), "{text:?}");
        }
    }
}
