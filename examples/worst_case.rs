//! Time on inputs built to find work that grows faster than the input: deep or
//! unclosed tags, stair-stepping spans, the words of 表三's first row on every
//! line, endless clauses and sentences, columns of numbers a line each, lines of
//! one width that the reader joins into one sentence, mojibake and text that
//! only looks like it. Each is decoded and
//! extracted on one thread; a reader that walks back over what it has read for
//! every new piece takes minutes here instead of a fraction of a second.
//!
//! usage: cargo run --release --example worst_case [-- SCALE [NAME]]
//!
//! SCALE (default 1) multiplies every input's repetitions: at 1 each input is
//! 0.5-15 MB (a Word document's text, less once packed). NAME runs only the
//! inputs whose name holds it. Prints, per input, its size, the median of three runs and the
//! throughput; then the slowest. Compare runs at SCALE 1 and 2: work in
//! proportion to the input doubles, work in its square quadruples.

use std::time::Instant;

use ogi::gen::word::{Grid, GridCell, Part};

fn para(text: String) -> Part {
    Part::Para { text, bold: false }
}

/// (name, file name, bytes) at `scale`.
fn inputs(scale: usize) -> Vec<(&'static str, &'static str, String)> {
    let n = |k: usize| k * scale;
    let title = "2015年某县政府信息公开工作年度报告\n";
    let title_2020 = "2020年某县政府信息公开工作年度报告\n";
    vec![
        ("nested divs", "page.html", format!("<html><body>{}一、总体情况{}</body></html>", "<div>".repeat(n(100_000)), "</div>".repeat(n(100_000)))),
        ("unclosed font in every paragraph", "page.html", format!("<html><body>{}</body></html>", "<p><font size=3>一、总体情况 本年新收申请3件".repeat(n(20_000)))),
        (
            "stair-stepping spans",
            "page.html",
            format!("<html><body><table>{}</table></body></html>", "<tr><td rowspan=\"64\" colspan=\"64\">1</td><td>2</td></tr>".repeat(n(5_000))),
        ),
        ("one row of cells", "page.html", format!("<html><body><table><tr>{}</tr></table></body></html>", "<td>1</td>".repeat(n(200_000)))),
        ("references", "page.html", format!("<html><body><p>{}</p></body></html>", "&amp".repeat(n(300_000)))),
        ("one line of pipes", "t.txt", format!("一、总体情况\n{}\n", "|".repeat(n(2_000_000)))),
        ("lines of lone pipes", "t.txt", format!("一、总体情况\n{}", "|\n".repeat(n(500_000)))),
        ("表三's first row on every line", "t.txt", format!("{title_2020}{}", "一、本年新收政府信息公开申请数量 1 2 3\n".repeat(n(20_000)))),
        ("a column of numbers", "t.txt", format!("{title_2020}一、本年新收政府信息公开申请数量\n{}{}", "1\n".repeat(n(300_000)), "说明\n".repeat(n(40_000)))),
        ("表三 a number a run", "t.txt", format!("{title_2020}一、本年新收政府信息公开申请数量\n{}", "1\n\n".repeat(n(300_000)))),
        (
            "表三 labels first, rows of too many numbers",
            "t.txt",
            format!(
                "{title_2020}一、本年新收政府信息公开申请数量\n1 2\n3\n{}",
                "1.属于国家秘密 1\n2.其他法律 1\n2 3\n4 5\n6 7\n8 9\n10 11\n12 13\n续\n".repeat(n(20_000))
            ),
        ),
        (
            "表三 a number a run, numbers after it",
            "t.txt",
            format!(
                "{title_2020}一、本年新收政府信息公开申请数量\n{}四、政府信息公开行政复议、行政诉讼情况\n\
                 六、其他需要报告的事项\n{}",
                "1\n\n".repeat(n(100_000)),
                "1\n\n".repeat(n(100_000))
            ),
        ),
        (
            "表四 and loose numbers after",
            "t.txt",
            format!(
                "{title_2020}四、政府信息公开行政复议、行政诉讼情况\n行政复议\n结果维持 结果纠正 尚未审结\n1\n1\n\
                 五、存在的主要问题\n{}",
                "1\n\n说明\n".repeat(n(200_000))
            ),
        ),
        (
            "表二 heads without their numbers",
            "t.txt",
            format!(
                "{title_2020}第二十条第(五)项\n信息内容\n行政许可\n其他对外管理服务\n{}",
                "上一年项目数量\n本年增/减\n处理决定数量\n".repeat(n(100_000))
            ),
        ),
        ("numbers on one line", "t.txt", format!("一、本年新收政府信息公开申请数量 {}\n", "1 ".repeat(n(500_000)))),
        ("one endless label", "t.txt", format!("{}\n", "一、本年新收政府信息公开申请数量".repeat(n(100_000)))),
        ("a clause of counts", "t.txt", format!("{title}三、依申请公开情况\n{}\n", "当面申请1件".repeat(n(50_000)))),
        ("a clause of denials", "t.txt", format!("{title}五、行政复议情况\n{}\n", "未发生行政复议".repeat(n(50_000)))),
        ("proactive counts and a far channel", "t.txt", format!("{title}{}微博\n", "主动公开信息12条\n".repeat(n(50_000)))),
        ("a section a line", "t.txt", format!("{title}{}", "一、依申请公开\n当面申请1件\n".repeat(n(50_000)))),
        ("clauses", "t.txt", format!("{title}{}", "依申请公开,".repeat(n(300_000)))),
        // Lines of one width that end inside a sentence: joined into one clause.
        ("lines of one width", "t.txt", format!("{title}三、依申请公开情况\n{}", "共收到政府信息公开申请1件当面申请1件网上申请\n".repeat(n(50_000)))),
        // Each clause a fee, a sum, an outcome or an applicant looks for more in the rest of its sentence.
        ("a sentence of fees without an amount", "t.txt", format!("{title}四、收费情况\n{}\n", "收取信息处理费共2笔,".repeat(n(100_000)))),
        ("a sentence of parts and sums", "t.txt", format!("{title}二、主动公开\n{}\n", "发布信息5条,总计".repeat(n(100_000)))),
        ("outcomes after one count", "t.txt", format!("{title}五、行政复议情况\n行政复议2件{}\n", ",维持1件".repeat(n(100_000)))),
        ("applicants after one count", "t.txt", format!("{title}三、依申请公开情况\n共收到申请3件{}\n", ",公民申请1件".repeat(n(100_000)))),
        // Every line a row of the statistics table.
        ("a statistics table of one indicator", "t.txt", format!("{title}统计表\n{}", "（三）申请答复数 | 件 | 9 |\n".repeat(n(100_000)))),
        // Narrow columns: every label wrapped above and below its numbers, each
        // row tried against its neighbours' pieces column by column.
        (
            "labels wrapped around every row",
            "t.txt",
            format!("{title_2020}申请人情况\n{}", "    1.本机关不\n(四)无法提供  掌握相关   1 0 0 0 0 0 1\n    府信息\n".repeat(n(20_000))),
        ),
        // Plain pdftotext: a statistics table's numbers before each label.
        (
            "numbers before every label",
            "t.txt",
            format!("{title}统计指标\n计量单位\n统计数\n{}", "5\n受理依申请公开信息总数\n条\n3\n行政复议数\n件\n".repeat(n(25_000))),
        ),
        // Plain pdftotext: a form's labels, then its columns after them on one line.
        (
            "a form's columns after endless labels",
            "t.txt",
            format!(
                "{title}指标名称\n计量单位\n代码\n本期实际\n本年累计\n{}{}\n",
                "行政复议数\n".repeat(n(20_000)),
                (1..=n(20_000)).map(|k| format!("{k}\n0\n0\n")).collect::<String>()
            ),
        ),
        // A group's heading over rows without labels, never the group's count:
        // each heading gathers the rows under it once.
        (
            "group headings over unlabelled rows",
            "t.txt",
            format!(
                "{title_2020}一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n{}",
                "(三)不予公开\n| | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n".repeat(n(50_000))
            ),
        ),
        // Plain pdftotext of 表三: each row's numbers before its label, a row
        // short of its total (each row looks back for a 总计 column printed apart),
        // or parted by its label's lines.
        (
            "表三's numbers before every label",
            "t.txt",
            format!(
                "{title_2020}{}一、本年新收政府信息公开申请数量\n{}",
                "1\n".repeat(6),
                "1\n1\n1\n1\n1\n2.其他法律行政法 1\n规禁止公开\n".repeat(n(50_000))
            ),
        ),
        (
            "表三's numbers parted by every label",
            "t.txt",
            format!(
                "{title_2020}一、本年新收政府信息\n1\n公开申请数量\n{}",
                "1\n1\n1\n1\n1\n1\n2.其他法律行政法\n1\n规禁止公开\n".repeat(n(50_000))
            ),
        ),
        // A title that names no agency over a body naming its place and itself on
        // every line: each place's government looked for once, not once a line.
        (
            "a place and a self-reference on every line",
            "t.txt",
            format!("2018年度政府信息公开工作年度报告\n{}", "安康市镇坪县钟宝镇我镇\n".repeat(n(100_000))),
        ),
        // A page a line, each numbered: every line is next to a form feed.
        ("pages of one line", "t.txt", format!("{title}{}", (1..n(200_000)).map(|k| format!("1\n{k}\n\u{c}")).collect::<String>())),
        ("front matter without its end", "t.md", format!("---\n{}", "title: 某县2020年政府信息公开工作年度报告\n".repeat(n(30_000)))),
        ("counts in brackets", "t.txt", format!("{title}五、行政复议情况\n行政复议2件{}\n", "(其中1件维持".repeat(n(100_000)))),
        ("mojibake", "t.txt", {
            // A report's text in UTF-8 read as GBK: read again from its bytes.
            let report = format!("{title_2020}{}", "一、本年新收政府信息公开申请数量 1 2 3\n本机关收到申请3件。\n".repeat(n(20_000)));
            encoding_rs::GBK.decode(report.as_bytes()).0.into_owned()
        }),
        ("text of no common words", "t.txt", "Grüße aus München, こんにちは、今日は晴れ。\n".repeat(n(100_000))),
    ]
}

