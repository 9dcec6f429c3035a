#!/usr/bin/env bash
# The six services as local processes, on the Postgres and RabbitMQ that build/infra.sh runs.
#
#   build/stack.sh start [--no-build]         build, start in the background, print URLs (make run)
#   build/stack.sh start --demo [--no-build]  replay recorded BTC/USDT trades on a fresh database and
#                                             vhost, watch candles, signals and fills in the terminal,
#                                             then stop the services (make demo)
#   build/stack.sh stop [--all]               stop the services; --all also stops Postgres and RabbitMQ
#   build/stack.sh status                     which services run and answer /health/ready
#   build/stack.sh logs                       follow every service log
#
# Settings, lowest precedence first: infra.sh env (connection strings), the git-ignored .env at
# the repository root (sourced by bash), then variables already set in the caller's environment. The demo forces
# what makes it a demo (the replay source, its own database and vhost) and defaults the Replay__*
# settings, which the caller's environment (not .env) may still override.
# TRADING_READY_TIMEOUT: seconds to wait for /health/ready (60). TRADING_PORT_BASE: 5100.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
INFRA="$REPO_ROOT/build/infra.sh"
LOG_DIR="$REPO_ROOT/.local/logs"
RUN_DIR="$REPO_ROOT/.local/run"
READY_TIMEOUT="${TRADING_READY_TIMEOUT:-60}"
STOP_GRACE_SECONDS=10

# folder, assembly name, port (5101..5106 unless TRADING_PORT_BASE moves them, e.g. to run a
# second stack). market-data comes last on purpose: see start_services.
PORT_BASE="${TRADING_PORT_BASE:-5100}"
SERVICES=(
  "candle-builder Trading.CandleBuilder $((PORT_BASE + 2))"
  "signal Trading.Signal $((PORT_BASE + 3))"
  "risk Trading.Risk $((PORT_BASE + 4))"
  "execution Trading.Execution $((PORT_BASE + 5))"
  "notification Trading.Notification $((PORT_BASE + 6))"
  "market-data Trading.MarketData $((PORT_BASE + 1))"
)
CLI_DLL="$REPO_ROOT/services/cli/bin/Release/net10.0/trading.dll"

DEMO_FILE_NAME=btcusdt-kraken-trades-20251110.csv
DEMO_DATABASE=trading_demo
DEMO_VHOST=demo

log() { printf 'stack: %s\n' "$*" >&2; }
die() { printf 'stack: error: %s\n' "$*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

service_dll() { printf '%s/services/%s/bin/Release/net10.0/%s.dll\n' "$REPO_ROOT" "$1" "$2"; }

# The pid recorded for a service, if that process is still the service (pids get reused).
service_pid() {
  local name="$1" assembly="$2" pid
  pid="$(cat "$RUN_DIR/$name.pid" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ && -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -qF "$assembly.dll" || return 1
  printf '%s\n' "$pid"
}

is_ready() {
  curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$1/health/ready" 2>/dev/null
}

# ---------------------------------------------------------------------------------------------
# Environment

declare -A CALLER_ENV=()

# Called before infra.sh start, so that .env may also set TRADING_PG_PORT and friends.
load_environment() {
  local name line
  for name in $(compgen -e); do CALLER_ENV["$name"]="${!name}"; done
  if [[ -f "$REPO_ROOT/.env" ]]; then
    set -a
    # shellcheck disable=SC1091
    source "$REPO_ROOT/.env"
    set +a
  fi
  for name in "${!CALLER_ENV[@]}"; do
    if [[ "${!name-}" != "${CALLER_ENV[$name]}" ]]; then export "$name=${CALLER_ENV[$name]}"; fi
  done
  # infra.sh's connection settings fill only what neither .env nor the caller set.
  while IFS= read -r line; do
    name="${line#export }"
    name="${name%%=*}"
    if [[ -z "${!name+x}" ]]; then eval "$line"; fi
  done < <(bash "$INFRA" env)
  export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Production}"
}

