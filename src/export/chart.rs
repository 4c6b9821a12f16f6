//! Charts for documents: drawn by plotters as SVG, turned into a PNG by
//! resvg with the bundled Liberation Sans (no system fonts: the same data
//! gives the same picture on every laptop). Every chart comes with alt
//! text that says what it shows in words and numbers.

use std::sync::{Arc, OnceLock};

use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;
use resvg::{tiny_skia, usvg};

use std::fmt::Write;

use chrono::{Datelike, NaiveDate};

use super::doc::{xml_text, Image};
use crate::error::{Error, Result};

const WIDTH: u32 = 800;
/// Rendered at twice the size, for sharp print.
const SCALE: f32 = 2.0;
const FONT: &str = "Liberation Sans";
/// Colours that stay apart for colour-blind readers (Okabe–Ito).
pub const PALETTE: [RGBColor; 6] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(204, 121, 167),
    RGBColor(86, 180, 233),
    RGBColor(213, 94, 0),
];

fn failed(e: impl std::fmt::Display) -> Error {
    Error::InvalidInput(format!("grafiek tekenen: {e}"))
}

fn fonts() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf").to_vec());
        db.load_font_data(include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf").to_vec());
        db.set_sans_serif_family(FONT);
        Arc::new(db)
    })
    .clone()
}

fn png(svg: &str, height: u32, alt: String) -> Result<Image> {
    png_sized(svg, WIDTH, height, 16.0, alt)
}

/// An SVG of `width`×`height` pixels as a PNG shown `width_cm` wide.
fn png_sized(svg: &str, width: u32, height: u32, width_cm: f32, alt: String) -> Result<Image> {
    let options = usvg::Options {
        fontdb: fonts(),
        font_family: FONT.into(),
        ..Default::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(failed)?;
    let (w, h) = (
        (width as f32 * SCALE) as u32,
        (height as f32 * SCALE) as u32,
    );
    let mut pixmap = tiny_skia::Pixmap::new(w, h).ok_or_else(|| failed("leeg beeld"))?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(SCALE, SCALE),
        &mut pixmap.as_mut(),
    );
    Ok(Image {
        png: pixmap.encode_png().map_err(failed)?,
        width_px: w,
        height_px: h,
        width_cm,
        alt,
    })
}

/// One named series of values over the same labels.
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
}

/// Lines over time (`labels` on the x axis); missing values break a line.
pub fn lines(labels: &[String], series: &[Series], y_label: &str, alt: String) -> Result<Image> {
    let height = 360;
    let max = series
        .iter()
        .flat_map(|s| s.values.iter().flatten())
        .fold(0.0_f64, |m, v| m.max(*v));
    let top = nice_top(max);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(failed)?;
        let n = labels.len().max(1);
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .margin_right(28)
            .x_label_area_size(36)
            .y_label_area_size(56)
            .build_cartesian_2d(0..n - 1, 0.0..top)
            .map_err(failed)?;
        let every = n.div_ceil(12).max(1);
        chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(RGBColor(225, 225, 225))
            .x_labels(n.min(12))
            .x_label_formatter(&|i| {
                if i % every == 0 {
                    labels.get(*i).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .y_desc(y_label)
            .y_label_formatter(&|v| dutch_number(*v))
            .label_style((FONT, 16))
            .axis_desc_style((FONT, 16))
            .draw()
            .map_err(failed)?;
        for (k, s) in series.iter().enumerate() {
            let colour = PALETTE[k % PALETTE.len()];
            let style = ShapeStyle::from(&colour).stroke_width(3);
            // A suppressed or missing value breaks the line, never bridged.
            let mut runs: Vec<Vec<(usize, f64)>> = Vec::new();
            let mut run = Vec::new();
            for (i, v) in s.values.iter().enumerate() {
                match v {
                    Some(v) => run.push((i, *v)),
                    None => runs.push(std::mem::take(&mut run)),
                }
            }
            runs.push(run);
            let mut first = true;
            for run in runs.into_iter().filter(|r| !r.is_empty()) {
                chart
                    .draw_series(run.iter().map(|p| Circle::new(*p, 3, colour.filled())))
                    .map_err(failed)?;
                let drawn = chart
                    .draw_series(LineSeries::new(run, style))
                    .map_err(failed)?;
                if first {
                    drawn
                        .label(s.name.clone())
                        .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 18, y)], style));
                    first = false;
                }
            }
        }
        legend(&mut chart, SeriesLabelPosition::UpperLeft)?;
        root.present().map_err(failed)?;
    }
    png(&svg, height, alt)
}

