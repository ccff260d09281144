//! Saved web pages to text.
//!
//! The page is parsed with a real HTML parser (html5ever, through `scraper`).
//! Scripts, styles and navigation chrome are dropped; block elements become
//! lines. A data table (no nested table, no long prose in a cell) becomes one
//! line per row with its cells between `|`, `rowspan` and `colspan` expanded, so
//! the table reader gets the cell grid as the page drew it: a label spanning
//! several rows is repeated on each, a number is never duplicated. Layout
//! tables (a whole page laid out in a table) are read as ordinary blocks.

use ego_tree::NodeRef;
use scraper::{Html, Node};

/// A page's text, the title its `<h1>` or `<title>` gives, and the site's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageText {
    pub text: String,
    pub title: Option<String>,
    /// The body the site belongs to, from `<title>` (`…_某某区人民政府门户网站`).
    pub site: Option<String>,
}

/// Elements whose content is never part of the article.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "svg", "nav", "aside", "footer", "form", "select", "button",
    "option", "head", "object", "embed",
];
const BLOCKS: &[&str] = &[
    "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
    "dt", "dd", "blockquote", "pre", "center", "caption", "figure", "figcaption", "address", "hr",
];

/// Longest cell text that still reads as a table cell rather than page layout.
const MAX_CELL_CHARS: usize = 120;

/// Renders an HTML page as text (see the module docs).
pub fn to_text(html: &str) -> PageText {
    let doc = Html::parse_document(html);
    let mut out = String::new();
    render(doc.tree.root(), &mut out);
    let text = tidy(&out);
    let (title, site) = titles(&doc);
    PageText { text, title, site }
}

fn element_name(node: NodeRef<'_, Node>) -> Option<&str> {
    node.value().as_element().map(|e| e.name())
}

fn render(node: NodeRef<'_, Node>, out: &mut String) {
    match node.value() {
        Node::Text(t) => {
            let mut words = t.split_whitespace().peekable();
            if words.peek().is_some() {
                if t.starts_with(char::is_whitespace) && !out.ends_with(['\n', ' ']) {
                    out.push(' ');
                }
                push_words(out, words, ' ');
                if t.ends_with(char::is_whitespace) {
                    out.push(' ');
                }
            }
        }
        Node::Element(e) => {
            let name = e.name();
            if SKIP.contains(&name) {
                return;
            }
            if name == "br" {
                out.push('\n');
                return;
            }
            if name == "table" {
                if let Some(cells) = data_table(node) {
                    out.push('\n');
                    render_table(cells, out);
                    out.push('\n');
                    return;
                }
            }
            let block = BLOCKS.contains(&name) || matches!(name, "table" | "tr" | "td" | "th" | "tbody" | "thead");
            if block {
                out.push('\n');
            }
            for child in node.children() {
                render(child, out);
            }
            if block {
                out.push('\n');
            }
        }
        _ => {
            for child in node.children() {
                render(child, out);
            }
        }
    }
}

/// Pushes `words` joined by `sep`.
fn push_words<'a>(out: &mut String, words: impl Iterator<Item = &'a str>, sep: char) {
    for (i, w) in words.enumerate() {
        if i > 0 {
            out.push(sep);
        }
        out.push_str(w);
    }
}

/// Text of an element on one line (a `|` in it becomes `/`: it would read as a
/// cell border).
fn inline_text(node: NodeRef<'_, Node>) -> String {
    let mut s = String::new();
    render(node, &mut s);
    let mut line = String::with_capacity(s.len());
    push_words(&mut line, s.split_whitespace(), ' ');
    if line.contains('|') {
        line = line.replace('|', "/");
    }
    line
}

fn descendants_named<'a>(node: NodeRef<'a, Node>, name: &'a str) -> impl Iterator<Item = NodeRef<'a, Node>> + 'a {
    node.descendants().skip(1).filter(move |n| element_name(*n) == Some(name))
}

/// A cell of a data table and its text.
type TableCell<'a> = (NodeRef<'a, Node>, String);

