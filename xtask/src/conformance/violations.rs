//! What a violation Prism reports means for our curated spec: the operation it is about (by
//! our `operationId`), its location and facet in the terms `cargo xtask drift` uses
//! (`create_operating_mode/request/body/sameHoursDaily/mondayToFriday/startTime` ·
//! `required`), and the recorded decision that explains it, if any. A violation no decision
//! explains is a request the vendor would refuse that nobody chose to send.

use serde_json::Value;
use telephony_spec::Vendor;

use crate::drift::DriftError;
use crate::drift::curation::{self, Decision, Kind};

/// One violation as Prism reports it.
#[derive(Debug, Clone)]
pub struct Violation {
    /// Where, as Prism names it (`request`, `body`, `sameHoursDaily`, …; indexes as written).
    pub location: Vec<String>,
    /// `Error` or `Warning`.
    pub severity: String,
    /// The JSON Schema keyword (`required`, `type`, …).
    pub code: String,
    /// Prism's sentence.
    pub message: String,
}

/// One operation of the curated spec, with what is needed to recognise its requests.
#[derive(Debug)]
struct Route {
    operation: String,
    /// Upper case.
    method: String,
    segments: Vec<String>,
    /// The vendor's published path, when a `path-changed` decision records one.
    published: Option<String>,
    /// `(in, name)` of every parameter, ours and the vendor's.
    parameters: Vec<(String, String)>,
}

/// A vendor's operations and decisions.
#[derive(Debug)]
pub struct Context {
    /// Which vendor.
    pub vendor: Vendor,
    routes: Vec<Route>,
    decisions: Vec<Decision>,
}

/// Where a violation is, in the curated spec's terms.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    /// Whether it is about the answer (Prism's own check of the vendor's example or
    /// generated answer against the vendor's schema), not the request.
    pub answer: bool,
    /// The location (`list_operating_modes/parameters/query/limitToLocationId`).
    pub at: String,
    /// The facet (`required`, `type`, …).
    pub facet: String,
}

impl Context {
    /// The operations of `ours` (the curated spec), with the parameters `theirs` (the vendor's
    /// document) gives them too.
    pub fn load(vendor: Vendor, ours: &Value, theirs: &Value) -> Result<Context, DriftError> {
        let decisions = curation::decisions(ours)?;
        let mut routes = Vec::new();
        for op in telephony_spec::doc::operations(ours) {
            let Some(operation) = op.definition["operationId"].as_str() else {
                continue;
            };
            let published = decisions
                .iter()
                .filter(|d| d.kind == Kind::PathChanged)
                .filter_map(|d| {
                    let path = d.vendor.as_deref()?;
                    d.covers(operation, "path", Some(path))
                        .then(|| path.to_string())
                })
                .find(|path| theirs["paths"][path.as_str()].get(op.method).is_some());
            let vendor_route = published.as_deref().unwrap_or(op.route);
            let mut parameters = parameters_of(ours, op.route, op.method);
            parameters.extend(parameters_of(theirs, vendor_route, op.method));
            routes.push(Route {
                operation: operation.to_string(),
                method: op.method.to_uppercase(),
                segments: op.route.split('/').map(str::to_string).collect(),
                published,
                parameters,
            });
        }
        Ok(Context {
            vendor,
            routes,
            decisions,
        })
    }

    fn route(&self, method: &str, path: &str) -> Option<(&Route, Vec<(&str, String)>)> {
        let segments: Vec<&str> = path.split('/').collect();
        self.routes
            .iter()
            .filter(|r| r.method.eq_ignore_ascii_case(method) && r.segments.len() == segments.len())
            .find_map(|route| {
                let mut captured = Vec::new();
                for (pattern, segment) in route.segments.iter().zip(&segments) {
                    match pattern.strip_prefix('{').and_then(|p| p.strip_suffix('}')) {
                        Some(name) if !segment.is_empty() => {
                            captured.push((name, (*segment).to_string()));
                        }
                        _ if pattern == segment => {}
                        _ => return None,
                    }
                }
                Some((route, captured))
            })
    }

