#!/usr/bin/env bash
# Offline checks of what `sam deploy` would ship, run by infra/test.sh before the Maven build:
#   1. `sam validate --lint` on template.yaml (SAM transform + cfn-lint; a region, no credentials, no network);
#   2. statemachine/rollout.asl.json through the npm asl-validator (cfn-lint does not look inside the ASL),
#      with every ${...} placeholder replaced by a well-formed Lambda alias ARN.
# The JUnit TemplateCrossCheckTest (functions/lambda) checks template against code; this checks the formats.
#   infra/check-template.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source infra/lib/common.sh

ensure_python_tools
ensure_sam_cli

log "sam validate --lint template.yaml"
SAM_CLI_TELEMETRY=0 AWS_REGION="${AWS_REGION:-us-east-1}" AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}" \
  "$VENV/bin/sam" validate --lint --template template.yaml

# Substitutions: each placeholder becomes the ARN of a `live` alias, as the template's DefinitionSubstitutions do.
mkdir -p "$RUN_DIR"
SUBS="$RUN_DIR/asl-substitutions.json"
python3 - statemachine/rollout.asl.json > "$SUBS" <<'PY'
import json, re, sys
names = sorted(set(re.findall(r"\$\{([A-Za-z0-9_]+)\}", open(sys.argv[1]).read())))
print(json.dumps({n: f"arn:aws:lambda:us-east-1:123456789012:function:rollgate-{n}:live" for n in names}))
PY

if [ -f infra/asl/validate.mjs ]; then
  # The ASL tooling of the local-runner work: one pinned install under infra/asl.
  if [ ! -d infra/asl/node_modules/asl-validator ]; then
    log "installing infra/asl node tools"
    (cd infra/asl && npm ci --silent --no-audit --no-fund)
  fi
  node infra/asl/validate.mjs --substitutions "$SUBS" statemachine/rollout.asl.json
else
  ensure_asl_validator
  node --input-type=module - statemachine/rollout.asl.json "$SUBS" <<'JS'
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
const require = createRequire(process.env.ASL_VALIDATOR_DIR + '/');
const aslValidator = require('asl-validator');
const [file, subsFile] = process.argv.slice(2);
const subs = JSON.parse(readFileSync(subsFile, 'utf8'));
const text = readFileSync(file, 'utf8').replace(/\$\{([A-Za-z0-9_]+)\}/g, (m, n) => subs[n] ?? m);
const { isValid, errorsText } = (aslValidator.default ?? aslValidator)(JSON.parse(text), { checkPaths: true, checkArn: true });
if (!isValid) { console.error(`${file}: invalid\n${errorsText('\n')}`); process.exit(1); }
console.log(`${file}: valid`);
JS
fi
