//! Reads the template tables (表二, 表三, 表四) from the rows of a layout.
//!
//! Rows are matched to the template in printed order: each row that carries cells
//! is given the first template row, at or after the last one matched, whose cue
//! its label contains. A label that matches nothing is joined with the label-only
//! rows just before it (a label wrapped above its numbers) and then with those just
//! after it (wrapped below). Cells go to columns by position: as delimited in pipe
//! layouts, and by character column in aligned text, where a blank cell leaves no
//! trace and the columns of the full rows tell where each number belongs.

use crate::normalize::Search;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::cells::{Cell, CellUnit, Frag, Kind, Row, Value};
use super::numerals::scaled;
use crate::report::{DisclosureFact, LitigationFact, Report, RequestFact};
use crate::template::{self, Template, Unit};

mod all_zeros;
mod bands;
mod blanks;
mod beside_requests;
mod columns;
mod cut_rows;
mod disclosures;
mod first_column;
mod first_rows;
mod group_totals;
mod guesses;
mod halved;
mod labels_first;
mod labels_together;
mod last_columns;
mod last_rows;
mod late_columns;
mod lead_bands;
mod litigation;
mod named_columns;
mod numbers_first;
mod outcomes_before;
mod page_totals;
mod pooled;
mod runs_apart;
mod requests;
mod rows_by_columns;
mod split_rows;
mod total_order;
mod under_litigation;
mod wide_numbers;
mod wrapped_bands;
mod zero_rows;

pub use disclosures::read_disclosures;
pub use litigation::read_litigation;
pub use requests::read_requests;


/// An empty cell in a filled table.
const ZERO: Value = Value { number: 0.0, unit: None };

/// The most lines of label alone a row's label wraps over above its numbers.
const MAX_LABEL_LINES: usize = 3;

/// The result of walking rows against a list of template rows.
struct Walk {
    /// (template row index, layout row index), in order.
    matches: Vec<(usize, usize)>,
    /// The first layout row after the table.
    end: usize,
}

/// The cues of a list of template rows, found in a label in one pass.
struct Cues {
    rows: usize,
    automaton: AhoCorasick,
    /// For each distinct cue (pattern), the rows it names.
    rows_of: Vec<Vec<usize>>,
    /// Each row's item number within its group (`(三)7.属于行政执法案卷`: 7), if numbered.
    items: Vec<Option<u32>>,
}

impl Cues {
    fn new(cues: &[&[&str]], items: Vec<Option<u32>>) -> Cues {
        let mut patterns: Vec<&str> = Vec::new();
        let mut rows_of: Vec<Vec<usize>> = Vec::new();
        for (j, row_cues) in cues.iter().enumerate() {
            for cue in row_cues.iter() {
                match patterns.iter().position(|p| p == cue) {
                    Some(k) => rows_of[k].push(j),
                    None => {
                        patterns.push(cue);
                        rows_of.push(vec![j]);
                    }
                }
            }
        }
        let automaton = AhoCorasick::new(&patterns).expect("template cues make an automaton");
        Cues { rows: cues.len(), automaton, rows_of, items }
    }

    /// The cues of 表三's rows in `t`.
    fn requests(t: Template) -> &'static Cues {
        static CUES: LazyLock<Vec<(Template, Cues)>> = LazyLock::new(|| {
            TABLE_TEMPLATES
                .iter()
                .map(|&t| {
                    let rows = template::request_rows(t);
                    let items = rows.iter().map(|r| item_number(r.label)).collect();
                    (t, Cues::new(&rows.iter().map(|r| r.cues).collect::<Vec<_>>(), items))
                })
                .collect()
        });
        Self::of(&CUES, t)
    }

    /// The cues of 表二's items in `t`, block after block.
    fn disclosures(t: Template) -> &'static Cues {
        static CUES: LazyLock<Vec<(Template, Cues)>> = LazyLock::new(|| {
            let items = |t: Template| -> Vec<&'static [&'static str]> {
                template::disclosure_blocks(t).iter().flat_map(|b| b.items.iter().map(|i| i.2)).collect()
            };
            TABLE_TEMPLATES.iter().map(|&t| (t, Cues::new(&items(t), vec![None; items(t).len()]))).collect()
        });
        Self::of(&CUES, t)
    }

    fn of(cues: &'static [(Template, Cues)], t: Template) -> &'static Cues {
        // Tables are read against a table template; the 2021 one by default.
        cues.iter().find(|c| c.0 == t).map_or(&cues[0].1, |c| &c.1)
    }
}

