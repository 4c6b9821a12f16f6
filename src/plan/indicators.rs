//! Indicators: what the coalition measures (from the RIVM Monitor Kansrijke
//! Start, Perined, CBS or its own registration), with a value per
//! municipality per year as numerator and denominator. A value based on
//! fewer than ten persons is shown as "< 10" and never charted, so no
//! family can be recognised in it.

use std::collections::BTreeMap;

use rusqlite::Row;
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;
use uuid::Uuid;

use crate::changes::Writer;
use crate::error::{Error, Result, ValidationCode};
use crate::rows;
use crate::schema::{entity, require_living, Kind, Link, Text};
use crate::time::iso;
use crate::vocabulary::fold;
use crate::workspace::Workspace;

/// Below this many persons a value is not shown.
pub const SMALL_NUMBER: i64 = 10;

entity! {
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct Indicator in INDICATOR = "indicator", "indicators";
    input IndicatorInput => IndicatorChecked {}
    fields {
        name: String = Text<200> ["Naam", "Name"] required "geef de indicator een naam",
        /// "%", "per 1.000 geboorten", "aantal".
        unit: String = Text<50> ["Eenheid", "Unit"],
        /// What is counted (teller) and out of what (noemer).
        numerator_label: String = Text<300> ["Teller", "Numerator"],
        denominator_label: String = Text<300> ["Noemer", "Denominator"],
        source: String = Text<200> ["Bron", "Source"],
        description: String = Text<5000> ["Toelichting", "Description"],
    }
    kept {}
    extra {}
    hidden { created_at, deleted, deleted_seen }
}

/// A year an indicator can have a value for (1990–2100), typed as text.
pub struct Year;

impl Kind for Year {
    type Stored = i32;
    type Input = String;
    fn check(field: &'static str, input: &String) -> Result<i32> {
        input
            .trim()
            .parse()
            .ok()
            .filter(|y| (1990..=2100).contains(y))
            .ok_or_else(|| {
                Error::validation(
                    field,
                    ValidationCode::InvalidDate,
                    format!("{input:?} is geen jaar"),
                )
            })
    }
    fn absent() -> i32 {
        0
    }
    fn read(row: &Row, column: &str) -> rusqlite::Result<i32> {
        Ok(row.get::<_, Option<i32>>(column)?.unwrap_or(0))
    }
    fn value(stored: &i32) -> Value {
        Value::from(*stored)
    }
}

/// A number of persons, typed as text (`1.234`): a whole number, 0 or more.
pub struct Count;

impl Kind for Count {
    type Stored = i64;
    type Input = String;
    fn check(field: &'static str, input: &String) -> Result<i64> {
        count(field, input)
    }
    fn absent() -> i64 {
        0
    }
    fn read(row: &Row, column: &str) -> rusqlite::Result<i64> {
        Ok(row.get::<_, Option<i64>>(column)?.unwrap_or(0))
    }
    fn value(stored: &i64) -> Value {
        Value::from(*stored)
    }
}

/// A [`Count`] that may be left empty.
pub struct MaybeCount;

impl Kind for MaybeCount {
    type Stored = Option<i64>;
    type Input = String;
    fn check(field: &'static str, input: &String) -> Result<Option<i64>> {
        match input.trim() {
            "" => Ok(None),
            text => count(field, text).map(Some),
        }
    }
    fn absent() -> Option<i64> {
        None
    }
    fn is_blank(stored: &Option<i64>) -> bool {
        stored.is_none()
    }
    fn read(row: &Row, column: &str) -> rusqlite::Result<Option<i64>> {
        row.get(column)
    }
    fn value(stored: &Option<i64>) -> Value {
        stored.map_or(Value::Null, Value::from)
    }
}

