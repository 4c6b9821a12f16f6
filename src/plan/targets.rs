//! Measurable targets of a goal (*streefwaarden*): what is measured (an
//! indicator, or a count Wieg already keeps: municipalities where an
//! intervention runs, partners who signed the covenant, professionals
//! trained in an intervention), a baseline with
//! its year and a target with its year; and how far the coalition is, from
//! the latest figures.
//!
//! Figures are kept in hundredths (12,5 % as 1250), as money is kept in
//! cents: typed the Dutch way, never a float on the way in. An indicator's
//! figure for the whole region adds up the municipalities' numerators and
//! denominators of its latest year; resting on fewer than ten persons it is
//! not shown ("< 10"), as everywhere.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use rusqlite::Row;
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;
use uuid::Uuid;

use super::indicators::{is_small, INDICATOR};
use super::interventions::INTERVENTION;
use super::plans::GOAL;
use super::RolloutStatus;
use crate::changes::Writer;
use crate::error::{Error, Result, ValidationCode};
use crate::rows;
use crate::schema::{entity, require_living, Choice, Kind, Link, Moment, Ref, Whole};
use crate::time::iso;
use crate::validate;
use crate::vocabulary::dutch_choice;
use crate::workspace::Workspace;

dutch_choice!(
    /// What a target measures (a measure from a newer version reads as an
    /// indicator).
    #[derive(Default)]
    TargetMeasure {
        #[default]
        Indicator = "indicator" ["Indicator", "Indicator"],
        InterventieActief = "interventie actief"
            ["Gemeenten waar een interventie actief is", "Municipalities where an intervention runs"],
        ConvenantGetekend = "convenant getekend"
            ["Partners met een getekend convenant", "Partners who signed the covenant"],
        ProfessionalsGetraind = "professionals getraind"
            ["Professionals getraind in een interventie", "Professionals trained in an intervention"],
    }
);

/// A figure with at most two decimals, typed the Dutch way (`12,5`, `80`,
/// `1.234`), kept in hundredths; empty for none.
pub struct Hundredths;

impl Kind for Hundredths {
    type Stored = Option<i64>;
    type Input = String;
    fn check(field: &'static str, input: &String) -> Result<Option<i64>> {
        match input.trim().trim_end_matches('%').trim() {
            "" => Ok(None),
            text => validate::money(field, text).map(Some).map_err(|_| {
                Error::validation(
                    field,
                    ValidationCode::InvalidAmount,
                    format!("{input:?} is geen getal (bijvoorbeeld 80 of 12,5)"),
                )
            }),
        }
    }
    fn absent() -> Option<i64> {
        None
    }
    fn is_blank(stored: &Option<i64>) -> bool {
        stored.is_none()
    }
    fn read(row: &Row, column: &str) -> rusqlite::Result<Option<i64>> {
        row.get(column)
    }
    fn value(stored: &Option<i64>) -> Value {
        stored.map_or(Value::Null, Value::from)
    }
}

entity! {
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct GoalTarget in GOAL_TARGET = "goal_target", "goal_targets";
    input GoalTargetInput => GoalTargetChecked {}
    fields {
        goal: Uuid = Link ["Doel", "Goal"] required "kies het doel van deze streefwaarde",
        measure: TargetMeasure = Choice<TargetMeasure> ["Wat wordt gemeten", "What is measured"]
            required "kies wat er gemeten wordt",
        /// For an indicator: which one; in the input its id, or empty.
        indicator: Option<Uuid> = Ref ["Indicator", "Indicator"],
        /// For an indicator: one municipality, or empty for the whole region.
        municipality: Option<Uuid> = Ref ["Gemeente", "Municipality"],
        /// For municipalities where an intervention runs, or professionals
        /// trained: which intervention.
        intervention: Option<Uuid> = Ref ["Interventie", "Intervention"],
        baseline: Option<i64> = Hundredths ["Nulmeting", "Baseline"],
        #[ts(type = "number | null")]
        baseline_year: Option<i32> = Whole<i32> ["Jaar van de nulmeting", "Baseline year"],
        target: Option<i64> = Hundredths ["Streefwaarde", "Target"] required "vul de streefwaarde in",
        #[ts(type = "number | null")]
        target_year: Option<i32> = Whole<i32> ["Streefjaar", "Target year"],
    }
    kept { created_at: DateTime<Utc> = Moment }
    extra {}
    hidden { deleted, deleted_seen }
}

