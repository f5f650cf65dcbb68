//! The `x-telephony-rules` extension: rules a spec states that JSON Schema 3.0 cannot express.
//!
//! Each rule sits on the object schema it constrains and has an `id`, a `kind` and a
//! `message`. The kinds:
//! - `required_if`: `field` is required when every condition of `when` holds, and not every
//!   condition of `unless` (at least one of the two lists is given). A condition is
//!   `{field, equals: V}` or `{field, in: [V, …]}`; an absent field counts as its schema
//!   `default` (so an absent `allDayEnabled` with `default: false` is false).
//! - `time_pairs`: each array named in `fields` holds `HH:MM` open/close pairs: an even number
//!   of times, strictly ascending.
//! - `not_before`: the date `field` is not earlier than the date `other`.
//! - `time_before`: the `HH:MM` time `field` is strictly earlier than the time `other`, when
//!   every condition of the optional `when` holds.
//! - `any_of`: at least one of the fields named in `fields` is present (and not null).

use serde_json::{Map, Value};

use crate::violation::{Path, ViolationList, is_date};

/// A rule the validator does not understand, with the reason.
#[derive(Debug)]
pub(crate) struct RuleError(pub String);

/// One parsed rule.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    /// `field` is required when all `when` conditions hold and not all `unless` ones do.
    RequiredIf {
        /// The rule's id.
        id: String,
        /// The field that becomes required.
        field: String,
        /// Conditions that must all hold (none: always).
        when: Vec<Condition>,
        /// Conditions that, when all hold, exempt the object (none: never).
        unless: Vec<Condition>,
        /// The message for a violation.
        message: String,
    },
    /// Each array in `fields` holds ascending `HH:MM` open/close pairs.
    TimePairs {
        /// The rule's id.
        id: String,
        /// The array fields it applies to.
        fields: Vec<String>,
        /// The general statement of the rule.
        message: String,
    },
    /// The date in `field` is not before the date in `other`.
    NotBefore {
        /// The rule's id.
        id: String,
        /// The later date.
        field: String,
        /// The earlier date.
        other: String,
        /// The message for a violation.
        message: String,
    },
    /// The time in `field` is strictly before the time in `other`, when all `when` hold.
    TimeBefore {
        /// The rule's id.
        id: String,
        /// The earlier time.
        field: String,
        /// The later time.
        other: String,
        /// Conditions that must all hold for the rule to apply (none: always).
        when: Vec<Condition>,
        /// The message for a violation.
        message: String,
    },
    /// At least one of `fields` is present.
    AnyOf {
        /// The rule's id.
        id: String,
        /// The fields of which one is needed.
        fields: Vec<String>,
        /// The message for a violation.
        message: String,
    },
}

/// A condition on a sibling field.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    /// The field equals the value.
    Equals {
        /// The sibling field.
        field: String,
        /// The value it must have.
        value: Value,
    },
    /// The field equals one of the values.
    In {
        /// The sibling field.
        field: String,
        /// The values it may have.
        values: Vec<Value>,
    },
}

fn text(entry: &Value, key: &str) -> Result<String, RuleError> {
    entry
        .get(key)
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| RuleError(format!("a rule needs a string `{key}`: {entry}")))
}

fn texts(entry: &Value, key: &str) -> Result<Vec<String>, RuleError> {
    let list = entry.get(key).and_then(Value::as_array);
    let names: Option<Vec<String>> =
        list.and_then(|l| l.iter().map(|v| v.as_str().map(str::to_string)).collect());
    names.ok_or_else(|| RuleError(format!("a rule needs a list of strings `{key}`: {entry}")))
}

impl Rule {
    /// Parses the value of an `x-telephony-rules` key.
    pub(crate) fn parse_list(list: &Value) -> Result<Vec<Rule>, RuleError> {
        let entries = list
            .as_array()
            .ok_or_else(|| RuleError("x-telephony-rules must be a list".into()))?;
        entries.iter().map(Rule::parse).collect()
    }

