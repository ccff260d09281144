//! 表三 as plain `pdftotext` prints a Word table whose narrow first and last
//! columns wrap wide numbers (`196` / `6` for 1966): a band of rows comes in
//! blocks of rows, each its first column's run (the wrapped numbers in two
//! pieces each) then its middle columns in groups of rows, a run a column in
//! each group (the rows that a wrapped number makes taller parted from the
//! others: the first row's numbers a run each, `193 ¶ 21 ¶ 27 ¶ 108 ¶ 41`, then
//! the next rows' `9|85|17|0|5 ¶ …`); then the band's last column, one run.
//! The band's first or last row may be a block of its own, its numbers a run
//! each (`950 ¶ 87 ¶ 19 ¶ …`, the next rows' first column after them), or
//! its first middle columns on its first column's line (`145 11 ¶ 0 ¶ 1 ¶ …`);
//! a last row of a block may print its first middle column after the band's
//! last column (`… ¶ 3 ¶ 26|1621|13 ¶ 4`). A band whose rows' first columns
//! come a row a line wraps its numbers otherwise (see [`super::lead_bands`]).
//!
//! Such a band is put back as [`super::bands`] reads a band, a run a column
//! with its rows' numbers in order, where one way only of joining the pieces
//! (a piece as wide as its run's widest number, then one no wider, on the
//! next line) makes every row of the band add up, two rows at least holding a
//! number not 0; each block holds two rows at least.

use super::bands::Run;
use super::lead_bands;
use super::*;
use crate::extract::cells::{cells_add_up, same_line};

/// The most numbers a column's run of a band wraps.
pub(super) const MAX_WRAPPED: usize = 3;

/// The most places a band's wrapped numbers are looked for at, and the most
/// numbers its first and last columns wrap together: the ways of joining
/// that are tried stay few (C(12, 4) at most).
const MAX_PLACES: usize = 12;
const MAX_JOINED: usize = 4;

/// `runs` with each band printed so (see the module's comment, and
/// [`super::lead_bands`]) put back a run a column, for a table of `n`
/// columns and `m` rows; `None` where none is.
pub(super) fn rejoined(text: &str, runs: &[Run], n: usize, m: usize) -> Option<Vec<Run>> {
    let mut out: Option<Vec<Run>> = None;
    let others = lead_bands::Others::of(text, runs, n);
    let mut i = 0;
    while i < runs.len() {
        match band_at(text, runs, i, n, m).or_else(|| lead_bands::band_at(text, runs, &others, i, n, m)) {
            Some((band, used)) => {
                out.get_or_insert_with(|| runs[..i].to_vec()).extend(band);
                i += used;
            }
            None => {
                if let Some(out) = &mut out {
                    out.push(runs[i].clone());
                }
                i += 1;
            }
        }
    }
    out
}

/// The most blocks a band's rows come in, each its first column's run then its middle columns.
const MAX_BLOCKS: usize = 3;

/// Rows of a band printed together: its first column's run (at index
/// `first`), `rows` rows, and its middle columns in groups, each group's
/// first run at an index of `groups`. A block of a row may print its first
/// middle columns, `beside` of them, on its first column's line (`145 11`),
/// its group's runs the others'; a block's last group, of a row, may print
/// its first middle column after the band's last column, at run `late`.
#[derive(Clone)]
struct Block {
    first: usize,
    rows: usize,
    groups: Vec<usize>,
    beside: usize,
    late: Option<usize>,
}

