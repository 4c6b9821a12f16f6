//! Files for partners: the same data gives the same bytes (on any laptop),
//! confidential agenda items stay out unless asked for, user text cannot
//! break a file, and files land atomically under stable Dutch names.

use std::io::Read;

use chrono::NaiveDate;
use wieg::export::{self, ExportFormat};
use wieg::meetings::{AgendaItemInput, DecisionInput, MeetingInput, MeetingKind};
use wieg::{Error, Workspace};

use crate::{demo, replica_of, workspace};

const ALL: [ExportFormat; 5] = [
    ExportFormat::Docx,
    ExportFormat::Odt,
    ExportFormat::Pdf,
    ExportFormat::Xlsx,
    ExportFormat::Csv,
];

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

/// One part of a zip package (DOCX, ODT, XLSX) as text.
fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// A document's words, block by block, as a reader would see them.
fn doc_text(doc: &wieg::export::Document) -> String {
    use wieg::export::Block;
    doc.blocks
        .iter()
        .map(|b| match b {
            Block::Title { title, lines } => format!("{title}\n{}", lines.join("\n")),
            Block::Heading { text, .. } => text.clone(),
            Block::Paragraph(spans) => spans.iter().map(|s| s.text.as_str()).collect(),
            Block::Bullets(items) => items
                .iter()
                .map(|i| i.iter().map(|s| s.text.as_str()).collect::<String>())
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Table(t) => format!(
                "{}\n{}",
                t.header.join(" | "),
                t.rows
                    .iter()
                    .map(|r| r.join(" | "))
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
            Block::Cover(c) => {
                let facts: Vec<String> = c.facts.iter().map(|(l, v)| format!("{l}: {v}")).collect();
                format!("{}\n{}\n{}", c.title, c.subtitle, facts.join("\n"))
            }
            Block::Image(i) => format!("[{}]", i.alt),
            Block::PageBreak | Block::Landscape(_) => String::new(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_grant_is_accounted_for_over_its_period_and_the_report_counts_the_money() {
    use wieg::export::{Block, ExportRequest, Prepared};
    let (_d, ws) = demo();
    let spuk = ws
        .grant_balances()
        .unwrap()
        .into_iter()
        .find(|g| g.funding.funder.contains("SPUK"))
        .unwrap();
    let request = ExportRequest::Grant {
        funding: spuk.funding.id,
    };
    assert_eq!(
        ws.export_file_name(&request, ExportFormat::Pdf, day(23))
            .unwrap(),
        "Verantwoording Ministerie van VWS (SPUK Kansrijke Start) 2024-2026.pdf"
    );
    let Prepared::Document { doc, .. } = ws
        .prepare_export(&request, ExportFormat::Docx, day(23))
        .unwrap()
    else {
        panic!("a document");
    };
    let text = doc_text(&doc);
    for line in [
        "Toegekend: € 250.000,00",
        "Betaald: € 169.030,75.",
        "Verplicht, nog te betalen: € 12.500,00.",
        "Nog te besteden: € 68.469,25.",
        "Algemeen (coördinatie en andere kosten) |  |  | € 38.000,00 | € 12.500,00",
        "Totaal |  |  | € 169.030,75 | € 12.500,00",
        "01-11-2026 | Evaluatie plan van aanpak (opdracht onderzoeksbureau) | Algemeen | Verplichting | € 12.500,00",
    ] {
        assert!(text.contains(line), "{line} missing from:\n{text}");
    }
    // Every booking on the grant, and only those: the province's are not here.
    let bookings = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) if t.header[0] == "Datum" => Some(t),
            _ => None,
        })
        .unwrap();
    assert_eq!(bookings.rows.len(), 10);
    assert!(!text.contains("Procesbegeleiding zorgpad"));
    // Progress notes only from within the grant's period (2024–2026).
    for line in text
        .lines()
        .filter(|l| l.len() > 11 && l.as_bytes()[2] == b'-' && l.contains(": "))
    {
        let year: i32 = line[6..10].parse().unwrap_or(2025);
        assert!((2024..=2026).contains(&year), "{line}");
    }
    // Its spending as a workbook, amounts as numbers; other formats refused.
    let book = ws
        .export_file(&request, ExportFormat::Xlsx, day(23))
        .unwrap();
    let sheet = part(&book.bytes, "xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains("<v>12500</v>") && sheet.contains("<v>6480.75</v>"),
        "{sheet}"
    );
    assert!(matches!(
        ws.export_file(&request, ExportFormat::Zip, day(23)),
        Err(Error::Validation(_))
    ));

    // The progress report of 2025: what was paid in that year, per grant.
    let report = ws
        .report_document(
            NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2025, 12, 31).unwrap(),
            day(23),
        )
        .unwrap();
    let text = doc_text(&report);
    for line in [
        "Financiën",
        "In deze periode is € 68.330,75 betaald en € 0,00 verplicht",
        "Ministerie van VWS (SPUK Kansrijke Start) | € 250.000,00 | € 68.330,75 | — | € 68.469,25",
        "Provincie Limburg | € 130.680,00 | — | — | € 9.339,50",
    ] {
        assert!(text.contains(line), "{line} missing from:\n{text}");
    }
}

#[test]
fn the_same_data_gives_the_same_file_on_every_laptop() {
    let (_d, ws) = demo();
    let (_d2, other) = replica_of(&ws);
    let meeting = ws.list_meetings().unwrap()[3].id;
    for format in ALL {
        let plan = ws.export_plan(None, format, day(23)).unwrap();
        assert_eq!(
            plan.bytes,
            other.export_plan(None, format, day(23)).unwrap().bytes,
            "plan as {format:?}"
        );
        assert_eq!(
            plan.file_name,
            format!("Actieplan 2024-2027.{}", format.code())
        );
        // Read under the lock, rendered after it: the same file.
        let prepared = ws
            .prepare_export(&export::ExportRequest::Plan, format, day(23))
            .unwrap();
        assert_eq!(
            matches!(prepared, export::Prepared::Document { .. }),
            matches!(
                format,
                ExportFormat::Docx | ExportFormat::Odt | ExportFormat::Pdf
            )
        );
        assert_eq!(prepared.render().unwrap(), plan);
        let items = ws.export_action_items(format, day(23)).unwrap();
        assert_eq!(
            items.bytes,
            other.export_action_items(format, day(23)).unwrap().bytes
        );
        if !matches!(format, ExportFormat::Xlsx | ExportFormat::Csv) {
            let (from, to) = (NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(), day(30));
            assert_eq!(
                ws.export_report(from, to, format, day(23)).unwrap().bytes,
                other
                    .export_report(from, to, format, day(23))
                    .unwrap()
                    .bytes,
                "report as {format:?}"
            );
            let minutes = ws.export_minutes(meeting, format, false, day(23)).unwrap();
            assert_eq!(
                minutes.bytes,
                other
                    .export_minutes(meeting, format, false, day(23))
                    .unwrap()
                    .bytes
            );
        }
        // Only the creation date differs on another day (CSV has none).
        let later = ws.export_plan(None, format, day(24)).unwrap();
        assert_eq!(
            later.bytes != plan.bytes,
            format != ExportFormat::Csv,
            "{format:?}"
        );
    }
}

#[test]
fn confidential_items_stay_out_of_the_minutes_unless_asked_for() {
    let (_d, mut ws) = workspace();
    let m = ws
        .create_meeting(&MeetingInput {
            title: Some("Stuurgroep".into()),
            kind: Some(MeetingKind::Stuurgroep),
            date: Some("2026-11-30".into()),
            ..Default::default()
        })
        .unwrap()
        .id;
    let open_item = ws
        .add_agenda_item(&AgendaItemInput {
            meeting: Some(m),
            title: Some("Voortgang pijler 2".into()),
            minutes: Some("Café “De Zon” <script>alert(1)</script> kost € 1.250 — \u{1}ëé".into()),
            ..Default::default()
        })
        .unwrap();
    let secret = ws
        .add_agenda_item(&AgendaItemInput {
            meeting: Some(m),
            title: Some("Personele bezetting".into()),
            minutes: Some("Vacature coördinator".into()),
            confidential: Some(true),
            ..Default::default()
        })
        .unwrap();
    ws.add_decision(&DecisionInput {
        meeting: Some(m),
        agenda_item: Some(secret.id.to_string()),
        text: Some("Tijdelijke inhuur".into()),
        ..Default::default()
    })
    .unwrap();
    ws.add_decision(&DecisionInput {
        meeting: Some(m),
        agenda_item: Some(open_item.id.to_string()),
        text: Some("Rapportage in maart".into()),
        ..Default::default()
    })
    .unwrap();

    for (format, part_name) in [
        (ExportFormat::Docx, "word/document.xml"),
        (ExportFormat::Odt, "content.xml"),
    ] {
        let partners = ws.export_minutes(m, format, false, day(30)).unwrap();
        assert_eq!(
            partners.file_name,
            format!("Notulen 2026-11-30 Stuurgroep.{}", format.code())
        );
        let text = part(&partners.bytes, part_name);
        assert!(text.contains("Rapportage in maart"), "{format:?}");
        for hidden in ["Personele bezetting", "Vacature", "Tijdelijke inhuur"] {
            assert!(!text.contains(hidden), "{hidden} leaked into {format:?}");
        }
        // Markup in minutes is text; a control character is dropped.
        assert!(
            text.contains("Café “De Zon” &lt;script&gt;alert(1)&lt;/script&gt; kost € 1.250 — ëé")
        );
        assert!(!text.contains('\u{1}'));
        let internal = part(
            &ws.export_minutes(m, format, true, day(30)).unwrap().bytes,
            part_name,
        );
        assert!(internal.contains("Personele bezetting (vertrouwelijk)"));
        assert!(internal.contains("Tijdelijke inhuur"));
    }
    match ws.export_minutes(m, ExportFormat::Xlsx, false, day(30)) {
        Err(Error::Validation(v)) => assert_eq!(v.field, "format"),
        other => panic!("expected a format error, got {other:?}"),
    }
}

#[test]
fn a_file_is_written_whole_under_its_name_or_not_at_all() {
    let (_d, ws) = demo();
    let out = tempfile::tempdir().unwrap();
    let file = ws.export_plan(None, ExportFormat::Xlsx, day(23)).unwrap();
    let path = export::save(&file, out.path()).unwrap();
    assert_eq!(path, out.path().join("Actieplan 2024-2027.xlsx"));
    // Saving again replaces the file; nothing else is left in the folder.
    std::fs::write(&path, b"oud").unwrap();
    export::save(&file, out.path()).unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), file.bytes);
    let named = export::save(&file, &out.path().join("plan voor GGD.xlsx")).unwrap();
    assert!(named.ends_with("plan voor GGD.xlsx"));
    let mut names: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["Actieplan 2024-2027.xlsx", "plan voor GGD.xlsx"]);
    // A folder that is not there is an error that names it.
    let missing = out.path().join("weg").join("plan.xlsx");
    let err = export::save(&file, &missing).unwrap_err().to_string();
    assert!(err.contains("weg"), "{err}");
    // Ending in a separator it names a folder, made when needed.
    let folder = format!(
        "{}{}",
        out.path().join("nieuw").display(),
        std::path::MAIN_SEPARATOR
    );
    let saved = export::save(&file, std::path::Path::new(&folder)).unwrap();
    assert_eq!(
        saved,
        out.path().join("nieuw").join("Actieplan 2024-2027.xlsx")
    );
}

