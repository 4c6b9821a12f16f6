//! The demo coalition ("Probeer met voorbeelddata"): a fictional coalition
//! in real municipalities, loaded through the ordinary change path so it
//! syncs and behaves like data a coordinator typed in.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::coalition::{create_coalition_in, Coalition};
use crate::error::{Error, Result};
use crate::meetings::{
    add_action_item_in, add_agenda_item_in, add_decision_in, create_meeting_in, set_attendance_in,
    ActionItemInput, ActionItemStatus, AgendaItemInput, Attendance, DecisionInput, FollowUp,
    MeetingInput, MeetingKind, MeetingStatus,
};
use crate::network::{
    create_contact_in, create_municipality_in, create_organisation_in, create_relation_in,
    set_served_in, ContactInput, LegalBasis, MunicipalityInput, OrganisationInput, RelationInput,
    RelationKind,
};
use crate::plan::{
    add_milestone_in, add_monitor_indicator_in, add_note_in, create_action_in, create_funding_in,
    create_gathering_in, create_goal_in, create_goal_target_in, create_indicator_in,
    create_parent_group_in, create_plan_in, create_spending_in, set_indicator_value_in,
    set_milestone_done_in, set_rollout_in, ActionInput, ActionNoteInput, ActionStatus,
    FundingInput, GatheringInput, GatheringKind, GoalInput, GoalTargetInput, GroupKind,
    IndicatorInput, IndicatorValueInput, MilestoneInput, ParentGroupInput, ParentGroupYearInput,
    PlanInput, RolloutInput, RolloutStatus, SpendingInput, SpendingState, TargetMeasure,
    TurnoutInput,
};
use crate::vocabulary::fold;
use crate::workspace::Workspace;

const DEMO_JSON: &str = include_str!("../assets/demo/coalition.json");

#[derive(Debug, Deserialize)]
pub struct DemoCoalition {
    pub name: String,
    pub start_date: NaiveDate,
    pub municipalities: Vec<DemoMunicipality>,
    pub organisations: Vec<DemoOrganisation>,
    pub relations: Vec<DemoRelation>,
    pub contacts: Vec<DemoContact>,
    pub plan: DemoPlan,
    pub meetings: Vec<DemoMeeting>,
    pub parent_groups: Vec<DemoParentGroup>,
    pub gatherings: Vec<DemoGathering>,
}

/// A parents' group with its actions by title and meetings by title and date.
#[derive(Debug, Deserialize)]
pub struct DemoParentGroup {
    pub name: String,
    pub kind: GroupKind,
    pub role: String,
    pub actions: Vec<String>,
    pub meetings: Vec<DemoMeetingRef>,
    pub years: Vec<DemoGroupYear>,
}

#[derive(Debug, Deserialize)]
pub struct DemoMeetingRef {
    pub title: String,
    pub date: String,
}

#[derive(Debug, Deserialize)]
pub struct DemoGroupYear {
    pub year: String,
    pub members: String,
    pub sessions: String,
}

/// A network day or training, with its action and intervention by name and
/// its numbers per organisation by name.
#[derive(Debug, Deserialize)]
pub struct DemoGathering {
    pub title: String,
    pub kind: GatheringKind,
    pub date: String,
    pub place: String,
    pub action: Option<String>,
    pub intervention: Option<String>,
    pub notes: String,
    pub turnout: Vec<DemoTurnout>,
}

#[derive(Debug, Deserialize)]
pub struct DemoTurnout {
    pub organisation: String,
    pub registered: String,
    pub attended: String,
    pub welcomed: bool,
}

/// A meeting with persons and organisations by name.
#[derive(Debug, Deserialize)]
pub struct DemoMeeting {
    pub title: String,
    pub kind: MeetingKind,
    pub date: String,
    pub start_time: String,
    pub end_time: String,
    pub location: String,
    pub status: MeetingStatus,
    /// Invited person → attendance.
    pub attendance: std::collections::BTreeMap<String, Attendance>,
    pub agenda: Vec<DemoAgendaItem>,
    pub decisions: Vec<DemoDecision>,
    pub action_items: Vec<DemoActionItem>,
}

#[derive(Debug, Deserialize)]
pub struct DemoAgendaItem {
    pub title: String,
    pub minutes: String,
}

