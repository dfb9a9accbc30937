#!/usr/bin/env bash
# The console at scale (issue #11): starts moto like infra/test.sh, seeds 10,000 rollouts and 1,000 pending
# approvals through the DynamoDB adapters' item layouts, and times the console's pages on the DynamoDB backend
# (rollouts first page, approvals page, paging to page 20, rollout detail load and poll). Prints p50/p95 server
# times and the DynamoDB requests per page; the table lands in console/target/bench-console.md.
#   infra/bench-console.sh                       # defaults: 10,000 rollouts, 1,000 approvals, 10 repetitions (page walk 3)
#   infra/bench-console.sh -Dbench.reps=10       # extra arguments go to Maven (-Dbench.rollouts, -Dbench.approvals)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source infra/lib/common.sh

ensure_python_tools
ensure_chromium
start_moto
trap stop_moto EXIT

uptime
./mvnw -B -ntp verify -pl console -am -Dtest=NoUnitTests -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ConsoleAtScaleBenchmark -Dit.failIfNoSpecifiedTests=false "$@"
uptime
cat console/target/bench-console.md