    /// Our operationId for a request.
    pub fn operation(&self, method: &str, path: &str) -> Option<String> {
        self.route(method, path).map(|(r, _)| r.operation.clone())
    }

    /// The vendor's published path for a request, when a `path-changed` decision says it is
    /// not ours.
    pub fn rewrite(&self, method: &str, path: &str) -> Option<String> {
        let (route, captured) = self.route(method, path)?;
        let mut published = route.published.clone()?;
        for (name, value) in captured {
            published = published.replace(&format!("{{{name}}}"), &value);
        }
        (published != path).then_some(published)
    }

    /// Where a violation Prism reported for an exchange of `operation` answered `status` is.
    /// Prism checks its own answers too: a location under `response` is the vendor's answer
    /// disagreeing with the vendor's schema (the place is under `responses/STATUS`).
    pub fn locate(&self, operation: &str, status: u16, violation: &Violation) -> Place {
        let mut location: &[String] = &violation.location;
        let answer = location.first().map(String::as_str) == Some("response");
        if answer || location.first().map(String::as_str) == Some("request") {
            location = &location[1..];
        }
        let named = quoted(&violation.message);
        let facet = match violation.code.as_str() {
            "additionalProperties" => "present".to_string(),
            code => code.to_string(),
        };
        let side = if answer {
            format!("{operation}/responses/{status}")
        } else {
            format!("{operation}/request")
        };
        let place = |at: String, facet: String| Place { at, facet, answer };
        let path = |parts: &[String]| {
            let parts: Vec<&str> = parts
                .iter()
                .map(|p| if is_index(p) { "#" } else { p.as_str() })
                .collect();
            parts.join("/")
        };
        match location.split_first() {
            Some((first, rest)) if first == "body" => {
                let at = [format!("{side}/body"), path(rest)]
                    .into_iter()
                    .filter(|p| !p.is_empty())
                    .collect::<Vec<_>>()
                    .join("/");
                match (facet.as_str(), named) {
                    ("required", Some(property)) => place(format!("{at}/{property}"), facet),
                    ("required", None) => place(side, facet),
                    _ => place(at, facet),
                }
            }
            Some((first, rest)) if answer && first == "header" => {
                let name = rest.first().map(String::as_str).or(named).unwrap_or("?");
                place(format!("{side}/headers/{name}"), facet)
            }
            Some((first, rest))
                if ["query", "path", "header", "cookie"].contains(&first.as_str()) =>
            {
                let name = rest.first().map(String::as_str).or(named).unwrap_or("?");
                let name = self.parameter(operation, first, name);
                place(format!("{operation}/parameters/{first}/{name}"), facet)
            }
            _ => place(format!("{side}/{}", path(location)), facet),
        }
    }

    /// A parameter's name as the documents write it (Prism writes query names in lower case).
    fn parameter(&self, operation: &str, place: &str, name: &str) -> String {
        self.routes
            .iter()
            .filter(|r| r.operation == operation)
            .flat_map(|r| &r.parameters)
            .find(|(p, n)| p == place && n.eq_ignore_ascii_case(name))
            .map_or_else(|| name.to_string(), |(_, n)| n.clone())
    }

    /// The decision that explains a violation at `place`. A missing required property means
    /// the vendor's document marks it required (`vendor: "true"`); for other facets the
    /// violation does not tell the vendor's value, so any decision there counts.
    pub fn decision(&self, place: &Place) -> Option<&Decision> {
        let (at, facet) = (place.at.as_str(), place.facet.as_str());
        self.decisions.iter().find(|d| {
            if facet == "required" {
                d.covers(at, facet, Some("true"))
            } else {
                d.matches(at, facet)
            }
        })
    }
}

