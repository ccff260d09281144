//! Report metadata read from the text: title, agency, year, publication date.

use std::borrow::Cow;

use crate::normalize::Search;
use crate::load::Hints;
use crate::normalize::squash;
use crate::report::{Date, Report};

use super::unwrap;

/// Suffixes that end a report title; the agency is what stands before them.
const TITLE_ENDINGS: &[&str] = &[
    // `…人民政府关于2015年政府信息公开工作的年度报告`
    "政府信息公开工作的年度报告",
    "信息公开工作的年度报告",
    "政府信息公开工作年度报告",
    "政府信息公开年度报告",
    "信息公开工作年度报告",
    "政务公开工作年度报告",
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
    // `某某县2016年度政府信息公开年度工作报告`
    "政府信息公开年度工作报告",
    "信息公开年度工作报告",
    // `某某区2015年政府信息公开年报`; alone, as a site's section, no title.
    "政府信息公开年报",
    "信息公开年报",
];

/// Where a title's ending starts, and the ending: one of [`TITLE_ENDINGS`], or
/// one with the year inside it (`…政府信息公开工作2016年度报告`).
fn ending_in(l: &str) -> Option<(usize, &'static str)> {
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
const SECTION_NAMES: &[&str] = &["政府信息公开年报", "信息公开年报"];

/// Lines that begin running text, never a title.
const NOT_TITLE_STARTS: &[&str] = &["按照", "根据", "依据", "现公布", "本报告", "当前位置", "为"];

/// Fills title, agency, year and published where the text states them; the
/// page title stands in for a missing one, and the manifest's values win.
pub fn read(text: &str, hints: &Hints, report: &mut Report) {
    let head = Head::of(text);
    let page_title = hints.title.as_deref().filter(|t| ending_in(t).is_some());
    report.title = find_title(&head).or_else(|| page_title.map(|t| {
        let end = t.find("年度报告").map_or(t.len(), |p| p + "年度报告".len());
        squash(&t[..end]).into_owned()
    }));
    if let Some(title) = &report.title {
        report.year = year_in(title);
        report.agency = agency_from_title(title);
    } else {
        report.flag("title_missing", "no line reads as the report's title");
        if let Some(agency) = agency_in_sentence(&head) {
            report.flag("agency_inferred", format!("agency `{agency}` read from a sentence that names the report"));
            report.agency = Some(agency);
        } else if let Some((agency, selfref)) = infer_agency(text) {
            report.flag("agency_inferred", format!("agency `{agency}` read from the body, which calls itself {selfref}"));
            report.agency = Some(agency);
        } else if let Some(agency) = compiled_by(&head) {
            report.flag("agency_inferred", format!("agency `{agency}` read from the sentence that says who wrote the report"));
            report.agency = Some(agency);
        }
    }
    if report.agency.is_none() && report.title.is_some() {
        // The title names no agency: the report's signature names it, else a
        // sentence that names the report, the page's publisher, the site.
        let found = signed_agency(text)
            .map(|a| (a, "the signature under the report"))
            .or_else(|| agency_in_sentence(&head).map(|a| (a, "a sentence that names the report")))
            .or_else(|| publisher(&head).map(|a| (a, "the page's 发布机构")))
            .or_else(|| hints.site.clone().map(|a| (a, "the site's name")));
        if let Some((agency, source)) = found {
            report.flag("agency_inferred", format!("the title names no agency: `{agency}` from {source}"));
            report.agency = Some(agency);
        }
    }
    if report.year.is_none() {
        if let Some(y) = infer_year(text) {
            report.year = Some(y);
            report.flag("year_inferred", format!("year {y} read from the body, not the title"));
        }
    }
    report.published = find_published(text, &head).or_else(|| hints.published.as_deref().and_then(parse_date));
    if let Some(m) = &hints.manifest {
        if let Some(agency) = &m.agency {
            report.agency = Some(squash(agency).into_owned());
            report.unflag("agency_inferred");
        }
        if let Some(year) = m.year {
            report.year = Some(year);
            report.unflag("year_inferred");
        }
        report.published = m.published.or(report.published);
        report.url = m.url.clone();
    }
}

/// The first non-blank lines of a text, whitespace removed (each when first
/// read): where the title and the publication date are looked for.
struct Head<'a> {
    raw: Vec<&'a str>,
    squashed: Vec<std::cell::OnceCell<String>>,
}

impl<'a> Head<'a> {
    /// Lines looked at for a date; the first [`TITLE_LINES`] for a title.
    const LINES: usize = 60;

    fn of(text: &'a str) -> Head<'a> {
        let raw: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(Self::LINES).collect();
        let squashed = raw.iter().map(|_| std::cell::OnceCell::new()).collect();
        Head { raw, squashed }
    }

    fn len(&self) -> usize {
        self.raw.len()
    }

    /// Line `i` without whitespace.
    fn line(&self, i: usize) -> &str {
        self.squashed[i].get_or_init(|| squash(self.raw[i]).into_owned())
    }

    fn lines(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.line(i))
    }
}

/// Lines looked at for a title.
const TITLE_LINES: usize = 40;

