//! What Windows changes for Wieg, checked on every platform where the code
//! allows it (CI also runs these as Windows programs under Wine): folders
//! with spaces and dashes as OneDrive for work names them, drive letters and
//! backslashes, names Windows reserves, the 260-character path limit, files
//! another program holds open, names that differ only in case, and CSV line
//! endings.

use std::fs;
use std::path::{Path, PathBuf};

use wieg::export::{self, ExportFile, ExportFormat};
use wieg::{Error, Workspace};

use crate::{new_org, workspace};

/// `<temp>/OneDrive - Gemeente Venlo/Kansrijke Start — één map`, made.
fn onedrive_folder(root: &Path) -> PathBuf {
    let dir = root
        .join("OneDrive - Gemeente Venlo")
        .join("Kansrijke Start — één map");
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn file(name: &str) -> ExportFile {
    ExportFile {
        file_name: name.into(),
        bytes: b"inhoud".to_vec(),
    }
}

#[test]
fn a_onedrive_folder_with_spaces_carries_sync_and_exports() {
    let root = tempfile::tempdir().unwrap();
    let shared = onedrive_folder(root.path());
    let a_dir = root.path().join("Laptop Anne").join("Wieg gegevens");
    let mut a = Workspace::open(&a_dir).unwrap();
    a.load_demo().unwrap();
    a.set_sync_folder(&shared).unwrap();
    a.sync().unwrap();

    let b_dir = root.path().join("Laptop Bram (thuis)");
    let (b, _) = Workspace::join(&b_dir, &shared, None).unwrap();
    assert_eq!(b.dump().unwrap(), a.dump().unwrap());

    let exports = b.shared_exports_dir().unwrap();
    assert!(exports.starts_with(&shared), "{}", exports.display());
    let plan = b.export_plan(None, ExportFormat::Docx, b.today()).unwrap();
    let written = export::save(&plan, &exports).unwrap();
    assert_eq!(
        written.file_name().unwrap().to_string_lossy(),
        "Actieplan 2024-2027.docx"
    );
    assert!(written.is_file());
}

#[test]
fn the_data_folder_is_the_platforms_app_data_not_a_synced_one() {
    let dir = wieg::default_data_dir().expect("a data folder");
    assert!(dir.ends_with("nl.wieg.app"), "{}", dir.display());
    #[cfg(windows)]
    {
        // %APPDATA%: the roaming AppData, which OneDrive's folder backup
        // (Desktop, Documents, Pictures) never takes in.
        let appdata = PathBuf::from(std::env::var_os("APPDATA").expect("APPDATA"));
        assert_eq!(dir, appdata.join("nl.wieg.app"));
        assert!(dir.components().any(|c| c.as_os_str() == "AppData"));
    }
    #[cfg(target_os = "linux")]
    assert!(
        dir.ends_with(".local/share/nl.wieg.app")
            || std::env::var_os("XDG_DATA_HOME").is_some_and(|x| dir.starts_with(x)),
        "{}",
        dir.display()
    );
    assert!(
        !dir.to_string_lossy().contains("OneDrive"),
        "{}",
        dir.display()
    );
}

/// On Windows a path may be spelled with `\` or `/`, in any case, with the
/// drive letter upper or lower case: it is still one folder, so the
/// database is still found inside a shared folder however it was typed.
#[cfg(windows)]
#[test]
fn windows_spellings_of_one_path_are_one_folder() {
    let root = tempfile::tempdir().unwrap();
    let shared = onedrive_folder(root.path());
    let data = shared.join("Wieg gegevens");
    let spelled = data.to_string_lossy().replace('\\', "/").to_uppercase();
    assert!(spelled.as_bytes()[1] == b':', "a drive letter: {spelled}");
    let mut ws = Workspace::open(PathBuf::from(&spelled)).unwrap();
    ws.create_coalition("Kansrijke Start Venlo").unwrap();
    drop(ws);
    let lower = data.to_string_lossy().to_lowercase();
    let mut again = Workspace::open(PathBuf::from(&lower)).unwrap();
    assert!(
        again.coalition().unwrap().is_some(),
        "one database, however spelled"
    );
    let shared_upper = PathBuf::from(shared.to_string_lossy().to_uppercase());
    assert!(matches!(
        again.set_sync_folder(&shared_upper),
        Err(Error::DatabaseInSyncFolder(_))
    ));
}

/// On Linux and macOS a backslash is an ordinary character of a name; in a
/// name Wieg makes it becomes a dash, so the file also opens on Windows.
#[test]
fn backslashes_and_drive_letters_in_names_become_dashes() {
    assert_eq!(
        export::file_name(r"Notulen C:\Stuurgroep\2026", ExportFormat::Pdf),
        "Notulen C--Stuurgroep-2026.pdf"
    );
}

#[test]
fn names_windows_reserves_are_never_made() {
    for (stem, expected) in [
        ("CON", "CON_.csv"),
        ("con", "con_.csv"),
        ("Aux", "Aux_.csv"),
        ("nul ", "nul_.csv"),
        ("COM1", "COM1_.csv"),
        ("lpt9", "lpt9_.csv"),
        ("COM¹", "COM¹_.csv"),
        ("PRN.backup", "PRN_.backup.csv"),
        ("Actieplan. ", "Actieplan.csv"),
        ("Notulen...", "Notulen.csv"),
        ("COM10", "COM10.csv"),
        ("Console", "Console.csv"),
        ("Con verslag", "Con verslag.csv"),
    ] {
        assert_eq!(
            export::file_name(stem, ExportFormat::Csv),
            expected,
            "{stem:?}"
        );
    }
    assert_eq!(export::file_name_with("aux", "txt"), "aux_.txt");

    let awkward = [
        "CON",
        "aux.txt",
        "lpt1.",
        "Nul ",
        "com3.verslag",
        " . ",
        "a\u{7}b",
        "Één: twee?",
        "tab\there",
        "...",
        "",
        "<>|*",
        "trailing ",
        "punt.",
    ];
    let long = "x".repeat(300);
    for stem in awkward.iter().copied().chain([long.as_str()]) {
        let name = export::file_name(stem, ExportFormat::Docx);
        assert_eq!(
            export::windows_name_problem(&name),
            None,
            "{stem:?} gave {name:?}"
        );
    }
}

#[test]
fn windows_name_problems_are_named_in_dutch() {
    for bad in [
        "CON.csv",
        "aux.txt",
        "AUX",
        "LPT1.docx",
        "nul .pdf",
        "verslag.",
        "verslag ",
        "a:b.csv",
        "a?.csv",
        "",
    ] {
        assert!(export::windows_name_problem(bad).is_some(), "{bad:?}");
    }
    for good in [
        "Actieplan 2024-2027.docx",
        "Notulen 2026-11-30 Stuurgroep.pdf",
        "CONTACT.csv",
        "console.log",
        ".verborgen",
        "Één & twee (kopie).xlsx",
    ] {
        assert_eq!(export::windows_name_problem(good), None, "{good:?}");
    }
    assert!(export::windows_name_problem(&"é".repeat(256)).is_some());
}

#[test]
fn saving_under_a_reserved_name_is_refused_in_dutch_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["CON.csv", "aux.txt", "verslag."] {
        let err = export::save(&file("x.csv"), &dir.path().join(name)).unwrap_err();
        assert!(matches!(err, Error::Validation(_)), "{err:?}");
        let message = err.to_string();
        assert!(
            message.contains(name) && message.contains("kies een andere naam"),
            "{message}"
        );
    }
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn names_in_a_deep_folder_are_shortened_to_fit_windows_paths() {
    let root = tempfile::tempdir().unwrap();
    let mut deep = onedrive_folder(root.path());
    while deep.as_os_str().len() < 200 {
        deep.push("Werkgroep eerste 1000 dagen");
    }
    fs::create_dir_all(&deep).unwrap();
    let long = export::file_name(
        &format!("Notulen 2026-11-30 {}", "Stuurgroep ".repeat(12)),
        ExportFormat::Pdf,
    );
    assert!(deep.join(&long).as_os_str().len() > export::MAX_WINDOWS_PATH);

    let written = export::save(&file(&long), &deep).unwrap();
    let name = written.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("Notulen 2026-11-30 Stuurgroep"), "{name}");
    assert!(name.ends_with(".pdf") && !name.ends_with(" .pdf"), "{name}");
    assert!(
        written.to_string_lossy().encode_utf16().count() <= export::MAX_WINDOWS_PATH,
        "{}",
        written.display()
    );
    assert_eq!(export::windows_name_problem(&name), None);
    assert_eq!(fs::read(&written).unwrap(), b"inhoud");

    // A short folder keeps the whole name.
    assert_eq!(
        export::fit_in(root.path(), "Actieplan 2024-2027.docx"),
        "Actieplan 2024-2027.docx"
    );
}

