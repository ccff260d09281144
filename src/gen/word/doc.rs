//! Word 97-2003 documents (`.doc`): the text in one piece, each paragraph's
//! place in a table in the pages of paragraph properties (a row's cells with
//! their edges and vertical merges; a wide row's in the Data stream, as Word
//! puts properties too many for their page), in a compound file.

use super::{Grid, GridCell, Part};

/// Where the text starts in the WordDocument stream, past the information block.
const TEXT_AT: usize = 0x400;
/// The size of a page of properties (an FKP), and of a compound file's sector.
const PAGE: usize = 512;
/// Row properties longer than this go to the Data stream.
const MOST_IN_PAGE: usize = 200;

/// The document of `parts`; with `tc_merges`, vertical merges are flags of the
/// row's cell definitions, else properties of their own (sprmTVertMerge).
pub fn document(parts: &[Part], tc_merges: bool) -> Vec<u8> {
    let mut text: Vec<u16> = Vec::new();
    // Each paragraph's end (in characters) and its properties (none: a plain paragraph).
    let mut paragraphs: Vec<(usize, Option<Vec<u8>>)> = Vec::new();
    let mut data: Vec<u8> = Vec::new();
    let in_cell = [&IN_TABLE[..], &ITAP_1].concat();
    for part in parts {
        match part {
            Part::Para { text: line, .. } | Part::Item(line) => {
                text.extend(line.encode_utf16());
                text.push(u16::from(b'\r'));
                paragraphs.push((text.len(), None));
            }
            Part::Table(grid) => {
                for row in &grid.rows {
                    for cell in row {
                        text.extend(cell.text.encode_utf16());
                        text.push(7);
                        paragraphs.push((text.len(), Some(in_cell.clone())));
                    }
                    text.push(7);
                    let props = row_props(grid, row, tc_merges);
                    let props = if props.len() > MOST_IN_PAGE {
                        // sprmPHugePapx: the properties' place in the Data stream.
                        let at = data.len() as u32;
                        data.extend((props.len() as u16).to_le_bytes());
                        data.extend(&props);
                        [&0x6646u16.to_le_bytes()[..], &at.to_le_bytes()].concat()
                    } else {
                        props
                    };
                    paragraphs.push((text.len(), Some(props)));
                }
            }
        }
    }
    if paragraphs.last().is_none_or(|p| p.1.is_some()) {
        // A document ends with a paragraph of its own, past any table.
        text.push(u16::from(b'\r'));
        paragraphs.push((text.len(), None));
    }

    let mut word = vec![0u8; TEXT_AT];
    word.extend(text.iter().flat_map(|u| u.to_le_bytes()));
    let text_end = word.len();
    word.resize(text_end.div_ceil(PAGE) * PAGE, 0);
    // Characters: one run, no properties.
    let chpx_page = word.len() / PAGE;
    let mut chpx = vec![0u8; PAGE];
    chpx[..4].copy_from_slice(&(TEXT_AT as u32).to_le_bytes());
    chpx[4..8].copy_from_slice(&(text_end as u32).to_le_bytes());
    chpx[PAGE - 1] = 1;
    word.extend(chpx);
    // Paragraphs: as many runs a page as fit.
    let mut papx_pages: Vec<(u32, u32)> = Vec::new(); // (first byte covered, page number)
    let mut start = TEXT_AT;
    let mut page = Fkp::default();
    for (end, props) in &paragraphs {
        let run = (start as u32, (TEXT_AT + 2 * end) as u32, props.as_deref().map(papx));
        if !page.fits(&run) {
            papx_pages.push((page.runs[0].0, (word.len() / PAGE) as u32));
            word.extend(std::mem::take(&mut page).bytes());
        }
        page.push(run);
        start = TEXT_AT + 2 * end;
    }
    papx_pages.push((page.runs[0].0, (word.len() / PAGE) as u32));
    word.extend(page.bytes());

    // The table stream: the piece table, then the indexes of the property pages.
    let mut table = Vec::new();
    let clx = table.len();
    table.push(2);
    table.extend(16u32.to_le_bytes());
    table.extend(0u32.to_le_bytes());
    table.extend((text.len() as u32).to_le_bytes());
    table.extend(0u16.to_le_bytes());
    table.extend((TEXT_AT as u32).to_le_bytes());
    table.extend(0u16.to_le_bytes());
    let papx_index = table.len();
    for (fc, _) in &papx_pages {
        table.extend(fc.to_le_bytes());
    }
    table.extend((TEXT_AT as u32 + 2 * text.len() as u32).to_le_bytes());
    for (_, pn) in &papx_pages {
        table.extend(pn.to_le_bytes());
    }
    let chpx_index = table.len();
    for v in [TEXT_AT as u32, text_end as u32, chpx_page as u32] {
        table.extend(v.to_le_bytes());
    }
    let fib = Fib {
        size: word.len(),
        text_chars: text.len(),
        clx: (clx, papx_index - clx),
        papx: (papx_index, chpx_index - papx_index),
        chpx: (chpx_index, table.len() - chpx_index),
    };
    fib.write(&mut word[..TEXT_AT]);
    let mut streams: Vec<(&str, &[u8])> = vec![("WordDocument", &word), ("1Table", &table)];
    if !data.is_empty() {
        streams.push(("Data", &data));
    }
    compound(&streams)
}

