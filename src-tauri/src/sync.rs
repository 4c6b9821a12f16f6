//! Sync in the background: on demand, every few minutes, and when files in
//! the shared folder change. A sync uses its own database connection, so
//! editing goes on while it runs; one sync runs at a time.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use notify::{RecursiveMode, Watcher};
use tauri::{AppHandle, Emitter, Manager, Runtime};
use wieg::{SyncReport, Workspace};

use crate::error::{Error, Result};
use crate::AppState;

/// How often to sync without being asked.
const EVERY: Duration = Duration::from_secs(5 * 60);
/// Wait this long after the last change in the folder (sync services write
/// in bursts).
const SETTLE: Duration = Duration::from_secs(2);

pub const SYNC_FINISHED: &str = "sync-finished";
pub const SYNC_FAILED: &str = "sync-failed";

pub struct SyncRunner {
    data_dir: PathBuf,
    running: Mutex<()>,
}

impl SyncRunner {
    pub fn new(data_dir: PathBuf) -> Self {
        Self {
            data_dir,
            running: Mutex::new(()),
        }
    }

    /// Sync now on a connection of its own; tell the UI how it went.
    pub fn run<R: Runtime>(&self, app: &AppHandle<R>) -> Result<SyncReport> {
        let _one_at_a_time = self.running.lock().map_err(|_| Error::Poisoned)?;
        let result = Workspace::open(&self.data_dir).and_then(|mut ws| ws.sync());
        match &result {
            Ok(report) => {
                if report.new_replica_id.is_some() {
                    app.state::<AppState>().with(|ws| ws.reload_replica())?;
                }
                let _ = app.emit(SYNC_FINISHED, report);
            }
            Err(e) => {
                let _ = app.emit(SYNC_FAILED, e.payload());
            }
        }
        Ok(result?)
    }
}

/// Whether a file event may bring something new: not our own writes, not
/// temporary files.
fn is_news(path: &Path, me: &str) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    !wieg::sync::folder::is_ignored(&name)
        && !path
            .components()
            .any(|c| c.as_os_str().to_string_lossy().starts_with(me))
}

/// The background loop: a timer and a watcher on the chosen folder.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    std::thread::spawn(move || {
        let (tx, rx) = channel::<PathBuf>();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                if let Ok(event) = event {
                    for path in event.paths {
                        let _ = tx.send(path);
                    }
                }
            })
            .ok();
        let mut watched: Option<PathBuf> = None;
        let mut last_sync = Instant::now() - EVERY + Duration::from_secs(3);
        let mut dirty_since: Option<Instant> = None;
        loop {
            let state = app.state::<AppState>();
            let (folder, me) = state
                .with(|ws| Ok((ws.sync_folder()?, ws.replica().id.to_string())))
                .unwrap_or((None, String::new()));
            if folder != watched {
                if let (Some(w), Some(old)) = (watcher.as_mut(), watched.as_ref()) {
                    let _ = w.unwatch(old);
                }
                if let (Some(w), Some(new)) = (watcher.as_mut(), folder.as_ref()) {
                    let _ = w.watch(new, RecursiveMode::Recursive);
                }
                watched = folder.clone();
            }
            match rx.recv_timeout(Duration::from_secs(1)) {
                Ok(path) if is_news(&path, &me) => dirty_since = Some(Instant::now()),
                Ok(_) | Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => std::thread::sleep(Duration::from_secs(1)),
            }
            let settled = dirty_since.is_some_and(|t| t.elapsed() >= SETTLE);
            let due = last_sync.elapsed() >= EVERY;
            if folder.is_some() && (settled || due) {
                dirty_since = None;
                last_sync = Instant::now();
                let runner = app.state::<Arc<SyncRunner>>();
                let _ = runner.run(&app);
            }
        }
    });
}
