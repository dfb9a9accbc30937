#!/usr/bin/env bash
# Cold-start benchmark of the Lambda handlers (docs/performance-coldstart.md). Builds the shaded handler jar and a
# minimal SDK v2 DynamoDB GetItem reference jar (infra/coldstart-reference), starts moto, seeds rollouts in
# their shadow stage with 3 h of windows, then takes N samples per handler, interleaved, each a fresh JVM
# (`java -cp <jar>:probe ColdStartProbe`): time from JVM launch to the first completed invocation, and the second
# (warm) invocation. Prints jar sizes, medians, ratios to the reference and `uptime`. The *-primed rows run
# SnapStartPriming.primeNow() before the first invocation (what SnapStart's before-checkpoint hook runs). The
# logging-only row starts nothing but the handlers' logging stack from the handler jar and writes one line
# (LoggingStartProbe): the share of a handler's cold start that is logging start-up.
#   infra/bench-coldstart.sh            # N=5 samples per handler (seeding 4N rollouts takes most of the time)
#   N=9 infra/bench-coldstart.sh
# Every sample runs with the JAVA_TOOL_OPTIONS that template.yaml gives the functions (the handlers as deployed;
# the reference gets the same generic options so the ratio is not bought by flags it was denied). A
# "reference-plain" row runs the reference without them, for the second ratio the doc reports.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source infra/lib/common.sh
N=${N:-5}
WORK="$ROOT/functions/lambda/target/coldstart"
rm -rf "$WORK" && mkdir -p "$WORK"

ensure_python_tools
log "building the handler jar, its test classes and the reference jar"
./mvnw -B -q -ntp test-compile package -pl functions/lambda -am -DskipTests \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$WORK/classpath.txt"
./mvnw -B -q -ntp -f infra/coldstart-reference/pom.xml package
JAR="$ROOT/functions/lambda/target/rollgate-lambda.jar"
REF="$ROOT/infra/coldstart-reference/target/coldstart-reference.jar"
javac -d "$WORK/probe" -cp "$REF" infra/coldstart-reference/probe/ColdStartProbe.java
javac -d "$WORK/probe" -cp "$JAR" infra/coldstart-reference/probe/LoggingStartProbe.java

start_moto
trap stop_moto EXIT
export POWERTOOLS_SERVICE_NAME=rollgate POWERTOOLS_METRICS_NAMESPACE=Rollgate POWERTOOLS_LOG_LEVEL=WARN
export ROLLGATE_TENANT=acme ROLLGATE_EVENT_BUS_NAME=default
for t in ROLLOUTS HISTORY WINDOWS APPROVALS IDEMPOTENCY POLICIES; do
  export "ROLLGATE_${t}_TABLE=coldstart-$(echo "$t" | tr 'A-Z' 'a-z')"
done
export REFERENCE_TABLE="$ROLLGATE_ROLLOUTS_TABLE"
DEPLOYED_JAVA_OPTIONS=$(sed -n 's/^ *JAVA_TOOL_OPTIONS: *"\(.*\)".*/\1/p' template.yaml | head -1)
log "JAVA_TOOL_OPTIONS as deployed (template.yaml): ${DEPLOYED_JAVA_OPTIONS:-<none>}"

log "seeding $((4 * N)) rollouts in their shadow stage (3 h of windows each)"
java -cp "$ROOT/functions/lambda/target/test-classes:$ROOT/functions/lambda/target/classes:$(cat "$WORK/classpath.txt")" \
  dev.rollgate.lambda.bench.ColdStartSeed "$((4 * N))" "$WORK/seed" > "$WORK/seed.log" 2>&1 \
  || { cat "$WORK/seed.log" >&2; exit 1; }
mapfile -t ROLLOUTS < "$WORK/seed/rollouts.txt"

sample() { # name handler kind event1 event2 jar [primed]
  local line opts="$DEPLOYED_JAVA_OPTIONS"
  if [ "$1" = reference-plain ]; then opts=""; fi
  if [ "$1" = logging-only ]; then
    line=$(JAVA_TOOL_OPTIONS="$opts" java -cp "$JAR:$WORK/probe" LoggingStartProbe "$(date +%s%N)" 2>&1 >> "$WORK/$1.out" \
      | grep '^COLDSTART ' || true)
  else
    line=$(JAVA_TOOL_OPTIONS="$opts" java -cp "$6:$WORK/probe" ColdStartProbe "$(date +%s%N)" "$2" "$3" "$4" "$5" ${7:-} \
      2>&1 >> "$WORK/$1.out" | grep '^COLDSTART ' || true)
  fi
  if [ -z "$line" ]; then log "$1 sample failed; see $WORK/$1.out"; exit 1; fi
  echo "$1 $line" >> "$WORK/samples.txt"
}

