//! 表三 as plain `pdftotext` prints some word processors' PDFs of it when the
//! table is wider than its flow: the first rows a band, column by column (as
//! [`super::bands`] reads them); each later row's first columns before its label
//! (the first column's number on the label's first line where the label wraps);
//! and the later rows' last columns a block of their own after the closing
//! sections and the signature, as 表四's may be. That block lists its rows in
//! groups of a row or a few, column by column within a group (`0 5 0 6 …`, or
//! `0 1 5 11` for two rows). There may be no band: every row's first columns
//! come before its label, the first row's too (a label's line parting each
//! row's numbers from the next's). Or the table comes over bands of rows (as
//! [`super::bands`] reads it, a row a band where its rows print whole) down
//! to a row from which each prints its first columns only (a run a row, or a
//! run a column), the others in the block apart. Or the band of the first
//! rows prints its first columns a run each among the table's heads, then each
//! of its rows' next columns before the row's label, and every row's last
//! columns come in the block, the band's first (column by column); the block
//! may also come right under 表四's heading and first heads, where the flow
//! carried it past, after 表四's first cells at times.
//!
//! The reading is taken only where the band's rows add up, the later rows'
//! numbers in the table are just as many for each, and the block completes
//! the later rows so that they add up, but for one row at most (a number
//! printed wrong, which the checks flag). Of the distinct tables that every
//! way of printing and of cutting the block gives, the one that breaks the
//! fewest of the table's sums (rows, results to (七)总计, the identity) is
//! taken, only if it is the only one; the identity may fail in one column at
//! most, as [`super::bands`] allows. A table of zeros alone is none where it
//! leaves out a number not 0 before its last: marks for none fit bands of
//! rows wherever they stand; nor is a table that breaks a sum and leaves out
//! what it misses by (the number left out may be the cell the sum wants).

use super::bands::{identity_unequal, near_enough, not_adding, results_unequal, runs_of, tokens, Token};
use super::*;
use crate::extract::cells::cells_add_up;

/// The most rows a group of the block apart lists column by column (a page's
/// rows of short labels, six of them at most, side by side at one height).
const MAX_GROUP: usize = 6;

/// The band of the first rows: the first `n` runs, of one length `s` (two rows
/// or more, fewer than the table's `m`), none on a label's line, whose rows
/// (the j-th number of each run) add up. Returns the rows and the tokens taken.
fn first_band(tokens: &[Token], n: usize, m: usize) -> Option<(Vec<Vec<Cell>>, usize)> {
    let first_run = tokens.first()?.run;
    let s = tokens.iter().take_while(|t| t.run == first_run).count();
    if !(2..m).contains(&s) || tokens.len() < s * n {
        return None;
    }
    let band = &tokens[..s * n];
    let runs_of_s = band.chunks_exact(s).all(|run| run.iter().all(|t| !t.glued && t.run == run[0].run))
        && band.chunks_exact(s).map(|run| run[0].run).collect::<Vec<_>>().windows(2).all(|w| w[0] != w[1]);
    // The run after the band starts afresh.
    let parted = tokens.get(s * n).is_none_or(|t| t.run != band[s * n - 1].run);
    if !runs_of_s || !parted {
        return None;
    }
    let rows: Vec<Vec<Cell>> = (0..s).map(|j| (0..n).map(|c| band[c * s + j].cell).collect()).collect();
    rows.iter().all(|r| cells_add_up(r)).then_some((rows, s * n))
}

/// The later rows' first `w` columns: the numbers in printed order, `w` a
/// row; a number on a label's line is its row's first (printed after the rest
/// where the row's numbers come before its label, or before them).
fn first_columns(tokens: &[Token], w: usize) -> Option<Vec<Vec<Cell>>> {
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    let mut row: Vec<Cell> = Vec::new();
    let mut k = 0;
    while k < tokens.len() {
        let on_label = |t: &&Token| t.glued && t.run == tokens[k].run;
        let glued: Vec<Cell> = tokens[k..].iter().take_while(on_label).map(|t| t.cell).collect();
        if glued.is_empty() {
            row.push(tokens[k].cell);
            k += 1;
        } else if row.is_empty() || row.len() + glued.len() == w {
            row.splice(0..0, glued.iter().copied());
            k += glued.len();
        } else {
            return None;
        }
        if row.len() == w {
            rows.push(std::mem::take(&mut row));
        } else if row.len() > w {
            return None;
        }
    }
    row.is_empty().then_some(rows)
}

/// The block of the last columns apart: the first run of lines of numbers
/// alone after the closing sections' last heading (after row `end`), or,
/// where none follows it, after the one before (the flow may carry the block
/// between them), if one. 表四's last proceeding may be printed within it, its
/// heads' pieces a character a line and then a number for each outcome they
/// name (`复议后起诉` / `结` / `结` / `其` / … / `持` / `正` / `果` / `0` / `0` /
/// `0`): those numbers are 表四's, and the block goes on after them.
fn block_apart(rows: &[Row], end: usize) -> Option<Vec<Cell>> {
    let after = |w: &str| {
        let closing = (end..rows.len()).find(|&k| rows[k].label().has(w))?;
        let start = (closing + 1..rows.len()).find(|&k| rows[k].is_numbers_alone())?;
        // The numbers of the lines of numbers alone from a row on, and the row after them.
        let run = |from: usize| {
            let lines = rows[from..].iter().take_while(|r| r.is_numbers_alone()).count();
            let cells: Vec<Cell> = rows[from..from + lines].iter().flat_map(|r| r.cells.iter().copied()).collect();
            (cells, from + lines)
        };
        let (mut block, mut k) = run(start);
        loop {
            let piece = |r: &Row| r.cells.is_empty() && litigation_head_piece(r.label());
            let pieces = rows[k..].iter().take_while(|r| piece(r)).count();
            let heads: String = rows[k..k + pieces].iter().map(Row::label).collect();
            let outcomes = 0..template::LITIGATION_OUTCOMES.len();
            let own = outcomes.filter(|&o| super::litigation::names_outcome(&heads, o)).count();
            let (theirs, after) = run(k + pieces);
            // (表四's numbers, then the block's again.)
            if pieces == 0 || own == 0 || theirs.len() <= own {
                break;
            }
            block.extend_from_slice(&theirs[own..]);
            k = after;
        }
        Some(block)
    };
    after("其他需要报告").or_else(|| after("存在的主要问题"))
}