#[test]
fn the_plan_has_a_cover_wide_tables_on_their_side_and_a_timeline_per_pillar() {
    use wieg::export::{Block, Prepared};
    use wieg::plan::{ActionFilter, ActionInput};

    let (_d, mut ws) = demo();
    let plan = ws.current_plan().unwrap().unwrap();
    let pillar = ws
        .plan_overview(plan.id, &ActionFilter::default())
        .unwrap()
        .pillars[1]
        .pillar
        .id;
    // An action without money or dates: "—" and "geen periode", never € 0,00.
    ws.create_action(&ActionInput {
        pillar: Some(pillar),
        title: Some("Nog te plannen voorlichting".into()),
        ..Default::default()
    })
    .unwrap();
    let Prepared::Document { doc, .. } = ws.prepare_plan(None, ExportFormat::Pdf, day(29)).unwrap()
    else {
        panic!("a plan as PDF is a document");
    };
    let blocks = &doc.blocks;

    let cover = blocks
        .iter()
        .find_map(|b| match b {
            Block::Cover(c) => Some(c),
            _ => None,
        })
        .expect("a cover");
    let fact = |label: &str| {
        cover
            .facts
            .iter()
            .find(|(l, _)| l == label)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(cover.title, plan.title);
    assert_eq!(cover.subtitle, ws.coalition().unwrap().unwrap().name);
    assert_eq!(fact("Periode"), Some("2024 – 2027"));
    assert_eq!(fact("Status"), Some(plan.status.label()));
    assert_eq!(fact("Datum"), Some("29 november 2026"));
    let in_coalition = ws
        .list_municipalities(false)
        .unwrap()
        .iter()
        .filter(|m| m.in_coalition)
        .count();
    assert_eq!(fact("Gemeenten"), Some(in_coalition.to_string().as_str()));

    // Upright until the pillars, on its side from there to the end.
    let turn = blocks
        .iter()
        .position(|b| *b == Block::Landscape(true))
        .expect("landscape pages");
    let pillars = blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { level: 1, text } if text == "Pijlers, doelen en acties"))
        .unwrap();
    assert!(turn < pillars, "the action tables lie on their side");
    assert!(!blocks.contains(&Block::Landscape(false)));
    let tables: Vec<_> = blocks[turn..]
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    let actions: Vec<_> = tables.iter().filter(|t| t.header[0] == "Actie").collect();
    assert_eq!(actions.len(), 4);
    let cells: Vec<&str> = tables
        .iter()
        .flat_map(|t| t.rows.iter().flatten())
        .map(String::as_str)
        .collect();
    assert!(!cells.iter().any(|c| c.contains("€ 0,00")), "no € 0,00");
    let unplanned = actions[1]
        .rows
        .iter()
        .find(|r| r[0] == "Nog te plannen voorlichting")
        .unwrap();
    assert_eq!(unplanned[6], "—");
    assert_eq!(unplanned[4], "Idee", "statuses as the app says them");
    assert!(cells.contains(&"Rijk (SPUK)") && !cells.contains(&"rijk/spuk"));
    assert!(cells.contains(&"In voorbereiding"));
    assert!(
        cells.contains(&format!("Alle {in_coalition} gemeenten").as_str()),
        "an action in every municipality says so"
    );
    // The roll-out in tables of six municipalities at most.
    let rollout: Vec<_> = tables
        .iter()
        .filter(|t| t.header[0] == "Interventie")
        .collect();
    assert_eq!(rollout.len(), in_coalition.div_ceil(6));
    assert!(rollout.iter().all(|t| t.header.len() <= 2 + 6));

    // The status chart, and one timeline per pillar naming every action.
    let alts: Vec<&str> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Image(i) => Some(i.alt.as_str()),
            _ => None,
        })
        .collect();
    assert!(alts
        .iter()
        .any(|a| a.starts_with("Staafdiagram van de acties per pijler")));
    let timelines: Vec<&&str> = alts.iter().filter(|a| a.starts_with("Tijdlijn")).collect();
    assert_eq!(timelines.len(), 4);
    assert!(timelines[1].contains("Nog te plannen voorlichting: geen periode, Idee"));
    let overview = ws.plan_overview(plan.id, &ActionFilter::default()).unwrap();
    for (p, alt) in overview.pillars.iter().zip(&timelines) {
        for a in &p.actions {
            assert!(
                alt.contains(&a.title),
                "{} on the timeline of its pillar",
                a.title
            );
        }
    }
}

