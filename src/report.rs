//! The extracted report: what `extract` hands to `to_arrow`.
//!
//! One [`Report`] per input file, whatever happened to it: a file that could not be
//! read is a report with status `unreadable` and the issue codes that say why.

use crate::template::Template;

/// What became of an input file (SCHEMA.md `reports.status`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Ok,
    Partial,
    NotAReport,
    Unreadable,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Ok, Status::Partial, Status::NotAReport, Status::Unreadable];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Partial => "partial",
            Status::NotAReport => "not_a_report",
            Status::Unreadable => "unreadable",
        }
    }
}

/// A civil date (proleptic Gregorian).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days).contains(&day).then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01, as Arrow's Date32 stores them.
    pub fn days_since_epoch(self) -> i32 {
        // Howard Hinnant's days_from_civil.
        let y = if self.month <= 2 { self.year - 1 } else { self.year };
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = self.month as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i32) -> Date {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i32::from(month <= 2);
        Date { year, month, day }
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// One number of 表三 or of the prose on requests.
#[derive(Clone, Debug, PartialEq)]
pub struct RequestFact {
    pub row: &'static str,
    pub applicant: &'static str,
    pub count: i64,
    /// Byte offset of the number (or of its empty cell) in the normalised text.
    pub offset: usize,
}

/// One number of 表四 or of the prose on reconsideration and litigation.
#[derive(Clone, Debug, PartialEq)]
pub struct LitigationFact {
    pub proceeding: &'static str,
    pub outcome: &'static str,
    pub count: i64,
    pub offset: usize,
}

/// One number of 表二 or the prose total of proactive disclosure.
#[derive(Clone, Debug, PartialEq)]
pub struct DisclosureFact {
    pub item: &'static str,
    pub metric: &'static str,
    pub value: f64,
    pub offset: usize,
}

/// An issue code (SCHEMA.md, or documented in `issues.rs`) with a human-readable detail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub code: &'static str,
    pub detail: String,
}

/// Everything known about one input file.
#[derive(Clone, Debug, Default)]
pub struct Report {
    pub report_id: String,
    pub source_path: String,
    pub source_bytes: i64,
    pub encoding: String,
    pub status: Option<Status>,
    pub issues: Vec<Issue>,
    pub duplicate_of: Option<String>,
    pub title: Option<String>,
    pub agency: Option<String>,
    /// The agency as one key across years (`region::agency_key`).
    pub agency_key: Option<String>,
    pub admin_level: Option<String>,
    pub province: Option<String>,
    pub city: Option<String>,
    pub county: Option<String>,
    pub region_code: Option<String>,
    pub year: Option<i32>,
    pub published: Option<Date>,
    pub template: Option<Template>,
    /// The table layout the extractor read (`pipe_rows`, `pipe_cells`, `aligned`).
    pub layout: Option<&'static str>,
    pub identity_ok: Option<bool>,
    pub fees_yuan: Option<f64>,
    /// Byte offset of the cell a statistics table gave the fees in (its line is the table's).
    pub fees_offset: Option<usize>,
    /// Where the collector found the report (from the manifest).
    pub url: Option<String>,
    /// Whether the text was in traditional characters (folded before reading).
    pub traditional: bool,
    pub requests: Vec<RequestFact>,
    pub litigation: Vec<LitigationFact>,
    pub disclosures: Vec<DisclosureFact>,
}

impl Report {
    pub fn status(&self) -> Status {
        self.status.unwrap_or(Status::Ok)
    }

    pub fn template(&self) -> Template {
        self.template.unwrap_or(Template::Unknown)
    }

    /// Records an issue; the same issue said again is recorded once.
    pub fn flag(&mut self, code: &'static str, detail: impl Into<String>) {
        let detail = detail.into();
        if !self.issues.iter().any(|i| i.code == code && i.detail == detail) {
            self.issues.push(Issue { code, detail });
        }
    }

    pub fn unflag(&mut self, code: &str) {
        self.issues.retain(|i| i.code != code);
    }

    pub fn has_issue(&self, code: &str) -> bool {
        self.issues.iter().any(|i| i.code == code)
    }

    /// Issue codes, each once, in the order first raised.
    pub fn issue_codes(&self) -> Vec<&'static str> {
        let mut codes: Vec<&'static str> = Vec::new();
        for i in &self.issues {
            if !codes.contains(&i.code) {
                codes.push(i.code);
            }
        }
        codes
    }

    /// Drops every fact read, with the fees and the identity check on them.
    pub fn clear_facts(&mut self) {
        self.requests.clear();
        self.litigation.clear();
        self.disclosures.clear();
        (self.fees_yuan, self.fees_offset, self.identity_ok) = (None, None, None);
    }

    pub fn fact_count(&self) -> usize {
        self.requests.len() + self.litigation.len() + self.disclosures.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_through_epoch_days() {
        let d = Date::new(2015, 1, 2).unwrap();
        assert_eq!(d.days_since_epoch(), 16437);
        assert_eq!(Date::from_days_since_epoch(16437), d);
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(Date::from_days_since_epoch(-1), Date::new(1969, 12, 31).unwrap());
        assert!(Date::new(2019, 2, 29).is_none());
        assert!(Date::new(2020, 2, 29).is_some());
        assert_eq!(d.to_string(), "2015-01-02");
    }
}
