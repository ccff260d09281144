//! Gen: a reproducible corpus of realistic reports with their gold files.
//!
//! `ogi gen --reports N --seed S --out DIR` writes `DIR/input/<year>/…` and
//! `DIR/gold/…json` (the gold format of the data contract, plus `labels` naming
//! the layout and era, which `ogi eval --by layout,era` reads). Agencies are drawn
//! at every level from the national division table and report runs of
//! consecutive years between 2010 and 2024, each year with the template of its
//! era and the carried-over requests of the year before; magnitudes by level,
//! tables that add up, except a small
//! known share with a seeded error whose issue code the gold requires. Reports
//! come in every layout the reader claims, with page chrome, full-width digits
//! and varied prose, and among them a few non-reports, empty and binary files
//! and byte copies. The corpus is synthetic; it says so in every gold file.

pub mod mhtml;
pub mod render;
pub mod rng;
pub mod trad;
pub mod truth;
pub mod word;

use std::path::{Path, PathBuf};

use serde_json::{json, Map, Value};

use crate::error::{IoContext, Result};
use crate::template::{self, Template};
use render::{Block, Layout, Page, TRow};
use rng::Rng;
use truth::{Agency, Population};

/// What to generate.
#[derive(Clone, Debug)]
pub struct Options {
    pub reports: usize,
    pub seed: u64,
    pub out: PathBuf,
    /// Share of table reports with one seeded arithmetic error.
    pub error_rate: f64,
}

/// What was generated, by kind.
#[derive(Clone, Debug, Default)]
pub struct Generated {
    pub files: usize,
    pub by_layout: std::collections::BTreeMap<String, usize>,
    pub seeded_errors: usize,
}

const TABLE_LAYOUTS: &[Layout] = &[
    Layout::Markdown,
    Layout::PipeCells,
    Layout::Tabs,
    Layout::Aligned,
    Layout::Raw,
    Layout::Html,
    Layout::HtmlGbk,
    Layout::Traditional,
    Layout::Docx,
    Layout::Doc,
    Layout::Mhtml,
];
const PROSE_LAYOUTS: &[Layout] = &[
    Layout::Text,
    Layout::Text,
    Layout::Html,
    Layout::HtmlGbk,
    Layout::Traditional,
    Layout::Raw,
    Layout::Aligned,
    Layout::Docx,
    Layout::Doc,
    Layout::Mhtml,
];

/// Writes the corpus.
pub fn generate(opts: &Options) -> Result<Generated> {
    let input = opts.out.join("input");
    let gold = opts.out.join("gold");
    for d in [&input, &gold] {
        if d.exists() {
            std::fs::remove_dir_all(d).at(d)?;
        }
        std::fs::create_dir_all(d).at(d)?;
    }
    let population = Population::new();
    let mut rng = Rng::new(opts.seed);
    let mut series = Series::default();
    let mut done = Generated::default();
    let mut written: Vec<(PathBuf, String)> = Vec::new(); // (path, report gold status) for copies
    for i in 0..opts.reports {
        let roll = rng.below(1000);
        let (name, bytes, gold_value, layout) = if roll < 10 {
            non_report(&mut rng, i)
        } else if roll < 15 {
            (format!("{i:06}_empty.txt"), Vec::new(), bad_gold("unreadable", "empty_file"), "empty")
        } else if roll < 20 {
            let mut b = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
            b.extend((0..200).map(|_| rng.below(256) as u8));
            (format!("{i:06}_scan.png"), b, bad_gold("unreadable", "binary_file"), "binary")
        } else if roll < 30 && !written.is_empty() {
            let (original, status) = written[rng.below(written.len() as u64) as usize].clone();
            let bytes = std::fs::read(&original).at(&original)?;
            let ext = original.extension().map_or("txt".into(), |e| e.to_string_lossy().into_owned());
            let id = crate::load::report_id(&bytes);
            // A copy shares its original's report_id, and so its facts: not complete.
            let g = json!({"report": {"status": status, "duplicate_of": id}, "issues": ["duplicate"], "complete": false, "facts": {}});
            (format!("{i:06}_copy.{ext}"), bytes, g, "copy")
        } else {
            let (agency, year, new, carry) = series.next(&population, &mut rng);
            let (name, bytes, gold, layout, forward) = report(
                &agency,
                year,
                new,
                carry,
                &mut rng,
                i,
                opts.error_rate,
                &mut done,
            )?;
            series.carry = forward;
            (name, bytes, gold, layout)
        };
        let year_dir = gold_value.pointer("/report/year").and_then(Value::as_i64).map_or("misc".into(), |y| y.to_string());
        let dir = input.join(year_dir);
        std::fs::create_dir_all(&dir).at(&dir)?;
        let path = dir.join(&name);
        std::fs::write(&path, &bytes).at(&path)?;
        let mut g = gold_value;
        if let Value::Object(m) = &mut g {
            m.insert("source".into(), Value::from(name.clone()));
            let era = m.get("report").and_then(|r| r.get("template")).and_then(Value::as_str).unwrap_or("none").to_string();
            m.insert("labels".into(), json!({"layout": layout, "era": era, "synthetic": true}));
        }
        if layout != "copy" && layout != "empty" && layout != "binary" {
            let status = g.pointer("/report/status").and_then(Value::as_str).unwrap_or("ok").to_string();
            written.push((path.clone(), status));
        }
        let gold_path = gold.join(format!("{}.json", name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s)));
        std::fs::write(&gold_path, serde_json::to_string_pretty(&g).unwrap_or_default()).at(&gold_path)?;
        done.files += 1;
        *done.by_layout.entry(layout.to_string()).or_insert(0) += 1;
    }
    Ok(done)
}

/// First and last year of the corpus.
const YEARS: (i32, i32) = (2010, 2024);

/// Agencies report year after year: the corpus holds runs of consecutive
/// years of one agency (a few years each, as collections have gaps), with
/// requests of a similar size every year and each year's carried-over requests
/// those the year before carried forward. No agency reports a year twice, as
/// far as the population allows: an agency whose years are taken, or the years
/// next to them, is drawn again.
#[derive(Default)]
struct Series {
    agency: Option<Agency>,
    /// The next year of the run, and its last.
    next: i32,
    last: i32,
    /// Requests a year, before the year's own variation.
    base: i64,
    /// 表三's carried-forward cells of the run's previous report, if it had the table.
    carry: Option<[i64; 6]>,
    /// Agency-years given out (hashes of name and year).
    taken: std::collections::HashSet<u64>,
}

impl Series {
    /// The agency, year, requests and carried-over cells of the next report.
    fn next(
        &mut self,
        population: &Population,
        rng: &mut Rng,
    ) -> (Agency, i32, i64, Option<[i64; 6]>) {
        let agency = match self.agency.take() {
            Some(agency) if self.next <= self.last => agency,
            _ => self.start(population, rng),
        };
        let year = self.next;
        self.next += 1;
        self.taken.insert(Self::key(&agency.name, year));
        let new = (self.base as f64 * rng.range(60, 160) as f64 / 100.0).round() as i64;
        self.agency = Some(agency.clone());
        (agency, year, new, self.carry.take())
    }

    /// Starts the run of a new agency.
    fn start(&mut self, population: &Population, rng: &mut Rng) -> Agency {
        // National and provincial agencies are few: a large corpus takes all
        // their years, and draws land on the levels below.
        const TRIES: usize = 64;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let agency = population.agency(rng);
            // Runs that start before the first year are cut to it, so that every
            // year is about equally covered.
            let first = rng.range(i64::from(YEARS.0) - 6, i64::from(YEARS.1)) as i32;
            let last = (first + rng.range(0, 6) as i32).min(YEARS.1);
            let first = first.max(YEARS.0);
            // A year apart from the agency's other runs: a run carries over
            // from its own previous year only.
            let free =
                (first - 1..=last + 1).all(|y| !self.taken.contains(&Self::key(&agency.name, y)));
            if first <= last && (free || attempt >= TRIES) {
                self.base = truth::magnitude(rng, agency.level);
                (self.next, self.last) = (first, last);
                self.carry = None;
                return agency;
            }
        }
    }

    /// An agency-year; a township is one agency whether its name has its
    /// county's 人民政府 in it or not.
    fn key(name: &str, year: i32) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        (
            name.replace("人民政府", "").trim_end_matches("办事处"),
            year,
        )
            .hash(&mut h);
        h.finish()
    }
}

