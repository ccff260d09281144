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
//! taken, (七)总计's first. Where the last results were not read at all, they
//! are read as 0 only where the numbers there are just the two rows' and as
//! many zeros as those rows' cells: the numbers then add up to 一 + 二 in every
//! column, which the results adding to more than 0 would exceed. That the
//! rows then add up is what placed them: the checks cannot find them wrong,
//! and the issue `cells_pooled` says so.

use super::*;
use crate::extract::checks::Grid;
use crate::template::Role;

/// Reads again (七)总计 and 四 (see the module) where the reading of the table
/// (`report.requests[from..]`, from `rows` up to row `end`) left either of
/// them short of a cell or not adding up. Changes nothing otherwise.
pub(super) fn reread(rows: &[Row], end: usize, t: Template, report: &mut Report, from: usize) {
    if report.has_issue("applicants_combined") {
        return;
    }
    let n = template::APPLICANTS.len();
    let specs = template::request_rows(t);
    let facts = &report.requests[from..];
    let grid = Grid::of(facts, t);
    let (Some(total_row), Some(forward_row)) = (grid.index(Role::TotalProcessed), grid.index(Role::CarriedForward))
    else {
        return;
    };
    let row = |r: usize| -> Option<Vec<i64>> { (0..n).map(|a| grid.get(Some(r), a)).collect() };
    let adds_up = |cells: &[i64]| cells[..n - 1].iter().sum::<i64>() == cells[n - 1];
    if [total_row, forward_row].iter().all(|&r| row(r).is_some_and(|c| adds_up(&c))) {
        return;
    }
    // The results read (a row printed short of its 总计 too: its sum, printed
    // apart, is looked for with the two rows'), and the last ones not read at
    // all (none of their cells).
    let results: Vec<usize> = (0..specs.len()).filter(|&r| specs[r].role == Role::Result).collect();
    let unread = |r: usize| (0..n).all(|a| grid.get(Some(r), a).is_none());
    let last_read = results.iter().rposition(|&r| !unread(r));
    let (read, zeros) = results.split_at(last_read.map_or(0, |p| p + 1));
    let parts_of = |r: usize| (0..n - 1).map(|a| grid.get(Some(r), a)).collect::<Option<Vec<i64>>>();
    let Some(parts) = read.iter().map(|&r| parts_of(r)).collect::<Option<Vec<Vec<i64>>>>() else { return };
    let short: Vec<(usize, i64)> = read
        .iter()
        .zip(&parts)
        .filter(|(&r, _)| grid.get(Some(r), n - 1).is_none())
        .map(|(&r, cells)| (r, cells.iter().sum()))
        .collect();
    // What each cell holds: the results' sum, and what 一 + 二 leaves beside it.
    let [new, over] = [Role::NewReceived, Role::CarriedOver].map(|role| grid.index(role).and_then(row));
    let (Some(new), Some(over)) = (new, over) else { return };
    let row_total = |(&r, cells): (&usize, &Vec<i64>)| grid.get(Some(r), n - 1).unwrap_or(cells.iter().sum());
    let mut total: Vec<i64> = (0..n - 1).map(|a| parts.iter().map(|c| c[a]).sum()).collect();
    total.push(read.iter().zip(&parts).map(row_total).sum());
    let forward: Vec<i64> = (0..n).map(|a| new[a] + over[a] - total[a]).collect();
    if forward.iter().any(|&v| v < 0) || !adds_up(&total) || !adds_up(&forward) {
        return;
    }
    // The numbers printed after the results read, to the table's end.
    let read_keys: Vec<&str> = read.iter().map(|&r| specs[r].key).collect();
    let Some(after) = facts.iter().filter(|f| read_keys.contains(&f.row)).map(|f| f.offset).max() else { return };
    let printed = rows[..end.min(rows.len())].iter().flat_map(|r| &r.cells);
    let count = |c: &Cell| c.value.filter(|v| v.unit.is_none() && v.number.fract() == 0.0).map(|v| v.number as i64);
    let mut pool: Vec<(usize, i64)> =
        printed.filter(|c| c.offset > after).filter_map(|c| Some((c.offset, count(c)?))).collect();
    let wanted = (2 + zeros.len()) * n + short.len();
    let fits = if zeros.is_empty() { (wanted..=wanted + n).contains(&pool.len()) } else { pool.len() == wanted };
    if !fits {
        return;
    }
    let zero = vec![0; n];
    let rows_read = [total_row, forward_row].into_iter().chain(zeros.iter().copied());
    let values = [&total, &forward].into_iter().chain(zeros.iter().map(|_| &zero));
    let mut taken = Vec::with_capacity(wanted);
    let mut take = |row: &'static str, applicant: &'static str, value: i64| {
        let at = pool.iter().position(|&(_, v)| v == value)?;
        let (offset, count) = pool.remove(at);
        taken.push(RequestFact { row, applicant, count, offset });
        Some(())
    };
    for (r, cells) in rows_read.zip(values) {
        for (&applicant, &value) in template::APPLICANTS.iter().zip(cells.iter()) {
            let Some(()) = take(specs[r].key, applicant, value) else { return };
        }
    }
    for &(r, sum) in &short {
        let Some(()) = take(specs[r].key, "total", sum) else { return };
    }
    let keys: Vec<&str> = [total_row, forward_row].iter().chain(zeros).map(|&r| specs[r].key).collect();
    let facts = &mut report.requests;
    let mut at = 0;
    facts.retain(|f| {
        at += 1;
        at <= from || !keys.contains(&f.row)
    });
    // (In the template's order: the results, then (七) and 四.)
    let (last, rest): (Vec<RequestFact>, Vec<RequestFact>) =
        taken.into_iter().partition(|f| keys[..2].contains(&f.row));
    facts.extend(rest);
    facts.extend(last);
    let totals = short.iter().map(|&(r, _)| specs[r].key);
    super::pooled::read_again(report, &keys.iter().copied().chain(totals).collect::<Vec<_>>());
}
