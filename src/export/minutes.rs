//! Minutes of one meeting, and the list of open action items, for partners.

use chrono::NaiveDate;
use uuid::Uuid;

use super::doc::{Block, Document, Span, Table};
use super::dutch::{long_date, short_date};
use super::sheet::{Cell, Sheet};
use super::{documents_only, file_name, sheet, ExportFile, ExportFormat, Prepared};
use crate::error::Result;
use crate::meetings::{ActionItem, ActionItemFilter, Attendance, Decision};
use crate::workspace::Workspace;

impl Workspace {
    /// The minutes of a meeting as DOCX, ODT or PDF; confidential agenda
    /// items (and their decisions and action items) only when asked.
    pub fn export_minutes(
        &self,
        meeting: Uuid,
        format: ExportFormat,
        include_confidential: bool,
        created: NaiveDate,
    ) -> Result<ExportFile> {
        self.prepare_minutes(meeting, format, include_confidential, created)?
            .render()
    }

    /// The minutes as a document still to be rendered.
    pub fn prepare_minutes(
        &self,
        meeting: Uuid,
        format: ExportFormat,
        include_confidential: bool,
        created: NaiveDate,
    ) -> Result<Prepared> {
        documents_only(format)?;
        let d = self.meeting_detail(meeting)?;
        let m = &d.meeting;
        let author = self.coalition()?.map(|c| c.name).unwrap_or_default();
        let contact_name = |id: Option<Uuid>| -> String {
            id.and_then(|id| self.contact(id).ok())
                .map(|c| c.name)
                .unwrap_or_default()
        };
        let mut doc = Document::new(format!("Notulen {}", m.title), &author, created);
        let when = match (m.date, m.start_time.as_str(), m.end_time.as_str()) {
            (Some(day), "", _) => long_date(day),
            (Some(day), start, "") => format!("{}, {start} uur", long_date(day)),
            (Some(day), start, end) => format!("{}, {start}–{end} uur", long_date(day)),
            (None, ..) => String::new(),
        };
        self.title_page(
            &mut doc,
            format!("Notulen {}", m.title),
            vec![author.clone()],
        )?;
        doc.field("Datum", when);
        let place = match (m.location.trim(), m.online_link.trim()) {
            ("", link) => link.to_string(),
            (place, "") => place.to_string(),
            (place, link) => format!("{place} en online ({link})"),
        };
        if !place.is_empty() {
            doc.field("Plaats", place);
        }
        for (label, who) in [
            ("Voorzitter", contact_name(m.chair)),
            ("Notulist", contact_name(m.minute_taker)),
        ] {
            if !who.is_empty() {
                doc.field(label, who);
            }
        }
        doc.field("Status", m.status.label());

        if !d.attendees.is_empty() {
            doc.heading(1, "Aanwezigheid");
            for (label, attendance) in [
                ("Aanwezig", Attendance::Aanwezig),
                ("Afgemeld", Attendance::Afgemeld),
                ("Afwezig", Attendance::Afwezig),
                ("Uitgenodigd", Attendance::Uitgenodigd),
            ] {
                let names: Vec<String> = d
                    .attendees
                    .iter()
                    .filter(|a| a.attendance == attendance)
                    .map(|a| match a.organisation.as_str() {
                        "" => a.name.clone(),
                        org => format!("{} ({org})", a.name),
                    })
                    .collect();
                if !names.is_empty() {
                    doc.field(label, names.join(", "));
                }
            }
        }

        let agenda: Vec<_> = d
            .agenda
            .iter()
            .filter(|a| include_confidential || !a.confidential)
            .collect();
        let left_out: Vec<Uuid> = d
            .agenda
            .iter()
            .filter(|a| !include_confidential && a.confidential)
            .map(|a| a.id)
            .collect();
        let shown = |item: Option<Uuid>| item.is_none_or(|i| !left_out.contains(&i));
        doc.heading(1, "Agenda en verslag");
        if agenda.is_empty() {
            doc.paragraph("Geen agendapunten.");
        }
        for (n, item) in agenda.iter().enumerate() {
            let mut title = format!("{}. {}", n + 1, item.title);
            if item.confidential {
                title.push_str(" (vertrouwelijk)");
            }
            doc.heading(2, title);
            if let Some(presenter) = Some(contact_name(item.presenter)).filter(|p| !p.is_empty()) {
                doc.field("Inleiding", presenter);
            }
            doc.markdown(&item.minutes);
            decisions(
                &mut doc,
                d.decisions
                    .iter()
                    .filter(|x| x.agenda_item == Some(item.id)),
            );
            action_items(
                &mut doc,
                d.action_items
                    .iter()
                    .filter(|x| x.agenda_item == Some(item.id)),
            );
        }
        // Decisions and action items not under a (shown) agenda item.
        let on_agenda =
            |item: Option<Uuid>| item.is_some_and(|i| d.agenda.iter().any(|a| a.id == i));
        let loose_decisions: Vec<&Decision> = d
            .decisions
            .iter()
            .filter(|x| !on_agenda(x.agenda_item) && shown(x.agenda_item))
            .collect();
        let loose_items: Vec<&ActionItem> = d
            .action_items
            .iter()
            .filter(|x| !on_agenda(x.agenda_item) && shown(x.agenda_item))
            .collect();
        if !loose_decisions.is_empty() || !loose_items.is_empty() {
            doc.heading(2, "Overige besluiten en actiepunten");
            decisions(&mut doc, loose_decisions.into_iter());
            action_items(&mut doc, loose_items.into_iter());
        }
        if !d.open_from_earlier.is_empty() {
            doc.heading(1, "Openstaande actiepunten uit eerdere overleggen");
            doc.table(items_table(d.open_from_earlier.iter(), true));
        }
        Ok(Prepared::Document {
            doc,
            format,
            file_name: file_name(&self.minutes_file_stem(meeting)?, format),
        })
    }

