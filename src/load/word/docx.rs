//! Word documents (`.docx`): the body of `word/document.xml`, taken out of the
//! zip archive and written as a small HTML page.

use super::numbering::Numbering;
use super::{push_escaped, table_html, u16_at, u32_at, Cell, Merge, Table};
use crate::load::Unreadable;

/// The most a document's XML may inflate to: far past any report, and a bound
/// on what a crafted archive can make the reader hold.
const MAX_XML: usize = 64 << 20;

/// Whether the bytes are a zip archive holding a Word document.
pub fn is_docx(path: &str, bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        && (path.to_ascii_lowercase().ends_with(".docx") || memchr::memmem::find(bytes, b"word/document.xml").is_some())
}

/// The document's body as an HTML page, its lists' numerals written out.
pub fn to_html(bytes: &[u8]) -> Result<String, Unreadable> {
    let xml = entry(bytes, "word/document.xml")?;
    let xml = String::from_utf8_lossy(&xml);
    let mut numbering = match entry(bytes, "word/numbering.xml") {
        Ok(n) => Numbering::parse(&String::from_utf8_lossy(&n)),
        Err(_) => Numbering::default(),
    };
    // Headings numbered through their style (a template's 标题 1 linked to a list).
    if let Ok(styles) = entry(bytes, "word/styles.xml") {
        numbering.read_styles(&String::from_utf8_lossy(&styles));
    }
    Ok(body_html(&xml, &mut numbering))
}

fn broken(detail: impl Into<String>) -> Unreadable {
    Unreadable { code: "docx_error", detail: detail.into() }
}

/// The inflated bytes of the archive's member `name`, found through the
/// archive's central directory (the sizes a local header gives may be zero).
fn entry(zip: &[u8], name: &str) -> Result<Vec<u8>, Unreadable> {
    // The end record is the last 22 bytes, or earlier by a comment of up to 64 KiB.
    let floor = zip.len().saturating_sub(22 + 0xffff);
    let end = (floor..zip.len().saturating_sub(21))
        .rev()
        .find(|&i| zip[i..].starts_with(b"PK\x05\x06"))
        .ok_or_else(|| broken("the zip archive has no central directory (cut short?)"))?;
    let count = u16_at(zip, end + 10).unwrap_or(0);
    let mut at = u32_at(zip, end + 16).unwrap_or(usize::MAX);
    for _ in 0..count {
        if !zip.get(at..).is_some_and(|rest| rest.starts_with(b"PK\x01\x02")) {
            return Err(broken("the zip archive's central directory is damaged"));
        }
        let field = |off: usize| u16_at(zip, at + off).unwrap_or(0);
        let (name_len, extra_len, comment_len) = (field(28), field(30), field(32));
        let this = zip.get(at + 46..at + 46 + name_len).unwrap_or_default();
        if this == name.as_bytes() {
            let method = field(10);
            let packed = u32_at(zip, at + 20).unwrap_or(0);
            let local = u32_at(zip, at + 42).unwrap_or(usize::MAX);
            if packed == 0xffff_ffff || local == 0xffff_ffff {
                return Err(broken("a zip64 archive, which is not read"));
            }
            if !zip.get(local..).is_some_and(|rest| rest.starts_with(b"PK\x03\x04")) {
                return Err(broken(format!("{name} has no local header where the directory says")));
            }
            let start = local + 30 + u16_at(zip, local + 26).unwrap_or(0) + u16_at(zip, local + 28).unwrap_or(0);
            let past_end = || broken(format!("{name} runs past the archive's end"));
            let data = zip.get(start..start + packed).ok_or_else(past_end)?;
            return match method {
                0 => Ok(data.to_vec()),
                8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_XML)
                    .map_err(|e| broken(format!("{name} does not inflate: {e:?}"))),
                m => Err(broken(format!("{name} is packed by method {m}, which is not read"))),
            };
        }
        at += 46 + name_len + extra_len + comment_len;
    }
    Err(broken(format!("the archive holds no {name}: not a Word document")))
}

/// The most tables read as tables one inside another.
const MAX_NESTING: usize = 8;

