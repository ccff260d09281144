//! 表三 as plain `pdftotext` prints some word processors' PDFs of it: column by
//! column over bands of rows. A band of `s` rows comes as seven runs of `s`
//! numbers, one a column, left to right, each run a line or lines of their own
//! apart from the next by a blank line or a label; a band of one row is a row's
//! seven numbers one to a run. The first page's rows are often one band, the
//! rest of the table bands of a row or two or three; the labels come in blocks
//! of their own, apart from the numbers. A band's rows may also come each with
//! its first columns a run of its own beside its label (before it, the numbers
//! set a little higher; rows with no label between them one run), then the
//! band's other columns a run each (a number or two of another table, 表二's
//! last cells, perhaps between), or those first and the rows' first columns
//! after them, row by row (where the band holds a number not 0: zeros fit any
//! order); a row may come whole, its seven numbers a run. The last rows'
//! other columns may follow 表四's heading and heads: they are taken as 表三's
//! where some is not 0 or 表四's cells still follow them (else the table is
//! read from the numbers before 表四's last fifteen). Where 四's numbers come
//! past the table's end, the table is read up to (七)总计 (see [`to_total`]);
//! where the last rows keep their first columns alone, the rows before are read
//! (see [`super::cut_rows`]).
//!
//! The runs are split into bands (a run that fits none, such as a cell of 表四
//! printed among them, left out) so that the most rows add up, each row's
//! total the sum of its other columns; the reading is taken only where every
//! row adds up and the table's identity holds in every column (new and carried
//! over = processed and carried forward), but for one row and one column (a
//! number printed wrong, which the checks flag), and some band holds more than
//! one row, so a table printed row by row is never read so; nor where every
//! row read is zeros, or does not add up, and a number not 0 among them is
//! left out (zeros fit any band: the numbers not 0 are the table's too); nor
//! where a number left out is what a broken sum (a row's, the results', the
//! identity) misses by, perhaps the cell it wants. The
//! shortened form (自然人, 法人或其他组织, 总计) is read as three columns.

use crate::extract::cells::{blank_between, cells_add_up};
use super::cut_rows::CutRow;
use super::*;

/// The most runs looked at: a table's 25 rows make at most 175.
pub(super) const MAX_RUNS: usize = 400;

/// What a row that adds up, a row that does not and a run left out weigh.
const ADDS_UP: i64 = 2;
const DOES_NOT: i64 = -10;
const LEFT_OUT: i64 = -6;
/// What a band of more than a row weighs more than its rows: of two readings
/// that add up as well, the one with rows printed whole (as most tables are).
const WIDE: i64 = -1;
/// The most runs of a number each (another table's cells, 表二's last
/// printed among 表三's runs) a band's first columns and its others may have
/// between them; each weighs as a run left out.
const MAX_GAP: usize = 2;
/// What a band whose first columns follow the others weighs more: of two
/// readings that add up as well, the one in the order most tables print.
const AFTER: i64 = -1;

/// A number of the table where it is printed: on a line of numbers alone, or
/// on a label's line (`glued`); the run of numbers alone it belongs to (a run
/// ends at a blank line or a line with a label, which is a run of its own),
/// and its row.
#[derive(Clone, Copy)]
pub(super) struct Token {
    pub(super) cell: Cell,
    pub(super) glued: bool,
    pub(super) run: usize,
    pub(super) row: usize,
}

/// The numbers from row `first` to `end`, in printed order.
pub(super) fn tokens(text: &str, rows: &[Row], first: usize, end: usize) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut run = 0;
    for (k, row) in rows.iter().enumerate().take(end).skip(first) {
        let alone = row.is_numbers_alone();
        if !alone {
            run += 1;
        }
        for cell in &row.cells {
            if alone && out.last().is_some_and(|t| blank_between(text, t.cell.offset, cell.offset)) {
                run += 1;
            }
            out.push(Token { cell: *cell, glued: !alone, run, row: k });
        }
        if !alone {
            run += 1;
        }
    }
    out
}

/// A run of numbers alone (see [`runs_of`]): its cells, and the index of the
/// row its last is on.
pub(super) type Run = (Vec<Cell>, usize);

/// Whether token `k` is the one number a label's line ends with (`3.危及"三安全一
/// 2`, the label wrapping over lines).
fn lone(tokens: &[Token], k: usize) -> bool {
    let t = &tokens[k];
    let apart = |j: Option<usize>| j.and_then(|j| tokens.get(j)).is_none_or(|o| o.run != t.run);
    t.glued && t.cell.value.is_some() && apart(k.checked_sub(1)) && apart(Some(k + 1))
}

/// The runs of `tokens` (at most [`MAX_RUNS`]), each with the index of the row
/// its last number is on. The one number on a label's line is its row's first:
/// the other columns are the run right before the label, or where none is, it
/// starts the run after it; other numbers on labels' lines are no run's.
pub(super) fn runs_of(tokens: &[Token]) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    // Whether the last run takes the next number (no label nor blank line between).
    let mut open = false;
    for (k, t) in tokens.iter().enumerate() {
        // (More runs than a table prints: no such table.)
        if out.len() >= MAX_RUNS {
            break;
        }
        let before = k.checked_sub(1).map(|j| &tokens[j]);
        let next_to = |b: &Token| b.run + 1 == t.run;
        match out.last_mut() {
            _ if t.glued && !lone(tokens, k) => open = false,
            Some(run) if t.glued && open && before.is_some_and(|b| !b.glued && next_to(b)) => {
                run.0.insert(0, t.cell);
                open = false;
            }
            Some(run) if !t.glued && open && before.is_some_and(|b| b.run == t.run || (b.glued && next_to(b))) => {
                run.0.push(t.cell);
                run.1 = t.row;
            }
            _ => {
                out.push((vec![t.cell], t.row));
                open = true;
            }
        }
    }
    out
}

