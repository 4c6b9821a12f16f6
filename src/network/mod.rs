//! The coalition network: partner organisations, the municipalities of the
//! coalition, and (to come) contact persons and the relations between
//! partners.

mod municipalities;
mod organisations;

pub use municipalities::*;
pub use organisations::*;
