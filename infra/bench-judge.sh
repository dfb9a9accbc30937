#!/usr/bin/env bash
# Judge-quality benchmark (not part of the test command): seeded synthetic scenarios with known truth, judged
# by rollgate's stage replay and by a fixed-horizon Kayenta-style judge side by side. Builds the CLI jar, runs
# dev.rollgate.cli.bench.JudgeBenchmark and writes docs/judge-benchmark.md.
#   infra/bench-judge.sh                                  # full run: 1000 healthy / 300 other replicates
#   infra/bench-judge.sh --healthy-replicates 50 --replicates 20 --out /tmp/quick.md   # quick look
# Options: --policy FILE --stage NAME --healthy-replicates N --replicates N --seed N --threads N --out FILE
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -o package -pl functions/cli -am -DskipTests
fi

args=("$@")
case " $* " in
  *" --out "*) ;;
  *) mkdir -p docs; args+=(--out docs/judge-benchmark.md) ;;
esac

start=$(date +%s)
java -XX:+UseParallelGC -cp functions/cli/target/rollgate.jar dev.rollgate.cli.bench.JudgeBenchmark "${args[@]}"
echo "[rollgate] benchmark wall time: $(( $(date +%s) - start )) s on $(nproc) cores" >&2
