//! 表四's first column printed by plain `pdftotext` before the table's heading,
//! with 表三's labels (a Word table set so that its first column goes with the
//! page's left block): the first proceeding's outcomes, each after the pieces
//! of its head, read as 表四's and left out of 表三's numbers.

use super::*;

/// The rows before 表四's heading its first proceeding's outcomes are looked for in.
const ROWS_BEFORE: usize = 32;

/// 表四's first proceeding's outcomes but its total, printed by plain `pdftotext`
/// before the table's heading, with the previous table's labels (a page's left
/// block): `四、结转下年度继续办理` / `行政复议` / `结` / `果` / `维` / `持` / `0` / `结` /
/// `果` / `纠` / `正` / `3` / … / `尚` / `未` / `审` / `结` / `2` (the first of a
/// run of the previous table's numbers). Each the first number after pieces of
/// its outcome's head, in the heads' order, on the rows after a row naming the
/// proceeding alone and before the heading (`anchor`): the rows that hold them.
fn outcomes_before(rows: &[Row], anchor: usize) -> Option<Vec<usize>> {
    let wanted = template::LITIGATION_OUTCOMES.len() - 1;
    let from = anchor.saturating_sub(ROWS_BEFORE);
    let named = (from..anchor).rev().find(|&k| rows[k].label() == template::LITIGATION_ANCHORS[0])?;
    if !rows[named].cells.is_empty() {
        return None;
    }
    let heads: String = template::LITIGATION_OUTCOME_LABELS[..wanted].concat();
    let mut head = String::new();
    let mut at = Vec::with_capacity(wanted);
    for (k, row) in rows.iter().enumerate().take(anchor).skip(named + 1) {
        if row.cells.is_empty() {
            head.push_str(row.label());
            continue;
        }
        let label = template::LITIGATION_OUTCOME_LABELS[at.len()];
        if head.is_empty() || !head.chars().all(|c| heads.contains(c)) || !label.chars().all(|c| head.contains(c)) {
            return None;
        }
        row.cells[0].value?;
        at.push(k);
        head.clear();
        if at.len() == wanted {
            return Some(at);
        }
    }
    None
}

/// 表四's first outcomes before its heading (see [`outcomes_before`]), where
/// another table's reading (`taken`, its cells' places in order) left them.
pub(super) fn left(rows: &[Row], anchor: usize, taken: &[usize]) -> Option<Vec<Cell>> {
    let cells: Vec<Cell> = outcomes_before(rows, anchor)?.into_iter().map(|k| rows[k].cells[0]).collect();
    cells.iter().all(|c| taken.binary_search(&c.offset).is_err()).then_some(cells)
}

