#!/usr/bin/env bash
# Postgres and RabbitMQ for development and tests, run from the Debian packages in a data
# folder of this checkout (.local/), without Docker.
#
#   build/infra.sh start        install what is missing (as root), start both, wait until they answer
#   build/infra.sh stop         stop both; safe when already stopped
#   build/infra.sh status       print which are up (exit 0 when both are, 3 otherwise)
#   build/infra.sh env          print the connection settings as shell exports
#   build/infra.sh install [pkg...]   install the Debian packages (plus any named) if missing
#   build/infra.sh psql [args...]     psql connected to our database
#   build/infra.sh rabbitmqctl [args...]  rabbitmqctl talking to our node
#
# Ports: TRADING_PG_PORT (55432), TRADING_AMQP_PORT (55672), TRADING_MGMT_PORT (55673),
# TRADING_DIST_PORT (55674, Erlang distribution), TRADING_EPMD_PORT (55675, our own epmd),
# TRADING_PROM_PORT (55676, RabbitMQ's Prometheus metrics: /metrics, /metrics/per-object).
# TRADING_INFRA_TIMEOUT: seconds to wait for each server to answer (120).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
LOCAL_DIR="$REPO_ROOT/.local"
LOG_DIR="$LOCAL_DIR/logs"
RMQ_DIR="$LOCAL_DIR/rabbitmq"

PG_PORT="${TRADING_PG_PORT:-55432}"
AMQP_PORT="${TRADING_AMQP_PORT:-55672}"
MGMT_PORT="${TRADING_MGMT_PORT:-55673}"
DIST_PORT="${TRADING_DIST_PORT:-55674}"
PROM_PORT="${TRADING_PROM_PORT:-55676}"
EPMD_PORT="${TRADING_EPMD_PORT:-55675}"
TIMEOUT="${TRADING_INFRA_TIMEOUT:-120}"

# Local development credentials, the same as docker-compose.yml's defaults. Not secrets.
DB_USER=trading
DB_PASSWORD=trading
DB_NAME=trading
MQ_USER=trading
MQ_PASSWORD=trading
RMQ_NODE=trading@localhost

# The real scripts, not /usr/sbin/rabbitmq-*: Debian's wrappers there `su` to the rabbitmq
# user when run as root and cd to /var/lib/rabbitmq, which cannot reach a data folder in a
# checkout under /root. The broker itself runs fine as root, so it runs as whoever calls us.
RMQ_BIN=/usr/lib/rabbitmq/bin

log() { printf 'infra: %s\n' "$*" >&2; }
die() { printf 'infra: error: %s\n' "$*" >&2; exit 1; }
is_root() { [[ "$(id -u)" == 0 ]]; }

# Prints the newest /usr/lib/postgresql/<version>/bin that has initdb, or nothing.
pg_bin_dir() {
  local dir
  dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)"
  if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then
    printf '%s\n' "$dir"
  fi
}

# True when something accepts TCP connections on 127.0.0.1:$1.
port_open() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# ---------------------------------------------------------------------------------------------
# Packages

# Installs Debian packages with the system services kept down. Debian's postinst scripts
# start the system-wide postgresql and rabbitmq-server; without systemd that either fails
# (and makes apt-get fail) or leaves a second broker and epmd running. A policy-rc.d that
# answers 101 ("action forbidden") is the standard way to say "do not start services".
apt_install() {
  local created_policy=0
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\n# Temporary, created by build/infra.sh while installing packages.\nexit 101\n' \
      > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    created_policy=1
  fi
  local rc=0
  {
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    log "apt-get install $*"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      -o Dpkg::Use-Pty=0 "$@"
  } || rc=$?
  if ((created_policy)); then rm -f /usr/sbin/policy-rc.d; fi
  return "$rc"
}

ensure_packages() {
  local missing=() pkg
  [[ -n "$(pg_bin_dir)" ]] || missing+=(postgresql)
  [[ -x "$RMQ_BIN/rabbitmq-server" ]] || missing+=(rabbitmq-server)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0
  if ! is_root; then
    die "missing Debian packages: ${missing[*]}. Install them first: sudo apt-get install -y ${missing[*]}"
  fi
  apt_install "${missing[@]}"
  [[ -n "$(pg_bin_dir)" ]] || die "postgresql installed but no initdb under /usr/lib/postgresql/*/bin"
  [[ -x "$RMQ_BIN/rabbitmq-server" ]] || die "rabbitmq-server installed but $RMQ_BIN/rabbitmq-server is missing"
}

