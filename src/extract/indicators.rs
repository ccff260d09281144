//! The statistics table of a pre-2019 report (政府信息公开情况统计表): one row an
//! indicator, its unit and its count (`（一）收到申请数 | 件 | 12`), as many reports
//! on 2008-2018 print it after their prose, in the national form of 2014-2018 or a
//! province's own.
//!
//! Rows are those of any layout `cells` reads; an indicator is known by the
//! words of its label, in whatever order a province lists them, and its count is
//! the first cell after the label (a second column is the years' running total).
//! The outcomes listed under 行政复议数量 or 行政诉讼数量 (`（一）维持具体行政行为数`)
//! belong to the proceeding above them.
//!
//! A small table printed across, heads over a row of numbers (`申请总数 | 当面申请 |
//! 同意公开` / `5 | 1 | 3`), is read too: each head names its column's count, in
//! an indicator's words or the prose's.

use super::cells::{blank_between, Cell, CellUnit, Kind, Row, Value};
use super::numerals;
use crate::report::{DisclosureFact, LitigationFact, Report, RequestFact};

/// What an indicator counts.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Indicator {
    Request(&'static str),
    Proceeding(&'static str),
    Outcome(&'static str),
    Proactive,
    Fees,
}

/// The words that name each indicator. Where the words of one are inside
/// another's (`同意公开答复数` in `不同意公开答复数`), the longest found wins.
const INDICATORS: &[(&str, Indicator)] = &[
    ("收到申请数", Indicator::Request("new_received")),
    ("申请总数", Indicator::Request("new_received")),
    ("受理依申请公开信息总数", Indicator::Request("new_received")),
    ("受理申请总数", Indicator::Request("new_received")),
    ("当面申请数", Indicator::Request("channel_in_person")),
    ("传真申请数", Indicator::Request("channel_fax")),
    ("网络申请数", Indicator::Request("channel_online")),
    ("网上申请数", Indicator::Request("channel_online")),
    ("电子邮件申请数", Indicator::Request("channel_email")),
    ("信函申请数", Indicator::Request("channel_letter")),
    ("其他形式申请数", Indicator::Request("channel_other")),
    ("其它形式申请数", Indicator::Request("channel_other")),
    ("申请答复数", Indicator::Request("answered")),
    ("答复总数", Indicator::Request("answered")),
    ("同意公开答复数", Indicator::Request("granted")),
    ("同意部分公开答复数", Indicator::Request("partially_granted")),
    ("部分公开答复数", Indicator::Request("partially_granted")),
    ("不同意公开答复数", Indicator::Request("denied")),
    ("否决公开答复总数", Indicator::Request("denied")),
    ("不予公开答复数", Indicator::Request("denied")),
    ("不属于本行政机关公开数", Indicator::Request("unable_not_held")),
    ("非本部门掌握", Indicator::Request("unable_not_held")),
    ("非本机关掌握", Indicator::Request("unable_not_held")),
    ("申请信息不存在数", Indicator::Request("unable_not_exist")),
    ("信息不存在", Indicator::Request("unable_not_exist")),
    ("申请内容不明确", Indicator::Request("unable_unclear")),
    ("不是《条例》所指政府信息", Indicator::Request("not_gov_info")),
    ("非《条例》所指政府信息", Indicator::Request("not_gov_info")),
    ("非《规定》所指政府信息", Indicator::Request("not_gov_info")),
    ("行政复议数量", Indicator::Proceeding("reconsideration")),
    ("行政复议数", Indicator::Proceeding("reconsideration")),
    ("行政诉讼数量", Indicator::Proceeding("litigation")),
    ("行政诉讼数", Indicator::Proceeding("litigation")),
    ("行政申诉数", Indicator::Proceeding("complaint")),
    ("维持具体行政行为", Indicator::Outcome("upheld")),
    ("被依法纠错数", Indicator::Outcome("corrected")),
    ("其他情形数", Indicator::Outcome("other")),
    ("主动公开政府信息数", Indicator::Proactive),
    ("主动公开信息数", Indicator::Proactive),
    ("依申请公开信息收取的费用", Indicator::Fees),
    ("收取的费用", Indicator::Fees),
    ("收费金额", Indicator::Fees),
];

/// Words of a label about a part of an indicator, not the indicator itself
/// (`其中：全文电子化的主动公开信息数`).
const NOT_INDICATORS: &[&str] = &["全文电子化", "电子化率", "累计"];

/// Words a text holds where it prints the table: two of them make it worth
/// reading the text's rows.
pub const CUES: &[&str] = &["申请数", "答复数", "统计表", "计量单位", "行政复议数", "信息数"];

/// Words of the heads of a table printed across: two of them make it worth
/// reading the text's rows.
pub const ACROSS_CUES: &[&str] = &["申请总数", "当面申请", "网上申请", "网络申请", "信函申请", "同意公开", "部分公开", "不予公开"];

/// Whether a text has a line of three numbers or more and nothing else (cells'
/// borders and blanks aside): the row of a table printed across. Most lines
/// start with a character that ends the look.
pub fn has_row_of_numbers(text: &str) -> bool {
    text.split('\n').any(|line| {
        let t = line.trim_start_matches([' ', '|', '\t']);
        t.starts_with(|c: char| c.is_ascii_digit())
            && t.bytes().all(|b| b.is_ascii_digit() || matches!(b, b' ' | b'|' | b'\t' | b'.' | b','))
            && t.split([' ', '|', '\t']).filter(|n| !n.is_empty()).count() >= MIN_ROWS
    })
}

/// The fewest indicator rows with a cell that make a table.
const MIN_ROWS: usize = 3;

/// The fewest rows, and the highest number, of a 序号 column read as the counts:
/// a form numbers its rows up to about 30; its counts go up row by row in no
/// table of four rows or more (a channel's requests are fewer than all of
/// them, a proceeding's cases than the requests).
const SERIAL_ROWS: usize = 4;
const MAX_SERIAL: f64 = 30.0;

/// The words of `INDICATORS` then `NOT_INDICATORS`, found in one pass over a label.
static WORDS: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    let words = INDICATORS.iter().map(|w| w.0).chain(NOT_INDICATORS.iter().copied());
    aho_corasick::AhoCorasick::new(words).expect("the indicator words make an automaton")
});

/// The indicator a label names, if any: the longest of the words it holds (the
/// later listed of two as long), none if it holds a word of a part.
fn indicator(label: &str) -> Option<Indicator> {
    let mut best: Option<(usize, usize)> = None; // (length, index)
    for m in WORDS.find_overlapping_iter(label) {
        let k = m.pattern().as_usize();
        if k >= INDICATORS.len() {
            return None;
        }
        let key = (m.len(), k);
        best = best.max(Some(key));
    }
    best.map(|(_, k)| INDICATORS[k].1)
}

/// An indicator's row as printed: the count's cell, and whether the unit is 万元
/// and the row's cells delimited (an empty cell then a zero).
struct Line<'r> {
    what: Indicator,
    cell: &'r Cell,
    wan: bool,
    delimited: bool,
}

/// How many indicators' rows are looked above for the table's header (the
/// first may be a sentence of the prose, its figure set on a line apart).
const HEADER_TRIES: usize = 8;

/// Words of a statistics table's header.
const HEADER_WORDS: &[&str] = &["指标", "单位", "代码", "累计", "年度", "本期", "统计数", "数量"];

/// The labels without numbers above row `k` (up to [`HEADER_ROWS`]), below the
/// heading above it, joined in order.
fn header_above(rows: &[Row], k: usize) -> String {
    let above: Vec<&str> = rows[..k]
        .iter()
        .rev()
        // A heading's numeral and its words may be parted by a blank: read as printed.
        .take_while(|r| {
            let spaced = r.labels.len() > 1 || r.labels.first().is_some_and(|f| f.text.trim().contains(' '));
            let heading = super::prose::is_heading(r.label()) || (spaced && super::prose::is_heading(&r.spaced_label()));
            // (A sentence ends the header too: a heading numbered as no other, `7、附表`, stops nothing.)
            !heading && r.kind != Kind::Prose
        })
        .filter(|r| r.kind == Kind::Table && r.cells.is_empty())
        .take(HEADER_ROWS)
        .map(|r| r.label())
        .collect();
    above.into_iter().rev().collect()
}

/// The most rows a statistics table's header takes, a cell a line.
const HEADER_ROWS: usize = 12;

/// Units printed in a cell of their own.
const UNITS: &[&str] = &["条", "件", "个", "项", "人次", "次", "万元", "元"];

/// The rows of `rows` that give an indicator its count. A label printed on a
/// line of its own, as raw `pdftotext` prints each cell, takes the unit and the
/// numbers on the lines below it.
fn lines<'r>(text: &str, rows: &'r [Row]) -> Vec<Line<'r>> {
    // (Plain `pdftotext`: a form's columns after its labels.)
    if let Some(lines) = gathered_after(text, rows) {
        return lines;
    }
    // A form with a column of row codes (`代码`, `01`, `02`…) before the counts,
    // or the running total's column before the year's (`历年累计 | 2012年度`).
    // The header: the last labels without numbers above an indicator's row (one
    // line, or a cell a line), below the heading that names the table (the prose
    // above it, its figures set on lines apart, is no header); the first such
    // that reads as a header.
    let header = rows
        .iter()
        .enumerate()
        .filter(|&(k, r)| {
            let named = || indicator(r.label()).is_some() || (!r.cells.is_empty() && wrapped(rows, k).is_some());
            r.kind == Kind::Table && !heads(r) && named()
        })
        .take(HEADER_TRIES)
        .map(|(k, _)| header_above(rows, k))
        .find(|h| HEADER_WORDS.iter().any(|w| h.contains(w)))
        .unwrap_or_default();
    let skip = columns_before(&header);
    if header.contains("序号") {
        if let Some(lines) = counts_apart(text, rows, true) {
            return lines;
        }
    }
    // Plain `pdftotext` prints some tables' numbers before their labels. (The
    // numbers counting up before each count are the 代码 column where the header
    // names one and no 序号: counted once.)
    let numbers_first = numbers_first(rows);
    let codes_counted = header.contains("代码") && !header.contains("序号");
    let skip_above = skip + numbers_first.filter(|_| !codes_counted).unwrap_or(0);
    let mut out = Vec::new();
    for (k, row) in rows.iter().enumerate() {
        if row.kind != Kind::Table || heads(row) {
            continue;
        }
        // (A label wrapped in its cell only where the line holds the count.)
        // (Or past the numbers below, where the line holds none.)
        let wrapped = || {
            if row.cells.is_empty() && numbers_first.is_none() {
                past_numbers(rows, k).map(|(what, _)| what)
            } else {
                wrapped(rows, k)
            }
        };
        let Some(what) = indicator(row.label()).or_else(wrapped) else { continue };
        let mut wan = row.label().contains("万元");
        let cell = count_cell(row, skip).or_else(|| {
            // The cells on the lines below, up to the next label (a unit is no
            // label), or above, up to the last.
            let mut near: Vec<&Cell> = Vec::new();
            if numbers_first.is_some() {
                let above = rows[..k].iter().rev().take(8).take_while(|r| r.is_numbers_alone());
                let mut above: Vec<&Row> = above.collect();
                above.reverse();
                near.extend(above.iter().flat_map(|r| &r.cells));
                return near.get(skip_above).copied();
            }
            for r in rows[k + 1..].iter().take(8) {
                match r.label() {
                    "" => near.extend(&r.cells),
                    l if UNITS.contains(&l) && r.cells.is_empty() && near.is_empty() => wan |= l == "万元",
                    _ => break,
                }
            }
            near.get(skip).copied()
        });
        if let Some(cell) = cell {
            out.push(Line { what, cell, wan: wan || cell.value.is_some_and(|v| v.unit == Some(CellUnit::WanYuan)), delimited: row.delimited });
        }
    }
    // (A form with no 序号 whose counts no line of label holds: printed apart.)
    if out.len() < MIN_ROWS && !header.contains("序号") {
        if let Some(lines) = counts_apart(text, rows, false) {
            return lines;
        }
    }
    out
}

