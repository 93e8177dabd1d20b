#!/usr/bin/env bash
# Runs the pinned AWS SAM CLI from its own venv, creating the venv on first use.
#
# Why a private venv: aws-sam-cli pins versions (boto3, werkzeug, …) that conflict with
# moto's in one environment, and the version must be the same on every machine and in CI.
#
# Usage (from anywhere): scripts/sam.sh validate --lint --region me-south-1
#                        scripts/sam.sh build
set -euo pipefail

SAM_CLI_VERSION="1.170.0"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${repo_root}/.venv/sam"
python="${PYTHON:-python3}"

# The marker records the installed version so a bumped SAM_CLI_VERSION reinstalls, and so a
# half-finished install (interrupted pip) is not mistaken for a working one.
marker="${venv}/.sam-cli-${SAM_CLI_VERSION}"
if [[ ! -f "${marker}" ]]; then
  echo "sam.sh: installing aws-sam-cli==${SAM_CLI_VERSION} into ${venv#"${repo_root}/"} ..." >&2
  if [[ ! -x "${venv}/bin/python" ]]; then
    "${python}" -m venv "${venv}"
  fi
  "${venv}/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip >&2
  "${venv}/bin/python" -m pip install --quiet --disable-pip-version-check \
    "aws-sam-cli==${SAM_CLI_VERSION}" >&2
  rm -f "${venv}"/.sam-cli-*
  touch "${marker}"
fi

# SAM resolves template.yaml, samconfig.toml and .aws-sam/ relative to the working directory.
cd "${repo_root}"
# No usage telemetry from developer machines or CI (it would also try to reach the network).
export SAM_CLI_TELEMETRY=0
exec "${venv}/bin/sam" "$@"