/// `pdftotext` output of a document in pages of 40 lines, each ending with its
/// number (`3`, `- 3 -`, `第3页 共5页`, `共5页 第3页` or `Page 3 of 5`, one style a
/// document) and a form feed.
fn paged(text: &str, rng: &mut Rng) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let pages = lines.len().div_ceil(40);
    let style = rng.below(5);
    let mut out = String::with_capacity(text.len() + pages * 16);
    for (k, page) in lines.chunks(40).enumerate() {
        for line in page {
            out.push_str(line);
            out.push('\n');
        }
        let n = k + 1;
        let mark = match style {
            0 => n.to_string(),
            1 => format!("- {n} -"),
            2 => format!("第{n}页 共{pages}页"),
            3 => format!("共{pages}页 第{n}页"),
            _ => format!("Page {n} of {pages}"),
        };
        out.push_str(&format!("{mark}\n\u{c}"));
    }
    out
}

fn bad_gold(status: &str, code: &str) -> Value {
    json!({"report": {"status": status}, "issues": [code], "complete": true, "facts": {}})
}

fn non_report(rng: &mut Rng, i: usize) -> (String, Vec<u8>, Value, &'static str) {
    let year = rng.range(2012, 2024);
    let (day, growth) = (rng.range(1, 28), rng.range(3, 9));
    let county = *rng.pick(&["武功县", "梁河县", "临泽县", "宁陵县", "平乡县"]);
    let gold = |code: Option<&str>| json!({"report": {"status": "not_a_report"}, "issues": code.into_iter().collect::<Vec<_>>(), "complete": true, "facts": {}});
    let (text, code) = match rng.below(7) {
        0 => (format!("关于召开{year}年度政务公开工作会议的通知\n各有关单位：\n定于{year}年3月{day}日召开会议，请准时参加。\n"), None),
        1 => (format!("{year}年全区经济运行情况\n一季度全区地区生产总值同比增长{growth}%。\n"), None),
        2 => ("政府信息公开指南\n一、主动公开\n公开的范围、形式与时限。\n二、依申请公开\n申请的受理机构与办理流程。\n".to_string(), None),
        // About the reports, not one of them: a notice on writing them, a site's list.
        3 if rng.chance(0.3) => (
            // The notice's title broken over two lines.
            "关于政府信息公开工作年度报告\n有关事项的通知\n各省、自治区、直辖市人民政府办公厅：\n\
             年度报告包括主动公开、依申请公开、因政府信息公开申请行政复议和提起行政诉讼等情况。\n"
                .to_string(),
            Some("about_reports"),
        ),
        3 => (
            format!(
                "关于做好{year}年度政府信息公开工作年度报告编制发布工作的通知\n各乡镇、各部门：\n请于{}年1月31日前编制完成本单位{year}年政府信息公开工作年度报告，\
                 内容包括主动公开、依申请公开、因政府信息公开申请行政复议和提起行政诉讼等情况。\n",
                year + 1
            ),
            Some("about_reports"),
        ),
        4 => {
            let list: String = (0..rng.range(3, 6))
                .map(|k| format!("{county}人民政府{}年政府信息公开工作年度报告 {}-01-{:02}\n", year - k, year - k + 1, day))
                .collect();
            (format!("首页 > 政务公开 > 政府信息公开年报\n{list}共{}条 1/1页\n", list.lines().count()), Some("about_reports"))
        }
        5 => {
            // A half-year's or a quarter's statistics, which read like a report's.
            let part = *rng.pick(&["上半年", "第一季度", "前三季度"]);
            let (received, answered) = (rng.range(20, 300), rng.range(10, 20));
            let text = format!(
                "{year}年{part}政府信息公开数据统计\n\n一、依申请公开情况\n{year}年{part}，全区各行政机关共受理政府信息公开申请{received}件，\
                 答复{}件。\n二、行政复议、诉讼情况\n{year}年{part}，全区共发生涉及政府信息公开的行政诉讼案件{}件。\n",
                received - answered,
                rng.range(0, 5)
            );
            (text, Some("part_year"))
        }
        _ => {
            // A collection's metadata saved beside a report.
            let meta = json!({"title": format!("{county}人民政府{year}年政府信息公开工作年度报告"), "published": format!("{}-01-{day:02}", year + 1)});
            return (format!("{i:06}_meta.json"), meta.to_string().into_bytes(), gold(Some("data_file")), "non_report");
        }
    };
    (format!("{i:06}_news.txt"), text.into_bytes(), gold(code), "non_report")
}

fn chinese(n: i64) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10..=19 => format!("十{}", if n > 10 { D[(n - 10) as usize] } else { "" }),
        20..=99 => format!("{}十{}", D[(n / 10) as usize], if n % 10 > 0 { D[(n % 10) as usize] } else { "" }),
        _ => n.to_string(),
    }
}

/// Labels of 表三 as printed: a sub-group label on the first row of its group.
fn printed_label(label: &str) -> (Option<String>, String) {
    for (numeral, words) in template::REQUEST_GROUPS {
        if let Some(rest) = label.strip_prefix(numeral) {
            if rest.starts_with(|c: char| c.is_ascii_digit()) {
                return (Some(format!("{numeral}{words}")), rest.to_string());
            }
        }
    }
    (None, label.to_string())
}

/// `combined`: the form some agencies shortened, legal persons and other
/// organisations in one column (`自然人 | 法人或其他组织 | 总计`).
fn request_rows(t: Template, table: &truth::RequestTable, combined: bool) -> Vec<TRow> {
    let mut rows = vec![
        TRow::header(&["(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)", "申请人情况"]),
        TRow::header(if combined { &["自然人", "法人或其他组织", "总计"] } else { template::APPLICANT_LABELS }),
    ];
    let specs = template::request_rows(t);
    let results = specs.iter().filter(|r| matches!(r.role, template::Role::Result | template::Role::TotalProcessed)).count();
    let mut seen_groups = Vec::new();
    for (spec, (_, cells)) in specs.iter().zip(table) {
        let (group, item) = printed_label(spec.label);
        let mut labels = Vec::new();
        if let Some(g) = group {
            if !seen_groups.contains(&g) {
                labels.push(g.clone());
                seen_groups.push(g);
            }
        }
        labels.push(item);
        let group = (spec.key == "granted").then(|| ("三、本年度办理结果".to_string(), results));
        let values = if combined {
            let organisations: i64 = cells[1..cells.len() - 1].iter().sum();
            vec![cells[0].to_string(), organisations.to_string(), cells[cells.len() - 1].to_string()]
        } else {
            cells.iter().map(|v| v.to_string()).collect()
        };
        rows.push(TRow { group, labels, values, ..TRow::default() });
    }
    rows
}

/// `heads`: how many of the three header rows are printed (a converter that
/// drops merged cells keeps the first or none).
fn litigation_rows(values: &[i64; 15], heads: usize) -> Vec<TRow> {
    let outcomes: Vec<&str> = template::LITIGATION_OUTCOME_LABELS.iter().copied().cycle().take(15).collect();
    let mut rows = vec![
        TRow::spanning(&[("行政复议", 5), ("行政诉讼", 10)]),
        // Under 行政复议, its outcomes' heads, merged down from the row below.
        TRow::spanning(&[("未经复议直接起诉", 5), ("复议后起诉", 5)]),
        TRow::header(&outcomes),
    ];
    rows.truncate(heads);
    rows.push(TRow { values: values.iter().map(|v| v.to_string()).collect(), ..TRow::default() });
    rows
}

