//! Partners in the loop without a server. Most of what the coordinator
//! keeps comes from partners, so an update round (*actualisatieronde*)
//! sends each partner organisation one workbook with what Wieg holds about
//! it, and reads back what it changed: shown field by field, written only
//! when the coordinator accepts, and undone as a whole like an import.
//! Follow-up e-mails are drafts the coordinator's own mail program opens:
//! Wieg sends nothing itself.

mod drafts;
mod round;

pub use drafts::*;
pub use round::*;