/// Word documents (name, file name, the file's bytes) at `scale`: a group label
/// merged down every row of a long table, tables nested in cells; in Word
/// 97-2003's format, fields opened and never closed, and rows each of other
/// widths than the last.
fn word_inputs(scale: usize) -> Vec<(&'static str, &'static str, Vec<u8>)> {
    let n = |k: usize| k * scale;
    let doc = |body: String| {
        ogi::gen::word::docx::package(&format!("<w:document><w:body><w:p><w:r><w:t>2020年某县政府信息公开工作年度报告</w:t></w:r></w:p>{body}</w:body></w:document>"), None)
    };
    let cell = |merge: &str, text: &str| format!("<w:tc><w:tcPr>{merge}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>");
    let first = format!("<w:tr>{}{}</w:tr>", cell("<w:vMerge w:val=\"restart\"/>", "三、本年度办理结果"), cell("", "1"));
    let rest = format!("<w:tr>{}{}</w:tr>", cell("<w:vMerge/>", ""), cell("", "1"));
    let doc97 = |mut parts: Vec<Part>| {
        parts.insert(0, para("2020年某县政府信息公开工作年度报告".into()));
        ogi::gen::word::doc::document(&parts, true)
    };
    let grid = |text: &str, span: usize, merge: Option<bool>| GridCell { text: text.into(), span, merge };
    let merged_down = (0..n(100_000))
        .map(|i| vec![grid(if i == 0 { "三、本年度办理结果" } else { "" }, 1, Some(i == 0)), grid("1", 1, None)])
        .collect();
    let widths = (0..n(20_000)).map(|i| vec![grid("1", 1 + i % 60, None), grid("2", 1 + (i * 7) % 13, None)]).collect();
    vec![
        ("a Word cell merged down every row", "t.docx", doc(format!("<w:tbl>{first}{}</w:tbl>", rest.repeat(n(100_000))))),
        (
            "Word tables nested in cells",
            "t.docx",
            doc(format!("{}1{}", "<w:tbl><w:tr><w:tc>".repeat(n(20_000)), "</w:tc></w:tr></w:tbl>".repeat(n(20_000)))),
        ),
        ("a Word 97 cell merged down every row", "t.doc", doc97(vec![Part::Table(Grid { rows: merged_down, widths: vec![900; 2] })])),
        ("Word 97 fields never closed", "t.doc", doc97(vec![para("\u{13}字".repeat(n(150_000)))])),
        ("Word 97 rows of other widths", "t.doc", doc97(vec![Part::Table(Grid { rows: widths, widths: vec![900; 73] })])),
    ]
}

