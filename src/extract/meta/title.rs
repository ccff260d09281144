//! The report's title: the line of the head that names a report, joined with
//! the line above where a title was broken over two; and whether a text is
//! about reports rather than one of them.

use std::borrow::Cow;

use super::agency::{agency_from_title, names_an_agency, without_year};
use super::dates::{digit, infer_year, year_in};
use super::{Head, TITLE_LINES};
use crate::extract::unwrap;
use crate::normalize::{squash, Search};

/// Suffixes that end a report title; the agency is what stands before them.
pub(super) const TITLE_ENDINGS: &[&str] = &[
    // Before the endings they end with: `…2016年政务信息公开年度报告` names no 政务.
    "政府信息与政务公开工作年度报告",
    "政务信息公开工作年度报告",
    "政务信息公开年度报告",
    // `…人民政府关于2015年政府信息公开工作的年度报告`
    "政府信息公开工作的年度报告",
    "信息公开工作的年度报告",
    "政府信息公开工作年度报告",
    "政府信息公开年度报告",
    "信息公开工作年度报告",
    "政务公开工作年度报告",
    "政务公开年度报告",
    "信息公开年度报告",
    // `…2019年度政府信息公开工作报告`: the 年度 went before the subject.
    "政府信息公开工作报告",
    "信息公开工作报告",
    // `某某市交通运输局2016年度政府信息公开工作情况报告`
    "政府信息公开工作情况报告",
    "信息公开工作情况报告",
    // `某某市审计局关于2016年度政府信息公开工作情况的报告`
    "政府信息公开工作情况的报告",
    "信息公开工作情况的报告",
    "政府信息公开工作的报告",
    "信息公开工作的报告",
    // `关于2022年度政府信息公开情况的报告`
    "政府信息公开情况的报告",
    "信息公开情况的报告",
    "政府信息公开情况报告",
    "信息公开情况报告",
    // `某某县2016年度政府信息公开年度工作报告`
    "政府信息公开年度工作报告",
    "信息公开年度工作报告",
    // `某某区2015年政府信息公开年报`; alone, as a site's section, no title.
    "政府信息公开年报",
    "信息公开年报",
    "政务公开年报",
];

/// Where a title's ending starts, and the ending: one of [`TITLE_ENDINGS`], or
/// one with the year inside it (`…政府信息公开工作2016年度报告`).
pub(super) fn ending_in(l: &str) -> Option<(usize, &'static str)> {
    // Every ending ends in 报告 or 年报: a line without 报 has none.
    if !l.contains('报') {
        return None;
    }
    if let Some(found) = TITLE_ENDINGS.iter().find_map(|e| l.first(e).map(|p| (p, *e))) {
        return Some(found);
    }
    for (lead, ending) in [("政府信息公开工作", "政府信息公开工作年度报告"), ("信息公开工作", "信息公开工作年度报告")] {
        let Some(p) = l.first(lead) else { continue };
        let rest = &l[p + lead.len()..];
        let digits = rest.chars().take_while(|&c| digit(c).is_some()).count();
        let after = rest.char_indices().nth(digits).map_or("", |(i, _)| &rest[i..]);
        if digits == 4 && (after.starts_with("年度报告") || after.starts_with("年报告")) {
            return Some((p, ending));
        }
    }
    None
}

/// Endings that make a title only after a name or a year: alone they name a
/// section of a site (`首页 > 政府信息公开年报`).
pub(super) const SECTION_NAMES: &[&str] = &["政府信息公开年报", "信息公开年报", "政务公开年报", "政务公开年度报告"];

/// Lines that begin running text, never a title.
pub(super) const NOT_TITLE_STARTS: &[&str] = &["按照", "根据", "依据", "现公布", "本报告", "当前位置", "为"];

/// How many lines below an undated title the document's dated title may be.
const DATED_REACH: usize = 4;

#[cfg(test)]
pub(super) fn find_title(head: &Head) -> Option<String> {
    find_title_in(head, None)
}

