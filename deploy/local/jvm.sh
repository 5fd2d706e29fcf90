# Sourced (not run) by services.sh, measure-startup.sh and the benchmarks: which JVM runs a service, with which options,
# and the class cache that halves its start.
#
# A service is a runner jar with its dependencies in lib/ on its class path (<module>/target/<module>-<version>-runner.jar):
# every class comes from the class path, so the JVM can cache all of them, not only the launcher's (a fast-jar loads the
# application through its own class loader, which no JVM cache covers). The cache sits next to the jar:
#   JDK 25+        an AOT cache (JEP 483/514/515: classes loaded and linked, method profiles), <jar>.aot
#   JDK 17 to 24   a dynamic AppCDS archive, <jar>.jsa
# A training run writes it: the service started until ready, then stopped; the cache is written as it exits (10-20 s
# after the service has stopped, on JDK 25). A start uses the cache when it is newer than the jar: a rebuilt jar needs a
# new training run (deploy/local/services.sh train; measure-startup.sh trains the services it measures).
#
#   QBANK_JAVA         the java to run (default: the newest JDK 25+ under /usr/lib/jvm, else java on the PATH)
#   QBANK_JAVA_OPTS    JVM options (default: small heap, serial GC, C1 only: a service that starts fast and stays small)
#   QBANK_CLASS_CACHE  0 to run without a class cache

QBANK_JAVA_DEFAULT_OPTS="-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k -XX:MaxMetaspaceSize=160m"

# qbank_java: the java command
qbank_java() {
  if [ -n "${QBANK_JAVA:-}" ]; then echo "$QBANK_JAVA"; return; fi
  local jdk
  for jdk in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    if [ -x "$jdk/bin/java" ] && [ "$(java_feature "$jdk/bin/java")" -ge 25 ]; then echo "${jdk%/}/bin/java"; return; fi
  done
  echo java
}

# java_feature JAVA: its feature release (17, 25, ...)
java_feature() { "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'; }

# service_jar ROOT MODULE: the module's runner jar (empty if not built)
service_jar() { ls "$1/$2"/target/"$2"-*-runner.jar 2>/dev/null | head -1; }

# class_cache JAVA JAR: the jar's class cache for that JVM (it may not exist)
class_cache() {
  if [ "$(java_feature "$1")" -ge 25 ]; then echo "${2%.jar}.aot"; else echo "${2%.jar}.jsa"; fi
}

# class_cache_options JAVA JAR: the options that start the jar with its class cache, none if it has no cache newer than
# itself (the JVM would refuse a cache of other jars)
class_cache_options() {
  local cache; cache="$(class_cache "$1" "$2")"
  [ "${QBANK_CLASS_CACHE:-1}" = 1 ] && [ "$cache" -nt "$2" ] || return 0
  if [ "${cache##*.}" = aot ]; then echo "-XX:AOTCache=$cache"; else echo "-XX:SharedArchiveFile=$cache"; fi
}

# class_cache_training_options JAVA JAR: the options of a training run, which writes the cache when it exits
class_cache_training_options() {
  local cache; cache="$(class_cache "$1" "$2")"
  rm -f "$cache"
  if [ "${cache##*.}" = aot ]; then echo "-XX:AOTCacheOutput=$cache"; else echo "-XX:ArchiveClassesAtExit=$cache"; fi
}
