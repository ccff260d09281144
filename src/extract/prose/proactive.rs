//! The proactive total of the prose (`全年主动公开政府信息644条`): a count after a
//! verb of disclosure and 信息, not a part (`其中网上公开…`), not one channel's count
//! (`政务微博公开信息310条`), not what was withheld; where the parts are followed by
//! their sum (`…总计2401条`), the sum.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};

use super::{counts, topic_clauses, Count, Sectioned, STATISTICS_TABLE, SUM_REACH, SUM_WORDS};
use crate::normalize::Search;
use crate::report::{DisclosureFact, Report};

/// Words of a sentence about one channel of proactive disclosure, whose number is
/// a part, not the total; `通过不同渠道和方式公开政府信息情况:` introduces a list of channels.
const CHANNEL_WORDS: &[&str] = &["公报", "报刊", "新闻", "广播", "电视", "公开栏", "微博", "简报", "渠道和方式"];

/// Reads the proactive total into `report` (a statistics table's total stands).
pub(super) fn read(doc: &Sectioned, report: &mut Report) {
    let sentences = std::cell::OnceCell::new();
    let candidates = |clauses: Vec<(usize, &str)>| -> Option<Count> {
        for (n, &(base, clause)) in clauses.iter().enumerate() {
            // 依申请公开…: requests, not what was disclosed unasked.
            if clause.has("申请") {
                continue;
            }
            let part = among_parts(doc.text, &clauses[..=n]);
            let counts: Vec<Count> = counts(clause, base).into_iter().filter(|c| !c.money).collect();
            if counts.is_empty() {
                continue;
            }
            let verbs = Places::of(clause, &VERBS);
            let totals = Places::of(clause, &TOTALS);
            for c in counts {
                let before = clause[..c.offset - base].trim_end();
                let Some(v) = verbs.last_within(0, before.len()) else { continue };
                let (head, between) = before.split_at(v);
                // 不予公开信息8条: what was withheld. 其中: a part, unless the part is
                // what was disclosed unasked (共制作政府信息3021条,其中主动公开信息1027条).
                if WITHHELD.iter().any(|w| head.ends_with(w)) || (part && !head.ends_with("主动")) {
                    continue;
                }
                let names_info = names_info(between);
                if !names_info || between.chars().take(15).count() > 14 {
                    continue;
                }
                // `共发布政府信息1326条,其中主动公开1200条`: what was published, of
                // which the part disclosed unasked.
                if !head.ends_with("主动") {
                    if let Some(part) = proactive_part_after(doc.text, &clauses[n..]) {
                        return Some(part);
                    }
                }
                // `…发布信息514条,总计2401条`: the sum that follows is the total.
                if let Some(sum) = sum_after(doc.text, &clauses[n..]) {
                    return Some(sum);
                }
                // A sentence about a channel counts a part, unless it says the count is a total.
                let sentences = sentences.get_or_init(|| Sentences::new(doc.text));
                let channel = sentences.mention_channel(base, base + clause.len())
                    && totals.last_within(0, before.len()).is_none();
                if !channel {
                    // `累计主动公开…12000条，其中2015年主动公开2100条`: the year's own count.
                    let cumulative = before.contains("累计");
                    return Some(cumulative.then(|| year_part_after(doc.text, &clauses[n..])).flatten().unwrap_or(c));
                }
            }
        }
        None
    };
    let section = topic_clauses(doc, |t| t.proactive, &[]);
    let found = candidates(section).or_else(|| candidates(doc.clauses.clone()));
    let Some(c) = found else { return };
    // A statistics table's total stands; the prose is checked against it.
    match report.disclosures.iter().find(|f| f.item == "proactive").map(|f| f.value) {
        Some(t) if t != c.value => {
            let v = c.value;
            report.flag("narrative_table_conflict", format!("disclosures/proactive: the text says {v}, {STATISTICS_TABLE} says {t}"));
        }
        Some(_) => {}
        None => report.disclosures.push(DisclosureFact { item: "proactive", metric: "total", value: c.value, offset: c.offset }),
    }
}

