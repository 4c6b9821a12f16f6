//! The app's commands, read from `src/commands.rs`: every
//! `#[tauri::command]` function there is one, declared once. The build
//! makes the invoke handler, the manifest's command list and the capability
//! file from this list; a test makes the UI's typed client
//! (`ui/src/lib/commands.ts`) from it and fails when the file is stale.
//!
//! Shared by `build.rs` and the shell's tests (as a `#[path]` module).

use std::fmt::Write;

/// One command: its name, doc comment, IPC arguments and result.
pub struct Command {
    pub name: String,
    pub docs: Vec<String>,
    /// What the UI passes: the arguments that are not state or the app.
    pub args: Vec<(String, syn::Type)>,
    /// `T` of `Result<T>`.
    pub output: Option<syn::Type>,
    pub is_async: bool,
}

/// Permissions of plugins and of Tauri itself that the window is granted
/// besides the commands: sync events, and the folder and save pickers.
pub const OTHER_PERMISSIONS: &[&str] = &[
    "core:event:allow-listen",
    "core:event:allow-unlisten",
    "dialog:allow-open",
    "dialog:allow-save",
];

/// Arguments Tauri fills in itself: never sent by the UI.
const INJECTED: &[&str] = &["State", "AppHandle", "Window", "Webview", "WebviewWindow"];

pub fn read(source: &str) -> Result<Vec<Command>, String> {
    let file = syn::parse_file(source).map_err(|e| format!("src/commands.rs: {e}"))?;
    let mut out = Vec::new();
    for item in file.items {
        let syn::Item::Fn(f) = item else { continue };
        if !f.attrs.iter().any(is_command_attr) {
            continue;
        }
        let docs = f
            .attrs
            .iter()
            .filter_map(|a| match &a.meta {
                syn::Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
                    syn::Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(s),
                        ..
                    }) => Some(s.value().trim().to_string()),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        let mut args = Vec::new();
        for input in &f.sig.inputs {
            let syn::FnArg::Typed(arg) = input else {
                return Err(format!("{}: a command takes no self", f.sig.ident));
            };
            if INJECTED.contains(&last_ident(&arg.ty).as_str()) {
                continue;
            }
            let syn::Pat::Ident(name) = &*arg.pat else {
                return Err(format!("{}: arguments must be plain names", f.sig.ident));
            };
            args.push((name.ident.to_string(), (*arg.ty).clone()));
        }
        let output = match &f.sig.output {
            syn::ReturnType::Type(_, ty) if last_ident(ty) == "Result" => first_generic(ty),
            _ => return Err(format!("{}: a command returns Result<T>", f.sig.ident)),
        };
        out.push(Command {
            name: f.sig.ident.to_string(),
            docs,
            args,
            output,
            is_async: f.sig.asyncness.is_some(),
        });
    }
    Ok(out)
}

fn is_command_attr(attr: &syn::Attribute) -> bool {
    let path = attr.path();
    path.segments.len() == 2
        && path.segments[0].ident == "tauri"
        && path.segments[1].ident == "command"
}

fn last_ident(ty: &syn::Type) -> String {
    match ty {
        syn::Type::Path(p) => p
            .path
            .segments
            .last()
            .map(|s| s.ident.to_string())
            .unwrap_or_default(),
        syn::Type::Reference(r) => last_ident(&r.elem),
        _ => String::new(),
    }
}

fn first_generic(ty: &syn::Type) -> Option<syn::Type> {
    let syn::Type::Path(p) = ty else { return None };
    let syn::PathArguments::AngleBracketed(args) = &p.path.segments.last()?.arguments else {
        return None;
    };
    args.args.iter().find_map(|a| match a {
        syn::GenericArgument::Type(t) => Some(t.clone()),
        _ => None,
    })
}

/// `tauri::generate_handler![…]` of every command.
pub fn handler(commands: &[Command]) -> String {
    let names: Vec<String> = commands
        .iter()
        .map(|c| format!("commands::{}", c.name))
        .collect();
    format!("tauri::generate_handler![{}]\n", names.join(", "))
}

