//! The update round. Each partner's workbook ([`Book`]) is kept as it was
//! sent, on every laptop: a returned cell that differs from it is the
//! partner's change; a value in Wieg that differs from it was changed here
//! since. Both at once, to different values, is a conflict the coordinator
//! decides, field by field; by default Wieg's value stays.
//!
//! The workbook is XLSX: Excel and LibreOffice both open it with its lists
//! and protected columns (a partner who saves it as ODS sends it back just
//! as well). Rows are matched by the hidden id column, never by name, so a
//! renamed organisation or a person who moved is still the same row. A
//! person in the returned file counts as checked that day (the AVG check),
//! and the organisation as confirmed by itself.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use rust_xlsxwriter::{
    DataValidation, DocProperties, ExcelDateTime, Format, FormatBorder, Formula, ProtectionOptions,
    Workbook, Worksheet, XlsxError,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;
use uuid::Uuid;

use crate::changes::Writer;
use crate::error::{Error, Result, ValidationCode};
use crate::export::{self, dutch, ExportFile, ExportFormat};
use crate::import::{file_name, record_import, ImportRecord};
use crate::network::{
    create_contact_in, create_relation_in, update_contact_in, update_organisation_in,
    update_relation_in, CoalitionRole, Contact, ContactFilter, ContactInput, Domain, OrgKind,
    Organisation, OrganisationFilter, OrganisationInput, Relation, RelationInput, RelationKind,
    ORGANISATION,
};
use crate::plan::{
    add_note_in, set_rollout_in, update_action_in, Action, ActionFilter, ActionInput,
    ActionNoteInput, ActionStatus, Rollout, RolloutInput, RolloutStatus,
};
use crate::rows;
use crate::schema::{entity, FieldInfo, Link, Moment, Text, Vocabulary};
use crate::table::{read_table, Sheet};
use crate::time::iso;
use crate::vocabulary::{dutch_choice, fold};
use crate::workspace::Workspace;

entity! {
    /// An update round with the partners.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct UpdateRound in UPDATE_ROUND = "update_round", "update_rounds";
    input UpdateRoundInput => UpdateRoundChecked {}
    fields {
        title: String = Text<200> ["Naam van de ronde", "Name of the round"]
            required "geef de ronde een naam",
        started_on: Option<NaiveDate> = crate::schema::Date ["Gestart op", "Started on"],
        note: String = Text<2000> ["Toelichting", "Note"],
    }
    kept { created_at: DateTime<Utc> = Moment }
    extra {}
    hidden { deleted, deleted_seen }
}

entity! {
    /// One partner in a round: its workbook as sent, and its return.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct RoundPartner in ROUND_PARTNER = "round_partner", "round_partners";
    input RoundPartnerInput => RoundPartnerChecked {}
    fields {
        round: Uuid = Link ["Ronde", "Round"],
        organisation: Uuid = Link ["Organisatie", "Organisation"],
        file: String = Text<300> ["Bestand", "File"],
        /// The workbook as sent, as JSON.
        sent: String = Text<4_000_000> ["Verstuurd", "Sent"],
        returned_on: Option<NaiveDate> = crate::schema::Date ["Teruggekomen op", "Returned on"],
        /// What the return changed, in words.
        outcome: String = Text<500> ["Resultaat", "Outcome"],
    }
    kept {}
    extra {}
    hidden { deleted, deleted_seen }
}

const PARTNER_NAMESPACE: Uuid = Uuid::from_u128(0x5ee1_a2d0_0000_4000_8000_726f_756e_6470);

/// One row per round and organisation, on every laptop.
fn partner_id(round: Uuid, organisation: Uuid) -> Uuid {
    Uuid::new_v5(
        &PARTNER_NAMESPACE,
        format!("{round}/{organisation}").as_bytes(),
    )
}

/// Which partners a new round goes to.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct RoundStart {
    pub title: String,
    /// These organisations only; by default every organisation that has
    /// not left the coalition.
    pub organisations: Option<Vec<Uuid>>,
}

/// A round's workbooks, ready to be written (the database is not needed
/// for that).
#[derive(Debug, Clone)]
pub struct RoundFiles {
    pub round: Uuid,
    books: Vec<Book>,
}

/// Where a round stands.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RoundOverview {
    pub round: UpdateRound,
    pub partners: Vec<RoundPartnerStatus>,
    pub sent: u32,
    pub returned: u32,
    /// Still to answer.
    pub waiting: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct RoundPartnerStatus {
    pub organisation: Uuid,
    pub name: String,
    pub file: String,
    pub returned_on: Option<NaiveDate>,
    pub outcome: String,
}

/// "Bevestigd door Kraamzorg De Linde op 12 maart 2027".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Confirmation {
    pub by: String,
    pub on: NaiveDate,
    pub round: String,
}

dutch_choice!(
    /// What a returned row or field does.
    ReturnState {
        Nieuw = "nieuw" ["Nieuw", "New"],
        Gewijzigd = "gewijzigd" ["Gewijzigd", "Changed"],
        Ongewijzigd = "ongewijzigd" ["Ongewijzigd", "Unchanged"],
        /// Changed by the partner and in Wieg since the round started.
        Beide = "beide" ["Aan beide kanten gewijzigd", "Changed on both sides"],
        Fout = "fout" ["Fout", "Error"],
    }
);

/// What a returned workbook does, row by row and field by field.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RoundReturn {
    pub file: String,
    pub round: Uuid,
    pub round_title: String,
    pub organisation: Uuid,
    pub organisation_name: String,
    /// Rows that are new, changed, in conflict or wrong (unchanged ones are
    /// only counted).
    pub rows: Vec<ReturnRow>,
    pub new: u32,
    pub changed: u32,
    pub unchanged: u32,
    pub conflicts: u32,
    pub errors: u32,
    /// People in the file: checked by their organisation.
    pub confirmed: u32,
    /// Rows that were sent and are not in the file: left as they are.
    pub missing: Vec<String>,
    /// When this partner returned its workbook before, if it did.
    pub returned_before: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ReturnRow {
    pub sheet: String,
    /// The row as the spreadsheet program shows it.
    pub line: u32,
    pub label: String,
    pub state: ReturnState,
    /// The fields that are not unchanged.
    pub fields: Vec<ReturnField>,
    /// For a row that cannot be taken over: why.
    pub message: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ReturnField {
    /// Names this field in a choice for the partner's value.
    pub key: String,
    pub field: String,
    pub label: String,
    pub sent: String,
    pub partner: String,
    /// Wieg's value now.
    pub wieg: String,
    pub state: ReturnState,
    /// For a conflict: whether the partner's value is taken.
    pub taken: bool,
    pub message: String,
}

/// A return that was accepted: undo it as an import.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RoundAccepted {
    pub record: ImportRecord,
    pub result: RoundReturn,
}

// --- What a workbook holds ---------------------------------------------------

/// The sheets of a partner's workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Part {
    Organisatie,
    Contactpersonen,
    Acties,
    Uitrol,
    Verbindingen,
}

