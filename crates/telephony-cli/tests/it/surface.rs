//! The command line's surface, as the real binary shows it: plain logs in a pipe, errors as
//! JSON with `--output json`, each flag only on the commands that use it, no journal left
//! behind by a mock run, standard input only with a journal named, completions and a version
//! that names the specs.

use std::path::Path;
use std::process::{Output, Stdio};

use telephony_fixtures::mock::answered;
use telephony_fixtures::snapshots::snapshots;

use crate::command::{against, example, mock, redact, run, stderr, stdout, telephony, write};

fn output_of(args: &[&str]) -> Output {
    telephony().args(args).output().expect("runs")
}

fn example_path() -> String {
    example().to_str().expect("path").to_string()
}

/// Both streams and the exit code, for one snapshot.
fn streams(out: &Output, dir: &Path) -> String {
    format!(
        "exit: {:?}\n--- stdout\n{}--- stderr\n{}",
        out.status.code(),
        redact(&stdout(out), dir),
        redact(&stderr(out), dir)
    )
}

/// Log lines of `-v` about Dialpad's listing, with times and durations replaced and escape
/// characters shown as `^[` (as `cat -v` shows them).
fn dialpad_log_lines(text: &str) -> String {
    let time = regex::Regex::new(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z").expect("regex");
    let millis =
        regex::Regex::new(r"(millis|latency_ms)((?:\x1b\[[0-9;]*m)*=(?:\x1b\[[0-9;]*m)*)\d+")
            .expect("regex");
    let mut lines = String::new();
    for line in text.lines().filter(|l| l.contains("\"dialpad\"")) {
        let line = time.replace_all(line, "[TIME]");
        let line = millis.replace_all(&line, "$1$2[MS]");
        lines.push_str(&line.replace('\x1b', "^["));
        lines.push('\n');
    }
    lines
}

#[test]
fn logs_in_a_pipe_carry_no_colour_codes() {
    let _snapshots = snapshots().bind_to_scope();
    let out = telephony()
        .env_remove("NO_COLOR")
        .args(["-v", "--mock", "plan", &example_path()])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(4),
        "creates pending: {}",
        stderr(&out)
    );
    insta::assert_snapshot!("surface__logs_in_a_pipe", dialpad_log_lines(&stderr(&out)));
    assert!(!stderr(&out).contains('\x1b'), "{}", stderr(&out));
}

#[test]
fn with_output_json_a_configuration_error_is_one_json_object_on_stdout() {
    let _snapshots = snapshots().bind_to_scope();
    let dir = tempfile::tempdir().expect("dir");
    let out = output_of(&["--output", "json", "plan", &example_path()]);
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!(
        "surface__json_configuration_error",
        streams(&out, dir.path())
    );
    let error: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON value");
    assert_eq!(error["error"]["exit_code"], 2);
}

#[tokio::test]
async fn with_output_json_a_run_that_cannot_read_what_exists_is_one_json_object_on_stdout() {
    let _snapshots = snapshots().bind_to_scope();
    // Accepts connections (the backlog) and never answers.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let url = format!("http://{}", silent.local_addr().expect("address"));
    let dir = tempfile::tempdir().expect("dir");
    let sites = write(dir.path(), "one.yaml", &crate::command::manifest(1, 0));
    let mut command = telephony();
    command
        .env("DIALPAD_API_TOKEN", "dialpad-key")
        .env("DIALPAD_BASE_URL", &url)
        .args(["--output", "json", "plan", "--timeout", "0.5"])
        .arg(&sites);
    let out = run(command).await;
    drop(silent);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let text = streams(&out, dir.path()).replace(&url, "[URL]");
    insta::assert_snapshot!("surface__json_incomplete", text);
    let error: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON value");
    assert_eq!(error["error"]["kind"], "incomplete");
}

