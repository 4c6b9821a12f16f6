//! The core's one error type. Every error a user or a file can cause ends up
//! here, with a stable `kind` the UI branches on and a Dutch message the CLI
//! prints. Nothing in the core panics on user input.

use serde::Serialize;
use ts_rs::TS;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why a value was refused. The UI translates `code` per field; `message`
/// is the Dutch text for the CLI and logs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ValidationError {
    pub field: String,
    pub code: ValidationCode,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ValidationCode {
    Required,
    TooLong,
    InvalidUrl,
    InvalidChoice,
    InvalidDate,
    InvalidCode,
    InvalidEmail,
    InvalidPhone,
    InvalidAmount,
    Duplicate,
    DateOrder,
}

impl ValidationError {
    pub fn new(field: &str, code: ValidationCode, message: impl Into<String>) -> Self {
        Self {
            field: field.to_string(),
            code,
            message: message.into(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}", .0.message)]
    Validation(ValidationError),
    #[error("{what} niet gevonden: {id}")]
    NotFound { what: &'static str, id: String },
    #[error("er is nog geen coalitie")]
    NoCoalition,
    #[error("er is al een coalitie in deze gegevensmap: {0}")]
    CoalitionExists(String),
    #[error("ongeldige invoer: {0}")]
    InvalidInput(String),
    #[error("de database is van een nieuwere versie van Wieg (schema {found}, deze versie kent t/m {known}): werk Wieg bij")]
    NewerSchema { found: i64, known: i64 },
    #[error("de gedeelde map is niet bereikbaar ({0}) — je kunt gewoon doorwerken")]
    SyncFolderMissing(String),
    #[error("er is nog geen gedeelde map gekozen")]
    NoSyncFolder,
    #[error("de gegevensmap {0} ligt in de gedeelde map; een database mag niet in een gesynchroniseerde map staan")]
    DatabaseInSyncFolder(String),
    #[error("geen Wieg-coalitie gevonden in {0}")]
    NoCoalitionInFolder(String),
    #[error("de gedeelde map bevat meer dan één coalitie; kies er een: {0}")]
    SeveralCoalitionsInFolder(String),
    #[error("databasefout: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("bestandsfout bij {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("ongeldige JSON: {0}")]
    Json(#[from] serde_json::Error),
}

impl Error {
    pub fn io(path: impl AsRef<std::path::Path>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.as_ref().display().to_string(),
            source,
        }
    }

    pub fn validation(field: &str, code: ValidationCode, message: impl Into<String>) -> Self {
        Error::Validation(ValidationError::new(field, code, message))
    }

    /// The stable name of this error's kind, as the UI sees it.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Validation(_) => ErrorKind::Validation,
            Error::NotFound { .. } => ErrorKind::NotFound,
            Error::NoCoalition => ErrorKind::NoCoalition,
            Error::CoalitionExists(_) => ErrorKind::CoalitionExists,
            Error::InvalidInput(_) => ErrorKind::InvalidInput,
            Error::NewerSchema { .. } => ErrorKind::NewerSchema,
            Error::SyncFolderMissing(_) => ErrorKind::SyncFolderMissing,
            Error::NoSyncFolder
            | Error::DatabaseInSyncFolder(_)
            | Error::NoCoalitionInFolder(_)
            | Error::SeveralCoalitionsInFolder(_) => ErrorKind::SyncFolder,
            Error::Database(_) => ErrorKind::Database,
            Error::Io { .. } => ErrorKind::Io,
            Error::Json(_) => ErrorKind::InvalidInput,
        }
    }

    /// The error as it crosses the IPC boundary.
    pub fn payload(&self) -> ErrorPayload {
        let validation = match self {
            Error::Validation(v) => Some(v.clone()),
            _ => None,
        };
        ErrorPayload {
            kind: self.kind(),
            message: self.to_string(),
            validation,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    Validation,
    NotFound,
    NoCoalition,
    CoalitionExists,
    InvalidInput,
    NewerSchema,
    SyncFolderMissing,
    SyncFolder,
    Database,
    Io,
}

/// `{kind, message, validation?}`: what a failed command returns to the UI.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ErrorPayload {
    pub kind: ErrorKind,
    pub message: String,
    pub validation: Option<ValidationError>,
}
