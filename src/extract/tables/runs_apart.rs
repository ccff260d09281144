//! 表三's rows whose numbers plain `pdftotext` of a web page's table printed
//! in runs apart: each row's middle columns together, row after row, and its
//! first column or two and its 总计 apart, among the labels' lines or carried
//! down past them. The last rows so (`… 2 0 0 1 1 30` / `2 2 0 0 3 31` /
//! `5.要求行政机关确` / `认或重新出具已获 26` / `取信息` / `24` / `(六)其他处理` /
//! `10` / `245` / `30` / `(七)总计` / `四、结转下年度继续` / `27` / `办理` /
//! `1200` … `35` / `13` … `50` / `1421`: two rows' middles, their firsts, three
//! groups' first rows' totals, 四's first, (七)'s first six, 四's others,
//! (七)'s total); or a group's first rows, their numbers before the labels, a
//! row's total among the next's (`7` / `0 0 0 0 0 7` / `1 0 0` /
//! `0 0 0 0 0 0 0 1 0 0 0`).
//!
//! Where the reading of the table left a row short of a cell, the results
//! short of one are read again together, with (七)总计 and 四: as read where
//! both were read whole (else what was read of them may be another row's:
//! their numbers are looked at again).
//! The numbers printed after the row before the first of them missing more
//! than its 总计, to 表四, none read as a cell of the rows that stand, must be
//! just the cells those rows miss (a 总计 the reading inferred where none was
//! printed, a group's first row's carried down, among them). The ways to part
//! them are tried: each row's missing cells in its columns' order, a run, the
//! runs in the rows' order, but for the row's first one or two (in either
//! order) and its 总计 (or its last two columns), which may stand apart among
//! the runs, the rows' firsts in the rows' order and their last cells too.
//! Of the ways with the fewest cells apart where every row adds up, the
//! results to (七)总计 in each column and (七)总计 and 四 to 一 + 二, the rows
//! are read where all give the same numbers (rows of zeros fit many more
//! ways, apart, than the page printed); a row's last two columns apart only
//! where, with as many cells apart, no way with its 总计 alone apart holds,
//! and one way alone of those does.
//! Where no way holds every sum (all looked at), a row's 总计 may be the
//! report's slip: the ways where every other sum holds (those of the totals'
//! column the slip is in aside) are looked for with each row's 总计 so, and
//! kept where all those rows give the same numbers, read as printed for the
//! checks to flag. A slip in another column leaves no way, and a search left
//! unfinished no reading: the rows stay as read, short.
//!
//! A result read whole between the rows read again is theirs too where a
//! later one of them, as placed, has all its numbers printed before that
//! row's: a group's first rows' numbers printed before their labels, printed
//! together (`(一)予以公开` / `结果` / `(二)部分公开`), and the next row's numbers
//! after them, read as (二)'s. The rows are read again with its numbers, in
//! the rows' order; left as read where no placing so holds.
//!
//! A row whose cells the reading filled where none was printed is read
//! again too, with its printed numbers: two equal numbers taken for its first
//! and its 总计 may be its first on its label's line and the next row's 总计
//! after it, its others in runs before (`1.申请人无正当理由…` `0` / `0 0 0 0 0 0`
//! / `1 0 0 0 0 1` / `0 0 0 0 0 0` / `(六)其他处理` / `2.申请人逾期未按收…` `0` /
//! `0` / `3.其他`).

use super::*;
use crate::extract::checks::Grid;
use crate::normalize::Search;
use crate::template::{Role, APPLICANTS};

/// The most rows read again together: the ways to part their numbers grow
/// with the rows' number.
const MAX_ROWS: usize = 8;

/// The most placings looked at, whole or in part, before the rows are left
/// as read (many rows short of many cells, numbers alike).
const MAX_WAYS: usize = 10_000;

