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

/// An empty cell in a filled table.
const ZERO: Value = Value { number: 0.0, unit: None };

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
}

impl Cues {
    fn new(cues: &[&[&str]]) -> Cues {
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
        Cues { rows: cues.len(), automaton, rows_of }
    }

    /// The cues of 表三's rows in `t`.
    fn requests(t: Template) -> &'static Cues {
        static CUES: LazyLock<Vec<(Template, Cues)>> = LazyLock::new(|| {
            TABLE_TEMPLATES
                .iter()
                .map(|&t| (t, Cues::new(&template::request_rows(t).iter().map(|r| r.cues).collect::<Vec<_>>())))
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
            TABLE_TEMPLATES.iter().map(|&t| (t, Cues::new(&items(t)))).collect()
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

/// Rows with numbers that name no template row, one after another, past which
/// a table has ended: a template table has a row for each of its lines.
const MAX_MISSES: usize = 64;

fn walk(rows: &[Row], start: usize, cues: &Cues, stop: impl Fn(&str) -> bool) -> Walk {
    let mut matches = Vec::new();
    let mut next = 0;
    let mut orphans: Vec<usize> = Vec::new();
    let mut misses = 0;
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
        let before: String = orphans.iter().map(|&o| rows[o].label()).collect();
        let after: Vec<&str> = (k + 1..rows.len()).take_while(|&a| rows[a].is_orphan()).take(2).map(|a| rows[a].label()).collect();
        let first_after = after.first().copied().unwrap_or_default();
        // The label as printed around the numbers, the nearest pieces first: on
        // their line with the pieces above, or the line below; each label column
        // joined in place where a narrow column wrapped it (`(三)不予公 1.属于国家`
        // over `开 秘密`), with the line below, above, or both; then all the
        // pieces above and below run together.
        let below = (!after.is_empty()).then(|| &rows[k + 1]);
        let above = orphans.last().map(|&o| &rows[o]);
        let attempts: [&dyn Fn() -> (String, usize); 7] = [
            &|| (format!("{before}{own}"), 0),
            &|| (format!("{own}{first_after}"), after.len().min(1)),
            &|| (below.map_or(String::new(), |b| stacked(&[row, b])), 1),
            &|| (above.map_or(String::new(), |a| stacked(&[a, row])), 0),
            &|| (above.zip(below).map_or(String::new(), |(a, b)| stacked(&[a, row, b])), 1),
            &|| (format!("{before}{own}{first_after}"), after.len().min(1)),
            &|| (format!("{own}{}", after.concat()), after.len()),
        ];
        let found = best_match(own, cues, next).map(|j| (j, 0)).or_else(|| {
            attempts.iter().find_map(|attempt| {
                let (label, used) = attempt();
                best_match(&label, cues, next).map(|j| (j, used))
            })
        });
        let mut used_after = 0;
        if let Some((j, used)) = found {
            matches.push((j, k));
            next = j + 1;
            used_after = used;
            misses = 0;
        } else {
            misses += 1;
        }
        orphans.clear();
        k += 1 + used_after;
    }
    Walk { matches, end: k }
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

/// Column centres estimated from the aligned rows that fill every column.
fn centers(rows: &[Row], matched: impl Iterator<Item = usize>, n: usize) -> Option<Vec<f64>> {
    let full: Vec<&Row> = matched.map(|k| &rows[k]).filter(|r| !r.delimited && r.cells.len() == n).collect();
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
            return Placed::All(all);
        }
        out[col] = Some(**only);
        return Placed::Some(out, "");
    }
    // A row of 表三 holding two equal numbers and no empty cell (`3 | 3 |`, the
    // empty cells between them dropped): the first applicant's column and the
    // total, by the row's sum; flagged, as it is inferred.
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

/// The cells with each number printed with leading zeros (`00`, `01`) taken
/// for the numbers of neighbouring columns that touch: a count has no leading
/// zero, so each zero is a cell of its own and the rest another.
fn merged_apart(text: &str, cells: &[Cell]) -> Vec<Cell> {
    let mut out = Vec::with_capacity(cells.len() + 4);
    for &cell in cells {
        let token = text.get(cell.offset..).unwrap_or_default();
        let digits = token.bytes().take_while(u8::is_ascii_digit).count();
        let integer = !token[digits..].starts_with(['.', ',']);
        if digits < 2 || !token.starts_with('0') || !integer {
            out.push(cell);
            continue;
        }
        let zeros = token.bytes().take(digits - 1).take_while(|&b| b == b'0').count();
        let first = cell.center - (digits as f64 - 1.0) / 2.0;
        for k in 0..zeros {
            out.push(Cell { value: Some(ZERO), offset: cell.offset + k, center: first + k as f64 });
        }
        let rest = digits - zeros;
        let number = token[zeros..digits].parse::<f64>().unwrap_or(0.0);
        let center = first + zeros as f64 + (rest as f64 - 1.0) / 2.0;
        out.push(Cell { value: Some(Value { number, unit: None }), offset: cell.offset + zeros, center });
    }
    out
}

/// Kinds of organisation the full form's header names under 法人或其他组织.
const ORGANISATION_HEADS: &[&str] = &["商业", "科研", "公益", "法律服务"];

/// Whether 表三 counts legal persons and other organisations in one column
/// (`自然人 | 法人或其他组织 | 总计`, a form some agencies shortened): the header
/// names no kind of organisation, no row holds more than three cells, and the
/// rows of three cells (at least three of them) add up, 自然人 + 法人或其他组织
/// = 总计, all but one at most.
fn legal_persons_combined(rows: &[Row], walk: &Walk) -> bool {
    let Some(&(_, first)) = walk.matches.first() else { return false };
    // The header, a cell a row where each cell has a line.
    let header = &rows[first.saturating_sub(12)..first];
    if header.iter().any(|r| ORGANISATION_HEADS.iter().any(|w| r.label().has(w))) {
        return false;
    }
    let filled: Option<Vec<&[Cell]>> =
        walk.matches.iter().map(|m| &rows[m.1]).filter(|r| r.has_value()).map(|r| three_cells(&r.cells)).collect();
    let Some(filled) = filled else { return false };
    let threes: Vec<[f64; 3]> = filled
        .iter()
        .filter_map(|cells| match cells {
            // An empty cell inside a filled table is 0.
            [a, b, c] => Some([a, b, c].map(|x| x.value.map_or(0.0, |v| v.number))),
            _ => None,
        })
        .collect();
    let adding = threes.iter().filter(|[a, b, c]| a + b == *c).count();
    threes.len() >= 3 && adding + 1 >= threes.len()
}

/// The cells of a row of the shortened 表三 in the full form's columns: the
/// first is the natural persons', the last the total; the organisations' sum
/// has no column of its own. A lone number is the total.
fn place_combined(row: &Row, n: usize) -> Placed {
    let mut out = vec![None; n];
    let cells = three_cells(&row.cells).unwrap_or(&row.cells);
    match cells {
        [] => {}
        [total] => out[n - 1] = Some(*total),
        [natural, .., total] => (out[0], out[n - 1]) = (Some(*natural), Some(*total)),
    }
    Placed::Some(out, if cells.len() == 2 { "cells_unaligned" } else { "" })
}

/// The cells of a row of at most three, past one empty cell at either end (a
/// table's padding, as a converter pads rows to its widest); `None` for a row
/// of more.
fn three_cells(cells: &[Cell]) -> Option<&[Cell]> {
    match cells {
        _ if cells.len() <= 3 => Some(cells),
        [first, rest @ ..] if cells.len() == 4 && first.value.is_none() => Some(rest),
        [rest @ .., last] if cells.len() == 4 && last.value.is_none() => Some(rest),
        _ => None,
    }
}

/// Whether a cell holds a printed 0.
fn is_zero(cell: &Cell) -> bool {
    cell.value.is_some_and(|v| v.number == 0.0 && v.unit.is_none())
}

/// Whether `cells`, at least half of the `n` a row has, all hold a printed 0.
fn all_zero(cells: &[Cell], n: usize) -> bool {
    cells.len() * 2 >= n && cells.iter().all(is_zero)
}

fn placed_cells(report: &mut Report, what: &str, placed: Placed) -> Vec<Option<Cell>> {
    match placed {
        Placed::All(cells) => cells.into_iter().map(Some).collect(),
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

/// A count as printed, or `None` when the cell holds no whole number.
/// The count a cell holds, or `None` (flagged, naming the cell as `what`
/// says) when it holds no count.
fn count(report: &mut Report, what: impl FnOnce() -> String, v: Value) -> Option<i64> {
    if v.unit.is_some() || v.number.fract() != 0.0 || v.number.abs() > 1e15 {
        report.flag("non_integer_count", format!("{}: {} is not a count", what(), v.number));
        return None;
    }
    Some(v.number as i64)
}

/// Whether `row` is a column of numbers holding several rows of `n` cells.
fn holds_runs(row: &Row, n: usize) -> bool {
    row.vertical && row.cells.len() > n && row.cells.len() % n == 0
}

/// Splits a column of numbers that holds several rows' cells (raw `pdftotext`
/// prints `(七)总计 6 1 … 7 1 0 … 1 四、结转下年度`, the second row's numbers before its
/// label) into rows of `n`, each later part moved after the next label line,
/// where the walk finds it. Returns the rows and each one's index in `rows`.
fn split_runs<'a>(rows: &[Row<'a>], n: usize) -> (Vec<Row<'a>>, Vec<usize>) {
    let mut out = Vec::with_capacity(rows.len());
    let mut origin = Vec::with_capacity(rows.len());
    let mut deferred: std::collections::VecDeque<(Row<'a>, usize)> = std::collections::VecDeque::new();
    for (k, row) in rows.iter().enumerate() {
        let orphan = row.is_orphan();
        if !orphan {
            for (r, o) in deferred.drain(..) {
                out.push(r);
                origin.push(o);
            }
        }
        if holds_runs(row, n) {
            for (c, chunk) in row.cells.chunks(n).enumerate() {
                let part = row.with_labels(if c == 0 { row.labels.clone() } else { Vec::new() }, chunk.to_vec());
                if c == 0 {
                    out.push(part);
                    origin.push(k);
                } else {
                    deferred.push_back((part, k));
                }
            }
            continue;
        }
        out.push(row.clone());
        origin.push(k);
        if orphan && !deferred.is_empty() {
            // One part per label line that follows.
            if let Some((r, o)) = deferred.pop_front() {
                out.push(r);
                origin.push(o);
            }
        }
    }
    for (r, o) in deferred {
        out.push(r);
        origin.push(o);
    }
    (out, origin)
}

/// At most this many rows that name 表三's first row are tried as its start. A
/// report names that row a few times (the table, a sentence or two); each try
/// may walk to the end of the text, so a text naming it on every line would
/// take time in the square of its length.
const MAX_TABLE_STARTS: usize = 16;

/// Reads 表三. Returns the layout row after the table, or `None` if there is none.
pub fn read_requests(rows: &[Row], t: Template, from: usize, report: &mut Report) -> Option<usize> {
    let n = template::APPLICANTS.len();
    let rows_from = &rows[from.min(rows.len())..];
    match labelled_groups(rows_from, t, n) {
        Some((grouped, origin)) => {
            let back = |k: usize| from + origin.get(k).copied().unwrap_or(rows_from.len());
            read_requests_split(&grouped, t, report).map(back)
        }
        None => read_requests_split(rows_from, t, report).map(|k| from + k),
    }
}

fn read_requests_split(rows: &[Row], t: Template, report: &mut Report) -> Option<usize> {
    let n = template::APPLICANTS.len();
    if !rows.iter().any(|row| holds_runs(row, n)) {
        return read_requests_in(rows, t, report);
    }
    let (split, origin) = split_runs(rows, n);
    read_requests_in(&split, t, report).map(|k| origin.get(k).copied().unwrap_or(rows.len()))
}

/// The numbers of a group of 表三 (`(三)不予公开`) printed under its heading
/// alone, where a page lost the column of its numbered labels: the heading's
/// row and the unlabelled rows after it hold exactly the group's rows of `n`
/// cells (or of three, the shortened form's), which are its rows in the
/// template's order. Returns the rows with each such group given its template
/// labels, and each row's index in `rows`; `None` where no group needs it.
fn labelled_groups<'a>(rows: &[Row<'a>], t: Template, n: usize) -> Option<(Vec<Row<'a>>, Vec<usize>)> {
    let cues = Cues::requests(t);
    let heading = |row: &Row| {
        let label = row.label();
        let group = template::REQUEST_GROUPS.iter().find(|g| label.has(g.1))?;
        (row.kind == Kind::Table && best_match(label, cues, 0).is_none()).then_some(group.0)
    };
    let mut out: Option<(Vec<Row<'a>>, Vec<usize>)> = None;
    let mut k = 0;
    while k < rows.len() {
        let mut end = k + 1;
        let mut filled = None;
        // A group's numbers are more than a row's, or on unlabelled rows under its heading.
        let unlabelled = |r: &Row| r.labels.is_empty() && !r.cells.is_empty();
        let holds_more = rows[k].cells.len() > n || rows.get(k + 1).is_some_and(unlabelled);
        if let Some(numeral) = holds_more.then(|| heading(&rows[k])).flatten() {
            while rows.get(end).is_some_and(unlabelled) {
                end += 1;
            }
            let members = template::group_rows(t, numeral);
            filled = [n, COMBINED_WIDTH]
                .into_iter()
                .filter(|_| members.len() > 1)
                .find_map(|width| Some((width, group_cells(&rows[k..end], members.len() * width, width)?)))
                .map(|(width, cells)| (members, width, cells));
        }
        let Some((members, width, cells)) = filled else {
            if let Some((out, origin)) = &mut out {
                out.push(rows[k].clone());
                origin.push(k);
            }
            k += 1;
            continue;
        };
        let (out, origin) = out.get_or_insert_with(|| (rows[..k].to_vec(), (0..k).collect()));
        let at = rows[k].labels.first().map_or((rows[k].offset, 0.0), |f| (f.offset, f.center));
        for (member, chunk) in members.iter().zip(cells.chunks(width)) {
            let label = Frag { text: member.label, offset: at.0, center: at.1 };
            let mut row = rows[k].with_labels(vec![label], chunk.to_vec());
            row.vertical = false;
            out.push(row);
            origin.push(k);
        }
        k = end;
    }
    out
}

/// The columns of the shortened 表三: 自然人, 法人或其他组织, 总计.
const COMBINED_WIDTH: usize = 3;

/// The cells of a group's heading row and the unlabelled rows under it, if
/// they are `size`, rows of `width`: an unlabelled row's empty cells in front
/// of `width` (a delimited row's empty label) dropped, and the heading's own
/// where all are empty and its rows' numbers are on the rows under it.
fn group_cells(rows: &[Row], size: usize, width: usize) -> Option<Vec<Cell>> {
    let mut cells: Vec<Cell> = Vec::with_capacity(size);
    for r in rows {
        let blank = r.cells.len().saturating_sub(width);
        let skip = if r.labels.is_empty() && r.cells[..blank].iter().all(|c| c.value.is_none()) { blank } else { 0 };
        cells.extend_from_slice(&r.cells[skip..]);
    }
    let heading = rows[0].cells.len();
    if cells.len() == size + heading && rows[0].cells.iter().all(|c| c.value.is_none()) {
        cells.drain(..heading);
    }
    (cells.len() == size).then_some(cells)
}

fn read_requests_in(rows: &[Row], t: Template, report: &mut Report) -> Option<usize> {
    let specs = template::request_rows(t);
    let cues = Cues::requests(t);
    let anchor = specs[0].cues[0];
    // The first row's label holds the anchor, or does with the line of label
    // alone after it or before it (a narrow column wraps it): the walk starts there.
    let orphan = |k: usize| rows.get(k).filter(|r| r.is_orphan()).map_or("", |r| r.label());
    let candidates: Vec<usize> = (0..rows.len())
        .filter(|&k| rows[k].kind == Kind::Table)
        .filter_map(|k| {
            let own = rows[k].label();
            if own.has(anchor) {
                return Some(k);
            }
            // An anchor across two lines starts with its first character on the first.
            let head = anchor.chars().next().map_or(anchor, |c| &anchor[..c.len_utf8()]);
            let (after, before) = (orphan(k + 1), k.checked_sub(1).map_or("", orphan));
            if !after.is_empty() && own.has(head) && format!("{own}{after}").has(anchor) {
                Some(k)
            } else {
                (!before.is_empty() && before.has(head) && format!("{before}{own}").has(anchor)).then(|| k - 1)
            }
        })
        .collect();
    let stop = |label: &str| template::LITIGATION_ANCHORS.iter().any(|a| label.has(a));
    let mut walks = candidates.iter().take(MAX_TABLE_STARTS).map(|&k| walk(rows, k, cues, stop));
    let walk = match walks.find(|w| w.matches.len() >= 4) {
        Some(walk) => walk,
        // A table cut to a row or three: what it holds is read, the rest missed.
        None => walk(rows, *candidates.first()?, cues, stop),
    };
    if !walk.matches.iter().any(|&(_, k)| rows[k].has_value()) {
        report.flag("table_empty", "表三 (requests) is present but holds no number");
        return Some(walk.end);
    }
    let n = template::APPLICANTS.len();
    let cs = centers(rows, walk.matches.iter().map(|m| m.1), n);
    let combined = legal_persons_combined(rows, &walk);
    if combined {
        report.flag("applicants_combined", "表三 counts legal persons and other organisations in one column: natural persons and the total read");
    }
    report.requests.reserve(walk.matches.len() * n);
    for &(j, k) in &walk.matches {
        let spec = specs[j];
        let placed = if combined { place_combined(&rows[k], n) } else { place(&rows[k], n, cs.as_deref(), Some(n - 1)) };
        for (c, cell) in placed_cells(report, spec.key, placed).into_iter().enumerate() {
            let Some(cell) = cell else { continue };
            let what = || format!("requests/{}/{}", spec.key, template::APPLICANTS[c]);
            let value = cell.value.unwrap_or(ZERO);
            if let Some(count) = count(report, what, value) {
                report.requests.push(RequestFact {
                    row: spec.key,
                    applicant: template::APPLICANTS[c],
                    count,
                    offset: cell.offset,
                });
            }
        }
    }
    let missing: Vec<&str> =
        (0..specs.len()).filter(|j| !walk.matches.iter().any(|m| m.0 == *j)).map(|j| specs[j].key).collect();
    if !missing.is_empty() {
        report.flag("rows_missing", format!("表三 rows not found: {}", missing.join(", ")));
    }
    Some(walk.end)
}

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

/// Reads 表四 at or after layout row `from`.
pub fn read_litigation(text: &str, rows: &[Row], from: usize, report: &mut Report) -> Option<usize> {
    // The outcome headers, read across the rows after the anchor: layouts break
    // them (`结果` over `维持`).
    let has_header = |k: usize| {
        let joined: String = rows[k..].iter().take(40).take_while(|r| r.kind == Kind::Table).map(|r| r.label()).collect();
        let words = ["维持", "纠正", "审结"];
        // Headers set a character a line (pdftotext of narrow columns) read `维 纠 结 审` across.
        words.iter().filter(|w| joined.has(w)).count() >= 2 || joined.has("维纠结审")
    };
    let n = template::LITIGATION_PROCEEDINGS.len() * template::LITIGATION_OUTCOMES.len();
    let anchor = (from..rows.len())
        .find(|&k| {
            let r = &rows[k];
            let label = r.label();
            r.kind == Kind::Table && template::LITIGATION_ANCHORS.iter().any(|a| label.has(a)) && has_header(k)
        })
        .or_else(|| bare_litigation_row(rows, from, n))?;
    let mut cells: Vec<Cell> = Vec::new();
    let mut first_value_row = None;
    let mut end = anchor + 1;
    let mut delimited = true;
    for (k, row) in rows.iter().enumerate().skip(anchor) {
        let label = row.label();
        let next_section = k > anchor && (label.starts_with("五、") || label.has("存在的主要问题"));
        if row.kind == Kind::Prose || next_section || cells.len() >= n {
            break;
        }
        end = k + 1;
        if row.has_value() {
            first_value_row.get_or_insert(k);
            delimited &= row.delimited;
            cells.extend(row.cells.iter().copied());
        }
    }
    let Some(first_value_row) = first_value_row else {
        report.flag("table_empty", "表四 (reconsideration and litigation) is present but holds no number");
        return Some(end);
    };
    if cells.len() < n && !delimited {
        // Narrow columns printed so close that two numbers touch (`0 00 1`).
        let apart = merged_apart(text, &cells);
        if apart.len() == n {
            cells = apart;
        }
    }
    if cells.len() < n && !delimited {
        // Blank cells in aligned text: place the numbers under the 15 outcome headers.
        let heads: Vec<f64> = rows[anchor..first_value_row]
            .iter()
            .flat_map(|r| r.labels.iter())
            .filter(|f| template::LITIGATION_OUTCOME_LABELS.contains(&&*crate::normalize::squash(f.text)))
            .map(|f| f.center)
            .collect();
        if heads.len() == n {
            let xs: Vec<f64> = cells.iter().map(|c| c.center).collect();
            let mut out = vec![Cell { value: None, offset: rows[first_value_row].offset, center: 0.0 }; n];
            for (cell, col) in cells.iter().zip(align(&xs, &heads)) {
                out[col] = *cell;
            }
            cells = out;
        }
    }
    if cells.len() < n && all_zero(&cells, n) {
        // A row of zeros short of a cell or two: every outcome is 0.
        cells.resize(n, Cell { value: None, offset: rows[first_value_row].offset, center: 0.0 });
    }
    if cells.len() < n {
        report.flag("litigation_cells_missing", format!("表四 has {} of its {n} cells", cells.len()));
        return Some(end);
    }
    let cells = if delimited { trim_to(&cells, n).to_vec() } else { cells };
    for (idx, cell) in cells.into_iter().take(n).enumerate() {
        let proceeding = template::LITIGATION_PROCEEDINGS[idx / template::LITIGATION_OUTCOMES.len()];
        let outcome = template::LITIGATION_OUTCOMES[idx % template::LITIGATION_OUTCOMES.len()];
        let what = || format!("litigation/{proceeding}/{outcome}");
        let value = cell.value.unwrap_or(ZERO);
        if let Some(count) = count(report, what, value) {
            report.litigation.push(LitigationFact { proceeding, outcome, count, offset: cell.offset });
        }
    }
    Some(end)
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
        let counts = row.cells.iter().all(|c| c.value.is_none_or(|v| v.unit.is_none() && v.number.fract() == 0.0));
        let width = if row.delimited { trim_to(&row.cells, n).len() } else { row.cells.len() };
        let blank = row.cells.iter().any(|c| c.value.is_none());
        let shape = (width == n && row.cells.len() <= n + 2 && (row.delimited || !blank))
            || (width + 2 >= n && all_zero(&row.cells, n));
        // The lines above joined to the numbers' row (one cell a line) name them in its label.
        let under_names = (named == all && label.is_empty()) || names == all;
        if under_names && row.kind == Kind::Table && counts && shape {
            return Some(k);
        }
        named = 0;
    }
    None
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

    fn requests(text: &str, t: Template) -> Report {
        let (_, rs) = rows(text);
        let mut report = Report::default();
        read_requests(&rs, t, 0, &mut report);
        report
    }

    #[test]
    fn the_first_row_is_found_when_a_narrow_column_wraps_its_label() {
        let cells = "      1     0     0     0     0     0     1";
        for text in [
            format!("申请人情况\n    一、本年新{cells}\n    收政府信息\n    公开申请数\n    量\n    二、上年结{cells}\n    转政府信息\n"),
            format!("申请人情况\n    一、本年新\n    收政府信息{cells}\n    公开申请数\n    量\n    二、上年结\n    转政府信息{cells}\n"),
        ] {
            let r = requests(&text, Template::T2021);
            assert_eq!(get(&r, "new_received", "total"), Some(1), "{text}");
            assert_eq!(get(&r, "carried_over", "natural_person"), Some(1), "{text}");
        }
    }

    #[test]
    fn labels_centred_down_their_cells_are_read_column_by_column() {
        // A page printed to PDF: cells centred down, each label column wrapped in place.
        let cells = |n: &str| format!("   {n}   0   0   0   0   0   {n}");
        let text = format!(
            "申请人情况\n一、本年新收政府信息公开申请数量{}\n\
             \x20                            1.本机关不\n\
             \x20               (四)无法提供      掌握相关政{}\n\
             \x20                            府信息\n\n\
             \x20               2.没有现成信息需\n\
             \x20                            {}\n\
             \x20               要另行制作\n",
            cells("3"),
            cells("2"),
            cells("1")
        );
        let r = requests(&text, Template::T2021);
        assert_eq!(get(&r, "unable_not_held", "total"), Some(2), "{text}");
        assert_eq!(get(&r, "unable_needs_creation", "total"), Some(1));
    }

    #[test]
    fn a_group_under_its_heading_alone_fills_its_rows_in_order() {
        // A page that lost the column of the numbered labels under `(三)不予公开`.
        let row = |v: usize| (0..7).map(|c| format!("{}\n", if c == 0 || c == 6 { v } else { 0 })).collect::<String>();
        let head = format!("一、本年新收政府信息公开申请数量\n{}(二)部分公开\n{}", row(36), row(9));
        let group: String = (1..=8).map(row).collect();
        let text = format!("{head}(三)不予公开\n{group}(四)无法提供\n1.本机关不掌握相关政府信息\n{}", row(4));
        let r = requests(&text, Template::T2021);
        for (k, key) in ["denied_state_secret", "denied_process_info", "denied_admin_query"].iter().enumerate() {
            let expect = [1, 6, 8][k];
            assert_eq!(get(&r, key, "natural_person"), Some(expect), "{key}");
            assert_eq!(get(&r, key, "total"), Some(expect), "{key}");
        }
        assert_eq!(get(&r, "unable_not_held", "total"), Some(4));
        // The same as one row a line, the group's rows without labels.
        let line = |v: usize| format!("| | {v} | 0 | 0 | 0 | 0 | 0 | {v} |\n");
        let group: String = (1..=3).map(line).collect();
        for heading in ["| (四)无法提供 |", "| (四)无法提供 | | | | | | | |"] {
            let text = format!("| 一、本年新收政府信息公开申请数量 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |\n{heading}\n{group}");
            let r = requests(&text, Template::T2021);
            assert_eq!(get(&r, "unable_needs_creation", "total"), Some(2), "{text}");
            assert_eq!(get(&r, "unable_unclear", "natural_person"), Some(3));
        }
        // The shortened form's three columns.
        let three = |a: usize, b: usize| format!("{a}\n{b}\n{}\n", a + b);
        let text = format!(
            "自然人\n法人或其他组织\n总计\n一、本年新收政府信息公开申请数量\n{}二、上年结转政府信息公开申请数量\n{}\
             (一)予以公开\n{}(四)无法提供\n{}{}{}",
            three(5, 1),
            three(1, 0),
            three(2, 1),
            three(1, 0),
            three(0, 0),
            three(2, 0)
        );
        let r = requests(&text, Template::T2021);
        assert_eq!(get(&r, "unable_unclear", "natural_person"), Some(2), "{text}");
        assert_eq!(get(&r, "unable_not_held", "total"), Some(1));
        // One number short of the group: not guessed.
        let group: String = (1..=8).map(row).collect::<String>().replacen("0\n", "", 1);
        let r = requests(&format!("{head}(三)不予公开\n{group}"), Template::T2021);
        assert_eq!(get(&r, "denied_state_secret", "total"), None);
    }

    fn get(r: &Report, row: &str, applicant: &str) -> Option<i64> {
        r.requests.iter().find(|f| f.row == row && f.applicant == applicant).map(|f| f.count)
    }

    #[test]
    fn legal_persons_in_one_column() {
        let table = "| 自然人 | 法人或其他组织 | 总计 |\n\
            | 一、本年新收政府信息公开申请数量 | 8 | 2 | 10 |\n| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 |\n\
            | 三、本年度办理结果 | (一)予以公开 | 5 | 1 | 6 |\n| (二)部分公开 | 1 | 0 | 1 |\n\
            | (四)无法提供 | 1.本机关不掌握相关政府信息 | 2 | 1 | 3 |\n| (七)总计 | 8 | 2 | 10 |\n";
        let r = requests(table, Template::T2021);
        assert!(r.has_issue("applicants_combined") && !r.has_issue("cells_unaligned"));
        assert_eq!((get(&r, "new_received", "natural_person"), get(&r, "new_received", "total")), (Some(8), Some(10)));
        assert_eq!((get(&r, "unable_not_held", "total"), get(&r, "unable_not_held", "commercial")), (Some(3), None));
        assert_eq!(get(&r, "carried_over", "total"), Some(0));
        // The full form's header names the kinds of organisation: its rows of three
        // numbers are its own cells dropped, not one column.
        let full = format!("| 自然人 | 法人或其他组织 | 总计 |\n| 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n{}", &table[table.find('\n').unwrap() + 1..]);
        assert!(!requests(&full, Template::T2021).has_issue("applicants_combined"));
        // Rows of three that do not add up are not the shortened form.
        let odd = table.replace("| 8 | 2 | 10 |", "| 8 | 2 | 4 |").replace("| 5 | 1 | 6 |", "| 5 | 1 | 2 |");
        assert!(!requests(&odd, Template::T2021).has_issue("applicants_combined"));
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
    fn alignment_keeps_order_and_prefers_nearest() {
        assert_eq!(align(&[10.0, 40.0], &[10.0, 20.0, 30.0, 40.0]), vec![0, 3]);
        assert_eq!(align(&[21.0], &[10.0, 20.0, 30.0]), vec![1]);
    }

    const PIPE_ROWS: &str = "\
| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
|---|---|---|---|---|---|---|---|
| 一、本年新收政府信息公开申请数量 | 5 | 1 | | | | | 6 |
| 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
| 三、本年度办理结果 | (一)予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 4 |
| | (二)部分公开(区分处理的,只计这一情形,不计其他情形) | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
| (七)总计 | 5 | 1 | 0 | 0 | 0 | 0 | 6 |
| 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
";

    #[test]
    fn pipe_rows_with_spanning_labels() {
        let r = requests(PIPE_ROWS, Template::T2019);
        assert_eq!(get(&r, "new_received", "natural_person"), Some(5));
        assert_eq!(get(&r, "new_received", "research"), Some(0));
        assert_eq!(get(&r, "new_received", "total"), Some(6));
        assert_eq!(get(&r, "granted", "commercial"), Some(1));
        assert_eq!(get(&r, "partially_granted", "total"), Some(1));
        assert_eq!(get(&r, "total_processed", "total"), Some(6));
        assert_eq!(get(&r, "carried_forward", "total"), Some(0));
        assert!(r.has_issue("rows_missing"));
    }

    /// A line with each text placed at a character column, as `pdftotext -layout` pads.
    fn at(parts: &[(usize, &str)]) -> String {
        let mut line = String::new();
        for (col, text) in parts {
            while line.chars().count() < *col {
                line.push(' ');
            }
            line.push_str(text);
        }
        line + "\n"
    }

    /// Seven numbers at the columns of [`at`]'s tables; `""` leaves a cell blank.
    fn nums<'a>(label: &[(usize, &'a str)], values: [&'a str; 7]) -> String {
        let mut parts = label.to_vec();
        for (c, v) in values.iter().enumerate() {
            if !v.is_empty() {
                parts.push((40 + 8 * c, v));
            }
        }
        at(&parts)
    }