/// Words between 信息 and its count: `信息数共有164条`, `信息的有5条`, `信息总数为`.
const INFO_FILLERS: &[&str] = &["共计", "总计", "合计", "共有", "总数", "数量", "共", "有", "为", "的", "数"];

/// Whether the words between a verb of disclosure and a count end in 信息, past
/// the fillers that may follow it and a note in brackets (`政府信息(公文平台发文)`).
fn names_info(between: &str) -> bool {
    // `信息:860条`.
    let mut rest = between.trim_end().trim_end_matches(':').trim_end();
    if rest.ends_with(')') {
        if let Some(open) = rest.rfind('(') {
            rest = &rest[..open];
        }
    }
    for _ in 0..4 {
        if rest.ends_with("信息") {
            return true;
        }
        match INFO_FILLERS.iter().find(|f| rest.ends_with(*f)) {
            Some(f) => rest = &rest[..rest.len() - f.len()],
            None => return false,
        }
    }
    rest.ends_with("信息")
}

/// Whether the last of `clauses` is one of the parts a `其中` lists: it starts
/// with 其中, or follows one that does in its sentence (`其中,微信发布信息782条,
/// 网站发布信息67条`).
fn among_parts(text: &str, clauses: &[(usize, &str)]) -> bool {
    let starts_parts = |clause: &str| clause.trim_start().starts_with("其中");
    let joined = |pair: &[(usize, &str)]| matches!(between(text, pair), Some("," | ";" | ":"));
    let Some(&(_, last)) = clauses.last() else { return false };
    starts_parts(last)
        || clauses.windows(2).rev().take(SUM_REACH).take_while(|pair| joined(pair)).any(|pair| starts_parts(pair[0].1))
}

/// The clauses after `clauses[0]` in its sentence (each after a `,` or `;`), the
/// first [`SUM_REACH`] of them.
fn following<'c, 'a>(text: &'c str, clauses: &'c [(usize, &'a str)]) -> impl Iterator<Item = (usize, &'a str)> + 'c {
    let joined = move |pair: &&[(usize, &str)]| matches!(between(text, pair), Some("," | ";"));
    clauses.windows(2).take(SUM_REACH).take_while(joined).map(|pair| pair[1])
}

/// What stands between two clauses that follow one another (`pair`): the mark
/// that parts them within a sentence.
fn between<'t>(text: &'t str, pair: &[(usize, &str)]) -> Option<&'t str> {
    let end = pair[0].0 + pair[0].1.len();
    (pair[1].0 > end).then(|| &text[end..pair[1].0])
}

/// The sum stated later in the sentence of `clauses[0]` (`…发布信息514条,在专栏
/// 发布信息95条,总计609条`): the count right after a sum word that starts one of
/// the clauses that follow it in the sentence.
fn sum_after(text: &str, clauses: &[(usize, &str)]) -> Option<Count> {
    for (next_base, next) in following(text, clauses) {
        let words = next.trim_start();
        let Some(word) = SUM_WORDS.iter().find(|w| words.starts_with(*w)) else { continue };
        let first = counts(next, next_base).into_iter().next().filter(|c| !c.money)?;
        let lead = next.len() - words.len() + word.len();
        return next[lead..first.offset - next_base].trim().is_empty().then_some(first);
    }
    None
}

/// The count of the part disclosed unasked that a clause after `clauses[0]` in
/// its sentence gives (`其中主动公开1200条`).
fn proactive_part_after(text: &str, clauses: &[(usize, &str)]) -> Option<Count> {
    let (base, clause) = following(text, clauses).find(|(_, c)| c.trim_start().starts_with("其中") && c.has("主动公开"))?;
    let at = clause.first("主动公开")?;
    counts(clause, base).into_iter().find(|c| !c.money && c.offset > base + at)
}

