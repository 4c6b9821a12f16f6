//! A grant's account to its funder (*verantwoording*): over the grant's
//! period, what it paid for — the spending booked on it, paid and
//! committed, per action and in total, and what is left — and what came of
//! it (each action's status and the progress notes of the period). As a
//! document (DOCX, ODT, PDF), and the spending as a workbook (XLSX, CSV)
//! for the funder's own sums.

use std::collections::HashMap;

use chrono::NaiveDate;
use uuid::Uuid;

use super::doc::{Block, Cover, Document, Span, Table};
use super::dutch::{euros, euros_or_dash, long_date, short_date};
use super::sheet::{self, Cell, Sheet};
use super::{documents_only, file_name, ExportFormat, Prepared};
use crate::error::Result;
use crate::plan::{
    Action, ActionFilter, GrantBalance, GrantFlag, Spending, SpendingFilter, SpendingState,
};
use crate::workspace::Workspace;

/// `Verantwoording Provincie Limburg 2022-2024`.
pub(super) fn grant_file_stem(balance: &GrantBalance) -> String {
    let f = &balance.funding;
    match (f.period_start, f.period_end) {
        (Some(from), Some(to)) if from.format("%Y").to_string() == to.format("%Y").to_string() => {
            format!("Verantwoording {} {}", f.funder, from.format("%Y"))
        }
        (Some(from), Some(to)) => format!(
            "Verantwoording {} {}-{}",
            f.funder,
            from.format("%Y"),
            to.format("%Y")
        ),
        _ => format!("Verantwoording {}", f.funder),
    }
}

/// What the account is made of, read in one go.
struct Account {
    balance: GrantBalance,
    spending: Vec<Spending>,
    /// The actions it paid for or that spending on it was booked on.
    actions: Vec<Action>,
    /// Pillar number per pillar id.
    pillars: HashMap<Uuid, u32>,
}

impl Account {
    fn action_title(&self, id: Option<Uuid>) -> String {
        id.and_then(|id| self.actions.iter().find(|a| a.id == id))
            .map_or_else(|| "Algemeen".to_string(), |a| a.title.clone())
    }

    /// Paid and committed on this grant for one action (None: for no action).
    fn spent_on(&self, action: Option<Uuid>) -> (i64, i64) {
        self.spending
            .iter()
            .filter(|s| s.action == action)
            .fold((0, 0), |(paid, committed), s| match s.state {
                SpendingState::Verplicht => (paid, committed + s.amount_cents),
                SpendingState::Betaald => (paid + s.amount_cents, committed),
            })
    }

    fn within(&self, day: Option<NaiveDate>) -> bool {
        let f = &self.balance.funding;
        day.is_some_and(|d| {
            f.period_start.is_none_or(|from| d >= from) && f.period_end.is_none_or(|to| d <= to)
        })
    }
}

impl Workspace {
    fn grant_account(&self, funding: Uuid) -> Result<Account> {
        let balance = self.grant_balance(funding)?;
        let spending = self.list_spending(&SpendingFilter {
            funding: Some(funding),
            ..Default::default()
        })?;
        let mut actions: Vec<Action> = self
            .list_actions(&ActionFilter::default())?
            .into_iter()
            .filter(|a| {
                balance.funding.actions.contains(&a.id)
                    || spending.iter().any(|s| s.action == Some(a.id))
            })
            .collect();
        let mut pillars = HashMap::new();
        if let Some(plan) = self.current_plan()? {
            for p in self.pillars(plan.id)? {
                pillars.insert(p.id, p.number);
            }
        }
        actions.sort_by_key(|a| (pillars.get(&a.pillar).copied(), a.start_date, a.id));
        Ok(Account {
            balance,
            spending,
            actions,
            pillars,
        })
    }

