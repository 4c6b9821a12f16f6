//! The yearly progress report (*voortgangsrapportage*) for the funder or the
//! council, over a chosen period: the coalition in figures and its growth,
//! links between the medical and the social domain, actions per pillar,
//! the results per action, the goals' targets and where the coalition
//! stands on them, the money (paid and committed in the period, per grant
//! and per pillar), who took part (parents, network days, training),
//! roll-out coverage, meetings and key decisions, indicators — with charts
//! whose alt text carries the same numbers.

mod participation;
mod results;

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use uuid::Uuid;

use super::chart::{self, Series};
use super::doc::{Block, Cover, Document, Span, Table};
use super::dutch::{euros, euros_or_dash, long_date, short_date, whole_euros_or_dash};
use super::{documents_only, file_name, ExportFile, ExportFormat, Prepared};
use crate::error::Result;
use crate::meetings::{ActionItemFilter, ActionItemStatus, FollowUp, MeetingStatus};
use crate::network::Domain;
use crate::plan::{
    ActionFilter, ActionStatus, RolloutStatus, Spending, SpendingFilter, SpendingState,
};
use crate::validate;
use crate::workspace::Workspace;

/// `Voortgangsrapportage 2025`, `… 2024-2026`, or with exact dates.
pub(super) fn report_file_stem(from: NaiveDate, to: NaiveDate) -> String {
    let whole_years = from.month() == 1 && from.day() == 1 && to.month() == 12 && to.day() == 31;
    match (whole_years, from.year() == to.year()) {
        (true, true) => format!("Voortgangsrapportage {}", from.year()),
        (true, false) => format!("Voortgangsrapportage {}-{}", from.year(), to.year()),
        _ => format!("Voortgangsrapportage {from} tot {to}"),
    }
}

/// `from` and `to` as dates in order.
pub(super) fn report_period(from: &str, to: &str) -> Result<(NaiveDate, NaiveDate)> {
    let from = validate::date("from", from)?;
    let to = validate::date("to", to)?;
    validate::date_order("to", Some(from), Some(to))?;
    Ok((from, to))
}

fn count(n: usize, one: &str, more: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { more })
}

impl Workspace {
    pub fn export_report(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        format: ExportFormat,
        created: NaiveDate,
    ) -> Result<ExportFile> {
        self.prepare_report(from, to, format, created)?.render()
    }

    /// The report as a document still to be rendered.
    pub fn prepare_report(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        format: ExportFormat,
        created: NaiveDate,
    ) -> Result<Prepared> {
        documents_only(format)?;
        validate::date_order("to", Some(from), Some(to))?;
        Ok(Prepared::Document {
            doc: self.report_document(from, to, created)?,
            format,
            file_name: file_name(&report_file_stem(from, to), format),
        })
    }

