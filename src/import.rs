//! Importing what partners keep in CSV and Excel files (see
//! [`crate::table`]) into any area: organisations, contact persons and
//! relations into the network (Kumu's format included), indicator values
//! and spending (a bookkeeping system's export) into the plan. The one home
//! of imports, as [`crate::export`] is of exports.
//!
//! Each sheet is recognised by its column names (Dutch or English, any
//! case): `From`/`To` make it relations, a person's name next to an
//! organisation makes it contact persons, anything else with a name (or
//! Kumu's `Label`) is organisations. Rows are matched to what exists by
//! name (contacts also by e-mail), so a second import of the same file
//! changes nothing.
//!
//! The preview runs the whole import with every check of the real thing and
//! rolls it back; the import itself is one transaction that only commits
//! when no row has an error. It is recorded with its changes on this laptop,
//! so it can be undone as a whole.

use std::collections::HashMap;
use std::path::Path;

use chrono::{DateTime, Utc};
use rusqlite::params;
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;
use uuid::Uuid;

use crate::changes::{current, Change, Writer, ERASED};
use crate::entities::REGISTRY;
use crate::error::{Error, Result};
use crate::network::{
    create_contact_in, create_organisation_in, create_relation_in, set_served_in,
    update_contact_in, update_organisation_in, update_relation_in, valid_cbs_code, ContactInput,
    Domain, LegalBasis, OrgKind, OrganisationInput, RelationInput, RelationKind, CONTACT,
};
use crate::schema;
use crate::table::{read_table, Sheet, TableRow};
use crate::time::iso;
use crate::vocabulary::{dutch_choice, fold};
use crate::workspace::Workspace;

dutch_choice!(
    /// What the rows of a sheet are.
    ImportKind {
        Organisaties = "organisaties",
        Contactpersonen = "contactpersonen",
        Verbindingen = "verbindingen",
        Indicatorwaarden = "indicatorwaarden",
        Bestedingen = "bestedingen",
    }
);

dutch_choice!(
    /// What importing a row does.
    RowAction {
        Nieuw = "nieuw",
        Bijwerken = "bijwerken",
        Ongewijzigd = "ongewijzigd",
        Fout = "fout",
    }
);

