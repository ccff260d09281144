//! 表三's later rows as plain `pdftotext` prints a Word table whose label
//! column is narrow and whose rows grow tall with their labels: the first
//! rows read as printed (each row's numbers before its label), then the
//! other rows' labels all together, line after line, and after them (past
//! 表四's heads at times) those rows' numbers, a number a line, row after
//! row in the template's order, up to 表四's heading. Two rows of short
//! labels side by side come as pairs of lines with no blank line between
//! them, a column at a time (`0` / `1` ¶ `0` / `0` … ¶ `0` / `1`: 2.重复申请's
//! numbers the first of each pair, 3.要求提供公开出版物's the second); the
//! last rows' 总计 may be printed apart, past 表四's heading (not read: each
//! such 总计 is its row's sum), and a cell of the first of those rows too;
//! (七)总计's and 四's labels may stand among the numbers. A number of four
//! digits or more in the narrow first column or 总计 wraps: its last digit
//! or two on the next line, after the row's other cells (`149` … `32` / `1`
//! for 1491).
//!
//! The numbers from the last label before 表四's heading to it are read so,
//! from the first row the reading left short on, where they are just those
//! rows' cells: all of them, or all but the last one to three rows' 总计,
//! or one cell fewer still wherever it is (its row's sum tells it), and
//! with or without one wrapped number's tail after its row's cells. Of the
//! ways that fit the count, those where every row adds up and every column
//! holds its sums (the results to (七)总计, (七)总计 and 四 to 一 + 二) are
//! kept where all give the same numbers (a cell apart among rows of zeros
//! reads the same wherever it was).

use super::*;
use crate::extract::checks::Grid;
use crate::template::{Role, APPLICANTS};

/// The most last rows whose 总计 may be printed apart: (六)'s last, (七)总计 and 四.
const MAX_TOTALS_APART: usize = 3;

/// Reads again (see the module) the rows of 表三 from the first that the
/// reading of the table (`report.requests[from..]`, from `rows`) left short
/// to 四. Changes nothing otherwise.
pub(super) fn reread(text: &str, rows: &[Row], t: Template, report: &mut Report, from: usize) {
    if report.has_issue("applicants_combined") {
        return;
    }
    let n = APPLICANTS.len();
    let specs = template::request_rows(t);
    let facts = &report.requests[from..];
    let count = |key: &str| facts.iter().filter(|f| f.row == key).count();
    if specs.iter().all(|s| count(s.key) >= n) {
        return;
    }
    let Some(Printed { numbers, totals }) = numbers_before_litigation(text, rows, facts, &specs) else { return };
    let roles: Vec<Role> = specs.iter().map(|s| s.role).collect();
    let values: Vec<i64> = numbers.iter().map(|&(_, v)| v).collect();
    let grid = Grid::of(facts, t);
    // The first columns of the rows before row `first`, all read, the numbers printed after them.
    let before = |first: usize| -> Option<Vec<Vec<i64>>> {
        let last_read = facts.iter().filter(|f| specs[..first].iter().any(|s| s.key == f.row)).map(|f| f.offset);
        last_read.max().zip(numbers.first()).filter(|&(at, &(start, _))| start >= at)?;
        (0..first).map(|r| (0..n - 1).map(|a| grid.get(Some(r), a)).collect()).collect()
    };
    // The first row read again: its rows and those after them just fit the numbers.
    let short = specs.len() * n - numbers.len().min(specs.len() * n);
    let fitting = (2..specs.len()).find(|&k| (0..=MAX_TOTALS_APART + 1).any(|d| k * n + d == short));
    let reading = fitting.and_then(|first| Some((first, Readings::new(&roles, &before(first)?, &values).one()?)));
    // (Or from the first row the reading left short, the last rows interleaved.)
    let interleaved = || {
        let first = (2..specs.len()).find(|&k| count(specs[k].key) < n).filter(|_| totals.is_none())?;
        Some((first, last_rows_interleaved(&roles, &before(first)?, &values)?))
    };
    let Some((first, (cells, placing))) = reading.or_else(interleaved) else { return };
    // (The 总计 column printed apart is the last rows' totals, a wrapped one's last digits after it.)
    if let Some(totals) = totals {
        let last = |m: usize| cells.iter().rev().take(m).rev().map(|c| c[n - 1]);
        let whole = |m: usize| {
            let parts = super::numbers_first::run_of_totals(last(m), &totals);
            parts.and_then(|p| p.last().map(|&(j, taken)| j + taken)) == Some(totals.len())
        };
        if !(2..=MAX_TOTALS_APART.min(cells.len())).any(whole) {
            return;
        }
    }
    // The rows' facts: those before them, then each cell as read (a cell
    // not printed at the place of its row's first number printed).
    let keys: Vec<&'static str> = specs[first..first + cells.len()].iter().map(|s| s.key).collect();
    let facts = &mut report.requests;
    let read: Vec<RequestFact> = facts.drain(from..).collect();
    facts.extend(read.into_iter().filter(|f| !keys.contains(&f.row)));
    for ((row, own), at) in keys.iter().zip(&cells).zip(&placing) {
        let first_printed = at.iter().flatten().next().map_or(numbers[0].0, |&p| numbers[p].0);
        for ((&applicant, &count), p) in APPLICANTS.iter().zip(own).zip(at) {
            let offset = p.map_or(first_printed, |p| numbers[p].0);
            facts.push(RequestFact { row, applicant, count, offset });
        }
    }
    super::pooled::in_template_order(&mut facts[from..], &specs);
    super::pooled::read_again(report, &keys);
}

