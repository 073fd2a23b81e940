# fish completion for mcp-auto. Load it from ~/.config/fish/config.fish with
#   mcp-auto completion fish | source
# or save it once (fish then loads it on first use):
#   mcp-auto completion fish > ~/.config/fish/completions/mcp-auto.fish

# True when the command line's command is one of the arguments.
function __mcp_auto_command_is
    set -l tokens (commandline -opc)
    for token in $tokens[2..-1]
        switch $token
            case '-*'
                continue
            case '*'
                contains -- $token $argv
                return
        end
    end
    return 1
end

# exec: true when the cursor is past `--` (the command to run and its arguments).
function __mcp_auto_after_dashdash
    __mcp_auto_command_is exec; and contains -- -- (commandline -opc)
end

# exec: completes what follows `--` as a command line of its own.
function __mcp_auto_complete_exec_command
    set -l tokens (commandline -opc)
    set -l i (contains -i -- -- $tokens)
    complete -C (string join ' ' -- (string escape -- $tokens[(math $i + 1)..-1] (commandline -ct)))
end

complete -c mcp-auto -f
complete -c mcp-auto -n __fish_use_subcommand -s h -l help -d 'show help'
complete -c mcp-auto -n __fish_use_subcommand -s V -l version -d 'print the version'

complete -c mcp-auto -n __fish_use_subcommand -a ensure -d 'find the project root, start its daemon if needed, write .mcp.json'
complete -c mcp-auto -n __fish_use_subcommand -a hook -d 'print the shell hook (zsh, bash, fish)'
complete -c mcp-auto -n __fish_use_subcommand -a direnv -d 'print the use_mcp function for direnv'
complete -c mcp-auto -n __fish_use_subcommand -a status -d 'list running daemons and their servers'
complete -c mcp-auto -n __fish_use_subcommand -a stop -d "stop a project's daemon (or --all)"
complete -c mcp-auto -n __fish_use_subcommand -a restart -d "restart a project's daemon"
complete -c mcp-auto -n __fish_use_subcommand -a port -d "print a project's port"
complete -c mcp-auto -n __fish_use_subcommand -a open -d "open the project's daemon page in the browser"
complete -c mcp-auto -n __fish_use_subcommand -a logs -d "show a project's daemon log"
complete -c mcp-auto -n __fish_use_subcommand -a doctor -d 'check everything and say how to fix it'
complete -c mcp-auto -n __fish_use_subcommand -a trust -d "allow a project's .mcp-auto.json to run its commands"
complete -c mcp-auto -n __fish_use_subcommand -a untrust -d "revoke trust in a project's .mcp-auto.json"
complete -c mcp-auto -n __fish_use_subcommand -a deny -d "revoke trust in a project's .mcp-auto.json"
complete -c mcp-auto -n __fish_use_subcommand -a adopt -d 'serve the stdio servers of .mcp.json from the daemon'
complete -c mcp-auto -n __fish_use_subcommand -a unadopt -d 'restore the entries adopt replaced'
complete -c mcp-auto -n __fish_use_subcommand -a forget -d 'undo everything mcp-auto did for a project (client entries, trust, state)'
complete -c mcp-auto -n __fish_use_subcommand -a approve -d 'let Claude Code use the managed servers without asking'
complete -c mcp-auto -n __fish_use_subcommand -a init -d 'write a starter .mcp-auto.json'
complete -c mcp-auto -n __fish_use_subcommand -a exec -d "run a command with the project's daemon ready"
complete -c mcp-auto -n __fish_use_subcommand -a mcp-config -d 'print client config JSON for the running daemon'
complete -c mcp-auto -n __fish_use_subcommand -a service -d 'install a systemd/launchd service for a daemon'
complete -c mcp-auto -n __fish_use_subcommand -a completion -d 'print shell completions (zsh, bash, fish)'
complete -c mcp-auto -n __fish_use_subcommand -a daemon -d 'run the daemon in the foreground'

# Commands that take a project directory.
complete -c mcp-auto -n '__mcp_auto_command_is ensure status stop restart port open logs doctor trust untrust deny adopt unadopt forget approve init mcp-config' -a '(__fish_complete_directories)'

complete -c mcp-auto -n '__mcp_auto_command_is ensure' -l quiet -d 'print nothing'
complete -c mcp-auto -n '__mcp_auto_command_is ensure' -l json -d 'print the result as JSON'
complete -c mcp-auto -n '__mcp_auto_command_is ensure' -l notice-file -r -F -d 'append user notices to FILE'
complete -c mcp-auto -n '__mcp_auto_command_is ensure' -l idle-link -d 'link FILE.daemon to the idle-stop marker'
complete -c mcp-auto -n '__mcp_auto_command_is ensure' -l stamp -r -F -d 'record a right state for the direnv fast path'
complete -c mcp-auto -n '__mcp_auto_command_is hook completion' -a 'zsh bash fish'
complete -c mcp-auto -n '__mcp_auto_command_is status' -l json -d 'print JSON'
complete -c mcp-auto -n '__mcp_auto_command_is status' -l watch -d 'redraw the table live'
complete -c mcp-auto -n '__mcp_auto_command_is stop' -l all -d 'stop every daemon'
complete -c mcp-auto -n '__mcp_auto_command_is logs' -s f -l follow -d 'follow the log'
complete -c mcp-auto -n '__mcp_auto_command_is logs' -s n -l lines -x -d 'show the last N lines'
complete -c mcp-auto -n '__mcp_auto_command_is restart port' -l json -d 'print JSON'
complete -c mcp-auto -n '__mcp_auto_command_is open' -l print -d "print the page's URL"
complete -c mcp-auto -n '__mcp_auto_command_is doctor' -l json -d 'print the checks as JSON'
complete -c mcp-auto -n '__mcp_auto_command_is doctor' -l fix -d 'repair what is safe to repair'
complete -c mcp-auto -n '__mcp_auto_command_is trust untrust deny' -l root -d 'mark (or unmark) the project root as yours'

complete -c mcp-auto -n '__mcp_auto_command_is exec; and not __mcp_auto_after_dashdash' -l root -x -a '(__fish_complete_directories)' -d 'project directory'
complete -c mcp-auto -n '__mcp_auto_command_is exec; and not __mcp_auto_after_dashdash' -l timeout -x -d 'seconds to wait for the servers'
complete -c mcp-auto -n __mcp_auto_after_dashdash -x -a '(__mcp_auto_complete_exec_command)'

complete -c mcp-auto -n '__mcp_auto_command_is service; and not __fish_seen_subcommand_from install uninstall status' -a 'install uninstall status'
complete -c mcp-auto -n '__mcp_auto_command_is service' -l root -x -a '(__fish_complete_directories)' -d 'project directory'
complete -c mcp-auto -n '__mcp_auto_command_is service' -l dry-run -d 'print the generated file, change nothing'
complete -c mcp-auto -n '__mcp_auto_command_is service' -l json -d 'print status as JSON'

complete -c mcp-auto -n '__mcp_auto_command_is daemon' -l root -x -a '(__fish_complete_directories)' -d 'project directory'
complete -c mcp-auto -n '__mcp_auto_command_is daemon' -l port -x -d 'port to listen on'
complete -c mcp-auto -n '__mcp_auto_command_is daemon' -l idle-timeout -x -d 'minutes without clients before it stops, 0 = never'
complete -c mcp-auto -n '__mcp_auto_command_is daemon' -l unsafe-expose -x -d 'listen on HOST'