#[test]
fn the_report_says_who_took_part_and_what_each_action_did() {
    let (_d, ws) = demo();
    let year = |y| {
        (
            NaiveDate::from_ymd_opt(y, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(y, 12, 31).unwrap(),
        )
    };
    let (from, to) = year(2025);
    let text = doc_text(&ws.report_document(from, to, day(23)).unwrap());
    // Parents counted by their busiest year in the period, per group.
    assert!(
        text.contains("13 ouders in 2 groepen dachten mee over het plan."),
        "{text}"
    );
    assert!(
        text.contains("Ouderpanel Noord-Limburg | Ouderpanel | 9 | 6 | 2 | 2"),
        "{text}"
    );
    // The year's gatherings, who came and who was trained; next year's training not.
    assert!(
        text.contains("06-11-2025 | WIJ GROEIEN-dag 2025 | Netwerkbijeenkomst | 75 | 63 | 15 | 3"),
        "{text}"
    );
    assert!(text.contains("Rookvrije Start | 16 | 6"), "{text}");
    assert!(!text.contains("Scholing Nu Niet Zwanger — voorjaar 2026"));
    assert!(text.contains(
        "Nieuw in het netwerk: Moeders voor Moeders Roermond, Vluchtelingenwerk Limburg-Noord (fictief), Voedselbank Venlo"
    ));
    // Results per action: the period's notes and the gatherings an action held.
    assert!(text.contains("Resultaten per actie"));
    assert!(
        text.contains(
            "2 april 2025 — Casuïstiekoverleg geboortezorg–sociaal domein: Afspraken vastgelegd"
        ),
        "{text}"
    );
    assert!(
        text.contains("6 november 2025 — Kennismakingsbijeenkomst verloskundigen en wijkteams: WIJ GROEIEN-dag 2025: 75 aangemeld, 63 aanwezig."),
        "{text}"
    );
    let (from, to) = year(2026);
    let next = doc_text(&ws.report_document(from, to, day(23)).unwrap());
    assert!(next.contains("Nu Niet Zwanger | 36 | 8"), "{next}");
    assert!(
        !next.contains("2 april 2025 —"),
        "a note of another period stays out"
    );
}

#[test]
fn the_progress_report_counts_the_period_and_never_shows_small_numbers() {
    use wieg::export::Block;
    use wieg::meetings::MeetingStatus;
    use wieg::plan::IndicatorInput;

    let (_d, mut ws) = demo();
    // A value resting on 8 persons, and a meeting that was only planned.
    let venlo = ws.find_municipality("Venlo").unwrap().id;
    let small = ws
        .create_indicator(&IndicatorInput {
            name: Some("Kwetsbare zwangeren in zorgpad".into()),
            unit: Some("%".into()),
            ..Default::default()
        })
        .unwrap()
        .id;
    ws.set_indicator_value(&crate::indicator_value(small, venlo, "2025", "7", "8"))
        .unwrap();
    ws.set_indicator_value(&crate::indicator_value(small, venlo, "2026", "61", "83"))
        .unwrap();
    ws.create_meeting(&MeetingInput {
        title: Some("Gepland, niet gehouden".into()),
        date: Some("2025-06-01".into()),
        status: Some(MeetingStatus::Gepland),
        ..Default::default()
    })
    .unwrap();

    let (from, to) = (
        NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
    );
    let doc = ws.report_document(from, to, day(23)).unwrap();
    let text = doc_text(&doc);
    // Each goal's target: baseline, the latest figure, the target, the way gone.
    assert!(
        text.contains(
            "Roken tijdens de zwangerschap | 8,6 (2021) | 4,42 % (2025) | 5 (2027) | gehaald"
        ),
        "{text}"
    );
    assert!(
        text.contains("Gemeenten met CenteringZwangerschap | 2 (2023) |"),
        "{text}"
    );
    for heading in [
        "Samenvatting",
        "De coalitie in cijfers",
        "Verbindingen tussen medisch en sociaal domein",
        "Acties per pijler",
        "Uitrol van interventies",
        "Doelen en streefwaarden",
        "Financiën",
        "Overleggen en besluiten",
        "Indicatoren",
        "Kwetsbare zwangeren in zorgpad (%)",
    ] {
        assert!(
            doc.blocks
                .iter()
                .any(|b| matches!(b, Block::Heading { text, .. } if text == heading)),
            "{heading} missing"
        );
    }
    // Meetings held in the period, the planned one not.
    let held = ws
        .list_meetings()
        .unwrap()
        .into_iter()
        .filter(|m| {
            m.date.is_some_and(|d| d >= from && d <= to) && m.status != MeetingStatus::Gepland
        })
        .count();
    assert!(held > 0);
    let overleggen = if held == 1 { "overleg" } else { "overleggen" };
    assert!(
        text.contains(&format!("{held} {overleggen} gehouden")),
        "{text}"
    );
    assert!(!text.contains("Gepland, niet gehouden"));
    // The network as it stood at the end of the period, or today for one
    // not over yet; a past year shows that year's network.
    let now = ws.network_metrics_on(day(23)).unwrap();
    assert!(
        text.contains(&format!(
            "{} verbindingen tussen het medisch en het sociaal domein op 23 november 2026",
            now.medical_social_links
        )),
        "{text}"
    );
    let end_2023 = NaiveDate::from_ymd_opt(2023, 12, 31).unwrap();
    let then = ws.network_metrics_on(end_2023).unwrap();
    assert!(then.organisations < now.organisations && then.signed < now.signed);
    let past = doc_text(
        &ws.report_document(
            NaiveDate::from_ymd_opt(2023, 1, 1).unwrap(),
            end_2023,
            day(23),
        )
        .unwrap(),
    );
    assert!(
        past.contains(&format!(
            "{} organisaties betrokken bij de coalitie op 31 december 2023",
            then.organisations
        )),
        "{past}"
    );
    assert!(past.contains(&format!(
        "Totaal | {} | {}",
        then.organisations, then.signed
    )));
    assert!(past.contains(&format!(
        "Op 31 december 2023 liepen er {} verbindingen tussen partners, waarvan {} ",
        then.relations, then.medical_social_links
    )));
    // The small value is "< 10" in the table and in the chart's words, and
    // its number appears nowhere.
    assert!(text.contains("Venlo | < 10 | 73,5 %"), "{text}");
    assert!(text.contains("Venlo: 2025 < 10, 2026 73,5 %"));
    assert!(!text.contains("87,5"));
    // Every chart has words for what it shows.
    let images: Vec<_> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Image(i) => Some(i),
            _ => None,
        })
        .collect();
    assert!(images.len() >= 4, "{}", images.len());
    assert!(images
        .iter()
        .all(|i| i.alt.len() > 40 && i.alt.chars().any(|c| c.is_ascii_digit())));

    let file = ws
        .export_report(from, to, ExportFormat::Odt, day(23))
        .unwrap();
    assert_eq!(file.file_name, "Voortgangsrapportage 2025-2026.odt");
    let content = part(&file.bytes, "content.xml");
    assert_eq!(content.matches("<svg:title>").count(), images.len());
    assert!(ws
        .export_report(to, from, ExportFormat::Pdf, day(23))
        .is_err());
}

