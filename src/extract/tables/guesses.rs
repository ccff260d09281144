//! The rows of 表三 whose numbers a reading put in columns for want of
//! anything telling which (a row short of cells put in its first columns, a
//! row's one number in its 总计 or its first, a lone 0 with zeros beside it),
//! and what the table's sums say of them: a guess they contradict is dropped,
//! a row two cells short or more stands only where one holds it, and a lone
//! number goes where its column adds up (or, taken as its row's 总计 in a
//! table most of whose printed rows were not read, is dropped).

use super::*;
use crate::extract::checks::Grid;
use crate::template::Role;

/// The rows of 表三 whose numbers were put in their first columns, the
/// columns unknown: their keys, those of them two cells short or more, those
/// read as zeros from a lone 0 (see [`Placed::Filled`]), and how many rows the
/// table has read.
pub(super) struct Guesses<'g> {
    pub(super) rows: &'g [&'static str],
    pub(super) far_short: &'g [&'static str],
    pub(super) filled: &'g [&'static str],
    pub(super) of: usize,
}

/// Drops the facts (`facts[from..]`) of the rows whose numbers were put in
/// their first columns for want of anything telling their columns (`guessed`)
/// where the sums do not bear them out: for a result row, in a column whose
/// results are all read and do not add up to (七)总计, or where the number is
/// more than (七)总计 leaves beside the other rows' (a count is never
/// negative); for the others, in a column where 一 + 二 ≠ (七) + 四; for any
/// row but 一 and 二, a number more than 一 + 二 in its column (what is
/// processed or carried forward was received or carried over). The
/// numbers of a row printed apart, other rows' among them (plain `pdftotext`
/// of a page's table), are read no further than the sums bear them out: past
/// a number more than its column leaves, none not 0 stands.
/// Where most rows are guessed, the table was printed in a way not read, and
/// the sums that bear out a guess or two bear out none among so many: the
/// rows two cells short or more are dropped whole, but where they are the
/// table's last rows cut to their first columns (see [`cut_to_first`]): their
/// other columns are dropped, and the rows so read returned. The rows read as
/// zeros from a lone 0 (`filled`) are dropped in a column where a sum they
/// take part in does not hold.
pub(super) fn unverified_dropped(
    facts: &mut Vec<RequestFact>,
    from: usize,
    guesses: &Guesses,
    t: Template,
) -> Option<CutTo> {
    let (guessed, filled) = (guesses.rows, guesses.filled);
    if guessed.is_empty() && filled.is_empty() {
        return None;
    }
    let mut cut = None;
    if guessed.len() * 2 > guesses.of {
        cut = cut_to_first(&facts[from..], guessed, t);
        let kept = |f: &RequestFact| match &cut {
            Some(cut) => !cut.rows.contains(&f.row) || template::APPLICANTS[..cut.columns].contains(&f.applicant),
            None => !guesses.far_short.contains(&f.row),
        };
        after_from_retained(facts, from, kept);
    }
    let specs = template::request_rows(t);
    let grid = Grid::of(&facts[from..], t);
    let columns = 0..template::APPLICANTS.len();
    let identity_fail: Vec<bool> =
        columns.clone().map(|a| grid.identity(a).is_some_and(|[n, c, p, f]| n + c != p + f)).collect();
    let results: Vec<usize> = (0..specs.len()).filter(|&r| specs[r].role == Role::Result).collect();
    let received: Vec<Option<i64>> = columns
        .clone()
        .map(|a| Some(grid.get(grid.index(Role::NewReceived), a)? + grid.get(grid.index(Role::CarriedOver), a)?))
        .collect();
    // For each column: whether its results fail their sum, and what (七)总计 leaves
    // beside the rows not guessed.
    let sums: Vec<(bool, Option<i64>)> = columns
        .map(|a| {
            let total = grid.get(grid.index(Role::TotalProcessed), a);
            let fail = grid.results(a).is_some_and(|(sum, total)| sum != total);
            let not_guessed = results.iter().filter(|&&r| !guessed.contains(&specs[r].key));
            let others: i64 = not_guessed.filter_map(|&r| grid.get(Some(r), a)).sum();
            (fail, total.map(|t| t - others))
        })
        .collect();
    // A fact's column, role, and whether it is more than its column leaves: (七)总计
    // beside the other rows' for a result (where those are more already, they are not
    // borne out either), 一 + 二 for a row but those two.
    let column = |f: &RequestFact| template::APPLICANTS.iter().position(|&a| a == f.applicant);
    let role_of = |key: &str| specs.iter().find(|s| s.key == key).map(|s| s.role);
    let role = |f: &RequestFact| role_of(f.row);
    let received_side = |key: &str| matches!(role_of(key), Some(Role::NewReceived | Role::CarriedOver));
    let beyond = |f: &RequestFact, a: usize| {
        role(f) == Some(Role::Result) && sums[a].1.is_some_and(|r| r >= 0 && f.count > r)
    };
    let past_received = |f: &RequestFact, a: usize| !received_side(f.row) && received[a].is_some_and(|r| f.count > r);
    let unverified = |f: &RequestFact| {
        let Some(a) = column(f) else { return false };
        let borne = if role(f) == Some(Role::Result) { sums[a].0 || beyond(f, a) } else { identity_fail[a] };
        guessed.contains(&f.row) && (borne || past_received(f, a))
    };
    // A row read as zeros from a lone 0, in a column where a sum it takes part
    // in does not hold: the results' to (七)总计 for a result, 一 + 二 = (七) + 四
    // for the others, either for (七).
    let unconfirmed = |f: &RequestFact| {
        let Some(a) = column(f) else { return false };
        let fails = match role(f) {
            Some(Role::Result) => sums[a].0,
            Some(Role::TotalProcessed) => sums[a].0 || identity_fail[a],
            _ => identity_fail[a],
        };
        filled.contains(&f.row) && fails
    };
    // A guess of a row's more than its column leaves (一 + 二 telling so where
    // neither is a guess) tells the row's numbers are not its first columns in
    // order from there: none after it stands either but a 0 the sum of its
    // column bears out (a 0 in the wrong column leaves the sum as it is).
    let received_read = !guessed.iter().any(|g| received_side(g));
    let contradicted = |f: &RequestFact| {
        let Some(a) = column(f) else { return false };
        guessed.contains(&f.row) && (beyond(f, a) || (received_read && past_received(f, a)))
    };
    let mut broken: Vec<(&str, usize)> = Vec::new();
    for (row, c) in facts[from..].iter().filter(|f| contradicted(f)).filter_map(|f| Some((f.row, column(f)?))) {
        match broken.iter_mut().find(|b| b.0 == row) {
            Some(b) => b.1 = b.1.min(c),
            None => broken.push((row, c)),
        }
    }
    let borne_out = |f: &RequestFact, a: usize| sums_of(&grid, role(f), a).contains(&Some(true));
    let after = |f: &RequestFact, c: usize| broken.iter().any(|b| b.0 == f.row && c > b.1);
    let after_broken = |f: &RequestFact| column(f).is_some_and(|c| after(f, c) && (f.count != 0 || !borne_out(f, c)));
    after_from_retained(facts, from, |f| !(unverified(f) || unconfirmed(f) || after_broken(f)));
    cut
}