impl Part {
    const ALL: [Part; 5] = [
        Part::Organisatie,
        Part::Contactpersonen,
        Part::Acties,
        Part::Uitrol,
        Part::Verbindingen,
    ];

    fn sheet(self) -> &'static str {
        match self {
            Part::Organisatie => "Organisatie",
            Part::Contactpersonen => "Contactpersonen",
            Part::Acties => "Acties",
            Part::Uitrol => "Uitrol",
            Part::Verbindingen => "Verbindingen",
        }
    }

    /// Whether the partner may add rows.
    fn grows(self) -> bool {
        matches!(self, Part::Contactpersonen | Part::Verbindingen)
    }

    fn columns(self) -> Vec<Column> {
        use Cells::*;
        use Edit::*;
        let org = |key| field(Organisation::FIELDS, key);
        let contact = |key| field(Contact::FIELDS, key);
        let relation = |key| field(Relation::FIELDS, key);
        let rollout = |key| field(Rollout::FIELDS, key);
        let action = |key| field(Action::FIELDS, key);
        match self {
            Part::Organisatie => vec![
                org("name").cells(Text),
                org("kind").cells(Choice(words::<OrgKind>, false)),
                org("domain").cells(Choice(words::<Domain>, false)),
                org("website").cells(Text),
                org("phone").cells(Text),
                org("place").cells(Text),
            ],
            Part::Contactpersonen => vec![
                contact("name").cells(Text),
                contact("function").cells(Text),
                contact("email").cells(Text),
                contact("phone").cells(Text),
                contact("coalition_role").cells(Choice(words::<CoalitionRole>, true)),
                contact("active_from").cells(Date),
                contact("active_to").cells(Date),
            ],
            Part::Acties => vec![
                action("title").edit(Never).cells(LongText),
                Column::info("role", "Rol"),
                Column::info("latest", "Laatste voortgang").cells(LongText),
                action("status").cells(Choice(words::<ActionStatus>, false)),
                action("end_date").cells(Date),
                Column::info("progress", "Nieuwe voortgang")
                    .edit(Always)
                    .cells(LongText),
            ],
            Part::Uitrol => vec![
                Column::info("intervention", "Interventie"),
                Column::info("municipality", "Gemeente"),
                rollout("status").cells(Choice(words::<RolloutStatus>, false)),
                rollout("since").cells(Date),
                rollout("target_per_year").cells(Whole),
                rollout("actual_per_year").cells(Whole),
            ],
            Part::Verbindingen => vec![
                relation("to_org").edit(NewRows).cells(OrgName),
                relation("kind").cells(Choice(words::<RelationKind>, false)),
                relation("strength").cells(Strength),
                relation("start_date").cells(Date),
                relation("end_date").cells(Date),
                relation("note").cells(LongText),
            ],
        }
    }
}

/// Who may change a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    Never,
    Always,
    /// Only in a row the partner adds (the other end of a new relation).
    NewRows,
}

/// How a column's cells are written and read back.
#[derive(Debug, Clone, Copy)]
enum Cells {
    Text,
    /// Text that wraps.
    LongText,
    Date,
    /// A word of a vocabulary: its (code, Dutch label) pairs; may it be empty?
    Choice(fn() -> Vec<(&'static str, &'static str)>, bool),
    Whole,
    /// 1 to 5.
    Strength,
    /// An organisation of the coalition, by name.
    OrgName,
}

#[derive(Debug, Clone, Copy)]
struct Column {
    /// The input field it fills, or what it shows.
    key: &'static str,
    header: &'static str,
    cells: Cells,
    edit: Edit,
}

impl Column {
    fn info(key: &'static str, header: &'static str) -> Self {
        Column {
            key,
            header,
            cells: Cells::Text,
            edit: Edit::Never,
        }
    }

    fn cells(self, cells: Cells) -> Self {
        Column { cells, ..self }
    }

    fn edit(self, edit: Edit) -> Self {
        Column { edit, ..self }
    }

    fn editable(self, new_row: bool) -> bool {
        match self.edit {
            Edit::Always => true,
            Edit::NewRows => new_row,
            Edit::Never => false,
        }
    }
}

/// A field's column, headed as the forms call it.
fn field(fields: &'static [FieldInfo], key: &'static str) -> Column {
    let info = fields.iter().find(|f| f.name == key);
    debug_assert!(info.is_some(), "no field {key}");
    Column {
        key,
        header: info.map_or(key, |f| f.nl),
        cells: Cells::Text,
        edit: Edit::Always,
    }
}

fn words<T: Vocabulary>() -> Vec<(&'static str, &'static str)> {
    T::ALL.iter().map(|w| (w.code(), w.labels()[0])).collect()
}