/// The count of the year alone that a clause after `clauses[0]` in its sentence
/// gives as a part of a running total (`其中2015年主动公开2100条`, `其中，本年度新增…`).
fn year_part_after(text: &str, clauses: &[(usize, &str)]) -> Option<Count> {
    let mut after_qizhong = false;
    for (next_base, next) in following(text, clauses) {
        let words = next.trim();
        if words == "其中" {
            after_qizhong = true;
            continue;
        }
        let part = match words.strip_prefix("其中") {
            Some(part) => part,
            None if after_qizhong => words,
            None => continue,
        };
        after_qizhong = false;
        let part = crate::normalize::squash(part);
        let of_year = ["本年", "今年", "全年", "新增"].iter().any(|w| part.has(w)) || super::super::meta::year_in(&part).is_some();
        if of_year && ["公开", "新增", "发布"].iter().any(|w| part.has(w)) {
            return counts(next, next_base).into_iter().find(|c| !c.money);
        }
    }
    None
}

/// Words before 公开 that make it the opposite.
const WITHHELD: &[&str] = &["不予", "不", "未", "免予"];
const PROACTIVE_VERBS: &[&str] = &["主动公开", "公开", "发布", "公布"];
const TOTAL_WORDS: &[&str] = &["累计", "全年", "共计", "总计", "合计"];

/// Where some words occur in a text: the byte ranges of every occurrence of
/// each (overlapping ones too), found in one pass and asked about by range.
struct Places {
    /// (start, end), by start.
    at: Vec<(usize, usize)>,
}

impl Places {
    fn of(text: &str, words: &AhoCorasick) -> Places {
        let mut at: Vec<(usize, usize)> = words.find_overlapping_iter(text).map(|m| (m.start(), m.end())).collect();
        at.sort_unstable();
        Places { at }
    }

    /// The start of the last occurrence that lies within `from..to`.
    fn last_within(&self, from: usize, to: usize) -> Option<usize> {
        // Occurrences start before `to`; the last of them that also ends by
        // `to` (words are a few characters long, so few are looked at).
        let before = self.at.partition_point(|&(s, _)| s < to);
        self.at[..before].iter().rev().take_while(|&&(s, _)| s >= from).find(|&&(_, e)| e <= to).map(|&(s, _)| s)
    }
}

fn automaton(words: &[&str]) -> AhoCorasick {
    AhoCorasick::builder().kind(Some(AhoCorasickKind::DFA)).build(words).expect("the words make an automaton")
}

static VERBS: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(PROACTIVE_VERBS));
static TOTALS: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(TOTAL_WORDS));
static CHANNELS: LazyLock<AhoCorasick> = LazyLock::new(|| automaton(CHANNEL_WORDS));

/// The sentence bounds of a text and where it names a channel of disclosure,
/// found once for every candidate count of the proactive reader.
struct Sentences<'a> {
    text: &'a str,
    /// Where each line break is.
    breaks: Vec<usize>,
    /// Where each `。` is.
    stops: Vec<usize>,
    /// The channel words of the whole text, for a long sentence.
    channels: std::cell::OnceCell<Places>,
    /// The last sentence asked about and its answer.
    last: std::cell::Cell<Option<(usize, usize, bool)>>,
}

const STOP: &str = "。";

/// A sentence longer than this is searched for channel words through the
/// places of those words in the whole text, found once.
const LONG_SENTENCE: usize = 2048;

