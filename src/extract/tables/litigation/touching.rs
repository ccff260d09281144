//! 表四's numbers of narrow columns printed touching or run together
//! (`0 00 1`, `01313`), parted into the table's cells.

use super::*;

/// 表四's `n` cells where narrow columns were printed so close that two
/// numbers touch, from one short of them or more: each number printed with
/// leading zeros (`00`, `01`) is the numbers of neighbouring columns (a count
/// has no leading zero), each zero a cell of its own and the rest another;
/// two marks for none touching (`——` among marks of one `—`) two cells;
/// then, a cell still short and the numbers printed `across` lines (not a
/// line each), the one number of two digits (`40`) whose digits as two cells,
/// in either order, make every proceeding add up, where just one does. Such a
/// layout may print touching numbers and those before them in their
/// proceeding in another order (`0 40 3 7` for 0 0 4 3 7, `0 1 01 2` for 0 0
/// 1 1 2, `1 0 00 1` for 0 1 0 0 1; a number of two digits parted, with the
/// one before it): unless all are alike, those cells are marked unsure (the
/// second list); so are the pieces past their proceeding's end, the next one's
/// first cells, which the number after them may precede (`00 3` for 0 3 0 or
/// 0 0 3).
pub(super) fn touching_apart(text: &str, cells: &[Cell], n: usize, across: bool) -> Option<(Vec<Cell>, Vec<bool>)> {
    let token = |cell: &Cell| integer_digits(text, cell);
    // Each digit run parted into cells: (offset in the run, digits) pieces.
    // (`proceeding`: those of their proceeding before them may be printed out of
    // their order too, `1 0 00` for 0 1 0 0, not the one before alone.)
    let part = |cell: &Cell, pieces: &[(usize, usize)], out: &mut Vec<Cell>, unsure: &mut Vec<bool>, proceeding| {
        let digits: usize = pieces.iter().map(|p| p.1).sum();
        let first = cell.center - (digits as f64 - 1.0) / 2.0;
        let run = token(cell).unwrap_or_default();
        let numbers: Vec<&str> = pieces.iter().map(|&(at, len)| &run[at..at + len]).collect();
        let from = if proceeding { out.len() / GROUP * GROUP } else { out.len().saturating_sub(1) };
        let before = out[from..].iter().map(|c: &Cell| c.value.map(|v| v.number));
        let values: Vec<Option<f64>> = numbers.iter().map(|d| d.parse::<f64>().ok()).chain(before).collect();
        let differ = values.windows(2).any(|w| w[0] != w[1]);
        if differ {
            unsure[from..].fill(true);
        }
        // (Pieces past their proceeding's end: the next one's first cells, which
        // with the number after them may be printed in another order too.)
        let next = (out.len() / GROUP + 1) * GROUP;
        let crossing = proceeding && out.len() + pieces.len() > next;
        for (&(at, len), number) in pieces.iter().zip(&numbers) {
            let value = Value { number: number.parse::<f64>().unwrap_or(0.0), unit: None };
            let center = first + at as f64 + (len as f64 - 1.0) / 2.0;
            let past = crossing && out.len() >= next;
            out.push(Cell { value: Some(value), offset: cell.offset + at, center });
            unsure.push(differ || past);
        }
    };
    let (mut out, mut unsure) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for cell in cells {
        match token(cell) {
            Some(run) if run.len() >= 2 && run.starts_with('0') => {
                let zeros = run.bytes().take(run.len() - 1).take_while(|&b| b == b'0').count();
                let pieces: Vec<(usize, usize)> =
                    (0..zeros).map(|k| (k, 1)).chain([(zeros, run.len() - zeros)]).collect();
                part(cell, &pieces, &mut out, &mut unsure, true);
            }
            _ => {
                out.push(*cell);
                unsure.push(false);
            }
        }
    }
    // Two marks for none printed touching (`——` where the table's other marks
    // are `—`): a cell each, where that makes the table whole.
    let doubled = out.iter().filter(|c| mark_width(text, c) == 2).count();
    if out.len() < n && out.len() + doubled == n && out.iter().any(|c| mark_width(text, c) == 1) {
        let (mut apart, mut marks) = (Vec::with_capacity(n), Vec::with_capacity(n));
        for (cell, &u) in out.iter().zip(&unsure) {
            apart.push(*cell);
            marks.push(u);
            if mark_width(text, cell) == 2 {
                let second = text[cell.offset..].chars().next().map_or(1, char::len_utf8);
                apart.push(Cell { offset: cell.offset + second, center: cell.center + 1.0, ..*cell });
                marks.push(u);
            }
        }
        (out, unsure) = (apart, marks);
    }
    if out.len() == n {
        return Some((out, unsure));
    }
    if out.len() + 1 != n || !across {
        return None;
    }
    let mut found = None;
    for (i, cell) in out.iter().enumerate() {
        if token(cell).is_none_or(|run| run.len() != 2) || cell.value.is_none_or(|v| v.unit.is_some()) {
            continue;
        }
        let (mut whole, mut marks) = (out[..i].to_vec(), unsure[..i].to_vec());
        part(cell, &[(0, 1), (1, 1)], &mut whole, &mut marks, false);
        whole.extend_from_slice(&out[i + 1..]);
        marks.extend_from_slice(&unsure[i + 1..]);
        // In the order printed or the other.
        let mut swapped = whole.clone();
        (swapped[i].value, swapped[i + 1].value) = (whole[i + 1].value, whole[i].value);
        if adds_up(&whole) || adds_up(&swapped) {
            if found.is_some() {
                return None;
            }
            found = Some((if adds_up(&whole) { whole } else { swapped }, marks));
        }
    }
    found
}