/// How many numbers a form's header puts before each row's count: a column
/// of row codes (`代码`), the running total's column before the year's
/// (`历年累计 | 2012年度`).
fn columns_before(header: &str) -> usize {
    let year = ["本年", "年度", "本期"].iter().filter_map(|w| header.rfind(w)).max();
    let total_first = header.rfind("累计").zip(year).is_some_and(|(total, year)| total < year);
    usize::from(header.contains("代码")) + usize::from(total_first)
}

/// The most pieces a label wrapped in a narrow column is printed in.
const MAX_PIECES: usize = 3;

/// The most lines between a form's labels and its columns printed after them
/// (a signature set beside the table: `太原市阳曲县高村乡` / `2012 年 3 月 19 日`).
const MAX_BETWEEN: usize = 3;

/// The most columns of numbers a statistics table has (a code, the year's
/// count, the running total).
const MAX_COLUMNS: usize = 4;

/// The most indicators' rows a form lists (the national form about 30): the
/// ways of cutting its runs grow with the square of its rows.
const MAX_FORM_ROWS: usize = 40;

/// An indicator's row of a form whose columns are printed after its labels
/// (see [`gathered_after`]): the numbers right above its first line, if any,
/// and whether its unit is 万元.
struct Named<'r, 'a> {
    what: Indicator,
    above: Option<&'r Row<'a>>,
    wan: bool,
}

/// A form (its header names a unit column) whose label column plain
/// `pdftotext` printed whole, its other columns after it a run of rows at a
/// time: each run's numbers column by column (`04` `05` `06` `07` `0` `1` `1`
/// `2` `0` `1` `1` `2`: codes, the year's counts, the running totals), the
/// runs on one line or on lines of their own, each after its units (`条` ×4);
/// the rows before the labels' last run keep their numbers right above their
/// labels (`01` `76` `76` / `主动公开信息` / `条` / `数`); or, the code column
/// printed with the labels, each later row's code right above its label
/// (`02` / `受理依申请公` / `条` / `开信息总数`), the other columns after. Read
/// where every line of label up to the numbers makes one indicator's row with
/// the lines after it and the numbers after are as many as those rows' cells;
/// where a line of numbers holds several runs, a row's count is read where
/// every way of cutting the line into runs gives it the same (with the codes
/// going up row by row, the running total no smaller than the year's count),
/// of the ways that print each run's columns a block apart (blank lines
/// around each, as plain `pdftotext` does) where one holds.
fn gathered_after<'r, 'a>(text: &str, rows: &'r [Row<'a>]) -> Option<Vec<Line<'r>>> {
    let head = |r: &Row| {
        r.kind == Kind::Table && r.cells.is_empty() && HEADER_WORDS.iter().any(|w| r.label().contains(w))
    };
    let unit = rows.iter().position(|r| r.cells.is_empty() && r.label().contains("单位") && head(r))?;
    let first = unit - rows[..unit].iter().rev().take_while(|r| head(r)).count();
    let labels = unit + rows[unit..].iter().take_while(|r| head(r)).count();
    let header: String = rows[first..labels].iter().map(|r| r.label()).collect();
    if header.contains("序号") {
        return None;
    }
    let (named, after) = named_rows(rows, labels);
    if !(MIN_ROWS..=MAX_FORM_ROWS).contains(&named.len()) {
        return None;
    }
    // As many numbers a row as the first row's, else as the header's columns (a code, the year's, a running total).
    let named_columns = [&["代码"][..], &["年度", "本期"], &["累计"]];
    let width = named_columns.iter().filter(|words| words.iter().any(|w| header.contains(w))).count();
    let width = named[0].above.map_or(width, |r| r.cells.len());
    let columns = Columns::of(&header, width)?;
    // The rows with their numbers above come first; the others' are after the labels.
    let leading = named.iter().take_while(|n| n.above.is_some_and(|r| r.cells.len() == width)).count();
    let later = &named[leading..];
    let value = |c: &Cell| c.value.map(|v| v.number);
    // (The codes go on from the first rows'.)
    let codes_from = match named[..leading].last().and_then(|n| value(n.above?.cells.first()?)) {
        Some(last) if columns.code => Some(last + 1.0),
        _ => None,
    };
    // The later rows' codes each above its label, the code column printed with
    // the labels (`02` / `受理依申请公` / `条` / `开信息总数`): the numbers after the
    // labels are the other columns'.
    let base = codes_from.or_else(|| value(later.first()?.above?.cells.first()?));
    let code_above = |(t, n): (usize, &Named)| match (n.above.map(|r| r.cells.as_slice()), base) {
        (Some([code]), Some(base)) => value(code) == Some(base + t as f64),
        _ => false,
    };
    let coded = columns.code && later.iter().enumerate().all(code_above);
    if later.is_empty() || (!coded && later.iter().any(|n| n.above.is_some())) {
        return None;
    }
    let (width, after_columns, codes_from) = if coded {
        let total = columns.total.map(|t| t - 1);
        (width - 1, Columns { code: false, count: columns.count - 1, total }, None)
    } else {
        (width, columns, codes_from)
    };
    let runs = runs_after(rows, after, width, later.len())?;
    let first = |n: &Named<'r, 'a>| {
        let cell = n.above?.cells.get(columns.count)?;
        Some(Line { what: n.what, cell, wan: n.wan, delimited: false })
    };
    let mut out: Vec<Line> = named[..leading].iter().filter_map(first).collect();
    // (The cuttings each of whose runs' columns plain `pdftotext` printed a
    // block apart, blank lines around it, where one holds; else any.)
    let blocks = |l: usize, from: usize, to: usize| printed_apart(text, runs[l].cells, from, to);
    let cut = |blocks: &dyn Fn(usize, usize, usize) -> bool| cut(&runs, width, &after_columns, codes_from, blocks);
    let cells = cut(&blocks).or_else(|| cut(&|_, _, _| true))?;
    for ((n, cell), unit) in later.iter().zip(cells).zip(runs.iter().flat_map(|r| r.units.iter())) {
        let wan = n.wan || unit.is_some_and(|u| u.label() == "万元");
        if let Some(cell) = cell {
            out.push(Line { what: n.what, cell, wan, delimited: false });
        }
    }
    Some(out)
}

/// The rows named by the lines of label from `from` on, up to the first line
/// of numbers amid a label or after numbers, and the line after the last
/// named row's label. A line of numbers before a label is that row's; a
/// unit's line belongs to the label it is printed among, or after.
fn named_rows<'r, 'a>(rows: &'r [Row<'a>], from: usize) -> (Vec<Named<'r, 'a>>, usize) {
    let mut named: Vec<Named> = Vec::new();
    let (mut label, mut pieces, mut wan) = (String::new(), 0, false);
    let mut above: Option<&Row> = None;
    let mut after = from;
    for (k, r) in rows.iter().enumerate().skip(from) {
        if r.kind != Kind::Table || (!r.cells.is_empty() && !r.labels.is_empty()) {
            break;
        }
        if r.is_numbers_alone() {
            if pieces > 0 || above.is_some() {
                break;
            }
            above = Some(r);
        } else if unit_alone(r) {
            match named.last_mut() {
                Some(last) if pieces == 0 && above.is_none() => last.wan |= r.label() == "万元",
                _ => wan |= r.label() == "万元",
            }
        } else {
            label.push_str(r.label());
            pieces += 1;
            if let Some(what) = indicator(&label) {
                named.push(Named { what, above: above.take(), wan });
                (pieces, wan) = (0, false);
                label.clear();
                after = k + 1;
            } else if pieces == MAX_PIECES {
                break;
            }
        }
    }
    (named, after)
}

/// Which of a form's columns of numbers (`width` of them) hold the codes, the
/// count, the running total.
#[derive(Clone, Copy)]
struct Columns {
    code: bool,
    count: usize,
    total: Option<usize>,
}

impl Columns {
    fn of(header: &str, width: usize) -> Option<Columns> {
        let (code, count) = (header.contains("代码"), columns_before(header));
        let before = usize::from(code);
        // (The running total beside the count, before it or after.)
        let total = if count > before { before } else { count + 1 };
        let total = (header.contains("累计") && width == before + 2).then_some(total);
        (count < width && width <= MAX_COLUMNS).then_some(Columns { code, count, total })
    }
}

/// A line of numbers after a form's labels, its rows' numbers: with the unit
/// of each row where the units' lines right above it are as many as its rows.
struct Run<'r, 'a> {
    cells: &'r [Cell],
    units: Vec<Option<&'r Row<'a>>>,
}

/// The lines of numbers from row `from` on, `width` numbers to each of
/// `wanted` rows, past a signature's lines and the units' lines above each.
fn runs_after<'r, 'a>(rows: &'r [Row<'a>], from: usize, width: usize, wanted: usize) -> Option<Vec<Run<'r, 'a>>> {
    let mut runs: Vec<Run> = Vec::new();
    let (mut units, mut between, mut got) = (Vec::new(), 0, 0);
    for r in &rows[from..] {
        if got >= wanted {
            break;
        }
        if unit_alone(r) {
            units.push(r);
        } else if r.is_numbers_alone() && r.cells.len() % width == 0 {
            let n = r.cells.len() / width;
            let units = if units.len() == n { units.drain(..).map(Some).collect() } else { vec![None; n] };
            runs.push(Run { cells: &r.cells, units });
            got += n;
        } else if runs.is_empty() && between < MAX_BETWEEN && !r.is_numbers_alone() {
            between += 1;
            units.clear();
        } else {
            return None;
        }
    }
    (got == wanted).then_some(runs)
}

/// Whether `cells[from..to]` of a line of numbers were printed a block apart:
/// a blank line before the first (or the first the line's), none between
/// them, and one after the last (or the last the line's). Where the line has
/// no blank line among its cells, any part of it.
fn printed_apart(text: &str, cells: &[Cell], from: usize, to: usize) -> bool {
    let blank = |k: usize| match (k.checked_sub(1).and_then(|k| cells.get(k)), cells.get(k)) {
        (Some(a), Some(b)) => blank_between(text, a.offset, b.offset),
        _ => true,
    };
    if !(1..cells.len()).any(blank) {
        return true;
    }
    blank(from) && blank(to) && !(from + 1..to).any(blank)
}

/// Each row's count among the lines of numbers `runs` (`width` a row), where
/// every way of cutting the lines into runs agrees on it: a run of k rows
/// prints its rows' first column, then their second…; with codes, each row's
/// code is one more than the row's before (`codes_from` the first's, else the
/// first number), a running total is no smaller than its count, and
/// `blocks(line, from, to)` allows each column's cells (a line's `from..to`).
/// None where no way of cutting them holds.
fn cut<'r>(
    runs: &[Run<'r, '_>],
    width: usize,
    columns: &Columns,
    codes_from: Option<f64>,
    blocks: &dyn Fn(usize, usize, usize) -> bool,
) -> Option<Vec<Option<&'r Cell>>> {
    let value = |c: &Cell| c.value.map(|v| v.number);
    let base = match columns.code {
        true => codes_from.or_else(|| value(runs.first()?.cells.first()?))?,
        false => 0.0,
    };
    // Each row's line and its place on the line.
    let placed: Vec<(usize, usize)> =
        runs.iter().enumerate().flat_map(|(l, r)| (0..r.units.len()).map(move |j| (l, j))).collect();
    let m = placed.len();
    // The cell of column `c` of the run's `t`th row, the run starting at row `i`, `k` rows.
    let at = |i: usize, k: usize, c: usize, t: usize| {
        let (l, j) = placed[i];
        &runs[l].cells[j * width + c * k + t]
    };
    let holds = |i: usize, k: usize| {
        let (l, j) = placed[i];
        j + k <= runs[l].units.len()
            && (0..width).all(|c| blocks(l, j * width + c * k, j * width + (c + 1) * k))
            && (0..k).all(|t| {
                let code = !columns.code || value(at(i, k, 0, t)) == Some(base + (i + t) as f64);
                let total = columns.total.is_none_or(|c| {
                    let (total, count) = (value(at(i, k, c, t)), value(at(i, k, columns.count, t)));
                    total.zip(count).is_none_or(|(total, count)| total >= count)
                });
                code && total
            })
    };
    let mut reached = vec![false; m + 1];
    reached[0] = true;
    let mut ends = vec![false; m + 1];
    ends[m] = true;
    for i in 0..m {
        if reached[i] {
            for k in (1..=m - i).filter(|&k| holds(i, k)) {
                reached[i + k] = true;
            }
        }
    }
    for i in (0..m).rev() {
        ends[i] = (1..=m - i).any(|k| ends[i + k] && holds(i, k));
    }
    if !ends[0] {
        return None;
    }
    // Each row's count on every cutting that holds; a row read two ways is not read.
    let mut counts: Vec<Option<&Cell>> = vec![None; m];
    let mut twice = vec![false; m];
    for i in (0..m).filter(|&i| reached[i]) {
        for k in (1..=m - i).filter(|&k| ends[i + k] && holds(i, k)) {
            for t in 0..k {
                let cell = at(i, k, columns.count, t);
                match counts[i + t] {
                    Some(seen) if value(seen) != value(cell) => twice[i + t] = true,
                    Some(_) => {}
                    None => counts[i + t] = Some(cell),
                }
            }
        }
    }
    Some(counts.into_iter().zip(twice).map(|(c, twice)| c.filter(|_| !twice)).collect())
}