    /// The account of one grant, as a document or a workbook.
    pub fn prepare_grant(
        &self,
        funding: Uuid,
        format: ExportFormat,
        created: NaiveDate,
    ) -> Result<Prepared> {
        let account = self.grant_account(funding)?;
        let author = self.coalition()?.map(|c| c.name).unwrap_or_default();
        let file_name = file_name(&grant_file_stem(&account.balance), format);
        Ok(match format {
            ExportFormat::Xlsx | ExportFormat::Csv => {
                let sheets = grant_sheets(&account);
                let bytes = if format == ExportFormat::Xlsx {
                    let title = format!("Bestedingen {}", account.balance.funding.funder);
                    sheet::xlsx(&sheets, &title, &author, created)?
                } else {
                    sheet::csv(&sheets[0])?
                };
                Prepared::file(file_name, bytes)
            }
            _ => {
                documents_only(format)?;
                Prepared::Document {
                    doc: self.grant_document(&account, &author, created)?,
                    format,
                    file_name,
                }
            }
        })
    }

    /// The stem of a grant account's file name, for a save dialog.
    pub(super) fn grant_file_stem(&self, funding: Uuid) -> Result<String> {
        Ok(grant_file_stem(&self.grant_balance(funding)?))
    }

    fn grant_document(
        &self,
        account: &Account,
        author: &str,
        created: NaiveDate,
    ) -> Result<Document> {
        let g = &account.balance;
        let f = &g.funding;
        let title = format!("Verantwoording {}", f.funder);
        let mut doc = Document::new(&title, author, created);
        let period = match (f.period_start, f.period_end) {
            (None, None) => "niet vastgelegd".to_string(),
            (from, to) => format!(
                "{} – {}",
                from.map(long_date).unwrap_or_default(),
                to.map(long_date).unwrap_or_default()
            ),
        };
        let mut facts = vec![
            ("Financier".to_string(), f.funder.clone()),
            ("Soort".to_string(), f.funder_kind.label().to_string()),
            ("Toegekend".to_string(), euros(f.amount_cents)),
            ("Periode".to_string(), period),
        ];
        if let Some(due) = f.reporting_deadline {
            facts.push(("Verantwoording uiterlijk".to_string(), long_date(due)));
        }
        facts.push(("Datum".to_string(), long_date(created)));
        self.cover_page(
            &mut doc,
            Cover {
                title: title.clone(),
                subtitle: author.to_string(),
                facts,
            },
        )?;

        doc.heading(1, "Samenvatting");
        let mut summary = vec![
            format!("Toegekend: {}.", euros(f.amount_cents)),
            format!("Betaald: {}.", euros(g.paid_cents)),
            format!("Verplicht, nog te betalen: {}.", euros(g.committed_cents)),
            match g.flag {
                Some(GrantFlag::Overbesteed) => {
                    format!("Overbesteed: {}.", euros(-g.left_cents))
                }
                _ => format!("Nog te besteden: {}.", euros(g.left_cents)),
            },
        ];
        if !f.purpose.trim().is_empty() {
            summary.insert(0, format!("Doel: {}", f.purpose.trim()));
        }
        summary.push(format!(
            "{} acties betaald uit deze financiering.",
            account.actions.len()
        ));
        doc.blocks.push(Block::Bullets(
            summary.into_iter().map(|s| vec![Span::plain(s)]).collect(),
        ));

        doc.heading(1, "Besteding per actie");
        let mut per_action = Table::new(&["Actie", "Pijler", "Status", "Betaald", "Verplicht"])
            .widths(&[7, 2, 2, 3, 3])
            .right_aligned(&[1, 3, 4]);
        for a in &account.actions {
            let (paid, committed) = account.spent_on(Some(a.id));
            per_action.row(vec![
                a.title.clone(),
                account
                    .pillars
                    .get(&a.pillar)
                    .map(u32::to_string)
                    .unwrap_or_default(),
                a.status.label().to_string(),
                euros_or_dash(paid),
                euros_or_dash(committed),
            ]);
        }
        let (paid, committed) = account.spent_on(None);
        if paid != 0 || committed != 0 {
            per_action.row(vec![
                "Algemeen (coördinatie en andere kosten)".into(),
                String::new(),
                String::new(),
                euros_or_dash(paid),
                euros_or_dash(committed),
            ]);
        }
        per_action.row(vec![
            "Totaal".into(),
            String::new(),
            String::new(),
            euros(g.paid_cents),
            euros(g.committed_cents),
        ]);
        doc.table(per_action);

        doc.heading(1, "Bestedingen");
        if account.spending.is_empty() {
            doc.paragraph("Er is nog niets op deze financiering geboekt.");
        } else {
            let mut table = Table::new(&["Datum", "Omschrijving", "Actie", "Stand", "Bedrag"])
                .widths(&[2, 5, 5, 3, 3])
                .right_aligned(&[4]);
            let mut by_date: Vec<&Spending> = account.spending.iter().collect();
            by_date.sort_by_key(|s| (s.date, s.id));
            for s in by_date {
                table.row(vec![
                    short_date(s.date),
                    s.description.clone(),
                    account.action_title(s.action),
                    s.state.label().to_string(),
                    euros(s.amount_cents),
                ]);
            }
            doc.table(table);
        }

        doc.heading(1, "Resultaten");
        doc.paragraph(
            "Per actie de stand van nu en wat er in de periode van de financiering over is vastgelegd.",
        );
        for a in &account.actions {
            doc.heading(2, a.title.clone());
            doc.field("Status", a.status.label());
            if a.start_date.is_some() || a.end_date.is_some() {
                doc.field(
                    "Looptijd",
                    format!("{} – {}", short_date(a.start_date), short_date(a.end_date)),
                );
            }
            let done = a.milestones.iter().filter(|m| m.done).count();
            if !a.milestones.is_empty() {
                doc.field(
                    "Mijlpalen",
                    format!("{done} van {} gehaald", a.milestones.len()),
                );
            }
            let notes: Vec<Vec<Span>> = a
                .notes
                .iter()
                .filter(|n| account.within(n.date))
                .map(|n| vec![Span::plain(format!("{}: {}", short_date(n.date), n.text))])
                .collect();
            if !notes.is_empty() {
                doc.blocks.push(Block::Bullets(notes));
            }
        }
        Ok(doc)
    }
}

