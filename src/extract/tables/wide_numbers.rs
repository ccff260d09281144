//! 表三 as `pdftotext -raw` prints a Word table whose narrow cells wrap wide
//! numbers: a row's label with its first number's first digits
//! (`一、本年新收政府信息公开申请数量 224`), the last digit on a line alone (`4`),
//! the row's other numbers on the next line with its total's first digits
//! (`216 24 32 118 54 268`), and the total's last on a line alone (`8`):
//! 2244 … 2688. Read as printed, the row holds a number too many for each
//! wrap, and every row after it is read a row late or not at all.
//!
//! Where the table prints other rows whole on their label's line, or on a
//! line of their own right under it (so that the numbers after a label are
//! its row's), a row whose numbers, up to the next label, are more than its
//! columns by a few is read with that many of its lone digits (a digit or two
//! alone on a line) each joined to the number of two digits or more that ends
//! the line above: the one way the row then adds up (its total the sum of the
//! others).
//!
//! `pdftotext -layout` prints such a table's wrapped digits on the line under
//! the row, each in its number's column (`一、本年新收… 126 137 11 13 40 28 149`
//! over `3 … 2`: 1263 … 1492): a row that does not add up as printed is read
//! with the digits under its numbers joined to them where it then does.
//! `pdftotext -raw` may print those digits on a line of their own past the
//! lines of a label wrapped beside the row (`(一)予以公开 105 … 124` /
//! `年度办` / `理结果` / `8 8`): in their numbers' order, no column kept, each
//! joined to a number of two digits or more of the row where one set of them
//! only makes it add up.

use super::*;
use crate::extract::cells::cells_add_up;

/// The most numbers of a row wrapped in their cells that are joined back.
const MAX_WRAPPED: usize = 3;

/// The rows of 表三 (its first row `first`, `n` columns) with each row whose
/// wide numbers were wrapped read whole on its label's line (the lines of its
/// pieces left empty, so that every row keeps its index); `None` where no row
/// is printed so.
pub(super) fn rejoined<'a>(text: &str, rows: &[Row<'a>], first: usize, n: usize) -> Option<Vec<Row<'a>>> {
    let end = super::numbers_first::table_end(rows, first);
    let table = &rows[first..end];
    // (A row whole on its label's line, or on a line of its own right under its
    // label's, and a number or a few alone on a line: else nothing to look at.)
    let under_label = |k: usize| k > first && rows[k - 1].is_orphan() && rows[k].is_numbers_alone();
    let whole = (first..end).any(|k| rows[k].cells.len() == n && (!rows[k].labels.is_empty() || under_label(k)));
    if !whole || !table.iter().any(|r| r.is_numbers_alone() && r.cells.len() <= MAX_WRAPPED) {
        return None;
    }
    let mut out: Option<Vec<Row<'a>>> = None;
    let mut k = first;
    while k < end {
        let lines = 1 + rows[k + 1..end].iter().take_while(|r| r.is_numbers_alone()).count();
        let labelled = !rows[k].cells.is_empty() && (!rows[k].labels.is_empty() || under_label(k));
        let read = || joined(text, &rows[k..k + lines], n).or_else(|| under(text, &rows[k..k + lines], n));
        if let Some(cells) = labelled.then(read).flatten() {
            let out = out.get_or_insert_with(|| rows.to_vec());
            out[k].cells = cells;
            for line in &mut out[k + 1..k + lines] {
                line.cells.clear();
            }
        } else if lines == 1 && labelled {
            // (The digits after the lines of label below the row.)
            let labels = rows[k + 1..end].iter().take(MAX_BAND_LINES).take_while(|r| r.is_orphan()).count();
            let d = k + 1 + labels;
            let digits = rows.get(d).filter(|r| labels > 0 && d < end && r.is_numbers_alone());
            if let Some(cells) = digits.and_then(|digits| after_labels(text, &rows[k], digits, n)) {
                let out = out.get_or_insert_with(|| rows.to_vec());
                out[k].cells = cells;
                out[d].cells.clear();
                k = d;
            }
        }
        // (A label's line without numbers: the numbers alone after it may be its row's.)
        k += if rows[k].cells.is_empty() { 1 } else { lines };
    }
    out
}

