//! Extract: normalised text to a [`Report`].
//!
//! Reads the metadata, tells which template the report follows, reads the layout
//! of its tables (`cells`), matches the rows against the template (`tables`) or,
//! before 2019, against the statistics table's indicators (`indicators`), and
//! checks the arithmetic the template promises (`checks`). Pure: no I/O.

pub mod cells;
pub mod checks;
mod wrapped;
pub mod indicators;
pub mod meta;
pub mod numerals;
pub mod prose;
pub mod tables;
pub mod unwrap;

use crate::load::Document;
use crate::region;
use crate::report::{Report, Status};
use crate::template::{self, Template};

/// Issue codes that mean some part of a report could not be read.
pub const PARTIAL_CODES: &[&str] = &[
    "rows_missing",
    "cells_unaligned",
    "cells_extra",
    "cells_cut",
    "litigation_cells_missing",
    "non_integer_count",
    "tables_missing",
    "truncated",
];

/// Extracts everything a document holds. Never fails: what cannot be read is
/// recorded as status and issue codes.
pub fn extract(doc: &Document) -> Report {
    let mut report = Report {
        report_id: doc.report_id.clone(),
        source_path: doc.source_path.clone(),
        source_bytes: doc.source_bytes,
        encoding: doc.encoding.clone(),
        traditional: doc.traditional,
        url: doc.hints.manifest.as_ref().and_then(|m| m.url.clone()),
        ..Report::default()
    };
    let text = match &doc.text {
        Ok(text) => text,
        Err(why) => {
            report.status = Some(Status::Unreadable);
            report.template = Some(Template::Unknown);
            report.flag(why.code, why.detail.clone());
            return report;
        }
    };
    if let Some(how) = &doc.redecoded {
        report.flag("text_redecoded", format!("the text was mojibake ({how}): read again from the bytes it came from"));
    }
    if let Some(kind) = data_file(&doc.source_path, text) {
        report.status = Some(Status::NotAReport);
        report.template = Some(Template::Unknown);
        report.flag("data_file", format!("{kind} data, not a report's text"));
        return report;
    }
    meta::read(text, &doc.hints, &mut report);
    place(&mut report, text);
    let words = Words::in_text(text);
    let t = template_of(&words, report.year);
    report.template = Some(t);
    if matches!(t, Template::T2019 | Template::T2021) {
        let (layout, rows) = cells::rows(text);
        let after_disclosures = tables::read_disclosures(text, &rows, t, &mut report);
        let after_requests = tables::read_requests(text, &rows, t, after_disclosures.unwrap_or(0), &mut report);
        let after_tables = after_requests.or(after_disclosures).unwrap_or(0);
        let litigation = tables::read_litigation(text, &rows, after_tables, &mut report);
        checks::check(&mut report, t);
        if report.fact_count() > 0 {
            report.layout = Some(layout.as_str());
            // Tables that stop before 表四 and the closing sections: the copy was cut.
            if litigation.is_none() && !words.has(CLOSING_SECTION) {
                report.flag("truncated", "the text ends before 表四 and the closing sections");
            } else if report.requests.is_empty() && report.disclosures.is_empty() && !opens(&words) {
                // A later page of the report alone (a page-turning book's, a
                // long page's second): no opening section and none of 表二 and 表三.
                report.flag("truncated", "the text starts after the opening sections, 表二 and 表三");
            } else if after_requests.is_none() && words.count(REQUEST_TABLE_HEADERS) > 0 {
                // 表三's heads printed and no row of it found (its labels broken
                // past knowing: a page read again from mojibake, spaces inside
                // its words): the table is lost, not absent.
                report.flag("tables_missing", "表三's heads are printed but none of its rows was found");
            }
        } else if !has_tables(&words) {
            report.flag("tables_missing", format!("a {} report with none of its tables in the text", t.as_str()));
        }
    } else if t == Template::Pre2019
        && (words.count(indicators::CUES) >= 2
            || (words.count(indicators::ACROSS_CUES) >= 2 && indicators::has_row_of_numbers(text)))
    {
        // The statistics table many reports on 2008-2018 print after their prose,
        // down the page or across it.
        let (layout, rows) = cells::rows(text);
        if indicators::read(text, &rows, &mut report) {
            report.layout = Some(layout.as_str());
        }
    }
    // The prose adds what the tables lack and is checked against what they hold.
    let report_like = looks_like_report(&words);
    if report.fact_count() > 0 || report_like {
        prose::read_outside(text, &table_lines(text, &report), &mut report);
    }
    // A notice on writing the reports, a site's list of them: about reports, not one.
    let about = report.fact_count() == 0 && report_like && meta::about_reports(text);
    // A half-year's or a quarter's statistics: its figures are no year's.
    let part = report.title.as_deref().map_or_else(|| meta::part_year(text), meta::names_part_year);
    // A model report to write after (a 范文): no agency's figures.
    // (Its title looked at only where the text holds the words at all.)
    let model = meta::MODEL_WORDS.iter().any(|w| words.has(w)) && meta::model_text(text);
    if part || model {
        report.clear_facts();
    }
    report.status = Some(if (!report_like || about || part || model) && report.fact_count() == 0 {
        // Not a report: its metadata flags would be noise, and a title read from
        // it (a notice's, an index's) names no report of this file.
        report.issues.clear();
        report.template = Some(Template::Unknown);
        if doc.hints.manifest.as_ref().is_none_or(|m| m.agency.is_none()) {
            report.title = None;
            report.agency = None;
            report.agency_key = None;
            report.admin_level = None;
            (report.province, report.city, report.county, report.region_code) = (None, None, None, None);
        }
        if about {
            report.flag("about_reports", "a notice or a list about annual reports, not one of them");
        }
        if model && !about {
            report.flag("about_reports", "a model text to write reports after (范文), not one agency's report");
        }
        if part {
            let why = "a report or statistics on part of a year (a half-year, a quarter), not an annual report";
            report.flag("part_year", why);
        }
        Status::NotAReport
    } else if report.issues.iter().any(|i| PARTIAL_CODES.contains(&i.code)) {
        Status::Partial
    } else {
        Status::Ok
    });
    report
}

