//! Text that was decoded with the wrong encoding before it was saved
//! (mojibake: `鏀垮簻淇℃伅鍏紑` for 政府信息公开).
//!
//! A scraper that trusts a page's wrong `charset`, a browser's page saved as
//! text, a page printed to PDF after such a reading: the file is valid UTF-8,
//! but its characters are those the wrong decoder made of the original bytes.
//! Where a text has none of the words every report uses, its characters are
//! turned back into the bytes they were read from, by the readings that make
//! such text (a GBK reading, whose bytes it could not read left as Latin-1
//! characters, as some converters do; a single-byte Windows-1252 or Latin-1
//! reading), and those bytes are read as UTF-8, GB18030 and Big5. A reading
//! that gives the words is taken. A GBK reading puts the pairs of the rows
//! GB2312 leaves to users (`AA`–`AF`, `F8`–`FE`: Big5's 息, 限, 公告 among
//! them) at private-use characters, in one of two orders (GB18030's, or
//! LibreOffice's GB2312: `F8`–`FE` then `AA`–`AF`, 96 to a row); both are tried
//! and the one whose text reads is kept. Characters the first decoder lost
//! (dropped by a converter) stay lost; the rest come back. What `pdftotext`
//! made of such a page's printed glyphs (marks wrapped in their cells, glyphs
//! of another font on a line of their own) is mended on the way (`printed`).

use encoding_rs::{EncoderResult, Encoding, BIG5, GB18030, GBK, UTF_8, WINDOWS_1252};

use super::decode::{common_words, has_common_words};

mod printed;
use printed::{glyphs_put_back, marks_set_in_rows, tails_joined, wrapped_tail};

/// Text read again from the bytes its characters came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Redecoded {
    pub text: String,
    /// What had been done to the text: `big5 read as gbk`, `utf-8 read as windows-1252`.
    pub how: String,
}

/// How a wrong reading made characters of bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reading {
    /// Two bytes a GBK character, a byte GBK could not read a Latin-1 character.
    Gbk,
    /// As [`Reading::Gbk`], but a pair of GB2312's user rows a private-use
    /// character in LibreOffice's order (see [`user_row_pair`]).
    Gb2312,
    /// A byte a character: Windows-1252 (Latin-1 for the bytes it leaves undefined).
    SingleByte,
}

/// Non-ASCII characters a text needs before it is taken for mojibake.
const MIN_NON_ASCII: usize = 8;

/// How well a reading reads: the common words it gives, then the fewer
/// characters it loses or makes no common character of the better.
type Rank = (usize, std::cmp::Reverse<usize>);

/// The bytes of a text its readings are tried on first: mojibake of a report
/// shows the words in its first lines.
const HEAD: usize = 64 << 10;

