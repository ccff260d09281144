//! The Arrow schemas of the four tables (SCHEMA.md). Column names are fixed by
//! the data contract; a test pins every name and type.

use std::sync::Arc;

use arrow_schema::{DataType, Field, Schema, SchemaRef};

/// The partition value of a missing key, as Spark, DuckDB and polars read it.
pub const HIVE_NULL: &str = "__HIVE_DEFAULT_PARTITION__";

/// The output tables, in the order they are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Table {
    Reports,
    Requests,
    Litigation,
    Disclosures,
}

impl Table {
    pub const ALL: [Table; 4] = [Table::Reports, Table::Requests, Table::Litigation, Table::Disclosures];

    /// The table's folder under the output root.
    pub fn name(self) -> &'static str {
        match self {
            Table::Reports => "reports",
            Table::Requests => "requests",
            Table::Litigation => "litigation",
            Table::Disclosures => "disclosures",
        }
    }

    pub fn schema(self) -> SchemaRef {
        match self {
            Table::Reports => reports(),
            Table::Requests => facts(&[("row", DataType::Utf8), ("applicant", DataType::Utf8), ("count", DataType::Int64)]),
            Table::Litigation => {
                facts(&[("proceeding", DataType::Utf8), ("outcome", DataType::Utf8), ("count", DataType::Int64)])
            }
            Table::Disclosures => facts(&[("item", DataType::Utf8), ("metric", DataType::Utf8), ("value", DataType::Float64)]),
        }
    }
}

fn string_list() -> DataType {
    DataType::List(Arc::new(Field::new("item", DataType::Utf8, true)))
}

/// Columns of `reports`: SCHEMA.md's, then the ones this project adds
/// (`layout`: the table layout read; `issue_details`: one sentence per issue;
/// `url`: from the manifest; `traditional`: the text was folded from 繁體;
/// `agency_key`: the agency as one key across years).
pub fn reports() -> SchemaRef {
    use DataType::*;
    let f = Field::new;
    Arc::new(Schema::new(vec![
        f("report_id", Utf8, false),
        f("source_path", Utf8, false),
        f("source_bytes", Int64, false),
        f("encoding", Utf8, false),
        f("status", Utf8, false),
        f("issues", string_list(), false),
        f("duplicate_of", Utf8, true),
        f("title", Utf8, true),
        f("agency", Utf8, true),
        f("admin_level", Utf8, true),
        f("province", Utf8, true),
        f("city", Utf8, true),
        f("county", Utf8, true),
        f("region_code", Utf8, true),
        f("year", Int32, true),
        f("published", Date32, true),
        f("template", Utf8, false),
        f("identity_ok", Boolean, true),
        f("fees_yuan", Float64, true),
        f("layout", Utf8, true),
        f("issue_details", string_list(), false),
        f("url", Utf8, true),
        f("traditional", Boolean, false),
        f("agency_key", Utf8, true),
    ]))
}

/// A long-format fact table: `report_id`, the key columns, the value, `offset`.
fn facts(columns: &[(&str, DataType)]) -> SchemaRef {
    let mut fields = vec![Field::new("report_id", DataType::Utf8, false)];
    fields.extend(columns.iter().map(|(name, t)| Field::new(*name, t.clone(), false)));
    fields.push(Field::new("offset", DataType::Int32, false));
    Arc::new(Schema::new(fields))
}

/// Columns of `reports` that may partition the output (their values name folders).
pub const PARTITION_COLUMNS: &[&str] = &["year", "template", "status", "admin_level", "province"];

#[cfg(test)]
mod tests {
    use super::*;

    fn pinned(t: Table) -> Vec<String> {
        t.schema().fields().iter().map(|f| format!("{}:{}:{}", f.name(), f.data_type(), f.is_nullable())).collect()
    }

    #[test]
    fn reports_columns_are_the_contract() {
        let want = [
            "report_id:Utf8:false",
            "source_path:Utf8:false",
            "source_bytes:Int64:false",
            "encoding:Utf8:false",
            "status:Utf8:false",
            "issues:List(Utf8):false",
            "duplicate_of:Utf8:true",
            "title:Utf8:true",
            "agency:Utf8:true",
            "admin_level:Utf8:true",
            "province:Utf8:true",
            "city:Utf8:true",
            "county:Utf8:true",
            "region_code:Utf8:true",
            "year:Int32:true",
            "published:Date32:true",
            "template:Utf8:false",
            "identity_ok:Boolean:true",
            "fees_yuan:Float64:true",
            "layout:Utf8:true",
            "issue_details:List(Utf8):false",
            "url:Utf8:true",
            "traditional:Boolean:false",
            "agency_key:Utf8:true",
        ];
        assert_eq!(pinned(Table::Reports), want);
    }

    #[test]
    fn fact_tables_are_the_contract() {
        let base = |k1: &str, k2: &str, v: &str| {
            vec![
                "report_id:Utf8:false".to_string(),
                format!("{k1}:Utf8:false"),
                format!("{k2}:Utf8:false"),
                v.to_string(),
                "offset:Int32:false".to_string(),
            ]
        };
        assert_eq!(pinned(Table::Requests), base("row", "applicant", "count:Int64:false"));
        assert_eq!(pinned(Table::Litigation), base("proceeding", "outcome", "count:Int64:false"));
        assert_eq!(pinned(Table::Disclosures), base("item", "metric", "value:Float64:false"));
    }

    #[test]
    fn partition_columns_exist_in_reports() {
        let s = reports();
        for c in PARTITION_COLUMNS {
            assert!(s.field_with_name(c).is_ok(), "{c}");
        }
    }
}