# ---------------------------------------------------------------------------------------------
# Postgres

# Postgres refuses to run as root, so as root it runs as the `postgres` user that the Debian
# package creates. That user must be able to reach the data directory: a checkout under a
# private directory (/root/src/...) is not reachable. Rather than loosen permissions on the
# caller's directories, we then keep the data under the postgres user's home and leave a
# symlink at .local/postgres. The decision is made once and remembered by that symlink.
PG_BIN=""
PG_DATA=""
PG_LOG=""

pg_setup_paths() {
  PG_BIN="$(pg_bin_dir)"
  [[ -n "$PG_BIN" ]] || die "postgres is not installed (no /usr/lib/postgresql/*/bin/initdb); run: apt-get install -y postgresql"
  mkdir -p "$LOCAL_DIR" "$LOG_DIR"
  if [[ -L "$LOCAL_DIR/postgres" ]]; then
    PG_DATA="$(readlink -f "$LOCAL_DIR/postgres")"
    PG_LOG="$(dirname "$PG_DATA")/postgres.log"
    return
  fi
  PG_DATA="$LOCAL_DIR/postgres"
  PG_LOG="$LOG_DIR/postgres.log"
  if is_root; then
    # Only our own folders get opened up; the checkout's parents are left alone.
    chmod 755 "$LOCAL_DIR" "$LOG_DIR"
    if ! runuser -u postgres -- test -x "$LOCAL_DIR" 2>/dev/null; then
      local home key
      home="$(getent passwd postgres | cut -d: -f6)"
      key="$(printf '%s' "$REPO_ROOT" | sha256sum | cut -c1-12)"
      local base="$home/trading-infra-$key"
      log "user postgres cannot reach $LOCAL_DIR (a parent directory is private);"
      log "keeping the postgres data in $base/data, linked from .local/postgres"
      mkdir -p "$base/data"
      chown postgres:postgres "$base" "$base/data"
      ln -s "$base/data" "$LOCAL_DIR/postgres"
      ln -sfn "$base/postgres.log" "$LOG_DIR/postgres.log"
      PG_DATA="$base/data"
      PG_LOG="$base/postgres.log"
    fi
  fi
}

# Runs a server-side postgres tool as the user that owns the cluster, from / so that a
# private current directory does not matter.
as_pg_owner() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

pg_running() {
  [[ -f "$PG_DATA/PG_VERSION" ]] && as_pg_owner "$PG_BIN/pg_ctl" status -D "$PG_DATA" >/dev/null 2>&1
}

pg_psql() {
  PGPASSWORD="$DB_PASSWORD" PGCONNECT_TIMEOUT=5 "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$PG_PORT" -U "$DB_USER" "$@"
}

pg_init() {
  log "initialising postgres cluster in $PG_DATA"
  mkdir -p "$PG_DATA"
  local pwfile
  # In /tmp, which the postgres user can always reach, unlike a private TMPDIR.
  pwfile="$(mktemp /tmp/trading-pgpass.XXXXXX)"
  printf '%s\n' "$DB_PASSWORD" > "$pwfile"
  if is_root; then chown postgres:postgres "$PG_DATA" "$pwfile"; fi
  chmod 700 "$PG_DATA"
  # --no-locale: the C locale exists on every machine; a fresh CI box may have no locales.
  as_pg_owner "$PG_BIN/initdb" -D "$PG_DATA" -U "$DB_USER" --pwfile="$pwfile" \
    --auth-host=scram-sha-256 --auth-local=peer --encoding=UTF8 --no-locale >/dev/null \
    || { rm -f "$pwfile"; die "initdb failed"; }
  rm -f "$pwfile"
  # TCP on loopback only, and no Unix socket: the default socket directory
  # (/var/run/postgresql) may be missing or taken by a system instance.
  cat >> "$PG_DATA/postgresql.conf" <<'EOF'

# --- added by build/infra.sh ---
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
# six services plus parallel integration tests, each with an Npgsql pool
max_connections = 300
timezone = 'UTC'
log_timezone = 'UTC'
EOF
}

