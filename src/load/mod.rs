//! Load: files to normalised text.
//!
//! Reads a file, gives it its `report_id` (a hash of the raw bytes), and turns it
//! into text by kind: PDF through `pdftotext -layout` (`pdf`), HTML through a real
//! parser (`html`), a page saved as one file through its HTML part (`mhtml`),
//! Word documents through the page they make (`word`), anything else as text;
//! bytes are decoded by `decode`, and text that an earlier reading in the wrong
//! encoding made mojibake is read again by `redecode`. The text
//! is folded from traditional to simplified characters and normalised. What
//! cannot become text (an empty or binary file, undecodable bytes, a PDF without
//! the tool or without text, a file past [`MAX_READ`], a reader that failed) is
//! a [`Document`] without text but with the reason, so that it still gets its
//! `reports` row.

pub mod decode;
pub mod dom;
mod front;
mod grid;
pub mod html;
pub mod manifest;
pub mod mhtml;
pub mod pdf;
pub mod read;
pub mod redecode;
pub mod word;

use sha2::{Digest, Sha256};

use crate::discover::InputFile;
use crate::normalize::{fold_name, fold_traditional, mainland_words, normalize, strip_readings};

/// Why a file has no text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub code: &'static str,
    pub detail: String,
}

/// What a file's surroundings say beside its text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Hints {
    /// The page's title (`<h1>`, `<title>`), for a body that lacks one.
    pub title: Option<String>,
    /// The owner of the site the page was saved from, for a title without an agency.
    pub site: Option<String>,
    /// When the page was posted (its `PubDate` tag), for a text that prints no date.
    pub published: Option<String>,
    /// Where the page was saved from (a saved page's `saved from url=`, its
    /// canonical address; a clipped Markdown file's `source`).
    pub url: Option<String>,
    /// The manifest's entry for the file.
    pub manifest: Option<manifest::Entry>,
}

/// A loaded input file.
#[derive(Clone, Debug)]
pub struct Document {
    pub source_path: String,
    pub source_bytes: i64,
    pub report_id: String,
    /// The encoding the text was decoded from (`utf-8`, `gb18030`, `big5`,
    /// `utf-16le`), `pdf` for text from a PDF, `binary`/`unknown` without text.
    pub encoding: String,
    /// The normalised text, or why there is none.
    pub text: Result<String, Unreadable>,
    /// Whether the text was written in traditional characters (and folded).
    pub traditional: bool,
    /// The wrong reading the text's characters came from, undone
    /// (`big5 read as gbk`): see [`redecode`].
    pub redecoded: Option<String>,
    pub hints: Hints,
}

/// Hex of the first 16 bytes of the SHA-256 of `bytes`: same bytes, same id.
pub fn report_id(bytes: &[u8]) -> String {
    id_of(&Sha256::digest(bytes).into())
}

/// A `report_id` from a SHA-256 digest.
fn id_of(digest: &[u8; 32]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut id = String::with_capacity(32);
    for b in &digest[..16] {
        id.push(char::from(HEX[usize::from(b >> 4)]));
        id.push(char::from(HEX[usize::from(b & 0x0f)]));
    }
    id
}

/// A `report_id` as 128 bits, for indexes that hold many: the id itself when it
/// is what [`report_id`] makes (32 hex digits), else a hash of it.
pub fn report_id_bits(id: &str) -> u128 {
    match (id.len(), u128::from_str_radix(id, 16)) {
        (32, Ok(bits)) if !id.starts_with('+') => bits,
        _ => u128::from_str_radix(&report_id(id.as_bytes()), 16).unwrap_or_default(),
    }
}

/// Reads and decodes one file. I/O errors become an unreadable document.
pub fn load(file: &InputFile, manifest: Option<&manifest::Manifest>) -> Document {
    let entry = manifest.and_then(|m| m.get(&file.relative)).cloned();
    let mut doc = read::with_buffer(|buffer| load_with(file, buffer, MAX_READ));
    doc.hints.manifest = entry;
    doc
}