/// Reads again (see the module) the rows of 表三 short of a cell that the
/// reading of the table (`report.requests[from..]`, from `rows` up to row
/// `end`) left. Changes nothing otherwise.
pub(super) fn reread(text: &str, rows: &[Row], end: usize, t: Template, report: &mut Report, from: usize) {
    if report.has_issue("applicants_combined") {
        return;
    }
    let n = APPLICANTS.len();
    let specs = template::request_rows(t);
    let key = |role: Role| specs.iter().find(|s| s.role == role).map(|s| s.key);
    let (Some(total), Some(forward)) = (key(Role::TotalProcessed), key(Role::CarriedForward)) else { return };
    let facts = &report.requests[from..];
    let whole = |row: &str| facts.iter().filter(|f| f.row == row).count() >= n;
    let results = specs.iter().filter(|s| s.role == Role::Result);
    let last_whole = whole(total) && whole(forward);
    if last_whole && results.clone().all(|s| whole(s.key)) {
        return;
    }
    // (The facts that stand: not a 总计 inferred, where none was printed (a
    // group's first row's, carried down), nor (七)总计's and 四's where either
    // is short: their numbers are looked at again with the others'.)
    let mut cells: Vec<usize> = rows.iter().flat_map(|r| &r.cells).map(|c| c.offset).collect();
    cells.sort_unstable();
    let printed = |f: &RequestFact| cells.binary_search(&f.offset).is_ok();
    let inferred = |f: &RequestFact| f.applicant == APPLICANTS[n - 1] && !printed(f);
    // (Nor a row whose other cells the reading filled where none was printed:
    // two equal numbers read as its first and its 总计, a lone 0 as zeros.)
    let filled: Vec<&str> =
        facts.iter().filter(|f| f.applicant != APPLICANTS[n - 1] && !printed(f)).map(|f| f.row).collect();
    let last = |f: &RequestFact| f.row == total || f.row == forward;
    let stands = |f: &&RequestFact| !inferred(f) && !filled.contains(&f.row) && (last_whole || !last(f));
    let mut standing: Vec<RequestFact> = facts.iter().filter(stands).cloned().collect();
    let table = &rows[..end.min(rows.len())];
    let Some(mut placed) = place(text, table, t, &standing) else { return };
    // (A result read whole between rows read again, a later one of them
    // placed numbers printed before its own: its label was printed with the
    // next row's numbers after it, its own printed before, with the rows'
    // before it. Read again with them, the runs in the rows' order.)
    let out_of_order = placed.out_of_order(&standing, &specs);
    if !out_of_order.is_empty() {
        standing.retain(|f| !out_of_order.contains(&f.row));
        let Some(again) = place(text, table, t, &standing) else { return };
        placed = again;
    }
    let Placed { block, pool, solution } = placed;
    // The rows' facts: those standing, and each missing cell's as placed.
    let keys: Vec<&'static str> = block.rows.iter().map(|r| specs[r.spec].key).collect();
    let facts = &mut report.requests;
    let read: Vec<RequestFact> = facts.drain(from..).collect();
    facts.extend(read.into_iter().filter(|f| !keys.contains(&f.row) || standing.contains(f)));
    for (row, cells) in block.rows.iter().zip(&solution) {
        for (&a, &p) in row.missing.iter().zip(cells) {
            let (offset, count) = pool[p];
            facts.push(RequestFact { row: specs[row.spec].key, applicant: APPLICANTS[a], count, offset });
        }
    }
    // (In the template's order, each row's cells in its columns'.)
    super::pooled::in_template_order(&mut facts[from..], &specs);
    super::pooled::read_again(report, &keys);
}

/// The rows read again, the numbers placed in them and where each went
/// (for each row, the pool's index of each missing cell's number).
struct Placed {
    block: Block,
    pool: Vec<(usize, i64)>,
    solution: Vec<Vec<usize>>,
}

/// The one placing of the numbers after the row before the first run's (its
/// 总计 aside: a group's first row's may be carried down) to 表四 (of `rows`),
/// none read as a cell (`standing`), in the rows `standing` leaves short.
fn place(text: &str, rows: &[Row], t: Template, standing: &[RequestFact]) -> Option<Placed> {
    let n = APPLICANTS.len();
    let specs = template::request_rows(t);
    let block = Block::of(&Grid::of(standing, t), &specs)?;
    let first_run = block.rows.iter().find(|r| r.missing.len() > 1).map_or(block.rows[0].spec, |r| r.spec);
    let before = specs[first_run.checked_sub(1)?].key;
    let of_before = standing.iter().filter(|f| f.row == before && f.applicant != APPLICANTS[n - 1]);
    let after = of_before.map(|f| f.offset).max()?;
    let litigation = |r: &Row| template::LITIGATION_ANCHORS.iter().any(|a| r.label().has(a));
    let from_row = rows.partition_point(|r| r.offset <= after);
    let end = rows[from_row..].iter().position(litigation).map_or(rows.len(), |k| from_row + k);
    let pool = pool(text, &rows[..end], after, standing)?;
    if pool.len() != block.rows.iter().map(|r| r.missing.len()).sum::<usize>() {
        return None;
    }
    let values: Vec<i64> = pool.iter().map(|&(_, v)| v).collect();
    let solution = Placings::new(&block, &values).run()?;
    Some(Placed { block, pool, solution })
}

