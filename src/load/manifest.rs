//! The optional manifest at the input root: what the collector knew about each
//! file (`path,url,agency,published,year`), as `manifest.csv` or `manifest.jsonl`.
//! Its values stand where it has them; the text fills the rest.

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use crate::report::Date;

/// What the manifest says of one file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Entry {
    pub url: Option<String>,
    pub agency: Option<String>,
    pub published: Option<Date>,
    pub year: Option<i32>,
}

/// The manifest's entries by path (relative to the input root, `/`-separated),
/// and the lines it could not read.
#[derive(Clone, Debug, Default)]
pub struct Manifest {
    pub entries: HashMap<String, Entry>,
    pub problems: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct Raw {
    path: Option<String>,
    url: Option<String>,
    agency: Option<String>,
    published: Option<serde_json::Value>,
    year: Option<serde_json::Value>,
}

impl Manifest {
    /// Reads `manifest.csv` or `manifest.jsonl` under `root`, if there is one.
    pub fn read(root: &Path) -> Option<Manifest> {
        let csv_path = root.join("manifest.csv");
        let jsonl_path = root.join("manifest.jsonl");
        let mut m = Manifest::default();
        if let Ok(text) = std::fs::read_to_string(&jsonl_path) {
            for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                match serde_json::from_str::<Raw>(line) {
                    Ok(raw) => m.add(raw, || format!("manifest.jsonl line {}", i + 1)),
                    Err(e) => m.problems.push(format!("manifest.jsonl line {}: {e}", i + 1)),
                }
            }
        } else if csv_path.is_file() {
            let mut reader = match csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_path(&csv_path) {
                Ok(r) => r,
                Err(e) => {
                    m.problems.push(format!("manifest.csv: {e}"));
                    return Some(m);
                }
            };
            let headers = reader.headers().cloned().unwrap_or_default();
            for (i, record) in reader.records().enumerate() {
                let line = || format!("manifest.csv row {}", i + 2);
                let record = match record {
                    Ok(r) => r,
                    Err(e) => {
                        m.problems.push(format!("{}: {e}", line()));
                        continue;
                    }
                };
                let get = |name: &str| {
                    headers.iter().position(|h| h == name).and_then(|p| record.get(p)).filter(|v| !v.is_empty()).map(String::from)
                };
                let raw = Raw {
                    path: get("path"),
                    url: get("url"),
                    agency: get("agency"),
                    published: get("published").map(serde_json::Value::from),
                    year: get("year").map(serde_json::Value::from),
                };
                m.add(raw, line);
            }
        } else {
            return None;
        }
        Some(m)
    }

    fn add(&mut self, raw: Raw, line: impl Fn() -> String) {
        let Some(path) = raw.path.map(|p| p.trim().trim_start_matches("./").replace('\\', "/")) else {
            self.problems.push(format!("{}: no path", line()));
            return;
        };
        let published = match &raw.published {
            None | Some(serde_json::Value::Null) => None,
            Some(v) => {
                let s = v.as_str().map(String::from).unwrap_or_else(|| v.to_string());
                let d = crate::extract::meta::parse_date(s.trim());
                if d.is_none() && !s.trim().is_empty() {
                    self.problems.push(format!("{}: published `{s}` is not a date", line()));
                }
                d
            }
        };
        let year = match &raw.year {
            None | Some(serde_json::Value::Null) => None,
            Some(v) => {
                let y = v.as_i64().or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()));
                if y.is_none() {
                    let shown = v.as_str().map_or_else(|| v.to_string(), String::from);
                    self.problems.push(format!("{}: year `{shown}` is not a year", line()));
                }
                y.and_then(|y| i32::try_from(y).ok())
            }
        };
        let entry = Entry { url: raw.url.filter(|u| !u.is_empty()), agency: raw.agency.filter(|a| !a.is_empty()), published, year };
        self.entries.insert(path, entry);
    }

    pub fn get(&self, path: &str) -> Option<&Entry> {
        self.entries.get(path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_and_jsonl_with_problems_reported() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("manifest.csv"),
            "path,url,agency,published,year\n./a/x.txt,http://e/x,某某县人民政府,2020-03-01,2019\nb.txt,,,,\nc.txt,,,someday,soon\n",
        )
        .unwrap();
        let m = Manifest::read(dir.path()).unwrap();
        let a = m.get("a/x.txt").unwrap();
        assert_eq!(a.agency.as_deref(), Some("某某县人民政府"));
        assert_eq!(a.year, Some(2019));
        assert_eq!(a.published, Date::new(2020, 3, 1));
        assert_eq!(m.get("b.txt"), Some(&Entry::default()));
        assert_eq!(m.problems.len(), 2, "{:?}", m.problems);

        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("manifest.jsonl"), "{\"path\": \"y.html\", \"year\": 2021}\nnot json\n").unwrap();
        let m = Manifest::read(dir.path()).unwrap();
        assert_eq!(m.get("y.html").unwrap().year, Some(2021));
        assert_eq!(m.problems.len(), 1);
        assert!(Manifest::read(tempfile::tempdir().unwrap().path()).is_none());
    }
}