pg_start() {
  if pg_running; then
    log "postgres already running"
  else
    if port_open "$PG_PORT"; then
      die "port $PG_PORT is already in use by another process (another checkout's infra?). Stop it or set TRADING_PG_PORT."
    fi
    [[ -f "$PG_DATA/PG_VERSION" ]] || pg_init
    if is_root; then
      # A copy of the checkout made by root (cp -r) leaves root-owned files behind.
      [[ "$(stat -c %U "$PG_DATA")" == postgres ]] || chown -R postgres:postgres "$PG_DATA"
      touch "$PG_LOG"
      chown postgres:postgres "$PG_LOG"
    fi
    chmod 700 "$PG_DATA"
    log "starting postgres on 127.0.0.1:$PG_PORT"
    if ! as_pg_owner "$PG_BIN/pg_ctl" start -D "$PG_DATA" -l "$PG_LOG" -o "-p $PG_PORT" \
        -w -t "$TIMEOUT" >/dev/null; then
      log "postgres did not start; last lines of $PG_LOG:"
      tail -n 30 "$PG_LOG" >&2 || true
      exit 1
    fi
  fi
  pg_wait_ready
  if [[ -z "$(pg_psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" ]]; then
    log "creating database $DB_NAME"
    pg_psql -d postgres -c "CREATE DATABASE \"$DB_NAME\""
  fi
}

pg_wait_ready() {
  local deadline=$((SECONDS + TIMEOUT))
  until "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; do
    if ((SECONDS >= deadline)); then
      log "postgres did not answer on 127.0.0.1:$PG_PORT within ${TIMEOUT}s; last lines of $PG_LOG:"
      tail -n 30 "$PG_LOG" >&2 || true
      exit 1
    fi
    sleep 0.5
  done
}

pg_stop() {
  if pg_running; then
    log "stopping postgres"
    as_pg_owner "$PG_BIN/pg_ctl" stop -D "$PG_DATA" -m fast -w -t "$TIMEOUT" >/dev/null
  fi
}

# ---------------------------------------------------------------------------------------------
# RabbitMQ

# Everything the broker and rabbitmqctl need to agree on: node name, our own epmd (so that
# stopping does not leave a shared epmd behind or kill somebody else's), and a HOME whose
# .erlang.cookie both of them read. All state lives under .local/rabbitmq.
rmq_export_env() {
  export HOME="$RMQ_DIR/home"
  export RABBITMQ_NODENAME="$RMQ_NODE"
  export RABBITMQ_USE_LONGNAME=false
  export ERL_EPMD_PORT="$EPMD_PORT"
  export ERL_EPMD_ADDRESS=127.0.0.1
  export RABBITMQ_DIST_PORT="$DIST_PORT"
  export RABBITMQ_CONF_ENV_FILE="$RMQ_DIR/rabbitmq-env.conf"
  export RABBITMQ_CONFIG_FILE="$RMQ_DIR/rabbitmq.conf"
  export RABBITMQ_ADVANCED_CONFIG_FILE="$RMQ_DIR/advanced.config"
  export RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_DIR/enabled_plugins"
  export RABBITMQ_MNESIA_BASE="$RMQ_DIR/mnesia"
  export RABBITMQ_PID_FILE="$RMQ_DIR/rabbitmq.pid"
  export RABBITMQ_LOG_BASE="$LOG_DIR"
  export RABBITMQ_LOGS="$LOG_DIR/rabbitmq.log"
  # Erlang distribution on loopback only.
  export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
}

rmq_ctl() {
  (rmq_export_env && cd "$RMQ_DIR" && "$RMQ_BIN/rabbitmqctl" -n "$RMQ_NODE" "$@")
}

# The broker's OS pid, when it is running from this checkout's data folder.
rmq_pid() {
  local pid
  pid="$(cat "$RMQ_DIR/rabbitmq.pid" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF -- "-home $RMQ_DIR/home" || return 1
  printf '%s\n' "$pid"
}

