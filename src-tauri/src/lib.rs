//! Wieg's desktop shell. It opens the workspace, hands the UI thin commands
//! over the core, and does nothing domain-specific itself.

mod commands;
mod error;
mod stall_probe;
mod sync;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use tauri::Runtime;
use wieg::Workspace;

pub use error::{Error, Result};

/// The open workspace, shared by all commands.
pub struct AppState {
    workspace: Arc<Mutex<Workspace>>,
    /// Files exported in this session: the only ones the UI may open.
    exported: Mutex<HashSet<PathBuf>>,
}

impl AppState {
    pub fn new(workspace: Workspace) -> Self {
        Self {
            workspace: Arc::new(Mutex::new(workspace)),
            exported: Mutex::default(),
        }
    }

    /// Run a core call on the workspace on a thread for blocking work, never
    /// the main thread: the window stays responsive however long it takes.
    pub async fn run<T: Send + 'static>(
        &self,
        call: impl FnOnce(&mut Workspace) -> wieg::Result<T> + Send + 'static,
    ) -> Result<T> {
        let workspace = Arc::clone(&self.workspace);
        blocking(move || {
            let mut ws = workspace.lock().map_err(|_| Error::Poisoned)?;
            Ok(call(&mut ws)?)
        })
        .await
    }

    /// Run a core call on the workspace on the calling thread (the sync
    /// thread's own bookkeeping; commands use [`AppState::run`]).
    pub fn with<T>(&self, call: impl FnOnce(&mut Workspace) -> wieg::Result<T>) -> Result<T> {
        let mut ws = self.workspace.lock().map_err(|_| Error::Poisoned)?;
        Ok(call(&mut ws)?)
    }

    /// Remember a file this session wrote for a partner.
    pub fn exported(&self, path: PathBuf) -> Result<String> {
        let text = path.display().to_string();
        self.exported
            .lock()
            .map_err(|_| Error::Poisoned)?
            .insert(path);
        Ok(text)
    }

    /// `path`, if this session exported it.
    pub fn was_exported(&self, path: &str) -> Result<PathBuf> {
        let path = PathBuf::from(path);
        if self
            .exported
            .lock()
            .map_err(|_| Error::Poisoned)?
            .contains(&path)
        {
            Ok(path)
        } else {
            Err(Error::NotExported(path.display().to_string()))
        }
    }
}

/// Work that may take a while (typesetting, writing a file) on a thread
/// for blocking work.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T> + Send + 'static,
) -> Result<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .map_err(|e| Error::Startup(e.to_string()))?
}

/// How the app was asked to start.
#[derive(Debug, Default, PartialEq)]
pub struct Options {
    /// `--data DIR`: the data directory (else `WIEG_DATA`, else the default).
    pub data: Option<PathBuf>,
    /// `--demo`: open a separate demo data directory with the demo coalition.
    pub demo: bool,
}

impl Options {
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Self> {
        let mut options = Options::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--demo" => options.demo = true,
                "--data" => {
                    let dir = args
                        .next()
                        .ok_or_else(|| Error::Startup("--data verwacht een map".into()))?;
                    options.data = Some(PathBuf::from(dir));
                }
                other if other.starts_with("--data=") => {
                    options.data = Some(PathBuf::from(&other[7..]))
                }
                // Other arguments (e.g. from a desktop launcher) are not ours.
                _ => {}
            }
        }
        Ok(options)
    }

    /// Open the workspace these options point at; a demo is loaded on first use.
    pub fn open_workspace(&self) -> Result<Workspace> {
        let chosen =
            self.data.is_some() || std::env::var_os("WIEG_DATA").is_some_and(|v| !v.is_empty());
        let mut dir = wieg::resolve_data_dir(self.data.clone())?;
        // The demo never mixes with real data: without a chosen directory it
        // lives in a folder of its own.
        if self.demo && !chosen {
            dir = dir.join("demo");
        }
        let mut ws = Workspace::open(&dir)?;
        if self.demo && ws.coalition()?.is_none() {
            ws.load_demo()?;
        }
        Ok(ws)
    }
}

/// The app with its commands and state, over any runtime (tests use a mock one).
pub fn builder<R: Runtime>(state: AppState, runner: sync::SyncRunner) -> tauri::Builder<R> {
    tauri::Builder::<R>::new()
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(Arc::new(runner))
        .setup(|app| {
            sync::start(app.handle().clone());
            if let Some(file) = std::env::var_os(stall_probe::ENV) {
                stall_probe::start(app.handle().clone(), file.into());
            }
            Ok(())
        })
        // Every command of commands.rs (see build.rs).
        .invoke_handler(include!(concat!(env!("OUT_DIR"), "/handler.rs")))
}

pub fn run() -> Result<()> {
    let options = Options::parse(std::env::args().skip(1))?;
    let workspace = options.open_workspace()?;
    let runner = sync::SyncRunner::new(workspace.data_dir().to_path_buf());
    builder::<tauri::Wry>(AppState::new(workspace), runner)
        .run(tauri::generate_context!())
        .map_err(|e| Error::Startup(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn options_from_the_command_line() {
        assert_eq!(Options::parse(args(&[])).unwrap(), Options::default());
        let o = Options::parse(args(&["--demo", "--data", "/tmp/x"])).unwrap();
        assert_eq!((o.demo, o.data), (true, Some(PathBuf::from("/tmp/x"))));
        assert_eq!(
            Options::parse(args(&["--data=/a"])).unwrap().data,
            Some(PathBuf::from("/a"))
        );
        assert!(Options::parse(args(&["--data"])).is_err());
    }

    #[test]
    fn demo_option_loads_the_demo_once() {
        let dir = tempfile::tempdir().unwrap();
        let options = Options {
            data: Some(dir.path().to_path_buf()),
            demo: true,
        };
        let ws = options.open_workspace().unwrap();
        let n = ws.network_summary().unwrap().organisations;
        assert!(n >= 40);
        drop(ws);
        let ws = options.open_workspace().unwrap();
        assert_eq!(
            ws.network_summary().unwrap().organisations,
            n,
            "reopening does not load it twice"
        );
    }
}
