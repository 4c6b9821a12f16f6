//! The coalition network: partner organisations, the municipalities of the
//! coalition, the relations between partners and what they add up to;
//! contact persons are to come.

mod metrics;
mod municipalities;
mod organisations;
mod relations;
mod serves;

pub use metrics::*;
pub use municipalities::*;
pub use organisations::*;
pub use relations::*;
pub use serves::*;
