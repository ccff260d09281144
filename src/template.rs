//! The report templates, declared once as data.
//!
//! Since 2019 the annual reports follow fixed tables: 国办公开办函〔2019〕60号 (used
//! for the reports on 2019 and 2020) and 〔2021〕30号 (reports on 2021 onwards).
//! This module lists the rows of 表二 (proactive disclosure), 表三 (requests) and
//! 表四 (reconsideration and litigation) with their keys from SCHEMA.md, their
//! official labels, the templates that print them, and the short cues that still
//! identify a label when a layout wraps or truncates it. The parsers in `extract`
//! walk these tables; no label string appears anywhere else.

/// Which template a report follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Template {
    T2021,
    T2019,
    Pre2019,
    Unknown,
}

impl Template {
    pub fn as_str(self) -> &'static str {
        match self {
            Template::T2021 => "t2021",
            Template::T2019 => "t2019",
            Template::Pre2019 => "pre2019",
            Template::Unknown => "unknown",
        }
    }

    /// The template in force for reports on `year`, when the text does not say.
    pub fn for_year(year: i32) -> Template {
        match year {
            ..=2018 => Template::Pre2019,
            2019 | 2020 => Template::T2019,
            _ => Template::T2021,
        }
    }
}

/// Which of the two table templates print a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum In {
    Both,
    Only2019,
    Only2021,
}

impl In {
    pub fn has(self, t: Template) -> bool {
        match self {
            In::Both => matches!(t, Template::T2019 | Template::T2021),
            In::Only2019 => t == Template::T2019,
            In::Only2021 => t == Template::T2021,
        }
    }
}

/// What a row of 表三 contributes to the 勾稽关系 (一+二 = 三(七)+四) and to the
/// result sum (the result rows add up to (七)总计).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    NewReceived,
    CarriedOver,
    Result,
    TotalProcessed,
    CarriedForward,
}

/// One labelled row of a template table.
#[derive(Debug)]
pub struct Row {
    pub key: &'static str,
    /// The label as the template prints it.
    pub label: &'static str,
    /// Substrings that identify the row even when its label is wrapped or cut.
    pub cues: &'static [&'static str],
    pub templates: In,
    pub role: Role,
}

const fn row(key: &'static str, label: &'static str, cues: &'static [&'static str], templates: In, role: Role) -> Row {
    Row { key, label, cues, templates, role }
}

use In::*;
use Role::*;

/// 表三, in printed order. Cues are matched on labels with whitespace removed.
pub static REQUEST_ROWS: &[Row] = &[
    row("new_received", "一、本年新收政府信息公开申请数量", &["本年新收"], Both, NewReceived),
    row("carried_over", "二、上年结转政府信息公开申请数量", &["上年结转"], Both, CarriedOver),
    row("granted", "(一)予以公开", &["予以公开"], Both, Result),
    row("partially_granted", "(二)部分公开", &["部分公开"], Both, Result),
    row("denied_state_secret", "(三)1.属于国家秘密", &["国家秘密"], Both, Result),
    row("denied_law_prohibited", "(三)2.其他法律行政法规禁止公开", &["禁止公开", "法律行政法规"], Both, Result),
    row("denied_security_stability", "(三)3.危及\"三安全一稳定\"", &["三安全一稳定", "危及"], Both, Result),
    row("denied_third_party", "(三)4.保护第三方合法权益", &["第三方合法权益", "保护第三方"], Both, Result),
    row("denied_internal_affairs", "(三)5.属于三类内部事务信息", &["内部事务"], Both, Result),
    row("denied_process_info", "(三)6.属于四类过程性信息", &["过程性信息"], Both, Result),
    row("denied_enforcement_case", "(三)7.属于行政执法案卷", &["执法案卷"], Both, Result),
    row("denied_admin_query", "(三)8.属于行政查询事项", &["行政查询"], Both, Result),
    row("unable_not_held", "(四)1.本机关不掌握相关政府信息", &["不掌握"], Both, Result),
    row("unable_needs_creation", "(四)2.没有现成信息需要另行制作", &["另行制作", "没有现成信息"], Both, Result),
    row("unable_unclear", "(四)3.补正后申请内容仍不明确", &["仍不明确", "补正后申请"], Both, Result),
    row("rejected_petition", "(五)1.信访举报投诉类申请", &["信访举报"], Both, Result),
    row("rejected_duplicate", "(五)2.重复申请", &["重复申请"], Both, Result),
    row("rejected_publication", "(五)3.要求提供公开出版物", &["公开出版物"], Both, Result),
    row("rejected_excessive", "(五)4.无正当理由大量反复申请", &["大量反复"], Both, Result),
    row("rejected_confirmation", "(五)5.要求行政机关确认或重新出具已获取信息", &["确认或重新出具", "重新出具"], Both, Result),
    row("other", "(六)其他处理", &["其他处理"], Only2019, Result),
    row(
        "other_overdue_correction",
        "(六)1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        &["逾期不补正", "无正当理由逾期"],
        Only2021,
        Result,
    ),
    row(
        "other_overdue_fee",
        "(六)2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        &["逾期未按收费", "缴纳费用"],
        Only2021,
        Result,
    ),
    row("other_misc", "(六)3.其他", &["3.其他"], Only2021, Result),
    row("total_processed", "(七)总计", &["总计"], Both, TotalProcessed),
    row("carried_forward", "四、结转下年度继续办理", &["结转下年度", "下年度继续"], Both, CarriedForward),
];

