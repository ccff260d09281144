//! Web pages saved as one file: Chrome's `.mhtml` (the page in quoted-printable,
//! lines of 76 characters at most) or Internet Explorer's `.mht` (the page in
//! base64, its charset in the part's header), an image part after the page.

/// The saved file of `html` (UTF-8), saved from `url`; with `ie`, as Internet
/// Explorer saves it.
pub fn saved(html: &str, url: &str, ie: bool) -> Vec<u8> {
    let boundary = if ie {
        "----=_NextPart_000_0000_01D9A1B2.C3D4E5F0"
    } else {
        "----MultipartBoundary--q2ZLPdbbxsKq7vRyRcW5pCJ4H2OLvLuQPyDHnS0um9----"
    };
    let (encoding, body, kind) = if ie {
        ("base64", base64(html.as_bytes()), "text/html; charset=\"utf-8\"")
    } else {
        ("quoted-printable", quoted_printable(html.as_bytes()), "text/html")
    };
    let (from, located, preamble) = if ie {
        ("Windows Internet Explorer 11", String::new(), "This is a multi-part message in MIME format.\r\n")
    } else {
        ("Blink", format!("Snapshot-Content-Location: {url}\r\n"), "")
    };
    let mut out = format!(
        "From: <Saved by {from}>\r\n{located}Subject: report\r\nDate: Tue, 3 Dec 2024 10:00:00 +0800\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"{boundary}\"\r\n\r\n\
         {preamble}\r\n"
    );
    let part = |kind: &str, encoding: &str, location: &str, body: &str| {
        format!(
            "--{boundary}\r\nContent-Type: {kind}\r\nContent-Transfer-Encoding: {encoding}\r\n\
             Content-Location: {location}\r\n\r\n{body}\r\n"
        )
    };
    out.push_str(&part(kind, encoding, url, &body));
    out.push_str(&part("image/png", "base64", &format!("{url}.png"), PIXEL));
    out.push_str(&format!("--{boundary}--\r\n"));
    out.into_bytes()
}

/// A PNG of one pixel, as a page's image part.
const PIXEL: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

/// Quoted-printable as a browser writes it: bytes past ASCII, `=` and control
/// characters as `=XX`, lines of at most 76 characters ended by a soft break.
fn quoted_printable(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    let mut column = 0;
    for &b in bytes {
        if b == b'\n' {
            out.push_str("\r\n");
            column = 0;
            continue;
        }
        let escaped = b == b'=' || !(0x20..0x7f).contains(&b);
        let piece = if escaped { format!("={b:02X}") } else { char::from(b).to_string() };
        if column + piece.len() > 75 {
            out.push_str("=\r\n");
            column = 0;
        }
        column += piece.len();
        out.push_str(&piece);
    }
    out
}

/// Base64 in lines of 76 characters.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len() * 4 / 3 + bytes.len() / 57 * 2 + 4);
    for (k, chunk) in bytes.chunks(3).enumerate() {
        if k > 0 && k % 19 == 0 {
            out.push_str("\r\n");
        }
        let n = chunk.iter().fold(0u32, |acc, &b| acc << 8 | u32::from(b)) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            let c = if i <= chunk.len() { ALPHABET[(n >> (18 - 6 * i) & 63) as usize] } else { b'=' };
            out.push(char::from(c));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reader_takes_the_page_out_again() {
        let html = format!("<html><body><p>本年度共受理申请12件。a=b</p>{}</body></html>", "<p>政府信息公开</p>".repeat(20));
        for ie in [false, true] {
            let page = crate::load::mhtml::page(&saved(&html, "http://www.example.gov.cn/1.html", ie)).unwrap();
            assert_eq!(String::from_utf8(page.html).unwrap(), html, "ie {ie}");
            assert_eq!(page.url.as_deref(), Some("http://www.example.gov.cn/1.html"));
        }
        assert_eq!(base64(b"Man"), "TWFu");
        assert_eq!(base64(b"Ma"), "TWE=");
    }
}
