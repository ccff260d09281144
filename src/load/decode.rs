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

/// UTF-16 saved without its byte-order mark (some editors' "Unicode"): the
/// zero bytes of its ASCII characters on odd offsets (little-endian) or on even
/// ones, far more than the other way (a character such as 一, U+4E00, has a zero
/// byte too), and the whole decoding cleanly to text with no control characters
/// but line ends and tabs.
pub fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let head = &bytes[..bytes.len().min(4096)];
    memchr::memchr(0, head)?;
    let zeros_at = |parity: usize| head.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let enc = if odd > 4 * even {
        encoding_rs::UTF_16LE
    } else if even > 4 * odd {
        encoding_rs::UTF_16BE
    } else {
        return None;
    };
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    let clean = text.chars().all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'));
    (!had_errors && clean).then_some(enc)
}

/// Decodes `bytes`, reading a declared charset from HTML or XML if `markup`.
pub fn decode(bytes: &[u8], markup: bool) -> Decoded {
    decode_declared(bytes, markup, None)
}

/// [`decode`], with the charset the bytes' container declares (a saved page's
/// part header) before the one the markup declares.
pub fn decode_declared(bytes: &[u8], markup: bool, charset: Option<&str>) -> Decoded {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return decoded(text.into_owned(), enc);
    }
    // Valid UTF-8 is UTF-8, unless its zero bytes make it UTF-16 of ASCII.
    let utf8 = simdutf8::basic::from_utf8(bytes).ok();
    if let Some(s) = utf8.filter(|_| memchr::memchr(0, bytes).is_none()) {
        return decoded(s.to_string(), UTF_8);
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(bytes);
        return decoded(text.into_owned(), enc);
    }
    if let Some(s) = utf8 {
        return decoded(s.to_string(), UTF_8);
    }
    // The declared charset first; the detector only if that fails (it reads every byte).
    let named = charset.and_then(|c| Encoding::for_label(c.trim().as_bytes())).map(family);
    let declared = named.or_else(|| markup.then(|| declared_charset(bytes)).flatten());
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
            // Big5 bytes decode without error as GB18030 (and the other way), to
            // nonsense: a declared charset whose text has none of the commonest
            // words gives way to the detector's, where that text has them.
            if declared == Some(enc) && !has_common_words(&d.text) {
                let other = guess();
                if other != enc {
                    let (text, _, had_errors) = other.decode(bytes);
                    if !had_errors && has_common_words(&text) {
                        return decoded(text.into_owned(), other);
                    }
                }
            }
            return d;
        }
        if best.as_ref().is_none_or(|b| d.replaced < b.replaced) {
            best = Some(d);
        }
    }
    best.unwrap_or_else(|| decoded(String::from_utf8_lossy(bytes).into_owned(), UTF_8))
}

/// Words any report, and most government pages, use (in either script).
const COMMON_WORDS: [&str; 6] = ["信息", "公开", "公開", "政府", "报告", "報告"];

/// Whether a text has one of [`COMMON_WORDS`].
pub(crate) fn has_common_words(text: &str) -> bool {
    COMMON_WORDS.iter().any(|w| memchr::memmem::find(text.as_bytes(), w.as_bytes()).is_some())
}

/// How many of [`COMMON_WORDS`] a text has.
pub(crate) fn common_words(text: &str) -> usize {
    COMMON_WORDS.iter().filter(|w| memchr::memmem::find(text.as_bytes(), w.as_bytes()).is_some()).count()
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
    fn utf16_without_its_mark() {
        let text = "一、本年新收政府信息公开申请数量 | 12 |\r\n二、上年结转 | 0 |\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for (bytes, enc) in [(le, encoding_rs::UTF_16LE), (be, encoding_rs::UTF_16BE)] {
            let d = decode(&bytes, false);
            assert_eq!((d.text.as_str(), d.encoding.as_str()), (text, enc.name().to_ascii_lowercase().as_str()));
        }
        // Bytes with zeros that do not decode to text are no UTF-16.
        assert_eq!(utf16_without_bom(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x01\x00\x02"), None);
        assert_eq!(utf16_without_bom("纯文本".as_bytes()), None);
        let ascii: Vec<u8> = "Annual report 2019\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&ascii, false).text, "Annual report 2019\n");
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
        // Big5 declared as gb2312 decodes without error, to nonsense: the bytes win.
        let trad = "二、主動公開政府信息情況。全年主動公開政府信息1234條,受理政府信息公開申請12件。".repeat(4);
        let (big5, _, _) = BIG5.encode(&trad);
        let mut page = b"<meta charset=\"gb2312\">".to_vec();
        page.extend_from_slice(&big5);
        let d = decode(&page, true);
        assert_eq!(d.encoding, "big5");
        assert!(d.text.ends_with(&trad));
        // A GBK page that says so stays GBK.
        let (gbk, _, _) = GB18030.encode(REPORT);
        let mut page = b"<meta charset=\"gb2312\">".to_vec();
        page.extend_from_slice(&gbk);
        assert_eq!(decode(&page, true).encoding, "gb18030");
    }
}