/// The rows from the first read again (after `before`'s) to (六)'s last
/// (the last of `roles`' results) read in turn, each a run of its numbers
/// that adds up, not all 0 (a run of zeros adds up wherever it starts);
/// then that row's and (七)总计's first columns mixed, as a Word table prints
/// its last rows grown tall with their labels (`59` / `285` / `5` / `181` /
/// `6` / `244` …): each row's in its columns' order, (七)'s each the results'
/// sum in its column (a wide one wrapped, its last digits next), and among
/// them, in their order, 四's first ones, which the sums tell (一 + 二 less
/// (七)), and no other number. Read where every way so gives the same
/// numbers; the two rows' 总计, printed past 表四's heading, are their cells'
/// sums. `None` where the numbers are not so.
fn last_rows_interleaved(roles: &[Role], before: &[Vec<i64>], values: &[i64]) -> Option<Reading> {
    let n = APPLICANTS.len();
    let last = roles.iter().rposition(|&r| r == Role::Result)?;
    if roles.get(last + 1) != Some(&Role::TotalProcessed) || before.len() > last {
        return None;
    }
    let of = |role: Role| roles.iter().position(|&r| r == role).and_then(|k| before.get(k));
    let (new, over) = (of(Role::NewReceived)?, of(Role::CarriedOver)?);
    let (mut cells, mut at) = (Vec::new(), Vec::new());
    let mut k = 0;
    for _ in before.len()..last {
        let row = values.get(k..k + n).filter(|row| counts_add_up(row) && row[n - 1] > 0)?;
        cells.push(row.to_vec());
        at.push((k..k + n).map(Some).collect::<Vec<_>>());
        k += n;
    }
    let first_columns = |r: usize| before.get(r).map_or_else(|| &cells[r - before.len()][..n - 1], |b| &b[..]);
    let results: Vec<i64> = (0..n - 1)
        .map(|a| (0..last).filter(|&r| roles[r] == Role::Result).map(|r| first_columns(r)[a]).sum())
        .collect();
    let room: Vec<i64> = (0..n - 1).map(|a| new[a] + over[a]).collect();
    let mut mixed = Mixed::new(&values[k..], &results, &room);
    mixed.place(0);
    let (found, places) = mixed.kept.filter(|_| !mixed.failed)?;
    for (mut row, printed) in found.into_iter().zip(places) {
        row.push(row.iter().sum());
        cells.push(row);
        at.push(printed.into_iter().map(|p| p.map(|p| k + p)).chain([None]).collect());
    }
    Some((cells, at))
}

/// Two rows' first columns, and where each was printed.
type TwoRows = ([Vec<i64>; 2], [Vec<Option<usize>>; 2]);

