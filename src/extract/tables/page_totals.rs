//! 表三 as plain `pdftotext` prints a Word table that a page break cuts: the
//! page's rows each one cell short (`2.其他法律行政法规 2` / `0 0 0 0 0`), and
//! the page's 总计 column after them, a number a row (`49 1 19 7 … 5 1`) after
//! the last row's numbers, before the next page's rows print whole.
//!
//! The run is taken for those rows' totals where every row from the table's
//! first up to it is one cell short, the run holds a number for each of them
//! (two rows at least), each number is its row's sum, and two at least are not
//! 0: each row's total is put back at its end.

use super::*;
use crate::extract::cells::cells_add_up;

/// A row short of its total: its cells and the row its last cell is on.
struct Short {
    cells: Vec<Cell>,
    last: usize,
}

/// The rows of 表三, whose first row is `first`, with the page's totals printed
/// after its rows put back at their rows' ends (a line left with nothing left
/// out), and each row's index in `rows`; `None` where the table is not so.
pub(super) fn put_back<'a>(rows: &[Row<'a>], first: usize, n: usize) -> Option<(Vec<Row<'a>>, Vec<usize>)> {
    let end = super::numbers_first::table_end(rows, first);
    let width = n - 1;
    let mut shorts: Vec<Short> = Vec::new();
    let mut open: Vec<Cell> = Vec::new();
    // The row the run is on, and where on it the run starts.
    let mut run = None;
    for (k, row) in rows.iter().enumerate().take(end).skip(first) {
        let cells = &row.cells;
        if open.len() + cells.len() <= width {
            open.extend_from_slice(cells);
            if !open.is_empty() && open.len() == width {
                shorts.push(Short { cells: std::mem::take(&mut open), last: k });
            }
            continue;
        }
        // The run after a row's cells on its line of numbers, or a line of its own.
        let own = width - open.len();
        if cells.len() == own + shorts.len() + 1 {
            open.extend_from_slice(&cells[..own]);
            shorts.push(Short { cells: std::mem::take(&mut open), last: k });
            run = Some((k, own));
        } else if open.is_empty() && row.is_numbers_alone() && cells.len() == shorts.len() {
            run = Some((k, 0));
        }
        break;
    }
    let (at, from) = run?;
    let totals = &rows[at].cells[from..];
    let adds_up = shorts.iter().zip(totals).all(|(s, t)| cells_add_up(&[s.cells.as_slice(), &[*t]].concat()));
    if shorts.len() < 2 || !adds_up || totals.iter().filter(|t| t.number() != 0.0).count() < 2 {
        return None;
    }
    let mut out: Vec<Row<'a>> = rows.to_vec();
    out[at].cells.truncate(from);
    for (s, total) in shorts.iter().zip(totals) {
        out[s.last].cells.push(*total);
    }
    let mut origin: Vec<usize> = (0..rows.len()).collect();
    if out[at].cells.is_empty() {
        out.remove(at);
        origin.remove(at);
    }
    Some((out, origin))
}

#[cfg(test)]
mod tests {
    use crate::extract::cells::rows;
    use crate::template::Template;

    /// The rows' numbers in order, seven a row.
    fn numbers(rows: &[crate::extract::cells::Row]) -> Vec<Vec<f64>> {
        let all: Vec<f64> = rows.iter().flat_map(|r| r.cells.iter().map(|c| c.number())).collect();
        all.chunks(7).map(<[f64]>::to_vec).collect()
    }

    #[test]
    fn a_pages_totals_go_back_to_their_rows() {
        let text = "一、本年新收政府信息公开申请数量\n37\n6\n2\n0\n1\n3\n二、上年结转政府信息公开申请数量\n1\n0\n0\n0\n0\n0\n\
                    三、本年度办理结果 (一)予以公开\n11\n4\n2\n0\n0\n2\n(二)部分公开 6\n0\n0\n0\n0\n1\n\n49\n1\n19\n7\n\
                    (三)不予公开 1.属于国家秘密\n0\n1\n0\n0\n0\n0\n1\n";
        let (_, rows) = rows(text);
        let first = super::super::numbers_first::first_named(&rows, Template::T2021).unwrap();
        let (back, origin) = super::put_back(&rows, first, 7).unwrap();
        assert_eq!(origin.len(), back.len());
        let got = numbers(&back);
        assert_eq!(got[..4], [
            vec![37.0, 6.0, 2.0, 0.0, 1.0, 3.0, 49.0],
            vec![1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0],
            vec![11.0, 4.0, 2.0, 0.0, 0.0, 2.0, 19.0],
            vec![6.0, 0.0, 0.0, 0.0, 0.0, 1.0, 7.0]
        ]);
        // A total that is not its row's sum: no reading.
        let wrong = text.replace("\n19\n", "\n18\n");
        let (_, rows) = crate::extract::cells::rows(&wrong);
        assert!(super::put_back(&rows, first, 7).is_none());
        // Rows printed whole: nothing to put back.
        let whole = "一、本年新收政府信息公开申请数量 37 6 2 0 1 3 49\n二、上年结转政府信息公开申请数量 1 0 0 0 0 0 1\n";
        let (_, rows) = crate::extract::cells::rows(whole);
        assert!(super::put_back(&rows, 0, 7).is_none());
    }
}
