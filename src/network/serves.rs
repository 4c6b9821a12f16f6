//! Which municipalities an organisation serves. Each pair is a small entity
//! whose id is derived from the pair, so concurrent adds of the same pair on
//! two laptops are one membership, and an add and a remove merge like any
//! field (the later one wins; the other is listed as a conflict).

use std::collections::{BTreeSet, HashMap};

use uuid::Uuid;

use crate::changes::{EntitySpec, Writer};
use crate::error::Result;
use crate::workspace::Workspace;

pub const SERVES: EntitySpec = EntitySpec {
    name: "org_municipality",
    table: "org_municipalities",
    fields: &["organisation", "municipality", "deleted", "deleted_seen"],
};

/// The same id for the same pair, on every laptop.
fn pair_id(organisation: Uuid, municipality: Uuid) -> Uuid {
    const NAMESPACE: Uuid = Uuid::from_u128(0x5ee1_a2d0_0000_4000_8000_0000_7769_6567);
    Uuid::new_v5(
        &NAMESPACE,
        format!("{organisation}/{municipality}").as_bytes(),
    )
}

/// Make `organisation` serve exactly `municipalities`: adds and removes.
pub(crate) fn set_served_in(
    w: &mut Writer,
    organisation: Uuid,
    municipalities: &[Uuid],
) -> Result<()> {
    let now: BTreeSet<Uuid> = served(w.conn(), &[organisation])?
        .remove(&organisation)
        .unwrap_or_default();
    let wanted: BTreeSet<Uuid> = municipalities.iter().copied().collect();
    for &m in wanted.difference(&now) {
        let id = pair_id(organisation, m);
        w.set(&SERVES, id, "organisation", organisation.to_string())?;
        w.set(&SERVES, id, "municipality", m.to_string())?;
        w.set_deleted(&SERVES, id, false)?;
    }
    for &m in now.difference(&wanted) {
        w.set_deleted(&SERVES, pair_id(organisation, m), true)?;
    }
    Ok(())
}

/// The municipalities each of `organisations` serves (living memberships of
/// living municipalities).
pub(crate) fn served(
    conn: &rusqlite::Connection,
    organisations: &[Uuid],
) -> Result<HashMap<Uuid, BTreeSet<Uuid>>> {
    let mut out: HashMap<Uuid, BTreeSet<Uuid>> = HashMap::new();
    let base = "SELECT s.organisation, s.municipality FROM org_municipalities s \
         JOIN municipalities m ON m.id = s.municipality AND m.deleted = 0 \
         WHERE s.deleted = 0 AND s.organisation != ''";
    let mut add = |o: String, m: String| {
        if let (Ok(o), Ok(m)) = (Uuid::try_parse(&o), Uuid::try_parse(&m)) {
            out.entry(o).or_default().insert(m);
        }
    };
    let pair = |r: &rusqlite::Row| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?));
    // A few organisations (a detail page, an edit): their rows by index;
    // a whole list: one pass over all memberships.
    if organisations.len() <= 16 {
        let mut stmt = conn.prepare_cached(&format!("{base} AND s.organisation = ?1"))?;
        for org in organisations {
            for row in stmt.query_map([org.to_string()], pair)? {
                let (o, m) = row?;
                add(o, m);
            }
        }
    } else {
        let wanted: BTreeSet<String> = organisations.iter().map(Uuid::to_string).collect();
        let mut stmt = conn.prepare_cached(base)?;
        for row in stmt.query_map([], pair)? {
            let (o, m) = row?;
            if wanted.contains(&o) {
                add(o, m);
            }
        }
    }
    Ok(out)
}

impl Workspace {
    /// Make an organisation serve exactly these municipalities.
    pub fn set_served_municipalities(
        &mut self,
        organisation: Uuid,
        municipalities: &[Uuid],
    ) -> Result<()> {
        self.organisation(organisation)?;
        for &m in municipalities {
            self.municipality(m)?;
        }
        self.write(|w| set_served_in(w, organisation, municipalities))
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
