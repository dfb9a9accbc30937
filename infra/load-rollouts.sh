#!/usr/bin/env bash
# Rollout load run (not part of infra/test.sh): N rollouts at once through the real rollout.asl.json on the local
# runner, DynamoDB on moto (started here on a free loopback port, stopped on exit), the Cordum stand-in over HTTP,
# simulated traffic on a virtual clock running as fast as the machine allows. Prints, per scenario, how many
# rollouts reached the outcome their scenario demands, the history check, elapsed time and rollouts per second;
# exits 1 if any rollout does not match. Loopback only; bounded by --max-seconds (real) and --max-virtual-hours.
#   infra/load-rollouts.sh                               # 200 rollouts, 4 threads, DynamoDB on moto
#   infra/load-rollouts.sh --rollouts 50 --threads 2     # smaller
#   infra/load-rollouts.sh --store memory                # in-memory stores: rollgate's own cost, no moto
# Options: --rollouts N (default 200) --threads N (4) --store dynamodb|memory --max-seconds N (1800)
#          --max-virtual-hours N (48) --cordum-rate N (stand-in requests/s per tenant, 1000)
# SKIP_BUILD=1 reuses infra/load/target/rollgate-load.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source infra/lib/common.sh

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -o -ntp package -DskipTests -pl infra/load -am
fi
case " $* " in
  *" --store memory "*) ;;
  *) ensure_python_tools; start_moto; trap stop_moto EXIT ;;
esac
log "load: $(uptime)"
start=$(date +%s)
status=0
java -XX:+UseParallelGC -cp infra/load/target/rollgate-load.jar dev.rollgate.load.RolloutLoad "$@" || status=$?
log "load: wall time $(( $(date +%s) - start )) s on $(nproc) cores; $(uptime)"
exit "$status"
