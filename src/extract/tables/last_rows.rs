//! 表三's last two rows, (七)总计 and 四、结转下年度继续办理, whose numbers plain
//! `pdftotext` of a page's table printed in an order of their own: the two
//! rows interleaved column by column (`92` / `594` / `4` / `44` / …, the second
//! row's numbers set a little higher), or the first row's total after the
//! second's numbers (`… 114 54` / `36` / … / `1` / `四、结转下年度继续` / `408` /
//! `办理` / `2855` / `466`); with them, at times, the last results' numbers,
//! their labels printed apart (`2.申请人逾期未按收` / … / `0` / `0 0` / … /
//! `3.其他` / `(七)总计` / `四、结转下年度 0`).
//!
//! No reading of the rows as printed places those numbers. Where every other
//! row the two rows' sums need is read, the template tells what each of their
//! cells holds: (七)总计 the results' sum in each column, 四 what 一 + 二 leaves
//! beside it; a result printed short of its 总计 (a group's first row, whose
//! total a page prints apart) counts as its other cells' sum, which is looked
//! for too. The rows are read where the numbers printed after the results
//! read, to the table's end, hold each of those values, one number a cell and
//! a row's worth of others at most; each cell is the first such number not
//! taken, (七)总计's first; its own 总计 printed other than the sums tell (an
//! agency's slip) is the one number left where every other cell found its
//! value and no number more is printed, read as printed for the checks to
//! flag. Where the last results were not read at all, they
//! are read as 0 only where the numbers there are just the two rows' and as
//! many zeros as those rows' cells: the numbers then add up to 一 + 二 in every
//! column, which the results adding to more than 0 would exceed. That the
//! rows then add up is what placed them: the checks cannot find them wrong,
//! and the issue `cells_pooled` says so.

use super::*;
use crate::extract::cells::cells_add_up;
use crate::extract::checks::Grid;
use crate::template::Role;

/// Reads again (七)总计 and 四 (see the module) where the reading of the table
/// (`report.requests[from..]`, from `rows` up to row `end`) left either of
/// them short of a cell. Changes nothing otherwise.
pub(super) fn reread(rows: &[Row], end: usize, t: Template, report: &mut Report, from: usize) {
    // (Only where the reading said it left cells or rows.)
    let left = ["rows_missing", "cells_unaligned", "cells_extra"].iter().any(|c| report.has_issue(c));
    if !left || report.has_issue("applicants_combined") {
        return;
    }
    let n = template::APPLICANTS.len();
    let specs = template::request_rows(t);
    let facts = &report.requests[from..];
    let Some(told) = Told::of(&Grid::of(facts, t), &specs, n) else { return };
    // The numbers printed after the results read, to the table's end.
    let read_keys: Vec<&str> = told.read.iter().map(|&r| specs[r].key).collect();
    let Some(after) = facts.iter().filter(|f| read_keys.contains(&f.row)).map(|f| f.offset).max() else { return };
    let printed = rows[..end.min(rows.len())].iter().flat_map(|r| &r.cells);
    let count = |c: &Cell| c.value.filter(|v| v.unit.is_none() && v.number.fract() == 0.0).map(|v| v.number as i64);
    let mut pool: Vec<(usize, i64)> =
        printed.filter(|c| c.offset > after).filter_map(|c| Some((c.offset, count(c)?))).collect();
    let wanted = told.cells.len() * n + told.short.len();
    let zeros = told.cells.len() - 2;
    let fits = if zeros == 0 { (wanted..=wanted + n).contains(&pool.len()) } else { pool.len() == wanted };
    if !fits {
        return;
    }
    // Each cell the first number not taken that holds its value.
    let mut taken = Vec::with_capacity(wanted);
    let mut take = |row: &'static str, applicant: &'static str, value: i64| {
        let at = pool.iter().position(|&(_, v)| v == value)?;
        let (offset, count) = pool.remove(at);
        taken.push(RequestFact { row, applicant, count, offset });
        Some(())
    };
    let cells = told.cells.iter().flat_map(|(r, c)| template::APPLICANTS.iter().zip(c).map(move |(&a, &v)| (*r, a, v)));
    let totals = told.short.iter().map(|&(r, sum)| (r, "total", sum));
    // ((七)总计's own 总计 printed other than its row's sum, an agency's slip: see `slip`.)
    let own_total = |r: usize, applicant: &str| r == told.cells[0].0 && applicant == "total";
    let mut slip = None;
    for (r, applicant, value) in cells.chain(totals) {
        if take(specs[r].key, applicant, value).is_none() {
            if !own_total(r, applicant) {
                return;
            }
            slip = Some(specs[r].key);
        }
    }
    if let Some(row) = slip {
        let ([(offset, count)], true) = (pool.as_slice(), pool.len() + taken.len() == wanted) else { return };
        taken.push(RequestFact { row, applicant: "total", count: *count, offset: *offset });
        super::pooled::in_template_order(&mut taken, &specs);
    }
    let keys: Vec<&str> = told.cells.iter().map(|&(r, _)| specs[r].key).collect();
    drop_read(&mut report.requests, from, &keys);
    let facts = &mut report.requests;
    // (In the template's order: the results, then (七) and 四.)
    let (last, rest): (Vec<RequestFact>, Vec<RequestFact>) =
        taken.into_iter().partition(|f| keys[..2].contains(&f.row));
    facts.extend(rest);
    facts.extend(last);
    let short = told.short.iter().map(|&(r, _)| specs[r].key);
    super::pooled::read_again(report, &keys.iter().copied().chain(short).collect::<Vec<_>>());
}

