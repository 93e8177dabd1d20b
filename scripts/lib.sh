# Shared by ./run, ./test and ./bench: every step installs what it needs if it is missing, so a
# fresh machine needs nothing by hand. Sourced, not executed.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MOTO_VERSION="5.2.5"
# The messaging providers' stand-ins (tests/stand-ins/): the same version the Maven ITs use.
WIREMOCK_VERSION="3.13.2"
WIREMOCK_JAR="${REPO_ROOT}/.tools/wiremock-standalone-${WIREMOCK_VERSION}.jar"
# The Python linters: ruff (lint and format) and EditorConfig's own parser for check-editorconfig.py.
LINT_PYTHON_PACKAGES=("ruff==0.17.6" "editorconfig==0.17.1")
# Lambda's java25 runtime: build and run with the same major version, never the machine's default 17.
export JAVA_HOME="${MUSTAFEED_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="${JAVA_HOME}/bin:${PATH}"
# The SDK prefers these; dummy keys are enough for moto and keep the SDK from probing for real ones.
export AWS_REGION="${AWS_REGION:-me-south-1}"
export AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID:-local}"
export AWS_SECRET_ACCESS_KEY="${AWS_SECRET_ACCESS_KEY:-local}"
MVN=(mvn -B -q --no-transfer-progress -f "${REPO_ROOT}/functions/pom.xml")

log() { printf '\033[1m[mustafeed]\033[0m %s\n' "$*" >&2; }

apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if ((${#missing[@]})); then
    log "installing Debian packages: ${missing[*]}"
    local sudo=(); [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

ensure_java() {
  if [[ ! -x "${JAVA_HOME}/bin/java" ]]; then
    apt_install temurin-25-jdk || { log "Temurin 25 JDK not found at ${JAVA_HOME}"; exit 1; }
  fi
  command -v mvn >/dev/null || apt_install maven
}

ensure_moto() {
  local venv="${REPO_ROOT}/.venv/moto" marker="${REPO_ROOT}/.venv/moto/.moto-${MOTO_VERSION}"
  if [[ ! -f "$marker" ]]; then
    log "installing moto[server]==${MOTO_VERSION} into .venv/moto"
    [[ -x "${venv}/bin/python" ]] || python3 -m venv "$venv"
    "${venv}/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
    "${venv}/bin/python" -m pip install -q --disable-pip-version-check "moto[server]==${MOTO_VERSION}"
    rm -f "${venv}"/.moto-*; touch "$marker"
  fi
  # moto's server with DynamoDB writes serialised and transactions made cheap (scripts/moto_server.py).
  MOTO_SERVER="${venv}/bin/mustafeed-moto"
  printf '#!/usr/bin/env bash\nexec "%s" "%s" "$@"\n' "${venv}/bin/python" "${REPO_ROOT}/scripts/moto_server.py" >"$MOTO_SERVER"
  chmod +x "$MOTO_SERVER"
}

ensure_browser() {
  apt_install chromium chromium-driver
}

ensure_node_deps() {
  command -v node >/dev/null || apt_install nodejs npm
  local dir="${REPO_ROOT}/tests/browser"
  if [[ ! -d "${dir}/node_modules" || "${dir}/package-lock.json" -nt "${dir}/node_modules/.package-lock.json" ]]; then
    log "installing browser-test packages (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --silent)
  fi
}

# ensure_python_venv NAME PACKAGE...: the pinned packages in .venv/NAME, installed once; the marker
# names the package list, so a changed pin reinstalls and an interrupted pip is not taken for done.
ensure_python_venv() {
  local venv="${REPO_ROOT}/.venv/$1" marker; shift
  marker="${venv}/.$(printf '%s' "$*" | sha1sum | cut -c1-12)"
  if [[ ! -f "$marker" ]]; then
    log "installing $* into .venv/$(basename "$venv")"
    [[ -x "${venv}/bin/python" ]] || python3 -m venv "$venv"
    "${venv}/bin/python" -m pip install -q --disable-pip-version-check "$@"
    rm -f "${venv}"/.[0-9a-f]*; touch "$marker"
  fi
}

# The IaC scanners (./test): checkov over template.yaml, parliament over every role's policy. A venv
# of their own: checkov pins versions of boto3 and others that moto's and SAM's would fight.
IAC_PYTHON_PACKAGES=("checkov==3.3.30" "parliament==1.6.4")
ensure_iac_tools() { ensure_python_venv iac "${IAC_PYTHON_PACKAGES[@]}"; }

# ruff and editorconfig in .venv/lint; ESLint, Stylelint and iam-simulate from the top package.json (npm ci).
ensure_lint_tools() {
  ensure_python_venv lint "${LINT_PYTHON_PACKAGES[@]}"
  command -v node >/dev/null || apt_install nodejs npm
  if [[ ! -d "${REPO_ROOT}/node_modules" || "${REPO_ROOT}/package-lock.json" -nt "${REPO_ROOT}/node_modules/.package-lock.json" ]]; then
    log "installing the JavaScript and CSS linters and the IAM evaluator (npm ci)"
    (cd "$REPO_ROOT" && npm ci --no-audit --no-fund --silent)
  fi
}

# The site build's packages (site/build/: Nunjucks, parse5), installed like the browser tests' ones.
ensure_site_deps() {
  command -v node >/dev/null || apt_install nodejs npm
  local dir="${REPO_ROOT}/site/build"
  if [[ ! -d "${dir}/node_modules" || "${dir}/package-lock.json" -nt "${dir}/node_modules/.package-lock.json" ]]; then
    log "installing site-build packages (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --silent)
  fi
}

# Builds the static site into build/site/ from site/pages/, site/strings/ and the shared labels (the
# served folder: ./run, the tests, ./stress, ./bench and publish-site.py all use it). A few hundred ms.
SITE_OUT="${REPO_ROOT}/build/site"
build_site() {
  ensure_site_deps
  node "${REPO_ROOT}/site/build/build.mjs" --out "$SITE_OUT" >&2
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# wait_http URL SECONDS: until something answers below 500.
wait_http() {
  local url="$1" deadline=$((SECONDS + ${2:-60}))
  until code=$(curl -s -o /dev/null -w '%{http_code}' "$url") && [[ "$code" != 000 && "$code" -lt 500 ]]; do
    ((SECONDS < deadline)) || { log "nothing answered at $url"; return 1; }
    sleep 0.2
  done
}

# Builds the function jars and the local runner unless nothing under functions/ changed since.
build_functions() {
  local stamp="${REPO_ROOT}/functions/local-runner/target/runtime-classpath.txt"
  if [[ -f "$stamp" ]] && [[ -z "$(find "${REPO_ROOT}/functions" -type f -newer "$stamp" -not -path '*/target/*' -print -quit)" ]]; then
    return 0
  fi
  log "building functions (Maven, Java $(java -version 2>&1 | head -1 | cut -d'"' -f2))"
  "${MVN[@]}" package -DskipTests -Dmaven.test.skip=false
}

runner_classpath() {
  echo "${REPO_ROOT}/functions/local-runner/target/local-runner-0.1.0.jar:$(cat "${REPO_ROOT}/functions/local-runner/target/runtime-classpath.txt")"
}

# start_moto PORT LOGFILE: starts moto in the background and waits for it; sets MOTO_PID.
start_moto() {
  local port="$1" logfile="$2"
  "${MOTO_SERVER}" -H 127.0.0.1 -p "$port" >"$logfile" 2>&1 &
  MOTO_PID=$!
  wait_http "http://127.0.0.1:${port}/moto-api/" 60
}

# WireMock's standalone jar into .tools/, through Maven (from ~/.m2 when it is there already).
ensure_wiremock() {
  if [[ ! -f "$WIREMOCK_JAR" ]]; then
    log "fetching wiremock-standalone ${WIREMOCK_VERSION} into .tools/ (Maven)"
    "${MVN[@]}" -N org.apache.maven.plugins:maven-dependency-plugin:3.11.0:copy \
      -Dartifact="org.wiremock:wiremock-standalone:${WIREMOCK_VERSION}" -DoutputDirectory="${REPO_ROOT}/.tools"
  fi
}

# start_stand_ins RUNNER_PORT LOGDIR: one WireMock per provider (Unifonic, End User Messaging Social)
# on free loopback ports, serving tests/stand-ins/<provider>/; their delivery reports go to the runner
# on RUNNER_PORT. Sets UNIFONIC_URL, WHATSAPP_URL, STAND_IN_PIDS and exports
# MUSTAFEED_STAND_IN_WEBHOOK_TOKEN (a fresh token, which the runner puts in the local messaging secret;
# passed in the environment, never on a command line that ps shows).
start_stand_ins() {
  local runner_port="$1" logdir="$2" provider port
  ensure_wiremock
  MUSTAFEED_STAND_IN_WEBHOOK_TOKEN="$(python3 -c 'import secrets; print(secrets.token_hex(24))')"
  export MUSTAFEED_STAND_IN_WEBHOOK_TOKEN
  STAND_IN_PIDS=()
  for provider in unifonic whatsapp; do
    port=$(free_port)
    # JDK_JAVA_OPTIONS: the token reaches WireMock's templates as a system property without showing in ps.
    JDK_JAVA_OPTIONS="-Dmustafeed.standIn.webhookToken=${MUSTAFEED_STAND_IN_WEBHOOK_TOKEN}" \
      java -Xmx192m -XX:TieredStopAtLevel=1 \
      -Dmustafeed.standIn.callbackBase="http://127.0.0.1:${runner_port}" \
      -jar "$WIREMOCK_JAR" --bind-address 127.0.0.1 --port "$port" \
      --root-dir "${REPO_ROOT}/tests/stand-ins/${provider}" \
      --permitted-system-keys 'mustafeed\.standIn\..*' --disable-banner \
      >"${logdir}/stand-in-${provider}.log" 2>&1 &
    STAND_IN_PIDS+=("$!")
    if [[ $provider == unifonic ]]; then UNIFONIC_URL="http://127.0.0.1:${port}"; else WHATSAPP_URL="http://127.0.0.1:${port}"; fi
  done
  wait_http "${UNIFONIC_URL}/__admin/health" 60 && wait_http "${WHATSAPP_URL}/__admin/health" 60
}

# start_runner PORT EMULATOR LOGFILE [RUNNER OPTIONS...]: builds the site, starts the local runner
# serving it in the background; sets RUNNER_PID.
start_runner() {
  local port="$1" emulator="$2" logfile="$3"
  shift 3
  build_site
  java -XX:TieredStopAtLevel=1 -cp "$(runner_classpath)" sa.mustafeed.local.LocalRunner \
    --port "$port" --emulator "$emulator" --root "$REPO_ROOT" --site "$SITE_OUT" "$@" >"$logfile" 2>&1 &
  RUNNER_PID=$!
  wait_http "http://127.0.0.1:${port}/" 90 || { cat "$logfile" >&2; return 1; }
}
