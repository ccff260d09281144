//! Cases in sentences: reconsiderations, lawsuits and complaints, their totals
//! and, where the sentence gives them, their outcomes.

use std::sync::LazyLock;

use super::{
    bind, counts, hits, key_of_label, says_none_after, section_says_none, table_read, topic_clauses, Count, Hit, Keywords,
    Sectioned, EACH,
};
use crate::normalize::Search;
use crate::report::{LitigationFact, Report};

/// Words that deny a thing happened (`未发生…行政复议`): a proceeding named
/// after one is a zero.
const NEGATIONS: &[&str] = &["未发生", "没有发生", "未收到", "没有收到", "未接到", "没有接到", "未出现", "没有出现", "没有", "未有", "无", "未"];

/// What became of the cases, as the tables of 2019 and 2021 name it.
/// The national form of 2014-2018 counts a suit's dismissal with the upheld
/// (`维持具体行政行为或者驳回原告诉讼请求数`), a correction by law as corrected
/// (`被依法纠错数`: an answer revoked, found unlawful, or to be made again), and a
/// withdrawn case among the others.
const OUTCOMES: &[(&str, &str)] = &[
    ("维持", "upheld"),
    ("驳回", "upheld"),
    ("纠正", "corrected"),
    ("纠错", "corrected"),
    ("撤销", "corrected"),
    ("确认违法", "corrected"),
    ("责令", "corrected"),
    ("撤诉", "other"),
    ("撤回", "other"),
    ("尚未审结", "pending"),
    ("未审结", "pending"),
    ("审理中", "pending"),
    ("尚在审理", "pending"),
    ("正在审理", "pending"),
];
pub(super) const PROCEEDINGS: &[(&str, &str)] = &[
    ("行政复议", "reconsideration"),
    ("复议", "reconsideration"),
    ("行政诉讼", "litigation"),
    ("诉讼", "litigation"),
    // `被起诉的案件`: a lawsuit.
    ("起诉", "litigation"),
    ("申诉", "complaint"),
];

static PROCEEDING_KEYWORDS: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(PROCEEDINGS.to_vec()));
static OUTCOME_KEYWORDS: LazyLock<Keywords> = LazyLock::new(|| Keywords::new(OUTCOMES.to_vec()));

/// The proceeding a short label names (`行政复议`, `行政诉讼`).
pub(in crate::extract) fn proceeding_of_label(label: &str) -> Option<&'static str> {
    key_of_label(label, &[&PROCEEDING_KEYWORDS], |h| Some(h.key))
}

/// Where a clause denies something: where its first denial word ends, found
/// once a clause, whatever the number of keywords asked about.
struct Denials {
    first_end: Option<usize>,
}

/// Words with a denial's character that deny nothing: 未经复议直接起诉 is a kind of
/// lawsuit, 尚未审结 an outcome.
const NOT_DENIALS: &[&str] = &["未经", "未审结"];

impl Denials {
    fn new(clause: &str) -> Denials {
        // The words that deny nothing blanked out, byte for byte, so that places
        // in the clause stay where they are.
        let mut masked = std::borrow::Cow::Borrowed(clause);
        for word in NOT_DENIALS {
            if masked.contains(word) {
                masked = std::borrow::Cow::Owned(masked.replace(word, &" ".repeat(word.len())));
            }
        }
        Denials { first_end: NEGATIONS.iter().filter_map(|n| masked.first(n).map(|p| p + n.len())).min() }
    }

    /// Whether a denial word is written before byte `at` of the clause.
    fn before(&self, at: usize) -> bool {
        self.first_end.is_some_and(|end| end <= at)
    }
}

