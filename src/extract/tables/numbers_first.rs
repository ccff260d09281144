//! 表三 as plain `pdftotext` prints a word processor's PDF of it: each row's
//! numbers on lines of their own before the row's label (the numbers' type
//! sits a little higher on the line), except the first column's number, which
//! stays on the label's first line when the label wraps (`2.其他法律行政法 0`
//! over `规禁止公开`). The 总计 column of the table's first rows may come apart
//! as one run of its own further down (one number a row, each its row's sum).
//!
//! The rows are rebuilt as a label with its numbers, so that the walk reads
//! them as any other layout.

use super::*;
use super::labels_first::Takes;
use super::requests::COMBINED_WIDTH as WIDTH;
use crate::extract::cells::cells_add_up;
use crate::extract::numerals::is_chinese_numeral;

/// A wrapped number's joining: the cell of its row dropped (its tail), and
/// the row and cell of the number it ends.
type Join = (usize, usize, usize);

/// A way of joining wrapped numbers that holds: the rows' first columns as
/// joined, the run's totals (as parts of the pending numbers), the joins.
struct Held {
    joined: Vec<Vec<i64>>,
    parts: Vec<(usize, usize)>,
    way: Vec<Join>,
}

/// Whether a label starts with a row's numeral (`一、`, `(三)`, `2.`).
pub(super) fn numbered(label: &str) -> bool {
    let mut chars = label.chars();
    match chars.next() {
        Some('(') => chars.take_while(|&c| c != ')').all(is_chinese_numeral),
        Some(c) if is_chinese_numeral(c) => chars.find(|&c| !is_chinese_numeral(c)) == Some('、'),
        Some(c) if c.is_ascii_digit() => matches!(chars.find(|c| !c.is_ascii_digit()), Some('.' | '、')),
        _ => false,
    }
}

/// A wide number wrapped in its narrow cell, read whole: the head printed on
/// the row's line and its last digits on the next (`364` / `7`: 3647).
pub(super) fn unwrapped(head: i64, digits: i64) -> i64 {
    head * if digits < 10 { 10 } else { 100 } + digits
}

/// Whether a number may be a wrapped number's last digits: a digit or two.
pub(super) fn is_tail(number: i64) -> bool {
    (0..100).contains(&number)
}

/// The run of totals at the front of `pending` that are `sums` in turn, each
/// a number or a wrapped number's head and last digits (`432` / `1`: 4321):
/// each total's place and how many numbers it takes. `None` where one is not.
pub(super) fn run_of_totals(sums: impl Iterator<Item = i64>, pending: &[i64]) -> Option<Vec<(usize, usize)>> {
    let mut parts = Vec::new();
    let mut j = 0;
    for sum in sums {
        let taken = match (pending.get(j), pending.get(j + 1)) {
            (Some(&total), _) if total == sum => 1,
            (Some(&head), Some(&digits)) if head >= 100 && is_tail(digits) && unwrapped(head, digits) == sum => 2,
            _ => return None,
        };
        parts.push((j, taken));
        j += taken;
    }
    Some(parts)
}

/// Whether a label holds a row's own numeral (`一、本年新收…`, `4.保护第三方`,
/// `(三)不予 1.属于国家秘密`), not a group's alone (`(四)无法提供`).
fn names_item(label: &str) -> bool {
    let top = label.chars().next().is_some_and(is_chinese_numeral) && numbered(label);
    let mut previous = None;
    top || label.chars().any(|c| {
        let item = previous.is_some_and(|p: char| p.is_ascii_digit()) && matches!(c, '.' | '、');
        previous = Some(c);
        item
    })
}

/// Whether a row starts at `r` where the table numbers its rows: a numbered
/// label, or a numbered word after a word of the label above (`度办理结
/// (二)部分公开`).
pub(super) fn starts(r: &Row) -> bool {
    let words = || r.labels.iter().flat_map(|f| f.text.split_whitespace());
    r.kind == Kind::Table && (numbered(r.label()) || words().skip(1).any(numbered))
}

/// Whether a row's label starts as a row of 表三 does: with a numeral where
/// the table numbers its rows (see [`starts`]; a label's later lines,
/// `规禁止公开`, may name a row too), else naming a row; the numbers before a
/// line that starts none are no row's.
fn starts_row(row: &Row, numbered_rows: bool, cues: &Cues) -> bool {
    if numbered_rows { starts(row) } else { best_match(row.label(), cues, 0).is_some() }
}

/// The row whose label names 表三's first row, on its line or run on over the
/// lines of label alone after it (`一、本年新` / `收政府信息`, or `一、本年新` /
/// `1` / `收政府信息`).
pub(super) fn first_named(rows: &[Row], t: Template) -> Option<usize> {
    let anchor = template::request_rows(t)[0].cues[0];
    // The anchor's beginnings, which a line that runs it on ends with (`本`, `本年`, `本年新`).
    let starts: Vec<&str> = anchor.char_indices().skip(1).map(|(i, _)| &anchor[..i]).collect();
    (0..rows.len()).find(|&k| {
        let row = &rows[k];
        if row.kind != Kind::Table || row.labels.is_empty() {
            return false;
        }
        let own = row.label();
        if own.has(anchor) {
            return true;
        }
        if !starts.iter().any(|s| own.ends_with(s)) {
            return false;
        }
        // (A number may stand between them: a row's first, printed after its label's first
        // line, or on the next line after its words.)
        let pieces = rows[k + 1..].iter().take(4).filter(|r| !r.is_numbers_alone()).take(2);
        let (mut label, mut rest) = (own.to_string(), String::new());
        pieces.enumerate().take_while(|(i, r)| r.is_orphan() || *i == 0).any(|(_, after)| {
            label.push_str(after.label());
            rest.push_str(after.label());
            label.has(anchor) && !rest.has(anchor)
        })
    })
}

/// The table's first row, if its numbers come before it, and the table's
/// width: the row naming 表三's first row under lines of numbers alone that
/// with the row's own make at least a row short of its total (a header's line
/// numbering the columns, 1 to 7, is no row's); or, where the header counts
/// legal persons in one column, three numbers that add up (or two); or, its
/// marks for none lost (`-` at a line's end, which `pdftotext` drops), fewer
/// numbers that add up, where the row's label has none after it before the
/// second row's (see [`short_first`]), each row's total then printed with
/// it (the third value says so).
fn first_row(rows: &[Row], k: usize, t: Template, n: usize) -> Option<(usize, usize, bool)> {
    let above = || rows[..k].iter().rev().take_while(|r| r.is_numbers_alone());
    let glued = rows[k].cells.len();
    let mut lines: Vec<&Row> = above().collect();
    lines.reverse();
    let cells = rows[k].cells.iter().chain(lines.iter().flat_map(|r| &r.cells));
    let numbers: Vec<f64> = cells.map(|c| c.value.map_or(-1.0, |v| v.number)).collect();
    let counting = numbers.iter().enumerate().all(|(i, &v)| v == i as f64 + 1.0);
    if !counting && glued < n - 1 && numbers.len() >= n - 1 {
        return Some((k, n, false));
    }
    if !counting && glued == 0 && short_first(rows, k, t, &lines) {
        return Some((k, n, true));
    }
    let header = &rows[k.saturating_sub(lines.len() + 16)..k - lines.len()];
    let combined = header.iter().any(|r| r.label().has("法人或其他"))
        && !header.iter().any(|r| super::requests::ORGANISATION_HEADS.iter().any(|w| r.label().has(w)));
    let adding = match numbers[..] {
        [_, _] => true,
        [a, b, c] => a + b == c,
        _ => false,
    };
    (combined && !lines.is_empty() && adding).then_some((k, WIDTH, false))
}

