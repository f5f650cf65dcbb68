//! The emergency (E911) address of an office the mock created: it is part of the office (the
//! create's `e911_address`), so the office's reads show an address change at once.

use serde_json::{Map, Value};

use super::{AppState, json_size};

impl AppState {
    /// The E911 address of the office with this id (an empty object for an office created
    /// without one), or `None` when no office has the id.
    pub fn office_e911(&self, id: i64) -> Option<Value> {
        let inner = self.lock();
        let record = inner.offices.iter().find(|record| record.id == id)?;
        let address = record.response["office"].get("e911_address").cloned();
        Some(address.unwrap_or_else(|| Value::Object(Map::new())))
    }

    /// Replaces the E911 address of the office with this id by `address` and returns it, or
    /// `None` when no office has the id. The stored bytes are counted again; an address is at
    /// most one request body, so a change never needs room a create did not.
    pub fn replace_office_e911(&self, id: i64, address: Value) -> Option<Value> {
        let mut guard = self.lock();
        let inner = &mut *guard;
        let record = inner.offices.iter_mut().find(|record| record.id == id)?;
        let before = json_size(&record.response);
        let office = record.response.get_mut("office")?.as_object_mut()?;
        office.insert("e911_address".into(), address.clone());
        let after = json_size(&record.response);
        inner.stored_bytes = inner
            .stored_bytes
            .saturating_sub(before)
            .saturating_add(after);
        Some(address)
    }
}