/// A band of `rows` rows from run `start`: the rows' first `first` columns
/// row by row over `lead` runs (a row's run printed with its label, its
/// numbers first; the runs of rows with no label between them one), and the
/// other columns a run each, `rows` numbers long. The first columns' runs
/// start `lead_at` runs from `start`, the others' `others_at`: the first
/// columns come first (`lead_at` 0; another table's number or two may stand
/// between them and the others, [`Band::gap`]), or after the others. A band
/// printed column by column has no first columns (`first` and `lead` 0); one
/// printed row by row, no others (`first` is the table's width). A band whose
/// first columns lead may hold a last row around the others: its first
/// columns a number a run between the band's first columns and its others,
/// its other columns a number a run after them, `around` runs from `start`.
#[derive(Clone, Copy, Debug)]
struct Band {
    start: usize,
    rows: usize,
    first: usize,
    lead: usize,
    lead_at: usize,
    others_at: usize,
    around: Option<usize>,
}

impl Band {
    /// A band whose first columns' runs come first.
    fn leading(start: usize, rows: usize, first: usize, lead: usize) -> Band {
        Band { start, rows, first, lead, lead_at: 0, others_at: lead, around: None }
    }

    /// The runs between the band's first columns and its others, left out.
    fn gap(&self) -> usize {
        if self.lead_at == 0 && self.around.is_none() { self.others_at - self.lead } else { 0 }
    }

    /// The runs the band takes.
    fn runs(&self, n: usize) -> usize {
        let around = self.around.map_or(0, |at| at + n - self.first);
        (self.lead_at + self.lead).max(self.others_at + n - self.first).max(around)
    }

    /// Row `j`'s cell in column `c`. (The readings' inner loops call it: kept
    /// inline, where the compiler's own choice varies from build to build.)
    #[inline(always)]
    fn cell(&self, runs: &[Run], j: usize, c: usize) -> Cell {
        let Band { start, first, lead, lead_at, others_at, .. } = *self;
        if let Some(around) = self.around.filter(|_| j + 1 == self.rows) {
            // (The row around the others: its first columns before them, its others after.)
            let at = if c < first { lead + c } else { around + c - first };
            return runs[start + at].0[0];
        }
        if c >= first {
            return runs[start + others_at + c - first].0[j];
        }
        let mut k = j * first + c;
        for (run, _) in &runs[start + lead_at..start + lead_at + lead] {
            match run.get(k) {
                Some(cell) => return *cell,
                None => k -= run.len(),
            }
        }
        unreachable!("a band's first columns hold its rows")
    }

    /// Whether row `j` adds up (no row built).
    fn adds_up(&self, runs: &[Run], n: usize, j: usize) -> bool {
        (0..n - 1).map(|c| self.cell(runs, j, c).number()).sum::<f64>() == self.cell(runs, j, n - 1).number()
    }

    /// The band's rows, `n` cells each.
    fn cells(&self, runs: &[Run], n: usize) -> Vec<Vec<Cell>> {
        (0..self.rows).map(|j| (0..n).map(|c| self.cell(runs, j, c)).collect()).collect()
    }
}

/// A step of the reading over bands: its weight so far, and the band that
/// ends there (none where a run is left out).
type Step = (i64, Option<Band>);

/// The bands that start at run `i` of a table of `m` rows and `n` columns:
/// the plain band first, then those whose rows' first columns lead, then
/// those whose first columns follow the others. `alike[k]`: how many runs
/// from run `k` on are as long as it.
fn bands_at(runs: &[Run], alike: &[usize], i: usize, n: usize, m: usize) -> Vec<Band> {
    let len = |k: usize| runs.get(k).map_or(0, |r| r.0.len());
    let all = |from: usize, count: usize, l: usize| {
        count == 0 || (len(from) == l && alike.get(from).is_some_and(|&a| a >= count))
    };
    let s = len(i);
    let mut out = Vec::new();
    if (1..=m).contains(&s) && all(i, n, s) {
        out.push(Band::leading(i, s, 0, 0));
    }
    // The rows' first `w` columns: the runs from `i` whose lengths are whole
    // rows of `w`, as many as the columns' runs after them are long.
    for w in 1..=n.min(s) {
        let mut total = 0;
        for k in i..runs.len() {
            total += len(k);
            if len(k) % w != 0 || total > m * w {
                break;
            }
            // (A row's first columns alone and its others a number a run are no band.)
            let rows = total / w;
            if (rows >= 2 || w == n) && all(k + 1, n - w, rows) {
                out.push(Band::leading(i, rows, w, k + 1 - i));
            }
            // (Or the next row around the others: its first columns a number a
            // run before them, its others after them.)
            let (gap, after) = (k + 1, k + 1 + n);
            let others_fit = rows >= 2 && rows < m && w < n && len(gap + w) == rows;
            if others_fit && all(gap, w, 1) && all(gap + w, n - w, rows) && all(after, n - w, 1) {
                let lead = k + 1 - i;
                let around = Some(lead + n);
                let band = Band { rows: rows + 1, others_at: lead + w, around, ..Band::leading(i, 0, w, lead) };
                out.push(band);
            }
            // (Or a number or two of another table's between them, a run each.)
            let mut gap = 0;
            while rows >= 2 && w < n && gap < MAX_GAP && len(k + 1 + gap) == 1 {
                gap += 1;
                if len(k + 1 + gap) == rows && all(k + 1 + gap, n - w, rows) {
                    out.push(Band { others_at: k + 1 - i + gap, ..Band::leading(i, rows, w, k + 1 - i) });
                }
            }
        }
    }
    // The other columns first, a run each, then the rows' first `w` columns.
    for w in 1..n {
        if s < 2 || s > m || !all(i, n - w, s) {
            continue;
        }
        let (from, mut total) = (i + n - w, 0);
        for k in from..runs.len() {
            total += len(k);
            if len(k) % w != 0 || total > s * w {
                break;
            }
            // (Zeros fit any order: a band so printed holds a number not 0.)
            if total == s * w && runs[i..=k].iter().flat_map(|r| &r.0).any(|c| c.number() != 0.0) {
                let lead = k + 1 - from;
                out.push(Band { start: i, rows: s, first: w, lead, lead_at: n - w, others_at: 0, around: None });
            }
        }
    }
    out
}

/// 表三 read: its rows in the template's order, each with its label and its
/// cells, and the index of the layout row after its last number.
pub(super) type Read<'a> = (Vec<Row<'a>>, usize);

