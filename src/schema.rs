//! An entity declared once. `entity!` turns one declaration — the table,
//! each field with its kind, its checks and what a coordinator calls it —
//! into everything that used to be kept by hand beside it:
//!
//! - the [`EntitySpec`] the change engine syncs by (its field names);
//! - the record read back by column name (never by position), with the
//!   `SELECT` that reads it;
//! - the input a form or the CLI sends: every field optional, so one type
//!   serves both creating (what is left out gets its empty value, or is
//!   refused when the field is required) and editing (what is left out
//!   stays as it is);
//! - the checks of each field, in declaration order, then one write per
//!   field through [`Writer::set`], its name taken from the declaration;
//! - the TypeScript types (the record and input derive `ts_rs::TS`) and the
//!   field list with labels and limits the forms read ([`FieldInfo`]).
//!
//! A field added to an entity is one line in its declaration, a migration
//! and the form that shows it. Rules between fields (a date that may not
//! come before another, a default that depends on today) stay in the
//! domain's own code, between the check and the write.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Row;
use serde_json::Value;
use uuid::Uuid;

#[allow(unused_imports)] // Writer is named in the docs above
use crate::changes::{EntitySpec, Writer};
use crate::error::{Error, Result, ValidationCode};
use crate::time::parse_iso_or;
use crate::validate;