/// Horizontal bars, stacked by part: `rows` are (label, value per part).
pub fn stacked_bars(
    rows: &[(String, Vec<u32>)],
    parts: &[String],
    x_label: &str,
    alt: String,
) -> Result<Image> {
    let max = rows
        .iter()
        .map(|(_, v)| v.iter().sum::<u32>())
        .max()
        .unwrap_or(0);
    bars(
        rows,
        parts,
        x_label,
        alt,
        nice_top(f64::from(max)).max(1.0) as u32,
    )
}

/// Horizontal bars of percentages (0–100), on an axis that ends at 100.
pub fn percent_bars(rows: &[(String, u32)], x_label: &str, alt: String) -> Result<Image> {
    let rows: Vec<(String, Vec<u32>)> = rows
        .iter()
        .map(|(label, pct)| (label.clone(), vec![(*pct).min(100)]))
        .collect();
    bars(&rows, &[String::new()], x_label, alt, 100)
}

fn bars(
    rows: &[(String, Vec<u32>)],
    parts: &[String],
    x_label: &str,
    alt: String,
    top: u32,
) -> Result<Image> {
    let height = 80 + 36 * rows.len().max(1) as u32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (WIDTH, height)).into_drawing_area();
        root.fill(&WHITE).map_err(failed)?;
        let n = rows.len().max(1);
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(36)
            .y_label_area_size(label_width(rows))
            // Segments 0..=n-1: one per row, none left empty.
            .build_cartesian_2d(0..top, (0..n - 1).into_segmented())
            .map_err(failed)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(RGBColor(225, 225, 225))
            .y_labels(n)
            .y_label_formatter(&|v| match v {
                // The first row on top: plotters counts upwards.
                SegmentValue::CenterOf(i) => rows
                    .get(n - 1 - *i)
                    .map(|r| shorten(&r.0))
                    .unwrap_or_default(),
                _ => String::new(),
            })
            .x_desc(x_label)
            .label_style((FONT, 16))
            .axis_desc_style((FONT, 16))
            .draw()
            .map_err(failed)?;
        let mut base = vec![0u32; rows.len()];
        for (k, part) in parts.iter().enumerate() {
            let colour = PALETTE[k % PALETTE.len()];
            let starts = base.clone();
            chart
                .draw_series(
                    Histogram::horizontal(&chart)
                        .style(colour.filled())
                        .margin(6)
                        .baseline_func(move |v| match v {
                            SegmentValue::Exact(i) | SegmentValue::CenterOf(i) => {
                                starts.get(n - 1 - *i).copied().unwrap_or(0)
                            }
                            SegmentValue::Last => 0,
                        })
                        .data(rows.iter().enumerate().map(|(i, (_, v))| {
                            (n - 1 - i, base[i] + v.get(k).copied().unwrap_or(0))
                        })),
                )
                .map_err(failed)?
                .label(part.clone())
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 5), (x + 12, y + 5)], colour.filled())
                });
            for (i, (_, v)) in rows.iter().enumerate() {
                base[i] += v.get(k).copied().unwrap_or(0);
            }
        }
        if parts.len() > 1 {
            legend(&mut chart, SeriesLabelPosition::LowerRight)?;
        }
        root.present().map_err(failed)?;
    }
    png(&svg, height, alt)
}

/// One action on a timeline: its name, when it runs and its status (an
/// index into the timeline's `parts`, which pick the colour).
pub struct Bar {
    pub label: String,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub part: usize,
}

