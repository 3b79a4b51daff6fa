# shellcheck shell=bash
# IPFS: Kubo, built from source through the Go module proxy (no other download site is reachable),
# with a repository under var/ipfs that talks to nobody: RPC API on 127.0.0.1:5001, gateway on
# 127.0.0.1:8081 (8080 is Payara's), no bootstrap peers, no MDNS, no routing, no telemetry.

IPFS_API_PORT=5001
IPFS_GATEWAY_PORT=8081

ipfs_bin() { printf '%s/kubo-%s/ipfs' "$DM_TOOLS" "$(pom_prop kubo.version)"; }
ipfs_repo() { printf '%s/ipfs' "$DM_VAR"; }

ipfs_describe() {
  printf 'Kubo %s, API 127.0.0.1:%s, gateway 127.0.0.1:%s, repo %s' \
    "$(pom_prop kubo.version)" "$IPFS_API_PORT" "$IPFS_GATEWAY_PORT" "$(ipfs_repo)"
}

# `go install github.com/ipfs/kubo/cmd/ipfs@vX` refuses to build a module whose go.mod has replace
# directives, and Kubo 0.43.1's replaces go-libp2p with a fork that the module proxy does not serve.
# So: take Kubo's module source from the proxy, swap the fork for the go-libp2p release that carries
# the same fix (kubo-go-libp2p.version in the pom), and build it as the main module.
ipfs_install() {
  local bin version libp2p src gomodcache started
  bin=$(ipfs_bin)
  if [ -x "$bin" ] && "$bin" version >/dev/null 2>&1; then
    ln -sfn "$bin" "$DM_TOOLS/bin/ipfs"
    return 0
  fi
  have go || die "Go is needed to build Kubo (ipfs) and was not found on the PATH; install Go >= 1.25"
  version=$(pom_prop kubo.version)
  libp2p=$(pom_prop kubo-go-libp2p.version)
  started=$(now_s)
  log "ipfs: building Kubo $version from the Go module proxy (a few minutes on 2 cores; log: $DM_LOGS/ipfs-build.log)"
  mkdir -p "$DM_LOGS" "$(dirname "$bin")" "$DM_TOOLS/bin"
  src=$(mktemp -d "${TMPDIR:-/tmp}/datamint-kubo.XXXXXX")
  gomodcache=$(go env GOMODCACHE)
  (
    go mod download "github.com/ipfs/kubo@v$version" &&
      cp -r "$gomodcache/github.com/ipfs/kubo@v$version/." "$src/" &&
      chmod -R u+w "$src" &&
      cd "$src" &&
      if grep -q '^replace github.com/libp2p/go-libp2p ' go.mod; then
        go mod edit -dropreplace=github.com/libp2p/go-libp2p -require="github.com/libp2p/go-libp2p@v$libp2p"
      fi &&
      go build -mod=mod -trimpath -o "$bin.partial" ./cmd/ipfs &&
      mv "$bin.partial" "$bin"
  ) >>"$DM_LOGS/ipfs-build.log" 2>&1 </dev/null || {
    tail -n 30 "$DM_LOGS/ipfs-build.log" >&2
    rm -rf "$src"
    die "building Kubo failed (log: $DM_LOGS/ipfs-build.log)"
  }
  rm -rf "$src"
  ln -sfn "$bin" "$DM_TOOLS/bin/ipfs"
  log "ipfs: built $("$bin" version) in $(elapsed_since "$started")s"
}

ipfs_cmd() { IPFS_PATH="$(ipfs_repo)" IPFS_TELEMETRY=off "$(ipfs_bin)" "$@"; }

# A repository that never reaches out: the `test` profile empties the bootstrap list, turns off
# MDNS, AutoConf, AutoTLS and NAT port mapping and binds swarm to loopback; then fixed ports,
# no routing, no relays, a gateway that serves only what is local, and no telemetry.
ipfs_init() {
  local repo
  repo=$(ipfs_repo)
  [ -f "$repo/config" ] && return 0
  log "ipfs: initialising a local-only repository in $repo"
  mkdir -p "$repo"
  ipfs_cmd init --profile test --empty-repo >>"$DM_LOGS/ipfs.log" 2>&1 </dev/null ||
    { log_tail ipfs; die "ipfs init failed"; }
}

# Applied at every start, so an older repository gets newer settings too.
ipfs_configure() {
  {
    ipfs_cmd config Addresses.API "/ip4/127.0.0.1/tcp/$IPFS_API_PORT" &&
      ipfs_cmd config Addresses.Gateway "/ip4/127.0.0.1/tcp/$IPFS_GATEWAY_PORT" &&
      ipfs_cmd config --json Addresses.Swarm '["/ip4/127.0.0.1/tcp/0"]' &&
      ipfs_cmd config --json Addresses.Announce '[]' &&
      ipfs_cmd config --json Bootstrap '[]' &&
      ipfs_cmd config --json Peering.Peers '[]' &&
      ipfs_cmd config --json Discovery.MDNS.Enabled false &&
      ipfs_cmd config --json AutoConf.Enabled false &&
      ipfs_cmd config --json AutoTLS.Enabled false &&
      ipfs_cmd config Routing.Type none &&
      ipfs_cmd config --json Swarm.DisableNatPortMap true &&
      ipfs_cmd config --json Swarm.RelayClient.Enabled false &&
      ipfs_cmd config --json Swarm.RelayService.Enabled false &&
      ipfs_cmd config --json Gateway.NoFetch true &&
      ipfs_cmd config Plugins.Plugins.telemetry.Config.Mode off
  } >>"$DM_LOGS/ipfs.log" 2>&1 </dev/null || { log_tail ipfs; die "ipfs config failed"; }
}

# The RPC API answers, and the gateway serves the empty identity CID (which needs no block).
ipfs_healthy() {
  [ "$(http_code "http://127.0.0.1:$IPFS_API_PORT/api/v0/version" -X POST)" = 200 ] &&
    [ "$(http_code "http://127.0.0.1:$IPFS_GATEWAY_PORT/ipfs/bafkqaaa")" = 200 ]
}

ipfs_pid() { managed_pid ipfs "kubo-"; }

ipfs_start() {
  local pid port
  if ipfs_healthy; then
    log "ipfs: already running"
    return 0
  fi
  pid=$(ipfs_pid)
  if [ -z "$pid" ]; then
    ipfs_install
    for port in "$IPFS_API_PORT" "$IPFS_GATEWAY_PORT"; do
      port_open "$port" && die "port $port is held by $(port_holder "$port"); stop it and retry"
    done
    ipfs_init
    ipfs_configure
    log "ipfs: starting"
    spawn ipfs env IPFS_PATH="$(ipfs_repo)" IPFS_TELEMETRY=off "$(ipfs_bin)" daemon
    pid=$(cat "$(pidfile ipfs)")
  else
    log "ipfs: started earlier (pid $pid), waiting for it"
  fi
  wait_healthy ipfs 120 "$pid"
}

ipfs_stop() {
  local pid
  pid=$(ipfs_pid)
  if [ -n "$pid" ]; then
    log "ipfs: stopping"
    # The daemon's own shutdown closes the datastore cleanly; SIGTERM is the fallback.
    curl -s -o /dev/null --max-time 10 -X POST "http://127.0.0.1:$IPFS_API_PORT/api/v0/shutdown" || true
    stop_pid ipfs "$pid" 30
  elif port_open "$IPFS_API_PORT"; then
    warn "ipfs: port $IPFS_API_PORT is held by $(port_holder "$IPFS_API_PORT"), which ./datamint did not start; left alone"
  fi
  rm -f "$(pidfile ipfs)"
}
