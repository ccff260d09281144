//! 表三's rows printed short of their cells, their numbers read whole but not
//! their columns: a table that leaves a cell empty for none, or marks it with
//! a lone `-` that plain `pdftotext` drops (it takes the mark for a word broken
//! at the line's end), prints `6` / `1` / `7` for 6, 0, 0, 0, 1, 0, 7.
//!
//! A row's numbers keep their order: the last is its 总计 where the others add
//! up to it, the others stand in its applicants' columns in the order printed,
//! the columns between them 0. A row of no number at all is a row of zeros.
//! Of every way to so place the short rows, those where each column's results
//! add up to (七)总计's and 一 + 二 = (七) + 四 in each column are kept (only
//! those with each row's first number its natural persons', as most rows
//! print, where some such way holds), and each column of a row is read where
//! all of them put the same number in it; the others are left unread. A sum
//! is taken only where every one of its rows is read, whole or short, and its
//! 总计 column holds as printed: else the rows may be read with other rows'
//! numbers.

use std::collections::HashSet;

use crate::template::{self, Role, Template, APPLICANTS};

/// A row of 表三 as read.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Read {
    /// Its every column.
    Whole(Vec<i64>),
    /// Its numbers, fewer than its columns, in the order printed.
    Short(Vec<i64>),
    /// Not read, or read in a way that tells nothing of its columns.
    Unknown,
}

/// The applicants' columns (all but 总计).
const COLUMNS: usize = 6;

/// The sums the rows are placed by, each a row's column in each.
const SUMS: usize = 2;

/// What the sums hold so far: for each sum and column, what its rows leave.
type State = [i64; SUMS * COLUMNS];

/// Most states the ways of placing may reach after a row: a table of many
/// short rows of like numbers has more ways than are worth walking, and
/// few of its rows are told.
const MAX_STATES: usize = 20_000;

/// A column of a short row as the sums tell it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Column {
    /// The row's number (its index among those printed).
    Number(usize),
    /// Empty: 0.
    Blank,
    /// The ways that hold the sums put different numbers there.
    Untold,
}

/// For each row of `t`'s 表三 (`rows`, in the template's order) read short
/// and taken in a sum, each of its columns as every way of placing the rows
/// that holds the sums tells it (see the module); `None` for the others, and
/// for all where no way holds.
pub(super) fn placed(rows: &[Read], t: Template) -> Vec<Option<Vec<Column>>> {
    let mut out = vec![None; rows.len()];
    let specs = template::request_rows(t);
    if APPLICANTS.len() != COLUMNS + 1 || specs.len() != rows.len() {
        return out;
    }
    let ways: Vec<Option<Vec<Vec<usize>>>> = rows.iter().map(ways_of).collect();
    let sums: Vec<Vec<(usize, i64)>> =
        sums(&specs).into_iter().filter(|sum| holds_as_printed(sum, rows, &ways)).collect();
    // Each short row in a sum taken, with how it counts in each.
    let mut short: Vec<(usize, [i64; SUMS])> = Vec::new();
    let mut start: State = [0; SUMS * COLUMNS];
    for (s, sum) in sums.iter().enumerate() {
        for &(r, sign) in sum {
            match &rows[r] {
                Read::Whole(cells) => (0..COLUMNS).for_each(|c| start[s * COLUMNS + c] += sign * cells[c]),
                _ => match short.iter_mut().find(|(row, _)| *row == r) {
                    Some((_, signs)) => signs[s] = sign,
                    None => {
                        let mut signs = [0; SUMS];
                        signs[s] = sign;
                        short.push((r, signs));
                    }
                },
            }
        }
    }
    if short.is_empty() {
        return out;
    }
    // Each short row's ways, with what each adds to the state.
    let adds: Vec<Ways> = short
        .iter()
        .map(|&(r, signs)| {
            let values = values(&rows[r]);
            let ways = ways[r].as_deref().unwrap_or_default();
            ways.iter().map(|way| (added(&values, way, signs), way)).collect()
        })
        .collect();
    let Some(any) = taken(start, &adds) else { return out };
    // (Where the sums hold with every row's first number its natural persons',
    // as most rows print, the rows are read so.)
    let first: Vec<Ways> = adds.iter().map(|ways| natural_first(ways)).collect();
    for ((r, _), ways) in short.iter().zip(taken(start, &first).unwrap_or(any)) {
        let Read::Short(numbers) = &rows[*r] else { continue };
        out[*r] = Some(columns(numbers, &ways));
    }
    out
}

