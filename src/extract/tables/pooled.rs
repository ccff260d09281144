//! 表三's result rows whose numbers plain `pdftotext` printed in an order of
//! their own: a web page's table printed to PDF, whose rows of (五)5 and (六)
//! have labels of four lines or five, prints each row's last columns, row after
//! row, before the rows' labels, and their first columns among the labels'
//! lines: `…或重新出具已获取信 0` / `0` … `0 1` / `1.申请人无正当理由` /
//! `逾期不补正、行政` / `0` / `(六)其他处理` / … / `2.申请人逾期未按收 1`.
//!
//! A page may also print a group's labels apart, below the rows after them
//! (`(四)无法提供` … `2.重复申请` under (六)1's row), the rows' numbers where the
//! labels would be and some rows' first columns among the labels' lines
//! (`2.没有现成信息需要` / `2` / `另行制作`).
//!
//! No reading of the rows as printed places those numbers. They are read again
//! together: the numbers between the rows read whole before and after them,
//! in the order printed, are each row's last columns (the first of them) and
//! first columns (the rest), row after row; of all the ways to part them so,
//! the ones where every row adds up to its 总计 and every column to what
//! (七)总计 leaves for these rows are kept, and the rows are read where all of
//! them give the same numbers. Where the numbers between are fewer than the
//! rows' cells, those printed on the rows' own labels below (up to (七)总计)
//! come after them, each its label's row's. Where no placing so holds (not
//! where two do that give different numbers: those rows are left to a wider
//! block, or unread), the
//! last numbers (none that a row's label shows its own) may be some rows'
//! 总计, carried down past the labels (a page prints the groups' first rows'
//! totals together after the labels): all those after the last number a
//! label shows, or fewer where they come right after another row's total;
//! taken so where every choice of those numbers and rows that holds every
//! sum gives the same numbers. Numbers read as other rows' cells (their
//! totals carried down among these rows' numbers) are theirs; a row short of
//! its 总计 alone (printed past the table's end) counts in the sums as its
//! other cells' sum.

use super::*;
use crate::extract::checks::Grid;
use crate::template::Role;

/// The most rows left unread read again together: the ways to part their
/// numbers grow with the rows' number, and the sums tell fewer of them apart.
const MAX_ROWS: usize = 6;

/// The most rows read again where rows read whole around the rows left join
/// them (each way to take them is a search of its own).
const MAX_AROUND: usize = 4;

/// The most numbers of a row's first columns read in any order among
/// themselves, where no way to part the numbers in the order printed adds up
/// (a row's second column printed before its first, on the line above the
/// label line the first ends).
const MAX_SHUFFLED: usize = 3;

/// Reads again the result rows of 表三 that the reading of the table left
/// short of their numbers or kept from among more (`report.requests[from..]`
/// holds its facts), with the rows between the first and last of them (and a
/// row or more around them, where those alone do not do), from the numbers of
/// `rows` printed between the rows before and after them: where those numbers
/// are just the rows' cells and one way to place them (see the module) holds
/// every sum. Changes nothing otherwise.
pub(super) fn reread(rows: &[Row], t: Template, report: &mut Report, from: usize) {
    if report.has_issue("applicants_combined") {
        return;
    }
    // (Rows whose numbers were among more than their columns: where those kept add up, maybe not theirs.)
    let extra: Vec<&str> =
        report.issues.iter().filter(|i| i.code == "cells_extra").map(|i| i.detail.as_str()).collect();
    // (Every cell read, and none from among more numbers: nothing to read again.)
    let cells = template::request_rows(t).len() * template::APPLICANTS.len();
    if extra.is_empty() && report.requests.len() - from == cells {
        return;
    }
    for block in Block::candidates(&report.requests[from..], t, &extra) {
        // (Numbers read as other rows' cells, a total carried down among these rows' numbers, are theirs.)
        let keys: Vec<&str> = block.rows.clone().map(|r| block.specs[r].key).collect();
        let mut taken: Vec<usize> =
            report.requests[from..].iter().filter(|f| !keys.contains(&f.row)).map(|f| f.offset).collect();
        taken.sort_unstable();
        let Some(pool) = block.pool(rows, &taken) else { continue };
        // (Numbers that add up to other than the rows' columns together: no placing holds.)
        if pool.values.iter().sum::<i64>() != block.sums.iter().sum::<i64>() {
            continue;
        }
        let rows = block.rows.clone().count();
        let as_printed = |late: &[bool]| match solve(&pool, &block, false, late)? {
            None => solve(&pool, &block, true, late),
            found => Ok(found),
        };
        // (Where two placings as printed hold with different numbers, no other way of printing is looked at.)
        let solution = match as_printed(&vec![false; rows]) {
            Ok(None) => carried_down(&pool, rows, as_printed),
            found => found.ok().flatten(),
        };
        if let Some(solution) = solution {
            block.write(&pool, &solution, report, from);
            return;
        }
    }
}

/// The rows read again, with what the sums around them tell.
struct Block {
    specs: Vec<&'static template::Row>,
    /// The template rows read again (indices into `specs`), in order.
    rows: std::ops::RangeInclusive<usize>,
    /// Where the numbers looked at start: after the last of the row before's
    /// (they end at the row after's first number or label, whichever comes first).
    after: usize,
    /// The row before (an index into `specs`), the rows' facts put after its.
    before_row: usize,
    /// The row after's first number, if it was read.
    next_number: Option<usize>,
    /// Each column's sum over the rows read again: (七)总计's less the other results'.
    sums: Vec<i64>,
}

