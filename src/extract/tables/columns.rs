//! 表二's blocks printed a column at a time, as plain `pdftotext` prints a
//! Word table: where each block is printed, which blocks lack their column
//! heads over their items, and their columns read from each head's numbers.

use super::*;

/// A block's columns read one at a time: each column's cells (one an item)
/// and its header's label.
pub(super) type Columns<'r> = Vec<(Vec<Cell>, &'r str)>;

/// A block's columns as they are read: each column's cells and head's label, once read.
type Reading<'r> = Vec<Option<(Vec<Cell>, &'r str)>>;

/// 表二's blocks printed a column at a time (plain `pdftotext` of a Word table):
/// a block's items with no header over them (its column heads moved away with
/// the numbers; `last_item`, the row of each such block's last item), then
/// later, among other text (表三's labels), each column's head with its
/// numbers, one an item, on lines of their own under it. Heads over several
/// columns come first and their numbers after, column after column. Each head
/// goes to the first block that has that column and whose items came before
/// it; a block is read so only when every column of it is, with a number for
/// each item. Reading stops at 表四.
pub(super) fn by_columns<'r>(
    text: &str,
    rows: &'r [Row],
    blocks: &[&template::DisclosureBlock],
    last_item: &[Option<usize>],
) -> Vec<Option<Columns<'r>>> {
    let Some(&from) = last_item.iter().flatten().min() else {
        return vec![None; blocks.len()];
    };
    let mut read: Vec<Reading> = blocks.iter().map(|b| vec![None; b.columns.len()]).collect();
    let mut failed = vec![false; blocks.len()];
    // The heads waiting for their numbers: (block, column, label).
    let mut heads: std::collections::VecDeque<(usize, usize, &str)> = Default::default();
    for (k, row) in rows.iter().enumerate().skip(from + 1) {
        let label = row.label();
        if label.has(template::LITIGATION_ANCHORS[0]) {
            break;
        }
        // A head names one column: the first block's that lacks it.
        let mut named: Vec<&str> = Vec::new();
        for (b, block) in blocks.iter().enumerate() {
            if failed[b] || last_item[b].is_none_or(|i| i >= k) {
                continue;
            }
            for (c, column) in block.columns.iter().enumerate() {
                let head = head_of(column);
                let queued = heads.iter().any(|&(qb, qc, _)| (qb, qc) == (b, c));
                if read[b][c].is_none() && !queued && !named.contains(&head) && label.has(head) {
                    heads.push_back((b, c, label));
                    named.push(head);
                }
            }
        }
        if !(row.is_numbers_alone() && row.has_value()) {
            continue;
        }
        let waiting: Vec<(usize, usize)> = heads.iter().map(|&(b, ..)| (b, blocks[b].items.len())).collect();
        match heads_numbered(text, &row.cells, &waiting) {
            Some(n) => {
                let mut cells = row.cells.as_slice();
                for (b, c, head) in heads.drain(..n) {
                    let (own, rest) = cells.split_at(blocks[b].items.len());
                    read[b][c] = Some((own.to_vec(), head));
                    cells = rest;
                }
            }
            // The heads waiting are not these numbers', and their blocks are not read so.
            None => heads.drain(..).for_each(|(b, ..)| failed[b] = true),
        }
    }
    read.into_iter()
        .zip(failed)
        .map(|(columns, failed)| columns.into_iter().collect::<Option<Vec<_>>>().filter(|_| !failed))
        .collect()
}

/// A column's head as printed, without the unit a 2021 form adds.
pub(super) fn head_of(column: &template::Column) -> &'static str {
    column.label.split('(').next().unwrap_or(column.label)
}

/// Where each of 表二's blocks is printed: its 第二十条 line, and its first
/// and last item rows.
pub(super) struct Places {
    pub(super) anchor_at: Vec<Option<usize>>,
    pub(super) items_at: Vec<Option<(usize, usize)>>,
}

/// Where the blocks are printed in rows `start..end`; `items`: each item's
/// block and place in it, their cues.
pub(super) fn places(
    rows: &[Row],
    blocks: &[&template::DisclosureBlock],
    (items, cues): (&[(usize, usize)], &Cues),
    start: usize,
    end: usize,
) -> Places {
    let anchors: Vec<String> =
        blocks.iter().map(|b| format!("{}第{}", template::DISCLOSURE_ANCHOR, b.article)).collect();
    let mut anchor_at: Vec<Option<usize>> = vec![None; blocks.len()];
    let mut items_at: Vec<Option<(usize, usize)>> = vec![None; blocks.len()];
    for (k, row) in rows.iter().enumerate().take(end).skip(start) {
        let label = row.label();
        if label.is_empty() {
            continue;
        }
        if label.has(template::DISCLOSURE_ANCHOR) {
            for b in 0..blocks.len() {
                if anchor_at[b].is_none() && label.has(anchors[b].as_str()) {
                    anchor_at[b] = Some(k);
                }
            }
        }
        for m in cues.automaton.find_overlapping_iter(label) {
            for &j in &cues.rows_of[m.pattern().as_usize()] {
                let b = items[j].0;
                items_at[b] = Some(items_at[b].map_or((k, k), |(first, _)| (first, k)));
            }
        }
    }
    Places { anchor_at, items_at }
}

/// For each block of 表二 printed without its column heads over its items
/// (those of a block printed row by row are between its 第二十条 line and its
/// items), the row of its last item.
pub(super) fn unheaded(
    rows: &[Row],
    blocks: &[&template::DisclosureBlock],
    places: &Places,
    start: usize,
) -> Vec<Option<usize>> {
    let headed = |b: usize, first: usize| {
        let top = places.anchor_at[b].unwrap_or(start).min(first);
        rows[top..=first].iter().any(|r| blocks[b].columns.iter().any(|c| r.label().has(head_of(c))))
    };
    let items_at = &places.items_at;
    (0..blocks.len()).map(|b| items_at[b].filter(|&(first, _)| !headed(b, first)).map(|(_, last)| last)).collect()
}

/// How many of the heads waiting (`waiting`: each head's block and the numbers
/// it takes) a row of numbers `cells` holds, in turn, to its last number: lines
/// of numbers one after another run together in a row, a blank line parting
/// one column's from the next's. `None` where the numbers fit no run of heads,
/// or fit the first heads only and the heads waiting are of two blocks side by
/// side (whose numbers these are is not known).
fn heads_numbered(text: &str, cells: &[Cell], waiting: &[(usize, usize)]) -> Option<usize> {
    let ends: Vec<usize> = waiting
        .iter()
        .scan(0, |at, &(_, n)| {
            *at += n;
            Some(*at)
        })
        .collect();
    let n = ends.iter().position(|&e| e == cells.len())? + 1;
    let one_block = waiting.iter().all(|w| w.0 == waiting[0].0);
    let parted = |at: usize| {
        let between = text.get(cells[at - 1].offset..cells[at].offset).unwrap_or_default();
        between.matches('\n').count() >= 2
    };
    ((n == waiting.len() || one_block) && ends[..n - 1].iter().all(|&at| parted(at))).then_some(n)
}
