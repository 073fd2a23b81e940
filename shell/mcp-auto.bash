# shellcheck shell=bash
# mcp-auto hook for bash. Load it from ~/.bashrc with:
#   eval "$(mcp-auto hook bash)"
#
# From PROMPT_COMMAND (string or array form, $? kept) it notices a changed
# $PWD and walks up with builtins only to find the project root. A root it
# handled last costs nothing; a new root starts `mcp-auto ensure` in the
# background, fully detached, so the prompt never waits. What ensure has to
# tell the user lands in a notice file that the next prompt prints and removes.
# MCP_AUTO_DISABLE=1 turns it off.

if [[ $- == *i* ]]; then

# Files that mark a project root; `mcp-auto hook bash` sets this from the user
# config's `markers` just above. Same defaults as src/config.ts.
if [[ -z ${_mcp_auto_markers[0]+set} ]]; then
  _mcp_auto_markers=(.mcp-auto.json .git .serena/project.yml .mcp.json)
fi

_mcp_auto_root=${_mcp_auto_root:-}
_mcp_auto_pwd=${_mcp_auto_pwd:-}
# Where `ensure` leaves notices for this shell (a relative XDG path is ignored,
# as in src/paths.ts).
if [[ ${XDG_STATE_HOME:-} == /* ]]; then
  _mcp_auto_notice=$XDG_STATE_HOME/mcp-auto/notices/$$
else
  _mcp_auto_notice=$HOME/.local/state/mcp-auto/notices/$$
fi

# Sets _mcp_auto_found to the nearest ancestor of $PWD holding a marker, or ''.
# $HOME and / count only when they hold a .mcp-auto.json.
_mcp_auto_find_root() {
  local dir=${PWD%/} home=${HOME%/} marker
  _mcp_auto_found=
  while true; do
    if [[ $dir == "$home" || -z $dir ]]; then
      if [[ -O ${dir:-/}/.mcp-auto.json && -O ${dir:-/} ]]; then _mcp_auto_found=${dir:-/}; return; fi
    else
      for marker in "${_mcp_auto_markers[@]}"; do
        # -O: exists and is ours (a .git another account planted is no root).
        if [[ -O $dir/$marker && -O $dir ]]; then _mcp_auto_found=$dir; return; fi
      done
    fi
    [[ -z $dir ]] && return
    dir=${dir%/*}
  done
}

_mcp_auto_changed_dir() {
  _mcp_auto_find_root
  [[ $_mcp_auto_found == "$_mcp_auto_root" ]] && return
  _mcp_auto_root=$_mcp_auto_found
  [[ -z $_mcp_auto_root ]] && return
  if ! type -P mcp-auto >/dev/null; then
    printf '%s\n' 'mcp-auto: not on PATH, so the hook cannot start the daemon' >&2
    return
  fi
  # The outer ( ) keeps the job out of this shell's job table and $!, so there
  # is no "[1] 12345" or "Done" line; no stdio or fd 3 is passed on.
  ( command mcp-auto ensure --quiet --idle-link --notice-file "$_mcp_auto_notice" -- "$_mcp_auto_root" \
      </dev/null >/dev/null 2>&1 3>&- & )
}

_mcp_auto_show_notices() {
  local line
  while IFS= read -r line || [[ -n $line ]]; do printf '%s\n' "$line" >&2; done <"$_mcp_auto_notice"
  command rm -f -- "$_mcp_auto_notice"
}

# Runs before every prompt: two builtin tests unless something changed.
_mcp_auto_hook() {
  local status=$?
  if [[ ${MCP_AUTO_DISABLE:-0} == 0 ]]; then
    if [[ -e $_mcp_auto_notice ]]; then _mcp_auto_show_notices; fi
    # The daemon stopped for idleness while we stayed in its project: ensure
    # linked this file to its marker, so a builtin test sees it. Bring it back,
    # once: the marker lasts until that ensure has started.
    if [[ -n $_mcp_auto_root && -e $_mcp_auto_notice.daemon ]]; then
      if [[ -z ${_mcp_auto_reviving:-} ]]; then
        _mcp_auto_reviving=1 _mcp_auto_root='' _mcp_auto_pwd=''
      fi
    else
      _mcp_auto_reviving=''
    fi
    if [[ $PWD != "$_mcp_auto_pwd" ]]; then
      _mcp_auto_pwd=$PWD
      # For doctor: proof that the hook still runs (nothing took PROMPT_COMMAND over).
      export MCP_AUTO_HOOK_PWD=$PWD
      _mcp_auto_changed_dir
    fi
  fi
  return "$status"
}

# `mcp-auto doctor` runs as a child process: this is how it sees the hook.
export MCP_AUTO_HOOK=bash

# Runs first in PROMPT_COMMAND and hands $? on unchanged. Bash 5.1+ runs every
# element of an array PROMPT_COMMAND; keep whichever form the user has.
if [[ ${PROMPT_COMMAND[*]:-} != *_mcp_auto_hook* ]]; then
  if (( BASH_VERSINFO[0] > 5 || (BASH_VERSINFO[0] == 5 && BASH_VERSINFO[1] >= 1) )) &&
    [[ -n ${PROMPT_COMMAND+set} && ${PROMPT_COMMAND@a} == *a* ]]; then
    PROMPT_COMMAND=(_mcp_auto_hook "${PROMPT_COMMAND[@]}")
  else
    # The string form, on purpose: it stays a string.
    # shellcheck disable=SC2128,SC2178
    PROMPT_COMMAND="_mcp_auto_hook${PROMPT_COMMAND:+;$PROMPT_COMMAND}"
  fi
fi

fi
