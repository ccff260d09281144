//! Numbers stated in sentences: the whole of a pre-2019 report, and the prose
//! that a 2019+ report writes around its tables.
//!
//! The text is cut into sections by its numbered headings (`三、依申请公开政府信息
//! 情况`), or the same headings alone on their lines without a numeral (a Word
//! list's, lost with the list), each section given the topics its heading names
//! (requests, litigation, fees, proactive disclosure); a bracketed sub-heading (`(二)依申请公开情况`) gives
//! its part the topics it names too. Where a report has no such headings, sentences
//! are chosen by their own words. Within a clause (the stretch between two commas), a
//! count (`7件`, `十二宗`) belongs to the keyword before it (`当面申请1宗`), or, if
//! none, to the keyword after it (`7件均为信函受理`). A clause that denies a thing
//! with no number (`未收到…申请`, `无…行政复议案件`) states a zero; a count said of
//! each (`均为0件`) belongs to every keyword before it. Outcomes that follow a count
//! of cases in its sentence (`其中维持2件`) are those cases'. Approximate
//! numbers (`9000多条`) and percentages are never counts.
//!
//! This module cuts the text and finds its counts and keywords; the requests
//! (`requests`), the cases (`litigation`) and the proactive total
//! (`proactive`) each have a reader of their own, the fees one here.

mod litigation;
mod proactive;
mod requests;

use litigation::read_litigation;
pub(super) use litigation::proceeding_of_label;
use requests::read_requests;
pub(super) use requests::request_of_label;

use crate::normalize::Search;

use super::numerals;
use super::unwrap::{break_headings, unwrap};
use crate::report::Report;
use crate::template::Template;

/// What a section talks about.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Topics {
    requests: bool,
    litigation: bool,
    fees: bool,
    proactive: bool,
}

impl Topics {
    /// The topics a heading names, its letters spaced out or not (`依 申 请 公 开 情 况`).
    fn of_heading(h: &str) -> Topics {
        let h = &*crate::normalize::squash(h);
        let litigation = ["复议", "诉讼", "申诉"].iter().any(|k| h.has(k));
        Topics {
            litigation,
            requests: !litigation && h.has("申请"),
            fees: ["收费", "费用", "减免"].iter().any(|k| h.has(k)),
            proactive: h.has("主动公开"),
        }
    }
}

/// A numbered top-level heading: `三、…`, `四 …`, `第三部分 …`, `【三、…】`.
pub(super) fn is_heading(line: &str) -> bool {
    // In brackets some pages set their headings in: `【三、依申请公开情况】`.
    let t = line.trim_start();
    let t = t.strip_prefix('【').unwrap_or(t);
    // Headings start with a numeral or 第: most lines are turned away here.
    if !t.starts_with(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '第']) {
        return false;
    }
    let t = t.trim_end();
    // At most 40 characters besides blanks (a heading's letters may be spaced
    // out): at most 160 bytes and as many blanks, a cheap test before the counts.
    let long = |t: &str| t.chars().count() > 40 && t.chars().filter(|c| !c.is_whitespace()).count() > 40;
    if t.is_empty() || t.len() > 320 || long(t) || t.contains('。') {
        return false;
    }
    let head = t.char_indices().find(|&(_, c)| !"一二三四五六七八九十".contains(c)).map_or(t.len(), |(i, _)| i);
    if head > 0 {
        let rest = &t[head..];
        return rest.starts_with('、') || rest.starts_with(' ') || rest.starts_with('.');
    }
    t.starts_with('第') && t.has("部分")
}

/// A heading printed without its numeral (a Word list's number lost with the
/// list, a page that styles its headings instead of numbering them): a short
/// line alone, without a digit or a sentence's punctuation, that ends as the
/// names of a report's parts end (`依申请公开政府信息情况`, `存在的主要问题及改进措施`,
/// `概述`).
fn is_bare_heading(line: &str) -> bool {
    const ENDINGS: &[&str] = &["情况", "事项", "措施", "概述", "概况", "问题", "统计表"];
    // At most 32 characters and as many blanks (letters may be spaced out,
    // `概 述`): a cheap test of the length and the last letter before the rest.
    let t = line.trim_end();
    let t = t.strip_suffix(['】', ':']).unwrap_or(t);
    if t.len() > 192 || !t.ends_with(['况', '项', '施', '述', '题', '表']) {
        return false;
    }
    let t = t.trim_start().trim_start_matches(['●', '■', '◆', '★', '▲', '□', '·', '#', '*', '【']).trim_start();
    let squashed = crate::normalize::squash(t);
    let t = &*squashed;
    if !ENDINGS.iter().any(|e| t.ends_with(e)) {
        return false;
    }
    // Numbered headings and sub-headings (`(四)行政复议情况`, `一是…`) are read as such.
    if !t.starts_with(|c: char| ('\u{4e00}'..='\u{9fff}').contains(&c) && !"一二三四五六七八九十".contains(c)) {
        return false;
    }
    let n = t.chars().count();
    // An answer is no heading: `本年度无此类情况`.
    let answers = ["无", "未", "没有", "此类", "本年", "全年"].iter().any(|w| t.has(w));
    (2..=32).contains(&n) && !answers && !t.chars().any(|c| c.is_ascii_digit() || "。,;?!\"“”".contains(c))
}

/// `3、依申请公开情况`: a heading numbered in Arabic digits, a report's top level
/// where no heading is numbered in Chinese numerals (elsewhere `1.` numbers the
/// items of a part: `2.答复情况`).
fn is_arabic_heading(line: &str) -> bool {
    let t = line.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return false;
    }
    let rest = &t[digits..];
    rest.strip_prefix(['、', '.', ' ']).is_some_and(|r| is_bare_heading(r.trim_start()))
}

/// A top-level heading, numbered or bare.
pub(super) fn starts_part(line: &str) -> bool {
    is_heading(line) || is_bare_heading(line)
}

/// How the text numbers its top level: whether `3、…` lines are its headings
/// (no line is headed by a Chinese numeral).
fn numbers_in_arabic(text: &str) -> bool {
    !super::cells::lines(text).any(|(_, line)| is_heading(line))
}

/// A part of the text with the topics of its heading: topics, start, end.
type Part = (Topics, usize, usize);

/// A text with its sections and clauses, found once for every reader of the
/// prose.
struct Sectioned<'a> {
    text: &'a str,
    sections: Vec<Part>,
    /// The parts under bracketed sub-headings (`(二)依申请公开情况`), with the
    /// topics their own heading names.
    subsections: Vec<Part>,
    /// The clauses of the whole text (sections start on a line, so each
    /// section's clauses are those that start inside it).
    clauses: Vec<(usize, &'a str)>,
    /// Whether each clause is a heading.
    headings: Vec<bool>,
}

impl<'a> Sectioned<'a> {
    /// The text's sections, and the clauses of the text outside `skip` (sorted
    /// byte ranges that start and end on line breaks).
    fn new(text: &'a str, skip: &[(usize, usize)]) -> Self {
        let mut clauses_outside = Vec::new();
        let mut from = 0;
        for &(start, end) in skip.iter().chain([&(text.len(), text.len())]) {
            if start > from {
                clauses_outside.extend(clauses(text, from, start));
            }
            from = from.max(end);
        }
        let clauses = clauses_outside;
        // A bare heading is a whole line, not a clause that ends as one.
        let whole_line = |at: usize, c: &str| {
            let bytes = text.as_bytes();
            (at == 0 || bytes[at - 1] == b'\n') && matches!(bytes.get(at + c.len()), None | Some(b'\n'))
        };
        let arabic = numbers_in_arabic(text);
        let bare = |c: &str| is_bare_heading(c) || (arabic && is_arabic_heading(c));
        // A sub-heading alone on its line (`(四)政府信息公开的收费及减免情况`).
        let sub = |c: &str| sub_heading(c).is_some_and(|h| c.trim_end().ends_with(h));
        let headings =
            clauses.iter().map(|&(at, c)| is_heading(c) || ((bare(c) || sub(c)) && whole_line(at, c))).collect();
        let (sections, subsections) = sections(text, arabic);
        Sectioned { text, sections, subsections, clauses, headings }
    }
}

