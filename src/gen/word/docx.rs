//! Word documents (`.docx`): the page's paragraphs and tables in
//! WordprocessingML, cells merged down their rows (`w:vMerge`) and across
//! columns (`w:gridSpan`), packed in a zip archive with the parts Word writes
//! beside the body.

use super::{Grid, Part};

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" \
ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

const RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" \
Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" \
Target=\"word/document.xml\"/></Relationships>";

/// How a document's list items are numbered.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Numbered {
    /// Each item names the list.
    Each,
    /// Each item has the heading style (`1`, 标题 1), which names the list.
    ByStyle,
}

/// The page's body as `word/document.xml`.
pub fn document(parts: &[Part], numbering: Option<Numbered>) -> String {
    let mut body = String::new();
    for part in parts {
        match part {
            Part::Para { text, bold } => paragraph(&mut body, text, *bold, if *bold { CENTERED } else { "" }),
            // An item of the list's first level, as NUMBERING defines it.
            Part::Item(text) => {
                let props = match numbering {
                    Some(Numbered::ByStyle) => "<w:pStyle w:val=\"1\"/>",
                    _ => "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>",
                };
                paragraph(&mut body, text, true, props)
            }
            Part::Table(grid) => table(&mut body, grid),
        }
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document \
         xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}\
         <w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>"
    )
}

/// The document packed as Word packs it: the content types, the package's
/// relationships and the body, deflated; with `numbering`, the numbering of its
/// list, the body's relationship to it, and where the heading style numbers
/// the items, the styles.
pub fn package(document: &str, numbering: Option<Numbered>) -> Vec<u8> {
    let mut members = vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes(), true),
        ("_rels/.rels", RELS.as_bytes(), true),
        ("word/document.xml", document.as_bytes(), true),
    ];
    let styled = numbering == Some(Numbered::ByStyle);
    let rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{}{}</Relationships>",
        relationship("rId1", "numbering"),
        if styled { relationship("rId2", "styles") } else { String::new() }
    );
    if numbering.is_some() {
        members.push(("word/_rels/document.xml.rels", rels.as_bytes(), true));
        members.push(("word/numbering.xml", NUMBERING.as_bytes(), true));
    }
    if styled {
        members.push(("word/styles.xml", STYLES.as_bytes(), true));
    }
    zip(&members)
}

/// The heading style `1` (标题 1), numbered by the list's first level.
const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"a\"/>\
<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style></w:styles>";

/// The body's relationship to its part `kind` (`numbering.xml`, `styles.xml`).
fn relationship(id: &str, kind: &str) -> String {
    format!(
        "<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}\" \
         Target=\"{kind}.xml\"/>"
    )
}

/// A list numbered `一、`, `二、`… at its first level and `(一)` at its second.
const NUMBERING: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/>\
<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:pStyle w:val=\"1\"/><w:lvlText w:val=\"%1、\"/>\
<w:lvlJc w:val=\"left\"/></w:lvl>\
<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"（%2）\"/>\
<w:lvlJc w:val=\"left\"/></w:lvl></w:abstractNum>\
<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";

/// A heading's paragraph properties: set in the middle.
const CENTERED: &str = "<w:jc w:val=\"center\"/>";

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A paragraph whose text Word keeps in runs, split where digits meet other
/// characters (Word tags numbers with a language of their own), under its
/// properties (`props`, the inside of `w:pPr`).
fn paragraph(out: &mut String, text: &str, bold: bool, props: &str) {
    out.push_str("<w:p>");
    if !props.is_empty() {
        out.push_str(&format!("<w:pPr>{props}</w:pPr>"));
    }
    let mut run = String::new();
    let mut digits = None;
    for c in text.chars() {
        let d = c.is_ascii_digit();
        if digits.is_some_and(|was| was != d) {
            push_run(out, &run, bold);
            run.clear();
        }
        digits = Some(d);
        run.push(c);
    }
    if !run.is_empty() {
        push_run(out, &run, bold);
    }
    out.push_str("</w:p>");
}

fn push_run(out: &mut String, text: &str, bold: bool) {
    let props = if bold { "<w:rPr><w:b/></w:rPr>" } else { "" };
    let space = if text.starts_with(' ') || text.ends_with(' ') { " xml:space=\"preserve\"" } else { "" };
    out.push_str(&format!("<w:r>{props}<w:t{space}>{}</w:t></w:r>", escape(text)));
}