#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportPreview {
    pub file: String,
    pub sheets: Vec<ImportSheet>,
    pub rows: Vec<ImportRow>,
    pub new: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub errors: u32,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportSheet {
    pub name: String,
    /// None: no column was recognised, the sheet is left alone.
    pub kind: Option<ImportKind>,
    pub columns: Vec<ImportColumn>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportColumn {
    pub header: String,
    /// The field it fills, or None when it is ignored.
    pub field: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportRow {
    pub sheet: String,
    /// The line (CSV) or row (sheet) as the spreadsheet program shows it.
    pub line: u32,
    pub kind: ImportKind,
    pub action: RowAction,
    /// The organisation, person or "from → to".
    pub label: String,
    /// For an error: the field at fault, if one is.
    pub field: Option<String>,
    /// For an error: why, in Dutch.
    pub message: String,
}

/// An import that was made: how to undo it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportRecord {
    pub id: Uuid,
    pub file: String,
    pub at: DateTime<Utc>,
    pub new: u32,
    pub updated: u32,
    pub undone_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportDone {
    pub record: ImportRecord,
    pub preview: ImportPreview,
}

/// What undoing an import did.
#[derive(Debug, Clone, Serialize, TS)]
pub struct UndoReport {
    /// Rows created by the import and now deleted (contact persons erased).
    pub removed: u32,
    /// Fields put back to their value before the import.
    pub restored: u32,
    /// Fields edited again after the import: left as they are.
    pub kept: u32,
}

/// Column names per field, compared folded and without spaces or
/// punctuation ("E-mailadres" = "emailadres").
const ORGANISATION_COLUMNS: &[(&str, &[&str])] = &[
    (
        "name",
        &[
            "naam",
            "name",
            "label",
            "organisatie",
            "organisation",
            "organization",
            "organisatienaam",
        ],
    ),
    (
        "kind",
        &[
            "soort",
            "kind",
            "type",
            "soortorganisatie",
            "typeorganisatie",
        ],
    ),
    ("domain", &["domein", "domain", "sector"]),
    ("website", &["website", "url", "site", "webadres"]),
    (
        "phone",
        &[
            "telefoon",
            "telefoonnummer",
            "phone",
            "tel",
            "telefoonalgemeen",
        ],
    ),
    (
        "place",
        &[
            "plaats",
            "place",
            "city",
            "adres",
            "address",
            "vestigingsplaats",
            "locatie",
            "location",
        ],
    ),
    (
        "notes",
        &[
            "notities",
            "notes",
            "opmerkingen",
            "description",
            "omschrijving",
            "beschrijving",
            "toelichting",
        ],
    ),
    (
        "involved_since",
        &["betrokkensinds", "betrokken", "involvedsince", "involved"],
    ),
    (
        "signed_on",
        &[
            "convenantgetekend",
            "getekendop",
            "signedon",
            "signed",
            "ondertekend",
            "convenantdatum",
        ],
    ),
    (
        "signatory",
        &[
            "getekenddoor",
            "signatory",
            "ondertekenaar",
            "ondertekenddoor",
        ],
    ),
    (
        "covenant_version",
        &["convenantversie", "covenantversion", "versieconvenant"],
    ),
    (
        "left_on",
        &["gestopt", "gestoptop", "lefton", "left", "uitgetreden"],
    ),
    (
        "municipalities",
        &[
            "gemeenten",
            "gemeente",
            "municipalities",
            "municipality",
            "werkgebied",
        ],
    ),
];

const CONTACT_COLUMNS: &[(&str, &[&str])] = &[
    (
        "name",
        &[
            "naam",
            "name",
            "contactpersoon",
            "contact",
            "persoon",
            "fullname",
            "volledigenaam",
        ],
    ),
    (
        "organisation",
        &[
            "organisatie",
            "organisation",
            "organization",
            "werkgever",
            "employer",
        ],
    ),
    (
        "function",
        &[
            "functie", "function", "rol", "role", "jobtitle", "title", "titel",
        ],
    ),
    (
        "coalition_role",
        &[
            "rolincoalitie",
            "coalitierol",
            "coalitionrole",
            "rolindecoalitie",
        ],
    ),
    ("email", &["email", "emailadres", "mail", "emailaddress"]),
    (
        "phone",
        &[
            "telefoon",
            "telefoonnummer",
            "tel",
            "phone",
            "telephone",
            "mobiel",
            "mobile",
        ],
    ),
    (
        "legal_basis",
        &[
            "grondslag",
            "legalbasis",
            "avggrondslag",
            "wettelijkegrondslag",
        ],
    ),
    (
        "active_from",
        &["actiefvanaf", "actiefsinds", "activefrom", "vanaf"],
    ),
    ("active_to", &["actieftot", "activeto", "tot", "totenmet"]),
    (
        "last_checked",
        &[
            "laatstgecontroleerd",
            "gecontroleerd",
            "lastchecked",
            "checked",
        ],
    ),
];

const RELATION_COLUMNS: &[(&str, &[&str])] = &[
    ("from", &["van", "from", "vanorganisatie", "bron", "source"]),
    ("to", &["naar", "to", "naarorganisatie", "doel", "target"]),
    (
        "kind",
        &[
            "type",
            "soort",
            "kind",
            "soortverbinding",
            "relatie",
            "verbinding",
        ],
    ),
    ("strength", &["sterkte", "strength", "gewicht", "weight"]),
    (
        "start_date",
        &[
            "start",
            "begin",
            "startdatum",
            "begindatum",
            "startdate",
            "sinds",
        ],
    ),
    (
        "end_date",
        &["eind", "einde", "einddatum", "enddate", "tot"],
    ),
    (
        "note",
        &[
            "notitie",
            "note",
            "notes",
            "opmerking",
            "description",
            "omschrijving",
            "toelichting",
        ],
    ),
];

const INDICATOR_VALUE_COLUMNS: &[(&str, &[&str])] = &[
    (
        "indicator",
        &["indicator", "naamindicator", "indicatornaam"],
    ),
    (
        "municipality",
        &[
            "gemeente",
            "municipality",
            "gemeentenaam",
            "gemeentecode",
            "cbscode",
            "regio",
        ],
    ),
    ("year", &["jaar", "year", "periode", "peiljaar"]),
    (
        "numerator",
        &["teller", "numerator", "aantal", "waarde", "value"],
    ),
    (
        "denominator",
        &["noemer", "denominator", "totaal", "populatie"],
    ),
];

/// A bookkeeping system's export: date; description; amount; cost centre
/// (*kostenplaats*, here an action's title), and perhaps the grant.
const SPENDING_COLUMNS: &[(&str, &[&str])] = &[
    (
        "date",
        &[
            "datum",
            "date",
            "boekdatum",
            "factuurdatum",
            "transactiedatum",
            "betaaldatum",
        ],
    ),
    (
        "description",
        &[
            "omschrijving",
            "description",
            "toelichting",
            "memo",
            "tekst",
        ],
    ),
    (
        "amount",
        &[
            "bedrag",
            "amount",
            "bedrageur",
            "bedragineuro",
            "bedragincl",
            "totaal",
        ],
    ),
    (
        "action",
        &["kostenplaats", "actie", "action", "project", "kostendrager"],
    ),
    (
        "funding",
        &["financiering", "subsidie", "grant", "financier", "funding"],
    ),
    ("state", &["stand", "status", "betaald", "verplicht"]),
];

fn header_key(header: &str) -> String {
    fold(header)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// The field of each column (None: not recognised).
fn match_columns(specs: &[(&str, &[&str])], headers: &[String]) -> Vec<Option<&'static str>> {
    let mut taken: Vec<&str> = Vec::new();
    headers
        .iter()
        .map(|h| {
            let key = header_key(h);
            let field = specs
                .iter()
                .find(|(field, aliases)| !taken.contains(field) && aliases.contains(&key.as_str()))
                .map(|(field, _)| *field);
            if let Some(f) = field {
                taken.push(f);
            }
            field.map(static_field)
        })
        .collect()
}

/// Field names are the static strings of the column lists.
fn static_field(field: &str) -> &'static str {
    [
        ORGANISATION_COLUMNS,
        CONTACT_COLUMNS,
        RELATION_COLUMNS,
        INDICATOR_VALUE_COLUMNS,
        SPENDING_COLUMNS,
    ]
    .iter()
    .flat_map(|specs| specs.iter())
    .map(|(f, _)| *f)
    .find(|f| *f == field)
    .unwrap_or("")
}

fn classify(headers: &[String]) -> Option<(ImportKind, Vec<Option<&'static str>>)> {
    let values = match_columns(INDICATOR_VALUE_COLUMNS, headers);
    if values.contains(&Some("indicator")) && values.contains(&Some("year")) {
        return Some((ImportKind::Indicatorwaarden, values));
    }
    let spending = match_columns(SPENDING_COLUMNS, headers);
    if ["date", "description", "amount"]
        .iter()
        .all(|f| spending.contains(&Some(*f)))
    {
        return Some((ImportKind::Bestedingen, spending));
    }
    let relation = match_columns(RELATION_COLUMNS, headers);
    if relation.contains(&Some("from")) && relation.contains(&Some("to")) {
        return Some((ImportKind::Verbindingen, relation));
    }
    let contact = match_columns(CONTACT_COLUMNS, headers);
    let person_only = [
        "function",
        "coalition_role",
        "email",
        "phone",
        "legal_basis",
        "last_checked",
    ];
    if contact.contains(&Some("name"))
        && contact.contains(&Some("organisation"))
        && contact.iter().flatten().any(|f| person_only.contains(f))
    {
        return Some((ImportKind::Contactpersonen, contact));
    }
    let organisation = match_columns(ORGANISATION_COLUMNS, headers);
    organisation
        .iter()
        .any(Option::is_some)
        .then_some((ImportKind::Organisaties, organisation))
}

/// One sheet, its kind and the column of each field.
struct Plan<'a> {
    sheet: &'a Sheet,
    kind: ImportKind,
    columns: HashMap<&'static str, usize>,
}