/// Files larger than this are not read whole (a PDF still goes to
/// `pdftotext`): far larger than any report's text or page, and small enough
/// that a stray video or archive in a collection cannot exhaust the memory.
pub const MAX_READ: usize = 64 << 20;

fn load_with(file: &InputFile, buffer: &mut Vec<u8>, limit: usize) -> Document {
    let size = || std::fs::metadata(&file.path).map_or(0, |m| m.len() as i64);
    let read_error = |e: std::io::Error| Document {
        source_bytes: size(),
        text: Err(Unreadable { code: "read_error", detail: e.to_string() }),
        ..empty_document(&file.relative, file.relative.as_bytes())
    };
    match read::read_all(&file.path, buffer, limit) {
        Ok(read::Read::Whole(n)) if is_pdf(&file.relative, &buffer[..n]) => {
            from_pdf(file, empty_document(&file.relative, &buffer[..n]))
        }
        Ok(read::Read::Whole(n)) => decode(&file.relative, &buffer[..n]),
        Ok(read::Read::TooLarge) => {
            let digest = match read::sha256_of_file(&file.path) {
                Ok(digest) => digest,
                Err(e) => return read_error(e),
            };
            let doc = Document { source_bytes: size(), report_id: id_of(&digest), ..empty_document(&file.relative, b"") };
            if is_pdf(&file.relative, buffer) {
                return from_pdf(file, doc);
            }
            let detail = format!("{} bytes, more than the {limit} bytes a text or page is read to", doc.source_bytes);
            Document { text: Err(Unreadable { code: "too_large", detail }), ..doc }
        }
        Err(e) => read_error(e),
    }
}

/// The text `pdftotext` finds in the file.
fn from_pdf(file: &InputFile, doc: Document) -> Document {
    guarded(doc, |doc| {
        doc.encoding = "pdf".into();
        doc.text = pdf::to_text(&file.path).map(|t| {
            let t = read_again(doc, t);
            finish(doc, &t)
        });
    })
}

fn empty_document(source_path: &str, bytes: &[u8]) -> Document {
    Document {
        source_path: source_path.to_string(),
        source_bytes: bytes.len() as i64,
        report_id: report_id(bytes),
        encoding: "unknown".into(),
        text: Err(Unreadable { code: "empty_file", detail: "the file is empty".into() }),
        traditional: false,
        redecoded: None,
        hints: Hints::default(),
    }
}

/// `text`, or where it is mojibake the text it was made of (noted in `doc`).
fn read_again(doc: &mut Document, text: String) -> String {
    match redecode::redecoded(&text).or_else(|| redecode::runs_mended(&text)) {
        Some(again) => {
            doc.redecoded = Some(again.how);
            again.text
        }
        None => text,
    }
}

/// Folds and normalises decoded text, noting whether it was traditional.
fn finish(doc: &mut Document, text: &str) -> String {
    let (folded, traditional) = fold_traditional(text);
    doc.traditional = traditional;
    if !traditional {
        return normalize(&folded);
    }
    let mut folded = folded.into_owned();
    strip_readings(&mut folded);
    mainland_words(&mut folded);
    normalize(&folded)
}

fn extension(path: &str) -> String {
    path.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default()
}

fn is_pdf(path: &str, bytes: &[u8]) -> bool {
    extension(path) == "pdf" || bytes.starts_with(b"%PDF-")
}

/// Whether bytes (ASCII-compatible) look like an HTML page.
fn looks_like_html(bytes: &[u8]) -> bool {
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'<') {
        return false;
    }
    let head: Vec<u8> = bytes.iter().take(2048).map(u8::to_ascii_lowercase).collect();
    let has = |w: &[u8]| memchr::memmem::find(&head, w).is_some();
    [&b"<html"[..], b"<!doctype html", b"<body", b"<meta", b"<div", b"<table", b"<p>"].iter().any(|w| has(w))
}