/// A short row's columns (its `numbers`), told where every way of `ways`
/// puts the same number in it.
fn columns(numbers: &[i64], ways: &[&Vec<usize>]) -> Vec<Column> {
    let at = |way: &[usize], c: usize| way.iter().position(|&w| w == c);
    let value = |way: &[usize], c: usize| at(way, c).map_or(0, |i| numbers[i]);
    (0..=COLUMNS)
        .map(|c| match ways.split_first() {
            Some((first, others)) if others.iter().all(|w| value(w, c) == value(first, c)) => {
                at(first, c).map_or(Column::Blank, Column::Number)
            }
            _ => Column::Untold,
        })
        .collect()
}

/// The sums every column holds: the results less (七)总计, and 一 + 二 less
/// (七) and 四; each as its rows (indices into `specs`) and their signs.
fn sums(specs: &[&template::Row]) -> Vec<Vec<(usize, i64)>> {
    let role = |role: Role| specs.iter().position(|s| s.role == role);
    let mut out = Vec::new();
    if let Some(total) = role(Role::TotalProcessed) {
        let results = (0..specs.len()).filter(|&r| specs[r].role == Role::Result).map(|r| (r, 1));
        out.push(results.chain([(total, -1)]).collect());
    }
    let identity =
        [(Role::NewReceived, 1), (Role::CarriedOver, 1), (Role::TotalProcessed, -1), (Role::CarriedForward, -1)];
    if let Some(rows) = identity.iter().map(|&(r, sign)| Some((role(r)?, sign))).collect() {
        out.push(rows);
    }
    out
}

/// Whether every row of `sum` is read (a short one with a way to place it)
/// and its 总计 column holds as printed.
fn holds_as_printed(sum: &[(usize, i64)], rows: &[Read], ways: &[Option<Vec<Vec<usize>>>]) -> bool {
    let total = |r: usize| match &rows[r] {
        Read::Whole(cells) => Some(cells[COLUMNS]),
        Read::Short(numbers) if ways[r].is_some() => Some(numbers.last().copied().unwrap_or(0)),
        _ => None,
    };
    let totals: Option<i64> = sum.iter().map(|&(r, sign)| Some(sign * total(r)?)).sum();
    totals == Some(0)
}

/// The numbers a row places in its applicants' columns: all a short row's
/// but its 总计.
fn values(row: &Read) -> Vec<i64> {
    match row {
        Read::Short(numbers) => numbers.split_last().map_or(Vec::new(), |(_, others)| others.to_vec()),
        _ => Vec::new(),
    }
}

/// The ways to place a short row: for each, the column of each number but
/// the last (in the order printed, among the applicants'), that of the last
/// 总计. `None` for a row not read short, or whose numbers do not add up to
/// its last (the row is another's in part, or cut); a row of no number
/// has its one way, all 0.
fn ways_of(row: &Read) -> Option<Vec<Vec<usize>>> {
    let Read::Short(numbers) = row else { return None };
    let Some((total, others)) = numbers.split_last() else { return Some(vec![Vec::new()]) };
    if others.iter().sum::<i64>() != *total || others.len() > COLUMNS || numbers.iter().any(|&v| v <= 0) {
        return None;
    }
    let mut out = Vec::new();
    let mut columns = Vec::with_capacity(numbers.len());
    each_choice(0, others.len(), &mut columns, &mut |cols| {
        out.push(cols.iter().copied().chain([COLUMNS]).collect());
    });
    Some(out)
}