#[test]
fn an_archive_restores_the_whole_coalition_and_refuses_a_damaged_one() {
    use std::io::Write;

    let (_d, mut ws) = demo();
    // An erased person stays erased in the archive and after a restore.
    let person = ws.list_contacts(&Default::default()).unwrap()[0].clone();
    ws.erase_contact(person.id).unwrap();
    let file = ws.export_archive(day(23)).unwrap();
    assert!(file.file_name.starts_with("Wieg-archief Kansrijke Start"));
    assert!(file.file_name.ends_with(" 2026-11-23.zip"));
    let log = part(&file.bytes, "changes.jsonl");
    assert!(
        !log.contains(&person.name),
        "the erased person left no trace"
    );
    assert!(part(&file.bytes, "tabellen/organisations.csv").starts_with("\u{feff}id;"));
    assert_eq!(file.bytes, ws.export_archive(day(23)).unwrap().bytes);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(&file.file_name);
    std::fs::write(&path, &file.bytes).unwrap();
    let restored_dir = tempfile::tempdir().unwrap();
    let mut restored = Workspace::open(restored_dir.path()).unwrap();
    let report = restored.restore_archive(&path).unwrap();
    assert_eq!(report.coalition, ws.coalition().unwrap().unwrap().name);
    assert_eq!(
        restored.dump().unwrap(),
        ws.dump().unwrap(),
        "everything came back"
    );
    assert_ne!(
        restored.replica().id,
        ws.replica().id,
        "a new laptop, not a clone"
    );
    // Not over an existing coalition.
    assert!(matches!(
        restored.restore_archive(&path),
        Err(Error::CoalitionExists(_))
    ));

    // A half-copied file, a changed log, an archive from a newer Wieg: refused,
    // and the empty workspace stays empty.
    let rewrite = |edit: &dyn Fn(&str, String) -> String| -> std::path::PathBuf {
        let mut source = zip::ZipArchive::new(std::io::Cursor::new(&file.bytes)).unwrap();
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for i in 0..source.len() {
            let mut entry = source.by_index(i).unwrap();
            let name = entry.name().to_string();
            let mut text = String::new();
            entry.read_to_string(&mut text).unwrap();
            out.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
                .unwrap();
            out.write_all(edit(&name, text).as_bytes()).unwrap();
        }
        let bad = dir.path().join(format!("bad-{}.zip", rand_suffix()));
        std::fs::write(&bad, out.finish().unwrap().into_inner()).unwrap();
        bad
    };
    let truncated = dir.path().join("half.zip");
    std::fs::write(&truncated, &file.bytes[..file.bytes.len() / 2]).unwrap();
    let tampered = rewrite(&|name, text| {
        if name == "changes.jsonl" {
            text.replacen("Venlo", "Venl0", 1)
        } else {
            text
        }
    });
    let newer = rewrite(&|name, text| {
        if name == "manifest.json" {
            text.replace("\"format_version\": 1", "\"format_version\": 2")
        } else {
            text
        }
    });
    let empty_dir = tempfile::tempdir().unwrap();
    let mut empty = Workspace::open(empty_dir.path()).unwrap();
    for (bad, expected) in [
        (&truncated, "geen bruikbaar Wieg-archief"),
        (&tampered, "controlegetal"),
        (&newer, "nieuwere versie"),
    ] {
        let err = empty.restore_archive(bad).unwrap_err().to_string();
        assert!(err.contains(expected), "{err}");
        assert!(empty.coalition().unwrap().is_none());
    }
}