impl Plan<'_> {
    fn cell<'r>(&self, row: &'r TableRow, field: &str) -> &'r str {
        self.columns.get(field).map_or("", |&i| row.cell(i))
    }

    /// A cell that was given (not empty), as an owned value for an input.
    fn given(&self, row: &TableRow, field: &str) -> Option<String> {
        Some(self.cell(row, field).to_string()).filter(|c| !c.is_empty())
    }
}

fn plans(sheets: &[Sheet]) -> Result<(Vec<Plan<'_>>, Vec<ImportSheet>)> {
    let mut plans = Vec::new();
    let mut described = Vec::new();
    for sheet in sheets {
        let classified = classify(&sheet.headers);
        let fields = classified
            .as_ref()
            .map_or_else(|| vec![None; sheet.headers.len()], |(_, f)| f.clone());
        described.push(ImportSheet {
            name: sheet.name.clone(),
            kind: classified.as_ref().map(|(k, _)| *k),
            columns: sheet
                .headers
                .iter()
                .zip(&fields)
                .map(|(h, f)| ImportColumn {
                    header: h.clone(),
                    field: f.map(str::to_string),
                })
                .collect(),
        });
        let Some((kind, _)) = classified else {
            continue;
        };
        let columns: HashMap<&'static str, usize> = fields
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.map(|f| (f, i)))
            .collect();
        let key = match kind {
            ImportKind::Verbindingen => "from",
            ImportKind::Indicatorwaarden => "municipality",
            ImportKind::Bestedingen => "amount",
            _ => "name",
        };
        if !columns.contains_key(key) {
            return Err(Error::InvalidInput(format!(
                "blad {:?}: er is geen kolom met de naam (bijvoorbeeld \"Naam\", \"Label\" of \"Gemeente\"); gevonden: {}",
                sheet.name,
                sheet.headers.join(", ")
            )));
        }
        plans.push(Plan {
            sheet,
            kind,
            columns,
        });
    }
    // Organisations first: contacts and relations may name them.
    plans.sort_by_key(|p| p.kind);
    Ok((plans, described))
}