/// The rows of cells of a data table (no nested table, no cell longer than
/// [`MAX_CELL_CHARS`]), with their text; `None` for a layout table.
fn data_table(table: NodeRef<'_, Node>) -> Option<Vec<Vec<TableCell<'_>>>> {
    if descendants_named(table, "table").next().is_some() {
        return None;
    }
    let mut rows_out = Vec::new();
    for row in rows(table) {
        let mut cells = Vec::with_capacity(row.len());
        for cell in row {
            let text = inline_text(cell);
            if text.chars().count() > MAX_CELL_CHARS {
                return None;
            }
            cells.push((cell, text));
        }
        rows_out.push(cells);
    }
    Some(rows_out)
}

/// The cells of each row of a table (not of nested tables).
fn rows(table: NodeRef<'_, Node>) -> Vec<Vec<NodeRef<'_, Node>>> {
    descendants_named(table, "tr")
        .map(|tr| tr.children().filter(|c| matches!(element_name(*c), Some("td" | "th"))).collect())
        .collect()
}

fn span(cell: NodeRef<'_, Node>, attr: &str) -> usize {
    cell.value()
        .as_element()
        .and_then(|e| e.attr(attr))
        .and_then(|v| v.trim().parse::<usize>().ok())
        .map_or(1, |n| n.clamp(1, 64))
}

/// One line per row, `| a | b |`, with spans expanded: a spanned label is repeated,
/// a spanned number is kept in its first cell only.
fn render_table(table: Vec<Vec<TableCell<'_>>>, out: &mut String) {
    let mut grid: Vec<Vec<Option<String>>> = Vec::new();
    for (r, cells) in table.into_iter().enumerate() {
        if grid.len() <= r {
            grid.resize(r + 1, Vec::new());
        }
        let mut c = 0;
        for (cell, text) in cells {
            while grid[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            let numeric = text.chars().any(|ch| ch.is_ascii_digit()) && !text.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch));
            let (rs, cs) = (span(cell, "rowspan"), span(cell, "colspan"));
            for dr in 0..rs {
                let row = r + dr;
                if grid.len() <= row {
                    grid.resize(row + 1, Vec::new());
                }
                for dc in 0..cs {
                    let col = c + dc;
                    if grid[row].len() <= col {
                        grid[row].resize(col + 1, None);
                    }
                    let first = dr == 0 && dc == 0;
                    grid[row][col] = Some(if first || !numeric { text.clone() } else { String::new() });
                }
            }
            c += cs;
        }
    }
    for row in grid.iter().filter(|r| !r.is_empty()) {
        out.push('|');
        for cell in row {
            out.push(' ');
            out.push_str(cell.as_deref().unwrap_or(""));
            out.push_str(" |");
        }
        out.push('\n');
    }
}

/// Lines trimmed, runs of blank lines folded to one, none at the end.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = true;
    for line in s.lines() {
        let t = line.trim();
        if t.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
        } else {
            out.push_str(t);
            out.push('\n');
            blank = false;
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Suffixes of a site's name in `<title>`: what stands before them is its owner.
const SITE_SUFFIXES: &[&str] = &["门户网站", "政府网站", "官方网站", "网站", "门户网", "政府网", "官网"];

/// The page's title (the `<h1>` that names a report, else the part of `<title>`
/// that does) and the site's owner (`…_某某区人民政府门户网站` → 某某区人民政府).
fn titles(doc: &Html) -> (Option<String>, Option<String>) {
    let text_of = |sel: &str| -> Vec<String> {
        scraper::Selector::parse(sel)
            .map(|s| doc.select(&s).map(|e| e.text().collect::<String>().split_whitespace().collect::<String>()).collect())
            .unwrap_or_default()
    };
    let head = text_of("title").into_iter().next().unwrap_or_default();
    let parts: Vec<&str> = head.split(['_', '|', '—', '–', '-']).map(str::trim).filter(|p| !p.is_empty()).collect();
    let site = parts.iter().skip(1).find_map(|p| {
        let owner = SITE_SUFFIXES.iter().find_map(|s| p.strip_suffix(s))?;
        (owner.chars().count() >= 2).then(|| owner.to_string())
    });
    let title = text_of("h1")
        .into_iter()
        .find(|t| t.contains("报告"))
        .or_else(|| parts.iter().find(|p| p.contains("报告")).or(parts.first()).map(|p| p.to_string()));
    (title, site)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_dropped_blocks_become_lines() {
        let page = "<html><head><title>x</title><style>p{}</style></head><body><nav>首页 | 政务公开</nav>\
            <div class=\"content\"><p>一、总体情况</p><p>本年度<b>主动公开</b>信息 12条。<br>二、主动公开</p></div>\
            <script>var a = 1;</script><footer>版权所有</footer></body></html>";
        let t = to_text(page).text;
        assert_eq!(t, "一、总体情况\n\n本年度主动公开信息 12条。\n二、主动公开\n");
    }

    #[test]
    fn tables_with_rowspan_and_colspan() {
        let page = "<table>\
            <tr><td rowspan=\"2\">三、本年度办理结果</td><td>(一)予以公开</td><td>22</td><td></td><td>23</td></tr>\
            <tr><td>(二)部分公开</td><td colspan=\"2\">1</td><td>1</td></tr>\
            </table>";
        let t = to_text(page).text;
        assert_eq!(
            t,
            "| 三、本年度办理结果 | (一)予以公开 | 22 |  | 23 |\n| 三、本年度办理结果 | (二)部分公开 | 1 |  | 1 |\n"
        );
    }

    #[test]
    fn layout_tables_are_read_as_blocks() {
        let long = "这是一段很长的正文。".repeat(20);
        let page = format!("<table><tr><td>导航</td><td><p>{long}</p><table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>");
        let t = to_text(&page).text;
        assert!(t.contains(&long));
        assert!(t.contains("| 规章 | 0 |"));
    }

    #[test]
    fn title_from_h1_or_title_without_the_site_name() {
        let p = to_text("<html><head><title>2019年政府信息公开工作年度报告_某某区人民政府门户网站</title></head><body></body></html>");
        assert_eq!(p.title.as_deref(), Some("2019年政府信息公开工作年度报告"));
        assert_eq!(p.site.as_deref(), Some("某某区人民政府"));
        let p = to_text("<h1>某某县2020年政府信息公开工作年度报告</h1>");
        assert_eq!(p.title.as_deref(), Some("某某县2020年政府信息公开工作年度报告"));
    }
}
