//! `cargo xtask drift` on small vendor-shaped documents written for these tests: one change
//! of each kind a vendor makes, and the report it gives.

use serde_json::{Value, json};
use xtask::drift;

/// The vendor's document as we curated it: one create with a body and one error status.
fn published() -> Value {
    json!({
        "openapi": "3.0.0",
        "paths": {
            "/things/": {
                "post": {
                    "operationId": "Create a Thing",
                    "requestBody": {"content": {"application/json": {"schema": {
                        "$ref": "#/components/schemas/Thing"
                    }}}},
                    "responses": {"201": {"content": {"application/json": {"schema": {
                        "type": "object",
                        "required": ["id", "kind"],
                        "properties": {
                            "id": {"type": "string"},
                            "kind": {"$ref": "#/components/schemas/Kind"}
                        }
                    }}}}}
                }
            }
        },
        "components": {"schemas": {
            "Kind": {"type": "string", "enum": ["A", "B"]},
            "Thing": {
                "type": "object",
                "required": ["name", "enabled"],
                "properties": {
                    "name": {"type": "string", "description": "Words differ; facts do not."},
                    "enabled": {"type": "boolean"},
                    "kind": {"$ref": "#/components/schemas/Kind"},
                    "count": {"type": "number"},
                    "tags": {"type": "array", "items": {"type": "string"}}
                }
            }
        }}
    })
}

/// Our curated spec: the path without the slash, `enabled` optional with a default, `count`
/// an integer 1..=9, the answer's `kind` read as a string, and four decisions saying so.
fn curated() -> Value {
    json!({
        "openapi": "3.0.3",
        "x-telephony-curation": {"decisions": [
            {"at": "create_thing", "facets": ["path"], "kind": "path-changed",
             "vendor": "/things/", "why": "the published path has a stray slash"},
            {"at": "create_thing", "facets": ["operationId"], "kind": "operation-renamed",
             "why": "a sentence is not an identifier"},
            {"at": "create_thing/request/body/enabled", "facets": ["required"],
             "kind": "requirement-relaxed", "vendor": "true", "why": "false when unset"},
            {"at": "create_thing/request/body/enabled", "facets": ["default"],
             "kind": "default-added", "vendor": "(absent)", "why": "false when unset"},
            {"at": "create_thing/request/body/count", "facets": ["type"],
             "kind": "type-narrowed", "vendor": "number", "why": "a count is whole"},
            {"at": "create_thing/request/body/count", "facets": ["minimum", "maximum"],
             "kind": "limit-added", "vendor": "(absent)", "why": "the prose says 1 to 9"},
            {"at": "create_thing/responses/201/body/**", "facets": ["enum"],
             "kind": "enum-read-as-string", "vendor": "closed", "why": "answers are tolerant"}
        ]},
        "paths": {
            "/things": {
                "post": {
                    "operationId": "create_thing",
                    "requestBody": {"content": {"application/json": {"schema": {
                        "type": "object",
                        "description": "Our own words.",
                        "required": ["name"],
                        "properties": {
                            "name": {"type": "string"},
                            "enabled": {"type": "boolean", "default": false},
                            "kind": {"type": "string", "enum": ["A", "B"]},
                            "count": {"type": "integer", "minimum": 1, "maximum": 9},
                            "tags": {"type": "array", "items": {"type": "string"}}
                        }
                    }}}},
                    "responses": {"201": {"content": {"application/json": {"schema": {
                        "allOf": [{"$ref": "#/components/schemas/Created"}]
                    }}}}}
                }
            }
        },
        "components": {"schemas": {
            "Created": {
                "type": "object",
                "required": ["id", "kind"],
                "properties": {
                    "id": {"type": "string"},
                    "kind": {"type": "string", "x-telephony-known-values": ["A", "B"]}
                }
            }
        }}
    })
}

/// Asserts `report` against `tests/snapshots/drift__<test>.snap`. The snapshots are named
/// here: insta would name them after this binary, `it`, and the test.
fn assert_report(test: &str, report: &drift::Report) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(format!("drift__{test}"), report.to_string()));
}

fn report(vendor: &Value) -> drift::Report {
    drift::compare(&curated(), vendor).expect("the documents compare")
}

/// Applies `edit` to the published document and reports the drift.
fn drifted(edit: impl FnOnce(&mut Value)) -> drift::Report {
    let mut vendor = published();
    edit(&mut vendor);
    report(&vendor)
}

#[test]
fn the_document_as_curated_has_no_new_difference() {
    let report = report(&published());
    assert!(report.is_clean(), "{report}");
    assert_eq!(report.holding.len(), 7);
    assert_report("the_document_as_curated_has_no_new_difference", &report);
}

#[test]
fn a_field_the_vendor_added_is_new() {
    let report = drifted(|doc| {
        doc["components"]["schemas"]["Thing"]["properties"]["ringReminder"] =
            json!({"type": "boolean"});
    });
    assert_eq!(report.new.len(), 1, "{report}");
    assert_report("a_field_the_vendor_added_is_new", &report);
}

#[test]
fn an_enum_value_the_vendor_dropped_is_new_in_requests_and_answers() {
    let report = drifted(|doc| {
        doc["components"]["schemas"]["Kind"]["enum"] = json!(["A"]);
    });
    let facets: Vec<_> = report.new.iter().map(|d| d.facet.as_str()).collect();
    assert_eq!(facets, ["value B", "value B"], "{report}");
    assert_report(
        "an_enum_value_the_vendor_dropped_is_new_in_requests_and_answers",
        &report,
    );
}