const MONTHS_SHORT: [&str; 12] = [
    "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
];

/// A timeline for a landscape page: a row per bar over the months from
/// `start` to `end`, quarters marked, a line for today, a legend of the
/// parts. A bar without a start begins at `start`, one without an end runs
/// to `end`, drawn lighter; one without either says so in words. Drawn as
/// SVG by hand: it is rectangles and text, which a chart library's axes
/// would only get in the way of.
pub fn timeline(
    bars: &[Bar],
    parts: &[String],
    start: NaiveDate,
    end: NaiveDate,
    today: NaiveDate,
    alt: String,
) -> Result<Image> {
    const WIDE: u32 = 1200;
    const LABELS: f32 = 330.0;
    const RIGHT: f32 = 16.0;
    const TOP: f32 = 34.0;
    const ROW: f32 = 26.0;
    let height = (TOP + ROW * bars.len().max(1) as f32 + 52.0) as u32;
    let days = (end - start).num_days().max(1) as f32;
    let plot = WIDE as f32 - LABELS - RIGHT;
    let x = |d: NaiveDate| LABELS + plot * ((d - start).num_days() as f32 / days).clamp(0.0, 1.0);
    let bottom = TOP + ROW * bars.len().max(1) as f32;
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDE}" height="{height}" font-family="{FONT}" font-size="15">"#
    );
    // Quarter lines with their month, the year where it begins.
    let mut month = NaiveDate::from_ymd_opt(start.year(), start.month(), 1).unwrap_or(start);
    while month <= end {
        if month >= start && month.month0() % 3 == 0 {
            let left = x(month);
            let first = month.month() == 1;
            let _ = write!(
                svg,
                r##"<line x1="{left:.1}" y1="{:.1}" x2="{left:.1}" y2="{bottom:.1}" stroke="{}" stroke-width="1"/><text x="{:.1}" y="{:.1}" fill="#404040"{}>{}</text>"##,
                TOP - 6.0,
                if first { "#a6a6a6" } else { "#e1e1e1" },
                left + 3.0,
                TOP - 12.0,
                if first { r#" font-weight="bold""# } else { "" },
                if first {
                    month.year().to_string()
                } else {
                    MONTHS_SHORT[month.month0() as usize].to_string()
                }
            );
        }
        month = month
            .checked_add_months(chrono::Months::new(1))
            .unwrap_or(end.succ_opt().unwrap_or(end));
    }
    for (i, bar) in bars.iter().enumerate() {
        let middle = TOP + ROW * i as f32 + ROW / 2.0;
        let _ = write!(
            svg,
            r##"<text x="8" y="{:.1}" fill="#1a1a1a">{}</text>"##,
            middle + 5.0,
            xml_text(&shorten(&bar.label))
        );
        let colour = PALETTE[bar.part % PALETTE.len()];
        let fill = format!("rgb({},{},{})", colour.0, colour.1, colour.2);
        match (bar.from, bar.to) {
            (None, None) => {
                let _ = write!(
                    svg,
                    r##"<text x="{:.1}" y="{:.1}" fill="#595959" font-style="italic">geen periode ingevuld</text>"##,
                    LABELS + 4.0,
                    middle + 5.0
                );
            }
            (from, to) => {
                let (a, b) = (x(from.unwrap_or(start)), x(to.unwrap_or(end)));
                let open = if from.is_none() || to.is_none() {
                    "0.45"
                } else {
                    "1"
                };
                let _ = write!(
                    svg,
                    r#"<rect x="{a:.1}" y="{:.1}" width="{:.1}" height="16" rx="3" fill="{fill}" fill-opacity="{open}"/>"#,
                    middle - 8.0,
                    (b - a).max(4.0)
                );
            }
        }
    }
    if today >= start && today <= end {
        let t = x(today);
        let _ = write!(
            svg,
            r##"<line x1="{t:.1}" y1="{:.1}" x2="{t:.1}" y2="{bottom:.1}" stroke="#d55e00" stroke-width="2" stroke-dasharray="6 4"/><text x="{:.1}" y="{:.1}" fill="#d55e00" font-size="13">vandaag</text>"##,
            TOP - 4.0,
            t + 4.0,
            bottom + 16.0
        );
    }
    // The legend under the rows.
    let mut left = LABELS;
    for (k, part) in parts.iter().enumerate() {
        let colour = PALETTE[k % PALETTE.len()];
        let _ = write!(
            svg,
            r##"<rect x="{left:.1}" y="{:.1}" width="14" height="14" rx="2" fill="rgb({},{},{})"/><text x="{:.1}" y="{:.1}" fill="#404040">{}</text>"##,
            bottom + 26.0,
            colour.0,
            colour.1,
            colour.2,
            left + 20.0,
            bottom + 38.0,
            xml_text(part)
        );
        left += 40.0 + 8.5 * part.chars().count() as f32;
    }
    svg.push_str("</svg>");
    png_sized(&svg, WIDE, height, super::doc::text_width_cm(true), alt)
}

