//! 表三 whose empty cells hold `——`, as plain `pdftotext` prints a Word
//! table whose narrow cells break that mark in two: `—` ending a line and `—`
//! starting the next (`一、本年新收… 69 5 —` / `—` / `1 —` / `—` / `3 78`).
//! Read as two cells each, the rows hold a cell too many for every mark, and
//! no layout's reading places them.
//!
//! The two halves are taken for one mark where the lone dashes a line starts
//! with (after a label, perhaps) pair so with those the line of cells before
//! left open (a row's label lines between, perhaps, or lines of cells with no
//! half), the last of them, in order: `— ` / `—`; `(六)其他处理 1 —— —— ——
//! —— — 1` / `—` (the row's last numbers between); `—` / `2` / `—` (a page's
//! 总计 beside a narrow 其他, on a line of its own between); `1.属于国家秘密 1
//! — — — — — 1` / `予公开 — — — — —` (a row's marks all broken, their halves
//! side by side).
//! A lone dash left open is a whole mark where numbers follow it on its line,
//! and none ends a line unpaired. The table must then hold just its cells (the
//! template's rows, seven each), which it did not before.

use super::*;
use crate::extract::cells::same_line;

/// The marks for none of one character that a narrow cell breaks in two.
const HALVES: &[char] = &['—', '-', '–'];

/// The dash a cell holds alone (`—`, not `——` nor a number), if it does.
fn half(text: &str, cell: &Cell) -> Option<char> {
    if cell.value.is_none_or(|v| v.number != 0.0) {
        return None;
    }
    let mut chars = text.get(cell.offset..)?.chars();
    let c = chars.next().filter(|c| HALVES.contains(c))?;
    chars.next().is_none_or(char::is_whitespace).then_some(c)
}

/// The most lines a mark's second half may start after its first's: a row's
/// label lines may stand between (`二、上年结转 —— … —` / `政府信息公开` /
/// `申请数量` / `—`, as `pdftotext -raw` prints a page's table), four of the
/// longest label (`2.申请人逾期未按收 1 —— … — 1` / `费通知要求缴纳费` / … / `请` / `—`).
const MAX_LINES_APART: usize = 5;

/// Whether `b` is on a line after `a`'s in `text`, [`MAX_LINES_APART`] at most
/// (the cells in order: no cell between).
fn lines_on(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b).is_some_and(|s| (1..=MAX_LINES_APART).contains(&s.matches('\n').count()))
}

/// Whether nothing but spaces follows a place of `text` on its line.
fn ends_line(text: &str, at: usize) -> bool {
    text.get(at..).is_some_and(|s| s.split('\n').next().is_some_and(|l| l.trim().is_empty()))
}

/// The rows of 表三, whose first row is `first`, with the second half of each
/// mark broken in two left out (a line left with nothing left out too), and
/// each row's index in `rows`; `None` where the table's marks are not so.
pub(super) fn halved<'a>(
    text: &str,
    rows: &[Row<'a>],
    first: usize,
    t: Template,
    n: usize,
) -> Option<(Vec<Row<'a>>, Vec<usize>)> {
    // (The first row's numbers may come before its label.)
    let start = first - rows[..first].iter().rev().take_while(|r| r.is_numbers_alone()).count();
    // (No lone dash, or no more cells than the table has: nothing to look at.)
    if !rows[start..].iter().flat_map(|r| &r.cells).any(|c| half(text, c).is_some()) {
        return None;
    }
    let end = super::numbers_first::table_end(rows, first);
    // (A layout that delimits its cells breaks no mark.)
    if rows[start..end].iter().any(|r| r.delimited) {
        return None;
    }
    let cells = template::request_rows(t).len() * n;
    let total: usize = rows[start..end].iter().map(|r| r.cells.len()).sum();
    if total <= cells {
        return None;
    }
    let places: Vec<(usize, usize)> =
        (start..end).flat_map(|k| (0..rows[k].cells.len()).map(move |i| (k, i))).collect();
    let printed: Vec<Cell> = places.iter().map(|&(k, i)| rows[k].cells[i]).collect();
    let seconds: Vec<(usize, usize)> = second_halves(text, &printed)?.into_iter().map(|p| places[p]).collect();
    if total - seconds.len() != cells {
        return None;
    }
    let mut out: Vec<Row<'a>> = Vec::with_capacity(rows.len());
    let mut origin: Vec<usize> = Vec::with_capacity(rows.len());
    // (The second halves in printed order: a row's are the next ones.)
    let mut next = seconds.iter().peekable();
    for (k, row) in rows.iter().enumerate() {
        let mut dropped: Vec<usize> = Vec::new();
        while let Some(&(_, i)) = next.next_if(|&&(r, _)| r == k) {
            dropped.push(i);
        }
        if dropped.is_empty() {
            out.push(row.clone());
        } else {
            let kept = row.cells.iter().enumerate().filter(|(i, _)| !dropped.contains(i)).map(|(_, c)| *c);
            let cells: Vec<Cell> = kept.collect();
            if cells.is_empty() && row.labels.is_empty() {
                continue;
            }
            out.push(row.with_labels(row.labels.clone(), cells));
        }
        origin.push(k);
    }
    Some((out, origin))
}