/// `(in, name)` of the parameters of one operation of `doc` (shared ones included).
fn parameters_of(doc: &Value, route: &str, method: &str) -> Vec<(String, String)> {
    let item = &doc["paths"][route];
    let own = item[method]["parameters"].as_array();
    item["parameters"]
        .as_array()
        .into_iter()
        .chain(own)
        .flatten()
        .filter_map(|p| {
            let p = telephony_spec::doc::resolve(doc, p);
            Some((
                p["in"].as_str()?.to_string(),
                p["name"].as_str()?.to_string(),
            ))
        })
        .collect()
}

/// The last `'quoted'` word of a message (the property a `required` violation names).
fn quoted(message: &str) -> Option<&str> {
    let end = message.rfind('\'')?;
    let start = message[..end].rfind('\'')?;
    Some(&message[start + 1..end]).filter(|s| !s.is_empty())
}

fn is_index(part: &str) -> bool {
    !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn context() -> Context {
        let ours = serde_json::json!({
            "x-telephony-curation": {"decisions": [
                {"at": "create_operating_mode", "facets": ["path"], "kind": "path-changed",
                 "vendor": "/modes/", "why": "w"},
                {"at": "list_operating_modes/parameters/query/limitToLocationId",
                 "facets": ["required"], "kind": "requirement-relaxed", "vendor": "true",
                 "why": "w"}
            ]},
            "paths": {
                "/modes": {
                    "get": {"operationId": "list_operating_modes", "parameters": [
                        {"in": "query", "name": "limitToLocationId", "schema": {"type": "string"}}
                    ]},
                    "post": {"operationId": "create_operating_mode"}
                },
                "/modes/{modeId}": {"get": {"operationId": "get_operating_mode"}}
            }
        });
        let theirs = serde_json::json!({"paths": {"/modes/": {"post": {}}}});
        Context::load(Vendor::Webex, &ours, &theirs).expect("context")
    }

    fn violation(location: &[&str], code: &str, message: &str) -> Violation {
        Violation {
            location: location.iter().map(|s| s.to_string()).collect(),
            severity: "Error".into(),
            code: code.into(),
            message: message.into(),
        }
    }

    #[test]
    fn requests_are_named_and_published_paths_used() {
        let context = context();
        assert_eq!(
            context.operation("GET", "/modes/abc").as_deref(),
            Some("get_operating_mode")
        );
        assert_eq!(
            context.operation("POST", "/modes").as_deref(),
            Some("create_operating_mode")
        );
        assert_eq!(context.operation("DELETE", "/modes"), None);
        assert_eq!(
            context.rewrite("POST", "/modes").as_deref(),
            Some("/modes/")
        );
        assert_eq!(context.rewrite("GET", "/modes"), None);
    }

    #[test]
    fn violations_are_located_and_covered() {
        let context = context();
        let query = violation(
            &["request", "query"],
            "required",
            "Request query must have required property 'limittolocationid'",
        );
        let place = context.locate("list_operating_modes", 400, &query);
        assert_eq!(
            place.at,
            "list_operating_modes/parameters/query/limitToLocationId"
        );
        assert_eq!(place.facet, "required");
        assert!(context.decision(&place).is_some());
        let body = violation(
            &["request", "body", "holidays", "0"],
            "required",
            "Request body property holidays.0 must have required property 'name'",
        );
        let place = context.locate("create_operating_mode", 400, &body);
        assert_eq!(
            place.at,
            "create_operating_mode/request/body/holidays/#/name"
        );
        assert!(context.decision(&place).is_none());
        let made_up = violation(&["body"], "type", "Request body must be object");
        let place = context.locate("create_operating_mode", 422, &made_up);
        assert_eq!(
            (place.at.as_str(), place.facet.as_str()),
            ("create_operating_mode/request/body", "type")
        );
        let answer = violation(
            &["response", "body", "items", "0", "id"],
            "type",
            "Response body property items.0.id must be integer,null",
        );
        let place = context.locate("list_operating_modes", 200, &answer);
        assert!(place.answer);
        assert_eq!(
            place.at,
            "list_operating_modes/responses/200/body/items/#/id"
        );
    }
}