    fn parse(entry: &Value) -> Result<Rule, RuleError> {
        let id = text(entry, "id")?;
        let message = text(entry, "message")?;
        match text(entry, "kind")?.as_str() {
            "required_if" => {
                let when = conditions(&id, entry, "when")?;
                let unless = conditions(&id, entry, "unless")?;
                if when.is_empty() && unless.is_empty() {
                    return Err(RuleError(format!(
                        "rule {id}: `when` or `unless` must be a non-empty list"
                    )));
                }
                Ok(Rule::RequiredIf {
                    field: text(entry, "field")?,
                    when,
                    unless,
                    id,
                    message,
                })
            }
            "time_before" => Ok(Rule::TimeBefore {
                field: text(entry, "field")?,
                other: text(entry, "other")?,
                when: conditions(&id, entry, "when")?,
                id,
                message,
            }),
            "any_of" => Ok(Rule::AnyOf {
                fields: texts(entry, "fields")?,
                id,
                message,
            }),
            "time_pairs" => Ok(Rule::TimePairs {
                fields: texts(entry, "fields")?,
                id,
                message,
            }),
            "not_before" => Ok(Rule::NotBefore {
                field: text(entry, "field")?,
                other: text(entry, "other")?,
                id,
                message,
            }),
            other => Err(RuleError(format!("rule {id}: unknown kind `{other}`"))),
        }
    }

    /// The rule's id, as given in the spec.
    pub fn id(&self) -> &str {
        match self {
            Rule::RequiredIf { id, .. }
            | Rule::TimePairs { id, .. }
            | Rule::NotBefore { id, .. }
            | Rule::TimeBefore { id, .. }
            | Rule::AnyOf { id, .. } => id,
        }
    }

    /// The fields of the object the rule reads, each with whether it reads the value (`true`)
    /// or only whether the field is there and not null.
    pub(crate) fn fields(&self) -> Vec<(String, bool)> {
        let of_conditions = |when: &[Condition]| {
            when.iter()
                .map(|c| match c {
                    Condition::Equals { field, .. } | Condition::In { field, .. } => {
                        (field.clone(), true)
                    }
                })
                .collect::<Vec<_>>()
        };
        match self {
            Rule::RequiredIf {
                field,
                when,
                unless,
                ..
            } => {
                let mut fields = of_conditions(when);
                fields.extend(of_conditions(unless));
                fields.push((field.clone(), false));
                fields
            }
            Rule::TimePairs { fields, .. } => fields.iter().map(|f| (f.clone(), true)).collect(),
            Rule::AnyOf { fields, .. } => fields.iter().map(|f| (f.clone(), false)).collect(),
            Rule::NotBefore { field, other, .. } => {
                vec![(field.clone(), true), (other.clone(), true)]
            }
            Rule::TimeBefore {
                field, other, when, ..
            } => {
                let mut fields = of_conditions(when);
                fields.extend([(field.clone(), true), (other.clone(), true)]);
                fields
            }
        }
    }

    /// Checks the rule on an object found at `path`; `default_of` gives a field's schema
    /// default.
    pub(crate) fn check(
        &self,
        map: &Map<String, Value>,
        path: &Path<'_>,
        default_of: &dyn Fn(&str) -> Option<Value>,
        out: &mut ViolationList,
    ) {
        let id = self.id();
        match self {
            Rule::RequiredIf {
                field,
                when,
                unless,
                message,
                ..
            } => {
                let present = map.get(field).is_some_and(|v| !v.is_null());
                let exempt = !unless.is_empty() && unless.iter().all(|c| c.holds(map, default_of));
                if !present && !exempt && when.iter().all(|c| c.holds(map, default_of)) {
                    out.push(Path::Field(path, field).violation(id, message.clone()));
                }
            }
            Rule::TimePairs { fields, .. } => {
                for field in fields {
                    let Some(items) = map.get(field).and_then(Value::as_array) else {
                        continue;
                    };
                    check_pairs(items, &Path::Field(path, field), id, out);
                }
            }
            Rule::NotBefore {
                field,
                other,
                message,
                ..
            } => {
                if let Some((end, start)) = texts_of(map, field, other, is_date)
                    && end < start
                {
                    out.push(
                        Path::Field(path, field)
                            .violation(id, format!("{message} ({end} is before {start})")),
                    );
                }
            }
            Rule::TimeBefore {
                field,
                other,
                when,
                message,
                ..
            } => {
                if let Some((start, end)) = texts_of(map, field, other, |t| is_time(t.as_bytes()))
                    && when.iter().all(|c| c.holds(map, default_of))
                    && start >= end
                {
                    out.push(
                        Path::Field(path, field)
                            .violation(id, format!("{message} ({start} is not before {end})")),
                    );
                }
            }
            Rule::AnyOf {
                fields, message, ..
            } => {
                if !fields
                    .iter()
                    .any(|f| map.get(f).is_some_and(|v| !v.is_null()))
                {
                    out.push(path.violation(id, message.clone()));
                }
            }
        }
    }
}

