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
//! ## Layers
//!
//! From the bottom up; a layer uses only those below it.
//!
//! 1. **Foundation**: [`error`], [`time`], [`vocabulary`] (Dutch words and
//!    folding), [`table`] (CSV and workbooks read), validation and row
//!    helpers. Knows no entity.
//! 2. **Engine**: the change log and its writer ([`changes`]), the merge
//!    rule as pure functions ([`merge`]), the clock ([`hlc`]), the
//!    [`Workspace`] (a database, a replica, a clock), [`sync`] through a
//!    shared folder, [`conflicts`], the canonical dump, and [`schema`], how
//!    an entity is declared. It never names an
//!    entity of the domain: a [`changes::Registry`] of entity specs is
//!    handed to it when a workspace is opened. A test
//!    (`tests/it/layers.rs`) fails when an engine module imports the domain
//!    or calls one of the domain's methods on the workspace.
//! 3. **Domain**: [`coalition`], [`network`], [`plan`], [`meetings`] (and
//!    the [`dashboard`], which reads across them in one snapshot): each
//!    declares its entities once, with `entity!` ([`schema`]: the table, each
//!    field's kind, checks and labels; from it follow the
//!    [`changes::EntitySpec`], the record read by column name, one input for
//!    creating and editing, its checks and writes, and the TypeScript
//!    types), and adds its operations to `Workspace`; synced data is written
//!    only through [`changes::Writer`] (local bookkeeping, such as the list
//!    of imports, has tables of its own).
//! 4. **Composition, input and output**: [`entities`] hands the domain's
//!    entities to the engine (`Workspace::open`); [`import`] is the one home
//!    of partners' files coming in (into the network and the plan alike);
//!    [`export`] is the one home of every file for partners (documents,
//!    sheets, calendar files, the archive); [`outreach`] puts partners in
//!    the loop (the update round: a workbook out per partner, its return
//!    read back field by field and taken over only when accepted);
//!    [`demo`] and `bench` build coalitions to show and to measure (`bench`
//!    only with the cargo feature of that name: nothing shipped carries it).
//!
//! "Now" is the workspace's clock ([`Workspace::now`], `Writer::now`),
//! never the computer's read directly (clippy.toml bans it), so a laptop
//! whose clock is wrong is acted out the same way everywhere, and "today"
//! is the user's calendar day on every page and in every document.
//!
//! ```
//! use wieg::{OrganisationInput, OrgKind, Domain, Workspace};
//! let dir = tempfile::tempdir().unwrap();
//! let mut ws = Workspace::open(dir.path()).unwrap();
//! ws.create_coalition("Kansrijke Start Venlo").unwrap();
//! let org = ws.create_organisation(&OrganisationInput {
//!     name: Some("Verloskundigenpraktijk De Maas".into()),
//!     kind: Some(OrgKind::Verloskundigenpraktijk),
//!     domain: Some(Domain::Medisch),
//!     ..Default::default()
//! }).unwrap();
//! assert_eq!(ws.list_organisations(&Default::default()).unwrap(), vec![org]);
//! ```

#[cfg(feature = "bench")]
pub mod bench;
pub mod bindings;
pub mod changes;
pub mod coalition;
pub mod conflicts;
pub mod dashboard;
mod db;
pub mod demo;
mod dump;
pub mod entities;
pub mod error;
pub mod export;
pub mod hlc;
pub mod import;
pub mod meetings;
pub mod membership;
pub mod merge;
pub mod network;
pub mod outreach;
pub mod plan;
mod rows;
pub mod schema;
pub mod sync;
pub mod table;
pub mod time;
mod validate;
pub mod vocabulary;
pub mod workspace;

pub use changes::{Change, Conflict};
pub use coalition::{AppStatus, Coalition, CoalitionInput};
pub use conflicts::{ConflictView, RacedDelete, RacedEdit};
/// The schema's migrations, for tests that turn a database back into an older one.
#[doc(hidden)]
pub use db::MIGRATIONS;
pub use db::SCHEMA_VERSION;
pub use error::{Error, ErrorKind, ErrorPayload, Result, ValidationCode, ValidationError};
pub use network::{
    BridgeBuilder, CoalitionRole, CoalitionStatus, Contact, ContactChange, ContactFilter,
    ContactInput, ContactInzage, Domain, DomainCount, GrowthPoint, LegalBasis, Municipality,
    MunicipalityInput, NetworkMetrics, NetworkSummary, OrgKind, Organisation, OrganisationDetail,
    OrganisationFilter, OrganisationInput, Relation, RelationInput, RelationKind,
};
pub use sync::{KnownReplica, SkipKind, SkippedFile, SyncReport, SyncStatus};
pub use workspace::{default_data_dir, resolve_data_dir, ApplyReport, Replica, Workspace};