impl Placed {
    /// The results read whole (of `standing`) between the first and last
    /// rows placed, whose first number a row after them has all its numbers
    /// placed printed before (a cell or two of a row apart may be printed
    /// among the labels' lines before: not its whole row).
    fn out_of_order(&self, standing: &[RequestFact], specs: &[&'static template::Row]) -> Vec<&'static str> {
        let (Some(first), Some(last)) = (self.block.rows.first(), self.block.rows.last()) else { return Vec::new() };
        let mut out = Vec::new();
        for (r, spec) in specs.iter().enumerate().take(last.spec).skip(first.spec + 1) {
            let starts = standing.iter().filter(|f| f.row == spec.key).map(|f| f.offset).min();
            let Some(starts) = starts.filter(|_| spec.role == Role::Result) else { continue };
            let mut later = self.block.rows.iter().zip(&self.solution).filter(|(row, _)| row.spec > r);
            if later.any(|(_, cells)| !cells.is_empty() && cells.iter().all(|&p| self.pool[p].0 < starts)) {
                out.push(spec.key);
            }
        }
        out
    }
}

/// The numbers of `rows`' cells after `after`, none of them a fact that
/// stands, each with its place: `None` where one is no count, or where the
/// marks for none among them differ (a mark broken in two, `——` as `—` / `—`,
/// would shift the cells).
pub(super) fn pool(text: &str, rows: &[Row], after: usize, standing: &[RequestFact]) -> Option<Vec<(usize, i64)>> {
    let mut taken: Vec<usize> = standing.iter().map(|f| f.offset).collect();
    taken.sort_unstable();
    let count = |v: Value| (v.unit.is_none() && v.number.fract() == 0.0 && v.number >= 0.0).then_some(v.number as i64);
    let mut pool: Vec<(usize, i64)> = Vec::new();
    for cell in rows.iter().flat_map(|r| &r.cells) {
        if cell.offset > after && taken.binary_search(&cell.offset).is_err() {
            pool.push((cell.offset, cell.value.map_or(Some(0), count)?));
        }
    }
    let word = |at: usize| text.get(at..).and_then(|t| t.split(char::is_whitespace).next());
    let mark = |at: usize| word(at).filter(|w| !w.starts_with(|c: char| c.is_ascii_digit()));
    let mut marks = pool.iter().filter_map(|&(at, _)| mark(at));
    let alike = marks.next().is_none_or(|m| marks.all(|o| o == m));
    alike.then_some(pool)
}

/// A row read again: its index among the template's, its cells as read and
/// the columns it misses.
struct Short {
    spec: usize,
    cells: Vec<Option<i64>>,
    missing: Vec<usize>,
}

/// The rows read again, with what the sums around them tell.
struct Block {
    rows: Vec<Short>,
    /// 一 + 二 in each column.
    sums: Vec<i64>,
    /// The results read whole, in each column.
    known: Vec<i64>,
    /// Whether each of the rows is a result.
    results: Vec<bool>,
    /// (七)总计's index among the rows, and 四's (a row read whole misses none).
    total: usize,
    forward: usize,
}

impl Block {
    /// The results short of a cell with (七)总计 and 四 (each whole or
    /// short), [`MAX_ROWS`] rows at most, where 一 and 二 are read and every
    /// other result read adds up.
    fn of(grid: &Grid, specs: &[&'static template::Row]) -> Option<Block> {
        let n = APPLICANTS.len();
        let row = |r: usize| -> Vec<Option<i64>> { (0..n).map(|a| grid.get(Some(r), a)).collect() };
        let whole = |cells: &[Option<i64>]| cells.iter().copied().collect::<Option<Vec<i64>>>();
        let [new, over] = [Role::NewReceived, Role::CarriedOver].map(|role| grid.index(role).map(row));
        let (new, over) = (whole(&new?)?, whole(&over?)?);
        if !counts_add_up(&new) || !counts_add_up(&over) {
            return None;
        }
        let sums: Vec<i64> = new.iter().zip(&over).map(|(a, b)| a + b).collect();
        let (mut rows, mut results, mut known) = (Vec::new(), Vec::new(), vec![0; n]);
        let (mut total, mut forward) = (None, None);
        for (r, spec) in specs.iter().enumerate() {
            let cells = row(r);
            match (spec.role, whole(&cells)) {
                (Role::Result, Some(c)) if counts_add_up(&c) => known.iter_mut().zip(&c).for_each(|(k, v)| *k += v),
                (Role::Result, Some(_)) => return None,
                (Role::Result | Role::TotalProcessed | Role::CarriedForward, _) => {
                    match spec.role {
                        Role::TotalProcessed => total = Some(rows.len()),
                        Role::CarriedForward => forward = Some(rows.len()),
                        _ => {}
                    }
                    results.push(spec.role == Role::Result);
                    let missing = (0..n).filter(|&a| cells[a].is_none()).collect();
                    rows.push(Short { spec: r, cells, missing });
                }
                _ => {}
            }
        }
        if rows.len() > MAX_ROWS {
            return None;
        }
        Some(Block { rows, sums, known, results, total: total?, forward: forward? })
    }
}

/// A row's way to print its missing cells: the first `heads` apart (in the
/// other order where `swapped`), its last `tails` apart (its 总计, or the
/// column before it and its 总计), the rest a run.
#[derive(Clone, Copy)]
struct Way {
    heads: usize,
    swapped: bool,
    tails: usize,
}

impl Way {
    /// The cells apart.
    fn apart(self) -> usize {
        self.heads + self.tails
    }

    /// The ways a row missing the columns `missing` may print them, `most`
    /// of its last cells apart at most.
    fn all(missing: &[usize], most: usize) -> Vec<Way> {
        let n = APPLICANTS.len();
        let firsts = missing.iter().take_while(|&&a| a < 2).count();
        // (The last cells apart: its 总计, and the column before it where that is missing too.)
        let lasts = missing.iter().rev().zip((0..n).rev()).take(most).take_while(|(&a, b)| a == *b).count();
        let mut out = Vec::new();
        for heads in 0..=firsts.min(missing.len()) {
            for tails in 0..=lasts.min(missing.len() - heads) {
                for swapped in [false, true] {
                    if !swapped || heads == 2 {
                        out.push(Way { heads, swapped, tails });
                    }
                }
            }
        }
        out
    }
}

/// The search for the one placing of the pool's numbers (see the module):
/// the rows' runs from the last row back, each run ending before the next
/// row's starts, the numbers between left for the cells apart.
struct Placings<'a> {
    block: &'a Block,
    pool: &'a [i64],
    /// The most last cells of a row apart (its 总计, or its last two columns).
    tails: usize,
    /// Each row's cells as placed so far: the pool's index of each missing one.
    placed: Vec<Vec<Option<usize>>>,
    /// Each row's cells: as read, or placed so far.
    cells: Vec<Vec<Option<i64>>>,
    /// Each row's way, where its run is placed.
    ways_of: Vec<Option<Way>>,
    /// Whether each of the pool's numbers is in a run.
    in_run: Vec<bool>,
    /// The most cells apart a placing may have in this pass, then those of
    /// the placing kept: placings with more are not looked at.
    apart: usize,
    /// Whether two placings with that many cells apart give different numbers.
    tied: bool,
    /// The row whose 总计 may be the report's slip, if one.
    slip: Option<usize>,
    /// The placings looked at, whole or in part.
    looked: usize,
    found: Option<Vec<Vec<usize>>>,
    /// Two placings kept giving different numbers, or too many looked at.
    failed: bool,
}

impl<'a> Placings<'a> {
    fn new(block: &'a Block, pool: &'a [i64]) -> Placings<'a> {
        let placed = block.rows.iter().map(|r| vec![None; r.missing.len()]).collect();
        let cells = block.rows.iter().map(|r| r.cells.clone()).collect();
        let ways_of = vec![None; block.rows.len()];
        let in_run = vec![false; pool.len()];
        let (tails, apart, tied, slip, looked, found, failed) = (1, 0, false, None, 0, None, false);
        Placings { block, pool, tails, placed, cells, ways_of, in_run, apart, tied, slip, looked, found, failed }
    }

    /// Places the pool's number `p` in row `i`'s `k`th missing cell, or none there.
    fn put(&mut self, i: usize, k: usize, p: Option<usize>) {
        self.placed[i][k] = p;
        self.cells[i][self.block.rows[i].missing[k]] = p.map(|p| self.pool[p]);
    }

    /// The one placing (each row's missing cells' pool indices), if one: of
    /// those with the fewest cells apart that place the numbers. Where none
    /// holds every sum, one with a row's 总计 the report's slip (its own sum
    /// and those of its column it is in not held), where every such row
    /// gives the same numbers: the checks then flag the slip.
    fn run(mut self) -> Option<Vec<Vec<usize>>> {
        let found = self.fewest_apart();
        if found.is_some() || self.failed {
            return found;
        }
        let mut kept: Option<Vec<Vec<usize>>> = None;
        for row in 0..self.block.rows.len() {
            // (Each row's search looks at as many placings as the first; any
            // left unfinished leaves the rows as read.)
            (self.slip, self.looked) = (Some(row), 0);
            let found = self.fewest_apart();
            if self.failed {
                return None;
            }
            let Some(found) = found else { continue };
            match &kept {
                Some(first) if self.values(first) != self.values(&found) => return None,
                Some(_) => {}
                None => kept = Some(found),
            }
        }
        kept
    }

    /// Whether column `a` holds its sums, (七)总计 and 四 to 一 + 二 and the
    /// results to (七)总计, with a row's 总计 the report's slip: not the
    /// totals' column where the slip is in one of its rows.
    fn holds(&self, a: usize) -> (bool, bool) {
        let Some(slip) = self.slip.filter(|_| a == APPLICANTS.len() - 1) else { return (true, true) };
        let (total, forward) = (slip == self.block.total, slip == self.block.forward);
        (!(total || forward), !(total || self.block.results[slip]))
    }

    /// The one placing of those with the fewest cells apart, if one; `None`
    /// where none does, two give different numbers or too many were looked at.
    /// Placings are looked for with no cell apart, then with one at most, and
    /// so on: those with few are found before the many more with more are
    /// looked at.
    fn fewest_apart(&mut self) -> Option<Vec<Vec<usize>>> {
        // (The most cells apart with each row's 总计 alone apart, and with its last two.)
        let most = |tails: usize| self.block.rows.iter().map(|r| r.missing.len().min(2 + tails)).sum::<usize>();
        let most = [most(1), most(2)];
        // (Ways with a row's last two columns apart are looked at after those
        // with its 总计 alone apart, with placings of their own to look at: too
        // many, or two giving different numbers, and they are looked at no more.)
        let mut two = true;
        for apart in 0..=most[1] {
            for tails in [1, 2] {
                if apart > most[tails - 1] || (tails == 2 && !two) {
                    continue;
                }
                (self.tails, self.apart, self.found, self.tied) = (tails, apart, None, false);
                let looked = self.looked;
                if tails == 2 {
                    self.looked = 0;
                }
                self.row(self.block.rows.len(), self.pool.len(), 0);
                if tails == 2 {
                    two = !self.failed && !self.tied;
                    (self.failed, self.looked) = (false, looked);
                    if !two {
                        (self.found, self.tied) = (None, false);
                    }
                }
                if self.failed || self.found.is_some() {
                    return self.kept();
                }
            }
        }
        self.kept()
    }

    /// The placing found, where one alone was; `None` (and the search failed)
    /// where two give different numbers or too many were looked at.
    fn kept(&mut self) -> Option<Vec<Vec<usize>>> {
        if self.failed || self.tied {
            self.failed = true;
            return None;
        }
        self.found.take()
    }

    /// Places the run of the row before row `i` and those before it, the run
    /// ending at pool index `at` or before, `skipped` numbers after `at` left
    /// out of the runs so far.
    fn row(&mut self, i: usize, at: usize, skipped: usize) {
        self.looked += 1;
        self.failed |= self.looked > MAX_WAYS;
        if self.failed {
            return;
        }
        let Some(i) = i.checked_sub(1) else {
            self.apart_taken(skipped + at);
            return;
        };
        let missing = self.block.rows[i].missing.clone();
        let after: usize = (i + 1..self.block.rows.len()).filter_map(|j| self.ways_of[j]).map(Way::apart).sum();
        for way in Way::all(&missing, self.tails) {
            let apart = after + way.apart();
            if apart > self.apart {
                continue;
            }
            let run = missing.len() - way.apart();
            let ends = if run == 0 { at..=at } else { run..=at };
            for end in ends.rev() {
                // (The numbers skipped are the cells apart.)
                if skipped + (at - end) > self.apart {
                    break;
                }
                let start = end - run;
                for (k, p) in (start..end).enumerate() {
                    self.put(i, way.heads + k, Some(p));
                    self.in_run[p] = true;
                }
                if self.fits(i) {
                    self.ways_of[i] = Some(way);
                    self.row(i, start, skipped + (at - end));
                    self.ways_of[i] = None;
                }
                for p in start..end {
                    self.in_run[p] = false;
                }
                for k in 0..missing.len() {
                    self.put(i, k, None);
                }
                if self.failed {
                    return;
                }
            }
        }
    }

    /// Whether the cells placed so far may still add up: row `i`'s, where all
    /// are placed, do, and else are no more than its 总计, if placed; and the
    /// columns so far hold their sums, each no more than 一 + 二 leaves.
    fn fits(&self, i: usize) -> bool {
        let n = APPLICANTS.len();
        let cells = &self.cells[i];
        let bound = |a: usize, v: &Option<i64>| v.is_none_or(|v| v <= self.block.sums[a]);
        if !cells.iter().enumerate().all(|(a, v)| bound(a, v)) {
            return false;
        }
        let others = cells[..n - 1].iter().flatten().sum::<i64>();
        let row_fits = self.slip == Some(i) || match cells[n - 1] {
            Some(total) if cells.iter().all(Option::is_some) => others == total,
            Some(total) => others <= total,
            None => true,
        };
        row_fits && self.columns_fit()
    }

    /// Whether each column's cells placed so far may still hold its sums:
    /// (七)总计 and 四 to 一 + 二, the results to (七)总计 (no more than it
    /// while some are not placed).
    fn columns_fit(&self) -> bool {
        let (total, forward) = (&self.cells[self.block.total], &self.cells[self.block.forward]);
        let n = APPLICANTS.len();
        (0..n).all(|a| {
            let (identity_holds, results_hold) = self.holds(a);
            let sum = self.block.sums[a];
            let (mut placed, mut all) = (0, true);
            for (cells, _) in self.cells.iter().zip(&self.block.results).filter(|(_, &r)| r) {
                placed += cells[a].unwrap_or(0);
                all &= cells[a].is_some();
            }
            let most = total[a].or(forward[a].map(|f| sum - f)).unwrap_or(sum);
            let identity = match (total[a], forward[a]) {
                (Some(t), Some(f)) => !identity_holds || t + f == sum,
                _ => true,
            };
            let results_fit = !results_hold
                || match total[a] {
                    Some(t) if all => self.block.known[a] + placed == t,
                    _ => self.block.known[a] + placed <= most,
                };
            identity && results_fit
        })
    }

    /// With the runs placed (`skipped` numbers left out of them), each way to
    /// take those numbers for the cells apart: the rows' firsts in order and
    /// their totals in order, among each other.
    fn apart_taken(&mut self, skipped: usize) {
        let left: Vec<usize> = (0..self.pool.len()).filter(|&p| !self.in_run[p]).collect();
        let mut heads: Vec<(usize, usize)> = Vec::new();
        let mut late: Vec<(usize, usize)> = Vec::new();
        for (i, way) in self.ways_of.iter().enumerate() {
            let Some(way) = way else { return };
            heads.extend((0..way.heads).map(|k| (i, if way.swapped { way.heads - 1 - k } else { k })));
            let missing = self.placed[i].len();
            late.extend((missing - way.tails..missing).map(|k| (i, k)));
        }
        if left.len() != skipped || left.len() > self.apart || left.len() != heads.len() + late.len() {
            return;
        }
        self.take(&left, &heads, &late, 0, 0);
    }

    /// Takes the numbers apart `left` from the `h`th first and the `l`th
    /// total on, each the next first or the next total, where the cells so far fit.
    fn take(&mut self, left: &[usize], heads: &[(usize, usize)], late: &[(usize, usize)], h: usize, l: usize) {
        self.looked += 1;
        self.failed |= self.looked > MAX_WAYS;
        if self.failed {
            return;
        }
        let Some(&p) = left.get(h + l) else {
            self.keep();
            return;
        };
        for (slots, next, is_head) in [(heads, h, true), (late, l, false)] {
            let Some(&(i, k)) = slots.get(next) else { continue };
            self.put(i, k, Some(p));
            if self.fits(i) {
                let (h, l) = if is_head { (h + 1, l) } else { (h, l + 1) };
                self.take(left, heads, late, h, l);
            }
            self.put(i, k, None);
        }
    }

    /// Keeps the placing made, where every sum holds (each row's, with every
    /// cell placed, and each column's).
    fn keep(&mut self) {
        let placed: Option<Vec<Vec<usize>>> = self.placed.iter().map(|r| r.iter().copied().collect()).collect();
        let Some(placed) = placed else { return };
        if !(0..self.cells.len()).all(|i| self.fits(i)) {
            return;
        }
        // (Fewer cells apart than the placings kept: this one alone is kept.)
        let apart = self.placed_apart();
        match &self.found {
            Some(_) if apart < self.apart => (self.found, self.tied) = (Some(placed), false),
            Some(first) => self.tied |= self.values(first) != self.values(&placed),
            None => self.found = Some(placed),
        }
        self.apart = apart;
    }

    /// The numbers a placing gives, row by row.
    fn values(&self, placed: &[Vec<usize>]) -> Vec<i64> {
        placed.iter().flatten().map(|&p| self.pool[p]).collect()
    }

    /// The cells apart of the placing made.
    fn placed_apart(&self) -> usize {
        self.ways_of.iter().flatten().map(|w| w.apart()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::super::numbers_first::tests::{get, lines, requests};
    use super::super::pooled::tests::printed;
    use super::*;

    const NEW: [i64; 7] = [30, 3, 0, 1, 2, 0, 36];
    const CORRECTION: [i64; 7] = [1, 0, 0, 0, 1, 0, 2];
    const FEE: [i64; 7] = [1, 1, 0, 0, 0, 0, 2];
    const MISC: [i64; 7] = [1, 0, 0, 0, 0, 0, 1];
    const TOTAL: [i64; 7] = [28, 3, 0, 1, 2, 0, 34];
    const FORWARD: [i64; 7] = [4, 0, 0, 0, 0, 0, 4];

    /// A 2021 表三 as plain `pdftotext` prints a page's table whose last rows'
    /// numbers come in runs apart: (六)1 and (六)2's middle columns and totals
    /// first, their firsts on their labels' lines, (六)3's total and (七)总计's
    /// carried down, 四's first between its label's lines; the rows before,
    /// each its label and its numbers.
    fn table(new: [i64; 7], total: [i64; 7]) -> String {
        table_of(new, total, MISC, false)
    }

    /// The rows between 一 and (六) the tables below print, each its label and its numbers.
    const MIDDLE_ROWS: [(&str, [i64; 7]); 4] = [
        ("carried_over", [2, 0, 0, 0, 0, 0, 2]),
        ("granted", [20, 2, 0, 1, 1, 0, 24]),
        ("partially_granted", [3, 0, 0, 0, 0, 0, 3]),
        ("unable_not_held", [2, 0, 0, 0, 0, 0, 2]),
    ];

    /// [`table`] with (六)3 `misc`, its last two columns carried down past
    /// 四's other cells where `last_two_apart`.
    fn table_of(new: [i64; 7], total: [i64; 7], misc: [i64; 7], last_two_apart: bool) -> String {
        let values = [[("new_received", new)].as_slice(), &MIDDLE_ROWS].concat();
        // (The last rows printed after, in runs apart.)
        let mut text = printed(&values, |spec, own| match spec.key {
            "other_overdue_correction" | "other_overdue_fee" | "other_misc" => String::new(),
            "total_processed" | "carried_forward" => String::new(),
            _ => format!("{}\n{}", spec.label, lines(&own)),
        });
        let join = |v: &[i64]| v.iter().map(i64::to_string).collect::<Vec<_>>().join(" ");
        text.push_str(&format!(
            "{}{}(六)其他处理\n1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 {}\n\
             2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 {}\n3.其他 {}\n\
             (七)总计\n四、结转下年度继续\n{}\n办理\n{}{}{}\n{}\n四、政府信息公开行政复议、行政诉讼情况\n",
            lines(&CORRECTION[1..]),
            lines(&FEE[1..]),
            CORRECTION[0],
            FEE[0],
            join(&misc[..if last_two_apart { 5 } else { 6 }]),
            FORWARD[0],
            lines(&total[..6]),
            lines(&FORWARD[1..]),
            if last_two_apart { format!("{}\n{}", misc[5], misc[6]) } else { misc[6].to_string() },
            total[6],
        ));
        text
    }

    #[test]
    fn a_row_s_last_two_columns_carried_down_together_are_read_where_every_sum_holds() {
        // (六)3's 其他 and 总计 printed after 四's numbers, (七)总计's after them.
        let misc = [1, 0, 0, 0, 0, 2, 3];
        let (new, total) = ([30, 3, 0, 1, 2, 2, 38], [28, 3, 0, 1, 2, 2, 36]);
        let r = requests(&table_of(new, total, misc, true));
        assert_eq!(get(&r, "other_misc"), misc, "{:?}", r.issues);
        assert_eq!(get(&r, "total_processed"), total);
        assert_eq!(get(&r, "carried_forward"), FORWARD);
        assert_eq!(get(&r, "other_overdue_fee"), FEE);
        // (And with its 总计 alone apart, as before.)
        assert_eq!(get(&requests(&table_of(new, total, misc, false)), "other_misc"), misc);
    }

    #[test]
    fn the_last_rows_numbers_in_runs_apart_are_read_where_every_sum_holds() {
        let r = requests(&table(NEW, TOTAL));
        assert_eq!(get(&r, "other_overdue_correction"), CORRECTION, "{:?}", r.issues);
        assert_eq!(get(&r, "other_overdue_fee"), FEE);
        assert_eq!(get(&r, "other_misc"), MISC);
        assert_eq!(get(&r, "total_processed"), TOTAL);
        assert_eq!(get(&r, "carried_forward"), FORWARD);
        assert_eq!(get(&r, "rejected_confirmation"), [0; 7]);
        assert!(r.has_issue("cells_pooled"), "{:?}", r.issues);
        assert!(!r.has_issue("rows_missing") && !r.has_issue("cells_unaligned"), "{:?}", r.issues);
        // Each row's facts where its numbers were printed.
        let text = table(NEW, TOTAL);
        let fee = r.requests.iter().find(|f| f.row == "other_overdue_fee" && f.applicant == "natural_person");
        assert!(fee.is_some_and(|f| text[..f.offset].ends_with("公开申请 ")), "{fee:?}");
    }

    #[test]
    fn an_agency_s_slip_in_a_column_of_counts_leaves_the_last_rows_as_read() {
        // 一 one more than the rows after it leave in a column: no placing holds.
        let r = requests(&table([31, 3, 0, 1, 2, 0, 37], TOTAL));
        assert_ne!(get(&r, "total_processed"), TOTAL, "{:?}", r.issues);
        assert!(!r.has_issue("cells_pooled"), "{:?}", r.issues);
        assert!(r.has_issue("rows_missing") || r.has_issue("cells_unaligned"), "{:?}", r.issues);
    }

    #[test]
    fn an_agency_s_slip_in_a_row_total_is_read_as_printed_for_the_checks_to_flag() {
        // (七)总计's 总计 one more than its columns: every other sum holds.
        let slipped = [28, 3, 0, 1, 2, 0, 35];
        let mut r = requests(&table(NEW, slipped));
        assert_eq!(get(&r, "total_processed"), slipped, "{:?}", r.issues);
        assert_eq!(get(&r, "other_overdue_fee"), FEE);
        assert_eq!(get(&r, "carried_forward"), FORWARD);
        crate::extract::checks::check(&mut r, Template::T2021);
        for code in ["row_sum_mismatch", "identity_mismatch", "result_sum_mismatch"] {
            assert!(r.has_issue(code), "{code}: {:?}", r.issues);
        }
    }

    #[test]
    fn a_row_after_two_labels_printed_together_is_not_taken_for_the_second_s() {
        // 三's first two rows' numbers before their labels, printed together;
        // (三)1's numbers after them, its label printed elsewhere.
        let (partially, secret) = ([5, 0, 0, 0, 0, 0, 5], [2, 0, 1, 0, 0, 0, 3]);
        let values = [
            ("new_received", [30, 3, 1, 1, 2, 0, 37]),
            ("carried_over", [2, 0, 0, 0, 0, 0, 2]),
            ("granted", [20, 2, 0, 1, 1, 0, 24]),
            ("partially_granted", partially),
            ("denied_state_secret", secret),
            ("unable_not_held", [1, 0, 0, 0, 0, 0, 1]),
            ("total_processed", [28, 2, 1, 1, 1, 0, 33]),
            ("carried_forward", [4, 1, 0, 0, 1, 0, 6]),
        ];
        // (A number a line, a blank line between, the last two on one line.)
        let apart = |own: [i64; 7]| {
            let first: Vec<String> = own[..5].iter().map(i64::to_string).collect();
            format!("{}\n\n{} {}\n\n", first.join("\n\n"), own[5], own[6])
        };
        let text = printed(&values, |spec, own| match spec.key {
            "granted" => apart(own),
            "partially_granted" => format!("{}自然人\n\n三、本年度办理 (一)予以公开\n结果\n(二)部分公开\n\n", apart(own)),
            "denied_state_secret" => apart(own),
            _ => format!("{}\n{}", spec.label, apart(own)),
        });
        let r = requests(&text);
        assert_eq!(get(&r, "partially_granted"), partially, "{:?}", r.issues);
        assert_eq!(get(&r, "denied_state_secret"), secret);
        assert_eq!(get(&r, "granted"), [20, 2, 0, 1, 1, 0, 24]);
        assert!(r.has_issue("cells_pooled") && !r.has_issue("rows_missing"), "{:?}", r.issues);
    }

    #[test]
    fn a_row_read_from_two_equal_numbers_is_read_again_with_the_runs_apart_after_the_row_before() {
        // (六)1 whole; (六)2's and (六)3's others in runs after it, the group's
        // labels, (六)2's first on its label's line, (六)3's 总计 after it: (六)2
        // holds two equal numbers (`0` / `0`), first column and total as read alone.
        let (fee, misc) = ([0, 1, 0, 0, 0, 0, 1], [0; 7]);
        let last = [("total_processed", [26, 3, 0, 1, 2, 0, 32]), ("carried_forward", FORWARD)];
        let values = [[("new_received", [28, 3, 0, 1, 2, 0, 34])].as_slice(), &MIDDLE_ROWS, &last].concat();
        let text = printed(&values, |spec, own| match spec.key {
            "other_overdue_correction" => format!(
                "{} {}\n{}{}{}三、本年度办理 (一)予以公开\n结果\n(二)部分公开\n\n(六)其他处理\n\
                 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 {}\n{}\n",
                spec.label,
                CORRECTION[0],
                lines(&CORRECTION[1..]),
                lines(&fee[1..]),
                lines(&misc[..6]),
                fee[0],
                misc[6],
            ),
            "other_overdue_fee" => String::new(),
            "other_misc" => format!("{}\n", spec.label),
            _ => format!("{}\n{}", spec.label, lines(&own)),
        });
        let r = requests(&text);
        assert_eq!(get(&r, "other_overdue_fee"), fee, "{:?}", r.issues);
        assert_eq!(get(&r, "other_misc"), misc);
        assert_eq!(get(&r, "other_overdue_correction"), CORRECTION);
        assert!(r.has_issue("cells_pooled") && !r.has_issue("cells_inferred"), "{:?}", r.issues);
        assert!(!r.has_issue("rows_missing"), "{:?}", r.issues);
    }

    #[test]
    fn the_first_results_printed_before_their_labels_one_s_total_among_the_next_s_are_read() {
        // 三's first rows' numbers before the group's labels, (二)'s 总计
        // printed among (三)1's zeros; (七)总计 and 四 read as printed.
        let values = [
            ("new_received", [14, 0, 0, 0, 1, 0, 15]),
            ("carried_over", [2, 0, 0, 0, 0, 0, 2]),
            ("unable_not_held", [1, 0, 0, 0, 1, 0, 2]),
            ("total_processed", [9, 0, 0, 0, 1, 0, 10]),
            ("carried_forward", [7, 0, 0, 0, 0, 0, 7]),
        ];
        let text = printed(&values, |spec, own| match spec.key {
            "granted" => "7\n0 0 0 0 0 7\n1 0 0\n0 0 0 0 0 0 0 1 0 0 0\n".to_string(),
            "partially_granted" => String::new(),
            "denied_state_secret" => "三、本年度办理结果 (一)予以公开 (二)部分公开 (三)不予公开 1.属于国家秘密\n".to_string(),
            _ => format!("{}\n{}", spec.label, lines(&own)),
        });
        let r = requests(&text);
        assert_eq!(get(&r, "granted"), [7, 0, 0, 0, 0, 0, 7], "{:?}", r.issues);
        assert_eq!(get(&r, "partially_granted"), [1, 0, 0, 0, 0, 0, 1]);
        assert_eq!(get(&r, "denied_state_secret"), [0; 7]);
        assert_eq!(get(&r, "unable_not_held"), [1, 0, 0, 0, 1, 0, 2]);
        assert!(!r.has_issue("rows_missing"), "{:?}", r.issues);
    }
}
