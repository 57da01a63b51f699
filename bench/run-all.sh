#!/usr/bin/env bash
# Builds the benchmarks jar and runs every benchmark with its defaults, one after another, writing
# each one's output to bench/results/<name>.txt. About 30 minutes on the 2-core machine; run it when
# nothing else heavy is running (each measurement also waits for a quiet machine by itself).
#   bash bench/run-all.sh                 # all of them
#   bash bench/run-all.sh paging memory   # some of them
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench -pl bench -am package -DskipTests
mkdir -p bench/results
benchmarks=("$@")
if [ ${#benchmarks[@]} -eq 0 ]; then
  benchmarks=(paging memory pipeline stripe webhooks graphql ratelimit faults servers latency waiting sql observability definitions connect)
fi
for name in "${benchmarks[@]}"; do
  echo "== $name ($(date -u +%FT%TZ), $(cut -d' ' -f1-3 /proc/loadavg))"
  java -jar bench/target/inlet-benchmarks.jar "$name" 2>&1 | grep -v '^# \|^Iteration\|^$\|^Result\|^  \|(min, avg, max)\|^# Run' \
    | tee "bench/results/$name.txt"
done