impl Block {
    /// The result rows short of a number, with the rows between them and
    /// those not adding up or kept from among more numbers (`extra`, the
    /// issues saying so), where every other result and the total in each
    /// column are read; then with a row or more before or after them (read
    /// whole, but maybe of the others' numbers), the fewest first.
    fn candidates(facts: &[RequestFact], t: Template, extra: &[&str]) -> Vec<Block> {
        let n = template::APPLICANTS.len();
        let specs = template::request_rows(t);
        let grid = Grid::of(facts, t);
        // (A row short of its 总计 alone, printed past the table's end: its other cells' sum.)
        let cell = |r: usize, a: usize| {
            let sum = || (0..n - 1).map(|c| grid.get(Some(r), c)).sum::<Option<i64>>();
            grid.get(Some(r), a).or_else(|| (a == n - 1).then(sum).flatten())
        };
        let row = |r: usize| -> Vec<Option<i64>> { (0..n).map(|a| cell(r, a)).collect() };
        let short = |r: usize| row(r).iter().any(Option::is_none);
        let kept = |r: usize| extra.iter().any(|d| names_row(d, specs[r].key));
        let adds_up = |r: usize| {
            let cells: Option<Vec<i64>> = row(r).into_iter().collect();
            !kept(r) && cells.is_some_and(|c| counts_add_up(&c))
        };
        let results: Vec<usize> = (0..specs.len()).filter(|&r| specs[r].role == Role::Result).collect();
        let (Some(&lo), Some(&hi)) = (results.iter().find(|&&r| !adds_up(r)), results.iter().rfind(|&&r| !adds_up(r)))
        else {
            return Vec::new();
        };
        // (Not where each row holds its numbers and some do not add up: as printed.)
        if hi + 1 - lo > MAX_ROWS || !(lo..=hi).any(|r| short(r) || kept(r)) {
            return Vec::new();
        }
        // What (七)总计 holds, or 一 + 二 − 四 where it was not read.
        let total = |a: usize| grid.get(grid.index(Role::TotalProcessed), a).or_else(|| grid.identity_total(a));
        let offsets = |r: usize| {
            let key = specs[r].key;
            facts.iter().filter(move |f| f.row == key).map(|f| f.offset)
        };
        let block = |lo: usize, hi: usize| -> Option<Block> {
            let sums = (0..n)
                .map(|a| {
                    let others = results.iter().filter(|r| !(lo..=hi).contains(r)).map(|&r| cell(r, a));
                    Some(total(a)? - others.sum::<Option<i64>>()?)
                })
                .collect::<Option<Vec<i64>>>()?;
            let after = offsets(lo - 1).max()?;
            let next_number = specs.get(hi + 1).and_then(|_| offsets(hi + 1).filter(|&o| o > after).min());
            Some(Block { specs: specs.clone(), rows: lo..=hi, after, before_row: lo - 1, next_number, sums })
        };
        let (first, last) = (results[0], results[results.len() - 1]);
        let mut out = Vec::new();
        for more in 0..=MAX_AROUND.saturating_sub(hi + 1 - lo) {
            for up in 0..=more {
                let (lo, hi) = (lo.checked_sub(up).filter(|&l| l >= first), hi + more - up);
                let Some(lo) = lo.filter(|&l| l > 0 && hi <= last && adds_up(l - 1)) else { continue };
                out.extend(block(lo, hi));
            }
        }
        out
    }

    /// The numbers printed between the rows before and after, each with the row
    /// whose label shows it its own, if one does; where those are fewer than
    /// the rows' cells, then the numbers on the rows' own labels printed later
    /// (a page's labels of a group of rows printed apart, below the rows after
    /// them, their first columns among the labels' lines), up to (七)总计;
    /// none of them `taken` (other rows' cells' places, in order).
    /// `None` where they are not just the rows' cells.
    fn pool(&self, rows: &[Row], taken: &[usize]) -> Option<Pool> {
        let n = template::APPLICANTS.len();
        // (Every row's label: a label line names a row where it is a piece of its label alone.)
        let labels: Vec<String> =
            self.specs.iter().map(|s| crate::normalize::squash(s.label).into_owned()).collect();
        let next = self.specs.get(*self.rows.end() + 1);
        // The row after's label, if printed before its numbers.
        let names_next = |r: &Row| next.is_some_and(|s| s.cues.iter().any(|c| r.label().has(c)));
        let mut end = self.next_number.unwrap_or(usize::MAX);
        let mut events: Vec<Event> = Vec::new();
        // (From the row the numbers start in: rows are in printed order, a row's lines together.)
        let from = rows.partition_point(|r| r.offset <= self.after).saturating_sub(1);
        for row in &rows[from..] {
            if row.offset >= end {
                break;
            }
            let in_range = |o: usize| o > self.after && o < end;
            if !row.labels.is_empty() && in_range(row.labels[0].offset) && names_next(row) {
                end = row.labels[0].offset;
                break;
            }
            events.extend(row_events(row, &labels, in_range)?);
        }
        if end == usize::MAX {
            return None;
        }
        events.retain(|e| e.offset() < end);
        events.sort_by_key(Event::offset);
        // (The owner's place among the rows read again, if one of them.)
        let place = |owner: Option<usize>| owner.filter(|o| self.rows.contains(o)).map(|o| o - self.rows.start());
        let mut pool = Pool::default();
        let mut after_taken = false;
        for (offset, value, owner) in owned(&events) {
            if taken.binary_search(&offset).is_ok() {
                after_taken = true;
                continue;
            }
            pool.values.push(value);
            pool.offsets.push(offset);
            pool.owners.push(place(owner));
            pool.after_taken.push(std::mem::take(&mut after_taken));
        }
        let wanted = n * self.rows.clone().count();
        if pool.values.len() < wanted {
            // The rows' labels printed later, up to (七)总计: their numbers alone.
            let total = self.specs.iter().find(|s| s.role == Role::TotalProcessed);
            let names_total = |r: &Row| total.is_some_and(|s| s.cues.iter().any(|c| r.label().has(c)));
            let at = rows.partition_point(|r| r.offset < end);
            let later = rows[at..].iter().take_while(|r| r.kind != Kind::Prose && !names_total(r));
            let mut events: Vec<Event> = Vec::new();
            for row in later {
                events.extend(row_events(row, &labels, |_| true)?);
            }
            for (offset, value, owner) in owned(&events) {
                if let Some(owner) = place(owner).filter(|_| taken.binary_search(&offset).is_err()) {
                    pool.values.push(value);
                    pool.offsets.push(offset);
                    pool.owners.push(Some(owner));
                    pool.after_taken.push(false);
                }
            }
        }
        (pool.values.len() == wanted).then_some(pool)
    }

