//! Measures the region resolver on the division table itself: every prefecture
//! and county, resolved from its name alone and from its name after its city's
//! (province's for prefectures), each as official name and as short form.
//!
//! `cargo run --release --example region_accuracy`
//!
//! "right" resolves to the division's own code; "enclosing namesake" resolves to
//! the division's own parent because the query is also the parent's name (承德 is
//! 承德市 and 承德县 in it; 嘉峪关市 the prefecture and its county), as designed;
//! "refused" is left unresolved and flagged ambiguous (the right answer when
//! unrelated divisions share the name); "wrong" is any other answer.

use ogi::region::{self, short_forms, Level};

#[derive(Default)]
struct Tally {
    right: usize,
    /// The query is also the name of the division's own parent (承德 for 承德县 in
    /// 承德市): read as the parent, by design.
    enclosing: usize,
    refused: usize,
    wrong: usize,
    wrong_examples: Vec<String>,
    refused_examples: Vec<String>,
}

impl Tally {
    fn add(&mut self, query: &str, want: u32) {
        let got = region::resolve(query, "");
        let code = got.code.as_deref().and_then(|c| c.parse::<u32>().ok());
        let t = region::table();
        let encloses = code.is_some_and(|c| c != want && t.get(want).and_then(|d| d.parent).is_some_and(|p| {
            p == c || t.get(p).and_then(|d| d.parent) == Some(c)
        }));
        if code == Some(want) {
            self.right += 1;
        } else if encloses {
            self.enclosing += 1;
        } else if got.ambiguous {
            self.refused += 1;
            if self.refused_examples.len() < 4 {
                self.refused_examples.push(query.to_string());
            }
        } else {
            self.wrong += 1;
            if self.wrong_examples.len() < 8 {
                self.wrong_examples.push(format!("{query} -> {:?}", got.code));
            }
        }
    }

    fn line(&self, what: &str) -> String {
        let n = (self.right + self.enclosing + self.refused + self.wrong) as f64;
        let pct = |k: usize| 100.0 * k as f64 / n;
        format!(
            "{what:<30} n={:>5}  right {:>6.2}%  enclosing namesake {:>5.2}%  refused (ambiguous) {:>5.2}%  wrong {:>5.2}%",
            n,
            pct(self.right),
            pct(self.enclosing),
            pct(self.refused),
            pct(self.wrong)
        )
    }
}

fn main() {
    let t = region::table();
    let mut rows: Vec<(&str, Tally)> = ["official name alone", "official name with its parent", "short form alone", "short form with its parent"]
        .into_iter()
        .map(|w| (w, Tally::default()))
        .collect();
    let mut divisions: Vec<_> = t.all().filter(|d| matches!(d.level, Level::County | Level::Prefecture)).collect();
    divisions.sort_by_key(|d| d.code);
    for d in divisions {
        let parent = d.parent.and_then(|p| t.get(p)).filter(|p| p.level != Level::Placeholder);
        let parent = parent.or_else(|| d.parent.and_then(|p| t.get(p)).and_then(|p| p.parent).and_then(|g| t.get(g)));
        let parent_name = parent.map(|p| p.name).unwrap_or("");
        rows[0].1.add(d.name, d.code);
        rows[1].1.add(&format!("{parent_name}{}", d.name), d.code);
        for short in short_forms(d.name, d.level) {
            rows[2].1.add(&short, d.code);
            rows[3].1.add(&format!("{parent_name}{short}"), d.code);
        }
    }
    for (what, tally) in &rows {
        println!("{}", tally.line(what));
        for e in &tally.wrong_examples {
            println!("    wrong: {e}");
        }
        println!("    refused, e.g.: {}", tally.refused_examples.join(", "));
    }
}
