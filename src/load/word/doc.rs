//! Word 97-2003 documents (`.doc`, and `.wps` files saved in the same format):
//! the compound file's `WordDocument` stream, its text read through the piece
//! table and each paragraph's place in a table through the paragraph properties
//! the table stream indexes, written as the page a `.docx` makes.
//!
//! Only what a report needs is read: the main text (not headers, notes or text
//! boxes), a field's result (not its code), and tables with their cells'
//! widths and vertical merges, from which the spans are rebuilt. A table nested
//! in a cell is read as lines of its cell.

use super::{push_escaped, table_html, u16_at, u32_at, Cell, Merge, Table};
use crate::load::Unreadable;

fn broken(detail: impl Into<String>) -> Unreadable {
    Unreadable { code: "doc_error", detail: detail.into() }
}


fn i16_at(b: &[u8], at: usize) -> Option<i32> {
    Some(i16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?) as i32)
}

/// The document's main text as an HTML page.
pub fn to_html(bytes: &[u8]) -> Result<String, Unreadable> {
    let file = Compound::open(bytes)?;
    let word = file.stream("WordDocument").ok_or_else(|| Unreadable {
        code: "office_97_file",
        detail: "a compound file with no Word document in it (an .xls, a presentation, an old WPS file)".into(),
    })?;
    let fib = Fib::read(&word)?;
    let missing = || broken(format!("the document's {} stream is missing", fib.table));
    let table = file.stream(fib.table).ok_or_else(missing)?;
    let pieces = pieces(&table, fib.clx)?;
    let data = file.stream("Data").unwrap_or_default();
    let paragraphs = Paragraphs::read(&word, &table, &data, fib.papx);
    Ok(Writer::default().page(&word, &pieces, fib.text_chars, &paragraphs))
}

// The compound file: a FAT file system of sectors in one file.

/// A sector number past the last real one: the end of a chain, or no sector.
const LAST_SECTOR: usize = 0xFFFF_FFFA;
/// The size of a sector of the mini stream.
const MINI_SECTOR: usize = 64;
/// The number of FAT sectors the header itself lists.
const HEADER_FAT_SECTORS: usize = 109;

struct Compound<'a> {
    bytes: &'a [u8],
    sector_shift: u32,
    fat: Vec<usize>,
    mini_fat: Vec<usize>,
    mini_stream: Vec<u8>,
    cutoff: usize,
    /// The streams at the file's top, by name: (first sector, size).
    top: Vec<(String, usize, usize)>,
}

