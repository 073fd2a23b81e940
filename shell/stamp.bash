# shellcheck shell=bash
# The stamp check of mcp-auto's fast paths, in bash builtins. Two places use
# it: `use mcp` (shell/use_mcp.sh; `mcp-auto direnv` prints this file after
# it) and the installed `mcp-auto` command for `exec` and `mcp-config`
# (shell/bin.bash; scripts/build.mjs puts both in dist/mcp-auto). Its Node
# twin is src/ensure/stamp-check.ts.

# _mcp_auto_stamp_path DIR STATE_HOME: sets stamp to DIR's stamp file, named
# as src/ensure/stamp-check.ts names it (`%` -> %25, `/` -> %2F, in
# STATE_HOME/mcp-auto/direnv). False when DIR can have none: a file name holds
# 255 bytes at most, so a deeper directory always runs ensure.
_mcp_auto_stamp_path() {
  stamp=${1//%/%25}
  stamp=${stamp//\//%2F}
  ((${#stamp} <= 255)) || return 1
  stamp=$2/mcp-auto/direnv/$stamp
}

# _mcp_auto_stamp_fresh STAMP DIR [any]: true when what `ensure` last found right
# for DIR (the stamp; see src/ensure/stamp.ts) still holds, decided with
# builtins only (no process: direnv's own load, or an `exec` in a script's
# loop, is what the user waits for). Sets port, root and token in the
# caller's scope (which declares them local). Anything it cannot confirm is a
# "no": the caller runs ensure. A stamp of mcp-config's (scope=daemon: no
# client file checked) holds only when the third argument is "any".
# shellcheck disable=SC2034 # port, root and token are the caller's
_mcp_auto_stamp_fresh() {
  local stamp=$1 dir=$2 scopes=${3:-} line key val pid='' start='' uid='' stat hex luid found=0
  port='' root='' token=''
  # Ours, and a regular file (a planted link or another account's file is no stamp).
  [[ -f $stamp && ! -L $stamp && -O $stamp && -r /proc/net/tcp ]] || return 1
  while IFS= read -r line; do
    key=${line%%=*} val=${line#*=}
    case $key in
      v) [[ $val == 1 ]] || return 1 ;;
      dir) [[ $val == "$dir" ]] || return 1 ;;
      root) root=$val ;;
      port) port=$val ;;
      pid) pid=$val ;;
      start) start=$val ;;
      uid) uid=$val ;;
      token) token=$val ;;
      scope) [[ $val == daemon && $scopes == any ]] || return 1 ;;
      have) [[ -e $val && ! $val -nt $stamp ]] || return 1 ;;
      absent) [[ ! -e $val && ! -L $val ]] || return 1 ;;
      *) return 1 ;;
    esac
  done <"$stamp"
  [[ $port =~ ^[0-9]+$ && $pid =~ ^[0-9]+$ && $start =~ ^[0-9]+$ && $uid == "$EUID" && -n $root ]] || return 1
  # The daemon: alive, ours, and the same process (a reused pid starts later).
  [[ -O /proc/$pid ]] || return 1
  IFS= read -r stat </proc/"$pid"/stat || return 1
  stat=${stat##*) }
  [[ $stat =~ ^([^ ]+ ){19}([0-9]+) && ${BASH_REMATCH[2]} == "$start" ]] || return 1
  # Whoever listens on 127.0.0.1:port (or on every address) is our account:
  # not an impostor that took the port while the record stayed behind (the
  # uid column of /proc/net/tcp, read by its fixed columns). The kernel lists
  # listening sockets (state 0A) first, and makes what a read asks for and one
  # step more: one 150-byte line a read, stopping at our port's line, spares
  # it the walk of the connection table (milliseconds) that a buffered read
  # costs. Anything unexpected (a line of another width) is a "no".
  printf -v hex '%04X' "$port"
  {
    IFS= read -r -N 150 line # the header
    while IFS= read -r -N 150 line && [[ ${line:4:2} == ': ' && ${line:19:1} == ' ' && ${line:34:2} == 0A ]]; do
      [[ ${line:6:13} == "0100007F:$hex" || ${line:6:13} == "00000000:$hex" ]] || continue
      luid=${line:76}
      luid=${luid#"${luid%%[! ]*}"}
      [[ ${luid%% *} == "$EUID" ]] && found=1
      break
    done
  } </proc/net/tcp
  ((found))
}
