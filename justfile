# claimcheck: checks the numbers in prose against a reference CSV.
# `just` lists the recipes.

default:
    @just --list

# Check the articles in data/articles against data/reference.csv (exit 1: the seed article has one real error)
verify *args:
    cargo run -q --release -- verify {{args}}

# List every figure in data/articles as read and normalized
extract *args:
    cargo run -q --release -- extract {{args}}

# Run every test; a changed snapshot fails and is left for `just review`
test:
    cargo test -q --workspace

# Review changed snapshots, accepting or rejecting each (needs cargo-insta: `just setup`)
review:
    @cargo insta --version >/dev/null 2>&1 || { echo "just review needs cargo-insta: run \`just setup\` or \`cargo install cargo-insta --locked\`" >&2; exit 2; }
    cargo insta review

# Install the tools the recipes use beyond Rust: cargo-insta (for review) and PySpark (for spark-check)
setup:
    cargo install cargo-insta --locked
    python3 -m pip install --quiet pyspark

# Run the README's PySpark example on a local[2] master (needs Java and PySpark) and check the verdicts that come back
spark-check:
    cargo build -q --release
    python3 crates/claimcheck-cli/tests/spark/check_claims.py target/release/claimcheck data/fixtures/reference.csv data/fixtures/seed-article-one-wrong-date.md data/fixtures/regress-386-people.md data/fixtures/all-claims-supported.md

# What CI runs: formatting, lints, tests with snapshots never written
ci:
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets -- -D warnings
    INSTA_UPDATE=no cargo test -q --workspace

# Score extraction against the Recognizers-Text conformance suite (CONFORMANCE_MISSES=1 lists the cases missed)
conformance:
    cargo test -q --release --test conformance -- --nocapture

# Score verdicts on the newsroom evaluation set in data/eval: accuracy, precision and recall per verdict, every miss (fails below data/eval/FLOOR)
eval:
    cargo test -q --release --test eval -- --nocapture

# Measure throughput and memory against a plain regex scan on a generated 100 MB corpus
bench:
    cargo bench -q --bench throughput
