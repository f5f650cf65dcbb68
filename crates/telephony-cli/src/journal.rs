//! The journal of a run: one JSON line per item outcome, written and synced to disk before the
//! next is reported, so that a run cut short (a crash, Ctrl-C, a killed process) leaves a
//! record that matches what was done. A line cut in half by a crash is the only line that can
//! be incomplete; reading skips it.

use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::item::Item;

/// How an item ended in a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Recorded {
    /// Created by this run.
    Created,
    /// An attempt's outcome was unknown and reading back found it: it exists.
    Found,
    /// It existed before this run (found when planning); older journals say so of what
    /// existed, whether or not it matched.
    Exists,
    /// It existed as the manifest says: nothing was sent.
    Unchanged,
    /// It existed and differed; this run updated it.
    Updated,
    /// It differs in what the vendor's API cannot change; `error` names the fields.
    Unchangeable,
    /// Not in the manifest and deleted by `apply --prune` (or already gone).
    Deleted,
    /// Not created: refused, or every attempt failed and was read back as not carried out.
    Failed,
    /// Unknown: an attempt may have created it and reading back failed. The next run reads
    /// back again.
    Ambiguous,
}

impl Recorded {
    /// Whether the item is as the manifest says after this outcome (or, deleted, gone as it
    /// says).
    pub fn present(self) -> bool {
        matches!(
            self,
            Recorded::Created
                | Recorded::Found
                | Recorded::Exists
                | Recorded::Unchanged
                | Recorded::Updated
                | Recorded::Deleted
        )
    }

    pub fn word(self) -> &'static str {
        match self {
            Recorded::Created => "created",
            Recorded::Found => "found",
            Recorded::Exists => "exists",
            Recorded::Unchanged => "unchanged",
            Recorded::Updated => "updated",
            Recorded::Unchangeable => "unchangeable",
            Recorded::Deleted => "deleted",
            Recorded::Failed => "failed",
            Recorded::Ambiguous => "ambiguous",
        }
    }
}

/// One line of the journal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// When it was written (RFC 3339, UTC).
    pub at: String,
    /// The item, as `telephony plan` names it.
    pub item: String,
    /// `dialpad` or `webex`.
    pub vendor: String,
    /// The item's name.
    pub name: String,
    /// How it ended.
    pub outcome: Recorded,
    /// The resource's id, when it is present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Why it failed or is unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Entry {
    /// The entry of `item`, written now.
    pub fn new(item: &Item, outcome: Recorded, id: Option<String>, error: Option<String>) -> Entry {
        Entry::labelled(item.label(), item.vendor(), item.name(), outcome, id, error)
    }

    /// The entry of what `label` names (a resource the manifest does not name), written now.
    pub fn labelled(
        label: String,
        vendor: telephony::Vendor,
        name: &str,
        outcome: Recorded,
        id: Option<String>,
        error: Option<String>,
    ) -> Entry {
        Entry {
            at: now(),
            item: label,
            vendor: vendor.name().to_string(),
            name: name.to_string(),
            outcome,
            id,
            error,
        }
    }
}

/// An open journal, appended to.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: Mutex<File>,
}

/// A journal that cannot be opened, written or read.
#[derive(Debug, thiserror::Error)]
#[error("journal {path}: {source}")]
pub struct JournalError {
    pub path: String,
    pub source: std::io::Error,
}

