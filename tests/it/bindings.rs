//! The UI's TypeScript types must match the Rust types the shell sends.

#[test]
fn ui_bindings_are_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/bindings.ts");
    let generated = wieg::bindings::typescript();
    if std::env::var_os("WIEG_UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/lib/bindings.ts is stale: run `WIEG_UPDATE_BINDINGS=1 cargo test -p wieg --test it bindings` and commit it"
    );
}
