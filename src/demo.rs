//! The demo coalition ("Probeer met voorbeelddata"): a fictional coalition
//! in real municipalities, loaded through the ordinary change path so it
//! syncs and behaves like data a coordinator typed in.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::coalition::{create_coalition_in, Coalition};
use crate::error::{Error, Result};
use crate::network::{
    create_municipality_in, create_organisation_in, NewMunicipality, NewOrganisation,
};
use crate::workspace::Workspace;

const DEMO_JSON: &str = include_str!("../assets/demo/coalition.json");

#[derive(Debug, Deserialize)]
pub struct DemoCoalition {
    pub name: String,
    pub start_date: NaiveDate,
    pub municipalities: Vec<DemoMunicipality>,
    pub organisations: Vec<NewOrganisation>,
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
            for m in &demo.municipalities {
                let input = NewMunicipality {
                    name: m.name.clone(),
                    cbs_code: m.cbs_code.clone(),
                    ..Default::default()
                };
                create_municipality_in(w, &input)?;
            }
            for org in &demo.organisations {
                create_organisation_in(w, org)?;
            }
            Ok(())
        })?;
        self.require_coalition()
    }
}