/// A target and where the coalition stands on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TargetProgress {
    pub target: GoalTarget,
    /// What it measures, in words: "Roken in de zwangerschap (Venlo)".
    pub label: String,
    /// "%" for a share, else empty.
    pub unit: String,
    /// The latest figure in hundredths; None without one, or when it rests
    /// on fewer than ten persons.
    pub current: Option<i64>,
    /// The year of that figure (this year for a count Wieg keeps).
    pub current_year: Option<i32>,
    /// As shown: "42,5 %", "12", "< 10", or "—".
    pub shown: String,
    /// How far from the baseline (or zero) to the target, in percent;
    /// above 100 past it. None without a figure.
    pub progress_pct: Option<i64>,
    pub reached: bool,
}

/// Hundredths as a Dutch figure: `42,5`, `12`, `1.234,56`.
pub fn figure(hundredths: i64) -> String {
    let text = crate::vocabulary::hundredths(hundredths);
    let text = text.strip_suffix(",00").unwrap_or(&text);
    text.strip_suffix('0')
        .filter(|t| t.contains(','))
        .unwrap_or(text)
        .to_string()
}

/// A figure as shown: `42,5 %`, `12`, `< 10` when it rests on fewer than
/// ten persons (`Some(None)`), `—` without one (`None`).
fn shown(current: Option<Option<i64>>, share: bool) -> String {
    match current {
        Some(Some(v)) if share => format!("{} %", figure(v)),
        Some(Some(v)) => figure(v),
        Some(None) => "< 10".to_string(),
        None => "—".to_string(),
    }
}

/// From the baseline (or zero) to the target: how far `current` came, in
/// percent. A target below its baseline (less smoking) counts downwards.
pub fn progress(baseline: Option<i64>, target: i64, current: i64) -> i64 {
    let from = baseline.unwrap_or(0);
    if target == from {
        return if current == target { 100 } else { 0 };
    }
    (((current - from) as f64 / (target - from) as f64) * 100.0).round() as i64
}

fn write_target(
    w: &mut Writer,
    id: Uuid,
    before: Option<&GoalTarget>,
    input: &GoalTargetInput,
) -> Result<()> {
    let fields = input.check(before.is_none())?;
    let goal = fields.goal.or(before.map(|b| b.goal)).unwrap_or_default();
    if before.is_none_or(|b| b.goal != goal) {
        require_living(w.conn(), &GOAL, "goal", goal, "doel")?;
    }
    let measure = fields
        .measure
        .or(before.map(|b| b.measure))
        .unwrap_or(TargetMeasure::Indicator);
    let indicator = fields.indicator.unwrap_or(before.and_then(|b| b.indicator));
    let intervention = fields
        .intervention
        .unwrap_or(before.and_then(|b| b.intervention));
    let municipality = fields
        .municipality
        .unwrap_or(before.and_then(|b| b.municipality));
    let missing = |field: &str, what: &str| {
        Error::validation(field, ValidationCode::Required, format!("kies {what}"))
    };
    match measure {
        TargetMeasure::Indicator => {
            let indicator = indicator.ok_or_else(|| missing("indicator", "de indicator"))?;
            require_living(w.conn(), &INDICATOR, "indicator", indicator, "indicator")?;
        }
        TargetMeasure::InterventieActief | TargetMeasure::ProfessionalsGetraind => {
            let intervention =
                intervention.ok_or_else(|| missing("intervention", "de interventie"))?;
            require_living(
                w.conn(),
                &INTERVENTION,
                "intervention",
                intervention,
                "interventie",
            )?;
        }
        TargetMeasure::ConvenantGetekend => {}
    }
    if let Some(m) = municipality.filter(|m| before.is_none_or(|b| b.municipality != Some(*m))) {
        require_living(
            w.conn(),
            &crate::network::MUNICIPALITY,
            "municipality",
            m,
            "gemeente",
        )?;
    }
    for (field, year) in [
        ("baseline_year", fields.baseline_year),
        ("target_year", fields.target_year),
    ] {
        if let Some(Some(y)) = year.filter(|y| y.is_some_and(|y| !(1990..=2100).contains(&y))) {
            return Err(Error::validation(
                field,
                ValidationCode::InvalidDate,
                format!("{y} is geen jaar"),
            ));
        }
    }
    fields.write(w, id)
}

