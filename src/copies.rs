//! Copies: the same report collected twice.
//!
//! Files with the same bytes have the same `report_id`; every one after the first
//! (in input order) gets `duplicate_of` and issue `duplicate`, and gives up its
//! facts, so that the fact tables hold each report once. Two different files for
//! the same agency and year are both kept: the later one (by publication date,
//! then path) is flagged `revised_copy`, naming the earlier. The same agency is
//! the same `agency_key`, its place's code with its name: the many towns called
//! 城关镇, or the 鼓楼区 of Nanjing and of Fuzhou, are each their own.
//!
//! A run sees its reports a batch at a time and never holds them all, so
//! [`Copies`] keeps a compact index of what it has seen: 16 bytes per distinct
//! file and about 40 per report with an agency and year. Duplicates are marked as
//! their batch passes (the first copy always comes in an earlier or the same
//! batch); revised copies can only be known once every report has been seen, so
//! they come out at the end as [`Revised`] flags for the writer to apply.

use rustc_hash::FxHashMap as HashMap;

use crate::report::{Date, Report, Status};

/// A `revised_copy` flag decided at the end of a run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Revised {
    /// The flagged report's `source_path`.
    pub source_path: String,
    pub detail: String,
}

pub const REVISED_COPY: &str = "revised_copy";

/// One readable report with an agency and a year.
#[derive(Clone, Copy)]
struct Version {
    agency: u32,
    year: i32,
    published: Option<Date>,
    /// Ordinal of the file in input order.
    file: u32,
    id: u128,
}

/// What has been seen of a run's reports, in input order.
#[derive(Default)]
pub struct Copies {
    /// `report_id` → ordinal of the first file with those bytes.
    first_with_id: HashMap<u128, u32>,
    agencies: HashMap<Box<str>, u32>,
    versions: Vec<Version>,
}

impl Copies {
    /// Marks the duplicates in `batch`, whose first report is the input's file
    /// number `first`, and remembers its reports for the revision check. Batches
    /// must come in input order; `path` gives the `source_path` of an earlier
    /// file by its number.
    pub fn observe(&mut self, batch: &mut [Report], first: usize, path: impl Fn(usize) -> String) {
        for (i, r) in batch.iter_mut().enumerate() {
            let ordinal = u32::try_from(first + i).unwrap_or(u32::MAX);
            if matches!(r.status(), Status::Unreadable) && r.source_bytes == 0 {
                continue; // empty files all hash alike; they are not copies of one another
            }
            let id = crate::load::report_id_bits(&r.report_id);
            if let Some(&earlier) = self.first_with_id.get(&id) {
                let detail = format!("same bytes as {}", path(earlier as usize));
                r.duplicate_of = Some(r.report_id.clone());
                r.requests.clear();
                r.litigation.clear();
                r.disclosures.clear();
                r.flag("duplicate", detail);
                continue;
            }
            self.first_with_id.insert(id, ordinal);
            let readable = matches!(r.status(), Status::Ok | Status::Partial);
            let agency = r.agency_key.as_ref().or(r.agency.as_ref());
            if let (true, Some(agency), Some(year)) = (readable, agency, r.year) {
                let next = self.agencies.len() as u32;
                let agency = *self.agencies.entry(agency.as_str().into()).or_insert(next);
                self.versions.push(Version { agency, year, published: r.published, file: ordinal, id });
            }
        }
    }

    /// The revised copies among everything observed, in input order. `path`
    /// gives the `source_path` of a file by its ordinal.
    pub fn revised(&self, path: impl Fn(usize) -> String) -> Vec<Revised> {
        let mut versions = self.versions.clone();
        versions.sort_by(|a, b| {
            let key = |v: &Version| (v.agency, v.year, v.published);
            key(a).cmp(&key(b)).then_with(|| path(a.file as usize).cmp(&path(b.file as usize)))
        });
        let mut flags: Vec<(u32, Revised)> = Vec::new();
        for group in versions.chunk_by(|a, b| (a.agency, a.year) == (b.agency, b.year)) {
            let first = &group[0];
            let (first_path, first_id) = (path(first.file as usize), format!("{:032x}", first.id));
            for later in &group[1..] {
                let detail = format!("another copy of this agency's report for the year: {first_path} ({first_id})");
                flags.push((later.file, Revised { source_path: path(later.file as usize), detail }));
            }
        }
        flags.sort_by_key(|(file, _)| *file);
        flags.into_iter().map(|(_, r)| r).collect()
    }
}

