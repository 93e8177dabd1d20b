#!/usr/bin/env bash
# Schema-based fuzzing of the whole HTTP API: schemathesis reads openapi.yaml and throws generated
# requests (valid and invalid) at a local runner started on free ports against its own moto. Fails
# on any 5xx, any answer that does not conform to openapi.yaml, and any 4xx without the error shape
# (tests/fuzz/hooks.py). Each secured route is fuzzed with its own credential (a staff JWT, the
# delivery webhook's token: tests/fuzz/schemathesis.toml) and again without one or with a wrong one
# (ignored_auth: those must answer 401). Bounded: a few examples per operation and a time budget.
#
#   scripts/fuzz.sh [--max-examples N] [--max-time SECONDS] [--seed N]
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

SCHEMATHESIS_VERSION="4.32.5"
max_examples=25
max_time=240
seed=20261125
while (($#)); do
  case "$1" in
    --max-examples) max_examples="$2"; shift 2 ;;
    --max-time) max_time="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    *) log "unknown option $1"; exit 2 ;;
  esac
done

# Its own venv: schemathesis pins a hypothesis and a jsonschema that moto's or SAM's could clash with.
ensure_fuzz() {
  local venv="${REPO_ROOT}/.venv/fuzz" marker="${REPO_ROOT}/.venv/fuzz/.schemathesis-${SCHEMATHESIS_VERSION}"
  if [[ ! -f "$marker" ]]; then
    log "installing schemathesis==${SCHEMATHESIS_VERSION} into .venv/fuzz"
    [[ -x "${venv}/bin/python" ]] || python3 -m venv "$venv"
    "${venv}/bin/python" -m pip install -q --disable-pip-version-check "schemathesis==${SCHEMATHESIS_VERSION}"
    rm -f "${venv}"/.schemathesis-*; touch "$marker"
  fi
}

ensure_java
ensure_moto
ensure_fuzz
build_functions

mkdir -p build/logs build/fuzz
moto_port=$(free_port); runner_port=$(free_port)
start_moto "$moto_port" build/logs/moto-fuzz.log
moto_pid=$MOTO_PID
runner_pid=""
cleanup() { kill ${runner_pid} "$moto_pid" 2>/dev/null || true; wait ${runner_pid} "$moto_pid" 2>/dev/null || true; }
trap cleanup EXIT
start_runner "$runner_port" "http://127.0.0.1:${moto_port}" build/logs/runner-fuzz.log
runner_pid=$RUNNER_PID
base="http://127.0.0.1:${runner_port}"

# The staff routes sit behind the JWT authorizer: sign in as a manager (every route open to it).
MUSTAFEED_STAFF_TOKEN=$(curl -sf -X POST -H 'content-type: application/json' -d '{"role":"manager"}' "${base}/dev/login" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
# The delivery webhook wants the stack's own token: the runner generated it into its messaging secret
# in moto (stack mustafeed-local), as CloudFormation would.
MUSTAFEED_WEBHOOK_TOKEN=$(AWS_ENDPOINT_URL="http://127.0.0.1:${moto_port}" "${REPO_ROOT}/.venv/moto/bin/python" -c '
import json, os, boto3
secrets = boto3.client("secretsmanager", region_name=os.environ["AWS_REGION"])
secret = secrets.get_secret_value(SecretId="mustafeed-local/MessagingProviderSecret")
print(json.loads(secret["SecretString"])["webhookToken"])')
export MUSTAFEED_STAFF_TOKEN MUSTAFEED_WEBHOOK_TOKEN

log "schemathesis ${SCHEMATHESIS_VERSION}: ${max_examples} examples per operation, at most ${max_time} s, seed ${seed}"
status=0
# From build/fuzz: schemathesis keeps its cache (.schemathesis/) in the working directory.
cd build/fuzz
SCHEMATHESIS_HOOKS=tests.fuzz.hooks PYTHONPATH="$REPO_ROOT" timeout $((max_time + 120)) \
  "${REPO_ROOT}/.venv/fuzz/bin/schemathesis" --config-file "${REPO_ROOT}/tests/fuzz/schemathesis.toml" \
    run "${REPO_ROOT}/openapi.yaml" \
    --url "$base" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance,unsupported_method,ignored_auth,error_shape \
    --max-examples "$max_examples" \
    --max-time "$max_time" \
    --seed "$seed" \
    --workers 1 \
    --request-timeout 15 \
    --suppress-health-check all \
    --no-color \
    --report junit --report-junit-path junit.xml || status=$?
cd "$REPO_ROOT"
if grep -q '"status":5[0-9][0-9]' build/logs/runner-fuzz.log 2>/dev/null; then
  log "the runner logged server errors:"; grep '"status":5[0-9][0-9]' build/logs/runner-fuzz.log | head -20 >&2
  status=1
fi
exit "$status"