/// The places in `cells` (a table's, in printed order) of the second halves
/// of its marks broken in two, paired as the module tells; `None` where a
/// lone dash ends a line unpaired, a pair's dashes differ, or none pairs.
pub(super) fn second_halves(text: &str, cells: &[Cell]) -> Option<Vec<usize>> {
    // The cells line by line: each one's place and its dash, if a lone one.
    let mut lines: Vec<Vec<(usize, Option<char>)>> = Vec::new();
    for (p, cell) in cells.iter().enumerate() {
        let last = lines.last().and_then(|l| l.last());
        let on_last = last.is_some_and(|&(q, _)| same_line(text, cells[q].offset, cell.offset));
        if !on_last {
            lines.push(Vec::new());
        }
        if let Some(line) = lines.last_mut() {
            line.push((p, half(text, cell)));
        }
    }
    // The first lone dashes of a line, each paired with one of the line
    // before's left open (the last of them), in order.
    let mut seconds: Vec<usize> = Vec::new();
    // The lone dashes of the line before not yet paired: each its dash and where it ends.
    let mut open: Vec<(char, usize)> = Vec::new();
    let ends = |p: usize, dash: char| cells[p].offset + dash.len_utf8();
    for line in &lines {
        let next_line = open.last().is_some_and(|&(_, after)| lines_on(text, after, cells[line[0].0].offset));
        // (A line of cells between a mark's halves, no half among them: `—` / `2` / `—`, a row's 总计.)
        if next_line && line.iter().all(|&(_, d)| d.is_none()) {
            continue;
        }
        let lead = line.iter().take_while(|c| c.1.is_some()).count();
        let pairs = if next_line { lead.min(open.len()) } else { 0 };
        let (whole, halves) = open.split_at(open.len() - pairs);
        for (&(dash, _), &(p, second)) in halves.iter().zip(line) {
            if second != Some(dash) {
                return None;
            }
            seconds.push(p);
        }
        // (Left open: whole marks where the row's numbers follow them on their line, `1 — 3 78`.)
        if whole.iter().any(|&(_, after)| ends_line(text, after)) {
            return None;
        }
        open = line[pairs..].iter().filter_map(|&(p, dash)| dash.map(|d| (d, ends(p, d)))).collect();
    }
    let unpaired = open.iter().any(|&(_, after)| ends_line(text, after));
    (!unpaired && !seconds.is_empty()).then_some(seconds)
}

#[cfg(test)]
mod tests {
    use super::super::numbers_first::tests::{get, requests, HEAD};

    /// A 2021 表三 whose every empty cell is `——`, its rows a label and their
    /// numbers after it, a mark's halves on two lines (`wrapped`) or one.
    fn table(wrapped: bool) -> String {
        let specs = crate::template::request_rows(crate::template::Template::T2021);
        let mut text = HEAD.to_string();
        for (j, spec) in specs.iter().enumerate() {
            let row: Vec<String> = match j {
                0 => ["69", "5", "", "1", "", "3", "78"].map(String::from).to_vec(),
                2 | 23 => ["40", "1", "", "1", "", "1", "43"].map(String::from).to_vec(),
                24 => ["29", "4", "", "", "", "2", "35"].map(String::from).to_vec(),
                _ => vec![String::new(); 7],
            };
            // The row's numbers on its label's line; after a mark broken in
            // two, on the next line.
            let mut line = spec.label.to_string();
            let mut after_mark = false;
            for cell in row {
                line.push(if after_mark { '\n' } else { ' ' });
                after_mark = cell.is_empty() && wrapped;
                line.push_str(match (cell.is_empty(), wrapped) {
                    (true, true) => "—\n—",
                    (true, false) => "——",
                    (false, _) => &cell,
                });
            }
            text.push_str(&line);
            text.push('\n');
        }
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
        text
    }

