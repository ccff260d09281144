//! What `pdftotext` made of a mojibake page's printed glyphs, mended before
//! (or as) its bytes are read again: LibreOffice prints a Big5 page read as
//! GBK with the bytes it could not pair as Latin-1 glyphs and the pairs of
//! GB2312's user rows and its box-drawing row in another font, so that a
//! cell's mark for none (`——`, printed `¡X¡X`) is wider than its narrow cell
//! and wraps, and the glyphs of another font sit on a baseline of their own.

use super::*;

/// `-layout` text of a Big5 page read as GBK (its bytes Latin-1 characters
/// where GBK reads none) with its cells' marks for none wrapped in their
/// narrow cells put on their rows' lines: a mark (`——`, `A158 A158`, printed
/// `¡X¡X`) wrapped is printed `¡X¡` over `X`, the cell set about its row's
/// middle, so that the row's line comes between (or its first piece on the
/// row's line and its letter under it). A line's marks so broken
/// (a pair repeated, its first byte again alone) and the next line or the one
/// after holding as many letters alone, each the pair's: each mark is read
/// where it is, or, the row's line between, set on that line in its columns,
/// where those are blank there for each of the line's marks: its pairs alone
/// (a mark for none still), the first byte alone and the letters left out, so
/// that the lines keep their columns and the marks stay apart.
/// `None` where no mark is so broken.
pub(super) fn marks_set_in_rows(text: &str) -> Option<String> {
    // (No text set in columns, no mark to set.)
    if !set_in_columns(text.as_bytes(), b' ') {
        return None;
    }
    let mut lines: Vec<Vec<char>> = text.split('\n').map(|l| l.chars().collect()).collect();
    let mut changed = false;
    for l in 0..lines.len() {
        let broken = broken_marks(&lines[l]);
        if broken.is_empty() {
            continue;
        }
        // (The lines after: the one that holds the marks' letters alone, each the mark's.)
        let letters_of = |line: &[char]| -> Option<Vec<usize>> {
            let alone = letters_alone(line);
            let theirs = alone.len() == broken.len() && alone.iter().zip(&broken).all(|(&a, m)| line[a] == m.letter);
            theirs.then_some(alone)
        };
        let Some((gap, letters)) = (1..=2).find_map(|gap| Some((gap, letters_of(lines.get(l + gap)?)?))) else {
            continue;
        };
        if gap == 2 {
            let row = &lines[l + 1];
            let blank = |from: usize, to: usize| (from..to).all(|c| row.get(c).is_none_or(|ch| *ch == ' '));
            if !broken.iter().all(|m| blank(m.start.saturating_sub(1), m.lead + 2)) {
                continue;
            }
            for m in &broken {
                let mark: Vec<char> = lines[l][m.start..m.lead].to_vec();
                let row = &mut lines[l + 1];
                if row.len() < m.lead {
                    row.resize(m.lead, ' ');
                }
                row[m.start..m.start + mark.len()].copy_from_slice(&mark);
                lines[l][m.start..=m.lead].fill(' ');
            }
        } else {
            for m in &broken {
                lines[l][m.lead] = ' ';
            }
        }
        for &a in &letters {
            lines[l + gap][a] = ' ';
        }
        changed = true;
    }
    changed.then(|| lines.iter().map(|l| l.iter().collect::<String>()).collect::<Vec<_>>().join("\n"))
}

/// A mark for none broken by its cell's wrapping (see [`marks_set_in_rows`]):
/// where it starts, where its first byte alone is, and the letter its pair ends with.
struct BrokenMark {
    start: usize,
    lead: usize,
    letter: char,
}

/// Whether a character stands for a byte a GBK reading could not read (a
/// Latin-1 one), which may start a Big5 pair.
fn lone_byte(c: char) -> bool {
    ('\u{81}'..='\u{fe}').contains(&c)
}

