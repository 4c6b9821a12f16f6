//! The core's layers, checked from its source: the change engine (the log,
//! the merge, the clock, sync, conflicts and erasure, the workspace they
//! share) names no module of the domain, and calls none of the domain's
//! methods on the workspace. The domain is handed to it as a registry.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The engine: may use the foundation (errors, time, words, tables), never the domain.
const ENGINE: &[&str] = &[
    "src/changes.rs",
    "src/merge.rs",
    "src/hlc.rs",
    "src/sync",
    "src/conflicts.rs",
    "src/dump.rs",
    "src/workspace.rs",
    "src/db.rs",
    "src/schema.rs",
];

/// The domain, and what composes it with the engine.
const DOMAIN: &[&str] = &[
    "coalition",
    "network",
    "plan",
    "meetings",
    "dashboard",
    "export",
    "entities",
    "demo",
    "bench",
    "membership",
    "import",
    "outreach",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(path: &Path) -> Vec<PathBuf> {
    if path.is_file() {
        return vec![path.to_path_buf()];
    }
    let mut out = Vec::new();
    for entry in std::fs::read_dir(path).unwrap() {
        out.extend(rust_files(&entry.unwrap().path()));
    }
    out.retain(|p| p.extension().is_some_and(|e| e == "rs"));
    out.sort();
    out
}

/// The code of a file without its comments and its `#[cfg(test)]` module.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]") {
        Some(at) => &text[..at],
        None => &text,
    };
    text.lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The methods a file adds to `Workspace` (in its `impl Workspace` blocks).
fn workspace_methods(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = text;
    while let Some(at) = rest.find("impl Workspace {") {
        let body = &rest[at + "impl Workspace {".len()..];
        let mut depth = 1;
        let mut end = body.len();
        for (i, c) in body.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = i;
                        break;
                    }
                }
                _ => {}
            }
        }
        let block = &body[..end];
        for part in block.split("fn ").skip(1) {
            let name: String = part
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
        rest = &body[end..];
    }
    out
}

fn is_domain(path: &Path) -> bool {
    let relative = path.strip_prefix(root().join("src")).unwrap();
    let first = relative.components().next().unwrap().as_os_str();
    let first = first.to_string_lossy();
    DOMAIN.contains(&first.trim_end_matches(".rs"))
}

#[test]
fn the_engine_imports_no_domain_module() {
    let mut found = Vec::new();
    for part in ENGINE {
        for file in rust_files(&root().join(part)) {
            let text = code(&file);
            for domain in DOMAIN {
                for pattern in [format!("crate::{domain}"), format!("super::{domain}")] {
                    if text.contains(&pattern) {
                        found.push(format!("{} names {pattern}", file.display()));
                    }
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the engine imports the domain:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_engine_calls_no_domain_method_of_the_workspace() {
    let domain_methods: BTreeSet<String> = rust_files(&root().join("src"))
        .into_iter()
        .filter(|f| is_domain(f))
        .flat_map(|f| workspace_methods(&code(&f)))
        .collect();
    assert!(
        domain_methods.contains("coalition") && domain_methods.contains("create_organisation"),
        "the domain's methods are found: {domain_methods:?}"
    );
    let mut found = Vec::new();
    for part in ENGINE {
        for file in rust_files(&root().join(part)) {
            let text = code(&file);
            for method in &domain_methods {
                let calls = ["self.", "ws.", "Workspace::"]
                    .iter()
                    .any(|on| text.contains(&format!("{on}{method}(")));
                if calls {
                    found.push(format!("{} calls {method}", file.display()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "the engine calls the domain:\n{}",
        found.join("\n")
    );
}