/// What [`banded`] reads of 表三.
pub(super) enum Banded<'a> {
    /// The whole table.
    Whole(Read<'a>),
    /// No reading of the whole table taken: the table up to (七)总计, its rows
    /// after it printed past the table's end (see [`to_total`]); or its rows
    /// but the last, those cut to their first columns (see [`super::cut_rows`]).
    /// The full form only.
    Short(Read<'a>, Vec<CutRow>),
    /// Not printed so.
    Not,
}

/// Reads 表三 printed column by column (see the module's comment), `n` cells a
/// row; `others` are the facts another table (表二) read.
pub(super) fn banded<'a>(
    text: &str,
    rows: &[Row<'a>],
    first: usize,
    t: Template,
    n: usize,
    others: &[crate::report::DisclosureFact],
) -> Banded<'a> {
    let end = (first..rows.len()).find(|&k| rows[k].kind == Kind::Prose).unwrap_or(rows.len());
    let specs = template::request_rows(t);
    let m = specs.len();
    let Some(to) = specs.iter().position(|s| s.role == template::Role::TotalProcessed) else { return Banded::Not };
    // Numbers in runs fewer than the table's up to (七)总计: no such table (most texts).
    let label_at = rows[first].offset;
    let Some((tokens, first)) = table_tokens(text, rows, first, n * (to + 1)) else { return Banded::Not };
    let runs = runs_of(&tokens);
    // (Bands whose wrapped numbers made some rows taller: put back a run a column.)
    let runs = super::wrapped_bands::rejoined(text, &runs, n, m).unwrap_or(runs);
    let Some(readings) = Readings::over(&runs, n, m) else { return Banded::Not };
    let whole = || {
        if counted(&tokens) < n * m {
            return None;
        }
        let taken = |(read, used, wide): (Vec<Vec<Cell>>, usize, bool)| {
            let last = used.checked_sub(1).map_or(first, |l| runs[l].1);
            (wide && near_enough(&specs, &read, n)).then_some((read, last))
        };
        let (read, last) = taken(readings.of(m)?)?;
        // (Zeros alone leaving out a number not 0 among them: no reading; nor
        // where a number not 0 stands only in a row that does not add up, which
        // the zeros of the rest leave unchecked; nor where a number left out is
        // what a broken sum misses by, perhaps the cell it wants. One before
        // them and the first row's label may be another table's, as may one
        // another table read: 表二's last cells printed among the heads.)
        let zeros = |row: &Vec<Cell>| row.iter().all(|c| c.number() == 0.0);
        let unchecked = read.iter().all(|row| zeros(row) || !cells_add_up(row));
        let wanted = misses(&specs, &read, n);
        if unchecked || !wanted.is_empty() {
            let from = read.iter().flatten().map(|c| c.offset).min().unwrap_or(0).min(label_at);
            let own = |t: &&Token| others.iter().all(|d| d.offset != t.cell.offset);
            let own: Vec<Token> = tokens.iter().filter(own).copied().collect();
            let left = left_out_past(&own, &read, from);
            if !left.is_empty() && (unchecked || left.iter().any(|v| wanted.contains(v))) {
                return None;
            }
        }
        // The last rows' last columns may come after 表四's heading, where 表四
        // begins all the same. Zeros alone there tell no table from the other:
        // they are 表三's only where 表四's cells follow them, else the table is
        // read from the runs before 表四's cells.
        let heading = |r: &Row| names_litigation(r.label());
        let after = |last: usize| (first..=last).find(|&k| heading(&rows[k])).unwrap_or(last + 1);
        let at = after(last);
        let litigation = template::LITIGATION_PROCEEDINGS.len() * template::LITIGATION_OUTCOMES.len();
        let later = || rows[last + 1..end].iter().flat_map(|r| &r.cells).filter(|c| c.value.is_some()).count();
        // (A number not 0 after the heading tells the tables apart.)
        let told = |c: &Cell| c.offset > rows[at].offset && c.number() != 0.0;
        if at > last || read.iter().flatten().any(told) || later() >= litigation {
            return Some((labelled(&rows[first], &specs, read), at));
        }
        let (mut cut, mut held) = (runs.len(), 0);
        while held < litigation && cut > 0 {
            cut -= 1;
            held += runs[cut].0.len();
        }
        let (read, last) = taken(best_reading(&runs[..cut], n, m)?)?;
        Some((labelled(&rows[first], &specs, read), after(last)))
    };
    if let Some(read) = whole() {
        return Banded::Whole(read);
    }
    // (The shortened form's rows of three add up too easily to be read without the identity.)
    if n < template::APPLICANTS.len() {
        return Banded::Not;
    }
    if let Some(read) = readings.of(to + 1).and_then(|read| to_total(rows, first, &specs, &tokens, &runs, read, n)) {
        return Banded::Short(read, Vec::new());
    }
    let cut = super::cut_rows::read(rows, first, &specs, &tokens, &runs, &readings, n);
    cut.map_or(Banded::Not, |(read, cut)| Banded::Short(read, cut))
}

/// The tokens (see [`tokens`]) of the numbers from row `first` (or the numbers
/// alone right before it: the first row's may come before its label) to the
/// first row of prose, and the row they start at; `None` where the numbers
/// of runs (see [`runs_of`]) are fewer than `cells`.
fn table_tokens(text: &str, rows: &[Row], first: usize, cells: usize) -> Option<(Vec<Token>, usize)> {
    let end = (first..rows.len()).find(|&k| rows[k].kind == Kind::Prose).unwrap_or(rows.len());
    let first = first - rows[..first].iter().rev().take_while(|r| r.is_numbers_alone()).count();
    let tokens = tokens(text, rows, first, end);
    (counted(&tokens) >= cells).then_some((tokens, first))
}

/// How many of `tokens` runs may take: numbers alone, and the one number of a label's line.
fn counted(tokens: &[Token]) -> usize {
    (0..tokens.len()).filter(|&k| !tokens[k].glued || lone(tokens, k)).count()
}

