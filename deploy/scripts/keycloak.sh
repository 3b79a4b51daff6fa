# shellcheck shell=bash
# Keycloak (the Quarkus distribution from Maven Central) in dev mode on 127.0.0.1:8180, its data in
# the PostgreSQL database `keycloak` (so users, sessions and realm edits survive restarts), the realm
# deploy/keycloak/datamint-realm.json imported on the first start.

KC_PORT=8180
KC_REALM=datamint

kc_home() { printf '%s/keycloak-%s' "$DM_TOOLS" "$(pom_prop keycloak.version)"; }
kc_admin_password_file() { printf '%s/secrets/keycloak-admin.password' "$DM_VAR"; }
kc_issuer() { printf 'http://localhost:%s/realms/%s' "$KC_PORT" "$KC_REALM"; }

keycloak_describe() {
  printf 'Keycloak %s on 127.0.0.1:%s (realm %s), data in PostgreSQL database keycloak' \
    "$(pom_prop keycloak.version)" "$KC_PORT" "$KC_REALM"
}

keycloak_install() {
  local home version tmp
  home=$(kc_home)
  [ -x "$home/bin/kc.sh" ] && return 0
  version=$(pom_prop keycloak.version)
  need_cmd unzip
  log "keycloak: fetching org.keycloak:keycloak-quarkus-dist:$version:zip from Maven Central"
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/datamint-kc.XXXXXX")
  mvn_fetch "org.keycloak:keycloak-quarkus-dist:$version:zip" "$tmp"
  unzip -q "$tmp/keycloak-quarkus-dist-$version.zip" -d "$tmp/x" || die "could not unzip Keycloak"
  mkdir -p "$DM_TOOLS"
  rm -rf "$home"
  mv "$tmp/x/keycloak-$version" "$home"
  rm -rf "$tmp"
}

# The issuer answers: the realm has been imported and the server serves it.
keycloak_healthy() {
  curl -s --max-time 5 "$(kc_issuer)/.well-known/openid-configuration" 2>/dev/null |
    grep -qF "\"issuer\":\"$(kc_issuer)\""
}

keycloak_pid() { managed_pid keycloak "keycloak-$(pom_prop keycloak.version)"; }

keycloak_start() {
  local pid home pwfile
  if keycloak_healthy; then
    log "keycloak: already running"
    return 0
  fi
  pid=$(keycloak_pid)
  if [ -z "$pid" ]; then
    keycloak_install
    postgres_healthy || postgres_start
    port_open "$KC_PORT" && die "port $KC_PORT is held by $(port_holder "$KC_PORT"); stop it and retry"
    home=$(kc_home)
    # --import-realm reads data/import and skips a realm that already exists, so edits made in
    # the admin console survive; see deploy/README.md to re-import after changing the JSON.
    mkdir -p "$home/data/import"
    cp "$DM_ROOT/deploy/keycloak/datamint-realm.json" "$home/data/import/datamint-realm.json"
    # The master realm's administrator is made on the first start only, with a password that
    # never leaves this checkout.
    pwfile=$(kc_admin_password_file)
    if [ ! -s "$pwfile" ]; then
      mkdir -p "$(dirname "$pwfile")"
      (umask 077 && head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$pwfile")
    fi
    log "keycloak: starting (15-30 s; about a minute on an empty database)"
    # Database credentials go through the environment, not the command line (visible in ps).
    # --hostname pins the issuer to http://localhost:8180 whichever loopback name a client uses.
    spawn keycloak env \
      KC_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/keycloak" \
      KC_DB_USERNAME="$DATAMINT_DB_USER" KC_DB_PASSWORD="$DATAMINT_DB_PASSWORD" \
      KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$(cat "$pwfile")" \
      JAVA_OPTS_KC_HEAP="-Xms64m -Xmx512m -XX:MaxMetaspaceSize=256m" \
      "$home/bin/kc.sh" start-dev --db postgres --http-host 127.0.0.1 --http-port "$KC_PORT" \
      --hostname "http://localhost:$KC_PORT" --import-realm
    pid=$(cat "$(pidfile keycloak)")
  else
    log "keycloak: started earlier (pid $pid), waiting for it"
  fi
  wait_healthy keycloak 300 "$pid"
}

keycloak_stop() {
  local pid
  pid=$(keycloak_pid)
  if [ -n "$pid" ]; then
    log "keycloak: stopping"
    stop_pid keycloak "$pid" 60
  elif port_open "$KC_PORT"; then
    warn "keycloak: port $KC_PORT is held by $(port_holder "$KC_PORT"), which ./datamint did not start; left alone"
  fi
  rm -f "$(pidfile keycloak)"
}

# An access token for a demo user from the public client (password grant), for scripts and curl.
keycloak_token() { # username [password]
  local user=$1 pass=${2:-$1} response
  response=$(curl -s --max-time 10 -d grant_type=password -d client_id=datamint-cli \
    --data-urlencode "username=$user" --data-urlencode "password=$pass" -d scope=openid \
    "$(kc_issuer)/protocol/openid-connect/token") || die "Keycloak did not answer on port $KC_PORT"
  printf '%s' "$response" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p' | grep . ||
    die "no token for $user: $response"
}