/// (七)总计 and 四 where plain `pdftotext` printed 四's columns but its first
/// right after (七)总计's numbers, before 四's label, and its first with the
/// label (`(七)总计` / `350` … `396` / `1` `0` `0` `1` `1` `51` / `四、结转下年` /
/// `48` / `度继续办理`): the numbers between the two labels are (七)总计's row as
/// printed and 四's other columns. Read where the reading of the table
/// (`report.requests[from..]`, from `rows`) found no (七)总计, and of 四 that
/// first number alone or the row just so, the numbers are just so many and 四
/// adds up; (七)总计 as printed, its sums the checks' to flag (an agency's slip
/// there fails them all, and no reading that places numbers by the sums reads
/// it).
pub(super) fn before_label(text: &str, rows: &[Row], t: Template, report: &mut Report, from: usize) {
    let n = template::APPLICANTS.len();
    let specs = template::request_rows(t);
    let key = |role: Role| specs.iter().find(|s| s.role == role).map(|s| s.key);
    let (Some(total), Some(forward)) = (key(Role::TotalProcessed), key(Role::CarriedForward)) else { return };
    let facts = &report.requests[from..];
    let forward_read: Vec<i64> = facts.iter().filter(|f| f.row == forward).map(|f| f.count).collect();
    let forward_whole = forward_read.len() == n;
    let total_read = facts.iter().any(|f| f.row == total);
    if total_read || !(forward_read.len() <= 1 || forward_whole) || report.has_issue("applicants_combined") {
        return;
    }
    // (七)总计's label, then 四's, before 表四.
    let litigation = |r: &Row| template::LITIGATION_ANCHORS.iter().any(|a| r.label().has(a));
    let end = rows.iter().position(litigation).unwrap_or(rows.len());
    let Some(at_total) = rows[..end].iter().rposition(|r| r.label().starts_with("(七)")) else { return };
    // (Its label may wrap before its cue ends: `四、结转下年` / `度继续办理`.)
    let forward_cues = specs.iter().find(|s| s.key == forward).map_or(&[][..], |s| s.cues);
    let names_forward = |r: &Row| r.label().starts_with("四、结转") || forward_cues.iter().any(|c| r.label().has(c));
    let Some(at_forward) = (at_total + 1..end).find(|&k| names_forward(&rows[k])) else { return };
    let between: Vec<Cell> = rows[at_total..at_forward].iter().flat_map(|r| r.cells.iter().copied()).collect();
    // 四's first: on its label's line, or alone on the lines right after it.
    let alone = rows[at_forward + 1..end].iter().take_while(|r| r.is_numbers_alone());
    let first: Vec<Cell> = rows[at_forward].cells.iter().chain(alone.flat_map(|r| &r.cells)).copied().collect();
    let as_count = |v: Value| (v.unit.is_none() && v.number.fract() == 0.0).then_some(v.number as i64);
    let count = |c: &Cell| c.value.map_or(Some(0), as_count);
    let counts: Option<Vec<i64>> = between.iter().chain(&first).map(count).collect();
    // (Marks for none all alike: a mark broken in two, `——` as `—` / `—`, would shift the cells.)
    let printed = |c: &Cell| text.get(c.offset..).and_then(|t| t.split(char::is_whitespace).next());
    let mark = |c: &Cell| printed(c).filter(|p| !p.starts_with(|ch: char| ch.is_ascii_digit()));
    let mut marks = between.iter().chain(&first).filter_map(mark);
    let alike = marks.next().is_none_or(|m| marks.all(|o| o == m));
    let ([first], true) = (first.as_slice(), between.len() == 2 * n - 1 && counts.is_some() && alike) else { return };
    let forward_cells: Vec<Cell> = std::iter::once(*first).chain(between[n..].iter().copied()).collect();
    let forward_counts: Option<Vec<i64>> = forward_cells.iter().map(count).collect();
    if !cells_add_up(&forward_cells) || (forward_whole && forward_counts != Some(forward_read)) {
        return;
    }
    drop_read(&mut report.requests, from, &[forward]);
    for (row, cells) in [(total, &between[..n]), (forward, &forward_cells[..])] {
        for (&applicant, cell) in template::APPLICANTS.iter().zip(cells) {
            let count = count(cell).unwrap_or(0);
            report.requests.push(RequestFact { row, applicant, count, offset: cell.offset });
        }
    }
    super::pooled::take_back(report, &[total, forward]);
}

