//! A spec the validator cannot fully understand is refused when loaded, naming the problem.

use telephony_spec::SpecError;
use telephony_spec::validate::Validator;

fn load(schemas: &str) -> Result<Validator, SpecError> {
    let text = format!(
        "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n{schemas}"
    );
    let spec = telephony_spec::parse("test.yaml", &text)?;
    Validator::new("test.yaml", &spec)
}

#[test]
fn a_well_formed_rule_loads() {
    let ok = load(
        "    A:\n      type: object\n      x-telephony-rules:\n        - {id: r, kind: not_before, field: b, other: a, message: m}\n",
    );
    assert!(ok.is_ok(), "{ok:?}");
}

#[test]
fn an_unknown_rule_kind_is_an_error() {
    let err = load(
        "    A:\n      type: object\n      x-telephony-rules:\n        - {id: r, kind: sometimes, field: b, message: m}\n",
    )
    .expect_err("unknown kind");
    assert!(
        err.to_string().contains("unknown kind `sometimes`"),
        "{err}"
    );
    assert!(err.to_string().contains("#/components/schemas/A"), "{err}");
}

#[test]
fn a_condition_needs_equals_or_in() {
    let err = load(
        "    A:\n      type: object\n      x-telephony-rules:\n        - {id: r, kind: required_if, field: b, when: [{field: c}], message: m}\n",
    )
    .expect_err("bad condition");
    assert!(
        err.to_string().contains("exactly one of `equals` or `in`"),
        "{err}"
    );
}

#[test]
fn rules_on_an_inline_schema_are_refused() {
    let err = load(
        "    A:\n      type: object\n      properties:\n        b:\n          type: object\n          x-telephony-rules: []\n",
    )
    .expect_err("inline rules");
    assert!(err.to_string().contains("component schema"), "{err}");
}

#[test]
fn a_pattern_that_does_not_compile_is_an_error() {
    let err = load("    A:\n      type: string\n      pattern: '^(unclosed$'\n")
        .expect_err("bad pattern");
    assert!(matches!(err, SpecError::Pattern { .. }), "{err}");
}
