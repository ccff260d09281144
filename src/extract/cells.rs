//! Layouts: from normalised text to rows of label fragments and value cells.
//!
//! Published pages flatten the template tables in a few recurring ways:
//!
//! - **pipe rows**: all cells of a row on one line, `| 一、本年新收… | 12 | | 12 |`
//!   (Markdown tables are this plus `|---|` rules);
//! - **pipe cells**: one cell per line ending in ` |`, an empty cell as a lone `|`
//!   and runs of `||||` between rows (pages saved through some converters);
//! - **aligned**: columns separated by spaces, as `pdftotext -layout` prints them,
//!   with labels wrapping onto neighbouring lines and page footers (`-4-`) between
//!   rows; also inline text where a label runs straight into its number
//!   (`政府集中采购130万元`).
//!
//! [`rows`] turns any of these into one sequence of [`Row`]s. It knows nothing of
//! templates; `tables` matches the rows against them.

use crate::normalize::{squash, whitespace_at};

/// How a document prints its tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layout {
    PipeRows,
    PipeCells,
    Aligned,
}

impl Layout {
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::PipeRows => "pipe_rows",
            Layout::PipeCells => "pipe_cells",
            Layout::Aligned => "aligned",
        }
    }
}

/// A unit printed inside a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellUnit {
    Yuan,
    WanYuan,
}

/// A number read from a cell, as printed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Value {
    pub number: f64,
    pub unit: Option<CellUnit>,
}

/// A table cell: a value, or empty (`None`) where the layout shows an empty cell.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Cell {
    pub value: Option<Value>,
    /// Byte offset in the normalised text.
    pub offset: usize,
    /// Character column of the cell's middle on its line (aligned layouts).
    pub center: f64,
}

impl Cell {
    /// The cell's number, an empty cell's 0 (a filled table's blank).
    pub fn number(&self) -> f64 {
        self.value.map_or(0.0, |v| v.number)
    }
}

/// Whether a row's numbers add up: the last the sum of the others.
pub fn adds_up(values: &[f64]) -> bool {
    let (last, others) = values.split_last().expect("a row of numbers");
    others.iter().sum::<f64>() == *last
}

/// Whether a row's cells add up, an empty cell a 0.
pub fn cells_add_up(cells: &[Cell]) -> bool {
    let (last, others) = cells.split_last().expect("a row of cells");
    others.iter().map(Cell::number).sum::<f64>() == last.number()
}

/// Whether no line ends between two places of `text` (`a` before `b`).
pub fn same_line(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b).is_some_and(|s| !s.contains('\n'))
}

/// Whether a blank line stands between two places of `text` (`a` before `b`).
pub fn blank_between(text: &str, a: usize, b: usize) -> bool {
    let between = text.as_bytes().get(a..b).unwrap_or_default();
    // A line wholly between the two with nothing but blanks on it.
    let mut breaks = memchr::memchr_iter(b'\n', between);
    let Some(mut last) = breaks.next() else { return false };
    breaks.any(|next| {
        let blank = between[last + 1..next].iter().all(u8::is_ascii_whitespace);
        last = next;
        blank
    })
}

/// A piece of label text with its place.
#[derive(Clone, Debug, PartialEq)]
pub struct Frag<'a> {
    pub text: &'a str,
    pub offset: usize,
    pub center: f64,
}

/// What a row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Part of a table, or a short heading: labels and cells.
    Table,
    /// A sentence of running text: tables do not continue through it.
    Prose,
}

/// One row of a layout: label fragments and the cells that follow them.
#[derive(Clone, Debug)]
pub struct Row<'a> {
    pub kind: Kind,
    pub labels: Vec<Frag<'a>>,
    pub cells: Vec<Cell>,
    /// Whether the layout delimits cells, so that an empty cell is visible.
    pub delimited: bool,
    /// Byte offset of the row's first line.
    pub offset: usize,
    /// Numbers one per line (raw `pdftotext`), gathered from consecutive lines.
    pub vertical: bool,
    /// The label with whitespace removed, computed once when the rows are done.
    squashed: String,
}

impl<'a> Row<'a> {
    fn new(kind: Kind, delimited: bool, offset: usize) -> Self {
        Row { kind, labels: Vec::new(), cells: Vec::new(), delimited, offset, vertical: false, squashed: String::new() }
    }

    /// The label with whitespace removed, as cues are matched.
    pub fn label(&self) -> &str {
        &self.squashed
    }

    fn compute_label(&self) -> String {
        let mut label = String::with_capacity(self.labels.iter().map(|f| f.text.len()).sum());
        for f in &self.labels {
            crate::normalize::squash_into(f.text, &mut label);
        }
        label
    }

    /// The label as printed, its fragments parted by a blank (a heading's
    /// numeral and its words, `七 附表`, stay apart as [`Row::label`] does not
    /// keep them).
    pub fn spaced_label(&self) -> String {
        self.labels.iter().map(|f| f.text).collect::<Vec<_>>().join(" ")
    }

