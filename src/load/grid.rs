//! Grid tables, as converters to Markdown (pandoc) write a table whose cells
//! hold more than a line: rows between `+---+---+` borders (`+===+` under the
//! header), each cell's text running over the lines of its row.
//!
//! ```text
//! +------------------------------+------+------+
//! | （二）部分公开（区分处理的， | 0    | 0    |
//! | 只计这一情形，不计其他情形） |      |      |
//! +------------------------------+------+------+
//! ```
//!
//! Each row is given back as one line of cells between `|`, every cell's pieces
//! joined, as a saved page's table is read.

/// Whether a line is a grid table's border: `+`s with `-`, `=` or `:` between.
fn border(line: &str) -> bool {
    let t = line.trim();
    t.len() >= 3 && t.starts_with('+') && t.ends_with('+') && t.bytes().all(|b| matches!(b, b'+' | b'-' | b'=' | b':'))
}

/// `text` with its grid tables' rows each on a line; the text itself where it
/// has none.
pub fn joined(text: String) -> String {
    // A border opens a line; `+-` and `+=` are rare in a report's text.
    let bytes = text.as_bytes();
    let opens_line = |i: usize| i == 0 || bytes[i - 1] == b'\n';
    let any = [b"+-", b"+="].iter().any(|b| memchr::memmem::find_iter(bytes, b).any(opens_line));
    if !any {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    // The lines of the row being read, once a border opened the table.
    let mut row: Option<Vec<&str>> = None;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if border(content) {
            if let Some(lines) = row.take() {
                push_row(&lines, &mut out);
            }
            row = Some(Vec::new());
            continue;
        }
        match row.as_mut() {
            Some(lines) if content.trim_start().starts_with('|') => lines.push(content),
            _ => {
                // Not a grid table's line: what was open of one ends here.
                if let Some(lines) = row.take() {
                    push_row(&lines, &mut out);
                }
                out.push_str(line);
            }
        }
    }
    if let Some(lines) = row {
        push_row(&lines, &mut out);
    }
    out
}

/// One row of a grid table, its lines' cells joined column by column, as a line.
fn push_row(lines: &[&str], out: &mut String) {
    let split = |line: &str| -> Vec<String> {
        let t = line.trim();
        let t = t.strip_prefix('|').unwrap_or(t);
        let t = t.strip_suffix('|').unwrap_or(t);
        t.split('|').map(|c| c.trim().to_string()).collect()
    };
    let Some(first) = lines.first() else { return };
    let mut cells = split(first);
    let last = cells.len() - 1;
    for line in &lines[1..] {
        for (k, piece) in split(line).into_iter().enumerate() {
            if piece.is_empty() {
                continue;
            }
            // A line with more cells than the row's first: the rest to its last.
            let cell = &mut cells[k.min(last)];
            // Latin words keep a space between them; Chinese text runs on.
            let spaced = cell.ends_with(|c: char| c.is_ascii_alphanumeric()) && piece.starts_with(|c: char| c.is_ascii_alphanumeric());
            if spaced {
                cell.push(' ');
            }
            cell.push_str(&piece);
        }
    }
    out.push('|');
    for c in &cells {
        out.push(' ');
        out.push_str(c);
        out.push_str(" |");
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_between_borders_become_lines_of_cells() {
        let text = "前言\n+----------+----+----+\n| 信息内容 | 本年制发件数 | 本年废止件数 |\n+==========+====+====+\n\
            | 规章 | 2 | 0 |\n+----------+----+----+\n| （二）部分公开（区分处理的， | 0 | 1 |\n\
            | 只计这一情形，不计其他情形） |  |  |\n+----------+----+----+\n后记\n";
        assert_eq!(
            joined(text.to_string()),
            "前言\n| 信息内容 | 本年制发件数 | 本年废止件数 |\n| 规章 | 2 | 0 |\n\
             | （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 0 | 1 |\n后记\n"
        );
    }

    #[test]
    fn text_without_grid_tables_is_left_as_it_is() {
        for text in ["| 规章 | 2 |\n|---|---|\n", "+ 一项\n+ 二项\n", "1+1=2\n"] {
            assert_eq!(joined(text.to_string()), text);
        }
    }

    #[test]
    fn a_table_cut_short_ends_where_its_lines_do() {
        let text = "+---+---+\n| 规章 | 2 |\n| 续 |  |\n正文。\n";
        assert_eq!(joined(text.to_string()), "| 规章续 | 2 |\n正文。\n");
    }
}
