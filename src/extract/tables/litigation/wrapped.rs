//! 表四's cells broken in their narrow columns: marks for none in two
//! (`—` / `—`), numbers wrapped (`11` / `5` for 115), read whole.

use super::*;

/// 表四's cells from layout row `from` on where its marks for none were
/// broken in two (`4 —` / `—` / `—` / `—` / `4 2 6 —` / …), each mark one
/// cell (see [`super::halved::second_halves`]): where so the table holds just
/// its cells. Returns the cells and the row after the last read.
pub(super) fn unbroken(text: &str, rows: &[Row], from: usize, own: &dyn Fn(&&Cell) -> bool) -> Option<(Vec<Cell>, usize)> {
    let n = template::LITIGATION_PROCEEDINGS.len() * template::LITIGATION_OUTCOMES.len();
    let mut cells: Vec<Cell> = Vec::new();
    let mut end = from;
    for (k, row) in table_rows(rows, from) {
        if cells.len() > 2 * n {
            break;
        }
        cells.extend(row.cells.iter().filter(own).copied());
        end = k + 1;
    }
    let seconds = super::halved::second_halves(text, &cells)?;
    let whole: Vec<Cell> =
        cells.into_iter().enumerate().filter(|(p, _)| seconds.binary_search(p).is_err()).map(|(_, c)| c).collect();
    (whole.len() == n).then_some((whole, end))
}

/// The most numbers of 表四 wrapped in their cells that are looked for.
pub(super) const MAX_WRAPPED: usize = 8;

/// A cell of 表四 as [`rewrapped`] sees it: whether it may be the start of a
/// number wrapped onto the next line (the last of its line, or the one its
/// rest is printed under) or its rest (alone on its line), and its layout row.
struct Piece {
    cell: Cell,
    ends_line: bool,
    alone: bool,
    row: usize,
}

/// 表四's `n` cells from layout row `from` on where some of its numbers were
/// wrapped in their narrow cells, the last digits on a line of their own
/// (`54 0 3 58 11` / `5` / `36 0 0 0 36 0 43 0 59 10` / `2`): each such line's
/// number joined to the one that ends the line above, or in aligned text
/// (`pdftotext -layout`) to the one it is printed under, as many as the cells
/// over `n`, the one way that makes every proceeding's outcomes add up to its
/// total (or, where none does, that makes them add up with two neighbouring
/// numbers in each other's place, `16 45` / `5` for 45 and 165, put back by
/// the table's reading). Returns the cells and the row after the last read.
pub(super) fn rewrapped(
    text: &str,
    rows: &[Row],
    from: usize,
    n: usize,
    own: &dyn Fn(&&Cell) -> bool,
) -> Option<(Vec<Cell>, usize)> {
    let digits = |c: &Cell| digits_of(text, c);
    let mut cells: Vec<Piece> = Vec::new();
    // (Whether some rests stand under their numbers, as aligned text prints them.)
    let mut under_their_numbers = false;
    for (k, row) in table_rows(rows, from) {
        if cells.len() >= n + MAX_WRAPPED {
            break;
        }
        let mine: Vec<Cell> = row.cells.iter().filter(own).copied().collect();
        // (Numbers a line gathered in one row, `1` / `11` / `0`: each alone on its line.)
        let alone = row.is_numbers_alone() && (mine.len() == 1 || row.vertical);
        // (Aligned text prints a number's rest under its start, which need not end its
        // line; a line of such rests, fewer than the numbers above, each under its own.)
        let rests = row.is_numbers_alone() && !row.vertical && (1..=MAX_WRAPPED).contains(&mine.len());
        if let (true, Some(above)) = (rests, line_above(&cells, k)) {
            let heads: Option<Vec<usize>> =
                mine.iter().map(|m| (above..cells.len()).find(|&h| under(text, &cells[h].cell, m))).collect();
            let fewer = mine.len() < cells.len() - above;
            if let Some(heads) = heads.filter(|h| fewer && h.windows(2).all(|w| w[0] < w[1])) {
                under_their_numbers = true;
                for (&rest, &h) in mine.iter().zip(&heads).rev() {
                    cells[h].ends_line = true;
                    cells.insert(h + 1, Piece { cell: rest, ends_line: false, alone: true, row: k });
                }
                continue;
            }
        }
        for (i, &cell) in mine.iter().enumerate() {
            cells.push(Piece { cell, ends_line: alone || i + 1 == mine.len(), alone, row: k });
        }
    }
    let joins: Vec<usize> = (1..cells.len())
        .filter(|&i| cells[i].alone && cells[i - 1].ends_line)
        .filter(|&i| digits(&cells[i - 1].cell).is_some() && digits(&cells[i].cell).is_some())
        .collect();
    // Every proceeding adding up as joined; else, where no joining does so and
    // rests stand under their numbers, after two neighbouring numbers put in
    // each other's place (columns so narrow that their numbers are printed out
    // of order), which the table's reading then does (see [`one_swap`]).
    let passes = if under_their_numbers { 2 } else { 1 };
    for swapped in (0..passes).map(|pass| pass == 1) {
        let accept = |out: &[Cell]| match swapped {
            false => adds_up(out),
            true => one_swap(out).is_some(),
        };
        for extra in 1..=MAX_WRAPPED.min(joins.len()) {
            let Some(taken) = cells.get(..n + extra) else { break };
            // Each choice of `extra` joins among those within the cells taken.
            let within: Vec<usize> = joins.iter().copied().filter(|&i| i < taken.len()).collect();
            let pieces: Vec<Cell> = taken.iter().map(|p| p.cell).collect();
            match one_joining(text, &pieces, &within, extra, |out| out.len() == n && accept(out)) {
                // (The row after the last cell read.)
                Ok(Some(out)) => return Some((out, taken[taken.len() - 1].row + 1)),
                Ok(None) => {}
                Err(()) => return None,
            }
        }
    }
    None
}

/// Where the pieces of the layout row before `row` start among `pieces`, if
/// the last pieces are that row's and it holds more than one.
fn line_above(pieces: &[Piece], row: usize) -> Option<usize> {
    let last = pieces.last().filter(|p| p.row + 1 == row)?;
    let start = pieces.iter().rposition(|p| p.row != last.row).map_or(0, |i| i + 1);
    (pieces.len() - start > 1).then_some(start)
}

/// Whether the number `tail` is printed under `head` in aligned text: set in
/// from its line's start (a line of `pdftotext -raw` starts with its number),
/// its middle within `head`'s digits, a character either side.
fn under(text: &str, head: &Cell, tail: &Cell) -> bool {
    let width = digits_of(text, head).unwrap_or(1) as f64;
    let set_in = text.get(..tail.offset).is_some_and(|before| before.ends_with(' '));
    set_in && (tail.center - head.center).abs() <= width / 2.0 + 1.0
}