    /// The same row with other label fragments (and its label recomputed).
    pub fn with_labels(&self, labels: Vec<Frag<'a>>, cells: Vec<Cell>) -> Row<'a> {
        // Built field by field: a copy of the whole row would copy all its cells.
        let (kind, delimited, offset, vertical) = (self.kind, self.delimited, self.offset, self.vertical);
        let mut row = Row { kind, labels, cells, delimited, offset, vertical, squashed: String::new() };
        row.squashed = row.compute_label();
        row
    }

    /// Whether any cell holds a number (`无` counts: it states zero).
    pub fn has_value(&self) -> bool {
        self.cells.iter().any(|c| c.value.is_some())
    }

    pub fn is_orphan(&self) -> bool {
        self.kind == Kind::Table && self.cells.is_empty()
    }

    /// A line of numbers and nothing else.
    pub fn is_numbers_alone(&self) -> bool {
        self.kind == Kind::Table && self.labels.is_empty() && !self.cells.is_empty()
    }
}

/// Label text longer than this (whitespace removed) is running text, not a row label:
/// the longest template label has 40 characters.
const MAX_LABEL_CHARS: usize = 60;

/// Reads the layout of `text` and returns it with the text's rows.
pub fn rows(text: &str) -> (Layout, Vec<Row<'_>>) {
    let layout = detect_layout(text);
    // About a row a line: the rows are placed once, not moved as the list grows.
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    let mut open: Option<Row> = None; // the row being filled, pipe-cell layout only
    let has_pipes = memchr::memchr(b'|', text.as_bytes()).is_some();
    for (offset, line) in lines(text) {
        let trimmed = trim(line);
        if trimmed.is_empty() || is_page_furniture(trimmed) {
            continue;
        }
        if !(has_pipes && memchr::memchr(b'|', line.as_bytes()).is_some()) {
            // Tabs after the text begins delimit cells (trailing ones are empty cells).
            let from_text = &line[trimmed.as_ptr() as usize - line.as_ptr() as usize..];
            let tabbed = memchr::memchr(b'\t', from_text.as_bytes()).is_some();
            let row = if tabbed {
                delimited_row(line, b'\t', offset)
            } else {
                Some(aligned_row(line, offset))
            };
            let Some(row) = row else { continue };
            if layout == Layout::PipeCells && row.kind == Kind::Table && row.cells.is_empty() {
                // A heading between cells reads as one more label of the open row.
                push_label_cell(&mut open, &mut out, row.labels, offset);
            } else {
                out.extend(open.take());
                if !(row.labels.is_empty() && row.cells.is_empty()) {
                    out.push(row);
                }
            }
            continue;
        }
        match layout {
            Layout::PipeCells => pipe_cell_line(line, offset, &mut open, &mut out),
            _ => {
                out.extend(open.take());
                if let Some(row) = delimited_row(line, b'|', offset) {
                    out.push(row);
                }
            }
        }
    }
    out.extend(open.take());
    let mut out = gather_columns(out);
    if layout == Layout::Aligned {
        super::wrapped::join(text, &mut out);
    }
    for row in &mut out {
        if row.squashed.is_empty() {
            row.squashed = row.compute_label();
        }
    }
    (layout, out)
}

/// Joins runs of lines that each hold one number and nothing else (raw
/// `pdftotext` prints a table cell by cell) into one row.
fn gather_columns(rows: Vec<Row<'_>>) -> Vec<Row<'_>> {
    let lone = |r: &Row| r.kind == Kind::Table && !r.delimited && r.labels.is_empty() && r.cells.len() == 1;
    let mut out: Vec<Row> = Vec::with_capacity(rows.len());
    for row in rows {
        match out.last_mut() {
            Some(last) if lone(&row) && (lone(last) || last.vertical) => {
                last.cells.extend(row.cells);
                last.vertical = true;
            }
            _ => out.push(row),
        }
    }
    out
}

/// Lines with their byte offsets.
pub fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .chain(std::iter::once(text.len()))
        .map(move |end| {
            let line = (start, &text[start..end]);
            start = end + 1;
            line
        })
}

/// `s.trim()`, decoding a character at either end only where its first byte
/// may start a whitespace character (never for a Chinese one).
pub fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    let mut start = 0;
    while start < b.len() {
        match whitespace_at(s, start) {
            0 => break,
            width => start += width,
        }
    }
    let mut end = b.len();
    while end > start {
        // The first byte of the last character.
        let mut last = end - 1;
        while last > start && b[last] & 0xc0 == 0x80 {
            last -= 1;
        }
        if whitespace_at(s, last) == 0 {
            break;
        }
        end = last;
    }
    &s[start..end]
}

fn detect_layout(text: &str) -> Layout {
    let (mut cell_lines, mut row_lines) = (0usize, 0usize);
    if memchr::memchr(b'|', text.as_bytes()).is_none() {
        return Layout::Aligned;
    }
    for (_, line) in lines(text) {
        if memchr::memchr(b'|', line.as_bytes()).is_none() {
            continue;
        }
        let t = trim(line);
        let content = t.trim_matches(|c: char| c == '|' || c.is_whitespace());
        if content.is_empty() || content.chars().all(|c| matches!(c, '-' | ':' | '|' | ' ')) {
            continue;
        }
        // The line's one pipe is its last character.
        if t.ends_with('|') && memchr::memchr(b'|', t.as_bytes()) == Some(t.len() - 1) {
            cell_lines += 1;
        } else {
            row_lines += 1;
        }
    }
    if cell_lines == 0 && row_lines == 0 {
        Layout::Aligned
    } else if cell_lines > row_lines {
        Layout::PipeCells
    } else {
        Layout::PipeRows
    }
}

/// Page numbers and footers that `pdftotext` leaves between the rows of a table.
pub(super) fn is_page_furniture(t: &str) -> bool {
    if !t.starts_with(['-', '—', '–', '_', '第']) {
        return false;
    }
    let s = squash(t);
    let dash = |c: char| matches!(c, '-' | '—' | '–' | '_');
    let core = s.trim_matches(dash);
    // `- 4 -`, `—4—`: a dash or two on both sides (a lone `-2` is a number; a
    // row of cells marked none around a number, `— — 1 1 — —`, holds more).
    let run = |chars: &mut dyn Iterator<Item = char>| chars.take_while(|&c| dash(c)).count();
    let dashed = (1..=2).contains(&run(&mut s.chars())) && (1..=2).contains(&run(&mut s.chars().rev()));
    if dashed && !core.is_empty() && core.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    // 第 3 页 / 第3页共10页 / 3/10
    if let Some(rest) = s.strip_prefix('第') {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() && rest[digits.len()..].starts_with('页') {
            let tail = &rest[digits.len() + '页'.len_utf8()..];
            return tail.is_empty() || (tail.starts_with('共') && tail.ends_with('页'));
        }
    }
    false
}

