//! 表四's last proceeding printed apart after the table under its own heading:
//! plain `pdftotext` of a Word table whose last columns a page's flow set
//! after the closing sections prints `复议后起诉` alone on a line, its heads a
//! character a line (`结` / `结` / `其` / `果` / …), then its numbers; the heads
//! of 尚未审结 and 总计 may come after some of those, each over its own number.

use super::*;

/// The characters of the last proceeding's heads.
const HEAD_CHARACTERS: &str = "结果维持纠正其他尚未审总计";

/// The most layout rows after the heading its heads and numbers run to.
const MAX_ROWS: usize = 48;

/// The five cells of the last proceeding printed apart (its heading at or
/// after layout row `end`): the numbers after its first heads are its
/// outcomes in order, and where 尚未审结's heads or 总计's are printed later,
/// the number right after them is that column's. Read where they make its
/// five cells and its outcomes add up to its total, a total printed in two
/// pieces read as one wrapped in its narrow cell (`13` / `1` for 131); or where
/// four zeros are all its numbers and no later head is printed (the one
/// lacking, an outcome or the total, 0 either way).
pub(super) fn read(rows: &[Row], end: usize) -> Option<Vec<Cell>> {
    let heading = |r: &Row| r.cells.is_empty() && crate::normalize::squash(r.label()) == LAST_PROCEEDING;
    let at = end + rows.get(end..)?.iter().position(heading)?;
    let head = |r: &Row| {
        let label = r.label();
        r.cells.is_empty() && !label.is_empty() && label.chars().all(|c| HEAD_CHARACTERS.contains(c))
    };
    // The numbers after the first heads, after 尚未审结's, after 总计's.
    let mut groups: [Vec<Cell>; 3] = Default::default();
    let mut group = None;
    let mut in_heads = false;
    for r in rows.iter().skip(at + 1).take(MAX_ROWS) {
        if head(r) {
            if !in_heads {
                group = Some(match r.label().chars().next() {
                    Some('尚') => 1,
                    Some('总') => 2,
                    _ => 0,
                });
            }
            in_heads = true;
        } else if r.is_numbers_alone() {
            groups[group?].extend(r.cells.iter().copied());
            in_heads = false;
        } else {
            break;
        }
    }
    let [first, pending, total] = groups;
    let value = |c: &Cell| c.value.map_or(0.0, |v| v.number);
    if pending.is_empty() && total.is_empty() && first.len() == GROUP - 1 && first.iter().all(|c| value(c) == 0.0) {
        let mut all = first;
        all.push(Cell { value: None, ..all[GROUP - 2] });
        return Some(all);
    }
    let outcomes = GROUP - 2 + usize::from(pending.is_empty());
    let own = outcomes + usize::from(total.is_empty());
    if first.len() != own || pending.len() > 1 || total.len() > 2 {
        return None;
    }
    let mut cells = first[..outcomes].to_vec();
    cells.extend(pending.first().copied());
    let sum: f64 = cells.iter().map(value).sum();
    // (The total as printed, or its two pieces joined.)
    let total = match total.as_slice() {
        [head, rest] => wrapped(head, rest)?,
        _ => total.first().or(first.get(outcomes)).copied()?,
    };
    (value(&total) == sum).then(|| [cells, vec![total]].concat())
}

/// A number wrapped in its narrow cell, its first digits (`head`) on one line
/// and the rest on the next, read whole.
fn wrapped(head: &Cell, rest: &Cell) -> Option<Cell> {
    let digits = |c: &Cell| c.value.filter(|v| v.unit.is_none() && v.number.fract() == 0.0 && v.number >= 0.0);
    let (a, b) = (digits(head)?, digits(rest)?);
    let number = format!("{}{}", a.number as u64, b.number as u64).parse::<f64>().ok()?;
    Some(Cell { value: Some(Value { number, unit: None }), ..*head })
}
