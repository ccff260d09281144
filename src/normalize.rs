//! Text normalisation: what every later stage may assume about the text.
//!
//! Reports arrive with full-width digits and punctuation, non-breaking and
//! ideographic spaces, zero-width characters, Windows line ends, form feeds from
//! `pdftotext`, and `?` where a lossy conversion replaced a space next to a number.
//! [`normalize`] folds all of that to plain ASCII punctuation and `\n` line ends, so
//! the extractor sees `1,204` and `(一)` however the page spelled them. Byte offsets
//! recorded on facts refer to the text this function returns.

use std::borrow::Cow;

/// Returns the normalised form of `raw` (see the module docs).
pub fn normalize(raw: &str) -> String {
    let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
    let paged = without_page_marks(raw);
    let raw = paged.as_ref();
    let bytes = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    let mut run = 0; // start of the stretch copied as it is
    let mut i = 0;
    // Characters of three bytes (Chinese) alone between blanks, the next one
    // too: letters spaced out (see `without_letter_spacing`), not words.
    let mut spaced = 0;
    let lead = |at: usize| bytes.get(at).copied().is_some_and(wide_lead);
    while i < bytes.len() {
        let b = bytes[i];
        // Only these bytes start a character that changes.
        if !matches!(b, b'\r' | 0x0c | 0xc2 | 0xe2 | 0xe3 | 0xef) {
            if b == b' ' && lead(i + 1) && bytes.get(i + 4) == Some(&b' ') && lead(i + 5) {
                spaced += 1;
            }
            i += utf8_width(b);
            continue;
        }
        let c = raw[i..].chars().next().unwrap_or(' ');
        let width = c.len_utf8();
        let replacement = match c {
            '\r' => Some(if bytes.get(i + 1) == Some(&b'\n') { "" } else { "\n" }),
            // A form feed ends a page whose last line has ended already.
            '\u{000c}' if i > 0 && bytes[i - 1] == b'\n' => Some(""),
            '\u{000c}' | '\u{2028}' | '\u{2029}' => Some("\n"),
            '\u{3000}' | '\u{00a0}' | '\u{2002}'..='\u{200a}' | '\u{202f}' | '\u{205f}' => Some(" "),
            '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}' => Some(""),
            _ => None,
        };
        match replacement {
            Some(r) => {
                out.push_str(&raw[run..i]);
                out.push_str(r);
                i += width;
                run = i;
            }
            None if ('\u{ff01}'..='\u{ff5e}').contains(&c) => {
                out.push_str(&raw[run..i]);
                out.push(char::from_u32(c as u32 - 0xfee0).unwrap_or(c));
                i += width;
                run = i;
            }
            None => i += width,
        }
    }
    out.push_str(&raw[run..]);
    let out = scrub_question_marks(markdown_leftovers(out));
    if spaced < SPACED_LETTERS {
        return out;
    }
    without_letter_spacing(out)
}

/// Whether `b` leads a character of three bytes that is Chinese or its
/// punctuation (U+3000 to U+9FFF).
fn wide_lead(b: u8) -> bool {
    b.wrapping_sub(0xe3) < 7
}

/// The fewest letters spaced out a text has (counted as it is normalised)
/// before its lines are looked at.
const SPACED_LETTERS: usize = 8;
/// The fewest lines spaced out that make a text set so throughout.
const SPACED_LINES: usize = 3;