/// Pipe-cell layout: `label |`, `12 |`, a lone `|` for an empty cell, `||||` between rows.
fn pipe_cell_line<'a>(line: &'a str, offset: usize, open: &mut Option<Row<'a>>, out: &mut Vec<Row<'a>>) {
    let trimmed = line.trim();
    let content = trimmed.trim_matches(|c: char| c == '|' || c.is_whitespace());
    if content.is_empty() {
        if trimmed.matches('|').count() == 1 {
            let pipe = offset + line.find('|').unwrap_or(0);
            let row = open.get_or_insert_with(|| Row::new(Kind::Table, true, offset));
            row.cells.push(Cell { value: None, offset: pipe, center: 0.0 });
        }
        return;
    }
    for (piece_offset, piece) in pieces(line, b'|', offset) {
        let text = trim(piece);
        if text.is_empty() {
            continue;
        }
        let start = piece_offset + (piece.len() - piece.trim_start().len());
        match parse_cell(text) {
            Some(value) => {
                let row = open.get_or_insert_with(|| Row::new(Kind::Table, true, offset));
                row.cells.push(Cell {
                    value,
                    offset: start,
                    center: 0.0,
                });
            }
            None => push_label_cell(
                open,
                out,
                vec![Frag {
                    text,
                    offset: start,
                    center: 0.0,
                }],
                offset,
            ),
        }
    }
}

/// A label in the pipe-cell layout opens a new row once the open one has cells.
fn push_label_cell<'a>(
    open: &mut Option<Row<'a>>,
    out: &mut Vec<Row<'a>>,
    labels: Vec<Frag<'a>>,
    offset: usize,
) {
    if open.as_ref().is_some_and(|r| !r.cells.is_empty()) {
        out.extend(open.take());
    }
    open.get_or_insert_with(|| Row::new(Kind::Table, true, offset))
        .labels
        .extend(labels);
}

/// The `sep`-separated pieces of a line with their byte offsets.
fn pieces(line: &str, sep: u8, offset: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    memchr::memchr_iter(sep, line.as_bytes())
        .chain(std::iter::once(line.len()))
        .map(move |end| {
            let piece = (offset + start, &line[start..end]);
            start = end + 1;
            piece
        })
}

/// One line, one row, cells separated by `sep`: `|` (pipe rows, Markdown) or a tab
/// (text copied from a browser's table). Leading and trailing separators are
/// borders; an empty piece between two separators is an empty cell.
fn delimited_row(line: &str, sep: u8, offset: usize) -> Option<Row<'_>> {
    // Each piece: where its text starts, the piece trimmed, and its text
    // without the `**` of Markdown emphasis.
    let mut parts: Vec<(usize, &str, &str)> = Vec::with_capacity(memchr::memchr_iter(sep, line.as_bytes()).count() + 1);
    parts.extend(pieces(line, sep, offset).map(|(o, piece)| {
        let trimmed = trim(piece);
        let lead = if trimmed.is_empty() {
            piece.len()
        } else {
            trimmed.as_ptr() as usize - piece.as_ptr() as usize
        };
        let start = o + lead;
        let text = if memchr::memchr(b'*', trimmed.as_bytes()).is_some() {
            trimmed.trim_matches('*').trim()
        } else {
            trimmed
        };
        (start, trimmed, text)
    }));
    // Pipes at the ends of a line are borders; tabs there are empty cells.
    if sep == b'|' {
        if parts.first().is_some_and(|p| p.1.is_empty()) {
            parts.remove(0);
        }
        if parts.last().is_some_and(|p| p.1.is_empty()) {
            parts.pop();
        }
    }
    // Markdown rules (`|---|:--:|`) and bare runs of pipes separate rows; a row
    // of `—`, or of a dash or two a cell, is a row of cells marked none.
    let rule = |p: &str| {
        p.chars().all(|c| matches!(c, '-' | ':')) && (p.is_empty() || p.contains(':') || p.matches('-').count() >= 3)
    };
    if parts.iter().all(|p| rule(p.1)) {
        return None;
    }
    let mut row = Row::new(Kind::Table, true, offset);
    let parsed: Vec<(usize, &str, Option<Option<Value>>)> =
        parts.into_iter().map(|(start, _, text)| (start, text, parse_cell(text))).collect();
    let has_label = parsed.iter().any(|p| p.2.is_none());
    // A form's serial number before the label (`2 | (一)收到申请数 | 件 | 7 |`) is
    // no count.
    let serial = matches!(parsed.as_slice(), [(_, _, Some(Some(v))), (_, _, None), ..] if is_serial(v));
    let parsed = &parsed[usize::from(serial)..];
    row.cells.reserve_exact(parsed.iter().filter(|p| p.2.is_some()).count());
    for &(start, text, cell) in parsed {
        match cell {
            // Empty cells before the first label are the blank corner under a
            // spanning label (`| | (二)部分公开 | 0 |`), not values; in a row
            // without a label they are values.
            Some(None) if has_label && row.labels.is_empty() && row.cells.is_empty() => {}
            Some(value) => row.cells.push(Cell {
                value,
                offset: start,
                center: 0.0,
            }),
            // A label spanning columns repeats in each: keep it once.
            None if row.cells.is_empty() && row.labels.last().is_some_and(|l| l.text == text) => {}
            None if row.cells.is_empty() => row.labels.push(Frag {
                text,
                offset: start,
                center: 0.0,
            }),
            // A note after the numbers belongs to no column.
            None => {}
        }
    }
    // A sentence in a cell makes the row text; long labels spread over several
    // cells (spanned group labels) do not, nor a label's note in brackets.
    let long = |t: &str| {
        t.len() > MAX_LABEL_CHARS && without_notes(t).chars().filter(|c| !c.is_whitespace()).count() > MAX_LABEL_CHARS
    };
    if row
        .labels
        .iter()
        .any(|l| l.text.contains('。') || long(l.text))
    {
        row.kind = Kind::Prose;
        row.cells.clear();
    }
    Some(row)
}

