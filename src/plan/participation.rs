//! Parents who take part (*ouderparticipatie*): a group such as an
//! *ouderpanel* or *ervaringsdeskundigen* that helps steer the plan, with
//! how many parents took part each year, how often the group met, and the
//! actions and meetings it took part in.
//!
//! Counts and roles only: Wieg keeps no names of parents, so a group has
//! no members, only numbers. A year's count is one row per group and year
//! (its id made from both), so two laptops typing the same year's count
//! keep one, the later.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::actions::ACTION;
use super::gatherings::{turnout_per_domain, DomainTurnout, Gathering, GatheringFilter, Trained};
use super::indicators::{Count, MaybeCount, Year};
use crate::changes::{EntitySpec, Writer};
use crate::error::{Error, Result, ValidationCode};
use crate::membership::Membership;
use crate::rows;
use crate::schema::{entity, require_living, Choice, Link, Moment, Text};
use crate::time::iso;
use crate::vocabulary::{dutch_choice, fold};
use crate::workspace::Workspace;

dutch_choice!(
    /// What kind of group (a kind from a newer version reads as "anders").
    #[derive(Default)]
    GroupKind {
        Ouderpanel = "ouderpanel" ["Ouderpanel", "Parents' panel"],
        Ervaringsdeskundigen = "ervaringsdeskundigen" ["Ervaringsdeskundigen", "Experts by experience"],
        Klankbordgroep = "klankbordgroep" ["Klankbordgroep", "Sounding board"],
        #[default]
        Anders = "anders" ["Anders", "Other"],
    }
);

entity! {
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct ParentGroup in PARENT_GROUP = "parent_group", "parent_groups";
    input ParentGroupInput => ParentGroupChecked {
        /// The actions it took part in (exactly these), saved in the same
        /// transaction.
        #[ts(optional)]
        actions: Option<Vec<Uuid>>,
        /// The meetings it took part in (exactly these).
        #[ts(optional)]
        meetings: Option<Vec<Uuid>>,
        /// Its counts (exactly these years; `parent_group` may be left out).
        #[ts(optional)]
        years: Option<Vec<ParentGroupYearInput>>,
    }
    fields {
        name: String = Text<200> ["Naam", "Name"] required "geef de groep een naam",
        kind: GroupKind = Choice<GroupKind> ["Soort groep", "Kind of group"],
        /// What the group does for the coalition ("denkt mee over de
        /// folder", "beoordeelt het plan").
        role: String = Text<1000> ["Wat de groep doet", "What the group does"],
    }
    kept { created_at: DateTime<Utc> = Moment }
    extra {
        /// Its counts, the earliest year first.
        years: Vec<ParentGroupYear>,
        actions: Vec<Uuid>,
        meetings: Vec<Uuid>,
    }
    hidden { deleted, deleted_seen }
}

entity! {
    /// How many parents took part in a group in one year.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct ParentGroupYear in PARENT_GROUP_YEAR = "parent_group_year", "parent_group_years";
    input ParentGroupYearInput => ParentGroupYearChecked {}
    fields {
        /// Left out in a group's own list of years.
        parent_group: Uuid = Link ["Groep", "Group"],
        year: i32 = Year ["Jaar", "Year"] required "vul het jaar in",
        /// Parents who took part that year (a count, never names).
        members: i64 = Count ["Ouders die meededen", "Parents who took part"],
        /// How often the group met that year; empty when not counted.
        sessions: Option<i64> = MaybeCount ["Keren bijeengekomen", "Times the group met"],
    }
    kept {}
    extra {}
    hidden { deleted, deleted_seen }
}

pub const PARENT_GROUP_ACTION: EntitySpec = EntitySpec {
    name: "parent_group_action",
    table: "parent_group_actions",
    fields: &["parent_group", "action", "deleted", "deleted_seen"],
};