/// Whether a line is a piece of 表四's heads: characters of its outcomes'
/// heads alone (`结`, `果`, `持`), or a proceeding's head (`复议后起诉`).
fn litigation_head_piece(label: &str) -> bool {
    let outcome = |c: char| template::LITIGATION_OUTCOME_LABELS.iter().any(|l| l.contains(c));
    !label.is_empty() && (label.chars().all(outcome) || label.ends_with("起诉"))
}

/// Row `k`, 表三's last (before row `end`), printed with its first columns
/// only and its others the block apart after the closing sections, where the
/// flow carried them to the next page past the page's footer (`四、结转下年度`
/// / `4` / `继续办理` / `1` / … / `版权所有：…` / `0` / `0` / `0` / `0` / `5`): the
/// rows with that row's numbers whole, where the block is just the columns it
/// lacks and the row then adds up.
pub(super) fn last_row_completed<'a>(rows: &[Row<'a>], k: usize, end: usize, n: usize) -> Option<Vec<Row<'a>>> {
    let have = rows.get(k)?.cells.as_slice();
    if have.is_empty() || have.len() >= n || have.iter().any(|c| c.value.is_none()) {
        return None;
    }
    let block = block_apart(rows, end)?;
    let cells = [have, &block].concat();
    if cells.len() != n || !cells_add_up(&cells) {
        return None;
    }
    let mut out = rows.to_vec();
    out[k].cells = cells;
    Some(out)
}

/// The most rows between 表四's heading and the block under it: 表四's heads
/// that come first (`行政复议`, `行政诉讼`, `未经复议直接起诉`, `复议后起诉`)
/// and the pieces of a 表三 label carried there (`年度办` / `理结果`).
const MAX_HEADS_ABOVE: usize = 8;

/// The block of the last columns right under 表四's heading (row `end`), where
/// the table's flow carried them past it: the first run of lines of numbers
/// alone after it and a few of 表四's heads at most. 表四's first cells may
/// come first in that run (a page that sets 表四's rows beside 表三's last
/// prints the numbers as they come down it): the block is then the run from
/// any of them on: each block is the run past that many of its numbers.
fn blocks_under_heading(rows: &[Row], end: usize) -> (Vec<Cell>, std::ops::RangeInclusive<usize>) {
    let run = block_under_heading(rows, end).unwrap_or_default();
    let cells = template::LITIGATION_PROCEEDINGS.len() * template::LITIGATION_OUTCOMES.len();
    let past = 0..=cells.min(run.len());
    (run, past)
}

/// The run of lines of numbers alone right under 表四's heading (see [`blocks_under_heading`]).
pub(super) fn block_under_heading(rows: &[Row], end: usize) -> Option<Vec<Cell>> {
    let heading = rows.get(end)?;
    if !template::LITIGATION_ANCHORS.iter().any(|a| heading.label().has(a)) {
        return None;
    }
    let start = (end + 1..rows.len()).take(MAX_HEADS_ABOVE + 1).find(|&k| rows[k].is_numbers_alone())?;
    if rows[end + 1..start].iter().any(|r| r.kind == Kind::Prose || !r.cells.is_empty()) {
        return None;
    }
    let block = rows[start..].iter().take_while(|r| r.is_numbers_alone()).flat_map(|r| r.cells.iter().copied());
    Some(block.collect())
}

/// The most rows of heads above 表三's first row looked through (for numbers, or for its heads).
pub(super) const MAX_HEAD_ROWS: usize = 24;

/// The row of 表三's heads naming its first column (`自然人`) above row
/// `start`, where heads and numbers alone only lie between (a band's first
/// columns may be printed among the heads); else `start`.
fn heads_from(rows: &[Row], start: usize) -> usize {
    let head = |r: &Row| r.kind == Kind::Table && (r.is_numbers_alone() || r.cells.is_empty());
    let above = rows[..start].iter().rev().take(MAX_HEAD_ROWS).take_while(|r| head(r)).count();
    (start - above..start).find(|&k| rows[k].label().has("自然人")).unwrap_or(start)
}

/// The rows' first columns where the band of the first `s` rows is printed
/// in part: its first `c` columns a run each (among the heads), then each of
/// its rows' next columns a run, then each later row's (see
/// [`first_columns`]); `w` columns a row, the `m` rows' numbers being all
/// there are. Each way they read, with the band's `s`.
fn band_in_part(tokens: &[Token], n: usize, m: usize) -> Vec<(Reading, usize)> {
    let mut out = Vec::new();
    let Some(first) = tokens.first() else { return out };
    let s = tokens.iter().take_while(|t| t.run == first.run).count();
    let w = tokens.len() / m;
    if tokens.len() % m != 0 || !(1..n).contains(&w) || !(2..m).contains(&s) {
        return out;
    }
    let one_run = |run: &[Token]| run.iter().all(|t| !t.glued && t.run == run[0].run);
    for c in 1..=w {
        let (runs, rest) = tokens.split_at(c * s);
        let (next, later) = rest.split_at(s * (w - c));
        let mut chunks: Vec<&[Token]> = runs.chunks_exact(s).collect();
        if w > c {
            chunks.extend(next.chunks(w - c));
        }
        let apart = chunks.windows(2).all(|p| p[0][0].run != p[1][0].run);
        // (The later rows start afresh.)
        let parted = later.first().is_none_or(|t| t.run != tokens[s * w - 1].run);
        if !chunks.iter().all(|r| one_run(r)) || !apart || !parted {
            continue;
        }
        let Some(later) = first_columns(later, w).filter(|l| l.len() == m - s) else { continue };
        let band = (0..s).map(|j| {
            let firsts = (0..c).map(|k| runs[k * s + j].cell);
            firsts.chain(next[j * (w - c)..(j + 1) * (w - c)].iter().map(|t| t.cell)).collect()
        });
        out.push((band.chain(later).collect(), s));
    }
    out
}

