//! The action plan: pillars, goals, actions, interventions and their
//! roll-out, and what the plan adds up to.

use chrono::{Days, Utc};
use wieg::plan::{
    ActionFilter, ActionInput, ActionNoteInput, ActionStatus, GoalInput, InterventionInput,
    MilestoneInput, NationalGoal, PillarInput, PlanInput, PlanStatus, RolloutInput, RolloutStatus,
};
use wieg::{Error, MunicipalityInput, ValidationCode, Workspace};

use crate::{exchange, new_org, refused, replica_of, workspace};

fn plan(ws: &mut Workspace) -> wieg::plan::Plan {
    ws.create_plan(&PlanInput {
        title: Some("Plan van aanpak 2024–2027".into()),
        period_start: Some(Some(2024)),
        period_end: Some(Some(2027)),
        ..Default::default()
    })
    .unwrap()
}

fn municipality(ws: &mut Workspace, name: &str, code: &str) -> uuid::Uuid {
    ws.create_municipality(&MunicipalityInput {
        name: Some(name.into()),
        cbs_code: Some(code.into()),
        ..Default::default()
    })
    .unwrap()
    .id
}

fn action(pillar: uuid::Uuid, title: &str) -> ActionInput {
    ActionInput {
        pillar: Some(pillar),
        title: Some(title.into()),
        ..Default::default()
    }
}