    /// `Notulen 2026-11-30 Stuurgroep`.
    pub(super) fn minutes_file_stem(&self, meeting: Uuid) -> Result<String> {
        let m = self.meeting_detail(meeting)?.meeting;
        let date = m.date.map(|d| d.to_string()).unwrap_or_default();
        Ok(format!("Notulen {date} {}", m.title))
    }

    /// All open action items: a list to send round before the next meeting.
    pub fn export_action_items(
        &self,
        format: ExportFormat,
        created: NaiveDate,
    ) -> Result<ExportFile> {
        self.prepare_action_items(format, created)?.render()
    }

    /// The open action items' sheet, or their document still to be rendered.
    pub fn prepare_action_items(
        &self,
        format: ExportFormat,
        created: NaiveDate,
    ) -> Result<Prepared> {
        let items = self.list_action_items(&ActionItemFilter::default())?;
        let author = self.coalition()?.map(|c| c.name).unwrap_or_default();
        let title = "Openstaande actiepunten";
        let file_name = file_name(&action_items_file_stem(created), format);
        Ok(match format {
            ExportFormat::Xlsx | ExportFormat::Csv => {
                let mut sheet = Sheet::new(
                    "Actiepunten",
                    &[
                        "Actiepunt",
                        "Wie",
                        "Vóór",
                        "Te laat",
                        "Overleg",
                        "Datum overleg",
                    ],
                );
                for i in &items {
                    sheet.rows.push(vec![
                        i.text.as_str().into(),
                        i.owner_name.as_str().into(),
                        Cell::Date(i.due),
                        if i.overdue { "ja" } else { "" }.into(),
                        i.meeting_title.as_str().into(),
                        Cell::Date(i.meeting_date),
                    ]);
                }
                let bytes = if format == ExportFormat::Xlsx {
                    sheet::xlsx(&[sheet], title, &author, created)?
                } else {
                    sheet::csv(&sheet)?
                };
                Prepared::file(file_name, bytes)
            }
            _ => {
                documents_only(format)?;
                let mut doc = Document::new(title, &author, created);
                self.title_page(
                    &mut doc,
                    title,
                    vec![author.clone(), format!("Stand van {}", long_date(created))],
                )?;
                let overdue = items.iter().filter(|i| i.overdue).count();
                doc.paragraph(format!(
                    "{} openstaande actiepunten, waarvan {overdue} over de datum.",
                    items.len()
                ));
                doc.table(items_table(items.iter(), true));
                Prepared::Document {
                    doc,
                    format,
                    file_name,
                }
            }
        })
    }
}

fn decisions<'a>(doc: &mut Document, list: impl Iterator<Item = &'a Decision>) {
    let items: Vec<Vec<Span>> = list
        .map(|d| vec![Span::bold("Besluit: "), Span::plain(d.text.clone())])
        .collect();
    if !items.is_empty() {
        doc.blocks.push(Block::Bullets(items));
    }
}

fn action_items<'a>(doc: &mut Document, list: impl Iterator<Item = &'a ActionItem>) {
    let list: Vec<&ActionItem> = list.collect();
    if !list.is_empty() {
        doc.table(items_table(list.into_iter(), false));
    }
}

fn items_table<'a>(list: impl Iterator<Item = &'a ActionItem>, with_meeting: bool) -> Table {
    let mut table = if with_meeting {
        Table::new(&["Actiepunt", "Wie", "Vóór", "Uit overleg"]).widths(&[7, 3, 2, 4])
    } else {
        Table::new(&["Actiepunt", "Wie", "Vóór", "Status"]).widths(&[7, 3, 2, 2])
    };
    for i in list {
        let mut due = short_date(i.due);
        if i.overdue {
            due.push_str(" (te laat)");
        }
        let last = if with_meeting {
            format!("{} {}", i.meeting_title, short_date(i.meeting_date))
        } else {
            i.status.label().to_string()
        };
        table.row(vec![i.text.clone(), i.owner_name.clone(), due, last]);
    }
    table
}

pub(super) fn action_items_file_stem(created: NaiveDate) -> String {
    format!("Actiepunten {created}")
}
