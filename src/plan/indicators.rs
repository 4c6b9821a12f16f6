//! Indicators: what the coalition measures (from the RIVM Monitor Kansrijke
//! Start, Perined, CBS or its own registration), with a value per
//! municipality per year as numerator and denominator. A value based on
//! fewer than ten persons is shown as "< 10" and never charted, so no
//! family can be recognised in it.

use std::collections::BTreeMap;

use rusqlite::Row;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

use super::plans::living;
use crate::changes::{EntitySpec, Writer};
use crate::error::{Error, Result, ValidationCode};
use crate::rows;
use crate::time::iso;
use crate::validate;
use crate::vocabulary::fold;
use crate::workspace::Workspace;

pub const INDICATOR: EntitySpec = EntitySpec {
    name: "indicator",
    table: "indicators",
    fields: &[
        "name",
        "unit",
        "numerator_label",
        "denominator_label",
        "source",
        "description",
        "created_at",
        "deleted",
        "deleted_seen",
    ],
};

pub const INDICATOR_VALUE: EntitySpec = EntitySpec {
    name: "indicator_value",
    table: "indicator_values",
    fields: &[
        "indicator",
        "municipality",
        "year",
        "numerator",
        "denominator",
        "deleted",
        "deleted_seen",
    ],
};

/// Below this many persons a value is not shown.
pub const SMALL_NUMBER: i64 = 10;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Indicator {
    pub id: Uuid,
    pub name: String,
    /// "%", "per 1.000 geboorten", "aantal".
    pub unit: String,
    /// What is counted (teller) and out of what (noemer).
    pub numerator_label: String,
    pub denominator_label: String,
    pub source: String,
    pub description: String,
}

#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(default)]
#[ts(optional_fields)]
pub struct IndicatorInput {
    pub name: Option<String>,
    pub unit: Option<String>,
    pub numerator_label: Option<String>,
    pub denominator_label: Option<String>,
    pub source: Option<String>,
    pub description: Option<String>,
}

