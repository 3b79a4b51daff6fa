# shellcheck shell=bash
# Common helpers of the local stack, sourced by ./datamint and by every deploy/scripts/<component>.sh.
#
# Conventions:
#   - every component file defines <name>_install, <name>_start, <name>_stop, <name>_healthy and
#     <name>_describe; ./datamint only calls those;
#   - daemons are started detached (setsid + nohup) so they outlive the command that started them,
#     their pid goes to var/run/<name>.pid and their output to var/logs/<name>.log;
#   - "is it up?" is always answered by a real probe (SQL, HTTP, JSON-RPC), never by a pid file alone.

# Paths. env.sh computes the same ones; lib.sh must also work when sourced on its own.
DM_ROOT="${DM_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
# shellcheck disable=SC2034 # used by the component files
DM_TOOLS="${DATAMINT_TOOLS:-$HOME/.datamint/tools}"
DM_VAR="${DATAMINT_VAR:-$DM_ROOT/var}"
DM_LOGS="$DM_VAR/logs"
DM_RUN="$DM_VAR/run"

# --- messages --------------------------------------------------------------------------------------

if [ -t 2 ]; then
  DM_BOLD=$'\033[1m' DM_RED=$'\033[31m' DM_YELLOW=$'\033[33m' DM_GREEN=$'\033[32m' DM_RESET=$'\033[0m'
else
  DM_BOLD='' DM_RED='' DM_YELLOW='' DM_GREEN='' DM_RESET=''
fi

log() { printf '%s[datamint]%s %s\n' "$DM_BOLD" "$DM_RESET" "$*" >&2; }
ok() { printf '%s[datamint]%s %s%s%s\n' "$DM_BOLD" "$DM_RESET" "$DM_GREEN" "$*" "$DM_RESET" >&2; }
warn() { printf '%s[datamint] warning:%s %s\n' "$DM_YELLOW" "$DM_RESET" "$*" >&2; }
die() {
  printf '%s[datamint] error:%s %s\n' "$DM_RED" "$DM_RESET" "$*" >&2
  exit 1
}

# Prints the last lines of a component's log, for error messages.
log_tail() { # name [lines]
  local file="$DM_LOGS/$1.log"
  if [ -s "$file" ]; then
    printf -- '----- last %s lines of %s -----\n' "${2:-40}" "$file" >&2
    tail -n "${2:-40}" "$file" >&2
    printf -- '-----\n' >&2
  fi
}

# --- versions: only ever read from the parent pom ----------------------------------------------------

pom_prop() { # property-name
  local value
  value=$(sed -n "s:.*<$1>\([^<]*\)</$1>.*:\1:p" "$DM_ROOT/pom.xml" | head -n1)
  [ -n "$value" ] || die "property <$1> not found in $DM_ROOT/pom.xml"
  printf '%s' "$value"
}

# --- small utilities ------------------------------------------------------------------------------

have() { command -v "$1" >/dev/null 2>&1; }

is_root() { [ "$(id -u)" = 0 ]; }

# A stable short name for this checkout, so two clones on one machine do not share fallback folders.
repo_hash() { printf '%s' "$DM_ROOT" | sha256sum | cut -c1-12; }

now_s() { date +%s; }

# Seconds since the given start, for the timings the README reports.
elapsed_since() { echo $(($(now_s) - $1)); }