pub const PARENT_GROUP_MEETING: EntitySpec = EntitySpec {
    name: "parent_group_meeting",
    table: "parent_group_meetings",
    fields: &["parent_group", "meeting", "deleted", "deleted_seen"],
};

const IN_ACTIONS: Membership = Membership {
    spec: &PARENT_GROUP_ACTION,
    owner: "parent_group",
    member: "action",
    member_table: "actions",
    member_living: "m.deleted = 0",
    namespace: Uuid::from_u128(0x5ee1_a2d0_0000_4000_8000_0000_7061_6361),
};

// Meetings sit above the plan; a group names them by id, and a meeting
// deleted since drops out of its list as any member does.
const IN_MEETINGS: Membership = Membership {
    spec: &PARENT_GROUP_MEETING,
    owner: "parent_group",
    member: "meeting",
    member_table: "meetings",
    member_living: "m.deleted = 0",
    namespace: Uuid::from_u128(0x5ee1_a2d0_0000_4000_8000_0000_7061_6d65),
};

const YEAR_NAMESPACE: Uuid = Uuid::from_u128(0x5ee1_a2d0_0000_4000_8000_0000_7061_7972);

/// One count per group and year, on every laptop.
fn year_id(group: Uuid, year: i32) -> Uuid {
    Uuid::new_v5(&YEAR_NAMESPACE, format!("{group}/{year}").as_bytes())
}

fn write_group(
    w: &mut Writer,
    id: Uuid,
    before: Option<&ParentGroup>,
    input: &ParentGroupInput,
) -> Result<()> {
    let fields = input.check(before.is_none())?;
    fields.write(w, id)?;
    if let Some(actions) = &input.actions {
        for a in actions {
            require_living(w.conn(), &ACTION, "actions", *a, "actie")?;
        }
        IN_ACTIONS.set_in(w, id, actions)?;
    }
    if let Some(meetings) = &input.meetings {
        IN_MEETINGS.set_in(w, id, meetings)?;
    }
    if let Some(years) = &input.years {
        let mut kept = Vec::with_capacity(years.len());
        for year in years {
            // A refused count is the list's, and says which year.
            let fields = year.check(true).map_err(|e| match e {
                Error::Validation(mut v) => {
                    v.message = format!(
                        "{}: {}",
                        year.year.as_deref().unwrap_or("").trim(),
                        v.message
                    );
                    v.field = "years".into();
                    Error::Validation(v)
                }
                other => other,
            })?;
            let number = fields.year.unwrap_or_default();
            if kept.contains(&number) {
                return Err(Error::validation(
                    "years",
                    ValidationCode::Duplicate,
                    format!("{number} staat er twee keer in"),
                ));
            }
            kept.push(number);
            write_year(w, id, fields)?;
        }
        for gone in before
            .map(|b| b.years.as_slice())
            .unwrap_or_default()
            .iter()
            .filter(|y| !kept.contains(&y.year))
        {
            w.set_deleted(&PARENT_GROUP_YEAR, year_id(id, gone.year), true)?;
        }
    }
    Ok(())
}

/// One year's count of `group`, checked.
fn write_year(w: &mut Writer, group: Uuid, mut fields: ParentGroupYearChecked) -> Result<()> {
    fields.parent_group = Some(group);
    let id = year_id(group, fields.year.unwrap_or_default());
    fields.write(w, id)?;
    w.set_deleted(&PARENT_GROUP_YEAR, id, false)?;
    Ok(())
}

pub(crate) fn create_parent_group_in(w: &mut Writer, input: &ParentGroupInput) -> Result<Uuid> {
    let id = Uuid::now_v7();
    write_group(w, id, None, input)?;
    w.set(&PARENT_GROUP, id, "created_at", iso(w.now()))?;
    w.set(&PARENT_GROUP, id, "deleted", false)?;
    Ok(id)
}

