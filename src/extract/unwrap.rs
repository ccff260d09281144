//! Lines broken by the width of the page, joined back into their sentences.
//!
//! `pdftotext` (without `-layout`) and text copied from a PDF end every printed
//! line with a line break, so a sentence runs over two or three lines and a
//! keyword or a count can be cut from the words it belongs to
//! (`共受理政府信息公开申请\n11件`). The prose reader takes a line break as the
//! end of a clause; it reads the text this module gives back instead, where a
//! break inside a paragraph is gone.
//!
//! A break is taken as the page's when the text is printed at a fixed width (many
//! lines end inside a sentence at about the same column, or, in a short text, its
//! widest lines do), the line before it is full (reaches that column) and does
//! not end a sentence, and the line after it starts no heading or numbered item.
//! Text whose lines are its paragraphs (web pages, Word) has no such width and is
//! given back unchanged. A page number between the two halves of a sentence is
//! dropped with the break.
//!
//! Pages that set each figure in an element of its own, copied a line each, cut
//! a count from its words the same way (`主动公开政府信息` / `5928` / `条`): a number
//! alone on its line, between words that run on to it and its unit, is joined
//! back, whatever the width of the text.
//!
//! The other way round, a page copied without its line breaks runs its headings
//! into their paragraphs (`三、依申请公开情况 本年度共收到申请3件`), or the whole
//! report into one line; [`break_headings`] sets such headings on lines of their
//! own again, so that the prose reader finds its sections.

use super::cells::{is_page_furniture, lines};
use super::prose::{is_heading, starts_part};
use crate::normalize::Search;

/// Text with some line breaks (and the blanks around them) taken out, and the way
/// back to offsets in the text it was made from.
pub struct Unwrapped {
    pub text: String,
    /// `(offset in text, bytes taken out before it)` at each join, by offset.
    shifts: Vec<(usize, usize)>,
}

impl Unwrapped {
    /// The offset in the original text of byte `at` of [`Unwrapped::text`].
    pub fn original(&self, at: usize) -> usize {
        let k = self.shifts.partition_point(|&(pos, _)| pos <= at);
        at + k.checked_sub(1).map_or(0, |k| self.shifts[k].1)
    }

    /// Where original offset `at` is in [`Unwrapped::text`] (an offset inside a
    /// stretch taken out goes to the end of the join).
    pub fn inward(&self, at: usize) -> usize {
        let k = self.shifts.partition_point(|&(pos, removed)| pos + removed <= at);
        at - k.checked_sub(1).map_or(0, |k| self.shifts[k].1)
    }
}

/// Printed width in columns: a Chinese character (any character of three or
/// four bytes) takes two, and so does the punctuation between them (normalisation
/// folded `，` to `,`), letters and digits one.
pub(super) fn width(line: &str) -> usize {
    line.bytes().map(|b| usize::from(COLUMNS[usize::from(b)])).sum()
}

/// Columns by byte: continuation bytes none, lead bytes the width of their
/// character.
const COLUMNS: [u8; 256] = {
    let mut t = [1u8; 256];
    let mut b = 0x80;
    while b < 0x100 {
        t[b] = if b < 0xc0 { 0 } else if b < 0xe0 { 1 } else { 2 };
        b += 1;
    }
    let wide = b",;:()!?";
    let mut k = 0;
    while k < wide.len() {
        t[wide[k] as usize] = 2;
        k += 1;
    }
    t
};

/// Lines narrower than this (20 Chinese characters) are not looked at to find
/// the printed width: titles, crumbs, dates and signatures are that short, and
/// even an official document's wide type sets 28 characters to a line.
const MIN_WIDTH: usize = 40;
/// A full line reaches at least this many columns less than the printed width
/// (justified lines hold more or fewer digits and Latin letters, which are
/// narrower than a column, or punctuation set narrow).
pub(super) const SLACK: usize = 6;

/// The width the text is printed at, if it was printed at one: the widest of the
/// most common band of widths `SLACK` wide among the lines that end inside a
/// sentence, when it holds at least four of them and a third; else, for a short
/// text, the widest line, when at least two lines that end inside a sentence
/// reach it, or one and two more that end theirs, or one more where the one
/// ending inside its sentence is no heading, or that one alone where it holds
/// a sentence's clauses (a comma: a heading has none) (no line of a
/// printed page is wider than the page, while a page of paragraphs has its
/// widest lines end their sentences, each at a width of its own, and a heading
/// ends its line without a stop); else the width two lines or
/// more centred on the page tell (twice their blanks past the margin and their
/// width), when a line that ends inside a sentence reaches it. Lines narrower
/// than `MIN_WIDTH` are not looked at, nor lines set in columns, nor lines set
/// in from the margin (`margin`: the blanks every line starts with) as a
/// centred heading or a date set right is.
fn printed_width<'a>(lines: impl Iterator<Item = &'a str>, margin: usize) -> Option<usize> {
    let mut centred = Vec::new();
    // A line of fewer bytes than MIN_WIDTH is narrower than that: not measured.
    let measured: Vec<(usize, bool, &str)> = lines
        .filter(|l| {
            if l.len() < MIN_WIDTH || laid_out(l) {
                return false;
            }
            // A centred line tells the page's width by its blanks on either side.
            let set = set_in(l, margin);
            if set && centred.len() < MAX_CENTRED {
                centred.push(((indent(l) - margin) as f64, width(l.trim()) as f64));
            }
            !set
        })
        .map(|l| (width(l.trim_end()), ends_sentence(l), l))
        .filter(|&(w, ..)| w >= MIN_WIDTH)
        .collect();
    let widest = measured.iter().map(|m| m.0).max()?;
    let reaching = |page: usize, open: bool| {
        measured.iter().filter(|&&(w, ends, _)| (!open || !ends) && w + SLACK >= page).count()
    };
    let open = reaching(widest, true);
    // (A sentence cut at the widest lines' width, not a heading's line, and one more line as wide.)
    let cut = || measured.iter().any(|&(w, ends, line)| !ends && w + SLACK >= widest && !starts_part(line));
    let full = reaching(widest, false);
    // (Or alone, where that line is a sentence's clauses, not a heading: `…6件,网上` / `申请21件`.)
    let clauses = || {
        let within = |&&(w, ends, line): &&(usize, bool, &str)| !ends && w + SLACK >= widest && !starts_part(line);
        measured.iter().filter(within).any(|m| m.2.contains([',', '，']))
    };
    let reached = (open >= 2 || (open == 1 && (full >= 3 || (full == 2 && cut()) || clauses()))).then_some(widest);
    let mut widths: Vec<usize> = measured.iter().filter(|m| !m.1).map(|m| m.0).collect();
    if widths.len() >= 4 {
        let (count, w) = band(&mut widths);
        if count >= 4 && count * 3 >= widths.len() {
            return Some(w);
        }
    }
    reached.or_else(|| {
        let page = margin + centred_width(&centred)?;
        (page <= widest + SLACK && reaching(page, true) >= 1).then_some(page)
    })
}

