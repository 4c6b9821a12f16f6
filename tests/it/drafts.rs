//! Follow-up e-mails as drafts for the coordinator's mail program, and
//! what the dashboard says needs attention.

use chrono::Days;
use wieg::dashboard::AttentionKind;
use wieg::export::ExportFormat;
use wieg::meetings::{ActionItemInput, DecisionInput, MeetingInput};
use wieg::network::ContactFilter;
use wieg::{ContactInput, Workspace};

use crate::{new_org, workspace};

fn day(ws: &Workspace, days_from_today: i64) -> String {
    let today = ws.today();
    let d = if days_from_today < 0 {
        today.checked_sub_days(Days::new(days_from_today.unsigned_abs()))
    } else {
        today.checked_add_days(Days::new(days_from_today as u64))
    };
    d.unwrap().to_string()
}

fn person(ws: &mut Workspace, org: uuid::Uuid, name: &str, email: &str) -> uuid::Uuid {
    ws.create_contact(&ContactInput {
        organisation: Some(org),
        name: Some(name.into()),
        email: Some(email.into()),
        ..Default::default()
    })
    .unwrap()
    .id
}

/// A meeting a week ago with Fatima and Joris invited, two action items for
/// Fatima (one overdue) and one for the organisation De Linde.
fn coalition() -> (
    tempfile::TempDir,
    Workspace,
    uuid::Uuid,
    uuid::Uuid,
    uuid::Uuid,
) {
    let (d, mut ws) = workspace();
    let linde = ws
        .create_organisation(&new_org("Kraamzorg De Linde"))
        .unwrap()
        .id;
    let fatima = person(
        &mut ws,
        linde,
        "Fatima el Amrani",
        "fatima@delinde.example.nl",
    );
    let joris = person(&mut ws, linde, "Joris Peeters", "");
    let date = day(&ws, -7);
    let meeting = ws
        .create_meeting(&MeetingInput {
            title: Some("Werkgroep geboortezorg".into()),
            date: Some(date),
            invited: Some(vec![fatima, joris]),
            ..Default::default()
        })
        .unwrap()
        .id;
    for (text, owner, due) in [
        ("Folder Nu Niet Zwanger vertalen", fatima, day(&ws, -2)),
        ("Scholingsdata rondsturen", fatima, day(&ws, 14)),
        ("Contact met de gemeente leggen", linde, String::new()),
    ] {
        ws.add_action_item(&ActionItemInput {
            meeting: Some(meeting),
            text: Some(text.into()),
            owner: Some(owner.to_string()),
            due: Some(due),
            ..Default::default()
        })
        .unwrap();
    }
    ws.add_decision(&DecisionInput {
        meeting: Some(meeting),
        text: Some("De werkgroep komt elk kwartaal bijeen".into()),
        ..Default::default()
    })
    .unwrap();
    (d, ws, linde, fatima, meeting)
}

#[test]
fn each_owner_gets_one_draft_with_their_open_items() {
    let (_d, ws, linde, fatima, _) = coalition();
    let drafts = ws.follow_up_drafts().unwrap();
    assert_eq!(drafts.len(), 2);
    // Overdue first.
    let first = &drafts[0];
    assert_eq!((first.owner, first.open, first.overdue), (fatima, 2, 1));
    assert_eq!(first.draft.to[0].email, "fatima@delinde.example.nl");
    let body = &first.draft.body;
    assert!(body.starts_with("Beste Fatima,"), "{body}");
    let overdue = body.find("Folder Nu Niet Zwanger vertalen").unwrap();
    let later = body.find("Scholingsdata rondsturen").unwrap();
    assert!(overdue < later, "the overdue item first");
    assert!(body.contains("Werkgroep geboortezorg van "), "{body}");
    assert!(body.contains("verlopen"), "{body}");
    // The organisation's draft goes to its person with an address.
    let org = &drafts[1];
    assert_eq!(org.owner, linde);
    assert_eq!(org.draft.to.len(), 1);
    assert_eq!(org.draft.to[0].name, "Fatima el Amrani");

    let link = &first.draft.mailto;
    assert!(
        link.starts_with("mailto:fatima@delinde.example.nl?subject="),
        "{link}"
    );
    assert!(
        link.contains("Folder%20Nu%20Niet%20Zwanger%20vertalen"),
        "{link}"
    );
    assert!(!link.contains(' ') && !link.contains('\n'));

    let eml = ws.follow_up_files().unwrap();
    assert_eq!(eml.len(), 2);
    let text = String::from_utf8(eml[0].bytes.clone()).unwrap();
    assert!(text.contains("X-Unsent: 1\r\n"), "{text}");
    assert!(text.contains("<fatima@delinde.example.nl>"), "{text}");
    assert!(eml[0].file_name.ends_with(".eml"));
}

#[test]
fn a_long_mailto_link_is_shortened_and_says_so() {
    let (_d, mut ws, _, fatima, meeting) = coalition();
    for n in 0..60 {
        ws.add_action_item(&ActionItemInput {
            meeting: Some(meeting),
            text: Some(format!(
                "Actiepunt nummer {n} met een wat langere omschrijving"
            )),
            owner: Some(fatima.to_string()),
            ..Default::default()
        })
        .unwrap();
    }
    let drafts = ws.follow_up_drafts().unwrap();
    let draft = &drafts.iter().find(|d| d.owner == fatima).unwrap().draft;
    assert!(draft.mailto.len() <= 1900, "{}", draft.mailto.len());
    assert!(
        draft.mailto.contains("ingekort"),
        "the link says it is shortened"
    );
    assert!(
        draft.body.contains("Actiepunt nummer 59"),
        "the draft itself is whole"
    );
}

#[test]
fn the_minutes_go_to_those_invited_with_the_minutes_attached() {
    let (_d, ws, _, _, meeting) = coalition();
    let mail = ws.minutes_mail(meeting, ExportFormat::Pdf).unwrap();
    assert_eq!(mail.draft.to.len(), 1, "Joris has no address");
    assert_eq!(mail.draft.without_address, ["Joris Peeters"]);
    assert!(mail
        .draft
        .subject
        .starts_with("Notulen Werkgroep geboortezorg van "));
    assert!(mail
        .draft
        .body
        .contains("De werkgroep komt elk kwartaal bijeen"));
    assert!(mail
        .draft
        .body
        .contains("Fatima el Amrani: Folder Nu Niet Zwanger vertalen"));
    let file = mail.render().unwrap();
    let text = String::from_utf8_lossy(&file.bytes);
    assert!(text.contains("Content-Type: application/pdf"), "{text}");
    assert!(text.contains("Content-Disposition: attachment"), "{text}");
}

#[test]
fn the_dashboard_says_what_needs_attention_and_where() {
    let (_d, mut ws, _, fatima, meeting) = coalition();
    // Checked when added; Fatima's check is more than a year old.
    let long_ago = day(&ws, -400);
    ws.update_contact(
        fatima,
        &ContactInput {
            last_checked: Some(long_ago),
            ..Default::default()
        },
    )
    .unwrap();
    let board = ws.dashboard().unwrap();
    let kinds: Vec<AttentionKind> = board.attention.iter().map(|a| a.kind).collect();
    assert_eq!(
        kinds,
        [
            AttentionKind::Actiepunten,
            AttentionKind::Notulen,
            AttentionKind::Contactpersonen
        ]
    );
    assert_eq!(board.attention[0].count, 1, "one item overdue");
    assert_eq!(board.attention[1].subject, Some(meeting));
    assert_eq!(board.attention[2].count, 1);
    assert!(ws.list_contacts(&ContactFilter::default()).unwrap().len() > 1);
}