/// What the database holds, by the names a file uses, kept up to date as
/// rows are imported.
struct Known {
    organisations: HashMap<String, Uuid>,
    municipalities: HashMap<String, Uuid>,
    contacts: HashMap<(Uuid, String), Uuid>,
    contacts_by_email: HashMap<String, Uuid>,
    relations: HashMap<(Uuid, Uuid, String), Uuid>,
    indicators: HashMap<String, Uuid>,
    /// Actions by title, grants by funder.
    actions: HashMap<String, Uuid>,
    grants: HashMap<String, Uuid>,
    /// Rows of this file by their key: a second row for the same thing is an error.
    in_file: HashMap<String, u64>,
    /// How often a row of spending came by in this file so far.
    spending_seen: HashMap<String, i64>,
}

impl Known {
    fn load(w: &Writer) -> Result<Self> {
        let conn = w.conn();
        let pairs = |sql: &str| -> Result<Vec<(String, String)>> {
            Ok(conn
                .prepare(sql)?
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?)
        };
        let uuid = |s: &str| Uuid::try_parse(s).unwrap_or_default();
        let mut known = Known {
            organisations: HashMap::new(),
            municipalities: HashMap::new(),
            contacts: HashMap::new(),
            contacts_by_email: HashMap::new(),
            relations: HashMap::new(),
            indicators: HashMap::new(),
            actions: HashMap::new(),
            grants: HashMap::new(),
            in_file: HashMap::new(),
            spending_seen: HashMap::new(),
        };
        for (id, title) in pairs("SELECT id, title FROM actions WHERE deleted = 0")? {
            known.actions.insert(fold(&title), uuid(&id));
        }
        for (id, funder) in pairs("SELECT id, funder FROM fundings WHERE deleted = 0")? {
            known.grants.insert(fold(&funder), uuid(&id));
        }
        for (id, name) in pairs("SELECT id, name FROM indicators WHERE deleted = 0")? {
            known.indicators.insert(fold(&name), uuid(&id));
        }
        for (id, name) in pairs(&format!(
            "SELECT id, name FROM organisations WHERE {}",
            schema::living(&crate::network::ORGANISATION)
        ))? {
            known.organisations.insert(fold(&name), uuid(&id));
        }
        for (id, name) in pairs("SELECT id, name FROM municipalities WHERE deleted = 0")? {
            known.municipalities.insert(fold(&name), uuid(&id));
        }
        for (id, code) in pairs("SELECT id, cbs_code FROM municipalities WHERE deleted = 0")? {
            known.municipalities.insert(fold(&code), uuid(&id));
        }
        let contacts: Vec<(String, String, String, String)> = conn
            .prepare(&format!(
                "SELECT id, organisation, name, email FROM contacts WHERE {}",
                schema::living(&CONTACT)
            ))?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, org, name, email) in contacts {
            known.contacts.insert((uuid(&org), fold(&name)), uuid(&id));
            if !email.is_empty() {
                known.contacts_by_email.insert(fold(&email), uuid(&id));
            }
        }
        let relations: Vec<(String, String, String, String)> = conn
            .prepare(&format!(
                "SELECT id, from_org, to_org, kind FROM relations WHERE {}",
                schema::living(&crate::network::RELATION)
            ))?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, from, to, kind) in relations {
            known
                .relations
                .insert((uuid(&from), uuid(&to), kind), uuid(&id));
        }
        Ok(known)
    }

    fn organisation(&self, field: &str, name: &str) -> Result<Uuid> {
        self.organisations.get(&fold(name)).copied().ok_or_else(|| {
            Error::validation(
                field,
                crate::error::ValidationCode::InvalidChoice,
                format!("organisatie {name:?} bestaat niet (en staat ook niet in dit bestand)"),
            )
        })
    }

    fn municipalities(&self, cell: &str) -> Result<Vec<Uuid>> {
        cell.split(['|', ','])
            .map(str::trim)
            .filter(|m| !m.is_empty())
            .map(|m| {
                let code = valid_cbs_code(m).ok();
                code.and_then(|c| self.municipalities.get(&fold(&c)))
                    .or_else(|| self.municipalities.get(&fold(m)))
                    .copied()
                    .ok_or_else(|| {
                        Error::validation(
                            "municipalities",
                            crate::error::ValidationCode::InvalidChoice,
                            format!("gemeente {m:?} is niet bekend; voeg haar eerst toe"),
                        )
                    })
            })
            .collect()
    }

    /// Refuse a second row for the same thing within this file.
    fn first_in_file(&mut self, key: String, line: u64) -> Result<()> {
        match self.in_file.get(&key) {
            Some(first) => Err(Error::validation(
                "name",
                crate::error::ValidationCode::Duplicate,
                format!("staat al eerder in dit bestand (regel {first})"),
            )),
            None => {
                self.in_file.insert(key, line);
                Ok(())
            }
        }
    }
}