impl<'a> Sentences<'a> {
    fn new(text: &'a str) -> Sentences<'a> {
        Sentences {
            text,
            breaks: memchr::memchr_iter(b'\n', text.as_bytes()).collect(),
            stops: memchr::memmem::find_iter(text.as_bytes(), STOP).collect(),
            channels: std::cell::OnceCell::new(),
            last: std::cell::Cell::new(None),
        }
    }

    /// Whether the sentence holding byte `at` names a channel by byte `end`:
    /// from the last `。` or line break before `at` to the first `。` after it or
    /// `end`, whichever comes first. (What the sentence goes on to say, `其中通过
    /// 公开栏公开36条`, breaks a total down; it does not make it a part.)
    fn mention_channel(&self, at: usize, end: usize) -> bool {
        let after_break = self.breaks[..self.breaks.partition_point(|&b| b < at)].last().map(|b| b + 1);
        let after_stop = self.stops[..self.stops.partition_point(|&s| s + STOP.len() <= at)].last().map(|s| s + STOP.len());
        let from = after_break.max(after_stop).unwrap_or(0);
        let stop = self.stops.get(self.stops.partition_point(|&s| s < at)).copied().unwrap_or(self.text.len());
        let to = stop.min(end.max(at));
        if let Some((_, _, named)) = self.last.get().filter(|&(f, t, _)| (f, t) == (from, to)) {
            return named;
        }
        let named = if to - from <= LONG_SENTENCE {
            let sentence = &self.text[from..to];
            CHANNEL_WORDS.iter().any(|w| sentence.has(w))
        } else {
            self.channels.get_or_init(|| Places::of(self.text, &CHANNELS)).last_within(from, to).is_some()
        };
        self.last.set(Some((from, to, named)));
        named
    }
}

#[cfg(test)]
mod tests {
    use super::super::{random_text, read};
    use super::*;
    use crate::gen::rng::Rng;

    #[test]
    fn places_and_sentences_agree_with_searching_each_range() {
        let mut rng = Rng::new(13);
        for _ in 0..500 {
            let text = random_text(&mut rng, 40);
            let verbs = Places::of(&text, &VERBS);
            let sentences = Sentences::new(&text);
            for (at, _) in text.char_indices() {
                let last = PROACTIVE_VERBS.iter().filter_map(|v| text[..at].rfind(v)).max();
                assert_eq!(verbs.last_within(0, at), last, "{text:?} before {at}");
                let end = at + text[at..].find(',').unwrap_or(text.len() - at);
                let to = text[at..].find(STOP).map_or(text.len(), |e| at + e).min(end);
                let from = text[..at].rfind(['。', '\n']).map_or(0, |i| i + text[i..].chars().next().map_or(0, char::len_utf8));
                let named = CHANNEL_WORDS.iter().any(|w| text[from..to].contains(w));
                assert_eq!(sentences.mention_channel(at, end), named, "{text:?} at {at}");
            }
        }
        // A sentence too long to search is answered from the whole text's places.
        let long = format!("{}微博{}", "公开".repeat(LONG_SENTENCE), "公开".repeat(LONG_SENTENCE));
        let sentences = Sentences::new(&long);
        assert!(!sentences.mention_channel(0, 3) && sentences.mention_channel(0, long.len()));
        assert!(sentences.mention_channel(long.len() - 1, long.len()));
        assert!(!Sentences::new(&"公开".repeat(2 * LONG_SENTENCE)).mention_channel(3, 4 * LONG_SENTENCE));
    }

