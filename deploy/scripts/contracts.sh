# shellcheck shell=bash
# The platform's contracts on the local chain: deployed once per chain state (anvil --state keeps
# them across restarts), addresses recorded in var/chain/contracts.json for the application.
# DeployContracts is idempotent: when the file's contracts still have code on the chain it does
# nothing, so running it on every `run` is safe.

contracts_file() { printf '%s/chain/contracts.json' "$DM_VAR"; }

contracts_deploy() {
  local started jar lib
  started=$(now_s)
  mkdir -p "$DM_VAR/chain" "$DM_LOGS"
  # The WAR build (payara_build: -pl webapp -am package) packages the module with its runtime
  # dependencies in target/lib, sibling modules included, so nothing is looked up in ~/.m2 here.
  jar=$(ls "$DM_ROOT"/contracts/target/contracts-*.jar 2>/dev/null | grep -v -- '-sources' | head -n1 || true)
  lib="$DM_ROOT/contracts/target/lib"
  [ -n "$jar" ] && [ -d "$lib" ] || die "contracts jar or its target/lib missing: build first (mvn -pl webapp -am package)"
  java -cp "$jar:$lib/*" io.datamint.chain.deploy.DeployContracts \
    --rpc "$DATAMINT_CHAIN_RPC" --out "$(contracts_file)" >>"$DM_LOGS/contracts.log" 2>&1 </dev/null || {
    log_tail contracts
    die "deploying the contracts failed (log: $DM_LOGS/contracts.log)"
  }
  ok "contracts: ready in $(elapsed_since "$started")s — addresses in $(contracts_file)"
}