/// The search of [`last_rows_interleaved`]: each number of `tail` in turn
/// taken as the last row's next first column, (七)'s next (the results' sum
/// in its column, `results`, with the last row's), or 四's next (what 一 + 二,
/// `room`, leaves with (七)'s).
struct Mixed<'a> {
    tail: &'a [i64],
    results: &'a [i64],
    room: &'a [i64],
    /// The last row's and (七)'s first columns so far, and where each was printed.
    cells: [Vec<i64>; 2],
    places: [Vec<Option<usize>>; 2],
    /// 四's first columns so far.
    forward: Vec<i64>,
    kept: Option<TwoRows>,
    /// Two ways gave different numbers, or too many were looked at.
    failed: bool,
    steps: usize,
}

impl<'a> Mixed<'a> {
    fn new(tail: &'a [i64], results: &'a [i64], room: &'a [i64]) -> Mixed<'a> {
        let (cells, places) = ([Vec::new(), Vec::new()], [Vec::new(), Vec::new()]);
        Mixed { tail, results, room, cells, places, forward: Vec::new(), kept: None, failed: false, steps: 0 }
    }

    /// Whether column `a` holds as far as it is known: (七)'s is the results'
    /// with the last row's, and 一 + 二 less (七)'s is 四's.
    fn holds(&self, a: usize) -> bool {
        let (row, total, forward) = (self.cells[0].get(a), self.cells[1].get(a), self.forward.get(a));
        row.zip(total).is_none_or(|(x, y)| self.results[a] + x == *y)
            && total.is_none_or(|y| *y <= self.room[a] && forward.is_none_or(|f| self.room[a] - y == *f))
    }

    fn place(&mut self, i: usize) {
        let columns = self.results.len();
        self.steps += 1;
        if self.failed || self.steps > MAX_STEPS {
            self.failed = true;
            return;
        }
        let left = 2 * columns - self.cells[0].len() - self.cells[1].len();
        if self.tail.len() - i < left {
            return;
        }
        let Some(&v) = self.tail.get(i) else {
            match &self.kept {
                Some((cells, _)) if *cells != self.cells => self.failed = true,
                Some(_) => {}
                None => self.kept = Some((self.cells.clone(), self.places.clone())),
            }
            return;
        };
        // The last row's next, or (七)'s (whole, or its head with its last digits next).
        let digits = self.tail.get(i + 1).copied().filter(|&d| v >= 100 && super::numbers_first::is_tail(d));
        for (r, taken) in [(0, 1), (1, 1), (1, 2)] {
            let a = self.cells[r].len();
            let value = match (taken, digits) {
                _ if a == columns => continue,
                (1, _) => v,
                (_, Some(d)) => super::numbers_first::unwrapped(v, d),
                _ => continue,
            };
            self.cells[r].push(value);
            self.places[r].push(Some(i));
            if self.holds(a) {
                self.place(i + taken);
            }
            self.cells[r].pop();
            self.places[r].pop();
        }
        // 四's next.
        let a = self.forward.len();
        if a < columns {
            self.forward.push(v);
            if self.holds(a) {
                self.place(i + 1);
            }
            self.forward.pop();
        }
    }
}

/// The later rows' numbers as [`numbers_before_litigation`] gives them.
struct Printed {
    /// Each number with its place, in the rows' order.
    numbers: Vec<(usize, i64)>,
    /// The 总计 column of the last rows printed apart, if so.
    totals: Option<Vec<i64>>,
}

/// The numbers printed from the last label before 表四's heading to it (the
/// lines of labels alone just before the heading passed over, and those
/// naming (七)总计 or 四 among the numbers), each with its place, those of a
/// run of pairs of lines (two numbers with no blank line between them) a
/// column's at a time put in their rows' order: each pair's first, then each
/// pair's second; and where such a run holds all the columns but 总计, the
/// group of lines right after it, the 总计 column of its rows and those after
/// them, apart (those rows' totals printed out of their rows' order). `None`
/// where there are none, one is no count, or no heading follows the facts read.
fn numbers_before_litigation(
    text: &str,
    rows: &[Row],
    facts: &[RequestFact],
    specs: &[&template::Row],
) -> Option<Printed> {
    let after = facts.iter().map(|f| f.offset).min()?;
    let litigation = |r: &Row| template::LITIGATION_ANCHORS.iter().any(|a| r.label().has(a));
    let last = specs.iter().filter(|s| matches!(s.role, Role::TotalProcessed | Role::CarriedForward));
    let cues: Vec<&str> = last.flat_map(|s| s.cues.iter().copied()).collect();
    let names_last = |r: &Row| cues.iter().any(|c| r.label().has(c));
    let from = rows.partition_point(|r| r.offset <= after);
    let heading = from + rows[from..].iter().position(litigation)?;
    let mut end = heading;
    while end > from && rows[end - 1].is_orphan() {
        end -= 1;
    }
    let mut start = end;
    while start > from && (rows[start - 1].is_numbers_alone() || names_last(&rows[start - 1])) {
        start -= 1;
    }
    if start == end {
        return None;
    }
    let printed = super::runs_apart::pool(text, &rows[start..end], 0, &[])?;
    // The groups of numbers parted by blank lines.
    let blank = |a: usize, b: usize| text.get(a..b).is_some_and(|between| between.matches('\n').count() > 1);
    let mut groups: Vec<Vec<(usize, i64)>> = Vec::new();
    for (k, &number) in printed.iter().enumerate() {
        match groups.last_mut() {
            Some(group) if !blank(printed[k - 1].0, number.0) => group.push(number),
            _ => groups.push(vec![number]),
        }
    }
    let mut out = Vec::with_capacity(printed.len());
    let mut totals = None;
    let mut k = 0;
    while k < groups.len() {
        let pairs = groups[k..].iter().take_while(|g| g.len() == 2).count();
        if pairs < 2 {
            out.extend_from_slice(&groups[k]);
            k += 1;
            continue;
        }
        let run = &groups[k..k + pairs];
        out.extend(run.iter().map(|g| g[0]).chain(run.iter().map(|g| g[1])));
        k += pairs;
        let column = groups.get(k).filter(|g| g.len() >= 2 && pairs == APPLICANTS.len() - 1);
        if let Some(column) = column.filter(|_| totals.is_none()) {
            totals = Some(column.iter().map(|&(_, v)| v).collect());
            k += 1;
        }
    }
    Some(Printed { numbers: out, totals })
}

/// The ways to read the numbers as the rows' cells from the first read
/// again (see the module), and the one reading they give.
struct Readings<'a> {
    /// The template's rows' roles.
    roles: &'a [Role],
    /// The first columns (all but 总计) of the rows before those read again.
    before: &'a [Vec<i64>],
    values: &'a [i64],
}

