# shellcheck shell=bash
# PostgreSQL (Debian's package) with a cluster of our own whose data lives under var/, on
# 127.0.0.1:5432. Holds the `datamint` database (the source of truth) and `keycloak` (Keycloak's).

PG_PORT=5432

# The newest PostgreSQL installed from Debian (15 on Debian 12).
pg_bin() {
  local dir
  dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n1)
  [ -n "$dir" ] && printf '%s' "$dir"
}

# PostgreSQL refuses to run as root: as root we run it as the `postgres` user (made by the Debian
# package); as anyone else, as that user.
pg_as() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_superuser() {
  if is_root; then printf 'postgres'; else id -un; fi
}

# Where the cluster lives. Normally var/postgres; but as root the `postgres` user must be able to
# reach that folder, and a clone under e.g. /root cannot be entered by it. Then the cluster lives in
# /var/lib/datamint/<hash of the repo path>/postgres instead. The choice is written to
# var/postgres.location and kept, so a cluster is never silently swapped for an empty one.
pg_data() {
  local note="$DM_VAR/postgres.location" dir
  if [ -s "$note" ]; then
    cat "$note"
    return
  fi
  mkdir -p "$DM_VAR"
  dir="$DM_VAR/postgres"
  if is_root && ! runuser -u postgres -- test -x "$DM_VAR" 2>/dev/null; then
    dir="/var/lib/datamint/$(repo_hash)/postgres"
    warn "the postgres user cannot enter $DM_VAR; the database cluster lives in $dir instead"
    # The cluster belongs to the var/ that chose it: a fresh var/ (a new clone at the same path)
    # starts from an empty database, exactly as it would in var/postgres.
    if [ -f "$dir/PG_VERSION" ]; then
      warn "removing the cluster an earlier checkout at this path left in $dir"
      runuser -u postgres -- "$(pg_bin)/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1 || true
      rm -rf "$dir"
    fi
  fi
  printf '%s\n' "$dir" >"$note"
  printf '%s' "$dir"
}

# Unix socket folder (used only for the superuser's peer login). The data folder itself when its path
# is short enough for a socket name (107 bytes), else a private folder under /tmp.
pg_socket_dir() {
  local data
  data=$(pg_data)
  if [ "${#data}" -lt 90 ]; then
    printf '%s' "$data"
  else
    printf '/tmp/datamint-pg-%s' "$(repo_hash)"
  fi
}

postgres_describe() { printf 'PostgreSQL on 127.0.0.1:%s, data in %s' "$PG_PORT" "$(pg_data)"; }

postgres_install() {
  if [ -z "$(pg_bin)" ]; then
    apt_install postgresql
  fi
  [ -n "$(pg_bin)" ] || die "PostgreSQL binaries not found under /usr/lib/postgresql after installing"
  is_root && ! id postgres >/dev/null 2>&1 && die "the Debian postgresql package did not create the postgres user"
  return 0
}

# Answers SQL as the application's role over TCP: the same path the WAR and Keycloak take.
postgres_healthy() {
  local bin
  bin=$(pg_bin) || return 1
  PGPASSWORD="$DATAMINT_DB_PASSWORD" PGCONNECT_TIMEOUT=3 "$bin/psql" -X -q -h 127.0.0.1 -p "$PG_PORT" \
    -U "$DATAMINT_DB_USER" -d datamint -tAc 'select 1' 2>/dev/null | grep -qx 1
}

pg_running() { # is our own cluster's postmaster running?
  local data
  data=$(pg_data)
  [ -f "$data/PG_VERSION" ] && pg_as "$(pg_bin)/pg_ctl" -D "$data" status >/dev/null 2>&1
}

pg_init() {
  local data bin
  data=$(pg_data)
  bin=$(pg_bin)
  [ -f "$data/PG_VERSION" ] && return 0
  log "postgres: initdb in $data"
  mkdir -p "$data"
  is_root && chown postgres:postgres "$data"
  chmod 700 "$data"
  pg_as "$bin/initdb" -D "$data" -U "$(pg_superuser)" -E UTF8 --no-locale \
    --auth-local=peer --auth-host=scram-sha-256 >>"$DM_LOGS/postgres.log" 2>&1 ||
    { log_tail postgres; die "initdb failed"; }
  # Our settings live in their own file, rewritten at every start (see pg_write_conf).
  printf "\n# Added by ./datamint: our settings, rewritten at every start.\ninclude_if_exists = 'datamint.conf'\n" |
    pg_as tee -a "$data/postgresql.conf" >/dev/null
}

