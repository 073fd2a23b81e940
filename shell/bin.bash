# shellcheck shell=bash
# The installed `mcp-auto` command. scripts/build.mjs writes dist/mcp-auto
# from shell/stamp.bash and this file.
#
# Scripts call `mcp-auto exec` and `mcp-auto mcp-config` again and again. With
# the project's daemon up and nothing changed since ensure last found all
# right, these two are answered here: the stamp is checked with bash builtins
# (_mcp_auto_stamp_fresh), one request goes over bash's /dev/tcp, and `exec`
# becomes CMD (the `exec` builtin: no child to wait for, signals and the exit
# status are CMD's own). That takes no Node process, whose start alone is
# ~70-100 ms (`npm run bench`). Everything else, and whatever the fast path
# cannot confirm, runs Node: dist/mcp-auto.cjs, next to this file.

# _mcp_auto_node ARG...: the full CLI, in Node.
_mcp_auto_node() {
  local self=${BASH_SOURCE[0]} link
  # npm installs the command as a link (one or more) to this file in dist/.
  while [[ -L $self ]]; do
    link=$(readlink -- "$self") || break
    if [[ $link == /* ]]; then self=$link; else self=${self%/*}/$link; fi
  done
  [[ $self == */* ]] || self=./$self
  exec node "${self%/*}/mcp-auto.cjs" "$@"
}

# _mcp_auto_dir DIR: sets dir to DIR made absolute as Node's path.resolve
# makes it against the working directory (getcwd: the physical path). False
# when that cannot be told with builtins: a `.` or `..` component, a doubled
# or trailing slash, a working directory reached through a link.
_mcp_auto_dir() {
  local given=$1 cwd=$PWD part
  if [[ $given != /* ]]; then
    # $PWD is the logical path: it must have no link in it to be getcwd's.
    [[ $cwd == /* && $cwd -ef . ]] || return 1
    part=$cwd
    while [[ $part == /?* ]]; do
      [[ ! -L $part ]] || return 1
      part=${part%/*}
    done
    if [[ $given == . ]]; then given=$cwd; elif [[ $cwd == / ]]; then given=/$given; else given=$cwd/$given; fi
  fi
  [[ $given == / || ( $given != *//* && $given != */ && $given != */./* && $given != */. && $given != */../* && $given != */.. ) ]] || return 1
  dir=$given
}

# _mcp_auto_ask PATH: one GET to the stamp's daemon (port, token) over
# /dev/tcp; sets ready and config from its shell form of /health (see
# Daemon.shellHealth). False on anything unexpected.
_mcp_auto_ask() {
  local path=$1 fd line status='' key val body=0 got_root='' got_port='' auth=''
  ready='' config=''
  if [[ -n $token ]]; then auth="Authorization: Bearer $token"$'\r\n'; fi
  { exec {fd}<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n%s\r\n' "$path" "$port" "$auth" 1>&"$fd" 2>/dev/null ||
    { exec {fd}<&-; return 1; }
  while IFS= read -r -t 5 line <&"$fd" || [[ -n $line ]]; do
    if ((body == 0)); then
      # The status line and headers, up to the blank line.
      line=${line%$'\r'}
      if [[ -z $status ]]; then status=$line; elif [[ -z $line ]]; then body=1; fi
    elif ((body == 1)); then
      # Our fields, up to the blank line; then the config, byte for byte.
      if [[ -z $line ]]; then body=2; continue; fi
      key=${line%%=*} val=${line#*=}
      case $key in
        root) got_root=$val ;;
        port) got_port=$val ;;
        ready) ready=$val ;;
      esac
    else
      config+=$line$'\n'
    fi
  done
  exec {fd}<&-
  [[ $status == 'HTTP/1.1 200 '* && $got_root == "$root" && $got_port == "$port" && ( $ready == 0 || $ready == 1 ) && -n $config ]]
}