    pub fn report_document(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        created: NaiveDate,
    ) -> Result<Document> {
        let coalition = self.coalition()?.map(|c| c.name).unwrap_or_default();
        let title = "Voortgangsrapportage Kansrijke Start";
        let mut doc = Document::new(title, &coalition, created);
        self.cover_page(
            &mut doc,
            Cover {
                title: title.into(),
                subtitle: coalition.clone(),
                facts: vec![
                    (
                        "Periode".into(),
                        format!("{} – {}", long_date(from), long_date(to)),
                    ),
                    ("Datum".into(), long_date(created)),
                ],
            },
        )?;
        let within = |d: Option<NaiveDate>| d.is_some_and(|d| d >= from && d <= to);

        // The network at both ends of the period.
        let orgs = self.list_organisations(&Default::default())?;
        let day_before = from.pred_opt().unwrap_or(from);
        let mut newly_signed: Vec<_> = orgs.iter().filter(|o| within(o.signed_on)).collect();
        newly_signed.sort_by_key(|o| (o.signed_on, o.name.clone()));
        // As the recorded dates say it stood at the end of the period (today,
        // for a period not over yet), and on the day before it began.
        let as_of = to.min(created);
        let metrics = self.network_metrics_on(as_of)?;
        let before = self.network_metrics_on(day_before)?;

        // Actions, roll-out, meetings.
        let plan = self.current_plan()?;
        let overview = match &plan {
            Some(p) => Some(self.plan_overview(p.id, &ActionFilter::default())?),
            None => None,
        };
        let matrix = self.rollout_matrix()?;
        let meetings: Vec<_> = self
            .list_meetings()?
            .into_iter()
            .filter(|m| within(m.date) && m.status != MeetingStatus::Gepland)
            .collect();
        let held: HashMap<Uuid, &crate::meetings::Meeting> =
            meetings.iter().map(|m| (m.id, m)).collect();
        let decisions: Vec<_> = self
            .list_decisions()?
            .into_iter()
            .filter(|d| held.contains_key(&d.meeting))
            .collect();
        let mut items = Vec::new();
        for status in [
            ActionItemStatus::Open,
            ActionItemStatus::Gedaan,
            ActionItemStatus::Vervallen,
        ] {
            items.extend(
                self.list_action_items(&ActionItemFilter {
                    status: Some(status),
                    ..Default::default()
                })?
                .into_iter()
                .filter(|i| held.contains_key(&i.meeting)),
            );
        }

        doc.heading(1, "Samenvatting");
        let mut summary = vec![
            format!(
                "{} betrokken bij de coalitie op {} (was {} aan het begin van de periode).",
                count(
                    metrics.organisations as usize,
                    "organisatie",
                    "organisaties"
                ),
                long_date(as_of),
                before.organisations
            ),
            format!(
                "{} hebben het convenant getekend, {} in deze periode.",
                count(metrics.signed as usize, "partner", "partners"),
                newly_signed.len()
            ),
            format!(
                "{} tussen het medisch en het sociaal domein op {}.",
                count(
                    metrics.medical_social_links as usize,
                    "verbinding",
                    "verbindingen"
                ),
                long_date(as_of)
            ),
            format!(
                "{} gehouden, met {} en {}.",
                count(meetings.len(), "overleg", "overleggen"),
                count(decisions.len(), "besluit", "besluiten"),
                count(items.len(), "actiepunt", "actiepunten")
            ),
        ];
        if let Some(o) = &overview {
            let all: Vec<_> = o.pillars.iter().flat_map(|p| &p.actions).collect();
            let finished = all
                .iter()
                .filter(|a| a.status == ActionStatus::Afgerond && within(a.end_date))
                .count();
            let running = all
                .iter()
                .filter(|a| a.status == ActionStatus::Loopt)
                .count();
            summary.push(format!(
                "{} in het actieplan: {finished} afgerond in deze periode, {running} lopen nog.",
                count(all.len(), "actie", "acties")
            ));
        }
        if !matrix.municipalities.is_empty() {
            let active = matrix
                .cells
                .iter()
                .filter(|c| c.status == RolloutStatus::Actief)
                .count();
            summary.push(format!(
                "{} actief verspreid over {} gemeenten.",
                count(active, "interventie-inzet", "interventie-inzetten"),
                matrix.municipalities.len()
            ));
        }
        doc.blocks.push(Block::Bullets(
            summary.into_iter().map(|s| vec![Span::plain(s)]).collect(),
        ));

        doc.heading(1, "De coalitie in cijfers");
        let growth: Vec<_> = self
            .network_growth()?
            .into_iter()
            .filter(|g| {
                let month = format!("{:04}-{:02}", from.year(), from.month());
                let last = format!("{:04}-{:02}", to.year(), to.month());
                g.month >= month && g.month <= last
            })
            .collect();
        if growth.len() >= 2 {
            let labels: Vec<String> = growth.iter().map(|g| month_label(&g.month)).collect();
            let (first, last) = (&growth[0], &growth[growth.len() - 1]);
            doc.blocks.push(Block::Image(chart::lines(
                &labels,
                &[
                    Series {
                        name: "Betrokken".into(),
                        values: growth.iter().map(|g| Some(f64::from(g.involved))).collect(),
                    },
                    Series {
                        name: "Convenant getekend".into(),
                        values: growth.iter().map(|g| Some(f64::from(g.signed))).collect(),
                    },
                ],
                "organisaties",
                format!(
                    "Lijngrafiek van de groei van de coalitie per maand: betrokken organisaties van {} in {} naar {} in {}; partners met een getekend convenant van {} naar {}.",
                    first.involved,
                    month_label(&first.month),
                    last.involved,
                    month_label(&last.month),
                    first.signed,
                    last.signed
                ),
            )?));
        }
        doc.paragraph(format!("Per domein, op {}:", long_date(as_of)));
        let mut by_domain = Table::new(&["Domein", "Betrokken", "Convenant getekend"])
            .widths(&[4, 2, 2])
            .right_aligned(&[1, 2]);
        for domain in [
            Domain::Medisch,
            Domain::Sociaal,
            Domain::PubliekeGezondheid,
            Domain::Overig,
        ] {
            let of = |list: &[crate::network::DomainCount]| {
                list.iter()
                    .find(|d| d.domain == domain)
                    .map_or(0, |d| d.count)
            };
            by_domain.row(vec![
                domain.label().to_string(),
                of(&metrics.by_domain).to_string(),
                of(&metrics.signed_by_domain).to_string(),
            ]);
        }
        by_domain.row(vec![
            "Totaal".into(),
            metrics.organisations.to_string(),
            metrics.signed.to_string(),
        ]);
        doc.table(by_domain);
        if !newly_signed.is_empty() {
            doc.heading(2, "Convenant getekend in deze periode");
            let mut table =
                Table::new(&["Organisatie", "Domein", "Getekend op"]).widths(&[5, 2, 2]);
            for o in &newly_signed {
                table.row(vec![
                    o.name.clone(),
                    o.domain.label().to_string(),
                    short_date(o.signed_on),
                ]);
            }
            doc.table(table);
        }

        doc.heading(1, "Verbindingen tussen medisch en sociaal domein");
        doc.paragraph(format!(
            "Op {} liepen er {} tussen partners, waarvan {} tussen een organisatie in het medisch en een in het sociaal domein.",
            long_date(as_of),
            count(metrics.relations as usize, "verbinding", "verbindingen"),
            metrics.medical_social_links
        ));
        if !metrics.bridge_builders.is_empty() {
            doc.paragraph("De partners die het vaakst de brug slaan tussen beide domeinen:");
            doc.blocks.push(Block::Bullets(
                metrics
                    .bridge_builders
                    .iter()
                    .take(5)
                    .map(|b| vec![Span::plain(format!("{} ({})", b.name, b.domain.label()))])
                    .collect(),
            ));
        }

        if let Some(o) = &overview {
            doc.heading(1, "Acties per pijler");
            let mut header = vec!["Pijler"];
            header.extend(ActionStatus::ALL.iter().map(|s| s.label()));
            header.extend(["Afgerond in periode", "Te laat"]);
            let mut widths = vec![5];
            widths.extend(std::iter::repeat_n(2, header.len() - 1));
            let right: Vec<usize> = (1..header.len()).collect();
            let mut table = Table::new(&header).widths(&widths).right_aligned(&right);
            let (chart, counts) = super::plan::actions_by_status_chart(o, |_| true)?;
            for (p, counts) in o.pillars.iter().zip(counts) {
                let finished = p
                    .actions
                    .iter()
                    .filter(|a| a.status == ActionStatus::Afgerond && within(a.end_date))
                    .count();
                let mut row = vec![format!("{}. {}", p.pillar.number, p.pillar.title)];
                row.extend(counts.iter().map(u32::to_string));
                row.push(finished.to_string());
                row.push(p.overdue.to_string());
                table.row(row);
            }
            doc.blocks.push(Block::Image(chart));
            doc.table(table);
        }

        if let Some(o) = &overview {
            self.report_results(&mut doc, from, to, o)?;
        }

        if let Some(o) = overview.as_ref().filter(|o| !o.targets.is_empty()) {
            doc.heading(1, "Doelen en streefwaarden");
            doc.paragraph(
                "Per doel wat er gemeten wordt, de nulmeting, het laatst bekende cijfer en de streefwaarde; de voortgang is het deel van de weg van nulmeting naar streefwaarde. Cijfers die op minder dan tien personen rusten staan er als \"< 10\".",
            );
            let goals: Vec<crate::plan::Goal> = o
                .pillars
                .iter()
                .flat_map(|p| p.goals.iter().cloned())
                .collect();
            let targets: Vec<&crate::plan::TargetProgress> = o.targets.iter().collect();
            // How far along the way each target is, as bars (past the target
            // counts as reached; a figure under ten persons has no bar).
            let measured: Vec<_> = targets
                .iter()
                .filter_map(|t| t.progress_pct.map(|p| (t, p.clamp(0, 100) as u32)))
                .collect();
            if !measured.is_empty() {
                let rows: Vec<(String, u32)> = measured
                    .iter()
                    .map(|(t, p)| (t.label.clone(), *p))
                    .collect();
                let alt = measured
                    .iter()
                    .map(|(t, p)| format!("{}: {p} %", t.label))
                    .collect::<Vec<_>>()
                    .join("; ");
                doc.blocks.push(Block::Image(chart::percent_bars(
                    &rows,
                    "% van de weg van nulmeting naar streefwaarde",
                    format!("Staafdiagram van de voortgang per streefwaarde. {alt}."),
                )?));
            }
            doc.table(super::plan::targets_table(&goals, &targets));
        }

        self.report_finances(&mut doc, from, to, overview.as_ref())?;
        self.report_participation(&mut doc, from, to)?;

        if !matrix.interventions.is_empty() && !matrix.municipalities.is_empty() {
            doc.heading(1, "Uitrol van interventies");
            let total = matrix.municipalities.len();
            doc.paragraph(format!(
                "In hoeveel van de {total} gemeenten elke interventie actief is."
            ));
            let rows: Vec<(String, Vec<u32>)> = matrix
                .interventions
                .iter()
                .map(|i| (i.name.clone(), vec![i.active]))
                .collect();
            let alt = matrix
                .interventions
                .iter()
                .map(|i| format!("{}: {} van {total}", i.name, i.active))
                .collect::<Vec<_>>()
                .join("; ");
            doc.blocks.push(Block::Image(chart::stacked_bars(
                &rows,
                &["actief".into()],
                "gemeenten",
                format!("Staafdiagram van de dekking per interventie. {alt}."),
            )?));
            let mut table = Table::new(&["Interventie", "Actief in", "Dekking"])
                .widths(&[6, 2, 2])
                .right_aligned(&[1, 2]);
            for i in &matrix.interventions {
                table.row(vec![
                    i.name.clone(),
                    format!("{} van {total}", i.active),
                    format!("{} %", i.active as usize * 100 / total),
                ]);
            }
            doc.table(table);
        }

        doc.heading(1, "Overleggen en besluiten");
        if meetings.is_empty() {
            doc.paragraph("In deze periode zijn geen overleggen gehouden.");
        } else {
            let mut table = Table::new(&["Datum", "Overleg", "Soort"]).widths(&[2, 6, 3]);
            let mut by_date = meetings.clone();
            by_date.sort_by_key(|m| (m.date, m.start_time.clone()));
            for m in &by_date {
                table.row(vec![
                    short_date(m.date),
                    m.title.clone(),
                    m.kind.label().to_string(),
                ]);
            }
            doc.table(table);
            let done = items
                .iter()
                .filter(|i| i.status == ActionItemStatus::Gedaan)
                .count();
            let open = items
                .iter()
                .filter(|i| i.status == ActionItemStatus::Open)
                .count();
            doc.paragraph(format!(
                "In deze overleggen zijn {} afgesproken: {done} gedaan, {open} staan nog open.",
                count(items.len(), "actiepunt", "actiepunten")
            ));
        }
        if !decisions.is_empty() {
            doc.heading(2, "Besluiten");
            let carried = decisions
                .iter()
                .filter(|d| d.follow_up == FollowUp::Uitgevoerd)
                .count();
            doc.paragraph(format!(
                "{} genomen; {carried} daarvan zijn uitgevoerd.",
                count(decisions.len(), "besluit", "besluiten")
            ));
            let mut table =
                Table::new(&["Datum", "Overleg", "Besluit", "Uitvoering"]).widths(&[2, 3, 7, 2]);
            let mut sorted = decisions.clone();
            sorted.sort_by_key(|d| held.get(&d.meeting).and_then(|m| m.date));
            for d in &sorted {
                let m = held[&d.meeting];
                table.row(vec![
                    short_date(m.date),
                    m.title.clone(),
                    d.text.clone(),
                    d.follow_up.label().to_string(),
                ]);
            }
            doc.table(table);
        }

        self.report_indicators(&mut doc, from.year(), to.year())?;
        Ok(doc)
    }

