# mcp-auto hook for zsh. Load it from ~/.zshrc with:
#   eval "$(mcp-auto hook zsh)"
#
# On a directory change (chpwd, and once at the first prompt) it walks up from
# $PWD with builtins only to find the project root. A root it handled last
# costs nothing; a new root starts `mcp-auto ensure` in the background, fully
# detached, so the prompt never waits. What ensure has to tell the user lands
# in a notice file that the next prompt prints and removes.
# MCP_AUTO_DISABLE=1 turns it off.

if [[ -o interactive ]]; then

# Files that mark a project root; `mcp-auto hook zsh` sets this from the user
# config's `markers` just above. Same defaults as src/config.ts.
(( ${+_mcp_auto_markers} )) || typeset -ga _mcp_auto_markers=(.mcp-auto.json .git .serena/project.yml .mcp.json)

typeset -g _mcp_auto_root=${_mcp_auto_root:-}
# Where `ensure` leaves notices for this shell (a relative XDG path is ignored,
# as in src/paths.ts).
if [[ ${XDG_STATE_HOME:-} == /* ]]; then
  typeset -g _mcp_auto_notice=$XDG_STATE_HOME/mcp-auto/notices/$$
else
  typeset -g _mcp_auto_notice=$HOME/.local/state/mcp-auto/notices/$$
fi

# Sets _mcp_auto_found to the nearest ancestor of $PWD holding a marker, or ''.
# $HOME and / count only when they hold a .mcp-auto.json.
_mcp_auto_find_root() {
  emulate -L zsh
  local dir=${PWD%/} home=${HOME%/} marker
  _mcp_auto_found=''
  while true; do
    if [[ $dir == "$home" || -z $dir ]]; then
      if [[ -O ${dir:-/}/.mcp-auto.json && -O ${dir:-/} ]]; then _mcp_auto_found=${dir:-/}; return; fi
    else
      for marker in $_mcp_auto_markers; do
        # -O: exists and is ours (a .git another account planted is no root).
        if [[ -O $dir/$marker && -O $dir ]]; then _mcp_auto_found=$dir; return; fi
      done
    fi
    [[ -z $dir ]] && return
    dir=${dir%/*}
  done
}

_mcp_auto_chpwd() {
  emulate -L zsh
  [[ ${MCP_AUTO_DISABLE:-0} != 0 ]] && return
  # A `cd` inside $(...) or ( ) is not the user moving.
  (( ZSH_SUBSHELL )) && return
  # For doctor: proof that the hook still runs.
  export MCP_AUTO_HOOK_PWD=$PWD
  _mcp_auto_find_root
  [[ $_mcp_auto_found == "$_mcp_auto_root" ]] && return
  _mcp_auto_root=$_mcp_auto_found
  [[ -z $_mcp_auto_root ]] && return
  if ! (( $+commands[mcp-auto] )); then
    print -ru2 -- 'mcp-auto: not on PATH, so the hook cannot start the daemon'
    return
  fi
  # The outer ( ) keeps the job out of this shell's job table and $!, so there
  # is no "[1] 12345" or "done" line; no stdio or fd 3 is passed on.
  ( command mcp-auto ensure --quiet --idle-link --notice-file "$_mcp_auto_notice" -- "$_mcp_auto_root" \
      </dev/null >/dev/null 2>&1 3>&- & )
}

_mcp_auto_precmd() {
  emulate -L zsh
  [[ ${MCP_AUTO_DISABLE:-0} != 0 ]] && return
  if [[ -e $_mcp_auto_notice ]]; then
    local line
    while IFS= read -r line || [[ -n $line ]]; do print -ru2 -- "$line"; done < "$_mcp_auto_notice"
    command rm -f -- "$_mcp_auto_notice"
  fi
  # The daemon stopped for idleness while we stayed in its project: ensure
  # linked this file to its marker, so a builtin test sees it. Bring it back,
  # once: the marker lasts until that ensure has started.
  if [[ -n $_mcp_auto_root && -e $_mcp_auto_notice.daemon ]]; then
    if [[ -z ${_mcp_auto_reviving:-} ]]; then
      typeset -g _mcp_auto_reviving=1 _mcp_auto_root=''
      _mcp_auto_chpwd
    fi
  else
    typeset -g _mcp_auto_reviving=''
  fi
  # The first prompt handles the directory the shell started in.
  if (( ! ${+_mcp_auto_started} )); then
    typeset -g _mcp_auto_started=1
    _mcp_auto_chpwd
  fi
}

# `mcp-auto doctor` runs as a child process: this is how it sees the hook.
export MCP_AUTO_HOOK=zsh
autoload -Uz add-zsh-hook
add-zsh-hook chpwd _mcp_auto_chpwd
add-zsh-hook precmd _mcp_auto_precmd

fi