impl<'a> Compound<'a> {
    fn open(bytes: &'a [u8]) -> Result<Compound<'a>, Unreadable> {
        let short = || broken("the compound file is cut short in its header");
        let header = |at: usize| u32_at(bytes, at).ok_or_else(short);
        let sector_shift = u16_at(bytes, 0x1E).unwrap_or(0) as u32;
        if !(7..=16).contains(&sector_shift) {
            return Err(broken(format!("the compound file's sector size (2^{sector_shift}) is not a real one")));
        }
        let mut file = Compound {
            bytes,
            sector_shift,
            fat: Vec::new(),
            mini_fat: Vec::new(),
            mini_stream: Vec::new(),
            cutoff: header(0x38)?,
            top: Vec::new(),
        };
        // The FAT's own sectors: 109 in the header, the rest in a chain of DIFAT sectors.
        let fat_sectors = header(0x2C)?;
        let mut listed: Vec<usize> = (0..HEADER_FAT_SECTORS).filter_map(|i| u32_at(bytes, 0x4C + 4 * i)).collect();
        let per_sector = file.sector_size() / 4 - 1;
        let mut next = header(0x44)?;
        for _ in 0..file.sector_count() {
            let Some(sector) = file.sector(next) else { break };
            listed.extend((0..per_sector).filter_map(|i| u32_at(sector, 4 * i)));
            next = u32_at(sector, 4 * per_sector).unwrap_or(usize::MAX);
        }
        for &id in listed.iter().take(fat_sectors).filter(|&&id| id < LAST_SECTOR) {
            let sector = file.sector(id).ok_or_else(|| broken("a sector of the compound file's FAT is past its end"))?;
            file.fat.extend((0..sector.len() / 4).filter_map(|i| u32_at(sector, 4 * i)));
        }
        let directory = file.chain_bytes(header(0x30)?, usize::MAX);
        let entries: Vec<&[u8]> = directory.chunks_exact(128).collect();
        let no_root = || broken("the compound file has no root entry");
        let root = entries.first().filter(|e| e[0x42] == 5).ok_or_else(no_root)?;
        file.mini_stream = file.chain_bytes(u32_at(root, 0x74).unwrap_or(usize::MAX), file.entry_size(root));
        let mini_fat = file.chain_bytes(header(0x3C)?, usize::MAX);
        file.mini_fat = (0..mini_fat.len() / 4).filter_map(|i| u32_at(&mini_fat, 4 * i)).collect();
        // The root's children: a tree through each entry's left and right siblings.
        let mut stack = vec![u32_at(root, 0x4C).unwrap_or(usize::MAX)];
        let mut seen = vec![false; entries.len()];
        while let Some(id) = stack.pop() {
            let Some(entry) = entries.get(id).filter(|_| !std::mem::replace(&mut seen[id], true)) else { continue };
            stack.extend([u32_at(entry, 0x44), u32_at(entry, 0x48)].into_iter().flatten());
            if entry[0x42] == 2 {
                let units: Vec<u16> = (0..u16_at(entry, 0x40).unwrap_or(0).min(64) / 2)
                    .filter_map(|i| u16_at(entry, 2 * i).map(|u| u as u16))
                    .take_while(|&u| u != 0)
                    .collect();
                let name = String::from_utf16_lossy(&units);
                file.top.push((name, u32_at(entry, 0x74).unwrap_or(usize::MAX), file.entry_size(entry)));
            }
        }
        Ok(file)
    }

    fn sector_size(&self) -> usize {
        1 << self.sector_shift
    }

    /// How many sectors the file holds: the bound of any chain in it.
    fn sector_count(&self) -> usize {
        self.bytes.len() >> self.sector_shift
    }

    /// Sector `id`; the file's last may be cut short.
    fn sector(&self, id: usize) -> Option<&'a [u8]> {
        let at = id.checked_add(1)?.checked_mul(self.sector_size())?;
        (at < self.bytes.len()).then(|| &self.bytes[at..(at + self.sector_size()).min(self.bytes.len())])
    }

    /// A stream's size; files with 512-byte sectors may leave junk in its high half.
    fn entry_size(&self, entry: &[u8]) -> usize {
        let low = u32_at(entry, 0x78).unwrap_or(0);
        let high = if self.sector_shift == 9 { 0 } else { u32_at(entry, 0x7C).unwrap_or(0) };
        if high == 0 { low } else { usize::MAX }
    }

    /// The bytes of the chain of sectors from `start`, up to `size`.
    fn chain_bytes(&self, start: usize, size: usize) -> Vec<u8> {
        let mut out = Vec::new();
        let mut id = start;
        for _ in 0..self.sector_count() {
            let Some(sector) = self.sector(id).filter(|_| id < LAST_SECTOR && out.len() < size) else { break };
            out.extend_from_slice(sector);
            id = self.fat.get(id).copied().unwrap_or(usize::MAX);
        }
        out.truncate(size);
        out
    }

    /// A stream at the file's top, by name.
    fn stream(&self, name: &str) -> Option<Vec<u8>> {
        let &(_, start, size) = self.top.iter().find(|(n, ..)| n == name)?;
        if size >= self.cutoff {
            return Some(self.chain_bytes(start, size));
        }
        // Small streams live in the mini stream, in 64-byte sectors of their own FAT.
        let mut out = Vec::with_capacity(size);
        let mut id = start;
        for _ in 0..=self.mini_fat.len() {
            let at = id.checked_mul(MINI_SECTOR)?;
            let Some(sector) = self.mini_stream.get(at..at + MINI_SECTOR).filter(|_| out.len() < size) else { break };
            out.extend_from_slice(sector);
            id = self.mini_fat.get(id).copied().unwrap_or(usize::MAX);
        }
        out.truncate(size);
        Some(out)
    }
}

