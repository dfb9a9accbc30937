#!/usr/bin/env bash
# The one test command: installs what the tests need (idempotently), starts moto in server mode on a free
# loopback port, runs the whole Maven build with unit and integration tests, and stops moto whatever happens.
#   infra/test.sh                 # everything
#   infra/test.sh -pl functions/core   # extra arguments go to Maven
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source infra/lib/common.sh

ensure_python_tools
ensure_node_tools
ensure_chromium
# Template and ASL format checks (offline): sam validate --lint, asl-validator.
infra/check-template.sh
# infra/moto_server.py's faster Query answers exactly what moto's own does (random tables and queries, in-process).
"$VENV/bin/python" infra/check_moto_index_query.py
start_moto
trap stop_moto EXIT

./mvnw -B -ntp verify "$@"