/// Notes some provinces' forms print after a row's name or a column's, saying
/// what to count (they name other rows).
const ITEM_NOTES: &[(&str, &str)] = &[
    ("regulation", "（设区的市、自治州人民政府应提供相关数据）"),
    ("normative_document", "（行政机关制定发布的决定、公告、通告、意见、通知，以及标题采用“规定”“办法”“细则”等字样的公文）"),
    ("other_management_service", "（指行政许可以外的政务服务事项，含行政确认、行政奖励、行政裁决、行政给付、行政处罚、行政强制等）"),
];

/// `notes`: the form with notes after row and column names (the year the report covers).
/// `first_line`: whether the first block prints its 第二十条 line (a copy may
/// leave it out, starting at the block's header).
fn disclosure_blocks(t: Template, values: &[(&str, &str, String, f64)], notes: Option<i32>, first_line: bool) -> Vec<Block> {
    let mut out = Vec::new();
    for (b, block) in template::disclosure_blocks(t).into_iter().enumerate() {
        let line = TRow::header(&[&format!("第二十条第{}项", block.article)]);
        let mut rows = if b > 0 || first_line { vec![line] } else { Vec::new() };
        let column_label = |label: &str| match (notes, label) {
            (Some(year), "上一年项目数量") => format!("{label}（指{}年事项数）", year - 1),
            (Some(year), "处理决定数量") => format!("{label}（指{year}年办件量）"),
            _ => label.to_string(),
        };
        let head: Vec<String> =
            ["信息内容".to_string()].into_iter().chain(block.columns.iter().map(|c| column_label(c.label))).collect();
        rows.push(TRow::header(&head.iter().map(String::as_str).collect::<Vec<_>>()));
        for (item, label, _) in block.items {
            let note = notes.and_then(|_| ITEM_NOTES.iter().find(|n| n.0 == *item)).map_or("", |n| n.1);
            let label = format!("{label}{note}");
            let cells: Vec<String> = block
                .columns
                .iter()
                .map(|c| values.iter().find(|v| v.0 == *item && v.1 == c.metric).map_or(String::new(), |v| v.2.clone()))
                .collect();
            rows.push(TRow { labels: vec![label], values: cells, ..TRow::default() });
        }
        out.push(Block::Table(rows));
    }
    out
}

/// The statistics table of a pre-2019 report, from the facts its prose states:
/// the national form from 2014, a province's older form (a column of running
/// totals beside the year's, and with `coded` a column of row codes) before. Adds
/// the facts only the table states.
/// The statistics table a pre-2019 report appends: the national form from 2014, a
/// province's before; with a column of row codes (`coded`), or with the rows'
/// serial numbers before their labels (`serial`, as some provinces' forms print).
fn indicator_rows(
    year: i32,
    proactive: i64,
    fees: i64,
    (coded, serial): (bool, bool),
    facts: &mut Map<String, Value>,
) -> Vec<TRow> {
    let fact = |facts: &Map<String, Value>, key: &str| facts.get(key).and_then(Value::as_i64);
    facts.insert("disclosures/proactive/total".into(), json!(proactive));
    facts.insert("requests/channel_fax/total".into(), json!(0));
    facts.entry("requests/partially_granted/total").or_insert(json!(0));
    let national = year >= 2014;
    let requests: &[(&str, &str)] = if national {
        &[
            ("new_received", "（一）收到申请数"),
            ("channel_in_person", "1．当面申请数"),
            ("channel_fax", "2．传真申请数"),
            ("channel_online", "3．网络申请数"),
            ("channel_letter", "4．信函申请数"),
            ("answered", "（三）申请答复数"),
            ("granted", "2．同意公开答复数"),
            ("partially_granted", "3．同意部分公开答复数"),
            ("unable_not_held", "5．不属于本行政机关公开数"),
        ]
    } else {
        &[
            ("new_received", "受理依申请公开信息总数"),
            ("channel_in_person", "其中：1.当面申请数"),
            ("channel_fax", "2.传真申请数"),
            ("channel_online", "3.网上申请数"),
            ("channel_letter", "4.信函申请数"),
            ("answered", "本年度对申请的答复总数"),
            ("granted", "其中：1.同意公开答复数"),
            ("partially_granted", "2.同意部分公开答复数"),
            ("unable_not_held", "3.非本机关掌握数"),
        ]
    };
    let unit = if national { "件" } else { "条" };
    let code = std::cell::Cell::new(0);
    let row = |label: &str, unit: &str, v: String| {
        let mut labels = vec![label.to_string(), unit.to_string()];
        if serial {
            code.set(code.get() + 1);
            labels.insert(0, code.get().to_string());
        }
        let mut values = Vec::new();
        if coded {
            code.set(code.get() + 1);
            values.push(format!("{:02}", code.get()));
        }
        values.push(v.clone());
        if !national {
            values.push(v); // the running total, here the year's own
        }
        TRow { labels, values, ..TRow::default() }
    };
    let mut rows = vec![if serial {
        TRow::header(&["序号", "统计指标", "计量单位", "数据统计数"])
    } else if national {
        TRow::header(&["统计指标", "单位", "统计数"])
    } else if coded {
        TRow::header(&["指标名称", "计量单位", "代码", "本期实际", "本年累计"])
    } else {
        TRow::header(&["指标名称", "计量单位", &format!("{year}年度"), "历年累计"])
    }];
    rows.push(row(if national { "（一）主动公开政府信息数" } else { "主动公开信息数" }, "条", proactive.to_string()));
    for (key, label) in requests {
        if let Some(v) = fact(facts, &format!("requests/{key}/total")) {
            rows.push(row(label, unit, v.to_string()));
        }
    }
    let proceedings = if national {
        [("reconsideration", "四、行政复议数量"), ("litigation", "五、行政诉讼数量")]
    } else {
        [("reconsideration", "行政复议数"), ("litigation", "行政诉讼数")]
    };
    for (proceeding, label) in proceedings {
        let Some(total) = fact(facts, &format!("litigation/{proceeding}/total")) else { continue };
        rows.push(row(label, "件", total.to_string()));
        for (outcome, label) in [("upheld", "（一）维持具体行政行为数"), ("corrected", "（二）被依法纠错数")] {
            if let Some(v) = fact(facts, &format!("litigation/{proceeding}/{outcome}")) {
                rows.push(row(label, "件", v.to_string()));
            }
        }
    }
    if national {
        rows.push(row("七、依申请公开信息收取的费用", "万元", format!("{}", fees as f64 / 10_000.0)));
    }
    rows
}

/// A department's name with its division's name replaced by the division's
/// level (`眉山市卫生局` → `市卫生局`, `赣州市石城县教育局` → `县教育局`).
fn by_level_alone(agency: &Agency) -> Option<String> {
    let place = match agency.level {
        "prefecture" => agency.city.as_deref()?,
        "county" => agency.county.as_deref()?,
        _ => return None,
    };
    let level = place.chars().last().filter(|c| ['市', '县', '区'].contains(c))?;
    let rest = &agency.name[agency.name.find(place)? + place.len()..];
    let department = (rest.ends_with('局') || rest.ends_with("委员会")) && !rest.contains("政府");
    department.then(|| format!("{level}{rest}"))
}

