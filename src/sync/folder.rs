//! Names and files in the shared folder: which names to read and which to
//! leave alone, names that are valid on Windows and macOS too, and writes
//! that never leave a partial file under a final name.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use uuid::Uuid;

use super::batch::EXTENSION;
use crate::vocabulary::fold;

/// The name of the folder Wieg keeps inside the shared folder.
pub const WIEG_DIR: &str = "Wieg";

/// A coalition's folder name: a readable slug plus its id, e.g.
/// `kansrijke-start-venlo-0196…`. Only `a-z`, `0-9` and `-`, so it is valid
/// on every file system and unique even where case is ignored.
pub fn coalition_dir_name(name: &str, id: Uuid) -> String {
    let mut slug = String::new();
    for c in fold(name).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.len() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("coalitie-{id}")
    } else {
        format!("{slug}-{id}")
    }
}

/// The id at the end of a coalition folder's name.
pub fn coalition_id_of_dir(name: &str) -> Option<Uuid> {
    let tail = name.len().checked_sub(36).map(|i| &name[i..])?;
    Uuid::try_parse(tail).ok()
}

pub fn batch_file_name(seq: u64) -> String {
    format!("{seq:08}.{EXTENSION}")
}

/// The sequence number of a batch under its own, original name.
pub fn canonical_seq(name: &str) -> Option<u64> {
    let stem = name.strip_suffix(&format!(".{EXTENSION}"))?;
    (stem.len() >= 8 && stem.bytes().all(|b| b.is_ascii_digit())).then(|| stem.parse().ok())?
}

/// Temporary, lock and system files of sync services, editors and
/// operating systems: never read, never touched.
pub fn is_ignored(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.starts_with(".tmp-")
        || lower.starts_with("~syncthing~")
        || (lower.starts_with(".syncthing.") && lower.ends_with(".tmp"))
        || lower.starts_with("~$")
        || lower.starts_with(".~lock.")
        || lower == "desktop.ini"
        || lower == "thumbs.db"
        || lower == ".ds_store"
        || lower == ".dropbox.cache"
        || lower == ".stfolder"
        || lower == ".stversions"
        || lower.ends_with(".partial")
        || lower.ends_with(".crdownload")
}

/// A file that may be a batch: original names and the copies sync services
/// make of them (`00000003 (1).wiegchanges`, `… (conflicted copy …)`,
/// `….sync-conflict-….wiegchanges`, OneDrive's `…-LAPTOP.wiegchanges`).
/// Which batch it is, is read from its header.
pub fn may_be_batch(name: &str) -> bool {
    !is_ignored(name) && name.to_lowercase().ends_with(&format!(".{EXTENSION}"))
}

/// How writing a new file ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    New,
    /// A file of that name is already there; it was left as it is.
    Exists,
}

fn temp_path(dir: &Path) -> PathBuf {
    dir.join(format!(".tmp-{}", Uuid::now_v7().simple()))
}

fn write_temp(dir: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    let tmp = temp_path(dir);
    let mut file = File::create(&tmp)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    Ok(tmp)
}

/// Write a file that must never replace an existing one: a temporary name,
/// flushed to disk, then linked to its final name (which fails if taken).
pub fn write_new(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<Written> {
    let target = dir.join(name);
    let tmp = write_temp(dir, bytes)?;
    let result = match fs::hard_link(&tmp, &target) {
        Ok(()) => Ok(Written::New),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(Written::Exists),
        // File systems without hard links (FAT on a USB stick, some shares):
        // this folder has one writer, so check-then-rename is safe enough.
        Err(_) if target.exists() => Ok(Written::Exists),
        Err(_) => fs::rename(&tmp, &target).map(|()| Written::New),
    };
    let _ = fs::remove_file(&tmp);
    sync_dir(dir);
    result
}

/// Write a file that may replace its previous version (our own replica
/// description): temporary name, flush, rename.
pub fn write_replacing(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<()> {
    let tmp = write_temp(dir, bytes)?;
    fs::rename(&tmp, dir.join(name)).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })?;
    sync_dir(dir);
    Ok(())
}

/// Leftovers of our own writes that were interrupted.
pub fn remove_own_temp_files(dir: &Path) {
    if let Ok(entries) = fs::read_dir(dir) {
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with(".tmp-") {
                let _ = fs::remove_file(entry.path());
            }
        }
    }
}