/// A partner's workbook as sent: values as Wieg keeps them (codes, ISO
/// dates), per row and column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Book {
    round: Uuid,
    round_title: String,
    organisation: Uuid,
    name: String,
    coalition: String,
    made_on: NaiveDate,
    /// The coalition's organisations: the other end of a new relation.
    organisations: Vec<String>,
    parts: Vec<BookPart>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct BookPart {
    part: Part,
    rows: Vec<BookRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct BookRow {
    id: Uuid,
    values: BTreeMap<String, Value>,
}

impl Book {
    fn file_name(&self) -> String {
        export::file_name(
            &format!("Actualisatie {} - {}", self.round_title, self.name),
            ExportFormat::Xlsx,
        )
    }
}

/// A record's values by field name, as Wieg keeps them.
fn values_of(record: &impl Serialize) -> Result<BTreeMap<String, Value>> {
    match serde_json::to_value(record)? {
        Value::Object(map) => Ok(map.into_iter().collect()),
        _ => Ok(BTreeMap::new()),
    }
}

/// Only the columns of `part` (and what names the row).
fn row_of(part: Part, id: Uuid, all: &BTreeMap<String, Value>) -> BookRow {
    let values = part
        .columns()
        .iter()
        .filter_map(|c| all.get(c.key).map(|v| (c.key.to_string(), v.clone())))
        .collect();
    BookRow { id, values }
}

impl Workspace {
    /// What Wieg holds about one partner, as its workbook shows it.
    fn book(
        &self,
        round: Uuid,
        round_title: &str,
        organisation: &Organisation,
        names: &HashMap<Uuid, String>,
        rollouts: &[Rollout],
        places: &(HashMap<Uuid, String>, HashMap<Uuid, String>),
    ) -> Result<Book> {
        let org = organisation.id;
        let mut parts = Vec::new();
        let all = values_of(organisation)?;
        parts.push(BookPart {
            part: Part::Organisatie,
            rows: vec![row_of(Part::Organisatie, org, &all)],
        });
        let contacts = self.list_contacts(&ContactFilter {
            organisation: Some(org),
            ..Default::default()
        })?;
        let mut rows = Vec::new();
        for c in &contacts {
            rows.push(row_of(Part::Contactpersonen, c.id, &values_of(c)?));
        }
        parts.push(BookPart {
            part: Part::Contactpersonen,
            rows,
        });
        let actions = self.list_actions(&ActionFilter {
            plan: self.current_plan()?.map(|p| p.id),
            organisation: Some(org),
            ..Default::default()
        })?;
        let mut rows = Vec::new();
        for a in actions.iter().filter(|a| !a.status.is_closed()) {
            let mut all = values_of(a)?;
            let role = if a.owner == Some(org) {
                "Kartrekker"
            } else {
                "Partner"
            };
            all.insert("role".into(), role.into());
            let latest = a.notes.first().map_or(String::new(), |n| {
                format!("{}: {}", dutch::short_date(n.date), n.text)
            });
            all.insert("latest".into(), latest.into());
            all.insert("progress".into(), "".into());
            rows.push(row_of(Part::Acties, a.id, &all));
        }
        parts.push(BookPart {
            part: Part::Acties,
            rows,
        });
        let (municipalities, interventions) = places;
        let mut rows = Vec::new();
        for r in rollouts.iter().filter(|r| r.provider == Some(org)) {
            let mut all = values_of(r)?;
            let name = |map: &HashMap<Uuid, String>, id| map.get(&id).cloned().unwrap_or_default();
            all.insert(
                "intervention".into(),
                name(interventions, r.intervention).into(),
            );
            all.insert(
                "municipality".into(),
                name(municipalities, r.municipality).into(),
            );
            rows.push(row_of(Part::Uitrol, r.id, &all));
        }
        parts.push(BookPart {
            part: Part::Uitrol,
            rows,
        });
        let mut rows = Vec::new();
        for r in self.list_relations(Some(org))? {
            let mut all = values_of(&r)?;
            let other = if r.from_org == org {
                r.to_org
            } else {
                r.from_org
            };
            all.insert(
                "to_org".into(),
                names.get(&other).cloned().unwrap_or_default().into(),
            );
            rows.push(row_of(Part::Verbindingen, r.id, &all));
        }
        parts.push(BookPart {
            part: Part::Verbindingen,
            rows,
        });
        let mut organisations: Vec<String> = names
            .iter()
            .filter(|(id, _)| **id != org)
            .map(|(_, n)| n.clone())
            .collect();
        organisations.sort_by_key(|n| fold(n));
        Ok(Book {
            round,
            round_title: round_title.to_string(),
            organisation: org,
            name: organisation.name.clone(),
            coalition: self.require_coalition()?.name,
            made_on: self.today(),
            organisations,
            parts,
        })
    }

    /// Start a round: one workbook per partner, kept as sent. The files
    /// are written with [`RoundFiles::write_to`].
    pub fn start_round(&mut self, start: &RoundStart) -> Result<RoundFiles> {
        self.require_coalition()?;
        let checked = UpdateRoundInput {
            title: Some(start.title.clone()),
            started_on: Some(self.today().to_string()),
            note: None,
        }
        .check(true)?;
        let living = self.list_organisations(&OrganisationFilter::default())?;
        let names: HashMap<Uuid, String> = living.iter().map(|o| (o.id, o.name.clone())).collect();
        let chosen: Vec<&Organisation> = match &start.organisations {
            Some(ids) => {
                let mut chosen = Vec::new();
                for id in ids {
                    chosen.push(living.iter().find(|o| o.id == *id).ok_or(Error::NotFound {
                        what: "organisatie",
                        id: id.to_string(),
                    })?);
                }
                chosen
            }
            None => living.iter().filter(|o| o.left_on.is_none()).collect(),
        };
        if chosen.is_empty() {
            return Err(Error::validation(
                "organisations",
                ValidationCode::Required,
                "kies ten minste één organisatie voor de ronde",
            ));
        }
        let matrix = self.rollout_matrix()?;
        let places = (
            matrix
                .municipalities
                .iter()
                .map(|m| (m.id, m.name.clone()))
                .collect(),
            matrix
                .interventions
                .iter()
                .map(|i| (i.id, i.name.clone()))
                .collect(),
        );
        let round = Uuid::now_v7();
        let title = checked.title.clone().unwrap_or_default();
        let mut books = Vec::new();
        for org in chosen {
            books.push(self.book(round, &title, org, &names, &matrix.cells, &places)?);
        }
        self.write(|w| {
            checked.write(w, round)?;
            w.set(&UPDATE_ROUND, round, "created_at", iso(w.now()))?;
            w.set(&UPDATE_ROUND, round, "deleted", false)?;
            for book in &books {
                let id = partner_id(round, book.organisation);
                RoundPartnerInput {
                    round: Some(round),
                    organisation: Some(book.organisation),
                    file: Some(book.file_name()),
                    sent: Some(serde_json::to_string(book)?),
                    returned_on: None,
                    outcome: None,
                }
                .check(true)?
                .write(w, id)?;
                w.set(&ROUND_PARTNER, id, "deleted", false)?;
            }
            Ok(())
        })?;
        Ok(RoundFiles { round, books })
    }

    /// A round's workbooks again, as they were sent (to write them into
    /// another folder, or once more).
    pub fn round_files(&self, round: Uuid) -> Result<RoundFiles> {
        let books = self
            .round_partners(round)?
            .iter()
            .map(|p| Ok(serde_json::from_str(&p.sent)?))
            .collect::<Result<Vec<Book>>>()?;
        Ok(RoundFiles { round, books })
    }

    fn round(&self, id: Uuid) -> Result<UpdateRound> {
        rows::by_id(
            self.conn(),
            UpdateRound::SELECT,
            id,
            "ronde",
            UpdateRound::read,
        )
    }

    fn round_partners(&self, round: Uuid) -> Result<Vec<RoundPartner>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE round = ?1 AND deleted = 0",
            RoundPartner::SELECT
        ))?;
        let partners = stmt
            .query_map([round.to_string()], RoundPartner::read)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(partners)
    }

    /// The rounds, newest first.
    pub fn list_rounds(&self) -> Result<Vec<RoundOverview>> {
        let ids: Vec<Uuid> = self
            .conn()
            .prepare_cached(
                "SELECT id FROM update_rounds WHERE deleted = 0 AND created_at != '' \
                 ORDER BY created_at DESC",
            )?
            .query_map([], |r| rows::uuid(r, 0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter().map(|id| self.round_overview(id)).collect()
    }

    /// Sent to whom, returned by whom, with what result; who still has to
    /// answer.
    pub fn round_overview(&self, id: Uuid) -> Result<RoundOverview> {
        let round = self.round(id)?;
        let names: HashMap<Uuid, String> = self
            .list_organisations(&OrganisationFilter {
                include_deleted: Some(true),
                ..Default::default()
            })?
            .into_iter()
            .map(|o| (o.id, o.name))
            .collect();
        let mut partners: Vec<RoundPartnerStatus> = self
            .round_partners(id)?
            .into_iter()
            .map(|p| RoundPartnerStatus {
                organisation: p.organisation,
                name: names.get(&p.organisation).cloned().unwrap_or_default(),
                file: p.file,
                returned_on: p.returned_on,
                outcome: p.outcome,
            })
            .collect();
        partners.sort_by_key(|p| (p.returned_on.is_some(), fold(&p.name)));
        let sent = partners.len() as u32;
        let returned = partners.iter().filter(|p| p.returned_on.is_some()).count() as u32;
        Ok(RoundOverview {
            round,
            partners,
            sent,
            returned,
            waiting: sent - returned,
        })
    }

    /// When an organisation last confirmed its data in a round.
    pub fn confirmation(&self, organisation: Uuid) -> Result<Option<Confirmation>> {
        let found: Option<(String, String)> =
            rusqlite::OptionalExtension::optional(self.conn().query_row(
                "SELECT p.returned_on, r.title FROM round_partners p \
                 JOIN update_rounds r ON r.id = p.round \
                 WHERE p.organisation = ?1 AND p.deleted = 0 AND r.deleted = 0 \
                 AND p.returned_on IS NOT NULL AND p.returned_on != '' \
                 ORDER BY p.returned_on DESC LIMIT 1",
                [organisation.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            ))?;
        let Some((on, round)) = found else {
            return Ok(None);
        };
        let Ok(on) = on.parse() else {
            return Ok(None);
        };
        let by = self.organisation(organisation)?.name;
        Ok(Some(Confirmation { by, on, round }))
    }

    /// What accepting a returned workbook would do; nothing is written.
    pub fn preview_round_return(&mut self, path: &Path) -> Result<RoundReturn> {
        let (book, returned, before) = self.returned(path)?;
        let today = self.today();
        self.trial(|w| run_return(w, &book, &returned, &HashSet::new(), before, today))
    }

    /// Take a returned workbook over: every change that is the partner's
    /// alone, the conflicts named in `take_partner` (their [`ReturnField::key`]),
    /// new people and relations; rows with an error are left out. One
    /// transaction, recorded as an import so it can be undone as a whole.
    pub fn accept_round_return(
        &mut self,
        path: &Path,
        take_partner: &[String],
    ) -> Result<RoundAccepted> {
        let (book, returned, before) = self.returned(path)?;
        let today = self.today();
        let take: HashSet<String> = take_partner.iter().cloned().collect();
        self.write(|w| {
            let result = run_return(w, &book, &returned, &take, before, today)?;
            let taken = result
                .rows
                .iter()
                .flat_map(|r| &r.fields)
                .filter(|f| f.taken)
                .count() as u32;
            let record = record_import(w, &result.file, result.new, result.changed + taken)?;
            Ok(RoundAccepted { record, result })
        })
    }

    /// The workbook at `path`, the book it was sent as, and when it came
    /// back before.
    fn returned(&self, path: &Path) -> Result<(Book, Returned, Option<NaiveDate>)> {
        self.require_coalition()?;
        let sheets = read_table(path)?;
        let returned = Returned::read(&file_name(path), &sheets)?;
        let partner: Option<RoundPartner> =
            rusqlite::OptionalExtension::optional(self.conn().query_row(
                &format!("{} WHERE id = ?1 AND deleted = 0", RoundPartner::SELECT),
                [partner_id(returned.round, returned.organisation).to_string()],
                RoundPartner::read,
            ))?;
        let partner = partner.ok_or_else(|| {
            Error::InvalidInput(format!(
                "{} hoort bij een actualisatieronde die Wieg hier niet kent (nog niet gesynchroniseerd, of verwijderd)",
                returned.file
            ))
        })?;
        let book: Book = serde_json::from_str(&partner.sent)?;
        Ok((book, returned, partner.returned_on))
    }
}

impl RoundFiles {
    /// Every workbook, rendered.
    pub fn render(&self) -> Result<Vec<ExportFile>> {
        self.books
            .iter()
            .map(|book| {
                Ok(ExportFile {
                    file_name: book.file_name(),
                    bytes: workbook(book)?,
                })
            })
            .collect()
    }

    /// Write every workbook into `dir` (made if needed); the paths written.
    pub fn write_to(&self, dir: &Path) -> Result<Vec<PathBuf>> {
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
        self.render()?
            .iter()
            .map(|file| export::save(file, dir))
            .collect()
    }
}

// --- The workbook ------------------------------------------------------------

/// The instruction sheet; `# ` starts a heading.
const INSTRUCTION: &[&str] = &[
    "# Wat is dit?",
    "De coalitie Kansrijke Start houdt bij wie er bij uw organisatie betrokken is en wat u doet. Wilt u controleren of dit klopt, en aanvullen wat ontbreekt?",
    "",
    "# Hoe werkt het?",
    "1. Kijk elk tabblad na: Organisatie, Contactpersonen, Acties, Uitrol en Verbindingen.",
    "2. Wijzig alleen de gele cellen. Grijze cellen en verborgen kolommen zijn beveiligd: daarmee vindt Wieg de regels terug.",
    "3. Nieuwe contactpersoon of verbinding? Vul een lege gele regel onderaan in.",
    "4. Werkt iemand niet meer bij u? Vul 'Actief tot' in; haal de regel niet weg.",
    "5. Voortgang van een actie? Schrijf die in de kolom 'Nieuwe voortgang'.",
    "6. Kies bij keuzevelden een waarde uit de lijst. Datums als 12-03-2027.",
    "7. Sla het bestand op (de naam mag blijven) en stuur het terug naar de coördinator.",
    "",
    "# Wat gebeurt ermee?",
    "De coördinator ziet per veld wat u wijzigde en neemt het over. Uw gegevens worden alleen gebruikt voor de samenwerking in de coalitie (AVG).",
];

/// The sheet that says which round and partner a file belongs to.
const ID_SHEET: &str = "Wieg";
const LISTS_SHEET: &str = "Lijsten";
/// Empty rows a partner can fill in where rows may be added.
const ROOM: u32 = 20;

fn xlsx_error(e: XlsxError) -> Error {
    Error::InvalidInput(format!("Excel-bestand: {e}"))
}

fn workbook(book: &Book) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let made = ExcelDateTime::from_ymd(
        book.made_on.year() as u16,
        book.made_on.month() as u8,
        book.made_on.day() as u8,
    )
    .map_err(xlsx_error)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("{} - {}", book.round_title, book.name))
            .set_author(&book.coalition)
            .set_creation_datetime(&made),
    );
    let wrap = Format::new().set_text_wrap();
    let bold = Format::new().set_bold();
    let sheet = wb.add_worksheet();
    sheet.set_name("Toelichting").map_err(xlsx_error)?;
    sheet.set_column_width(0, 100).map_err(xlsx_error)?;
    sheet
        .write_string_with_format(0, 0, format!("{} — {}", book.round_title, book.name), &bold)
        .map_err(xlsx_error)?;
    for (i, line) in INSTRUCTION.iter().enumerate() {
        let (line, format) = match line.strip_prefix("# ") {
            Some(heading) => (heading, &bold),
            None => (*line, &wrap),
        };
        sheet
            .write_string_with_format(i as u32 + 2, 0, line, format)
            .map_err(xlsx_error)?;
    }
    sheet.protect();

    // Lists for the fields with fixed values, on a hidden sheet: a list
    // typed into the validation itself may not exceed 255 characters.
    let mut lists: Vec<(String, Vec<String>)> = Vec::new();
    let mut list_of = |key: String, items: Vec<String>| -> String {
        let column = match lists.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                lists.push((key, items.clone()));
                lists.len() - 1
            }
        };
        let len = lists[column].1.len().max(1);
        let letter = column_letter(column as u16);
        format!("='{LISTS_SHEET}'!${letter}$2:${letter}${}", len + 1)
    };
    let mut sheets: Vec<(Part, Vec<(u16, String)>)> = Vec::new();
    for part in &book.parts {
        let mut validations = Vec::new();
        for (i, column) in part.part.columns().iter().enumerate() {
            let items: Option<(String, Vec<String>)> = match column.cells {
                Cells::Choice(words, optional) => Some((
                    column.key.to_string() + part.part.sheet(),
                    words()
                        .into_iter()
                        .map(|(_, l)| l.to_string())
                        .chain(optional.then(String::new))
                        .filter(|l| !l.is_empty())
                        .collect(),
                )),
                Cells::Strength => {
                    Some(("strength".into(), (1..=5).map(|n| n.to_string()).collect()))
                }
                Cells::OrgName => Some(("organisations".into(), book.organisations.clone())),
                _ => None,
            };
            if let Some((key, items)) = items {
                validations.push((i as u16 + 1, list_of(key, items)));
            }
        }
        sheets.push((part.part, validations));
    }

    let locked = Format::new()
        .set_locked()
        .set_background_color(0xEEEEEE)
        .set_text_wrap();
    let header = Format::new()
        .set_bold()
        .set_locked()
        .set_background_color(0xD9E1F2)
        .set_border_bottom(FormatBorder::Thin);
    let open = Format::new()
        .set_unlocked()
        .set_background_color(0xFFF2CC)
        .set_num_format("@");
    let open_wrap = open.clone().set_text_wrap();
    let open_date = Format::new()
        .set_unlocked()
        .set_background_color(0xFFF2CC)
        .set_num_format("dd-mm-yyyy");
    let open_number = Format::new().set_unlocked().set_background_color(0xFFF2CC);
    let locked_date = locked.clone().set_num_format("dd-mm-yyyy");
    for (part, validations) in &sheets {
        let Some(rows) = book.parts.iter().find(|p| p.part == *part) else {
            continue;
        };
        let columns = part.columns();
        let ws = wb.add_worksheet();
        ws.set_name(part.sheet()).map_err(xlsx_error)?;
        ws.write_string_with_format(0, 0, "Id", &header)
            .map_err(xlsx_error)?;
        ws.set_column_hidden(0).map_err(xlsx_error)?;
        for (i, column) in columns.iter().enumerate() {
            let c = i as u16 + 1;
            ws.write_string_with_format(0, c, column.header, &header)
                .map_err(xlsx_error)?;
            let width = match column.cells {
                Cells::LongText => 50.0,
                Cells::Date | Cells::Whole | Cells::Strength => 14.0,
                _ => 26.0,
            };
            ws.set_column_width(c, width).map_err(xlsx_error)?;
        }
        let last = rows.rows.len() as u32 + if part.grows() { ROOM } else { 0 };
        for (r, row) in rows.rows.iter().enumerate() {
            let r = r as u32 + 1;
            ws.write_string_with_format(r, 0, row.id.to_string(), &locked)
                .map_err(xlsx_error)?;
            for (i, column) in columns.iter().enumerate() {
                let c = i as u16 + 1;
                let value = row.values.get(column.key).unwrap_or(&Value::Null);
                let edit = column.editable(false);
                write_cell(
                    ws,
                    r,
                    c,
                    column.cells,
                    value,
                    match (edit, column.cells) {
                        (true, Cells::Date) => &open_date,
                        (true, Cells::Whole | Cells::Strength) => &open_number,
                        (true, Cells::LongText) => &open_wrap,
                        (true, _) => &open,
                        (false, Cells::Date) => &locked_date,
                        (false, _) => &locked,
                    },
                )?;
            }
        }
        // Room for new rows: open cells (the id stays empty and locked).
        for r in rows.rows.len() as u32 + 1..=last {
            for (i, column) in columns.iter().enumerate() {
                let format = match column.cells {
                    Cells::Date => &open_date,
                    Cells::Whole | Cells::Strength => &open_number,
                    Cells::LongText => &open_wrap,
                    _ => &open,
                };
                ws.write_blank(r, i as u16 + 1, format)
                    .map_err(xlsx_error)?;
            }
        }
        if last > 0 {
            for (c, formula) in validations {
                let validation = DataValidation::new()
                    .allow_list_formula(Formula::new(formula))
                    .set_error_title("Kies uit de lijst")
                    .map_err(xlsx_error)?
                    .set_error_message("Kies een waarde uit de lijst.")
                    .map_err(xlsx_error)?;
                ws.add_data_validation(1, *c, last, *c, &validation)
                    .map_err(xlsx_error)?;
            }
        }
        ws.set_freeze_panes(1, 0).map_err(xlsx_error)?;
        // Printed, a sheet is one page wide.
        ws.set_landscape();
        ws.set_paper_size(9);
        ws.set_print_fit_to_pages(1, 0);
        ws.protect_with_options(&ProtectionOptions {
            format_columns: true,
            format_rows: true,
            ..ProtectionOptions::default()
        });
    }

    let ws = wb.add_worksheet();
    ws.set_name(LISTS_SHEET).map_err(xlsx_error)?;
    for (c, (_, items)) in lists.iter().enumerate() {
        ws.write_string(0, c as u16, "Lijst").map_err(xlsx_error)?;
        for (r, item) in items.iter().enumerate() {
            ws.write_string(r as u32 + 1, c as u16, item)
                .map_err(xlsx_error)?;
        }
    }
    ws.set_hidden(true);
    ws.protect();

    let ws = wb.add_worksheet();
    ws.set_name(ID_SHEET).map_err(xlsx_error)?;
    for (c, (label, value)) in [
        ("Ronde", book.round.to_string()),
        ("Organisatie", book.organisation.to_string()),
        ("Versie", "1".to_string()),
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(0, c as u16, *label).map_err(xlsx_error)?;
        ws.write_string(1, c as u16, value).map_err(xlsx_error)?;
    }
    ws.set_hidden(true);
    ws.protect();
    wb.save_to_buffer().map_err(xlsx_error)
}

