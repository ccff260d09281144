//! The 总计 cells of the rows that a group's label shares a line with
//! (`(三)不予公开 1.属于国家秘密`, `(四)无法提供 1.本机关不掌握相…`), which a page's
//! PDF prints a column short and their totals apart: after (七)总计's own
//! numbers, under a later group's heading, or under 表四's; given back in
//! order where each is its row's sum.

use super::*;
use crate::extract::cells::cells_add_up;
use super::labels_first::{place_of, MAX_ROWS};

/// Whether a row is the first of a group (see [`group_first`]).
pub(super) type GroupFirst<'a> = &'a dyn Fn(&Row) -> bool;

/// Whether a row is the first of a group, whose label shares its line
/// (`(四)无法提供 1.本机关不掌握…`): numbered 1, or naming such a row.
pub(super) fn group_first(row: &Row, cues: &Cues, specs: &[&template::Row]) -> bool {
    let label = row.label();
    let one = label.strip_prefix('1').is_some_and(|rest| rest.starts_with(['.', '、', '．']));
    one || place_of(row, cues).and_then(|j| specs.get(j)).copied().is_some_and(opens_group)
}

/// Whether a template row is the first of its group (`(四)1.本机关不掌握…`).
fn opens_group(spec: &template::Row) -> bool {
    spec.label.contains(")1.")
}

/// The 总计 column of the rows that a group's label shares a line with
/// (`group_first`), each a column short of it, printed by a page's PDF under a
/// later group's heading, which names no row (`1.申请人无正当理 10` / … /
/// `2 0 0 0 0` / `(六)其他处理` / `3 62 3 12` / `2.申请人逾期未按收…`): taken
/// where as many, in order, as such rows before it and each its row's sum.
pub(super) fn totals_under_group_heading(
    out: &mut [Row],
    built: &[usize],
    n: usize,
    cues: &Cues,
    group_first: GroupFirst,
) {
    let heading = |row: &Row| {
        let label = row.label();
        template::REQUEST_GROUPS.iter().any(|&(numeral, words)| label.starts_with(numeral) && label.has(words))
    };
    for (i, &at) in built.iter().enumerate() {
        let row = &out[at];
        if row.cells.is_empty() || row.cells.len() >= n || !heading(row) || place_of(row, cues).is_some() {
            continue;
        }
        let totals = row.cells.clone();
        if group_totals(out, &built[..i], &totals, n, group_first) {
            out[at].cells.clear();
            continue;
        }
        let Some((first, next)) = next_total_given_back(out, built, i, n, group_first) else { continue };
        if group_totals(out, &built[..i], &totals, n, group_first) {
            out[at].cells.clear();
        } else if let Some(last) = out[next].cells.pop() {
            out[first].cells.push(last);
        }
    }
}

/// Where a page prints a group's first row's total under the group's heading
/// (`built[i]`), the row's next may print its own up among that row's
/// numbers, so that the first row takes it as its last column (`1.本机关不掌握相`
/// / `69` / … / `1` / `25` / `(四)无法提供` / `76` / `2.没有现成信息需要` / `18`
/// …): the last row before the heading that a group's label shares a line
/// with, whole but its numbers not adding up, gives its last back to the first
/// row of numbers after the heading where that row is a column short and the
/// number is its sum. Returns those two rows where it did.
fn next_total_given_back(
    out: &mut [Row],
    built: &[usize],
    i: usize,
    n: usize,
    group_first: GroupFirst,
) -> Option<(usize, usize)> {
    let mut before = built[..i].iter().rev().take(MAX_ROWS);
    let &first = before.find(|&&r| group_first(&out[r]) && out[r].cells.len() == n)?;
    let &next = built[i + 1..].iter().find(|&&r| !out[r].cells.is_empty())?;
    let sum = out[next].cells.iter().map(Cell::number).sum::<f64>();
    let last = out[first].cells[n - 1];
    if cells_add_up(&out[first].cells) || out[next].cells.len() != n - 1 || last.number() != sum {
        return None;
    }
    out[first].cells.pop();
    out[next].cells.push(last);
    Some((first, next))
}

