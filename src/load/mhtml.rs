//! Web pages saved as one file (`.mhtml` by Chrome and Edge, `.mht` by Internet
//! Explorer): a MIME message whose first HTML part is the page, its bytes in
//! quoted-printable or base64, the images and styles in parts after it. The page
//! is taken out and read as a saved page is.

/// The page of a saved single-file web page, and the address it was saved from.
pub struct Page {
    pub html: Vec<u8>,
    /// The charset the part's header names, if any.
    pub charset: Option<String>,
    pub url: Option<String>,
}

/// How far into the file the message's headers may reach.
const HEADER_REACH: usize = 8192;

/// The page of `bytes` if they are a saved single-file web page.
pub fn page(bytes: &[u8]) -> Option<Page> {
    let head = &bytes[..bytes.len().min(HEADER_REACH)];
    // Most files are turned away here: a message names its MIME version in its headers.
    let has = |v: &&str| memchr::memmem::find(head, v.as_bytes()).is_some();
    if !["MIME-Version", "Mime-Version", "mime-version"].iter().any(has) {
        return None;
    }
    let end = memchr::memmem::find(head, b"\r\n\r\n").or_else(|| memchr::memmem::find(head, b"\n\n"))?;
    let message = headers(&head[..end]);
    let content_type = header(&message, "content-type")?;
    let related = content_type.to_ascii_lowercase().starts_with("multipart/related");
    if !related || header(&message, "mime-version").is_none() {
        return None;
    }
    let boundary = parameter(content_type, "boundary")?;
    let delimiter = format!("--{boundary}");
    let url = header(&message, "snapshot-content-location").or_else(|| header(&message, "content-location"));
    // The parts, each between two delimiter lines: its headers, a blank line, its body.
    let mut parts = memchr::memmem::find_iter(bytes, delimiter.as_bytes()).peekable();
    while let Some(at) = parts.next() {
        let start = at + delimiter.len();
        let stop = parts.peek().copied().unwrap_or(bytes.len());
        let part = &bytes[start..stop];
        if part.starts_with(b"--") {
            break; // the closing delimiter
        }
        let Some((head_end, body_start)) = blank_line(part) else { continue };
        let part_headers = headers(&part[..head_end]);
        let kind = header(&part_headers, "content-type").unwrap_or("text/plain");
        if !kind.to_ascii_lowercase().starts_with("text/html") {
            continue;
        }
        // The line break before the next delimiter is the delimiter's.
        let body = &part[body_start..];
        let body = body.strip_suffix(b"\r\n").or_else(|| body.strip_suffix(b"\n")).unwrap_or(body);
        let encoding = header(&part_headers, "content-transfer-encoding").unwrap_or("").trim().to_ascii_lowercase();
        let html = match encoding.as_str() {
            "quoted-printable" => quoted_printable(body),
            "base64" => base64(body),
            _ => body.to_vec(),
        };
        let location = header(&part_headers, "content-location").map(str::to_string);
        return Some(Page { html, charset: parameter(kind, "charset"), url: url.map(str::to_string).or(location) });
    }
    None
}

/// Where a part's headers end and its body starts.
fn blank_line(part: &[u8]) -> Option<(usize, usize)> {
    let crlf = memchr::memmem::find(part, b"\r\n\r\n").map(|i| (i, i + 4));
    let lf = memchr::memmem::find(part, b"\n\n").map(|i| (i, i + 2));
    match (crlf, lf) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// Header lines, a line that starts with a blank going on from the one before.
fn headers(block: &[u8]) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(block);
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = out.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            out.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    out
}

fn header<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

/// A header's parameter (`boundary="…"`, `charset=gb2312`).
fn parameter(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (key, v) = p.split_once('=')?;
        key.trim().eq_ignore_ascii_case(name).then(|| v.trim().trim_matches('"').to_string())
    })
}

/// Quoted-printable: `=XX` a byte, `=` at a line's end a break that is no break.
fn quoted_printable(body: &[u8]) -> Vec<u8> {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        if body[i] != b'=' {
            out.push(body[i]);
            i += 1;
            continue;
        }
        match (body.get(i + 1).copied(), body.get(i + 2).copied()) {
            (Some(b'\r'), Some(b'\n')) => i += 3,
            (Some(b'\n'), _) => i += 2,
            (Some(h), Some(l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push(hex(h).unwrap_or(0) << 4 | hex(l).unwrap_or(0));
                i += 3;
            }
            _ => {
                out.push(b'=');
                i += 1;
            }
        }
    }
    out
}

/// Base64, line breaks and other stray bytes passed over.
fn base64(body: &[u8]) -> Vec<u8> {
    let value = |b: u8| match b {
        b'A'..=b'Z' => Some(b - b'A'),
        b'a'..=b'z' => Some(b - b'a' + 26),
        b'0'..=b'9' => Some(b - b'0' + 52),
        b'+' | b'-' => Some(62),
        b'/' | b'_' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for &b in body {
        if b == b'=' {
            break;
        }
        let Some(v) = value(b) else { continue };
        acc = acc << 6 | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn saved(part_headers: &str, body: &str) -> Vec<u8> {
        format!(
            "From: <Saved by Blink>\r\nSnapshot-Content-Location: http://www.example.gov.cn/art/1.html\r\n\
             Subject: report\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\
             \tboundary=\"----MultipartBoundary--x1----\"\r\n\r\n\r\n------MultipartBoundary--x1----\r\n\
             {part_headers}\r\n\r\n{body}\r\n------MultipartBoundary--x1----\r\nContent-Type: image/png\r\n\
             Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------MultipartBoundary--x1------\r\n"
        )
        .into_bytes()
    }

    #[test]
    fn the_page_comes_out_of_its_encoding() {
        // 共受理申请12件 in UTF-8, quoted-printable, a soft break inside a character's bytes.
        let qp = "<p>=E5=85=B1=E5=8F=97=E7=90=86=\r\n=E7=94=B3=E8=AF=B7 12 =E4=BB=B6</p><a href=3D\"x\">";
        let qp_page = page(&saved("Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable", qp)).unwrap();
        assert_eq!(String::from_utf8(qp_page.html).unwrap(), "<p>共受理申请 12 件</p><a href=\"x\">");
        assert_eq!(qp_page.url.as_deref(), Some("http://www.example.gov.cn/art/1.html"));
        // Base64, its charset named in the part's header (IE's .mht).
        let b64 = "PHA+ubLK3MDtyerH6zwvcD4=";
        let headers = "Content-Type: text/html; charset=\"gb2312\"\r\nContent-Transfer-Encoding: base64";
        let b64_page = page(&saved(headers, b64)).unwrap();
        assert_eq!(b64_page.charset.as_deref(), Some("gb2312"));
        assert_eq!(encoding_rs::GB18030.decode(&b64_page.html).0, "<p>共受理申请</p>");
    }

    #[test]
    fn other_files_are_no_saved_page() {
        assert!(page(b"<html><body>MIME-Version: 1.0</body></html>").is_none());
        assert!(page(b"From: a\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nhello").is_none());
        // A message cut short: no part, no page, no panic.
        let whole = saved("Content-Type: text/html", "<p>x</p>");
        for cut in [40, 200, 330, whole.len() / 2] {
            let _ = page(&whole[..cut]);
        }
    }
}
