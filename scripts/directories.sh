#!/usr/bin/env bash
# Real directory servers for the LDAP connector's integration tests, on loopback only:
#   two Samba AD domain controllers (two forests): ldaps://127.0.0.1:636 (DC=one,DC=joinery,DC=test)
#                                                  ldaps://127.0.0.2:636 (DC=two,DC=joinery,DC=test)
#   one OpenLDAP slapd (mdb, syncprov):           ldap://127.0.0.1:10389  (dc=joinery,dc=test)
#
# usage: scripts/directories.sh start [--fresh] | stop | status
#
# State lives in $JOINERY_DIRECTORIES_DIR (default: .joinery/directories in the repository, which `mvn clean`
# leaves alone). Provisioned state is reused by the next start; `start --fresh` rebuilds it. A second start
# while the servers run does nothing. Installs the Debian packages it needs when they are missing (as root).
# One test CA signs every server's certificate (SAN 127.0.0.x): tests trust it by file and verify host names.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="${JOINERY_DIRECTORIES_DIR:-$root/.joinery/directories}"
packages=(samba samba-ad-provision samba-dsdb-modules samba-vfs-modules ldb-tools ldap-utils slapd openssl)
# Test-only credentials of throwaway servers bound to loopback.
admin_pass='Joinery-Test-Pass1'
slapd_port=10389
slapd_base='dc=joinery,dc=test'
slapd_admin="cn=admin,$slapd_base"

log() { echo "directories: $*" >&2; }

install_packages() {
    local missing=() p
    for p in "${packages[@]}"; do
        dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
    done
    [ "${#missing[@]}" -eq 0 ] && return 0
    log "installing ${missing[*]}"
    # slapd must not build its packaged database nor start its own service.
    echo "slapd slapd/no_configuration boolean true" | debconf-set-selections
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" </dev/null >/dev/null
    # The packaged services are not ours: never let them hold 389/636 on every address.
    for svc in slapd samba-ad-dc smbd nmbd winbind; do
        if command -v systemctl >/dev/null 2>&1; then systemctl disable --now "$svc" >/dev/null 2>&1 || true; fi
    done
}