    fn aligned() -> String {
        let z = ["0"; 7];
        [
            at(&[(40, "自然人"), (48, "商业企业"), (56, "科研机构"), (64, "社会公益"), (72, "法律服务"), (80, "其他"), (88, "总计")]),
            nums(&[(2, "一、本年新收政府信息公开申请数量")], ["12", "1", "0", "0", "0", "0", "13"]),
            nums(&[(2, "二、上年结转政府信息公开申请数量")], ["2", "0", "0", "0", "0", "0", "2"]),
            nums(&[(2, "三、本年"), (10, "(一)予以公开")], ["8", "1", "", "", "", "", "9"]),
            nums(&[(2, "度办理"), (10, "(二)部分公开(区分处理的,只计")], ["1", "0", "0", "0", "0", "0", "1"]),
            at(&[(2, "结果"), (10, "这一情形,不计其他情形)")]),
            at(&[(10, "(三)不"), (16, "1.属于国家秘密")]),
            nums(&[(10, "予公开")], z),
            at(&[(50, "- 3 -")]),
            at(&[(16, "2.其他法律行政法规禁")]),
            nums(&[(16, "止公开")], ["5", "0", "0", "0", "0", "0", "5"]),
            nums(&[(10, "(七)总计")], ["14", "1", "0", "0", "0", "0", "15"]),
            nums(&[(2, "四、结转下年度继续办理")], z),
        ]
        .concat()
    }

