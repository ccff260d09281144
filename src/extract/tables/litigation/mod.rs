//! 表四, reconsideration and litigation: its fifteen cells under the outcomes'
//! heads, or without them.

use super::*;
use crate::extract::cells::cells_add_up;

mod apart;
mod heads_apart;
mod last_apart;
mod start;
mod touching;
mod wrapped;

pub(super) use apart::continued;
use apart::one_swap;
use start::{anchor_row, unplaced};
pub(super) use start::under_heading;
use touching::{runs_parted, settled, touching_apart};
use wrapped::{rewrapped, unbroken};

/// The rows after 表四's heading its outcomes' heads are looked for in: fifteen
/// heads set a character a line, three a head, and a line of their last; and
/// 表三's later rows' labels, a piece a line, that plain `pdftotext` of a Word
/// table may print among them.
const HEAD_ROWS: usize = 128;

/// Reads 表四 at or after layout row `from`.
pub fn read_litigation(text: &str, rows: &[Row], from: usize, report: &mut Report) -> Option<usize> {
    let n = CELLS;
    // (Numbers read as 表三's cells, its own columns printed apart, are not 表四's;
    // nor those before the last 表三 took under 表四's heading, a column it
    // keeps no fact of among them.)
    let mut taken: Vec<usize> = report.requests.iter().map(|f| f.offset).collect();
    taken.sort_unstable();
    let Some(anchor) = anchor_row(rows, from, n) else {
        // (Its heads lost, 表三's last columns among its numbers.)
        if let Some((cells, end)) = super::beside_requests::read(rows, from, &taken) {
            push_facts(report, cells, |_| false);
            return Some(end);
        }
        unplaced(rows, from, report);
        return None;
    };
    let section = rows[anchor + 1..].iter().find(|r| r.kind == Kind::Prose || after_table(r.label()));
    let under = rows[anchor].offset..section.map_or(usize::MAX, |r| r.offset);
    let fence = taken.iter().rev().find(|&&o| under.contains(&o)).copied();
    // (Nor those after 表三's last rows' labels printed under the heading.)
    taken.extend(last_rows_under(rows, anchor, &under));
    taken.sort_unstable();
    let own = |c: &&Cell| taken.binary_search(&c.offset).is_err() && fence.is_none_or(|f| c.offset > f);
    let mut table = Printed::read(rows, anchor, n, &own);
    let Some(first) = table.first_row else {
        return Some(without_numbers(text, rows, anchor, table.end, &own, report));
    };
    let around = Around { text, rows, anchor, first, taken: &taken, own: &own };
    if !table.delimited {
        table.reread(&around);
    }
    // The proceedings whose columns are printed out of the table's order, as
    // their heads tell (see [`heads_order`]).
    let mut moved = if table.delimited { None } else { heads_order(&rows[anchor..first]) };
    // Proceedings whose outcomes' order is not known (see [`touching_apart`]).
    let unsure = if table.delimited { vec![false; n / GROUP] } else { table.filled(&around, &mut moved) };
    table.zeros_completed(&around);
    // The last proceeding printed apart, after the table, under its own
    // heading (`复议后起诉` and its heads' pieces among the numbers there), and
    // not read whole from them: the first two read where the table is, as
    // they add up, and it left out (with what of it, or of marks broken, the
    // table's rows hold).
    let last_apart = table.last_apart(rows);
    let Printed { mut cells, end, delimited, .. } = table;
    let whole = n - GROUP;
    if (whole..n).contains(&cells.len()) && !delimited && adds_up(&cells[..whole]) && last_apart {
        // (Read where its heads and numbers there make it whole and it adds up.)
        if let Some(last) = last_apart::read(rows, end) {
            cells.truncate(whole);
            cells.extend(last);
            push_facts(report, cells, |_| false);
            return Some(end);
        }
        let why = format!("表四's {LAST_PROCEEDING} printed apart after the table and not read whole: not read");
        report.flag("litigation_cells_missing", why);
        cells.truncate(whole);
        cells.resize(n, around.blank());
        push_facts(report, cells, |p| p + 1 == template::LITIGATION_PROCEEDINGS.len());
        return Some(end);
    }
    if cells.len() < n {
        report.flag("litigation_cells_missing", format!("表四 has {} of its {n} cells", cells.len()));
        return Some(end);
    }
    // The later proceedings' heads printed after the numbers read as theirs
    // (a Word table printed a column at a time: the first proceeding's
    // columns, then another table's numbers, before the later heads), with
    // numbers not 0 after those heads: the numbers read are not all theirs,
    // and which are no line tells. The first proceeding's read where they add up.
    if !delimited && counted_under_later_heads(rows, anchor, end, &own) {
        let why = "表四's later proceedings' heads are printed after the numbers read as theirs, \
                   with others under them: those are not read";
        report.flag("litigation_cells_missing", why);
        let first = cells_add_up(&cells[..GROUP]);
        push_facts(report, cells, |p| p > 0 || !first);
        return Some(end);
    }
    let cells = if delimited { trim_to(&cells, n).to_vec() } else { cells };
    // Two neighbouring numbers printed in each other's place (columns set so
    // narrow that their heads run into each other: `尚 总` over `果计`): read
    // swapped where only so does every proceeding add up.
    let mut cells = match (!delimited && !adds_up(&cells[..n])).then(|| one_swap(&cells[..n])).flatten() {
        Some(swapped) => {
            let why = "表四: two neighbouring numbers printed in each other's place, read where every proceeding adds up";
            report.flag("cells_inferred", why);
            [swapped.as_slice(), &cells[n..]].concat()
        }
        None => cells,
    };
    // Each proceeding's outcomes in the order of its heads.
    if let Some(moved) = &moved {
        for (p, order) in moved.iter().enumerate() {
            let printed = cells[p * GROUP..p * GROUP + order.len()].to_vec();
            for (cell, &o) in printed.into_iter().zip(order) {
                cells[p * GROUP + o] = cell;
            }
        }
    }
    // Wide numbers wrapped in their narrow cells, their rests on a line of their
    // own right after the table where no reading placed them (`-layout`:
    // `10 15 55 15 46` / `12 0 0 15 27 …` / `0 5 19 9 0 1`, for 100 155 …): the
    // numbers read are cut short and which rest is whose no column tells.
    if !delimited && !adds_up(&cells[..n]) && rests_after(rows, end, &own) {
        let why = "表四's numbers wrapped in their cells, their rests printed after the table in no column: not read";
        report.flag("litigation_cells_missing", why);
        return Some(end + 1);
    }
    // Numbers that leave two proceedings or more not adding up were taken in an
    // order not the table's (a line each: a stray number before the heads,
    // another table's column among them; in aligned text, marks wrapped over
    // two lines, a wide number's rest alone under the rows): those proceedings
    // are not read. A report's own slip in a sum breaks one proceeding, and is
    // read and flagged.
    let adding_up: Vec<bool> = cells[..n].chunks_exact(GROUP).map(cells_add_up).collect();
    let broken = adding_up.iter().filter(|&&a| !a).count();
    let scrambled = !delimited && broken >= 2;
    if scrambled {
        let why = format!("表四's numbers leave {broken} proceedings not adding up: those are not read");
        report.flag("litigation_cells_missing", why);
    }
    let unread: Vec<&str> =
        (0..unsure.len()).filter(|&p| unsure[p]).map(|p| template::LITIGATION_PROCEEDINGS[p]).collect();
    if !unread.is_empty() {
        let why = format!("two of 表四's numbers touch, in an order not the columns': {} not read", unread.join(", "));
        report.flag("litigation_cells_missing", why);
    }
    push_facts(report, cells, |p| (scrambled && !adding_up[p]) || unsure[p]);
    Some(end)
}

/// The most of 表三's cells printed under 表四's heads before its numbers:
/// its last three rows' ((六)'s last, (七)总计 and 四).
const CARRIED_CELLS: usize = 3 * template::APPLICANTS.len();

/// A proceeding's cells: its outcomes and their total.
const GROUP: usize = template::LITIGATION_OUTCOMES.len();

/// The table's cells.
pub(super) const CELLS: usize = template::LITIGATION_PROCEEDINGS.len() * GROUP;

/// How many of the proceedings in `cells` do not add up.
fn slips(cells: &[Cell]) -> usize {
    cells.chunks_exact(GROUP).filter(|p| !cells_add_up(p)).count()
}

/// Whether every proceeding in `cells` adds up.
fn adds_up(cells: &[Cell]) -> bool {
    slips(cells) == 0
}

/// What 表四 is read from besides its numbers: the text, its layout rows, the
/// row of its first line (`anchor`) and of its first numbers (`first`), the
/// offsets of numbers 表三 took, and which cells are the table's (`own`).
struct Around<'s, 'a> {
    text: &'s str,
    rows: &'s [Row<'a>],
    anchor: usize,
    first: usize,
    taken: &'s [usize],
    own: &'s dyn Fn(&&Cell) -> bool,
}

impl Around<'_, '_> {
    /// An empty cell where the table's numbers start (a 0 in a table read whole).
    fn blank(&self) -> Cell {
        Cell { value: None, offset: self.rows[self.first].offset, center: 0.0 }
    }
}

/// 表四's numbers as its rows print them, and what those rows tell of its shape.
struct Printed {
    cells: Vec<Cell>,
    /// The row after the table's last.
    end: usize,
    /// The row of its first numbers, if any.
    first_row: Option<usize>,
    /// Whether every row of numbers has its cells delimited.
    delimited: bool,
    /// Whether any numbers are a line each, which tells no columns.
    vertical: bool,
    /// How many rows hold numbers.
    value_rows: usize,
    /// Whether the rows of numbers are one run, lines of numbers alone one after another.
    one_run: bool,
    /// How many cells were read before the first line of the outcomes' heads
    /// (`结果 结果 其他 尚未`), and that line's row.
    before_heads: Option<usize>,
    heads_row: usize,
}

impl Printed {
    /// The numbers of the rows from `anchor` on that are the table's, up to
    /// `n` of them, running text or the next section.
    fn read(rows: &[Row], anchor: usize, n: usize, own: &dyn Fn(&&Cell) -> bool) -> Printed {
        let mut table = Printed {
            cells: Vec::new(),
            end: anchor + 1,
            first_row: None,
            delimited: true,
            vertical: false,
            value_rows: 0,
            one_run: true,
            before_heads: None,
            heads_row: anchor,
        };
        let mut last_value_row = None;
        for (k, row) in rows.iter().enumerate().skip(anchor) {
            let label = row.label();
            let next_section = k > anchor && after_table(label);
            if row.kind == Kind::Prose || next_section || table.cells.len() >= n {
                break;
            }
            table.end = k + 1;
            if table.before_heads.is_none() && ["结果", "维持", "审结"].iter().any(|w| label.has(w)) {
                table.before_heads = Some(table.cells.len());
                table.heads_row = k;
            }
            if row.cells.iter().filter(own).any(|c| c.value.is_some()) {
                table.first_row.get_or_insert(k);
                table.value_rows += 1;
                table.one_run &= last_value_row.is_none_or(|last| last + 1 == k) && row.is_numbers_alone();
                last_value_row = Some(k);
                table.delimited &= row.delimited;
                table.vertical |= row.vertical;
                table.cells.extend(row.cells.iter().filter(own).copied());
            }
        }
        table
    }

