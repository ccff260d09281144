//! 表三 as plain `pdftotext` prints a Word table whose narrow first column
//! wraps wide numbers where each row's first columns come a line of their
//! own (as [`super::bands`] reads such a band, its first columns row by
//! row): a wrapped number's last digits follow its row's other first
//! columns, at the next row's line's start (`112 120 11 11 49` / `5 65 2 2 1
//! 6` for 1125 …, then 65 …); the band's other columns a run each, the
//! total's wrapped numbers two pieces one after the other (`134` / `5` for
//! 1345); the next row may come around the other columns. Put back a run a
//! column, as [`super::wrapped_bands`] puts back the bands it reads, where
//! one way only of joining the pieces makes every row add up.

use super::bands::Run;
use super::wrapped_bands::MAX_WRAPPED;
use super::*;

/// Where a band whose rows' first columns come row by row (see
/// [`band_at`]) may have its other columns: for each count `w` of first
/// columns, the runs that start `n - w` runs, all but the last as long as the
/// first (two numbers at least), the last as long or a few numbers longer;
/// and how many numbers the runs before each run hold; the runs' numbers
/// one after another, and the digits of each.
pub(super) struct Others {
    at: Vec<Vec<usize>>,
    before: Vec<usize>,
    cells: Vec<Cell>,
    widths: Vec<u32>,
}

impl Others {
    pub(super) fn of(text: &str, runs: &[Run], n: usize) -> Others {
        let len = |k: usize| runs.get(k).map_or(0, |r| r.0.len());
        // (How many runs from each on are as long as it.)
        let mut alike = vec![1; runs.len()];
        for k in (0..runs.len().saturating_sub(1)).rev() {
            if len(k) == len(k + 1) {
                alike[k] = alike[k + 1] + 1;
            }
        }
        let starts = |w: usize| {
            let fits = |&o: &usize| {
                let (rows, last) = (len(o), o + n - w - 1);
                rows >= 2 && alike[o] >= last - o && (rows..=rows + MAX_WRAPPED).contains(&len(last))
            };
            (0..runs.len()).filter(fits).collect()
        };
        let mut before = Vec::with_capacity(runs.len() + 1);
        before.push(0);
        for run in runs {
            before.push(before[before.len() - 1] + run.0.len());
        }
        let cells: Vec<Cell> = runs.iter().flat_map(|r| r.0.iter().copied()).collect();
        let widths = cells.iter().map(|c| digits_of(text, c).unwrap_or(0)).collect();
        Others { at: (1..n).map(starts).collect(), before, cells, widths }
    }

    /// The numbers of runs `from` up to `to`, and their digits.
    fn span(&self, from: usize, to: usize) -> (&[Cell], &[u32]) {
        let range = self.before[from]..self.before[to];
        (&self.cells[range.clone()], &self.widths[range])
    }
}

/// The band from run `i` whose rows' first `w` columns come row by row (a
/// row's first columns a line, as [`super::bands`] reads such a band), the
/// first column's wrapped numbers parted: a row's first piece starts its
/// line, the last digits follow its other first columns, at the next row's
/// line's start (`112 120 11 11 49` / `5 65 2 2 1 6` for 1125 …, then 65 …);
/// then its other columns a run each, the last column's wrapped numbers in
/// two pieces one after the other (`134` / `5` for 1345), where `others`
/// has them. The next row may come around the others: its first columns a
/// number a run before them, its others a number a run after them. Put back
/// as a run a column (the row around them a number a run after), and how
/// many runs it was printed in.
pub(super) fn band_at(
    text: &str,
    runs: &[Run],
    others: &Others,
    i: usize,
    n: usize,
    m: usize,
) -> Option<(Vec<Run>, usize)> {
    let len = |k: usize| runs.get(k).map_or(0, |r| r.0.len());
    // (The first run holds the first row's first columns.)
    for w in 1..n.min(len(i) + 1) {
        // Each start of the others after `i`, and the runs the first columns take before it.
        let at = &others.at[w - 1];
        let after = at.partition_point(|&o| o <= i);
        let near = at[after..].iter().take_while(|&&o| o - i <= m + MAX_WRAPPED + w);
        let starts = near.flat_map(|&o| [(o.saturating_sub(i + w), true, o), (o - i, false, o)]);
        for (lead, around, o) in starts.filter(|&(lead, _, _)| (1..=m + MAX_WRAPPED).contains(&lead)) {
            let (end, rows, last) = (i + lead, len(o), o + n - w - 1);
            let total = others.before[end] - others.before[i];
            let (Some(e1), e2) = (total.checked_sub(rows * w), len(last) - rows) else { continue };
            let singles = |from: usize, count: usize| (from..from + count).all(|k| len(k) == 1);
            // (No piece at all: a band as the bands reader reads it.)
            let fits = rows <= m.saturating_sub(usize::from(around))
                && (!around || singles(end, w) && singles(last + 1, n - w));
            if !fits || e1 > MAX_WRAPPED || e1 + e2 == 0 {
                continue;
            }
            let Some((firsts, tail)) = lead_joined(text, others, (i, end), (&runs[o..last], last), w, rows) else {
                continue;
            };
            let mut band: Vec<Run> = Vec::with_capacity(2 * n);
            let row = runs[end - 1].1;
            band.extend((0..w).map(|c| ((0..rows).map(|j| firsts[j * w + c]).collect(), row)));
            band.extend(runs[o..last].iter().cloned());
            band.push((tail, runs[last].1));
            if !around {
                return Some((band, last + 1 - i));
            }
            band.extend(runs[end..end + w].iter().chain(&runs[last + 1..last + 1 + n - w]).cloned());
            return Some((band, last + 1 + n - w - i));
        }
    }
    None
}