/// `A`, `B`, …, `Z`, `AA`: a column as Excel names it.
fn column_letter(mut column: u16) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push((b'A' + (column % 26) as u8) as char);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.iter().rev().collect()
}

fn write_cell(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    cells: Cells,
    value: &Value,
    format: &Format,
) -> Result<()> {
    let date = |v: &Value| v.as_str().and_then(|s| s.parse::<NaiveDate>().ok());
    match (cells, value) {
        (Cells::Date, v) if date(v).is_some() => {
            let d = date(v).unwrap_or_default();
            let when = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
                .map_err(xlsx_error)?;
            ws.write_datetime_with_format(r, c, &when, format)
                .map_err(xlsx_error)?;
        }
        (Cells::Whole | Cells::Strength, Value::Number(n)) => {
            ws.write_number_with_format(r, c, n.as_f64().unwrap_or_default(), format)
                .map_err(xlsx_error)?;
        }
        (_, Value::Null) => {
            ws.write_blank(r, c, format).map_err(xlsx_error)?;
        }
        (cells, v) => {
            let text = shown(cells, v);
            if text.is_empty() {
                ws.write_blank(r, c, format).map_err(xlsx_error)?;
            } else {
                ws.write_string_with_format(r, c, text, format)
                    .map_err(xlsx_error)?;
            }
        }
    }
    Ok(())
}

