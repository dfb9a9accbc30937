# Shared shell helpers for infra/*.sh: tool installation and emulator start/stop.
# Everything installs under the ignored folder .tools/ so a fresh checkout sets itself up.

TOOLS_DIR="${ROOT}/.tools"
VENV="${TOOLS_DIR}/venv"
RUN_DIR="${ROOT}/infra/.run"
MOTO_VERSION="5.2.1"

log() { printf '[rollgate] %s\n' "$*" >&2; }

# A Python virtual environment with moto's server; re-runs are no-ops once the marker exists.
ensure_python_tools() {
  local marker="${VENV}/.rollgate-moto-${MOTO_VERSION}"
  if [ -f "$marker" ]; then return 0; fi
  log "installing moto[server]==${MOTO_VERSION} into ${VENV}"
  mkdir -p "$TOOLS_DIR"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "moto[server]==${MOTO_VERSION}"
  touch "$marker"
}

# AWS SAM CLI in the same virtual environment, for `sam validate --lint` and `sam build`; idempotent.
# pip is run through the venv's python so a copied .tools/ directory installs into itself.
SAM_CLI_VERSION="1.170.0"
ensure_sam_cli() {
  local marker="${VENV}/.rollgate-sam-${SAM_CLI_VERSION}"
  if [ -f "$marker" ]; then return 0; fi
  log "installing aws-sam-cli==${SAM_CLI_VERSION} into ${VENV}"
  "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "aws-sam-cli==${SAM_CLI_VERSION}"
  touch "$marker"
}

# asl-validator for the ASL check when infra/asl (the local runner's node tools) is not present.
ASL_VALIDATOR_VERSION="4.0.0"
ensure_asl_validator() {
  export ASL_VALIDATOR_DIR="${TOOLS_DIR}/asl-validator/node_modules"
  if [ -d "$ASL_VALIDATOR_DIR/asl-validator" ]; then return 0; fi
  log "installing asl-validator@${ASL_VALIDATOR_VERSION} into ${TOOLS_DIR}/asl-validator"
  mkdir -p "${TOOLS_DIR}/asl-validator"
  npm install --silent --no-audit --no-fund --prefix "${TOOLS_DIR}/asl-validator" "asl-validator@${ASL_VALIDATOR_VERSION}"
}

free_port() {
  python3 - <<'PY'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

# Starts moto on a free loopback port and exports the AWS variables every test and tool reads.
start_moto() {
  mkdir -p "$RUN_DIR"
  MOTO_PORT=$(free_port)
  # infra/moto_server.py is moto_server with DynamoDB requests serialized (atomic conditional writes, as in AWS).
  "$VENV/bin/python" "$ROOT/infra/moto_server.py" -H 127.0.0.1 -p "$MOTO_PORT" > "$RUN_DIR/moto-${MOTO_PORT}.log" 2>&1 &
  MOTO_PID=$!
  export AWS_ENDPOINT_URL="http://127.0.0.1:${MOTO_PORT}"
  export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_SESSION_TOKEN=testing
  export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1
  export AWS_EMF_ENVIRONMENT=Local
  local i
  for i in $(seq 1 100); do
    if curl -fsS "${AWS_ENDPOINT_URL}/moto-api/" > /dev/null 2>&1; then
      log "moto listening on ${AWS_ENDPOINT_URL} (pid ${MOTO_PID})"
      return 0
    fi
    if ! kill -0 "$MOTO_PID" 2> /dev/null; then break; fi
    sleep 0.2
  done
  log "moto did not start; its log follows"
  cat "$RUN_DIR/moto-${MOTO_PORT}.log" >&2 || true
  return 1
}

stop_moto() {
  if [ -n "${MOTO_PID:-}" ] && kill -0 "$MOTO_PID" 2> /dev/null; then
    kill "$MOTO_PID" 2> /dev/null || true
    wait "$MOTO_PID" 2> /dev/null || true
    log "moto stopped"
  fi
}

# The npm tools under infra/asl (asl-validator, aws-local-stepfunctions) used by the statemachine conformance tests;
# `npm ci` runs again only when package-lock.json changed since the last install.
ensure_node_tools() {
  local dir="${ROOT}/infra/asl"
  local marker="${dir}/node_modules/.rollgate-lock.sha256"
  local lock_hash
  lock_hash=$(sha256sum "${dir}/package-lock.json" | cut -d' ' -f1)
  if [ -f "$marker" ] && [ "$(cat "$marker")" = "$lock_hash" ]; then return 0; fi
  command -v node > /dev/null || { log "node is not installed: the ASL conformance tests need Node.js 20+"; return 1; }
  log "installing the ASL tools in ${dir} (npm ci)"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$lock_hash" > "$marker"
}

# Debian's Chromium and its driver for the console's browser tests (no browser downloads at test time).
# Idempotent: installs only when one of the two binaries is missing, and updates the package lists once.
ensure_chromium() {
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then return 0; fi
  log "installing chromium and chromium-driver from Debian"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver > /dev/null
}