/// Fills `doc`'s text with `read`. Should a reader panic on some input, the
/// file keeps its row (unreadable, `extract_failed`) and the run goes on.
fn guarded(mut doc: Document, read: impl FnOnce(&mut Document)) -> Document {
    if let Err(panic) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(&mut doc))) {
        let why = crate::error::panic_message(&*panic);
        doc.text = Err(Unreadable { code: "extract_failed", detail: format!("the decoder failed on this file: {why}") });
    }
    doc
}

/// Decodes bytes already in memory (`source_path` names them, and its extension
/// tells HTML from text).
pub fn decode(source_path: &str, bytes: &[u8]) -> Document {
    guarded(empty_document(source_path, bytes), |doc| read_text(doc, bytes))
}

fn read_text(doc: &mut Document, bytes: &[u8]) {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        if !bytes.is_empty() {
            doc.text = Err(Unreadable { code: "empty_file", detail: "the file holds only whitespace".into() });
        }
        return;
    }
    // Word documents, read as the page they make.
    let word = if word::docx::is_docx(&doc.source_path, bytes) {
        Some(("docx", word::docx::to_html(bytes)))
    } else if word::is_compound_file(bytes) {
        Some(("doc", word::doc::to_html(bytes)))
    } else {
        None
    };
    if let Some((format, page)) = word {
        doc.encoding = format.into();
        doc.text = page.map(|page| {
            let text = html::to_text(&page).text;
            finish(doc, &text)
        });
        return;
    }
    // A page saved as one file (.mhtml, .mht): its HTML part, read as a saved page.
    let saved = mhtml::page(bytes);
    let bytes = saved.as_ref().map_or(bytes, |p| p.html.as_slice());
    let unmarked_utf16 = || decode::utf16_without_bom(bytes).is_some();
    if encoding_rs::Encoding::for_bom(bytes).is_none() && looks_binary(bytes) && !unmarked_utf16() {
        doc.encoding = "binary".into();
        doc.text = Err(Unreadable { code: "binary_file", detail: "the file holds binary data, not text".into() });
        return;
    }
    let html = saved.is_some()
        || matches!(extension(&doc.source_path).as_str(), "html" | "htm" | "xhtml" | "shtml")
        || looks_like_html(bytes);
    let decoded = decode::decode_declared(bytes, html, saved.as_ref().and_then(|p| p.charset.as_deref()));
    doc.encoding = decoded.encoding.clone();
    let decoded = decode::Decoded { text: read_again(doc, decoded.text), ..decoded };
    let chars = || decoded.text.chars().count().max(1);
    if doc.redecoded.is_none() && decoded.replaced > 0 && decoded.replaced * 50 > chars() {
        doc.text = Err(Unreadable {
            code: "undecodable",
            detail: format!("{} of {} characters could not be decoded in any known encoding", decoded.replaced, chars()),
        });
        return;
    }
    let text = if html {
        let page = html::to_text(&decoded.text);
        // Full-width brackets and digits as the text's own are.
        doc.hints.title = page.title.map(|t| fold_name(&normalize(&t)).into_owned());
        doc.hints.site = page.site.map(|t| fold_name(&t).into_owned());
        doc.hints.published = page.published;
        doc.hints.url = page.url.or_else(|| saved.and_then(|p| p.url));
        with_references_decoded(page.text)
    } else {
        let text = match front::split(&decoded.text) {
            Some((front, body)) => {
                // Full-width digits and the like, as the text's own are.
                doc.hints.title = front.title.map(|t| fold_name(&normalize(&t)).into_owned());
                doc.hints.published = front.published.map(|d| normalize(&d));
                doc.hints.url = front.url;
                body.to_string()
            }
            None => decoded.text,
        };
        grid::joined(with_tables_rendered(with_references_decoded(text)))
    };
    doc.text = Ok(finish(doc, &text));
}