/// The words of the label of the band of 表三's result rows (`三、本年度办理结果`),
/// which names no row of its own.
pub const RESULTS_BAND: &str = "办理结果";

/// The groups of 表三's result rows that print a heading over numbered rows:
/// each group's numeral and the words of its heading.
pub static REQUEST_GROUPS: &[(&str, &str)] = &[("(三)", "不予公开"), ("(四)", "无法提供"), ("(五)", "不予处理"), ("(六)", "其他处理")];

/// The rows of the group with the numeral `numeral` in `t` (`(三)1.…` to `(三)8.…`).
pub fn group_rows(t: Template, numeral: &str) -> Vec<&'static Row> {
    let numbered =
        |r: &&Row| r.label.strip_prefix(numeral).is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
    REQUEST_ROWS.iter().filter(|r| r.templates.has(t)).filter(numbered).collect()
}

/// 表三's columns, left to right: the applicant categories, then 总计.
pub static APPLICANTS: &[&str] =
    &["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total"];

/// The printed headers of [`APPLICANTS`], in the same order.
pub static APPLICANT_LABELS: &[&str] = &["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];

/// How the numbers of an amount column are printed when the cell has no unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Count,
    /// Yuan unless the header or the cell says 万元.
    Yuan,
    /// The template prints the column in 万元 (10,000 yuan).
    WanYuan,
}

/// A column of a 表二 block.
#[derive(Debug)]
pub struct Column {
    pub metric: &'static str,
    pub label: &'static str,
    pub unit: Unit,
}

const fn col(metric: &'static str, label: &'static str, unit: Unit) -> Column {
    Column { metric, label, unit }
}

