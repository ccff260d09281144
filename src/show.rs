//! Show: a report's normalised text with every extracted fact marked where it was
//! read, so a reader can audit each number against its source.

use std::fmt::Write;

use crate::report::Report;

/// The header (metadata, status, issues) and the marked text of one report.
/// Each fact appears as `⟦table/key/column=value⟧` just before the number it came
/// from (or before the empty cell that counted as zero).
pub fn render(report: &Report, text: &str) -> String {
    let mut out = String::new();
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    let _ = writeln!(out, "# {}", report.source_path);
    let _ = writeln!(out, "# report_id {}  status {}  template {}", report.report_id, report.status().as_str(), report.template().as_str());
    let _ = writeln!(
        out,
        "# title {}  agency {}  year {}  published {}",
        opt(&report.title),
        opt(&report.agency),
        report.year.map_or("-".into(), |y| y.to_string()),
        report.published.map_or("-".into(), |d| d.to_string())
    );
    let _ = writeln!(out, "# layout {}  facts {}", report.layout.unwrap_or("-"), report.fact_count());
    for issue in &report.issues {
        let _ = writeln!(out, "# issue {}: {}", issue.code, issue.detail);
    }
    out.push('\n');

    let mut marks: Vec<(usize, String)> = Vec::new();
    marks.extend(report.requests.iter().map(|f| (f.offset, format!("requests/{}/{}={}", f.row, f.applicant, f.count))));
    marks.extend(
        report.litigation.iter().map(|f| (f.offset, format!("litigation/{}/{}={}", f.proceeding, f.outcome, f.count))),
    );
    marks.extend(report.disclosures.iter().map(|f| (f.offset, format!("disclosures/{}/{}={}", f.item, f.metric, f.value))));
    marks.sort();
    let mut at = 0;
    for (offset, mark) in marks {
        let offset = offset.min(text.len());
        if !text.is_char_boundary(offset) || offset < at {
            continue;
        }
        out.push_str(&text[at..offset]);
        let _ = write!(out, "⟦{mark}⟧");
        at = offset;
    }
    out.push_str(&text[at..]);
    out
}
