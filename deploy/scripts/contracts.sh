# shellcheck shell=bash
# The platform's contracts on the local chain: deployed once per chain state (anvil --state keeps
# them across restarts), addresses recorded in var/chain/contracts.json for the application.
# DeployContracts is idempotent: when the file's contracts still have code on the chain it does
# nothing, so running it on every `run` is safe.

contracts_file() { printf '%s/chain/contracts.json' "$DM_VAR"; }

contracts_deploy() {
  local started cp_file jar
  started=$(now_s)
  mkdir -p "$DM_VAR/chain" "$DM_LOGS"
  cp_file="$DM_VAR/chain/classpath.txt"
  jar=$(ls "$DM_ROOT"/contracts/target/contracts-*.jar 2>/dev/null | grep -v -- '-sources' | head -n1 || true)
  [ -n "$jar" ] || die "contracts jar missing: build first (mvn -pl contracts -am package)"
  (cd "$DM_ROOT" && mvn -B -q -ntp -Dstyle.color=never -pl contracts dependency:build-classpath \
    -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime) >>"$DM_LOGS/build.log" 2>&1 </dev/null ||
    die "cannot compute the contracts' classpath (see $DM_LOGS/build.log)"
  java -cp "$jar:$(cat "$cp_file")" io.datamint.chain.deploy.DeployContracts \
    --rpc "$DATAMINT_CHAIN_RPC" --out "$(contracts_file)" >>"$DM_LOGS/contracts.log" 2>&1 </dev/null || {
    log_tail contracts
    die "deploying the contracts failed (log: $DM_LOGS/contracts.log)"
  }
  ok "contracts: ready in $(elapsed_since "$started")s — addresses in $(contracts_file)"
}