fn sync_dir(dir: &Path) {
    // Makes the rename durable where the platform allows; harmless elsewhere.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// `path` made absolute with links resolved, as people write it: on
/// Windows without the `\\?\` prefix `canonicalize` adds (`C:\Users\…`,
/// `\\server\share\…`), which Wieg would otherwise show and store. Rust
/// adds that prefix again by itself where a path is too long for Windows.
pub fn canonical(path: &Path) -> io::Result<PathBuf> {
    let resolved = path.canonicalize()?;
    Ok(match resolved.to_str() {
        Some(text) => PathBuf::from(without_verbatim_prefix(text)),
        None => resolved,
    })
}

/// `\\?\C:\x` → `C:\x`, `\\?\UNC\server\share` → `\\server\share`; any
/// other text as it is.
fn without_verbatim_prefix(path: &str) -> String {
    if let Some(rest) = path.strip_prefix(r"\\?\UNC\") {
        return format!(r"\\{rest}");
    }
    match path.strip_prefix(r"\\?\") {
        Some(rest) if is_drive_path(rest.as_bytes()) => rest.to_string(),
        _ => path.to_string(),
    }
}

/// `C:\…`: a drive letter, a colon, a backslash.
fn is_drive_path(path: &[u8]) -> bool {
    matches!(path, [letter, b':', b'\\', ..] if letter.is_ascii_alphabetic())
}

/// Whether `inner` is `outer` or lies inside it (after resolving links).
pub fn is_within(inner: &Path, outer: &Path) -> bool {
    match (inner.canonicalize(), outer.canonicalize()) {
        (Ok(i), Ok(o)) => i.starts_with(o),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coalition_folder_names_are_portable() {
        let id = Uuid::now_v7();
        let name = coalition_dir_name("Kansrijke Start: Noord- & Midden-Limburg / Één?*", id);
        assert_eq!(
            name,
            format!("kansrijke-start-noord-midden-limburg-een-{id}")
        );
        assert!(name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
        assert_eq!(coalition_dir_name("???", id), format!("coalitie-{id}"));
        assert!(coalition_dir_name(&"lang ".repeat(50), id).len() <= 41 + 36);
        assert_eq!(coalition_id_of_dir(&name), Some(id));
        assert_eq!(coalition_id_of_dir("los"), None);
    }

    #[test]
    fn batch_names_and_the_copies_sync_services_make() {
        assert_eq!(batch_file_name(12), "00000012.wiegchanges");
        assert_eq!(canonical_seq("00000012.wiegchanges"), Some(12));
        for copy in [
            "00000012 (1).wiegchanges",
            "00000012 (conflicted copy 2026-11-22).wiegchanges",
            "00000012.sync-conflict-20261122-101010-ABCDEFG.wiegchanges",
            "00000012-LAPTOP-JAN.wiegchanges",
            "00000012.WIEGCHANGES",
        ] {
            assert!(
                may_be_batch(copy),
                "{copy} is read (and recognised by its header)"
            );
            assert_eq!(canonical_seq(copy), None, "{copy} is not the original name");
        }
        for ignored in [
            ".tmp-0196abc",
            ".syncthing.00000012.wiegchanges.tmp",
            "~syncthing~00000012.wiegchanges.tmp",
            "~$notulen.docx",
            ".~lock.notulen.odt#",
            "desktop.ini",
            ".dropbox.cache",
        ] {
            assert!(
                is_ignored(ignored) && !may_be_batch(ignored),
                "{ignored} is left alone"
            );
        }
        assert!(!may_be_batch("notes.txt"));
    }

    #[test]
    fn windows_paths_are_kept_as_people_write_them() {
        assert_eq!(
            without_verbatim_prefix(r"\\?\C:\Users\anne\OneDrive - Gemeente Venlo\Kansrijke Start"),
            r"C:\Users\anne\OneDrive - Gemeente Venlo\Kansrijke Start"
        );
        assert_eq!(
            without_verbatim_prefix(r"\\?\UNC\fs01\teams\Kansrijke Start"),
            r"\\fs01\teams\Kansrijke Start"
        );
        for kept in [
            r"\\?\Volume{0b2c}\Wieg",
            r"C:\Users\anne",
            "/home/anne/Kansrijke Start",
        ] {
            assert_eq!(without_verbatim_prefix(kept), kept);
        }
        let dir = tempfile::tempdir().unwrap();
        let resolved = canonical(dir.path()).unwrap();
        assert!(resolved.is_absolute() && resolved.is_dir());
        assert!(!resolved.to_string_lossy().starts_with(r"\\?\"));
    }

    #[test]
    fn new_files_never_replace_existing_ones() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            write_new(dir.path(), "a.wiegchanges", b"first").unwrap(),
            Written::New
        );
        assert_eq!(
            write_new(dir.path(), "a.wiegchanges", b"second").unwrap(),
            Written::Exists
        );
        assert_eq!(
            fs::read(dir.path().join("a.wiegchanges")).unwrap(),
            b"first"
        );
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            names.len(),
            1,
            "no temporary file is left behind: {names:?}"
        );
        write_replacing(dir.path(), "r.json", b"1").unwrap();
        write_replacing(dir.path(), "r.json", b"2").unwrap();
        assert_eq!(fs::read(dir.path().join("r.json")).unwrap(), b"2");
    }
}
