#!/usr/bin/env bash
# Local infrastructure for Newsroom: PostgreSQL (the machine's own cluster) and a
# real single-node Apache Kafka broker (KRaft) fetched from Maven Central.
#
#   infra/infra.sh up           PostgreSQL ready + databases, Kafka broker up
#   infra/infra.sh pg-up        only the PostgreSQL part of `up`
#   infra/infra.sh kafka-start  only the Kafka broker (same data dir every time)
#   infra/infra.sh kafka-stop   stop the broker this script started (SIGTERM, SIGKILL after 20 s);
#                               exits 3 if port 9092 stays taken by a broker it did not start
#   infra/infra.sh stop         stop the broker this script started, if any (PostgreSQL
#                               belongs to the machine and is left running)
#   infra/infra.sh status       what is up (exit 0 when both are up, 1 otherwise)
#   infra/infra.sh kafka-reset  stop the broker and delete its data (topics, offsets)
#
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres),
# JAVA_HOME (optional), KAFKA_LOG_LEVEL (WARN), KAFKA_START_TIMEOUT (90 s).
# See infra/kafka/README.md.
set -euo pipefail

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SELF="$INFRA_DIR/$(basename "${BASH_SOURCE[0]}")"
KAFKA_DIR="$INFRA_DIR/kafka"
KAFKA_LIB="$KAFKA_DIR/lib"
KAFKA_CONFIG="$KAFKA_DIR/server.properties"
KAFKA_LOG4J="$KAFKA_DIR/log4j2.properties"
RUN_DIR="$INFRA_DIR/.run"
KAFKA_PID_FILE="$RUN_DIR/kafka.pid"
KAFKA_LOG="$RUN_DIR/kafka.log"
LOCK_FILE="$RUN_DIR/infra.lock"

KAFKA_HOST=127.0.0.1
KAFKA_PORT=9092
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
KAFKA_STOP_TIMEOUT=20

PGHOST="${PGHOST:-127.0.0.1}"
PGPORT="${PGPORT:-5432}"
PGUSER="${PGUSER:-postgres}"
export PGHOST PGPORT PGUSER
PG_DATABASES=(newsroom newsroom_test)

log() { printf '[infra] %s\n' "$*" >&2; }
die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }
die3() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 3; }

# Serialise concurrent invocations (two `up`s at once must not start two brokers).
with_lock() {
  mkdir -p "$RUN_DIR"
  exec 9>"$LOCK_FILE"
  if ! flock -w 300 9; then die "could not take $LOCK_FILE within 300 s"; fi
}

# --------------------------------------------------------------------------- PostgreSQL

pg_ready() { pg_isready -q -h "$PGHOST" -p "$PGPORT" -t 2 >/dev/null 2>&1; }

pg_up() {
  if ! pg_ready; then
    command -v pg_ctlcluster >/dev/null 2>&1 ||
      die "PostgreSQL is not answering on $PGHOST:$PGPORT and pg_ctlcluster is not installed (start PostgreSQL yourself, or use docker compose up postgres)"
    local version
    version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)"
    [[ -n "$version" ]] || die "PostgreSQL is not answering on $PGHOST:$PGPORT and no cluster is configured under /etc/postgresql"
    log "starting PostgreSQL cluster $version/main"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start ||
      log "pg_ctlcluster start returned non-zero (maybe already starting); waiting anyway"
    local i
    for ((i = 0; i < 60; i++)); do
      pg_ready && break
      sleep 0.5
    done
    pg_ready || die "PostgreSQL did not become ready on $PGHOST:$PGPORT within 30 s"
  fi
  local db exists
  for db in "${PG_DATABASES[@]}"; do
    exists="$(psql -X -q -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ||
      die "cannot query PostgreSQL on $PGHOST:$PGPORT as $PGUSER"
    if [[ "$exists" != "1" ]]; then
      log "creating database $db"
      # tolerate a concurrent creator (e.g. another checkout sharing the cluster)
      psql -X -q -d postgres -c "CREATE DATABASE \"$db\"" >/dev/null 2>&1 ||
        [[ "$(psql -X -q -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" == "1" ]] ||
        die "could not create database $db"
    fi
  done
  log "PostgreSQL ready on $PGHOST:$PGPORT (databases: ${PG_DATABASES[*]})"
}

