//! The agency: what the title names, else the signature, a sentence that names
//! the report or says who wrote it, the page's publisher, or the name the body
//! uses for itself.

use super::dates::{digit, parse_date};
use super::title::{ending_in, heading_lines, TITLE_ENDINGS};
use super::{Head, TITLE_LINES};
use crate::normalize::{squash, Search};

/// How a report refers to its own agency: `我局`, `本委`, `我镇`. The character
/// after 我/本 is the kind of body the agency's name ends with.
pub(super) const SELF_KINDS: &[&str] =
    &["局", "委", "厅", "办", "院", "署", "部", "中心", "镇", "乡", "街道", "区", "县", "市", "省", "馆", "所", "站", "会"];

/// Self-references whose agencies' names spell the kind out: `我办` of an
/// `…办公室`, `我委` of a `…委员会`.
const SELF_KIND_WORDS: &[(&str, &str)] = &[("办", "公室"), ("委", "员会")];

/// Self-references of a division's own government (`我区`, `本镇`).
pub(super) const AREA_KINDS: &[&str] = &["镇", "乡", "街道", "区", "县", "市", "省"];

/// The agency of an untitled report: the name, from an official division name to
/// the body's kind (`赣州市住房和城乡建设局` for a report that says 我局), that the
/// text uses most often. Returns it with the self-reference it rests on.
pub(super) fn infer_agency(text: &str) -> Option<(String, String)> {
    let s = squash(text);
    let references = |k: &str| {
        let said = |p: &str| s.matches(&format!("{p}{k}")).count();
        // (`本部门` is any body's department, not a ministry's self.)
        let department = |p: &str| s.matches(&format!("{p}部门")).count();
        let not = if k == "部" { department("我") + department("本") } else { 0 };
        said("我") + said("本") - not
    };
    let kind = SELF_KINDS.iter().map(|k| (references(k), *k)).filter(|(n, _)| *n > 0).max_by_key(|(n, _)| *n)?.1;
    let mut counts: rustc_hash::FxHashMap<(String, bool), usize> = Default::default();
    // Where a name may start: a division's name, or the prefix of a central body's
    // (`国家能源局`, `中国气象局`), which names no place.
    let mentions = crate::region::table().mentions(&s, true);
    // A kind's character that starts a place's name is no kind (`安康市` `镇坪县`).
    let place_starts: rustc_hash::FxHashSet<usize> = mentions.iter().map(|m| m.start).collect();
    let places = mentions.iter().map(|m| (m.start, m.end, false));
    let central = CENTRAL_STARTS.find_overlapping_iter(s.as_ref()).map(|m| (m.start(), m.end(), true));
    // Where the last name counted ends: a division's name within it (`黄浦区` of
    // `上海市黄浦区`) is that name's, not one more of its own.
    let mut counted_to = 0;
    for (start, end_of_place, central) in places.chain(central) {
        if !central && start < counted_to {
            continue;
        }
        let rest = &s[start..];
        let window: String = rest.chars().take(40).collect();
        // A central body's name runs to the last of its kind before the clause ends
        // (`国家金融监督管理总局山东监管局`).
        let kind_at = |&end: &usize| !place_starts.contains(&(start + end));
        let found = if central {
            let punctuation = |c: char| c.is_ascii_punctuation() || "《》、,。;:“”()".contains(c);
            let clause = window.find(punctuation).unwrap_or(window.len());
            window[..clause].rfind(kind).filter(kind_at)
        } else {
            window.match_indices(kind).map(|(at, _)| at).find(kind_at)
        };
        let Some(end) = found else { continue };
        // The kind's whole word where the name goes on (`我办`: `…管理办公室`; `我委`: `…委员会`).
        let whole_kind = SELF_KIND_WORDS
            .iter()
            .find(|(k, rest)| *k == kind && window[end + kind.len()..].starts_with(rest))
            .map_or(0, |(_, rest)| rest.len());
        // A city bureau's office for a district: the name runs on to it (`杭州市公安局滨江区分局`).
        let branch = if kind == "局" { branch_len(&window[end + kind.len()..]) } else { 0 };
        let candidate = &window[..end + kind.len() + whole_kind + branch];
        let clean = candidate.chars().all(|c| !c.is_ascii_punctuation() && !"《》、,。;:“”()".contains(c));
        let area = AREA_KINDS.contains(&kind) && !central;
        let whole = end + kind.len() == end_of_place - start;
        let known = central && CENTRAL_BODIES.contains(&candidate);
        if !clean || !((area && whole) || known || candidate.chars().count() > kind.chars().count() + 2) {
            continue;
        }
        if central && (candidate.chars().count() > MAX_CENTRAL_CHARS || !names_an_agency(candidate)) {
            continue;
        }
        // `我区` of a division's own government: the division's name, with the
        // names above it where the text runs them on (`上海市长宁区`), is the
        // candidate, its government where the text names it (`秦淮区人民政府`,
        // `某某街道办事处`).
        // (Looked for once a name, after the count: a text naming its place on
        // every line would search itself once a line.)
        *counts.entry((candidate.to_string(), area)).or_insert(0) += 1;
        counted_to = start + candidate.len();
    }
    let government = |candidate: &str| ["人民政府", "办事处"].iter().map(|g| format!("{candidate}{g}")).find(|g| s.has(g));
    let mut names: rustc_hash::FxHashMap<String, usize> = Default::default();
    for ((candidate, area), n) in counts {
        let name = if area { government(&candidate).unwrap_or(candidate) } else { candidate };
        *names.entry(name).or_insert(0) += n;
    }
    let best = names.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(a.0.len().cmp(&b.0.len())).then(b.0.cmp(&a.0)));
    let best = best.map(|b| b.0).or_else(|| town_named(&s, kind))?;
    Some((best, format!("我{kind}/本{kind}")))
}

