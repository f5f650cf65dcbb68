//! What differs between a manifest's item and the resource that exists for it, field by field,
//! after both were normalised the same way ([`normalize`]), and which of the differences the
//! vendor's API can change: Webex's modify sets all but a mode's type, Dialpad's API changes
//! only an office's E911 address.

pub mod dialpad;
mod diff;
mod normalize;
pub mod webex;

use serde_json::Value;

pub use diff::Difference;

use crate::item::Item;

/// How an existing resource differs from what its item asks for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    /// What the vendor's API can change.
    pub update: Vec<Difference>,
    /// What it cannot, each with why.
    pub cannot: Vec<(Difference, String)>,
}

impl Comparison {
    /// Nothing differs.
    pub fn unchanged(&self) -> bool {
        self.update.is_empty() && self.cannot.is_empty()
    }
}

/// How `current` (the vendor's resource as JSON: a listed Dialpad office, a Webex mode as read)
/// differs from what `item` asks for.
pub fn compare(item: &Item, current: &Value) -> Comparison {
    let mut comparison = Comparison::default();
    match item {
        Item::Office { body, .. } => {
            let new = dialpad::normalized(body);
            let mut old = dialpad::normalized(current);
            normalize::align_numbers(&mut old, &new);
            for difference in diff::differences(&old, &new) {
                let field = top_field(&difference.path);
                if field == dialpad::E911 {
                    comparison.update.push(difference);
                } else {
                    comparison
                        .cannot
                        .push((difference, dialpad::CANNOT.to_string()));
                }
            }
        }
        Item::Mode { body, .. } => {
            let kind = body.get("type").and_then(Value::as_str).unwrap_or_default();
            let new = webex::normalized(body, kind);
            let old = webex::normalized(current, kind);
            let updatable = webex::updatable();
            // A mode of another type cannot become this one: its schedule cannot be set either.
            let same_type = old.get("type") == new.get("type");
            for difference in diff::differences(&old, &new) {
                let field = top_field(&difference.path);
                if same_type && updatable.iter().any(|f| f == field) {
                    comparison.update.push(difference);
                } else {
                    comparison
                        .cannot
                        .push((difference, webex::CANNOT.to_string()));
                }
            }
        }
    }
    comparison
}

/// The field of the body a difference's path is in: `holidays` for `holidays[name=X].endDate`.
fn top_field(path: &str) -> &str {
    path.split(['.', '[']).next().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn only_the_e911_address_of_an_office_can_be_updated() {
        let item = Item::office(json!({
            "name": "Denver", "country": "US", "timezone": "America/Denver",
            "e911_address": {"address": "1 Main St", "city": "Denver", "country": "US",
                "state": "CO", "zip": "80202"}
        }));
        let current = json!({
            "id": "1", "name": "Denver", "country": "US", "timezone": "America/Chicago",
            "e911_address": {"address": "2 Main St", "city": "Denver", "country": "US",
                "state": "CO", "zip": "80202"}
        });
        let comparison = compare(&item, &current);
        let paths: Vec<&str> = comparison.update.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, ["e911_address.address"]);
        assert_eq!(comparison.cannot.len(), 1);
        assert_eq!(comparison.cannot[0].0.path, "timezone");
        assert!(
            comparison.cannot[0]
                .1
                .contains("only an office's E911 address")
        );
    }

    #[test]
    fn a_mode_of_another_type_cannot_be_updated_at_all() {
        let item = Item::mode(
            json!({"name": "H", "type": "HOLIDAY", "level": "ORGANIZATION",
                "holidays": [{"name": "X", "startDate": "2027-01-01", "endDate": "2027-01-01",
                    "allDayEnabled": true}],
                "callForwarding": {"destination": "+1"}}),
            None,
            None,
        );
        let current = json!({"id": "M", "name": "H", "type": "SAME_HOURS_DAILY",
            "callForwarding": {"destination": "+1"}});
        let comparison = compare(&item, &current);
        assert!(comparison.update.is_empty(), "{comparison:?}");
        assert_eq!(comparison.cannot.len(), 2, "the type and the holidays");
    }

    #[test]
    fn an_office_as_listed_that_matches_is_unchanged() {
        let body = json!({"name": "Denver", "country": "US", "ring_seconds": 30});
        let current = json!({"id": "1", "name": "Denver", "country": "US", "ring_seconds": "30",
            "monday_hours": ["08:00", "18:00"]});
        assert!(compare(&Item::office(body), &current).unchanged());
    }
}
