# shellcheck shell=bash
# One validation worker (gpu-validation/bin/worker) beside Payara: it takes the jobs the application
# queues in PostgreSQL (POST /api/validation/jobs), scores them on the CPU (or a GPU when the
# module was built with -Pgpu) and writes the results once. No port: it only talks to PostgreSQL.
# More workers: `./datamint worker` in other terminals, or on other machines with DATAMINT_DB_URL.
#   DATAMINT_WORKER_JAVA_OPTS   JVM options of this worker (default -Xmx1g)

WORKER_ID="stack-worker@$(hostname 2>/dev/null || echo localhost)"

worker_script() { printf '%s/gpu-validation/bin/worker' "$DM_ROOT"; }

worker_describe() {
  printf 'validation worker %s on %s' "$WORKER_ID" "${DATAMINT_DB_URL:-the default database}"
}

# The worker runs from gpu-validation/target (the WAR build makes it: webapp depends on the module).
worker_install() {
  [ -s "$DM_ROOT/gpu-validation/target/gpu-validation.jar" ] &&
    [ -d "$DM_ROOT/gpu-validation/target/lib-onnxruntime" ] && return 0
  log "worker: building gpu-validation (mvn -B -q -DskipTests -pl gpu-validation -am package; log: $DM_LOGS/build.log)"
  mkdir -p "$DM_LOGS"
  (cd "$DM_ROOT" && mvn -B -q -ntp -Dstyle.color=never -DskipTests -pl gpu-validation -am package) \
    >>"$DM_LOGS/build.log" 2>&1 </dev/null || {
    tail -n 40 "$DM_LOGS/build.log" | sed 's/\x1b\[[0-9;]*m//g' >&2
    die "gpu-validation did not build (full log: $DM_LOGS/build.log)"
  }
}

worker_pid() { managed_pid worker "io.datamint.validation.worker.WorkerMain"; }

# The worker has no port to ask. It counts as up when its JVM runs, it has logged its start since
# it was last spawned (the model is loaded by then), and its database answers SQL with the queue's
# table in place (the application creates it at deployment: until then the worker only waits).
worker_healthy() {
  local pid bin db
  pid=$(worker_pid)
  [ -n "$pid" ] || return 1
  [ -f "$DM_LOGS/worker.log" ] || return 1
  awk '/===== .*: starting worker =====/ {s = 0} /worker .* started \(lease/ {s = 1} END {exit !s}' \
    "$DM_LOGS/worker.log" || return 1
  bin=$(pg_bin) || return 1
  db=${DATAMINT_DB_URL##*/}
  db=${db%%\?*}
  PGPASSWORD="$DATAMINT_DB_PASSWORD" PGCONNECT_TIMEOUT=3 "$bin/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" \
    -U "$DATAMINT_DB_USER" -d "${db:-datamint}" -tAc "select to_regclass('validation_job') is not null" \
    2>/dev/null | grep -qx t
}

worker_start() {
  local pid
  if worker_healthy; then
    log "worker: already running"
    return 0
  fi
  pid=$(worker_pid)
  if [ -z "$pid" ]; then
    worker_install
    have java || die "java (17) not found on the PATH"
    log "worker: starting"
    JAVA_OPTS="${DATAMINT_WORKER_JAVA_OPTS:--Xmx1g}" spawn worker "$(worker_script)" --id "$WORKER_ID"
    pid=$(cat "$(pidfile worker)")
  else
    log "worker: started earlier (pid $pid), waiting for it"
  fi
  wait_healthy worker 120 "$pid"
}

worker_stop() {
  local pid
  pid=$(worker_pid)
  if [ -n "$pid" ]; then
    # SIGTERM: the worker finishes (or gives back) its current job within 30 s, then exits.
    log "worker: stopping"
    stop_pid worker "$pid" 45
  fi
  rm -f "$(pidfile worker)"
}
