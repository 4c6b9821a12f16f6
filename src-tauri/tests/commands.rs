//! The commands are declared once (the `#[tauri::command]` functions of
//! src/commands.rs); everything else that lists them is made from that, and
//! these tests fail when a made file is stale or a command breaks the rules.

#![allow(clippy::unwrap_used)]

#[path = "../command_list.rs"]
mod command_list;

use std::path::{Path, PathBuf};

fn shell() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn commands() -> Vec<command_list::Command> {
    let source = std::fs::read_to_string(shell().join("src/commands.rs")).unwrap();
    command_list::read(&source).unwrap()
}

fn check_made(path: &Path, made: &str, how: &str) {
    if std::env::var_os("WIEG_UPDATE_BINDINGS").is_some() {
        std::fs::write(path, made).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == made,
        "{} is stale: {how}, and commit it",
        path.display()
    );
}

#[test]
fn the_ui_client_is_made_from_the_commands() {
    let path = shell().join("../ui/src/lib/commands.ts");
    let made = command_list::typescript(&commands());
    check_made(
        &path,
        &made,
        "run `WIEG_UPDATE_BINDINGS=1 cargo test -p wieg-app --test commands`",
    );
}

#[test]
fn the_capability_grants_exactly_the_commands() {
    // build.rs writes it; a file edited by hand, or a build that stopped
    // writing it, shows here.
    let path = shell().join("capabilities/default.json");
    let made = command_list::capability(&commands());
    check_made(&path, &made, "build the shell (build.rs writes it)");
    let granted: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let granted: Vec<&str> = granted["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .collect();
    let names: Vec<String> = commands()
        .iter()
        .map(|c| c.name.replace('_', "-"))
        .collect();
    assert_eq!(granted, names);
}

#[test]
fn every_command_runs_off_the_main_thread() {
    // Tauri runs a command that is not async on the main thread, where a
    // slow database call would freeze the window.
    let blocking: Vec<String> = commands()
        .into_iter()
        .filter(|c| !c.is_async)
        .map(|c| c.name)
        .collect();
    assert!(blocking.is_empty(), "not async: {blocking:?}");
}

#[test]
fn a_command_becomes_a_typed_call() {
    let source = r#"
        use tauri::State;
        /// A decision, under an agenda item or none.
        #[tauri::command]
        pub async fn add_decision(state: State<'_, AppState>, meeting: Uuid, agenda_item: Option<Uuid>, text: String) -> Result<Decision> { todo!() }
        #[tauri::command]
        pub async fn reorder(app: AppHandle<R>, order: Vec<Uuid>, counts: Vec<Option<u32>>) -> Result<()> { todo!() }
        pub fn helper() -> u8 { 1 }
    "#;
    let commands = command_list::read(source).unwrap();
    assert_eq!(commands.len(), 2, "helpers are no commands");
    let ts = command_list::typescript(&commands);
    assert!(ts.contains(
        "  /** A decision, under an agenda item or none. */\n  addDecision: (meeting: string, agendaItem: string | null, text: string) => call<Decision>('add_decision', { meeting, agendaItem, text }),"
    ), "{ts}");
    assert!(ts.contains(
        "  reorder: (order: string[], counts: (number | null)[]) => call<null>('reorder', { order, counts }),"
    ), "{ts}");
    assert!(
        ts.contains("import type {\n  Decision\n} from './bindings';"),
        "{ts}"
    );
    assert_eq!(
        command_list::handler(&commands),
        "tauri::generate_handler![commands::add_decision, commands::reorder]\n"
    );
    assert!(command_list::read("#[tauri::command] pub fn f() -> u8 { 1 }").is_err());
}