/// The sums a fact of `role` in column `a` takes part in: the results' to
/// (七)总计 for a result, 一 + 二 = (七) + 四 for another row, either for (七);
/// each `None` where not all its numbers are read, else whether it holds.
fn sums_of(grid: &Grid, role: Option<Role>, a: usize) -> [Option<bool>; 2] {
    let results = || grid.results(a).map(|(sum, total)| sum == total);
    let identity = || grid.identity(a).map(|[n, c, p, f]| n + c == p + f);
    match role {
        Some(Role::Result) => [results(), None],
        Some(Role::TotalProcessed) => [results(), identity()],
        _ => [None, identity()],
    }
}

/// The rows read as zeros from a lone 0 (`filled`, see [`Placed::Filled`])
/// that kept a fact no sum checks: in a column whose results are not all read
/// (a result's) or whose 一, 二, (七) and 四 are not (another row's).
pub(super) fn filled_unchecked(facts: &[RequestFact], filled: &[&'static str], t: Template) -> Vec<&'static str> {
    let specs = template::request_rows(t);
    let grid = Grid::of(facts, t);
    let column = |f: &RequestFact| template::APPLICANTS.iter().position(|&a| a == f.applicant);
    let role = |f: &RequestFact| specs.iter().find(|s| s.key == f.row).map(|s| s.role);
    let checked = |f: &RequestFact| column(f).is_some_and(|a| sums_of(&grid, role(f), a).iter().any(Option::is_some));
    let mut out: Vec<&'static str> = Vec::new();
    for f in facts.iter().filter(|f| filled.contains(&f.row) && !checked(f)) {
        if !out.contains(&f.row) {
            out.push(f.row);
        }
    }
    out
}

/// 表三's last rows read as their first columns (a page that lost the rest of
/// them: `4.保护第三方合法权益` / `0 0 0` / … / `(七)总计` / `5 0 1`): the rows,
/// and how many columns.
pub(super) struct CutTo {
    pub(super) rows: Vec<&'static str>,
    pub(super) columns: usize,
}

/// Where the rows put in their first columns (`guessed`) are the template's
/// last rows, (七)总计 and 四 among them, and the sums bear out their first
/// columns together: each holds its first `k` at least (two at least, two
/// short of the table at most), every row before them is whole and adds up,
/// and in each of those columns the results add up to (七)总计 and
/// 一 + 二 = (七) + 四, one of (七)'s not 0 (a row put in columns not its own
/// breaks those sums; zeros bear out any). Those rows and `k`.
fn cut_to_first(facts: &[RequestFact], guessed: &[&str], t: Template) -> Option<CutTo> {
    let specs = template::request_rows(t);
    let grid = Grid::of(facts, t);
    let n = template::APPLICANTS.len();
    let start = specs.iter().position(|s| guessed.contains(&s.key))?;
    let whole = |r: usize| grid.row_sum(r).is_some_and(|(sum, total)| sum == total);
    let first_columns = |r: usize| (0..n).take_while(|&a| grid.get(Some(r), a).is_some()).count();
    let k = (start..specs.len()).map(first_columns).min()?;
    let last = specs.len() - start;
    let sums = (0..k).all(|a| {
        let results = grid.results(a).is_some_and(|(sum, total)| sum == total);
        results && grid.identity(a).is_some_and(|[n, c, p, f]| n + c == p + f)
    });
    let counted = (0..k).any(|a| grid.get(grid.index(Role::TotalProcessed), a).is_some_and(|v| v != 0));
    let cut = (2..n - 1).contains(&k) && last >= 2 && (0..start).all(whole) && sums && counted;
    let rows = specs[start..].iter().map(|s| s.key).filter(|key| guessed.contains(key)).collect();
    cut.then_some(CutTo { rows, columns: k })
}

/// The rows' lone numbers (`facts[at]` for each of `alone`, each read as its
/// total or its first) all put in their first columns where the table's sums
/// tell so of them together: a layout that prints each later row's first
/// number alone by its label (its other numbers elsewhere) gives results that
/// add up to (七)总计 either way, and 一 + 二 = (七) + 四 only with (七) and 四
/// in their first columns, where one at a time tells nothing (the other's
/// column unknown). So where every sum that the first columns and 总计 allow
/// holds with them all first, one such at least, and one fails as read.
pub(super) fn lone_all_first(facts: &mut [RequestFact], from: usize, alone: &[usize], t: Template) {
    let (first, total) = (0, template::APPLICANTS.len() - 1);
    // Whether every sum in the first column and 总计 that can be checked holds, and how many can.
    let holding = |facts: &[RequestFact]| {
        let grid = Grid::of(&facts[from..], t);
        let identity = [first, total].map(|a| grid.identity(a).map(|[n, c, p, f]| n + c == p + f));
        let results = [first, total].map(|a| grid.results(a).map(|(sum, total)| sum == total));
        let sums: Vec<bool> = identity.into_iter().chain(results).flatten().collect();
        (sums.iter().all(|&h| h), sums.len())
    };
    if alone.iter().all(|&at| facts[at].applicant == template::APPLICANTS[first]) {
        return;
    }
    let read_holds = holding(facts).0;
    if read_holds {
        return;
    }
    let mut moved = facts.to_vec();
    for &at in alone {
        moved[at].applicant = template::APPLICANTS[first];
    }
    let (first_holds, checked) = holding(&moved);
    if first_holds && checked > 0 {
        for &at in alone {
            facts[at].applicant = template::APPLICANTS[first];
        }
    }
}

/// The column of a row's one number (`facts[at]`, read as its total or its
/// first) where the table's sums tell: the one it was read in where its column
/// adds up with it or nothing tells, the other where that one would not and the
/// other does; neither, where its column would not add up and nothing else
/// tells (the fact is dropped). Sums where every number they need was read:
/// the results to (七)总计, or 一 + 二 = (七) + 四.
pub(super) fn lone_column(facts: &mut Vec<RequestFact>, from: usize, at: usize, t: Template) {
    let specs = template::request_rows(t);
    let Some(r) = specs.iter().position(|s| s.key == facts[at].row) else { return };
    let role = specs[r].role;
    // Whether the sum of column `a` holds with the number in it.
    let holds = |a: usize| -> Option<bool> {
        let mut grid = Grid::of(&facts[from..], t);
        grid.set(Some(r), template::APPLICANTS[a], Some(facts[at].count));
        if role == Role::Result {
            return grid.results(a).map(|(sum, total)| sum == total);
        }
        grid.identity(a).map(|[n, c, p, f]| n + c == p + f)
    };
    let (total, first) = (template::APPLICANTS.len() - 1, 0);
    let (read, other) = if facts[at].applicant == "total" { (total, first) } else { (first, total) };
    match (holds(read), holds(other)) {
        (Some(true), _) | (None, _) => {}
        (Some(false), Some(true)) => facts[at].applicant = template::APPLICANTS[other],
        (Some(false), _) => {
            facts.remove(at);
        }
    }
}

/// The facts (indexes from `from`) of the rows read as their first columns
/// alone, two cells short or more and no 总计, in a column no sum holds:
/// which of such a row's columns are blank is not known unless one does, the
/// results to (七)总计 for a result row, 一 + 二 = (七) + 四 for another.
pub(super) fn untold(facts: &[RequestFact], from: usize, t: Template) -> Vec<usize> {
    let specs = template::request_rows(t);
    let grid = Grid::of(&facts[from..], t);
    let n = template::APPLICANTS.len();
    let first_columns = |r: usize| {
        let filled = (0..n).take_while(|&a| grid.get(Some(r), a).is_some()).count();
        (2..n - 1).contains(&filled) && (filled..n).all(|a| grid.get(Some(r), a).is_none())
    };
    let guessed: Vec<usize> = (0..specs.len()).filter(|&r| first_columns(r)).collect();
    let summed = |r: usize, a: usize| match specs[r].role {
        Role::Result => grid.results(a).is_some(),
        _ => grid.identity(a).is_some(),
    };
    (from..facts.len())
        .filter(|&i| {
            let f = &facts[i];
            let a = template::APPLICANTS.iter().position(|&a| a == f.applicant);
            let r = guessed.iter().copied().find(|&r| specs[r].key == f.row);
            r.zip(a).is_some_and(|(r, a)| !summed(r, a))
        })
        .collect()
}

/// The rows of 表三 read whole (`facts[from..]`) that do not add up, after a
/// row read short of cells, or just after a row not read at all whose label
/// is printed (`named` tells which template rows' are, asked only where a row
/// is not read): a layout that prints cells out of their rows' order (a
/// page's tall cells) leaves a row short, or pairs its numbers with the next
/// row's so that neither is read by its label, and sets its numbers among a
/// later row's, and which are whose is not known. (A row printed wrong, as
/// the checks flag, stands where the rows before it are read whole or not
/// printed.) Their facts are dropped; returns their keys.
pub(super) fn out_of_order_dropped(
    facts: &mut Vec<RequestFact>,
    from: usize,
    t: Template,
    named: impl Fn() -> Vec<bool>,
) -> Vec<&'static str> {
    let specs = template::request_rows(t);
    let n = template::APPLICANTS.len();
    if read_whole(&facts[from..], t) {
        return Vec::new();
    }
    let grid = Grid::of(&facts[from..], t);
    let mut dropped = Vec::new();
    let mut short_before = false;
    let mut missing_before = false;
    let printed = std::cell::OnceCell::new();
    for (r, spec) in specs.iter().enumerate() {
        if (short_before || missing_before) && grid.row_sum(r).is_some_and(|(sum, total)| sum != total) {
            dropped.push(spec.key);
        }
        let count = (0..n).filter(|&a| grid.get(Some(r), a).is_some()).count();
        short_before |= (1..n).contains(&count);
        missing_before = count == 0 && printed.get_or_init(&named).get(r).copied().unwrap_or(false);
    }
    after_from_retained(facts, from, |f| !dropped.contains(&f.row));
    dropped
}

/// The rows of 表三 read as one number alone, taken as the row's 总计 (in
/// `facts[from..]`), where more than half the template's rows have their
/// labels printed (`named` tells which) and were not read at all: a table
/// printed in a way not read (a Word table a column at a time), whose
/// numbers stand after labels that are not their rows' as often as they are,
/// and no sum tells which. (A number printed within its row's label, between
/// its lines, is its first column's, and stands; a shortened form prints no
/// label of the rows it leaves out.) Their facts are dropped; returns their
/// keys.
pub(super) fn lone_in_unread_dropped(
    facts: &mut Vec<RequestFact>,
    from: usize,
    t: Template,
    named: impl Fn() -> Vec<bool>,
) -> Vec<&'static str> {
    let specs = template::request_rows(t);
    if read_whole(&facts[from..], t) {
        return Vec::new();
    }
    let read = |key: &str| facts[from..].iter().filter(|f| f.row == key).count();
    let total = |key: &str| facts[from..].iter().any(|f| f.row == key && f.applicant == "total");
    let lone: Vec<&'static str> = specs.iter().map(|s| s.key).filter(|&k| read(k) == 1 && total(k)).collect();
    if lone.is_empty() {
        return lone;
    }
    let named = named();
    let unread = (0..specs.len()).filter(|&r| named.get(r).copied().unwrap_or(false) && read(specs[r].key) == 0);
    if unread.count() * 2 <= specs.len() {
        return Vec::new();
    }
    after_from_retained(facts, from, |f| !lone.contains(&f.row));
    lone
}

