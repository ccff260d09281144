//! Years and dates: the year a title or a text names, the statistics period,
//! the publication date of a page.

use super::title::{is_title, title_line, without_label};
use super::Head;
use crate::normalize::{squash, Search};
use crate::report::Date;

/// The first year (`2019年` or `二〇一九年`) in `s`.
pub fn year_in(s: &str) -> Option<i32> {
    years_in(s).next()
}

/// Every year (`2019年` or `二〇一九年`) in `s`, in order.
fn years_in(s: &str) -> impl Iterator<Item = i32> + '_ {
    let chars: Vec<char> = s.chars().collect();
    (0..chars.len()).filter_map(move |i| {
        if chars.get(i + 4) != Some(&'年') || (i > 0 && digit(chars[i - 1]).is_some()) {
            return None;
        }
        let digits: String = chars[i..i + 4].iter().map(|&c| digit(c)).collect::<Option<_>>()?;
        digits.parse::<i32>().ok().filter(|y| (1990..=2100).contains(y))
    })
}

pub(super) fn digit(c: char) -> Option<char> {
    match c {
        '0'..='9' => Some(c),
        '〇' | '零' | 'O' | 'o' | '○' => Some('0'),
        '一' => Some('1'),
        '二' => Some('2'),
        '三' => Some('3'),
        '四' => Some('4'),
        '五' => Some('5'),
        '六' => Some('6'),
        '七' => Some('7'),
        '八' => Some('8'),
        '九' => Some('9'),
        _ => None,
    }
}

/// The year a report without a title covers: the statistics period if stated
/// (`2019年1月1日至2019年12月31日`), else the year the body names most often
/// (first named on a tie). A date alone on a line, or after a label, dates the
/// page or its writing, not the period (`上海市黄浦区人民政府` / `2009年1月1日`
/// heads the report on 2008).
pub(super) fn infer_year(text: &str) -> Option<i32> {
    let body: String = text.lines().map(squash).filter(|l| !dates_the_page(l)).collect::<Vec<_>>().concat();
    let s = body.as_str();
    let year_before = |p: usize| {
        let before: String = s[..p].chars().rev().take(5).collect::<Vec<_>>().into_iter().rev().collect();
        year_in(&before)
    };
    if let Some(y) = s.find("12月31日").and_then(year_before) {
        return Some(y);
    }
    // The period's first day, where its last is written without the year
    // (`自2014年1月1日起至12月31日止`).
    for first in ["1月1日", "01月01日"] {
        let starts = s.match_indices(first).filter(|(p, m)| {
            let after = &s[p + m.len()..];
            s[..*p].ends_with('年') && after.chars().take(3).any(|c| "起至到-—~".contains(c))
        });
        if let Some(y) = starts.map(|(p, _)| p).find_map(year_before) {
            return Some(y);
        }
    }
    let mut counts: Vec<(i32, usize)> = Vec::new();
    for y in years_in(s) {
        match counts.iter_mut().find(|(seen, _)| *seen == y) {
            Some((_, n)) => *n += 1,
            None => counts.push((y, 1)),
        }
    }
    // The first of the most named: `max_by_key` keeps the last of equals.
    counts.iter().rev().max_by_key(|(_, n)| *n).map(|(y, _)| *y)
}

/// Whether a line (whitespace removed) only dates the page: a date alone, or
/// after a label (`发布日期:2009年1月1日`).
fn dates_the_page(line: &str) -> bool {
    let after_label = PUBLISHED_LABELS
        .iter()
        .find_map(|l| line.strip_prefix(l))
        .map_or(line, |r| r.trim_start_matches([':', ':', '|']));
    after_label.chars().count() <= 16 && parse_date(after_label).is_some()
}

/// What follows `label` in a raw line, its characters found with blanks
/// between (`发布 日期: 2020/2/2 13:57:00`, a PDF's spacing).
fn after_spaced<'r>(raw: &'r str, label: &str) -> Option<&'r str> {
    let first = label.chars().next()?;
    raw.match_indices(first).find_map(|(at, _)| {
        let mut rest = &raw[at..];
        for c in label.chars() {
            rest = rest.trim_start().strip_prefix(c)?;
        }
        Some(rest)
    })
}