#[derive(Debug, Deserialize)]
pub struct DemoDecision {
    pub text: String,
    pub follow_up: FollowUp,
}

#[derive(Debug, Deserialize)]
pub struct DemoActionItem {
    pub text: String,
    /// A contact person's or an organisation's name.
    pub owner: String,
    pub due: String,
    pub status: ActionItemStatus,
}

/// The action plan, with organisations, municipalities and interventions
/// by name and goals by their place in their pillar.
#[derive(Debug, Deserialize)]
pub struct DemoPlan {
    pub plan: PlanInput,
    /// Pillar number → its goals.
    pub goals: HashMap<u32, Vec<GoalInput>>,
    pub actions: Vec<DemoAction>,
    pub rollouts: Vec<DemoRollout>,
    /// Grants; their actions by title.
    pub fundings: Vec<DemoFunding>,
    /// Spending on the grants, by the funder's name and the action's title.
    pub spending: Vec<DemoSpending>,
    pub indicators: Vec<DemoIndicator>,
    /// Indicators of RIVM's national monitor, by name, with their values.
    pub monitor: Vec<DemoMonitor>,
    /// Measurable targets of goals (by pillar and place), on indicators
    /// and interventions by name.
    pub targets: Vec<DemoTarget>,
}

#[derive(Debug, Deserialize)]
pub struct DemoTarget {
    pub pillar: u32,
    pub goal: usize,
    pub measure: TargetMeasure,
    pub indicator: Option<String>,
    pub intervention: Option<String>,
    pub baseline: Option<String>,
    pub baseline_year: Option<i32>,
    pub target: String,
    pub target_year: Option<i32>,
}