/// Reads `document.xml` a tag at a time: the text of `w:t` runs, paragraphs,
/// breaks and tabs, and tables (nested up to [`MAX_NESTING`]). What Word keeps
/// twice is read once: the fallback of an alternate content (a text box's copy
/// for old readers), and text moved away while changes were tracked.
fn body_html(xml: &str, numbering: &mut Numbering) -> String {
    let mut out = String::from("<html><body>");
    let mut tables: Vec<Table> = Vec::new();
    // The list (`Some(None)`: none, against its style's) and level the open
    // paragraph's properties name, and its style.
    let (mut list, mut level, mut style): (Option<Option<&str>>, Option<usize>, Option<&str>) = (None, None, None);
    let mut in_text = false;
    let mut skipped = 0usize;
    let mut flat = 0usize;
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        if in_text && skipped == 0 && lt > 0 {
            push_text(sink(&mut out, &mut tables), &rest[..lt]);
        }
        rest = &rest[lt..];
        let Some(gt) = tag_end(rest) else { break };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if tag.starts_with(['?', '!']) {
            continue;
        }
        let closing = tag.starts_with('/');
        let name = tag.trim_start_matches('/').split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("");
        let empty = tag.ends_with('/');
        if matches!(name, "mc:Fallback" | "w:moveFrom") {
            match (closing, empty) {
                (false, false) => skipped += 1,
                (true, _) => skipped = skipped.saturating_sub(1),
                _ => {}
            }
            continue;
        }
        if skipped > 0 {
            continue;
        }
        // Tables nested past MAX_NESTING are read as lines of text in their
        // cell: each level's HTML is copied into the level above it.
        if flat > 0 || (name == "w:tbl" && !closing && tables.len() == MAX_NESTING) {
            match (name, closing) {
                ("w:tbl", false) => flat += 1,
                ("w:tbl", true) => flat -= 1,
                ("w:tc" | "w:p", true) => sink(&mut out, &mut tables).push(' '),
                ("w:tr", true) => sink(&mut out, &mut tables).push_str("<br>"),
                ("w:t", _) => in_text = !closing && !empty,
                ("w:br" | "w:cr", false) => sink(&mut out, &mut tables).push_str("<br>"),
                ("w:tab", false) => sink(&mut out, &mut tables).push(' '),
                _ => {}
            }
            continue;
        }
        match (name, closing) {
            ("w:t", _) => in_text = !closing && !empty,
            ("w:p", false) if !empty => {
                (list, level, style) = (None, None, None);
                sink(&mut out, &mut tables).push_str("<p>");
            }
            ("w:pStyle", false) => style = value(tag),
            ("w:numId", false) => list = Some(value(tag).filter(|&id| id != "0")),
            ("w:ilvl", false) => level = value(tag).and_then(|v| v.parse().ok()),
            // The properties end before the text: the list's numeral leads it.
            ("w:pPr", true) => {
                let styled = || style.and_then(|s| numbering.style_list(s));
                let (id, at) = match list.take() {
                    Some(given) => (given.map(str::to_string), level),
                    None => styled().map_or((None, level), |(id, l)| (Some(id), level.or(l))),
                };
                if let Some(label) = id.and_then(|id| numbering.next(&id, at.unwrap_or(0))) {
                    push_text(sink(&mut out, &mut tables), &label);
                }
            }
            ("w:p", true) => sink(&mut out, &mut tables).push_str("</p>"),
            ("w:br" | "w:cr", false) => sink(&mut out, &mut tables).push_str("<br>"),
            ("w:tab", false) => sink(&mut out, &mut tables).push(' '),
            ("w:noBreakHyphen", false) => sink(&mut out, &mut tables).push('-'),
            ("w:tbl", false) => tables.push(Table::default()),
            ("w:tbl", true) => {
                if let Some(table) = tables.pop() {
                    let html = table_html(table);
                    sink(&mut out, &mut tables).push_str(&html);
                }
            }
            ("w:tr", false) => {
                if let Some(t) = tables.last_mut() {
                    t.rows.push((0, Vec::new()));
                    t.in_cell = false;
                }
            }
            ("w:gridBefore", false) => {
                if let Some((before, _)) = tables.last_mut().and_then(|t| t.rows.last_mut()) {
                    *before = value(tag).and_then(|v| v.parse().ok()).unwrap_or(0).min(64);
                }
            }
            ("w:tc", false) => {
                if let Some(t) = tables.last_mut() {
                    if t.rows.is_empty() {
                        t.rows.push((0, Vec::new()));
                    }
                    if let Some((_, cells)) = t.rows.last_mut() {
                        cells.push(Cell { html: String::new(), span: 1, merge: Merge::None });
                    }
                    t.in_cell = true;
                }
            }
            ("w:tc", true) => {
                if let Some(t) = tables.last_mut() {
                    t.in_cell = false;
                }
            }
            ("w:gridSpan" | "w:vMerge", false) => {
                let cell = tables.last_mut().filter(|t| t.in_cell).and_then(|t| t.rows.last_mut()?.1.last_mut());
                if let Some(cell) = cell {
                    if name == "w:gridSpan" {
                        cell.span = value(tag).and_then(|v| v.parse().ok()).unwrap_or(1).clamp(1, 64);
                    } else {
                        cell.merge = if value(tag) == Some("restart") { Merge::Starts } else { Merge::Continues };
                    }
                }
            }
            _ => {}
        }
    }
    // A table never closed (a damaged file) is still read.
    while let Some(table) = tables.pop() {
        let html = table_html(table);
        sink(&mut out, &mut tables).push_str(&html);
    }
    out.push_str("</body></html>");
    out
}