/// 表三 read over bands up to (七)总计 (`read`, the best reading of its rows
/// to it over `runs`, made of `tokens`, from layout row `first`), where the
/// rows after it were printed past the table's end (四's numbers among 表四's,
/// or after the closing sections). Taken where some band holds more than a
/// row, every row adds up, the results add up to (七)总计 in every column, and
/// (七) is no more than 一 + 二 in any column (no identity checks the rows'
/// order: no slip is let pass), and no number but 0 before its last is left
/// out; `None` otherwise.
fn to_total<'a>(
    rows: &[Row<'a>],
    first: usize,
    specs: &[&template::Row],
    tokens: &[Token],
    runs: &[Run],
    (read, used, wide): (Vec<Vec<Cell>>, usize, bool),
    n: usize,
) -> Option<Read<'a>> {
    if leaves_out(tokens, &read) {
        return None;
    }
    let m = read.len();
    let row = |key: &str| specs.iter().position(|s| s.key == key).and_then(|j| read.get(j));
    let (new, over, total) = (row("new_received")?, row("carried_over")?, &read[m - 1]);
    let within = (0..n).all(|c| total[c].number() <= new[c].number() + over[c].number());
    let sound = not_adding(&read) == 0 && results_unequal(&specs[..m], &read, n) == 0;
    if !(wide && within && sound) {
        return None;
    }
    let last = used.checked_sub(1).map_or(first, |l| runs[l].1);
    let at = (first..=last).find(|&k| names_litigation(rows[k].label())).unwrap_or(last + 1);
    Some((labelled(&rows[first], specs, read), at))
}

/// Whether a reading (`read`, of `tokens`) leaves out a number not 0 before
/// its last: the rows are not the table's.
pub(super) fn leaves_out(tokens: &[Token], read: &[Vec<Cell>]) -> bool {
    !left_out_past(tokens, read, 0).is_empty()
}

/// The numbers not 0 a reading (as for [`leaves_out`]) leaves out from place
/// `from` to its last.
pub(super) fn left_out_past(tokens: &[Token], read: &[Vec<Cell>], from: usize) -> Vec<f64> {
    let mut taken: Vec<usize> = read.iter().flatten().map(|c| c.offset).collect();
    taken.sort_unstable();
    let last = taken.last().copied().unwrap_or(0);
    let left_out = |t: &&Token| (from..last).contains(&t.cell.offset) && t.cell.number() != 0.0;
    let not_taken = |t: &&Token| taken.binary_search(&t.cell.offset).is_err();
    tokens.iter().filter(left_out).filter(not_taken).map(|t| t.cell.number()).collect()
}

/// What each broken sum of a table read (`read`, a row for each of `specs`,
/// `n` cells each) misses by: a row's total against its other columns, the
/// results against (七)总计 in a column, the identity in a column.
pub(super) fn misses(specs: &[&template::Row], read: &[Vec<Cell>], n: usize) -> Vec<f64> {
    let sum = |cells: &[Cell]| cells.iter().map(Cell::number).sum::<f64>();
    let rows = read.iter().map(|row| (sum(&row[..row.len() - 1]) - row[row.len() - 1].number()).abs());
    let at = |role: template::Role| specs.iter().position(|s| s.role == role);
    let key = |key: &str| specs.iter().position(|s| s.key == key);
    let results: Vec<usize> = (0..specs.len()).filter(|&j| specs[j].role == template::Role::Result).collect();
    let columns = (0..n).flat_map(|c| {
        let cell = |j: Option<usize>| j.map_or(0.0, |j| read[j][c].number());
        let results = at(template::Role::TotalProcessed)
            .map(|total| (results.iter().map(|&j| read[j][c].number()).sum::<f64>() - cell(Some(total))).abs());
        let received = cell(key("new_received")) + cell(key("carried_over"));
        let identity = (received - cell(key("total_processed")) - cell(key("carried_forward"))).abs();
        results.into_iter().chain([identity])
    });
    rows.chain(columns).filter(|&m| m != 0.0).collect()
}

/// Rows read apart from their labels (`read`, one for each of `specs`) as
/// layout rows like `row`, each labelled with its template row's first cue.
pub(super) fn labelled<'a>(row: &Row<'a>, specs: &[&template::Row], read: Vec<Vec<Cell>>) -> Vec<Row<'a>> {
    let label = |spec: &template::Row, cells: &[Cell]| {
        let offset = cells[0].offset;
        Frag { text: spec.cues[0], offset, center: 0.0 }
    };
    specs.iter().zip(read).map(|(spec, cells)| row.with_labels(vec![label(spec, &cells)], cells)).collect()
}

/// The best reading of `runs` as `m` rows of `n` cells over bands (the runs
/// split into bands so that the most rows add up, a run that fits none left
/// out): the rows, how many runs it reads up to its last, and whether some
/// band holds more than a row. `None` where no band of more than a row adds
/// up (but for one row), or the runs make no `m` rows.
pub(super) fn best_reading(runs: &[Run], n: usize, m: usize) -> Option<(Vec<Vec<Cell>>, usize, bool)> {
    Readings::over(runs, n, m)?.of(m)
}

/// The best readings of runs over bands (see [`best_reading`]) of a table's
/// first rows, whatever their count up to the table's: the reading of all
/// rows holds that of each count fewer.
pub(super) struct Readings<'r> {
    runs: &'r [Run],
    n: usize,
    /// best[i][r]: the best weight of reading runs[..i] as rows[..r], and the band that ends there.
    best: Vec<Vec<Option<Step>>>,
}

