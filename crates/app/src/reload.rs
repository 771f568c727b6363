//! Watching a `--data` folder: when a curator saves a file, the atlas reloads it within a second.
//!
//! A small thread looks at the files' sizes and modification times twice a second and wakes the
//! UI only when they change, so an idle atlas stays idle. The reload itself happens on the UI
//! thread (see `AtlasApp::reload_if_changed`).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Weak};
use std::time::{Duration, SystemTime};

use eframe::egui;

use atlas_data::FILE_NAMES;

/// Size and modification time of each data file; `None` for a file that cannot be read.
pub type Fingerprint = Vec<Option<(u64, SystemTime)>>;

pub fn fingerprint(dir: &Path) -> Fingerprint {
    FILE_NAMES
        .iter()
        .map(|name| {
            let metadata = std::fs::metadata(dir.join(name)).ok()?;
            Some((metadata.len(), metadata.modified().ok()?))
        })
        .collect()
}

/// How often the folder is looked at.
const POLL: Duration = Duration::from_millis(500);

/// Watches a folder; [`DataWatcher::take_changed`] tells whether something changed since asked.
pub struct DataWatcher {
    pub dir: PathBuf,
    /// The fingerprint of the data now loaded (or last rejected).
    pub seen: Fingerprint,
    changed: Arc<AtomicBool>,
}

impl DataWatcher {
    /// Starts watching; the thread ends by itself when the watcher is dropped.
    pub fn new(dir: PathBuf, ctx: Option<egui::Context>) -> DataWatcher {
        let seen = fingerprint(&dir);
        let changed = Arc::new(AtomicBool::new(false));
        let weak: Weak<AtomicBool> = Arc::downgrade(&changed);
        let thread_dir = dir.clone();
        let mut last = seen.clone();
        let spawned = std::thread::Builder::new().name("data-watcher".into()).spawn(move || {
            loop {
                std::thread::sleep(POLL);
                let Some(flag) = weak.upgrade() else { return };
                let now = fingerprint(&thread_dir);
                if now != last {
                    last = now;
                    flag.store(true, Ordering::Release);
                    if let Some(ctx) = &ctx {
                        ctx.request_repaint();
                    }
                }
            }
        });
        if let Err(error) = spawned {
            // Without the thread the atlas still works; edits just need a restart.
            eprintln!("steppe-atlas: cannot watch {} for changes: {error}", dir.display());
        }
        DataWatcher { dir, seen, changed }
    }

    /// Whether the thread saw a change since the last call.
    pub fn take_changed(&self) -> bool {
        self.changed.swap(false, Ordering::AcqRel)
    }
}
