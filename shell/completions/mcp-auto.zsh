#compdef mcp-auto
# zsh completion for mcp-auto. Load it from ~/.zshrc, after compinit, with
#   source <(mcp-auto completion zsh)
# or save it once as _mcp-auto in a directory on $fpath (before compinit runs):
#   mcp-auto completion zsh > ~/.zfunc/_mcp-auto    # with fpath=(~/.zfunc $fpath)

_mcp_auto() {
  local curcontext=$curcontext state line ret=1
  typeset -A opt_args
  local -a commands
  commands=(
    'ensure:find the project root, start its daemon if needed, write .mcp.json'
    'hook:print the shell hook (zsh, bash, fish)'
    'direnv:print the use_mcp function for direnv'
    'status:list running daemons and their servers'
    "stop:stop a project's daemon (or --all)"
    "restart:restart a project's daemon"
    "port:print a project's port"
    "open:open the project's daemon page in the browser"
    "logs:show a project's daemon log"
    'doctor:check everything and say how to fix it'
    "trust:allow a project's .mcp-auto.json to run its commands"
    "untrust:revoke trust in a project's .mcp-auto.json"
    "deny:revoke trust in a project's .mcp-auto.json"
    'adopt:serve the stdio servers of .mcp.json from the daemon'
    'unadopt:restore the entries adopt replaced'
    'forget:undo everything mcp-auto did for a project (client entries, trust, state)'
    'approve:let Claude Code use the managed servers without asking'
    'init:write a starter .mcp-auto.json'
    "exec:run a command with the project's daemon ready"
    'mcp-config:print client config JSON for the running daemon'
    'service:install a systemd/launchd service for a daemon'
    'completion:print shell completions (zsh, bash, fish)'
    'daemon:run the daemon in the foreground'
  )
  local dir='1:project directory:_directories'
  local shells='1:shell:(zsh bash fish)'

  _arguments -C \
    '(- :)'{-h,--help}'[show help]' \
    '(- :)'{-V,--version}'[print the version]' \
    '1: :->command' \
    '*:: :->args' && ret=0

  case $state in
    command)
      _describe -t commands 'mcp-auto command' commands && ret=0 ;;
    args)
      curcontext=${curcontext%:*:*}:mcp-auto-$line[1]:
      case $line[1] in
        ensure)
          _arguments '--quiet[print nothing]' '--json[print the result as JSON]' \
            '--notice-file[append user notices to FILE]:file:_files' \
            '--idle-link[link FILE.daemon to the idle-stop marker]' \
            '--stamp[record a right state for the direnv fast path]:file:_files' $dir && ret=0 ;;
        hook|completion)
          _arguments $shells && ret=0 ;;
        status)
          _arguments '--json[print JSON]' '--watch[redraw the table live]' $dir && ret=0 ;;
        stop)
          _arguments '--all[stop every daemon]' $dir && ret=0 ;;
        logs)
          _arguments '(-f --follow)'{-f,--follow}'[follow the log]' \
            '(-n --lines)'{-n,--lines}'[show the last N lines]:lines:' $dir && ret=0 ;;
        restart|port)
          _arguments '--json[print JSON]' $dir && ret=0 ;;
        open)
          _arguments '--print[print the URL of the page]' $dir && ret=0 ;;
        doctor)
          _arguments '--json[print the checks as JSON]' '--fix[repair what is safe to repair]' $dir && ret=0 ;;
        trust|untrust|deny)
          _arguments '--root[mark (or unmark) the project root as yours]' $dir && ret=0 ;;
        adopt|unadopt|forget|approve|init|mcp-config)
          _arguments $dir && ret=0 ;;
        exec)
          _arguments '--root[project directory]:directory:_directories' \
            '--timeout[seconds to wait for the servers]:seconds:' \
            '(-)--[the command to run]' '*:: :_normal' && ret=0 ;;
        service)
          _arguments '--root[project directory]:directory:_directories' \
            '--dry-run[print the generated file, change nothing]' '--json[print status as JSON]' \
            '1:action:(install uninstall status)' && ret=0 ;;
        daemon)
          _arguments '--root[project directory]:directory:_directories' \
            '--port[port to listen on]:port:' \
            '--idle-timeout[minutes without clients before it stops, 0 = never]:minutes:' '--unsafe-expose[listen on HOST]:host:_hosts' && ret=0 ;;
      esac ;;
  esac
  return ret
}

# Autoloaded from $fpath the file is the body of _mcp-auto: complete now.
# Sourced, it registers the function with compinit's compdef.
if [[ $funcstack[1] == _mcp-auto ]]; then
  _mcp_auto "$@"
else
  compdef _mcp_auto mcp-auto
fi
