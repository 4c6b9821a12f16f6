//! The report's results per action: each action that ran in the period,
//! with its status, its budget against what was spent on it (in the period
//! and in all), its milestones planned in the period and how many were
//! reached, the gatherings it held; then the progress notes written in the
//! period, the coordinator's own account of what happened.

use std::collections::HashMap;

use chrono::NaiveDate;
use uuid::Uuid;

use crate::error::Result;
use crate::export::doc::{Block, Document, Span, Table};
use crate::export::dutch::{long_date, whole_euros_or_dash};
use crate::plan::{quarter_span, Action, GatheringFilter, Milestone, PlanOverview, SpendingFilter};
use crate::workspace::Workspace;

impl Workspace {
    pub(super) fn report_results(
        &self,
        doc: &mut Document,
        from: NaiveDate,
        to: NaiveDate,
        overview: &PlanOverview,
    ) -> Result<()> {
        let within = |d: NaiveDate| d >= from && d <= to;
        let mut in_period: HashMap<Uuid, i64> = HashMap::new();
        for s in self.list_spending(&SpendingFilter {
            from: Some(from),
            to: Some(to),
            ..Default::default()
        })? {
            if let Some(a) = s.action {
                *in_period.entry(a).or_default() += s.amount_cents;
            }
        }
        let ever = self.spent_per_action()?;
        let gatherings = self.list_gatherings(&GatheringFilter {
            kind: None,
            from: Some(from),
            to: Some(to),
        })?;
        fn planned(a: &Action, from: NaiveDate, to: NaiveDate) -> Vec<&Milestone> {
            a.milestones
                .iter()
                .filter(|m| quarter_span(&m.quarter).is_some_and(|(s, e)| s <= to && e >= from))
                .collect()
        }
        // Ran in the period: its dates overlap it, or something happened.
        let ran = |a: &Action| {
            let overlaps = a.start_date.is_none_or(|s| s <= to)
                && a.end_date.is_none_or(|e| e >= from)
                && a.start_date.is_some();
            overlaps
                || in_period.contains_key(&a.id)
                || !planned(a, from, to).is_empty()
                || a.notes.iter().any(|n| n.date.is_some_and(within))
                || gatherings.iter().any(|g| g.action == Some(a.id))
        };
        let pillars: Vec<_> = overview
            .pillars
            .iter()
            .map(|p| (p, p.actions.iter().filter(|a| ran(a)).collect::<Vec<_>>()))
            .filter(|(_, actions)| !actions.is_empty())
            .collect();
        if pillars.is_empty() {
            return Ok(());
        }
        doc.heading(1, "Resultaten per actie");
        doc.paragraph(format!(
            "De acties die liepen tussen {} en {}: hoe ze ervoor staan, het budget naast wat er aan besteed is (betaald en verplicht), en de mijlpalen die in de periode gepland stonden.",
            long_date(from),
            long_date(to)
        ));
        for (pillar, actions) in pillars {
            doc.heading(
                2,
                format!("{}. {}", pillar.pillar.number, pillar.pillar.title),
            );
            let mut table = Table::new(&[
                "Actie",
                "Status",
                "Budget",
                "Besteed in periode",
                "Besteed totaal",
                "Mijlpalen gehaald",
            ])
            .widths(&[6, 2, 2, 2, 2, 2])
            .right_aligned(&[2, 3, 4, 5]);
            let mut notes = Vec::new();
            for a in actions {
                let milestones = planned(a, from, to);
                let reached = milestones.iter().filter(|m| m.done).count();
                let (paid, committed) = ever.get(&a.id).copied().unwrap_or_default();
                table.row(vec![
                    a.title.clone(),
                    a.status.label().to_string(),
                    whole_euros_or_dash(a.budget_cents),
                    whole_euros_or_dash(in_period.get(&a.id).copied().unwrap_or_default()),
                    whole_euros_or_dash(paid + committed),
                    if milestones.is_empty() {
                        "—".into()
                    } else {
                        format!("{reached} van {}", milestones.len())
                    },
                ]);
                let mut dated: Vec<_> = a
                    .notes
                    .iter()
                    .filter_map(|n| n.date.filter(|d| within(*d)).map(|d| (d, n.text.clone())))
                    .collect();
                for g in gatherings.iter().filter(|g| g.action == Some(a.id)) {
                    if let Some(d) = g.date {
                        dated.push((
                            d,
                            format!(
                                "{}: {} aangemeld, {} aanwezig.",
                                g.title, g.registered, g.attended
                            ),
                        ));
                    }
                }
                dated.sort_by_key(|(d, _)| *d);
                for (d, text) in dated {
                    notes.push(vec![
                        Span::bold(format!("{} — {}: ", long_date(d), a.title)),
                        Span::plain(text),
                    ]);
                }
            }
            doc.table(table);
            if !notes.is_empty() {
                doc.heading(3, "Voortgang in deze periode");
                doc.blocks.push(Block::Bullets(notes));
            }
        }
        Ok(())
    }
}