/// `text` read again from the bytes its characters came from, where it has none
/// of the common words and such a reading gives at least two of them (in its
/// first `HEAD` bytes).
pub fn redecoded(text: &str) -> Option<Redecoded> {
    if has_common_words(text) || text.chars().filter(|c| !c.is_ascii()).take(MIN_NON_ASCII).count() < MIN_NON_ASCII {
        return None;
    }
    let mut end = text.len().min(HEAD);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut best: Option<(Rank, Reading, &'static Encoding)> = None;
    // (A text of Latin-1 characters alone reads the same both ways: a single-byte reading made it.)
    for reading in [Reading::SingleByte, Reading::Gbk, Reading::Gb2312] {
        let Some(bytes) = bytes_of(&text[..end], reading) else { continue };
        for encoding in [UTF_8, GB18030, BIG5] {
            if reading != Reading::SingleByte && encoding == GB18030 {
                continue;
            }
            let again = read_as(&bytes, encoding);
            let rank: Rank = (common_words(&again), std::cmp::Reverse(again.chars().filter(|&c| uncommon(c)).count()));
            if rank.0 >= 2 && best.is_none_or(|(r, _, _)| rank > r) {
                best = Some((rank, reading, encoding));
            }
        }
    }
    let (_, reading, encoding) = best?;
    let set_in_rows = (encoding == BIG5).then(|| marks_set_in_rows(text)).flatten();
    let text = set_in_rows.as_deref().unwrap_or(text);
    let gbk_read = encoding == BIG5 && reading != Reading::SingleByte;
    let put_back = gbk_read.then(|| glyphs_put_back(text, reading)).flatten();
    let text = put_back.as_deref().unwrap_or(text);
    let (mut bytes, starts) = encoded(text, reading)?;
    let mut kept = Vec::new();
    if encoding == BIG5 && reading != Reading::SingleByte && !text.contains(PLACE) {
        (bytes, kept) = with_references_kept(text, &bytes, &starts);
    }
    let mut again = read_as(&bytes, encoding);
    if !kept.is_empty() {
        let mut kept = kept.into_iter();
        again = again.chars().map(|c| if c == PLACE { kept.next().unwrap_or(c) } else { c }).collect();
    }
    Some(Redecoded { text: again, how: format!("{} read as {}", name(encoding), reading.name()) })
}

/// `text` with the runs a GB2312 reading garbled read again, where the rest
/// reads: a GBK page's character beyond GB2312 (埇 `88AC`, 鄠 `E082`, 栟
/// `96DE`) so read leaves its first byte a Latin-1 character (`\u{88}`, `à`)
/// and may pair the bytes after it wrong up to one it cannot pair
/// (`\u{88}\u{e387}徘\u{e028}嗣裾\u{e258}®` for 埇桥区人民政府). A run that
/// holds a C1 control or a private-use character of GB2312's user rows
/// (neither of which a report's text holds) is turned back into its bytes from
/// the Latin-1 character that starts it and read as GBK, a space `pdftotext`
/// put within a pair dropped; it is kept where every byte pairs into a
/// character that is not private-use. `None` where no run is read again.
pub fn runs_mended(text: &str) -> Option<Redecoded> {
    // (Their UTF-8 starts `C2 80`–`C2 9F` or `EE 80`–`EE 93`: looked for bytewise first.)
    let bytes = text.as_bytes();
    let starts_one = |at: usize| match (bytes[at], bytes.get(at + 1)) {
        (0xc2, Some(b)) => (0x80..=0x9f).contains(b),
        (_, Some(b)) => (0x80..=0x93).contains(b),
        _ => false,
    };
    if !memchr::memchr2_iter(0xc2, 0xee, bytes).any(starts_one) || !text.chars().any(marks_a_run) {
        return None;
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let (mut done, mut runs) = (0, 0);
    let mut i = 0;
    while i < chars.len() {
        if !marks_a_run(chars[i]) {
            i += 1;
            continue;
        }
        let mut from = i;
        while from > done && in_run(chars[from - 1]) {
            from -= 1;
        }
        let mut end = i + 1;
        let spaced = |at: usize| chars[at] == ' ' && chars.get(at + 1).is_some_and(|&c| in_run(c));
        while end < chars.len() && (in_run(chars[end]) || spaced(end)) {
            end += 1;
        }
        // (The run starts at a byte left alone: the first such that reads.)
        let starts = (from..=i).filter(|&s| ('\u{80}'..='\u{ff}').contains(&chars[s]));
        if let Some((start, again)) = starts.map(|s| (s, gbk_again(&chars[s..end]))).find(|r| r.1.is_some()) {
            out.extend(&chars[done..start]);
            out.push_str(&again.unwrap_or_default());
            (done, runs) = (end, runs + 1);
        }
        i = end;
    }
    if runs == 0 {
        return None;
    }
    out.extend(&chars[done..]);
    let how = match runs {
        1 => "a run of gbk read as gb2312".to_string(),
        _ => format!("{runs} runs of gbk read as gb2312"),
    };
    Some(Redecoded { text: out, how })
}

/// A character that a GB2312 reading of GBK makes and a report's text does
/// not hold: a C1 control, a private-use character of a user row.
fn marks_a_run(c: char) -> bool {
    ('\u{80}'..='\u{9f}').contains(&c) || user_row_pair(c).is_some()
}

/// A character a GB2312 reading makes of GBK's bytes: a Latin-1 one (a byte
/// alone), one of GB2312's, or a private-use one of its user rows.
fn in_run(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    if ('\u{80}'..='\u{ff}').contains(&c) || user_row_pair(c).is_some() {
        return true;
    }
    let mut one = [0u8; 4];
    let (bytes, _, bad) = GBK.encode(c.encode_utf8(&mut one));
    !bad && bytes.len() == 2 && bytes.iter().all(|&b| b >= 0xa1)
}

/// `run` (characters [`in_run`] and spaces) read again from its bytes (as
/// LibreOffice's GB2312 reading made it of them) as GBK, a space within a pair
/// put after it; `None` where a byte does not pair or a pair reads as no
/// character or a private-use one.
fn gbk_again(run: &[char]) -> Option<String> {
    let run: String = run.iter().collect();
    let bytes = bytes_of(&run, Reading::Gb2312)?;
    let mut out = String::with_capacity(run.len());
    let (mut lead, mut spaces) = (None, 0);
    for b in bytes {
        match (lead.take(), b) {
            (None, b' ') => out.push(' '),
            (Some(first), b' ') => (lead, spaces) = (Some(first), spaces + 1),
            (None, _) => lead = Some(b),
            (Some(first), _) => {
                let pair = [first, b];
                let read = GBK.decode_without_bom_handling_and_without_replacement(&pair)?;
                let mut read = read.chars();
                let c = read.next().filter(|&c| !uncommon(c) && !c.is_ascii() && read.next().is_none())?;
                out.push(c);
                out.extend(std::iter::repeat_n(' ', std::mem::take(&mut spaces)));
            }
        }
    }
    lead.is_none().then_some(out)
}

/// What stands in the bytes for a character kept as printed (see
/// [`with_references_kept`]) until they are read: a control character that
/// mojibake does not hold (a text that does is not looked at so).
const PLACE: char = '\u{1a}';

/// The bytes of a Big5 page's text read as GBK (`bytes`, character `i`'s from
/// `starts[i]`), with the characters the page held as numeric references kept
/// as printed: a Big5 page holds a character Big5 has not (罚, a simplified
/// character a mirror's conversion missed) as `&#32602;`, which the first
/// reading read right, amid the mojibake of the rest. Such a character, one of
/// GB2312's, is kept where it makes more words of the reports' (a template's
/// label, a division's or a department's name) with its neighbours read from
/// Big5 than the Big5 reading of its bytes makes (`行政處楠`: 处罚, no 处楠;
/// `水陬鎮`: 水车 and 车镇, where 息陬镇 makes 陬镇 one), or where Big5 reads its
/// bytes as nothing. Returns the bytes, each kept character's a [`PLACE`], and
/// the characters kept.
fn with_references_kept(text: &str, bytes: &[u8], starts: &[u32]) -> (Vec<u8>, Vec<char>) {
    let mut out = Vec::with_capacity(bytes.len());
    let mut kept = Vec::new();
    let mut kept_last: Option<(usize, char)> = None;
    let mut from = 0;
    for (i, c) in text.chars().enumerate() {
        let (at, end) = (starts[i] as usize, starts[i + 1] as usize);
        if !('\u{4e00}'..='\u{9fff}').contains(&c) || end != at + 2 || encodes_in_big5(c) {
            continue;
        }
        // (Bytes Big5 reads as nothing: the character was printed as itself.)
        let read = big5_char(bytes.get(at..end));
        // (Its neighbours a space apart too, as `pdftotext` spaces mojibake's glyphs.)
        let gap_before = usize::from(at > 0 && bytes[at - 1] == b' ');
        let gap_after = usize::from(bytes.get(end) == Some(&b' '));
        // (The character before kept as printed itself: that one.)
        let before = match kept_last {
            Some((kept_end, k)) if kept_end + gap_before == at => Some(k),
            _ => (at - gap_before).checked_sub(2).and_then(|b| big5_char(bytes.get(b..b + 2))),
        };
        let after = big5_char(bytes.get(end + gap_after..end + gap_after + 2));
        let words = |c: char| {
            usize::from(before.is_some_and(|b| is_word(b, c))) + usize::from(after.is_some_and(|a| is_word(c, a)))
        };
        if read.is_none_or(|read| words(c) > words(read)) {
            out.extend_from_slice(&bytes[from..at]);
            out.push(PLACE as u8);
            kept.push(c);
            kept_last = Some((end, c));
            from = end;
        }
    }
    out.extend_from_slice(&bytes[from..]);
    (out, kept)
}

/// The character Big5 reads a pair as (folded to its simplified form); `None`
/// for no pair or no character.
fn big5_char(pair: Option<&[u8]>) -> Option<char> {
    let pair = pair.filter(|p| p.len() == 2 && p[0] >= 0x81)?;
    let (read, bad) = BIG5.decode_without_bom_handling(pair);
    let c = read.chars().next().filter(|_| !bad && read.chars().count() == 1)?;
    Some(crate::normalize::fold_char(c))
}

/// Whether Big5 has a code for `c`.
fn encodes_in_big5(c: char) -> bool {
    let mut encoder = BIG5.new_encoder();
    let (mut one, mut out) = ([0u8; 4], [0u8; 8]);
    let (result, _, _) = encoder.encode_from_utf8_without_replacement(c.encode_utf8(&mut one), &mut out, true);
    result == EncoderResult::InputEmpty
}

/// Whether two characters are a word of the reports': two neighbours in a
/// template's label or cue, a division's name or a department's.
fn is_word(a: char, b: char) -> bool {
    static WORDS: std::sync::LazyLock<rustc_hash::FxHashSet<(char, char)>> = std::sync::LazyLock::new(|| {
        use crate::template;
        let requests =
            template::REQUEST_ROWS.iter().flat_map(|r| std::iter::once(r.label).chain(r.cues.iter().copied()));
        let disclosures = template::DISCLOSURE_BLOCKS.iter().flat_map(|b| {
            let items = b.items.iter().flat_map(|i| std::iter::once(i.1).chain(i.2.iter().copied()));
            b.columns.iter().map(|c| c.label).chain(items)
        });
        let heads = [template::APPLICANT_LABELS, template::LITIGATION_OUTCOME_LABELS, template::LITIGATION_ANCHORS];
        let table = crate::region::table();
        let mut words: Vec<&str> = requests.chain(disclosures).chain(heads.into_iter().flatten().copied()).collect();
        words.extend(table.all().map(|d| d.name));
        words.extend(table.township_names());
        words.extend(crate::extract::meta::DEPARTMENTS.iter().chain(crate::extract::meta::CENTRAL_BODIES));
        let mut pairs = rustc_hash::FxHashSet::with_capacity_and_hasher(words.len() * 3, Default::default());
        pairs.extend(words.iter().flat_map(|w| w.chars().zip(w.chars().skip(1))));
        pairs
    });
    WORDS.contains(&(a, b))
}

impl Reading {
    fn name(self) -> &'static str {
        match self {
            Reading::Gbk => "gbk",
            Reading::Gb2312 => "gb2312",
            Reading::SingleByte => "windows-1252",
        }
    }
}

fn name(encoding: &'static Encoding) -> String {
    encoding.name().to_ascii_lowercase()
}

/// The bytes a wrong `reading` made `text`'s characters of; `None` where the
/// text has characters that reading cannot make (a single-byte reading makes
/// no Chinese). A character the first decoder put for bytes it could not read
/// (U+FFFD) becomes `?`.
fn bytes_of(text: &str, reading: Reading) -> Option<Vec<u8>> {
    encoded(text, reading).map(|(bytes, _)| bytes)
}

/// [`bytes_of`], with where each character's bytes start (and their end).
fn encoded(text: &str, reading: Reading) -> Option<(Vec<u8>, Vec<u32>)> {
    let mut out = Vec::with_capacity(text.len());
    let mut starts = Vec::with_capacity(text.len() + 1);
    let mut encoder = match reading {
        Reading::Gbk | Reading::Gb2312 => GBK.new_encoder(),
        Reading::SingleByte => WINDOWS_1252.new_encoder(),
    };
    let mut one = [0u8; 4];
    let mut bytes = [0u8; 8];
    for c in text.chars() {
        starts.push(out.len() as u32);
        if (c as u32) < 0x100 {
            // ASCII, and the Latin-1 characters that stand for bytes read as themselves.
            out.push(c as u32 as u8);
            continue;
        }
        if reading == Reading::Gb2312 {
            if let Some(pair) = user_row_pair(c) {
                out.extend_from_slice(&pair);
                continue;
            }
        }
        let (result, _, written) =
            encoder.encode_from_utf8_without_replacement(c.encode_utf8(&mut one), &mut bytes, false);
        match result {
            EncoderResult::InputEmpty if written > 0 => out.extend_from_slice(&bytes[..written]),
            _ if c == '\u{fffd}' => out.push(b'?'),
            _ if reading == Reading::SingleByte => return None,
            _ => out.push(b'?'),
        }
    }
    starts.push(out.len() as u32);
    Some((out, starts))
}

/// `bytes` read as `encoding`, Big5 mended where the first reading's text
/// lost its pairs' shape:
/// - a pair split (a space or line end put between a character made of the
///   first byte and the ASCII letter of the second, as `pdftotext` does between
///   glyphs of different widths, or between two characters each made of one of
///   its bytes and a neighbour's: `慷 О` of `BFB6 A7B0`, 陽 `B6A7` among them)
///   is joined, the space after it, where its second byte is a letter, or it
///   is split by spaces alone and makes a word of the reports' with a
///   neighbour (江陽, 陽區): no Big5 first byte stands alone;
/// - a letter alone right after a pair (`總p`) lost its first byte `AD`, the
///   soft hyphen of a Latin-1 reading, which prints as nothing (`計`, `要`).
fn read_as(bytes: &[u8], encoding: &'static Encoding) -> String {
    if encoding != BIG5 {
        return encoding.decode(bytes).0.into_owned();
    }
    let trail = |b: u8| matches!(b, 0x40..=0x7e | 0xa1..=0xfe);
    let mut joined = Vec::with_capacity(bytes.len());
    let mut i = 0;
    let mut after_pair = false;
    let mut last_pair: Option<[u8; 2]> = None;
    while i < bytes.len() {
        let b = bytes[i];
        if (0x40..=0x7e).contains(&b) && after_pair && !bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            joined.extend_from_slice(&[SOFT_HYPHEN, b]);
            i += 1;
            continue;
        }
        after_pair = false;
        if b < 0x81 || b == 0xff {
            joined.push(b);
            last_pair = None;
            i += 1;
            continue;
        }
        if bytes.get(i + 1).is_some_and(|&t| trail(t)) {
            joined.extend_from_slice(&bytes[i..i + 2]);
            last_pair = Some([b, bytes[i + 1]]);
            i += 2;
            after_pair = true;
            continue;
        }
        let gap = bytes[i + 1..].iter().take_while(|b| matches!(b, b' ' | b'\n' | b'\r' | b'\t')).count();
        let spaced = |gap: usize| bytes[i + 1..i + 1 + gap].iter().all(|&b| b == b' ');
        // (A letter alone on a later line of plain text is a wrapped cell's, which [`tails_joined`] places.)
        let letter = |at: usize| (0x40..=0x7e).contains(&bytes[at]) && (spaced(gap) || !wrapped_tail(bytes, at));
        match bytes.get(i + 1 + gap) {
            Some(&t)
                if gap > 0
                    && (letter(i + 1 + gap)
                        || spaced(gap) && trail(t) && makes_a_word([b, t], last_pair, bytes.get(i + gap + 2..))) =>
            {
                joined.extend_from_slice(&[b, t]);
                joined.extend_from_slice(&bytes[i + 1..i + 1 + gap]);
                last_pair = Some([b, t]);
                i += gap + 2;
            }
            _ => {
                joined.push(b);
                last_pair = None;
                i += 1;
            }
        }
    }
    BIG5.decode(&tails_joined(joined)).0.into_owned()
}

