# mcp-auto hook for fish. Load it from ~/.config/fish/config.fish with:
#   mcp-auto hook fish | source
#
# When $PWD changes (and once at the first prompt) it walks up with builtins
# only to find the project root. A root it handled last costs nothing; a new
# root starts `mcp-auto ensure` in the background, fully detached, so the
# prompt never waits. What ensure has to tell the user lands in a notice file
# that the next prompt prints and removes. MCP_AUTO_DISABLE=1 turns it off.

if status is-interactive

    # Files that mark a project root; `mcp-auto hook fish` sets this from the
    # user config's `markers` just above. Same defaults as src/config.ts.
    set -q __mcp_auto_markers[1]
    or set -g __mcp_auto_markers .mcp-auto.json .git .serena/project.yml .mcp.json

    set -q __mcp_auto_root
    or set -g __mcp_auto_root ''
    # Where `ensure` leaves notices for this shell (a relative XDG path is
    # ignored, as in src/paths.ts).
    if string match -q '/*' -- "$XDG_STATE_HOME"
        set -g __mcp_auto_notice $XDG_STATE_HOME/mcp-auto/notices/$fish_pid
    else
        set -g __mcp_auto_notice $HOME/.local/state/mcp-auto/notices/$fish_pid
    end

    # Sets __mcp_auto_found to the nearest ancestor of $PWD holding a marker,
    # or ''. $HOME and / count only when they hold a .mcp-auto.json.
    # No command substitution on paths: it would split a name holding a
    # newline into several words. `string match` sets the named groups.
    function __mcp_auto_find_root
        set -l dir
        set -l home
        string match -rq '(?s)^(?<dir>.*?)/?\z' -- $PWD
        string match -rq '(?s)^(?<home>.*?)/?\z' -- $HOME
        set -g __mcp_auto_found ''
        while true
            if test "$dir" = "$home"; or test -z "$dir"
                # -O: exists and is ours (a .git another account planted is no root).
                if test -O "$dir/.mcp-auto.json"; and test -O "$dir/"
                    set -g __mcp_auto_found "$dir"
                    test -z "$dir"; and set -g __mcp_auto_found /
                    return
                end
            else
                for marker in $__mcp_auto_markers
                    if test -O "$dir/$marker"; and test -O "$dir"
                        set -g __mcp_auto_found "$dir"
                        return
                    end
                end
            end
            test -z "$dir"; and return
            string match -rq '(?s)^(?<dir>.*)/[^/]*\z' -- $dir
        end
    end

    function __mcp_auto_changed_dir --on-variable PWD
        test "$MCP_AUTO_DISABLE" != ''; and test "$MCP_AUTO_DISABLE" != 0; and return
        # For doctor: proof that the hook still runs.
        set -gx MCP_AUTO_HOOK_PWD $PWD
        __mcp_auto_find_root
        test "$__mcp_auto_found" = "$__mcp_auto_root"; and return
        set -g __mcp_auto_root "$__mcp_auto_found"
        test -z "$__mcp_auto_root"; and return
        if not command -q mcp-auto
            echo 'mcp-auto: not on PATH, so the hook cannot start the daemon' >&2
            return
        end
        # Disowned so that fish prints no "Job has ended" line; no stdio or
        # fd 3 is passed on.
        # The root as one argument after `--`, whatever its name holds.
        command mcp-auto ensure --quiet --idle-link --notice-file "$__mcp_auto_notice" -- "$__mcp_auto_root" \
            </dev/null >/dev/null 2>&1 3>&- &
        disown $last_pid 2>/dev/null
    end

    # `mcp-auto doctor` runs as a child process: this is how it sees the hook.
    set -gx MCP_AUTO_HOOK fish

    function __mcp_auto_prompt --on-event fish_prompt
        test "$MCP_AUTO_DISABLE" != ''; and test "$MCP_AUTO_DISABLE" != 0; and return
        if test -e $__mcp_auto_notice
            while read -l line
                echo $line >&2
            end <$__mcp_auto_notice
            command rm -f -- $__mcp_auto_notice
        end
        # The daemon stopped for idleness while we stayed in its project:
        # ensure linked this file to its marker, so a builtin test sees it.
        # Bring it back, once: the marker lasts until that ensure has started.
        if test -n "$__mcp_auto_root"; and test -e $__mcp_auto_notice.daemon
            if not set -q __mcp_auto_reviving
                set -g __mcp_auto_reviving 1
                set -g __mcp_auto_root ''
                __mcp_auto_changed_dir
            end
        else
            set -e __mcp_auto_reviving
        end
        # The first prompt handles the directory the shell started in.
        if not set -q __mcp_auto_started
            set -g __mcp_auto_started 1
            __mcp_auto_changed_dir
        end
    end

end
