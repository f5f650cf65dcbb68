//! Ctrl-C during a run: no new create is started once it is pressed, those in flight finish
//! and are journaled.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::task::JoinHandle;

/// A watch for Ctrl-C, and whether it was pressed.
pub struct Interrupt {
    pressed: Arc<AtomicBool>,
    watcher: JoinHandle<()>,
}

impl Interrupt {
    /// Starts watching; a press sets the flag and says so on stderr.
    pub fn watch() -> Interrupt {
        let pressed = Arc::new(AtomicBool::new(false));
        let watcher = tokio::spawn({
            let pressed = pressed.clone();
            async move {
                if tokio::signal::ctrl_c().await.is_ok() {
                    pressed.store(true, Ordering::SeqCst);
                    eprintln!("stopping: no new creates; waiting for those in flight");
                }
            }
        });
        Interrupt { pressed, watcher }
    }

    /// The flag a run checks before each new create.
    pub fn flag(&self) -> Arc<AtomicBool> {
        self.pressed.clone()
    }

    /// Stops watching.
    pub fn stop_watching(&self) {
        self.watcher.abort();
    }

    /// Whether Ctrl-C was pressed.
    pub fn pressed(&self) -> bool {
        self.pressed.load(Ordering::SeqCst)
    }
}
