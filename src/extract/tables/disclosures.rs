//! 表二, the proactive disclosures: its blocks (第二十条第(一)项 …), each item's
//! columns and the unit of its amounts.

use super::*;
use super::columns::{by_columns, head_of, places, unheaded};
use crate::extract::cells::{in_words, signed_at};
use crate::template::DISCLOSURE_BLOCKS;

/// Reads 表二. Returns the layout row after it, or `None` if there is none.
pub fn read_disclosures(text: &str, rows: &[Row], t: Template, report: &mut Report) -> Option<usize> {
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
        label.has(requests_anchor) || label.has("收到和处理") || names_litigation(label)
    };
    let walk = walk(rows, start, cues, stop);
    let first_fact = report.disclosures.len();

    let places = places(rows, &blocks, (&items, cues), start, walk.end);
    // Where each block's header starts: its 第二十条 line.
    let header_at = &places.anchor_at;
    let present: Vec<bool> =
        (0..blocks.len()).map(|b| header_at[b].is_some() || places.items_at[b].is_some()).collect();
    // No block's line nor item: the words of the header were a sentence's
    // (`…不公开发布的信息内容,` wrapped on a PDF's line), and the tables after
    // are looked for from the top.
    if !present.contains(&true) {
        return None;
    }
    // A block printed without heads over its items: numbers after a column's
    // head that follows its items are that column's, not an item's row.
    let unheaded = unheaded(rows, &blocks, &places, start);
    let heads: Vec<&str> = blocks.iter().flat_map(|b| b.columns.iter().map(head_of)).collect();
    let matches: Vec<(usize, usize)> = walk
        .matches
        .iter()
        .copied()
        .filter(|&(j, k)| {
            let named = |r: &Row| heads.iter().any(|h| r.label().has(h));
            unheaded[items[j].0].is_none_or(|last| k <= last || !rows[last + 1..k].iter().any(named))
        })
        .collect();
    let matches = widths_fitted(rows, &blocks, (&items, cues), start, matches);
    let matches = lines_under_given_up(text, rows, &blocks, &items, matches);
    let mut filled = vec![false; blocks.len()];
    for &(j, k) in &matches {
        filled[items[j].0] |= rows[k].has_value();
    }
    let by_columns = by_columns(text, rows, &blocks, &unheaded);
    // (The cells a block's columns took, printed on another block's row: not that row's.)
    let columns_read = by_columns.iter().flatten().flatten();
    let mut by_heads: Vec<usize> = columns_read.flat_map(|(cells, _)| cells.iter().map(|c| c.offset)).collect();
    by_heads.sort_unstable();
    for (b, block) in blocks.iter().enumerate() {
        if present[b] && !filled[b] && by_columns[b].is_none() {
            report.flag("table_empty", format!("表二 第二十条第{}项 is present but holds no number", block.article));
        }
    }
    // The blocks of a stock (in force, or published to date) whose numbers
    // are all their items' rows', none a 0 nor a mark for none: their empty
    // cells left blank. (From the block's 第二十条 line, or its first column's
    // head where the page's flow put that line elsewhere.)
    let stock = |c: &template::Column| c.metric == "in_force" || c.metric == "total_published";
    let first_head = |b: usize| {
        let head = head_of(&blocks[b].columns[0]);
        (start..walk.end.min(rows.len())).find(|&k| rows[k].label().has(head))
    };
    let blank: Vec<bool> = (0..blocks.len())
        .map(|b| {
            if !blocks[b].columns.last().is_some_and(stock) {
                return false;
            }
            let Some(from) = header_at[b].or_else(|| first_head(b)) else { return false };
            let to = header_at[b + 1..].iter().flatten().next().copied().unwrap_or(walk.end);
            let own = |k: usize| matches.iter().any(|&(j, m)| m == k && items[j].0 == b);
            let mut numbered = (from..to.min(rows.len())).filter(|&k| !rows[k].cells.is_empty()).peekable();
            numbered.peek().is_some() && numbered.all(|k| own(k) && rows[k].cells.iter().all(|c| c.number() != 0.0))
        })
        .collect();
    for &(j, k) in &matches {
        let (b, i) = items[j];
        if !filled[b] || by_columns[b].is_some() {
            continue;
        }
        let block = blocks[b];
        let (item, _, _) = block.items[i];
        let others = |c: &Cell| by_heads.binary_search(&c.offset).is_ok();
        let own_cells = rows[k].cells.iter().any(others).then(|| {
            let cells = rows[k].cells.iter().filter(|c| !others(c)).copied().collect();
            rows[k].with_labels(rows[k].labels.clone(), cells)
        });
        let row = own_cells.as_ref().unwrap_or(&rows[k]);
        let amount_col = block.columns.iter().position(|c| c.unit != Unit::Count);
        let change_col = block.columns.iter().position(|c| c.metric == "change");
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
        // (Numbers alone, named by the line before.)
        let named_above = k > 0 && rows[k - 1].is_orphan() && best_match(rows[k - 1].label(), cues, j) == Some(j);
        // (Or by the lines of label alone before, the item's wrapped label: its first line
        // names it, the later ones maybe other items' words.)
        let named_so = || {
            let above = rows[..k].iter().rev().take(MAX_LABEL_LINES).take_while(|r| r.is_orphan());
            let mut lines: Vec<&str> = above.map(|r| r.label()).collect();
            lines.reverse();
            first_match(&lines.concat(), cues, j) == Some(j)
        };
        let whole = cell_apart(text, rows, k, block, &matches, named_so);
        let whole = whole.map(|cells| row.with_labels(row.labels.clone(), cells));
        let placed = match place(whole.as_ref().unwrap_or(row), block.columns.len(), None, lone) {
            // A row short of cells with one number printed with its sign (`-10`,
            // `增加 14`): that is the change, as no other column is printed so; the
            // numbers before and after it go to the columns on its sides.
            Placed::Some(cells, "cells_unaligned") => match signed_placed(text, &cells, change_col) {
                Some(told) => Placed::Some(told, ""),
                None => Placed::Some(cells, "cells_unaligned"),
            },
            placed => placed,
        };
        // More numbers than columns, each on a line of its own after the item's label
        // (a page's table printed to PDF, the next item's among them): which are the
        // item's is not known, no sum checks them. (Where the numbers come first, the
        // extra are the item's above, the rightmost its own.)
        let label_first = match (row.labels.first(), row.cells.first()) {
            (Some(label), Some(cell)) => label.offset < cell.offset,
            _ => named_above,
        };
        let placed = match placed {
            Placed::Some(_, "cells_extra") if row.vertical && label_first => {
                Placed::Some(vec![None; block.columns.len()], "cells_extra")
            }
            // A row of (一)项 short of cells in a block that prints no 0 nor mark for
            // none (a Word table's blank cells, or its `-` dropped): its last number
            // is the stock (in force, or published to date), which any agency that
            // made, published or repealed one holds; the others' columns are not
            // known (`3` / `20` may be 3 made or 3 repealed), so not read.
            Placed::Some(mut cells, "cells_unaligned") if blank[b] => {
                if let Some(at) = cells.iter().rposition(Option::is_some) {
                    let last = cells.len() - 1;
                    cells.swap(at, last);
                    cells[..last].fill(None);
                }
                Placed::Some(cells, "cells_unaligned")
            }
            placed => placed,
        };
        for (c, cell) in placed_cells(report, item, placed).into_iter().enumerate() {
            let Some(cell) = cell else { continue };
            let column = &block.columns[c];
            // (A count is whole: `30.44` there is another column's amount, the cell's own printed nothing.)
            let v = cell.value.unwrap_or(ZERO);
            if column.unit == Unit::Count && (v.number.fract() != 0.0 || v.unit.is_some()) {
                report.flag("non_integer_count", format!("{item}/{}: {} is not a count", column.metric, v.number));
                continue;
            }
            let value = amount(column, v, || header().has("万元"));
            report.disclosures.push(DisclosureFact { item, metric: column.metric, value, offset: cell.offset });
        }
    }
    for (b, columns) in by_columns.iter().enumerate() {
        let Some(columns) = columns else { continue };
        let block = blocks[b];
        for (i, &(item, _, _)) in block.items.iter().enumerate() {
            for (column, (cells, header)) in block.columns.iter().zip(columns) {
                let cell = cells[i];
                let value = amount(column, cell.value.unwrap_or(ZERO), || header.has("万元"));
                report.disclosures.push(DisclosureFact { item, metric: column.metric, value, offset: cell.offset });
            }
        }
    }
    // (Later columns printed after a block's last row, or past 表三's heading.)
    if let Some(past) = (walk.end..rows.len()).find(|&k| stop(rows[k].label())) {
        super::late_columns::rests_after_rows(rows, &blocks, past, report);
        super::late_columns::read(rows, &blocks, past, report);
    }
    signs_apart_kept(text, &blocks, first_fact, report);
    Some(walk.end)
}

/// Leaves out the blocks of the facts from `from` on that hold, in a column
/// not the change's, a number printed with its sign (`增加 11`, `-14`) or right
/// after a line of a change's sign's word alone (`减少` / `13`, as plain
/// `pdftotext` prints a page's narrow cell): that number is a change, and a
/// reading that put it elsewhere took the block's numbers in an order not the
/// table's.
fn signs_apart_kept(text: &str, blocks: &[&template::DisclosureBlock], from: usize, report: &mut Report) {
    let block_of = |item: &str| blocks.iter().position(|b| b.items.iter().any(|i| i.0 == item));
    // (Not a mark for none before the next cell's number: `-   34`.)
    let signed = |f: &DisclosureFact| f.value != 0.0 && signed_at(text, f.offset);
    let mut misplaced: Vec<usize> = report.disclosures[from..]
        .iter()
        .filter(|f| f.metric != "change" && (signed(f) || after_sign_line(text, f.offset)))
        .filter_map(|f| block_of(f.item))
        .collect();
    if misplaced.is_empty() {
        return;
    }
    misplaced.sort_unstable();
    misplaced.dedup();
    let read = report.disclosures.split_off(from);
    let kept = read.into_iter().filter(|f| !block_of(f.item).is_some_and(|b| misplaced.contains(&b)));
    report.disclosures.extend(kept);
    for b in misplaced {
        let why = format!(
            "表二 第二十条第{}项: a change, printed with its sign, read in another column: not read",
            blocks[b].article
        );
        report.flag("cells_unaligned", why);
    }
}

/// Whether the number at `offset` of `text` starts its line and the line
/// before (blank lines aside) is a change's sign's word alone (`减少`).
fn after_sign_line(text: &str, offset: usize) -> bool {
    let Some(before) = text.get(..offset) else { return false };
    let (lines, line) = before.rsplit_once('\n').unwrap_or(("", before));
    let above = lines.split('\n').rev().find(|l| !l.trim().is_empty());
    line.trim().is_empty() && above.is_some_and(|l| crate::extract::cells::sign_word(l).is_some())
}