#[test]
fn a_new_plan_has_four_pillars_and_the_intervention_catalogue() {
    let (_d, mut ws) = workspace();
    let p = plan(&mut ws);
    assert_eq!(p.status, PlanStatus::Concept);
    let pillars = ws.pillars(p.id).unwrap();
    let titles: Vec<(u32, &str)> = pillars
        .iter()
        .map(|p| (p.number, p.title.as_str()))
        .collect();
    assert_eq!(titles[1], (2, "Nu Niet Zwanger"));
    assert_eq!(titles.len(), 4);
    let catalogue = ws.list_interventions().unwrap();
    assert!(catalogue.len() >= 10);
    assert!(catalogue.iter().any(|i| i.name == "CenteringZwangerschap"));

    // A second plan keeps the one catalogue.
    ws.create_plan(&PlanInput {
        title: Some("Vervolgplan".into()),
        period_start: Some(Some(2028)),
        period_end: Some(Some(2031)),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(ws.list_interventions().unwrap().len(), catalogue.len());
    assert_eq!(ws.current_plan().unwrap().unwrap().title, "Vervolgplan");

    assert_eq!(
        refused(ws.create_plan(&PlanInput {
            title: Some("X".into()),
            period_start: Some(Some(2027)),
            period_end: Some(Some(2024)),
            ..Default::default()
        })),
        ("period_end".into(), ValidationCode::DateOrder)
    );
    assert_eq!(refused(ws.create_plan(&PlanInput::default())).0, "title");
    let adopted = ws
        .update_plan(
            p.id,
            &PlanInput {
                status: Some(PlanStatus::Vastgesteld),
                ambition: Some("Elk kind een kansrijke start".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        (
            adopted.status,
            adopted.ambition.as_str(),
            adopted.period_end
        ),
        (
            PlanStatus::Vastgesteld,
            "Elk kind een kansrijke start",
            Some(2027)
        )
    );
}

#[test]
fn pillars_are_added_reordered_renamed_and_deleted_only_when_empty() {
    let (_d, mut ws) = workspace();
    let p = plan(&mut ws);
    let fifth = ws
        .create_pillar(&PillarInput {
            plan: Some(p.id),
            title: Some("Armoede en schulden".into()),
            description: Some(String::new()),
        })
        .unwrap();
    assert_eq!(fifth.number, 5);
    let order = ws.move_pillar(fifth.id, 1).unwrap();
    assert_eq!(order[0].id, fifth.id);
    assert_eq!(
        order[1].title,
        "Verbinding geboortezorgpartners met het sociale domein"
    );
    assert_eq!(
        order.iter().map(|p| p.number).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );
    let renamed = ws
        .update_pillar(
            fifth.id,
            &PillarInput {
                title: Some("Bestaanszekerheid".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        (renamed.title.as_str(), renamed.number),
        ("Bestaanszekerheid", 1)
    );

    ws.create_action(&action(fifth.id, "Schuldhulp in de wachtkamer"))
        .unwrap();
    assert_eq!(refused(ws.delete_pillar(fifth.id)).0, "pillar");
    let empty = order[4].id;
    ws.delete_pillar(empty).unwrap();
    assert_eq!(ws.pillars(p.id).unwrap().len(), 4);
}

#[test]
fn goals_carry_national_goals_and_actions_stay_within_their_pillar() {
    let (_d, mut ws) = workspace();
    let p = plan(&mut ws);
    let pillars = ws.pillars(p.id).unwrap();
    let goal = ws
        .create_goal(&GoalInput {
            pillar: Some(pillars[1].id),
            text: Some("In 2026 hebben 40 vrouwen een NNZ-traject gehad".into()),
            national_goals: Some(vec![NationalGoal::MinderOnbedoeld]),
            target_value: Some("40 trajecten".into()),
            target_date: Some("31-12-2026".into()),
        })
        .unwrap();
    assert_eq!(goal.national_goals, [NationalGoal::MinderOnbedoeld]);
    assert_eq!(goal.target_date.unwrap().to_string(), "2026-12-31");
    assert_eq!(ws.goals(p.id).unwrap().len(), 1);
    assert_eq!(refused(ws.create_goal(&GoalInput::default())).0, "pillar");

    let mut wrong = action(pillars[0].id, "Verkeerde pijler");
    wrong.goal = Some(goal.id.to_string());
    assert_eq!(refused(ws.create_action(&wrong)).0, "goal");
    let mut right = action(pillars[1].id, "Training NNZ-gesprek");
    right.goal = Some(goal.id.to_string());
    assert_eq!(ws.create_action(&right).unwrap().goal, Some(goal.id));
}

#[test]
fn actions_check_dates_money_and_fill_dates_on_status_changes() {
    let (_d, mut ws) = workspace();
    let p = plan(&mut ws);
    let pillar = ws.pillars(p.id).unwrap()[0].id;
    let ggd = ws.create_organisation(&new_org("GGD Noord")).unwrap().id;
    let nest = ws.create_organisation(&new_org("Het Nest")).unwrap().id;
    let venlo = municipality(&mut ws, "Venlo", "GM0983");

    let mut input = action(pillar, "Warme overdracht verloskundige–wijkteam");
    input.owner = Some(ggd.to_string());
    input.partners = Some(vec![nest]);
    input.municipalities = Some(vec![venlo]);
    input.budget_cents = Some("€ 12.500,50".into());
    input.status = Some(ActionStatus::Gepland);
    input.start_date = Some("01-03-2025".into());
    input.end_date = Some("31-12-2025".into());
    let a = ws.create_action(&input).unwrap();
    assert_eq!(a.budget_cents, 1_250_050);
    assert_eq!(
        (a.owner, a.partners.clone(), a.municipalities.clone()),
        (Some(ggd), vec![nest], vec![venlo])
    );

    let bad = |f: fn(&mut ActionInput)| {
        let mut i = action(pillar, "x");
        f(&mut i);
        i
    };
    for (input, field) in [
        (bad(|i| i.title = Some(" ".into())), "title"),
        (bad(|i| i.pillar = None), "pillar"),
        (bad(|i| i.budget_cents = Some("veel".into())), "budget"),
        (
            bad(|i| i.owner = Some(uuid::Uuid::now_v7().to_string())),
            "owner",
        ),
        (
            bad(|i| i.partners = Some(vec![uuid::Uuid::now_v7()])),
            "partners",
        ),
        (
            bad(|i| {
                i.start_date = Some("2025-06-01".into());
                i.end_date = Some("2025-01-01".into());
            }),
            "end_date",
        ),
    ] {
        assert_eq!(refused(ws.create_action(&input)).0, field, "{input:?}");
    }

    // Starting fills an empty start date; finishing an empty end date.
    let b = ws.create_action(&action(pillar, "Folder")).unwrap();
    assert_eq!(b.status, ActionStatus::Idee);
    let today = Utc::now().date_naive();
    let running = ws
        .update_action(
            b.id,
            &ActionInput {
                status: Some(ActionStatus::Loopt),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(running.start_date, Some(today));
    let done = ws
        .update_action(
            b.id,
            &ActionInput {
                status: Some(ActionStatus::Afgerond),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(done.end_date, Some(today));

    // Overdue: open with an end date in the past; clearing an owner with "".
    let yesterday = today.checked_sub_days(Days::new(1)).unwrap();
    let late = ws
        .update_action(
            a.id,
            &ActionInput {
                end_date: Some(yesterday.to_string()),
                start_date: Some(yesterday.to_string()),
                owner: Some(String::new()),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(late.overdue);
    assert_eq!(late.owner, None);
    assert!(!done.overdue);

    // Started again after it ended, without a start date: the start filled
    // in is never after the end (another laptop's calendar may be behind).
    let c = ws
        .create_action(&action(pillar, "Inloopspreekuur"))
        .unwrap();
    ws.update_action(
        c.id,
        &ActionInput {
            status: Some(ActionStatus::Afgerond),
            end_date: Some(yesterday.to_string()),
            ..Default::default()
        },
    )
    .unwrap();
    let restarted = ws
        .update_action(
            c.id,
            &ActionInput {
                status: Some(ActionStatus::Loopt),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(restarted.start_date, Some(yesterday));

    let only = |filter: ActionFilter| -> Vec<String> {
        ws.list_actions(&filter)
            .unwrap()
            .into_iter()
            .map(|a| a.title)
            .collect()
    };
    assert_eq!(
        only(ActionFilter {
            municipality: Some(venlo),
            ..Default::default()
        }),
        [a.title.as_str()]
    );
    assert_eq!(
        only(ActionFilter {
            organisation: Some(nest),
            ..Default::default()
        }),
        [a.title.as_str()]
    );
    assert_eq!(
        only(ActionFilter {
            status: Some(ActionStatus::Afgerond),
            ..Default::default()
        }),
        ["Folder"]
    );
    assert_eq!(
        only(ActionFilter {
            text: Some("OVERDRACHT".into()),
            ..Default::default()
        })
        .len(),
        1
    );
}

#[test]
fn milestones_by_quarter_and_dated_progress_notes() {
    let (_d, mut ws) = workspace();
    let p = plan(&mut ws);
    let pillar = ws.pillars(p.id).unwrap()[2].id;
    let a = ws
        .create_action(&action(pillar, "Rookvrije Start uitrollen"))
        .unwrap();
    let a = ws
        .add_milestone(&milestone(a.id, "2025-Q2", "Training verloskundigen"))
        .unwrap();
    let a = ws
        .add_milestone(&milestone(a.id, "k1 2025", "Startbijeenkomst"))
        .unwrap();
    let quarters: Vec<&str> = a.milestones.iter().map(|m| m.quarter.as_str()).collect();
    assert_eq!(quarters, ["2025-K1", "2025-K2"]);
    for bad in ["2025-K5", "Q2", "volgend jaar"] {
        assert!(
            matches!(
                ws.add_milestone(&milestone(a.id, bad, "x")),
                Err(Error::Validation(_))
            ),
            "{bad}"
        );
    }
    ws.set_milestone_done(a.milestones[0].id, true).unwrap();
    let a = ws
        .add_action_note(&ActionNoteInput {
            action: Some(a.id),
            date: Some("15-04-2025".into()),
            text: Some("Eerste training gegeven, 12 deelnemers".into()),
        })
        .unwrap();
    assert!(a.milestones[0].done);
    assert_eq!(a.notes[0].date.unwrap().to_string(), "2025-04-15");
    assert!(matches!(
        ws.add_action_note(&ActionNoteInput {
            action: Some(a.id),
            date: Some("gisteren".into()),
            text: Some("x".into()),
        }),
        Err(Error::Validation(_))
    ));
}

#[test]
fn the_rollout_matrix_counts_where_interventions_are_active() {
    let (_d, mut ws) = workspace();
    plan(&mut ws);
    let venlo = municipality(&mut ws, "Venlo", "GM0983");
    let venray = municipality(&mut ws, "Venray", "GM0984");
    let centering = ws.find_intervention("centeringzwangerschap").unwrap().id;
    let nnz = ws.find_intervention("Nu Niet Zwanger").unwrap().id;
    let ggd = ws.create_organisation(&new_org("GGD Noord")).unwrap().id;
    let active = RolloutInput {
        status: Some(RolloutStatus::Actief),
        provider: Some(ggd.to_string()),
        since: Some("01-01-2024".into()),
        target_per_year: Some(Some(40)),
        actual_per_year: Some(Some(31)),
    };
    let cell = ws.set_rollout(venlo, centering, &active).unwrap();
    assert_eq!(
        (cell.status, cell.provider, cell.actual_per_year),
        (RolloutStatus::Actief, Some(ggd), Some(31))
    );
    ws.set_rollout(venlo, nnz, &active).unwrap();
    ws.set_rollout(
        venray,
        nnz,
        &RolloutInput {
            status: Some(RolloutStatus::InVoorbereiding),
            ..Default::default()
        },
    )
    .unwrap();

    let matrix = ws.rollout_matrix().unwrap();
    let row = |id| {
        matrix
            .municipalities
            .iter()
            .find(|m| m.id == id)
            .unwrap()
            .active
    };
    let col = |id| {
        matrix
            .interventions
            .iter()
            .find(|i| i.id == id)
            .unwrap()
            .active
    };
    assert_eq!((row(venlo), row(venray)), (2, 0));
    assert_eq!((col(centering), col(nnz)), (1, 1));
    assert_eq!(matrix.cells.len(), 3);

    // Changing part of a cell leaves the rest.
    let cell = ws
        .set_rollout(
            venlo,
            centering,
            &RolloutInput {
                status: Some(RolloutStatus::Gestopt),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        (cell.status, cell.target_per_year),
        (RolloutStatus::Gestopt, Some(40))
    );
    assert_eq!(
        ws.plan_summary()
            .unwrap()
            .coverage
            .iter()
            .find(|i| i.id == centering)
            .unwrap()
            .active,
        0
    );

    assert_eq!(
        refused(ws.create_intervention(&InterventionInput {
            name: Some("Nu niet zwanger".into()),
            action_line: Some(wieg::plan::ActionLine::VoorZwangerschap),
            ..Default::default()
        })),
        ("name".into(), ValidationCode::Duplicate)
    );
}

#[test]
fn two_laptops_share_one_catalogue_and_one_cell_per_pair() {
    let (_a_dir, mut a) = workspace();
    let (_b_dir, mut b) = replica_of(&a);
    let venlo = municipality(&mut a, "Venlo", "GM0983");
    exchange(&mut [&mut a, &mut b]);
    // Each laptop starts a plan on its own: the catalogue is made twice, with the same ids.
    plan(&mut a);
    plan(&mut b);
    exchange(&mut [&mut a, &mut b]);
    assert_eq!(
        a.list_interventions().unwrap().len(),
        b.list_interventions().unwrap().len()
    );
    assert_eq!(a.list_interventions().unwrap().len(), 12);

    let voorzorg = a.find_intervention("VoorZorg").unwrap().id;
    a.set_rollout(
        venlo,
        voorzorg,
        &RolloutInput {
            status: Some(RolloutStatus::Actief),
            ..Default::default()
        },
    )
    .unwrap();
    b.set_rollout(
        venlo,
        voorzorg,
        &RolloutInput {
            target_per_year: Some(Some(12)),
            ..Default::default()
        },
    )
    .unwrap();
    exchange(&mut [&mut a, &mut b]);
    assert_eq!(a.dump().unwrap(), b.dump().unwrap());
    let cells = a.rollout_matrix().unwrap().cells;
    assert_eq!(cells.len(), 1, "one cell for the pair");
    assert_eq!(
        (cells[0].status, cells[0].target_per_year),
        (RolloutStatus::Actief, Some(12))
    );
}

#[test]
fn the_plan_summary_counts_open_and_overdue_actions_per_pillar() {
    let (_d, mut ws) = workspace();
    let p = plan(&mut ws);
    let pillars = ws.pillars(p.id).unwrap();
    let past = Utc::now()
        .date_naive()
        .checked_sub_days(Days::new(30))
        .unwrap();
    for (pillar, title, status, end) in [
        (0, "a", ActionStatus::Loopt, Some(past)),
        (0, "b", ActionStatus::Gepland, None),
        (0, "c", ActionStatus::Afgerond, Some(past)),
        (2, "d", ActionStatus::Idee, None),
    ] {
        ws.create_action(&ActionInput {
            status: Some(status),
            start_date: end.map(|e| e.checked_sub_days(Days::new(10)).unwrap().to_string()),
            end_date: end.map(|e| e.to_string()),
            budget_cents: Some("1.000".into()),
            ..action(pillars[pillar].id, title)
        })
        .unwrap();
    }
    let summary = ws.plan_summary().unwrap();
    let open: Vec<u32> = summary.open_by_pillar.iter().map(|p| p.count).collect();
    assert_eq!(open, [2, 0, 1, 0]);
    assert_eq!(summary.overdue, 1);
    let overview = ws.plan_overview(p.id, &ActionFilter::default()).unwrap();
    assert_eq!(overview.pillars[0].budget_cents, 300_000);
    let counts: Vec<u32> = overview.pillars[0]
        .by_status
        .iter()
        .map(|s| s.count)
        .collect();
    assert_eq!(counts, [0, 1, 1, 1, 0]);
}

#[test]
fn grants_are_shared_over_their_actions_per_pillar() {
    use wieg::plan::{FunderKind, FundingInput};
    let (_d, mut ws) = workspace();
    let p = plan(&mut ws);
    let pillars = ws.pillars(p.id).unwrap();
    let budgeted = |ws: &mut Workspace, pillar: usize, title: &str, budget: &str| {
        ws.create_action(&ActionInput {
            budget_cents: Some(budget.into()),
            ..action(pillars[pillar].id, title)
        })
        .unwrap()
        .id
    };
    let a = budgeted(&mut ws, 0, "a", "50.000");
    let b = budgeted(&mut ws, 1, "b", "25.000");
    let c = budgeted(&mut ws, 1, "c", "0");
    let province = ws
        .create_funding(&FundingInput {
            funder_kind: Some(FunderKind::Provincie),
            funder: Some("Provincie Limburg".into()),
            amount_cents: Some("€ 130.680".into()),
            period_start: Some("01-01-2022".into()),
            period_end: Some("31-12-2024".into()),
            reporting_deadline: Some("01-04-2025".into()),
            actions: Some(vec![a, b, c]),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(province.amount_cents, 13_068_000);
    ws.create_funding(&FundingInput {
        funder_kind: Some(FunderKind::Gemeente),
        funder: Some("Gemeente Venlo".into()),
        amount_cents: Some("10.000".into()),
        ..Default::default()
    })
    .unwrap();
    for (input, field) in [
        (
            FundingInput {
                funder: Some("X".into()),
                amount_cents: Some("5".into()),
                ..Default::default()
            },
            "funder_kind",
        ),
        (
            FundingInput {
                funder_kind: Some(FunderKind::Fonds),
                funder: Some("X".into()),
                ..Default::default()
            },
            "amount",
        ),
        (
            FundingInput {
                funder_kind: Some(FunderKind::Fonds),
                funder: Some("X".into()),
                amount_cents: Some("5".into()),
                period_start: Some("2025-01-01".into()),
                period_end: Some("2024-01-01".into()),
                ..Default::default()
            },
            "period_end",
        ),
    ] {
        assert_eq!(refused(ws.create_funding(&input)).0, field);
    }

    let overview = ws.funding_overview(p.id).unwrap();
    let money: Vec<(i64, i64)> = overview
        .pillars
        .iter()
        .map(|m| (m.budgeted_cents, m.granted_cents))
        .collect();
    // 130,680 over budgets 50,000 : 25,000 : 0 — two thirds to pillar 1.
    assert_eq!(
        money,
        [
            (5_000_000, 8_712_000),
            (2_500_000, 4_356_000),
            (0, 0),
            (0, 0)
        ]
    );
    assert_eq!(
        overview.unallocated_cents, 1_000_000,
        "Venlo's grant is linked to no action"
    );
    assert_eq!(overview.granted_cents, 14_068_000);
    assert_eq!(overview.budgeted_cents, 7_500_000);
    let by_funder: Vec<(FunderKind, i64)> = overview
        .by_funder
        .iter()
        .map(|m| (m.funder_kind, m.granted_cents))
        .collect();
    assert_eq!(
        by_funder,
        [
            (FunderKind::Gemeente, 1_000_000),
            (FunderKind::Provincie, 13_068_000)
        ]
    );

    // Unlinking an action moves its share.
    ws.update_funding(
        province.id,
        &FundingInput {
            actions: Some(vec![a]),
            ..Default::default()
        },
    )
    .unwrap();
    let overview = ws.funding_overview(p.id).unwrap();
    assert_eq!(overview.pillars[0].granted_cents, 13_068_000);
    assert_eq!(overview.pillars[1].granted_cents, 0);
}

#[test]
fn spending_is_charged_to_grants_and_shows_what_is_left() {
    use wieg::plan::{
        FunderKind, FundingInput, GrantFlag, ReportDue, ReportingState, SpendingFilter,
        SpendingInput, SpendingState,
    };
    let (_d, mut ws) = workspace();
    let p = plan(&mut ws);
    let pillars = ws.pillars(p.id).unwrap();
    let a = ws
        .create_action(&action(pillars[0].id, "Zorgpad"))
        .unwrap()
        .id;
    let b = ws
        .create_action(&action(pillars[1].id, "Nu Niet Zwanger"))
        .unwrap()
        .id;
    let today = ws.today();
    let day = |days: i64| (today + chrono::Duration::days(days)).to_string();
    let grant =
        |ws: &mut Workspace, funder: &str, amount: &str, end: i64, actions: Vec<uuid::Uuid>| {
            ws.create_funding(&FundingInput {
                funder_kind: Some(FunderKind::Provincie),
                funder: Some(funder.into()),
                amount_cents: Some(amount.into()),
                period_start: Some(day(-700)),
                period_end: Some(day(end)),
                reporting_deadline: Some(day(end + 45)),
                actions: Some(actions),
                ..Default::default()
            })
            .unwrap()
            .id
        };
    // The province's grant ends in a month; the municipality's in two years.
    let province = grant(&mut ws, "Provincie Limburg", "10.000", 30, vec![a, b]);
    let venlo = grant(&mut ws, "Gemeente Venlo", "20.000", 730, vec![b]);
    let spend = |funding: Option<uuid::Uuid>, action: Option<uuid::Uuid>, amount: &str, state| {
        SpendingInput {
            funding: funding.map(|f| f.to_string()),
            action: action.map(|a| a.to_string()),
            date: Some(day(-10)),
            description: Some("Scholing verloskundigen".into()),
            amount_cents: Some(amount.into()),
            state: Some(state),
        }
    };
    let paid = ws
        .create_spending(&spend(
            Some(province),
            Some(a),
            "€ 4.000,50",
            SpendingState::Betaald,
        ))
        .unwrap();
    assert_eq!(
        paid.amount_cents, 400_050,
        "whole cents, typed the Dutch way"
    );
    ws.create_spending(&spend(
        Some(province),
        Some(a),
        "999,50",
        SpendingState::Verplicht,
    ))
    .unwrap();
    // Without a grant, b's spending has two grants to choose from: refused;
    // a's costs on Venlo's grant are allowed (the coordinator charges them).
    assert_eq!(
        refused(ws.create_spending(&spend(None, Some(b), "100", SpendingState::Betaald))).0,
        "funding"
    );
    assert_eq!(
        refused(ws.create_spending(&spend(None, None, "100", SpendingState::Betaald))).0,
        "funding"
    );
    ws.update_funding(
        province,
        &FundingInput {
            actions: Some(vec![a]),
            ..Default::default()
        },
    )
    .unwrap();
    let on_b = ws
        .create_spending(&spend(None, Some(b), "2.500", SpendingState::Betaald))
        .unwrap();
    assert_eq!(
        on_b.funding,
        Some(venlo),
        "the action's only grant carries it"
    );
    // A grant's spending over a period adds up, paid apart from committed.
    let on_province = SpendingFilter {
        funding: Some(province),
        ..Default::default()
    };
    let page = ws.spending_page(&on_province).unwrap();
    assert_eq!(
        (page.spending.len(), page.paid_cents, page.committed_cents),
        (2, 400_050, 99_950)
    );
    let before = ws
        .spending_page(&SpendingFilter {
            to: Some(today - chrono::Duration::days(11)),
            ..on_province.clone()
        })
        .unwrap();
    assert_eq!(
        (
            before.spending.len(),
            before.paid_cents,
            before.committed_cents
        ),
        (0, 0, 0)
    );
    for (input, field) in [
        (
            spend(Some(venlo), None, "0", SpendingState::Betaald),
            "amount",
        ),
        (
            spend(Some(venlo), None, "-5", SpendingState::Betaald),
            "amount",
        ),
        (
            spend(Some(venlo), None, "twee euro", SpendingState::Betaald),
            "amount",
        ),
        (
            SpendingInput {
                date: None,
                ..spend(Some(venlo), None, "5", SpendingState::Betaald)
            },
            "date",
        ),
        (
            SpendingInput {
                description: Some(" ".into()),
                ..spend(Some(venlo), None, "5", SpendingState::Betaald)
            },
            "description",
        ),
        (
            spend(
                Some(uuid::Uuid::now_v7()),
                None,
                "5",
                SpendingState::Betaald,
            ),
            "funding",
        ),
        (
            spend(
                Some(venlo),
                Some(uuid::Uuid::now_v7()),
                "5",
                SpendingState::Betaald,
            ),
            "action",
        ),
    ] {
        assert_eq!(refused(ws.create_spending(&input)).0, field, "{input:?}");
    }

    let balance = |ws: &Workspace, id| ws.grant_balance(id).unwrap();
    let g = balance(&ws, province);
    assert_eq!(
        (g.paid_cents, g.committed_cents, g.left_cents),
        (400_050, 99_950, 500_000)
    );
    assert_eq!(
        g.flag,
        Some(GrantFlag::Onderbenut),
        "half used a month before its end"
    );
    assert_eq!(
        g.report_due, None,
        "its report is due in 75 days: not yet shown"
    );
    let g = balance(&ws, venlo);
    assert_eq!(
        (g.paid_cents, g.left_cents, g.flag),
        (250_000, 1_750_000, None)
    );

    // Three quarters used: no longer under-used; over the grant: overspent.
    let more = ws
        .create_spending(&spend(
            Some(province),
            Some(a),
            "2.500",
            SpendingState::Betaald,
        ))
        .unwrap();
    assert_eq!(balance(&ws, province).flag, None);
    ws.create_spending(&spend(
        Some(province),
        None,
        "3.000",
        SpendingState::Verplicht,
    ))
    .unwrap();
    let g = balance(&ws, province);
    assert_eq!(
        (g.left_cents, g.flag),
        (-50_000, Some(GrantFlag::Overbesteed))
    );

    // Per pillar: what was paid and committed on its actions; costs of the
    // grant as a whole belong to no pillar.
    let overview = ws.funding_overview(p.id).unwrap();
    let spent: Vec<(i64, i64)> = overview
        .pillars
        .iter()
        .map(|m| (m.paid_cents, m.committed_cents))
        .collect();
    assert_eq!(spent, [(650_050, 99_950), (250_000, 0), (0, 0), (0, 0)]);
    assert_eq!(
        (overview.paid_cents, overview.committed_cents),
        (900_050, 399_950)
    );

    // Listed by grant and period, the latest first; a deleted one is gone.
    let listed = |filter: SpendingFilter| ws.list_spending(&filter).unwrap().len();
    assert_eq!(
        listed(SpendingFilter {
            funding: Some(province),
            ..Default::default()
        }),
        4
    );
    assert_eq!(
        listed(SpendingFilter {
            action: Some(b),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        listed(SpendingFilter {
            from: Some(today - chrono::Duration::days(9)),
            ..Default::default()
        }),
        0
    );
    assert_eq!(
        listed(SpendingFilter {
            to: Some(today - chrono::Duration::days(10)),
            ..Default::default()
        }),
        5
    );
    assert_eq!(
        listed(SpendingFilter {
            state: Some(SpendingState::Verplicht),
            ..Default::default()
        }),
        2
    );
    ws.delete_spending(more.id).unwrap();
    assert_eq!(balance(&ws, province).paid_cents, 400_050);

    // Editing: only what is given changes.
    let edited = ws
        .update_spending(
            paid.id,
            &SpendingInput {
                amount_cents: Some("4.100".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        (edited.amount_cents, edited.action, edited.funding),
        (410_000, Some(a), Some(province))
    );

    // The report: on the dashboard from 60 days ahead until handed in.
    let watch = |ws: &Workspace| -> Vec<(uuid::Uuid, Option<ReportDue>)> {
        ws.dashboard()
            .unwrap()
            .grants
            .iter()
            .map(|g| (g.funding.id, g.report_due))
            .collect()
    };
    assert_eq!(
        watch(&ws),
        [],
        "80 % used, no report due: nothing to look at"
    );
    let due = |ws: &mut Workspace, id, days| {
        ws.update_funding(
            id,
            &FundingInput {
                reporting_deadline: Some(day(days)),
                ..Default::default()
            },
        )
        .unwrap();
    };
    due(&mut ws, venlo, 60);
    assert_eq!(watch(&ws), [(venlo, Some(ReportDue::Binnenkort))]);
    due(&mut ws, province, -3);
    assert_eq!(
        watch(&ws),
        [
            (province, Some(ReportDue::TeLaat)),
            (venlo, Some(ReportDue::Binnenkort))
        ],
        "late first, then the earliest"
    );
    ws.update_funding(
        venlo,
        &FundingInput {
            reporting_state: Some(ReportingState::Ingediend),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(watch(&ws), [(province, Some(ReportDue::TeLaat))]);
}

#[test]
fn a_goal_has_targets_measured_from_the_latest_figures() {
    use wieg::plan::{GoalTargetInput, IndicatorInput, TargetMeasure};
    let (_d, mut ws) = workspace();
    let p = plan(&mut ws);
    let pillars = ws.pillars(p.id).unwrap();
    let goal = ws
        .create_goal(&GoalInput {
            pillar: Some(pillars[2].id),
            text: Some("Minder roken tijdens de zwangerschap".into()),
            ..Default::default()
        })
        .unwrap()
        .id;
    let venlo = municipality(&mut ws, "Venlo", "GM0983");
    let venray = municipality(&mut ws, "Venray", "GM0984");
    let indicator = |ws: &mut Workspace, name: &str| {
        ws.create_indicator(&IndicatorInput {
            name: Some(name.into()),
            unit: Some("%".into()),
            ..Default::default()
        })
        .unwrap()
        .id
    };
    let smoking = indicator(&mut ws, "Roken in de zwangerschap");
    for (m, year, n, d) in [
        (venlo, "2023", "30", "200"),
        (venray, "2023", "20", "100"),
        (venlo, "2024", "20", "200"),
        (venray, "2024", "8", "100"),
    ] {
        ws.set_indicator_value(&crate::indicator_value(smoking, m, year, n, d))
            .unwrap();
    }
    let few = indicator(&mut ws, "Kraamzorg geweigerd");
    ws.set_indicator_value(&crate::indicator_value(few, venlo, "2024", "5", ""))
        .unwrap();
    let target = |measure,
                  indicator: Option<uuid::Uuid>,
                  place: Option<uuid::Uuid>,
                  baseline: &str,
                  goal_value: &str| {
        GoalTargetInput {
            goal: Some(goal),
            measure: Some(measure),
            indicator: indicator.map(|i| i.to_string()),
            municipality: place.map(|m| m.to_string()),
            baseline: Some(baseline.into()),
            baseline_year: Some(Some(2023)),
            target: Some(goal_value.into()),
            target_year: Some(Some(2026)),
            ..Default::default()
        }
    };
    // The region: 28 of 300 in 2024 (9,33 %), down from 16,67 % towards 8 %.
    let region = ws
        .create_goal_target(&target(
            TargetMeasure::Indicator,
            Some(smoking),
            None,
            "16,67",
            "8",
        ))
        .unwrap();
    assert_eq!(
        (
            region.current,
            region.current_year,
            region.shown.as_str(),
            region.unit.as_str()
        ),
        (Some(933), Some(2024), "9,33 %", "%")
    );
    assert_eq!((region.progress_pct, region.reached), (Some(85), false));
    assert_eq!(region.label, "Roken in de zwangerschap");
    // Venray alone is at 8 %: reached.
    let venray_target = ws
        .create_goal_target(&target(
            TargetMeasure::Indicator,
            Some(smoking),
            Some(venray),
            "20",
            "8",
        ))
        .unwrap();
    assert_eq!(venray_target.label, "Roken in de zwangerschap (Venray)");
    assert_eq!(
        (venray_target.shown.as_str(), venray_target.reached),
        ("8 %", true)
    );
    // Fewer than ten persons: no figure, no progress.
    let hidden = ws
        .create_goal_target(&target(TargetMeasure::Indicator, Some(few), None, "", "20"))
        .unwrap();
    assert_eq!(
        (hidden.current, hidden.shown.as_str(), hidden.progress_pct),
        (None, "< 10", None)
    );
    // Counts Wieg keeps: municipalities where an intervention runs.
    let voorzorg = ws.find_intervention("VoorZorg").unwrap().id;
    ws.set_rollout(
        venlo,
        voorzorg,
        &RolloutInput {
            status: Some(RolloutStatus::Actief),
            ..Default::default()
        },
    )
    .unwrap();
    let running = ws
        .create_goal_target(&GoalTargetInput {
            intervention: Some(voorzorg.to_string()),
            ..target(TargetMeasure::InterventieActief, None, None, "0", "2")
        })
        .unwrap();
    assert_eq!(
        (running.shown.as_str(), running.progress_pct),
        ("1", Some(50))
    );
    assert_eq!(running.label, "Gemeenten met VoorZorg");
    for (input, field) in [
        (
            target(TargetMeasure::Indicator, None, None, "1", "2"),
            "indicator",
        ),
        (
            target(TargetMeasure::InterventieActief, None, None, "1", "2"),
            "intervention",
        ),
        (
            target(TargetMeasure::Indicator, Some(smoking), None, "1", ""),
            "target",
        ),
        (
            target(TargetMeasure::Indicator, Some(smoking), None, "veel", "2"),
            "baseline",
        ),
        (
            GoalTargetInput {
                target_year: Some(Some(3000)),
                ..target(TargetMeasure::ConvenantGetekend, None, None, "", "20")
            },
            "target_year",
        ),
        (
            GoalTargetInput {
                goal: Some(uuid::Uuid::now_v7()),
                ..target(TargetMeasure::ConvenantGetekend, None, None, "", "20")
            },
            "goal",
        ),
    ] {
        assert_eq!(refused(ws.create_goal_target(&input)).0, field, "{input:?}");
    }
    // The plan shows them; a new year's figure moves them; deleted, gone.
    let overview = ws.plan_overview(p.id, &ActionFilter::default()).unwrap();
    assert_eq!(overview.targets.len(), 4);
    ws.set_indicator_value(&crate::indicator_value(smoking, venlo, "2025", "14", "200"))
        .unwrap();
    ws.set_indicator_value(&crate::indicator_value(
        smoking, venray, "2025", "10", "100",
    ))
    .unwrap();
    let now = ws.goal_targets(&[goal]).unwrap();
    assert_eq!(
        (now[0].current, now[0].current_year, now[0].reached),
        (Some(800), Some(2025), true)
    );
    ws.delete_goal_target(hidden.target.id).unwrap();
    assert_eq!(ws.goal_targets(&[goal]).unwrap().len(), 3);
}

#[test]
fn indicator_values_per_municipality_and_year_hide_small_numbers() {
    use wieg::plan::IndicatorInput;
    let (_a_dir, mut a) = workspace();
    let venlo = municipality(&mut a, "Venlo", "GM0983");
    let venray = municipality(&mut a, "Venray", "GM0984");
    let smoking = a
        .create_indicator(&IndicatorInput {
            name: Some("Roken tijdens de zwangerschap".into()),
            unit: Some("%".into()),
            numerator_label: Some("zwangeren die roken".into()),
            denominator_label: Some("zwangeren".into()),
            source: Some("Perined".into()),
            ..Default::default()
        })
        .unwrap();
    for (place, year, numerator, denominator) in [
        (venlo, "2023", "48", "512"),
        (venlo, "2024", "41", "530"),
        (venray, "2024", "4", "8"),
    ] {
        a.set_indicator_value(&crate::indicator_value(
            smoking.id,
            place,
            year,
            numerator,
            denominator,
        ))
        .unwrap();
    }
    for (year, numerator, denominator, field) in [
        ("twintig", "1", "10", "year"),
        ("2024", "-3", "10", "numerator"),
        ("2024", "12", "10", "denominator"),
        ("2024", "1", "0", "denominator"),
    ] {
        let result = a.set_indicator_value(&crate::indicator_value(
            smoking.id,
            venlo,
            year,
            numerator,
            denominator,
        ));
        assert_eq!(refused(result).0, field, "{year} {numerator}/{denominator}");
    }
    let series = a.indicator_series(smoking.id).unwrap();
    let shown: Vec<(&str, Vec<(i32, &str)>)> = series
        .municipalities
        .iter()
        .map(|m| {
            (
                m.name.as_str(),
                m.points
                    .iter()
                    .map(|p| (p.year, p.shown.as_str()))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("Venlo", vec![(2023, "9,4 %"), (2024, "7,7 %")]),
            ("Venray", vec![(2024, "< 10")])
        ]
    );
    let venray_point = &series.municipalities[1].points[0];
    assert_eq!(
        (venray_point.value, venray_point.numerator),
        (None, None),
        "never charted"
    );

    // Two laptops entering the same year for the same municipality: one value.
    let (_b_dir, mut b) = replica_of(&a);
    for (laptop, numerator) in [(&mut a, "20"), (&mut b, "22")] {
        laptop
            .set_indicator_value(&crate::indicator_value(
                smoking.id, venray, "2025", numerator, "200",
            ))
            .unwrap();
    }
    exchange(&mut [&mut a, &mut b]);
    assert_eq!(a.dump().unwrap(), b.dump().unwrap());
    let points = &a.indicator_series(smoking.id).unwrap().municipalities[1].points;
    assert_eq!(points.len(), 2);
    assert_eq!(points[1].numerator, Some(22), "the later edit wins");
}

#[test]
fn indicator_values_are_imported_from_csv() {
    use wieg::import::{ImportKind, RowAction};
    use wieg::plan::IndicatorInput;
    let dir = tempfile::tempdir().unwrap();
    let (_d, mut ws) = workspace();
    municipality(&mut ws, "Venlo", "GM0983");
    municipality(&mut ws, "Venray", "GM0984");
    let id = ws
        .create_indicator(&IndicatorInput {
            name: Some("Vroege start zwangerschapszorg".into()),
            ..Default::default()
        })
        .unwrap()
        .id;
    let csv = "Indicator;Gemeente;Jaar;Teller;Noemer\n\
               Vroege start zwangerschapszorg;Venlo;2023;300;400\n\
               Vroege start zwangerschapszorg;GM0984;2023;150;180\n\
               Vroege start zwangerschapszorg;Venlo;2023;1;2\n\
               Onbekende indicator;Venlo;2023;1;2\n\
               Vroege start zwangerschapszorg;Venray;2024;veel;180\n";
    let path = dir.path().join("monitor.csv");
    std::fs::write(&path, csv).unwrap();
    let preview = ws.preview_import(&path).unwrap();
    assert_eq!(preview.sheets[0].kind, Some(ImportKind::Indicatorwaarden));
    let actions: Vec<(u32, RowAction, Option<&str>)> = preview
        .rows
        .iter()
        .map(|r| (r.line, r.action, r.field.as_deref()))
        .collect();
    assert_eq!(
        actions,
        [
            (2, RowAction::Nieuw, None),
            (3, RowAction::Nieuw, None),
            (4, RowAction::Fout, Some("name")),
            (5, RowAction::Fout, Some("indicator")),
            (6, RowAction::Fout, Some("numerator")),
        ]
    );
    let good: String = csv.lines().take(3).map(|l| format!("{l}\n")).collect();
    std::fs::write(&path, good).unwrap();
    ws.import_file(&path).unwrap();
    let series = ws.indicator_series(id).unwrap();
    assert_eq!(series.municipalities.len(), 2);
    assert_eq!(series.municipalities[0].points[0].shown, "75,0 %");
    assert_eq!(ws.preview_import(&path).unwrap().unchanged, 2);
}

#[test]
fn spending_is_imported_from_a_bookkeeping_export_all_or_nothing_and_undone() {
    use wieg::import::{ImportKind, RowAction};
    use wieg::plan::{FunderKind, FundingInput, SpendingFilter, SpendingState};
    let dir = tempfile::tempdir().unwrap();
    let (_d, mut ws) = workspace();
    let p = plan(&mut ws);
    let pillars = ws.pillars(p.id).unwrap();
    let a = ws
        .create_action(&action(pillars[0].id, "Zorgpad"))
        .unwrap()
        .id;
    let grant = ws
        .create_funding(&FundingInput {
            funder_kind: Some(FunderKind::Gemeente),
            funder: Some("Gemeente Venlo".into()),
            amount_cents: Some("20.000".into()),
            actions: Some(vec![a]),
            ..Default::default()
        })
        .unwrap()
        .id;
    // As a bookkeeping system writes it for Excel: semicolons, Dutch amounts.
    let csv = "Boekdatum;Omschrijving;Bedrag;Kostenplaats;Status\n\
               15-01-2026;Zaalhuur;1.250,00;Zorgpad;\n\
               15-01-2026;Zaalhuur;1.250,00;Zorgpad;\n\
               01/02/2026;Drukwerk folders;€ 312,50;zorgpad;verplichting\n\
               01-02-2026;Koffie;12,50;Onbekend project;\n\
               01-03-2026;Creditnota;-50,00;Zorgpad;\n\
               morgen;Catering;80;Zorgpad;\n";
    let path = dir.path().join("grootboek.csv");
    std::fs::write(&path, csv).unwrap();
    let preview = ws.preview_import(&path).unwrap();
    assert_eq!(preview.sheets[0].kind, Some(ImportKind::Bestedingen));
    let rows: Vec<(u32, RowAction, Option<&str>)> = preview
        .rows
        .iter()
        .map(|r| (r.line, r.action, r.field.as_deref()))
        .collect();
    assert_eq!(
        rows,
        [
            (2, RowAction::Nieuw, None),
            (3, RowAction::Nieuw, None),
            (4, RowAction::Nieuw, None),
            (5, RowAction::Fout, Some("action")),
            (6, RowAction::Fout, Some("amount")),
            (7, RowAction::Fout, Some("date")),
        ]
    );
    // A file with errors imports nothing.
    assert!(ws.import_file(&path).is_err());
    assert!(ws
        .list_spending(&SpendingFilter::default())
        .unwrap()
        .is_empty());

    let good: String = csv.lines().take(4).map(|l| format!("{l}\n")).collect();
    std::fs::write(&path, &good).unwrap();
    let done = ws.import_file(&path).unwrap();
    assert_eq!(done.record.new, 3);
    let booked = ws.list_spending(&SpendingFilter::default()).unwrap();
    assert!(booked
        .iter()
        .all(|s| s.funding == Some(grant) && s.action == Some(a)));
    let committed: Vec<i64> = booked
        .iter()
        .filter(|s| s.state == SpendingState::Verplicht)
        .map(|s| s.amount_cents)
        .collect();
    assert_eq!(committed, [31_250]);
    let g = ws.grant_balances().unwrap().remove(0);
    assert_eq!((g.paid_cents, g.committed_cents), (250_000, 31_250));
    // The same file again changes nothing: both identical lines are there.
    let again = ws.preview_import(&path).unwrap();
    assert_eq!((again.new, again.unchanged), (0, 3));
    // One line more than before: only that one is new.
    std::fs::write(
        &path,
        format!("{good}15-01-2026;Zaalhuur;1.250,00;Zorgpad;\n"),
    )
    .unwrap();
    assert_eq!(ws.preview_import(&path).unwrap().new, 1);
    ws.undo_import(done.record.id).unwrap();
    assert!(ws
        .list_spending(&SpendingFilter::default())
        .unwrap()
        .is_empty());
}

#[test]
fn an_edit_leaves_absent_fields_and_clears_null_ones() {
    let (_d, mut ws) = workspace();
    let p = plan(&mut ws);
    let venlo = municipality(&mut ws, "Venlo", "GM0983");
    let voorzorg = ws.find_intervention("VoorZorg").unwrap().id;
    let parse = |json: &str| -> RolloutInput { serde_json::from_str(json).unwrap() };
    ws.set_rollout(
        venlo,
        voorzorg,
        &parse(r#"{"status": "actief", "target_per_year": 12, "actual_per_year": 9}"#),
    )
    .unwrap();
    let cell = ws
        .set_rollout(venlo, voorzorg, &parse(r#"{"actual_per_year": 10}"#))
        .unwrap();
    assert_eq!(
        (cell.target_per_year, cell.actual_per_year),
        (Some(12), Some(10)),
        "absent stays"
    );
    let cell = ws
        .set_rollout(venlo, voorzorg, &parse(r#"{"target_per_year": null}"#))
        .unwrap();
    assert_eq!(
        (cell.target_per_year, cell.actual_per_year),
        (None, Some(10)),
        "null clears"
    );

    let input: PlanInput = serde_json::from_str(r#"{"period_end": null}"#).unwrap();
    let cleared = ws.update_plan(p.id, &input).unwrap();
    assert_eq!(
        (cleared.period_start, cleared.period_end),
        (Some(2024), None)
    );
}

/// The action form and an indicator's page are each read in one call, from
/// one snapshot: the same parts the separate reads give.
#[test]
fn the_action_form_and_an_indicator_page_are_read_in_one_call() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = crate::open(dir.path());
    ws.load_demo().unwrap();
    let plan = ws.current_plan().unwrap().unwrap();
    let overview = ws.plan_overview(plan.id, &Default::default()).unwrap();
    let action = overview.pillars[1].actions[0].clone();

    let page = ws.action_page(plan.id, Some(action.id)).unwrap();
    assert_eq!(page.action.as_ref().map(|a| a.id), Some(action.id));
    let pillars: Vec<(uuid::Uuid, usize)> = page
        .pillars
        .iter()
        .map(|p| (p.pillar.id, p.goals.len()))
        .collect();
    let expected: Vec<(uuid::Uuid, usize)> = overview
        .pillars
        .iter()
        .map(|p| (p.pillar.id, p.goals.len()))
        .collect();
    assert_eq!(pillars, expected);
    assert_eq!(
        page.organisations,
        ws.list_organisations(&Default::default()).unwrap()
    );
    assert_eq!(page.municipalities, ws.list_municipalities(false).unwrap());
    assert!(ws.action_page(plan.id, None).unwrap().action.is_none());
    assert!(ws.action_page(plan.id, Some(uuid::Uuid::now_v7())).is_err());

    let indicator = ws.list_indicators().unwrap()[0].clone();
    let page = ws.indicator_page(indicator.id).unwrap();
    assert_eq!(page.series.indicator.id, indicator.id);
    assert_eq!(
        page.municipalities.len(),
        ws.list_municipalities(false).unwrap().len()
    );
}

fn milestone(action: uuid::Uuid, quarter: &str, title: &str) -> MilestoneInput {
    MilestoneInput {
        action: Some(action),
        quarter: Some(quarter.into()),
        title: Some(title.into()),
        done: None,
    }
}

#[test]
fn the_lead_is_a_person_at_the_lead_partner() {
    let (_d, mut ws) = workspace();
    let p = plan(&mut ws);
    let pillar = ws.pillars(p.id).unwrap()[0].id;
    let ggd = ws.create_organisation(&new_org("GGD Noord")).unwrap().id;
    let kraam = ws
        .create_organisation(&new_org("Kraamzorg Zuid"))
        .unwrap()
        .id;
    let person = |ws: &mut Workspace, org, name: &str| {
        ws.create_contact(&wieg::ContactInput {
            organisation: Some(org),
            name: Some(name.into()),
            ..Default::default()
        })
        .unwrap()
        .id
    };
    let anouk = person(&mut ws, ggd, "Anouk de Vries");
    let bram = person(&mut ws, kraam, "Bram Jansen");

    // The person alone: their organisation becomes the lead partner.
    let a = ws
        .create_action(&ActionInput {
            owner_contact: Some(anouk.to_string()),
            ..action(pillar, "Zorgpad")
        })
        .unwrap();
    assert_eq!((a.owner, a.owner_contact), (Some(ggd), Some(anouk)));

    // A person at another organisation than the lead partner is refused.
    let (field, code) = refused(ws.update_action(
        a.id,
        &ActionInput {
            owner_contact: Some(bram.to_string()),
            ..Default::default()
        },
    ));
    assert_eq!(
        (field.as_str(), code),
        ("owner_contact", ValidationCode::InvalidChoice)
    );

    // Another lead partner without a person drops the old one; with one keeps it.
    let moved = ws
        .update_action(
            a.id,
            &ActionInput {
                owner: Some(kraam.to_string()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!((moved.owner, moved.owner_contact), (Some(kraam), None));
    let both = ws
        .update_action(
            a.id,
            &ActionInput {
                owner: Some(ggd.to_string()),
                owner_contact: Some(anouk.to_string()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!((both.owner, both.owner_contact), (Some(ggd), Some(anouk)));
    // An edit of something else leaves both.
    let renamed = ws
        .update_action(
            a.id,
            &ActionInput {
                title: Some("Zorgpad Noord".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        (renamed.owner, renamed.owner_contact),
        (Some(ggd), Some(anouk))
    );
    // The plan page names the leads of its actions, and no one else.
    let overview = ws.plan_overview(p.id, &Default::default()).unwrap();
    assert_eq!(
        overview.lead_names,
        std::collections::BTreeMap::from([
            (ggd, "GGD Noord".to_string()),
            (anouk, "Anouk de Vries".to_string())
        ])
    );
    // Cleared: the organisation stays the lead partner.
    let cleared = ws
        .update_action(
            a.id,
            &ActionInput {
                owner_contact: Some(String::new()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!((cleared.owner, cleared.owner_contact), (Some(ggd), None));
}

#[test]
fn rivm_monitor_indicators_are_added_with_one_choice_once_on_every_laptop() {
    let (_a_dir, mut a) = workspace();
    let (_b_dir, mut b) = replica_of(&a);
    let catalogue = a.monitor_catalogue().unwrap();
    assert!(catalogue.len() >= 5 && catalogue.iter().all(|m| !m.added));
    assert!(catalogue
        .iter()
        .all(|m| !m.numerator_label.is_empty() && !m.denominator_label.is_empty()));
    let phases: Vec<_> = catalogue.iter().map(|m| m.phase).collect();
    let mut sorted = phases.clone();
    sorted.sort_by_key(|p| wieg::plan::ActionLine::ALL.iter().position(|x| x == p));
    assert_eq!(phases, sorted, "by phase of the first 1000 days");

    let kraamzorg = "Gezinnen die geen kraamzorg gebruiken";
    let added = a
        .add_monitor_indicator("gezinnen die GEEN kraamzorg gebruiken")
        .unwrap();
    assert_eq!(added.name, kraamzorg);
    assert_eq!(added.unit, "%");
    assert_eq!(added.denominator_label, "Het aantal levendgeborenen");
    assert!(added
        .source
        .starts_with("RIVM Landelijke Monitor Kansrijke Start (Vektis"));
    assert!(a
        .monitor_catalogue()
        .unwrap()
        .iter()
        .any(|m| m.name == kraamzorg && m.added));
    assert_eq!(
        refused(a.add_monitor_indicator(kraamzorg)),
        ("name".to_string(), ValidationCode::Duplicate)
    );
    assert!(matches!(
        a.add_monitor_indicator("Geluk in de wijk"),
        Err(Error::NotFound { .. })
    ));
    // The other laptop adds it too, offline: one indicator after syncing.
    b.add_monitor_indicator(kraamzorg).unwrap();
    exchange(&mut [&mut a, &mut b]);
    assert_eq!(a.dump().unwrap(), b.dump().unwrap());
    let named = |ws: &Workspace| {
        ws.list_indicators()
            .unwrap()
            .iter()
            .filter(|i| i.name == kraamzorg)
            .count()
    };
    assert_eq!((named(&a), named(&b)), (1, 1));
    // Deleted, and added again: it comes back.
    a.delete_indicator(added.id).unwrap();
    assert!(!a.monitor_catalogue().unwrap().iter().any(|m| m.added));
    assert_eq!(a.add_monitor_indicator(kraamzorg).unwrap().id, added.id);
}