fn rand_suffix() -> String {
    uuid::Uuid::now_v7().simple().to_string()
}

#[test]
fn the_coalitions_logo_heads_every_document_on_every_laptop() {
    let (_d, mut ws) = workspace();
    let dir = tempfile::tempdir().unwrap();
    // A wide logo is scaled to fit 600 × 300 and kept as a PNG.
    let picture =
        image::RgbImage::from_fn(1200, 400, |x, _| image::Rgb([(x % 256) as u8, 80, 160]));
    let jpeg = dir.path().join("logo.jpg");
    picture.save(&jpeg).unwrap();
    ws.set_coalition_logo(&jpeg).unwrap();
    let png = ws.coalition_logo().unwrap().unwrap();
    let stored = image::load_from_memory(&png).unwrap();
    assert_eq!((stored.width(), stored.height()), (600, 200));

    let minutes_of = |ws: &Workspace| -> Vec<u8> {
        ws.export_action_items(ExportFormat::Docx, day(23))
            .unwrap()
            .bytes
    };
    let docx = minutes_of(&ws);
    let document = part(&docx, "word/document.xml");
    assert!(document.contains("descr=\"Logo van Kansrijke Start Teststad\""));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    assert!(archive.by_name("word/media/image1.png").is_ok());

    let odt = ws
        .export_action_items(ExportFormat::Odt, day(23))
        .unwrap()
        .bytes;
    assert!(part(&odt, "content.xml")
        .contains("<svg:title>Logo van Kansrijke Start Teststad</svg:title>"));
    let pdf = ws
        .export_action_items(ExportFormat::Pdf, day(23))
        .unwrap()
        .bytes;

    // Another laptop gets it with the rest, and makes the same file.
    let (_d2, other) = replica_of(&ws);
    assert_eq!(minutes_of(&other), docx);

    // Not a picture: refused, the logo stays.
    let text = dir.path().join("logo.png");
    std::fs::write(&text, "geen plaatje").unwrap();
    match ws.set_coalition_logo(&text) {
        Err(Error::Validation(v)) => assert_eq!(v.field, "logo"),
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert_eq!(ws.coalition_logo().unwrap().unwrap(), png);
    ws.clear_coalition_logo().unwrap();
    assert!(ws.coalition_logo().unwrap().is_none());
    assert!(!part(&minutes_of(&ws), "word/document.xml").contains("Logo van"));
    let plain = ws
        .export_action_items(ExportFormat::Pdf, day(23))
        .unwrap()
        .bytes;
    assert!(pdf.len() > plain.len() + 2_000, "the PDF held the picture");
}

/// The network goes out as two CSV files or Kumu's workbook, by one typed
/// route; any other format is refused by name, and nothing is written.
#[test]
fn the_network_export_takes_a_format_and_refuses_others() {
    let (dir, mut ws) = crate::workspace();
    ws.create_organisation(&crate::new_org("GGD Limburg-Noord"))
        .unwrap();
    let out = dir.path().join("uit");
    std::fs::create_dir(&out).unwrap();
    let csv = ws
        .export_network(ExportFormat::Csv, &out.join("netwerk.csv"))
        .unwrap();
    let names: Vec<String> = csv
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names,
        ["netwerk-organisaties.csv", "netwerk-verbindingen.csv"]
    );
    let xlsx = ws
        .export_network(ExportFormat::Xlsx, &out.join("kumu.xlsx"))
        .unwrap();
    assert_eq!(xlsx, [out.join("kumu.xlsx")]);
    match ws.export_network(ExportFormat::Pdf, &out.join("netwerk.pdf")) {
        Err(wieg::Error::Validation(v)) => {
            assert_eq!(v.field, "format");
            assert!(v.message.contains("csv, xlsx"), "{}", v.message);
        }
        other => panic!("a PDF of the network is refused, got {other:?}"),
    }
    assert!(!out.join("netwerk.pdf").exists());
}