/// Links duplicates and revised copies among `reports` held together (in input order).
pub fn link(reports: &mut [Report]) {
    let mut copies = Copies::default();
    let paths: Vec<String> = reports.iter().map(|r| r.source_path.clone()).collect();
    copies.observe(reports, 0, |i| paths[i].clone());
    for flag in copies.revised(|i| paths[i].clone()) {
        if let Some(r) = reports.iter_mut().find(|r| r.source_path == flag.source_path) {
            r.flag(REVISED_COPY, flag.detail);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::RequestFact;

    fn report(bytes: &str, path: &str, agency: &str, published: Option<Date>) -> Report {
        let mut r = Report {
            report_id: crate::load::report_id(bytes.as_bytes()),
            source_path: path.into(),
            source_bytes: 10,
            agency: Some(agency.into()),
            year: Some(2019),
            published,
            status: Some(Status::Ok),
            ..Report::default()
        };
        r.requests.push(RequestFact { row: "new_received", applicant: "total", count: 3, offset: 0 });
        r
    }

    #[test]
    fn same_bytes_are_duplicates_without_facts() {
        let mut rs = vec![report("a", "x.txt", "甲局", None), report("a", "y/x.txt", "甲局", None)];
        link(&mut rs);
        assert_eq!(rs[0].duplicate_of, None);
        assert_eq!(rs[1].duplicate_of.as_deref(), Some(rs[0].report_id.as_str()));
        assert!(rs[1].requests.is_empty() && rs[1].has_issue("duplicate"));
        assert!(!rs[0].has_issue(REVISED_COPY) && !rs[1].has_issue(REVISED_COPY));
    }

    #[test]
    fn the_later_of_two_versions_is_a_revised_copy() {
        let mut rs = vec![
            report("b", "new.txt", "甲局", Date::new(2020, 3, 1)),
            report("a", "old.txt", "甲局", Date::new(2020, 1, 15)),
            report("c", "other.txt", "乙局", None),
        ];
        link(&mut rs);
        assert!(rs[0].has_issue(REVISED_COPY));
        assert!(rs[0].issues[0].detail.contains(&format!("old.txt ({})", rs[1].report_id)), "{:?}", rs[0].issues);
        assert!(!rs[1].has_issue(REVISED_COPY));
        assert!(!rs[2].has_issue(REVISED_COPY));
    }

    #[test]
    fn agencies_of_one_name_in_two_places_are_two_agencies() {
        let keyed = |bytes: &str, path: &str, agency: &str, key: &str| Report {
            agency_key: Some(key.into()),
            ..report(bytes, path, agency, None)
        };
        let mut rs = vec![
            keyed("a", "fz.txt", "鼓楼区人民政府", "350102:政府"),
            keyed("b", "nj.txt", "鼓楼区人民政府", "320106:政府"),
            // One agency spelt two ways is one agency.
            keyed("c", "fz2.txt", "福州市鼓楼区政府", "350102:政府"),
        ];
        link(&mut rs);
        assert!(!rs[0].has_issue(REVISED_COPY) && !rs[1].has_issue(REVISED_COPY));
        assert!(rs[2].issues[0].detail.contains("fz.txt"), "{:?}", rs[2].issues);
    }

    #[test]
    fn batches_see_copies_in_earlier_batches() {
        let mut first = vec![report("a", "1.txt", "甲局", None), report("b", "2.txt", "乙局", None)];
        let mut second = vec![report("a", "3.txt", "甲局", None), report("c", "4.txt", "甲局", Date::new(2020, 1, 1))];
        let paths = ["1.txt", "2.txt", "3.txt", "4.txt"];
        let mut copies = Copies::default();
        copies.observe(&mut first, 0, |i| paths[i].to_string());
        copies.observe(&mut second, 2, |i| paths[i].to_string());
        assert_eq!(second[0].issues[0].detail, "same bytes as 1.txt");
        assert!(!second[1].has_issue("duplicate"));
        // Undated sorts before dated: 1.txt is the first version, 4.txt the revision.
        let revised = copies.revised(|i| paths[i].to_string());
        assert_eq!(revised.len(), 1);
        assert_eq!(revised[0].source_path, "4.txt");
    }
}