/// One indicator's values, per municipality, per year.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct IndicatorSeries {
    pub indicator: Indicator,
    pub municipalities: Vec<MunicipalitySeries>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MunicipalitySeries {
    pub municipality: Uuid,
    pub name: String,
    pub points: Vec<IndicatorPoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct IndicatorPoint {
    pub year: i32,
    /// None when suppressed (fewer than ten persons).
    pub numerator: Option<i64>,
    pub denominator: Option<i64>,
    /// Numerator ÷ denominator × 100, or the numerator when there is no
    /// denominator; None when suppressed. For charts only.
    pub value: Option<f64>,
    /// As the table shows it: "42,3 %", "17", or "< 10".
    pub shown: String,
}

/// Whether a value rests on fewer than ten persons: its denominator, or
/// its numerator when it has none.
pub fn is_small(numerator: i64, denominator: Option<i64>) -> bool {
    denominator.unwrap_or(numerator) < SMALL_NUMBER
}

/// The point a value makes, suppressed when small.
pub fn point(year: i32, numerator: i64, denominator: Option<i64>) -> IndicatorPoint {
    if is_small(numerator, denominator) {
        return IndicatorPoint {
            year,
            numerator: None,
            denominator: None,
            value: None,
            shown: format!("< {SMALL_NUMBER}"),
        };
    }
    let (value, shown) = match denominator {
        Some(d) if d > 0 => {
            // Tenths of a percent, rounded half up, in integers.
            let tenths = (numerator * 1000 + d / 2) / d;
            (
                numerator as f64 * 100.0 / d as f64,
                format!("{},{} %", tenths / 10, tenths % 10),
            )
        }
        _ => (numerator as f64, numerator.to_string()),
    };
    IndicatorPoint {
        year,
        numerator: Some(numerator),
        denominator,
        value: Some(value),
        shown,
    }
}

const NAMESPACE: Uuid = Uuid::from_u128(0x5ee1_a2d0_0000_4000_8000_0000_696e_6476);

/// One value per indicator, municipality and year, on every laptop.
fn value_id(indicator: Uuid, municipality: Uuid, year: i32) -> Uuid {
    Uuid::new_v5(
        &NAMESPACE,
        format!("{indicator}/{municipality}/{year}").as_bytes(),
    )
}

const SELECT: &str = "SELECT id, name, unit, numerator_label, denominator_label, source, \
     description FROM indicators";

fn from_row(r: &Row) -> rusqlite::Result<Indicator> {
    Ok(Indicator {
        id: rows::uuid(r, 0)?,
        name: r.get(1)?,
        unit: r.get(2)?,
        numerator_label: r.get(3)?,
        denominator_label: r.get(4)?,
        source: r.get(5)?,
        description: r.get(6)?,
    })
}

fn write_indicator(
    w: &mut Writer,
    id: Uuid,
    before: Option<&Indicator>,
    input: &IndicatorInput,
) -> Result<()> {
    let pick = |value: &Option<String>, old: Option<&String>| {
        value.clone().or(old.cloned()).unwrap_or_default()
    };
    let name = validate::required_text(
        "name",
        &pick(&input.name, before.map(|b| &b.name)),
        200,
        "geef de indicator een naam",
    )?;
    super::plans::unique_name(w.conn(), "indicators", id, &name, "indicator")?;
    let texts = [
        ("unit", pick(&input.unit, before.map(|b| &b.unit)), 50),
        (
            "numerator_label",
            pick(&input.numerator_label, before.map(|b| &b.numerator_label)),
            300,
        ),
        (
            "denominator_label",
            pick(
                &input.denominator_label,
                before.map(|b| &b.denominator_label),
            ),
            300,
        ),
        (
            "source",
            pick(&input.source, before.map(|b| &b.source)),
            200,
        ),
        (
            "description",
            pick(&input.description, before.map(|b| &b.description)),
            5_000,
        ),
    ];
    w.set(&INDICATOR, id, "name", name)?;
    for (field, value, max) in texts {
        let value = validate::optional_text(field, &value, max)?;
        w.set(&INDICATOR, id, field, value)?;
    }
    Ok(())
}

pub(crate) fn create_indicator_in(w: &mut Writer, input: &IndicatorInput) -> Result<Uuid> {
    let id = Uuid::now_v7();
    write_indicator(w, id, None, input)?;
    w.set(&INDICATOR, id, "created_at", iso(w.now()))?;
    w.set(&INDICATOR, id, "deleted", false)?;
    Ok(id)
}

fn count(field: &str, text: &str) -> Result<i64> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| *c != '.' && !c.is_whitespace())
        .collect();
    cleaned
        .parse::<i64>()
        .ok()
        .filter(|n| *n >= 0)
        .ok_or_else(|| {
            Error::validation(
                field,
                ValidationCode::InvalidChoice,
                format!("{text:?} is geen aantal (een heel getal, 0 of meer)"),
            )
        })
}

/// Set one value; `numerator` and `denominator` as typed (whole numbers,
/// the denominator may be empty).
pub(crate) fn set_indicator_value_in(
    w: &mut Writer,
    indicator: Uuid,
    municipality: Uuid,
    year: &str,
    numerator: &str,
    denominator: &str,
) -> Result<()> {
    living(w.conn(), "indicators", "indicator", indicator, "indicator")?;
    living(
        w.conn(),
        "municipalities",
        "municipality",
        municipality,
        "gemeente",
    )?;
    let year: i32 = year
        .trim()
        .parse()
        .ok()
        .filter(|y| (1990..=2100).contains(y))
        .ok_or_else(|| {
            Error::validation(
                "year",
                ValidationCode::InvalidDate,
                format!("{year:?} is geen jaar"),
            )
        })?;
    let numerator = count("numerator", numerator)?;
    let denominator = match denominator.trim() {
        "" => None,
        d => Some(count("denominator", d)?),
    };
    if denominator.is_some_and(|d| d == 0 || numerator > d) {
        return Err(Error::validation(
            "denominator",
            ValidationCode::InvalidChoice,
            "de noemer is groter dan 0 en niet kleiner dan de teller",
        ));
    }
    let id = value_id(indicator, municipality, year);
    w.set(&INDICATOR_VALUE, id, "indicator", indicator.to_string())?;
    w.set(
        &INDICATOR_VALUE,
        id,
        "municipality",
        municipality.to_string(),
    )?;
    w.set(&INDICATOR_VALUE, id, "year", year)?;
    w.set(&INDICATOR_VALUE, id, "numerator", numerator)?;
    w.set(&INDICATOR_VALUE, id, "denominator", denominator)?;
    w.set_deleted(&INDICATOR_VALUE, id, false)?;
    Ok(())
}

