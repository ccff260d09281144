//! 表四 as plain `pdftotext` prints a page that sets it beside 表三's last rows,
//! its outcomes' heads lost: under its heading and the lines naming the
//! proceedings (`行政复议` / `行政诉讼`), the first of its numbers, then 表三's
//! later rows' last columns (read as 表三's), then more of its numbers, and its
//! last after the closing sections: `1` / `0` / `1` / `0` / `2` / `0` / `1` /
//! `0` / (表三's) … / `1` / `2` / `五、存在的主要问题…` / … / `0` / `0` / `0` /
//! `0` / `0`.
//!
//! The numbers under the heading that 表三 did not take, all before its first
//! there or after its last, in printed order, are the table's first cells; the
//! others are the loose numbers after the closing sections (as
//! [`super::litigation`] completes a table short of its last cells). Read only
//! where 表三 took numbers under the heading, nothing but lines naming the
//! proceedings stands between the heading and the section after it, and
//! every proceeding adds up.

use super::*;
use crate::extract::cells::cells_add_up;

/// 表四's cells and the row after it, read as the module tells from the
/// heading at or after layout row `from`, the numbers at the places `taken`
/// (in order) being 表三's; `None` where it is not printed so.
pub(super) fn read(rows: &[Row], from: usize, taken: &[usize]) -> Option<(Vec<Cell>, usize)> {
    let heading = (from..rows.len()).find(|&k| rows[k].kind == Kind::Table && names_litigation(rows[k].label()))?;
    let end = (heading + 1..rows.len())
        .find(|&k| rows[k].kind == Kind::Prose || super::litigation::after_table(rows[k].label()))
        .unwrap_or(rows.len());
    // The numbers under the heading, each with whether 表三 took it.
    let mut printed: Vec<(Cell, bool)> = Vec::new();
    for row in &rows[heading + 1..end] {
        if row.is_numbers_alone() {
            printed.extend(row.cells.iter().map(|c| (*c, taken.binary_search(&c.offset).is_ok())));
            continue;
        }
        let names = |a: &&str| row.label().has(a);
        if !(row.label().is_empty() || template::LITIGATION_ANCHORS.iter().any(names)) {
            return None;
        }
    }
    let first = printed.iter().position(|p| p.1)?;
    let last = printed.iter().rposition(|p| p.1)?;
    if printed[first..last].iter().any(|p| !p.1) {
        return None;
    }
    let own: Vec<Cell> = printed.iter().filter(|p| !p.1).map(|p| p.0).collect();
    let group = template::LITIGATION_OUTCOMES.len();
    let n = template::LITIGATION_PROCEEDINGS.len() * group;
    let cells = match own.len() {
        len if len == n => own,
        // (Its first cells under the heading, as such a page prints them.)
        len if len < n => super::litigation::continued(rows, end, &own, n, false, true, taken)?,
        _ => return None,
    };
    cells.chunks_exact(group).all(cells_add_up).then_some((cells, end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cells::rows;

    const HEADING: &str = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n";
    const CLOSING: &str = "五、存在的主要问题及改进情况\n政务公开的深度和广度有待加强。\n六、其他需要报告的事项\n无。\n\n";

    /// The text: the heading, `first` (表四's), `theirs` (表三's), `last`
    /// (表四's), the closing sections, `after` (表四's); and where `theirs` are.
    fn page(first: &[i64], theirs: &[i64], last: &[i64], after: &[i64]) -> (String, Vec<usize>) {
        let mut text = String::from(HEADING);
        let mut taken = Vec::new();
        let mut put = |text: &mut String, values: &[i64], mark: bool| {
            for v in values {
                if mark {
                    taken.push(text.len());
                }
                text.push_str(&format!("{v}\n\n"));
            }
        };
        put(&mut text, first, false);
        put(&mut text, theirs, true);
        put(&mut text, last, false);
        text.push_str(CLOSING);
        put(&mut text, after, false);
        (text, taken)
    }

    fn read_of(text: &str, taken: &[usize]) -> Option<Vec<f64>> {
        let (_, rs) = rows(text);
        read(&rs, 0, taken).map(|(cells, _)| cells.iter().map(Cell::number).collect())
    }

    #[test]
    fn the_numbers_around_table_three_s_and_after_the_closing_sections_are_its_cells() {
        let theirs = [3, 0, 0, 1, 0, 4, 7, 2, 0, 0, 1, 10];
        let (text, taken) = page(&[1, 0, 1, 0, 2, 0, 1, 0], &theirs, &[1, 2], &[0, 0, 1, 0, 1]);
        let read = [1, 0, 1, 0, 2, 0, 1, 0, 1, 2, 0, 0, 1, 0, 1].map(f64::from);
        assert_eq!(read_of(&text, &taken), Some(read.to_vec()));
        // Through 表四's reading, 表三's cells read where `taken` says.
        let (_, rs) = rows(&text);
        let mut report = Report::default();
        for offset in &taken {
            let (row, applicant) = ("granted", "natural_person");
            report.requests.push(RequestFact { row, applicant, count: 0, offset: *offset });
        }
        super::super::read_litigation(&text, &rs, 0, &mut report);
        let counts: Vec<f64> = report.litigation.iter().map(|f| f.count as f64).collect();
        assert_eq!(counts, read.to_vec(), "{:?}", report.issues);
        // No number of 表三's under the heading: not this table.
        assert_eq!(read_of(&text, &[]), None);
        // A number 表三 did not take among its: no telling whose.
        assert_eq!(read_of(&text, &[&taken[..3], &taken[4..]].concat()), None);
        // A proceeding that does not add up: not read so.
        let (text, taken) = page(&[1, 0, 1, 0, 3, 0, 1, 0], &theirs, &[1, 2], &[0, 0, 1, 0, 1]);
        assert_eq!(read_of(&text, &taken), None);
        // A line between the heading and the next section that names no proceeding.
        let (text, taken) = page(&[1, 0, 1, 0, 2, 0, 1, 0], &theirs, &[1, 2], &[0, 0, 1, 0, 1]);
        let text = text.replacen("行政诉讼\n", "行政诉讼\n说明\n", 1);
        let taken: Vec<usize> = taken.iter().map(|t| t + "说明\n".len()).collect();
        assert_eq!(read_of(&text, &taken), None);
    }
}