/// The characters (as bytes) of a bureau's branch named right after the
/// bureau (`滨江区分局`, `青浦分局` after `…公安局`): a name of two to six
/// characters, no punctuation, then 分局; not one of many (`各分局`, `下属分局`).
fn branch_len(rest: &str) -> usize {
    let Some(at) = rest.find("分局") else { return 0 };
    let name = &rest[..at];
    let chars = name.chars().count();
    let plain = name.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let many = ["各", "下属", "所属", "及", "和", "与", "等"].iter().any(|w| name.starts_with(w));
    if (2..=6).contains(&chars) && plain && !many { at + "分局".len() } else { 0 }
}

/// Towns' and streets' names are no divisions of the table: a body that says
/// 我镇, 我乡 or 我街道 is the town named so at the start of two clauses or
/// more (`,小营街道秉持…`), more often than any other, its government where
/// the text names it (`小营街道办事处`).
fn town_named(s: &str, kind: &str) -> Option<String> {
    if !["镇", "乡", "街道"].contains(&kind) {
        return None;
    }
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (at, _) in s.match_indices(kind) {
        let before = &s[..at];
        // The name: two to four characters after a clause's start (a stop, or a year's 年 after its digits).
        let name_start = before.char_indices().rev().take(5).find(|&(i, c)| {
            let prev = before[..i].chars().next_back();
            !han(c) || (c == '年' && prev.is_some_and(|p| p.is_ascii_digit()))
        });
        let Some((i, c)) = name_start else { continue };
        let name = &before[i + c.len_utf8()..];
        let chars = name.chars().count();
        let plain = name.chars().all(han) && !name.starts_with(NOT_A_NAME_START);
        if !(2..=4).contains(&chars) || !plain || c == '《' {
            continue;
        }
        match counts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, count)) => *count += 1,
            None => counts.push((name, 1)),
        }
    }
    counts.sort_by_key(|&(_, count)| std::cmp::Reverse(count));
    // (Named most, twice at least, and more than any other town the text names.)
    let (name, count) = *counts.first()?;
    if count < 2 || counts.get(1).is_some_and(|&(_, next)| next == count) {
        return None;
    }
    let town = format!("{name}{kind}");
    Some(["人民政府", "办事处"].iter().map(|g| format!("{town}{g}")).find(|g| s.has(g)).unwrap_or(town))
}

/// Characters a town's name does not start with, that start a clause's words
/// before 镇/乡/街道 (`各街道`, `全镇`, `该乡`, `所在街道`).
const NOT_A_NAME_START: &[char] = &['我', '本', '各', '全', '该', '所', '其', '此', '每', '乡', '镇', '街', '区', '县', '市'];