rmq_running() { rmq_pid >/dev/null; }

rmq_write_config() {
  mkdir -p "$RMQ_DIR/home" "$RMQ_DIR/mnesia" "$LOG_DIR"
  chmod 700 "$RMQ_DIR/home"
  : > "$RMQ_DIR/rabbitmq-env.conf"  # keeps /etc/rabbitmq/rabbitmq-env.conf out of our node
  printf '[rabbitmq_management,rabbitmq_prometheus].\n' > "$RMQ_DIR/enabled_plugins"
  # Rewritten on every start so that port overrides take effect. default_user and
  # default_permissions apply only on the node's first boot; rmq_ensure_user repairs later.
  cat > "$RMQ_DIR/rabbitmq.conf" <<EOF
# Generated by build/infra.sh on every start; edit the script, not this file.
listeners.tcp.default = 127.0.0.1:$AMQP_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $MGMT_PORT
prometheus.tcp.ip = 127.0.0.1
prometheus.tcp.port = $PROM_PORT
default_vhost = /
default_user = $MQ_USER
default_pass = $MQ_PASSWORD
default_user_tags.administrator = true
default_permissions.configure = .*
default_permissions.read = .*
default_permissions.write = .*
log.console = false
log.file.level = info
EOF
}

# HTTP status of the management API's overview with our credentials ("000" when no answer).
rmq_mgmt_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 -u "$MQ_USER:$MQ_PASSWORD" \
    "http://127.0.0.1:$MGMT_PORT/api/overview" || true
}

rmq_start() {
  if rmq_running; then
    log "rabbitmq already running"
  else
    local port
    for port in "$AMQP_PORT" "$MGMT_PORT" "$DIST_PORT" "$PROM_PORT"; do
      if port_open "$port"; then
        die "port $port is already in use by another process (another checkout's infra?). Stop it or set TRADING_AMQP_PORT/TRADING_MGMT_PORT/TRADING_DIST_PORT/TRADING_PROM_PORT."
      fi
    done
    rmq_write_config
    rm -f "$RMQ_DIR/rabbitmq.pid"
    log "starting rabbitmq node $RMQ_NODE on 127.0.0.1:$AMQP_PORT (management $MGMT_PORT)"
    # setsid: the broker must outlive this script and ignore Ctrl-C in the caller's terminal.
    # Output goes to a file so that no pipe of the caller (make | tee) is held open.
    (
      rmq_export_env
      cd "$RMQ_DIR"
      setsid "$RMQ_BIN/rabbitmq-server" >> "$LOG_DIR/rabbitmq-server.out" 2>&1 < /dev/null &
      echo $! > "$RMQ_DIR/wrapper.pid"
    )
  fi
  rmq_wait_ready
  rmq_ensure_user
}

rmq_fail() {
  log "$1"
  log "last lines of $LOG_DIR/rabbitmq-server.out:"
  tail -n 20 "$LOG_DIR/rabbitmq-server.out" >&2 2>/dev/null || true
  log "last lines of $LOG_DIR/rabbitmq.log:"
  tail -n 30 "$LOG_DIR/rabbitmq.log" >&2 2>/dev/null || true
  exit 1
}

# Waits for the management API, which comes up after the AMQP listener and the plugins.
# 401 also counts: the node is up, only our user is missing.
rmq_wait_ready() {
  local deadline=$((SECONDS + TIMEOUT)) wrapper status
  wrapper="$(cat "$RMQ_DIR/wrapper.pid" 2>/dev/null || true)"
  while :; do
    status="$(rmq_mgmt_status)"
    if [[ "$status" == 200 || "$status" == 401 ]] && port_open "$AMQP_PORT"; then
      return 0
    fi
    if ! rmq_running && [[ -n "$wrapper" ]] && ! kill -0 "$wrapper" 2>/dev/null; then
      rmq_fail "rabbitmq exited during start-up"
    fi
    if ((SECONDS >= deadline)); then
      rmq_fail "rabbitmq did not answer on 127.0.0.1:$MGMT_PORT within ${TIMEOUT}s"
    fi
    sleep 1
  done
}