pub(crate) fn create_goal_target_in(w: &mut Writer, input: &GoalTargetInput) -> Result<Uuid> {
    let id = Uuid::now_v7();
    write_target(w, id, None, input)?;
    w.set(&GOAL_TARGET, id, "created_at", iso(w.now()))?;
    w.set(&GOAL_TARGET, id, "deleted", false)?;
    Ok(id)
}

impl Workspace {
    pub fn create_goal_target(&mut self, input: &GoalTargetInput) -> Result<TargetProgress> {
        let id = self.write(|w| create_goal_target_in(w, input))?;
        self.target_progress(id)
    }

    pub fn update_goal_target(
        &mut self,
        id: Uuid,
        input: &GoalTargetInput,
    ) -> Result<TargetProgress> {
        let before = self.goal_target(id)?;
        self.write(|w| write_target(w, id, Some(&before), input))?;
        self.target_progress(id)
    }

    pub fn delete_goal_target(&mut self, id: Uuid) -> Result<()> {
        self.goal_target(id)?;
        self.write(|w| w.set_deleted(&GOAL_TARGET, id, true).map(drop))
    }

    pub fn goal_target(&self, id: Uuid) -> Result<GoalTarget> {
        rows::by_id(
            self.conn(),
            GoalTarget::SELECT,
            id,
            "streefwaarde",
            GoalTarget::read,
        )
    }

    fn target_progress(&self, id: Uuid) -> Result<TargetProgress> {
        let target = self.goal_target(id)?;
        self.progress_of(vec![target])?
            .pop()
            .ok_or(Error::NotFound {
                what: "streefwaarde",
                id: id.to_string(),
            })
    }