/// The `n` cells of a row printed over `lines` (its label's, then lines of
/// numbers alone) with its wrapped numbers joined, where they are more than
/// `n` by [`MAX_WRAPPED`] at most and one way only of joining them adds up.
fn joined(text: &str, lines: &[Row], n: usize) -> Option<Vec<Cell>> {
    let pieces: Vec<(&Cell, bool)> = lines
        .iter()
        .flat_map(|r| {
            let alone = r.is_numbers_alone() && r.cells.len() == 1;
            r.cells.iter().map(move |c| (c, alone))
        })
        .collect();
    let extra = pieces.len().checked_sub(n).filter(|e| (1..=MAX_WRAPPED).contains(e))?;
    // The places of the lone digits that may join the number ending the line above.
    let mut ends = 0;
    let mut joins: Vec<usize> = Vec::new();
    for line in lines {
        let at = ends;
        ends += line.cells.len();
        let (Some(&(tail, true)), Some(&(head, _))) = (pieces.get(at), at.checked_sub(1).and_then(|i| pieces.get(i)))
        else {
            continue;
        };
        if digits_of(text, head).is_some_and(|d| d >= 2) && digits_of(text, tail).is_some_and(|d| d <= 2) {
            joins.push(at);
        }
    }
    let pieces: Vec<Cell> = pieces.iter().map(|&(c, _)| *c).collect();
    one_joining(text, &pieces, &joins, extra, cells_add_up).ok().flatten()
}

/// The `n` cells of a row printed whole on its label's line (`lines[0]`) with
/// the last digits of its wide numbers on the line under it (`lines[1]`),
/// each in its number's column: joined to them where the row adds up so and
/// not as printed.
fn under(text: &str, lines: &[Row], n: usize) -> Option<Vec<Cell>> {
    let [row, digits] = lines else { return None };
    if row.cells.len() != n || digits.cells.len() > MAX_WRAPPED || cells_add_up(&row.cells) {
        return None;
    }
    let column = |c: &Cell| {
        let start = text[..c.offset].rfind('\n').map_or(0, |i| i + 1);
        text[start..c.offset].chars().count()
    };
    let mut pieces: Vec<Cell> = Vec::with_capacity(n + digits.cells.len());
    let mut joins = Vec::new();
    for cell in &row.cells {
        pieces.push(*cell);
        let wide = digits_of(text, cell).is_some_and(|d| d >= 2);
        if let Some(tail) = digits.cells.iter().find(|d| wide && column(d) == column(cell)) {
            digits_of(text, tail).filter(|&d| d <= 2)?;
            joins.push(pieces.len());
            pieces.push(*tail);
        }
    }
    // (Each digit under a number of the row, none elsewhere.)
    if joins.len() != digits.cells.len() {
        return None;
    }
    one_joining(text, &pieces, &joins, joins.len(), cells_add_up).ok().flatten()
}

/// The most lines of label between a row and the last digits of its wrapped
/// numbers (a band's label wrapped beside it, `年度办` / `理结果`).
const MAX_BAND_LINES: usize = 2;