/// The most ways of parting 表四's runs of digits [`runs_parted`] looks at.
const MAX_PARTINGS: usize = 4096;

/// The longest run of digits [`runs_parted`] parts (a table's numbers are short).
const MAX_RUN: usize = 8;

/// How many places from its own a number of 表四 may be printed, its cells
/// run together (a proceeding's 总计 among the next one's first cells).
const MAX_DISPLACED: usize = 3;

/// 表四's `n` cells where `pdftotext -layout` ran narrow columns' numbers
/// together past what [`touching_apart`] parts, and printed one of them a few
/// places from its own (`0 0 13 0` / `38 01313 0 51 …`: 行政复议's 总计 13
/// between 直接起诉's 0 and 13): every way to part the runs of digits into
/// numbers (a count has no leading zero), each way with one number put back
/// up to [`MAX_DISPLACED`] places from where it was printed, or none; taken
/// where the ways that make every proceeding add up all give the same
/// numbers. `None` where none does, or two that do differ (`11114` after
/// `0 11 0 0` / `14`: 11 1 14 and 11 11 4 both add up), or the ways are too
/// many.
pub(super) fn runs_parted(text: &str, cells: &[Cell], n: usize) -> Option<Vec<Cell>> {
    let run = |cell: &Cell| integer_digits(text, cell).filter(|d| (2..=MAX_RUN).contains(&d.len()));
    // Each cell's ways to be parted: a run of digits any way into counts, anything else as it is.
    let ways: Vec<Vec<Vec<Cell>>> = cells
        .iter()
        .map(|cell| match run(cell) {
            Some(digits) => partings(digits, cell),
            None => vec![vec![*cell]],
        })
        .collect();
    // (Every choice is looked at, those of `n` numbers tried: not past the most.)
    ways.iter().try_fold(1usize, |all, w| all.checked_mul(w.len()).filter(|&a| a <= MAX_PARTINGS))?;
    let mut tables: Vec<Vec<Cell>> = Vec::new();
    let mut chosen: Vec<usize> = vec![0; ways.len()];
    loop {
        let flat: Vec<Cell> = chosen.iter().zip(&ways).flat_map(|(&w, parts)| parts[w].iter().copied()).collect();
        if flat.len() == n {
            for from in 0..n {
                for to in from.saturating_sub(MAX_DISPLACED)..(from + MAX_DISPLACED + 1).min(n) {
                    let mut moved = flat.clone();
                    let cell = moved.remove(from);
                    moved.insert(to, cell);
                    let same = |t: &Vec<Cell>| t.iter().map(Cell::number).eq(moved.iter().map(Cell::number));
                    if adds_up(&moved) && !tables.iter().any(same) {
                        tables.push(moved);
                    }
                }
            }
            if tables.len() > 1 {
                return None;
            }
        }
        // The next choice of ways, the last cell's first.
        let mut k = ways.len();
        loop {
            if k == 0 {
                return tables.pop();
            }
            k -= 1;
            chosen[k] += 1;
            if chosen[k] < ways[k].len() {
                break;
            }
            chosen[k] = 0;
        }
    }
}