/// Whether Big5 reads `pair` as a character that makes a word of the reports'
/// (see [`is_word`]) with the one before it (`before`'s pair) or after it
/// (`after`'s first pair, split by spaces or not).
fn makes_a_word(pair: [u8; 2], before: Option<[u8; 2]>, after: Option<&[u8]>) -> bool {
    let Some(c) = big5_char(Some(&pair)) else { return false };
    let before = before.and_then(|b| big5_char(Some(&b)));
    let after = after.and_then(|a| {
        let (&first, rest) = a.split_first()?;
        let second = rest.iter().find(|&&b| b != b' ')?;
        big5_char(Some(&[first, *second]))
    });
    before.is_some_and(|b| is_word(b, c)) || after.is_some_and(|a| is_word(c, a))
}

/// The byte a Latin-1 reading makes a soft hyphen of, which prints as nothing.
const SOFT_HYPHEN: u8 = 0xad;

/// A character a reading could not make a common one of: U+FFFD, a
/// private-use character, one beyond the Basic Multilingual Plane (where Big5's
/// Hong Kong rows put pairs read from the wrong bytes).
fn uncommon(c: char) -> bool {
    matches!(c, '\u{fffd}' | '\u{e000}'..='\u{f8ff}') || c > '\u{ffff}'
}