/// The rows completed from the block where the band of the first `s` rows
/// (of `firsts`, each row's first columns) lists its last `a` columns first,
/// column by column, and the later rows follow as [`completions`] reads them;
/// the band's rows must add up.
fn band_completed(firsts: &[Vec<Cell>], s: usize, block: &[Cell], a: usize) -> Vec<Reading> {
    let Some(block) = block.get(..firsts.len() * a) else { return Vec::new() };
    let last = |j: usize| (0..a).map(move |c| block[c * s + j]);
    let band: Reading = (0..s).map(|j| firsts[j].iter().copied().chain(last(j)).collect()).collect();
    if not_adding(&band) > 0 {
        return Vec::new();
    }
    let later = completions(&firsts[s..], &block[s * a..], a).unwrap_or_default();
    later.into_iter().map(|more| [band.clone(), more].concat()).collect()
}

/// The most distinct readings of the rows from one row on that are kept: more
/// (a block that fits many ways) is no reading.
const MAX_READINGS: usize = 64;

/// The most rows after the band printed whole.
const MAX_WHOLE: usize = 2;

/// Rows read, each its cells.
type Reading = Vec<Vec<Cell>>;

/// Whether two readings of rows give the same numbers.
fn same_numbers(a: &[Vec<Cell>], b: &[Vec<Cell>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.iter().map(Cell::number).eq(y.iter().map(Cell::number)))
}

/// Adds `reading` to `readings` unless one gives the same numbers; false
/// where that makes too many.
fn add_distinct(readings: &mut Vec<Reading>, reading: Reading) -> bool {
    if !readings.iter().any(|r| same_numbers(r, &reading)) {
        readings.push(reading);
    }
    readings.len() <= MAX_READINGS
}

/// The later rows completed from the block: row j's `a` last cells start at
/// `j * a`; a group of `k` rows from row j lists its first column's numbers,
/// then its second's. Every way to cut the rows into groups whose rows add up,
/// but one row at most (a number printed wrong), is looked at: the distinct
/// readings they give (most cuts of rows of zeros give the same); `None` where
/// there are too many.
fn completions(firsts: &[Vec<Cell>], block: &[Cell], a: usize) -> Option<Vec<Reading>> {
    let r = firsts.len();
    let row_of = |j: usize, k: usize, i: usize| -> Vec<Cell> {
        let base = j * a;
        firsts[j + i].iter().copied().chain((0..a).map(|c| block[base + c * k + i])).collect()
    };
    // after[j][f]: the distinct readings of rows j.. with `f` rows not adding up.
    let mut after: Vec<[Vec<Reading>; 2]> = vec![[Vec::new(), Vec::new()]; r + 1];
    after[r][0].push(Vec::new());
    for j in (0..r).rev() {
        let mut here: [Vec<Reading>; 2] = [Vec::new(), Vec::new()];
        for k in 1..=MAX_GROUP.min(r - j) {
            let rows: Reading = (0..k).map(|i| row_of(j, k, i)).collect();
            let fails = not_adding(&rows);
            for (f, rests) in after[j + k].iter().enumerate().filter(|(f, _)| f + fails <= 1) {
                for rest in rests {
                    if !add_distinct(&mut here[f + fails], [rows.clone(), rest.clone()].concat()) {
                        return None;
                    }
                }
            }
        }
        after[j] = here;
    }
    let [adding, one_not] = std::mem::take(&mut after[0]);
    Some(adding.into_iter().chain(one_not).collect())
}

/// The readings of the `later` rows after the band from the numbers after it
/// (`rest`): the first `whole` printed whole, `n` numbers each adding up; the
/// others' first columns, just as many for each, completed from the block apart.
fn later_rows(rest: &[Token], block: &[Cell], later: usize, whole: usize, n: usize) -> Option<Vec<Reading>> {
    let (whole_rows, rest) = rest.split_at_checked(whole * n)?;
    let read: Reading = whole_rows.chunks_exact(n).map(|r| r.iter().map(|t| t.cell).collect()).collect();
    if whole_rows.iter().any(|t| t.glued) || !read.iter().all(|r| cells_add_up(r)) {
        return None;
    }
    let later = later.checked_sub(whole).filter(|&l| l > 0)?;
    if rest.is_empty() || rest.len() % later != 0 || rest.len() / later >= n {
        return None;
    }
    let w = rest.len() / later;
    let firsts = first_columns(rest, w)?;
    let a = n - w;
    let completions = completions(&firsts, block.get(..later * a)?, a)?;
    Some(completions.into_iter().map(|more| [read.clone(), more].concat()).collect())
}

/// The last `later` rows' first `w` columns from the numbers' end: each row's
/// a run of its own (or with its first on its label's line), or each column's
/// a run of `later`. Each way they read.
fn last_rows(tokens: &[Token], later: usize, w: usize) -> Vec<Reading> {
    let Some(at) = tokens.len().checked_sub(later * w) else { return Vec::new() };
    let tail = &tokens[at..];
    // The rows start a run.
    if at > 0 && tokens[at - 1].run == tail[0].run {
        return Vec::new();
    }
    let mut out: Vec<Reading> = first_columns(tail, w).into_iter().collect();
    let by_columns = tail.chunks(later).all(|c| c.iter().all(|t| !t.glued && t.run == c[0].run))
        && tail.chunks(later).zip(tail.chunks(later).skip(1)).all(|(a, b)| a[0].run != b[0].run);
    if by_columns && later > 1 {
        out.push((0..later).map(|j| (0..w).map(|c| tail[c * later + j].cell).collect()).collect());
    }
    out
}

/// The rows of a table's first part read over bands (see [`super::bands`]),
/// from its numbers: `m` rows of `n` cells.
fn banded_rows(tokens: &[Token], n: usize, m: usize) -> Option<(Reading, usize, bool)> {
    let runs = runs_of(tokens);
    // (More runs than a table prints: no such table.)
    if runs.len() >= super::bands::MAX_RUNS {
        return None;
    }
    super::bands::best_reading(&runs, n, m)
}

