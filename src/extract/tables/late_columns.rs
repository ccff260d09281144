//! 表二's later columns printed past the table. Plain `pdftotext` of a Word
//! table whose page sets 表二's last blocks beside 表三's heads prints those
//! blocks' first columns in place and their others, head and number, among
//! 表三's heads (`三、收到和处理政府信息公开申请情况` … `本年增/减` / `0` /
//! `采购总金额` / `271441 元`). A column that none of its block's items read
//! holds, its head printed on a line of its own once between the table's end
//! and 表四's heading, the numbers alone after it just as many as those items,
//! is read so: where no other block is short of a column of that head.

use super::columns::head_of;
use super::*;

/// Reads the columns of 表二's `blocks` printed past the table (see the
/// module), from layout row `from` (the next table's heading) to 表四's heading.
pub(super) fn read(rows: &[Row], blocks: &[&template::DisclosureBlock], from: usize, report: &mut Report) {
    let has = |report: &Report, item: &str, metric: Option<&str>| {
        report.disclosures.iter().any(|d| d.item == item && metric.is_none_or(|m| d.metric == m))
    };
    // Each column no item read holds: its block's items read, and the column.
    let mut short: Vec<(Vec<&'static str>, &template::Column)> = Vec::new();
    for block in blocks {
        let read: Vec<&'static str> =
            block.items.iter().map(|&(item, _, _)| item).filter(|item| has(report, item, None)).collect();
        for column in block.columns {
            if !read.is_empty() && read.iter().all(|item| !has(report, item, Some(column.metric))) {
                short.push((read.clone(), column));
            }
        }
    }
    let end = (from..rows.len()).find(|&k| names_litigation(rows[k].label())).unwrap_or(rows.len());
    if short.is_empty() || from >= end {
        return;
    }
    let mut filled: Vec<&str> = Vec::new();
    for (items, column) in &short {
        let head = head_of(column);
        if short.iter().filter(|(_, c)| head_of(c) == head).count() > 1 {
            continue;
        }
        let mut heads = (from..end).filter(|&k| rows[k].label().has(head));
        let (Some(at), None) = (heads.next(), heads.next()) else { continue };
        if !rows[at].cells.is_empty() {
            continue;
        }
        let after = rows[at + 1..end].iter().take_while(|r| r.is_numbers_alone());
        let cells: Vec<Cell> = after.flat_map(|r| r.cells.iter().copied()).collect();
        let values: Option<Vec<Value>> = cells.iter().map(|c| c.value).collect();
        let Some(values) = values.filter(|v| v.len() == items.len()) else { continue };
        let counts = |v: &Value| v.unit.is_none() && v.number.fract() == 0.0;
        if column.unit == Unit::Count && !values.iter().all(counts) {
            continue;
        }
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
    let whole: Vec<String> = filled.into_iter().filter(|item| whole(item)).map(|item| format!("{item}:")).collect();
    report.issues.retain(|i| !(i.code == "cells_unaligned" && whole.iter().any(|w| i.detail.starts_with(w.as_str()))));
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
}
