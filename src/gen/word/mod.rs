//! Word documents, as an agency's office saves its report before it is posted:
//! the page's paragraphs and tables, a table's group labels merged down their
//! rows and short label cells merged across the label columns, written as a
//! `.docx` ([`docx`]) or in Word 97-2003's binary format ([`doc`]).

pub mod doc;
pub mod docx;

use super::render::{Block, Page, TRow};
use super::rng::Rng;

/// The width of a table, in twips: an A4 page's text with Word's margins.
const TABLE_WIDTH: usize = 8300;
/// The width of a column of numbers in a table of many (表三's applicants).
const NUMBER_COLUMN: usize = 650;

/// A paragraph or a table of the document.
pub enum Part {
    Para { text: String, bold: bool },
    /// A heading numbered by a Word list: its text, without the numeral the list draws.
    Item(String),
    Table(Grid),
}

/// A table: its rows on a grid, and the grid's columns' widths in twips.
pub struct Grid {
    pub rows: Vec<Vec<GridCell>>,
    pub widths: Vec<usize>,
}

impl Grid {
    /// The width of a cell `span` columns wide from column `at` (a column past
    /// the grid's a narrow one).
    pub fn width(&self, at: usize, span: usize) -> usize {
        (at..at + span).map(|k| self.widths.get(k).copied().unwrap_or(NUMBER_COLUMN)).sum()
    }
}

/// A table cell: its text, the grid columns it spans, and its part in a merge
/// down the rows (`Some(true)` starts one, `Some(false)` continues it).
#[derive(Clone, Debug, PartialEq)]
pub struct GridCell {
    pub text: String,
    pub span: usize,
    pub merge: Option<bool>,
}

/// The file of a page: a `.docx`, or with `binary` a Word 97-2003 `.doc`. Its
/// headings are now and then the items of a numbered list, whose numerals
/// (`三、`) Word draws and the text does not hold; a `.docx` has the list's
/// numbering part, or not.
pub fn file(page: &Page, binary: bool, rng: &mut Rng) -> Vec<u8> {
    let parts = parts(page, rng.chance(0.3));
    if binary {
        doc::document(&parts, rng.chance(0.5))
    } else {
        // The list's numbering part, or none (a converter that left it out);
        // the items numbered each, or through their heading style.
        let numbered = parts.iter().any(|p| matches!(p, Part::Item(_))) && rng.chance(0.5);
        let numbering = numbered.then(|| if rng.chance(0.5) { docx::Numbered::ByStyle } else { docx::Numbered::Each });
        docx::package(&docx::document(&parts, numbering), numbering)
    }
}

/// The page's paragraphs and tables; with `listed`, its numbered headings a list's items.
pub fn parts(page: &Page, listed: bool) -> Vec<Part> {
    let para = |text: &str, bold: bool| Part::Para { text: text.to_string(), bold };
    let mut out = Vec::new();
    if !page.title.is_empty() {
        out.push(para(page.title, true));
    }
    out.extend(page.published.iter().flat_map(|p| p.lines()).map(|line| para(line, false)));
    for block in page.blocks {
        match block {
            Block::Heading(h) if listed => {
                let bare = h.trim_start_matches(|c: char| "一二三四五六七八九十".contains(c));
                let bare = if bare.len() < h.len() { bare.trim_start_matches(['、', ' ', '.']) } else { h };
                out.push(Part::Item(bare.to_string()));
            }
            Block::Heading(h) => out.push(para(h, true)),
            Block::Para(p) => out.extend(p.lines().map(|line| para(line, false))),
            Block::Table(rows) => out.push(Part::Table(grid(rows))),
        }
    }
    if let Some((agency, date)) = &page.signature {
        out.extend([para(agency, false), para(date, false)]);
    }
    out
}

