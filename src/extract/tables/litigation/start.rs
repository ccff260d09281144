//! Where 表四 starts: its first line naming a proceeding with the outcomes'
//! heads after it, or, its heads lost, its first numbers under lines naming
//! the proceedings or the section's heading; and a heading with numbers under
//! it that no reading found as the table.

use super::*;

/// The layout row of 表四's first line naming a proceeding, at or after `from`,
/// with the outcomes' heads after it; or of its numbers where its heads are
/// lost (see [`bare_litigation_row`]).
pub(super) fn anchor_row(rows: &[Row], from: usize, n: usize) -> Option<usize> {
    // The outcome headers, read across the rows after the anchor: layouts break
    // them (`结果` over `维持`).
    let has_header = |k: usize| {
        let heads = rows[k..].iter().take(HEAD_ROWS).take_while(|r| r.kind == Kind::Table);
        let joined: String = heads.map(|r| r.label()).collect();
        let words = ["维持", "纠正", "审结"];
        // Headers set a character a line (pdftotext of narrow columns) read `维 纠 结 审` across,
        // or down each head to its last, those on a line of their own (`持 正 果 结`).
        words.iter().filter(|w| joined.has(w)).count() >= 2 || joined.has("维纠结审") || joined.has("持正果结")
    };
    (from..rows.len())
        .find(|&k| {
            let r = &rows[k];
            let label = r.label();
            r.kind == Kind::Table && template::LITIGATION_ANCHORS.iter().any(|a| label.has(a)) && has_header(k)
        })
        .or_else(|| bare_litigation_row(rows, from, n))
}

/// Flags 表四 whose heading (a line naming both proceedings, at or after
/// layout row `from`) is printed with numbers under it, before the next
/// section, that were not found as the table: a table's cells, unread.
pub(super) fn unplaced(rows: &[Row], from: usize, report: &mut Report) {
    if under_heading(rows, from).is_some_and(|mut under| under.any(Row::has_value)) {
        let why = "表四's heading is printed with numbers under it that were not found as its cells";
        report.flag("litigation_cells_missing", why);
    }
}

/// The table rows under 表四's heading (the first line naming both
/// proceedings at or after layout row `from`), up to the next section;
/// `None` where no line is its heading.
pub(in super::super) fn under_heading<'r, 'a>(
    rows: &'r [Row<'a>],
    from: usize,
) -> Option<impl Iterator<Item = &'r Row<'a>>> {
    let heading = |r: &Row| r.kind == Kind::Table && names_litigation(r.label());
    let at = rows.iter().skip(from).position(heading)? + from;
    Some(rows[at + 1..].iter().take_while(|r| !after_table(r.label())).filter(|r| r.kind == Kind::Table))
}

/// 表四 printed without its heads (a converter that drops merged header rows
/// leaves `行政复议 | 行政诉讼` over the numbers, or nothing under the section's
/// heading): the first row of the table's `n` numbers, right under lines that
/// name both proceedings with no number between, or joined to them.
fn bare_litigation_row(rows: &[Row], from: usize, n: usize) -> Option<usize> {
    let anchors = template::LITIGATION_ANCHORS;
    let all = (1u32 << anchors.len()) - 1;
    // Which proceedings the label rows just above name.
    let mut named = 0u32;
    for (k, row) in rows.iter().enumerate().skip(from) {
        let label = row.label();
        let names = anchors.iter().enumerate().filter(|(_, a)| label.has(a)).fold(0, |m, (i, _)| m | 1 << i);
        if !row.has_value() {
            named = if names == 0 && !label.is_empty() { 0 } else { named | names };
            continue;
        }
        // Every number a count; blank cells (zeros) only where the layout shows
        // them; a row of zeros may have lost a cell or two in conversion.
        let count = |c: &Cell| c.value.is_none_or(|v| v.unit.is_none() && v.number.fract() == 0.0);
        let counted = |r: &Row| r.cells.iter().all(count);
        let counts = counted(row);
        let width = if row.delimited { trim_to(&row.cells, n).len() } else { row.cells.len() };
        let blank = row.cells.iter().any(|c| c.value.is_none());
        // Or a proceeding's numbers at least a line each, the others printed
        // apart (plain pdftotext: see `continued`); wide numbers may share a
        // line, others alone on theirs (`0` / `24 24 25 73 0` / `16 12`; not a
        // row of `-layout` broken in two).
        let lines = || {
            let alone = |r: &&Row| r.kind == Kind::Table && !r.delimited && r.label().is_empty() && counted(r);
            let lines: Vec<&Row> = rows[k..].iter().take_while(alone).collect();
            let lone = lines.iter().any(|r| r.vertical || r.cells.len() == 1);
            (lines.len() >= 2 && lone, lines.iter().map(|r| r.cells.len()).sum::<usize>())
        };
        let proceeding = template::LITIGATION_OUTCOMES.len()..n;
        let apart = (row.vertical && proceeding.contains(&width)) || {
            let (shared, cells) = lines();
            shared && proceeding.contains(&cells)
        };
        // Or zeros alone over lines, as many as the table's cells or a cell or
        // two short (`-layout` breaking a row of narrow columns in two); or
        // numbers so, just as many as the cells, where every proceeding adds
        // up in printed order or with two neighbours in each other's place
        // (`21 0 0 0 0 21` / `0 0 0 0 0 50 36 2 88`: 21's total printed after
        // the next proceeding's first, the narrow columns' type run together).
        let broken = || {
            let alone = |r: &&Row| r.kind == Kind::Table && r.label().is_empty() && r.has_value();
            let lines: Vec<&Row> = rows[k..].iter().take(n + 1).take_while(alone).collect();
            let cells: Vec<Cell> = lines.iter().flat_map(|r| r.cells.iter().copied()).collect();
            let zeros = (n.saturating_sub(2)..=n).contains(&cells.len()) && cells.iter().all(is_zero);
            let told = || adds_up(&cells) || apart::one_swap(&cells).is_some();
            zeros || (lines.len() >= 2 && cells.len() == n && told())
        };
        let shape = || {
            (width == n && row.cells.len() <= n + 2 && (row.delimited || !blank))
                || (width + 2 >= n && all_zero(&row.cells, n))
                || apart
                || broken()
        };
        // The lines above joined to the numbers' row (one cell a line) name them in its label.
        let under_names = (named == all && label.is_empty()) || names == all;
        if under_names && row.kind == Kind::Table && counts && shape() {
            return Some(k);
        }
        named = 0;
    }
    None
}