/// The rest of a line (whitespace removed) after `发布` and a label's ending
/// of which one character is not its own (`发布奀间:`, `发布日朞:`) and a colon:
/// the publication's label, a character garbled.
fn after_garbled_label(line: &str) -> Option<&str> {
    let at = line.find("发布")?;
    let mut rest = line[at + "发布".len()..].chars();
    let ending: Vec<char> = rest.by_ref().take(2).collect();
    let one_own = |label: &str| label.chars().zip(&ending).filter(|(a, b)| a == *b).count() == 1;
    let garbled = ending.len() == 2 && ["时间", "日期"].into_iter().any(one_own);
    let after = rest.as_str();
    let after = after.strip_prefix(':').or_else(|| after.strip_prefix('：'))?;
    garbled.then_some(after)
}

/// The date a raw line's first word gives, read before its blanks are taken out:
/// `2015/1/2 9:30:00` is the 2nd (squashed, `2015/1/29:30:00` would read as the 29th).
fn first_token_date(raw: &str) -> Option<Date> {
    let token = raw.trim_start_matches(|c: char| c == ':' || c == '|' || c.is_whitespace()).split_whitespace().next()?;
    parse_date(token.trim_start_matches(['[', '(', '【']))
}

/// Whether a line holds a date and nothing else (`[2023-02-04]`, `2023年2月4日`,
/// `2018-02-19 14:50`): no words of a site's header (`今天是`, `星期三`).
fn date_alone(raw: &str) -> bool {
    let date_char = |c: char| c.is_ascii_digit() || c.is_whitespace() || "-/.:年月日[]()【】".contains(c);
    raw.chars().any(|c| c.is_ascii_digit()) && raw.chars().all(date_char)
}

/// Labels of a page's dates, the publication's first: a page that prints the
/// date a document was written and the date it was posted is dated by the post.
pub(super) const PUBLISHED_LABELS: &[&str] = &["发布时间", "发布日期", "公开日期", "日期", "时间", "发文日期", "成文日期"];

/// The publication date: a labelled date in the page head (`发布时间: 2015年03月20日`),
/// else a line just below the title that starts with a date (`2018-03-15 来源: 本网`,
/// `[2018-03-15]`),
/// else the date under the signature at the end.
pub(super) fn find_published(text: &str, head: &Head) -> Option<Date> {
    // The labelled date of the highest label (发布 before 成文), the first such.
    let mut best: Option<(usize, Date)> = None;
    for (i, raw) in head.raw.iter().enumerate() {
        // Every label ends in 日期 or 时间.
        if !raw.contains(['期', '间']) {
            continue;
        }
        let line = head.line(i);
        for (rank, label) in PUBLISHED_LABELS.iter().enumerate() {
            if best.is_some_and(|(r, _)| r <= rank) {
                break;
            }
            let Some(p) = line.first(label) else { continue };
            // `日期` of `成文日期` is the writing's date, ranked as that.
            if label.len() == "日期".len() && ["成文", "发文"].iter().any(|w| line[..p].ends_with(w)) {
                continue;
            }
            // `发文日期 | 2018-02-28 |`: the date in the cell after its label's.
            let rest = line[p + label.len()..].trim_start_matches([':', '|']);
            let spaced = after_spaced(raw, label).and_then(first_token_date);
            if let Some(d) = spaced.or_else(|| parse_date(rest)) {
                best = Some((rank, d));
            }
        }
        // `发布奀间:2025年2月26日`: a publication label one character of which a
        // wrong reading of the page's bytes made another.
        if best.is_none_or(|(r, _)| r > 0) {
            if let Some(d) = after_garbled_label(line).and_then(parse_date) {
                best = Some((0, d));
            }
        }
    }
    // A date of writing (成文日期) gives way to a date printed alone under the title.
    let written = PUBLISHED_LABELS.iter().position(|l| *l == "发文日期").unwrap_or(PUBLISHED_LABELS.len());
    match best {
        Some((rank, d)) if rank < written => return Some(d),
        _ => {}
    }
    // `[2018-03-15]`: some pages bracket the date.
    let squashed_date = |l: &str| parse_date(l.trim_start_matches(['[', '(', '【']));
    let date = |i: usize| first_token_date(head.raw[i]).or_else(|| squashed_date(head.line(i)));
    if let Some((title_at, _)) = title_line(head) {
        // The page's particulars and the title printed again are passed over;
        // below the title, or below it printed again (a flip-book's page, a
        // site's chrome, then the document's own title and its date).
        let below = |at: usize| {
            let lines = head.lines().enumerate().skip(at + 1);
            lines.filter(|(_, l)| !l.contains('|') && !is_title(l)).take(3).find_map(|(i, _)| date(i))
        };
        // Every title ending has 报: most lines are turned away unsquashed.
        let near = head.len().min(title_at + 1 + REPEAT_LINES);
        // (Under an attachment's label too: `附件1:…年度报告`, after the notice that publishes it.)
        let again =
            (title_at + 1..near).filter(|&i| head.raw[i].contains('报') && is_title(without_label(head.line(i))));
        if let Some(d) = std::iter::once(title_at).chain(again).find_map(below) {
            return Some(d);
        }
        // A date alone on the line right above the title (`[2023-02-04]`, a page clipped).
        if let Some(d) = title_at.checked_sub(1).filter(|&i| date_alone(head.raw[i])).and_then(date) {
            return Some(d);
        }
    } else {
        // A page scraped without its title, a date alone at its top.
        let top = head.lines().enumerate().take(3).filter(|(_, l)| l.chars().count() <= 20);
        if let Some(d) = top.map(|(i, _)| i).find_map(date) {
            return Some(d);
        }
    }
    if let Some((_, d)) = best {
        return Some(d);
    }
    // The date under the signature: a line of its own among the last few.
    last_lines(text).iter().find_map(|l| parse_date(l).filter(|_| l.chars().count() <= DATE_LINE))
}