    #[test]
    fn proactive_total_not_parts_not_channels() {
        let total = |s: &str| {
            let mut r = Report::default();
            read(s, &mut r);
            r.disclosures.first().map(|d| d.value)
        };
        assert_eq!(total("二、主动公开政府信息情况\n截止2014年12月31日,全区累计主动公开政府信息4215条。其中,网上公开信息1453条。"), Some(4215.0));
        assert_eq!(total("一、主动公开政府信息的情况:\n2013年度主动公开信息的有5条;"), Some(5.0));
        assert_eq!(total("一、主动公开情况\n2018年度我镇主动公开政府信息数22条,其中线上信息公开15条。"), Some(22.0));
        assert_eq!(total("二、主动公开情况\n今年来主动公开的信息数共有164条,其中:工作动态类信息122条。"), Some(164.0));
        assert_eq!(total("二、主动公开情况\n本年度共主动公开信息:860条。"), Some(860.0));
        assert_eq!(total("二、主动公开情况\n2016年累计主动公开政府信息12000条,其中2016年新增1500条。"), Some(1500.0));
        assert_eq!(total("二、主动公开情况\n2015年共发布政府信息1326条,其中主动公开1200条。"), Some(1200.0));
        assert_eq!(total("二、主动公开情况\n全年公开政府信息2000条,其中主动公开1800条,依申请公开200条。"), Some(1800.0));
        assert_eq!(total("二、主动公开情况\n2018年度我乡共主动公开政府信息(公文平台发文)113条,政府网站公开信息数71条。"), Some(113.0));
        assert_eq!(
            total("二、主动公开\n其中网上公开1453条,公报发布信息20条。"),
            None
        );
        let parts = "二、主动公开政府信息情况\n2018年度,街道主动公开政府信息,及时发布各方面的信息。\
            其中,街道官方网页发布信息782条,信息公开网发布政务动态信息67条。";
        assert_eq!(total(parts), None);
        assert_eq!(
            total("二、主动公开\n2014年,本办全年主动公开政府信息1,206条。"),
            Some(1206.0)
        );
        assert_eq!(
            total("二、主动公开\n本年度主动公开政府信息共计358条。"),
            Some(358.0)
        );
        assert_eq!(total("二、主动公开\n全年主动公开政府信息 644 条。"), Some(644.0));
        assert_eq!(total("三、依申请公开\n全年共受理依申请公开政府信息12件,全部按期办结。"), None);
        assert_eq!(total("二、主动公开\n市政府办公室共编印《公报》12期,发布政府信息195条。网站发布新闻信息9000多条。"), None);
        assert_eq!(
            total("我局通过网站、微信公众号等方式公开各类政务信息781条,其中本局动态191条。"),
            Some(781.0)
        );
        assert_eq!(
            total("二、主动公开\n2015年,我局主动公开政府信息386条,其中通过政府网站公开信息350条,通过公开栏公开36条。"),
            Some(386.0)
        );
        // What was withheld is no part of what was disclosed; what was disclosed
        // unasked may be a part of all the information made.
        assert_eq!(
            total("一、概述\n本年共制作政府信息800条,其中主动公开信息500条,依申请公开信息40条,不予公开信息260条。"),
            Some(500.0)
        );
        assert_eq!(total("一、概述\n本年不予公开信息8条,未公开信息3条。"), None);
        // A running total with the year's own count as its part: the year's.
        assert_eq!(
            total("二、主动公开\n截至2015年底,累计主动公开政府信息12000条,其中2015年主动公开2100条。"),
            Some(2100.0)
        );
        assert_eq!(total("二、主动公开\n累计主动公开政府信息 1870 条,其中 2018 年主动公开 170 条。"), Some(170.0));
        assert_eq!(
            total("二、主动公开\n本区到年底累计主动公开政府信息5928条,全文电子化率达90.3%,其中,本年度新增主动公开政府信息2110条。"),
            Some(2110.0)
        );
        // Parts with their sum after them: the sum.
        assert_eq!(
            total("一、主动公开政府信息情况\n本年在门户网站发布信息612条,在市政府网站专栏发布信息88条,总计700条。"),
            Some(700.0)
        );
        assert_eq!(total("二、主动公开\n本年在门户网站发布信息612条。总计700条。"), Some(612.0));
        // The template's list by channel states no total.
        assert_eq!(
            total("二、主动公开\n通过不同渠道和方式公开政府信息情况:政府网站公开信息1020条,政务微博公开信息310条,政府公报公开信息4条。"),
            None
        );
    }

    #[test]
    fn sentence_boundary_before_a_total_is_a_multibyte_stop() {
        let mut r = Report::default();
        read(
            "二、主动公开政府信息情况\n全年工作有序开展。本年度主动公开政府信息12条。",
            &mut r,
        );
        assert_eq!(r.disclosures.first().map(|d| d.value), Some(12.0));
    }
}