/// A value as a person reads it: a choice's Dutch word, a Dutch date.
fn shown(cells: Cells, value: &Value) -> String {
    match (cells, value) {
        (_, Value::Null) => String::new(),
        (Cells::Choice(words, _), Value::String(code)) => words()
            .into_iter()
            .find(|(c, _)| c == code)
            .map_or_else(|| code.clone(), |(_, label)| label.to_string()),
        (Cells::Date, Value::String(d)) => d
            .parse::<NaiveDate>()
            .map_or_else(|_| d.clone(), |d| dutch::short_date(Some(d))),
        (_, Value::String(s)) => s.clone(),
        (_, other) => other.to_string(),
    }
}

/// A cell as Wieg keeps the value, or why it cannot be.
fn parsed(
    cells: Cells,
    text: &str,
    organisations: &[String],
) -> std::result::Result<Value, String> {
    let text = text.trim();
    match cells {
        Cells::Text | Cells::LongText => Ok(Value::from(text)),
        _ if text.is_empty() => match cells {
            Cells::Choice(_, false) => Err("kies een waarde uit de lijst".into()),
            Cells::Strength => Err("kies een sterkte van 1 tot en met 5".into()),
            _ => Ok(Value::Null),
        },
        Cells::Date => crate::validate::date("date", text)
            .map(|d| Value::from(d.to_string()))
            .map_err(|e| e.to_string()),
        Cells::Choice(words, _) => {
            let wanted = fold(text);
            words()
                .into_iter()
                .find(|(code, label)| fold(code) == wanted || fold(label) == wanted)
                .map(|(code, _)| Value::from(code))
                .ok_or_else(|| format!("{text:?} staat niet in de lijst"))
        }
        Cells::Whole => text
            .parse::<u32>()
            .map(Value::from)
            .map_err(|_| format!("{text:?} is geen heel getal")),
        Cells::Strength => match text.parse::<u8>() {
            Ok(n @ 1..=5) => Ok(Value::from(n)),
            _ => Err(format!("de sterkte is 1 tot en met 5, niet {text:?}")),
        },
        Cells::OrgName => organisations
            .iter()
            .find(|o| fold(o) == fold(text))
            .map(|o| Value::from(o.as_str()))
            .ok_or_else(|| format!("organisatie {text:?} is niet bekend in de coalitie")),
    }
}