/// Whether 表三, each row's numbers before its label (see [`rebuilt`]), has
/// lost its marks for none: each row's numbers are then those not blank and
/// its total, not its first columns.
pub(super) fn marks_lost(rows: &[Row], named: usize, t: Template) -> bool {
    first_row(rows, named, t, template::APPLICANTS.len()).is_some_and(|(_, _, lost)| lost)
}

/// Whether the lines of numbers alone above the row naming 表三's first
/// (`k`) are that row's, its marks for none lost: from two numbers to two
/// fewer than a row's, the last the others' sum, and no number after the
/// label before the row naming the second (read each row's label first, they
/// would be no row's).
fn short_first(rows: &[Row], k: usize, t: Template, lines: &[&Row]) -> bool {
    let cells: Vec<Cell> = lines.iter().flat_map(|r| r.cells.iter().copied()).collect();
    let second = template::request_rows(t)[1].cues[0];
    let to = (k + 1..rows.len()).take(MAX_LABEL_LINES + 1).find(|&j| rows[j].label().has(second));
    (2..template::APPLICANTS.len() - 1).contains(&cells.len())
        && cells_add_up(&cells)
        && to.is_some_and(|to| rows[k..to].iter().all(|r| r.cells.is_empty()))
}

/// The first row after 表三 that starts at `first`: running text, or 表四's heading.
pub(super) fn table_end(rows: &[Row], first: usize) -> usize {
    let stop = |r: &Row| r.kind == Kind::Prose || template::LITIGATION_ANCHORS.iter().any(|a| r.label().has(a));
    (first..rows.len()).find(|&k| stop(&rows[k])).unwrap_or(rows.len())
}

/// The rows of 表三 rebuilt where plain `pdftotext` printed each row's numbers
/// before its label, with each row's index in `rows`; `None` where it did not.
/// A row's cells are its first columns, left to right.
pub(super) fn rebuilt<'a>(rows: &[Row<'a>], named: usize, t: Template, n: usize) -> Option<(Vec<Row<'a>>, Vec<usize>)> {
    let (first, n, _) = first_row(rows, named, t, n)?;
    let start = first - rows[..first].iter().rev().take_while(|r| r.is_numbers_alone()).count();
    let end = table_end(rows, first);
    let cues = Cues::requests(t);
    let numbered_rows = numbered(rows[first].label());
    // (A line of label alone goes on the label above unless it starts a row
    // itself: a numbered one does, where the table numbers its rows, though
    // its first words name none, `5.属于三类内部` over `事务信息`, after a
    // row's own numeral; after a group's alone, `(四)无法提供` / `1.本机关不`,
    // it is the group's first row's.)
    let continues = |row: &Row, above: &Row| {
        goes_on(row, cues) && !(numbered_rows && numbered(row.label()) && names_item(above.label()))
    };
    let mut out: Vec<Row<'a>> = rows[..start].to_vec();
    let mut origin: Vec<usize> = (0..start).collect();
    let mut table = Table { n, built: Vec::new(), pending: Vec::new(), pending_at: start };
    for (k, row) in rows.iter().enumerate().take(end).skip(start) {
        if row.is_numbers_alone() {
            if table.pending.is_empty() {
                table.pending_at = k;
            }
            table.pending.extend_from_slice(&row.cells);
            continue;
        }
        let has_numbers = !(table.pending.is_empty() && row.cells.is_empty());
        let labelled = row.kind == Kind::Table && !row.labels.is_empty();
        if has_numbers && labelled && starts_row(row, numbered_rows, cues) {
            table.tails_of_last(&mut out, row.cells.len());
            table.totals_apart(&mut out, row.cells.len());
            let mut cells = row.cells.clone();
            cells.append(&mut table.pending);
            let mut built = row.with_labels(row.labels.clone(), cells);
            built.vertical = true;
            table.built.push(out.len());
            out.push(built);
        } else {
            // A line of a whole row's label going on after the next row's numbers but
            // its first, printed before that row's label (`… 0 0 0 0 0 0 0` / `(三)不予1.属于国家秘密`
            // / `0 0 0 0 0 2` / `公开` / `2.其他法律行政法规 2`): they wait for it. (Whole: its
            // columns, or all but 总计 where the row before lacks it too, printed apart;
            // its marks for none lost, numbers that add up to its last.)
            let held = |b: Option<&usize>| b.map_or(0, |&i| out[i].cells.len());
            let whole_width = match held(table.built.last()) {
                w if w == n => true,
                w => w + 1 == n && held(table.built.iter().nth_back(1)) == w,
            };
            let summed = |i: &usize| {
                let cells = &out[*i].cells;
                (2..n).contains(&cells.len()) && cells.last().is_some_and(|c| c.number() > 0.0) && cells_add_up(cells)
            };
            let whole_width = whole_width || table.built.last().is_some_and(summed);
            let whole = table.built.last().copied().filter(|&i| i + 1 == out.len() && whole_width);
            let waiting = (1..=n).contains(&table.pending.len());
            if let Some(i) = whole.filter(|&i| waiting && continues(row, &out[i])) {
                out[i] = joined(&out[i], row);
                continue;
            }
            table.flush(&mut out, &mut origin, rows);
            // A line of label alone after a row is that row's label going on
            // (one that names a row is left to the walk: it may start a row).
            let last = table.built.last().copied().filter(|&i| i + 1 == out.len());
            if let Some(i) = last.filter(|&i| continues(row, &out[i])) {
                out[i] = joined(&out[i], row);
                continue;
            }
            out.push(row.clone());
        }
        origin.push(k);
    }
    table.flush(&mut out, &mut origin, rows);
    out.extend_from_slice(&rows[end..]);
    origin.extend(end..rows.len());
    Some((out, origin))
}

/// Whether `row` is a line of label alone that names no row of the table:
/// the label of the row above going on, in a table that wraps its labels.
pub(super) fn goes_on(row: &Row, cues: &Cues) -> bool {
    row.is_orphan() && !row.labels.is_empty() && best_match(row.label(), cues, 0).is_none()
}

/// `row` with the label of `more`, a line of its label below it, after its own.
pub(super) fn joined<'a>(row: &Row<'a>, more: &Row<'a>) -> Row<'a> {
    let labels = row.labels.iter().chain(&more.labels).cloned().collect();
    row.with_labels(labels, row.cells.clone())
}

/// The most numbers of a row wrapped in their cells that are joined back.
const MAX_TAILS: usize = 3;

/// The most rows whose 总计 column is printed apart: 表三's rows.
const MAX_ROWS_APART: usize = 32;

/// The state of a table being rebuilt.
struct Table {
    n: usize,
    /// Indexes in the output of the rows rebuilt, in order.
    built: Vec<usize>,
    /// Numbers not yet given to a row, and the index of their first line.
    pending: Vec<Cell>,
    pending_at: usize,
}

impl Table {
    /// Takes the 总计 column of the rows rebuilt short of it (the last of them,
    /// at least three) out of the front of the pending numbers, where each is
    /// its row's sum and the numbers, with those on the next row's label's
    /// line (`glued`), are no row's (more than a row, or fewer than one short
    /// of its total), or as many as a row's where most of the totals are not 0
    /// (sums of 0 tell nothing).
    fn totals_apart(&mut self, out: &mut [Row], glued: usize) {
        let before = self.pending.len();
        self.totals_as_printed(out, glued);
        if self.pending.len() == before {
            self.totals_wrapped(out, glued);
        }
    }