#[test]
fn the_werkagenda_follows_the_formats_parts_and_fills_what_wieg_knows() {
    use wieg::export::{Block, ExportRequest};
    use wieg::plan::ActionFilter;

    let (_e, empty) = workspace();
    assert!(
        empty
            .export_file(&ExportRequest::Werkagenda, ExportFormat::Docx, day(23))
            .is_err(),
        "without a plan there is nothing to hand in"
    );

    let (_d, ws) = demo();
    let plan = ws.current_plan().unwrap().unwrap();
    let overview = ws.plan_overview(plan.id, &ActionFilter::default()).unwrap();
    let today = day(23);
    let doc = ws.werkagenda_document(&overview, today).unwrap();
    let headings: Vec<(u8, &str)> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading { level, text } => Some((*level, text.as_str())),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            (1, "Kansrijk opgroeien"),
            (2, "Gezondheidsdoelen"),
            (2, "Scope en samenhang"),
            (2, "Organisatie en rollen"),
            (1, "3a. Kansrijke start"),
            (2, "Mijlpalenplanning"),
            (1, "3a.1 Nu Niet Zwanger (onderdeel van Kansrijke start)"),
            (2, "Mijlpalenplanning"),
            (1, "3a.2 Integrale gezinspoli (onderdeel van Kansrijke start)"),
            (2, "Mijlpalenplanning"),
            (
                1,
                "3a.3 Rookvrije start (onderdeel van Kansrijke start) (optioneel onderdeel werkagenda)"
            ),
            (2, "Mijlpalenplanning"),
        ]
    );
    let tables: Vec<&wieg::export::Table> = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    // Every part has the format's seven rows, in its order.
    let parts: Vec<_> = tables
        .iter()
        .filter(|t| t.header[0] == "IST / SOLL / GAP")
        .collect();
    assert_eq!(parts.len(), 4);
    for t in &parts {
        let stages: Vec<&str> = t.rows.iter().map(|r| r[0].as_str()).collect();
        assert_eq!(
            stages,
            [
                "IST",
                "IST",
                "SOLL",
                "SOLL",
                "GAP (projectplan)",
                "GAP (projectplan)",
                "GAP (projectplan)"
            ]
        );
        assert!(t.rows[0][1].starts_with("Urgentie: Wat is er bekend"));
        assert!(t.rows[6][1].starts_with("Monitoring (optioneel): "));
    }
    // 3a: the plan's own urgency text and the region's latest figures;
    // coverage from the roll-out; each grant with what is left.
    let whole = &parts[0].rows;
    assert!(
        whole[0][2].starts_with(plan.urgency.trim()),
        "{}",
        whole[0][2]
    );
    assert!(whole[0][2].contains("Roken tijdens de zwangerschap: 4,42 % (2025, hele regio)"));
    let matrix = ws.rollout_matrix().unwrap();
    let nnz = matrix
        .interventions
        .iter()
        .find(|i| i.name == "Nu Niet Zwanger")
        .unwrap();
    let coverage = format!(
        "Nu Niet Zwanger is actief in {} van de {} gemeenten.",
        nnz.active,
        matrix.municipalities.len()
    );
    assert!(whole[1][2].contains(&coverage), "{}", whole[1][2]);
    for g in ws.grant_balances().unwrap() {
        assert!(whole[5][2].contains(&g.funding.funder), "{}", whole[5][2]);
    }
    // 3a.1 knows its coverage, the professionals trained and its target;
    // 3a.2, of which Wieg knows nothing, asks to be filled in.
    let nnz_part = &parts[1].rows;
    assert!(nnz_part[1][2].starts_with(&coverage));
    assert!(nnz_part[1][2].contains("36 professionals zijn erin getraind."));
    assert!(nnz_part[4][2].starts_with("Professionals getraind in Nu Niet Zwanger: nulmeting 0 (2023), nu 36, streefwaarde 150 (2026)"));
    assert_eq!(nnz_part[0][2], "In te vullen.");
    assert!(parts[2].rows.iter().all(|r| r[2] == "In te vullen."));
    // The milestone planning: what is still to reach, from this year on, by quarter.
    let plans: Vec<_> = tables
        .iter()
        .filter(|t| {
            t.header
                == [
                    "Kwartaal",
                    "Activiteiten",
                    "Verantwoordelijke",
                    "Deelresultaat",
                ]
        })
        .collect();
    assert_eq!(plans.len(), 4);
    let open: Vec<(String, String)> = overview
        .pillars
        .iter()
        .flat_map(|p| &p.actions)
        .flat_map(|a| a.milestones.iter().map(move |m| (a, m)))
        .filter(|(_, m)| !m.done && m.quarter.as_str() >= "2026")
        .map(|(a, m)| (m.quarter.clone(), a.title.clone()))
        .collect();
    assert!(!open.is_empty());
    let listed: Vec<(String, String)> = plans[0]
        .rows
        .iter()
        .map(|r| (r[0].clone(), r[1].clone()))
        .collect();
    let mut expected = open.clone();
    expected.sort();
    assert_eq!(listed, expected);
}