/// The last lines of a text with something on them, the last first, whitespace
/// taken out: those that hold a number alone or one character left out (the
/// cells of a table plain `pdftotext` prints after the page's end, `0`, `尚`,
/// `未`, below the signature). Where that table's labels are printed there
/// too, a few characters a line (`(四)无` / `法提供` / `1.本机关不掌握`), the
/// lines from the date alone above them up.
pub(super) fn last_lines(text: &str) -> Vec<String> {
    let debris = |l: &str| l.chars().count() == 1 || l.chars().all(|c| c.is_ascii_digit());
    let lines = || text.lines().rev().map(squash).filter(|l| !l.is_empty() && !debris(l));
    let mut pieces = lines().take(MAX_PIECES).take_while(|l| l.chars().count() <= DATE_LINE);
    let signed = pieces.position(|l| parse_date(&l).is_some()).unwrap_or(0);
    lines().skip(signed).take(LAST_LINES).map(|l| l.into_owned()).collect()
}

/// How many of the last lines hold a signature and its date.
const LAST_LINES: usize = 8;

/// The most characters of a line that dates a signature, and of a piece of a
/// label a table's narrow column prints a line.
pub(super) const DATE_LINE: usize = 12;

/// The most pieces of a table's labels looked past for the signature's date.
const MAX_PIECES: usize = 120;

/// Lines below the title where a page prints it again (after its chrome).
const REPEAT_LINES: usize = 8;

/// A date at the start of `s`: `2015-03-20`, `2015/3/20`, `2015.3.20` or `2015年3月20日`.
pub fn parse_date(s: &str) -> Option<Date> {
    if s.starts_with(|c: char| !c.is_ascii_digit() && digit(c).is_some()) {
        return chinese_date(s);
    }
    let mut nums = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c.is_ascii_digit() {
            // A month or a day has two digits at most: `2019-01-0410:25` is a
            // date and a time with the space between them taken out.
            if !nums.is_empty() && cur.len() == 2 {
                break;
            }
            cur.push(c);
            continue;
        }
        if cur.is_empty() {
            break;
        }
        nums.push(cur.parse::<u32>().ok()?);
        cur.clear();
        if nums.len() == 3 {
            break;
        }
        // (Dashes of every width: `2021–01–05` as some pages type it.)
        if !matches!(c, '-' | '/' | '.' | '年' | '月' | '\u{2010}' | '\u{2011}' | '\u{2013}' | '\u{2212}') {
            break;
        }
    }
    if !cur.is_empty() && nums.len() < 3 {
        nums.push(cur.parse().ok()?);
    }
    match nums.as_slice() {
        [y, m, d, ..] if (1990..=2100).contains(y) => Date::new(*y as i32, *m, *d),
        _ => None,
    }
}

/// A date in Chinese numerals, as signatures print it: `二〇一五年三月二十日`.
pub(super) fn chinese_date(s: &str) -> Option<Date> {
    let year: String = s.chars().take(4).map(digit).collect::<Option<_>>()?;
    let rest = s.char_indices().nth(4).map(|(i, _)| &s[i..])?.strip_prefix('年')?;
    let (month, rest) = rest.split_once('月')?;
    let (day, _) = rest.split_once('日')?;
    let part = |p: &str| crate::extract::numerals::chinese(p).and_then(|n| u32::try_from(n).ok());
    Date::new(year.parse().ok()?, part(month)?, part(day)?)
}
