//! How an input file is read, and where its problems are shown: a number written for text is
//! quoted as written, a wrong key is shown at the key, a tab or bytes that are not UTF-8 are
//! problems at their position, a large manifest parses, and `-` reads standard input.

use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};

use telephony_fixtures::snapshots::snapshots;

use crate::command::{example, redact, stderr, stdout, telephony, write};

/// The example manifest with `from` replaced by `to` (once).
fn example_with(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(example()).expect("example");
    assert_eq!(
        text.matches(from).count(),
        1,
        "{from:?} is in the example once"
    );
    text.replacen(from, to, 1)
}

/// `telephony validate` of `files`.
fn validate(files: &[&Path]) -> Output {
    let mut command = telephony();
    command.arg("validate").args(files);
    command.output().expect("runs")
}

/// `telephony ARGS`, given `input` on standard input.
fn with_stdin(args: &[&str], input: Vec<u8>) -> Output {
    let mut command = telephony();
    command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        // The command may stop reading early (past the limit); what it did not read is moot.
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("ends");
    writer.join().expect("the writer ends");
    out
}

/// What a run printed and how it ended, for a snapshot.
fn shown(out: &Output, dir: &Path) -> String {
    format!(
        "exit: {:?}\n--- stdout\n{}--- stderr\n{}",
        out.status.code(),
        redact(&stdout(out), dir),
        redact(&stderr(out), dir)
    )
}