/// How the names of central bodies begin.
const CENTRAL_PREFIXES: &[&str] = &["国家", "中国", "国务院"];

/// Where the names of central bodies may start, found in one pass.
static CENTRAL_STARTS: std::sync::LazyLock<aho_corasick::AhoCorasick> = std::sync::LazyLock::new(|| {
    let starts = CENTRAL_PREFIXES.iter().chain(CENTRAL_BODIES);
    // (Searched in few texts, those without a named agency: built quickly, not searched fastest.)
    let kind = Some(aho_corasick::AhoCorasickKind::NoncontiguousNFA);
    aho_corasick::AhoCorasick::builder().kind(kind).build(starts).expect("central names make an automaton")
});

/// The central bodies whose names begin otherwise: the State Council's
/// ministries and their like, and the water ministry's river basin bodies.
pub(crate) const CENTRAL_BODIES: &[&str] = &[
    "外交部", "教育部", "科学技术部", "工业和信息化部", "公安部", "民政部", "司法部", "财政部",
    "人力资源和社会保障部", "自然资源部", "生态环境部", "住房和城乡建设部", "交通运输部", "水利部",
    "农业农村部", "商务部", "文化和旅游部", "退役军人事务部", "应急管理部", "审计署", "海关总署",
    "长江水利委员会", "黄河水利委员会", "淮河水利委员会", "海河水利委员会", "珠江水利委员会",
    "松辽水利委员会", "太湖流域管理局",
];

/// The names of the departments of local governments (a province's 厅, a
/// city's or county's 局 and 委员会, and their like) and of other bodies that
/// publish reports, as agencies' names end with them: words of the reports'.
pub(crate) const DEPARTMENTS: &[&str] = &[
    "人民政府办公室", "人民政府办公厅", "发展和改革委员会", "发展和改革局", "教育局", "教育厅", "教育委员会",
    "教育和体育局", "科学技术局", "科学技术厅", "工业和信息化局", "工业和信息化厅", "民族宗教事务委员会",
    "公安局", "公安厅", "民政局", "民政厅", "司法局", "司法厅", "财政局", "财政厅", "人力资源和社会保障局",
    "人力资源和社会保障厅", "自然资源局", "自然资源厅", "自然资源和规划局", "生态环境局", "生态环境厅",
    "住房和城乡建设局", "住房和城乡建设厅", "交通运输局", "交通运输厅", "水利局", "水利厅", "水务局",
    "农业农村局", "农业农村厅", "商务局", "商务厅", "文化和旅游局", "文化和旅游厅", "文化广电和旅游局",
    "卫生健康委员会", "卫生健康局", "退役军人事务局", "退役军人事务厅", "应急管理局", "应急管理厅", "审计局",
    "审计厅", "统计局", "市场监督管理局", "医疗保障局", "林业局", "林业和草原局", "城市管理局",
    "城市管理综合执法局", "行政审批局", "行政审批服务局", "政务服务管理局", "政务服务和大数据管理局",
    "信访局", "体育局", "粮食和物资储备局", "国有资产监督管理委员会", "税务局", "气象局", "地震局", "档案局",
    "机关事务管理局", "人民防空办公室", "供销合作社", "残疾人联合会", "街道办事处", "管理委员会",
    "经济技术开发区", "高新技术产业开发区", "证券监督管理委员会", "银行保险监督管理委员会", "税务总局",
];

/// The most characters of a central body's name, with its office's place (`中国证券监督管理委员会湖北监管局`).
const MAX_CENTRAL_CHARS: usize = 24;

/// Words after which a sentence names the agency whose report it is: `现公布泰州市人民
/// 政府2017年…年度报告`, `由北京市信访办编制的2009年度…年度报告`, `特编制临海市卫生局2008年…`.
pub(super) const NAMING_LEADS: &[&str] = &["现公布", "公布", "现将", "发布", "编制", "形成", "由", ",", ":", "《"];

