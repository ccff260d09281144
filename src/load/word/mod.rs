//! Word documents, written as a small HTML page (paragraphs, tables with their
//! merged cells as `colspan`/`rowspan`) that the page reader then reads as it
//! reads a saved page: `.docx` archives ([`docx`]) and Word 97-2003 compound
//! files ([`doc`]).

pub mod doc;
pub mod docx;
pub mod numbering;

/// The first bytes of a compound file, the container of Word 97-2003 documents.
const COMPOUND_FILE: &[u8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";

/// Whether the bytes are a compound file (a Word 97-2003 `.doc`, a `.wps`, an
/// old `.xls`).
pub fn is_compound_file(bytes: &[u8]) -> bool {
    bytes.starts_with(COMPOUND_FILE)
}

/// The little-endian number of two bytes at `at`, if the bytes reach that far.
fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?) as usize)
}

/// The little-endian number of four bytes at `at`.
fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?) as usize)
}

/// A table cell being read: its content as HTML, how many grid columns it
/// spans, and its part in a vertical merge.
struct Cell {
    html: String,
    span: usize,
    merge: Merge,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Merge {
    None,
    /// The first cell of a vertical merge (`<w:vMerge w:val="restart"/>`).
    Starts,
    /// A cell the merge above covers (`<w:vMerge/>`).
    Continues,
}

/// A table being read: each row's grid columns left empty before its first
/// cell (`w:gridBefore`), and its cells.
#[derive(Default)]
struct Table {
    rows: Vec<(usize, Vec<Cell>)>,
    in_cell: bool,
}

/// The HTML of a table read whole: a merge's first cell spans the rows whose
/// cell in its column continues it, and those cells are left out (their grid
/// positions are the span's).
fn table_html(table: Table) -> String {
    let starts: Vec<Vec<usize>> = table
        .rows
        .iter()
        .map(|(before, cells)| {
            cells.iter().scan(*before, |col, c| Some(std::mem::replace(col, *col + c.span))).collect()
        })
        .collect();
    // Each row's starting columns rise, so the cell at a column is found by halves.
    let continues = |row: usize, col: usize| {
        let at = starts.get(row).and_then(|s| s.binary_search(&col).ok());
        at.is_some_and(|i| table.rows[row].1[i].merge == Merge::Continues)
    };
    let mut out = String::from("<table>");
    for (r, (before, cells)) in table.rows.iter().enumerate() {
        out.push_str("<tr>");
        if *before > 0 {
            out.push_str(&format!("<td colspan=\"{before}\"></td>"));
        }
        for (cell, &col) in cells.iter().zip(&starts[r]) {
            if cell.merge == Merge::Continues {
                continue;
            }
            let rows = match cell.merge {
                Merge::Starts => 1 + (r + 1..).take_while(|&b| continues(b, col)).count(),
                _ => 1,
            };
            out.push_str("<td");
            if cell.span > 1 {
                out.push_str(&format!(" colspan=\"{}\"", cell.span));
            }
            if rows > 1 {
                out.push_str(&format!(" rowspan=\"{rows}\""));
            }
            out.push('>');
            out.push_str(&cell.html);
            out.push_str("</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</table>");
    out
}

fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}