# --------------------------------------------------------------------------- Kafka probe

# Speaks the Kafka wire protocol over bash's /dev/tcp: sends ApiVersions v0 and,
# if the broker supports it, Metadata v4, and succeeds only when a Kafka broker
# answers and lists at least one (unfenced) broker. Run under `timeout`.
#   _probe HOST PORT  -> exit 0 ready, 1 not Kafka / not ready, 2 nothing listening
_probe() {
  local host="$1" port="$2" hex size body
  { exec 3<>"/dev/tcp/$host/$port"; } 2>/dev/null || exit 2
  # ApiVersions v0: size=15, api_key=18, version=0, correlation_id=42, client_id="infra"
  printf '\x00\x00\x00\x0f\x00\x12\x00\x00\x00\x00\x00\x2a\x00\x05infra' >&3
  hex="$(head -c 4 <&3 | od -An -v -tx1 | tr -d ' \n')"
  [[ ${#hex} -eq 8 ]] || exit 1
  size=$((16#$hex))
  ((size >= 10 && size < 65536)) || exit 1
  body="$(head -c "$size" <&3 | od -An -v -tx1 | tr -d ' \n')"
  exec 3>&-
  [[ ${#body} -eq $((size * 2)) && "${body:0:8}" == "0000002a" ]] || exit 1 # not Kafka
  [[ "${body:8:4}" == "0000" ]] || exit 1
  # api_keys array: count, then (api_key int16, min int16, max int16)
  local count i off key min max metadata_v4=0
  count=$((16#${body:12:8}))
  for ((i = 0; i < count; i++)); do
    off=$((20 + i * 12))
    key=$((16#${body:off:4}))
    min=$((16#${body:off+4:4}))
    max=$((16#${body:off+8:4}))
    if ((key == 3 && min <= 4 && max >= 4)); then metadata_v4=1; fi
  done
  ((metadata_v4)) || exit 0 # Kafka answered; cannot ask Metadata v4, accept it
  # Metadata v4: size=20, api_key=3, version=4, correlation_id=43, client_id="infra",
  # topics=[] (none), allow_auto_topic_creation=false
  { exec 3<>"/dev/tcp/$host/$port"; } 2>/dev/null || exit 2
  printf '\x00\x00\x00\x14\x00\x03\x00\x04\x00\x00\x00\x2b\x00\x05infra\x00\x00\x00\x00\x00' >&3
  hex="$(head -c 4 <&3 | od -An -v -tx1 | tr -d ' \n')"
  [[ ${#hex} -eq 8 ]] || exit 1
  size=$((16#$hex))
  ((size >= 12)) || exit 1
  body="$(head -c 12 <&3 | od -An -v -tx1 | tr -d ' \n')"
  exec 3>&-
  [[ "${body:0:8}" == "0000002b" ]] || exit 1
  # correlation_id, throttle_time_ms, brokers array length
  (($((16#${body:16:8})) >= 1)) || exit 1
  exit 0
}

# 0 = a ready Kafka broker answers, 1 = something answers but it is not (yet) a
# ready broker, 2 = nothing listens.
kafka_probe() {
  local rc=0
  timeout 5 bash "$SELF" _probe "$KAFKA_HOST" "$KAFKA_PORT" 2>/dev/null || rc=$?
  case "$rc" in
    0) return 0 ;;
    2) return 2 ;;
    *) return 1 ;;
  esac
}

port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$KAFKA_HOST/$KAFKA_PORT" 2>/dev/null; }

# --------------------------------------------------------------------------- Kafka process

# pid of the broker this script started, if it is still running.
kafka_pid() {
  [[ -f "$KAFKA_PID_FILE" ]] || return 1
  local pid
  pid="$(tr -dc '0-9' <"$KAFKA_PID_FILE")"
  [[ -n "$pid" ]] || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  # make sure the pid was not recycled by some other process
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q -- "kafka.Kafka $KAFKA_CONFIG" || return 1
  printf '%s\n' "$pid"
}

java_bin() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    printf '%s\n' "$JAVA_HOME/bin/java"
  else
    command -v java || die "java (17 or newer) is required to run the Kafka broker"
  fi
}

check_java() {
  local java major
  java="$(java_bin)"
  major="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  major="${major#1.}"
  [[ -n "$major" && "$major" -ge 17 ]] || die "Kafka 4.x needs Java 17+, found '${major:-unknown}' ($java)"
}

# Fetch the broker jars from Maven Central (once; again only if pom.xml changes).
kafka_fetch() {
  local stamp want
  stamp="$KAFKA_LIB/.pom.sha256"
  want="$(sha256sum "$KAFKA_DIR/pom.xml" | cut -d' ' -f1)"
  if compgen -G "$KAFKA_LIB/*.jar" >/dev/null && [[ "$(cat "$stamp" 2>/dev/null)" == "$want" ]]; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is required to download the Kafka broker jars"
  log "downloading the Kafka broker jars with Maven (first run only)"
  mkdir -p "$RUN_DIR"
  local tmp="$RUN_DIR/lib.tmp.$$"
  rm -rf "$tmp"
  if ! mvn -B -q -Dstyle.color=never -f "$KAFKA_DIR/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$tmp" -DincludeScope=runtime >"$RUN_DIR/mvn.log" 2>&1; then
    cat "$RUN_DIR/mvn.log" >&2
    rm -rf "$tmp"
    die "mvn dependency:copy-dependencies failed (output above, also in infra/.run/mvn.log)"
  fi
  printf '%s\n' "$want" >"$tmp/.pom.sha256"
  rm -rf "$KAFKA_LIB"
  mv "$tmp" "$KAFKA_LIB"
  log "$(ls "$KAFKA_LIB"/*.jar | wc -l) jars in infra/kafka/lib"
}

# infra/kafka/jvm.options without its comments and blank lines, one option per line.
kafka_jvm_options() {
  sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$KAFKA_DIR/jvm.options"
}

kafka_java() {
  # Run a Kafka main class with infra/kafka as the working directory
  # (server.properties uses paths relative to it).
  local java
  java="$(java_bin)"
  (cd "$KAFKA_DIR" && "$java" -Xms64m -Xmx256m \
    -Dlog4j2.configurationFile="$KAFKA_LOG4J" \
    -Dnewsroom.kafka.log.level="${KAFKA_LOG_LEVEL:-WARN}" \
    -cp "$KAFKA_LIB/*" "$@")
}

kafka_format() {
  local logdir
  logdir="$(sed -n 's/^log\.dirs=//p' "$KAFKA_CONFIG" | cut -d, -f1)"
  [[ -n "$logdir" ]] || die "log.dirs missing from $KAFKA_CONFIG"
  [[ "$logdir" == /* ]] || logdir="$KAFKA_DIR/$logdir"
  [[ -f "$logdir/meta.properties" ]] && return 0
  local cluster_id
  cluster_id="$(kafka_java kafka.tools.StorageTool random-uuid | tail -n 1)"
  log "formatting Kafka storage (cluster id $cluster_id)"
  mkdir -p "$RUN_DIR"
  if ! kafka_java kafka.tools.StorageTool format --standalone --ignore-formatted \
    -t "$cluster_id" -c "$KAFKA_CONFIG" >"$RUN_DIR/format.log" 2>&1; then
    cat "$RUN_DIR/format.log" >&2
    die "kafka storage format failed"
  fi
}

kafka_start() {
  local rc=0 pid
  kafka_probe || rc=$?
  if ((rc == 0)); then
    if pid="$(kafka_pid)"; then
      log "Kafka already running on $KAFKA_HOST:$KAFKA_PORT (pid $pid)"
    else
      log "Kafka already answering on $KAFKA_HOST:$KAFKA_PORT (not started by this script); reusing it"
    fi
    return 0
  fi

  if pid="$(kafka_pid)"; then
    # ours, still starting up (e.g. a concurrent `up` gave up waiting): just wait
    log "Kafka (pid $pid) is starting; waiting"
  else
    if ((rc == 1)) || port_open; then
      die "something that is not a ready Kafka broker listens on $KAFKA_HOST:$KAFKA_PORT; free the port (or wait for that broker) and retry"
    fi
    check_java
    kafka_fetch
    kafka_format
    mkdir -p "$RUN_DIR"
    [[ -f "$KAFKA_LOG" ]] && mv -f "$KAFKA_LOG" "$KAFKA_LOG.prev"
    log "starting Kafka on $KAFKA_HOST:$KAFKA_PORT (log: infra/.run/kafka.log)"
    local java
    java="$(java_bin)"
    # setsid + nohup: the broker survives the calling shell and its terminal.
    (
      exec 9>&- # do not hand the infra.sh lock to the broker
      cd "$KAFKA_DIR"
      # shellcheck disable=SC2046 # one option per word, by design
      exec setsid nohup "$java" $(kafka_jvm_options) \
        -Dlog4j2.configurationFile="$KAFKA_LOG4J" \
        -Dnewsroom.kafka.log.level="${KAFKA_LOG_LEVEL:-WARN}" \
        -Dkafka.logs.dir="$RUN_DIR" \
        -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_CONFIG"
    ) >>"$KAFKA_LOG" 2>&1 </dev/null &
    pid=$!
    printf '%s\n' "$pid" >"$KAFKA_PID_FILE"
  fi

  local start=$SECONDS
  while ((SECONDS - start < KAFKA_START_TIMEOUT)); do
    if kafka_probe; then
      log "Kafka ready on $KAFKA_HOST:$KAFKA_PORT (pid $pid, $((SECONDS - start)) s)"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      log "Kafka exited during startup; last lines of infra/.run/kafka.log:"
      tail -n 40 "$KAFKA_LOG" >&2 || true
      rm -f "$KAFKA_PID_FILE"
      exit 1
    fi
    sleep 0.5
  done
  log "Kafka did not become ready within ${KAFKA_START_TIMEOUT} s; last lines of infra/.run/kafka.log:"
  tail -n 40 "$KAFKA_LOG" >&2 || true
  exit 1
}

# $1 = strict: fail (exit 3) when a broker this checkout did not start keeps the port.
kafka_stop() {
  local strict="${1:-}" pid
  if ! pid="$(kafka_pid)"; then
    rm -f "$KAFKA_PID_FILE"
    if port_open; then
      log "Kafka on $KAFKA_HOST:$KAFKA_PORT was not started by this script (this checkout); leaving it alone"
      [[ "$strict" == strict ]] && die3 "stop it where it was started (another checkout's infra/infra.sh kafka-stop?)"
    else
      log "Kafka is not running"
    fi
    return 0
  fi
  log "stopping Kafka (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  local start=$SECONDS
  while kill -0 "$pid" 2>/dev/null && ((SECONDS - start < KAFKA_STOP_TIMEOUT)); do
    sleep 0.2
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "Kafka did not exit within ${KAFKA_STOP_TIMEOUT} s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
  rm -f "$KAFKA_PID_FILE"
  # the listener socket goes away with the process; wait for the port to be free
  for _ in {1..50}; do port_open || break; sleep 0.1; done
  log "Kafka stopped ($((SECONDS - start)) s)"
}

kafka_reset() {
  kafka_stop
  local logdir
  logdir="$(sed -n 's/^log\.dirs=//p' "$KAFKA_CONFIG" | cut -d, -f1)"
  [[ "$logdir" == /* ]] || logdir="$KAFKA_DIR/$logdir"
  log "deleting $logdir"
  rm -rf "$logdir"
}

status() {
  local ok=0 pid rc=0
  if pg_ready; then
    log "PostgreSQL: up on $PGHOST:$PGPORT"
  else
    log "PostgreSQL: DOWN on $PGHOST:$PGPORT"
    ok=1
  fi
  kafka_probe || rc=$?
  pid="$(kafka_pid || true)"
  case "$rc" in
    0) log "Kafka: up on $KAFKA_HOST:$KAFKA_PORT${pid:+ (pid $pid, started by infra.sh)}" ;;
    1) log "Kafka: port $KAFKA_PORT open but no ready broker${pid:+ (pid $pid, starting?)}"; ok=1 ;;
    *) log "Kafka: DOWN${pid:+ (pid $pid alive but not listening)}"; ok=1 ;;
  esac
  return "$ok"
}

usage() {
  sed -n '2,17p' "$SELF" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

cmd="${1:-}"
case "$cmd" in
  _probe) shift; _probe "$@" ;;
  up) with_lock; pg_up; kafka_start ;;
  pg-up) with_lock; pg_up ;;
  kafka-start) with_lock; kafka_start ;;
  kafka-stop) with_lock; kafka_stop strict ;;
  stop) with_lock; kafka_stop ;;
  kafka-reset) with_lock; kafka_reset ;;
  status) status ;;
  *) usage ;;
esac
