//! Saved web pages to text.
//!
//! The page is parsed into its element tree ([`super::dom`]). Scripts, styles
//! and navigation chrome are dropped; block elements become lines. A data table (no nested table, no long prose in a cell) becomes one
//! line per row with its cells between `|`, `rowspan` and `colspan` expanded, so
//! the table reader gets the cell grid as the page drew it: a label spanning
//! several rows is repeated on each, a number is never duplicated. Layout
//! tables (a whole page laid out in a table) are read as ordinary blocks.

use super::dom::{NodeId, Tree, ROOT};

/// A page's text, the title its `<h1>` or `<title>` gives, and the site's name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageText {
    pub text: String,
    pub title: Option<String>,
    /// The body the site belongs to, from `<title>` (`…_某某区人民政府门户网站`).
    pub site: Option<String>,
    /// When the page was posted, as its `PubDate` meta tag gives it.
    pub published: Option<String>,
    /// Where the page was saved from: the browser's `<!-- saved from url=(…)… -->`,
    /// else its canonical address (`<link rel="canonical">`, `og:url`).
    pub url: Option<String>,
}

/// Elements whose content is never part of the article.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "noscript" | "template" | "iframe" | "svg" | "nav" | "aside" | "footer" | "select"
            | "button" | "option" | "textarea" | "head" | "object" | "embed"
    )
}

/// Elements that start and end a line: blocks, and the parts of a table read
/// as blocks (a layout table).
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div" | "section" | "article" | "main" | "header" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li"
            | "ul" | "ol" | "dl" | "dt" | "dd" | "blockquote" | "pre" | "center" | "caption" | "figure"
            | "figcaption" | "address" | "hr" | "table" | "tr" | "td" | "th" | "tbody" | "thead"
    )
}

/// Longest cell text that still reads as a table cell rather than page layout.
const MAX_CELL_CHARS: usize = 120;

/// Renders an HTML page as text (see the module docs).
pub fn to_text(html: &str) -> PageText {
    let tree = Tree::parse(html);
    let mut out = String::with_capacity(html.len() / 2);
    render(&tree, ROOT, &mut out);
    let text = tidy(&out);
    let (title, site) = titles(&tree);
    // Government sites label their pages with meta tags (`ArticleTitle`,
    // `PubDate`, `SiteName`): they stand where the page's own head is silent.
    let tags = MetaTags::of(html);
    let title = tags.article_title.filter(|t| names_a_report(t)).or(title);
    let site = site.or_else(|| tags.site_name.as_deref().and_then(site_owner));
    let url = saved_from(html).or(tags.url);
    PageText { text, title, site, published: tags.pub_date, url }
}

/// The address a browser notes when it saves a page (`<!-- saved from
/// url=(0054)http://www.example.gov.cn/… -->`), near the top.
fn saved_from(html: &str) -> Option<String> {
    let head = &html.as_bytes()[..html.len().min(1024)];
    let at = memchr::memmem::find(head, b"saved from url=")? + "saved from url=".len();
    // The length in brackets, then the address up to the comment's end.
    let rest = html[at..].strip_prefix('(').and_then(|r| r.split_once(')')).map_or(&html[at..], |(_, r)| r);
    let url = rest.split(char::is_whitespace).next()?.trim_end_matches("-->");
    url.contains("://").then(|| url.to_string())
}

/// The meta tags of a government site's page that the reader uses.
#[derive(Debug, Default, PartialEq)]
struct MetaTags {
    article_title: Option<String>,
    pub_date: Option<String>,
    site_name: Option<String>,
    /// `<link rel="canonical" href>` or `<meta property="og:url" content>`.
    url: Option<String>,
}

/// How far into a page its meta tags are looked for.
const HEAD_BYTES: usize = 16 * 1024;