log "taking $N samples per handler, interleaved"
for i in $(seq 0 $((N - 1))); do
  a=${ROLLOUTS[$((2 * i))]}; b=${ROLLOUTS[$((2 * i + 1))]}
  c=${ROLLOUTS[$((2 * N + 2 * i))]}; d=${ROLLOUTS[$((2 * N + 2 * i + 1))]}
  ev1="${a% *}:${a#* }"; ev2="${b% *}:${b#* }"; pe1="${c% *}:${c#* }"; pe2="${d% *}:${d#* }"
  w1="$WORK/seed/${a% *}-window-0.json"; w2="$WORK/seed/${a% *}-window-1.json"
  p1="$WORK/seed/${b% *}-window-0.json"; p2="$WORK/seed/${b% *}-window-1.json"
  order=(reference evaluate reference-plain ingest ingest-primed evaluate-primed logging-only)
  for k in $(seq 0 6); do
    case ${order[$(((i + k) % 7))]} in
      reference | reference-plain) sample "${order[$(((i + k) % 7))]}" dev.rollgate.bench.reference.GetItemReferenceHandler \
        reference "${a% *}" "${b% *}" "$REF" ;;
      evaluate) sample evaluate dev.rollgate.lambda.workflow.EvaluateHandler evaluate "$ev1" "$ev2" "$JAR" ;;
      evaluate-primed) sample evaluate-primed dev.rollgate.lambda.workflow.EvaluateHandler evaluate "$pe1" "$pe2" \
        "$JAR" primed ;;
      ingest) sample ingest dev.rollgate.lambda.ingest.IngestMetricWindowHandler ingest "$w1" "$w2" "$JAR" ;;
      logging-only) sample logging-only - - - - "$JAR" ;;
      ingest-primed) sample ingest-primed dev.rollgate.lambda.ingest.IngestMetricWindowHandler ingest "$p1" "$p2" \
        "$JAR" primed ;;
    esac
  done
done

echo
echo "## Cold start, $N samples per handler (fresh JVM each, interleaved), moto on 127.0.0.1"
echo "JAVA_TOOL_OPTIONS (template.yaml) on every row but reference-plain: ${DEPLOYED_JAVA_OPTIONS:-<none>}"
printf '%-10s %10s\n' jar bytes
printf '%-10s %10s\n' rollgate "$(stat -c %s "$JAR")" reference "$(stat -c %s "$REF")"
"$VENV/bin/python" - "$WORK/samples.txt" <<'PY'
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name = line.split()[0]
    m = re.search(r"cold_ms=(\d+) first_ms=(\d+) warm_ms=(\d+)", line)
    rows.setdefault(name, []).append(tuple(int(g) for g in m.groups()))
med = lambda name, i: statistics.median(r[i] for r in rows[name])
ref = med("reference", 0)
plain = med("reference-plain", 0)
print(f"{'handler':<15} {'cold ms':>8} {'x ref':>6} {'x plain':>8} {'first inv ms':>13} {'warm ms':>8} {'cold min-max':>13}")
for name in ("reference", "reference-plain", "evaluate", "ingest", "ingest-primed", "evaluate-primed", "logging-only"):
    cold = [r[0] for r in rows[name]]
    print(f"{name:<15} {med(name, 0):>8.0f} {med(name, 0) / ref:>6.2f} {med(name, 0) / plain:>8.2f} {med(name, 1):>13.0f} "
          f"{med(name, 2):>8.0f} {min(cold):>6}-{max(cold):<6}")
print("cold: JVM launch to first completed invocation; first inv: that invocation alone; warm: the second;")
print("x ref: to the reference with the same JVM options (the judged ratio); x plain: to the reference without them.")
print("medians. *-primed rows run SnapStartPriming.primeNow() first (cold includes it; first inv does not).")
print("logging-only: the handler jar's logging stack alone (SLF4J, Log4j, Powertools JSON layout), one WARN line.")
PY
echo "uptime: $(uptime)"