/// The capability file: the main window may call exactly these commands.
pub fn capability(commands: &[Command]) -> String {
    let mut permissions: Vec<String> = commands
        .iter()
        .map(|c| format!("allow-{}", c.name.replace('_', "-")))
        .collect();
    permissions.extend(OTHER_PERMISSIONS.iter().map(|p| p.to_string()));
    let listed: Vec<String> = permissions.iter().map(|p| format!("    \"{p}\"")).collect();
    format!(
        "{{\n  \"identifier\": \"default\",\n  \"description\": \"The main window may call Wieg's own commands, hear sync events and open a folder or save-file picker; nothing else. Made from src/commands.rs by build.rs: do not edit.\",\n  \"windows\": [\n    \"main\"\n  ],\n  \"permissions\": [\n{}\n  ]\n}}\n",
        listed.join(",\n")
    )
}

fn camel(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// A Rust type as the UI sees it after JSON; named types come from
/// `bindings.ts` (generated from the same Rust types) and are collected.
fn ts_type(ty: &syn::Type, named: &mut std::collections::BTreeSet<String>) -> String {
    match ty {
        syn::Type::Tuple(t) if t.elems.is_empty() => "null".into(),
        syn::Type::Reference(r) => ts_type(&r.elem, named),
        syn::Type::Path(_) => {
            let name = last_ident(ty);
            let mut inner = || first_generic(ty).map(|t| ts_type(&t, named));
            match name.as_str() {
                "String" | "str" | "Uuid" | "PathBuf" | "NaiveDate" => "string".into(),
                "bool" => "boolean".into(),
                "u8" | "u16" | "u32" | "u64" | "usize" | "i8" | "i16" | "i32" | "i64" | "isize"
                | "f32" | "f64" => "number".into(),
                "Option" => format!("{} | null", inner().unwrap_or_else(|| "unknown".into())),
                "Vec" => {
                    let item = inner().unwrap_or_else(|| "unknown".into());
                    if item.contains(' ') {
                        format!("({item})[]")
                    } else {
                        format!("{item}[]")
                    }
                }
                other => {
                    named.insert(other.to_string());
                    other.to_string()
                }
            }
        }
        _ => "unknown".into(),
    }
}

/// The UI's typed client: one function per command, named in camelCase,
/// taking the command's arguments in order.
pub fn typescript(commands: &[Command]) -> String {
    let mut named = std::collections::BTreeSet::new();
    let mut body = String::new();
    for c in commands {
        let params: Vec<String> = c
            .args
            .iter()
            .map(|(name, ty)| format!("{}: {}", camel(name), ts_type(ty, &mut named)))
            .collect();
        let output = c
            .output
            .as_ref()
            .map_or_else(|| "null".to_string(), |t| ts_type(t, &mut named));
        let payload = if c.args.is_empty() {
            String::new()
        } else {
            let names: Vec<String> = c.args.iter().map(|(n, _)| camel(n)).collect();
            format!(", {{ {} }}", names.join(", "))
        };
        let docs: Vec<&String> = c.docs.iter().filter(|d| !d.is_empty()).collect();
        if !docs.is_empty() {
            let text: Vec<&str> = docs.iter().map(|d| d.as_str()).collect();
            let _ = writeln!(body, "  /** {} */", text.join(" "));
        }
        let _ = writeln!(
            body,
            "  {}: ({}) => call<{output}>('{}'{payload}),",
            camel(&c.name),
            params.join(", "),
            c.name
        );
    }
    let imports: Vec<String> = named.into_iter().collect();
    format!(
        "// The shell's commands, typed. Made from src-tauri/src/commands.rs by a test\n\
         // (WIEG_UPDATE_BINDINGS=1 cargo test -p wieg-app commands): do not edit.\n\
         import {{ call }} from './ipc';\n\
         import type {{\n  {}\n}} from './bindings';\n\n\
         export const commands = {{\n{body}}};\n",
        imports.join(",\n  ")
    )
}