# apt-get update runs at most once per ./datamint invocation, and only when something is missing.
DM_APT_UPDATED=${DM_APT_UPDATED:-}
apt_install() { # package...
  is_root || die "need root to install Debian packages ($*); run: sudo apt-get install -y $*"
  if [ -z "$DM_APT_UPDATED" ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -q >>"$DM_LOGS/apt.log" 2>&1 ||
      { tail -n 20 "$DM_LOGS/apt.log" >&2; die "apt-get update failed (log: $DM_LOGS/apt.log)"; }
    DM_APT_UPDATED=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o Dpkg::Options::=--force-confold "$@" \
    >>"$DM_LOGS/apt.log" 2>&1 </dev/null ||
    { tail -n 20 "$DM_LOGS/apt.log" >&2; die "apt-get install $* failed (log: $DM_LOGS/apt.log)"; }
}

# Installs the Debian package that provides a command, when the command is missing.
need_cmd() { # command [debian-package]
  have "$1" || apt_install "${2:-$1}"
}

# Fetches one artifact from Maven Central (through ~/.m2) into a folder, with the dependency plugin
# version pinned in the parent pom. Runs outside the repository so no reactor build is triggered.
mvn_fetch() { # groupId:artifactId:version[:type] output-dir
  local plugin
  plugin="org.apache.maven.plugins:maven-dependency-plugin:$(pom_prop dependency-plugin.version):copy"
  mkdir -p "$2"
  (cd "$2" && mvn -B -q -ntp -Dstyle.color=never "$plugin" -Dartifact="$1" -DoutputDirectory="$2") \
    >>"$DM_LOGS/install.log" 2>&1 ||
    { tail -n 30 "$DM_LOGS/install.log" >&2; die "could not fetch $1 from Maven Central (log: $DM_LOGS/install.log)"; }
}

# --- probes -----------------------------------------------------------------------------------------

# True when something accepts TCP connections on 127.0.0.1:port.
port_open() { # port
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

# The pid listening on a loopback TCP port (empty when unknown).
port_pid() { # port
  have ss || return 0
  ss -ltnpH "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n1
}

# Describes who holds a port, for error messages.
port_holder() { # port
  local pid
  pid=$(port_pid "$1")
  if [ -n "$pid" ]; then
    printf 'pid %s (%s)' "$pid" "$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | cut -c1-160)"
  else
    printf 'an unknown process'
  fi
}

# HTTP status code of a GET (000 when nothing answers).
http_code() { # url [curl-args...]
  local url=$1
  shift
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$@" "$url" 2>/dev/null || true
}

# --- processes ------------------------------------------------------------------------------------

pidfile() { printf '%s/%s.pid' "$DM_RUN" "$1"; }

# The pid recorded for a component, if that process still runs and its command line contains the
# marker (guards against a recycled pid after a reboot).
managed_pid() { # name marker
  local file pid
  file=$(pidfile "$1")
  [ -f "$file" ] || return 0
  pid=$(cat "$file")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null &&
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2"; then
    printf '%s' "$pid"
  fi
}

# Starts a daemon detached from this shell: own session (so a Ctrl-C here does not reach it and it
# survives our exit), stdin closed, output appended to var/logs/<name>.log, pid in var/run/<name>.pid.
# fd 9 (the stack lock, see lock_stack) is closed so the daemon does not keep the lock forever.
spawn() { # name command...
  local name=$1
  shift
  mkdir -p "$DM_LOGS" "$DM_RUN"
  printf '\n===== %s: starting %s =====\n' "$(date -Is)" "$name" >>"$DM_LOGS/$name.log"
  # A background child of a non-interactive shell is not a group leader, so setsid does not fork
  # and $! is the daemon's own pid (and its process group id).
  setsid nohup "$@" >>"$DM_LOGS/$name.log" 2>&1 </dev/null 9>&- &
  printf '%s\n' "$!" >"$(pidfile "$name")"
}

# Stops a process group gracefully: SIGTERM, wait, and SIGKILL only as a last resort.
stop_pid() { # name pid timeout-seconds [signal]
  local name=$1 pid=$2 timeout=$3 sig=${4:-TERM} waited=0
  kill "-$sig" -- "-$pid" 2>/dev/null || kill "-$sig" "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null; do
    if [ "$waited" -ge "$((timeout * 2))" ]; then
      warn "$name (pid $pid) did not stop within ${timeout}s; killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 0.5
    waited=$((waited + 1))
  done
  rm -f "$(pidfile "$name")"
}

# Waits until "<name>_healthy" succeeds. Fails early when the process dies, and on timeout; both
# failures print the tail of the component's log.
wait_healthy() { # name timeout-seconds [pid]
  local name=$1 timeout=$2 pid=${3:-} start
  start=$(now_s)
  until "${name}_healthy"; do
    if [ -n "$pid" ] && ! kill -0 "$pid" 2>/dev/null; then
      log_tail "$name"
      die "$name exited during start-up (log: $DM_LOGS/$name.log)"
    fi
    if [ "$(elapsed_since "$start")" -ge "$timeout" ]; then
      log_tail "$name"
      die "$name did not become healthy within ${timeout}s (log: $DM_LOGS/$name.log)"
    fi
    sleep 1
  done
}

# --- the stack lock ---------------------------------------------------------------------------------

# Serialises commands that start or stop components (two `./datamint run` at once would race for the
# ports). Held on fd 9 until the command exits; spawn() closes fd 9 in the daemons it starts.
lock_stack() {
  mkdir -p "$DM_RUN"
  exec 9>"$DM_RUN/stack.lock"
  if ! flock -n 9; then
    log "another ./datamint command is starting or stopping components; waiting for it"
    flock -w 900 9 || die "gave up waiting for $DM_RUN/stack.lock"
  fi
}

unlock_stack() {
  flock -u 9 2>/dev/null || true
  exec 9>&-
}