    /// What was paid and committed in the period, per grant and per pillar,
    /// next to what was granted and budgeted and what is left of each grant.
    fn report_finances(
        &self,
        doc: &mut Document,
        from: NaiveDate,
        to: NaiveDate,
        overview: Option<&crate::plan::PlanOverview>,
    ) -> Result<()> {
        // The plan's money holds the grants too: read once.
        let money = overview
            .map(|o| self.funding_overview(o.plan.id))
            .transpose()?;
        let grants = match &money {
            Some(m) => m.grants.clone(),
            None => self.grant_balances()?,
        };
        if grants.is_empty() {
            return Ok(());
        }
        let spent = self.list_spending(&SpendingFilter {
            from: Some(from),
            to: Some(to),
            ..Default::default()
        })?;
        let sum = |pick: &dyn Fn(&Spending) -> bool, state: SpendingState| -> i64 {
            spent
                .iter()
                .filter(|s| s.state == state && pick(s))
                .map(|s| s.amount_cents)
                .sum()
        };
        doc.heading(1, "Financiën");
        doc.paragraph(format!(
            "In deze periode is {} betaald en {} verplicht (besteld of toegezegd, nog niet betaald), uit {}.",
            euros(sum(&|_| true, SpendingState::Betaald)),
            euros(sum(&|_| true, SpendingState::Verplicht)),
            count(grants.len(), "financiering", "financieringen")
        ));
        doc.heading(2, "Per financiering");
        let mut table = Table::new(&[
            "Financier",
            "Toegekend",
            "Betaald in periode",
            "Verplicht in periode",
            "Nog te besteden",
        ])
        .widths(&[5, 3, 3, 3, 3])
        .right_aligned(&[1, 2, 3, 4]);
        for g in &grants {
            let of = |s: &Spending| s.funding == Some(g.funding.id);
            table.row(vec![
                g.funding.funder.clone(),
                euros(g.funding.amount_cents),
                euros_or_dash(sum(&of, SpendingState::Betaald)),
                euros_or_dash(sum(&of, SpendingState::Verplicht)),
                euros(g.left_cents),
            ]);
        }
        doc.table(table);
        if let (Some(o), Some(money)) = (overview, &money) {
            let pillar_of: HashMap<Uuid, Uuid> = o
                .pillars
                .iter()
                .flat_map(|p| p.actions.iter().map(|a| (a.id, p.pillar.id)))
                .collect();
            doc.heading(2, "Per pijler");
            let mut table = Table::new(&[
                "Pijler",
                "Begroot",
                "Toegekend",
                "Betaald in periode",
                "Verplicht in periode",
            ])
            .widths(&[5, 3, 3, 3, 3])
            .right_aligned(&[1, 2, 3, 4]);
            for p in &money.pillars {
                let of = |s: &Spending| {
                    s.action
                        .and_then(|a| pillar_of.get(&a))
                        .is_some_and(|pillar| *pillar == p.pillar)
                };
                table.row(vec![
                    format!("{}. {}", p.number, p.title),
                    euros_or_dash(p.budgeted_cents),
                    whole_euros_or_dash(p.granted_cents),
                    euros_or_dash(sum(&of, SpendingState::Betaald)),
                    euros_or_dash(sum(&of, SpendingState::Verplicht)),
                ]);
            }
            doc.table(table);
            doc.paragraph(
                "Toegekend per pijler: een financiering voor meer acties is naar hun begroting over die acties verdeeld, afgerond op hele euro's. Kosten die niet bij een actie horen (zoals coördinatie) staan alleen per financiering.",
            );
        }
        Ok(())
    }