/// The report's title line: the first title line, but where the head lists
/// reports of several years (a site's list of the agency's reports, printed
/// above the document), the title the page's own title (`page_title`) names,
/// else the one that stands apart from the list, else the one of the year the
/// text speaks of.
fn own_title_line<'h>(head: &'h Head, page_title: Option<&str>) -> Option<(usize, Cow<'h, str>)> {
    let mut first = title_line(head)?;
    // A notice that publishes the report (`…关于印发某县2020年…年度报告的通知`) above
    // the report's own title.
    while ABOUT_REPORTS.iter().any(|w| first.1.has(w)) {
        match title_line_from(head, first.0 + 1) {
            Some(next) => first = next,
            None => break,
        }
    }
    // Most heads have one title, or none right under the first.
    if !heading_lines(head).nth(first.0 + 1).is_some_and(is_title) {
        return Some(first);
    }
    let Some(second) = title_line_from(head, first.0 + 1) else { return Some(first) };
    let mut titles = vec![first, second];
    while let Some(next) = title_line_from(head, titles[titles.len() - 1].0 + 1) {
        titles.push(next);
    }
    // Lines a list's bullet marks (`• 2018 年度…`), where some are; else adjacent
    // lines, each a title of another year.
    let bulleted = |k: usize| head.line(titles[k].0).starts_with(LIST_BULLETS);
    let some_bulleted = (0..titles.len()).any(bulleted);
    let listed = |k: usize| {
        if some_bulleted {
            return bulleted(k);
        }
        let year = year_in(&titles[k].1);
        let other = |j: usize| {
            titles[j].0.abs_diff(titles[k].0) == 1 && year_in(&titles[j].1).is_some_and(|y| Some(y) != year)
        };
        year.is_some() && ((k > 0 && other(k - 1)) || (k + 1 < titles.len() && other(k + 1)))
    };
    if !(0..titles.len()).any(listed) {
        return titles.into_iter().next();
    }
    let named = page_title.map(squash).and_then(|p| titles.iter().position(|t| p.starts_with(t.1.as_ref())));
    let apart = || (0..titles.len()).find(|&k| !listed(k));
    let spoken_of = || {
        let year = infer_year(&head.raw.join("\n"))?;
        titles.iter().position(|t| year_in(&t.1) == Some(year))
    };
    let k = named.or_else(apart).or_else(spoken_of).unwrap_or(0);
    titles.into_iter().nth(k)
}

/// [`find_title`], the page's own title (`<title>`) at hand.
pub(super) fn find_title_in(head: &Head, page_title: Option<&str>) -> Option<String> {
    let (mut at, mut line) = own_title_line(head, page_title)?;
    // A site's chrome may print the title without its year above the document's
    // own (`北京市文化局政府信息公开年度报告` / `2009年北京市文化局 政府信息公开年度报告`):
    // the dated one is the report's.
    if year_in(&line).is_none() {
        let dated = heading_lines(head)
            .enumerate()
            .skip(at + 1)
            .take(DATED_REACH)
            .find(|(_, l)| {
                is_title(l) && year_in(l).is_some() && !l.contains('|') && !ABOUT_REPORTS.iter().any(|w| l.has(w))
            });
        if let Some((below, l)) = dated {
            (at, line) = (below, Cow::Borrowed(l));
        }
    }
    let line = line.as_ref();
    // A notice that publishes the report by its title in brackets, with no title under it
    // (`关于印发《某某市统计局2023年…年度报告》的通知`): that title.
    let line = bracketed_title(line).unwrap_or(line);
    // Keep the title proper: drop anything after 年度报告 (a `(全文)` or site chrome)
    // but the year some titles give after it (`…工作年度报告(2015年度)`).
    let end = TITLE_WORDS.iter().find_map(|w| line.first(w).map(|p| p + w.len())).unwrap_or(line.len());
    let end = end + dated_brackets(&line[end..]);
    let title = &line[..end];
    if let Some(joined) = with_line_before(head, at, title) {
        return Some(joined);
    }
    if agency_from_title(title).is_none() {
        // A page that prints the bare title in its chrome and again under the
        // agency's name (`2019年度…年度报告` / … / `衡阳市国资委` / `2019年度…年度报告`).
        let repeats = heading_lines(head).enumerate().skip(at + 1).filter(|(_, l)| *l == line);
        for (again, _) in repeats {
            if let Some(joined) = with_line_before(head, again, title) {
                return Some(joined);
            }
        }
    }
    Some(title.to_string())
}

