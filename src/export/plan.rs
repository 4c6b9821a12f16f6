//! The action plan for partners: a document (title page, vision and the
//! work-agenda sections, per pillar its goals and actions, the roll-out
//! matrix, funding) and a workbook (actions, roll-out, funding).

use std::collections::HashMap;

use chrono::NaiveDate;
use uuid::Uuid;

use super::doc::{Block, Document, Table};
use super::dutch::{euros, long_date, period, short_date};
use super::sheet::{Cell, Sheet};
use super::{documents_only, file_name, sheet, ExportFile, ExportFormat, Prepared};
use crate::error::{Error, Result};
use crate::plan::{ActionFilter, PlanOverview, RolloutStatus};
use crate::workspace::Workspace;

/// Names of organisations and municipalities by id.
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
        Ok(Names(names))
    }

    fn one(&self, id: Option<Uuid>) -> String {
        id.and_then(|i| self.0.get(&i).cloned()).unwrap_or_default()
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
        let mut lines = vec![author.to_string()];
        if !years(plan).is_empty() {
            lines.push(format!("Periode {}", years(plan).replace('-', " – ")));
        }
        lines.push(format!("Status: {}", plan.status.code()));
        lines.push(format!("Datum: {}", long_date(created)));
        self.title_page(&mut doc, plan.title.clone(), lines)?;
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
            doc.blocks.push(Block::PageBreak);
            doc.heading(1, "Visie en werkagenda");
            for (title, text) in sections {
                if !text.trim().is_empty() {
                    doc.heading(2, title);
                    doc.markdown(text);
                }
            }
        }
        doc.blocks.push(Block::PageBreak);
        doc.heading(1, "Pijlers, doelen en acties");
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
            .widths(&[5, 3, 4, 3, 2, 3, 3])
            .right_aligned(&[6]);
            for a in &p.actions {
                let mut status = a.status.code().to_string();
                if a.overdue {
                    status.push_str(" (te laat)");
                }
                table.row(vec![
                    a.title.clone(),
                    names.one(a.owner),
                    names.list(&a.partners),
                    names.list(&a.municipalities),
                    status,
                    period(a.start_date, a.end_date),
                    euros(a.budget_cents),
                ]);
            }
            table.row(vec![
                "Totaal".into(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
                euros(p.budget_cents),
            ]);
            doc.table(table);
        }

        let matrix = self.rollout_matrix()?;
        if !matrix.interventions.is_empty() && !matrix.municipalities.is_empty() {
            doc.blocks.push(Block::PageBreak);
            doc.heading(1, "Uitrol van interventies");
            doc.paragraph(
                "Per interventie de status in elke gemeente: actief, in voorbereiding of gestopt; een lege cel is niet gestart.",
            );
            let status: HashMap<(Uuid, Uuid), RolloutStatus> = matrix
                .cells
                .iter()
                .map(|c| ((c.intervention, c.municipality), c.status))
                .collect();
            let mut header = vec!["Interventie"];
            header.extend(matrix.municipalities.iter().map(|m| m.name.as_str()));
            header.push("Actief in");
            let mut widths = vec![4];
            widths.extend(std::iter::repeat_n(2, matrix.municipalities.len()));
            widths.push(2);
            let mut table = Table::new(&header)
                .widths(&widths)
                .right_aligned(&[header.len() - 1]);
            for i in &matrix.interventions {
                let mut row = vec![i.name.clone()];
                for m in &matrix.municipalities {
                    row.push(match status.get(&(i.id, m.id)) {
                        Some(RolloutStatus::NietGestart) | None => String::new(),
                        Some(s) => s.code().to_string(),
                    });
                }
                row.push(format!("{} van {}", i.active, matrix.municipalities.len()));
                table.row(row);
            }
            doc.table(table);
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
                .widths(&[4, 2, 3, 4, 5, 3])
                .right_aligned(&[2]);
                for f in &money.fundings {
                    table.row(vec![
                        f.funder.clone(),
                        f.funder_kind.code().to_string(),
                        euros(f.amount_cents),
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
                    euros(p.budgeted_cents),
                    euros(p.granted_cents),
                ]);
            }
            table.row(vec![
                "Nog niet aan acties verdeeld".into(),
                String::new(),
                euros(money.unallocated_cents),
            ]);
            table.row(vec![
                "Totaal".into(),
                euros(money.budgeted_cents),
                euros(money.granted_cents),
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
                    names.list(&a.partners).into(),
                    names.list(&a.municipalities).into(),
                    a.status.code().into(),
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
                c.status.code().into(),
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
                "Start",
                "Eind",
                "Doel",
                "Verantwoorden vóór",
                "Acties",
            ],
        );
        for f in self.funding_overview(o.plan.id)?.fundings {
            let mut linked: Vec<&str> = f
                .actions
                .iter()
                .filter_map(|a| titles.get(a).copied())
                .collect();
            linked.sort_unstable();
            funding.rows.push(vec![
                f.funder.into(),
                f.funder_kind.code().into(),
                Cell::Money(f.amount_cents),
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
