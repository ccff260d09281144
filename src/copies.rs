//! Copies: the same report collected twice.
//!
//! Files with the same bytes have the same `report_id`; every one after the first
//! (in input order) gets `duplicate_of` and issue `duplicate`, and gives up its
//! facts, so that the fact tables hold each report once. Two different files for
//! the same agency and year are both kept: the later one (by publication date,
//! then path) is flagged `revised_copy`, naming the earlier.

use std::collections::HashMap;

use crate::report::{Report, Status};

/// Links duplicates and revised copies among `reports` (in input order).
pub fn link(reports: &mut [Report]) {
    let mut first_with_id: HashMap<String, String> = HashMap::new();
    for r in reports.iter_mut() {
        if matches!(r.status(), Status::Unreadable) && r.source_bytes == 0 {
            continue; // empty files all hash alike; they are not copies of one another
        }
        match first_with_id.get(&r.report_id) {
            Some(first_path) => {
                let detail = format!("same bytes as {first_path}");
                r.duplicate_of = Some(r.report_id.clone());
                r.requests.clear();
                r.litigation.clear();
                r.disclosures.clear();
                r.flag("duplicate", detail);
            }
            None => {
                first_with_id.insert(r.report_id.clone(), r.source_path.clone());
            }
        }
    }
    let mut by_agency_year: HashMap<(String, i32), Vec<usize>> = HashMap::new();
    for (i, r) in reports.iter().enumerate() {
        let readable = matches!(r.status(), Status::Ok | Status::Partial);
        if let (true, None, Some(agency), Some(year)) = (readable, &r.duplicate_of, &r.agency, r.year) {
            by_agency_year.entry((agency.clone(), year)).or_default().push(i);
        }
    }
    let mut groups: Vec<Vec<usize>> = by_agency_year.into_values().filter(|g| g.len() > 1).collect();
    groups.sort();
    for mut group in groups {
        group.sort_by(|&a, &b| {
            let key = |i: usize| (reports[i].published, reports[i].source_path.clone());
            key(a).cmp(&key(b))
        });
        let first = group[0];
        let (id, path) = (reports[first].report_id.clone(), reports[first].source_path.clone());
        for &later in &group[1..] {
            reports[later].flag("revised_copy", format!("another copy of this agency's report for the year: {path} ({id})"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Date, RequestFact};

    fn report(id: &str, path: &str, agency: &str, published: Option<Date>) -> Report {
        let mut r = Report {
            report_id: id.into(),
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
        assert_eq!(rs[1].duplicate_of.as_deref(), Some("a"));
        assert!(rs[1].requests.is_empty() && rs[1].has_issue("duplicate"));
        assert!(!rs[0].has_issue("revised_copy") && !rs[1].has_issue("revised_copy"));
    }

    #[test]
    fn the_later_of_two_versions_is_a_revised_copy() {
        let mut rs = vec![
            report("b", "new.txt", "甲局", Date::new(2020, 3, 1)),
            report("a", "old.txt", "甲局", Date::new(2020, 1, 15)),
            report("c", "other.txt", "乙局", None),
        ];
        link(&mut rs);
        assert!(rs[0].has_issue("revised_copy"));
        assert!(!rs[1].has_issue("revised_copy"));
        assert!(!rs[2].has_issue("revised_copy"));
    }
}
