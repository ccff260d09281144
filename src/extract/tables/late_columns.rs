//! 表二's later columns printed past the table. Plain `pdftotext` of a Word
//! table whose page sets 表二's last blocks beside 表三's heads prints those
//! blocks' first columns in place and their others, head and number, among
//! 表三's heads (`三、收到和处理政府信息公开申请情况` … `本年增/减` / `0` /
//! `采购总金额` / `271441 元`). A column that none of its block's items read
//! holds, its head printed on a line of its own once between the table's end
//! and 表四's heading, the numbers alone after it just as many as those items,
//! is read so: where no other block is short of a column of that head. So too
//! where a web page's tall cells print it, head and number, among the next
//! block's heads before 表三's heading (`行政事业性收费` / `2` / `第二十条第(九)项`
//! / `本年增/减` / `0` / `政府集中采购`), or right after its row: there, after
//! the block's own rows, where the head is printed once from the block's
//! 第二十条 line on (not in the block's heads) and no block after it has a
//! column of that head. A block whose items each read their first column
//! alone may have the rest of its numbers, without heads, after its last
//! item's label: see [`rests_after_rows`].

use super::columns::head_of;
use super::*;

/// A column of 表二 that none of its block's items read holds.
struct Short {
    /// The block's items read.
    items: Vec<&'static str>,
    column: &'static template::Column,
    /// Where its head is looked for before 表三's heading, if it is: from the
    /// block's 第二十条 line (printed once from there), past its items' rows.
    within: Option<(usize, usize)>,
}

/// Reads the columns of 表二's `blocks` printed past the table (see the
/// module), from layout row `from` (the next table's heading) to 表四's heading.
pub(super) fn read(rows: &[Row], blocks: &[&template::DisclosureBlock], from: usize, report: &mut Report) {
    let has = |report: &Report, item: &str, metric: Option<&str>| {
        report.disclosures.iter().any(|d| d.item == item && metric.is_none_or(|m| d.metric == m))
    };
    // Each column no item read holds.
    let mut short: Vec<Short> = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        let read: Vec<&'static str> =
            block.items.iter().map(|&(item, _, _)| item).filter(|item| has(report, item, None)).collect();
        // (The block's 第二十条 line, and the row after its items' numbers, looked for once.)
        let bounds = std::cell::OnceCell::new();
        let bounds = || {
            *bounds.get_or_init(|| {
                let anchor = format!("第二十条第{}项", block.article);
                let anchor = (0..from).find(|&k| rows[k].label().has(&anchor));
                let last = report.disclosures.iter().filter(|d| read.contains(&d.item)).map(|d| d.offset).max();
                let past = last.map_or(from, |last| rows.iter().position(|r| r.offset > last).unwrap_or(rows.len()));
                anchor.filter(|&anchor| anchor < past).map(|anchor| (anchor, past))
            })
        };
        for column in block.columns {
            if read.is_empty() || read.iter().any(|item| has(report, item, Some(column.metric))) {
                continue;
            }
            // (Before 表三's heading, only where no later block has a column of that head.)
            let later = blocks[b + 1..].iter().flat_map(|b| b.columns).any(|c| head_of(c) == head_of(column));
            let within = if later { None } else { bounds() };
            short.push(Short { items: read.clone(), column, within });
        }
    }
    let end = (from..rows.len()).find(|&k| names_litigation(rows[k].label())).unwrap_or(rows.len());
    if short.is_empty() || from >= end {
        return;
    }
    let mut filled: Vec<&str> = Vec::new();
    for Short { items, column, within } in &short {
        let head = head_of(column);
        if short.iter().filter(|s| head_of(s.column) == head).count() > 1 {
            continue;
        }
        // The head printed once on a line of its own from row `looked_from`, at or
        // past row `past`, and the numbers alone after it, one for each item.
        let numbers_under = |looked_from: usize, past: usize| -> Option<(usize, Vec<Cell>, Vec<Value>)> {
            let mut heads = (looked_from..end).filter(|&k| rows[k].label().has(head));
            let (Some(at), None) = (heads.next(), heads.next()) else { return None };
            if at < past || !rows[at].cells.is_empty() {
                return None;
            }
            let after = rows[at + 1..end].iter().take_while(|r| r.is_numbers_alone());
            let cells: Vec<Cell> = after.flat_map(|r| r.cells.iter().copied()).collect();
            let values: Option<Vec<Value>> = cells.iter().map(|c| c.value).collect();
            let values = values.filter(|v| v.len() == items.len())?;
            let counts = |v: &Value| v.unit.is_none() && v.number.fract() == 0.0;
            (column.unit != Unit::Count || values.iter().all(counts)).then_some((at, cells, values))
        };
        let found = numbers_under(from, from).or_else(|| within.and_then(|(anchor, past)| numbers_under(anchor, past)));
        let Some((at, cells, values)) = found else { continue };
        let in_wan = || rows[at].label().has("万元");
        for ((&item, v), cell) in items.iter().zip(values).zip(&cells) {
            let value = super::disclosures::amount(column, v, in_wan);
            report.disclosures.push(DisclosureFact { item, metric: column.metric, value, offset: cell.offset });
            filled.push(item);
        }
    }
    // (Items now whole: no longer short of a cell.)
    let columns = |item: &str| {
        let block = blocks.iter().find(|b| b.items.iter().any(|&(key, _, _)| key == item));
        block.map(|b| b.columns)
    };
    let whole = |item: &str| columns(item).is_some_and(|cs| cs.iter().all(|c| has(report, item, Some(c.metric))));
    let whole: Vec<&str> = filled.into_iter().filter(|item| whole(item)).collect();
    unaligned_cleared(report, &whole);
}

