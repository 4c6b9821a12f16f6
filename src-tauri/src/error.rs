//! The shell's error: the core's, plus what only the shell can get wrong.
//! It crosses IPC as `{kind, message, validation}` (the core's ErrorPayload).

use serde::{Serialize, Serializer};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Core(#[from] wieg::Error),
    #[error("de gegevens zijn niet beschikbaar na een eerdere fout; herstart Wieg")]
    Poisoned,
    #[error("Wieg kon niet starten: {0}")]
    Startup(String),
    #[error("{0} is niet zojuist door Wieg geëxporteerd")]
    NotExported(String),
    #[error("het bestand kon niet worden geopend: {0}")]
    Open(String),
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn payload(&self) -> wieg::ErrorPayload {
        match self {
            Error::Core(e) => e.payload(),
            other => wieg::ErrorPayload {
                kind: wieg::ErrorKind::Io,
                message: other.to_string(),
                validation: None,
            },
        }
    }
}

impl Serialize for Error {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        self.payload().serialize(s)
    }
}
