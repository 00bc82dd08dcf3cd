#!/usr/bin/env bash
# The servers of ./bench ldap: a private slapd with a source database (USERS users in ou=people, 10,000 in ou=e2e,
# syncprov) and an empty target database, loaded offline by slapadd; and, when scripts/directories.sh runs them,
# Samba DC 2 with USERS users in OU=bench (loaded once by ldbadd, kept). Then runs the benchmark and stops slapd.
# usage: scripts/bench-ldap.sh BENCHMARKS_JAR USERS
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$1"
users="$2"
state="${JOINERY_DIRECTORIES_DIR:-$root/.joinery/directories}"
# A throw-away password of servers bound to loopback for the length of the run.
export JOINERY_BENCH_PASSWORD="bench-$RANDOM-$RANDOM"

log() { echo "bench ldap: $*" >&2; }

users_ldif() { # BASE_DN OU COUNT PREFIX: inetOrgPerson entries
    awk -v base="$1" -v ou="$2" -v n="$3" -v p="$4" 'BEGIN {
        printf "dn: ou=%s,%s\nobjectClass: organizationalUnit\nou: %s\n\n", ou, base, ou
        for (i = 0; i < n; i++) {
            printf "dn: uid=%s%06d,ou=%s,%s\nobjectClass: inetOrgPerson\nuid: %s%06d\ncn: Given%d Sur%d\n", p, i, ou, base, p, i, i, i
            printf "sn: Sur%d\ngivenName: Given%d\ndisplayName: Given%d Sur%d\nmail: %s%06d@bench.test\n", i, i, i, i, p, i
            printf "employeeNumber: %s%06d\ndepartmentNumber: %d\ntitle: Staff\n\n", p, i, i % 20
        }
    }'
}

dir="$(mktemp -d /tmp/joinery-bench-ldap.XXXXXX)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
mkdir -p "$dir/source" "$dir/target" "$dir/run"
hash="$(slappasswd -s "$JOINERY_BENCH_PASSWORD")"
db() { # SUFFIX DIR [overlay]
    cat <<CONF
database mdb
suffix "$1"
rootdn "cn=admin,$1"
rootpw $hash
directory $2
maxsize 4294967296
dbnosync
index objectClass,entryUUID,entryCSN eq
index uid eq
limits dn.exact="cn=admin,$1" size=unlimited time=unlimited
CONF
}
{
    cat <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/nis.schema
include /etc/ldap/schema/inetorgperson.schema
pidfile $dir/run/slapd.pid
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload syncprov
sizelimit unlimited
CONF
    db "dc=source,dc=bench" "$dir/source"
    printf 'overlay syncprov\nsyncprov-checkpoint 1000 1\nsyncprov-sessionlog 200000\n'
    db "dc=target,dc=bench" "$dir/target"
    printf 'overlay syncprov\nsyncprov-checkpoint 1000 1\nsyncprov-sessionlog 200000\n'
} >"$dir/slapd.conf"
t0=$(date +%s.%N)
{
    printf 'dn: dc=source,dc=bench\nobjectClass: dcObject\nobjectClass: organization\no: source\ndc: source\n\n'
    users_ldif "dc=source,dc=bench" people "$users" u
    users_ldif "dc=source,dc=bench" e2e 10000 e
} | slapadd -q -f "$dir/slapd.conf" -b "dc=source,dc=bench"
printf 'dn: dc=target,dc=bench\nobjectClass: dcObject\nobjectClass: organization\no: target\ndc: target\n\ndn: ou=people,dc=target,dc=bench\nobjectClass: organizationalUnit\nou: people\n\ndn: ou=direct,dc=target,dc=bench\nobjectClass: organizationalUnit\nou: direct\n\n' \
    | slapadd -q -f "$dir/slapd.conf" -b "dc=target,dc=bench"
