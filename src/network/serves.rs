//! Which municipalities an organisation serves (a [`Membership`]).

use std::collections::{BTreeSet, HashMap};

use uuid::Uuid;

use crate::changes::{EntitySpec, Writer};
use crate::error::Result;
use crate::membership::Membership;
use crate::workspace::Workspace;

pub const SERVES: EntitySpec = EntitySpec {
    name: "org_municipality",
    table: "org_municipalities",
    fields: &["organisation", "municipality", "deleted", "deleted_seen"],
};

/// Organisation → the municipalities it serves.
pub(crate) const SERVED: Membership = Membership {
    spec: &SERVES,
    owner: "organisation",
    member: "municipality",
    member_table: "municipalities",
    member_living: "m.deleted = 0",
    namespace: Uuid::from_u128(0x5ee1_a2d0_0000_4000_8000_0000_7769_6567),
};

/// Make `organisation` serve exactly `municipalities`: adds and removes.
pub(crate) fn set_served_in(
    w: &mut Writer,
    organisation: Uuid,
    municipalities: &[Uuid],
) -> Result<()> {
    SERVED.set_in(w, organisation, municipalities)
}

/// As [`set_served_in`], refused when a municipality is not there.
pub(crate) fn set_served_checked_in(
    w: &mut Writer,
    organisation: Uuid,
    municipalities: &[Uuid],
) -> Result<()> {
    for &m in municipalities {
        super::municipalities::get(w.conn(), m)?;
    }
    set_served_in(w, organisation, municipalities)
}

/// The municipalities each of `organisations` serves (living memberships of
/// living municipalities).
pub(crate) fn served(
    conn: &rusqlite::Connection,
    organisations: &[Uuid],
) -> Result<HashMap<Uuid, BTreeSet<Uuid>>> {
    SERVED.of(conn, organisations)
}

impl Workspace {
    /// Make an organisation serve exactly these municipalities.
    pub fn set_served_municipalities(
        &mut self,
        organisation: Uuid,
        municipalities: &[Uuid],
    ) -> Result<()> {
        self.organisation(organisation)?;
        self.write(|w| set_served_checked_in(w, organisation, municipalities))
    }

    /// The municipalities an organisation serves, by name.
    pub fn served_municipalities(
        &self,
        organisation: Uuid,
    ) -> Result<Vec<crate::network::Municipality>> {
        let ids = served(self.conn(), &[organisation])?
            .remove(&organisation)
            .unwrap_or_default();
        Ok(self
            .list_municipalities(false)?
            .into_iter()
            .filter(|m| ids.contains(&m.id))
            .collect())
    }
}
