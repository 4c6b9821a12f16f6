// The app's commands are declared once, as the `#[tauri::command]`
// functions of src/commands.rs. From them the build makes the invoke
// handler (included by lib.rs), the manifest's command list (so Tauri makes
// an `allow-…` permission for each) and the capability file that grants
// exactly those to the window, and nothing else.

// The build uses the list, not the TypeScript client the tests make.
#[allow(dead_code)]
#[path = "command_list.rs"]
mod command_list;

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=src/commands.rs");
    println!("cargo:rerun-if-changed=command_list.rs");
    let source = std::fs::read_to_string("src/commands.rs").expect("src/commands.rs");
    let commands = command_list::read(&source).unwrap_or_else(|e| panic!("{e}"));

    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    write_if_changed(
        &Path::new(&out).join("handler.rs"),
        &command_list::handler(&commands),
    );
    write_if_changed(
        Path::new("capabilities/default.json"),
        &command_list::capability(&commands),
    );

    let names: Vec<&'static str> = commands
        .iter()
        .map(|c| &*Box::leak(c.name.clone().into_boxed_str()))
        .collect();
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(names.leak())),
    )
    .expect("failed to run tauri-build");
}

/// Rewrite only what differs, so an unchanged file keeps its time.
fn write_if_changed(path: &Path, text: &str) {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}