/// A row's cells put in its first columns for want of anything telling which
/// (`cells`, as many as the block's columns), placed again by the one printed
/// with its sign: that one in the change column (`change`), those before it in
/// the columns before, those after in the columns after, each side's as near
/// the change as they go (a blank cell left no trace), where they fit.
fn signed_placed(text: &str, cells: &[Option<Cell>], change: Option<usize>) -> Option<Vec<Option<Cell>>> {
    let change = change?;
    let values: Vec<Cell> = cells.iter().flatten().copied().collect();
    let mut signed = values.iter().enumerate().filter(|(_, c)| crate::extract::cells::signed(text, c));
    let (at, None) = (signed.next()?.0, signed.next()) else { return None };
    let after = values.len() - at - 1;
    if at > change || change + after >= cells.len() {
        return None;
    }
    let mut out = vec![None; cells.len()];
    for (i, cell) in values.into_iter().enumerate() {
        out[change + i - at] = Some(cell);
    }
    Some(out)
}

/// The most lines of a wrapped label after its first number's line
/// [`Apart::change_past_next`] passes (`其他 对外管 理服 务事` / `4` / `项`).
const MAX_WRAPPED_AFTER: usize = 2;

/// The most rows past a change's line under its row looked at for the next
/// item's numbers.
const MAX_PAST_UNDER: usize = 3;

/// The most lines after an item's numbers [`Apart::after_lines`] looks at.
const MAX_AFTER_LINES: usize = 5;

/// The item rows `matches` (item, layout row) with a line of more numbers than
/// its item's block has columns given to the item expected next (the one after
/// the last matched), where that one's block has as many and the lines of label
/// since the last matched row name it: plain `pdftotext` of a Word table may
/// print an item's label, the later blocks' headings and items, then the item's
/// numbers (`规范性文件` … `行政事业性收费` / `第二十条第(九)项` / `5 5 33`), the
/// last item named above them one of two columns.
fn widths_fitted(
    rows: &[Row],
    blocks: &[&template::DisclosureBlock],
    (items, cues): (&[(usize, usize)], &Cues),
    start: usize,
    mut matches: Vec<(usize, usize)>,
) -> Vec<(usize, usize)> {
    let width = |j: usize| blocks[items[j].0].columns.len();
    let (mut expected, mut from) = (0, start);
    for (j, k) in matches.iter_mut() {
        let numbers = rows[*k].cells.len();
        if expected < *j && numbers > width(*j) && numbers == width(expected) {
            let labels: String = rows[from..*k].iter().filter(|r| r.is_orphan()).map(|r| r.label()).collect();
            if first_match(&labels, cues, expected) == Some(expected) {
                *j = expected;
            }
        }
        (expected, from) = (*j + 1, *k + 1);
    }
    matches
}

/// The item rows `matches` (item, layout row) with each line of numbers that
/// holds a row's change under it (see [`Apart::change_around`]), or that
/// completes the row above, numbers alone right after it (`3` / `增加 6 1`,
/// the next item's label after them), given up by the next item that took it:
/// that item's row is the next line with numbers (its label's later line), or
/// none.
fn lines_under_given_up(
    text: &str,
    rows: &[Row],
    blocks: &[&template::DisclosureBlock],
    items: &[(usize, usize)],
    mut matches: Vec<(usize, usize)>,
) -> Vec<(usize, usize)> {
    for m in 0..matches.len() {
        let (j, k) = matches[m];
        let Some(&(_, next)) = matches.get(m + 1) else { break };
        // (A row given up already, to be left out.)
        if k == usize::MAX {
            continue;
        }
        let block = blocks[items[j].0];
        let at = Apart::of(text, rows, &matches, block);
        // Where the next item's row is looked for, and over how many lines.
        let (from, over) = if next == k + 1 && at.change_around(k).is_some() {
            (k + 2, MAX_PAST_UNDER)
        } else if let Some(last) = at.completing_lines(k).filter(|&last| (k + 1..=last).contains(&next)) {
            // (Past the next item's label's lines.)
            (last + 1, MAX_PAST_UNDER + MAX_LABEL_LINES)
        } else {
            continue;
        };
        let taken = |r: usize| matches.iter().any(|m| m.1 == r);
        let mut later = (from..rows.len()).take(over).take_while(|&r| rows[r].kind == Kind::Table);
        let own = later.find(|&r| !rows[r].cells.is_empty()).filter(|&r| !taken(r));
        match own {
            Some(r) => matches[m + 1].1 = r,
            None => matches[m + 1].1 = usize::MAX,
        }
    }
    matches.retain(|m| m.1 != usize::MAX);
    matches
}

/// A row's cells with the one plain `pdftotext` printed apart put back in
/// its column, where layout row `k` holds all of a block's numbers but one
/// (or but its first, the others on the line before or after):
/// a cell set in words or with a unit (`增加 16`, `0.11 万元`) sits on the
/// line after the item's label's first line, away from the row's other numbers
/// (`4` / `1` / `其他对外管理服务` / `增加 16` / `事项`), and goes to the change
/// column or the amount's; a row's first number stays on its label's first line
/// where the label wraps (`15` / `11` / `其他对外管理服务事 4` / `项`), after the
/// others, printed on the line before (after the change in words of the item
/// above, at times); a row's numbers alone after its label
/// (`named`: the lines of label before them name its item) go on after it
/// (see [`Apart::after_lines`]). Only numbers no item's row holds. Where a
/// row's line starts with the change in words the item above takes
/// (`增加 2 20 +17 1`), the row's cells are the rest.
fn cell_apart(
    text: &str,
    rows: &[Row],
    k: usize,
    block: &template::DisclosureBlock,
    matches: &[(usize, usize)],
    named: impl FnOnce() -> bool,
) -> Option<Vec<Cell>> {
    let at = Apart::of(text, rows, matches, block);
    let row = &rows[k];
    if at.n < 2 || !at.filled(row) {
        return None;
    }
    let own = at.less_taken(k);
    if own.len() == at.n && own.len() < row.cells.len() {
        return Some(own.to_vec());
    }
    if let Some(cells) = at.change_around(k).or_else(|| at.past_next(k)) {
        return Some(cells);
    }
    if let ([first], true) = (row.cells.as_slice(), !row.label().is_empty()) {
        return at.first_on_label_line(k, *first);
    }
    at.one_apart(k).or_else(|| named().then(|| at.after_lines(k)).flatten())
}

/// The most characters a change's sign word and its number, set over two
/// lines of its cell, are apart in their centres.
const MAX_OFF_CENTER: f64 = 4.0;

/// What tells where a block's numbers printed apart from their rows go: the
/// text, its rows, the rows that name an item, the block's width, its change
/// column and its column of money.
struct Apart<'t, 'r> {
    text: &'t str,
    rows: &'r [Row<'t>],
    matches: &'r [(usize, usize)],
    columns: &'r [template::Column],
    n: usize,
    change: Option<usize>,
    amount: Option<usize>,
}

