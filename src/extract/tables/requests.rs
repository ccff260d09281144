//! 表三, the requests table: its rows walked against the template's, its cells
//! placed in the applicants' columns; the shortened form that counts legal
//! persons in one column; a group whose numbered labels a page lost; a column of
//! numbers that holds several rows.

use super::*;
use super::all_zeros::Reach;
use super::cut_rows::CutRow;
use super::guesses::{filled_unchecked, lone_all_first, lone_column, unverified_dropped, untold, without, Guesses};
use crate::extract::cells::cells_add_up;

/// Kinds of organisation the full form's header names under 法人或其他组织.
pub(super) const ORGANISATION_HEADS: &[&str] = &["商业", "科研", "公益", "法律服务"];
/// The rows around 表三's first row where a header printed apart from it may stand.
const MAX_HEADER_ROWS: usize = 120;

/// Whether 表三 counts legal persons and other organisations in one column
/// (`自然人 | 法人或其他组织 | 总计`, a form some agencies shortened): the header
/// names no kind of organisation, and the rows of three cells (at least three
/// of them) add up, 自然人 + 法人或其他组织 = 总计, all but one at most, and
/// outnumber the rows of more.
fn legal_persons_combined(rows: &[Row], walk: &Walk) -> bool {
    let Some(&(_, first)) = walk.matches.first() else { return false };
    // The header, a cell a row where each cell has a line.
    let header = &rows[first.saturating_sub(12)..first];
    if header.iter().any(|r| ORGANISATION_HEADS.iter().any(|w| r.label().has(w))) {
        return false;
    }
    let filled: Vec<Option<&[Cell]>> =
        walk.matches.iter().map(|m| &rows[m.1]).filter(|r| r.has_value()).map(|r| three_cells(&r.cells)).collect();
    let threes: Vec<[f64; 3]> = filled
        .iter()
        .filter_map(|cells| match cells {
            // An empty cell inside a filled table is 0.
            Some([a, b, c]) => Some([a, b, c].map(|x| x.number())),
            _ => None,
        })
        .collect();
    let adding = threes.iter().filter(|[a, b, c]| a + b == *c).count();
    // (A row of more cells is one that plain `pdftotext` ran into the next.)
    let more = filled.iter().filter(|cells| cells.is_none()).count();
    threes.len() >= 3 && adding + 1 >= threes.len() && more < adding
}

/// The cells of a row of the shortened 表三 in the full form's columns: the
/// first is the natural persons', the last the total; the organisations' sum
/// has no column of its own. A lone number is the total, or where a row's
/// cells are its first columns, natural persons' (as is the first of two, and
/// of two whose second is less than it: no total, its total lost). Three whose
/// last is less than another are no row's own (flagged, not placed).
fn place_combined(row: &Row, n: usize, lone: Lone) -> Placed {
    let mut out = vec![None; n];
    let Some(cells) = three_cells(&row.cells) else { return Placed::Some(out, "cells_extra") };
    let below = |first: &Cell, second: &Cell| second.number() < first.number();
    match (cells, lone) {
        ([], _) => {}
        ([natural] | [natural, _], Lone::First) => out[0] = Some(*natural),
        ([natural, second], _) if below(natural, second) => out[0] = Some(*natural),
        ([total], Lone::Total) => out[n - 1] = Some(*total),
        // (A total less than a part: other rows' numbers among them, which are whose not known.)
        ([natural, other, total], _) if total.number() < natural.number().max(other.number()) => {
            return Placed::Some(out, "cells_unaligned");
        }
        ([natural, .., total], _) => (out[0], out[n - 1]) = (Some(*natural), Some(*total)),
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
pub fn read_requests(text: &str, rows: &[Row], t: Template, from: usize, report: &mut Report) -> Option<usize> {
    let rows_from = &rows[from.min(rows.len())..];
    // (表四's first cells printed among its heads before its heading are not 表三's.)
    let kept = super::outcomes_before::without(rows_from);
    let rows_read = kept.as_deref().unwrap_or(rows_from);
    let first_fact = report.requests.len();
    let end = read_requests_from(text, rows_read, t, report);
    // (Returns whether rows put in their first columns were left untold, and dropped.)
    let reread = |report: &mut Report| {
        // (一 and 二's firsts by their labels, their others after the heads: read again where they add up.)
        super::first_rows::reread(text, rows_read, t, report, first_fact);
        // (Rows' numbers side by side, a column at a time: read again where all add up.)
        super::rows_by_columns::reread(text, rows_read, t, report, first_fact);
        // (Rows whose numbers came out of their order: read again where the sums tell.)
        super::pooled::reread(rows_read, t, report, first_fact);
        // (The last two rows' numbers out of their order too: read again where the sums tell.)
        super::last_rows::reread(rows_read, end.unwrap_or(rows_read.len()), t, report, first_fact);
        // (四's columns but its first printed before its label: (七)总计 read as printed.)
        super::last_rows::before_label(text, rows_read, t, report, first_fact);
        // (The last rows' numbers in runs apart, (七)总计 and 四 among them: read again where the sums tell.)
        super::runs_apart::reread(text, rows_read, end.unwrap_or(rows_read.len()), t, report, first_fact);
        // (The later rows' labels together, their numbers after them a number a line: read again where the sums tell.)
        super::labels_together::reread(text, rows_read, t, report, first_fact);
        let untold = untold(&report.requests, first_fact, t);
        without(&mut report.requests, &untold);
        !untold.is_empty()
    };
    // Rows put in their first columns for want of anything telling which of
    // their columns are blank stand while the table is read again; where a sum
    // does not hold them then (they may be other rows' numbers), or the table
    // is left short, it is read again without them too, and the reading that
    // keeps more kept.
    let guesses = untold(&report.requests, first_fact, t);
    let before = (!guesses.is_empty()).then(|| report.clone());
    let untold_left = reread(report);
    let cells = template::request_rows(t).len() * template::APPLICANTS.len();
    let whole = report.requests.len() - first_fact >= cells;
    if let Some(mut apart) = before.filter(|_| untold_left || !whole) {
        without(&mut apart.requests, &guesses);
        reread(&mut apart);
        if apart.requests.len() > report.requests.len() {
            *report = apart;
        }
    }
    // (The last rows' other columns printed under 表四's heading, a band at a time: read again where they add up.)
    super::under_litigation::reread(text, rows_read, t, report, first_fact);
    let named = || super::rows_named(rows_read, super::Cues::requests(t));
    for row in super::guesses::lone_in_unread_dropped(&mut report.requests, first_fact, t, named) {
        let why = "its one number read in a table most of whose rows, their labels printed, were not read: \
                   whose it is no sum tells";
        report.flag("cells_unaligned", format!("{row}: {why}"));
    }
    for row in super::guesses::out_of_order_dropped(&mut report.requests, first_fact, t, named) {
        let why = "its cells do not add up and a row before it was read short or not at all: which are whose is not known";
        report.flag("cells_unaligned", format!("{row}: {why}"));
    }
    // ((七)总计 and 四 read as zeros where the table prints a count not 0 that no
    // row read: among its rows, from its first row's label on, one among marks
    // for none or zeros (two at least), as its scrambled cells are.)
    let first = super::numbers_first::first_named(rows_read, t);
    let table = first.map_or(&[][..], |f| &rows_read[f..end.unwrap_or(rows_read.len()).max(f)]);
    let disclosures = &report.disclosures;
    let counted = |requests: &[RequestFact]| {
        let at: Vec<usize> = requests.iter().map(|f| f.offset).chain(disclosures.iter().map(|d| d.offset)).collect();
        let count = |c: &Cell| c.value.is_some_and(|v| v.unit.is_none() && v.number.fract() == 0.0 && v.number > 0.0);
        let zero = |c: &Cell| c.value.is_some_and(|v| v.number == 0.0);
        let among_zeros = |r: &Row| {
            let mut counts = r.cells.iter().filter(|c| count(c));
            let zeros = r.cells.iter().filter(|c| zero(c)).count();
            let alone = r.is_numbers_alone() && zeros >= 2 && zeros + 1 == r.cells.len();
            match (counts.next(), counts.next()) {
                (Some(c), None) => alone && !at.contains(&c.offset),
                _ => false,
            }
        };
        table.iter().any(among_zeros)
    };
    if super::guesses::zeros_against_a_count(&mut report.requests, first_fact, t, counted) {
        let why = "(七)总计 and 四 read as zeros, but the table prints a count no row read: not theirs";
        report.flag("cells_unaligned", format!("total_processed, carried_forward: {why}"));
    }
    // ((七)总计 and 四 read whole in an order the sums tell is not theirs.)
    super::total_order::place(report, t, first_fact);
    // (Rows no reading placed, that the sums leave 0 for.)
    super::zero_rows::fill(report, t, first_fact, rows_read, end.unwrap_or(rows_read.len()));
    // (Numbers on lines of their own among its labels that no reading placed: filled all the same.)
    let within = first.map_or(&[][..], |f| &rows_read[f..end.unwrap_or(rows_read.len()).max(f)]);
    if report.requests.len() == first_fact && within.iter().any(|r| r.is_numbers_alone() && r.has_value()) {
        let empty = report.issues.iter().position(|i| i.code == "table_empty" && i.detail == TABLE_EMPTY);
        if let Some(k) = empty {
            report.issues.remove(k);
            let why = "表三's numbers are printed apart from its labels in an order no reading tells: not read";
            report.flag("cells_unaligned", why);
        }
    }
    // (Rows read short of their cells that nothing said: a row's one number
    // read in its first column, its others printed where no reading found them.)
    let short = short_unflagged(report, first_fact, t);
    if !short.is_empty() {
        let why = "read short of its cells, the others printed where no reading found them";
        report.flag("cells_unaligned", format!("{}: {why}", short.join(", ")));
    }
    end.map(|end| from + end)
}

/// The rows of 表三 (its facts from `from` on) read with some of their
/// applicants' columns and not all, that no issue saying a part was not read
/// names. None in the shortened form, which reads two columns of its three.
fn short_unflagged(report: &Report, from: usize, t: Template) -> Vec<&'static str> {
    if report.has_issue("applicants_combined") {
        return Vec::new();
    }
    let n = template::APPLICANTS.len();
    let facts = &report.requests[from.min(report.requests.len())..];
    let named = |key: &str| {
        let partial = report.issues.iter().filter(|i| crate::extract::PARTIAL_CODES.contains(&i.code));
        partial.into_iter().any(|i| i.detail.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).any(|w| w == key))
    };
    let grid = crate::extract::checks::Grid::of(facts, t);
    let read = |r: usize| (0..n).filter(|&a| grid.get(Some(r), a).is_some()).count();
    let specs = template::request_rows(t);
    let short = specs.iter().enumerate().filter(|&(r, s)| (1..n).contains(&read(r)) && !named(s.key));
    short.map(|(_, s)| s.key).collect()
}

/// What 表三 printed without a number is flagged with.
const TABLE_EMPTY: &str = "表三 (requests) is present but holds no number";

/// Reads 表三 from the start of `rows_from`: see [`read_requests`].
fn read_requests_from(text: &str, rows_from: &[Row], t: Template, report: &mut Report) -> Option<usize> {
    let n = template::APPLICANTS.len();
    // Plain `pdftotext`'s tables, from the row naming 表三's first: column by
    // column over bands of rows, or each row's numbers before its label, or
    // parted by its label's lines.
    let first = super::numbers_first::first_named(rows_from, t);
    // (Its marks for none broken in two, `—` / `—`: read with each one cell.)
    if let Some((halved, origin)) = first.and_then(|f| super::halved::halved(text, rows_from, f, t, n)) {
        let end = read_requests_from(text, &halved, t, report)?;
        return Some(origin.get(end).copied().unwrap_or(rows_from.len()));
    }
    // (A page's 总计 column printed after the page's rows: each total put back at its row's end;
    // the later rows' last columns may come apart, under 表四's heading.)
    if let Some((back, origin)) = first.and_then(|f| super::page_totals::put_back(rows_from, f, n)) {
        if let Some((rows, after)) = first.and_then(|f| super::last_columns::apart(text, rows_from, f, t, n)) {
            read_requests_in(&rows, t, Lone::Total, report);
            return Some(after);
        }
        let end = read_requests_from(text, &back, t, report)?;
        return Some(origin.get(end).copied().unwrap_or(rows_from.len()));
    }
    // (Its wide numbers wrapped in their narrow cells by `pdftotext -raw`: read whole.)
    if let Some(whole) = first.and_then(|f| super::wide_numbers::rejoined(text, rows_from, f, n)) {
        return read_requests_from(text, &whole, t, report);
    }
    // The shortened form's three columns, where the header names no kind of organisation.
    let heads = |r: &Row| ORGANISATION_HEADS.iter().any(|w| r.label().has(w));
    let combined = |f: usize| !rows_from[f.saturating_sub(12)..].iter().take(MAX_HEADER_ROWS).any(heads);
    if let Some(end) = first.and_then(|f| super::all_zeros::read(text, rows_from, f, t, Reach::Table, report)) {
        return Some(end);
    }
    // (Numbers in the first column and 总计 only, the totals carried down: each row's by its label.)
    if let Some(end) = first.and_then(|f| super::first_column::read(rows_from, f, t, report)) {
        return Some(end);
    }
    // (The bands' reading of the table short of its last rows kept for where nothing else reads it.)
    let mut short = None;
    let others = &report.disclosures;
    let banded = first.and_then(|f| {
        let full = banded_in(text, rows_from, f, t, n, others, &mut short);
        let combined_in = |short: &mut _| banded_in(text, rows_from, f, t, COMBINED_WIDTH, others, short);
        full.or_else(|| combined(f).then(|| combined_in(&mut short))?)
    });
    if let Some((rows, after)) = banded {
        if let Some(end) = first.and_then(|f| rows_instead(text, rows_from, f, t, &rows, report)) {
            return Some(end);
        }
        read_requests_in(&rows, t, Lone::Total, report);
        return Some(after);
    }
    if let Some(end) = first.and_then(|f| super::all_zeros::read(text, rows_from, f, t, Reach::TextEnd, report)) {
        return Some(end);
    }
    // (四 printed past the table's end, or the last rows cut to their first columns.)
    if let Some(((rows, after), cut)) = short {
        read_requests_in(&rows, t, Lone::Total, report);
        if !cut.is_empty() {
            super::cut_rows::place(report, t, &cut);
        }
        return Some(after);
    }
    let rebuilt = first.and_then(|f| numbers_first(rows_from, f, t, n));
    let numbers_first = rebuilt.is_some();
    let gathered = || {
        let width = |f: usize| if combined(f) { COMBINED_WIDTH } else { n };
        first.and_then(|f| super::labels_first::gathered(text, rows_from, f, t, width(f))).map(|r| (r, Lone::Total))
    };
    let from = report.requests.len();
    let end = match rebuilt.or_else(gathered) {
        Some(((rows, origin), lone)) => {
            let end = read_requests_in(&rows, t, lone, report);
            let end = end.map(|k| origin.get(k).copied().unwrap_or(rows_from.len()));
            if numbers_first {
                return end;
            }
            end
        }
        None => read_requests_as_printed(rows_from, t, report),
    };
    // (Read with each row's numbers after its label where 表三's first numbers
    // stand above its first row's label: those below a label may be the next row's.)
    if first.is_some_and(|f| numbers_before_label(rows_from, f, t)) {
        below_labels_dropped(rows_from, report, from);
    }
    end
}

/// Rows rebuilt, with each one's index in the rows they were rebuilt from.
type Rebuilt<'a> = (Vec<Row<'a>>, Vec<usize>);

