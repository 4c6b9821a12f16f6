//! The plan in the parts of the *Format voor de werkagenda* (Aanvullend
//! Zorg- en Welzijnsakkoord, samenwerking zorg en sociaal domein, D5; VWS,
//! VNG and ZN, April 2026), for the leefgebied *Kansrijk opgroeien*: its
//! health goals, scope and roles; then for *3a Kansrijke start* and its
//! parts (3a.1 Nu Niet Zwanger, 3a.2 Integrale gezinspoli, 3a.3 Rookvrije
//! start) the format's table — IST (urgentie, situatie), SOLL (ambitie,
//! ontwerp), GAP (projectdoelstellingen, financieel plan, monitoring) —
//! and its milestone planning (kwartaal, activiteiten, verantwoordelijke,
//! deelresultaat).
//!
//! Each part's question is quoted as the format asks it. What Wieg keeps
//! fills the answer; a part it knows nothing of says "In te vullen", so a
//! coordinator completes the DOCX or ODT instead of retyping the plan.

use chrono::{Datelike, NaiveDate};

use super::doc::{Block, Cover, Document, Span, Table};
use super::dutch::{long_date, whole_euros_or_dash};
use super::{documents_only, file_name, ExportFormat, Prepared};
use crate::error::Result;
use crate::plan::{
    quarter_span, ActionFilter, PlanOverview, RolloutMatrix, TargetMeasure, TargetProgress,
};
use crate::vocabulary::fold;
use crate::workspace::Workspace;

/// Where the parts come from, as the document says it.
const FORMAT: &str = "Format voor de werkagenda, samenwerking zorg en sociaal domein voor D5 AZWA (VWS, VNG en ZN, april 2026)";

const TO_FILL: &str = "In te vullen.";

/// The format's questions of a leefgebied.
const LEEFGEBIED: [(&str, &str); 3] = [
    ("Gezondheidsdoelen", "Welke concrete regionale gezondheidsdoelen gericht op het verbeteren van gezondheid en welzijn heeft de regio voor het leefgebied?"),
    ("Scope en samenhang", "Wat valt er binnen het leefgebied en hoe is de samenhang binnen dit leefgebied en met andere leefgebieden geborgd en benut?"),
    ("Organisatie en rollen", "Hoe zijn verantwoordelijkheid, eigenaarschap en uitvoeringscapaciteit voor het leefgebied geborgd in de regio en wat zijn de rollen van betrokken partijen?"),
];

/// The format's table of a basisfunctionaliteit: part, question.
const PARTS: [(&str, &str, &str); 7] = [
    ("IST", "Urgentie", "Wat is er bekend over de urgentie van deze basisfunctionaliteit in de regio?"),
    ("IST", "Situatie", "In hoeverre is deze basisfunctionaliteit (of onderdelen daarvan) al aanwezig in de regio?"),
    ("SOLL", "Ambitie", "Wat is in de regio vastgesteld als een regionaal dekkend aanbod en wat is ervoor nodig om tot een regionaal dekkend aanbod te komen in de regio?"),
    ("SOLL", "Ontwerp", "Wat zijn expliciet gemaakte keuzes in de invulling van deze basisfunctionaliteit, en welke keuzes dienen nog gemaakt te worden?"),
    ("GAP (projectplan)", "Projectdoelstellingen", "Omschrijf de SMART-afspraken die zijn gemaakt."),
    ("GAP (projectplan)", "Financieel plan (optioneel)", "Welke financiële middelen worden ingezet voor dit onderdeel?"),
    ("GAP (projectplan)", "Monitoring (optioneel)", "Omschrijf de manier waarop de voortgang, prestaties en risico’s worden gevolgd en gerapporteerd."),
];

/// The parts of Kansrijke start in the format, with the intervention of
/// Wieg's catalogue each is about.
const SUBPARTS: [(&str, &str); 3] = [
    (
        "3a.1 Nu Niet Zwanger (onderdeel van Kansrijke start)",
        "Nu Niet Zwanger",
    ),
    (
        "3a.2 Integrale gezinspoli (onderdeel van Kansrijke start)",
        "Integrale gezinspoli",
    ),
    (
        "3a.3 Rookvrije start (onderdeel van Kansrijke start) (optioneel onderdeel werkagenda)",
        "Rookvrije Start",
    ),
];