/// (七)总计's and 四's rows both read whole and all 0 (in `facts[from..]`)
/// where the table prints a count not 0 that no fact holds (`unread`): as 一 +
/// 二 = (七) + 四 and every result is part of (七), such zeros leave every row
/// 0, so they are not those rows' (plain `pdftotext` of a table whose cells it
/// scrambles prints other rows' marks for none after their labels). Their
/// facts are dropped; returns whether they were.
pub(super) fn zeros_against_a_count(
    facts: &mut Vec<RequestFact>,
    from: usize,
    t: Template,
    unread: impl FnOnce(&[RequestFact]) -> bool,
) -> bool {
    let last = |s: &&template::Row| matches!(s.role, Role::TotalProcessed | Role::CarriedForward);
    let keys: Vec<&str> = template::request_rows(t).into_iter().filter(last).map(|s| s.key).collect();
    let last_rows = |f: &RequestFact| keys.contains(&f.row);
    let read: Vec<&RequestFact> = facts[from..].iter().filter(|f| last_rows(f)).collect();
    if read.len() != 2 * template::APPLICANTS.len() || read.iter().any(|f| f.count != 0) || !unread(facts) {
        return false;
    }
    after_from_retained(facts, from, |f| !last_rows(f));
    true
}

/// Whether `facts` hold every cell of 表三 (a fact a cell), as most tables
/// read do: no row short, none of one number alone.
fn read_whole(facts: &[RequestFact], t: Template) -> bool {
    facts.len() == template::request_rows(t).len() * template::APPLICANTS.len()
}