/// The templates that print tables, the first the default.
const TABLE_TEMPLATES: [Template; 2] = [Template::T2021, Template::T2019];

/// Whether a label names both proceedings of 表四, as its heading does
/// (`四、政府信息公开行政复议、行政诉讼情况`).
fn names_litigation(label: &str) -> bool {
    template::LITIGATION_ANCHORS.iter().all(|a| label.has(a))
}

/// The template row (index `from` or later) that `label` names: the cue that ends
/// last in the label wins (the first row among those that end there), so that a
/// row label glued after a header (`…总计一、本年新收…`) is read as that row.
fn best_match(label: &str, cues: &Cues, from: usize) -> Option<usize> {
    let label = super::cells::without_notes(label);
    let mut best: Option<(usize, usize)> = None; // (end of cue in label, index)
    for m in cues.automaton.find_overlapping_iter(label.as_ref()) {
        let end = m.end();
        for &j in &cues.rows_of[m.pattern().as_usize()] {
            if j >= from && best.is_none_or(|(e, bj)| end > e || (end == e && j < bj)) {
                best = Some((end, j));
            }
        }
    }
    best.map(|(_, j)| j)
}

/// How many rows after a label that names a row ahead of its place are looked
/// at for the rows between.
const AHEAD_ROWS: usize = 8;

/// How many rows ahead of the first a label names one out of its place (two
/// rows' labels wrapped together name rows a step or two apart).
const MIN_AHEAD: usize = 4;

/// Which of the template rows `cues` lists a label in `rows` names: a cue of
/// the row printed in one row's label.
fn rows_named(rows: &[Row], cues: &Cues) -> Vec<bool> {
    let mut named = vec![false; cues.rows];
    for row in rows {
        let label = super::cells::without_notes(row.label());
        for m in cues.automaton.find_overlapping_iter(label.as_ref()) {
            for &j in &cues.rows_of[m.pattern().as_usize()] {
                named[j] = true;
            }
        }
    }
    named
}

/// The first template row from `from` on whose cue `label` holds.
fn first_match(label: &str, cues: &Cues, from: usize) -> Option<usize> {
    let label = super::cells::without_notes(label);
    let hits = cues.automaton.find_overlapping_iter(label.as_ref());
    hits.flat_map(|m| &cues.rows_of[m.pattern().as_usize()]).copied().filter(|&j| j >= from).min()
}

/// Rows with numbers that name no template row, one after another, past which
/// a table has ended: a template table has a row for each of its lines.
const MAX_MISSES: usize = 64;