/// Whether a value could be a row's serial number (`序号`): a small whole number.
fn is_serial(v: &Value) -> bool {
    v.unit.is_none() && v.number.fract() == 0.0 && (1.0..1000.0).contains(&v.number)
}

/// The most characters a bracketed part of a label holds and still belongs to its
/// name (`(一)`, `(单位:万元)`); longer ones are notes on what to count.
const NOTE_CHARS: usize = 8;

/// A label without the notes a form prints in brackets after a row's name
/// (`规范性文件(行政机关制定发布的决定、公告…)`, `处理决定数量(指2020年办件量)` keeps
/// its name): the notes name other rows' words.
pub(super) fn without_notes(label: &str) -> std::borrow::Cow<'_, str> {
    if !label.contains(['(', ')']) {
        return std::borrow::Cow::Borrowed(label);
    }
    let long = |note: &str| note.chars().count() > NOTE_CHARS;
    // The byte ranges taken out (most labels' brackets are short: none).
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut at = 0;
    // The end of a note begun on the line above (the label wrapped inside it).
    if let Some(close) = label.find(')') {
        if !label[..close].contains('(') && long(&label[..close]) {
            cuts.push((0, close + 1));
            at = close + 1;
        }
    }
    while let Some(open) = label[at..].find('(').map(|o| at + o) {
        let inner = open + 1;
        match label[inner..].find(')') {
            Some(c) => {
                if long(&label[inner..inner + c]) {
                    cuts.push((open, inner + c + 1));
                }
                at = inner + c + 1;
            }
            // A note that goes on to the line below.
            None => {
                if long(&label[inner..]) {
                    cuts.push((open, label.len()));
                }
                break;
            }
        }
    }
    if cuts.is_empty() {
        return std::borrow::Cow::Borrowed(label);
    }
    let mut out = String::with_capacity(label.len());
    let mut from = 0;
    for (a, b) in cuts {
        out.push_str(&label[from..a]);
        from = b;
    }
    out.push_str(&label[from..]);
    std::borrow::Cow::Owned(out)
}

/// Marks a table puts in a cell for none instead of a 0.
const NONE_MARKS: &[&str] = &["-", "--", "—", "——", "–", "/", "\\"];

const ZERO_VALUE: Value = Value { number: 0.0, unit: None };

/// The width in characters of a mark for none (`—`, `/`) that stands alone
/// between blanks at byte `i` of `line`, and the cells it marks; or,
/// `after_number`, touching the number before it, a blank after it (`1—  —`:
/// narrow columns printed close). Two slashes (`//`, `\\`) between blanks are
/// two neighbouring cells' marks printed touching, as `pdftotext -layout`
/// prints narrow columns (no table marks a cell so).
fn none_mark_at(line: &str, i: usize, after_number: bool) -> Option<(usize, usize)> {
    let rest = &line[i..];
    if !rest.starts_with(['-', '—', '–', '/', '\\']) {
        return None;
    }
    let end = rest.find(char::is_whitespace);
    let token = &rest[..end.unwrap_or(rest.len())];
    let before = line[..i].chars().next_back();
    let blank_before = before.is_none_or(char::is_whitespace);
    if blank_before && matches!(token, "//" | "\\\\") {
        return Some((2, 2));
    }
    let after_digit = before.is_some_and(|c| c.is_ascii_digit());
    let touching = after_number && after_digit && end.is_some() && token.starts_with('—');
    let alone = blank_before || touching;
    (alone && NONE_MARKS.contains(&token)).then(|| (token.chars().count(), 1))
}

/// The digits of a count at byte `i` of `line` that a slash touches, a blank
/// after it (`1/ `), in a line whose cells are marked none with slashes (one
/// stands between blanks): `pdftotext -layout` prints narrow columns so close
/// that a count and the next cell's mark touch. `None` otherwise (a date's
/// `1/2`, a count glued to what comes before it).
fn slash_touching(line: &str, i: usize, before: Option<char>) -> Option<usize> {
    if before.is_some_and(|b| !b.is_whitespace()) {
        return None;
    }
    let rest = &line[i..];
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let slash = rest[digits..].strip_prefix(['/', '\\'])?;
    let alone = |t: &str| matches!(t, "/" | "\\");
    (digits > 0 && slash.chars().next().is_none_or(char::is_whitespace) && line.split_whitespace().any(alone))
        .then_some(digits)
}