rmq_ensure_user() {
  if [[ "$(rmq_mgmt_status)" != 200 ]]; then
    log "repairing rabbitmq user $MQ_USER"
    rmq_ctl add_user "$MQ_USER" "$MQ_PASSWORD" >/dev/null 2>&1 \
      || rmq_ctl change_password "$MQ_USER" "$MQ_PASSWORD" >/dev/null
    rmq_ctl set_user_tags "$MQ_USER" administrator >/dev/null
  fi
  local perms
  perms="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -u "$MQ_USER:$MQ_PASSWORD" \
    "http://127.0.0.1:$MGMT_PORT/api/permissions/%2F/$MQ_USER" || true)"
  if [[ "$perms" != 200 ]]; then
    log "granting $MQ_USER full permissions on /"
    rmq_ctl set_permissions -p / "$MQ_USER" '.*' '.*' '.*' >/dev/null
  fi
}

rmq_stop() {
  local pid
  if pid="$(rmq_pid)"; then
    log "stopping rabbitmq"
    # shutdown (unlike stop) blocks until the broker's OS process has exited.
    if ! rmq_ctl shutdown >/dev/null 2>&1; then
      log "rabbitmqctl shutdown failed; terminating pid $pid"
      kill -TERM "$pid" 2>/dev/null || true
    fi
    local deadline=$((SECONDS + 30))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$RMQ_DIR/rabbitmq.pid" "$RMQ_DIR/wrapper.pid"
  # The Erlang VM starts epmd as a daemon that outlives the broker. Ours listens on its own
  # port, so killing it cannot affect anybody else's Erlang nodes.
  if command -v epmd >/dev/null 2>&1 && port_open "$EPMD_PORT"; then
    ERL_EPMD_PORT="$EPMD_PORT" epmd -kill >/dev/null 2>&1 || true
  fi
}

# ---------------------------------------------------------------------------------------------
# Commands

cmd_status() {
  local rc=0
  pg_setup_paths
  if pg_running && "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
    printf 'postgres  up    127.0.0.1:%s  database %s  data %s\n' "$PG_PORT" "$DB_NAME" "$PG_DATA"
  else
    printf 'postgres  down  (data %s)\n' "$PG_DATA"
    rc=3
  fi
  if rmq_running && [[ "$(rmq_mgmt_status)" == 200 ]]; then
    printf 'rabbitmq  up    amqp://127.0.0.1:%s  management http://127.0.0.1:%s  node %s\n' \
      "$AMQP_PORT" "$MGMT_PORT" "$RMQ_NODE"
  else
    printf 'rabbitmq  down  (data %s)\n' "$RMQ_DIR"
    rc=3
  fi
  printf 'logs      %s\n' "$LOG_DIR"
  return "$rc"
}

cmd_start() {
  ensure_packages
  pg_setup_paths
  mkdir -p "$RMQ_DIR"
  pg_start
  rmq_start
  cmd_status
}

cmd_stop() {
  if [[ -n "$(pg_bin_dir)" ]]; then
    pg_setup_paths
    pg_stop
  fi
  if [[ -x "$RMQ_BIN/rabbitmqctl" ]]; then
    rmq_stop
  fi
  log "stopped"
}

cmd_env() {
  cat <<EOF
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$PG_PORT;Username=$DB_USER;Password=$DB_PASSWORD;Database=$DB_NAME"
export ConnectionStrings__RabbitMq="amqp://$MQ_USER:$MQ_PASSWORD@127.0.0.1:$AMQP_PORT/"
export TRADING_RABBITMQ_MANAGEMENT="http://$MQ_USER:$MQ_PASSWORD@127.0.0.1:$MGMT_PORT"
export TRADING_RABBITMQ_PROMETHEUS="http://127.0.0.1:$PROM_PORT"
EOF
}

usage() {
  sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

main() {
  local cmd="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    env) cmd_env ;;
    install) ensure_packages "$@" ;;
    psql) pg_setup_paths && pg_psql -d "$DB_NAME" "$@" ;;
    rabbitmqctl) rmq_ctl "$@" ;;
    -h | --help | help) usage ;;
    *) usage >&2; exit 2 ;;
  esac
}

main "$@"