    /// Puts the rows' facts as solved in place of what was read of them, and
    /// takes back what the reading said of the rows.
    fn write(&self, pool: &Pool, solution: &[Vec<usize>], report: &mut Report, from: usize) {
        let keys: Vec<&'static str> = self.rows.clone().map(|r| self.specs[r].key).collect();
        let facts = &mut report.requests;
        let read: Vec<RequestFact> = facts.drain(from..).collect();
        facts.extend(read.into_iter().filter(|f| !keys.contains(&f.row)));
        let before = self.specs[self.before_row].key;
        let at = facts[from..].iter().rposition(|f| f.row == before).map_or(facts.len(), |p| from + p + 1);
        let solved = keys.iter().zip(solution).flat_map(|(&row, cells)| {
            template::APPLICANTS.iter().zip(cells).map(move |(&applicant, &p)| RequestFact {
                row,
                applicant,
                count: pool.values[p],
                offset: pool.offsets[p],
            })
        });
        facts.splice(at..at, solved.collect::<Vec<_>>());
        read_again(report, &keys);
    }
}

/// Takes back what the reading of 表三 said of the rows `keys` (cells not
/// placed, rows not found), read again from numbers printed out of their
/// rows' order, and says so (`cells_pooled`).
pub(super) fn read_again(report: &mut Report, keys: &[&str]) {
    take_back(report, keys);
    // (Each row named once, whatever the keys repeat: a key a fact at times.)
    let mut rows: Vec<&str> = Vec::with_capacity(keys.len());
    for &key in keys {
        if !rows.contains(&key) {
            rows.push(key);
        }
    }
    report.flag(
        "cells_pooled",
        format!("{}: numbers printed out of their rows' order, placed where every sum holds", rows.join(", ")),
    );
}

/// Puts `facts` in the template's order (`specs`, its rows), each row's cells
/// in its columns'.
pub(super) fn in_template_order(facts: &mut [RequestFact], specs: &[&template::Row]) {
    let place = |f: &RequestFact| {
        let r = specs.iter().position(|s| s.key == f.row);
        (r, template::APPLICANTS.iter().position(|&a| a == f.applicant))
    };
    facts.sort_by_key(place);
}

/// Takes back what the reading of 表三 said of the rows `keys` (cells not
/// placed, rows not found), since read.
pub(super) fn take_back(report: &mut Report, keys: &[&str]) {
    let of_rows = |detail: &str| keys.iter().any(|k| names_row(detail, k));
    let placed = ["cells_extra", "cells_unaligned", "cells_inferred"];
    report.issues.retain(|i| !(placed.contains(&i.code) && of_rows(&i.detail)));
    let missing = report.issues.iter_mut().find(|i| i.code == "rows_missing");
    let list = missing.as_ref().and_then(|i| i.detail.strip_prefix(ROWS_NOT_FOUND));
    let left: Option<Vec<&str>> = list.map(|l| l.split(", ").filter(|k| !keys.contains(k)).collect());
    match (left.map(|l| l.join(", ")), missing) {
        (Some(left), _) if left.is_empty() => report.unflag("rows_missing"),
        (Some(left), Some(issue)) => issue.detail = format!("{ROWS_NOT_FOUND}{left}"),
        _ => {}
    }
}

/// Whether an issue's `detail` is about row `key` (`other_misc: …`).
fn names_row(detail: &str, key: &str) -> bool {
    detail.strip_prefix(key).is_some_and(|d| d.starts_with(':'))
}

/// A row's label line and numbers as events (those `in_range`), its label
/// naming one of `labels` or none; `None` where a number is no count.
fn row_events(row: &Row, labels: &[String], in_range: impl Fn(usize) -> bool) -> Option<Vec<Event>> {
    let mut events = Vec::new();
    if !row.labels.is_empty() && in_range(row.labels[0].offset) {
        events.push(Event::Label(row.labels[0].offset, names_one(row.label(), labels)));
    }
    let own = if row.labels.is_empty() { None } else { names_one(row.label(), labels) };
    for cell in row.cells.iter().filter(|c| in_range(c.offset)) {
        let v = cell.value.unwrap_or(ZERO);
        if v.unit.is_some() || v.number.fract() != 0.0 || v.number < 0.0 {
            return None;
        }
        events.push(Event::Number(cell.offset, v.number as i64, own));
    }
    Some(events)
}