/// The texts of two fields when both are present and valid (`YYYY-MM-DD` dates and `HH:MM`
/// times then compare correctly as text); an invalid one is reported by its own schema.
fn texts_of<'m>(
    map: &'m Map<String, Value>,
    first: &str,
    second: &str,
    valid: fn(&str) -> bool,
) -> Option<(&'m str, &'m str)> {
    let text = |name: &str| map.get(name).and_then(Value::as_str).filter(|t| valid(t));
    Some((text(first)?, text(second)?))
}

/// The optional condition list `key` (`when`, `unless`) of a rule (none: an empty list).
fn conditions(id: &str, entry: &Value, key: &str) -> Result<Vec<Condition>, RuleError> {
    match entry.get(key) {
        None => Ok(Vec::new()),
        Some(Value::Array(list)) => list.iter().map(|c| Condition::parse(id, c)).collect(),
        Some(other) => Err(RuleError(format!(
            "rule {id}: `{key}` must be a list: {other}"
        ))),
    }
}

/// Even count and strictly ascending; items that are not `HH:MM` are reported by their pattern
/// and leave the pairing unchecked, so one typo is one violation.
fn check_pairs(items: &[Value], at: &Path<'_>, rule: &str, out: &mut ViolationList) {
    let times: Option<Vec<&str>> = items
        .iter()
        .map(|v| v.as_str().filter(|t| is_time(t.as_bytes())))
        .collect();
    let Some(times) = times else { return };
    if times.len() % 2 == 1 {
        let count = times.len();
        out.push(at.violation(
            rule,
            format!("must hold open/close pairs: {count} times is an odd number"),
        ));
    }
    for (index, pair) in times.windows(2).enumerate() {
        if pair[1] <= pair[0] {
            out.push(Path::Index(at, index + 1).violation(
                rule,
                format!(
                    "{} must be later than the time before it ({})",
                    pair[1], pair[0]
                ),
            ));
        }
    }
}

/// Whether `text` is a time as `HH:MM` (00:00 to 23:59).
pub(crate) fn is_time(text: &[u8]) -> bool {
    let bytes = text;
    let Ok(text) = std::str::from_utf8(text) else {
        return false;
    };
    bytes.len() == 5
        && bytes[2] == b':'
        && text[..2].parse::<u8>().is_ok_and(|h| h < 24)
        && text[3..].parse::<u8>().is_ok_and(|m| m < 60)
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 2 || b.is_ascii_digit())
}

impl Condition {
    fn parse(id: &str, entry: &Value) -> Result<Condition, RuleError> {
        let field = text(entry, "field")?;
        match (
            entry.get("equals"),
            entry.get("in").and_then(Value::as_array),
        ) {
            (Some(value), None) => Ok(Condition::Equals {
                field,
                value: value.clone(),
            }),
            (None, Some(values)) => Ok(Condition::In {
                field,
                values: values.clone(),
            }),
            _ => Err(RuleError(format!(
                "rule {id}: a condition needs exactly one of `equals` or `in`: {entry}"
            ))),
        }
    }

    fn holds(&self, map: &Map<String, Value>, default_of: &dyn Fn(&str) -> Option<Value>) -> bool {
        let (field, accepts): (&str, &dyn Fn(&Value) -> bool) = match self {
            Condition::Equals { field, value } => (field, &move |v: &Value| v == value),
            Condition::In { field, values } => (field, &move |v: &Value| values.contains(v)),
        };
        match map.get(field).filter(|v| !v.is_null()) {
            Some(actual) => accepts(actual),
            None => default_of(field).is_some_and(|d| accepts(&d)),
        }
    }
}
