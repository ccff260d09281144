//! Integration tests: the real `ogi` binary, run in a temporary folder per test,
//! with its Parquet read back.

mod cli;
mod eval;
mod gen;
mod inputs;
mod mutants;
mod pipeline;
mod read_back;
mod stats;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The project root (where `data/`, `pipelines/` and `tests/` are): the folder
/// cargo names as it runs the tests, so a test binary reused from a build cache
/// shared by several checkouts reads the files of the checkout under test, not
/// those of the one it was compiled in.
pub fn root() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR").map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from)
}

/// `ogi ARGS` run in the project root.
pub fn ogi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ogi")).args(args).current_dir(root()).output().expect("ogi runs")
}

/// Runs `ogi ARGS`, asserting success; returns stdout and stderr.
pub fn ogi_ok(args: &[&str]) -> (String, String) {
    let out = ogi(args);
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned());
    assert!(out.status.success(), "ogi {args:?} failed\nstdout:\n{stdout}\nstderr:\n{stderr}");
    (stdout, stderr)
}

pub fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

/// Rows of `table` as sorted JSON lines, for comparing runs whose row order differs.
pub fn sorted_rows(out: &Path, table: &str) -> Vec<String> {
    let mut rows: Vec<String> =
        ogi::dataset::read_table(out, table).unwrap().into_iter().map(|r| serde_json::Value::Object(r).to_string()).collect();
    rows.sort();
    rows
}

/// Extracts `input` into a new temporary output folder.
pub fn extract(input: &Path) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    ogi_ok(&["extract", "-q", "--input", path_str(input), "--out", path_str(out.path())]);
    out
}
