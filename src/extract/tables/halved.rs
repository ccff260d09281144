//! 表三 whose empty cells hold `——`, as plain `pdftotext` prints a Word
//! table whose narrow cells break that mark in two: `—` ending a line and `—`
//! starting the next (`一、本年新收… 69 5 —` / `—` / `1 —` / `—` / `3 78`).
//! Read as two cells each, the rows hold a cell too many for every mark, and
//! no layout's reading places them.
//!
//! The two halves are taken for one mark where every lone dash of the table
//! pairs so with the next cell (or with the cell starting the next line, the
//! row's last numbers between: `(六)其他处理 1 —— —— —— —— — 1` / `—`), and the
//! table then holds just its cells (the template's rows, seven each), which it
//! did not before.

use super::*;

/// The marks for none of one character that a narrow cell breaks in two.
const HALVES: &[char] = &['—', '-', '–'];

/// The dash a cell holds alone (`—`, not `——` nor a number), if it does.
fn half(text: &str, cell: &Cell) -> Option<char> {
    if cell.value.is_none_or(|v| v.number != 0.0) {
        return None;
    }
    let mut chars = text.get(cell.offset..)?.chars();
    let c = chars.next().filter(|c| HALVES.contains(c))?;
    chars.next().is_none_or(char::is_whitespace).then_some(c)
}

/// Whether `b` starts the line after `a`'s in `text`.
fn starts_next_line(text: &str, a: usize, b: usize) -> bool {
    let after = text.get(a..b).and_then(|s| s.split_once('\n')).map(|(_, after)| after);
    after.is_some_and(|s| !s.contains('\n') && s.trim().is_empty())
}

/// Whether no line ends between two places of `text`.
fn same_line(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b).is_some_and(|s| !s.contains('\n'))
}

/// The rows of 表三, whose first row is `first`, with the second half of each
/// mark broken in two left out (a line left with nothing left out too), and
/// each row's index in `rows`; `None` where the table's marks are not so.
pub(super) fn halved<'a>(
    text: &str,
    rows: &[Row<'a>],
    first: usize,
    t: Template,
    n: usize,
) -> Option<(Vec<Row<'a>>, Vec<usize>)> {
    // (The first row's numbers may come before its label.)
    let start = first - rows[..first].iter().rev().take_while(|r| r.is_numbers_alone()).count();
    // (No lone dash, or no more cells than the table has: nothing to look at.)
    if !rows[start..].iter().flat_map(|r| &r.cells).any(|c| half(text, c).is_some()) {
        return None;
    }
    let end = super::numbers_first::table_end(rows, first);
    let cells = template::request_rows(t).len() * n;
    let total: usize = rows[start..end].iter().map(|r| r.cells.len()).sum();
    if total <= cells {
        return None;
    }
    // Each lone dash and the next cell, its other half; the second halves' places.
    let mut seconds: Vec<(usize, usize)> = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (k, row) in rows.iter().enumerate().take(end).skip(start) {
        for (i, cell) in row.cells.iter().enumerate() {
            match (open.take(), half(text, cell)) {
                // (A row's last cell may come between: `— 1` / `—`.)
                (Some(open_half), None) if same_line(text, open_half.1, cell.offset) => open = Some(open_half),
                (Some((dash, after)), other) => {
                    if other != Some(dash) || !starts_next_line(text, after, cell.offset) {
                        return None;
                    }
                    seconds.push((k, i));
                }
                (None, Some(dash)) => open = Some((dash, cell.offset + dash.len_utf8())),
                (None, None) => {}
            }
        }
    }
    if open.is_some() || seconds.is_empty() || total - seconds.len() != cells {
        return None;
    }
    let mut out: Vec<Row<'a>> = Vec::with_capacity(rows.len());
    let mut origin: Vec<usize> = Vec::with_capacity(rows.len());
    // (The second halves in printed order: a row's are the next ones.)
    let mut next = seconds.iter().peekable();
    for (k, row) in rows.iter().enumerate() {
        let mut dropped: Vec<usize> = Vec::new();
        while let Some(&(_, i)) = next.next_if(|&&(r, _)| r == k) {
            dropped.push(i);
        }
        if dropped.is_empty() {
            out.push(row.clone());
        } else {
            let kept = row.cells.iter().enumerate().filter(|(i, _)| !dropped.contains(i)).map(|(_, c)| *c);
            let cells: Vec<Cell> = kept.collect();
            if cells.is_empty() && row.labels.is_empty() {
                continue;
            }
            out.push(row.with_labels(row.labels.clone(), cells));
        }
        origin.push(k);
    }
    Some((out, origin))
}

#[cfg(test)]
mod tests {
    use super::super::numbers_first::tests::{get, requests, HEAD};

    /// A 2021 表三 whose every empty cell is `——`, its rows a label and their
    /// numbers after it, a mark's halves on two lines (`wrapped`) or one.
    fn table(wrapped: bool) -> String {
        let specs = crate::template::request_rows(crate::template::Template::T2021);
        let mut text = HEAD.to_string();
        for (j, spec) in specs.iter().enumerate() {
            let row: Vec<String> = match j {
                0 => ["69", "5", "", "1", "", "3", "78"].map(String::from).to_vec(),
                2 | 23 => ["40", "1", "", "1", "", "1", "43"].map(String::from).to_vec(),
                24 => ["29", "4", "", "", "", "2", "35"].map(String::from).to_vec(),
                _ => vec![String::new(); 7],
            };
            // The row's numbers on its label's line; after a mark broken in
            // two, on the next line.
            let mut line = spec.label.to_string();
            let mut after_mark = false;
            for cell in row {
                line.push(if after_mark { '\n' } else { ' ' });
                after_mark = cell.is_empty() && wrapped;
                line.push_str(match (cell.is_empty(), wrapped) {
                    (true, true) => "—\n—",
                    (true, false) => "——",
                    (false, _) => &cell,
                });
            }
            text.push_str(&line);
            text.push('\n');
        }
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
        text
    }

    #[test]
    fn a_mark_for_none_broken_over_two_lines_is_one_cell() {
        for wrapped in [false, true] {
            let r = requests(&table(wrapped));
            assert_eq!(get(&r, "new_received"), [69, 5, 0, 1, 0, 3, 78], "{wrapped}");
            assert_eq!(get(&r, "granted"), [40, 1, 0, 1, 0, 1, 43]);
            assert_eq!(get(&r, "denied_state_secret"), [0; 7]);
            assert_eq!(get(&r, "total_processed"), [40, 1, 0, 1, 0, 1, 43]);
            assert_eq!(get(&r, "carried_forward"), [29, 4, 0, 0, 0, 2, 35]);
        }
        // A mark's first half before the row's last numbers, its second starting the next line.
        let across = table(true).replacen("1 —\n—\n3 78\n", "1 — 3 78\n—\n", 1);
        assert!(across.contains("1 — 3 78\n—\n"), "{across}");
        let r = requests(&across);
        assert_eq!(get(&r, "new_received"), [69, 5, 0, 1, 0, 3, 78]);
        assert_eq!(get(&r, "carried_forward"), [29, 4, 0, 0, 0, 2, 35]);
        // A dash alone that pairs with none: the marks are not halves.
        let odd = table(true).replacen(" —\n—\n", " —\n", 1);
        assert_ne!(get(&requests(&odd), "new_received"), [69, 5, 0, 1, 0, 3, 78]);
    }
}