/// Every stream at a compound file's top, by name (for testing a writer).
#[cfg(test)]
pub(crate) fn streams(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let Ok(file) = Compound::open(bytes) else { return Vec::new() };
    file.top.iter().filter_map(|(name, ..)| Some((name.clone(), file.stream(name)?))).collect()
}

// The Word document: its file information block, piece table and paragraphs.

/// What the file information block (FIB) says of where things are.
struct Fib {
    /// The table stream's name: `0Table` or `1Table`.
    table: &'static str,
    /// The main text's length in characters.
    text_chars: usize,
    /// (offset, length) in the table stream of the piece table and of the
    /// index of paragraph properties.
    clx: (usize, usize),
    papx: (usize, usize),
}

/// The lowest version number of a Word 97 file.
const WORD_97: usize = 0xC0;

impl Fib {
    fn read(word: &[u8]) -> Result<Fib, Unreadable> {
        let short = || broken("the document's information block is cut short");
        if u16_at(word, 0) != Some(0xA5EC) {
            return Err(broken("the WordDocument stream does not start as a Word document"));
        }
        if u16_at(word, 2).ok_or_else(short)? < WORD_97 {
            return Err(Unreadable {
                code: "word_95_file",
                detail: "a Word 6 or Word 95 document, a format not read: saved as .doc, .docx or PDF it is".into(),
            });
        }
        let flags = u16_at(word, 0x0A).ok_or_else(short)?;
        if flags & 0x0100 != 0 {
            return Err(Unreadable { code: "doc_encrypted", detail: "the document is protected by a password".into() });
        }
        // Three arrays follow the fixed part, each after its length: 16-bit
        // words, 32-bit words (the text's length is the fourth), then pairs of
        // offset and length (the piece table the 34th, the paragraphs the 14th).
        let words = 0x20;
        let longs = words + 2 + 2 * u16_at(word, words).ok_or_else(short)?;
        let pairs = longs + 2 + 4 * u16_at(word, longs).ok_or_else(short)?;
        let count = u16_at(word, pairs).ok_or_else(short)?;
        let pair = |i: usize| -> Result<(usize, usize), Unreadable> {
            let at = pairs + 2 + 8 * i;
            if i >= count {
                return Err(short());
            }
            Ok((u32_at(word, at).ok_or_else(short)?, u32_at(word, at + 4).ok_or_else(short)?))
        };
        Ok(Fib {
            table: if flags & 0x0200 != 0 { "1Table" } else { "0Table" },
            text_chars: u32_at(word, longs + 2 + 4 * 3).ok_or_else(short)?,
            clx: pair(33)?,
            papx: pair(13)?,
        })
    }
}

/// A run of the text: characters `cp` of the document are at byte `fc` of the
/// WordDocument stream, two bytes a character or (`compressed`) one.
struct Piece {
    cp: std::ops::Range<usize>,
    fc: usize,
    compressed: bool,
}

/// The piece table: after any property blocks (`0x01`), the pieces (`0x02`).
fn pieces(table: &[u8], (at, len): (usize, usize)) -> Result<Vec<Piece>, Unreadable> {
    let past = || broken("the piece table is past the table stream's end");
    let clx = table.get(at..at.saturating_add(len)).ok_or_else(past)?;
    let mut at = 0;
    while clx.get(at) == Some(&1) {
        at += 3 + i16_at(clx, at + 1).unwrap_or(0).max(0) as usize;
    }
    if clx.get(at) != Some(&2) {
        return Err(broken("the piece table is damaged"));
    }
    let len = u32_at(clx, at + 1).unwrap_or(0);
    let plc = clx.get(at + 5..at + 5 + len).ok_or_else(|| broken("the piece table runs past its end"))?;
    let n = len.saturating_sub(4) / 12;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let raw = u32_at(plc, 4 * (n + 1) + 8 * i + 2);
        let (Some(start), Some(end), Some(raw)) = (u32_at(plc, 4 * i), u32_at(plc, 4 * i + 4), raw) else { break };
        let compressed = raw & 0x4000_0000 != 0;
        let fc = raw & 0x3FFF_FFFF;
        out.push(Piece { cp: start..end.max(start), fc: if compressed { fc / 2 } else { fc }, compressed });
    }
    Ok(out)
}

