//! Printing a generated report in each layout the reader claims: Markdown pipe
//! tables, one cell per line with ` |`, tab-separated rows, `pdftotext -layout`
//! columns (labels wrapped around their numbers, page footers), raw `pdftotext`
//! (one cell per line), and HTML with spanned cells.

use super::rng::Rng;

/// A table row: label cells (a spanned group label first, if any) and values
/// (`""` an empty cell).
#[derive(Clone, Debug, Default)]
pub struct TRow {
    /// A group label spanning this row and the next `n - 1` (HTML rowspan), on the
    /// group's first row only.
    pub group: Option<(String, usize)>,
    /// The group label of a later row of the group (text layouts repeat nothing).
    pub labels: Vec<String>,
    pub values: Vec<String>,
    /// The columns each label of a header row spans, where the form sets them
    /// (表四's `行政复议` over five, `行政诉讼` over ten); the row's first
    /// columns past their sum are blank. Empty: one label a column, the last
    /// spanning the rest.
    pub spans: Vec<usize>,
}

impl TRow {
    pub fn header(labels: &[&str]) -> TRow {
        TRow { labels: labels.iter().map(|s| s.to_string()).collect(), ..TRow::default() }
    }

    /// A header row whose labels span the columns given.
    pub fn spanning(labels: &[(&str, usize)]) -> TRow {
        TRow {
            labels: labels.iter().map(|l| l.0.to_string()).collect(),
            spans: labels.iter().map(|l| l.1).collect(),
            ..TRow::default()
        }
    }
}

/// A block of a document.
#[derive(Clone, Debug)]
pub enum Block {
    Heading(String),
    Para(String),
    Table(Vec<TRow>),
}

/// How one report is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Markdown,
    PipeCells,
    Tabs,
    Aligned,
    Raw,
    Html,
    HtmlGbk,
    Traditional,
    Text,
    /// A Word document (the page's body in WordprocessingML).
    Docx,
    /// A Word 97-2003 document.
    Doc,
    /// A web page saved as one file (`.mhtml`).
    Mhtml,
}

impl Layout {
    pub fn name(self) -> &'static str {
        match self {
            Layout::Markdown => "markdown",
            Layout::PipeCells => "pipe_cells",
            Layout::Tabs => "tabs",
            Layout::Aligned => "aligned",
            Layout::Raw => "raw",
            Layout::Html => "html",
            Layout::HtmlGbk => "html_gbk",
            Layout::Traditional => "traditional",
            Layout::Text => "text",
            Layout::Docx => "docx",
            Layout::Doc => "doc",
            Layout::Mhtml => "mhtml",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Layout::Markdown => "md",
            Layout::Html | Layout::HtmlGbk => "html",
            Layout::Docx => "docx",
            Layout::Doc => "doc",
            Layout::Mhtml => "mhtml",
            _ => "txt",
        }
    }
}

/// The page around a report's body.
pub struct Page<'a> {
    pub title: &'a str,
    /// The agency the title names.
    pub agency: &'a str,
    pub site: &'a str,
    /// The publication line under the title, if the page prints one.
    pub published: Option<String>,
    pub blocks: &'a [Block],
    /// The signature at the end: agency and date.
    pub signature: Option<(String, String)>,
    /// The `PubDate` of a government site's meta tags, where the page has them
    /// (with `ArticleTitle` and `SiteName`).
    pub pub_date: Option<String>,
    /// The titles of the agency's reports of other years, which a site lists
    /// above the document.
    pub others: Vec<String>,
    /// A web clipper's Markdown: the date and the address its front matter gives
    /// with the title, which the body then leaves out.
    pub clipped: Option<(String, String)>,
}

fn cell(label: &str) -> String {
    label.replace('|', "/")
}

