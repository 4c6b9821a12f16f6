//! The UI's TypeScript types must match the Rust types the shell sends.

fn current(file: &str, generated: String) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    if std::env::var_os("WIEG_UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{file} is stale: run `WIEG_UPDATE_BINDINGS=1 cargo test -p wieg --test it bindings` and commit it"
    );
}

#[test]
fn ui_bindings_are_current() {
    current("ui/src/lib/bindings.ts", wieg::bindings::typescript());
}

/// The declared fields' labels and limits.
#[test]
fn ui_fields_are_current() {
    current("ui/src/lib/fields.ts", wieg::bindings::fields());
}
