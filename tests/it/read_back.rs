//! Other engines read the output as one table per dataset, `year` restored.

use crate::{extract, path_str, root};

const SCRIPT: &str = r#"
import sys
import polars as pl
import pyarrow.dataset as ds

out = sys.argv[1]
for table, rows in (("reports", 5), ("requests", None), ("litigation", None), ("disclosures", None)):
    df = pl.scan_parquet(f"{out}/{table}/", hive_partitioning=True).collect()
    assert "year" in df.columns, (table, df.columns)
    assert df["year"].null_count() == 0, table
    assert set(df["year"].unique().to_list()) <= {2014, 2015, 2017, 2019}, table
    if rows is not None:
        assert df.height == rows, (table, df.height)
    t = ds.dataset(f"{out}/{table}/", format="parquet", partitioning="hive").to_table()
    assert t.num_rows == df.height and "year" in t.column_names, table
req = pl.scan_parquet(f"{out}/requests/").filter(pl.col("row") == "new_received").collect()
rep = pl.scan_parquet(f"{out}/reports/").collect()
j = req.join(rep.select("report_id", "source_path", "template"), on="report_id")
mine = j.filter(pl.col("source_path").str.starts_with("004") & (pl.col("applicant") == "total"))
assert mine["count"].to_list() == [12], mine
assert rep.schema["published"] == pl.Date and rep.schema["issues"] == pl.List(pl.String)
print("ok")
"#;

#[test]
fn polars_and_pyarrow_read_every_table_with_year() {
    if std::env::var_os("OGI_SKIP_PYTHON").is_some() {
        eprintln!("skipped: OGI_SKIP_PYTHON is set");
        return;
    }
    let out = extract(&root().join("data/samples"));
    let py = std::process::Command::new("python3")
        .args(["-c", SCRIPT, path_str(out.path())])
        .output()
        .expect("python3 runs (install requirements-dev.txt, or set OGI_SKIP_PYTHON=1)");
    assert!(
        py.status.success(),
        "python read-back failed (pip install -r requirements-dev.txt):\n{}",
        String::from_utf8_lossy(&py.stderr)
    );
}