/// sprmPFInTable and sprmPItap (1): a paragraph in a table's cell.
const IN_TABLE: [u8; 3] = [0x16, 0x24, 1];
const ITAP_1: [u8; 6] = [0x49, 0x66, 1, 0, 0, 0];

/// The properties of the mark that ends a row: in a table, the row's end
/// (sprmPFTtp), and its cells' edges and flags (sprmTDefTable).
fn row_props(grid: &Grid, row: &[GridCell], tc_merges: bool) -> Vec<u8> {
    let mut def = vec![row.len() as u8];
    let mut at = 0;
    def.extend(0i16.to_le_bytes());
    for c in row {
        at += c.span;
        def.extend((grid.width(0, at) as i16).to_le_bytes());
    }
    let mut at = 0;
    for c in row {
        let flags: u16 = match (tc_merges, c.merge) {
            (true, Some(true)) => 0x60,
            (true, Some(false)) => 0x20,
            _ => 0,
        };
        def.extend(flags.to_le_bytes());
        def.extend((grid.width(at, c.span) as u16).to_le_bytes());
        at += c.span;
        def.extend([0u8; 16]); // borders
    }
    let mut out = [&IN_TABLE[..], &[0x17, 0x24, 1], &ITAP_1].concat();
    out.extend(0xD608u16.to_le_bytes());
    out.extend((def.len() as u16 + 1).to_le_bytes());
    out.extend(def);
    if !tc_merges {
        for (i, c) in row.iter().enumerate() {
            if let Some(starts) = c.merge {
                out.extend([0x2B, 0xD6, 2, i as u8, if starts { 3 } else { 1 }]);
            }
        }
    }
    out
}

/// A paragraph's entry in a page: its size, a style (0, Normal), its properties.
fn papx(props: &[u8]) -> Vec<u8> {
    let len = 2 + props.len();
    let mut out = if len % 2 == 1 { vec![len.div_ceil(2) as u8] } else { vec![0, (len / 2) as u8] };
    out.extend(0u16.to_le_bytes());
    out.extend(props);
    out
}

/// A page of paragraph properties being filled: its runs (first and last
/// byte, entry) and where each entry sits, from the page's end down.
#[derive(Default)]
struct Fkp {
    runs: Vec<(u32, u32, Option<Vec<u8>>)>,
    entries: Vec<(usize, Vec<u8>)>,
}

impl Fkp {
    /// Where the next new entry of `len` bytes would sit: below the last, on an even byte.
    fn next_at(&self, len: usize) -> usize {
        let low = self.entries.last().map_or(PAGE - 1, |e| e.0);
        low.saturating_sub(len) & !1
    }

    fn fits(&self, run: &(u32, u32, Option<Vec<u8>>)) -> bool {
        let n = self.runs.len() + 1;
        let head = 4 * (n + 1) + 13 * n;
        let below = match &run.2 {
            Some(e) if !self.entries.iter().any(|(_, x)| x == e) => self.next_at(e.len()),
            _ => self.next_at(0),
        };
        head <= below
    }

    fn push(&mut self, run: (u32, u32, Option<Vec<u8>>)) {
        if let Some(e) = run.2.as_ref().filter(|e| !self.entries.iter().any(|(_, x)| x == *e)) {
            self.entries.push((self.next_at(e.len()), e.clone()));
        }
        self.runs.push(run);
    }