/// One report: its bytes, its gold and its layout's name.
/// A generated report: file name, bytes, gold, layout, and 表三's
/// carried-forward cells where it has the table.
type Generated1 = (String, Vec<u8>, Value, &'static str, Option<[i64; 6]>);

#[allow(clippy::too_many_arguments)]
fn report(
    agency: &Agency,
    year: i32,
    new: i64,
    carry: Option<[i64; 6]>,
    rng: &mut Rng,
    i: usize,
    error_rate: f64,
    done: &mut Generated,
) -> Result<Generated1> {
    let t = Template::for_year(year);
    let layout = *rng.pick(if t == Template::Pre2019 {
        PROSE_LAYOUTS
    } else {
        TABLE_LAYOUTS
    });
    // A department's page may name it by its division's level alone (`市卫生局`),
    // a district's or a county's with its government (`区政府国资局`), its full
    // name said once in the body.
    let full_name = agency.name.clone();
    let relative = by_level_alone(agency).filter(|_| rng.chance(0.03)).map(|name| {
        let government = name.starts_with(['区', '县']) && rng.chance(0.3);
        let name = if government { format!("{}政府{}", &name[..3], &name[3..]) } else { name };
        Agency { name, ..agency.clone() }
    });
    let agency = relative.as_ref().unwrap_or(agency);
    let published = truth::published(rng, year);
    let date_text = match rng.below(4) {
        0 => format!("{published}"),
        // A page's time of posting after the date.
        1 => format!("{published} {:02}:{:02}", rng.range(8, 18), rng.range(0, 59)),
        // As an ASP.NET site prints a time: no leading zeros.
        2 if rng.chance(0.2) => {
            format!("{}/{}/{} {}:{:02}:00", published.year, published.month, published.day, rng.range(8, 18), rng.range(0, 59))
        }
        _ => format!(
            "{}年{}月{}日",
            published.year, published.month, published.day
        ),
    };
    // A title that names no agency: the signature, the page's particulars or the
    // site's name say whose report it is.
    let anonymous = rng.chance(0.04);
    let title = match rng.below(12) {
        _ if anonymous && rng.chance(0.3) => format!("关于{year}年度政府信息公开情况的报告"),
        _ if anonymous => format!("{year}年度政府信息公开工作年度报告"),
        10 => format!("{}政府信息公开工作年度报告（{year}年度）", agency.name),
        11 if rng.chance(0.5) => format!("{}政府信息公开工作{year}年度报告", agency.name),
        11 => format!("{}{year}年度政府信息公开年度工作报告", agency.name),
        0..=3 if agency.name.ends_with("人民政府") => {
            format!("{year}年{}信息公开工作年度报告", agency.name)
        }
        0..=3 => format!("{year}年{}政府信息公开工作年度报告", agency.name),
        4 if rng.chance(0.3) => format!("{}{year}年度政府信息公开工作情况报告", agency.name),
        4 => format!("{}{year}年度政府信息公开工作报告", agency.name),
        5 if rng.chance(0.3) => format!("{}关于{year}年度政府信息公开工作情况的报告", agency.name),
        5 => format!("{}关于{year}年政府信息公开工作的年度报告", agency.name),
        6 if rng.chance(0.3) => {
            let subject = rng.pick(&["政务信息公开年度报告", "政府信息与政务公开工作年度报告", "政务公开年报"]);
            format!("{}{year}年{subject}", agency.name)
        }
        6 => format!("{}{year}年政府信息公开年报", agency.name),
        // A title typed with its 年 twice, or a site's list that puts the year before it.
        7 if rng.chance(0.1) => format!("{}{year}年年度政府信息公开工作年度报告", agency.name),
        8 if rng.chance(0.1) => format!("{year}{}{year}年度政府信息公开工作年度报告", agency.name),
        _ => format!("{}{year}年政府信息公开工作年度报告", agency.name),
    };
    // A page scraped without its title: the introduction names the agency that
    // wrote the report and the period it covers; a 局 calls itself 我局.
    let by_bureau = layout == Layout::Text
        && !anonymous
        && agency.self_ref == "我局"
        && agency.level != "national"
        && rng.chance(0.04);
    // A district's or county's page scraped without its title, headed by the
    // government's name and the date of writing, then 引言: the body calls the
    // government 本区, and may state no period (the year is the one it names most).
    let area = ["区人民政府", "县人民政府"].iter().find(|g| agency.name.ends_with(*g)).map(|g| &g[..3]);
    let headed = (layout == Layout::Text && !anonymous && !by_bureau && t == Template::Pre2019)
        .then_some(area)
        .flatten()
        .filter(|_| rng.chance(0.08));
    let untitled = by_bureau || headed.is_some();
    let mut facts = Map::new();
    let mut meta = Map::new();
    let mut issues: Vec<&str> = Vec::new();
    let mut blocks = Vec::new();
    if rng.chance(0.3) {
        // The introduction lists the parts of the report (and counts them).
        let parts = if t == Template::Pre2019 {
            "概述、主动公开政府信息情况、依申请公开政府信息情况、政府信息公开的收费及减免情况、因政府信息公开申请行政复议和提起行政诉讼的情况、存在的主要问题及改进措施共六个部分"
        } else {
            "总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项共六部分"
        };
        blocks.push(Block::Para(format!("本报告由{parts}组成。")));
    }
    if by_bureau {
        let name = &agency.name;
        let province = agency.province.as_deref().unwrap_or("某某省");
        // A notice about the reports may be named before the report is.
        let notice = format!("《{province}人民政府办公厅关于做好{year}年政府信息公开工作年度报告有关事项的通知》");
        let intro = match rng.below(5) {
            0 => format!("根据《中华人民共和国政府信息公开条例》和{notice}要求，{name}编制{year}年政府信息公开年度报告。"),
            1 => format!("本报告由{name}（以下简称本单位）根据《中华人民共和国政府信息公开条例》要求编制。"),
            2 => format!("根据《中华人民共和国政府信息公开条例》和{notice}要求，特编制{name}{year}年政府信息公开年度报告。"),
            3 => format!("{name}结合工作实际，强化工作部署，形成{year}年度{name}政府信息公开年度报告。"),
            _ => format!("本报告由{name}根据《中华人民共和国政府信息公开条例》要求编制。"),
        };
        blocks.push(Block::Para(format!("{intro}我局所列数据的统计期限自{year}年1月1日起至12月31日止。")));
    }
    if let Some(area) = headed {
        blocks.push(Block::Heading("引言".into()));
        let period = if rng.chance(0.5) { format!("本年度报告中所列数据的统计期限自{year}年1月1日起至12月31日止。") } else { String::new() };
        blocks.push(Block::Para(format!("本年度报告是根据《中华人民共和国政府信息公开条例》要求，由{}编制。{period}", agency.name)));
        blocks.push(Block::Para(format!(
            "本{area}自{}年{}月起开展政府信息公开工作。截至{year}年底，本{area}政府信息公开工作运行正常。",
            i64::from(year) - rng.range(3, 6),
            rng.range(1, 12)
        )));
    }
    blocks.push(Block::Heading("一、总体情况".into()));
    if relative.is_some() {
        blocks.push(Block::Para(format!("{}制定了《{full_name}政府信息公开工作制度》，明确了工作职责。", agency.name)));
    }
    let mut forward = None;
    if t == Template::Pre2019 {
        let p = truth::prose(rng, new);
        let numerals = rng.chance(0.25);
        let n = |v: i64| if numerals && v < 100 { chinese(v) } else { v.to_string() };
        blocks.push(Block::Para(format!("{year}年，{}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。", agency.self_ref)));
        blocks.push(Block::Heading("二、主动公开政府信息情况".into()));
        let mut proactive_stated = true;
        blocks.push(Block::Para(match rng.below(8) {
            0 => format!("{year}年，{}共主动公开政府信息{}条。", agency.self_ref, p.proactive),
            1 => format!("全年累计主动公开政府信息{}条，其中网上公开{}条。", p.proactive, p.online_part),
            2 => format!(
                "{year}年，{}主动公开政府信息{}条，其中通过政府网站公开信息{}条，通过公开栏公开{}条。",
                agency.self_ref,
                p.proactive,
                p.online_part,
                p.proactive - p.online_part
            ),
            3 => format!(
                "本年在门户网站发布信息{}条，在上级政府网站信息公开专栏发布信息{}条，总计{}条。",
                p.online_part,
                p.proactive - p.online_part,
                p.proactive
            ),
            // Parts listed after a 其中 of their own: no total.
            4 if rng.chance(0.2) => {
                proactive_stated = false;
                format!(
                    "{year}年度，{}通过多种渠道主动公开政府信息。其中，政府网站发布信息{}条，微信公众号发布信息{}条。",
                    agency.self_ref,
                    p.online_part,
                    p.proactive - p.online_part
                )
            }
            // The list by channel the reports on 2017 and 2018 were asked for: no total.
            4 if year >= 2017 => {
                proactive_stated = false;
                format!(
                    "通过不同渠道和方式公开政府信息情况：政府网站公开信息{}条，政务微博公开信息{}条，政府公报公开信息0条。",
                    p.online_part,
                    p.proactive - p.online_part
                )
            }
            5 if rng.chance(0.3) => format!(
                "{year}年共发布政府信息{}条，其中主动公开{}条，依申请公开{}条。",
                p.proactive + p.received,
                p.proactive,
                p.received
            ),
            5 => {
                let withheld = rng.below(50) as i64;
                format!(
                    "{year}年，共制作政府信息{}条，其中主动公开信息{}条，不予公开信息{withheld}条。",
                    p.proactive + withheld,
                    p.proactive
                )
            }
            // A running total since 2008, the year's own count as its part.
            6 if rng.chance(0.7) => format!(
                "截至{year}年底，累计主动公开政府信息{}条，其中{year}年主动公开{}条。",
                p.proactive * (year as i64 - 2007),
                p.proactive
            ),
            6 => format!("{year}年累计主动公开政府信息{}条，其中{year}年新增{}条。", p.proactive * (year as i64 - 2007), p.proactive),
            // Words between 信息 and the count.
            7 if rng.chance(0.4) => match rng.below(5) {
                0 => format!("{year}年度主动公开信息的有{}条。", p.proactive),
                1 => format!("{year}年度{}主动公开政府信息数{}条。", agency.self_ref, p.proactive),
                2 => format!("今年来主动公开的信息数共有{}条。", p.proactive),
                3 => format!("{year}年度共主动公开政府信息（公文平台发文）{}条。", p.proactive),
                _ => format!("本年度共主动公开信息：{}条。", p.proactive),
            },
            _ => format!("本年度主动公开各类政府信息{}条，内容涉及机构职能、政策文件、财政预决算等。", p.proactive),
        }));
        if proactive_stated {
            facts.insert("disclosures/proactive/total".into(), json!(p.proactive));
        }
        // The requests under a sub-heading of their own (on its line, or leading
        // the paragraph), not a numbered part.
        let sub_heading = rng.chance(0.15).then(|| rng.chance(0.5));
        let requests_at = blocks.len();
        match sub_heading {
            None => blocks.push(Block::Heading("三、依申请公开政府信息情况".into())),
            Some(false) => blocks.push(Block::Heading("（二）依申请公开情况".into())),
            Some(true) => {}
        }
        if p.received == 0 && sub_heading.is_none() && rng.chance(0.05) {
            // The section answered with a bare none.
            blocks.push(Block::Para("无。".into()));
            facts.insert("requests/new_received/total".into(), json!(0));
        } else if p.received == 0 && rng.chance(0.1) {
            // A form's sentence filled in with the number alone, its unit left out.
            blocks.push(Block::Para(format!("{}共受理政府信息公开申请0", agency.self_ref)));
            facts.insert("requests/new_received/total".into(), json!(0));
        } else if p.received == 0 {
            blocks.push(Block::Para(
                rng.pick(&[
                    "本年度未收到政府信息公开申请。",
                    "全年没有收到公民、法人或其他组织的政府信息公开申请。",
                    "本年度没有依申请公开信息的情况。",
                    "本年度未接收到政府信息公开申请。",
                    "本年度未发生依申请公开情况。",
                ])
                .to_string(),
            ));
            facts.insert("requests/new_received/total".into(), json!(0));
        } else {
            let received = match rng.below(6) {
                // The years' running total first, then the year's own.
                5 => format!(
                    "截至{year}年底，累计受理政府信息公开申请{}件，其中{year}年受理{}件",
                    n(p.received + rng.range(0, 200)),
                    n(p.received)
                ),
                0 => format!("全年共受理政府信息公开申请{}件", n(p.received)),
                4 => format!("本年新收到政府信息公开申请{}件", n(p.received)),
                1 => format!("本年度共收到依申请公开{}件", n(p.received)),
                2 => format!("全年共受理依申请公开政府信息{}件", n(p.received)),
                _ => format!("{year}年共接到政府信息公开申请{}宗", n(p.received)),
            };
            let [a, b, c] = p.channels;
            let in_person = rng.pick(&["当面", "现场"]);
            let online = rng.pick(&["网上", "网上", "网络", "线上", "在线"]);
            let letter = rng.pick(&["信函", "信函", "信件", "邮寄"]);
            // Every request by one channel, or from one kind of applicant, said of all.
            let one_channel = [(a, *in_person), (b, *online), (c, *letter)].into_iter().find(|&(v, _)| v == p.received);
            let said_of_all = one_channel.filter(|_| rng.chance(0.5));
            blocks.push(Block::Para(if let Some((_, channel)) = said_of_all {
                if rng.chance(0.5) {
                    facts.insert("requests/new_received/natural_person".into(), json!(p.received));
                    format!("{received}，均为公民申请，均为{channel}申请。")
                } else {
                    format!("{received}，均为{channel}申请。")
                }
            } else if rng.chance(0.2) {
                // Who asked, then how: the split by applicant comes first.
                let people = rng.range(0, p.received);
                facts.insert("requests/new_received/natural_person".into(), json!(people));
                // The split a sentence of its own, or not.
                let apart = rng.pick(&["，", "。"]);
                format!(
                    "{received}{apart}从申请主体看，公民申请{}件，法人和其他组织申请{}件；其中{in_person}申请{}件，{online}申请{}件，{letter}申请{}件。",
                    n(people),
                    n(p.received - people),
                    n(a),
                    n(b),
                    n(c)
                )
            } else if rng.chance(0.1) {
                // The parts by applicant before their sum, then the channels.
                let people = rng.range(0, p.received);
                facts.insert("requests/new_received/natural_person".into(), json!(people));
                format!(
                    "本年度接到公民申请{}件，法人申请{}件，共计{}件。其中{in_person}申请{}件，{online}申请{}件，{letter}申请{}件。",
                    n(people),
                    n(p.received - people),
                    n(p.received),
                    n(a),
                    n(b),
                    n(c)
                )
            } else if rng.chance(0.3) {
                format!("{received}（其中，{in_person}申请{}件，{online}申请{}件，{letter}申请{}件），均已按时答复。", n(a), n(b), n(c))
            } else {
                // The form's sentence may name every channel, the empty ones too.
                let every = rng.chance(0.2);
                if every {
                    facts.insert("requests/channel_fax/total".into(), json!(0));
                    facts.insert("requests/channel_other/total".into(), json!(0));
                }
                let rest = if every { "，传真申请0件，其他形式申请0件" } else { "" };
                format!("{received}，其中{in_person}申请{}件，{online}申请{}件，{letter}申请{}件{rest}。", n(a), n(b), n(c))
            }));
            // The national form's words (2014-2018) or others.
            let national = year >= 2014 && rng.chance(0.3);
            let granted = if national { "同意公开答复的" } else { rng.pick(&["同意公开", "予以公开答复", "公开"]) };
            let mut results = if national {
                format!("已全部办结。申请答复中，属于已主动公开范围的{}件，{granted}{}件", n(rng.range(0, 5)), n(p.granted))
            } else if rng.chance(0.15) {
                format!("在办结的{}件申请中，按时答复率100%，其中{granted}{}件", n(p.received), n(p.granted))
            } else {
                format!("已答复{}件，其中{granted}{}件", n(p.received), n(p.granted))
            };
            if p.partially > 0 {
                results.push_str(&format!("，同意部分公开{}件", n(p.partially)));
                facts.insert(
                    "requests/partially_granted/total".into(),
                    json!(p.partially),
                );
            }
            let not_held = if national {
                "不属于本行政机关公开的"
            } else {
                rng.pick(&["非本机关政府信息", "因本机关不掌握相关信息而无法提供"])
            };
            if national {
                results.push_str("，不同意公开答复的0件");
                facts.insert("requests/denied/total".into(), json!(0));
            } else if rng.chance(0.1) {
                results.push_str(&format!("，{}0件", rng.pick(&["不公开", "否决公开"])));
                facts.insert("requests/denied/total".into(), json!(0));
            }
            results.push_str(&format!("，{not_held}{}件。", n(p.not_held)));
            if rng.chance(0.1) {
                // Consultations, which are no requests.
                results.push_str(&format!("本年度共有{}人次通过电话咨询政府信息公开事宜。", n(rng.range(1, 60))));
            }
            blocks.push(Block::Para(results));
            if layout != Layout::Raw && said_of_all.is_none() && rng.chance(0.15) {
                // The counts again in a table printed across, heads over numbers.
                let heads = ["申请总数", "当面申请", "网上申请", "信函申请", "同意公开", "非本机关"];
                let values = [p.received, a, b, c, p.granted, p.not_held].iter().map(|v| v.to_string()).collect();
                blocks.push(Block::Table(vec![TRow::header(&heads), TRow { values, ..TRow::default() }]));
            }
            for (k, v) in [
                ("new_received", p.received),
                ("channel_in_person", a),
                ("channel_online", b),
                ("channel_letter", c),
                ("answered", p.received),
                ("granted", p.granted),
                ("unable_not_held", p.not_held),
            ] {
                // Said of all, the channels no request came by go unnamed; the
                // national form's words give no count answered.
                if (said_of_all.is_some() && k.starts_with("channel_") && v != p.received) || (national && k == "answered") {
                    continue;
                }
                facts.insert(format!("requests/{k}/total"), json!(v));
            }
        }
        if sub_heading == Some(true) {
            if let Some(Block::Para(first)) = blocks.get_mut(requests_at) {
                first.insert_str(0, "（二）依申请公开情况。");
            }
        }
        blocks.push(Block::Heading("四、政府信息公开的收费及减免情况".into()));
        blocks.push(Block::Para(if p.fees == 0 {
            rng.pick(&[
                "本年度未收取任何费用。",
                "依申请公开工作中没有收取检索费、复制费等费用。",
                "无政府信息公开收费情况。",
                // The section answered with a bare none.
                "无。",
            ])
            .to_string()
        } else {
            match rng.below(3) {
                // The parts and their sum.
                0 if p.fees > 1 => {
                    let copies = rng.range(1, p.fees - 1);
                    format!("本年度收取复制费{copies}元，邮寄费{}元，共计{}元。", p.fees - copies, p.fees)
                }
                1 if p.fees % 100 == 0 => format!("本年度共收取信息公开费用{}万元。", p.fees as f64 / 10_000.0),
                _ => format!("本年度收取检索费、复制费共计{}元。", p.fees),
            }
        }));
        meta.insert("fees_yuan".into(), json!(p.fees));
        blocks.push(Block::Heading(
            "五、因政府信息公开申请提起行政复议、行政诉讼的情况".into(),
        ));
        blocks.push(Block::Para(match (p.reconsiderations, p.lawsuits) {
            (r, l) if rng.chance(0.3) => {
                format!("{year}年共发生针对本机关政府信息公开的行政复议案件{}起、行政诉讼案件{}起。", n(r), n(l))
            }
            // The section answered with a bare none.
            (0, 0) if rng.chance(0.1) => rng.pick(&["无。", "本年度无此类情况。", "暂无。"]).to_string(),
            (0, 0) if rng.chance(0.3) => "本年度行政复议和行政诉讼均为0件。".to_string(),
            (0, 0) if rng.chance(0.15) => {
                format!("{year}年度{}无一例因政府信息公开申请行政复议和提起行政诉讼发生。", agency.self_ref)
            }
            (0, 0) => "本年度未发生因政府信息公开引起的行政复议和行政诉讼。".to_string(),
            (1, 0) if rng.chance(0.3) => {
                facts.insert("litigation/reconsideration/upheld".into(), json!(1));
                "本年度因政府信息公开引发行政复议1起，经复议维持原答复；未发生行政诉讼。".to_string()
            }
            (r, 0) if rng.chance(0.5) => {
                // What became of the cases: some upheld, the rest corrected.
                let upheld = rng.range(0, r);
                facts.insert("litigation/reconsideration/upheld".into(), json!(upheld));
                facts.insert("litigation/reconsideration/corrected".into(), json!(r - upheld));
                let corrected = rng.pick(&["纠正", "撤销"]);
                format!("本年度被申请行政复议{}件，其中维持{}件，{corrected}{}件；未发生行政诉讼。", n(r), n(upheld), n(r - upheld))
            }
            (r, 0) if r >= 2 && rng.chance(0.3) => {
                // The outcomes in brackets after the count, each count before its outcome.
                let upheld = rng.range(1, r - 1);
                facts.insert("litigation/reconsideration/upheld".into(), json!(upheld));
                facts.insert("litigation/reconsideration/corrected".into(), json!(r - upheld));
                format!("本年度共收到行政复议申请{}件（其中{}件维持，{}件撤销），未发生行政诉讼。", n(r), n(upheld), n(r - upheld))
            }
            (r, 0) => format!("本年度发生行政复议{}件，未发生行政诉讼。", n(r)),
            (r, l) if r > 0 && rng.chance(0.3) => {
                // Each proceeding named again with its outcomes, in the national
                // form's words: a dismissed suit is upheld, a withdrawn one other.
                let dismissed = rng.range(0, l);
                facts.insert("litigation/reconsideration/upheld".into(), json!(r));
                facts.insert("litigation/litigation/upheld".into(), json!(dismissed));
                facts.insert("litigation/litigation/other".into(), json!(l - dismissed));
                format!(
                    "本年度因政府信息公开申请提起行政复议{}件，经复议维持原具体行政行为{}件；提起行政诉讼{}起，其中法院判决驳回原告诉讼请求{}起，原告撤诉{}起。",
                    n(r),
                    n(r),
                    n(l),
                    n(dismissed),
                    n(l - dismissed)
                )
            }
            (r, l) if r == l && rng.chance(0.3) => format!("本年度行政复议和行政诉讼各{}件。", n(r)),
            (r, l) if r > 0 && l > 0 && rng.chance(0.25) => {
                // The outcomes in a sentence of their own, each proceeding named with them.
                let (upheld, dismissed) = (rng.range(0, r), rng.range(0, l));
                facts.insert("litigation/reconsideration/upheld".into(), json!(upheld));
                facts.insert("litigation/reconsideration/corrected".into(), json!(r - upheld));
                facts.insert("litigation/litigation/upheld".into(), json!(dismissed));
                facts.insert("litigation/litigation/pending".into(), json!(l - dismissed));
                format!(
                    "本年度发生行政复议{}起、行政诉讼{}起。其中，行政复议维持{}起、纠正{}起；行政诉讼维持{}起，尚在审理{}起。",
                    n(r),
                    n(l),
                    n(upheld),
                    n(r - upheld),
                    n(dismissed),
                    n(l - dismissed)
                )
            }
            (r, l) if r > 0 && l > 0 && rng.chance(0.2) => {
                facts.insert("litigation/reconsideration/upheld".into(), json!(r));
                facts.insert("litigation/litigation/upheld".into(), json!(l));
                format!("全年行政复议案件{}件，行政诉讼案件{}件，均已审结，结果均为维持。", n(r), n(l))
            }
            (r, l) if r > 0 && rng.chance(0.15) => {
                facts.insert("litigation/reconsideration/upheld".into(), json!(r));
                format!("本年度发生政府信息公开行政复议{}件（维持），行政诉讼{}件。", n(r), n(l))
            }
            (r, l) if rng.chance(0.15) => format!("行政复议：{}件；行政诉讼：{}件。", n(r), n(l)),
            (r, l) => format!("本年度发生行政复议{}件，行政诉讼{}件。", n(r), n(l)),
        }));
        facts.insert(
            "litigation/reconsideration/total".into(),
            json!(p.reconsiderations),
        );
        facts.insert("litigation/litigation/total".into(), json!(p.lawsuits));
        blocks.push(Block::Heading("六、存在的主要问题及改进措施".into()));
        blocks.push(Block::Para("公开内容有待丰富，下一步将加强培训。".into()));
        if rng.chance(0.35) {
            // The statistics table many reports append, with the counts the
            // prose gives (and a few it does not).
            blocks.push(Block::Heading("七、附表：政府信息公开情况统计表".into()));
            let coded = year < 2014 && rng.chance(0.3);
            let serial = year >= 2014 && rng.chance(0.2);
            blocks.push(Block::Table(indicator_rows(year, p.proactive, p.fees, (coded, serial), &mut facts)));
        }
        meta.insert("identity_ok".into(), Value::Null);
    } else {
        let tables = truth::tables(rng, t, new, carry, error_rate);
        forward = Some(tables.carried_forward());
        blocks.push(Block::Para(format!(
            "{year}年，{}坚持以公开为常态、不公开为例外，全面推进政务公开。",
            agency.self_ref
        )));
        if rng.chance(0.15) && tables.seeded.is_empty() {
            // The overview sums up the requests, the granted in whole or in part together.
            let total = |key: &str| tables.requests.iter().find(|r| r.0 == key).map_or(0, |r| r.1[6]);
            let joined = rng.pick(&["予以公开及部分公开", "同意公开和部分公开", "全部或部分公开"]);
            blocks.push(Block::Para(format!(
                "全年共收到政府信息公开申请{}件，{joined}{}件，均在法定期限内予以答复。",
                total("new_received"),
                total("granted") + total("partially_granted")
            )));
        }
        blocks.push(Block::Heading("二、主动公开政府信息情况".into()));
        blocks.push(Block::Para(format!(
            "全年主动公开政府信息{}条。",
            tables.proactive
        )));
        facts.insert(
            "disclosures/proactive/total".into(),
            json!(tables.proactive),
        );
        let notes = rng.chance(0.1).then_some(year);
        blocks.extend(disclosure_blocks(t, &tables.disclosures, notes, rng.chance(0.95)));
        for (item, metric, _, v) in &tables.disclosures {
            facts.insert(format!("disclosures/{item}/{metric}"), json!(v));
        }
        blocks.push(Block::Heading("三、收到和处理政府信息公开申请情况".into()));
        let combined = tables.seeded.is_empty() && rng.chance(0.03);
        blocks.push(Block::Table(request_rows(t, &tables.requests, combined)));
        for (key, cells) in &tables.requests {
            for (a, v) in template::APPLICANTS.iter().zip(cells) {
                if !combined || matches!(*a, "natural_person" | "total") {
                    facts.insert(format!("requests/{key}/{a}"), json!(v));
                }
            }
        }
        if combined {
            issues.push("applicants_combined");
        }
        blocks.push(Block::Heading("四、政府信息公开行政复议、行政诉讼情况".into()));
        let heads = if rng.chance(0.03) { rng.below(2) as usize } else { 3 };
        blocks.push(Block::Table(litigation_rows(&tables.litigation, heads)));
        for (idx, v) in tables.litigation.iter().enumerate() {
            let p = template::LITIGATION_PROCEEDINGS[idx / 5];
            let o = template::LITIGATION_OUTCOMES[idx % 5];
            facts.insert(format!("litigation/{p}/{o}"), json!(v));
        }
        blocks.push(Block::Heading("五、存在的主要问题及改进情况".into()));
        blocks.push(Block::Para("政务公开的深度和广度有待加强，下一步将完善制度。".into()));
        blocks.push(Block::Heading("六、其他需要报告的事项".into()));
        if t == Template::T2021 && rng.chance(0.5) {
            // 信息处理费, which agencies may charge from 2021.
            let bills = if rng.chance(0.8) { 0 } else { rng.range(1, 4) };
            let fees = bills * 100 * rng.range(1, 5);
            blocks.push(Block::Para(if bills == 0 {
                rng.pick(&["本年度未收取信息处理费。", "本机关本年度不存在收取信息处理费的情况。"]).to_string()
            } else {
                format!("本年度依法收取信息处理费共{bills}笔，合计{fees}元。")
            }));
            meta.insert("fees_yuan".into(), json!(fees));
        } else {
            blocks.push(Block::Para("无。".into()));
        }
        meta.insert("identity_ok".into(), json!(!tables.seeded.contains(&"identity_mismatch")));
        if !tables.seeded.is_empty() {
            done.seeded_errors += 1;
        }
        issues.extend(tables.seeded.iter().copied());
    }
    // Pages made from Word documents often set numbers apart with spaces.
    if matches!(layout, Layout::Text | Layout::Html | Layout::HtmlGbk | Layout::Traditional) && rng.chance(0.2) {
        // A database's export of such a page keeps the spaces as markup wrote them.
        let exported = layout == Layout::Text && rng.chance(0.2);
        for block in &mut blocks {
            if let Block::Para(p) = block {
                *p = spaced_numbers(p);
                if exported {
                    *p = p.replace(' ', "&nbsp;");
                }
            }
        }
    }
    // Zeros marked none in the tables' cells (`—`, `/`, `-`).
    if t != Template::Pre2019 && rng.chance(0.05) {
        let mark = *rng.pick(&["—", "/", "-", "——"]);
        for block in &mut blocks {
            if let Block::Table(rows) = block {
                for v in rows.iter_mut().flat_map(|r| r.values.iter_mut()).filter(|v| *v == "0") {
                    *v = mark.to_string();
                }
            }
        }
    }
    // Parts numbered otherwise than `三、`: `3、`, `三.`, `第三部分 `, `（三）`, `【三、…】`.
    if t == Template::Pre2019 && matches!(layout, Layout::Text | Layout::Html) && rng.chance(0.12) {
        let style = rng.below(5);
        for block in &mut blocks {
            if let Block::Heading(h) = block {
                let numeral = "一二三四五六七八九".chars().position(|c| h.starts_with(c) && h[c.len_utf8()..].starts_with('、'));
                if let Some(k) = numeral {
                    let (n, words) = (&h[..3], &h[6..]);
                    *h = match style {
                        0 => format!("{}、{words}", k + 1),
                        1 => format!("{n}.{words}"),
                        2 => format!("第{n}部分 {words}"),
                        3 => format!("（{n}）{words}"),
                        _ => format!("【{n}、{words}】"),
                    };
                }
            }
        }
    }
    // Short headings with their letters spaced out, as PDFs set them (`一、概 述`).
    if matches!(layout, Layout::Aligned | Layout::Raw) && rng.chance(0.08) {
        for block in &mut blocks {
            if let Block::Heading(h) = block {
                let Some(at) = h.find('、').map(|i| i + '、'.len_utf8()) else { continue };
                if h[at..].chars().count() <= 16 {
                    let spaced: Vec<String> = h[at..].chars().map(String::from).collect();
                    *h = format!("{}{}", &h[..at], spaced.join(" "));
                }
            }
        }
    }
    let signed = rng.chance(0.5);
    // Or only the body names the agency, in the sentence that opens the report.
    let named_in_body = anonymous && !signed && ["我局", "我委", "我办"].contains(&agency.self_ref) && rng.chance(0.4);
    if named_in_body {
        let opening = format!(
            "{year}年，{}认真贯彻落实《中华人民共和国政府信息公开条例》。现将{}{year}年度政府信息公开情况报告如下。",
            agency.name, agency.self_ref
        );
        blocks.insert(0, Block::Para(opening));
    }
    // A government site's page carries meta tags; then the body may print no date.
    let tagged = matches!(layout, Layout::Html | Layout::HtmlGbk) && rng.chance(0.3);
    let quiet = tagged && rng.chance(0.5);
    let page = Page {
        title: if untitled { "" } else { &title },
        agency: &agency.name,
        site: &format!("{}门户网站", agency.name),
        published: (!signed && !quiet).then(|| {
            let line = if untitled {
                // The date alone at the top of the page (under the government's name).
                let name = headed.map_or(String::new(), |_| format!("{}\n", agency.name));
                format!("{name}{}年{}月{}日", published.year, published.month, published.day)
            } else if named_in_body {
                format!("发布日期：{date_text}")
            } else if anonymous && !signed && rng.chance(0.4) {
                // The agency on a line of its own under the title, then the date.
                format!("{}\n{}年{}月{}日", agency.name, published.year, published.month, published.day)
            } else if anonymous && !signed {
                // The particulars a site prints above a document, run together.
                format!("发布机构：{}\t发布日期：{date_text}", agency.name)
            } else if rng.chance(0.1) {
                // A site's table of particulars, scraped as a row of cells.
                format!("发布机构 | 本网 | 发文日期 | {date_text} |")
            } else if rng.chance(0.05) {
                // The date alone under the title, in brackets.
                format!("[{date_text}]")
            } else {
                format!("{}{date_text}", rng.pick(&["发布日期：", "发布时间：", "发布日期: ", "来源：本网 时间："]))
            };
            // Some pages print the date the document was written above the date of posting
            // (labelled, where the two may share a line).
            if published.day > 3 && !line.starts_with('[') && headed.is_none() && rng.chance(0.15) {
                format!("成文日期：{}-{:02}-{:02}\n{line}", published.year, published.month, published.day - 3)
            } else {
                line
            }
        }),
        blocks: &blocks,
        signature: (signed && !quiet)
            .then(|| (agency.name.clone(), format!("{}年{}月{}日", published.year, published.month, published.day))),
        pub_date: tagged.then(|| format!("{published} {:02}:{:02}", rng.range(8, 18), rng.range(0, 59))),
        clipped: (layout == Layout::Markdown && !untitled && !anonymous && rng.chance(0.1))
            .then(|| (published.to_string(), format!("http://www.example.gov.cn/art/{year}/{i}.html"))),
        others: {
            let dated = title.contains(&format!("{year}年"));
            if !untitled && matches!(layout, Layout::Text | Layout::Html) && dated && rng.chance(0.04) {
                let other = |k: i32| title.replace(&format!("{year}年"), &format!("{}年", year - k));
                (1..=rng.range(2, 4) as i32).map(other).collect()
            } else {
                Vec::new()
            }
        },
    };
    if anonymous {
        issues.push("agency_inferred");
    }
    if untitled {
        issues.extend(["title_missing", "agency_inferred", "year_inferred"]);
    }
    // A Word document is written from the page itself; the rest from its text.
    let word = matches!(layout, Layout::Docx | Layout::Doc).then(|| word::file(&page, layout == Layout::Doc, rng));
    let mut text = if word.is_some() { String::new() } else { render::render(&page, layout, rng) };
    // Paragraphs indented by ideographic spaces, as a page's text is copied.
    if layout == Layout::Text && rng.chance(0.1) {
        text = text.lines().map(|l| if l.trim().is_empty() { l.to_string() } else { format!("\u{3000}\u{3000}{l}") }).collect::<Vec<_>>().join("\n");
    }
    if layout == Layout::Raw && rng.chance(0.3) {
        text = paged(&text, rng);
    }
    if matches!(layout, Layout::Markdown | Layout::Tabs) && rng.chance(0.15) {
        text = full_width_digits(&text);
    }
    // A traditional mirror's page saved in Big5 under the gb2312 its template declares.
    let big5 = layout == Layout::HtmlGbk && rng.chance(0.04);
    // A page's text scraped as Latin-1 (a client's default where the server names
    // no charset) and saved as UTF-8: mojibake (drawn apart from the corpus's
    // draws, which stay as they were).
    let latin1 = layout == Layout::Text && Rng::new(0x0001_a711 ^ i as u64).chance(0.03);
    if latin1 {
        issues.push("text_redecoded");
    }
    let bytes = match layout {
        _ if word.is_some() => word.unwrap_or_default(),
        Layout::HtmlGbk if big5 => encoding_rs::BIG5.encode(&trad::to_traditional(&text)).0.into_owned(),
        Layout::HtmlGbk => encoding_rs::GB18030.encode(&text).0.into_owned(),
        // A page saved as one file, by Chrome or by Internet Explorer.
        Layout::Mhtml => mhtml::saved(&text, &format!("http://www.example.gov.cn/art/{year}/{i}.html"), rng.chance(0.3)),
        Layout::Traditional if rng.chance(0.3) => {
            let mirror = trad::to_mirror(&text);
            if rng.chance(0.3) { trad::with_readings(&mirror) } else { mirror }.into_bytes()
        }
        Layout::Traditional => trad::to_traditional(&text).into_bytes(),
        _ if latin1 => text.bytes().map(char::from).collect::<String>().into_bytes(),
        _ => text.into_bytes(),
    };
    meta.extend(agency_meta(agency, &title, year, published, t));
    if untitled {
        meta.insert("title".into(), Value::Null);
    }
    if layout == Layout::Traditional || big5 {
        meta.insert("traditional".into(), json!(true));
    }
    let gold = json!({"report": Value::Object(meta), "issues": issues, "complete": true, "facts": Value::Object(facts)});
    Ok((
        format!("{i:06}_{}.{}", layout.name(), layout.extension()),
        bytes,
        gold,
        layout.name(),
        forward,
    ))
}

fn agency_meta(
    a: &Agency,
    title: &str,
    year: i32,
    published: crate::report::Date,
    t: Template,
) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("status".into(), json!("ok"));
    // Gold is in the normalised form (full-width punctuation of division names
    // such as `洮北区（白城市生态新区）` folded to ASCII), as the contract says.
    m.insert("title".into(), json!(crate::normalize::normalize(title)));
    m.insert("agency".into(), json!(crate::normalize::normalize(&a.name)));
    m.insert("admin_level".into(), json!(a.level));
    m.insert("province".into(), json!(a.province));
    m.insert("city".into(), json!(a.city));
    m.insert("county".into(), json!(a.county));
    m.insert("region_code".into(), json!(a.code));
    m.insert("year".into(), json!(year));
    m.insert("published".into(), json!(published.to_string()));
    m.insert("template".into(), json!(t.as_str()));
    m
}