/// The agency of an untitled report, from a sentence of its head that names the
/// report with its year: the name between a lead word and the year
/// (`现公布某某市人民政府2017年…年度报告`), or between the year and the report's
/// name (`形成2020年度马冈镇政府信息公开年度报告`). A notice's title that names the
/// reports (`《…关于做好2016年度政府信息公开年度报告编制工作的通知》`) names no agency.
pub(super) fn agency_in_sentence(head: &Head) -> Option<String> {
    let sentences = head.lines().take(TITLE_LINES).flat_map(|line| line.split(['。', ';']));
    let named = sentences.flat_map(|sentence| reports_named(sentence).map(move |at| (sentence, at)));
    let named = named.filter(|&(sentence, (start, end))| !inside_other_title(sentence, start, end));
    named.map(|(sentence, (start, _))| &sentence[..start]).find_map(|before| {
        named_before_year(before).or_else(|| named_after_year(before))
    })
}

/// Where a sentence names a report: each ending of [`TITLE_ENDINGS`], the
/// longest of those that end at the same place, in the order they start.
fn reports_named(sentence: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut found: Vec<(usize, usize)> = Vec::new();
    if sentence.contains('报') {
        for ending in TITLE_ENDINGS {
            for (start, _) in sentence.match_indices(ending) {
                let end = start + ending.len();
                match found.iter_mut().find(|(_, e)| *e == end) {
                    Some(same) => same.0 = same.0.min(start),
                    None => found.push((start, end)),
                }
            }
        }
    }
    found.sort_unstable();
    found.into_iter()
}

/// Whether the report's name at `start..end` is part of a longer title in book
/// title marks, a notice's about the reports.
fn inside_other_title(sentence: &str, start: usize, end: usize) -> bool {
    let before = &sentence[..start];
    let open = before.rfind('《').is_some_and(|o| before.rfind('》').is_none_or(|c| c < o));
    open && !sentence[end..].starts_with('》')
}

/// The name between a lead word and the year that ends `before`.
fn named_before_year(before: &str) -> Option<String> {
    let before = before.strip_suffix('度').unwrap_or(before);
    let before = before.strip_suffix('年')?;
    let digits = before.chars().rev().take(4).filter(|&c| digit(c).is_some()).count();
    if digits < 4 {
        return None;
    }
    let mut before = &before[..before.char_indices().rev().nth(3).map_or(0, |(i, _)| i)];
    // (A notice names the title it prints: `…关于印发关于2018年度…的报告的通知`;
    // the agency says it writes it: `某某街道特编制2023年…`.)
    let leads_into = [
        "编制的", "特编制", "现编制", "编制了", "编制", "撰写了", "撰写", "编写了", "编写", "的", "关于印发", "关于公布", "关于发布",
        "关于",
    ];
    while let Some(rest) = leads_into.iter().find_map(|w| before.strip_suffix(w)) {
        before = rest;
    }
    let start = NAMING_LEADS.iter().filter_map(|w| before.rfind(w).map(|i| i + w.len())).max().unwrap_or(0);
    let name = &before[start..];
    // (`…办公厅关于做好`: what a notice's name leads into is no agency.)
    let plain = !name.contains("关于");
    (plain && (3..=40).contains(&name.chars().count()) && names_an_agency(name)).then(|| name.to_string())
}

/// The name between the last year in `before` and its end (`…2020年度马冈镇`).
fn named_after_year(before: &str) -> Option<String> {
    let chars: Vec<(usize, char)> = before.char_indices().collect();
    let year = (0..chars.len().saturating_sub(4))
        .rev()
        .find(|&i| chars[i + 4].1 == '年' && chars[i..i + 4].iter().all(|&(_, c)| c.is_ascii_digit()))?;
    let after = &before[chars[year + 4].0 + '年'.len_utf8()..];
    let name = after.strip_prefix('度').unwrap_or(after);
    let plain = !name.contains(|c: char| c.is_ascii_punctuation() || "《》、,。;:“”()".contains(c));
    (plain && (2..=40).contains(&name.chars().count()) && names_an_agency(name)).then(|| name.to_string())
}

/// Words after the name of whoever wrote the report, in `本报告由某某局根据…编制`.
pub(super) const COMPILED_WORDS: &[&str] = &["根据", "依据", "按照", "综合", "汇总", "编制", "编写", "负责"];

