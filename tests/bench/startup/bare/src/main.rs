//! One Tauri window showing a static page: what any Tauri v2 app costs
//! before it does anything of its own.

// Like wieg-app: no console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if let Err(e) = tauri::Builder::default().run(tauri::generate_context!()) {
        eprintln!("wieg-bench-bare: {e}");
        std::process::exit(1);
    }
}