fn find_title(head: &Head) -> Option<String> {
    let (at, line) = title_line(head)?;
    let line = line.as_ref();
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

/// The title at line `at` with the line before it, where the two are one title
/// broken over two lines: `某某市人民政府办公室` / `2019年政府信息公开工作年度报告`,
/// or, as a PDF breaks a long title, `…人民政府2019年政` / `府信息公开工作年度报告`.
fn with_line_before(head: &Head, at: usize, title: &str) -> Option<String> {
    let previous = at.checked_sub(1).and_then(|p| heading_lines(head).nth(p))?;
    // At most a printed line of the widest type (38 characters) and a little.
    let joinable = (2..=40).contains(&previous.chars().count())
        && !previous.contains(['。', ':', ',', '|'])
        && !NOT_TITLE_STARTS.iter().any(|s| previous.starts_with(s));
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
fn dated_brackets(s: &str) -> usize {
    let Some(inner) = s.strip_prefix(['(', '（']) else { return 0 };
    let Some(close) = inner.find([')', '）']).filter(|&c| c <= 18) else { return 0 };
    let close_len = inner[close..].chars().next().map_or(1, char::len_utf8);
    if year_in(&inner[..close]).is_some() {
        s.len() - inner.len() + close + close_len
    } else {
        0
    }
}

/// The first non-blank lines, whitespace removed, without Markdown heading marks
/// or a breadcrumb trail before the last `>`; of a row of cells (`名称 | 某某局2014年
/// 政府信息公开年度报告 | |`), the cell that holds a dated or named title.
fn heading_lines<'h>(head: &'h Head) -> impl Iterator<Item = &'h str> + 'h {
    head.lines().take(TITLE_LINES).map(|s| {
        let s = s.rsplit(['>', '»']).next().unwrap_or(s);
        let s = if s.contains('|') { s.split('|').find(|c| titled_cell(c)).unwrap_or(s) } else { s };
        without_page(s).trim_matches(|c: char| c == '#' || c == '*')
    })
}

/// A line without the page number a flip-book page prints before the
/// document's title (`Page 8 - 某某局2022年…年度报告`, read squashed).
fn without_page(s: &str) -> &str {
    let Some(rest) = s.strip_prefix("Page") else { return s };
    let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    match rest.strip_prefix(['-', ':']) {
        Some(title) if rest.len() < s.len() - "Page".len() => title,
        _ => s,
    }
}

/// Whether a table cell holds a title with a year or an agency in it.
fn titled_cell(cell: &str) -> bool {
    ending_in(cell).is_some() && (year_in(cell).is_some() || agency_from_title(cell).is_some())
}

/// The index (among non-blank lines) and squashed text of the title line. Page
/// chrome such as `类目名称: 政府信息公开工作年度报告` has a `key:` and is passed over.
/// A title whose ending runs onto the next line (`…工作年度报` / `告`,
/// `…政府信息公开工作2011年` / `度报告`, `…年度报告（2019年` / `度）`, as a PDF breaks a
/// long title) is given whole.
fn title_line<'h>(head: &'h Head) -> Option<(usize, Cow<'h, str>)> {
    let mut lines = heading_lines(head).enumerate().peekable();
    while let Some((at, line)) = lines.next() {
        let next = lines.peek().map(|&(_, next)| next).filter(|next| next.chars().count() <= MAX_RUN_ON);
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

/// The words a title proper ends with (what follows them is chrome, but a year
/// in brackets).
const TITLE_WORDS: &[&str] = &["年度报告", "工作报告", "情况报告", "年报", "的报告"];

/// Whether the ending of the title `joined` starts before byte `at` and ends
/// after it: a line break inside the ending.
fn ending_crosses(joined: &str, at: usize) -> bool {
    let Some((start, _)) = ending_in(joined) else { return false };
    let end = TITLE_WORDS.iter().filter_map(|w| joined[start..].first(w).map(|p| start + p + w.len())).min();
    start < at && end.is_some_and(|end| end > at)
}

/// Whether a line (whitespace removed) reads as a report's title.
fn is_title(l: &str) -> bool {
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
const ABOUT_REPORTS: &[&str] = &["关于做好", "关于印发", "关于报送", "关于编制", "关于开展", "通知", "解释", "的函", "意见"];

/// The titles in the head of a page that lists reports.
const LISTED_TITLES: usize = 3;

/// Whether the text is about annual reports without being one: its title is a
/// notice's or a reply's, or its head lists several reports (a site's index).
pub fn about_reports(text: &str) -> bool {
    let head = Head::of(text);
    let Some((_, title)) = title_line(&head) else { return false };
    if ABOUT_REPORTS.iter().any(|w| title.has(w)) {
        return true;
    }
    let mut titles: Vec<&str> = heading_lines(&head).filter(|l| is_title(l)).collect();
    titles.sort_unstable();
    titles.dedup();
    titles.len() >= LISTED_TITLES
}

/// Whether a title's ending runs from the end of `line` onto `next`: broken
/// inside it (`…工作年度报` / `告`), or just before it after the year (`…2010年` /
/// `政府信息公开年报`). A line over a title or over a site's section of its own
/// (`导航` / `政府信息公开年报`) does not.
fn ending_split(line: &str, next: &str) -> bool {
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
const MAX_RUN_ON: usize = 30;

/// How a report refers to its own agency: `我局`, `本委`, `我镇`. The character
/// after 我/本 is the kind of body the agency's name ends with.
const SELF_KINDS: &[&str] = &["局", "委", "厅", "办", "院", "署", "中心", "镇", "乡", "街道", "区", "县", "市", "省", "馆", "所", "站", "会"];

/// Self-references of a division's own government (`我区`, `本镇`).
const AREA_KINDS: &[&str] = &["镇", "乡", "街道", "区", "县", "市", "省"];

/// The agency of an untitled report: the name, from an official division name to
/// the body's kind (`赣州市住房和城乡建设局` for a report that says 我局), that the
/// text uses most often. Returns it with the self-reference it rests on.
fn infer_agency(text: &str) -> Option<(String, String)> {
    let s = squash(text);
    let kind = SELF_KINDS
        .iter()
        .map(|k| (["我", "本"].iter().map(|p| s.matches(&format!("{p}{k}")).count()).sum::<usize>(), *k))
        .filter(|(n, _)| *n > 0)
        .max_by_key(|(n, _)| *n)?
        .1;
    let mut counts: rustc_hash::FxHashMap<String, usize> = Default::default();
    for m in crate::region::table().mentions(&s, true) {
        let rest = &s[m.start..];
        let window: String = rest.chars().take(25).collect();
        let Some(end) = window.first(kind) else { continue };
        let candidate = &window[..end + kind.len()];
        let clean = candidate.chars().all(|c| !c.is_ascii_punctuation() && !"《》、,。;:“”()".contains(c));
        if clean && candidate.chars().count() > kind.chars().count() + 2 {
            *counts.entry(candidate.to_string()).or_insert(0) += 1;
        } else if clean && AREA_KINDS.contains(&kind) && end + kind.len() == m.end - m.start {
            // `我区` of a division's own government: the division's name is the
            // candidate, its government where the text names it (`秦淮区人民政府`,
            // `某某街道办事处`).
            let government = ["人民政府", "办事处"].iter().map(|g| format!("{candidate}{g}")).find(|g| s.has(g));
            let name = government.unwrap_or_else(|| candidate.to_string());
            *counts.entry(name).or_insert(0) += 1;
        }
    }
    let best = counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(a.0.len().cmp(&b.0.len())).then(b.0.cmp(&a.0)))?;
    Some((best.0, format!("我{kind}/本{kind}")))
}

/// Words after which a sentence names the agency whose report it is: `现公布泰州市人民
/// 政府2017年…年度报告`, `由北京市信访办编制的2009年度…年度报告`.
const NAMING_LEADS: &[&str] = &["现公布", "公布", "现将", "发布", "由", ",", ":", "《"];

/// The agency of an untitled report, from a sentence of its head that names the
/// report with its year: the name between a lead word and the year.
fn agency_in_sentence(head: &Head) -> Option<String> {
    for line in head.lines().take(TITLE_LINES) {
        for sentence in line.split(['。', ';']) {
            let Some(end) = TITLE_ENDINGS.iter().filter_map(|e| sentence.first(e)).min() else { continue };
            let before = &sentence[..end];
            let before = before.strip_suffix('度').unwrap_or(before);
            let Some(before) = before.strip_suffix('年') else { continue };
            let digits = before.chars().rev().take(4).filter(|&c| digit(c).is_some()).count();
            if digits < 4 {
                continue;
            }
            let before = &before[..before.char_indices().rev().nth(3).map_or(0, |(i, _)| i)];
            let before = ["编制的", "编制", "的"].iter().find_map(|w| before.strip_suffix(w)).unwrap_or(before);
            let start = NAMING_LEADS.iter().filter_map(|w| before.rfind(w).map(|i| i + w.len())).max().unwrap_or(0);
            let name = &before[start..];
            let n = name.chars().count();
            if (3..=40).contains(&n) && names_an_agency(name) {
                return Some(name.to_string());
            }
        }
    }
    None
}

/// Words after the name of whoever wrote the report, in `本报告由某某局根据…编制`.
const COMPILED_WORDS: &[&str] = &["根据", "依据", "按照", "综合", "汇总", "编制", "编写", "负责"];

/// The agency of an untitled report from the sentence that says who wrote it:
/// `本报告由国家统计局深圳调查队根据《条例》要求编制`.
fn compiled_by(head: &Head) -> Option<String> {
    head.lines().take(TITLE_LINES).find_map(|line| {
        let sentence = &line[line.first("由")? + "由".len()..];
        let end = COMPILED_WORDS.iter().filter_map(|w| sentence.first(w)).min()?;
        let name = sentence[..end].trim_end_matches(['(', ')', '《']);
        let plain = !name.contains(['。', ',', ';', ':', '《', '》']);
        (plain && (3..=40).contains(&name.chars().count()) && names_an_agency(name)).then(|| name.to_string())
    })
}

/// Whether a name is an agency's: it starts with a division's name, or ends
/// with a kind of agency.
fn names_an_agency(name: &str) -> bool {
    const KINDS: &[&str] =
        &["局", "委", "办", "厅", "政府", "办公室", "中心", "院", "署", "会", "部", "处", "镇", "乡", "街道", "队", "行", "所", "站", "馆"];
    KINDS.iter().any(|k| name.ends_with(k))
        || crate::region::table().mentions(name, true).first().is_some_and(|m| m.start == 0)
}

/// The agency that signs the report: the line above the date at its end
/// (`德阳市旌阳区人民政府办公室` / `2023年1月30日`).
fn signed_agency(text: &str) -> Option<String> {
    let tail: Vec<String> =
        text.lines().rev().filter(|l| !l.trim().is_empty()).take(8).map(|l| squash(l).into_owned()).collect();
    let date = tail.iter().position(|l| l.chars().count() <= 12 && parse_date(l).is_some())?;
    let name = tail.get(date + 1)?;
    let plain = !name.contains(['。', ',', ':', ';', '|', '、']);
    (plain && (3..=40).contains(&name.chars().count()) && names_an_agency(name)).then(|| name.clone())
}

/// Labels a page's catalogue prints after the publisher's name, where the cells
/// ran together.
const CATALOGUE_LABELS: &[&str] = &["发布日期", "发文日期", "成文日期", "主题分类", "组配分类", "文号", "索引号", "分类"];

/// The publisher a page's catalogue names (`发布机构: 合肥市生态环境局`,
/// `发布机构 | 县政府办 |`).
fn publisher(head: &Head) -> Option<String> {
    head.raw.iter().find_map(|raw| {
        let rest = &raw[raw.find("发布机构")? + "发布机构".len()..];
        let rest = rest.trim_start_matches(|c: char| c == ':' || c == '|' || c.is_whitespace());
        let cell = rest.split(['\t', '|']).next()?.split("  ").next()?;
        let name = squash(cell);
        let end = CATALOGUE_LABELS.iter().filter_map(|l| name.find(l)).min().unwrap_or(name.len());
        let name = &name[..end];
        ((2..=40).contains(&name.chars().count()) && names_an_agency(name)).then(|| name.to_string())
    })
}

/// `s` without the year it starts with (`2024年`, `2024年度`).
fn without_year(s: &str) -> &str {
    let digits = s.chars().take_while(|&c| digit(c).is_some()).count();
    let rest = s.char_indices().nth(digits).map_or("", |(i, _)| &s[i..]);
    match rest.strip_prefix('年') {
        Some(r) if digits == 4 => r.strip_prefix('度').unwrap_or(r),
        _ => s,
    }
}

/// The first year (`2019年` or `二〇一九年`) in `s`.
pub fn year_in(s: &str) -> Option<i32> {
    let chars: Vec<char> = s.chars().collect();
    for i in 0..chars.len() {
        if i + 4 < chars.len() + 1 && chars.get(i + 4) == Some(&'年') {
            let digits: Option<String> = chars[i..i + 4].iter().map(|&c| digit(c)).collect();
            if let Some(y) = digits.and_then(|d| d.parse::<i32>().ok()) {
                let before_digit = i > 0 && digit(chars[i - 1]).is_some();
                if !before_digit && (1990..=2100).contains(&y) {
                    return Some(y);
                }
            }
        }
    }
    None
}

fn digit(c: char) -> Option<char> {
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

fn agency_from_title(title: &str) -> Option<String> {
    let ending = ending_in(title)?;
    let mut head = title[..ending.0].to_string();
    // 人民政府信息公开…: the 政府 belongs to the agency's name.
    if head.ends_with("人民") && ending.1.starts_with("政府") {
        head.push_str("政府");
    }
    // Drop the year wherever it stands: `2014年…`, `…办公室2014年`, `…2019年度`.
    let chars: Vec<char> = head.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let is_year = i + 4 < chars.len() + 1
            && chars.get(i + 4) == Some(&'年')
            && chars[i..i + 4].iter().all(|&c| digit(c).is_some());
        if is_year {
            i += 5;
            if chars.get(i) == Some(&'度') {
                i += 1;
            }
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    let out = out.trim_matches(|c: char| c.is_whitespace() || "《》\"“”【】[]".contains(c));
    // `某某局关于2019年…`: the 关于 belongs to the title, not the agency.
    let out = out.strip_suffix("关于").unwrap_or(out).to_string();
    (!out.is_empty()).then_some(out)
}

/// The year a report without a title covers: the statistics period if stated
/// (`2019年1月1日至2019年12月31日`), else the first year the body names.
fn infer_year(text: &str) -> Option<i32> {
    let s = squash(text);
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
    let head: String = s.chars().take(2000).collect();
    year_in(&head)
}

/// Labels of a page's dates, the publication's first: a page that prints the
/// date a document was written and the date it was posted is dated by the post.
const PUBLISHED_LABELS: &[&str] = &["发布时间", "发布日期", "公开日期", "日期", "时间", "发文日期", "成文日期"];

/// The publication date: a labelled date in the page head (`发布时间: 2015年03月20日`),
/// else a line just below the title that starts with a date (`2018-03-15 来源: 本网`,
/// `[2018-03-15]`),
/// else the date under the signature at the end.
fn find_published(text: &str, head: &Head) -> Option<Date> {
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
            if let Some(d) = parse_date(rest) {
                best = Some((rank, d));
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
    let date = |l: &str| parse_date(l.trim_start_matches(['[', '(', '【']));
    if let Some((title_at, _)) = title_line(head) {
        // The page's particulars and the title printed again are passed over.
        let below = head.lines().skip(title_at + 1).filter(|l| !l.contains('|') && !is_title(l));
        if let Some(d) = below.take(3).find_map(date) {
            return Some(d);
        }
    } else if let Some(d) = head.lines().take(3).filter(|l| l.chars().count() <= 20).find_map(date) {
        // A page scraped without its title, a date alone at its top.
        return Some(d);
    }
    if let Some((_, d)) = best {
        return Some(d);
    }
    // The date under the signature: a line of its own among the last few.
    let tail: Vec<String> =
        text.lines().rev().filter(|l| !l.trim().is_empty()).take(8).map(|l| squash(l).into_owned()).collect();
    tail.iter().find_map(|l| parse_date(l).filter(|_| l.chars().count() <= 12))
}

/// A date at the start of `s`: `2015-03-20`, `2015/3/20`, `2015.3.20` or `2015年3月20日`.
pub fn parse_date(s: &str) -> Option<Date> {
    if s.starts_with(|c: char| !c.is_ascii_digit() && digit(c).is_some()) {
        return chinese_date(s);
    }
    let mut nums = Vec::new();
    let mut cur = String::new();
    let mut seps = String::new();
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
        if !matches!(c, '-' | '/' | '.' | '年' | '月') {
            break;
        }
        seps.push(c);
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
fn chinese_date(s: &str) -> Option<Date> {
    let year: String = s.chars().take(4).map(digit).collect::<Option<_>>()?;
    let rest = s.char_indices().nth(4).map(|(i, _)| &s[i..])?.strip_prefix('年')?;
    let (month, rest) = rest.split_once('月')?;
    let (day, _) = rest.split_once('日')?;
    let part = |p: &str| super::numerals::chinese(p).and_then(|n| u32::try_from(n).ok());
    Date::new(year.parse().ok()?, part(month)?, part(day)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_date_label_has_the_character_lines_are_screened_by() {
        assert!(PUBLISHED_LABELS.iter().all(|l| l.contains(['期', '间'])));
    }

    #[test]
    fn agency_drops_year_and_title_ending() {
        let a = |t: &str| agency_from_title(t).unwrap();
        assert_eq!(a("2014年通化市二道江区人民政府信息公开工作年度报告"), "通化市二道江区人民政府");
        assert_eq!(a("大雁镇2019年政府信息公开工作年度报告"), "大雁镇");
        assert_eq!(a("肇庆市人民政府办公室2014年政府信息公开工作年度报告"), "肇庆市人民政府办公室");
        assert_eq!(
            a("2017年广州市增城区人民政府朱村街道办事处政府信息公开工作年度报告"),
            "广州市增城区人民政府朱村街道办事处"
        );
        assert_eq!(a("XX市统计局2021年度政府信息公开工作年度报告"), "XX市统计局");
        assert_eq!(a("某某县人民政府2019年度政府信息公开工作报告"), "某某县人民政府");
        assert_eq!(a("某某市教育局关于2020年政府信息公开工作年度报告"), "某某市教育局");
        assert_eq!(a("某某县人民政府关于2015年政府信息公开工作的年度报告"), "某某县人民政府");
        assert_eq!(a("某某区2015年政府信息公开年报"), "某某区");
        assert_eq!(a("某某市人民政府政府信息公开工作2016年度报告"), "某某市人民政府");
        assert_eq!(a("某某县2016年度政府信息公开年度工作报告"), "某某县");
        assert_eq!(a("【某某县教育局】2016年政府信息公开工作年度报告"), "某某县教育局");
        assert_eq!(a("某某市审计局关于2016年度政府信息公开工作情况的报告"), "某某市审计局");
        assert_eq!(a("某某县人民政府2016年度政府信息公开工作的报告"), "某某县人民政府");
        let t = find_title(&Head::of("某某市审计局关于2016年度政府信息公开工作情况的报告
一、概述
"));
        assert_eq!(t.as_deref(), Some("某某市审计局关于2016年度政府信息公开工作情况的报告"));
        // The year after the title is the title's.
        let t = find_title(&Head::of("某某县财政局政府信息公开工作年度报告（2015年度）\n一、概述\n"));
        assert_eq!(t.as_deref(), Some("某某县财政局政府信息公开工作年度报告（2015年度）"));
        for head in ["某某县财政局政府信息公开工作年度报告（2015年\n度）\n", "某某县财政局政府信息公开工作年度报告\n（2015年度）\n"] {
            assert_eq!(find_title(&Head::of(head)).as_deref(), Some("某某县财政局政府信息公开工作年度报告（2015年度）"));
        }
        let t = find_title(&Head::of("某某县医疗保障局政府信息公开工作2015年\n度报告\n一、总体情况\n"));
        assert_eq!(t.as_deref(), Some("某某县医疗保障局政府信息公开工作2015年度报告"));
        let t = find_title(&Head::of("某某县财政局2015年政府信息公开工作年度报告(全文)\n"));
        assert_eq!(t.as_deref(), Some("某某县财政局2015年政府信息公开工作年度报告"));
        let t = find_title(&Head::of("某某县人民政府2019年度政府信息公开工作报告\n一、总体情况\n"));
        assert_eq!(t.as_deref(), Some("某某县人民政府2019年度政府信息公开工作报告"));
    }

    #[test]
    fn agency_of_an_untitled_report_from_its_self_reference() {
        let text = "一、总体情况\n2019年,我局认真贯彻落实《条例》和《赣州市政府信息公开规定》,\
            完善了《赣州市住房和城乡建设局信息公开保密审查制度》、《赣州市住房和城乡建设局信息公开制度》。\
            我局通过市政府网站公开信息。";
        let mut r = Report::default();
        read(text, &Hints::default(), &mut r);
        assert_eq!(r.agency.as_deref(), Some("赣州市住房和城乡建设局"));
        assert!(r.has_issue("title_missing") && r.has_issue("agency_inferred"));
        // The sentence that says who wrote the report, where the body names no division.
        let mut r = Report::default();
        read("一、总体情况\n本报告由国家统计局深圳调查队根据《条例》要求编制。\n", &Hints::default(), &mut r);
        assert_eq!(r.agency.as_deref(), Some("国家统计局深圳调查队"));
        // A division's government that calls itself 我区.
        let text = "引言\n本年报由秦淮区人民政府办公室编制。\n一、概述\n2014年我区政府信息公开工作稳步推进,我区主动公开信息。";
        let mut r = Report::default();
        read(text, &Hints::default(), &mut r);
        assert_eq!(r.agency.as_deref(), Some("秦淮区人民政府"));
        let mut r = Report::default();
        read("一、概述\n2014年,我县主动公开信息,通化县委县政府高度重视。", &Hints::default(), &mut r);
        assert_eq!(r.agency.as_deref(), Some("通化县"));
    }

    #[test]
    fn titles_over_two_lines_and_behind_breadcrumbs() {
        // (page head, the title read from it)
        let cases = [
            ("某某市人民政府办公室\n2019年政府信息公开工作年度报告\n一、总体情况", "某某市人民政府办公室2019年政府信息公开工作年度报告"),
            ("2020年通化市二道江区人民政府\n信息公开工作年度报告\n", "2020年通化市二道江区人民政府信息公开工作年度报告"),
            ("首页 > 政务公开 > 大雁镇2019年政府信息公开工作年度报告\n", "大雁镇2019年政府信息公开工作年度报告"),
            // Broken by the page's width: inside the ending, the name, the year.
            (
                "  2017年广州市增城区人民政府朱村街道办事处政府信息公开工作年度报\n  告\n  2018-03-15",
                "2017年广州市增城区人民政府朱村街道办事处政府信息公开工作年度报告",
            ),
            ("肇庆市人民政府办公室2014年政府信息公开\n工作年度报告\n", "肇庆市人民政府办公室2014年政府信息公开工作年度报告"),
            (
                "当前位置:首页\n遵义市务川仡佬族苗族自治县人民政府2019年政\n府信息公开工作年度报告\n",
                "遵义市务川仡佬族苗族自治县人民政府2019年政府信息公开工作年度报告",
            ),
            (
                "当前位置:首页\n新乡市新乡市平原城乡一体化示范区人力资源和社会保障\n局2023年政府信息公开工作年度报告\n",
                "新乡市新乡市平原城乡一体化示范区人力资源和社会保障局2023年政府信息公开工作年度报告",
            ),
            (
                "合肥市合肥新站高新技术产业开发区人民政府三\n十头街道办事处2018年政府信息公开工作年度报\n告\n",
                "合肥市合肥新站高新技术产业开发区人民政府三十头街道办事处2018年政府信息公开工作年度报告",
            ),
            (
                "红河哈尼族彝族自治州金平苗族瑶族傣族自治县市场监督管理局2011\n年政府信息公开工作年度报告\n",
                "红河哈尼族彝族自治州金平苗族瑶族傣族自治县市场监督管理局2011年政府信息公开工作年度报告",
            ),
            (
                "首页 > 政府信息公开年报\n石家庄市井陉矿区人民政府矿市街道办事处2010年\n政府信息公开年报\n",
                "石家庄市井陉矿区人民政府矿市街道办事处2010年政府信息公开年报",
            ),
            // 政府信息公开年报 alone is a site's section.
            ("当前位置:首页 > 政府信息公开年报\n某某区2015年政府信息公开年报\n", "某某区2015年政府信息公开年报"),
            (
                "首页 > 政府信息公开年报\n某某县人民政府关于2015年政府信息公开工作的年度报告\n",
                "某某县人民政府关于2015年政府信息公开工作的年度报告",
            ),
            (
                "导航|首页\n当前位置: 首页 > 政府信息公开年报\n大雁镇2019年政府信息公开工作年度报告\n",
                "大雁镇2019年政府信息公开工作年度报告",
            ),
            // A site's name over a title of its own is no part of it.
            ("某某县人民政府门户网站\n某某县财政局2019年政府信息公开工作年度报告\n", "某某县财政局2019年政府信息公开工作年度报告"),
        ];
        for (head, want) in cases {
            assert_eq!(find_title(&Head::of(head)).as_deref(), Some(want), "{head}");
        }
    }

    #[test]
    fn agency_of_an_untitled_report_from_a_sentence_that_names_it() {
        let agency = |text: &str| {
            let mut r = Report::default();
            read(text, &Hints::default(), &mut r);
            assert!(r.has_issue("title_missing"), "{text}");
            r.agency
        };
        assert_eq!(
            agency("根据《条例》规定,现公布某某市人民政府2017年政府信息公开工作年度报告。报告所列数据的统计期限自2017年1月1日起。"),
            Some("某某市人民政府".into())
        );
        assert_eq!(
            agency("本报告是根据《条例》要求,由北京市信访办编制的2009年度政府信息公开年度报告。\n一、概述\n"),
            Some("北京市信访办".into())
        );
        // No year before the report's name: no agency named.
        assert_eq!(agency("现公布本机关政府信息公开工作年度报告。\n一、概述\n"), None);
    }

    #[test]
    fn the_agency_of_a_title_that_names_none() {
        let read_agency = |text: &str| {
            let mut r = Report::default();
            read(text, &Hints::default(), &mut r);
            (r.title, r.agency, r.issues.iter().any(|i| i.code == "agency_inferred"))
        };
        // The signature under the report.
        let (title, agency, flagged) =
            read_agency("关于2022年度政府信息公开工作年度报告
一、总体情况
正文。
德阳市旌阳区人民政府办公室
2023年1月30日
");
        assert_eq!(title.as_deref(), Some("关于2022年度政府信息公开工作年度报告"));
        assert_eq!((agency.as_deref(), flagged), (Some("德阳市旌阳区人民政府办公室"), true));
        // The page's particulars, after a cell that names no agency.
        let text = "分类 | 政府信息公开年报 | 发布机构 | 本网 |
2020年度政府信息公开工作年度报告
            发布机构:合肥市生态环境局\t发布日期:2021-01-28
一、总体情况
正文。
";
        assert_eq!(read_agency(text).1.as_deref(), Some("合肥市生态环境局"));
        // A site's section above the title is no part of it; an agency is.
        let (title, agency, _) = read_agency("首页 > 政务公开
2015年度政府信息公开工作年度报告
一、总体情况
");
        assert_eq!((title.as_deref(), agency), (Some("2015年度政府信息公开工作年度报告"), None));
        let (title, agency, flagged) =
            read_agency("2024年平顶山市卫东区人民政府光华路街道办事处
政府信息公开工作年度报告
一、总体情况
");
        assert_eq!(title.as_deref(), Some("2024年平顶山市卫东区人民政府光华路街道办事处政府信息公开工作年度报告"));
        assert_eq!((agency.as_deref(), flagged), (Some("平顶山市卫东区人民政府光华路街道办事处"), false));
        // The bare title in the page's chrome, then again under the agency's name.
        let (title, agency, flagged) = read_agency(
            "某某体育官网\n2019年度政府信息公开年度报告\n发布时间:2020-01-19 来源:办公室\n字体:\n衡阳市国资委\n\
             2019年度政府信息公开年度报告\n一、总体情况\n",
        );
        assert_eq!(title.as_deref(), Some("衡阳市国资委2019年度政府信息公开年度报告"));
        assert_eq!((agency.as_deref(), flagged), (Some("衡阳市国资委"), false));
        // A repeat under a line that names no agency leaves the title as it is.
        let (title, agency, _) = read_agency("2019年度政府信息公开年度报告\n字体:大 中 小\n2019年度政府信息公开年度报告\n");
        assert_eq!((title.as_deref(), agency), (Some("2019年度政府信息公开年度报告"), None));
    }

    #[test]
    fn a_flip_book_page_s_number_is_no_part_of_the_title() {
        let mut r = Report::default();
        let text = "Page 8 - 威海市文登区信访局2022年政府信息公开工作年度报告\nP. 8\n四、行政复议情况\n";
        read(text, &Hints::default(), &mut r);
        assert_eq!(r.title.as_deref(), Some("威海市文登区信访局2022年政府信息公开工作年度报告"));
        assert_eq!(r.agency.as_deref(), Some("威海市文登区信访局"));
        assert_eq!(without_page("Pages-某某"), "Pages-某某");
    }

    #[test]
    fn title_in_a_row_of_cells() {
        let head = "名称 | 某某市政府办公室2014年政府信息公开年度报告 | ||\n类目 | 政府信息公开年度报告 |\n";
        assert_eq!(find_title(&Head::of(head)).as_deref(), Some("某某市政府办公室2014年政府信息公开年度报告"));
        assert_eq!(find_title(&Head::of("类目 | 政府信息公开工作年度报告 |\n")), None);
    }

    #[test]
    fn years_in_digits_and_chinese() {
        assert_eq!(year_in("二〇二〇年政府信息公开工作年度报告"), Some(2020));
        assert_eq!(year_in("大雁镇2019年政府"), Some(2019));
        assert_eq!(year_in("12019年"), None);
    }

    #[test]
    fn dates_in_three_forms() {
        assert_eq!(parse_date("2015-03-20 10:00"), Date::new(2015, 3, 20));
        // As the head's lines are read, without their spaces.
        assert_eq!(parse_date("2019-01-0410:25"), Date::new(2019, 1, 4));
        assert_eq!(parse_date("2019-1-410:25"), None);
        assert_eq!(parse_date("2015年3月20日"), Date::new(2015, 3, 20));
        assert_eq!(parse_date("2015/3/2"), Date::new(2015, 3, 2));
        assert_eq!(parse_date("2015-13-01"), None);
        assert_eq!(parse_date("二〇一五年三月二十日"), Date::new(2015, 3, 20));
        assert_eq!(parse_date("二○一四年十二月三十一日印发"), Date::new(2014, 12, 31));
        assert_eq!(parse_date("二〇一五年十三月一日"), None);
        assert_eq!(parse_date("三月二十日"), None);
    }

    #[test]
    fn title_and_published_from_page_chrome() {
        let text = "当前位置: 网站首页 > 政府信息公开年报\n大雁镇2019年政府信息公开工作年度报告\n发布时间:2021-01-05 来源:大雁镇\n";
        let mut r = Report::default();
        read(text, &Hints::default(), &mut r);
        assert_eq!(r.title.as_deref(), Some("大雁镇2019年政府信息公开工作年度报告"));
        assert_eq!(r.year, Some(2019));
        assert_eq!(r.published, Date::new(2021, 1, 5));
        let mut r = Report::default();
        let text = "Page 1 - 某县人民政府2020年政府信息公开工作年度报告\nP. 1\n名称 | 某县人民政府2020年政府信息公开工作年度报告 |\n\
            分类 | 政府信息公开年报 | 发布机构 | 本网 |\n某县人民政府2020年政府信息公开工作年度报告\n[2021-01-28]\n一、总体情况\n";
        read(text, &Hints::default(), &mut r);
        assert_eq!(r.published, Date::new(2021, 1, 28));
    }

    #[test]
    fn the_date_of_posting_before_the_date_of_writing() {
        let text = "某某县2019年政府信息公开工作年度报告\n成文日期:2020-01-10 发文机关:某某县人民政府\n发布日期:2020-01-15\n";
        let mut r = Report::default();
        read(text, &Hints::default(), &mut r);
        assert_eq!(r.published, Date::new(2020, 1, 15));
        let mut r = Report::default();
        read("某某县2019年政府信息公开工作年度报告\n成文日期:2020-01-10\n", &Hints::default(), &mut r);
        assert_eq!(r.published, Date::new(2020, 1, 10));
        let mut r = Report::default();
        read("某某县2019年政府信息公开工作年度报告\n成文日期:2020-01-10\n日期:2020-01-16\n", &Hints::default(), &mut r);
        assert_eq!(r.published, Date::new(2020, 1, 16));
        // A site's table of particulars: the date in the cell after its label's.
        let mut r = Report::default();
        read("某某县2019年政府信息公开工作年度报告\n发布机构 | 县政府办 | 发文日期 | 2020-02-28 |\n", &Hints::default(), &mut r);
        assert_eq!(r.published, Date::new(2020, 2, 28));
    }

    #[test]
    fn chrome_is_not_the_title_and_a_bare_date_under_it_is_published() {
        let text = "索引号:007141332/2015-00724 类目名称: 政府信息公开工作年度报告\n\
            2017年广州市增城区人民政府朱村街道办事处政府信息公开工作年度报告\n\n  2018-03-15 来源: 本网\n";
        let mut r = Report::default();
        read(text, &Hints::default(), &mut r);
        assert_eq!(r.year, Some(2017));
        assert_eq!(r.published, Date::new(2018, 3, 15));
    }

    #[test]
    fn year_from_the_statistics_period_when_untitled() {
        let mut r = Report::default();
        read("一、总体情况\n本报告统计期限自2020年1月1日起至2020年12月31日止。", &Hints::default(), &mut r);
        assert_eq!(r.year, Some(2020));
        assert!(r.has_issue("title_missing") && r.has_issue("year_inferred"));
        // The period's last day without its year; a date of writing above it.
        let mut r = Report::default();
        read("2015年3月13日\n引言\n本年报中所列数据的统计期限自2014年1月1日起至12月31日止。", &Hints::default(), &mut r);
        assert_eq!((r.year, r.published), (Some(2014), Some(Date { year: 2015, month: 3, day: 13 })));
    }
}