impl MetaTags {
    /// The tags in the page's head (its first 16 KiB, up to `</head>` or `<body>`).
    fn of(html: &str) -> MetaTags {
        let bytes = &html.as_bytes()[..html.len().min(HEAD_BYTES)];
        let mut tags = MetaTags::default();
        // Each `<` in the head: a tag, read where it is a meta tag (any case).
        let starts = |at: usize, word: &[u8]| bytes.get(at..at + word.len()).is_some_and(|b| b.eq_ignore_ascii_case(word));
        for p in memchr::memchr_iter(b'<', bytes) {
            if starts(p + 1, b"/head") || starts(p + 1, b"body") {
                break;
            }
            let link = starts(p + 1, b"link");
            if !starts(p + 1, b"meta") && !link {
                continue;
            }
            let close = memchr::memchr(b'>', &bytes[p..]).map_or(bytes.len(), |c| p + c);
            let Some(tag) = html.get(p..close) else { continue };
            let address = if link {
                attribute(tag, "rel").filter(|r| r.eq_ignore_ascii_case("canonical")).and(attribute(tag, "href"))
            } else {
                attribute(tag, "property").filter(|p| p.eq_ignore_ascii_case("og:url")).and(attribute(tag, "content"))
            };
            if let Some(address) = address.filter(|a| a.contains("://")) {
                tags.url.get_or_insert_with(|| address.to_string());
                continue;
            }
            if link {
                continue;
            }
            let (Some(name), Some(content)) = (attribute(tag, "name"), attribute(tag, "content")) else { continue };
            let slot = match name.to_ascii_lowercase().as_str() {
                "articletitle" => &mut tags.article_title,
                "pubdate" | "publishdate" => &mut tags.pub_date,
                "sitename" => &mut tags.site_name,
                _ => continue,
            };
            // `content="…門&#25143;網站"`: references decoded, whitespace removed.
            let mut decoded = String::with_capacity(content.len());
            super::dom::decode_references(content, &mut decoded);
            let content: String = decoded.split_whitespace().collect();
            if slot.is_none() && !content.is_empty() {
                *slot = Some(content);
            }
        }
        tags
    }
}

/// The value of attribute `name` in a tag's text (quoted or not).
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find(name).map(|p| p + from) {
        from = p + name.len();
        // A whole attribute name: a space before it, `=` after it.
        let before = lower[..p].chars().next_back();
        let rest = lower[from..].trim_start();
        if !before.is_some_and(char::is_whitespace) || !rest.starts_with('=') {
            continue;
        }
        let value_at = tag.len() - rest.len() + 1;
        let value = tag[value_at..].trim_start();
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or(""),
            _ => value.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or(""),
        });
    }
    None
}

/// The owner a site's name gives (`某某区人民政府门户网站` → 某某区人民政府; a
/// mirror's `…門戶網站` too, folded to simplified characters).
pub(crate) fn site_owner(name: &str) -> Option<String> {
    let name = crate::normalize::fold_name(name);
    let owner = SITE_SUFFIXES.iter().find_map(|s| name.strip_suffix(s))?;
    (owner.chars().count() >= 2).then(|| owner.to_string())
}