/// The most layout rows a table printed a cell a line runs to.
const MAX_TABLE_ROWS: usize = 160;

/// A form printed a cell a line (plain `pdftotext` of a Word table), its counts
/// apart from their labels. With a 序号 column (`serials`), the serial numbers
/// and the counts in no fixed order around the labels (`8` / `2.同意公开答复数 件`
/// / `4` / `9` / `3.同意部分公开答复 件` / `0`): the numbers from the header on that
/// count 1, 2, 3… are the serials, one an indicator's row (a number alone
/// between two lines of label, the row's own, its serial where it is the
/// row's place: the serials may be printed a run of rows at a time, out of
/// order, `1` … `5` / `四、行政复议数量` / `6` … / `2` / `3` / `4`); the others,
/// as many, are the rows' counts in order. Without one, the numbers are the
/// counts. Where the others are more (the last cells of a table printed across
/// above, set among the labels), the counts column printed whole after the
/// last line of label, where it holds as many; or the numbers of the line
/// right after the counts column's head (`统计数`, printed after the labels),
/// where they are as many. The signature set beside the form (its date alone,
/// or a line with its date on the next), between its labels and its units and
/// counts or between a label's pieces, is passed over.
/// Only where the serials number every indicator's row and the counts are as many.
fn counts_apart<'r>(text: &str, rows: &'r [Row], serials: bool) -> Option<Vec<Line<'r>>> {
    let header = |r: &Row| {
        let words = if serials { r.label() == "序号" } else { r.label().contains("指标") };
        r.kind == Kind::Table && r.cells.is_empty() && words
    };
    let start = rows.iter().position(header)?;
    let mut named: Vec<Indicator> = Vec::new();
    let mut numbers: Vec<&Cell> = Vec::new();
    let mut wan = false;
    // The line of label a row's label took with it; the last line of label that named no row.
    let mut joined: Option<usize> = None;
    let mut unnamed: Option<&str> = None;
    // How many numbers stood above the last line of label.
    let mut above_last = 0;
    // The numbers that are their rows' serials by where they stand, and how
    // many numbers stood above the last row named.
    let mut placed: Vec<usize> = Vec::new();
    let mut above_named = 0;
    // Whether the counts column's head was printed, and the numbers on the line after it.
    let (mut headed, mut under_head): (bool, Option<&[Cell]>) = (false, None);
    let signed = |k: usize| rows.get(k + 1).is_some_and(|r| !r.cells.is_empty() && date_alone(r.label()));
    // (A line's numbers up to a blank line: plain `pdftotext` ends a column's run so.)
    let block = |cells: &'r [Cell]| {
        let run = 1 + cells.windows(2).take_while(|w| !blank_between(text, w[0].offset, w[1].offset)).count();
        &cells[..cells.len().min(run)]
    };
    for (k, r) in rows.iter().enumerate().skip(start + 1).take(MAX_TABLE_ROWS) {
        if r.kind != Kind::Table {
            break;
        }
        if r.is_numbers_alone() {
            numbers.extend(&r.cells);
            if headed && under_head.is_none() {
                under_head = Some(block(&r.cells));
            }
            continue;
        }
        if !r.cells.is_empty() {
            // A row with its numbers on its line: not printed so; or, after
            // the rows, past the table. (A signature set beside the form may
            // part the labels from the units and counts: its date passed over.)
            if date_alone(r.label()) {
                continue;
            }
            if named.is_empty() {
                return None;
            }
            break;
        }
        // (The fees' unit: a form's one count of money, in 万元 where a line of it says so.)
        wan |= r.label().contains("万元");
        if joined == Some(k) {
            (above_last, above_named) = (numbers.len(), numbers.len());
            continue;
        }
        if unit_alone(r) {
            above_last = numbers.len();
            continue;
        }
        let own = indicator(r.label());
        if own.is_none() && r.label().contains("统计数") {
            (headed, under_head, above_last) = (true, None, numbers.len());
            continue;
        }
        // (The signature's line before its date.)
        if own.is_none() && signed(k) {
            continue;
        }
        // A label wrapped over two lines names its row on the first, or with the
        // second (the next line of label, past numbers: `(一)主动公开政府 条` /
        // `1` / `43` / `信息数`) where that names none itself.
        // Or with the next line of label right below it, or below the unit's cell
        // (`5.不属于本行政机` / `关公开数`: the rows' numbers printed after the labels;
        // `(一)主动公开政府 条` / `信息数`: the unit's cell run into the first).
        // Or with the last line of label that named no row (past the serials
        // and the signature: `(一)主动公开政` / `条` / `2` … `7` / `某某镇` /
        // `2016 年 2 月 11 日` / `府信息数`).
        let what = own
            .or_else(|| {
                let (what, n) = past_numbers(rows, k)?;
                joined = Some(n);
                Some(what)
            })
            .or_else(|| {
                let n = k + 1 + usize::from(rows.get(k + 1).is_some_and(unit_alone));
                let next = rows.get(n).filter(|r| r.kind == Kind::Table && r.cells.is_empty())?;
                let label = format!("{}{}", without_unit(r.label()), next.label());
                let what = indicator(next.label()).is_none().then(|| indicator(&label)).flatten();
                joined = what.map(|_| n);
                what
            })
            .or_else(|| {
                let piece = r.label().chars().count() <= MAX_WRAPPED_CHARS;
                indicator(&format!("{}{}", without_unit(unnamed?), r.label())).filter(|_| piece)
            });
        match what {
            Some(what) => {
                named.push(what);
                unnamed = None;
                // (A number alone since the last row named that is this row's place.)
                let place = named.len() as f64;
                let alone = numbers.len() == above_named + 1;
                if serials && alone && numbers.last().is_some_and(|c| c.value.is_some_and(|v| v.number == place)) {
                    placed.push(numbers.len() - 1);
                }
                above_named = numbers.len();
            }
            // A longer line that names no row is past the table (the signature under it).
            None if r.label().chars().count() > MAX_WRAPPED_CHARS => break,
            None => unnamed = Some(r.label()),
        }
        above_last = numbers.len();
    }
    let rows_named = named.len();
    let (mut counts, counts_above, serials_found) = serials_out(numbers, &placed, rows_named, serials, above_last);
    if counts.len() > rows_named && counts.len() - counts_above == rows_named {
        counts.drain(..counts_above);
    } else if let Some(run) = under_head.filter(|run| run.len() == rows_named && counts.len() != rows_named) {
        counts = run.iter().collect();
    }
    let serials_held = !serials || serials_found == rows_named;
    if rows_named < MIN_ROWS || !serials_held || counts.len() != rows_named {
        return None;
    }
    Some(named.into_iter().zip(counts).map(|(what, cell)| Line { what, cell, wan, delimited: false }).collect())
}

/// A form's numbers printed apart from its labels (see [`counts_apart`]) parted
/// into its serials and its counts: the serials `placed` by their rows, the
/// others counted up 1, 2, 3… past those up to the `rows` named (where the form
/// has `serials`); the rest the counts. Returns the counts, how many of them
/// stand before number `above_last` (above the last line of label), and how
/// many serials were found.
fn serials_out<'r>(
    numbers: Vec<&'r Cell>,
    placed: &[usize],
    rows: usize,
    serials: bool,
    above_last: usize,
) -> (Vec<&'r Cell>, usize, usize) {
    let placed_numbers: Vec<f64> = placed.iter().filter_map(|&k| numbers[k].value.map(|v| v.number)).collect();
    let next_serial = |from: f64| (0..).map(|i| from + f64::from(i)).find(|s| !placed_numbers.contains(s));
    let mut serial = next_serial(1.0).unwrap_or(f64::MAX);
    let mut found = placed.len();
    let mut counts: Vec<&Cell> = Vec::with_capacity(numbers.len() / 2);
    let mut counts_above = 0;
    // (The serials number the rows named, no more: a count after them may be
    // the number the next serial would be, 13 requests in a form of 12 rows.)
    let last_serial = rows as f64;
    for (k, cell) in numbers.into_iter().enumerate() {
        if placed.contains(&k) {
            continue;
        }
        if serials && serial <= last_serial && cell.value.is_some_and(|v| v.unit.is_none() && v.number == serial) {
            serial = next_serial(serial + 1.0).unwrap_or(f64::MAX);
            found += 1;
        } else {
            counts.push(cell);
            counts_above += usize::from(k < above_last);
        }
    }
    (counts, counts_above, found)
}

/// Whether plain `pdftotext` printed each row's numbers before its label (set a
/// little higher on the line), and if so how many numbers before the counts
/// are a serial column's (0 or 1): where the first indicator's row has no
/// number of its own and numbers alone stand right above it, each row's
/// numbers are those above it. A column of serial numbers (1, 2, 3…) before
/// the labels is printed with them: the last numbers above a label where the
/// counts follow the labels (not numbers first), the first where they come
/// before.
fn numbers_first(rows: &[Row]) -> Option<usize> {
    let named = |r: &Row| r.kind == Kind::Table && indicator(r.label()).is_some();
    // The numbers right above each named row that has none of its own (a serial
    // number and a count may each have a line).
    let above: Vec<Vec<&Cell>> = (1..rows.len())
        .filter(|&k| rows[k].cells.is_empty() && named(&rows[k]) && rows[k - 1].is_numbers_alone())
        .map(|k| {
            let run = rows[..k].iter().rev().take_while(|r| r.is_numbers_alone()).count();
            rows[k - run..k].iter().flat_map(|r| &r.cells).collect()
        })
        .collect();
    // Whether the first (or the last) of those numbers counts 1, 2, 3… down the
    // table: rising all the way, most often by one (a row whose label no
    // indicator names is passed over).
    let counting = |first: bool| {
        let n = |cells: &Vec<&Cell>| {
            let cell = if first { cells.first() } else { cells.last() };
            cell.and_then(|c| c.value).map(|v| v.number)
        };
        let steps: Option<Vec<f64>> = above.windows(2).map(|w| n(&w[0]).zip(n(&w[1])).map(|(a, b)| b - a)).collect();
        steps.is_some_and(|s| {
            let ones = s.iter().filter(|&&d| d == 1.0).count();
            !s.is_empty() && s.iter().all(|&d| d >= 1.0 && d.fract() == 0.0) && ones * 2 >= s.len()
        })
    };
    if counting(false) {
        return None;
    }
    // The table's first row: the first named row under its header (`统计指标`,
    // `计量单位`), past the heads of a table printed across above it a head a line
    // (`申请总数` / `当面申请` / … / `757` / `227`); without a header, the first.
    let header = |r: &Row| {
        let l = r.label();
        r.cells.is_empty() && (l.contains("指标") || l.contains("统计数") || l == "单位" || l == "计量单位")
    };
    let row = |from: usize| (from..rows.len()).find(|&k| named(&rows[k]) && !heads(&rows[k]));
    let first = rows.iter().position(header).and_then(row).or_else(|| row(0))?;
    (rows[first].cells.is_empty() && first > 0 && rows[first - 1].is_numbers_alone())
        .then(|| usize::from(counting(true)))
}

