//! to_arrow: reports to Arrow record batches with the schemas of `schema`.

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int32Builder, Int64Builder, ListBuilder, StringBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::ArrowError;

use crate::report::Report;
use crate::schema::Table;

/// The rows of `table` for `reports`, in the order given.
pub fn batch(table: Table, reports: &[&Report]) -> Result<RecordBatch, ArrowError> {
    match table {
        Table::Reports => reports_batch(reports),
        Table::Requests => facts_batch(
            table,
            reports,
            |r| r.requests.iter().map(|f| (f.row, f.applicant, f.offset)).collect(),
            |r| r.requests.iter().map(|f| f.count).collect::<Vec<_>>(),
        ),
        Table::Litigation => facts_batch(
            table,
            reports,
            |r| r.litigation.iter().map(|f| (f.proceeding, f.outcome, f.offset)).collect(),
            |r| r.litigation.iter().map(|f| f.count).collect::<Vec<_>>(),
        ),
        Table::Disclosures => facts_batch(
            table,
            reports,
            |r| r.disclosures.iter().map(|f| (f.item, f.metric, f.offset)).collect(),
            |r| r.disclosures.iter().map(|f| f.value).collect::<Vec<_>>(),
        ),
    }
}

/// A value column of a fact table: counts are Int64, disclosure values Float64.
trait FactValues {
    fn into_array(values: Vec<Self>) -> ArrayRef
    where
        Self: Sized;
}

impl FactValues for i64 {
    fn into_array(values: Vec<i64>) -> ArrayRef {
        let mut b = Int64Builder::with_capacity(values.len());
        b.append_slice(&values);
        Arc::new(b.finish())
    }
}

impl FactValues for f64 {
    fn into_array(values: Vec<f64>) -> ArrayRef {
        let mut b = Float64Builder::with_capacity(values.len());
        b.append_slice(&values);
        Arc::new(b.finish())
    }
}

type Keys = Vec<(&'static str, &'static str, usize)>;

fn facts_batch<V: FactValues>(
    table: Table,
    reports: &[&Report],
    keys: impl Fn(&Report) -> Keys,
    values: impl Fn(&Report) -> Vec<V>,
) -> Result<RecordBatch, ArrowError> {
    // Sized up front: growing large buffers costs copies and fresh pages.
    let keyed: Vec<Keys> = reports.iter().map(|r| keys(r)).collect();
    let rows: usize = keyed.iter().map(Vec::len).sum();
    let id_bytes: usize = reports.iter().zip(&keyed).map(|(r, k)| r.report_id.len() * k.len()).sum();
    let key_bytes = |pick: fn(&(&str, &str, usize)) -> usize| keyed.iter().flatten().map(pick).sum::<usize>();
    let mut id = StringBuilder::with_capacity(rows, id_bytes);
    let mut k1 = StringBuilder::with_capacity(rows, key_bytes(|k| k.0.len()));
    let mut k2 = StringBuilder::with_capacity(rows, key_bytes(|k| k.1.len()));
    let mut offset = Int32Builder::with_capacity(rows);
    let mut all_values = Vec::with_capacity(rows);
    for (r, keys) in reports.iter().zip(keyed) {
        for (a, b, o) in keys {
            id.append_value(&r.report_id);
            k1.append_value(a);
            k2.append_value(b);
            offset.append_value(i32::try_from(o).unwrap_or(i32::MAX));
        }
        all_values.extend(values(r));
    }
    let columns: Vec<ArrayRef> = vec![
        Arc::new(id.finish()),
        Arc::new(k1.finish()),
        Arc::new(k2.finish()),
        V::into_array(all_values),
        Arc::new(offset.finish()),
    ];
    RecordBatch::try_new(table.schema(), columns)
}

fn reports_batch(reports: &[&Report]) -> Result<RecordBatch, ArrowError> {
    let strings = |f: &dyn Fn(&Report) -> Option<&str>| -> ArrayRef {
        let mut b = StringBuilder::new();
        for r in reports {
            b.append_option(f(r));
        }
        Arc::new(b.finish())
    };
    let lists = |f: &dyn Fn(&Report) -> Vec<String>| -> ArrayRef {
        let mut b = ListBuilder::new(StringBuilder::new());
        for r in reports {
            for s in f(r) {
                b.values().append_value(s);
            }
            b.append(true);
        }
        Arc::new(b.finish())
    };
    let mut bytes = Int64Builder::new();
    let mut year = Int32Builder::new();
    let mut published = Date32Builder::new();
    let mut identity = BooleanBuilder::new();
    let mut fees = Float64Builder::new();
    let mut traditional = BooleanBuilder::new();
    for r in reports {
        traditional.append_value(r.traditional);
        bytes.append_value(r.source_bytes);
        year.append_option(r.year);
        published.append_option(r.published.map(|d| d.days_since_epoch()));
        identity.append_option(r.identity_ok);
        fees.append_option(r.fees_yuan);
    }
    let columns: Vec<ArrayRef> = vec![
        strings(&|r| Some(&r.report_id)),
        strings(&|r| Some(&r.source_path)),
        Arc::new(bytes.finish()),
        strings(&|r| Some(&r.encoding)),
        strings(&|r| Some(r.status().as_str())),
        lists(&|r| r.issue_codes().into_iter().map(String::from).collect()),
        strings(&|r| r.duplicate_of.as_deref()),
        strings(&|r| r.title.as_deref()),
        strings(&|r| r.agency.as_deref()),
        strings(&|r| r.admin_level.as_deref()),
        strings(&|r| r.province.as_deref()),
        strings(&|r| r.city.as_deref()),
        strings(&|r| r.county.as_deref()),
        strings(&|r| r.region_code.as_deref()),
        Arc::new(year.finish()),
        Arc::new(published.finish()),
        strings(&|r| Some(r.template().as_str())),
        Arc::new(identity.finish()),
        Arc::new(fees.finish()),
        strings(&|r| r.layout),
        lists(&|r| r.issues.iter().map(|i| format!("{}: {}", i.code, i.detail)).collect()),
        strings(&|r| r.url.as_deref()),
        Arc::new(traditional.finish()),
        strings(&|r| r.agency_key.as_deref()),
    ];
    RecordBatch::try_new(Table::Reports.schema(), columns)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Date, Issue, RequestFact};

    #[test]
    fn batches_follow_the_schemas() {
        let mut r = Report { report_id: "ab".into(), source_path: "x.txt".into(), year: Some(2019), ..Report::default() };
        r.published = Date::new(2020, 1, 2);
        r.issues.push(Issue { code: "table_empty", detail: "d".into() });
        r.requests.push(RequestFact { row: "granted", applicant: "total", count: 3, offset: 7 });
        let b = batch(Table::Reports, &[&r]).unwrap();
        assert_eq!(b.num_rows(), 1);
        assert_eq!(b.schema(), Table::Reports.schema());
        let q = batch(Table::Requests, &[&r, &r]).unwrap();
        assert_eq!(q.num_rows(), 2);
        assert_eq!(batch(Table::Litigation, &[&r]).unwrap().num_rows(), 0);
    }
}