    /// [`totals_apart`](Self::totals_apart) where no number wrapped.
    fn totals_as_printed(&mut self, out: &mut [Row], glued: usize) {
        let n = self.n;
        // (Or shorter, its marks for none lost.)
        let short_of_total = |&&i: &&usize| (1..n).contains(&out[i].cells.len());
        // (No more than a table has rows: a text of such rows is not searched back each row.)
        let rows = self.built.iter().rev().take(MAX_ROWS_APART);
        let short: Vec<usize> = rows.take_while(short_of_total).copied().collect();
        let m = short.len();
        let a_row = (n - 1..=n).contains(&(self.pending.len() + glued));
        if m < 3 || self.pending.len() < m {
            return;
        }
        let rest = self.pending.len() - m + glued;
        if rest != glued && rest < n - 1 {
            return;
        }
        let sums = short.iter().rev().map(|&i| out[i].cells.iter().map(Cell::number).sum::<f64>());
        if !sums.zip(&self.pending).all(|(sum, total)| total.value.is_some_and(|v| v.number == sum)) {
            return;
        }
        // (As many as a row's numbers: the rows' totals only where they tell, most not 0.)
        let counted = self.pending[..m].iter().filter(|c| c.number() != 0.0).count();
        if a_row && counted * 2 <= m {
            return;
        }
        for (&i, total) in short.iter().rev().zip(self.pending.drain(..m)) {
            out[i].cells.push(total);
        }
    }

    /// The 总计 column of the rows rebuilt short of it (as
    /// [`totals_apart`](Self::totals_apart) takes it) where wide numbers wrapped
    /// in their narrow cells: a row's number's last digits first among the next
    /// row's numbers (`364 325 46 41 171 91` / `一、本年新收…` / `7 43 25 2 4 6 1`
    /// / `二、上年结转…`: 3647, and 二 a row short of its 总计 too) or after the
    /// row's label's first line (`138 143 20 18 68 43` / `三、本 (一)予以公开` /
    /// `4` / `年度办`: 1384), a total's on the next number of the run
    /// (`432 1 81 167 6 …`: 4321, 81, 1676). Taken where one way only of
    /// joining them makes each total its row's sum.
    fn totals_wrapped(&mut self, out: &mut [Row], glued: usize) {
        let n = self.n;
        let count = |c: &Cell| c.value.filter(|v| v.unit.is_none() && v.number.fract() == 0.0).map(|v| v.number as i64);
        let tail = |c: &Cell| count(c).is_some_and(is_tail);
        // The last rows short of their 总计, and those a cell longer whose first or last may be a wrapped tail.
        let mut short: Vec<usize> = Vec::new();
        for &i in self.built.iter().rev().take(MAX_ROWS_APART) {
            let cells = &out[i].cells;
            if cells.len() + 1 == n || (cells.len() == n && (tail(&cells[0]) || tail(&cells[n - 1]))) {
                short.push(i);
            } else {
                break;
            }
        }
        short.reverse();
        let m = short.len();
        if m < 3 || self.pending.len() < m {
            return;
        }
        let rows: Option<Vec<Vec<i64>>> = short.iter().map(|&i| out[i].cells.iter().map(count).collect()).collect();
        let Some(rows) = rows else { return };
        // Each row a cell long: its first the tail of a number of the row before (the tail's line
        // under that row), or its last the tail of one of its own (under its label), a head of
        // three digits or more; each such (row's cell dropped, the head's row and cell) a way.
        let tails: Vec<usize> = (0..m).filter(|&k| rows[k].len() == n).collect();
        let options = |k: usize| -> Vec<Join> {
            let head_before = |a: usize| k > 0 && rows[k - 1].get(a).is_some_and(|&v| v >= 100);
            let before = (0..n).filter(|&a| is_tail(rows[k][0]) && head_before(a));
            let own = (0..n - 1).filter(|&a| is_tail(rows[k][n - 1]) && rows[k][a] >= 100);
            before.map(|a| (0, k - 1, a)).chain(own.map(|a| (n - 1, k, a))).collect()
        };
        let mut ways: Vec<Vec<Join>> = vec![Vec::new()];
        for &k in &tails {
            let options = options(k);
            ways = ways.iter().flat_map(|w| options.iter().map(move |&o| [w.as_slice(), &[o]].concat())).collect();
        }
        let pending: Option<Vec<i64>> = self.pending.iter().map(count).collect();
        let Some(pending) = pending else { return };
        let mut found: Option<Held> = None;
        for way in &ways {
            let mut cells: Vec<Vec<Option<i64>>> = rows.iter().map(|r| r.iter().copied().map(Some).collect()).collect();
            for (&k, &(dropped, row, a)) in tails.iter().zip(way) {
                let digits = cells[k][dropped].take();
                cells[row][a] = cells[row][a].zip(digits).map(|(head, digits)| unwrapped(head, digits));
            }
            let joined: Vec<Vec<i64>> = cells.into_iter().map(|r| r.into_iter().flatten().collect()).collect();
            if joined.iter().any(|r| r.len() + 1 != n) {
                continue;
            }
            let Some(parts) = run_of_totals(joined.iter().map(|r| r.iter().sum()), &pending) else { continue };
            if tails.is_empty() && parts.iter().all(|p| p.1 == 1) {
                continue;
            }
            if found.as_ref().is_some_and(|f| f.joined != joined) {
                return;
            }
            found = Some(Held { joined, parts, way: way.clone() });
        }
        let Some(Held { joined, parts, way }) = found else { return };
        let used: usize = parts.iter().map(|p| p.1).sum();
        let rest = self.pending.len() - used + glued;
        if rest != glued && rest < n - 1 {
            return;
        }
        // (As many as a row's numbers: the rows' totals only where they tell, most not 0.)
        let counted = parts.iter().filter(|&&(j, _)| pending[j] != 0).count();
        if (n - 1..=n).contains(&(self.pending.len() + glued)) && counted * 2 <= m {
            return;
        }
        let value = |v: i64| Some(Value { number: v as f64, unit: None });
        for (k, &i) in short.iter().enumerate() {
            if let Some(&(dropped, _, _)) = tails.iter().position(|&t| t == k).map(|p| &way[p]) {
                out[i].cells.remove(dropped);
            }
            for (cell, &v) in out[i].cells.iter_mut().zip(&joined[k]) {
                cell.value = value(v);
            }
            let (j, _) = parts[k];
            out[i].cells.push(Cell { value: value(joined[k].iter().sum()), ..self.pending[j] });
        }
        self.pending.drain(..used);
    }

    /// Wide numbers wrapped in their narrow cells, their last digits on the
    /// line under the row (`220 224 31 23 105 56 264` / `一、本年新收…` / `5` / `4`,
    /// 2205 and 2644): where the last row rebuilt does not add up and the
    /// numbers before the next row's label (with those on its line, `glued`)
    /// are more than a row by three at most, the first of them are its cells'
    /// last digits, each joined to one of its cells in order, the one way
    /// that makes it add up.
    fn tails_of_last(&mut self, out: &mut [Row], glued: usize) {
        let n = self.n;
        let Some(&last) = self.built.last() else { return };
        let extra = (self.pending.len() + glued).saturating_sub(n);
        let row = &out[last].cells;
        if row.len() != n || !(1..=MAX_TAILS).contains(&extra) || extra > self.pending.len() || cells_add_up(row) {
            return;
        }
        let tails = &self.pending[..extra];
        // (A tail is a digit or two; the row's cells are counts.)
        let short = |c: &Cell| c.value.is_some_and(|v| v.unit.is_none() && v.number.fract() == 0.0 && v.number < 100.0);
        let counts = row.iter().all(|c| c.value.is_some_and(|v| v.unit.is_none()));
        if !counts || !tails.iter().all(short) {
            return;
        }
        let join = |cell: &Cell, tail: &Cell| {
            let number = unwrapped(cell.number() as i64, tail.number() as i64) as f64;
            Cell { value: Some(Value { number, unit: None }), ..*cell }
        };
        // Each choice of `extra` cells, in order, for the tails.
        let mut found: Option<Vec<Cell>> = None;
        for pick in bit_sets(n, extra) {
            let mut tails = tails.iter();
            let mut joined: Vec<Cell> = row.clone();
            for (i, cell) in joined.iter_mut().enumerate().filter(|&(i, _)| pick & (1 << i) != 0) {
                *cell = join(&row[i], tails.next().unwrap_or(&row[i]));
            }
            if cells_add_up(&joined) {
                if found.is_some() {
                    return;
                }
                found = Some(joined);
            }
        }
        if let Some(joined) = found {
            out[last].cells = joined;
            self.pending.drain(..extra);
        }
    }