    #[test]
    fn aligned_layout_with_wrapped_labels_blank_cells_and_footer() {
        let r = requests(&aligned(), Template::T2019);
        assert_eq!(get(&r, "new_received", "total"), Some(13));
        assert_eq!(get(&r, "granted", "natural_person"), Some(8));
        assert_eq!(get(&r, "granted", "commercial"), Some(1));
        assert_eq!(get(&r, "granted", "research"), Some(0), "blank cell in a filled table");
        assert_eq!(get(&r, "granted", "total"), Some(9));
        assert_eq!(get(&r, "denied_state_secret", "total"), Some(0));
        assert_eq!(get(&r, "denied_law_prohibited", "natural_person"), Some(5));
        assert_eq!(get(&r, "total_processed", "total"), Some(15));
        assert_eq!(get(&r, "carried_forward", "natural_person"), Some(0));
        assert!(!r.has_issue("cells_unaligned"));
    }

    #[test]
    fn an_unfilled_table_is_empty_not_zero() {
        let text = "一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n(一)予以公开\n";
        let r = requests(text, Template::T2019);
        assert!(r.requests.is_empty());
        assert!(r.has_issue("table_empty"));
    }

    /// 表四 read from `text`, from its first row.
    fn litigation(text: &str) -> Report {
        let (_, rs) = rows(text);
        let mut r = Report::default();
        read_litigation(text, &rs, 0, &mut r);
        r
    }