/// Drops the facts of the rows `keys` that the reading of the table made (those from `from` on).
fn drop_read(facts: &mut Vec<RequestFact>, from: usize, keys: &[&str]) {
    let mut at = 0;
    facts.retain(|f| {
        at += 1;
        at <= from || !keys.contains(&f.row)
    });
}
/// What the template's sums tell of the cells of (七)总计 and 四 and of the
/// last results not read.
struct Told {
    /// The results read.
    read: Vec<usize>,
    /// (七)总计's cells, 四's, then those of the last results not read (0s):
    /// each row's index among the template's with its cells.
    cells: Vec<(usize, Vec<i64>)>,
    /// The results read short of their 总计, each with the sum of its other cells.
    short: Vec<(usize, i64)>,
}

impl Told {
    /// `None` where (七)总计 and 四 were read whole, or one of them was and
    /// holds other than the sums tell (the report's slip, which the checks
    /// flag, not a reading's to take back), or the rows their sums need were
    /// not (一, 二, and every result read but for the last ones not read at all
    /// and the 总计 of rows short of it).
    fn of(grid: &Grid, specs: &[&template::Row], n: usize) -> Option<Told> {
        let (total_row, forward_row) = (grid.index(Role::TotalProcessed)?, grid.index(Role::CarriedForward)?);
        let row = |r: usize| -> Option<Vec<i64>> { (0..n).map(|a| grid.get(Some(r), a)).collect() };
        if [total_row, forward_row].iter().all(|&r| row(r).is_some()) {
            return None;
        }
        let results: Vec<usize> = (0..specs.len()).filter(|&r| specs[r].role == Role::Result).collect();
        let unread = |r: usize| (0..n).all(|a| grid.get(Some(r), a).is_none());
        let last_read = results.iter().rposition(|&r| !unread(r));
        let (read, zeros) = results.split_at(last_read.map_or(0, |p| p + 1));
        let parts_of = |r: usize| (0..n - 1).map(|a| grid.get(Some(r), a)).collect::<Option<Vec<i64>>>();
        let parts: Vec<Vec<i64>> = read.iter().map(|&r| parts_of(r)).collect::<Option<_>>()?;
        let sum_of = |r: usize, cells: &[i64]| grid.get(Some(r), n - 1).unwrap_or(cells.iter().sum());
        let short: Vec<(usize, i64)> = read
            .iter()
            .zip(&parts)
            .filter(|(&r, _)| grid.get(Some(r), n - 1).is_none())
            .map(|(&r, cells)| (r, cells.iter().sum()))
            .collect();
        // (七)总计: the results' sum; 四: what 一 + 二 leaves beside it.
        let [new, over] = [Role::NewReceived, Role::CarriedOver].map(|role| grid.index(role).and_then(row));
        let (new, over) = (new?, over?);
        let mut total: Vec<i64> = (0..n - 1).map(|a| parts.iter().map(|c| c[a]).sum()).collect();
        total.push(read.iter().zip(&parts).map(|(&r, c)| sum_of(r, c)).sum());
        let forward: Vec<i64> = (0..n).map(|a| new[a] + over[a] - total[a]).collect();
        if forward.iter().any(|&v| v < 0) || !counts_add_up(&total) || !counts_add_up(&forward) {
            return None;
        }
        // (A row read whole stands as printed.)
        let as_printed = |r: usize, told: &Vec<i64>| row(r).is_none_or(|printed| printed == *told);
        if !as_printed(total_row, &total) || !as_printed(forward_row, &forward) {
            return None;
        }
        let mut cells = vec![(total_row, total), (forward_row, forward)];
        cells.extend(zeros.iter().map(|&r| (r, vec![0; n])));
        Some(Told { read: read.to_vec(), cells, short })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cells::rows;

    /// A 2021 表三 a cell a line, each row's numbers after its label; (七)总计's
    /// total one more than its cells' sum (the agency's slip); 四's numbers
    /// but its first (the first `before` of them) before its label, its first
    /// on the line after the label's first.
    fn text(before: usize) -> String {
        let specs = template::request_rows(Template::T2021);
        let mut cells = vec![vec![0; 7]; specs.len()];
        cells[0] = vec![5, 1, 0, 0, 0, 0, 6];
        cells[2] = vec![4, 1, 0, 0, 0, 0, 5];
        let last = specs.len() - 1;
        cells[last - 1] = vec![4, 1, 0, 0, 0, 0, 6];
        cells[last] = vec![1, 0, 0, 0, 0, 0, 1];
        let line = |v: &i64| format!("{v}\n");
        let mut text = String::from("三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n商业企业\n");
        for (spec, row) in specs.iter().zip(&cells).take(last) {
            text.push_str(&format!("{}\n", spec.label));
            text.extend(row.iter().map(line));
        }
        text.extend(cells[last][7 - before..].iter().map(line));
        text.push_str(&format!("四、结转下年度\n{}\n继续办理\n", cells[last][0]));
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
        text
    }

    fn read(text: &str) -> Report {
        let (_, rs) = rows(text);
        let mut report = Report::default();
        super::super::read_requests(text, &rs, Template::T2021, 0, &mut report);
        crate::extract::checks::check(&mut report, Template::T2021);
        report
    }

    fn row(r: &Report, key: &str) -> Vec<i64> {
        r.requests.iter().filter(|f| f.row == key).map(|f| f.count).collect()
    }

    #[test]
    fn the_last_row_s_columns_before_its_label_leave_the_total_row_as_printed() {
        let r = read(&text(6));
        assert_eq!(row(&r, "total_processed"), [4, 1, 0, 0, 0, 0, 6], "{:?}", r.issues);
        assert_eq!(row(&r, "carried_forward"), [1, 0, 0, 0, 0, 0, 1], "{:?}", r.issues);
        assert!(!r.has_issue("rows_missing"), "{:?}", r.issues);
        // The agency's slip, flagged.
        for code in ["row_sum_mismatch", "result_sum_mismatch", "identity_mismatch"] {
            assert!(r.has_issue(code), "{code} {:?}", r.issues);
        }
        // 四's label wrapped before its words end.
        let wrapped = text(6).replacen("四、结转下年度\n1\n继续办理", "四、结转下年\n1\n度继续办理", 1);
        assert_eq!(row(&read(&wrapped), "total_processed"), [4, 1, 0, 0, 0, 0, 6]);
        // 四's numbers before its label one short: (七)总计 is not read so.
        let r = read(&text(5));
        assert!(row(&r, "total_processed").is_empty(), "{:?}", r.requests);
        // Marks for none: read as printed where all alike.
        let zeros = "0\n0\n0\n0\n0\n1\n四、";
        let marks = text(6).replacen(zeros, "——\n——\n——\n——\n——\n1\n四、", 1);
        assert_eq!(row(&read(&marks), "carried_forward"), [1, 0, 0, 0, 0, 0, 1]);
        // (Not where one is half of another, `—` of `——`, as printed; by the sums, every
        // other cell what they tell, (七)'s total the one number left: the slip as printed.)
        let halved = text(6).replacen(zeros, "——\n——\n——\n—\n——\n1\n四、", 1);
        let r = read(&halved);
        assert_eq!(row(&r, "total_processed"), [4, 1, 0, 0, 0, 0, 6], "{:?}", r.issues);
        assert!(r.has_issue("cells_pooled") && r.has_issue("row_sum_mismatch"), "{:?}", r.issues);
    }
}