impl Workspace {
    pub fn create_indicator(&mut self, input: &IndicatorInput) -> Result<Indicator> {
        self.require_coalition()?;
        let id = self.write(|w| create_indicator_in(w, input))?;
        self.indicator(id)
    }

    pub fn update_indicator(&mut self, id: Uuid, input: &IndicatorInput) -> Result<Indicator> {
        let before = self.indicator(id)?;
        self.write(|w| write_indicator(w, id, Some(&before), input))?;
        self.indicator(id)
    }

    pub fn delete_indicator(&mut self, id: Uuid) -> Result<()> {
        self.indicator(id)?;
        self.write(|w| w.set_deleted(&INDICATOR, id, true).map(drop))
    }

    pub fn indicator(&self, id: Uuid) -> Result<Indicator> {
        rows::by_id(self.conn(), SELECT, id, "indicator", from_row)
    }

    pub fn list_indicators(&self) -> Result<Vec<Indicator>> {
        let mut stmt = self
            .conn()
            .prepare_cached(&format!("{SELECT} WHERE deleted = 0 AND created_at != ''"))?;
        let mut list: Vec<Indicator> = stmt
            .query_map([], from_row)?
            .collect::<rusqlite::Result<_>>()?;
        list.sort_by_cached_key(|i| fold(&i.name));
        Ok(list)
    }

    /// By id or by name (ignoring case and diacritics).
    pub fn find_indicator(&self, key: &str) -> Result<Indicator> {
        if let Ok(id) = Uuid::try_parse(key.trim()) {
            return self.indicator(id);
        }
        let wanted = fold(key.trim());
        self.list_indicators()?
            .into_iter()
            .find(|i| fold(&i.name) == wanted)
            .ok_or(Error::NotFound {
                what: "indicator",
                id: key.to_string(),
            })
    }

    pub fn set_indicator_value(
        &mut self,
        indicator: Uuid,
        municipality: Uuid,
        year: &str,
        numerator: &str,
        denominator: &str,
    ) -> Result<()> {
        self.write(|w| {
            set_indicator_value_in(w, indicator, municipality, year, numerator, denominator)
        })
    }

    /// An indicator's values per municipality (of the coalition), by year.
    pub fn indicator_series(&self, id: Uuid) -> Result<IndicatorSeries> {
        let indicator = self.indicator(id)?;
        let names: BTreeMap<Uuid, String> = self
            .list_municipalities(false)?
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect();
        let mut stmt = self.conn().prepare_cached(
            "SELECT municipality, year, numerator, denominator FROM indicator_values \
             WHERE indicator = ?1 AND deleted = 0 ORDER BY year",
        )?;
        let mut by_municipality: BTreeMap<Uuid, Vec<IndicatorPoint>> = BTreeMap::new();
        let rows = stmt.query_map([id.to_string()], |r| {
            Ok((
                rows::uuid(r, 0)?,
                r.get::<_, i32>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, Option<i64>>(3)?,
            ))
        })?;
        for row in rows {
            let (municipality, year, numerator, denominator) = row?;
            if names.contains_key(&municipality) {
                by_municipality.entry(municipality).or_default().push(point(
                    year,
                    numerator,
                    denominator,
                ));
            }
        }
        let mut municipalities: Vec<MunicipalitySeries> = by_municipality
            .into_iter()
            .map(|(municipality, points)| MunicipalitySeries {
                name: names.get(&municipality).cloned().unwrap_or_default(),
                municipality,
                points,
            })
            .collect();
        municipalities.sort_by_cached_key(|m| fold(&m.name));
        Ok(IndicatorSeries {
            indicator,
            municipalities,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_numbers_are_suppressed_and_percentages_rounded_in_tenths() {
        let p = point(2024, 42, Some(99));
        assert_eq!((p.shown.as_str(), p.numerator), ("42,4 %", Some(42)));
        assert!((p.value.unwrap() - 42.424).abs() < 0.01);
        let small = point(2024, 3, Some(9));
        assert_eq!(
            (small.shown.as_str(), small.value, small.numerator),
            ("< 10", None, None)
        );
        assert_eq!(point(2024, 9, None).shown, "< 10");
        assert_eq!(point(2024, 17, None).shown, "17");
        assert_eq!(point(2024, 0, Some(10)).shown, "0,0 %");
        assert_eq!(point(2024, 1, Some(3000)).shown, "0,0 %");
        assert_eq!(point(2024, 2, Some(3)).value, None);
    }
}