    #[test]
    fn litigation_row_of_fifteen() {
        let text = "四、政府信息公开行政复议、行政诉讼情况\n\
            | 行政复议 | | | | | 行政诉讼 |\n\
            | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 |\n\
            | 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 2 | 0 | 0 | 0 | 2 |\n\
            五、存在的主要问题及改进情况\n";
        let r = litigation(text);
        assert_eq!(r.litigation.len(), 15);
        assert_eq!(r.litigation[0].count, 1);
        assert_eq!(r.litigation[10].proceeding, "litigation_after_reconsideration");
        assert_eq!(r.litigation[14].count, 2);
    }

    #[test]
    fn numbers_of_narrow_columns_that_touch_are_parted() {
        // pdftotext of narrow columns: the row over two lines, two zeros run together.
        let text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议   行政诉讼\n\
            结   结   其   尚   总\n果   果   他   未   计\n维   纠   结   审\n持   正   果   结\n\
            0   0   0   0   1\n                0 0 00  0 0  0   0   1   1\n五、存在的主要问题及改进情况\n";
        let r = litigation(text);
        let counts: Vec<i64> = r.litigation.iter().map(|f| f.count).collect();
        assert_eq!(counts, [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
        // A count is never printed with a leading zero, but `10` parts nothing:
        // one cell short, the table is flagged, not guessed.
        let r = litigation(&text.replace("0 0 00  0 0", "0 0 10  0 0"));
        assert!(r.litigation.is_empty() && r.has_issue("litigation_cells_missing"));
    }

    #[test]
    fn cells_marked_none_are_zeros_in_every_layout() {
        let heads = "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n\
                     结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n";
        let marks = ["—"; 15].join(" | ");
        let mut aligned = ["—"; 15];
        aligned[3] = "1";
        aligned[4] = "1";
        let dashes = ["-"; 15].join(" | ");
        for values in [format!("| {marks} |"), format!("| {dashes} |"), aligned.join("    "), ["/"; 15].join("\t")] {
            let r = litigation(&format!("{heads}{values}\n五、存在的主要问题\n"));
            assert_eq!(r.litigation.len(), 15, "{values}");
            assert!(r.issues.is_empty(), "{values}: {:?}", r.issues);
            let pending = r.litigation.iter().find(|f| f.proceeding == "reconsideration" && f.outcome == "pending").unwrap();
            assert_eq!(pending.count, i64::from(values.contains('1')), "{values}");
        }
    }

    #[test]
    fn litigation_without_its_heads() {
        let numbers = "119 | 25 | 91 | 24 | 259 | 7 | 0 | 15 | 6 | 28 | 21 | 1 | 7 | 9 | 38";
        let heading = "四、政府信息公开行政复议、行政诉讼情况";
        let end = "五、存在的主要问题及改进情况\n";
        for text in [
            // The heads run together over the numbers; none under the heading; one cell a line.
            format!("{heading}\n行政复议行政诉讼\n| {numbers} |\n{end}"),
            format!("{heading}\n\n{}\n{end}", numbers.replace(" |", "")),
            format!("{heading}\n\n行政复议 |\n行政诉讼 |\n||\n{} |\n||\n{end}", numbers.replace(" | ", " |\n")),
        ] {
            let r = litigation(&text);
            assert_eq!(r.litigation.len(), 15, "{text}");
            assert_eq!((r.litigation[4].outcome, r.litigation[4].count), ("total", 259));
            assert_eq!((r.litigation[9].proceeding, r.litigation[9].count), ("litigation_direct", 28));
        }
        // Not a row of the table's size, or not under its heading: no 表四.
        assert!(litigation(&format!("{heading}\n| 1 | 2 | 3 |\n{end}")).litigation.is_empty());
        assert!(litigation(&format!("{heading}\n本年度情况\n| {numbers} |\n{end}")).litigation.is_empty());
        assert!(litigation(&format!("(七)总计\n| {numbers} |\n")).litigation.is_empty());
    }

    #[test]
    fn a_requests_table_cut_to_its_first_row_is_read_as_far_as_it_goes() {
        let r = requests("| 一、本年新收政府信息公开申请数量 | 3746 | 63 | 0 | 0 | 19 | 2 | 3830 |\n", Template::T2021);
        assert_eq!(get(&r, "new_received", "total"), Some(3830));
        assert_eq!(get(&r, "new_received", "commercial"), Some(63));
        assert!(r.has_issue("rows_missing") && !r.has_issue("table_empty"));
    }

    #[test]
    fn a_row_of_zeros_short_of_a_cell_is_all_zeros() {
        let text = "四、政府信息公开行政复议、行政诉讼情况\n| 行政复议 | 行政诉讼 |\n\
            | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n\
            | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n五、存在的主要问题及改进情况\n";
        let r = litigation(text);
        assert_eq!(r.litigation.len(), 15);
        assert!(r.issues.is_empty());
        // A row with a number other than 0 stays unplaced.
        let placed = |t: &str| place(&rows(t).1[0], 7, None, None);
        assert!(matches!(placed("7.属于行政执法案卷 | 0 | 0 | 0 | 0 | 0 | 0 |"), Placed::All(c) if c.len() == 7));
        assert!(matches!(placed("7.属于行政执法案卷 | 0 | 0 | 1 | 0 | 0 | 1 |"), Placed::Some(..)));
        // 表三's rows (the last column a total): two equal numbers, the first
        // column and the total; a lone 0, all zeros.
        let values = |p: Placed| match p {
            Placed::All(c) => (c.iter().map(|c| c.value.map_or(0.0, |v| v.number)).collect::<Vec<_>>(), ""),
            // An unknown column -1, an empty cell 0.
            Placed::Some(c, code) => {
                (c.iter().map(|c| c.map_or(-1.0, |c| c.value.map_or(0.0, |v| v.number))).collect(), code)
            }
        };
        let total = |t: &str| values(place(&rows(t).1[0], 7, None, Some(6)));
        let inferred = (vec![3.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0], "cells_inferred");
        assert_eq!(total("一、本年新收政府信息公开申请数量 | 3 | 3 |"), inferred);
        assert_eq!(total("(二)部分公开 | 0 |"), (vec![0.0; 7], ""));
        assert_eq!(total("(二)部分公开 | 4 |").0, vec![-1.0, -1.0, -1.0, -1.0, -1.0, -1.0, 4.0]);
        assert_eq!(total("一、本年新收政府信息公开申请数量 | 3 | 2 |").1, "cells_unaligned");
    }

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
    fn litigation_headers_a_character_a_line() {
        let text = "四、政府信息公开行政复议、行政诉讼情况\n\
            行政复议 行政诉讼\n\
            未经复议直接起诉 复议后起诉\n\
            结 结 其 尚\n\
            总计 果 果 他 未 总 果 果 他 未 总\n\
            维 纠 结 审 计 维 纠 结 审 计\n\
            持 正 果 结 持 正 果 结\n\
            1 0 0 0 1 0 0 0 2 2 0 0 0 0 0\n\
            五、存在的主要问题及改进情况\n";
        let r = litigation(text);
        assert_eq!(r.litigation.len(), 15);
        assert_eq!(r.litigation[4].count, 1);
        assert_eq!(r.litigation[8].count, 2);
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