    /// The other columns of the last rows rebuilt, a band whose rows each hold
    /// as many first columns (their labels' lines': `7.属于行政执法案卷 1` /
    /// `8.属于行政查询事项 0` / `(四)无法1.本机关不掌握相关 4`), all the pending
    /// numbers after the last (a column at a time, a Word table's, or a row at a
    /// time): taken where every row adds up one way only (see
    /// [`band_apart`](super::labels_first::band_apart)). Returns whether taken.
    fn band_rests(&mut self, out: &mut [Row]) -> bool {
        let Some(last) = self.built.last().copied().filter(|&i| i + 1 == out.len()) else { return false };
        let held = out[last].cells.len();
        // (The 总计 column alone is taken as [`totals_apart`](Self::totals_apart) takes it.)
        if held == 0 || held + 1 >= self.n || self.pending.len() % (self.n - held) != 0 {
            return false;
        }
        out[last].cells.extend_from_slice(&self.pending);
        let before = &self.built[..self.built.len() - 1];
        if super::labels_first::band_apart(out, before, last, self.n, Takes::All) {
            self.pending.clear();
            return true;
        }
        out[last].cells.truncate(held);
        false
    }

    /// Numbers before a line that starts no row: the 总计 column taken out of
    /// them; what is left, the rest of the last row's cells where they make it
    /// whole (its numbers printed after its label's first line), else a row of
    /// numbers alone as they were.
    fn flush<'a>(&mut self, out: &mut Vec<Row<'a>>, origin: &mut Vec<usize>, rows: &[Row<'a>]) {
        if self.pending.is_empty() {
            return;
        }
        self.totals_apart(out, self.n);
        if self.pending.is_empty() || self.band_rests(out) {
            return;
        }
        let last = self.built.last().copied().filter(|&i| i + 1 == out.len());
        match last {
            Some(i) if out[i].cells.len() + self.pending.len() == self.n => out[i].cells.append(&mut self.pending),
            _ => {
                let row = &rows[self.pending_at];
                let mut alone = row.with_labels(Vec::new(), std::mem::take(&mut self.pending));
                alone.vertical = true;
                out.push(alone);
                origin.push(self.pending_at);
            }
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::extract::cells::rows;

    pub(in super::super) fn requests(text: &str) -> Report {
        let (_, rs) = rows(text);
        let mut report = Report::default();
        super::super::read_requests(text, &rs, Template::T2021, 0, &mut report);
        report
    }

    pub(in super::super) fn get(r: &Report, row: &str) -> Vec<i64> {
        let cell = |a: &str| r.requests.iter().find(|f| f.row == row && f.applicant == a).map_or(-1, |f| f.count);
        template::APPLICANTS.iter().map(|a| cell(a)).collect()
    }

    /// 表三's head as plain `pdftotext` prints a Word table's.
    pub(in super::super) const HEAD: &str = "三、收到和处理政府信息公开申请情况\n(本列数据申请人情况\n的勾稽关\n系为:第\n\
                        自然人 商业企业 科研机构\n社会公 法律服 其他 总计\n益组织 务机构\n";

    pub(in super::super) fn lines(numbers: &[i64]) -> String {
        numbers.iter().map(|n| format!("{n}\n")).collect()
    }

    #[test]
    fn rows_numbers_first_wait_across_a_label_s_line_where_the_table_prints_its_totals_apart() {
        // Each row a column short, its 总计 printed after the rows': a row's numbers
        // before a line of the last row's label (`果`) are the next row's.
        let text = format!(
            "{HEAD}555 35\n5\n9\n27\n16\n一、本年新收政府信息公开申请数量\n{}二、上年结转政府信息公开申请数量\n\
             {}三、本年 (一)予以公开\n{}度办理结 (二)部分公开\n{}果\n(三)不予 1.属于国家秘密\n{}公开\n\
             2.其他法律行政法规 8\n禁止公开\n{}3.危及\"三安全一稳 8\n定\"\n{}4.保护第三方合法权 1\n益\n",
            lines(&[73, 3, 0, 0, 2, 0]),
            lines(&[237, 20, 3, 6, 13, 10]),
            lines(&[47, 9, 0, 0, 3, 0]),
            lines(&[3, 0, 0, 0, 1, 0]),
            lines(&[0; 5]),
            lines(&[0; 5]),
            lines(&[647, 78, 289, 59, 4, 8, 8, 0, 0, 0, 0, 0]),
        );
        let r = requests(&text);
        assert_eq!(get(&r, "new_received"), [555, 35, 5, 9, 27, 16, 647]);
        assert_eq!(get(&r, "partially_granted"), [47, 9, 0, 0, 3, 0, 59]);
        assert_eq!(get(&r, "denied_state_secret"), [3, 0, 0, 0, 1, 0, 4]);
        assert_eq!(get(&r, "denied_law_prohibited"), [8, 0, 0, 0, 0, 0, 8]);
        assert_eq!(get(&r, "denied_security_stability"), [8, 0, 0, 0, 0, 0, 8]);
    }

    #[test]
    fn rows_numbers_first_short_of_their_lost_marks_are_read_as_their_first_and_total() {
        // `-` for none at each line's end, dropped: the numbers above the first
        // row's label, none after it before the second's, are the first row's.
        let text = format!(
            "{HEAD}5\n5\n一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n3\n3\n\
             三、本 (一)予以公开\n1\n1\n年度办 (二)部分公开\n理结果 (三)不\n1.属于国家秘密\n"
        );
        let r = requests(&text);
        assert_eq!(get(&r, "new_received"), [5, 0, 0, 0, 0, 0, 5]);
        assert_eq!(get(&r, "carried_over"), [-1; 7]);
        assert_eq!(get(&r, "granted"), [3, 0, 0, 0, 0, 0, 3]);
        assert_eq!(get(&r, "partially_granted"), [1, 0, 0, 0, 0, 0, 1]);
        // (A line counting the columns is no row.)
        let counting = text.replacen("5\n5\n", "1\n2\n3\n", 1);
        assert_eq!(get(&requests(&counting), "new_received"), [-1; 7]);
    }

    #[test]
    fn two_equal_numbers_of_a_row_numbers_first_whose_totals_are_printed_apart_are_not_its_first_and_total() {
        // A Word table leaving its zeros blank, the first rows' 总计 a run of
        // their own: 3.危及"三安全一稳定"'s `1` and `1` are two of its columns.
        let text = format!(
            "{HEAD}352 28\n6\n2\n11\n4\n一、本年新收政府信息公开申请数量\n9\n3\n1\n二、上年结转政府信息公开申请数量\n\
             135 16\n1\n1\n7\n2\n三、本 (一)予以公开\n32\n5\n2\n年度办 (二)部分公开\n1\n理结果 (三)不\n1.属于国家秘密\n\
             1\n予公开 2.其他法律行政\n403\n13\n162\n39\n1\n1\n法规禁止公开\n1\n3.危及\"三安全一 1\n稳定\"\n6\n\
             4.保护第三方合\n法权益\n"
        );
        let r = requests(&text);
        assert_eq!(get(&r, "new_received")[0], 352, "{:?}", r.issues);
        assert_ne!(get(&r, "denied_security_stability"), [1, 0, 0, 0, 0, 0, 1], "{:?}", r.issues);
    }

    #[test]
    fn a_numbered_line_of_label_alone_starts_a_row_though_its_first_words_name_none() {
        // The last row read before the other rows' labels, printed together:
        // `5.属于三类内部` / `事务信息` … `7.属于行政执法` / `案卷` are those rows'
        // labels, not 4.'s going on (which would make its numbers 7.'s).
        let text = format!(
            "{HEAD}{}一、本年新收政府信息公开申请数量\n{}二、上年结转政府信息公开申请数量\n{}三、本 (一)予以公开\n\
             {}4.保护第三方合\n(四)无\n法提供\n法权益\n5.属于三类内部\n事务信息\n6.属于四类过程\n性信息\n\
             7.属于行政执法\n案卷\n",
            lines(&[6, 2, 0, 0, 0, 0, 8]),
            lines(&[1, 0, 0, 0, 0, 0, 1]),
            lines(&[4, 1, 0, 0, 0, 0, 5]),
            lines(&[2, 1, 0, 0, 0, 0, 3]),
        );
        let r = requests(&text);
        assert_eq!(get(&r, "denied_third_party"), [2, 1, 0, 0, 0, 0, 3], "{:?}", r.requests);
        assert_eq!(get(&r, "denied_enforcement_case"), [-1; 7]);
        // After a group's label alone, a numbered line is its first row's.
        let text = format!(
            "{HEAD}{}一、本年新收政府信息公开申请数量\n{}二、上年结转政府信息公开申请数量\n{}三、本 (一)予以公开\n\
             7.属于行政执法案卷\n8.属于行政查询事项\n{}(四)无法提供\n1.本机关不\n掌握相关政府信\n息\n",
            lines(&[6, 2, 0, 0, 0, 0, 8]),
            lines(&[1, 0, 0, 0, 0, 0, 1]),
            lines(&[4, 1, 0, 0, 0, 0, 5]),
            lines(&[1, 0, 0, 0, 0, 0, 1]),
        );
        let r = requests(&text);
        assert_eq!(get(&r, "unable_not_held"), [1, 0, 0, 0, 0, 0, 1], "{:?}", r.requests);
        assert_eq!(get(&r, "denied_admin_query"), [-1; 7]);
    }

    #[test]
    fn numbers_before_a_group_s_label_going_on_after_a_short_row_that_adds_up_are_the_next_row_s() {
        // A Word table leaving its zeros blank: (三)1's `1` / `1` adds up, so the
        // `1` / `5` before (三)'s label's second line (`公开`) wait for 2.'s label,
        // its first column on it.
        let text = format!(
            "{HEAD}{}一、本年新收政府信息公开申请数量\n{}二、上年结转政府信息公开申请数量\n{}三、本年 (一)予以公开\n\
             {}度办理结 (二)部分公开\n{}果\n(三)不予 1.属于国家秘密\n{}公开\n2.其他法律行政法规 4\n禁止公开\n\
             {}(四)无法 1.本机关不掌握相关\n提供\n政府信息\n{}(七)总计\n{}四、结转下年度继续办理\n",
            lines(&[310, 35, 2, 1, 16, 4, 368]),
            lines(&[18, 3, 1, 22]),
            lines(&[115, 16, 1, 9, 1, 142]),
            lines(&[30, 2, 32]),
            lines(&[1, 1]),
            lines(&[1, 5]),
            lines(&[140, 13, 2, 6, 2, 163]),
            lines(&[289, 32, 2, 1, 15, 4, 343]),
            lines(&[39, 6, 2, 47]),
        );
        let r = requests(&text);
        let law = get(&r, "denied_law_prohibited");
        assert_eq!((law[0], law[6]), (4, 5), "{:?}", r.issues);
        assert_eq!(get(&r, "denied_state_secret")[6], 1, "{:?}", r.issues);
    }

    #[test]
    fn a_run_of_totals_after_rows_short_of_their_lost_marks_goes_back_where_each_is_its_row_s_sum() {
        // A Word table leaving its zeros blank (or its `-` dropped), its first
        // rows' 总计 printed after them, a number a row.
        let text = format!(
            "{HEAD}{}一、本年新收政府信息公开申请数量\n{}二、上年结转政府信息公开申请数量\n{}三、本年 (一)予以公开\n\
             度办理结\n果\n{}(二)部分公开\n7\n(三)不予 1.属于国家秘密\n公开\n\n{}\n2.其他法律行政法规 4\n禁止公开\n",
            lines(&[456, 57, 2, 6, 24, 11]),
            lines(&[146, 2, 7, 2]),
            lines(&[233, 27, 1, 4, 8, 6]),
            lines(&[44, 1, 1, 6, 1]),
            lines(&[556, 157, 279, 53, 7]),
        );
        let (_, rows) = rows(&text);
        let t = Template::T2021;
        let (built, _) = rebuilt(&rows, first_named(&rows, t).unwrap(), t, 7).unwrap();
        let numbers = |label: &str| {
            let row = built.iter().find(|r| r.label().contains(label)).unwrap();
            row.cells.iter().map(Cell::number).collect::<Vec<_>>()
        };
        assert_eq!(numbers("上年结转"), [146.0, 2.0, 7.0, 2.0, 157.0]);
        assert_eq!(numbers("部分公开"), [44.0, 1.0, 1.0, 6.0, 1.0, 53.0]);
        assert_eq!(numbers("国家秘密"), [7.0, 7.0]);
    }

    #[test]
    fn a_group_s_label_going_on_before_its_first_row_s_numeral_goes_on() {
        // The shortened form a few characters a line: `(三)不予 0` / `公开 1.` /
        // `属于国家秘` / `密` is one row's label, its numbers about it.
        let text = "三、收到和处理政府信息公开申请情况\n\n申请人情况\n\n自然人 法人或其他组织 总计\n\n4\n\n23\n\n\
                    一、本年新 19\n\n收政府信息\n\n公开申请数\n\n量\n\n0\n\n3\n\n二、上年结 3\n\n转政府信息\n\n\
                    公开申请数\n\n量\n\n2\n\n10\n\n三、本年度 8\n\n办理结果\n\n(一)予以\n\n公开\n\n1\n\n4\n\n\
                    (二)部分 3\n\n公开\n\n0\n\n0\n\n(三)不予 0\n\n公开 1.\n\n属于国家秘\n\n密\n\n0\n\n1\n\n\
                    2.其他法 1\n\n律行政法规\n\n禁止公开\n\n0\n\n0\n\n3.危及\"三安全一稳定\" 0\n";
        let r = requests(text);
        let row = |key: &str| -> Vec<(&str, i64)> {
            r.requests.iter().filter(|f| f.row == key).map(|f| (f.applicant, f.count)).collect()
        };
        assert!(row("denied_state_secret").contains(&("natural_person", 0)), "{:?}", r.requests);
        assert!(row("denied_state_secret").contains(&("total", 0)), "{:?}", r.requests);
        assert!(row("denied_law_prohibited").contains(&("total", 1)), "{:?}", r.requests);
    }

    #[test]
    fn wide_numbers_wrapped_in_rows_short_of_their_totals_are_joined_where_the_totals_tell() {
        // Each row a column short, its 总计 printed after the rows'; 1966 and
        // its total 2356 wrap in their narrow columns: `196` … / `6` first among
        // 二's numbers, `235` / `6` in the totals' run.
        let text = format!(
            "{HEAD}{}一、本年新收政府信息公开申请数量\n6\n{}二、上年结转政府信息公开申请数量\n{}三、本 (一)予以公开\n\
             {}年度办 (二)部分公开\n235\n6\n30\n948\n19\n(四)无\n法提供\n",
            lines(&[196, 193, 21, 27, 108, 41]),
            lines(&[0, 9, 1, 2, 9, 9]),
            lines(&[775, 85, 11, 13, 43, 21]),
            lines(&[17, 0, 0, 0, 2, 0]),
        );
        let r = requests(&text);
        assert_eq!(get(&r, "new_received"), [1966, 193, 21, 27, 108, 41, 2356], "{:?}", r.requests);
        assert_eq!(get(&r, "carried_over"), [0, 9, 1, 2, 9, 9, 30]);
        assert_eq!(get(&r, "granted"), [775, 85, 11, 13, 43, 21, 948]);
        assert_eq!(get(&r, "partially_granted"), [17, 0, 0, 0, 2, 0, 19]);
        // A total that is not its row's sum: nothing joined.
        let r = requests(&text.replace("948\n19\n", "948\n18\n"));
        assert_ne!(get(&r, "new_received")[0], 1966, "{:?}", r.requests);
        // (一)'s 1384 wrapped, its `4` after its label's first line.
        let text = format!(
            "{HEAD}{}一、本年新收政府信息公开申请数量\n6\n{}二、上年结转政府信息公开申请数量\n{}三、本 (一)予以公开\n4\n\
             年度办\n{}理结果 (二)部分公开\n235\n6\n30\n167\n6\n19\n(四)无\n法提供\n",
            lines(&[196, 193, 21, 27, 108, 41]),
            lines(&[0, 9, 1, 2, 9, 9]),
            lines(&[138, 143, 20, 18, 68, 43]),
            lines(&[17, 0, 0, 0, 2, 0]),
        );
        let r = requests(&text);
        assert_eq!(get(&r, "new_received"), [1966, 193, 21, 27, 108, 41, 2356], "{:?}", r.requests);
        assert_eq!(get(&r, "granted"), [1384, 143, 20, 18, 68, 43, 1676], "{:?}", r.requests);
        assert_eq!(get(&r, "partially_granted"), [17, 0, 0, 0, 2, 0, 19]);
    }

    #[test]
    fn rows_numbers_first_across_a_band_label_s_lines_and_a_band_s_rests_after_its_last_label() {
        // A Word table by plain `pdftotext`: each row's numbers before its label
        // but its first, on the label's line; (二)'s label after a word of the
        // band's (`度办理结 (二)部分公开`); a row's numbers before a line of the last
        // row's label (`公开`); three rows' first columns on their labels' lines,
        // their other columns after the last, a column at a time.
        let text = format!(
            "{HEAD}{}一、本年新收政府信息公开申请数量\n{}二、上年结转政府信息公开申请数量\n{}三、本年 (一)予以公开\n\
             {}度办理结 (二)部分公开\n{}果\n(三)不予 1.属于国家秘密\n{}公开\n2.其他法律行政法规 2\n禁止公开\n\
             7.属于行政执法案卷 3\n8.属于行政查询事项 0\n(四)无法 1.本机关不掌握相关 4\n{}提供\n政府信息\n\
             {}2.没有现成信息需要 1\n另行制作\n",
            lines(&[31, 1, 0, 2, 0, 1, 35]),
            lines(&[2, 0, 0, 0, 0, 0, 2]),
            lines(&[10, 0, 0, 1, 0, 1, 12]),
            lines(&[1, 1, 0, 0, 0, 0, 2]),
            lines(&[0; 7]),
            lines(&[0, 0, 1, 0, 0, 3]),
            lines(&[1, 0, 2, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 6, 0, 7]),
            lines(&[0, 0, 0, 0, 0, 1]),
        );
        let r = requests(&text);
        assert_eq!(get(&r, "granted"), [10, 0, 0, 1, 0, 1, 12]);
        assert_eq!(get(&r, "partially_granted"), [1, 1, 0, 0, 0, 0, 2]);
        assert_eq!(get(&r, "denied_state_secret"), [0; 7]);
        assert_eq!(get(&r, "denied_law_prohibited"), [2, 0, 0, 1, 0, 0, 3]);
        assert_eq!(get(&r, "denied_enforcement_case"), [3, 1, 0, 0, 0, 2, 6]);
        assert_eq!(get(&r, "denied_admin_query"), [0; 7]);
        assert_eq!(get(&r, "unable_not_held"), [4, 2, 0, 1, 0, 0, 7]);
        assert_eq!(get(&r, "unable_needs_creation"), [1, 0, 0, 0, 0, 0, 1]);
    }

    #[test]
    fn each_row_s_numbers_before_its_label_the_first_column_on_its_wrapped_label() {
        let text = format!(
            "{HEAD}{}一、本年新收政府信息公开申请数量\n{}二、上年结转政府信息公开申请数量\n{}三、本年 (一)予以公开\n度办理结\n果\n\
             {}(二)部分公开\n{}(三)不予 1.属于国家秘密\n公开\n{}2.其他法律行政法 3\n规禁止公开\n{}(四)无法 1.本机关不掌握相 17 2\n\
             提供\n关政府信息\n四、政府信息公开行政复议、行政诉讼情况\n",
            lines(&[4, 0, 0, 0, 1, 1, 6]),
            lines(&[2, 0, 0, 0, 0, 1, 3]),
            lines(&[3, 0, 0, 0, 0, 1, 4]),
            lines(&[0; 7]),
            lines(&[1, 0, 0, 0, 0, 0, 1]),
            lines(&[0, 0, 1, 0, 1, 5]),
            lines(&[0, 0, 1, 0, 20]),
        );
        let r = requests(&text);
        assert_eq!(get(&r, "new_received"), [4, 0, 0, 0, 1, 1, 6]);
        assert_eq!(get(&r, "carried_over"), [2, 0, 0, 0, 0, 1, 3]);
        assert_eq!(get(&r, "granted"), [3, 0, 0, 0, 0, 1, 4]);
        assert_eq!(get(&r, "partially_granted"), [0; 7]);
        assert_eq!(get(&r, "denied_state_secret"), [1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(get(&r, "denied_law_prohibited"), [3, 0, 0, 1, 0, 1, 5]);
        assert_eq!(get(&r, "unable_not_held"), [17, 2, 0, 0, 1, 0, 20]);
        assert!(r.issues.iter().all(|i| i.code == "rows_missing"), "{:?}", r.issues);
    }

    #[test]
    fn rows_of_zeros_numbers_first_are_not_read_as_bands_whose_results_do_not_add_up() {
        // A Word table of mostly zeros as plain `pdftotext` prints it: runs of
        // six zeros fit bands of six rows as well as rows, but such a reading
        // does not add up to (七)总计.
        let text = [
            "三、收到和处理政府信息公开申请情况|(本列数据 申请人情况|的勾稽关|系为：第|一项加第||二项之|和，等于|第三项加|",
            "第四项之|和)|自然人 商业企业 科研机构||社会公 法律服 其他|益组织 务机构||总计||35|3|0|1|4|0|43|",
            "一、本年新收政府信息公开申请数量|4|0|0|0|0|0|4|二、上年结转政府信息公开申请数量|18|2|0|1|1|0|22|",
            "三、本年 (一)予以公开|1|1|0|0|1|0|3|度办理结 (二)部分公开|0|0|0|0|0|0|0|果|(三)不予 1.属于国家秘密|",
            "0|0|0|0|0|0|公开|2.其他法律行政法规 0|禁止公开|0|0|0|0|0|0|3.危及\"三安全一稳 0|定\"|0|0|0|0|0|0|",
            "4.保护第三方合法权 0|益|0|0|0|0|0|1|5.属于三类内部事务 1|信息|0|0|0|0|0|0|6.属于四类过程性信 0|息|",
            "0|0|0|0|0|0|7.属于行政执法案卷 0|1|0|0|0|0|0|1|8.属于行政查询事项|0|0|0|2|0|12|",
            "(四)无法 1.本机关不掌握相关 10|提供|政府信息|0|0|0|0|0|1|2.没有现成信息需要 1|另行制作|0|0|0|0|0|1|",
            "3.补正后申请内容仍 1|不明确|0|0|0|0|0|0|(五)不予 1.信访举报投诉类申 0|处理|请|0|0|0|0|0|0|0|",
            "2.重复申请|0|0|0|0|0|0|3.要求提供公开出版 0|物|0|0|0|0|0|2|4.无正当理由大量反 2|复申请|",
            "0|0|0|0|0|0|5.要求行政机关确认 0|或重新出具已获取|信息|0|0|0|0|0|0|0|(六)其他处理|35|3|0|1|4|0|43|",
            "(七)总计|4|0|0|0|0|0|4|四、结转下年度继续办理|四、政府信息公开行政复议、行政诉讼情况|",
        ]
        .concat()
        .replace('|', "\n");
        let (_, rs) = rows(&text);
        let mut r = Report::default();
        super::super::read_requests(&text, &rs, Template::T2019, 0, &mut r);
        let mut t = [[0_i64; 7]; 23];
        let filled = [(0, [35, 3, 0, 1, 4, 0]), (1, [4, 0, 0, 0, 0, 0]), (2, [18, 2, 0, 1, 1, 0])];
        let more = [(3, [1, 1, 0, 0, 1, 0]), (8, [1, 0, 0, 0, 0, 0]), (11, [1, 0, 0, 0, 0, 0])];
        let later = [(12, [10, 0, 0, 0, 2, 0]), (13, [1, 0, 0, 0, 0, 0]), (14, [1, 0, 0, 0, 0, 0])];
        let last = [(18, [2, 0, 0, 0, 0, 0]), (21, [35, 3, 0, 1, 4, 0]), (22, [4, 0, 0, 0, 0, 0])];
        for (r, cells) in filled.into_iter().chain(more).chain(later).chain(last) {
            t[r][..6].copy_from_slice(&cells);
            t[r][6] = cells.iter().sum();
        }
        for (row, spec) in t.iter().zip(template::request_rows(Template::T2019)) {
            assert_eq!(get(&r, spec.key), row, "{}: {:?}", spec.key, r.issues);
        }
    }

    #[test]
    fn the_total_column_of_the_first_rows_printed_apart_is_theirs_where_each_is_its_row_s_sum() {
        let rows_then = |totals: &str, after_first_line: bool| {
            let (inside, after) = if after_first_line { (totals, "") } else { ("", totals) };
            format!(
                "{HEAD}{}一、本年新收政府信息公开申请数量\n{}二、上年结转政府信息公开申请数量\n{}(一)予以公开\n\
                 {}2.其他法律行政法 2\n{inside}规禁止公开\n{after}{}3.危及\"三安全一稳 1\n定\"\n",
                lines(&[116, 10, 2, 1, 7, 2]),
                lines(&[14, 0, 0, 0, 0, 0]),
                lines(&[58, 5, 1, 1, 3, 1]),
                lines(&[0, 0, 0, 0, 0]),
                lines(&[0, 0, 0, 0, 0, 1]),
            )
        };
        for after_first_line in [true, false] {
            let r = requests(&rows_then(&lines(&[138, 14, 69, 2]), after_first_line));
            assert_eq!(get(&r, "new_received"), [116, 10, 2, 1, 7, 2, 138], "{after_first_line}");
            assert_eq!(get(&r, "granted"), [58, 5, 1, 1, 3, 1, 69]);
            assert_eq!(get(&r, "denied_law_prohibited"), [2, 0, 0, 0, 0, 0, 2]);
            assert_eq!(get(&r, "denied_security_stability"), [1, 0, 0, 0, 0, 0, 1]);
            // A run that is not the rows' sums is no column of theirs.
            let r = requests(&rows_then(&lines(&[138, 15, 69, 2]), after_first_line));
            assert_eq!(get(&r, "new_received")[6], -1, "{after_first_line}");
            assert_eq!(get(&r, "granted")[..6], [58, 5, 1, 1, 3, 1]);
        }
    }

    #[test]
    fn the_total_column_apart_as_many_as_a_row_s_numbers_is_theirs_where_it_tells() {
        // The 总计 of five rows, with the next row's number on its label's line as many as a row's.
        let text = |firsts: [i64; 4], totals: &[i64]| {
            let row = |first: i64| lines(&[first, 0, 0, 0, 0, 0]);
            format!(
                "{HEAD}{}一、本年新收政府信息公开申请数量\n{}二、上年结转政府信息公开申请数量\n{}(一)予以公开\n\
                 {}(二)部分公开\n{}(三)不予公开 1.属于国家秘密\n{}2.其他法律行政法规 0\n{}禁止公开\n\
                 3.危及\"三安全一稳 0\n定\"\n",
                row(firsts[0]),
                row(firsts[1]),
                row(firsts[2]),
                row(firsts[3]),
                lines(&[0; 6]),
                lines(totals),
                lines(&[0; 6]),
            )
        };
        let r = requests(&text([20, 2, 9, 1], &[20, 2, 9, 1, 0]));
        assert_eq!(get(&r, "new_received"), [20, 0, 0, 0, 0, 0, 20]);
        assert_eq!(get(&r, "granted"), [9, 0, 0, 0, 0, 0, 9]);
        assert_eq!(get(&r, "denied_state_secret"), [0; 7]);
        assert_eq!(get(&r, "denied_law_prohibited"), [0; 7]);
        // Sums mostly 0 tell nothing: as many as a row's numbers, they may be the next row's.
        let r = requests(&text([20, 0, 0, 0], &[20, 0, 0, 0, 0]));
        assert_eq!(get(&r, "new_received")[6], -1);
    }

    #[test]
    fn a_lone_number_on_a_wrapped_label_is_the_first_column_s() {
        let text = format!(
            "{HEAD}{}一、本年新收政府信息公开申请数量\n{}5.属于三类内部事 0\n务信息\n6.属于四类过程性 2\n信息\n",
            lines(&[4, 0, 0, 0, 1, 1, 6]),
            lines(&[0; 6]),
        );
        let r = requests(&text);
        assert_eq!(get(&r, "denied_internal_affairs"), [0; 7]);
        assert_eq!(get(&r, "denied_process_info"), [2, -1, -1, -1, -1, -1, -1]);
    }

    #[test]
    fn the_shortened_form_with_its_numbers_first() {
        let text = "三、收到和处理政府信息公开申请情况\n(本列数据的勾 申请人情况\n自然人\n法人或其他组 总计\n织\n\
                    5499\n1070\n6569\n一、本年新收政府信息公开申请数量\n692\n75\n767\n二、上年结转政府信息公开申请数量\n\
                    2521\n472\n2993\n三、本年度办 (一)予以公开\n理结果\n11\n69\n(三)不予公开 1.属于国家秘 58\n密\n\
                    2.其他法律行 62\n政法规禁止公\n开\n";
        let r = requests(text);
        assert_eq!(get(&r, "new_received"), [5499, -1, -1, -1, -1, -1, 6569]);
        assert_eq!(get(&r, "carried_over"), [692, -1, -1, -1, -1, -1, 767]);
        assert_eq!(get(&r, "granted"), [2521, -1, -1, -1, -1, -1, 2993]);
        assert_eq!(get(&r, "denied_state_secret"), [58, -1, -1, -1, -1, -1, 69]);
        // Its other numbers printed elsewhere: the first column only.
        assert_eq!(get(&r, "denied_law_prohibited"), [62, -1, -1, -1, -1, -1, -1]);
        // Wide numbers: the first two on the first row's label's line, its total above.
        let wide = text.replace("5499\n1070\n6569\n一、本年新收政府信息公开申请数量", "6569\n一、本年新收 5499 1070\n政府信息公开申请数量");
        assert_eq!(get(&requests(&wide), "new_received"), [5499, -1, -1, -1, -1, -1, 6569]);
    }

    #[test]
    fn a_label_wrapped_over_many_lines_is_its_row_s() {
        // A narrow label column: the lines after a row's first are its label's.
        let text = format!(
            "{HEAD}{}一、本年新 25 2\n收政府信息\n公开申请数\n量\n{}二、上年结 1\n转政府信息\n公开申请数\n量\n\
             {}三、本年度 8\n办理结果\n(一)予以\n公开\n{}(二)部分 2\n公开\n",
            lines(&[0, 0, 1, 0, 28]),
            lines(&[0, 0, 0, 0, 0, 1]),
            lines(&[1, 0, 0, 1, 0, 10]),
            lines(&[0, 0, 0, 0, 0, 2]),
        );
        let r = requests(&text);
        assert_eq!(get(&r, "new_received"), [25, 2, 0, 0, 1, 0, 28]);
        assert_eq!(get(&r, "carried_over"), [1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(get(&r, "granted"), [8, 1, 0, 0, 1, 0, 10]);
        assert_eq!(get(&r, "partially_granted"), [2, 0, 0, 0, 0, 0, 2]);
    }

    #[test]
    fn wide_numbers_wrapped_in_their_cells_are_joined_where_the_row_then_adds_up() {
        // `2205` and `2644` wrapped in their narrow cells: `220` … `264` over
        // `5` … `4`, the last digits printed after the row's label.
        let text = format!(
            "{HEAD}{}一、本年新收政府信息公开申请数量\n5\n4\n{}二、上年结转政府信息公开申请数量\n{}(一)予以公开\n",
            lines(&[220, 224, 31, 23, 105, 56, 264]),
            lines(&[185, 0, 0, 0, 17, 12, 214]),
            lines(&[1, 0, 0, 0, 0, 0, 1]),
        );
        let r = requests(&text);
        assert_eq!(get(&r, "new_received"), [2205, 224, 31, 23, 105, 56, 2644]);
        assert_eq!(get(&r, "carried_over"), [185, 0, 0, 0, 17, 12, 214]);
        assert_eq!(get(&r, "granted"), [1, 0, 0, 0, 0, 0, 1]);
        // Digits that make the row add up two ways: not joined.
        let text = format!(
            "{HEAD}{}一、本年新收政府信息公开申请数量\n1\n{}二、上年结转政府信息公开申请数量\n",
            lines(&[1, 1, 0, 0, 0, 0, 12]),
            lines(&[185, 0, 0, 0, 17, 12, 214]),
        );
        assert_ne!(get(&requests(&text), "new_received"), [11, 1, 0, 0, 0, 0, 12]);
    }

    #[test]
    fn wide_numbers_share_a_line() {
        let text = format!(
            "{HEAD}3974 388 42 37 189 102 4732\n一、本年新收政府信息公开申请数量\n243 8\n8\n3\n15 6\n283\n\
             二、上年结转政府信息公开申请数量\n0\n3\n0\n0\n44\n2.其他法律行政法 36 5\n规禁止公开\n"
        );
        let r = requests(&text);
        assert_eq!(get(&r, "new_received"), [3974, 388, 42, 37, 189, 102, 4732]);
        assert_eq!(get(&r, "carried_over"), [243, 8, 8, 3, 15, 6, 283]);
        assert_eq!(get(&r, "denied_law_prohibited"), [36, 5, 0, 3, 0, 0, 44]);
    }

    #[test]
    fn a_header_numbering_its_columns_is_no_row() {
        // `pdftotext -layout` of a form numbering its columns, the first label wrapped.
        let text = format!(
            "{HEAD}1 2 3 4 5 6 7\n一、本年新收政府信息\n公开申请数量  4  0  0  0  1  1  6\n\
             二、上年结转政府信息公开申请数量  2  0  0  0  0  1  3\n"
        );
        let (_, rs) = rows(&text);
        let first = first_named(&rs, Template::T2021).unwrap();
        assert!(rebuilt(&rs, first, Template::T2021, 7).is_none());
        assert_eq!(get(&requests(&text), "new_received"), [4, 0, 0, 0, 1, 1, 6]);
    }

    #[test]
    fn a_first_label_whose_next_line_holds_its_first_number_names_the_table() {
        // A page's PDF: `一、 本` over `年新收政府信息公开申 11`, the row's first number after its words.
        let text = format!("{HEAD}一、 本\n年新收政府信息公开申 11\n请数量\n");
        let (_, rs) = rows(&text);
        let first = first_named(&rs, Template::T2021).unwrap();
        assert!(rs[first].label().starts_with("一、"), "{}", rs[first].label());
        // A number between the lines, and the line after it, go on no less.
        let text = format!("{HEAD}一、本年\n3\n新收政府信息公开申请数量\n");
        let (_, rs) = rows(&text);
        assert!(rs[first_named(&rs, Template::T2021).unwrap()].label().starts_with("一、"));
        // Two lines on that do not end the anchor: no table named.
        let text = format!("{HEAD}一、 本\n年度收到申请 11\n新收\n");
        let (_, rs) = rows(&text);
        assert_eq!(first_named(&rs, Template::T2021), None);
    }

    #[test]
    fn a_total_column_apart_before_a_label_line_that_is_numbered() {
        // The 总计 column of three rows after the third's first line, before the
        // numbered line of its label that follows (`(一)予以公开`).
        let text = format!(
            "{HEAD}{}一、本年新收政府信 3\n息公开申请数量\n{}二、上年结转政府信 1\n息公开申请数量\n\
             {}三、本年度办理结果 2\n4\n1\n3\n(一)予以公开\n{}(二)部分公开\n",
            lines(&[0, 0, 0, 1, 0]),
            lines(&[0; 5]),
            lines(&[0, 0, 0, 1, 0]),
            lines(&[1, 0, 0, 0, 0, 0, 1]),
        );
        let r = requests(&text);
        assert_eq!(get(&r, "new_received"), [3, 0, 0, 0, 1, 0, 4]);
        assert_eq!(get(&r, "carried_over"), [1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(get(&r, "granted"), [2, 0, 0, 0, 1, 0, 3]);
        assert_eq!(get(&r, "partially_granted"), [1, 0, 0, 0, 0, 0, 1]);
    }

    #[test]
    fn a_row_starts_with_its_numeral_or_its_name() {
        let cues = Cues::requests(Template::T2021);
        let starts_row = |label: &str, numbered_rows: bool| {
            let (_, rs) = rows(label);
            rs.first().is_some_and(|r| starts_row(r, numbered_rows, cues))
        };
        for label in ["一、本年新收", "(三)不予1.属于国家秘密", "2.其他法律行政法", "12、", "度办理结 (二)部分公开"] {
            assert!(starts_row(label, true), "{label}");
        }
        for label in ["规禁止公开", "务信息", "度办理结", "(本列数据", "2019年", "一项加第"] {
            assert!(!starts_row(label, true), "{label}");
        }
        assert!(starts_row("重复申请", false));
        assert!(!starts_row("务信息", false));
    }
}