// --- Reading a return --------------------------------------------------------

/// A returned workbook: its rows per part, cells by column key.
struct Returned {
    file: String,
    round: Uuid,
    organisation: Uuid,
    parts: HashMap<Part, Vec<ReturnedRow>>,
}

struct ReturnedRow {
    line: u32,
    id: Option<Uuid>,
    cells: HashMap<&'static str, String>,
}

impl Returned {
    fn read(file: &str, sheets: &[Sheet]) -> Result<Self> {
        let not_ours = || {
            Error::InvalidInput(format!(
                "{file} komt niet uit een actualisatieronde van Wieg (het verborgen blad \"{ID_SHEET}\" ontbreekt)"
            ))
        };
        let ids = sheets
            .iter()
            .find(|s| s.name == ID_SHEET)
            .ok_or_else(not_ours)?;
        let first = ids.rows.first().ok_or_else(not_ours)?;
        let id_at = |name: &str| {
            ids.headers
                .iter()
                .position(|h| h == name)
                .and_then(|i| Uuid::try_parse(first.cell(i)).ok())
                .ok_or_else(not_ours)
        };
        let round = id_at("Ronde")?;
        let organisation = id_at("Organisatie")?;
        let mut parts = HashMap::new();
        for part in Part::ALL {
            let Some(sheet) = sheets.iter().find(|s| s.name == part.sheet()) else {
                return Err(Error::InvalidInput(format!(
                    "in {file} ontbreekt het blad \"{}\"",
                    part.sheet()
                )));
            };
            let mut at = HashMap::new();
            for column in part.columns() {
                let i = sheet
                    .headers
                    .iter()
                    .position(|h| fold(h) == fold(column.header))
                    .ok_or_else(|| {
                        Error::InvalidInput(format!(
                            "in {file}, blad \"{}\", ontbreekt de kolom \"{}\"",
                            part.sheet(),
                            column.header
                        ))
                    })?;
                at.insert(column.key, i);
            }
            let id_column = sheet.headers.iter().position(|h| h == "Id");
            let rows = sheet
                .rows
                .iter()
                .map(|row| ReturnedRow {
                    line: row.line as u32,
                    id: id_column.and_then(|i| Uuid::try_parse(row.cell(i)).ok()),
                    cells: at
                        .iter()
                        .map(|(key, i)| (*key, row.cell(*i).to_string()))
                        .collect(),
                })
                .collect();
            parts.insert(part, rows);
        }
        Ok(Returned {
            file: file.to_string(),
            round,
            organisation,
            parts,
        })
    }
}

/// Wieg's values now for a row of `part`, or None when it is gone.
fn current(w: &Writer, part: Part, id: Uuid) -> Result<Option<BTreeMap<String, Value>>> {
    fn living<T: Serialize>(
        w: &Writer,
        select: &str,
        condition: &str,
        id: Uuid,
        read: fn(&rusqlite::Row) -> rusqlite::Result<T>,
    ) -> Result<Option<BTreeMap<String, Value>>> {
        let found = rusqlite::OptionalExtension::optional(
            w.conn()
                .prepare_cached(&format!("{select} WHERE {condition} AND id = ?1"))?
                .query_row([id.to_string()], read),
        )?;
        found.map(|record| values_of(&record)).transpose()
    }
    let network = |spec| crate::schema::living(spec);
    match part {
        Part::Organisatie => living(
            w,
            Organisation::SELECT,
            network(&ORGANISATION),
            id,
            Organisation::read,
        ),
        Part::Contactpersonen => living(
            w,
            Contact::SELECT,
            network(&crate::network::CONTACT),
            id,
            Contact::read,
        ),
        Part::Acties => living(w, Action::SELECT, "deleted = 0", id, Action::read),
        Part::Uitrol => living(w, Rollout::SELECT, "deleted = 0", id, Rollout::read),
        Part::Verbindingen => living(
            w,
            Relation::SELECT,
            network(&crate::network::RELATION),
            id,
            Relation::read,
        ),
    }
}