/// Byte ranges of the text, each with the topics of its heading (with
/// `arabic`, `3、…` lines head parts too); and the ranges under sub-headings,
/// each to the next heading of either kind.
fn sections(text: &str, arabic: bool) -> (Vec<Part>, Vec<Part>) {
    let mut out: Vec<Part> = Vec::new();
    let mut subs: Vec<Part> = Vec::new();
    let mut current = (Topics::default(), 0usize);
    let mut sub: Option<(Topics, usize)> = None;
    for (offset, line) in super::cells::lines(text) {
        let top = starts_part(line) || (arabic && is_arabic_heading(line));
        let under = if top { None } else { sub_heading(line) };
        if top || under.is_some() {
            if let Some((t, start)) = sub.take() {
                subs.push((t, start, offset));
            }
        }
        if top {
            out.push((current.0, current.1, offset));
            current = (Topics::of_heading(line), offset);
        } else if let Some(h) = under {
            sub = Some((Topics::of_heading(h), offset)).filter(|s| s.0 != Topics::default());
        }
    }
    out.push((current.0, current.1, text.len()));
    if let Some((t, start)) = sub {
        subs.push((t, start, text.len()));
    }
    (out, subs)
}

/// The heading of a line that starts with a bracketed numeral, `(二)依申请公开情况`,
/// up to the stop or colon that ends it (a paragraph often runs on after it).
fn sub_heading(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix('(')?;
    let numeral = |k: usize| k > 0 && rest[..k].chars().all(|c| "一二三四五六七八九十".contains(c));
    let close = rest.find(')').filter(|&k| numeral(k))?;
    let rest = rest[close + 1..].trim_start();
    // A blank ends it too, where the paragraph ran on after it on its line.
    let end = rest.find(['。', ':', ',', ';', ' ', '\t']).unwrap_or(rest.len());
    let heading = &rest[..end];
    (heading.chars().count() <= 30).then_some(heading)
}

/// A count read in a clause.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Count {
    value: f64,
    /// Byte offset in the whole text.
    offset: usize,
    /// Position in the clause, in chars.
    at: usize,
    money: bool,
    /// Said of each thing named before it (`行政复议和行政诉讼均为0件`).
    each: bool,
    /// Counted in 条, pieces of information (not requests).
    items: bool,
}

/// Words before a number that make it the count of each thing named before.
const EACH: &[&str] = &["均为", "都为", "均是", "各为", "均", "各"];

const COUNT_UNITS: &[&str] = &["人次", "件", "宗", "条", "个", "项", "次", "份", "起", "例", "篇"];
const MONEY_UNITS: &[(&str, f64)] = &[("万元", 10_000.0), ("元", 1.0)];
/// `一件事`, `一次性`: idioms, not counts.
const IDIOMS: &[&str] = &["件事", "次性", "次办", "站式", "个月", "条龙"];

/// The counts and amounts in a clause; `base` is the clause's byte offset.
fn counts(clause: &str, base: usize) -> Vec<Count> {
    if !clause.chars().any(|c| c.is_ascii_digit() || numerals::is_chinese_numeral(c)) {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = clause.char_indices().collect();
    let text_at = |k: usize| chars.get(k).map_or(clause.len(), |c| c.0);
    let starts = |k: usize, w: &str| clause[text_at(k)..].starts_with(w);
    let mut out = Vec::new();
    // The number being read, as printed (one buffer for the clause).
    let mut s = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let prev = if i > 0 { Some(chars[i - 1].1) } else { None };
        let (value, len) = if c.is_ascii_digit() && !prev.is_some_and(|p| p.is_ascii_digit() || p == '.') {
            let mut k = i;
            s.clear();
            while k < chars.len() {
                let ch = chars[k].1;
                if ch.is_ascii_digit() || (ch == '.' && chars.get(k + 1).is_some_and(|n| n.1.is_ascii_digit())) {
                    s.push(ch);
                } else if ch != ',' || !chars.get(k + 1).is_some_and(|n| n.1.is_ascii_digit()) {
                    break;
                }
                k += 1;
            }
            let mut v: f64 = s.parse().unwrap_or(f64::NAN);
            if starts(k, "万") && !starts(k, "万元") {
                v = numerals::scaled(v, 10_000.0);
                k += 1;
            }
            (v, k - i)
        } else if numerals::is_chinese_numeral(c)
            && !prev.is_some_and(numerals::is_chinese_numeral)
            // `0.15万元`, `0.09 万元`: the 万 of a number in digits is its unit's.
            && !chars[..i].iter().rev().find(|c| !matches!(c.1, ' ' | '\t')).is_some_and(|c| c.1.is_ascii_digit() || c.1 == '.')
        {
            let mut k = i;
            while k < chars.len() && numerals::is_chinese_numeral(chars[k].1) {
                k += 1;
            }
            // A trailing 万 before 元 is the unit 万元, not part of the number.
            if k > i + 1 && chars[k - 1].1 == '万' && starts(k, "元") {
                k -= 1;
            }
            s.clear();
            s.extend(chars[i..k].iter().map(|c| c.1));
            match numerals::chinese(&s) {
                Some(v) => (v as f64, k - i),
                None => (f64::NAN, k - i),
            }
        } else {
            i += 1;
            continue;
        };
        // Pages put spaces around numbers (`公开信息 644 条`): the words before
        // and after a number are read past them.
        let blank = |k: usize| chars.get(k).is_some_and(|c| c.1 == ' ' || c.1 == '\t');
        let prev = (0..i).rev().find(|&p| !blank(p)).map(|p| chars[p].1);
        let mut k = i + len;
        while blank(k) {
            k += 1;
        }
        let approximate = prev.is_some_and(|p| "约近逾超第".contains(p)) || starts(k, "多") || starts(k, "余");
        if starts(k, "多") || starts(k, "余") {
            k += 1;
        }
        let items = starts(k, "条");
        let unit = COUNT_UNITS.iter().find(|u| starts(k, u)).map(|u| (u.chars().count(), false, 1.0));
        let unit = unit.or_else(|| MONEY_UNITS.iter().find(|(u, _)| starts(k, u)).map(|(u, m)| (u.chars().count(), true, *m)));
        let after_is = prev == Some('为') || prev == Some(':');
        // `共六个部分组成`: the parts of the report, not a count of anything.
        // `无一例…行政复议`: not one, a denial, no count of one.
        let not_one = value == 1.0 && c == '一' && ["无", "没有", "未有"].iter().any(|w| clause[..chars[i].0].ends_with(w));
        let idiom = (value == 1.0 && c == '一' && IDIOMS.iter().any(|w| starts(k, w)))
            || not_one
            || unit.is_some_and(|(len, _, _)| starts(k + len, "部分"))
            || starts(k, "部分");
        let ends_clause = k >= chars.len() || matches!(chars[k].1, ')' | ',' | ' ' | '。' | ';');
        // `共受理政府信息公开申请0`: a form's sentence filled in with a zero alone,
        // its unit left out, the clause's only number, after its words.
        let filled_in = || {
            let digits = |cs: &[(usize, char)]| cs.iter().any(|c| c.1.is_ascii_digit());
            k >= chars.len()
                && value == 0.0
                && c.is_ascii_digit()
                && prev.is_some_and(|p| ('\u{4e00}'..='\u{9fff}').contains(&p) && !numerals::is_chinese_numeral(p))
                && !digits(&chars[..i])
        };
        if !value.is_nan() && !approximate && !idiom && !starts(k, "%") {
            let offset = base + chars[i].0;
            let each = || {
                let before = clause[..chars[i].0].trim_end_matches([' ', '\t']);
                EACH.iter().any(|w| before.ends_with(w))
            };
            match unit {
                Some((_, money, m)) => out.push(Count { value: numerals::scaled(value, m), offset, at: i, money, each: each(), items }),
                None if (after_is && ends_clause) || filled_in() => {
                    out.push(Count { value, offset, at: i, money: false, each: each(), items: false });
                }
                None => {}
            }
        }
        i += len.max(1);
    }
    out
}