/// A table on Word's grid, as wide as the page's text: the label columns as many as the most labels a row
/// of numbers has (with its group's), a group's label merged down its rows, a
/// sub-group's (`(三)不予公开` over its numbered reasons) down the rows of its
/// reasons, a row with fewer labels spanning the rest; a heading row's labels
/// one a cell, its last spanning the rest of the width, or as the form spans
/// them. A table of many
/// columns of numbers (表三) leaves them narrow and its labels the rest, the
/// last label column (a reason's) wider; another's columns are of one width.
fn grid(rows: &[TRow]) -> Grid {
    let mut left = 0usize; // rows the open group still covers
    let mut label_cols = 0;
    let mut value_cols = 0;
    for r in rows {
        let grouped = r.group.is_some() || left > 0;
        left = r.group.as_ref().map_or(left.saturating_sub(1), |(_, n)| n.saturating_sub(1));
        if !r.values.is_empty() {
            label_cols = label_cols.max(usize::from(grouped) + r.labels.len());
            value_cols = value_cols.max(r.values.len());
        }
    }
    let width = label_cols + value_cols;
    let cell = |text: &str, span: usize, merge: Option<bool>| GridCell { text: text.to_string(), span, merge };
    let (mut left, mut sub_open) = (0, false);
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let mut row = Vec::new();
        let mut used = 0;
        if let Some((g, n)) = &r.group {
            row.push(cell(g, 1, Some(true)));
            left = n.saturating_sub(1);
            used = 1;
        } else if left > 0 {
            row.push(cell("", 1, Some(false)));
            left -= 1;
            used = 1;
        }
        if r.values.is_empty() && !r.spans.is_empty() {
            // A header row of the form's spans, its first columns past them blank.
            let lead = width.saturating_sub(used + r.spans.iter().sum::<usize>());
            if lead > 0 {
                row.push(cell("", lead, None));
            }
            row.extend(r.labels.iter().zip(&r.spans).map(|(l, &span)| cell(l, span, None)));
        } else if r.values.is_empty() {
            sub_open = false;
            for (k, l) in r.labels.iter().enumerate() {
                let last = k + 1 == r.labels.len();
                row.push(cell(l, if last { width.saturating_sub(used).max(1) } else { 1 }, None));
                used += 1;
            }
        } else {
            let room = label_cols - used;
            let numbered = r.labels.first().is_some_and(|l| l.starts_with(|c: char| c.is_ascii_digit()));
            if r.labels.len() == 2 && room == 2 && used == 1 {
                row.push(cell(&r.labels[0], 1, Some(true)));
                row.push(cell(&r.labels[1], 1, None));
                sub_open = true;
            } else if r.labels.len() == 1 && room == 2 && used == 1 && sub_open && numbered {
                row.push(cell("", 1, Some(false)));
                row.push(cell(&r.labels[0], 1, None));
            } else {
                sub_open = false;
                // A table without labels (表四) has no label cell.
                let n = if room == 0 { 0 } else { r.labels.len().max(1) };
                for k in 0..n {
                    let span = if k + 1 == n { room.saturating_sub(n - 1).max(1) } else { 1 };
                    row.push(cell(r.labels.get(k).map_or("", String::as_str), span, None));
                }
            }
            row.extend(r.values.iter().map(|v| cell(v, 1, None)));
        }
        out.push(row);
    }
    let widths = if (5..=8).contains(&value_cols) && label_cols > 0 {
        let labels = TABLE_WIDTH - NUMBER_COLUMN * value_cols;
        let narrow = labels / (label_cols + 1);
        let last = labels - narrow * (label_cols - 1);
        let mut w = vec![narrow; label_cols - 1];
        w.push(last);
        w.extend(std::iter::repeat_n(NUMBER_COLUMN, value_cols));
        w
    } else {
        vec![TABLE_WIDTH / width.max(1); width]
    };
    Grid { rows: out, widths }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reasons_group_merges_down_and_short_labels_across() {
        let row = |group: Option<(&str, usize)>, labels: &[&str]| TRow {
            group: group.map(|(g, n)| (g.to_string(), n)),
            labels: labels.iter().map(|s| s.to_string()).collect(),
            values: vec!["0".into(), "1".into()],
            ..TRow::default()
        };
        let rows = [
            row(None, &["一、本年新收政府信息公开申请数量"]),
            row(Some(("三、本年度办理结果", 3)), &["(一)予以公开"]),
            row(None, &["(三)不予公开", "1.属于国家秘密"]),
            row(None, &["2.其他法律行政法规禁止公开"]),
        ];
        let shape: Vec<Vec<(usize, Option<bool>)>> =
            grid(&rows).rows.iter().map(|r| r.iter().map(|c| (c.span, c.merge)).collect()).collect();
        let (start, cont) = (Some(true), Some(false));
        let want = vec![
            vec![(3, None), (1, None), (1, None)],
            vec![(1, start), (2, None), (1, None), (1, None)],
            vec![(1, cont), (1, start), (1, None), (1, None), (1, None)],
            vec![(1, cont), (1, cont), (1, None), (1, None), (1, None)],
        ];
        assert_eq!(shape, want);
    }

    #[test]
    fn a_table_of_numbers_alone_spans_its_heads_as_the_form_does() {
        let values = TRow { values: (0..15).map(|v| v.to_string()).collect(), ..TRow::default() };
        let rows = [
            TRow::spanning(&[("行政复议", 5), ("行政诉讼", 10)]),
            TRow::spanning(&[("未经复议直接起诉", 5), ("复议后起诉", 5)]),
            values,
        ];
        let grid = grid(&rows);
        let spans: Vec<Vec<usize>> = grid.rows.iter().map(|r| r.iter().map(|c| c.span).collect()).collect();
        assert_eq!(spans, vec![vec![5, 10], vec![5, 5, 5], vec![1; 15]]);
        assert_eq!(grid.rows[1][0].text, "");
        assert_eq!(grid.widths.len(), 15);
        assert!(grid.widths.iter().all(|&w| w == grid.widths[0]));
    }
}