entity! {
    /// One indicator's value in one municipality in one year.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
    pub struct IndicatorValue in INDICATOR_VALUE = "indicator_value", "indicator_values";
    input IndicatorValueInput => IndicatorValueChecked {}
    fields {
        indicator: Uuid = Link ["Indicator", "Indicator"] required "kies de indicator",
        municipality: Uuid = Link ["Gemeente", "Municipality"] required "kies de gemeente",
        year: i32 = Year ["Jaar", "Year"],
        numerator: i64 = Count ["Teller", "Numerator"],
        denominator: Option<i64> = MaybeCount ["Noemer (optioneel)", "Denominator (optional)"],
    }
    kept {}
    extra {}
    hidden { deleted, deleted_seen }
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

fn write_indicator(
    w: &mut Writer,
    id: Uuid,
    before: Option<&Indicator>,
    input: &IndicatorInput,
) -> Result<()> {
    let fields = input.check(before.is_none())?;
    let name = fields
        .name
        .as_deref()
        .or(before.map(|b| b.name.as_str()))
        .unwrap_or_default();
    super::plans::unique_name(w.conn(), "indicators", id, name, "indicator")?;
    fields.write(w, id)
}

pub(crate) fn create_indicator_in(w: &mut Writer, input: &IndicatorInput) -> Result<Uuid> {
    let id = Uuid::now_v7();
    create_indicator_with_id_in(w, id, input)?;
    Ok(id)
}

/// An indicator under an id of the caller's (one made from its name): a
/// row deleted before comes back, keeping when it was first made.
pub(crate) fn create_indicator_with_id_in(
    w: &mut Writer,
    id: Uuid,
    input: &IndicatorInput,
) -> Result<()> {
    write_indicator(w, id, None, input)?;
    let made: bool = w.conn().query_row(
        "SELECT EXISTS (SELECT 1 FROM indicators WHERE id = ?1 AND created_at != '')",
        [id.to_string()],
        |r| r.get(0),
    )?;
    if !made {
        w.set(&INDICATOR, id, "created_at", iso(w.now()))?;
    }
    w.set(&INDICATOR, id, "deleted", false).map(drop)
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
pub(crate) fn set_indicator_value_in(w: &mut Writer, input: &IndicatorValueInput) -> Result<()> {
    let fields = input.check(true)?;
    let (indicator, municipality) = (
        fields.indicator.unwrap_or_default(),
        fields.municipality.unwrap_or_default(),
    );
    require_living(w.conn(), &INDICATOR, "indicator", indicator, "indicator")?;
    require_living(
        w.conn(),
        &crate::network::MUNICIPALITY,
        "municipality",
        municipality,
        "gemeente",
    )?;
    let (year, numerator) = (
        fields.year.unwrap_or_default(),
        fields.numerator.unwrap_or_default(),
    );
    if fields
        .denominator
        .flatten()
        .is_some_and(|d| d == 0 || numerator > d)
    {
        return Err(Error::validation(
            "denominator",
            ValidationCode::InvalidChoice,
            "de noemer is groter dan 0 en niet kleiner dan de teller",
        ));
    }
    let id = value_id(indicator, municipality, year);
    fields.write(w, id)?;
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
        rows::by_id(
            self.conn(),
            Indicator::SELECT,
            id,
            "indicator",
            Indicator::read,
        )
    }

    pub fn list_indicators(&self) -> Result<Vec<Indicator>> {
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE deleted = 0 AND created_at != ''",
            Indicator::SELECT
        ))?;
        let mut list: Vec<Indicator> = stmt
            .query_map([], Indicator::read)?
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

    /// Set one value (numerator and denominator as typed: whole numbers,
    /// the denominator may be empty).
    pub fn set_indicator_value(&mut self, input: &IndicatorValueInput) -> Result<()> {
        self.write(|w| set_indicator_value_in(w, input))
    }

    /// An indicator's values per municipality (of the coalition), by year.
    pub fn indicator_series(&self, id: Uuid) -> Result<IndicatorSeries> {
        let indicator = self.indicator(id)?;
        let names: BTreeMap<Uuid, String> = self
            .list_municipalities(false)?
            .into_iter()
            .map(|m| (m.id, m.name))
            .collect();
        let mut stmt = self.conn().prepare_cached(&format!(
            "{} WHERE indicator = ?1 AND deleted = 0 ORDER BY year",
            IndicatorValue::SELECT
        ))?;
        let mut by_municipality: BTreeMap<Uuid, Vec<IndicatorPoint>> = BTreeMap::new();
        for value in stmt.query_map([id.to_string()], IndicatorValue::read)? {
            let value = value?;
            if names.contains_key(&value.municipality) {
                by_municipality
                    .entry(value.municipality)
                    .or_default()
                    .push(point(value.year, value.numerator, value.denominator));
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