/// The names of the series, in a box.
fn legend<'a, X, Y>(
    chart: &mut ChartContext<'a, SVGBackend<'a>, Cartesian2d<X, Y>>,
    position: SeriesLabelPosition,
) -> Result<()>
where
    X: Ranged,
    Y: Ranged,
{
    chart
        .configure_series_labels()
        .position(position)
        .background_style(WHITE.mix(0.9))
        .border_style(RGBColor(200, 200, 200))
        .label_font((FONT, 16))
        .draw()
        .map_err(failed)
}

/// 1, 2, 5 × 10ⁿ above the largest value, so the axis reads easily.
fn nice_top(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|f| f * magnitude)
        .find(|top| *top >= max * 1.05)
        .unwrap_or(10.0 * magnitude)
}

/// `1.234,5` the Dutch way, without needless decimals.
pub fn dutch_number(v: f64) -> String {
    let rounded = (v * 10.0).round() / 10.0;
    let whole = rounded.trunc() as i64;
    let tenth = ((rounded - whole as f64).abs() * 10.0).round() as i64;
    let mut grouped = String::new();
    let digits = whole.unsigned_abs().to_string();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let sign = if rounded < 0.0 { "-" } else { "" };
    if tenth == 0 {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{tenth}")
    }
}

/// Room for the longest row label (after shortening), in pixels.
fn label_width(rows: &[(String, Vec<u32>)]) -> u32 {
    let longest = rows
        .iter()
        .map(|(l, _)| shorten(l).chars().count())
        .max()
        .unwrap_or(0) as u32;
    (longest * 8 + 16).clamp(60, 320)
}

fn shorten(label: &str) -> String {
    if label.chars().count() <= 38 {
        label.to_string()
    } else {
        format!("{}…", label.chars().take(37).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_are_pictures_with_their_numbers_in_words() {
        let draw = || {
            stacked_bars(
                &[
                    ("Pijler 1".into(), vec![2, 3]),
                    ("Pijler 2".into(), vec![0, 4]),
                ],
                &["loopt".into(), "afgerond".into()],
                "acties",
                "Pijler 1: 2 lopen, 3 afgerond".into(),
            )
            .unwrap()
        };
        let img = draw();
        assert!(img.png.starts_with(b"\x89PNG"));
        assert_eq!(img.width_px, 1600);
        assert_eq!(img.png, draw().png, "the same data, the same picture");
        let line = lines(
            &["2024".into(), "2025".into(), "2026".into()],
            &[Series {
                name: "Venlo".into(),
                values: vec![Some(12.5), None, Some(14.0)],
            }],
            "%",
            "x".into(),
        )
        .unwrap();
        assert!(line.png.len() > 1000);
        assert_eq!(nice_top(87.0), 100.0);
        assert_eq!(nice_top(11.0), 20.0);
        assert_eq!(dutch_number(1234.56), "1.234,6");
        assert_eq!(dutch_number(40.0), "40");
    }
}
