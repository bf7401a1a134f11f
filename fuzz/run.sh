#!/usr/bin/env bash
# Run each atheris fuzz target for RUNS inputs and report runs, coverage and crashes.
#
#   fuzz/run.sh                 # every target, 100,000 inputs each
#   fuzz/run.sh 1000000 text    # one target, a million inputs
#
# Corpus and crash reproducers go to $FUZZ_WORK (default /tmp/temoin-fuzz); a crash is
# replayed with `python fuzz/fuzz_<target>.py <crash file>`. Exit status 1 if any target crashed.
set -u
cd "$(dirname "$0")/.."
PY=${PYTHON:-.venv/bin/python}
RUNS=${1:-100000}
shift || true
TARGETS=${*:-readers text csv html feeds}
WORK=${FUZZ_WORK:-/tmp/temoin-fuzz}
status=0
for target in $TARGETS; do
    corpus="$WORK/corpus-$target" crashes="$WORK/crashes-$target" log="$WORK/$target.log"
    mkdir -p "$corpus" "$crashes"
    # seeds: fuzz/seeds/<target>, and the test suite's own input fixtures of that kind (not copied twice)
    case $target in
        csv) fixtures=tests/fixtures/inputs/*.csv ;;
        html) fixtures=tests/fixtures/inputs/*.html ;;
        feeds) fixtures="tests/fixtures/inputs/*.rss tests/fixtures/inputs/*.atom" ;;
        *) fixtures= ;;
    esac
    for seed in "fuzz/seeds/$target"/* $fixtures; do
        [ -f "$seed" ] && cp -n "$seed" "$corpus/"
    done
    started=$(date +%s)
    "$PY" "fuzz/fuzz_$target.py" -runs="$RUNS" -dict="fuzz/$target.dict" -max_len=4096 -timeout=30 \
        -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$crashes/" "$corpus" >"$log" 2>&1
    code=$?
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    [ -n "$runs" ] || runs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#')
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    found=$(find "$crashes" -type f | wc -l)
    printf '%-8s %s inputs in %ss, %s, corpus %s files, exit %s, crash files %s\n' "$target" "${runs:-?}" \
        "$(( $(date +%s) - started ))" "${cov:-cov: ?}" "$(find "$corpus" -type f | wc -l)" "$code" "$found"
    if [ "$code" -ne 0 ]; then
        status=1
        grep -m1 -A12 -E 'Uncaught Python exception|ERROR: libFuzzer' "$log"
        echo "log: $log"
    fi
done
exit $status