/// A keyword found in a clause, with what a count bound to it means.
#[derive(Clone, Copy, Debug)]
struct Hit {
    /// Where it starts: the character, and the byte.
    at: usize,
    byte: usize,
    key: &'static str,
}

/// Every keyword of `words` in `clause`, longest first at each position.
fn hits(clause: &str, keywords: &Keywords) -> Vec<Hit> {
    let (words, firsts) = (keywords.words.as_slice(), keywords.firsts.as_slice());
    let mut out = Vec::new();
    let mut skip = 0; // characters still inside the last keyword
    for (i, (b, c)) in clause.char_indices().enumerate() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        if firsts.binary_search(&c).is_err() {
            continue;
        }
        let rest = &clause[b..];
        if let Some((w, key)) = words.iter().filter(|(w, _)| rest.starts_with(w)).max_by_key(|(w, _)| w.len()) {
            out.push(Hit { at: i, byte: b, key });
            skip = w.chars().count() - 1;
        }
    }
    out
}

/// A list of keywords with the characters they start with (only positions
/// holding one of those can start a keyword), made once.
struct Keywords {
    words: Vec<(&'static str, &'static str)>,
    /// Sorted.
    firsts: Vec<char>,
}

impl Keywords {
    fn new(words: Vec<(&'static str, &'static str)>) -> Keywords {
        let mut firsts: Vec<char> = words.iter().filter_map(|(w, _)| w.chars().next()).collect();
        firsts.sort_unstable();
        firsts.dedup();
        Keywords { words, firsts }
    }
}

/// The one key the keywords of a short label name, if they name one (each hit
/// taken through `key`, which may pass it over): the heads of a table printed
/// across (`当面申请`, `同意部分公开`, `申请总数`).
fn key_of_label(
    label: &str,
    lists: &[&Keywords],
    key: impl Fn(&Hit) -> Option<&'static str>,
) -> Option<&'static str> {
    let mut keys = lists.iter().flat_map(|k| hits(label, k)).filter_map(|h| key(&h));
    let first = keys.next()?;
    keys.all(|k| k == first).then_some(first)
}

/// Binds each count to the nearest unbound keyword before it, else to the
/// first keyword after it and before the next count; a count said of each
/// (`均为0件`) binds to every unbound keyword before it. Counts and keywords are
/// in the order of the clause.
fn bind(counts: &[Count], hits: &[Hit]) -> Vec<(&'static str, Count)> {
    let mut used = vec![false; hits.len()];
    // The unbound keywords before the count being bound, the nearest last; and
    // the first keyword not yet passed (those after a count are all unbound).
    let mut open: Vec<usize> = Vec::new();
    let mut passed = 0;
    let mut out = Vec::new();
    for (n, c) in counts.iter().enumerate() {
        let next_count = counts.get(n + 1).map_or(usize::MAX, |x| x.at);
        while passed < hits.len() && hits[passed].at < c.at {
            if !used[passed] {
                open.push(passed);
            }
            passed += 1;
        }
        let after = || (passed..hits.len()).find(|&h| hits[h].at > c.at).filter(|&h| hits[h].at < next_count);
        if c.each && !open.is_empty() {
            for h in open.drain(..) {
                used[h] = true;
                out.push((hits[h].key, *c));
            }
        } else if let Some(h) = open.pop().or_else(after) {
            used[h] = true;
            out.push((hits[h].key, *c));
        }
    }
    out
}

/// Clauses of the sentences in `text[from..to]`, with their byte offsets.
fn clauses(text: &str, from: usize, to: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let slice = &text[from..to];
    let mut start = 0;
    let bytes = slice.as_bytes();
    for (i, c) in slice.char_indices() {
        // `1,206`: a thousands separator, not a clause break.
        let in_number = c == ',' && i > 0 && bytes[i - 1].is_ascii_digit() && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        // `行政复议:0件`: a label and its count, one clause.
        let labels_count = c == ':'
            && slice[i + 1..].trim_start_matches([' ', '\t']).starts_with(|n: char| n.is_ascii_digit() || numerals::is_chinese_numeral(n));
        // `5件(其中3件维持,…)`: counts in brackets after a count go on as clauses of their own.
        let counts_in_brackets = c == '('
            && slice[..i].trim_end_matches([' ', '\t']).ends_with(['件', '起', '宗', '例', '条'])
            && slice[i + 1..]
                .trim_start_matches([' ', '\t'])
                .trim_start_matches("其中")
                .trim_start_matches([' ', '\t'])
                .starts_with(|n: char| n.is_ascii_digit() || numerals::is_chinese_numeral(n));
        if (matches!(c, ',' | ';' | '。' | '\n' | '!' | '?' | ':') && !in_number && !labels_count) || counts_in_brackets {
            out.push((from + start, &slice[start..i]));
            start = i + c.len_utf8();
        }
    }
    out.push((from + start, &slice[start..]));
    // Table cells are not sentences: the tables are read as tables.
    out.retain(|(_, c)| !c.trim().is_empty() && !c.contains('|'));
    out
}

/// The parts of the text on a topic: its sections, else the clauses that use
/// its words.
fn topic_clauses<'a>(doc: &Sectioned<'a>, pick: impl Fn(Topics) -> bool, words: &[&str]) -> Vec<(usize, &'a str)> {
    let picked = |ranges: &[Part]| -> Vec<(usize, usize)> {
        ranges.iter().filter(|s| pick(s.0)).map(|s| (s.1, s.2)).collect()
    };
    let (secs, subs) = (picked(&doc.sections), picked(&doc.subsections));
    // Ranges are in the order of the text and do not overlap.
    let inside = |ranges: &[(usize, usize)], at: usize| {
        ranges[..ranges.partition_point(|&(a, _)| a <= at)].last().is_some_and(|&(_, b)| at < b)
    };
    let all = doc.clauses.iter().zip(&doc.headings).filter(|(_, &heading)| !heading).map(|(c, _)| *c);
    if !secs.is_empty() {
        // The numbered parts first: what they say stands over a sub-part elsewhere
        // (`(二)依申请公开` in the overview, which may count other things).
        let (mut own, others): (Vec<_>, Vec<_>) = all.partition(|&(at, _)| inside(&secs, at));
        own.extend(others.into_iter().filter(|&(at, _)| inside(&subs, at)));
        return own;
    }
    all.filter(|&(at, c)| inside(&subs, at) || words.iter().any(|w| c.has(w))).collect()
}

/// Reads the prose facts into `report`. Facts of a table the report already
/// holds are not added; where the prose contradicts the table, the table stands
/// and the report is flagged `narrative_table_conflict`.
pub fn read(text: &str, report: &mut Report) {
    read_outside(text, &[], report);
}

/// [`read`], leaving out the lines of `tables` (sorted byte ranges of whole
/// lines where the tables were read): their numbers are the tables', and
/// reading them again as sentences costs more than the rest of the text.
///
/// Where the text was printed at a fixed width, the sentences are read with the
/// page's line breaks taken out ([`unwrap`]), and the facts' offsets taken back
/// to `text`.
pub fn read_outside(text: &str, tables: &[(usize, usize)], report: &mut Report) {
    let Some(joined) = unwrap(text, tables) else {
        let broken = break_headings(text);
        read_sections(&Sectioned::new(broken.as_deref().unwrap_or(text), tables), report);
        return;
    };
    let tables: Vec<(usize, usize)> = tables.iter().map(|&(s, e)| (joined.inward(s), joined.inward(e))).collect();
    let before = (report.requests.len(), report.litigation.len(), report.disclosures.len());
    let broken = break_headings(&joined.text);
    read_sections(&Sectioned::new(broken.as_deref().unwrap_or(&joined.text), &tables), report);
    let back = |offset: &mut usize| *offset = joined.original(*offset);
    report.requests[before.0..].iter_mut().for_each(|f| back(&mut f.offset));
    report.litigation[before.1..].iter_mut().for_each(|f| back(&mut f.offset));
    report.disclosures[before.2..].iter_mut().for_each(|f| back(&mut f.offset));
}