fn main() {
    let scale: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(1).max(1);
    println!("{:<38} {:>8} {:>10} {:>9}  result", "input", "MB", "median ms", "MB/s");
    let mut slowest = (0.0, "");
    let texts = inputs(scale).into_iter().map(|(name, file, text)| (name, file, text.into_bytes()));
    let only = std::env::args().nth(2).unwrap_or_default();
    for (name, file, bytes) in texts.chain(word_inputs(scale)).filter(|(name, ..)| name.contains(only.as_str())) {
        let mut times = Vec::new();
        let mut result = String::new();
        for _ in 0..3 {
            let start = Instant::now();
            let report = ogi::extract_guarded(&ogi::load::decode(file, &bytes));
            times.push(start.elapsed().as_secs_f64());
            let status = report.status.map_or("none", |s| s.as_str());
            result = format!("{status}, {} facts", report.fact_count());
        }
        times.sort_by(f64::total_cmp);
        let (mb, median) = (bytes.len() as f64 / 1e6, times[1]);
        println!("{name:<38} {mb:>8.2} {:>10.1} {:>9.1}  {result}", median * 1e3, mb / median);
        if median > slowest.0 {
            slowest = (median, name);
        }
    }
    println!("slowest: {} ({:.0} ms)", slowest.1, slowest.0 * 1e3);
}
