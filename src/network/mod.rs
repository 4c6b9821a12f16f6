//! The coalition network: partner organisations, the municipalities of the
//! coalition, their contact persons, the relations between partners and
//! what they add up to.

mod contacts;
mod layout;
mod map;
mod metrics;
mod municipalities;
mod organisations;
mod relations;
mod serves;

pub use contacts::*;
pub use layout::*;
pub use map::*;
pub use metrics::*;
pub use municipalities::*;
pub use organisations::*;
pub use relations::*;
pub use serves::*;
