
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'telephony' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'telephony'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'telephony' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--dialpad-token-file', '--dialpad-token-file', [CompletionResultType]::ParameterName, 'Read the Dialpad API key from this file instead of DIALPAD_API_TOKEN')
            [CompletionResult]::new('--webex-token-file', '--webex-token-file', [CompletionResultType]::ParameterName, 'Read the Webex access token from this file instead of WEBEX_ACCESS_TOKEN')
            [CompletionResult]::new('--dialpad-rate', '--dialpad-rate', [CompletionResultType]::ParameterName, 'Dialpad pacing: COUNT/s or COUNT/min (default: the documented 1200/min), `adaptive`, or `off`')
            [CompletionResult]::new('--webex-rate', '--webex-rate', [CompletionResultType]::ParameterName, 'Webex pacing: COUNT/s, COUNT/min, `adaptive` (the default: found from Webex''s 429s), or `off`')
            [CompletionResult]::new('--settle-delay', '--settle-delay', [CompletionResultType]::ParameterName, 'Seconds to wait after a create''s outcome is unknown before reading back what exists (default 10: a vendor may commit a create after its gateway gave up)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one read (a listing page or a get) may spend waiting for answers over all its attempts (default 40): a vendor that accepts requests and never answers fails within it')
            [CompletionResult]::new('--mock', '--mock', [CompletionResultType]::ParameterName, 'Start the built-in mock server in this process and use it for both vendors (no credentials needed; nothing leaves this machine)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log lines on stderr (-v: each request, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log lines on stderr (-v: each request, -vv: debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check request bodies and manifests (YAML or JSON): every problem with its file, line, column and JSON path. Sends nothing')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what `apply` would do: create (+), update field by field (~), what the vendor''s API cannot change (!), delete (-, with --prune), and what the manifest does not name (?). Sends only reads. Exit 0: nothing to do; 4: changes pending')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the vendors match the manifest: create what is missing, update what differs where the vendor''s API allows (and say what it cannot change), delete with --prune. A second run does nothing. Every outcome goes to a journal')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print a manifest of what exists, of which `plan` finds nothing to do. Sends only reads')
            [CompletionResult]::new('dialpad', 'dialpad', [CompletionResultType]::ParameterValue, 'Dialpad commands')
            [CompletionResult]::new('webex', 'webex', [CompletionResultType]::ParameterValue, 'Webex Calling commands')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the manifest''s JSON Schema (for editors)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell''s completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'telephony;validate' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log lines on stderr (-v: each request, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log lines on stderr (-v: each request, -vv: debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'telephony;plan' {
            [CompletionResult]::new('--dialpad-token-file', '--dialpad-token-file', [CompletionResultType]::ParameterName, 'Read the Dialpad API key from this file instead of DIALPAD_API_TOKEN')
            [CompletionResult]::new('--webex-token-file', '--webex-token-file', [CompletionResultType]::ParameterName, 'Read the Webex access token from this file instead of WEBEX_ACCESS_TOKEN')
            [CompletionResult]::new('--dialpad-rate', '--dialpad-rate', [CompletionResultType]::ParameterName, 'Dialpad pacing: COUNT/s or COUNT/min (default: the documented 1200/min), `adaptive`, or `off`')
            [CompletionResult]::new('--webex-rate', '--webex-rate', [CompletionResultType]::ParameterName, 'Webex pacing: COUNT/s, COUNT/min, `adaptive` (the default: found from Webex''s 429s), or `off`')
            [CompletionResult]::new('--settle-delay', '--settle-delay', [CompletionResultType]::ParameterName, 'Seconds to wait after a create''s outcome is unknown before reading back what exists (default 10: a vendor may commit a create after its gateway gave up)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one read (a listing page or a get) may spend waiting for answers over all its attempts (default 40): a vendor that accepts requests and never answers fails within it')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--show-bodies', '--show-bodies', [CompletionResultType]::ParameterName, 'Print the exact body of each request that would be sent')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Plan to delete the Webex operating modes of the manifest''s scopes that it does not name')
            [CompletionResult]::new('--mock', '--mock', [CompletionResultType]::ParameterName, 'Start the built-in mock server in this process and use it for both vendors (no credentials needed; nothing leaves this machine)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log lines on stderr (-v: each request, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log lines on stderr (-v: each request, -vv: debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'telephony;apply' {
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'The journal (JSON lines; default: MANIFEST with `.journal.jsonl` in place of its extension; with --mock, a file in the temporary directory)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Most actions in flight at once, per vendor: the Dialpad items and the Webex items run at the same time, each vendor with up to this many in flight and its own pacing (--dialpad-rate, --webex-rate)')
            [CompletionResult]::new('--dialpad-token-file', '--dialpad-token-file', [CompletionResultType]::ParameterName, 'Read the Dialpad API key from this file instead of DIALPAD_API_TOKEN')
            [CompletionResult]::new('--webex-token-file', '--webex-token-file', [CompletionResultType]::ParameterName, 'Read the Webex access token from this file instead of WEBEX_ACCESS_TOKEN')
            [CompletionResult]::new('--dialpad-rate', '--dialpad-rate', [CompletionResultType]::ParameterName, 'Dialpad pacing: COUNT/s or COUNT/min (default: the documented 1200/min), `adaptive`, or `off`')
            [CompletionResult]::new('--webex-rate', '--webex-rate', [CompletionResultType]::ParameterName, 'Webex pacing: COUNT/s, COUNT/min, `adaptive` (the default: found from Webex''s 429s), or `off`')
            [CompletionResult]::new('--settle-delay', '--settle-delay', [CompletionResultType]::ParameterName, 'Seconds to wait after a create''s outcome is unknown before reading back what exists (default 10: a vendor may commit a create after its gateway gave up)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one read (a listing page or a get) may spend waiting for answers over all its attempts (default 40): a vendor that accepts requests and never answers fails within it')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Plan only: read what exists, change nothing')
            [CompletionResult]::new('--show-bodies', '--show-bodies', [CompletionResultType]::ParameterName, 'Print the exact body of each request (with --dry-run)')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Also delete the Webex operating modes of the manifest''s scopes that it does not name (never Dialpad offices); asks first on a terminal, needs --yes otherwise')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Delete without asking (with --prune)')
            [CompletionResult]::new('--mock', '--mock', [CompletionResultType]::ParameterName, 'Start the built-in mock server in this process and use it for both vendors (no credentials needed; nothing leaves this machine)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log lines on stderr (-v: each request, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log lines on stderr (-v: each request, -vv: debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'telephony;export' {
            [CompletionResult]::new('--vendor', '--vendor', [CompletionResultType]::ParameterName, 'Only this vendor (default: both)')
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'The Webex organization (default: the token''s)')
            [CompletionResult]::new('--location', '--location', [CompletionResultType]::ParameterName, 'Only the Webex operating modes of this location (repeatable; with --organization-level, those too)')
            [CompletionResult]::new('--dialpad-token-file', '--dialpad-token-file', [CompletionResultType]::ParameterName, 'Read the Dialpad API key from this file instead of DIALPAD_API_TOKEN')
            [CompletionResult]::new('--webex-token-file', '--webex-token-file', [CompletionResultType]::ParameterName, 'Read the Webex access token from this file instead of WEBEX_ACCESS_TOKEN')
            [CompletionResult]::new('--dialpad-rate', '--dialpad-rate', [CompletionResultType]::ParameterName, 'Dialpad pacing: COUNT/s or COUNT/min (default: the documented 1200/min), `adaptive`, or `off`')
            [CompletionResult]::new('--webex-rate', '--webex-rate', [CompletionResultType]::ParameterName, 'Webex pacing: COUNT/s, COUNT/min, `adaptive` (the default: found from Webex''s 429s), or `off`')
            [CompletionResult]::new('--settle-delay', '--settle-delay', [CompletionResultType]::ParameterName, 'Seconds to wait after a create''s outcome is unknown before reading back what exists (default 10: a vendor may commit a create after its gateway gave up)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one read (a listing page or a get) may spend waiting for answers over all its attempts (default 40): a vendor that accepts requests and never answers fails within it')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--organization-level', '--organization-level', [CompletionResultType]::ParameterName, 'Only the Webex operating modes defined at the organization level (with --location, those of the locations too)')
            [CompletionResult]::new('--mock', '--mock', [CompletionResultType]::ParameterName, 'Start the built-in mock server in this process and use it for both vendors (no credentials needed; nothing leaves this machine)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log lines on stderr (-v: each request, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log lines on stderr (-v: each request, -vv: debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'telephony;dialpad' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log lines on stderr (-v: each request, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log lines on stderr (-v: each request, -vv: debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('create-office', 'create-office', [CompletionResultType]::ParameterValue, 'Create one office from a create-office body (YAML or JSON), exactly once')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'telephony;dialpad;create-office' {
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Record the outcome in this journal (JSON lines, appended) before it is read back (default: FILE with `.journal.jsonl`; none with --mock)')
            [CompletionResult]::new('--dialpad-token-file', '--dialpad-token-file', [CompletionResultType]::ParameterName, 'Read the Dialpad API key from this file instead of DIALPAD_API_TOKEN')
            [CompletionResult]::new('--webex-token-file', '--webex-token-file', [CompletionResultType]::ParameterName, 'Read the Webex access token from this file instead of WEBEX_ACCESS_TOKEN')
            [CompletionResult]::new('--dialpad-rate', '--dialpad-rate', [CompletionResultType]::ParameterName, 'Dialpad pacing: COUNT/s or COUNT/min (default: the documented 1200/min), `adaptive`, or `off`')
            [CompletionResult]::new('--webex-rate', '--webex-rate', [CompletionResultType]::ParameterName, 'Webex pacing: COUNT/s, COUNT/min, `adaptive` (the default: found from Webex''s 429s), or `off`')
            [CompletionResult]::new('--settle-delay', '--settle-delay', [CompletionResultType]::ParameterName, 'Seconds to wait after a create''s outcome is unknown before reading back what exists (default 10: a vendor may commit a create after its gateway gave up)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one read (a listing page or a get) may spend waiting for answers over all its attempts (default 40): a vendor that accepts requests and never answers fails within it')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--mock', '--mock', [CompletionResultType]::ParameterName, 'Start the built-in mock server in this process and use it for both vendors (no credentials needed; nothing leaves this machine)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log lines on stderr (-v: each request, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log lines on stderr (-v: each request, -vv: debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'telephony;dialpad;help' {
            [CompletionResult]::new('create-office', 'create-office', [CompletionResultType]::ParameterValue, 'Create one office from a create-office body (YAML or JSON), exactly once')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'telephony;dialpad;help;create-office' {
            break
        }
        'telephony;dialpad;help;help' {
            break
        }
        'telephony;webex' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log lines on stderr (-v: each request, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log lines on stderr (-v: each request, -vv: debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('create-operating-mode', 'create-operating-mode', [CompletionResultType]::ParameterValue, 'Create one operating mode from a create body (YAML or JSON), exactly once')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'telephony;webex;create-operating-mode' {
            [CompletionResult]::new('--org-id', '--org-id', [CompletionResultType]::ParameterName, 'Organization to create it in (default: the token''s)')
            [CompletionResult]::new('--journal', '--journal', [CompletionResultType]::ParameterName, 'Record the outcome in this journal (JSON lines, appended) before it is read back (default: FILE with `.journal.jsonl`; none with --mock)')
            [CompletionResult]::new('--dialpad-token-file', '--dialpad-token-file', [CompletionResultType]::ParameterName, 'Read the Dialpad API key from this file instead of DIALPAD_API_TOKEN')
            [CompletionResult]::new('--webex-token-file', '--webex-token-file', [CompletionResultType]::ParameterName, 'Read the Webex access token from this file instead of WEBEX_ACCESS_TOKEN')
            [CompletionResult]::new('--dialpad-rate', '--dialpad-rate', [CompletionResultType]::ParameterName, 'Dialpad pacing: COUNT/s or COUNT/min (default: the documented 1200/min), `adaptive`, or `off`')
            [CompletionResult]::new('--webex-rate', '--webex-rate', [CompletionResultType]::ParameterName, 'Webex pacing: COUNT/s, COUNT/min, `adaptive` (the default: found from Webex''s 429s), or `off`')
            [CompletionResult]::new('--settle-delay', '--settle-delay', [CompletionResultType]::ParameterName, 'Seconds to wait after a create''s outcome is unknown before reading back what exists (default 10: a vendor may commit a create after its gateway gave up)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds one read (a listing page or a get) may spend waiting for answers over all its attempts (default 40): a vendor that accepts requests and never answers fails within it')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--mock', '--mock', [CompletionResultType]::ParameterName, 'Start the built-in mock server in this process and use it for both vendors (no credentials needed; nothing leaves this machine)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log lines on stderr (-v: each request, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log lines on stderr (-v: each request, -vv: debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'telephony;webex;help' {
            [CompletionResult]::new('create-operating-mode', 'create-operating-mode', [CompletionResultType]::ParameterValue, 'Create one operating mode from a create body (YAML or JSON), exactly once')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'telephony;webex;help;create-operating-mode' {
            break
        }
        'telephony;webex;help;help' {
            break
        }
        'telephony;schema' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log lines on stderr (-v: each request, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log lines on stderr (-v: each request, -vv: debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'telephony;completions' {
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log lines on stderr (-v: each request, -vv: debug)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log lines on stderr (-v: each request, -vv: debug)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'telephony;help' {
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check request bodies and manifests (YAML or JSON): every problem with its file, line, column and JSON path. Sends nothing')
            [CompletionResult]::new('plan', 'plan', [CompletionResultType]::ParameterValue, 'Show what `apply` would do: create (+), update field by field (~), what the vendor''s API cannot change (!), delete (-, with --prune), and what the manifest does not name (?). Sends only reads. Exit 0: nothing to do; 4: changes pending')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the vendors match the manifest: create what is missing, update what differs where the vendor''s API allows (and say what it cannot change), delete with --prune. A second run does nothing. Every outcome goes to a journal')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Print a manifest of what exists, of which `plan` finds nothing to do. Sends only reads')
            [CompletionResult]::new('dialpad', 'dialpad', [CompletionResultType]::ParameterValue, 'Dialpad commands')
            [CompletionResult]::new('webex', 'webex', [CompletionResultType]::ParameterValue, 'Webex Calling commands')
            [CompletionResult]::new('schema', 'schema', [CompletionResultType]::ParameterValue, 'Print the manifest''s JSON Schema (for editors)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell''s completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'telephony;help;validate' {
            break
        }
        'telephony;help;plan' {
            break
        }
        'telephony;help;apply' {
            break
        }
        'telephony;help;export' {
            break
        }
        'telephony;help;dialpad' {
            [CompletionResult]::new('create-office', 'create-office', [CompletionResultType]::ParameterValue, 'Create one office from a create-office body (YAML or JSON), exactly once')
            break
        }
        'telephony;help;dialpad;create-office' {
            break
        }
        'telephony;help;webex' {
            [CompletionResult]::new('create-operating-mode', 'create-operating-mode', [CompletionResultType]::ParameterValue, 'Create one operating mode from a create body (YAML or JSON), exactly once')
            break
        }
        'telephony;help;webex;create-operating-mode' {
            break
        }
        'telephony;help;schema' {
            break
        }
        'telephony;help;completions' {
            break
        }
        'telephony;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
