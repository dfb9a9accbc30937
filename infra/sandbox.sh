#!/usr/bin/env bash
# The rollgate sandbox, the README's run command: a live rollout you can watch and approve in the browser.
# Installs what it needs (moto in .tools/venv), builds the sandbox jar when sources changed, starts moto on a free
# loopback port and runs moto, the Cordum stand-in, the local workflow runner, simulated traffic and the console.
# Ctrl-C stops everything it started.
#   infra/sandbox.sh [--scenario healthy|error-spike|latency|deny-drift|overload|marginal|low-traffic]
#                    [--speed N] [--port N] [--api-port N] [--headless]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source infra/lib/common.sh

JAR=infra/sandbox/target/rollgate-sandbox.jar
needs_build() {
  [ ! -f "$JAR" ] && return 0
  [ -n "$(find functions statemachine console infra/sandbox infra/cordum-standin pom.xml \
           \( -name '*.java' -o -name 'pom.xml' -o -name '*.yml' -o -name '*.yaml' -o -name '*.json' -o -name '*.css' \) \
           -not -path '*/target/*' -not -path '*/node_modules/*' -newer "$JAR" -print -quit)" ]
}

ensure_python_tools
if needs_build; then
  log "building the sandbox (the first build downloads dependencies and takes a few minutes)"
  ./mvnw -B -q -ntp -DskipTests package -pl infra/sandbox -am
fi
start_moto
trap stop_moto EXIT
java -jar "$JAR" "$@"
