//! Meetings: attendance, agenda and minutes, decisions followed up, action
//! items carried over to the next meeting of the same kind, full-text search.

use wieg::meetings::{
    ActionItemFilter, ActionItemInput, ActionItemStatus, AgendaItemInput, Attendance,
    DecisionInput, FollowUp, MeetingInput, MeetingKind, MATCH_END, MATCH_START,
};
use wieg::{ContactInput, Workspace};

use crate::{exchange, new_org, refused, replica_of, workspace};

fn meeting(ws: &mut Workspace, title: &str, kind: MeetingKind, date: &str) -> uuid::Uuid {
    ws.create_meeting(&MeetingInput {
        title: Some(title.into()),
        kind: Some(kind),
        date: Some(date.into()),
        start_time: Some("9:30".into()),
        end_time: Some("11.00".into()),
        ..Default::default()
    })
    .unwrap()
    .id
}

fn person(ws: &mut Workspace, org: uuid::Uuid, name: &str) -> uuid::Uuid {
    ws.create_contact(&ContactInput {
        organisation: Some(org),
        name: Some(name.into()),
        ..Default::default()
    })
    .unwrap()
    .id
}

#[test]
fn a_meeting_has_attendance_agenda_minutes_decisions_and_action_items() {
    let (_d, mut ws) = workspace();
    let ggd = ws.create_organisation(&new_org("GGD Noord")).unwrap().id;
    let anouk = person(&mut ws, ggd, "Anouk Janssen");
    let bram = person(&mut ws, ggd, "Bram Peeters");
    let m = ws
        .create_meeting(&MeetingInput {
            title: Some("Stuurgroep Kansrijke Start".into()),
            kind: Some(MeetingKind::Stuurgroep),
            date: Some("30-11-2026".into()),
            start_time: Some("14:00".into()),
            end_time: Some("16:00".into()),
            location: Some("Stadhuis Venlo".into()),
            chair: Some(anouk.to_string()),
            invited: Some(vec![anouk, bram]),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        (m.start_time.as_str(), m.date.unwrap().to_string()),
        ("14:00", "2026-11-30".into())
    );
    for (input, field) in [
        (
            MeetingInput {
                title: Some("x".into()),
                ..Default::default()
            },
            "date",
        ),
        (
            MeetingInput {
                title: Some("x".into()),
                date: Some("2026-12-01".into()),
                start_time: Some("25:00".into()),
                ..Default::default()
            },
            "start_time",
        ),
        (
            MeetingInput {
                title: Some("x".into()),
                date: Some("2026-12-01".into()),
                start_time: Some("15:00".into()),
                end_time: Some("14:00".into()),
                ..Default::default()
            },
            "end_time",
        ),
    ] {
        assert_eq!(refused(ws.create_meeting(&input)).0, field);
    }

    ws.set_attendance(m.id, anouk, Attendance::Aanwezig)
        .unwrap();
    ws.set_attendance(m.id, bram, Attendance::Afgemeld).unwrap();
    let outsider = person(&mut ws, ggd, "Carla Smeets");
    assert_eq!(
        refused(ws.set_attendance(m.id, outsider, Attendance::Aanwezig)).0,
        "contact"
    );

    let item = ws
        .add_agenda_item(&AgendaItemInput {
            meeting: Some(m.id),
            title: Some("Voortgang pijler 2".into()),
            duration_min: Some(20),
            ..Default::default()
        })
        .unwrap();
    ws.update_agenda_item(
        item.id,
        &AgendaItemInput {
            minutes: Some("De **training** Nu Niet Zwanger is gegeven.\n\n- 14 deelnemers".into()),
            ..Default::default()
        },
    )
    .unwrap();
    let decision = ws
        .add_decision(&DecisionInput {
            meeting: Some(m.id),
            agenda_item: Some(item.id.to_string()),
            text: Some("De training wordt in 2027 herhaald.".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(decision.follow_up, FollowUp::Open);
    let decision = ws
        .follow_up_decision(decision.id, FollowUp::Uitgevoerd, "Gepland in maart 2027")
        .unwrap();
    assert_eq!(decision.follow_up, FollowUp::Uitgevoerd);
    let action = ws
        .add_action_item(&ActionItemInput {
            meeting: Some(m.id),
            agenda_item: Some(item.id.to_string()),
            text: Some("Data training delen".into()),
            owner: Some(bram.to_string()),
            due: Some("15-12-2026".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        (action.owner_name.as_str(), action.status),
        ("Bram Peeters", ActionItemStatus::Open)
    );
    assert_eq!(
        refused(ws.add_action_item(&ActionItemInput {
            meeting: Some(m.id),
            text: Some("x".into()),
            ..Default::default()
        }))
        .0,
        "owner"
    );

    let detail = ws.meeting_detail(m.id).unwrap();
    let attendance: Vec<(&str, Attendance)> = detail
        .attendees
        .iter()
        .map(|a| (a.name.as_str(), a.attendance))
        .collect();
    assert_eq!(
        attendance,
        [
            ("Anouk Janssen", Attendance::Aanwezig),
            ("Bram Peeters", Attendance::Afgemeld)
        ]
    );
    assert_eq!(
        detail.agenda[0].minutes.lines().next(),
        Some("De **training** Nu Niet Zwanger is gegeven.")
    );
    assert_eq!((detail.decisions.len(), detail.action_items.len()), (1, 1));
}

#[test]
fn open_action_items_come_back_at_the_next_meeting_of_the_same_kind() {
    let (_d, mut ws) = workspace();
    let ggd = ws.create_organisation(&new_org("GGD Noord")).unwrap().id;
    let first = meeting(&mut ws, "Stuurgroep", MeetingKind::Stuurgroep, "2026-01-15");
    let group = meeting(
        &mut ws,
        "Werkgroep pijler 1",
        MeetingKind::Werkgroep,
        "2026-02-01",
    );
    let done = ws
        .add_action_item(&ActionItemInput {
            meeting: Some(first),
            text: Some("Convenant rondsturen".into()),
            owner: Some(ggd.to_string()),
            due: Some("2026-02-01".into()),
            ..Default::default()
        })
        .unwrap();
    let open = ws
        .add_action_item(&ActionItemInput {
            meeting: Some(first),
            text: Some("Subsidie aanvragen".into()),
            owner: Some(ggd.to_string()),
            due: Some("2026-03-01".into()),
            ..Default::default()
        })
        .unwrap();
    ws.add_action_item(&ActionItemInput {
        meeting: Some(group),
        text: Some("Sociale kaart bijwerken".into()),
        owner: Some(ggd.to_string()),
        ..Default::default()
    })
    .unwrap();
    ws.set_action_item_status(done.id, ActionItemStatus::Gedaan)
        .unwrap();

    // The next steering group is made from the first: same kind, agenda titles.
    ws.add_agenda_item(&AgendaItemInput {
        meeting: Some(first),
        title: Some("Mededelingen".into()),
        ..Default::default()
    })
    .unwrap();
    let next = ws.create_meeting_from(first, "2026-04-15").unwrap();
    let detail = ws.meeting_detail(next.id).unwrap();
    assert_eq!(detail.meeting.kind, MeetingKind::Stuurgroep);
    assert_eq!(
        detail
            .agenda
            .iter()
            .map(|a| a.title.as_str())
            .collect::<Vec<_>>(),
        ["Mededelingen"]
    );
    let carried: Vec<&str> = detail
        .open_from_earlier
        .iter()
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(
        carried,
        ["Subsidie aanvragen"],
        "open, earlier, same kind only"
    );
    assert!(ws
        .meeting_detail(first)
        .unwrap()
        .open_from_earlier
        .is_empty());

    // The overview of open items: overdue, by kind.
    let all = ws.list_action_items(&ActionItemFilter::default()).unwrap();
    assert_eq!(all.len(), 2);
    let overdue = ws
        .list_action_items(&ActionItemFilter {
            overdue_only: Some(true),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(overdue.iter().map(|a| a.id).collect::<Vec<_>>(), [open.id]);
    let done_items = ws
        .list_action_items(&ActionItemFilter {
            status: Some(ActionItemStatus::Gedaan),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(done_items[0].done_on, Some(chrono::Utc::now().date_naive()));
}

#[test]
fn search_ignores_case_and_diacritics_finds_prefixes_and_marks_matches() {
    let (_d, mut ws) = workspace();
    let ggd = ws.create_organisation(&new_org("GGD Noord")).unwrap().id;
    let m = meeting(
        &mut ws,
        "Werkgroep Nu Niet Zwanger",
        MeetingKind::Werkgroep,
        "2026-05-01",
    );
    let item = ws
        .add_agenda_item(&AgendaItemInput {
            meeting: Some(m),
            title: Some("Coördinatie".into()),
            minutes: Some(
                "Het aantal Zwangerschappen bij tieners daalt; de café-bijeenkomst was druk."
                    .into(),
            ),
            ..Default::default()
        })
        .unwrap();
    ws.add_decision(&DecisionInput {
        meeting: Some(m),
        text: Some("Geen nieuwe folder over zwangerschap.".into()),
        ..Default::default()
    })
    .unwrap();
    ws.add_action_item(&ActionItemInput {
        meeting: Some(m),
        text: Some("Mail de coordinator".into()),
        owner: Some(ggd.to_string()),
        ..Default::default()
    })
    .unwrap();

    let kinds = |ws: &Workspace, q: &str| -> Vec<String> {
        let mut k: Vec<String> = ws
            .search(q, 20)
            .unwrap()
            .into_iter()
            .map(|h| h.kind)
            .collect();
        k.sort();
        k
    };
    assert_eq!(
        kinds(&ws, "zwangerschap"),
        ["agendapunt", "besluit"],
        "prefix and case"
    );
    assert_eq!(kinds(&ws, "cafe"), ["agendapunt"], "diacritics");
    assert_eq!(kinds(&ws, "coordinator"), ["actiepunt"]);
    assert_eq!(kinds(&ws, "coördinatie"), ["agendapunt"]);
    assert!(ws.search("walvis", 20).unwrap().is_empty());
    assert!(
        ws.search("  \"*(  ", 20).unwrap().is_empty(),
        "syntax alone is no query"
    );
    let hit = &ws.search("tieners", 20).unwrap()[0];
    assert_eq!((hit.id, hit.meeting), (item.id, m));
    assert!(
        hit.snippet
            .contains(&format!("{MATCH_START}tieners{MATCH_END}")),
        "{}",
        hit.snippet
    );
    assert_eq!(hit.meeting_title, "Werkgroep Nu Niet Zwanger");

    // Edits and deletions reach the index.
    ws.update_agenda_item(
        item.id,
        &AgendaItemInput {
            minutes: Some("Niets meer over tieners hier? Jawel: pubers.".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(kinds(&ws, "pubers"), ["agendapunt"]);
    assert!(kinds(&ws, "daalt").is_empty());
    ws.delete_meeting(m).unwrap();
    assert!(ws.search("pubers", 20).unwrap().is_empty());
}

#[test]
fn minutes_written_on_another_laptop_are_found_here() {
    let (_a_dir, mut a) = workspace();
    let m = meeting(
        &mut a,
        "Netwerkbijeenkomst WIJ GROEIEN",
        MeetingKind::Netwerkbijeenkomst,
        "2026-11-30",
    );
    let (_b_dir, mut b) = replica_of(&a);
    b.add_agenda_item(&AgendaItemInput {
        meeting: Some(m),
        title: Some("Workshop".into()),
        minutes: Some("Veel vragen over kraamzorg".into()),
        ..Default::default()
    })
    .unwrap();
    exchange(&mut [&mut a, &mut b]);
    assert_eq!(a.search("kraamzorg", 5).unwrap().len(), 1);
    assert_eq!(a.dump().unwrap(), b.dump().unwrap());
}

fn minutes(ws: &mut Workspace, m: uuid::Uuid, title: &str, text: &str) -> uuid::Uuid {
    ws.add_agenda_item(&AgendaItemInput {
        meeting: Some(m),
        title: Some(title.into()),
        minutes: Some(text.into()),
        ..Default::default()
    })
    .unwrap()
    .id
}

#[test]
fn search_finds_a_word_inside_a_compound_and_ranks_whole_words_first() {
    let (_d, mut ws) = workspace();
    let m = meeting(
        &mut ws,
        "Werkgroep Eerste 1000 dagen",
        MeetingKind::Werkgroep,
        "2026-03-12",
    );
    // The whole word is the oldest text; compounds come later.
    let whole = minutes(
        &mut ws,
        m,
        "Voorlichting",
        "Folder over alcohol in de zwangerschap.",
    );
    let centering = minutes(
        &mut ws,
        m,
        "Groepszorg",
        "Start van CenteringZwangerschap in Venray.",
    );
    let tiener = minutes(
        &mut ws,
        m,
        "Cijfers",
        "Minder tienerzwangerschap in Roermond; het Ouderschapscafé loopt goed.",
    );
    let jgz = ws
        .add_decision(&DecisionInput {
            meeting: Some(m),
            text: Some("De jeugdgezondheidszorg neemt de kraamzorg-overdracht over.".into()),
            ..Default::default()
        })
        .unwrap()
        .id;

    let ids = |ws: &Workspace, q: &str| -> Vec<uuid::Uuid> {
        ws.search(q, 20)
            .unwrap()
            .into_iter()
            .map(|h| h.id)
            .collect()
    };
    assert_eq!(
        ids(&ws, "zwangerschap"),
        [whole, tiener, centering],
        "the whole word first although oldest, then compounds newest first"
    );
    assert_eq!(ids(&ws, "ZWANGERSCHAP"), ids(&ws, "zwangerschap"));
    assert_eq!(ids(&ws, "gezondheid"), [jgz]);
    assert_eq!(
        ids(&ws, "CAFE"),
        [tiener],
        "case and diacritics inside a compound"
    );
    assert_eq!(ids(&ws, "schapscafé"), [tiener]);
    assert_eq!(ids(&ws, "zorg"), [jgz, centering], "titles too");
    assert_eq!(
        ids(&ws, "zwangerschap roermond"),
        [tiener],
        "every word must occur"
    );
    assert!(ids(&ws, "zwangerschap walvis").is_empty());
    assert!(ids(&ws, "zwangerschapswalvis").is_empty());
    assert_eq!(
        ws.search("zwangerschap", 1).unwrap()[0].id,
        whole,
        "the limit keeps the best"
    );
    assert_eq!(ws.search("zwangerschap", 2).unwrap().len(), 2);

    // Short words have no three letters to find inside a word: they match
    // the start of a word, also next to a longer word found in a compound.
    assert_eq!(ids(&ws, "ti"), [tiener]);
    assert!(ids(&ws, "ij").is_empty(), "not inside a word");
    assert_eq!(ids(&ws, "in zwangerschap"), [whole, tiener, centering]);
    assert_eq!(ids(&ws, "ro zwangerschap"), [tiener]);

    // The mark is around the part that matched, also inside a compound.
    let hits = ws.search("zwangerschap", 20).unwrap();
    assert!(
        hits[0]
            .snippet
            .contains(&format!("de {MATCH_START}zwangerschap{MATCH_END}")),
        "{}",
        hits[0].snippet
    );
    assert_eq!(
        hits[1].snippet,
        format!(
            "Minder tiener{MATCH_START}zwangerschap{MATCH_END} in Roermond; het Ouderschapscafé loopt goed."
        )
    );
    assert!(
        hits[2]
            .snippet
            .contains(&format!("Centering{MATCH_START}Zwangerschap{MATCH_END}")),
        "{}",
        hits[2].snippet
    );
    let hit = &ws.search("cafe roermond", 20).unwrap()[0];
    assert!(
        hit.snippet
            .contains(&format!("Ouderschaps{MATCH_START}café{MATCH_END}")),
        "{}",
        hit.snippet
    );
    let hit = &ws.search("gezondheid", 20).unwrap()[0];
    assert!(
        hit.snippet.starts_with(&format!(
            "De jeugd{MATCH_START}gezondheid{MATCH_END}szorg neemt"
        )),
        "{}",
        hit.snippet
    );

    // Edits, deletions and minutes from another laptop reach the compound index.
    ws.update_agenda_item(
        centering,
        &AgendaItemInput {
            minutes: Some("Start van CenteringOuderschap in Venray.".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(ids(&ws, "zwangerschap"), [whole, tiener]);
    assert_eq!(ids(&ws, "ouderschap"), [tiener, centering]);
    ws.delete_agenda_item(tiener).unwrap();
    assert_eq!(ids(&ws, "zwangerschap"), [whole]);
    let (_b_dir, mut b) = replica_of(&ws);
    let elsewhere = minutes(&mut b, m, "Werkbezoek", "Bezoek aan de babywinkel.");
    exchange(&mut [&mut ws, &mut b]);
    assert_eq!(ids(&ws, "winkel"), [elsewhere]);
    ws.delete_meeting(m).unwrap();
    assert!(ids(&ws, "zwangerschap").is_empty());
    assert!(ids(&ws, "gezondheid").is_empty());
}

#[test]
fn the_demo_minutes_speak_of_pregnancy_inside_compounds() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = crate::open(dir.path());
    ws.load_demo().unwrap();
    let hits = ws.search("zwangerschap", 20).unwrap();
    assert!(!hits.is_empty());
    assert!(
        hits.iter().any(|h| h
            .snippet
            .contains(&format!("Centering{MATCH_START}Zwangerschap{MATCH_END}"))),
        "{hits:?}"
    );
}

/// A database from before compounds were indexed (schema 10: the word index
/// only, kept by triggers that knew nothing else) gets the compound index on
/// opening, for its existing minutes and for those written afterwards.
#[test]
fn minutes_from_schema_10_are_found_inside_compounds_after_opening() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = crate::open(dir.path());
    ws.create_coalition("Kansrijke Start Teststad").unwrap();
    let m = meeting(&mut ws, "Stuurgroep", MeetingKind::Stuurgroep, "2025-01-20");
    let item = minutes(&mut ws, m, "JGZ", "Overleg met de jeugdgezondheidszorg.");
    let decision = ws
        .add_decision(&DecisionInput {
            meeting: Some(m),
            text: Some("CenteringZwangerschap komt er.".into()),
            ..Default::default()
        })
        .unwrap()
        .id;
    drop(ws);

    // Back to how schema 10 kept search: no compound index, its triggers.
    let conn = rusqlite::Connection::open(dir.path().join("wieg.sqlite")).unwrap();
    crate::columns_back_to(&conn, 10);
    let mut sql = String::from("DROP TABLE search_parts;\n");
    for (table, kind, title, body) in [
        ("agenda_items", "agendapunt", "new.title", "new.minutes"),
        (
            "decisions",
            "besluit",
            "''",
            "new.text || ' ' || new.follow_up_note",
        ),
        ("action_items", "actiepunt", "''", "new.text"),
    ] {
        for (event, delete) in [
            ("INSERT", ""),
            (
                "UPDATE",
                "DELETE FROM search_index WHERE rowid = (SELECT row FROM search_rows WHERE ref = old.id);",
            ),
        ] {
            let name = format!("{table}_search_{}", event.to_lowercase());
            sql += &format!(
                "DROP TRIGGER {name};
                 CREATE TRIGGER {name} AFTER {event} ON {table} BEGIN
                     {delete}
                     INSERT INTO search_rows (ref) SELECT new.id
                     WHERE NOT EXISTS (SELECT 1 FROM search_rows WHERE ref = new.id);
                     INSERT INTO search_index (rowid, kind, ref, meeting, title, body)
                     SELECT (SELECT row FROM search_rows WHERE ref = new.id), '{kind}', new.id, new.meeting, {title}, {body}
                     WHERE new.deleted = 0;
                 END;\n"
            );
        }
    }
    sql += "PRAGMA user_version = 10;";
    conn.execute_batch(&sql).unwrap();
    drop(conn);

    let mut ws = crate::open(dir.path());
    let ids = |ws: &Workspace, q: &str| -> Vec<uuid::Uuid> {
        ws.search(q, 20)
            .unwrap()
            .into_iter()
            .map(|h| h.id)
            .collect()
    };
    assert_eq!(ids(&ws, "gezondheid"), [item]);
    assert_eq!(ids(&ws, "zwangerschap"), [decision]);
    assert_eq!(
        ids(&ws, "jeugdgezondheidszorg"),
        [item],
        "the word index stays"
    );
    let later = minutes(&mut ws, m, "Kraamzorg", "Tienerzwangerschap besproken.");
    assert_eq!(ids(&ws, "zwangerschap"), [later, decision]);
    ws.delete_agenda_item(item).unwrap();
    assert!(ids(&ws, "gezondheid").is_empty());
    let conn = rusqlite::Connection::open(dir.path().join("wieg.sqlite")).unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, wieg::SCHEMA_VERSION);
    assert!(version >= 11, "the search of compounds (11) is in");
}

#[test]
fn agenda_is_reordered_and_pruned_and_decisions_and_action_items_are_corrected() {
    let (_d, mut ws) = workspace();
    let ggd = ws.create_organisation(&new_org("GGD Noord")).unwrap().id;
    let anouk = person(&mut ws, ggd, "Anouk Janssen");
    let m = meeting(
        &mut ws,
        "Werkgroep pijler 3",
        MeetingKind::Werkgroep,
        "2026-12-01",
    );
    let item = |ws: &mut Workspace, title: &str| {
        ws.add_agenda_item(&AgendaItemInput {
            meeting: Some(m),
            title: Some(title.into()),
            ..Default::default()
        })
        .unwrap()
        .id
    };
    let opening = item(&mut ws, "Opening");
    let budget = item(&mut ws, "Begroting");
    let closing = item(&mut ws, "Rondvraag");
    let titles = |ws: &Workspace| -> Vec<String> {
        ws.meeting_detail(m)
            .unwrap()
            .agenda
            .into_iter()
            .map(|a| a.title)
            .collect()
    };

    ws.reorder_agenda(m, &[budget, opening, closing]).unwrap();
    assert_eq!(titles(&ws), ["Begroting", "Opening", "Rondvraag"]);
    // An order that forgets or repeats an item is refused; nothing moves.
    for bad in [vec![budget, opening], vec![budget, opening, opening]] {
        assert_eq!(refused(ws.reorder_agenda(m, &bad)).0, "order");
    }
    assert_eq!(titles(&ws), ["Begroting", "Opening", "Rondvraag"]);

    // A confidential item keeps its flag; deleting an item keeps its
    // decisions and action items with the meeting.
    let flagged = ws
        .update_agenda_item(
            budget,
            &AgendaItemInput {
                confidential: Some(true),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(flagged.confidential);
    let decision = ws
        .add_decision(&DecisionInput {
            meeting: Some(m),
            agenda_item: Some(budget.to_string()),
            text: Some("Begroting 2027 vastgesteld".into()),
            ..Default::default()
        })
        .unwrap();
    let todo = ws
        .add_action_item(&ActionItemInput {
            meeting: Some(m),
            agenda_item: Some(budget.to_string()),
            text: Some("Offerte opvragen".into()),
            owner: Some(anouk.to_string()),
            due: Some("2026-12-15".into()),
            ..Default::default()
        })
        .unwrap();
    ws.delete_agenda_item(budget).unwrap();
    let detail = ws.meeting_detail(m).unwrap();
    assert_eq!(titles(&ws), ["Opening", "Rondvraag"]);
    assert_eq!(detail.decisions[0].agenda_item, None);
    assert_eq!(detail.action_items[0].agenda_item, None);

    // Corrections: text, owner, due date; a mistake is deleted.
    let fixed = ws
        .update_decision(
            decision.id,
            &DecisionInput {
                text: Some("Begroting 2027 vastgesteld, met één wijziging".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(fixed.text, "Begroting 2027 vastgesteld, met één wijziging");
    assert_eq!(
        refused(ws.update_decision(
            decision.id,
            &DecisionInput {
                text: Some("  ".into()),
                ..Default::default()
            }
        ))
        .0,
        "text"
    );
    let moved = ws
        .update_action_item(
            todo.id,
            &ActionItemInput {
                owner: Some(ggd.to_string()),
                due: Some("05-01-2027".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        (moved.owner, moved.owner_name.as_str()),
        (Some(ggd), "GGD Noord")
    );
    assert_eq!(moved.due.unwrap().to_string(), "2027-01-05");
    assert_eq!(moved.text, "Offerte opvragen");
    assert_eq!(
        refused(ws.update_action_item(
            todo.id,
            &ActionItemInput {
                owner: Some(uuid::Uuid::now_v7().to_string()),
                ..Default::default()
            }
        ))
        .0,
        "owner"
    );
    let cleared = ws
        .update_action_item(
            todo.id,
            &ActionItemInput {
                due: Some(String::new()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(cleared.due, None);
    let dropped = ws
        .set_action_item_status(todo.id, ActionItemStatus::Vervallen)
        .unwrap();
    assert_eq!(dropped.status, ActionItemStatus::Vervallen);
    assert!(ws
        .list_action_items(&ActionItemFilter::default())
        .unwrap()
        .is_empty());

    // Everything above reaches another laptop.
    let (_d2, mut other) = replica_of(&ws);
    ws.delete_decision(decision.id).unwrap();
    ws.delete_action_item(todo.id).unwrap();
    exchange(&mut [&mut ws, &mut other]);
    let there = other.meeting_detail(m).unwrap();
    assert_eq!(
        there
            .agenda
            .iter()
            .map(|a| a.title.as_str())
            .collect::<Vec<_>>(),
        ["Opening", "Rondvraag"]
    );
    assert!(there.decisions.is_empty() && there.action_items.is_empty());
    assert!(ws.list_decisions().unwrap().is_empty());
}

#[test]
fn a_meeting_page_is_read_in_one_call_with_what_its_forms_offer() {
    let (_dir, ws) = crate::demo();
    let id = ws.list_meetings().unwrap()[0].id;
    let page = ws.meeting_page(id).unwrap();
    assert_eq!(page.detail, ws.meeting_detail(id).unwrap());
    assert_eq!(
        page.contacts,
        ws.list_contacts(&Default::default()).unwrap()
    );
    assert_eq!(
        page.organisations,
        ws.list_organisations(&Default::default()).unwrap()
    );
    let plan = page.plan.expect("the demo has a current plan");
    assert_eq!(Some(plan.plan.id), ws.current_plan().unwrap().map(|p| p.id));
    assert!(
        plan.pillars.iter().any(|p| !p.actions.is_empty()),
        "actions to link an agenda item to"
    );

    // Without a plan there are no actions to offer.
    let (_dir, mut bare) = workspace();
    let m = meeting(
        &mut bare,
        "Stuurgroep",
        MeetingKind::Stuurgroep,
        "2026-03-02",
    );
    assert!(bare.meeting_page(m).unwrap().plan.is_none());
}

#[test]
fn the_next_meeting_is_the_first_from_today_on() {
    let (_dir, mut ws) = workspace();
    let day = |ws: &Workspace, days: i64| (ws.today() + chrono::Duration::days(days)).to_string();
    assert!(ws.next_meeting().unwrap().is_none(), "nothing planned yet");
    let (yesterday, today, soon, later) = (day(&ws, -1), day(&ws, 0), day(&ws, 3), day(&ws, 10));
    meeting(&mut ws, "Gisteren", MeetingKind::Werkgroep, &yesterday);
    meeting(&mut ws, "Later", MeetingKind::Stuurgroep, &later);
    let soon_id = meeting(&mut ws, "Straks", MeetingKind::Werkgroep, &soon);
    let today_id = meeting(&mut ws, "Vandaag", MeetingKind::Werkgroep, &today);
    assert_eq!(ws.next_meeting().unwrap().map(|m| m.id), Some(today_id));
    assert_eq!(
        ws.dashboard().unwrap().next_meeting.map(|m| m.id),
        Some(today_id)
    );

    // A day later, today's meeting has passed.
    ws.set_clock_offset_ms(24 * 60 * 60 * 1000);
    assert_eq!(ws.next_meeting().unwrap().map(|m| m.id), Some(soon_id));
    // A deleted meeting is not the next one.
    ws.delete_meeting(soon_id).unwrap();
    assert_eq!(
        ws.next_meeting().unwrap().map(|m| m.title),
        Some("Later".to_string())
    );
}
