//! Load: bytes to normalised text.
//!
//! Reads a file, gives it its `report_id` (a hash of the raw bytes) and decodes
//! it. What cannot be turned into text (an empty file, a binary file, bytes that
//! are not valid text) becomes a [`Document`] without text and with the reason,
//! so that it still gets its `reports` row.

use sha2::{Digest, Sha256};

use crate::discover::InputFile;
use crate::normalize::normalize;

/// Why a file has no text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    pub code: &'static str,
    pub detail: String,
}

/// A loaded input file.
#[derive(Clone, Debug)]
pub struct Document {
    pub source_path: String,
    pub source_bytes: i64,
    pub report_id: String,
    /// The encoding the text was decoded from (`utf-8`), or `binary`/`unknown`.
    pub encoding: String,
    /// The normalised text, or why there is none.
    pub text: Result<String, Unreadable>,
}

/// Hex of the first 16 bytes of the SHA-256 of `bytes`: same bytes, same id.
pub fn report_id(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads and decodes one file. I/O errors become an unreadable document.
pub fn load(file: &InputFile) -> Document {
    match std::fs::read(&file.path) {
        Ok(bytes) => decode(&file.relative, &bytes),
        Err(e) => Document {
            source_path: file.relative.clone(),
            source_bytes: std::fs::metadata(&file.path).map_or(0, |m| m.len() as i64),
            report_id: report_id(file.relative.as_bytes()),
            encoding: "unknown".into(),
            text: Err(Unreadable { code: "read_error", detail: e.to_string() }),
        },
    }
}

/// Decodes bytes already in memory (`source_path` names them in the output).
pub fn decode(source_path: &str, bytes: &[u8]) -> Document {
    let mut doc = Document {
        source_path: source_path.to_string(),
        source_bytes: bytes.len() as i64,
        report_id: report_id(bytes),
        encoding: "unknown".into(),
        text: Err(Unreadable { code: "empty_file", detail: "the file is empty".into() }),
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        if !bytes.is_empty() {
            doc.text = Err(Unreadable { code: "empty_file", detail: "the file holds only whitespace".into() });
        }
        return doc;
    }
    if looks_binary(bytes) {
        doc.encoding = "binary".into();
        doc.text = Err(Unreadable { code: "binary_file", detail: "the file holds binary data, not text".into() });
        return doc;
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => {
            doc.encoding = "utf-8".into();
            doc.text = Ok(normalize(s));
        }
        Err(e) => {
            doc.text = Err(Unreadable { code: "undecodable", detail: format!("not valid UTF-8: {e}") });
        }
    }
    doc
}

/// NUL bytes or many control characters in the first 8 KiB mark a binary file.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let control = head.iter().filter(|&&b| b < 0x09 || (0x0e..0x20).contains(&b)).count();
    head.contains(&0) || control * 20 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_depend_on_bytes_only() {
        assert_eq!(report_id(b"abc"), report_id(b"abc"));
        assert_ne!(report_id(b"abc"), report_id(b"abd"));
        assert_eq!(report_id(b"abc").len(), 32);
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
}
