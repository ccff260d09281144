//! 表三 as plain `pdftotext` prints it where each row's label comes first and
//! its numbers after it over lines of their own: a web page's PDF (a row's
//! first number may stand between its label's lines: `一、本年新收政府信息` /
//! `25` / `公开申请数量` / `3` …), or a Word table's set in some type (the
//! numbers a few a line, a number or two on the label's line, the label's
//! later lines after them; the 总计 column of the first rows, or a band's
//! other columns, printed after the last of those rows' numbers).
//!
//! The rows are rebuilt as a label with its numbers, so that the walk reads
//! them as any other layout.

use super::*;
use super::group_totals::{group_first, group_totals, totals_after_sum, GroupFirst};
use super::group_totals::{totals_under_group_heading, totals_under_next_heading};
use super::numbers_first::{goes_on, numbered, starts, table_end};
use crate::extract::cells::cells_add_up;
use crate::extract::numerals::is_chinese_numeral;
use crate::template::Role::TotalProcessed;

/// 表三's rows at most: no more rows before one are looked at (a text of
/// thousands of such rows is not searched back at each).
pub(super) const MAX_ROWS: usize = 32;

/// The most numbers a row's label line holds where the rest of its numbers
/// follow on lines of their own (`2.没有现成信息需要 126 17`).
const MAX_GLUED: usize = 2;

/// The rows of 表三 rebuilt where plain `pdftotext` printed a row's numbers
/// after its label over lines of their own: parted by the label's later lines
/// (`一、本年新收政府信息` / `25` / `公开申请数量` / `3` … `31`, a page's table
/// printed to PDF), or a few a line after a label line that holds two at most
/// (`一、本年新收政府信息公开申请数量` / `2806 268 25` / `30` / …, a Word
/// table's). Each number is the row's whose label started last, the table
/// numbering its rows; a row's numbers past the table's `n` columns are
/// placed as [`regroup`] finds them. `None` where no row's numbers are
/// printed so.
pub(super) fn gathered<'a>(
    text: &str,
    rows: &[Row<'a>],
    first: usize,
    t: Template,
    n: usize,
) -> Option<(Vec<Row<'a>>, Vec<usize>)> {
    if !numbered(rows[first].label()) {
        return None;
    }
    let end = table_end(rows, first);
    if !parted(&rows[first..end], n) {
        return None;
    }
    let mut out: Vec<Row<'a>> = rows[..first].to_vec();
    let mut origin: Vec<usize> = (0..first).collect();
    // The rows started, in order; the last is the one whose label started last.
    let mut built: Vec<usize> = Vec::new();
    let cues = Cues::requests(t);
    // The last row's label, its cells' words line by line.
    let mut columns: Vec<Vec<Frag<'a>>> = Vec::new();
    // How many of the rows started last are labels of the table's first column with no
    // numbers, printed apart from their places as that column's labels are printed
    // together: a band's naming no row (`三、本年度办理结果`), a row's far ahead of the
    // last named (`四、结转下年度继续办理` among 二's lines); the last place named, and how
    // many rows started since.
    let (mut apart, mut named, mut since) = (0, None, 0);
    // (How many were before the row started last: a band's label wrapped, `三、本年度办` /
    // `理结果`, is told on its later line.)
    let mut apart_before = 0;
    let band = |r: &Row| place_of(r, cues).is_none() && r.label().has(template::RESULTS_BAND);
    // The row that the lines of numbers up to a line complete, a few a line.
    let mut completing: Option<(usize, usize)> = None;
    for (k, row) in rows.iter().enumerate().take(end).skip(first) {
        if row.is_numbers_alone() {
            if let Some((at, _)) = completing.filter(|&(_, last)| k <= last) {
                out[at].cells.extend_from_slice(&row.cells);
                continue;
            }
            if let Some(&at) = built.last() {
                let before = built.len().checked_sub(apart + 1).filter(|_| apart > 0).map(|b| built[b]);
                let before = before.filter(|&b| place_of(&out[b], cues).is_some());
                // (The line, or the lines of numbers alone from it, a few a line.)
                let run = || rows[k..end].iter().take_while(|r| r.is_numbers_alone()).count();
                let lines = |run: usize| rows[k..k + run].iter().flat_map(|r| r.cells.iter().copied()).collect::<Vec<_>>();
                let at = match before {
                    Some(b) if completes(&out[b], &row.cells, n) => b,
                    Some(b) => match run() {
                        run if run > 1 && completes(&out[b], &lines(run), n) => {
                            completing = Some((b, k + run - 1));
                            b
                        }
                        _ => at,
                    },
                    None => at,
                };
                out[at].cells.extend_from_slice(&row.cells);
                apart = 0;
                continue;
            }
        } else if starts(row) {
            let place = place_of(row, cues);
            since += 1;
            let ahead = place.zip(named).is_some_and(|(p, last)| p >= last + since + MIN_AHEAD);
            let first_column = first_column(row.label());
            apart_before = apart;
            apart = if row.cells.is_empty() && first_column && (band(row) || ahead) { apart + 1 } else { 0 };
            if let Some(p) = place.filter(|_| !ahead) {
                (named, since) = (Some(p), 0);
            }
            built.push(out.len());
            columns = words(row).into_iter().map(|w| vec![w]).collect();
        } else if let Some(&at) = built.last().filter(|_| row.kind == Kind::Table && !row.cells.is_empty()) {
            // A later line of a label with numbers on it (`政府信息公开 89`): the numbers the row's,
            // the words too where the line is right after the row's and it or the row's names no
            // row (`5.要求行政机关确` / `认或重新出具已获 1`), else a label of their own.
            out[at].cells.extend_from_slice(&row.cells);
            let unnamed = |r: &Row| place_of(r, cues).is_none();
            if at + 1 == out.len() && !row.labels.is_empty() && (unnamed(row) || unnamed(&out[at])) {
                run_on(&mut out[at], &mut columns, row);
                continue;
            }
            out.push(row.with_labels(row.labels.clone(), Vec::new()));
            origin.push(k);
            continue;
        } else if let Some(&at) = built.last().filter(|&&at| at + 1 == out.len() && goes_on(row, cues)) {
            // A later line of the label right after the row (`一、本年新` / `收政府信息`), naming no row.
            run_on(&mut out[at], &mut columns, row);
            let started = &out[at];
            if apart == 0 && started.cells.is_empty() && first_column(started.label()) && band(started) {
                apart = apart_before + 1;
            }
            continue;
        }
        out.push(row.clone());
        origin.push(k);
    }
    let specs = template::request_rows(t);
    let moved = regroup(text, &mut out, &built, n, cues, &specs);
    named_apart(&mut out, &built, n, cues);
    let group_first = |r: &Row| group_first(r, cues, &specs);
    totals_under_group_heading(&mut out, &built, n, cues, &group_first);
    totals_under_next_heading(&mut out, &built, &rows[end..], n, &group_first);
    // (Where a number stands on its line tells nothing of its column.)
    for &at in &built {
        out[at].vertical = true;
    }
    // Rows whose labels were printed apart from their place, with their numbers, after the
    // row that held them (the last first: the indices before stay), their labels left.
    let moving: Vec<(usize, Row, usize)> = moved.iter().map(|&(at, r)| (at, out[r].clone(), origin[r])).collect();
    for &(_, r) in &moved {
        out[r].cells.clear();
    }
    for (at, row, from) in moving.into_iter().rev() {
        out.insert(at + 1, row);
        origin.insert(at + 1, from);
    }
    out.extend_from_slice(&rows[end..]);
    origin.extend(end..rows.len());
    Some((out, origin))
}

/// Runs the label of `row` (its words, `columns` by cell) on with the words of
/// `more`, a later line of its label: a word a label cell where the line has
/// as many as the row's first (`三、本年 (一)予以` / `度办理结 公开`), else the
/// row's own cell's, the last.
fn run_on<'a>(row: &mut Row<'a>, columns: &mut Vec<Vec<Frag<'a>>>, more: &Row<'a>) {
    let more = words(more);
    match columns.len() {
        c if c == more.len() => columns.iter_mut().zip(more).for_each(|(column, w)| column.push(w)),
        0 => columns.push(more),
        _ => {
            if let Some(column) = columns.last_mut() {
                column.extend(more);
            }
        }
    }
    let cells = std::mem::take(&mut row.cells);
    *row = row.with_labels(columns.concat(), cells);
}

/// Whether `numbers` are the rest of row `before`, or all of its numbers,
/// printed after labels with no numbers that came between, printed apart from
/// their places (a page's PDF: `二、上年结转政府信息公` / `1` / `开申请数量` /
/// `三、本年度办理结果` / `0 0 0 0 0 1`; `二、上年结转政府信息` / `公开申请数量` /
/// `三、本年度办理结果` / `四、结转下年度继续办` / `理` / `4 0 0 0 0 0 4`; a few a
/// line, `2` / `—— ——` / `—— —— 2`): they make up its `n` columns and it adds up.
fn completes(before: &Row, numbers: &[Cell], n: usize) -> bool {
    if before.cells.len() + numbers.len() != n {
        return false;
    }
    cells_add_up(&before.cells.iter().chain(numbers).copied().collect::<Vec<_>>())
}

/// Whether a label starts with a numeral of the table's first column (`一、`
/// to `四、`), not a result's (`(一)`, `1.`).
fn first_column(label: &str) -> bool {
    label.chars().next().is_some_and(is_chinese_numeral) && numbered(label)
}

/// Whether some row of a table `n` wide (`rows`, from its first) prints its
/// numbers after its label over lines of their own: after a line of its label
/// that came after some of them, or a few a line (more than one line) after a
/// label line holding [`MAX_GLUED`] at most. Most tables print a row's numbers
/// together, with its label or on one line.
fn parted(rows: &[Row], n: usize) -> bool {
    // Whether a row has started, has numbers, and a line of its label came
    // after them; and whether its label line holds few numbers or none.
    let (mut started, mut numbers, mut label_after, mut few) = (false, false, false, false);
    for row in rows {
        if row.is_numbers_alone() {
            // (A delimited row, or a line of a row's numbers all, is a row of its own.)
            let a_few = !row.delimited && (row.vertical || row.cells.len() < n);
            if started && (label_after || (numbers && few && a_few)) {
                return true;
            }
            numbers |= started;
            label_after = false;
        } else if starts(row) {
            (started, numbers, label_after) = (true, !row.cells.is_empty(), false);
            few = row.cells.len() <= MAX_GLUED;
        } else {
            label_after |= numbers;
        }
    }
    false
}

/// The words of a row's label, each a fragment of its own.
fn words<'a>(row: &Row<'a>) -> Vec<Frag<'a>> {
    let of = |f: &Frag<'a>| {
        let (text, offset, center) = (f.text, f.offset, f.center);
        let at = move |w: &str| offset + (w.as_ptr() as usize - text.as_ptr() as usize);
        text.split_whitespace().map(move |w| Frag { text: w, offset: at(w), center })
    };
    row.labels.iter().flat_map(of).collect()
}