fn choice<T: std::str::FromStr<Err = String>>(field: &str, cell: &str) -> Result<Option<T>> {
    // Kumu puts several values in one cell with `|`: the first one counts.
    let first = cell.split('|').next().unwrap_or("").trim();
    if first.is_empty() {
        return Ok(None);
    }
    first.parse().map(Some).map_err(|message| {
        Error::validation(field, crate::error::ValidationCode::InvalidChoice, message)
    })
}

fn import_organisation(
    w: &mut Writer,
    known: &mut Known,
    plan: &Plan,
    row: &TableRow,
) -> Result<bool> {
    let name = plan.cell(row, "name").to_string();
    known.first_in_file(format!("o:{}", fold(&name)), row.line)?;
    let kind: Option<OrgKind> = choice("kind", plan.cell(row, "kind"))?;
    let domain: Option<Domain> = choice("domain", plan.cell(row, "domain"))?;
    let served = plan
        .columns
        .contains_key("municipalities")
        .then(|| known.municipalities(plan.cell(row, "municipalities")))
        .transpose()?;
    let text = |field| plan.given(row, field);
    // The columns this import reads; a field it has no column for is left
    // out (and so left as it is, or empty for a new organisation).
    let mut input = OrganisationInput {
        kind,
        domain,
        website: text("website"),
        phone: text("phone"),
        notes: text("notes"),
        place: text("place"),
        involved_since: text("involved_since"),
        signed_on: text("signed_on"),
        signatory: text("signatory"),
        covenant_version: text("covenant_version"),
        left_on: text("left_on"),
        // The municipalities are set below, for new and known ones alike.
        ..Default::default()
    };
    let (id, created) = match known.organisations.get(&fold(&name)).copied() {
        Some(id) => {
            update_organisation_in(w, id, &input)?;
            (id, false)
        }
        None => {
            let kind = kind.unwrap_or(OrgKind::Overig);
            input.kind = Some(kind);
            input.domain = Some(domain.unwrap_or(kind.usual_domain()));
            let folded = fold(&name);
            input.name = Some(name);
            let id = create_organisation_in(w, &input)?;
            known.organisations.insert(folded, id);
            (id, true)
        }
    };
    if let Some(served) = served {
        set_served_in(w, id, &served)?;
    }
    Ok(created)
}

fn import_contact(w: &mut Writer, known: &mut Known, plan: &Plan, row: &TableRow) -> Result<bool> {
    let name = plan.cell(row, "name").to_string();
    let organisation = known.organisation("organisation", plan.cell(row, "organisation"))?;
    let email = plan.cell(row, "email");
    known.first_in_file(format!("c:{organisation}:{}", fold(&name)), row.line)?;
    let legal_basis: Option<LegalBasis> = choice("legal_basis", plan.cell(row, "legal_basis"))?;
    let text = |field| plan.given(row, field);
    let existing = known
        .contacts_by_email
        .get(&fold(email))
        .filter(|_| !email.is_empty())
        .or_else(|| known.contacts.get(&(organisation, fold(&name))))
        .copied();
    let input = ContactInput {
        organisation: Some(organisation),
        name: Some(name.clone()),
        function: text("function"),
        email: text("email"),
        phone: text("phone"),
        coalition_role: text("coalition_role"),
        active_from: text("active_from"),
        active_to: text("active_to"),
        legal_basis,
        last_checked: text("last_checked"),
    };
    match existing {
        Some(id) => {
            update_contact_in(w, id, &input)?;
            Ok(false)
        }
        None => {
            let id = create_contact_in(w, &input)?;
            known.contacts.insert((organisation, fold(&name)), id);
            if !email.is_empty() {
                known.contacts_by_email.insert(fold(email), id);
            }
            Ok(true)
        }
    }
}