/// How a field is typed in, checked, stored and read back.
pub trait Kind {
    /// As the record holds it.
    type Stored;
    /// As a form or the CLI sends it.
    type Input;
    /// The input checked: the stored value, or a validation error naming `field`.
    fn check(field: &'static str, input: &Self::Input) -> Result<Self::Stored>;
    /// What a new row holds when the input leaves the field out.
    fn absent() -> Self::Stored;
    /// Whether a stored value counts as "not filled in" for a required field.
    fn is_blank(_stored: &Self::Stored) -> bool {
        false
    }
    fn read(row: &Row, column: &str) -> rusqlite::Result<Self::Stored>;
    /// The value a change carries (`null` clears).
    fn value(stored: &Self::Stored) -> Value;
    /// A kept value as a record shows it, given when the row last changed.
    fn settled(stored: Self::Stored, _updated_at: DateTime<Utc>) -> Self::Stored {
        stored
    }
    /// For the forms: the most characters it takes, if it is text.
    const MAX: Option<usize> = None;
}

/// Text of at most `MAX` characters, trimmed.
pub struct Text<const MAX: usize>;

impl<const N: usize> Kind for Text<N> {
    type Stored = String;
    type Input = String;
    fn check(field: &'static str, input: &String) -> Result<String> {
        validate::optional_text(field, input, N)
    }
    fn absent() -> String {
        String::new()
    }
    fn is_blank(stored: &String) -> bool {
        stored.is_empty()
    }
    fn read(row: &Row, column: &str) -> rusqlite::Result<String> {
        Ok(row.get::<_, Option<String>>(column)?.unwrap_or_default())
    }
    fn value(stored: &String) -> Value {
        Value::from(stored.as_str())
    }
    const MAX: Option<usize> = Some(N);
}

/// A calendar day that may be left empty, typed as `2026-11-30` or
/// `30-11-2026`; an empty text clears it.
pub struct Date;

impl Kind for Date {
    type Stored = Option<NaiveDate>;
    type Input = String;
    fn check(field: &'static str, input: &String) -> Result<Option<NaiveDate>> {
        validate::optional_date(field, Some(input))
    }
    fn absent() -> Option<NaiveDate> {
        None
    }
    fn is_blank(stored: &Option<NaiveDate>) -> bool {
        stored.is_none()
    }
    fn read(row: &Row, column: &str) -> rusqlite::Result<Option<NaiveDate>> {
        Ok(row
            .get::<_, Option<String>>(column)?
            .and_then(|d| d.parse().ok()))
    }
    fn value(stored: &Option<NaiveDate>) -> Value {
        stored.map_or(Value::Null, |d| Value::from(d.to_string()))
    }
}

/// One word of a fixed Dutch vocabulary (a `dutch_choice!` type). A word
/// from a newer version, unknown here, reads as the type's default.
pub struct Choice<T>(std::marker::PhantomData<T>);

/// What [`Choice`] needs of a vocabulary: `dutch_choice!` provides it
/// (and the choice a `Default`, for words it does not know).
pub trait Vocabulary: Copy + std::str::FromStr + 'static {
    const ALL: &'static [Self];
    fn code(self) -> &'static str;
    fn labels(self) -> [&'static str; 2];
}

impl<T: Vocabulary + Default> Kind for Choice<T> {
    type Stored = T;
    type Input = T;
    fn check(_field: &'static str, input: &T) -> Result<T> {
        Ok(*input)
    }
    fn absent() -> T {
        T::default()
    }
    fn read(row: &Row, column: &str) -> rusqlite::Result<T> {
        Ok(row
            .get::<_, Option<String>>(column)?
            .and_then(|code| code.parse().ok())
            .unwrap_or_default())
    }
    fn value(stored: &T) -> Value {
        Value::from(stored.code())
    }
}

/// One word of a fixed Dutch vocabulary, or none: typed as the word (in
/// any case, without accents), or empty for none.
pub struct MaybeChoice<T>(std::marker::PhantomData<T>);

impl<T: Vocabulary> Kind for MaybeChoice<T>
where
    <T as std::str::FromStr>::Err: std::fmt::Display,
{
    type Stored = Option<T>;
    type Input = String;
    fn check(field: &'static str, input: &String) -> Result<Option<T>> {
        let input = input.trim();
        if input.is_empty() {
            return Ok(None);
        }
        input.parse().map(Some).map_err(|message: T::Err| {
            Error::validation(field, ValidationCode::InvalidChoice, message.to_string())
        })
    }
    fn absent() -> Option<T> {
        None
    }
    fn is_blank(stored: &Option<T>) -> bool {
        stored.is_none()
    }
    fn read(row: &Row, column: &str) -> rusqlite::Result<Option<T>> {
        Ok(row
            .get::<_, Option<String>>(column)?
            .and_then(|code| code.parse().ok()))
    }
    fn value(stored: &Option<T>) -> Value {
        stored.map_or(Value::Null, |word| Value::from(word.code()))
    }
}

/// Some words of a fixed vocabulary, kept in one field as `a|b`, in the
/// order given. A word from a newer version, unknown here, is left out.
pub struct Choices<T>(std::marker::PhantomData<T>);

impl<T: Vocabulary> Kind for Choices<T> {
    type Stored = Vec<T>;
    type Input = Vec<T>;
    fn check(_field: &'static str, input: &Vec<T>) -> Result<Vec<T>> {
        Ok(input.clone())
    }
    fn absent() -> Vec<T> {
        Vec::new()
    }
    fn is_blank(stored: &Vec<T>) -> bool {
        stored.is_empty()
    }
    fn read(row: &Row, column: &str) -> rusqlite::Result<Vec<T>> {
        Ok(row
            .get::<_, Option<String>>(column)?
            .unwrap_or_default()
            .split('|')
            .filter_map(|code| code.parse().ok())
            .collect())
    }
    fn value(stored: &Vec<T>) -> Value {
        let codes: Vec<&str> = stored.iter().map(|word| word.code()).collect();
        Value::from(codes.join("|"))
    }
}

/// Yes or no.
pub struct Flag;

impl Kind for Flag {
    type Stored = bool;
    type Input = bool;
    fn check(_field: &'static str, input: &bool) -> Result<bool> {
        Ok(*input)
    }
    fn absent() -> bool {
        false
    }
    fn read(row: &Row, column: &str) -> rusqlite::Result<bool> {
        Ok(row.get::<_, Option<bool>>(column)?.unwrap_or(false))
    }
    fn value(stored: &bool) -> Value {
        Value::from(*stored)
    }
}

/// A whole number.
pub struct Int;

impl Kind for Int {
    type Stored = i64;
    type Input = i64;
    fn check(_field: &'static str, input: &i64) -> Result<i64> {
        Ok(*input)
    }
    fn absent() -> i64 {
        0
    }
    fn read(row: &Row, column: &str) -> rusqlite::Result<i64> {
        Ok(row.get::<_, Option<i64>>(column)?.unwrap_or(0))
    }
    fn value(stored: &i64) -> Value {
        Value::from(*stored)
    }
}

/// An amount in euro cents, typed as Dutch euros (`12.500`, `€ 1.250,50`).
pub struct Money;

impl Kind for Money {
    type Stored = i64;
    type Input = String;
    fn check(field: &'static str, input: &String) -> Result<i64> {
        validate::money(field, input)
    }
    fn absent() -> i64 {
        0
    }
    fn read(row: &Row, column: &str) -> rusqlite::Result<i64> {
        Int::read(row, column)
    }
    fn value(stored: &i64) -> Value {
        Value::from(*stored)
    }
}

/// A time of day (Europe/Amsterdam) that may be left empty: `9:30` or
/// `09.30` is kept as `09:30`, so times compare as text; an empty text
/// clears it (stored as the empty text).
pub struct TimeOfDay;

impl Kind for TimeOfDay {
    type Stored = String;
    type Input = String;
    fn check(field: &'static str, input: &String) -> Result<String> {
        let text = input.trim();
        if text.is_empty() {
            return Ok(String::new());
        }
        let parsed = text
            .split_once([':', '.'])
            .and_then(|(h, m)| Some((h.parse::<u32>().ok()?, m.parse::<u32>().ok()?)))
            .filter(|(h, m)| *h < 24 && *m < 60);
        match parsed {
            Some((h, m)) => Ok(format!("{h:02}:{m:02}")),
            None => Err(Error::validation(
                field,
                ValidationCode::InvalidDate,
                format!("{text:?} is geen tijd (bijvoorbeeld 14:00)"),
            )),
        }
    }
    fn absent() -> String {
        String::new()
    }
    fn is_blank(stored: &String) -> bool {
        stored.is_empty()
    }
    fn read(row: &Row, column: &str) -> rusqlite::Result<String> {
        Text::<0>::read(row, column)
    }
    fn value(stored: &String) -> Value {
        Value::from(stored.as_str())
    }
}

/// Another entity's id, or none: typed as the id, or empty for none.
pub struct Ref;

impl Kind for Ref {
    type Stored = Option<Uuid>;
    type Input = String;
    fn check(field: &'static str, input: &String) -> Result<Option<Uuid>> {
        let input = input.trim();
        if input.is_empty() {
            return Ok(None);
        }
        Uuid::try_parse(input).map(Some).map_err(|_| {
            Error::validation(
                field,
                ValidationCode::InvalidChoice,
                format!("{input:?} is geen id van Wieg"),
            )
        })
    }
    fn absent() -> Option<Uuid> {
        None
    }
    fn is_blank(stored: &Option<Uuid>) -> bool {
        stored.is_none()
    }
    fn read(row: &Row, column: &str) -> rusqlite::Result<Option<Uuid>> {
        Ok(row
            .get::<_, Option<String>>(column)?
            .and_then(|id| Uuid::try_parse(&id).ok()))
    }
    fn value(stored: &Option<Uuid>) -> Value {
        stored.map_or(Value::from(""), |id| Value::from(id.to_string()))
    }
}

/// The id of the entity this one belongs to (an action's plan): always there.
pub struct Link;

impl Kind for Link {
    type Stored = Uuid;
    type Input = Uuid;
    fn check(_field: &'static str, input: &Uuid) -> Result<Uuid> {
        Ok(*input)
    }
    fn absent() -> Uuid {
        Uuid::nil()
    }
    fn is_blank(stored: &Uuid) -> bool {
        stored.is_nil()
    }
    fn read(row: &Row, column: &str) -> rusqlite::Result<Uuid> {
        Ok(row
            .get::<_, Option<String>>(column)?
            .and_then(|id| Uuid::try_parse(&id).ok())
            .unwrap_or_default())
    }
    fn value(stored: &Uuid) -> Value {
        Value::from(stored.to_string())
    }
}

/// A moment kept by Wieg itself (when a row was made), never typed in; a
/// moment that has not arrived yet reads as the earliest one.
pub struct Moment;

impl Kind for Moment {
    type Stored = DateTime<Utc>;
    type Input = ();
    fn check(_field: &'static str, _input: &()) -> Result<DateTime<Utc>> {
        Ok(DateTime::<Utc>::MIN_UTC)
    }
    fn absent() -> DateTime<Utc> {
        DateTime::<Utc>::MIN_UTC
    }
    fn read(row: &Row, column: &str) -> rusqlite::Result<DateTime<Utc>> {
        let text = row.get::<_, Option<String>>(column)?.unwrap_or_default();
        Ok(parse_iso_or(&text, DateTime::<Utc>::MIN_UTC))
    }
    fn value(stored: &DateTime<Utc>) -> Value {
        Value::from(crate::time::iso(*stored))
    }
    /// A creation whose moment has not arrived yet (changes can arrive out
    /// of order) reads as the row's last change.
    fn settled(stored: DateTime<Utc>, updated_at: DateTime<Utc>) -> DateTime<Utc> {
        if stored == DateTime::<Utc>::MIN_UTC {
            updated_at
        } else {
            stored
        }
    }
}

/// The one rule for "does this row still exist", as SQL on the entity's
/// table: not deleted, and its creation has fully arrived (changes can
/// arrive out of order, so a row may hold some fields before its
/// `created_at`). An entity that is never deleted, or never stamped,
/// leaves out the part it lacks.
pub fn living(spec: &EntitySpec) -> &'static str {
    match (spec.has_field("deleted"), spec.has_field("created_at")) {
        (true, true) => "deleted = 0 AND created_at != ''",
        (true, false) => "deleted = 0",
        (false, true) => "created_at != ''",
        (false, false) => "1",
    }
}