impl Journal {
    /// Opens `path` for appending (creating it).
    pub fn open(path: &Path) -> Result<Journal, JournalError> {
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|source| JournalError {
                path: path.display().to_string(),
                source,
            })?;
        Ok(Journal {
            path: path.to_path_buf(),
            file: Mutex::new(file),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Appends an entry and syncs it to disk.
    pub fn record(&self, entry: &Entry) -> Result<(), JournalError> {
        let mut line = serde_json::to_vec(entry).unwrap_or_default();
        line.push(b'\n');
        let mut file = self.file.lock().unwrap_or_else(|p| p.into_inner());
        file.write_all(&line)
            .and_then(|()| file.sync_data())
            .map_err(|source| JournalError {
                path: self.path.display().to_string(),
                source,
            })
    }

    /// Every complete entry of the journal at `path` (none if it does not exist).
    pub fn read(path: &Path) -> Result<Vec<Entry>, JournalError> {
        let file = match File::open(path) {
            Ok(file) => file,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => {
                return Err(JournalError {
                    path: path.display().to_string(),
                    source,
                });
            }
        };
        let mut entries = Vec::new();
        for line in BufReader::new(file).lines() {
            let line = line.map_err(|source| JournalError {
                path: path.display().to_string(),
                source,
            })?;
            if let Ok(entry) = serde_json::from_str::<Entry>(&line) {
                entries.push(entry);
            }
        }
        Ok(entries)
    }
}

/// The journal of a run of `file` when none is asked for: `FILE.journal.jsonl` beside it;
/// with the in-process mock (whose state ends with the process) a fresh file in the temporary
/// directory instead.
pub fn default_path(file: &Path, mock: bool) -> PathBuf {
    if mock {
        let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%S%.3f");
        return std::env::temp_dir().join(format!(
            "telephony-mock-{stamp}-{}.journal.jsonl",
            std::process::id()
        ));
    }
    file.with_extension("journal.jsonl")
}

/// Where a run journals: the path asked for, or the default. With the in-process mock and no
/// path asked for, the default is a scratch file, removed when the run ends (dropped): the
/// mock's state ends with the process, and so does what the journal would be for.
#[derive(Debug)]
pub struct Place {
    path: PathBuf,
    scratch: bool,
}

impl Place {
    /// `asked` (`--journal`), or else the default for a run of `file`.
    pub fn choose(asked: Option<PathBuf>, file: &Path, mock: bool) -> Place {
        match asked {
            Some(path) => Place {
                path,
                scratch: false,
            },
            None => Place {
                path: default_path(file, mock),
                scratch: mock,
            },
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the journal stays after the run (so saying where it is tells something).
    pub fn kept(&self) -> bool {
        !self.scratch
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        if self.scratch {
            // A scratch journal that is already gone, or cannot be removed, is no harm.
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Now, as RFC 3339 in UTC.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_appended_and_a_torn_last_line_is_skipped() {
        let dir = std::env::temp_dir().join(format!("journal-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let path = dir.join("j.jsonl");
        let _ = std::fs::remove_file(&path);
        let entry = |name: &str, outcome| Entry {
            at: now(),
            item: format!("dialpad office {name:?}"),
            vendor: "dialpad".into(),
            name: name.into(),
            outcome,
            id: Some("1".into()),
            error: None,
        };
        let journal = Journal::open(&path).expect("open");
        journal
            .record(&entry("A", Recorded::Created))
            .expect("write");
        journal
            .record(&entry("B", Recorded::Exists))
            .expect("write");
        drop(journal);
        let mut file = OpenOptions::new().append(true).open(&path).expect("open");
        file.write_all(b"{\"at\": \"2026-").expect("torn line");
        let read = Journal::read(&path).expect("read");
        assert_eq!(read.len(), 2);
        assert_eq!(read[1].outcome, Recorded::Exists);
        assert!(
            Journal::read(&dir.join("absent.jsonl"))
                .expect("none")
                .is_empty()
        );
        std::fs::remove_dir_all(&dir).expect("clean");
    }

    #[test]
    fn a_scratch_journal_is_removed_and_one_asked_for_is_kept() {
        let scratch = Place::choose(None, Path::new("sites.yaml"), true);
        assert!(!scratch.kept());
        Journal::open(scratch.path()).expect("open");
        let path = scratch.path().to_path_buf();
        assert!(path.exists());
        drop(scratch);
        assert!(!path.exists());

        let dir = std::env::temp_dir().join(format!("journal-kept-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        let asked = Place::choose(Some(dir.join("mine.jsonl")), Path::new("sites.yaml"), true);
        assert!(asked.kept());
        Journal::open(asked.path()).expect("open");
        drop(asked);
        assert!(dir.join("mine.jsonl").exists());
        std::fs::remove_dir_all(&dir).expect("clean");

        let beside = Place::choose(None, Path::new("sites.yaml"), false);
        assert!(beside.kept());
        assert_eq!(beside.path(), Path::new("sites.journal.jsonl"));
    }
}
