//! Marks for none that a narrow cell wrapped in two.
//!
//! A table that writes `——` in a cell with nothing to count prints it over two
//! lines where the column is narrow: `pdftotext -layout` gives one `—` on the line
//! above the row and one on the line below (the row's other cells centred between
//! them), or one `—` on the row's line and the other on the next. Read as they
//! stand, the halves are a row of cells with no label, and the row they belong
//! to is a cell short.
//!
//! [`join`] puts each such pair back into its row as one cell marked none. A pair
//! is taken where nothing else explains it: halves on the lines above and below a
//! row that has cells of its own in other columns, or halves on the line under a
//! row that has a number or a whole mark besides its halves (numbers never wrap).
//! Where the text shows that much, its other pairs are taken too: halves around a
//! line with no cells (the row's label, centred between them) and a line of halves
//! under a row of nothing but halves.

use super::cells::{Cell, Row};

/// How far apart, in characters, two halves of one mark may stand.
const SAME_PLACE: f64 = 1.0;

/// Whether `cell` is a single dash standing alone (`—`, `-`, `–`): half of a
/// `——` that wrapped, or a whole mark in a table that prints single dashes.
fn is_half(text: &str, cell: &Cell) -> bool {
    let rest = &text[cell.offset.min(text.len())..];
    let mut chars = rest.chars();
    matches!(chars.next(), Some('—' | '-' | '–')) && chars.next().is_none_or(char::is_whitespace)
}

/// Whether a row is one line of aligned text (not a column of numbers, not
/// delimited cells).
fn aligned(row: &Row) -> bool {
    !row.vertical && !row.delimited
}

/// Whether a line holds cells and every one is a half.
fn halves_only(text: &str, row: &Row) -> bool {
    aligned(row) && !row.cells.is_empty() && row.cells.iter().all(|c| is_half(text, c))
}

/// Whether `b`'s line comes right after `a`'s.
fn adjacent(text: &str, a: &Row, b: &Row) -> bool {
    a.offset < b.offset && memchr::memchr_iter(b'\n', &text.as_bytes()[a.offset..b.offset]).count() == 1
}

/// The cell of `row` standing where `cell` stands, if any.
fn at(row: &Row, cell: &Cell) -> Option<usize> {
    row.cells.iter().position(|c| (c.center - cell.center).abs() <= SAME_PLACE)
}

/// Whether the lines above (`u`) and below (`d`) a row `m` hold halves only,
/// pairwise in the same places, where `m` has no cell.
fn around(text: &str, u: &Row, m: &Row, d: &Row, weak: bool) -> bool {
    if !(aligned(m) && halves_only(text, u) && halves_only(text, d)) || u.cells.len() != d.cells.len() {
        return false;
    }
    if m.cells.is_empty() && !weak {
        return false;
    }
    u.cells.iter().zip(&d.cells).all(|(a, b)| (a.center - b.center).abs() <= SAME_PLACE && at(m, a).is_none())
}

/// Whether the line `d` under a row `l` holds halves only, each under a half of `l`.
fn under(text: &str, l: &Row, d: &Row, weak: bool) -> bool {
    if !(aligned(l) && halves_only(text, d)) || l.cells.len() < d.cells.len() {
        return false;
    }
    let others = l.cells.iter().any(|c| !is_half(text, c));
    (others || weak) && d.cells.iter().all(|c| at(l, c).is_some_and(|k| is_half(text, &l.cells[k])))
}

/// Joins the halves of wrapped marks back into their rows (see the module's
/// comment); rows left with nothing are dropped. `rows` are one a line, in order.
pub fn join<'a>(text: &str, rows: &mut Vec<Row<'a>>) {
    if !rows.iter().any(|r| r.cells.iter().any(|c| is_half(text, c))) {
        return;
    }
    let mut taken = false;
    for weak in [false, true] {
        if weak && !taken {
            break;
        }
        // Halves around a row first: a line of halves under a row may be the next
        // row's upper ones.
        let mut k = 1;
        while k + 1 < rows.len() {
            let (u, m, d) = (&rows[k - 1], &rows[k], &rows[k + 1]);
            if adjacent(text, u, m) && adjacent(text, m, d) && around(text, u, m, d, weak) {
                let upper = std::mem::take(&mut rows[k - 1].cells);
                rows[k + 1].cells.clear();
                let m = &mut rows[k];
                m.cells.extend(upper);
                m.cells.sort_by(|a, b| a.center.total_cmp(&b.center));
                taken = true;
                // The row now holds its halves: it is no next row's upper line.
                k += 1;
            }
            k += 1;
        }
        for k in 0..rows.len().saturating_sub(1) {
            let (l, d) = (&rows[k], &rows[k + 1]);
            if adjacent(text, l, d) && under(text, l, d, weak) {
                rows[k + 1].cells.clear();
                taken = true;
            }
        }
    }
    rows.retain(|r| !(r.cells.is_empty() && r.labels.is_empty()));
}

#[cfg(test)]
mod tests {
    use super::super::cells::rows;

    /// Each row's label and how many cells it holds.
    fn counts(text: &str) -> Vec<(String, usize)> {
        rows(text).1.iter().map(|r| (r.label().to_string(), r.cells.len())).collect()
    }

    fn owned(rows: &[(&str, usize)]) -> Vec<(String, usize)> {
        rows.iter().map(|(l, n)| (l.to_string(), *n)).collect()
    }

    #[test]
    fn halves_above_and_below_a_row_are_its_cell() {
        let text = "二、上年结转
                                               —
政府信息公开   ——         ——         —— ——   —— ——
                                               —
申请数量
";
        assert_eq!(counts(text), owned(&[("二、上年结转", 0), ("政府信息公开", 7), ("申请数量", 0)]));
    }

    #[test]
    fn halves_under_a_row_that_has_numbers_are_its_own_and_so_are_the_rest() {
        let text = "一、本年新收       —   1   — —   —     —     1
             —       — —   —     —
二、上年结转       —   —   — —   —     —     —
             —   —   — —   —     —     —
             —   —   — —   —     —     —
(二)部分公开
             —   —   — —   —     —     —
";
        let expected = [("一、本年新收", 7), ("二、上年结转", 7), ("(二)部分公开", 7)];
        assert_eq!(counts(text), owned(&expected));
    }

    #[test]
    fn single_dashes_are_whole_marks_where_nothing_shows_them_wrapped() {
        // Rows of single dashes, a label's second line between them.
        let text = "一、本年新收政府信息公开   —  —  —  —  —  —  —
申请数量
二、上年结转政府信息公开   —  —  —  —  —  —  —
三、本年度办理结果   —  —  —  —  —  —  —
";
        let expected = [("一、本年新收政府信息公开", 7), ("申请数量", 0), ("二、上年结转政府信息公开", 7), ("三、本年度办理结果", 7)];
        assert_eq!(counts(text), owned(&expected));
    }

    #[test]
    fn halves_a_blank_line_away_are_not_joined() {
        let text = "二、上年结转
                                               —

政府信息公开   ——         ——         —— ——   —— ——

                                               —
";
        let expected = [("二、上年结转", 0), ("", 1), ("政府信息公开", 6), ("", 1)];
        assert_eq!(counts(text), owned(&expected));
    }
}
