// Declares the app's own commands, so the capability file can grant exactly
// these and nothing else.
const COMMANDS: &[&str] = &[
    "app_status",
    "create_coalition",
    "load_demo",
    "set_replica_name",
    "list_organisations",
    "create_organisation",
    "update_organisation",
    "delete_organisation",
    "restore_organisation",
    "sync_status",
    "set_sync_folder",
    "sync_now",
    "join_coalition",
    "list_conflicts",
    "restore_conflict",
    "keep_current",
    "list_raced_deletes",
    "undelete",
    "keep_deleted",
    "list_municipalities",
    "create_municipality",
    "delete_municipality",
    "network_metrics",
    "network_growth",
    "set_served_municipalities",
    "list_relations",
    "create_relation",
    "delete_relation",
    "update_relation",
    "list_contacts",
    "create_contact",
    "update_contact",
    "erase_contact",
    "save_contact_inzage",
    "save_map_image",
    "preview_import",
    "import_file",
    "list_imports",
    "undo_import",
    "export_network",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