pg_write_conf() {
  local data sock
  data=$(pg_data)
  sock=$(pg_socket_dir)
  pg_as mkdir -p "$sock"
  pg_as chmod 700 "$sock"
  pg_as tee "$data/datamint.conf" >/dev/null <<EOF
# Written by ./datamint at every start; edit deploy/scripts/postgres.sh instead.
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$sock'
password_encryption = scram-sha-256
max_connections = 100
EOF
}

# Debian's own cluster (created when the package is installed) also wants 5432.
pg_free_port() {
  port_open "$PG_PORT" || return 0
  if have pg_lsclusters && pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p && $4 ~ /online/ {f=1} END {exit !f}'; then
    local ver name
    read -r ver name < <(pg_lsclusters -h | awk -v p="$PG_PORT" '$3 == p && $4 ~ /online/ {print $1, $2; exit}')
    log "postgres: stopping Debian's default cluster $ver/$name, which holds port $PG_PORT (set to start manually)"
    pg_ctlcluster "$ver" "$name" stop || die "could not stop Debian's cluster $ver/$name"
    [ -f "/etc/postgresql/$ver/$name/start.conf" ] && echo manual >"/etc/postgresql/$ver/$name/start.conf"
  fi
  port_open "$PG_PORT" && die "port $PG_PORT is held by $(port_holder "$PG_PORT"); stop it and retry"
  return 0
}

# Role and databases, created once; safe to repeat.
pg_provision() {
  local bin
  bin=$(pg_bin)
  pg_as "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$(pg_socket_dir)" -p "$PG_PORT" -U "$(pg_superuser)" -d postgres \
    -v user="$DATAMINT_DB_USER" -v pw="$DATAMINT_DB_PASSWORD" >>"$DM_LOGS/postgres.log" 2>&1 <<'SQL' ||
SELECT format('CREATE ROLE %I LOGIN CREATEDB PASSWORD %L', :'user', :'pw')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', d, :'user')
  FROM unnest(ARRAY['datamint', 'keycloak']) AS d
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d) \gexec
SQL
    { log_tail postgres; die "could not create the role and databases"; }
}

postgres_start() {
  local data bin
  postgres_install
  data=$(pg_data)
  bin=$(pg_bin)
  mkdir -p "$DM_LOGS" "$DM_RUN"
  if pg_running; then
    log "postgres: already running"
  else
    pg_init
    pg_free_port
    pg_write_conf
    log "postgres: starting ($bin)"
    printf '\n===== %s: starting postgres =====\n' "$(date -Is)" >>"$DM_LOGS/postgres.log"
    # Without -l the server writes to our log file through the inherited descriptor, which works
    # even when the postgres user cannot reach var/logs.
    pg_as "$bin/pg_ctl" -D "$data" -w -t 120 start >>"$DM_LOGS/postgres.log" 2>&1 </dev/null 9>&- ||
      { log_tail postgres; die "postgres did not start (log: $DM_LOGS/postgres.log)"; }
    head -n1 "$data/postmaster.pid" >"$(pidfile postgres)"
  fi
  pg_provision
  wait_healthy postgres 30
}

postgres_stop() {
  local data
  data=$(pg_data)
  if pg_running; then
    log "postgres: stopping"
    pg_as "$(pg_bin)/pg_ctl" -D "$data" -m fast -w -t 60 stop >>"$DM_LOGS/postgres.log" 2>&1 ||
      { log_tail postgres; die "postgres did not stop"; }
  elif port_open "$PG_PORT"; then
    warn "postgres: port $PG_PORT is held by $(port_holder "$PG_PORT"), which ./datamint did not start; left alone"
  fi
  rm -f "$(pidfile postgres)"
}

postgres_pid() {
  local data
  data=$(pg_data)
  [ -f "$data/postmaster.pid" ] && pg_running && head -n1 "$data/postmaster.pid"
  return 0
}
