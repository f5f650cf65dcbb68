//! The commands that send nothing: help, validate (with positions), schema.

use telephony_fixtures::snapshots::snapshots;

use crate::command::{example, redact, stderr, stdout, telephony, write};

fn output_of(args: &[&str]) -> std::process::Output {
    telephony().args(args).output().expect("runs")
}

#[test]
fn help_shows_the_commands_and_examples() {
    let _snapshots = snapshots().bind_to_scope();
    let help = output_of(&["--help"]);
    assert!(help.status.success());
    insta::assert_snapshot!("offline__help", stdout(&help));
    let apply = output_of(&["apply", "--help"]);
    insta::assert_snapshot!("offline__apply_help", stdout(&apply));
}

#[test]
fn the_example_manifest_is_valid() {
    let example = example();
    let out = output_of(&["validate", example.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("a manifest of 6 items"),
        "{}",
        stdout(&out)
    );
}

const BAD: &str = r#"schedules:
  hq:
    timezone: America/Chicago
    weekly:
      weekdays: ["08:00-17:00", "12:00-13:00"]
  lunch:
    timezone: America/Chicago
    weekly:
      monday: ["09:00-12:00", "13:00-17:00"]
  late:
    timezone: Mars/Olympus
dialpad:
  offices:
    - name: 12345
      country: no
      currency: USD
      plan_period: monthly
      annual_commit_monthly_billing: false
      invoiced: false
      unified_billing: true
      ring_seconds: 99
      monday_hours: [09:00, "17:00"]
      billing_address: {address_line_1: x, city: y, region: z, postal_code: "1", country: NO}
      colour: blue
    - name: Austin
      hours: nope
      country: US
      currency: USD
      plan_period: monthly
      annual_commit_monthly_billing: yes
      invoiced: false
      unified_billing: true
      billing_address: {address_line_1: x, city: y, region: z, postal_code: "1", country: US}
webex:
  operating_modes:
    - name: Hours
      schedule: lunch
      level: LOCATION
      callForwarding: {destination: "+1"}
    - name: Hours
      schedule: lunch
      level: LOCATION
      callForwarding: {destination: "+1"}
"#;

#[test]
fn every_problem_of_a_manifest_is_shown_with_its_line_column_and_path() {
    let _snapshots = snapshots().bind_to_scope();
    let dir = tempfile::tempdir().expect("dir");
    let bad = write(dir.path(), "bad.yaml", BAD);
    let out = output_of(&["validate", bad.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).is_empty());
    insta::assert_snapshot!(
        "offline__validate_problems",
        redact(&stderr(&out), dir.path())
    );

    let json = output_of(&["validate", "--output", "json", bad.to_str().expect("path")]);
    assert_eq!(json.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(report["valid"], false);
    let first = &report["problems"][0];
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(5), Some(33))
    );
}

#[test]
fn yaml_that_cannot_be_read_is_shown_with_its_position() {
    let _snapshots = snapshots().bind_to_scope();
    let dir = tempfile::tempdir().expect("dir");
    let files = [
        write(
            dir.path(),
            "dup.yaml",
            "dialpad:\n  offices: []\ndialpad: {}\n",
        ),
        write(dir.path(), "tab.yaml", "dialpad:\n\toffices: []\n"),
        write(
            dir.path(),
            "unknown.yaml",
            "dialpad:\n  offices: []\nwebx: {}\n",
        ),
        write(
            dir.path(),
            "office.json",
            "{\"name\": \"A\", \"country\": \"US\"}",
        ),
    ];
    let mut command = telephony();
    command.arg("validate").args(&files);
    let out = command.output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!(
        "offline__validate_unreadable",
        redact(&stderr(&out), dir.path())
    );
}

#[test]
fn a_missing_file_is_a_usage_error() {
    let out = output_of(&["validate", "/nonexistent/sites.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("/nonexistent/sites.yaml"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn the_schema_beside_the_example_is_current() {
    let out = output_of(&["schema"]);
    assert!(out.status.success());
    let current = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/manifest.schema.json"),
    )
    .expect("schema file");
    assert_eq!(
        stdout(&out),
        current,
        "run `cargo xtask codegen` (it rewrites crates/telephony-cli/examples/manifest.schema.json)"
    );
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(schema["definitions"]["OfficeEntry"]["properties"]["hours"].is_object());
}

#[test]
fn missing_credentials_are_a_configuration_error_naming_the_variable() {
    let out = output_of(&["plan", example().to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(2));
    // The example names both vendors: every missing variable is named, in one run.
    let said = stderr(&out);
    assert!(
        said.contains("DIALPAD_API_TOKEN") && said.contains("WEBEX_ACCESS_TOKEN"),
        "{said}"
    );
}

#[test]
fn a_base_url_with_white_space_is_a_configuration_error_naming_the_variable() {
    let mut command = telephony();
    command
        .env("DIALPAD_API_TOKEN", "k")
        .env("WEBEX_ACCESS_TOKEN", "t")
        .env("DIALPAD_BASE_URL", "https://dialpad.test/ ")
        .args(["plan", example().to_str().expect("path")]);
    let out = command.output().expect("runs");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("DIALPAD_BASE_URL: base URL") && stderr(&out).contains("white space"),
        "{}",
        stderr(&out)
    );
}