/// The `n` cells of a row printed whole on its label's line (`row`) with the
/// last digits of some of its wide numbers on a line of their own after lines
/// of label below it (`digits`, in their numbers' order: `pdftotext -raw`
/// keeps no columns): joined to the one set of its numbers of two digits or
/// more with which the row adds up, where it does not as printed.
fn after_labels(text: &str, row: &Row, digits: &Row, n: usize) -> Option<Vec<Cell>> {
    let m = digits.cells.len();
    if row.cells.len() != n || m > MAX_WRAPPED || cells_add_up(&row.cells) {
        return None;
    }
    let widths: Vec<u32> = digits.cells.iter().map(|d| digits_of(text, d).filter(|&w| w <= 2)).collect::<Option<_>>()?;
    let wide: Vec<bool> = row.cells.iter().map(|c| digits_of(text, c).is_some_and(|d| d >= 2)).collect();
    let mut found = None;
    for set in bit_sets(n, m) {
        let chosen: Vec<usize> = (0..n).filter(|&i| set & (1 << i) != 0).collect();
        if !chosen.iter().all(|&i| wide[i]) {
            continue;
        }
        let mut cells = row.cells.clone();
        for (&i, (tail, &w)) in chosen.iter().zip(digits.cells.iter().zip(&widths)) {
            cells[i].value = Some(with_digits(&cells[i], tail, w));
        }
        if cells_add_up(&cells) {
            if found.is_some() {
                return None;
            }
            found = Some(cells);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::super::numbers_first::tests::{get, requests};

    #[test]
    fn wide_numbers_wrapped_by_raw_pdftotext_are_read_whole() {
        let text = "三、收到和处理政府信息公开申请情况\n申请人情况\n自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n\
                    一、本年新收政府信息公开申请数量 224\n4\n216 24 32 118 54 268\n8\n\
                    二、上年结转政府信息公开申请数量 122 0 0 1 1 9 133\n\
                    三、本年度办理结果\n(一)予以公开 103\n3\n71 12 12 39 24 119\n1\n\
                    (二)部分公开 189 29 1 6 8 7 240\n\
                    (三)不予公开 1.属于国家秘密 22 0 0 0 4 0 26\n";
        let r = requests(text);
        assert_eq!(get(&r, "new_received"), [2244, 216, 24, 32, 118, 54, 2688]);
        assert_eq!(get(&r, "carried_over"), [122, 0, 0, 1, 1, 9, 133]);
        assert_eq!(get(&r, "granted"), [1033, 71, 12, 12, 39, 24, 1191]);
        assert_eq!(get(&r, "partially_granted"), [189, 29, 1, 6, 8, 7, 240]);
        assert_eq!(get(&r, "denied_state_secret"), [22, 0, 0, 0, 4, 0, 26]);
    }

    #[test]
    fn wide_numbers_wrapped_past_the_lines_of_label_below_their_row_are_read_whole() {
        // `pdftotext -raw`: (一)'s row on its label's line, the band's label
        // wrapped below it, then the last digits of its first number and its
        // total on a line (1058 … 1248).
        let text = |digits: &str| {
            format!(
                "三、收到和处理政府信息公开申请情况\n申请人情况\n自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n\
                 一、本年新收政府信息公开申请数量 238\n6\n229 29 18 117 47 282\n6\n\
                 二、上年结转政府信息公开申请数量 15 31 0 0 14 1 61\n\
                 三、本 (一)予以公开 105 104 11 9 48 18 124\n年度办\n理结果\n{digits}\n\
                 (二)部分公开 213 18 1 1 11 5 249\n"
            )
        };
        let r = requests(&text("8 8"));
        assert_eq!(get(&r, "new_received"), [2386, 229, 29, 18, 117, 47, 2826]);
        assert_eq!(get(&r, "granted"), [1058, 104, 11, 9, 48, 18, 1248]);
        assert_eq!(get(&r, "partially_granted"), [213, 18, 1, 1, 11, 5, 249]);
        // Digits with which the row adds up no way: not joined.
        assert!(!get(&requests(&text("8 7")), "granted").contains(&1058));
    }

    #[test]
    fn a_wide_total_wrapped_under_a_row_printed_under_its_label_is_read_whole() {
        // `pdftotext -raw`: each row's numbers on a line of their own under its
        // label's lines, 1164 wrapped, its last digit on a line alone.
        let text = |digit: &str| {
            format!(
                "三、收到和处理政府信息公开申请情况\n申请人情况\n自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n\
                 一、本年新收政府信息\n公开申请数量\n1630 162 12 20 110 45 1979\n\
                 二、上年结转政府信息\n公开申请数量\n35 4 0 0 2 1 42\n\
                 三、本年度办理结果\n(一)予以公开\n955 96 8 12 63 30 116\n{digit}\n\
                 (二)部分公开\n269 26 4 1 18 8 326\n"
            )
        };
        let r = requests(&text("4"));
        assert_eq!(get(&r, "new_received"), [1630, 162, 12, 20, 110, 45, 1979]);
        assert_eq!(get(&r, "granted"), [955, 96, 8, 12, 63, 30, 1164]);
        assert_eq!(get(&r, "partially_granted"), [269, 26, 4, 1, 18, 8, 326]);
        // A digit with which the row does not add up: not joined.
        assert!(!get(&requests(&text("5")), "granted").contains(&1165));
    }

    #[test]
    fn wide_numbers_wrapped_under_their_row_in_aligned_text_are_read_whole() {
        // (A page's details above as a line of cells: the text is read as delimited rows, not by columns.)
        let head = "发布机构 | 本网 | 发文日期 | 2023 年 2 月 13 日 |\n三、收到和处理政府信息公开申请情况\n申请人情况\n\
                    自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n";
        let rows = "一、本年新收政府信息公开申请数量        126   137   11   13   40   28   149\n\
                    \x20                       3                               2\n\
                    二、上年结转政府信息公开申请数量        83    7     3    1    1    5    100\n\
                    三、本年度办理结果\n(一)予以公开             524   55    9    6    19   12   625\n";
        let r = requests(&format!("{head}{rows}"));
        assert_eq!(get(&r, "new_received"), [1263, 137, 11, 13, 40, 28, 1492]);
        assert_eq!(get(&r, "carried_over"), [83, 7, 3, 1, 1, 5, 100]);
        assert_eq!(get(&r, "granted"), [524, 55, 9, 6, 19, 12, 625]);
        // A digit under no number of the row: not joined.
        let off = rows.replacen("                       3", "                         3", 1);
        assert_ne!(get(&requests(&format!("{head}{off}")), "new_received")[0], 1263);
    }

    #[test]
    fn lone_numbers_that_join_no_way_that_adds_up_are_left_as_printed() {
        // `5` joined to 26 (265) leaves the row not adding up: nothing is joined.
        let text = "三、收到和处理政府信息公开申请情况\n申请人情况\n自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n\
                    一、本年新收政府信息公开申请数量 12 0 0 0 0 0 12\n\
                    二、上年结转政府信息公开申请数量 22 0 0 0 4 0 26\n5\n\
                    三、本年度办理结果\n(一)予以公开 10 0 0 0 0 0 10\n";
        let r = requests(text);
        assert_ne!(get(&r, "carried_over")[6], 265);
        assert_eq!(get(&r, "granted"), [10, 0, 0, 0, 0, 0, 10]);
    }
}