# Only the replay source exists so far, and it needs a file. Unless the caller or .env chose a
# source or a file, `make run` replays the recorded day at 60x, as docker-compose.yml does.
default_replay_for_run() {
  local demo_file
  demo_file="$(shared_market_file)"
  if [[ "${MarketData__Source:-Replay}" == Replay && -z "${Replay__File:-}" && -f "$demo_file" ]]; then
    export MarketData__Source=Replay
    export Replay__File="$demo_file"
    export Replay__Venue="${Replay__Venue:-KRAKEN}"
    export Replay__Symbol="${Replay__Symbol:-BTC/USDT}"
    export Replay__Speed="${Replay__Speed:-60}"
  fi
}

shared_market_file() {
  printf '%s/shared/data/market/%s\n' "$(cd "$REPO_ROOT/.." && pwd -P)" "$DEMO_FILE_NAME"
}

# A demo never sees old state and never touches the paper-trading database: it gets its own
# database and vhost, both recreated on every run.
load_demo_environment() {
  local demo_file
  demo_file="$(shared_market_file)"
  eval "$(bash "$INFRA" env)"
  export ConnectionStrings__Postgres="${ConnectionStrings__Postgres/Database=trading/Database=$DEMO_DATABASE}"
  export ConnectionStrings__RabbitMq="${ConnectionStrings__RabbitMq%/}/$DEMO_VHOST"
  export MarketData__Source=Replay
  export Replay__File="${CALLER_ENV[Replay__File]-$demo_file}"
  export Replay__Speed="${CALLER_ENV[Replay__Speed]-0}"
  export Replay__Venue="${CALLER_ENV[Replay__Venue]-KRAKEN}"
  export Replay__Symbol="${CALLER_ENV[Replay__Symbol]-BTC/USDT}"
  # The demo replays hours, not weeks, and no backtest has been published to its fresh database: signal on 1m, ungated.
  export Signal__Intervals__0="${CALLER_ENV[Signal__Intervals__0]-1m}"
  export Signal__Gate__Enforce="${CALLER_ENV[Signal__Gate__Enforce]-false}"
  [[ -f "$Replay__File" ]] || die "replay file not found: $Replay__File (the demo reads ../shared/data/market next to the checkout)"
}

reset_demo_state() {
  log "recreating database $DEMO_DATABASE and vhost $DEMO_VHOST"
  PGOPTIONS="-c client_min_messages=warning" bash "$INFRA" psql -d postgres -c "DROP DATABASE IF EXISTS $DEMO_DATABASE WITH (FORCE)" \
    -c "CREATE DATABASE $DEMO_DATABASE" >/dev/null
  local api="$TRADING_RABBITMQ_MANAGEMENT/api"
  curl -fsS -o /dev/null -X DELETE "$api/vhosts/$DEMO_VHOST" 2>/dev/null || true
  curl -fsS -o /dev/null -X PUT "$api/vhosts/$DEMO_VHOST"
  curl -fsS -o /dev/null -X PUT -H 'content-type: application/json' \
    -d '{"configure":".*","write":".*","read":".*"}' "$api/permissions/$DEMO_VHOST/trading"
}

# ---------------------------------------------------------------------------------------------
# Processes

build() {
  log "dotnet build Trading.sln -c Release"
  dotnet build "$REPO_ROOT/Trading.sln" -c Release --nologo -v minimal
}

