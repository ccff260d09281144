//! Where a report's time goes, by kind of report: the time to decode
//! (`load::decode`: bytes to normalised text) and to extract
//! (`extract::extract`) each file of a generated corpus, on one thread, from
//! memory, with the binary's allocator. Grouped by the generator's layout (from
//! the file names, `000123_html_gbk.html`) and by the template read.
//!
//! `cargo run --release --example layout_cost -- DIR [LAYOUT] [REPEATS]` prints
//! one line per group: files, mean µs to decode, mean µs to extract, facts a
//! report. `LAYOUT` keeps one layout (`-` for all); `REPEATS` reads the files
//! that many times (for a profiler).

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Default)]
struct Cost {
    files: u32,
    decode: Duration,
    extract: Duration,
    facts: usize,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(root) = args.first() else {
        eprintln!("usage: layout_cost DIR [LAYOUT] [REPEATS]");
        std::process::exit(2);
    };
    let only = args.get(1).filter(|l| *l != "-");
    let repeats: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(1);
    let (listed, _) = ogi::discover::discover(std::path::Path::new(root));
    let files: Vec<(String, String, Vec<u8>)> = listed
        .into_iter()
        .filter_map(|f| {
            let stem = f.path.file_stem()?.to_string_lossy().into_owned();
            let layout = stem.split_once('_').map_or("unnamed", |(_, l)| l).to_string();
            let keep = only.is_none_or(|o| *o == layout);
            Some((layout, f.relative, std::fs::read(&f.path).ok()?)).filter(|_| keep)
        })
        .collect();
    let mut costs: BTreeMap<String, Cost> = BTreeMap::new();
    for _ in 0..repeats {
        for (layout, path, bytes) in &files {
            let start = Instant::now();
            let doc = ogi::load::decode(path, bytes);
            let decoded = Instant::now();
            let report = ogi::extract::extract(&doc);
            let done = Instant::now();
            for group in ["all".to_string(), format!("layout {layout}"), format!("template {}", report.template().as_str())] {
                let c = costs.entry(group).or_default();
                c.files += 1;
                c.decode += decoded - start;
                c.extract += done - decoded;
                c.facts += report.fact_count();
            }
        }
    }
    println!("{:<24} {:>7} {:>12} {:>12} {:>14}", "group", "files", "decode µs", "extract µs", "facts/report");
    for (group, c) in &costs {
        let mean = |d: Duration| d.as_secs_f64() * 1e6 / f64::from(c.files);
        let facts = c.facts as f64 / f64::from(c.files);
        println!("{group:<24} {:>7} {:>12.1} {:>12.1} {facts:>14.1}", c.files, mean(c.decode), mean(c.extract));
    }
}