/// The report's title a notice that publishes it names in brackets
/// (`关于印发《…年度报告》的通知`).
fn bracketed_title(line: &str) -> Option<&str> {
    if !["关于印发", "关于公布", "关于发布"].iter().any(|w| line.has(w)) {
        return None;
    }
    let open = line.find('《')? + '《'.len_utf8();
    let inner = &line[open..open + line[open..].find('》')?];
    TITLE_WORDS.iter().any(|w| inner.has(w)).then_some(inner)
}

/// The title at line `at` with the line before it, where the two are one title
/// broken over two lines: `某某市人民政府办公室` / `2019年政府信息公开工作年度报告`,
/// or, as a PDF breaks a long title, `…人民政府2019年政` / `府信息公开工作年度报告`.
pub(super) fn with_line_before(head: &Head, at: usize, title: &str) -> Option<String> {
    let previous = at.checked_sub(1).and_then(|p| heading_lines(head).nth(p))?;
    // At most a printed line of the widest type (38 characters) and a little.
    let joinable = (2..=40).contains(&previous.chars().count())
        && !previous.contains(['。', ':', ',', '|'])
        && !NOT_TITLE_STARTS.iter().any(|s| previous.starts_with(s))
        && !is_title(previous);
    // The line starts with the end of a name cut by the break (one character),
    // or the line before is about as wide: the first line of a title broken by
    // the page's width is full. A title that starts with its year takes the line
    // before only where that names an agency (not a site's section, `政务公开`).
    let first = heading_lines(head).nth(at)?;
    let broken = unwrap::width(previous) + unwrap::SLACK >= unwrap::width(first);
    let joins = match agency_from_title(title).map(|a| a.chars().count()) {
        None => names_an_agency(without_year(previous)),
        Some(1) => true,
        Some(_) => broken,
    };
    (joinable && joins).then(|| format!("{previous}{title}"))
}

/// The length of a year in brackets at the start of `s` (`(2015年度)`), or 0.
pub(super) fn dated_brackets(s: &str) -> usize {
    let Some(inner) = s.strip_prefix(['(', '（']) else { return 0 };
    let Some(close) = inner.find([')', '）']).filter(|&c| c <= 18) else { return 0 };
    let close_len = inner[close..].chars().next().map_or(1, char::len_utf8);
    if year_in(&inner[..close]).is_some() {
        s.len() - inner.len() + close + close_len
    } else {
        0
    }
}

/// Marks a page prints before each item of a list (`• 2018 年度…`, a site's list
/// of the agency's reports above the document).
const LIST_BULLETS: &[char] = &['•', '·', '●', '◆', '▪', '■', '◇'];

/// The first non-blank lines, whitespace removed, without Markdown heading
/// marks, a list's bullet or a breadcrumb trail before the last `>`; of a row
/// of cells (`名称 | 某某局2014年政府信息公开年度报告 | |`), the cell that holds
/// a dated or named title.
pub(super) fn heading_lines<'h>(head: &'h Head) -> impl Iterator<Item = &'h str> + 'h {
    head.lines().take(TITLE_LINES).map(|s| {
        let s = s.rsplit(['>', '»']).next().unwrap_or(s);
        let s = if s.contains('|') { s.split('|').find(|c| titled_cell(c)).unwrap_or(s) } else { s };
        let s = without_page(s).trim_matches(|c: char| c == '#' || c == '*').trim_start_matches(LIST_BULLETS);
        without_particulars(without_label(s))
    })
}

