//! 表四 printed by plain `pdftotext` with its heads a character a line and its
//! columns in pieces: each column's number after its head's last character
//! (`持`, `正`, `果`, `结`), a run of those characters then a run of numbers,
//! the last columns after the closing sections; the heads tell the columns.

use super::*;
use crate::extract::cells::cells_add_up;

/// Where each outcome's head ends: its last character, a line of its own.
/// The total's (`总计`) ends on a line above, with the others' second.
fn named_outcome(label: &str) -> Option<usize> {
    let total = template::LITIGATION_OUTCOMES.len() - 1;
    let mut chars = label.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else { return None };
    template::LITIGATION_OUTCOME_LABELS[..total].iter().position(|head| head.ends_with(c))
}

/// What follows the heads' lines, in turn.
enum Event {
    /// A head's last character: the outcome it names.
    Head(usize),
    /// A number of the table's (or a mark for none).
    Number(Cell),
    /// Anything else: the text between the table's pieces.
    Other,
}

/// 表四's cells in the template's order, read from its heads' last
/// characters, from the first `持` (the one character no other head holds)
/// after the heads' other lines under the heading `anchor`, to the text's
/// end: each head names a column, the next one after the last named (in the
/// table's order, from its left where none is after) that holds that
/// outcome and no number yet; the run of numbers after a run of heads fills
/// the columns they name and the totals between them (`正` / `果` / `结` / `持`
/// / `正` / `0` / `3` / `0` / `4` / `0` / `0`: a proceeding's 纠正, 其他, 尚未审结
/// and 总计, the next one's 维持 and 纠正), and after them where it holds more;
/// numbers with no head before them are the first totals without a number
/// (`3`, after the closing sections, the first proceeding's). Only numbers
/// `own` says are the table's; `None` unless each column takes one number and
/// every proceeding adds up but one at most (a report's slip in a sum).
pub(super) fn read(rows: &[Row], anchor: usize, own: &dyn Fn(&Cell) -> bool) -> Option<Vec<Cell>> {
    let group = template::LITIGATION_OUTCOMES.len();
    let n = template::LITIGATION_PROCEEDINGS.len() * group;
    let table_rows = rows.get(anchor + 1..)?.iter().take_while(|r| r.kind == Kind::Table);
    let first = anchor + 1 + table_rows.take_while(|r| !r.cells.iter().any(own)).position(|r| r.label() == "持")?;
    let events = rows[first..].iter().flat_map(|r| match named_outcome(r.label()) {
        Some(o) if r.cells.is_empty() => vec![Event::Head(o)],
        _ if r.is_numbers_alone() => r.cells.iter().filter(|c| own(c)).map(|c| Event::Number(*c)).collect(),
        _ => vec![Event::Other],
    });
    let mut cells: Vec<Option<Cell>> = vec![None; n];
    // The last column named, the heads waiting for numbers, the numbers after them.
    let (mut last, mut heads, mut numbers): (Option<usize>, Vec<usize>, Vec<Cell>) = Default::default();
    for event in events.chain([Event::Other]) {
        match event {
            Event::Number(cell) => {
                numbers.push(cell);
                continue;
            }
            Event::Head(o) if numbers.is_empty() => {
                heads.push(o);
                continue;
            }
            _ => {}
        }
        if !numbers.is_empty() {
            let columns = named(&cells, &mut last, &heads, numbers.len())?;
            if columns.len() != numbers.len() {
                return None;
            }
            for (column, cell) in columns.into_iter().zip(numbers.drain(..)) {
                cells[column] = Some(cell);
            }
            heads.clear();
        }
        if let Event::Head(o) = event {
            heads.push(o);
        }
        if cells.iter().all(Option::is_some) {
            break;
        }
    }
    let cells: Vec<Cell> = cells.into_iter().collect::<Option<_>>()?;
    // (One proceeding that does not add up is the report's slip, the checks flag it.)
    let broken = cells.chunks_exact(group).filter(|p| !cells_add_up(p)).count();
    (broken <= 1).then_some(cells)
}