/// 表三's rows rebuilt where each row's numbers are printed before its label
/// (see [`super::numbers_first`]), with how a row's lone number is read: its
/// cells are its first columns, or, its marks for none lost, its total too.
fn numbers_first<'a>(rows: &[Row<'a>], first: usize, t: Template, n: usize) -> Option<(Rebuilt<'a>, Lone)> {
    let rebuilt = super::numbers_first::rebuilt(rows, first, t, n)?;
    let lone = if super::numbers_first::marks_lost(rows, first, t) { Lone::Total } else { Lone::First };
    Some((rebuilt, lone))
}

/// Whether 表三's first numbers stand above its first row's label (row
/// `first`) as each row's do where its numbers are printed before its label:
/// a line of numbers alone right above the label that do not make the first
/// row with those after the label, up to the second row's (a web page prints
/// a row's first column above its label, the rest after it: `5` /
/// `一、本年新收…` / `0 1 0 2 1 9`).
fn numbers_before_label(rows: &[Row], first: usize, t: Template) -> bool {
    let Some(above) = first.checked_sub(1).map(|k| &rows[k]).filter(|r| r.is_numbers_alone()) else { return false };
    let second = template::request_rows(t)[1].cues[0];
    let to = (first + 1..rows.len()).find(|&k| rows[k].label().has(second)).unwrap_or(rows.len());
    let row: Vec<Cell> = above.cells.iter().chain(rows[first..to].iter().flat_map(|r| &r.cells)).copied().collect();
    row.len() > template::APPLICANTS.len() || row.len() < 2 || !cells_add_up(&row)
}

/// Drops the rows read (`report.requests[from..]`) whose numbers are on
/// lines of their own below their labels, where 表三's first numbers stand
/// above its first row's label: each row's numbers are printed before its
/// label (the rows read as printed, those numbers are the next row's), but
/// for the first column's, on a wrapped label's first line, which stay.
fn below_labels_dropped(rows: &[Row], report: &mut Report, from: usize) {
    let alone = rows.iter().filter(|r| r.is_numbers_alone());
    let mut apart: Vec<usize> = alone.flat_map(|r| &r.cells).map(|c| c.offset).collect();
    apart.sort_unstable();
    let below = report.requests[from..].iter().filter(|f| apart.binary_search(&f.offset).is_ok());
    let dropped: std::collections::BTreeSet<&'static str> = below.map(|f| f.row).collect();
    let mut at = 0;
    report.requests.retain(|f| {
        at += 1;
        at <= from || !dropped.contains(&f.row)
    });
    let why = "its numbers, printed below its label where the table's first stand above its first row's, \
               may be the next row's";
    for row in dropped {
        report.flag("cells_unaligned", format!("{row}: {why}"));
    }
}

/// 表三 read row by row instead of over bands (`banded`, its rows): runs of
/// zeros fit bands of rows whatever their place, and a band of as many rows
/// as columns adds up read across as well as down where its numbers are few.
/// So where the bands' results do not add up to (七)总计 in two columns or
/// more, the table is read with each row's numbers before its label (see
/// [`super::numbers_first`]), else after it over lines of their own (see
/// [`super::labels_first`]), and the first of those readings that holds
/// every sum, every cell read, is the table's. Returns the row after the
/// table, where so read.
fn rows_instead(
    text: &str,
    rows: &[Row],
    first: usize,
    t: Template,
    banded: &[Row],
    report: &mut Report,
) -> Option<usize> {
    let (specs, n) = (template::request_rows(t), template::APPLICANTS.len());
    let cells: Vec<Vec<Cell>> = banded.iter().map(|r| r.cells.clone()).collect();
    let whole = cells.len() == specs.len() && cells.iter().all(|c| c.len() == n);
    if !whole || super::bands::results_unequal(&specs, &cells, n) < 2 {
        return None;
    }
    let holding = |(rebuilt, origin): (Vec<Row>, Vec<usize>), lone: Lone| {
        let mut trial = Report::default();
        let end = read_requests_in(&rebuilt, t, lone, &mut trial)?;
        crate::extract::checks::check(&mut trial, t);
        let every = trial.requests.len() == specs.len() * n && trial.issues.is_empty();
        every.then(|| (trial, origin.get(end).copied().unwrap_or(rows.len())))
    };
    let before = || {
        let (rebuilt, lone) = numbers_first(rows, first, t, n)?;
        holding(rebuilt, lone)
    };
    let after = || holding(super::labels_first::gathered(text, rows, first, t, n)?, Lone::Total);
    let (mut trial, end) = before().or_else(after)?;
    report.requests.append(&mut trial.requests);
    Some(end)
}

/// 表三 read over bands of rows, or a band of its first rows with the later
/// rows' last columns printed apart, `width` columns; where the bands read the
/// table short of its last rows alone (up to (七)总计, or those rows cut to
/// their first columns), that reading is kept in `short`; `others` are the
/// facts 表二 read.
fn banded_in<'a>(
    text: &str,
    rows: &[Row<'a>],
    first: usize,
    t: Template,
    width: usize,
    others: &[crate::report::DisclosureFact],
    short: &mut Option<(super::bands::Read<'a>, Vec<CutRow>)>,
) -> Option<super::bands::Read<'a>> {
    match super::bands::banded(text, rows, first, t, width, others) {
        super::bands::Banded::Whole(read) => return Some(read),
        super::bands::Banded::Short(read, cut) => {
            short.get_or_insert((read, cut));
        }
        super::bands::Banded::Not => {}
    }
    super::last_columns::apart(text, rows, first, t, width)
}

/// Reads 表三 with each row's numbers after its label, as most layouts print them.
fn read_requests_as_printed(rows: &[Row], t: Template, report: &mut Report) -> Option<usize> {
    let n = template::APPLICANTS.len();
    match labelled_groups(rows, t, n) {
        Some((grouped, origin)) => {
            let back = |k: usize| origin.get(k).copied().unwrap_or(rows.len());
            read_requests_split(&grouped, t, report).map(back)
        }
        None => read_requests_split(rows, t, report),
    }
}

fn read_requests_split(rows: &[Row], t: Template, report: &mut Report) -> Option<usize> {
    let n = template::APPLICANTS.len();
    if !rows.iter().any(|row| holds_runs(row, n)) {
        return read_requests_in(rows, t, Lone::Total, report);
    }
    let (split, origin) = split_runs(rows, n);
    read_requests_in(&split, t, Lone::Total, report).map(|k| origin.get(k).copied().unwrap_or(rows.len()))
}

