# shellcheck shell=bash
# The environment of the local stack: what Payara (through MicroProfile Config, which maps
# DATAMINT_DB_URL to datamint.db.url), Maven and the integration tests see. `./datamint run` and
# `./datamint test` both source this file, so they cannot disagree. A developer may source it too:
#
#   source deploy/scripts/env.sh && mvn -B verify -DskipITs=false -pl it-tests -am
#
# Only DATAMINT_TOOLS and DATAMINT_VAR may be set beforehand (to move the tools or the data).

DATAMINT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DATAMINT_TOOLS="${DATAMINT_TOOLS:-$HOME/.datamint/tools}"
DATAMINT_VAR="${DATAMINT_VAR:-$DATAMINT_ROOT/var}"
# Scripts change directory; relative folders would move with them.
case $DATAMINT_TOOLS in /*) ;; *) DATAMINT_TOOLS="$PWD/$DATAMINT_TOOLS" ;; esac
case $DATAMINT_VAR in /*) ;; *) DATAMINT_VAR="$PWD/$DATAMINT_VAR" ;; esac
export DATAMINT_ROOT DATAMINT_TOOLS DATAMINT_VAR

export DATAMINT_DB_URL="jdbc:postgresql://127.0.0.1:5432/datamint"
export DATAMINT_DB_USER="datamint"
export DATAMINT_DB_PASSWORD="datamint"
# Files being uploaded and waiting for processing; resumable uploads live here for a day, so not
# under /tmp, which the system may clean.
export DATAMINT_UPLOAD_DIR="$DATAMINT_VAR/uploads"
export DATAMINT_IPFS_API="http://127.0.0.1:5001"
export DATAMINT_IPFS_GATEWAY="http://127.0.0.1:8081"
export DATAMINT_CHAIN_RPC="http://127.0.0.1:8545"
export DATAMINT_CHAIN_ID="31337"
# Where DeployContracts (./datamint run) writes the contract addresses the application reads.
export DATAMINT_CHAIN_CONTRACTS="$DATAMINT_VAR/chain/contracts.json"
# LOCAL STACK ONLY: the platform's signing key (publisher, moderator, validator on the contracts) is
# anvil's first development account, whose key is public knowledge; DeployContracts grants it the
# roles by default. A real deployment sets DATAMINT_CHAIN_PLATFORM_KEY from a secret store instead.
export DATAMINT_CHAIN_PLATFORM_KEY="0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
export DATAMINT_OIDC_PROVIDER="http://localhost:8180/realms/datamint"
export DATAMINT_OIDC_CLIENT_ID="datamint-web"
export DATAMINT_OIDC_CLIENT_SECRET="datamint-web-secret"

# The master key wraps every per-version data key and every custodial wallet key. It is made once per
# checkout (var/ is ignored by git) and reused, so that data encrypted yesterday still decrypts.
datamint_master_key_file="$DATAMINT_VAR/secrets/master.key"
if [ ! -s "$datamint_master_key_file" ]; then
  mkdir -p "$DATAMINT_VAR/secrets"
  chmod 700 "$DATAMINT_VAR/secrets"
  (umask 077 && head -c 32 /dev/urandom | base64 -w0 >"$datamint_master_key_file")
fi
chmod 600 "$datamint_master_key_file"
DATAMINT_MASTER_KEY="$(cat "$datamint_master_key_file")"
export DATAMINT_MASTER_KEY
unset datamint_master_key_file

# Tools for the tests: the Arquillian container starts its own Payara Micro from this jar, the
# browser tests drive Debian's Chromium and must never download a browser of their own.
PAYARA_MICRO_JAR="$DATAMINT_TOOLS/payara-micro-$(sed -n 's:.*<payara.version>\([^<]*\)</payara.version>.*:\1:p' "$DATAMINT_ROOT/pom.xml" | head -n1).jar"
export PAYARA_MICRO_JAR
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROMIUM_PATH="/usr/bin/chromium"

# anvil, forge and ipfs of the pinned versions, first on the PATH.
case ":$PATH:" in
  *":$DATAMINT_TOOLS/bin:"*) ;;
  *) export PATH="$DATAMINT_TOOLS/bin:$PATH" ;;
esac