/// The spending as a sheet, and the sums per action as a second one.
fn grant_sheets(account: &Account) -> Vec<Sheet> {
    let mut spending = Sheet::new(
        "Bestedingen",
        &[
            "Datum",
            "Omschrijving",
            "Actie",
            "Pijler",
            "Stand",
            "Bedrag",
        ],
    );
    let mut by_date: Vec<&Spending> = account.spending.iter().collect();
    by_date.sort_by_key(|s| (s.date, s.id));
    for s in by_date {
        let pillar = s
            .action
            .and_then(|id| account.actions.iter().find(|a| a.id == id))
            .and_then(|a| account.pillars.get(&a.pillar))
            .map_or(Cell::Text(String::new()), |n| Cell::Int(i64::from(*n)));
        spending.rows.push(vec![
            Cell::Date(s.date),
            s.description.as_str().into(),
            account.action_title(s.action).into(),
            pillar,
            s.state.label().into(),
            Cell::Money(s.amount_cents),
        ]);
    }
    let mut per_action = Sheet::new("Per actie", &["Actie", "Status", "Betaald", "Verplicht"]);
    for a in &account.actions {
        let (paid, committed) = account.spent_on(Some(a.id));
        per_action.rows.push(vec![
            a.title.as_str().into(),
            a.status.label().into(),
            Cell::Money(paid),
            Cell::Money(committed),
        ]);
    }
    let (paid, committed) = account.spent_on(None);
    per_action.rows.push(vec![
        "Algemeen".into(),
        "".into(),
        Cell::Money(paid),
        Cell::Money(committed),
    ]);
    vec![spending, per_action]
}