    fn report_indicators(&self, doc: &mut Document, first: i32, last: i32) -> Result<()> {
        let mut heading = false;
        for indicator in self.list_indicators()? {
            let series = self.indicator_series(indicator.id)?;
            let years: Vec<i32> = (first..=last)
                .filter(|y| {
                    series
                        .municipalities
                        .iter()
                        .any(|m| m.points.iter().any(|p| p.year == *y))
                })
                .collect();
            if years.is_empty() {
                continue;
            }
            if !heading {
                doc.heading(1, "Indicatoren");
                doc.paragraph(
                    "Waarden die op minder dan tien personen rusten staan er als \"< 10\": zo zijn ze niet tot personen te herleiden, en ze tellen in geen grafiek mee.",
                );
                heading = true;
            }
            let unit = match indicator.unit.trim() {
                "" => String::new(),
                u => format!(" ({u})"),
            };
            doc.heading(2, format!("{}{unit}", indicator.name));
            if !indicator.source.trim().is_empty() {
                doc.field("Bron", indicator.source.clone());
            }
            let year_labels: Vec<String> = years.iter().map(i32::to_string).collect();
            let mut header = vec!["Gemeente"];
            header.extend(year_labels.iter().map(String::as_str));
            let mut widths = vec![4];
            widths.extend(std::iter::repeat_n(2, years.len()));
            let right: Vec<usize> = (1..header.len()).collect();
            let mut table = Table::new(&header).widths(&widths).right_aligned(&right);
            let mut lines = Vec::new();
            for m in &series.municipalities {
                let point = |y: &i32| m.points.iter().find(|p| p.year == *y);
                let mut row = vec![m.name.clone()];
                row.extend(
                    years
                        .iter()
                        .map(|y| point(y).map(|p| p.shown.clone()).unwrap_or_default()),
                );
                table.row(row);
                lines.push(Series {
                    name: m.name.clone(),
                    values: years
                        .iter()
                        .map(|y| point(y).and_then(|p| p.value))
                        .collect(),
                });
            }
            if years.len() >= 2 && lines.iter().any(|l| l.values.iter().any(Option::is_some)) {
                let alt = series
                    .municipalities
                    .iter()
                    .map(|m| {
                        let values: Vec<String> = years
                            .iter()
                            .map(|y| {
                                let shown = m
                                    .points
                                    .iter()
                                    .find(|p| p.year == *y)
                                    .map_or("geen waarde".to_string(), |p| p.shown.clone());
                                format!("{y} {shown}")
                            })
                            .collect();
                        format!("{}: {}", m.name, values.join(", "))
                    })
                    .collect::<Vec<_>>()
                    .join("; ");
                doc.blocks.push(Block::Image(chart::lines(
                    &year_labels,
                    &lines,
                    indicator.unit.trim(),
                    format!("Lijngrafiek van {} per gemeente. {alt}.", indicator.name),
                )?));
            }
            doc.table(table);
        }
        Ok(())
    }
}

/// `2025-03` as `mrt 2025`.
fn month_label(month: &str) -> String {
    const SHORT: [&str; 12] = [
        "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ];
    match month.split_once('-') {
        Some((y, m)) => match m.parse::<usize>() {
            Ok(m @ 1..=12) => format!("{} {y}", SHORT[m - 1]),
            _ => month.to_string(),
        },
        None => month.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_names_say_the_period() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            report_file_stem(d(2025, 1, 1), d(2025, 12, 31)),
            "Voortgangsrapportage 2025"
        );
        assert_eq!(
            report_file_stem(d(2024, 1, 1), d(2026, 12, 31)),
            "Voortgangsrapportage 2024-2026"
        );
        assert_eq!(
            report_file_stem(d(2025, 3, 1), d(2025, 8, 31)),
            "Voortgangsrapportage 2025-03-01 tot 2025-08-31"
        );
        assert_eq!(month_label("2025-03"), "mrt 2025");
    }
}