/// Aligned or inline text: numbers become cells at their character column (a
/// mark for none, `—`, a zero), everything else label fragments.
fn aligned_row<'a>(line: &'a str, offset: usize) -> Row<'a> {
    let mut row = Row::new(Kind::Table, false, offset);
    // Where the label being read starts: (byte, character column).
    let mut label_start: Option<(usize, usize)> = None;
    let flush = |row: &mut Row<'a>, (b0, c0): (usize, usize), (b1, c1): (usize, usize)| {
        let text = &line[b0..b1];
        if !trim(text).is_empty() {
            row.labels.push(Frag {
                text,
                offset: offset + b0,
                center: (c0 + c1) as f64 / 2.0,
            });
        }
    };
    let (mut i, mut column) = (0, 0); // byte, character column
    let mut before: Option<char> = None;
    // Brackets open in the label: a number glued to the words of a note the
    // line cuts (`处理决定数量(指2019` / `年办件量)`) is the note's, and so is a
    // year (`(指 2019 年事项`).
    let mut open = 0usize;
    // Whether the last thing read was a number cell.
    let mut after_number = false;
    while let Some(c) = line[i..].chars().next() {
        let glued = before.is_some_and(|b| !b.is_whitespace());
        let in_note = |n: &Number| open > 0 && (glued || trim(&line[i + n.bytes..]).starts_with('年'));
        if c.is_whitespace() {
            if let Some(s) = label_start.take() {
                flush(&mut row, s, (i, column));
            }
        } else if let Some((chars, n)) = label_start.is_none().then(|| none_mark_at(line, i, after_number)).flatten() {
            // A cell marked none (`—`, `/`) between blanks: a zero (two, `//`).
            let width = (chars / n) as f64;
            for k in 0..n {
                let center = column as f64 + k as f64 * width + (width - 1.0) / 2.0;
                row.cells.push(Cell { value: Some(ZERO_VALUE), offset: offset + i + k, center });
            }
            let token = line[i..].find(char::is_whitespace).unwrap_or(line.len() - i);
            i += token;
            column += chars;
            before = line[..i].chars().next_back();
            continue;
        } else if let Some(digits) = label_start.is_none().then(|| slash_touching(line, i, before)).flatten() {
            // A count and the next cell's slash touching (`1/`): two cells.
            let count = line[i..i + digits].parse::<f64>().unwrap_or(0.0);
            let center = column as f64 + (digits as f64 - 1.0) / 2.0;
            row.cells.push(Cell { value: Some(Value { number: count, unit: None }), offset: offset + i, center });
            let mark = column as f64 + digits as f64;
            row.cells.push(Cell { value: Some(ZERO_VALUE), offset: offset + i + digits, center: mark });
            i += digits + 1;
            column += digits + 1;
            before = line[..i].chars().next_back();
            continue;
        } else if let Some(n) = number_at(line, i, before).filter(|n| !in_note(n)) {
            if let Some(s) = label_start.take() {
                flush(&mut row, s, (i, column));
            }
            row.cells.push(Cell {
                value: Some(n.value),
                offset: offset + i,
                center: column as f64 + (n.chars as f64 - 1.0) / 2.0,
            });
            i += n.bytes;
            column += n.chars;
            before = line[..i].chars().next_back();
            after_number = true;
            continue;
        } else {
            label_start.get_or_insert((i, column));
            match c {
                '(' => open += 1,
                ')' => open = open.saturating_sub(1),
                _ => {}
            }
        }
        i += c.len_utf8();
        column += 1;
        before = Some(c);
        after_number = false;
    }
    if let Some(s) = label_start {
        flush(&mut row, s, (line.len(), column));
    }
    row.squashed = row.compute_label();
    if row.squashed.contains('。') || without_notes(&row.squashed).chars().count() > MAX_LABEL_CHARS {
        row.kind = Kind::Prose;
        row.cells.clear();
    }
    row
}

/// Reads a whole delimited cell: `Some(None)` for an empty cell, `Some(Some(v))`
/// for a number (`无` is zero, and so is a dash or a slash: a mark put in a cell
/// for none, which a table of nothing but such marks states), `None` for label
/// text.
pub fn parse_cell(text: &str) -> Option<Option<Value>> {
    // Most pieces are labels: turn them away before any allocation.
    let first = text.trim_start().trim_start_matches('*').chars().next();
    let may_be_value = |c: char| c.is_ascii_digit() || matches!(c, '减' | '增' | '-' | '+' | '—' | '–' | '/' | '\\' | '无' | '零');
    if first.is_some_and(|c| !may_be_value(c)) {
        return None;
    }
    // The common cell: plain digits.
    let plain = text.trim();
    if !plain.is_empty() && plain.len() <= 15 && plain.bytes().all(|b| b.is_ascii_digit()) {
        // At most 15 digits: exact as an f64.
        let n = plain.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
        return Some(Some(Value { number: n as f64, unit: None }));
    }
    let t = squash(text);
    let t = t.trim_matches('*');
    if t.is_empty() {
        return Some(None);
    }
    if matches!(t, "无" | "0件" | "零" | "-/-") || NONE_MARKS.contains(&t) {
        return Some(Some(Value { number: 0.0, unit: None }));
    }
    match number_at(t, 0, None) {
        Some(n) if n.bytes == t.len() => Some(Some(n.value)),
        _ => None,
    }
}

/// Whether `cell` of `text` is a number put in words (`增加 16`, `减少12`).
pub fn in_words(text: &str, cell: &Cell) -> bool {
    sign_of(text, cell.offset).is_some_and(|w| !w.is_ascii())
}

/// Whether `cell` of `text` is a number with its sign, in words or marked
/// (`增加 16`, `+20`, `-15`), as a change is printed.
pub fn signed(text: &str, cell: &Cell) -> bool {
    signed_at(text, cell.offset)
}

/// Whether the number at `offset` of `text` is printed with its sign (see [`signed`]).
pub fn signed_at(text: &str, offset: usize) -> bool {
    sign_of(text, offset).is_some()
}

