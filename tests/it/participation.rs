//! Who takes part: parents' groups counted per year, network days and
//! training counted per organisation, and what that adds up to.

use chrono::NaiveDate;
use wieg::meetings::MeetingInput;
use wieg::plan::{
    ActionInput, GatheringInput, GatheringKind, GoalInput, GoalTargetInput, GroupKind,
    ParentGroupInput, ParentGroupYearInput, Period, PlanInput, TargetMeasure, TurnoutInput,
};
use wieg::{Domain, Error, OrgKind, OrganisationInput, ValidationCode, Workspace};

use crate::{exchange, new_org, refused, replica_of, workspace};

fn year(group: uuid::Uuid, year: &str, members: &str, sessions: &str) -> ParentGroupYearInput {
    ParentGroupYearInput {
        parent_group: Some(group),
        year: Some(year.into()),
        members: Some(members.into()),
        sessions: Some(sessions.into()),
    }
}

fn turnout(org: uuid::Uuid, registered: &str, attended: &str, welcomed: bool) -> TurnoutInput {
    TurnoutInput {
        organisation: Some(org),
        registered: Some(registered.into()),
        attended: Some(attended.into()),
        welcomed: Some(welcomed),
        ..Default::default()
    }
}

fn first_action(ws: &mut Workspace) -> uuid::Uuid {
    let plan = ws
        .create_plan(&PlanInput {
            title: Some("Plan 2025-2027".into()),
            ..Default::default()
        })
        .unwrap();
    let pillar = ws.pillars(plan.id).unwrap()[0].id;
    ws.create_action(&ActionInput {
        pillar: Some(pillar),
        title: Some("Folder voor aanstaande ouders".into()),
        ..Default::default()
    })
    .unwrap()
    .id
}