    /// The targets of these goals with where the coalition stands, in the
    /// order they were added.
    pub fn goal_targets(&self, goals: &[Uuid]) -> Result<Vec<TargetProgress>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE deleted = 0 AND created_at != '' ORDER BY created_at, id",
            GoalTarget::SELECT
        ))?;
        let targets: Vec<GoalTarget> = stmt
            .query_map([], GoalTarget::read)?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .filter(|t| goals.contains(&t.goal))
            .collect();
        self.progress_of(targets)
    }

    fn progress_of(&self, targets: Vec<GoalTarget>) -> Result<Vec<TargetProgress>> {
        if targets.is_empty() {
            return Ok(Vec::new());
        }
        let this_year = chrono::Datelike::year(&self.today());
        let municipalities: BTreeMap<Uuid, String> = self
            .list_municipalities(false)?
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect();
        // Counted once, and only when a target needs it.
        let mut signed: Option<i64> = None;
        let mut out = Vec::with_capacity(targets.len());
        for target in targets {
            let place = target
                .municipality
                .and_then(|m| municipalities.get(&m))
                .map(|name| format!(" ({name})"))
                .unwrap_or_default();
            let (label, unit, current, year) = match target.measure {
                TargetMeasure::Indicator => {
                    let indicator = target.indicator.map(|i| self.indicator(i)).transpose()?;
                    let name = indicator
                        .as_ref()
                        .map(|i| i.name.clone())
                        .unwrap_or_default();
                    let latest = match &indicator {
                        Some(i) => self.latest_figure(i.id, target.municipality)?,
                        None => None,
                    };
                    let unit = match latest {
                        Some((_, _, true)) => "%".to_string(),
                        _ => String::new(),
                    };
                    (
                        format!("{name}{place}"),
                        unit,
                        latest.map(|(value, _, _)| value),
                        latest.map(|(_, year, _)| year),
                    )
                }
                TargetMeasure::InterventieActief => {
                    let intervention = target.intervention.unwrap_or_default();
                    let name = self
                        .intervention(intervention)
                        .map(|i| i.name)
                        .unwrap_or_default();
                    let active: i64 = self.conn().query_row(
                        "SELECT count(*) FROM rollouts WHERE intervention = ?1 AND status = ?2 \
                         AND deleted = 0 AND municipality IN (SELECT id FROM municipalities WHERE deleted = 0) \
                         AND (?3 IS NULL OR municipality = ?3)",
                        rusqlite::params![
                            intervention.to_string(),
                            RolloutStatus::Actief.code(),
                            target.municipality.map(|m| m.to_string())
                        ],
                        |r| r.get(0),
                    )?;
                    (
                        format!("Gemeenten met {name}{place}"),
                        String::new(),
                        Some(Some(active * 100)),
                        Some(this_year),
                    )
                }
                TargetMeasure::ProfessionalsGetraind => {
                    let intervention = target.intervention.unwrap_or_default();
                    let name = self
                        .intervention(intervention)
                        .map(|i| i.name)
                        .unwrap_or_default();
                    (
                        format!("Professionals getraind in {name}"),
                        String::new(),
                        Some(Some(self.trained_in(intervention)? * 100)),
                        Some(this_year),
                    )
                }
                TargetMeasure::ConvenantGetekend => {
                    let count = match signed {
                        Some(n) => n,
                        None => i64::from(self.network_metrics()?.signed),
                    };
                    signed = Some(count);
                    (
                        TargetMeasure::ConvenantGetekend.label().to_string(),
                        String::new(),
                        Some(Some(count * 100)),
                        Some(this_year),
                    )
                }
            };
            let value = current.flatten();
            let shown = shown(current, unit == "%");
            let goal_value = target.target.unwrap_or_default();
            let progress_pct = value.map(|v| progress(target.baseline, goal_value, v));
            out.push(TargetProgress {
                label,
                unit,
                current: value,
                current_year: year,
                shown,
                reached: progress_pct.is_some_and(|p| p >= 100),
                progress_pct,
                target,
            });
        }
        Ok(out)
    }

    /// An indicator's latest figure for the whole region, as shown
    /// (`4,42 %`, `< 10`), with its year; None without values.
    pub fn latest_regional_figure(&self, indicator: Uuid) -> Result<Option<(String, i32)>> {
        Ok(self
            .latest_figure(indicator, None)?
            .map(|(value, year, share)| (shown(Some(value), share), year)))
    }

    /// An indicator's latest year with values, for one municipality or the
    /// whole region: the figure in hundredths (None when it rests on fewer
    /// than ten persons), its year, and whether it is a share.
    fn latest_figure(
        &self,
        indicator: Uuid,
        municipality: Option<Uuid>,
    ) -> Result<Option<(Option<i64>, i32, bool)>> {
        let row: Option<(i32, i64, Option<i64>, i64)> =
            rusqlite::OptionalExtension::optional(self.conn().query_row(
                "SELECT year, SUM(numerator), SUM(denominator), COUNT(denominator) = COUNT(*) \
                 FROM indicator_values WHERE indicator = ?1 AND deleted = 0 \
                 AND municipality IN (SELECT id FROM municipalities WHERE deleted = 0) \
                 AND (?2 IS NULL OR municipality = ?2) \
                 GROUP BY year ORDER BY year DESC LIMIT 1",
                rusqlite::params![indicator.to_string(), municipality.map(|m| m.to_string())],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            ))?;
        Ok(row.map(|(year, numerator, denominator, all_have)| {
            // A share only when every municipality counted its denominator.
            let denominator = denominator.filter(|_| all_have == 1);
            let value = if is_small(numerator, denominator) {
                None
            } else {
                Some(match denominator {
                    Some(d) if d > 0 => ((numerator as f64 / d as f64) * 10_000.0).round() as i64,
                    _ => numerator * 100,
                })
            };
            (value, year, denominator.is_some())
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_counts_from_the_baseline_both_ways() {
        assert_eq!(progress(Some(2000), 3000, 2500), 50);
        assert_eq!(progress(None, 800, 800), 100);
        assert_eq!(
            progress(Some(1200), 800, 1000),
            50,
            "less smoking is progress"
        );
        assert_eq!(progress(Some(1200), 800, 1300), -25, "more smoking is not");
        assert_eq!(progress(Some(500), 500, 500), 100);
        assert_eq!(progress(None, 1000, 1500), 150);
    }

    #[test]
    fn figures_read_the_dutch_way() {
        assert_eq!(figure(4250), "42,5");
        assert_eq!(figure(1200), "12");
        assert_eq!(figure(123_456), "1.234,56");
        assert_eq!(figure(5), "0,05");
        assert_eq!(
            Hundredths::check("target", &"12,5 %".into()).unwrap(),
            Some(1250)
        );
        assert_eq!(Hundredths::check("target", &"".into()).unwrap(), None);
        assert!(Hundredths::check("target", &"veel".into()).is_err());
    }
}