/// The lines each table was read from: from the line of its first number to the
/// line of its last, sorted and merged. Facts of one kind with a sentence's end
/// between them are of two tables (a small one in the prose, the statistics
/// table after it): the prose between them is no table.
fn table_lines(text: &str, report: &Report) -> Vec<(usize, usize)> {
    let mut tables: [Vec<usize>; 3] = [
        report.disclosures.iter().map(|f| f.offset).collect(),
        // (The statistics table's fees are on a line of the table too.)
        report.requests.iter().map(|f| f.offset).chain(report.fees_offset).collect(),
        report.litigation.iter().map(|f| f.offset).collect(),
    ];
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for offsets in &mut tables {
        offsets.sort_unstable();
        spans.extend(offsets.chunk_by(|&a, &b| !text[a..b].contains('。')).map(|part| {
            let (first, last) = (part[0], part[part.len() - 1]);
            let start = text[..first].rfind('\n').map_or(0, |i| i + 1);
            let end = text[last..].find('\n').map_or(text.len(), |i| last + i + 1);
            (start, end)
        }));
    }
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (start, end) in spans {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// Region, codes and level from the agency's name, the text choosing among
/// divisions of the same name.
fn place(report: &mut Report, text: &str) {
    let Some(agency) = report.agency.clone() else { return };
    let head = || text.char_indices().nth(4000).map_or(text, |(end, _)| &text[..end]);
    let region::Placed { region, level, key } = region::place(&agency, head);
    if region.ambiguous {
        report.flag("region_ambiguous", format!("a division name in `{agency}` fits several divisions"));
    }
    report.admin_level = level.map(String::from);
    report.agency_key = Some(key);
    report.province = region.province;
    report.city = region.city;
    report.county = region.county;
    report.region_code = region.code;
}

/// The kind of structured data a file holds (`JSON`, `XML`, `CSV`), by its
/// extension or, for JSON, by its first characters: a collection's metadata
/// saved beside the reports, which names them without being one.
fn data_file(path: &str, text: &str) -> Option<&'static str> {
    let extension = path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let kind = match extension.as_str() {
        "json" | "jsonl" | "ndjson" | "geojson" => Some("JSON"),
        "xml" | "rss" => Some("XML"),
        "csv" | "tsv" => Some("CSV"),
        "yaml" | "yml" => Some("YAML"),
        _ => None,
    };
    // `{"title": …`: a JSON object whatever the file is called.
    let mut start = text.trim_start().chars().filter(|c| !c.is_whitespace());
    kind.or_else(|| (start.next() == Some('{') && start.next() == Some('"')).then_some("JSON"))
}

/// The section a whole report ends with.
const CLOSING_SECTION: &str = "存在的主要问题";
/// Words of a report's first part on 2019 or later: its opening section (as
/// the template names it, or as the reports before 2019 did), 表二's blocks,
/// 表三's heading.
const OPENING: &[&str] = &["总体情况", "概述", "第二十条", "收到和处理"];
const SUBJECTS: &[&str] = &["信息公开", "政务公开"];
const KINDS: &[&str] = &[
    "年度报告",
    "年报",
    "公开工作报告",
    "年度工作报告",
    "公开工作情况报告",
    "公开工作情况的报告",
    "公开工作的报告",
    "公开情况报告",
    "公开情况的报告",
];
const SECTIONS: &[&str] = &["主动公开", "依申请公开", "行政复议", "本报告", "收费"];
/// Words of 表三's header rows, which prose does not use.
const REQUEST_TABLE_HEADERS: &[&str] = &["申请人情况", "本年度办理结果", "勾稽关系"];

/// Which of the words that tell what a text is (template markers, section
/// names) a text holds, found in one pass over it.
struct Words {
    found: Vec<bool>,
}

impl Words {
    /// Every word looked for, each once.
    fn list() -> &'static (Vec<&'static str>, aho_corasick::dfa::DFA) {
        static LIST: std::sync::LazyLock<(Vec<&'static str>, aho_corasick::dfa::DFA)> =
            std::sync::LazyLock::new(|| {
                let mut words: Vec<&'static str> = vec![template::REQUEST_ROWS[0].cues[0], CLOSING_SECTION];
                let lists = [
                    template::MARKERS_2019,
                    template::MARKERS_2021,
                    SUBJECTS,
                    KINDS,
                    SECTIONS,
                    REQUEST_TABLE_HEADERS,
                    OPENING,
                    indicators::CUES,
                    indicators::ACROSS_CUES,
                    meta::MODEL_WORDS,
                ];
                for w in lists.concat() {
                    if !words.contains(&w) {
                        words.push(w);
                    }
                }
                let automaton = aho_corasick::dfa::DFA::new(&words).expect("the words make an automaton");
                (words, automaton)
            });
        &LIST
    }

    /// The words in `text`, whitespace inside them ignored (`本年新 制作数量`
    /// is 本年新制作数量): the automaton is fed the text without its whitespace.
    fn in_text(text: &str) -> Words {
        use aho_corasick::automaton::Automaton;
        use aho_corasick::Anchored;
        let (words, automaton) = Self::list();
        let mut found = vec![false; words.len()];
        let Ok(mut state) = automaton.start_state(Anchored::No) else { return Words { found } };
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let space = crate::normalize::whitespace_at(text, i);
            if space > 0 {
                i += space;
                continue;
            }
            state = automaton.next_state(Anchored::No, state, bytes[i]);
            if automaton.is_match(state) {
                for k in 0..automaton.match_len(state) {
                    found[automaton.match_pattern(state, k).as_usize()] = true;
                }
            }
            i += 1;
        }
        Words { found }
    }

    fn has(&self, word: &str) -> bool {
        Self::list().0.iter().position(|w| *w == word).is_some_and(|i| self.found[i])
    }

    fn count(&self, words: &[&str]) -> usize {
        words.iter().filter(|w| self.has(w)).count()
    }
}

