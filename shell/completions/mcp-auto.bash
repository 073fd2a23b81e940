# shellcheck shell=bash
# bash completion for mcp-auto. Load it from ~/.bashrc with
#   source <(mcp-auto completion bash)
# or save it once as ~/.local/share/bash-completion/completions/mcp-auto
#   mcp-auto completion bash > ~/.local/share/bash-completion/completions/mcp-auto
# Works with bash 3.2 (macOS) too: no mapfile, no associative arrays.

# Fills COMPREPLY with compgen's lines (one word per line, spaces kept).
_mcp_auto_reply() {
  local line
  COMPREPLY=()
  while IFS= read -r line; do
    COMPREPLY+=("$line")
  done < <(compgen "$@")
}

_mcp_auto() {
  local cur prev cmd i flags words="" dirs=0 dashdash=0
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD - 1]}

  # The command is the first word after mcp-auto that is not an option.
  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      -*) ;;
      *) cmd=${COMP_WORDS[i]}; break ;;
    esac
  done
  if [[ -z $cmd ]]; then
    _mcp_auto_reply -W "ensure hook direnv status stop restart port open logs doctor trust untrust deny adopt unadopt forget approve init exec mcp-config service completion daemon --help --version" -- "$cur"
    return
  fi

  # exec: after `--` comes the command to run and its own arguments.
  if [[ $cmd == exec ]]; then
    for ((i = 2; i < COMP_CWORD; i++)); do
      if [[ ${COMP_WORDS[i]} == -- ]]; then dashdash=$i; break; fi
    done
    if ((dashdash > 0)); then
      if ((COMP_CWORD == dashdash + 1)); then
        _mcp_auto_reply -c -- "$cur"
      else
        compopt -o filenames 2>/dev/null
        _mcp_auto_reply -f -- "$cur"
      fi
      return
    fi
  fi

  # Options that take a value.
  case $prev in
    --root)
      compopt -o filenames 2>/dev/null
      _mcp_auto_reply -d -- "$cur"
      return ;;
    --notice-file | --stamp)
      compopt -o filenames 2>/dev/null
      _mcp_auto_reply -f -- "$cur"
      return ;;
    --port | --timeout | --idle-timeout | --unsafe-expose | -n | --lines)
      return ;;
  esac

  case $cmd in
    ensure) flags="--quiet --json --notice-file --idle-link --stamp"; dirs=1 ;;
    hook | completion) words="zsh bash fish" ;;
    direnv) ;;
    status) flags="--json --watch"; dirs=1 ;;
    stop) flags="--all"; dirs=1 ;;
    restart | port) flags="--json"; dirs=1 ;;
    open) flags="--print"; dirs=1 ;;
    logs) flags="-f --follow -n --lines"; dirs=1 ;;
    doctor) flags="--json --fix"; dirs=1 ;;
    trust | untrust | deny) flags="--root"; dirs=1 ;;
    adopt | unadopt | forget | approve) dirs=1 ;;
    init) dirs=1 ;;
    exec) flags="--root --timeout --" ;;
    mcp-config) dirs=1 ;;
    service) words="install uninstall status"; flags="--root --dry-run --json" ;;
    daemon) flags="--root --port --idle-timeout --unsafe-expose" ;;
    *) return ;;
  esac
  # service takes its action once.
  if [[ $cmd == service && $COMP_CWORD -gt 2 ]]; then
    for ((i = 2; i < COMP_CWORD; i++)); do
      case ${COMP_WORDS[i]} in install | uninstall | status) words="" ;; esac
    done
  fi

  if [[ $cur == -* ]]; then
    _mcp_auto_reply -W "$flags --help" -- "$cur"
  elif ((dirs)); then
    compopt -o filenames 2>/dev/null
    _mcp_auto_reply -d -- "$cur"
  else
    _mcp_auto_reply -W "$words" -- "$cur"
  fi
}

complete -F _mcp_auto mcp-auto