log "slapadd of $users + 10000 users: $(python3 -c "import time; print(round(time.time() - $t0, 1))") s"
slapd -f "$dir/slapd.conf" -h "ldap://127.0.0.1:$port/" 9>&-
trap 'kill "$(cat "$dir/run/slapd.pid")" 2>/dev/null; sleep 1; rm -rf "$dir"' EXIT
for _ in $(seq 1 40); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.25; done
# The raw ldapadd rate of this slapd, for comparison with the engine's creates.
users_ldif "dc=target,dc=bench" raw 10000 r >"$dir/raw.ldif"
(umask 077; printf %s "$JOINERY_BENCH_PASSWORD" >"$dir/pw")
t0=$(date +%s.%N)
ldapadd -x -H "ldap://127.0.0.1:$port" -D "cn=admin,dc=target,dc=bench" -y "$dir/pw" -f "$dir/raw.ldif" >/dev/null
raw_adds="$(python3 -c "import time; print(round(10001 / (time.time() - $t0)))")"
log "raw ldapadd of 10,000 users into the target database: $raw_adds adds/s"

args=("slapd=ldap://127.0.0.1:$port" "users=$users" "rawAdds=$raw_adds")
samba_pid="$state/samba-2/samba.pid"
if [ -f "$samba_pid" ] && kill -0 "$(cat "$samba_pid")" 2>/dev/null; then
    sam="$state/samba-2/private/sam.ldb"
    base="DC=two,DC=joinery,DC=test"
    admin_pass="$(cat "$state/admin-password")"
    # Samba's ldb spends on each add time in proportion to the users already there (13 ms at 7,000): 100,000 would
    # take hours, so Samba gets JOINERY_BENCH_SAMBA_USERS (default 10,000; about 3 minutes to load).
    samba_users="${JOINERY_BENCH_SAMBA_USERS:-10000}"
    exists() {
        LDAPTLS_CACERT="$state/tls/ca.pem" ldapsearch -x -LLL -H ldaps://127.0.0.2 -D "CN=Administrator,CN=Users,$base" \
            -w "$admin_pass" -b "$1" -s base 1.1 2>/dev/null | grep -c '^dn:' || true
    }
    if [ "$(exists "OU=bench,$base")" = 0 ]; then
        printf 'dn: OU=bench,%s\nobjectClass: organizationalUnit\n\n' "$base" >"$dir/ou.ldif"
        ldbadd -H "$sam" "$dir/ou.ldif" >/dev/null
    fi
    from=0
    while [ "$from" -lt "$samba_users" ] && [ "$(exists "CN=b$(printf %06d "$from"),OU=bench,$base")" = 1 ]; do
        from=$((from + 1000))
    done
    if [ "$from" -lt "$samba_users" ]; then
        log "loading users $from to $((samba_users - 1)) into OU=bench of Samba DC 2 with ldbadd (kept for later runs)"
        t0=$(date +%s.%N)
        awk -v base="$base" -v from="$from" -v n="$samba_users" 'BEGIN {
            for (i = from; i < n; i++) {
                printf "dn: CN=b%06d,OU=bench,%s\nobjectClass: user\nsAMAccountName: b%06d\nuserAccountControl: 514\n", i, base, i
                printf "givenName: Given%d\nsn: Sur%d\ndisplayName: Given%d Sur%d\nmail: b%06d@bench.test\n", i, i, i, i, i
                printf "employeeID: b%06d\ndepartment: Dept%d\ntitle: Staff\n\n", i, i % 20
            }
        }' >"$dir/samba.ldif"
        ldbadd -H "$sam" "$dir/samba.ldif" >/dev/null
        log "ldbadd: $(python3 -c "import time; print(round(time.time() - $t0))") s"
    fi
    args+=("samba=ldaps://127.0.0.2:636" "ca=$state/tls/ca.pem" "sambaUsers=$samba_users")
    export JOINERY_BENCH_SAMBA_PASSWORD="$admin_pass"
else
    log "Samba DC 2 is not running (scripts/directories.sh start): Samba figures skipped"
fi
java -Xmx2g -cp "$jar" dev.joinery.bench.ldap.LdapBenchmark "${args[@]}"