/// Whether the text reads as an annual report at all: it names itself one, or
/// it has the template tables, or the sections such a report is made of.
fn looks_like_report(words: &Words) -> bool {
    let subject = words.count(SUBJECTS) > 0;
    let kind = words.count(KINDS) > 0;
    (subject && (kind || words.count(SECTIONS) >= 3)) || has_tables(words)
}

fn has_tables(words: &Words) -> bool {
    words.has(template::REQUEST_ROWS[0].cues[0]) || words.count(template::MARKERS_2019) + words.count(template::MARKERS_2021) > 0
}

/// Whether the text holds the first part of a report on 2019 or later.
fn opens(words: &Words) -> bool {
    words.count(OPENING) > 0 || has_tables(words)
}

/// Tells the template from the header words only one of them prints; falls back
/// to the year the report covers. Whitespace in the text is ignored.
pub fn detect_template(text: &str, year: Option<i32>) -> Template {
    template_of(&Words::in_text(text), year)
}

fn template_of(words: &Words, year: Option<i32>) -> Template {
    let (m2019, m2021) = (words.count(template::MARKERS_2019), words.count(template::MARKERS_2021));
    if m2021 > 0 && m2021 >= m2019 {
        return Template::T2021;
    }
    if m2019 > 0 {
        return Template::T2019;
    }
    // Without a marker of 表二, 表三 by its headers: `本年新收` alone may be
    // prose (本年新收到申请35件) in a report of any year.
    let request_table = words.has(template::REQUEST_ROWS[0].cues[0]) && words.count(REQUEST_TABLE_HEADERS) > 0;
    match year {
        Some(y) if request_table => match Template::for_year(y) {
            Template::Pre2019 => Template::T2019,
            t => t,
        },
        None if request_table => Template::T2019,
        Some(y) => Template::for_year(y),
        None => Template::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::decode;
    use crate::report::{LitigationFact, RequestFact};

    #[test]
    fn the_statistics_table_s_fees_line_is_the_table_s_not_prose() {
        // Narrow columns wrap the fees row's label (`七、依申请` over the line of
        // its number): the number is the table's, no count of the requests part.
        let text = "某县2017年政府信息公开年报\n三、依申请公开情况\n已答复88件,其中公开61件。\n\
            七、附表:政府信息公开情况统计表\n    统计指标   单位   统计数\n\
            \x20   (一)主动公开政府信息数   条   785\n    (一)收到申请数   件   88\n\
            \x20   2.同意公开答复数   件   61\n    七、依申请\n    公开信息收       万元   0\n    取的费用\n";
        let r = extract(&decode("r.txt", text.as_bytes()));
        assert_eq!(r.fees_yuan, Some(0.0));
        assert!(!r.has_issue("narrative_table_conflict"), "{:?}", r.issues);
    }

    #[test]
    fn table_lines_run_from_the_first_number_line_to_the_last_and_merge() {
        let text = "一、总体情况\n申请 3 4\n结转 5 6\n说明。\n复议 1 2\n诉讼 0 1\n";
        let at = |s: &str| text.find(s).unwrap();
        let mut r = Report::default();
        let req = |offset| RequestFact {
            row: "granted",
            applicant: "total",
            count: 1,
            offset,
        };
        r.requests = vec![req(at("4")), req(at("5"))];
        r.litigation = vec![LitigationFact {
            proceeding: "litigation",
            outcome: "total",
            count: 1,
            offset: at("1 2"),
        }];
        assert_eq!(
            table_lines(text, &r),
            vec![
                (at("申请"), at("说明")),
                (at("复议"), at("复议") + "复议 1 2\n".len())
            ]
        );
        // Overlapping tables make one range.
        r.litigation[0].offset = at("6");
        assert_eq!(table_lines(text, &r), vec![(at("申请"), at("说明"))]);
        assert!(table_lines(text, &Report::default()).is_empty());
        // A sentence between facts of one kind: two tables, and the prose between
        // them is no table's.
        r.requests = vec![req(at("4")), req(at("1 2"))];
        r.litigation.clear();
        assert_eq!(table_lines(text, &r), vec![(at("申请"), at("结转")), (at("复议"), at("诉讼"))]);
    }

    #[test]
    fn a_report_cut_inside_its_tables_is_partial() {
        let whole = std::fs::read_to_string("data/samples/004_6d9098e69707ff9c.txt").unwrap();
        let cut = &whole[..whole.find("(七)总计").unwrap()];
        let r = extract(&decode("cut.txt", cut.as_bytes()));
        assert_eq!(r.status, Some(Status::Partial));
        assert!(r.has_issue("truncated") && r.has_issue("rows_missing"));
        let r = extract(&decode("whole.txt", whole.as_bytes()));
        assert_eq!(r.status, Some(Status::Ok));
    }

    #[test]
    fn table_three_s_heads_printed_and_none_of_its_rows_found_is_partial() {
        // 表三's heads printed, its rows lost (a page whose labels were broken
        // past knowing): the table is missing, and the report partial.
        let whole = std::fs::read_to_string("data/samples/004_6d9098e69707ff9c.txt").unwrap();
        let (rows, litigation) = (whole.find("一、本年新收").unwrap(), whole.find("四、政府信息公开行政复议").unwrap());
        let lost = format!("{}{}", &whole[..rows], &whole[litigation..]);
        let r = extract(&decode("lost.txt", lost.as_bytes()));
        assert!(r.requests.is_empty() && !r.disclosures.is_empty() && r.litigation.len() == 15);
        assert!(r.has_issue("tables_missing"), "{:?}", r.issues);
        assert_eq!(r.status, Some(Status::Partial));
        // Its heads not printed either: no table of it to miss.
        let heads = whole.find("三、收到和处理").unwrap();
        let without = format!("{}{}", &whole[..heads], &whole[litigation..]);
        assert!(!extract(&decode("without.txt", without.as_bytes())).has_issue("tables_missing"));
    }

    #[test]
    fn a_later_page_of_a_report_alone_is_read_and_partial() {
        // A page-turning book's page from 表四 on; a line of its closing prose,
        // wrapped as on a PDF's page, holds 表二's header words (信息内容).
        let whole = std::fs::read_to_string("data/samples/004_6d9098e69707ff9c.txt").unwrap();
        let from = &whole[whole.find("四、政府信息公开行政复议").unwrap()..];
        let wrapped = "由于工作的特殊性,我局产生的政府信息大多属于不公开发布的信息内容,\n同时公开内容较少。\n";
        let page = format!("Page 8 - 某某市某某局2019年政府信息公开工作年度报告\nP. 8\n{from}{wrapped}");
        let r = extract(&decode("page8.txt", page.as_bytes()));
        assert_eq!(r.litigation.len(), 15);
        assert!(r.requests.is_empty() && r.disclosures.is_empty());
        assert!(r.has_issue("truncated"), "{:?}", r.issues);
        assert_eq!(r.status, Some(Status::Partial));
        // With its opening section (named as the reports before 2019 named it), it is whole.
        let opened = page.replacen("P. 8\n", "一、概述\n2019年,我局扎实推进政府信息公开工作。\n", 1);
        assert!(!extract(&decode("opened.txt", opened.as_bytes())).has_issue("truncated"));
    }

    #[test]
    fn texts_about_reports_are_not_reports() {
        let status = |name: &str, text: &str| {
            let r = extract(&decode(name, text.as_bytes()));
            (r.status, r.issues.iter().map(|i| i.code).collect::<Vec<_>>(), r.agency)
        };
        let notice = "关于做好2020年度政府信息公开工作年度报告编制发布工作的通知\n各县、区政府:\n\
            请于2021年1月31日前编制完成本单位政府信息公开工作年度报告,包括主动公开、依申请公开等情况。\n";
        assert_eq!(status("n.txt", notice), (Some(Status::NotAReport), vec!["about_reports"], None));
        // Its title over two lines.
        let notice = "关于政府信息公开工作年度报告\n有关事项的通知\n国办公开办函〔2019〕60号\n各省、自治区、直辖市人民政府办公厅:\n";
        assert_eq!(status("n2.txt", notice).0, Some(Status::NotAReport));
        let index = "首页 > 政府信息公开年报\n某某县人民政府2019年政府信息公开工作年度报告 2020-01-20\n\
            某某县人民政府2018年政府信息公开工作年度报告 2019-01-25\n某某县教育局2019年政府信息公开工作年度报告 2020-01-15\n";
        assert_eq!(status("i.txt", index), (Some(Status::NotAReport), vec!["about_reports"], None));
        let items: String = index.lines().skip(1).map(|l| format!("<li><a href=\"#\">{l}</a></li>")).collect();
        let page = format!("<html><body><div>首页 &gt; 政府信息公开年报</div><ul>{items}</ul></body></html>");
        assert_eq!(status("i.html", &page), (Some(Status::NotAReport), vec!["about_reports"], None));
        // A model report (a document-sharing site's 范文), its figures no agency's.
        let model = "政府信息公开年度工作报告范文\n本年度报告是根据《条例》要求编制。\n二、主动公开政府信息情况\n\
            本区到年底累计主动公开政府信息5928条,其中,本年度新增主动公开政府信息2110条。\n";
        assert_eq!(status("m.txt", model), (Some(Status::NotAReport), vec!["about_reports"], None));
        // Rules on writing the reports, in articles.
        let rules = "第一条 局各科室应于每年12月底前,将政府信息公开年度报告报局政府信息公开领导小组办公室。\n\
            第二条 报告的内容:\n(一)主动公开政府信息的情况\n1.主动公开信息总数;\n(二)政府信息依申请公开情况\n\
            2.年度内共受理政府信息公开申请件数;\n(三)依申请政府信息公开收费及费用减免情况\n(四)申请复议、提起行政诉讼情况\n";
        assert_eq!(status("rules.txt", rules), (Some(Status::NotAReport), vec!["about_reports"], None));
        // 表二's headings (第二十条第(一)项) are no articles.
        let t2021 = "第二十条第(一)项\n第二十条第(五)项\n某某镇2021年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n\
            三、收到和处理政府信息公开申请情况\n本年新收政府信息公开申请数量 | 0 |\n";
        assert_ne!(status("t.txt", t2021).0, Some(Status::NotAReport));
        let meta = r#"{"title": "某某县人民政府2019年政府信息公开工作年度报告", "year": 2019}"#;
        assert_eq!(status("page.txt", meta), (Some(Status::NotAReport), vec!["data_file"], None));
        assert_eq!(status("page.csv", "title,year\n某某县2019年政府信息公开工作年度报告,2019\n").1, vec!["data_file"]);
        // A report that repeats its own title is one.
        let report = "某某县人民政府2015年政府信息公开工作年度报告\n某某县人民政府2015年政府信息公开工作年度报告\n\
            一、总体情况\n全年主动公开政府信息12条。\n";
        assert_eq!(status("r.txt", report).0, Some(Status::Ok));
        // A half-year's statistics, which read like a report's: no year's figures.
        let half = "2022年上半年政府信息公开数据统计\n2022年07月25日 来源:某某区\n二、依申请公开情况\n\
            2022年上半年,全区各行政机关共受理政府信息公开申请267件,答复263件。\n";
        let r = extract(&decode("h.txt", half.as_bytes()));
        assert_eq!((r.status, r.fact_count()), (Some(Status::NotAReport), 0));
        assert!(r.has_issue("part_year"));
        let quarter = half.replace("2022年上半年政府信息公开", "某某区2023年第一季度政务公开");
        assert_eq!(status("q.txt", &quarter).1, vec!["part_year"]);
        // Titled so.
        let titled = half.replace("政府信息公开数据统计", "某某区政府信息公开情况报告");
        assert_eq!(status("t.txt", &titled).1, vec!["part_year"]);
        // An untitled report whose page links a half-year's page after naming its subject.
        let linked = "某某县政府信息公开专栏\n相关链接:2020年上半年政府信息公开数据统计\n一、总体情况\n\
            2019年,全县主动公开政府信息120条。\n二、依申请公开情况\n全年受理申请5件。\n三、行政复议情况\n未发生行政复议。\n";
        assert_ne!(status("l.txt", linked).0, Some(Status::NotAReport));
        // A report that says what it did in the first half of its year is a report.
        let report = "某某县人民政府2015年政府信息公开工作年度报告\n一、总体情况\n2015年上半年政府信息公开工作检查\n\
            全年主动公开政府信息12条。\n";
        assert_eq!(status("r2.txt", report).0, Some(Status::Ok));
    }

    #[test]
    fn a_statistics_table_stands_and_the_prose_adds_what_it_lacks() {
        let text = "某某县民政局2015年政府信息公开工作年度报告\n二、主动公开政府信息情况\n全年主动公开政府信息120条。\n\
            三、依申请公开政府信息情况\n全年共受理申请6件，其中公民申请5件；网上申请4件。\n\
            四、行政复议和行政诉讼情况\n本年度行政复议和行政诉讼均为0件。\n七、附表\n\
            统计指标 | 单位 | 统计数 |\n（一）主动公开政府信息数 | 条 | 121 |\n（一）收到申请数 | 件 | 6 |\n\
            1．当面申请数 | 件 | 2 |\n3．网络申请数 | 件 | 4 |\n四、行政复议数量 | 件 | 0 |\n";
        let r = extract(&decode("r.txt", text.as_bytes()));
        let requests: Vec<_> = r.requests.iter().map(|f| (f.row, f.applicant, f.count)).collect();
        assert_eq!(
            requests,
            vec![
                ("new_received", "total", 6),
                ("channel_in_person", "total", 2),
                ("channel_online", "total", 4),
                ("new_received", "natural_person", 5)
            ]
        );
        let litigation: Vec<_> = r.litigation.iter().map(|f| (f.proceeding, f.count)).collect();
        assert_eq!(litigation, vec![("reconsideration", 0), ("litigation", 0)]);
        assert_eq!(r.disclosures.iter().map(|f| f.value).collect::<Vec<_>>(), vec![121.0]);
        assert!(r.has_issue("narrative_table_conflict"), "120 in the text, 121 in the table");
        assert_eq!((r.template, r.layout), (Some(Template::Pre2019), Some("pipe_rows")));
    }

    /// The forms a collection brings a report in, as (file name, bytes).
    fn forms(text: &str) -> Vec<(String, Vec<u8>)> {
        let printed = |columns| crate::gen::render::printed(text, columns);
        // A page footer every 30 lines, after a form feed.
        let paged: String = text
            .lines()
            .enumerate()
            .map(|(i, l)| if i % 30 == 29 { format!("{l}\n\u{c}- {} -\n", i / 30 + 1) } else { format!("{l}\n") })
            .collect();
        // Saved from Word: a paragraph a line, digits in spans of their own.
        let word: String = text
            .lines()
            .map(|l| {
                let digit = |c: char| format!("<span lang=EN-US>{c}</span>");
                let spans: String =
                    l.chars().map(|c| if c.is_ascii_digit() { digit(c) } else { c.to_string() }).collect();
                format!("<p class=MsoNormal><span style='font-family:仿宋'>{}</span></p>\n", spans.replace(' ', "&nbsp;"))
            })
            .collect();
        // An older site: the page laid out in a table, a navigation cell beside the text.
        let paragraphs: String = text.lines().map(|l| format!("<p>{l}</p>\n")).collect();
        let laid_out = format!(
            "<html><body><table width=100%><tr><td>导航 | 首页</td><td><table><tr><td>{paragraphs}</td></tr></table>\
             </td></tr><tr><td colspan=2>版权所有</td></tr></table></body></html>"
        );
        // A GBK conversion that could not write the non-breaking spaces.
        let lossy_gbk = encoding_rs::GBK.encode(&text.replace(['\u{a0}', '\u{2003}'], "?")).0.into_owned();
        vec![
            ("crlf.txt".into(), text.replace('\n', "\r\n").into_bytes()),
            ("bom.txt".into(), [&b"\xef\xbb\xbf"[..], text.as_bytes()].concat()),
            ("gbk.txt".into(), lossy_gbk),
            ("full_width.txt".into(), crate::gen::full_width_digits(text).into_bytes()),
            ("ideographic.txt".into(), text.replace(' ', "\u{3000}").into_bytes()),
            ("spaced.txt".into(), crate::gen::spaced_numbers(text).into_bytes()),
            ("paged.txt".into(), paged.into_bytes()),
            ("word.html".into(), format!("<html><body><div class=WordSection1>{word}</div></body></html>").into_bytes()),
            ("laid_out.html".into(), laid_out.into_bytes()),
            ("printed_60.txt".into(), printed(60).into_bytes()),
            ("printed_76.txt".into(), printed(76).into_bytes()),
            ("traditional.txt".into(), crate::gen::trad::to_traditional(&printed(68)).into_bytes()),
            ("mirror.txt".into(), crate::gen::trad::to_mirror(text).into_bytes()),
        ]
    }

    #[test]
    fn a_report_reads_the_same_in_the_forms_collections_bring_it_in() {
        let requests = |r: &Report| r.requests.iter().map(|f| (f.row, f.applicant, f.count)).collect::<Vec<_>>();
        let litigation =
            |r: &Report| r.litigation.iter().map(|f| (f.proceeding, f.outcome, f.count)).collect::<Vec<_>>();
        let disclosures = |r: &Report| r.disclosures.iter().map(|f| (f.item, f.metric, f.value)).collect::<Vec<_>>();
        let meta =
            |r: &Report| (r.title.clone(), r.agency.clone(), r.year, r.published, r.region_code.clone(), r.fees_yuan);
        for entry in std::fs::read_dir("data/samples").unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let whole = extract(&decode("whole.txt", text.as_bytes()));
            for (name, bytes) in forms(&text) {
                let doc = decode(&name, &bytes);
                let r = extract(&doc);
                let what = format!("{} as {name}", path.display());
                assert_eq!(requests(&r), requests(&whole), "{what}");
                assert_eq!(litigation(&r), litigation(&whole), "{what}");
                assert_eq!(disclosures(&r), disclosures(&whole), "{what}");
                assert_eq!(meta(&r), meta(&whole), "{what}");
                assert_eq!(r.status, whole.status, "{what}");
                // Counts read from sentences point at their numbers in the text read.
                let lines = doc.text.as_ref().unwrap();
                let counts = r.requests.iter().map(|f| (f.offset, f.count));
                for (offset, count) in counts.chain(r.litigation.iter().map(|f| (f.offset, f.count))) {
                    let first = lines[offset..].chars().next().unwrap();
                    let number = first.is_ascii_digit() || numerals::is_chinese_numeral(first);
                    assert!(count == 0 || number, "{what}: {offset}");
                }
            }
        }
    }

    #[test]
    fn template_words_are_found_across_whitespace_and_inside_each_other() {
        assert_eq!(detect_template("信息内容 本年新 制作数量\n本年新\u{3000}公开数量", Some(2020)), Template::T2019);
        let words = Words::in_text("依申请公开政府信息公开工作年度报告");
        for w in ["依申请公开", "信息公开", "年度报告"] {
            assert!(words.has(w), "{w}");
        }
        assert!(!words.has("年报") && !words.has("行政复议"));
    }

    #[test]
    fn the_words_pass_finds_what_searching_the_text_without_whitespace_finds() {
        let (words, _) = Words::list();
        let pieces: Vec<&str> = words
            .iter()
            .flat_map(|w| {
                let cut = w.char_indices().nth(w.chars().count() / 2).map_or(0, |(i, _)| i);
                [&w[..cut], &w[cut..], *w]
            })
            .chain([" ", "\n", "\t", "\u{b}", "\u{3000}", "\u{a0}", "12", "|", "a", "、", "年", "公开", " 3 ", "\u{2028}"])
            .collect();
        let mut rng = crate::gen::rng::Rng::new(11);
        for _ in 0..5000 {
            let n = 1 + rng.below(10) as usize;
            let text: String = (0..n).map(|_| pieces[rng.below(pieces.len() as u64) as usize]).collect();
            let squashed = crate::normalize::squash(&text);
            let found = Words::in_text(&text);
            for (k, w) in words.iter().enumerate() {
                assert_eq!(found.found[k], squashed.contains(w), "{w} in {text:?}");
            }
        }
    }

    #[test]
    fn template_from_header_words_then_year() {
        assert_eq!(detect_template("信息内容本年新制作数量本年新公开数量", Some(2020)), Template::T2019);
        assert_eq!(detect_template("信息内容本年制发件数本年废止件数现行有效件数", None), Template::T2021);
        assert_eq!(detect_template("一、本年新收政府信息公开申请数量", Some(2022)), Template::T2021);
        assert_eq!(detect_template("全年共受理申请3件", Some(2014)), Template::Pre2019);
        // 表三 by its headers in a report dated before 2019; the same words in prose are prose.
        assert_eq!(detect_template("申请人情况\n一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1", Some(2018)), Template::T2019);
        assert_eq!(detect_template("本年新收到政府信息公开申请35件", Some(2017)), Template::Pre2019);
        assert_eq!(detect_template("本年新收到政府信息公开申请35件", None), Template::Unknown);
        assert_eq!(detect_template("全年共受理申请3件", None), Template::Unknown);
    }
}
