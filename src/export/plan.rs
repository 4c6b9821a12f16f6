//! The action plan for partners: a document (title page, vision and the
//! work-agenda sections, per pillar its goals and actions, the roll-out
//! matrix, funding) and a workbook (actions, roll-out, funding).

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, NaiveDate};
use uuid::Uuid;

use super::chart::{self, Bar};
use super::doc::{Block, Cover, Document, Image, Table};
use super::dutch::{euros_or_dash, long_date, period, short_date, whole_euros_or_dash};
use super::sheet::{Cell, Sheet};
use super::{documents_only, file_name, sheet, ExportFile, ExportFormat, Prepared};
use crate::error::{Error, Result};
use crate::plan::{
    Action, ActionFilter, ActionStatus, PlanOverview, RolloutStatus, TargetProgress,
};
use crate::workspace::Workspace;

/// Names of organisations, municipalities and contact persons by id.
struct Names(HashMap<Uuid, String>);

impl Names {
    fn of(ws: &Workspace) -> Result<Self> {
        let mut names: HashMap<Uuid, String> = ws
            .list_organisations(&Default::default())?
            .into_iter()
            .map(|o| (o.id, o.name))
            .collect();
        names.extend(
            ws.list_municipalities(true)?
                .into_iter()
                .map(|m| (m.id, m.name)),
        );
        names.extend(
            ws.list_contacts(&Default::default())?
                .into_iter()
                .map(|c| (c.id, c.name)),
        );
        Ok(Names(names))
    }

    /// The lead: the person, and under it their organisation.
    fn lead(&self, a: &Action) -> String {
        match (self.one(a.owner_contact), self.one(a.owner)) {
            (person, org) if person.is_empty() => org,
            (person, org) if org.is_empty() => person,
            (person, org) => format!("{person}\n{org}"),
        }
    }

    fn one(&self, id: Option<Uuid>) -> String {
        id.and_then(|i| self.0.get(&i).cloned()).unwrap_or_default()
    }

    /// Municipalities: "Alle 15 gemeenten" when it is every one.
    fn places(&self, ids: &[Uuid], all: &HashSet<Uuid>) -> String {
        if all.len() > 1 && ids.len() == all.len() && ids.iter().all(|i| all.contains(i)) {
            format!("Alle {} gemeenten", all.len())
        } else {
            self.list(ids)
        }
    }

    fn list(&self, ids: &[Uuid]) -> String {
        let mut names: Vec<&str> = ids
            .iter()
            .filter_map(|i| self.0.get(i).map(String::as_str))
            .collect();
        names.sort_unstable();
        names.join(", ")
    }
}

/// Municipalities per roll-out table on a landscape page.
const ROLLOUT_COLUMNS: usize = 6;

/// The plan's years, widened to every action's dates: the timelines' span.
fn timeline_span(o: &PlanOverview, today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let dates = o
        .pillars
        .iter()
        .flat_map(|p| &p.actions)
        .flat_map(|a| [a.start_date, a.end_date])
        .flatten();
    let first = o.plan.period_start.unwrap_or(today.year());
    let last = o.plan.period_end.unwrap_or(first).max(first);
    let mut start = NaiveDate::from_ymd_opt(first, 1, 1).unwrap_or(today);
    let mut end = NaiveDate::from_ymd_opt(last, 12, 31).unwrap_or(today);
    for d in dates {
        start = start.min(d);
        end = end.max(d);
    }
    (start, end)
}