/// The numbers of `events` (in printed order), each with the row shown to
/// own it: its line's label's, or where it is on the line after a line of one
/// row's label, that row's, where the next label line is of the same row or
/// names none alone (`由逾期不补正、行` / `2` / `(六)其他处理`; not `取信息` / `0` /
/// `(六)其他处理` where that names the next row).
fn owned(events: &[Event]) -> Vec<(usize, i64, Option<usize>)> {
    let label = |e: &Event| match *e {
        Event::Label(_, named) => Some(named),
        Event::Number(..) => None,
    };
    let mut out = Vec::new();
    for (k, e) in events.iter().enumerate() {
        let &Event::Number(offset, value, own) = e else { continue };
        let before = k.checked_sub(1).and_then(|j| label(&events[j])).flatten();
        let after = events[k + 1..].iter().find_map(label).flatten();
        let between = before.filter(|&b| after.is_none_or(|a| a == b));
        out.push((offset, value, own.or(between)));
    }
    out
}

/// How `rows_missing` starts its list of 表三's rows not found.
pub(super) const ROWS_NOT_FOUND: &str = "表三 rows not found: ";

/// A label line or a number, in the order printed.
enum Event {
    /// The label's offset and the row it is a piece of, if one.
    Label(usize, Option<usize>),
    /// The number's offset, its value and the row its line's label is a piece of.
    Number(usize, i64, Option<usize>),
}

impl Event {
    fn offset(&self) -> usize {
        match *self {
            Event::Label(o, _) | Event::Number(o, ..) => o,
        }
    }
}

/// Of `labels`, the one `label` (two characters or more) is a piece of, where
/// it is a piece of one only.
fn names_one(label: &str, labels: &[String]) -> Option<usize> {
    label.chars().nth(1)?;
    let mut of = labels.iter().enumerate().filter(|(_, l)| l.contains(label)).map(|(k, _)| k);
    of.next().filter(|_| of.next().is_none())
}

/// The numbers to place, in the order printed.
#[derive(Default)]
struct Pool {
    values: Vec<i64>,
    offsets: Vec<usize>,
    /// The row each number is shown to be of (its position among the rows read again).
    owners: Vec<Option<usize>>,
    /// Whether each number comes right after one read as another row's cell.
    after_taken: Vec<bool>,
}

/// The one placing of the pool's numbers (for each row, the pool's index of
/// each column's number) that holds every sum, of the ways the module tells;
/// `Ok(None)` where none does, `Err(Differ)` where two give different numbers. With
/// `shuffled`, a row's first columns (at most [`MAX_SHUFFLED`]) are taken in
/// any order.
/// The rows `late` (one a row) have their 总计 among the pool's last
/// numbers, in the rows' order (carried down past the rows' labels).
fn solve(pool: &Pool, block: &Block, shuffled: bool, late: &[bool]) -> Result<Option<Vec<Vec<usize>>>, Differ> {
    let mut found: Option<Vec<Vec<usize>>> = None;
    let placed = pool.values.len() - late.iter().filter(|&&l| l).count();
    for last in 0..=placed {
        // The first `last` numbers are the rows' last columns, the rest their first ones.
        let mut ways = Ways { pool, block, shuffled, last, late, placed, choices: Vec::new(), found: &mut found };
        if !ways.go_on(last) {
            return Err(Differ);
        }
    }
    Ok(found)
}

/// Two placings that hold every sum give different numbers.
#[derive(Debug)]
struct Differ;

/// The ways to place the pool's numbers with its first `last` the rows' last
/// columns: each row's ways to take its first and last columns, row by row.
struct Ways<'p> {
    pool: &'p Pool,
    block: &'p Block,
    shuffled: bool,
    last: usize,
    /// The rows whose 总计 is among the pool's last numbers, which follow the
    /// `placed` the rows' other columns take.
    late: &'p [bool],
    placed: usize,
    /// Each row so far: the placings of its numbers that add up to its total.
    choices: Vec<Vec<Vec<usize>>>,
    found: &'p mut Option<Vec<Vec<usize>>>,
}

impl Ways<'_> {
    /// Goes on from the next row, its first columns from pool index `a` on;
    /// `false` where two placings give different numbers.
    fn go_on(&mut self, a: usize) -> bool {
        let n = template::APPLICANTS.len();
        let (i, total) = (self.choices.len(), self.placed);
        if i == self.block.rows.clone().count() {
            if a != total {
                return true;
            }
            let mut picked = Vec::with_capacity(i);
            let mut sums = vec![0; n];
            return each_placing(&self.choices, self.pool, &self.block.sums, &mut picked, &mut sums, self.found);
        }
        // The last columns the rows before took, and this row's 总计 if carried down.
        let late_before = self.late[..i].iter().filter(|&&l| l).count();
        let b = i * n - (a - self.last) - late_before;
        let late = self.late[i].then_some(self.placed + late_before);
        for j in 0..=n.min(total - a) {
            let Some(taken) = (n - j).checked_sub(usize::from(late.is_some())) else { continue };
            if b + taken > self.last {
                continue;
            }
            let lead: Vec<usize> = (a..a + j).collect();
            let tail = b..b + taken;
            if lead.iter().copied().chain(tail.clone()).any(|p| self.pool.owners[p].is_some_and(|o| o != i)) {
                continue;
            }
            let orders = if self.shuffled && j <= MAX_SHUFFLED { orders(&lead) } else { vec![lead] };
            let values = &self.pool.values;
            let rows: Vec<Vec<usize>> = orders
                .into_iter()
                .map(|lead| lead.into_iter().chain(tail.clone()).chain(late).collect::<Vec<usize>>())
                .filter(|row| row[..n - 1].iter().map(|&p| values[p]).sum::<i64>() == values[row[n - 1]])
                .collect();
            if rows.is_empty() {
                continue;
            }
            self.choices.push(rows);
            let ok = self.go_on(a + j);
            self.choices.pop();
            if !ok {
                return false;
            }
        }
        true
    }
}

