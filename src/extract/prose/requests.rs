//! Requests in sentences: how many came, how, from whom, and what became of
//! them (the pre-2019 row keys, and what a later report's prose adds to 表三).

use std::sync::LazyLock;

use super::litigation::PROCEEDINGS;
use super::{
    bind, counts, hits, key_of_label, rest_of_sentence, section_says_none, table_read, topic_clauses, Count, Hit, Keywords,
    Sectioned, SUM_REACH, SUM_WORDS,
};
use crate::normalize::Search;
use crate::report::{Report, RequestFact};

/// The clause that opens a sentence splitting the requests received by applicant.
const BY_APPLICANT: &[&str] =
    &["从申请主体看", "从申请人看", "从申请人类型看", "从申请人身份看", "按申请主体分", "按申请人分", "从申请对象看"];
/// Words that say a count is all of one kind (`均为公民申请`).
const ALL_OF: &[&str] = &["均为", "均是", "均系", "全部为", "全部是", "都是", "皆为"];

/// The key of 不予公开信息: requests denied where counted in requests, else the
/// information an agency withheld, which no request asked for.
const WITHHELD_INFO: &str = "withheld_info";

/// The key of 公开 alone: requests granted where it opens its clause
/// (`公开0件`, `其中公开3件`); elsewhere it is a part of other words
/// (`依申请公开`).
const BARE_GRANTED: &str = "granted_bare";

/// The key of requests granted in whole or in part, counted together
/// (`予以公开及部分公开20件`): no row of its own, read as neither.
const GRANTED_OR_PARTIAL: &str = "granted_or_partial";

/// Whether the keyword at character `at` of `clause` opens it, after what may
/// lead a clause of results.
fn opens_clause(clause: &str, at: usize) -> bool {
    // What leads is two characters at most: a longer head is read no further.
    let mut head = clause.chars().take(at).filter(|c| !c.is_whitespace());
    let lead: String = head.by_ref().take(2).collect();
    head.next().is_none() && ["", "其中", "已", "共", "并"].contains(&lead.as_str())
}

/// Keywords of the request section, longest first where one contains another.
/// A result followed by 答复 (`予以公开答复966件`) is the result: the words are
/// listed whole so that the longer match wins over `答复`.
const REQUEST_WORDS: &[(&str, &str)] = &[
    ("予以公开及部分公开", GRANTED_OR_PARTIAL),
    ("予以公开和部分公开", GRANTED_OR_PARTIAL),
    ("予以公开或部分公开", GRANTED_OR_PARTIAL),
    ("同意公开及部分公开", GRANTED_OR_PARTIAL),
    ("同意公开和部分公开", GRANTED_OR_PARTIAL),
    ("同意公开或部分公开", GRANTED_OR_PARTIAL),
    ("全部公开或部分公开", GRANTED_OR_PARTIAL),
    ("全部或部分公开", GRANTED_OR_PARTIAL),
    ("全部和部分公开", GRANTED_OR_PARTIAL),
    ("公开及部分公开", GRANTED_OR_PARTIAL),
    ("公开和部分公开", GRANTED_OR_PARTIAL),
    ("公开或部分公开", GRANTED_OR_PARTIAL),
    ("同意部分公开答复", "partially_granted"),
    ("部分公开答复", "partially_granted"),
    ("不予公开答复", "denied"),
    ("不同意公开答复", "denied"),
    ("同意公开答复", "granted"),
    ("予以公开答复", "granted"),
    ("同意部分公开", "partially_granted"),
    ("部分公开", "partially_granted"),
    ("不同意公开", "denied"),
    ("否决公开", "denied"),
    // Information withheld (`不予公开信息10条`), unless counted in requests.
    ("不予公开信息", WITHHELD_INFO),
    ("不予公开", "denied"),
    ("不公开", "denied"),
    ("同意公开", "granted"),
    ("予以公开", "granted"),
    ("全部公开", "granted"),
    // `公开0件，不予公开0件`: granted, where it opens its clause.
    ("公开", BARE_GRANTED),
    ("非本机关", "unable_not_held"),
    ("本机关不掌握", "unable_not_held"),
    ("不掌握", "unable_not_held"),
    ("不属于本机关", "unable_not_held"),
    ("非本行政机关", "unable_not_held"),
    ("不属于本行政机关", "unable_not_held"),
    ("信息不存在", "unable_not_exist"),
    ("不存在", "unable_not_exist"),
    ("内容不明确", "unable_unclear"),
    ("不明确", "unable_unclear"),
    ("不属于政府信息", "not_gov_info"),
    ("非政府信息", "not_gov_info"),
    ("上年结转", "carried_over"),
    ("上年度结转", "carried_over"),
    ("上年转结", "carried_over"),
    ("结转下", "carried_forward"),
    ("结转至下", "carried_forward"),
    ("结转到下", "carried_forward"),
    ("转入下", "carried_forward"),
    ("已经答复", "answered"),
    ("已答复", "answered"),
    // `在办结的10件申请中`: concluded, answered.
    ("办结", "answered"),
    ("答复", "answered"),
    ("当面", "channel_in_person"),
    ("现场", "channel_in_person"),
    ("来访", "channel_in_person"),
    ("电子邮件", "channel_email"),
    ("电子邮箱", "channel_email"),
    ("邮件", "channel_email"),
    ("网上", "channel_online"),
    ("网络", "channel_online"),
    ("互联网", "channel_online"),
    ("在线", "channel_online"),
    ("线上", "channel_online"),
    ("网站", "channel_online"),
    ("信函", "channel_letter"),
    ("邮寄", "channel_letter"),
    ("来信", "channel_letter"),
    ("信件", "channel_letter"),
    ("邮政", "channel_letter"),
    ("传真", "channel_fax"),
    ("电话", "channel_phone"),
    ("其他形式", "channel_other"),
    ("其它形式", "channel_other"),
    ("其他方式", "channel_other"),
    ("其它方式", "channel_other"),
];
const RECEIVE_WORDS: &[&str] = &["收到", "新收", "接到", "受理", "接收", "共有", "办理", "申请总量", "申请总数", "申请数量", "申请量"];

