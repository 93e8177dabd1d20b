#!/usr/bin/env bash
# Every commit since BASE has a subject under 72 characters (it is what `git log --oneline`, shortlog
# and the web views show whole), followed by a blank line when a body explains the why.
# History before BASE (the main HEAD when the rule came in, issue 14) is not judged.
#   scripts/check-commits.sh [BASE]
set -euo pipefail
export LC_ALL=C.UTF-8  # ${#subject} then counts characters, not bytes
cd "$(dirname "$0")/.."
base="${1:-245f8e4}"
limit=72

if ! git rev-parse --git-dir >/dev/null 2>&1; then
  echo "check-commits: not a git checkout; nothing to check"; exit 0
fi
if git cat-file -e "${base}^{commit}" 2>/dev/null; then
  range="${base}..HEAD"
else
  # A shallow clone without the base: judge what it has rather than nothing.
  echo "check-commits: base ${base} not in this clone; checking the commits it has"
  range="HEAD"
fi

bad=0 count=0
while IFS= read -r -d '' record; do
  sha="${record%%$'\n'*}"
  message="${record#*$'\n'}"
  subject="${message%%$'\n'*}"
  count=$((count + 1))
  if (( ${#subject} >= limit )); then
    echo "check-commits: ${sha:0:7} subject has ${#subject} characters (under ${limit}): ${subject}"; bad=$((bad + 1))
  fi
  if [[ "$message" == *$'\n'* ]]; then
    second="${message#*$'\n'}"; second="${second%%$'\n'*}"
    if [[ -n "$second" ]]; then
      echo "check-commits: ${sha:0:7} has no blank line between subject and body"; bad=$((bad + 1))
    fi
  fi
done < <(LC_ALL=C.UTF-8 git log -z --format='%H%n%B' "$range" | sed -z 's/\n*$//')
echo "check-commits: ${count} commits since ${base}, ${bad} problems"
((bad == 0))