/// The most lines set in from the margin that [`centred_width`] looks at.
const MAX_CENTRED: usize = 24;

/// The page's width past its margin that lines centred on it tell, each by its
/// blanks past the margin and its width. A line `w` columns wide centred on a
/// page `p` columns wide starts `(p - w) / 2` columns in; where the blanks are not
/// columns (`pdftotext` on a grid of another pitch than half a Chinese
/// character's width), `blanks = c - h × w` with `c` the page's middle in blanks
/// and `h` half the blanks a column. `c` and `h` are fitted to the lines that
/// agree on them, three or more (a title in larger type or a date set right
/// agrees with none); else the blanks are taken for columns, where two lines or
/// more agree. The page is `c / h` columns.
fn centred_width(centred: &[(f64, f64)]) -> Option<usize> {
    let agree = |h: f64, c: f64| centred.iter().filter(|(b, w)| (b + h * w - c).abs() <= AGREE).count();
    let mut best: Option<(usize, f64, f64)> = None;
    for (k, a) in centred.iter().enumerate() {
        for b in centred[k + 1..].iter().filter(|b| (a.1 - b.1).abs() >= 4.0) {
            let h = (a.0 - b.0) / (b.1 - a.1);
            if (0.2..=2.0).contains(&h) {
                let c = a.0 + h * a.1;
                let n = agree(h, c);
                if best.is_none_or(|(m, ..)| n > m) {
                    best = Some((n, h, c));
                }
            }
        }
    }
    if let Some((n, h, c)) = best.filter(|&(n, ..)| n >= 3) {
        // Least squares over the lines that agree.
        let inliers: Vec<&(f64, f64)> = centred.iter().filter(|(b, w)| (b + h * w - c).abs() <= AGREE).collect();
        let (mw, mb) = inliers.iter().fold((0.0, 0.0), |(sw, sb), (b, w)| (sw + w / n as f64, sb + b / n as f64));
        let sxy: f64 = inliers.iter().map(|(b, w)| (w - mw) * (b - mb)).sum();
        let sxx: f64 = inliers.iter().map(|(_, w)| (w - mw) * (w - mw)).sum();
        let h = if sxx > 0.0 { -sxy / sxx } else { h };
        return (0.2..=2.0).contains(&h).then(|| ((mb + h * mw) / h).round() as usize);
    }
    let mut pages: Vec<usize> = centred.iter().map(|(b, w)| (2.0 * b + w) as usize).collect();
    let (count, page) = band(&mut pages);
    (count >= 2).then_some(page)
}

/// How far apart, in blanks, the middles of lines centred on one page may be.
const AGREE: f64 = 1.5;

/// The most common band of `widths` `SLACK` wide: how many it holds, and the
/// widest of them.
fn band(widths: &mut [usize]) -> (usize, usize) {
    widths.sort_unstable();
    let mut best = (0, 0); // (lines, width)
    let mut low = 0;
    for (high, &w) in widths.iter().enumerate() {
        while widths[low] + SLACK < w {
            low += 1;
        }
        best = best.max((high + 1 - low, w));
    }
    best
}

/// Blanks more than this past the margin set a line in from it: a paragraph's
/// first line is set in two Chinese characters, four columns.
const SET_IN: usize = 8;

/// The blanks a line starts with.
fn indent(line: &str) -> usize {
    line.bytes().take_while(|&b| b == b' ').count()
}

/// Whether a line starts more than [`SET_IN`] columns past the margin: a
/// heading or a title centred on the page, a date set right. Its width is not
/// the page's, and it is no line that runs on.
fn set_in(line: &str, margin: usize) -> bool {
    indent(line) > margin + SET_IN
}

/// Whether a line's letters are set apart (`四 、 政   府   信   息`), as a
/// heading set with wide letter spacing prints: its width is its spacing's.
fn spaced_out(line: &str) -> bool {
    let t = line.trim();
    let blanks = t.bytes().filter(|&b| b == b' ').count();
    let wide = t.chars().filter(|c| c.len_utf8() == 3).count();
    wide > 2 && 2 * blanks >= wide
}

/// Whether a line is set in columns (a table's row, its heads, a page's
/// particulars): a tab or a run of spaces inside it. Its width is the table's,
/// not the page's.
fn laid_out(line: &str) -> bool {
    let t = line.trim().as_bytes();
    memchr::memchr(b'\t', t).is_some() || memchr::memchr_iter(b' ', t).any(|i| t[i..].starts_with(b"    "))
}

/// A line that starts a heading or a numbered item: `三、`, `(二)`, `2.`, `第三`,
/// `一是`.
fn starts_item(line: &str) -> bool {
    let t = line.trim_start();
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let mut chars = t.chars();
    match chars.next() {
        Some('(') => chars.next().is_some_and(|c| numeral(c) || c.is_ascii_digit()),
        Some('第') => chars.next().is_some_and(numeral),
        Some(c) if numeral(c) => {
            let rest = t.trim_start_matches(numeral);
            rest.starts_with(['、', '.', ' ']) || rest.starts_with("是")
        }
        Some(c) if c.is_ascii_digit() => {
            let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
            rest.starts_with('、') || (rest.starts_with('.') && !rest[1..].starts_with(|c: char| c.is_ascii_digit()))
        }
        _ => false,
    }
}

/// Whether a line ends where a sentence or a heading may end.
fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['。', ';', '!', '?', ':', '|'])
}

/// A line that holds a number alone (`5928`, `90.3%`): pages that set their
/// figures apart (a `<span>` each, copied a line each) cut them from their words.
fn lone_number(line: &str) -> bool {
    // A long line holds more than a number (most lines are turned away here).
    if line.len() > 24 {
        return false;
    }
    let t = line.trim();
    !t.is_empty()
        && t.len() <= 16
        && t.starts_with(|c: char| c.is_ascii_digit())
        && t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '%'))
}