/// Text that carries HTML's character references as text (`共受理申请&nbsp;12&nbsp;件`:
/// a page's source copied, a database's export, a page escaped twice), each
/// decoded; only where the text holds one that nothing but markup writes
/// (`&nbsp`, `&#12290;`, `&ldquo;`), so that `R&D` stays.
fn with_references_decoded(text: String) -> String {
    let written_by_markup = |i: usize| {
        let rest = &text.as_bytes()[i + 1..];
        let name = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        rest.starts_with(b"nbsp")
            || (rest.first() == Some(&b'#') && rest.get(1).is_some_and(|b| b.is_ascii_digit() || *b == b'x'))
            || ((2..=8).contains(&name) && rest.get(name) == Some(&b';'))
    };
    if !memchr::memchr_iter(b'&', text.as_bytes()).any(written_by_markup) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    dom::decode_references(&text, &mut out);
    out
}

/// Text (Markdown from a converter, most often) with the HTML tables it holds
/// (`<table>…</table>`, as converters write tables with spanned cells) rendered as
/// a saved page's are: a line a row, cells between `|`.
fn with_tables_rendered(text: String) -> String {
    let bytes = text.as_bytes();
    // `<table` in any case: `able` is rare in Chinese text, then its two bytes before.
    let opens_table = |i: usize| i >= 2 && bytes[i - 2] == b'<' && bytes[i - 1].eq_ignore_ascii_case(&b't');
    let has_table = memchr::memmem::find_iter(bytes, b"able").any(opens_table)
        || memchr::memmem::find_iter(bytes, b"ABLE").any(opens_table);
    if !has_table {
        return text;
    }
    // The outermost tables, tags of any case, one pass over the `<`s; a table
    // never closed runs to the end of the text.
    let mut tables: Vec<(usize, usize)> = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for k in memchr::memchr_iter(b'<', bytes) {
        let tag = &bytes[k..bytes.len().min(k + 8)];
        if tag.len() >= 6 && tag[1..6].eq_ignore_ascii_case(b"table") {
            if depth == 0 {
                start = k;
            }
            depth += 1;
        } else if depth > 0 && tag.len() == 8 && tag[1..8].eq_ignore_ascii_case(b"/table>") {
            depth -= 1;
            if depth == 0 {
                tables.push((start, k + 8));
            }
        }
    }
    if depth > 0 {
        tables.push((start, bytes.len()));
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (start, end) in tables {
        out.push_str(&text[copied..start]);
        out.push('\n');
        out.push_str(html::to_text(&text[start..end]).text.trim());
        out.push('\n');
        copied = end;
    }
    out.push_str(&text[copied..]);
    out
}

/// NUL bytes or many control characters in the first 8 KiB mark a binary file.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let control = head.iter().filter(|&&b| b < 0x09 || (0x0e..0x20).contains(&b) && b != 0x1b).count();
    head.contains(&0) || control * 20 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_front_matter_is_the_page_s_head_not_its_text() {
        let md = "---\ntitle: \"某县2020年政府信息公开工作年度报告\"\nsource: \"http://www.example.gov.cn/a.html\"\n\
                  published: 2021-01-20\ncreated: 2024-05-01\n---\n一、总体情况\n";
        let doc = decode("a.md", md.as_bytes());
        assert_eq!(doc.text.as_deref().ok(), Some("一、总体情况\n"));
        assert_eq!(doc.hints.title.as_deref(), Some("某县2020年政府信息公开工作年度报告"));
        assert_eq!(doc.hints.published.as_deref(), Some("2021-01-20"));
        assert_eq!(doc.hints.url.as_deref(), Some("http://www.example.gov.cn/a.html"));
    }

    #[test]
    fn html_tables_in_text_are_rendered_as_a_page_s() {
        let md = "## 二、主动公开\n\n<TABLE><tr><td>规章</td><td>0</td><td>3</td></tr></TABLE>\n\n正文。\n\
            <table><tr><td><table><tr><td>内</td></tr></table></td></tr></table>尾\n<table><tr><td>未闭合</td><td>5</td>";
        let text = with_tables_rendered(md.to_string());
        assert!(text.contains("规章 | 0 | 3"), "{text}");
        assert!(text.contains("\n\n正文。\n") && text.contains("内") && text.contains("\n尾"), "{text}");
        assert!(text.contains("未闭合 | 5") && !text.contains('<'), "{text}");
        assert!(with_tables_rendered("<Table><tr><td>规章</td><td>2</td></tr></Table>".into()).contains("规章 | 2"));
        let plain = "没有表格 | 1 |\n".to_string();
        assert_eq!(with_tables_rendered(plain.clone()), plain);
    }

    #[test]
    fn ids_depend_on_bytes_only() {
        assert_eq!(report_id(b"abc"), report_id(b"abc"));
        assert_ne!(report_id(b"abc"), report_id(b"abd"));
        // The first half of SHA-256("abc"), FIPS 180-2's example.
        assert_eq!(report_id(b"abc"), "ba7816bf8f01cfea414140de5dae2223");
        let id = report_id(b"abc");
        assert_eq!(format!("{:032x}", report_id_bits(&id)), id);
        assert_ne!(report_id_bits("x"), report_id_bits("y"));
    }

    #[test]
    fn files_are_read_whole_whatever_their_size() {
        let dir = tempfile::tempdir().unwrap();
        for (name, size) in [("small.txt", 10), ("large.txt", 300_000), ("small2.txt", 5)] {
            let bytes: Vec<u8> = "一、总体情况\n".bytes().cycle().take(size).collect();
            let path = dir.path().join(name);
            std::fs::write(&path, &bytes).unwrap();
            let doc = load(&InputFile { path, relative: name.into() }, None);
            assert_eq!((doc.source_bytes, doc.report_id), (size as i64, report_id(&bytes)));
        }
        let missing = InputFile { path: dir.path().join("missing.txt"), relative: "missing.txt".into() };
        assert_eq!(load(&missing, None).text.unwrap_err().code, "read_error");
    }

    #[test]
    fn reading_stops_past_the_limit_and_the_id_is_the_whole_file_s() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.txt");
        let bytes: Vec<u8> = b"0123456789".iter().copied().cycle().take(3 << 20).collect();
        std::fs::write(&path, &bytes).unwrap();
        let mut buffer = Vec::new();
        assert_eq!(read::read_all(&path, &mut buffer, 1 << 20).unwrap(), read::Read::TooLarge);
        assert!(buffer.len() <= (1 << 20) + 1 && buffer.starts_with(b"0123"));
        assert_eq!(read::read_all(&path, &mut buffer, 3 << 20).unwrap(), read::Read::Whole(3 << 20));
        assert_eq!(id_of(&read::sha256_of_file(&path).unwrap()), report_id(&bytes));

        // Past the limit a file keeps its row, its size and the id of all its bytes.
        let file = InputFile { path: path.clone(), relative: "big.txt".into() };
        let doc = load_with(&file, &mut buffer, 1 << 20);
        assert_eq!((doc.report_id, doc.source_bytes), (report_id(&bytes), 3 << 20));
        assert_eq!(doc.text.unwrap_err().code, "too_large");
        // A PDF past the limit still goes to pdftotext (which finds no PDF here).
        let pdf = dir.path().join("big.pdf");
        std::fs::rename(&path, &pdf).unwrap();
        let doc = load_with(&InputFile { path: pdf, relative: "big.pdf".into() }, &mut buffer, 1 << 20);
        assert_eq!(doc.encoding, "pdf");
        assert_ne!(doc.text.unwrap_err().code, "too_large");
    }

    #[test]
    fn prefetching_takes_missing_and_empty_files_in_its_stride() {
        let dir = tempfile::tempdir().unwrap();
        let mut paths: Vec<_> = (0..40).map(|i| dir.path().join(format!("{i}.txt"))).collect();
        for (i, p) in paths.iter().enumerate() {
            std::fs::write(p, "x".repeat(i)).unwrap();
        }
        paths.push(dir.path().join("missing.txt"));
        read::prefetch(&paths);
        read::prefetch(&[]);
        let doc = load(&InputFile { path: paths[3].clone(), relative: "3.txt".into() }, None);
        assert_eq!(doc.text.unwrap(), "xxx");
    }

    #[test]
    fn empty_binary_and_bom() {
        assert_eq!(decode("e", b"").text.unwrap_err().code, "empty_file");
        assert_eq!(decode("w", b" \n\t").text.unwrap_err().code, "empty_file");
        assert_eq!(decode("b", b"PK\x03\x04\x00\x00binary").text.unwrap_err().code, "binary_file");
        let d = decode("t", "\u{feff}（一）１２".as_bytes());
        assert_eq!(d.encoding, "utf-8");
        assert_eq!(d.text.unwrap(), "(一)12");
    }

    #[test]
    fn a_reader_that_fails_leaves_the_file_its_row() {
        let doc = guarded(empty_document("x.txt", b"abc"), |_| panic!("a reader's bug"));
        assert_eq!(doc.report_id, report_id(b"abc"));
        let why = doc.text.unwrap_err();
        assert_eq!(why.code, "extract_failed");
        assert!(why.detail.contains("a reader's bug"), "{}", why.detail);
    }

    #[test]
    fn a_declaration_with_a_character_across_its_eighth_byte() {
        let d = decode("p.html", "<!DOCTY中PE html><p>一、总体情况</p>".as_bytes());
        assert_eq!(d.text.unwrap(), "一、总体情况\n");
    }

    #[test]
    fn references_left_as_text_are_decoded_where_markup_wrote_them() {
        let text = |name: &str, body: &str| decode(name, body.as_bytes()).text.unwrap();
        assert!(text("a.txt", "共受理申请&nbsp;12&nbsp;件,&ldquo;三安全一稳定&rdquo;").contains("共受理申请 12 件,“三安全一稳定”"));
        assert!(text("a.txt", "R&D投入,A & B").contains("R&D投入,A & B"));
        // A page escaped twice.
        assert!(text("a.html", "<p>共受理申请&amp;nbsp;12&amp;nbsp;件</p>").contains("共受理申请 12 件"));
    }

    #[test]
    fn html_by_extension_or_content_with_its_title() {
        let page = "<html><head><title>某县2020年政府信息公开工作年度报告_某县人民政府</title></head><body><p>一、总体情况</p></body></html>";
        let d = decode("page.txt", page.as_bytes());
        assert_eq!(d.text.unwrap(), "一、总体情况\n");
        assert_eq!(d.hints.title.as_deref(), Some("某县2020年政府信息公开工作年度报告"));
    }

    #[test]
    fn mojibake_is_read_again_and_noted() {
        let report = "2021年政府信息公开工作年度报告\n一、总体情况\n本机关收到政府信息公开申请12件。";
        // A UTF-8 page read as GBK and saved as UTF-8 text.
        let (garbled, _, _) = encoding_rs::GBK.decode(report.as_bytes());
        let d = decode("r.txt", garbled.as_bytes());
        assert_eq!(d.redecoded.as_deref(), Some("utf-8 read as gbk"));
        assert!(d.text.unwrap().contains("本机关收到政府信息公开申请12件"));
        let report = crate::extract::extract(&decode("r.txt", garbled.as_bytes()));
        assert!(report.has_issue("text_redecoded"));
        assert_eq!(report.year, Some(2021));
        assert_eq!(decode("r.txt", "政府信息公开工作年度报告".as_bytes()).redecoded, None);
        // A page of GBK whose one character beyond GB2312 (埇, `88AC`) garbled the
        // rest of its line where read as GB2312.
        let d = decode("r.txt", "宿州市\u{88}\u{e387}徘\u{e028}嗣裾\u{e258}®2021年政府信息公开工作年度报告".as_bytes());
        assert_eq!(d.redecoded.as_deref(), Some("a run of gbk read as gb2312"));
        assert!(d.text.unwrap().starts_with("宿州市埇桥区人民政府2021年"));
    }

    #[test]
    fn traditional_text_is_folded_and_noted() {
        let d = decode("t.txt", "政府資訊公開工作年度報告。本機關收到申請數量為零,處理結果與轉辦。".as_bytes());
        assert!(d.traditional);
        assert!(d.text.unwrap().contains("本机关收到申请数量为零,处理结果与转办"));
    }
}