/// A cell: its text, the grid columns it spans and its part in a merge down
/// the rows (`Some(true)` starts one, `Some(false)` continues it).
fn cell(out: &mut String, text: &str, width: usize, span: usize, merge: Option<bool>) {
    out.push_str(&format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>"));
    if span > 1 {
        out.push_str(&format!("<w:gridSpan w:val=\"{span}\"/>"));
    }
    match merge {
        Some(true) => out.push_str("<w:vMerge w:val=\"restart\"/>"),
        Some(false) => out.push_str("<w:vMerge/>"),
        None => {}
    }
    out.push_str("</w:tcPr>");
    paragraph(out, text, false, "");
    out.push_str("</w:tc>");
}

/// A table on Word's grid, of fixed column widths.
fn table(out: &mut String, grid: &Grid) {
    let total: usize = grid.widths.iter().sum();
    out.push_str(&format!("<w:tbl><w:tblPr><w:tblW w:w=\"{total}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>"));
    out.push_str("</w:tblPr><w:tblGrid>");
    for w in &grid.widths {
        out.push_str(&format!("<w:gridCol w:w=\"{w}\"/>"));
    }
    out.push_str("</w:tblGrid>");
    for row in &grid.rows {
        out.push_str("<w:tr>");
        let mut at = 0;
        for c in row {
            cell(out, &c.text, grid.width(at, c.span), c.span, c.merge);
            at += c.span;
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
}

/// The CRC-32 (IEEE) a zip archive records for each member.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xedb8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// A zip archive of its members (name, bytes, whether deflated or stored),
/// with its central directory.
pub(crate) fn zip(members: &[(&str, &[u8], bool)]) -> Vec<u8> {
    let (mut out, mut directory) = (Vec::new(), Vec::new());
    for &(name, data, deflate) in members {
        let packed = if deflate { miniz_oxide::deflate::compress_to_vec(data, 6) } else { data.to_vec() };
        let offset = out.len() as u32;
        // Version 2.0, no flags, deflated or stored, a fixed time (1 January 2020).
        let mut fields = Vec::new();
        fields.extend(20u16.to_le_bytes());
        fields.extend(0u16.to_le_bytes());
        fields.extend(if deflate { 8u16 } else { 0 }.to_le_bytes());
        fields.extend(0u16.to_le_bytes());
        fields.extend(((2020 - 1980) << 9 | 1 << 5 | 1u16).to_le_bytes());
        fields.extend(crc32(data).to_le_bytes());
        fields.extend((packed.len() as u32).to_le_bytes());
        fields.extend((data.len() as u32).to_le_bytes());
        fields.extend((name.len() as u16).to_le_bytes());
        fields.extend(0u16.to_le_bytes());
        out.extend(b"PK\x03\x04");
        out.extend(&fields);
        out.extend(name.as_bytes());
        out.extend(&packed);
        directory.extend(b"PK\x01\x02");
        directory.extend(20u16.to_le_bytes());
        directory.extend(&fields);
        directory.extend([0; 10]); // comment, disk, attributes
        directory.extend(offset.to_le_bytes());
        directory.extend(name.as_bytes());
    }
    let at = out.len() as u32;
    out.extend(&directory);
    out.extend(b"PK\x05\x06\0\0\0\0");
    out.extend((members.len() as u16).to_le_bytes());
    out.extend((members.len() as u16).to_le_bytes());
    out.extend((directory.len() as u32).to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gen::render::{Block, Page, TRow};

    #[test]
    fn the_check_value_of_crc32() {
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
    }

    #[test]
    fn the_reader_takes_the_package_apart() {
        let rows = [TRow { labels: vec!["规章".into()], values: vec!["3".into()], ..TRow::default() }];
        let blocks = [Block::Heading("一、总体情况".into()), Block::Para("全年受理申请12件。".into()), Block::Table(rows.to_vec())];
        let page = Page {
            title: "某县2020年政府信息公开工作年度报告",
            agency: "某县",
            site: "",
            published: Some("发布日期：2021-01-20".into()),
            blocks: &blocks,
            signature: None,
            pub_date: None,
            others: Vec::new(),
            clipped: None,
        };
        let bytes = package(&document(&super::super::parts(&page, false), None), None);
        let html = crate::load::word::docx::to_html(&bytes).unwrap();
        assert!(html.contains("全年受理申请12件。"), "{html}");
        let doc = crate::load::decode("a.docx", &bytes);
        let text = doc.text.unwrap();
        assert!(text.starts_with("某县2020年政府信息公开工作年度报告\n"), "{text}");
        assert!(text.contains("| 规章 | 3 |"), "{text}");
    }
}