/// Set one year's count of a group (a second count for the same year
/// replaces the first).
pub(crate) fn set_parent_group_year_in(w: &mut Writer, input: &ParentGroupYearInput) -> Result<()> {
    let fields = input.check(true)?;
    let group = fields.parent_group.unwrap_or_default();
    require_living(w.conn(), &PARENT_GROUP, "parent_group", group, "groep")?;
    write_year(w, group, fields)
}

impl Workspace {
    pub fn create_parent_group(&mut self, input: &ParentGroupInput) -> Result<ParentGroup> {
        self.require_coalition()?;
        let id = self.write(|w| create_parent_group_in(w, input))?;
        self.parent_group(id)
    }

    pub fn update_parent_group(
        &mut self,
        id: Uuid,
        input: &ParentGroupInput,
    ) -> Result<ParentGroup> {
        let before = self.parent_group(id)?;
        self.write(|w| write_group(w, id, Some(&before), input))?;
        self.parent_group(id)
    }

    pub fn delete_parent_group(&mut self, id: Uuid) -> Result<()> {
        self.parent_group(id)?;
        self.write(|w| w.set_deleted(&PARENT_GROUP, id, true).map(drop))
    }

    pub fn set_parent_group_year(&mut self, input: &ParentGroupYearInput) -> Result<ParentGroup> {
        self.write(|w| set_parent_group_year_in(w, input))?;
        self.parent_group(input.parent_group.unwrap_or_default())
    }

    /// Take a year's count away (it was typed for the wrong year).
    pub fn delete_parent_group_year(&mut self, group: Uuid, year: i32) -> Result<ParentGroup> {
        let found = self.parent_group(group)?;
        if !found.years.iter().any(|y| y.year == year) {
            return Err(Error::NotFound {
                what: "telling",
                id: format!("{} {year}", found.name),
            });
        }
        self.write(|w| {
            w.set_deleted(&PARENT_GROUP_YEAR, year_id(group, year), true)
                .map(drop)
        })?;
        self.parent_group(group)
    }

    pub fn parent_group(&self, id: Uuid) -> Result<ParentGroup> {
        let group = rows::by_id(
            self.conn(),
            ParentGroup::SELECT,
            id,
            "groep",
            ParentGroup::read,
        )?;
        Ok(self.with_parts(vec![group])?.remove(0))
    }

    /// Every group, by name, with its years, actions and meetings.
    pub fn list_parent_groups(&self) -> Result<Vec<ParentGroup>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE deleted = 0 AND created_at != ''",
            ParentGroup::SELECT
        ))?;
        let mut list: Vec<ParentGroup> = stmt
            .query_map([], ParentGroup::read)?
            .collect::<rusqlite::Result<_>>()?;
        list.sort_by_cached_key(|g| fold(&g.name));
        self.with_parts(list)
    }

    fn with_parts(&self, mut groups: Vec<ParentGroup>) -> Result<Vec<ParentGroup>> {
        let ids: Vec<Uuid> = groups.iter().map(|g| g.id).collect();
        let mut actions = IN_ACTIONS.of(self.conn(), &ids)?;
        let mut meetings = IN_MEETINGS.of(self.conn(), &ids)?;
        let mut years: BTreeMap<Uuid, Vec<ParentGroupYear>> = BTreeMap::new();
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE deleted = 0 ORDER BY year",
            ParentGroupYear::SELECT
        ))?;
        for year in stmt.query_map([], ParentGroupYear::read)? {
            let year = year?;
            years.entry(year.parent_group).or_default().push(year);
        }
        for g in &mut groups {
            g.actions = actions
                .remove(&g.id)
                .unwrap_or_default()
                .into_iter()
                .collect();
            g.meetings = meetings
                .remove(&g.id)
                .unwrap_or_default()
                .into_iter()
                .collect();
            g.years = years.remove(&g.id).unwrap_or_default();
        }
        Ok(groups)
    }
}

/// Which years to count; both ends optional, both included.
#[derive(Debug, Clone, Copy, Default, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct YearSpan {
    pub from: Option<i32>,
    pub to: Option<i32>,
}