#[test]
fn a_number_written_where_text_is_expected_is_quoted_as_written() {
    let _s = snapshots().bind_to_scope();
    let dir = tempfile::tempdir().expect("dir");
    let zero = write(
        dir.path(),
        "zip.yaml",
        &example_with("zip: \"60606\"", "zip: 02110"),
    );
    let plain = write(
        dir.path(),
        "zip2.yaml",
        &example_with("zip: \"80202\"", "zip: 80202"),
    );
    let out = validate(&[&zero, &plain]);
    insta::assert_snapshot!("reading__number_for_text", shown(&out, dir.path()));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_key_that_is_not_a_field_is_shown_at_the_key() {
    let _s = snapshots().bind_to_scope();
    let dir = tempfile::tempdir().expect("dir");
    let office = write(
        dir.path(),
        "key.yaml",
        &example_with("plan_period: monthly", "plan_peroid: monthly"),
    );
    let top = write(
        dir.path(),
        "top.yaml",
        "dialpad:\n  offices: []\nwebx:\n  operating_modes: []\n",
    );
    let out = validate(&[&office, &top]);
    insta::assert_snapshot!("reading__unknown_key", shown(&out, dir.path()));
    assert_eq!(out.status.code(), Some(1));
}

/// Offices in the large manifest: past the old ceiling of about 6,000, and quick enough in a
/// debug build.
const LARGE: usize = 10_000;

#[test]
fn a_large_manifest_parses() {
    let _s = snapshots().bind_to_scope();
    let dir = tempfile::tempdir().expect("dir");
    let large = write(
        dir.path(),
        "large.yaml",
        &telephony_fixtures::cli::manifest(LARGE, 0, 1),
    );
    let out = validate(&[&large]);
    insta::assert_snapshot!("reading__large", shown(&out, dir.path()));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn an_anchor_used_by_many_offices_is_ordinary() {
    let _s = snapshots().bind_to_scope();
    let dir = tempfile::tempdir().expect("dir");
    let mut text = telephony_fixtures::cli::manifest(200, 0, 1);
    let address = "billing_address: {address_line_1: 1 Main St, city: Toronto, region: \"ON\", \
                   postal_code: M5V 1A1, country: CA}";
    assert!(text.contains(address), "the fixture's address");
    text = text.replacen(address, &address.replacen(": {", ": &hq {", 1), 1);
    text = text.replace(address, "billing_address: *hq");
    let aliased = write(dir.path(), "aliased.yaml", &text);
    let out = validate(&[&aliased]);
    insta::assert_snapshot!("reading__aliased", shown(&out, dir.path()));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_document_past_the_parsers_limits_is_refused_in_plain_words() {
    let _s = snapshots().bind_to_scope();
    let dir = tempfile::tempdir().expect("dir");
    let deep = write(
        dir.path(),
        "deep.yaml",
        &format!("dialpad: {}{}\n", "[".repeat(100), "]".repeat(100)),
    );
    let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for n in 1..10 {
        let refs = vec![format!("*a{}", n - 1); 10].join(", ");
        bomb.push_str(&format!("a{n}: &a{n} [{refs}]\n"));
    }
    let bomb = write(dir.path(), "bomb.yaml", &bomb);
    let out = validate(&[&deep, &bomb]);
    insta::assert_snapshot!("reading__limits", shown(&out, dir.path()));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_tab_in_indentation_is_said_in_our_words() {
    let _s = snapshots().bind_to_scope();
    let dir = tempfile::tempdir().expect("dir");
    let tab = write(dir.path(), "tab.yaml", "dialpad:\n\toffices: []\n");
    let out = validate(&[&tab]);
    insta::assert_snapshot!("reading__tab", shown(&out, dir.path()));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn bytes_that_are_not_utf8_are_a_problem_at_their_position() {
    let _s = snapshots().bind_to_scope();
    let dir = tempfile::tempdir().expect("dir");
    let latin1 = dir.path().join("latin1.yaml");
    std::fs::write(&latin1, b"dialpad:\n  offices:\n    - name: Caf\xe9\n").expect("write");
    let out = validate(&[&latin1]);
    insta::assert_snapshot!("reading__latin1", shown(&out, dir.path()));
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_dash_reads_standard_input() {
    let _s = snapshots().bind_to_scope();
    let dir = tempfile::tempdir().expect("dir");
    let text = std::fs::read(example()).expect("example");
    let valid = with_stdin(&["validate", "-"], text);
    insta::assert_snapshot!("reading__stdin_valid", shown(&valid, dir.path()));
    assert_eq!(valid.status.code(), Some(0), "{}", stderr(&valid));
}

#[test]
fn a_problem_of_standard_input_is_shown_at_its_position() {
    let _s = snapshots().bind_to_scope();
    let dir = tempfile::tempdir().expect("dir");
    let bad = example_with("zip: \"60606\"", "zip: 02110").into_bytes();
    let invalid = with_stdin(&["validate", "-"], bad);
    insta::assert_snapshot!("reading__stdin_invalid", shown(&invalid, dir.path()));
    assert_eq!(invalid.status.code(), Some(1));
}

#[test]
fn plan_and_apply_read_a_manifest_from_standard_input() {
    let _s = snapshots().bind_to_scope();
    let dir = tempfile::tempdir().expect("dir");
    // With no token, `plan` stops at the credentials after reading: a syntax error of what it
    // read comes first.
    let plan = with_stdin(&["plan", "-"], b"dialpad:\n\toffices: []\n".to_vec());
    insta::assert_snapshot!("reading__stdin_plan", shown(&plan, dir.path()));
    assert_eq!(plan.status.code(), Some(1));

    // The built-in mock journals to a file of its own.
    let text = std::fs::read(example()).expect("example");
    let args = ["--mock", "apply", "--settle-delay", "0", "-"];
    let applied = with_stdin(&args, text);
    assert_eq!(applied.status.code(), Some(0), "{}", stderr(&applied));
    assert!(
        stdout(&applied).contains("6 created"),
        "{}",
        stdout(&applied)
    );
}

#[test]
fn standard_input_past_the_size_limit_is_refused() {
    let _s = snapshots().bind_to_scope();
    let dir = tempfile::tempdir().expect("dir");
    let limit = 16 * 1024 * 1024;
    let mut input = vec![b'#'; limit];
    input.push(b'\n');
    let out = with_stdin(&["validate", "-"], input);
    insta::assert_snapshot!("reading__stdin_too_large", shown(&out, dir.path()));
    assert_eq!(out.status.code(), Some(2));
}
