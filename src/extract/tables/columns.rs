//! 表二's blocks printed a column at a time, as plain `pdftotext` prints a
//! Word table: where each block is printed, which blocks lack their column
//! heads over their items, and their columns read from each head's numbers.

use super::*;
use crate::extract::cells::in_words;

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
/// each item. A change column a number short takes as its last a change in
/// words printed after the blocks' columns (plain `pdftotext` prints such a
/// cell there), in turn, where there is one for each such column; a one-item
/// block's change column with no number under its head (the next head right
/// after it) takes the number printed after a blank line on the row of the
/// columns' numbers, likewise. The heads'
/// numbers may come first on a later block's row (see [`beside_a_block`]), or
/// run on, after a blank line, with the next table's.
/// Reading stops at 表四.
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
    let mut heads: Heads = Default::default();
    // The change columns read short of their last item's cell and the changes
    // in words printed after the columns; those of one-item blocks that read
    // no cell (the head followed by the next's) and the numbers printed after
    // the columns', a blank line between (`本年增/减` / `采购项目数量` / `39` /
    // `采购总金额` / `35703 元` / (blank) / `0`).
    let (mut worded, mut bare) = (Ends::default(), Ends::default());
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
                let queued = heads.iter().any(|&(qb, qc, ..)| (qb, qc) == (b, c));
                if read[b][c].is_none() && !queued && !named.contains(&head) && label.has(head) {
                    heads.push_back((b, c, label, k));
                    named.push(head);
                }
            }
        }
        if !(row.is_numbers_alone() && row.has_value()) {
            continue;
        }
        // Changes in words after the columns, no head waiting.
        let room = row.cells.len() <= worded.room();
        if room && heads.is_empty() && row.cells.iter().all(|c| in_words(text, c)) {
            worded.cells.extend_from_slice(&row.cells);
            continue;
        }
        let Some(Numbered { heads: n, first_short, tail, own }) =
            numbering(text, (rows, k), blocks, &read, &heads, worded.room())
        else {
            // The heads waiting are not these numbers', and their blocks are not read so.
            heads.drain(..).for_each(|(b, ..)| failed[b] = true);
            continue;
        };
        let (mut cells, changes) = row.cells[..own].split_at(own - tail);
        for (k, (b, c, head, _)) in heads.drain(..n).enumerate() {
            let short_here = first_short && k == 0;
            let (own, rest) = cells.split_at(blocks[b].items.len() - usize::from(short_here));
            if short_here {
                let ends = if own.is_empty() { &mut bare } else { &mut worded };
                ends.columns.push((b, c));
            }
            read[b][c] = Some((own.to_vec(), head));
            cells = rest;
        }
        worded.cells.extend_from_slice(changes);
        // (The numbers after the heads', a blank line between, just as many as
        // the columns that read no cell wait for: theirs.)
        let after = &row.cells[own..];
        if !after.is_empty() && after.len() == bare.room() {
            bare.cells.extend_from_slice(after);
        }
    }
    worded.put(&mut read, &mut failed);
    bare.put(&mut read, &mut failed);
    read.into_iter()
        .zip(failed)
        .map(|(columns, failed)| columns.into_iter().collect::<Option<Vec<_>>>().filter(|_| !failed))
        .collect()
}

/// The heads waiting for their numbers: (block, column, head's label, row).
type Heads<'r> = std::collections::VecDeque<(usize, usize, &'r str, usize)>;

/// How a row of numbers meets the heads waiting: how many heads it numbers,
/// whether the first is a change column read short of its last cell, how many
/// changes in words end the heads' numbers, and how many of the row's
/// numbers are theirs (the rest another's).
struct Numbered {
    heads: usize,
    first_short: bool,
    tail: usize,
    own: usize,
}

/// How row `k`'s numbers meet the heads waiting (`heads`; `room`: how many
/// changes in words the columns read short still wait for), the ways tried
/// in turn; `None` where they are not those heads' numbers.
fn numbering(
    text: &str,
    (rows, k): (&[Row], usize),
    blocks: &[&template::DisclosureBlock],
    read: &[Reading],
    heads: &Heads,
    room: usize,
) -> Option<Numbered> {
    let cells = &rows[k].cells;
    let waiting: Vec<(usize, usize)> = heads.iter().map(|&(b, ..)| (b, blocks[b].items.len())).collect();
    let first_change = heads.front().is_some_and(|&(b, c, ..)| blocks[b].columns[c].metric == "change");
    let all = |heads: usize, first_short: bool, tail: usize| Numbered { heads, first_short, tail, own: cells.len() };
    // (Each head's numbers in turn; or a change column short of its last
    // cell first, changes in words ending the row.)
    let numbered = heads_numbered(text, cells, &waiting).map(|n| all(n, false, 0)).or_else(|| {
        let tail = worded_tail(text, cells);
        let front = &cells[..cells.len() - tail];
        let n = heads_numbered(text, front, &waiting).filter(|_| tail <= room).map(|n| all(n, false, tail));
        let short_first = || change_short(text, front, &waiting).filter(|_| first_change && tail <= room + 1);
        n.or_else(|| short_first().map(|n| all(n, true, tail)))
    });
    // (Or a one-item block's change column, its head followed by the next
    // head, no number under it, then the next heads' numbers.)
    let numbered = numbered.or_else(|| {
        let one = waiting.first().is_some_and(|w| w.1 == 1) && first_change;
        one.then(|| heads_numbered(text, cells, &waiting[1..])).flatten().map(|n| all(n + 1, true, 0))
    });
    // (Or the heads' numbers first on a later block's row, that block's heads printed between.)
    let numbered = numbered.or_else(|| {
        let since = heads.front().map_or(k, |&(.., row)| row);
        beside_a_block(rows, blocks, read, &waiting, (since, k)).then(|| all(waiting.len(), false, 0))
    });
    // (Or all the heads' numbers, then after a blank line others': the last
    // block's column printed just before 表三's numbers, run on with them.)
    numbered.or_else(|| {
        let own = before_the_next_table(text, cells, &waiting)?;
        Some(Numbered { heads: waiting.len(), first_short: false, tail: 0, own })
    })
}