    /// Aligned text: the table read again where the numbers as printed are
    /// more than its cells and do not add up, or fewer.
    fn reread(&mut self, at: &Around) {
        let n = CELLS;
        let Around { text, rows, anchor, first, taken, own } = *at;
        // Marks for none broken in two by their narrow cells (`4 —` / `—` / …): the
        // table read with each mark one cell.
        if let Some((whole, whole_end)) = unbroken(text, rows, first, own) {
            (self.cells, self.end) = (whole, whole_end);
        }
        // A number wrapped in its narrow cell (`11` / `5`, as `pdftotext -raw`
        // prints 115): the table read with it whole, where only so does every
        // proceeding add up.
        if self.cells.len() >= n && !adds_up(&self.cells[..n]) {
            if let Some((whole, whole_end)) = rewrapped(text, rows, first, n, own) {
                (self.cells, self.end) = (whole, whole_end);
            }
        }
        // Numbers before the outcomes' heads that are another table's (a web page's
        // 表三 cells printed under 表四's heading): the fifteen after the heads are the
        // table where they add up by proceeding and the first fifteen do not.
        if self.before_heads.is_some_and(|b| b > 0) && self.cells.len() >= n {
            let (after, after_end) = cells_after(rows, self.heads_row, n);
            if after.len() == n && adds_up(&after) && !adds_up(&self.cells[..n]) {
                (self.cells, self.end) = (after, after_end);
            }
        }
        // Or before the heads' last characters, a line each (`持` / `正` / `果` /
        // `结`, as plain `pdftotext` prints narrow columns' heads): the table's
        // cells are those after the last such line (its last proceeding's printed
        // apart, perhaps), where they add up by proceeding and the first fifteen do not.
        if self.cells.len() >= n && !adds_up(&self.cells[..n]) {
            if let Some(last) = last_heads_line(rows, anchor, anchor + table_rows(rows, anchor).count()) {
                let (after, after_end) = cells_after(rows, last, n);
                let whole = match after.len() {
                    len if len == n => Some(after).filter(|a| adds_up(a)),
                    len if len < n => continued(rows, after_end, &after, n, false, true, taken),
                    _ => None,
                };
                if let Some(whole) = whole {
                    (self.cells, self.end) = (whole, after_end);
                }
            }
        }
        // Or 表三's last cells printed after the heads, before the table's own (its
        // last rows carried past 表四's heading, their labels left before it): the
        // table is the last fifteen of the numbers under the heads, where those
        // add up by proceeding and the first fifteen do not, the numbers before
        // them no more than 表三's last rows' cells.
        if self.before_heads.is_some() && self.cells.len() >= n && !adds_up(&self.cells[..n]) {
            let (mut cells, mut end) = (Vec::new(), self.end);
            for (k, row) in table_rows(rows, self.heads_row) {
                cells.extend(row.cells.iter().filter(own).filter(|c| c.value.is_some()).copied());
                end = k + 1;
            }
            let before = cells.len().saturating_sub(n);
            if (1..=CARRIED_CELLS).contains(&before) && adds_up(&cells[before..]) {
                (self.cells, self.end) = (cells[before..].to_vec(), end);
            }
        }
        if self.cells.len() < n {
            // The first proceeding's outcomes printed before the heading, among their heads:
            // the table stands where every proceeding adds up but one at most (a report's
            // slip, which the checks flag), the heads naming each of those outcomes. (Or
            // the last proceeding's 尚未审结 printed before the heading too, see
            // [`heads_apart::completed`].)
            if let Some(before) = super::outcomes_before::left(rows, anchor, taken) {
                let all = [before.as_slice(), &self.cells].concat();
                if all.len() == n && slips(&all) <= 1 {
                    self.cells = all;
                } else if all.len() < n {
                    let slipped = || continued(rows, self.end, &all, n, true, true, taken).filter(|w| slips(w) <= 1);
                    let apart = || heads_apart::completed(rows, (anchor, first), &before, &self.cells, taken);
                    let whole = continued(rows, self.end, &all, n, false, true, taken).or_else(slipped).or_else(apart);
                    if let Some(whole) = whole {
                        self.cells = whole;
                    }
                }
            }
        }
    }

    /// Aligned text short of cells: the numbers placed in the table's cells by
    /// their columns, or with those after the table; `moved` none where they
    /// are placed in the table's order. Returns which proceedings' outcomes
    /// are in an order not known.
    fn filled(&mut self, at: &Around, moved: &mut Option<Vec<[usize; 4]>>) -> Vec<bool> {
        let n = CELLS;
        let Around { text, rows, anchor, first, taken, own } = *at;
        let mut unsure = vec![false; template::LITIGATION_PROCEEDINGS.len()];
        let told = |p: usize| moved.as_ref().is_some_and(|m| m[p] != OUTCOMES_IN_ORDER);
        if self.cells.len() < n {
            // Narrow columns printed so close that two numbers touch (`0 00 1`).
            if let Some((apart, mut unsure_cells)) = touching_apart(text, &self.cells, n, !self.vertical) {
                self.cells = apart;
                // (Touching under heads that touch, `持结`, in the order those are printed.)
                for (k, unsure) in unsure_cells.iter_mut().enumerate() {
                    *unsure &= !told(k / GROUP);
                }
                let unsure_cells = settled(&mut self.cells, unsure_cells);
                for (p, _) in unsure_cells.iter().enumerate().filter(|c| *c.1) {
                    unsure[p / GROUP] = true;
                }
            }
        }
        if self.cells.len() < n && !self.vertical {
            // Blank cells in aligned text: place the numbers under the 15 outcome headers.
            let heads: Vec<f64> = rows[anchor..first]
                .iter()
                .flat_map(|r| r.labels.iter())
                .filter(|f| template::LITIGATION_OUTCOME_LABELS.contains(&&*crate::normalize::squash(f.text)))
                .map(|f| f.center)
                .collect();
            if heads.len() == n {
                let xs: Vec<f64> = self.cells.iter().map(|c| c.center).collect();
                let mut out = vec![at.blank(); n];
                for (cell, col) in self.cells.iter().zip(align(&xs, &heads)) {
                    out[col] = *cell;
                }
                self.cells = out;
            }
        }
        if self.cells.len() < n {
            // Or the numbers before the outcomes' heads are another table's (a web
            // page's 表三 cells printed under 表四's heading), where those after
            // them and the loose ones make the table.
            let cells = &self.cells;
            let after_heads = self.before_heads.filter(|&b| b > 0 && b < cells.len()).map(|b| &cells[b..]);
            let first_told = first_told(rows, anchor, first);
            // (Not the loose numbers put before the cells, where the heads printed
            // over the cells are more than they: those columns' numbers are among
            // the cells, their marks lost.)
            let heads = heads_a_character_a_line(rows, anchor, first);
            let first_cell = cells.first().map(|c| c.offset);
            let fits = |all: &Vec<Cell>| all.first().map(|c| c.offset) == first_cell || cells.len() >= heads;
            let without = || continued(rows, self.end, after_heads?, n, false, first_told, taken);
            let alone = self.value_rows == 1 || self.one_run;
            let read = continued(rows, self.end, cells, n, alone, first_told, taken).or_else(without);
            if let Some(all) = read.filter(fits) {
                self.cells = all;
            }
        }
        if self.cells.len() < n {
            // Or each column's number after its head's last character, the columns in pieces.
            // (Those are in the table's order already.)
            if let Some(all) = super::named_columns::read(rows, anchor, &|c: &Cell| own(&c)) {
                (self.cells, *moved) = (all, None);
            }
        }
        unsure
    }

    /// The cells lacking where they are zeros by what the rest tell; or the
    /// numbers of narrow columns run together parted.
    fn zeros_completed(&mut self, at: &Around) {
        let n = CELLS;
        let Around { text, rows, own, .. } = *at;
        let blank = at.blank();
        // (Not where the last proceeding is printed apart under its heading.)
        let last_apart = self.last_apart(rows);
        // A row of zeros short of a cell: every outcome is 0 (the one lacking, an
        // outcome or a total, 0 either way). Short of more, so too where no number
        // not 0 stands alone after the table: the cells lacking were not printed
        // apart (two may be an outcome and its total, any two equal numbers).
        let loose = || self.rows_after(rows).flat_map(|r| &r.cells);
        let apart = || loose().any(|c| own(&c) && c.number() != 0.0);
        let zeros = self.cells.len() < n && all_zero(&self.cells, n) && !last_apart;
        if zeros && (self.cells.len() + 1 == n || !apart()) {
            self.cells.resize(n, blank);
        }
        // So too the last proceeding short of a cell where the rest add up: its
        // lacking cell, an outcome or its total, is 0 where all it holds are.
        let whole = n - GROUP;
        let short = self.cells.len() + 1 == n && !last_apart;
        if short && adds_up(&self.cells[..whole]) && self.cells[whole..].iter().all(is_zero) {
            self.cells.resize(n, blank);
        }
        // Numbers of narrow columns run together past what parting zeros tells
        // (`01313`), a proceeding's 总计 among the next one's first cells.
        if self.cells.len() < n && !self.delimited && !self.vertical {
            if let Some(all) = runs_parted(text, &self.cells, n) {
                self.cells = all;
            }
        }
    }

    /// Whether the table's last proceeding is printed apart after it, under
    /// its own heading (`复议后起诉` alone on a line).
    fn last_apart(&self, rows: &[Row]) -> bool {
        let heading = |r: &Row| r.cells.is_empty() && crate::normalize::squash(r.label()) == LAST_PROCEEDING;
        rows[self.end..].iter().any(heading)
    }

    /// The rows of numbers alone after the table.
    fn rows_after<'r, 'a>(&self, rows: &'r [Row<'a>]) -> impl Iterator<Item = &'r Row<'a>> {
        rows[self.end..].iter().filter(|r| r.is_numbers_alone())
    }
}

/// 表四 with its heads (layout row `anchor`) and no number of its own in its
/// rows (to `end`): its cells read from marks for none carried past it; or,
/// other numbers no reading placed after it, not read; or the table flagged
/// empty. Returns the row after the table.
fn without_numbers(
    text: &str,
    rows: &[Row],
    anchor: usize,
    end: usize,
    own: &dyn Fn(&&Cell) -> bool,
    report: &mut Report,
) -> usize {
    let n = CELLS;
    // (Its marks for none carried past the closing sections, plain `pdftotext`
    // keeping a few of them: zeros alone there and no number not 0, all zeros;
    // where 表三 was read, the numbers before the heading its.)
    let loose = rows[end..].iter().filter(|r| r.is_numbers_alone()).flat_map(|r| &r.cells);
    let after: Vec<Cell> = loose.filter(own).copied().collect();
    let zeros = !after.is_empty() && after.len() <= n && after.iter().all(is_zero);
    if zeros && !report.requests.is_empty() {
        let mut cells = after;
        cells.resize(n, Cell { value: None, offset: cells[0].offset, center: 0.0 });
        push_facts(report, cells, |_| false);
        return end;
    }
    // (Its heads alone, no number after them either, where 表三 was read and the
    // tables before mark a cell for none with a dash: plain `pdftotext` drops a
    // line of such marks, a row whose every cell is one.)
    if after.is_empty() && !report.requests.is_empty() && marks_none(text, &rows[..anchor]) {
        push_facts(report, vec![Cell { value: None, offset: rows[anchor].offset, center: 0.0 }; n], |_| false);
        let why = "表四: its heads printed with no cell, the text's tables marking none with a dash: read as 0";
        report.flag("cells_inferred", why);
        return end;
    }
    // (Numbers no reading placed after the closing sections: plain `pdftotext`
    // prints a table's columns there, a block each; the table is not known
    // to be unfilled.)
    if !after.is_empty() {
        let why = "表四's heads are printed with no number under them, numbers no reading placed after the \
                   closing sections: its cells, if among them, not read";
        report.flag("litigation_cells_missing", why);
        return end;
    }
    report.flag("table_empty", "表四 (reconsideration and litigation) is present but holds no number");
    end
}

/// How many of 表四's columns have their heads printed between its anchor row
/// and its first numbers a character a line, each head's first before any
/// second (`结` / `结` / `其` / `尚` / `总` / … / `果` / `果` / …): that run's
/// length, 0 where the heads are not printed so.
fn heads_a_character_a_line(rows: &[Row], anchor: usize, first: usize) -> usize {
    const FIRSTS: [char; 4] = ['结', '其', '尚', '总'];
    let one = |label: &str| {
        let mut chars = label.chars();
        matches!((chars.next(), chars.next()), (Some(c), None) if FIRSTS.contains(&c))
    };
    let labels = rows.get(anchor + 1..first).unwrap_or_default().iter().map(|r| r.label());
    labels.skip_while(|l| !one(l)).take_while(|l| one(l)).count()
}

/// Whether 表四's numbers from layout row `first` on (its anchor row `anchor`)
/// are known to be its first cells: its heads printed above them, or the
/// proceedings' names on lines of their own (`行政复议` / `行政诉讼`, not the
/// section's heading), between them and the heading or the rows of numbers
/// before.
fn first_told(rows: &[Row], anchor: usize, first: usize) -> bool {
    let stops = |r: &&Row| r.has_value() || r.label().has("情况");
    let mut above = rows[..first].iter().rev().take_while(|r| !stops(r)).take(HEAD_ROWS);
    first > anchor || above.any(|r| template::LITIGATION_ANCHORS.iter().any(|a| r.label().has(a)))
}

/// Whether layout row `end`, right after 表四's rows, holds two or more of its
/// own numbers alone, each a digit or two: the rests of wide numbers wrapped.
fn rests_after(rows: &[Row], end: usize, own: &dyn Fn(&&Cell) -> bool) -> bool {
    let rest = |c: &&Cell| c.value.is_some_and(|v| v.unit.is_none() && v.number.fract() == 0.0 && v.number < 100.0);
    rows.get(end).is_some_and(|r| {
        let mine: Vec<&Cell> = r.cells.iter().filter(own).collect();
        r.is_numbers_alone() && mine.len() >= 2 && mine.len() == r.cells.len() && mine.iter().all(rest)
    })
}

/// 表四's facts from its cells in the template's order (a blank cell 0), but
/// those of the proceedings `left_out` says.
fn push_facts(report: &mut Report, cells: Vec<Cell>, left_out: impl Fn(usize) -> bool) {
    let n = CELLS;
    for (idx, cell) in cells.into_iter().take(n).enumerate() {
        if left_out(idx / GROUP) {
            continue;
        }
        let proceeding = template::LITIGATION_PROCEEDINGS[idx / GROUP];
        let outcome = template::LITIGATION_OUTCOMES[idx % GROUP];
        let what = || format!("litigation/{proceeding}/{outcome}");
        let value = cell.value.unwrap_or(ZERO);
        if let Some(count) = count(report, what, value) {
            report.litigation.push(LitigationFact { proceeding, outcome, count, offset: cell.offset });
        }
    }
}