/// Every way to part a run of `digits` (printed at `cell`) into counts, each
/// `0` or with no leading zero, in order.
fn partings(digits: &str, cell: &Cell) -> Vec<Vec<Cell>> {
    let len = digits.len();
    let first = cell.center - (len as f64 - 1.0) / 2.0;
    (0..1usize << (len - 1))
        .filter_map(|cuts| {
            let mut pieces = Vec::new();
            let mut start = 0;
            for end in 1..=len {
                if end < len && cuts & (1 << (end - 1)) == 0 {
                    continue;
                }
                let piece = &digits[start..end];
                if piece.len() > 1 && piece.starts_with('0') {
                    return None;
                }
                let value = Value { number: piece.parse::<f64>().ok()?, unit: None };
                let center = first + (start + end - 1) as f64 / 2.0;
                pieces.push(Cell { value: Some(value), offset: cell.offset + start, center });
                start = end;
            }
            Some(pieces)
        })
        .collect()
}

/// The digits printed at `cell` where they are a whole number (no `.` or `,`
/// after them): empty for a mark; `None` for a decimal.
fn integer_digits<'t>(text: &'t str, cell: &Cell) -> Option<&'t str> {
    let token = text.get(cell.offset..).unwrap_or_default();
    let digits = token.bytes().take_while(u8::is_ascii_digit).count();
    (!token[digits..].starts_with(['.', ','])).then(|| &token[..digits])
}

/// How many of one dash a mark for none at `cell` is printed with (`—` 1,
/// `——` 2), 0 where the cell is no such mark.
fn mark_width(text: &str, cell: &Cell) -> usize {
    let at = text.get(cell.offset..).unwrap_or_default();
    let Some(dash) = at.chars().next().filter(|c| matches!(c, '—' | '-' | '–')) else { return 0 };
    let width = at.chars().take_while(|&c| c == dash).count();
    let ends = at[width * dash.len_utf8()..].chars().next().is_none_or(char::is_whitespace);
    if ends { width } else { 0 }
}

/// The most cells of unknown order [`settled`] tries every order of.
const MAX_UNSETTLED: usize = 5;

/// Settles the order of touching numbers (see [`touching_apart`]) where the
/// sums tell it: each group of neighbouring cells whose order is not known
/// (`unsure`: touching numbers and those before them, see [`touching_apart`]) and the cell after
/// them, in proceedings no other such group touches: of its numbers' orders
/// that make those proceedings add up, each proceeding takes the cells that
/// all of them give it alike (an order within a proceeding's outcomes keeps
/// its sum: `0 1 0 0 11 0` may be 0 1 0 0 1 and 1 0 … or 0 1 …, the first
/// proceeding settled, the next not). Returns the cells still unsure.
pub(super) fn settled(cells: &mut [Cell], mut unsure: Vec<bool>) -> Vec<bool> {
    let mut start = 0;
    while start < unsure.len() {
        if !unsure[start] {
            start += 1;
            continue;
        }
        // (The number after them too: the layout may print it before them.)
        let end = (start + unsure[start..].iter().take_while(|&&u| u).count() + 1).min(unsure.len());
        let proceedings = (start / GROUP) * GROUP..((end - 1) / GROUP + 1) * GROUP;
        let within = proceedings.end <= cells.len().min(unsure.len());
        let alone = within && proceedings.clone().all(|k| (start..end).contains(&k) || !unsure[k]);
        if alone && end - start <= MAX_UNSETTLED {
            let values: Vec<Option<Value>> = cells[start..end].iter().map(|c| c.value).collect();
            let mut fitting: Vec<Vec<Option<Value>>> = Vec::new();
            for order in orders(values.len()) {
                let tried: Vec<Option<Value>> = order.iter().map(|&k| values[k]).collect();
                let mut whole = cells[proceedings.clone()].to_vec();
                for (cell, value) in whole[start - proceedings.start..].iter_mut().zip(&tried) {
                    cell.value = *value;
                }
                if adds_up(&whole) && !fitting.contains(&tried) {
                    fitting.push(tried);
                }
            }
            // Each proceeding's cells that every fitting order gives alike.
            if let Some(first) = fitting.first() {
                for p in proceedings.clone().step_by(GROUP) {
                    let own = p.max(start)..(p + GROUP).min(end);
                    let at = own.start - start..own.end - start;
                    if fitting.iter().all(|f| f[at.clone()] == first[at.clone()]) {
                        for (cell, value) in cells[own.clone()].iter_mut().zip(&first[at]) {
                            cell.value = *value;
                        }
                        unsure[own].fill(false);
                    }
                }
            }
        }
        start = end;
    }
    unsure
}
