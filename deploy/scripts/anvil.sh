# shellcheck shell=bash
# The chain: anvil (Foundry) on 127.0.0.1:8545, chain id 31337, with its state in
# var/anvil/state.json so that contracts and balances survive a restart. anvil and forge come from
# npm packages that carry the static binaries (@foundry-rs/<tool>-linux-amd64); no Foundry installer.

ANVIL_PORT=8545
ANVIL_CHAIN_ID=31337

foundry_dir() { printf '%s/%s-%s' "$DM_TOOLS" "$1" "$(pom_prop "$1.version")"; }
foundry_bin() { printf '%s/node_modules/@foundry-rs/%s-linux-amd64/bin/%s' "$(foundry_dir "$1")" "$1" "$1"; }
anvil_state() { printf '%s/anvil/state.json' "$DM_VAR"; }

anvil_describe() {
  printf 'anvil %s on 127.0.0.1:%s, chain id %s, state %s' \
    "$(pom_prop anvil.version)" "$ANVIL_PORT" "$ANVIL_CHAIN_ID" "$(anvil_state)"
}

# Installs one Foundry tool (anvil or forge) of the pinned version and links it into tools/bin.
foundry_install() { # anvil|forge
  local tool=$1 bin dir
  bin=$(foundry_bin "$tool")
  dir=$(foundry_dir "$tool")
  if ! { [ -x "$bin" ] && "$bin" --version >/dev/null 2>&1; }; then
    have npm || apt_install npm
    log "$tool: installing @foundry-rs/$tool-linux-amd64@$(pom_prop "$tool.version") from npm"
    mkdir -p "$dir" "$DM_LOGS"
    npm install --prefix "$dir" --no-save --no-audit --no-fund --no-package-lock \
      "@foundry-rs/$tool-linux-amd64@$(pom_prop "$tool.version")" >>"$DM_LOGS/install.log" 2>&1 </dev/null ||
      { tail -n 20 "$DM_LOGS/install.log" >&2; die "npm install of $tool failed (log: $DM_LOGS/install.log)"; }
    [ -x "$bin" ] || die "$tool binary not found at $bin after npm install"
  fi
  mkdir -p "$DM_TOOLS/bin"
  ln -sfn "$bin" "$DM_TOOLS/bin/$tool"
}

# forge is not a daemon; it is installed with anvil for the contracts module (tools/bin/forge).
anvil_install() {
  foundry_install anvil
  foundry_install forge
}

rpc() { # method [params-json]
  curl -s --max-time 5 -H 'Content-Type: application/json' \
    -d "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"$1\",\"params\":${2:-[]}}" "http://127.0.0.1:$ANVIL_PORT"
}

# JSON-RPC answers with our chain id (0x7a69 = 31337).
anvil_healthy() {
  rpc eth_chainId 2>/dev/null | grep -q "\"result\":\"0x$(printf '%x' "$ANVIL_CHAIN_ID")\""
}

anvil_pid() { managed_pid anvil "anvil"; }

anvil_start() {
  local pid
  if anvil_healthy; then
    log "anvil: already running"
    return 0
  fi
  pid=$(anvil_pid)
  if [ -z "$pid" ]; then
    anvil_install
    port_open "$ANVIL_PORT" && die "port $ANVIL_PORT is held by $(port_holder "$ANVIL_PORT"); stop it and retry"
    mkdir -p "$(dirname "$(anvil_state)")"
    log "anvil: starting"
    # --state loads the file when it exists and dumps to it on exit (SIGTERM/SIGINT); the interval
    # dump bounds what a crash or a SIGKILL can lose to a few seconds.
    spawn anvil "$(foundry_bin anvil)" --host 127.0.0.1 --port "$ANVIL_PORT" --chain-id "$ANVIL_CHAIN_ID" \
      --state "$(anvil_state)" --state-interval 5
    pid=$(cat "$(pidfile anvil)")
  else
    log "anvil: started earlier (pid $pid), waiting for it"
  fi
  wait_healthy anvil 30 "$pid"
}

anvil_stop() {
  local pid
  pid=$(anvil_pid)
  if [ -n "$pid" ]; then
    log "anvil: stopping (state dumped to $(anvil_state))"
    stop_pid anvil "$pid" 30 TERM
  elif port_open "$ANVIL_PORT"; then
    warn "anvil: port $ANVIL_PORT is held by $(port_holder "$ANVIL_PORT"), which ./datamint did not start; left alone"
  fi
  rm -f "$(pidfile anvil)"
}