/// Whether a line holds a unit's cell alone (`条`, `万元`).
fn unit_alone(r: &Row) -> bool {
    r.cells.is_empty() && UNITS.contains(&r.label())
}

/// A label's first line without the unit's cell run into it (`3.同意部分公开答复 件`
/// over `数`).
fn without_unit(label: &str) -> &str {
    UNITS.iter().find_map(|u| label.strip_suffix(u)).unwrap_or(label)
}

/// The most characters a piece of a label wrapped in its cell has.
const MAX_WRAPPED_CHARS: usize = 12;

/// The indicator row `k` names with the next line of label past the numbers
/// below it (`2.同意部分公开答 条` / `04` / `0` / `0` / `复数`, a cell a line),
/// where that line names none itself, and that line's index.
fn past_numbers(rows: &[Row], k: usize) -> Option<(Indicator, usize)> {
    // (Numbers right below, or below the unit's cell on a line of its own, `(一)主动公开政府`
    // / `条` / `1` / `349` / `信息数`; and a label no longer than a wrapped piece and its unit.)
    let below = k + 1 + usize::from(rows.get(k + 1).is_some_and(unit_alone));
    let numbers_below = rows.get(below).is_some_and(|r| r.is_numbers_alone());
    if !numbers_below || rows[k].label().chars().count() > MAX_WRAPPED_CHARS + 2 {
        return None;
    }
    let (n, next) = rows.iter().enumerate().skip(below).take(4).find(|(_, n)| !n.is_numbers_alone())?;
    let piece = next.kind == Kind::Table && next.cells.is_empty() && indicator(next.label()).is_none();
    let what = indicator(&format!("{}{}", without_unit(rows[k].label()), next.label())).filter(|_| piece)?;
    Some((what, n))
}

/// The indicator of row `k` whose label a narrow column wrapped (`2.同意部分公开答`
/// over `复数`): its first piece (the unit's cell after it left out) with the
/// lines of label alone below it, one then two, or after the line above it.
fn wrapped(rows: &[Row], k: usize) -> Option<Indicator> {
    fn piece<'r>(r: &'r Row) -> Option<&'r str> {
        let orphan = r.kind == Kind::Table && r.cells.is_empty() && !heads(r);
        Some(r.label()).filter(|l| orphan && !l.is_empty() && l.chars().count() <= MAX_WRAPPED_CHARS)
    }
    // The label's first line after the row's serial (`7 3.同意部分公开答复`, a 序号 column's).
    fn after_serial<'r>(r: &'r Row) -> Option<&'r str> {
        let ([serial], Some(label)) = (r.cells.as_slice(), r.labels.first()) else { return None };
        let own = r.kind == Kind::Table && serial.offset < label.offset && !heads(r);
        Some(r.label()).filter(|l| own && l.chars().count() <= MAX_WRAPPED_CHARS)
    }
    let first = crate::normalize::squash(rows[k].labels.first()?.text);
    // (A signature's date, `2019 年 2 月 2 日`, is no row: its numbers no count.)
    if date_alone(rows[k].label()) {
        return None;
    }
    if UNITS.contains(&first.as_ref()) {
        // A line that starts with the unit (`受理依申请公开信` / `息总数` / `条 37 37`,
        // as `pdftotext -raw` prints a wrapped label): the label's pieces are the
        // lines above it, the nearest first; the farthest may follow the row's serial.
        let mut above: Vec<&str> = rows[..k].iter().rev().take(3).map_while(piece).collect();
        let farthest = rows[..k].iter().rev().nth(above.len()).filter(|_| above.len() < 3);
        if let Some(first) = farthest.and_then(after_serial) {
            above.push(first);
        }
        return (1..=above.len()).find_map(|n| indicator(&above[..n].iter().rev().copied().collect::<String>()));
    }
    // (The unit's cell may stand between the pieces: `受理依申请公开信` / `条` / `息总数`.)
    let below: Vec<&str> = rows[k + 1..].iter().take(3).filter(|r| !unit_alone(r)).take(2).map_while(piece).collect();
    let above = k.checked_sub(1).and_then(|a| piece(&rows[a]));
    let found = |start: String| {
        let mut label = start;
        indicator(&label).or_else(|| {
            below.iter().find_map(|b| {
                label.push_str(b);
                indicator(&label)
            })
        })
    };
    found(first.to_string()).or_else(|| above.and_then(|a| found(format!("{a}{first}"))))
}

/// Whether a line's label is a date's words alone (`2019 年 2 月 2 日`, its numbers the cells).
fn date_alone(label: &str) -> bool {
    label.trim_start_matches(|c: char| c.is_ascii_digit()) == "年月日"
}

/// The most characters a head of a table printed across has.
const MAX_HEAD_CHARS: usize = 12;

/// What the head of a column of a table printed across counts: an indicator's
/// name, else a short label the prose's words name (`当面申请`, `同意公开`).
fn head(text: &str) -> Option<Indicator> {
    let mut label = String::with_capacity(text.len());
    crate::normalize::squash_into(text, &mut label);
    if label.chars().count() > MAX_HEAD_CHARS {
        return None;
    }
    indicator(&label)
        .or_else(|| super::prose::request_of_label(&label).map(Indicator::Request))
        .or_else(|| super::prose::proceeding_of_label(&label).map(Indicator::Proceeding))
}

/// Whether a row could be the heads of a table printed across: labels in three
/// cells or more and no number (an indicator's row has its name and unit).
fn heads(row: &Row) -> bool {
    row.labels.len() >= MIN_ROWS && row.cells.is_empty()
}

/// The counts of tables printed across: a row of heads, most of them naming a
/// count, over one row of as many numbers and nothing else
/// (`| 申请总数 | 当面申请 | 网上申请 |` over `| 5 | 1 | 3 |`). Over several such
/// rows (a row a year, its year a number) no row is the report's own.
fn across<'r>(rows: &'r [Row]) -> Vec<Line<'r>> {
    let numbers = |r: &Row, n: usize| r.kind == Kind::Table && r.labels.is_empty() && r.cells.len() == n;
    let mut out = Vec::new();
    for (k, top) in rows.iter().enumerate() {
        let Some(values) = rows.get(k + 1) else { break };
        let shaped = top.kind == Kind::Table
            && heads(top)
            && numbers(values, top.labels.len())
            && !rows.get(k + 2).is_some_and(|r| numbers(r, top.labels.len()));
        if !shaped {
            continue;
        }
        let whats: Vec<Option<Indicator>> = top.labels.iter().map(|f| head(f.text)).collect();
        if whats.iter().filter(|w| w.is_some()).count() * 2 <= whats.len() {
            continue;
        }
        for (what, cell) in whats.into_iter().zip(&values.cells) {
            if let Some(what) = what {
                out.push(Line { what, cell, wan: false, delimited: values.delimited });
            }
        }
    }
    out
}

/// Reads the statistics table's counts into `report`. Returns whether any row
/// was read.
pub fn read(text: &str, rows: &[Row], report: &mut Report) -> bool {
    let mut lines = lines(text, rows);
    lines.extend(across(rows));
    // A table has rows: a line of prose that names an indicator is no table. A
    // form printed blank (a notice's attachment) holds no count: its empty cells
    // are no zeros.
    if lines.len() < MIN_ROWS || !lines.iter().any(|l| l.cell.value.is_some()) {
        return false;
    }
    // Numbers that count 1, 2, 3… up the rows (some skipped, the first rows' perhaps
    // not read) are a 序号 column's, the counts printed apart (plain `pdftotext`:
    // `数据统计数` / `185` / `23` / … after the table; or each on the line of the
    // row before's label, `(一)收到申请数 件 3`): no row's count.
    let numbers: Vec<f64> = lines.iter().filter_map(|l| l.cell.value.map(|v| v.number)).collect();
    let counting = numbers.windows(2).all(|w| w[1] > w[0] && w[1].fract() == 0.0 && w[1] <= MAX_SERIAL);
    if numbers.len() >= SERIAL_ROWS && numbers[0] >= 1.0 && counting {
        return false;
    }
    let mut read_any = false;
    // The proceeding whose outcomes the rows below it list.
    let mut proceeding: Option<&'static str> = None;
    let has = |report: &Report, row: &str| report.requests.iter().any(|f| f.row == row);
    for line in lines {
        let value = match line.cell.value {
            Some(v) => v,
            None if line.delimited => Value { number: 0.0, unit: None },
            None => continue,
        };
        let offset = line.cell.offset;
        let count = (value.number.fract() == 0.0 && value.number >= 0.0).then_some(value.number as i64);
        match line.what {
            Indicator::Request(key) => {
                if let Some(count) = count.filter(|_| !has(report, key)) {
                    report.requests.push(RequestFact { row: key, applicant: "total", count, offset });
                    read_any = true;
                }
            }
            Indicator::Proceeding(p) => {
                proceeding = Some(p);
                let known = report.litigation.iter().any(|f| f.proceeding == p && f.outcome == "total");
                if let Some(count) = count.filter(|_| !known) {
                    report.litigation.push(LitigationFact { proceeding: p, outcome: "total", count, offset });
                    read_any = true;
                }
            }
            Indicator::Outcome(o) => {
                let Some(p) = proceeding else { continue };
                let known = report.litigation.iter().any(|f| f.proceeding == p && f.outcome == o);
                if let Some(count) = count.filter(|_| !known) {
                    report.litigation.push(LitigationFact { proceeding: p, outcome: o, count, offset });
                    read_any = true;
                }
            }
            Indicator::Proactive => {
                if let Some(count) = count.filter(|_| !report.disclosures.iter().any(|f| f.item == "proactive")) {
                    let value = count as f64;
                    report.disclosures.push(DisclosureFact { item: "proactive", metric: "total", value, offset });
                    read_any = true;
                }
            }
            Indicator::Fees => {
                // In 万元 where the unit says so (the national form's unit).
                report.fees_yuan = Some(numerals::scaled(value.number, if line.wan { 10_000.0 } else { 1.0 }));
                report.fees_offset = Some(offset);
                read_any = true;
            }
        }
    }
    read_any
}