fn import_relation(w: &mut Writer, known: &mut Known, plan: &Plan, row: &TableRow) -> Result<bool> {
    let from = known.organisation("from", plan.cell(row, "from"))?;
    let to = known.organisation("to", plan.cell(row, "to"))?;
    let kind: RelationKind =
        choice("kind", plan.cell(row, "kind"))?.unwrap_or(RelationKind::Samenwerking);
    known.first_in_file(format!("r:{from}:{to}:{kind}"), row.line)?;
    let strength = match plan.cell(row, "strength") {
        "" => None,
        s => Some(s.parse::<u8>().map_err(|_| {
            Error::validation(
                "strength",
                crate::error::ValidationCode::InvalidChoice,
                format!("de sterkte is 1 tot en met 5, niet {s:?}"),
            )
        })?),
    };
    let text = |field| plan.given(row, field);
    let existing = known
        .relations
        .get(&(from, to, kind.code().to_string()))
        .or_else(|| known.relations.get(&(to, from, kind.code().to_string())))
        .copied();
    match existing {
        Some(id) => {
            let patch = RelationInput {
                strength,
                start_date: text("start_date"),
                end_date: text("end_date"),
                note: text("note"),
                ..Default::default()
            };
            update_relation_in(w, id, &patch)?;
            Ok(false)
        }
        None => {
            let input = RelationInput {
                from_org: Some(from),
                to_org: Some(to),
                kind: Some(kind),
                strength,
                start_date: text("start_date"),
                end_date: text("end_date"),
                note: text("note"),
            };
            let id = create_relation_in(w, &input)?;
            known
                .relations
                .insert((from, to, kind.code().to_string()), id);
            Ok(true)
        }
    }
}

fn import_indicator_value(
    w: &mut Writer,
    known: &mut Known,
    plan: &Plan,
    row: &TableRow,
) -> Result<bool> {
    let name = plan.cell(row, "indicator");
    let indicator = known.indicators.get(&fold(name)).copied().ok_or_else(|| {
        Error::validation(
            "indicator",
            crate::error::ValidationCode::InvalidChoice,
            format!("indicator {name:?} bestaat niet; maak hem eerst aan"),
        )
    })?;
    let municipality = match known
        .municipalities(plan.cell(row, "municipality"))?
        .as_slice()
    {
        [one] => *one,
        _ => {
            return Err(Error::validation(
                "municipality",
                crate::error::ValidationCode::Required,
                "één gemeente per regel",
            ))
        }
    };
    let year = plan.cell(row, "year");
    known.first_in_file(format!("i:{indicator}:{municipality}:{year}"), row.line)?;
    let existed: bool = w.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM indicator_values WHERE indicator = ?1 AND municipality = ?2 \
         AND year = ?3 AND deleted = 0)",
        rusqlite::params![indicator.to_string(), municipality.to_string(), year.trim()],
        |r| r.get(0),
    )?;
    crate::plan::set_indicator_value_in(
        w,
        &crate::plan::IndicatorValueInput {
            indicator: Some(indicator),
            municipality: Some(municipality),
            year: Some(year.to_string()),
            numerator: Some(plan.cell(row, "numerator").to_string()),
            denominator: Some(plan.cell(row, "denominator").to_string()),
        },
    )?;
    Ok(!existed)
}

/// A line of a bookkeeping export: booked on its action's grant (or the
/// grant named). The same line imported again is the same spending: the
/// n-th of identical lines in the file matches the n-th such spending.
fn import_spending(w: &mut Writer, known: &mut Known, plan: &Plan, row: &TableRow) -> Result<bool> {
    let action = match plan.cell(row, "action").trim() {
        "" => None,
        title => Some(known.actions.get(&fold(title)).copied().ok_or_else(|| {
            Error::validation(
                "action",
                crate::error::ValidationCode::InvalidChoice,
                format!("kostenplaats {title:?} is geen actie; zet er de titel van een actie neer"),
            )
        })?),
    };
    let funding = match plan.cell(row, "funding").trim() {
        "" => None,
        funder => Some(known.grants.get(&fold(funder)).copied().ok_or_else(|| {
            Error::validation(
                "funding",
                crate::error::ValidationCode::InvalidChoice,
                format!("financiering {funder:?} bestaat niet"),
            )
        })?),
    };
    let committed = fold(plan.cell(row, "state")).starts_with("verplicht");
    let input = crate::plan::SpendingInput {
        funding: funding.map(|f| f.to_string()),
        action: action.map(|a| a.to_string()),
        date: Some(plan.cell(row, "date").to_string()),
        description: Some(plan.cell(row, "description").to_string()),
        amount_cents: Some(plan.cell(row, "amount").to_string()),
        state: Some(if committed {
            crate::plan::SpendingState::Verplicht
        } else {
            crate::plan::SpendingState::Betaald
        }),
    };
    // Checked as a new spending would be, then looked for among those there.
    let fields = input.check(true)?;
    let key = format!(
        "{:?}|{}|{:?}|{:?}|{:?}",
        fields.date,
        fold(plan.cell(row, "description")),
        fields.amount_cents,
        action,
        funding
    );
    let seen = known.spending_seen.entry(key).or_default();
    *seen += 1;
    let there: i64 = w.conn().query_row(
        "SELECT count(*) FROM spendings WHERE deleted = 0 AND created_at != '' AND date = ?1 \
         AND description = ?2 AND amount_cents = ?3 AND action = ?4 \
         AND (?5 IS NULL OR funding = ?5)",
        params![
            fields.date.flatten().map(|d| d.to_string()),
            fields.description.clone().unwrap_or_default(),
            fields.amount_cents.unwrap_or_default(),
            action.map(|a| a.to_string()).unwrap_or_default(),
            funding.map(|f| f.to_string()),
        ],
        |r| r.get(0),
    )?;
    if *seen <= there {
        return Ok(false);
    }
    crate::plan::create_spending_in(w, &input)?;
    Ok(true)
}

