//! Report metadata read from the text: title, agency, year, publication date.
//!
//! The title is looked for in the head of the text (`title`); the agency is
//! what the title names, else what the signature, a sentence or the page says
//! (`agency`); the year and the publication date come from the title, the
//! statistics period and the page's dates (`dates`).

mod agency;
pub(crate) use agency::{CENTRAL_BODIES, DEPARTMENTS};
mod dates;
mod title;

use crate::load::Hints;
use crate::normalize::squash;
use crate::report::Report;

use agency::{
    agency_from_title, agency_in_sentence, compiled_by, footer_site, infer_agency, may_be_agency, named_under_title,
};
use agency::{publisher, signed_agency};
use dates::{find_published, infer_year};
pub use dates::{parse_date, year_in};
pub use title::{about_reports, model_text, names_part_year, part_year, MODEL_WORDS};
use title::{ending_in, find_title_in};

/// Fills title, agency, year and published where the text states them; the
/// page title stands in for a missing one, and the manifest's values win.
pub fn read(text: &str, hints: &Hints, report: &mut Report) {
    let head = Head::of(text);
    let page_title = hints.title.as_deref().filter(|t| ending_in(t).is_some());
    report.title = find_title_in(&head, page_title).or_else(|| page_title.map(|t| {
        let end = t.find("年度报告").map_or(t.len(), |p| p + "年度报告".len());
        let end = end + title::dated_brackets(&t[end..]);
        squash(&t[..end]).into_owned()
    }));
    if let Some(title) = &report.title {
        report.year = year_in(title);
        report.agency = agency_from_title(title).filter(|a| may_be_agency(a));
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
        let title = report.title.as_deref().unwrap_or_default();
        let found = signed_agency(text)
            .map(|a| (a, "the signature under the report"))
            .or_else(|| named_under_title(&head, title).map(|a| (a, "the line under the title")))
            .or_else(|| agency_in_sentence(&head).map(|a| (a, "a sentence that names the report")))
            .or_else(|| publisher(&head).map(|a| (a, "the page's 发布机构")))
            .or_else(|| infer_agency(text).map(|a| (a.0, "the body, which names itself")))
            .or_else(|| hints.site.clone().map(|a| (a, "the site's name")))
            .or_else(|| footer_site(text).map(|a| (a, "the site's name in the page's footer")));
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
    if report.url.is_none() {
        report.url = hints.url.clone();
    }
}

/// The first non-blank lines of a text, whitespace removed (each when first
/// read): where the title and the publication date are looked for.
pub(super) struct Head<'a> {
    pub(super) raw: Vec<&'a str>,
    squashed: Vec<std::cell::OnceCell<String>>,
}

impl<'a> Head<'a> {
    /// Lines looked at for a date; the first [`TITLE_LINES`] for a title.
    const LINES: usize = 60;

    pub(super) fn of(text: &'a str) -> Head<'a> {
        let raw: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(Self::LINES).collect();
        let squashed = raw.iter().map(|_| std::cell::OnceCell::new()).collect();
        Head { raw, squashed }
    }

    pub(super) fn len(&self) -> usize {
        self.raw.len()
    }

    /// Line `i` without whitespace.
    pub(super) fn line(&self, i: usize) -> &str {
        self.squashed[i].get_or_init(|| squash(self.raw[i]).into_owned())
    }

    pub(super) fn lines(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.line(i))
    }
}

/// Lines looked at for a title.
pub(super) const TITLE_LINES: usize = 40;

#[cfg(test)]
mod tests {
    use super::agency::*;
    use super::dates::*;
    use super::title::*;
    use super::*;
    use crate::report::Date;