check_built() {
  local entry name assembly port missing=()
  for entry in "${SERVICES[@]}"; do
    read -r name assembly port <<< "$entry"
    [[ -f "$(service_dll "$name" "$assembly")" ]] || missing+=("services/$name ($assembly.dll)")
  done
  if [[ "${1:-}" == --demo && ! -f "$CLI_DLL" ]]; then missing+=("services/cli (trading.dll)"); fi
  ((${#missing[@]} == 0)) || die "not built: ${missing[*]}. Are the projects in Trading.sln?"
}

start_service() {
  local name="$1" assembly="$2" port="$3" dll
  dll="$(service_dll "$name" "$assembly")"
  port_open "$port" && die "port $port for $name is already in use by another process"
  local log_file="$LOG_DIR/$name.log"
  [[ -f "$log_file" ]] && mv -f "$log_file" "$log_file.1"
  # From the output folder: the content root, where appsettings.json is found, is the current
  # directory. setsid: the services outlive this script and ignore Ctrl-C in its terminal.
  (
    cd "$(dirname "$dll")"
    setsid dotnet "$dll" --urls "http://127.0.0.1:$port" >> "$log_file" 2>&1 < /dev/null &
    echo $! > "$RUN_DIR/$name.pid"
  )
}

# Waits until each named service answers /health/ready. On failure it shows the failing
# service's log, stops everything and exits.
wait_ready() {
  local deadline=$((SECONDS + READY_TIMEOUT)) entry name assembly port pending
  while :; do
    pending=()
    for entry in "$@"; do
      read -r name assembly port <<< "$entry"
      if ! service_pid "$name" "$assembly" >/dev/null; then
        fail_start "$name" "$name exited during start-up"
      fi
      is_ready "$port" || pending+=("$name")
    done
    ((${#pending[@]} == 0)) && return 0
    if ((SECONDS >= deadline)); then
      fail_start "${pending[0]}" "not ready within ${READY_TIMEOUT}s: ${pending[*]}"
    fi
    sleep 1
  done
}

fail_start() {
  log "$2; last lines of $LOG_DIR/$1.log:"
  tail -n 40 "$LOG_DIR/$1.log" >&2 || true
  stop_services
  exit 1
}

# Consumers first, market-data last: a message published before its consumer's queue is bound
# is dropped by the exchange, and at replay speed 0 the first trades go out within a second.
# MassTransit reports ready only once its receive endpoints are bound.
start_services() {
  local consumers=("${SERVICES[@]:0:${#SERVICES[@]}-1}") producer="${SERVICES[-1]}" entry
  for entry in "${consumers[@]}"; do
    # shellcheck disable=SC2086
    start_service $entry
  done
  wait_ready "${consumers[@]}"
  if [[ -n "${1:-}" ]]; then "$1"; fi
  # shellcheck disable=SC2086
  start_service $producer
  wait_ready "$producer"
}

stop_services() {
  local entry name assembly port pid pids=()
  for entry in "${SERVICES[@]}"; do
    read -r name assembly port <<< "$entry"
    if pid="$(service_pid "$name" "$assembly")"; then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
    fi
    rm -f "$RUN_DIR/$name.pid"
  done
  ((${#pids[@]} == 0)) && return 0
  log "stopping ${#pids[@]} service(s)"
  local deadline=$((SECONDS + STOP_GRACE_SECONDS)) alive
  while :; do
    alive=()
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
    ((${#alive[@]} == 0)) && return 0
    if ((SECONDS >= deadline)); then
      log "still running after ${STOP_GRACE_SECONDS}s, killing: ${alive[*]}"
      kill -KILL "${alive[@]}" 2>/dev/null || true
      return 0
    fi
    sleep 0.5
  done
}

running_count() {
  local entry name assembly port count=0
  for entry in "${SERVICES[@]}"; do
    read -r name assembly port <<< "$entry"
    service_pid "$name" "$assembly" >/dev/null && count=$((count + 1))
  done
  printf '%s\n' "$count"
}

# ---------------------------------------------------------------------------------------------
# Demo

# The watcher must bind its queue before market-data starts, or it misses the first candles.
# Its queue name is its own business, so we wait for the vhost to gain a consumed queue.
DEMO_CLI_PID=""

start_demo_watcher() {
  local before
  before="$(consumed_queue_count)"
  log "starting: trading watch --exit-when-replay-completes"
  (cd "$(dirname "$CLI_DLL")" && exec dotnet "$CLI_DLL" watch --exit-when-replay-completes) &
  DEMO_CLI_PID=$!
  local deadline=$((SECONDS + 30))
  while (($(consumed_queue_count) <= before)); do
    kill -0 "$DEMO_CLI_PID" 2>/dev/null || { log "the watcher exited early"; break; }
    if ((SECONDS >= deadline)); then
      log "the watcher has not bound a queue after 30s; starting market-data anyway"
      break
    fi
    sleep 0.5
  done
}

consumed_queue_count() {
  curl -fsS "$TRADING_RABBITMQ_MANAGEMENT/api/queues/$DEMO_VHOST?columns=name,consumers" 2>/dev/null \
    | grep -o '"consumers":[1-9]' | wc -l || true
}

on_demo_exit() {
  if [[ -n "$DEMO_CLI_PID" ]]; then kill -TERM "$DEMO_CLI_PID" 2>/dev/null || true; fi
  stop_services
  log "demo stopped; service logs are in $LOG_DIR"
}

run_demo() {
  load_demo_environment
  reset_demo_state
  trap on_demo_exit EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  log "replaying $Replay__File (speed $Replay__Speed, $Replay__Venue $Replay__Symbol)"
  start_services start_demo_watcher
  local rc=0
  wait "$DEMO_CLI_PID" || rc=$?
  DEMO_CLI_PID=""
  return "$rc"
}

# ---------------------------------------------------------------------------------------------
# Commands

print_summary() {
  local entry name assembly port
  local mgmt="http://127.0.0.1:${TRADING_MGMT_PORT:-55673}"
  printf '\nThe stack is running in the background (paper trading unless configured otherwise).\n'
  if [[ "${MarketData__Source:-}" == Replay && -n "${Replay__File:-}" ]]; then
    printf 'Market data: replay of %s at speed %s.\n' "$Replay__File" "${Replay__Speed:-1}"
  fi
  for entry in "${SERVICES[@]}"; do
    read -r name assembly port <<< "$entry"
    printf '  %-15s http://127.0.0.1:%s/health/ready   log %s\n' "$name" "$port" ".local/logs/$name.log"
  done
  printf '  %-15s %s  (user trading, password trading)\n' "RabbitMQ UI" "$mgmt"
  printf '  %-15s 127.0.0.1:%s database trading  (bash build/infra.sh psql)\n' "Postgres" "${TRADING_PG_PORT:-55432}"
  printf '\nFollow the logs: make logs      Stop: make stop   (bash build/stack.sh stop --all also stops Postgres and RabbitMQ)\n'
}

cmd_start() {
  local demo=0 no_build=0 arg
  for arg in "$@"; do
    case "$arg" in
      --demo) demo=1 ;;
      --no-build) no_build=1 ;;
      *) die "unknown option for start: $arg" ;;
    esac
  done
  mkdir -p "$LOG_DIR" "$RUN_DIR"
  local running
  running="$(running_count)"
  if ((running > 0)); then
    if ((!demo && running == ${#SERVICES[@]})); then
      log "already running"
      cmd_status
      return 0
    fi
    die "$running service(s) already running; run 'make stop' first"
  fi
  load_environment
  bash "$INFRA" start
  ((no_build)) || build
  if ((demo)); then
    check_built --demo
    run_demo
  else
    check_built
    default_replay_for_run
    start_services
    print_summary
  fi
}

cmd_stop() {
  stop_services
  if [[ "${1:-}" == --all ]]; then bash "$INFRA" stop; fi
}

cmd_status() {
  local entry name assembly port pid rc=0
  for entry in "${SERVICES[@]}"; do
    read -r name assembly port <<< "$entry"
    if pid="$(service_pid "$name" "$assembly")"; then
      if is_ready "$port"; then
        printf '%-15s ready      pid %-7s http://127.0.0.1:%s\n' "$name" "$pid" "$port"
      else
        printf '%-15s not ready  pid %-7s http://127.0.0.1:%s\n' "$name" "$pid" "$port"
        rc=3
      fi
    else
      printf '%-15s down\n' "$name"
      rc=3
    fi
  done
  return "$rc"
}

cmd_logs() {
  local files=() entry name assembly port
  for entry in "${SERVICES[@]}"; do
    read -r name assembly port <<< "$entry"
    files+=("$LOG_DIR/$name.log")
  done
  exec tail -n 20 -F "${files[@]}"
}

main() {
  local cmd="${1:-}"
  [[ $# -gt 0 ]] && shift
  case "$cmd" in
    start) cmd_start "$@" ;;
    stop) cmd_stop "$@" ;;
    status) cmd_status ;;
    logs) cmd_logs ;;
    -h | --help | help) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' ;;
    *) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
}

main "$@"