fn walk(rows: &[Row], start: usize, cues: &Cues, stop: impl Fn(&str) -> bool) -> Walk {
    let mut matches = Vec::new();
    let mut next = 0;
    let mut orphans: Vec<usize> = Vec::new();
    let mut misses = 0;
    let mut looks_ahead = 0;
    // Whether numbers alone after a block's heading were found the row whose
    // label follows them.
    let mut labels_after = false;
    let mut k = start;
    while k < rows.len() && next < cues.rows {
        let row = &rows[k];
        let own = row.label();
        if row.kind == Kind::Prose || (k > start && stop(own)) || misses > MAX_MISSES {
            break;
        }
        if row.cells.is_empty() {
            orphans.push(k);
            k += 1;
            continue;
        }
        // (The lines of label alone above, from a block's heading of 表二 on: an item
        // of the block before names none of the numbers after it.)
        let heading = orphans.iter().rposition(|&o| rows[o].label().has(template::DISCLOSURE_ANCHOR));
        let before: String = orphans[heading.map_or(0, |h| h + 1)..].iter().map(|&o| rows[o].label()).collect();
        // (The lines of label alone below, up to a block's heading of 表二: no item's words.)
        let alone = |a: &usize| rows[*a].is_orphan() && !rows[*a].label().has(template::DISCLOSURE_ANCHOR);
        let after: Vec<&str> = (k + 1..rows.len()).take_while(alone).take(2).map(|a| rows[a].label()).collect();
        let first_after = after.first().copied().unwrap_or_default();
        // The label as printed around the numbers, the nearest pieces first: on
        // their line with the pieces above, or the line below; each label column
        // joined in place where a narrow column wrapped it (`(三)不予公 1.属于国家`
        // over `开 秘密`), with the line below, above, or both; then all the
        // pieces above and below run together.
        let below = (!after.is_empty()).then(|| &rows[k + 1]);
        let above = orphans.last().map(|&o| &rows[o]);
        // (A label that starts a row, `5.要求行政机关确`, ends no label above that names a row
        // itself, `4.无正当理由大量反复申请`: the row's label goes on below.)
        let starts_own = numbers_first::numbered(own) && best_match(&before, cues, next).is_some();
        // (Every line above stacked too: a group's band label, `三、本年度办理结果`, printed
        // between the lines of a row's label, `1.本机关不` over `(四)无法提供 掌握相关`.)
        let all_above = || {
            let lines: Vec<&Row> = orphans.iter().map(|&o| &rows[o]).chain([row]).chain(below).collect();
            if orphans.len() > 1 { stacked(&lines) } else { String::new() }
        };
        let attempts: [&dyn Fn() -> (String, usize); 8] = [
            &|| (if starts_own { String::new() } else { format!("{before}{own}") }, 0),
            &|| (format!("{own}{first_after}"), after.len().min(1)),
            &|| (below.map_or(String::new(), |b| stacked(&[row, b])), 1),
            &|| (above.map_or(String::new(), |a| stacked(&[a, row])), 0),
            &|| (above.zip(below).map_or(String::new(), |(a, b)| stacked(&[a, row, b])), 1),
            &|| (format!("{before}{own}{first_after}"), after.len().min(1)),
            &|| (all_above(), usize::from(below.is_some())),
            &|| (format!("{own}{}", after.concat()), after.len()),
        ];
        // (Numbers alone right after a block's heading of 表二, where the table was
        // seen to print numbers before their label: the label after them, where it
        // names a row, is theirs, whatever the label above names: `第二十条第(六)项`
        // / … / `行政处罚` / `3` / `行政强制`, 行政处罚's mark for none lost.)
        let alone = row.labels.is_empty() && heading.is_some();
        let after_first = (labels_after && alone).then(|| best_match(first_after, cues, next)).flatten();
        let found = after_first.map(|j| (j, 1)).or_else(|| best_match(own, cues, next).map(|j| (j, 0))).or_else(|| {
            attempts.iter().find_map(|attempt| {
                let (label, used) = attempt();
                best_match(&label, cues, next).map(|j| (j, used))
            })
        });
        // A label that names a row well ahead as well as the next one (a web
        // page's PDF prints `四、结转下年度继续办理` beside `三、本年度办理结果`), the
        // rows between named after it: the numbers are the first named row's.
        let named_later = |from: usize, to: usize| {
            let later = rows[k + 1..].iter().take(AHEAD_ROWS);
            later.filter_map(|r| first_match(r.label(), cues, from)).any(|j| j < to)
        };
        // (The first row named among the labels alone before the numbers; looked
        // for a table's rows of times at most.)
        // (Not an item's label, `3.要求提供公开出版物`: the table's innermost label
        // column prints it beside its own numbers.)
        let far = found.is_some_and(|(j, _)| j >= next + MIN_AHEAD)
            && !before.is_empty()
            && !names_an_item(own)
            && looks_ahead < cues.rows;
        let found = found.map(|(j, used)| match far.then(|| first_match(&before, cues, next)).flatten() {
            Some(first) if first + MIN_AHEAD <= j && named_later(first + 1, j) => (first, used),
            _ => (j, used),
        });
        // A label whose words were lost (`7.属于行政执法锻卷`: a page read in the wrong
        // encoding, a misread scan) still prints its item's number: where that is the
        // number of the row expected next and the label names no row (but past the one
        // a label below names), the numbers are that row's, not those of a row that a
        // label below names; and a label below that prints it, with none above, names
        // that row.
        let expected = cues.items.get(next).copied().flatten();
        // (Looked at where no row is found, or one a line below names, not the item expected.)
        let open = expected
            .is_some_and(|n| found.is_none_or(|(j, used)| used > 0 && j != next && cues.items[j] != Some(n)));
        // The item's number this row's label prints, on its line or the nearest above (`7.属于行政执`).
        let item_above =
            || item_number(own).or_else(|| orphans.iter().rev().find_map(|&o| item_number(rows[o].label())));
        let names_none = |label: &str| first_match(label, cues, 0).is_none();
        // (A row whose label is set above, out of its place, `四、结转下年度继续办理` among
        // (六)'s rows, is past the one a line below names.)
        let names_none_up_to_found = |label: &str| {
            first_match(label, cues, 0).is_none_or(|named| found.is_some_and(|(j, _)| named > j))
        };
        let item_below = || after.first().filter(|l| names_an_item(l) && names_none(l)).and_then(|l| item_number(l));
        let found = match (expected, open.then(item_above).flatten()) {
            (Some(n), Some(m)) if n == m && names_none_up_to_found(&format!("{before}{own}")) => Some((next, 0)),
            (Some(n), None) if open && found.is_none() && item_below() == Some(n) => Some((next, 1)),
            _ => found,
        };
        looks_ahead += usize::from(far);
        let mut used_after = 0;
        if let Some((j, used)) = found {
            matches.push((j, k));
            next = j + 1;
            used_after = used;
            labels_after |= alone && used > 0;
            misses = 0;
        } else {
            misses += 1;
        }
        orphans.clear();
        k += 1 + used_after;
    }
    Walk { matches, end: k }
}