/// Where content goes: the open cell of the innermost table, else the page.
fn sink<'a>(out: &'a mut String, tables: &'a mut [Table]) -> &'a mut String {
    match tables.last_mut() {
        Some(t) if t.in_cell => match t.rows.last_mut().and_then(|(_, cells)| cells.last_mut()) {
            Some(cell) => &mut cell.html,
            None => out,
        },
        _ => out,
    }
}

/// Where the tag that `s` starts ends (its `>`), quoted values passed over.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, b) in s.bytes().enumerate().skip(1) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if q == b => quote = None,
            (None, b'>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// A tag's `w:val`.
pub(super) fn value(tag: &str) -> Option<&str> {
    attribute(tag, "w:val")
}

/// A tag's attribute `name`.
pub(super) fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let at = tag.match_indices(name).map(|(i, _)| i + name.len()).find(|&end| tag[end..].starts_with('='))? + 1;
    let quote = tag[at..].chars().next()?;
    let body = &tag[at + 1..];
    Some(&body[..body.find(quote)?])
}

/// The tags of an XML text: (name, whether closing, the tag's text).
pub(super) fn tags(xml: &str) -> impl Iterator<Item = (&str, bool, &str)> {
    let mut rest = xml;
    std::iter::from_fn(move || {
        let lt = rest.find('<')?;
        rest = &rest[lt..];
        let gt = tag_end(rest)?;
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let name = tag.trim_start_matches('/').split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("");
        Some((name, tag.starts_with('/'), tag))
    })
}

