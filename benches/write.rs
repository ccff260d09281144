//! Write throughput: reports (with their facts) to hive-partitioned Parquet.
//!
//! `cargo bench --bench write` prints reports/s (`write/reports`) and facts/s
//! (`write/facts`) for the four tables of 2,000 generated reports, partitioned
//! by year.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn reports(n: usize) -> Vec<ogi::Report> {
    let dir = tempfile::tempdir().expect("temp dir");
    let opts = ogi::gen::Options { reports: n, seed: 7, out: dir.path().to_path_buf(), error_rate: 0.03 };
    ogi::gen::generate(&opts).expect("corpus");
    let (files, _) = ogi::discover::discover(&dir.path().join("input"));
    files.iter().map(|f| ogi::extract_guarded(&ogi::load::load(f, None))).collect()
}

fn bench(c: &mut Criterion) {
    let reports = reports(2000);
    let facts: usize = reports.iter().map(|r| r.fact_count()).sum();
    let columns = vec!["year".to_string()];
    let out = tempfile::tempdir().expect("temp dir");
    let mut g = c.benchmark_group("write");
    g.sample_size(10);
    for (name, count) in [("reports", reports.len()), ("facts", facts)] {
        g.throughput(Throughput::Elements(count as u64));
        g.bench_function(name, |b| b.iter(|| black_box(ogi::write::write(out.path(), black_box(&reports), &columns).expect("write"))));
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