/// Places the numbers of rows gathered with more than the table's `n`
/// columns (`built`, the rows in order), where what they hold past their own
/// is laid out as a word processor's PDF lays it, and the arithmetic agrees:
/// - the 总计 column of the rows up to this one, each a column short of it,
///   as a run after this row's own numbers (each total its row's sum);
/// - a band's columns after its first ones: the band's rows each print their
///   first columns (as many in each) after its label, the last row then the
///   band's other columns, a run each left to right (a Word table's), or a
///   row at a time (a page's); taken where every row of the band adds up
///   one way only.
///
/// Of three rows or more, one may not add up (a number printed wrong, which
/// the checks flag).
///
/// - the rows right before whose labels came with no numbers, their numbers
///   and this row's printed a column at a time, a line a row (see
///   [`lines_across`]); this row's numbers after theirs placed as below;
/// - the rows of the places after this row's whose labels were printed apart,
///   with no numbers, their numbers after this row's own (a page's);
/// - (七)总计's row: the 总计 column of the rows that a group's label shares a
///   line with, each a column short, after its own (a page's);
/// - the rows after this one each printing its first columns after its label,
///   the rest of each printed after this row's own, a row at a time (a page's;
///   this row and the last may lack their 总计, printed after (七)总计's);
/// - the row before's numbers, its label alone, printed within this row's own
///   (a page's);
/// - a band's other columns, then whole rows whose labels were printed apart
///   (a page's; see [`band_apart`] and [`places_after`]).
///
/// Where the numbers fit none, where each is is not known: the rows short of
/// the table's columns right before the row are left without numbers, and the
/// row too but for its first numbers where they add up, fewer than a row's
/// more follow and the rows around hold their own (the rest other rows', a
/// page's PDF printing 总计 columns after it), or where they add up to a total
/// not 0 and the rows before hold their own (later rows' rests after them).
/// So is the row after a row left without numbers, where it holds fewer than
/// a row's and the two just two rows' numbers, not all 0 (the two rows'
/// printed among each other); but 四 after (七)总计, whose numbers the sums
/// tell (see [`super::last_rows`]).
///
/// Returns the rows to be moved after the row that held their numbers, as
/// (that row, the row moved), in order.
fn regroup(
    text: &str,
    out: &mut [Row],
    built: &[usize],
    n: usize,
    cues: &Cues,
    specs: &[&template::Row],
) -> Vec<(usize, usize)> {
    let mut moved = Vec::new();
    // (The rows a group's label shares a line with: `(四)无法提供 1.本机关不掌握…`.)
    let group_first = |row: &Row| group_first(row, cues, specs);
    let sum_row = |row: &Row| place_of(row, cues).and_then(|j| specs.get(j)).is_some_and(|s| s.role == TotalProcessed);
    for (i, &at) in built.iter().enumerate() {
        if out[at].cells.len() <= n {
            continue;
        }
        let before = &built[..i];
        let next = built.get(i + 1).copied().map(|r| (r, i + 2 == built.len()));
        // (Rows before or after printed across lines with this one's: those read, this one's rest placed.)
        if lines_across(text, out, (before, &built[i + 1..]), at, n, cues) && out[at].cells.len() == n {
            continue;
        }
        let placed = totals_apart(out, before, at, n)
            || totals_after_sum(out, before, at, n, (&sum_row, &group_first))
            || band_apart(out, before, at, n, Takes::All)
            || next_row_first(out, (before, next), at, n, cues, &group_first)
            || places_after(out, around(built, i), at, n, cues, &mut moved)
            || rests_after_first(out, &built[i + 1..], at, n, (cues, &group_first))
            || one_first_each(out, &built[i + 1..], at, n, cues)
            || previous_within(out, before, at, n, cues)
            || (band_apart(out, before, at, n, Takes::Leaving)
                && places_after(out, around(built, i), at, n, cues, &mut moved));
        if !placed {
            let short = before.iter().rev().take(MAX_ROWS).take_while(|&&r| out[r].cells.len() < n).count();
            // Where the row's first numbers add up, fewer than a row's more follow, and the
            // rows around hold their own, they are its own, the rest other rows'; so too
            // where they add up to a total not 0 and the rows before hold their own.
            let whole_next = next.is_none_or(|(r, _)| out[r].cells.len() >= n);
            let few = short == 0 && whole_next && out[at].cells.len() < 2 * n;
            let counted = short == 0 && out[at].cells[n - 1].number() != 0.0;
            let own = ((few || counted) && cells_add_up(&out[at].cells[..n])).then(|| out[at].cells[..n].to_vec());
            // (The next row's too where it holds fewer than a row's and the two just
            // two rows' numbers, not all 0: those of both printed among each other.)
            let counts = |r: usize| out[r].cells.iter().any(|c| c.number() != 0.0);
            let two_rows = |r: usize| {
                out[r].cells.len() < n && out[r].cells.len() + out[at].cells.len() == 2 * n && (counts(r) || counts(at))
            };
            let tangled = next.map(|(r, _)| r).filter(|&r| own.is_none() && !sum_row(&out[at]) && two_rows(r));
            for &r in before[before.len() - short..].iter().chain([&at]).chain(&tangled) {
                out[r].cells.clear();
            }
            out[at].cells = own.unwrap_or_default();
        }
    }
    moved
}

/// The rows around row `i` of `built`: a table's at most either side.
fn around(built: &[usize], i: usize) -> &[usize] {
    &built[i.saturating_sub(MAX_ROWS)..built.len().min(i + MAX_ROWS)]
}

/// The template place a row's label names, wherever it stands.
pub(super) fn place_of(row: &Row, cues: &Cues) -> Option<usize> {
    best_match(row.label(), cues, 0)
}

/// The 总计 column of row `at` and of the rows before it (the last of
/// `before`) printed after `at`'s own numbers: taken where the rows are a
/// column short each and each total is its row's sum (see [`printed_wrong`]).
/// So too the rows' before `at` alone, printed after `at`'s whole row where
/// it adds up (a page's PDF: `一、本年新收…` / `240` / … / `11` / `二、上年结转` /
/// `14` / … / `16` / `286`).
fn totals_apart(out: &mut [Row], before: &[usize], at: usize, n: usize) -> bool {
    // `at`'s own numbers: a column short, its total among those after; or whole.
    for own in [n - 1, n] {
        let m = out[at].cells.len() - own;
        let rows = if own < n {
            ending_at(out, before, at, m, n - 1).filter(|_| m >= 2)
        } else {
            let whole = cells_add_up(&out[at].cells[..n]);
            let from = before.len().checked_sub(m).filter(|_| whole);
            from.map(|f| before[f..].to_vec()).filter(|rows| rows.iter().all(|&r| out[r].cells.len() == n - 1))
        };
        let Some(rows) = rows else { continue };
        let totals = out[at].cells[own..].to_vec();
        let sum = |r: usize| out[r].cells[..n - 1].iter().map(Cell::number).sum::<f64>();
        let off = |(&r, total): (&usize, &Cell)| total.value.is_none_or(|v| v.number != sum(r));
        let wrong = rows.iter().zip(&totals).filter(|&pair| off(pair)).count();
        if wrong > printed_wrong(m) {
            continue;
        }
        out[at].cells.truncate(own);
        for (&r, total) in rows.iter().zip(totals) {
            out[r].cells.push(total);
        }
        return true;
    }
    false
}

/// The `count` rows ending at row `at` (the last of `before`, then `at`), if
/// there are as many and each before `at` holds `width` numbers.
fn ending_at(out: &[Row], before: &[usize], at: usize, count: usize, width: usize) -> Option<Vec<usize>> {
    let from = (before.len() + 1).checked_sub(count)?;
    let rows: Vec<usize> = before[from..].iter().copied().chain([at]).collect();
    rows.iter().all(|&r| r == at || out[r].cells.len() == width).then_some(rows)
}

/// The rows of `rows` placed by their arithmetic that may not add up: one of
/// three or more (a number printed wrong, which the checks flag), none of fewer.
fn printed_wrong(rows: usize) -> usize {
    usize::from(rows >= 3)
}

/// How much of a row's numbers past its own a reading of the rows before takes.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Takes {
    /// All of them.
    All,
    /// The first, leaving whole rows of numbers after (rows whose labels were
    /// printed apart), for [`places_after`].
    Leaving,
}

/// A band ending at row `at` whose rows (the last of `before` and `at`) each
/// print their first columns after their label, `at` then the band's other
/// columns a run each or its rows' other cells a row at a time: taken where
/// every row of the band adds up (see [`printed_wrong`]) one way only. Where
/// `takes` leaves rows after, the band is the rows before printing as many
/// first columns as the one before `at`, and whole rows of numbers are left
/// after `at`'s own (a page's PDF: `一、本年新收政` / `府信息公开申请 36` / `数量`
/// / `二、上年结转政 2` / `1 0 1 4 0 42 0 0 0 0 0 2` / `9 0 0 1 3 0 13` / …, the
/// labels of the last rows printed after).
pub(super) fn band_apart(out: &mut [Row], before: &[usize], at: usize, n: usize, takes: Takes) -> bool {
    let Some(&previous) = before.last() else { return false };
    let first = out[previous].cells.len();
    if first == 0 || first >= n {
        return false;
    }
    let held = out[at].cells.len() - first;
    let k = match takes {
        Takes::All if held % (n - first) == 0 => held / (n - first),
        Takes::All => return false,
        Takes::Leaving => 1 + before.iter().rev().take(MAX_ROWS).take_while(|&&r| out[r].cells.len() == first).count(),
    };
    let taken = k * (n - first);
    if k < 2 || taken > held || (takes == Takes::Leaving && (taken == held || (held - taken) % n != 0)) {
        return false;
    }
    let Some(rows) = ending_at(out, before, at, k, first) else { return false };
    let rest = out[at].cells[first..first + taken].to_vec();
    let left = out[at].cells[first + taken..].to_vec();
    // The rest a column a run (a Word table's), or a row at a time (a page's).
    let by_columns = |j: usize, c: usize| rest[c * k + j];
    let by_rows = |j: usize, c: usize| rest[j * (n - first) + c];
    let read = |cell: &dyn Fn(usize, usize) -> Cell| -> Option<Vec<Vec<Cell>>> {
        let own = |r: usize| out[r].cells[..first].iter().copied();
        let read: Vec<Vec<Cell>> =
            rows.iter().enumerate().map(|(j, &r)| own(r).chain((0..n - first).map(|c| cell(j, c))).collect()).collect();
        (super::bands::not_adding(&read) <= printed_wrong(k)).then_some(read)
    };
    let numbers = |read: &Vec<Vec<Cell>>| read.iter().flatten().map(Cell::number).collect::<Vec<f64>>();
    let read = match (read(&by_columns), read(&by_rows)) {
        (Some(a), Some(b)) if numbers(&a) != numbers(&b) => return false,
        (Some(read), _) | (None, Some(read)) => read,
        (None, None) => return false,
    };
    for (&r, cells) in rows.iter().zip(read) {
        out[r].cells = cells;
    }
    out[at].cells.extend(left);
    true
}

/// Rows whose labels came one after another with no numbers, each naming its
/// place (the last of `before`), then every number of theirs after row
/// `at`'s label, a column at a time: each column's cells a line a row, in
/// order, the next column after a blank line (a page's PDF at a page's end:
/// `(一)予以公开` / `(二)部分公开` / `17` / `9` / `` / `1` / `1` / … / `1 20` /
/// `0 10`, a line holding a row's last columns). Or `at`'s numbers and those
/// of the rows right after it (the first of `after`), their labels after
/// them with no numbers, naming the places that follow `at`'s in turn
/// (`(一)予以公开` / `1` / `0` / `` / … / `(二)部分公开`). Taken where every block
/// of lines holds a line a row and every row adds up.
fn lines_across(
    text: &str,
    out: &mut [Row],
    (before, after): (&[usize], &[usize]),
    at: usize,
    n: usize,
    cues: &Cues,
) -> bool {
    let unread = |out: &[Row], r: usize| out[r].cells.is_empty() && place_of(&out[r], cues).is_some();
    let above = before.iter().rev().take(MAX_ROWS).take_while(|&&r| unread(out, r)).count();
    let rows: Vec<usize> = before[before.len() - above..].iter().copied().chain([at]).collect();
    if rows.len() > 1 && across(text, out, &rows, at, n) {
        return true;
    }
    // (The rows after, one place after another, as many as the blocks' lines.)
    let (mut rows, mut next) = (vec![at], place_of(&out[at], cues).map(|p| p + 1));
    for &r in after.iter().take(MAX_ROWS) {
        let place = place_of(&out[r], cues);
        if !out[r].cells.is_empty() || place.is_none() || place != next {
            break;
        }
        next = place.map(|p| p + 1);
        rows.push(r);
        if across(text, out, &rows, at, n) {
            return true;
        }
    }
    false
}

/// The numbers of row `at` read as `rows`' (`at` among them), a column at a
/// time, a line a row (see [`lines_across`]); what `at` holds past them stays
/// its own. Whether they were.
fn across(text: &str, out: &mut [Row], rows: &[usize], at: usize, n: usize) -> bool {
    let k = rows.len();
    let held = out[at].cells.len();
    // (What follows them may be short of a row where `at` is the last of them: it stays `at`'s,
    // placed further. After the first of them, rows of their own only.)
    if held < k * n || (at != rows[k - 1] && (held - k * n) % n != 0) {
        return false;
    }
    // (What follows them after a blank line stays `at`'s.)
    let (cells, rest) = out[at].cells.split_at(k * n);
    if rest.first().is_some_and(|c| !crate::extract::cells::blank_between(text, cells[k * n - 1].offset, c.offset)) {
        return false;
    }
    let rest = rest.to_vec();
    let mut read: Vec<Vec<Cell>> = vec![Vec::with_capacity(n); k];
    // The line of the block the last cell is on; a cell on a later line goes to the next row.
    let mut line = 0;
    for (i, cell) in cells.iter().enumerate() {
        if let Some(last) = i.checked_sub(1).map(|p| cells[p].offset) {
            if crate::extract::cells::blank_between(text, last, cell.offset) {
                if line + 1 != k {
                    return false;
                }
                line = 0;
            } else if memchr::memchr(b'\n', text.as_bytes().get(last..cell.offset).unwrap_or_default()).is_some() {
                line += 1;
                if line == k {
                    return false;
                }
            }
        }
        read[line].push(*cell);
    }
    if line + 1 != k || !read.iter().all(|r| r.len() == n && cells_add_up(r)) {
        return false;
    }
    for (&r, cells) in rows.iter().zip(read) {
        out[r].cells = cells;
    }
    out[at].cells.extend(rest);
    true
}