/// Lines whose letters a PDF set apart, one blank between each two (text set
/// with wide character spacing, as `pdftotext` prints it: `本 年 度 共 收 到 申 请
/// 1 2 件`): where most of the line's Chinese characters stand so, its single
/// blanks are taken out and a wider gap kept as one. Words parted by a blank
/// (`自然人 商业企业`) and a few characters spaced out (`字体:大 中 小`) stay as
/// they are.
fn without_letter_spacing(text: String) -> String {
    let bytes = text.as_bytes();
    // A blank after a Chinese character (or its punctuation) and before another.
    let wide_at = |at: usize| bytes.get(at).copied().is_some_and(wide_lead);
    let spaced = |i: usize| wide_at(i + 1) && i >= 3 && wide_at(i - 3);
    // The lines that hold such a blank.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    for i in memchr::memchr_iter(b' ', bytes).filter(|&i| spaced(i)) {
        if lines.last().is_some_and(|&(_, end)| i < end) {
            continue;
        }
        let start = memchr::memrchr(b'\n', &bytes[..i]).map_or(0, |p| p + 1);
        let end = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |p| i + p + 1);
        lines.push((start, end));
    }
    // Each line's pairs of Chinese characters a blank apart and side by side.
    let pairs = |line: &str| {
        let (mut apart, mut together) = (0, 0);
        let mut prev: Option<char> = None;
        let mut blanks = 0;
        for c in line.chars() {
            if c == ' ' {
                blanks += 1;
                continue;
            }
            let wide = |c: char| ('\u{3000}'..='\u{9fff}').contains(&c);
            if wide(c) && prev.is_some_and(wide) {
                match blanks {
                    0 => together += 1,
                    1 => apart += 1,
                    _ => {}
                }
            }
            prev = Some(c);
            blanks = 0;
        }
        (apart, together)
    };
    let spaced_out = |(apart, together): (usize, usize)| apart >= 4 && apart >= 3 * together;
    let counted: Vec<(usize, usize, (usize, usize))> =
        lines.into_iter().map(|(s, e)| (s, e, pairs(&text[s..e]))).collect();
    // In a text set so throughout, a short line spaced out too (`暂 无 。`).
    let throughout = counted.iter().filter(|l| spaced_out(l.2)).take(SPACED_LINES).count() == SPACED_LINES;
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (start, end, p) in counted {
        let short_too = throughout && p.1 == 0;
        if !spaced_out(p) && !short_too {
            continue;
        }
        out.push_str(&text[copied..start]);
        copied = end;
        // Every character stands apart: one blank is the spacing, more a word's end.
        let mut blanks = 0;
        for c in text[start..end].chars() {
            if c == ' ' {
                blanks += 1;
                continue;
            }
            if blanks > 1 {
                out.push(' ');
            }
            blanks = 0;
            out.push(c);
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// `raw` without the page numbers `pdftotext` prints at the foot or the head of
/// each page it ends with a form feed: a number alone would be read as a table's
/// cell. A marked number (`- 3 -`, `·3·`, `第3页`, `3/5`) is a page's wherever it
/// stands next to a form feed; a bare one only in a document that marks none,
/// where three pages and half the pages at least print their own numbers there
/// (or each one less: a cover without one), or every page of two or more its
/// own, since a table's last cell on a page may be a small number too.
fn without_page_marks(raw: &str) -> Cow<'_, str> {
    if memchr::memchr(0x0c, raw.as_bytes()).is_none() {
        return Cow::Borrowed(raw);
    }
    let pages: Vec<Vec<&str>> = raw.split('\u{c}').map(|p| p.split('\n').collect()).collect();
    let edge = |lines: &[&str], foot: bool| {
        let mut filled = (0..lines.len()).filter(|&i| !lines[i].trim().is_empty());
        if foot { filled.next_back() } else { filled.next() }
    };
    let printed = pages.iter().filter(|lines| edge(lines, true).is_some()).count();
    // A document numbers its pages one way: where some are marked, none is bare.
    let marked = pages.iter().any(|lines| {
        [edge(lines, false), edge(lines, true)].into_iter().flatten().any(|i| marked_page_number(lines[i]))
    });
    // For the foot and the head: the offset (0 or 1) at which bare numbers are the
    // pages', on three pages and half of them at least (a table's cells match a
    // page's number now and then).
    let bare_offset = |foot: bool| {
        (0..2).filter(|_| !marked).find(|&d| {
            let hits: Vec<(&Vec<&str>, usize)> = pages
                .iter()
                .enumerate()
                .filter_map(|(k, lines)| {
                    let i = edge(lines, foot)?;
                    bare_number(lines[i]).is_some_and(|n| n + d == k + 1).then_some((lines, i))
                })
                .collect();
            // Or every page, two at least, its own number (not one less: cells of
            // 0 and 1 end pages often enough), unless one continues a run of
            // numbers where another stands apart from its page's text (a
            // table's last cells on two pages may be 1 and 2).
            let beside = |&(lines, i): &(&Vec<&str>, usize), what: fn(&str) -> bool| {
                let next = if foot { i.checked_sub(1) } else { Some(i + 1) };
                next.and_then(|j| lines.get(j)).is_some_and(|l| what(l))
            };
            let apart = |hit: &(&Vec<&str>, usize)| !beside(hit, |_| true) || beside(hit, |l| l.trim().is_empty());
            let in_run = |hit: &(&Vec<&str>, usize)| beside(hit, |l| bare_number(l).is_some());
            let alike = !hits.iter().any(apart) || !hits.iter().any(in_run);
            let n = hits.len();
            (n >= 3 && n * 2 >= printed) || (d == 0 && n >= 2 && n == printed && alike)
        })
    };
    let offsets = [bare_offset(false), bare_offset(true)];
    let mut out = String::with_capacity(raw.len());
    for (k, lines) in pages.iter().enumerate() {
        let mark = |i: usize, offset: Option<usize>| match bare_number(lines[i]) {
            Some(n) => offset.is_some_and(|d| n + d == k + 1),
            None => marked_page_number(lines[i]),
        };
        let marks: Vec<usize> = [(edge(lines, false), offsets[0]), (edge(lines, true), offsets[1])]
            .into_iter()
            .filter_map(|(i, d)| i.filter(|&i| mark(i, d)))
            .collect();
        if k > 0 {
            out.push('\u{c}');
        }
        // A mark goes with its line's end.
        for (i, line) in lines.iter().enumerate() {
            if marks.contains(&i) {
                continue;
            }
            out.push_str(line);
            if i + 1 < lines.len() {
                out.push('\n');
            }
        }
    }
    Cow::Owned(out)
}

/// A line without its spaces, full-width digits and dashes as ASCII.
fn folded_line(line: &str) -> String {
    line.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn page_digits(s: &str) -> bool {
    !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())
}

/// The number a line holds alone.
fn bare_number(line: &str) -> Option<usize> {
    let folded = folded_line(line);
    page_digits(&folded).then(|| folded.parse().ok()).flatten()
}

/// Whether a line is a page's number as a page marks it: `- 3 -`, `·3·`, `第3页`,
/// `第3页共5页`, `共5页第3页`, `3/5`, `Page 3 of 5`.
fn marked_page_number(line: &str) -> bool {
    let folded = folded_line(line);
    // Marked on both sides, a mark or two each: `-9` alone is a change of nine
    // down, `— — — — 1 — — —` a table's row of marks for none.
    let mark = |c: char| "-—–·•".contains(c);
    let inner = folded.trim_start_matches(mark);
    let inner_both = inner.trim_end_matches(mark);
    let marks = |side: &str| side.chars().count();
    let (before, after) = (marks(&folded[..folded.len() - inner.len()]), marks(&inner[inner_both.len()..]));
    if (1..=2).contains(&before) && (1..=2).contains(&after) && page_digits(inner_both) {
        return true;
    }
    // `共5页第3页`: the count first.
    let folded = match folded.strip_prefix('共').and_then(|r| r.split_once('页')) {
        Some((count, rest)) if page_digits(count) && rest.starts_with('第') => rest.to_string(),
        _ => folded,
    };
    if let Some((n, rest)) = folded.strip_prefix("第").and_then(|r| r.split_once('页')) {
        let of = rest.trim_start_matches([',', '/']).strip_prefix('共').and_then(|r| r.strip_suffix('页'));
        return page_digits(n) && (rest.is_empty() || of.is_some_and(page_digits));
    }
    // `Page 3`, `Page 3 of 5`.
    if let Some(rest) = folded.strip_prefix("Page").or_else(|| folded.strip_prefix("page")) {
        let (n, of) = rest.split_once("of").unwrap_or((rest, "1"));
        return page_digits(n) && page_digits(of);
    }
    folded.split_once('/').is_some_and(|(a, b)| page_digits(a) && page_digits(b))
}

/// What a converter to Markdown leaves in text: `<br>` inside a table cell (a
/// line break within the cell: read as a space, so the row stays on its line)
/// and backslash escapes (`\(一\)`, `1\.`) before punctuation. `\|` stays: it is
/// a `|` inside a cell, not between two.
fn markdown_leftovers(text: String) -> String {
    let bytes = text.as_bytes();
    let leftover = |i: usize| match bytes[i] {
        b'<' => bytes.get(i + 1..i + 3).is_some_and(|t| t.eq_ignore_ascii_case(b"br")),
        _ => bytes.get(i + 1).is_some_and(|b| ESCAPED.contains(b)),
    };
    if !memchr::memchr2_iter(b'<', b'\\', bytes).any(leftover) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find(['<', '\\']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let br = |t: &&str| rest.get(..t.len()).is_some_and(|h| h.eq_ignore_ascii_case(t));
        if let Some(tag) = ["<br>", "<br/>", "<br />"].into_iter().find(br) {
            out.push(' ');
            rest = &rest[tag.len()..];
        } else if rest.as_bytes().get(1).is_some_and(|b| ESCAPED.contains(b)) {
            out.push(char::from(rest.as_bytes()[1]));
            rest = &rest[2..];
        } else {
            out.push(char::from(rest.as_bytes()[0]));
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// Punctuation Markdown writers escape with a backslash.
const ESCAPED: &[u8] = b"()[]{}*_.-+#!`<>";

/// A `?` glued to a digit is almost always a space lost by a lossy re-encoding
/// (`共收到申请?12?件`), and so is a `?` among others, with or without spaces
/// between them (`本年增 ? ? ? /减数`: the non-breaking spaces a GBK conversion
/// could not write): replace each by a space so numbers and labels stand as they
/// were. A lone `?` elsewhere stays (it may be a real question mark, folded from
/// `？`).
fn scrub_question_marks(text: String) -> String {
    if !text.contains('?') {
        return text;
    }
    let mut chars: Vec<char> = text.chars().collect();
    let digit = |i: Option<usize>| i.and_then(|i| chars.get(i)).is_some_and(char::is_ascii_digit);
    let mut lost: Vec<bool> =
        (0..chars.len()).map(|i| chars[i] == '?' && (digit(Some(i + 1)) || digit(i.checked_sub(1)))).collect();
    let mut start = 0;
    while start < chars.len() {
        let run = chars[start..].iter().take_while(|&&c| matches!(c, '?' | ' ' | '\t')).count();
        if chars[start..start + run].iter().filter(|&&c| c == '?').count() > 1 {
            lost[start..start + run].iter_mut().for_each(|l| *l = true);
        }
        start += run + 1;
    }
    for (c, lost) in chars.iter_mut().zip(lost) {
        if lost && *c == '?' {
            *c = ' ';
        }
    }
    chars.into_iter().collect()
}

/// Folds traditional characters to simplified (開→开, 數→数, 處→处, 區→区, 縣→县).
/// Returns the folded text and whether it read as traditional: at least five
/// characters and one in a hundred of its Chinese characters changed (simplified
/// text is left as it is, but for the odd 繁體版 link).
pub fn fold_traditional(text: &str) -> (Cow<'_, str>, bool) {
    if !may_be_traditional(text) {
        return (Cow::Borrowed(text), false);
    }
    let (folded, changed, cjk) = fold(text);
    // Simplified text is left alone.
    if changed >= 5 && changed * 100 >= cjk {
        (Cow::Owned(folded), true)
    } else {
        (Cow::Borrowed(text), false)
    }
}

/// Folds a short text that stands alone, a page's title or its site's name
/// (`重慶市璧山區青杠街道門戶網站`), whatever the share of its characters that change:
/// too short to tell a mirror by.
pub fn fold_name(text: &str) -> Cow<'_, str> {
    match fold(text) {
        (folded, changed, _) if changed > 0 => Cow::Owned(folded),
        _ => Cow::Borrowed(text),
    }
}

/// The text folded, how many characters changed and how many Chinese
/// characters it has.
/// One character folded as [`fold_name`] folds it alone: a lookup, where
/// folding a text of it would build one.
pub fn fold_char(c: char) -> char {
    let b = FOLDING.fold(EDGE, c, EDGE);
    if b != c && !crate::region::name_chars().contains(&c) { b } else { c }
}

fn fold(text: &str) -> (String, usize, usize) {
    // A character of a place name is kept in traditional text too: the table
    // also folds characters that simplified place names keep (乾县 is not 干县,
    // 磐石市 not 盘石市). The folded text is built in the pass that counts.
    let keep = crate::region::name_chars();
    let (mut changed, mut cjk) = (0, 0);
    let mut folded = String::with_capacity(text.len());
    let mut chars = text.chars();
    let (mut prev, mut cur) = (EDGE, chars.next());
    while let Some(a) = cur {
        let next = chars.next();
        cjk += usize::from(('\u{4e00}'..='\u{9fff}').contains(&a));
        let b = FOLDING.fold(prev, a, next.unwrap_or(EDGE));
        if a == b {
            folded.push(a);
        } else {
            changed += 1;
            folded.push(if keep.contains(&a) { a } else { b });
        }
        (prev, cur) = (a, next);
    }
    (folded, changed, cjk)
}

/// Words that mirrors written for Taiwan and Hong Kong readers put in place of the
/// mainland's own (政府信息 → 政府資訊, 网络 → 網路, 规范性文件 → 規範性檔案, 采购项目
/// → 採購專案, 通过互联网 → 透過網際網路), as they read once folded, each with the
/// word the report printed (or one of its meaning: 互联网络). Each pair is of one
/// length, so no offset moves.
const MIRROR_WORDS: &[(&str, &str)] = &[
    ("资讯", "信息"),
    ("网路", "网络"),
    ("网际网路", "互联网络"),
    ("软体", "软件"),
    ("规范性档案", "规范性文件"),
    ("入口网站", "门户网站"),
    ("专案", "项目"),
    ("透过", "通过"),
];

static MIRROR_SEARCH: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(MIRROR_WORDS.iter().map(|w| w.0))
        .expect("the mirror words make an automaton")
});

/// Puts back the mainland words a traditional mirror replaced, in text already
/// folded by [`fold_traditional`] (only a mirror's text: 资讯 in a report
/// written in simplified characters is the report's own word).
pub fn mainland_words(folded: &mut String) {
    let search = &*MIRROR_SEARCH;
    if search.find(folded.as_str()).is_none() {
        return;
    }
    let back: Vec<&str> = MIRROR_WORDS.iter().map(|w| w.1).collect();
    *folded = search.replace_all(folded, &back);
}

/// Vowels with a tone mark, as pinyin prints them.
const TONED: &str = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ";

/// The reading in brackets some mirrors print after a character they expect
/// readers not to know (`報(bào)告`, `區(qū)`): its length in bytes, brackets
/// included, and whether it carries a tone mark. `s` starts at the `(`.
fn reading_at(s: &str) -> Option<(usize, bool)> {
    let open = s.chars().next().filter(|&c| c == '(' || c == '（')?;
    let body = &s[open.len_utf8()..];
    let mut toned = false;
    for (i, c) in body.char_indices().take(8) {
        match c {
            ')' | '）' if i > 0 => return Some((open.len_utf8() + i + c.len_utf8(), toned)),
            'a'..='z' | 'ü' => {}
            c if TONED.contains(c) => toned = true,
            _ => return None,
        }
    }
    None
}

/// Takes out the pinyin readings a mirror printed after characters (`報(bào)告`
/// → 报告), which break words and table labels apart. Only where the text
/// has at least three readings with a tone mark: a lone `(abc)` after a
/// character is the report's own.
pub fn strip_readings(folded: &mut String) {
    // Toned vowels are two-byte characters led by 0xC3 to 0xC7, which Chinese
    // text hardly holds: most texts are turned away by a byte search.
    let bytes = folded.as_bytes();
    if memchr::memchr3(0xc3, 0xc4, 0xc5, bytes).is_none() && memchr::memchr(0xc7, bytes).is_none() {
        return;
    }
    let is_han = |c: char| ('\u{3400}'..='\u{9fff}').contains(&c);
    let mut found = Vec::new();
    let mut prev = None;
    for (i, c) in folded.char_indices() {
        if (c == '(' || c == '（') && prev.is_some_and(is_han) {
            if let Some(r) = reading_at(&folded[i..]) {
                found.push((i, r));
            }
        }
        prev = Some(c);
    }
    if found.iter().filter(|(_, (_, toned))| *toned).count() < 3 {
        return;
    }
    let mut out = String::with_capacity(folded.len());
    let mut at = 0;
    for (i, (len, _)) in found {
        out.push_str(&folded[at..i]);
        at = i + len;
    }
    out.push_str(&folded[at..]);
    *folded = out;
}

/// Characters that `fast2s` folds, or keeps, only beside certain neighbours
/// (計畫 → 计划 but 畫圖 → 画图; 乾隆 stays).
const CONTEXTUAL: &str = "藉著苧闔鍾讎畫兒覆夥瞭麽幺於乾";

/// What `fast2s` reads before the first character and after the last.
const EDGE: char = '0';

/// The `fast2s` conversion as a table, read once: a lookup a character where
/// the crate hashes each one into three maps.
struct Folding {
    /// Each character from U+0800 to U+FFFF (only three-byte UTF-8 characters
    /// are ever changed) as it folds alone; `CONTEXTUAL` ones as themselves.
    to: Vec<char>,
    /// A bit per code point below U+10000: characters the table may change in
    /// some context.
    foldable: Vec<u64>,
    contextual: Vec<u64>,
}

impl Folding {
    fn new() -> Folding {
        // Each character between spaces: no context makes a special case apply.
        let all: String = (0x800..=0xffff_u32).filter_map(char::from_u32).flat_map(|c| [c, ' ']).collect();
        let converted = fast2s::convert(&all);
        let mut to: Vec<char> = (0x800..=0xffff_u32).map(|u| char::from_u32(u).unwrap_or('\u{fffd}')).collect();
        let mut foldable = vec![0u64; 0x10000 / 64];
        let mut contextual = vec![0u64; 0x10000 / 64];
        let mark = |bits: &mut Vec<u64>, c: char| bits[c as usize / 64] |= 1 << (c as usize % 64);
        for (a, b) in all.chars().zip(converted.chars()).filter(|(a, _)| *a != ' ') {
            if a != b {
                to[a as usize - 0x800] = b;
                mark(&mut foldable, a);
            }
        }
        for c in CONTEXTUAL.chars() {
            to[c as usize - 0x800] = c;
            mark(&mut foldable, c);
            mark(&mut contextual, c);
        }
        Folding { to, foldable, contextual }
    }

    fn has(bits: &[u64], u: usize) -> bool {
        (bits[u / 64] >> (u % 64)) & 1 == 1
    }

    /// `c` folded between `prev` and `next`, as `fast2s::convert` folds it.
    fn fold(&self, prev: char, c: char, next: char) -> char {
        let u = c as usize;
        if !(0x800..0x10000).contains(&u) || !Self::has(&self.foldable, u) {
            return c;
        }
        if Self::has(&self.contextual, u) {
            let window: String = [prev, c, next].into_iter().collect();
            return fast2s::convert(&window).chars().nth(1).unwrap_or(c);
        }
        self.to[u - 0x800]
    }
}

static FOLDING: std::sync::LazyLock<Folding> = std::sync::LazyLock::new(Folding::new);

/// A quick bound on [`fold_traditional`]'s test: whether enough characters of
/// `text` could change for it to read as traditional.
fn may_be_traditional(text: &str) -> bool {
    let bits = &FOLDING.foldable;
    let (mut foldable, mut cjk) = (0usize, 0usize);
    for c in text.chars() {
        let u = c as usize;
        if (0x800..0x10000).contains(&u) {
            foldable += (bits[u / 64] >> (u % 64)) as usize & 1;
            cjk += usize::from((0x4e00..=0x9fff).contains(&u));
        }
    }
    foldable >= 5 && foldable * 100 >= cjk
}

/// Bytes that may start a whitespace character.
static MAY_BE_SPACE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = matches!(b as u8, b'\t'..=b'\r' | b' ' | 0xc2 | 0xe1 | 0xe2 | 0xe3);
        b += 1;
    }
    t
};