impl<'r> Readings<'r> {
    /// The readings of `runs` as up to `m` rows of `n` cells; `None` where no
    /// band of more than a row adds up (but for one row).
    pub(super) fn over(runs: &'r [Run], n: usize, m: usize) -> Option<Readings<'r>> {
        // For each run, the bands it starts: each with its weight.
        let weigh = |band: Band| {
            let adding = (0..band.rows).filter(|&j| band.adds_up(runs, n, j)).count() as i64;
            let wide = if band.rows > 1 { WIDE } else { 0 };
            let after = if band.lead_at > 0 { AFTER } else { 0 };
            let strays = band.gap() as i64 * LEFT_OUT;
            (band, adding * ADDS_UP + (band.rows as i64 - adding) * DOES_NOT + wide + after + strays)
        };
        let mut alike = vec![1; runs.len()];
        for k in (0..runs.len().saturating_sub(1)).rev() {
            if runs[k].0.len() == runs[k + 1].0.len() {
                alike[k] = alike[k + 1] + 1;
            }
        }
        let bands: Vec<Vec<(Band, i64)>> =
            (0..runs.len()).map(|i| bands_at(runs, &alike, i, n, m).into_iter().map(weigh).collect()).collect();
        // A band of more than a row whose rows add up, but for one at most: else no reading is taken.
        let wide_adding = |(b, w): &(Band, i64)| b.rows > 1 && *w >= (b.rows as i64 - 1) * ADDS_UP + DOES_NOT + WIDE;
        if !bands.iter().flatten().any(wide_adding) {
            return None;
        }
        let mut best: Vec<Vec<Option<Step>>> = vec![vec![None; m + 1]; runs.len() + 1];
        best[0][0] = Some((0, None));
        for i in 0..runs.len() {
            for r in 0..m {
                let Some((weight, _)) = best[i][r] else { continue };
                let mut offer = |i: usize, r: usize, w: i64, band: Option<Band>| {
                    if best[i][r].is_none_or(|(b, _)| w > b) {
                        best[i][r] = Some((w, band));
                    }
                };
                offer(i + 1, r, weight + LEFT_OUT, None);
                for &(band, w) in bands[i].iter().filter(|(b, _)| r + b.rows <= m) {
                    offer(i + band.runs(n), r + band.rows, weight + w, Some(band));
                }
            }
        }
        Some(Readings { runs, n, best })
    }

    /// The best reading of the first `m` rows (no more than the readings were
    /// made for), as [`best_reading`] gives it.
    pub(super) fn of(&self, m: usize) -> Option<(Vec<Vec<Cell>>, usize, bool)> {
        let Readings { runs, n, ref best } = *self;
        // Back from its last run.
        let weights = (0..=runs.len()).filter_map(|i| best[i].get(m).copied().flatten().map(|(w, _)| (i, w)));
        let (used, _) = weights.max_by_key(|&(i, w)| (w, i))?;
        let (mut i, mut r, mut read, mut wide) = (used, m, Vec::with_capacity(m), false);
        while r > 0 {
            match best[i][r]?.1 {
                Some(band) => {
                    wide |= band.rows > 1;
                    r -= band.rows;
                    read.splice(0..0, band.cells(runs, n));
                    i = band.start;
                }
                None => i -= 1,
            }
        }
        Some((read, used, wide))
    }
}

/// The rows of a table read that do not add up.
pub(super) fn not_adding(read: &[Vec<Cell>]) -> usize {
    read.iter().filter(|row| !cells_add_up(row)).count()
}

/// Whether a table read by the order of its numbers alone keeps the table's
/// arithmetic enough to be taken: a row at most not adding up and a column at
/// most breaking the identity (one number printed wrong breaks both; the
/// checks flag it).
pub(super) fn near_enough(specs: &[&template::Row], read: &[Vec<Cell>], n: usize) -> bool {
    not_adding(read) <= 1 && identity_unequal(specs, read, n) <= 1
}

/// The columns of a table read (`read`, a row for each of `specs`, `n` cells
/// each) where the table's identity fails: new and carried over differ from
/// processed and carried forward.
pub(super) fn identity_unequal(specs: &[&template::Row], read: &[Vec<Cell>], n: usize) -> usize {
    let at = |key: &str| specs.iter().position(|s| s.key == key).map(|j| &read[j]);
    let column = |key: &str, c: usize| at(key).map_or(f64::NAN, |row| row[c].number());
    (0..n)
        .filter(|&c| {
            let (received, done) = (["new_received", "carried_over"], ["total_processed", "carried_forward"]);
            received.map(|k| column(k, c)).iter().sum::<f64>() != done.map(|k| column(k, c)).iter().sum::<f64>()
        })
        .count()
}

/// The columns of a table read (as for [`identity_unequal`]) whose results do
/// not add up to (七)总计.
pub(super) fn results_unequal(specs: &[&template::Row], read: &[Vec<Cell>], n: usize) -> usize {
    let Some(total) = specs.iter().position(|s| s.role == template::Role::TotalProcessed) else { return 0 };
    let results: Vec<usize> = (0..specs.len()).filter(|&j| specs[j].role == template::Role::Result).collect();
    (0..n).filter(|&c| results.iter().map(|&j| read[j][c].number()).sum::<f64>() != read[total][c].number()).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cells::rows;

    /// A 2021 表三 that adds up: 4 new requests, 3 granted, 1 not held.
    fn table() -> Vec<[u32; 7]> {
        let mut t = vec![[0; 7]; 25];
        t[0] = [3, 1, 0, 0, 0, 0, 4];
        t[2] = [2, 1, 0, 0, 0, 0, 3];
        t[12] = [1, 0, 0, 0, 0, 0, 1];
        t[23] = [3, 1, 0, 0, 0, 0, 4];
        t
    }

    /// The table column by column over bands of rows: the first four rows one
    /// band under their labels, rows 16 and 17 a band of two (a column's two
    /// numbers on one line), the rest a row a band, with a number of another
    /// table among them.
    fn banded_text() -> String {
        let t = table();
        let mut text = String::from(
            "一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n三、本年度办理结果 (一)予以公开\n\
             (二)部分公开\n社会\n公益\n组织\n",
        );
        for c in 0..7 {
            text.extend(t[..4].iter().map(|row| format!("{}\n", row[c])));
            text.push('\n');
        }
        text.push_str("5.属于三类内部事务信息\n行政复议\n结果\n维持\n7\n\n");
        let mut r = 4;
        while r < 25 {
            if r == 16 {
                text.extend((0..7).map(|c| format!("{} {}\n\n", t[16][c], t[17][c])));
                r += 2;
                continue;
            }
            text.extend((0..7).map(|c| format!("{}\n\n", t[r][c])));
            r += 1;
        }
        text + "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n工作有待加强。\n"
    }

    /// Asserts that `report` read table `t`'s first `rows` rows, each cell as it is.
    fn reads(report: &Report, t: &[[u32; 7]], rows: usize) {
        let specs = template::request_rows(Template::T2021);
        assert_eq!(report.requests.len(), rows * 7, "{:?}", report.issues);
        for f in &report.requests {
            let r = specs.iter().position(|s| s.key == f.row).unwrap();
            let c = template::APPLICANTS.iter().position(|a| *a == f.applicant).unwrap();
            assert_eq!(f.count as u32, t[r][c], "{} {}", f.row, f.applicant);
        }
    }

    fn read(text: &str) -> Report {
        let (_, rs) = rows(text);
        let mut report = Report::default();
        read_requests(text, &rs, Template::T2021, 0, &mut report);
        report
    }

    #[test]
    fn columns_over_bands_of_rows_are_read_back_into_rows() {
        let text = banded_text();
        let report = read(&text);
        reads(&report, &table(), 25);
    }

    #[test]
    fn a_band_whose_rows_first_columns_come_with_their_labels_is_read() {
        // The first six rows: each row's first five numbers before its label,
        // then their last two columns a run each; the rest a row a band.
        let t = table();
        let mut text = firsts_before_labels(&t, 6);
        for c in 5..7 {
            text.extend(t[..6].iter().map(|row| format!("{}\n", row[c])));
            text.push('\n');
        }
        text.push_str(&singles_to_end(&t, 6));
        let report = read(&text);
        reads(&report, &t, 25);
    }

    /// The header, then `t`'s first `rows` rows, each its first five numbers before its label.
    fn firsts_before_labels(t: &[[u32; 7]], rows: usize) -> String {
        let specs = template::request_rows(Template::T2021);
        let mut text = String::from("申请人情况\n社会\n公益\n组织\n");
        for (row, spec) in t.iter().zip(specs.iter()).take(rows) {
            text.extend(row[..5].iter().map(|v| format!("{v}\n")));
            text.push_str(&format!("{}\n", spec.label));
        }
        text
    }

    /// `t`'s rows from `from` on, a row a band (each number a run), then 表四's heading and the closing sections.
    fn singles_to_end(t: &[[u32; 7]], from: usize) -> String {
        let mut text: String = t[from..].iter().flat_map(|row| row.iter().map(|v| format!("{v}\n\n"))).collect();
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n工作有待加强。\n");
        text
    }

    #[test]
    fn a_row_printed_around_a_bands_other_columns_is_read() {
        // The first five rows each its first five numbers before its label; the
        // sixth row's first five a number a run, then the five rows' last two
        // columns a run each, then the sixth row's last two; the rest a row a band.
        let (t, _) = full_tables();
        let mut text = firsts_before_labels(&t, 5);
        text.extend(t[5][..5].iter().map(|v| format!("\n{v}\n")));
        for c in 5..7 {
            text.push('\n');
            text.extend(t[..5].iter().map(|row| format!("{}\n", row[c])));
        }
        text.extend(t[5][5..].iter().map(|v| format!("\n{v}\n")));
        text.push('\n');
        text.push_str(&singles_to_end(&t, 6));
        let report = read(&text);
        reads(&report, &t, 25);
    }

    #[test]
    fn another_tables_numbers_between_a_bands_first_columns_and_its_others_are_left_out() {
        // The first six rows' first columns each before its label, then two of
        // 表二's cells (its page's flow put them there), then the band's other
        // columns a run each; the rest a row a band.
        let (t, _) = full_tables();
        let specs = template::request_rows(Template::T2021);
        let text = |strays: &str| {
            let mut text = String::from("申请人情况\n社会\n公益\n组织\n");
            for (row, spec) in t.iter().zip(specs.iter()).take(6) {
                text.push_str(&format!("{}\n{}\n", row[0], spec.label));
            }
            text.push_str(strays);
            for c in 1..7 {
                text.extend(t[..6].iter().map(|row| format!("{}\n", row[c])));
                text.push('\n');
            }
            for row in &t[6..] {
                text.extend(row.iter().map(|v| format!("{v}\n\n")));
            }
            text + "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n工作有待加强。\n"
        };
        let report = read(&text("\n本年增/减\n3\n采购总金额\n9\n\n"));
        reads(&report, &t, 25);
        // Three of them: not read so.
        assert!(read(&text("\n本年增/减\n3\n采购总金额\n9\n金额\n2\n\n")).requests.len() < 25 * 7);
    }

    #[test]
    fn zeros_or_a_broken_sum_in_bands_leaving_out_what_it_misses_by_are_not_read() {
        // A table of zeros over bands (every row adds up whatever its band),
        // a run of numbers not 0 among them that fits no band: the table's,
        // its place unknown.
        let zeros = vec![[0; 7]; 25];
        let text = |t: &[[u32; 7]], among: &str| {
            let mut text = String::from(
                "一、本年新收政府信息公开申请数量\n二、上年结转政府信息公开申请数量\n三、本年度办理结果 (一)予以公开\n\
                 (二)部分公开\n社会\n公益\n组织\n",
            );
            text.extend((0..7).map(|_| "—\n".repeat(4) + "\n"));
            text.push_str(among);
            text + &singles_to_end(t, 4)
        };
        let read_as = |r: &Report, t: &[[u32; 7]]| {
            let specs = template::request_rows(Template::T2021);
            let cell = |f: &crate::report::RequestFact| {
                let r = specs.iter().position(|s| s.key == f.row).unwrap();
                t[r][template::APPLICANTS.iter().position(|a| *a == f.applicant).unwrap()]
            };
            r.requests.len() == 25 * 7 && r.requests.iter().all(|f| f.count as u32 == cell(f))
        };
        let among = "1\n—\n—\n1\n—\n\n";
        assert!(read_as(&read(&text(&zeros, "")), &zeros));
        assert!(!read_as(&read(&text(&zeros, among)), &zeros));
        // Nor where a number not 0 is read only in a row that does not add up (a
        // slip the checks would flag): the zeros of the rest check nothing.
        let mut slipped = zeros.clone();
        slipped[24][6] = 1;
        assert!(read_as(&read(&text(&slipped, "")), &slipped));
        assert!(!read_as(&read(&text(&slipped, among)), &slipped));
        // Nor where the rows add up but the results do not make (七)总计, and a
        // number left out is what they miss by; read as printed where it is not.
        let mut short = zeros.clone();
        short[6] = [1, 0, 0, 0, 0, 0, 1];
        assert!(read_as(&read(&text(&short, "")), &short));
        assert!(!read_as(&read(&text(&short, among)), &short));
        assert!(read_as(&read(&text(&short, "7\n—\n—\n7\n—\n\n")), &short));
        // Nor where that number stands between the first row's label and the
        // reading's first cell, unless another table read it (表二's last cells
        // printed among the heads).
        let before = text(&short, "").replacen("公开申请数量\n", "公开申请数量\n1\n\n", 1);
        assert!(!read_as(&read(&before), &short));
        let (_, rs) = rows(&before);
        let mut report = Report::default();
        let offset = before.find("\n1\n").unwrap() + 1;
        let other = crate::report::DisclosureFact { item: "administrative_fee", metric: "amount", value: 1.0, offset };
        report.disclosures.push(other);
        read_requests(&before, &rs, Template::T2021, 0, &mut report);
        assert!(read_as(&report, &short));
    }

    /// A 2021 表三 whose rows differ and keep its sums (each row, the results
    /// to (七)总计, the identity), and a 表四 whose proceedings add up.
    fn full_tables() -> (Vec<[u32; 7]>, [u32; 15]) {
        let mut t = vec![[0; 7]; 25];
        let filled = [(0, [51, 6, 1, 2, 4, 3]), (1, [7, 1, 0, 0, 2, 0]), (2, [23, 2, 0, 1, 1, 1])];
        let more = [(3, [6, 3, 0, 0, 1, 0]), (5, [2, 0, 0, 0, 0, 1]), (12, [9, 1, 1, 0, 0, 0])];
        let later = [(16, [3, 0, 0, 0, 1, 0]), (17, [2, 1, 0, 0, 0, 0]), (20, [1, 0, 0, 0, 0, 0])];
        let last = [(22, [4, 0, 0, 1, 0, 0])];
        for (r, cells) in filled.into_iter().chain(more).chain(later).chain(last) {
            t[r][..6].copy_from_slice(&cells);
        }
        let processed: [u32; 6] = std::array::from_fn(|c| t[2..23].iter().map(|row| row[c]).sum());
        let forward: [u32; 6] = std::array::from_fn(|c| t[0][c] + t[1][c] - processed[c]);
        t[23][..6].copy_from_slice(&processed);
        t[24][..6].copy_from_slice(&forward);
        for row in &mut t {
            row[6] = row[..6].iter().sum();
        }
        (t, [2, 1, 0, 0, 3, 1, 0, 1, 0, 2, 0, 0, 0, 1, 1])
    }

    #[test]
    fn a_table_whose_last_row_comes_after_the_closing_sections_is_read_to_its_total() {
        // The first six rows one band under their labels, the rest a row a
        // band; 四's numbers after 表四 and the closing sections.
        let (mut t, _) = full_tables();
        let specs = template::request_rows(Template::T2021);
        let text = |t: &[[u32; 7]], stray: &str| {
            let mut text = String::from("申请人情况\n");
            text.extend(specs.iter().map(|s| format!("{}\n", s.label)));
            for c in 0..7 {
                text.extend(t[..6].iter().map(|row| format!("{}\n", row[c])));
                text.push('\n');
            }
            for (j, row) in t.iter().enumerate().take(24).skip(6) {
                text.extend(row.iter().map(|v| format!("{v}\n\n")));
                text.push_str(if j == 12 { stray } else { "" });
            }
            text.push_str("四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n工作有待加强。\n");
            text.extend(t[24].iter().map(|v| format!("{v}\n\n")));
            text
        };
        let report = read(&text(&t, ""));
        reads(&report, &t, 24);
        // A number not 0 among the runs that no row takes: not read so.
        assert!(read(&text(&t, "7\n\n")).requests.len() < 24 * 7);
        // The results not adding up to (七)总计 in two columns: not read so.
        t[12][0] += 1;
        t[12][1] += 1;
        t[12][6] += 2;
        assert!(read(&text(&t, "")).requests.len() < 24 * 7);
    }

    #[test]
    fn a_band_whose_first_columns_follow_its_others_is_read() {
        // The first six rows one band under their labels, the rest a row a
        // band but the last three: their last two columns a run each, then
        // their first five row by row, one run.
        let (t, _) = full_tables();
        let specs = template::request_rows(Template::T2021);
        let mut text = String::from("申请人情况\n");
        text.extend(specs.iter().map(|s| format!("{}\n", s.label)));
        for c in 0..7 {
            text.extend(t[..6].iter().map(|row| format!("{}\n", row[c])));
            text.push('\n');
        }
        for row in &t[6..22] {
            text.extend(row.iter().map(|v| format!("{v}\n\n")));
        }
        for c in 5..7 {
            text.extend(t[22..].iter().map(|row| format!("{}\n", row[c])));
            text.push('\n');
        }
        text.extend(t[22..].iter().flat_map(|row| &row[..5]).map(|v| format!("{v}\n")));
        text.push_str("\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n工作有待加强。\n");
        let report = read(&text);
        reads(&report, &t, 25);
    }

    /// 表三 and 表四 read from `text`, as the extraction reads them.
    fn read_both(text: &str) -> Report {
        let (_, rs) = rows(text);
        let mut report = Report::default();
        let after = read_requests(text, &rs, Template::T2021, 0, &mut report).unwrap_or(0);
        crate::extract::tables::read_litigation(text, &rs, after, &mut report);
        report
    }

    /// Whether `report` holds table `t`'s every cell and 表四's `l`.
    fn holds(report: &Report, t: &[[u32; 7]], l: &[u32; 15]) {
        reads(report, t, 25);
        let got: Vec<u32> = report.litigation.iter().map(|f| f.count as u32).collect();
        assert_eq!(got, l, "{:?}", report.issues);
    }

    /// The table as a word processor's narrow PDF of it prints: the first six
    /// rows' first columns each a run before its label and their 总计 a run
    /// after; the middle rows each whole before its label (a run, or a number
    /// a run), two of them a band column by column; the last three rows' first two columns before their
    /// labels (two rows with no label between them one run), and their other
    /// columns a run each after 表四's heading and heads, 表四's cells after
    /// the rows' labels. `last` prints those other columns.
    fn narrow_text(t: &[[u32; 7]], l: &[u32; 15], last: impl Fn(&[[u32; 7]]) -> String) -> String {
        let specs = template::request_rows(Template::T2021);
        let line = |v: &u32| format!("{v}\n");
        let mut text = String::from("申请人情况\n自然人 商业企 科研机构\n社会 法律 其他 总计\n");
        for (row, spec) in t.iter().zip(&specs).take(6) {
            text.extend(row[..6].iter().map(line));
            text.push_str(&format!("{}\n", spec.label));
        }
        text.push('\n');
        text.extend(t[..6].iter().map(|row| line(&row[6])));
        for (r, (row, spec)) in t.iter().zip(&specs).enumerate().take(22).skip(6) {
            match r {
                16 => text.extend((0..7).map(|c| format!("{}\n{}\n\n", row[c], t[17][c]))),
                17 => {}
                // (Most a run of their own, some a number a run.)
                _ if r % 3 == 0 => text.extend(row.iter().map(|v| format!("\n{v}\n"))),
                _ => text.extend(row.iter().map(line)),
            }
            text.push_str(&format!("\n{}\n", spec.label));
        }
        text.push_str(&format!("{}\n{}\n{}\n{}\n", t[22][0], t[22][1], t[23][0], t[23][1]));
        text.push_str(&format!("(七)总计\n{}\n{}\n四、结转下年度继续办理\n", t[24][0], t[24][1]));
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n");
        // The outcomes' heads a character a line, across the columns.
        text.extend(["结结其尚总", "果果他未计", "维纠结审", "持正果结"].iter().flat_map(|h| h.chars()).map(|c| format!("{c}\n")));
        text.push_str(&last(t));
        text.push_str("\n(六)其他处理\n3.其他\n总\n计\n\n");
        text.extend(l.iter().map(|v| format!("{v}\n\n")));
        text + "五、存在的主要问题及改进情况\n工作有待加强。\n"
    }

    /// The last three rows' other columns a run each after 表四's heading.
    fn columns_after_heading(t: &[[u32; 7]]) -> String {
        (2..7).map(|c| format!("\n{}\n{}\n{}\n", t[22][c], t[23][c], t[24][c])).collect()
    }

    #[test]
    fn rows_whole_and_first_columns_that_run_together_are_bands_and_last_columns_may_follow_the_litigation_heading() {
        let (t, l) = full_tables();
        holds(&read_both(&narrow_text(&t, &l, columns_after_heading)), &t, &l);
    }

    #[test]
    fn a_number_on_its_label_s_first_line_is_the_first_of_the_row_printed_before_the_label() {
        let (t, l) = full_tables();
        let text = narrow_text(&t, &l, columns_after_heading);
        // Row 5 (in the first band, its 总计 apart) and row 20 (whole).
        let glued = text
            .replacen("2\n0\n0\n0\n0\n1\n(三)2.其他法律行政法规禁止公开\n", "0\n0\n0\n0\n1\n(三)2.其他法律 2\n行政法规禁止公开\n", 1)
            .replacen("1\n0\n0\n0\n0\n0\n1\n\n(六)1.", "0\n0\n0\n0\n0\n1\n\n(六)1. 1\n", 1);
        assert_eq!(glued.matches(" 2\n行政法规").count() + glued.matches("(六)1. 1\n").count(), 2, "{glued}");
        holds(&read_both(&glued), &t, &l);
    }

    #[test]
    fn zeros_after_the_litigation_heading_are_the_table_there_unless_its_cells_follow() {
        // A table of zeros whose last two rows are printed nowhere (other_misc
        // whole): the zeros after 表四's heading are 表四's, not 表三's.
        let (t, zeros) = (vec![[0; 7]; 25], [0; 15]);
        let printed = narrow_text(&t, &zeros, |_| String::new());
        let text = printed.replacen("0\n0\n0\n0\n(七)总计\n0\n0\n", &"0\n".repeat(7), 1);
        assert_ne!(text, printed);
        let report = read_both(&text);
        assert_eq!(report.litigation.len(), 15, "{:?}", report.issues);
        // Their other columns after the heads: both tables whole.
        holds(&read_both(&narrow_text(&t, &zeros, columns_after_heading)), &t, &zeros);
    }

    /// The whole table [`banded`] reads, if it does.
    fn whole<'a>(text: &str, rows: &[Row<'a>]) -> Option<Read<'a>> {
        match banded(text, rows, 0, Template::T2021, 7, &[]) {
            Banded::Whole(read) => Some(read),
            _ => None,
        }
    }

    #[test]
    fn a_table_printed_row_by_row_or_that_adds_up_in_no_two_rows_is_not_read_so() {
        let text = banded_text();
        let (_, rs) = rows(&text);
        // Row by row: each row's seven numbers a run.
        let by_rows: String = table().iter().map(|r| r.map(|v| format!("{v}\n")).concat() + "\n").collect();
        let row_text = format!("一、本年新收政府信息公开申请数量\n{by_rows}五、存在的主要问题\n工作有待加强。\n");
        let (_, by_rows) = rows(&row_text);
        assert!(whole(&row_text, &by_rows).is_none());
        assert!(whole(&text, &rs).is_some());
        // A number printed wrong: read as printed (the checks flag it); two, not read so.
        let wrong = text.replacen("3\n0\n2\n0\n\n", "3\n0\n5\n0\n\n", 1);
        assert_ne!(wrong, text);
        let (_, rs) = rows(&wrong);
        let (read, _) = whole(&wrong, &rs).unwrap();
        assert_eq!(read[2].cells[0].value.unwrap().number, 5.0);
        let wrong = text.replacen("3\n0\n2\n0\n\n", "4\n0\n5\n0\n\n", 1);
        let (_, rs) = rows(&wrong);
        assert!(whole(&wrong, &rs).is_none());
    }
}