/// `s` with a space on each side of every number (`共 12 件`), but where it
/// touches a date's or a decimal's punctuation.
pub(crate) fn spaced_numbers(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len() + s.len() / 4);
    let joined = |c: Option<&char>| c.is_none_or(|c| c.is_whitespace() || "-:/.,".contains(*c));
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        let inside = |k: usize| {
            chars[k].is_ascii_digit() || (matches!(chars[k], '.' | ',') && chars.get(k + 1).is_some_and(char::is_ascii_digit))
        };
        while end < chars.len() && inside(end) {
            end += 1;
        }
        let (before, after) = (i.checked_sub(1).and_then(|p| chars.get(p)), chars.get(end));
        let spaced = !joined(before) && !joined(after);
        if spaced {
            out.push(' ');
        }
        out.extend(&chars[i..end]);
        if spaced {
            out.push(' ');
        }
        i = end;
    }
    out
}

pub(crate) fn full_width_digits(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 + 0xfee0).unwrap_or(c) } else { c }).collect()
}

/// Where the generated inputs are, for a pipeline to read.
pub fn input_dir(out: &Path) -> PathBuf {
    out.join("input")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_spaced_apart_but_not_inside_dates_and_decimals() {
        assert_eq!(spaced_numbers("共收到申请12件,占50%,金额1,206.5万元"), "共收到申请 12 件,占 50 %,金额 1,206.5 万元");
        assert_eq!(spaced_numbers("12件;2020-01-05;第3.2条 7"), "12件;2020-01-05;第 3.2 条 7");
    }
}