/// A table cell's definition: its edges (in twips) and its part in merges.
#[derive(Clone, Copy, Debug, PartialEq)]
struct CellDef {
    left: i32,
    right: i32,
    /// A cell a horizontal merge to its left covers (Word 97's way).
    merged: bool,
    merge: Merge,
}

/// What a paragraph's properties say of its place in a table.
#[derive(Clone, Debug, Default, PartialEq)]
struct Props {
    in_table: bool,
    /// The mark that ends a table row, with the row's cells.
    row_end: bool,
    cells: Vec<CellDef>,
}

/// The paragraphs' properties, by the byte range of the WordDocument stream
/// each run of paragraphs covers, in order.
struct Paragraphs {
    runs: Vec<(usize, usize, Props)>,
}

/// The size of a page of paragraph properties (an FKP).
const FKP: usize = 512;

impl Paragraphs {
    fn read(word: &[u8], table: &[u8], data: &[u8], (at, len): (usize, usize)) -> Paragraphs {
        let mut runs = Vec::new();
        let plc = table.get(at..at.saturating_add(len)).unwrap_or_default();
        let n = len.saturating_sub(4) / 8;
        for i in 0..n {
            let Some(page) = u32_at(plc, 4 * (n + 1) + 4 * i).map(|p| p & 0x3F_FFFF) else { break };
            let Some(fkp) = word.get(page * FKP..page * FKP + FKP) else { continue };
            let count = fkp[FKP - 1] as usize;
            for k in 0..count {
                let (Some(start), Some(end)) = (u32_at(fkp, 4 * k), u32_at(fkp, 4 * k + 4)) else { break };
                let offset = fkp.get(4 * (count + 1) + 13 * k).map_or(0, |&b| 2 * b as usize);
                let props = if offset == 0 { Props::default() } else { props(fkp, offset, data) };
                runs.push((start, end, props));
            }
        }
        runs.sort_by_key(|r| r.0);
        Paragraphs { runs }
    }

    /// The properties of the paragraph whose mark is at byte `fc`.
    fn at(&self, fc: usize) -> Option<&Props> {
        let i = self.runs.partition_point(|r| r.0 <= fc).checked_sub(1)?;
        let (_, end, props) = &self.runs[i];
        (fc < *end).then_some(props)
    }
}

/// The properties in a paragraph's entry of an FKP: a style then property
/// changes (sprms), each an operation code and its operand.
fn props(fkp: &[u8], offset: usize, data: &[u8]) -> Props {
    let mut out = Props::default();
    let (start, len) = match fkp.get(offset) {
        Some(&0) => (offset + 2, 2 * fkp.get(offset + 1).copied().unwrap_or(0) as usize),
        Some(&cb) => (offset + 1, 2 * cb as usize - 1),
        None => return out,
    };
    let Some(grpprl) = fkp.get(start + 2..(start + len).min(fkp.len())) else { return out };
    let mut merges = Vec::new();
    apply(grpprl, data, &mut out, &mut merges);
    for (cell, how) in merges {
        if let Some(c) = out.cells.get_mut(cell) {
            c.merge = match how {
                3 => Merge::Starts,
                1 => Merge::Continues,
                _ => Merge::None,
            };
        }
    }
    out
}