/// GB2312's rows left to users, in the order LibreOffice's reading numbers
/// their private-use characters from U+E000.
const USER_ROWS: [u8; 13] = [0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf];

/// The pair of a user row LibreOffice's GB2312 reading made `c` of: 96
/// characters a row, the second byte `A0`–`FF` in turn; `None` for other characters
/// and for the two ends of a row, which are no second byte.
fn user_row_pair(c: char) -> Option<[u8; 2]> {
    let at = (c as u32).checked_sub(0xe000)? as usize;
    let (row, cell) = (*USER_ROWS.get(at / 96)?, (at % 96) as u8 + 0xa0);
    (0xa1..=0xfe).contains(&cell).then_some([row, cell])
}

#[cfg(test)]
mod tests {
    use super::*;

    const SIMPLIFIED: &str = "一、总体情况\n2021年，本机关收到政府信息公开申请12件，予以公开5件。政府信息公开工作年度报告。";
    pub(super) const TRADITIONAL: &str = "一、總體情況\n2021年，本機關收到政府信息公開申請12件，予以公開5件。政府信息公開工作年度報告。";

    /// `text` encoded in `to`, read back as `from` would (lossy where it must).
    fn misread(text: &str, to: &'static Encoding, from: &'static Encoding) -> String {
        let (bytes, _, _) = to.encode(text);
        from.decode_without_bom_handling(&bytes).0.into_owned()
    }