/// The rows' cells read again, and where each was printed (the numbers'
/// index; `None` where it was not, read from its row's sum).
type Reading = (Vec<Vec<i64>>, Vec<Vec<Option<usize>>>);

/// The most rows read in part, in all the ways looked at, before the rows
/// are left as read (rows of zeros fit a cell not printed in any of their
/// columns: the ways multiply, each row's sum cutting most short).
const MAX_STEPS: usize = 200_000;

/// The walk over the rows for [`Readings::one`]: the rows read so far, and
/// what the ways looked at have given.
struct Walk<'r, 'a> {
    readings: &'r Readings<'a>,
    /// The last rows whose 总计 is printed apart.
    apart: usize,
    cells: Vec<Vec<i64>>,
    at: Vec<Vec<Option<usize>>>,
    kept: Option<Reading>,
    /// Two ways gave different numbers, or too many rows were looked at.
    failed: bool,
    steps: usize,
}

impl<'a> Readings<'a> {
    fn new(roles: &'a [Role], before: &'a [Vec<i64>], values: &'a [i64]) -> Readings<'a> {
        Readings { roles, before, values }
    }

    /// The one reading: of the ways that fit the count and hold every sum,
    /// `None` where there are none or two give different numbers.
    fn one(&self) -> Option<Reading> {
        let rows = self.roles.len() - self.before.len();
        let mut kept: Option<Reading> = None;
        for apart in 0..=MAX_TOTALS_APART.min(rows) {
            let (cells, at) = (Vec::with_capacity(rows), Vec::with_capacity(rows));
            let mut walk = Walk { readings: self, apart, cells, at, kept: kept.take(), failed: false, steps: 0 };
            walk.row(0, 0, false, false);
            if walk.failed {
                return None;
            }
            kept = walk.kept;
        }
        kept
    }

    /// Whether each column of the first columns holds its sums: the results
    /// to (七)总计, (七)总计 and 四 to 一 + 二.
    fn holds(&self, read: &[Vec<i64>]) -> bool {
        let all: Vec<&Vec<i64>> = self.before.iter().chain(read).collect();
        let of = |role: Role| self.roles.iter().position(|&r| r == role).map(|k| all[k]);
        let (Some(new), Some(over)) = (of(Role::NewReceived), of(Role::CarriedOver)) else { return false };
        let (Some(total), Some(forward)) = (of(Role::TotalProcessed), of(Role::CarriedForward)) else { return false };
        (0..APPLICANTS.len() - 1).all(|a| {
            let results = self.roles.iter().zip(&all).filter(|(r, _)| **r == Role::Result);
            let results: i64 = results.map(|(_, c)| c[a]).sum();
            results == total[a] && new[a] + over[a] == total[a] + forward[a]
        })
    }
}

impl Walk<'_, '_> {
    /// Reads row `r` from the number `p` on every way it may be printed: all
    /// its cells, or all but one (once in the rows: its sum tells it), and
    /// then, or not, a wrapped number's last digits (once too) joined to its
    /// first column or its 总计; each way that adds up, the rows after it.
    fn row(&mut self, r: usize, p: usize, missed: bool, wrapped: bool) {
        let n = APPLICANTS.len();
        let values = self.readings.values;
        let rows = self.readings.roles.len() - self.readings.before.len();
        self.steps += 1;
        if self.failed || self.steps > MAX_STEPS {
            self.failed = true;
            return;
        }
        if r == rows {
            if p == values.len() && self.readings.holds(&self.cells) {
                match &self.kept {
                    Some((cells, _)) if *cells != self.cells => self.failed = true,
                    Some(_) => {}
                    None => self.kept = Some((self.cells.clone(), self.at.clone())),
                }
            }
            return;
        }
        let printed = if r + self.apart < rows { n } else { n - 1 };
        let gaps = std::iter::once(None).chain((0..n).filter(|_| !missed).map(Some));
        for gap in gaps.filter(|g| g.is_none_or(|a| a < printed)) {
            let count = printed - usize::from(gap.is_some());
            if p + count > values.len() {
                continue;
            }
            // The row's cells as printed, in its columns' order.
            let mut at: Vec<Option<usize>> = vec![None; n];
            let columns = (0..printed).filter(|&a| Some(a) != gap);
            columns.zip(p..).for_each(|(a, k)| at[a] = Some(k));
            let tails = std::iter::once(None).chain([0, n - 1].into_iter().filter(|_| !wrapped).map(Some));
            for tail in tails.filter(|t| t.is_none_or(|a| at[a].is_some())) {
                let digits = tail.and_then(|_| values.get(p + count).copied());
                if tail.is_some() && !digits.is_some_and(super::numbers_first::is_tail) {
                    continue;
                }
                let Some(cells) = whole(&at, values, tail.zip(digits)) else { continue };
                self.cells.push(cells);
                self.at.push(at.clone());
                let next = p + count + usize::from(tail.is_some());
                self.row(r + 1, next, missed || gap.is_some(), wrapped || tail.is_some());
                self.cells.pop();
                self.at.pop();
            }
        }
    }
}

/// A row's cells: those printed (`at`, the numbers' index of each), one
/// wrapped number's last digits joined where `tail` says (its column and
/// the digits), the one not printed read from its sum. `None` where the row
/// misses two or does not add up.
fn whole(at: &[Option<usize>], values: &[i64], tail: Option<(usize, i64)>) -> Option<Vec<i64>> {
    let n = at.len();
    let mut row: Vec<Option<i64>> = at.iter().map(|k| k.map(|k| values[k])).collect();
    if let Some((a, digits)) = tail {
        row[a] = row[a].map(|head| super::numbers_first::unwrapped(head, digits));
    }
    let gaps: Vec<usize> = (0..n).filter(|&a| row[a].is_none()).collect();
    let sum = |skip: Option<usize>| (0..n - 1).filter(|&a| Some(a) != skip).filter_map(|a| row[a]).sum::<i64>();
    let own = match gaps.as_slice() {
        [] => 0,
        [gap] if *gap == n - 1 => sum(None),
        [gap] => row[n - 1]? - sum(Some(*gap)),
        _ => return None,
    };
    let row: Vec<i64> = row.iter().map(|c| c.unwrap_or(own)).collect();
    (row.iter().all(|&c| c >= 0) && counts_add_up(&row)).then_some(row)
}

#[cfg(test)]
mod tests {
    use super::super::numbers_first::tests::{get, lines, requests};
    use crate::template::{self, Template};