# _mcp_auto_fast exec|mcp-config ARG...: sets the answer (_mcp_auto_port,
# _mcp_auto_token and _mcp_auto_command for exec; _mcp_auto_config for
# mcp-config) when the
# stamp holds and the daemon agrees; false otherwise (Node takes over).
# CMD is run by the caller, outside this function: its locals (port, root,
# token) must not reach CMD's environment in place of the user's own.
_mcp_auto_fast() {
  local what=$1 dir='' dashes=0 stamp state_home port root token ready config
  shift
  # Linux (/proc) and bash 4.1 or newer ({fd} redirections).
  [[ -r /proc/net/tcp ]] && ((BASH_VERSINFO[0] > 4 || (BASH_VERSINFO[0] == 4 && BASH_VERSINFO[1] >= 1))) || return 1
  if [[ $what == exec ]]; then
    # [--root DIR] [--timeout S] -- CMD [ARG...]; anything else is Node's to parse.
    while (($#)); do
      case $1 in
        --) dashes=1; shift; break ;;
        --root) (($# >= 2)) || return 1; _mcp_auto_dir "$2" || return 1; shift 2 ;;
        --root=*) _mcp_auto_dir "${1#--root=}" || return 1; shift ;;
        --timeout) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || return 1; shift 2 ;;
        --timeout=*) [[ ${1#--timeout=} =~ ^[1-9][0-9]*$ ]] || return 1; shift ;;
        *) return 1 ;;
      esac
    done
    ((dashes && $#)) || return 1
    # CMD must be runnable: the errors for one that is not are Node's (127, 126).
    if [[ $1 == */* ]]; then [[ -f $1 && -x $1 ]] || return 1; else type -P -- "$1" >/dev/null || return 1; fi
  else
    # mcp-config [DIR]: one plain directory argument at most.
    (($# <= 1)) || return 1
    [[ ${1:-.} != -* ]] || return 1
    _mcp_auto_dir "${1:-.}" && [[ -d $dir ]] || return 1
  fi
  [[ -n $dir ]] || _mcp_auto_dir . || return 1
  # The state folder, by the rule of src/config/dirs.ts (a relative XDG path is ignored).
  state_home=$HOME/.local/state
  if [[ ${XDG_STATE_HOME:-} == /* ]]; then state_home=$XDG_STATE_HOME; fi
  _mcp_auto_stamp_path "$dir" "$state_home" || return 1
  if [[ $what == exec ]]; then
    # exec takes no stamp of mcp-config's: CMD may read the client files.
    _mcp_auto_stamp_fresh "$stamp" "$dir" || return 1
    # Starts what is not started yet; all must be ready already, or Node waits for them.
    _mcp_auto_ask '/health?start=1&form=shell' && [[ $ready == 1 ]] || return 1
    _mcp_auto_port=$port _mcp_auto_token=$token
    _mcp_auto_command=("$@")
  else
    _mcp_auto_stamp_fresh "$stamp" "$dir" any || return 1
    _mcp_auto_ask '/health?ensure=1&form=shell' || return 1
    _mcp_auto_config=$config
  fi
}

_mcp_auto_port='' _mcp_auto_token='' _mcp_auto_command=() _mcp_auto_config=''
if [[ ${1:-} == exec || ${1:-} == mcp-config ]] && _mcp_auto_fast "$@"; then
  if [[ $1 == mcp-config ]]; then
    printf '%s' "$_mcp_auto_config"
    exit 0
  fi
  export MCP_AUTO_PORT=$_mcp_auto_port MCP_AUTO_URL=http://127.0.0.1:$_mcp_auto_port
  if [[ -n $_mcp_auto_token ]]; then export MCP_AUTO_TOKEN=$_mcp_auto_token; fi
  # With execfail, a CMD that cannot be run after all comes back here, and
  # Node says why (with the same variables, which it sets alike).
  shopt -s execfail
  exec -- "${_mcp_auto_command[@]}"
fi
_mcp_auto_node "$@"