/// Every order of `len` items, as their indices.
fn orders(len: usize) -> Vec<Vec<usize>> {
    if len == 0 {
        return vec![Vec::new()];
    }
    let mut out = Vec::new();
    for shorter in orders(len - 1) {
        for at in 0..len {
            let mut order = shorter.clone();
            order.insert(at, len - 1);
            out.push(order);
        }
    }
    out
}

/// The outcomes set a character a line over their columns' tops, all but
/// the total, in the table's order.
const OUTCOMES_IN_ORDER: [usize; 4] = [0, 1, 2, 3];

/// The order each proceeding's outcomes are printed in, where `pdftotext
/// -layout` prints narrow columns' heads a character a line and a column out
/// of its place, its numbers with it: the heads' last line among the rows
/// `heads` (`持 正 果 结 正 果 持结 持 正 果 结`: the second proceeding's 维持
/// set after its 其他结果, over `0 3 10 4`, its outcomes 1 0 3 0 and total 4)
/// holds each proceeding's four heads' last characters once, the total's
/// head (two characters) ending a line above; or two lines hold them, the
/// lower going on right of where the upper stops (a head set a little lower
/// than the rest: `持 正 果 结 正 果 持` / `结 持 正 果 结`). For each
/// proceeding, the outcome each of its first four cells takes. `None` where no
/// line holds them so, or all are in the table's order.
fn heads_order(heads: &[Row]) -> Option<Vec<[usize; 4]>> {
    let last: Vec<char> = OUTCOMES_IN_ORDER
        .iter()
        .filter_map(|&o| template::LITIGATION_OUTCOME_LABELS[o].chars().last())
        .collect();
    let order = |line: &str| -> Option<Vec<[usize; 4]>> {
        // (Most lines are not: told by their length before their characters are gathered.)
        if line.chars().count() != last.len() * template::LITIGATION_PROCEEDINGS.len() {
            return None;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut orders = Vec::new();
        for printed in chars.chunks_exact(last.len()) {
            let mut order = [0; 4];
            for (slot, c) in order.iter_mut().zip(printed) {
                *slot = last.iter().position(|l| l == c)?;
            }
            let mut seen = order;
            seen.sort_unstable();
            if seen != OUTCOMES_IN_ORDER {
                return None;
            }
            orders.push(order);
        }
        Some(orders)
    };
    let only_last = |r: &Row| !r.labels.is_empty() && r.label().chars().all(|c| last.contains(&c));
    let continues = |upper: &Row, lower: &Row| {
        let stops = upper.labels.last().map_or(f64::INFINITY, |f| f.center);
        only_last(upper) && only_last(lower) && lower.labels.first().is_some_and(|f| f.center >= stops)
    };
    let two_lines = || {
        let pairs = heads.windows(2).rev().filter(|w| continues(&w[0], &w[1]));
        pairs.map(|w| format!("{}{}", w[0].label(), w[1].label())).find_map(|line| order(&line))
    };
    let orders = heads.iter().rev().find_map(|r| order(r.label())).or_else(two_lines)?;
    orders.iter().any(|o| *o != OUTCOMES_IN_ORDER).then_some(orders)
}

/// The last of the layout rows from `anchor` to `end` that end the outcomes'
/// heads' last characters set a line each (`持` / `正` / `果` / `结`), if any.
fn last_heads_line(rows: &[Row], anchor: usize, end: usize) -> Option<usize> {
    let last = ["持", "正", "果", "结"];
    let spelled = |k: usize| (0..last.len()).all(|i| rows.get(k + i).is_some_and(|r| r.label() == last[i]));
    (anchor..end).rev().find(|&k| spelled(k)).map(|k| k + last.len() - 1)
}

/// The cells of the rows from `from` to the next section or running text, `n`
/// and one more at most, and the row after the last of them.
fn cells_after(rows: &[Row], from: usize, n: usize) -> (Vec<Cell>, usize) {
    let mut cells = Vec::new();
    let mut end = from;
    for (k, row) in table_rows(rows, from) {
        if cells.len() > n {
            break;
        }
        cells.extend(row.cells.iter().filter(|c| c.value.is_some()).copied());
        end = k + 1;
    }
    (cells, end)
}

/// Whether the table rows `rows` (the tables before 表四) hold a cell marked
/// for none with a dash (`-`, `—`), not a 0.
fn marks_none(text: &str, rows: &[Row]) -> bool {
    let mark = |c: &Cell| is_zero(c) && text.get(c.offset..).is_some_and(|t| t.starts_with(['-', '—', '–']));
    rows.iter().filter(|r| r.kind == Kind::Table).flat_map(|r| &r.cells).any(mark)
}

/// The heading of 表四's last proceeding, over its outcomes' heads.
const LAST_PROCEEDING: &str = "复议后起诉";

/// Whether `heads` (pieces of 表四's heads joined) name outcome `o`: hold every
/// character of its head but `结果`.
pub(super) fn names_outcome(heads: &str, o: usize) -> bool {
    let label = template::LITIGATION_OUTCOME_LABELS[o];
    label.chars().filter(|c| !"结果".contains(*c)).all(|c| heads.contains(c))
}

/// The layout rows from `from` on, with their indices, to the section after
/// 表四's or running text.
fn table_rows<'r, 'a>(rows: &'r [Row<'a>], from: usize) -> impl Iterator<Item = (usize, &'r Row<'a>)> {
    let within = move |&(k, row): &(usize, &Row)| row.kind != Kind::Prose && !(k > from && after_table(row.label()));
    rows.iter().enumerate().skip(from).take_while(within)
}

/// The offsets of the numbers under 表四's heading (layout row `anchor`, the
/// rows within `under`) that follow the labels of 表三's last rows printed
/// there (plain `pdftotext` of a Word table may print `(七)总计` / `四、结转下年度
/// 继续办理` / `行政复议` / `0` / `0 6 0` among 表四's heads): those rows' cells,
/// up to the next line of something else.
fn last_rows_under(rows: &[Row], anchor: usize, under: &std::ops::Range<usize>) -> Vec<usize> {
    let names_last = |label: &str| label.starts_with("(七)总计") || label.has("结转下年度");
    let names_proceeding = |label: &str| template::LITIGATION_ANCHORS.iter().any(|a| label.has(a));
    let mut out = Vec::new();
    let mut after_labels = false;
    for row in rows[anchor + 1..].iter().take_while(|r| under.contains(&r.offset)) {
        let label = row.label();
        if row.is_numbers_alone() {
            if after_labels {
                out.extend(row.cells.iter().map(|c| c.offset));
            }
        } else if names_last(label) {
            after_labels = true;
        } else if !(label.is_empty() || after_labels && out.is_empty() && names_proceeding(label)) {
            // (A line naming a proceeding between the labels and their numbers goes on.)
            after_labels = false;
        }
    }
    out
}

/// Whether the heads of 表四's later proceedings (行政诉讼's) are printed
/// after its rows `anchor..end` and none of them among those rows, with
/// numbers of the table's (`own`) not 0 after them (before running text or
/// the next section).
fn counted_under_later_heads(rows: &[Row], anchor: usize, end: usize, own: &dyn Fn(&&Cell) -> bool) -> bool {
    let later = ["行政诉讼", "直接起诉", "复议后起诉"];
    let names = |r: &Row| later.iter().any(|h| r.label().has(h));
    let table = |r: &&Row| r.kind == Kind::Table && !after_table(r.label());
    let after: Vec<&Row> = rows[end..].iter().take_while(table).collect();
    let Some(heads) = after.iter().position(|r| names(r)) else { return false };
    let counted = after[heads..].iter().flat_map(|r| r.cells.iter().filter(own)).any(|c| !is_zero(c));
    !rows[anchor..end].iter().any(names) && counted
}

