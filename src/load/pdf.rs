//! PDF files through `pdftotext -layout` (poppler-utils), when it is installed.

use std::path::Path;
use std::process::Command;

use super::Unreadable;

/// The text of a PDF, with its columns laid out as on the page.
pub fn to_text(path: &Path) -> Result<String, Unreadable> {
    let output = Command::new("pdftotext").args(["-layout", "-enc", "UTF-8"]).arg(path).arg("-").output();
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
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    if text.trim().is_empty() {
        return Err(Unreadable { code: "pdf_no_text", detail: "the PDF holds no text (a scan?)".into() });
    }
    Ok(text)
}