    #[test]
    fn utf8_read_as_gbk_is_read_again() {
        let garbled = misread(SIMPLIFIED, UTF_8, GBK);
        assert!(garbled.starts_with("涓€銆佹€讳綋鎯呭喌"), "{garbled}");
        let r = redecoded(&garbled).unwrap();
        assert_eq!(r.how, "utf-8 read as gbk");
        // A character whose bytes GBK could not pair is lost, the rest come back.
        assert!(r.text.contains("本机关收到政府信息公开申请12件"), "{}", r.text);
    }

    #[test]
    fn big5_read_as_gbk_is_read_again() {
        let garbled = misread(TRADITIONAL, BIG5, GBK);
        let r = redecoded(&garbled).unwrap();
        assert_eq!((r.text.as_str(), r.how.as_str()), (TRADITIONAL, "big5 read as gbk"));
    }

    #[test]
    fn single_byte_readings_are_read_again() {
        let r = redecoded(&misread(SIMPLIFIED, UTF_8, WINDOWS_1252)).unwrap();
        assert_eq!((r.text.as_str(), r.how.as_str()), (SIMPLIFIED, "utf-8 read as windows-1252"));
        // Latin-1, as a client reads a page whose server names no charset.
        let latin1: String = SIMPLIFIED.bytes().map(char::from).collect();
        let r = redecoded(&latin1).unwrap();
        assert_eq!((r.text.as_str(), r.how.as_str()), (SIMPLIFIED, "utf-8 read as windows-1252"));
        let r = redecoded(&misread(SIMPLIFIED, GBK, WINDOWS_1252)).unwrap();
        assert_eq!((r.text.as_str(), r.how.as_str()), (SIMPLIFIED, "gb18030 read as windows-1252"));
    }

