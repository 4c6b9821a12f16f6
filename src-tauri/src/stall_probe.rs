//! For measuring, not for use: with `WIEG_STALL_PROBE=FILE` the app asks the
//! main thread (the one that draws the window and handles input) to run a
//! tiny task every 5 ms, and appends to FILE every wait longer than a frame
//! (16 ms) as `unix-ms wait-ms`. A benchmark reads the longest wait while
//! the app imports, syncs or computes (tests/e2e/bench-stalls.mjs).

use std::io::Write;
use std::path::PathBuf;
use std::sync::mpsc::channel;
use std::time::{Duration, Instant};

use tauri::{AppHandle, Runtime};

pub const ENV: &str = "WIEG_STALL_PROBE";

const EVERY: Duration = Duration::from_millis(5);
const FRAME: Duration = Duration::from_millis(16);

pub fn start<R: Runtime>(app: AppHandle<R>, file: PathBuf) {
    std::thread::spawn(move || loop {
        let sent = Instant::now();
        let (done, ran) = channel();
        if app
            .run_on_main_thread(move || {
                let _ = done.send(());
            })
            .is_err()
        {
            return;
        }
        // The app is closing when the main thread stops answering.
        if ran.recv_timeout(Duration::from_secs(120)).is_err() {
            return;
        }
        let waited = sent.elapsed();
        if waited > FRAME {
            let line = format!("{} {}\n", unix_ms(), waited.as_millis());
            let _ = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&file)
                .and_then(|mut f| f.write_all(line.as_bytes()));
        }
        std::thread::sleep(EVERY);
    });
}

/// Wall time, to line the waits up with the benchmark's own clock.
#[allow(clippy::disallowed_methods)]
fn unix_ms() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0)
}
