//! What `validate` says about the usual slips in a manifest: a misspelled key or value gets the
//! nearest right one, a broken schedule is one problem at its place (not one more on each item
//! that uses it), and a date that does not exist says why.

use std::path::Path;

use telephony_fixtures::snapshots::snapshots;

use crate::command::{example, redact, stderr, stdout, telephony, write};

/// The example manifest with the first `from` replaced by `to`.
fn example_with(from: &str, to: &str) -> String {
    let text = std::fs::read_to_string(example()).expect("example");
    assert!(text.contains(from), "the example has {from:?}");
    text.replacen(from, to, 1)
}

/// `telephony validate` of `files` (name and text) in `dir`: its exit code and stderr.
fn validate(dir: &Path, files: &[(&str, String)]) -> (Option<i32>, String) {
    let paths: Vec<_> = files
        .iter()
        .map(|(name, text)| write(dir, name, text))
        .collect();
    let out = telephony()
        .arg("validate")
        .args(&paths)
        .output()
        .expect("runs");
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    (out.status.code(), redact(&stderr(&out), dir))
}

#[test]
fn a_misspelled_key_is_one_problem_naming_the_field_meant() {
    let _snapshots = snapshots().bind_to_scope();
    let dir = tempfile::tempdir().expect("dir");
    let (code, said) = validate(
        dir.path(),
        &[
            // The key meant is required: one problem, not a second one for it missing.
            (
                "required.yaml",
                example_with("plan_period: monthly", "plan_peroid: monthly"),
            ),
            // The key meant is optional.
            (
                "optional.yaml",
                example_with("ring_seconds: 25", "ring_second: 25"),
            ),
            // Nothing is near: no suggestion.
            ("far.yaml", example_with("ring_seconds: 25", "colour: blue")),
        ],
    );
    assert_eq!(code, Some(1));
    insta::assert_snapshot!("guidance__misspelled_key", said);
}

#[test]
fn a_value_outside_a_long_enum_gets_the_nearest_value() {
    let _snapshots = snapshots().bind_to_scope();
    let dir = tempfile::tempdir().expect("dir");
    let country = "      country: US\n      currency";
    let (code, said) = validate(
        dir.path(),
        &[
            (
                "uk.yaml",
                example_with(country, "      country: UK\n      currency"),
            ),
            (
                "el.yaml",
                example_with(country, "      country: EL\n      currency"),
            ),
            (
                "lower.yaml",
                example_with(country, "      country: us\n      currency"),
            ),
            (
                "none.yaml",
                example_with(country, "      country: QQ\n      currency"),
            ),
            (
                "period.yaml",
                example_with("plan_period: monthly", "plan_period: monthyl"),
            ),
        ],
    );
    assert_eq!(code, Some(1));
    insta::assert_snapshot!("guidance__enum_suggestion", said);
}

#[test]
fn a_broken_schedule_is_one_problem_naming_the_items_that_use_it() {
    let _snapshots = snapshots().bind_to_scope();
    let dir = tempfile::tempdir().expect("dir");
    let (code, said) = validate(
        dir.path(),
        &[
            (
                "time.yaml",
                example_with(r#"["08:00-17:00"]"#, r#"["9:00-17:00"]"#),
            ),
            (
                "zone.yaml",
                example_with("America/Chicago", "America/Chicgo"),
            ),
            (
                "lunch.yaml",
                example_with(r#"["08:00-17:00"]"#, r#"["08:00-12:00", "12:00-17:00"]"#),
            ),
            // Other problems of an item that uses a broken schedule are still reported.
            (
                "also.yaml",
                example_with("America/Denver", "America/Denvr").replacen(
                    "no_operators_action: voicemail\n\nwebex",
                    "no_operators_action: voicemal\n\nwebex",
                    1,
                ),
            ),
        ],
    );
    assert_eq!(code, Some(1));
    insta::assert_snapshot!("guidance__broken_schedule", said);
}

#[test]
fn a_date_that_does_not_exist_says_why() {
    let _snapshots = snapshots().bind_to_scope();
    let dir = tempfile::tempdir().expect("dir");
    let holiday = |until: &str| {
        example_with(
            "      - name: Christmas Eve (afternoon)\n",
            &format!(
                "      - name: Inventory\n        date: 2027-02-01\n        until: {until}\n      \
                 - name: Christmas Eve (afternoon)\n"
            ),
        )
    };
    let (code, said) = validate(
        dir.path(),
        &[
            ("february.yaml", holiday("2027-02-30")),
            ("leap.yaml", holiday("2028-02-30")),
            ("month.yaml", holiday("2027-13-01")),
            ("day.yaml", holiday("2027-04-00")),
            ("form.yaml", holiday("2027-2-1x")),
            ("slashes.yaml", holiday("02/03/2027")),
        ],
    );
    assert_eq!(code, Some(1));
    insta::assert_snapshot!("guidance__impossible_date", said);
}