    /// Big5 bytes read as GB2312, a byte it cannot pair left as the Latin-1
    /// character of its value (as a converter that prints such a page does);
    /// pairs whose first byte is in `lost` dropped.
    fn gb2312_with_bytes(bytes: &[u8], lost: &[u8]) -> String {
        let mut out = String::new();
        let mut i = 0;
        while i < bytes.len() {
            let (b, next) = (bytes[i], bytes.get(i + 1).copied().unwrap_or(0));
            let gb2312 = |b: u8| (0xa1..=0xa9).contains(&b) || (0xb0..=0xf7).contains(&b);
            if b >= 0x80 && lost.contains(&b) && next >= 0xa1 {
                i += 2;
            } else if gb2312(b) && (0xa1..=0xfe).contains(&next) && !lost.contains(&b) {
                let (c, _, bad) = GBK.decode(&bytes[i..i + 2]);
                if bad {
                    out.push(char::from(b));
                    i += 1;
                } else {
                    out.push_str(&c);
                    i += 2;
                }
            } else {
                out.push(char::from(b));
                i += 1;
            }
        }
        out
    }

    #[test]
    fn big5_read_as_gb2312_with_its_bytes_left_as_characters() {
        let (big5, _, _) = BIG5.encode(TRADITIONAL);
        let garbled = gb2312_with_bytes(&big5, &[]);
        assert!(garbled.contains("¬F") && garbled.contains("¶}"), "{garbled}");
        let r = redecoded(&garbled).unwrap();
        assert_eq!((r.text.as_str(), r.how.as_str()), (TRADITIONAL, "big5 read as gbk"));
        // Characters a converter dropped (those of rows GB2312 leaves empty) stay lost.
        let r = redecoded(&gb2312_with_bytes(&big5, &[0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf])).unwrap();
        assert!(r.text.contains("政府") && r.text.contains("公開") && r.text.contains("申請12件"), "{}", r.text);
    }