/// Whether a row's creation has fully arrived, deleted or not (for lists
/// that show deleted rows to restore them).
pub fn arrived(spec: &EntitySpec) -> &'static str {
    if spec.has_field("created_at") {
        "created_at != ''"
    } else {
        "1"
    }
}

/// A living row of `spec` with this id, or a validation error on `field`
/// saying that `what` (in Dutch: "organisatie") no longer exists.
pub fn require_living(
    conn: &rusqlite::Connection,
    spec: &EntitySpec,
    field: &str,
    id: Uuid,
    what: &str,
) -> Result<()> {
    let alive: bool = conn
        .prepare_cached(&format!(
            "SELECT EXISTS (SELECT 1 FROM {} WHERE id = ?1 AND {})",
            spec.table,
            living(spec)
        ))?
        .query_row([id.to_string()], |r| r.get(0))?;
    if alive {
        Ok(())
    } else {
        Err(Error::validation(
            field,
            ValidationCode::InvalidChoice,
            format!("{what} {id} bestaat niet (meer)"),
        ))
    }
}

/// A whole number that may be left empty (a year, a count per year), kept
/// as `T` so that the forms see a plain number. `null` clears it; for that,
/// such a field is declared with `#[serde(with = "crate::schema::nullable")]`
/// and `#[ts(as = "_")]`, or `null` would read as "left out".
pub struct Whole<T>(std::marker::PhantomData<T>);