/// What a word of receiving names where it names a place that receives
/// (`设立了2个专门的信息申请受理点`): a count of those counts no request.
const RECEIVING_PLACES: &[&str] = &["点", "窗口", "场所", "室", "大厅", "中心", "平台", "机构", "专窗"];

/// Whether the word of [`RECEIVE_WORDS`] at byte `at` of `clause` is part of
/// a place's name (`受理点`, `受理窗口`).
fn names_a_place(clause: &str, at: usize) -> bool {
    let rest = clause.get(at..).unwrap_or_default();
    RECEIVE_WORDS
        .iter()
        .filter_map(|w| rest.strip_prefix(w))
        .any(|after| RECEIVING_PLACES.iter().any(|p| after.starts_with(p)))
}

/// Who asked, where the text splits the requests received: people, and
/// businesses (法人或其他组织 as a whole has no column of its own).
const APPLICANTS: &[(&str, &str)] = &[
    ("公民", "natural_person"),
    ("自然人", "natural_person"),
    ("个人", "natural_person"),
    ("群众", "natural_person"),
    ("企业", "commercial"),
];

static REQUEST_KEYWORDS: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(REQUEST_WORDS.to_vec()));
static RECEIVE_KEYWORDS: LazyLock<Keywords> =
    LazyLock::new(|| Keywords::new(RECEIVE_WORDS.iter().map(|w| (*w, "new_received")).collect()));
static APPLICANT_KEYWORDS: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(APPLICANTS.to_vec()));

/// The request row a short label names ([`key_of_label`]).
pub(in crate::extract) fn request_of_label(label: &str) -> Option<&'static str> {
    let key = |h: &Hit| match h.key {
        BARE_GRANTED if !opens_clause(label, h.at) => None,
        BARE_GRANTED => Some("granted"),
        WITHHELD_INFO => Some("denied"),
        GRANTED_OR_PARTIAL => None,
        key => Some(key),
    };
    key_of_label(label, &[&REQUEST_KEYWORDS, &RECEIVE_KEYWORDS], key)
}