/// The numbers of the row after `at` (`next`, with whether it is the table's
/// last) but its first printed before its label, after `at`'s own, its first
/// on or after its label's first line (`(七)总计` / `11 0 0 0 0 0 11 0 0 0 0 0
/// 1` / `四、结转下年度` / `1` / `继续办理`): taken where `next` is as many short
/// and both rows add up (rows of zeros all: however they are cut, both rows
/// are zeros). So too the other way about, where only that adds up: `next`'s
/// first columns printed before its label, after `at`'s own (`… 412` / `41` /
/// `二、上年结转` / `2 0 0 1 0 44`); but where `next` holds numbers both
/// between its label's lines and after it (`71 9 1 15 12` / `四、结转下年` /
/// `499` / `度继续办理` / `607`, 499 its first), the sums hold whichever are
/// its first, and it is left unread where the two ways differ. The table's
/// last row may hold more after its first (`四、结转下年` / `6` / `度继续办理` /
/// `0 17 1 2`: a page's PDF prints numbers of rows above after the table): not
/// its own, the 总计 of the rows before `at` (`before`) that a group's label
/// shares a line with where they fit (see [`group_totals`]).
fn next_row_first(
    out: &mut [Row],
    (before, next): (&[usize], Option<(usize, bool)>),
    at: usize,
    n: usize,
    cues: &Cues,
    group_first: GroupFirst,
) -> bool {
    let Some((next, last)) = next else { return false };
    // (Not a row whose label names a place other than the next: a label printed apart.)
    let place = |r: usize| place_of(&out[r], cues);
    if let (Some(p), Some(q)) = (place(at), place(next)) {
        if q != p + 1 {
            return false;
        }
    }
    let extra = out[at].cells.len() - n;
    let Some(first) = n.checked_sub(extra) else { return false };
    let held = out[next].cells.len();
    if held != first && !(last && first > 0 && held > first) {
        return false;
    }
    if !cells_add_up(&out[at].cells[..n]) {
        return false;
    }
    let (ahead, rest) = (&out[at].cells[n..], &out[next].cells[..first]);
    let first_after: Vec<Cell> = rest.iter().chain(ahead).copied().collect();
    let first_ahead: Vec<Cell> = ahead.iter().chain(rest).copied().collect();
    // (Some of `next`'s between its label's lines and the rest after it: those
    // may be its first columns, `at`'s more the middle ones, as well as after
    // them; the sums hold either way, and tell nothing: `next` is left unread.)
    let label_end = out[next].labels.last().map_or(0, |f| f.offset);
    let within = rest.iter().take_while(|c| c.offset < label_end).count();
    let middle = rest[..within].iter().chain(ahead).chain(&rest[within..]);
    let differ = !middle.map(Cell::number).eq(first_ahead.iter().map(Cell::number));
    if held == first && (1..rest.len()).contains(&within) && differ && cells_add_up(&first_ahead) {
        out[at].cells.truncate(n);
        out[next].cells.clear();
        return true;
    }
    let joined = match (cells_add_up(&first_after), held == first && cells_add_up(&first_ahead)) {
        (true, _) => first_after,
        (false, true) => first_ahead,
        (false, false) => return false,
    };
    let more = out[next].cells[first..].to_vec();
    out[at].cells.truncate(n);
    out[next].cells = joined;
    if !more.is_empty() {
        group_totals(out, before, &more, n, group_first);
    }
    true
}

/// The rows of the template places right after `at`'s whose labels were
/// printed apart with no numbers: before `at`'s (a page's PDF prints
/// `四、结转下年度继续办理` among 三's rows) or after the table's numbers (it
/// prints a group's labels after them: `三、本年度办理 (一)予以公开` /
/// `(二)部分公开`); their numbers a row each after `at`'s own, in the
/// template's order (`(七)总计` / `12 4 0 0 1 0 17 2 0 0 0 0 0 2`), the last
/// of them perhaps holding its first columns on its label's line and its rest
/// last (`… 0 0 0 0 0 3` / `(六)其他处理` / `(七)总计` / `四、结转下年度继续办 3`):
/// taken where each of those places names one such row (among `near`, the
/// rows around `at`) and every row adds up. The rows are listed in `moved` to
/// be moved after `at`, in order.
fn places_after(
    out: &mut [Row],
    near: &[usize],
    at: usize,
    n: usize,
    cues: &Cues,
    moved: &mut Vec<(usize, usize)>,
) -> bool {
    let extra = out[at].cells.len() - n;
    let place = |r: usize| place_of(&out[r], cues);
    let Some(own) = place(at) else { return false };
    // The rows after `at`'s, and the first columns the last holds (none where whole rows).
    let (count, last_held) = match extra % n {
        0 => (extra / n, 0),
        rest => (extra / n + 1, n - rest),
    };
    // (The sums first: the rows whole after `at`'s own.)
    let cells = &out[at].cells;
    let whole = n + (count - usize::from(last_held > 0)) * n;
    let mut read: Vec<Vec<Cell>> = cells[..whole].chunks(n).map(<[Cell]>::to_vec).collect();
    if !read.iter().all(|r| cells_add_up(r)) {
        return false;
    }
    let holds = |r: usize, j: usize| out[r].cells.len() == if j == own + count { last_held } else { 0 };
    let placed = near.iter().filter(|&&r| r != at).filter_map(|&r| place(r).map(|j| (j, r)));
    let apart: Vec<(usize, usize)> = placed.filter(|&(j, r)| holds(r, j)).collect();
    let mut rows = Vec::with_capacity(count);
    for j in own + 1..=own + count {
        let mut named = apart.iter().filter(|a| a.0 == j);
        match (named.next(), named.next()) {
            (Some(&(_, r)), None) => rows.push(r),
            _ => return false,
        }
    }
    if let Some(&last) = rows.last().filter(|_| last_held > 0) {
        let joined: Vec<Cell> = out[last].cells.iter().chain(&out[at].cells[whole..]).copied().collect();
        if !cells_add_up(&joined) {
            return false;
        }
        read.push(joined);
    }
    let mut read = read.into_iter();
    out[at].cells = read.next().unwrap_or_default();
    for (r, cells) in rows.into_iter().zip(read) {
        out[r].cells = cells;
        moved.push((at, r));
    }
    true
}

/// The rows after row `at` (`after`, in order) that print their first columns
/// after their labels, the rest of each printed after `at`'s own numbers, a row
/// at a time (a page's PDF: `1.本机关不掌握相关` / `2` / `0 0 0 0 0 2` / `0 0 1 0 3` /
/// `0 0 0 0 2` / `(四)无法提供` / `2.没有现成信息需要` / `2` / `另行制作` / `0` / …):
/// the rows taken in order, rows of no numbers passed over, until their rests
/// make up what `at` holds past its own; taken where `at` and each row add up
/// (see [`printed_wrong`]).
///
/// A row that a group's label shares a line with (`group_first`), `at` or the
/// last of the rows, may hold a column fewer, its 总计 printed after the table
/// (see [`totals_after_sum`]); the other rows then add up, and read so the
/// numbers fit one way only.
///
/// A row between them that names no place and no item (a group's label beside
/// a tall row's, `(六)其他处理`, with that row's last line and a number) holds
/// a number of the row after it, printed above that row's label: the next
/// after those on its label's line.
fn rests_after_first(out: &mut [Row], after: &[usize], at: usize, n: usize, by: (&Cues, GroupFirst)) -> bool {
    let (cues, group_first) = by;
    // (A row's numbers short of a row after it: nothing to look at.)
    if !after.iter().take(MAX_ROWS).any(|&r| (1..n).contains(&out[r].cells.len())) {
        return false;
    }
    let own_short = group_first(&out[at]);
    // Each way: whether `at`, and whether the last row, is short of its total.
    let ways = [(false, false), (true, false), (false, true), (true, true)];
    // A reading: `at`'s own numbers, the rows whose rests follow them, their
    // numbers, and the rows naming no place whose numbers they took.
    struct Read {
        own: usize,
        rows: Vec<usize>,
        cells: Vec<Vec<Cell>>,
        passed: Vec<usize>,
    }
    let mut found: Option<Read> = None;
    for (at_short, last_short) in ways.into_iter().filter(|&(a, _)| own_short || !a) {
        let own = n - usize::from(at_short);
        let Some(extra) = out[at].cells.len().checked_sub(own).filter(|&e| e > 0) else { continue };
        let mut rows = Vec::new();
        // Each row's first numbers: those after its label, then those of the rows before it naming no place.
        let mut firsts: Vec<Vec<Cell>> = Vec::new();
        let (mut unnamed, mut passed) = (Vec::new(), Vec::new());
        let mut rests = 0;
        let mut last_width = n;
        for &r in after.iter().take(MAX_ROWS).filter(|&&r| !out[r].cells.is_empty()) {
            let carried = unnamed.iter().flat_map(|&u: &usize| out[u].cells.iter().copied());
            let first: Vec<Cell> = out[r].cells.iter().copied().chain(carried).collect();
            if rests >= extra || first.len() >= n {
                break;
            }
            if place_of(&out[r], cues).is_none() && !names_an_item(out[r].label()) {
                unnamed.push(r);
                continue;
            }
            passed.append(&mut unnamed);
            rows.push(r);
            rests += n - first.len();
            firsts.push(first);
            last_width = n;
            let short = || firsts.last().is_some_and(|f| f.len() < n - 1) && group_first(&out[r]);
            if last_short && rests == extra + 1 && short() {
                (rests, last_width) = (extra, n - 1);
            }
        }
        if rests != extra || rows.is_empty() || (last_short && last_width == n) {
            continue;
        }
        if !at_short && !cells_add_up(&out[at].cells[..n]) {
            continue;
        }
        let mut rest = out[at].cells[own..].iter().copied();
        let width = |k: usize| if k + 1 == rows.len() { last_width } else { n };
        let mut read: Vec<Vec<Cell>> = Vec::with_capacity(rows.len());
        for (k, first) in firsts.iter().enumerate() {
            read.push(first.iter().copied().chain(rest.by_ref().take(width(k) - first.len())).collect());
        }
        let whole = read.iter().filter(|c| c.len() == n);
        let not_adding = whole.clone().filter(|c| !cells_add_up(c)).count();
        if whole.count() == 0 || not_adding > printed_wrong(rows.len()) {
            continue;
        }
        let numbers = |read: &[Vec<Cell>]| read.iter().flatten().map(Cell::number).collect::<Vec<f64>>();
        match &found {
            Some(f) if (f.own, &f.rows) != (own, &rows) || numbers(&f.cells) != numbers(&read) => return false,
            Some(_) => {}
            None => found = Some(Read { own, rows, cells: read, passed }),
        }
    }
    let Some(found) = found else { return false };
    out[at].cells.truncate(found.own);
    for r in found.passed {
        out[r].cells.clear();
    }
    for (&r, cells) in found.rows.iter().zip(found.cells) {
        out[r].cells = cells;
    }
    true
}

/// The rests of the rows after row `at` (`after`) printed after `at`'s own, a
/// row at a time, each a column short, and the rows' first columns after them
/// one a row, but not each after its own label (a page's PDF: `4.无正当理由大量`
/// / `0 0 0 0 0 0 0` / `0 0 0 0 0 0` / `0 1 0 0 0 1` / `5.要求行政机关确` /
/// `认或重新出具已获 0` / `取信息` / `0` / `(六)其他处理`): the first numbers after
/// the labels taken in order, one a row. Taken where as many rows as rests
/// follow, each naming its place or item, hold as many numbers between them,
/// and `at` and every one of them add up.
fn one_first_each(out: &mut [Row], after: &[usize], at: usize, n: usize, cues: &Cues) -> bool {
    let extra = out[at].cells.len().saturating_sub(n);
    if extra == 0 || extra % (n - 1) != 0 || !cells_add_up(&out[at].cells[..n]) {
        return false;
    }
    let Some(rows) = after.get(..extra / (n - 1)) else { return false };
    let named = |r: &usize| place_of(&out[*r], cues).is_some() || names_an_item(out[*r].label());
    let firsts: Vec<Cell> = rows.iter().flat_map(|&r| out[r].cells.iter().copied()).collect();
    if !rows.iter().all(named) || firsts.len() != rows.len() {
        return false;
    }
    let rests = out[at].cells[n..].chunks(n - 1);
    let read: Vec<Vec<Cell>> = firsts.iter().zip(rests).map(|(f, rest)| [&[*f], rest].concat()).collect();
    if !read.iter().all(|r| cells_add_up(r)) {
        return false;
    }
    out[at].cells.truncate(n);
    for (&r, cells) in rows.iter().zip(read) {
        out[r].cells = cells;
    }
    true
}