/// XML text (its entities as XML writes them) as HTML text.
fn push_text(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        push_escaped(out, &rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.find(';').filter(|&s| s <= 10) else {
            out.push_str("&amp;");
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..semi];
        let c = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => push_escaped(out, c.encode_utf8(&mut [0; 4])),
            None => out.push_str("&amp;"),
        }
        rest = if c.is_some() { &rest[semi + 1..] } else { &rest[1..] };
    }
    push_escaped(out, rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> String {
        format!("<w:r><w:t>{text}</w:t></w:r>")
    }

    fn para(text: &str) -> String {
        format!("<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>{}</w:p>", run(text))
    }

    fn cell(props: &str, text: &str) -> String {
        format!("<w:tc><w:tcPr><w:tcW w:w=\"900\" w:type=\"dxa\"/>{props}</w:tcPr>{}</w:tc>", para(text))
    }

    #[test]
    fn paragraphs_runs_and_entities() {
        let xml = format!(
            "<?xml version=\"1.0\"?><w:document><w:body>{}<w:p>{}<w:r><w:tab/></w:r>{}</w:p>\
             <w:p><w:r><w:instrText> PAGE </w:instrText></w:r>{}</w:p></w:body></w:document>",
            para("某县2020年政府信息公开工作年度报告"),
            run("A&amp;B &lt;1&gt;"),
            run("&#x4E00;件"),
            run("第2页"),
        );
        let html = body_html(&xml, &mut Numbering::default());
        assert!(html.contains("<p>某县2020年政府信息公开工作年度报告</p><p>A&amp;B &lt;1&gt; 一件</p><p>第2页</p>"), "{html}");
    }

    #[test]
    fn merged_cells_become_spans() {
        // 自然人 spans two rows; 法人或其他组织 two columns over 商业企业 and 其他.
        let xml = format!(
            "<w:tbl><w:tblGrid/><w:tr>{}{}</w:tr><w:tr>{}{}{}</w:tr>\
             <w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr>{}{}</w:tr></w:tbl>",
            cell("<w:vMerge w:val=\"restart\"/>", "自然人"),
            cell("<w:gridSpan w:val=\"2\"/>", "法人或其他组织"),
            cell("<w:vMerge/>", ""),
            cell("", "商业企业"),
            cell("", "其他"),
            cell("", "3"),
            cell("", "4"),
        );
        let html = body_html(&xml, &mut Numbering::default());
        assert!(
            html.contains(
                "<table><tr><td rowspan=\"2\"><p>自然人</p></td><td colspan=\"2\"><p>法人或其他组织</p></td></tr>\
                 <tr><td><p>商业企业</p></td><td><p>其他</p></td></tr>\
                 <tr><td colspan=\"1\"></td><td><p>3</p></td><td><p>4</p></td></tr></table>"
            ),
            "{html}"
        );
    }

    #[test]
    fn what_word_keeps_twice_is_read_once() {
        let xml = format!(
            "<w:p><mc:AlternateContent><mc:Choice>{}</mc:Choice><mc:Fallback>{}</mc:Fallback></mc:AlternateContent></w:p>\
             <w:moveFrom>{}</w:moveFrom>",
            run("框内"),
            run("框内"),
            run("移走"),
        );
        let html = body_html(&xml, &mut Numbering::default());
        assert_eq!(html.matches("框内").count(), 1, "{html}");
        assert!(!html.contains("移走"), "{html}");
    }

    #[test]
    fn tables_nested_deep_are_read_as_text_in_their_cell() {
        let depth = MAX_NESTING + 3;
        let xml = format!("{}{}{}", "<w:tbl><w:tr><w:tc>".repeat(depth), run("深处"), "</w:tc></w:tr></w:tbl>".repeat(depth));
        let html = body_html(&xml, &mut Numbering::default());
        assert_eq!(html.matches("<table>").count(), MAX_NESTING, "{html}");
        assert_eq!(html.matches("</table>").count(), MAX_NESTING, "{html}");
        assert_eq!(html.matches("深处").count(), 1, "{html}");
    }

    /// A zip archive of stored and deflated members, as the generator writes one.
    fn archive(members: &[(&str, &[u8], bool)]) -> Vec<u8> {
        crate::gen::word::docx::zip(members)
    }

    #[test]
    fn the_document_is_found_stored_or_deflated() {
        let xml = format!("<w:document><w:body>{}</w:body></w:document>", para("本年度共受理申请12件。"));
        for deflate in [false, true] {
            let members: [(&str, &[u8], bool); 2] =
                [("[Content_Types].xml", b"<Types/>", true), ("word/document.xml", xml.as_bytes(), deflate)];
            let zip = archive(&members);
            assert!(is_docx("a/报告.DOCX", &zip));
            assert!(to_html(&zip).unwrap().contains("<p>本年度共受理申请12件。</p>"));
        }
    }

    #[test]
    fn a_list_s_numerals_lead_its_items() {
        let numbered = |text: &str| {
            format!("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>{}</w:p>", run(text))
        };
        let body = format!("{}{}{}", numbered("总体情况"), para("2020年工作正常。"), numbered("主动公开政府信息情况"));
        let xml = format!("<w:document><w:body>{body}</w:body></w:document>");
        let numbering = "<w:numbering><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>\
            <w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl></w:abstractNum>\
            <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
        let zip = archive(&[("word/document.xml", xml.as_bytes(), true), ("word/numbering.xml", numbering.as_bytes(), true)]);
        let html = to_html(&zip).unwrap();
        assert!(html.contains("<p>一、总体情况</p>"), "{html}");
        assert!(html.contains("<p>二、主动公开政府信息情况</p>"), "{html}");
        // Without its numbering part, the items as their text has them.
        let zip = archive(&[("word/document.xml", xml.as_bytes(), true)]);
        assert!(to_html(&zip).unwrap().contains("<p>总体情况</p>"));
        // Numbered through their style, but where a paragraph takes the numbering off.
        let styled = |text: &str, off: &str| format!("<w:p><w:pPr><w:pStyle w:val=\"1\"/>{off}</w:pPr>{}</w:p>", run(text));
        let off = "<w:numPr><w:numId w:val=\"0\"/></w:numPr>";
        let body = format!("{}{}{}", styled("总体情况", ""), styled("附表", off), styled("主动公开政府信息情况", ""));
        let xml = format!("<w:document><w:body>{body}</w:body></w:document>");
        let styles = "<w:styles><w:style w:styleId=\"1\"><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style></w:styles>";
        let members = [
            ("word/document.xml", xml.as_bytes(), true),
            ("word/numbering.xml", numbering.as_bytes(), true),
            ("word/styles.xml", styles.as_bytes(), true),
        ];
        let html = to_html(&archive(&members)).unwrap();
        assert!(html.contains("<p>一、总体情况</p><p>附表</p><p>二、主动公开政府信息情况</p>"), "{html}");
    }

    #[test]
    fn archives_that_are_no_document_or_are_damaged_say_why() {
        let zip = archive(&[("readme.txt", b"hello", false)]);
        assert!(!is_docx("files.zip", &zip));
        assert_eq!(to_html(&zip).unwrap_err().code, "docx_error");
        let whole = archive(&[("word/document.xml", b"<w:p/>", true)]);
        for cut in [whole.len() / 2, 30, 4] {
            assert_eq!(to_html(&whole[..cut]).unwrap_err().code, "docx_error", "cut at {cut}");
        }
    }
}