/// The labels of the particulars a page prints after a document's title on its
/// line (`…年度报告 发布时间:2016-01-10 浏览次数:123`).
const PARTICULARS: &[&str] = &[
    "发布时间", "发布日期", "发文日期", "发布机构", "发布单位", "来源:", "信息来源", "浏览次数", "浏览量", "点击数", "阅读次数",
    "时间:", "日期:", "作者:", "字号", "【字体", "[字体",
];

static PARTICULARS_SEARCH: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    aho_corasick::AhoCorasick::new(PARTICULARS).expect("the particulars' labels make an automaton")
});

/// A line without the particulars printed after the title on it.
pub(super) fn without_particulars(s: &str) -> &str {
    // Every title ending holds 报: most lines are turned away by a byte search.
    if !s.contains('报') {
        return s;
    }
    let cut = PARTICULARS_SEARCH.find_iter(s).map(|m| m.start()).find(|&at| at > 0);
    match cut {
        Some(at) if is_title(&s[..at]) => &s[..at],
        _ => s,
    }
}

/// A line without the label of an attachment (`附件:`, `附件1:`) or a site's tag of
/// its kind (`【年度报告】`) before a title; a tag that names the agency
/// (`【某某县教育局】`) stays.
pub(super) fn without_label(s: &str) -> &str {
    if let Some(rest) = s.strip_prefix("附件") {
        let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || "一二三".contains(c));
        if let Some(title) = rest.strip_prefix([':', '：']) {
            return title;
        }
    }
    if let Some((tag, title)) = s.strip_prefix('【').and_then(|r| r.split_once('】')) {
        if ["报告", "年报", "公开"].iter().any(|w| tag.contains(w)) {
            return title;
        }
    }
    s
}

/// A line without the page number a flip-book page prints before the
/// document's title (`Page 8 - 某某局2022年…年度报告`, read squashed).
pub(super) fn without_page(s: &str) -> &str {
    let Some(rest) = s.strip_prefix("Page") else { return s };
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    match rest.strip_prefix(['-', ':']) {
        Some(title) if rest.len() < s.len() - "Page".len() => title,
        _ => s,
    }
}

/// Whether a table cell holds a title with a year or an agency in it.
pub(super) fn titled_cell(cell: &str) -> bool {
    ending_in(cell).is_some() && (year_in(cell).is_some() || agency_from_title(cell).is_some())
}

/// The index (among non-blank lines) and squashed text of the title line. Page
/// chrome such as `类目名称: 政府信息公开工作年度报告` has a `key:` and is passed over.
/// A title whose ending runs onto the next line (`…工作年度报` / `告`,
/// `…政府信息公开工作2011年` / `度报告`, `…年度报告（2019年` / `度）`, as a PDF breaks a
/// long title) is given whole.
pub(super) fn title_line<'h>(head: &'h Head) -> Option<(usize, Cow<'h, str>)> {
    title_line_from(head, 0)
}