/// Change columns read short of a cell, (block, column) in turn, and the
/// cells printed after the blocks' columns that end them, in turn.
#[derive(Default)]
struct Ends {
    columns: Vec<(usize, usize)>,
    cells: Vec<Cell>,
}

impl Ends {
    /// How many more cells the columns wait for.
    fn room(&self) -> usize {
        self.columns.len().saturating_sub(self.cells.len())
    }

    /// Each column's last cell, in turn, where there is one for each;
    /// otherwise those blocks are not read so.
    fn put(self, read: &mut [Reading], failed: &mut [bool]) {
        let whole = self.cells.len() == self.columns.len();
        for (k, (b, c)) in self.columns.into_iter().enumerate() {
            match (self.cells.get(k).filter(|_| whole), &mut read[b][c]) {
                (Some(cell), Some((cells, _))) => cells.push(*cell),
                _ => failed[b] = true,
            }
        }
    }
}

/// Whether the numbers of row `k` are the heads waiting's (`waiting`, see
/// [`heads_numbered`]) then a later block's row: as many after the heads'
/// as the columns of a block not read so, none of its columns waiting, each of
/// whose heads is printed on the rows from the first head waiting's (`since`)
/// to `k` (plain `pdftotext` of a Word table: `本年增/减` / `采购项目数量` /
/// `采购总金额` / `0 42 258939 元`, the fee's change then 政府集中采购's row).
fn beside_a_block(
    rows: &[Row],
    blocks: &[&template::DisclosureBlock],
    read: &[Reading],
    waiting: &[(usize, usize)],
    (since, k): (usize, usize),
) -> bool {
    let need: usize = waiting.iter().map(|w| w.1).sum();
    let Some(rest) = rows[k].cells.len().checked_sub(need).filter(|&r| r > 0 && need > 0) else { return false };
    let labels: String = rows[since..k].iter().map(|r| r.label()).collect();
    (0..blocks.len()).any(|b| {
        let unread = read[b].iter().all(Option::is_none) && waiting.iter().all(|w| w.0 != b);
        let columns = blocks[b].columns;
        unread && columns.len() == rest && columns.iter().all(|c| labels.has(head_of(c)))
    })
}

/// Where a row of numbers `cells` holds the numbers of all the heads waiting
/// (`waiting`, see [`heads_numbered`]) then, after a blank line, more: how
/// many are the heads'. The rest are another's: the next table's printed on,
/// or a block's whose heads come later.
fn before_the_next_table(text: &str, cells: &[Cell], waiting: &[(usize, usize)]) -> Option<usize> {
    let need: usize = waiting.iter().map(|w| w.1).sum();
    let fits = need > 0 && need < cells.len() && parted(text, cells, need);
    (fits && heads_numbered(text, &cells[..need], waiting) == Some(waiting.len())).then_some(need)
}

/// Whether a blank line parts `cells[at - 1]` from `cells[at]` (two columns'
/// numbers, each column's lines one after another).
fn parted(text: &str, cells: &[Cell], at: usize) -> bool {
    let between = text.get(cells[at - 1].offset..cells[at].offset).unwrap_or_default();
    between.matches('\n').count() >= 2
}

/// How many of a row's last `cells` are changes in words (`增加 12`, `减少 20`)
/// after a blank line, plain `pdftotext` of a Word table printing them after the
/// blocks' columns, each the last cell of a change column read short (see
/// [`change_short`]); none but where others are before them.
fn worded_tail(text: &str, cells: &[Cell]) -> usize {
    let tail = cells.iter().rev().take_while(|c| in_words(text, c)).count();
    let at = cells.len() - tail;
    if tail > 0 && at > 0 && parted(text, cells, at) {
        tail
    } else {
        0
    }
}

/// Where [`heads_numbered`] finds no run of heads: a row of numbers `cells`
/// whose first head waiting (`waiting`, see there) is a change column read
/// short of its last item's cell, the next heads' numbers after it in turn
/// (plain `pdftotext` of a Word table prints a change in words after the
/// blocks' columns: `-12` / `1` `7` / … / `减少 20`). How many heads the row
/// numbers. `None` where it is not so, or the numbers fit the first heads
/// only and the heads waiting are of two blocks.
fn change_short(text: &str, cells: &[Cell], waiting: &[(usize, usize)]) -> Option<usize> {
    // Where each run of lines (a blank line before the next) starts, and the end.
    let mut starts: Vec<usize> =
        std::iter::once(0).chain((1..cells.len()).filter(|&at| parted(text, cells, at))).collect();
    starts.push(cells.len());
    let len = |run: usize| starts[run + 1] - starts[run];
    if cells.is_empty() || len(0) + 1 != waiting.first()?.1 {
        return None;
    }
    let (mut heads, mut run) = (1, 1);
    while run + 1 < starts.len() && heads < waiting.len() && len(run) == waiting[heads].1 {
        (heads, run) = (heads + 1, run + 1);
    }
    let one_block = waiting.iter().all(|w| w.0 == waiting[0].0);
    (run + 1 == starts.len() && (heads == waiting.len() || one_block)).then_some(heads)
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
    ((n == waiting.len() || one_block) && ends[..n - 1].iter().all(|&at| parted(text, cells, at))).then_some(n)
}
