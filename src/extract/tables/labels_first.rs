//! 表三 as plain `pdftotext` prints a web page's PDF of it: each row's
//! numbers after its label, but a row's first may stand between its label's
//! lines (`一、本年新收政府信息` / `25` / `公开申请数量` / `3` …).
//!
//! The rows are rebuilt as a label with its numbers, so that the walk reads
//! them as any other layout.

use super::*;
use super::numbers_first::{numbered, table_end};

/// The rows of 表三 rebuilt where plain `pdftotext` printed a row's numbers
/// after its label but parted by the label's later lines (`一、本年新收政府信息`
/// / `25` / `公开申请数量` / `3` … `31`, a page's table printed to PDF): each
/// number is the row's whose label started last, the table numbering its
/// rows. `None` where no row's numbers are parted so.
pub(super) fn gathered<'a>(rows: &[Row<'a>], first: usize) -> Option<(Vec<Row<'a>>, Vec<usize>)> {
    if !numbered(rows[first].label()) {
        return None;
    }
    let end = table_end(rows, first);
    // What each line is: a row's start, numbers, or else; the table is rebuilt
    // only where some row's numbers are parted (most tables print them together).
    let starts = |r: &Row| r.kind == Kind::Table && numbered(r.label());
    let mut parted = false;
    // Whether a row has started, has numbers, and a line of its label came after them.
    let (mut started, mut numbers, mut label_after) = (false, false, false);
    for row in &rows[first..end] {
        if row.is_numbers_alone() {
            parted |= started && label_after;
            numbers |= started;
            label_after = false;
        } else if starts(row) {
            (started, numbers, label_after) = (true, !row.cells.is_empty(), false);
        } else {
            label_after |= numbers;
        }
    }
    if !parted {
        return None;
    }
    let mut out: Vec<Row<'a>> = rows[..first].to_vec();
    let mut origin: Vec<usize> = (0..first).collect();
    // The row whose label started last.
    let mut current: Option<usize> = None;
    for (k, row) in rows.iter().enumerate().take(end).skip(first) {
        if row.is_numbers_alone() {
            if let Some(at) = current {
                out[at].cells.extend_from_slice(&row.cells);
                out[at].vertical = true;
                continue;
            }
        } else if starts(row) {
            current = Some(out.len());
        }
        out.push(row.clone());
        origin.push(k);
    }
    out.extend_from_slice(&rows[end..]);
    origin.extend(end..rows.len());
    Some((out, origin))
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
    fn numbers_after_their_labels_are_read_as_printed() {
        let text = format!(
            "{HEAD}一、本年新收政府信息公开申请数量\n{}二、上年结转政府信息公开申请数量\n{}",
            lines(&[4, 0, 0, 0, 1, 1, 6]),
            lines(&[2, 0, 0, 0, 0, 1, 3]),
        );
        let (_, rs) = rows(&text);
        let first = first_named(&rs, Template::T2021).unwrap();
        assert!(super::super::numbers_first::rebuilt(&rs, first, Template::T2021, 7).is_none());
        assert!(gathered(&rs, first).is_none());
        assert_eq!(get(&requests(&text), "new_received"), [4, 0, 0, 0, 1, 1, 6]);
    }
}