impl Block {
    /// The pieces of the block's first column.
    fn firsts<'r>(&self, runs: &'r [Run]) -> &'r [Cell] {
        let run = &runs[self.first].0;
        &run[..run.len() - self.beside]
    }

    /// The run of group `g` (an index of `groups`) in middle column `c`:
    /// none where the column is beside the first.
    fn run_of(&self, g: usize, c: usize) -> Option<usize> {
        let at = self.groups[g];
        match self.late.filter(|_| g + 1 == self.groups.len()) {
            Some(late) if c == 0 => Some(late),
            Some(_) => Some(at + c - 1),
            None => (c >= self.beside).then(|| at + c - self.beside),
        }
    }

    /// The block's cells in middle column `c`.
    fn middle<'r>(&self, runs: &'r [Run], c: usize) -> impl Iterator<Item = &'r Cell> + use<'r, '_> {
        let beside = if c < self.beside { &runs[self.first].0[1 + c..2 + c] } else { &[] };
        let grouped = (0..self.groups.len()).filter_map(move |g| self.run_of(g, c));
        beside.iter().chain(grouped.flat_map(move |k| &runs[k].0))
    }
}

/// The band from run `i` put back, `n` runs, and how many runs it was printed in.
fn band_at(text: &str, runs: &[Run], i: usize, n: usize, m: usize) -> Option<(Vec<Run>, usize)> {
    let middle = n.checked_sub(2).filter(|&c| c > 0)?;
    blocks_from(text, runs, i, middle, m, &mut Vec::new()).map(|(band, end)| (band, end - i))
}