    /// The report `read` makes of a text without hints.
    fn read_text(text: &str) -> Report {
        let mut r = Report::default();
        read(text, &Hints::default(), &mut r);
        r
    }

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
        assert_eq!(a("宁国市青龙乡人民政府2015年年度政府信息公开工作年度报告"), "宁国市青龙乡人民政府");
        assert_eq!(a("2025湖口县大垅乡2025年度政府信息公开工作年度报告"), "湖口县大垅乡");
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
        // A printed line of a paragraph that holds a title's words is no title.
        let head = "广州市人民政府\n本年度报告由广州市政府办公厅综合各区政府和市政府各委、办、\n\
            局(以下称市级机关)的政府信息公开年度报告基础上编写\n而成。\n";
        assert_eq!(find_title(&Head::of(head)), None);
        // The page's particulars on the title's line.
        let t = find_title(&Head::of("某某县人民政府2015年政府信息公开工作年度报告 发布时间：2016-01-10 浏览次数：123\n"));
        assert_eq!(t.as_deref(), Some("某某县人民政府2015年政府信息公开工作年度报告"));
        // Run on into the first sentence, the page copied without its line breaks.
        let t = find_title(&Head::of("某某街道2024年政府信息公开工作年度报告根据《条例》编制。本报告由6个部分组成。\n"));
        assert_eq!(t.as_deref(), Some("某某街道2024年政府信息公开工作年度报告"));
        // A sentence that names the report, its lead first, is none.
        assert_eq!(find_title(&Head::of("现公布某某街道2024年政府信息公开工作年度报告根据《条例》编制。\n")), None);
    }

    #[test]
    fn agency_of_an_untitled_report_from_its_self_reference() {
        let text = "一、总体情况\n2019年,我局认真贯彻落实《条例》和《赣州市政府信息公开规定》,\
            完善了《赣州市住房和城乡建设局信息公开保密审查制度》、《赣州市住房和城乡建设局信息公开制度》。\
            我局通过市政府网站公开信息。";
        let r = read_text(text);
        assert_eq!(r.agency.as_deref(), Some("赣州市住房和城乡建设局"));
        assert!(r.has_issue("title_missing") && r.has_issue("agency_inferred"));
        // The sentence that says who wrote the report, where the body names no division.
        let r = read_text("一、总体情况\n本报告由国家统计局深圳调查队根据《条例》要求编制。\n");
        assert_eq!(r.agency.as_deref(), Some("国家统计局深圳调查队"));
        let r = read_text("本报告根据《条例》要求,由某某经济技术开发区管理委员会(以下简称经开区管委会)编制。\n");
        assert_eq!(r.agency.as_deref(), Some("某某经济技术开发区管理委员会"));
        // `我办` of an office whose name spells 办公室 out, under a title that names no agency.
        let text = "关于2022年度政府信息公开情况的报告\n一、总体情况\n2022年,二道区房屋征收工作管理办公室认真贯彻落实《条例》。\
            2022年,我办受理依申请信息56条。\n";
        let r = read_text(text);
        assert_eq!(r.title.as_deref(), Some("关于2022年度政府信息公开情况的报告"));
        assert_eq!(r.agency.as_deref(), Some("二道区房屋征收工作管理办公室"));
        let r = read_text("一、概述\n2014年,南宁市发展和改革委员会认真落实《条例》,我委主动公开信息120条。\n");
        assert_eq!(r.agency.as_deref(), Some("南宁市发展和改革委员会"));
        // A kind's character that starts a place's name (`镇坪县`) ends no name.
        let text = "关于2018年度政府信息公开情况的报告\n2018年,我镇认真贯彻落实《条例》。\n安康市镇坪县钟宝镇党政办公室\n";
        assert_eq!(read_text(text).agency.as_deref(), Some("安康市镇坪县钟宝镇"));
        // A central body names no place.
        let text = "2013年度政府信息公开工作年度报告\n2013年,国家能源局认真贯彻落实《条例》。现将我局2013年度政府信息公开情况报告如下。\n";
        assert_eq!(read_text(text).agency.as_deref(), Some("国家能源局"));
        // A street whose name no division table holds, named at the start of its clauses.
        let text = "2024年,在区政府的引领下,小营街道办事处严格依照要求,及时公开我街道政务信息,现将本年度工作情况报告如下:\n\
            一、总体情况\n(一)主动公开。2024年,小营街道领导高度重视。\n(二)依申请公开。2024年,小营街道共收到申请0件。\n";
        assert_eq!(read_text(text).agency.as_deref(), Some("小营街道办事处"));
        // Named once: no name.
        let once = text.replace("2024年,小营街道共收到", "2024年,共收到").replace("小营街道领导", "领导");
        assert_eq!(read_text(&once).agency, None);
        // Two towns named as often: neither.
        let two = text.replace("小营街道领导", "东亭街道领导").replace("2024年,小营街道共收到", "2024年,东亭街道共收到");
        let two = two.replace("及时公开", ",小营街道及时公开");
        assert_eq!(read_text(&two).agency, None);
        // Central bodies whose names begin with no prefix: ministries, river basin bodies.
        for (name, me) in [("教育部", "我部"), ("海关总署", "我署"), ("太湖流域管理局", "我局"), ("长江水利委员会", "我委")] {
            let text = format!("2017年度政府信息公开工作年度报告\n2017年,{name}认真贯彻落实《条例》。现将{me}2017年度情况报告如下。\n");
            assert_eq!(read_text(&text).agency.as_deref(), Some(name), "{text}");
        }
        // A city bureau's office for a district, named with its bureau (`…公安局党委`) as well.
        let text = "一、总体情况\n如有疑问,请与杭州市公安局滨江区分局联系。\n2022年,分局在杭州市公安局党委的领导下,\
            我局收到申请4件。\n";
        assert_eq!(read_text(text).agency.as_deref(), Some("杭州市公安局滨江区分局"));
        let text = "一、总体情况\n2022年,杭州市公安局各分局和杭州市公安局交警支队,我局收到申请4件。\n";
        assert_eq!(read_text(text).agency.as_deref(), Some("杭州市公安局"));
        // `本部门`, any body's department, is no ministry's self-reference.
        let text = "一、概述\n2016年,赣州市统计局按照教育部的部署,本部门、本部门、本部门和我局主动公开信息。\n";
        assert_eq!(read_text(text).agency.as_deref(), Some("赣州市统计局"));
        // Its office, named after the body (to the last of its kind in the clause).
        let text = "2013年度政府信息公开工作年度报告\n2013年,国家金融监督管理总局山东监管局认真贯彻落实《条例》。\
            现将我局2013年度政府信息公开情况报告如下。\n";
        assert_eq!(read_text(text).agency.as_deref(), Some("国家金融监督管理总局山东监管局"));
        // A notice that prints the title it publishes.
        let text = "某某县某某镇关于印发关于2018年度政府信息公开情况的报告的通知\n各有关单位:\n\n关于2018年度政府信息公开情况的报告\n";
        assert_eq!(read_text(text).agency.as_deref(), Some("某某县某某镇"));
        let text = "一、概述\n2016年,赣州市统计局按照国家统计局的部署,我局主动公开信息。赣州市统计局高度重视。\n";
        assert_eq!(read_text(text).agency.as_deref(), Some("赣州市统计局"));
        // A self-reference in the sentence that names the report is no name (`现` / `将我局…报告如下`).
        let text = "关于2012年度政府信息公开情况的报告\n发布日期:2013年3月21日\n\
            2012年,西安市蓝田县财政局认真贯彻落实《条例》。现\n将我局2012年度政府信息公开情况报告如下。\n";
        assert_eq!(read_text(text).agency.as_deref(), Some("西安市蓝田县财政局"));
        // A township's report, written by its party and government office.
        let r = read_text("一、工作基本情况\n本报告由两城镇人民政府党政办公室编制。\n二、主动公开政府信息情况\n");
        assert_eq!(r.agency.as_deref(), Some("两城镇人民政府"));
        // A city's report, written by its government's office for open government.
        let r = read_text(
            "本报告由南平市人民政府信息公开工作领导小组办公室根据《条例》要求,汇总各县(市、区)情况编制而成。\n一、概述\n",
        );
        assert_eq!(r.agency.as_deref(), Some("南平市人民政府"));
        let r = read_text("本报告由某某县人民政府政务公开办公室编制。\n一、概述\n");
        assert_eq!(r.agency.as_deref(), Some("某某县人民政府"));
        // The government's general office writes its own.
        let r = read_text("本报告由某某县人民政府办公室编制。\n一、概述\n");
        assert_eq!(r.agency.as_deref(), Some("某某县人民政府办公室"));
        // A division's government that calls itself 我区.
        let text = "引言\n本年报由秦淮区人民政府办公室编制。\n一、概述\n2014年我区政府信息公开工作稳步推进,我区主动公开信息。";
        let r = read_text(text);
        assert_eq!(r.agency.as_deref(), Some("秦淮区人民政府"));
        let r = read_text("一、概述\n2014年,我县主动公开信息,通化县委县政府高度重视。");
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
            let r = read_text(text);
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
        assert_eq!(agency("根据《条例》要求,特编制某某市卫生局2008年政府信息公开年度报告。\n一、概述\n"), Some("某某市卫生局".into()));
        // The agency before the words that say it writes the report.
        assert_eq!(agency("根据《条例》的要求,某某区某某街道特编制2023年政府信息公开年度报告。\n"), Some("某某区某某街道".into()));
        assert_eq!(agency("根据《条例》要求,某某县卫生健康局撰写了2022年度政府信息公开工作年度报告。\n"), Some("某某县卫生健康局".into()));
        // The year before the name.
        assert_eq!(agency("一、总体情况 某某镇结合工作实际,并形成2020年度某某镇政府信息公开年度报告。\n"), Some("某某镇".into()));
        // A notice's title that names the reports before the report itself is named.
        let text = "根据《条例》和《关于政府信息公开工作年度报告有关事项的通知》要求,某某镇政府编制2020年政府信息公开年度报告。\n";
        assert_eq!(agency(text), Some("某某镇政府".into()));
        // A notice's title names no agency, where its office leads into the year.
        let text = "本报告由某某市人民政府办公室根据《某某省人民政府办公厅关于做好2012年政府信息公开工作年度报告\
            有关事项的通知》要求编制。\n一、概述\n";
        assert_eq!(agency(text), Some("某某市人民政府办公室".into()));
    }

    #[test]
    fn what_is_left_of_a_name_lost_in_printing_is_no_agency() {
        // A Big5 page printed as the gb2312 it declares: the title's name lost but
        // a letter of the Latin supplements, or a character.
        for title in ["ò2019年政府信息公开年报", "乡2024年政务信息公开年度报告"] {
            let r = read_text(&format!("{title}\n一、总体情况\n正文。\n宿州市埇桥区栏杆镇\n2020年1月20日\n"));
            assert_eq!(r.agency.as_deref(), Some("宿州市埇桥区栏杆镇"), "{title}");
        }
        let r = read_text("某县教育局2019年政府信息公开年报\n一、总体情况\n正文。\n");
        assert_eq!(r.agency.as_deref(), Some("某县教育局"));
    }

    #[test]
    fn the_agency_of_a_title_that_names_none() {
        let read_agency = |text: &str| {
            let r = read_text(text);
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
        // Under a table's cells that plain `pdftotext` prints after the page's end.
        let text = "关于2022年度政府信息公开工作年度报告\n一、总体情况\n正文。\n德阳市旌阳区人民政府办公室\n\
                    2023 年 1 月 30 日\n\n0\n\n0\n尚\n未\n审\n结\n0\n\n总\n计\n\n0\n\n0\n";
        let r = read_text(text);
        assert_eq!(r.agency.as_deref(), Some("德阳市旌阳区人民政府办公室"));
        assert_eq!(r.published, Date::new(2023, 1, 30));
        // Under its labels too, a few characters a line; not past a paragraph.
        let labels: String = ["(四)无", "法提供", "(五)不", "予处理", "1.本机关不掌握", "相关政府信息", "2.重复申请"]
            .iter()
            .cycle()
            .take(14)
            .map(|l| format!("{l}\n0\n"))
            .collect();
        let signed = "德阳市旌阳区人民政府办公室\n2023 年 1 月 30 日\n";
        let r = read_text(&format!("关于2022年度政府信息公开工作年度报告\n一、总体情况\n正文。\n{signed}{labels}"));
        assert_eq!(r.agency.as_deref(), Some("德阳市旌阳区人民政府办公室"));
        assert_eq!(r.published, Date::new(2023, 1, 30));
        let text = format!("关于2022年度政府信息公开工作年度报告\n一、总体情况\n正文。\n{signed}全年主动公开政府信息一百二十条。\n{labels}");
        assert_eq!(read_text(&text).published, None);
        // Pieces of a table's labels printed between the signature and its date.
        let text = "关于2022年度政府信息公开工作年度报告\n一、总体情况\n正文。\n德阳市旌阳区人民政府办公室\n予公开\n\n0\n\n\
                    1\n\n法提供\n尚\n未\n审\n结\n2\n\n总\n计\n\n2023 年 1 月 30 日\n";
        assert_eq!(read_text(text).agency.as_deref(), Some("德阳市旌阳区人民政府办公室"));
        // Not past a line of the body.
        let text = text.replace("人民政府办公室\n予公开", "人民政府办公室\n全年主动公开政府信息一百二十条。\n予公开");
        assert_eq!(read_text(&text).agency, None);
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
        // The agency on a line of its own under the title (and its year in brackets).
        let (title, agency, flagged) = read_agency("政府信息公开工作年度报告\n(2015年度)\n某县卫生健康委员会\n一、概述\n工作正常。\n");
        assert_eq!(title.as_deref(), Some("政府信息公开工作年度报告(2015年度)"));
        assert_eq!((agency.as_deref(), flagged), (Some("某县卫生健康委员会"), true));
        let (_, agency, _) = read_agency("2015年度政府信息公开工作年度报告\n成文日期:2016-01-18\n某县卫生健康委员会 2016年1月20日\n一、概述\n");
        assert_eq!(agency.as_deref(), Some("某县卫生健康委员会"));
        // A repeat under a line that names no agency leaves the title as it is.
        let (title, agency, _) = read_agency("2019年度政府信息公开年度报告\n字体:大 中 小\n2019年度政府信息公开年度报告\n");
        assert_eq!((title.as_deref(), agency), (Some("2019年度政府信息公开年度报告"), None));
    }

    #[test]
    fn the_agency_of_a_title_that_names_none_from_the_site_s_name_in_the_page_s_footer() {
        let body = "关于2022年度政府信息公开情况的报告\n一、总体情况\n正文。\n六、其他需要报告的事项\n无。\n";
        let read_agency = |footer: &str| {
            let r = read_text(&format!("{body}{footer}"));
            (r.agency, r.issues.iter().any(|i| i.code == "agency_inferred"))
        };
        let (agency, flagged) = read_agency("版权所有：延安市黄陵县人民政府桥山街道办事处门户网站\n");
        assert_eq!((agency.as_deref(), flagged), (Some("延安市黄陵县人民政府桥山街道办事处"), true));
        // After the table's cells a page prints past its end; other particulars after the name.
        let (agency, _) = read_agency("版权所有: 赣州市安远县人民政府门户网站  主办:县政府办公室\n\n0\n\n5\n");
        assert_eq!(agency.as_deref(), Some("赣州市安远县人民政府"));
        // No site's name, or one naming no agency: none.
        assert_eq!(read_agency("版权所有：本网\n").0, None);
        assert_eq!(read_agency("版权所有：政务公开网站\n").0, None);
        // The signature first.
        let (agency, _) = read_agency("某县财政局\n2023年1月6日\n版权所有：某县人民政府门户网站\n");
        assert_eq!(agency.as_deref(), Some("某县财政局"));
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
        assert_eq!(parse_date("2021\u{2013}01\u{2013}05"), Date::new(2021, 1, 5));
        assert_eq!(parse_date("2021\u{2010}1\u{2010}5"), Date::new(2021, 1, 5));
        assert_eq!(parse_date("2015-13-01"), None);
        assert_eq!(parse_date("二〇一五年三月二十日"), Date::new(2015, 3, 20));
        assert_eq!(parse_date("二○一四年十二月三十一日印发"), Date::new(2014, 12, 31));
        assert_eq!(parse_date("二〇一五年十三月一日"), None);
        assert_eq!(parse_date("三月二十日"), None);
    }

    #[test]
    fn title_and_published_from_page_chrome() {
        let text = "当前位置: 网站首页 > 政府信息公开年报\n大雁镇2019年政府信息公开工作年度报告\n发布时间:2021-01-05 来源:大雁镇\n";
        let r = read_text(text);
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
        let r = read_text(text);
        assert_eq!(r.published, Date::new(2020, 1, 15));
        let r = read_text("某某县2019年政府信息公开工作年度报告\n成文日期:2020-01-10\n");
        assert_eq!(r.published, Date::new(2020, 1, 10));
        let r = read_text("某某县2019年政府信息公开工作年度报告\n成文日期:2020-01-10\n日期:2020-01-16\n");
        assert_eq!(r.published, Date::new(2020, 1, 16));
        // A site's table of particulars: the date in the cell after its label's.
        let r = read_text("某某县2019年政府信息公开工作年度报告\n发布机构 | 县政府办 | 发文日期 | 2020-02-28 |\n");
        assert_eq!(r.published, Date::new(2020, 2, 28));
        // The posting's label with a character a wrong reading of the page made another.
        let r = read_text("某某县2024年政府信息公开工作年度报告\n成 文日期:2025-02-23\n发布 奀间:2025年2 月 26 日\n");
        assert_eq!(r.published, Date::new(2025, 2, 26));
        // Not words that only look so (`发布会期间`).
        let r = read_text("某某县2024年政府信息公开工作年度报告\n成文日期:2025-02-23\n发布会期间:2025年2月26日\n");
        assert_eq!(r.published, Date::new(2025, 2, 23));
    }

    #[test]
    fn a_date_alone_right_above_the_title_is_published() {
        // (Body enough that the top is none of the last lines, where a signature's date is read.)
        let body = format!("2022 年深圳市人民政府信息公开工作年度报告\n\n一、总体情况\n{}", "正文。\n".repeat(10));
        assert_eq!(read_text(&format!("[2023-02-04]\n\n{body}")).published, Date::new(2023, 2, 4));
        assert_eq!(read_text(&format!("2023年2月4日 09:30\n{body}")).published, Date::new(2023, 2, 4));
        // A site's header with the day's date: no date alone, not the publication's.
        assert_eq!(read_text(&format!("今天是:2024年1月3日 星期三\n{body}")).published, None);
        assert_eq!(read_text(&format!("2024年1月3日 星期三\n{body}")).published, None);
        // Two lines up, a site's chrome between: not so read.
        assert_eq!(read_text(&format!("[2023-02-04]\n首页 > 政务公开\n{body}")).published, None);
    }

    #[test]
    fn chrome_is_not_the_title_and_a_bare_date_under_it_is_published() {
        let text = "索引号:007141332/2015-00724 类目名称: 政府信息公开工作年度报告\n\
            2017年广州市增城区人民政府朱村街道办事处政府信息公开工作年度报告\n\n  2018-03-15 来源: 本网\n";
        let r = read_text(text);
        assert_eq!(r.year, Some(2017));
        assert_eq!(r.published, Date::new(2018, 3, 15));
        // The date under the title printed again, past a flip-book's page and the chrome.
        let text = "Page 1 - 某某县卫生健康局2011年度政府信息公开工作报告\nP. 1\n2011年度政府信息公开工作报告\n字体:大 中 小\n\
            某某县卫生健康局\n2011年度政府信息公开工作报告\n[2012-03-20 18:39]\n一、总体情况\n";
        let r = read_text(text);
        assert_eq!(r.published, Date::new(2012, 3, 20));
    }

    #[test]
    fn year_from_the_statistics_period_when_untitled() {
        let r = read_text("一、总体情况\n本报告统计期限自2020年1月1日起至2020年12月31日止。");
        assert_eq!(r.year, Some(2020));
        assert!(r.has_issue("title_missing") && r.has_issue("year_inferred"));
        // The period's last day without its year; a date of writing above it.
        let r = read_text("2015年3月13日\n引言\n本年报中所列数据的统计期限自2014年1月1日起至12月31日止。");
        assert_eq!((r.year, r.published), (Some(2014), Some(Date { year: 2015, month: 3, day: 13 })));
    }

    #[test]
    fn a_title_behind_an_attachment_s_label_or_a_site_s_tag() {
        let title = "某县教育局2020年政府信息公开工作年度报告";
        for line in [format!("附件：{title}"), format!("附件2:{title}"), format!("【年度报告】{title}")] {
            assert_eq!(find_title(&Head::of(&format!("{line}\n一、总体情况\n"))).as_deref(), Some(title), "{line}");
        }
        // A tag that names the agency is the agency's.
        assert_eq!(agency_from_title("【某某县教育局】2016年政府信息公开工作年度报告").as_deref(), Some("某某县教育局"));
        // The notice that publishes a report names its agency after 关于公布.
        assert_eq!(agency_from_title(&format!("关于公布{title}的公告")).as_deref(), Some("某县教育局"));
    }

    #[test]
    fn the_report_s_title_under_the_notice_that_publishes_it() {
        let text = "某县人民政府办公室关于印发某县2020年政府信息公开工作年度报告的通知\n各乡镇人民政府:\n\
                    现将《某县2020年政府信息公开工作年度报告》印发给你们。\n某县2020年政府信息公开工作年度报告\n一、总体情况\n";
        let r = read_text(text);
        assert_eq!((r.title.as_deref(), r.agency.as_deref()), (Some("某县2020年政府信息公开工作年度报告"), Some("某县")));
        // A title that names no agency: the notice's issuer is the agency.
        let text = "某某镇关于印发2011年度政府信息公开工作年度报告的通知\n各有关单位:\n\n2011年度政府信息公开工作年度报告\n一、概述\n";
        let r = read_text(text);
        assert_eq!((r.title.as_deref(), r.agency.as_deref()), (Some("2011年度政府信息公开工作年度报告"), Some("某某镇")));
        // The report as the notice's attachment, its date under its title.
        let text = "某县教育局关于印发某县教育局2013年度政府信息公开工作报告的通知\n各有关单位:\n\
                    现将《某县教育局2013年度政府信息公开工作报告》印发给你们,请认真贯彻执行。\n\n\
                    附件1:某县教育局2013年度政府信息公开工作报告\n[2014年1月9日]\n\n一、总体情况\n";
        assert_eq!(read_text(text).published, Date::new(2014, 1, 9));
        // The notice alone, the report's title in its brackets.
        let r = read_text("关于印发《某某市统计局2023年政府信息公开工作年度报告》的通知\n一、总体情况\n我局坚持公开。\n");
        let want = (Some("某某市统计局2023年政府信息公开工作年度报告"), Some("某某市统计局"));
        assert_eq!((r.title.as_deref(), r.agency.as_deref()), want);
    }

    #[test]
    fn a_title_for_two_years_names_its_agency_without_either() {
        let r = read_text("某某市统计局2022-2023年度政府信息公开工作年度报告\n一、总体情况\n");
        assert_eq!((r.agency.as_deref(), r.year), (Some("某某市统计局"), Some(2023)));
    }

    #[test]
    fn a_date_and_a_time_with_one_digit_each() {
        // As ASP.NET sites print them: squashed, `2015/1/29:30:00` would be the 29th.
        for head in [
            "某县2014年政府信息公开工作年度报告\n2015/1/2 9:30:00\n",
            "某县2014年政府信息公开工作年度报告\n发布时间:2015/1/2 9:30:00 来源:本站\n",
            // The label's characters spaced out (a PDF of the page).
            "某县2014年政府信息公开工作年度报告\n发布 日期: 2015/1/2 9:30:00\n",
        ] {
            let r = read_text(head);
            assert_eq!(r.published, Date::new(2015, 1, 2), "{head}");
        }
    }

    #[test]
    fn the_dated_title_under_an_undated_one() {
        let mut r = Report::default();
        let text = "北京市文化局政府信息公开年度报告\n2009年北京市文化局 政府信息公开年度报告\n(2010年3月10日)\n引言\n";
        read(text, &Hints::default(), &mut r);
        assert_eq!(r.title.as_deref(), Some("2009年北京市文化局政府信息公开年度报告"));
        assert_eq!((r.agency.as_deref(), r.year), (Some("北京市文化局"), Some(2009)));
        assert!(!r.has_issue("year_inferred"));
    }

    #[test]
    fn the_report_s_title_under_a_list_of_the_agency_s_reports() {
        let list = "首页 > 政务公开\n年报列表\n某某街道办事处2013年政府信息公开年报\n某某街道办事处2012年政府信息公开年报\n";
        let title = "某某街道办事处2014年政府信息公开年报";
        // The title the text speaks of, right under the list.
        let r = read_text(&format!("{list}{title}\n一、总体情况\n2014年,本机关认真贯彻落实。\n"));
        assert_eq!((r.title.as_deref(), r.year), (Some(title), Some(2014)));
        // The one apart from the list, under the page's date.
        let r = read_text(&format!("{list}发布日期:2015-01-06\n{title}\n一、总体情况\n"));
        assert_eq!(r.title.as_deref(), Some(title));
        // The one the page's own title names.
        let mut r = Report::default();
        let hints = Hints { title: Some(format!("{title}_某某网")), ..Hints::default() };
        read(&format!("{list}{title}\n一、总体情况\n2013年以来,2012年底,2013年中\n"), &hints, &mut r);
        assert_eq!(r.title.as_deref(), Some(title));
        // A site's section (`政务公开` / `年报列表`) is no title.
        assert_eq!(find_title(&Head::of("政务公开\n年报列表\n")), None);
        // A list that marks its items, the title unmarked right under it, the year
        // before named most (the 2019 tables' `(指2018年事项数)`).
        let list = "首页 > 政务公开\n年报列表\n• 2018 年度政府信息公开工作年度报告\n• 2017 年度政府信息公开工作年度报告\n";
        let r = read_text(&format!(
            "{list}2019 年度政府信息公开工作年度报告\n一、总体情况\n2019 年,本局坚持公开。\n(指 2018 年事项数)\n(指 2018 年事项数)\n"
        ));
        assert_eq!((r.title.as_deref(), r.year), (Some("2019年度政府信息公开工作年度报告"), Some(2019)));
    }

    #[test]
    fn untitled_page_headed_by_its_government_and_a_date() {
        // No period stated: the year the body names most, not the date of writing
        // above it nor the year the work began.
        let text = "上海市黄浦区人民政府\n2009年1月1日\n引言\n本年度报告由上海市黄浦区人民政府编制。\n\
                    一、概述\n本区自2004年5月1日起开展政府信息公开工作。截至2008年底,本区工作运行正常。\n\
                    2008年,本区共受理申请56件。\n";
        let r = read_text(text);
        assert_eq!(r.year, Some(2008));
        assert_eq!(r.published, Date::new(2009, 1, 1));
        // The government named with its city, as the page names it, not the district's name alone.
        assert_eq!(r.agency.as_deref(), Some("上海市黄浦区人民政府"));
        // However often the district's name then comes alone: the district within
        // `上海市黄浦区` is no mention of its own.
        let text = text.replace("一、概述\n", "如有疑问,请联系黄浦区信息化委员会办公室。\n一、概述\n");
        assert_eq!(read_text(&text).agency.as_deref(), Some("上海市黄浦区人民政府"));
        // A date of writing that happens to be the period's last day is not the period.
        let r = read_text("某县人民政府\n2013年12月31日\n本县2012年共受理申请5件。2012年,本县…");
        assert_eq!(r.year, Some(2012));
    }
}
