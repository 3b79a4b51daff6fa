#!/usr/bin/env bash
# Ingest benchmark (docs/benchmarks.md, "Ingest"): starts a private Kubo on loopback (its own repo
# in a temp dir, so the benchmark's gigabytes never land in the stack's node), runs
# io.datamint.ipfs.bench.IngestBenchmark against it, and removes everything afterwards.
#   ipfs-storage/bench/ingest-bench.sh [csvMiB=1024] [images=10000]
# BENCH_JAVA_OPTS adds JVM options; BENCH_IPFS_PORT moves the private Kubo's API (default 5101).
set -euo pipefail
cd "$(dirname "$0")/../.."
IPFS_BIN="${IPFS_BIN:-$HOME/.datamint/tools/kubo-0.43.1/ipfs}"
API_PORT="${BENCH_IPFS_PORT:-5101}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/datamint-bench.XXXXXX")"
export IPFS_PATH="$WORK/ipfs"
cleanup() {
  if [[ -n "${DAEMON:-}" ]]; then kill "$DAEMON" 2>/dev/null || true; wait "$DAEMON" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

"$IPFS_BIN" init --profile=test,server >/dev/null
"$IPFS_BIN" config Addresses.API "/ip4/127.0.0.1/tcp/$API_PORT"
"$IPFS_BIN" config --json Addresses.Gateway '[]'
"$IPFS_BIN" daemon --offline >"$WORK/daemon.log" 2>&1 &
DAEMON=$!
for _ in $(seq 1 100); do
  curl -sf -X POST "http://127.0.0.1:$API_PORT/api/v0/version" >/dev/null && break
  sleep 0.2
done

mvn -B -q -pl ipfs-storage -am install -DskipTests -Dspotless.check.skip=true
mvn -B -q -pl ipfs-storage dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
DATAMINT_IPFS_API="http://127.0.0.1:$API_PORT" IPFS_BIN="$IPFS_BIN" \
  java -Xmx4g ${BENCH_JAVA_OPTS:-} -cp "ipfs-storage/target/test-classes:ipfs-storage/target/classes:$(cat ipfs-storage/target/bench.classpath)" \
  io.datamint.ipfs.bench.IngestBenchmark "$WORK/data" "${1:-1024}" "${2:-10000}"
