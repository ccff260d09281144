//! PDF files through `pdftotext -layout` (poppler-utils), when it is installed.
//!
//! `pdftotext` lays a page out on a grid of characters. By default the grid's
//! pitch follows the page's type, and the numbers of narrow columns set close
//! (表四's fifteen) can fall on one character and print as one number (`1 01`
//! for `1 0 1`), or a table's row break in two lines. A pitch of
//! `PITCH` points, finer than any text a report sets, keeps every number in a
//! place of its own; the page's margin that the finer grid keeps is taken off.

use std::path::Path;
use std::process::Command;

use super::Unreadable;

/// The width in points of a character of `pdftotext`'s grid.
const PITCH: &str = "4";

/// The text of a PDF, with its columns laid out as on the page.
pub fn to_text(path: &Path) -> Result<String, Unreadable> {
    let output =
        Command::new("pdftotext").args(["-layout", "-fixed", PITCH, "-enc", "UTF-8"]).arg(path).arg("-").output();
    let output = match output {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Unreadable {
                code: "pdf_tool_missing",
                detail: "pdftotext is not installed (Debian package poppler-utils)".into(),
            })
        }
        Err(e) => return Err(Unreadable { code: "pdf_error", detail: format!("pdftotext did not run: {e}") }),
    };
    if !output.status.success() {
        let why = String::from_utf8_lossy(&output.stderr).trim().chars().take(300).collect::<String>();
        return Err(Unreadable { code: "pdf_error", detail: format!("pdftotext failed: {why}") });
    }
    let text = String::from_utf8_lossy(&output.stdout);
    if text.trim().is_empty() {
        return Err(Unreadable { code: "pdf_no_text", detail: "the PDF holds no text (a scan?)".into() });
    }
    Ok(without_margins(&text))
}

/// Each page's lines (pages end in a form feed) without the blanks all its
/// lines begin with: the page's margin, not an indent.
fn without_margins(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (k, page) in text.split('\x0c').enumerate() {
        if k > 0 {
            out.push('\x0c');
        }
        let indent = |line: &str| line.len() - line.trim_start_matches(' ').len();
        let margin = page.lines().filter(|l| !l.trim().is_empty()).map(indent).min().unwrap_or(0);
        for (i, line) in page.split('\n').enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(line.get(margin.min(indent(line))..).unwrap_or(line));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_page_loses_the_margin_all_its_lines_share() {
        let text = "    标题\n      正文 1\n\n    表 2   3\n\x0c  第二页\n\n   续\n";
        assert_eq!(without_margins(text), "标题\n  正文 1\n\n表 2   3\n\x0c第二页\n\n 续\n");
    }
}
