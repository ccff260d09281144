//! 表二, the proactive disclosures: its blocks (第二十条第(一)项 …), each item's
//! columns and the unit of its amounts.

use super::*;

/// Reads 表二. Returns the layout row after it, or `None` if there is none.
pub fn read_disclosures(rows: &[Row], t: Template, report: &mut Report) -> Option<usize> {
    let blocks = template::disclosure_blocks(t);
    let items: Vec<(usize, usize)> =
        blocks.iter().enumerate().flat_map(|(b, block)| (0..block.items.len()).map(move |i| (b, i))).collect();
    let cues = Cues::disclosures(t);
    // The first block's 第二十条 line; or its header, where the line is left out
    // (no prose between the header and the next block's line).
    let anchor = rows.iter().position(|r| r.kind == Kind::Table && r.label().has(template::DISCLOSURE_ANCHOR));
    let header = rows.iter().position(|r| r.kind == Kind::Table && r.label().has(DISCLOSURE_HEADER));
    let start = match (header, anchor) {
        (Some(h), Some(a)) if h < a && rows[h..a].iter().all(|r| r.kind == Kind::Table) => h,
        (_, Some(a)) => a,
        (h, None) => h?,
    };
    let requests_anchor = template::REQUEST_ROWS[0].cues[0];
    // 表三, or 表四 where 表三 is left out.
    let stop = |label: &str| {
        label.has(requests_anchor) || label.has("收到和处理") || template::LITIGATION_ANCHORS.iter().all(|a| label.has(a))
    };
    let walk = walk(rows, start, cues, stop);

    // Where each block's header starts: its 第二十条 anchor, else its first item row.
    let mut header_at: Vec<Option<usize>> = vec![None; blocks.len()];
    let mut present = vec![false; blocks.len()];
    let anchors: Vec<String> = blocks
        .iter()
        .map(|block| format!("{}第{}", template::DISCLOSURE_ANCHOR, block.article))
        .collect();
    for (k, row) in rows.iter().enumerate().take(walk.end).skip(start) {
        let label = row.label();
        for (b, block) in blocks.iter().enumerate() {
            let anchored = label.has(anchors[b].as_str());
            if anchored && header_at[b].is_none() {
                header_at[b] = Some(k);
            }
            if anchored || (!present[b] && block.items.iter().any(|(_, _, cs)| cs.iter().any(|c| label.has(c)))) {
                present[b] = true;
            }
        }
    }
    let mut filled = vec![false; blocks.len()];
    for &(j, k) in &walk.matches {
        filled[items[j].0] |= rows[k].has_value();
    }
    for (b, block) in blocks.iter().enumerate() {
        if present[b] && !filled[b] {
            report.flag("table_empty", format!("表二 第二十条第{}项 is present but holds no number", block.article));
        }
    }
    for &(j, k) in &walk.matches {
        let (b, i) = items[j];
        if !filled[b] {
            continue;
        }
        let block = blocks[b];
        let (item, _, _) = block.items[i];
        let row = &rows[k];
        let amount_col = block.columns.iter().position(|c| c.unit != Unit::Count);
        // A lone number printed with a money unit is the amount (`政府集中采购130万元`).
        let mut values = row.cells.iter().filter(|c| c.value.is_some());
        let lone = match (values.next(), values.next()) {
            (Some(only), None) if only.value.is_some_and(|v| v.unit.is_some()) => amount_col,
            _ if block.columns.len() == 1 => Some(0),
            _ => None,
        };
        // The block's header down to this row, joined only where a unit is looked for in it.
        let joined = std::cell::OnceCell::new();
        let header =
            || joined.get_or_init(|| header_at[b].map_or(0..0, |h| h..k).map(|h| rows[h].label()).collect::<String>());
        let placed = place(row, block.columns.len(), None, lone);
        for (c, cell) in placed_cells(report, item, placed).into_iter().enumerate() {
            let Some(cell) = cell else { continue };
            let column = &block.columns[c];
            let v = cell.value.unwrap_or(ZERO);
            let value = match (column.unit, v.unit) {
                (Unit::Count, _) => v.number,
                (_, Some(CellUnit::WanYuan)) => scaled(v.number, 10_000.0),
                (_, Some(CellUnit::Yuan)) => v.number,
                (Unit::WanYuan, None) => scaled(v.number, 10_000.0),
                (Unit::Yuan, None) if header().has("万元") => scaled(v.number, 10_000.0),
                (Unit::Yuan, None) => v.number,
            };
            report.disclosures.push(DisclosureFact { item, metric: column.metric, value, offset: cell.offset });
        }
    }
    Some(walk.end)
}

/// The first cell of each block's header row in 表二.
const DISCLOSURE_HEADER: &str = "信息内容";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cells::rows;
    use crate::extract::tables::read_litigation;

    #[test]
    fn without_the_requests_table_the_disclosures_end_where_litigation_begins() {
        let text = "第二十条第(一)项\n信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n规章 | 0 | 0 | 3 |\n\
            行政复议 | 行政诉讼 |\n结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n\
            1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n";
        let (_, rs) = rows(text);
        let mut r = Report::default();
        let end = read_disclosures(&rs, Template::T2021, &mut r).unwrap();
        read_litigation(text, &rs, end, &mut r);
        assert_eq!((r.disclosures.len(), r.litigation.len()), (3, 15));
    }

    #[test]
    fn the_first_block_without_its_line_starts_at_its_header() {
        let text = "二、主动公开政府信息情况\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |\n规章 | 0 | 0 | 1 |\n\
            规范性文件 | 2 | 2 | 9 |\n第二十条第(五)项 |\n信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |\n\
            行政许可 | 16 | --3 | 780 |\n";
        let (_, rs) = rows(text);
        let mut r = Report::default();
        read_disclosures(&rs, Template::T2019, &mut r);
        let got: Vec<(&str, &str, f64)> = r.disclosures.iter().map(|d| (d.item, d.metric, d.value)).collect();
        assert_eq!(got.len(), 9, "{got:?}");
        assert_eq!(got[5], ("normative_document", "total_published", 9.0));
        assert_eq!(got[7], ("administrative_license", "change", -3.0));
    }

    #[test]
    fn disclosure_amount_in_wan_yuan_and_empty_blocks() {
        let text = "第二十条第(一)项\n信息内容本年新制作数量\n规章\n规范性文件\n\
            第二十条第(九)项\n信息内容采购项目数量采购总金额\n政府集中采购130万元\n";
        let (_, rs) = rows(text);
        let mut r = Report::default();
        read_disclosures(&rs, Template::T2019, &mut r);
        assert_eq!(r.disclosures.len(), 1);
        assert_eq!(r.disclosures[0].metric, "amount_yuan");
        assert_eq!(r.disclosures[0].value, 1_300_000.0);
        assert!(r.has_issue("table_empty"));
    }

    #[test]
    fn disclosure_2021_fee_column_is_in_wan_yuan() {
        let text = "第二十条第(八)项\n| 信息内容 | 本年收费金额(单位:万元) |\n| 行政事业性收费 | 1.5 |\n";
        let (_, rs) = rows(text);
        let mut r = Report::default();
        read_disclosures(&rs, Template::T2021, &mut r);
        assert_eq!(r.disclosures[0].value, 15_000.0);
    }
}