/// The numbers of a group of 表三 (`(三)不予公开`) printed under its heading
/// alone, where a page lost the column of its numbered labels: the heading's
/// row and the unlabelled rows after it hold exactly the group's rows of `n`
/// cells (or of three, the shortened form's), which are its rows in the
/// template's order. Returns the rows with each such group given its template
/// labels, and each row's index in `rows`; `None` where no group needs it.
fn labelled_groups<'a>(rows: &[Row<'a>], t: Template, n: usize) -> Option<(Vec<Row<'a>>, Vec<usize>)> {
    let mut out: Option<(Vec<Row<'a>>, Vec<usize>)> = None;
    let mut k = 0;
    while k < rows.len() {
        let Some(group) = group_at(rows, k, t, n) else {
            if let Some((out, origin)) = &mut out {
                out.push(rows[k].clone());
                origin.push(k);
            }
            k += 1;
            continue;
        };
        let (out, origin) = out.get_or_insert_with(|| (rows[..k].to_vec(), (0..k).collect()));
        let at = rows[k].labels.first().map_or((rows[k].offset, 0.0), |f| (f.offset, f.center));
        for (member, chunk) in group.members.iter().zip(group.cells.chunks(group.width)) {
            let label = Frag { text: member.label, offset: at.0, center: at.1 };
            let mut row = rows[k].with_labels(vec![label], chunk.to_vec());
            row.vertical = false;
            out.push(row);
            origin.push(k);
        }
        k = group.end;
    }
    out
}

/// A group of 表三 under its heading alone: its template rows, their width and
/// cells, and the row after it.
struct Group {
    members: Vec<&'static template::Row>,
    width: usize,
    cells: Vec<Cell>,
    end: usize,
}

/// The group whose heading is row `k`, if its numbers fill its rows.
fn group_at(rows: &[Row], k: usize, t: Template, n: usize) -> Option<Group> {
    let unlabelled = |r: &Row| r.labels.is_empty() && !r.cells.is_empty();
    // A group's numbers are more than a row's, or on unlabelled rows under its heading.
    if rows[k].cells.len() <= n && !rows.get(k + 1).is_some_and(unlabelled) {
        return None;
    }
    let label = rows[k].label();
    let numeral = template::REQUEST_GROUPS.iter().find(|g| label.has(g.1))?.0;
    if rows[k].kind != Kind::Table || best_match(label, Cues::requests(t), 0).is_some() {
        return None;
    }
    let end = (k + 1..rows.len()).find(|&e| !unlabelled(&rows[e])).unwrap_or(rows.len());
    let members = template::group_rows(t, numeral);
    if members.len() < 2 {
        return None;
    }
    [n, COMBINED_WIDTH].into_iter().find_map(|width| {
        let cells = group_cells(&rows[k..end], members.len() * width, width)?;
        Some(Group { members: members.clone(), width, cells, end })
    })
}

/// The columns of the shortened 表三: 自然人, 法人或其他组织, 总计.
pub(super) const COMBINED_WIDTH: usize = 3;

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

/// The column a row's one number is in when nothing else tells.
#[derive(Clone, Copy, PartialEq)]
enum Lone {
    /// 总计, where a table prints a row's total alone.
    Total,
    /// The first, where a row's cells are its first columns (numbers first).
    First,
}

fn read_requests_in(rows: &[Row], t: Template, lone: Lone, report: &mut Report) -> Option<usize> {
    let specs = template::request_rows(t);
    let cues = Cues::requests(t);
    let candidates = table_starts(rows, specs[0].cues[0]);
    let stop = |label: &str| template::LITIGATION_ANCHORS.iter().any(|a| label.has(a));
    let mut walks = candidates.iter().take(MAX_TABLE_STARTS).map(|&k| walk(rows, k, cues, stop));
    let mut walk = match walks.find(|w| w.matches.len() >= 4) {
        Some(walk) => walk,
        // A table cut to a row or three: what it holds is read, the rest missed.
        None => walk(rows, *candidates.first()?, cues, stop),
    };
    if !walk.matches.iter().any(|&(_, k)| rows[k].has_value()) {
        report.flag("table_empty", TABLE_EMPTY);
        return Some(walk.end);
    }
    let n = template::APPLICANTS.len();
    let combined = legal_persons_combined(rows, &walk);
    // (The last row's last columns carried to the next page, after the closing sections;
    // the shortened form's three where it is so printed.)
    let width = if combined { COMBINED_WIDTH } else { n };
    let last = walk.matches.last().map(|m| m.1);
    let completed = last.and_then(|k| super::last_columns::last_row_completed(rows, k, walk.end, width));
    let rows = completed.as_deref().unwrap_or(rows);
    // (A row's first number on its label's line, the rest on the next beside the group's label.)
    let split = if combined { None } else { super::split_rows::joined(rows, &mut walk.matches, cues, n) };
    let rows = split.as_deref().unwrap_or(rows);
    // (The groups' first rows, their totals printed together further down.)
    let moved = super::group_totals::totals_further_down(rows, &walk.matches, walk.end, t, n);
    let rows = moved.as_ref().map_or(rows, |m| &m.rows);
    let first_and_total = moved.as_ref().map_or(&[][..], |m| &m.first_and_total);
    let cs = centers(rows, walk.matches.iter().map(|m| m.1), n);
    // (A row of zeros short of cells is read as all 0, a separator lost: one
    // short, the cell missing is 0 whichever it is, the total of zeros or one of
    // them. Two short or more, not where half the rows are as short, numbers not 0
    // among them: the rows' last columns are printed apart, an applicant's and the
    // total may be any two equal numbers.)
    let printed_apart = |w: usize| {
        let as_short = || walk.matches.iter().map(|m| &rows[m.1].cells).filter(move |cells| cells.len() == w);
        w + 1 < n && as_short().count() * 2 >= walk.matches.len() && as_short().flatten().any(|c| c.number() != 0.0)
    };
    if combined {
        let detail = "表三 counts legal persons and other organisations in one column: \
                      natural persons and the total read";
        report.flag("applicants_combined", detail);
    }
    report.requests.reserve(walk.matches.len() * n);
    let from = report.requests.len();
    // The facts read from a row's one number taken as its total (or its first,
    // printed within its label), where no column's place is known or the row's
    // numbers stand on lines of their own (the other column's, perhaps); and
    // those of them in the full form's rows on lines of their own, not 0, each
    // then put where the sums tell.
    let mut lone_numbers = Vec::new();
    let mut alone = Vec::new();
    // The rows whose numbers were put in their first columns, the columns unknown;
    // those of them two cells short or more.
    let mut guessed = Vec::new();
    let mut far_short = Vec::new();
    // The rows read as zeros from a lone 0.
    let mut filled = Vec::new();
    // Each row's numbers placed as far as the row tells.
    let mut planned = Vec::with_capacity(walk.matches.len());
    for &(j, k) in &walk.matches {
        let spec = specs[j];
        // (A row's one number on a line that names another row too, `7.属于行政执法案卷
        // 8.属于行政查询事项 1`: whose it is, or a row's near it, is not known.)
        let named_too = || specs.iter().any(|s| s.key != spec.key && s.cues.iter().any(|c| rows[k].label().has(c)));
        if rows[k].cells.len() == 1 && !rows[k].delimited && named_too() {
            let why = "its one number printed on a line that names another row too: whose it is is not known";
            report.flag("cells_unaligned", format!("{}: {why}", spec.key));
            continue;
        }
        // (A row's one number printed before the end of its label, between its
        // lines, stands in the column after the label's: the first. So too where
        // the row's label stops short of the template's, its last lines gone
        // with the next row's.)
        let within = |r: &Row| matches!(r.cells.as_slice(), [c] if r.labels.iter().any(|f| f.offset > c.offset));
        let short = |r: &Row| r.cells.len() == 1 && label_cut(r.label(), spec.label);
        let lone = if lone == Lone::Total && (within(&rows[k]) || short(&rows[k])) { Lone::First } else { lone };
        let before = (!combined).then(|| first_before(rows, k, &walk.matches, n)).flatten();
        let row = before.as_ref().unwrap_or(&rows[k]);
        let placed = match (combined, lone) {
            _ if first_and_total.contains(&k) => match rows[k].cells.as_slice() {
                [first, .., total] => first_and_total_of(*first, *total, n),
                _ => Placed::Some(vec![None; n], "cells_unaligned"),
            },
            (true, _) => place_combined(row, n, lone),
            (false, Lone::Total) => place(row, n, cs.as_deref(), Some(n - 1)),
            (false, Lone::First) => place(row, n, cs.as_deref(), Some(0)),
        };
        let zeros_apart = |r: &Row| cs.is_none() && !r.delimited && all_zero(&r.cells, n) && printed_apart(r.cells.len());
        let apart = zeros_apart(row);
        let placed = match placed {
            Placed::All(_) if apart => {
                let firsts = row.cells.iter().copied().map(Some).chain(std::iter::repeat(None));
                Placed::Some(firsts.take(n).collect(), "cells_unaligned")
            }
            placed => placed,
        };
        let (placed, touching) =
            if combined { (placed, false) } else { told_by_sums(placed, &rows[k], spec.key, n, report) };
        let unknown = matches!(placed, Placed::Some(_, "cells_unaligned" | "cells_inferred"));
        let short = (unknown && !touching && !apart && !row.delimited).then(|| row.cells.clone());
        planned.push(Planned { j, k, placed, touching, short, offset: row.offset, told: false });
    }
    if !combined {
        let found: Vec<usize> = walk.matches.iter().map(|m| m.0).collect();
        blanks_placed(&mut planned, &found, t, report);
    }
    for Planned { j, k, placed, touching, told, .. } in planned {
        let spec = specs[j];
        let one = |r: &Row| matches!(r.cells.as_slice(), [c] if c.number() != 0.0);
        if lone == Lone::Total && rows[k].cells.len() == 1 && !first_and_total.contains(&k) {
            if rows[k].vertical || cs.is_none() {
                lone_numbers.push(report.requests.len());
            }
            if !combined && rows[k].vertical && one(&rows[k]) {
                alone.push(report.requests.len());
            }
        }
        if matches!(placed, Placed::Filled(_)) {
            filled.push(spec.key);
        }
        if !touching && !told && matches!(placed, Placed::Some(_, "cells_unaligned")) {
            guessed.push(spec.key);
            // (A row one cell short is its first columns, its total not printed; one shorter, which not known.)
            if rows[k].cells.len() + 1 < n {
                far_short.push(spec.key);
            }
        }
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
    lone_placed(&mut report.requests, from, &lone_numbers, &alone, t);
    let guesses = Guesses { rows: &guessed, far_short: &far_short, filled: &filled, of: walk.matches.len() };
    if let Some(cut) = unverified_dropped(&mut report.requests, from, &guesses, t) {
        let detail = format!(
            "表三's last rows printed their first {} columns only (the rest not found): {}",
            cut.columns,
            cut.rows.join(", ")
        );
        report.flag("cells_cut", detail);
    }
    // (Rows read as zeros from a lone 0 that no sum checks, where more numbers
    // than 表四's cells follow its heading: some may be these rows' others.)
    let unchecked = if filled.is_empty() { Vec::new() } else { filled_unchecked(&report.requests[from..], &filled, t) };
    let under = || {
        let under = super::litigation::under_heading(rows, walk.end);
        under.map_or(0, |u| u.flat_map(|r| &r.cells).filter(|c| c.value.is_some()).count())
    };
    if !unchecked.is_empty() && under() > super::litigation::CELLS {
        let detail = format!(
            "{}: a lone 0 read as the row's zeros, no sum checking them, \
             with more numbers under 表四's heading than its cells",
            unchecked.join(", ")
        );
        report.flag("cells_inferred", detail);
    }
    let missing: Vec<&str> =
        (0..specs.len()).filter(|j| !walk.matches.iter().any(|m| m.0 == *j)).map(|j| specs[j].key).collect();
    if !missing.is_empty() {
        report.flag("rows_missing", format!("{}{}", super::pooled::ROWS_NOT_FOUND, missing.join(", ")));
    }
    Some(walk.end)
}

/// A row of 表三 placed as far as its own numbers tell: the template's row
/// (`j`) and the row read (`k`), its numbers placed, whether two of them were
/// printed touching, its numbers where it was read short of its columns with
/// none of them placed for sure (else `None`), and where it starts.
struct Planned {
    j: usize,
    k: usize,
    placed: Placed,
    touching: bool,
    short: Option<Vec<Cell>>,
    offset: usize,
    /// Whether the table's sums placed its numbers (all, or some).
    told: bool,
}

/// The rows of `planned` read short whose columns the table's sums tell (see
/// [`super::blanks`]) placed so, and flagged: the checks cannot catch what
/// the sums gave. `found`: the template's rows the walk found.
fn blanks_placed(planned: &mut [Planned], found: &[usize], t: Template, report: &mut Report) {
    let specs = template::request_rows(t);
    first_moved_down(planned);
    let counts = |cells: &[Cell]| -> Option<Vec<i64>> {
        cells.iter().map(|c| c.value.map_or(Some(0), as_count)).collect()
    };
    // (A row not found at all counts as 0 in the sums: a row of zeros prints no
    // number, and its label alone may not be found. Where it is not, the sums fail.)
    let read_as = |j: usize| if found.contains(&j) { blanks::Read::Unknown } else { blanks::Read::Short(Vec::new()) };
    let mut reads: Vec<blanks::Read> = (0..specs.len()).map(read_as).collect();
    for p in planned.iter() {
        let read = match (&p.placed, &p.short) {
            (_, Some(cells)) if cells.iter().all(|c| c.value.is_some()) => counts(cells).map(blanks::Read::Short),
            (Placed::All(cells) | Placed::Filled(cells), _) => counts(cells).map(blanks::Read::Whole),
            _ => None,
        };
        let once = planned.iter().filter(|q| q.j == p.j).count() == 1;
        reads[p.j] = read.filter(|_| once).unwrap_or(blanks::Read::Unknown);
    }
    let told = blanks::placed(&reads, t);
    let mut keys = Vec::new();
    for p in planned.iter_mut() {
        let (Some(columns), Some(cells)) = (&told[p.j], &p.short) else { continue };
        let blank = Cell { value: None, offset: cells.first().map_or(p.offset, |c| c.offset), center: 0.0 };
        let cell = |c: &blanks::Column| match *c {
            blanks::Column::Number(i) => Some(cells[i]),
            blanks::Column::Blank => Some(blank),
            blanks::Column::Untold => None,
        };
        let out: Vec<Option<Cell>> = columns.iter().map(cell).collect();
        // (Every column told, or some: then the others are left unread.)
        p.placed = match out.iter().copied().collect::<Option<Vec<Cell>>>() {
            Some(all) => Placed::All(all),
            None => Placed::Some(out, "cells_unaligned"),
        };
        p.told = true;
        keys.push(specs[p.j].key);
    }
    if !keys.is_empty() {
        let why = "printed short of cells, none for their empty ones: their columns told by the table's sums";
        report.flag("cells_inferred", format!("{}: {why}", keys.join(", ")));
    }
}

/// Rows read short whose first number is the next row's first column: printed
/// on the row's label's line, the row's own first column blank (`8.属于行政查询事项 70`
/// / `2` … `80` / `(四)无法 1.本机关不掌握相关`), where the row adds up without
/// it and the next only with it. Each is read then as its first and its total.
fn first_moved_down(planned: &mut [Planned]) {
    let n = template::APPLICANTS.len();
    for i in 1..planned.len() {
        let (above, below) = planned.split_at_mut(i);
        let (p, q) = (&mut above[i - 1], &mut below[0]);
        let (Some(cells), Some(next)) = (&mut p.short, &mut q.short) else { continue };
        let Some((first, rest)) = cells.split_first() else { continue };
        let moved: Vec<Cell> = std::iter::once(*first).chain(next.iter().copied()).collect();
        let adds_up = |cells: &[Cell]| cells.len() >= 2 && cells_add_up(cells);
        if q.j != p.j + 1 || adds_up(cells) || !adds_up(rest) || adds_up(next) || !adds_up(&moved) {
            continue;
        }
        cells.remove(0);
        *next = moved;
        for (row, cells) in [(&mut p.placed, &*cells), (&mut q.placed, &*next)] {
            if let (Some(first), Some(total)) = (cells.first(), cells.last()) {
                *row = first_and_total_of(*first, *total, n);
            }
        }
    }
}

/// The facts read from rows' lone numbers (`lone`, indices into `facts`; the
/// table's from `from`) put where the sums tell: all in their first columns
/// where they tell so of them together; then each of `alone` by itself.
fn lone_placed(facts: &mut Vec<RequestFact>, from: usize, lone: &[usize], alone: &[usize], t: Template) {
    let first_or_total = |f: &RequestFact| ["total", "natural_person"].contains(&f.applicant);
    let together: Vec<usize> =
        lone.iter().copied().filter(|&at| facts.get(at).is_some_and(first_or_total)).collect();
    lone_all_first(facts, from, &together, t);
    // (The last first: a fact dropped leaves the others' places.)
    for &at in alone.iter().rev() {
        if facts.get(at).is_some_and(first_or_total) {
            lone_column(facts, from, at, t);
        }
    }
}

/// The rows where 表三 may start: a row of the table whose label holds the
/// first row's `anchor`, or does with the line of label alone after it or
/// before it (a narrow column wraps it; then the first of the two).
pub(super) fn table_starts(rows: &[Row], anchor: &str) -> Vec<usize> {
    let orphan = |k: usize| rows.get(k).filter(|r| r.is_orphan()).map_or("", |r| r.label());
    // An anchor across two lines starts with its first character on the first.
    let head = anchor.chars().next().map_or(anchor, |c| &anchor[..c.len_utf8()]);
    (0..rows.len())
        .filter(|&k| rows[k].kind == Kind::Table)
        .filter_map(|k| {
            let own = rows[k].label();
            if own.has(anchor) {
                return Some(k);
            }
            let (after, before) = (orphan(k + 1), k.checked_sub(1).map_or("", orphan));
            if !after.is_empty() && own.has(head) && format!("{own}{after}").has(anchor) {
                Some(k)
            } else {
                (!before.is_empty() && before.has(head) && format!("{before}{own}").has(anchor)).then(|| k - 1)
            }
        })
        .collect()
}

/// The cells of a row put in its first columns for want of anything telling
/// their columns (`cells`, the first of `n` columns filled), read again where
/// the last is the sum of the others, two numbers not 0 at least, or of the one
/// other, equal and not 0 (a sum of a number and zeros tells nothing: `1 0 0 0
/// 1` may be 12's row's): the last is the row's 总计 and the first its first
/// column, as a row's lone number within its label is read; the columns between
/// are not known. Unchanged otherwise.
fn summed_last(cells: Vec<Option<Cell>>, n: usize) -> Placed {
    let read: Vec<Cell> = cells.iter().flatten().copied().collect();
    let told = match read.as_slice() {
        [first, last] => first.number() != 0.0 && first.value == last.value,
        [others @ .., _] => others.iter().filter(|c| c.number() != 0.0).count() >= 2 && cells_add_up(&read),
        [] => false,
    };
    match read.as_slice() {
        [first, .., last] if read.len() < n && told => first_and_total_of(*first, *last, n),
        _ => Placed::Some(cells, "cells_unaligned"),
    }
}

/// A row of the full form's columns placed (`placed`) as its sums tell (its
/// key `key`, `n` columns), and whether two of its numbers were printed
/// touching (neither read).
fn told_by_sums(placed: Placed, row: &Row, key: &str, n: usize, report: &mut Report) -> (Placed, bool) {
    // A row printed among more numbers than its columns (plain `pdftotext`
    // runs rows together): its rightmost numbers are its own where they add
    // up to its total; otherwise which are is unknown.
    let placed = match placed {
        Placed::Some(cells, "cells_extra") if !cells_add_up(&cells.iter().flatten().copied().collect::<Vec<_>>()) => {
            Placed::Some(vec![None; n], "cells_extra")
        }
        placed => placed,
    };
    // A row short of cells whose last number is the others' sum: that is its
    // total, the rest its first columns, which are not known but the first.
    let placed = match placed {
        Placed::Some(cells, "cells_unaligned") => summed_last(cells, n),
        placed => placed,
    };
    let Placed::All(cells) = placed else { return (placed, false) };
    if row.delimited {
        return (Placed::All(cells), false);
    }
    // Two numbers of neighbouring columns printed touching, a column blank
    // beside them: neither is read.
    let unsure = if row.vertical { Vec::new() } else { touching(&cells) };
    if !unsure.is_empty() {
        let mut out: Vec<Option<Cell>> = cells.into_iter().map(Some).collect();
        for c in unsure {
            out[c] = None;
        }
        return (Placed::Some(out, "cells_unaligned"), true);
    }
    // A row of all its cells that adds up only with its greatest number as its
    // total, printed among the others (a column's head printed between them).
    match total_moved_last(&cells) {
        // (Its total before its last number, all after its label: that number may
        // as well be its first column printed last, its head with it.)
        Some(moved) if moved[n - 1].offset == cells[n - 2].offset && !first_within_label(row, &cells[0]) => {
            let mut out = vec![None; n];
            out[n - 1] = Some(moved[n - 1]);
            (Placed::Some(out, "cells_unaligned"), false)
        }
        Some(cells) => {
            let why = "its greatest number, the sum of the others, printed out of its place: read as its total";
            report.flag("cells_inferred", format!("{key}: {why}"));
            (Placed::All(cells), false)
        }
        None => (Placed::All(cells), false),
    }
}

/// Whether `row`'s number `first` is printed within its label: words of the
/// label, not a column's head, after it (`二、上年结转政府信` / `283` /
/// `息公开申请数量`), as a row's first column stays on the label's line.
fn first_within_label(row: &Row, first: &Cell) -> bool {
    let head = |text: &str| {
        let word = crate::normalize::squash(text);
        template::APPLICANT_LABELS.iter().any(|h| h.contains(&*word))
    };
    row.labels.iter().any(|f| f.offset > first.offset && !head(f.text))
}

/// Row `k` (one of `n` columns) with the lone number on the line right before
/// its label (its own line, or the lines of label alone above its numbers) as
/// its first column, where the row is a cell short and adds up only so: a web
/// page's first column printed above the row's label, among the columns'
/// heads. `None` otherwise, or where that line is another row's.
fn first_before<'a>(rows: &[Row<'a>], k: usize, matches: &[(usize, usize)], n: usize) -> Option<Row<'a>> {
    let row = &rows[k];
    if row.cells.len() + 1 != n || row.delimited || cells_add_up(&row.cells) {
        return None;
    }
    let labelled = rows[..k].iter().rev().take(MAX_LABEL_LINES).take_while(|r| r.is_orphan()).count();
    let at = k.checked_sub(1 + labelled)?;
    let above = &rows[at];
    if !above.labels.is_empty() || above.cells.len() != 1 || matches.iter().any(|m| m.1 == at) {
        return None;
    }
    let cells: Vec<Cell> = above.cells.iter().chain(&row.cells).copied().collect();
    cells_add_up(&cells).then(|| row.with_labels(row.labels.clone(), cells))
}

/// The cells of a row that does not add up as printed, with its greatest
/// number, the one that is the sum of all the others, moved to the last
/// column: its 总计 printed out of its place. `None` where the row adds up or
/// no number is its others' sum.
fn total_moved_last(cells: &[Cell]) -> Option<Vec<Cell>> {
    if cells.len() < 3 || cells_add_up(cells) {
        return None;
    }
    let sum: f64 = cells.iter().map(Cell::number).sum();
    let at = (0..cells.len()).max_by(|&a, &b| cells[a].number().total_cmp(&cells[b].number()))?;
    let total = cells[at].number();
    if total <= 0.0 || sum - total != total {
        return None;
    }
    let mut out = cells.to_vec();
    let moved = out.remove(at);
    out.push(moved);
    Some(out)
}

/// A row of `n` columns read as its first column and its 总计, those between
/// not known.
fn first_and_total_of(first: Cell, total: Cell, n: usize) -> Placed {
    let mut out = vec![None; n];
    (out[0], out[n - 1]) = (Some(first), Some(total));
    Placed::Some(out, "cells_unaligned")
}

/// The columns of an aligned row that does not add up whose numbers are not
/// known where two numbers of neighbouring columns were printed touching
/// (`434   341 2` for 434, 34, 1, 2): a number of two digits or more beside a
/// blank cell whose digits parted between the two make the row add up, each
/// such pair (`177   170` parts as 17 and 0, or 17 and 7 beside 170). Which
/// number is whose is not known (a layout may print touching numbers in
/// another order); empty where no parting adds up.
fn touching(cells: &[Cell]) -> Vec<usize> {
    let n = cells.len();
    let mut unsure = Vec::new();
    let Some(total) = cells.last().and_then(|c| c.value).map(|v| v.number) else { return unsure };
    if n < 3 || cells_add_up(cells) {
        return unsure;
    }
    let sum: f64 = cells[..n - 1].iter().map(Cell::number).sum();
    for (i, cell) in cells[..n - 1].iter().enumerate() {
        let Some(v) = cell.value.filter(|v| v.unit.is_none() && v.number.fract() == 0.0 && v.number >= 10.0) else {
            continue;
        };
        let digits = format!("{}", v.number as u64);
        for j in [i.checked_sub(1), Some(i + 1)].into_iter().flatten() {
            if j >= n - 1 || cells[j].value.is_some() {
                continue;
            }
            let adds_up = |(left, right): (&str, &str)| {
                let parted = left.parse::<f64>().unwrap_or(0.0) + right.parse::<f64>().unwrap_or(0.0);
                !(right.len() > 1 && right.starts_with('0')) && sum - v.number + parted == total
            };
            if (1..digits.len()).map(|p| digits.split_at(p)).any(adds_up) {
                unsure.extend([i, j]);
            }
        }
    }
    unsure.sort_unstable();
    unsure.dedup();
    unsure
}