/// The band whose blocks so far are `blocks`, its next block from run `j`
/// (its first column's run, then its middle columns' groups), then another
/// block or the last column's run: the band put back and the run after it.
fn blocks_from(
    text: &str,
    runs: &[Run],
    j: usize,
    middle: usize,
    m: usize,
    blocks: &mut Vec<Block>,
) -> Option<(Vec<Run>, usize)> {
    if blocks.len() >= MAX_BLOCKS {
        return None;
    }
    let first = runs.get(j)?.0.len();
    let before: usize = blocks.iter().map(|b| b.rows).sum();
    // (A row's first column with its first middle columns beside it on a
    // line, its other middle columns a number a run.)
    let run = &runs[j].0;
    let beside = first - 1;
    let singles = |k: usize| runs.get(k..k + middle - beside).is_some_and(|g| g.iter().all(|r| r.0.len() == 1));
    let on_a_line = || same_line(text, run[0].offset, run[first - 1].offset);
    if (2..=middle).contains(&first) && before < m && singles(j + 1) && on_a_line() {
        let block = Block { first: j, rows: 1, groups: vec![j + 1], beside, late: None };
        let found = with_block(text, runs, j + 1 + middle - beside, middle, m, blocks, block);
        if found.is_some() {
            return found;
        }
    }
    let (mut k, mut rows, mut groups) = (j + 1, 0, Vec::new());
    while k + middle < runs.len() && rows < first && before + rows < m {
        let size = runs[k].0.len();
        if !runs[k..k + middle].iter().all(|r| r.0.len() == size) {
            // (A last row whose first middle column comes after the band's last column.)
            let single = |r: &Run| r.0.len() == 1;
            let late = runs[k..k + middle - 1].iter().all(single) && runs.get(k + middle).is_some_and(single);
            if !late || rows + 1 > first || first - rows - 1 > MAX_WRAPPED {
                return None;
            }
            let groups = groups.iter().copied().chain([k]).collect();
            blocks.push(Block { first: j, rows: rows + 1, groups, beside: 0, late: Some(k + middle) });
            let found = closed(text, runs, k + middle - 1, middle, m, blocks).map(|(band, next)| (band, next + 1));
            blocks.pop();
            return found;
        }
        groups.push(k);
        (k, rows) = (k + middle, rows + size);
        // (A block of a row is a row printed a number a run, as the bands reader
        // reads it, but among blocks of more: the band's first or last row, the
        // next or the last rows' first column printed apart from it.)
        let one_row = rows == 1 && first == 1;
        if (rows < 2 && !one_row) || rows > first || first - rows > MAX_WRAPPED {
            continue;
        }
        let block = Block { first: j, rows, groups: groups.clone(), beside: 0, late: None };
        let found = with_block(text, runs, k, middle, m, blocks, block);
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The band whose blocks so far are `blocks`, then `block`, closed by the
/// last column's run `k` or with more blocks from it (see [`blocks_from`]);
/// `blocks` as they were where none is.
fn with_block(
    text: &str,
    runs: &[Run],
    k: usize,
    middle: usize,
    m: usize,
    blocks: &mut Vec<Block>,
    block: Block,
) -> Option<(Vec<Run>, usize)> {
    blocks.push(block);
    let found = closed(text, runs, k, middle, m, blocks).or_else(|| blocks_from(text, runs, k, middle, m, blocks));
    if found.is_none() {
        blocks.pop();
    }
    found
}

/// The band of `blocks` closed by the last column's run `k`, put back where
/// its wrapped numbers join one way only so that every row adds up; and the
/// run after it.
fn closed(text: &str, runs: &[Run], k: usize, middle: usize, m: usize, blocks: &[Block]) -> Option<(Vec<Run>, usize)> {
    let rows: usize = blocks.iter().map(|b| b.rows).sum();
    let last = runs.get(k)?;
    let pieces = blocks.iter().map(|b| b.firsts(runs).len()).sum::<usize>() + last.0.len();
    let groups: usize = blocks.iter().map(|b| b.groups.len()).sum();
    // (One block of one group and no piece: a band as the bands reader reads it.)
    let plain = pieces == 2 * rows && groups == 1;
    let taller = blocks.iter().any(|b| b.rows > 1);
    if !(2..=m).contains(&rows) || last.0.len() < rows || last.0.len() - rows > MAX_WRAPPED || plain || !taller {
        return None;
    }
    let column = |c: usize| -> Vec<Cell> { blocks.iter().flat_map(|b| b.middle(runs, c)).copied().collect() };
    let middles: Vec<Vec<Cell>> = (0..middle).map(column).collect();
    let firsts: Vec<(&[Cell], usize)> = blocks.iter().map(|b| (b.firsts(runs), b.rows)).collect();
    let (head, tail) = joined(text, &firsts, &last.0, &middles)?;
    let mut band: Vec<Run> = Vec::with_capacity(middle + 2);
    band.push((head, runs[blocks[0].first].1));
    let row_of = |c: usize| {
        let at = blocks.last().map(|b| b.run_of(b.groups.len() - 1, c).unwrap_or(b.first));
        at.map_or(last.1, |k| runs[k].1)
    };
    band.extend(middles.into_iter().enumerate().map(|(c, cells)| (cells, row_of(c))));
    band.push((tail, last.1));
    Some((band, k + 1))
}

/// The places in `run` (indices of a second piece) where a wrapped number may
/// have been parted: after a piece of two digits or more, as wide as the run's
/// widest, a piece no wider.
fn places(text: &str, run: &[Cell]) -> Vec<usize> {
    let digits: Vec<Option<u32>> = run.iter().map(|c| digits_of(text, c)).collect();
    let widest = digits.iter().flatten().copied().max().unwrap_or(0);
    (1..run.len())
        .filter(|&p| widest >= 2 && digits[p - 1] == Some(widest) && digits[p].is_some_and(|d| d <= widest))
        .collect()
}

/// The first and last columns of a band, their wrapped numbers joined: the
/// first column's runs of its blocks (`firsts`, each with its rows' count),
/// the last's run `last`; where one way only of joining them makes every row
/// (its middle columns `middles`) add up, two rows at least holding a number not 0.
fn joined(
    text: &str,
    firsts: &[(&[Cell], usize)],
    last: &[Cell],
    middles: &[Vec<Cell>],
) -> Option<(Vec<Cell>, Vec<Cell>)> {
    // Each run's pieces, the rows it holds, and where its pieces start among all.
    let mut parts: Vec<(&[Cell], usize, usize)> = Vec::with_capacity(firsts.len() + 1);
    let mut at = 0;
    for &(run, rows) in firsts.iter().chain([&(last, firsts.iter().map(|f| f.1).sum())]) {
        parts.push((run, rows, at));
        at += run.len();
    }
    let rows: usize = firsts.iter().map(|f| f.1).sum();
    let pieces: Vec<Cell> = parts.iter().flat_map(|p| p.0.iter().copied()).collect();
    let joins: Vec<usize> =
        parts.iter().flat_map(|&(run, _, at)| places(text, run).into_iter().map(move |p| p + at)).collect();
    if joins.len() > MAX_PLACES {
        return None;
    }
    let accept = |cells: &[Cell]| {
        // Each run's rows from its own pieces.
        let mut from = 0;
        let own = parts.iter().all(|&(run, count, _)| {
            let (low, high) = (run[0].offset, run[run.len() - 1].offset);
            let mine = cells[from..from + count].iter().all(|c| (low..=high).contains(&c.offset));
            from += count;
            mine
        });
        let (head, tail) = cells.split_at(rows);
        let row = |j: usize| -> Vec<Cell> {
            std::iter::once(head[j]).chain(middles.iter().map(|col| col[j])).chain([tail[j]]).collect()
        };
        // (Zeros fit any order: two rows at least hold a number not 0.)
        let some = (0..rows).filter(|&j| row(j).iter().any(|c| c.number() != 0.0)).count() >= 2;
        own && some && (0..rows).all(|j| cells_add_up(&row(j)))
    };
    let extra = pieces.len() - 2 * rows;
    if extra > MAX_JOINED {
        return None;
    }
    let cells = match extra {
        0 => accept(&pieces).then_some(pieces),
        _ => one_joining(text, &pieces, &joins, extra, accept).ok().flatten(),
    }?;
    let (head, tail) = cells.split_at(rows);
    Some((head.to_vec(), tail.to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cells::rows;

    /// The runs of a text's numbers, each a line or lines apart from the next by a blank line.
    fn runs_of(text: &str) -> Vec<Run> {
        let (_, rows) = rows(text);
        let tokens = super::super::bands::tokens(text, &rows, 0, rows.len());
        super::super::bands::runs_of(&tokens)
    }

    fn numbers(runs: &[Run]) -> Vec<Vec<f64>> {
        runs.iter().map(|r| r.0.iter().map(Cell::number).collect()).collect()
    }

    #[test]
    fn a_bands_wrapped_numbers_and_its_middle_in_groups_are_put_back() {
        // Rows 1966 193 21 27 108 41 2356 / 0 9 1 2 9 9 30 / 775 85 11 13 43 21 948.
        let text = "社会\n196\n6\n0\n775\n\n193\n\n21\n\n27\n\n108\n\n41\n\n9\n85\n\n1\n11\n\n2\n13\n\n9\n43\n\n\
                    9\n21\n\n235\n6\n30\n948\n\n15\n";
        let runs = runs_of(text);
        let back = rejoined(text, &runs, 7, 25).unwrap();
        assert_eq!(numbers(&back[..7]), [
            vec![1966.0, 0.0, 775.0],
            vec![193.0, 9.0, 85.0],
            vec![21.0, 1.0, 11.0],
            vec![27.0, 2.0, 13.0],
            vec![108.0, 9.0, 43.0],
            vec![41.0, 9.0, 21.0],
            vec![2356.0, 30.0, 948.0]
        ]);
        // The run after the band stays.
        assert_eq!(numbers(&back[7..]), [vec![15.0]]);
        // Where no way of joining makes the rows add up: nothing put back.
        let wrong = text.replace("\n235\n6\n", "\n235\n7\n");
        assert!(rejoined(&wrong, &runs_of(&wrong), 7, 25).is_none());
    }

    #[test]
    fn a_bands_rows_in_blocks_each_its_first_columns_run_are_put_back() {
        // Rows 2419 219 17 30 116 44 2845 / 244 7 2 3 1 3 260 / 14 3 0 0 0 0 17 / 25 0 0 0 3 0 28: the
        // first two rows a block (the first a number a run), the last two another, then the last column.
        let text = "241\n9\n244\n\n219\n\n17\n\n30\n\n116\n\n44\n\n7\n\n2\n\n3\n\n1\n\n3\n\n14\n25\n\n\
                    3\n0\n\n0\n0\n\n0\n0\n\n0\n3\n\n0\n0\n\n284\n5\n260\n17\n28\n";
        let back = rejoined(text, &runs_of(text), 7, 25).unwrap();
        assert_eq!(numbers(&back), [
            vec![2419.0, 244.0, 14.0, 25.0],
            vec![219.0, 7.0, 3.0, 0.0],
            vec![17.0, 2.0, 0.0, 0.0],
            vec![30.0, 3.0, 0.0, 0.0],
            vec![116.0, 1.0, 0.0, 3.0],
            vec![44.0, 3.0, 0.0, 0.0],
            vec![2845.0, 260.0, 17.0, 28.0]
        ]);
    }

    /// A band's rows, the last a number a run between the middle columns and
    /// the last column in [`LAST_ROW_APART_TEXT`], the second's total wrapped.
    const LAST_ROW_APART: [[f64; 7]; 3] = [
        [16.0, 1.0, 1.0, 0.0, 0.0, 2.0, 20.0],
        [996.0, 116.0, 18.0, 13.0, 49.0, 36.0, 1228.0],
        [70.0, 6.0, 2.0, 2.0, 2.0, 2.0, 84.0],
    ];
    const LAST_ROW_APART_TEXT: &str = "16\n996\n\n1\n116\n\n1\n18\n\n0\n13\n\n0\n49\n\n2\n36\n\n70\n\n6\n\n\
                                       2\n\n2\n\n2\n\n2\n\n20\n122\n8\n84\n";

    /// The runs a band of `rows` is put back as: a run a column.
    fn columns(rows: &[[f64; 7]]) -> Vec<Vec<f64>> {
        (0..7).map(|c| rows.iter().map(|r| r[c]).collect()).collect()
    }

    #[test]
    fn a_bands_first_or_last_row_printed_a_number_a_run_is_put_back() {
        // The first row's numbers a run each (its first column apart from the next rows'), then
        // the next rows' columns, the first row's total wrapped (`113` / `9`).
        let text = "950\n\n87\n\n19\n\n14\n\n39\n\n30\n\n116\n437\n\n35\n54\n\n1\n6\n\n1\n7\n\n12\n23\n\n\
                    8\n19\n\n113\n9\n173\n546\n\n15\n";
        let back = rejoined(text, &runs_of(text), 7, 25).unwrap();
        let rows = [
            [950.0, 87.0, 19.0, 14.0, 39.0, 30.0, 1139.0],
            [116.0, 35.0, 1.0, 1.0, 12.0, 8.0, 173.0],
            [437.0, 54.0, 6.0, 7.0, 23.0, 19.0, 546.0],
        ];
        assert_eq!(numbers(&back[..7]), columns(&rows));
        assert_eq!(numbers(&back[7..]), [vec![15.0]]);
        // The last row's a run each, before the last column (`122` / `8`).
        let text = LAST_ROW_APART_TEXT;
        let back = rejoined(text, &runs_of(text), 7, 25).unwrap();
        assert_eq!(numbers(&back), columns(&LAST_ROW_APART));
        // Rows a number a run alone, then a last column whose numbers they add up to: no band of them.
        let singles: String = [3, 1, 0, 0, 0, 0, 4, 2, 0, 0, 0, 0].iter().map(|v| format!("{v}\n\n")).collect();
        let text = singles + "4\n6\n";
        assert!(rejoined(&text, &runs_of(&text), 7, 25).is_none());
    }

    #[test]
    fn a_bands_last_row_its_first_two_columns_on_a_line_is_put_back() {
        // The last row's first column and its first middle column on a line (`70 6`), its other middle
        // columns a number a run, before the last column (`122` / `8`).
        let text = &LAST_ROW_APART_TEXT.replace("70\n\n6\n", "70 6\n");
        let back = rejoined(text, &runs_of(text), 7, 25).unwrap();
        assert_eq!(numbers(&back), columns(&LAST_ROW_APART));
        // Two lines are a column's run, not a row's columns.
        let apart = text.replace("70 6", "70\n6");
        assert!(rejoined(&apart, &runs_of(&apart), 7, 25).is_none());
    }

    #[test]
    fn a_bands_last_row_its_first_middle_column_after_the_last_column_is_put_back() {
        // The last row's first column in the first column's run, its first middle column after the
        // band's last column (`6`), its others a number a run before it.
        let text = "16\n996\n70\n\n1\n116\n\n1\n18\n\n0\n13\n\n0\n49\n\n2\n36\n\n2\n\n2\n\n2\n\n2\n\n\
                    20\n122\n8\n84\n\n6\n\n15\n";
        let back = rejoined(text, &runs_of(text), 7, 25).unwrap();
        assert_eq!(numbers(&back[..7]), columns(&LAST_ROW_APART));
        assert_eq!(numbers(&back[7..]), [vec![15.0]]);
        // Where the number after the last column is not the row's: nothing put back.
        let wrong = text.replace("\n84\n\n6\n", "\n84\n\n7\n");
        assert!(rejoined(&wrong, &runs_of(&wrong), 7, 25).is_none());
    }

    #[test]
    fn a_bands_first_columns_row_by_row_their_wrapped_pieces_apart_are_put_back() {
        // Rows 1125 120 11 11 49 29 1345 / 65 2 2 1 6 0 76 / 502 52 5 4 27 12 602: each row's first five
        // columns a line, 1125's last digit at the next line's start, then the other two columns a run
        // each (`134` / `5` for 1345); the next row, 11 1 0 0 1 0 13, around them a number a run.
        let text = "112 120 11 11 49\n\n5 65 2 2 1 6\n\n502 52 5 4 27\n\n11\n\n1\n\n0\n\n0\n\n1\n\n\
                    29\n0\n12\n\n134\n5\n76\n602\n\n0\n\n13\n\n4\n";
        let back = rejoined(text, &runs_of(text), 7, 25).unwrap();
        let rows = [
            [1125.0, 120.0, 11.0, 11.0, 49.0, 29.0, 1345.0],
            [65.0, 2.0, 2.0, 1.0, 6.0, 0.0, 76.0],
            [502.0, 52.0, 5.0, 4.0, 27.0, 12.0, 602.0],
        ];
        assert_eq!(numbers(&back[..7]), columns(&rows));
        let around = [11.0, 1.0, 0.0, 0.0, 1.0, 0.0, 13.0, 4.0];
        assert_eq!(numbers(&back[7..]), around.map(|v| vec![v]));
        // With no row around the others, the band alone.
        let alone = text.replace("11\n\n1\n\n0\n\n0\n\n1\n\n", "").replace("\n\n0\n\n13\n", "\n");
        let back = rejoined(&alone, &runs_of(&alone), 7, 25).unwrap();
        assert_eq!(numbers(&back), columns(&rows).into_iter().chain([vec![4.0]]).collect::<Vec<_>>());
        // Where no way of joining makes the rows add up: nothing put back.
        let wrong = text.replace("\n134\n5\n", "\n134\n6\n");
        assert!(rejoined(&wrong, &runs_of(&wrong), 7, 25).is_none());
    }

    #[test]
    fn bands_printed_a_run_a_column_are_left_as_they_are() {
        let text = "3\n1\n\n1\n0\n\n0\n0\n\n0\n0\n\n0\n0\n\n0\n0\n\n4\n1\n";
        assert!(rejoined(text, &runs_of(text), 7, 25).is_none());
        // Rows a number a run, then a band of two: no blocks of a row each.
        let singles: String = [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0].iter().map(|v| format!("{v}\n\n")).collect();
        let text = singles + "1\n0\n\n1\n0\n\n0\n0\n\n0\n0\n\n0\n0\n\n0\n0\n\n2\n0\n";
        assert!(rejoined(&text, &runs_of(&text), 7, 25).is_none());
    }
}