/// The placing `as_printed` finds where the pool's last numbers (all after
/// the last that a row's label shows its own, or fewer, the first right
/// after another row's total) are the 总计 of some of the `rows` (a page
/// carries the groups' first rows' totals down past the labels, together),
/// if every choice of those numbers and rows that places the numbers gives
/// the same numbers.
fn carried_down(
    pool: &Pool,
    rows: usize,
    as_printed: impl Fn(&[bool]) -> Result<Option<Vec<Vec<usize>>>, Differ>,
) -> Option<Vec<Vec<usize>>> {
    let unowned = pool.owners.iter().rev().take_while(|o| o.is_none()).count();
    let values = |placed: &[Vec<usize>]| -> Vec<i64> { placed.iter().flatten().map(|&p| pool.values[p]).collect() };
    let mut found: Option<Vec<Vec<usize>>> = None;
    // (All the numbers after the last a label shows its own, or carried down
    // with other rows' totals: the first right after one of those.)
    let with_others = |k: usize| pool.after_taken[pool.values.len() - k];
    let carried = |c: &usize| {
        let k = c.count_ones() as usize;
        k == unowned || (k < unowned && with_others(k))
    };
    for chosen in (1..1usize << rows).filter(carried) {
        let late: Vec<bool> = (0..rows).map(|i| chosen & (1 << i) != 0).collect();
        let Some(placed) = as_printed(&late).ok()? else { continue };
        match &found {
            Some(first) if values(first) != values(&placed) => return None,
            Some(_) => {}
            None => found = Some(placed),
        }
    }
    found
}

/// Each order of `items` (a few).
fn orders(items: &[usize]) -> Vec<Vec<usize>> {
    if items.len() <= 1 {
        return vec![items.to_vec()];
    }
    let mut out = Vec::new();
    for (k, &first) in items.iter().enumerate() {
        let rest: Vec<usize> = items.iter().enumerate().filter(|&(i, _)| i != k).map(|(_, &x)| x).collect();
        for mut tail in orders(&rest) {
            tail.insert(0, first);
            out.push(tail);
        }
    }
    out
}

