//! The demo coalition ("Probeer met voorbeelddata"): a fictional coalition
//! in real municipalities, loaded through the ordinary change path so it
//! syncs and behaves like data a coordinator typed in.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::coalition::{create_coalition_in, Coalition};
use crate::error::{Error, Result};
use crate::network::{
    create_contact_in, create_municipality_in, create_organisation_in, create_relation_in,
    set_served_in, ContactInput, LegalBasis, NewMunicipality, NewOrganisation, NewRelation,
    RelationKind,
};
use crate::workspace::Workspace;

const DEMO_JSON: &str = include_str!("../assets/demo/coalition.json");

#[derive(Debug, Deserialize)]
pub struct DemoCoalition {
    pub name: String,
    pub start_date: NaiveDate,
    pub municipalities: Vec<DemoMunicipality>,
    pub organisations: Vec<DemoOrganisation>,
    pub relations: Vec<DemoRelation>,
    pub contacts: Vec<DemoContact>,
}

/// An organisation and the municipalities it serves, by name.
#[derive(Debug, Deserialize)]
pub struct DemoOrganisation {
    #[serde(flatten)]
    pub organisation: NewOrganisation,
    pub municipalities: Vec<String>,
}

/// A (fictional) contact person, with the name of their organisation.
#[derive(Debug, Deserialize)]
pub struct DemoContact {
    pub organisation: String,
    pub name: String,
    pub function: String,
    pub email: String,
    pub phone: String,
    pub coalition_role: String,
    pub legal_basis: LegalBasis,
    pub active_from: String,
    pub last_checked: String,
}

/// A relation by the names of its organisations.
#[derive(Debug, Deserialize)]
pub struct DemoRelation {
    pub from: String,
    pub to: String,
    pub kind: RelationKind,
    pub strength: u8,
    pub start_date: String,
}

#[derive(Debug, Deserialize)]
pub struct DemoMunicipality {
    pub name: String,
    pub cbs_code: String,
}

pub fn demo_coalition() -> Result<DemoCoalition> {
    Ok(serde_json::from_str(DEMO_JSON)?)
}

impl Workspace {
    /// Load the demo coalition into an empty database, in one transaction.
    pub fn load_demo(&mut self) -> Result<Coalition> {
        if let Some(existing) = self.coalition()? {
            return Err(Error::CoalitionExists(existing.name));
        }
        let demo = demo_coalition()?;
        self.write(|w| {
            create_coalition_in(w, &demo.name, demo.start_date)?;
            let mut municipalities = HashMap::new();
            for m in &demo.municipalities {
                let input = NewMunicipality {
                    name: m.name.clone(),
                    cbs_code: m.cbs_code.clone(),
                    ..Default::default()
                };
                municipalities.insert(m.name.as_str(), create_municipality_in(w, &input)?);
            }
            let known = |ids: &HashMap<&str, uuid::Uuid>, name: &str| {
                ids.get(name)
                    .copied()
                    .ok_or_else(|| Error::InvalidInput(format!("demo: {name}")))
            };
            let mut ids = HashMap::new();
            for org in &demo.organisations {
                let id = create_organisation_in(w, &org.organisation)?;
                ids.insert(org.organisation.name.as_str(), id);
                let served = org
                    .municipalities
                    .iter()
                    .map(|m| known(&municipalities, m))
                    .collect::<Result<Vec<_>>>()?;
                set_served_in(w, id, &served)?;
            }
            for c in &demo.contacts {
                let input = ContactInput {
                    organisation: Some(known(&ids, &c.organisation)?),
                    name: Some(c.name.clone()),
                    function: Some(c.function.clone()),
                    email: Some(c.email.clone()),
                    phone: Some(c.phone.clone()),
                    coalition_role: Some(c.coalition_role.clone()),
                    legal_basis: Some(c.legal_basis),
                    active_from: Some(c.active_from.clone()),
                    last_checked: Some(c.last_checked.clone()),
                    ..Default::default()
                };
                create_contact_in(w, &input)?;
            }
            for r in &demo.relations {
                let id = |name: &str| known(&ids, name);
                let input = NewRelation {
                    from_org: id(&r.from)?,
                    to_org: id(&r.to)?,
                    kind: Some(r.kind),
                    strength: Some(r.strength),
                    start_date: Some(r.start_date.clone()),
                    ..Default::default()
                };
                create_relation_in(w, &input)?;
            }
            Ok(())
        })?;
        self.require_coalition()
    }
}