/// The numbers of the row before `at` (the last of `before`), its label alone
/// with none, printed within `at`'s own, after its first ones (`(七)总计` /
/// `四、结转下年度` / `2` / `继续办理` / `42 7 0 0 0 1 50` / `1 0 0 0 0 3`, a page's
/// PDF): taken where the row before names the place before `at`'s and one way
/// of cutting them alone makes both rows add up (or every way the same rows),
/// and, where the rows are (七)总计 and 四 and 一 and 二 stand whole above,
/// leaves what those hold in each column but one at most (a number printed
/// wrong) as the two rows' sum.
fn previous_within(out: &mut [Row], before: &[usize], at: usize, n: usize, cues: &Cues) -> bool {
    let Some(&previous) = before.last() else { return false };
    if out[at].cells.len() != 2 * n || !out[previous].cells.is_empty() {
        return false;
    }
    let place = |r: usize| place_of(&out[r], cues);
    let last = match (place(previous), place(at)) {
        (Some(p), Some(q)) if p + 1 == q => q + 1 == cues.rows,
        _ => return false,
    };
    let cells = &out[at].cells;
    // Cut after `at`'s first `k`: the row before's, then the rest of `at`'s.
    let cut = |k: usize| -> (Vec<Cell>, Vec<Cell>) {
        let own = cells[..k].iter().chain(&cells[k + n..]).copied().collect();
        (cells[k..k + n].to_vec(), own)
    };
    let numbers = |(a, b): &(Vec<Cell>, Vec<Cell>)| a.iter().chain(b).map(Cell::number).collect::<Vec<f64>>();
    // What 一 and 二 hold in each column, where both stand whole above ((七) and 四 the rows).
    let whole = |p: usize| before.iter().rev().copied().find(|&r| place(r) == Some(p) && out[r].cells.len() == n);
    let received: Option<Vec<f64>> = whole(0)
        .filter(|_| last)
        .zip(whole(1))
        .map(|(a, b)| (0..n).map(|c| out[a].cells[c].number() + out[b].cells[c].number()).collect());
    let balanced = |a: &[Cell], b: &[Cell]| {
        received.as_ref().is_none_or(|r| (0..n).filter(|&c| a[c].number() + b[c].number() != r[c]).count() <= 1)
    };
    let ways: Vec<(Vec<Cell>, Vec<Cell>)> =
        (0..=n).map(cut).filter(|(a, b)| cells_add_up(a) && cells_add_up(b) && balanced(a, b)).collect();
    let Some(first) = ways.first() else { return false };
    if ways.iter().any(|w| numbers(w) != numbers(first)) {
        return false;
    }
    let (theirs, own) = ways.into_iter().next().unwrap_or_default();
    out[previous].cells = theirs;
    out[at].cells = own;
    true
}