/// The text of one answer: what Wieg knows, or "In te vullen".
fn answer(lines: Vec<String>) -> String {
    let lines: Vec<String> = lines.into_iter().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() {
        TO_FILL.to_string()
    } else {
        lines.join("\n")
    }
}

fn target_line(t: &TargetProgress) -> String {
    let figure = super::plan::figure_in_year;
    format!(
        "{}: nulmeting {}, nu {}, streefwaarde {}",
        t.label,
        figure(t.target.baseline, t.target.baseline_year),
        t.shown,
        figure(t.target.target, t.target.target_year)
    )
}

impl Workspace {
    pub(super) fn prepare_werkagenda(
        &self,
        format: ExportFormat,
        created: NaiveDate,
    ) -> Result<Prepared> {
        documents_only(format)?;
        let (plan, _) = self.plan_file_stem(None)?;
        let overview = self.plan_overview(plan, &ActionFilter::default())?;
        Ok(Prepared::Document {
            doc: self.werkagenda_document(&overview, created)?,
            format,
            file_name: file_name(&werkagenda_file_stem(created), format),
        })
    }

    pub fn werkagenda_document(&self, o: &PlanOverview, created: NaiveDate) -> Result<Document> {
        let coalition = self.coalition()?;
        let name = coalition
            .as_ref()
            .map(|c| c.name.clone())
            .unwrap_or_default();
        let title = "Werkagenda Kansrijk opgroeien: Kansrijke start";
        let mut doc = Document::new(title, &name, created);
        self.cover_page(
            &mut doc,
            Cover {
                title: title.into(),
                subtitle: name.clone(),
                facts: vec![
                    ("Actieplan".into(), o.plan.title.clone()),
                    ("Datum".into(), long_date(created)),
                ],
            },
        )?;
        doc.paragraph(format!(
            "Deze werkagenda volgt de onderdelen van het {FORMAT}, voor het leefgebied Kansrijk opgroeien. Bij elk onderdeel staat de vraag van het format; het antwoord komt uit het actieplan en de cijfers van de coalitie. Waar \"{TO_FILL}\" staat, heeft de coalitie nog niets vastgelegd: vul het aan."
        ));

        let matrix = self.rollout_matrix()?;
        let metrics = self.network_metrics()?;
        let grants = self.grant_balances()?;
        let indicators = self.list_indicators()?;
        let goals: Vec<_> = o.pillars.iter().flat_map(|p| p.goals.iter()).collect();
        let targets_of = |goal: uuid::Uuid| o.targets.iter().filter(move |t| t.target.goal == goal);

        // The leefgebied as a whole.
        doc.heading(1, "Kansrijk opgroeien");
        let mut goal_lines = Vec::new();
        for g in &goals {
            goal_lines.push(g.text.clone());
            goal_lines.extend(targets_of(g.id).map(|t| format!("– {}", target_line(t))));
        }
        let scope: Vec<String> = std::iter::once(o.plan.vision.clone())
            .chain(o.pillars.iter().map(|p| {
                let about = p.pillar.description.trim();
                if about.is_empty() {
                    format!("Pijler {}: {}", p.pillar.number, p.pillar.title)
                } else {
                    format!("Pijler {}: {} — {about}", p.pillar.number, p.pillar.title)
                }
            }))
            .collect();
        let mut leads: Vec<(String, usize)> = Vec::new();
        for a in o.pillars.iter().flat_map(|p| &p.actions) {
            if let Some(name) = a.owner.and_then(|id| o.lead_names.get(&id)) {
                match leads.iter_mut().find(|(n, _)| n == name) {
                    Some((_, count)) => *count += 1,
                    None => leads.push((name.clone(), 1)),
                }
            }
        }
        leads.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| fold(&a.0).cmp(&fold(&b.0))));
        let mut roles = vec![format!(
            "De coalitie telt {} organisaties, waarvan {} het convenant hebben getekend, met {} verbindingen tussen het medisch en het sociaal domein.",
            metrics.organisations, metrics.signed, metrics.medical_social_links
        )];
        // The busiest leads by name; the rest counted.
        const NAMED: usize = 8;
        if !leads.is_empty() {
            let named: Vec<String> = leads
                .iter()
                .take(NAMED)
                .map(|(n, c)| format!("{n} ({c})"))
                .collect();
            let more = match leads.len().saturating_sub(NAMED) {
                0 => String::new(),
                1 => " en 1 andere organisatie".to_string(),
                n => format!(" en {n} andere organisaties"),
            };
            roles.push(format!(
                "Kartrekkers van de acties (met hun aantal acties): {}{more}.",
                named.join(", ")
            ));
        }
        for ((part, question), lines) in LEEFGEBIED.iter().zip([goal_lines, scope, roles]) {
            doc.heading(2, *part);
            doc.blocks
                .push(Block::Paragraph(vec![Span::bold(*question)]));
            for line in answer(lines).lines() {
                doc.paragraph(line.to_string());
            }
        }

        // 3a Kansrijke start: the whole coalition.
        doc.heading(1, "3a. Kansrijke start");
        let urgency: Vec<String> = std::iter::once(o.plan.urgency.clone())
            .chain(indicators.iter().filter_map(|i| {
                self.latest_regional_figure(i.id)
                    .ok()
                    .flatten()
                    .map(|(shown, year)| format!("{}: {shown} ({year}, hele regio)", i.name))
            }))
            .collect();
        let total = matrix.municipalities.len();
        let situation: Vec<String> = std::iter::once(o.plan.situation.clone())
            .chain(
                matrix
                    .interventions
                    .iter()
                    .filter(|i| i.active > 0)
                    .map(|i| {
                        format!(
                            "{} is actief in {} van de {total} gemeenten.",
                            i.name, i.active
                        )
                    }),
            )
            .collect();
        let ambition: Vec<String> = std::iter::once(o.plan.vision.clone())
            .chain(
                o.targets
                    .iter()
                    .filter(|t| t.target.measure == TargetMeasure::InterventieActief)
                    .map(target_line),
            )
            .collect();
        let design = design_lines(&matrix);
        let smart: Vec<String> = goals
            .iter()
            .map(|g| {
                let measured: Vec<String> = targets_of(g.id).map(target_line).collect();
                if measured.is_empty() {
                    g.text.clone()
                } else {
                    format!("{} ({})", g.text, measured.join("; "))
                }
            })
            .collect();
        let mut money: Vec<String> = grants
            .iter()
            .map(|g| {
                let f = &g.funding;
                let period = match (f.period_start, f.period_end) {
                    (Some(a), Some(b)) => format!(", {} tot en met {}", long_date(a), long_date(b)),
                    _ => String::new(),
                };
                format!(
                    "{}: {} toegekend{period}; besteed {}, over {}.",
                    f.funder,
                    whole_euros_or_dash(f.amount_cents),
                    whole_euros_or_dash(g.paid_cents + g.committed_cents),
                    whole_euros_or_dash(g.left_cents)
                )
            })
            .collect();
        let budgeted: i64 = o.pillars.iter().map(|p| p.budget_cents).sum();
        if budgeted > 0 {
            money.push(format!(
                "Begroot voor de acties: {}.",
                whole_euros_or_dash(budgeted)
            ));
        }
        let mut monitoring = Vec::new();
        if !indicators.is_empty() {
            monitoring.push(format!(
                "Indicatoren per gemeente en jaar: {}.",
                indicators
                    .iter()
                    .map(|i| match i.source.trim() {
                        "" => i.name.clone(),
                        source => format!("{} (bron: {source})", i.name),
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            ));
        }
        if !o.targets.is_empty() {
            monitoring.push(format!(
                "{} streefwaarden, gevolgd van nulmeting naar streefwaarde.",
                o.targets.len()
            ));
        }
        if !monitoring.is_empty() {
            monitoring.push(
                "De voortgang per actie, de besteding per financiering en de deelname worden bijgehouden en jaarlijks gerapporteerd in de voortgangsrapportage.".into(),
            );
        }
        doc.table(parts_table([
            urgency, situation, ambition, design, smart, money, monitoring,
        ]));
        doc.heading(2, "Mijlpalenplanning");
        doc.table(self.milestone_plan(o, |_| true, created));

        // Its parts, by the intervention each is about.
        for (heading, intervention) in SUBPARTS {
            doc.heading(1, heading);
            let about = fold(intervention);
            let catalogue = matrix.interventions.iter().find(|i| fold(&i.name) == about);
            let mut situation = Vec::new();
            if let Some(i) = catalogue {
                situation.push(format!(
                    "{} is actief in {} van de {total} gemeenten.",
                    i.name, i.active
                ));
                let trained = self.trained_in(i.id)?;
                if trained > 0 {
                    situation.push(format!("{trained} professionals zijn erin getraind."));
                }
            }
            let smart: Vec<String> = o
                .targets
                .iter()
                .filter(|t| catalogue.is_some_and(|i| t.target.intervention == Some(i.id)))
                .map(target_line)
                .collect();
            doc.table(parts_table([
                Vec::new(),
                situation,
                Vec::new(),
                Vec::new(),
                smart,
                Vec::new(),
                Vec::new(),
            ]));
            doc.heading(2, "Mijlpalenplanning");
            doc.paragraph(format!(
                "De mijlpalen van de acties met \"{intervention}\" in hun titel of in die van hun pijler."
            ));
            doc.table(self.milestone_plan(
                o,
                |(pillar, action)| fold(pillar).contains(&about) || fold(action).contains(&about),
                created,
            ));
        }
        Ok(doc)
    }

    /// The milestones still to reach, from the current quarter's year on,
    /// of the actions `pick` (pillar title, action title) chooses: kwartaal,
    /// activiteit (the action), verantwoordelijke (its lead), deelresultaat
    /// (the milestone).
    fn milestone_plan(
        &self,
        o: &PlanOverview,
        pick: impl Fn((&str, &str)) -> bool,
        today: NaiveDate,
    ) -> Table {
        let mut rows = Vec::new();
        for p in &o.pillars {
            for a in p
                .actions
                .iter()
                .filter(|a| pick((&p.pillar.title, &a.title)))
            {
                let lead = [a.owner_contact, a.owner]
                    .into_iter()
                    .flatten()
                    .filter_map(|id| o.lead_names.get(&id).cloned())
                    .collect::<Vec<_>>()
                    .join(", ");
                for m in a.milestones.iter().filter(|m| !m.done) {
                    let due = quarter_span(&m.quarter).map(|(_, end)| end);
                    if due.is_some_and(|end| end.year() < today.year()) {
                        continue;
                    }
                    rows.push((
                        m.quarter.clone(),
                        a.title.clone(),
                        lead.clone(),
                        m.title.clone(),
                    ));
                }
            }
        }
        rows.sort();
        let mut table = Table::new(&[
            "Kwartaal",
            "Activiteiten",
            "Verantwoordelijke",
            "Deelresultaat",
        ])
        .widths(&[2, 5, 4, 5]);
        if rows.is_empty() {
            table.row(vec![
                String::new(),
                TO_FILL.into(),
                String::new(),
                String::new(),
            ]);
        }
        for (quarter, action, lead, result) in rows {
            table.row(vec![quarter, action, lead, result]);
        }
        table
    }
}