/// The first columns of a band's rows printed row by row (`firsts`, `w` a
/// row, the first column's wrapped numbers in two pieces as [`band_at`]
/// reads them: the numbers of runs `from` up to `to` of `all`) and its last
/// column (run `last` of `all`, after the `middles`), their wrapped numbers
/// joined: `rows` rows' first columns, `w` a row, and the last column; where one way only of joining them makes every
/// row add up, two rows at least holding a number not 0 (else `None`).
fn lead_joined(
    text: &str,
    all: &Others,
    (from, to): (usize, usize),
    (middles, last): (&[Run], usize),
    w: usize,
    rows: usize,
) -> Option<(Vec<Cell>, Vec<Cell>)> {
    let (firsts, widths) = all.span(from, to);
    let (last, last_widths) = all.span(last, last + 1);
    let last_widest = last_widths.iter().copied().max().unwrap_or(0);
    let mut walk = LeadWalk {
        text,
        firsts,
        widths,
        middles,
        last,
        last_widths,
        last_widest,
        w,
        rows,
        cells: Vec::with_capacity(rows * w),
        totals: Vec::with_capacity(rows),
        heads: Vec::with_capacity(rows),
        found: None,
        twice: false,
    };
    walk.row(0, 0, 0);
    walk.found.filter(|_| !walk.twice)
}

/// Whether pieces of `head` and `tail` digits may be a number its narrow
/// cell wrapped: two digits at least, then no more.
fn wraps(head: u32, tail: u32) -> bool {
    head >= 2 && (1..=head).contains(&tail)
}

/// A walk over the ways of joining a band's wrapped pieces (see
/// [`lead_joined`]), row by row: each row's first column whole or joined
/// with the piece after its other first columns, its total whole or joined
/// with the next piece, where the row adds up; the rows so far, and the
/// readings found.
struct LeadWalk<'a> {
    text: &'a str,
    firsts: &'a [Cell],
    widths: &'a [u32],
    middles: &'a [Run],
    last: &'a [Cell],
    last_widths: &'a [u32],
    last_widest: u32,
    w: usize,
    rows: usize,
    cells: Vec<Cell>,
    totals: Vec<Cell>,
    /// Each row's first piece's width, and whether it was joined.
    heads: Vec<(u32, bool)>,
    found: Option<(Vec<Cell>, Vec<Cell>)>,
    twice: bool,
}

impl LeadWalk<'_> {
    /// `head` and `tail` as one number (`112` and `5`: 1125).
    fn joined(&self, head: &Cell, tail: &Cell) -> Cell {
        Cell { value: Some(with_digits(head, tail, digits_of(self.text, tail).unwrap_or(0))), ..*head }
    }

    /// Row `j` on, its first piece at `at` among the first columns' pieces, its total's at `p`.
    fn row(&mut self, j: usize, at: usize, p: usize) {
        if self.twice {
            return;
        }
        if j == self.rows {
            return self.close(at, p);
        }
        let (w, firsts, middles) = (self.w, self.firsts, self.middles);
        let Some(own) = firsts.get(at..at + w) else { return };
        let head = self.widths[at];
        let tail = self.widths.get(at + w).is_some_and(|&t| wraps(head, t));
        for wrapped in [false, true] {
            if wrapped && !tail {
                continue;
            }
            let first = if wrapped { self.joined(&own[0], &firsts[at + w]) } else { own[0] };
            let others = own[1..].iter().chain(middles.iter().map(|r| &r.0[j]));
            let sum: f64 = first.number() + others.map(Cell::number).sum::<f64>();
            for (total, used) in self.totals_at(p, sum) {
                let mark = self.cells.len();
                self.cells.push(first);
                self.cells.extend_from_slice(&own[1..]);
                self.totals.push(total);
                self.heads.push((head, wrapped));
                self.row(j + 1, at + w + usize::from(wrapped), p + used);
                self.cells.truncate(mark);
                self.totals.pop();
                self.heads.pop();
            }
        }
    }

    /// The total at piece `p` of the last column that is `sum`: the piece
    /// itself, or it and the next joined (as wide as the column's widest,
    /// then one no wider); with the pieces it takes.
    fn totals_at(&self, p: usize, sum: f64) -> Vec<(Cell, usize)> {
        let Some(&piece) = self.last.get(p) else { return Vec::new() };
        let (h, t) = (self.last_widths[p], self.last_widths.get(p + 1).copied().unwrap_or(0));
        let joined = (h == self.last_widest && wraps(h, t)).then(|| (self.joined(&piece, &self.last[p + 1]), 2));
        [(piece, 1)].into_iter().chain(joined).filter(|(c, _)| c.number() == sum).collect()
    }

    /// The rows read whole (the first pieces up to `at`, the last's up to `p`):
    /// a reading where they take every piece, each joined first piece as wide
    /// as the widest, and two rows hold a number not 0.
    fn close(&mut self, at: usize, p: usize) {
        let widest = self.heads.iter().map(|h| h.0).max().unwrap_or(0);
        let joins_widest = self.heads.iter().all(|&(width, wrapped)| !wrapped || width == widest);
        let some = self.totals.iter().filter(|t| t.number() != 0.0).count() >= 2;
        if at != self.firsts.len() || p != self.last.len() || !joins_widest || !some {
            return;
        }
        let numbers = |a: &[Cell], b: &[Cell]| -> Vec<f64> { a.iter().chain(b).map(Cell::number).collect() };
        match &self.found {
            Some((f, t)) if numbers(f, t) != numbers(&self.cells, &self.totals) => self.twice = true,
            Some(_) => {}
            None => self.found = Some((self.cells.clone(), self.totals.clone())),
        }
    }
}
