//! What a run shows while it goes: a progress bar on a terminal (with a line for each item
//! that did not end present), one line per outcome otherwise.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

use crate::journal::Entry;

/// A progress bar on a terminal, one line per outcome otherwise.
pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// The progress of a run of `total` items.
    pub fn new(total: usize) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new(total as u64);
            bar.set_style(
                ProgressStyle::with_template("{bar:40} {pos}/{len} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            );
            bar
        });
        Progress { bar }
    }

    /// Shows one item's outcome.
    pub fn report(&self, entry: &Entry) {
        let line = format!(
            "{} {}{}",
            entry.outcome.word(),
            entry.item,
            entry
                .id
                .as_ref()
                .map(|id| format!(" ({id})"))
                .or_else(|| entry.error.as_ref().map(|e| format!(": {e}")))
                .unwrap_or_default()
        );
        match &self.bar {
            Some(bar) => {
                bar.inc(1);
                if !entry.outcome.present() {
                    bar.println(line);
                }
            }
            None => eprintln!("{line}"),
        }
    }

    /// Clears the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
