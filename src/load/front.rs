//! The front matter a web clipper or a static site writes at the top of a
//! Markdown file (`---` / `title: "…"` / `published: 2021-01-20` / `source: https://…`
//! / `---`): the page's title, date and address, as a saved page's head gives
//! them. The body is read without it.

/// What a file's front matter says.
#[derive(Debug, Default, PartialEq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
}

/// How far into a file its front matter may end.
const FRONT_BYTES: usize = 8 * 1024;

/// The keys read, each with the field it fills. A clipper's `created` is the
/// day of clipping, not of the page: it is not read.
const KEYS: &[(&str, Field)] = &[
    ("title", Field::Title),
    ("published", Field::Published),
    ("date", Field::Published),
    ("pubdate", Field::Published),
    ("publish_date", Field::Published),
    ("发布日期", Field::Published),
    ("发布时间", Field::Published),
    ("source", Field::Url),
    ("url", Field::Url),
    ("link", Field::Url),
    ("原文链接", Field::Url),
];

#[derive(Clone, Copy, Debug)]
enum Field {
    Title,
    Published,
    Url,
}

/// The front matter of `text` and the text after it, where the text opens with one.
pub fn split(text: &str) -> Option<(FrontMatter, &str)> {
    let rest = text.strip_prefix("---")?;
    let rest = rest.strip_prefix("\r\n").or_else(|| rest.strip_prefix('\n'))?;
    let mut end = rest.len().min(FRONT_BYTES);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    let window = &rest[..end];
    let close = window.match_indices("---").find(|&(p, _)| p == 0 || window[..p].ends_with('\n'))?.0;
    let after = &rest[close + 3..];
    let body = after.strip_prefix("\r\n").or_else(|| after.strip_prefix('\n')).or_else(|| after.is_empty().then_some(after))?;
    let mut front = FrontMatter::default();
    for line in rest[..close].lines() {
        let Some((key, value)) = line.split_once(':').filter(|(k, _)| !k.starts_with([' ', '\t', '-'])) else {
            continue;
        };
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        let key = key.trim().to_ascii_lowercase();
        let Some(&(_, field)) = KEYS.iter().find(|(k, _)| *k == key) else { continue };
        if value.is_empty() {
            continue;
        }
        let slot = match field {
            Field::Title => &mut front.title,
            Field::Published => &mut front.published,
            Field::Url => &mut front.url,
        };
        slot.get_or_insert_with(|| value.to_string());
    }
    Some((front, body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clipper_s_front_matter() {
        let text = "---\ntitle: \"某县2020年政府信息公开工作年度报告\"\nsource: \"http://www.example.gov.cn/a.html\"\n\
                    author:\n  - \"[[某县人民政府]]\"\npublished: 2021-01-20\ncreated: 2024-05-01\ntags:\n  - \"clippings\"\n---\n\
                    一、总体情况\n";
        let (front, body) = split(text).unwrap();
        assert_eq!(front.title.as_deref(), Some("某县2020年政府信息公开工作年度报告"));
        assert_eq!(front.published.as_deref(), Some("2021-01-20"));
        assert_eq!(front.url.as_deref(), Some("http://www.example.gov.cn/a.html"));
        assert_eq!(body, "一、总体情况\n");
    }

    #[test]
    fn no_front_matter_without_both_fences() {
        assert_eq!(split("一、总体情况\n---\n"), None);
        assert_eq!(split("---\ntitle: x\n一、总体情况\n"), None);
        // A rule under a heading is no fence.
        assert_eq!(split("--- \n"), None);
        // A long file without a closing fence, cut inside a character.
        assert_eq!(split(&format!("---\n{}", "总".repeat(FRONT_BYTES))), None);
    }
}
