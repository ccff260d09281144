//! The command line: golden `--help` texts, the README's usage, errors.

use crate::{ogi, ogi_ok, root};

const COMMANDS: &[&str] = &["", "run", "extract", "stats", "summary", "eval", "gen", "show"];

fn golden_path(cmd: &str) -> std::path::PathBuf {
    let name = if cmd.is_empty() { "help.txt".to_string() } else { format!("help-{cmd}.txt") };
    root().join("tests/golden").join(name)
}

fn help(cmd: &str) -> String {
    let args: Vec<&str> = if cmd.is_empty() { vec!["--help"] } else { vec![cmd, "--help"] };
    ogi_ok(&args).0
}

/// Set UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change.
#[test]
fn help_texts_match_their_golden_files() {
    for cmd in COMMANDS {
        let got = help(cmd);
        let path = golden_path(cmd);
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, &got).unwrap();
        }
        let want = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(got, want, "`ogi {cmd} --help` drifted from {}; rerun with UPDATE_GOLDEN=1 if intended", path.display());
    }
}

#[test]
fn readme_shows_the_current_help() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let top = help("");
    assert!(readme.contains(top.trim_end()), "README.md does not contain the output of `ogi --help`");
}

#[test]
fn the_batch_default_in_the_help_is_the_library_default() {
    let squashed: String = help("extract").split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(squashed.contains(&format!("[default: {}]", ogi::BATCH)), "{squashed}");
}

#[test]
fn a_missing_input_is_an_error_with_its_path() {
    let out = ogi(&["extract", "--input", "/no/such/folder", "--out", "/tmp/ogi-never"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("/no/such/folder"), "{stderr}");
}

#[test]
fn a_bad_partition_column_is_refused() {
    let out = ogi(&["run", "--out", "/tmp/ogi-never", "--partition", "colour"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("colour"));
}

#[test]
fn a_missing_pipeline_file_names_the_cause_once() {
    let out = ogi(&["run", "--pipeline", "pipelines/no-such.toml", "--out", "/tmp/ogi-never"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("pipelines/no-such.toml"), "{stderr}");
    assert_eq!(stderr.matches("os error 2").count(), 1, "{stderr}");
}

#[test]
fn output_cut_short_by_its_reader_ends_quietly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("long.txt");
    // Far more than a pipe holds, so the printing outlives the reader.
    std::fs::write(&file, "本年度共受理政府信息公开申请12件。\n".repeat(20_000)).expect("write");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_ogi"))
        .args(["show", crate::path_str(&file)])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("ogi starts");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("ogi ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
}