    /// A 2021 表三 that adds up, each row's numbers.
    fn table() -> Vec<(&'static str, [i64; 7])> {
        let zeros = [0; 7];
        let mut rows: Vec<(&'static str, [i64; 7])> =
            template::request_rows(Template::T2021).iter().map(|s| (s.key, zeros)).collect();
        let mut set = |key: &str, cells: [i64; 7]| rows.iter_mut().find(|(k, _)| *k == key).unwrap().1 = cells;
        set("new_received", [6, 2, 0, 0, 0, 0, 8]);
        set("carried_over", [1, 0, 0, 0, 0, 0, 1]);
        set("granted", [2, 1, 0, 0, 0, 0, 3]);
        set("partially_granted", [1, 0, 0, 0, 0, 0, 1]);
        set("denied_third_party", [1, 0, 0, 0, 0, 0, 1]);
        set("unable_not_held", [0, 1, 0, 0, 0, 0, 1]);
        set("unable_needs_creation", [2, 0, 0, 0, 0, 0, 2]);
        set("rejected_publication", [1, 0, 0, 0, 0, 0, 1]);
        set("total_processed", [7, 2, 0, 0, 0, 0, 9]);
        rows
    }

    /// The page up to the later rows' numbers: the first six rows each its
    /// numbers before its label, then the other rows' labels together and
    /// 表四's heads.
    fn labels_page(rows: &[(&'static str, [i64; 7])]) -> String {
        let mut text = String::from(
            "三、收到和处理政府信息公开申请情况\n(本列数 申请人情况\n据的勾\n稽关系\n自然人 商业企 科研机构\n\
             社会 法律 其他 总计\n业\n公益 服务\n组织 机构\n",
        );
        let firsts = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本 (一)予以公开"];
        let firsts = firsts.iter().chain(&["年度办 (二)部分公开", "理结果 (三)不\n1.属于国家秘密", "予公开 2.其他法律行政"]);
        for ((_, cells), label) in rows.iter().zip(firsts) {
            text += &format!("{}{label}\n", lines(cells));
        }
        text += "法规禁止公开\n3.危及\"三安全一\n稳定\"\n4.保护第三方合\n法权益\n5.属于三类内部\n事务信息\n6.属于四类过程\n\
                 性信息\n7.属于行政执法\n案卷\n8.属于行政查询\n事项\n1.本机关不掌握\n相关政府信息\n2.没有现成信息\n\
                 需要另行制作\n3.补正后申请内\n容仍不明确\n1.信访举报投诉\n类申请\n2.重复申请\n3.要求提供公开\n出版物\n\
                 4.无正当理由大\n量反复申请\n5.要求行政机关\n确认或重新出具\n已获取信息\n1.申请人无正当\n理由逾期不补\n\
                 正、行政机关不\n2.申请人逾期未\n按收费通知要求\n3.其他\n\n(四)无\n法提供\n\n(五)不\n予处理\n\n(六)其\n\
                 他处理\n\n结\n果\n维\n持\n\n尚\n未\n审\n结\n\n";
        text
    }

    /// The table as plain `pdftotext` prints a Word table whose label column
    /// is narrow: its first six rows each its numbers before its label, then
    /// the other rows' labels together and 表四's heads, then those rows'
    /// numbers a number a line, 2.重复申请's and 3.要求提供公开出版物's a pair of
    /// lines a column, the last three rows' 总计 and 3.危及"三安全一稳定"'s first
    /// printed past 表四's heading (`edit` changes the numbers printed).
    fn page(edit: impl Fn(&mut Vec<(&'static str, [i64; 7])>)) -> String {
        let mut rows = table();
        edit(&mut rows);
        let mut text = labels_page(&rows);
        let later = &rows[6..];
        let last = later.len() - 3;
        for (k, (key, cells)) in later.iter().enumerate() {
            let printed = if k >= last { &cells[..6] } else { &cells[..] };
            let printed = if k == 0 { &printed[1..] } else { printed };
            match *key {
                "rejected_duplicate" => {
                    let (_, other) = later[k + 1];
                    cells.iter().zip(other).for_each(|(a, b)| text += &format!("{a}\n{b}\n\n"));
                }
                "rejected_publication" => {}
                // (A number of four digits wraps in its narrow first column: its last after the row's cells.)
                "total_processed" if printed[0] >= 1000 => {
                    text += &format!("{}\n\n", printed[0] / 10);
                    printed[1..].iter().for_each(|c| text += &format!("{c}\n\n"));
                    text += &format!("{}\n\n(七)总计\n", printed[0] % 10);
                }
                _ => printed.iter().for_each(|c| text += &format!("{c}\n\n")),
            }
        }
        text += "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n(七)总计\n四、结转下年度继续办理\n\n";
        text += &format!("{}\n\n", later[0].1[0]);
        later[last..].iter().for_each(|(_, cells)| text += &format!("{}\n", cells[6]));
        text + "总计\n0\n0\n0\n0\n0\n"
    }

    #[test]
    fn the_later_rows_numbers_after_their_labels_together_are_read_in_the_rows_order() {
        let r = requests(&page(|_| {}));
        for (key, cells) in table() {
            assert_eq!(get(&r, key), cells, "{key} {:?}", r.issues);
        }
        assert!(r.has_issue("cells_pooled"), "{:?}", r.issues);
        // A row that does not add up as printed: the later rows not so read.
        let r = requests(&page(|rows| rows[13].1[6] = 3));
        assert_ne!(get(&r, "unable_needs_creation"), [2, 0, 0, 0, 0, 0, 3], "{:?}", r.issues);
        assert_ne!(get(&r, "rejected_publication"), [1, 0, 0, 0, 0, 0, 1], "{:?}", r.issues);
    }

    #[test]
    fn the_last_rows_totals_a_column_apart_after_two_rows_printed_a_column_at_a_time_are_checked_and_read() {
        // (六)3.其他 and (七)总计 a pair of lines a column but 总计; then the
        // 总计 column of those and 四 (1005 wrapped, `100` / `5`); then 四's others.
        let more = |rows: &mut Vec<(&'static str, [i64; 7])>| {
            for (key, cells) in rows.iter_mut() {
                if matches!(*key, "new_received" | "granted" | "total_processed") {
                    cells[0] += 998;
                }
                cells[6] = cells[..6].iter().sum();
            }
        };
        let mut rows = table();
        more(&mut rows);
        let text = |rows: &[(&'static str, [i64; 7])]| {
            let mut text = labels_page(rows);
            let cells = |key: &str| rows.iter().find(|(k, _)| *k == key).map(|(_, c)| *c).unwrap_or_default();
            for (key, own) in &rows[6..] {
                match *key {
                    "other_misc" => {
                        let total = cells("total_processed");
                        own[..6].iter().zip(&total).for_each(|(a, b)| text += &format!("{a}\n{b}\n\n"));
                        let forward = cells("carried_forward");
                        text += &format!("{}\n{}\n{}\n{}\n\n", own[6], total[6] / 10, total[6] % 10, forward[6]);
                        text += &format!("{}\n", lines(&forward[..6]));
                    }
                    "total_processed" | "carried_forward" => {}
                    _ => own.iter().for_each(|c| text += &format!("{c}\n\n")),
                }
            }
            text + "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n总计\n0\n0\n0\n0\n0\n"
        };
        let r = requests(&text(&rows));
        for (key, cells) in &rows {
            assert_eq!(get(&r, key), cells, "{key} {:?}", r.issues);
        }
        // The totals apart not the rows' sums: not so read.
        let mut wrong = rows.clone();
        wrong.iter_mut().filter(|(k, _)| *k == "carried_forward").for_each(|(_, c)| c[6] += 1);
        let r = requests(&text(&wrong));
        assert_ne!(get(&r, "other_misc"), rows.iter().find(|(k, _)| *k == "other_misc").unwrap().1);
    }

    #[test]
    fn a_wide_number_wrapped_among_the_later_rows_numbers_is_read_whole() {
        // (七)总计's first, 1005, printed `100` … `5` after the row's other cells, (七)总计's label after it.
        let more = |rows: &mut Vec<(&'static str, [i64; 7])>| {
            for (key, cells) in rows.iter_mut() {
                cells[0] += [("new_received", 998), ("granted", 998), ("total_processed", 998)]
                    .iter()
                    .find(|(k, _)| k == key)
                    .map_or(0, |(_, more)| *more);
                cells[6] = cells[..6].iter().sum();
            }
        };
        let r = requests(&page(more));
        let mut rows = table();
        more(&mut rows);
        for (key, cells) in rows {
            assert_eq!(get(&r, key), cells, "{key} {:?}", r.issues);
        }
        assert_eq!(get(&r, "total_processed")[0], 1005);
    }

    #[test]
    fn the_last_result_row_and_the_total_mixed_a_column_at_a_time_are_read_where_the_sums_tell() {
        // The later rows a run each, then (六)3.其他's and (七)总计's first
        // columns mixed, 四's first two among them (`1` / `102` / `1` / `1` ¶
        // `0` ¶ `1` / `3` ¶ …: (七)'s 1021 wrapped), their 总计 past 表四's heading.
        let mut rows = table();
        for (_, cells) in rows.iter_mut().skip(4).take(18).filter(|(_, cells)| cells[6] == 0) {
            *cells = [1, 0, 0, 0, 0, 0, 1];
        }
        let mut set = |key: &str, cells: [i64; 7]| rows.iter_mut().find(|(k, _)| *k == key).unwrap().1 = cells;
        set("rejected_publication", [1000, 0, 0, 0, 0, 0, 1000]);
        set("other_misc", [1, 1, 0, 0, 0, 0, 2]);
        let total: [i64; 7] = std::array::from_fn(|a| rows[2..23].iter().map(|(_, c)| c[a]).sum());
        let (forward, over) = ([1, 0, 0, 0, 0, 0, 1], rows[1].1);
        let mut set = |key: &str, cells: [i64; 7]| rows.iter_mut().find(|(k, _)| *k == key).unwrap().1 = cells;
        set("total_processed", total);
        set("carried_forward", forward);
        set("new_received", std::array::from_fn(|a| total[a] + forward[a] - over[a]));
        let text = |rows: &[(&'static str, [i64; 7])], forward: [i64; 2]| {
            let mut text = labels_page(rows);
            let later = &rows[6..rows.len() - 3];
            for (key, cells) in later.iter().filter(|(key, _)| *key != "rejected_publication") {
                cells.iter().for_each(|c| text += &format!("{c}\n\n"));
                if *key == "rejected_duplicate" {
                    rows[17].1.iter().for_each(|c| text += &format!("{c}\n\n"));
                }
            }
            let (own, total) = (rows[22].1, rows[23].1);
            text += &format!("{}\n{}\n{}\n{}\n\n{}\n\n", own[0], total[0] / 10, total[0] % 10, forward[0], forward[1]);
            (1..6).for_each(|a| text += &format!("{}\n{}\n\n", own[a], total[a]));
            text += "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n(七)总计\n四、结转下年度继续办理\n\n";
            text + &format!("{}\n{}\n{}\n总计\n0\n0\n0\n0\n0\n", own[6], total[6], rows[24].1[6])
        };
        let r = requests(&text(&rows, [1, 0]));
        for (key, cells) in &rows[..rows.len() - 1] {
            assert_eq!(get(&r, key), cells, "{key} {:?}", r.issues);
        }
        assert!(r.has_issue("cells_pooled"), "{:?}", r.issues);
        // 四's first printed otherwise than the sums leave it: not so read.
        let r = requests(&text(&rows, [2, 0]));
        assert_ne!(get(&r, "other_misc"), [1, 1, 0, 0, 0, 0, 2], "{:?}", r.issues);
        // A later row of zeros, which adds up wherever its run starts: not so read.
        let mut zeros = rows.clone();
        zeros[20].1 = [0; 7];
        zeros[21].1[0] += 1;
        zeros[21].1[6] += 1;
        let r = requests(&text(&zeros, [1, 0]));
        assert_ne!(get(&r, "other_misc"), [1, 1, 0, 0, 0, 0, 2], "{:?}", r.issues);
    }
}