/// Goes through each pick of one row from each row's `choices` whose columns
/// add up to `want`, keeping the first in `found`; `false` where two give
/// different numbers.
fn each_placing(
    choices: &[Vec<Vec<usize>>],
    pool: &Pool,
    want: &[i64],
    picked: &mut Vec<Vec<usize>>,
    sums: &mut [i64],
    found: &mut Option<Vec<Vec<usize>>>,
) -> bool {
    let i = picked.len();
    if i == choices.len() {
        if sums != want {
            return true;
        }
        let values = |rows: &[Vec<usize>]| -> Vec<i64> { rows.iter().flatten().map(|&p| pool.values[p]).collect() };
        return match found {
            Some(first) => values(first) == values(picked),
            None => {
                *found = Some(picked.clone());
                true
            }
        };
    }
    for row in &choices[i] {
        let over = row.iter().zip(sums.iter()).zip(want).any(|((&p, &s), &w)| s + pool.values[p] > w);
        if over {
            continue;
        }
        for (s, &p) in sums.iter_mut().zip(row) {
            *s += pool.values[p];
        }
        picked.push(row.clone());
        let ok = each_placing(choices, pool, want, picked, sums, found);
        picked.pop();
        for (s, &p) in sums.iter_mut().zip(row) {
            *s -= pool.values[p];
        }
        if !ok {
            return false;
        }
    }
    true
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::numbers_first::tests::{get, lines, requests, HEAD};
    use super::*;

    /// 表三's head, then each template row (of the 2021 table) as `print` prints
    /// it with its numbers: those `values` names it with, else 0s.
    pub(in super::super) fn printed(
        values: &[(&str, [i64; 7])],
        mut print: impl FnMut(&template::Row, [i64; 7]) -> String,
    ) -> String {
        let mut text = HEAD.to_string();
        for spec in template::request_rows(Template::T2021) {
            let own = values.iter().find(|(key, _)| *key == spec.key).map_or([0; 7], |&(_, v)| v);
            text.push_str(&print(spec, own));
        }
        text
    }

    /// 表三 as plain `pdftotext` prints a page's table printed to PDF: each row's
    /// numbers after its label, one a line; (五)5 and (六)'s as `rows` prints them.
    fn table(rows: &str, total: [i64; 7]) -> String {
        let values = [
            ("new_received", [30, 3, 0, 1, 2, 0, 36]),
            ("carried_over", [2, 0, 0, 0, 0, 0, 2]),
            ("granted", [20, 2, 0, 1, 1, 0, 24]),
            ("partially_granted", [3, 0, 0, 0, 0, 0, 3]),
            ("unable_not_held", [2, 0, 0, 0, 0, 0, 2]),
            ("total_processed", total),
            ("carried_forward", [4, 0, 0, 0, 0, 0, 4]),
        ];
        printed(&values, |spec, values| match spec.key {
            "rejected_confirmation" => rows.to_string(),
            "other_overdue_correction" | "other_overdue_fee" | "other_misc" => String::new(),
            _ => format!("{}\n{}", spec.label, lines(&values)),
        })
    }

    /// (五)5 and (六)'s rows with their last columns printed first, row after
    /// row, their first columns among their labels' lines.
    fn scrambled(corr: [i64; 7], fee: [i64; 7]) -> String {
        format!(
            "5.要求行政机关确认\n或重新出具已获取信 0\n息\n{}{}{}1.申请人无正当理由\n逾期不补正、行政\n{}\n\
             (六)其他处理\n机关不再处理其政\n府信息公开申请\n{}\n2.申请人逾期未按收 {}\n费通知要求缴纳费\n\
             用、行政机关不再处\n理其政府信息公开申\n请\n3.其他\n{}",
            lines(&[0; 6]),
            lines(&corr[1..]),
            lines(&fee[2..]),
            corr[0],
            fee[1],
            fee[0],
            lines(&[1, 0, 0, 0, 0, 0, 1]),
        )
    }

    #[test]
    fn rows_printed_last_columns_first_are_read_where_every_sum_holds() {
        let (corr, fee) = ([1, 0, 0, 0, 1, 0, 2], [1, 1, 0, 0, 0, 0, 2]);
        let total = [28, 3, 0, 1, 2, 0, 34];
        let r = requests(&table(&scrambled(corr, fee), total));
        assert_eq!(get(&r, "rejected_confirmation"), [0; 7], "{:?}", r.issues);
        assert_eq!(get(&r, "other_overdue_correction"), corr, "{:?}", r.issues);
        assert_eq!(get(&r, "other_overdue_fee"), fee);
        assert_eq!(get(&r, "other_misc"), [1, 0, 0, 0, 0, 0, 1]);
        assert!(r.has_issue("cells_pooled"), "{:?}", r.issues);
        assert!(!r.has_issue("rows_missing") && !r.has_issue("cells_extra"), "{:?}", r.issues);
        // A row's second column printed before its first (on the line before the
        // label line that ends with it): read where nothing in order adds up.
        let (corr, fee) = ([1, 0, 0, 0, 0, 0, 1], [0, 1, 0, 0, 0, 0, 1]);
        let r = requests(&table(&scrambled(corr, fee), [27, 3, 0, 1, 1, 0, 32]));
        assert_eq!(get(&r, "other_overdue_correction"), corr, "{:?}", r.issues);
        assert_eq!(get(&r, "other_overdue_fee"), fee);
        // A row's first between its label's lines, the next label line naming
        // no row alone (`(六)其他处理`): that row's, which no sum tells here.
        let first_only = [2, 0, 0, 0, 0, 0, 2];
        let r = requests(&table(&scrambled(first_only, [0; 7]), [28, 2, 0, 1, 1, 0, 32]));
        assert_eq!(get(&r, "other_overdue_correction"), first_only, "{:?}", r.issues);
        assert_eq!(get(&r, "other_overdue_fee"), [0; 7]);
        // Not where (七)总计 leaves the rows numbers no placing adds up to.
        let r = requests(&table(&scrambled(corr, fee), [28, 3, 0, 1, 1, 0, 33]));
        assert!(!r.has_issue("cells_pooled"), "{:?}", r.issues);
        assert_ne!(get(&r, "other_overdue_fee"), fee);
    }

    #[test]
    fn rows_that_two_placings_as_printed_read_apart_are_not_read_with_totals_carried_down() {
        // A web page's table printed to PDF: (六)2's label lines before (六)1's,
        // (六)1's first column among its label's lines, (六)2's first two after them.
        // Read (六)1's last columns first, or (五)5's 总计 first then the rows'
        // other columns: both hold every sum, the rows' numbers differ.
        let corr = [0, 0, 0, 0, 0, 1, 1];
        let rows = format!(
            "5.要求行政机关确认\n或重新出具已获取信 0\n息\n\n0\n\n0\n\n0\n\n0\n\n0 0\n\n0\n\n0\n\n0\n\n0 {} {}\n\n\
             0\n\n0\n\n0\n\n0 0\n\n(六)其他处理\n\n\
             2.申请人逾期未按收\n费通知要求缴纳费\n用、行政机关不再处\n理其政府信息公开申\n\n1.申请人无正当理由\n\
             逾期不补正、行政机\n{}\n关不再处理其政府信\n息公开申请\n0\n0\n\n请\n3.其他\n\n{}",
            corr[5],
            corr[6],
            corr[0],
            lines(&[0; 7]),
        );
        let r = requests(&table(&rows, [25, 2, 0, 1, 1, 1, 30]));
        for (row, truth) in [("other_overdue_correction", corr), ("other_overdue_fee", [0; 7])] {
            let read = get(&r, row);
            assert!(read == truth || read.iter().all(|&v| v < 0), "{row}: {read:?} in {:?}", r.issues);
        }
    }

    #[test]
    fn a_rows_total_carried_down_past_the_labels_is_read_where_every_sum_holds() {
        // (六)1's 总计 printed after (六)2's label lines, its other columns in their place.
        let (corr, fee) = ([1, 0, 0, 0, 1, 0, 2], [1, 1, 0, 0, 0, 0, 2]);
        let total = [28, 3, 0, 1, 2, 0, 34];
        let text = table(&scrambled(corr, fee), total);
        let (block, label) = ("1\n0\n2\n0\n0\n0\n0\n2\n1.申请人", "理其政府信息公开申\n请\n");
        assert!(text.contains(block) && text.contains(label));
        let text = text.replacen(block, "1\n0\n0\n0\n0\n0\n2\n1.申请人", 1);
        let r = with_carried(&text.replacen(label, &format!("{label}2\n2\n"), 1), label);
        assert_eq!(get(&r, "other_overdue_correction"), corr, "{:?}", r.issues);
        assert_eq!(get(&r, "other_overdue_fee"), fee);
        assert_eq!(get(&r, "other_misc"), [1, 0, 0, 0, 0, 0, 1]);
        assert!(r.has_issue("cells_pooled"), "{:?}", r.issues);
    }

    /// 表三 read from `text`, then read again with (四)1's 总计 the number right
    /// after `carried` (as the reading takes a page's totals carried down
    /// together, the groups' first rows').
    fn with_carried(text: &str, carried: &str) -> Report {
        let (_, rs) = super::super::super::cells::rows(text);
        let mut r = requests(text);
        let at = text.find(carried).map(|at| at + carried.len());
        let held = r.requests.iter_mut().find(|f| f.row == "unable_not_held" && f.applicant == "total");
        held.zip(at).iter_mut().for_each(|(f, at)| f.offset = *at);
        reread(&rs, Template::T2021, &mut r, 0);
        r
    }

    #[test]
    fn the_second_rows_label_first_and_a_later_rows_total_past_the_table_are_read() {
        // (六)2's label lines before (六)1's, its first columns after them, (六)1's
        // 总计 carried down; (六)3's 总计 printed after 四's row.
        let (corr, fee) = ([1, 0, 0, 0, 1, 0, 2], [1, 1, 0, 0, 0, 0, 2]);
        let rows = format!(
            "5.要求行政机关确认\n或重新出具已获取信 0\n息\n{}{}{}(六)其他处理\n2.申请人逾期未按\n收费通知要求缴纳\n\
             费用、行政机关不\n再处理其政府信息\n\n1.申请人无正当理\n由逾期不补正、行\n{}\n政机关不再处理其\n\
             政府信息公开申请\n{}\n{}\n\n2\n{}\n公开申请\n3.其他\n{}",
            lines(&[0; 6]),
            lines(&corr[1..6]),
            lines(&fee[2..]),
            corr[0],
            fee[0],
            fee[1],
            corr[6],
            lines(&[1, 0, 0, 0, 0, 0]),
        );
        let text = table(&rows, [28, 3, 0, 1, 2, 0, 34]);
        let last = "四、结转下年度继续办理\n4\n0\n0\n0\n0\n0\n4\n";
        assert!(text.ends_with(last));
        let text = format!("{text}1\n");
        let r = with_carried(&text, &format!("政府信息公开申请\n{}\n{}\n\n", fee[0], fee[1]));
        assert_eq!(get(&r, "other_overdue_correction"), corr, "{:?}", r.issues);
        assert_eq!(get(&r, "other_overdue_fee"), fee);
        assert_eq!(get(&r, "other_misc")[..6], [1, 0, 0, 0, 0, 0]);
        assert!(r.has_issue("cells_pooled"), "{:?}", r.issues);
    }

    #[test]
    fn a_number_read_as_another_rows_among_the_rows_numbers_is_left_to_it() {
        // (四)1's 总计 carried down, printed among (六)2's label lines: the reading
        // of the table takes it for (四)1 where it reads that row a column short.
        let (corr, fee) = ([1, 0, 0, 0, 1, 0, 2], [1, 1, 0, 0, 0, 0, 2]);
        let total = [28, 3, 0, 1, 2, 0, 34];
        let text = table(&scrambled(corr, fee), total).replacen("用、行政机关不再处\n", "用、行政机关不再处\n2\n", 1);
        let (_, rs) = super::super::super::cells::rows(&text);
        let mut r = requests(&text);
        assert_ne!(get(&r, "other_overdue_fee"), fee);
        let carried = text.find("不再处\n2\n").map(|at| at + "不再处\n".len());
        let held = r.requests.iter_mut().find(|f| f.row == "unable_not_held" && f.applicant == "total");
        held.zip(carried).iter_mut().for_each(|(f, at)| f.offset = *at);
        reread(&rs, Template::T2021, &mut r, 0);
        assert_eq!(get(&r, "other_overdue_correction"), corr, "{:?}", r.issues);
        assert_eq!(get(&r, "other_overdue_fee"), fee);
        assert!(r.has_issue("cells_pooled"), "{:?}", r.issues);
    }

    #[test]
    fn rows_whose_labels_are_printed_apart_below_are_read_with_their_first_columns() {
        // A page's labels of (四) and (五)1-2 printed below (六)1's row, the
        // rows' numbers where the labels would be, rows 2 and 3 but their
        // first columns, which come among the labels' lines.
        let (held, creation, unclear) = ([14, 1, 0, 0, 0, 0, 15], [2, 0, 0, 0, 0, 0, 2], [1, 0, 0, 0, 0, 0, 1]);
        let (petition, duplicate) = ([4, 0, 0, 0, 0, 0, 4], [1, 0, 0, 0, 0, 0, 1]);
        let moved =
            ["unable_not_held", "unable_needs_creation", "unable_unclear", "rejected_petition", "rejected_duplicate"];
        // As such pages print a row: its first number on its label's line, then
        // a number a line apart, the last two on a line.
        let spaced = |values: &[i64]| {
            let (last, rest) = values.split_last().unwrap();
            let (second, rest) = rest.split_last().unwrap();
            format!("{}{second} {last}\n\n", rest.iter().map(|v| format!("{v}\n\n")).collect::<String>())
        };
        // (八)'s row, and (一)'s that it leaves of (七)总计.
        let text = |first_of_creation: i64, query: [i64; 7]| {
            let granted = [6 - query[0], 2, 0, 1, 2, 0, 11 - query[6]];
            let values = [
                ("new_received", [30, 3, 0, 1, 2, 0, 36]),
                ("carried_over", [2, 0, 0, 0, 0, 0, 2]),
                ("granted", granted),
                ("denied_admin_query", query),
                ("total_processed", [28, 3, 0, 1, 2, 0, 34]),
                ("carried_forward", [4, 0, 0, 0, 0, 0, 4]),
            ];
            printed(&values, |spec, values| {
                if moved.contains(&spec.key) {
                    return String::new();
                }
                // (A numbered row's label without its group's, which prints apart.)
                let label = spec.label.split_once(')').filter(|(_, l)| l.starts_with(char::is_numeric));
                let mut text = format!("{}\n\n{}", label.map_or(spec.label, |(_, l)| l), spaced(&values));
                if spec.key == "denied_admin_query" {
                    let rows = [&held[..], &creation[1..], &unclear[1..], &petition[..], &duplicate[..]];
                    text.push_str(&rows.map(spaced).concat());
                }
                if spec.key == "other_overdue_correction" {
                    text.push_str(&format!(
                        "(四)无法提供\n1.本机关不掌握相\n关政府信息\n2.没有现成信息需要\n{first_of_creation}\n另行制作\n\
                         3.补正后申请内容仍\n{}\n不明确\n1.信访举报投诉类\n(五)不予处理\n申请\n2.重复申请\n",
                        unclear[0]
                    ));
                }
                text
            })
        };
        // (八)'s row of zeros, among the numbers after it, is not read as printed
        // (zeros add up any way): read again with the rows after it, its label
        // not taking the numbers of `3.要求提供公开出版物`, an item's label.
        for query in [[2, 0, 0, 0, 0, 0, 2], [0; 7]] {
            let r = requests(&text(creation[0], query));
            for (key, values) in moved.iter().zip([held, creation, unclear, petition, duplicate]) {
                assert_eq!(get(&r, key), values, "{key} {:?}", r.issues);
            }
            assert_eq!(get(&r, "denied_admin_query"), query);
            assert_eq!(get(&r, "rejected_publication"), [0; 7]);
            assert!(r.has_issue("cells_pooled") && !r.has_issue("rows_missing"), "{:?}", r.issues);
            // A first column no sum lets the rows have: not read so.
            let r = requests(&text(3, query));
            assert!(!r.has_issue("cells_pooled"), "{:?}", r.issues);
        }
    }

    fn block(rows: std::ops::RangeInclusive<usize>, sums: Vec<i64>) -> Block {
        let specs = template::request_rows(Template::T2021);
        Block { specs, before_row: rows.start() - 1, rows, after: 0, next_number: None, sums }
    }

    #[test]
    fn placings_that_give_other_numbers_read_none() {
        let rc = template::request_rows(Template::T2021).iter().position(|r| r.key == "rejected_confirmation");
        let rc = rc.unwrap();
        // A row of 1 and 0s either row's: the one or the other placing holds the sums.
        let values: Vec<i64> = [[0; 7], [1, 0, 0, 0, 0, 0, 1]].concat();
        let pool = |owners: Vec<Option<usize>>| {
            Pool { offsets: (0..14).collect(), values: values.clone(), owners, after_taken: vec![false; 14] }
        };
        let b = block(rc..=rc + 1, vec![1, 0, 0, 0, 0, 0, 1]);
        assert!(solve(&pool(vec![None; 14]), &b, false, &[false; 2]).is_err());
        // The first 1 printed within the second row's label: the second's.
        let mut owners = vec![None; 14];
        owners[7] = Some(1);
        let placed = solve(&pool(owners), &b, false, &[false; 2]).ok().flatten().expect("one placing");
        let numbers: Vec<Vec<i64>> = placed.iter().map(|r| r.iter().map(|&p| values[p]).collect()).collect();
        assert_eq!(numbers, [vec![0; 7], vec![1, 0, 0, 0, 0, 0, 1]]);
    }

    #[test]
    fn a_label_line_names_a_row_where_it_is_a_piece_of_its_label_alone() {
        let of = |key: &str| template::REQUEST_ROWS.iter().find(|r| r.key == key).map(|r| r.label.to_string());
        let keys = ["other_overdue_correction", "other_overdue_fee"];
        let labels: Vec<String> = keys.into_iter().filter_map(of).collect();
        assert_eq!(names_one("逾期不补正、行政", &labels), Some(0));
        assert_eq!(names_one("2.申请人逾期未按收", &labels), Some(1));
        assert_eq!(names_one("府信息公开申请", &labels), None);
        assert_eq!(names_one("请", &labels), None);
        assert_eq!(names_one("(六)其他处理", &labels), None);
    }
}