    #[test]
    fn lone_dashes_of_a_table_that_delimits_its_cells_are_whole_marks() {
        // A Markdown table of the 2019 form, `-` for none: a row's first dashes
        // after a row of them are not the halves of its last.
        let text = "| \\(本列数据的勾稽<br>关系为：第一项加第二项之和，等于第三项加第四项之和\\) | 申请人情况 |  |  |  |  |  |  |  |\n\
             |---|---|---|---|---|---|---|---|---|\n\
             | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |  |  |\n\
             | 一、本年新收政府<br>信息公开申请数量 |  | 3 | - | - | - | - | - | 3 |\n\
             | 二、上年结转政府<br>信息公开申请数量 |  | 1 | - | - | - | - | - | 1 |\n\
             | 三、本年度办理结<br>果 | \\(一\\)予以公开 | 2 | - | - | - | - | - | 2 |\n\
             | \\(二\\)部分公开 |  | 1 | - | - | - | - | - | 1 |\n\
             | \\(三\\)不予公开 | 1.属于国家秘密 | - | - | - | - | - | - | - |\n\
             | 2.其他法律行政<br>法规禁止公开 |  | - | - | - | - | - | - | - |\n\
             | 3.危及\"三安全<br>一稳定\" |  | - | - | - | - | - | - | - |\n\
             | 4.保护第三方合<br>法权益 |  | - | - | - | - | - | - | - |\n\
             | 5.属于三类内部<br>事务信息 |  | - | - | - | - | - | - | - |\n\
             | 6.属于四类过程<br>性信息 |  | - | - | - | - | - | - | - |\n\
             | 7.属于行政执法<br>案卷 |  | - | - | - | - | - | - | - |\n\
             | 8.属于行政查询<br>事项 |  | - | - | - | - | - | - | - |\n\
             | \\(四\\)无法提供 | 1.本机关不掌握<br>相关政府信息 | - | - | - | - | - | - | - |\n\
             | 2.没有现成信息<br>需要另行制作 |  | - | - | - | - | - | - | - |\n\
             | 3.补正后申请内<br>容仍不明确 |  | - | - | - | - | - | - | - |\n\
             | \\(五\\)不予处理 | 1.信访举报投诉<br>类申请 | - | - | - | - | - | - | - |\n\
             | 2.重复申请 |  | - | - | - | - | - | - | - |\n\
             | 3.要求提供公开<br>出版物 |  | - | - | - | - | - | - | - |\n\
             | 4.无正当理由大<br>量反复申请 |  | - | - | - | - | - | - | - |\n\
             | 5.要求行政机关<br>确认或重新出具已获取信息 |  | 1 | - | - | - | - | - | 1 |\n\
             | \\(六\\)其他处理 |  | - | - | - | - | - | - | - |\n\
             | \\(七\\)总计 |  | 4 | - | - | - | - | - | 4 |\n\
             | 四、结转下年度继<br>续办理 |  | - | - | - | - | - | - | - |\n";
        let (_, rows) = crate::extract::cells::rows(text);
        let mut r = crate::report::Report::default();
        super::super::read_requests(text, &rows, crate::template::Template::T2019, 0, &mut r);
        assert_eq!(get(&r, "unable_not_held"), [0; 7]);
        assert_eq!(get(&r, "rejected_confirmation"), [1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(get(&r, "total_processed"), [4, 0, 0, 0, 0, 0, 4]);
    }

    #[test]
    fn a_marks_halves_with_its_rows_label_lines_between_are_one_cell() {
        // `pdftotext -raw` of a page's table, its marks broken: 二's label's
        // later lines between its first mark's halves.
        let label = "二、上年结转政府信息公开申请数量";
        let broken = table(true);
        assert!(broken.contains(&format!("{label} —\n—")));
        let r = requests(&broken.replacen(&format!("{label} —\n—"), "二、上年结转 —\n政府信息公开\n申请数量\n—", 1));
        assert_eq!(get(&r, "new_received"), [69, 5, 0, 1, 0, 3, 78]);
        assert_eq!(get(&r, "carried_over"), [0; 7]);
        assert_eq!(get(&r, "carried_forward"), [29, 4, 0, 0, 0, 2, 35]);
        // Four label lines between.
        let four = "二、上年结转 —\n政府信\n息公开\n申请\n数量\n—";
        let r = requests(&broken.replacen(&format!("{label} —\n—"), four, 1));
        assert_eq!(get(&r, "carried_over"), [0; 7]);
        assert_eq!(get(&r, "carried_forward"), [29, 4, 0, 0, 0, 2, 35]);
    }

    #[test]
    fn a_row_s_total_on_a_line_of_its_own_between_a_mark_s_halves_is_read() {
        // A page's narrow 其他 column: its mark's halves above and below the row's 总计.
        let printed = "(一)予以公开 40 1 —\n—\n1 —\n—\n1 43\n";
        assert!(table(true).contains(printed));
        let r = requests(&table(true).replacen(printed, "(一)予以公开 40 1 —\n—\n1 1 —\n43\n—\n", 1));
        assert_eq!(get(&r, "granted"), [40, 1, 0, 1, 1, 0, 43]);
        assert_eq!(get(&r, "denied_state_secret"), [0; 7]);
        assert_eq!(get(&r, "carried_forward"), [29, 4, 0, 0, 0, 2, 35]);
        // A line of whole marks between them too.
        let r = requests(&table(true).replacen(printed, "(一)予以公开 40 1 —\n—\n1 —\n——\n42\n—\n", 1));
        assert_eq!(get(&r, "granted"), [40, 1, 0, 1, 0, 0, 42]);
        assert_eq!(get(&r, "carried_forward"), [29, 4, 0, 0, 0, 2, 35]);
        // A cell more between them (a mark for none): the table holds more than its cells.
        let r = requests(&table(true).replacen(printed, "(一)予以公开 40 1 —\n—\n1 1 —\n43 ——\n—\n", 1));
        assert_ne!(get(&r, "granted"), [40, 1, 0, 1, 1, 0, 43]);
    }

    #[test]
    fn a_mark_for_none_broken_over_two_lines_is_one_cell() {
        for wrapped in [false, true] {
            let r = requests(&table(wrapped));
            assert_eq!(get(&r, "new_received"), [69, 5, 0, 1, 0, 3, 78], "{wrapped}");
            assert_eq!(get(&r, "granted"), [40, 1, 0, 1, 0, 1, 43]);
            assert_eq!(get(&r, "denied_state_secret"), [0; 7]);
            assert_eq!(get(&r, "total_processed"), [40, 1, 0, 1, 0, 1, 43]);
            assert_eq!(get(&r, "carried_forward"), [29, 4, 0, 0, 0, 2, 35]);
        }
        // A mark's first half before the row's last numbers, its second starting the next line.
        let across = table(true).replacen("1 —\n—\n3 78\n", "1 — 3 78\n—\n", 1);
        assert!(across.contains("1 — 3 78\n—\n"), "{across}");
        let r = requests(&across);
        assert_eq!(get(&r, "new_received"), [69, 5, 0, 1, 0, 3, 78]);
        assert_eq!(get(&r, "carried_forward"), [29, 4, 0, 0, 0, 2, 35]);
        // A row's marks all broken, their halves side by side on two lines (a
        // piece of the group's label before the second), its numbers whole.
        let label = "(三)1.属于国家秘密";
        let broken = format!("{label} {}", ["—", "—"].repeat(7).join("\n"));
        assert!(table(true).contains(&broken));
        let side = table(true).replacen(&broken, &format!("{label} 1 — — — — — 1\n予公开 — — — — —"), 1);
        let r = requests(&side);
        assert_eq!(get(&r, "denied_state_secret"), [1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(get(&r, "carried_forward"), [29, 4, 0, 0, 0, 2, 35]);
        // Lone dashes among a row's numbers on one line, none ending it: whole marks.
        let whole = table(true).replacen(&broken, &format!("{label} 1 — — — — — 1"), 1);
        assert_eq!(get(&requests(&whole), "denied_state_secret"), [1, 0, 0, 0, 0, 0, 1]);
        // A dash alone that pairs with none: the marks are not halves.
        let odd = table(true).replacen(" —\n—\n", " —\n", 1);
        assert_ne!(get(&requests(&odd), "new_received"), [69, 5, 0, 1, 0, 3, 78]);
    }
}
