//! The baseline of `scripts/bench.sh`: a plain parallel read of every file under
//! a folder, as fast as the disk and page cache allow, doing nothing with the
//! bytes but count the lines. `ogi run` is measured against it.
//!
//! `cargo run --release --example scan -- DIR` prints `files bytes lines`.

use rayon::prelude::*;

fn main() {
    let Some(root) = std::env::args().nth(1) else {
        eprintln!("usage: scan DIR");
        std::process::exit(2);
    };
    let (files, _) = ogi::discover::discover(std::path::Path::new(&root));
    let (bytes, lines) = files
        .par_iter()
        .map(|f| match std::fs::read(&f.path) {
            Ok(b) => (b.len(), b.iter().filter(|&&c| c == b'\n').count()),
            Err(_) => (0, 0),
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    println!("{} {bytes} {lines}", files.len());
}
