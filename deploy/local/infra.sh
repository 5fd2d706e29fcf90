#!/usr/bin/env bash
# Local infrastructure without Docker: PostgreSQL and Redis (Debian packages), Kafka in KRaft mode (jars from Maven
# Central) with the contract's topics from deploy/topics.txt, Keycloak (from Maven Central, realm deploy/keycloak/) and the
# gateway (nginx from Debian, routes deploy/gateway/routes.txt) on 8080.
#
#   infra.sh up       install what is missing, start what is not running, wait until each answers
#   infra.sh status   what answers, and what this script started
#   infra.sh down     stop only what this script started
#
# Servers already running on the ports (a machine's own PostgreSQL or Redis) are reused, never replaced; PostgreSQL gets
# the qbank role and databases and its checkpoint and background writer settings (postgres_up) whether it was started
# here or not.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
STATE="${QBANK_INFRA_DIR:-$HERE/.infra}"
STARTED="$STATE/started"            # one line per server this script started: postgres | redis | kafka | keycloak | gateway
PG_PORT=5432; REDIS_PORT=6379; KAFKA_PORT=9092; KAFKA_CONTROLLER_PORT=9093
KEYCLOAK_PORT=8180; KEYCLOAK_MANAGEMENT_PORT=9180
DB_USER="${QBANK_DB_USER:-qbank}"
DB_PASSWORD="${QBANK_DB_PASSWORD:-qbank}"   # a loopback-only development password; production takes it from a Secret
DATABASES=(qbank_authoring qbank_delivery qbank_generation qbank_review qbank_analytics)
KAFKA_VERSION=4.1.1
KEYCLOAK_VERSION=26.7.3
KEYCLOAK_ADMIN_PASSWORD="${QBANK_KEYCLOAK_ADMIN_PASSWORD:-admin-local-only}"   # the master realm's admin; loopback only
# Keycloak runs on Temurin 25 (its supported JDKs are 17, 21 and 25; the services run on 25 too)
KEYCLOAK_JAVA_HOME="${QBANK_KEYCLOAK_JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}"
# the browser's view of Keycloak: through the front door (the gateway) on 8080
KEYCLOAK_FRONTEND="${QBANK_KEYCLOAK_FRONTEND:-http://127.0.0.1:8080}"

mkdir -p "$STATE"
touch "$STARTED"