/// One block of 表二 (第二十条第(X)项): its items share the columns.
#[derive(Debug)]
pub struct DisclosureBlock {
    /// The 第二十条 item the block reports on, as printed: `(一)`.
    pub article: &'static str,
    pub templates: In,
    pub columns: &'static [Column],
    /// (item key, label, cues)
    pub items: &'static [(&'static str, &'static str, &'static [&'static str])],
}

const PROJECTS_2019: &[Column] = &[
    col("previous_count", "上一年项目数量", Unit::Count),
    col("change", "本年增/减", Unit::Count),
    col("decisions", "处理决定数量", Unit::Count),
];
const DECISIONS_2021: &[Column] = &[col("decisions", "本年处理决定数量", Unit::Count)];

/// 表二, in printed order, for both templates.
pub static DISCLOSURE_BLOCKS: &[DisclosureBlock] = &[
    DisclosureBlock {
        article: "(一)",
        templates: Only2019,
        columns: &[
            col("new_made", "本年新制作数量", Unit::Count),
            col("new_published", "本年新公开数量", Unit::Count),
            col("total_published", "对外公开总数量", Unit::Count),
        ],
        items: &[("regulation", "规章", &["规章"]), ("normative_document", "规范性文件", &["规范性文件"])],
    },
    DisclosureBlock {
        article: "(一)",
        templates: Only2021,
        columns: &[
            col("made", "本年制发件数", Unit::Count),
            col("repealed", "本年废止件数", Unit::Count),
            col("in_force", "现行有效件数", Unit::Count),
        ],
        items: &[("regulation", "规章", &["规章"]), ("normative_document", "行政规范性文件", &["规范性文件"])],
    },
    DisclosureBlock {
        article: "(五)",
        templates: Only2019,
        columns: PROJECTS_2019,
        items: &[
            ("administrative_license", "行政许可", &["行政许可"]),
            ("other_management_service", "其他对外管理服务事项", &["对外管理服务"]),
        ],
    },
    DisclosureBlock {
        article: "(五)",
        templates: Only2021,
        columns: DECISIONS_2021,
        items: &[("administrative_license", "行政许可", &["行政许可"])],
    },
    DisclosureBlock {
        article: "(六)",
        templates: Only2019,
        columns: PROJECTS_2019,
        items: &[("administrative_penalty", "行政处罚", &["行政处罚"]), ("administrative_coercion", "行政强制", &["行政强制"])],
    },
    DisclosureBlock {
        article: "(六)",
        templates: Only2021,
        columns: DECISIONS_2021,
        items: &[("administrative_penalty", "行政处罚", &["行政处罚"]), ("administrative_coercion", "行政强制", &["行政强制"])],
    },
    DisclosureBlock {
        article: "(八)",
        templates: Only2019,
        columns: &[col("previous_count", "上一年项目数量", Unit::Count), col("change", "本年增/减", Unit::Count)],
        items: &[("administrative_fee", "行政事业性收费", &["行政事业性收费", "事业性收费"])],
    },
    DisclosureBlock {
        article: "(八)",
        templates: Only2021,
        columns: &[col("amount_yuan", "本年收费金额(单位:万元)", Unit::WanYuan)],
        items: &[("administrative_fee", "行政事业性收费", &["行政事业性收费", "事业性收费"])],
    },
    DisclosureBlock {
        article: "(九)",
        templates: Only2019,
        columns: &[col("projects", "采购项目数量", Unit::Count), col("amount_yuan", "采购总金额", Unit::Yuan)],
        items: &[("centralized_procurement", "政府集中采购", &["集中采购"])],
    },
];

/// The words that open 表二's blocks: `第二十条第(一)项`.
pub const DISCLOSURE_ANCHOR: &str = "第二十条";

/// 表四: three proceedings of five outcomes each, printed as one row of 15 numbers.
pub static LITIGATION_PROCEEDINGS: &[&str] = &["reconsideration", "litigation_direct", "litigation_after_reconsideration"];
pub static LITIGATION_OUTCOMES: &[&str] = &["upheld", "corrected", "other", "pending", "total"];
/// The printed headers of [`LITIGATION_OUTCOMES`].
pub static LITIGATION_OUTCOME_LABELS: &[&str] = &["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
/// The words that open 表四.
pub const LITIGATION_ANCHORS: &[&str] = &["行政复议", "行政诉讼"];

/// Header words only one template prints, used to tell them apart (whitespace removed).
pub static MARKERS_2019: &[&str] = &["本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "采购项目数量", "采购总金额"];
pub static MARKERS_2021: &[&str] = &["本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额", "逾期不补正", "逾期未按收费"];

/// The rows of 表三 that `t` prints, in order.
pub fn request_rows(t: Template) -> Vec<&'static Row> {
    REQUEST_ROWS.iter().filter(|r| r.templates.has(t)).collect()
}

/// The blocks of 表二 that `t` prints, in order.
pub fn disclosure_blocks(t: Template) -> Vec<&'static DisclosureBlock> {
    DISCLOSURE_BLOCKS.iter().filter(|b| b.templates.has(t)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyed_rows_per_template() {
        // 20 rows both print, then (六) as one row (2019) or three (2021), (七)总计 and 四.
        assert_eq!(request_rows(Template::T2019).len(), 23);
        assert_eq!(request_rows(Template::T2021).len(), 25);
        assert!(request_rows(Template::Pre2019).is_empty());
    }

    #[test]
    fn keys_are_unique_within_each_template() {
        for t in [Template::T2019, Template::T2021] {
            let mut keys: Vec<_> = request_rows(t).iter().map(|r| r.key).collect();
            keys.sort();
            let n = keys.len();
            keys.dedup();
            assert_eq!(keys.len(), n, "{t:?}");
        }
    }

    #[test]
    fn every_cue_is_in_its_label() {
        for r in REQUEST_ROWS {
            for cue in r.cues {
                assert!(r.label.contains(cue), "{} does not contain {cue}", r.label);
            }
        }
        for b in DISCLOSURE_BLOCKS {
            for (_, label, cues) in b.items {
                assert!(cues.iter().all(|c| label.contains(c)), "{label}");
            }
        }
    }

    #[test]
    fn columns_match_their_headers() {
        assert_eq!(APPLICANTS.len(), APPLICANT_LABELS.len());
        assert_eq!(LITIGATION_OUTCOMES.len(), LITIGATION_OUTCOME_LABELS.len());
    }

    #[test]
    fn era_follows_the_year() {
        assert_eq!(Template::for_year(2018), Template::Pre2019);
        assert_eq!(Template::for_year(2020), Template::T2019);
        assert_eq!(Template::for_year(2021), Template::T2021);
    }
}