/// Whether a label starts with an item's number (`3.要求提供公开出版物`), as the
/// rows within a group of 表三 are numbered.
fn names_an_item(label: &str) -> bool {
    let digits = label.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && label[digits..].starts_with(['.', '．'])
}

/// The number of the first item a label prints (`(三)不予公开1.属于国家秘密`: 1): a
/// number of one or two digits, not part of a longer one, followed by a full stop
/// and no digit.
fn item_number(label: &str) -> Option<u32> {
    let b = label.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let rest = &label[i + digits..];
        let after_stop = rest.strip_prefix('.').or_else(|| rest.strip_prefix('．'));
        if digits <= 2 && after_stop.is_some_and(|r| r.chars().next().is_some_and(|c| !c.is_ascii_digit())) {
            return label[i..i + digits].parse().ok();
        }
        i += digits;
    }
    None
}

/// The label of a row printed over several lines (`lines`, top to bottom), a
/// narrow column wrapping each label column in place: the pieces that start
/// at one column (within [`SAME_COLUMN`]) joined down the lines, then the
/// columns left to right.
fn stacked(lines: &[&Row]) -> String {
    let start = |f: &Frag| f.center - (f.text.chars().count() as f64 - 1.0) / 2.0;
    let mut columns: Vec<(f64, String)> = Vec::new();
    for piece in lines.iter().flat_map(|r| &r.labels) {
        let at = start(piece);
        let text = crate::normalize::squash(piece.text);
        match columns.iter_mut().find(|c| (c.0 - at).abs() <= SAME_COLUMN) {
            Some(column) => column.1.push_str(&text),
            None => columns.push((at, text.into_owned())),
        }
    }
    columns.sort_by(|a, b| a.0.total_cmp(&b.0));
    columns.into_iter().map(|c| c.1).collect()
}

/// The most columns apart two pieces of one label column start.
const SAME_COLUMN: f64 = 3.0;

/// Column centres estimated from the aligned rows that fill every column (a
/// row of numbers a line, as raw `pdftotext` prints them, tells none).
fn centers(rows: &[Row], matched: impl Iterator<Item = usize>, n: usize) -> Option<Vec<f64>> {
    let aligned = |r: &&Row| !r.delimited && !r.vertical && r.cells.len() == n;
    let full: Vec<&Row> = matched.map(|k| &rows[k]).filter(aligned).collect();
    if full.is_empty() {
        return None;
    }
    Some(
        (0..n)
            .map(|c| {
                let mut xs: Vec<f64> = full.iter().map(|r| r.cells[c].center).collect();
                xs.sort_by(f64::total_cmp);
                xs[xs.len() / 2]
            })
            .collect(),
    )
}