/// An export replaces its previous version by a rename. On Linux and macOS
/// a reader of the old version never stops that. On Windows it depends on
/// the file system: NTFS on Windows 10 1809 and later replaces a file that
/// a reader shares for deletion (as Rust, browsers and most viewers open
/// files); FAT on a USB stick, many network shares and Wine refuse, and a
/// program that holds the file without sharing it (Word, Excel) stops it
/// everywhere. Refused, the error says what to do, the previous version is
/// whole and no temporary file is left.
#[test]
fn replacing_an_export_that_is_open_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("Actieplan 2024-2027.docx");
    fs::write(&target, b"vorige versie").unwrap();
    let only_target = || {
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "no temporary file is left: {names:?}");
    };
    {
        let _reader = fs::File::open(&target).unwrap();
        let saved = export::save(&file("x.docx"), &target);
        #[cfg(not(windows))]
        saved.unwrap();
        #[cfg(windows)]
        if let Err(e) = saved {
            assert!(
                e.to_string().contains("geopend in een ander programma"),
                "{e}"
            );
            assert_eq!(fs::read(&target).unwrap(), b"vorige versie");
            fs::write(&target, b"inhoud").unwrap();
        }
    }
    assert_eq!(fs::read(&target).unwrap(), b"inhoud");
    only_target();

    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        const FILE_SHARE_READ: u32 = 1;
        let _word = fs::OpenOptions::new()
            .read(true)
            .share_mode(FILE_SHARE_READ)
            .open(&target)
            .unwrap();
        let newer = ExportFile {
            file_name: "x.docx".into(),
            bytes: b"nieuwe versie".to_vec(),
        };
        let err = export::save(&newer, &target).unwrap_err();
        assert!(
            err.to_string().contains("geopend in een ander programma"),
            "{err}"
        );
        assert_eq!(
            fs::read(&target).unwrap(),
            b"inhoud",
            "the old version is whole"
        );
        only_target();
    }
}