#[test]
fn a_parents_group_is_counted_per_year_and_names_its_actions_and_meetings() {
    let (_d, mut ws) = workspace();
    let action = first_action(&mut ws);
    let meeting = ws
        .create_meeting(&MeetingInput {
            title: Some("Stuurgroep maart".into()),
            date: Some("2026-03-10".into()),
            ..Default::default()
        })
        .unwrap()
        .id;
    let panel = ws
        .create_parent_group(&ParentGroupInput {
            name: Some("Ouderpanel Venlo".into()),
            kind: Some(GroupKind::Ouderpanel),
            role: Some("Denkt mee over de folder".into()),
            actions: Some(vec![action]),
            meetings: Some(vec![meeting]),
            years: None,
        })
        .unwrap();
    assert_eq!(
        (panel.actions.clone(), panel.meetings.clone()),
        (vec![action], vec![meeting])
    );

    ws.set_parent_group_year(&year(panel.id, "2025", "9", "4"))
        .unwrap();
    ws.set_parent_group_year(&year(panel.id, "2026", "12", ""))
        .unwrap();
    // A second count for a year replaces the first.
    let panel = ws
        .set_parent_group_year(&year(panel.id, "2025", "10", "5"))
        .unwrap();
    let counts: Vec<(i32, i64, Option<i64>)> = panel
        .years
        .iter()
        .map(|y| (y.year, y.members, y.sessions))
        .collect();
    assert_eq!(counts, [(2025, 10, Some(5)), (2026, 12, None)]);

    // Counts only: a count that is no number, or a year that is none, is refused.
    assert_eq!(
        refused(ws.set_parent_group_year(&year(panel.id, "2025", "tien", ""))).0,
        "members"
    );
    assert_eq!(
        refused(ws.set_parent_group_year(&year(panel.id, "25", "3", ""))).0,
        "year"
    );
    assert_eq!(
        refused(ws.create_parent_group(&ParentGroupInput::default())).0,
        "name"
    );

    // The form sends its years as a list: exactly those, in one go.
    let listed = |years: Vec<ParentGroupYearInput>| ParentGroupInput {
        years: Some(years),
        ..Default::default()
    };
    let bad = ws.update_parent_group(
        panel.id,
        &listed(vec![
            year(panel.id, "2025", "10", "5"),
            year(panel.id, "2026", "-1", ""),
        ]),
    );
    match bad {
        Err(Error::Validation(v)) => {
            assert_eq!(v.field, "years");
            assert!(v.message.starts_with("2026: "), "{}", v.message);
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(
        refused(ws.update_parent_group(
            panel.id,
            &listed(vec![
                year(panel.id, "2025", "1", ""),
                year(panel.id, "2025", "2", "")
            ])
        )),
        ("years".to_string(), ValidationCode::Duplicate)
    );
    assert_eq!(
        ws.parent_group(panel.id).unwrap().years.len(),
        2,
        "nothing written"
    );
    let mut without_group = year(panel.id, "2027", "14", "");
    without_group.parent_group = None;
    let panel = ws
        .update_parent_group(
            panel.id,
            &listed(vec![
                year(panel.id, "2025", "10", "5"),
                year(panel.id, "2026", "12", ""),
                without_group,
            ]),
        )
        .unwrap();
    assert_eq!(
        panel.years.iter().map(|y| y.year).collect::<Vec<_>>(),
        [2025, 2026, 2027]
    );
    let panel = ws
        .update_parent_group(
            panel.id,
            &listed(vec![
                year(panel.id, "2025", "10", "5"),
                year(panel.id, "2026", "12", ""),
            ]),
        )
        .unwrap();
    assert_eq!(panel.years.len(), 2, "a year left out of the list goes");

    let panel = ws.delete_parent_group_year(panel.id, 2026).unwrap();
    assert_eq!(panel.years.len(), 1);
    assert!(ws.delete_parent_group_year(panel.id, 2026).is_err());

    // A meeting deleted since drops out of the group's list.
    ws.delete_meeting(meeting).unwrap();
    assert!(ws.parent_group(panel.id).unwrap().meetings.is_empty());

    let from = NaiveDate::from_ymd_opt(2025, 1, 1);
    let to = NaiveDate::from_ymd_opt(2025, 12, 31);
    let seen = ws.participation(Period { from, to }).unwrap();
    assert_eq!(seen.groups.len(), 1);
    assert_eq!(
        (
            seen.groups[0].counts.most_members,
            seen.groups[0].counts.sessions
        ),
        (10, 5)
    );
}

#[test]
fn a_gathering_counts_who_came_per_organisation_and_domain_and_who_was_trained() {
    let (_d, mut ws) = workspace();
    first_action(&mut ws);
    let org = |ws: &mut Workspace, name: &str, kind, domain| {
        ws.create_organisation(&OrganisationInput {
            name: Some(name.into()),
            kind: Some(kind),
            domain: Some(domain),
            ..Default::default()
        })
        .unwrap()
        .id
    };
    let ggd = org(
        &mut ws,
        "GGD Noord",
        OrgKind::JgzGgd,
        Domain::PubliekeGezondheid,
    );
    let wijkteam = org(
        &mut ws,
        "Wijkteam Venlo",
        OrgKind::Wijkteam,
        Domain::Sociaal,
    );
    let kraamzorg = ws
        .create_organisation(&new_org("Kraamzorg Maas"))
        .unwrap()
        .id;

    let day = ws
        .create_gathering(&GatheringInput {
            title: Some("WIJ GROEIEN 2026".into()),
            date: Some("15-10-2026".into()),
            place: Some("Venlo".into()),
            turnout: Some(vec![
                turnout(ggd, "40", "35", false),
                turnout(wijkteam, "25", "20", true),
                turnout(kraamzorg, "10", "12", false),
            ]),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(day.kind, GatheringKind::Netwerkbijeenkomst);
    assert_eq!((day.registered, day.attended, day.welcomed), (75, 67, 1));
    let names: Vec<&str> = day.turnout.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["GGD Noord", "Kraamzorg Maas", "Wijkteam Venlo"]);

    // The numbers become exactly what is sent: the GGD's row goes.
    let day = ws
        .update_gathering(
            day.id,
            &GatheringInput {
                turnout: Some(vec![
                    turnout(wijkteam, "25", "21", true),
                    turnout(kraamzorg, "10", "12", false),
                ]),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        (day.registered, day.attended, day.turnout.len()),
        (35, 33, 2)
    );
    assert_eq!(day.title, "WIJ GROEIEN 2026", "left out, left alone");

    // The same organisation twice, a count that is none, a training without
    // its intervention: each refused, naming the field, and nothing written.
    let twice = GatheringInput {
        turnout: Some(vec![
            turnout(ggd, "1", "1", false),
            turnout(ggd, "2", "2", false),
        ]),
        ..Default::default()
    };
    assert_eq!(refused(ws.update_gathering(day.id, &twice)).0, "turnout");
    let negative = GatheringInput {
        turnout: Some(vec![turnout(ggd, "-3", "1", false)]),
        ..Default::default()
    };
    match ws.update_gathering(day.id, &negative) {
        Err(Error::Validation(v)) => {
            assert_eq!(v.field, "turnout");
            assert!(v.message.starts_with("GGD Noord: "), "{}", v.message);
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(ws.gathering(day.id).unwrap().attended, 33);
    let untrained = GatheringInput {
        title: Some("Scholing".into()),
        date: Some("2026-03-01".into()),
        kind: Some(GatheringKind::Scholing),
        ..Default::default()
    };
    assert_eq!(
        refused(ws.create_gathering(&untrained)),
        ("intervention".to_string(), ValidationCode::Required)
    );

    let nnz = ws.find_intervention("Nu Niet Zwanger").unwrap().id;
    let training = |date: &str, rows| GatheringInput {
        title: Some("Scholing Nu Niet Zwanger".into()),
        date: Some(date.into()),
        kind: Some(GatheringKind::Scholing),
        intervention: Some(nnz.to_string()),
        turnout: Some(rows),
        ..Default::default()
    };
    ws.create_gathering(&training(
        "2026-03-01",
        vec![
            turnout(ggd, "12", "11", false),
            turnout(wijkteam, "6", "0", false),
        ],
    ))
    .unwrap();
    ws.create_gathering(&training("2025-09-01", vec![turnout(ggd, "8", "8", false)]))
        .unwrap();

    let year_2026 = ws
        .participation(Period {
            from: NaiveDate::from_ymd_opt(2026, 1, 1),
            to: NaiveDate::from_ymd_opt(2026, 12, 31),
        })
        .unwrap();
    assert_eq!(year_2026.gatherings.len(), 2);
    assert_eq!(year_2026.trained.len(), 1);
    assert_eq!(
        (
            year_2026.trained[0].professionals,
            year_2026.trained[0].organisations
        ),
        (11, 1),
        "only who was trained counts, only this year"
    );
    assert_eq!(year_2026.welcomed, ["Wijkteam Venlo"]);
    let per_domain: Vec<(Domain, i64, i64, i64)> = year_2026
        .by_domain
        .iter()
        .map(|d| (d.domain, d.registered, d.attended, d.organisations))
        .collect();
    assert_eq!(
        per_domain,
        [
            (Domain::Medisch, 10, 12, 1),
            (Domain::Sociaal, 31, 21, 1),
            (Domain::PubliekeGezondheid, 12, 11, 1),
        ]
    );

    // A goal's target counts every professional trained, ever.
    let goal = ws
        .create_goal(&GoalInput {
            pillar: Some(ws.pillars(ws.current_plan().unwrap().unwrap().id).unwrap()[1].id),
            text: Some("Elke verloskundige en JGZ-professional getraind".into()),
            ..Default::default()
        })
        .unwrap()
        .id;
    let progress = ws
        .create_goal_target(&GoalTargetInput {
            goal: Some(goal),
            measure: Some(TargetMeasure::ProfessionalsGetraind),
            intervention: Some(nnz.to_string()),
            target: Some("40".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        (
            progress.shown.as_str(),
            progress.progress_pct,
            progress.label.as_str()
        ),
        ("19", Some(48), "Professionals getraind in Nu Niet Zwanger")
    );
}

#[test]
fn two_laptops_keep_one_count_per_group_year_and_one_row_per_organisation() {
    let (_a_dir, mut a) = workspace();
    let (_b_dir, mut b) = replica_of(&a);
    let panel = a
        .create_parent_group(&ParentGroupInput {
            name: Some("Ervaringsdeskundigen".into()),
            kind: Some(GroupKind::Ervaringsdeskundigen),
            ..Default::default()
        })
        .unwrap()
        .id;
    let org = a
        .create_organisation(&new_org("Kraamzorg Maas"))
        .unwrap()
        .id;
    let day = a
        .create_gathering(&GatheringInput {
            title: Some("Netwerkdag".into()),
            date: Some("2026-05-01".into()),
            ..Default::default()
        })
        .unwrap()
        .id;
    exchange(&mut [&mut a, &mut b]);
    a.set_parent_group_year(&year(panel, "2026", "7", "3"))
        .unwrap();
    b.set_parent_group_year(&year(panel, "2026", "8", "3"))
        .unwrap();
    let numbers = |n: &str| GatheringInput {
        turnout: Some(vec![turnout(org, n, n, false)]),
        ..Default::default()
    };
    a.update_gathering(day, &numbers("4")).unwrap();
    b.update_gathering(day, &numbers("5")).unwrap();
    exchange(&mut [&mut a, &mut b]);
    assert_eq!(a.dump().unwrap(), b.dump().unwrap());
    let years = a.parent_group(panel).unwrap().years;
    assert_eq!(years.len(), 1, "one count for the year");
    assert_eq!(
        a.gathering(day).unwrap().turnout.len(),
        1,
        "one row for the organisation"
    );
}