fn read_sections(doc: &Sectioned, report: &mut Report) {
    read_requests(doc, report);
    read_litigation(doc, report);
    read_fees(doc, report);
    proactive::read(doc, report);
}

/// Whether a report's table facts come from a pre-2019 statistics table (whose
/// form asks for less than the prose may say), and the table's name as a
/// conflict with the prose names it: `template_table` for 2019 and after.
fn table_read(report: &Report, template_table: &'static str) -> (bool, &'static str) {
    if report.template == Some(Template::Pre2019) {
        (true, STATISTICS_TABLE)
    } else {
        (false, template_table)
    }
}

/// How a conflict names the statistics table of a pre-2019 report.
const STATISTICS_TABLE: &str = "the statistics table";

fn read_fees(doc: &Sectioned, report: &mut Report) {
    for (base, clause) in topic_clauses(doc, |t| t.fees, &["信息处理费", "检索费", "复制费"]) {
        let fee_words = ["费", "收取"].iter().any(|w| clause.has(w));
        if !fee_words {
            continue;
        }
        // `收取信息处理费共2笔,合计400元`: the amount may close the sentence; where
        // the sentence gives the parts and their sum (`复印费50元,邮寄费30元,共计80元`),
        // the sum.
        let amounts: Vec<(bool, f64)> = std::iter::once((base, clause))
            .chain(rest_of_sentence(doc, base).take(SUM_REACH))
            .flat_map(|(b, c)| {
                counts(c, b).into_iter().filter(|n| n.money).map(move |n| {
                    let before = &c[..n.offset - b];
                    (SUM_WORDS.iter().chain(&["共"]).any(|w| before.has(w)), n.value)
                })
            })
            .collect();
        if let Some(&(_, first)) = amounts.first() {
            let sum = amounts.iter().rev().find(|a| a.0).map_or(first, |a| a.1);
            report.fees_yuan = Some(sum);
            return;
        }
        let negated = ["没有收取", "未收取", "不收取", "无", "没有", "未", "免费", "免收", "不收", "不存在"]
            .iter()
            .any(|n| clause.first(n).is_some_and(|p| ["收取", "收费", "费用", "费"].iter().any(|w| clause[p..].has(w))));
        if negated || says_none_after(doc, base) {
            report.fees_yuan = Some(0.0);
            return;
        }
    }
    // `四、政府信息公开的收费及减免情况` / `无。`
    if section_says_none(doc, |t| t.fees).is_some() {
        report.fees_yuan = Some(0.0);
    }
}

/// Whether the clause at `base` is answered by a bare `无` after it in its
/// sentence (`收费及减免情况:无。`).
fn says_none_after(doc: &Sectioned, base: usize) -> bool {
    rest_of_sentence(doc, base).next().is_some_and(|(_, next)| NONE_WORDS.contains(&next.trim()))
}

/// Words that say there is nothing to report: a bare answer after a clause
/// (`收费及减免情况:无。`), or what opens a section's whole answer (`无。`,
/// `本年度无此类情况。`, `未发生。`).
const NONE_WORDS: &[&str] = &["暂无", "无", "均无", "没有", "未发生", "均未发生"];
/// What may lead such an answer: when.
const NONE_LEADS: &[&str] = &["本年度", "本年", "今年", "全年", "年内", "报告期内"];

/// Where a numbered section (or a part under a sub-heading) on a topic answers with nothing but that it has
/// nothing to report (`五、因政府信息公开申请行政复议、提起行政诉讼的情况` / `无。`):
/// the offset of that answer, the section's only clause, short and without a
/// number.
fn section_says_none(doc: &Sectioned, pick: impl Fn(Topics) -> bool) -> Option<usize> {
    doc.sections.iter().chain(&doc.subsections).filter(|s| pick(s.0)).find_map(|&(_, start, end)| {
        let from = doc.clauses.partition_point(|&(b, _)| b < start);
        let to = doc.clauses.partition_point(|&(b, _)| b < end);
        let mut body = (from..to).filter(|&k| !doc.headings[k]).map(|k| doc.clauses[k]);
        let (base, only) = body.next()?;
        if body.next().is_some() {
            return None;
        }
        let words = only.trim();
        let words = NONE_LEADS.iter().find_map(|l| words.strip_prefix(l)).unwrap_or(words);
        let short = words.chars().count() <= 8 && !words.chars().any(|c| c.is_ascii_digit());
        (short && NONE_WORDS.iter().any(|w| words.starts_with(w))).then_some(base)
    })
}

/// How many clauses on a sum (or a fee's amount) may follow the count it sums.
const SUM_REACH: usize = 6;
/// Words that open a clause giving the sum of the counts before it (`…,共计3件`).
const SUM_WORDS: &[&str] = &["总计", "合计", "共计"];