/// The 总计 column of the rows that a group's label shares a line with
/// (`group_first`), each a column short of it, printed by a page's PDF under
/// the heading of the table after (`after`, from 表四's heading: `四、政府信息
/// 公开行政复议、行政诉讼情况` / `3` / `73` / `8` / `8` / `行政复议`): the numbers
/// on lines of their own right under the heading, taken where as many, in
/// order, as such rows of `built` and each its row's sum.
pub(super) fn totals_under_next_heading(
    out: &mut [Row],
    built: &[usize],
    after: &[Row],
    n: usize,
    group_first: GroupFirst,
) {
    let under = after.iter().skip(1).take_while(|r| r.is_numbers_alone());
    let totals: Vec<Cell> = under.flat_map(|r| r.cells.iter().copied()).collect();
    group_totals(out, built, &totals, n, group_first);
}

/// The 总计 column of the rows that a group's label shares a line with
/// (`(三)不予公开 1.属于国家秘密`, `(四)无法提供 1.本机关不掌握相…`), which a page's
/// PDF prints after (七)总计's own numbers (`94 10 1 0 9 4 118` / `1 14 1 1`),
/// `at` being (七)总计's row (`sum_row`; its own may not add up, a sum
/// printed wrong, which the checks flag): see [`group_totals`].
pub(super) fn totals_after_sum(
    out: &mut [Row],
    before: &[usize],
    at: usize,
    n: usize,
    (sum_row, group_first): (GroupFirst, GroupFirst),
) -> bool {
    // (The cheap look first: a row short of its total before.)
    let short = || before.iter().rev().take(MAX_ROWS).any(|&r| out[r].cells.len() == n - 1);
    if !short() || !sum_row(&out[at]) {
        return false;
    }
    let totals = out[at].cells[n..].to_vec();
    let taken = group_totals(out, before, &totals, n, group_first);
    if taken {
        out[at].cells.truncate(n);
    }
    taken
}

/// Gives `totals`, in order, to the rows of `rows` that a group's label shares
/// a line with (`group_first`) and are a column short of 总计, where there are
/// as many and each total is its row's sum. Returns whether it did.
pub(super) fn group_totals(
    out: &mut [Row],
    rows: &[usize],
    totals: &[Cell],
    n: usize,
    group_first: GroupFirst,
) -> bool {
    let short_row = |r: usize| out[r].cells.len() == n - 1 && group_first(&out[r]);
    let short: Vec<usize> = rows.iter().rev().take(MAX_ROWS).rev().copied().filter(|&r| short_row(r)).collect();
    let sum = |r: usize| out[r].cells.iter().map(Cell::number).sum::<f64>();
    let sums = |(&r, t): (&usize, &Cell)| t.value.is_some_and(|v| v.number == sum(r));
    if short.is_empty() || totals.len() != short.len() || !short.iter().zip(totals).all(sums) {
        return false;
    }
    for (&r, &total) in short.iter().zip(totals) {
        out[r].cells.push(total);
    }
    true
}

/// The rows of 表三 with the groups' first rows' totals moved to them (see
/// [`totals_further_down`]).
pub(super) struct TotalsMoved<'a> {
    /// The rows, each total after its row's numbers and out of the row it was among.
    pub(super) rows: Vec<Row<'a>>,
    /// The rows of a single number given a total more than it: their two
    /// numbers are the first column (as a lone number within a label is
    /// read) and 总计, the columns between unknown.
    pub(super) first_and_total: Vec<usize>,
}

