#!/usr/bin/env bash
# Cost per rollout (not part of the test command): one healthy rollout under the default rollout_gates plan on
# the local workflow runner, DynamoDB on moto, virtual time; counts Step Functions state transitions, Lambda
# invocations and GB-seconds, DynamoDB request units and EventBridge events, and prices them (us-east-1 list
# prices, dev.rollgate.perf.cost.Prices). Prints Markdown tables; see docs/performance-cost.md.
#   infra/bench-cost.sh                                   # examples/rollout-gates.yaml
#   infra/bench-cost.sh --policy my-policy.yaml --seed 3  # options: --policy --template --seed --limit-hours
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source infra/lib/common.sh

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -o package -pl infra/perf -am -DskipTests
fi
ensure_python_tools
start_moto
trap stop_moto EXIT

uptime >&2
java -cp infra/perf/target/rollgate-perf.jar dev.rollgate.perf.cost.CostBenchmark "$@"
