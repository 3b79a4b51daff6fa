#!/usr/bin/env bash
# The device command (run from the repository root, with .gpu/ built by export_weights.py and carried):
#   bash gpu-validation/bench/gpu/run_device.sh
# Writes results.md, results.json and log.txt to $OUT (default /tmp/out).
set -o pipefail
OUT=${OUT:-/tmp/out}
mkdir -p "$OUT"
export PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1
nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv | tee "$OUT/log.txt"
python3 gpu-validation/bench/gpu/bench_gpu.py --data .gpu --out "$OUT" "$@" 2>&1 | tee -a "$OUT/log.txt"