/// Reads the counts of requests in the clauses on requests into `report`: the
/// table's rows stand where it has them, the rest of what the prose says is
/// added, and a sentence that contradicts the table is flagged.
pub(super) fn read_requests(doc: &Sectioned, report: &mut Report) {
    // (row, applicant, count, offset)
    let mut found: Vec<(&'static str, &'static str, i64, usize)> = Vec::new();
    let mut push = |key: &'static str, applicant: &'static str, v: i64, offset: usize| {
        if !found.iter().any(|f| (f.0, f.1) == (key, applicant)) {
            found.push((key, applicant, v, offset));
        }
    };
    // Where the clause that counted the requests received ends: the clauses
    // after it in its sentence may split the count by applicant.
    let mut received_end: Option<usize> = None;
    // The count of requests received, and where it is.
    let mut received: Option<(i64, usize)> = None;
    // The count of the new requests where a sentence gave first all it handled.
    let mut newly_received: Option<(i64, usize)> = None;
    for (base, clause) in topic_clauses(doc, |t| t.requests, &["申请"]) {
        // Cases are read as cases.
        if PROCEEDINGS.iter().any(|(w, _)| clause.has(w)) {
            continue;
        }
        let mut cs: Vec<Count> = counts(clause, base).into_iter().filter(|c| !c.money).collect();
        // A clause of consultations (`通过电话咨询…7人次`) counts no request; the
        // years' running total is not the year's.
        if !cs.is_empty() && ((clause.has("咨询") && !clause.has("申请")) || since_the_start(doc, base, clause)) {
            continue;
        }
        // `部分公开67,占4.61%`: a count whose unit was left out, before its share.
        if let Some(c) = count_before_share(doc, base, clause).filter(|c| !cs.iter().any(|x| x.offset == c.offset)) {
            cs.push(c);
        }
        // `…申请46件。从申请主体看,公民申请41件`: a sentence of its own that splits
        // the count received by applicant reads as the received sentence's end.
        if received.is_some() && cs.is_empty() && BY_APPLICANT.iter().any(|w| clause.trim() == *w) {
            received_end = Some(base + clause.len());
            continue;
        }
        let same_sentence = received_end.filter(|&end| end <= base && !doc.text[end..base].contains(['。', '\n']));
        // `其中公民申请10件`; not `公民、法人和其他组织`, all applicants.
        let applicants = || -> Vec<Hit> {
            // (Where each separator is: for each hit, the first after it.)
            let separators: Vec<usize> = clause.match_indices(['、', '和', '或', '及']).map(|(b, _)| b).collect();
            hits(clause, &APPLICANT_KEYWORDS)
                .into_iter()
                .filter(|h| {
                    let next = separators.get(separators.partition_point(|&b| b < h.byte));
                    let after: String = next.map_or("", |&b| &clause[b..]).chars().take(3).collect();
                    !(after.starts_with(['、', '和', '或', '及']) && after.contains('法'))
                })
                .collect()
        };
        if let (Some(_), true, Some((count, offset))) = (same_sentence, cs.is_empty(), received) {
            // `…申请8件,均为公民申请`, `…均为网上申请`: every request from one kind of
            // applicant, or by one channel.
            if ALL_OF.iter().any(|w| clause.trim_start().starts_with(w)) {
                if let [one] = applicants().as_slice() {
                    push("new_received", one.key, count, offset);
                    continue;
                }
                let channels: Vec<Hit> =
                    hits(clause, &REQUEST_KEYWORDS).into_iter().filter(|h| h.key.starts_with("channel_")).collect();
                if let [one] = channels.as_slice() {
                    push(one.key, "total", count, offset);
                    continue;
                }
            }
        }
        if same_sentence.is_some() && !cs.is_empty() {
            let applicants = applicants();
            if !applicants.is_empty() {
                for (applicant, c) in bind(&cs, &applicants) {
                    if c.value.fract() == 0.0 {
                        push("new_received", applicant, c.value as i64, c.offset);
                    }
                }
                received_end = Some(base + clause.len());
                continue;
            }
        }
        let mut hs = hits(clause, &REQUEST_KEYWORDS);
        hs.retain(|h| h.key != BARE_GRANTED || opens_clause(clause, h.at));
        // `…申请56件,其中2010年受理18件`: a part of what the sentence counted.
        let part = || clause.trim_start().starts_with("其中") && sentence_before(doc, base).has("申请");
        let mentions_request = clause.has("申请") || (!cs.is_empty() && part());
        if mentions_request {
            hs.extend(hits(clause, &RECEIVE_KEYWORDS).into_iter().filter(|h| !names_a_place(clause, h.byte)));
            hs.sort_by_key(|h| h.at);
        }
        if cs.is_empty() {
            // 未收到…申请: no request this year.
            let denied = [
                "未收到", "没有收到", "未接到", "没有接到", "未接收", "没有接收", "未受理", "没有受理", "未发生", "没有发生",
                "没有依申请", "没有公民", "未有", "无",
            ];
            let denied = denied.iter().any(|n| {
                clause.first(n).is_some_and(|p| clause[p..].has("申请") && !clause[p..].starts_with("无正当"))
            });
            if denied && mentions_request {
                push("new_received", "total", 0, base + clause.first("申请").unwrap_or(0));
            }
            continue;
        }
        // `接到公民申请2件,法人申请1件,共计3件`: the applicants' parts before their sum.
        let receives = hs.first().is_some_and(|h| h.key == "new_received") && cs.len() == 1;
        let applicant = if receives { applicants().into_iter().next().filter(|a| a.at < cs[0].at) } else { None };
        let sum = if applicant.is_some() { sum_later(doc, base) } else { None };
        if let (Some(one), Some(sum)) = (applicant, sum) {
            push("new_received", one.key, cs[0].value as i64, cs[0].offset);
            push("new_received", "total", sum.value as i64, sum.offset);
            received = Some((sum.value as i64, sum.offset));
            received_end = Some(base + clause.len());
            continue;
        }
        let says_new = std::cell::OnceCell::new();
        for (key, c) in bind(&cs, &hs) {
            let key = match key {
                GRANTED_OR_PARTIAL => continue,
                WITHHELD_INFO if c.items => continue,
                WITHHELD_INFO => "denied",
                BARE_GRANTED => "granted",
                key => key,
            };
            if c.value.fract() == 0.0 {
                // `共办理申请30件,其中本年新收25件,上年结转5件`: the new ones named as such.
                if key == "new_received" && received_end.is_some() && *says_new.get_or_init(|| clause.has("新收")) {
                    newly_received = Some((c.value as i64, c.offset));
                }
                push(key, "total", c.value as i64, c.offset);
                if key == "new_received" {
                    received_end = Some(base + clause.len());
                    received = Some((c.value as i64, c.offset));
                }
            }
        }
    }
    // `三、依申请公开政府信息情况` / `无。`: no request.
    if found.is_empty() && report.requests.is_empty() {
        if let Some(at) = section_says_none(doc, |t| t.requests) {
            found.push(("new_received", "total", 0, at));
        }
    }
    if let Some((count, offset)) = newly_received {
        if let Some(f) = found.iter_mut().find(|f| (f.0, f.1) == ("new_received", "total")) {
            (f.2, f.3) = (count, offset);
        }
    }
    let table: Vec<(&str, i64)> =
        report.requests.iter().filter(|f| f.applicant == "total").map(|f| (f.row, f.count)).collect();
    // `共收到申请30件(含上年结转5件)`: the new and the carried over together.
    let handled = ["new_received", "carried_over"].iter().map(|k| table.iter().find(|(row, _)| row == k).map(|t| t.1)).sum::<Option<i64>>();
    let (statistics, name) = table_read(report, "表三");
    if !report.requests.is_empty() {
        for (key, _, v, _) in found.iter().filter(|f| f.1 == "total") {
            if let Some((_, t)) = table.iter().find(|(row, _)| row == key) {
                if t != v && !(*key == "new_received" && handled == Some(*v)) {
                    report.flag("narrative_table_conflict", format!("requests/{key}: the text says {v}, {name} says {t}"));
                }
            }
        }
        if !statistics {
            return;
        }
        // A statistics table has the rows its form asks for: what else the
        // prose counts is kept.
        found.retain(|f| !report.requests.iter().any(|t| (t.row, t.applicant) == (f.0, f.1)));
    }
    for (row, applicant, count, offset) in found {
        report.requests.push(RequestFact { row, applicant, count, offset });
    }
}