/// `report` without the `cells_unaligned` flags of `items`, now whole.
fn unaligned_cleared(report: &mut Report, items: &[&str]) {
    let named = |detail: &str| items.iter().any(|item| detail.strip_prefix(item).is_some_and(|d| d.starts_with(':')));
    report.issues.retain(|i| !(i.code == "cells_unaligned" && named(&i.detail)));
}

/// Reads the later columns of 表二's `blocks` whose items each read their
/// first column alone, where the numbers alone after the block's last item's
/// rows, up to the next block's 第二十条 line (or row `to`, 表三's heading),
/// are just as many as those items' other cells, no item's: a web page's PDF
/// prints each row's first number by its label and the rest of the block's
/// after its last label (a tall cell's wrapped lines), row after row
/// (`行政许可` / `1` / `其他对外管理服务事项(…` / `106` / `事项,含…)` / `4` / `53` /
/// `6` / `40`: 4 and 53 行政许可's, 6 and 40 the other's).
pub(super) fn rests_after_rows(rows: &[Row], blocks: &[&template::DisclosureBlock], to: usize, report: &mut Report) {
    for block in blocks {
        let (first, rest) = match block.columns.split_first() {
            Some((first, rest)) if !rest.is_empty() => (first, rest),
            _ => continue,
        };
        let of_block = |d: &&DisclosureFact| block.items.iter().any(|&(item, _, _)| item == d.item);
        let facts: Vec<&DisclosureFact> = report.disclosures.iter().filter(of_block).collect();
        let firsts_alone = facts.len() == block.items.len()
            && block.items.iter().all(|&(item, _, _)| facts.iter().any(|d| d.item == item && d.metric == first.metric));
        let Some(last) = facts.iter().map(|d| d.offset).max().filter(|_| firsts_alone) else { continue };
        let Some(past) = rows.iter().position(|r| r.offset > last) else { continue };
        let next = (past..to).find(|&k| rows[k].label().has("第二十条")).unwrap_or(to);
        if past >= next {
            continue;
        }
        // (Only the last item's label's wrapped lines and the numbers: no other
        // item's row, no column's head.)
        let taken = |c: &Cell| report.disclosures.iter().any(|d| d.offset == c.offset);
        let head = |r: &Row| blocks.iter().flat_map(|b| b.columns).any(|c| r.label().has(head_of(c)));
        let other = |r: &Row| !(r.is_orphan() || r.is_numbers_alone()) || r.cells.iter().any(taken) || head(r);
        if rows[past..next].iter().any(other) {
            continue;
        }
        // (A change's sign word on a line of its own before its number: `减少` / `16`.)
        let mut cells: Vec<Cell> = Vec::new();
        let mut signs: Vec<(usize, f64)> = Vec::new();
        let (mut sign, mut lost) = (None, false);
        for r in &rows[past..next] {
            match crate::extract::cells::sign_word(r.label()) {
                Some(s) if r.is_orphan() && sign.is_none() => sign = Some(s),
                _ => {
                    if let Some(s) = sign.take() {
                        signs.push((cells.len(), s));
                        lost |= r.cells.is_empty();
                    }
                    cells.extend(r.cells.iter().copied());
                }
            }
        }
        let mut values: Vec<Value> = match cells.iter().map(|c| c.value).collect::<Option<Vec<Value>>>() {
            Some(values) if values.len() == rest.len() * block.items.len() && sign.is_none() && !lost => values,
            _ => continue,
        };
        let change = rest.iter().position(|c| c.metric == "change");
        if !signs.iter().all(|&(at, _)| Some(at % rest.len()) == change && values[at].number > 0.0) {
            continue;
        }
        for &(at, s) in &signs {
            values[at].number *= s;
        }
        // (A count whole and with no unit; an amount with its unit, as no head tells it.)
        let fits = |(c, v): (&template::Column, &Value)| match c.unit {
            Unit::Count => v.unit.is_none() && v.number.fract() == 0.0,
            _ => v.unit.is_some(),
        };
        if !rest.iter().cycle().zip(&values).all(fits) {
            continue;
        }
        for (i, &(item, _, _)) in block.items.iter().enumerate() {
            let row = i * rest.len()..(i + 1) * rest.len();
            for ((column, &v), cell) in rest.iter().zip(&values[row.clone()]).zip(&cells[row]) {
                // (An amount has its unit: no head's 万元 asked for.)
                let value = super::disclosures::amount(column, v, || false);
                report.disclosures.push(DisclosureFact { item, metric: column.metric, value, offset: cell.offset });
            }
        }
        let items: Vec<&str> = block.items.iter().map(|&(item, _, _)| item).collect();
        unaligned_cleared(report, &items);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cells::rows;

    /// 表二's last two blocks each with its first column in place, its other
    /// (`late`) printed among 表三's heads, and what was read of them.
    fn read_late(late: &str) -> (Vec<(&'static str, &'static str, f64)>, Vec<&'static str>) {
        let text = format!(
            "第二十条第(八)项\n信息内容\n上一年项目数量\n11\n行政事业性收费\n第二十条第(九)项\n信息内容\n采购项目数量\n\
             52\n政府集中采购\n三、收到和处理政府信息公开申请情况\n申请人情况\n自然人\n{late}\n法律\n服务\n机构\n\
             四、政府信息公开行政复议、行政诉讼情况\n"
        );
        let (_, rs) = rows(&text);
        let mut r = Report::default();
        super::super::disclosures::read_disclosures(&text, &rs, Template::T2019, &mut r);
        let got = r.disclosures.iter().map(|d| (d.item, d.metric, d.value)).collect();
        (got, r.issues.iter().map(|i| i.code).collect())
    }

    #[test]
    fn a_block_s_later_columns_printed_among_the_next_table_s_heads_are_read() {
        let (got, issues) = read_late("本年增/减\n\n0\n采购总金额\n40.58 万元");
        let expected = [
            ("administrative_fee", "previous_count", 11.0),
            ("centralized_procurement", "projects", 52.0),
            ("administrative_fee", "change", 0.0),
            ("centralized_procurement", "amount_yuan", 405_800.0),
        ];
        assert_eq!(got, expected);
        assert!(issues.is_empty(), "{issues:?}");
        // A head with no number after it, or more numbers than the block's items: not read.
        let (got, issues) = read_late("本年增/减\n采购总金额\n40.58 万元 3");
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(issues.contains(&"cells_unaligned"), "{issues:?}");
    }

    /// What 表二 reads of `text`, and the issues flagged.
    fn read_text(text: &str) -> (Vec<(&'static str, &'static str, f64)>, Vec<&'static str>) {
        let (_, rs) = rows(text);
        let mut r = Report::default();
        super::super::disclosures::read_disclosures(text, &rs, Template::T2019, &mut r);
        (r.disclosures.iter().map(|d| (d.item, d.metric, d.value)).collect(), r.issues.iter().map(|i| i.code).collect())
    }

    #[test]
    fn a_block_s_later_column_printed_among_the_next_block_s_heads_is_read() {
        // (A web page's tall cells: (八)'s 本年增/减 and its number among (九)'s heads.)
        let text = "第二十条第(八)项\n信息内容\n上一年项目数量(指 2018 年事项\n数)\n行政事业性收费 2\n\
                    第二十条第(九)项\n信息内容\n采购项目数量 采购总金额\n本年增/减\n0\n政府集中采购 24\n\
                    0.04 万元\n三、收到和处理政府信息公开申请情况\n申请人情况\n四、政府信息公开行政复议、行政诉讼情况\n";
        let (got, issues) = read_text(text);
        assert!(got.contains(&("administrative_fee", "change", 0.0)), "{got:?}");
        assert!(got.contains(&("administrative_fee", "previous_count", 2.0)), "{got:?}");
        assert!(issues.is_empty(), "{issues:?}");
        // Or right after the row, its head not among the block's heads.
        let after_row = text.replace("行政事业性收费 2\n", "行政事业性收费 2\n本年增/减\n0\n").replacen("本年增/减\n0\n政府", "政府", 1);
        assert!(read_text(&after_row).0.contains(&("administrative_fee", "change", 0.0)), "{after_row}");
        // (六)'s: 本年增/减 is (八)'s head as well, so the one after (六)'s rows may be (八)'s.
        let text = "第二十条第(六)项\n信息内容\n上一年项目数量 处理决定数量\n行政处罚 4\n行政强制 3\n\
                    第二十条第(八)项\n信息内容\n本年增/减\n1\n5\n行政事业性收费\n\
                    三、收到和处理政府信息公开申请情况\n申请人情况\n四、政府信息公开行政复议、行政诉讼情况\n";
        let (got, _) = read_text(text);
        assert!(!got.iter().any(|g| g.1 == "change" && g.0 != "administrative_fee"), "{got:?}");
    }

    #[test]
    fn a_block_s_rests_after_its_last_label_are_its_rows_in_turn() {
        // (A web page's PDF: each row's first number by its label, the rest after the
        // last label's wrapped lines, row after row; a change's sign word above it.)
        let text = |rests: &str| {
            format!(
                "第二十条第(五)项\n信息内容\n上一年项目数量\n处理决定数量\n本年增\n(指 2018 年事项\n/减\n数)\n\
                 行政许可\n\n24\n\n其他对外管理服务事项(指行政许可以外的政务服务\n23\n事项,含行政确认、行政奖励、\n\
                 {rests}\n第二十条第(六)项\n信息内容\n上一年项目数量 本年增/减 处理决定数量\n行政处罚 4 1 0\n\
                 行政强制 3 -1 2\n三、收到和处理政府信息公开申请情况\n"
            )
        };
        let (got, issues) = read_text(&text("减少\n16\n\n2\n\n7\n\n66"));
        let of = |item: &str| got.iter().filter(|g| g.0 == item).map(|g| (g.1, g.2)).collect::<Vec<_>>();
        let license = [("previous_count", 24.0), ("change", -16.0), ("decisions", 2.0)];
        assert_eq!(of("administrative_license"), license, "{got:?}");
        let other = [("previous_count", 23.0), ("change", 7.0), ("decisions", 66.0)];
        assert_eq!(of("other_management_service"), other, "{got:?}");
        assert!(!issues.contains(&"cells_unaligned"), "{issues:?}");
        // A number more or fewer than the rows' cells, or a sign word before a
        // decision's number: not read so.
        for rests in ["16\n2\n7\n66\n5", "16\n2\n7", "16\n减少\n2\n7\n66"] {
            let (got, _) = read_text(&text(rests));
            let rest_read = got.iter().any(|g| g.0 == "administrative_license" && g.1 != "previous_count");
            assert!(!rest_read, "{rests}: {got:?}");
        }
    }
}