/// The length of the UTF-8 sequence that starts with byte `b`.
fn utf8_width(b: u8) -> usize {
    match b {
        0..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// Removes all whitespace: labels are compared without it, because wrapping and
/// justification put spaces inside words (`本年新   制作数量`). Text without
/// whitespace (most labels) is returned as it is, without a copy.
pub fn squash(s: &str) -> Cow<'_, str> {
    match first_whitespace(s, 0) {
        None => Cow::Borrowed(s),
        Some((i, width)) => {
            let mut out = String::with_capacity(s.len());
            out.push_str(&s[..i]);
            squash_into(&s[i + width..], &mut out);
            Cow::Owned(out)
        }
    }
}

/// Appends `s` without its whitespace to `out`.
pub fn squash_into(s: &str, out: &mut String) {
    let mut run = 0; // start of the stretch not yet copied
    while let Some((i, width)) = first_whitespace(s, run) {
        out.push_str(&s[run..i]);
        run = i + width;
    }
    out.push_str(&s[run..]);
}

/// The first whitespace character of `s` at or after byte `from`: where it
/// starts and its length in bytes.
fn first_whitespace(s: &str, from: usize) -> Option<(usize, usize)> {
    (from..s.len()).find_map(|i| match whitespace_at(s, i) {
        0 => None,
        width => Some((i, width)),
    })
}

/// The length in bytes of the whitespace character at byte `i` of `s`, 0 where
/// there is none (or `i` is inside a character).
#[inline]
pub fn whitespace_at(s: &str, i: usize) -> usize {
    let b = s.as_bytes()[i];
    // Whitespace is ASCII, or starts with one of a few bytes (U+0085, U+00A0,
    // U+1680, U+2000-U+205F, U+3000); no other byte needs a look.
    if !MAY_BE_SPACE[b as usize] {
        return 0;
    }
    if b < 0x80 {
        return 1;
    }
    match s.get(i..).and_then(|rest| rest.chars().next()) {
        Some(c) if c.is_whitespace() => c.len_utf8(),
        _ => 0,
    }
}

/// `str::contains` and `str::find` for a string, quicker on the short clauses
/// and labels a report is read in (the standard search prepares each needle
/// before it looks, and a report asks some hundreds of such questions): the
/// haystack is searched for the needle's last byte, in Chinese text a
/// continuation byte and rare, and each place found is compared.
pub trait Search {
    /// Where `needle` first starts.
    fn first(&self, needle: &str) -> Option<usize>;

    fn has(&self, needle: &str) -> bool {
        self.first(needle).is_some()
    }
}

impl Search for str {
    #[inline]
    fn first(&self, needle: &str) -> Option<usize> {
        let (hay, needle) = (self.as_bytes(), needle.as_bytes());
        let Some((&last, _)) = needle.split_last() else { return Some(0) };
        if needle.len() > hay.len() {
            return None;
        }
        let tail = needle.len() - 1;
        memchr::memchr_iter(last, &hay[tail..]).find(|&start| &hay[start..start + needle.len()] == needle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_spaced_out_are_set_together() {
        let spaced = "三 、 依 申 请 公 开 情 况\n本 年 度 共 收 到 申 请 1 2 件 ,  其 中 当 面 3 件 。\n";
        let text = format!("{spaced}字体:大 中 小\n| 自然人 商业企业 科研机构 |\n");
        assert_eq!(normalize(&text), "三、依申请公开情况\n本年度共收到申请12件, 其中当面3件。\n字体:大 中 小\n| 自然人 商业企业 科研机构 |\n");
        // A short line too, in a text set so throughout; not elsewhere.
        let text = format!("{spaced}{spaced}五 、 复 议 情 况\n暂 无 。\n");
        assert!(normalize(&text).ends_with("五、复议情况\n暂无。\n"), "{}", normalize(&text));
        assert_eq!(normalize("暂 无 。\n"), "暂 无 。\n");
        // Words parted by blanks, however many, stay apart.
        let words = "自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计\n".repeat(4);
        assert_eq!(normalize(&words), words);
    }

    #[test]
    fn page_numbers_next_to_form_feeds_go() {
        // Marked: wherever they stand next to a form feed, with their line's end.
        assert_eq!(normalize("一\n1\n- 1 -\n\u{c}2\n"), "一\n1\n2\n");
        assert_eq!(normalize("一\n\u{c}－２－\n3\n"), "一\n3\n");
        assert_eq!(normalize("一\n第 1 页 共 2 页\n\u{c}二\n3/5\n"), "一\n二\n");
        assert_eq!(normalize("一\n共 5 页 第 1 页\n\u{c}二\nPage 2 of 5\n\u{c}三\n第3页,共5页\n"), "一\n二\n三\n");
        // Bare: where three pages print their numbers so.
        assert_eq!(normalize("一\n5\n1\n\u{c}二\n0\n2\n\u{c}三\n3\n"), "一\n5\n二\n0\n三\n");
        // In a document whose pages are marked, a cell after a page break that
        // matches the page's number stays.
        assert_eq!(normalize("件\n- 1 -\n\u{c}\n1\n\n件\n- 2 -\n\u{c}\n2\n\n件\n- 3 -\n\u{c}3\n"), "件\n\n1\n\n件\n\n2\n\n件\n3\n");
        // Cells that match their pages' numbers on a few pages of many stay.
        let pages: String = (1..=6).map(|k| format!("{}\n一\n\u{c}", if k <= 2 { k } else { 9 })).collect();
        assert_eq!(normalize(&pages).matches('一').count(), 6);
        assert_eq!(normalize(&pages).matches('2').count(), 1);
        // Two pages, each ending in its own number.
        assert_eq!(normalize("一\n条\n1\n\u{c}\n85\n2\n\u{c}"), "一\n条\n\n85\n");
        assert_eq!(normalize("一\n\n1\n\u{c}\n85\n\n2\n\u{c}"), "一\n\n\n85\n\n");
        assert_eq!(normalize("一\n件\n1\n\u{c}\n费用\n\n2\n\u{c}"), "一\n件\n\n费用\n\n");
        // Two pages whose last cells are 1 and 2, the one in a run of numbers, the other apart: cells.
        assert_eq!(normalize("一\n\n5\n1\n\u{c}二\n\n2\n\u{c}"), "一\n\n5\n1\n二\n\n2\n");
        // A page whose last cell is a small number, once: the number stays.
        assert_eq!(normalize("一\n5\n1\n\u{c}二\n0\n"), "一\n5\n1\n二\n0\n");
        // A table's row of marks for none with one count in it, at a page's foot, is no page's number.
        let marks = "—   —    —     —   1  —  — —  —";
        assert_eq!(normalize(&format!("一\n{marks}\n\u{c}二\n")), format!("一\n{marks}\n二\n"));
        assert_eq!(normalize("一\n—— 1 ——\n\u{c}二\n"), "一\n二\n");
        // A signed number is no page's.
        assert_eq!(normalize("一\n- 1 -\n\u{c}-9\n"), "一\n-9\n");
        // Numbers inside a page are no page's.
        assert_eq!(normalize("一\n- 1 -\n二\n"), "一\n- 1 -\n二\n");
    }

    #[test]
    fn whitespace_at_agrees_with_char_is_whitespace_on_every_character() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            let expected = if c.is_whitespace() { c.len_utf8() } else { 0 };
            assert_eq!(whitespace_at(&s, 1), expected, "U+{:04X}", u32::from(c));
            // Inside a character no whitespace starts.
            for inside in 2..1 + c.len_utf8() {
                assert_eq!(whitespace_at(&s, inside), 0, "U+{:04X} at byte {inside}", u32::from(c));
            }
        }
        // At the text's end.
        assert_eq!(whitespace_at("\u{3000}", 0), 3);
        assert_eq!(whitespace_at("\u{00a0}", 0), 2);
    }

    #[test]
    fn a_name_is_folded_however_few_of_its_characters_change() {
        // Four characters fold: too few to call a text traditional, not for a name.
        let site = "重慶市璧山區青杠街道門户網站";
        assert!(!fold_traditional(site).1);
        assert_eq!(fold_name(site), "重庆市璧山区青杠街道门户网站");
        assert!(matches!(fold_name("某某区人民政府门户网站"), Cow::Borrowed(_)));
    }

    #[test]
    fn full_width_digits_and_punctuation_become_ascii() {
        assert_eq!(normalize("（一）予以公开：１２，１，２０４"), "(一)予以公开:12,1,204");
    }

    #[test]
    fn line_ends_and_spaces_are_folded() {
        assert_eq!(normalize("\u{feff}a\r\nb\rc\u{000c}d\u{3000}e\u{00a0}f\u{200b}g"), "a\nb\nc\nd e fg");
    }

    /// Character by character, as the module docs say.
    fn reference(raw: &str) -> String {
        let raw = raw.strip_prefix('\u{feff}').unwrap_or(raw);
        let mut out = String::new();
        let mut chars = raw.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\r' => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    out.push('\n');
                }
                '\u{000c}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
                '\u{3000}' | '\u{00a0}' | '\u{2002}'..='\u{200a}' | '\u{202f}' | '\u{205f}' => out.push(' '),
                '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{00ad}' => {}
                '\u{ff01}'..='\u{ff5e}' => out.push(char::from_u32(c as u32 - 0xfee0).unwrap_or(c)),
                _ => out.push(c),
            }
        }
        out
    }

    #[test]
    fn every_character_folds_as_the_reference_says() {
        let all: String =
            (0..0x10000u32).chain([0x1f600, 0x20000]).filter_map(char::from_u32).filter(|&c| !matches!(c, '?' | '\\' | '\u{ff3c}')).collect();
        assert_eq!(normalize(&all), reference(&all));
        let mixed = "\r\r\n\u{feff}x\r\u{3000}\u{200b}\u{ff10}\u{ff5e}\u{ff5f}";
        assert_eq!(normalize(mixed), reference(mixed));
    }

    #[test]
    fn markdown_line_breaks_in_cells_and_escapes_are_undone() {
        assert_eq!(normalize("| 4.保护第三<br>方合法权益 | 0 |"), "| 4.保护第三 方合法权益 | 0 |");
        assert_eq!(normalize("a<BR/>b<br />c<bra"), "a b c<bra");
        assert_eq!(normalize("\\(一\\)予以公开 1\\. \\| \\\\ \\a"), "(一)予以公开 1. \\| \\\\ \\a");
        assert_eq!(normalize("C:\\公开\\"), "C:\\公开\\");
    }

    #[test]
    fn question_marks_around_numbers_become_spaces() {
        assert_eq!(normalize("共收到申请?12?件,是否?"), "共收到申请 12 件,是否?");
        assert_eq!(normalize("本年增??? /减数,何为?是"), "本年增    /减数,何为?是");
        assert_eq!(normalize("本年增 ? ? ?/减数,何为? 是? \n?"), "本年增      /减数,何为? 是? \n?");
    }

    #[test]
    fn traditional_folds_simplified_stays() {
        let (t, trad) = fold_traditional("開數處結轉關復議訴訟規範許強費區縣嶽,乾安縣,磐石市");
        assert_eq!(t, "开数处结转关复议诉讼规范许强费区县岳,乾安县,磐石市");
        assert!(trad);
        let (s, trad) = fold_traditional("咸阳市乾县梁村镇政府信息公开工作年度报告,繁體版");
        assert_eq!(s, "咸阳市乾县梁村镇政府信息公开工作年度报告,繁體版");
        assert!(!trad);
    }

    #[test]
    fn a_mirrors_words_are_put_back() {
        let (folded, trad) = fold_traditional(
            "本局共主動公開政府資訊52條,其中網路申請3件,透過網際網路申請2件,行政規範性檔案4件,市檔案館,採購專案數量",
        );
        assert!(trad);
        let mut text = folded.into_owned();
        let len = text.len();
        mainland_words(&mut text);
        assert_eq!(
            text,
            "本局共主动公开政府信息52条,其中网络申请3件,通过互联网络申请2件,行政规范性文件4件,市档案馆,采购项目数量"
        );
        assert_eq!(text.len(), len);
    }

    /// The fold as it was first written: `fast2s` over the whole text, then
    /// the same count and the same kept place-name characters.
    fn fold_by_fast2s(text: &str) -> (String, bool) {
        let converted = fast2s::convert(text);
        let keep = crate::region::name_chars();
        let (mut changed, mut cjk, mut folded) = (0, 0, String::new());
        for (a, b) in text.chars().zip(converted.chars()) {
            cjk += usize::from(('\u{4e00}'..='\u{9fff}').contains(&a));
            changed += usize::from(a != b);
            folded.push(if a == b || keep.contains(&a) { a } else { b });
        }
        if changed >= 5 && changed * 100 >= cjk {
            (folded, true)
        } else {
            (text.to_string(), false)
        }
    }

    #[test]
    fn the_table_folds_as_fast2s_does_in_every_context() {
        let contextual: Vec<char> = CONTEXTUAL.chars().collect();
        // The neighbours that make `fast2s` fold a contextual character otherwise.
        let neighbours: Vec<char> = "答批回甚慰狼望樊隆坤卦口憑看麻家書校定仇計企寬0".chars().collect();
        let mut rng = crate::gen::rng::Rng::new(7);
        let pick = |from: &[char], rng: &mut crate::gen::rng::Rng| from[rng.below(from.len() as u64) as usize];
        for _ in 0..3000 {
            let len = 1 + rng.below(12) as usize;
            let text: String = (0..len)
                .map(|_| match rng.below(4) {
                    0 => pick(&contextual, &mut rng),
                    1 => pick(&neighbours, &mut rng),
                    2 => char::from_u32(0x4e00 + rng.below(0x5200) as u32).unwrap(),
                    _ => char::from_u32(rng.below(0x10000) as u32).unwrap_or('a'),
                })
                .collect();
            // Repeated, so that enough characters change for the text to read as traditional.
            let text = text.repeat(6);
            let (folded, traditional) = fold_traditional(&text);
            assert_eq!((folded.into_owned(), traditional), fold_by_fast2s(&text), "{text}");
        }
        // Every character alone, at the start and at the end of a text.
        let all: String = (0x800..=0xffff_u32).filter_map(char::from_u32).collect();
        assert_eq!(fold_traditional(&all).0, fold_by_fast2s(&all).0);
        for pair in ["計畫", "畫圖", "乾隆", "乾淨", "看著", "藉口", "慰藉", "答覆", "覆蓋"] {
            let text = format!("{pair}開數處結轉");
            assert_eq!(fold_traditional(&text).0, fold_by_fast2s(&text).0, "{pair}");
        }
    }

    #[test]
    fn the_quick_bound_never_misses_a_change() {
        // Every character the table changes alone, and the context-bound ones.
        let all: String = (0x800..=0xffff_u32).filter_map(char::from_u32).collect();
        let folded = fast2s::convert(&all);
        for (a, b) in all.chars().zip(folded.chars()) {
            if a != b {
                assert!(may_be_traditional(&a.to_string().repeat(5)), "{a}");
            }
        }
        for pair in ["看著", "藉口", "計畫", "答覆"] {
            assert!(may_be_traditional(&pair.repeat(5)), "{pair}");
        }
        assert!(!may_be_traditional("政府信息公开工作年度报告"));
    }

    #[test]
    fn search_agrees_with_contains_and_find() {
        let pieces = ["申请", "公开", "件", "1", "2", "|", " ", "政府信息", "请", "申", "a", "、", "。", "\u{3000}", "é"];
        let mut rng = crate::gen::rng::Rng::new(3);
        let text = |n: u64, rng: &mut crate::gen::rng::Rng| -> String {
            (0..rng.below(n)).map(|_| pieces[rng.below(pieces.len() as u64) as usize]).collect()
        };
        for _ in 0..20_000 {
            let hay = text(12, &mut rng);
            let needle = text(4, &mut rng);
            assert_eq!(hay.has(&needle), hay.contains(&needle), "{needle:?} in {hay:?}");
            assert_eq!(hay.first(&needle), hay.find(&needle), "{needle:?} in {hay:?}");
            // Every piece of the haystack is in it.
            let chars: Vec<usize> = hay.char_indices().map(|(i, _)| i).chain([hay.len()]).collect();
            let (a, b) = (rng.below(chars.len() as u64) as usize, rng.below(chars.len() as u64) as usize);
            assert!(hay.has(&hay[chars[a.min(b)]..chars[a.max(b)]]));
        }
        assert!("".has("") && "申请".has("") && !"".has("申"));
    }

    #[test]
    fn squash_drops_inner_whitespace() {
        assert_eq!(squash("本年新   制作数量\n本年"), "本年新制作数量本年");
        assert!(matches!(squash("本年新制作数量"), Cow::Borrowed(_)), "nothing to remove, nothing copied");
        let mut out = String::from("前");
        squash_into(" 本年 新\u{3000}", &mut out);
        assert_eq!(out, "前本年新");
        let all: String = (0..0x10000u32).filter_map(char::from_u32).collect();
        let want: String = all.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(squash(&all), want);
        assert_eq!(squash("\u{3000}、\u{a0}é\u{2028}—\u{85}x\u{b}"), "、é—x");
    }

    #[test]
    fn a_mirror_s_readings_come_out() {
        let strip = |s: &str| {
            let mut t = s.to_string();
            strip_readings(&mut t);
            t
        };
        assert_eq!(strip("年度报(bào)告,区(qū)政府,本年制发(fā)件数(shù)的(de)"), "年度报告,区政府,本年制发件数的");
        assert_eq!(strip("领（lǐng）导（dǎo）数（shù）"), "领导数");
        // Two readings are not enough; nor are brackets after a digit or with capitals.
        assert_eq!(strip("报(bào)告区(qū)"), "报(bào)告区(qū)");
        assert_eq!(strip("报(bào)区(qū)导(dǎo) 3(fā) 网站(Wǎng)"), "报区导 3(fā) 网站(Wǎng)");
    }
}
