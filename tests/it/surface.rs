//! API surface snapshots: one readable text per curated spec.
//!
//! A change to a spec (a new field, an enum value, a limit, an `x-` rule) shows up here as a
//! small diff. Accept an intended change with `cargo insta review`.

use telephony_fixtures::snapshots::snapshots;
use telephony_spec::{Vendor, surface};

fn surface_of(vendor: Vendor) -> String {
    let spec = vendor.spec().expect("the curated spec parses");
    surface::render(&spec).expect("the surface renders")
}

#[test]
fn dialpad_surface() {
    let _snapshots = snapshots().bind_to_scope();
    insta::assert_snapshot!("surface__dialpad_surface", surface_of(Vendor::Dialpad));
}

#[test]
fn webex_surface() {
    let _snapshots = snapshots().bind_to_scope();
    insta::assert_snapshot!("surface__webex_surface", surface_of(Vendor::Webex));
}