/// Import every row (each on its own savepoint, so one bad row does not
/// hide the others' errors) and say what each did.
fn run(w: &mut Writer, file: &str, sheets: &[Sheet]) -> Result<ImportPreview> {
    let (plans, described) = plans(sheets)?;
    let mut known = Known::load(w)?;
    let mut preview = ImportPreview {
        file: file.to_string(),
        sheets: described,
        rows: Vec::new(),
        new: 0,
        updated: 0,
        unchanged: 0,
        errors: 0,
    };
    for plan in &plans {
        for row in &plan.sheet.rows {
            let before = w.written().len();
            let label = match plan.kind {
                ImportKind::Verbindingen => {
                    format!("{} → {}", plan.cell(row, "from"), plan.cell(row, "to"))
                }
                ImportKind::Indicatorwaarden => format!(
                    "{} — {} {}",
                    plan.cell(row, "indicator"),
                    plan.cell(row, "municipality"),
                    plan.cell(row, "year")
                ),
                ImportKind::Bestedingen => format!(
                    "{} — {} — {}",
                    plan.cell(row, "date"),
                    plan.cell(row, "description"),
                    plan.cell(row, "amount")
                ),
                _ => plan.cell(row, "name").to_string(),
            };
            let outcome = w.attempt(|w| match plan.kind {
                ImportKind::Organisaties => import_organisation(w, &mut known, plan, row),
                ImportKind::Contactpersonen => import_contact(w, &mut known, plan, row),
                ImportKind::Verbindingen => import_relation(w, &mut known, plan, row),
                ImportKind::Indicatorwaarden => import_indicator_value(w, &mut known, plan, row),
                ImportKind::Bestedingen => import_spending(w, &mut known, plan, row),
            });
            let (action, field, message) = match outcome {
                Ok(true) => (RowAction::Nieuw, None, String::new()),
                Ok(false) if w.written().len() > before => {
                    (RowAction::Bijwerken, None, String::new())
                }
                Ok(false) => (RowAction::Ongewijzigd, None, String::new()),
                Err(Error::Validation(v)) => (RowAction::Fout, Some(v.field), v.message),
                Err(Error::NotFound { what, id }) => {
                    (RowAction::Fout, None, format!("{what} {id} niet gevonden"))
                }
                Err(other) => return Err(other),
            };
            match action {
                RowAction::Nieuw => preview.new += 1,
                RowAction::Bijwerken => preview.updated += 1,
                RowAction::Ongewijzigd => preview.unchanged += 1,
                RowAction::Fout => preview.errors += 1,
            }
            preview.rows.push(ImportRow {
                sheet: plan.sheet.name.clone(),
                line: row.line as u32,
                kind: plan.kind,
                action,
                label,
                field,
                message,
            });
        }
    }
    Ok(preview)
}

pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// A change as an import record keeps it: enough to put the field back.
#[derive(serde::Deserialize, Serialize)]
struct Made {
    entity: String,
    id: Uuid,
    field: String,
    hlc: String,
    prev: Option<String>,
}

/// Keep what `w` wrote so far as an import of `file`: the changes it
/// made, so [`Workspace::undo_import`] can take it back as a whole.
pub(crate) fn record_import(
    w: &Writer,
    file: &str,
    new: u32,
    updated: u32,
) -> Result<ImportRecord> {
    let made: Vec<Made> = w
        .written()
        .iter()
        .map(|c: &Change| Made {
            entity: c.entity.clone(),
            id: c.id,
            field: c.field.clone(),
            hlc: c.hlc.to_string(),
            prev: c.prev.map(|p| p.to_string()),
        })
        .collect();
    let record = ImportRecord {
        id: Uuid::now_v7(),
        file: file.to_string(),
        at: w.now(),
        new,
        updated,
        undone_at: None,
    };
    w.conn().execute(
        "INSERT INTO imports (id, file, at, new, updated, changes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            record.id.to_string(),
            record.file,
            iso(record.at),
            record.new,
            record.updated,
            serde_json::to_string(&made)?
        ],
    )?;
    Ok(record)
}

impl Workspace {
    /// What importing `path` would do, row by row; nothing is written.
    pub fn preview_import(&mut self, path: &Path) -> Result<ImportPreview> {
        self.require_coalition()?;
        let sheets = read_table(path)?;
        self.trial(|w| run(w, &file_name(path), &sheets))
    }