/// The first `m` rows where each prints its columns but 总计 as
/// [`first_columns`] reads them, row after row, and their totals then a run
/// of their own (the 总计 column of the rows on the page the flow gave them);
/// `None` where the numbers are not just those or a row does not add up.
fn totals_apart(tokens: &[Token], n: usize, m: usize) -> Option<Reading> {
    let (firsts, totals) = tokens.split_at_checked(tokens.len().checked_sub(m)?)?;
    if firsts.len() != m * (n - 1) || totals.iter().any(|t| t.glued || t.run != totals[0].run) {
        return None;
    }
    // (The totals' run starts afresh.)
    if firsts.last().is_some_and(|t| t.run == totals[0].run) {
        return None;
    }
    let rows = first_columns(firsts, n - 1)?;
    let read: Reading = rows.into_iter().zip(totals).map(|(row, total)| [row, vec![total.cell]].concat()).collect();
    read.iter().all(|r| cells_add_up(r)).then_some(read)
}

/// The tables that the block apart (`block`) completes, as [`apart`] reads
/// them, added to `tables`: a band of the first rows printed whole, or the
/// table over bands down to its last rows (`all` its numbers, `tokens` those
/// from its first row's); `None` where they are too many.
fn read_apart(
    all: &[Token],
    tokens: &[Token],
    block: &[Cell],
    (n, m): (usize, usize),
    labels_between: bool,
    tables: &mut Vec<Reading>,
) -> Option<()> {
    // A band of the first rows, and each later row's first columns; the rows
    // right after the band may be printed whole (a row the page's flow had
    // not yet parted).
    if let Some((band, taken)) = first_band(tokens, n, m) {
        for whole in 0..=MAX_WHOLE {
            for more in later_rows(&tokens[taken..], block, m - band.len(), whole, n).unwrap_or_default() {
                if !add_distinct(tables, [band.clone(), more].concat()) {
                    return None;
                }
            }
        }
    }
    // Or no band: every row's first columns before its label (the first row's
    // before 表三's first label, among the numbers `tokens` leaves out).
    for read in later_rows(all, block, m, 0, n).filter(|_| labels_between).unwrap_or_default() {
        if !add_distinct(tables, read) {
            return None;
        }
    }
    // Or the table over bands of rows (a row a band, where the rows print
    // whole) down to a row from which each prints its first columns only (as
    // many as the page's flow left in the table: a few rows, or most).
    for later in 1..=m.saturating_sub(2) {
        for w in 1..n {
            // (The block and the numbers before the last rows must hold theirs:
            // the band reading, the costliest, comes last.)
            let prefix = &all[..all.len().saturating_sub(later * w)];
            let Some(block) = block.get(..later * (n - w)) else { continue };
            if prefix.len() < (m - later) * n {
                continue;
            }
            for firsts in last_rows(all, later, w) {
                let completed = completions(&firsts, block, n - w).unwrap_or_default();
                if completed.is_empty() {
                    continue;
                }
                let banded = || banded_rows(prefix, n, m - later).map(|(read, ..)| read);
                let Some(read) = banded().or_else(|| totals_apart(prefix, n, m - later)) else { continue };
                for more in completed {
                    if !add_distinct(tables, [read.clone(), more].concat()) {
                        return None;
                    }
                }
            }
        }
    }
    Some(())
}

