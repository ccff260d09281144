//! 表三 whose every number is 0 (an agency that had no request), in whatever
//! order the layout prints its cells: plain `pdftotext` of a Word table mixes
//! rows, columns and labels, and loses most of its marks for none.

use super::requests::ORGANISATION_HEADS;
use super::*;

/// How far [`read`] looks for 表三's zeros.
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Reach {
    /// Up to 表四 or the closing sections.
    Table,
    /// To the text's end: the last rows' cells may come among 表四's heads or
    /// after the closing sections.
    TextEnd,
}

/// Reads 表三 as zeros: where the table's full form (its header names
/// the kinds of organisation) holds a number or a mark for none for each of
/// its cells at least and every number from where 表二 ends (`rows`) to 表四
/// (or the closing sections) is 0, every cell is. Reaching to the text's end,
/// every number there is 0 and they are as many as both tables' cells at
/// least, or they are all marks for none (`—`, no 0 printed), one in 表三 at
/// least: plain `pdftotext` loses most of a table's marks, and a cell with
/// nothing printed in a filled table is 0. Row `first` names 表三's first row.
/// Returns the row where 表四 begins.
pub(super) fn read(
    text: &str,
    rows: &[Row],
    first: usize,
    t: Template,
    reach: Reach,
    report: &mut Report,
) -> Option<usize> {
    let n = template::APPLICANTS.len();
    let specs = template::request_rows(t);
    let end = (first..rows.len()).find(|&k| {
        let label = rows[k].label();
        label.has(template::LITIGATION_ANCHORS[0]) || label.has("存在的主要问题")
    })?;
    let full_form = rows[..end].iter().any(|r| ORGANISATION_HEADS.iter().any(|w| r.label().has(w)));
    let (to, wanted) = match reach {
        Reach::Table => (end, specs.len() * n),
        Reach::TextEnd => {
            let litigation = template::LITIGATION_PROCEEDINGS.len() * template::LITIGATION_OUTCOMES.len();
            (rows.len(), specs.len() * n + litigation)
        }
    };
    // (Walked again where all are 0: most tables stop at their first number not 0.)
    // (A date's numbers, `2024 年 1 月 9 日` under the closing sections, are no
    // cells; nor 表二's last cells printed among 表三's heads, read as 表二's,
    // `本年处理决定数量` / `3`, or an amount, `1.84 万元`.)
    let disclosed: Vec<usize> = report.disclosures.iter().map(|f| f.offset).collect();
    let cells = |to: usize| {
        let table = rows[..to].iter().filter(|r| r.kind == Kind::Table);
        let own = |c: &&Cell| !dated(text, c) && !disclosed.contains(&c.offset);
        table.flat_map(|r| &r.cells).filter(own).filter(|c| c.value.is_none_or(|v| v.unit.is_none()))
    };
    let zero = |c: &Cell| c.value.is_none_or(|v| v.number == 0.0);
    if !full_form || !cells(to).all(zero) {
        return None;
    }
    // (Marks alone: 表三's own are its facts' places, 表四 reads those after.)
    let mark = |c: &Cell| !text.get(c.offset..).unwrap_or_default().starts_with(|ch: char| ch.is_ascii_digit());
    let in_table = || cells(end).any(|c| c.offset >= rows[first].offset);
    if cells(to).count() < wanted && !(reach == Reach::TextEnd && in_table() && cells(to).all(mark)) {
        return None;
    }
    // (The facts are marked at the first cells before 表四's heading, 表三's
    // first row's place for those past them: 表四 reads its own after it.)
    let mut printed = cells(end);
    for spec in specs {
        for applicant in template::APPLICANTS {
            let offset = printed.next().map_or(rows[first].offset, |c| c.offset);
            report.requests.push(RequestFact { row: spec.key, applicant, count: 0, offset });
        }
    }
    Some(end)
}

/// Whether `cell` is a number of a date (`1 月 9 日`): a 年, 月 or 日 after its digits.
fn dated(text: &str, cell: &Cell) -> bool {
    let after = text.get(cell.offset..).unwrap_or_default().trim_start_matches(|c: char| c.is_ascii_digit());
    after.trim_start_matches(' ').starts_with(['年', '月', '日'])
}
