#!/usr/bin/env bash
# The whole test suite, on a fresh Debian machine with only a JDK (17+) and Maven: installs what the tests
# need when it is missing, then runs every module's tests and checks (formatting, enforcer).
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1 || { echo "test.sh: $1 is required ($2)" >&2; exit 1; }; }
need java "a JDK 17 or newer"
need mvn "Apache Maven 3.8.7 or newer"

# Debian packages the tests need, installed only when missing. The expression language and the CLI need
# none; the directory-server integration tests will add theirs here.
packages=()
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

exec mvn -B verify "$@"