/// Places values (left to right) into columns (left to right) so that the total
/// distance to the column centres is smallest.
fn align(values: &[f64], centers: &[f64]) -> Vec<usize> {
    let (m, n) = (values.len(), centers.len());
    // cost[i][j]: best cost of placing values[..i] in columns[..j].
    let mut cost = vec![vec![f64::INFINITY; n + 1]; m + 1];
    let mut take = vec![vec![false; n + 1]; m + 1];
    for c in cost[0].iter_mut() {
        *c = 0.0;
    }
    for i in 1..=m {
        for j in i..=n {
            let skip = cost[i][j - 1];
            let place = cost[i - 1][j - 1] + (values[i - 1] - centers[j - 1]).abs();
            if place <= skip {
                cost[i][j] = place;
                take[i][j] = true;
            } else {
                cost[i][j] = skip;
            }
        }
    }
    let mut out = vec![0; m];
    let (mut i, mut j) = (m, n);
    while i > 0 {
        if take[i][j] {
            out[i - 1] = j - 1;
            i -= 1;
        }
        j -= 1;
    }
    out
}

/// The `n` cells of a delimited row that has more: separators leave an empty cell
/// after a row, and a label spanning two columns leaves one before it. Trailing
/// empties go first; a leading empty goes when the last cell holds a value.
fn trim_to(cells: &[Cell], n: usize) -> &[Cell] {
    let mut cells = cells;
    while cells.len() > n {
        let last_empty = cells.last().is_some_and(|c| c.value.is_none());
        let first_empty = cells.first().is_some_and(|c| c.value.is_none());
        cells = if !last_empty && first_empty { &cells[1..] } else { &cells[..cells.len() - 1] };
    }
    cells
}

