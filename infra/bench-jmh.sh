#!/usr/bin/env bash
# Judge speed benchmarks (JMH; not part of the test command): one stage evaluation with 20 metrics over 180
# windows per variant (core StageEvaluator/CanaryJudge), and `rollgate replay` throughput in files per second.
# Builds infra/perf-jmh (only in the `bench` profile) and runs its benchmarks.jar; see docs/performance-judge.md.
#   infra/bench-jmh.sh                      # both benchmarks, the forks and iterations their annotations set
#   infra/bench-jmh.sh StageEvaluation      # extra arguments go to JMH (a name filter, -f 1, -wi 2, -prof gc, ...)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # Online once, so JMH (org.openjdk.jmh 1.37) can be fetched on a fresh machine; offline afterwards is fine too.
  ./mvnw -B -q -Pbench package -pl infra/perf-jmh -am -DskipTests
fi

echo "[rollgate] before: $(uptime)" >&2
java -jar infra/perf-jmh/target/benchmarks.jar -rf json -rff infra/perf-jmh/target/jmh-result.json "$@"
echo "[rollgate] after: $(uptime); $(nproc) cores; results in infra/perf-jmh/target/jmh-result.json" >&2