/// Calls `found` with each rising choice of `left` more columns from `from` on.
fn each_choice(from: usize, left: usize, cols: &mut Vec<usize>, found: &mut impl FnMut(&[usize])) {
    if left == 0 {
        found(cols);
        return;
    }
    for c in from..=COLUMNS - left {
        cols.push(c);
        each_choice(c + 1, left - 1, cols, found);
        cols.pop();
    }
}

/// What placing `values` in the columns `way` adds to the state, the row
/// counting `signs` in each sum.
fn added(values: &[i64], way: &[usize], signs: [i64; SUMS]) -> State {
    let mut out = [0; SUMS * COLUMNS];
    for (s, sign) in signs.iter().enumerate() {
        for (v, &c) in values.iter().zip(way) {
            out[s * COLUMNS + c] += sign * v;
        }
    }
    out
}

/// A row's ways to place its numbers, each with what it adds to the state.
type Ways<'w> = Vec<(State, &'w Vec<usize>)>;

/// Of a row's `ways`, those with its first number its natural persons'.
fn natural_first<'w>(ways: &Ways<'w>) -> Ways<'w> {
    ways.iter().filter(|(_, way)| way.len() < 2 || way[0] == 0).copied().collect()
}

fn plus(a: &State, b: &State) -> State {
    std::array::from_fn(|i| a[i] + b[i])
}

