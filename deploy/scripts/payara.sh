# shellcheck shell=bash
# Payara Micro (a single jar from Maven Central) serving webapp/target/datamint.war at the root
# context on 127.0.0.1:8080. It reads its configuration from the DATAMINT_* environment (env.sh).

PAYARA_PORT=8080

payara_jar() { printf '%s/payara-micro-%s.jar' "$DM_TOOLS" "$(pom_prop payara.version)"; }
payara_war() { printf '%s/webapp/target/datamint.war' "$DM_ROOT"; }

payara_describe() {
  printf 'Payara Micro %s on 127.0.0.1:%s serving %s' "$(pom_prop payara.version)" "$PAYARA_PORT" "$(payara_war)"
}

payara_install() {
  local jar
  jar=$(payara_jar)
  [ -s "$jar" ] && return 0
  log "payara: fetching fish.payara.extras:payara-micro:$(pom_prop payara.version) from Maven Central"
  mvn_fetch "fish.payara.extras:payara-micro:$(pom_prop payara.version)" "$DM_TOOLS"
  [ -s "$jar" ] || die "payara-micro jar not found at $jar after fetching"
}

# Builds the WAR with its modules (tests are run by ./datamint test, not here).
payara_build() {
  local started
  started=$(now_s)
  log "payara: building the WAR (mvn -B -q -DskipTests -pl webapp -am package; log: $DM_LOGS/build.log)"
  mkdir -p "$DM_LOGS"
  (cd "$DM_ROOT" && mvn -B -q -ntp -Dstyle.color=never -DskipTests -pl webapp -am package) \
    >"$DM_LOGS/build.log" 2>&1 </dev/null || {
    # Maven's console resets colours even in batch mode; strip the escapes from the excerpt.
    tail -n 40 "$DM_LOGS/build.log" | sed 's/\x1b\[[0-9;]*m//g' >&2
    echo >&2
    die "the WAR did not build (full log: $DM_LOGS/build.log); fix the build and run ./datamint run again"
  }
  [ -s "$(payara_war)" ] || die "the build succeeded but $(payara_war) is missing"
  log "payara: WAR built in $(elapsed_since "$started")s"
}

# MicroProfile Health answers UP for every check of the deployed application. The application
# registers its own checks, so an empty list means the WAR is not deployed (yet).
# Up = the health checks pass AND the application's own web module answers. Payara serves /health
# (UP) a second or two before the WAR's servlet context has loaded, and /health itself answers 500
# in that window: an unauthenticated API call answering 401 proves the application is serving.
payara_healthy() {
  local body
  body=$(curl -s --max-time 5 "http://localhost:$PAYARA_PORT/health" 2>/dev/null) || return 1
  printf '%s' "$body" | grep -q '"status" *: *"UP"' &&
    printf '%s' "$body" | grep -q '"checks" *: *\[ *{' &&
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://localhost:$PAYARA_PORT/api/me")" = 401 ]
}

payara_pid() { managed_pid payara "payara-micro-"; }

payara_start() {
  local pid
  if payara_healthy; then
    log "payara: already running"
    return 0
  fi
  pid=$(payara_pid)
  if [ -z "$pid" ]; then
    payara_install
    port_open "$PAYARA_PORT" && die "port $PAYARA_PORT is held by $(port_holder "$PAYARA_PORT"); stop it and retry"
    [ -s "$(payara_war)" ] || payara_build
    have java || die "java (17) not found on the PATH"
    mkdir -p "$DM_VAR/payara"
    log "payara: starting"
    # --nocluster/--nohazelcast: one instance, no data grid looking for members. Payara 6 still runs
    # a lone Hazelcast member (port 6900); the pre-boot commands and hazelcast.socket.bind.any=false
    # keep it, and the HTTP listener, on loopback.
    spawn payara java -Xmx1g -Djava.io.tmpdir="$DM_VAR/payara" -Dhazelcast.socket.bind.any=false \
      -jar "$(payara_jar)" \
      --deploy "$(payara_war)" --contextroot / --port "$PAYARA_PORT" \
      --nocluster --nohazelcast --disablephonehome \
      --prebootcommandfile "$DM_ROOT/deploy/payara/pre-boot-commands.asadmin"
    pid=$(cat "$(pidfile payara)")
  else
    log "payara: started earlier (pid $pid), waiting for it"
  fi
  wait_healthy_payara "$pid"
}

# Like wait_healthy, plus a clear message when the application deployed but reports a check DOWN.
wait_healthy_payara() { # pid
  local pid=$1 start body
  start=$(now_s)
  until payara_healthy; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log_tail payara
      die "payara exited during start-up (log: $DM_LOGS/payara.log)"
    fi
    if [ "$(elapsed_since "$start")" -ge 240 ]; then
      log_tail payara
      body=$(curl -s --max-time 5 "http://localhost:$PAYARA_PORT/health" 2>/dev/null || true)
      [ -n "$body" ] && log "payara: /health answers: $body"
      die "payara did not become healthy within 240s (log: $DM_LOGS/payara.log)"
    fi
    sleep 1
  done
}

payara_stop() {
  local pid
  pid=$(payara_pid)
  if [ -n "$pid" ]; then
    log "payara: stopping"
    stop_pid payara "$pid" 60
  elif port_open "$PAYARA_PORT"; then
    warn "payara: port $PAYARA_PORT is held by $(port_holder "$PAYARA_PORT"), which ./datamint did not start; left alone"
  fi
  rm -f "$(pidfile payara)"
}
