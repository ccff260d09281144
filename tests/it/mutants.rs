//! Damaged input: reports cut, spliced and sprinkled with the tokens the readers
//! act on (pipes, tags, numbers, headings, stray bytes) must each still come out
//! as a report row, with no panic anywhere between the bytes and the Arrow batch;
//! and a collection of them, with a damaged manifest, goes through every stage.
//!
//! `OGI_MUTANTS=200000 OGI_MUTANT_SEED=7 cargo test --release --test it mutants`
//! searches longer (the default is a few thousand damaged files, a second or
//! two); `OGI_MUTANT_DUMP=DIR` keeps the files that fail.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use ogi::gen::rng::Rng;
use ogi::load::decode;
use ogi::report::Report;
use ogi::schema::Table;

use super::{ogi_ok, path_str, root};

/// Tokens that steer the readers: layout separators, HTML that opens and closes
/// tables badly, character references out of range, numbers too large for any
/// type, template labels and headings, bytes that are not UTF-8.
const TOKENS: &[&[u8]] = &[
    b"|",
    b"||||",
    b"\n",
    b"\t",
    b" |\n",
    b"|---|---|\n",
    b"<table>",
    b"</table>",
    b"<tr>",
    b"<td>",
    b"</td>",
    b"<td colspan=\"999999\">",
    b"<td rowspan=\"0\">",
    b"<td rowspan=\"65535\" colspan=\"65535\">",
    b"<th>",
    b"<p>",
    b"<br>",
    b"<!--",
    b"-->",
    b"<script>",
    b"<select><option>",
    b"&#1114112;",
    b"&#99999999999;",
    b"&#x0;",
    b"&nbsp;",
    b"&",
    b"<",
    b"99999999999999999999999",
    b"1,234,567,890,123,456",
    b"-0",
    b"\xe5\x87\x8f45",
    b"1.5",
    b"12",
    b"0",
    "一、".as_bytes(),
    "第三部分".as_bytes(),
    "(七)总计".as_bytes(),
    "年".as_bytes(),
    "万元".as_bytes(),
    "１２３".as_bytes(),
    "\u{3000}".as_bytes(),
    "表三".as_bytes(),
    "一、本年新收政府信息公开申请数量".as_bytes(),
    "二、上年结转政府信息公开申请数量".as_bytes(),
    "四、结转下年度继续办理".as_bytes(),
    "行政复议".as_bytes(),
    "行政诉讼".as_bytes(),
    "结果维持".as_bytes(),
    "未收到".as_bytes(),
    "政府信息公开工作年度报告".as_bytes(),
    "2019年".as_bytes(),
    "發佈機構".as_bytes(),
    "- 4 -".as_bytes(),
    "第3页共10页".as_bytes(),
    b"\xff",
    b"\xc3",
    b"\xe4\xb8",
    b"\x00",
    b"\xef\xbb\xbf",
    b"\r",
];

/// The files damaged: the real samples, the fixtures, and a generated corpus of
/// `reports` with every layout.
fn originals(reports: usize, seed: u64) -> Vec<(String, Vec<u8>)> {
    let generated = tempfile::tempdir().unwrap();
    let opts = ogi::gen::Options { reports, seed, out: generated.path().to_path_buf(), error_rate: 0.03 };
    ogi::gen::generate(&opts).unwrap();
    let mut out = Vec::new();
    let dirs = [
        root().join("data/samples"),
        root().join("tests/fixtures/reports"),
        root().join("tests/fixtures/mixed/reports"),
        root().join("tests/fixtures/word/reports"),
        root().join("tests/fixtures/pdftotext/reports"),
        root().join("tests/fixtures/pdftotext_raw/reports"),
        generated.path().join("input"),
    ];
    for dir in dirs {
        for file in ogi::discover::discover(&dir).0 {
            let name = file.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            out.push((name, std::fs::read(&file.path).unwrap()));
        }
    }
    out.sort();
    out
}