    /// Big5 bytes printed as LibreOffice's GB2312 reading prints them: a pair
    /// of GB2312's rows its character, one of the rows left to users a
    /// private-use character in LibreOffice's order, a byte it cannot pair its
    /// Latin-1 character, the soft hyphen (`AD`) nothing.
    pub(super) fn printed_by_libreoffice(bytes: &[u8]) -> String {
        let user_rows = [0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf];
        let mut out = String::new();
        let mut i = 0;
        while i < bytes.len() {
            let (b, next) = (bytes[i], bytes.get(i + 1).copied().unwrap_or(0));
            let row = user_rows.iter().position(|&r| r == b);
            if (0xa1..=0xfe).contains(&next) && b >= 0xa1 {
                let c = match row {
                    Some(r) => char::from_u32(0xe000 + 96 * r as u32 + u32::from(next - 0xa0)),
                    None => GBK.decode_without_bom_handling_and_without_replacement(&bytes[i..i + 2])
                        .and_then(|c| c.chars().next()),
                };
                if let Some(c) = c {
                    out.push(c);
                    i += 2;
                    continue;
                }
            }
            if b != 0xad {
                out.push(char::from(b));
            }
            i += 1;
        }
        out
    }

    #[test]
    fn big5_printed_by_libreoffice_as_gb2312_is_read_again() {
        let text = "本機關收到和處理政府信息公開申請，總計12件，均在期限內答復，主要問題已改進。";
        let (big5, _, _) = BIG5.encode(text);
        let printed = printed_by_libreoffice(&big5);
        // 息 and 限 (`AEA7`, `ADAD`) printed as private-use characters; 計 and 要
        // (`AD70`, `AD6E`) as their second bytes alone.
        assert!(printed.contains("«H\u{e427}") && printed.contains("\u{e3cd}") && printed.contains("Á`p"), "{printed}");
        // `pdftotext` puts a space between the glyphs of 和's two bytes (`©M`).
        let spaced = printed.replacen("©M", "© M", 1);
        let r = redecoded(&spaced).unwrap();
        // (The space after the character, where the lines' words may be spaced.)
        let again = text.replacen("和處", "和 處", 1);
        assert_eq!((r.text.as_str(), r.how.as_str()), (again.as_str(), "big5 read as gb2312"));
        // An ASCII word after a character keeps its letters.
        let r = redecoded(&format!("{spaced}\n¬F┎ PDF")).unwrap();
        assert!(r.text.ends_with("政府 PDF"), "{}", r.text);
    }

    #[test]
    fn characters_a_big5_page_held_as_references_are_kept() {
        // 罚 and 继 are not Big5's: the page held them as `&#32602;`, `&#32487;`, which the
        // first reading read right among the mojibake of the rest.
        let big5 = |text: &str| printed_by_libreoffice(&BIG5.encode(text).0);
        let printed = format!(
            "{}罚{}继{}",
            big5("唐山市豐潤區姜家營鎮關於政府信息公開工作年度報告\n行政處"),
            big5(" 12件，結轉下年度"),
            big5("續辦理3件。")
        );
        let r = redecoded(&printed).unwrap();
        assert!(r.text.contains("行政處罚 12件") && r.text.contains("下年度继續辦理"), "{}", r.text);
        // 鎮 printed as 马, which makes a word with 關 (马关, a county) but 鎮 with 營 too: read again.
        assert!(r.text.contains("姜家營鎮關於"), "{}", r.text);
        // A department's name: 运输 (`&#36816;&#36755;`), 厅 and 证 are not Big5's either;
        // nor 车, whose bytes Big5 reads as 陬 (陬镇 is a word too, of 息陬镇), nor 润,
        // whose bytes Big5 reads as nothing.
        let printed = format!(
            "{}运输{}厅{}证{}",
            big5("富錦市交通"),
            big5("局、自治區教育"),
            big5("、中國"),
            big5("券監督管理委員會政府信息公開工作年度報告\n")
        );
        let r = redecoded(&printed).unwrap();
        assert!(r.text.contains("交通运输局、自治區教育厅、中國证券監督"), "{}", r.text);
        let printed = format!("{}车{}润{}", big5("梅縣區水"), big5("鎮、豐"), big5("區政府信息公開工作年度報告\n"));
        let r = redecoded(&printed).unwrap();
        assert!(r.text.contains("水车鎮、豐润區"), "{}", r.text);
    }