/// Reads the sprms of `grpprl` into `out`, and the vertical merges they set
/// (cell, how) into `merges`. Properties too many for their page are in the
/// `Data` stream, where sprmPHugePapx points.
fn apply(grpprl: &[u8], data: &[u8], out: &mut Props, merges: &mut Vec<(usize, u8)>) {
    let mut at = 0;
    while let Some(op) = u16_at(grpprl, at) {
        let operand = at + 2;
        let size = match op >> 13 {
            0 | 1 => 1,
            2 | 4 | 5 => 2,
            3 => 4,
            7 => 3,
            // sprmTDefTable gives its size in two bytes, counting one more than follow them.
            _ if op == SPRM_T_DEF_TABLE => 1 + u16_at(grpprl, operand).unwrap_or(0),
            _ => 1 + grpprl.get(operand).copied().unwrap_or(0) as usize,
        };
        let Some(operand) = grpprl.get(operand..operand + size) else { break };
        match op {
            0x2416 => out.in_table = operand[0] != 0,
            0x2417 => out.row_end = operand[0] != 0,
            SPRM_T_DEF_TABLE => out.cells = cell_defs(operand.get(2..).unwrap_or_default()),
            // sprmTVertMerge: a cell's part in a vertical merge.
            0xD62B if operand.len() >= 3 => merges.push((operand[1] as usize, operand[2])),
            SPRM_P_HUGE_PAPX => {
                let huge = u32_at(operand, 0).and_then(|at| {
                    let len = u16_at(data, at)?;
                    data.get(at + 2..at + 2 + len)
                });
                // Read once: a huge entry that points at another is not followed.
                if let Some(huge) = huge.filter(|h| u16_at(h, 0) != Some(SPRM_P_HUGE_PAPX)) {
                    apply(huge, &[], out, merges);
                }
            }
            _ => {}
        }
        at += 2 + size;
    }
}

const SPRM_P_HUGE_PAPX: usize = 0x6646;
const SPRM_T_DEF_TABLE: usize = 0xD608;

/// The cells sprmTDefTable defines: their count, the edges between them, then
/// each cell's flags (a cell past the listed ones has none).
fn cell_defs(data: &[u8]) -> Vec<CellDef> {
    let count = data.first().copied().unwrap_or(0) as usize;
    let edges: Vec<i32> = (0..=count).map_while(|i| i16_at(data, 1 + 2 * i)).collect();
    let flags_at = 1 + 2 * (count + 1);
    edges
        .windows(2)
        .enumerate()
        .map(|(i, pair)| {
            let flags = u16_at(data, flags_at + 20 * i).filter(|_| data.len() >= flags_at + 20 * (i + 1)).unwrap_or(0);
            let merge = match (flags & 0x20 != 0, flags & 0x40 != 0) {
                (true, true) => Merge::Starts,
                (true, false) => Merge::Continues,
                _ => Merge::None,
            };
            CellDef { left: pair[0], right: pair[1], merged: flags & 0x02 != 0 && flags & 0x01 == 0, merge }
        })
        .collect()
}

/// The most twips two cells' edges may differ by and still be one edge.
const EDGE_SLACK: i32 = 30;

/// The page being written: paragraphs, and the table the text is in.
#[derive(Default)]
struct Writer {
    out: String,
    /// The open paragraph's HTML.
    paragraph: String,
    /// The open cell's HTML, the open row's cells, and the open table's rows.
    cell: String,
    row: Vec<String>,
    rows: Vec<(Vec<String>, Vec<CellDef>)>,
    /// The edges of the open table's cells, sorted, those within
    /// [`EDGE_SLACK`] of each other one: the grid its spans count.
    edges: Vec<i32>,
    /// Open fields: whether each is past its code, in its result; and how
    /// many are still in their code.
    fields: Vec<bool>,
    in_code: usize,
}