/// The actions of each pillar by status (those `counted`), as stacked bars
/// with the numbers in words; also the per-pillar counts it drew.
pub(super) fn actions_by_status_chart(
    o: &PlanOverview,
    counted: impl Fn(&Action) -> bool,
) -> Result<(Image, Vec<Vec<u32>>)> {
    let statuses: Vec<String> = ActionStatus::ALL
        .iter()
        .map(|s| s.label().to_string())
        .collect();
    let rows: Vec<(String, Vec<u32>)> = o
        .pillars
        .iter()
        .map(|p| {
            let counts = ActionStatus::ALL
                .iter()
                .map(|s| {
                    p.actions
                        .iter()
                        .filter(|a| a.status == *s && counted(a))
                        .count() as u32
                })
                .collect();
            (format!("Pijler {}", p.pillar.number), counts)
        })
        .collect();
    let alt = rows
        .iter()
        .map(|(label, counts)| {
            let parts: Vec<String> = counts
                .iter()
                .zip(&statuses)
                .filter(|(n, _)| **n > 0)
                .map(|(n, s)| format!("{n} {s}"))
                .collect();
            if parts.is_empty() {
                format!("{label}: geen acties")
            } else {
                format!("{label}: {}", parts.join(", "))
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    let image = chart::stacked_bars(
        &rows,
        &statuses,
        "acties",
        format!("Staafdiagram van de acties per pijler naar status. {alt}."),
    )?;
    Ok((image, rows.into_iter().map(|(_, c)| c).collect()))
}

fn years(p: &crate::plan::Plan) -> String {
    match (p.period_start, p.period_end) {
        (Some(a), Some(b)) => format!("{a}-{b}"),
        (Some(a), None) => format!("{a}"),
        (None, Some(b)) => format!("{b}"),
        (None, None) => String::new(),
    }
}

impl Workspace {
    /// The current plan (or `plan`) as a document or workbook.
    pub fn export_plan(
        &self,
        plan: Option<Uuid>,
        format: ExportFormat,
        created: NaiveDate,
    ) -> Result<ExportFile> {
        self.prepare_plan(plan, format, created)?.render()
    }

    /// The plan's workbook or CSV, or its document still to be rendered.
    pub fn prepare_plan(
        &self,
        plan: Option<Uuid>,
        format: ExportFormat,
        created: NaiveDate,
    ) -> Result<Prepared> {
        let (plan, stem) = self.plan_file_stem(plan)?;
        let overview = self.plan_overview(plan, &ActionFilter::default())?;
        let names = Names::of(self)?;
        let author = self.coalition()?.map(|c| c.name).unwrap_or_default();
        let file_name = file_name(&stem, format);
        Ok(match format {
            ExportFormat::Xlsx => {
                let sheets = self.plan_sheets(&overview, &names)?;
                Prepared::file(
                    file_name,
                    sheet::xlsx(&sheets, &overview.plan.title, &author, created)?,
                )
            }
            ExportFormat::Csv => Prepared::file(
                file_name,
                sheet::csv(&self.plan_sheets(&overview, &names)?[0])?,
            ),
            _ => {
                documents_only(format)?;
                Prepared::Document {
                    doc: self.plan_document(&overview, &names, &author, created)?,
                    format,
                    file_name,
                }
            }
        })
    }

    /// The plan (the current one by default) and its file name's stem.
    pub(super) fn plan_file_stem(&self, plan: Option<Uuid>) -> Result<(Uuid, String)> {
        let plan = match plan {
            Some(p) => crate::plan::get_plan(self.conn(), p)?,
            None => self
                .current_plan()?
                .ok_or_else(|| Error::InvalidInput("er is nog geen actieplan".into()))?,
        };
        Ok((
            plan.id,
            format!("Actieplan {}", years(&plan)).trim().to_string(),
        ))
    }

    fn plan_document(
        &self,
        o: &PlanOverview,
        names: &Names,
        author: &str,
        created: NaiveDate,
    ) -> Result<Document> {
        let plan = &o.plan;
        let mut doc = Document::new(plan.title.clone(), author, created);
        let actions: usize = o.pillars.iter().map(|p| p.actions.len()).sum();
        let municipalities: HashSet<Uuid> = self
            .list_municipalities(false)?
            .iter()
            .filter(|m| m.in_coalition)
            .map(|m| m.id)
            .collect();
        let mut facts = Vec::new();
        if !years(plan).is_empty() {
            facts.push(("Periode".into(), years(plan).replace('-', " – ")));
        }
        facts.extend([
            ("Status".to_string(), plan.status.label().to_string()),
            ("Gemeenten".into(), municipalities.len().to_string()),
            (
                "Acties".into(),
                format!("{actions} in {} pijlers", o.pillars.len()),
            ),
            ("Datum".into(), long_date(created)),
        ]);
        self.cover_page(
            &mut doc,
            Cover {
                title: plan.title.clone(),
                subtitle: author.to_string(),
                facts,
            },
        )?;
        let sections = [
            ("Visie", &plan.vision),
            ("Urgentie", &plan.urgency),
            ("Situatie", &plan.situation),
            ("Ambitie", &plan.ambition),
            ("Ontwerp", &plan.design),
            ("SMART-doelen", &plan.smart_goals),
            ("Financieel plan", &plan.financial_plan),
            ("Monitoring", &plan.monitoring),
            ("Mijlpalenplanning", &plan.milestones),
        ];
        if sections.iter().any(|(_, text)| !text.trim().is_empty()) {
            doc.heading(1, "Visie en werkagenda");
            for (title, text) in sections {
                if !text.trim().is_empty() {
                    doc.heading(2, title);
                    doc.markdown(text);
                }
            }
        }
        // The tables and the timelines are wide: the rest lies on its side.
        doc.blocks.push(Block::Landscape(true));
        doc.heading(1, "Pijlers, doelen en acties");
        if actions > 0 {
            doc.blocks
                .push(Block::Image(actions_by_status_chart(o, |_| true)?.0));
        }
        let (span_start, span_end) = timeline_span(o, created);
        let statuses: Vec<String> = ActionStatus::ALL
            .iter()
            .map(|s| s.label().to_string())
            .collect();
        for p in &o.pillars {
            doc.heading(
                2,
                format!("Pijler {} — {}", p.pillar.number, p.pillar.title),
            );
            if !p.pillar.description.trim().is_empty() {
                doc.markdown(&p.pillar.description);
            }
            if !p.goals.is_empty() {
                doc.heading(3, "Doelen");
                let goals = p
                    .goals
                    .iter()
                    .map(|g| {
                        let mut text = g.text.clone();
                        let value = g.target_value.trim();
                        let target = match g.target_date {
                            Some(d) if value.is_empty() => format!("uiterlijk {}", long_date(d)),
                            Some(d) => format!("{value}, uiterlijk {}", long_date(d)),
                            None => value.to_string(),
                        };
                        if !target.is_empty() {
                            text.push_str(&format!(" (streefwaarde: {target})"));
                        }
                        vec![super::Span::plain(text)]
                    })
                    .collect();
                doc.blocks.push(Block::Bullets(goals));
                let ids: Vec<Uuid> = p.goals.iter().map(|g| g.id).collect();
                let targets: Vec<&TargetProgress> = o
                    .targets
                    .iter()
                    .filter(|t| ids.contains(&t.target.goal))
                    .collect();
                if !targets.is_empty() {
                    doc.table(targets_table(&p.goals, &targets));
                }
            }
            doc.heading(3, "Acties");
            if p.actions.is_empty() {
                doc.paragraph("Nog geen acties.");
                continue;
            }
            let mut table = Table::new(&[
                "Actie",
                "Kartrekker",
                "Partners",
                "Gemeenten",
                "Status",
                "Periode",
                "Budget",
            ])
            .widths(&[12, 8, 11, 7, 5, 8, 5])
            .right_aligned(&[6]);
            for a in &p.actions {
                let mut status = a.status.label().to_string();
                if a.overdue {
                    status.push_str(" (te laat)");
                }
                table.row(vec![
                    a.title.clone(),
                    names.lead(a),
                    names.list(&a.partners),
                    names.places(&a.municipalities, &municipalities),
                    status,
                    period(a.start_date, a.end_date),
                    euros_or_dash(a.budget_cents),
                ]);
            }
            let mut total = vec![String::new(); 7];
            total[0] = "Totaal".into();
            total[6] = euros_or_dash(p.budget_cents);
            table.row(total);
            doc.table(table);
            doc.heading(3, "Planning");
            let bars: Vec<Bar> = p
                .actions
                .iter()
                .map(|a| Bar {
                    label: a.title.clone(),
                    from: a.start_date,
                    to: a.end_date,
                    part: ActionStatus::ALL
                        .iter()
                        .position(|s| *s == a.status)
                        .unwrap_or(0),
                })
                .collect();
            let when: Vec<String> = p
                .actions
                .iter()
                .map(|a| {
                    let span = period(a.start_date, a.end_date);
                    let span = if span.is_empty() {
                        "geen periode".into()
                    } else {
                        span
                    };
                    format!("{}: {span}, {}", a.title, a.status.label())
                })
                .collect();
            doc.blocks.push(Block::Image(chart::timeline(
                &bars,
                &statuses,
                span_start,
                span_end,
                created,
                format!(
                    "Tijdlijn van de acties van pijler {}. {}.",
                    p.pillar.number,
                    when.join("; ")
                ),
            )?));
        }

        let matrix = self.rollout_matrix()?;
        if !matrix.interventions.is_empty() && !matrix.municipalities.is_empty() {
            doc.blocks.push(Block::PageBreak);
            doc.heading(1, "Uitrol van interventies");
            doc.paragraph(
                "Per interventie de stand in elke gemeente: actief, in voorbereiding of gestopt; een lege cel is niet gestart.",
            );
            let status: HashMap<(Uuid, Uuid), RolloutStatus> = matrix
                .cells
                .iter()
                .map(|c| ((c.intervention, c.municipality), c.status))
                .collect();
            let total = matrix.municipalities.len();
            // A handful of municipalities per table, so each status reads
            // on one line; the interventions repeat in every table.
            for chunk in matrix.municipalities.chunks(ROLLOUT_COLUMNS) {
                let mut header = vec!["Interventie", "Actief in"];
                header.extend(chunk.iter().map(|m| m.name.as_str()));
                let mut widths = vec![6, 3];
                widths.extend(std::iter::repeat_n(4, chunk.len()));
                let mut table = Table::new(&header).widths(&widths).right_aligned(&[1]);
                for i in &matrix.interventions {
                    let mut row = vec![i.name.clone(), format!("{} van {total}", i.active)];
                    for m in chunk {
                        row.push(match status.get(&(i.id, m.id)) {
                            Some(RolloutStatus::NietGestart) | None => String::new(),
                            Some(s) => s.label().to_string(),
                        });
                    }
                    table.row(row);
                }
                doc.table(table);
            }
        }

        let money = self.funding_overview(plan.id)?;
        if !money.fundings.is_empty() || money.budgeted_cents > 0 {
            doc.blocks.push(Block::PageBreak);
            doc.heading(1, "Financiering");
            if !money.fundings.is_empty() {
                doc.heading(2, "Toekenningen");
                let mut table = Table::new(&[
                    "Financier",
                    "Soort",
                    "Bedrag",
                    "Periode",
                    "Doel",
                    "Verantwoorden vóór",
                ])
                .widths(&[5, 3, 3, 4, 7, 3])
                .right_aligned(&[2]);
                for f in &money.fundings {
                    table.row(vec![
                        f.funder.clone(),
                        f.funder_kind.label().to_string(),
                        euros_or_dash(f.amount_cents),
                        period(f.period_start, f.period_end),
                        f.purpose.clone(),
                        short_date(f.reporting_deadline),
                    ]);
                }
                doc.table(table);
            }
            doc.heading(2, "Begroot en toegekend per pijler");
            let mut table = Table::new(&["Pijler", "Begroot", "Toegekend"])
                .widths(&[6, 3, 3])
                .right_aligned(&[1, 2]);
            for p in &money.pillars {
                table.row(vec![
                    format!("{}. {}", p.number, p.title),
                    euros_or_dash(p.budgeted_cents),
                    whole_euros_or_dash(p.granted_cents),
                ]);
            }
            table.row(vec![
                "Nog niet aan acties verdeeld".into(),
                String::new(),
                whole_euros_or_dash(money.unallocated_cents),
            ]);
            table.row(vec![
                "Totaal".into(),
                euros_or_dash(money.budgeted_cents),
                whole_euros_or_dash(money.granted_cents),
            ]);
            doc.table(table);
        }
        Ok(doc)
    }

    fn plan_sheets(&self, o: &PlanOverview, names: &Names) -> Result<Vec<Sheet>> {
        let mut actions = Sheet::new(
            "Acties",
            &[
                "Pijler",
                "Actie",
                "Omschrijving",
                "Kartrekker",
                "Kartrekker (persoon)",
                "Partners",
                "Gemeenten",
                "Status",
                "Start",
                "Eind",
                "Budget",
                "Financiering",
                "Te laat",
            ],
        );
        for p in &o.pillars {
            for a in &p.actions {
                actions.rows.push(vec![
                    format!("{}. {}", p.pillar.number, p.pillar.title).into(),
                    a.title.as_str().into(),
                    a.description.as_str().into(),
                    names.one(a.owner).into(),
                    names.one(a.owner_contact).into(),
                    names.list(&a.partners).into(),
                    names.list(&a.municipalities).into(),
                    a.status.label().into(),
                    Cell::Date(a.start_date),
                    Cell::Date(a.end_date),
                    Cell::Money(a.budget_cents),
                    a.funding.as_str().into(),
                    if a.overdue { "ja" } else { "" }.into(),
                ]);
            }
        }
        let matrix = self.rollout_matrix()?;
        let interventions: HashMap<Uuid, &str> = matrix
            .interventions
            .iter()
            .map(|i| (i.id, i.name.as_str()))
            .collect();
        let mut rollout = Sheet::new(
            "Uitrol",
            &[
                "Gemeente",
                "Interventie",
                "Status",
                "Aanbieder",
                "Sinds",
                "Doel per jaar",
                "Bereikt per jaar",
            ],
        );
        let mut cells: Vec<_> = matrix
            .cells
            .iter()
            .map(|c| {
                let intervention = interventions
                    .get(&c.intervention)
                    .copied()
                    .unwrap_or_default();
                (names.one(Some(c.municipality)), intervention, c)
            })
            .collect();
        cells.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
        let count = |n: Option<u32>| n.map_or(Cell::Text(String::new()), |n| Cell::Int(n.into()));
        for (municipality, intervention, c) in cells {
            rollout.rows.push(vec![
                municipality.into(),
                intervention.into(),
                c.status.label().into(),
                names.one(c.provider).into(),
                Cell::Date(c.since),
                count(c.target_per_year),
                count(c.actual_per_year),
            ]);
        }
        let titles: HashMap<Uuid, &str> = o
            .pillars
            .iter()
            .flat_map(|p| p.actions.iter().map(|a| (a.id, a.title.as_str())))
            .collect();
        let mut funding = Sheet::new(
            "Financiering",
            &[
                "Financier",
                "Soort",
                "Bedrag",
                "Betaald",
                "Verplicht",
                "Over",
                "Start",
                "Eind",
                "Doel",
                "Verantwoorden vóór",
                "Acties",
            ],
        );
        for g in self.funding_overview(o.plan.id)?.grants {
            let f = g.funding;
            let mut linked: Vec<&str> = f
                .actions
                .iter()
                .filter_map(|a| titles.get(a).copied())
                .collect();
            linked.sort_unstable();
            funding.rows.push(vec![
                f.funder.into(),
                f.funder_kind.label().into(),
                Cell::Money(f.amount_cents),
                Cell::Money(g.paid_cents),
                Cell::Money(g.committed_cents),
                Cell::Money(g.left_cents),
                Cell::Date(f.period_start),
                Cell::Date(f.period_end),
                f.purpose.into(),
                Cell::Date(f.reporting_deadline),
                linked.join(", ").into(),
            ]);
        }
        Ok(vec![actions, rollout, funding])
    }
}

/// A baseline or target with its year: `8,6 (2021)`, `60`, or `—`.
pub(super) fn figure_in_year(value: Option<i64>, year: Option<i32>) -> String {
    match (value, year) {
        (Some(v), Some(y)) => format!("{} ({y})", crate::plan::figure(v)),
        (Some(v), None) => crate::plan::figure(v),
        _ => "—".to_string(),
    }
}

/// Goals' targets with where the coalition stands: the same table in the
/// plan and in the progress report.
pub(super) fn targets_table(goals: &[crate::plan::Goal], targets: &[&TargetProgress]) -> Table {
    let figure = figure_in_year;
    let mut table = Table::new(&[
        "Doel",
        "Wat wordt gemeten",
        "Nulmeting",
        "Nu",
        "Streefwaarde",
        "Voortgang",
    ])
    .widths(&[5, 4, 3, 3, 3, 3])
    .right_aligned(&[2, 3, 4, 5]);
    for t in targets {
        let goal = goals
            .iter()
            .find(|g| g.id == t.target.goal)
            .map(|g| g.text.clone())
            .unwrap_or_default();
        let now = match t.current_year {
            Some(year) if t.current.is_some() => format!("{} ({year})", t.shown),
            _ => t.shown.clone(),
        };
        table.row(vec![
            goal,
            t.label.clone(),
            figure(t.target.baseline, t.target.baseline_year),
            now,
            figure(t.target.target, t.target.target_year),
            match (t.reached, t.progress_pct) {
                (true, _) => "gehaald".to_string(),
                (false, Some(p)) => format!("{p} %"),
                (false, None) => "—".to_string(),
            },
        ]);
    }
    table
}