/// Whether a row's label opens the section after 表四's.
pub(super) fn after_table(label: &str) -> bool {
    label.starts_with("五、") || label.has("存在的主要问题")
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::cells::rows;
    use wrapped::MAX_WRAPPED;

    /// 表四 read from `text`, from its first row.
    fn litigation(text: &str) -> Report {
        let (_, rs) = rows(text);
        let mut r = Report::default();
        read_litigation(text, &rs, 0, &mut r);
        r
    }

    /// 表四's counts as read, in the table's order.
    fn counts(r: &Report) -> Vec<i64> {
        r.litigation.iter().map(|f| f.count).collect()
    }

    /// `values` a line each.
    fn a_line_each(values: &[i64]) -> String {
        values.iter().map(|v| format!("{v}\n")).collect()
    }

    /// 表四's heading and heads as plain `pdftotext` prints narrow columns' heads, a character a line.
    const HEADS_A_CHARACTER_A_LINE: &str = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n未经复议直接起诉\n\
        结\n结\n其\n尚\n总\n果\n果\n他\n未\n计\n维\n纠\n结\n审\n持\n正\n果\n结\n";

    /// The closing sections after the tables.
    const CLOSING: &str = "五、存在的主要问题及改进情况\n政务公开的深度和广度有待加强。\n六、其他需要报告的事项\n无。\n\n";

    #[test]
    fn numbers_under_the_later_proceedings_heads_printed_after_the_table_s_leave_those_proceedings_unread() {
        // A Word table printed a column at a time: 行政复议's heads and numbers,
        // 表三's last columns, then the later proceedings' heads and, under
        // them, numbers of theirs; or marks for none alone.
        let table = |under: &str| {
            let column: String = ["-"; 10].iter().chain(&["1", "-"]).map(|v| format!("{v}\n")).collect();
            format!(
                "(七)总计\n四、结转下年度继续办理\n行政复议\n结\n果\n维\n持\n-\n结\n果\n纠\n正\n-\n其\n他\n结\n果\n-\n\
                 尚\n未\n审\n结\n-\n-\n{column}{column}四、政府信息公开行政复议、行政诉讼情况\n行政诉讼\n未经复议直接起诉\n\
                 复议后起诉\n总\n结\n结\n其\n尚\n总\n计\n果\n果\n他\n未\n计\n{under}{CLOSING}"
            )
        };
        let r = litigation(&table("1\n1\n2\n1\n-\n尚\n未\n审\n结\n-\n总\n计\n1\n"));
        assert_eq!(counts(&r), [0; 5], "{:?}", r.issues);
        assert!(r.has_issue("litigation_cells_missing"), "{:?}", r.issues);
        // (Marks for none alone under them: none of theirs the reading left out.)
        let r = litigation(&table("-\n尚\n未\n审\n结\n-\n总\n计\n-\n"));
        assert_eq!(counts(&r), [0; 15], "{:?}", r.issues);
        assert!(!r.has_issue("litigation_cells_missing"), "{:?}", r.issues);
    }

    #[test]
    fn requests_last_cells_printed_under_the_heads_before_the_table_s_own_are_not_its() {
        // 表三's last rows' labels before the heading, some of their cells
        // after 表四's heads, before its fifteen.
        let heads = "结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n".repeat(3);
        let table = |numbers: &[i64]| {
            format!(
                "3.其他\n0\n0\n0\n5\n0\n0\n(七)总计\n0\n0\n0\n四、结转下年度继续办理\n\
                 四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n未经复议直接起诉\n复议后起诉\n{heads}\n{}{CLOSING}",
                a_line_each(numbers)
            )
        };
        let own = [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        let carried = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0];
        let r = litigation(&table(&[&carried[..], &own].concat()));
        assert_eq!(counts(&r), own, "{:?}", r.issues);
        // (The first fifteen adding up, the numbers after them none of its.)
        let r = litigation(&table(&[&own[..], &carried].concat()));
        assert_eq!(counts(&r), own, "{:?}", r.issues);
    }

    #[test]
    fn heads_printed_in_three_places_each_over_its_numbers_are_read_where_every_proceeding_adds_up() {
        // Plain `pdftotext` of a Word table, heads a character a line: 行政复议's
        // first four heads over their numbers among 表三's (`7` / `4` / `0`);
        // the last proceeding's 尚未审结 over its number before the heading;
        // the other heads under it, their numbers, the last total after 五's heading.
        let head = |label: &str, number: &str| format!("{}{number}\n\n", a_line_each_char(label));
        let text = |recon: [&str; 4], pending: &str, after_run: &str, after_five: &str| {
            let labels = ["结果维持", "结果纠正", "其他结果", "尚未审结"];
            let firsts: String = labels.iter().zip(recon).map(|(l, n)| head(l, n)).collect();
            let under = ["总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果"];
            let line = |k: usize| -> String {
                under.iter().filter_map(|h| h.chars().nth(k)).map(|c| format!("{c}\n")).collect()
            };
            let heads: String = (0..4).map(line).collect();
            format!(
                "行政复议\n{firsts}4\n\n0\n\n(七)总计\n{}总\n计\n四、政府信息公开行政复议、行政诉讼情况\n行政诉讼\n\
                 未经复议直接起诉\n复议后起诉\n{heads}7\n0\n0\n16\n0\n16\n1\n0\n13\n{after_run}\
                 五、存在的主要问题及改进情况\n{after_five}政务公开的深度和广度有待加强。\n六、其他需要报告的事项\n无。\n",
                head("尚未审结", pending),
            )
        };
        let read = |text: &str| {
            let (_, rs) = rows(text);
            let from = rs.iter().position(|r| r.label() == "(七)总计").unwrap() + 1;
            let mut r = Report::default();
            read_litigation(text, &rs, from, &mut r);
            r
        };
        let whole = [0, 0, 0, 7, 7, 0, 0, 16, 0, 16, 1, 0, 13, 0, 14];
        let r = read(&text(["0", "0", "0", "7"], "0", "", "14\n"));
        assert_eq!(counts(&r), whole, "{:?}", r.issues);
        assert!(!r.has_issue("litigation_cells_missing"), "{:?}", r.issues);
        // The last total after the others under the heading.
        assert_eq!(counts(&read(&text(["0", "0", "0", "7"], "0", "14\n", ""))), whole);
        // A proceeding that does not add up so: not read.
        let r = read(&text(["0", "1", "0", "7"], "0", "", "14\n"));
        assert!(r.litigation.is_empty() && r.has_issue("litigation_cells_missing"), "{:?}", r.litigation);
        let r = read(&text(["0", "0", "0", "7"], "2", "", "14\n"));
        assert!(r.litigation.is_empty(), "{:?}", r.litigation);
    }

    /// `label`'s characters a line each.
    fn a_line_each_char(label: &str) -> String {
        label.chars().map(|c| format!("{c}\n")).collect()
    }

    #[test]
    fn heads_with_no_number_under_them_and_loose_numbers_after_the_closing_sections_are_not_an_empty_table() {
        // Plain pdftotext of a table whose columns went past the closing
        // sections, a block each: not known to be unfilled.
        let r = litigation(&format!("{HEADS_A_CHARACTER_A_LINE}{CLOSING}1\n—\n—\n2\n—\n"));
        assert!(r.litigation.is_empty(), "{:?}", r.litigation);
        assert!(r.has_issue("litigation_cells_missing") && !r.has_issue("table_empty"), "{:?}", r.issues);
        // (Nothing after them: the table is printed unfilled.)
        let r = litigation(&format!("{HEADS_A_CHARACTER_A_LINE}{CLOSING}"));
        assert!(r.has_issue("table_empty") && !r.has_issue("litigation_cells_missing"), "{:?}", r.issues);
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
    fn the_numbers_before_the_last_that_requests_took_under_the_heading_are_not_its_cells() {
        // 表三's last two rows' organisations and totals columns printed after
        // 表四's heads; the shortened 表三 keeps no fact of its organisations'.
        let cells = [2, 0, 0, 1, 3, 0, 1, 0, 0, 1, 1, 0, 0, 0, 1];
        let numbers: String = cells.iter().map(|v| format!("{v}\n\n")).collect();
        let text = format!(
            "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n\n\
             271\n34\n\n1892\n58\n\n{numbers}五、存在的主要问题及改进情况\n"
        );
        let (_, rs) = rows(&text);
        let mut r = Report::default();
        for (row, total) in [("total_processed", "1892"), ("carried_forward", "58")] {
            let offset = text.find(&format!("{total}\n")).unwrap();
            r.requests.push(RequestFact { row, applicant: "total", count: total.parse().unwrap(), offset });
        }
        read_litigation(&text, &rs, 0, &mut r);
        let got: Vec<i64> = r.litigation.iter().map(|f| f.count).collect();
        assert_eq!(got, cells, "{:?}", r.issues);
    }

    #[test]
    fn bit_sets_are_every_set_of_k_bits_once() {
        for m in 0..=18 {
            for k in 1..=MAX_WRAPPED {
                let sets: Vec<u32> = bit_sets(m, k).collect();
                let every: Vec<u32> = (0u32..1 << m).filter(|s| s.count_ones() as usize == k).collect();
                assert_eq!(sets, every, "{m} {k}");
            }
        }
    }

    #[test]
    fn more_ways_to_join_wrapped_numbers_than_the_most_are_not_tried() {
        let text = "1\n".repeat(30);
        let pieces: Vec<Cell> = (0..30).map(|k| Cell { value: Some(ZERO), offset: 2 * k, center: 0.0 }).collect();
        let joins: Vec<usize> = (1..30).collect();
        let tried = std::cell::Cell::new(0u64);
        let accept = |_: &[Cell]| {
            tried.set(tried.get() + 1);
            false
        };
        // C(29, 2) = 406 ways: every one tried; C(29, 8), millions: none.
        assert_eq!(one_joining(&text, &pieces, &joins, 2, accept), Ok(None));
        assert_eq!(tried.get(), 406);
        assert_eq!(one_joining(&text, &pieces, &joins, 8, accept), Ok(None));
        assert_eq!(tried.get(), 406);
    }

    /// 表四's heading and heads as `pdftotext -raw` prints a Word table's: the
    /// outcomes' heads a character a line.
    const RAW_HEADS: &str = "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n\
        结\n果\n维\n持\n结\n果\n纠\n正\n其\n他\n结\n果\n尚\n未\n审\n结\n总\n计\n";

    #[test]
    fn heads_without_a_cell_in_a_text_whose_tables_mark_none_with_a_dash_are_zeros() {
        // A web page by plain `pdftotext`: 表三's cells marked `-` for none, some
        // kept; 表四's line of marks dropped, its heads left alone.
        let text = |mark: &str| {
            format!(
                "三、收到和处理政府信息公开申请情况\n(一)予以公开\n3\n{mark}\n{mark}\n{mark}\n{mark}\n{mark} {mark}\n3\n\
                 四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n未经复议直接起诉\n复议后起诉\n\
                 结果 结果 其他 尚未\n结果 结果 其他 尚未\n结果 结果 其他 尚未\n总计\n总计\n总计\n\
                 维持 纠正 结果 审结\n维持 纠正 结果 审结\n维持 纠正 结果 审结\n五、存在的主要问题及改进情况\n无。\n"
            )
        };
        let read = |text: &str| {
            let (_, rs) = rows(text);
            let mut r = Report::default();
            let offset = text.find('3').unwrap();
            r.requests.push(RequestFact { row: "granted", applicant: "total", count: 3, offset });
            read_litigation(text, &rs, 0, &mut r);
            r
        };
        let r = read(&text("-"));
        assert_eq!(counts(&r), [0; 15]);
        assert!(r.has_issue("cells_inferred") && !r.has_issue("table_empty"), "{:?}", r.issues);
        // A text whose tables print 0 for none: its 表四 holds no number.
        let r = read(&text("0"));
        assert!(r.litigation.is_empty() && r.has_issue("table_empty"), "{:?}", counts(&r));
    }

    #[test]
    fn numbers_wrapped_in_their_narrow_cells_are_read_whole() {
        // `pdftotext -raw`: a row a line, 115 and 102 wrapped, their last digits on lines of their own.
        let text = format!("{RAW_HEADS}54 0 3 58 11\n5\n36 0 0 0 36 0 43 0 59 10\n2\n五、存在的主要问题及改进情况\n");
        assert_eq!(counts(&litigation(&text)), [54, 0, 3, 58, 115, 36, 0, 0, 0, 36, 0, 43, 0, 59, 102]);
        // Where whole numbers would not add up, the table is not read as them.
        let text = format!("{RAW_HEADS}54 0 3 58 11\n4\n36 0 0 0 36 0 43 0 59 10\n2\n五、存在的主要问题及改进情况\n");
        let r = litigation(&text);
        assert!(!r.litigation.iter().any(|f| f.count == 114), "{:?}", r.litigation);
    }

    #[test]
    fn numbers_wrapped_one_after_another_their_rests_on_lines_next_to_each_other_are_read_whole() {
        // `pdftotext -raw`: 101 and 110 wrapped, each the last of its line (`10`
        // ends a line, `11` is alone on one), their rests on the lines after each.
        let text = format!("{RAW_HEADS}0 0 0 0 0 0 9 0 10\n1\n11\n0\n42 0 41 0 83\n五、存在的主要问题及改进情况\n");
        assert_eq!(counts(&litigation(&text)), [0, 0, 0, 0, 0, 0, 9, 0, 101, 110, 42, 0, 41, 0, 83]);
        // Seven of them wrapped (100, 155, 159, 469, 121, 150, 271).
        let text = format!("{RAW_HEADS}10\n0\n15\n5\n55 15\n9\n46\n9\n12\n1\n0 0 15\n0\n27\n1\n0 0 0 9 9\n五、存在的问题\n");
        assert_eq!(counts(&litigation(&text)), [100, 155, 55, 159, 469, 121, 0, 0, 150, 271, 0, 0, 0, 9, 9]);
    }

    /// 表四's heading and heads as `pdftotext -layout` prints a Word table's, the
    /// lines under the heads' first (`lower`) as given.
    fn layout_heads(lower: &str) -> String {
        "四、政府信息公开行政复议、行政诉讼情况\n行政复议                   行政诉讼\n\
         结   结    其     尚    总  结  结 其  尚  总 结  结  其                  尚   总\n"
            .to_string()
            + lower
    }

    #[test]
    fn two_neighbouring_numbers_in_each_other_s_place_are_read_where_every_proceeding_adds_up() {
        // `pdftotext -layout` of columns so narrow that their heads run into each
        // other (`未  果计`): the first proceeding's 总计 printed before its 尚未审结.
        let heads = layout_heads(
            "果    果    他    未  果计 他 果  未  计  果  果   他   未   计\n\
             维    纠    结    审  纠  结 维  审     维  纠   结   审\n\
             持    正    果    结  正  果 持  结     持  正   果   结\n",
        );
        let table = |rows: &str| format!("{heads}{rows}五、存在的主要问题及改进情况\n");
        // (The second proceeding's 维持 set after its 其他结果, as its heads tell.)
        let r = litigation(&table("24   14   33\n           71  0  37 0 0  7  44 26 0   9   0   35\n"));
        assert_eq!(counts(&r), [24, 14, 33, 0, 71, 0, 37, 0, 7, 44, 26, 0, 9, 0, 35]);
        assert!(r.has_issue("cells_inferred"), "{:?}", r.issues);
        // A report's slip in a sum that no exchange mends: read as printed (the checks flag it).
        let r = litigation(&table("24   14   33\n           71  71  37 0 0  7  44 26 0   9   0   35\n"));
        assert_eq!(counts(&r)[..5], [24, 14, 33, 71, 71]);
        assert!(!r.has_issue("cells_inferred"), "{:?}", r.issues);
    }

    /// [`layout_heads`] with each head's last characters a line each, as narrow columns print them.
    fn narrow_layout_heads() -> String {
        layout_heads(
            "果   果    他     未    计  果  果 他  未  计 果  果  他                  未   计\n\
             维   纠    结    审         维   纠   结   审       维   纠   结   审\n\
             持   正    果    结         持   正   果   结       持   正   果   结\n",
        )
    }

    #[test]
    fn a_number_wrapped_under_its_start_in_aligned_text_is_read_whole() {
        // `pdftotext -layout`: 115 wrapped in its narrow cell, its last digit under its first two.
        let heads = narrow_layout_heads();
        let row = "0   47   28   40   11   0   0   7   0   7   0   0   0   27   27\n                   5\n";
        let text = format!("{heads}{row}五、存在的主要问题及改进情况\n");
        assert_eq!(counts(&litigation(&text)), [0, 47, 28, 40, 115, 0, 0, 7, 0, 7, 0, 0, 0, 27, 27]);
        // A lone number not under a cell: no joining.
        let text = format!("{heads}{}五、存在的主要问题及改进情况\n", row.replace("                   5", "          5"));
        assert!(!litigation(&text).litigation.iter().any(|f| f.count == 115));
        // Two wrapped so, their rests on one line (157 and 128).
        let row = "0  0 15 0  15 67 0  0  90 15 0  0  46                    82   12\n\
                   \x20                         7                                   8\n";
        let text = format!("{heads}{row}五、存在的主要问题及改进情况\n");
        assert_eq!(counts(&litigation(&text)), [0, 0, 15, 0, 15, 67, 0, 0, 90, 157, 0, 0, 46, 82, 128]);
        // Rests under no cell of theirs: no joining.
        let text = text.replace("       7    ", "7           ");
        assert!(!litigation(&text).litigation.iter().any(|f| f.count == 157 || f.count == 128));
    }

    #[test]
    fn aligned_numbers_that_leave_two_proceedings_broken_are_not_read() {
        // `-layout` of a Word table whose 111 wraps, its rest alone under the rows, and whose
        // numbers come out of their places: the last two proceedings add up in neither.
        let heads = narrow_layout_heads();
        let rows = "41   0   10   41   92   54   5\n                        11 61 27 52   0   0   0   88\n\
                    \x20                       1\n";
        let r = litigation(&format!("{heads}{rows}五、存在的主要问题及改进情况\n"));
        assert_eq!(counts(&r), [41, 0, 10, 41, 92]);
        assert!(r.has_issue("litigation_cells_missing"));
    }

    #[test]
    fn wrapped_numbers_whose_rests_no_column_places_leave_the_table_unread() {
        // `-layout` of a Word table whose narrow cells wrap 100, 155, 159, 469, 121, 150 and 271:
        // their rests on a line of their own after the table, in no cell's column.
        let heads = narrow_layout_heads();
        let rows = "10 15 55 15 46\n             12 0 0  15 27   0  0  0   9   9\n";
        let text = format!("{heads}{rows}0   5        19 9    0  1\n五、存在的主要问题及改进情况\n");
        let r = litigation(&text);
        assert!(r.litigation.is_empty() && r.has_issue("litigation_cells_missing"));
        // Without the rests, a report's slip in a sum: read as printed (the checks flag it).
        let text = format!("{heads}{rows}五、存在的主要问题及改进情况\n");
        assert_eq!(counts(&litigation(&text)), [10, 15, 55, 15, 46, 12, 0, 0, 15, 27, 0, 0, 0, 9, 9]);
        // Nor numbers alone after a table that adds up.
        let rows = "10 15 55 15 95\n             12 0 0  15 27   0  0  0   9   9\n";
        let text = format!("{heads}{rows}3   4\n五、存在的主要问题及改进情况\n");
        assert_eq!(counts(&litigation(&text)), [10, 15, 55, 15, 95, 12, 0, 0, 15, 27, 0, 0, 0, 9, 9]);
    }

    #[test]
    fn a_wrapped_number_printed_before_its_neighbour_is_read_whole_and_put_back() {
        // `pdftotext -layout`: 165 wrapped, `16` over `5`, printed before 45,
        // the proceeding's 尚未审结: joined where, those two put back in place,
        // every proceeding adds up.
        let text = |rest: &str| {
            format!(
                "四、政府信息公开行政复议、行政诉讼情况\n行政复议             行政诉讼\n\
                 \x20                   未经复议直接起诉         复议后起诉\n\
                 结   结   其   尚   总   结  结  其 尚    总   结  结  其   尚    总\n\
                 果   果   他   未   计   果  果  他 未    计   果  果  他   未    计\n\
                 维   纠   结   审       维  纠  结 审        维  纠  结   审\n\
                 持   正   果   结       持  正  果 结        持  正  果   结\n\
                 0   0   0   0   0   73 47 0\n\
                 \x20                       16  45       0  0  0   90   90\n{rest}\n\
                 五、存在的主要问题及改进情况\n"
            )
        };
        let r = litigation(&text("                        5"));
        assert_eq!(counts(&r), [0, 0, 0, 0, 0, 73, 47, 0, 45, 165, 0, 0, 0, 90, 90], "{:?}", r.issues);
        assert!(r.has_issue("cells_inferred"));
        // Its rest under no number: as printed.
        let r = litigation(&text("                                  5"));
        assert!(!counts(&r).contains(&165));
    }

    #[test]
    fn numbers_a_line_each_that_leave_two_proceedings_broken_are_not_read() {
        let heads = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n结果维持\n结果纠正\n其他结果\n尚未审结\n总计\n";
        let table = |numbers: &[i64]| {
            let lines: String = numbers.iter().map(|v| format!("{v}\n")).collect();
            litigation(&format!("{heads}{lines}五、存在的主要问题及改进情况\n"))
        };
        // A stray number before the cells shifts every one after it: the
        // proceedings that then add up are read, the others not.
        let r = table(&[1, 54, 0, 3, 58, 11, 5, 36, 0, 0, 0, 36, 0, 43, 0, 59]);
        assert!(r.has_issue("litigation_cells_missing"), "{:?}", r.issues);
        assert!(r.litigation.iter().all(|f| f.proceeding == "reconsideration"), "{:?}", r.litigation);
        // One proceeding's total off, as a report may print it: read, for the checks to flag.
        let r = table(&[5, 0, 3, 58, 65, 36, 0, 0, 0, 36, 0, 4, 0, 5, 9]);
        assert_eq!(r.litigation.len(), 15);
    }

    #[test]
    fn numbers_of_narrow_columns_that_touch_are_parted() {
        // pdftotext of narrow columns: the row over two lines, two zeros run together.
        let text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议   行政诉讼\n\
            结   结   其   尚   总\n果   果   他   未   计\n维   纠   结   审\n持   正   果   结\n\
            0   0   0   0   1\n                0 0 00  0 0  0   0   1   1\n五、存在的主要问题及改进情况\n";
        let r = litigation(text);
        assert_eq!(counts(&r), [0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
        // A count is never printed with a leading zero, but `10` parts nothing:
        // one cell short, the table is flagged, not guessed.
        let r = litigation(&text.replace("0 0 00  0 0", "0 0 10  0 0"));
        assert!(r.litigation.is_empty() && r.has_issue("litigation_cells_missing"));
    }

    /// 表四 as `pdftotext -layout` prints narrow columns: the heads a character
    /// a line, the first proceeding's numbers on a line (`first`), the others'
    /// on the next (`second`).
    fn narrow(first: &str, second: &str) -> String {
        format!(
            "四、政府信息公开行政复议、行政诉讼情况\n行政复议   行政诉讼\n\
             结   结   其   尚   总\n果   果   他   未   计\n维   纠   结   审\n持   正   果   结\n\
             {first}\n                {second}\n五、存在的主要问题及改进情况\n"
        )
    }

    #[test]
    fn touching_numbers_in_another_order_leave_their_proceeding_unread() {
        // `pdftotext -layout` of narrow columns: 0 0 4 3 7 printed `0  40 3 7`,
        // 0 0 1 1 2 printed `0 1 01  2` and 0 1 0 0 1 `1 0 00  1`; the sums hold
        // whichever order they take.
        let table = |second: &str| narrow("0   5   0   0   5", &format!("{second}  0   4   0   0   4"));
        for second in ["0  40 3 7", "0 1 01  2", "1 0 00  1", "0  04 3 7", "4  00 3 7", "0  44 3 11"] {
            let r = litigation(&table(second));
            let counts: Vec<(&str, i64)> = r.litigation.iter().map(|f| (f.proceeding, f.count)).collect();
            let read = |p: &str| counts.iter().filter(|c| c.0 == p).map(|c| c.1).collect::<Vec<_>>();
            assert_eq!(read("reconsideration"), [0, 5, 0, 0, 5], "{second}");
            assert_eq!(read("litigation_direct"), [0; 0], "{second}");
            assert_eq!(read("litigation_after_reconsideration"), [0, 4, 0, 0, 4], "{second}");
            assert!(r.has_issue("litigation_cells_missing"), "{second}");
        }
        // Touching numbers alike, and alike the one before, are read in any order;
        // a number of two digits whose parting makes no proceeding add up is a number.
        let r = litigation(&table("0  00 3 3"));
        assert_eq!(counts(&r), [0, 5, 0, 0, 5, 0, 0, 0, 3, 3, 0, 4, 0, 0, 4]);
        assert!(!r.has_issue("litigation_cells_missing"));
        let r = litigation(&table("0  41 3 7"));
        assert!(r.litigation.is_empty() && r.has_issue("litigation_cells_missing"));
        // Numbers a line each touch nothing: `10` is ten.
        let r = litigation(&table("0  0 10 1").replace("   ", "\n").replace("  ", "\n").replace(' ', "\n"));
        assert!(r.litigation.is_empty() && r.has_issue("litigation_cells_missing"), "{:?}", r.litigation);
    }

    #[test]
    fn numbers_run_together_with_a_total_among_the_next_proceeding_s_are_parted_where_the_sums_tell() {
        // `pdftotext -layout`: 行政复议's 总计 13 run into 直接起诉's 0 and 13
        // (`01313`), printed after its 38; 复议's 总计 32 likewise (`0320`).
        let r = litigation(&narrow("0   0   13   0", "38 01313 0 51 0  43   38   0   81"));
        assert_eq!(counts(&r), [0, 0, 13, 0, 13, 38, 0, 13, 0, 51, 0, 43, 38, 0, 81], "{:?}", r.issues);
        let r = litigation(&narrow("32   0   0   0  0320  0", "0 0  28 0   0   0   28"));
        assert_eq!(counts(&r), [32, 0, 0, 0, 32, 0, 0, 0, 0, 0, 28, 0, 0, 0, 28], "{:?}", r.issues);
        // `11114` after `0 11 0 0` / `14`: 11 1 14 and 11 11 4 both add up: not read.
        let r = litigation(&narrow("0   11   0   0", "14 11114 2 31 0  0   5   0   5"));
        assert!(r.litigation.is_empty() && r.has_issue("litigation_cells_missing"), "{:?}", r.litigation);
    }

    #[test]
    fn touching_numbers_whose_order_the_sums_tell_are_read() {
        let table = |first: &str, second: &str| litigation(&narrow(first, second));
        // `20`: 表四's first total touching the next proceeding's first, which
        // only 2 then 0 leaves adding up, whatever the order of their neighbours.
        let r = table("0   0   1   1   20  0", "0  0 0  0  1   0   0   1");
        assert_eq!(counts(&r), [0, 0, 1, 1, 2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1], "{:?}", r.issues);
        assert!(!r.has_issue("litigation_cells_missing"));
        // `11` then 0: the next proceeding's 1 and 0 add up in either order: it is
        // not read, the first is (1 its total whichever order).
        let r = table("0   1   0   0   11  0", "0  0 1  0  0   1   0   1");
        assert_eq!(counts(&r), [0, 1, 0, 0, 1, 0, 0, 1, 0, 1], "{:?}", r.litigation);
        assert!(r.litigation.iter().all(|f| f.proceeding != "litigation_direct"));
        assert!(r.has_issue("litigation_cells_missing"));
        // So too `00` then 3, zeros alike: the next proceeding's 0 and the 3
        // after it (3 0 10 0 13 or 0 3 10 0 13) add up in either order.
        let r = table("0   0   0   0   00  3", "0  10 13 0  0   0   0   0");
        assert_eq!(counts(&r), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "{:?}", r.litigation);
        assert!(r.litigation.iter().all(|f| f.proceeding != "litigation_direct"));
        // `31`: the first total, 3, touching the next proceeding's 1, printed
        // before the 0 that is its first: the first read, the next not.
        let r = table("0   1   1   1   31  0", "0  1 2  0  0   0   1   1");
        assert_eq!(counts(&r), [0, 1, 1, 1, 3, 0, 0, 0, 1, 1], "{:?}", r.litigation);
        assert!(r.litigation.iter().all(|f| f.proceeding != "litigation_direct"));
    }

    #[test]
    fn a_proceeding_s_columns_out_of_order_are_read_in_the_order_of_their_heads() {
        // `pdftotext -layout` of narrow columns, the second proceeding's 维持
        // column set after its 其他结果 (its heads touching 尚未审结's, `持结`),
        // its numbers with it.
        let table = |third: &str, fourth: &str, first: &str, second: &str| {
            format!(
                "四、政府信息公开行政复议、行政诉讼情况\n行政复议   行政诉讼\n\
                 结   结   其   尚   总  结  结 其  尚  总 结  结  其  尚   总\n\
                 果   果   他   未   计  果  果 他  未  计 果  果  他  未   计\n\
                 {third}\n{fourth}\n{first}\n                {second}\n五、存在的主要问题及改进情况\n"
            )
        };
        let moved = |first: &str, second: &str| {
            let (third, fourth) = ("维   纠   结   审   纠 结 维审     维  纠  结  审", "持   正   果   结   正 果 持结    持  正   果   结");
            litigation(&table(third, fourth, first, second))
        };
        // 0 3 1 0 printed for 维持 1, 纠正 0, 其他 3, 尚未 0; `10` under `持结`.
        let r = moved("1   0   1   1   3", "0 3 10  4 0  0   3   1   4");
        assert_eq!(counts(&r), [1, 0, 1, 1, 3, 1, 0, 3, 0, 4, 0, 0, 3, 1, 4], "{:?}", r.issues);
        assert!(!r.has_issue("litigation_cells_missing"));
        // Heads in the table's order: the same numbers in theirs, `10` in either
        // order adding up, not read.
        let (third, fourth) = ("维   纠   结   审   维  纠 结  审    维  纠  结  审", "持   正   果   结   持  正 果  结    持  正  果  结");
        let r = litigation(&table(third, fourth, "1   0   1   1   3", "0 3 10  4 0  0   3   1   4"));
        assert!(r.litigation.iter().all(|f| f.proceeding != "litigation_direct"), "{:?}", r.litigation);
        assert!(r.has_issue("litigation_cells_missing"));
        // A last line that holds a head's character twice tells no order.
        let fourth = "持   正   果   结   正 果 持持    持  正   果   结";
        let r = litigation(&table("维   纠   结   审   纠 结 维审     维  纠  结  审", fourth, "1 0 1 1 3", "0 3 1 0 4 0 0 3 1 4"));
        assert_eq!(counts(&r), [1, 0, 1, 1, 3, 0, 3, 1, 0, 4, 0, 0, 3, 1, 4]);
        // The heads' last characters over two lines, the second proceeding's 尚未审结 set
        // a little lower, the lower line going on where the upper stops: 12 is 纠正's.
        let third = "维   纠    结     审       维  纠 结  审    维  纠  结                  审";
        let two_lines = |lower: &str| {
            let fourth = format!("持   正   果    结  正  果  持\n{lower}结    持  正   果   结");
            let (first, second) = ("0   0   24   0   24\n                12 0  0", "      2 14 0  0   0   11   11");
            litigation(&table(third, &fourth, first, second))
        };
        let r = two_lines(&" ".repeat(22));
        assert_eq!(counts(&r), [0, 0, 24, 0, 24, 0, 12, 0, 2, 14, 0, 0, 0, 11, 11], "{:?}", r.issues);
        // The lower line starting left of where the upper stops: no order told, read as printed.
        let r = two_lines(&" ".repeat(10));
        assert_eq!(counts(&r), [0, 0, 24, 0, 24, 12, 0, 0, 2, 14, 0, 0, 0, 11, 11], "{:?}", r.issues);
    }

    #[test]
    fn two_marks_printed_touching_are_two_cells() {
        let table = |first: &str, second: &str| litigation(&narrow(first, second));
        // `-layout` of narrow columns: `——` where the other marks are `—` is two.
        let r = table("—   —   1   1   2", "— — ——  — —  1   —   —   1");
        assert_eq!(counts(&r), [0, 0, 1, 1, 2, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1], "{:?}", r.issues);
        // A table whose marks are all `——` prints no mark of one: `——` is one.
        let r = table("0   0   1   1   2", "0 ——  0 0  0   1   0   0   1");
        assert!(r.litigation.is_empty() && r.has_issue("litigation_cells_missing"), "{:?}", r.litigation);
        // Slashes: `//` is two, no table marking a cell so (a number among them, not a
        // table of nothing but marks).
        let r = table("1   /   /   /   1", "/  // /  / /  /   /   /   /");
        assert_eq!(counts(&r), [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "{:?}", r.issues);
        let r = table("1   \\   \\   \\   1", "\\  \\\\ \\  \\ \\  \\   \\   \\   \\");
        assert_eq!(counts(&r), [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], "{:?}", r.issues);
    }

    #[test]
    fn zeros_over_two_lines_under_the_heading_alone_are_the_table() {
        // `-layout` of a page that lost 表四's heads: its zeros, a row broken in
        // two, two of them touching, right under the section's heading.
        let text = |second: &str| {
            format!(
                "四、政府信息公开行政复议、行政诉讼情况\n0   0   0   00  0\n                {second}\n\
                 五、存在的主要问题及改进情况\n"
            )
        };
        let r = litigation(&text("0  0  0 0  0  0 0           0   0"));
        assert!(r.litigation.len() == 15 && r.litigation.iter().all(|f| f.count == 0), "{:?}", r.issues);
        // A number not 0 among them, or too few of them: not read so.
        for second in ["0  0  0 0  1  0 0           0   1", "0  0  0"] {
            assert!(litigation(&text(second)).litigation.is_empty(), "{second}");
        }
    }

    #[test]
    fn numbers_over_two_lines_under_the_heading_alone_are_the_table_where_they_add_up() {
        // `-layout` of a page that lost 表四's heads: its row broken in two, the first proceeding's
        // total printed after the next one's first (narrow columns whose type runs together).
        let text = |first: &str, second: &str| {
            format!("四、政府信息公开行政复议、行政诉讼情况\n{first}\n                    {second}\n五、存在的主要问题及改进情况\n")
        };
        let r = litigation(&text("21   0    0    0 0 21", "0  0  0 0  0  50 36  2   88"));
        assert_eq!(counts(&r), [21, 0, 0, 0, 21, 0, 0, 0, 0, 0, 0, 50, 36, 2, 88], "{:?}", r.issues);
        // In printed order.
        let r = litigation(&text("0   0    0     0 0  0", "0  0  0 0  0  0 1  0   1"));
        assert_eq!(counts(&r), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1], "{:?}", r.issues);
        // Where neither order nor an exchange of neighbours makes every proceeding add up: not read.
        for (first, second) in [("21 0 0 0 0 20", "0 0 0 0 0 50 36 2 88"), ("1 0 0 1 0 1", "0 0 0 0 1 0 0 1 1")] {
            assert!(litigation(&text(first, second)).litigation.is_empty(), "{first} / {second}");
        }
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
    fn marks_for_none_broken_in_two_are_one_cell_each() {
        // A Word table by `pdftotext -raw`: each `——` broken over two lines, the
        // outcomes' heads a character a line.
        let heads = "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n";
        let chars: String = template::LITIGATION_OUTCOME_LABELS.concat().chars().map(|c| format!("{c}\n")).collect();
        let cells = "4 —\n—\n—\n—\n—\n—\n4 2 6 —\n—\n—\n—\n8 —\n—\n—\n—\n—\n—\n—\n—\n—\n—\n";
        let r = litigation(&format!("{heads}{}{cells}五、存在的主要问题及改进情况\n", chars.repeat(3)));
        let get = |p: &str| -> Vec<i64> {
            let of = |o: &str| r.litigation.iter().find(|f| f.proceeding == p && f.outcome == o);
            template::LITIGATION_OUTCOMES.iter().map(|o| of(o).map_or(-1, |f| f.count)).collect()
        };
        assert_eq!(get("reconsideration"), [4, 0, 0, 0, 4], "{:?}", r.issues);
        assert_eq!(get("litigation_direct"), [2, 6, 0, 0, 8]);
        assert_eq!(get("litigation_after_reconsideration"), [0; 5]);
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
            Placed::All(c) | Placed::Filled(c) => {
                (c.iter().map(|c| c.value.map_or(0.0, |v| v.number)).collect::<Vec<_>>(), "")
            }
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
    fn a_last_proceeding_of_zeros_short_of_a_cell_is_all_zeros_where_the_rest_add_up() {
        // `pdftotext -raw`: a number a line, one of 复议后起诉's zeros lost.
        let table = |values: &[i64]| {
            let numbers: String = values.iter().map(|v| format!("{v}\n")).collect();
            litigation(&format!("{RAW_HEADS}{numbers}五、存在的主要问题及改进情况\n"))
        };
        let r = table(&[0, 6, 0, 0, 6, 14, 0, 22, 0, 36, 0, 0, 0, 0]);
        assert_eq!(counts(&r), [0, 6, 0, 0, 6, 14, 0, 22, 0, 36, 0, 0, 0, 0, 0]);
        assert!(r.issues.is_empty(), "{:?}", r.issues);
        // Not where a number it holds is not 0, nor where the rest do not add up.
        for values in [[0, 6, 0, 0, 6, 14, 0, 22, 0, 36, 0, 0, 1, 0], [0, 6, 0, 0, 7, 14, 0, 22, 0, 36, 0, 0, 0, 0]] {
            let r = table(&values);
            assert!(r.litigation.is_empty() && r.has_issue("litigation_cells_missing"), "{:?}", counts(&r));
        }
    }

    #[test]
    fn a_last_proceeding_short_of_a_cell_and_printed_apart_under_its_heading_is_not_read_as_zeros() {
        // Plain pdftotext of a Word table: the first two proceedings under the
        // heads, four marks after them; 复议后起诉's heads and numbers after
        // the next section, with other columns' numbers (`6` / `589` / `58`).
        let table = "—\n5\n—\n—\n5\n9\n—\n6\n2\n17\n—\n—\n—\n—\n";
        let apart = "复议后起诉\n结\n结\n其\n果\n果\n他\n维\n纠\n结\n持\n正\n果\n—\n8\n12\n—\n\n尚\n未\n审\n结\n\
            —\n—\n\n6\n\n589\n58\n\n总\n计\n\n20\n\n";
        let text = format!(
            "{HEADS_A_CHARACTER_A_LINE}{table}五、存在的主要问题及改进情况\n政务公开的深度和广度有待加强。\n\n{apart}\
            六、其他需要报告的事项\n无。\n"
        );
        let r = litigation(&text);
        assert_eq!(counts(&r), [0, 5, 0, 0, 5, 9, 0, 6, 2, 17], "{:?}", r.issues);
        assert!(r.has_issue("litigation_cells_missing"), "{:?}", r.issues);
    }

    #[test]
    fn a_last_proceeding_printed_apart_under_its_heading_is_read_where_its_heads_and_sums_make_it_whole() {
        // Plain pdftotext of a Word table: the first two proceedings under the
        // heads; 复议后起诉's heads and numbers after the next section, 尚未审结's
        // and 总计's heads later over their own numbers, the total wrapped in
        // its narrow cell (`13` / `1` for 131).
        let table = "0\n0\n0\n33\n33\n0\n0\n0\n0\n0\n";
        let apart = |numbers: &str| {
            format!(
                "{HEADS_A_CHARACTER_A_LINE}{table}五、存在的主要问题及改进情况\n政务公开的深度和广度有待加强。\n\n\
                 复议后起诉\n结\n结\n其\n果\n果\n他\n维\n纠\n结\n持\n正\n果\n{numbers}六、其他需要报告的事项\n无。\n"
            )
        };
        let r = litigation(&apart("0\n71 0\n\n尚\n未\n审\n结\n60\n\n总\n计\n\n13\n1\n\n"));
        assert_eq!(counts(&r), [0, 0, 0, 33, 33, 0, 0, 0, 0, 0, 0, 71, 0, 60, 131], "{:?}", r.issues);
        assert!(r.issues.is_empty(), "{:?}", r.issues);
        // Four zeros and no later head: all five 0.
        let r = litigation(&apart("0\n0\n0\n\n0\n\n"));
        assert_eq!(counts(&r)[10..], [0, 0, 0, 0, 0], "{:?}", r.issues);
        // Numbers that do not add up to the total (nor joined): not read.
        let r = litigation(&apart("0\n71 0\n\n尚\n未\n审\n结\n60\n\n总\n计\n\n13\n2\n\n"));
        assert_eq!(counts(&r).len(), 10, "{:?}", counts(&r));
        assert!(r.has_issue("litigation_cells_missing"), "{:?}", r.issues);
        // Four numbers not all 0: which is lacking is not known.
        let r = litigation(&apart("1\n0\n0\n\n1\n\n"));
        assert_eq!(counts(&r).len(), 10, "{:?}", counts(&r));
    }

    #[test]
    fn last_cells_printed_after_the_closing_sections_are_read_where_every_proceeding_adds_up() {
        // Plain pdftotext: a number a line, the last proceeding's block after the text that follows.
        let lines = |values: &[i64]| values.iter().map(|v| format!("{v}\n\n")).collect::<String>();
        let heads = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n未经复议直接起诉\n复议后起诉\n\
            结果 结果 其他 尚未 总计 结果 结果 其他 尚未 总计 结果 结果 其他 尚未 总计\n维持 纠正 结果 审结\n\n";
        let closing = "五、存在的主要问题及改进情况\n政务公开的深度和广度有待加强。\n六、其他需要报告的事项\n\
            本年度收取信息处理费 2 笔，合计 800 元。\n某市某局\n2021 年 1 月 14 日\n\n";
        let text = format!("{heads}{}{closing}{}", lines(&[0, 4, 0, 4, 8, 0, 0, 3, 4, 7]), lines(&[1, 1, 4, 0, 6]));
        let r = litigation(&text);
        assert_eq!(counts(&r), [0, 4, 0, 4, 8, 0, 0, 3, 4, 7, 1, 1, 4, 0, 6]);
        assert!(r.issues.is_empty(), "{:?}", r.issues);
        // Other loose columns between: the last numbers, under their heads.
        let text = format!(
            "{heads}{}{closing}{}尚\n未\n审\n结\n30\n\n总\n计\n\n79\n",
            lines(&[0, 0, 0, 7, 7, 0, 0, 0, 0, 0, 16, 0, 33]),
            lines(&[3, 5, 1, 9])
        );
        assert_eq!(counts(&litigation(&text))[13..], [30, 79]);
        // A row of zeros short of cells, its last proceeding printed apart: not all zeros.
        let text = format!("{heads}{}{closing}{}", lines(&[0; 10]), lines(&[1, 0, 0, 1, 2]));
        assert_eq!(counts(&litigation(&text))[10..], [1, 0, 0, 1, 2]);
        // Nor where the loose numbers complete it in no order (not all the
        // table's): the cells lacking are not known to be 0. One lacking is 0 all
        // the same.
        let text = format!("{heads}{}{closing}{}", lines(&[0; 8]), lines(&[1, 0, 1, 1, 2, 0, 0]));
        let r = litigation(&text);
        assert!(r.litigation.is_empty() && r.has_issue("litigation_cells_missing"), "{:?}", counts(&r));
        let text = format!("{heads}{}{closing}{}", lines(&[0; 14]), lines(&[5]));
        assert_eq!(counts(&litigation(&text)), [0; 15]);
        // Fewer numbers where the table is than a proceeding has (their heads a line each tell no columns).
        let text = format!("{heads}{}{closing}{}", lines(&[2, 0, 0, 0]), lines(&[2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]));
        assert_eq!(counts(&litigation(&text)), [2, 0, 0, 0, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]);
        // The first numbers after the table and the last both add up, and differ:
        // no telling which. A proceeding where the table is that does not add up
        // (printed so, one run of numbers; the checks flag it): the rest only from
        // just as many loose numbers, those they complete adding up. Nothing but
        // zeros lacking, and no loose number: all zeros.
        let wrong = [0, 4, 0, 4, 9, 0, 0, 3, 4, 7];
        for (printed, loose, read) in [
            (&[0, 4, 0, 4, 8, 0, 0, 3, 4, 7][..], &[1, 1, 4, 0, 6, 2, 0, 0, 0, 2][..], None),
            (&wrong, &[1, 1, 4, 0, 6], Some([&wrong[..], &[1, 1, 4, 0, 6]].concat())),
            (&wrong, &[1, 1, 4, 0, 6, 0, 0, 0, 0, 0], None),
            (&wrong, &[1, 1, 4, 0, 5], None),
            (&[0; 10], &[], Some(vec![0; 15])),
        ] {
            let r = litigation(&format!("{heads}{}{closing}{}", lines(printed), lines(loose)));
            let expected = read.clone().unwrap_or_default();
            assert_eq!(counts(&r), expected, "{printed:?} {loose:?}");
            assert_eq!(r.has_issue("litigation_cells_missing"), read.is_none());
        }
        // So too where the run's lines hold several numbers each.
        let text = format!("{heads}3\n0\n0\n10 14 5\n0\n10 5\n20\n{closing}{}", lines(&[0, 0, 0, 7, 7]));
        assert_eq!(counts(&litigation(&text)), [3, 0, 0, 10, 14, 5, 0, 10, 5, 20, 0, 0, 0, 7, 7]);
        // The table's cells among its heads' pieces, a proceeding not adding up: misread, not taken.
        let pieces = "持\n0\n正\n0\n果\n0\n结\n0\n0\n0\n1\n1\n0\n0\n";
        let r = litigation(&format!("{heads}{pieces}{closing}{}", lines(&[0, 0, 0, 0, 0])));
        assert!(r.litigation.is_empty() && r.has_issue("litigation_cells_missing"), "{:?}", counts(&r));
    }

    #[test]
    fn last_cells_apart_each_under_its_head_s_last_character_are_read_in_the_outcomes_the_heads_name() {
        // Plain pdftotext of a Word table: the last proceeding after the closing sections, three of its
        // numbers each under a lone line of its head's last character (`持` for 结果维持), the other two
        // heads lost: 纠正's 1 before 持's 0, 总计's last.
        let lines = |values: &[i64]| values.iter().map(|v| format!("{v}\n\n")).collect::<String>();
        let heads = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n未经复议直接起诉\n复议后起诉\n\
            结果 结果 其他 尚未 总计 结果 结果 其他 尚未 总计 结果 结果 其他 尚未 总计\n维持 纠正 结果 审结\n\n";
        let closing = "五、存在的主要问题及改进情况\n政务公开的深度和广度有待加强。\n六、其他需要报告的事项\n无。\n\
            某市某局\n2021 年 1 月 14 日\n\n";
        let apart = "1\n\n持\n0\n\n果\n0\n\n结\n0\n\n1\n";
        let text = format!("{heads}{}{closing}{apart}", lines(&[0, 1, 0, 0, 1, 0, 0, 1, 0, 1]));
        let r = litigation(&text);
        assert_eq!(counts(&r), [0, 1, 0, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1], "{:?}", r.issues);
        // The lone heads naming an outcome twice: not as printed either, which puts 持's number elsewhere.
        let twice = text.replace("结\n0\n\n1\n", "持\n0\n\n1\n");
        let r = litigation(&twice);
        assert!(r.litigation.iter().all(|f| f.proceeding != "litigation_after_reconsideration"));
        assert!(r.issues.iter().any(|i| i.code == "litigation_cells_missing"), "{:?}", r.issues);
    }

    #[test]
    fn the_first_columns_and_the_last_printed_together_after_the_closing_sections_are_read() {
        // Plain pdftotext: no heads, the middle columns under the heading, 行政复议's
        // and 复议后起诉's last two after the text that follows.
        let lines = |values: &[i64]| values.iter().map(|v| format!("{v}\n\n")).collect::<String>();
        let closing = CLOSING;
        let table = |middle: &[i64], apart: &[i64]| {
            let middle: String = middle.iter().map(|v| format!("{v}\n")).collect();
            litigation(&format!("四、政府信息公开行政复议、行政诉讼情况\n{middle}{closing}{}", lines(apart)))
        };
        let r = table(&[0, 0, 0, 2, 2, 0, 0, 0], &[0, 1, 0, 0, 1, 0, 0]);
        assert_eq!(counts(&r), [0, 1, 0, 0, 1, 0, 0, 0, 2, 2, 0, 0, 0, 0, 0]);
        assert!(r.issues.is_empty(), "{:?}", r.issues);
        let r = table(&[9, 0, 0, 29, 38, 0, 0, 34], &[0, 0, 25, 0, 25, 0, 34]);
        assert_eq!(counts(&r), [0, 0, 25, 0, 25, 9, 0, 0, 29, 38, 0, 0, 34, 0, 34]);
        // Or just the first columns and the last one: as many before the cells as adds up.
        let r = table(&[0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0], &[0, 0, 1, 2]);
        assert_eq!(counts(&r), [0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 1, 2]);
        // Two ways to part them that add up and differ: neither.
        let r = table(&[0, 0, 0, 0, 0, 1, 0, 0], &[0, 0, 0, 0, 0, 0, 1]);
        assert!(r.litigation.is_empty() && r.has_issue("litigation_cells_missing"), "{:?}", counts(&r));
        // Nor where the loose numbers as the table's last columns add up too, and
        // differ (行政复议's 1 and 1, or 未经复议直接起诉's): no heads tell which.
        let r = table(&[0, 0, 1, 0, 1, 0, 0, 0], &[0; 7]);
        assert!(r.litigation.is_empty() && r.has_issue("litigation_cells_missing"), "{:?}", counts(&r));
        // (Where both give the same numbers, read.)
        assert_eq!(counts(&table(&[0; 8], &[0; 7])), [0; 15]);
    }

    #[test]
    fn the_middle_columns_wide_numbers_sharing_lines_are_read_with_those_after_the_closing_sections() {
        // Plain pdftotext of a Word table whose wide numbers fill their cells: the
        // middle columns' numbers a few a line, 行政复议's and 复议后起诉's last two
        // after the text that follows.
        let middle = "0\n24 24 25 73 0\n16 12\n";
        let apart: String = [12, 0, 3, 0, 15, 0, 28].iter().map(|v| format!("{v}\n\n")).collect();
        let r = litigation(&format!("四、政府信息公开行政复议、行政诉讼情况\n{middle}{CLOSING}某某县人民政府\n\n{apart}"));
        assert_eq!(counts(&r), [12, 0, 3, 0, 15, 0, 24, 24, 25, 73, 0, 16, 12, 0, 28]);
        assert!(r.issues.is_empty(), "{:?}", r.issues);
        // (A line of them alone is no such table: its heads lost, nothing tells it.)
        let r = litigation(&format!("四、政府信息公开行政复议、行政诉讼情况\n24 24 25 73 0 16 12\n{CLOSING}{apart}"));
        assert!(r.litigation.is_empty(), "{:?}", counts(&r));
    }

    #[test]
    fn heads_over_the_first_columns_after_the_closing_sections_tell_how_many_come_before_the_middle() {
        // Plain pdftotext of a Word table: under the heading, the heads of the
        // middle columns a character a line and their nine numbers; after the
        // closing sections and the date, 行政复议's first four heads each over its
        // number, its 总计's head with none (its number the first of the nine),
        // then 复议后起诉's last two. Parted after four or after five, every
        // proceeding adds up (复议后起诉's 1 its 其他结果 or its 尚未审结): the
        // heads tell four.
        let heads = "四、政府信息公开行政复议、行政诉讼情况\n行政诉讼\n未经复议直接起诉\n复议后起诉\n\
            结\n结\n其\n尚\n总\n结\n结\n其\n果\n果\n他\n未\n计\n果\n果\n他\n维\n纠\n结\n审\n维\n纠\n结\n\
            持\n正\n果\n结\n持\n正\n果\n";
        let middle = a_line_each(&[0, 0, 0, 0, 0, 0, 0, 0, 1]);
        let closing = format!("{CLOSING}某某镇人民政府\n2023 年 1 月 21 日\n");
        let named = "结\n果\n维\n持\n0\n\n结\n果\n纠\n正\n0\n\n其\n他\n结\n果\n0\n\n尚\n未\n审\n结\n0\n\n\
            总\n计\n\n尚\n未\n审\n结\n0\n\n总\n计\n\n1\n";
        let r = litigation(&format!("{heads}{middle}{closing}{named}"));
        assert_eq!(counts(&r), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1], "{:?}", r.issues);
        // (The same numbers with no heads: nothing tells the parting.)
        let bare: String = [0, 0, 0, 0, 0, 1].iter().map(|v| format!("{v}\n\n")).collect();
        let r = litigation(&format!("{heads}{middle}{closing}{bare}"));
        assert!(r.litigation.is_empty() && r.has_issue("litigation_cells_missing"), "{:?}", counts(&r));
    }

    #[test]
    fn fewer_numbers_than_the_heads_over_them_are_not_the_middle_of_the_loose_ones() {
        // Plain pdftotext of a Word table marking none with `-`: thirteen heads a
        // character a line, under them only the numbers not 0 (`1` / `1` / `2`,
        // the marks dropped), and after the closing sections marks and other
        // tables' numbers. Put among those as the middle columns, every
        // proceeding adds up, but the heads say those columns are under them.
        let heads = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n未经复议直接起诉\n复议后起诉\n\
            结\n结\n其\n尚\n总\n结\n结\n其\n尚\n总\n结\n结\n其\n果\n果\n他\n未\n计\n果\n果\n他\n未\n计\n果\n果\n他\n\
            维\n纠\n结\n审\n维\n纠\n结\n审\n维\n纠\n结\n持\n正\n果\n结\n持\n正\n果\n结\n持\n正\n果\n";
        let loose: String = ["-"; 11].iter().chain(&["2", "-", "-", "-", "1"]).map(|v| format!("{v}\n\n")).collect();
        let r = litigation(&format!("{heads}1\n1\n2\n{CLOSING}某某镇人民政府\n2020 年 3 月 16 日\n\n{loose}"));
        assert!(r.litigation.is_empty() && r.has_issue("litigation_cells_missing"), "{:?}", counts(&r));
    }

    #[test]
    fn the_last_proceedings_heads_among_its_numbers_printed_apart_tell_their_order() {
        // Plain pdftotext: ten numbers a line each; after the closing sections,
        // 尚未审结's head a character a line and its number, then 总计's head,
        // then the other three heads interleaved a character a line, their
        // numbers, and 总计's last.
        let heads = HEADS_A_CHARACTER_A_LINE;
        let closing = CLOSING;
        let apart = "尚\n未\n审\n结\n5\n\n总\n计\n\n复议后起诉\n结\n结\n其\n果\n果\n他\n维\n纠\n结\n持\n正\n果\n8\n0\n0\n\n13\n";
        let text = format!("{heads}{}{closing}{apart}", a_line_each(&[2, 4, 0, 0, 6, 0, 10, 0, 5, 15]));
        let r = litigation(&text);
        assert_eq!(counts(&r), [2, 4, 0, 0, 6, 0, 10, 0, 5, 15, 8, 0, 0, 5, 13], "{:?}", r.issues);
        // Heads that do not name each outcome once: the numbers as printed.
        let printed = text.replace("尚\n未\n审\n结\n5", "尚\n结\n5");
        assert_eq!(counts(&litigation(&printed))[10..], [5, 8, 0, 0, 13]);
        // Another table's numbers among them: each number after the heads naming it.
        let apart = "3\n\n2\n\n复议后起诉\n结\n结\n其\n果\n果\n他\n维\n纠\n结\n持\n正\n果\n1\n2\n0\n\n2\n\n59\n\n\
                     尚\n未\n审\n结\n4\n\n总\n计\n\n7\n";
        let text = format!("{heads}{}{closing}{apart}", a_line_each(&[2, 4, 0, 0, 6, 0, 10, 0, 5, 15]));
        assert_eq!(counts(&litigation(&text))[10..], [1, 2, 0, 4, 7]);
    }

    #[test]
    fn the_last_proceeding_under_its_own_heading_after_the_closing_sections_is_read_by_its_heads() {
        // Plain pdftotext of a Word table: the first two proceedings' ten
        // numbers under the heads; after the closing sections, 表三's last
        // columns, then 复议后起诉's heads a character a line, its numbers
        // after the heads naming them.
        let heads = HEADS_A_CHARACTER_A_LINE;
        let closing = CLOSING;
        let others = "0\n\n0\n\n0\n\n0\n\n0\n0\n0\n\n0\n17\n1\n\n";
        let last = |total: &str| {
            format!(
                "复议后起诉\n结\n结\n其\n果\n果\n他\n维\n纠\n结\n持\n正\n果\n1\n1\n0\n\n尚\n未\n审\n结\n0\n\n总\n计\n\n{total}"
            )
        };
        let text = |before: &str, total: &str| {
            format!("{heads}{}{closing}{others}{before}{}", a_line_each(&[0, 0, 0, 0, 0, 0, 0, 1, 0, 1]), last(total))
        };
        let r = litigation(&text("", "2\n"));
        assert_eq!(counts(&r), [0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 2], "{:?}", r.issues);
        // 表三's labels between the pieces (`(七)总计`) name no outcome.
        let labels = "(四)无\n法提供\n\n(五)不\n予处理\n\n(六)其\n他处理\n\n(七)总计\n\n";
        let r = litigation(&text(labels, "2\n"));
        assert_eq!(counts(&r)[10..], [1, 1, 0, 0, 2], "{:?}", r.issues);
        // Its total lost: never the loose zeros before its heading (表三's);
        // the first two proceedings read, it left out.
        let r = litigation(&text("", ""));
        assert_eq!(counts(&r), [0, 0, 0, 0, 0, 0, 0, 1, 0, 1], "{:?}", r.issues);
        assert!(r.litigation.iter().all(|f| f.proceeding != "litigation_after_reconsideration"));
        assert!(r.issues.iter().any(|i| i.code == "litigation_cells_missing"));
    }

    #[test]
    fn a_proceeding_s_total_printed_after_the_next_one_s_first_among_the_heads_pieces_is_put_back() {
        // Plain pdftotext of a Word table: the heads a character a line down
        // to their third, then each number after its head's last character,
        // 复议's 总计 after 诉讼's first; the last proceeding's after the closing
        // sections.
        let heads = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n未经复议直接起诉\n复议后起诉\n\
            结\n结\n其\n尚\n总\n结\n结\n其\n尚\n总\n结\n结\n其\n尚\n果\n果\n他\n未\n计\n果\n果\n他\n未\n计\n\
            果\n果\n他\n未\n维\n纠\n结\n审\n维\n纠\n结\n审\n维\n纠\n结\n审\n\n";
        let closing = CLOSING;
        let text = format!(
            "{heads}总\n计\n\n持\n8\n\n正\n0\n\n果\n0\n\n结\n0\n\n持\n0\n\n正\n果\n结\n持\n正\n8\n0\n0\n13 13 0\n0\n\
             {closing}果\n8\n\n结\n0\n\n8\n"
        );
        assert_eq!(counts(&litigation(&text)), [8, 0, 0, 0, 8, 0, 0, 0, 13, 13, 0, 0, 8, 0, 8]);
        // Where two exchanges make them add up and give other numbers (1 0 0 2 1 ¶ 3
        // as 1 0 0 1 2 or 1 0 0 2 3), or none does: not read.
        let first = "持\n8\n\n正\n0\n\n果\n0\n\n结\n0\n\n持\n0\n\n正\n果\n结\n持\n正\n8\n0\n0\n13 13 0\n";
        let two = "持\n0\n\n正\n0\n\n果\n0\n\n结\n3\n\n持\n3\n\n正\n果\n结\n持\n正\n1\n0\n0\n2 1 3\n";
        let none = "持\n8\n\n正\n0\n\n果\n0\n\n结\n0\n\n持\n0\n\n正\n果\n结\n持\n正\n7\n0\n0\n13 13 0\n";
        for (numbers, last) in [(two, "11"), (none, "8")] {
            let r = litigation(&text.replacen(first, numbers, 1).replacen("\n\n8\n", &format!("\n\n{last}\n"), 1));
            assert!(r.litigation.is_empty(), "{:?}", counts(&r));
        }
    }

    #[test]
    fn table_three_s_columns_and_labels_under_the_heading_are_passed_over_to_the_heads_last_line() {
        // Plain pdftotext of a Word table: under 表四's heading its heads down
        // to their third characters, then 表三's last columns (fifteen numbers,
        // three a line), 表三's later rows' labels a piece a line, the heads'
        // last characters, the first two proceedings; the last after the
        // closing sections, a number after each head.
        let labels: String = template::request_rows(Template::T2021)
            .iter()
            .skip(5)
            .flat_map(|r| r.label.chars().collect::<Vec<char>>().chunks(7).map(String::from_iter).collect::<Vec<_>>())
            .map(|piece| format!("{piece}\n"))
            .collect();
        let text = format!(
            "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n未经复议直接起诉\n\
             结\n结\n其\n尚\n总\n结\n结\n其\n尚\n果\n果\n他\n未\n计\n果\n果\n他\n未\n\n\
             0\n0\n0\n\n0\n0\n0\n\n0\n2\n0\n\n0\n0\n0\n\n0\n18\n1\n\n{labels}\n总\n计\n\n复议后起诉\n\
             维\n纠\n结\n审\n维\n纠\n结\n审\n持\n正\n果\n结\n持\n正\n果\n结\n\
             0\n1\n0\n0\n1\n2\n0\n0\n0\n2\n\
             五、存在的主要问题及改进情况\n加强公开。\n六、其他需要报告的事项\n无。\n\n\
             维\n持\n0\n\n纠\n正\n0\n\n结\n果\n3\n\n审\n结\n0\n\n3\n"
        );
        let r = litigation(&text);
        assert_eq!(counts(&r), [0, 1, 0, 0, 1, 2, 0, 0, 0, 2, 0, 0, 3, 0, 3], "{:?}", r.issues);
    }

    #[test]
    fn table_three_s_last_rows_cells_printed_under_the_heading_are_not_its_cells() {
        // Plain pdftotext of a Word table: 表四's heads a character a line, then
        // 表三's last two rows' labels and their last cells, then 表四's.
        let cells = [2, 1, 0, 0, 3, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1];
        let numbers: String = cells.iter().map(|v| format!("{v}\n\n")).collect();
        let text = format!(
            "四、政府信息公开行政复议、行政诉讼情况\n行政诉讼\n未经复议直接起诉\n复议后起诉\n\
             总\n结\n结\n其\n尚\n计\n果\n果\n他\n未\n维\n纠\n结\n审\n持\n正\n果\n结\n\n\
             (七)总计\n四、结转下年度继续办理\n行政复议\n\n0\n\n0\n6\n0\n\n总\n计\n\n{numbers}五、存在的主要问题及改进情况\n"
        );
        let r = litigation(&text);
        assert_eq!(counts(&r), cells, "{:?}", r.issues);
    }

    #[test]
    fn a_table_without_its_heads_and_its_last_cells_apart_is_read_where_the_proceedings_names_tell_its_start() {
        // Under the section's heading and the proceedings' names, ten numbers a
        // line each; the last proceeding's after the closing sections.
        let lines = |values: &[i64]| values.iter().map(|v| format!("{v}\n\n")).collect::<String>();
        let closing = "五、存在的主要问题及改进情况\n加强公开。\n六、其他需要报告的事项\n无。\n某市某局\n\n";
        let table = |names: &str, printed: &[i64], apart: &[i64]| {
            let (printed, apart) = (lines(printed), lines(apart));
            litigation(&format!("四、政府信息公开行政复议、行政诉讼情况\n{names}{printed}{closing}{apart}"))
        };
        let r = table("行政复议\n行政诉讼\n", &[1, 1, 0, 0, 2, 0, 1, 0, 1, 2], &[2, 0, 1, 0, 3]);
        let counts = |r: &Report| r.litigation.iter().map(|f| f.count).collect::<Vec<i64>>();
        assert_eq!(counts(&r), [1, 1, 0, 0, 2, 0, 1, 0, 1, 2, 2, 0, 1, 0, 3]);
        // With nothing but the heading above them, the loose numbers may be the
        // first columns as well (a heading centred over the table has its middle
        // columns printed with it), which adds up too, and differs: not read.
        let r = table("", &[1, 1, 0, 0, 2, 0, 1, 0, 1, 2], &[2, 0, 1, 0, 3]);
        assert!(r.litigation.is_empty() && r.has_issue("litigation_cells_missing"), "{:?}", counts(&r));
        // (The same numbers either way: read.)
        let r = table("", &[1, 1, 0, 0, 2, 1, 1, 0, 0, 2], &[1, 1, 0, 0, 2]);
        assert_eq!(counts(&r), [1, 1, 0, 0, 2, 1, 1, 0, 0, 2, 1, 1, 0, 0, 2]);
    }

    #[test]
    fn numbers_before_the_outcomes_heads_that_leave_the_table_short_are_another_table_s() {
        // A web page's 表三 cells printed under 表四's heading, before its
        // heads; 表四's first proceedings after them, the last after the
        // closing sections.
        let lines = |values: &[i64]| values.iter().map(|v| format!("{v}\n\n")).collect::<String>();
        let text = format!(
            "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n未经复议直接起诉\n复议后起诉\n6\n\n1\n\n\
             结果 结果 其他 尚未\n总计\n维持 纠正 结果 审结\n{}五、存在的主要问题及改进情况\n加强公开。\n\
             六、其他需要报告的事项\n无。\n某市某局\n\n{}",
            lines(&[0, 0, 0, 1, 1, 0, 0, 0, 0, 0]),
            lines(&[0, 1, 0, 0, 1])
        );
        let counts: Vec<i64> = litigation(&text).litigation.iter().map(|f| f.count).collect();
        assert_eq!(counts, [0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1]);
    }

    #[test]
    fn numbers_before_the_outcomes_heads_beside_the_whole_table_are_another_table_s() {
        // The whole table after its heads, 表三's last cells before them: the
        // fifteen after the heads add up by proceeding, the first fifteen do not.
        let lines = |values: &[i64]| values.iter().map(|v| format!("{v}\n\n")).collect::<String>();
        let text = format!(
            "四、政府信息公开行政复议、行政诉讼情况\n\n{}行政复议\n\n行政诉讼\n未经复议直接起诉\n\n复议后起诉\n\n\
             结果 结果 其他 尚未\n总计\n维持 纠正 结果 审结\n{}五、存在的主要问题及改进情况\n加强公开。\n",
            lines(&[3, 73, 8, 8]),
            lines(&[3, 0, 10, 0, 13, 5, 0, 0, 0, 5, 0, 0, 0, 7, 7])
        );
        let counts: Vec<i64> = litigation(&text).litigation.iter().map(|f| f.count).collect();
        assert_eq!(counts, [3, 0, 10, 0, 13, 5, 0, 0, 0, 5, 0, 0, 0, 7, 7]);
    }

    #[test]
    fn loose_numbers_read_as_another_table_s_cells_are_not_its_own() {
        // 表三's last columns printed apart before 表四's last proceeding: both
        // blocks add up as the proceeding; the first, read as 表三's, is not 表四's.
        let text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼\n未经复议直接起诉\n复议后起诉\n\
            结果 结果 其他 尚未 总计 结果 结果 其他 尚未 总计 结果 结果 其他 尚未 总计\n维持 纠正 结果 审结\n\n\
            0\n4\n0\n4\n8\n0\n0\n3\n4\n7\n\n五、存在的主要问题及改进情况\n加强公开。\n六、其他需要报告的事项\n无。\n\n\
            1\n\n1\n\n4\n\n0\n\n6\n\n2\n\n0\n\n0\n\n0\n\n2\n";
        let (_, rs) = rows(text);
        let mut r = Report::default();
        let apart = text.find("1\n\n1\n\n4").unwrap_or_default();
        for (k, offset) in (apart..).step_by(3).take(5).enumerate() {
            r.requests.push(RequestFact { row: "carried_forward", applicant: "total", count: k as i64, offset });
        }
        read_litigation(text, &rs, 0, &mut r);
        assert_eq!(counts(&r), [0, 4, 0, 4, 8, 0, 0, 3, 4, 7, 2, 0, 0, 0, 2]);
    }

    #[test]
    fn numbers_under_the_heading_that_are_not_the_table_are_flagged() {
        let heading = "四、政府信息公开行政复议、行政诉讼情况\n";
        let end = "五、存在的主要问题及改进情况\n政务公开有待加强。\n";
        // The heads dropped and six numbers of fifteen: no table found, its numbers there.
        let r = litigation(&format!("{heading}行政复议\n行政诉讼\n0\n0\n0\n0\n0\n0\n{end}"));
        assert!(r.litigation.is_empty() && r.has_issue("litigation_cells_missing"));
        // Prose under the heading, or nothing: no table to miss.
        let r = litigation(&format!("{heading}本年度本机关未发生因政府信息公开引起的行政复议、行政诉讼案件，相关数量均为 0 件。\n{end}"));
        assert!(r.issues.is_empty(), "{:?}", r.issues);
        assert!(litigation(&format!("{heading}{end}")).issues.is_empty());
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
    fn litigation_heads_a_character_a_line_down_each_head() {
        // `pdftotext -raw` of a Word table's narrow heads: each head down its
        // column a character a line, three a head, their last characters on a line.
        let heads = ["结果维", "结果纠", "其他结", "尚未审", "总计"];
        let down: String = heads.iter().flat_map(|h| h.chars()).map(|c| format!("{c}\n")).collect();
        let text = format!(
            "四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n未经复议直接起诉 复议后起诉\n{}持 正 果 结 持 正 果 结 持 正 果 结\n\
             1 0 0 0 1 0 0 0 2 2 0 0 0 0 0\n五、存在的主要问题及改进情况\n",
            down.repeat(3)
        );
        let r = litigation(&text);
        assert_eq!(r.litigation.len(), 15, "{:?}", r.issues);
        assert_eq!(r.litigation[4].count, 1);
        assert_eq!(r.litigation[8].count, 2);
    }
}