/// The sum a later clause of the sentence gives, opening with a sum word
/// (`…,共计3件`).
fn sum_later(doc: &Sectioned, base: usize) -> Option<Count> {
    let (b, clause) = rest_of_sentence(doc, base).take(SUM_REACH).find(|(_, c)| {
        let words = c.trim_start();
        SUM_WORDS.iter().any(|w| words.starts_with(w))
    })?;
    counts(clause, b).into_iter().find(|c| !c.money && c.value.fract() == 0.0)
}

/// The number that ends a clause without a unit when the next clause of the
/// sentence gives its share (`部分公开67,占4.61%`): a count whose unit was left out.
fn count_before_share(doc: &Sectioned, base: usize, clause: &str) -> Option<Count> {
    let trimmed = clause.trim_end();
    let digits = trimmed.bytes().rev().take_while(u8::is_ascii_digit).count();
    let start = trimmed.len() - digits;
    let before = trimmed[..start].chars().next_back()?;
    if digits == 0 || digits > 9 || before.is_ascii_digit() || matches!(before, '.' | ',' | '第' | '约' | '近') {
        return None;
    }
    let (_, next) = rest_of_sentence(doc, base).next()?;
    let share = next.trim_start().strip_prefix('占')?;
    if !share.contains('%') {
        return None;
    }
    let value = trimmed[start..].parse::<f64>().ok()?;
    let at = trimmed[..start].chars().count();
    Some(Count { value, offset: base + start, at, money: false, each: false, items: false })
}

/// Whether a clause counts since the law took effect, not in the year
/// (`截至2010年底,我局累计受理申请56件`, `《条例》实施以来累计…`, `历年累计`): its
/// 累计 is said of the years where its sentence says since when.
fn since_the_start(doc: &Sectioned, base: usize, clause: &str) -> bool {
    (clause.has("累计") || clause.has("历年"))
        && ["截至", "截止", "以来", "历年"].iter().any(|w| clause.has(w) || sentence_before(doc, base).has(w))
}

/// The text of the sentence before the clause at `base`.
fn sentence_before<'a>(doc: &Sectioned<'a>, base: usize) -> &'a str {
    let before = &doc.text[..base];
    let start = before.rfind(['。', '\n']).map_or(0, |i| i + if before.as_bytes()[i] == b'\n' { 1 } else { '。'.len_utf8() });
    &before[start..]
}

