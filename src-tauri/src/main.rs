// No console window on Windows in release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if let Err(e) = wieg_app::run() {
        eprintln!("wieg-app: {e}");
        std::process::exit(1);
    }
}
