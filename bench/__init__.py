"""Benchmarks. `bash scripts/bench.sh` runs them all and prints one table (medians, p95, in-run baselines)."""