impl<T> Kind for Whole<T>
where
    T: Copy + rusqlite::types::FromSql + Into<Value>,
{
    type Stored = Option<T>;
    type Input = Option<T>;
    fn check(_field: &'static str, input: &Option<T>) -> Result<Option<T>> {
        Ok(*input)
    }
    fn absent() -> Option<T> {
        None
    }
    fn is_blank(stored: &Option<T>) -> bool {
        stored.is_none()
    }
    fn read(row: &Row, column: &str) -> rusqlite::Result<Option<T>> {
        row.get(column)
    }
    fn value(stored: &Option<T>) -> Value {
        stored.map_or(Value::Null, Into::into)
    }
}

/// For an input field that is itself optional ([`Whole`]): `null` is a
/// value of its own (clear it), told apart from the field left out (leave
/// it). Serialising is the field's own.
pub mod nullable {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<T: Serialize, S: Serializer>(
        value: &T,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }

    /// Only called when the field is there: `null` becomes `Some(None)`.
    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<T>, D::Error> {
        T::deserialize(deserializer).map(Some)
    }
}

/// The id column: a value that is not a UUID (never written by Wieg) reads as nil.
pub fn read_id(row: &Row) -> rusqlite::Result<Uuid> {
    Ok(Uuid::try_parse(&row.get::<_, String>("id")?).unwrap_or_default())
}

