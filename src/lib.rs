//! # Wieg — the offline-first core
//!
//! Everything a coordinator of a *Kansrijke Start* coalition can do is a
//! function here, usable without a window: the desktop app (`src-tauri`) and
//! the `wieg` command line are thin front ends over it.
//!
//! A [`Workspace`] is one data directory with one SQLite database. Every
//! write goes through the change path ([`changes`]): it becomes field
//! changes stamped with a hybrid logical clock ([`hlc`]), appended to a log
//! in the same transaction that updates the typed tables, so laptops can
//! exchange logs and converge without a server.
//!
//! This crate never depends on Tauri or any UI, and holds data about the
//! coalition and its professionals only — never about families.
//!
//! ```
//! use wieg::{NewOrganisation, OrgKind, Domain, Workspace};
//! let dir = tempfile::tempdir().unwrap();
//! let mut ws = Workspace::open(dir.path()).unwrap();
//! ws.create_coalition("Kansrijke Start Venlo").unwrap();
//! let org = ws.create_organisation(&NewOrganisation {
//!     name: "Verloskundigenpraktijk De Maas".into(),
//!     kind: Some(OrgKind::Verloskundigenpraktijk),
//!     domain: Some(Domain::Medisch),
//!     ..Default::default()
//! }).unwrap();
//! assert_eq!(ws.list_organisations(&Default::default()).unwrap(), vec![org]);
//! ```

pub mod bench;
pub mod bindings;
pub mod changes;
pub mod coalition;
pub mod conflicts;
mod db;
pub mod demo;
mod dump;
pub mod error;
pub mod export;
pub mod hlc;
pub mod meetings;
pub mod membership;
pub mod network;
pub mod plan;
mod rows;
pub mod sync;
pub mod table;
pub mod time;
mod validate;
pub mod vocabulary;
pub mod workspace;

pub use changes::{Change, Conflict};
pub use coalition::{AppStatus, Coalition};
pub use conflicts::{ConflictView, RacedDelete, RacedEdit};
pub use db::SCHEMA_VERSION;
pub use error::{Error, ErrorKind, ErrorPayload, Result, ValidationCode, ValidationError};
pub use network::{
    BridgeBuilder, CoalitionRole, CoalitionStatus, Contact, ContactChange, ContactFilter,
    ContactInput, ContactInzage, Domain, DomainCount, GrowthPoint, LegalBasis, Municipality,
    NetworkMetrics, NetworkSummary, NewMunicipality, NewOrganisation, NewRelation, OrgKind,
    Organisation, OrganisationFilter, OrganisationPatch, Relation, RelationKind, RelationPatch,
};
pub use sync::{KnownReplica, SkipKind, SkippedFile, SyncReport, SyncStatus};
pub use workspace::{default_data_dir, resolve_data_dir, ApplyReport, Replica, Workspace};
