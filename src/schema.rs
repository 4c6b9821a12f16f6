//! An entity declared once. [`entity!`] turns one declaration — the table,
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

#[allow(unused_imports)] // named in the docs above
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
pub trait Vocabulary: Copy + std::str::FromStr {
    fn code(self) -> &'static str;
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
}

/// The id column: a value that is not a UUID (never written by Wieg) reads as nil.
pub fn read_id(row: &Row) -> rusqlite::Result<Uuid> {
    Ok(Uuid::try_parse(&row.get::<_, String>("id")?).unwrap_or_default())
}

/// A required field left out or left empty.
pub fn missing(field: &'static str, message: &'static str) -> Error {
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
                    $(required $message:literal)? $(check $check:path)?
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
                Ok(Self {
                    id: $crate::schema::read_id(row)?,
                    $( $field: <$kind as $crate::schema::Kind>::read(row, stringify!($field))?, )*
                    $( $extra: Default::default(), )*
                    $( $kept: <$kkind as $crate::schema::Kind>::read(row, stringify!($kept))?, )*
                    updated_at: <$crate::schema::Moment as $crate::schema::Kind>::read(row, "updated_at")?,
                })
            }
        }

        /// What a form or the CLI sends: creating fills what is left out,
        /// editing leaves it as it is.
        #[derive(Debug, Clone, Default, serde::Deserialize, serde::Serialize, ts_rs::TS)]
        #[serde(default)]
        #[ts(optional_fields)]
        pub struct $input {
            $( $(#[$fmeta])* pub $field: Option<<$kind as $crate::schema::Kind>::Input>, )*
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
                            let value = <$kind as $crate::schema::Kind>::check(stringify!($field), input)?;
                            $crate::schema::entity!(@blank $field, $kind, value, $($message)?);
                            let value = $crate::schema::entity!(@check $field, value, $($check)?);
                            Some(value)
                        }
                        None if creating => {
                            #[allow(unreachable_code)]
                            Some($crate::schema::entity!(@absent $field, $kind, $($message)?))
                        }
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

    (@absent $field:ident, $kind:ty, $message:literal) => {
        return Err($crate::schema::missing(stringify!($field), $message))
    };
    (@absent $field:ident, $kind:ty,) => {
        <$kind as $crate::schema::Kind>::absent()
    };

    (@blank $field:ident, $kind:ty, $value:ident, $message:literal) => {
        if <$kind as $crate::schema::Kind>::is_blank(&$value) {
            return Err($crate::schema::missing(stringify!($field), $message));
        }
    };
    (@blank $field:ident, $kind:ty, $value:ident,) => {};

    (@check $field:ident, $value:ident, $check:path) => { $check(stringify!($field), &$value)? };
    (@check $field:ident, $value:ident,) => { $value };
}

pub(crate) use entity;