/// [`title_line`] at or below line `from`.
fn title_line_from<'h>(head: &'h Head, from: usize) -> Option<(usize, Cow<'h, str>)> {
    let mut lines = heading_lines(head).enumerate().peekable();
    let mut before: Option<&str> = None;
    while let Some((at, line)) = lines.next() {
        // A line that goes on from one cut mid-sentence (`…市政府各委、办、` / `局(以下称
        // 市级机关)的政府信息公开年度报告基础上编写`) is a printed line of a paragraph.
        let goes_on = before.is_some_and(|b| b.ends_with([',', '、', ';', '(', '《', '“']));
        before = Some(line);
        if at < from || goes_on {
            continue;
        }
        let next = lines.peek().map(|&(_, next)| next).filter(|next| next.chars().count() <= MAX_RUN_ON);
        if let Some(title) = run_into_sentence(line) {
            return Some((at, Cow::Borrowed(title)));
        }
        if is_title(line) {
            // The year in brackets after the ending, its bracket closed on the next line.
            let ending_end = TITLE_WORDS.iter().find_map(|w| line.first(w).map(|p| p + w.len()));
            let open = ending_end.is_some_and(|end| line[end..].starts_with(['(', '（']) && !line[end..].contains([')', '）']));
            // Or the bracket on a line of its own.
            let below = ending_end == Some(line.len()) && next.is_some_and(|n| !n.is_empty() && dated_brackets(n) == n.len());
            if let Some(next) = next.filter(|_| open || below) {
                return Some((at, Cow::Owned(format!("{line}{next}"))));
            }
            return Some((at, Cow::Borrowed(line)));
        }
        let Some(next) = next else { continue };
        let joined = format!("{line}{next}");
        if is_title(&joined) && (ending_split(line, next) || ending_crosses(&joined, line.len())) {
            return Some((at, Cow::Owned(joined)));
        }
    }
    None
}

/// A title run on into the report's first sentence, as a page copied without
/// its line breaks gives it (`安镇街道2024年政府信息公开工作年度报告根据《条例》…`):
/// the line up to its title's words where a sentence's lead follows them.
fn run_into_sentence(line: &str) -> Option<&str> {
    let end = TITLE_WORDS.iter().filter_map(|w| line.first(w).map(|p| p + w.len())).min()?;
    let leads = NOT_TITLE_STARTS.iter().any(|s| line[end..].starts_with(s));
    (leads && is_title(&line[..end])).then(|| &line[..end])
}

/// The words a title proper ends with (what follows them is chrome, but a year
/// in brackets).
pub(super) const TITLE_WORDS: &[&str] = &["年度报告", "工作报告", "情况报告", "年报", "的报告"];

/// Whether the ending of the title `joined` starts before byte `at` and ends
/// after it: a line break inside the ending.
pub(super) fn ending_crosses(joined: &str, at: usize) -> bool {
    let Some((start, _)) = ending_in(joined) else { return false };
    let end = TITLE_WORDS.iter().filter_map(|w| joined[start..].first(w).map(|p| start + p + w.len())).min();
    start < at && end.is_some_and(|end| end > at)
}

/// Whether a line (whitespace removed) reads as a report's title.
pub(super) fn is_title(l: &str) -> bool {
    let n = l.chars().count();
    (6..=80).contains(&n)
        && ending_in(l).is_some()
        && !SECTION_NAMES.iter().any(|s| l.starts_with(s))
        && !l.contains(['。', ':', '|'])
        && !NOT_TITLE_STARTS.iter().any(|s| l.starts_with(s))
}

/// Words of a title about the reports rather than one of them: a notice on
/// writing them (`关于做好2020年度政府信息公开工作年度报告编制发布工作的通知`), a
/// reply on how to fill them in (`…年度报告有关项目填报问题的解释`).
pub(super) const ABOUT_REPORTS: &[&str] = &["关于做好", "关于印发", "关于报送", "关于编制", "关于开展", "通知", "解释", "的函", "意见"];

/// The titles in the head of a page that lists reports.
pub(super) const LISTED_TITLES: usize = 3;

/// Whether the text is about annual reports without being one: its title is a
/// notice's or a reply's, or its head lists several reports (a site's index).
pub fn about_reports(text: &str) -> bool {
    let head = Head::of(text);
    if in_articles(&head) {
        return true;
    }
    let Some((at, title)) = title_line(&head) else { return false };
    // The notice's title may go on below (`关于政府信息公开工作年度报告` / `有关事项的通知`).
    let below = heading_lines(&head).nth(at + 1).filter(|l| l.chars().count() <= 20 && !l.contains('。')).unwrap_or("");
    if ABOUT_REPORTS.iter().any(|w| title.has(w) || below.has(w)) {
        return true;
    }
    let mut titles: Vec<&str> = heading_lines(&head).filter(|l| is_title(l)).collect();
    titles.sort_unstable();
    titles.dedup();
    titles.len() >= LISTED_TITLES
}