/// The sign a word alone gives a change (`减少`: -1), where it is one.
pub fn sign_word(word: &str) -> Option<f64> {
    SIGN_WORDS.iter().find(|&&(w, _)| !w.is_ascii() && w == word.trim()).map(|&(_, s)| s)
}

/// The sign a cell's number is printed with, in words or marked: before its
/// digits (a dash alone is a mark for none, no sign).
fn sign_of(text: &str, offset: usize) -> Option<&'static str> {
    let at = text.get(offset..).unwrap_or_default();
    let before_digits = |rest: &str| rest.trim_start_matches(' ').starts_with(|c: char| c.is_ascii_digit());
    SIGN_WORDS.iter().map(|&(w, _)| w).find(|w| at.strip_prefix(w).is_some_and(before_digits))
}

const SIGN_WORDS: &[(&str, f64)] = &[
    ("减少", -1.0),
    ("增加", 1.0),
    ("减", -1.0),
    ("增", 1.0),
    // A minus typed twice.
    ("--", -1.0),
    ("-", -1.0),
    ("+", 1.0),
];
const UNITS: &[(&str, Option<CellUnit>)] = &[
    ("万元", Some(CellUnit::WanYuan)),
    // (Spaced, as a layout of letter-spaced words prints it.)
    ("万 元", Some(CellUnit::WanYuan)),
    ("元", Some(CellUnit::Yuan)),
    ("人次", None),
    ("件", None),
    ("条", None),
    ("个", None),
    ("项", None),
    ("宗", None),
    ("次", None),
];

/// A number read by [`number_at`]: its value and how much text it takes.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Number {
    value: Value,
    bytes: usize,
    chars: usize,
}