/// The marks of a line set in columns that their cells' wrapping broke: each
/// a pair of a Latin-1 character and a letter repeated (`¡X`), its Latin-1
/// character again alone at its end.
fn broken_marks(line: &[char]) -> Vec<BrokenMark> {
    let mut out = Vec::new();
    if !set_in_columns(line, ' ') {
        return out;
    }
    let mut start = 0;
    while start < line.len() {
        let end = line[start..].iter().position(|&c| c == ' ').map_or(line.len(), |p| start + p);
        let word = &line[start..end];
        let pairs = word.len() / 2;
        let repeated = word.len() % 2 == 1 && pairs > 0 && lone_byte(word[0]) && word[1].is_ascii_alphabetic();
        if repeated && word.chunks(2).all(|c| c[0] == word[0] && c.get(1).is_none_or(|&l| l == word[1])) {
            out.push(BrokenMark { start, lead: end - 1, letter: word[1] });
        }
        start = end + 1;
    }
    out
}

/// Where a line's letters standing alone (spaces or the line's ends either side) are.
fn letters_alone(line: &[char]) -> Vec<usize> {
    let blank = |i: Option<&char>| i.is_none_or(|&c| c == ' ');
    (0..line.len())
        .filter(|&i| line[i].is_ascii_alphabetic())
        .filter(|&i| blank(i.checked_sub(1).and_then(|p| line.get(p))) && blank(line.get(i + 1)))
        .collect()
}

/// `pdftotext -raw` text of a Big5 page read as GBK (`reading`), with the
/// glyphs the reading printed in another font put back where they stood: a
/// private-use character of GB2312's user rows or a box-drawing one of its
/// row `A9` (府 `A9B2` as `┎`) is set on its own baseline, which `-raw` prints
/// as a line after its line's other glyphs, these a space apart where it stood
/// (`¬F «H` over `┎ \u{e427}そ¶}`: 政 信 over 府 息公开). Those standing alone at
/// a line's start (a space after each) go in spaces of the line before or at
/// its end, in turn, where they make words of the reports' (see
/// [`places_in_spaces`]), the rest of their line joined to it (the text its
/// last glyph starts, or the next line's). Lines set in columns (`-layout`)
/// are left as printed. `None` where no glyph is put back.
pub(super) fn glyphs_put_back(text: &str, reading: Reading) -> Option<String> {
    let own_baseline = |c: char| matches!(c, '\u{e000}'..='\u{f8ff}' | '\u{2500}'..='\u{257f}');
    if !text.split('\n').skip(1).any(|line| line.chars().next().is_some_and(own_baseline)) {
        return None;
    }
    let plain = |line: &str| !set_in_columns(line.as_bytes(), b' ');
    let mut out: Vec<String> = Vec::new();
    let mut changed = false;
    for line in text.split('\n') {
        let words: Vec<&str> = line.split(' ').collect();
        let lone = words.iter().take_while(|w| w.chars().count() == 1 && w.chars().all(own_baseline)).count();
        let some = (1..=MOST_GLYPHS).contains(&lone);
        let fits = |b: &String| b.len() <= LONGEST_LINE && plain(b);
        if let Some(before) = out.last_mut().filter(|b| some && fits(b) && plain(line)) {
            // (The line's end a space too: its last glyph's place.)
            let mut chars: Vec<char> = before.trim_end().chars().chain([' ']).collect();
            let glyphs: Vec<char> = words[..lone].iter().flat_map(|w| w.chars()).collect();
            // (A bold line's glyphs are drawn twice: in their places and again, on a line of their own.)
            let drawn_again = glyphs.iter().all(|g| chars.contains(g));
            if let Some(places) = (!drawn_again).then(|| places_in_spaces(&chars, &glyphs, reading)).flatten() {
                for (at, glyph) in places.into_iter().zip(glyphs) {
                    chars[at] = glyph;
                }
                if chars.last() == Some(&' ') {
                    chars.pop();
                }
                *before = chars.into_iter().chain(words[lone..].join(" ").chars()).collect();
                changed = true;
                continue;
            }
        }
        out.push(line.to_string());
    }
    changed.then(|| out.join("\n"))
}

/// The most spaces of a line the glyphs put back may go in (its last).
const GLYPH_SPACES: usize = 12;

/// The most glyphs at a line's start put back (a line's few characters of
/// another font; more, and the ways to place them are too many to try).
const MOST_GLYPHS: usize = 4;

/// The longest line (in bytes) glyphs are put back in: a printed line is far
/// shorter, and each way to place them is read whole.
const LONGEST_LINE: usize = 4096;