    /// Import `path` in one transaction: all rows or, if any has an error,
    /// none.
    pub fn import_file(&mut self, path: &Path) -> Result<ImportDone> {
        self.require_coalition()?;
        let sheets = read_table(path)?;
        let file = file_name(path);
        self.write(|w| {
            let preview = run(w, &file, &sheets)?;
            if preview.errors > 0 {
                return Err(Error::InvalidInput(format!(
                    "{} van de regels in {file} hebben een fout; er is niets geïmporteerd",
                    preview.errors
                )));
            }
            let record = record_import(w, &file, preview.new, preview.updated)?;
            Ok(ImportDone { record, preview })
        })
    }

    /// The imports made on this laptop, newest first.
    pub fn list_imports(&self) -> Result<Vec<ImportRecord>> {
        let rows: Vec<(String, String, String, u32, u32, Option<String>)> = self
            .conn()
            .prepare("SELECT id, file, at, new, updated, undone_at FROM imports ORDER BY at DESC")?
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let time = |t: &str| crate::time::parse_iso_or(t, DateTime::<Utc>::MIN_UTC);
        Ok(rows
            .into_iter()
            .map(|(id, file, at, new, updated, undone)| ImportRecord {
                id: Uuid::try_parse(&id).unwrap_or_default(),
                file,
                at: time(&at),
                new,
                updated,
                undone_at: undone.as_deref().map(time),
            })
            .collect())
    }

    /// Undo an import as a whole: what it created is deleted (people it
    /// added are erased), fields it changed get their old value back unless
    /// someone edited them since. The undo is ordinary changes that sync.
    pub fn undo_import(&mut self, id: Uuid) -> Result<UndoReport> {
        let row: Option<(String, Option<String>)> =
            rusqlite::OptionalExtension::optional(self.conn().query_row(
                "SELECT changes, undone_at FROM imports WHERE id = ?1",
                [id.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?)),
            ))?;
        let (changes, undone) = row.ok_or(Error::NotFound {
            what: "import",
            id: id.to_string(),
        })?;
        if undone.is_some() {
            return Err(Error::InvalidInput(
                "deze import is al ongedaan gemaakt".into(),
            ));
        }
        let made: Vec<Made> = serde_json::from_str(&changes)?;
        self.write(|w| {
            let mut report = UndoReport {
                removed: 0,
                restored: 0,
                kept: 0,
            };
            // Made by the import: with a creation date, or (memberships) a
            // first `deleted` value.
            let mut created: Vec<(&str, Uuid)> = made
                .iter()
                .filter(|m| m.field == "created_at" || (m.field == "deleted" && m.prev.is_none()))
                .map(|m| (m.entity.as_str(), m.id))
                .collect();
            created.sort_unstable();
            created.dedup();
            for (entity, id) in &created {
                let Some(spec) = REGISTRY.spec(entity) else {
                    continue;
                };
                if spec.name == CONTACT.name {
                    w.set(spec, *id, ERASED, true)?;
                } else {
                    w.set_deleted(spec, *id, true)?;
                }
                report.removed += 1;
            }
            let is_created = |id: Uuid| created.iter().any(|(_, c)| *c == id);
            for m in made.iter().filter(|m| !is_created(m.id)) {
                let Some(spec) = REGISTRY.spec(&m.entity) else {
                    continue;
                };
                let Some((winner, _)) = current(w.conn(), spec.name, m.id, &m.field)? else {
                    continue;
                };
                if winner.to_string() != m.hlc {
                    report.kept += 1;
                    continue;
                }
                let old: Option<Value> = match &m.prev {
                    Some(prev) => match prev.parse::<crate::hlc::Hlc>() {
                        Ok(prev) => crate::changes::value_at(w.conn(), m.id, prev)?,
                        Err(_) => None,
                    },
                    None => None,
                };
                let value: Value = match old {
                    Some(value) => value,
                    // The field had no value before: the membership did not
                    // exist, the text was empty.
                    None if m.field == "deleted" => Value::Bool(true),
                    None => Value::String(String::new()),
                };
                if m.field == "deleted" && value == Value::Bool(true) {
                    w.set_deleted(spec, m.id, true)?;
                } else {
                    w.set(spec, m.id, &m.field, value)?;
                }
                report.restored += 1;
            }
            w.conn().execute(
                "UPDATE imports SET undone_at = ?2 WHERE id = ?1",
                params![id.to_string(), iso(w.now())],
            )?;
            Ok(report)
        })
        .and_then(|report| {
            if report.removed > 0 {
                self.scrub_erased()?;
            }
            Ok(report)
        })
    }
}