/// The clauses after the one at `base` in its sentence (up to a `。` or a line break).
fn rest_of_sentence<'d, 'a>(doc: &'d Sectioned<'a>, base: usize) -> impl Iterator<Item = (usize, &'a str)> + 'd {
    let from = doc.clauses.partition_point(|&(b, _)| b <= base);
    let mut end = doc.clauses.get(from.wrapping_sub(1)).map_or(base, |&(b, c)| b + c.len());
    doc.clauses[from..].iter().copied().take_while(move |&(b, c)| {
        let joined = end <= b && !doc.text[end..b].contains(['。', '\n']);
        end = b + c.len();
        joined
    })
}

/// Random text over a few characters that make the words looked for.
#[cfg(test)]
pub(super) fn random_text(rng: &mut crate::gen::rng::Rng, most: u64) -> String {
    let len = rng.below(most + 1);
    let pieces = ["未", "经", "审结", "没有", "复议", "公开", "主动", "发布", "微博", "新闻", "。", "\n", "信息", "全年", "计", "共", "1", "件", ","];
    (0..len).map(|_| *rng.pick(&pieces)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gen::rng::Rng;
    use crate::report::RequestFact;

    #[test]
    fn binding_agrees_with_the_nearest_unbound_keyword_rule() {
        // The rule as first written: for each count, every keyword looked at.
        fn by_rule(counts: &[Count], hits: &[Hit]) -> Vec<(&'static str, usize)> {
            let mut used = vec![false; hits.len()];
            let mut out = Vec::new();
            for (n, c) in counts.iter().enumerate() {
                let next_count = counts.get(n + 1).map_or(usize::MAX, |x| x.at);
                let before = (0..hits.len()).rev().find(|&h| !used[h] && hits[h].at < c.at);
                let after = (0..hits.len()).find(|&h| !used[h] && hits[h].at > c.at && hits[h].at < next_count);
                if let Some(h) = before.or(after) {
                    used[h] = true;
                    out.push((hits[h].key, c.at));
                }
            }
            out
        }
        let keys = ["a", "b", "c", "d"];
        let mut rng = Rng::new(11);
        for _ in 0..2000 {
            let mut positions = |n: u64| -> Vec<usize> {
                let mut v: Vec<usize> = (0..rng.below(n)).map(|_| rng.below(30) as usize).collect();
                v.sort_unstable();
                v
            };
            let count = |at| Count { value: 1.0, offset: at, at, money: false, each: false, items: false };
            let counts: Vec<Count> = positions(8).into_iter().map(count).collect();
            let hit = |(i, at): (usize, usize)| Hit { at, byte: at, key: keys[i % 4] };
            let hits: Vec<Hit> = positions(8).into_iter().enumerate().map(hit).collect();
            let bound: Vec<(&str, usize)> = bind(&counts, &hits).into_iter().map(|(k, c)| (k, c.at)).collect();
            assert_eq!(bound, by_rule(&counts, &hits), "counts {:?} hits {:?}", counts.iter().map(|c| c.at).collect::<Vec<_>>(), hits);
        }
    }

    fn requests(text: &str) -> Vec<(&'static str, i64)> {
        let mut r = Report::default();
        read(text, &mut r);
        r.requests.iter().map(|f| (f.row, f.count)).collect()
    }

    fn litigation(text: &str) -> Vec<(&'static str, i64)> {
        let mut r = Report::default();
        read(text, &mut r);
        r.litigation.iter().map(|f| (f.proceeding, f.count)).collect()
    }

    fn fee(text: &str) -> Option<f64> {
        let mut r = Report::default();
        read(text, &mut r);
        r.fees_yuan
    }

    #[test]
    fn counts_in_digits_and_chinese_with_units() {
        let vals = |s: &str| counts(s, 0).iter().map(|c| c.value).collect::<Vec<_>>();
        assert_eq!(vals("共收到申请十二件,其中当面申请七件"), vec![12.0, 7.0]);
        assert_eq!(vals("一千二百零六条"), vec![1206.0]);
        assert_eq!(vals("两件"), vec![2.0]);
        assert_eq!(vals("占50%,2014年,9000多条,约30件,第3次"), Vec::<f64>::new());
        assert_eq!(vals("申请数量为0"), vec![0.0]);
        assert_eq!(vals("推行一件事一次办"), Vec::<f64>::new());
        assert_eq!(vals("无一例行政复议,没有一件诉讼"), Vec::<f64>::new());
        assert_eq!(vals("信息处理费380元,3.6万份,0.15万元,0.09 万元"), vec![380.0, 36000.0, 1500.0, 900.0]);
        assert_eq!(vals("共收到申请 12 件,收费 380 元,为 0 ,约 30 件,9000 多条,占 50 %"), vec![12.0, 380.0, 0.0]);
    }

    #[test]
    fn request_channels_and_results() {
        let text = "三 政府信息依申请公开情况\n共受理信息公开申请2件,其中当面申请1宗,占50%;网上申请1宗,占50%;信函申请0宗,占0%,传真申请0宗。\n\
            在已经答复的2件申请中:\n“同意公开”的1件,占总数的50%。\n“非本机关政府信息”的1件,占总数的50%。\n";
        let got = requests(text);
        for want in [
            ("new_received", 2),
            ("channel_in_person", 1),
            ("channel_online", 1),
            ("channel_letter", 0),
            ("channel_fax", 0),
            ("answered", 2),
            ("granted", 1),
            ("unable_not_held", 1),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
        assert_eq!(got.len(), 8, "{got:?}");
        // Every channel of the form's sentence, and its results in the form's words.
        let text = "三、依申请公开政府信息情况\n本年度共受理政府信息公开申请5件,其中当面申请5件,传真申请0件,\
            电子邮件申请0件,网上申请0件,信函申请0件,其他形式申请0件。\n在已经答复的5件申请中:\n\
            “同意公开”5件,占总数的100%,“同意部分公开”0件,“否决公开”0件。\n";
        let got = requests(text);
        for want in [("channel_other", 0), ("granted", 5), ("partially_granted", 0), ("denied", 0)] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
    }

    #[test]
    fn results_in_other_words() {
        let got = requests("三、依申请公开情况\n在办结的10件申请中,其中同意公开6件、非本机关职责范围3件,不公开1件。\n");
        assert_eq!(got, vec![("answered", 10), ("granted", 6), ("unable_not_held", 3), ("denied", 1)]);
        // No count: no fact.
        assert_eq!(requests("三、依申请公开情况\n坚持以公开为常态、不公开为例外,申请均已办结。\n"), vec![]);
        // Granted in whole or in part, counted together: neither row.
        let got = requests("二、依申请公开方面\n答复申请65件。予以公开及部分公开20件,占30.77%;不予公开1件。\n");
        assert_eq!(got, vec![("answered", 65), ("denied", 1)]);
        assert_eq!(requests("三、依申请公开情况\n全部或部分公开12件,非本机关3件。\n"), vec![("unable_not_held", 3)]);
    }

    #[test]
    fn requests_handled_with_the_new_named_apart() {
        let got = requests("三、依申请公开情况\n本年度共办理政府信息公开申请30件,其中本年新收25件,上年结转5件。\n");
        assert_eq!(got, vec![("new_received", 25), ("carried_over", 5)]);
        // Against a table: the new and the carried over together are no conflict.
        let mut r = Report::default();
        for (row, count) in [("new_received", 25), ("carried_over", 5)] {
            r.requests.push(RequestFact { row, applicant: "total", count, offset: 0 });
        }
        read("三、收到和处理政府信息公开申请情况\n全年共收到政府信息公开申请30件(含上年结转5件)。", &mut r);
        assert!(!r.has_issue("narrative_table_conflict"));
        read("三、收到和处理政府信息公开申请情况\n全年共收到政府信息公开申请31件。", &mut r);
        assert!(r.has_issue("narrative_table_conflict"));
    }

    #[test]
    fn places_that_receive_requests_are_no_requests() {
        let text = "一、概述\n本区自2004年5月1日起开展政府信息公开工作。为此,专门配备了45名兼职工作人员,\
            设立了2个专门的信息申请受理点,并开辟了7个信息查阅点。\n三、依申请公开情况\n2008年,本区共受理申请56件。\n";
        assert_eq!(requests(text), vec![("new_received", 56)]);
        assert_eq!(requests("三、依申请公开情况\n设有3个依申请公开受理窗口,全年受理申请9件。\n"), vec![("new_received", 9)]);
    }

    #[test]
    fn requests_by_applicant_before_their_sum() {
        let mut r = Report::default();
        read("三、依申请公开情况\n本年度接到公民申请2件,法人申请1件,共计3件。\n", &mut r);
        let got: Vec<_> = r.requests.iter().map(|f| (f.row, f.applicant, f.count)).collect();
        assert_eq!(got, vec![("new_received", "natural_person", 2), ("new_received", "total", 3)]);
        // Without a sum after it, the count is the received.
        assert_eq!(requests("三、依申请公开情况\n本年度接到公民申请2件。\n"), vec![("new_received", 2)]);
    }

    #[test]
    fn requests_in_person_on_site_and_online_through_the_website() {
        let got = requests("三、依申请公开\n全年共受理依申请公开政府信息12件,其中现场申请5件,通过政府网站在线申请6件,信函申请1件。\n");
        assert_eq!(got, vec![("new_received", 12), ("channel_in_person", 5), ("channel_online", 6), ("channel_letter", 1)]);
    }

    #[test]
    fn requests_online_letters_and_the_post_in_other_words() {
        let got = requests("三、依申请公开\n共受理申请17件,其中线上申请8件,信件申请5件,当面申请4件。\n");
        assert_eq!(got, vec![("new_received", 17), ("channel_online", 8), ("channel_letter", 5), ("channel_in_person", 4)]);
        let got = requests("三、依申请公开\n共受理申请5件,其中通过邮政快递申请3件,现场申请2件。\n");
        assert_eq!(got, vec![("new_received", 5), ("channel_letter", 3), ("channel_in_person", 2)]);
    }

    #[test]
    fn the_standard_paragraph_of_2010_2018_reports() {
        let got = requests(
            "三、依申请公开政府信息情况\n本年度共收到政府信息公开申请25件,其中网上申请15件,当面申请6件,信函申请4件。\
             在已答复的申请中,属于已主动公开范围3件,同意公开12件,同意部分公开2件,不同意公开1件,\
             不属于本行政机关公开5件,申请信息不存在2件。\n",
        );
        for want in [
            ("new_received", 25),
            ("channel_online", 15),
            ("channel_in_person", 6),
            ("channel_letter", 4),
            ("granted", 12),
            ("partially_granted", 2),
            ("denied", 1),
            ("unable_not_held", 5),
            ("unable_not_exist", 2),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
        assert!(!got.iter().any(|(_, v)| *v == 3), "已主动公开范围 is no outcome key: {got:?}");
        let both = litigation("五、行政复议和行政诉讼情况\n全年因政府信息公开申请提起行政复议2件、行政诉讼1件。");
        assert_eq!(both, vec![("reconsideration", 2), ("litigation", 1)]);
    }

    #[test]
    fn results_answered_and_requests_carried_between_years() {
        let got = requests(
            "二、申请答复情况\n本年共办结依申请公开答复52件,包括上年结转申请4件。其中,予以公开答复31件,占59.62%;\
             不予公开答复2件;同意部分公开答复数5件。另有3件结转下一年度办理。\n",
        );
        assert_eq!(
            got,
            vec![
                ("answered", 52),
                ("carried_over", 4),
                ("granted", 31),
                ("denied", 2),
                ("partially_granted", 5),
                ("carried_forward", 3)
            ]
        );
    }

    #[test]
    fn the_applicants_in_a_sentence_of_their_own() {
        let split = |text: &str| {
            let mut r = Report::default();
            read(text, &mut r);
            r.requests.iter().map(|f| (f.row, f.applicant, f.count)).collect::<Vec<_>>()
        };
        assert_eq!(
            split("三、依申请公开情况\n共收到申请46件。从申请主体看,公民申请41件,法人或其他组织申请5件。\n"),
            vec![("new_received", "total", 46), ("new_received", "natural_person", 41)]
        );
        // Without the words that open such a sentence, a later sentence splits nothing.
        assert_eq!(
            split("三、依申请公开情况\n共收到申请46件。同意公开30件,公民申请20件。\n"),
            vec![("new_received", "total", 46), ("granted", "total", 30)]
        );
    }

    #[test]
    fn the_year_s_own_count_not_the_running_total() {
        let got = requests("三、依申请公开情况\n截至2010年底,我局累计受理政府信息公开申请56件,其中2010年受理18件。\n");
        assert_eq!(got, vec![("new_received", 18)]);
        let got = requests("三、依申请公开情况\n《条例》实施以来累计受理申请56件。全年共受理申请18件。\n");
        assert_eq!(got, vec![("new_received", 18)]);
        // 累计 said of the year is the year's.
        assert_eq!(requests("三、依申请公开情况\n全年累计受理申请18件。\n"), vec![("new_received", 18)]);
    }

    #[test]
    fn the_national_form_s_words_in_prose() {
        let got = requests(
            "三、依申请公开情况\n申请答复中,属于已主动公开范围的12件,同意公开答复的45件,同意部分公开答复的8件,\
            不同意公开答复的10件,不属于本行政机关公开的25件,申请信息不存在的15件,告知作出更改补充的3件。\n",
        );
        let want = [("granted", 45), ("partially_granted", 8), ("denied", 10), ("unable_not_held", 25), ("unable_not_exist", 15)];
        assert_eq!(got, want);
    }

    #[test]
    fn consultations_are_no_requests() {
        let got = requests("三、依申请公开情况\n共受理申请3件。本年度共有7人次通过电话咨询政府信息公开事宜。\n");
        assert_eq!(got, vec![("new_received", 3)]);
    }

    #[test]
    fn bare_granted_opens_its_clause() {
        let got = requests("三、依申请公开情况\n全年共收到依申请公开3件,公开2件,不予公开1件。\n");
        assert_eq!(got, vec![("new_received", 3), ("granted", 2), ("denied", 1)]);
        let got = requests("三、依申请公开情况\n已答复4件,其中公开3件,因本机关不掌握相关信息而无法提供1件。\n");
        assert_eq!(got, vec![("answered", 4), ("granted", 3), ("unable_not_held", 1)]);
        // Inside other words, 公开 is not a result.
        assert_eq!(requests("三、依申请公开情况\n收到依申请公开2件。\n"), vec![("new_received", 2)]);
    }

    #[test]
    fn headings_without_their_numerals_still_part_the_text() {
        // A Word list's numbers are lost with the list: the headings alone on their lines.
        let text = "概述\n全年工作正常。\n依申请公开政府信息情况\n全年受理申请3件。\n政府信息公开的收费及减免情况\n无。\n\
                    因政府信息公开申请行政复议、提起行政诉讼的情况\n本年度无此类情况。\n存在的主要问题及改进措施\n无。\n";
        assert_eq!(litigation(text), vec![("reconsideration", 0), ("litigation", 0)]);
        assert_eq!(fee(text), Some(0.0));
        // An answer that ends as a heading does is none, nor is a sub-heading or a sentence.
        assert!(!is_bare_heading("本年度无此类情况"));
        assert!(!is_bare_heading("(四)行政复议情况"));
        assert!(!is_bare_heading("依申请公开情况。本年度受理申请3件"));
        assert!(is_bare_heading("■ 主动公开政府信息情况:"));
        assert!(is_bare_heading("附表:政府信息公开情况统计表"));
        assert!(is_bare_heading("概 述"));
    }

    #[test]
    fn headings_with_their_letters_spaced_out() {
        let text = "一、概 述\n工作正常。\n五、因 政 府 信 息 公 开 申 请 行 政 复 议 、 提 起 行 政 诉 讼 的 情 况\n无。\n六、其他\n";
        assert_eq!(litigation(text), vec![("reconsideration", 0), ("litigation", 0)]);
    }

    #[test]
    fn headings_in_brackets_and_parts_under_sub_headings_that_answer_none() {
        assert_eq!(requests("【三、依申请公开政府信息情况】\n无。\n【四、收费情况】\n"), vec![("new_received", 0)]);
        let text = "一、概述\n(四)政府信息公开的收费及减免情况\n无。\n(五)行政复议、行政诉讼情况\n本年度无此类情况。\n";
        assert_eq!(litigation(text), vec![("reconsideration", 0), ("litigation", 0)]);
        assert_eq!(fee(text), Some(0.0));
    }

    #[test]
    fn headings_numbered_in_arabic_digits_where_none_is_in_chinese() {
        let text = "1、概述\n全年工作正常。\n2、政府信息公开的收费及减免情况 无。\n\
                    3、因政府信息公开申请行政复议、提起行政诉讼的情况\n本年度无此类情况。\n4、存在的主要问题及改进措施\n无。\n";
        assert_eq!(litigation(text), vec![("reconsideration", 0), ("litigation", 0)]);
        assert_eq!(fee(text), Some(0.0));
        // Under Chinese numerals, `2.答复情况` is an item of the part on requests.
        let items = "三、依申请公开情况\n1.申请情况\n全年受理申请3件。\n2.答复情况\n已答复3件,其中同意公开2件。\n四、其他\n";
        assert_eq!(requests(items), vec![("new_received", 3), ("answered", 3), ("granted", 2)]);
        assert!(!is_arabic_heading("1.5万元"));
        assert!(is_arabic_heading("3.依申请公开情况"));
    }

    #[test]
    fn requests_under_a_bracketed_sub_heading() {
        // No numbered part on requests: the sub-heading's paragraph is theirs,
        // whether the heading has its own line or leads the paragraph.
        let want =
            vec![("new_received", 35), ("carried_over", 2), ("granted", 3), ("partially_granted", 1), ("carried_forward", 6)];
        let body = "我局本年新收到政府信息公开申请35件,上年转结2件,予以公开3件,部分公开1件,结转下年度继续办理6件。\n";
        for head in ["(二)政府信息依申请公开情况\n", "(二)依申请公开情况。"] {
            assert_eq!(requests(&format!("一、总体情况\n{head}{body}(三)政府信息管理情况\n制度3项。\n")), want);
        }
        // A numbered part on requests stands over a sub-part of the overview,
        // read after it (and out of the text's order: nothing joins across).
        let overview = "一、概述\n(二)依申请公开工作\n开通了网上申请渠道1个。\n\
            三、依申请公开情况\n全年共受理申请12件,其中网上申请8件。\n";
        assert_eq!(requests(overview), vec![("new_received", 12), ("channel_online", 8)]);
        let cases = "一、概述\n(四)行政复议情况\n本年度行政复议1件,其中维持1件。\n\
            五、行政复议、行政诉讼情况\n本年度发生行政复议2件,行政诉讼1件。\n";
        assert_eq!(litigation(cases), vec![("reconsideration", 2), ("litigation", 1), ("reconsideration", 1)]);
        // A sub-heading on another topic gives nothing; a numbered part still does.
        assert_eq!(requests("一、总体情况\n(三)政府信息管理情况\n予以公开3件。\n"), vec![]);
        assert_eq!(sub_heading(" (二)依申请公开情况:2022年"), Some("依申请公开情况"));
        assert_eq!(sub_heading("(2)依申请公开"), None);
        assert_eq!(sub_heading("(二)依申请公开情况 2013年共接到政府信息公开申请148宗(其中"), Some("依申请公开情况"));
        assert_eq!(sub_heading("(二) 依申请公开情况"), Some("依申请公开情况"));
    }

    #[test]
    fn requests_split_by_applicant() {
        let got = |s: &str| {
            let mut r = Report::default();
            read(s, &mut r);
            r.requests.iter().map(|f| (f.row, f.applicant, f.count)).collect::<Vec<_>>()
        };
        assert_eq!(
            got("三、依申请公开情况\n全年共受理申请9件,从申请人看,公民申请7件,企业申请1件,法人和其他组织申请1件。\n"),
            vec![("new_received", "total", 9), ("new_received", "natural_person", 7), ("new_received", "commercial", 1)]
        );
        // Said of all: one kind of applicant, one channel.
        assert_eq!(
            got("三、依申请公开情况\n2016年,我局共收到8份政府信息公开申请,均为公民申请,均为网上申请。\n"),
            vec![("new_received", "total", 8), ("new_received", "natural_person", 8), ("channel_online", "total", 8)]
        );
        // All applicants named together, or in another sentence: no split.
        assert_eq!(
            got("三、依申请公开情况\n全年共收到公民、法人和其他组织的申请5件,其中网上申请5件。公民申请3件。\n"),
            vec![("new_received", "total", 5), ("channel_online", "total", 5)]
        );
    }

    #[test]
    fn a_count_without_its_unit_before_its_share() {
        let got = requests("二、申请答复情况\n其中,予以公开答复96件,占66.48%;部分公开67,占4.61%;不予公开81,共计。\n");
        assert_eq!(got, vec![("granted", 96), ("partially_granted", 67)]);
    }

    #[test]
    fn count_before_its_keyword() {
        let got = requests("三、依申请公开政府信息情况\n今年区政府共接到依申请公开七件,7件均为信函受理。7件属于非本机关政府信息掌握内容,答复率100%。\n");
        assert_eq!(got, vec![("new_received", 7), ("channel_letter", 7), ("unable_not_held", 7)]);
    }

    #[test]
    fn stated_zeros() {
        assert_eq!(requests("截至2019年12月31日,我镇未收到要求公开政府信息的申请。"), vec![("new_received", 0)]);
        assert_eq!(requests("本年度未受理政府信息公开申请。"), vec![("new_received", 0)]);
        assert_eq!(requests("2013年度没有依申请公开信息的情况。"), vec![("new_received", 0)]);
        assert_eq!(requests("本年度没有公民、法人或其他组织向我局提出政府信息公开申请。"), vec![("new_received", 0)]);
        assert_eq!(requests("三、依申请公开情况\n2017年未接收到政府信息公开申请。"), vec![("new_received", 0)]);
        assert_eq!(requests("三、依申请公开情况\n本年度未发生依申请公开情况。"), vec![("new_received", 0)]);
        // A section that answers with nothing but that it has nothing to report.
        assert_eq!(requests("三、依申请公开政府信息情况\n无。\n四、收费情况\n"), vec![("new_received", 0)]);
        assert_eq!(requests("三、依申请公开政府信息情况\n无。本年度工作正常。\n"), vec![]);
        let none = "五、因政府信息公开申请行政复议、提起行政诉讼的情况\n本年度无此类情况。\n六、存在的主要问题\n无。\n";
        assert_eq!(litigation(none), vec![("reconsideration", 0), ("litigation", 0)]);
        // A form's sentence filled in with the number alone; not where the clause holds others.
        assert_eq!(requests("三、依申请公开情况\n我局共受理政府信息公开申请0\n"), vec![("new_received", 0)]);
        assert_eq!(requests("三、依申请公开情况\n2010年共受理政府信息公开申请5\n"), vec![]);
        // A case that came of a request is not a request.
        assert_eq!(requests("三、依申请公开情况\n本年度未发生因政府信息公开申请行政复议的情况。"), vec![]);
        // Information withheld, in 条, is no request denied; in 件 it is.
        let section = "二、依申请公开信息的情况和不予公开信息的情况\n";
        assert_eq!(requests(&format!("{section}不予公开信息有10条,主要是人事安排的信息。")), vec![]);
        assert_eq!(requests(&format!("{section}同意公开12件,不予公开信息3件。")), vec![("granted", 12), ("denied", 3)]);
        assert_eq!(requests("三、依申请公开情况\n全年申请总量为8件,较上年有所增加。"), vec![("new_received", 8)]);
        assert_eq!(
            litigation("四、申请行政复议、诉讼和申诉情况\n2014年,市政府办公室没有收到有关政府信息公开而引起的行政复议、诉讼和申诉。"),
            vec![("reconsideration", 0), ("litigation", 0), ("complaint", 0)]
        );
        assert_eq!(
            litigation("全区无政府信息公开事务的行政复议案件,无有关政府信息公开事务的行政诉讼案件。"),
            vec![("reconsideration", 0), ("litigation", 0)]
        );
        assert_eq!(litigation("本年度被申请行政复议2件,提起行政诉讼一件。"), vec![("reconsideration", 2), ("litigation", 1)]);
        assert_eq!(litigation("四、行政复议、行政诉讼情况\n未经复议直接起诉\n复议后起诉\n"), vec![]);
        assert_eq!(litigation("本年度行政复议和行政诉讼均为0件。"), vec![("reconsideration", 0), ("litigation", 0)]);
        assert_eq!(
            litigation("五、复议、诉讼情况\n本年度无因政府信息公开被申请行政复议或被起诉的案件。"),
            vec![("reconsideration", 0), ("litigation", 0)]
        );
        assert_eq!(litigation("本年度被起诉2件,行政诉讼2件(其中未经复议直接起诉1件)。"), vec![("litigation", 2)]);
        assert_eq!(litigation("五、复议、诉讼情况\n行政复议、行政诉讼情况:无。"), vec![("reconsideration", 0), ("litigation", 0)]);
        assert_eq!(litigation("因政府信息公开提起行政复议、行政诉讼的情况均为零。"), vec![("reconsideration", 0), ("litigation", 0)]);
        // The parts of the report its introduction counts are no cases.
        assert_eq!(
            litigation("本报告包括主动公开情况、因政府信息公开申请行政复议和提起行政诉讼的情况、存在的问题等共五个部分。"),
            vec![]
        );
    }

    #[test]
    fn outcomes_of_the_cases_counted_before_them_in_the_sentence() {
        let outcomes = |s: &str| {
            let mut r = Report::default();
            read(s, &mut r);
            r.litigation.iter().map(|f| (f.proceeding, f.outcome, f.count)).collect::<Vec<_>>()
        };
        assert_eq!(
            outcomes("五、行政复议和行政诉讼情况\n本年被申请行政复议3件,其中维持2件,纠正1件;被提起行政诉讼2件,均维持。"),
            vec![
                ("reconsideration", "total", 3),
                ("reconsideration", "upheld", 2),
                ("reconsideration", "corrected", 1),
                ("litigation", "total", 2),
                ("litigation", "upheld", 2)
            ]
        );
        // In brackets after the count, each count before its outcome.
        assert_eq!(
            outcomes("五、行政复议和行政诉讼情况\n收到行政复议申请5件(其中3件维持,2件撤销),行政诉讼2 件( 1 件驳回,1件审理中)。"),
            vec![
                ("reconsideration", "total", 5),
                ("reconsideration", "upheld", 3),
                ("reconsideration", "corrected", 2),
                ("litigation", "total", 2),
                ("litigation", "upheld", 1),
                ("litigation", "pending", 1)
            ]
        );
        assert_eq!(
            outcomes("五、行政复议和行政诉讼情况\n因政府信息公开引发行政复议1起,经复议维持原答复。行政诉讼2件,维持原判。"),
            vec![("reconsideration", "total", 1), ("reconsideration", "upheld", 1), ("litigation", "total", 2)]
        );
        assert_eq!(
            outcomes("五、行政复议和行政诉讼情况\n行政诉讼4件,尚未审结1件。维持3件。"),
            vec![("litigation", "total", 4), ("litigation", "pending", 1)]
        );
        // An answer revoked, found unlawful or to be made again is corrected.
        assert_eq!(
            outcomes("五、行政复议和行政诉讼情况\n行政复议3件,其中维持2件,撤销1件;行政诉讼2件,1件被法院确认违法,1件正在审理中。"),
            vec![
                ("reconsideration", "total", 3),
                ("reconsideration", "upheld", 2),
                ("reconsideration", "corrected", 1),
                ("litigation", "total", 2),
                ("litigation", "corrected", 1),
                ("litigation", "pending", 1)
            ]
        );
        assert_eq!(
            outcomes("五、行政复议和行政诉讼情况\n本年度被申请行政复议1件,复议机关责令重新答复。"),
            vec![("reconsideration", "total", 1), ("reconsideration", "corrected", 1)]
        );
        // Each proceeding named again with its outcomes, in the national form's words.
        assert_eq!(
            outcomes(
                "五、行政复议和行政诉讼情况\n提起行政复议2件,经复议维持原具体行政行为1件,被依法纠错1件;\
                提起行政诉讼3起,其中法院判决驳回原告诉讼请求2起,原告撤诉1起。"
            ),
            vec![
                ("reconsideration", "total", 2),
                ("reconsideration", "upheld", 1),
                ("reconsideration", "corrected", 1),
                ("litigation", "total", 3),
                ("litigation", "upheld", 2),
                ("litigation", "other", 1)
            ]
        );
        // The outcomes in a sentence of their own, each proceeding named with them.
        assert_eq!(
            outcomes("五、复议诉讼情况\n共发生行政复议2起、行政诉讼3起。其中,行政复议维持1起、纠正1起;行政诉讼维持2起,尚在审理1起。"),
            vec![
                ("reconsideration", "total", 2),
                ("litigation", "total", 3),
                ("reconsideration", "upheld", 1),
                ("reconsideration", "corrected", 1),
                ("litigation", "upheld", 2),
                ("litigation", "pending", 1)
            ]
        );
        // The outcome in brackets after the count; one outcome said of every proceeding.
        assert_eq!(
            outcomes("五、复议诉讼情况\n发生行政复议1件(维持),行政诉讼2件(其中维持1件)。"),
            vec![("reconsideration", "total", 1), ("reconsideration", "upheld", 1), ("litigation", "total", 2)]
        );
        assert_eq!(
            outcomes("五、复议诉讼情况\n行政复议案件2件,行政诉讼案件1件,均已审结,结果均为维持。"),
            vec![
                ("reconsideration", "total", 2),
                ("litigation", "total", 1),
                ("litigation", "upheld", 1),
                ("reconsideration", "upheld", 2)
            ]
        );
        assert_eq!(outcomes("五、复议诉讼情况\n行政复议:0件;行政诉讼:1件。"), vec![("reconsideration", "total", 0), ("litigation", "total", 1)]);
        assert_eq!(outcomes("五、复议诉讼情况\n本年度行政复议和行政诉讼各1件。"), vec![("reconsideration", "total", 1), ("litigation", "total", 1)]);
    }

    #[test]
    fn fees_in_yuan_or_none_charged() {
        assert_eq!(fee("四 政府信息公开收费情况\n依申请公开收取的费用(检索费、复制费等)为0元。"), Some(0.0));
        assert_eq!(fee("五、政府信息收费及减免情况\n2014年以来,依法依规做好工作,没有收取任何费用。"), Some(0.0));
        assert_eq!(fee("六、其他需要报告的事项\n本年度收取信息处理费380元。"), Some(380.0));
        assert_eq!(fee("二、主动公开\n免费刊发3.6万份。"), None);
        assert_eq!(fee("六、其他需要报告的事项\n本机关收取信息处理费共3笔,合计450元。"), Some(450.0));
        assert_eq!(fee("四、收费及减免情况\n收取复印费50元,邮寄费30元,共计80元。"), Some(80.0));
        assert_eq!(fee("四、政府信息公开的收费及减免情况\n共收取信息公开费用0.15万元。"), Some(1500.0));
        assert_eq!(fee("六、其他需要报告的事项\n本年度收取信息处理费380元,减免0元。"), Some(380.0));
        assert_eq!(fee("六、其他需要报告的事项\n本机关收取信息处理费共3笔。另购置设备9000元。"), None);
        assert_eq!(fee("四、收费及减免情况\n本年度不存在收费情况。"), Some(0.0));
        assert_eq!(fee("四、收费及减免情况\n依规免收相关费用。"), Some(0.0));
        assert_eq!(fee("四、政府信息公开的收费及减免情况\n收费及减免情况:无。"), Some(0.0));
        // The section answered with a bare none; an answer with words of its own is no such.
        assert_eq!(fee("四、政府信息公开的收费及减免情况\n无。\n五、行政复议情况\n无。"), Some(0.0));
        assert_eq!(fee("四、政府信息公开的收费及减免情况\n详见附表。\n"), None);
        // A bare 无 after a clause without fee words says nothing of fees.
        assert_eq!(fee("四、收费及减免情况\n其他情况:无。"), None);
    }

    #[test]
    fn lines_left_out_are_not_read() {
        let text = "三、依申请公开情况\n共收到申请99件\n本年度共收到申请12件。\n";
        let table = (
            text.find("共收到申请99").unwrap(),
            text.find("本年度").unwrap(),
        );
        let new_received = |r: &Report| {
            r.requests
                .iter()
                .find(|f| f.row == "new_received")
                .map(|f| f.count)
        };
        let mut all = Report::default();
        read(text, &mut all);
        assert_eq!(new_received(&all), Some(99));
        let mut outside = Report::default();
        read_outside(text, &[table], &mut outside);
        assert_eq!(new_received(&outside), Some(12));
    }

    #[test]
    fn a_table_wins_over_the_prose() {
        let mut r = Report::default();
        r.requests.push(RequestFact {
            row: "new_received",
            applicant: "total",
            count: 12,
            offset: 0,
        });
        read(
            "三、收到和处理政府信息公开申请情况\n本年共收到政府信息公开申请15件。",
            &mut r,
        );
        assert_eq!(r.requests.len(), 1);
        assert!(r.has_issue("narrative_table_conflict"));
    }
}