/// The units a count is given in.
const UNITS: &[&str] = &["件", "条", "个", "项", "次", "宗", "份", "起", "例", "篇", "人", "万", "元", "%"];

/// Whether a line starts with a count: a number (in digits or Chinese
/// numerals, `48`, `十五`) and its unit (`件`).
fn starts_count(line: &str) -> bool {
    // Most lines start with neither a digit nor a numeral's first byte (0xE3-0xE9).
    if !line.as_bytes().first().is_some_and(|&b| b.is_ascii_digit() || (0xe3..=0xe9).contains(&b)) {
        return false;
    }
    let numeral = |c: char| {
        c.is_ascii_digit()
            || matches!(c, '零' | '〇' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千')
    };
    let rest = line.trim_start_matches(numeral);
    rest.len() < line.len() && UNITS.iter().any(|u| rest.trim_start().starts_with(u))
}

/// A line that goes on from a number before it: its unit, or the punctuation
/// after it.
fn continues_number(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with([',', '。', ';', '、', ')']) || UNITS.iter().any(|u| t.starts_with(u))
}

/// `text` with the page's line breaks taken out, and the breaks around a number
/// set on a line of its own, leaving alone the lines inside `keep` (sorted byte
/// ranges of whole lines, such as the tables); `None` where no break is taken out.
pub fn unwrap(text: &str, keep: &[(usize, usize)]) -> Option<Unwrapped> {
    let lines = || {
        let mut start = 0;
        memchr::memchr_iter(b'\n', text.as_bytes()).chain([text.len()]).map(move |end| {
            let line = (start, &text[start..end]);
            start = end + 1;
            line
        })
    };
    let inside_keep = |at: usize| {
        let k = keep.partition_point(|&(s, _)| s <= at);
        k > 0 && at < keep[k - 1].1
    };
    let lines: Vec<(usize, &str)> = lines().collect();
    // The margin: the fewest blanks a line of text starts with (most texts have
    // a line at the left edge early on, where the search stops).
    let mut margin = None;
    for &(at, line) in &lines {
        let blanks = indent(line);
        if blanks < line.len() && !inside_keep(at) {
            margin = Some(margin.map_or(blanks, |m: usize| m.min(blanks)));
            if margin == Some(0) {
                break;
            }
        }
    }
    let margin = margin.unwrap_or(0);
    let printed = printed_width(lines.iter().filter(|(at, _)| !inside_keep(*at)).map(|l| l.1), margin);
    // A count cut from its unit (`…合计400` / `元。`, `…申请十` / `件`), or from the words it
    // counts (`…而无法提供` / `十五件。`), whatever the width of the text.
    let cut_count = |k: usize| {
        let (at, line) = lines[k];
        let next = lines.get(k + 1).map_or("", |l| l.1.trim_start());
        // The next line starts with a unit or a count: most lines are turned away here.
        if !next.as_bytes().first().is_some_and(|&b| b.is_ascii_digit() || b == b'%' || b >= 0xe3) {
            return false;
        }
        let line = line.trim_end();
        // (In digits or in Chinese numerals: `当面申请十` / `件`.)
        let numeral = |c: char| c.is_ascii_digit() || crate::extract::numerals::is_chinese_numeral(c);
        let cut = if line.ends_with(numeral) {
            UNITS.iter().any(|u| next.starts_with(u))
        } else {
            // A label's colon awaits its count, after a heading run on too (`…情况 行政诉讼:`).
            starts_count(next)
                && (line.ends_with(':') || (!ends_sentence(line) && !line.ends_with(',') && !starts_part(line)))
        };
        cut && !inside_keep(at) && !inside_keep(lines[k + 1].0) && line.chars().any(|c| c.len_utf8() == 3)
    };
    let lone = |k: usize| lone_number(lines[k].1) && !inside_keep(lines[k].0);
    if printed.is_none() && !(0..lines.len()).any(|k| lone(k) || cut_count(k)) {
        return None;
    }
    let full = |line: &str| printed.is_some_and(|p| width(line.trim_end()) + SLACK >= p);
    let blank = |k: usize| lines[k].1.trim().is_empty();
    // Where line `k`'s text starts and ends in `text` (past its blanks).
    let starts = |k: usize| lines[k].0 + (lines[k].1.len() - lines[k].1.trim_start().len());
    let ends = |k: usize| lines[k].0 + lines[k].1.trim_end().len();
    let mut joined = Joined { out: String::with_capacity(text.len()), shifts: Vec::new(), removed: 0, copied: 0 };
    let mut i = 0;
    while i < lines.len() {
        let (at, line) = lines[i];
        // A heading runs on to the next line only where it fills the line: a
        // long one, or one that runs on into its paragraph (`五、…情况 本年度未发生…举报、投`).
        let cut = cut_count(i);
        let words = !line.trim().is_empty()
            && !inside_keep(at)
            && !set_in(line, margin)
            && (!starts_part(line) || (full(line) && !spaced_out(line)) || cut);
        // (A label's colon, `行政诉讼:` / `2件。`, leaves its count open.)
        let open = words && (!ends_sentence(line) || (cut && line.trim_end().ends_with(':')));
        // A number on a line of its own, between words that run on to it (a
        // label's colon too: `公开信息:` / `254` / `条`) and its unit: the lines
        // after this one, past a blank line or two.
        let after = |k: usize| (k + 1..lines.len().min(k + 4)).find(|&n| !blank(n));
        let runs_on = open || (words && line.trim_end().ends_with(':'));
        let number = after(i).filter(|&n| runs_on && lone_number(lines[n].1) && !inside_keep(lines[n].0));
        let rest = number.and_then(after).filter(|&n| continues_number(lines[n].1) && !inside_keep(lines[n].0));
        if let (Some(n), Some(r)) = (number, rest) {
            joined.join(text, ends(i), starts(n));
            joined.join(text, ends(n), starts(r));
            i = r;
            continue;
        }
        // (A row of a table across, its columns set apart, fills a line without running on.)
        let joinable = open && ((full(line) && !laid_out(line)) || cut);
        // The next line of text, past a page number and the blank lines around it.
        let mut j = i + 1;
        while joinable && j < lines.len() && (blank(j) || is_page_furniture(lines[j].1.trim())) {
            j += 1;
        }
        let next = lines.get(j).filter(|(at, l)| {
            let page_break = lines[i + 1..j].iter().any(|(_, l)| !l.trim().is_empty());
            let opens = !l.trim().is_empty() && !starts_item(l) && !set_in(l, margin);
            (j == i + 1 || page_break) && !inside_keep(*at) && opens
        });
        match next {
            Some(_) if joinable => {
                // From the end of this line's text to the start of the next one's.
                joined.join(text, ends(i), starts(j));
                i = j;
            }
            _ => i += 1,
        }
    }
    joined.out.push_str(&text[joined.copied..]);
    (!joined.shifts.is_empty()).then_some(Unwrapped { text: joined.out, shifts: joined.shifts })
}

/// The text being joined: what is copied so far and the way back.
struct Joined {
    out: String,
    shifts: Vec<(usize, usize)>,
    removed: usize,
    /// `text[..copied]` is in `out`.
    copied: usize,
}

impl Joined {
    /// Takes out `text[cut..resume]`, a break and the blanks around it (a space
    /// kept between two Latin words or numbers).
    fn join(&mut self, text: &str, cut: usize, resume: usize) {
        let words = |a: Option<char>, b: Option<char>| {
            a.is_some_and(|c| c.is_ascii_alphanumeric()) && b.is_some_and(|c| c.is_ascii_alphanumeric())
        };
        let space = words(text[..cut].chars().next_back(), text[resume..].chars().next());
        self.out.push_str(&text[self.copied..cut]);
        if space {
            self.out.push(' ');
        }
        self.removed += resume - cut - usize::from(space);
        self.shifts.push((self.out.len(), self.removed));
        self.copied = resume;
    }
}

/// Words a report's numbered headings hold (`三、依申请公开情况`, `一、概述`); a
/// numbered item of a list (`一、加强领导`) holds none of them.
const HEADING_WORDS: &[&str] =
    &["情况", "概述", "概况", "措施", "事项", "问题", "说明", "附表", "申请", "复议", "诉讼", "申诉", "收费", "主动公开"];

/// The numerals of headings, each three bytes of UTF-8.
const NUMERALS: [&str; 10] = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/// How many numerals (at most four) end at byte `end` of `bytes`.
fn numerals_before(bytes: &[u8], end: usize) -> usize {
    let mut n = 0;
    while n < 4 && end >= 3 * (n + 1) && NUMERALS.iter().any(|d| &bytes[end - 3 * (n + 1)..end - 3 * n] == d.as_bytes()) {
        n += 1;
    }
    n
}

/// How many numerals (at most four) start at byte `at` of `bytes`.
fn numerals_after(bytes: &[u8], at: usize) -> usize {
    let mut n = 0;
    while n < 4 && bytes.get(at + 3 * n..at + 3 * (n + 1)).is_some_and(|c| NUMERALS.iter().any(|d| c == d.as_bytes())) {
        n += 1;
    }
    n
}

/// `text` with the headings that run on into their paragraph set on lines of
/// their own: a numbered heading followed by a blank and the paragraph on its
/// line (`三、依申请公开情况 本年度共收到申请3件`, `三 依申请公开情况 本年度…`), and,
/// where a page's paragraphs ran together into one line, a numbered heading or
/// a bracketed sub-heading after a blank (`… 二、主动公开情况 (一)主动公开的数量:…`).
/// Each blank that parts them becomes a line break, so the offsets are those of
/// `text`. A table's row (`一、本年新收…数量 | 5 |`, `一、本年新收…数量    5`) is no
/// heading running on. `None` where no heading runs on.
pub fn break_headings(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut breaks: Vec<usize> = Vec::new();
    // `三、…`, `三.…`, `【三、…】`: the numerals before the mark.
    for p in memchr::memmem::find_iter(bytes, "、".as_bytes()).chain(memchr::memchr_iter(b'.', bytes)) {
        let numerals = numerals_before(bytes, p);
        if (1..=3).contains(&numerals) {
            let start = p - 3 * numerals;
            let start = if bytes[..start].ends_with("【".as_bytes()) { start - "【".len() } else { start };
            heading_breaks(text, start, p, false, &mut breaks);
        }
    }
    // `三 …`: numerals at a line's start or after a run of blanks, a blank, then
    // the words. Every numeral's UTF-8 starts with 0xE4 or 0xE5: most places are
    // turned away by their first byte.
    let mut spaced = |start: usize| {
        if !matches!(bytes.get(start), Some(0xe4 | 0xe5)) {
            return;
        }
        let numerals = numerals_after(bytes, start);
        let after = start + 3 * numerals;
        if (1..=3).contains(&numerals) && bytes.get(after) == Some(&b' ') && bytes.get(after + 1).is_some_and(|&b| b >= 0x80) {
            heading_breaks(text, start, after + 1, true, &mut breaks);
        }
    };
    let ends = memchr::memchr_iter(b'\n', bytes).chain([bytes.len()]);
    let mut line_start = 0;
    for line_end in ends {
        // Past the line's indent.
        let lead = bytes[line_start.min(line_end)..line_end].iter().take_while(|b| matches!(b, b' ' | b'\t')).count();
        spaced(line_start + lead);
        // After a blank only in a long line: paragraphs run together.
        if line_end - line_start > RUN_TOGETHER {
            let mut i = line_start;
            while let Some(k) = memchr::memchr2(b' ', b'\t', &bytes[i..line_end]) {
                let mut end = i + k + 1;
                while matches!(bytes.get(end), Some(b' ' | b'\t')) {
                    end += 1;
                }
                spaced(end);
                i = end.min(line_end);
            }
        }
        line_start = line_end + 1;
    }
    // `3、依申请公开情况 本年度…`: headings numbered in Arabic digits, at a line's
    // start or after a blank in paragraphs run together, where none is numbered
    // in Chinese numerals.
    if breaks.is_empty() && !lines(text).any(|(_, l)| is_heading(l)) {
        let mut arabic = |at: usize| {
            let digits = bytes[at..].iter().take_while(|b| b.is_ascii_digit()).count();
            let rest = &text[at + digits..];
            let mark = if rest.starts_with('、') { 3 } else { usize::from(rest.starts_with('.')) };
            if (1..=2).contains(&digits) && mark > 0 && !rest[mark..].starts_with(|c: char| c.is_ascii_digit()) {
                heading_breaks(text, at, at + digits + mark, true, &mut breaks);
            }
        };
        for (at, line) in lines(text) {
            arabic(at + line.len() - line.trim_start().len());
            if line.len() > RUN_TOGETHER {
                for k in memchr::memchr2_iter(b' ', b'\t', line.as_bytes()) {
                    if line.as_bytes().get(k + 1).is_some_and(u8::is_ascii_digit) {
                        arabic(at + k + 1);
                    }
                }
            }
        }
    }
    // `(三)依申请公开情况 …` where no heading is numbered otherwise: the
    // bracketed numerals number the parts.
    if breaks.is_empty() {
        for p in memchr::memchr_iter(b'(', bytes) {
            let numerals = numerals_after(bytes, p + 1);
            if (1..=3).contains(&numerals) && bytes.get(p + 1 + 3 * numerals) == Some(&b')') {
                heading_breaks(text, p, p + 2 + 3 * numerals, true, &mut breaks);
            }
        }
    }
    // `第三部分 依申请公开情况 …`: the part's number, a blank, then its words.
    for p in memchr::memmem::find_iter(bytes, "部分 ".as_bytes()) {
        let numerals = numerals_before(bytes, p);
        let start = p.saturating_sub(3 * numerals + 3);
        if (1..=3).contains(&numerals) && bytes[start..].starts_with("第".as_bytes()) {
            heading_breaks(text, start, p + "部分 ".len(), true, &mut breaks);
        }
    }
    if breaks.is_empty() {
        return None;
    }
    // Where the headings ran on, a bracketed sub-heading after a blank starts a
    // line too (`(一)`).
    for p in memchr::memchr_iter(b'(', bytes) {
        let numerals = numerals_after(bytes, p + 1);
        if (1..=3).contains(&numerals) && bytes.get(p + 1 + 3 * numerals) == Some(&b')') && p > 0 && matches!(bytes[p - 1], b' ' | b'\t') {
            breaks.push(p - 1);
        }
    }
    breaks.sort_unstable();
    breaks.dedup();
    // Each break replaces an ASCII blank: the text stays UTF-8.
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for b in breaks {
        out.push_str(&text[from..b]);
        out.push('\n');
        from = b + 1;
    }
    out.push_str(&text[from..]);
    Some(out)
}

/// Bytes of a line past which it holds paragraphs run together (a printed line,
/// a table's row, holds fewer).
const RUN_TOGETHER: usize = 240;

/// Words a heading whose numeral is parted from it by a blank ends with (`三
/// 政府信息依申请公开情况`): a blank after a numeral is common in running text.
const HEADING_ENDINGS: &[&str] = &["情况", "概述", "概况", "措施", "事项", "问题", "说明", "附表", "引言"];

/// The breaks a numbered heading needs: the heading's numerals start at
/// `start`, its words at `from` and run to the next blank. A heading is short,
/// plain, names a part of a report (`ends`: ends as a heading does), and
/// starts a line or follows a blank.
fn heading_breaks(text: &str, start: usize, from: usize, ends: bool, breaks: &mut Vec<usize>) {
    let bytes = text.as_bytes();
    let blank = |at: usize| matches!(bytes.get(at), Some(b' ' | b'\t'));
    let mid_line = start > 0 && blank(start - 1);
    if !(mid_line || start == 0 || bytes[start - 1] == b'\n') {
        return;
    }
    let end = memchr::memchr3(b' ', b'\t', b'\n', &bytes[from..]).map_or(text.len(), |e| from + e);
    // What follows on the line, past the blank: a paragraph (its first word
    // holds Chinese, `2016年共收到…`, or is a number a blank parts from the
    // Chinese after it, `2016 年共收到…`), not a table's cells (`| 5 |`, `5    0`).
    let next = &text[(end + 1).min(text.len())..];
    let word = &next[..memchr::memchr3(b' ', b'\t', b'\n', next.as_bytes()).unwrap_or(next.len())];
    let number_then_words = word.bytes().all(|b| b.is_ascii_digit())
        && next.as_bytes().get(word.len()) == Some(&b' ')
        && next.as_bytes().get(word.len() + 1).is_some_and(|&b| b >= 0x80);
    let words = blank(end) && !word.starts_with('|') && (!word.is_ascii() || number_then_words);
    // A heading on a line of its own needs no break (most are turned away here).
    let ends_line = !blank(end);
    if !(words || (mid_line && ends_line)) {
        return;
    }
    let heading = &text[start..end];
    let plain = heading.len() <= 32 * 3
        && (3..=32).contains(&heading.chars().count())
        && !heading.contains(['。', ',', ';', ':', '!', '?', '|']);
    if !plain || !HEADING_WORDS.iter().any(|w| heading.has(w)) || (ends && !HEADING_ENDINGS.iter().any(|e| heading.ends_with(e))) {
        return;
    }
    if words {
        breaks.extend(mid_line.then(|| start - 1));
        breaks.push(end);
    } else {
        // The heading ends its line.
        breaks.push(start - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines of `n` Chinese characters, the last of each paragraph shorter.
    const WRAPPED: &str = "二、主动公开政府信息情况\n\
        截至2014年12月31日,全区累计主动公开政府信\n\
        息4215条。其中,网上公开信息1453条,公开栏公开\n\
        信息200条,其余为其他方式公开的信息,详见下表。\n\
        三、依申请公开政府信息情况\n\
        本年度共受理政府信息公开申请11件,其中网上申\n\
        请2件,当面申请7件,信函申请2件,已全部按时答\n\
        复。\n";

    #[test]
    fn breaks_inside_paragraphs_go_headings_and_sentence_ends_stay() {
        let u = unwrap(WRAPPED, &[]).unwrap();
        assert_eq!(
            u.text,
            "二、主动公开政府信息情况\n\
             截至2014年12月31日,全区累计主动公开政府信息4215条。其中,网上公开信息1453条,公开栏公开信息200条,其余为其他方式公开的信息,详见下表。\n\
             三、依申请公开政府信息情况\n\
             本年度共受理政府信息公开申请11件,其中网上申请2件,当面申请7件,信函申请2件,已全部按时答复。\n"
        );
        // Each piece where it was, the first characters of lines joined (息, 复) too.
        for piece in ["4215", "1453", "11件", "7件", "息4215", "复。"] {
            let at = u.text.find(piece).unwrap();
            assert_eq!(&WRAPPED[u.original(at)..u.original(at) + piece.len()], piece);
            assert_eq!(u.inward(u.original(at)), at);
        }
    }

    /// A page as `pdftotext -layout` prints a Word document: headings centred,
    /// paragraphs set close, most of one or two lines.
    fn set_close() -> String {
        let centred = |h: &str| format!("{}{h}", " ".repeat((88 - width(h)) / 2));
        [
            &centred("二、主动公开政府信息情况"),
            "本年在门户网站发布信息1383条,在上级政府网站信息公开专栏发布信息1383条,总计2766条。",
            &centred("三、依申请公开政府信息情况"),
            "本年度共收到依申请公开219件,其中现场申请六十八件,在线申请104件,信函申请四十七件。",
            "已答复219件,其中予以公开答复135件,同意部分公开十八件,不公开0件,因本机关不掌握相关",
            "信息而无法提供四十八件。",
            &centred("四、政府信息公开的收费及减免情况"),
            "无政府信息公开收费情况。",
        ]
        .map(|l| format!("{l}\n"))
        .concat()
    }

    #[test]
    fn centred_headings_are_not_the_page_s_width_and_never_run_on() {
        let page = set_close();
        let u = unwrap(&page, &[]).unwrap();
        assert!(u.text.contains("因本机关不掌握相关信息而无法提供四十八件。\n"), "{}", u.text);
        assert!(u.text.contains("三、依申请公开政府信息情况\n本年度"));
        assert!(u.text.contains("减免情况\n无政府"));
        // One line that ends inside its sentence, alone at its width: the
        // centred headings tell the page's.
        let short = page.replace("本年在门户网站发布信息1383条,", "").replace("其中现场申请六十八件,", "");
        let u = unwrap(&short, &[]).unwrap();
        assert!(u.text.contains("不掌握相关信息"), "{}", u.text);
        // The whole text set in as far: that is its margin, and nothing is centred.
        let indented: String = page.lines().map(|l| format!("          {l}\n")).collect();
        assert!(unwrap(&indented, &[]).unwrap().text.contains("三、依申请公开政府信息情况\n"));
    }

    #[test]
    fn centred_headings_tell_the_page_s_width_on_a_grid_of_another_pitch() {
        // Blanks of 4 points, a column half a character of 10.5: a centred line
        // starts 1.3 blanks a column in; a title in larger type, further.
        let centred = |h: &str, scale: f64| {
            let blanks = (88 - width(h)) as f64 / 2.0 * scale;
            format!("{}{h}", " ".repeat(blanks as usize))
        };
        let page = [
            &centred("某某县人民政府2015年政府信息公开年报", 1.6),
            &centred("二、主动公开政府信息情况", 1.3),
            "本年在门户网站发布信息1383条,在上级政府网站信息公开专栏发布信息1383条。",
            &centred("三、依申请公开政府信息情况", 1.3),
            "已答复219件,其中予以公开答复135件,同意部分公开十八件,不公开0件,因本机关不掌握相关",
            "信息而无法提供四十八件。",
            &centred("四、政府信息公开的收费及减免情况", 1.3),
            "无政府信息公开收费情况。",
        ]
        .map(|l| format!("{l}\n"))
        .concat();
        let u = unwrap(&page, &[]).unwrap();
        assert!(u.text.contains("因本机关不掌握相关信息而无法提供四十八件。\n"), "{}", u.text);
        assert!(u.text.contains("减免情况\n无政府"));
    }

    #[test]
    fn a_heading_set_with_wide_letter_spacing_fills_no_line() {
        let mut page = set_close();
        // As wide as the page's lines, by its spacing.
        page.push_str("五 、 因   政   府   信   息   公   开   申   请   行   政   复   议   诉   讼   情   况\n");
        page.push_str("本年度未发生行政复议。\n");
        let u = unwrap(&page, &[]).unwrap();
        assert!(u.text.contains("诉   讼   情   况\n本年度"), "{}", u.text);
    }

    #[test]
    fn a_count_cut_from_the_words_it_counts_is_joined_whatever_the_width() {
        let text = "二、依申请公开情况\n其中同意公开七件,因本机关不掌握相关信息而无法提供\n十五件。\n另有\n3件转办。\n行政诉讼:\n2件。\n";
        assert_eq!(
            unwrap(text, &[]).unwrap().text,
            "二、依申请公开情况\n其中同意公开七件,因本机关不掌握相关信息而无法提供十五件。\n另有3件转办。\n行政诉讼:2件。\n"
        );
        let text = "五、复议、诉讼情况 行政复议:0件;行政诉讼:\n2件。\n";
        assert_eq!(unwrap(text, &[]).unwrap().text, "五、复议、诉讼情况 行政复议:0件;行政诉讼:2件。\n");
        // A sentence ended, a heading: no count of theirs follows.
        assert!(unwrap("全年未收费。\n十五件申请均已办结。\n三、依申请公开\n5件\n", &[]).is_none());
    }

    #[test]
    fn a_heading_that_fills_its_line_runs_on() {
        let text = "三、依申请公开政府信息情况 本年度共受理政府信息公开申请11件,其中网上申请2件,当\n\
            面申请7件,信函申请2件,已全部按时答复,无收费。本年度未收到因政府信息公开引起的\n\
            行政复议。\n\
            五、举报、投诉和行政复议、行政诉讼情况 本年度未发生因政府信息公开引起的举报、投\n\
            诉和行政复议、行政诉讼。\n";
        let u = unwrap(text, &[]).unwrap();
        assert!(u.text.contains("其中网上申请2件,当面申请7件"), "{}", u.text);
        assert!(u.text.ends_with("举报、投诉和行政复议、行政诉讼。\n"), "{}", u.text);
    }

    #[test]
    fn a_count_cut_from_its_unit_is_joined_whatever_the_width() {
        let text = "六、其他需要报告的事项\n本年度依法收取信息处理费共2笔,合计400\n元。\n";
        assert_eq!(unwrap(text, &[]).unwrap().text, "六、其他需要报告的事项\n本年度依法收取信息处理费共2笔,合计400元。\n");
        // A heading run into its paragraph too.
        let text = "六、其他需要报告的事项 本年度依法收取信息处理费共2笔,合计400\n元。\n";
        assert!(unwrap(text, &[]).unwrap().text.ends_with("合计400元。\n"));
        // A count in Chinese numerals.
        let text = "(二)依申请公开情况\n本年受理三十八件(其中,当面申请十\n件,线上申请二十三件)。\n";
        assert!(unwrap(text, &[]).unwrap().text.contains("当面申请十件,线上申请"));
        // A table's number over its unit's cell is no such cut.
        assert!(unwrap("规章\n3\n件\n", &[(0, 14)]).is_none());
    }

    #[test]
    fn a_short_page_is_known_by_its_widest_lines() {
        let text = "2016年，我厅认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息\n公开工作。\n\
            2016年共接到政府信息公开申请1268宗，其中当面申请368件，网上申请653件，信函申\n请247件。\n";
        let u = unwrap(&crate::normalize::normalize(text), &[]).unwrap();
        assert!(u.text.contains("信函申请247件"), "{}", u.text);
        // Paragraphs on their own lines: the widest lines end their sentences.
        let web = "2016年，我厅认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。\n\
            广州市增城区人民政府朱村街道办事处政府信息公开工作年度报告\n发布日期\n";
        assert!(unwrap(&crate::normalize::normalize(web), &[]).is_none());
        // One sentence cut at the page's edge, one line as wide ending its own.
        let cut = "2017 年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。\n\
            （二）依申请公开情况。本年新收到政府信息公开申请三件，其中当面申请零件，网上申请三件，邮寄\n\
            申请零件。\n已答复三件，其中予以公开答复二件。\n";
        let u = unwrap(&crate::normalize::normalize(cut), &[]).unwrap();
        assert!(u.text.contains("邮寄申请零件"), "{}", u.text);
        // The widest line a heading's, which ends without a stop: no page.
        let heading = "全年共收到申请3件（网上申请2件，信函申请1件）。\n\
            四、因政府信息公开申请行政复议、提起行政诉讼的情况\n共发生行政复议1起,行政诉讼0起。\n";
        assert!(unwrap(&crate::normalize::normalize(heading), &[]).is_none());
        // One line alone cut inside a sentence, its clauses set apart by commas,
        // the widest of a short text whose other lines end theirs.
        let alone = "本年在门户网站发布信息 30 条，在上级政府网站信息公开专栏发布信息 31 条，总计 61 条。\n\
            截至 2014 年底，累计受理政府信息公开申请 64 件，其中 2014 年受理 30 件，其中现场申请 6 件，网上\n\
            申请 21 件，信函申请 3 件。\n已答复 30 件，其中公开 21 件，同意部分公开 2 件，非本机关政府信息 5 件。\n";
        let u = unwrap(&crate::normalize::normalize(alone), &[]).unwrap();
        assert!(u.text.contains("网上申请 21 件"), "{}", u.text);
    }

    #[test]
    fn a_table_s_rows_are_not_the_page_s_width() {
        // The heads of a table printed across run wider than the page's lines.
        let heads = format!("{}申请总数    当面申请    网上申请    信函申请    同意公开    非本机关\n", " ".repeat(36));
        let text = format!("{WRAPPED}{heads}");
        assert_eq!(unwrap(&text, &[]).unwrap().text, unwrap(WRAPPED, &[]).unwrap().text + &heads);
        // Its row of numbers, as wide, runs on to no heading after it.
        let row = "149               48               78               23               90\n";
        let text = format!("{WRAPPED}{row}政府信息公开的收费及减免情况\n本年度未收取任何费用。\n");
        assert!(unwrap(&text, &[]).unwrap().text.contains("90\n政府信息公开的收费"));
        // A page's particulars, their cells apart by a tab.
        let particulars = "发布机构:临夏回族自治州临夏县人民政府\t发布日期:2011-01-06 13:22\n";
        let text = format!("{particulars}{WRAPPED}");
        assert_eq!(unwrap(&text, &[]).unwrap().text, format!("{particulars}{}", unwrap(WRAPPED, &[]).unwrap().text));
    }

    #[test]
    fn paragraphs_on_their_own_lines_are_left_as_they_are() {
        let text = "一、概述\n本报告由某某区人民政府办公室编制,内容包括主动公开、依申请公开等情况\n\
            二、主动公开情况\n2014年全区主动公开政府信息4215条,其中网上公开信息1453条,公开栏公开信息200条\n\
            三、依申请公开\n全年共受理申请11件\n";
        assert!(unwrap(text, &[]).is_none());
    }

    #[test]
    fn a_page_number_between_halves_goes_and_kept_lines_stay() {
        const PARAGRAPH: &str = "本年度共受理政府信息公开申请十一件,其中网上申\n请两件,当面申请七件,信函申请两件,已全部答复。\n";
        let paged = PARAGRAPH.replace("申\n请", "申\n\n- 2 -\n\n请");
        let text = format!("{paged}{}", PARAGRAPH.repeat(4));
        let u = unwrap(&text, &[]).unwrap();
        assert_eq!(u.text.lines().count(), 5, "{}", u.text);
        assert!(u.text.starts_with("本年度共受理政府信息公开申请十一件,其中网上申请两件"));
        let last = text.match_indices("本年度").nth(4).unwrap().0;
        let kept = unwrap(&text, &[(last, text.len())]).unwrap();
        assert_eq!(kept.text.lines().count(), 6, "{}", kept.text);
        let at = kept.text.rfind("七件").unwrap();
        assert_eq!(&text[kept.original(at)..kept.original(at) + 6], "七件");
        let at = kept.text.find("七件").unwrap();
        assert_eq!(&text[kept.original(at)..kept.original(at) + 6], "七件");
    }

    #[test]
    fn a_number_on_a_line_of_its_own_goes_back_between_its_words_and_unit() {
        let text = "二、主动公开政府信息情况\n全年累计主动公开政府信息\n5928\n条,全文电子化率达\n\n90.3%\n\n,其中本年\n2110\n条。\n";
        let u = unwrap(text, &[]).unwrap();
        assert_eq!(u.text, "二、主动公开政府信息情况\n全年累计主动公开政府信息5928条,全文电子化率达90.3%,其中本年2110条。\n");
        let at = u.text.find("2110").unwrap();
        assert_eq!(&text[u.original(at)..u.original(at) + 4], "2110");
        // A table's cells a line each: no unit after them, no join; nor inside kept lines.
        assert!(unwrap("规章\n0\n0\n行政许可\n3\n行政处罚\n", &[]).is_none());
        assert!(unwrap(text, &[(0, text.len())]).is_none());
        // After a label's colon; not after a sentence's end.
        assert_eq!(unwrap("本年度共主动公开信息:\n254\n条。\n", &[]).unwrap().text, "本年度共主动公开信息:254条。\n");
        assert!(unwrap("本年度工作如下。\n254\n条。\n", &[]).is_none());
    }

    #[test]
    fn widths_count_chinese_and_its_punctuation_as_two_columns() {
        assert_eq!(width("ab12"), 4);
        assert_eq!(width("公开,信息:"), 12);
        assert_eq!(width("é—「𠀀」"), 1 + 2 + 2 + 2 + 2);
    }

    #[test]
    fn items_and_english_words() {
        for item in ["三、依申请", "(二)部分公开", "2.抓好", "第三部分", "一是加强", "12、"] {
            assert!(starts_item(item), "{item}");
        }
        for text in ["2.5万条", "12件", "其中", "息公开"] {
            assert!(!starts_item(text), "{text}");
        }
        let line = "The annual report of the government information office of the city of\n";
        let u = unwrap(&format!("{line}{line}{line}{line}"), &[]).unwrap();
        assert!(u.text.contains("city of The annual"), "{}", u.text);
    }

    #[test]
    fn headings_run_into_their_paragraphs_get_lines_of_their_own() {
        let text = "三、依申请公开情况 本年度共收到申请3件。\n";
        assert_eq!(break_headings(text).unwrap(), "三、依申请公开情况\n本年度共收到申请3件。\n");
        let text = "三、依申请公开情况 2016年共收到申请3件。\n";
        assert_eq!(break_headings(text).unwrap(), "三、依申请公开情况\n2016年共收到申请3件。\n");
        // The year parted from its words, as pdftotext prints digits in a Latin font.
        let text = "三、依申请公开情况 2016 年共收到申请 3 件。\n";
        assert_eq!(break_headings(text).unwrap(), "三、依申请公开情况\n2016 年共收到申请 3 件。\n");
        // A table's row: its numbers run on in cells.
        assert!(break_headings("三、依申请公开情况 2016    3\n").is_none());
        // The numeral parted from its words by a blank, as some pages print it:
        // at a line's start, or after a blank in paragraphs run together.
        let text = "三 政府信息依申请公开情况 共受理申请2件。\n";
        assert_eq!(break_headings(text).unwrap(), "三 政府信息依申请公开情况\n共受理申请2件。\n");
        let overview = "全年政务公开工作运行正常。".repeat(20);
        let text = format!("{overview} 三 政府信息依申请公开情况 共受理申请2件。\n四 收费情况\n");
        let want = format!("{overview}\n三 政府信息依申请公开情况\n共受理申请2件。\n四 收费情况\n");
        assert_eq!(break_headings(&text).unwrap(), want);
        // Not in a short line: a blank and a numeral there are the sentence's.
        assert_eq!(break_headings("工作正常。 三 政府信息依申请公开情况\n"), None);
        // A page run into one line, with its sub-headings.
        let text = "报告 引言 本报告编制。 一、概述 工作正常。 二、主动公开政府信息情况 (一)主动公开的数量:10条。 \
            (二)类别:工作动态4条。 五、举报、投诉和行政复议、行政诉讼情况 未发生。";
        let broken = break_headings(text).unwrap();
        assert_eq!(broken.len(), text.len());
        let lines: Vec<&str> = broken.lines().collect();
        assert_eq!(
            lines,
            [
                "报告 引言 本报告编制。",
                "一、概述",
                "工作正常。",
                "二、主动公开政府信息情况",
                "(一)主动公开的数量:10条。",
                "(二)类别:工作动态4条。",
                "五、举报、投诉和行政复议、行政诉讼情况",
                "未发生。",
            ]
        );
        // Numbered in Arabic digits where no heading is in Chinese numerals; not
        // the items of a part numbered so.
        assert_eq!(break_headings("三.依申请公开情况 本年度共收到申请3件。\n").unwrap(), "三.依申请公开情况\n本年度共收到申请3件。\n");
        let indented = "  三 依申请公开情况 本年度共收到申请3件。\n";
        // (The indent's last blank becomes a break too: the offsets stay.)
        assert_eq!(break_headings(indented).unwrap(), " \n三 依申请公开情况\n本年度共收到申请3件。\n");
        let bracketed = "【三、依申请公开情况】 本年度共收到申请3件。\n";
        assert_eq!(break_headings(bracketed).unwrap(), "【三、依申请公开情况】\n本年度共收到申请3件。\n");
        // Parts numbered in brackets only, run together.
        let text = format!("{overview} (三)依申请公开情况 共受理申请2件。 (四)收费情况 无。\n");
        let want = format!("{overview}\n(三)依申请公开情况\n共受理申请2件。\n(四)收费情况\n无。\n");
        assert_eq!(break_headings(&text).unwrap(), want);
        let part = "第三部分 依申请公开情况 本年度共收到申请3件。\n";
        assert_eq!(break_headings(part).unwrap(), "第三部分 依申请公开情况\n本年度共收到申请3件。\n");
        let text = format!("{overview} 3、依申请公开政府信息情况 共受理申请2件。 4、收费情况 无。\n");
        let want = format!("{overview}\n3、依申请公开政府信息情况\n共受理申请2件。\n4、收费情况\n无。\n");
        assert_eq!(break_headings(&text).unwrap(), want);
        assert_eq!(break_headings("三、依申请公开情况\n1.申请情况 共受理申请2件。\n"), None);
        // Headings on their own lines, list items, numerals inside a sentence: nothing to do.
        for text in [
            "三、依申请公开情况\n本年度共收到申请3件。\n",
            "一、加强领导 落实责任。",
            "一季度和二、三季度 共收到申请情况",
            "一、本年新收政府信息公开申请数量 | 5 | 0 |\n",
            "一、本年新收政府信息公开申请数量    5    0\n",
            "一、本年新收政府信息公开申请数量 5 0\n",
            "一、本年新收政府信息公开申请数量\t5\t0\n",
            "一 概 述 本年度工作正常。\n",
            "共 三 件申请 均已答复。\n",
        ] {
            assert_eq!(break_headings(text), None, "{text}");
        }
    }
}