impl Writer {
    fn page(mut self, word: &[u8], pieces: &[Piece], text_chars: usize, paragraphs: &Paragraphs) -> String {
        self.out.push_str("<html><body>");
        for piece in pieces {
            let end = piece.cp.end.min(text_chars);
            let mut cp = piece.cp.start;
            while cp < end {
                let k = cp - piece.cp.start;
                let (unit, fc, next) = if piece.compressed {
                    let fc = piece.fc + k;
                    let Some(&b) = word.get(fc) else { break };
                    (cp1252(b), fc, cp + 1)
                } else {
                    let fc = piece.fc + 2 * k;
                    let Some(u) = u16_at(word, fc) else { break };
                    // A character past the basic plane takes two units.
                    let low = (0xD800..0xDC00).contains(&u).then(|| u16_at(word, fc + 2)).flatten();
                    match low.filter(|l| (0xDC00..0xE000).contains(l) && cp + 1 < end) {
                        Some(low) => {
                            let c = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
                            (char::from_u32(c as u32).unwrap_or('\u{FFFD}'), fc, cp + 2)
                        }
                        None => (char::from_u32(u as u32).unwrap_or('\u{FFFD}'), fc, cp + 1),
                    }
                };
                self.char(unit, || paragraphs.at(fc));
                cp = next;
            }
        }
        self.end_paragraph(&Props::default());
        self.end_table();
        self.out.push_str("</body></html>");
        self.out
    }

    fn char<'p>(&mut self, c: char, props: impl FnOnce() -> Option<&'p Props>) {
        match c {
            // Fields: the code between begin and separator is left out, the result kept.
            '\u{13}' => {
                self.fields.push(false);
                self.in_code += 1;
            }
            '\u{14}' => {
                if let Some(f) = self.fields.last_mut().filter(|f| !**f) {
                    *f = true;
                    self.in_code -= 1;
                }
            }
            '\u{15}' => {
                if self.fields.pop() == Some(false) {
                    self.in_code -= 1;
                }
            }
            '\r' | '\u{7}' => {
                let cell_mark = c == '\u{7}';
                // Without properties, a cell mark right after another ends the row.
                let row_end = cell_mark && self.paragraph.is_empty() && self.cell.is_empty();
                let guess = || Props { in_table: true, row_end, ..Props::default() };
                let props = props().cloned().unwrap_or_else(guess);
                if cell_mark && props.row_end {
                    self.paragraph.clear();
                    self.end_row(props.cells);
                } else if cell_mark {
                    self.end_paragraph(&Props { in_table: true, ..props });
                    self.row.push(std::mem::take(&mut self.cell));
                } else {
                    self.end_paragraph(&props);
                }
            }
            _ if self.in_code > 0 => {}
            '\u{b}' | '\u{c}' | '\u{e}' => self.paragraph.push_str("<br>"),
            '\t' | '\u{a0}' => self.paragraph.push(' '),
            '\u{1e}' => self.paragraph.push('-'),
            c if (c as u32) < 0x20 => {}
            c => push_escaped(&mut self.paragraph, c.encode_utf8(&mut [0; 4])),
        }
    }

    /// Ends the open row. Tables one right after another are one in the file:
    /// a row whose cells' edges neither hold the table's so far nor fit in them
    /// starts a table of its own.
    fn end_row(&mut self, cells: Vec<CellDef>) {
        let row = std::mem::take(&mut self.row);
        let mut edges: Vec<i32> = cells.iter().flat_map(|d| [d.left, d.right]).collect();
        // Whether every edge of `b` is one of sorted `a`'s.
        let within = |a: &[i32], b: &[i32]| {
            b.iter().all(|e| a.get(a.partition_point(|x| *x < e - EDGE_SLACK)).is_some_and(|x| *x <= e + EDGE_SLACK))
        };
        edges.sort_unstable();
        if !edges.is_empty() && !within(&self.edges, &edges) {
            if !within(&edges, &self.edges) {
                self.end_table();
            }
            self.edges.extend(edges);
            self.edges.sort_unstable();
            self.edges.dedup_by(|b, a| *b - *a <= EDGE_SLACK);
        }
        self.rows.push((row, cells));
    }

    /// Ends the open paragraph: into the open cell where it is in a table, else
    /// onto the page, after the table it follows.
    fn end_paragraph(&mut self, props: &Props) {
        let html = format!("<p>{}</p>", std::mem::take(&mut self.paragraph));
        if props.in_table {
            self.cell.push_str(&html);
        } else {
            self.end_table();
            if html != "<p></p>" {
                self.out.push_str(&html);
            }
        }
    }

    /// Writes the open table: its cells' edges make the grid their spans count.
    fn end_table(&mut self) {
        if !self.row.is_empty() || !self.cell.is_empty() {
            // A row never ended (a damaged file) is still read.
            if !self.cell.is_empty() {
                self.row.push(std::mem::take(&mut self.cell));
            }
            self.rows.push((std::mem::take(&mut self.row), Vec::new()));
        }
        // The grid: the edges of the table's cells, gathered row by row.
        let grid = std::mem::take(&mut self.edges);
        if self.rows.is_empty() {
            return;
        }
        let column = |x: i32| grid.partition_point(|&g| g <= x + EDGE_SLACK).saturating_sub(1);
        let mut table = Table::default();
        for (cells, defs) in std::mem::take(&mut self.rows) {
            let fits = defs.len() == cells.len();
            let before = if fits { defs.first().map_or(0, |d| column(d.left)) } else { 0 };
            let mut row: Vec<Cell> = Vec::with_capacity(cells.len());
            for (i, html) in cells.into_iter().enumerate() {
                let def = defs.get(i).filter(|_| fits);
                let span = def.map_or(1, |d| column(d.right).saturating_sub(column(d.left)).max(1));
                match (def, row.last_mut()) {
                    (Some(d), Some(last)) if d.merged => last.span += span,
                    _ => row.push(Cell { html, span, merge: def.map_or(Merge::None, |d| d.merge) }),
                }
            }
            table.rows.push((before, row));
        }
        self.out.push_str(&table_html(table));
    }
}

