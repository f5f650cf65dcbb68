//! What a manifest or a single body asks for: one checked request, with what identifies it —
//! its vendor, its name and, for a Webex mode, its organization and location — and the name it
//! had before, when the manifest renames it (`was:`).

use serde_json::Value;
use telephony::Vendor;

use crate::problem::Problem;

/// A request the manifest stands for, checked and ready to send.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A Dialpad office; present when an office with its name (or, renamed, its old name)
    /// exists.
    Office {
        name: String,
        was: Option<String>,
        body: Value,
        /// What a create would need that the manifest leaves out (fields Dialpad does not
        /// report back, such as the billing address): a problem only if it must be created.
        needs: Vec<Problem>,
    },
    /// A Webex operating mode; present when a mode with its name exists in its scope.
    Mode {
        name: String,
        was: Option<String>,
        org_id: Option<String>,
        location: Option<String>,
        body: Value,
    },
}

impl Item {
    /// A Dialpad office from its checked body.
    pub fn office(body: Value) -> Item {
        Item::Office {
            name: name_of(&body),
            was: None,
            body,
            needs: Vec::new(),
        }
    }

    /// A Webex operating mode from its checked body, in its organization and location.
    pub fn mode(body: Value, org_id: Option<String>, location: Option<String>) -> Item {
        Item::Mode {
            name: name_of(&body),
            was: None,
            org_id,
            location,
            body,
        }
    }

    /// The same item, renamed from `was` (the name it has at the vendor until it is updated).
    pub fn renamed_from(mut self, old: Option<String>) -> Item {
        match &mut self {
            Item::Office { was, .. } | Item::Mode { was, .. } => *was = old,
        }
        self
    }

    /// The same item, with what its create would need that the manifest leaves out.
    pub fn needing(mut self, missing: Vec<Problem>) -> Item {
        if let Item::Office { needs, .. } = &mut self {
            *needs = missing;
        }
        self
    }

    /// What its create would need that the manifest leaves out.
    pub fn needs(&self) -> &[Problem] {
        match self {
            Item::Office { needs, .. } => needs,
            Item::Mode { .. } => &[],
        }
    }

    /// The name it had before the manifest renamed it.
    pub fn was(&self) -> Option<&str> {
        match self {
            Item::Office { was, .. } | Item::Mode { was, .. } => was.as_deref(),
        }
    }

    pub fn vendor(&self) -> Vendor {
        match self {
            Item::Office { .. } => Vendor::Dialpad,
            Item::Mode { .. } => Vendor::Webex,
        }
    }

    pub fn name(&self) -> &str {
        match self {
            Item::Office { name, .. } | Item::Mode { name, .. } => name,
        }
    }

    pub fn body(&self) -> &Value {
        match self {
            Item::Office { body, .. } | Item::Mode { body, .. } => body,
        }
    }

    /// What the item is, for people and the journal: `dialpad office "Denver"`,
    /// `webex mode "Business hours" (location LOC, org ORG)`.
    pub fn label(&self) -> String {
        match self {
            Item::Office { name, .. } => format!("dialpad office {name:?}"),
            Item::Mode {
                name,
                org_id,
                location,
                ..
            } => {
                let mut label = format!("webex mode {name:?} (");
                match location {
                    Some(location) => label.push_str(&format!("location {location}")),
                    None => label.push_str("organization level"),
                }
                if let Some(org) = org_id {
                    label.push_str(&format!(", org {org}"));
                }
                label.push(')');
                label
            }
        }
    }
}

/// What an item of `vendor` is, in words: "Dialpad office", "Webex operating mode".
pub fn kind_of(vendor: Vendor) -> &'static str {
    match vendor {
        Vendor::Dialpad => "Dialpad office",
        Vendor::Webex => "Webex operating mode",
    }
}

/// The `name` of a checked body (the specs require it).
fn name_of(body: &Value) -> String {
    body["name"].as_str().unwrap_or_default().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_item_names_its_vendor_and_scope() {
        let office = Item::office(json!({"name": "Denver"}));
        assert_eq!(office.vendor(), Vendor::Dialpad);
        assert_eq!(office.label(), r#"dialpad office "Denver""#);
        let mode = Item::mode(
            json!({"name": "Hours"}),
            Some("ORG".into()),
            Some("LOC".into()),
        );
        assert_eq!(mode.vendor(), Vendor::Webex);
        assert_eq!(mode.name(), "Hours");
        assert_eq!(
            mode.label(),
            r#"webex mode "Hours" (location LOC, org ORG)"#
        );
        let org_level = Item::mode(json!({"name": "Hours"}), None, None);
        assert_eq!(
            org_level.label(),
            r#"webex mode "Hours" (organization level)"#
        );
    }
}
