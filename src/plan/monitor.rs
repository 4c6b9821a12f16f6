//! Indicators to add with one choice: those of RIVM's *Landelijke Monitor
//! Kansrijke Start* whose numerator (teller), denominator (noemer) and
//! source RIVM itself publishes, in the code it computes the monitor of
//! 2023 and 2024 with (github.com/rivm-syso/DIAPER, EUPL). Each is taken
//! as its header there defines it; the phase is the one of the first 1000
//! days it is measured in.
//!
//! These are the national monitor's definitions. RIVM's local set for
//! municipalities (the *basisset* of 19 indicators on Regiobeeld) names the
//! same topics, but its own table of numerators and denominators was not
//! available to build on, so it is not offered as such.
//!
//! An indicator added from the catalogue gets an id made from its name, so
//! two laptops that add it keep one; values are typed or imported as for
//! any indicator.

use serde::Serialize;
use ts_rs::TS;
use uuid::Uuid;

use super::indicators::{create_indicator_with_id_in, Indicator, IndicatorInput};
use super::interventions::ActionLine;
use crate::changes::Writer;
use crate::error::{Error, Result, ValidationCode};
use crate::vocabulary::fold;
use crate::workspace::Workspace;

/// Where the catalogue's definitions come from, as an indicator's source says it.
pub const MONITOR_SOURCE: &str = "RIVM Landelijke Monitor Kansrijke Start";

/// One indicator as RIVM defines it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Definition {
    name: &'static str,
    phase: ActionLine,
    numerator: &'static str,
    denominator: &'static str,
    /// The registers it is computed from.
    data: &'static str,
}

/// In the order of the first 1000 days: during pregnancy, after birth.
const CATALOGUE: &[Definition] = &[
    Definition {
        name: "Start zwangerschapsbegeleiding ná 10e week zwangerschap",
        phase: ActionLine::TijdensZwangerschap,
        numerator: "Het aantal zwangerschappen van 24 weken of meer waarbij zwangerschapsbegeleiding startte na de 10e week van de zwangerschap",
        denominator: "Het aantal zwangerschappen van 24 weken of meer",
        data: "Perined",
    },
    Definition {
        name: "Vrouwen met problematische schulden in het jaar van de bevalling",
        phase: ActionLine::TijdensZwangerschap,
        numerator: "Het aantal vrouwen bevallen na een zwangerschap van 24 weken of meer, met in het jaar van bevalling een registratie in de schuldsanering en/of met een betalingsachterstand van zes maanden of meer bij de zorgverzekeraar",
        denominator: "Het aantal vrouwen bevallen na een zwangerschap van 24 weken of meer",
        data: "CBS (microdata) en Perined",
    },
    Definition {
        name: "Vroeggeboorte en/of een laag geboortegewicht voor de duur van de zwangerschap (Big2)",
        phase: ActionLine::NaGeboorte,
        numerator: "Het aantal kinderen geboren na een zwangerschapsduur van 24 weken of meer met een geboortegewicht onder geboortegewichtpercentiel 10 (Hoftiezer et al., 2019) en/of een zwangerschapsduur van minder dan 37 weken",
        denominator: "Het aantal kinderen geboren na een zwangerschapsduur van 24 weken of meer",
        data: "Perined",
    },
    Definition {
        name: "Gezinnen die geen kraamzorg gebruiken",
        phase: ActionLine::NaGeboorte,
        numerator: "Het aantal levendgeborenen waarvan de moeder geen declaratie voor kraamzorg had in de periode ná de geboorte",
        denominator: "Het aantal levendgeborenen",
        data: "Vektis en CBS",
    },
    Definition {
        name: "Uithuisplaatsingen van kinderen tot de leeftijd van twee jaar",
        phase: ActionLine::NaGeboorte,
        numerator: "Het aantal kinderen tot twee jaar dat op enig moment ten minste een dag een jeugdbeschermingsmaatregel heeft ontvangen, overlappend met jeugdhulp met verblijf",
        denominator: "Het aantal kinderen tot twee jaar",
        data: "CBS (microdata)",
    },
];

/// A catalogue entry as the app shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MonitorIndicator {
    pub name: String,
    pub phase: ActionLine,
    pub numerator_label: String,
    pub denominator_label: String,
    pub source: String,
    /// The coalition has it (added from here, or typed with this name).
    pub added: bool,
}

const NAMESPACE: Uuid = Uuid::from_u128(0x5ee1_a2d0_0000_4000_8000_0000_6d6f_6e69);

fn entry_id(name: &str) -> Uuid {
    Uuid::new_v5(&NAMESPACE, format!("rivm/{}", fold(name)).as_bytes())
}

fn source(d: &Definition) -> String {
    format!("{MONITOR_SOURCE} ({})", d.data)
}

impl Workspace {
    /// The catalogue, in its order (by phase), each with whether the
    /// coalition has it.
    pub fn monitor_catalogue(&self) -> Result<Vec<MonitorIndicator>> {
        let have: Vec<String> = self
            .list_indicators()?
            .iter()
            .map(|i| fold(&i.name))
            .collect();
        Ok(CATALOGUE
            .iter()
            .map(|d| MonitorIndicator {
                name: d.name.to_string(),
                phase: d.phase,
                numerator_label: d.numerator.to_string(),
                denominator_label: d.denominator.to_string(),
                source: source(d),
                added: have.contains(&fold(d.name)),
            })
            .collect())
    }

    /// Add one of the catalogue's indicators, by its name.
    pub fn add_monitor_indicator(&mut self, name: &str) -> Result<Indicator> {
        self.require_coalition()?;
        let id = self.write(|w| add_monitor_indicator_in(w, name))?;
        self.indicator(id)
    }
}

/// Add one of the catalogue's indicators, by its name (case and accents
/// aside); refused when the coalition has an indicator of that name.
pub(crate) fn add_monitor_indicator_in(w: &mut Writer, name: &str) -> Result<Uuid> {
    let wanted = fold(name.trim());
    let definition = CATALOGUE
        .iter()
        .find(|d| fold(d.name) == wanted)
        .ok_or_else(|| Error::NotFound {
            what: "indicator in de catalogus",
            id: name.to_string(),
        })?;
    let names: Vec<String> = w
        .conn()
        .prepare_cached("SELECT name FROM indicators WHERE deleted = 0 AND created_at != ''")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if names.iter().any(|n| fold(n) == wanted) {
        return Err(Error::validation(
            "name",
            ValidationCode::Duplicate,
            format!("de coalitie heeft de indicator {:?} al", definition.name),
        ));
    }
    let id = entry_id(definition.name);
    let input = IndicatorInput {
        name: Some(definition.name.into()),
        unit: Some("%".into()),
        numerator_label: Some(definition.numerator.into()),
        denominator_label: Some(definition.denominator.into()),
        source: Some(source(definition)),
        description: Some(format!(
            "Zoals RIVM deze indicator definieert voor de Landelijke Monitor Kansrijke Start ({}).",
            definition.phase.label().to_lowercase()
        )),
    };
    create_indicator_with_id_in(w, id, &input)?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_a_numerator_a_denominator_and_a_source() {
        for d in CATALOGUE {
            assert!(!d.numerator.is_empty() && !d.denominator.is_empty() && !d.data.is_empty());
            assert!(d.name.chars().count() <= 200, "fits the indicator's name");
        }
        let names: std::collections::BTreeSet<_> = CATALOGUE.iter().map(|d| fold(d.name)).collect();
        assert_eq!(names.len(), CATALOGUE.len(), "names are unique");
    }
}