/// The cell of a row's count: the first after the label's words (a 序号 before
/// them is no count) but the `skip` before it (a row code, a running total).
fn count_cell<'r>(row: &'r Row, skip: usize) -> Option<&'r Cell> {
    let label_start = row.labels.first().map_or(0, |f| f.offset);
    row.cells.iter().filter(|c| c.offset > label_start).nth(skip)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_text(text: &str) -> Report {
        let mut r = Report::default();
        let (_, rows) = super::super::cells::rows(text);
        read(text, &rows, &mut r);
        r
    }

    fn requests(r: &Report) -> Vec<(&str, i64)> {
        r.requests.iter().map(|f| (f.row, f.count)).collect()
    }

    fn proactive(r: &Report) -> Vec<f64> {
        r.disclosures.iter().map(|f| f.value).collect()
    }

    fn proceedings(r: &Report) -> Vec<(&str, i64)> {
        r.litigation.iter().map(|f| (f.proceeding, f.count)).collect()
    }

    /// Whether a form's serials among its counts are read (see [`counts_apart`]).
    fn serials_read(text: &str) -> bool {
        let (_, rows) = super::super::cells::rows(text);
        counts_apart(text, &rows, true).is_some()
    }

    #[test]
    fn the_indicator_is_the_longest_word_a_label_holds() {
        // As first written: every word looked for in turn.
        let by_search = |label: &str| -> Option<Indicator> {
            if NOT_INDICATORS.iter().any(|w| label.contains(w)) {
                return None;
            }
            INDICATORS.iter().filter(|(w, _)| label.contains(w)).max_by_key(|(w, _)| w.len()).map(|&(_, i)| i)
        };
        let words: Vec<&str> =
            INDICATORS.iter().map(|w| w.0).chain(NOT_INDICATORS.iter().copied()).chain(["其中", "1."]).collect();
        let mut rng = crate::gen::rng::Rng::new(5);
        for _ in 0..5000 {
            let label: String = (0..rng.range(0, 3)).map(|_| *rng.pick(&words)).collect();
            // Words cut short too: a word's head glued to the next.
            let cut: String = label.chars().skip(rng.range(0, 2) as usize).collect();
            for l in [&label, &cut] {
                assert_eq!(indicator(l), by_search(l), "{l}");
            }
        }
    }

    #[test]
    fn labels_a_narrow_column_wraps_above_or_below_their_counts() {
        let text = "指标名称        计量单位         2010 年度  历年累计\n\
            受理依申请公开信    条            5        5\n息总数\n\
            其中:1.当面\n申请数      条            3        3\n\
            2.同意部分公开答   条            1        1\n复数\n\
            行政复议数     件         0          0\n";
        let r = read_text(text);
        assert_eq!(requests(&r), [("new_received", 5), ("channel_in_person", 3), ("partially_granted", 1)]);
    }

    #[test]
    fn the_header_over_a_first_row_whose_label_wraps_tells_the_code_column() {
        let text = "    指标名称计量单位代码本期实际本年累计\n\
            \x20   主动公开信       条                   01      80      80\n    息数\n\
            \x20   受理依申请\n    公开信息总       条                   02      2       2\n    数\n\
            \x20   行政复议数       件                   09      0       0\n";
        let r = read_text(text);
        assert_eq!(proactive(&r), [80.0]);
        assert_eq!(requests(&r), [("new_received", 2)]);
    }

    #[test]
    fn plain_pdftotext_prints_numbers_before_their_labels() {
        // Each row's numbers (set a little higher) before its label and unit.
        let text = "指标名称\n计量单位\n2012 年度\n历年累计\n21\n21\n主动公开信息数\n条\n5\n9\n\
            受理依申请公开信息 条\n总数\n1\n1\n2.传真申请数\n条\n0\n0\n行政复议数\n件\n";
        let r = read_text(text);
        assert_eq!(requests(&r), [("new_received", 5), ("channel_fax", 1)]);
        assert_eq!(r.litigation.iter().map(|f| f.count).collect::<Vec<_>>(), [0]);
        // Serial numbers before the labels, the counts after them: the counts
        // are below, as ever.
        let text = "序号\n统计指标\n计量单位\n统计数\n1\n主动公开信息数\n条\n21\n2\n(一)收到申请数\n件\n5\n\
            3\n1.当面申请数\n件\n4\n";
        assert_eq!(requests(&read_text(text)), [("new_received", 5), ("channel_in_person", 4)]);
        // A serial and a count a line each before each label, a label wrapped
        // past its indicator's name (no serial seen above the row after it).
        let text = "序号\n统计指标\n计量单位\n统计数\n1\n5562\n(一)主动公开政府信息数 条\n2\n592\n(一)收到申请数\n件\n\
            3\n183\n1.当面申请数\n件\n4\n352\n2.同意公开答复数 件\n5\n54\n3.同意部分公开答复 件\n数\n6\n130\n\
            5.不属于本行政机关 件\n公开数\n7\n0\n四、行政复议数量\n件\n";
        let r = read_text(text);
        let got = requests(&r);
        assert!(got.starts_with(&[("new_received", 592), ("channel_in_person", 183), ("granted", 352)]), "{got:?}");
        assert_eq!(r.litigation.iter().map(|f| f.count).collect::<Vec<_>>(), [0]);
        // Counts after their labels, a row no indicator names among them: not numbers first.
        let text = "指标名称\n计量单位\n2009年度\n历年累计\n主动公开信息数\n条\n320\n1450\n其中:1.政府网站\n条\n300\n1300\n\
            受理依申请公开信息总数\n件\n6\n21\n其中:1.当面申请数\n件\n2\n9\n";
        assert_eq!(requests(&read_text(text)), [("new_received", 6), ("channel_in_person", 2)]);
        // A table printed across above it, its heads and numbers a line each: the
        // statistics table's own first row tells how it is printed.
        let text = "申请总数\n当面申请\n网上申请\n757\n227\n530\n七、附表\n统计指标\n单位\n统计数\n4762\n\
            (一)主动公开政府信息数 条\n757\n(一)收到申请数\n件\n227\n1.当面申请数\n件\n0\n2.传真申请数\n件\n";
        let r = read_text(text);
        let got = requests(&r);
        assert!(got.starts_with(&[("new_received", 757), ("channel_in_person", 227), ("channel_fax", 0)]), "{got:?}");
    }

    #[test]
    fn a_code_and_a_count_before_each_label_under_a_header_naming_the_code_column() {
        // Plain `pdftotext` of a Word form: each row's code and count before its
        // label, the running totals after the table. The codes are the header's
        // 代码 column, one number before each count.
        let text = "指标名称\n计量单位\n代码\n本期实际\n01\n36\n主动公开信息数 条\n02\n19\n受理依申请公开 条\n\
            信息总数\n03\n9\n其中:1.当面申请 条\n数\n04\n0\n2.传真申请数\n条\n05\n5\n3.网上申请数\n条\n\
            06\n5\n4.信函申请数\n条\n11\n0\n行政复议数\n件\n";
        let r = read_text(text);
        let want = [("new_received", 19), ("channel_in_person", 9), ("channel_fax", 0), ("channel_online", 5)];
        assert!(requests(&r).starts_with(&want), "{:?}", requests(&r));
        assert_eq!(proactive(&r), [36.0]);
        assert_eq!(r.litigation.iter().map(|f| f.count).collect::<Vec<_>>(), [0]);
    }

    #[test]
    fn numbers_first_the_unit_between_a_wrapped_label_s_pieces() {
        // Plain `pdftotext`: each row's year and running total before its label,
        // a wrapped label's pieces about its unit's line.
        let text = "指标名称\n计量单位\n2011 年度\n历年累计\n45\n45\n主动公开信息数\n条\n2\n2\n受理依申请公开信\n条\n\
            息总数\n1\n1\n其中:1.当面申请\n条\n数\n0\n0\n2.传真申请数\n条\n2\n2\n本年度对申请的答\n条\n复总数\n\
            1\n1\n其中:1.同意公开\n条\n答复数\n1\n1\n2.同意部分公开答\n条\n复数\n0\n0\n行政复议数\n件\n";
        let rows = ["new_received", "channel_in_person", "channel_fax", "answered", "granted", "partially_granted"];
        assert_eq!(requests(&read_text(text)), rows.into_iter().zip([2, 1, 0, 2, 1, 1]).collect::<Vec<_>>());
    }

    #[test]
    fn the_header_ends_at_the_prose_above_it() {
        // Headings numbered `7、` are no headings to stop at; the prose above the
        // table (its `累计` before its `本年`) is no header with a running total's column.
        let text = "截至2017年底,累计主动公开政府信息\n70\n条。\n本年度被申请行政复议\n2\n件。\n\
            6、存在的主要问题及改进措施\n公开内容有待丰富,下一步将加强培训。\n7、附表:政府信息公开情况统计表\n\
            | 统计指标 | 单位 | 统计数 |\n| (一)主动公开政府信息数 | 条 | 7 |\n| (一)收到申请数 | 件 | 3 |\n\
            | 2.传真申请数 | 件 | 1 |\n| 四、行政复议数量 | 件 | 2 |\n";
        let r = read_text(text);
        assert_eq!(requests(&r), [("new_received", 3), ("channel_fax", 1)]);
    }

    #[test]
    fn the_national_form_in_pipe_rows() {
        let text = "统计指标 | 单位 | 统计数 |\n一、主动公开情况 | —— | —— |\n（一）主动公开政府信息数 | 条 | 1,206 |\n\
            其中：主动公开规范性文件数 | 条 | 12 |\n三、依申请公开情况 | —— | —— |\n（一）收到申请数 | 件 | 9 |\n\
            1．当面申请数 | 件 | 2 |\n2．传真申请数 | 件 | 0 |\n3．网络申请数 | 件 | 6 |\n4．信函申请数 | 件 | 1 |\n\
            （三）申请答复数 | 件 | 9 |\n1．属于已主动公开范围数 | 件 | 1 |\n2．同意公开答复数 | 件 | 5 |\n\
            3．同意部分公开答复数 | 件 | 1 |\n4．不同意公开答复数 | 件 | 1 |\n5．不属于本行政机关公开数 | 件 | 1 |\n\
            6．申请信息不存在数 | 件 |  |\n四、行政复议数量 | 件 | 2 |\n（一）维持具体行政行为数 | 件 | 1 |\n\
            （二）被依法纠错数 | 件 | 1 |\n（三）其他情形数 | 件 | 0 |\n五、行政诉讼数量 | 件 | 1 |\n\
            （一）维持具体行政行为或者驳回原告诉讼请求数 | 件 | 1 |\n七、依申请公开信息收取的费用 | 万元 | 0.05 |\n";
        let r = read_text(text);
        assert_eq!(
            requests(&r),
            vec![
                ("new_received", 9),
                ("channel_in_person", 2),
                ("channel_fax", 0),
                ("channel_online", 6),
                ("channel_letter", 1),
                ("answered", 9),
                ("granted", 5),
                ("partially_granted", 1),
                ("denied", 1),
                ("unable_not_held", 1),
                ("unable_not_exist", 0),
            ]
        );
        let litigation: Vec<_> = r.litigation.iter().map(|f| (f.proceeding, f.outcome, f.count)).collect();
        assert_eq!(
            litigation,
            vec![
                ("reconsideration", "total", 2),
                ("reconsideration", "upheld", 1),
                ("reconsideration", "corrected", 1),
                ("reconsideration", "other", 0),
                ("litigation", "total", 1),
                ("litigation", "upheld", 1),
            ]
        );
        assert_eq!(proactive(&r), vec![1206.0]);
        assert_eq!(r.fees_yuan, Some(500.0));
    }

    #[test]
    fn raw_pdftotext_a_cell_a_line() {
        let text = "指标名称\n\n计量单位\n\n2012年度\n\n历年累计\n\n受理依申请公开信息总数\n\n条\n\n4\n\n9\n\n\
            2.传真申请数\n\n条\n\n0\n\n0\n\n3.网上申请数\n\n条\n\n4\n\n8\n\n行政复议数\n\n件\n\n1\n\n1\n";
        let r = read_text(text);
        assert_eq!(requests(&r), vec![("new_received", 4), ("channel_fax", 0), ("channel_online", 4)]);
        assert_eq!(proceedings(&r), vec![("reconsideration", 1)]);
    }

    #[test]
    fn pdftotext_raw_mode_prints_a_wrapped_label_above_its_unit_and_counts() {
        // `pdftotext -raw`: a row a line, a wrapped label's pieces first, then a
        // line of the unit and the counts.
        let text = "指标名称 计量单位 2013 年度 历年累计\n主动公开信息数 条 63 63\n受理依申请公开信\n息总数\n条 37 37\n\
            其中:1.当面申请\n数\n条 7 7\n2.传真申请数 条 0 0\n本年度对申请的答\n复总数\n条 37 37\n\
            其中:1.同意公开\n答复数\n条 22 22\n2.同意部分公开答\n复数\n条 4 4\n行政复议数 件 2 2\n";
        let r = read_text(text);
        let rows = ["new_received", "channel_in_person", "channel_fax", "answered", "granted", "partially_granted"];
        assert_eq!(requests(&r), rows.into_iter().zip([37, 7, 0, 37, 22, 4]).collect::<Vec<_>>());
    }

    #[test]
    fn plain_pdftotext_prints_a_form_s_last_rows_columns_after_its_labels() {
        // The first two rows' code and counts above their labels; the others'
        // after the labels, a run of rows at a time: the units, then the
        // codes, the year's counts and the running totals.
        let text = "附表:政府信息公开情况统计表\n指标名称\n计量单位\n代码\n本期实际\n本年累计\n01\n76\n80\n主动公开信息\n条\n数\n\
            02\n9\n12\n受理依申请公\n条\n开信息总数\n其中:1.当面\n申请数\n2.传真申请数\n3.网上申请数\n本年度对申请\n\
            的答复总数\n2.同意部分公\n开答复数\n行政复议数\n\n条\n\n03\n\n4\n\n5\n\n条\n条\n条\n\n04\n05\n06\n\n1\n4\n9\n\n\
            2\n6\n12\n\n条\n\n07\n\n3\n\n4\n\n件\n\n08\n\n1\n\n2\n";
        let r = read_text(text);
        let rows = ["new_received", "channel_in_person", "channel_fax", "channel_online", "answered"];
        let rows = rows.into_iter().chain(["partially_granted"]);
        assert_eq!(requests(&r), rows.zip([9, 4, 1, 4, 9, 3]).collect::<Vec<_>>());
        assert_eq!(proactive(&r), [76.0]);
        assert_eq!(proceedings(&r), [("reconsideration", 1)]);
    }

    #[test]
    fn a_line_of_several_runs_is_cut_where_the_codes_go_up() {
        // The units printed among the labels: the runs' numbers on one line,
        // cut where the codes go on (`03 04` / `1 6` / `1 7`, then `05`).
        let text = "附表:政府信息公开情况统计表\n指标名称\n计量单位\n代码\n本期实际\n本年累计\n01\n30\n30\n主动公开信息数\n条\n\
            受理依申请公\n条\n开信息总数\n2.传真申请数\n条\n3.网上申请数\n条\n2.同意部分公\n条\n开答复数\n行政复议数\n件\n\
            某某县某某乡\n2015 年 3 月 5 日\n\n02\n8\n9\n03\n04\n1\n6\n1\n7\n05\n2\n2\n06\n0\n1\n";
        let r = read_text(text);
        let rows = ["new_received", "channel_fax", "channel_online", "partially_granted"];
        assert_eq!(requests(&r), rows.into_iter().zip([8, 1, 6, 2]).collect::<Vec<_>>());
        assert_eq!(proceedings(&r), [("reconsideration", 0)]);
    }

    /// A province's form with the year's counts and the running totals, as
    /// plain pdftotext prints a Word table of it: the first two rows' numbers
    /// above their labels, the others' after the labels and the signature.
    const YEAR_AND_TOTAL_FORM: &str = "附表:政府信息公开情况统计表\n指标名称\n计量单位\n2010 年度\n历年累计\n249\n249\n\
        主动公开信息数\n条\n38\n38\n受理依申请公开信\n条\n息总数\n其中:1.当面申请\n条\n数\n2.传真申请数\n条\n3.网上申请数\n条\n\
        4.信函申请数\n条\n本年度对申请的答\n条\n复总数\n其中:1.同意公开\n条\n答复数\n2.同意部分公开答\n条\n复数\n\
        3.非本机关掌握数\n条\n行政复议数\n件\n行政诉讼数\n件\n某某县发展和改革局\n2011 年 3 月 5 日\n\n";

    #[test]
    fn without_codes_only_the_rows_every_cutting_agrees_on_are_read() {
        // The year's counts and the running totals on one line, the runs
        // unknown: a running total no smaller than its count leaves the first
        // two rows and the last ones one reading each, the middle ones several.
        let numbers = "13\n13\n0\n16\n9\n38\n0\n16\n9\n38\n20\n20\n2\n2\n10\n0\n0\n10\n0\n0\n";
        let r = read_text(&format!("{YEAR_AND_TOTAL_FORM}{numbers}"));
        let rows = ["new_received", "channel_in_person", "channel_fax", "partially_granted", "unable_not_held"];
        assert_eq!(requests(&r), rows.into_iter().zip([38, 13, 0, 2, 10]).collect::<Vec<_>>());
        assert_eq!(r.litigation.iter().map(|f| f.count).collect::<Vec<_>>(), [0, 0]);
    }

    #[test]
    fn the_blocks_plain_pdftotext_prints_each_run_s_columns_in_tell_the_runs() {
        // Plain pdftotext of a Word form: each run of rows' column a block of
        // its own, blank lines around it (`13` / `13` / `0 16 9 38` / `0 16 9 38` …).
        let numbers = "13\n\n14\n\n0\n16\n9\n38\n\n0\n17\n9\n40\n\n20\n\n21\n\n2\n\n2\n\n10\n0\n0\n\n11\n0\n1\n";
        let text = format!("{YEAR_AND_TOTAL_FORM}{numbers}");
        let r = read_text(&text);
        let rows = ["new_received", "channel_in_person", "channel_fax", "channel_online", "channel_letter", "answered"];
        let rows = rows.into_iter().chain(["granted", "partially_granted", "unable_not_held"]);
        assert_eq!(requests(&r), rows.zip([38, 13, 0, 16, 9, 38, 20, 2, 10]).collect::<Vec<_>>());
        assert_eq!(r.litigation.iter().map(|f| f.count).collect::<Vec<_>>(), [0, 0]);
        // Blocks that part no run's columns (a blank line inside one): the rows
        // every cutting agrees on.
        let r = read_text(&text.replace("\n9\n38\n\n", "\n9\n\n38\n\n"));
        assert_eq!(requests(&r).len(), 5, "{:?}", requests(&r));
    }

    #[test]
    fn each_row_s_code_above_its_label_the_other_columns_after_the_labels() {
        // Plain pdftotext of a Word form with a 代码 column: the first row's
        // numbers above its label, each later row's code above its label, the
        // year's counts and the running totals after the signature, a block a
        // run's column.
        let text = "附表:政府信息公开情况统计表\n指标名称\n计量单位\n代码\n本期实际\n本年累计\n01\n13\n15\n主动公开信息\n条\n数\n\
            02\n受理依申请公\n条\n开信息总数\n03\n其中:1.当面\n条\n申请数\n04\n2.传真申请数\n条\n05\n3.网上申请数\n条\n\
            06\n本年度对申请\n条\n的答复总数\n07\n行政复议数\n件\n某某县某某镇\n2013 年 1 月 25 日\n\n3\n\n4\n\n2\n\n2\n\n\
            0\n1\n3\n\n0\n2\n4\n\n0\n\n1\n";
        let r = read_text(text);
        let rows = ["new_received", "channel_in_person", "channel_fax", "channel_online", "answered"];
        assert_eq!(requests(&r), rows.into_iter().zip([3, 2, 0, 1, 3]).collect::<Vec<_>>());
        assert_eq!(proactive(&r), [13.0]);
        assert_eq!(r.litigation.iter().map(|f| f.count).collect::<Vec<_>>(), [0]);
        // Codes that do not count up from the first row's: not read so.
        let r = read_text(&text.replace("\n05\n", "\n09\n"));
        assert!(r.requests.is_empty(), "{:?}", requests(&r));
    }

    #[test]
    fn numbers_after_the_labels_fewer_than_their_rows_are_not_read_so() {
        // A number short of the rows' cells: no reading of the runs holds.
        let text = "附表:政府信息公开情况统计表\n指标名称\n计量单位\n代码\n本期实际\n本年累计\n01\n30\n30\n主动公开信息数\n条\n\
            2.传真申请数\n条\n3.网上申请数\n条\n行政复议数\n件\n\n02\n03\n1\n6\n1\n04\n0\n0\n";
        let r = read_text(text);
        assert!(r.requests.is_empty() && r.litigation.is_empty(), "{:?} {:?}", r.requests, r.litigation);
    }

    #[test]
    fn pdftotext_raw_mode_prints_a_wrapped_label_after_its_serial() {
        // `pdftotext -raw` of a form with a 序号 column: the serial on the
        // label's first line, the unit and the count on a line after its last.
        let text = "附表:政府信息公开情况统计表\n序号 统计指标 计量单位 数据统计数\n1 (一)主动公开政府\n信息数\n条 130\n\
            2 (一)收到申请数 件 3\n3 (三)申请答复数 件 3\n4 2.同意公开答复数 件 1\n5 3.同意部分公开答复\n数\n件 2\n\
            6 5.不属于本行政机关\n公开数\n件 0\n7 四、行政复议数量 件 0\n8 七、依申请公开信息\n收取的费用\n万元 0.002\n";
        let r = read_text(text);
        let rows = ["new_received", "answered", "granted", "partially_granted", "unable_not_held"];
        assert_eq!(requests(&r), rows.into_iter().zip([3, 3, 1, 2, 0]).collect::<Vec<_>>());
        assert_eq!(proactive(&r), [130.0]);
        assert_eq!(proceedings(&r), [("reconsideration", 0)]);
        assert_eq!(r.fees_yuan, Some(20.0));
    }

    #[test]
    fn a_serial_column_printed_among_the_counts_a_cell_a_line() {
        // Plain pdftotext of a Word form with a 序号 column: each serial before
        // or after its label, its count before or after the next serial.
        let text = "七、附表:政府信息公开情况统计表\n序号\n统计指标\n计量单位\n数据统计数\n(一)主动公开政府 条\n1\n43\n信息数\n\
            (一)收到申请数\n件\n2\n6\n件\n3\n1.当面申请数\n0\n件\n4\n2.传真申请数\n0\n(三)申请答复数\n件\n5\n6\n6\n\
            2.同意公开答复数 件\n4\n7\n3.同意部分公开答复 件\n0\n数\n8\n5.不属于本行政机关 件\n2\n公开数\n四、行政复议数量\n件\n\
            9\n0\n五、行政诉讼数量\n件\n10\n1\n七、依申请公开信息 万元\n11\n0.0094\n收取的费用\n";
        let r = read_text(text);
        let rows = ["new_received", "channel_in_person", "channel_fax", "answered", "granted", "partially_granted"];
        let rows = rows.into_iter().chain(["unable_not_held"]);
        assert_eq!(requests(&r), rows.zip([6, 0, 0, 6, 4, 0, 2]).collect::<Vec<_>>());
        assert_eq!(proactive(&r), [43.0]);
        assert_eq!(proceedings(&r), [("reconsideration", 0), ("litigation", 1)]);
        assert_eq!(r.fees_yuan, Some(94.0));
        // The signature and date under the table are no part of it.
        let signed = read_text(&format!("{text}某某自治州某某县人民政府河西镇\n2017 年 1 月 22 日\n"));
        assert_eq!(requests(&signed), requests(&r));
        let signed = read_text(&format!("{text}某某区水利局\n2015 年 1 月 24 日\n"));
        assert_eq!(requests(&signed), requests(&r));
        // Serials that do not number every row: not read so.
        let broken = text.replace("\n9\n0\n", "\n0\n");
        assert!(!serials_read(&broken));
    }

    #[test]
    fn a_count_that_goes_on_from_the_last_serial_is_a_count() {
        // Plain pdftotext of a Word form with a 序号 column: each serial before
        // its label, the counts after the last label, one of them (7 requests)
        // the number a seventh row's serial would be.
        let text = "七、附表:政府信息公开情况统计表\n序号\n统计指标\n计量单位\n1\n(一)主动公开政府 条\n信息数\n2\n\
            (一)收到申请数\n件\n3\n1.当面申请数\n件\n4\n3.网络申请数\n件\n5\n2.同意公开答复数 件\n6\n四、行政复议数量\n件\n\
            数据统计数\n42\n7\n3\n4\n6\n0\n";
        assert!(serials_read(text));
        let r = read_text(text);
        let rows = ["new_received", "channel_in_person", "channel_online", "granted"];
        assert_eq!(requests(&r), rows.into_iter().zip([7, 3, 4, 6]).collect::<Vec<_>>());
        assert_eq!(proactive(&r), [42.0]);
        assert_eq!(proceedings(&r), [("reconsideration", 0)]);
    }

    #[test]
    fn serials_among_the_counts_the_last_rows_labels_wrapped_their_numbers_after_them() {
        // Plain pdftotext of a Word form with a 序号 column: the first rows' serials
        // and counts before their labels (a label wrapped past its unit), the last
        // rows' serials together, then their labels wrapped in two, their counts after.
        let text = "七、附表:政府信息公开情况统计表\n序号\n统计指标\n计量单位\n数据统计数\n1\n75\n(一)主动公开政\n条\n\
            府信息数\n2\n14\n(一)收到申请数\n件\n3\n5\n1.当面申请数\n件\n4\n0\n2.传真申请数\n件\n5\n6\n\
            3.网络申请数\n件\n6\n3\n4.信函申请数\n件\n7\n14\n(三)申请答复数\n件\n8\n11\n2.同意公开答复数 件\n9\n0\n\
            3.同意部分公开答 件\n10\n11\n12\n13\n复数\n5.不属于本行政机\n关公开数\n四、行政复议数量\n五、行政诉讼数量\n\
            七、依申请公开信\n息收取的费用\n件\n3\n件\n件\n万元\n0\n1\n0\n";
        let r = read_text(text);
        let rows = ["new_received", "channel_in_person", "channel_fax", "channel_online", "channel_letter", "answered"];
        let rows = rows.into_iter().chain(["granted", "partially_granted", "unable_not_held"]);
        assert_eq!(requests(&r), rows.zip([14, 5, 0, 6, 3, 14, 11, 0, 3]).collect::<Vec<_>>());
        assert_eq!(proactive(&r), [75.0]);
        assert_eq!(proceedings(&r), [("reconsideration", 0), ("litigation", 1)]);
        assert_eq!(r.fees_yuan, Some(0.0));
    }

    #[test]
    fn serials_beside_the_labels_from_a_later_row_on_are_no_counts() {
        // Plain pdftotext of a Word form: each label with its serial, the first
        // rows' serials not beside a label read, the units and counts after the table.
        let text = "七、附表:政府信息公开情况统计表\n序号\n统计指标\n计量单位\n统计数\n主动公开政\n府信息数\n2\n\
            (一)收到申请数\n3\n1.当面申请数\n4\n2.传真申请数\n5\n3.网络申请数\n6\n4.信函申请数\n7\n\
            (三)申请答复数\n8\n2.同意公开答复数\n9\n四、行政复议数量\n12\n五、行政诉讼数量\n13\n\
            件\n件\n件\n件\n6\n0\n0\n4\n2\n6\n5\n0\n";
        let r = read_text(text);
        assert!(requests(&r).is_empty() && r.litigation.is_empty(), "{:?}", requests(&r));
    }

    #[test]
    fn serials_among_the_labels_with_a_table_across_s_last_cells_the_counts_printed_after_the_labels() {
        // Plain pdftotext: a table printed across above the form, its last two
        // cells (`12`, `3`) set among the form's labels; each row's serial
        // before its label, the counts column after the last label, its head first.
        let text = "四、依申请公开情况\n申请总数\n当面申请\n网上申请\n信函申请\n同意公开\n不予公开\n\n16\n\n9\n\n5\n\n2\n\n\
            七、附表:政府信息公开情况统计表\n序号\n统计指标\n计量单位\n1\n(一)主动公开政府 条\n信息数\n2\n(一)收到申请数\n件\n\
            3\n1.当面申请数\n件\n4\n2.传真申请数\n件\n5\n3.网络申请数\n件\n6\n4.信函申请数\n件\n7\n2.同意公开答复数 件\n\
            8\n四、行政复议数量\n件\n9\n五、行政诉讼数量\n件\n\n12\n\n3\n\n数据统计数\n\n95\n16\n9\n0\n5\n2\n12\n1\n0\n";
        let r = read_text(text);
        let rows = ["new_received", "channel_in_person", "channel_fax", "channel_online", "channel_letter", "granted"];
        assert_eq!(requests(&r), rows.into_iter().zip([16, 9, 0, 5, 2, 12]).collect::<Vec<_>>());
        assert_eq!(proactive(&r), [95.0]);
        assert_eq!(proceedings(&r), [("reconsideration", 1), ("litigation", 0)]);
        // Counts after the labels fewer than the rows: none read so.
        let short = text.replace("\n1\n0\n", "\n1\n");
        assert!(!serials_read(&short));
    }

    #[test]
    fn serials_among_the_labels_the_units_and_counts_after_the_signature_set_beside_the_form() {
        // Plain pdftotext: the serials among the labels, the signature and the
        // date of writing set beside the form, then its units and counts.
        let text = "七、附表:政府信息公开情况统计表\n序号\n统计指标\n计量单位\n数据统计数\n1\n41\n(一)主动公开政\n条\n\
            府信息数\n2\n(一)收到申请数\n3\n2.传真申请数\n4\n3.同意部分公开答\n复数\n5\n四、行政复议数量\n6\n\
            五、行政诉讼数量\n7\n七、依申请公开信\n息收取的费用\n某市某县某某乡\n2016 年 2 月 3 日\n\n件\n件\n件\n\n\
            9\n0\n2\n\n件\n件\n万元\n\n1\n0\n0\n";
        let r = read_text(text);
        assert_eq!(requests(&r), [("new_received", 9), ("channel_fax", 0), ("partially_granted", 2)]);
        assert_eq!(proactive(&r), [41.0]);
        assert_eq!(proceedings(&r), [("reconsideration", 1), ("litigation", 0)]);
        assert_eq!(r.fees_yuan, Some(0.0));
        // Numbers on the date's line past the labels' end are no counts.
        let undated = text.replace("2016 年 2 月 3 日", "备注 5");
        assert!(!serials_read(&undated));
    }

    #[test]
    fn a_signature_s_date_between_a_wrapped_label_s_pieces_is_no_count() {
        // Plain pdftotext: each row's serial and count above its label, the last
        // rows' serials together, the signature and its date set beside the form
        // before a wrapped label's second piece, the last counts after the units.
        let text = "七、附表:政府信息公开情况统计表\n序号\n统计指标\n计量单位\n数据统计数\n1\n94\n(一)主动公开政\n条\n\
            府信息数\n2\n0\n(一)收到申请数\n件\n3\n0\n2.传真申请数\n件\n4\n0\n3.同意部分公开答 件\n\n5\n6\n7\n\
            某市某县某某镇\n2019 年 2 月 2 日\n\n复数\n四、行政复议数量\n五、行政诉讼数量\n七、依申请公开信\n\
            息收取的费用\n\n件\n件\n万元\n\n0\n0\n0\n";
        let r = read_text(text);
        assert!(r.litigation.iter().all(|f| f.count == 0), "{:?}", r.litigation);
    }

    #[test]
    fn serials_printed_a_run_of_rows_at_a_time_out_of_their_order() {
        // Plain pdftotext of a Word form: the first row's serial and count above
        // its label, the next rows' labels with nothing between them, the last
        // rows' serials each above its label, the signature, then the middle
        // rows' serials together and the units and counts a run at a time.
        let text = "七、附表:政府信息公开情况统计表\n序号\n统计指标\n计量单位\n数据统计数\n1\n57\n(一)主动公开政\n条\n\
            府信息数\n(一)收到申请数\n2.传真申请数\n3.同意部分公开答\n复数\n5\n四、行政复议数量\n6\n五、行政诉讼数量\n\
            7\n七、依申请公开信\n息收取的费用\n某某市某某县人民政府某某镇\n2017 年 1 月 16 日\n\n2\n3\n4\n\n件\n件\n件\n\n\
            8\n1\n2\n\n件\n件\n万元\n\n1\n0\n0.0125\n";
        let r = read_text(text);
        assert_eq!(requests(&r), [("new_received", 8), ("channel_fax", 1), ("partially_granted", 2)]);
        assert_eq!(proactive(&r), [57.0]);
        assert_eq!(proceedings(&r), [("reconsideration", 1), ("litigation", 0)]);
        // (The form's one unit of money in 万元.)
        assert_eq!(r.fees_yuan, Some(125.0));
        // A number alone above a label that is not the row's place: no serial, so
        // the serials do not number every row.
        assert!(!serials_read(&text.replace("\n6\n五、", "\n9\n五、")));
    }

    #[test]
    fn a_label_s_pieces_parted_by_the_serials_and_the_signature_name_their_row() {
        // `(一)主动公开政` / `条` / `2` … `7` / the signature / `府信息数`: the
        // first row named with the piece after the signature.
        let text = "七、附表:政府信息公开情况统计表\n序号\n统计指标\n计量单位\n数据统计数\n1\n23\n(一)主动公开政\n条\n\
            2\n3\n4\n5\n6\n7\n某某市某某县某某镇\n2016 年 2 月 11 日\n府信息数\n(一)收到申请数\n2.传真申请数\n\
            3.同意部分公开答\n复数\n四、行政复议数量\n五、行政诉讼数量\n七、依申请公开信\n息收取的费用\n\n件\n件\n件\n\n\
            4\n0\n1\n\n件\n件\n万元\n\n0\n2\n0\n";
        let r = read_text(text);
        assert_eq!(requests(&r), [("new_received", 4), ("channel_fax", 0), ("partially_granted", 1)]);
        assert_eq!(proactive(&r), [23.0]);
        assert_eq!(proceedings(&r), [("reconsideration", 0), ("litigation", 2)]);
    }

    #[test]
    fn a_form_without_serials_its_counts_after_their_head_past_the_signature() {
        // Plain pdftotext of a Word form with no 序号: the labels and units, the
        // signature, then the counts column's head and its counts; a table
        // printed across above sets one of its cells before the head and one
        // after the counts, a blank line apart.
        let text = "七、附表:政府信息公开情况统计表\n统计指标\n单位\n(一)主动公开政府信息数 条\n(一)收到申请数\n件\n\
            1.当面申请数\n件\n2.传真申请数\n件\n3.网络申请数\n件\n(三)申请答复数\n件\n四、行政复议数量\n件\n\
            七、依申请公开信息收取的费 万元\n用\n某某县某某镇\n2016 年 1 月 8 日\n\n3\n\n统计数\n\n100\n5\n1\n0\n4\n5\n0\n\
            0.02\n\n1\n";
        let r = read_text(text);
        let rows = ["new_received", "channel_in_person", "channel_fax", "channel_online", "answered"];
        assert_eq!(requests(&r), rows.into_iter().zip([5, 1, 0, 4, 5]).collect::<Vec<_>>());
        assert_eq!(proactive(&r), [100.0]);
        assert_eq!(r.litigation.iter().map(|f| f.count).collect::<Vec<_>>(), [0]);
        assert_eq!(r.fees_yuan, Some(200.0));
        // Numbers under the head more than the rows, no blank line parting them: none read.
        let r = read_text(&text.replace("0.02\n\n1\n", "0.02\n1\n"));
        assert!(r.requests.is_empty(), "{:?}", requests(&r));
    }

    #[test]
    fn a_wrapped_label_whose_unit_stands_on_a_line_of_its_own_among_serials() {
        // `(一)主动公开政府` / `条` / `1` / `349` / `信息数`: the row named with the
        // label's second line, past the unit and the numbers.
        let text = "附表:政府信息公开情况统计表\n序号\n统计指标\n计量单位\n数据统计数\n(一)主动公开政府\n条\n1\n349\n\
            信息数\n(一)收到申请数\n件\n2\n316\n件\n3\n1.当面申请数\n件\n89\n4\n2.传真申请数\n件\n0\n\
            (三)申请答复数\n件\n5\n316\n四、行政复议数量\n件\n6\n0\n五、行政诉讼数量\n件\n7\n0\n";
        let r = read_text(text);
        let expected = [("new_received", 316), ("channel_in_person", 89), ("channel_fax", 0), ("answered", 316)];
        assert_eq!(requests(&r), expected);
        assert_eq!(proactive(&r), [349.0]);
        assert_eq!(r.litigation.iter().map(|f| f.count).collect::<Vec<_>>(), [0, 0]);
    }

    #[test]
    fn a_serial_column_read_where_the_counts_would_be_is_not_read() {
        // The counts printed apart after the table; the serials beside the labels.
        let text = "附表:政府信息公开情况统计表\n序号\n统计指标\n计量单位\n(一)主动公开政府信息数 条\n1\n\
            (一)收到申请数\n件\n2\n1.当面申请数\n件\n4\n2.传真申请数\n件\n5\n(三)申请答复数\n件\n7\n\
            四、行政复议数量\n件\n11\n数据统计数\n185\n23\n7\n0\n";
        let r = read_text(text);
        assert!(r.requests.is_empty() && r.litigation.is_empty(), "{:?}", r.requests);
        // Counts that go up row by row past what a form numbers: counts.
        let r = read_text(&text.replace("\n5\n", "\n50\n").replace("\n7\n", "\n70\n").replace("\n11\n", "\n110\n"));
        assert_eq!(requests(&r).len(), 4);
    }

    #[test]
    fn four_rows_serials_read_where_the_counts_would_be_are_not_read() {
        // Plain pdftotext of a Word form: each row's label on the line of the
        // next row's serial, the counts after the signature.
        let text = "七、附表:政府信息公开情况统计表\n序号\n统计指标\n计量单位\n数据统计数\n1\n298\n(一)主动公开政\n条\n\
            府信息数\n2\n(一)收到申请数 件 3\n2.传真申请数\n件\n4\n3.同意部分公开答 件\n复数\n5\n四、行政复议数量\n件\n6\n\
            五、行政诉讼数量\n件\n7\n七、依申请公开信\n万元\n息收取的费用\n2018 年 1 月 15 日\n0\n0\n0\n0\n2\n0\n";
        let r = read_text(text);
        assert!(r.requests.is_empty() && r.litigation.is_empty(), "{:?} {:?}", r.requests, r.litigation);
        // Counts that go up row by row past what a form numbers: counts.
        let r = read_text(&text.replace("\n6\n", "\n60\n").replace("\n7\n", "\n70\n"));
        assert_eq!(r.litigation.len(), 2, "{:?}", r.litigation);
    }

    #[test]
    fn fees_in_yuan_where_the_unit_says_yuan() {
        let text = "指标名称 | 单位 | 数量 |\n（一）申请总数 | 件 | 3 |\n1.当面申请数 | 件 | 3 |\n\
            （一）依申请提供政府信息收费金额 | 元 | 120 |\n";
        assert_eq!(read_text(text).fees_yuan, Some(120.0));
    }

    #[test]
    fn a_column_of_row_codes_before_the_counts() {
        let text = "指标名称 | 计量单位 | 代码 | 本期实际 | 本年累计 |\n主动公开信息数 | 条 | 01 | 356 | 2210 |\n\
            申请总数 | 条 | 10 | 7 | 30 |\n其中:1.当面申请数 | 条 | 11 | 2 | 9 |\n行政复议数 | 件 | 32 | 0 | 1 |\n";
        let r = read_text(text);
        assert_eq!(requests(&r), vec![("new_received", 7), ("channel_in_person", 2)]);
        assert_eq!(proactive(&r), vec![356.0]);
        assert_eq!(r.litigation.iter().map(|f| f.count).collect::<Vec<_>>(), vec![0]);
    }

    #[test]
    fn a_cell_a_line_behind_a_pipe_with_row_codes() {
        let text = "指 标 名 称\n| 计量\n单位\n| 代码\n| 本期实际\n| 本年累计\n|\n主动公开信息数\n| 条\n| 01\n| 356\n| 2210\n|\n\
            申请总数\n| 条\n| 10\n| 7\n| 30\n|\n其中:1.当面申请数\n| 条\n| 11\n| 2\n| 9\n|\n\
            (2)“信息不存在”数\n| 条\n| 22\n| 1\n| 2\n|\n";
        let r = read_text(text);
        assert_eq!(requests(&r), vec![("new_received", 7), ("channel_in_person", 2), ("unable_not_exist", 1)]);
        assert_eq!(proactive(&r), vec![356.0]);
    }

    #[test]
    fn a_label_s_last_piece_after_its_code_and_counts() {
        // Plain `pdftotext`, a cell a line: a wrapped label's first piece and
        // the unit, the row's code and counts, then the label's last piece.
        let text = "指标名称\n计量单位\n代码\n本期实际\n本年累计\n主动公开信息数 条\n01\n152\n152\n\
            受理依申请公开 条\n02\n6\n9\n信息总数\n2.同意部分公开答 条\n04\n3\n5\n复数\n行政复议数\n件\n05\n1\n1\n";
        let r = read_text(text);
        assert_eq!(requests(&r), vec![("new_received", 6), ("partially_granted", 3)]);
        assert_eq!(r.litigation.iter().map(|f| f.count).collect::<Vec<_>>(), vec![1]);
    }

    #[test]
    fn the_running_total_before_the_year() {
        let text = "指标名称 | 计量单位 | 历年累计 | 2011年度 |\n受理依申请公开信息总数 | 条 | 60 | 14 |\n\
            其中：1.当面申请数 | 条 | 20 | 3 |\n行政复议数 | 件 | 1 | 0 |\n";
        let r = read_text(text);
        assert_eq!(requests(&r), vec![("new_received", 14), ("channel_in_person", 3)]);
        assert_eq!(r.litigation.iter().map(|f| f.count).collect::<Vec<_>>(), vec![0]);
        let raw = "指标名称\n\n计量单位\n\n历年累计\n\n2011年度\n\n受理依申请公开信息总数\n\n条\n\n60\n\n14\n\n\
            其中：1.当面申请数\n\n条\n\n20\n\n3\n\n行政复议数\n\n件\n\n1\n\n0\n";
        assert_eq!(requests(&read_text(raw)), vec![("new_received", 14), ("channel_in_person", 3)]);
    }

    #[test]
    fn the_header_is_below_the_table_s_heading() {
        // Prose above, its figures on lines apart: its 累计 and 本年 are no columns.
        let text = "全年累计主动公开政府信息\n19\n条。\n本年度行政复议和行政诉讼均为\n0\n件。\n\
            七、附表:政府信息公开情况统计表\n| 统计指标 | 单位 | 统计数 |\n| (一)主动公开政府信息数 | 条 | 19 |\n\
            | (一)收到申请数 | 件 | 2 |\n| 2.传真申请数 | 件 | 1 |\n";
        assert_eq!(requests(&read_text(text)), vec![("new_received", 2), ("channel_fax", 1)]);
        // The heading's numeral parted from its words by a blank.
        let spaced = text.replace("七、附表", "七 附表");
        assert_eq!(requests(&read_text(&spaced)), vec![("new_received", 2), ("channel_fax", 1)]);
        // A sentence of the prose that names an indicator does not start the table.
        let coded = "二、主动公开情况\n2013年度我局主动公开政府信息数 31 条。\n七、附表:政府信息公开情况统计表\n\
            | 指标名称 | 计量单位 | 代码 | 本期实际 | 本年累计 |\n| 主动公开信息数 | 条 | 01 | 31 | 31 |\n\
            | 受理依申请公开信息总数 | 条 | 02 | 19 | 19 |\n| 其中:1.当面申请数 | 条 | 03 | 3 | 3 |\n";
        assert_eq!(requests(&read_text(coded)), vec![("new_received", 19), ("channel_in_person", 3)]);
    }

    #[test]
    fn serial_numbers_before_the_labels() {
        let text = "序号 | 统计指标 | 计量单位 | 数据统计数 |\n1 | 一、主动公开情况 |\n\
            2 | (一)主动公开政府信息数(不同渠道和方式公开相同信息计1条) | 条 | 85 |\n5 | 二、依申请公开情况 |\n\
            6 | (一)收到申请数 | 件 | 7 |\n7 | 其中:1.当面申请数 | 件 | 2 |\n13 | 1.同意公开答复数 | 件 | 4 |\n\
            16 | 三、行政复议数量 | 件 | 0 |\n";
        for text in [text.to_string(), text.replace(" | ", "\t").replace(" |\n", "\n")] {
            let r = read_text(&text);
            assert_eq!(requests(&r), vec![("new_received", 7), ("channel_in_person", 2), ("granted", 4)], "{text}");
            assert_eq!(proactive(&r), vec![85.0]);
            assert_eq!(r.litigation.iter().map(|f| f.count).collect::<Vec<_>>(), vec![0]);
        }
    }

    #[test]
    fn a_table_printed_across() {
        let want = vec![
            ("new_received", 5),
            ("channel_in_person", 1),
            ("channel_online", 3),
            ("granted", 3),
            ("partially_granted", 1),
            ("unable_not_held", 1),
        ];
        let pipes = "| 申请总数 | 当面申请 | 网上申请 | 同意公开 | 同意部分公开 | 非本机关 |\n| 5 | 1 | 3 | 3 | 1 | 1 |\n";
        let tabs = "申请总数\t当面申请\t网上申请\t同意公开\t同意部分公开\t非本机关\n5\t1\t3\t3\t1\t1\n";
        let aligned = "  申请总数    当面申请    网上申请    同意公开    同意部分公开    非本机关\n\
            \x20    5           1           3           3             1               1\n";
        for text in [pipes, tabs, aligned] {
            assert_eq!(requests(&read_text(text)), want, "{text}");
        }
        // Heads most of which name no count, or a row below of another length: no table.
        let other = "| 姓名 | 职务 | 电话 | 申请总数 |\n| 5 | 1 | 3 | 3 |\n";
        assert!(read_text(other).requests.is_empty());
        let short = "| 申请总数 | 当面申请 | 网上申请 | 同意公开 |\n| 5 | 1 | 3 |\n";
        assert!(read_text(short).requests.is_empty());
        // A row a year: none is the report's own.
        let years = "| 年份 | 申请总数 | 同意公开 | 不予公开 |\n| 2014 | 5 | 3 | 1 |\n| 2015 | 8 | 6 | 2 |\n";
        assert!(read_text(years).requests.is_empty());
    }

    #[test]
    fn the_header_above_the_table_not_above_a_sentence() {
        // The prose names an indicator, its figure on a line apart, before the table.
        let text = "二、主动公开政府信息情况\n2012年度我局主动公开政府信息数\n183\n条。\n七、附表\n\
            | 指标名称 | 计量单位 | 代码 | 本期实际 | 本年累计 |\n| 主动公开信息数 | 条 | 01 | 183 | 183 |\n\
            | 受理依申请公开信息总数 | 条 | 02 | 7 | 7 |\n| 2.传真申请数 | 条 | 03 | 1 | 1 |\n| 行政复议数 | 件 | 05 | 0 | 0 |\n";
        let r = read_text(text);
        assert_eq!(requests(&r), vec![("new_received", 7), ("channel_fax", 1)]);
        assert_eq!(r.litigation.iter().map(|f| f.count).collect::<Vec<_>>(), vec![0]);
    }

    #[test]
    fn a_form_printed_blank_holds_no_count() {
        let r = read_text("指标名称 | 计量单位 | 2009年度 | 历年累计 |\n主动公开信息数 | 条 | | |\n受理依申请公开信息总数 | 条 | | |\n");
        assert!(r.requests.is_empty() && r.disclosures.is_empty());
    }

    #[test]
    fn aligned_with_a_running_total_beside_the_year() {
        let text = "指标名称                   计量单位    2012年度    历年累计\n\
            主动公开信息数                 条        356        2210\n\
            其中：全文电子化的主动公开信息数     条        356        2210\n\
            受理依申请公开信息总数             条        14         60\n\
            其中：1.当面申请数               条        3          20\n\
            本年度对申请的答复总数              条        14         60\n\
            其中：1.同意公开答复数             条        10         41\n\
            行政复议数                     件        0          1\n";
        let r = read_text(text);
        assert_eq!(proactive(&r), vec![356.0]);
        assert_eq!(
            requests(&r),
            vec![("new_received", 14), ("channel_in_person", 3), ("answered", 14), ("granted", 10)]
        );
        assert_eq!(proceedings(&r), vec![("reconsideration", 0)]);
    }
}
