//! Charts for documents: drawn by plotters as SVG, turned into a PNG by
//! resvg with the bundled Liberation Sans (no system fonts: the same data
//! gives the same picture on every laptop). Every chart comes with alt
//! text that says what it shows in words and numbers.

use std::sync::{Arc, OnceLock};

use plotters::coord::ranged1d::SegmentValue;
use plotters::prelude::*;
use resvg::{tiny_skia, usvg};

use super::doc::Image;
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
    let options = usvg::Options {
        fontdb: fonts(),
        font_family: FONT.into(),
        ..Default::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).map_err(failed)?;
    let (w, h) = (
        (WIDTH as f32 * SCALE) as u32,
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
        width_cm: 16.0,
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
    let height = 80 + 36 * rows.len().max(1) as u32;
    let max = rows
        .iter()
        .map(|(_, v)| v.iter().sum::<u32>())
        .max()
        .unwrap_or(0);
    let top = nice_top(f64::from(max)).max(1.0) as u32;
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
