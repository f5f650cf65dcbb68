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

#[test]
fn a_keyword_or_format_the_validator_does_not_interpret_is_refused_with_where() {
    for (schema, keyword, pointer) in [
        (
            "    A:\n      oneOf: [{type: string}, {type: integer}]\n",
            "oneOf",
            "#/components/schemas/A",
        ),
        (
            "    A:\n      type: object\n      properties:\n        mail: {type: string, format: email}\n",
            "format: email",
            "#/components/schemas/A/properties/mail",
        ),
        (
            "    A:\n      type: array\n      items: {type: integer, multipleOf: 5}\n",
            "multipleOf",
            "#/components/schemas/A/items",
        ),
        (
            "    A:\n      type: object\n      properties:\n        b: {not: {type: string}}\n",
            "not",
            "#/components/schemas/A/properties/b",
        ),
    ] {
        let err = load(schema).expect_err(keyword);
        let text = err.to_string();
        assert!(text.contains(&format!("`{keyword}`")), "{keyword}: {text}");
        assert!(text.contains(pointer), "{keyword}: {text}");
    }
    let annotated = load(
        "    A:\n      type: string\n      description: d\n      example: e\n      x-anything: 1\n",
    );
    assert!(annotated.is_ok(), "{annotated:?}");
}

#[test]
fn a_misspelled_keyword_is_refused() {
    let err = load("    A:\n      type: string\n      maxLenght: 3\n").expect_err("misspelled");
    assert!(err.to_string().contains("`maxLenght`"), "{err}");
}