/// Rows of numbers under a group's label that names no row (`(五)不予处理` /
/// `1 0 0 0 0 0 1`, a page's PDF), where the row whose place follows the row
/// before them had its label printed apart with no numbers (`2.重复申请`, after
/// the table's numbers): that row's, where they add up and the next row read
/// is the one after that place. They take its label; its line stays a label.
fn named_apart<'a>(out: &mut [Row<'a>], built: &[usize], n: usize, cues: &Cues) {
    let place = |out: &[Row], r: usize| place_of(&out[r], cues);
    for (i, &x) in built.iter().enumerate() {
        if out[x].cells.len() != n || place(out, x).is_some() || !cells_add_up(&out[x].cells) {
            continue;
        }
        let numbered = |r: &&usize| !out[**r].cells.is_empty();
        let before = built[..i].iter().rev().take(MAX_ROWS).filter(numbered).find_map(|&r| place(out, r));
        let after = built[i + 1..].iter().take(MAX_ROWS).filter(numbered).find_map(|&r| place(out, r));
        let (Some(p), Some(q)) = (before, after) else { continue };
        if q != p + 2 {
            continue;
        }
        let mut apart = around(built, i).iter().filter(|&&r| out[r].cells.is_empty() && place(out, r) == Some(p + 1));
        if let (Some(&e), None) = (apart.next(), apart.next()) {
            let cells = std::mem::take(&mut out[x].cells);
            out[x] = out[x].with_labels(out[e].labels.clone(), cells);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::numbers_first::first_named;
    use super::super::numbers_first::tests::{get, lines, requests, HEAD};
    use crate::extract::cells::rows;

    #[test]
    fn a_row_s_first_number_between_its_label_s_lines_is_the_row_s() {
        // A page's table printed to PDF, by plain `pdftotext`.
        let text = format!(
            "{HEAD}一、本年新收政府信息\n25\n公开申请数量\n{}二、上年结转政府信息\n3\n公开申请数量\n{}\
             三、本年度办理结果\n(一)予以公开\n{}(三)不予公开\n1.属于国\n家秘密\n{}2.其他法律行政法\n1\n规禁止公开\n{}",
            lines(&[3, 0, 0, 3, 0, 31]),
            lines(&[0, 0, 0, 0, 0, 3]),
            lines(&[13, 1, 0, 0, 0, 0, 14]),
            lines(&[0; 7]),
            lines(&[0, 0, 0, 0, 0, 1]),
        );
        let r = requests(&text);
        assert_eq!(get(&r, "new_received"), [25, 3, 0, 0, 3, 0, 31]);
        // The first row's name run over two lines (`一、本年新` / `收政府信息`).
        let split = text.replace("一、本年新收政府信息\n25\n", "一、本年新\n收政府信息\n25\n");
        assert_eq!(get(&requests(&split), "new_received"), [25, 3, 0, 0, 3, 0, 31]);
        assert_eq!(get(&r, "carried_over"), [3, 0, 0, 0, 0, 0, 3]);
        assert_eq!(get(&r, "granted"), [13, 1, 0, 0, 0, 0, 14]);
        assert_eq!(get(&r, "denied_state_secret"), [0; 7]);
        assert_eq!(get(&r, "denied_law_prohibited"), [1, 0, 0, 0, 0, 0, 1]);
    }

    #[test]
    fn a_row_s_rest_after_the_results_band_s_label_is_the_row_s() {
        // A page's PDF: 二's first number between its label's lines, the band's label
        // `三、本年度办理结果` next, then 二's other numbers; a row a number short of its
        // total (its 总计 printed after the table) then a row's first between its lines.
        let text = format!(
            "{HEAD}一、本年新收政府信息\n25\n公开申请数量\n{}二、上年结转政府信息公\n1\n开申请数量\n\
             三、本年度办理结果\n{}(一)予以公开\n{}(二)部分公开\n{}(三)不予公开\n1.属于国\n家秘密\n{}\
             2.其他法律行政法\n1\n规禁止公开\n{}",
            lines(&[3, 0, 0, 3, 0, 31]),
            lines(&[0, 0, 0, 0, 0, 1]),
            lines(&[13, 1, 0, 0, 0, 0, 14]),
            lines(&[2, 0, 0, 0, 0, 0, 2]),
            lines(&[1, 0, 0, 0, 0, 0]),
            lines(&[0, 0, 0, 0, 0, 1]),
        );
        let r = requests(&text);
        assert_eq!(get(&r, "carried_over"), [1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(get(&r, "granted"), [13, 1, 0, 0, 0, 0, 14]);
        assert_eq!(get(&r, "partially_granted"), [2, 0, 0, 0, 0, 0, 2]);
        // (Not a row whose label's first line names no row: its first number is its own.)
        assert_eq!(get(&r, "denied_law_prohibited"), [1, 0, 0, 0, 0, 0, 1]);
    }

    #[test]
    fn a_row_s_numbers_a_few_a_line_after_the_results_band_s_wrapped_label_are_the_row_s() {
        // A page's PDF: 二's label, then the band's over two lines (`三、本年度办` /
        // `理结果`), then 二's numbers a few a line, then (一)'s label and numbers.
        // (一)'s 总计 printed later, under (三)'s first row's label.
        let text = "三、收到和处理政府信息公开申请情况\n(本列数据的勾\n稽关系为:第\n一项加第二项\n申请人情况\n之和,等于第\n\
             三项加第四项\n之和)\n自然人\n\n商业企业\n\n科研机构\n\n社会\n法律服务\n公益\n其他 总计\n机构\n组织\n\n\
             一、本年新收\n政府信息公开\n申请数量\n\n11\n\n1\n\n—— ——\n\n—— 1\n\n13\n\n二、上年结转\n\
             政府信息公开\n申请数量\n三、本年度办\n理结果\n\n2\n\n——\n\n—— ——\n\n—— —— 2\n\n(一)予以公开\n\n6\n\n\
             —— ——\n\n—— —— 1\n\n(二)部分公开\n\n——\n\n—— ——\n\n—— ——\n\n(三)不予公开\n\n1.属于国家秘密\n\n\
             —— ——\n\n7\n\n— —\n— —\n— — —\n—— ——\n";
        let r = requests(text);
        assert_eq!(get(&r, "new_received"), [11, 1, 0, 0, 0, 1, 13]);
        assert_eq!(get(&r, "carried_over"), [2, 0, 0, 0, 0, 0, 2]);
        assert!(!r.requests.iter().any(|f| f.row == "granted" && f.count == 2), "{:?}", r.requests);
    }

    #[test]
    fn a_row_s_numbers_after_a_later_row_s_label_printed_among_its_lines_are_the_row_s() {
        // A page's PDF: 四's label printed among 二's lines, 二's numbers after it,
        // 四's after (七)总计's own.
        let text = format!(
            "{HEAD}一、本年新收政府信息\n25\n公开申请数量\n{}二、上年结转政府信息\n公开申请数量\n三、本年度办理结果\n\
             四、结转下年度继续办\n理\n{}(一)予以公开\n{}(七)总计\n{}",
            lines(&[3, 0, 0, 3, 0, 31]),
            lines(&[4, 0, 0, 0, 0, 0, 4]),
            lines(&[13, 2, 0, 0, 1, 1, 17]),
            lines(&[30, 3, 0, 0, 2, 1, 36, 6, 0, 0, 0, 0, 0, 6]),
        );
        let r = requests(&text);
        assert_eq!(get(&r, "carried_over"), [4, 0, 0, 0, 0, 0, 4]);
        assert_eq!(get(&r, "granted"), [13, 2, 0, 0, 1, 1, 17]);
        assert_eq!(get(&r, "total_processed"), [30, 3, 0, 0, 2, 1, 36]);
        assert_eq!(get(&r, "carried_forward"), [6, 0, 0, 0, 0, 0, 6]);
        // Not a row as far ahead as the rows started since the last named: a group's
        // rows whose labels' first lines name none (a Word table's narrow column).
        let text = format!(
            "{HEAD}一、本年新收政府信息\n25\n公开申请数量\n{}三、本年度办理结果\n(三)不\n予公开\n1.属于国家秘密 {}\
             2.其他法律行政\n法规禁止公开\n{}3.危及\"三安全一\n稳定\"\n{}4.保护第三方合\n法权益\n{}\
             (四)无\n法提供\n1.本机关不掌握\n相关政府信息\n{}2.没有现成信息\n需要另行制作\n{}",
            lines(&[3, 0, 0, 3, 0, 31]),
            "27 3 0 0 1 0 31\n",
            lines(&[24, 3, 0, 0, 1, 0, 28]),
            lines(&[23, 2, 1, 0, 1, 0, 27]),
            lines(&[22, 1, 0, 0, 1, 1, 25]),
            lines(&[412, 36, 5, 1, 16, 11, 481]),
            lines(&[95, 10, 1, 2, 3, 2, 113]),
        );
        let r = requests(&text);
        assert_eq!(get(&r, "unable_not_held"), [412, 36, 5, 1, 16, 11, 481]);
        assert_eq!(get(&r, "unable_needs_creation"), [95, 10, 1, 2, 3, 2, 113]);
    }

    #[test]
    fn a_band_s_rests_then_rows_whose_labels_come_after_are_read_in_turn() {
        // A page's PDF: 一's and 二's first numbers on their labels' lines, their
        // rests a row at a time after 二's, then (一)'s and (二)'s numbers, whose
        // labels come after the table's numbers.
        let text = |partial: &[i64]| {
            format!(
                "{HEAD}一、本年新收政\n府信息公开申请 36\n数量\n二、上年结转政 2\n府信息公开申请\n{}数量\n{}{}\
                 1.属于国家秘密\n{}三、本年度办理 (一)予以公开\n结果\n(二)部分公开\n(三)不予公开\n",
                lines(&[1, 0, 1, 4, 0, 42, 0, 0, 0, 0, 0, 2]),
                lines(&[9, 0, 0, 1, 3, 0, 13]),
                lines(partial),
                lines(&[0; 7]),
            )
        };
        let r = requests(&text(&[5, 0, 0, 0, 0, 0, 5]));
        assert_eq!(get(&r, "new_received"), [36, 1, 0, 1, 4, 0, 42]);
        assert_eq!(get(&r, "carried_over"), [2, 0, 0, 0, 0, 0, 2]);
        assert_eq!(get(&r, "granted"), [9, 0, 0, 1, 3, 0, 13]);
        assert_eq!(get(&r, "partially_granted"), [5, 0, 0, 0, 0, 0, 5]);
        assert_eq!(get(&r, "denied_state_secret"), [0; 7]);
        // Rows after that do not add up are not taken.
        let r = requests(&text(&[5, 0, 0, 0, 0, 0, 6]));
        assert_eq!(get(&r, "granted"), [-1; 7]);
        assert_eq!(get(&r, "partially_granted"), [-1; 7]);
    }

    #[test]
    fn two_rows_numbers_printed_among_each_other_are_neither_row_s() {
        // A page's PDF of the shortened form, (三)'s label in a tall cell: 1.'s and 2.'s
        // numbers among each other (2.'s first, 1.'s first and second, 2.'s second and
        // total), 1.'s total after 2.'s label's first line.
        let text = |secret: &str, law: &str| {
            format!(
                "三、收到和处理政府信息公开申请情况\n(本列数据的勾 申请人情况\n自然人\n法人或其他组 总计\n织\n\
                 一、本年新收政府信息\n1423\n公开申请数量\n280\n1703\n二、上年结转政府信息\n114\n公开申请数量\n14\n\
                 128\n三、本年度办理结果\n(一)予以公开\n617\n108\n725\n(二)部分公开\n123\n31\n154\n(三)不予公开\n\
                 1.属于国家秘密\n{secret}2.其他法律行政法规禁止公\n{law}开\n3.危及\"三安全一稳定\"\n10\n4\n14\n"
            )
        };
        let r = requests(&text("8\n13\n3\n5\n13\n", "16\n"));
        assert_eq!(get(&r, "denied_state_secret"), [-1; 7]);
        assert_eq!(get(&r, "denied_law_prohibited"), [-1; 7]);
        assert_eq!(get(&r, "denied_security_stability"), [10, -1, -1, -1, -1, -1, 14]);
        // Each row's own after its label: read.
        let r = requests(&text("13\n3\n16\n", "8\n"));
        assert_eq!(get(&r, "denied_law_prohibited")[0], 8);
        // Two rows' numbers all 0: whichever is whose, each 0.
        let r = requests(&text("0\n0\n0\n0\n0\n", "0\n"));
        assert_eq!(get(&r, "denied_law_prohibited")[0], 0);
    }

    #[test]
    fn a_row_of_the_shortened_form_whose_total_is_less_than_a_part_is_not_read() {
        // A page's PDF: (二)'s total after (三)1.'s first, (三)1.'s own total printed apart.
        let text = |secret: &str| {
            format!(
                "三、收到和处理政府信息公开申请情况\n(本列数据的勾 申请人情况\n自然人\n法人或其他组 总计\n织\n\
                 一、本年新收政府信息\n1423\n公开申请数量\n280\n1703\n二、上年结转政府信息\n114\n公开申请数量\n14\n\
                 128\n三、本年度办理结果\n(一)予以公开\n617\n108\n725\n(二)部分公开\n112\n21\n(三)不予公开\n\
                 1.属于国家秘密 {secret}2.其他法律行政法规禁止\n15\n公开\n1\n16\n"
            )
        };
        let r = requests(&text("8\n133\n5\n"));
        assert_eq!(get(&r, "denied_state_secret"), [-1; 7]);
        assert_eq!(get(&r, "denied_law_prohibited"), [15, -1, -1, -1, -1, -1, 16]);
        // A total as great as its parts: read.
        let r = requests(&text("8\n5\n13\n"));
        assert_eq!(get(&r, "denied_state_secret"), [8, -1, -1, -1, -1, -1, 13]);
    }

    #[test]
    fn a_group_s_first_row_s_total_under_its_heading_the_next_row_s_up_among_its_numbers() {
        // A page's PDF of a group in a tall cell: (四)1's numbers, then 2's 总计,
        // the groups' labels, (四)'s heading with 1's 总计 under it, 2's others.
        let text = |under: i64| {
            format!(
                "{HEAD}一、本年新收政府信息\n100\n公开申请数量\n{}1.本机关不掌握相\n69\n关政府信息\n{}\
                 三、本年度办 (一)予以公开\n理结果\n(二)部分公开\n(三)不予公开\n(四)无法提供\n{under}\n\
                 2.没有现成信息需要\n18\n另行制作\n{}3.补正后申请内容仍\n23\n不明确\n—\n—\n—\n—\n— 23\n\
                 (五)不予处理\n",
                lines(&[3, 0, 0, 3, 0, 106]),
                lines(&[2, 0, 0, 4, 1, 25]),
                lines(&[3, 1, 0, 2, 1]),
            )
        };
        let r = requests(&text(76));
        assert_eq!(get(&r, "unable_not_held"), [69, 2, 0, 0, 4, 1, 76]);
        assert_eq!(get(&r, "unable_needs_creation"), [18, 3, 1, 0, 2, 1, 25]);
        assert_eq!(get(&r, "unable_unclear"), [23, 0, 0, 0, 0, 0, 23]);
        // A number under the heading that is not the row's sum: the rows as printed
        // (the checks flag the sum that does not hold).
        let r = requests(&text(77));
        assert_eq!(get(&r, "unable_not_held")[6], 25);
        assert_eq!(get(&r, "unable_needs_creation")[6], -1);
    }

    #[test]
    fn group_first_rows_totals_under_a_later_group_s_heading_are_theirs() {
        // A page's PDF: the rows a group's label shares a line with, a column short,
        // their 总计 cells under (六)'s heading, printed after its first row's numbers.
        let text = |totals: &[i64]| {
            format!(
                "{HEAD}一、本年新收政府信息\n25\n公开申请数量\n{}(三)不予公开 1.属于国家秘密\n3\n{}\
                 2.其他法律行政法\n1\n规禁止公开\n{}1.申请人无正当理 10\n由逾期不补正\n{}(六)其他处理\n{}\
                 2.申请人逾期未按收\n5\n费通知要求缴纳费\n{}",
                lines(&[3, 0, 0, 3, 0, 31]),
                lines(&[0, 0, 0, 0, 0]),
                lines(&[0, 0, 0, 0, 0, 1]),
                lines(&[2, 0, 0, 0, 0]),
                lines(totals),
                lines(&[0, 0, 0, 0, 0, 5]),
            )
        };
        let r = requests(&text(&[3, 12]));
        assert_eq!(get(&r, "denied_state_secret"), [3, 0, 0, 0, 0, 0, 3]);
        assert_eq!(get(&r, "other_overdue_correction"), [10, 2, 0, 0, 0, 0, 12]);
        assert_eq!(get(&r, "other_overdue_fee"), [5, 0, 0, 0, 0, 0, 5]);
        // Not numbers that are not those rows' sums.
        let r = requests(&text(&[3, 13]));
        assert_eq!(get(&r, "other_overdue_correction")[6], -1);
    }

    #[test]
    fn rows_whose_labels_come_after_the_last_holding_its_first_take_theirs_in_their_place() {
        // A page's PDF: (五)5.'s label over three lines, its first on the second; its
        // rest, then (六)'s rows', (七)'s and 四's but its first, then their labels, 四's
        // with its first.
        let text = format!(
            "{HEAD}一、本年新收政府信息\n25\n公开申请数量\n{}5.要求行政机关确\n认或重新出具已获 1\n取信息\n{}\
             (六)其他处理 1.申请人无正当理由逾期不补正\n2.申请人逾期未按收费\n3.其他\n(七)总计\n\
             四、结转下年度继续办 3\n理\n",
            lines(&[3, 0, 0, 3, 0, 31]),
            lines(&[
                0, 0, 0, 0, 0, 1, // (五)5.
                1, 0, 0, 0, 0, 0, 1, // (六)1.
                0, 0, 0, 0, 0, 0, 0, // (六)2.
                2, 0, 0, 0, 1, 0, 3, // (六)3.
                55, 7, 0, 1, 5, 2, 70, // (七)
                0, 0, 0, 0, 0, 3, // 四
            ]),
        );
        let r = requests(&text);
        assert_eq!(get(&r, "rejected_confirmation"), [1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(get(&r, "other_overdue_correction"), [1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(get(&r, "other_misc"), [2, 0, 0, 0, 1, 0, 3]);
        assert_eq!(get(&r, "total_processed"), [55, 7, 0, 1, 5, 2, 70]);
        assert_eq!(get(&r, "carried_forward"), [3, 0, 0, 0, 0, 0, 3]);
    }

    /// 表三 from a page's PDF whose first two results' numbers come a column at
    /// a time, a line a row, the columns apart by blank lines, a line holding a
    /// row's last two: `across` them, put where `results` (the labels around
    /// them up to (三)'s) says `{across}`.
    fn across_table(results: &str, across: &str) -> String {
        format!(
            "{HEAD}一、本年新收政府信息\n25\n公开申请数量\n{}二、上年结转政府信息\n2\n公开申请数量\n{}{}\
             (三)不予公开\n1.属于国\n家秘密\n{}",
            lines(&[3, 0, 0, 3, 0, 31]),
            lines(&[1, 0, 0, 0, 0, 3]),
            results.replace("{across}", across),
            lines(&[0, 0, 0, 0, 0, 0]),
        )
    }

    /// The two rows read line by line from [`across_table`] as `results` lays
    /// them out, and not where a column's block holds a line more than the rows.
    fn read_across(results: &str) {
        let r = requests(&across_table(results, "17\n9\n\n1\n1\n\n0\n0\n\n0\n0\n\n1\n0\n\n1 20\n0 10"));
        assert_eq!(get(&r, "granted"), [17, 1, 0, 0, 1, 1, 20]);
        assert_eq!(get(&r, "partially_granted"), [9, 1, 0, 0, 0, 0, 10]);
        assert_eq!(get(&r, "denied_state_secret"), [0; 7]);
        let r = requests(&across_table(results, "17\n9\n\n1\n1\n0\n\n0\n\n0\n0\n\n1\n0\n\n1 20\n0 10"));
        assert_eq!(get(&r, "granted"), [-1; 7]);
    }

    #[test]
    fn rows_printed_a_column_at_a_time_a_line_each_are_read_line_by_line() {
        // A page's PDF at a page's end: two rows' labels, then their numbers.
        let results = "三、本年度办理 (一)予以公开\n结果\n(二)部分公开\n\n{across}\n\n";
        read_across(results);
        // Numbers after them, past a blank line, short of a row (the next row's, its label
        // printed later): the rows read all the same.
        let more = "17\n9\n\n1\n1\n\n0\n0\n\n0\n0\n\n1\n0\n\n1 20\n0 10\n\n3\n\n1\n\n4";
        let r = requests(&across_table(results, more));
        assert_eq!(get(&r, "granted"), [17, 1, 0, 0, 1, 1, 20]);
        assert_eq!(get(&r, "partially_granted"), [9, 1, 0, 0, 0, 0, 10]);
    }

    #[test]
    fn a_row_s_numbers_and_the_next_row_s_a_column_at_a_time_before_its_label_are_read_line_by_line() {
        // A page's PDF: the band's label on a line of its own, (一)'s, then its numbers
        // and (二)'s, (二)'s label after them, then 四's (its numbers after the table's).
        read_across("三、本年度办理结果\n\n(一)予以公开\n\n{across}\n\n(二)部分公开\n\n四、结转下年度继续办\n理\n\n");
    }

    #[test]
    fn the_next_row_s_numbers_before_its_label_its_first_after_the_label_s_first_line() {
        // A page's table printed to PDF: 四's numbers but its first after (七)'s, a
        // number a line between blank lines, the last two of a row on one line.
        let spaced = |v: &[i64]| v.iter().map(|n| format!("\n\n{n}")).collect::<String>();
        let row = |v: &[i64]| format!("{} {}", spaced(&v[..6]), v[6]);
        let text = |forward: &[i64]| {
            format!(
                "三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n\n商业企业\n科研机构\n社会公益组织\n\
                 法律服务机构\n其他 总计\n\n一、本年新收政府信息\n公开申请数量{}\n\n(七)总计{}{}\n\n\
                 四、结转下年度\n\n{}\n\n继续办理\n\n四、政府信息公开行政复议、行政诉讼情况\n",
                row(&[20, 1, 0, 0, 0, 0, 21]),
                row(&[11, 0, 0, 0, 0, 0, 11]),
                spaced(&forward[1..]),
                forward[0]
            )
        };
        let r = requests(&text(&[9, 1, 0, 0, 0, 0, 10]));
        assert_eq!(get(&r, "total_processed"), [11, 0, 0, 0, 0, 0, 11]);
        assert_eq!(get(&r, "carried_forward"), [9, 1, 0, 0, 0, 0, 10]);
        // Where the rows do not add up so, the next is not read (the row, adding
        // up to a total not 0, is).
        let r = requests(&text(&[9, 1, 0, 0, 0, 0, 12]));
        assert_eq!(get(&r, "total_processed"), [11, 0, 0, 0, 0, 0, 11]);
        // (Its one number, between its label's lines, its first.)
        assert_eq!(get(&r, "carried_forward"), [9, -1, -1, -1, -1, -1, -1]);
        // Numbers of rows above printed after the table's last row: not its own.
        let junk = text(&[9, 1, 0, 0, 0, 0, 10]).replace("继续办理\n", "继续办理\n\n0\n\n17\n\n1\n\n2\n");
        let r = requests(&junk);
        assert_eq!(get(&r, "total_processed"), [11, 0, 0, 0, 0, 0, 11]);
        assert_eq!(get(&r, "carried_forward"), [9, 1, 0, 0, 0, 0, 10]);
        // Not a row whose label names a later place (printed apart, among 三's rows).
        let apart = format!(
            "{HEAD}一、本年新收政府信息\n3\n公开申请数量\n{}1.属于国家秘密\n2.其他法律行政法规禁止公\n0\n开\n{}\
             四、结转下年度继续办理\n3.危及\"三安全一稳定\"\n{}4.保护第三方合法权益\n{}",
            lines(&[0, 0, 0, 0, 0, 3]),
            lines(&[0; 13]),
            lines(&[0; 7]),
            lines(&[0; 7]),
        );
        let r = requests(&apart);
        assert_eq!(get(&r, "carried_forward"), [-1; 7]);
        assert_eq!(get(&r, "denied_security_stability"), [0; 7]);
        assert_eq!(get(&r, "denied_third_party"), [0; 7]);
        // An empty year's table: zeros however they are cut.
        let zeros = text(&[0; 7]).replace("11", "0");
        let r = requests(&zeros);
        assert_eq!(get(&r, "total_processed"), [0; 7]);
        assert_eq!(get(&r, "carried_forward"), [0; 7]);
    }

    #[test]
    fn the_next_row_s_first_after_a_row_s_own_before_its_label() {
        // A page's table printed to PDF: 二's first number after 一's, above 二's
        // label, its others after the label.
        let text = |over: &[i64], between: bool| {
            let label = "二、上年结转政府信息\n公开申请数量\n";
            let second = format!("{}\n", over[1]);
            let label = match between {
                true => label.replacen('\n', &format!("\n{second}"), 1),
                false => label.to_string() + &second,
            };
            format!(
                "{HEAD}一、本年新收政府信息\n346\n公开申请数量\n{}{}\n{label}{}\
                 三、本年度办理结果\n(一)予以公开\n{}(二)部分公开\n{}",
                lines(&[29, 2, 2, 23, 10, 412]),
                over[0],
                lines(&over[2..]),
                lines(&[387, 31, 2, 2, 24, 10, 456]),
                lines(&[0; 7]),
            )
        };
        let r = requests(&text(&[41, 2, 0, 0, 1, 0, 44], false));
        assert_eq!(get(&r, "new_received"), [346, 29, 2, 2, 23, 10, 412]);
        assert_eq!(get(&r, "carried_over"), [41, 2, 0, 0, 1, 0, 44]);
        assert_eq!(get(&r, "granted"), [387, 31, 2, 2, 24, 10, 456]);
        // Not where 二 does not add up so.
        let r = requests(&text(&[41, 2, 0, 0, 1, 0, 45], false));
        assert_ne!(get(&r, "carried_over"), [41, 2, 0, 0, 1, 0, 45]);
        // Its second between its label's lines (`四、结转下年` / `499` / `度继续办理`
        // / `607` after `71 9 1 15 12`, 499 its first): which of those before the
        // label and that one are its first is not told, and the row is not read.
        let r = requests(&text(&[41, 2, 0, 0, 1, 0, 44], true));
        assert_eq!(get(&r, "new_received"), [346, 29, 2, 2, 23, 10, 412]);
        assert_eq!(get(&r, "carried_over"), [-1; 7]);
        assert!(r.issues.iter().any(|i| i.code == "rows_missing" && i.detail.contains("carried_over")));
        // But where either way gives the same numbers.
        let r = requests(&text(&[2, 2, 0, 0, 1, 0, 5], true));
        assert_eq!(get(&r, "carried_over"), [2, 2, 0, 0, 1, 0, 5]);
    }

    #[test]
    fn a_row_s_total_printed_after_the_next_row_s_whole_row() {
        // A page's table printed to PDF: 一's total after 二's numbers.
        let text = |total: i64| {
            format!(
                "{HEAD}一、本年新收政府信息\n240\n公开申请数量\n{}二、上年结转政府信息\n14\n公开申请数量\n{}{total}\n\
                 三、本年度办理结果\n(一)予以公开\n{}(二)部分公开\n{}",
                lines(&[15, 6, 3, 11, 11]),
                lines(&[1, 0, 0, 1, 0, 16]),
                lines(&[254, 16, 6, 3, 12, 11, 302]),
                lines(&[0; 7]),
            )
        };
        let r = requests(&text(286));
        assert_eq!(get(&r, "new_received"), [240, 15, 6, 3, 11, 11, 286]);
        assert_eq!(get(&r, "carried_over"), [14, 1, 0, 0, 1, 0, 16]);
        assert_eq!(get(&r, "granted"), [254, 16, 6, 3, 12, 11, 302]);
        // Not a number that is not the row's sum.
        let r = requests(&text(285));
        assert_ne!(get(&r, "new_received"), [240, 15, 6, 3, 11, 11, 285]);
    }

    #[test]
    fn a_later_row_s_label_printed_early_takes_its_numbers_after_the_row_that_held_them() {
        // A page's table printed to PDF: 四's label among 三's rows, its numbers
        // after (七)'s own.
        let text = |forward: &[i64]| {
            format!(
                "{HEAD}一、本年新收政府信息\n14\n公开申请数量\n{}二、上年结转政府信息\n0\n公开申请数量\n{}\
                 三、本年度办理结果\n(一)予以公开\n{}四、结转下年度继续办\n理\n(二)部分公开\n{}(七)总计\n{}{}",
                lines(&[4, 0, 0, 1, 0, 19]),
                lines(&[0; 6]),
                lines(&[6, 3, 0, 0, 1, 0, 10]),
                lines(&[1, 1, 0, 0, 0, 0, 2]),
                lines(&[12, 4, 0, 0, 1, 0, 17]),
                lines(forward),
            )
        };
        let r = requests(&text(&[2, 0, 0, 0, 0, 0, 2]));
        assert_eq!(get(&r, "granted"), [6, 3, 0, 0, 1, 0, 10]);
        assert_eq!(get(&r, "partially_granted"), [1, 1, 0, 0, 0, 0, 2]);
        assert_eq!(get(&r, "total_processed"), [12, 4, 0, 0, 1, 0, 17]);
        assert_eq!(get(&r, "carried_forward"), [2, 0, 0, 0, 0, 0, 2]);
        // Numbers that do not add up as its row are not taken (the row holding
        // them, adding up to a total not 0, is read).
        let r = requests(&text(&[2, 0, 0, 0, 0, 0, 3]));
        assert_eq!(get(&r, "total_processed"), [12, 4, 0, 0, 1, 0, 17]);
        assert_eq!(get(&r, "carried_forward"), [-1; 7]);
    }

    #[test]
    fn rows_whose_labels_are_printed_after_the_table_s_numbers_take_theirs_in_their_place() {
        // A page's table printed to PDF: (一)'s and (二)'s numbers after 二's, their
        // labels after the table's numbers.
        let text = |granted: &[i64]| {
            format!(
                "{HEAD}一、本年新收政府信息\n2\n公开申请数量\n{}二、上年结转政府信息\n0\n公开申请数量\n{}{}{}\
                 (三)不予公开\n1.属于国家秘密\n{}三、本年度办理 (一)予以公开\n结果\n(二)部分公开\n(七)总计\n{}",
                lines(&[0, 0, 0, 0, 0, 2]),
                lines(&[0; 6]),
                lines(granted),
                lines(&[0; 7]),
                lines(&[0; 7]),
                lines(&[2, 0, 0, 0, 0, 0, 2]),
            )
        };
        let r = requests(&text(&[2, 0, 0, 0, 0, 0, 2]));
        assert_eq!(get(&r, "carried_over"), [0; 7]);
        assert_eq!(get(&r, "granted"), [2, 0, 0, 0, 0, 0, 2]);
        assert_eq!(get(&r, "partially_granted"), [0; 7]);
        assert_eq!(get(&r, "denied_state_secret"), [0; 7]);
        assert_eq!(get(&r, "total_processed"), [2, 0, 0, 0, 0, 0, 2]);
        // Numbers that do not add up as those rows are not taken.
        let r = requests(&text(&[2, 0, 0, 0, 0, 0, 3]));
        assert_eq!(get(&r, "granted"), [-1; 7]);
    }

    #[test]
    fn a_row_s_one_number_goes_to_the_column_whose_sums_hold_with_it() {
        // A page's table printed to PDF: 二's first column alone after its label,
        // the rest nowhere; 一 + 二 = (七) + 四 holds for natural persons with it,
        // not for the totals.
        let text = |over: i64| {
            format!(
                "{HEAD}一、本年新收政府信息\n105\n公开申请数量\n{}二、上年结转政府信息\n{over}\n公开申请数量\n\
                 三、本年度办理结果\n(一)予以公开\n{}(七)总计\n{}四、结转下年度\n17\n继续办理\n{}",
                lines(&[14, 2, 1, 3, 2, 127]),
                lines(&[93, 14, 2, 1, 3, 2, 115]),
                lines(&[93, 14, 2, 1, 3, 2, 115]),
                lines(&[1, 0, 0, 0, 0, 18]),
            )
        };
        let r = requests(&text(5));
        assert_eq!(get(&r, "carried_over"), [5, -1, -1, -1, -1, -1, -1]);
        assert_eq!(get(&r, "total_processed"), [93, 14, 2, 1, 3, 2, 115]);
        // Where the totals add up with it, it is the total (the row's other cells empty).
        assert_eq!(get(&requests(&text(6)), "carried_over"), [-1, -1, -1, -1, -1, -1, 6]);
        // Where neither column adds up with it, it is not read.
        assert_eq!(get(&requests(&text(9)), "carried_over"), [-1; 7]);
    }

    #[test]
    fn numbers_under_a_group_s_label_are_the_row_s_whose_label_was_printed_apart() {
        // A page's table printed to PDF: (五)2's numbers under the group's label,
        // its own label after the table's numbers.
        let text = |duplicate: &[i64], next: &str| {
            format!(
                "{HEAD}一、本年新收政府信息\n3\n公开申请数量\n{}1.信访举报投诉类申请\n{}(五)不予处理\n{}{next}\n{}\
                 2.重复申请\n(六)其他处理\n",
                lines(&[0, 0, 0, 0, 0, 3]),
                lines(&[0; 7]),
                lines(duplicate),
                lines(&[1, 0, 0, 1, 0, 0, 2]),
            )
        };
        let r = requests(&text(&[1, 0, 0, 0, 0, 0, 1], "3.要求提供公开出版物"));
        assert_eq!(get(&r, "rejected_petition"), [0; 7]);
        assert_eq!(get(&r, "rejected_duplicate"), [1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(get(&r, "rejected_publication"), [1, 0, 0, 1, 0, 0, 2]);
        // Not where they do not add up, nor where the row after is not the next place's.
        assert_eq!(get(&requests(&text(&[1, 0, 0, 0, 0, 0, 2], "3.要求提供公开出版物")), "rejected_duplicate"), [-1; 7]);
        assert_eq!(get(&requests(&text(&[1, 0, 0, 0, 0, 0, 1], "4.无正当理由大量反复申请")), "rejected_duplicate"), [-1; 7]);
    }

    #[test]
    fn the_row_before_s_numbers_within_a_row_s_own_after_its_first() {
        // A page's table printed to PDF: (七)'s label alone, its numbers after 四's first.
        let text = |total: i64| {
            format!(
                "{HEAD}一、本年新收政府信息\n45\n公开申请数量\n{}(七)总计\n四、结转下年度\n2\n继续办理\n{}",
                lines(&[8, 0, 0, 0, 1, 54]),
                lines(&[42, 7, 0, 0, 0, 1, total, 1, 0, 0, 0, 0, 3]),
            )
        };
        let r = requests(&text(50));
        assert_eq!(get(&r, "total_processed"), [42, 7, 0, 0, 0, 1, 50]);
        assert_eq!(get(&r, "carried_forward"), [2, 1, 0, 0, 0, 0, 3]);
        // Not where no cut makes both rows add up.
        let r = requests(&text(51));
        assert_eq!(get(&r, "total_processed"), [-1; 7]);
        assert_eq!(get(&r, "carried_forward"), [-1; 7]);
    }

    #[test]
    fn the_row_before_s_numbers_within_a_row_s_own_leave_what_one_and_two_hold() {
        // A page's table printed to PDF: (七)'s label alone, 四's first between its
        // label's lines, then (七)'s and 四's numbers; 一 and 二 whole above.
        let text = |received: &[i64], over: &[i64], printed: &[i64]| {
            format!(
                "{HEAD}一、本年新收政府信息\n{}\n公开申请数量\n{}二、上年结转政府信息\n{}\n公开申请数量\n{}\
                 (七)总计\n四、结转下年度\n{}\n继续办理\n{}",
                received[0],
                lines(&received[1..]),
                over[0],
                lines(&over[1..]),
                printed[0],
                lines(&printed[1..]),
            )
        };
        let (received, over) = ([40, 8, 0, 0, 0, 1, 49], [4, 0, 0, 0, 0, 0, 4]);
        let r = requests(&text(&received, &over, &[2, 42, 7, 0, 0, 0, 1, 50, 1, 0, 0, 0, 0, 3]));
        assert_eq!(get(&r, "total_processed"), [42, 7, 0, 0, 0, 1, 50]);
        assert_eq!(get(&r, "carried_forward"), [2, 1, 0, 0, 0, 0, 3]);
        // (七)'s 总计 printed after 四's numbers: the one cut that makes both rows add
        // up leaves 一 + 二 in no column but one, and is not read.
        let (received, over) = ([222, 23, 6, 2, 7, 8, 268], [7, 0, 0, 0, 0, 0, 7]);
        let r = requests(&text(&received, &over, &[7, 222, 22, 6, 2, 6, 7, 1, 0, 0, 1, 1, 10, 265]));
        assert_ne!(get(&r, "total_processed"), [7, 1, 0, 0, 1, 1, 10]);
        assert_ne!(get(&r, "carried_forward"), [7, 222, 22, 6, 2, 6, 265]);
    }

    #[test]
    fn a_row_s_first_numbers_adding_up_are_its_own_the_rest_other_rows() {
        // A page's table printed to PDF: other rows' totals after (七)'s own.
        let text = |other: &[i64], total: i64| {
            format!(
                "{HEAD}一、本年新收政府信息\n109\n公开申请数量\n{}3.其他\n{}(七)总计\n{}四、结转下年\n1\n度继续办理\n{}",
                lines(&[12, 1, 0, 8, 4, 134]),
                lines(other),
                lines(&[94, 10, 1, 0, 9, 4, total, 1, 14, 1, 1]),
                lines(&[2, 0, 0, 0, 0, 3]),
            )
        };
        let r = requests(&text(&[1, 0, 0, 0, 0, 0, 1], 118));
        assert_eq!(get(&r, "other_misc"), [1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(get(&r, "total_processed"), [94, 10, 1, 0, 9, 4, 118]);
        assert_eq!(get(&r, "carried_forward"), [1, 2, 0, 0, 0, 0, 3]);
        // Not where they do not add up, nor where a row before is short of its
        // numbers (the more may be its).
        assert_eq!(get(&requests(&text(&[1, 0, 0, 0, 0, 0, 1], 119)), "total_processed"), [-1; 7]);
        let r = requests(&text(&[1, 0], 118));
        assert_eq!(get(&r, "total_processed"), [-1; 7]);
        assert_eq!(get(&r, "other_misc"), [-1; 7]);
        // Later rows' rests after them, more than a row's, the next row's label
        // holding its first: theirs where they add up to a total not 0.
        let text = |row: &[i64]| {
            format!(
                "{HEAD}一、本年新收政府信息\n109\n公开申请数量\n{}5.要求行政机关确认\n或重新出具已获取 {}\n信息\n{}\
                 1.申请人无正当理\n由逾期不补正、行\n2\n(六)其他处理\n政机关不再处理其\n",
                lines(&[12, 1, 0, 8, 4, 134]),
                row[0],
                lines(&[&row[1..], &[0, 0, 0, 1, 0, 0, 0, 0, 0, 0]].concat()),
            )
        };
        let r = requests(&text(&[2, 1, 0, 0, 0, 0, 3]));
        assert_eq!(get(&r, "rejected_confirmation"), [2, 1, 0, 0, 0, 0, 3]);
        // (The next row's one number, its label's last lines after the group's
        // heading: its first, the label stopping short of the template's.)
        assert_eq!(get(&r, "other_overdue_correction"), [2, -1, -1, -1, -1, -1, -1]);
        assert_eq!(get(&requests(&text(&[0; 7])), "rejected_confirmation"), [-1; 7]);
    }

    #[test]
    fn the_rests_of_the_rows_after_printed_after_the_first_row_s_own() {
        // A page's table printed to PDF: (四)1's numbers, then the rest of (四)2,
        // (四)3 and (五)1 a row at a time; each of those its first columns after
        // its label, a group's label between.
        let text = |last: i64| {
            format!(
                "{HEAD}一、本年新收政府信息\n3\n公开申请数量\n{}1.本机关不掌握相关\n2\n政府信息\n{}(四)无法提供\n\
                 2.没有现成信息需要\n2\n另行制作\n0\n3.补正后申请内容仍\n2\n0\n三、本年度办理 不明确\n结果\n\
                 1.信访举报投诉类申\n1\n(五)不予处理\n请\n3.要求提供公开出版\n1\n物\n{}",
                lines(&[0, 0, 0, 0, 0, 3]),
                lines(&[0, 0, 0, 0, 0, 2, 0, 0, 1, 0, 3, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, last]),
                lines(&[0, 0, 1, 0, 0, 2]),
            )
        };
        let r = requests(&text(1));
        assert_eq!(get(&r, "unable_not_held"), [2, 0, 0, 0, 0, 0, 2]);
        assert_eq!(get(&r, "unable_needs_creation"), [2, 0, 0, 0, 1, 0, 3]);
        assert_eq!(get(&r, "unable_unclear"), [2, 0, 0, 0, 0, 0, 2]);
        assert_eq!(get(&r, "rejected_petition"), [1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(get(&r, "rejected_publication"), [1, 0, 0, 1, 0, 0, 2]);
        // Rests that make two rows not add up are not theirs (the numbers after
        // the labels are still the rows' first columns).
        let r = requests(&text(2).replace("0\n0\n1\n0\n3\n", "0\n0\n1\n0\n4\n"));
        assert_eq!(get(&r, "unable_needs_creation")[2..], [-1; 5]);
        assert_eq!(get(&r, "unable_unclear")[2..], [-1; 5]);
    }

    #[test]
    fn a_tall_row_s_rest_and_the_next_row_s_before_their_labels_a_group_s_label_between() {
        // A page's table printed to PDF, (六)'s first two rows' labels tall: the
        // numbers of 5 (its first on its label's line), then the rests of (六)1 and
        // (六)2; (六)1's first between its label's lines, the group's label beside
        // them, a number of (六)2 after them, (六)2's first on its label's line.
        let text = |fee: &[i64]| {
            format!(
                "{HEAD}一、本年新收政府信息\n3\n公开申请数量\n{}4.无正当理由大量反\n1\n复申请\n{}\
                 5.要求行政机关确认\n或重新出具已获取信 0\n息\n{}{}{}1.申请人无正当理由\n逾期不补正、行政\n0\n\
                 (六)其他处理\n机关不再处理其政\n府信息公开申请\n{}\n2.申请人逾期未按收 {}\n费通知要求缴纳费\n\
                 用、行政机关不再处\n理其政府信息公开申\n请\n3.其他\n{}(七)总计\n",
                lines(&[0, 0, 0, 0, 0, 3]),
                lines(&[0, 0, 0, 0, 0, 1]),
                lines(&[0; 6]),
                lines(&[0, 0, 0, 0, 1, 1]),
                lines(&fee[2..]),
                fee[1],
                fee[0],
                lines(&[0; 7]),
            )
        };
        let r = requests(&text(&[3, 2, 0, 0, 0, 0, 5]));
        assert_eq!(get(&r, "rejected_excessive"), [1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(get(&r, "rejected_confirmation"), [0; 7]);
        assert_eq!(get(&r, "other_overdue_correction"), [0, 0, 0, 0, 0, 1, 1]);
        assert_eq!(get(&r, "other_overdue_fee"), [3, 2, 0, 0, 0, 0, 5]);
        assert_eq!(get(&r, "other_misc"), [0; 7]);
        // Not where (六)2 does not add up so.
        let r = requests(&text(&[3, 2, 0, 0, 0, 0, 6]));
        assert_ne!(get(&r, "other_overdue_correction"), [0, 0, 0, 0, 0, 1, 1]);
        assert_ne!(get(&r, "other_overdue_fee"), [3, 2, 0, 0, 0, 0, 6]);
    }

    #[test]
    fn the_rests_of_the_rows_after_then_their_firsts_one_a_row() {
        // A page's table printed to PDF: 4's numbers, the rests of 5 and (六)1
        // a row at a time, then 5's first on its label's line and (六)1's after
        // 5's label, above its own.
        let text = |corr: &[i64]| {
            format!(
                "{HEAD}一、本年新收政府信息\n3\n公开申请数量\n{}4.无正当理由大量\n反复申请\n{}{}{}\
                 5.要求行政机关确\n认或重新出具已获 2\n取信息\n{}\n\
                 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\n\
                 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\n{}3.其他\n{}",
                lines(&[0, 0, 0, 0, 0, 3]),
                lines(&[1, 0, 0, 0, 0, 0, 1]),
                lines(&[0, 0, 1, 0, 0, 3]),
                lines(&corr[1..]),
                corr[0],
                lines(&[0; 7]),
                lines(&[0; 7]),
            )
        };
        let r = requests(&text(&[0, 0, 1, 0, 0, 0, 1]));
        assert_eq!(get(&r, "rejected_excessive"), [1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(get(&r, "rejected_confirmation"), [2, 0, 0, 1, 0, 0, 3]);
        assert_eq!(get(&r, "other_overdue_correction"), [0, 0, 1, 0, 0, 0, 1]);
        assert_eq!(get(&r, "other_overdue_fee"), [0; 7]);
        // Not where a row does not add up so.
        let r = requests(&text(&[0, 0, 1, 0, 0, 0, 2]));
        assert_ne!(get(&r, "other_overdue_correction"), [0, 0, 1, 0, 0, 0, 2]);
    }

    /// 表三 as a page's PDF prints it, (四)1 and (五)1 short of their totals:
    /// `sum` what (七)总计's row holds, `under` what 表四's heading has under it.
    fn table(sum: &str, under: &str) -> String {
        format!(
            "{HEAD}一、本年新收政府信息\n30\n公开申请数量\n{}1.本机关不掌握相关\n12\n政府信息\n{}(四)无法提供\n\
             2.没有现成信息需要\n4\n另行制作\n1\n3.补正后申请内容仍\n3\n1\n三、本年度办理 不明确\n结果\n\
             1.信访举报投诉类申\n2\n(五)不予处理\n请\n(七)总计\n{sum}四、政府信息公开行政复议、行政诉讼情况\n{under}行政复议\n",
            lines(&[1, 0, 0, 2, 0, 33]),
            lines(&[1, 0, 0, 2, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 4, 0, 0, 0, 0, 1]),
        )
    }

    #[test]
    fn rows_sharing_a_line_with_a_group_s_label_take_their_totals_from_under_the_next_heading() {
        let sum = lines(&[21, 2, 0, 0, 3, 1, 27]);
        let r = requests(&table(&sum, &lines(&[15, 3])));
        assert_eq!(get(&r, "unable_not_held"), [12, 1, 0, 0, 2, 0, 15]);
        assert_eq!(get(&r, "rejected_petition"), [2, 0, 0, 0, 0, 1, 3]);
        assert_eq!(get(&r, "total_processed"), [21, 2, 0, 0, 3, 1, 27]);
        // As many numbers as the rows short, but not their sums: not taken.
        let r = requests(&table(&sum, &lines(&[3, 15])));
        assert_eq!(get(&r, "unable_not_held")[6], -1);
        assert_eq!(get(&r, "rejected_petition")[6], -1);
        // Or after the first number of the table's last row, the rest of whose
        // numbers come after (七)总计's own.
        let sum_and_rest = lines(&[21, 2, 0, 0, 3, 1, 27, 0, 0, 0, 0, 0, 1]);
        let last = format!("{sum_and_rest}四、结转下年度\n1\n继续办理\n{}", lines(&[15, 3]));
        let r = requests(&table(&last, ""));
        assert_eq!(get(&r, "unable_not_held"), [12, 1, 0, 0, 2, 0, 15]);
        assert_eq!(get(&r, "rejected_petition"), [2, 0, 0, 0, 0, 1, 3]);
        assert_eq!(get(&r, "carried_forward"), [1, 0, 0, 0, 0, 0, 1]);
    }

    #[test]
    fn rows_sharing_a_line_with_a_group_s_label_take_their_totals_from_after_the_sum_row() {
        // A page's table printed to PDF: (四)1 and (五)1, on the lines of their
        // groups' labels, print their 总计 after (七)总计's own numbers; the rest of
        // (四)1's numbers run on with those of (四)2, (四)3 (each its first two
        // after its label) and (五)1.
        let text = |totals: [i64; 2]| table(&lines(&[21, 2, 0, 0, 3, 1, 27, totals[0], totals[1]]), "");
        let r = requests(&text([15, 3]));
        assert_eq!(get(&r, "unable_not_held"), [12, 1, 0, 0, 2, 0, 15]);
        assert_eq!(get(&r, "unable_needs_creation"), [4, 1, 0, 0, 1, 0, 6]);
        assert_eq!(get(&r, "unable_unclear"), [3, 1, 0, 0, 0, 0, 4]);
        assert_eq!(get(&r, "rejected_petition"), [2, 0, 0, 0, 0, 1, 3]);
        assert_eq!(get(&r, "total_processed"), [21, 2, 0, 0, 3, 1, 27]);
        // (七)总计's own printed wrong (28 for 27): the rows' totals are still theirs.
        let r = requests(&table(&lines(&[21, 2, 0, 0, 3, 1, 28, 15, 3]), ""));
        assert_eq!(get(&r, "unable_not_held"), [12, 1, 0, 0, 2, 0, 15]);
        assert_eq!(get(&r, "total_processed"), [21, 2, 0, 0, 3, 1, 28]);
        // Totals that are not the rows' sums are not taken.
        let r = requests(&text([16, 3]));
        assert_eq!(get(&r, "unable_not_held"), [12, 1, 0, 0, 2, 0, -1]);
        assert_eq!(get(&r, "rejected_petition")[6], -1);
        assert_eq!(get(&r, "unable_unclear"), [3, 1, 0, 0, 0, 0, 4]);
    }

    #[test]
    fn a_row_s_label_line_holding_its_first_number_does_not_end_the_label_above() {
        // `5.要求行政机关确` starts its row: the label above names its own.
        let text = format!(
            "{HEAD}一、本年新收政府信息\n3\n公开申请数量\n{}4.无正当理由大量\n反复申请\n{}5.要求行政机关确\n\
             认或重新出具已获 2\n取信息\n2\n",
            lines(&[0, 0, 0, 0, 0, 3]),
            lines(&[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
        );
        let r = requests(&text);
        assert_eq!(get(&r, "rejected_excessive"), [-1; 7]);
        assert_eq!(get(&r, "rejected_confirmation"), [2, 0, 0, 0, 0, 0, 2]);
    }

    #[test]
    fn numbers_after_their_labels_are_read_as_printed() {
        let text = format!(
            "{HEAD}一、本年新收政府信息公开申请数量\n{}二、上年结转政府信息公开申请数量\n{}",
            lines(&[4, 0, 0, 0, 1, 1, 6]),
            lines(&[2, 0, 0, 0, 0, 1, 3]),
        );
        let (_, rs) = rows(&text);
        let first = first_named(&rs, Template::T2021).unwrap();
        assert!(super::super::numbers_first::rebuilt(&rs, first, Template::T2021, 7).is_none());
        assert!(gathered(&text, &rs, first, Template::T2021, 7).is_none());
        assert_eq!(get(&requests(&text), "new_received"), [4, 0, 0, 0, 1, 1, 6]);
    }

    /// Rows as plain `pdftotext` prints a Word table's where the labels come
    /// first: a few numbers a line, the label's later lines after them.
    fn word_rows(rows: &[(&str, &str, &[i64])]) -> String {
        let mut text = String::from(HEAD);
        for (label, more, numbers) in rows {
            text.push_str(label);
            // Wide numbers two or three a line, the others a line each.
            for (i, n) in numbers.iter().enumerate() {
                text.push(if i % 3 == 1 && *n > 9 { ' ' } else { '\n' });
                text.push_str(&n.to_string());
            }
            text.push('\n');
            text.push_str(more);
        }
        text
    }

    #[test]
    fn numbers_a_few_a_line_after_their_label_its_later_lines_after_them() {
        let text = word_rows(&[
            ("一、本年新收政府信息公开申请数量", "", &[2806, 268, 25, 30, 119, 79, 3327]),
            ("二、上年结转政府信息公开申请数量", "", &[162, 5, 4, 4, 16, 2, 193]),
            ("三、本年 (一)予以公开", "度办理结\n果\n", &[1223, 111, 16, 14, 50, 33, 1447]),
            ("(二)部分公开", "", &[276, 28, 3, 3, 16, 4, 330]),
            ("(三)不予 1.属于国家秘密", "公开\n", &[18, 2, 0, 0, 1, 0, 21]),
        ]);
        let r = requests(&text);
        assert_eq!(get(&r, "new_received"), [2806, 268, 25, 30, 119, 79, 3327]);
        assert_eq!(get(&r, "carried_over"), [162, 5, 4, 4, 16, 2, 193]);
        assert_eq!(get(&r, "granted"), [1223, 111, 16, 14, 50, 33, 1447]);
        assert_eq!(get(&r, "partially_granted"), [276, 28, 3, 3, 16, 4, 330]);
        assert_eq!(get(&r, "denied_state_secret"), [18, 2, 0, 0, 1, 0, 21]);
    }

    #[test]
    fn the_total_column_of_the_rows_before_printed_after_the_last_of_them() {
        let text = |totals: &[i64]| {
            let last = [&[7, 0, 0, 1, 0, 0][..], totals].concat();
            word_rows(&[
                ("一、本年新收政府信息公开申请数量", "", &[475, 50, 5, 7, 24, 13]),
                ("二、上年结转政府信息公开申请数量", "", &[10, 0, 0, 2, 0, 0]),
                ("三、本年 (一)予以公开", "度办理结\n果\n", &[203, 19, 2, 0, 12, 4]),
                ("(二)部分公开", "", &last),
                ("(三)不予 1.属于国家秘密", "公开\n", &[18, 2, 0, 0, 1, 0, 21]),
            ])
        };
        let r = requests(&text(&[574, 12, 240, 8]));
        assert_eq!(get(&r, "new_received"), [475, 50, 5, 7, 24, 13, 574]);
        assert_eq!(get(&r, "carried_over"), [10, 0, 0, 2, 0, 0, 12]);
        assert_eq!(get(&r, "partially_granted"), [7, 0, 0, 1, 0, 0, 8]);
        assert_eq!(get(&r, "denied_state_secret"), [18, 2, 0, 0, 1, 0, 21]);
        // One total printed wrong: the run is still theirs (the checks flag the row).
        assert_eq!(get(&requests(&text(&[574, 12, 241, 8])), "granted"), [203, 19, 2, 0, 12, 4, 241]);
        // A run that is not the rows' sums is left: no row takes it.
        assert_eq!(get(&requests(&text(&[574, 13, 241, 8])), "new_received")[6], -1);
    }

    #[test]
    fn a_band_s_columns_after_its_rows_first_columns() {
        // Rows 7, 8 and (四)1 their first column each after their labels, then
        // the band's other columns a run each.
        let text = |columns: &[i64]| {
            word_rows(&[
                ("一、本年新收政府信息公开申请数量", "", &[2806, 268, 25, 30, 119, 79, 3327]),
                ("7.属于行政执法案卷", "", &[19]),
                ("8.属于行政查询事项", "", &[35]),
                ("(四)无法 1.本机关不掌握相关", "提供\n政府信息\n", &[&[498][..], columns].concat()),
                ("2.没有现成信息需要", "另行制作\n", &[126, 17, 3, 4, 3, 5, 158]),
            ])
        };
        let columns = [4, 1, 39, 0, 1, 4, 2, 0, 6, 2, 1, 20, 0, 0, 12, 27, 38, 579];
        let r = requests(&text(&columns));
        assert_eq!(get(&r, "denied_enforcement_case"), [19, 4, 0, 2, 2, 0, 27]);
        assert_eq!(get(&r, "denied_admin_query"), [35, 1, 1, 0, 1, 0, 38]);
        assert_eq!(get(&r, "unable_not_held"), [498, 39, 4, 6, 20, 12, 579]);
        assert_eq!(get(&r, "unable_needs_creation"), [126, 17, 3, 4, 3, 5, 158]);
        // One row of the three not adding up: a number printed wrong (the checks flag it).
        let mut one = columns;
        one[17] = 578;
        assert_eq!(get(&requests(&text(&one)), "unable_not_held"), [498, 39, 4, 6, 20, 12, 578]);
        // Columns that make two rows not add up are no band's: the rows are not read.
        let mut two = one;
        two[15] = 26;
        let r = requests(&text(&two));
        for key in ["denied_enforcement_case", "denied_admin_query", "unable_not_held"] {
            assert_eq!(get(&r, key), [-1; 7], "{key}");
        }
        assert_eq!(get(&r, "unable_needs_creation"), [126, 17, 3, 4, 3, 5, 158]);
    }

    #[test]
    fn a_row_starts_after_a_word_of_the_label_above() {
        let text = word_rows(&[
            ("一、本年新收政府信息公开申请数量", "", &[4, 0, 1, 0, 0, 0, 5]),
            ("三、本年 (一)予以公开", "", &[1, 0, 1, 0, 0, 0, 2]),
            ("度办理结 (二)部分公开", "果\n", &[1, 0, 0, 0, 0, 0, 1]),
            ("(三)不予 1.属于国家秘密", "公开\n", &[0; 7]),
        ]);
        let r = requests(&text);
        assert_eq!(get(&r, "granted"), [1, 0, 1, 0, 0, 0, 2]);
        assert_eq!(get(&r, "partially_granted"), [1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(get(&r, "denied_state_secret"), [0; 7]);
    }

    #[test]
    fn a_page_s_band_its_rows_first_numbers_on_their_labels_lines_then_the_rest_row_by_row() {
        // A web page's table printed to PDF: the first two rows' first numbers
        // on their labels' second lines, the header's words, then the two rows'
        // other numbers, a number a line between blank lines.
        let numbers = |ns: &[i64]| ns.iter().map(|n| format!("{n}\n\n")).collect::<String>();
        let text = format!(
            "{HEAD}一、本年新收\n政府信息公开 89\n申请数量\n二、上年结转 6\n政府信息公开\n\n科研机构\n\n{}申请数量\n\
             (一)予以公开\n\n{}",
            numbers(&[12, 1, 0, 8, 4, 114, 0, 0, 0, 1, 0, 7]),
            numbers(&[45, 3, 0, 0, 3, 2, 53]),
        );
        let r = requests(&text);
        assert_eq!(get(&r, "new_received"), [89, 12, 1, 0, 8, 4, 114]);
        assert_eq!(get(&r, "carried_over"), [6, 0, 0, 0, 1, 0, 7]);
        assert_eq!(get(&r, "granted"), [45, 3, 0, 0, 3, 2, 53]);
    }

    #[test]
    fn narrow_label_cells_side_by_side_are_joined_cell_by_cell() {
        // A group's cell and the row's own, each wrapped, their lines side by
        // side (`三、本年 (一)予以` / `度办理结 公开` / `果`); the rows' 总计 column
        // after the last of them.
        let zeros = "0\n0\n0\n0\n0\n";
        let text = format!(
            "{HEAD}一、本年新 58\n1\n0\n4\n1\n5\n收政府信息\n公开申请数\n量\n二、上年结 4\n{zeros}转政府信息\n公开申请数\n量\n\
             三、本年 (一)予以\n28\n1\n0\n3\n1\n3\n度办理结 公开\n果\n(二)部分 3\n{zeros}公开\n(三)不 1.属于国\n1\n{zeros}\
             予公开 家秘密\n2.其他法 0\n{zeros}律行政法规\n禁止公开\n3.危及\" 0\n{zeros}三安全一稳\n定\"\n4.保护第 0\n{zeros}\
             三方合法权\n益\n5.属于三 2\n{zeros}类内部事务\n信息\n6.属于四 0\n{zeros}类过程性信\n息\n7.属于行 0\n{zeros}\
             政执法案卷\n8.属于行 0\n{zeros}69\n4\n36\n3\n1\n0\n0\n0\n2\n0\n0\n0\n政查询事项\n\
             (四)无 1.本机关\n13\n0\n0\n0\n0\n2\n15\n法提供 不掌握相关\n政府信息\n"
        );
        let r = requests(&text);
        assert_eq!(get(&r, "new_received"), [58, 1, 0, 4, 1, 5, 69]);
        assert_eq!(get(&r, "granted"), [28, 1, 0, 3, 1, 3, 36]);
        assert_eq!(get(&r, "denied_state_secret"), [1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(get(&r, "denied_internal_affairs"), [2, 0, 0, 0, 0, 0, 2]);
        assert_eq!(get(&r, "unable_not_held"), [13, 0, 0, 0, 0, 2, 15]);
    }
}