impl<'t, 'r> Apart<'t, 'r> {
    fn of(
        text: &'t str,
        rows: &'r [Row<'t>],
        matches: &'r [(usize, usize)],
        block: &'r template::DisclosureBlock,
    ) -> Apart<'t, 'r> {
        let change = block.columns.iter().position(|c| c.metric == "change");
        let amount = block.columns.iter().position(|c| c.unit != Unit::Count);
        Apart { text, rows, matches, columns: block.columns, n: block.columns.len(), change, amount }
    }

    fn filled(&self, r: &Row) -> bool {
        r.cells.iter().all(|c| c.value.is_some())
    }

    fn worded(&self, c: &Cell) -> bool {
        in_words(self.text, c)
    }

    fn signed(&self, c: &Cell) -> bool {
        crate::extract::cells::signed(self.text, c)
    }

    fn matched(&self, a: usize) -> bool {
        self.matches.iter().any(|m| m.1 == a)
    }

    /// Row `b`'s cells but a first one in words that the item above takes
    /// as its change (see [`Apart::one_apart`]; `增加 19 5 7`, the rest the
    /// next item's).
    fn less_taken(&self, b: usize) -> &'r [Cell] {
        let cells = self.rows[b].cells.as_slice();
        let taken = |c: &Cell| self.item_above(b).and_then(|a| self.one_apart(a)).is_some_and(|t| t.contains(c));
        match cells.split_first() {
            Some((first, rest)) if self.worded(first) && taken(first) => rest,
            _ => cells,
        }
    }

    /// The row of the last item named before row `b`.
    fn item_above(&self, b: usize) -> Option<usize> {
        self.matches.iter().map(|m| m.1).filter(|&a| a < b).max()
    }

    /// A line of numbers alone that names no item.
    fn free(&self, a: usize) -> bool {
        self.rows[a].is_numbers_alone() && !self.matched(a)
    }

    /// Row `k`'s change set in words over two lines of aligned text, around
    /// the row's line (its cell being narrow): the sign's word alone on the
    /// line above (`减少`), the number alone on the line below (`17`), both in
    /// the change column, between the row's numbers of the columns before and
    /// after it. The row's cells with the change signed in its place.
    fn change_around(&self, k: usize) -> Option<Vec<Cell>> {
        let (rows, change) = (self.rows, self.change?);
        let (above, below) = (rows.get(k.checked_sub(1)?)?, rows.get(k + 1)?);
        let ([word], [number]) = (above.labels.as_slice(), below.cells.as_slice()) else { return None };
        let sign = crate::extract::cells::sign_word(word.text)?;
        let value = number.value.filter(|v| v.unit.is_none() && v.number >= 0.0 && !self.signed(number))?;
        let row = &rows[k];
        let in_column = row.cells.iter().filter(|c| c.center < number.center).count() == change;
        let under = (word.center - number.center).abs() <= MAX_OFF_CENTER;
        if row.cells.len() != self.n - 1 || !above.cells.is_empty() || !below.is_numbers_alone() || !in_column || !under
        {
            return None;
        }
        let mut cells = row.cells.clone();
        cells.insert(change, Cell { value: Some(Value { number: sign * value.number, unit: None }), ..*number });
        Some(cells)
    }

    /// An item whose signed change comes after the next item's label's line,
    /// or that next item (see [`Apart::change_past_next`]).
    fn past_next(&self, k: usize) -> Option<Vec<Cell>> {
        let two = |a: usize| self.change_past_next(a).or_else(|| self.firsts_then_rests(a));
        if let Some((own, ..)) = two(k) {
            return Some(own);
        }
        let above = self.matches.iter().map(|m| m.1).filter(|&a| a < k).max()?;
        two(above).filter(|&(.., b)| b == k).map(|(_, theirs, _)| theirs)
    }

    /// Two items of a block, as plain `pdftotext` prints a page's table printed
    /// to PDF where the second's label wraps: each item's first number on a line
    /// of its own after its label's first line, the second's label's later
    /// lines, then the first's other numbers and the second's, in turn
    /// (`行政许可` / `13` / `其他对外管理服务事项(…` / `8` / `事项,含…` / `付、…)` /
    /// `1 1 -12 5`; a change's sign's word may stand alone on the line before
    /// it). Only where the second's change is printed with its sign, and no
    /// number is but the changes: so the numbers are not the two rows' column by
    /// column. From the first's row `a`: the two rows' cells and the second's row.
    fn firsts_then_rests(&self, a: usize) -> Option<(Vec<Cell>, Vec<Cell>, usize)> {
        let (rows, n, change) = (self.rows, self.n, self.change?);
        let first_alone = |x: usize| self.matched(x) && rows[x].is_numbers_alone() && rows[x].cells.len() == 1;
        let label_alone = |x: usize| {
            rows[x].is_orphan() && !rows[x].label().has(template::DISCLOSURE_ANCHOR) && self.sign_line(x).is_none()
        };
        if change == 0 || !first_alone(a) || !self.filled(&rows[a]) {
            return None;
        }
        let b = (a + 1..rows.len()).find(|&x| !label_alone(x))?;
        let later = (b + 1..rows.len()).find(|&x| !label_alone(x))?;
        if b == a + 1 || later == b + 1 || !first_alone(b) || !self.filled(&rows[b]) {
            return None;
        }
        // The rest, each number marked where its sign is printed (with it, or on the line before).
        let (mut rests, mut marked): (Vec<Cell>, Vec<bool>) = (Vec::new(), Vec::new());
        let mut sign = None;
        let mut x = later;
        while x < rows.len() && rests.len() < 2 * (n - 1) {
            if let Some(word) = self.sign_line(x).filter(|_| sign.is_none()) {
                (sign, x) = (Some(word), x + 1);
                continue;
            }
            if !self.free(x) || !self.filled(&rows[x]) {
                break;
            }
            let from = rests.len();
            marked.extend(rows[x].cells.iter().map(|c| self.signed(c)));
            marked[from] |= sign.is_some();
            self.push_line(&mut rests, x, sign.take())?;
            x += 1;
        }
        let (own_change, theirs_change) = (change - 1, n - 1 + change - 1);
        let in_place = marked.iter().enumerate().all(|(i, &m)| !m || i == own_change || i == theirs_change);
        let more = rows.get(x).is_some_and(|r| r.is_numbers_alone() || self.sign_line(x).is_some());
        if rests.len() != 2 * (n - 1) || sign.is_some() || more || !in_place || !marked[theirs_change] {
            return None;
        }
        let own = [&rows[a].cells[..], &rests[..n - 1]].concat();
        let theirs = [&rows[b].cells[..], &rests[n - 1..]].concat();
        Some((own, theirs, b))
    }

    /// Two items of a block, as plain `pdftotext` prints a page's table printed
    /// to PDF: the first's label alone; its other numbers and the second's but its
    /// first, a line each; the second's label with its first number; then the
    /// first's change (`行政许可` / `12` / `0` / `13` / `5` / `其他对外管理服务事项 106`
    /// / `增加 13`). Where a change is printed with its sign (in words, `+20`,
    /// `-15`), the first's last or the second's in its place among the numbers,
    /// and no other number is: the sign tells the order. Where none is, only
    /// just so: each number alone on its line after the first's label alone, the
    /// second's label's line with its first alone, one line of a number after it
    /// and no more (the second's first on its label's line, as a row's first
    /// column is, rules out the rows read in turn: that would put it in the
    /// second's change column). The second's label may wrap, its first number
    /// on a line between its label's (`其他 对外管 理服 务事` / `104` / `项`).
    /// From the first's row `a` (its label's, or that of its numbers under it):
    /// the two rows' cells and the second's row.
    fn change_past_next(&self, a: usize) -> Option<(Vec<Cell>, Vec<Cell>, usize)> {
        let (rows, n, change) = (self.rows, self.n, self.change?);
        let counts = |x: usize| rows[x].cells.iter().all(|c| c.value.is_some());
        if !self.matched(a) || !counts(a) || rows[a].cells.len() > 2 * (n - 1) {
            return None;
        }
        let mut numbers: Vec<Cell> = rows[a].cells.clone();
        let mut b = a + 1;
        while b < rows.len() && numbers.len() < 2 * (n - 1) && self.free(b) && counts(b) {
            numbers.extend_from_slice(&rows[b].cells);
            b += 1;
        }
        let a_line_each = self.a_line_each_after_label(a, b);
        // (The second's label wrapped, its first number between its lines: past its last lines.)
        let between = rows.get(b)?.is_orphan() && rows.get(b + 1).is_some_and(|r| r.is_numbers_alone());
        let b = if between { b + 1 } else { b };
        let wrapped = |&x: &usize| rows[x].is_orphan() && !rows[x].label().has(template::DISCLOSURE_ANCHOR);
        let c = (b + 1..rows.len()).take(MAX_WRAPPED_AFTER).take_while(wrapped).last().map_or(b + 1, |x| x + 1);
        let one = |x: usize| rows.get(x).filter(|r| r.cells.len() == 1).map(|r| r.cells[0]);
        let (Some(first), Some(last)) = (one(b), one(c)) else { return None };
        // (Signed, the second's change alone among the numbers: its place in them.)
        let theirs_change = n - 1 + change - 1;
        let unsigned = numbers.iter().enumerate().all(|(i, c)| i == theirs_change || !self.signed(c));
        let printed_so = numbers.len() == 2 * (n - 1) && self.matched(b) && self.free(c) && unsigned;
        let sign_tells = self.signed(&last) || numbers.get(theirs_change).is_some_and(|c| self.signed(c));
        // (Unsigned: just so, and nothing more after the first's change.)
        let ends = rows.get(c + 1).is_none_or(|r| !r.is_numbers_alone() && self.sign_line(c + 1).is_none());
        let order_told = sign_tells || (a_line_each && ends && numbers.iter().all(|c| !self.signed(c)));
        if !printed_so || change == 0 || self.signed(&first) || !order_told || last.value.is_none() {
            return None;
        }
        let mut own = numbers[..n - 1].to_vec();
        own.insert(change, last);
        let theirs = [&[first][..], &numbers[n - 1..]].concat();
        Some((own, theirs, b))
    }

    /// Whether row `a`'s label stands alone on its line and its numbers, to
    /// row `b`, come a number a line (gathered in `a` or a row each).
    fn a_line_each_after_label(&self, a: usize, b: usize) -> bool {
        let rows = self.rows;
        let label = rows[a].labels.last().map_or(0, |l| l.offset);
        let below_label = |c: &Cell| self.text.get(label..c.offset).is_some_and(|t| t.contains('\n'));
        let label_alone = rows[a].cells.first().is_none_or(below_label);
        label_alone
            && (rows[a].vertical || rows[a].cells.len() <= 1)
            && (a + 1..b).all(|x| rows[x].cells.len() == 1)
    }

    /// Row `k`'s first number on its label's line, the others alone on the
    /// line before; or on the lines after (a page's table printed to PDF),
    /// where the next item's row needs none of them.
    fn first_on_label_line(&self, k: usize, first: Cell) -> Option<Vec<Cell>> {
        let (rows, n) = (self.rows, self.n);
        // (A change in words there is the item's before, set after its label; where
        // that item takes it from the line's first, the rest may be this row's:
        // `0 1` / `行政许可` / `增加 19 5 7` / `其他对外管理服务事 57`.)
        let numbers = |b: usize| -> Option<&[Cell]> {
            let own = self.less_taken(b);
            let plain = !own.iter().any(|c| self.worded(c));
            (own.len() + 1 == n && self.filled(&rows[b]) && plain).then_some(own)
        };
        let rest_before = |x: usize| x.checked_sub(1).is_some_and(|b| self.free(b) && numbers(b).is_some());
        // (An item's row printed so too: its first number on its label's line, the rest after.)
        let so_too = |x: usize| rows[x].cells.len() == 1 && !rows[x].label().is_empty() && self.rest_after(x).is_some();
        // (Not the numbers after the item above, where they are its.)
        let above_takes = |k: usize| k >= 2 && so_too(k - 2) && !rest_before(k - 2);
        let before = Some(k).filter(|&k| rest_before(k) && !above_takes(k)).map(|k| k - 1);
        let whole_next = |a: usize| {
            rows.get(a + 1).is_none_or(|r| !self.matched(a + 1) || r.cells.len() >= n) || so_too(a + 1)
        };
        let after = self.rest_after(k).filter(|&(_, last)| whole_next(last)).map(|(rest, _)| rest);
        // (The numbers after where they print the money column's unit and those before do
        // not: those before are another block's cell printed late, `本年增/减` / `0`.)
        let money = |rest: &[Cell]| {
            let cell = self.amount.and_then(|c| c.checked_sub(1)).and_then(|c| rest.get(c));
            cell.is_some_and(|c| c.value.is_some_and(|v| v.unit.is_some()))
        };
        let rest = match (before, after) {
            (Some(b), Some(after)) if money(&after) && !numbers(b).is_some_and(money) => after,
            (Some(b), _) => numbers(b)?.to_vec(),
            (None, after) => after.or_else(|| self.change_after_rest_before(k))?,
        };
        Some([&[first][..], &rest].concat())
    }

    /// Row `k`'s cells but its first (on its label's line), where its change in
    /// words stands alone on the line after and its other numbers on the line
    /// before, the item above's row whole (`9` / `其他对外管理服务事 4` /
    /// `增加 3` / `项`), or whole with the change in words leading that line
    /// (`增加 3` / `2` / `其他对外管理服务事 0` / `减少 11`; see [`Apart::one_apart`]).
    fn change_after_rest_before(&self, k: usize) -> Option<Vec<Cell>> {
        let (rows, change) = (self.rows, self.change.filter(|&c| c > 0)?);
        let b = k.checked_sub(1).filter(|&b| self.free(b))?;
        let [word] = rows.get(k + 1).filter(|_| self.free(k + 1))?.cells.as_slice() else { return None };
        let before = self.less_taken(b);
        let plain = self.filled(&rows[b]) && !before.iter().any(|c| self.worded(c));
        let whole = |a: usize| rows[a].cells.len() == self.n || self.one_apart(a).is_some();
        let above_whole = self.item_above(b).is_some_and(whole);
        if before.len() + 2 != self.n || !plain || !self.worded(word) || !above_whole {
            return None;
        }
        let mut rest = before.to_vec();
        rest.insert(change - 1, *word);
        Some(rest)
    }

    /// The numbers after row `x`'s label's line that complete its row, and the
    /// last line they take: the next line, or a number a line (a page's table
    /// printed to PDF, blank lines between), a change in words there in its
    /// column (`其他对外管理服务事 15` / `增加 20` / `7`).
    fn rest_after(&self, x: usize) -> Option<(Vec<Cell>, usize)> {
        let (rows, n) = (self.rows, self.n);
        let mut rest: Vec<Cell> = Vec::new();
        let mut a = x + 1;
        let mut sign = None;
        while rest.len() + 1 < n && a < rows.len() {
            // (The change's sign's word alone on the line before it: `减少` / `17`.)
            if sign.is_none() && self.change == Some(rest.len() + 1) {
                if let Some(word) = self.sign_line(a) {
                    (sign, a) = (Some(word), a + 1);
                    continue;
                }
            }
            if self.stray_head(a) {
                a += 1;
                continue;
            }
            if !self.free(a) || !self.filled(&rows[a]) {
                break;
            }
            self.push_line(&mut rest, a, sign.take())?;
            a += 1;
        }
        let in_place = rest.iter().enumerate().all(|(i, c)| !self.worded(c) || self.change == Some(i + 1));
        (rest.len() + 1 == n && sign.is_none() && in_place).then_some((rest, a - 1))
    }

    /// Whether row `a` is another block's column's head alone, printed late
    /// where the flow carried it (`政府集中采购 36` / `本年增/减` / `0.28 万元`).
    fn stray_head(&self, a: usize) -> bool {
        let row = &self.rows[a];
        let head = |c: &template::Column| head_of(c) == row.label();
        let another_block_s = || DISCLOSURE_BLOCKS.iter().any(|b| b.columns.iter().any(head));
        row.is_orphan() && !self.columns.iter().any(head) && another_block_s()
    }

    /// The sign a line of a change's word alone gives (`减少`), where row `a` is one.
    fn sign_line(&self, a: usize) -> Option<f64> {
        match self.rows.get(a)?.labels.as_slice() {
            [word] if self.rows[a].cells.is_empty() => crate::extract::cells::sign_word(word.text),
            _ => None,
        }
    }

    /// `cells` with row `x`'s numbers after them, its first given `sign` where one
    /// is pending (a change's sign's word on the line before: `减少` / `15`);
    /// `None` where that number is printed signed already.
    fn push_line(&self, cells: &mut Vec<Cell>, x: usize, sign: Option<f64>) -> Option<()> {
        let from = cells.len();
        cells.extend_from_slice(&self.rows[x].cells);
        if let Some(sign) = sign {
            cells[from] = self.with_sign(cells[from], sign)?;
        }
        Some(())
    }

    /// `cell` with the sign of a word apart (`减少` / `15`): a count printed unsigned.
    fn with_sign(&self, cell: Cell, sign: f64) -> Option<Cell> {
        let value = cell.value.filter(|v| v.unit.is_none() && v.number >= 0.0 && !self.signed(&cell))?;
        Some(Cell { value: Some(Value { number: sign * value.number, unit: None }), ..cell })
    }

    /// The lines after row `k` that complete its row, the last of them: lines of
    /// numbers alone, a change's sign's word alone before it (`行政许可 63` / `减少`
    /// / `17` / `5`), a line of label alone after them (the next item's).
    fn completing_lines(&self, k: usize) -> Option<usize> {
        let (rows, n) = (self.rows, self.n);
        let mut count = rows[k].cells.len();
        let mut a = k + 1;
        while count < n && a < rows.len() {
            if self.change == Some(count) && self.sign_line(a).is_some() {
                a += 1;
                continue;
            }
            if !rows[a].is_numbers_alone() || !self.filled(&rows[a]) {
                return None;
            }
            count += rows[a].cells.len();
            a += 1;
        }
        (count == n && a > k + 1 && rows.get(a).is_some_and(|r| r.is_orphan())).then_some(a - 1)
    }

    /// Row `k`'s numbers alone (after its label's line), the rest of its
    /// numbers on lines of numbers alone after it, past its label's later lines
    /// perhaps (a page's table printed to PDF: `3` / `事项,含行政确认…` /
    /// `付、行政处罚…` / `减少 9 1`), no item's, and the last numbers before the
    /// next item's or block's: a change in words there in its column, its sign's
    /// word perhaps on a line of its own before it (`减少` / `15`).
    fn after_lines(&self, k: usize) -> Option<Vec<Cell>> {
        let (rows, n) = (self.rows, self.n);
        if !rows[k].is_numbers_alone() {
            return None;
        }
        let mut cells = rows[k].cells.clone();
        let mut sign = None;
        for r in (k + 1..rows.len()).take(MAX_AFTER_LINES) {
            let row = &rows[r];
            if row.is_orphan() && !row.label().has(template::DISCLOSURE_ANCHOR) {
                let word = self.sign_line(r);
                // (Numbers left for no row after the item's: which are whose is not known.)
                if cells.len() == n && word.is_some() {
                    return None;
                }
                sign = sign.or(word);
                continue;
            }
            if !self.free(r) || !self.filled(row) {
                break;
            }
            if cells.len() == n {
                return None;
            }
            // (A sign's word before a number not the change's: not so printed.)
            if sign.is_some() && self.change != Some(cells.len()) {
                return None;
            }
            self.push_line(&mut cells, r, sign.take())?;
        }
        let in_place = cells.iter().enumerate().all(|(i, c)| !self.worded(c) || self.change == Some(i));
        (cells.len() == n && cells.len() > rows[k].cells.len() && sign.is_none() && in_place).then_some(cells)
    }

    /// Row `k` holding all its numbers but one, set in words or with a unit,
    /// which the line after holds alone (or first of a run that goes on with
    /// the next item's row). A first number in words is no item's first
    /// column (a count): it is the change of the item above, printed after
    /// that one's label and gathered with this row's numbers (`122` / `0` /
    /// `行政许可` / `增加 8` / `13` / `3`).
    fn one_apart(&self, k: usize) -> Option<Vec<Cell>> {
        let (rows, n) = (self.rows, self.n);
        let row = &rows[k];
        let above = k >= 2 && rows[k - 1].is_orphan() && rows[k - 2].cells.len() + 1 == n && self.matched(k - 2);
        let own = match row.cells.split_first() {
            Some((first, rest)) if above && self.worded(first) => rest,
            _ => &row.cells[..],
        };
        if own.len() + 1 != n {
            return None;
        }
        let next = (k + 1..rows.len()).take(3).find(|&a| !rows[a].is_orphan()).filter(|&a| rows[a].is_numbers_alone())?;
        // (Or the first of a run that goes on with the next item's numbers before
        // its label, all or some: `增加 10` / `6` / `--10` / `1` / `其他对外管理服务`;
        // `增加 3` / `2` / `其他对外管理服务事 0`.)
        let cell = match rows[next].cells.as_slice() {
            [cell] if !self.matched(next) => cell,
            [cell, rest @ ..] if self.worded(cell) && !rest.is_empty() && rest.len() <= n => cell,
            _ => return None,
        };
        let column = if self.worded(cell) {
            self.change?
        } else if cell.value.is_some_and(|v| v.unit.is_some()) {
            self.amount?
        } else {
            return None;
        };
        let mut cells = own.to_vec();
        cells.insert(column, *cell);
        Some(cells)
    }
}

