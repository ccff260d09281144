//! Load + extract throughput per layout, on a generated corpus.
//!
//! `cargo bench --bench extract` prints, per layout of the generator (text,
//! html, html_gbk, traditional, markdown, pipe_cells, tabs, aligned, raw), the
//! time to decode and extract all its files: reports/s in `extract_reports/…`
//! and MB/s of input in `extract_bytes/…`.

use std::collections::BTreeMap;
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

/// The files of a generated corpus by layout (from the generator's file names,
/// `000123_html_gbk.html`), as (path, bytes).
fn corpus(reports: usize) -> BTreeMap<String, Vec<(String, Vec<u8>)>> {
    let dir = tempfile::tempdir().expect("temp dir");
    let opts = ogi::gen::Options { reports, seed: 7, out: dir.path().to_path_buf(), error_rate: 0.03 };
    ogi::gen::generate(&opts).expect("corpus");
    let (files, _) = ogi::discover::discover(&dir.path().join("input"));
    let mut by_layout: BTreeMap<String, Vec<(String, Vec<u8>)>> = BTreeMap::new();
    for f in files {
        let stem = f.path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let Some((_, layout)) = stem.split_once('_') else { continue };
        let bytes = std::fs::read(&f.path).expect("read");
        by_layout.entry(layout.to_string()).or_default().push((f.relative, bytes));
    }
    by_layout.retain(|layout, _| !matches!(layout.as_str(), "empty" | "binary" | "non_report" | "copy"));
    by_layout
}

fn extract_all(files: &[(String, Vec<u8>)]) -> usize {
    files.iter().map(|(path, bytes)| ogi::extract::extract(&ogi::load::decode(path, bytes)).fact_count()).sum()
}

fn bench(c: &mut Criterion) {
    let corpus = corpus(2000);
    for (group, bytes) in [("extract_reports", false), ("extract_bytes", true)] {
        let mut g = c.benchmark_group(group);
        g.sample_size(10);
        for (layout, files) in &corpus {
            g.throughput(match bytes {
                true => Throughput::Bytes(files.iter().map(|(_, b)| b.len() as u64).sum()),
                false => Throughput::Elements(files.len() as u64),
            });
            g.bench_function(layout.as_str(), |b| b.iter(|| black_box(extract_all(black_box(files)))));
        }
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