impl YearSpan {
    pub fn holds(self, year: i32) -> bool {
        self.from.is_none_or(|f| year >= f) && self.to.is_none_or(|t| year <= t)
    }
}

/// A group's counts over some years: the parents of its busiest year (the
/// same parents mostly come back, so years are not added up) and the times
/// it met, added up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct GroupCounts {
    pub most_members: i64,
    pub sessions: i64,
}

impl ParentGroup {
    pub fn counts(&self, span: YearSpan) -> GroupCounts {
        let years = self.years.iter().filter(|y| span.holds(y.year));
        let (most_members, sessions) = years.fold((0, 0), |(most, sessions), y| {
            (most.max(y.members), sessions + y.sessions.unwrap_or(0))
        });
        GroupCounts {
            most_members,
            sessions,
        }
    }
}

/// From one day to another, both included; either end may be open.
#[derive(Debug, Clone, Copy, Default, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct Period {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// A group with its counts over a period's years.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct GroupSummary {
    pub group: ParentGroup,
    pub counts: GroupCounts,
}

/// Who took part over a period: the parents' groups with their counts in
/// its years, the gatherings in it, who came per domain, who was trained,
/// and the organisations welcomed to the network.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Participation {
    pub groups: Vec<GroupSummary>,
    /// The latest first.
    pub gatherings: Vec<Gathering>,
    pub by_domain: Vec<DomainTurnout>,
    pub trained: Vec<Trained>,
    /// Names of the organisations new to the network at a gathering, by name.
    pub welcomed: Vec<String>,
}

impl Workspace {
    /// Who took part in `period`.
    pub fn participation(&self, period: Period) -> Result<Participation> {
        let Period { from, to } = period;
        let span = YearSpan {
            from: from.map(|d| d.year()),
            to: to.map(|d| d.year()),
        };
        let groups = self
            .list_parent_groups()?
            .into_iter()
            .map(|group| GroupSummary {
                counts: group.counts(span),
                group,
            })
            .collect();
        let gatherings = self.list_gatherings(&GatheringFilter {
            kind: None,
            from,
            to,
        })?;
        let mut welcomed: Vec<String> = gatherings
            .iter()
            .flat_map(|g| &g.turnout)
            .filter(|t| t.welcomed)
            .map(|t| t.name.clone())
            .collect();
        welcomed.sort_by_cached_key(|n| fold(n));
        welcomed.dedup();
        Ok(Participation {
            groups,
            by_domain: turnout_per_domain(&gatherings),
            trained: self.trained(&gatherings)?,
            welcomed,
            gatherings,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn year(year: i32, members: i64, sessions: Option<i64>) -> ParentGroupYear {
        ParentGroupYear {
            id: Uuid::nil(),
            parent_group: Uuid::nil(),
            year,
            members,
            sessions,
            updated_at: DateTime::default(),
        }
    }

    #[test]
    fn a_span_of_years_counts_the_busiest_year_and_adds_up_the_sessions() {
        let group = ParentGroup {
            id: Uuid::nil(),
            name: "Ouderpanel".into(),
            kind: GroupKind::Ouderpanel,
            role: String::new(),
            years: vec![
                year(2024, 8, Some(4)),
                year(2025, 12, None),
                year(2026, 11, Some(6)),
            ],
            actions: Vec::new(),
            meetings: Vec::new(),
            created_at: DateTime::default(),
            updated_at: DateTime::default(),
        };
        let all = group.counts(YearSpan::default());
        assert_eq!((all.most_members, all.sessions), (12, 10));
        let late = group.counts(YearSpan {
            from: Some(2026),
            to: None,
        });
        assert_eq!((late.most_members, late.sessions), (11, 6));
        let none = group.counts(YearSpan {
            from: Some(2020),
            to: Some(2023),
        });
        assert_eq!((none.most_members, none.sessions), (0, 0));
    }
}
