# Sourced (not run) by services.sh, measure-startup.sh and the benchmarks: which JVM runs a service, with which options,
# and the class cache that halves its start.
#
# A service is a runner jar with its dependencies in lib/ on its class path (<module>/target/<module>-<version>-runner.jar):
# every class comes from the class path, so the JVM can cache all of them, not only the launcher's (a fast-jar loads the
# application through its own class loader, which no JVM cache covers). The cache sits next to the jar:
#   JDK 25+        an AOT cache (JEP 483/514/515: classes loaded and linked, method profiles), <jar>.aot
#   JDK 17 to 24   a dynamic AppCDS archive, <jar>.jsa
# A run without a cache that is newer than its jar is the training run: the cache is written when that run exits
# (on JDK 25 that takes 10-20 s after the service has stopped). The next start uses it.
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

# class_cache_options JAVA JAR: the options that use the jar's class cache, or that write it when this run exits
class_cache_options() {
  local java=$1 jar=$2 cache
  [ "${QBANK_CLASS_CACHE:-1}" = 1 ] || return 0
  if [ "$(java_feature "$java")" -ge 25 ]; then
    cache="${jar%.jar}.aot"
    if [ "$cache" -nt "$jar" ]; then echo "-XX:AOTCache=$cache"; else rm -f "$cache"; echo "-XX:AOTCacheOutput=$cache"; fi
  else
    cache="${jar%.jar}.jsa"
    if [ "$cache" -nt "$jar" ]; then echo "-XX:SharedArchiveFile=$cache"; else rm -f "$cache"; echo "-XX:ArchiveClassesAtExit=$cache"; fi
  fi
}