/// A required field left out or left empty.
pub fn missing(field: &str, message: &str) -> Error {
    Error::validation(field, ValidationCode::Required, message)
}

/// What the forms know of one field: its name, what a coordinator calls it
/// (Dutch, English), whether it must be filled in and how long it may be.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub struct FieldInfo {
    pub name: &'static str,
    pub nl: &'static str,
    pub en: &'static str,
    pub required: bool,
    pub max: Option<usize>,
}

/// Declares an entity: see the module's docs. The shape:
///
/// ```ignore
/// entity! {
///     /// docs of the record
///     #[derive(Debug, Clone, Serialize, TS)]
///     pub struct Thing in THING = "thing", "things";
///     input ThingInput => ThingChecked { /* extra input fields, not columns */ }
///     fields {
///         /// docs
///         name: String = Text<200> ["Naam", "Name"] required "vul de naam in",
///         website: String = Text<500> ["Website", "Website"] check validate::website,
///         status: Status = Choice<Status> ["Status", "Status"] default (Status::Open),
///         /// the input calls it `budget`: euros as typed
///         budget_cents: i64 = Money ["Budget", "Budget"] input "budget",
///     }
///     kept { created_at: DateTime<Utc> = Moment, deleted: bool = Flag }
///     extra { status: Status }   // in the record, filled by the domain
///     hidden { deleted_seen }    // synced, never read into the record
/// }
/// ```
///
/// Also made: `Thing::SELECT`, `Thing::read(row)`, `Thing::FIELDS`,
/// `ThingInput::check(creating)` giving a `ThingChecked` (each field
/// `Some(value)` to write, `None` to leave) and `ThingChecked::write`.
macro_rules! entity {
    (
        $(#[$meta:meta])*
        pub struct $record:ident in $spec:ident = $name:literal, $table:literal;
        input $input:ident => $checked:ident { $($(#[$imeta:meta])* $ifield:ident : $ity:ty),* $(,)? }
        fields {
            $(
                $(#[$fmeta:meta])*
                $field:ident : $fty:ty = $kind:ty [$nl:literal, $en:literal]
                    $(required $message:literal)? $(default ($default:expr))?
                    $(input $alias:literal)? $(check $check:path)?
            ),* $(,)?
        }
        kept { $($kept:ident : $kty:ty = $kkind:ty),* $(,)? }
        extra { $($(#[$xmeta:meta])* $extra:ident : $xty:ty),* $(,)? }
        hidden { $($hidden:ident),* $(,)? }
    ) => {
        pub const $spec: $crate::changes::EntitySpec = $crate::changes::EntitySpec {
            name: $name,
            table: $table,
            fields: &[$(stringify!($field),)* $(stringify!($kept),)* $(stringify!($hidden),)*],
        };

        $(#[$meta])*
        pub struct $record {
            pub id: uuid::Uuid,
            $( $(#[$fmeta])* pub $field: $fty, )*
            $( $(#[$xmeta])* pub $extra: $xty, )*
            $( pub $kept: $kty, )*
            pub updated_at: chrono::DateTime<chrono::Utc>,
        }

        impl $record {
            /// Reads every declared column; the rest of a query is ignored.
            pub const SELECT: &'static str = concat!(
                "SELECT id, updated_at",
                $(", ", stringify!($field),)*
                $(", ", stringify!($kept),)*
                " FROM ", $table
            );

            /// The fields a form may show, in declaration order.
            pub const FIELDS: &'static [$crate::schema::FieldInfo] = &[$(
                $crate::schema::FieldInfo {
                    name: stringify!($field),
                    nl: $nl,
                    en: $en,
                    required: $crate::schema::entity!(@required $($message)?),
                    max: <$kind as $crate::schema::Kind>::MAX,
                },
            )*];

            /// A row of [`Self::SELECT`], by column name; `extra` fields
            /// start empty for the domain to fill.
            pub fn read(row: &rusqlite::Row) -> rusqlite::Result<Self> {
                let updated_at = <$crate::schema::Moment as $crate::schema::Kind>::read(row, "updated_at")?;
                Ok(Self {
                    id: $crate::schema::read_id(row)?,
                    $( $field: <$kind as $crate::schema::Kind>::read(row, stringify!($field))?, )*
                    $( $extra: Default::default(), )*
                    $( $kept: <$kkind as $crate::schema::Kind>::settled(
                        <$kkind as $crate::schema::Kind>::read(row, stringify!($kept))?,
                        updated_at,
                    ), )*
                    updated_at,
                })
            }
        }

        /// What a form or the CLI sends: creating fills what is left out,
        /// editing leaves it as it is.
        #[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize, ts_rs::TS)]
        #[serde(default)]
        #[ts(optional_fields)]
        pub struct $input {
            $(
                $(#[$fmeta])* $(#[serde(rename = $alias)])?
                pub $field: Option<<$kind as $crate::schema::Kind>::Input>,
            )*
            $( $(#[$imeta])* pub $ifield: $ity, )*
        }

        /// The input checked: each field `Some(value)` to write, `None` to leave.
        #[derive(Debug, Clone, Default)]
        pub struct $checked {
            $( pub $field: Option<$fty>, )*
        }

        impl $input {
            /// Checks every field in declaration order. Creating: a field
            /// left out gets its empty value, or is refused when required.
            /// Editing: a field left out is `None`, and stays as it is.
            pub fn check(&self, creating: bool) -> $crate::error::Result<$checked> {
                Ok($checked {
                    $( $field: match &self.$field {
                        Some(input) => {
                            let name = $crate::schema::entity!(@name $field $($alias)?);
                            let value = <$kind as $crate::schema::Kind>::check(name, input)?;
                            $crate::schema::entity!(@blank name, $kind, value, $($message)?);
                            let value = $crate::schema::entity!(@check name, value, $($check)?);
                            Some(value)
                        }
                        #[allow(unreachable_code, clippy::diverging_sub_expression)]
                        None if creating => Some($crate::schema::entity!(
                            @absent $crate::schema::entity!(@name $field $($alias)?),
                            $kind, [$($message)?], [$($default)?]
                        )),
                        None => None,
                    }, )*
                })
            }
        }

        impl $checked {
            /// One change per field to write; `None` fields are left alone.
            pub fn write(&self, w: &mut $crate::changes::Writer, id: uuid::Uuid) -> $crate::error::Result<()> {
                $( if let Some(value) = &self.$field {
                    w.set(&$spec, id, stringify!($field), <$kind as $crate::schema::Kind>::value(value))?;
                } )*
                Ok(())
            }
        }
    };

    (@required $message:literal) => { true };
    (@required) => { false };

    (@name $field:ident $alias:literal) => { $alias };
    (@name $field:ident) => { stringify!($field) };

    (@absent $name:expr, $kind:ty, [$message:literal], []) => {
        return Err($crate::schema::missing($name, $message))
    };
    (@absent $name:expr, $kind:ty, [], [$default:expr]) => { $default };
    (@absent $name:expr, $kind:ty, [], []) => {
        <$kind as $crate::schema::Kind>::absent()
    };

    (@blank $name:ident, $kind:ty, $value:ident, $message:literal) => {
        if <$kind as $crate::schema::Kind>::is_blank(&$value) {
            return Err($crate::schema::missing($name, $message));
        }
    };
    (@blank $name:ident, $kind:ty, $value:ident,) => {};

    (@check $name:ident, $value:ident, $check:path) => { $check($name, &$value)? };
    (@check $name:ident, $value:ident,) => { $value };
}

pub(crate) use entity;

#[cfg(test)]
#[allow(dead_code)] // the test entity is never read from or written to a table
mod tests {
    use serde::Serialize;
    use ts_rs::TS;

    use super::*;

    crate::vocabulary::dutch_choice!(#[derive(Default)] Status {
        #[default]
        Open = "open",
        Done = "klaar"
    });

    entity! {
        #[derive(Debug, Clone, Serialize, TS)]
        pub struct Thing in THING = "thing", "things";
        input ThingInput => ThingChecked {}
        fields {
            title: String = Text<10> ["Titel", "Title"] required "geef een titel",
            status: Status = Choice<Status> ["Status", "Status"] default (Status::Done),
            budget_cents: i64 = Money ["Budget", "Budget"] input "budget",
            owner: Option<Uuid> = Ref ["Eigenaar", "Owner"],
            due: Option<NaiveDate> = Date ["Klaar op", "Due"],
        }
        kept { created_at: DateTime<Utc> = Moment }
        extra {}
        hidden { deleted }
    }

    fn refused(input: &ThingInput, creating: bool) -> (String, ValidationCode) {
        match input.check(creating) {
            Err(Error::Validation(v)) => (v.field, v.code),
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    fn title(text: &str) -> ThingInput {
        ThingInput {
            title: Some(text.into()),
            ..Default::default()
        }
    }

    #[test]
    fn creating_fills_what_is_left_out_or_refuses_a_required_field() {
        let missing = ("title".to_string(), ValidationCode::Required);
        assert_eq!(refused(&ThingInput::default(), true), missing);
        assert_eq!(refused(&title("   "), true), missing);
        assert_eq!(
            refused(&title("veel te lang"), true),
            ("title".into(), ValidationCode::TooLong)
        );
        let made = title(" Plan ").check(true).unwrap();
        assert_eq!(made.title.as_deref(), Some("Plan"));
        assert_eq!(made.status, Some(Status::Done), "the declared default");
        assert_eq!(
            (made.budget_cents, made.owner, made.due),
            (Some(0), Some(None), Some(None))
        );
    }

    #[test]
    fn editing_checks_only_what_is_given_and_names_the_input_field() {
        let edit: ThingInput = serde_json::from_str(r#"{"budget": "€ 1.250,50"}"#).unwrap();
        let checked = edit.check(false).unwrap();
        assert_eq!(checked.budget_cents, Some(125_050));
        assert!(checked.title.is_none() && checked.status.is_none() && checked.owner.is_none());
        let bad = ThingInput {
            budget_cents: Some("twaalf".into()),
            ..Default::default()
        };
        assert_eq!(
            refused(&bad, false),
            ("budget".into(), ValidationCode::InvalidAmount)
        );
        let owner = ThingInput {
            owner: Some("niemand".into()),
            ..Default::default()
        };
        assert_eq!(
            refused(&owner, false),
            ("owner".into(), ValidationCode::InvalidChoice)
        );
        let cleared = ThingInput {
            owner: Some(" ".into()),
            due: Some(String::new()),
            ..Default::default()
        };
        let cleared = cleared.check(false).unwrap();
        assert_eq!((cleared.owner, cleared.due), (Some(None), Some(None)));
    }

    entity! {
        #[derive(Debug, Clone, Serialize, TS)]
        pub struct Tally in TALLY = "tally", "tallies";
        input TallyInput => TallyChecked {}
        fields {
            #[serde(with = "crate::schema::nullable")]
            #[ts(as = "_")]
            year: Option<i32> = Whole<i32> ["Jaar", "Year"],
        }
        kept {}
        extra {}
        hidden {}
    }

    #[test]
    fn a_whole_number_is_cleared_by_null_and_left_alone_when_left_out() {
        let read = |json: &str| serde_json::from_str::<TallyInput>(json).unwrap().year;
        assert_eq!(read(r#"{"year": 2027}"#), Some(Some(2027)));
        assert_eq!(read(r#"{"year": null}"#), Some(None), "null clears");
        assert_eq!(read("{}"), None, "left out: left as it is");
        let checked = TallyInput::default().check(true).unwrap();
        assert_eq!(checked.year, Some(None));
        assert_eq!(TallyInput::default().check(false).unwrap().year, None);
        assert_eq!(Whole::<i32>::value(&Some(2027)), Value::from(2027));
        assert_eq!(Whole::<u32>::value(&None), Value::Null);
        assert_eq!(
            TallyInput::decl(&ts_rs::Config::new()),
            "type TallyInput = { year?: number | null, };"
        );
    }

    #[test]
    fn some_words_are_kept_in_one_field_and_unknown_ones_left_out() {
        let words = vec![Status::Done, Status::Open];
        assert_eq!(Choices::<Status>::value(&words), Value::from("klaar|open"));
        assert_eq!(Choices::<Status>::value(&Vec::new()), Value::from(""));
        assert!(Choices::<Status>::is_blank(&Vec::new()));
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let read = |stored: Option<&str>| {
            conn.query_row("SELECT ?1 AS words", [stored], |r| {
                Choices::<Status>::read(r, "words")
            })
            .unwrap()
        };
        assert_eq!(read(Some("klaar|open")), words);
        assert_eq!(read(Some("klaar|nieuwerwets")), [Status::Done]);
        assert_eq!(read(Some("")), []);
        assert_eq!(read(None), []);
    }

    #[test]
    fn a_time_of_day_is_kept_as_hours_and_minutes_or_empty() {
        for (typed, kept) in [
            ("9:30", "09:30"),
            ("09.30", "09:30"),
            (" 14:00 ", "14:00"),
            ("", ""),
        ] {
            assert_eq!(TimeOfDay::check("start_time", &typed.into()).unwrap(), kept);
        }
        for wrong in ["25:00", "14:60", "twee uur", "14"] {
            match TimeOfDay::check("end_time", &wrong.into()) {
                Err(Error::Validation(v)) => {
                    assert_eq!(
                        (v.field.as_str(), v.code),
                        ("end_time", ValidationCode::InvalidDate)
                    )
                }
                other => panic!("{wrong:?} taken as {other:?}"),
            }
        }
        assert_eq!(TimeOfDay::value(&String::new()), Value::from(""));
    }

    #[test]
    fn the_declaration_gives_the_spec_the_select_and_the_field_list() {
        assert_eq!(
            THING.fields,
            [
                "title",
                "status",
                "budget_cents",
                "owner",
                "due",
                "created_at",
                "deleted"
            ]
        );
        assert_eq!(
            Thing::SELECT,
            "SELECT id, updated_at, title, status, budget_cents, owner, due, created_at FROM things"
        );
        let names: Vec<(&str, bool, Option<usize>)> = Thing::FIELDS
            .iter()
            .map(|f| (f.name, f.required, f.max))
            .collect();
        assert_eq!(names[0], ("title", true, Some(10)));
        assert_eq!(names[2], ("budget_cents", false, None));
        assert_eq!(living(&THING), "deleted = 0 AND created_at != ''");
        assert_eq!(arrived(&THING), "created_at != ''");
        assert_eq!(Ref::value(&None), Value::from(""));
        assert_eq!(
            MaybeChoice::<Status>::check("status", &" KLAAR ".into()).unwrap(),
            Some(Status::Done)
        );
        assert_eq!(
            MaybeChoice::<Status>::check("status", &"".into()).unwrap(),
            None
        );
        assert!(MaybeChoice::<Status>::check("status", &"half".into()).is_err());
        assert_eq!(MaybeChoice::<Status>::value(&None), Value::Null);
        assert_eq!(Date::value(&None), Value::Null);
        let (never, then) = (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::UNIX_EPOCH);
        assert_eq!(
            Moment::settled(never, then),
            then,
            "not arrived: the last change"
        );
        assert_eq!(Moment::settled(then, DateTime::<Utc>::MAX_UTC), then);
    }
}