log() { printf '[infra] %s\n' "$*"; }
die() { printf '[infra] ERROR: %s\n' "$*" >&2; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
mark_started() { grep -qx "$1" "$STARTED" || echo "$1" >> "$STARTED"; }
we_started() { grep -qx "$1" "$STARTED"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

wait_for() { # wait_for <what> <seconds> <command...>
  local what=$1 secs=$2; shift 2
  local deadline=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || die "$what did not become ready within ${secs}s"
    sleep 0.2
  done
}

apt_install() {
  log "installing Debian packages: $*"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y -q "$@" >/dev/null 2>&1 || { as_root apt-get update -q >/dev/null && as_root apt-get install -y -q "$@" >/dev/null; }
}

# ---------------------------------------------------------------- PostgreSQL
pg_version() { ls /etc/postgresql 2>/dev/null | sort -n | tail -1; }

postgres_up() {
  if ! port_open $PG_PORT; then
    if [ -z "$(pg_version)" ] || ! command -v pg_ctlcluster >/dev/null; then
      apt_install postgresql postgresql-contrib
    fi
    local v; v=$(pg_version)
    [ -n "$v" ] || die "no PostgreSQL cluster found under /etc/postgresql after installing"
    log "starting PostgreSQL $v/main"
    as_root pg_ctlcluster --skip-systemctl-redirect "$v" main start
    mark_started postgres
  else
    log "PostgreSQL answers on $PG_PORT (reused)"
  fi
  wait_for "PostgreSQL" 60 pg_isready -q -h 127.0.0.1 -p $PG_PORT
  psql_admin() { as_root su postgres -c "psql -v ON_ERROR_STOP=1 -q -X $*"; }
  # Role and databases, idempotently: the services' and their *_test twins, and Keycloak's, owned by the qbank role.
  {
    echo "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', '$DB_USER', '$DB_PASSWORD') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$DB_USER')\\gexec"
    echo "ALTER ROLE \"$DB_USER\" LOGIN PASSWORD '$DB_PASSWORD';"
    for name in "${DATABASES[@]}" "${DATABASES[@]/%/_test}" qbank_keycloak; do
      echo "SELECT format('CREATE DATABASE %I OWNER %I', '$name', '$DB_USER') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$name')\\gexec"
    done
  } | (cd / && psql_admin) || die "could not create the qbank role and databases"
  # Checkpoints by time (checkpoint_timeout), not by WAL volume: under the delivery benchmark's load delivery-service writes
  # about 540 MB of WAL a minute, so with the default max_wal_size of 1 GB a checkpoint started every minute, and the
  # fsync that ends one stalled every commit for 0.3-0.4 s (the worst stall of every benchmark window that held one).
  # lz4 compresses the full-page images that follow each checkpoint's start.
  # The background writer cleans up to 10,000 buffers a second (the default, 500: 4 MB/s), each write followed by a
  # flush request (bgwriter_flush_after): else the backends evict the dirty buffers themselves, unflushed. Under the
  # delivery benchmark the kernel then held 190 MB of dirty pages (with Kafka's log, see kafka_up) within 15 s and wrote
  # them back at once, stalling every commit for 0.1-0.3 s; with both changes, 75-90 MB every 30 s (the rest is
  # PostgreSQL extending its tables, which no setting of its flushes).
  # All apply on reload, no restart.
  {
    echo "ALTER SYSTEM SET max_wal_size = '4GB';"
    echo "ALTER SYSTEM SET bgwriter_delay = '100ms';"
    echo "ALTER SYSTEM SET bgwriter_lru_maxpages = 1000;"
    echo "ALTER SYSTEM SET bgwriter_lru_multiplier = 4;"
    echo "SELECT format('ALTER SYSTEM SET wal_compression = %L', CASE WHEN current_setting('server_version_num')::int >= 150000 THEN 'lz4' ELSE 'on' END)\\gexec"
    echo "SELECT pg_reload_conf();"
  } | (cd / && psql_admin) >/dev/null || die "could not set PostgreSQL's checkpoint and background writer settings"
  PGPASSWORD="$DB_PASSWORD" psql -h 127.0.0.1 -p $PG_PORT -U "$DB_USER" -d qbank_authoring -Atqc 'select 1' >/dev/null \
    || die "the $DB_USER role cannot log in over TCP with its password (check pg_hba.conf)"
  log "PostgreSQL ready: role $DB_USER, databases ${DATABASES[*]} and their _test twins"
}

postgres_down() {
  if we_started postgres; then
    log "stopping PostgreSQL"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" main stop || true
    sed -i '/^postgres$/d' "$STARTED"
  fi
}

# ---------------------------------------------------------------- Redis
redis_ping() { command -v redis-cli >/dev/null && [ "$(redis-cli -h 127.0.0.1 -p $REDIS_PORT ping 2>/dev/null)" = PONG ]; }

redis_up() {
  if port_open $REDIS_PORT; then
    log "Redis answers on $REDIS_PORT (reused)"
  else
    command -v redis-server >/dev/null || apt_install redis-server
    log "starting Redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port $REDIS_PORT --save '' --appendonly no \
      --dir "$STATE" --pidfile "$STATE/redis.pid" --logfile "$STATE/redis.log"
    mark_started redis
  fi
  command -v redis-cli >/dev/null || apt_install redis-tools
  wait_for "Redis" 30 redis_ping
  log "Redis ready"
}

redis_down() {
  if we_started redis; then
    log "stopping Redis"
    redis-cli -h 127.0.0.1 -p $REDIS_PORT shutdown nosave >/dev/null 2>&1 || true
    sed -i '/^redis$/d' "$STARTED"
  fi
}

# ---------------------------------------------------------------- Kafka (KRaft, single node)
KAFKA_HOME="$STATE/kafka-$KAFKA_VERSION"
KAFKA_DATA="$STATE/kafka-data"
kafka_java() { java -Xmx256m -cp "$KAFKA_HOME/lib/*" -Dlog4j.configuration="file:$KAFKA_HOME/log4j.properties" "$@"; }

kafka_install() {
  [ -f "$KAFKA_HOME/.complete" ] && return 0
  log "copying the Kafka $KAFKA_VERSION jars from Maven Central"
  mkdir -p "$KAFKA_HOME/lib"
  "$ROOT/mvnw" -B -q -f "$HERE/kafka-pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$KAFKA_HOME/lib" -DincludeScope=runtime >/dev/null || die "could not download the Kafka jars"
  cat > "$KAFKA_HOME/log4j.properties" <<EOF
log4j.rootLogger=WARN, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=WARN
EOF
  touch "$KAFKA_HOME/.complete"
}

kafka_up() {
  if port_open $KAFKA_PORT; then
    log "Kafka answers on $KAFKA_PORT (reused)"
  else
    kafka_install
    mkdir -p "$KAFKA_DATA"
    cat > "$STATE/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_DATA
num.partitions=6
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.cleaner.dedupe.buffer.size=16777216
# the log flushed every second (by default never: the flush scheduler's interval is Long.MAX_VALUE): the kernel then
# writes it back as it comes, not 70 MB at once every 30 s, which stalled the database's commits on the same disk
log.flush.interval.ms=1000
log.flush.scheduler.interval.ms=1000
EOF
    if [ ! -f "$KAFKA_DATA/meta.properties" ]; then
      log "formatting Kafka storage"
      kafka_java kafka.tools.StorageTool format -t "$(kafka_java kafka.tools.StorageTool random-uuid)" \
        -c "$STATE/server.properties" >/dev/null || die "could not format the Kafka storage"
    fi
    log "starting Kafka (KRaft) on 127.0.0.1:$KAFKA_PORT"
    nohup java -Xms256m -Xmx512m -XX:+UseG1GC -cp "$KAFKA_HOME/lib/*" \
      -Dlog4j.configuration="file:$KAFKA_HOME/log4j.properties" \
      kafka.Kafka "$STATE/server.properties" > "$STATE/kafka.log" 2>&1 &
    echo $! > "$STATE/kafka.pid"
    mark_started kafka
  fi
  wait_for "Kafka" 90 port_open $KAFKA_PORT
  topics_create
}

# Creates the topics of deploy/topics.txt that are missing; one JVM for all of them, retrying until
# the broker's controller answers (which is also the readiness check).
topics_create() {
  kafka_install
  local defs
  defs=$(grep -vE '^\s*(#|$)' "$ROOT/deploy/topics.txt" | awk '{print $1":"$2":"$3}' | paste -sd, -)
  kafka_java "$HERE/CreateTopics.java" "127.0.0.1:$KAFKA_PORT" "$defs" || die "could not create the Kafka topics"
}

kafka_down() {
  if we_started kafka && [ -f "$STATE/kafka.pid" ]; then
    local pid; pid=$(cat "$STATE/kafka.pid")
    log "stopping Kafka (pid $pid)"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    rm -f "$STATE/kafka.pid"
    sed -i '/^kafka$/d' "$STARTED"
  fi
}

# ---------------------------------------------------------------- Keycloak
KEYCLOAK_HOME="$STATE/keycloak-$KEYCLOAK_VERSION"

keycloak_ready() { curl -fsS "http://127.0.0.1:$KEYCLOAK_MANAGEMENT_PORT/health/ready" | grep -q '"UP"'; }

keycloak_install() {
  [ -f "$KEYCLOAK_HOME/.built" ] && return 0
  [ -n "$KEYCLOAK_JAVA_HOME" ] || die "Keycloak needs a JDK 21 or 25 under /usr/lib/jvm (QBANK_KEYCLOAK_JAVA_HOME)"
  if [ ! -x "$KEYCLOAK_HOME/bin/kc.sh" ]; then
    log "copying Keycloak $KEYCLOAK_VERSION (keycloak-quarkus-dist) from Maven Central"
    "$ROOT/mvnw" -B -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:tar.gz" \
      -DoutputDirectory="$STATE" >/dev/null || die "could not download Keycloak"
    tar -xzf "$STATE/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz" -C "$STATE" && rm -f "$STATE/keycloak-quarkus-dist-$KEYCLOAK_VERSION.tar.gz"
  fi
  # build-time options once (kc.sh build), so that every start is an optimized one
  cat > "$KEYCLOAK_HOME/conf/keycloak.conf" <<CONF
db=postgres
db-url=jdbc:postgresql://127.0.0.1:$PG_PORT/qbank_keycloak
db-username=$DB_USER
db-password=$DB_PASSWORD
health-enabled=true
metrics-enabled=true
http-enabled=true
http-host=127.0.0.1
http-port=$KEYCLOAK_PORT
http-management-port=$KEYCLOAK_MANAGEMENT_PORT
hostname=$KEYCLOAK_FRONTEND
hostname-backchannel-dynamic=true
proxy-headers=xforwarded
cache=local
CONF
  log "building Keycloak (kc.sh build, once)"
  JAVA_HOME="$KEYCLOAK_JAVA_HOME" "$KEYCLOAK_HOME/bin/kc.sh" build > "$STATE/keycloak-build.log" 2>&1 \
    || { tail -20 "$STATE/keycloak-build.log" >&2; die "kc.sh build failed"; }
  touch "$KEYCLOAK_HOME/.built"
}

keycloak_up() {
  local realm="$ROOT/deploy/keycloak/qbank-realm.json" imported="$STATE/keycloak-realm.sha256"
  if port_open $KEYCLOAK_PORT && we_started keycloak && ! sha256sum --status -c "$imported" 2>/dev/null; then
    log "deploy/keycloak/qbank-realm.json changed: restarting Keycloak to import it"
    keycloak_down
  fi
  if port_open $KEYCLOAK_PORT; then
    log "Keycloak answers on $KEYCLOAK_PORT (reused)"
  else
    keycloak_install
    if ! sha256sum --status -c "$imported" 2>/dev/null; then
      # the realm under version control replaces the one in the database (users included) whenever it changed
      log "importing the qbank realm from deploy/keycloak/qbank-realm.json"
      # the first import creates the master realm too, with its first admin (a loopback-only development password)
      JAVA_HOME="$KEYCLOAK_JAVA_HOME" KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$KEYCLOAK_ADMIN_PASSWORD" \
        "$KEYCLOAK_HOME/bin/kc.sh" import --optimized --file "$realm" --override true \
        > "$STATE/keycloak-import.log" 2>&1 || { tail -20 "$STATE/keycloak-import.log" >&2; die "the realm import failed"; }
      sha256sum "$realm" > "$imported"
    fi
    log "starting Keycloak $KEYCLOAK_VERSION on 127.0.0.1:$KEYCLOAK_PORT (realm qbank)"
    JAVA_HOME="$KEYCLOAK_JAVA_HOME" JAVA_OPTS_KC_HEAP="${QBANK_KEYCLOAK_HEAP:--Xms128m -Xmx512m}" \
      nohup "$KEYCLOAK_HOME/bin/kc.sh" start --optimized > "$STATE/keycloak.log" 2>&1 &
    echo $! > "$STATE/keycloak.pid"
    mark_started keycloak
  fi
  wait_for "Keycloak" 180 keycloak_ready
  log "Keycloak ready: realm qbank at http://127.0.0.1:$KEYCLOAK_PORT/realms/qbank"
}

keycloak_down() {
  if we_started keycloak && [ -f "$STATE/keycloak.pid" ]; then
    local pid; pid=$(cat "$STATE/keycloak.pid")
    log "stopping Keycloak (pid $pid)"
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 150); do port_open $KEYCLOAK_PORT || break; sleep 0.2; done
    pkill -KILL -P "$pid" 2>/dev/null || true
    rm -f "$STATE/keycloak.pid"
    sed -i '/^keycloak$/d' "$STARTED"
  fi
}

# ---------------------------------------------------------------- the gateway (nginx): the front door on 8080
GATEWAY_PORT=8080
GATEWAY_STATE="$STATE/gateway"
# the web app's build (web/dist) when there is one
WEB_ROOT="${QBANK_WEB_ROOT:-$ROOT/web/dist}"

gateway_ready() { curl -fsS "http://127.0.0.1:$GATEWAY_PORT/gateway/health" | grep -q ok; }

# Generates the configuration from deploy/gateway/routes.txt; starts nginx, or reloads the one this script started.
gateway_up() {
  command -v nginx >/dev/null || apt_install nginx
  mkdir -p "$GATEWAY_STATE"/tmp "$WEB_ROOT"
  "$ROOT/deploy/gateway/nginx.sh" "$GATEWAY_STATE" "$WEB_ROOT" > "$GATEWAY_STATE/nginx.conf.new"
  nginx -q -t -c "$GATEWAY_STATE/nginx.conf.new" -e "$GATEWAY_STATE/error.log" || die "the generated nginx configuration is invalid"
  mv "$GATEWAY_STATE/nginx.conf.new" "$GATEWAY_STATE/nginx.conf"
  if we_started gateway && [ -f "$GATEWAY_STATE/nginx.pid" ] && kill -0 "$(cat "$GATEWAY_STATE/nginx.pid")" 2>/dev/null; then
    nginx -c "$GATEWAY_STATE/nginx.conf" -e "$GATEWAY_STATE/error.log" -s reload
    log "gateway reloaded (routes: deploy/gateway/routes.txt)"
  elif port_open $GATEWAY_PORT; then
    log "something else answers on $GATEWAY_PORT: the gateway cannot start (reused as it is)"
  else
    nginx -c "$GATEWAY_STATE/nginx.conf" -e "$GATEWAY_STATE/error.log" || die "nginx did not start; see $GATEWAY_STATE/error.log"
    mark_started gateway
  fi
  wait_for "the gateway" 20 gateway_ready
  log "gateway ready: http://127.0.0.1:$GATEWAY_PORT/ (web app from $WEB_ROOT)"
}

gateway_down() {
  if we_started gateway && [ -f "$GATEWAY_STATE/nginx.pid" ]; then
    log "stopping the gateway"
    nginx -c "$GATEWAY_STATE/nginx.conf" -e "$GATEWAY_STATE/error.log" -s quit 2>/dev/null || true
    for _ in $(seq 1 50); do port_open $GATEWAY_PORT || break; sleep 0.2; done
    sed -i '/^gateway$/d' "$STARTED"
  fi
}

status() {
  local s
  for s in "PostgreSQL:$PG_PORT" "Redis:$REDIS_PORT" "Kafka:$KAFKA_PORT" "Keycloak:$KEYCLOAK_PORT" "gateway:$GATEWAY_PORT"; do
    if port_open "${s#*:}"; then echo "${s%%:*}: up on 127.0.0.1:${s#*:}"; else echo "${s%%:*}: down"; fi
  done
  echo "started by this script: $(paste -sd' ' "$STARTED")"
}

case "${1:-up}" in
  up) postgres_up; redis_up; kafka_up; keycloak_up; gateway_up; log "infrastructure ready" ;;
  down) gateway_down; keycloak_down; kafka_down; redis_down; postgres_down; log "stopped what this script started" ;;
  keycloak) postgres_up; keycloak_up ;;
  gateway) gateway_up ;;
  status) status ;;
  topics) topics_create ;;
  *) echo "usage: $0 up|status|down|topics|keycloak|gateway" >&2; exit 2 ;;
esac