/// The 总计 cells of the groups' first rows (`(三)1.属于国家秘密`, `(四)1.本机关…`)
/// where plain `pdftotext` of a page's table printed those rows short of their
/// totals and the totals together further down the table: among a later row's
/// numbers, or on a line of their own between rows (`2.申请人逾期未按收 3` / … /
/// `2` / `17` / `2` / `1`). `matches` are the walk's (template row, layout
/// row), `end` the row after the table. The totals are taken in order, one
/// for each such row: a row a column short, its sum; a row holding a single
/// number (its other columns printed elsewhere, or 0), that number or more;
/// the rows holding one number are left out where that does not fit. Two
/// totals at least are sums not 0 of rows a column short (zeros stand
/// anywhere), and a row of the walk whose numbers add up never gives them.
/// Or the totals right under 表四's heading (`end`), where the flow carried
/// them past it (`四、政府信息公开行政复议、行政诉讼情况` / `1` / `37` / `1` / `4` /
/// `行政复议`): one a group in the template's order, from the run's first, a
/// group's first row not read taking its number, a row read whole none.
/// `None` where no such totals are found.
pub(super) fn totals_further_down<'a>(
    rows: &[Row<'a>],
    matches: &[(usize, usize)],
    end: usize,
    t: Template,
    n: usize,
) -> Option<TotalsMoved<'a>> {
    let specs = template::request_rows(t);
    let short = |k: usize| rows[k].cells.len() == n - 1 && rows[k].cells.iter().all(|c| c.value.is_some());
    let single = |k: usize| matches!(rows[k].cells.as_slice(), [c] if c.value.is_some());
    let sum = |k: usize| rows[k].cells.iter().map(Cell::number).sum::<f64>();
    let told = |of: &[usize]| of.iter().filter(|&&k| short(k) && sum(k) != 0.0).count() >= 2;
    let whole = |k: usize| {
        rows[k].cells.len() == n && cells_add_up(&rows[k].cells) && matches.iter().any(|m| m.1 == k)
    };
    let total_of = |k: usize, v: f64| if short(k) { v == sum(k) } else { v >= sum(k) };
    let firsts = matches.iter().filter(|&&(j, _)| opens_group(specs[j])).map(|m| m.1);
    let with_single: Vec<usize> = firsts.filter(|&k| short(k) || single(k)).collect();
    let without: Vec<usize> = with_single.iter().copied().filter(|&k| short(k)).collect();
    for of in [with_single, without] {
        let Some(&last) = of.last().filter(|_| told(&of)) else { continue };
        let fits = |w: &[Cell]| of.iter().zip(w).all(|(&k, c)| c.value.is_some_and(|v| total_of(k, v.number)));
        for h in (last + 1..end.min(rows.len())).filter(|&h| !whole(h)) {
            let Some(at) = rows[h].cells.windows(of.len()).position(fits) else { continue };
            let mut out = rows.to_vec();
            let totals: Vec<Cell> = out[h].cells.drain(at..at + of.len()).collect();
            return Some(moved(out, &of, &totals, short, sum));
        }
    }
    // (Under 表四's heading: each group's first row in turn takes the run's next number.)
    let run = super::last_columns::block_under_heading(rows, end)?;
    let mut run = run.iter();
    let (mut of, mut totals) = (Vec::new(), Vec::new());
    for j in (0..specs.len()).filter(|&j| opens_group(specs[j])) {
        match matches.iter().find(|m| m.0 == j).map(|m| m.1) {
            None => _ = run.next()?,
            Some(k) if rows[k].cells.len() == n => {}
            Some(k) if short(k) || single(k) => {
                let total = *run.next()?;
                if !total.value.is_some_and(|v| total_of(k, v.number)) {
                    return None;
                }
                of.push(k);
                totals.push(total);
            }
            Some(_) => return None,
        }
    }
    told(&of).then(|| moved(rows.to_vec(), &of, &totals, short, sum))
}

/// `rows` with each of `totals` after the numbers of its row of `of`; the rows
/// not `short` given a total more than their `sum` the first and a total.
fn moved<'a>(
    mut rows: Vec<Row<'a>>,
    of: &[usize],
    totals: &[Cell],
    short: impl Fn(usize) -> bool,
    sum: impl Fn(usize) -> f64,
) -> TotalsMoved<'a> {
    let mut first_and_total = Vec::new();
    for (&k, &total) in of.iter().zip(totals) {
        if !short(k) && total.number() != sum(k) {
            first_and_total.push(k);
        }
        rows[k].cells.push(total);
    }
    TotalsMoved { rows, first_and_total }
}