    #[test]
    fn a_big5_pair_split_by_pdftotext_s_spaces_is_joined_where_it_makes_a_word() {
        let big5 = |text: &str| BIG5.encode(text).0.into_owned();
        // 陽 (`B6A7`) split by a space, as between 慷 and О of `BFB6 A7B0`: 江陽 and 陽區 are words.
        let bytes = [big5("瀘州市江"), vec![0xb6, b' ', 0xa7], big5("區市場")].concat();
        assert_eq!(read_as(&bytes, BIG5), "瀘州市江陽 區市場");
        // So too a run of them, each split: 尼巴 and 巴鎮, of a township's name.
        let bytes = [big5("卓尼縣"), vec![0xa5, b' ', 0xa7, 0xa4, b' ', 0xda], big5("鎮")].concat();
        assert_eq!(read_as(&bytes, BIG5), "卓尼縣尼 巴 鎮");
        // A first byte alone before a cell's mark for none (`A158`): 腹 (`B8A1`) makes no word.
        let bytes = [big5("法規"), vec![0xb8, b' '], big5("——")].concat();
        assert_eq!(read_as(&bytes, BIG5), "法規\u{fffd} ——");
    }

    /// GBK bytes printed as LibreOffice's GB2312 reading prints them (see
    /// [`printed_by_libreoffice`]), a space put after the glyphs that follow one
    /// not GB2312's, as `pdftotext` spaces them.
    fn gbk_printed_as_gb2312(text: &str) -> String {
        printed_by_libreoffice(&GBK.encode(text).0)
    }

    #[test]
    fn runs_a_gb2312_reading_garbled_are_read_again_as_gbk() {
        // 埇 (`88AC`) leaves `88` alone and pairs the bytes after it wrong up to one it
        // cannot pair (`®`); 鄠 (`E082`) leaves both alone; 栟 (`96DE`) shifts the rest.
        let text = "宿州市埇桥区人民政府2021年政府信息公开工作年度报告\n西安市鄠邑区大王街道\n南通市如东县栟茶镇 2021";
        let printed = gbk_printed_as_gb2312(text);
        assert!(printed.starts_with("宿州市\u{88}\u{e387}徘\u{e028}嗣裾\u{e258}®2021") && printed.contains("à\u{82}邑"));
        assert!(printed.contains("\u{96}薏枵ò 2021"), "{printed}");
        let r = runs_mended(&printed).unwrap();
        assert_eq!((r.text.as_str(), r.how.as_str()), (text, "3 runs of gbk read as gb2312"));
        // A space within a pair (`枵 ò`) goes after it.
        let spaced = printed.replacen("枵ò", "枵 ò", 1);
        let r = runs_mended(&spaced).unwrap();
        assert!(r.text.ends_with("栟茶镇  2021"), "{}", r.text);
        // Latin-1 characters of a text that reads, no control or private-use one among them, stay.
        let text = "阿不都·热合曼，气温25°C，面积3×4米。";
        assert_eq!(runs_mended(text), None);
        assert_eq!(runs_mended(&format!("{text}\u{88}")), None);
        // Any mix of such characters is read again or left as it is, its line ends kept.
        let palette = ['\u{88}', 'à', '\u{e387}', '徘', ' ', '®', 'a', '\n', '\u{82}'];
        for n in 0..palette.len().pow(4) {
            let text: String = (0..4).map(|d| palette[n / palette.len().pow(d) % palette.len()]).collect();
            if let Some(r) = runs_mended(&text) {
                assert_ne!(r.text, text);
                assert_eq!(r.text.matches('\n').count(), text.matches('\n').count(), "{text:?}");
            }
        }
    }

    #[test]
    fn text_that_reads_is_left_alone() {
        for text in [
            SIMPLIFIED,
            TRADITIONAL,
            "Annual report on government information disclosure, 2021. Café, naïve, façade — “quoted”.",
            "本年度共办理依申请事项12件，办结率百分之百。",
            "こんにちは、今日はいい天気ですね。明日も晴れるでしょう。",
            "ÄÖÜ äöü ß — Grüße aus München, schöne Straße, übermäßig.",
        ] {
            assert_eq!(redecoded(text), None, "{text}");
        }
    }
}