/// Whether a row's label is the template's `full` label cut before its last
/// words (two characters or more), its start printed whole: a label that
/// starts with its item's number (`1.本机关`) from its start (past its group's
/// numeral), any other from anywhere.
fn label_cut(label: &str, full: &str) -> bool {
    let full = crate::normalize::squash(full);
    let item = full.find(')').map_or(&full[..], |p| &full[p + 1..]);
    let from_item = super::numbers_first::numbered(label) && item.starts_with(label);
    let fewest = if from_item { MIN_CUT_NUMBERED } else { MIN_CUT_LABEL };
    label.chars().count() >= fewest
        && full.find(label).is_some_and(|at| full.len() - (at + label.len()) >= 2 * '字'.len_utf8())
}

/// The fewest characters of a row's label [`label_cut`] looks at (fewer may be
/// a word the label holds anywhere); of one that starts with its item's
/// number, where the item's label starts (the number and three characters).
const MIN_CUT_LABEL: usize = 6;
const MIN_CUT_NUMBERED: usize = 5;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cells::rows;

    fn requests(text: &str, t: Template) -> Report {
        let (_, rs) = rows(text);
        let mut report = Report::default();
        read_requests(text, &rs, t, 0, &mut report);
        report
    }

    /// 表三 of a `.doc` as plain `pdftotext` prints it: the first rows whole, a
    /// number a line; from (三)2 each row's first number on its label's line,
    /// its other cells after 表四's heading (with 表四's).
    const DOC_ROWS_APART: &str = "三、收到和处理政府信息公开申请情况\n(本列数据 申请人情况\n的勾稽关\n系为：第\n一项加第\n二项之\n和，等于\n第三项加\n第四项之\n和)\n\
        自然人 商业企业 科研机构\n社会公 法律服 其他 总计\n益组织 务机构\n28\n1\n0\n1\n1\n0\n31\n一、本年新收政府信息公开申请数量\n2\n0\n0\n0\n1\n0\n3\n\
        二、上年结转政府信息公开申请数量\n12\n1\n0\n1\n0\n0\n14\n三、本年 (一)予以公开\n3\n0\n0\n0\n1\n0\n4\n度办理结 (二)部分公开\n0\n0\n0\n0\n0\n0\n\
        0\n果\n(三)不予 1.属于国家秘密\n0\n0\n0\n0\n0\n0\n公开\n2.其他法律行政法规 0\n禁止公开\n0\n0\n0\n0\n0\n0\n3.危及\"三安全一稳 0\n定\"\n0\n0\n\
        0\n0\n0\n0\n4.保护第三方合法权 0\n益\n\n5.属于三类内部事务 0\n信息\n6.属于四类过程性信 0\n息\n7.属于行政执法案卷 0\n8.属于行政查询事项 0\n\
        (四)无法 1.本机关不掌握相关 6\n提供\n政府信息\n2.没有现成信息需要 0\n另行制作\n3.补正后申请内容仍 1\n不明确\n(五)不予 1.信访举报投诉类申 2\n处理\n请\n0\n2.重复申请\n\
        3.要求提供公开出版 0\n物\n4.无正当理由大量反 0\n复申请\n5.要求行政机关确认 0\n或重新出具已获取\n信息\n1\n(六)其他处理\n25\n(七)总计\n5\n四、结转下年度继续办理\n\
        四、政府信息公开行政复议、行政诉讼情况\n";

    #[test]
    fn rows_read_as_zeros_from_a_lone_0_that_no_sum_checks_are_flagged_where_numbers_follow_the_litigation_heading() {
        // 表四's heading with more numbers under it than its fifteen cells: some
        // are 表三's rows' others (2.没有现成信息需要另行制作's 1 among them).
        let under = "0\n\n".repeat(40) + "1\n\n" + &"0\n\n".repeat(40);
        let r = requests(&format!("{DOC_ROWS_APART}{under}五、存在的主要问题及改进情况\n"), Template::T2019);
        let flagged = |r: &Report| {
            r.issues.iter().any(|i| i.code == "cells_inferred" && i.detail.contains("unable_needs_creation"))
        };
        assert!(flagged(&r), "{:?}", r.issues);
        // (Fifteen numbers under it, 表四's: no such flag.)
        let fifteen = "0\n\n".repeat(15);
        let r = requests(&format!("{DOC_ROWS_APART}{fifteen}五、存在的主要问题及改进情况\n"), Template::T2019);
        assert!(!flagged(&r), "{:?}", r.issues);
    }

    #[test]
    fn the_last_rows_other_columns_under_the_litigation_heading_are_read_a_band_at_a_time() {
        // The rows from (三)4 on each with its first number on its label's line;
        // under 表四's heading 表四's first eight cells a line each, then those
        // rows' other six columns a band at a time, each column a block between
        // blank lines (a band of one row, then one of the other fifteen), then
        // 表四's last cells. Two of the second band's rows have 1 in 商业企业.
        let lone = [0, 0, 0, 0, 0, 6, 0, 1, 2, 0, 0, 0, 0, 1, 25, 5];
        let commercial = [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0];
        let block = |cells: Vec<i64>| cells.iter().map(|c| format!("{c}\n")).collect::<String>() + "\n";
        let mut under = "0\n\n".repeat(8);
        under += &"0\n\n".repeat(6);
        under += &block(commercial.to_vec());
        for _ in 0..4 {
            under += &block(vec![0; 15]);
        }
        under += &block(lone[1..].iter().zip(commercial).map(|(l, c)| l + c).collect());
        under += "0\n\n0\n\n";
        let r = requests(&format!("{DOC_ROWS_APART}\n{under}五、存在的主要问题及改进情况\n"), Template::T2019);
        let row = |key: &str| {
            let facts = r.requests.iter().filter(|f| f.row == key);
            facts.map(|f| (f.applicant, f.count)).collect::<Vec<_>>()
        };
        let whole = |first: i64, commercial: i64| {
            let counts = [first, commercial, 0, 0, 0, 0, first + commercial];
            template::APPLICANTS.iter().copied().zip(counts).collect::<Vec<_>>()
        };
        assert_eq!(row("unable_not_held"), whole(6, 1), "{:?}", r.issues);
        assert_eq!(row("unable_unclear"), whole(1, 0));
        assert_eq!(row("total_processed"), whole(25, 1));
        assert_eq!(row("carried_forward"), whole(5, 0));
        assert!(!r.issues.iter().any(|i| i.detail.contains("read short")), "{:?}", r.issues);
        // A band whose rows do not add up: not read so.
        let broken = under.replacen("\n1\n", "\n2\n", 1);
        let r = requests(&format!("{DOC_ROWS_APART}\n{broken}五、存在的主要问题及改进情况\n"), Template::T2019);
        assert!(r.requests.iter().filter(|f| f.row == "unable_not_held").count() < 7, "{:?}", r.issues);
    }

    #[test]
    fn rows_read_short_of_their_cells_that_nothing_names_are_flagged() {
        // Each row's first number on its label's line and its others nowhere
        // (表四's heading with its own fifteen cells only under it): the rows whose
        // one number not 0 was read in its first column are named.
        let fifteen = "0\n\n".repeat(15);
        let r = requests(&format!("{DOC_ROWS_APART}{fifteen}五、存在的主要问题及改进情况\n"), Template::T2019);
        let short = r.issues.iter().find(|i| i.code == "cells_unaligned" && i.detail.contains("read short of its cells"));
        let short = short.map(|i| i.detail.split(':').next().unwrap_or_default().to_string()).unwrap_or_default();
        let named: Vec<&str> = short.split(", ").collect();
        assert!(named.contains(&"unable_not_held") && named.contains(&"unable_unclear"), "{:?}", r.issues);
        for row in named {
            let read = r.requests.iter().filter(|f| f.row == row).count();
            assert!((1..template::APPLICANTS.len()).contains(&read), "{row}: {read}");
        }
        // A table read whole: no such flag.
        let whole = "一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n\
            二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n";
        assert!(!requests(whole, Template::T2019).issues.iter().any(|i| i.detail.contains("read short")));
    }

    #[test]
    fn the_first_row_is_found_when_a_narrow_column_wraps_its_label() {
        let cells = "      1     0     0     0     0     0     1";
        for text in [
            format!("申请人情况\n    一、本年新{cells}\n    收政府信息\n    公开申请数\n    量\n    二、上年结{cells}\n    转政府信息\n"),
            format!("申请人情况\n    一、本年新\n    收政府信息{cells}\n    公开申请数\n    量\n    二、上年结\n    转政府信息{cells}\n"),
        ] {
            assert_reads(&text, &[("new_received", "total", 1), ("carried_over", "natural_person", 1)]);
        }
    }

    #[test]
    fn a_lone_number_on_a_line_that_names_two_rows_is_neither_s() {
        // Plain `pdftotext` of a Word table with blank cells: each row's first number
        // and total; the line of 7 and 8 holds (四)1's total, its first on its own line.
        let text = "(本列数据 申请人情况\n自然人 商业企业 科研机构\n社会公 法律服 其他 总计\n益组织 务机构\n\
                    4\n4\n一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n1\n1\n\
                    三、本年 (一)予以公开\n1\n1\n度办理结 (二)部分公开\n果\n(三)不予 1.属于国家秘密\n公开\n\
                    2.其他法律行政法规 禁止公开\n3.危及\"三安全一稳 定\"\n4.保护第三方合法权 -\n\n益\n\
                    5.属于三类内部事务 信息\n6.属于四类过程性信 息\n7.属于行政执法案卷 8.属于行政查询事项 1\n\
                    (四)无法 1.本机关不掌握相关 1\n提供\n政府信息\n2.没有现成信息需要 另行制作\n\
                    (七)总计\n四、结转下年度继续办理\n";
        let r = requests(text, Template::T2019);
        assert!(!r.requests.iter().any(|f| f.row == "denied_admin_query"), "{:?}", r.requests);
        assert!(r.issues.iter().any(|i| i.code == "cells_unaligned" && i.detail.starts_with("denied_admin_query")));
        let one = |row: &str, applicant: &str| r.requests.iter().find(|f| f.row == row && f.applicant == applicant);
        assert_eq!(one("unable_not_held", "natural_person").map(|f| f.count), Some(1), "{:?}", r.requests);
        assert_eq!(one("denied_third_party", "total").map(|f| f.count), Some(0), "{:?}", r.requests);
    }

    #[test]
    fn the_last_rows_read_as_zeros_where_the_table_prints_a_count_no_row_read_are_not_read() {
        // Plain `pdftotext` of a Word table whose cells it scrambles: the marks after
        // (七)总计 and 四 are other rows' (their 总计 and 四 hold the 1s among them).
        let text = "三、收到和处理政府信息公开申请情况||申请人情况||商业企|业||科研机构||一、本年新收政府信息公开申请数量|二、上年结转政府信息公开申请数量|三、本|年度办|理结果||\
                    本年增/减|6|-13||上一年项目数量|20|82||(一)予以公开|(二)部分公开||社会|公益|组织|1||—|—|—|—|—|—||法律|服务|机构|—|—|—|—|—|\
                    —|—|—||其他||总计||—|—|—|—|—|—|—|—||—|—|—|—|—|—|—|—||—|—|—|—|—|—|—|—||—|—|—|—|—|—|—|—||1|—|—|\
                    —|—|—|—||(三)不|予公开||(四)无|法提供||(五)不|予处理||1.属于国家秘密|2.其他法律行政|法规禁止公开|3.危及\"三安全一|稳定\"|4.保护第三方合|\
                    法权益|5.属于三类内部|事务信息|6.属于四类过程|性信息|7.属于行政执法|案卷|8.属于行政查询|事项|1.本机关不掌握|相关政府信息|2.没有现成信息|需要另行制作|\
                    3.补正后申请内|容仍不明确|1.信访举报投诉|类申请|2.重复申请||3.要求提供公开|出版物|4.无正当理由大|量反复申请|5.要求行政机关|确认或重新出具|已获取信息|\
                    (六)其他处理||—|—|—|—||—|—|—|—||—|—|—|—||—|—|—|—||—|—|—|—||—|—|—|—||—|—|—|—||—|—||—|—||—|—||—|\
                    —||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|\
                    —||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|\
                    —||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||1||—|—||—|—||—|—||—|—||—|—||1||—|—||—|—||\
                    —|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—|—|—||—|—|—|—||—|—|—|—||—|\
                    —|—|—||—|—|—|—||—|—|—|—||—|—|—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||—|—||\
                    —|—||—|—||—|—||—|—|1||—|—|—|—|—|—|—|—|—|—|—|—|—|—|—|(七)总计|—|—|—|—|—|—|—|—|—|—|—|\
                    四、结转下年度继续办理|—|—|—|—|—|—|四、政府信息公开行政复议、行政诉讼情况|".replace('|', "\n");
        let r = requests(&text, Template::T2019);
        let last = |f: &&RequestFact| f.row == "total_processed" || f.row == "carried_forward";
        assert!(!r.requests.iter().any(|f| last(&f)), "{:?}", r.requests);
        assert!(r.issues.iter().any(|i| i.code == "cells_unaligned" && i.detail.starts_with("total_processed")));
        // A count beside another is no such count (two rows' numbers, maybe): the zeros are read.
        let r = requests(&text.replace("\n1\n", "\n1\n1\n"), Template::T2019);
        assert_eq!(r.requests.iter().filter(last).count(), 14, "{:?}", r.requests);
    }

    #[test]
    fn numbers_of_neighbouring_columns_printed_touching_are_not_read() {
        // `pdftotext -layout` of a Word table: 34 and 1 printed `341`, 17 and 0 `170`.
        let text = "自然人   商业企   科研机构   社会    法律   其他   总计\n\
            一、本年新收政府信息公开申请数量   434   341 2  18      17   506\n\
            二、上年结转政府信息公开申请数量   52    4 0 0  1       2    59\n\
            三、本 (一)予以公开        177   170 2  7       6    209\n\
            年度办 (二)部分公开        41    3 0 0  1       3    48\n";
        let r = requests(text, Template::T2021);
        assert!(r.has_issue("cells_unaligned"));
        // (177 and 170 part either way to add up: 177 is not known either.)
        for (row, read) in [("new_received", [434, -1, -1, 2, 18, 17, 506]), ("granted", [-1, -1, -1, 2, 7, 6, 209])] {
            let got: Vec<i64> = template::APPLICANTS.iter().map(|a| get(&r, row, a).unwrap_or(-1)).collect();
            assert_eq!(got, read, "{row}");
        }
        assert_reads(text, &[("carried_over", "commercial", 4), ("partially_granted", "total", 48)]);
    }

    #[test]
    fn numbers_put_in_first_columns_are_kept_where_the_sums_hold() {
        // A table in cells between `|`, (六)2's row short of its cells: its numbers
        // are put in its first columns, kept in the columns whose sums hold.
        let table = |short: &str, without: &str| {
            let mut text = String::from("| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n");
            for row in template::request_rows(Template::T2021).into_iter().filter(|r| r.key != without) {
                let cells = match row.key {
                    "new_received" | "granted" | "total_processed" => "| 3 | 0 | 0 | 0 | 0 | 0 | 3 |",
                    "other_overdue_fee" => short,
                    _ => "| 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
                };
                text.push_str(&format!("| {} {cells}\n", row.label));
            }
            requests(&text, Template::T2021)
        };
        // Every result read; or one row missing, the number more than (七)总计 leaves.
        for without in ["", "denied_state_secret"] {
            let r = table("| 0 | 2 |", without);
            assert!(r.has_issue("cells_unaligned"));
            assert_eq!(get(&r, "other_overdue_fee", "natural_person"), Some(0), "{without}");
            assert_eq!(get(&r, "other_overdue_fee", "commercial"), None, "{without}");
            let r = table("| 0 | 0 |", without);
            assert_eq!(get(&r, "other_overdue_fee", "commercial"), Some(0), "{without}");
        }
    }

    #[test]
    fn a_row_put_in_its_first_columns_stands_only_where_a_sum_holds_it() {
        // A table in cells between `|`, 四 three cells of seven: which of its columns are blank
        // is not known until 一 + 二 = (七) + 四 holds with its numbers in its first columns.
        let table = |without: &str| {
            let mut text = String::from("| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n");
            for row in template::request_rows(Template::T2021).into_iter().filter(|r| r.key != without) {
                let cells = match row.key {
                    "new_received" => "| 10 | 3 | 1 | 0 | 0 | 0 | 14 |",
                    "carried_over" => "| 2 | 0 | 0 | 0 | 0 | 0 | 2 |",
                    "granted" | "total_processed" => "| 7 | 0 | 0 | 0 | 0 | 0 | 7 |",
                    "carried_forward" => "| 5 | 3 | 1 |",
                    _ => "| 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
                };
                text.push_str(&format!("| {} {cells}\n", row.label));
            }
            let r = requests(&text, Template::T2021);
            template::APPLICANTS.iter().map(|a| get(&r, "carried_forward", a)).collect::<Vec<_>>()
        };
        assert_eq!(table(""), [Some(5), Some(3), Some(1), None, None, None, None]);
        // (七)总计 not printed: nothing holds them.
        assert_eq!(table("total_processed"), [None; 7]);
    }

    /// A web page's 表三 by plain `pdftotext`, its lines between `|` (from the
    /// section's heading to 表四's): its rows' first columns by their labels,
    /// their middle columns after, the groups' first rows' totals carried down,
    /// the last rows' numbers in runs apart.
    const PAGE: &str = "\
        (本列数据的|勾稽关系为：|第一项加第二|申请人情况|项之和，等于|第三项加第四|项之和)|自然人|商业企业|\
        一、本年新收|政府信息公开 1290|申请数量|二、上年结转 8|科研机构|社会|法律服务|公益|其他 总计|机构|\
        组织|127|16|15|54|33|1535|13|0|0|7|0|28|\x0c政府信息公开|申请数量|558|\
        64|4|6|24|12|668|98|7|2|1|1|2|111|1.属于国家秘密|14|0|0|0|0|0|\
        2.其他法律行政法|12|规禁止公开|4|0|0|0|0|16|3.危及\"三安全一稳|15|定\"|2|0|0|1|\
        0|18|4.保护第三方合法|14|权益|0|0|0|1|0|15|5.属于三类内部事|8|务信息|2|0|0|0|0|\
        10|6.属于四类过程性|11|信息|2|0|0|2|0|15|7.属于行政执法案|23|卷|0|0|0|1|0|24|\
        8.属于行政查询事|11|项|1|0|1|0|2|15|19|6|3|9|6|三、本年度办 (一)予以公开|理结果|\
        (二)部分公开|(三)不予公开|(四)无法提供|1.本机关不掌握相|216|关政府信息|2.没有现成信息需|59|\
        要另行制作|8|1|0|5|0|73|3.补正后申请内容|25|仍不明确|6|0|0|0|4|35|(五)不予处理|\
        1.信访举报投诉类|16|申请|2|1|0|3|2|2.重复申请|15|2|1|0|0|0|18|3.要求提供公开出|\
        20|版物|3|0|0|0|0|23|4.无正当理由大量|18|反复申请|2|0|0|0|1|21|5.要求行政机关确|\
        认或重新出具已获 15|取信息|3|0|2|1|0|21|2|0|0|3|0|0|1|1|0|35|1.申请人无正当理|\
        由逾期不补正、|(六)其他处理|行政机关不再处 23|理其政府信息公|开申请|3|2.申请人逾期未按 30|14|\
        259|24|28|\x0c收费通知要求缴纳|费用、行政机关不|再处理其政府信息|公开申请|3.其他|16|6|0|0|\
        1|0|23|(七)总计|1217|138|15|14|53|29|1466|2|1|1|8|4|97|四、结转下年|\
        81|度继续办理|";

    /// Another page, (三)'s first rows printed before their labels, (四)1's 其他
    /// and 总计 among the labels' lines.
    const PAGE_BEFORE: &str = "\
        (本列数据的勾|稽关系为：第|一项加第二项|申请人情况|之和，等于第|三项加第四项|之和)|自然人|商业企业|\
        一、本年新收 253|政府信息公开|科研机构|30|社会|法律服务|公益|其他 总计|机构|组织|2|4|16 5|\
        310|\x0c申请数量|二、上年结转|政府信息公开 24|申请数量|3|—|—|2|1|30|115|13|1|4|\
        10|5|22|2|—|—|1|— 25|1.属于国家秘密|2|1|—|—|— — 3|2.其他法律行政法规|—|\
        禁止公开|—|—|—|—|— —|3.危及\"三安全一稳|2|定\"|1|—|—|—|— 3|4.保护第三方合法权|2|\
        益|1|—|—|—|— 3|5.属于三类内部事务|2|信息|—|—|—|—|— 2|6.属于四类过程性信|2|息|—|\
        —|—|—|— 2|7.属于行政执法案卷 5|—|—|—|—|— 5|8.属于行政查询事项 1|1|—|—|—|— 2|\
        1.本机关不掌握相|46|关政府信息|3|1|—|1|三、本年度办 (一)予以公开|理结果|(二)部分公开|\
        (三)不予公开|(四)无法提供|148|1|52|2.没有现成信息需要|14|另行制作|3|—|—|1|— 18|\
        3.补正后申请内容仍|9|不明确|—|—|—|1|— 10|(五)不予处理|1.信访举报投诉类|5|申请|—|—|—|\
        — — 5|2.重复申请|6|—|—|—|1|— 7|3.要求提供公开出版|1|物|—|—|—|—|— 1|\
        4.无正当理由大量反|3|复申请|—|—|—|—|— 3|5.要求行政机关确认|或重新出具已获取 4|信息|—|—|—|\
        1|— 5|2|—|—|— — 6|—|—|—|— 5|1.申请人无正当理|由逾期不补正、行|4|(六)其他处理|\
        政机关不再处理其|政府信息公开申请|—|2.申请人逾期未按收 5|费通知要求缴纳费|\x0c用、行政机关不再|\
        处理其政府信息公|开申请|3.其他|1|1|—|—|—|— 2|(七)总计|251|28|2|4|16|6|5|—|—|\
        2|—|33|四、结转下年|26|度继续办理|307|";

    fn page(lines: &str) -> String {
        let lines = lines.trim_end_matches('|').replace('|', "\n");
        format!("三、收到和处理政府信息公开申请情况\n{lines}\n四、政府信息公开行政复议、行政诉讼情况\n")
    }

    fn row(r: &Report, key: &str) -> Vec<Option<i64>> {
        template::APPLICANTS.iter().map(|a| get(r, key, a)).collect()
    }

    /// A web page's 2021 表三 by plain `pdftotext`, a number a line: the heads,
    /// then what `row` prints for each row (by its key and its label, a group's
    /// first row's without its group's), its label and its numbers after it.
    fn number_a_line(row: impl Fn(&'static str, &'static str) -> String) -> String {
        let mut text = String::from("申请人情况\n自然人\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n总计\n");
        for spec in template::request_rows(Template::T2021) {
            let numbered = |(_, l): &(&str, &str)| l.starts_with(|c: char| c.is_ascii_digit());
            let label = spec.label.split_once(')').filter(numbered).map_or(spec.label, |(_, l)| l);
            text.push_str(&row(spec.key, label));
        }
        text
    }

    #[test]
    fn rows_guessed_from_other_rows_numbers_give_way_to_the_last_rows_read_again() {
        // (六)1's numbers (23 and 3 among (六)2's label's lines) put in its first columns would
        // take numbers of others: dropped, the last rows are read where every sum holds.
        let r = requests(&page(PAGE), Template::T2021);
        assert_eq!(r.requests.len(), 25 * 7, "{:?}", r.issues);
        assert_eq!(row(&r, "other_overdue_correction"), [23, 2, 0, 0, 3, 0, 28].map(Some));
        assert_eq!(row(&r, "other_overdue_fee"), [30, 3, 0, 1, 1, 0, 35].map(Some));
        assert_eq!(row(&r, "carried_forward"), [81, 2, 1, 1, 8, 4, 97].map(Some));
    }

    #[test]
    fn a_row_s_first_columns_stand_while_the_last_rows_are_read_again_where_that_reads_more() {
        // (四)1's first five columns after its label, its 其他 and 总计 among the labels' lines:
        // they stand, and the rows printed apart are read with its last two.
        let r = requests(&page(PAGE_BEFORE), Template::T2021);
        assert_eq!(r.requests.len(), 25 * 7, "{:?}", r.issues);
        assert_eq!(row(&r, "unable_not_held"), [46, 3, 1, 0, 1, 1, 52].map(Some));
        assert_eq!(row(&r, "granted"), [115, 13, 1, 4, 10, 5, 148].map(Some));
        assert_eq!(row(&r, "total_processed"), [251, 28, 2, 4, 16, 6, 307].map(Some));
    }

    /// A page of zeros read back from Big5 in another encoding, its last rows'
    /// numbers in runs apart.
    const PAGE_ZEROS: &str = "\
        (本列 数 据的勾 稽关|系为: 第一项加第二|申请人 情 况|项之和, 等于第三|项加第四项之和)|自然 人|\
        商业企业|一、 本年新收政府信息|8|公开申请数量|研机 构|社会公 法律�|其 总计|益 组 A 务|他|机 构|织|\
        1|0|0|0|0|9|二、上年结转|0|政府信息公开申请数量|三、 本年度办 理 结 果|0|0|0|0|0|0|\
        (一)予以 公开|2|1|0|0|0|0 3|(二)部分公开|0|0|0|0|0|0 0|(三)不予公开|\
        1.属于国家秘密|0|0|0|0|0 0 0|2.其他法律行政法规禁|止公开|0|0|0|0|0|0 0|\
        3.危 及\"三安全一稳定\" 0|0|0|0|0|0 0|4.保护第三 方|合法权益|0|0|0|0|0|0 0|\
        5.属于三 类内部事|务信息|0|0|0|0|0|0 0|6.属于四类 过程性信息|0|0|0|0|0|0 0|\
        7.属于行政 执 法案卷|0|0|0|0|0|0 0|8.属于行政查 询事项|0|0|0|0|0|0 0|\
        (四)无法 提供|1.本机关不掌 握相关 2|政府信息|0|0|0|0 0 2|2.没有现成信息需要另行制作|0|0|\
        0|0|0|0 0|3.补正后申请内容 仍不 0|明确|0|0|0|0|0 0|(五)不予 处理|\
        1.信访举报 投诉 类|0|申请|0|0|0|0 0 0|2.重复申请|1|0|0|0|0|0 1|\
        3.n求 提供公开出版物|0|0|0|0|0|0 0|4.无 正当 理 由大量 反复|0|申请|0|0|0|0|0 0|\
        5.n求行政 机关|确认或新出 具已 获|取信息|0|0|0|0|0|0 0|(六)其他处理|1.申请人无 正当 理|\
        由 逾 期不补正|1|、行政 机关不|再处理 其政府信息公|开申请|0|0|0|0 0 1|2.申请人逾 期未|\
        按收费通知要求 缴纳费|0|用、行政 机关不再处理|其政府信息公开申请|0|0|0|0|0 0|1|0|0|0|0|\
        0 1|7|0|1|0|0|0|0|0|0|0|0 8|1|3.其他|(七)总计|四、 结转下年度继续办 1|理|";

    #[test]
    fn the_last_rows_of_a_table_of_zeros_in_runs_apart_are_read_with_the_fewest_cells_apart() {
        // Rows of zeros fit many placings with many cells apart: those with few are looked at first.
        let r = requests(&page(PAGE_ZEROS), Template::T2021);
        assert_eq!(r.requests.len(), 25 * 7, "{:?}", r.issues);
        assert_eq!(row(&r, "total_processed"), [7, 1, 0, 0, 0, 0, 8].map(Some));
        assert_eq!(row(&r, "carried_forward"), [1, 0, 0, 0, 0, 0, 1].map(Some));
        assert_eq!(row(&r, "other_misc"), [1, 0, 0, 0, 0, 0, 1].map(Some));
    }

    #[test]
    fn a_label_cut_short_after_its_items_number_is_known_as_cut() {
        // A page's narrow label column: `1.本机关` / `不掌握相` / `452` / `关政府信` / `息`,
        // the row read with its first line alone; its lone number is its first column's.
        let full = "(四)1.本机关不掌握相关政府信息";
        assert!(label_cut("1.本机关", full));
        assert!(label_cut("1.本机关不掌握相", full));
        // Not from the item's start, or too short to tell, or another item's: not so.
        for label in ["本机关不掌", "1.本机", "2.本机关", "关政府信息"] {
            assert!(!label_cut(label, full), "{label}");
        }
        assert!(!label_cut("1.属于国家", full));
    }

    #[test]
    fn a_row_short_of_cells_whose_last_number_is_the_others_sum_reads_it_as_its_total() {
        // Plain `pdftotext` of a Word table whose zeros are marks for none printed
        // apart: each row's other numbers one a line after its label.
        let text = "申请人情况\n自然人\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n总计\n\
            一、本年新收政府信息公开申请数量\n90\n10\n3\n1\n1\n3\n108\n二、上年结转政府信息公开申请数量\n2\n2\n\
            (一)予以公开\n43\n4\n1\n2\n50\n(二)部分公开\n8\n1\n9\n(三)不予公开 1.属于国家秘密\n1\n0\n0\n0\n1\n\
            2.其他法律行政法规禁止公开\n0\n0\n0\n0\n0\n0\n0\n";
        let r = requests(text, Template::T2021);
        for (row, first, total) in [("granted", 43, 50), ("partially_granted", 8, 9)] {
            let read: Vec<Option<i64>> = template::APPLICANTS.iter().map(|a| get(&r, row, a)).collect();
            assert_eq!(read, [Some(first), None, None, None, None, None, Some(total)], "{row}");
        }
        assert_eq!((get(&r, "carried_over", "natural_person"), get(&r, "carried_over", "total")), (Some(2), Some(2)));
        // (A number and zeros adding up to the last tell nothing: 1 0 0 0 1 may be 12's row's.)
        assert_eq!(get(&r, "denied_state_secret", "total"), None);
    }

    #[test]
    fn a_row_whose_total_is_printed_before_its_last_column_reads_it_as_its_total() {
        // A web page's table by plain `pdftotext`, a number a line: two column
        // heads printed between 二's 其他 and its 总计, which came first; its first
        // number on its label's line.
        let text = "申请人情况\n科研机构\n社会公益组织\n法律服务机构\n其他\n总计\n\
            一、本年新收政府信息公开申请数量\n2692\n289\n32\n42\n117\n69\n3241\n\
            二、上年结转政府信\n283\n息公开申请数量\n19\n3\n4\n12\n331\n自然人\n商业企业\n10\n\
            三、本年度办理结果\n(一)予以公开\n1271\n129\n18\n18\n48\n26\n1510\n";
        let r = requests(text, Template::T2021);
        let carried = |r: &Report| template::APPLICANTS.iter().map(|a| get(r, "carried_over", a)).collect::<Vec<_>>();
        assert_eq!(carried(&r), [283, 19, 3, 4, 12, 10, 331].map(Some));
        assert!(r.has_issue("cells_inferred"), "{:?}", r.issues);
        // All its numbers after its label: the last may as well be its first column, printed
        // last with its head (`12 1 3 0 5 152` / `自然人` / `131`): its total alone read.
        let r = requests(&text.replace("政府信\n283\n息公开申请数量", "政府信\n息公开申请数量\n283"), Template::T2021);
        assert_eq!(carried(&r), [None, None, None, None, None, None, Some(331)]);
        assert!(r.has_issue("cells_unaligned") && !r.has_issue("cells_inferred"), "{:?}", r.issues);
        // A row that adds up as printed, or whose greatest number is not the others' sum, stays as printed.
        let r = requests(&text.replace("\n10\n", "\n11\n"), Template::T2021);
        assert_eq!(get(&r, "carried_over", "other_org"), Some(331));
        assert!(!r.has_issue("cells_inferred"), "{:?}", r.issues);
        assert_eq!(get(&r, "new_received", "total"), Some(3241));
    }

    #[test]
    fn a_row_s_first_number_printed_above_its_label_among_the_heads_is_its_first_column() {
        // A web page's table by plain `pdftotext`: 一's first number above its
        // label, among the columns' heads; the others a line each after it.
        let text = |first: &str| {
            format!(
                "申请人情况\n自然人\n商业企业\n{first}\n一、本年新收政府信息公开申请数量\n0\n1\n0\n2\n1\n9\n\
                 科研机构\n社会公益组织\n法律服务机构\n其他\n总计\n\
                 二、上年结转政府信息公开申请数量\n2\n0\n0\n0\n0\n0\n2\n三、本年度办理结果\n(一)予以公开\n\
                 6\n0\n1\n0\n2\n1\n10\n"
            )
        };
        let read = |r: &Report| template::APPLICANTS.iter().map(|a| get(r, "new_received", a)).collect::<Vec<_>>();
        assert_eq!(read(&requests(&text("5"), Template::T2021)), [5, 0, 1, 0, 2, 1, 9].map(Some));
        // Not where the row does not add up with it: the numbers above the label may as
        // well be the row's, printed before it, and those after it the next row's: the
        // rows so printed are not read, and flagged.
        let r = requests(&text("4"), Template::T2021);
        assert_eq!(read(&r), [None; 7]);
        assert!(r.has_issue("cells_unaligned"), "{:?}", r.issues);
    }

    #[test]
    fn the_last_two_rows_printed_out_of_their_order_are_read_where_the_sums_tell() {
        // A web page's table by plain `pdftotext`, a number a line: (七)总计's
        // total printed after 四's numbers, 四's first among its label's lines.
        let text = |apart: &[&str], tail: &str| {
            // ((四)1 printed short of its total where the tail ends with it.)
            let short = tail.ends_with("\n5\n");
            let mut text = number_a_line(|key, label| match key {
                "new_received" => format!("{label}\n20\n2\n1\n0\n1\n1\n25\n"),
                "carried_over" => format!("{label}\n3\n0\n0\n0\n0\n0\n3\n"),
                "granted" => format!("{label}\n15\n2\n1\n0\n1\n1\n20\n"),
                "unable_not_held" if short => format!("{label}\n5\n0\n0\n0\n0\n0\n"),
                "unable_not_held" => format!("{label}\n5\n0\n0\n0\n0\n0\n5\n"),
                "total_processed" | "carried_forward" => String::new(),
                key if apart.contains(&key) => String::new(),
                _ => format!("{label}\n0\n0\n0\n0\n0\n0\n0\n"),
            });
            text.push_str(tail);
            text.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
            requests(&text, Template::T2021)
        };
        let tail = "(七)总计\n20\n2\n1\n0\n1 1\n0\n0\n0\n0\n0\n四、结转下年度继续\n3\n办理\n25\n3\n";
        let r = text(&[], tail);
        assert_eq!(row(&r, "total_processed"), [20, 2, 1, 0, 1, 1, 25].map(Some));
        assert_eq!(row(&r, "carried_forward"), [3, 0, 0, 0, 0, 0, 3].map(Some));
        assert!(r.has_issue("cells_pooled"));
        // Numbers that do not hold what the sums tell are not read so: (七)'s
        // total as printed, the agency's slip, for the checks to flag.
        let r = text(&[], &tail.replace("25", "24"));
        assert_eq!(get(&r, "total_processed", "total"), Some(24));
        // The two rows printed whole, (七)'s total printed wrong: read as printed, for the checks.
        let r = text(&[], "(七)总计\n20\n2\n1\n0\n1\n1\n26\n四、结转下年度继续办理\n3\n0\n0\n0\n0\n0\n3\n25\n");
        assert_eq!(get(&r, "total_processed", "total"), Some(26));
        assert!(!r.has_issue("cells_pooled"));
        // The last results' labels printed apart, their numbers (all 0) among the two rows':
        // read where the numbers are just theirs and the two rows'.
        let apart = ["other_overdue_fee", "other_misc"];
        let r = text(&apart, &format!("{}{tail}", "0\n".repeat(14)));
        assert_eq!(row(&r, "total_processed"), [20, 2, 1, 0, 1, 1, 25].map(Some));
        assert_eq!(row(&r, "other_misc"), [0; 7].map(Some));
        assert!(!r.has_issue("rows_missing"));
        // (A number more: the results are not all 0, or not all there.)
        let r = text(&apart, &format!("{}1\n{tail}", "0\n".repeat(13)));
        assert_eq!(get(&r, "other_misc", "total"), None);
        assert!(r.has_issue("rows_missing"));
        // (七)'s total printed wrong among them: every other cell holds what the sums
        // tell, the one number left is that total as printed, for the checks to flag.
        let slipped = tail.replace("\n25\n", "\n26\n");
        let r = text(&apart, &format!("{}{slipped}", "0\n".repeat(14)));
        assert_eq!(row(&r, "other_misc"), [0; 7].map(Some));
        assert_eq!(row(&r, "total_processed"), [20, 2, 1, 0, 1, 1, 26].map(Some), "{:?}", r.issues);
        assert_eq!(row(&r, "carried_forward"), [3, 0, 0, 0, 0, 0, 3].map(Some));
        // Two numbers off: not read so.
        let r = text(&apart, &format!("{}{}", "0\n".repeat(14), slipped.replace("\n3\n办理", "\n4\n办理")));
        assert_eq!(get(&r, "other_misc", "total"), None);
        // A group's first row printed short of its total, the total after the two rows'.
        let r = text(&[], &format!("{tail}5\n"));
        assert_eq!(row(&r, "unable_not_held"), [5, 0, 0, 0, 0, 0, 5].map(Some));
        assert_eq!(row(&r, "carried_forward"), [3, 0, 0, 0, 0, 0, 3].map(Some));
        assert!(!r.has_issue("cells_unaligned"));
    }

    #[test]
    fn the_totals_of_the_groups_first_rows_printed_further_down_are_theirs() {
        // A web page's table by plain `pdftotext`, a number a line, labels wrapped
        // in their cells: the rows a group's label shares a line with are printed
        // short of their totals, which come together among (六)2's label's lines,
        // (六)1's (its one number) last.
        let text = |correction: &str, totals: &str| {
            let text = number_a_line(|key, label| match key {
                "denied_state_secret" => format!("{label}\n1\n0\n0\n0\n1\n0\n"),
                "unable_not_held" => format!("{label}\n13\n2\n1\n0\n0\n1\n"),
                "rejected_petition" => format!("{label}\n2\n0\n0\n0\n0\n0\n"),
                "other_overdue_correction" => format!("1.申请人无正当理\n由逾期不补正、行\n{correction}"),
                "other_overdue_fee" => format!(
                    "2.申请人逾期未按收 3\n费通知要求缴纳费\n用、行政机关不再\n处理其政府信息公\n{totals}开申请\n"
                ),
                // (The table adds up.)
                "new_received" | "total_processed" => format!("{label}\n20\n2\n1\n0\n1\n1\n25\n"),
                _ => format!("{label}\n0\n0\n0\n0\n0\n0\n0\n"),
            });
            requests(&text, Template::T2021)
        };
        let r = text("1\n", "2\n17\n2\n1\n");
        let totals = ["denied_state_secret", "unable_not_held", "rejected_petition", "other_overdue_correction"];
        let read: Vec<Option<i64>> = totals.iter().map(|row| get(&r, row, "total")).collect();
        assert_eq!(read, [Some(2), Some(17), Some(2), Some(1)]);
        assert_eq!(get(&r, "other_overdue_correction", "natural_person"), Some(1));
        assert_eq!(get(&r, "other_overdue_fee", "natural_person"), Some(3));
        assert_eq!(get(&r, "other_overdue_fee", "commercial"), None);
        // (六)1's other numbers printed elsewhere: its one number its first column.
        let r = text("1\n", "2\n17\n2\n3\n");
        let read: Vec<Option<i64>> =
            template::APPLICANTS.iter().map(|a| get(&r, "other_overdue_correction", a)).collect();
        assert_eq!(read, [Some(1), None, None, None, None, None, Some(3)]);
        assert!(r.has_issue("cells_unaligned"));
        // (六)1's total apart from the others: theirs all the same.
        let r = text("1\n", "2\n17\n2\n");
        assert_eq!(get(&r, "unable_not_held", "total"), Some(17));
        assert_eq!(get(&r, "other_overdue_correction", "total"), None);
        // Numbers that are not the rows' sums are not their totals.
        let r = text("1\n", "2\n16\n2\n1\n");
        assert_eq!(get(&r, "denied_state_secret", "total"), None);
        // The totals among a row's numbers that then do not add up: theirs, not its.
        let r = text("1\n2\n17\n2\n0\n0\n1\n", "");
        assert_eq!(get(&r, "unable_not_held", "total"), Some(17));
        assert!(!r.requests.iter().any(|f| f.row == "other_overdue_correction" && f.count == 17));
        // (A row that adds up keeps its numbers.)
        let r = text("2\n17\n2\n0\n0\n0\n21\n", "");
        assert_eq!(get(&r, "unable_not_held", "total"), None);
        assert_eq!(get(&r, "other_overdue_correction", "research"), Some(2));
    }

    #[test]
    fn the_totals_of_the_groups_first_rows_under_the_next_heading_are_theirs_in_the_groups_order() {
        // A web page's table by plain `pdftotext`: the rows a group's label shares a
        // line with printed short of their totals, which the flow carried under
        // 表四's heading, before its heads; a group's first row not found still
        // takes its number there.
        let text = |without: &str, run: &str| {
            let mut text = number_a_line(|key, label| match key {
                key if key == without => String::new(),
                "denied_state_secret" => format!("{label}\n1\n0\n0\n0\n1\n0\n"),
                "unable_not_held" => format!("{label}\n13\n2\n1\n0\n0\n1\n"),
                "rejected_petition" => format!("{label}\n2\n0\n0\n0\n0\n0\n"),
                "other_overdue_correction" => format!("{label}\n1\n0\n0\n0\n0\n0\n"),
                "new_received" | "total_processed" => format!("{label}\n20\n2\n1\n0\n1\n1\n25\n"),
                _ => format!("{label}\n0\n0\n0\n0\n0\n0\n0\n"),
            });
            text.push_str(&format!("四、政府信息公开行政复议、行政诉讼情况\n{run}行政复议\n行政诉讼\n未经复议直接起诉\n"));
            requests(&text, Template::T2021)
        };
        let totals = |r: &Report| -> Vec<Option<i64>> {
            ["denied_state_secret", "unable_not_held", "rejected_petition", "other_overdue_correction"]
                .iter()
                .map(|row| get(r, row, "total"))
                .collect()
        };
        let r = text("", "2\n17\n2\n1\n");
        assert_eq!(totals(&r), [Some(2), Some(17), Some(2), Some(1)]);
        assert!(!r.has_issue("cells_unaligned"), "{:?}", r.issues);
        // (三)1 not found: its number passed over, the others' read.
        let r = text("denied_state_secret", "2\n17\n2\n1\n");
        assert_eq!(totals(&r), [None, Some(17), Some(2), Some(1)]);
        // Its number not there: the run is not the totals in order, none read.
        let r = text("denied_state_secret", "17\n2\n1\n");
        assert_eq!(totals(&r), [None; 4]);
        // Numbers that are not the rows' sums are not their totals.
        let r = text("", "2\n16\n2\n1\n");
        assert_eq!(totals(&r), [None; 4]);
    }

    #[test]
    fn the_last_row_s_last_columns_on_the_next_page_after_the_closing_sections_are_its() {
        // A web page's table by plain `pdftotext`: the last row's first columns at the
        // page's foot, the others at the next page's head, after the closing sections
        // and the page's footer.
        let text = |tail: &str| {
            let mut text = number_a_line(|key, label| match key {
                "carried_forward" => "四、结转下年度\n4\n继续办理\n\n1\n".to_string(),
                "new_received" | "total_processed" => format!("{label}\n20\n2\n1\n0\n1\n1\n25\n"),
                _ => format!("{label}\n0\n0\n0\n0\n0\n0\n0\n"),
            });
            text.push_str("四、政府信息公开行政复议、行政诉讼情况\n0 0 1 1 2 0 0 1 1 2 1 0 1 0 2\n");
            text.push_str("五、存在的主要问题及改进情况\n公开的深度有待加强。\n六、其他需要报告的事项\n无。\n");
            text.push_str(&format!("版权所有：某某县财政局门户网站\n{tail}"));
            requests(&text, Template::T2021)
        };
        let r = text("0\n\n0\n\n0\n\n0\n\n5\n");
        assert_eq!(row(&r, "carried_forward"), [4, 1, 0, 0, 0, 0, 5].map(Some));
        assert!(!r.has_issue("cells_unaligned"), "{:?}", r.issues);
        // Numbers there that do not complete the row so that it adds up are not its.
        for tail in ["0\n0\n0\n0\n6\n", "0\n0\n0\n5\n", "0\n0\n0\n0\n0\n5\n"] {
            let r = text(tail);
            assert_eq!(get(&r, "carried_forward", "total"), None, "{tail:?}");
        }
        // The shortened form's last row read whole: numbers there (表四's) are not its.
        let table = "| 自然人 | 法人或其他组织 | 总计 |\n| 一、本年新收政府信息公开申请数量 | 8 | 2 | 10 |\n\
            | 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 |\n| (一)予以公开 | 5 | 1 | 6 |\n| (二)部分公开 | 3 | 1 | 4 |\n\
            | (七)总计 | 8 | 2 | 10 |\n| 四、结转下年度继续办理 | 0 | 0 | 0 |\n四、政府信息公开行政复议、行政诉讼情况\n\
            五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n某某街道办事处\n2025年3月10日\n0\n0\n0\n0\n";
        let r = requests(table, Template::T2021);
        let last = (get(&r, "carried_forward", "natural_person"), get(&r, "carried_forward", "total"));
        assert_eq!(last, (Some(0), Some(0)), "{:?}", r.issues);
    }

    #[test]
    fn a_label_that_lost_its_words_is_read_by_its_items_number() {
        // A page read in the wrong encoding, then printed: some characters of the labels lost.
        let cells = |n: u32| format!("   {n}   0   0   0   0   0   {n}");
        let head = format!("申请人情况\n一、本年新收政府信息公开申请数量{}\n", cells(3));
        // Labels centred down their numbers.
        let text = format!(
            "{head}\x20         5.属于三类内部事务信息{}\n\x20         6.属于四类\n\x20                   {}\n\
             \x20         过程性信𣾂\n\x20         7.属于行政执\n\x20                   {}\n\x20         法锻卷\n\
             \x20         8.属于行政查询\n\x20                   {}\n\x20         事项\n",
            cells(4),
            cells(1),
            cells(2),
            cells(0)
        );
        let expected = [("denied_process_info", "total", 1), ("denied_enforcement_case", "total", 2)];
        assert_reads(&text, &[expected[0], expected[1], ("denied_admin_query", "total", 0)]);
        // Labels before their numbers, a row's last words on its numbers' line; and
        // numbers before their labels.
        let (first, second, third) = (cells(1), cells(5), cells(3));
        for text in [
            format!("{head}(二)部分公开{first}\n(三)不予公开 1.属于弊家 密\n𥂝{second}\n2.其他法律行政法规禁\n止公开\n{third}\n"),
            format!("{head}(二)部分公开{first}\n{second}\n1.属于弊家密\n{third}\n2.其他法律行政法规禁止公开\n"),
        ] {
            assert_reads(&text, &[("denied_state_secret", "total", 5), ("denied_law_prohibited", "total", 3)]);
        }
    }

    #[test]
    fn a_label_that_lost_its_words_is_read_by_its_items_number_the_last_row_s_label_above_it() {
        // A web page read in the wrong encoding, then printed: `四、结转下年度继续办理`
        // set among (六)'s rows, above a row whose words were lost and the next row's label.
        let cells = |n: u32| format!("   {n}   0   0   0   0   0   {n}");
        let text = format!(
            "申请人情况\n一、本年新收政府信息公开申请数量{}\n(六)其他处理\n\
             1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请{}\n四、结转下年度继续办理\n\
             2.申请人逾期末按收费通知要求缴納费用、行政机关不再处理其政府信息公开申请{}\n3.其他\n(七)总计\n",
            cells(9),
            cells(1),
            cells(2)
        );
        assert_reads(&text, &[("other_overdue_correction", "total", 1), ("other_overdue_fee", "total", 2)]);
        let r = requests(&text, Template::T2021);
        assert_eq!(get(&r, "other_misc", "total"), None);
    }

    #[test]
    fn a_row_s_first_number_on_its_label_s_line_its_others_on_the_next_is_one_row() {
        // A page read in the wrong encoding, printed (`pdftotext -layout`): 1.本机关不掌握相关
        // 政府信息's label so wide that its first number stays on the label's line.
        let text = "申请人情况\n\
                                 一、本年新收政府信息公开申请数量   9               0   0   0   0   0 9\n\
                                 8.属于行政查 询事项       0               0   0   0   0   0 0\n\
                                                      1.本机关不掌 握相关 2\n\
                                 (四)无法 提供                              0   0   0   0 0 2\n\
                                                      政府信息\n\
                                 2.没有现成信息需-\n\
                                                      0               0   0   0   0   0 0\n\
                                 n另行制作\n\
                                 3.补正后申请内容 仍不 0                      0   0   0   0   0 0\n";
        let held = [("unable_not_held", "natural_person", 2), ("unable_not_held", "commercial", 0)];
        let creation = [("unable_needs_creation", "natural_person", 0), ("unable_needs_creation", "total", 0)];
        assert_reads(text, &[held[0], held[1], ("unable_not_held", "total", 2), creation[0], creation[1]]);
    }

    #[test]
    fn a_label_printed_ahead_of_its_place_leaves_the_rows_between_their_numbers() {
        // A web page's PDF: `四、结转下年度继续办理` beside `三、本年度办理结果`, its
        // numbers after the total's; the rows between read in order.
        let row = |v: [i64; 2]| format!("{}\n0\n0\n0\n0\n{}\n{}\n", v[0], v[1], v[0] + v[1]);
        let text = format!(
            "申请人情况\n自然人\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n总计\n\
             一、本年新收政府信息\n公开申请数量\n{}二、上年结转政府信息\n公开申请数量\n三、本年度办理结果\n\
             四、结转下年度继续办\n理\n{}(一)予以公开\n{}(二)部分公开\n{}(七)总计\n{}{}\
             四、政府信息公开行政复议、行政诉讼情况\n",
            row([4, 1]),
            row([1, 0]),
            row([2, 1]),
            row([1, 0]),
            row([3, 1]),
            row([2, 0])
        );
        let r = requests(&text, Template::T2019);
        assert_eq!(get(&r, "carried_over", "natural_person"), Some(1));
        assert_eq!(get(&r, "granted", "total"), Some(3));
        assert_eq!(get(&r, "partially_granted", "natural_person"), Some(1));
        assert_eq!(get(&r, "total_processed", "total"), Some(4));
    }

    #[test]
    fn a_row_among_more_numbers_than_its_columns_is_read_where_they_add_up() {
        // The rightmost seven of a row with numbers of another before them: its own
        // where they add up to its total, unknown where they do not.
        let text = "申请人情况\n一、本年新收政府信息公开申请数量   9   3   1   0   0   0   0   4\n\
                    二、上年结转政府信息公开申请数量   2   0   5   1   0   0   0   7\n";
        let r = requests(text, Template::T2021);
        assert_eq!(get(&r, "new_received", "natural_person"), Some(3));
        assert_eq!(get(&r, "new_received", "total"), Some(4));
        assert_eq!(get(&r, "carried_over", "natural_person"), None);
        assert_eq!(get(&r, "carried_over", "total"), None);
        assert!(r.has_issue("cells_extra"));
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

    #[test]
    fn a_table_of_nothing_but_zeros_in_any_order_is_zeros() {
        // Plain pdftotext of a Word table: labels, runs of zeros and heads mixed.
        let zeros = |n: usize| "0\n".repeat(n);
        let (half, rest) = labels_parted();
        let text = |numbers: &str, heads: &str| {
            format!(
                "三、收到和处理政府信息公开申请情况\n申请人情况\n{heads}\n{}一、本年新收政府信息公开申请数量\n{}{half}{}{rest}{}\
                 四、政府信息公开行政复议、行政诉讼情况\n",
                zeros(5),
                zeros(5),
                numbers,
                zeros(40)
            )
        };
        let all = 25 * 7;
        let heads = "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计";
        let r = requests(&text(&zeros(all - 50), heads), Template::T2021);
        assert_eq!(r.requests.len(), all);
        assert!(r.requests.iter().all(|f| f.count == 0) && r.issues.is_empty(), "{:?}", r.issues);
        // A number other than 0; a number short; the shortened form: not read so.
        let one = format!("{}1\n", zeros(all - 51));
        let short = zeros(all - 51);
        let combined = (zeros(all - 50), "自然人 法人或其他组织 总计");
        for (numbers, heads) in [(one.as_str(), heads), (&short, heads), (&combined.0, combined.1)] {
            let r = requests(&text(numbers, heads), Template::T2021);
            assert!(r.requests.len() < all || r.requests.iter().any(|f| f.count != 0), "{numbers}");
        }
    }

    /// 表三's labels (2021 template), a line each.
    fn labels_2021() -> String {
        template::request_rows(Template::T2021).iter().map(|r| format!("{}\n", r.label)).collect()
    }

    /// Those labels parted before (四)无法提供's.
    fn labels_parted() -> (String, String) {
        let labels = labels_2021();
        let at = labels.find("(四)").unwrap();
        (labels[..at].to_string(), labels[at..].to_string())
    }

    /// 表二 where there is one, 表三 and then 表四 read from `text`, as the extraction reads them.
    fn both_tables(text: &str) -> Report {
        let (_, rs) = rows(text);
        let mut r = Report::default();
        let after = super::super::read_disclosures(text, &rs, Template::T2021, &mut r);
        let end = read_requests(text, &rs, Template::T2021, after.unwrap_or(0), &mut r).unwrap();
        super::super::litigation::read_litigation(text, &rs, end, &mut r);
        r
    }

    #[test]
    fn zeros_whose_last_cells_come_after_the_closing_sections_are_zeros() {
        // Plain pdftotext of a Word table on two pages: 表三's last cells after
        // 表四's first and the closing sections, among 表四's heads.
        let zeros = |n: usize| "0\n".repeat(n);
        let labels = labels_2021();
        let head = "三、收到和处理政府信息公开申请情况\n申请人情况\n自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n";
        let text = |later: &str, litigation_last: usize| {
            format!(
                "{head}{labels}{}四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n维持 纠正 结果 审结\n{}\
                 五、存在的主要问题及改进情况\n政务公开的深度和广度有待加强。\n六、其他需要报告的事项\n无。\n{later}\
                 复议后起诉\n维持 纠正 结果 审结\n{}",
                zeros(25 * 7 - 12),
                zeros(10),
                zeros(litigation_last)
            )
        };
        let r = requests(&text(&zeros(12), 5), Template::T2021);
        assert_eq!(r.requests.len(), 25 * 7);
        assert!(r.requests.iter().all(|f| f.count == 0) && r.issues.is_empty(), "{:?}", r.issues);
        // 表三's cells on under 表四's heading, none of 表四's heads printed, 表四's
        // after them: 表四 reads its own, the last.
        let under = format!(
            "{head}{labels}{}四、政府信息公开行政复议、行政诉讼情况\n{}五、存在的主要问题及改进情况\n政务公开有待加强。\n{}",
            zeros(90),
            zeros(95),
            zeros(5)
        );
        let r = both_tables(&under);
        assert!(r.requests.len() == 25 * 7 && r.requests.iter().all(|f| f.count == 0), "{:?}", r.issues);
        assert_eq!(r.litigation.len(), 15, "{:?}", r.issues);
        // A number other than 0 after the closing sections; 表四's last cells missing: not read so.
        let one = format!("{}1\n", zeros(11));
        for (later, litigation_last) in [(one.as_str(), 5), (&zeros(12), 0)] {
            let r = requests(&text(later, litigation_last), Template::T2021);
            assert!(r.requests.len() < 25 * 7 || r.requests.iter().any(|f| f.count != 0), "{later}");
        }
    }

    #[test]
    fn zeros_with_another_tables_amount_among_their_heads_are_zeros() {
        // 表二's last cells (`本年增/减 0`, `采购总金额 1.84 万元`) printed among 表三's heads;
        // 表四's first ten under its heading, then the closing sections, then 表三's last
        // cells and 表四's last five among others.
        let zeros = |n: usize| "0\n".repeat(n);
        let labels = labels_2021();
        let head = "三、收到和处理政府信息公开申请情况\n申请人情况\n本年增/减\n0\n采购总金额\n1.84 万元\n\
                    自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n";
        let text = |amount: &str| {
            format!(
                "{}{labels}{}四、政府信息公开行政复议、行政诉讼情况\n{}五、存在的主要问题及改进情况\n有待加强。\n{}",
                head.replace("1.84 万元", amount),
                zeros(150),
                zeros(10),
                zeros(30)
            )
        };
        let zero_text = text("1.84 万元");
        let r = both_tables(&zero_text);
        assert!(r.requests.len() == 25 * 7 && r.requests.iter().all(|f| f.count == 0), "{:?}", r.issues);
        assert!(r.litigation.len() == 15 && r.litigation.iter().all(|f| f.count == 0), "{:?}", r.issues);
        // A count not 0 there: no table of zeros.
        let r = requests(&text("2"), Template::T2021);
        assert!(r.requests.len() < 25 * 7 || r.requests.iter().any(|f| f.count != 0));
    }

    #[test]
    fn a_table_of_marks_for_none_most_of_them_lost_is_zeros() {
        // Plain pdftotext of a Word table whose every cell is `-`: most marks
        // lost, a few after labels, 表四's and more after the closing date.
        let (half, rest) = labels_parted();
        let text = |late: &str| {
            format!(
                "三、收到和处理政府信息公开申请情况\n申请人情况\n自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n\
                 {half}- -\n{rest}四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n维持 纠正 结果 审结\n\
                 {}五、存在的主要问题及改进情况\n政务公开的深度和广度有待加强。\n六、其他需要报告的事项\n无。\n\
                 某某乡人民政府\n2024 年 1 月 9 日\n\n{late}",
                "-\n\n".repeat(10)
            )
        };
        let marks = text("-\n\n-\n");
        let r = both_tables(&marks);
        assert!(r.requests.len() == 25 * 7 && r.requests.iter().all(|f| f.count == 0), "{:?}", r.issues);
        assert!(r.litigation.len() == 15 && r.litigation.iter().all(|f| f.count == 0), "{:?}", r.issues);
        // A 0 printed among the marks, or a number after them: not read so.
        for late in ["-\n\n0\n", "-\n\n3\n"] {
            let r = requests(&text(late), Template::T2021);
            assert!(r.requests.len() < 25 * 7 || r.requests.iter().any(|f| f.count != 0), "{late}");
        }
    }

    #[test]
    fn marks_for_none_among_another_table_s_cells_are_zeros_and_so_are_those_after_the_closing_date() {
        // Plain pdftotext of a Word report whose 表三 and 表四 print `-` in every cell, most
        // marks lost: 表二's last cells printed among 表三's heads, read as 表二's; no mark
        // under 表四's heads, a few after the closing date.
        let (half, rest) = labels_parted();
        let text = |late: &str| {
            format!(
                "二、主动公开政府信息情况\n第二十条第(一)项\n信息内容\n本年制发件数\n本年废止件数\n现行有效件数\n4\n1\n\
                 43\n规章\n6\n3\n29\n行政规范性文件\n第二十条第(五)项\n信息内容\n行政许可\n第二十条第(六)项\n信息内容\n行政处罚\n\
                 行政强制\n第二十条第(八)项\n信息内容\n行政事业性收费\n三、收到和处理政府信息公开申请情况\n申请人情况\n\
                 自然人 商业企 科研机构\n业\n{half}本年处理决定数量\n3\n本年处理决定数量\n9\n2\n本年收费金额(单位:万元)\n\
                 32.28\n\n社会\n公益\n组织\n-\n\n{}{rest}{}四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n\
                 结\n结\n其\n尚\n总\n果\n果\n他\n未\n计\n维\n纠\n结\n审\n持\n正\n果\n结\n五、存在的主要问题及改进情况\n\
                 政务公开的深度和广度有待加强。\n六、其他需要报告的事项\n无。\n\
                 某某镇人民政府\n2023 年 1 月 14 日\n\n{late}",
                "-\n\n".repeat(40),
                "-\n\n".repeat(60),
            )
        };
        let r = both_tables(&text("-\n\n-\n\n-\n"));
        let decisions: Vec<f64> = r.disclosures.iter().filter(|f| f.metric == "decisions").map(|f| f.value).collect();
        assert_eq!(decisions, [3.0, 9.0, 2.0], "{:?}", r.disclosures);
        assert!(r.requests.len() == 25 * 7 && r.requests.iter().all(|f| f.count == 0), "{:?}", r.issues);
        assert!(r.litigation.len() == 15 && r.litigation.iter().all(|f| f.count == 0), "{:?}", r.issues);
        // A number not 0 after the closing date: 表四 not read as zeros, nor 表三 (it may be
        // 表三's), nor said to be unfilled (it may be 表四's).
        let r = both_tables(&text("-\n\n4\n"));
        assert!(r.litigation.is_empty() && r.has_issue("litigation_cells_missing"), "{:?}", r.litigation);
        assert!(!r.has_issue("table_empty"), "{:?}", r.issues);
        assert!(r.requests.len() < 25 * 7 || r.requests.iter().any(|f| f.count != 0));
        // Nothing after the closing date, 表三 read with its marks: 表四's marks all lost, zeros.
        let r = both_tables(&text(""));
        assert!(r.litigation.len() == 15 && r.litigation.iter().all(|f| f.count == 0), "{:?}", r.issues);
        assert!(r.has_issue("cells_inferred") && !r.has_issue("table_empty"), "{:?}", r.issues);
        // A number not 0 before 表四's heading, 表三 not read: 表四 not read as zeros (the
        // marks after the closing date may be its, or 表三's).
        let r = both_tables(&text("-\n\n-\n").replace("四、政府信息公开行政复议", "5\n四、政府信息公开行政复议"));
        assert!(r.litigation.is_empty() && r.has_issue("litigation_cells_missing"), "{:?}", r.litigation);
    }

    #[test]
    fn numbers_printed_before_their_labels_are_not_read_as_the_labels_before_them() {
        // Plain pdftotext of a Word table, each row's numbers before its label, the
        // marks for none lost: 一's above its label, 二's below it, (一)'s below 二's.
        let text = "收到和处理政府信息公开申请情况\n申请人情况\n自然人 商业企业 科研机构\n社会公 法律服 其他 总计\n\
                    益组织 务机构\n25\n3\n1\n1\n30\n一、本年新收政府信息公开申请数量\n2\n2\n\
                    二、上年结转政府信息公开申请数量\n10\n2\n1\n13\n三、本年 (一)予以公开\n度办理结\n果\n1\n1\n2\n\
                    (二)部分公开\n(三)不予 1.属于国家秘密\n公开\n2.其他法律行政法规 禁止公开\n3.危及\"三安全一稳 1\n定\"\n";
        let r = requests(text, Template::T2021);
        for row in ["new_received", "carried_over", "granted"] {
            assert!(template::APPLICANTS.iter().all(|a| get(&r, row, a).is_none()), "{row}: {:?}", r.requests);
        }
        assert!(r.has_issue("cells_unaligned"), "{:?}", r.issues);
        // (A row's first number above its label and the rest after it, as a web page
        // prints it, is read: see the test of a row's first number among the heads.)
    }

    /// Asserts that 表三 read from `text` (2021 template) holds each (row, applicant, count).
    fn assert_reads(text: &str, expected: &[(&str, &str, i64)]) {
        let r = requests(text, Template::T2021);
        for &(row, applicant, count) in expected {
            assert_eq!(get(&r, row, applicant), Some(count), "{row}/{applicant} in {text}");
        }
    }

    fn get(r: &Report, row: &str, applicant: &str) -> Option<i64> {
        r.requests.iter().find(|f| f.row == row && f.applicant == applicant).map(|f| f.count)
    }

    #[test]
    fn a_table_whose_rows_columns_are_mostly_guessed_keeps_none_of_the_guesses() {
        // Every row three numbers of seven columns, in no layout that tells their columns: the
        // guesses (the first three columns) would keep 一 + 二 = (七) + 四 in each column.
        let specs = template::request_rows(Template::T2021);
        let text: String = specs.iter().map(|r| format!("{} 2 1 0\n", r.label)).collect();
        let r = requests(&text, Template::T2021);
        assert!(r.requests.is_empty(), "{:?}", r.requests);
        assert!(r.has_issue("cells_unaligned"));
        // A row short among rows read whole: the whole rows kept.
        let whole: String = specs
            .iter()
            .enumerate()
            .map(|(j, r)| if j == 1 { format!("{} 1 0 0\n", r.label) } else { format!("{} 0 0 0 0 0 0 0\n", r.label) })
            .collect();
        let r = requests(&whole, Template::T2021);
        assert_eq!(r.requests.iter().filter(|f| f.row != "carried_over").count(), 24 * 7);
    }

    #[test]
    fn rows_of_zeros_two_cells_short_are_not_read_whole_where_half_the_rows_are_as_short() {
        // Every row's first five columns after its label, its last two printed apart:
        // a row of five zeros is not one that lost a separator, its 总计 not known.
        let specs = template::request_rows(Template::T2021);
        let table = |numbers: &str, zeros: &str| -> String {
            let cells = |j: usize| if j % 4 == 0 { numbers } else { zeros };
            specs.iter().enumerate().map(|(j, r)| format!("{} {}\n", r.label, cells(j))).collect()
        };
        let r = requests(&table("2 1 0 0 0", "0 0 0 0 0"), Template::T2021);
        assert!(r.requests.iter().all(|f| !["other_org", "total"].contains(&f.applicant)), "{:?}", r.requests);
        // Rows of zeros alone so short, or one short: read whole (one short, the
        // missing cell is 0 whichever it is).
        for (numbers, zeros) in [("0 0 0 0 0", "0 0 0 0 0"), ("2 1 0 0 0 3", "0 0 0 0 0 0")] {
            let r = requests(&table(numbers, zeros), Template::T2021);
            assert_eq!(get(&r, "carried_over", "total"), Some(0), "{numbers}");
        }
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
        // Of a row of two, a second less than the first is no total: its total lost.
        let lost = table.replace("| 5 | 1 | 6 |", "| 5 | 1 |").replace("| 1 | 0 | 1 |", "| 1 | 1 |");
        let r = requests(&lost, Template::T2021);
        assert_eq!((get(&r, "granted", "natural_person"), get(&r, "granted", "total")), (Some(5), None));
        let partial = (get(&r, "partially_granted", "natural_person"), get(&r, "partially_granted", "total"));
        assert_eq!(partial, (Some(1), Some(1)));
        // A row that plain `pdftotext` ran into the next (more cells than three) is
        // the form's still, where the rows of three add up and outnumber it.
        let ran_on = table.replace("| (二)部分公开 | 1 | 0 | 1 |", "| (二)部分公开 | 1 | 0 | 1 | 7 | 3 |");
        let r = requests(&ran_on, Template::T2021);
        assert!(r.has_issue("applicants_combined") && r.has_issue("cells_extra"), "{:?}", r.issues);
        let partial = (get(&r, "partially_granted", "natural_person"), get(&r, "partially_granted", "total"));
        assert_eq!(partial, (None, None));
        assert_eq!(get(&r, "granted", "total"), Some(6));
        // The full form's header names the kinds of organisation: its rows of three
        // numbers are its own cells dropped, not one column.
        let heads = "| 自然人 | 法人或其他组织 | 总计 |\n| 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n";
        let full = format!("{heads}{}", &table[table.find('\n').unwrap() + 1..]);
        assert!(!requests(&full, Template::T2021).has_issue("applicants_combined"));
        // Rows of three that do not add up are not the shortened form.
        let odd = table.replace("| 8 | 2 | 10 |", "| 8 | 2 | 4 |").replace("| 5 | 1 | 6 |", "| 5 | 1 | 2 |");
        assert!(!requests(&odd, Template::T2021).has_issue("applicants_combined"));
    }

    /// 表三 as plain `pdftotext` printed a Word table set in narrow type (a line
    /// break a `|`): each row's first number on its label's line, the others a
    /// line each after it; three rows' numbers a column at a time (a band); and
    /// seven rows of zeros but two 1s, which read down as a band of seven hold
    /// each row's sum too.
    const ROWS_AFTER_LABELS: &str = "\
         三、收到和处理政府信息公开申请情况|(本列数据 申请人情况|的勾稽关|系为：第|一项加第|二项之|和，等于|第三项加|第四项之|和)|自然人 商业企业 科研机构|\
         社会公 法律服 其他 总计|益组织 务机构|一、本年新收政府信息公开申请数量|21|1|1|0|0|0|23|二、上年结转政府信息公开申请数量|4|0|0|0|0|0|4|\
         三、本年 (一)予以公开|10|0|1|0|0|0|11|度办理结|果|(二)部分公开|1|0|0|0|0|0|1|(三)不予 1.属于国家秘密|0|0|0|0|0|0|0|公开|\
         2.其他法律行政法规 0|0|0|0|0|0|0|禁止公开|3.危及\"三安全一稳 0|0|0|0|0|0|0|定\"|4.保护第三方合法权 0|0|0|0|0|0|0|益|\
         5.属于三类内部事务 0|0|0|0|0|0|0|信息|6.属于四类过程性信 0|0|0|0|0|0|0|息||7.属于行政执法案卷 0|8.属于行政查询事项 0|\
         (四)无法 1.本机关不掌握相关 3||0|0|0||0|0|0||0|0|0||0|0|0||0|0|0||0|0|3||提供||政府信息|2.没有现成信息需要 2|0|0|0|\
         0|0|2|另行制作|3.补正后申请内容仍 0|0|0|0|0|0|0|不明确|(五)不予 1.信访举报投诉类申 3|1|0|0|0|0|4|处理|请|2.重复申请|0|0|0|\
         0|0|0|0|3.要求提供公开出版 0|0|0|0|0|0|0|物|4.无正当理由大量反 0|0|0|0|0|0|0|复申请|5.要求行政机关确认 0|0|0|0|0|0|0|\
         或重新出具已获取|信息|(六)其他 1.申请人无正当理由 1|0|0|0|0|0|1|处理|逾期不补正、行政|机关不再处理其政|府信息公开申请|2.申请人逾期未按收 0|0|0|\
         0|0|0|0|费通知要求缴纳费|用、行政机关不再|处理其政府信息公|开申请|3.其他|1|0|0|0|0|0|1|(七)总计|21|1|1|0|0|0|23|\
         四、结转下年度继续办理|4|0|0|0|0|0|4|四、政府信息公开行政复议、行政诉讼情况||";

    #[test]
    fn rows_printed_one_after_another_are_read_so_where_bands_read_them_down() {
        let text = ROWS_AFTER_LABELS.replace('|', "\n");
        let r = requests(&text, Template::T2021);
        let row = |key: &str| template::APPLICANTS.iter().map(|a| get(&r, key, a)).collect::<Vec<_>>();
        let whole = |v: [i64; 7]| v.map(Some).to_vec();
        assert_eq!(row("rejected_petition"), whole([3, 1, 0, 0, 0, 0, 4]));
        assert_eq!(row("rejected_duplicate"), whole([0; 7]));
        assert_eq!(row("other_overdue_correction"), whole([1, 0, 0, 0, 0, 0, 1]));
        assert_eq!(row("other_misc"), whole([1, 0, 0, 0, 0, 0, 1]));
        assert_eq!(row("unable_not_held"), whole([3, 0, 0, 0, 0, 0, 3]));
        assert_eq!(row("total_processed"), whole([21, 1, 1, 0, 0, 0, 23]));
        assert!(r.issues.is_empty(), "{:?}", r.issues);
    }

    #[test]
    fn the_last_rows_cut_to_their_first_columns_are_read_where_the_sums_bear_them_out() {
        // Plain `pdftotext` of a page that lost the later rows' last columns: each
        // row's label, then its numbers a line each.
        let head = "三、收到和处理政府信息公开申请情况\n申请人情况\n自然人 商业企业 科研机构\n\
                    社会公益组织 法律服务机构 其他 总计\n";
        let text = |not_held: [i64; 3]| {
            let mut cut: Vec<(&str, Vec<i64>)> = vec![
                ("new_received", vec![5, 0, 1, 0, 0, 0, 6]),
                ("carried_over", vec![1, 0, 0, 0, 0, 0, 1]),
                ("granted", vec![1, 0, 1, 0, 0, 0, 2]),
                ("unable_not_held", not_held.to_vec()),
                ("rejected_duplicate", vec![1, 0, 0]),
                ("total_processed", vec![5, 0, 1]),
                ("carried_forward", vec![1, 0, 0]),
            ];
            let specs = template::request_rows(Template::T2019);
            let past = specs.iter().position(|s| s.key == "denied_third_party").unwrap_or_default();
            let mut out = head.to_string();
            for (j, spec) in specs.iter().enumerate() {
                let at = cut.iter().position(|(key, _)| *key == spec.key);
                let numbers = match at {
                    Some(i) => cut.remove(i).1,
                    None if j < past => vec![0; 7],
                    None => vec![0; 3],
                };
                out += &format!("{}\n{}", spec.label, numbers.iter().map(|v| format!("{v}\n")).collect::<String>());
            }
            out
        };
        let r = requests(&text([3, 0, 0]), Template::T2019);
        assert!(r.has_issue("cells_cut"), "{:?}", r.issues);
        let row = |key: &str| template::APPLICANTS.iter().map(|a| get(&r, key, a)).collect::<Vec<_>>();
        let first = |v: [i64; 3]| vec![Some(v[0]), Some(v[1]), Some(v[2]), None, None, None, None];
        assert_eq!(row("unable_not_held"), first([3, 0, 0]));
        assert_eq!(row("total_processed"), first([5, 0, 1]));
        assert_eq!(row("carried_forward"), first([1, 0, 0]));
        assert_eq!(row("denied_third_party"), first([0, 0, 0]));
        assert_eq!(get(&r, "granted", "total"), Some(2));
        // A row's numbers in columns not theirs break a sum: the rows cut are not read.
        let r = requests(&text([0, 3, 0]), Template::T2019);
        assert!(!r.has_issue("cells_cut"), "{:?}", r.issues);
        assert_eq!(get(&r, "total_processed", "natural_person"), None);
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
    fn a_band_label_between_the_lines_of_a_row_label_is_a_column_of_its_own() {
        // A web page's PDF by `pdftotext -layout`: `三、本年度办理结果`, centred down its
        // band, printed between `1.本机关不` and the line holding the row's numbers.
        let text = [
            at(&[(40, "自然人"), (48, "商业企业"), (56, "科研机构"), (64, "社会公益"), (72, "法律服务"), (80, "其他"), (88, "总计")]),
            nums(&[(2, "一、本年新收政府信息公开申请数量")], ["5", "1", "1", "0", "1", "0", "8"]),
            nums(&[(2, "二、上年结转政府信息公开申请数量")], ["0"; 7]),
            nums(&[(2, "(三)不予公开"), (16, "1.属于国家秘密")], ["1", "0", "0", "0", "0", "0", "1"]),
            at(&[(16, "1.本机关不")]),
            at(&[(0, "三、本年度办理结果")]),
            nums(&[(2, "(四)无法提供"), (16, "掌握相关")], ["4", "1", "1", "0", "1", "0", "7"]),
            at(&[(16, "政府信息")]),
            at(&[(16, "2.没有现成信息需")]),
            nums(&[], ["5", "0", "0", "0", "0", "0", "5"]),
            at(&[(16, "要另行制作")]),
            at(&[(16, "3.补正后申请内容")]),
            nums(&[], ["2", "0", "0", "0", "0", "0", "2"]),
            at(&[(16, "仍不明确")]),
            at(&[(16, "1.信访举报")]),
            nums(&[(2, "(五)不予处理"), (16, "投诉类申")], ["0", "1", "0", "0", "0", "0", "1"]),
            at(&[(16, "请")]),
            nums(&[(16, "2.重复申请")], ["0"; 7]),
        ]
        .concat();
        let r = requests(&text, Template::T2021);
        assert_eq!(get(&r, "unable_not_held", "natural_person"), Some(4));
        assert_eq!(get(&r, "unable_not_held", "total"), Some(7));
        assert_eq!(get(&r, "unable_needs_creation", "total"), Some(5));
        assert_eq!(get(&r, "unable_unclear", "total"), Some(2));
        assert_eq!(get(&r, "rejected_petition", "commercial"), Some(1));
        assert_eq!(get(&r, "rejected_duplicate", "total"), Some(0));
    }

    #[test]
    fn an_unfilled_table_is_empty_not_zero() {
        let text = "一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n(一)予以公开\n";
        let r = requests(text, Template::T2019);
        assert!(r.requests.is_empty());
        assert!(r.has_issue("table_empty"));
        // Numbers among the labels that no reading places: filled, not read.
        let r = requests("一、本年新收政府信息公开申请数量\n119\n总计\n53\n13\n0\n", Template::T2021);
        assert!(r.requests.is_empty(), "{:?}", r.requests);
        assert!(r.has_issue("cells_unaligned") && !r.has_issue("table_empty"), "{:?}", r.issues);
    }

    #[test]
    fn a_requests_table_cut_to_its_first_row_is_read_as_far_as_it_goes() {
        let r = requests("| 一、本年新收政府信息公开申请数量 | 3746 | 63 | 0 | 0 | 19 | 2 | 3830 |\n", Template::T2021);
        assert_eq!(get(&r, "new_received", "total"), Some(3830));
        assert_eq!(get(&r, "new_received", "commercial"), Some(63));
        assert!(r.has_issue("rows_missing") && !r.has_issue("table_empty"));
    }
}
