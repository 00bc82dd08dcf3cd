#!/usr/bin/env bash
# The whole test suite, on a fresh Debian machine with only a JDK (17+) and Maven: installs what the tests
# need when it is missing, then runs every module's tests and checks (formatting, enforcer).
set -euo pipefail
cd "$(dirname "$0")/.."

need() { command -v "$1" >/dev/null 2>&1 || { echo "test.sh: $1 is required ($2)" >&2; exit 1; }; }
need java "a JDK 17 or newer"
need mvn "Apache Maven 3.8.7 or newer"

# Debian packages the tests need, installed only when missing: the LDAP connector's integration tests run
# against two Samba AD DCs and an OpenLDAP slapd (scripts/directories.sh). slapd is preseeded so that the
# package builds no database of its own.
packages=(samba samba-ad-provision samba-dsdb-modules samba-vfs-modules ldb-tools ldap-utils slapd openssl)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "test.sh: installing ${missing[*]}" >&2
  echo "slapd slapd/no_configuration boolean true" | debconf-set-selections
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" </dev/null
fi

# The directory servers, on loopback only; a no-op when they run already (the ITs would start them too).
./scripts/directories.sh start

exec mvn -B verify "$@"