ensure_loopback_address() {
    ip -4 addr show dev lo | grep -q 'inet 127\.0\.0\.2/' || ip addr add 127.0.0.2/8 dev lo
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

wait_port() {
    local i
    for i in $(seq 1 120); do
        port_open "$1" "$2" && return 0
        sleep 0.25
    done
    log "nothing answers on $1:$2"
    return 1
}

make_ca() {
    local tls="$state/tls"
    [ -f "$tls/ca.pem" ] && return 0
    mkdir -p "$tls"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=Joinery test CA" \
        -keyout "$tls/ca.key" -out "$tls/ca.pem" 2>/dev/null
    # A second CA that signed nothing: tests show a server is refused when only it is trusted.
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=Joinery wrong CA" \
        -keyout "$tls/wrong-ca.key" -out "$tls/wrong-ca.pem" 2>/dev/null
    local ip name
    for ip in 127.0.0.1 127.0.0.2; do
        name="server-$ip"
        openssl req -newkey rsa:2048 -nodes -subj "/CN=$ip" -keyout "$tls/$name.key" -out "$tls/$name.csr" 2>/dev/null
        printf 'subjectAltName=IP:%s,DNS:localhost\nextendedKeyUsage=serverAuth\n' "$ip" >"$tls/$name.ext"
        openssl x509 -req -in "$tls/$name.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" -CAcreateserial \
            -days 3650 -extfile "$tls/$name.ext" -out "$tls/$name.pem" 2>/dev/null
        chmod 600 "$tls/$name.key"
    done
    chmod 644 "$tls"/server-*.key # slapd runs as root here; samba wants 600 on its own copy below
}

# --- Samba AD DCs --------------------------------------------------------------------------------------

dc_dir() { echo "$state/samba-$1"; }

exchange_schema() {
    local dir="$1" base="$2" schema="CN=Schema,CN=Configuration,$2"
    # Attribute definitions in one transaction, the class changes in a second one (they fail together).
    cat >"$dir/exchange-attributes.ldif" <<EOF
dn: CN=ms-Exch-Mail-Nickname,$schema
changetype: add
objectClass: attributeSchema
cn: ms-Exch-Mail-Nickname
lDAPDisplayName: mailNickname
attributeID: 1.2.840.113556.1.2.447
attributeSyntax: 2.5.5.12
oMSyntax: 64
isSingleValued: TRUE
searchFlags: 0

dn: CN=ms-Exch-Master-Account-Sid,$schema
changetype: add
objectClass: attributeSchema
cn: ms-Exch-Master-Account-Sid
lDAPDisplayName: msExchMasterAccountSid
attributeID: 1.2.840.113556.1.4.7000.102.50
attributeSyntax: 2.5.5.17
oMSyntax: 4
isSingleValued: TRUE
searchFlags: 0

dn: CN=ms-Exch-Recipient-Type-Details,$schema
changetype: add
objectClass: attributeSchema
cn: ms-Exch-Recipient-Type-Details
lDAPDisplayName: msExchRecipientTypeDetails
attributeID: 1.2.840.113556.1.4.7000.102.51060
attributeSyntax: 2.5.5.16
oMSyntax: 65
isSingleValued: TRUE
searchFlags: 0

dn: CN=ms-Exch-Mailbox-Guid,$schema
changetype: add
objectClass: attributeSchema
cn: ms-Exch-Mailbox-Guid
lDAPDisplayName: msExchMailboxGuid
attributeID: 1.2.840.113556.1.4.7000.102.11058
attributeSyntax: 2.5.5.10
oMSyntax: 4
isSingleValued: TRUE
searchFlags: 0
EOF
    local cls mays
    : >"$dir/exchange-classes.ldif"
    for cls in User Contact Group; do
        mays="mailNickname msExchMasterAccountSid msExchRecipientTypeDetails msExchMailboxGuid"
        {
            echo "dn: CN=$cls,$schema"
            echo "changetype: modify"
            echo "add: mayContain"
            for a in $mays; do echo "mayContain: $a"; done
            echo "-"
            echo
        } >>"$dir/exchange-classes.ldif"
    done
    ldbmodify -H "$dir/private/sam.ldb" --option="dsdb:schema update allowed=true" "$dir/exchange-attributes.ldif" >/dev/null
    ldbmodify -H "$dir/private/sam.ldb" --option="dsdb:schema update allowed=true" "$dir/exchange-classes.ldif" >/dev/null
}

provision_dc() {
    local n="$1" ip="$2" realm="$3" domain="$4" dir
    dir="$(dc_dir "$n")"
    [ -f "$dir/provisioned" ] && return 0
    rm -rf "$dir"
    mkdir -p "$dir/run" "$dir/ncalrpc" "$dir/winbindd" "$dir/tls"
    log "provisioning Samba AD DC $n ($realm on $ip)"
    samba-tool domain provision --targetdir="$dir" --realm="$realm" --domain="$domain" --server-role=dc \
        --dns-backend=NONE --adminpass="$admin_pass" --host-name="dc$n" \
        --option="interfaces=$ip" --option="bind interfaces only=yes" \
        --option="pid directory=$dir/run" --option="ncalrpc dir=$dir/ncalrpc" \
        --option="winbindd socket directory=$dir/winbindd" \
        --option="server services = ldap" \
        --option="tls enabled = yes" \
        --option="tls keyfile = $dir/tls/key.pem" --option="tls certfile = $dir/tls/cert.pem" \
        --option="tls cafile = $dir/tls/ca.pem" \
        --option="dsdb:schema update allowed = true" \
        >"$dir/provision.log" 2>&1
    cp "$state/tls/server-$ip.pem" "$dir/tls/cert.pem"
    cp "$state/tls/server-$ip.key" "$dir/tls/key.pem"
    cp "$state/tls/ca.pem" "$dir/tls/ca.pem"
    chmod 600 "$dir/tls/key.pem"
    local base
    base="DC=$(echo "${realm,,}" | sed 's/\./,DC=/g')"
    exchange_schema "$dir" "$base"
    # Password rules of a test forest: short-lived test accounts, no history, no expiry.
    samba-tool domain passwordsettings set -H "$dir/private/sam.ldb" --complexity=off --history-length=0 \
        --min-pwd-age=0 --max-pwd-age=0 >/dev/null
    touch "$dir/provisioned"
}

start_dc() {
    local n="$1" ip="$2" dir
    dir="$(dc_dir "$n")"
    if pid_alive "$dir/samba.pid"; then return 0; fi
    if port_open "$ip" 636; then
        log "something else listens on $ip:636; not starting DC $n"
        return 1
    fi
    setsid samba -s "$dir/etc/smb.conf" -i -M single </dev/null >"$dir/samba.log" 2>&1 9>&- &
    echo $! >"$dir/samba.pid"
}

# --- OpenLDAP slapd ------------------------------------------------------------------------------------

slapd_dir() { echo "$state/slapd"; }

provision_slapd() {
    local dir
    dir="$(slapd_dir)"
    [ -f "$dir/provisioned" ] && return 0
    rm -rf "$dir"
    mkdir -p "$dir/data" "$dir/run"
    local hash
    hash="$(slappasswd -s "$admin_pass")"
    cat >"$dir/slapd.conf" <<EOF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/nis.schema
include /etc/ldap/schema/inetorgperson.schema
pidfile $dir/run/slapd.pid
argsfile $dir/run/slapd.args
modulepath /usr/lib/ldap
moduleload back_mdb
moduleload syncprov
sizelimit unlimited
TLSCACertificateFile $state/tls/ca.pem
TLSCertificateFile $state/tls/server-127.0.0.1.pem
TLSCertificateKeyFile $state/tls/server-127.0.0.1.key

database config
access to * by * none

database mdb
suffix "$slapd_base"
rootdn "$slapd_admin"
rootpw $hash
directory $dir/data
maxsize 2147483648
dbnosync
index objectClass,entryUUID,entryCSN eq
index modifyTimestamp eq
index cn,uid,mail eq
limits dn.exact="$slapd_admin" size=unlimited time=unlimited
access to * by * read
overlay syncprov
syncprov-checkpoint 100 1
syncprov-sessionlog 100000
EOF
    cat >"$dir/base.ldif" <<EOF
dn: $slapd_base
objectClass: dcObject
objectClass: organization
o: Joinery test
dc: joinery
EOF
    slapadd -f "$dir/slapd.conf" -l "$dir/base.ldif" >/dev/null 2>&1
    touch "$dir/provisioned"
}

start_slapd() {
    local dir
    dir="$(slapd_dir)"
    if pid_alive "$dir/run/slapd.pid"; then return 0; fi
    if port_open 127.0.0.1 "$slapd_port"; then
        log "something else listens on 127.0.0.1:$slapd_port; not starting slapd"
        return 1
    fi
    slapd -f "$dir/slapd.conf" -h "ldap://127.0.0.1:$slapd_port/" >"$dir/slapd.log" 2>&1 9>&-
}

# --- commands ------------------------------------------------------------------------------------------

print_status() {
    local ca="$state/tls/ca.pem" n ip dir up
    for n in 1 2; do
        ip="127.0.0.$n"
        dir="$(dc_dir "$n")"
        up=stopped
        pid_alive "$dir/samba.pid" && up="running (pid $(cat "$dir/samba.pid"))"
        local dom; [ "$n" = 1 ] && dom=one || dom=two
        echo "samba-ad-dc$n  ldaps://$ip:636  bind CN=Administrator,CN=Users,DC=$dom,DC=joinery,DC=test  $up"
    done
    dir="$(slapd_dir)"
    up=stopped
    pid_alive "$dir/run/slapd.pid" && up="running (pid $(cat "$dir/run/slapd.pid"))"
    echo "slapd         ldap://127.0.0.1:$slapd_port  bind $slapd_admin  $up"
    echo "CA certificate: $ca"
    echo "password file:  $state/admin-password"
}

start() {
    local fresh=0
    [ "${1:-}" = "--fresh" ] && fresh=1
    [ "$(id -u)" = 0 ] || { log "run as root (packages, loopback address)"; exit 1; }
    install_packages
    ensure_loopback_address
    if [ "$fresh" = 1 ]; then
        stop
        rm -rf "$state"
    fi
    mkdir -p "$state"
    printf '%s' "$admin_pass" >"$state/admin-password"
    chmod 600 "$state/admin-password"
    exec 9>"$state/.lock"
    flock 9
    make_ca
    provision_dc 1 127.0.0.1 ONE.JOINERY.TEST ONE &
    local p1=$!
    provision_dc 2 127.0.0.2 TWO.JOINERY.TEST TWO &
    local p2=$!
    provision_slapd
    wait "$p1" || { log "provisioning DC 1 failed: $(dc_dir 1)/provision.log"; exit 1; }
    wait "$p2" || { log "provisioning DC 2 failed: $(dc_dir 2)/provision.log"; exit 1; }
    start_dc 1 127.0.0.1
    start_dc 2 127.0.0.2
    start_slapd
    wait_port 127.0.0.1 636
    wait_port 127.0.0.2 636
    wait_port 127.0.0.1 "$slapd_port"
    print_status
}

stop_pid() {
    local pidfile="$1" pid i
    pid_alive "$pidfile" || { rm -f "$pidfile"; return 0; }
    pid="$(cat "$pidfile")"
    kill "$pid" 2>/dev/null || true
    for i in $(seq 1 40); do
        kill -0 "$pid" 2>/dev/null || { rm -f "$pidfile"; return 0; }
        sleep 0.25
    done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$pidfile"
}

stop() {
    stop_pid "$(dc_dir 1)/samba.pid"
    stop_pid "$(dc_dir 2)/samba.pid"
    stop_pid "$(slapd_dir)/run/slapd.pid"
}

case "${1:-}" in
    start) shift; start "$@" ;;
    stop) stop ;;
    status) print_status ;;
    *) echo "usage: $0 start [--fresh] | stop | status" >&2; exit 2 ;;
esac