/// `facts` up to `from`, and those after that `keep` keeps.
fn after_from_retained(facts: &mut Vec<RequestFact>, from: usize, keep: impl Fn(&RequestFact) -> bool) {
    let mut at = 0;
    facts.retain(|f| {
        at += 1;
        at <= from || keep(f)
    });
}

/// `facts` but those at `drop` (in order).
pub(super) fn without(facts: &mut Vec<RequestFact>, drop: &[usize]) {
    let mut at = 0;
    facts.retain(|_| {
        at += 1;
        drop.binary_search(&(at - 1)).is_err()
    });
}

#[cfg(test)]
mod tests {
    use super::super::numbers_first::tests::{requests, HEAD};
    use super::*;

    #[test]
    fn a_row_s_one_number_in_a_table_most_of_whose_rows_were_not_found_is_not_read() {
        // A Word table printed a column at a time: a number or two by the
        // labels, the rest of the table in no reading.
        let text = format!(
            "{HEAD}一、本年新收政府信息公开申请数量\n1\n二、上年结转政府信息公开申请数量\n1\n三、本 (一)予以公开\n\
             年度办 (二)部分公开\n1\n1\n-\n1.属于国家秘密\n2.其他法律行政\n法规禁止公开\n3.危及\"三安全一 稳定\"\n\
             4.保护第三方合\n法权益\n5.属于三类内部\n事务信息\n6.属于四类过程\n性信息\n7.属于行政执法\n案卷\n\
             8.属于行政查询\n事项\n(四)无\n1.本机关不掌握\n法提供 相关政府信息\n2.没有现成信息\n需要另行制作\n\
             3.补正后申请内\n容仍不明确\n(五)不\n1.信访举报投诉\n予处理 类申请\n2.重复申请\n3.要求提供公开\n出版物\n\
             4.无正当理由大\n量反复申请\n5.要求行政机关\n确认或重新出具\n已获取信息\n(六)其他处理\n3.其他\n1\n(七)总计\n\
             四、结转下年度继续办理\n"
        );
        let r = requests(&text);
        assert!(r.requests.is_empty(), "{:?}", r.requests);
        assert!(r.issues.iter().any(|i| i.code == "cells_unaligned" && i.detail.starts_with("new_received:")));
        // (Most rows' labels not printed, a shortened form: a lone number
        // stands, or goes where the sums tell.)
        let mut facts = facts_of(&[("new_received", &[1]), ("carried_over", &[0, 1, 0, 0, 0, 0, 1])]);
        facts[0].applicant = "total";
        let rows = template::request_rows(Template::T2021).len();
        let first = |k: usize| move || (0..rows).map(|r| r < k).collect::<Vec<bool>>();
        assert!(lone_in_unread_dropped(&mut facts, 0, Template::T2021, first(3)).is_empty());
        assert_eq!(facts.len(), 8);
        assert_eq!(lone_in_unread_dropped(&mut facts, 0, Template::T2021, first(rows)), ["new_received"]);
        assert_eq!(facts.len(), 7);
    }

