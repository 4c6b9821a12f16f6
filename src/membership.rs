//! Memberships: "organisation serves municipality", "action involves
//! partner". Each pair is a small entity whose id is derived from the pair,
//! so concurrent adds of the same pair on two laptops are one membership,
//! and an add and a remove merge like any field (the later one wins; the
//! other is listed as a conflict).

use std::collections::{BTreeSet, HashMap};

use uuid::Uuid;

use crate::changes::{EntitySpec, Writer};
use crate::error::Result;

/// A membership entity: its spec (with the fields `owner` and `member`,
/// `deleted` and `deleted_seen`), the table its members live in, and the
/// namespace its pair ids are made in.
pub struct Membership {
    pub spec: &'static EntitySpec,
    pub owner: &'static str,
    pub member: &'static str,
    pub member_table: &'static str,
    /// When a member row counts as living (`m.` is the member table).
    pub member_living: &'static str,
    pub namespace: Uuid,
}

impl Membership {
    /// The same id for the same pair, on every laptop.
    pub fn pair_id(&self, owner: Uuid, member: Uuid) -> Uuid {
        Uuid::new_v5(&self.namespace, format!("{owner}/{member}").as_bytes())
    }

    /// Make `owner` have exactly `members`: adds and removes.
    pub(crate) fn set_in(&self, w: &mut Writer, owner: Uuid, members: &[Uuid]) -> Result<()> {
        let now: BTreeSet<Uuid> = self
            .of(w.conn(), &[owner])?
            .remove(&owner)
            .unwrap_or_default();
        let wanted: BTreeSet<Uuid> = members.iter().copied().collect();
        for &m in wanted.difference(&now) {
            let id = self.pair_id(owner, m);
            w.set(self.spec, id, self.owner, owner.to_string())?;
            w.set(self.spec, id, self.member, m.to_string())?;
            w.set_deleted(self.spec, id, false)?;
        }
        for &m in now.difference(&wanted) {
            w.set_deleted(self.spec, self.pair_id(owner, m), true)?;
        }
        Ok(())
    }

    /// The living members of each of `owners` (memberships and members not
    /// deleted).
    pub(crate) fn of(
        &self,
        conn: &rusqlite::Connection,
        owners: &[Uuid],
    ) -> Result<HashMap<Uuid, BTreeSet<Uuid>>> {
        let mut out: HashMap<Uuid, BTreeSet<Uuid>> = HashMap::new();
        let base = format!(
            "SELECT s.{owner}, s.{member} FROM {table} s \
             JOIN {members} m ON m.id = s.{member} AND {living} \
             WHERE s.deleted = 0 AND s.{owner} != ''",
            owner = self.owner,
            member = self.member,
            table = self.spec.table,
            members = self.member_table,
            living = self.member_living,
        );
        let mut add = |o: String, m: String| {
            if let (Ok(o), Ok(m)) = (Uuid::try_parse(&o), Uuid::try_parse(&m)) {
                out.entry(o).or_default().insert(m);
            }
        };
        let pair = |r: &rusqlite::Row| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?));
        // A few owners (a detail page, an edit): their rows by index; a
        // whole list: one pass over all memberships.
        if owners.len() <= 16 {
            let mut stmt = conn.prepare_cached(&format!("{base} AND s.{} = ?1", self.owner))?;
            for owner in owners {
                for row in stmt.query_map([owner.to_string()], pair)? {
                    let (o, m) = row?;
                    add(o, m);
                }
            }
        } else {
            let wanted: BTreeSet<String> = owners.iter().map(Uuid::to_string).collect();
            let mut stmt = conn.prepare_cached(&base)?;
            for row in stmt.query_map([], pair)? {
                let (o, m) = row?;
                if wanted.contains(&o) {
                    add(o, m);
                }
            }
        }
        Ok(out)
    }
}