/// Whether the head is written in articles, as rules on the reports are
/// (`第一条 局各科室…应…将政府信息公开年度报告报…`, `第二条 报告的内容`): its
/// first and second at the start of their lines. (`第二十条第(一)项`, 表二's
/// heading, names an article of the regulations, not one of its own.)
fn in_articles(head: &Head) -> bool {
    let article = |l: &str| {
        let rest = l.strip_prefix('第')?;
        let end = rest.find('条')?;
        let after = &rest[end + '条'.len_utf8()..];
        let n = crate::extract::numerals::chinese(&rest[..end])?;
        (!after.is_empty() && !after.starts_with('第')).then_some(n)
    };
    let articles: Vec<u64> = head.lines().filter_map(article).collect();
    articles.contains(&1) && articles.contains(&2)
}

/// Words of a title that offers a model to write reports after, not one
/// agency's report (`政府信息公开年度工作报告范文`).
pub const MODEL_WORDS: &[&str] = &["范文", "模板", "范本", "样本"];

/// Whether the text's title offers a model report (a document-sharing site's
/// 范文, its agency and year left blank), not one agency's report.
pub fn model_text(text: &str) -> bool {
    let head = Head::of(text);
    title_line(&head).is_some_and(|(_, title)| MODEL_WORDS.iter().any(|w| title.has(w)))
}

/// What a page on part of a year says after the year (`2022年上半年`, `2023年第一季度`).
const PART_YEAR: &[&str] = &["上半年", "下半年", "季度", "1-6月", "1-9月", "1至6月", "1至9月", "月份"];

/// Whether the head of an untitled page names its subject as the open
/// government information work of part of a year (`2022年上半年政府信息公开数据统计`):
/// a half-year's or a quarter's statistics, no annual report.
pub fn part_year(text: &str) -> bool {
    let head = Head::of(text);
    // The first short line that names the subject decides (a list of links
    // further down may name a half-year's page beside the report).
    let subject = heading_lines(&head).find(|l| {
        let short = l.chars().count() <= 40 && !l.contains(['。', ',', ';']);
        short && (l.has("政府信息公开") || l.has("政务公开"))
    });
    subject.is_some_and(names_part_year)
}

/// Whether `line` names part of a year after the year: `2022年上半年`,
/// `2023年第一季度`, `2023年前三季度`.
pub fn names_part_year(line: &str) -> bool {
    PART_YEAR.iter().any(|w| {
        line.first(w).is_some_and(|p| {
            let before = line[..p].trim_end_matches(['第', '前', '一', '二', '三', '四']);
            before.strip_suffix('年').and_then(|y| y.chars().last()).is_some_and(|c| digit(c).is_some())
        })
    })
}

/// Whether a title's ending runs from the end of `line` onto `next`: broken
/// inside it (`…工作年度报` / `告`), or just before it after the year (`…2010年` /
/// `政府信息公开年报`). A line over a title or over a site's section of its own
/// (`导航` / `政府信息公开年报`) does not.
pub(super) fn ending_split(line: &str, next: &str) -> bool {
    // Every ending ends in 告 or 报, and its last character is on the next line.
    if !next.contains(['告', '报']) {
        return false;
    }
    let year_end = line.trim_end_matches('度').strip_suffix('年').and_then(|l| l.chars().last());
    let dated = year_end.and_then(digit).is_some();
    let last = line.chars().next_back();
    TITLE_ENDINGS.iter().any(|e| {
        // Cut after each character of the ending that is the line's last.
        let inside = e.char_indices().any(|(k, c)| {
            let cut = k + c.len_utf8();
            Some(c) == last && cut < e.len() && line.ends_with(&e[..cut]) && next.starts_with(&e[cut..])
        });
        inside || (dated && next.starts_with(e))
    })
}

/// The most characters of a title carried onto the next line.
pub(super) const MAX_RUN_ON: usize = 30;
