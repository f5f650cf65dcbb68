# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_telephony_global_optspecs
    string join \n mock output= v/verbose dialpad-token-file= webex-token-file= dialpad-rate= webex-rate= settle-delay= timeout= h/help V/version
end

function __fish_telephony_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_telephony_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_telephony_using_subcommand
    set -l cmd (__fish_telephony_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c telephony -n "__fish_telephony_needs_command" -l output -d 'Output format' -r -f -a "text\t'Tables and lines for people'
json\t'JSON for programs'"
complete -c telephony -n "__fish_telephony_needs_command" -l dialpad-token-file -d 'Read the Dialpad API key from this file instead of DIALPAD_API_TOKEN' -r -F
complete -c telephony -n "__fish_telephony_needs_command" -l webex-token-file -d 'Read the Webex access token from this file instead of WEBEX_ACCESS_TOKEN' -r -F
complete -c telephony -n "__fish_telephony_needs_command" -l dialpad-rate -d 'Dialpad pacing: COUNT/s or COUNT/min (default: the documented 1200/min), `adaptive`, or `off`' -r
complete -c telephony -n "__fish_telephony_needs_command" -l webex-rate -d 'Webex pacing: COUNT/s, COUNT/min, `adaptive` (the default: found from Webex\'s 429s), or `off`' -r
complete -c telephony -n "__fish_telephony_needs_command" -l settle-delay -d 'Seconds to wait after a create\'s outcome is unknown before reading back what exists (default 10: a vendor may commit a create after its gateway gave up)' -r
complete -c telephony -n "__fish_telephony_needs_command" -l timeout -d 'Seconds one read (a listing page or a get) may spend waiting for answers over all its attempts (default 40): a vendor that accepts requests and never answers fails within it' -r
complete -c telephony -n "__fish_telephony_needs_command" -l mock -d 'Start the built-in mock server in this process and use it for both vendors (no credentials needed; nothing leaves this machine)'
complete -c telephony -n "__fish_telephony_needs_command" -s v -l verbose -d 'More log lines on stderr (-v: each request, -vv: debug)'
complete -c telephony -n "__fish_telephony_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c telephony -n "__fish_telephony_needs_command" -s V -l version -d 'Print version'
complete -c telephony -n "__fish_telephony_needs_command" -f -a "validate" -d 'Check request bodies and manifests (YAML or JSON): every problem with its file, line, column and JSON path. Sends nothing'
complete -c telephony -n "__fish_telephony_needs_command" -f -a "plan" -d 'Show what `apply` would do: create (+), update field by field (~), what the vendor\'s API cannot change (!), delete (-, with --prune), and what the manifest does not name (?). Sends only reads. Exit 0: nothing to do; 4: changes pending'
complete -c telephony -n "__fish_telephony_needs_command" -f -a "apply" -d 'Make the vendors match the manifest: create what is missing, update what differs where the vendor\'s API allows (and say what it cannot change), delete with --prune. A second run does nothing. Every outcome goes to a journal'
complete -c telephony -n "__fish_telephony_needs_command" -f -a "export" -d 'Print a manifest of what exists, of which `plan` finds nothing to do. Sends only reads'
complete -c telephony -n "__fish_telephony_needs_command" -f -a "dialpad" -d 'Dialpad commands'
complete -c telephony -n "__fish_telephony_needs_command" -f -a "webex" -d 'Webex Calling commands'
complete -c telephony -n "__fish_telephony_needs_command" -f -a "schema" -d 'Print the manifest\'s JSON Schema (for editors)'
complete -c telephony -n "__fish_telephony_needs_command" -f -a "completions" -d 'Print a shell\'s completion script'
complete -c telephony -n "__fish_telephony_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c telephony -n "__fish_telephony_using_subcommand validate" -l output -d 'Output format' -r -f -a "text\t'Tables and lines for people'
json\t'JSON for programs'"
complete -c telephony -n "__fish_telephony_using_subcommand validate" -s v -l verbose -d 'More log lines on stderr (-v: each request, -vv: debug)'
complete -c telephony -n "__fish_telephony_using_subcommand validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c telephony -n "__fish_telephony_using_subcommand plan" -l dialpad-token-file -d 'Read the Dialpad API key from this file instead of DIALPAD_API_TOKEN' -r -F
complete -c telephony -n "__fish_telephony_using_subcommand plan" -l webex-token-file -d 'Read the Webex access token from this file instead of WEBEX_ACCESS_TOKEN' -r -F
complete -c telephony -n "__fish_telephony_using_subcommand plan" -l dialpad-rate -d 'Dialpad pacing: COUNT/s or COUNT/min (default: the documented 1200/min), `adaptive`, or `off`' -r
complete -c telephony -n "__fish_telephony_using_subcommand plan" -l webex-rate -d 'Webex pacing: COUNT/s, COUNT/min, `adaptive` (the default: found from Webex\'s 429s), or `off`' -r
complete -c telephony -n "__fish_telephony_using_subcommand plan" -l settle-delay -d 'Seconds to wait after a create\'s outcome is unknown before reading back what exists (default 10: a vendor may commit a create after its gateway gave up)' -r
complete -c telephony -n "__fish_telephony_using_subcommand plan" -l timeout -d 'Seconds one read (a listing page or a get) may spend waiting for answers over all its attempts (default 40): a vendor that accepts requests and never answers fails within it' -r
complete -c telephony -n "__fish_telephony_using_subcommand plan" -l output -d 'Output format' -r -f -a "text\t'Tables and lines for people'
json\t'JSON for programs'"
complete -c telephony -n "__fish_telephony_using_subcommand plan" -l show-bodies -d 'Print the exact body of each request that would be sent'
complete -c telephony -n "__fish_telephony_using_subcommand plan" -l prune -d 'Plan to delete the Webex operating modes of the manifest\'s scopes that it does not name'
complete -c telephony -n "__fish_telephony_using_subcommand plan" -l mock -d 'Start the built-in mock server in this process and use it for both vendors (no credentials needed; nothing leaves this machine)'
complete -c telephony -n "__fish_telephony_using_subcommand plan" -s v -l verbose -d 'More log lines on stderr (-v: each request, -vv: debug)'
complete -c telephony -n "__fish_telephony_using_subcommand plan" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c telephony -n "__fish_telephony_using_subcommand apply" -l journal -d 'The journal (JSON lines; default: MANIFEST with `.journal.jsonl` in place of its extension; with --mock, a file in the temporary directory)' -r -F
complete -c telephony -n "__fish_telephony_using_subcommand apply" -l concurrency -d 'Most actions in flight at once, per vendor: the Dialpad items and the Webex items run at the same time, each vendor with up to this many in flight and its own pacing (--dialpad-rate, --webex-rate)' -r
complete -c telephony -n "__fish_telephony_using_subcommand apply" -l dialpad-token-file -d 'Read the Dialpad API key from this file instead of DIALPAD_API_TOKEN' -r -F
complete -c telephony -n "__fish_telephony_using_subcommand apply" -l webex-token-file -d 'Read the Webex access token from this file instead of WEBEX_ACCESS_TOKEN' -r -F
complete -c telephony -n "__fish_telephony_using_subcommand apply" -l dialpad-rate -d 'Dialpad pacing: COUNT/s or COUNT/min (default: the documented 1200/min), `adaptive`, or `off`' -r
complete -c telephony -n "__fish_telephony_using_subcommand apply" -l webex-rate -d 'Webex pacing: COUNT/s, COUNT/min, `adaptive` (the default: found from Webex\'s 429s), or `off`' -r
complete -c telephony -n "__fish_telephony_using_subcommand apply" -l settle-delay -d 'Seconds to wait after a create\'s outcome is unknown before reading back what exists (default 10: a vendor may commit a create after its gateway gave up)' -r
complete -c telephony -n "__fish_telephony_using_subcommand apply" -l timeout -d 'Seconds one read (a listing page or a get) may spend waiting for answers over all its attempts (default 40): a vendor that accepts requests and never answers fails within it' -r
complete -c telephony -n "__fish_telephony_using_subcommand apply" -l output -d 'Output format' -r -f -a "text\t'Tables and lines for people'
json\t'JSON for programs'"
complete -c telephony -n "__fish_telephony_using_subcommand apply" -l dry-run -d 'Plan only: read what exists, change nothing'
complete -c telephony -n "__fish_telephony_using_subcommand apply" -l show-bodies -d 'Print the exact body of each request (with --dry-run)'
complete -c telephony -n "__fish_telephony_using_subcommand apply" -l prune -d 'Also delete the Webex operating modes of the manifest\'s scopes that it does not name (never Dialpad offices); asks first on a terminal, needs --yes otherwise'
complete -c telephony -n "__fish_telephony_using_subcommand apply" -l yes -d 'Delete without asking (with --prune)'
complete -c telephony -n "__fish_telephony_using_subcommand apply" -l mock -d 'Start the built-in mock server in this process and use it for both vendors (no credentials needed; nothing leaves this machine)'
complete -c telephony -n "__fish_telephony_using_subcommand apply" -s v -l verbose -d 'More log lines on stderr (-v: each request, -vv: debug)'
complete -c telephony -n "__fish_telephony_using_subcommand apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c telephony -n "__fish_telephony_using_subcommand export" -l vendor -d 'Only this vendor (default: both)' -r -f -a "dialpad\t'Dialpad offices only'
webex\t'Webex operating modes only'"
complete -c telephony -n "__fish_telephony_using_subcommand export" -l org-id -d 'The Webex organization (default: the token\'s)' -r
complete -c telephony -n "__fish_telephony_using_subcommand export" -l location -d 'Only the Webex operating modes of this location (repeatable; with --organization-level, those too)' -r
complete -c telephony -n "__fish_telephony_using_subcommand export" -l dialpad-token-file -d 'Read the Dialpad API key from this file instead of DIALPAD_API_TOKEN' -r -F
complete -c telephony -n "__fish_telephony_using_subcommand export" -l webex-token-file -d 'Read the Webex access token from this file instead of WEBEX_ACCESS_TOKEN' -r -F
complete -c telephony -n "__fish_telephony_using_subcommand export" -l dialpad-rate -d 'Dialpad pacing: COUNT/s or COUNT/min (default: the documented 1200/min), `adaptive`, or `off`' -r
complete -c telephony -n "__fish_telephony_using_subcommand export" -l webex-rate -d 'Webex pacing: COUNT/s, COUNT/min, `adaptive` (the default: found from Webex\'s 429s), or `off`' -r
complete -c telephony -n "__fish_telephony_using_subcommand export" -l settle-delay -d 'Seconds to wait after a create\'s outcome is unknown before reading back what exists (default 10: a vendor may commit a create after its gateway gave up)' -r
complete -c telephony -n "__fish_telephony_using_subcommand export" -l timeout -d 'Seconds one read (a listing page or a get) may spend waiting for answers over all its attempts (default 40): a vendor that accepts requests and never answers fails within it' -r
complete -c telephony -n "__fish_telephony_using_subcommand export" -l output -d 'Output format' -r -f -a "text\t'Tables and lines for people'
json\t'JSON for programs'"
complete -c telephony -n "__fish_telephony_using_subcommand export" -l organization-level -d 'Only the Webex operating modes defined at the organization level (with --location, those of the locations too)'
complete -c telephony -n "__fish_telephony_using_subcommand export" -l mock -d 'Start the built-in mock server in this process and use it for both vendors (no credentials needed; nothing leaves this machine)'
complete -c telephony -n "__fish_telephony_using_subcommand export" -s v -l verbose -d 'More log lines on stderr (-v: each request, -vv: debug)'
complete -c telephony -n "__fish_telephony_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c telephony -n "__fish_telephony_using_subcommand dialpad; and not __fish_seen_subcommand_from create-office help" -l output -d 'Output format' -r -f -a "text\t'Tables and lines for people'
json\t'JSON for programs'"
complete -c telephony -n "__fish_telephony_using_subcommand dialpad; and not __fish_seen_subcommand_from create-office help" -s v -l verbose -d 'More log lines on stderr (-v: each request, -vv: debug)'
complete -c telephony -n "__fish_telephony_using_subcommand dialpad; and not __fish_seen_subcommand_from create-office help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c telephony -n "__fish_telephony_using_subcommand dialpad; and not __fish_seen_subcommand_from create-office help" -f -a "create-office" -d 'Create one office from a create-office body (YAML or JSON), exactly once'
complete -c telephony -n "__fish_telephony_using_subcommand dialpad; and not __fish_seen_subcommand_from create-office help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c telephony -n "__fish_telephony_using_subcommand dialpad; and __fish_seen_subcommand_from create-office" -l journal -d 'Record the outcome in this journal (JSON lines, appended) before it is read back (default: FILE with `.journal.jsonl`; none with --mock)' -r -F
complete -c telephony -n "__fish_telephony_using_subcommand dialpad; and __fish_seen_subcommand_from create-office" -l dialpad-token-file -d 'Read the Dialpad API key from this file instead of DIALPAD_API_TOKEN' -r -F
complete -c telephony -n "__fish_telephony_using_subcommand dialpad; and __fish_seen_subcommand_from create-office" -l webex-token-file -d 'Read the Webex access token from this file instead of WEBEX_ACCESS_TOKEN' -r -F
complete -c telephony -n "__fish_telephony_using_subcommand dialpad; and __fish_seen_subcommand_from create-office" -l dialpad-rate -d 'Dialpad pacing: COUNT/s or COUNT/min (default: the documented 1200/min), `adaptive`, or `off`' -r
complete -c telephony -n "__fish_telephony_using_subcommand dialpad; and __fish_seen_subcommand_from create-office" -l webex-rate -d 'Webex pacing: COUNT/s, COUNT/min, `adaptive` (the default: found from Webex\'s 429s), or `off`' -r
complete -c telephony -n "__fish_telephony_using_subcommand dialpad; and __fish_seen_subcommand_from create-office" -l settle-delay -d 'Seconds to wait after a create\'s outcome is unknown before reading back what exists (default 10: a vendor may commit a create after its gateway gave up)' -r
complete -c telephony -n "__fish_telephony_using_subcommand dialpad; and __fish_seen_subcommand_from create-office" -l timeout -d 'Seconds one read (a listing page or a get) may spend waiting for answers over all its attempts (default 40): a vendor that accepts requests and never answers fails within it' -r
complete -c telephony -n "__fish_telephony_using_subcommand dialpad; and __fish_seen_subcommand_from create-office" -l output -d 'Output format' -r -f -a "text\t'Tables and lines for people'
json\t'JSON for programs'"
complete -c telephony -n "__fish_telephony_using_subcommand dialpad; and __fish_seen_subcommand_from create-office" -l mock -d 'Start the built-in mock server in this process and use it for both vendors (no credentials needed; nothing leaves this machine)'
complete -c telephony -n "__fish_telephony_using_subcommand dialpad; and __fish_seen_subcommand_from create-office" -s v -l verbose -d 'More log lines on stderr (-v: each request, -vv: debug)'
complete -c telephony -n "__fish_telephony_using_subcommand dialpad; and __fish_seen_subcommand_from create-office" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c telephony -n "__fish_telephony_using_subcommand dialpad; and __fish_seen_subcommand_from help" -f -a "create-office" -d 'Create one office from a create-office body (YAML or JSON), exactly once'
complete -c telephony -n "__fish_telephony_using_subcommand dialpad; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c telephony -n "__fish_telephony_using_subcommand webex; and not __fish_seen_subcommand_from create-operating-mode help" -l output -d 'Output format' -r -f -a "text\t'Tables and lines for people'
json\t'JSON for programs'"
complete -c telephony -n "__fish_telephony_using_subcommand webex; and not __fish_seen_subcommand_from create-operating-mode help" -s v -l verbose -d 'More log lines on stderr (-v: each request, -vv: debug)'
complete -c telephony -n "__fish_telephony_using_subcommand webex; and not __fish_seen_subcommand_from create-operating-mode help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c telephony -n "__fish_telephony_using_subcommand webex; and not __fish_seen_subcommand_from create-operating-mode help" -f -a "create-operating-mode" -d 'Create one operating mode from a create body (YAML or JSON), exactly once'
complete -c telephony -n "__fish_telephony_using_subcommand webex; and not __fish_seen_subcommand_from create-operating-mode help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c telephony -n "__fish_telephony_using_subcommand webex; and __fish_seen_subcommand_from create-operating-mode" -l org-id -d 'Organization to create it in (default: the token\'s)' -r
complete -c telephony -n "__fish_telephony_using_subcommand webex; and __fish_seen_subcommand_from create-operating-mode" -l journal -d 'Record the outcome in this journal (JSON lines, appended) before it is read back (default: FILE with `.journal.jsonl`; none with --mock)' -r -F
complete -c telephony -n "__fish_telephony_using_subcommand webex; and __fish_seen_subcommand_from create-operating-mode" -l dialpad-token-file -d 'Read the Dialpad API key from this file instead of DIALPAD_API_TOKEN' -r -F
complete -c telephony -n "__fish_telephony_using_subcommand webex; and __fish_seen_subcommand_from create-operating-mode" -l webex-token-file -d 'Read the Webex access token from this file instead of WEBEX_ACCESS_TOKEN' -r -F
complete -c telephony -n "__fish_telephony_using_subcommand webex; and __fish_seen_subcommand_from create-operating-mode" -l dialpad-rate -d 'Dialpad pacing: COUNT/s or COUNT/min (default: the documented 1200/min), `adaptive`, or `off`' -r
complete -c telephony -n "__fish_telephony_using_subcommand webex; and __fish_seen_subcommand_from create-operating-mode" -l webex-rate -d 'Webex pacing: COUNT/s, COUNT/min, `adaptive` (the default: found from Webex\'s 429s), or `off`' -r
complete -c telephony -n "__fish_telephony_using_subcommand webex; and __fish_seen_subcommand_from create-operating-mode" -l settle-delay -d 'Seconds to wait after a create\'s outcome is unknown before reading back what exists (default 10: a vendor may commit a create after its gateway gave up)' -r
complete -c telephony -n "__fish_telephony_using_subcommand webex; and __fish_seen_subcommand_from create-operating-mode" -l timeout -d 'Seconds one read (a listing page or a get) may spend waiting for answers over all its attempts (default 40): a vendor that accepts requests and never answers fails within it' -r
complete -c telephony -n "__fish_telephony_using_subcommand webex; and __fish_seen_subcommand_from create-operating-mode" -l output -d 'Output format' -r -f -a "text\t'Tables and lines for people'
json\t'JSON for programs'"
complete -c telephony -n "__fish_telephony_using_subcommand webex; and __fish_seen_subcommand_from create-operating-mode" -l mock -d 'Start the built-in mock server in this process and use it for both vendors (no credentials needed; nothing leaves this machine)'
complete -c telephony -n "__fish_telephony_using_subcommand webex; and __fish_seen_subcommand_from create-operating-mode" -s v -l verbose -d 'More log lines on stderr (-v: each request, -vv: debug)'
complete -c telephony -n "__fish_telephony_using_subcommand webex; and __fish_seen_subcommand_from create-operating-mode" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c telephony -n "__fish_telephony_using_subcommand webex; and __fish_seen_subcommand_from help" -f -a "create-operating-mode" -d 'Create one operating mode from a create body (YAML or JSON), exactly once'
complete -c telephony -n "__fish_telephony_using_subcommand webex; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c telephony -n "__fish_telephony_using_subcommand schema" -l output -d 'Output format' -r -f -a "text\t'Tables and lines for people'
json\t'JSON for programs'"
complete -c telephony -n "__fish_telephony_using_subcommand schema" -s v -l verbose -d 'More log lines on stderr (-v: each request, -vv: debug)'
complete -c telephony -n "__fish_telephony_using_subcommand schema" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c telephony -n "__fish_telephony_using_subcommand completions" -l output -d 'Output format' -r -f -a "text\t'Tables and lines for people'
json\t'JSON for programs'"
complete -c telephony -n "__fish_telephony_using_subcommand completions" -s v -l verbose -d 'More log lines on stderr (-v: each request, -vv: debug)'
complete -c telephony -n "__fish_telephony_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c telephony -n "__fish_telephony_using_subcommand help; and not __fish_seen_subcommand_from validate plan apply export dialpad webex schema completions help" -f -a "validate" -d 'Check request bodies and manifests (YAML or JSON): every problem with its file, line, column and JSON path. Sends nothing'
complete -c telephony -n "__fish_telephony_using_subcommand help; and not __fish_seen_subcommand_from validate plan apply export dialpad webex schema completions help" -f -a "plan" -d 'Show what `apply` would do: create (+), update field by field (~), what the vendor\'s API cannot change (!), delete (-, with --prune), and what the manifest does not name (?). Sends only reads. Exit 0: nothing to do; 4: changes pending'
complete -c telephony -n "__fish_telephony_using_subcommand help; and not __fish_seen_subcommand_from validate plan apply export dialpad webex schema completions help" -f -a "apply" -d 'Make the vendors match the manifest: create what is missing, update what differs where the vendor\'s API allows (and say what it cannot change), delete with --prune. A second run does nothing. Every outcome goes to a journal'
complete -c telephony -n "__fish_telephony_using_subcommand help; and not __fish_seen_subcommand_from validate plan apply export dialpad webex schema completions help" -f -a "export" -d 'Print a manifest of what exists, of which `plan` finds nothing to do. Sends only reads'
complete -c telephony -n "__fish_telephony_using_subcommand help; and not __fish_seen_subcommand_from validate plan apply export dialpad webex schema completions help" -f -a "dialpad" -d 'Dialpad commands'
complete -c telephony -n "__fish_telephony_using_subcommand help; and not __fish_seen_subcommand_from validate plan apply export dialpad webex schema completions help" -f -a "webex" -d 'Webex Calling commands'
complete -c telephony -n "__fish_telephony_using_subcommand help; and not __fish_seen_subcommand_from validate plan apply export dialpad webex schema completions help" -f -a "schema" -d 'Print the manifest\'s JSON Schema (for editors)'
complete -c telephony -n "__fish_telephony_using_subcommand help; and not __fish_seen_subcommand_from validate plan apply export dialpad webex schema completions help" -f -a "completions" -d 'Print a shell\'s completion script'
complete -c telephony -n "__fish_telephony_using_subcommand help; and not __fish_seen_subcommand_from validate plan apply export dialpad webex schema completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c telephony -n "__fish_telephony_using_subcommand help; and __fish_seen_subcommand_from dialpad" -f -a "create-office" -d 'Create one office from a create-office body (YAML or JSON), exactly once'
complete -c telephony -n "__fish_telephony_using_subcommand help; and __fish_seen_subcommand_from webex" -f -a "create-operating-mode" -d 'Create one operating mode from a create body (YAML or JSON), exactly once'
