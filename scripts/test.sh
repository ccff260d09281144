#!/usr/bin/env bash
# The test command: installs the pinned Python packages the read-back tests use,
# then runs every test in the release profile (the same build `cargo run --release`
# uses, so nothing is compiled twice).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore -r requirements-dev.txt
cargo test --release "$@"
