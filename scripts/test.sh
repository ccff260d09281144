#!/usr/bin/env bash
# The test command: installs the pinned Python packages, runs every Rust test in
# the release profile (the same build `cargo run --release` uses, so nothing is
# compiled twice), then builds the demo and sample outputs and runs every notebook
# headless on both.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r requirements-dev.txt
cargo test --release "$@"
cargo run --release --quiet -- run -q
cargo run --release --quiet -- run -q --pipeline pipelines/demo.toml
python3 notebooks/run_all.py out/demo out