    fn bytes(self) -> Vec<u8> {
        let mut out = vec![0u8; PAGE];
        let n = self.runs.len();
        for (i, (start, end, entry)) in self.runs.iter().enumerate() {
            out[4 * i..4 * i + 4].copy_from_slice(&start.to_le_bytes());
            if i + 1 == n {
                out[4 * n..4 * n + 4].copy_from_slice(&end.to_le_bytes());
            }
            let at = entry.as_ref().and_then(|e| self.entries.iter().find(|(_, x)| x == e)).map_or(0, |(at, _)| *at);
            out[4 * (n + 1) + 13 * i] = (at / 2) as u8;
        }
        for (at, entry) in &self.entries {
            out[*at..at + entry.len()].copy_from_slice(entry);
        }
        out[PAGE - 1] = n as u8;
        out
    }
}

/// The file information block's few fields a reader needs.
struct Fib {
    size: usize,
    text_chars: usize,
    clx: (usize, usize),
    papx: (usize, usize),
    chpx: (usize, usize),
}

impl Fib {
    fn write(&self, out: &mut [u8]) {
        let mut put16 = |at: usize, v: u16| out[at..at + 2].copy_from_slice(&v.to_le_bytes());
        put16(0x00, 0xA5EC); // wIdent
        put16(0x02, 0x00C1); // nFib: Word 97
        put16(0x06, 0x0804); // lid: Chinese (PRC)
        put16(0x0A, 0x1200); // fExtChar, fWhichTblStm: 1Table
        put16(0x0C, 0x00BF); // nFibBack
        put16(0x20, 14); // csw
        put16(0x3C, 0x0804); // lidFE
        put16(0x3E, 22); // cslw
        put16(0x98, 93); // cbRgFcLcb
        let mut put32 = |at: usize, v: usize| out[at..at + 4].copy_from_slice(&(v as u32).to_le_bytes());
        put32(0x40, self.size); // cbMac
        put32(0x4C, self.text_chars); // ccpText
        let pairs = 0x9A;
        for (i, (fc, lcb)) in [(12, self.chpx), (13, self.papx), (33, self.clx)] {
            put32(pairs + 8 * i, fc);
            put32(pairs + 8 * i + 4, lcb);
        }
    }
}

// The compound file.

const MINI: usize = 64;
const CUTOFF: usize = 4096;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const FREE: u32 = 0xFFFF_FFFF;
const FAT_SECTOR: u32 = 0xFFFF_FFFD;
const DIFAT_SECTOR: u32 = 0xFFFF_FFFC;
/// The FAT sectors the header lists itself.
const HEADER_FAT: usize = 109;