/// Reads the cases in the clauses on them into `report`: each proceeding's
/// total, a zero where a clause denies it, and the outcomes its sentence gives;
/// where the report has 表四, its numbers stand and a contradiction is flagged.
pub(super) fn read_litigation(doc: &Sectioned, report: &mut Report) {
    // (proceeding, outcome, count, offset)
    let mut found: Vec<(&'static str, &'static str, i64, usize)> = Vec::new();
    let mut push = |proceeding, outcome, count: f64, offset| {
        if count.fract() == 0.0 && !found.iter().any(|f| (f.0, f.1) == (proceeding, outcome)) {
            found.push((proceeding, outcome, count as i64, offset));
        }
    };
    // The proceeding last counted, its count (none where the clause gave only
    // outcomes), and where its clause ends: the clauses after it in the sentence
    // may give its outcomes.
    let mut last: Option<(&'static str, Option<Count>, usize)> = None;
    // Each proceeding counted in the sentence so far, with its count and where its clause ends.
    let mut sentence: Vec<(&'static str, Count, usize)> = Vec::new();
    // Where the clause before ends: a sentence ends between it and the next (or
    // the next is elsewhere), read once a gap however long the sentence.
    let mut previous_end = 0;
    for (base, clause) in topic_clauses(doc, |t| t.litigation, &["复议", "诉讼", "申诉", "维持", "纠正", "审结", "审理"]) {
        if base < previous_end || doc.text[previous_end..base].contains(['。', '\n']) {
            sentence.clear();
            last = None;
        }
        previous_end = base + clause.len();
        let hs = hits(clause, &PROCEEDING_KEYWORDS);
        let cs: Vec<Count> = counts(clause, base).into_iter().filter(|c| !c.money).collect();
        // The proceeding counted before in this sentence, whose outcomes this
        // clause may give (naming it again, `经复议维持原答复`, or not at all).
        let continued = last;
        let outcomes = hits(clause, &OUTCOME_KEYWORDS);
        // `提起行政复议1件，经复议维持1件`: the proceeding named again with its outcome.
        let names_it_again = continued.is_some_and(|l| hs.iter().all(|h| h.key == l.0)) && !outcomes.is_empty();
        if hs.is_empty() || names_it_again {
            // `被申请行政复议2件,其中维持1件,纠正1件`, `…2件,均维持`.
            let Some((proceeding, total, end)) = continued else {
                continue;
            };
            if let (true, Some(total)) = (cs.is_empty(), total) {
                // `…均维持`, or the one case's outcome (`1起，经复议维持原答复`).
                let each = |o: &&Hit| EACH.iter().any(|w| clause.chars().take(o.at).collect::<String>().ends_with(w));
                if let Some(o) = outcomes.first().filter(|o| each(o) || total.value == 1.0) {
                    push(proceeding, o.key, total.value, total.offset);
                    // `行政复议2件,行政诉讼1件,结果均为维持`: said of every one the sentence counted.
                    if each(&o) {
                        for &(p, t, _) in &sentence {
                            push(p, o.key, t.value, t.offset);
                        }
                    }
                }
            }
            for (outcome, c) in bind(&cs, &outcomes) {
                push(proceeding, outcome, c.value, c.offset);
            }
            last = Some((proceeding, total, end.max(base + clause.len())));
            continue;
        }
        // `其中，行政复议维持1起、纠正1起`: one proceeding's outcomes, each count
        // after an outcome's word; the clauses after it may give more of them.
        let one_proceeding = hs.iter().all(|h| h.key == hs[0].key);
        if one_proceeding && !cs.is_empty() && outcomes.first().is_some_and(|o| cs.iter().all(|c| o.at < c.at)) {
            for (outcome, c) in bind(&cs, &outcomes) {
                push(hs[0].key, outcome, c.value, c.offset);
            }
            last = Some((hs[0].key, None, base + clause.len()));
            continue;
        }
        last = None;
        if cs.is_empty() {
            let chars: Vec<(usize, char)> = clause.char_indices().collect();
            let denials = Denials::new(clause);
            // `行政复议、行政诉讼情况:无`: the answer after the clause.
            let none_after = says_none_after(doc, base);
            for h in &hs {
                let byte = chars[h.at].0;
                if denials.before(byte) || none_after {
                    push(h.key, "total", 0.0, base + byte);
                }
            }
            continue;
        }
        for (key, c) in bind(&cs, &hs) {
            push(key, "total", c.value, c.offset);
            // `行政复议1件(维持)`: the outcome of all of them, in brackets after the count.
            if let Some(outcome) = bracketed_outcome(&clause[c.offset - base..]) {
                push(key, outcome, c.value, c.offset);
            }
            last = Some((key, Some(c), base + clause.len()));
            sentence.push((key, c, base + clause.len()));
        }
    }
    // `五、因政府信息公开申请行政复议、提起行政诉讼的情况` / `无。`: no case of either
    // (where no table gave them: a table's note is no answer).
    if found.is_empty() && report.litigation.is_empty() {
        if let Some(at) = section_says_none(doc, |t| t.litigation) {
            found.extend([("reconsideration", "total", 0, at), ("litigation", "total", 0, at)]);
        }
    }
    let (statistics, name) = table_read(report, "表四");
    if !report.litigation.is_empty() {
        let total = |p: &str| report.litigation.iter().find(|f| f.proceeding == p && f.outcome == "total").map(|f| f.count);
        let table_litigation = total("litigation_direct").zip(total("litigation_after_reconsideration")).map(|(a, b)| a + b);
        let mut conflicts = Vec::new();
        for (key, _, v, _) in found.iter().filter(|f| f.1 == "total") {
            let t = match *key {
                "reconsideration" => total("reconsideration"),
                "litigation" => total("litigation").or(table_litigation),
                "complaint" => total("complaint"),
                _ => None,
            };
            if let Some(t) = t.filter(|t| t != v) {
                conflicts.push(format!("litigation/{key}: the text says {v}, {name} says {t}"));
            }
        }
        for c in conflicts {
            report.flag("narrative_table_conflict", c);
        }
        if !statistics {
            return;
        }
        found.retain(|f| !report.litigation.iter().any(|t| (t.proceeding, t.outcome) == (f.0, f.1)));
    }
    for (proceeding, outcome, count, offset) in found {
        report.litigation.push(LitigationFact { proceeding, outcome, count, offset });
    }
}

/// The outcome named alone in brackets right after a count and its unit
/// (`1件(维持)`, `2起(均已撤诉)`), where `rest` starts at the count.
fn bracketed_outcome(rest: &str) -> Option<&'static str> {
    let after = rest.trim_start_matches(|c: char| c.is_ascii_digit() || numerals_or_unit(c));
    let inside = after.strip_prefix('(')?.split(')').next()?;
    match hits(inside, &OUTCOME_KEYWORDS).as_slice() {
        // Not a part of them (`(其中维持1件)`).
        [one] if inside.chars().count() <= 8 && !inside.contains(|c: char| c.is_ascii_digit()) => Some(one.key),
        _ => None,
    }
}

/// The characters of a count's number and unit.
fn numerals_or_unit(c: char) -> bool {
    crate::extract::numerals::is_chinese_numeral(c) || "件起宗个例次项".contains(c) || c == ' '
}

#[cfg(test)]
mod tests {
    use super::super::random_text;
    use super::*;
    use crate::gen::rng::Rng;

    #[test]
    fn denials_agree_with_searching_the_text_before_each_place() {
        let mut rng = Rng::new(12);
        for _ in 0..2000 {
            let clause = random_text(&mut rng, 12);
            let denials = Denials::new(&clause);
            let mut masked = clause.clone();
            for word in NOT_DENIALS {
                masked = masked.replace(word, &"-".repeat(word.len()));
            }
            for (at, _) in clause.char_indices() {
                assert_eq!(denials.before(at), NEGATIONS.iter().any(|n| masked[..at].contains(n)), "{clause:?} at {at}");
            }
        }
    }

    #[test]
    fn a_case_not_yet_decided_or_brought_without_reconsideration_is_no_denial() {
        assert!(!Denials::new("尚未审结行政复议").before("尚未审结行政复议".len()));
        assert!(!Denials::new("未经复议直接起诉").before("未经复议直接起诉".len()));
        assert!(Denials::new("未发生行政复议").before("未发生".len()));
        assert!(Denials::new("尚未审结,未发生行政复议").before("尚未审结,未发生".len()));
    }
}