/// Renders `page` as text in `layout` (HTML layouts give the page's markup;
/// Word documents are written from the page by [`super::word`]).
pub fn render(page: &Page, layout: Layout, rng: &mut Rng) -> String {
    if matches!(layout, Layout::Html | Layout::HtmlGbk | Layout::Mhtml) {
        return html(page, layout == Layout::HtmlGbk);
    }
    let mut out = String::new();
    if let Some((date, url)) = page.clipped.as_ref().filter(|_| layout == Layout::Markdown) {
        out.push_str(&format!(
            "---\ntitle: \"{}\"\nsource: \"{url}\"\nauthor:\npublished: {date}\ncreated: 2025-06-01\ntags:\n  - \"clippings\"\n---\n",
            page.title
        ));
    }
    if rng.chance(0.4) {
        const CRUMBS: &[&str] = &[
            "首页 > 政务公开 > 政府信息公开年报\n",
            "当前位置：首页 > 信息公开 > 年度报告\n",
            "字号：[ 大 中 小 ]\n",
        ];
        let crumb: &&str = rng.pick(CRUMBS);
        out.push_str(crumb);
    }
    // A page scraped without its title (the page's own title left out).
    let untitled = page.title.is_empty();
    // A flip-book's page, which prints its number before the document's title.
    if layout == Layout::Text && !untitled && rng.chance(0.03) {
        out.push_str(&format!("Page 1 - {}\nP. 1\n", page.title));
    }
    // A site's table of the document's particulars, scraped as a row of cells.
    if layout == Layout::Text && !untitled && rng.chance(0.1) {
        out.push_str(&format!("名称 | {} | |\n分类 | 政府信息公开年报 | 发布机构 | 本网 |\n", page.title));
    }
    // pdftotext prints the lines of the PDF: paragraphs broken at the page's
    // width (28 to 38 characters), the title, in larger type, at fewer.
    let width = matches!(layout, Layout::Raw | Layout::Aligned).then(|| *rng.pick(&[56, 60, 68, 76]));
    // `pdftotext -layout` keeps where a line is set: a title and headings
    // centred on the page, the signature set right; a Word document's page,
    // wider, its paragraphs set close (no blank line between them).
    let placed = layout == Layout::Aligned && rng.chance(0.3);
    let width = if placed { Some(*rng.pick(&[80, 86, 92])) } else { width };
    let (centred, right) = if placed { (Set::Centre, Set::Right) } else { (Set::Left, Set::Left) };
    let after = if placed { "\n" } else { "\n\n" };
    // Plain pdftotext of a table whose numbers sit higher than their labels.
    let numbers_first = layout == Layout::Raw && rng.chance(0.3);
    let close = numbers_first && rng.chance(0.5);
    // 表三's 总计 column of its first rows (a number a row) apart from them,
    // after the last of those rows' label's first line or after its label.
    let totals_apart = (numbers_first && rng.chance(0.4)).then(|| (rng.range(3, 10) as usize, rng.chance(0.5)));
    let wide = numbers_first && rng.chance(0.5);
    // A Word table's label cells, narrower than the page: a long label wraps in them.
    let cell_width = (layout == Layout::Raw && rng.chance(0.5)).then(|| rng.range(5, 20) as usize);
    // A page's table printed to PDF: a row's first number on the line after its label's first line.
    let first_between = cell_width.is_some() && !numbers_first && rng.chance(0.4);
    // A Word table printed to PDF a column at a time over bands of rows.
    // The first band's rows may each print their first columns beside their
    // labels, numbers first (the third number: how many, or none).
    let bands = (layout == Layout::Raw && !numbers_first && rng.chance(0.25)).then(|| {
        let (first, from) = (rng.range(3, 9) as usize, rng.range(0, BAND_SIZES.len() as i64) as usize);
        (first, from, if rng.chance(0.4) { rng.range(1, 7) as usize } else { 0 })
    });
    // A Word table printed to PDF in other type: each row of 表三 its label
    // first, its numbers after it. The 总计 column of the first rows apart
    // (how many, or none), and a band of a few rows (where it starts, how
    // many, or none) whose other columns follow the last of them.
    let labels_first = (layout == Layout::Raw && !numbers_first && bands.is_none() && rng.chance(0.2)).then(|| {
        let apart = if rng.chance(0.4) { rng.range(2, 12) as usize } else { 0 };
        let band = rng.chance(0.4).then(|| (rng.range(apart as i64, 22) as usize, rng.range(2, 4) as usize));
        let band = band.unwrap_or_default();
        (apart, band.0, band.1)
    });
    // 表四's last columns a block of their own in plain pdftotext, printed after
    // the text that follows the table: the columns' numbers, or each under its head.
    let last_apart = (layout == Layout::Raw && rng.chance(0.2)).then(|| (rng.range(1, 11) as usize, rng.chance(0.5)));
    let mut apart_block = String::new();
    // 表三 wider than its flow: its first rows a band, the later rows' last
    // columns a block of their own after the signature (the first band's rows,
    // the columns apart, where in [`BAND_SIZES`] the groups' sizes start).
    // Or the table over bands of rows down to its last few rows (the fourth
    // number: how many), which print their first columns only.
    let requests_apart = (layout == Layout::Raw && rng.chance(0.15)).then(|| {
        let (first, columns) = (rng.range(2, 8) as usize, rng.range(1, 5) as usize);
        let from = rng.range(0, BAND_SIZES.len() as i64) as usize;
        (first, columns, from, if rng.chance(0.4) { rng.range(1, 6) as usize } else { 0 })
    });
    let mut requests_block = String::new();
    // 表三 as a narrow Word table: the first band's rows, the last rows, and how
    // many columns those print before their labels (the others after 表四's
    // heads, where 表四's cells still follow them).
    let narrow_word = (layout == Layout::Raw && requests_apart.is_none() && last_apart.is_none() && rng.chance(0.1))
        .then(|| (rng.range(2, 8) as usize, rng.range(2, 4) as usize, rng.range(1, 3) as usize));
    let mut after_heads = String::new();
    // 表二's blocks after the first printed a column at a time: the items, and
    // each column's head with its numbers after the last block.
    let disclosures_by_columns = layout == Layout::Raw && rng.chance(0.2);
    let mut columns_after = String::new();
    // A Word table's label column wraps its labels a few characters a line.
    let narrow = placed.then(|| (rng.range(5, 10) as usize, rng.chance(0.4)));
    // Digits set in a Latin font: pdftotext parts them from the Chinese around them.
    let font = |text: &str| if placed { digits_apart(text) } else { text.to_string() };
    let set = |text: String, how: Set| match width {
        Some(w) if how != Set::Left => set_in(&text, w, how),
        _ => text,
    };
    // A page whose chrome prints the title without the agency, then prints it
    // again under the agency's name, on a line of its own.
    let bare = page.title.strip_prefix(page.agency).filter(|rest| rest.starts_with(|c: char| c.is_ascii_digit()));
    if let Some(rest) = bare.filter(|_| layout == Layout::Text && rng.chance(0.04)) {
        out.push_str(&format!("{rest}\n字体：大 中 小\n\n{}\n\n", page.agency));
        out.push_str(rest);
        out.push('\n');
    } else if !untitled && page.clipped.is_none() {
        if !page.others.is_empty() {
            out.push_str("年报列表\n");
            page.others.iter().for_each(|t| out.push_str(&format!("{t}\n")));
        }
        // A site's chrome that names the report without its year, above the document's own title.
        if layout == Layout::Text && !page.agency.is_empty() && page.title.contains(page.agency) && rng.chance(0.04) {
            out.push_str(&format!("{}政府信息公开年度报告\n", page.agency));
        }
        out.push_str(if layout == Layout::Markdown { "# " } else { "" });
        // The notice that publishes the report, above its title.
        if layout == Layout::Text && !page.agency.is_empty() && rng.chance(0.02) {
            out.push_str(&format!(
                "{}关于印发{}的通知\n各有关单位：\n现将《{}》印发给你们，请认真贯彻执行。\n\n",
                page.agency, page.title, page.title
            ));
        }
        // An attachment's label, or a site's tag of the document's kind, before the title.
        if layout == Layout::Text && rng.chance(0.03) {
            out.push_str(rng.pick::<&str>(&["附件：", "附件1：", "【年度报告】", "【政府信息公开年报】"]));
        }
        let title = width.map_or_else(|| page.title.to_string(), |w| printed(&font(page.title), w * 3 / 4));
        out.push_str(&set(title, centred));
        // The page's particulars on the title's line, copied from elements set inline.
        let inline = layout == Layout::Text && page.published.as_ref().is_some_and(|p| p.starts_with("发布")) && rng.chance(0.05);
        out.push(if inline { ' ' } else { '\n' });
    }
    if let Some(p) = page.published.as_ref().filter(|_| page.clipped.is_none()) {
        out.push_str(&font(p));
        out.push('\n');
    }
    out.push('\n');
    let blank_zeros = matches!(layout, Layout::PipeCells | Layout::Tabs | Layout::Markdown) && rng.chance(0.3);
    // Markdown from a converter: long labels broken with `<br>`, brackets escaped;
    // or tables left in HTML, as some converters write tables with spanned cells.
    let converted = layout == Layout::Markdown && rng.chance(0.3);
    let html_tables = layout == Layout::Markdown && !converted && rng.chance(0.3);
    // Or grid tables, as pandoc writes tables whose cells hold more than a line.
    let grid_tables = layout == Layout::Markdown && !converted && !html_tables && rng.chance(0.25);
    let dropped = layout == Layout::PipeCells && rng.chance(0.3);
    let unnumbered = layout == Layout::PipeCells && !dropped && rng.chance(0.15);
    // A page that sets its figures apart (a `<span>` each), copied a line each.
    let apart = layout == Layout::Text && rng.chance(0.1);
    // A page copied without its line breaks: the whole body on one line (but the
    // tables), or each heading run into its paragraph, parted by a blank.
    let one_line = layout == Layout::Text && !apart && rng.chance(0.05);
    let heads_run_on = one_line || (layout == Layout::Text && !apart && rng.chance(0.05));
    let blank = if rng.chance(0.3) { "\u{3000}" } else { " " };
    // Headings whose numeral a blank parts from the words (`三 政府信息依申请公开情况`).
    let spaced_heads = layout == Layout::Text && rng.chance(0.15);
    // A PDF printed from a page whose headings ran into their paragraphs: the
    // heading then broken with its paragraph at the page's width.
    let heads_printed_on = width.is_some() && rng.chance(0.05);
    // Or from a PDF set with wide letter spacing: a blank between each two characters.
    let letters_apart = width.is_some() && rng.chance(0.03);
    let spaced = |line: String| if letters_apart { spaced_letters(&line) } else { line };
    let mut run_on = String::new();
    for (k, block) in page.blocks.iter().enumerate() {
        let table_next = matches!(page.blocks.get(k + 1), Some(Block::Table(_)) | None);
        let disclosure_block = |b: &Block| matches!(b, Block::Table(rows) if rows.iter().any(is_article_line));
        if !disclosure_block(block) {
            out.push_str(&std::mem::take(&mut columns_after));
        }
        match block {
            Block::Table(rows)
                if disclosures_by_columns
                    && disclosure_block(block)
                    && k > 0
                    && disclosure_block(&page.blocks[k - 1]) =>
            {
                let (items, columns) = raw_by_columns(rows);
                out.push_str(&items);
                columns_after.push_str(&columns);
            }
            // (A heading whose letters a PDF spaced out was a paragraph of its own.)
            Block::Heading(h)
                if heads_printed_on && !h.contains(' ') && matches!(page.blocks.get(k + 1), Some(Block::Para(_))) =>
            {
                run_on = format!("{h} ");
            }
            Block::Heading(h) => {
                out.push_str(if layout == Layout::Markdown { "## " } else { "" });
                // (The numeral's own 、, not one between the heading's words.)
                let numbered = h.starts_with(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'])
                    && h.chars().nth(1) == Some('、');
                let h = spaced(if spaced_heads && numbered { h.replacen('、', " ", 1) } else { h.to_string() });
                out.push_str(&set(h, centred));
                out.push_str(if heads_run_on && !table_next { blank } else { after });
            }
            Block::Para(p) if apart => out.push_str(&numbers_apart(p)),
            Block::Para(p) => {
                let p = font(&format!("{}{p}", std::mem::take(&mut run_on)));
                out.push_str(&spaced(width.map_or_else(|| p.clone(), |w| printed(&p, w))));
                out.push_str(if one_line && !table_next { blank } else { after });
            }
            Block::Table(rows) => {
                // A table of zeros printed blank would hold no number at all (an
                // empty table, by the data contract): blank zeros only beside others.
                let blank = blank_zeros && rows.iter().any(|r| r.values.iter().any(|v| !v.is_empty() && v != "0"));
                let table = match layout {
                    Layout::Markdown if html_tables => html_table(rows),
                    Layout::Markdown if grid_tables => grid(rows, blank),
                    Layout::PipeCells => pipe_cells(rows, blank, dropped, unnumbered),
                    Layout::Tabs => tabs(rows, blank),
                    Layout::Aligned if placed => {
                        let apart = |cells: &[String]| cells.iter().map(|c| font(c)).collect();
                        let rows: Vec<TRow> = rows
                            .iter()
                            .map(|r| TRow { labels: apart(&r.labels), values: apart(&r.values), ..r.clone() })
                            .collect();
                        aligned(&rows, narrow, rng)
                    }
                    Layout::Aligned => aligned(rows, None, rng),
                    Layout::Raw => {
                        let how = Raw {
                            numbers_first,
                            close,
                            cell_width,
                            totals_apart,
                            wide,
                            first_between,
                            bands,
                            labels_first,
                        };
                        let requests = rows.iter().any(|r| r.labels.iter().any(|l| l.contains("本年新收")));
                        match last_apart.filter(|_| rows.iter().any(|r| r.values.len() == LITIGATION_CELLS)) {
                            _ if requests && narrow_word.is_some() => {
                                let (table, block) = raw_narrow(rows, narrow_word.unwrap_or_default(), rng);
                                after_heads = block;
                                table
                            }
                            _ if requests && requests_apart.is_some() => {
                                let (first, columns, from, last) = requests_apart.unwrap_or_default();
                                let (table, block) = match last {
                                    0 => raw_requests_apart(rows, (first, columns, from), how),
                                    _ => raw_bands_apart(rows, (first, from), (last, columns)),
                                };
                                requests_block = block;
                                table
                            }
                            Some((columns, headed)) => {
                                let (rows, block) = columns_apart(rows, columns, headed);
                                apart_block = block;
                                raw(&rows, how)
                            }
                            None if rows.iter().any(|r| r.values.len() == LITIGATION_CELLS) => {
                                after_its_heads(&raw(rows, how), &std::mem::take(&mut after_heads))
                            }
                            None => raw(rows, how),
                        }
                    }
                    _ => markdown(rows, blank, converted, rng.chance(0.1)),
                };
                out.push_str(&table);
                out.push('\n');
            }
        }
    }
    out.push_str(&columns_after);
    if let Some((agency, date)) = &page.signature {
        out.push_str(&format!("{}\n", set(font(&format!("{agency}\n{date}")), right)));
    }
    out.push_str(&requests_block);
    out.push_str(&apart_block);
    out
}

/// Whether a row is a 表二 block's `第二十条第(X)项` line.
fn is_article_line(row: &TRow) -> bool {
    row.values.is_empty() && row.labels.first().is_some_and(|l| l.starts_with("第二十条"))
}

/// A 表二 block as plain `pdftotext` prints a Word table a column at a time:
/// its line, first head and items; and apart, each column's head over its
/// numbers (a line each), a blank line after each column.
fn raw_by_columns(rows: &[TRow]) -> (String, String) {
    let mut items = String::new();
    let mut heads: Vec<String> = Vec::new();
    let mut columns: Vec<Vec<String>> = Vec::new();
    for row in rows {
        if row.values.is_empty() && !is_article_line(row) && heads.is_empty() && row.labels.len() > 1 {
            // The head row: its first cell (信息内容) stays over the items.
            items.push_str(&format!("{}\n\n", row.labels[0]));
            heads = row.labels[1..].to_vec();
            columns = vec![Vec::new(); heads.len()];
            continue;
        }
        labels_of(row).iter().for_each(|l| items.push_str(&format!("{l}\n")));
        for (column, value) in columns.iter_mut().zip(&row.values) {
            column.push(cell_value(value));
        }
    }
    let columns =
        heads.iter().zip(&columns).map(|(head, values)| format!("{head}\n{}\n\n", values.join("\n"))).collect();
    (items, columns)
}

/// 表四's cells: three proceedings of five outcomes.
const LITIGATION_CELLS: usize = 15;

/// 表四 without its last `columns` columns' numbers, and those numbers as plain
/// `pdftotext` prints them apart: a number a line, or each under its head a
/// character a line (`尚`/`未`/`审`/`结`/`30`) where `headed`.
fn columns_apart(rows: &[TRow], columns: usize, headed: bool) -> (Vec<TRow>, String) {
    let mut rows = rows.to_vec();
    let mut block = String::from("\n");
    if let Some(row) = rows.iter_mut().find(|r| r.values.len() == LITIGATION_CELLS) {
        let kept = LITIGATION_CELLS - columns.min(LITIGATION_CELLS - 1);
        for (k, value) in row.values.split_off(kept).into_iter().enumerate() {
            if headed {
                let outcomes = crate::template::LITIGATION_OUTCOME_LABELS;
                let head = outcomes[(kept + k) % outcomes.len()];
                head.chars().for_each(|c| block.push_str(&format!("{c}\n")));
            }
            block.push_str(&format!("{}\n\n", cell_value(&value)));
        }
    }
    (rows, block)
}

/// A blank between a Chinese character and a digit next to it (`2011 年`,
/// `减少 12`), as `pdftotext` prints a run of text in another font.
fn digits_apart(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut prev: Option<char> = None;
    for c in text.chars() {
        if let Some(p) = prev {
            let chinese = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
            if (chinese(p) && c.is_ascii_digit()) || (p.is_ascii_digit() && chinese(c)) {
                out.push(' ');
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Each line's characters a blank apart, as `pdftotext` prints text set with
/// wide letter spacing (a word's end, a wider gap, two blanks).
fn spaced_letters(text: &str) -> String {
    let line = |l: &str| {
        let mut out = String::new();
        for (k, word) in l.split(' ').filter(|w| !w.is_empty()).enumerate() {
            out.push_str(if k > 0 { "   " } else { "" });
            out.push_str(&word.chars().map(String::from).collect::<Vec<_>>().join(" "));
        }
        out
    };
    text.split('\n').map(line).collect::<Vec<_>>().join("\n")
}

/// Where a line is set on the page.
#[derive(Clone, Copy, PartialEq)]
enum Set {
    Left,
    Centre,
    Right,
}

/// The columns a character takes on a printed page: a Chinese character or
/// its punctuation two.
fn columns(c: char) -> usize {
    if c as u32 >= 0x2e80 || "，；：（）".contains(c) {
        2
    } else {
        1
    }
}

/// Each line of `text` centred or set right on a page `width` columns wide.
fn set_in(text: &str, width: usize, how: Set) -> String {
    let line = |l: &str| {
        let room = width.saturating_sub(l.chars().map(columns).sum());
        format!("{}{l}", " ".repeat(if how == Set::Centre { room / 2 } else { room }))
    };
    text.split('\n').map(line).collect::<Vec<_>>().join("\n")
}

/// `text` broken as a PDF prints it: lines of at most `width` columns (a
/// Chinese character or its punctuation two), never inside a run of digits or
/// Latin letters.
pub fn printed(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width.max(1));
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            out.push('\n');
        }
        let mut used = 0;
        let mut prev: Option<char> = None;
        for c in line.chars() {
            let word = prev.is_some_and(|p| p.is_ascii_alphanumeric()) && c.is_ascii_alphanumeric();
            if used + columns(c) > width && !word {
                out.push('\n');
                used = 0;
            }
            out.push(c);
            used += columns(c);
            prev = Some(c);
        }
    }
    out
}

/// `text` with each count (digits before a unit: `35件`, `90.3%`) on a line of
/// its own.
fn numbers_apart(text: &str) -> String {
    const UNITS: &[char] = &['件', '条', '个', '项', '次', '宗', '份', '起', '元', '万', '%'];
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let len = rest[start..].find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len() - start);
        let number = &rest[start..start + len];
        out.push_str(&rest[..start]);
        if rest[start + len..].starts_with(UNITS) {
            out.push('\n');
            out.push_str(number);
            out.push('\n');
        } else {
            out.push_str(number);
        }
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out.push_str("\n\n");
    out
}

fn shown(v: &str, blank_zeros: bool) -> &str {
    if blank_zeros && v == "0" {
        ""
    } else {
        v
    }
}

fn labels_of(r: &TRow) -> Vec<String> {
    let mut l: Vec<String> = r.group.iter().map(|g| g.0.clone()).collect();
    l.extend(r.labels.iter().cloned());
    l
}

/// A label as a converter writes it into a Markdown cell: `<br>` where the
/// document broke the line, brackets escaped.
fn converted_label(label: &str) -> String {
    let broken = match label.char_indices().nth(8) {
        Some((cut, _)) => format!("{}<br>{}", &label[..cut], &label[cut..]),
        None => label.to_string(),
    };
    broken.replace('(', "\\(").replace(')', "\\)")
}

/// `lose_cell`: the first row of zeros loses its last cell (a separator lost in
/// conversion).
/// The cells of each row of a Markdown table: labels (each through `label`),
/// blanks under a spanned label, then the values; a header row as wide as the table.
fn markdown_cells(rows: &[TRow], blank_zeros: bool, label: impl Fn(&str) -> String) -> Vec<Vec<String>> {
    // Label columns: two in 表三 (group and item), one in 表二, none in 表四's data row.
    let label_width = rows.iter().filter(|r| !r.values.is_empty()).map(|r| labels_of(r).len()).max().unwrap_or(1);
    let width = rows.iter().map(|r| label_width + r.values.len()).max().unwrap_or(2);
    rows.iter()
        .map(|r| {
            let mut cells: Vec<String> = labels_of(r).iter().map(|l| label(l)).collect();
            while !cells.is_empty() && cells.len() < label_width && !r.values.is_empty() {
                cells.push(String::new());
            }
            if r.values.is_empty() {
                cells.resize(width.max(cells.len()), String::new());
            }
            cells.extend(r.values.iter().map(|v| shown(v, blank_zeros).to_string()));
            cells
        })
        .collect()
}

fn markdown(rows: &[TRow], blank_zeros: bool, converted: bool, lose_cell: bool) -> String {
    let mut out = String::new();
    let lost = (lose_cell && !blank_zeros)
        .then(|| rows.iter().position(|r| r.values.len() >= 5 && r.values.iter().all(|v| v == "0")))
        .flatten();
    let label = |l: &str| if converted { converted_label(&cell(l)) } else { cell(l) };
    for (i, mut cells) in markdown_cells(rows, blank_zeros, label).into_iter().enumerate() {
        if lost == Some(i) {
            cells.pop();
        }
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
        if i == 0 {
            out.push_str(&format!("|{}\n", "---|".repeat(cells.len())));
        }
    }
    out
}

/// A grid table, as pandoc writes one whose cells hold more than a line: rows
/// between `+---+` borders (`+===+` under the header), long labels run over
/// the lines of their row.
fn grid(rows: &[TRow], blank_zeros: bool) -> String {
    const WRAP: usize = 14;
    let table = markdown_cells(rows, blank_zeros, cell);
    let columns = table.iter().map(Vec::len).max().unwrap_or(0);
    // Each cell's lines.
    let lines_of = |c: &String| -> Vec<String> {
        let chars: Vec<char> = c.chars().collect();
        chars.chunks(WRAP).map(|p| p.iter().collect()).collect()
    };
    let pieces: Vec<Vec<Vec<String>>> = table.iter().map(|cells| cells.iter().map(lines_of).collect()).collect();
    let wide = |k: usize| {
        pieces.iter().filter_map(|row| row.get(k)).flatten().map(|p| p.chars().count()).max().unwrap_or(0).max(1)
    };
    let widths: Vec<usize> = (0..columns).map(wide).collect();
    let rule = |c: char| format!("+{}\n", widths.iter().map(|w| c.to_string().repeat(w + 2) + "+").collect::<String>());
    let mut out = rule('-');
    for (i, row) in pieces.iter().enumerate() {
        let height = row.iter().map(Vec::len).max().unwrap_or(1).max(1);
        for line in 0..height {
            out.push('|');
            for (k, w) in widths.iter().enumerate() {
                let piece = row.get(k).and_then(|p| p.get(line)).map_or("", String::as_str);
                out.push_str(&format!(" {piece:<w$} |"));
            }
            out.push('\n');
        }
        out.push_str(&rule(if i == 0 { '=' } else { '-' }));
    }
    out
}

/// `dropped`: a scrape that lost the place of empty cells prints a row's numbers
/// first and its empty cells as one run of `|` after them (done where that
/// leaves the row readable: its first cell and its total, equal).
///
/// `unnumbered`: a scrape that lost the column of a group's numbered labels
/// prints the group's heading (`(三)不予公开`) and then its rows' numbers alone.
fn pipe_cells(rows: &[TRow], blank_zeros: bool, dropped: bool, unnumbered: bool) -> String {
    let mut out = String::new();
    let numbered =
        |l: &String| l.split_once('.').is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    for r in rows {
        let mut labels = labels_of(r);
        if unnumbered {
            labels.retain(|l| !numbered(l));
        }
        for l in labels {
            out.push_str(&format!("{} |\n", cell(&l)));
        }
        let shown_values: Vec<&str> = r.values.iter().map(|v| shown(v, blank_zeros)).collect();
        let filled: Vec<usize> = (0..shown_values.len()).filter(|&i| !shown_values[i].is_empty()).collect();
        let readable = match filled.as_slice() {
            [a, b] => *a == 0 && *b + 1 == shown_values.len() && shown_values[*a] == shown_values[*b],
            _ => false,
        };
        if dropped && blank_zeros && shown_values.len() == 7 && readable {
            for &i in &filled {
                out.push_str(&format!("{} |\n", shown_values[i]));
            }
            out.push_str(&"|".repeat(shown_values.len() - filled.len() + 1));
            out.push('\n');
            continue;
        }
        for v in &r.values {
            let v = shown(v, blank_zeros);
            out.push_str(&if v.is_empty() { "|\n".to_string() } else { format!("{v} |\n") });
        }
        out.push_str("||\n");
    }
    out
}

fn tabs(rows: &[TRow], blank_zeros: bool) -> String {
    let mut out = String::new();
    for r in rows {
        let labels = labels_of(r);
        let mut cells = if labels.is_empty() { Vec::new() } else { vec![labels.join(" ")] };
        cells.extend(r.values.iter().map(|v| shown(v, blank_zeros).to_string()));
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

/// A line with each text at a character column, as `pdftotext -layout` pads.
fn at(parts: &[(usize, String)]) -> String {
    let mut line = String::new();
    for (col, text) in parts {
        let n = line.chars().count();
        line.push_str(&" ".repeat(col.saturating_sub(n).max(if n > 0 { 1 } else { 0 })));
        line.push_str(text);
    }
    line + "\n"
}

/// `text` wrapped at `width` characters a line as a word processor wraps a
/// cell: never inside a number (`指2018`, not `指201` / `8`), never before a
/// closing mark (`1.属于`, not `1` / `.属于`).
fn wrapped(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    let chars: Vec<char> = text.chars().collect();
    for (k, &c) in chars.iter().enumerate() {
        let inside_number = c.is_ascii_digit() && k > 0 && chars[k - 1].is_ascii_digit();
        // A word processor starts no line with a closing mark (`.`, `、`, `)`).
        let closing = ".,:;)、，。：；）”》".contains(c);
        if line >= width.max(1) && !inside_number && !closing {
            out.push('\n');
            line = 0;
        }
        out.push(c);
        line += 1;
    }
    out
}

/// `text` in pieces of `width` characters.
fn chunks(text: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    chars.chunks(width.max(1)).map(|c| c.iter().collect()).collect()
}

/// A table as `pdftotext -layout` prints it: each row's numbers in columns
/// after its label, a long label now and then wrapped above or below them; with
/// `narrow` (characters a line, whether cells are centred down), every label
/// of a row without a group wrapped as a narrow column wraps it.
fn aligned(rows: &[TRow], narrow: Option<(usize, bool)>, rng: &mut Rng) -> String {
    /// Characters a line of a group's column (三、本年度办理结果) holds.
    const GROUP_WIDTH: usize = 5;
    let mut out = String::new();
    // Narrow columns: a group's, then a label's each, then the numbers'.
    let grouped = rows.iter().any(|r| r.group.is_some());
    let label_at = if grouped { 6 + 2 * GROUP_WIDTH } else { 4 };
    let most_labels = rows.iter().filter(|r| !r.values.is_empty()).map(|r| r.labels.len()).max().unwrap_or(1);
    let start = narrow.map_or(36, |(width, _)| (label_at + most_labels * (2 * width + 2) + 2).max(36));
    let mut group: Vec<String> = Vec::new();
    let step = if rows.iter().any(|r| r.values.len() > 8) { 5 } else { 8 };
    // Cells marked none with `——` that their narrow columns wrap in two: each
    // half a line above and below the row's numbers, or the upper on their line.
    let halves = (rows.iter().any(|r| r.values.iter().any(|v| v == WHOLE_MARK)) && rng.chance(0.5))
        .then(|| if rng.chance(0.5) { Halves::Around } else { Halves::Under });
    // Numbers too wide for their cells, three digits a line (`173` over `6`), in
    // a table of many columns (表三's seven), each narrow.
    let long = |v: &String| v.len() > NARROW_DIGITS && v.bytes().all(|b| b.is_ascii_digit());
    let many = rows.iter().any(|r| r.values.len() >= MANY_COLUMNS);
    let narrow_digits = many && rows.iter().any(|r| r.values.iter().any(long)) && rng.chance(0.3);
    let wrap = Wrap { halves, digits: narrow_digits.then_some(NARROW_DIGITS) };
    for (k, r) in rows.iter().enumerate() {
        let label = labels_of(r).concat();
        let values: Vec<(usize, String)> =
            r.values.iter().enumerate().map(|(i, v)| (start + step * i, cell_value(v))).collect();
        if r.values.is_empty() {
            let below = rows.get(k + 1).filter(|b| b.labels.is_empty() && b.values.len() == r.labels.len());
            if below.is_some() {
                // The heads of a table printed across, each over its column.
                let parts: Vec<(usize, String)> =
                    r.labels.iter().enumerate().map(|(i, l)| (start + step * i, l.clone())).collect();
                out.push_str(&at(&parts));
            } else if r.labels.len() > 8 && rng.chance(0.5) {
                // Headers of narrow columns (表四's fifteen), as a PDF sets them: a
                // character a line, each over its column.
                let columns: Vec<Vec<char>> = r.labels.iter().map(|l| l.chars().collect()).collect();
                let depth = columns.iter().map(Vec::len).max().unwrap_or(0);
                for line in 0..depth {
                    let parts: Vec<(usize, String)> = columns
                        .iter()
                        .enumerate()
                        .filter_map(|(i, c)| c.get(line).map(|ch| (start + step * i, ch.to_string())))
                        .collect();
                    out.push_str(&at(&parts));
                }
            } else {
                out.push_str(&at(&[(4, label)]));
            }
            continue;
        }
        let chars: Vec<char> = label.chars().collect();
        // The row's lines, each its parts but the numbers, and the line the numbers go on.
        let narrowed = narrow.filter(|_| !r.labels.is_empty());
        let (lines, v) = if let Some((width, centred)) = narrowed {
            // Narrow label columns: each label a few characters a line in its
            // column, a group's flowing down the lines of the rows it spans; the
            // numbers on the row's first line or, in cells centred down, its
            // middle one.
            if let Some((g, _)) = &r.group {
                group = chunks(g, GROUP_WIDTH);
            }
            let columns: Vec<Vec<String>> = r.labels.iter().map(|l| chunks(l, width)).collect();
            let depth = columns.iter().map(Vec::len).max().unwrap_or(1);
            let middle = if centred { (depth - 1) / 2 } else { 0 };
            let lines = (0..depth)
                .map(|line| {
                    let mut parts: Vec<(usize, String)> = Vec::new();
                    if !group.is_empty() {
                        parts.push((4, group.remove(0)));
                    }
                    for (c, pieces) in columns.iter().enumerate() {
                        // A cell centred down sets its lines about the row's middle.
                        let shift = if centred { (depth - pieces.len()) / 2 } else { 0 };
                        if let Some(piece) = line.checked_sub(shift).and_then(|l| pieces.get(l)) {
                            parts.push((label_at + c * (2 * width + 2), piece.clone()));
                        }
                    }
                    parts
                })
                .collect();
            (lines, middle)
        } else if chars.len() > 14 && rng.chance(0.5) {
            let cut = chars.len() / 2;
            let (a, b): (String, String) = (chars[..cut].iter().collect(), chars[cut..].iter().collect());
            (vec![vec![(4, a)], vec![(4, b)]], usize::from(!rng.chance(0.5)))
        } else {
            (vec![vec![(4, label)]], 0)
        };
        out.push_str(&row_lines(lines, v, values, wrap));
        if narrowed.is_none() && rng.chance(0.03) {
            out.push_str(&at(&[(40, format!("- {} -", rng.range(2, 9)))]));
        }
    }
    out
}

/// The mark for none that a narrow column wraps.
const WHOLE_MARK: &str = "——";

/// Where the halves of a wrapped `——` go.
#[derive(Clone, Copy)]
enum Halves {
    /// A line above the row's numbers and a line below.
    Around,
    /// On the numbers' line and the line below.
    Under,
}

/// The digits a line of a narrow number cell holds.
const NARROW_DIGITS: usize = 3;
/// The columns of numbers a table has that makes each narrow.
const MANY_COLUMNS: usize = 7;

/// What a table's narrow cells wrap.
#[derive(Clone, Copy)]
struct Wrap {
    /// Each `——`, in two halves.
    halves: Option<Halves>,
    /// Each number of more digits than this, the rest under its start.
    digits: Option<usize>,
}

/// A row's lines (`lines`, each its parts at their columns) with its numbers on
/// line `v`, its cells wrapped as `wrap` says.
fn row_lines(mut lines: Vec<Vec<(usize, String)>>, mut v: usize, values: Vec<(usize, String)>, wrap: Wrap) -> String {
    let (halved, whole): (Vec<_>, Vec<_>) =
        values.into_iter().partition(|(_, x)| wrap.halves.is_some() && x == WHOLE_MARK);
    // The line under the numbers' line, made where there is none.
    let below = |lines: &mut Vec<Vec<(usize, String)>>, v: usize| {
        if v + 1 == lines.len() {
            lines.push(Vec::new());
        }
        v + 1
    };
    let mut tails: Vec<(usize, String)> = Vec::new();
    for (column, value) in whole {
        match wrap.digits.filter(|&d| value.len() > d && value.bytes().all(|b| b.is_ascii_digit())) {
            Some(d) => {
                tails.push((column, value[d..].to_string()));
                lines[v].push((column, value[..d].to_string()));
            }
            None => lines[v].push((column, value)),
        }
    }
    let add = |line: &mut Vec<(usize, String)>, parts: &[(usize, String)]| {
        line.extend(parts.iter().cloned());
        line.sort_by_key(|p| p.0);
    };
    let halves: Vec<(usize, String)> = halved.iter().map(|(c, _)| (*c, "—".to_string())).collect();
    match wrap.halves {
        Some(_) if halves.is_empty() => {}
        Some(Halves::Around) => {
            if v == 0 {
                lines.insert(0, Vec::new());
                v += 1;
            }
            add(&mut lines[v - 1], &halves);
            let b = below(&mut lines, v);
            add(&mut lines[b], &halves);
        }
        Some(Halves::Under) => {
            add(&mut lines[v], &halves);
            let b = below(&mut lines, v);
            add(&mut lines[b], &halves);
        }
        None => {}
    }
    if !tails.is_empty() {
        let b = below(&mut lines, v);
        add(&mut lines[b], &tails);
    }
    lines.iter().map(|parts| at(parts)).collect()
}

/// How plain `pdftotext` prints a table.
#[derive(Clone, Copy)]
struct Raw {
    /// A table's numbers before its labels, as their type sits a little higher:
    /// a statistics table's (of a few columns), and each row's of 表三 but the
    /// first column's, which stays on its label's first line where the label wraps.
    numbers_first: bool,
    /// A word processor's PDF: its cells a line each with no blank line between,
    /// a statistics row's label and unit on one line and the label wrapped in
    /// its narrow column (`（一）主动公开政府 条` / `信息数`).
    close: bool,
    /// The characters a line of a label cell holds, where a long label wraps in
    /// its cell (plain pdftotext prints the cell's lines one after another).
    cell_width: Option<usize>,
    /// With `numbers_first`: the 总计 column of 表三's first rows printed apart,
    /// after the last of them's label's first line (`true`) or its whole label.
    totals_apart: Option<(usize, bool)>,
    /// With `numbers_first`: 表三's columns narrow for its numbers, a number of
    /// two digits or more printed on one line with the next.
    wide: bool,
    /// 表三's rows, their labels wrapped: each row's first number between its
    /// label's first line and the rest (a page's table printed to PDF).
    first_between: bool,
    /// 表三 a column at a time over bands of rows: the first band's rows,
    /// where in [`BAND_SIZES`] the later bands' sizes start, and how many of
    /// the first band's columns each row prints beside its label (0: none).
    bands: Option<(usize, usize, usize)>,
    /// 表三 each row's label first (see [`raw_labels_first`]): the first rows
    /// whose 总计 column is apart, and the band's first row and rows.
    labels_first: Option<(usize, usize, usize)>,
}

/// The sizes of the bands of rows after the first, in turn.
const BAND_SIZES: [usize; 6] = [1, 1, 2, 1, 3, 1];

/// The fewest characters a line of a statistics table's label cell holds.
const MIN_STATISTICS_WIDTH: usize = 12;

/// A table cell's value as a PDF prints it: an empty cell as 0.
fn cell_value(value: &str) -> String {
    if value.is_empty() { "0".to_string() } else { value.to_string() }
}

/// A table as plain `pdftotext` prints it: each cell a line, a row's labels
/// then its numbers, or as `how` says.
fn raw(rows: &[TRow], how: Raw) -> String {
    const LABEL_WIDTH: usize = 9;
    let Raw { numbers_first, close, cell_width, .. } = how;
    let statistics = rows.iter().all(|r| r.group.is_none() && r.values.len() <= 3);
    let requests = rows.iter().any(|r| r.labels.iter().any(|l| l.contains("本年新收")));
    if numbers_first && requests {
        return raw_requests(rows, how);
    }
    if let Some(bands) = how.bands.filter(|_| requests) {
        return raw_bands(rows, bands);
    }
    if let Some(how_apart) = how.labels_first.filter(|_| requests) {
        return raw_labels_first(rows, how, how_apart);
    }
    let mut out = String::new();
    for r in rows {
        let labels: Vec<String> = match cell_width {
            // (A statistics table's label column, one of three, is the wider.)
            Some(w) if !(numbers_first && statistics) => {
                let w = if statistics { w.max(MIN_STATISTICS_WIDTH) } else { w };
                labels_of(r).iter().map(|l| wrapped(l, w)).collect()
            }
            _ => labels_of(r),
        };
        let values = r.values.iter().map(|v| cell_value(v));
        let cells: Vec<String> = if numbers_first && statistics && !r.labels.is_empty() {
            // A serial number's cell is set as the numbers are.
            let (serials, mut words): (Vec<String>, Vec<String>) =
                labels.into_iter().partition(|l| l.bytes().all(|b| b.is_ascii_digit()));
            if close && words.len() == 2 {
                let unit = words.pop().unwrap_or_default();
                let label = words.pop().unwrap_or_default();
                let cut = label.char_indices().nth(LABEL_WIDTH).map_or(label.len(), |(i, _)| i);
                let rest = &label[cut..];
                words.push(format!("{} {unit}{}{rest}", &label[..cut], if rest.is_empty() { "" } else { "\n" }));
            }
            serials.into_iter().chain(values).chain(words).collect()
        } else if how.first_between && requests && labels.last().is_some_and(|l| l.contains('\n')) {
            let mut labels = labels;
            let own = labels.pop().unwrap_or_default();
            let (first, rest) = own.split_once('\n').unwrap_or((&own, ""));
            let mut values = values;
            let first_value = values.next();
            let own = [first.to_string()].into_iter().chain(first_value).chain([rest.to_string()]);
            labels.into_iter().chain(own).chain(values).collect()
        } else {
            labels.into_iter().chain(values).collect()
        };
        for cell in cells {
            out.push_str(&cell);
            out.push_str(if close { "\n" } else { "\n\n" });
        }
    }
    out
}

/// 表三 by plain `pdftotext` with its numbers first: a row's numbers, then its
/// labels on one line (a group's and the row's), wrapped in the cell's width,
/// the first column's number at the end of the label's first line where it wraps.
fn raw_requests(rows: &[TRow], how: Raw) -> String {
    let end = if how.close { "\n" } else { "\n\n" };
    let (apart, after_first_line) = how.totals_apart.unwrap_or((0, false));
    let mut totals: Vec<String> = Vec::new();
    let mut counted = 0;
    let mut out = String::new();
    for r in rows {
        let label = labels_of(r).join(" ");
        if r.values.is_empty() {
            out.push_str(&label);
            out.push_str(end);
            continue;
        }
        let mut values: Vec<String> = r.values.iter().map(|v| cell_value(v)).collect();
        counted += 1;
        if counted <= apart {
            totals.extend(values.pop());
        }
        let text = how.cell_width.map_or_else(|| label.clone(), |w| wrapped(&label, w));
        let mut lines = text.lines();
        let first = lines.next().unwrap_or_default();
        let rest: Vec<&str> = lines.collect();
        // A number of two digits or more fills its cell up to the next one's:
        // pdftotext prints the two on one line (`116 10 2` / `1`); on a wrapped
        // label's first line, the first two at most.
        let glued = if rest.is_empty() || values.is_empty() {
            None
        } else {
            let two = how.wide && values[0].len() >= 2 && values.len() > 1;
            Some(values.drain(..if two { 2 } else { 1 }).collect::<Vec<_>>().join(" "))
        };
        let mut lines_of_values: Vec<String> = Vec::new();
        for (k, v) in values.iter().enumerate() {
            match lines_of_values.last_mut() {
                Some(line) if how.wide && values[k - 1].len() >= 2 => line.push_str(&format!(" {v}")),
                _ => lines_of_values.push(v.clone()),
            }
        }
        for line in &lines_of_values {
            out.push_str(line);
            out.push_str(end);
        }
        out.push_str(first);
        if let Some(v) = glued {
            out.push_str(&format!(" {v}"));
        }
        out.push_str(end);
        let totals_here = counted == apart;
        if totals_here && after_first_line {
            totals.drain(..).for_each(|t| out.push_str(&format!("{t}{end}")));
        }
        for line in rest {
            out.push_str(line);
            out.push_str(end);
        }
        if totals_here {
            totals.drain(..).for_each(|t| out.push_str(&format!("{t}{end}")));
        }
    }
    totals.drain(..).for_each(|t| out.push_str(&format!("{t}{end}")));
    out
}

/// The lines of a row's label cells side by side: its groups' (in narrow
/// cells, on a group's first row only) and its own (`width` a line, or one
/// line), line by line.
fn label_lines(r: &TRow, width: Option<usize>) -> Vec<String> {
    const GROUP_WIDTH: usize = 4;
    let cell = |text: &str, w: Option<usize>| -> Vec<String> {
        w.map_or_else(|| text.to_string(), |w| wrapped(text, w)).lines().map(str::to_string).collect()
    };
    let labels = labels_of(r);
    let Some((own, groups)) = labels.split_last() else { return Vec::new() };
    let mut cells: Vec<Vec<String>> = groups.iter().map(|g| cell(g, Some(GROUP_WIDTH))).collect();
    cells.push(cell(own, width));
    let lines = cells.iter().map(Vec::len).max().unwrap_or(0);
    (0..lines)
        .map(|k| cells.iter().filter_map(|c| c.get(k)).map(String::as_str).collect::<Vec<_>>().join(" "))
        .collect()
}

/// 表三 by plain `pdftotext` with each row's label first (a Word table printed
/// in other type): the label's first line (a group's and the row's side by
/// side), with the row's first number on it where no group's label is (two
/// where the first is wide and the table's numbers are), the row's other
/// numbers after it a few a line (wide ones share a line), then the label's
/// later lines. (`apart`, `band`, `size`): the 总计 column of the first
/// `apart` rows after the last of them's numbers, a number a line; the `size`
/// rows from row `band` each with its first number alone after its label's
/// first line, the band's other columns after the last of them, a column a
/// run between blank lines.
fn raw_labels_first(rows: &[TRow], how: Raw, (apart, band, size): (usize, usize, usize)) -> String {
    let mut out = String::new();
    let (mut counted, mut totals, mut held) = (0, Vec::new(), Vec::<Vec<String>>::new());
    for r in rows {
        let lines = label_lines(r, how.cell_width);
        let (first, rest) = lines.split_first().map_or(("", &[][..]), |(f, r)| (f.as_str(), r));
        let mut values: Vec<String> = r.values.iter().map(|v| cell_value(v)).collect();
        out.push_str(first);
        if values.is_empty() {
            out.push('\n');
            rest.iter().for_each(|l| out.push_str(&format!("{l}\n")));
            continue;
        }
        let j = counted;
        counted += 1;
        if j < apart {
            totals.extend(values.pop());
        }
        if (band..band + size).contains(&j) && values.len() > 1 {
            out.push_str(&format!(" {}\n", values.remove(0)));
            held.push(values);
            if j + 1 == band + size {
                for c in 0..held[0].len() {
                    out.push('\n');
                    held.iter().for_each(|h| out.push_str(&format!("{}\n", h[c])));
                }
                out.push('\n');
                held.clear();
            }
        } else {
            let wide = |v: &String| how.wide && v.len() >= 2;
            let glued = match labels_of(r).len() {
                1 if wide(&values[0]) && values.len() > 2 => 2,
                1 => 1,
                _ => 0,
            };
            let glued: Vec<String> = values.drain(..glued).collect();
            glued.iter().for_each(|v| out.push_str(&format!(" {v}")));
            out.push('\n');
            // (Three wide numbers at most a line.)
            let mut line = String::new();
            for (k, v) in values.iter().enumerate() {
                let shares = k > 0 && wide(&values[k - 1]) && line.matches(' ').count() < 2;
                if !line.is_empty() && !shares {
                    out.push_str(&format!("{line}\n"));
                    line.clear();
                }
                line.push_str(&if line.is_empty() { v.clone() } else { format!(" {v}") });
            }
            out.push_str(&format!("{line}\n"));
            if j + 1 == apart {
                totals.drain(..).for_each(|t: String| out.push_str(&format!("{t}\n")));
            }
        }
        rest.iter().for_each(|l| out.push_str(&format!("{l}\n")));
    }
    totals.drain(..).for_each(|t| out.push_str(&format!("{t}\n")));
    held.iter().flatten().for_each(|v| out.push_str(&format!("{v}\n")));
    out
}

/// 表三 by plain `pdftotext` a column at a time over bands of rows: the first
/// band's labels, then each of its columns' numbers a line each, a blank line
/// after each column; the other rows' labels, then each band's columns, a
/// column's numbers on one line. (`first`, `from`, `beside`): the first
/// band's rows, where in [`BAND_SIZES`] the sizes of the others start, and how
/// many of its columns each of the first band's rows prints before its label
/// (a number a line), the band's other columns after the last of them.
fn raw_bands(rows: &[TRow], (first, from, beside): (usize, usize, usize)) -> String {
    let mut out = String::new();
    let filled: Vec<&TRow> = rows.iter().filter(|r| !r.values.is_empty()).collect();
    for r in rows.iter().filter(|r| r.values.is_empty()) {
        out.push_str(&format!("{}\n", labels_of(r).join(" ")));
    }
    let labels = |rows: &[&TRow]| rows.iter().map(|r| format!("{}\n", labels_of(r).join(" "))).collect::<String>();
    let first = first.min(filled.len());
    let columns = filled.first().map_or(0, |r| r.values.len());
    let beside = beside.min(columns.saturating_sub(1));
    for r in &filled[..first] {
        r.values.iter().take(beside).for_each(|v| out.push_str(&format!("{}\n", cell_value(v))));
        out.push_str(&labels(&[r]));
    }
    for c in beside..columns {
        for r in &filled[..first] {
            out.push_str(&format!("{}\n", cell_value(r.values.get(c).map_or("", |v| v))));
        }
        out.push('\n');
    }
    out.push_str(&labels(&filled[first..]));
    let (mut at, mut k) = (first, from);
    while at < filled.len() {
        let band = &filled[at..(at + BAND_SIZES[k % BAND_SIZES.len()]).min(filled.len())];
        for c in 0..columns {
            let line: Vec<String> = band.iter().map(|r| cell_value(r.values.get(c).map_or("", |v| v))).collect();
            out.push_str(&format!("{}\n\n", line.join(" ")));
        }
        at += band.len();
        k += 1;
    }
    out
}

/// 表三 by plain `pdftotext` as a Word table wider than its flow: the labels
/// down to the first band's last row, then each of the band's columns' numbers
/// a line each, a blank line after each column; each later row's first
/// columns before its label (as with its numbers first); and apart, the later
/// rows' last `columns` columns in groups of rows (their sizes from
/// [`BAND_SIZES`], from `from`), column by column within a group, a number and
/// a blank line each. (`first`: the band's rows.)
fn raw_requests_apart(rows: &[TRow], (first, columns, from): (usize, usize, usize), how: Raw) -> (String, String) {
    let filled = rows.iter().filter(|r| !r.values.is_empty()).count();
    let first = first.min(filled.saturating_sub(1));
    // The rows down to the band's last, and those after it.
    let cut = rows.iter().enumerate().filter(|(_, r)| !r.values.is_empty()).nth(first).map_or(rows.len(), |(k, _)| k);
    let (band, later) = rows.split_at(cut);
    let mut out: String = band.iter().map(|r| format!("{}\n", labels_of(r).join(" "))).collect();
    let width = rows.iter().map(|r| r.values.len()).max().unwrap_or(0);
    for c in 0..width {
        let filled = band.iter().filter(|r| !r.values.is_empty());
        filled.for_each(|r| out.push_str(&format!("{}\n", cell_value(&r.values[c]))));
        out.push('\n');
    }
    let kept = width - columns.min(width - 1);
    let firsts: Vec<TRow> = later
        .iter()
        .map(|r| TRow { values: r.values.iter().take(kept).cloned().collect(), ..r.clone() })
        .collect();
    out.push_str(&raw_requests(&firsts, Raw { totals_apart: None, ..how }));
    let filled: Vec<&TRow> = later.iter().filter(|r| !r.values.is_empty()).collect();
    let (mut block, mut at, mut k) = (String::from("\n"), 0, from);
    while at < filled.len() {
        let group = &filled[at..(at + BAND_SIZES[k % BAND_SIZES.len()]).min(filled.len())];
        for c in kept..width {
            group.iter().for_each(|r| block.push_str(&format!("{}\n\n", cell_value(&r.values[c]))));
        }
        at += group.len();
        k += 1;
    }
    (out, block)
}

/// 表三 by plain `pdftotext` over bands of rows (as [`raw_bands`] prints it)
/// down to its last `last` rows, which print their first columns only (each
/// row's a run, then its label), and apart, those rows' last `columns`
/// columns, a number and a blank line each, a row after another.
fn raw_bands_apart(rows: &[TRow], bands: (usize, usize), (last, columns): (usize, usize)) -> (String, String) {
    let filled: Vec<usize> = (0..rows.len()).filter(|&k| !rows[k].values.is_empty()).collect();
    let last = last.min(filled.len().saturating_sub(2));
    let cut = filled.get(filled.len() - last).copied().unwrap_or(rows.len());
    let mut out = raw_bands(&rows[..cut], (bands.0, bands.1, 0));
    let mut block = String::from("\n");
    for r in rows[cut..].iter().filter(|r| !r.values.is_empty()) {
        let kept = r.values.len() - columns.min(r.values.len() - 1);
        r.values[..kept].iter().for_each(|v| out.push_str(&format!("{}\n", cell_value(v))));
        out.push_str(&format!("{}\n\n", labels_of(r).join(" ")));
        r.values[kept..].iter().for_each(|v| block.push_str(&format!("{}\n\n", cell_value(v))));
    }
    (out, block)
}

/// The characters a line of a narrow Word table's label cell holds.
const NARROW_LABEL: usize = 7;

/// 表三 by plain `pdftotext` as a narrow Word table prints it: the first
/// `first` rows' columns but 总计 each a run before the row's label, their 总计
/// column a run after them; each later row whole before its label (a run, or a
/// number a run), now and then two rows a band, column by column; a row whose
/// label wraps may print its first number on the label's first line, after
/// the others; and the last `last` rows' first `kept` columns before their
/// labels (the first two rows' with no label between them), their other
/// columns returned, a run each, to be printed after 表四's heads.
fn raw_narrow(rows: &[TRow], (first, last, kept): (usize, usize, usize), rng: &mut Rng) -> (String, String) {
    let filled: Vec<&TRow> = rows.iter().filter(|r| !r.values.is_empty()).collect();
    let mut out: String = rows.iter().filter(|r| r.values.is_empty()).map(|r| labels_of(r).join(" ") + "\n").collect();
    let width = filled.first().map_or(0, |r| r.values.len());
    let last = last.min(filled.len().saturating_sub(first + 1));
    let first = first.min(filled.len() - last);
    let kept = kept.min(width.saturating_sub(1)).max(1);
    let numbers = |values: &[String]| values.iter().map(|v| cell_value(v) + "\n").collect::<String>();
    let label = |r: &TRow| labels_of(r).join(" ");
    // A row's numbers before its label, the first on the label's first line where it wraps and `glued`.
    let before = |r: &TRow, values: &[String], glued: bool| {
        let wrapped = wrapped(&label(r), NARROW_LABEL);
        match wrapped.split_once('\n') {
            Some((head, rest)) if glued && values.len() > 1 => {
                format!("{}{head} {}\n{rest}\n", numbers(&values[1..]), cell_value(&values[0]))
            }
            _ => format!("{}{wrapped}\n", numbers(values)),
        }
    };
    for r in &filled[..first] {
        out.push_str(&before(r, &r.values[..width - 1], rng.chance(0.2)));
    }
    out.push('\n');
    filled[..first].iter().for_each(|r| out.push_str(&format!("{}\n", cell_value(&r.values[width - 1]))));
    out.push('\n');
    let end = filled.len() - last;
    let mut k = first;
    while k < end {
        let r = filled[k];
        if k + 1 < end && rng.chance(0.1) {
            let next = filled[k + 1];
            let pair = |c: usize| format!("{}\n{}\n\n", cell_value(&r.values[c]), cell_value(&next.values[c]));
            out.extend((0..width).map(pair));
            out.push_str(&format!("{}\n{}\n", label(r), label(next)));
            k += 2;
            continue;
        }
        if rng.chance(0.3) {
            r.values.iter().for_each(|v| out.push_str(&format!("\n{}\n", cell_value(v))));
            out.push_str(&format!("\n{}\n", label(r)));
        } else {
            out.push_str(&before(r, &r.values, rng.chance(0.2)));
        }
        k += 1;
    }
    for (j, r) in filled[end..].iter().enumerate() {
        let (numbers, label) = (numbers(&r.values[..kept]), label(r) + "\n");
        out.push_str(&if j == 0 { label + &numbers } else { numbers + &label });
    }
    let column = |c: usize| filled[end..].iter().map(|r| cell_value(&r.values[c]) + "\n").collect::<String>();
    (out, (kept..width).map(|c| format!("\n{}", column(c))).collect::<String>() + "\n")
}

/// A table printed by plain `pdftotext` with `block` after its heads (before
/// its first number).
fn after_its_heads(table: &str, block: &str) -> String {
    let number = |l: &str| !l.trim().is_empty() && l.trim().bytes().all(|b| b.is_ascii_digit());
    let at = table.lines().take_while(|l| !number(l)).map(|l| l.len() + 1).sum::<usize>().min(table.len());
    format!("{}{block}{}", &table[..at], &table[at..])
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A table as a page marks it up: group labels spanning their rows, a header
/// row's one label spanning the columns (several take a column each, or the
/// columns the form spans them over).
fn html_table(rows: &[TRow]) -> String {
    let mut out = String::from("<table border=\"1\">\n");
    let width = rows.iter().map(|r| r.values.len()).max().unwrap_or(0);
    for r in rows {
        out.push_str("<tr>");
        if let Some((g, n)) = &r.group {
            out.push_str(&format!("<td rowspan=\"{n}\">{}</td>", escape(g)));
        }
        let lead = width.saturating_sub(r.spans.iter().sum());
        if !r.spans.is_empty() && lead > 0 {
            out.push_str(&format!("<td colspan=\"{lead}\"></td>"));
        }
        for (k, l) in r.labels.iter().enumerate() {
            let spans = r.values.is_empty() && r.labels.len() == 1 && width > 0;
            let span = match r.spans.get(k) {
                Some(n) => format!(" colspan=\"{n}\""),
                None if spans => format!(" colspan=\"{width}\""),
                None => String::new(),
            };
            out.push_str(&format!("<td{span}>{}</td>", escape(l)));
        }
        for v in &r.values {
            out.push_str(&format!("<td>{}</td>", escape(v)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</table>\n");
    out
}

fn html(page: &Page, gbk: bool) -> String {
    let charset = if gbk { "gb2312" } else { "utf-8" };
    let mut body = String::new();
    body.push_str(&format!("<h1>{}</h1>\n", escape(page.title)));
    for line in page.published.iter().flat_map(|p| p.lines()) {
        body.push_str(&format!("<div class=\"info\">{}</div>\n", escape(line)));
    }
    for block in page.blocks {
        match block {
            Block::Heading(h) => body.push_str(&format!("<p><strong>{}</strong></p>\n", escape(h))),
            Block::Para(p) => body.push_str(&format!("<p>{}</p>\n", escape(p))),
            Block::Table(rows) => body.push_str(&html_table(rows)),
        }
    }
    if let Some((agency, date)) = &page.signature {
        body.push_str(&format!("<p>{}</p><p>{}</p>\n", escape(agency), escape(date)));
    }
    let tags = page.pub_date.as_ref().map_or(String::new(), |date| {
        format!(
            "<meta name=\"SiteName\" content=\"{}\">\n<meta name=\"ArticleTitle\" content=\"{}\">\n<meta name=\"PubDate\" content=\"{}\">\n",
            escape(page.site),
            escape(page.title),
            escape(date)
        )
    });
    let side = if page.others.is_empty() {
        String::new()
    } else {
        let items: String = page.others.iter().map(|t| format!("<li><a href=\"#\">{}</a></li>\n", escape(t))).collect();
        format!("<div class=\"side\"><h3>年报列表</h3><ul>\n{items}</ul></div>\n")
    };
    format!(
        "<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset={charset}\">\n{tags}\
         <title>{}_{}</title>\n<script>var site = \"{}\";</script></head>\n<body>\n\
         <div class=\"nav\"><a href=\"/\">首页</a> &gt; <a href=\"/zwgk\">政务公开</a></div>\n\
         {side}<div class=\"article\">\n{body}</div>\n<div class=\"footer\">版权所有：{}</div>\n</body></html>\n",
        escape(page.title),
        escape(page.site),
        escape(page.site),
        escape(page.site)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printed_lines_keep_to_their_width_and_numbers_whole() {
        let text = "截至2014年12月31日，全区累计主动公开政府信息4215条，其中网上公开信息1453条。\n二、依申请公开";
        let lines = printed(text, 20);
        assert_eq!(lines.replace('\n', ""), text.replace('\n', ""));
        for line in lines.lines() {
            let wide = line.chars().filter(|&c| c as u32 >= 0x2e80).count();
            assert!(2 * wide + line.chars().count() - wide <= 20 + 3, "{line}");
        }
        assert!(lines.contains("4215") && lines.contains("1453") && lines.contains("\n二、依申请公开"), "{lines}");
    }
}
