#!/usr/bin/env bash
# Metric-window ingest load run (not part of infra/test.sh): deliveries (out of order, late, repeated with the same
# and with other numbers, invalid) through the IngestMetricWindow use case on worker threads, first with DynamoDB on
# moto (started here on a free loopback port, stopped on exit), then with the in-memory stores, which shows the use
# case's own cost apart from moto's. Prints windows/second (overall and per whole second), where the time goes, and
# the verification: every window stored exactly once or rejected with a counted reason. Exit 1 if it does not verify.
#   infra/load-ingest.sh                                  # both stores, default sizes
#   infra/load-ingest.sh --store memory --windows 500000  # one store, other size
# Options (passed to each run): --store dynamodb|memory --windows N (20000 on moto, 200000 in memory) --rollouts N (50)
#          --threads N (4) --warmup N (2000 / 50000) --seed N
# SKIP_BUILD=1 reuses infra/load/target/rollgate-load.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source infra/lib/common.sh

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -o -ntp package -DskipTests -pl infra/load -am
fi
run() {
  log "ingest load ($*): $(uptime)"
  java -XX:+UseParallelGC -cp infra/load/target/rollgate-load.jar dev.rollgate.load.IngestLoad "$@"
}
status=0
case " $* " in
  *" --store memory "*) run "$@" || status=$? ;;
  *" --store dynamodb "*) ensure_python_tools; start_moto; trap stop_moto EXIT; run "$@" || status=$? ;;
  *)
    ensure_python_tools; start_moto; trap stop_moto EXIT
    run --store dynamodb "$@" || status=$?
    stop_moto
    run --store memory "$@" || status=$?
    ;;
esac
log "ingest load done: $(uptime)"
exit "$status"