/// A cell's value in `column`'s unit; `in_wan` tells whether the header of a
/// money column without a unit of its own names 万元.
pub(super) fn amount(column: &template::Column, v: Value, in_wan: impl FnOnce() -> bool) -> f64 {
    match (column.unit, v.unit) {
        (Unit::Count, _) => v.number,
        (_, Some(CellUnit::WanYuan)) => scaled(v.number, 10_000.0),
        (_, Some(CellUnit::Yuan)) => v.number,
        (Unit::WanYuan, None) => scaled(v.number, 10_000.0),
        (Unit::Yuan, None) if in_wan() => scaled(v.number, 10_000.0),
        (Unit::Yuan, None) => v.number,
    }
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
        let end = read_disclosures(text, &rs, Template::T2021, &mut r).unwrap();
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
        read_disclosures(text, &rs, Template::T2019, &mut r);
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
        read_disclosures(text, &rs, Template::T2019, &mut r);
        assert_eq!(r.disclosures.len(), 1);
        assert_eq!(r.disclosures[0].metric, "amount_yuan");
        assert_eq!(r.disclosures[0].value, 1_300_000.0);
        assert!(r.has_issue("table_empty"));
    }

    #[test]
    fn blocks_printed_a_column_at_a_time_are_read_by_their_heads() {
        let items = "第二十条第(一)项\n信息内容\n本年新制作数量\n本年新公开数量\n对外公开总数量\n4\n4\n21\n规章\n3\n3\n16\n\
            规范性文件\n第二十条第(五)项\n信息内容\n\n行政许可\n其他对外管理服务事项\n第二十条第(六)项\n信息内容\n\n\
            行政处罚\n行政强制\n第二十条第(八)项\n信息内容\n行政事业性收费\n第二十条第(九)项\n信息内容\n政府集中采购\n\n\
            申请人情况\n\n";
        let five = "上一年项目数量\n(指 2019 年事项数)\n1\n148\n\n本年增/减\n\n处理决定数量\n\n4\n-20\n\n1\n3\n\n";
        let six = "上一年项目数量\n49\n17\n\n本年增/减\n\n处理决定数量\n\n减少 5\n11\n\n9\n0\n\n";
        let eight_nine = "上一年项目数量\n10\n采购项目数量\n22\n\n本年增/减\n\n0\n\n采购总金额\n2.64 万元\n";
        let read = |text: &str| {
            let (_, rs) = rows(text);
            let mut r = Report::default();
            read_disclosures(text, &rs, Template::T2019, &mut r);
            let mut got: Vec<(&str, &str, f64)> = r.disclosures.iter().map(|d| (d.item, d.metric, d.value)).collect();
            got.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
            (got, r.issues.iter().map(|i| i.code).collect::<Vec<_>>())
        };
        let end = "三、收到和处理政府信息公开申请情况\n";
        let (got, issues) = read(&format!("{items}{five}{six}{eight_nine}{end}"));
        assert!(issues.is_empty(), "{issues:?}");
        let values = |item: &str| got.iter().filter(|g| g.0 == item).map(|g| (g.1, g.2)).collect::<Vec<_>>();
        assert_eq!(values("administrative_license"), [("change", 4.0), ("decisions", 1.0), ("previous_count", 1.0)]);
        let other = [("change", -20.0), ("decisions", 3.0), ("previous_count", 148.0)];
        assert_eq!(values("other_management_service"), other);
        assert_eq!(values("administrative_coercion"), [("change", 11.0), ("decisions", 0.0), ("previous_count", 17.0)]);
        assert_eq!(values("administrative_fee"), [("change", 0.0), ("previous_count", 10.0)]);
        assert_eq!(values("centralized_procurement"), [("amount_yuan", 26_400.0), ("projects", 22.0)]);
        assert_eq!(got.len(), 2 * 3 + 4 * 3 + 2 + 2, "{got:?}");
        // A column's numbers not parted from the next's (a cell printed away
        // from its column), and heads of two blocks with the numbers of one: not read.
        let six = "上一年项目数量\n49\n17\n\n本年增/减\n\n处理决定数量\n\n6\n3\n12\n\n减少 6\n\n";
        let eight_nine = "上一年项目数量\n采购项目数量\n10\n\n本年增/减\n\n0\n\n采购总金额\n2.64 万元\n";
        let (got, issues) = read(&format!("{items}{five}{six}{eight_nine}{end}"));
        let read_so = ["regulation", "normative_document", "administrative_license", "other_management_service"];
        assert!(got.iter().all(|g| read_so.contains(&g.0)), "{got:?}");
        assert_eq!(issues.iter().filter(|&&c| c == "table_empty").count(), 3);
        // Changes in words printed after the blocks' columns, each a change
        // column's last (its other on a line alone, or with the next column's
        // numbers after a blank line).
        let five = "上一年项目数量\n(指 2019 年事项数)\n1\n148\n\n本年增/减\n\n处理决定数量\n\n4\n\n1\n3\n\n";
        let six = "上一年项目数量\n49\n17\n\n本年增/减\n\n处理决定数量\n\n减少 5\n\n9\n0\n\n减少 20\n\n增加 11\n\n";
        let eight_nine = "上一年项目数量\n10\n采购项目数量\n22\n\n本年增/减\n\n0\n\n采购总金额\n2.64 万元\n";
        let (got, issues) = read(&format!("{items}{five}{six}{eight_nine}{end}"));
        assert!(issues.is_empty(), "{issues:?}");
        let values = |item: &str| got.iter().filter(|g| g.0 == item).map(|g| (g.1, g.2)).collect::<Vec<_>>();
        assert_eq!(values("administrative_license"), [("change", 4.0), ("decisions", 1.0), ("previous_count", 1.0)]);
        assert_eq!(values("other_management_service"), other);
        assert_eq!(values("administrative_penalty"), [("change", -5.0), ("decisions", 9.0), ("previous_count", 49.0)]);
        assert_eq!(values("administrative_coercion"), [("change", 11.0), ("decisions", 0.0), ("previous_count", 17.0)]);
        let six = six.replace("9\n0\n\n减少 20", "9\n0\n\n\n减少 20");
        let (got, _) = read(&format!("{items}{five}{six}{eight_nine}{end}"));
        assert_eq!(got.len(), 2 * 3 + 4 * 3 + 2 + 2, "{got:?}");
        // Short of a change in words for each such column, neither block is read so.
        let six = "上一年项目数量\n49\n17\n\n本年增/减\n\n处理决定数量\n\n减少 5\n\n9\n0\n\n增加 11\n\n";
        let (got, _) = read(&format!("{items}{five}{six}{eight_nine}{end}"));
        assert!(got.iter().all(|g| read_so[..2].contains(&g.0) || g.0.contains("fee") || g.0.contains("procurement")));
    }

    #[test]
    fn cells_printed_apart_from_their_row_go_back_to_their_columns() {
        // Plain pdftotext: the row's numbers before its label, the worded change after its first line.
        let text = |change: &str| {
            format!(
                "第二十条第(五)项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n36\n15\n126\n行政许可\n\
                 4\n1\n其他对外管理服务\n{change}\n事项\n第二十条第(六)项\n"
            )
        };
        let read = |text: &str| {
            let (_, rs) = rows(text);
            let mut r = Report::default();
            read_disclosures(text, &rs, Template::T2019, &mut r);
            let other = r.disclosures.iter().filter(|d| d.item == "other_management_service");
            let other: Vec<(&str, f64)> = other.map(|d| (d.metric, d.value)).collect();
            (other, r.has_issue("cells_unaligned"))
        };
        let expected = vec![("previous_count", 4.0), ("change", 16.0), ("decisions", 1.0)];
        assert_eq!(read(&text("增加 16")), (expected, false));
        assert_eq!(read(&text("减少 16")).0[1], ("change", -16.0));
        // A bare number there is not known to be the change: the row stays unplaced, flagged.
        assert!(read(&text("16")).1);
        // The row's first number on its label's wrapped first line, the others on the line before;
        // not where a change in words there is the item's before.
        let first = |before: &str| {
            format!(
                "第二十条第(五)项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n36\n15\n126\n行政许可\n\
                 {before}\n其他对外管理服务事 4\n项\n第二十条第(六)项\n"
            )
        };
        let whole = vec![("previous_count", 4.0), ("change", 15.0), ("decisions", 11.0)];
        assert_eq!(read(&first("15\n11")), (whole, false));
        assert!(read(&first("增加 15\n11")).1);
        // An amount with its unit after the item's label.
        let nine = "第二十条第(九)项\n信息内容\n采购项目数量\n采购总金额\n51\n政府集中采购\n0.11 万元\n三、收到和处理\n";
        let (_, rs) = rows(nine);
        let mut r = Report::default();
        read_disclosures(nine, &rs, Template::T2019, &mut r);
        let got: Vec<(&str, f64)> = r.disclosures.iter().map(|d| (d.metric, d.value)).collect();
        assert_eq!(got, [("projects", 51.0), ("amount_yuan", 1_100.0)]);
        assert!(r.issues.is_empty(), "{:?}", r.issues);
        // Running text after the row (a line with no cell) is no change.
        let prose = "本年度其他对外管理服务事项的办理情况已在本机关门户网站的政务公开专栏中按月逐项公开并接受社会监督。";
        assert!(read(&text(prose)).1);
    }

    /// 第二十条第(五)项's two items' columns (previous, change, decisions) read from `text`.
    fn block_five(text: &str) -> [[Option<f64>; 3]; 2] {
        let (_, rs) = rows(text);
        let mut r = Report::default();
        read_disclosures(text, &rs, Template::T2019, &mut r);
        let value = |item: &str, metric: &str| {
            r.disclosures.iter().find(|d| d.item == item && d.metric == metric).map(|d| d.value)
        };
        ["administrative_license", "other_management_service"]
            .map(|item| ["previous_count", "change", "decisions"].map(|metric| value(item, metric)))
    }

    #[test]
    fn a_change_in_words_run_on_with_the_next_item_s_numbers_is_the_item_s() {
        // Plain pdftotext: 行政许可's two numbers before its label, its change in
        // words after it, gathered with the next item's numbers before that one's label.
        let text = "第二十条第(五)项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n9\n5\n行政许可\n增加 10\n6\n\
            --10\n1\n其他对外管理服务\n事项\n第二十条第(六)项\n";
        assert_eq!(block_five(text), [[Some(9.0), Some(10.0), Some(5.0)], [Some(6.0), Some(-10.0), Some(1.0)]]);
        // (The run's first taken, the next item's numbers are just its columns.)
        let (_, rs) = rows(text);
        let mut r = Report::default();
        read_disclosures(text, &rs, Template::T2019, &mut r);
        assert!(!r.has_issue("cells_extra"), "{:?}", r.issues);
        // The next item's change after its label too: the change gathered first
        // with its numbers is the item's above, not its own first column.
        let text = "第二十条第(五)项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n122\n0\n行政许可\n增加 8\n13\n\
            3\n其他对外管理服务\n减少 1\n事项\n第二十条第(六)项\n";
        assert_eq!(block_five(text), [[Some(122.0), Some(8.0), Some(0.0)], [Some(13.0), Some(-1.0), Some(3.0)]]);
        // The next item's first number on its label's wrapped first line, its
        // others before it, after the change above.
        let text = "第二十条第(五)项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n0\n1\n行政许可\n增加 19\n5\n\
            7\n其他对外管理服务事 57\n项\n第二十条第(六)项\n";
        assert_eq!(block_five(text), [[Some(0.0), Some(19.0), Some(1.0)], [Some(57.0), Some(5.0), Some(7.0)]]);
        // Its change in words after its label's first line, its other number before it.
        let text = "第二十条第(五)项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n3\n-15\n0\n行政许可\n9\n\
            其他对外管理服务事 4\n增加 3\n项\n第二十条第(六)项\n";
        assert_eq!(block_five(text), [[Some(3.0), Some(-15.0), Some(0.0)], [Some(4.0), Some(3.0), Some(9.0)]]);
        // Both: the item above's change gathered with one number of the next's,
        // whose first is on its label's line and its change after it.
        let text = "第二十条第(五)项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n109\n0\n行政许可\n增加 3\n2\n\
            其他对外管理服务事 0\n减少 11\n项\n第二十条第(六)项\n";
        assert_eq!(block_five(text), [[Some(109.0), Some(3.0), Some(0.0)], [Some(0.0), Some(-11.0), Some(2.0)]]);
    }

    #[test]
    fn a_change_in_words_over_two_lines_around_its_row_in_aligned_text_is_the_row_s() {
        // `-layout` of a page's table: each change's narrow cell sets its word
        // on the line above the row's and its number on the line below, in the
        // change column; the next item's label starts after it.
        let text = "第二十条第(五)项\n\
            \x20                                 上一年项目数量         处理决定数量\n\
            \x20                                             本年增\n\
            信息内容                              (指 2018 年事项     (指 2019 年办\n\
            \x20                                             /减\n\
            \x20                                 数)              件量)\n\
            \x20                                              减少\n\
            行政许可                              63                5\n\
            \x20                                              17\n\
            其他对外管理服务事项(指行政许可以外的政务服务\n\
            \x20                                              增加\n\
            事项,含行政确认、行政奖励、行政裁决、行政给  6                           1\n\
            \x20                                              20\n\
            付、行政处罚、行政强制等)\n第二十条第(六)项\n";
        assert_eq!(block_five(text), [[Some(63.0), Some(-17.0), Some(5.0)], [Some(6.0), Some(20.0), Some(1.0)]]);
        // The number under the row in another column than the change's: not its.
        let at = text.find(" 17\n").map_or(0, |at| text[..at].rfind('\n').map_or(0, |l| l + 1));
        let moved = format!("{}        {}", &text[..at], text[at..].trim_start_matches(' '));
        assert_ne!(moved, text);
        assert_ne!(block_five(&moved)[0][1], Some(-17.0));
    }

    #[test]
    fn a_row_s_first_number_on_its_label_s_line_the_others_on_the_lines_after() {
        // A page's table printed to PDF, by plain pdftotext: a number a line between blank lines.
        let text = "第二十条第(一)项\n信息内容\n\n本年制发件数 本年废止件数 现行有效件数\n\n规章\n\n3\n\n2\n\n3\n\n\
                    行政规范性文件 1\n\n0\n\n14\n\n第二十条第(五)项\n信息内容\n\n本年处理决定数量\n\n行政许可\n\n11\n";
        let r = disclosures(text, Template::T2021);
        assert_eq!(values(&r, "regulation"), [3.0, 2.0, 3.0]);
        assert_eq!(values(&r, "normative_document"), [1.0, 0.0, 14.0]);
        assert_eq!(values(&r, "administrative_license"), [11.0]);
        assert!(r.issues.is_empty(), "{:?}", r.issues);
        // Both items of a block so: the numbers after the first are not the second's before.
        let text = "第二十条第(六)项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n行政处罚 12\n\n20\n\n1\n\n\
                    行政强制 0\n\n10\n\n20\n\n第二十条第(八)项\n";
        let r = disclosures(text, Template::T2019);
        assert_eq!(values(&r, "administrative_penalty"), [12.0, 20.0, 1.0]);
        assert_eq!(values(&r, "administrative_coercion"), [0.0, 10.0, 20.0]);
        // The next item's change in words.
        let text = "第二十条第(六)项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n行政处罚 1\n\n10\n\n3\n\n\
                    行政强制 42\n\n减少 4\n\n1\n\n第二十条第(八)项\n";
        let r = disclosures(text, Template::T2019);
        assert_eq!(values(&r, "administrative_penalty"), [1.0, 10.0, 3.0]);
        assert_eq!(values(&r, "administrative_coercion"), [42.0, -4.0, 1.0]);
        // The first item's change in words after the second's label's line, the
        // second's numbers but its first among the first's.
        let text = "第二十条第(五)项\n信息内容\n\n上一年项目数量 本年增/减 处理决定数量\n\n行政许可\n\n12\n\n0\n\n13\n\n5\n\n\
                    其他对外管理服务事项 106\n\n增加 13\n\n第二十条第(六)项\n";
        let r = disclosures(text, Template::T2019);
        assert_eq!(values(&r, "administrative_license"), [12.0, 13.0, 0.0]);
        assert_eq!(values(&r, "other_management_service"), [106.0, 13.0, 5.0]);
        // Its sign marked, the second's change in words among the numbers.
        let text = "第二十条第(五)项\n信息内容\n\n上一年项目数量 本年增/减 处理决定数量\n\n行政许可\n\n200\n\n3\n\n减少 18\n\n1\n\n\
                    其他对外管理服务事项 0\n\n+20\n\n第二十条第(六)项\n";
        let r = disclosures(text, Template::T2019);
        assert_eq!(values(&r, "administrative_license"), [200.0, 20.0, 3.0]);
        assert_eq!(values(&r, "other_management_service"), [0.0, -18.0, 1.0]);
        // The first's change unsigned, the second's signed in its place among the numbers.
        let unsigned = text.replace("+20", "20");
        let r = disclosures(&unsigned, Template::T2019);
        assert_eq!(values(&r, "administrative_license"), [200.0, 20.0, 3.0]);
        assert_eq!(values(&r, "other_management_service"), [0.0, -18.0, 1.0]);
        // A dash for none among the numbers is no sign.
        let text = "第二十条第(五)项\n信息内容\n\n上一年项目数量 本年增/减 处理决定数量\n\n行政许可\n\n4\n\n-\n\n+4\n\n1\n\n\
                    其他对外管理服务事项 179\n\n-15\n\n第二十条第(六)项\n";
        let r = disclosures(text, Template::T2019);
        assert_eq!(values(&r, "administrative_license"), [4.0, -15.0, 0.0]);
        assert_eq!(values(&r, "other_management_service"), [179.0, 4.0, 1.0]);
        // Neither signed: so where each number is alone on its line, the second's
        // first on its label's line (its first column's, no change's), nothing more after.
        let neither = unsigned.replace("减少 18", "18");
        let r = disclosures(&neither, Template::T2019);
        assert_eq!(values(&r, "administrative_license"), [200.0, 20.0, 3.0]);
        assert_eq!(values(&r, "other_management_service"), [0.0, 18.0, 1.0]);
        // The second's label wrapped, its first number between its lines.
        let wrapped = neither.replace("其他对外管理服务事项 0\n", "其他 对外管 理服 务事\n0\n项\n");
        let r = disclosures(&wrapped, Template::T2019);
        assert_eq!(values(&r, "administrative_license"), [200.0, 20.0, 3.0]);
        assert_eq!(values(&r, "other_management_service"), [0.0, 18.0, 1.0]);
        // Not where a number more follows, nor where two share a line: the order is not known.
        for other in [neither.replace("\n\n20\n\n", "\n\n20\n\n5\n\n"), neither.replace("3\n\n18", "3 18")] {
            let r = disclosures(&other, Template::T2019);
            assert_ne!(values(&r, "administrative_license"), [200.0, 20.0, 3.0], "{:?}", r.disclosures);
            assert_ne!(values(&r, "other_management_service"), [0.0, 18.0, 1.0], "{:?}", r.disclosures);
        }
        // A Word table's, the change in words among the numbers after it (in its column).
        let text = "第二十条第(五)项\n信息内容\n上一年项目数量 本年增/减\n处理决定数量\n行政许可\n48\n7\n1\n\
                    其他对外管理服务事 15\n增加 20\n7\n项(指行政许可以外\n的政务服务事项)\n第二十条第(六)项\n";
        let r = disclosures(text, Template::T2019);
        assert_eq!(values(&r, "administrative_license"), [48.0, 7.0, 1.0]);
        assert_eq!(values(&r, "other_management_service"), [15.0, 20.0, 7.0]);
        // The block above's cell printed late, under its column's head, before the row's
        // label; the row's amount with its unit after it.
        let text = "第二十条第(八)项\n信息内容\n\n上一年项目数量(指 2019 年事项\n数)\n\n行政事业性收费 7\n\
                    第二十条第(九)项\n信息内容\n\n采购项目数量 采购总金额\n\n本年增/减\n0\n\n政府集中采购 22\n\n\
                    8.82 万元\n\n三、收到和处理政府信息公开申请情况\n";
        let r = disclosures(text, Template::T2019);
        assert_eq!(values(&r, "centralized_procurement"), [22.0, 88_200.0]);
        // Another block's head printed late between the row's label and its amount.
        let text = "第二十条第(九)项\n信息内容\n采购项目数量 采购总金额\n政府集中采购 36\n本年增/减\n0.28 万元\n\
                    三、收到和处理政府信息公开申请情况\n";
        let r = disclosures(text, Template::T2019);
        assert_eq!(values(&r, "centralized_procurement"), [36.0, 2_800.0]);
        // Its own column's head there is no stray: the numbers after it are not read so.
        let r = disclosures(&text.replace("本年增/减", "采购总金额"), Template::T2019);
        assert_eq!(values(&r, "centralized_procurement"), [36.0]);
    }

    #[test]
    fn an_item_s_numbers_after_its_label_s_later_lines_are_its_own() {
        const HEAD: &str = "第二十条第(五)项\n信息内容\n\n上一年项目数量\n处理决定数量\n本年增\n(指 2019 年事项\n\
                            (指 2020 年办\n/减\n数)\n件量)\n\n";
        const OTHER: &str = "其他对外管理服务事项(指行政许可以外的政务服务\n";
        const LATER: &str = "事项,含行政确认、行政奖励、行政裁决、行政给\n付、行政处罚、行政强制等)\n\n";
        // A page's table printed to PDF: the first item's numbers on two lines (the second
        // not the next item's, whose label follows), the second's first between its
        // label's lines, the rest after them.
        let text = format!("{HEAD}行政许可\n\n3\n\n增加 6 1\n\n{OTHER}3\n{LATER}减少 9 1\n\n第二十条第(六)项\n");
        let r = disclosures(&text, Template::T2019);
        assert_eq!(values(&r, "administrative_license"), [3.0, 6.0, 1.0]);
        assert_eq!(values(&r, "other_management_service"), [3.0, -9.0, 1.0]);
        // `-raw`: the change's sign on a line of its own before it.
        let text = format!("{HEAD}行政许可 16 6 6\n{OTHER}{LATER}0\n减少\n15\n3\n第二十条第(六)项\n");
        let r = disclosures(&text, Template::T2019);
        assert_eq!(values(&r, "other_management_service"), [0.0, -15.0, 3.0]);
        // `-raw`: the first item's change's sign alone too, its numbers a line each, the
        // next item's label after them.
        let text = format!("{HEAD}行政许可 63\n减少\n17\n5\n{OTHER}{LATER}6\n减少\n20\n1\n第二十条第(六)项\n");
        let r = disclosures(&text, Template::T2019);
        assert_eq!(values(&r, "administrative_license"), [63.0, -17.0, 5.0]);
        assert_eq!(values(&r, "other_management_service"), [6.0, -20.0, 1.0]);
        // The next item's line given up with no line of its own after its label: not read,
        // and no row looked at for it.
        let text = format!(
            "{HEAD}行政许可\n\n3\n\n增加 6 1\n\n{OTHER}\n第二十条第(六)项\n\
             信息内容 上一年项目数量 本年增/减 处理决定数量\n行政处罚 12 20 1\n行政强制 0 0 0\n"
        );
        let r = disclosures(&text, Template::T2019);
        assert_eq!(values(&r, "administrative_license"), [3.0, 6.0, 1.0]);
        assert_eq!(values(&r, "administrative_penalty"), [12.0, 20.0, 1.0]);
        // Numbers left after the item's (the first item's printed there too): whose are
        // which is not known, none read so.
        let text = format!("{HEAD}行政许可\n\n16\n\n{OTHER}0\n{LATER}6\n\n6\n\n减少\n15\n\n3\n\n第二十条第(六)项\n");
        let r = disclosures(&text, Template::T2019);
        assert!(!values(&r, "other_management_service").contains(&6.0), "{:?}", r.disclosures);
    }

    #[test]
    fn a_number_after_a_change_s_sign_word_alone_read_in_another_column_leaves_the_block_unread() {
        // A page's table printed to PDF: the first item's change's sign alone
        // before its number (`减少` / `13`), the second's first number between its
        // label's lines, the first's last after them, then the second's rest.
        // Where `13` is read as another column's, the order is not the table's.
        let text = "第二十条第(五)项\n信息内容\n\n上一年项目数量\n处理决定数量\n本年增\n(指 2019 年事项\n(指 2020 年办\n\
                    /减\n数)\n件量)\n\n行政许可\n\n42\n\n减少\n13\n\n其他对外管理服务事项(指行政许可以外的政务服务\n2\n\
                    事项,含行政确认、行政奖励、行政裁决、行政给\n付、行政处罚、行政强制等)\n\n0\n\n增加 1 4\n\n\
                    第二十条第(六)项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n行政处罚 12 20 1\n";
        let license = [("previous_count", 42.0), ("change", -13.0), ("decisions", 0.0)];
        let other = [("previous_count", 2.0), ("change", 1.0), ("decisions", 4.0)];
        read_as_or_not([license, other], text);
    }

    /// Asserts that the facts `text` gives the two items of 第二十条第(五)项
    /// (`truth`: 行政许可's, then 其他对外管理服务事项's) are theirs, where read,
    /// and that 行政处罚 after them reads 12, 20, 1.
    fn read_as_or_not(truth: [[(&str, f64); 3]; 2], text: &str) {
        let r = disclosures(text, Template::T2019);
        let items = ["administrative_license", "other_management_service"];
        for f in r.disclosures.iter().filter(|f| f.item != "administrative_penalty") {
            let at = items.iter().position(|&item| item == f.item).expect("an item of the block");
            assert!(truth[at].contains(&(f.metric, f.value)), "{f:?} in {:?}", r.disclosures);
        }
        assert_eq!(values(&r, "administrative_penalty"), [12.0, 20.0, 1.0]);
    }

    #[test]
    fn a_number_printed_with_its_sign_read_in_another_column_leaves_the_block_unread() {
        // Plain `pdftotext` of a page's table, the second row's mark for none lost:
        // the first row's numbers before its label, its change after it, then the
        // second's two. `增加 11` is a change wherever it is read.
        let text = "第二十条第(五)项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n159\n1\n行政许可\n增加 11\n\
                    14\n65\n其他对外管理服务事 项\n第二十条第(六)项\n信息内容 上一年项目数量 本年增/减 处理决定数量\n\
                    行政处罚 12 20 1\n";
        let license = [("previous_count", 159.0), ("change", 11.0), ("decisions", 1.0)];
        let other = [("previous_count", 0.0), ("change", 14.0), ("decisions", 65.0)];
        read_as_or_not([license, other], text);
    }

    #[test]
    fn each_item_s_first_number_then_the_first_s_others_and_the_second_s_are_read_in_turn() {
        // A page's table printed to PDF, the second item's label wrapped: each
        // item's first number after its label's first line, then the rest, row by row.
        let text = |rest: &str| {
            let text = format!(
                "第二十条第(五)项\n信息内容\n上一年项目数量\n处理决定数量\n本年增\n/减\n行政许可\n13\n\
                 其他对外管理服务事项(指行政许可以外的政务服务\n8\n事项,含行政确认、行政奖励、行政裁决、行政给\n\
                 付、行政处罚、行政强制等)\n{rest}第二十条第(六)项\n"
            );
            let r = disclosures(&text, Template::T2019);
            (values(&r, "administrative_license"), values(&r, "other_management_service"))
        };
        assert_eq!(text("1\n1\n-12\n5\n"), (vec![13.0, 1.0, 1.0], vec![8.0, -12.0, 5.0]));
        // The sign's word on a line of its own.
        assert_eq!(text("0 3\n增加\n20 4\n"), (vec![13.0, 0.0, 3.0], vec![8.0, 20.0, 4.0]));
        // Only the first's change signed: the two rows' column by column would print so too.
        let (license, other) = text("+6\n2\n15\n0\n");
        assert_ne!(license, [13.0, 6.0, 2.0]);
        assert_ne!(other, [8.0, 15.0, 0.0]);
        // A sign where row by row puts none: not read so.
        let (license, _) = text("1\n-12\n1\n5\n");
        assert_ne!(license, [13.0, 1.0, -12.0]);
        // A number more: whose are which is not known.
        let (license, _) = text("1\n1\n-12\n5\n7\n");
        assert_ne!(license, [13.0, 1.0, 1.0]);
    }

    #[test]
    fn more_numbers_a_line_each_after_an_item_s_label_are_not_read_as_its() {
        // A page's table printed to PDF: the next item's numbers among the item's,
        // in no order that tells (no change signed, the next's label's line without its first).
        let text = "第二十条第(五)项\n信息内容\n上一年项目数量 本年增/减 处理决定数量\n行政许可\n\n59\n\n2\n\n15\n\n7\n\n\
                    其他对外管理服务事项\n\n45\n\n3\n\n第二十条第(六)项\n";
        let r = disclosures(text, Template::T2019);
        assert_eq!(values(&r, "administrative_license"), Vec::<f64>::new());
        // Where the numbers come before the label, the extra lead: the rightmost are the item's.
        let text = "第二十条第(五)项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n9\n5\n行政许可\n增加 10\n\
                    6\n-10\n1\n其他对外管理服务\n事项\n第二十条第(六)项\n";
        let r = disclosures(text, Template::T2019);
        assert_eq!(values(&r, "other_management_service"), [6.0, -10.0, 1.0]);
    }

    #[test]
    fn a_decimal_is_no_count() {
        // 行政强制's cell holds another column's amount: not read, flagged.
        let text = "二、主动公开政府信息情况\n第二十条第(六)项\n信息内容 | 本年处理决定数量 |\n行政处罚 | 2 |\n\
                    行政强制 | 30.44 |\n三、收到和处理政府信息公开申请情况\n";
        let r = disclosures(text, Template::T2021);
        assert_eq!(values(&r, "administrative_penalty"), [2.0]);
        assert_eq!(values(&r, "administrative_coercion"), [] as [f64; 0]);
        assert!(r.has_issue("non_integer_count"), "{:?}", r.issues);
    }

    fn disclosures(text: &str, t: Template) -> Report {
        let (_, rs) = rows(text);
        let mut r = Report::default();
        read_disclosures(text, &rs, t, &mut r);
        r
    }

    /// An item's values in the order read.
    fn values(r: &Report, item: &str) -> Vec<f64> {
        r.disclosures.iter().filter(|d| d.item == item).map(|d| d.value).collect()
    }

    #[test]
    fn disclosure_2021_fee_column_is_in_wan_yuan() {
        let text = "第二十条第(八)项\n| 信息内容 | 本年收费金额(单位:万元) |\n| 行政事业性收费 | 1.5 |\n";
        let (_, rs) = rows(text);
        let mut r = Report::default();
        read_disclosures(text, &rs, Template::T2021, &mut r);
        assert_eq!(r.disclosures[0].value, 15_000.0);
    }

    /// An item's metrics and values, in the order read.
    fn metrics(r: &Report, item: &str) -> Vec<(&'static str, f64)> {
        r.disclosures.iter().filter(|d| d.item == item).map(|d| (d.metric, d.value)).collect()
    }

    #[test]
    fn a_row_short_of_cells_in_a_block_of_blank_cells_ends_with_the_stock() {
        // Plain `pdftotext` of a Word table that leaves a 0 blank: 规章 made 3,
        // repealed none, 28 in force; whether the 3 is made or repealed is not
        // printed.
        let text = |normative: &str| {
            format!(
                "第二十条第(一)项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n规章\n3\n28\n\
                 行政规范性文件\n{normative}\n第二十条第(五)项\n信息内容\n本年处理决定数量\n行政许可\n23\n\
                 三、收到和处理政府信息公开申请情况\n"
            )
        };
        let r = disclosures(&text("1\n1\n26"), Template::T2021);
        assert_eq!(metrics(&r, "regulation"), [("in_force", 28.0)]);
        assert_eq!(metrics(&r, "normative_document"), [("made", 1.0), ("repealed", 1.0), ("in_force", 26.0)]);
        assert!(r.has_issue("cells_unaligned"));
        // A block that prints its zeros: a row short of cells lost its last, read in its first columns.
        let r = disclosures(&text("1\n0\n26"), Template::T2021);
        assert_eq!(metrics(&r, "regulation"), [("made", 3.0), ("repealed", 28.0)]);
        // 2019's stock is 对外公开总数量: 规范性文件 none new, 19 published to date.
        let text = "第二十条第(一)项\n信息内容\n本年新制作数量\n本年新公开数量\n对外公开总数量\n规章\n5\n5\n23\n\
                    规范性文件\n19\n第二十条第(五)项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n行政许可\n\
                    18\n-15\n82\n三、收到和处理政府信息公开申请情况\n";
        let r = disclosures(text, Template::T2019);
        assert_eq!(metrics(&r, "normative_document"), [("total_published", 19.0)]);
        // The block's 第二十条 line printed elsewhere by the page's flow: its columns' heads tell it.
        let r = disclosures(text.trim_start_matches("第二十条第(一)项\n"), Template::T2019);
        assert_eq!(metrics(&r, "normative_document"), [("total_published", 19.0)]);
    }

    #[test]
    fn the_next_block_s_heading_is_no_part_of_an_item_s_label() {
        // A web page by plain `pdftotext`: 其他对外管理服务事项's note, wrapped over
        // lines above its last numbers, names 行政处罚 and 行政强制, and the next
        // block's heading follows.
        // (Their lines' pieces stacked interleave the heading's `(六)` with the note's words.)
        let text = "第二十 条第(五)项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n行政许可\n130\n-4\n4\n\
                    其他 对外管 理服 务事项(指行政许可以外的政 务 服\n28\n务事项,含行政确认、行政 奖励、行政 裁\n\
                    决、行政 给付、行政处 罚、行政强制 等)\n8\n0\n第二十 条第(六)项\n\
                    信息内容 上一年项目数量 本年增/减 处理决定数量\n行政处 罚 1\n-12\n8\n行政强制 3\n-16\n4\n\
                    第二十 条第(八)项\n";
        let r = disclosures(text, Template::T2019);
        let expected = [
            ("other_management_service", [28.0, 8.0, 0.0]),
            ("administrative_penalty", [1.0, -12.0, 8.0]),
            ("administrative_coercion", [3.0, -16.0, 4.0]),
        ];
        for (item, [previous, change, decisions]) in expected {
            let read = [("previous_count", previous), ("change", change), ("decisions", decisions)];
            assert_eq!(metrics(&r, item), read, "{item}");
        }
    }

    #[test]
    fn an_item_before_the_next_block_s_heading_names_none_of_the_numbers_after_it() {
        // A Word table by plain `pdftotext`, each item's numbers before its label;
        // 行政许可's mark for none lost: the 3 after (六)'s heading is 行政处罚's,
        // and the amount before the fee's label is the fee's, not 行政强制's.
        let text = "第二十条第(一)项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n2\n3\n18\n规章\n1\n2\n4\n\
                    行政规范性文件\n第二十条第(五)项\n信息内容\n本年处理决定数量\n行政许可\n第二十条第(六)项\n信息内容\n\
                    本年处理决定数量\n3\n行政处罚\n1\n行政强制\n第二十条第(八)项\n信息内容\n\
                    本年收费金额(单位:万元)\n41.62\n行政事业性收费\n";
        let r = disclosures(text, Template::T2021);
        assert_eq!(values(&r, "normative_document"), [1.0, 2.0, 4.0]);
        assert_eq!(values(&r, "administrative_license"), [] as [f64; 0]);
        assert_eq!(values(&r, "administrative_penalty"), [3.0]);
        assert_eq!(values(&r, "administrative_coercion"), [1.0]);
        assert_eq!(values(&r, "administrative_fee"), [416_200.0]);
    }

    #[test]
    fn a_number_between_two_items_labels_is_the_second_s_where_the_table_prints_numbers_first() {
        // A Word table by plain `pdftotext`, each item's numbers before its label,
        // 行政处罚's mark for none dropped: the 3 after its label is 行政强制's.
        let text = "第二十条第(一)项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n2\n2\n32\n规章\n1\n2\n20\n\
                    行政规范性文件\n第二十条第(五)项\n信息内容\n本年处理决定数量\n3\n行政许可\n第二十条第(六)项\n\
                    信息内容\n本年处理决定数量\n行政处罚\n3\n行政强制\n三、收到和处理政府信息公开申请情况\n";
        let r = disclosures(text, Template::T2021);
        assert_eq!(values(&r, "regulation"), [2.0, 2.0, 32.0]);
        assert_eq!(values(&r, "administrative_license"), [3.0]);
        assert_eq!(values(&r, "administrative_penalty"), [] as [f64; 0]);
        assert_eq!(values(&r, "administrative_coercion"), [3.0]);
        // (A table printing each label before its numbers: the 3 is 行政处罚's.)
        let text = "第二十条第(一)项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n规章\n2\n2\n32\n\
                    第二十条第(六)项\n信息内容\n本年处理决定数量\n行政处罚\n3\n行政强制\n三、收到和处理政府信息公开申请情况\n";
        let r = disclosures(text, Template::T2021);
        assert_eq!(values(&r, "administrative_penalty"), [3.0]);
    }

    #[test]
    fn numbers_more_than_the_last_named_item_s_columns_are_the_item_expected_next_s() {
        // A Word table by plain `pdftotext`: 规范性文件's label, the later blocks'
        // headings and items, then its three numbers; the fee, named last above
        // them, has two columns.
        let text = "第二十条第(一)项\n信息内容\n本年新制作数量\n本年新公开数量\n对外公开总数量\n4\n1\n27\n规章\n\
                    规范性文件\n第二十条第(五)项\n信息内容\n行政许可\n其他对外管理服务事项\n第二十条第(八)项\n信息内容\n\
                    行政事业性收费\n第二十条第(九)项\n信息内容\n\n6\n\n3\n\n40\n";
        let r = disclosures(text, Template::T2019);
        assert_eq!(values(&r, "regulation"), [4.0, 1.0, 27.0]);
        assert_eq!(values(&r, "normative_document"), [6.0, 3.0, 40.0]);
        assert_eq!(values(&r, "administrative_fee"), [] as [f64; 0]);
        // As many numbers as the fee's columns: the fee's.
        let r = disclosures(&text.replace("\n\n40\n", "\n"), Template::T2019);
        assert_eq!(values(&r, "normative_document"), [] as [f64; 0]);
        assert_eq!(values(&r, "administrative_fee"), [6.0, 3.0]);
    }

    #[test]
    fn a_block_s_last_column_cell_on_the_next_block_s_row_its_heads_between_is_the_block_s() {
        // A Word table by plain `pdftotext`: the blocks' labels, then their columns a
        // head at a time; the fee's change printed after (九)'s heads, on its row.
        let text = "第二十条第(一)项\n信息内容\n本年新制作数量\n本年新公开数量\n对外公开总数量\n1\n1\n20\n规章\n规范性文件\n\
                    第二十条第(五)项\n信息内容\n\n行政许可\n其他对外管理服务事项\n第二十条第(六)项\n信息内容\n\n行政处罚\n\
                    行政强制\n第二十条第(八)项\n信息内容\n行政事业性收费\n第二十条第(九)项\n信息内容\n\n4\n\n4\n\n30\n\n\
                    上一年项目数量\n2\n6\n\n本年增/减\n\n处理决定数量\n\n-1\n-2\n\n3\n9\n\n上一年项目数量\n5\n1\n\n\
                    本年增/减\n\n处理决定数量\n\n减少 4\n2\n\n7\n2\n\n上一年项目数量\n9\n\n本年增/减\n\n采购项目数量\n\n\
                    采购总金额\n\n0\n\n12\n\n45678 元\n三、收到和处理政府信息公开申请情况\n\n政府集中采购\n";
        let r = disclosures(text, Template::T2019);
        assert_eq!(values(&r, "normative_document"), [4.0, 4.0, 30.0]);
        assert_eq!(values(&r, "administrative_fee"), [9.0, 0.0]);
        assert_eq!(values(&r, "centralized_procurement"), [12.0, 45678.0]);
        assert!(!r.has_issue("cells_extra") && !r.has_issue("table_empty"), "{:?}", r.issues);
    }

    #[test]
    fn a_one_item_block_s_change_with_no_number_under_its_head_takes_the_number_right_after_the_columns() {
        // Plain `pdftotext` of a Word table: the fee's change printed after
        // 政府集中采购's columns, a blank line after the amount.
        let items = "第二十条第(五)项\n信息内容\n\n行政许可\n其他对外管理服务事项\n第二十条第(六)项\n信息内容\n\n\
                     行政处罚\n行政强制\n第二十条第(八)项\n信息内容\n行政事业性收费\n第二十条第(九)项\n信息内容\n\
                     政府集中采购\n\n";
        // (五)'s change column a number short, its last a change in words after (六)'s columns.
        let five_six = "上一年项目数量\n9\n10\n\n本年增/减\n\n处理决定数量\n\n-8\n\n0\n1\n\n上一年项目数量\n6\n51\n\n\
                        本年增/减\n\n处理决定数量\n\n4\n-12\n\n36\n1\n\n减少 10\n\n";
        let text = |fee_change: &str| {
            format!(
                "{items}{five_six}上一年项目数量(指 2019\n年事项数)\n8\n\n本年增/减\n\n采购项目数量\n17\n\n采购总金额\n\
                 0.05 万元\n{fee_change}三、收到和处理政府信息公开申请情况\n"
            )
        };
        let r = disclosures(&text("\n0\n\n"), Template::T2019);
        assert_eq!(values(&r, "administrative_fee"), [8.0, 0.0], "{:?}", r.issues);
        assert_eq!(values(&r, "centralized_procurement"), [17.0, 500.0]);
        let other = [("previous_count", 10.0), ("change", -10.0), ("decisions", 1.0)];
        assert_eq!(metrics(&r, "other_management_service"), other);
        assert!(!r.has_issue("table_empty"), "{:?}", r.issues);
        // A label between the amount and the number, or no blank line: not the change.
        for after in ["\n说明\n0\n\n", "0\n\n"] {
            let r = disclosures(&text(after), Template::T2019);
            assert_eq!(values(&r, "administrative_fee"), [0.0; 0], "{after:?}");
            assert_eq!(values(&r, "administrative_license"), [9.0, -8.0, 0.0]);
            assert!(r.has_issue("table_empty"), "{:?}", r.issues);
        }
    }

    #[test]
    fn the_last_block_s_column_run_on_with_the_next_table_s_numbers_after_a_blank_line_is_read() {
        // Plain `pdftotext` of a 2021 Word table: the blocks' labels, 表三's, then
        // the columns a head at a time; the fee's amount, a blank line, 表三's numbers.
        let text = |fee: &str| {
            format!(
                "第二十条第(五)项\n信息内容\n行政许可\n第二十条第(六)项\n信息内容\n行政处罚\n行政强制\n\
                 第二十条第(八)项\n信息内容\n行政事业性收费\n三、收到和处理政府信息公开申请情况\n自然人\n总计\n\
                 一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n\n本年处理决定数量\n44\n\
                 本年处理决定数量\n66\n4\n本年收费金额(单位:万元)\n{fee}22\n1\n12\n1\n"
            )
        };
        let r = disclosures(&text("15.79\n\n"), Template::T2021);
        assert_eq!(values(&r, "administrative_license"), [44.0]);
        assert_eq!(values(&r, "administrative_coercion"), [4.0]);
        assert_eq!(values(&r, "administrative_fee"), [157_900.0]);
        assert!(!r.has_issue("table_empty"), "{:?}", r.issues);
        // No blank line between: whose numbers run on is not known.
        let r = disclosures(&text("15.79\n"), Template::T2021);
        assert_eq!(values(&r, "administrative_fee"), [0.0; 0]);
        assert!(r.has_issue("table_empty"), "{:?}", r.issues);
    }

    #[test]
    fn a_row_short_of_cells_with_a_number_printed_with_its_sign_has_that_one_in_the_change_column() {
        // Plain `pdftotext` of a Word table that leaves a 0 blank: 其他对外管理服务事项
        // held none the year before, 10 fewer this year (the count printed blank),
        // 9 decisions.
        let text = |other: &str| {
            format!(
                "第二十条第(五)项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n1\n-4\n3\n行政许可\n{other}\n\
                 其他对外管理服务\n事项\n第二十条第(六)项\n"
            )
        };
        let read = |other: &str| {
            let r = disclosures(&text(other), Template::T2019);
            (metrics(&r, "other_management_service"), r.has_issue("cells_unaligned"))
        };
        assert_eq!(read("-10\n9"), (vec![("change", -10.0), ("decisions", 9.0)], false));
        assert_eq!(read("增加 3"), (vec![("change", 3.0)], false));
        assert_eq!(read("7\n+2"), (vec![("previous_count", 7.0), ("change", 2.0)], false));
        // No number with its sign: the first columns, a guess, flagged.
        assert_eq!(read("10\n9"), (vec![("previous_count", 10.0), ("change", 9.0)], true));
        // Two with a sign: not told.
        assert!(read("-10\n-9").1);
    }
}