/// A number starting at byte `i` of `s` (`before` is the character before it):
/// an optional sign word (`减少45` is -45), digits with thousands separators, a
/// decimal part and an optional unit. Digits that number a label (`1.属于`,
/// `(2)`) or belong to a date (`2019年`) are not numbers.
fn number_at(s: &str, i: usize, before: Option<char>) -> Option<Number> {
    let bytes = s.as_bytes();
    let digit = |k: usize| bytes.get(k).is_some_and(u8::is_ascii_digit);
    let first = *bytes.get(i)?;
    // The sign words start with `-`, `+` or the first byte of 减 and 增.
    if !(first.is_ascii_digit() || matches!(first, b'-' | b'+' | 0xe5)) {
        return None;
    }
    if let Some(p) = before {
        if p.is_ascii_alphanumeric() || matches!(p, '.' | '/' | '-' | ':') {
            return None;
        }
    }
    let mut k = i;
    let mut chars = 0;
    let mut sign = 1.0;
    if !first.is_ascii_digit() {
        let rest = &s[i..];
        // `pdftotext` parts Chinese from digits by a blank (`减少 12`).
        let gap = |w: &str| usize::from(bytes.get(i + w.len()) == Some(&b' ') && !first.is_ascii_punctuation());
        let (word, s) = SIGN_WORDS
            .iter()
            .find(|(w, _)| rest.starts_with(w) && digit(i + w.len() + gap(w)))?;
        sign = *s;
        k += word.len() + gap(word);
        chars += word.chars().count() + gap(word);
    }
    let digits_start = k;
    let mut commas = false;
    while k < bytes.len() {
        let b = bytes[k];
        if b.is_ascii_digit() {
            k += 1;
        } else if b == b',' && digit(k + 1) && k > digits_start {
            // Thousands separator only when three digits follow.
            let group = bytes[k + 1..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            if group != 3 {
                break;
            }
            commas = true;
            k += 1;
        } else {
            break;
        }
    }
    if bytes.get(k) == Some(&b'.') && digit(k + 1) {
        k += 1;
        while digit(k) {
            k += 1;
        }
    }
    let number_end = k;
    chars += k - digits_start;
    let mut unit = None;
    // The unit, glued to the number or a space after it (`130 万元`).
    let spaced = usize::from(bytes.get(k) == Some(&b' '));
    if let Some((word, u)) = UNITS.iter().find(|(w, _)| s[k + spaced..].starts_with(w)) {
        unit = *u;
        k += spaced + word.len();
        chars += spaced + word.chars().count();
    }
    if let Some(next) = s[k..].chars().next() {
        let numbering = matches!(
            next,
            '.' | '、' | ')' | '）' | '年' | '月' | '日' | '%' | '号' | '时' | ':' | '/' | '-'
        ) || next.is_ascii_alphanumeric();
        if numbering {
            return None;
        }
    }
    if before == Some('(') {
        return None;
    }
    let printed = &s[digits_start..number_end];
    // A year parted from its 年 by a blank (`2020 年办件量)`, a header's note
    // `pdftotext` wrapped): no count.
    let year = printed.len() == 4 && printed.parse::<u32>().is_ok_and(|y| (1980..=2100).contains(&y));
    if year && unit.is_none() && s[k..].trim_start().starts_with('年') {
        return None;
    }
    let number: f64 = if commas {
        printed.replace(',', "").parse().ok()?
    } else {
        printed.parse().ok()?
    };
    Some(Number {
        value: Value {
            number: sign * number,
            unit,
        },
        bytes: k - i,
        chars,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mark_touching_the_number_before_it_is_a_cell() {
        // `pdftotext -layout` of narrow columns: `1—` is 1 and a mark for none.
        let row = aligned_row("(七)总计            1—  —  —   1   —        2", 0);
        assert_eq!(row.cells.iter().map(Cell::number).collect::<Vec<_>>(), [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 2.0]);
        // A dash that ends the line is no mark.
        assert_eq!(aligned_row("其中 5—", 0).cells.len(), 1);
    }

    #[test]
    fn a_count_and_a_slash_touching_in_a_row_marked_with_slashes_are_two_cells() {
        let numbers = |line: &str| aligned_row(line, 0).cells.iter().map(Cell::number).collect::<Vec<_>>();
        // `pdftotext -layout` of 表四's narrow columns: `5/` is 5 and the next cell's mark, `1/` at the end too.
        let read = [0.0, 5.0, 0.0, 1.0, 6.0, 0.0, 5.0, 2.0, 0.0, 7.0];
        assert_eq!(numbers("                /  5/ 1  6 / 5   2   /   7"), read);
        assert_eq!(numbers("/   /   1   /   1/  /"), [0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0]);
        // Not a date, nor in a line with no slash for none.
        assert_eq!(numbers("发布日期 2021/1/2 /"), [0.0]);
        assert!(numbers("共 5/ 页").is_empty());
    }

    #[test]
    fn trim_agrees_with_str_trim() {
        let spaces: Vec<char> = (0..=0x3000u32).filter_map(char::from_u32).filter(|c| c.is_whitespace()).collect();
        // Characters that share a first byte with a space, and plain ones.
        let others = ['—', '。', 'ᚠ', '\u{a9}', '申', 'a', '1', '|'];
        for &a in spaces.iter().chain(&others) {
            for &z in spaces.iter().chain(&others) {
                for middle in ["", "一、本年新收", " 12 "] {
                    let s = format!("{a}{z}{middle}{z}{a}");
                    assert_eq!(trim(&s), s.trim(), "{s:?}");
                }
            }
        }
    }

    #[test]
    fn notes_in_brackets_leave_a_label_its_name() {
        assert_eq!(without_notes("(一)予以公开"), "(一)予以公开");
        assert_eq!(without_notes("采购总金额(单位:万元)"), "采购总金额(单位:万元)");
        assert_eq!(without_notes("规范性文件(行政机关制定发布的决定、公告、通告、意见、通知)"), "规范性文件");
        assert_eq!(without_notes("处理决定数量(指2020年办件量)本年增/减(指2020年增加或减少的事项数)"), "处理决定数量本年增/减");
        // A note wrapped over two lines: its first half, its second half.
        assert_eq!(without_notes("其他对外管理服务事项(指行政许可以外的政务服务事项,含行政"), "其他对外管理服务事项");
        assert_eq!(without_notes("确认、行政奖励、行政处罚、行政强制等)"), "");
        // A long label with a note is still a row of a table.
        let line = format!("规范性文件({}) | 2 | 2 | 19 |", "行政机关制定发布的决定、公告".repeat(6));
        let row = delimited_row(&line, b'|', 0).unwrap();
        assert_eq!((row.kind, values(&row)), (Kind::Table, vec![Some(2.0), Some(2.0), Some(19.0)]));
    }

    fn values(row: &Row) -> Vec<Option<f64>> {
        row.cells.iter().map(|c| c.value.map(|v| v.number)).collect()
    }

    #[test]
    fn cells_parse_signs_units_and_separators() {
        let v = |s: &str| parse_cell(s).unwrap().map(|v| (v.number, v.unit));
        assert_eq!(v("减少45"), Some((-45.0, None)));
        assert_eq!(v("减少 45"), Some((-45.0, None)));
        assert_eq!(v("增加2"), Some((2.0, None)));
        assert_eq!(v("1,204"), Some((1204.0, None)));
        assert_eq!(v("130万元"), Some((130.0, Some(CellUnit::WanYuan))));
        assert_eq!(v("130 万元"), Some((130.0, Some(CellUnit::WanYuan))));
        assert_eq!(v("68949.08元"), Some((68949.08, Some(CellUnit::Yuan))));
        assert_eq!(v("无"), Some((0.0, None)));
        assert_eq!(v("--253"), Some((-253.0, None)));
        assert_eq!(v("+22"), Some((22.0, None)));
        assert_eq!(v(" "), None);
        assert_eq!(v("—"), Some((0.0, None)));
        assert_eq!(v("/"), Some((0.0, None)));
        assert_eq!(v("–"), Some((0.0, None)));
        assert!(parse_cell("1.属于国家秘密").is_none());
        assert!(parse_cell("本年新收政府信息公开申请数量").is_none());
    }

    #[test]
    fn trim_agrees_with_the_standard_trim() {
        for s in [
            "",
            " ",
            "\u{3000}",
            " a ",
            "\u{2000}x\u{3000}",
            "\t中 \u{85}",
            "\u{a0}",
            "x",
            "中",
            " \u{3000} ",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }

    #[test]
    fn numbers_report_their_width_in_bytes_and_characters() {
        let n = number_at("减少1,204件。", 0, None).unwrap();
        assert_eq!(
            (n.value.number, n.bytes, n.chars),
            (-1204.0, "减少1,204件".len(), 8)
        );
        assert!(number_at("12", 0, Some('(')).is_none());
        assert!(number_at("12", 0, Some('a')).is_none());
        // `,34` is no thousands group: the number is 12, the comma punctuation.
        assert_eq!(
            number_at("12,34", 0, None).map(|n| (n.value.number, n.bytes)),
            Some((12.0, 2))
        );
        assert_eq!(
            number_at("3.5万元 ", 0, None).map(|n| (n.value.number, n.value.unit, n.chars)),
            Some((3.5, Some(CellUnit::WanYuan), 5))
        );
        assert_eq!(
            number_at("5.36万 元", 0, None).map(|n| (n.value.number, n.value.unit, n.chars)),
            Some((5.36, Some(CellUnit::WanYuan), 7))
        );
    }

    #[test]
    fn one_cell_per_line_with_lone_pipes_as_empty_cells() {
        let text = "(二)部分公开 |\n|\n|\n||\n(一)予以公开 |\n22 |\n|\n1 |\n23 |\n||\n";
        let (layout, rows) = rows(text);
        assert_eq!(layout, Layout::PipeCells);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].label(), "(二)部分公开");
        assert_eq!(values(&rows[0]), vec![None, None]);
        assert_eq!(values(&rows[1]), vec![Some(22.0), None, Some(1.0), Some(23.0)]);
        assert_eq!(&text[rows[1].cells[0].offset..rows[1].cells[0].offset + 2], "22");
    }

    #[test]
    fn pipe_rows_and_markdown_rules() {
        let text = "| 项目 | 自然人 | 总计 |\n|---|:--:|---|\n| | (二)部分公开 | 0 | | 3 |\n";
        let (layout, rows) = rows(text);
        assert_eq!(layout, Layout::PipeRows);
        assert_eq!(rows.len(), 2);
        assert!(rows[0].cells.is_empty());
        assert_eq!(rows[1].label(), "(二)部分公开");
        assert_eq!(values(&rows[1]), vec![Some(0.0), None, Some(3.0)]);
    }

    #[test]
    fn aligned_numbers_carry_their_columns_and_numbering_stays_label() {
        let text = "  1.属于国家秘密        0     12    1,204\n                - 4 -\n第3页\n  减少   -2\n";
        let (layout, rows) = rows(text);
        assert_eq!(layout, Layout::Aligned);
        assert_eq!(rows.len(), 2);
        assert_eq!(values(&rows[1]), vec![Some(-2.0)]);
        assert_eq!(rows[0].label(), "1.属于国家秘密");
        assert_eq!(values(&rows[0]), vec![Some(0.0), Some(12.0), Some(1204.0)]);
        assert!(rows[0].cells[0].center < rows[0].cells[1].center);
        // A sign word parted from its digits by a blank, as pdftotext prints it.
        let (_, rows) = super::rows("行政强制         0             减少 12   1\n");
        assert_eq!(values(&rows[0]), vec![Some(0.0), Some(-12.0), Some(1.0)]);
    }

    #[test]
    fn tabs_delimit_cells_and_two_tabs_make_an_empty_one() {
        let (layout, rows) = rows("\t(一)予以公开\t22\t\t1\t23\n\t全年共收到申请12件,已全部办结。\n");
        assert_eq!(layout, Layout::Aligned);
        assert_eq!(rows[0].label(), "(一)予以公开");
        assert_eq!(values(&rows[0]), vec![Some(22.0), None, Some(1.0), Some(23.0)]);
        assert!(rows[0].delimited);
        assert_eq!(rows[1].kind, Kind::Prose);
        // A row of empty cells keeps all of them.
        let (_, blank) = super::rows("2.重复申请\t\t\t\n\t1\t\n");
        assert_eq!(values(&blank[0]), vec![None, None, None]);
        // Without a label, a leading empty cell is a value.
        assert_eq!(values(&blank[1]), vec![None, Some(1.0), None]);
    }

    #[test]
    fn one_number_per_line_gathers_into_a_row() {
        let (_, rows) = rows("一、本年新收政\n府信息公开申请数量\n6\n\n1\n0\n7\n二、上年结转\n");
        assert_eq!(rows.len(), 4);
        assert!(rows[2].vertical);
        assert_eq!(values(&rows[2]), vec![Some(6.0), Some(1.0), Some(0.0), Some(7.0)]);
    }

    #[test]
    fn inline_label_and_amount() {
        for line in ["政府集中采购130万元\n", "政府集中采购 130 万元\n"] {
            let (_, rows) = rows(line);
            assert_eq!(rows[0].label(), "政府集中采购");
            assert_eq!(rows[0].cells.len(), 1, "{line}");
            assert_eq!(rows[0].cells[0].value, Some(Value { number: 130.0, unit: Some(CellUnit::WanYuan) }));
        }
    }

    #[test]
    fn dates_and_sentences_are_not_cells() {
        let (_, rows) = rows("统计期限自2019年1月1日起至2019年12月31日止。\n(2)说明 3\n");
        assert_eq!(rows[0].kind, Kind::Prose);
        assert!(rows[0].cells.is_empty());
        assert_eq!(values(&rows[1]), vec![Some(3.0)]);
    }

    #[test]
    fn a_number_in_a_note_the_line_cuts_is_the_note_s() {
        // A header's note wrapped in its cell: `处理决定数量(指2019` / `年办件量)`.
        let (_, header) = rows("处理决定数量(指2019\n年办件量)\n");
        assert!(header[0].cells.is_empty(), "{:?}", values(&header[0]));
        // A row's numbers after a label whose note the line cuts, parted by blanks, are the row's.
        let (_, row) = rows("度办理  (二)部分公开(区分处理的,只计      1     0     0     0     0     0     1\n");
        assert_eq!(row[0].cells.len(), 7);
    }

    #[test]
    fn a_year_parted_from_its_year_character_is_no_cell() {
        // Plain `pdftotext` of a Word 表二: the notes' second lines start with their year.
        let (_, header) = rows("上一年项目数量(指 本年增/减\n处理决定数量(指\n2019 年事项数)\n2020 年办件量)\n行政许可\n32\n");
        let cells: Vec<_> = header.iter().map(values).collect();
        assert!(header.iter().take(4).all(|r| r.cells.is_empty()), "{cells:?}");
        // A count before other words is one.
        let (_, row) = rows("行政许可 2020 12 4\n");
        assert_eq!(values(&row[0]), vec![Some(2020.0), Some(12.0), Some(4.0)]);
    }
}
