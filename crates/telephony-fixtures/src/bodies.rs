//! The bodies the tests and benches send: one office, one operating mode and one call
//! forwarding, each as JSON and typed, so that a change to what "a valid office" is happens in
//! one place.

use serde_json::{Value, json};
use telephony::dialpad_types::CreateOfficeMessage;
use telephony::webex_types::{OperatingModeCallForwarding, OperatingModePostObject};
use telephony_spec::Vendor;

/// The client's example office (`crates/telephony/examples/office.json`): "Chicago Loop", a
/// valid US office with its E911 address, ring time and routing.
pub fn office() -> Value {
    serde_json::from_str(include_str!("../../telephony/examples/office.json"))
        .expect("the example office is JSON")
}

/// [`office`] named `name`.
pub fn office_named(name: &str) -> Value {
    let mut office = office();
    office["name"] = json!(name);
    office
}

/// [`office`] as the generated type.
pub fn typed_office() -> CreateOfficeMessage {
    typed(office())
}

/// [`office_named`] as the generated type.
pub fn typed_office_named(name: &str) -> CreateOfficeMessage {
    typed(office_named(name))
}

/// The request example of the Dialpad spec: "Austin", a valid US office with only the required
/// fields. The mock's own tests send it: it is what the spec they implement documents.
pub fn spec_office() -> Value {
    let spec = Vendor::Dialpad.spec().expect("the Dialpad spec loads");
    telephony_spec::request_example(&spec, "create_office").expect("the spec has an example")
}

/// An organization-level operating mode of type `NONE` named `name`, forwarding to a fixed
/// number (Webex requires a destination, enabled or not).
pub fn mode(name: &str) -> Value {
    json!({
        "name": name,
        "type": "NONE",
        "level": "ORGANIZATION",
        "callForwarding": {"destination": "+19705550006"}
    })
}

/// [`mode`] at the level of `location`.
pub fn mode_at(name: &str, location: &str) -> Value {
    let mut mode = mode(name);
    mode["level"] = json!("LOCATION");
    mode["locationId"] = json!(location);
    mode
}

/// [`mode`] as the generated type.
pub fn typed_mode(name: &str) -> OperatingModePostObject {
    typed(mode(name))
}

/// Call forwarding to `+13125550100`, as the schedule conversions take it.
pub fn forwarding() -> OperatingModeCallForwarding {
    OperatingModeCallForwarding::builder()
        .destination("+13125550100")
        .try_into()
        .expect("complete call forwarding")
}

fn typed<T: serde::de::DeserializeOwned>(body: Value) -> T {
    serde_json::from_value(body).expect("the body fits the generated type")
}