/// The rows with 表四's first outcomes printed before its heading (see
/// [`outcomes_before`]) left out of their cells, for 表三's reading, if the
/// text prints them so: they are not its numbers.
pub(super) fn without<'a>(rows: &[Row<'a>]) -> Option<Vec<Row<'a>>> {
    // (A row naming the proceeding alone first: most texts have none, and it is cheap to look for.)
    let named = rows.iter().position(|r| r.label() == template::LITIGATION_ANCHORS[0])?;
    let heading = |r: &Row| names_litigation(r.label());
    let anchor = named + rows[named..].iter().position(heading)?;
    let at = outcomes_before(rows, anchor)?;
    let mut out = rows.to_vec();
    for k in at {
        let row = &rows[k];
        out[k] = row.with_labels(row.labels.clone(), row.cells[1..].to_vec());
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cells::rows;

    /// 表四 as plain `pdftotext` prints a Word table whose first column went
    /// with the previous table's labels: the first proceeding's outcomes among
    /// their heads a character a line before the heading (`before`, with the
    /// previous table's numbers after them), the other cells after (`after`).
    fn outcomes_printed_before(before: [i64; 4], previous: &str, after: &[i64]) -> String {
        let heads = ["结果维持", "结果纠正", "其他结果", "尚未审结"];
        let mut text = String::from("四、结转下年度继续办理\n行政复议\n");
        for (head, value) in heads.iter().zip(before) {
            head.chars().for_each(|c| text.push_str(&format!("{c}\n")));
            text.push_str(&format!("{value}\n\n"));
        }
        text.push_str(previous);
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n行政诉讼\n未经复议直接起诉\n复议后起诉\n");
        for line in ["总结结其尚总结结其", "计果果他未计果果他", "维纠结审维纠结", "持正果结持正果"] {
            line.chars().for_each(|c| text.push_str(&format!("{c}\n")));
        }
        after.iter().for_each(|v| text.push_str(&format!("{v}\n")));
        text.push_str("尚\n未\n审\n结\n2\n\n总\n计\n\n9\n\n五、存在的主要问题及改进情况\n");
        text
    }

    #[test]
    fn the_first_outcomes_printed_among_their_heads_before_the_heading_are_read() {
        let counts = |r: &Report| r.litigation.iter().map(|f| f.count).collect::<Vec<_>>();
        let text = outcomes_printed_before([0, 3, 3, 2], "", &[8, 0, 0, 0, 0, 0, 3, 4, 0]);
        let (_, rs) = rows(&text);
        let mut r = Report::default();
        super::super::litigation::read_litigation(&text, &rs, 2, &mut r);
        assert_eq!(counts(&r), [0, 3, 3, 2, 8, 0, 0, 0, 0, 0, 3, 4, 0, 2, 9], "{:?}", r.issues);
        // Where they do not make the first proceeding's total, the other two adding up:
        // the report's slip (see the next test).
        let text = outcomes_printed_before([0, 3, 3, 1], "", &[8, 0, 0, 0, 0, 0, 3, 4, 0]);
        let (_, rs) = rows(&text);
        let mut r = Report::default();
        super::super::litigation::read_litigation(&text, &rs, 2, &mut r);
        assert_eq!(counts(&r), [0, 3, 3, 1, 8, 0, 0, 0, 0, 0, 3, 4, 0, 2, 9], "{:?}", r.issues);
        // The previous table's reading leaves them out of its numbers.
        let text = outcomes_printed_before([1, 0, 0, 1], "5\n\n0\n\n5\n\n", &[2, 0, 0, 1, 0, 1, 1, 0, 0]);
        let (_, rs) = rows(&text);
        let kept = without(&rs).expect("the outcomes before the heading");
        let numbers = |rs: &[Row]| rs.iter().flat_map(|r| &r.cells).filter_map(|c| c.value).count();
        assert_eq!(numbers(&rs) - numbers(&kept), 4);
        let run = |rs: &[Row]| {
            let row = rs.iter().find(|r| r.vertical)?;
            Some(row.cells.iter().map(Cell::number).collect::<Vec<_>>())
        };
        assert_eq!(run(&rs), Some(vec![1.0, 5.0, 0.0, 5.0]));
        assert_eq!(run(&kept), Some(vec![5.0, 0.0, 5.0]));
    }

    #[test]
    fn the_first_outcomes_before_the_heading_stand_with_a_slip_in_one_proceeding() {
        let read = |text: &str| {
            let (_, rs) = rows(text);
            let mut r = Report::default();
            super::super::litigation::read_litigation(text, &rs, 2, &mut r);
            r.litigation.iter().map(|f| f.count).collect::<Vec<_>>()
        };
        // 复议's 总计 1 over outcomes of 0 (the report's slip; the checks flag it).
        let text = outcomes_printed_before([0, 0, 0, 0], "", &[1, 0, 0, 0, 0, 0, 3, 4, 0]);
        assert_eq!(read(&text), [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 3, 4, 0, 2, 9]);
        // The last two columns with their heads past the closing section's heading.
        let last = "尚\n未\n审\n结\n2\n\n总\n计\n\n9\n\n";
        let closing = "五、存在的主要问题及改进情况\n";
        let past = text.replace(&format!("{last}{closing}"), &format!("{closing}{last}"));
        assert_eq!(read(&past), [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 3, 4, 0, 2, 9]);
        // Two proceedings that do not add up: not read so.
        let two = outcomes_printed_before([0, 0, 0, 0], "", &[1, 0, 0, 0, 0, 1, 3, 4, 0]);
        assert!(read(&two).is_empty(), "{:?}", read(&two));
    }
}