fn render(tree: &Tree, node: NodeId, out: &mut String) {
    if let Some(t) = tree.text(node) {
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
        return;
    }
    let name = tree.name(node).unwrap_or("");
    if is_skipped(name) {
        return;
    }
    if name == "br" {
        out.push('\n');
        return;
    }
    if name == "table" {
        if let Some(cells) = data_table(tree, node) {
            out.push('\n');
            render_table(tree, cells, out);
            out.push('\n');
            return;
        }
    }
    let block = is_block(name);
    if block {
        out.push('\n');
    }
    for child in tree.children(node) {
        render(tree, child, out);
    }
    if block {
        out.push('\n');
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

/// Text of an element on one line: what [`render`] prints, with every run of
/// whitespace and line breaks made one space and none at the ends (a `|` in
/// it becomes `/`: it would read as a cell border). Returns it with its
/// length in characters.
fn inline_text(tree: &Tree, node: NodeId) -> (String, usize) {
    let mut line = Inline { text: String::new(), chars: 0, space: false };
    inline_into(tree, node, &mut line);
    (line.text, line.chars)
}

/// A line being built by [`inline_text`].
struct Inline {
    text: String,
    chars: usize,
    /// Whitespace seen since the last character.
    space: bool,
}

fn inline_into(tree: &Tree, node: NodeId, line: &mut Inline) {
    if let Some(t) = tree.text(node) {
        // As in `render`, a text of whitespace alone prints nothing.
        if t.chars().all(char::is_whitespace) {
            return;
        }
        line.text.reserve(t.len() + 1);
        // Pieces between whitespace characters: an empty one is whitespace run on.
        for (i, word) in t.split(char::is_whitespace).enumerate() {
            if i > 0 {
                line.space = true;
            }
            if word.is_empty() {
                continue;
            }
            if line.space && !line.text.is_empty() {
                line.text.push(' ');
                line.chars += 1;
            }
            line.space = false;
            if word.contains('|') {
                line.text.extend(word.chars().map(|c| if c == '|' { '/' } else { c }));
            } else {
                line.text.push_str(word);
            }
            line.chars += word.chars().count();
        }
        return;
    }
    let name = tree.name(node).unwrap_or("");
    if is_skipped(name) {
        return;
    }
    // Where `render` starts a line, the words are apart.
    let block = name == "br" || is_block(name);
    if block {
        line.space = true;
    }
    if name == "br" {
        return;
    }
    for child in tree.children(node) {
        inline_into(tree, child, line);
    }
    if block {
        line.space = true;
    }
}

fn descendants_named<'a>(tree: &'a Tree, node: NodeId, name: &'a str) -> impl Iterator<Item = NodeId> + 'a {
    tree.descendants(node).filter(move |&n| tree.name(n) == Some(name))
}

/// A cell of a data table and its text.
type TableCell = (NodeId, String);

/// The rows of cells of a data table (no nested table, no cell longer than
/// [`MAX_CELL_CHARS`]), with their text; `None` for a layout table.
fn data_table(tree: &Tree, table: NodeId) -> Option<Vec<Vec<TableCell>>> {
    if descendants_named(tree, table, "table").next().is_some() {
        return None;
    }
    let mut rows_out = Vec::new();
    for tr in descendants_named(tree, table, "tr") {
        let mut cells = Vec::new();
        for cell in tree.children(tr).filter(|&c| matches!(tree.name(c), Some("td" | "th"))) {
            let (text, chars) = inline_text(tree, cell);
            if chars > MAX_CELL_CHARS {
                return None;
            }
            cells.push((cell, text));
        }
        rows_out.push(cells);
    }
    Some(rows_out)
}

/// One line per row, `| a | b |`, with spans expanded: a spanned label is repeated,
/// a spanned number is kept in its first cell only.
/// Grid positions a table's spans may fill, on average per cell (a template
/// table, its labels spanning all 15 columns of 表四, fills fewer). Spans that
/// stair-step (each row's cells pushed past the last row's spanning ones)
/// would otherwise make a grid of millions of positions from a page of a few
/// hundred kilobytes; past the allowance a cell takes one position.
const SPANNED_PER_CELL: usize = 64;

fn render_table(tree: &Tree, table: Vec<Vec<TableCell>>, out: &mut String) {
    // Each grid position: the text it shows, as an index into `texts` (the
    // empty string for a spanned number's other positions).
    let mut texts: Vec<String> = vec![String::new()];
    let mut grid: Vec<Vec<Option<usize>>> = Vec::new();
    let mut allowance = SPANNED_PER_CELL * (table.iter().map(Vec::len).sum::<usize>() + 64);
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
            let (rs, cs) = match tree.spans(cell) {
                (rs, cs) if rs * cs > allowance => (1, 1),
                spans => spans,
            };
            allowance = allowance.saturating_sub(rs * cs);
            texts.push(text);
            let own = texts.len() - 1;
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
                    grid[row][col] = Some(if first || !numeric { own } else { 0 });
                }
            }
            c += cs;
        }
    }
    for row in grid.iter().filter(|r| !r.is_empty()) {
        out.push('|');
        for cell in row {
            out.push(' ');
            out.push_str(cell.map_or("", |t| texts[t].as_str()));
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

/// Whether a heading or a part of `<title>` names a report (`…年度报告`, `…年报`).
fn names_a_report(s: &str) -> bool {
    s.contains("报告") || s.contains("年报")
}

/// Suffixes of a site's name in `<title>`: what stands before them is its owner.
const SITE_SUFFIXES: &[&str] = &["门户网站", "政府网站", "官方网站", "网站", "门户网", "政府网", "官网"];

/// The page's title (the `<h1>` that names a report, else the part of `<title>`
/// that does) and the site's owner (`…_某某区人民政府门户网站` → 某某区人民政府).
fn titles(tree: &Tree) -> (Option<String>, Option<String>) {
    let text_of = |node: NodeId| tree.text_content(node).split_whitespace().collect::<String>();
    let head = tree.elements_named("title").next().map(text_of).unwrap_or_default();
    let parts: Vec<&str> = head.split(['_', '|', '—', '–', '-']).map(str::trim).filter(|p| !p.is_empty()).collect();
    let site = parts.iter().skip(1).find_map(|p| site_owner(p));
    let title = tree
        .elements_named("h1")
        .map(text_of)
        .find(|t| names_a_report(t))
        .or_else(|| parts.iter().find(|p| names_a_report(p)).or(parts.first()).map(|p| p.to_string()));
    (title, site)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_text_follows_the_rule_character_by_character() {
        // The rule as first written: whitespace runs become one space, none at
        // the start; `|` becomes `/`.
        let reference = |texts: &[&str]| -> (String, usize) {
            let (mut text, mut space) = (String::new(), false);
            for t in texts.iter().filter(|t| !t.chars().all(char::is_whitespace)) {
                for c in t.chars() {
                    if c.is_whitespace() {
                        space = true;
                        continue;
                    }
                    if space && !text.is_empty() {
                        text.push(' ');
                    }
                    space = false;
                    text.push(if c == '|' { '/' } else { c });
                }
            }
            let chars = text.chars().count();
            (text, chars)
        };
        let pieces = ["本年", " ", "\u{3000}", "|", "a", "\n\t", "新收 |x", "", "  ", "é|"];
        let mut rng = crate::gen::rng::Rng::new(11);
        for _ in 0..2000 {
            let texts: Vec<&str> = (0..4).map(|_| pieces[rng.below(pieces.len() as u64) as usize]).collect();
            let html: String = texts.iter().map(|t| format!("<span>{t}</span>")).collect();
            let tree = Tree::parse(&format!("<p>{html}</p>"));
            let p = tree.descendants(ROOT).find(|&n| tree.name(n) == Some("p")).unwrap();
            assert_eq!(inline_text(&tree, p), reference(&texts), "{texts:?}");
        }
    }

    #[test]
    fn chrome_dropped_blocks_become_lines() {
        let page = "<html><head><title>x</title><style>p{}</style></head><body><nav>首页 | 政务公开</nav>\
            <div class=\"content\"><p>一、总体情况</p><p>本年度<b>主动公开</b>信息 12条。<br>二、主动公开</p></div>\
            <script>var a = 1;</script><footer>版权所有</footer></body></html>";
        let t = to_text(page).text;
        assert_eq!(t, "一、总体情况\n\n本年度主动公开信息 12条。\n二、主动公开\n");
    }

    #[test]
    fn a_page_inside_a_form_is_read_without_the_form_controls() {
        // Sites built on server-side forms wrap the whole page in one `<form>`.
        let page = "<html><body><form id=\"form1\" method=\"post\"><input type=\"hidden\" value=\"x\">\
            <div class=\"search\"><input type=\"text\"><button>搜索</button><select><option>全部</option></select></div>\
            <div class=\"content\"><p>一、总体情况</p></div></form></body></html>";
        assert_eq!(to_text(page).text, "一、总体情况\n");
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
    fn spans_that_stair_step_fill_a_bounded_grid_and_keep_their_text() {
        let rows: String = (0..300).map(|i| format!("<tr><td rowspan=\"64\" colspan=\"64\">r{i}</td><td>x{i}</td></tr>")).collect();
        let t = to_text(&format!("<table>{rows}</table>")).text;
        // Positions printed: those the spans filled, and the blank ones left
        // beside them (about 1.2 million without the allowance).
        let positions = t.matches('|').count();
        assert!(positions <= 2 * SPANNED_PER_CELL * (600 + 64), "{positions}");
        assert!((0..300).all(|i| t.contains(&format!("r{i} ")) && t.contains(&format!("x{i} "))));
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
    fn a_government_sites_meta_tags() {
        let page = "<html><head><meta charset=utf-8><META name=\"SiteName\" content=\"某某区人民政府门户网站\">\
            <meta name='ArticleTitle' content='某某区2019年政府信息公开工作年度报告'>\
            <meta content=\"2020-01-15 10:30\" name=\"PubDate\"><title>政务公开</title></head><body><p>正文</p></body></html>";
        let p = to_text(page);
        assert_eq!(p.title.as_deref(), Some("某某区2019年政府信息公开工作年度报告"));
        assert_eq!(p.site.as_deref(), Some("某某区人民政府"));
        assert_eq!(p.published.as_deref(), Some("2020-01-1510:30"));
        // Tags in the body, or names that only end in a tag's name, are not read.
        let p = to_text("<html><body><meta name=\"PubDate\" content=\"2020-01-15\"><p>x</p></body></html>");
        assert_eq!(p.published, None);
        assert_eq!(attribute("<meta xname=\"a\" name=b content=\"c d\"", "name"), Some("b"));
    }

    #[test]
    fn title_from_h1_or_title_without_the_site_name() {
        let p = to_text("<html><head><title>2019年政府信息公开工作年度报告_某某区人民政府门户网站</title></head><body></body></html>");
        assert_eq!(p.title.as_deref(), Some("2019年政府信息公开工作年度报告"));
        assert_eq!(p.site.as_deref(), Some("某某区人民政府"));
        let p = to_text("<h1>某某县2020年政府信息公开工作年度报告</h1>");
        assert_eq!(p.title.as_deref(), Some("某某县2020年政府信息公开工作年度报告"));
        let p = to_text("<html><head><title>某某网</title></head><body><h1>某某镇2014年政府信息公开年报</h1></body></html>");
        assert_eq!(p.title.as_deref(), Some("某某镇2014年政府信息公开年报"));
    }

    #[test]
    fn where_a_page_was_saved_from() {
        let saved = "<!DOCTYPE html>\n<!-- saved from url=(0040)http://www.example.gov.cn/art/1.html -->\n\
                     <html><head><link rel=\"canonical\" href=\"http://example.gov.cn/c.html\"></head><body></body></html>";
        assert_eq!(to_text(saved).url.as_deref(), Some("http://www.example.gov.cn/art/1.html"));
        let canonical = "<html><head><meta property=\"og:url\" content=\"https://example.gov.cn/o.html\">\
                         <link rel=\"canonical\" href=\"http://example.gov.cn/c.html\"></head><body></body></html>";
        assert_eq!(to_text(canonical).url.as_deref(), Some("https://example.gov.cn/o.html"));
        assert_eq!(to_text("<html><head><link rel=\"stylesheet\" href=\"http://x/a.css\"></head></html>").url, None);
    }
}
