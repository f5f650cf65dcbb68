//! Where the snapshot tests keep their snapshots: each crate's `tests/snapshots/`, a file
//! `<module>__<name>.snap` per snapshot. The modules of a crate's tests share one test binary,
//! `it`, whose name insta would otherwise put before every snapshot's.

/// Settings for the snapshot assertions of a module of `tests/it/`: snapshots in
/// `tests/snapshots/`, named as the assertion names them (`"offline__help"`), with nothing put
/// before the name. Bind them for a test with `let _snapshots = snapshots().bind_to_scope();`.
pub fn snapshots() -> insta::Settings {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings
}