/// A number from the environment (the search's length and seed), else `default`.
fn var(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// A random byte range of `len` bytes (possibly empty, possibly inside a character).
fn span(rng: &mut Rng, len: usize) -> (usize, usize) {
    let a = rng.below(len as u64 + 1) as usize;
    let b = a + rng.below((len - a) as u64 + 1).min(400) as usize;
    (a, b)
}

/// Line starts of `bytes`, the first line included.
fn line_starts(bytes: &[u8]) -> Vec<usize> {
    std::iter::once(0).chain(bytes.iter().enumerate().filter(|(_, &b)| b == b'\n').map(|(i, _)| i + 1)).collect()
}

/// One to four damages of `bytes`.
fn mutate(rng: &mut Rng, bytes: &[u8]) -> Vec<u8> {
    let mut b = bytes.to_vec();
    for _ in 0..rng.range(1, 4) {
        let len = b.len();
        match rng.below(7) {
            // Cut short anywhere, inside a character too.
            0 => b.truncate(rng.below(len as u64 + 1) as usize),
            // A stretch deleted.
            1 => {
                let (x, y) = span(rng, len);
                b.drain(x..y);
            }
            // A stretch copied elsewhere.
            2 => {
                let (x, y) = span(rng, len);
                let piece = b[x..y].to_vec();
                let at = rng.below(b.len() as u64 + 1) as usize;
                b.splice(at..at, piece);
            }
            // Tokens dropped in.
            3 | 4 => {
                for _ in 0..rng.range(1, 6) {
                    let at = rng.below(b.len() as u64 + 1) as usize;
                    b.splice(at..at, rng.pick(TOKENS).iter().copied());
                }
            }
            // Two whole lines swapped.
            5 => {
                let starts = line_starts(&b);
                let (total, ends) = (b.len(), |k: usize| starts.get(k + 1).copied());
                let line = |k: usize| starts[k]..ends(k).unwrap_or(total);
                let (i, j) = (rng.below(starts.len() as u64) as usize, rng.below(starts.len() as u64) as usize);
                let (i, j) = (i.min(j), i.max(j));
                if i != j {
                    let (li, lj) = (b[line(i)].to_vec(), b[line(j)].to_vec());
                    // The later line first, so the earlier one's place holds.
                    b.splice(line(j), li);
                    b.splice(line(i), lj);
                }
            }
            // A run of one byte, as a broken converter leaves.
            _ => {
                let at = rng.below(len as u64 + 1) as usize;
                let byte = *rng.pick(&[b'|', b' ', b'\n', b'-', b'1', b'<', 0xe3]);
                b.splice(at..at, std::iter::repeat_n(byte, rng.range(1, 300) as usize));
            }
        }
    }
    b
}

/// Everything a file goes through before the writer: decoding, extraction and
/// the Arrow batches of every table.
fn through(name: &str, bytes: &[u8]) -> Report {
    let report = ogi::extract_guarded(&decode(name, bytes));
    for table in Table::ALL {
        ogi::to_arrow::batch(table, &[&report]).expect("a report makes an Arrow batch");
    }
    report
}

#[test]
fn damaged_files_each_make_a_report_row_without_a_panic() {
    let files = originals(60, 3);
    assert!(files.len() >= 70, "{} originals", files.len());
    let n = var("OGI_MUTANTS", 3000);
    let mut rng = Rng::new(var("OGI_MUTANT_SEED", 20_261_201));
    let mut failures = Vec::new();
    for k in 0..n {
        let (name, original) = rng.pick(&files);
        let damaged = mutate(&mut rng, original);
        let before = failures.len();
        match catch_unwind(AssertUnwindSafe(|| through(name, &damaged))) {
            Err(_) => failures.push(format!("mutant {k} of {name}: panicked")),
            Ok(r) if r.status.is_none() => failures.push(format!("mutant {k} of {name}: no status")),
            Ok(r) if r.has_issue("extract_failed") => {
                let detail = r.issues.iter().map(|i| i.detail.clone()).collect::<Vec<_>>().join("; ");
                failures.push(format!("mutant {k} of {name}: the extractor panicked: {detail}"));
            }
            Ok(_) => {}
        }
        // OGI_MUTANT_DUMP=DIR keeps the files that failed, to read them with `ogi show`.
        if let (true, Some(dir)) = (failures.len() > before, std::env::var_os("OGI_MUTANT_DUMP")) {
            std::fs::write(Path::new(&dir).join(format!("mutant-{k}-{name}")), &damaged).unwrap();
        }
    }
    assert!(failures.is_empty(), "{} of {n} damaged files failed:\n{}", failures.len(), failures[..failures.len().min(20)].join("\n"));
}

#[test]
fn a_damaged_collection_goes_through_every_stage() {
    let files = originals(40, 5);
    let input = tempfile::tempdir().unwrap();
    let mut rng = Rng::new(var("OGI_MUTANT_SEED", 20_261_202));
    let n = 300;
    for k in 0..n {
        let (name, original) = rng.pick(&files);
        // Years, copies and odd names spread over folders, as collected.
        let dir = input.path().join(format!("{}", k % 7));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{k}-{name}")), mutate(&mut rng, original)).unwrap();
    }
    // A manifest, damaged too: its rows name some of the files.
    let manifest: String = std::iter::once("path,url,agency,published,year\n".to_string())
        .chain((0..n).step_by(3).map(|k| format!("{}/{k}-x.txt,https://example.gov.cn/{k},某县人民政府,2020-0{}-01,20{k}\n", k % 7, k % 9)))
        .collect();
    std::fs::write(input.path().join("manifest.csv"), mutate(&mut rng, manifest.as_bytes())).unwrap();
    let out = tempfile::tempdir().unwrap();
    let (_, stderr) = ogi_ok(&["run", "--input", path_str(input.path()), "--out", path_str(out.path())]);
    assert!(stderr.contains(&format!("{n} files: ")), "{stderr}");
    let reports = ogi::dataset::read_table(out.path(), "reports").unwrap();
    assert_eq!(reports.len(), n as usize, "one row per file");
    assert!(reports.iter().all(|r| r["status"].is_string()));
    assert!(out.path().join("summary/year.csv").exists());
}