    /// The facts of `rows` (a key and its counts, the applicants' columns in order).
    fn facts_of(rows: &[(&'static str, &[i64])]) -> Vec<RequestFact> {
        let mut facts = Vec::new();
        for &(row, counts) in rows {
            for (&applicant, &count) in template::APPLICANTS.iter().zip(counts) {
                facts.push(RequestFact { row, applicant, count, offset: facts.len() });
            }
        }
        facts
    }

    /// Row `key`'s facts after [`unverified_dropped`] with `guessed` the rows guessed.
    fn kept(mut facts: Vec<RequestFact>, guessed: &[&'static str], key: &str) -> Vec<(&'static str, i64)> {
        let guesses = Guesses { rows: guessed, far_short: &[], filled: &[], of: 25 };
        unverified_dropped(&mut facts, 0, &guesses, Template::T2021);
        facts.iter().filter(|f| f.row == key).map(|f| (f.applicant, f.count)).collect()
    }

    #[test]
    fn a_guess_more_than_the_column_received_is_dropped() {
        // (七)总计 not read, 四's three numbers put in its first columns: a guess more than
        // 一 + 二 in its column is not borne out.
        let facts = facts_of(&[
            ("new_received", &[10, 1, 0, 0, 0, 0, 11]),
            ("carried_over", &[2, 0, 0, 0, 0, 0, 2]),
            ("granted", &[8, 1, 0, 0, 0, 0, 9]),
            ("carried_forward", &[4, 9, 2]),
        ]);
        assert_eq!(kept(facts, &["carried_forward"], "carried_forward"), [("natural_person", 4)]);
    }

    #[test]
    fn a_row_s_numbers_after_a_guess_the_sums_contradict_are_not_kept_but_zeros_they_bear_out() {
        // 四's numbers put in its first columns, its second more than the column
        // received: a number of another row's among its, those after it are not
        // known to be in their columns; a 0 is where the sum of its column holds
        // with it (a 0 in another's column leaves any sum as it is).
        let facts = facts_of(&[
            ("new_received", &[10, 1, 0, 5, 0, 0, 16]),
            ("carried_over", &[2, 0, 0, 0, 0, 0, 2]),
            ("carried_forward", &[4, 9, 0, 2]),
        ]);
        let forward = kept(facts.clone(), &["carried_forward"], "carried_forward");
        assert_eq!(forward, [("natural_person", 4)]);
        let mut summed = facts.clone();
        summed.extend(facts_of(&[("total_processed", &[8, 1, 0, 5, 0, 0, 14])]));
        let forward = kept(summed, &["carried_forward"], "carried_forward");
        assert_eq!(forward, [("natural_person", 4), ("research", 0)]);
        // 一 a guess itself, what it leaves tells nothing of the numbers after.
        let forward = kept(facts, &["carried_forward", "new_received"], "carried_forward");
        assert_eq!(forward, [("natural_person", 4), ("research", 0), ("social_welfare", 2)]);
    }

    #[test]
    fn a_row_that_does_not_add_up_after_a_row_read_short_is_dropped() {
        let table = |granted: &[i64]| {
            facts_of(&[
                ("new_received", &[10, 1, 0, 0, 0, 0, 11]),
                ("granted", granted),
                ("partially_granted", &[3, 2, 9, 0, 5, 0, 3]),
                ("total_processed", &[10, 1, 0, 0, 0, 0, 11]),
            ])
        };
        // 予以公开 short of its last columns, 部分公开's holding numbers not its own.
        let mut facts = table(&[7, 1, 0, 0, 0]);
        assert_eq!(out_of_order_dropped(&mut facts, 0, Template::T2021, || vec![true; 25]), ["partially_granted"]);
        assert!(facts.iter().all(|f| f.row != "partially_granted"));
        assert_eq!(facts.len(), 7 + 5 + 7);
        // Every row before it whole: printed so, it stands (the checks flag it).
        let mut facts = table(&[7, 1, 0, 0, 0, 0, 8]);
        assert!(out_of_order_dropped(&mut facts, 0, Template::T2021, || vec![true; 25]).is_empty());
        assert_eq!(facts.len(), 4 * 7);
    }

    #[test]
    fn a_row_that_does_not_add_up_just_after_a_row_not_read_is_dropped() {
        let table = |partial: &[i64]| {
            facts_of(&[
                ("new_received", &[540, 45, 5, 7, 17, 10, 624]),
                ("carried_over", &[29, 1, 0, 0, 0, 1, 31]),
                ("partially_granted", partial),
                ("denied_state_secret", &[6, 1, 0, 0, 0, 0, 7]),
                ("denied_law_prohibited", &[6, 0, 0, 0, 0, 0, 7]),
            ])
        };
        // 予以公开's numbers paired with 部分公开's (a page's tall cells) and
        // not read: what follows 部分公开's label is 予以公开's totals and more.
        let mut facts = table(&[291, 52, 1, 0, 0, 0, 0]);
        assert_eq!(out_of_order_dropped(&mut facts, 0, Template::T2021, || vec![true; 25]), ["partially_granted"]);
        assert_eq!(facts.len(), 4 * 7);
        // 予以公开's label not printed (the table prints no such row): printed so, it stands.
        let mut named = [true; 25];
        named[2] = false;
        let mut facts = table(&[291, 52, 1, 0, 0, 0, 0]);
        assert!(out_of_order_dropped(&mut facts, 0, Template::T2021, || named.to_vec()).is_empty());
        // A row printed wrong further on stands: the row just before it was read.
        let mut facts = table(&[41, 2, 2, 1, 4, 2, 52]);
        assert!(out_of_order_dropped(&mut facts, 0, Template::T2021, || vec![true; 25]).is_empty());
        assert_eq!(facts.len(), 5 * 7);
        // So too where it is the first row read, the rows before it printed and not read.
        let mut facts = facts_of(&[("denied_security_stability", &[0, 0, 0, 0, 0, 3, 0])]);
        assert_eq!(out_of_order_dropped(&mut facts, 0, Template::T2021, || vec![true; 25]), ["denied_security_stability"]);
        assert!(facts.is_empty());
    }

    #[test]
    fn rows_lone_numbers_go_in_their_first_columns_together_where_only_so_the_sums_hold() {
        use super::super::numbers_first::tests::{get, lines, requests, HEAD};
        // 一 and 二 whole, a number a line after their labels; every other row
        // its first number alone after its label (its others printed apart).
        let specs = template::request_rows(Template::T2021);
        let firsts = |key: &str| match key {
            "granted" => 3,
            "rejected_duplicate" | "rejected_publication" | "rejected_confirmation" => 1,
            "total_processed" => 6,
            _ => 0,
        };
        let mut text = HEAD.to_string();
        for spec in &specs {
            let row = match spec.key {
                "new_received" => vec![5, 0, 0, 0, 1, 0, 6],
                "carried_over" => vec![1, 0, 0, 0, 0, 0, 1],
                key => vec![firsts(key)],
            };
            text.push_str(&format!("{}\n{}", spec.label, lines(&row)));
        }
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
        // As totals, 6 + 1 ≠ 6 + 0; as first columns, 5 + 1 = 6 + 0 and the results' 6.
        let r = requests(&text);
        assert_eq!(get(&r, "total_processed"), [6, -1, -1, -1, -1, -1, -1]);
        assert_eq!(get(&r, "granted"), [3, -1, -1, -1, -1, -1, -1]);
        // Where 一 + 二 is what the totals make, they stay totals.
        let r = requests(&text.replacen("5\n0\n0\n0\n1\n0\n6\n", "5\n0\n0\n0\n0\n0\n5\n", 1));
        assert_eq!(get(&r, "total_processed"), [-1, -1, -1, -1, -1, -1, 6]);
    }

    #[test]
    fn a_row_read_as_zeros_from_a_lone_0_keeps_them_only_where_the_sums_hold() {
        use super::super::numbers_first::tests::{get, lines, requests, HEAD};
        // The first rows' numbers a line each after their labels; from 6. on,
        // each row's first number alone after its label (its other numbers
        // printed apart, past the table): each a lone 0.
        let specs = template::request_rows(Template::T2021);
        let mut text = HEAD.to_string();
        for (j, spec) in specs.iter().enumerate() {
            let row: &[i64] = match spec.key {
                "new_received" | "granted" => &[1, 1, 0, 0, 0, 0, 2],
                _ if j < 8 => &[0; 7],
                _ => &[0],
            };
            text.push_str(&format!("{}\n{}", spec.label, lines(row)));
        }
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
        let r = requests(&text);
        // 一 + 二 ≠ (七) + 四 where (七) and 四 were read as zeros: not there.
        assert_eq!(get(&r, "total_processed"), [-1, -1, 0, 0, 0, 0, -1]);
        assert_eq!(get(&r, "carried_forward"), [-1, -1, 0, 0, 0, 0, -1]);
        assert_eq!(get(&r, "granted"), [1, 1, 0, 0, 0, 0, 2]);
        // Where the sums hold, the zeros stand.
        let whole = text.replacen("(七)总计\n0\n", &format!("(七)总计\n{}", lines(&[1, 1, 0, 0, 0, 0, 2])), 1);
        let r = requests(&whole);
        assert_eq!(get(&r, "carried_forward"), [0; 7]);
        assert_eq!(get(&r, "unable_unclear"), [0; 7]);
    }
}
