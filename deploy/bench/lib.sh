# Shared by the benchmark scripts (sourced, not run): the paths, a psql for one database, a Kafka topic of the benchmark's
# own, and one service started alone on a spare port, ready before the script goes on and stopped when it exits.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DB_PASSWORD="${QBANK_DB_PASSWORD:-qbank}"
KAFKA_LIBS="$ROOT/deploy/local/.infra/kafka-4.1.1/lib"
TEMP_DIR="$(mktemp -d)" # the run's temporary files, removed when the script exits

[ -d "$KAFKA_LIBS" ] || { echo "run deploy/local/infra.sh up first" >&2; exit 1; }
java "$ROOT/deploy/local/DevToken.java" --keys "$ROOT/.keys" --init >/dev/null

# as_postgres COMMAND...: run as the PostgreSQL superuser (root here; sudo otherwise), from / so that it may read its cwd
as_postgres() { (cd / && if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi); }

# psql_on DATABASE [psql arguments]
psql_on() { local db=$1; shift; PGPASSWORD="$DB_PASSWORD" psql -h 127.0.0.1 -U qbank -d "$db" -X -q "$@"; }

# This machine's speed varies over time; a fixed piece of PostgreSQL work, timed before and after the scenarios, says how
# fast it was while they ran (283-513 ms on 2026-12-02): compare figures of runs with similar calibrations only.
calibrate() {
  local ms; ms=$(psql_on "$1" -c '\timing on' -c 'SELECT count(*) FROM generate_series(1, 3000000)' | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
  echo "[bench] calibration ($2): generate_series(1, 3000000) counted in $ms ms"
}

# bench_topic NAME: created if missing, 6 partitions
bench_topic() {
  java -cp "$KAFKA_LIBS/*" org.apache.kafka.tools.TopicCommand --bootstrap-server localhost:9092 --create --if-not-exists \
    --topic "$1" --partitions 6 --replication-factor 1 >/dev/null 2>&1
}

# temp_file: a temporary file removed when the script exits
temp_file() { mktemp -p "$TEMP_DIR"; } # (a list of the files would not survive the $(...) that calls this)

# start_service MODULE PORT [NAME=VALUE ...]: the module's jar (built if missing) on the suite's JVM (jvm.sh) with the
# development key and the given environment; sets $SERVICE_PID and $SERVICE_LOG and returns once /q/health/ready answers.
# Its JVM options are those of ./qbank run but for the full JIT (C2): these are throughput figures. The JVM logs its
# compilations and GC pauses into $TEMP_DIR (jit.log, gc.log) for jvm_activity.
start_service() {
  local module=$1 port=$2 jar java
  shift 2
  . "$ROOT/deploy/local/jvm.sh"
  [ -n "$(service_jar "$ROOT" "$module")" ] || (cd "$ROOT" && ./mvnw -B -q install -DskipTests -pl "$module" -am)
  jar="$(service_jar "$ROOT" "$module")"
  java="$(qbank_java)"
  SERVICE_LOG="$(mktemp)"
  echo "[bench] starting $module on :$port with $("$java" -version 2>&1 | head -1) (log $SERVICE_LOG)"
  env QUARKUS_HTTP_PORT="$port" QUARKUS_DATASOURCE_PASSWORD="$DB_PASSWORD" \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="file:$ROOT/.keys/jwt-public.pem" MP_JWT_VERIFY_ISSUER=https://qbank.dev/issuer "$@" \
    "$java" ${QBANK_JAVA_OPTS:-${QBANK_JAVA_DEFAULT_OPTS/ -XX:TieredStopAtLevel=1/}} \
    -Xlog:jit+compilation=debug:file="$TEMP_DIR/jit.log":time -Xlog:gc:file="$TEMP_DIR/gc.log":time -jar "$jar" >"$SERVICE_LOG" 2>&1 &
  SERVICE_PID=$!
  trap 'kill $SERVICE_PID 2>/dev/null; wait $SERVICE_PID 2>/dev/null || true; rm -rf "$TEMP_DIR"' EXIT
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; do
    kill -0 "$SERVICE_PID" 2>/dev/null || { cat "$SERVICE_LOG" >&2; exit 1; }
    sleep 0.1
  done
}

# jvm_activity FROM SECONDS: what the service's JVM did besides serving over SECONDS from FROM (an ISO-8601 instant in
# UTC): how many methods the JIT compiled (C2 for a few hundred ms at a time takes a core that requests wait for) and how
# long the GC stopped the application. Each line of the JVM's logs starts with its time in the same form, so the window
# is a comparison of strings.
jvm_activity() {
  local from to
  from=$(date -u -d "$1" +%Y-%m-%dT%H:%M:%S.%3N); to=$(date -u -d "$1 + $2 seconds" +%Y-%m-%dT%H:%M:%S.%3N)
  awk -v from="[$from" -v to="[$to" '
    { t = substr($1, 1, 24) } t < from || t >= to { next }
    FILENAME ~ /jit.log$/ && !/made not entrant/ { compiled++; if ($3 == 4 || $4 == 4) c2++ }
    FILENAME ~ /gc.log$/ && /Pause/ { pauses++; ms = $NF; sub(/ms$/, "", ms); total += ms; if (ms > longest) longest = ms }
    END { printf "[bench] the JVM in that window: %d methods compiled (%d by C2), %d GC pauses, %.0f ms in all, the longest %.1f ms\n",
          compiled, c2, pauses, total, longest }' "$TEMP_DIR/jit.log" "$TEMP_DIR/gc.log"
}

# cpu_by_process DELAY SECONDS: after DELAY seconds, the CPU each part of the machine used over SECONDS (from /proc, in
# cores of this machine), printed when done; run it in the background alongside a load. The service is $SERVICE_PID.
cpu_by_process() {
  sleep "$1"
  local before after t0 t1
  t0=$(date +%s%N); before="$(cpu_snapshot)"; sleep "$2"; t1=$(date +%s%N); after="$(cpu_snapshot)"
  # each process is read at the same point of both passes, so its interval is the one between the passes' starts; a
  # process counts if both passes saw it (matched by key in awk: join would need both inputs sorted in its own collation)
  { echo "$before" | sed 's/^/before /'; echo "$after" | sed 's/^/after /'; } | awk -v ns=$((t1 - t0)) -v hz="$(getconf CLK_TCK)" '
    $1 == "before" { first[$2] = $3; next }
    $2 in first { split($2, k, ":"); used[k[1]] += ($3 - first[$2]) / hz }
    END { s = ns / 1e9; line = sprintf("[bench] CPU by process over %.1f s, in cores:", s)
          for (p in used) line = line sprintf(" %s %.2f", p, used[p] / s); print line }'
}

# cpu_snapshot: "part:pid ticks" for every process, ticks = user + system time
cpu_snapshot() {
  # shell builtins only: with processes forked for each entry of /proc a pass took 0.4 s idle and 2.2-2.5 s under the
  # delivery load, inside the window it measured, and a load generator that ended meanwhile was missing from the second
  # pass (and from the figures)
  local p part args stat
  for p in /proc/[0-9]*; do
    mapfile -d '' args <"$p/cmdline" 2>/dev/null && read -r stat <"$p/stat" 2>/dev/null || continue # gone meanwhile
    case "${args[*]}" in
      "") continue ;;
      *QuizLoad*|*HttpBench*|*AnswerLoad*|*QuizEventLoad*|*GenerationLoad*) part=load-generator ;;
      postgres*) part=postgresql ;;
      *redis-server*) part=redis ;;
      *kafka.Kafka*) part=kafka ;;
      *) part=other ;;
    esac
    [ "${p#/proc/}" != "${SERVICE_PID:-}" ] || part=service
    # the fields after the command name in parentheses (which may hold spaces): utime and stime are the 12th and 13th
    set -- ${stat##*) }
    echo "$part:${p#/proc/} $((${12} + ${13}))"
  done
}