#[test]
fn each_flag_is_shown_only_on_the_commands_that_use_it() {
    let _snapshots = snapshots().bind_to_scope();
    for command in ["validate", "schema", "plan"] {
        let out = output_of(&[command, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        insta::assert_snapshot!(format!("surface__{command}_help"), stdout(&out));
    }
    for command in [
        &["plan"][..],
        &["dialpad", "create-office"],
        &["webex", "create-operating-mode"],
    ] {
        let mut args = command.to_vec();
        args.push("--help");
        let help = stdout(&output_of(&args));
        for flag in [
            "--mock",
            "--dialpad-rate",
            "--webex-rate",
            "--timeout",
            "--settle-delay",
        ] {
            assert!(help.contains(flag), "{command:?} shows {flag}:\n{help}");
        }
    }
}

#[test]
fn a_vendor_flag_given_to_a_command_that_does_not_use_it_is_a_usage_error() {
    let _snapshots = snapshots().bind_to_scope();
    let dir = tempfile::tempdir().expect("dir");
    let out = output_of(&["validate", "--timeout", "5", &example_path()]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    insta::assert_snapshot!("surface__unused_flag", streams(&out, dir.path()));
}

#[test]
fn flags_before_the_command_are_still_read() {
    let out = output_of(&["--mock", "--dialpad-rate", "off", "plan", &example_path()]);
    assert_eq!(
        out.status.code(),
        Some(4),
        "creates pending: {}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("6 to create"), "{}", stdout(&out));
    let out = output_of(&["--dialpad-rate", "fast", "--mock", "plan", &example_path()]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "the flag is read: {}",
        stderr(&out)
    );
}

/// The files a directory holds, one a line.
fn listing(dir: &Path) -> String {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names.iter().map(|n| format!("{n}\n")).collect()
}

#[test]
fn a_mock_run_leaves_no_journal_behind() {
    let _snapshots = snapshots().bind_to_scope();
    let temp = tempfile::tempdir().expect("dir");
    let out = telephony()
        .env("TMPDIR", temp.path())
        .args(["--mock", "apply", &example_path()])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // The vendors run at once: their lines are sorted, for a stable snapshot.
    let mut said: Vec<String> = redact(&stderr(&out), temp.path())
        .lines()
        .map(|line| format!("{line}\n"))
        .collect();
    said.sort();
    let seen = format!(
        "exit: {:?}\n--- stderr, sorted\n{}--- left in the temporary directory\n{}",
        out.status.code(),
        said.concat(),
        listing(temp.path())
    );
    insta::assert_snapshot!("surface__mock_journal_removed", seen);
    assert_eq!(listing(temp.path()), "");
}

#[test]
fn a_journal_asked_for_is_kept_and_named_with_the_mock_too() {
    let temp = tempfile::tempdir().expect("dir");
    let journal = temp.path().join("mine.jsonl");
    let out = telephony()
        .args(["--mock", "apply", &example_path(), "--journal"])
        .arg(&journal)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(&format!("journal: {}", journal.display())),
        "{}",
        stderr(&out)
    );
    let kept = std::fs::read_to_string(&journal).expect("kept");
    assert_eq!(kept.lines().count(), 6);
}

#[tokio::test]
async fn the_manifest_from_standard_input_needs_a_journal_named() {
    let _snapshots = snapshots().bind_to_scope();
    let mock = mock("").await;
    let dir = tempfile::tempdir().expect("dir");
    let mut seen = String::new();
    for args in [&["apply", "-"][..], &["dialpad", "create-office", "-"]] {
        let mut command = against(&mock, args);
        command.current_dir(dir.path()).stdin(Stdio::from(
            std::fs::File::open(example()).expect("example"),
        ));
        let out = run(command).await;
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        seen.push_str(&format!(
            "$ telephony {}\n{}\n",
            args.join(" "),
            streams(&out, dir.path())
        ));
    }
    insta::assert_snapshot!("surface__stdin_needs_a_journal", seen);
    assert_eq!(
        answered(&mock, "GET /api/v2/offices"),
        0,
        "nothing was sent"
    );
    assert_eq!(listing(dir.path()), "", "no `-.journal.jsonl`");
}

#[test]
fn completions_are_the_committed_files() {
    let _snapshots = snapshots().bind_to_scope();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for (shell, file) in [
        ("bash", "telephony.bash"),
        ("zsh", "_telephony"),
        ("fish", "telephony.fish"),
        ("powershell", "_telephony.ps1"),
    ] {
        let out = output_of(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let committed = std::fs::read_to_string(dir.join(file)).unwrap_or_default();
        assert!(
            stdout(&out) == committed,
            "completions/{file} is not what `telephony completions {shell}` prints: run `cargo xtask codegen`"
        );
    }
    let help = output_of(&["completions", "--help"]);
    assert_eq!(help.status.code(), Some(0), "{}", stderr(&help));
    insta::assert_snapshot!("surface__completions_help", stdout(&help));
}

/// `info.version` of a curated spec, read from the file.
fn spec_version(name: &str) -> String {
    #[derive(serde::Deserialize)]
    struct Spec {
        info: Info,
    }
    #[derive(serde::Deserialize)]
    struct Info {
        version: String,
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../openapi/{name}.yaml"));
    let text = std::fs::read_to_string(path).expect("spec");
    serde_saphyr::from_str::<Spec>(&text)
        .expect("spec")
        .info
        .version
}

#[test]
fn the_version_names_the_versions_of_both_specs() {
    let _snapshots = snapshots().bind_to_scope();
    let out = output_of(&["--version"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    insta::assert_snapshot!("surface__version", stdout(&out));
    let expected = format!(
        "telephony {} (Dialpad API spec {}, Webex Calling spec {})\n",
        env!("CARGO_PKG_VERSION"),
        spec_version("dialpad"),
        spec_version("webex")
    );
    assert_eq!(stdout(&out), expected);
}