/// A byte of a one-byte piece: Windows-1252.
fn cp1252(b: u8) -> char {
    let byte = [b];
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&byte);
    text.chars().next().unwrap_or('\u{FFFD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 2021-template report saved as Word 97-2003 by LibreOffice (see
    /// `tests/fixtures/word/make_word.py`).
    const SAVED: &[u8] = include_bytes!("../../../tests/fixtures/word/reports/doc_t2021.doc");

    #[test]
    fn a_saved_document_reads_with_its_merged_cells() {
        let html = to_html(SAVED).unwrap();
        assert!(html.starts_with("<html><body><p>某某市生态环境局2022年政府信息公开工作年度报告</p><p>2023年1月30日</p>"), "{html}");
        // Spans rebuilt from the cells' edges, merges down from the cells' flags.
        for part in [
            "<tr><td colspan=\"4\"><p>第二十条第(一)项</p></td></tr>",
            "<td colspan=\"7\"><p>申请人情况</p></td>",
            "<tr><td rowspan=\"2\"><p>自然人</p></td><td colspan=\"5\"><p>法人或其他组织</p></td>",
            "<td rowspan=\"2\"><p>总计</p></td></tr>",
            "<tr><td rowspan=\"8\"><p>(三)不予公开</p></td><td><p>1.属于国家秘密</p></td>",
            "<p>公开工作仍有不足。</p></body></html>",
        ] {
            assert!(html.contains(part), "{part} not in {html}");
        }
    }

    #[test]
    fn a_damaged_file_is_an_error_never_a_panic() {
        // Cut short anywhere, or with bytes overwritten: an error or less text.
        let mut seed = 7u64;
        for cut in (0..SAVED.len()).step_by(509).chain([SAVED.len() - 1]) {
            let _ = to_html(&SAVED[..cut]);
            let mut bytes = SAVED.to_vec();
            for _ in 0..16 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                let at = (seed >> 33) as usize % bytes.len();
                bytes[at] = (seed >> 13) as u8;
            }
            let _ = to_html(&bytes);
        }
        assert_eq!(to_html(&SAVED[..512]).unwrap_err().code, "doc_error");
    }

    fn cell(left: i32, right: i32) -> CellDef {
        CellDef { left, right, merged: false, merge: Merge::None }
    }

    /// Writes `text` a character at a time, each mark's properties from `props`.
    fn write(text: &str, mut props: impl FnMut(usize) -> Option<Props>) -> String {
        let mut w = Writer::default();
        for (i, c) in text.chars().enumerate() {
            let p = props(i);
            w.char(c, || p.as_ref());
        }
        w.end_paragraph(&Props::default());
        w.end_table();
        w.out
    }

    #[test]
    fn cells_rows_and_fields() {
        // Two rows: a head across both columns, then two cells; a page number field's code left out.
        let text = "年度报告\r申请人情况\u{7}\u{7}自然人\u{7}12\u{7}\u{7}第\u{13} PAGE \u{14}2\u{15}页\r";
        let row = |cells: Vec<CellDef>| Props { in_table: true, row_end: true, cells };
        let html = write(text, |i| match i {
            11 => Some(row(vec![cell(0, 2000)])),
            19 => Some(row(vec![cell(0, 1000), cell(1000, 2000)])),
            _ => Some(Props { in_table: (5..20).contains(&i), ..Props::default() }),
        });
        assert_eq!(
            html,
            "<p>年度报告</p><table><tr><td colspan=\"2\"><p>申请人情况</p></td></tr>\
             <tr><td><p>自然人</p></td><td><p>12</p></td></tr></table><p>第2页</p>"
        );
        // A table right after another is one in the file: told apart by its edges.
        let text = "甲\u{7}乙\u{7}\u{7}合\u{7}\u{7}丙\u{7}丁\u{7}\u{7}";
        let html = write(text, |i| match i {
            4 => Some(row(vec![cell(0, 1000), cell(1000, 2000)])),
            7 => Some(row(vec![cell(0, 2000)])),
            12 => Some(row(vec![cell(0, 500), cell(500, 2000)])),
            _ => Some(Props { in_table: true, ..Props::default() }),
        });
        assert_eq!(
            html,
            "<table><tr><td><p>甲</p></td><td><p>乙</p></td></tr><tr><td colspan=\"2\"><p>合</p></td></tr></table>\
             <table><tr><td><p>丙</p></td><td><p>丁</p></td></tr></table>"
        );
        // Without properties, a cell mark after an empty cell's ends the row.
        let html = write("甲\u{7}乙\u{7}\u{7}", |_| None);
        assert!(html.contains("<table><tr><td><p>甲</p></td><td><p>乙</p></td></tr></table>"), "{html}");
    }

    #[test]
    fn table_properties_and_the_data_stream() {
        // sprmTDefTable: two cells, the second the first of a vertical merge.
        let mut def = vec![2u8];
        for edge in [0i16, 1000, 2000] {
            def.extend(edge.to_le_bytes());
        }
        def.extend([0u8; 20]);
        def.extend(0x60u16.to_le_bytes());
        def.extend([0u8; 18]);
        let mut grpprl = vec![0x16, 0x24, 1, 0x17, 0x24, 1];
        grpprl.extend(0xD608u16.to_le_bytes());
        grpprl.extend(((def.len() + 1) as u16).to_le_bytes());
        grpprl.extend(&def);
        let mut out = Props::default();
        let mut merges = Vec::new();
        apply(&grpprl, &[], &mut out, &mut merges);
        assert!(out.in_table && out.row_end);
        assert_eq!(out.cells, vec![cell(0, 1000), CellDef { merge: Merge::Starts, ..cell(1000, 2000) }]);
        // The same behind sprmPHugePapx, at byte 3 of the Data stream.
        let mut data = vec![0u8; 3];
        data.extend((grpprl.len() as u16).to_le_bytes());
        data.extend(&grpprl);
        let mut huge = Props::default();
        apply(&[0x46, 0x66, 3, 0, 0, 0], &data, &mut huge, &mut merges);
        assert_eq!(huge, out);
    }
}