/// For each row (`adds`, its ways and what each adds), the ways it takes in
/// the placings of all the rows from `start` that leave every sum 0; `None`
/// where no placing does, or the ways are too many to walk.
fn taken<'w>(start: State, adds: &[Ways<'w>]) -> Option<Vec<Vec<&'w Vec<usize>>>> {
    // The least and most the rows from each on can still add to each sum.
    let mut reach = vec![([0i64; SUMS * COLUMNS], [0i64; SUMS * COLUMNS]); adds.len() + 1];
    for i in (0..adds.len()).rev() {
        let (mut low, mut high) = reach[i + 1];
        for s in 0..SUMS * COLUMNS {
            low[s] += adds[i].iter().map(|(a, _)| a[s]).min().unwrap_or(0);
            high[s] += adds[i].iter().map(|(a, _)| a[s]).max().unwrap_or(0);
        }
        reach[i] = (low, high);
    }
    let open = |state: &State, (low, high): &(State, State)| {
        (0..SUMS * COLUMNS).all(|s| state[s] + low[s] <= 0 && state[s] + high[s] >= 0)
    };
    // Forward: the states reached after each row that may still end at 0.
    let mut layers: Vec<HashSet<State>> = vec![HashSet::from([start])];
    for (i, ways) in adds.iter().enumerate() {
        let mut next = HashSet::new();
        for state in &layers[i] {
            for (add, _) in ways {
                let to = plus(state, add);
                if open(&to, &reach[i + 1]) {
                    next.insert(to);
                }
            }
        }
        if next.is_empty() || next.len() > MAX_STATES {
            return None;
        }
        layers.push(next);
    }
    // Backward: the states from which the rows after end at 0, and the ways
    // each row takes between two such.
    let mut ending: HashSet<State> = HashSet::from([[0; SUMS * COLUMNS]]);
    let mut out = vec![Vec::new(); adds.len()];
    for i in (0..adds.len()).rev() {
        let mut before = HashSet::new();
        for state in &layers[i] {
            for (add, way) in &adds[i] {
                if ending.contains(&plus(state, add)) {
                    before.insert(*state);
                    if !out[i].iter().any(|w: &&Vec<usize>| std::ptr::eq(*w, *way)) {
                        out[i].push(*way);
                    }
                }
            }
        }
        if out[i].is_empty() {
            return None;
        }
        ending = before;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::super::numbers_first::tests::{get, lines, requests, HEAD};
    use super::*;

    /// Each row of a 表三 with its cells.
    type Table = Vec<(&'static str, [i64; 7])>;

    /// The results of the tables below but one: granted, in part, a state secret.
    const RESULTS: [(&str, [i64; 7]); 3] = [
        ("granted", [10, 3, 0, 0, 0, 0, 13]),
        ("partially_granted", [4, 0, 1, 0, 0, 0, 5]),
        ("denied_state_secret", [1, 0, 0, 4, 0, 0, 5]),
    ];

    /// A 2021 表三 that adds up: 一, 二, the `results` (the others 0), (七)总计, 四.
    fn table(results: &[(&'static str, [i64; 7])]) -> Table {
        let total: [i64; 7] = std::array::from_fn(|c| results.iter().map(|r| r.1[c]).sum());
        let carried_over = [2, 0, 0, 0, 0, 1, 3];
        let carried_forward = [4, 0, 0, 0, 0, 0, 4];
        let new_received: [i64; 7] = std::array::from_fn(|c| total[c] + carried_forward[c] - carried_over[c]);
        let given = [
            ("new_received", new_received),
            ("carried_over", carried_over),
            ("total_processed", total),
            ("carried_forward", carried_forward),
        ];
        let cells = |key: &str| given.iter().chain(results).find(|g| g.0 == key).map_or([0; 7], |g| g.1);
        template::request_rows(Template::T2021).iter().map(|s| (s.key, cells(s.key))).collect()
    }

    /// `RESULTS` with `last`.
    fn with(last: (&'static str, [i64; 7])) -> Table {
        table(&[RESULTS[0], RESULTS[1], RESULTS[2], last])
    }

    /// `rows` as plain `pdftotext` prints a Word table of them that leaves its
    /// zeros blank: each row's numbers before its label; the first column of
    /// the row after `glued` on `glued`'s label's line.
    fn printed(rows: &[(&str, [i64; 7])], glued: &str) -> String {
        let labels = template::request_rows(Template::T2021).iter().map(|s| s.label).collect::<Vec<_>>();
        let mut text = HEAD.to_string();
        let mut moved = None;
        for (((key, row), label), next) in rows.iter().zip(&labels).zip(rows.iter().skip(1).map(Some).chain([None])) {
            let mut printed: Vec<i64> = row.iter().copied().filter(|&v| v != 0).collect();
            if moved.take().is_some() {
                printed.remove(0);
            }
            text += &lines(&printed);
            text += label;
            if *key == glued {
                let first = next.map_or(0, |n| n.1[0]);
                text += &format!(" {first}");
                moved = Some(first);
            }
            text += "\n";
        }
        text
    }

    /// The rows as a table printing no number for none reads them: short, but
    /// a row of seven numbers whole.
    fn read(rows: &[(&str, [i64; 7])]) -> Vec<Read> {
        let read = |r: &[i64; 7]| {
            let printed: Vec<i64> = r.iter().copied().filter(|&v| v != 0).collect();
            if printed.len() == 7 { Read::Whole(r.to_vec()) } else { Read::Short(printed) }
        };
        rows.iter().map(|(_, r)| read(r)).collect()
    }

    /// What each row's columns read as (`-1` not told), where told.
    fn told(read: &[Read]) -> Vec<Option<Vec<i64>>> {
        let placed = placed(read, Template::T2021);
        let value = |numbers: &[i64], c: &Column| match *c {
            Column::Number(i) => numbers[i],
            Column::Blank => 0,
            Column::Untold => -1,
        };
        let cells = |(r, p): (&Read, &Option<Vec<Column>>)| match (r, p) {
            (Read::Short(numbers), Some(p)) => Some(p.iter().map(|c| value(numbers, c)).collect()),
            _ => None,
        };
        read.iter().zip(&placed).map(cells).collect()
    }

    #[test]
    fn short_rows_are_placed_where_every_way_that_holds_the_sums_places_them() {
        let rows = with(("unable_not_held", [3, 0, 0, 0, 2, 1, 6]));
        let read = read(&rows);
        for (((key, row), placed), read) in rows.iter().zip(told(&read)).zip(&read) {
            let short = matches!(read, Read::Short(_));
            assert_eq!(placed.as_deref(), short.then_some(&row[..]), "{key}");
        }
    }

    #[test]
    fn numbers_two_ways_place_alike_leave_only_those_columns_untold() {
        // Two rows of a 1 each beside their first, in research and in social
        // welfare organisations: either may be the other's.
        let not_held = ("unable_not_held", [3, 0, 0, 0, 2, 2, 7]);
        let rows = table(&[RESULTS[0], RESULTS[1], ("denied_state_secret", [1, 0, 0, 1, 0, 0, 2]), not_held]);
        let placed = told(&read(&rows));
        let at = |key: &str| rows.iter().position(|r| r.0 == key).unwrap();
        assert_eq!(placed[at("partially_granted")].as_deref(), Some(&[4, 0, -1, -1, 0, 0, 5][..]));
        assert_eq!(placed[at("denied_state_secret")].as_deref(), Some(&[1, 0, -1, -1, 0, 0, 2][..]));
        assert_eq!(placed[at("granted")].as_deref(), Some(&[10, 3, 0, 0, 0, 0, 13][..]));
        assert_eq!(placed[at("unable_not_held")].as_deref(), Some(&[3, 0, 0, 0, 2, 2, 7][..]));
    }

    #[test]
    fn a_sum_whose_totals_do_not_hold_as_printed_places_none() {
        let rows = with(("unable_not_held", [3, 0, 0, 0, 2, 1, 6]));
        let mut read = read(&rows);
        // (Another row's numbers read as 四's: the identity's totals fail, the results' hold.)
        let forward = rows.iter().position(|r| r.0 == "carried_forward").unwrap();
        read[forward] = Read::Short(vec![4, 2, 6]);
        let placed = told(&read);
        assert_eq!(placed[forward], None);
        assert!(placed.iter().filter(|t| t.is_some()).count() > 3);
        // (A result not read: the results' sum is not taken either, nothing left.)
        let secret = rows.iter().position(|r| r.0 == "denied_state_secret").unwrap();
        read[secret] = Read::Unknown;
        assert!(told(&read).iter().all(Option::is_none));
    }

    #[test]
    fn a_table_printing_no_mark_for_none_is_read_where_the_sums_tell() {
        // Each row's numbers on lines of their own before its label, none for
        // its zeros (a lone `-` dropped), a row of zeros no number at all.
        let rows = with(("unable_not_held", [3, 0, 0, 0, 2, 1, 6]));
        let text = printed(&rows, "");
        let r = requests(&text);
        for (key, row) in &rows {
            assert_eq!(get(&r, key), row, "{key} {:?}", r.issues);
        }
        assert!(r.has_issue("cells_inferred") && !r.has_issue("cells_unaligned"), "{:?}", r.issues);
    }

    #[test]
    fn a_row_s_first_column_printed_on_the_line_of_the_label_above_is_read_as_its_own() {
        // 8.属于行政查询事项 prints none for natural persons; (四)1's first column
        // stands on its label's line: `2` / `5` / `7` / `8.属于行政查询事项 70`.
        let mut rows = with(("unable_not_held", [70, 2, 1, 1, 3, 3, 80]));
        let query = rows.iter().position(|r| r.0 == "denied_admin_query").unwrap();
        rows[query].1 = [0, 2, 0, 0, 0, 5, 7];
        let total = rows.iter().position(|r| r.0 == "total_processed").unwrap();
        let new = rows.iter().position(|r| r.0 == "new_received").unwrap();
        for (c, v) in rows[query].1.into_iter().enumerate() {
            rows[total].1[c] += v;
            rows[new].1[c] += v;
        }
        let r = requests(&printed(&rows, "denied_admin_query"));
        assert_eq!(get(&r, "denied_admin_query"), [0, 2, 0, 0, 0, 5, 7], "{:?}", r.issues);
        assert_eq!(get(&r, "unable_not_held"), [70, 2, 1, 1, 3, 3, 80], "{:?}", r.issues);
    }
}
