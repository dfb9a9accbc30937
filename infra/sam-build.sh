#!/usr/bin/env bash
# Builds what `sam deploy` ships, without containers: the shaded handler jar (Maven, through the wrapper), then
# `sam build`, which copies the template with every function's CodeUri pointing at that jar into .aws-sam/.
# Deploy afterwards with `sam deploy --guided` (first time) or `sam deploy`.
#   infra/sam-build.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
source infra/lib/common.sh

ensure_python_tools
ensure_sam_cli

log "building functions/lambda/target/rollgate-lambda.jar (the Makefile reuses it)"
./mvnw -B -q -ntp package -pl functions/lambda -am -DskipTests
ls -l functions/lambda/target/rollgate-lambda.jar >&2

log "sam build (no containers)"
SAM_CLI_TELEMETRY=0 AWS_REGION="${AWS_REGION:-us-east-1}" AWS_DEFAULT_REGION="${AWS_DEFAULT_REGION:-us-east-1}" \
  "$VENV/bin/sam" build --template template.yaml "$@"
