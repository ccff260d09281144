//! Bytes to text: the encoding a file declares, checked against its bytes, or
//! the one its bytes show.
//!
//! Government pages are saved in UTF-8, GBK/GB2312/GB18030 or Big5, declared in a
//! `<meta charset>` or XML declaration that is sometimes wrong. A byte-order mark
//! decides; then bytes that are valid UTF-8 are UTF-8 whatever the page says;
//! then the declared encoding if the bytes decode cleanly in it; then the guess
//! of `chardetng`. Every GBK-family label decodes as GB18030, so a page declared
//! gb2312 that uses GB18030-only characters still decodes.

use encoding_rs::{Encoding, BIG5, GB18030, UTF_8};

/// Decoded text and the encoding it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// Lower-case WHATWG name: `utf-8`, `gb18030`, `big5`, `utf-16le`, …
    pub encoding: String,
    /// U+FFFD characters that had to stand for bytes no candidate could decode.
    pub replaced: usize,
}

/// Decodes `bytes`, reading a declared charset from HTML or XML if `markup`.
pub fn decode(bytes: &[u8], markup: bool) -> Decoded {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return decoded(text.into_owned(), enc);
    }
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return decoded(s.to_string(), UTF_8);
    }
    // The declared charset first; the detector only if that fails (it reads every byte).
    let declared = markup.then(|| declared_charset(bytes)).flatten();
    let guess = || {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        family(detector.guess(None, chardetng::Utf8Detection::Deny))
    };
    let candidates = declared.into_iter().map(Some).chain([None, Some(GB18030), Some(BIG5)]);
    let mut best: Option<Decoded> = None;
    for enc in candidates {
        let enc = enc.unwrap_or_else(guess);
        let (text, _, had_errors) = enc.decode(bytes);
        let d = decoded(text.into_owned(), enc);
        if !had_errors {
            return d;
        }
        if best.as_ref().is_none_or(|b| d.replaced < b.replaced) {
            best = Some(d);
        }
    }
    best.unwrap_or_else(|| decoded(String::from_utf8_lossy(bytes).into_owned(), UTF_8))
}

fn decoded(text: String, enc: &'static Encoding) -> Decoded {
    let replaced = memchr::memmem::find_iter(text.as_bytes(), "\u{fffd}".as_bytes()).count();
    Decoded { text, encoding: enc.name().to_ascii_lowercase(), replaced }
}

/// GBK and GB2312 pages are decoded as GB18030, their superset.
fn family(enc: &'static Encoding) -> &'static Encoding {
    if enc == encoding_rs::GBK {
        GB18030
    } else {
        enc
    }
}

/// The charset a page declares in its first 4 KiB: `<meta charset="gbk">`,
/// `<meta http-equiv=… content="text/html; charset=gb2312">`, `<?xml … encoding="…"?>`.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    for key in [&b"charset"[..], &b"encoding"[..]] {
        let mut from = 0;
        while let Some(p) = find(&lower[from..], key) {
            let mut i = from + p + key.len();
            while i < lower.len() && matches!(lower[i], b' ' | b'=' | b'"' | b'\'') {
                i += 1;
            }
            let start = i;
            while i < lower.len() && (lower[i].is_ascii_alphanumeric() || matches!(lower[i], b'-' | b'_')) {
                i += 1;
            }
            if let Some(enc) = Encoding::for_label(&lower[start..i]) {
                return Some(family(enc));
            }
            from = from + p + key.len();
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "一、本年新收政府信息公开申请数量 12件。政府信息公开工作年度报告,办理结果予以公开。";

    #[test]
    fn utf8_and_boms() {
        assert_eq!(decode(REPORT.as_bytes(), false).encoding, "utf-8");
        let mut le = vec![0xff, 0xfe];
        le.extend(REPORT.encode_utf16().flat_map(u16::to_le_bytes));
        let d = decode(&le, false);
        assert_eq!((d.encoding.as_str(), d.text.as_str()), ("utf-16le", REPORT));
    }

    #[test]
    fn gbk_and_big5_by_detection() {
        let (gbk, _, _) = GB18030.encode(REPORT);
        let d = decode(&gbk, false);
        assert_eq!((d.encoding.as_str(), d.text.as_str()), ("gb18030", REPORT));
        let trad = "一、本年新收政府資訊公開申請數量 12件。政府資訊公開工作年度報告,辦理結果予以公開。";
        let (big5, _, _) = BIG5.encode(trad);
        let d = decode(&big5, false);
        assert_eq!((d.encoding.as_str(), d.text.as_str()), ("big5", trad));
    }

    #[test]
    fn a_page_declared_gb2312_with_gb18030_only_characters() {
        // 䶮 (U+4DAE) is outside GBK: GB18030 encodes it in four bytes.
        let page = format!("<html><head><meta charset=\"gb2312\"></head><body>{REPORT}䶮</body></html>");
        let (bytes, _, unmappable) = GB18030.encode(&page);
        assert!(!unmappable);
        let d = decode(&bytes, true);
        assert_eq!(d.encoding, "gb18030");
        assert_eq!(d.replaced, 0);
        assert!(d.text.contains('䶮'));
    }

    #[test]
    fn a_wrong_declaration_loses_to_the_bytes() {
        let page = format!("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">{REPORT}");
        assert_eq!(decode(page.as_bytes(), true).encoding, "utf-8");
        assert_eq!(declared_charset(b"<?xml version=\"1.0\" encoding=\"GBK\"?>"), Some(GB18030));
        assert_eq!(declared_charset(b"<meta charset='big5'>"), Some(BIG5));
    }
}
