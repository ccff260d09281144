//! 表四 whose heads, set a character a line, plain `pdftotext` of a Word table
//! printed in three places, each over its numbers: the first proceeding's
//! first four among 表三's columns (see `outcomes_before`), the last
//! proceeding's 尚未审结 just before the section's heading, and the others
//! under it.

use super::*;

/// 表四's cells where its heads are printed apart, each over its numbers:
/// `before`, the first proceeding's outcomes but its total, printed before the
/// heading (layout row `anchor`) with 表三's labels; `cells`, the numbers under
/// the heading, from row `first`; `taken`, the places of 表三's numbers, in
/// order. The heads under the heading, a character a line, must be those of
/// the columns from the first proceeding's total to the last one's 其他结果
/// (their first characters `总` / `结` / `结` / `其` / `尚` / `总` / `结` / `结` /
/// `其` on lines of their own, then their others): the numbers there are those
/// columns', in turn. The last proceeding's 尚未审结 is its head over its
/// number just before the heading (`尚` / `未` / `审` / `结` / `0` / `总` / `计`),
/// its total the number after those columns', or alone on the line after the
/// next section's heading. Read where so found every proceeding adds up;
/// `None` otherwise.
pub(super) fn completed(
    rows: &[Row],
    (anchor, first): (usize, usize),
    before: &[Cell],
    cells: &[Cell],
    taken: &[usize],
) -> Option<Vec<Cell>> {
    let labels = template::LITIGATION_OUTCOME_LABELS;
    if before.len() != GROUP - 1 {
        return None;
    }
    // The heads under the heading: their first characters, a line each.
    let firsts: Vec<char> = (0..CELLS).filter_map(|k| labels[k % GROUP].chars().next()).collect();
    let under = &firsts[GROUP - 1..CELLS - 2];
    let lone = |r: &Row| r.cells.is_empty() && r.label().chars().count() == 1;
    let heads = rows.get(anchor + 1..first)?.iter().skip_while(|r| !lone(r));
    let first_char = |r: &Row| r.label().chars().next().filter(|_| lone(r));
    let printed: Vec<char> = heads.take(under.len()).filter_map(first_char).collect();
    if printed != under || !(under.len()..=under.len() + 1).contains(&cells.len()) {
        return None;
    }
    // The last proceeding's 尚未审结 over its number, `总` / `计` after it, just before the heading.
    let (pending, total) = (labels[GROUP - 2], labels[GROUP - 1]);
    let total_at = anchor.checked_sub(total.chars().count())?;
    let pending_at = total_at.checked_sub(pending.chars().count() + 1)?;
    let number = &rows[total_at - 1];
    let cell = number.cells.first().filter(|c| number.is_numbers_alone() && taken.binary_search(&c.offset).is_err());
    let spelled = |at: usize, label: &str| {
        let one = |(r, c): (&Row, char)| r.cells.is_empty() && r.label().chars().eq([c]);
        rows[at..].iter().zip(label.chars()).filter(|&p| one(p)).count() == label.chars().count()
    };
    let pending_cell = cell.filter(|_| spelled(pending_at, pending) && spelled(total_at, total))?;
    // Its total: the number after the columns', or alone after the next section's heading.
    let last = match cells.get(under.len()) {
        Some(total) => *total,
        None => {
            let heading = first + rows[first..].iter().position(|r| after_table(r.label()))?;
            let row = rows.get(heading + 1).filter(|r| r.is_numbers_alone() && r.cells.len() == 1)?;
            row.cells[0]
        }
    };
    let whole = [before, &cells[..under.len()], &[*pending_cell, last]].concat();
    (whole.len() == CELLS && adds_up(&whole)).then_some(whole)
}
