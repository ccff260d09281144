//! Word's list numbering (`word/numbering.xml`): the numerals a list draws
//! before its items (`三、`, `(二)`, `1.`), which the paragraphs' text does not
//! hold. A paragraph names its list and level (`w:numPr`); the list's level
//! gives the numeral's format, the text around it and where counting starts.

use rustc_hash::FxHashMap as HashMap;

use super::docx::{attribute, tags, value};

/// The most levels a list has.
const LEVELS: usize = 9;

/// A level of a list: where it starts, how its numeral is written, and the
/// label's text with `%1`…`%9` for the numerals of the levels.
#[derive(Clone, Debug, Default)]
struct Level {
    start: i64,
    format: String,
    text: String,
}

/// The lists of a document and how far each has counted.
#[derive(Debug, Default)]
pub struct Numbering {
    /// A list (`w:num`) to the definition it uses (`w:abstractNum`).
    lists: HashMap<String, String>,
    levels: HashMap<String, Vec<Level>>,
    /// Each definition's counters: lists that share one count on together.
    counters: HashMap<String, [Option<i64>; LEVELS]>,
    /// The list and level a paragraph style numbers its paragraphs with.
    styles: HashMap<String, (String, Option<usize>)>,
}

impl Numbering {
    /// Reads `numbering.xml`.
    pub fn parse(xml: &str) -> Numbering {
        let mut out = Numbering::default();
        let (mut definition, mut list, mut level): (Option<String>, Option<String>, Option<usize>) = (None, None, None);
        for (name, closing, tag) in tags(xml) {
            match (name, closing) {
                ("w:abstractNum", false) => definition = attribute(tag, "w:abstractNumId").map(str::to_string),
                ("w:abstractNum", true) => definition = None,
                ("w:num", false) => list = attribute(tag, "w:numId").map(str::to_string),
                ("w:num", true) => list = None,
                ("w:abstractNumId", false) => {
                    if let (Some(l), Some(d)) = (&list, value(tag)) {
                        out.lists.insert(l.clone(), d.to_string());
                    }
                }
                ("w:lvl", false) => level = attribute(tag, "w:ilvl").and_then(|v| v.parse().ok()).filter(|&l| l < LEVELS),
                ("w:lvl", true) => level = None,
                ("w:start" | "w:numFmt" | "w:lvlText", false) => {
                    let (Some(d), Some(l)) = (&definition, level) else { continue };
                    let levels = out.levels.entry(d.clone()).or_insert_with(|| vec![Level { start: 1, ..Level::default() }; LEVELS]);
                    let v = value(tag).unwrap_or("");
                    match name {
                        "w:start" => levels[l].start = v.parse().unwrap_or(1),
                        "w:numFmt" => levels[l].format = v.to_string(),
                        _ => levels[l].text = v.to_string(),
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// Reads the lists paragraph styles number with from `styles.xml`.
    pub fn read_styles(&mut self, xml: &str) {
        let (mut style, mut list, mut level): (Option<&str>, Option<&str>, Option<usize>) = (None, None, None);
        for (name, closing, tag) in tags(xml) {
            match (name, closing) {
                ("w:style", false) => (style, list, level) = (attribute(tag, "w:styleId"), None, None),
                ("w:numId", false) => list = value(tag).filter(|&id| id != "0"),
                ("w:ilvl", false) => level = value(tag).and_then(|v| v.parse().ok()),
                ("w:style", true) => {
                    if let (Some(s), Some(l)) = (style, list) {
                        self.styles.insert(s.to_string(), (l.to_string(), level));
                    }
                    style = None;
                }
                _ => {}
            }
        }
    }

    /// The list and level paragraphs of style `style` are numbered with.
    pub fn style_list(&self, style: &str) -> Option<(String, Option<usize>)> {
        self.styles.get(style).cloned()
    }

    /// The label of the next item of list `list` at level `level`, counted.
    pub fn next(&mut self, list: &str, level: usize) -> Option<String> {
        let definition = self.lists.get(list)?;
        let levels = self.levels.get(definition)?;
        let this = levels.get(level)?;
        if matches!(this.format.as_str(), "bullet" | "none") {
            return None;
        }
        let counters = self.counters.entry(definition.clone()).or_default();
        counters[level] = Some(counters[level].map_or(this.start, |n| n + 1));
        counters[level + 1..].fill(None);
        let mut label = this.text.clone();
        for (k, l) in levels.iter().enumerate().take(level + 1).rev() {
            let placeholder = format!("%{}", k + 1);
            if label.contains(&placeholder) {
                label = label.replace(&placeholder, &numeral(counters[k].unwrap_or(l.start), &l.format));
            }
        }
        Some(label)
    }
}

/// `n` written in a list's format.
fn numeral(n: i64, format: &str) -> String {
    const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
    const STEMS: &str = "甲乙丙丁戊己庚辛壬癸";
    let letters = |base: u8| {
        let k = (n.max(1) - 1) as usize;
        char::from(base + (k % 26) as u8).to_string().repeat(k / 26 + 1)
    };
    match format {
        "chineseCounting" | "chineseCountingThousand" | "japaneseCounting" | "ideographDigital" | "taiwaneseCounting" => {
            chinese(n, "〇一二三四五六七八九", "十")
        }
        "chineseLegalSimplified" => chinese(n, "零壹贰叁肆伍陆柒捌玖", "拾"),
        "ideographTraditional" => STEMS.chars().nth((n.max(1) as usize - 1) % 10).map_or(String::new(), String::from),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            CIRCLED.chars().nth(n as usize - 1).map_or(String::new(), String::from)
        }
        "upperLetter" => letters(b'A'),
        "lowerLetter" => letters(b'a'),
        "upperRoman" => roman(n),
        "lowerRoman" => roman(n).to_lowercase(),
        "decimalZero" if n < 10 => format!("0{n}"),
        _ => n.to_string(),
    }
}

/// 1-99 in Chinese numerals (`十一`, `二十`); past that, digit by digit.
fn chinese(n: i64, digits: &str, ten: &str) -> String {
    let d: Vec<char> = digits.chars().collect();
    let digit = |k: i64| d[(k % 10) as usize].to_string();
    match n {
        0..=9 => digit(n),
        10..=19 => format!("{ten}{}", if n > 10 { digit(n % 10) } else { String::new() }),
        20..=99 => format!("{}{ten}{}", digit(n / 10), if n % 10 > 0 { digit(n % 10) } else { String::new() }),
        _ => n.to_string().chars().filter_map(|c| c.to_digit(10)).map(|k| digit(k as i64)).collect(),
    }
}

fn roman(mut n: i64) -> String {
    let mut out = String::new();
    for (v, s) in [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = "<w:numbering>\
        <w:abstractNum w:abstractNumId=\"3\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>\
        <w:lvlText w:val=\"%1、\"/></w:lvl><w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/>\
        <w:lvlText w:val=\"(%2)\"/></w:lvl><w:lvl w:ilvl=\"2\"><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%3\"/></w:lvl>\
        </w:abstractNum><w:abstractNum w:abstractNumId=\"4\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/>\
        <w:lvlText w:val=\"•\"/></w:lvl></w:abstractNum>\
        <w:num w:numId=\"1\"><w:abstractNumId w:val=\"3\"/></w:num><w:num w:numId=\"2\"><w:abstractNumId w:val=\"4\"/></w:num>\
        </w:numbering>";

    #[test]
    fn items_count_level_by_level() {
        let mut n = Numbering::parse(NUMBERING);
        let labels: Vec<Option<String>> = [(0, "1"), (1, "1"), (1, "1"), (0, "1"), (1, "1"), (2, "1"), (0, "2"), (0, "9")]
            .iter()
            .map(|&(level, list)| n.next(list, level))
            .collect();
        let want = ["一、", "(一)", "(二)", "二、", "(一)", "二.1"].map(|s| Some(s.to_string()));
        assert_eq!(labels[..6], want);
        // A bulleted list draws no numeral; a list not defined, none either.
        assert_eq!(labels[6..], [None, None]);
    }

    #[test]
    fn styles_number_their_paragraphs() {
        let mut n = Numbering::parse(NUMBERING);
        n.read_styles(
            "<w:styles><w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/><w:pPr><w:numPr>\
             <w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style><w:style w:styleId=\"2\"><w:pPr><w:numPr><w:ilvl w:val=\"1\"/>\
             <w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style><w:style w:styleId=\"a\"><w:pPr/></w:style></w:styles>",
        );
        assert_eq!(n.style_list("1"), Some(("1".to_string(), None)));
        assert_eq!(n.style_list("2"), Some(("1".to_string(), Some(1))));
        assert_eq!(n.style_list("a"), None);
    }

    #[test]
    fn numerals_in_their_formats() {
        assert_eq!(numeral(11, "chineseCounting"), "十一");
        assert_eq!(numeral(20, "chineseCounting"), "二十");
        assert_eq!(numeral(3, "chineseLegalSimplified"), "叁");
        assert_eq!(numeral(2, "ideographTraditional"), "乙");
        assert_eq!(numeral(3, "decimalEnclosedCircle"), "③");
        assert_eq!(numeral(28, "upperLetter"), "BB");
        assert_eq!(numeral(14, "lowerRoman"), "xiv");
        assert_eq!(numeral(7, "decimal"), "7");
    }
}