/// The columns a run of `count` numbers after the `heads` fills, in the
/// table's order (see [`read`]), of those without a number in `cells`;
/// `last`, the last column named, moved on. `None` where a head names no
/// such column or the columns named do not run left to right.
fn named(cells: &[Option<Cell>], last: &mut Option<usize>, heads: &[usize], count: usize) -> Option<Vec<usize>> {
    let group = template::LITIGATION_OUTCOMES.len();
    let total = group - 1;
    let free = |c: usize| cells[c].is_none();
    if heads.is_empty() {
        // Totals, the first without a number.
        let columns: Vec<usize> = (0..cells.len()).filter(|&c| c % group == total && free(c)).take(count).collect();
        *last = columns.last().copied().or(*last);
        return Some(columns);
    }
    let mut columns: Vec<usize> = Vec::with_capacity(heads.len() + 1);
    for &o in heads {
        let holds = |c: &usize| c % group == o && free(*c) && !columns.contains(c);
        let after = last.map_or(0, |l| l + 1);
        let column = (after..cells.len()).find(holds).or_else(|| (0..after).find(holds))?;
        if let Some(&before) = columns.last() {
            if column < before {
                return None;
            }
            // (The totals between, their heads ending on a line above.)
            columns.extend((before + 1..column).filter(|&c| c % group == total && free(c)));
        }
        columns.push(column);
        *last = Some(column);
    }
    // (More numbers than that: the totals after, the last's first.)
    let after = columns.last().map_or(0, |&c| c + 1);
    let more = (after..cells.len()).filter(|&c| c % group == total && free(c));
    columns.extend(more.take(count.saturating_sub(columns.len())));
    Some(columns)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cells::rows;

    /// 表四's counts read from `text`, in the table's order.
    fn counts(text: &str) -> Vec<i64> {
        let (_, rs) = rows(text);
        let mut r = Report::default();
        super::super::litigation::read_litigation(text, &rs, 0, &mut r);
        r.litigation.iter().map(|f| f.count).collect()
    }

    /// Plain `pdftotext` of a Word table whose heads are set a character a
    /// line: the heads' lines but the last, then the first proceeding's
    /// columns each after its head's last character, the next five columns'
    /// last characters and their numbers (`middle`), the closing sections,
    /// then the columns left (`rest`).
    fn table(middle: &str, rest: &str) -> String {
        let heads = "总\n结\n结\n其\n尚\n总\n结\n结\n其\n计\n果\n果\n他\n未\n计\n果\n果\n他\n维\n纠\n结\n审\n维\n纠\n结\n\n\
            尚\n未\n审\n\n总\n计\n\n";
        format!(
            "四、政府信息公开行政复议、行政诉讼情况\n行政诉讼\n未经复议直接起诉\n复议后起诉\n{heads}\
             持\n1\n\n正\n0\n\n果\n1\n\n结\n1\n\n正\n果\n结\n持\n正\n{middle}\n五、存在的主要问题及改进情况\n\
             政务公开的深度和广度有待加强，下一步将完善制度。\n六、其他需要报告的事项\n无。\n\n{rest}\n"
        )
    }

    #[test]
    fn columns_in_pieces_are_read_by_their_heads_last_characters() {
        // 正 果 结 持 正 over six numbers: the second proceeding's 纠正, 其他,
        // 尚未审结 and 总计, the third's 维持 and 纠正; after the closing sections,
        // the first's 总计, the second's 维持, the third's 其他, 尚未审结, 总计.
        let rest = "3\n\n持\n1\n\n果\n3\n\n结\n1\n\n4\n";
        let text = table("0\n3\n0\n4\n0\n0", rest);
        assert_eq!(counts(&text), [1, 0, 1, 1, 3, 1, 0, 3, 0, 4, 0, 0, 3, 1, 4]);
        // Read so, a proceeding that does not add up is the report's slip (the
        // checks flag it); two are a misreading, and the table is not read so.
        let slip = text.replace("\n4\n0\n0\n", "\n5\n0\n0\n");
        assert_eq!(counts(&slip), [1, 0, 1, 1, 3, 1, 0, 3, 0, 5, 0, 0, 3, 1, 4]);
        assert_eq!(counts(&slip.replace("\n3\n\n持", "\n4\n\n持")), [0; 0]);
        // A number more than the heads name (and the totals between): not read so.
        assert_eq!(counts(&table("0\n3\n0\n4\n0\n0\n0", rest)), [0; 0]);
    }
}
