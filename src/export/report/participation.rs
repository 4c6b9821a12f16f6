//! The report's chapter on who took part: parents' groups with their
//! counts in the period's years, network days and training with who came
//! per domain, who was trained per intervention, and the organisations
//! welcomed to the network. Counts only, never names of parents.

use chrono::NaiveDate;

use crate::error::Result;
use crate::export::doc::{Block, Document, Span, Table};
use crate::export::dutch::short_date;
use crate::plan::{GatheringKind, Period};
use crate::workspace::Workspace;

use super::count;

impl Workspace {
    pub(super) fn report_participation(
        &self,
        doc: &mut Document,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<()> {
        let seen = self.participation(Period {
            from: Some(from),
            to: Some(to),
        })?;
        let groups: Vec<_> = seen
            .groups
            .iter()
            .filter(|g| g.counts.most_members > 0 || g.counts.sessions > 0)
            .collect();
        if groups.is_empty() && seen.gatherings.is_empty() {
            return Ok(());
        }
        doc.heading(1, "Deelname");
        let trained: i64 = seen.trained.iter().map(|t| t.professionals).sum();
        let network_days: Vec<_> = seen
            .gatherings
            .iter()
            .filter(|g| g.kind == GatheringKind::Netwerkbijeenkomst)
            .collect();
        let attended: i64 = network_days.iter().map(|g| g.attended).sum();
        let parents: i64 = groups.iter().map(|g| g.counts.most_members).sum();
        doc.blocks.push(Block::Bullets(
            [
                format!(
                    "{} in {} dachten mee over het plan.",
                    count(parents as usize, "ouder", "ouders"),
                    count(groups.len(), "groep", "groepen")
                ),
                format!(
                    "{} met samen {} aanwezigen; {} nieuw in het netwerk verwelkomd.",
                    count(
                        network_days.len(),
                        "netwerkbijeenkomst",
                        "netwerkbijeenkomsten"
                    ),
                    attended,
                    count(seen.welcomed.len(), "organisatie", "organisaties")
                ),
                format!(
                    "{} getraind in {}.",
                    count(trained as usize, "professional", "professionals"),
                    count(seen.trained.len(), "interventie", "interventies")
                ),
            ]
            .into_iter()
            .map(|s| vec![Span::plain(s)])
            .collect(),
        ));

        if !groups.is_empty() {
            doc.heading(2, "Ouders die meedoen");
            doc.paragraph(
                "Per groep het aantal ouders in het drukste jaar van de periode (meestal komen dezelfde ouders terug) en hoe vaak de groep bijeenkwam. Wieg houdt alleen aantallen bij, geen namen van ouders.",
            );
            let mut table = Table::new(&[
                "Groep",
                "Soort",
                "Ouders",
                "Keren bijeen",
                "Acties",
                "Overleggen",
            ])
            .widths(&[5, 4, 2, 2, 2, 2])
            .right_aligned(&[2, 3, 4, 5]);
            for g in &groups {
                table.row(vec![
                    g.group.name.clone(),
                    g.group.kind.label().to_string(),
                    g.counts.most_members.to_string(),
                    g.counts.sessions.to_string(),
                    g.group.actions.len().to_string(),
                    g.group.meetings.len().to_string(),
                ]);
            }
            doc.table(table);
            let roles: Vec<_> = groups
                .iter()
                .filter(|g| !g.group.role.trim().is_empty())
                .map(|g| vec![Span::plain(format!("{}: {}", g.group.name, g.group.role))])
                .collect();
            if !roles.is_empty() {
                doc.blocks.push(Block::Bullets(roles));
            }
        }

        if !seen.gatherings.is_empty() {
            doc.heading(2, "Bijeenkomsten en scholing");
            let mut table = Table::new(&[
                "Datum",
                "Bijeenkomst",
                "Soort",
                "Aangemeld",
                "Aanwezig of getraind",
                "Organisaties",
                "Nieuw",
            ])
            .widths(&[2, 5, 3, 2, 2, 3, 2])
            .right_aligned(&[3, 4, 5, 6]);
            let mut by_date = seen.gatherings.clone();
            by_date.sort_by_key(|g| g.date);
            for g in &by_date {
                let kind = match &g.intervention {
                    Some(i) if g.kind == GatheringKind::Scholing => format!(
                        "Scholing {}",
                        self.intervention(*i).map(|i| i.name).unwrap_or_default()
                    ),
                    _ => g.kind.label().to_string(),
                };
                table.row(vec![
                    short_date(g.date),
                    g.title.clone(),
                    kind,
                    g.registered.to_string(),
                    g.attended.to_string(),
                    g.turnout.len().to_string(),
                    g.welcomed.to_string(),
                ]);
            }
            doc.table(table);
            if !seen.by_domain.is_empty() {
                doc.paragraph("Wie er kwam, per domein:");
                let mut table = Table::new(&["Domein", "Aangemeld", "Aanwezig", "Organisaties"])
                    .widths(&[4, 2, 2, 2])
                    .right_aligned(&[1, 2, 3]);
                for d in &seen.by_domain {
                    table.row(vec![
                        d.domain.label().to_string(),
                        d.registered.to_string(),
                        d.attended.to_string(),
                        d.organisations.to_string(),
                    ]);
                }
                doc.table(table);
            }
            if !seen.trained.is_empty() {
                doc.heading(3, "Getraind per interventie");
                let mut table = Table::new(&["Interventie", "Professionals", "Organisaties"])
                    .widths(&[5, 2, 2])
                    .right_aligned(&[1, 2]);
                for t in &seen.trained {
                    table.row(vec![
                        t.name.clone(),
                        t.professionals.to_string(),
                        t.organisations.to_string(),
                    ]);
                }
                doc.table(table);
            }
            if !seen.welcomed.is_empty() {
                doc.field("Nieuw in het netwerk", seen.welcomed.join(", "));
            }
        }
        Ok(())
    }
}