/// Reads 表三 printed with its last columns apart (see the module's comment):
/// its rows in the template's order, each with its label and `n` cells, and
/// the index of the layout row after the table; `None` where it is not printed so.
pub(super) fn apart<'a>(
    text: &str,
    rows: &[Row<'a>],
    first: usize,
    t: Template,
    n: usize,
) -> Option<(Vec<Row<'a>>, usize)> {
    let stop = |r: &Row| r.kind == Kind::Prose || template::LITIGATION_ANCHORS.iter().any(|a| r.label().has(a));
    let end = (first..rows.len()).find(|&k| stop(&rows[k])).unwrap_or(rows.len());
    let specs = template::request_rows(t);
    let m = specs.len();
    // The block after the closing sections, or right under 表四's heading (a
    // row's last columns at least for each row: not 表四's fifteen cells).
    let apart = block_apart(rows, end);
    let (run, past) = blocks_under_heading(rows, end);
    let under = past.map(|k| &run[k..]).filter(|b| b.len() >= m);
    let blocks: Vec<&[Cell]> = apart.as_deref().into_iter().chain(under).collect();
    if blocks.is_empty() {
        return None;
    }
    // (The first row's numbers may come before its label.)
    let start = first - rows[..first].iter().rev().take_while(|r| r.is_numbers_alone()).count();
    let all = tokens(text, rows, start, end);
    let tokens = &all[rows[start..first].iter().map(|r| r.cells.len()).sum::<usize>()..];
    // Every way the table may be printed so is looked at, and of the tables
    // they make, the one that keeps the table's sums best (its rows', the
    // results' to (七)总计, the identity) is taken, if one alone does.
    // (Rows each with its first columns before its label: a label's line
    // after each row's numbers, or with its last, before the next row's.)
    let labels_between = !all.is_empty() && all.len() % m == 0 && {
        let w = all.len() / m;
        let labelled = |from: usize, to: usize| from < to && rows[from..=to].iter().any(|r| !r.labels.is_empty());
        all.chunks(w).zip(all.chunks(w).skip(1)).all(|(a, b)| labelled(a[w - 1].row, b[0].row))
    };
    let mut tables: Vec<Reading> = Vec::new();
    for block in &blocks {
        read_apart(&all, tokens, block, (n, m), labels_between, &mut tables)?;
    }
    // A band of the first rows printed in part, its last columns first in the
    // block (the numbers from the heads on: `w` columns for each row).
    let heads = heads_from(rows, start);
    let cells: usize = rows[heads..end].iter().map(|r| r.cells.len()).sum();
    let in_part = || band_in_part(&super::bands::tokens(text, rows, heads, end), n, m);
    let parts = if cells % m == 0 && (1..n).contains(&(cells / m)) { in_part() } else { Vec::new() };
    for (firsts, s) in parts {
        for block in &blocks {
            for read in band_completed(&firsts, s, block, n - firsts[0].len()) {
                if !add_distinct(&mut tables, read) {
                    return None;
                }
            }
        }
    }
    // What breaks the table's arithmetic: rows not adding up, columns breaking a sum.
    let unequal = |read: &Reading| identity_unequal(&specs, read, n) + results_unequal(&specs, read, n);
    let broken = |read: &Reading| not_adding(read) + unequal(read);
    let fewest = tables.iter().map(broken).min()?;
    let mut best = tables.into_iter().filter(|r| broken(r) == fewest);
    let read = best.next()?;
    // (Zeros alone leaving out a number not 0: marks for none read wherever
    // they stand; nor a table leaving out what a broken sum misses by, perhaps
    // the cell it wants.)
    let zeros = read.iter().flatten().all(|c| c.number() == 0.0);
    let unsound = (zeros || fewest > 0) && {
        let left = super::bands::left_out_past(tokens, &read, 0);
        !left.is_empty() && (zeros || left.iter().any(|v| super::bands::misses(&specs, &read, n).contains(v)))
    };
    if best.next().is_some() || !near_enough(&specs, &read, n) || unsound {
        return None;
    }
    Some((super::bands::labelled(&rows[first], &specs, read), end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cells::rows;

    /// A 2019 表三 (23 rows) that adds up.
    fn table() -> Vec<Vec<u32>> {
        let mut t = vec![vec![0; 7]; 23];
        t[0] = vec![538, 57, 4, 5, 33, 16, 653];
        t[1] = vec![21, 6, 0, 0, 0, 1, 28];
        t[2] = vec![269, 20, 3, 2, 12, 7, 313];
        t[3] = vec![45, 7, 1, 0, 5, 2, 60];
        t[4] = vec![3, 1, 0, 0, 0, 0, 4];
        t[5] = vec![3, 2, 0, 0, 0, 0, 5];
        t[6] = vec![6, 0, 0, 0, 0, 0, 6];
        t[9] = vec![12, 1, 0, 0, 0, 1, 14];
        t[12] = vec![85, 14, 0, 1, 4, 3, 107];
        t[16] = vec![5, 0, 0, 0, 0, 0, 5];
        t[17] = vec![8, 0, 0, 0, 2, 1, 11];
        t[20] = vec![10, 0, 0, 0, 0, 1, 11];
        t[21] = vec![486, 45, 4, 3, 23, 15, 576];
        t[22] = vec![73, 18, 0, 2, 10, 2, 105];
        t
    }

    /// The table as plain `pdftotext` prints it with its last `a` columns
    /// apart: the first five rows' labels, their band, each later row's other
    /// first numbers before its label (the first on the label's first line),
    /// the closing sections, and the last columns in groups of `groups` rows;
    /// the first `whole` rows after the band printed whole, a number a line.
    fn text_with(t: &[Vec<u32>], groups: &[usize], a: usize, whole: usize) -> String {
        let n = t[0].len();
        let specs = template::request_rows(Template::T2019);
        let mut text = String::from("三、收到和处理政府信息公开申请情况\n申请人情况\n商业企\n业\n科研机构\n");
        specs[..5].iter().for_each(|s| text.push_str(&format!("{}\n", s.cues[0])));
        for c in 0..n {
            t[..5].iter().for_each(|row| text.push_str(&format!("{}\n", row[c])));
            text.push('\n');
        }
        for (j, spec) in specs.iter().enumerate().skip(5).take(whole) {
            t[j].iter().for_each(|v| text.push_str(&format!("{v}\n\n")));
            text.push_str(&format!("{}\n", spec.cues[0]));
        }
        for (j, spec) in specs.iter().enumerate().skip(5 + whole) {
            t[j][1..n - a].iter().for_each(|v| text.push_str(&format!("{v}\n\n")));
            text.push_str(&format!("{}前 {}\n后半\n\n", spec.cues[0], t[j][0]));
        }
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n加强公开。\n");
        text.push_str("六、其他需要报告的事项\n无。\n某某局\n予公开\n\n");
        let (mut j, mut g) = (5 + whole, 0);
        while j < t.len() {
            let k = groups[g % groups.len()].min(t.len() - j);
            (n - a..n).for_each(|c| t[j..j + k].iter().for_each(|row| text.push_str(&format!("{}\n\n", row[c]))));
            j += k;
            g += 1;
        }
        text.push_str("尚\n未\n审\n结\n0\n");
        text
    }

    fn text_of(t: &[Vec<u32>], groups: &[usize], a: usize) -> String {
        text_with(t, groups, a, 0)
    }

    fn read(text: &str) -> Option<Vec<Vec<f64>>> {
        read_of(text, 7)
    }

    fn read_of(text: &str, n: usize) -> Option<Vec<Vec<f64>>> {
        let (_, rs) = rows(text);
        let first = super::super::numbers_first::first_named(&rs, Template::T2019)?;
        let (built, _) = apart(text, &rs, first, Template::T2019, n)?;
        Some(built.iter().map(|r| r.cells.iter().map(Cell::number).collect()).collect())
    }

    fn expected(t: &[Vec<u32>]) -> Vec<Vec<f64>> {
        t.iter().map(|r| r.iter().map(|&v| v as f64).collect()).collect()
    }

    #[test]
    fn the_last_columns_after_the_closing_sections_complete_the_later_rows() {
        let t = table();
        for groups in [&[1][..], &[1, 1, 2, 1, 3], &[3, 2]] {
            assert_eq!(read(&text_of(&t, groups, 2)), Some(expected(&t)), "{groups:?}");
        }
        assert_eq!(read(&text_of(&t, &[1], 4)), Some(expected(&t)));
        // The shortened form (自然人, 法人或其他组织, 总计): a number in the table
        // for each later row, the other two apart.
        let short: Vec<Vec<u32>> = t.iter().map(|r| vec![r[0], r[1..6].iter().sum(), r[6]]).collect();
        assert_eq!(read_of(&text_of(&short, &[1, 2], 2), 3), Some(expected(&short)));
        // The first rows after the band printed whole: the block completes the others.
        for whole in [1, 2] {
            assert_eq!(read(&text_with(&t, &[1, 2], 2, whole)), Some(expected(&t)), "{whole}");
        }
        // The block between the closing sections' headings, none after the last.
        let (last, end) = ("六、其他需要报告的事项\n无。\n", "尚\n未\n审\n结\n0\n");
        let text = text_of(&t, &[1, 2], 2);
        assert_eq!(text.matches(last).count() + text.matches(end).count(), 2);
        let between = text.replace(last, "").replace(end, &format!("{end}{last}"));
        assert_eq!(read(&between), Some(expected(&t)));
        // 表四's last proceeding printed within the block, its heads a character
        // a line then a number for each outcome they name: passed over.
        let heads = "复议后起诉\n结\n结\n其\n果\n果\n他\n维\n纠\n结\n持\n正\n果\n";
        let (before, block) = text.split_once("予公开\n\n").unwrap();
        let at = block.match_indices("\n\n").nth(5).unwrap().0 + 2;
        let within = |heads: &str| format!("{before}予公开\n\n{}{heads}0\n1\n3\n\n{}", &block[..at], &block[at..]);
        assert_eq!(read(&within(heads)), Some(expected(&t)));
        // Heads that name two outcomes over three numbers, or none: not passed over.
        assert_eq!(read(&within(&heads.replace("其\n果\n果\n他\n", "果\n果\n"))), None);
        assert_eq!(read(&within("复议后起诉\n")), None);
    }

    /// The table with each row's first `w` numbers before its label (the first
    /// on the label's line where `glued`) and every row's others right under
    /// 表四's heading and first heads, in groups of `groups` rows.
    fn no_band_text(t: &[Vec<u32>], w: usize, groups: &[usize], glued: bool) -> String {
        let specs = template::request_rows(Template::T2019);
        let mut text = String::from("三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n商业企\n业\n");
        for (row, spec) in t.iter().zip(&specs) {
            if glued {
                row[1..w].iter().for_each(|v| text.push_str(&format!("{v}\n")));
                text.push_str(&format!("{} {}\n后半\n", row[0], spec.cues[0]));
            } else {
                row[..w].iter().for_each(|v| text.push_str(&format!("{v}\n")));
                text.push_str(&format!("{}\n", spec.cues[0]));
            }
        }
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n总计\n");
        let (mut j, mut g) = (0, 0);
        while j < t.len() {
            let k = groups[g % groups.len()].min(t.len() - j);
            (w..t[0].len()).for_each(|c| t[j..j + k].iter().for_each(|row| text.push_str(&format!("{}\n", row[c]))));
            j += k;
            g += 1;
        }
        text.push_str("复议后起诉\n五、存在的主要问题及改进情况\n加强公开。\n");
        text
    }

    #[test]
    fn every_row_s_first_columns_before_its_label_and_the_others_under_the_next_heading() {
        let t = table();
        for (w, groups, glued) in [(2, &[1][..], false), (2, &[1, 2, 3], true), (3, &[2], false)] {
            assert_eq!(read(&no_band_text(&t, w, groups, glued)), Some(expected(&t)), "{w} {groups:?} {glued}");
        }
        // A row that does not add up by the agency's slip is read as printed (the checks flag it).
        let mut wrong = t.clone();
        wrong[3][6] += 1;
        assert_eq!(read(&no_band_text(&wrong, 2, &[1], false)), Some(expected(&wrong)));
        // The block short of a number: no reading.
        let text = no_band_text(&t, 2, &[1], false).replacen("105\n复议后起诉", "复议后起诉", 1);
        assert_eq!(read(&text), None);
        // The labels all first, the numbers after them: no row's numbers before its label.
        let text = no_band_text(&t, 2, &[1], false);
        let (labels, numbers): (Vec<&str>, Vec<&str>) = text.lines().partition(|l| l.parse::<u32>().is_err());
        let (table, rest) = labels.split_at(labels.iter().position(|l| l.starts_with("四、")).unwrap_or(0));
        let (heads, closing) = rest.split_at(4);
        let moved = [table, &numbers[..23 * 2], heads, &numbers[23 * 2..], closing].concat().join("\n");
        assert_eq!(read(&moved), None);
    }

    #[test]
    fn the_block_under_the_next_heading_after_all_its_first_heads_and_a_label_s_pieces_is_read() {
        let t = table();
        let heads = "行政诉讼\n总计\n";
        let more = "行政诉讼\n未经复议直接起诉\n复议后起诉\n年度办\n理结果\n总计\n";
        let text = no_band_text(&t, 2, &[1, 2], true).replacen(heads, more, 1);
        assert_eq!(read(&text), Some(expected(&t)));
    }

    #[test]
    fn the_block_under_the_next_heading_after_its_first_cells_is_read_past_them() {
        // 表四's first cells printed first in the run under its heading, its
        // last after it; the rows of short labels six at a time side by side.
        let t = table();
        let lead = |text: String| {
            let text = text.replacen("行政诉讼\n总计\n", "行政诉讼\n总计\n0\n1\n0\n0\n1\n1\n0\n0\n", 1);
            text.replacen("复议后起诉\n", "0\n1\n复议后起诉\n", 1)
        };
        assert_eq!(read(&lead(no_band_text(&t, 1, &[1, 2, 3], true))), Some(expected(&t)));
        assert_eq!(read(&no_band_text(&t, 1, &[1, 6, 2], true)), Some(expected(&t)));
        assert_eq!(read(&lead(no_band_text(&t, 2, &[3, 6], false))), Some(expected(&t)));
    }

    /// The table with its first `p` rows each printing its columns but 总计
    /// after its label (the first on the label's line past the fifth row),
    /// those rows' totals a run after them, each later row's first column on
    /// its label's line, and the later rows' other columns under 表四's heading
    /// after three of 表四's cells, two rows side by side at a time.
    fn totals_apart_text(t: &[Vec<u32>], p: usize) -> String {
        let specs = template::request_rows(Template::T2019);
        let mut text = String::from("三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n商业企\n业\n");
        for (j, (row, spec)) in t.iter().zip(&specs).take(p).enumerate() {
            if j < 5 {
                text.push_str(&format!("{}\n{}\n", spec.cues[0], lines(&row[..6])));
            } else {
                text.push_str(&format!("{} {}\n{}\n", spec.cues[0], row[0], lines(&row[1..6])));
            }
        }
        text.push_str(&format!("{}\n", lines(&t[..p].iter().map(|r| r[6]).collect::<Vec<_>>())));
        for (row, spec) in t.iter().zip(&specs).skip(p) {
            text.push_str(&format!("{} {}\n后半\n", spec.cues[0], row[0]));
        }
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n1\n0\n0\n\n");
        for pair in t[p..].chunks(2) {
            (1..7).for_each(|c| pair.iter().for_each(|row| text.push_str(&format!("{}\n", row[c]))));
            text.push('\n');
        }
        text + "0\n1\n五、存在的主要问题及改进情况\n加强公开。\n"
    }

    fn lines(numbers: &[u32]) -> String {
        numbers.iter().map(|v| format!("{v}\n")).collect()
    }

    #[test]
    fn a_page_s_totals_after_its_rows_and_the_later_rows_last_columns_under_the_next_heading_are_read() {
        let t = table();
        let text = totals_apart_text(&t, 12);
        assert_eq!(read(&text), Some(expected(&t)));
        // The table read so where the page's totals are put back first.
        let (_, rs) = rows(&text);
        let mut report = Report::default();
        super::super::read_requests(&text, &rs, Template::T2019, 0, &mut report);
        let specs = template::request_rows(Template::T2019);
        for (row, spec) in t.iter().zip(&specs) {
            let cell = |a: &str| report.requests.iter().find(|f| f.row == spec.key && f.applicant == a);
            let got: Vec<Option<i64>> = template::APPLICANTS.iter().map(|a| cell(a).map(|f| f.count)).collect();
            assert_eq!(got, row.iter().map(|&v| Some(i64::from(v))).collect::<Vec<_>>(), "{}", spec.key);
        }
        // A total not its row's sum: no reading of the rows so.
        let mut wrong = t.clone();
        wrong[3][6] += 1;
        assert_eq!(read(&totals_apart_text(&wrong, 12)), None);
    }

    #[test]
    fn a_reading_of_zeros_alone_or_leaving_out_what_a_broken_sum_misses_by_is_no_reading() {
        // Marks for none fit bands of rows wherever they stand: a table of
        // zeros read over them is not the table where it leaves out numbers
        // not 0 printed before them (`36` / `4`).
        let zeros = vec![vec![0; 7]; 23];
        let text = banded_text(&zeros, 3, 5, false);
        assert_eq!(read(&text), Some(expected(&zeros)));
        let last = template::request_rows(Template::T2019).last().map(|s| s.cues[0]).unwrap_or_default();
        let stray = |text: &str, numbers: &str| text.replacen(&format!("{last}\n"), &format!("{last}\n{numbers}\n"), 1);
        assert_eq!(read(&stray(&text, "36\n4\n")), None);
        // Nor a table that breaks a sum (a result's 1 that (七)总计 does not
        // hold) where a number left out is what it misses by; read as printed
        // where it leaves nothing out, or numbers that no sum wants.
        let mut broken = zeros.clone();
        broken[6] = vec![1, 0, 0, 0, 0, 0, 1];
        let text = banded_text(&broken, 3, 5, false);
        assert_eq!(read(&text), Some(expected(&broken)));
        assert_eq!(read(&stray(&text, "36\n1\n")), None);
        assert_eq!(read(&stray(&text, "36\n4\n")), Some(expected(&broken)));
    }

    /// The table over bands down to its last `later` rows: the first five
    /// rows a band, the others a row a band (a number a run), then the last
    /// rows' first `w` columns, each row's a run (or each column's, `by_columns`),
    /// and their other columns after the closing sections, a row a group.
    fn banded_text(t: &[Vec<u32>], later: usize, w: usize, by_columns: bool) -> String {
        let n = t[0].len();
        let m = t.len();
        let specs = template::request_rows(Template::T2019);
        let mut text: String = specs.iter().map(|s| format!("{}\n", s.cues[0])).collect();
        for c in 0..n {
            t[..5].iter().for_each(|row| text.push_str(&format!("{}\n", row[c])));
            text.push('\n');
        }
        for row in &t[5..m - later] {
            row.iter().for_each(|v| text.push_str(&format!("{v}\n\n")));
        }
        let last = &t[m - later..];
        let runs: Vec<Vec<u32>> = if by_columns {
            (0..w).map(|c| last.iter().map(|r| r[c]).collect()).collect()
        } else {
            last.iter().map(|r| r[..w].to_vec()).collect()
        };
        for run in runs {
            run.iter().for_each(|v| text.push_str(&format!("{v}\n")));
            text.push('\n');
        }
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n加强公开。\n");
        text.push_str("六、其他需要报告的事项\n无。\n某某局\n\n");
        last.iter().for_each(|r| r[w..].iter().for_each(|v| text.push_str(&format!("{v}\n\n"))));
        text
    }

    /// The table with its first `s` rows' first `c` columns a run each among
    /// the heads, each of those rows' next three before its label, each later
    /// row's first five before its label (the first on the label's first line
    /// where the row's are `glued`), and every row's last two under 表四's
    /// heading and first heads: the band's column by column, then the later
    /// rows' in groups of `groups` rows; 表四's heads and cells `l` after.
    fn in_part_text(t: &[Vec<u32>], s: usize, c: usize, groups: &[usize], glued: &[usize], l: &[u32]) -> String {
        let specs = template::request_rows(Template::T2019);
        let line = |v: &u32| format!("{v}\n");
        let mut text = String::from("三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n\n商业企\n业\n");
        for (k, head) in ["科研机构", "社会\n公益\n组织", "法律\n服务\n机构"].iter().enumerate().take(c) {
            text.push_str(&format!("{head}\n"));
            text.extend(t[..s].iter().map(|row| line(&row[k])));
        }
        text.push_str("\n其他\n\n总计\n\n");
        for (j, (row, spec)) in t.iter().zip(&specs).enumerate() {
            let glue = j >= s && glued.contains(&j);
            let from = if j < s { c } else { usize::from(glue) };
            text.extend(row[from..5].iter().map(line));
            match glue {
                true => text.push_str(&format!("{}前 {}\n后半\n", spec.cues[0], row[0])),
                false => text.push_str(&format!("{}\n", spec.cues[0])),
            }
        }
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n\n");
        (5..7).for_each(|k| text.extend(t[..s].iter().map(|row| line(&row[k]))));
        let (mut j, mut g) = (s, 0);
        while j < t.len() {
            let k = groups[g % groups.len()].min(t.len() - j);
            (5..7).for_each(|c| text.extend(t[j..j + k].iter().map(|row| format!("{}\n\n", row[c]))));
            j += k;
            g += 1;
        }
        text.push_str("未经复议直接起诉\n复议后起诉\n维持 纠正 其他 尚未审结 总计\n");
        text.extend(l.iter().map(line));
        text.push_str("五、存在的主要问题及改进情况\n加强公开。\n六、其他需要报告的事项\n无。\n");
        text
    }

    #[test]
    fn a_band_printed_in_part_among_the_heads_with_every_rows_last_columns_under_the_next_heading_is_read() {
        let t = table();
        let l = [1, 0, 0, 0, 1, 2, 1, 0, 0, 3, 0, 0, 1, 0, 1];
        for (s, c, groups, glued) in [(6, 2, &[1][..], &[6][..]), (5, 1, &[1, 3, 2], &[]), (4, 3, &[2], &[7, 9])] {
            let text = in_part_text(&t, s, c, groups, glued, &l);
            assert_eq!(read(&text), Some(expected(&t)), "{s} {c} {groups:?}");
            // 表四 keeps its own cells, not the block's.
            let (_, rs) = rows(&text);
            let mut report = Report::default();
            let after = super::super::read_requests(&text, &rs, Template::T2019, 0, &mut report).unwrap_or(0);
            super::super::read_litigation(&text, &rs, after, &mut report);
            assert_eq!(report.requests.len(), 23 * 7, "{:?}", report.issues);
            let got: Vec<u32> = report.litigation.iter().map(|f| f.count as u32).collect();
            assert_eq!(got, l, "{:?}", report.issues);
        }
        // A row of the band that does not add up: no reading.
        let mut wrong = t.clone();
        wrong[2][6] += 1;
        assert_eq!(read(&in_part_text(&wrong, 6, 2, &[1], &[], &l)), None);
    }

    #[test]
    fn a_table_over_bands_whose_last_rows_print_their_first_columns_only_is_completed() {
        let t = table();
        for (later, w, by_columns) in [(3, 5, false), (4, 6, false), (3, 3, true)] {
            let text = banded_text(&t, later, w, by_columns);
            assert_eq!(read(&text), Some(expected(&t)), "{later} {w} {by_columns}");
        }
        // A row whole before its label but its first number, on the label's first line.
        let text = banded_text(&t, 3, 5, false);
        let (whole, parted) = ("12\n\n1\n\n0\n\n0\n\n0\n\n1\n\n14\n\n", "1\n0\n0\n0\n1\n14\n6.属于四类过程 12\n性信息\n\n");
        let glued = text.replacen(whole, parted, 1);
        assert_ne!(glued, text);
        assert_eq!(read(&glued), Some(expected(&t)));
    }

    /// The table a row a run before its label down to row `m - later`, from
    /// which each row prints its first `w` numbers only (the first on the
    /// label's line where the label wraps); their other columns after the
    /// closing sections, in groups of `groups` rows, a column's numbers a run.
    fn rows_then_firsts(t: &[Vec<u32>], later: usize, w: usize, groups: &[usize]) -> String {
        let m = t.len();
        let specs = template::request_rows(Template::T2019);
        let mut text = String::from("三、收到和处理政府信息公开申请情况\n申请人情况\n");
        for (j, (row, spec)) in t.iter().zip(&specs).enumerate() {
            let shown = if j < m - later { row.len() } else { w };
            row[1..shown].iter().for_each(|v| text.push_str(&format!("{v}\n")));
            text.push_str(&format!("{}前 {}\n后半\n", spec.cues[0], row[0]));
        }
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n加强公开。\n");
        text.push_str("六、其他需要报告的事项\n无。\n某某局\n2020 年 1 月 18 日\n\n");
        let (mut j, mut g) = (m - later, 0);
        while j < m {
            let k = groups[g % groups.len()].min(m - j);
            for c in w..t[0].len() {
                t[j..j + k].iter().for_each(|row| text.push_str(&format!("{}\n", row[c])));
                text.push('\n');
            }
            j += k;
            g += 1;
        }
        text
    }

    #[test]
    fn most_rows_may_print_their_first_columns_only() {
        let t = table();
        for (later, groups) in [(16, &[1][..]), (17, &[1, 1, 2, 1, 3]), (20, &[2, 1])] {
            let text = rows_then_firsts(&t, later, 3, groups);
            assert_eq!(read(&text), Some(expected(&t)), "{later} {groups:?}");
        }
    }

    #[test]
    fn of_the_cuts_that_add_up_the_one_that_keeps_the_columns_sums_is_taken() {
        // Four columns apart, rows 19 to 21 a group of three: `0 0 1 | 0 0 0 |
        // 0 0 0 | 0 0 11` (each column's numbers for the three rows). Cut a row a
        // group, row 21 reads `1 0 0 11`, which adds up as well as `0 0 1 11`,
        // but puts 1 in the wrong column of the results.
        let mut t = table();
        assert_eq!(read(&text_of(&t, &[1, 1, 2, 1, 3], 4)), Some(expected(&t)));
        // (七)总计 printed one more in that column (and carried forward one
        // less, the identity kept): each reading breaks the results' sum in a
        // column, neither is taken.
        t[21][3] += 1;
        t[21][6] += 1;
        t[22][3] -= 1;
        t[22][6] -= 1;
        assert_eq!(read(&text_of(&t, &[1, 1, 2, 1, 3], 4)), None);
    }

    #[test]
    fn a_block_that_leaves_two_rows_not_adding_up_is_no_reading() {
        let mut t = table();
        // A number of the block printed wrong: read as printed (the checks flag it).
        let text = text_of(&t, &[1], 2).replacen("\n107\n", "\n108\n", 1);
        t[12][6] = 108;
        assert_eq!(read(&text), Some(expected(&t)));
        // Two: no reading.
        let text = text.replacen("\n105\n", "\n104\n", 1);
        assert_eq!(read(&text), None);
        let t = table();
        // Too few numbers after the closing sections.
        let whole = text_of(&t, &[1], 2);
        let cut = &whole[..whole.rfind("\n105\n").unwrap_or(whole.len())];
        assert_eq!(read(cut), None);
        // A later row short of a number where the table is.
        let short = whole.replacen("\n14\n\n", "\n", 1);
        assert_eq!(read(&short), None);
    }
}