#[derive(Debug, Deserialize)]
pub struct DemoFunding {
    #[serde(flatten)]
    pub funding: FundingInput,
    #[serde(rename = "actions")]
    pub action_titles: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct DemoSpending {
    pub funder: String,
    pub action: Option<String>,
    pub date: String,
    pub description: String,
    pub amount: String,
    #[serde(default)]
    pub committed: bool,
}

#[derive(Debug, Deserialize)]
pub struct DemoMonitor {
    pub name: String,
    pub values: Vec<DemoValue>,
}

#[derive(Debug, Deserialize)]
pub struct DemoIndicator {
    #[serde(flatten)]
    pub indicator: IndicatorInput,
    pub values: Vec<DemoValue>,
}

#[derive(Debug, Deserialize)]
pub struct DemoValue {
    pub municipality: String,
    pub year: i32,
    pub numerator: i64,
    pub denominator: Option<i64>,
}

#[derive(Debug, Deserialize)]
pub struct DemoAction {
    pub pillar: u32,
    pub goal: Option<usize>,
    pub title: String,
    pub owner: String,
    pub partners: Vec<String>,
    pub municipalities: Vec<String>,
    pub status: ActionStatus,
    pub start_date: String,
    pub end_date: String,
    pub budget: String,
    pub funding: String,
    pub milestones: Vec<DemoMilestone>,
    pub notes: Vec<DemoNote>,
}

#[derive(Debug, Deserialize)]
pub struct DemoMilestone {
    pub quarter: String,
    pub title: String,
    pub done: bool,
}

#[derive(Debug, Deserialize)]
pub struct DemoNote {
    pub date: String,
    pub text: String,
}

#[derive(Debug, Deserialize)]
pub struct DemoRollout {
    pub municipality: String,
    pub intervention: String,
    pub status: RolloutStatus,
    pub provider: String,
    pub since: Option<String>,
    pub target_per_year: Option<u32>,
    pub actual_per_year: Option<u32>,
}

/// An organisation and the municipalities it serves, by name.
#[derive(Debug, Deserialize)]
pub struct DemoOrganisation {
    #[serde(flatten)]
    pub organisation: OrganisationInput,
    pub municipalities: Vec<String>,
}

/// A (fictional) contact person, with the name of their organisation.
#[derive(Debug, Deserialize)]
pub struct DemoContact {
    pub organisation: String,
    pub name: String,
    pub function: String,
    pub email: String,
    pub phone: String,
    pub coalition_role: String,
    pub legal_basis: LegalBasis,
    pub active_from: String,
    pub last_checked: String,
}

/// A relation by the names of its organisations.
#[derive(Debug, Deserialize)]
pub struct DemoRelation {
    pub from: String,
    pub to: String,
    pub kind: RelationKind,
    pub strength: u8,
    pub start_date: String,
}

#[derive(Debug, Deserialize)]
pub struct DemoMunicipality {
    pub name: String,
    pub cbs_code: String,
}

pub fn demo_coalition() -> Result<DemoCoalition> {
    Ok(serde_json::from_str(DEMO_JSON)?)
}

impl Workspace {
    /// Load the demo coalition into an empty database, in one transaction.
    pub fn load_demo(&mut self) -> Result<Coalition> {
        if let Some(existing) = self.coalition()? {
            return Err(Error::CoalitionExists(existing.name));
        }
        let demo = demo_coalition()?;
        self.write(|w| {
            create_coalition_in(w, &demo.name, demo.start_date)?;
            let mut municipalities = HashMap::new();
            for m in &demo.municipalities {
                let input = MunicipalityInput {
                    name: Some(m.name.clone()),
                    cbs_code: Some(m.cbs_code.clone()),
                    ..Default::default()
                };
                municipalities.insert(m.name.as_str(), create_municipality_in(w, &input)?);
            }
            let known = |ids: &HashMap<&str, uuid::Uuid>, name: &str| {
                ids.get(name)
                    .copied()
                    .ok_or_else(|| Error::InvalidInput(format!("demo: {name}")))
            };
            let mut ids = HashMap::new();
            for org in &demo.organisations {
                let id = create_organisation_in(w, &org.organisation)?;
                ids.insert(org.organisation.name.as_deref().unwrap_or_default(), id);
                let served = org
                    .municipalities
                    .iter()
                    .map(|m| known(&municipalities, m))
                    .collect::<Result<Vec<_>>>()?;
                set_served_in(w, id, &served)?;
            }
            let mut contacts = HashMap::new();
            for c in &demo.contacts {
                let input = ContactInput {
                    organisation: Some(known(&ids, &c.organisation)?),
                    name: Some(c.name.clone()),
                    function: Some(c.function.clone()),
                    email: Some(c.email.clone()),
                    phone: Some(c.phone.clone()),
                    coalition_role: Some(c.coalition_role.clone()),
                    legal_basis: Some(c.legal_basis),
                    active_from: Some(c.active_from.clone()),
                    last_checked: Some(c.last_checked.clone()),
                    ..Default::default()
                };
                contacts.insert(c.name.as_str(), create_contact_in(w, &input)?);
            }
            for r in &demo.relations {
                let id = |name: &str| known(&ids, name);
                let input = RelationInput {
                    from_org: Some(id(&r.from)?),
                    to_org: Some(id(&r.to)?),
                    kind: Some(r.kind),
                    strength: Some(r.strength),
                    start_date: Some(r.start_date.clone()),
                    ..Default::default()
                };
                create_relation_in(w, &input)?;
            }
            load_plan(w, &demo.plan, &ids, &municipalities)?;
            load_meetings(w, &demo.meetings, &ids, &contacts)?;
            load_participation(w, &demo, &ids)
        })?;
        self.require_coalition()
    }
}

fn load_plan(
    w: &mut crate::changes::Writer,
    demo: &DemoPlan,
    organisations: &HashMap<&str, uuid::Uuid>,
    municipalities: &HashMap<&str, uuid::Uuid>,
) -> Result<()> {
    let known = |ids: &HashMap<&str, uuid::Uuid>, name: &str| {
        ids.get(name)
            .copied()
            .ok_or_else(|| Error::InvalidInput(format!("demo: {name}")))
    };
    let plan = create_plan_in(w, &demo.plan)?;
    let pillars: Vec<uuid::Uuid> = w
        .conn()
        .prepare("SELECT id FROM pillars WHERE plan = ?1 ORDER BY position")?
        .query_map([plan.to_string()], |r| r.get::<_, String>(0))?
        .map(|id| Ok(uuid::Uuid::try_parse(&id?).unwrap_or_default()))
        .collect::<Result<_>>()?;
    let pillar = |n: u32| {
        pillars
            .get(n as usize - 1)
            .copied()
            .ok_or_else(|| Error::InvalidInput(format!("demo: pijler {n}")))
    };
    let mut goals: HashMap<u32, Vec<uuid::Uuid>> = HashMap::new();
    for (n, list) in &demo.goals {
        for goal in list {
            let input = GoalInput {
                pillar: Some(pillar(*n)?),
                ..goal.clone()
            };
            goals
                .entry(*n)
                .or_default()
                .push(create_goal_in(w, &input)?);
        }
    }
    let today = w.today();
    let mut actions: HashMap<&str, uuid::Uuid> = HashMap::new();
    for a in &demo.actions {
        let owner = known(organisations, &a.owner)?;
        // The lead partner's first contact person pulls it, as coordinators
        // usually record it.
        let lead: Option<String> = rusqlite::OptionalExtension::optional(w.conn().query_row(
            "SELECT id FROM contacts WHERE organisation = ?1 AND erased = 0 ORDER BY name, id LIMIT 1",
            [owner.to_string()],
            |r| r.get(0),
        ))?;
        let input = ActionInput {
            pillar: Some(pillar(a.pillar)?),
            goal: a
                .goal
                .and_then(|g| goals.get(&a.pillar).and_then(|list| list.get(g)))
                .map(|g| g.to_string()),
            title: Some(a.title.clone()),
            description: None,
            owner: Some(owner.to_string()),
            owner_contact: lead,
            partners: Some(
                a.partners
                    .iter()
                    .map(|p| known(organisations, p))
                    .collect::<Result<_>>()?,
            ),
            municipalities: Some(
                a.municipalities
                    .iter()
                    .map(|m| known(municipalities, m))
                    .collect::<Result<_>>()?,
            ),
            status: Some(a.status),
            start_date: Some(a.start_date.clone()),
            end_date: Some(a.end_date.clone()),
            budget_cents: Some(a.budget.clone()),
            funding: Some(a.funding.clone()),
        };
        let id = create_action_in(w, &input, today)?;
        actions.insert(a.title.as_str(), id);
        for m in &a.milestones {
            let milestone = add_milestone_in(
                w,
                &MilestoneInput {
                    action: Some(id),
                    quarter: Some(m.quarter.clone()),
                    title: Some(m.title.clone()),
                    done: None,
                },
            )?;
            set_milestone_done_in(w, milestone, m.done)?;
        }
        for n in &a.notes {
            add_note_in(
                w,
                &ActionNoteInput {
                    action: Some(id),
                    date: Some(n.date.clone()),
                    text: Some(n.text.clone()),
                },
            )?;
        }
    }
    let interventions: HashMap<String, uuid::Uuid> = w
        .conn()
        .prepare("SELECT id, name FROM interventions")?
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .map(|row| {
            let (id, name) = row?;
            Ok((fold(&name), uuid::Uuid::try_parse(&id).unwrap_or_default()))
        })
        .collect::<Result<_>>()?;
    for r in &demo.rollouts {
        let intervention = interventions
            .get(&fold(&r.intervention))
            .copied()
            .ok_or_else(|| Error::InvalidInput(format!("demo: {}", r.intervention)))?;
        let input = RolloutInput {
            status: Some(r.status),
            provider: Some(known(organisations, &r.provider)?.to_string()),
            since: r.since.clone(),
            target_per_year: r.target_per_year.map(Some),
            actual_per_year: r.actual_per_year.map(Some),
        };
        set_rollout_in(
            w,
            known(municipalities, &r.municipality)?,
            intervention,
            &input,
        )?;
    }
    let mut grants: HashMap<String, uuid::Uuid> = HashMap::new();
    for f in &demo.fundings {
        let input = FundingInput {
            actions: Some(
                f.action_titles
                    .iter()
                    .map(|t| known(&actions, t))
                    .collect::<Result<_>>()?,
            ),
            ..f.funding.clone()
        };
        let id = create_funding_in(w, &input)?;
        grants.insert(f.funding.funder.clone().unwrap_or_default(), id);
    }
    for s in &demo.spending {
        let funding = grants
            .get(&s.funder)
            .ok_or_else(|| Error::InvalidInput(format!("demo: {}", s.funder)))?;
        create_spending_in(
            w,
            &SpendingInput {
                funding: Some(funding.to_string()),
                action: s
                    .action
                    .as_ref()
                    .map(|t| known(&actions, t).map(|a| a.to_string()))
                    .transpose()?,
                date: Some(s.date.clone()),
                description: Some(s.description.clone()),
                amount_cents: Some(s.amount.clone()),
                state: Some(if s.committed {
                    SpendingState::Verplicht
                } else {
                    SpendingState::Betaald
                }),
            },
        )?;
    }
    let mut indicators: HashMap<String, uuid::Uuid> = HashMap::new();
    // The coalition's own indicators, then those it took from RIVM's monitor.
    let made = demo
        .indicators
        .iter()
        .map(|i| {
            let name = i.indicator.name.clone().unwrap_or_default();
            Ok((name, create_indicator_in(w, &i.indicator)?, &i.values))
        })
        .collect::<Result<Vec<_>>>()?;
    let taken = demo
        .monitor
        .iter()
        .map(|m| {
            Ok((
                m.name.clone(),
                add_monitor_indicator_in(w, &m.name)?,
                &m.values,
            ))
        })
        .collect::<Result<Vec<_>>>()?;
    for (name, indicator, values) in made.into_iter().chain(taken) {
        indicators.insert(fold(&name), indicator);
        for v in values {
            set_indicator_value_in(
                w,
                &IndicatorValueInput {
                    indicator: Some(indicator),
                    municipality: Some(known(municipalities, &v.municipality)?),
                    year: Some(v.year.to_string()),
                    numerator: Some(v.numerator.to_string()),
                    denominator: Some(v.denominator.map(|d| d.to_string()).unwrap_or_default()),
                },
            )?;
        }
    }
    for t in &demo.targets {
        let goal = goals
            .get(&t.pillar)
            .and_then(|list| list.get(t.goal))
            .copied()
            .ok_or_else(|| {
                Error::InvalidInput(format!("demo: doel {} van pijler {}", t.goal, t.pillar))
            })?;
        let by_name = |names: &HashMap<String, uuid::Uuid>,
                       name: &Option<String>|
         -> Result<Option<String>> {
            name.as_ref()
                .map(|n| {
                    names
                        .get(&fold(n))
                        .map(|id| id.to_string())
                        .ok_or_else(|| Error::InvalidInput(format!("demo: {n}")))
                })
                .transpose()
        };
        create_goal_target_in(
            w,
            &GoalTargetInput {
                goal: Some(goal),
                measure: Some(t.measure),
                indicator: by_name(&indicators, &t.indicator)?,
                intervention: by_name(&interventions, &t.intervention)?,
                municipality: None,
                baseline: t.baseline.clone(),
                baseline_year: Some(t.baseline_year),
                target: Some(t.target.clone()),
                target_year: Some(t.target_year),
            },
        )?;
    }
    Ok(())
}

/// Parents' groups and gatherings, after the plan and the meetings they
/// name.
fn load_participation(
    w: &mut crate::changes::Writer,
    demo: &DemoCoalition,
    organisations: &HashMap<&str, uuid::Uuid>,
) -> Result<()> {
    // The one living row of `sql` for `key`, or the demo is broken.
    let one = |w: &crate::changes::Writer, sql: &str, key: &[&str]| -> Result<uuid::Uuid> {
        let id: String = w
            .conn()
            .query_row(sql, rusqlite::params_from_iter(key), |r| r.get(0))
            .map_err(|_| Error::InvalidInput(format!("demo: {}", key.join(" "))))?;
        Ok(uuid::Uuid::try_parse(&id).unwrap_or_default())
    };
    let action = "SELECT id FROM actions WHERE title = ?1 AND deleted = 0";
    let intervention = "SELECT id FROM interventions WHERE name = ?1 AND deleted = 0";
    for g in &demo.parent_groups {
        let input = ParentGroupInput {
            name: Some(g.name.clone()),
            kind: Some(g.kind),
            role: Some(g.role.clone()),
            actions: Some(
                g.actions
                    .iter()
                    .map(|t| one(w, action, &[t]))
                    .collect::<Result<_>>()?,
            ),
            meetings: Some(
                g.meetings
                    .iter()
                    .map(|m| {
                        one(
                            w,
                            "SELECT id FROM meetings WHERE title = ?1 AND date = ?2 AND deleted = 0",
                            &[&m.title, &m.date],
                        )
                    })
                    .collect::<Result<_>>()?,
            ),
            years: Some(
                g.years
                    .iter()
                    .map(|y| ParentGroupYearInput {
                        parent_group: None,
                        year: Some(y.year.clone()),
                        members: Some(y.members.clone()),
                        sessions: Some(y.sessions.clone()),
                    })
                    .collect(),
            ),
        };
        create_parent_group_in(w, &input)?;
    }
    for g in &demo.gatherings {
        let turnout = g
            .turnout
            .iter()
            .map(|t| {
                let organisation = organisations
                    .get(t.organisation.as_str())
                    .copied()
                    .ok_or_else(|| Error::InvalidInput(format!("demo: {}", t.organisation)))?;
                Ok(TurnoutInput {
                    organisation: Some(organisation),
                    registered: Some(t.registered.clone()),
                    attended: Some(t.attended.clone()),
                    welcomed: Some(t.welcomed),
                    ..Default::default()
                })
            })
            .collect::<Result<_>>()?;
        let input = GatheringInput {
            title: Some(g.title.clone()),
            kind: Some(g.kind),
            date: Some(g.date.clone()),
            place: Some(g.place.clone()),
            action: g
                .action
                .as_ref()
                .map(|t| one(w, action, &[t]).map(|a| a.to_string()))
                .transpose()?,
            intervention: g
                .intervention
                .as_ref()
                .map(|n| one(w, intervention, &[n]).map(|i| i.to_string()))
                .transpose()?,
            notes: Some(g.notes.clone()),
            turnout: Some(turnout),
        };
        create_gathering_in(w, &input)?;
    }
    Ok(())
}

fn load_meetings(
    w: &mut crate::changes::Writer,
    meetings: &[DemoMeeting],
    organisations: &HashMap<&str, uuid::Uuid>,
    contacts: &HashMap<&str, uuid::Uuid>,
) -> Result<()> {
    let person = |name: &str| {
        contacts
            .get(name)
            .copied()
            .ok_or_else(|| Error::InvalidInput(format!("demo: {name}")))
    };
    for m in meetings {
        let invited = m
            .attendance
            .keys()
            .map(|n| person(n))
            .collect::<Result<Vec<_>>>()?;
        let id = uuid::Uuid::now_v7();
        let input = MeetingInput {
            title: Some(m.title.clone()),
            kind: Some(m.kind),
            date: Some(m.date.clone()),
            start_time: Some(m.start_time.clone()),
            end_time: Some(m.end_time.clone()),
            location: Some(m.location.clone()),
            status: Some(m.status),
            chair: invited.first().map(|c| c.to_string()),
            invited: Some(invited),
            ..Default::default()
        };
        create_meeting_in(w, id, &input)?;
        for (name, attendance) in &m.attendance {
            if *attendance != Attendance::Uitgenodigd {
                set_attendance_in(w, id, person(name)?, *attendance)?;
            }
        }
        let mut first_item = None;
        for (i, item) in m.agenda.iter().enumerate() {
            let input = AgendaItemInput {
                meeting: Some(id),
                title: Some(item.title.clone()),
                minutes: Some(item.minutes.clone()),
                ..Default::default()
            };
            let item = add_agenda_item_in(w, i as i64 + 1, &input)?;
            first_item.get_or_insert(item);
        }
        for d in &m.decisions {
            let input = DecisionInput {
                meeting: Some(id),
                agenda_item: first_item.map(|a| a.to_string()),
                text: Some(d.text.clone()),
                follow_up: Some(d.follow_up),
                ..Default::default()
            };
            add_decision_in(w, &input)?;
        }
        for a in &m.action_items {
            let owner = contacts
                .get(a.owner.as_str())
                .or_else(|| organisations.get(a.owner.as_str()))
                .copied()
                .ok_or_else(|| Error::InvalidInput(format!("demo: {}", a.owner)))?;
            // A done item was done on its due date.
            let input = ActionItemInput {
                meeting: Some(id),
                text: Some(a.text.clone()),
                owner: Some(owner.to_string()),
                due: Some(a.due.clone()),
                status: Some(a.status),
                done_on: (a.status == ActionItemStatus::Gedaan).then(|| a.due.clone()),
                ..Default::default()
            };
            add_action_item_in(w, &input)?;
        }
    }
    Ok(())
}