/// Windows, macOS and most sync services ignore case in names: copies of a
/// batch may come back as `…WIEGCHANGES` or `…(1).WiegChanges`. They are
/// read, recognised as the same batch by their header, and applied once.
#[test]
fn conflict_copies_in_another_case_are_recognised() {
    let root = tempfile::tempdir().unwrap();
    let shared = onedrive_folder(root.path());
    let (_a_dir, mut a) = workspace();
    a.create_organisation(&new_org("Kraamzorg Het Nest"))
        .unwrap();
    a.set_sync_folder(&shared).unwrap();
    a.sync().unwrap();
    let original = crate::files_under(&shared)
        .into_iter()
        .find(|p| p.extension().is_some_and(|x| x == "wiegchanges"))
        .unwrap();
    let bytes = fs::read(&original).unwrap();
    let replica_dir = original.parent().unwrap();
    fs::write(replica_dir.join("00000001 (1).WiegChanges"), &bytes).unwrap();
    fs::write(replica_dir.join("00000001-LAPTOP-JAN.WIEGCHANGES"), &bytes).unwrap();

    let b_dir = tempfile::tempdir().unwrap();
    let (b, report) = Workspace::join(b_dir.path(), &shared, None).unwrap();
    assert_eq!(report.imported_batches, 1, "{report:?}");
    assert_eq!(report.already_applied, 2, "{report:?}");
    assert!(report.skipped.is_empty(), "{report:?}");
    assert_eq!(b.dump().unwrap(), a.dump().unwrap());
}

/// CSV for Dutch Excel ends its lines with CRLF on every platform, and an
/// import reads a file whichever line endings an editor gave it.
#[test]
fn csv_line_endings_are_the_same_everywhere() {
    let (dir, mut ws) = workspace();
    ws.create_organisation(&new_org("Kraamzorg Het Nest"))
        .unwrap();
    let written = ws
        .export_network_csv(&dir.path().join("netwerk.csv"))
        .unwrap();
    for path in &written {
        let text = fs::read_to_string(path).unwrap();
        assert!(text.ends_with("\r\n"), "{}", path.display());
        assert_eq!(
            text.matches('\n').count(),
            text.matches("\r\n").count(),
            "only CRLF in {}",
            path.display()
        );
    }

    let rows = "Naam;Soort;Domein\nWelzijn Noord;welzijn;sociaal\nGGD Limburg-Noord;jgz/ggd;publieke gezondheid\n";
    let mut previews = Vec::new();
    for (name, text) in [
        ("lf.csv", rows.to_string()),
        ("crlf.csv", rows.replace('\n', "\r\n")),
    ] {
        let path = dir.path().join(name);
        fs::write(&path, text).unwrap();
        let preview = ws.preview_import(&path).unwrap();
        previews.push((preview.new, preview.errors));
    }
    assert_eq!(previews, [(2, 0), (2, 0)]);
}