/// Which interventions were chosen (active somewhere, or being prepared)
/// and which are still open choices.
fn design_lines(matrix: &RolloutMatrix) -> Vec<String> {
    let chosen: Vec<String> = matrix
        .interventions
        .iter()
        .filter(|i| i.active > 0)
        .map(|i| i.name.clone())
        .collect();
    let open: Vec<String> = matrix
        .interventions
        .iter()
        .filter(|i| i.active == 0)
        .map(|i| i.name.clone())
        .collect();
    let mut lines = Vec::new();
    if !chosen.is_empty() {
        lines.push(format!("Gekozen interventies: {}.", chosen.join(", ")));
    }
    if !open.is_empty() {
        lines.push(format!(
            "Nog nergens actief, een keuze die nog open staat: {}.",
            open.join(", ")
        ));
    }
    lines
}

/// The format's IST/SOLL/GAP table with the answers in its order.
fn parts_table(answers: [Vec<String>; 7]) -> Table {
    let mut table = Table::new(&["IST / SOLL / GAP", "Onderdeel", "Uitwerking"]).widths(&[2, 4, 8]);
    for ((stage, part, question), lines) in PARTS.iter().zip(answers) {
        table.row(vec![
            stage.to_string(),
            format!("{part}: {question}"),
            answer(lines),
        ]);
    }
    table
}

/// `Werkagenda Kansrijke start 2026`: the year it was made.
pub(super) fn werkagenda_file_stem(created: NaiveDate) -> String {
    format!("Werkagenda Kansrijke start {}", created.year())
}