/// The agency of an untitled report from the sentence that says who wrote it:
/// `本报告由国家统计局深圳调查队根据《条例》要求编制`.
pub(super) fn compiled_by(head: &Head) -> Option<String> {
    head.lines().take(TITLE_LINES).find_map(|line| {
        let sentence = &line[line.first("由")? + "由".len()..];
        let end = COMPILED_WORDS.iter().filter_map(|w| sentence.first(w)).min()?;
        let name = sentence[..end].trim_end_matches(['(', ')', '《']);
        // The short name it goes by after it (`…管理委员会(以下简称经开区管委会)`).
        let name = SHORT_NAME_NOTES.iter().filter_map(|n| name.find(n)).min().map_or(name, |at| &name[..at]);
        // A township's party and government office writes the township's report, a
        // government's office for open government its government's.
        let name = WRITING_OFFICES
            .iter()
            .find_map(|(office, of)| name.strip_suffix(office).filter(|t| of.iter().any(|k| t.ends_with(k))))
            .unwrap_or(name);
        let plain = !name.contains(['。', ',', ';', ':', '《', '》']);
        (plain && (3..=40).contains(&name.chars().count()) && names_an_agency(name)).then(|| name.to_string())
    })
}

/// How a note in brackets after a name gives the short name it goes by.
const SHORT_NAME_NOTES: &[&str] = &["(以下简称", "(以下称", "(下称", "(简称"];

/// Offices that write their agency's report, with how the agency's name ends: a
/// township's party and government office; a government's office for open
/// government, or its leading group's (`南平市人民政府信息公开工作领导小组办公室`).
const WRITING_OFFICES: &[(&str, &[&str])] = &[
    ("党政综合办公室", TOWNSHIP),
    ("党政办公室", TOWNSHIP),
    ("党政综合办", TOWNSHIP),
    ("党政办", TOWNSHIP),
    ("信息公开工作领导小组办公室", GOVERNMENT),
    ("政务公开工作领导小组办公室", GOVERNMENT),
    ("信息公开领导小组办公室", GOVERNMENT),
    ("政务公开领导小组办公室", GOVERNMENT),
    ("信息公开办公室", GOVERNMENT),
    ("政务公开办公室", GOVERNMENT),
    ("信息公开办", GOVERNMENT),
    ("政务公开办", GOVERNMENT),
];
const TOWNSHIP: &[&str] = &["人民政府", "镇", "乡", "街道办事处"];
const GOVERNMENT: &[&str] = &["人民政府"];

/// Whether a name is an agency's: it starts with a division's name, or ends
/// with a kind of agency.
pub(super) fn names_an_agency(name: &str) -> bool {
    // A self-reference names no agency (`现将我局2012年度…报告如下`).
    if name.contains('我') || name.contains("本机关") {
        return false;
    }
    const KINDS: &[&str] =
        &["局", "委", "办", "厅", "政府", "办公室", "中心", "院", "署", "会", "部", "处", "镇", "乡", "街道", "队", "行", "所", "站", "馆", "海关"];
    KINDS.iter().any(|k| name.ends_with(k))
        || crate::region::table().mentions(name, true).first().is_some_and(|m| m.start == 0)
}

/// The agency that signs the report: the line above the date at its end
/// (`德阳市旌阳区人民政府办公室` / `2023年1月30日`), past the pieces of a
/// table's labels that plain `pdftotext` may print between them (`予公开`,
/// its numbers and the heads' characters a line each left out already).
pub(super) fn signed_agency(text: &str) -> Option<String> {
    let tail = super::dates::last_lines(text);
    let date = tail.iter().position(|l| l.chars().count() <= super::dates::DATE_LINE && parse_date(l).is_some())?;
    let signs = |name: &String| {
        let plain = !name.contains(['。', ',', ':', ';', '|', '、']);
        plain && (3..=40).contains(&name.chars().count()) && names_an_agency(name)
    };
    let piece = |line: &String| line.chars().count() <= LABEL_PIECE && !line.contains(['。', '年']);
    let name = tail[date + 1..].iter().find(|l| signs(l) || !piece(l))?;
    signs(name).then(|| name.clone())
}

/// The most characters of a piece of a table's label printed a line
/// (`予公开`, `法规禁止公开`) between a signature and its date.
const LABEL_PIECE: usize = 6;

/// The body a page's footer names as its site's owner, as its `<title>` may
/// (`版权所有:某某区人民政府门户网站` → 某某区人民政府), among the text's last lines.
pub(super) fn footer_site(text: &str) -> Option<String> {
    super::dates::last_lines(text).iter().find_map(|line| {
        let rest = &line[line.find("版权所有")? + "版权所有".len()..];
        let rest = rest.trim_start_matches([':', '：']);
        let name = rest.find("网站").map_or(rest, |at| &rest[..at + "网站".len()]);
        crate::load::html::site_owner(name).filter(|owner| names_an_agency(owner))
    })
}