/// The spaces of `line` (its characters as a `reading` made them of Big5's
/// bytes) that `glyphs` go in, in turn: those that make the most words of the
/// reports' (see [`is_word`]) of the line read as Big5, more than it makes
/// without them; where several make as many, those not at its end (a space
/// that ends it), then the later. `None` where no places make a word more, or
/// the glyphs are more than the spaces.
fn places_in_spaces(line: &[char], glyphs: &[char], reading: Reading) -> Option<Vec<usize>> {
    let words_in = |chars: &[char]| {
        let text: String = chars.iter().collect();
        let read: Vec<char> = bytes_of(&text, reading)
            .map(|bytes| read_as(&bytes, BIG5).chars().map(crate::normalize::fold_char).collect())
            .unwrap_or_default();
        read.windows(2).filter(|w| is_word(w[0], w[1])).count()
    };
    let spaces: Vec<usize> = (0..line.len()).filter(|&i| line[i] == ' ').collect();
    let spaces = &spaces[spaces.len().saturating_sub(GLYPH_SPACES)..];
    let k = glyphs.len();
    // (How well places read: the words, then not the line's end, a space that ends it.)
    let mut best: Option<((usize, bool), Vec<usize>)> = None;
    let mut with = line.to_vec();
    for set in (0u32..1 << spaces.len()).filter(|s| s.count_ones() as usize == k) {
        let places: Vec<usize> = (0..spaces.len()).filter(|&i| set >> i & 1 == 1).map(|i| spaces[i]).collect();
        with.copy_from_slice(line);
        for (&at, &glyph) in places.iter().zip(glyphs) {
            with[at] = glyph;
        }
        let rank = (words_in(&with), places.last() != Some(&(line.len() - 1)));
        if best.as_ref().is_none_or(|(most, _)| rank >= *most) {
            best = Some((rank, places));
        }
    }
    best.filter(|((most, _), _)| *most > words_in(line)).map(|(_, places)| places)
}

/// The most lines after a first byte left alone that the letter ending its
/// pair is looked for on.
const TAIL_LINES: usize = 3;

/// Big5 `bytes` with each first byte left alone (no second byte after it)
/// joined to a letter standing alone on the next lines, in turn, the letter's
/// place left a space: a cell's text wrapped in its narrow cell, plain
/// `pdftotext` prints a pair's letter on the cell's next line (a mark for
/// none, `——` `A158 A158`, as `¡X¡` over `X`), another cell's number or a row
/// label's next line between, perhaps. The first bytes of a line and the
/// letters after are in the same order, the cells'. Text set in columns is
/// left as printed (see [`in_columns`]).
pub(super) fn tails_joined(bytes: Vec<u8>) -> Vec<u8> {
    let (mut leads, mut tails) = (Vec::new(), Vec::new());
    // (Whether each line is set in columns, looked at once a line.)
    let columns: Vec<bool> = bytes.split(|&b| b == b'\n').map(|l| set_in_columns(l, b' ')).collect();
    let (mut line, mut i) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\n' {
            line += 1;
        } else if b >= 0x81 && b != 0xff {
            match bytes.get(i + 1) {
                Some(&t) if (0x40..=0x7e).contains(&t) || (0xa1..=0xfe).contains(&t) => i += 1,
                _ if !columns[line] => leads.push((i, line)),
                _ => {}
            }
        } else if !columns[line] && lone_letter(&bytes, i) {
            tails.push((i, line));
        }
        i += 1;
    }
    // (Each lead's letter: the first after its line, within reach, not taken.)
    let mut joins: Vec<(usize, usize)> = Vec::new();
    let mut next = 0;
    for (lead, line) in leads {
        while tails.get(next).is_some_and(|&(_, l)| l <= line) {
            next += 1;
        }
        if let Some(&(tail, _)) = tails.get(next).filter(|&&(_, l)| l <= line + TAIL_LINES) {
            joins.push((lead, tail));
            next += 1;
        }
    }
    if joins.is_empty() {
        return bytes;
    }
    // (The pair where its lead is and a space for its letter: the lines' columns
    // kept, as the lead alone read as one character.)
    let mut places: Vec<(usize, Option<u8>)> =
        joins.iter().flat_map(|&(lead, tail)| [(lead, Some(bytes[tail])), (tail, None)]).collect();
    places.sort_unstable();
    let mut out = Vec::with_capacity(bytes.len() + joins.len());
    let mut from = 0;
    for (at, letter) in places {
        out.extend_from_slice(&bytes[from..at]);
        match letter {
            Some(letter) => out.extend_from_slice(&[bytes[at], letter]),
            None => out.push(b' '),
        }
        from = at + 1;
    }
    out.extend_from_slice(&bytes[from..]);
    out
}