#[test]
fn a_changed_type_is_new_even_where_a_decision_narrowed_it() {
    let report = drifted(|doc| {
        doc["components"]["schemas"]["Thing"]["properties"]["count"] = json!({"type": "string"});
        doc["components"]["schemas"]["Thing"]["properties"]["tags"]["items"] =
            json!({"type": "integer"});
    });
    let changed: Vec<_> = report.new.iter().map(|d| d.at.as_str()).collect();
    assert_eq!(
        changed,
        [
            "create_thing/request/body/count",
            "create_thing/request/body/tags/#"
        ],
        "{report}"
    );
    assert_report(
        "a_changed_type_is_new_even_where_a_decision_narrowed_it",
        &report,
    );
}

#[test]
fn a_path_the_vendor_changed_leaves_the_operation_unmatched() {
    let report = drifted(|doc| {
        let item = doc["paths"]["/things/"].take();
        doc["paths"]["/v2/things"] = item;
    });
    assert!(!report.is_clean());
    assert_eq!(report.operations, [("create_thing".to_string(), None)]);
    assert_report(
        "a_path_the_vendor_changed_leaves_the_operation_unmatched",
        &report,
    );
}

#[test]
fn a_field_the_vendor_made_required_is_new() {
    let report = drifted(|doc| {
        doc["components"]["schemas"]["Thing"]["required"] = json!(["name", "enabled", "tags"]);
    });
    assert_eq!(report.new.len(), 1, "{report}");
    assert_eq!(report.new[0].facet, "required");
    assert_report("a_field_the_vendor_made_required_is_new", &report);
}

#[test]
fn a_decision_the_vendor_made_unnecessary_is_stale() {
    let report = drifted(|doc| {
        let item = doc["paths"]["/things/"].take();
        doc["paths"]["/things"] = item;
        doc["components"]["schemas"]["Thing"]["properties"]["count"] =
            json!({"type": "integer", "minimum": 1, "maximum": 9});
    });
    assert!(report.new.is_empty(), "{report}");
    let stale: Vec<_> = report.stale.iter().map(|d| d.kind.name()).collect();
    assert_eq!(stale, ["path-changed", "type-narrowed", "limit-added"]);
    assert_report("a_decision_the_vendor_made_unnecessary_is_stale", &report);
}

#[test]
fn a_limit_the_vendor_published_differently_is_new() {
    let report = drifted(|doc| {
        doc["components"]["schemas"]["Thing"]["properties"]["count"]["maximum"] = json!(99);
    });
    assert_eq!(report.new.len(), 1, "{report}");
    assert_eq!(report.new[0].vendor.as_deref(), Some("99"));
}

#[test]
fn a_malformed_decision_is_refused_with_its_place() {
    let mut ours = curated();
    ours["x-telephony-curation"]["decisions"][1]["kind"] = json!("renamed-somehow");
    let err = drift::compare(&ours, &published()).unwrap_err().to_string();
    assert!(err.contains("renamed-somehow"), "{err}");
    ours["x-telephony-curation"]["decisions"][1]["kind"] = json!("operation-renamed");
    ours["x-telephony-curation"]["decisions"][1]["facets"] = json!([]);
    let err = drift::compare(&ours, &published()).unwrap_err().to_string();
    assert!(
        err.contains("decision 1") && err.contains("no facets"),
        "{err}"
    );
}

#[test]
fn a_document_that_is_neither_json_nor_yaml_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.yaml");
    std::fs::write(&path, "paths: [unclosed").unwrap();
    let err = drift::read_document(&path.to_string_lossy()).unwrap_err();
    assert!(err.to_string().contains("broken.yaml"), "{err}");
    let missing = drift::read_document("/nonexistent/published.json").unwrap_err();
    assert!(missing.to_string().contains("/nonexistent/published.json"));
}

#[test]
fn the_workspace_specs_parse_their_decisions() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for spec in ["openapi/dialpad.yaml", "openapi/webex.yaml"] {
        let doc = drift::read_document(&root.join(spec).to_string_lossy()).unwrap();
        let decisions = drift::curation::decisions(&doc).unwrap();
        assert!(decisions.len() >= 10, "{spec}: {}", decisions.len());
        // Compared with itself, a spec has no difference, so every decision is stale.
        let report = drift::compare(&doc, &doc).unwrap();
        assert!(
            report.new.is_empty() && report.holding.is_empty(),
            "{spec}: {report}"
        );
    }
}

/// Serves `answers` (status line and body), one connection each, on a loopback port.
fn serve(answers: Vec<(&'static str, String)>) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for (status, body) in answers {
            let (mut stream, _) = listener.accept().unwrap();
            let mut request = [0u8; 4096];
            let _ = stream.read(&mut request);
            let head = format!(
                "HTTP/1.1 {status}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body.as_bytes());
        }
    });
    format!("http://{address}/published.yml")
}

#[test]
fn a_document_is_read_from_a_url_and_a_refusal_names_it() {
    let yaml = "openapi: 3.0.0\npaths: {}\n".to_string();
    let url = serve(vec![
        ("200 OK", yaml),
        ("404 Not Found", "gone".to_string()),
    ]);
    let doc = drift::read_document(&url).expect("the document is fetched");
    assert_eq!(doc["openapi"], "3.0.0");
    let err = drift::read_document(&url).unwrap_err().to_string();
    assert!(err.contains(&url) && err.contains("404"), "{err}");
}