/// The input a form would send for these values (codes, ISO dates; an
/// empty text clears a date or a choice).
fn input_of(columns: &[Column], values: &BTreeMap<&'static str, Value>) -> Map<String, Value> {
    values
        .iter()
        .map(|(key, value)| {
            let cells = columns.iter().find(|c| c.key == *key).map(|c| c.cells);
            let value = match (cells, value) {
                (Some(Cells::Date | Cells::Choice(..)), Value::Null) => Value::from(""),
                _ => value.clone(),
            };
            (key.to_string(), value)
        })
        .collect()
}

/// Write one row of a return; `values` are the fields taken over.
fn apply(
    w: &mut Writer,
    book: &Book,
    part: Part,
    id: Option<Uuid>,
    values: &BTreeMap<&'static str, Value>,
    today: NaiveDate,
    names: &HashMap<String, Uuid>,
) -> Result<()> {
    let columns = part.columns();
    let mut input = input_of(&columns, values);
    let progress = input.remove("progress");
    let other = input.remove("to_org");
    let org = book.organisation;
    match (part, id) {
        (Part::Organisatie, Some(id)) => update_organisation_in(
            w,
            id,
            &serde_json::from_value::<OrganisationInput>(input.into())?,
        ),
        (Part::Contactpersonen, Some(id)) => {
            input.insert("last_checked".into(), today.to_string().into());
            update_contact_in(
                w,
                id,
                &serde_json::from_value::<ContactInput>(input.into())?,
            )
        }
        (Part::Contactpersonen, None) => {
            input.insert("organisation".into(), org.to_string().into());
            input.insert("last_checked".into(), today.to_string().into());
            create_contact_in(w, &serde_json::from_value::<ContactInput>(input.into())?).map(drop)
        }
        (Part::Acties, Some(id)) => {
            if !input.is_empty() {
                update_action_in(
                    w,
                    id,
                    &serde_json::from_value::<ActionInput>(input.into())?,
                    today,
                )?;
            }
            match progress.as_ref().and_then(Value::as_str) {
                Some(text) if !text.is_empty() => add_note_in(
                    w,
                    &ActionNoteInput {
                        action: Some(id),
                        date: Some(today.to_string()),
                        text: Some(format!("{text} (via {})", book.name)),
                    },
                )
                .map(drop),
                _ => Ok(()),
            }
        }
        (Part::Uitrol, Some(id)) => {
            let (municipality, intervention): (String, String) = w.conn().query_row(
                "SELECT municipality, intervention FROM rollouts WHERE id = ?1",
                [id.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let uuid = |s: &str| Uuid::try_parse(s).unwrap_or_default();
            set_rollout_in(
                w,
                uuid(&municipality),
                uuid(&intervention),
                &serde_json::from_value::<RolloutInput>(input.into())?,
            )
        }
        (Part::Verbindingen, Some(id)) => update_relation_in(
            w,
            id,
            &serde_json::from_value::<RelationInput>(input.into())?,
        ),
        (Part::Verbindingen, None) => {
            let other = other
                .as_ref()
                .and_then(Value::as_str)
                .and_then(|name| names.get(&fold(name)))
                .copied()
                .ok_or_else(|| {
                    Error::validation(
                        "to_org",
                        ValidationCode::Required,
                        "kies de organisatie waarmee u samenwerkt",
                    )
                })?;
            input.insert("from_org".into(), org.to_string().into());
            input.insert("to_org".into(), other.to_string().into());
            create_relation_in(w, &serde_json::from_value::<RelationInput>(input.into())?).map(drop)
        }
        (_, None) => Err(Error::InvalidInput(format!(
            "op het blad \"{}\" kunnen geen regels worden toegevoegd",
            part.sheet()
        ))),
    }
}

/// The person or relation a new row names that Wieg has already: a
/// colleague at this partner by e-mail address or name, a relation with
/// the organisation named.
fn already_there(
    w: &Writer,
    book: &Book,
    part: Part,
    row: &ReturnedRow,
    names: &HashMap<String, Uuid>,
) -> Result<Option<Uuid>> {
    let cell = |key: &str| row.cells.get(key).map_or("", |c| c.trim());
    let org = book.organisation.to_string();
    match part {
        Part::Contactpersonen => {
            let people: Vec<(Uuid, String, String)> = w
                .conn()
                .prepare_cached(&format!(
                    "SELECT id, name, email FROM contacts WHERE organisation = ?1 AND {}",
                    crate::schema::living(&crate::network::CONTACT)
                ))?
                .query_map([&org], |r| Ok((rows::uuid(r, 0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let (name, email) = (fold(cell("name")), fold(cell("email")));
            Ok(people
                .iter()
                .find(|(_, _, e)| !email.is_empty() && fold(e) == email)
                .or_else(|| {
                    people
                        .iter()
                        .find(|(_, n, _)| !name.is_empty() && fold(n) == name)
                })
                .map(|(id, ..)| *id))
        }
        Part::Verbindingen => {
            let Some(other) = names.get(&fold(cell("to_org"))) else {
                return Ok(None);
            };
            Ok(rusqlite::OptionalExtension::optional(w.conn().query_row(
                &format!(
                    "SELECT id FROM relations WHERE {} AND ((from_org = ?1 AND to_org = ?2) \
                         OR (from_org = ?2 AND to_org = ?1)) ORDER BY id LIMIT 1",
                    crate::schema::living(&crate::network::RELATION)
                ),
                [&org, &other.to_string()],
                |r| rows::uuid(r, 0),
            ))?)
        }
        _ => Ok(None),
    }
}

/// Compare a return with what was sent and what Wieg holds now, and write
/// what is taken over (the caller commits or rolls back).
fn run_return(
    w: &mut Writer,
    book: &Book,
    returned: &Returned,
    take: &HashSet<String>,
    returned_before: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<RoundReturn> {
    let names: HashMap<String, Uuid> = w
        .conn()
        .prepare(&format!(
            "SELECT id, name FROM organisations WHERE {}",
            crate::schema::living(&ORGANISATION)
        ))?
        .query_map([], |r| Ok((r.get::<_, String>(1)?, rows::uuid(r, 0)?)))?
        .map(|r| r.map(|(name, id)| (fold(&name), id)))
        .collect::<rusqlite::Result<_>>()?;
    let mut result = RoundReturn {
        file: returned.file.clone(),
        round: book.round,
        round_title: book.round_title.clone(),
        organisation: book.organisation,
        organisation_name: book.name.clone(),
        rows: Vec::new(),
        new: 0,
        changed: 0,
        unchanged: 0,
        conflicts: 0,
        errors: 0,
        confirmed: 0,
        missing: Vec::new(),
        returned_before,
    };
    let no_rows = Vec::new();
    for sent in &book.parts {
        let part = sent.part;
        let columns = part.columns();
        let label_key = columns[0].key;
        let back = returned.parts.get(&part).unwrap_or(&no_rows);
        let mut seen = HashSet::new();
        for row in back {
            let new_row = row.id.is_none();
            let label = row.cells.get(label_key).cloned().unwrap_or_default();
            let mut out = ReturnRow {
                sheet: part.sheet().to_string(),
                line: row.line,
                label: label.clone(),
                state: ReturnState::Ongewijzigd,
                fields: Vec::new(),
                message: String::new(),
            };
            let sent_row = match row.id {
                Some(id) => match sent.rows.iter().find(|r| r.id == id) {
                    Some(r) if seen.insert(id) => Some(r),
                    Some(_) => {
                        out.state = ReturnState::Fout;
                        out.message = "deze regel staat twee keer in het bestand".into();
                        result.errors += 1;
                        result.rows.push(out);
                        continue;
                    }
                    None => {
                        out.state = ReturnState::Fout;
                        out.message =
                            "deze regel hoort niet bij dit bestand; hij is overgeslagen".into();
                        result.errors += 1;
                        result.rows.push(out);
                        continue;
                    }
                },
                None => None,
            };
            if new_row
                && columns
                    .iter()
                    .filter(|c| c.editable(true))
                    .all(|c| row.cells.get(c.key).is_none_or(|v| v.trim().is_empty()))
            {
                continue;
            }
            // A new row for someone or something Wieg has by now (the same
            // file returned twice, a colleague typed in again): that row.
            let matched = if new_row {
                already_there(w, book, part, row, &names)?
            } else {
                None
            };
            let new_row = new_row && matched.is_none();
            let row_id = row.id.or(matched);
            let now = match row_id {
                Some(id) => match current(w, part, id)? {
                    Some(now) => Some(now),
                    None => {
                        out.state = ReturnState::Fout;
                        out.message = "bestaat niet meer in Wieg; niet overgenomen".into();
                        result.errors += 1;
                        result.rows.push(out);
                        continue;
                    }
                },
                None => None,
            };
            let mut take_over: BTreeMap<&'static str, Value> = BTreeMap::new();
            let mut field_errors = 0;
            for column in columns.iter().filter(|c| c.editable(new_row)) {
                let cell = row.cells.get(column.key).map_or("", String::as_str);
                let key = format!(
                    "{}:{}:{}",
                    part.sheet(),
                    row_id.map_or_else(|| format!("regel {}", row.line), |id| id.to_string()),
                    column.key
                );
                // What the partner's value is compared with: what was sent,
                // or for a row matched by name what Wieg holds.
                let sent_value = match (sent_row, &now) {
                    (Some(r), _) => r.values.get(column.key).cloned(),
                    (None, Some(now)) => now.get(column.key).cloned(),
                    (None, None) => None,
                }
                .unwrap_or(Value::Null);
                let wieg = now
                    .as_ref()
                    .and_then(|n| n.get(column.key))
                    .cloned()
                    .unwrap_or_else(|| sent_value.clone());
                let mut field = ReturnField {
                    key: key.clone(),
                    field: column.key.to_string(),
                    label: column.header.to_string(),
                    sent: shown(column.cells, &sent_value),
                    partner: cell.to_string(),
                    wieg: shown(column.cells, &wieg),
                    state: ReturnState::Ongewijzigd,
                    taken: false,
                    message: String::new(),
                };
                if row.id.is_none() && cell.trim().is_empty() {
                    // Left empty in a row the partner added: the field's own
                    // default, or what Wieg holds.
                    continue;
                }
                let partner = match parsed(column.cells, cell, &book.organisations) {
                    Ok(v) => v,
                    Err(message) => {
                        field.state = ReturnState::Fout;
                        field.message = format!("{message}; niet overgenomen");
                        field_errors += 1;
                        out.fields.push(field);
                        continue;
                    }
                };
                field.partner = shown(column.cells, &partner);
                let same = |a: &Value, b: &Value| a == b || (is_empty(a) && is_empty(b));
                if new_row {
                    if !is_empty(&partner) {
                        field.state = ReturnState::Nieuw;
                        take_over.insert(column.key, partner);
                        out.fields.push(field);
                    }
                } else if same(&partner, &sent_value) || same(&partner, &wieg) {
                    // The partner left it, or typed what Wieg holds now.
                } else if same(&wieg, &sent_value) {
                    field.state = if column.key == "progress" {
                        ReturnState::Nieuw
                    } else {
                        ReturnState::Gewijzigd
                    };
                    take_over.insert(column.key, partner);
                    out.fields.push(field);
                } else {
                    field.state = ReturnState::Beide;
                    field.taken = take.contains(&key);
                    if field.taken {
                        take_over.insert(column.key, partner);
                    }
                    out.fields.push(field);
                }
            }
            let outcome = if new_row && field_errors > 0 {
                Err(Error::validation(
                    "row",
                    ValidationCode::InvalidChoice,
                    "een veld van deze nieuwe regel klopt niet",
                ))
            } else if take_over.is_empty() && row_id.is_some() && part != Part::Contactpersonen {
                Ok(())
            } else {
                w.attempt(|w| apply(w, book, part, row_id, &take_over, today, &names))
            };
            match outcome {
                Ok(()) => {
                    if part == Part::Contactpersonen {
                        result.confirmed += 1;
                    }
                }
                Err(Error::Validation(v)) => {
                    out.message = format!("{}; deze regel is niet overgenomen", v.message);
                    out.state = ReturnState::Fout;
                }
                Err(Error::NotFound { what, id }) => {
                    out.message = format!("{what} {id} niet gevonden; niet overgenomen");
                    out.state = ReturnState::Fout;
                }
                Err(other) => return Err(other),
            }
            if out.state == ReturnState::Fout {
                result.errors += 1;
            } else {
                result.errors += field_errors;
                let count =
                    |s: ReturnState| out.fields.iter().filter(|f| f.state == s).count() as u32;
                result.conflicts += count(ReturnState::Beide);
                out.state = if new_row {
                    result.new += 1;
                    ReturnState::Nieuw
                } else if count(ReturnState::Beide) > 0 {
                    ReturnState::Beide
                } else if field_errors > 0 {
                    ReturnState::Fout
                } else if out.fields.is_empty() {
                    ReturnState::Ongewijzigd
                } else {
                    ReturnState::Gewijzigd
                };
                if !new_row {
                    result.changed += count(ReturnState::Gewijzigd) + count(ReturnState::Nieuw);
                }
            }
            if out.state == ReturnState::Ongewijzigd {
                result.unchanged += 1;
            } else {
                result.rows.push(out);
            }
        }
        for r in &sent.rows {
            if !seen.contains(&r.id) {
                let label = r
                    .values
                    .get(label_key)
                    .map_or(String::new(), |v| shown(columns[0].cells, v));
                result.missing.push(format!("{}: {label}", part.sheet()));
            }
        }
    }
    let outcome = format!(
        "{} nieuw, {} gewijzigd, {} met conflict, {} fout",
        result.new, result.changed, result.conflicts, result.errors
    );
    RoundPartnerInput {
        returned_on: Some(today.to_string()),
        outcome: Some(outcome),
        ..Default::default()
    }
    .check(false)?
    .write(w, partner_id(book.round, book.organisation))?;
    Ok(result)
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        _ => false,
    }
}