/// Whether the byte at `at` may be the letter of a pair wrapped in its cell:
/// a letter standing alone (a space, a line end or the text's end either
/// side) on a line of plain text (see [`in_columns`]).
pub(super) fn wrapped_tail(bytes: &[u8], at: usize) -> bool {
    lone_letter(bytes, at) && !in_columns(bytes, at)
}

/// Whether the byte at `at` is a letter standing alone: a space, a line end or
/// the text's end either side.
fn lone_letter(bytes: &[u8], at: usize) -> bool {
    let blank = |b: Option<&u8>| b.is_none_or(|b| b.is_ascii_whitespace());
    (0x40..=0x7e).contains(&bytes[at]) && blank(at.checked_sub(1).map(|p| &bytes[p])) && blank(bytes.get(at + 1))
}

/// Whether the line of the byte at `at` is set in columns (see
/// [`set_in_columns`]): its cells' pieces are read by their columns, not in
/// turn.
fn in_columns(bytes: &[u8], at: usize) -> bool {
    let start = bytes[..at].iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let end = bytes[at..].iter().position(|&b| b == b'\n').map_or(bytes.len(), |p| at + p);
    set_in_columns(&bytes[start..end], b' ')
}

/// Whether a line (its bytes or characters) is set in columns, as `pdftotext
/// -layout` prints a table: two spaces running.
fn set_in_columns<T: PartialEq>(line: &[T], space: T) -> bool {
    line.windows(2).any(|w| w[0] == space && w[1] == space)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{printed_by_libreoffice, TRADITIONAL};
    use super::*;

    #[test]
    fn a_pair_wrapped_in_its_cell_is_joined_to_its_letter_on_the_next_lines_of_plain_text() {
        let big5 = |text: &str| BIG5.encode(text).0.into_owned();
        // Three cells' marks (`——`, `A158 A158`) wrapped, each `¡X¡` over `X`, in turn.
        let bytes = [big5("合計\n"), b"\xa1X\xa1 \xa1X\xa1 \xa1X\xa1\nX X X\n".to_vec(), big5("二、")].concat();
        assert_eq!(read_as(&bytes, BIG5), "合計\n—— —— ——\n     \n二、");
        // A cell's number printed between the mark's lines.
        let bytes = [big5("法規"), b" \xa1X\xa1\n1\nX\n".to_vec()].concat();
        assert_eq!(read_as(&bytes, BIG5), "法規 ——\n1\n \n");
        // So too past the lines of a row's label; not more than three lines on.
        let bytes = [b"\xa1X\xa1\n".to_vec(), big5("止公開"), b"\nX\n".to_vec()].concat();
        assert_eq!(read_as(&bytes, BIG5), "——\n止公開\n \n");
        assert_eq!(read_as(b"\xa1X\xa1\n1\n2\n3\nX", BIG5), "—\u{fffd}\n1\n2\n3\nX");
        // Text set in columns (`-layout`) is read by its columns: left as printed.
        let bytes = b"  \xa1X\xa1   \xa1X\xa1\n  9   1\n  X     X";
        assert_eq!(read_as(bytes, BIG5), "  —\u{fffd}   —\u{fffd}\n  9   1\n  X     X");
    }

    #[test]
    fn marks_wrapped_about_their_row_s_line_in_layout_text_are_set_on_it() {
        // `——` (`¡X¡X`) wrapped: `¡X¡` over the row's line, `X` under it; set on the row's line.
        let text = "head\n      ¡X¡ ¡X¡\na  1            9\n      X X\nend";
        let set = marks_set_in_rows(text).unwrap();
        assert_eq!(set, "head\n             \na  1  ¡X  ¡X    9\n         \nend");
        // The first pieces on the row's line, the letters under it: read where they are.
        let set = marks_set_in_rows("a  1  ¡X¡ ¡X¡  9\n      X X").unwrap();
        assert_eq!(set, "a  1  ¡X  ¡X   9\n         ");
        // Not where the row's line holds a cell there, nor where the letters are not the marks'.
        assert_eq!(marks_set_in_rows("      ¡X¡ ¡X¡\na  1        7   9\n      X X"), None);
        assert_eq!(marks_set_in_rows("      ¡X¡ ¡X¡\na  1            9\n      X Y"), None);
        assert_eq!(marks_set_in_rows("      ¡X¡ ¡X¡\na  1            9\n      X"), None);
        // Nor in plain text (no columns), which [`tails_joined`] reads.
        assert_eq!(marks_set_in_rows("¡X¡ ¡X¡\nX X"), None);
        // A page's mojibake read again with its marks on the row's line.
        let head = printed_by_libreoffice(&BIG5.encode(TRADITIONAL).0);
        let page = format!("{head}\n      ¡X¡ ¡X¡\na  1            9\n      X X");
        let r = redecoded(&page).unwrap();
        assert!(r.text.ends_with("\na  1  —  —    9\n         "), "{}", r.text);
    }

    #[test]
    fn glyphs_of_another_font_printed_on_the_next_line_by_pdftotext_raw_are_put_back() {
        // 政府信息公開 (`AC46 A9B2 AB48 AEA7 A4BD B6}`): 府 a box-drawing character, 息 a
        // private-use one, each on a baseline of its own, printed after the rest.
        let big5 = |text: &str| printed_by_libreoffice(&BIG5.encode(text).0);
        let (page, heading, done, asked) = (big5(TRADITIONAL), big5("三、收到和"), big5("處理"), big5("申請"));
        let text = format!("{page}\n{heading} {done}¬F «H\n┎ \u{e427}そ¶}}{asked}");
        let put_back = format!("{page}\n{heading} {done}¬F┎«H\u{e427}そ¶}}{asked}");
        assert_eq!(glyphs_put_back(&text, Reading::Gb2312).unwrap(), put_back);
        let r = redecoded(&text).unwrap();
        assert!(r.text.ends_with("處理政府信息公開申請"), "{}", r.text);
        // In the space where it makes a word (事業性), a cell's number after: 行政事業性收費 41.10.
        let text = "︽¬F ㄆ·~ Μ¶O\n┦ 41.10";
        assert_eq!(glyphs_put_back(text, Reading::Gb2312).unwrap(), "︽¬F ㄆ·~┦Μ¶O41.10");
        let text = "︽¬F ㄆ·~ Μ¶O ¤\n┦ 41.10";
        assert_eq!(glyphs_put_back(text, Reading::Gb2312).unwrap(), "︽¬F ㄆ·~┦Μ¶O ¤41.10");
        // In a space rather than at the line's end where both make as many words (鹽城市, 市城區).
        let text = "盐 カ\n\u{e310} ¤j 伦跋";
        assert_eq!(glyphs_put_back(text, Reading::Gb2312).unwrap(), "盐\u{e310}カ¤j 伦跋");
        // The last at the line's end.
        let text = format!("{page}\n{done}¬F «H\n┎ \u{e427}\n{asked}");
        let r = redecoded(&text).unwrap();
        assert!(r.text.ends_with("處理政府信息\n申請"), "{}", r.text);
        // Not where no space makes a word, nor for a glyph with text after it (a line's
        // start), nor in text set in columns, nor where the line holds the glyphs (a bold
        // line's, drawn twice).
        assert_eq!(glyphs_put_back("¬F«H ¤\n┎ \u{e427}そ", Reading::Gb2312), None);
        assert_eq!(glyphs_put_back("¬F «H\n\u{e427}そ¶}", Reading::Gb2312), None);
        assert_eq!(glyphs_put_back("¬F  «H\n┎ \u{e427}そ", Reading::Gb2312), None);
        assert_eq!(glyphs_put_back("¬F «H ¬F┎«H\u{e427}\n┎ \u{e427}", Reading::Gb2312), None);
    }
}
