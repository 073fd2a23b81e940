# shellcheck shell=bash
# use_mcp: the direnv side of mcp-auto. Install it once with
#   mcp-auto direnv > ~/.config/direnv/lib/use_mcp.sh
# then write `use mcp` in a project's .envrc and run `direnv allow`.
#
# Usage (in an .envrc): use mcp [DIR]
#   Makes sure the mcp-auto daemon for DIR is running (default: the directory
#   of the .envrc; direnv reads an .envrc from its own directory, so that is
#   $PWD here, not the directory the user is in), exports MCP_AUTO_PORT and
#   MCP_AUTO_URL, and has direnv reload when the project's .mcp-auto.json or
#   the user config changes. MCP_AUTO_DISABLE=1 turns it off.

# _mcp_auto_stamp_path and _mcp_auto_stamp_fresh (the stamp's name and check,
# shared with the installed `mcp-auto` command) are in shell/stamp.bash:
# `mcp-auto direnv` prints it after this file.

# _use_mcp_watch STAMP FILE...: watch_file FILE..., without a process when
# nothing changed. watch_file runs `direnv watch` (a process, ~20 ms: the whole
# cost of `use mcp` on the fast path), whose only effect is a new
# DIRENV_WATCHES. What it gave for the same DIRENV_WATCHES and files is kept
# beside the stamp and reused while the stamp holds: the stamp checks these
# files' mtimes, so the watch entries (which hold them) are still exact.
_use_mcp_watch() {
  local stamp=$1 cache=${1:+$1.watches} key line before after end
  shift
  key="${direnv:-direnv}"$'\t'"$*"
  # A cache as new as the stamp (which must exist: ensure may not have written one).
  if [[ -n $stamp && -f $stamp && -f $cache && ! -L $cache && -O $cache && ! $cache -ot $stamp && ! ${direnv:-/} -nt $cache ]] &&
    { IFS= read -r line && IFS= read -r before && IFS= read -r after && IFS= read -r end; } <"$cache" &&
    [[ $line == "$key" && $before == "${DIRENV_WATCHES:-}" && -n $after && $end == end ]]; then
    export DIRENV_WATCHES=$after
    return 0
  fi
  before=${DIRENV_WATCHES:-}
  watch_file "$@"
  # Only beside a stamp ensure just wrote; `end` tells a whole file from a torn one.
  if [[ -n $stamp && -f $stamp && -O $stamp ]]; then
    (umask 077 && printf '%s\n%s\n%s\nend\n' "$key" "$before" "${DIRENV_WATCHES:-}" >"$cache") 2>/dev/null || true
  fi
}

use_mcp() {
  local dir=${1:-$PWD} out status port root token line state_home config_home notice stamp=''
  local port_re='"port": *([0-9]+)' root_re='"root": *"([^"\\]*)"' token_re='"token": *"([A-Za-z0-9_-]+)"'

  if [[ ${MCP_AUTO_DISABLE:-0} != 0 ]]; then return 0; fi
  if ! has mcp-auto; then
    log_error "use mcp: mcp-auto is not on PATH (npm install -g mcp-auto)"
    return 1
  fi
  # Same rule as src/paths.ts: a relative XDG path is ignored.
  state_home=$HOME/.local/state config_home=$HOME/.config
  if [[ ${XDG_STATE_HOME:-} == /* ]]; then state_home=$XDG_STATE_HOME; fi
  if [[ ${XDG_CONFIG_HOME:-} == /* ]]; then config_home=$XDG_CONFIG_HOME; fi
  # ensure says each notice once (the shell hook uses the same file scheme).
  notice=$state_home/mcp-auto/notices/direnv-$$

  # Fast path (Linux): nothing changed since ensure last found all right.
  if [[ $dir == /* && -r /proc/net/tcp ]]; then
    _mcp_auto_stamp_path "$dir" "$state_home" || stamp=''
  fi
  if [[ -n $stamp ]] && _mcp_auto_stamp_fresh "$stamp" "$dir"; then
    export MCP_AUTO_PORT=$port
    export MCP_AUTO_URL=http://127.0.0.1:$port
    if [[ -n $token ]]; then export MCP_AUTO_TOKEN=$token; fi
    _use_mcp_watch "$stamp" "$root/.mcp-auto.json" "$config_home/mcp-auto/config.json"
    return 0
  fi

  # One synchronous call, ~0.1 s. direnv reads the result on fd 3 and waits
  # until every copy of its pipes is closed: ensure gets neither fd 3 nor
  # stdin, and the daemon it may start is detached from all of them. Its
  # errors go to stderr, which direnv shows.
  # (`|| status=$?` keeps an .envrc with strict_env going.)
  status=0
  out=$(mcp-auto ensure --json --notice-file "$notice" ${stamp:+--stamp "$stamp"} -- "$dir" </dev/null 3>&-) || status=$?
  if [[ -e $notice ]]; then
    while IFS= read -r line || [[ -n $line ]]; do log_status "$line"; done <"$notice"
    rm -f -- "$notice"
  fi
  if [[ $out == *'"root": null'* ]]; then
    log_error "use mcp: no project root at ${dir//[[:cntrl:]]/?}; mark it with \`mcp-auto init\` or \`git init\`"
    return 1
  fi
  # Exit 1 with a port: the daemon runs, a client config was left alone (see the notice).
  if ! [[ $out =~ $port_re ]]; then
    log_error "use mcp: mcp-auto ensure failed for ${dir//[[:cntrl:]]/?} (exit $status)"
    return 1
  fi
  port=${BASH_REMATCH[1]}
  # A root with quotes or backslashes in its path falls back to DIR.
  root=$dir
  if [[ $out =~ $root_re ]]; then root=${BASH_REMATCH[1]}; fi

  export MCP_AUTO_PORT=$port
  export MCP_AUTO_URL=http://127.0.0.1:$port
  # With "auth": "token", client configs say Bearer ${MCP_AUTO_TOKEN}.
  if [[ $out =~ $token_re ]]; then export MCP_AUTO_TOKEN=${BASH_REMATCH[1]}; fi
  _use_mcp_watch "$stamp" "$root/.mcp-auto.json" "$config_home/mcp-auto/config.json"
}