/// A compound file (version 3, 512-byte sectors) of `streams` at its top;
/// those under 4096 bytes in the mini stream, as the format wants them.
pub(crate) fn compound(streams: &[(&str, &[u8])]) -> Vec<u8> {
    // The mini stream and its FAT.
    let mut mini = Vec::new();
    let mut mini_fat: Vec<u32> = Vec::new();
    let mut starts = vec![END_OF_CHAIN; streams.len()];
    for (k, (_, bytes)) in streams.iter().enumerate().filter(|(_, s)| s.1.len() < CUTOFF && !s.1.is_empty()) {
        let first = mini_fat.len() as u32;
        let count = bytes.len().div_ceil(MINI);
        mini_fat.extend((1..count as u32).map(|i| first + i));
        mini_fat.push(END_OF_CHAIN);
        starts[k] = first;
        mini.extend_from_slice(bytes);
        mini.resize(mini_fat.len() * MINI, 0);
    }
    let mini_fat_bytes: Vec<u8> = mini_fat.iter().flat_map(|v| v.to_le_bytes()).collect();
    // The chains of sectors: directory, mini FAT, mini stream, large streams.
    let entries = streams.len() + 1;
    let directory_sectors = (entries * 128).div_ceil(PAGE);
    let mut chains: Vec<usize> = vec![directory_sectors, mini_fat_bytes.len().div_ceil(PAGE), mini.len().div_ceil(PAGE)];
    chains.extend(streams.iter().map(|s| if s.1.len() >= CUTOFF { s.1.len().div_ceil(PAGE) } else { 0 }));
    let data_sectors: usize = chains.iter().sum();
    // The FAT's own sectors, and past the header's 109 the DIFAT sectors that
    // list the rest, 127 each: all of them sectors the FAT maps too.
    let per_sector = PAGE / 4;
    let (mut fat_sectors, mut difat_sectors) = (1, 0);
    while fat_sectors * per_sector < data_sectors + fat_sectors + difat_sectors {
        fat_sectors += 1;
        difat_sectors = fat_sectors.saturating_sub(HEADER_FAT).div_ceil(per_sector - 1);
    }
    let mut fat: Vec<u32> = vec![FAT_SECTOR; fat_sectors];
    fat.extend(vec![DIFAT_SECTOR; difat_sectors]);
    let mut chain_starts = Vec::new();
    for len in &chains {
        let first = fat.len() as u32;
        chain_starts.push(if *len == 0 { END_OF_CHAIN } else { first });
        fat.extend((1..*len as u32).map(|i| first + i));
        if *len > 0 {
            fat.push(END_OF_CHAIN);
        }
    }
    fat.resize(fat_sectors * PAGE / 4, FREE);

    let mut out = Vec::with_capacity((1 + fat.len()) * PAGE);
    out.extend(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1");
    out.extend([0u8; 16]);
    for v in [0x003Eu16, 0x0003, 0xFFFE, 9, 6] {
        out.extend(v.to_le_bytes());
    }
    out.extend([0u8; 10]);
    let mini_fat_start = if mini_fat.is_empty() { END_OF_CHAIN } else { chain_starts[1] };
    let mini_fat_sectors = mini_fat_bytes.len().div_ceil(PAGE) as u32;
    for v in [fat_sectors as u32, chain_starts[0], 0, CUTOFF as u32, mini_fat_start, mini_fat_sectors] {
        out.extend(v.to_le_bytes());
    }
    let first_difat = if difat_sectors > 0 { fat_sectors as u32 } else { END_OF_CHAIN };
    out.extend(first_difat.to_le_bytes());
    out.extend((difat_sectors as u32).to_le_bytes());
    let listed = |i: usize| if i < fat_sectors { i as u32 } else { FREE };
    for i in 0..HEADER_FAT {
        out.extend(listed(i).to_le_bytes());
    }
    // The FAT, then the DIFAT sectors, each ending in the next one's number.
    out.extend(fat.iter().flat_map(|v| v.to_le_bytes()));
    for d in 0..difat_sectors {
        let first = HEADER_FAT + d * (per_sector - 1);
        for i in first..first + per_sector - 1 {
            out.extend(listed(i).to_le_bytes());
        }
        let next = if d + 1 < difat_sectors { (fat_sectors + d + 1) as u32 } else { END_OF_CHAIN };
        out.extend(next.to_le_bytes());
    }
    // The directory: the root, then the streams in a tree by name.
    let mut dir = Vec::new();
    let tree = tree(streams);
    let root_stream = if mini.is_empty() { END_OF_CHAIN } else { chain_starts[2] };
    dir.extend(entry("Root Entry", 5, (FREE, FREE, tree.root), root_stream, mini.len()));
    for (k, (name, bytes)) in streams.iter().enumerate() {
        let start = if bytes.len() >= CUTOFF { chain_starts[3 + k] } else { starts[k] };
        dir.extend(entry(name, 2, (tree.left[k], tree.right[k], FREE), start, bytes.len()));
    }
    dir.resize(directory_sectors * PAGE, 0);
    for unused in dir.chunks_exact_mut(128).skip(entries) {
        unused[0x44..0x50].fill(0xFF);
    }
    let mut sector = |bytes: &[u8]| {
        out.extend(bytes);
        out.resize(out.len().div_ceil(PAGE) * PAGE, 0);
    };
    sector(&dir);
    sector(&mini_fat_bytes);
    sector(&mini);
    for (_, bytes) in streams.iter().filter(|s| s.1.len() >= CUTOFF) {
        sector(bytes);
    }
    out
}

/// The streams' tree (a binary search tree by name, as the format orders
/// names: shorter first, then by upper case): its root and each stream's
/// children, as entry numbers (the streams are entries 1, 2, …).
struct Tree {
    root: u32,
    left: Vec<u32>,
    right: Vec<u32>,
}

fn tree(streams: &[(&str, &[u8])]) -> Tree {
    let mut order: Vec<usize> = (0..streams.len()).collect();
    order.sort_by_key(|&k| (streams[k].0.encode_utf16().count(), streams[k].0.to_uppercase()));
    let mut t = Tree { root: FREE, left: vec![FREE; streams.len()], right: vec![FREE; streams.len()] };
    fn build(order: &[usize], t: &mut Tree) -> u32 {
        if order.is_empty() {
            return FREE;
        }
        let mid = order.len() / 2;
        let k = order[mid];
        t.left[k] = build(&order[..mid], t);
        t.right[k] = build(&order[mid + 1..], t);
        k as u32 + 1
    }
    t.root = build(&order, &mut t);
    t
}

/// A directory entry: name, kind (2 a stream, 5 the root), (left, right,
/// child), first sector and size.
fn entry(name: &str, kind: u8, (left, right, child): (u32, u32, u32), start: u32, size: usize) -> [u8; 128] {
    let mut e = [0u8; 128];
    let units: Vec<u16> = name.encode_utf16().take(31).collect();
    for (i, u) in units.iter().enumerate() {
        e[2 * i..2 * i + 2].copy_from_slice(&u.to_le_bytes());
    }
    e[0x40..0x42].copy_from_slice(&(2 * units.len() as u16 + 2).to_le_bytes());
    e[0x42] = kind;
    e[0x43] = 1; // black
    for (at, v) in [(0x44, left), (0x48, right), (0x4C, child), (0x74, start), (0x78, size as u32)] {
        e[at..at + 4].copy_from_slice(&v.to_le_bytes());
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str, span: usize, merge: Option<bool>) -> GridCell {
        GridCell { text: text.into(), span, merge }
    }

    fn grid(rows: Vec<Vec<GridCell>>) -> Grid {
        let width = rows.iter().map(|r| r.iter().map(|c| c.span).sum::<usize>()).max().unwrap_or(0);
        Grid { rows, widths: vec![900; width] }
    }

    #[test]
    fn the_reader_reads_what_is_written() {
        let head = vec![cell("(本列数据的勾稽关系)", 2, Some(true)), cell("申请人情况", 7, None)];
        let under = [vec![cell("", 2, Some(false))], (0..7).map(|i| cell(&format!("列{i}"), 1, None)).collect()].concat();
        let numbers = [vec![cell("一、本年新收政府信息公开申请数量", 2, None)], (0..7).map(|i| cell(&i.to_string(), 1, None)).collect()]
            .concat();
        let parts = vec![
            Part::Para { text: "某县2022年政府信息公开工作年度报告".into(), bold: true },
            Part::Table(grid(vec![vec![cell("规章", 1, None), cell("3", 1, None)]])),
            Part::Para { text: "三、收到和处理政府信息公开申请情况".into(), bold: true },
            Part::Table(grid(vec![head, under, numbers])),
        ];
        for tc_merges in [true, false] {
            let bytes = document(&parts, tc_merges);
            let html = crate::load::word::doc::to_html(&bytes).unwrap();
            for part in [
                "<p>某县2022年政府信息公开工作年度报告</p><table><tr><td><p>规章</p></td><td><p>3</p></td></tr></table>",
                // A cell two columns wide that no row splits is one column of the grid.
                "<tr><td rowspan=\"2\"><p>(本列数据的勾稽关系)</p></td><td colspan=\"7\"><p>申请人情况</p></td></tr>",
                "<tr><td><p>列0</p></td>",
                "<tr><td><p>一、本年新收政府信息公开申请数量</p></td><td><p>0</p></td>",
            ] {
                assert!(html.contains(part), "{part} not in {html}");
            }
        }
    }

    #[test]
    fn small_and_large_streams_are_found() {
        let large: Vec<u8> = (0..9000u32).map(|i| i as u8).collect();
        let names = ["WordDocument", "1Table", "Data", "\u{5}SummaryInformation"];
        let small: Vec<Vec<u8>> = (1..4).map(|n| vec![n as u8; 100 * n]).collect();
        let streams: Vec<(&str, &[u8])> =
            vec![(names[0], &large), (names[1], &small[0]), (names[2], &small[1]), (names[3], &small[2])];
        let bytes = compound(&streams);
        assert_eq!(bytes.len() % PAGE, 0);
        let read = crate::load::word::doc::streams(&bytes);
        for (name, want) in &streams {
            assert_eq!(read.iter().find(|(n, _)| n == name).map(|s| s.1.as_slice()), Some(*want), "{name}");
        }
        // Past 109 sectors of FAT (about 7 MB), the FAT's sectors are listed in DIFAT sectors.
        let huge: Vec<u8> = (0..7_500_000u32).map(|i| (i % 251) as u8).collect();
        let bytes = compound(&[("WordDocument", &huge)]);
        assert_ne!(u32::from_le_bytes(bytes[0x48..0x4C].try_into().unwrap()), 0, "no DIFAT sector");
        let read = crate::load::word::doc::streams(&bytes);
        assert!(read.iter().any(|(n, s)| n == "WordDocument" && s == &huge));
    }
}
