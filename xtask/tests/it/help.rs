//! `cargo xtask TASK --help` says how to run each task and exits 0, as help does.

use std::process::Command;

#[test]
fn each_task_has_help_that_exits_0() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    let _snapshots = settings.bind_to_scope();
    for task in ["codegen", "drift", "conformance"] {
        let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
            .args([task, "--help"])
            .output()
            .expect("runs");
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        insta::assert_snapshot!(
            format!("help__{task}"),
            String::from_utf8_lossy(&out.stdout)
        );
    }
}