/// How the cells of one row were put into columns.
enum Placed {
    /// Every column known: `None` value is an empty cell (0 in a filled table).
    All(Vec<Cell>),
    /// Some columns unknown.
    Some(Vec<Option<Cell>>, &'static str),
    /// Every column, but a guess: a row's one number, 0, in the column a lone
    /// number goes in and every other cell empty, so 0 as well (a layout may
    /// print a row's other numbers elsewhere, which the sums tell).
    Filled(Vec<Cell>),
}

/// Puts the cells of `row` into `n` columns. `lone` is the column a single number
/// belongs to when nothing else tells.
fn place(row: &Row, n: usize, centers: Option<&[f64]>, lone: Option<usize>) -> Placed {
    let cells = &row.cells;
    let blank = Cell { value: None, offset: row.offset, center: 0.0 };
    if cells.len() >= n {
        if row.delimited {
            return Placed::All(trim_to(cells, n).to_vec());
        }
        if cells.len() == n {
            return Placed::All(cells.to_vec());
        }
        // Aligned text with extra numbers: the values are the rightmost ones.
        return Placed::Some(cells[cells.len() - n..].iter().copied().map(Some).collect(), "cells_extra");
    }
    if !row.delimited {
        if let Some(cs) = centers {
            let xs: Vec<f64> = cells.iter().map(|c| c.center).collect();
            let mut out = vec![blank; n];
            for (cell, col) in cells.iter().zip(align(&xs, cs)) {
                out[col] = *cell;
            }
            return Placed::All(out);
        }
    }
    let mut out = vec![None; n];
    let values: Vec<&Cell> = cells.iter().filter(|c| c.value.is_some()).collect();
    if let (Some(col), [only]) = (lone, values.as_slice()) {
        // A lone 0: the row's other cells are empty, so 0 as well.
        if is_zero(only) {
            let mut all = vec![blank; n];
            all[col] = **only;
            return Placed::Filled(all);
        }
        out[col] = Some(**only);
        return Placed::Some(out, "");
    }
    // A row of 表三 holding two equal numbers and no empty cell (`3 | 3 |`, the
    // empty cells between them dropped, or its marks for none): the first
    // applicant's column and the total, by the row's sum; flagged, as it is
    // inferred.
    if let (Some(total), [first, last]) = (lone, cells.as_slice()) {
        if total + 1 == n && n > 2 && first.value.is_some() && first.value == last.value {
            let mut out: Vec<Option<Cell>> = vec![Some(blank); n];
            (out[0], out[total]) = (Some(*first), Some(*last));
            return Placed::Some(out, "cells_inferred");
        }
    }
    // A row of zeros short of a cell or two (a separator lost): its columns are all 0,
    // whichever one is missing.
    if all_zero(cells, n) {
        let mut all = cells.clone();
        all.resize(n, blank);
        return Placed::All(all);
    }
    for (slot, cell) in out.iter_mut().zip(cells) {
        *slot = Some(*cell);
    }
    Placed::Some(out, "cells_unaligned")
}

/// How many digits a cell's whole count is printed with (`1736`: 4); `None`
/// for any other value (a decimal, a unit, a mark for none).
fn digits_of(text: &str, cell: &Cell) -> Option<u32> {
    let token = text.get(cell.offset..).unwrap_or_default();
    let d = token.bytes().take_while(u8::is_ascii_digit).count();
    let whole = cell.value.is_some_and(|v| v.unit.is_none() && v.number.fract() == 0.0);
    (whole && d > 0 && !token[d..].starts_with(['.', ','])).then_some(d as u32)
}

/// The number of `head` with the `digits` digits of `tail` written after it
/// (`105` and `8`: 1058), a wide number its narrow cell wrapped.
fn with_digits(head: &Cell, tail: &Cell, digits: u32) -> Value {
    Value { number: head.number() * 10f64.powi(digits as i32) + tail.number(), unit: None }
}

/// The sets of `k` bits among the lowest `m` (`0 < k`, `m < 32`), in
/// increasing order: [`MAX_JOININGS`] at most where [`one_joining`] asks.
fn bit_sets(m: usize, k: usize) -> impl Iterator<Item = u32> {
    let first = (k <= m).then(|| (1u32 << k) - 1);
    let next = |&set: &u32| {
        let low = set & set.wrapping_neg();
        let carry = set + low;
        Some((((carry ^ set) >> 2) / low) | carry)
    };
    std::iter::successors(first, next).take_while(move |&set| set < 1 << m)
}

/// The most readings [`one_joining`] tries: more ways to join than that (a
/// table of many lone numbers, a few of them wrapped) are not looked at.
const MAX_JOININGS: u64 = 4096;

/// Numbers too wide for their narrow cells, their last digits printed on a
/// line of their own: `pieces` read with `extra` of the places `joins` (each
/// such last digits) joined to the number before, the one reading `accept`
/// takes. `Ok(None)` where it takes none or there are more than
/// [`MAX_JOININGS`] ways, `Err(())` where it takes two that differ.
fn one_joining(
    text: &str,
    pieces: &[Cell],
    joins: &[usize],
    extra: usize,
    accept: impl Fn(&[Cell]) -> bool,
) -> Result<Option<Vec<Cell>>, ()> {
    // (C(joins, extra): fewer than 32 joins keep it within a u64.)
    let m = joins.len() as u64;
    let ways = (0..extra.min(joins.len()) as u64).fold(1u64, |ways, i| ways * (m - i) / (i + 1));
    if ways > MAX_JOININGS {
        return Ok(None);
    }
    // (Each piece's bit among the joins, where it may join.)
    let bits: Vec<u32> =
        (0..pieces.len()).map(|i| joins.iter().position(|&j| j == i).map_or(0, |b| 1 << b)).collect();
    let mut found: Option<Vec<Cell>> = None;
    for pick in bit_sets(joins.len(), extra) {
        let mut out: Vec<Cell> = Vec::with_capacity(pieces.len() - extra);
        for (i, c) in pieces.iter().enumerate() {
            let joined = pick & bits[i] != 0;
            match (joined, out.last_mut()) {
                (true, Some(head)) => {
                    head.value = Some(with_digits(head, c, digits_of(text, c).unwrap_or(0)));
                }
                _ => out.push(*c),
            }
        }
        if accept(&out) {
            if found.as_ref().is_some_and(|f| !f.iter().map(Cell::number).eq(out.iter().map(Cell::number))) {
                return Err(());
            }
            found = Some(out);
        }
    }
    Ok(found)
}

/// Whether a cell holds a printed 0.
fn is_zero(cell: &Cell) -> bool {
    cell.value.is_some_and(|v| v.number == 0.0 && v.unit.is_none())
}

/// Whether a row of counts adds up: its applicants' (all but the last) to its
/// 总计 (the last).
fn counts_add_up(cells: &[i64]) -> bool {
    cells.split_last().is_some_and(|(total, others)| others.iter().sum::<i64>() == *total)
}

/// Whether `cells`, at least half of the `n` a row has, all hold a printed 0.
fn all_zero(cells: &[Cell], n: usize) -> bool {
    cells.len() * 2 >= n && cells.iter().all(is_zero)
}

fn placed_cells(report: &mut Report, what: &str, placed: Placed) -> Vec<Option<Cell>> {
    match placed {
        Placed::All(cells) | Placed::Filled(cells) => cells.into_iter().map(Some).collect(),
        Placed::Some(cells, code) => {
            match code {
                "" => {}
                "cells_inferred" => {
                    let why = "two equal numbers and no empty cell, read as the first column and the total";
                    report.flag(code, format!("{what}: {why}"));
                }
                _ => report.flag(code, format!("{what}: cells could not all be placed in columns")),
            }
            cells
        }
    }
}

/// The count a cell holds, or `None` (flagged, naming the cell as `what`
/// says) when it holds no count.
fn count(report: &mut Report, what: impl FnOnce() -> String, v: Value) -> Option<i64> {
    let count = as_count(v);
    if count.is_none() {
        report.flag("non_integer_count", format!("{}: {} is not a count", what(), v.number));
    }
    count
}

/// The count a value is: a whole number, no unit; `None` otherwise.
fn as_count(v: Value) -> Option<i64> {
    (v.unit.is_none() && v.number.fract() == 0.0 && v.number.abs() <= 1e15).then_some(v.number as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cells::rows;

    #[test]
    fn a_walk_ends_after_a_run_of_rows_that_name_no_template_row() {
        let text = format!("一、本年新收政府信息公开申请数量 1 2 3\n{}", "其他事项 1 2\n".repeat(1000));
        let (_, rs) = rows(&text);
        let w = walk(&rs, 0, Cues::requests(Template::T2021), |_| false);
        assert_eq!(w.matches.len(), 1);
        assert!(w.end <= MAX_MISSES + 2, "{}", w.end);
    }

    #[test]
    fn an_items_number_is_read_where_a_label_prints_it() {
        assert_eq!(item_number("(三)不予公开1.属于国家秘密"), Some(1));
        assert_eq!(item_number("12．其他"), Some(12));
        assert_eq!(item_number("(三)7.属于行政执法案卷"), Some(7));
        for none in ["一、本年新收", "2023.5", "第123.其他", "(一)予以公开", "3"] {
            assert_eq!(item_number(none), None, "{none}");
        }
    }

    #[test]
    fn extra_delimited_cells_are_trimmed_from_the_right_end() {
        let c = |v: Option<f64>| Cell { value: v.map(|number| Value { number, unit: None }), offset: 0, center: 0.0 };
        let nums = |cs: &[Cell]| cs.iter().map(|c| c.value.map(|v| v.number)).collect::<Vec<_>>();
        // A separator after the row: `22 | | 1 | 23 | |`.
        let row = [c(Some(22.0)), c(None), c(Some(1.0)), c(Some(23.0)), c(None)];
        assert_eq!(nums(trim_to(&row, 4)), vec![Some(22.0), None, Some(1.0), Some(23.0)]);
        // A label spanning two columns: `| 一、本年新收… | | 41 | 5 | 46 |`.
        let row = [c(None), c(Some(41.0)), c(Some(5.0)), c(Some(46.0))];
        assert_eq!(nums(trim_to(&row, 3)), vec![Some(41.0), Some(5.0), Some(46.0)]);
    }

    #[test]
    fn numbers_a_line_tell_no_column_centres() {
        let (_, rs) = rows("一、本年新收政府信息公开申请数量\n1\n0\n2\n0\n0\n0\n3\n二、上年结转 1  2  3  4  5  6  21\n");
        let numbers = rs.iter().position(|r| r.vertical).expect("a row of numbers a line");
        assert_eq!(rs[numbers].cells.len(), 7);
        assert!(centers(&rs, [numbers].into_iter(), 7).is_none());
        let aligned = rs.len() - 1;
        assert_eq!(centers(&rs, [numbers, aligned].into_iter(), 7).map(|c| c.len()), Some(7));
    }

    #[test]
    fn alignment_keeps_order_and_prefers_nearest() {
        assert_eq!(align(&[10.0, 40.0], &[10.0, 20.0, 30.0, 40.0]), vec![0, 3]);
        assert_eq!(align(&[21.0], &[10.0, 20.0, 30.0]), vec![1]);
    }
}