/// The agency named alone on the line under a title that names none
/// (`政府信息公开工作年度报告` / `(2015年度)` / `某县卫生健康委员会`), past the
/// title's own lines.
pub(super) fn named_under_title(head: &Head, title: &str) -> Option<String> {
    let lines: Vec<&str> = heading_lines(head).filter(|l| !l.is_empty()).collect();
    // Past the title's own lines and a dated particular (`成文日期:2019-03-12`).
    let dated = |l: &str| parse_date(l).is_some() || (l.contains(':') && l.chars().any(|c| c.is_ascii_digit()));
    let under = |at: usize| {
        let line = lines[at + 1..].iter().take(3).find(|l| !title.contains(**l) && !dated(l))?;
        // The date of writing after the name on its line (`某县卫生健康委员会2016年1月20日`).
        let date = line.find(|c: char| c.is_ascii_digit()).filter(|&d| parse_date(&line[d..]).is_some());
        let name = date.map_or(*line, |d| &line[..d]);
        let plain = !name.contains(['。', ',', ':', ';', '|', '、']);
        (plain && (3..=40).contains(&name.chars().count()) && names_an_agency(name)).then(|| name.to_string())
    };
    // Each line the title starts on (a page may print it more than once).
    (0..lines.len()).filter(|&at| title.starts_with(lines[at])).find_map(under)
}

/// Labels a page's catalogue prints after the publisher's name, where the cells
/// ran together.
pub(super) const CATALOGUE_LABELS: &[&str] = &["发布日期", "发文日期", "成文日期", "主题分类", "组配分类", "文号", "索引号", "分类"];

/// The publisher a page's catalogue names (`发布机构: 合肥市生态环境局`,
/// `发布机构 | 县政府办 |`).
pub(super) fn publisher(head: &Head) -> Option<String> {
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
pub(super) fn without_year(s: &str) -> &str {
    let digits = s.chars().take_while(|&c| digit(c).is_some()).count();
    let rest = s.char_indices().nth(digits).map_or("", |(i, _)| &s[i..]);
    match rest.strip_prefix('年') {
        Some(r) if digits == 4 => r.strip_prefix('度').unwrap_or(r),
        _ => s,
    }
}

/// Whether `name`, read as the agency, may be one: no agency's name is one
/// character, nor holds a letter of the Latin supplements (`乡`, `ò`, `®`:
/// what is left of a name that a page's misread bytes lost in printing).
pub(super) fn may_be_agency(name: &str) -> bool {
    let misread = |c: char| ('\u{80}'..='\u{2ff}').contains(&c);
    name.chars().count() >= 2 && !name.chars().any(misread)
}

pub(super) fn agency_from_title(title: &str) -> Option<String> {
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
            // (The first year of a range too: `2022-2023年度`.)
            let before: Vec<char> = out.chars().rev().take(5).collect();
            let first_year = before.get(1..).is_some_and(|d| d.iter().all(|&c| digit(c).is_some()));
            let range = before.len() == 5 && "-—–~至".contains(before[0]) && first_year;
            if range {
                out.truncate(out.len() - before.iter().map(|c| c.len_utf8()).sum::<usize>());
            }
            i += 5;
            if chars.get(i) == Some(&'度') {
                i += 1;
            } else if chars[i..].starts_with(&['年', '度']) {
                // `2015年年度`
                i += 2;
            }
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    let out = out.trim_matches(|c: char| c.is_whitespace() || "《》\"“”【】[]".contains(c));
    // A year without its 年 before the name (`2025湖口县大垅乡2025年度…`): no name starts with digits.
    let out = out.trim_start_matches(|c: char| c.is_ascii_digit());
    // `某某局关于2019年…`: the 关于 belongs to the title, not the agency; so does
    // the notice's `关于公布…`.
    let out = out.strip_suffix("关于").unwrap_or(out);
    let out = ["关于公布", "关于发布"].iter().find_map(|w| out.strip_prefix(w)).unwrap_or(out).to_string();
    (!out.is_empty()).then_some(out)
}
