//! PDF/A-2a through Typst, a typesetting engine used as a library: it lays
//! out headings, tables with repeating header rows and pictures, embeds the
//! fonts and writes a tagged PDF. Our document model becomes Typst code in
//! which every user text is a string literal, so no text can act as markup.

use std::fmt::Write;
use std::sync::OnceLock;

use chrono::Datelike;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::layout::PagedDocument;
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use super::doc::{text_width_cm, Block, Cover, Document, Span, Table};
use crate::error::{Error, Result};

/// Roughly how wide a character of 9 pt table text is, in cm: enough to
/// tell whether a word fits its column.
const TABLE_CHAR_CM: f32 = 0.17;
/// A cell's padding on both sides, in cm (4 pt each).
const CELL_PADDING_CM: f32 = 0.28;

struct Fonts {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

/// Liberation Sans (SIL OFL), metric-compatible with Arial, which the
/// DOCX asks for: the PDF and the Word file look alike.
fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let files: [&'static [u8]; 3] = [
            include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf"),
            include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf"),
            include_bytes!("../../assets/fonts/LiberationSans-Italic.ttf"),
        ];
        let fonts: Vec<Font> = files
            .into_iter()
            .flat_map(|f| Font::iter(Bytes::new(f)))
            .collect();
        let mut book = FontBook::new();
        for font in &fonts {
            book.push(font.info().clone());
        }
        Fonts {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(book),
            fonts,
        }
    })
}

struct Page<'a> {
    source: Source,
    images: Vec<(FileId, &'a [u8])>,
}

impl World for Page<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &fonts().library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
    }

    fn main(&self) -> FileId {
        self.source.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.source.id() {
            Ok(self.source.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.images
            .iter()
            .find(|(file, _)| *file == id)
            .map(|(_, png)| Bytes::new(png.to_vec()))
            .ok_or_else(|| FileError::NotFound(id.vpath().as_rootless_path().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        None
    }
}

pub fn render(doc: &Document) -> Result<Vec<u8>> {
    let code = typst_code(doc);
    // The pictures, numbered in the order `typst_code` refers to them.
    let images = doc
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Image(image) => Some(image.png.as_slice()),
            _ => None,
        })
        .enumerate()
        .map(|(i, png)| (FileId::new(None, VirtualPath::new(image_path(i + 1))), png))
        .collect();
    let page = Page {
        source: Source::new(FileId::new(None, VirtualPath::new("/main.typ")), code),
        images,
    };
    let failed = |what: &str, errors: &[typst::diag::SourceDiagnostic]| {
        let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        Error::InvalidInput(format!("PDF {what}: {}", messages.join("; ")))
    };
    let document: PagedDocument = typst::compile(&page)
        .output
        .map_err(|e| failed("opmaken", &e))?;
    let options = PdfOptions {
        ident: Smart::Auto,
        timestamp: None,
        page_ranges: None,
        standards: PdfStandards::new(&[PdfStandard::A_2a])
            .map_err(|e| Error::InvalidInput(format!("PDF/A: {e}")))?,
        tagged: true,
    };
    typst_pdf::pdf(&document, &options).map_err(|e| failed("schrijven", &e))
}

/// A Typst string literal: the text is data, never markup.
fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Content from spans: strings, bold ones in `strong`, line breaks real.
fn content(spans: &[Span]) -> String {
    let mut out = String::from("[");
    for span in spans {
        for (i, line) in span.text.split('\n').enumerate() {
            if i > 0 {
                out.push_str("#linebreak()");
            }
            if span.bold {
                let _ = write!(out, "#strong({})", string(line));
            } else {
                let _ = write!(out, "#{}", string(line));
            }
        }
    }
    out.push(']');
    out
}

fn image_path(n: usize) -> String {
    format!("/grafiek{n}.png")
}

fn typst_code(doc: &Document) -> String {
    let mut pictures = 0;
    let mut landscape = false;
    let d = doc.created;
    // A cover page carries no page number.
    let footer_shown = if doc.blocks.iter().any(|b| matches!(b, Block::Cover(_))) {
        "here().page() > 1"
    } else {
        "true"
    };
    let mut out = format!(
        r##"#set document(title: {}, author: {}, date: datetime(year: {}, month: {}, day: {}))
#set text(font: "Liberation Sans", size: 10pt, lang: "nl", region: "NL")
#set page(paper: "a4", margin: 2cm, footer: context if {footer_shown} {{ align(right, text(size: 8pt, counter(page).display("1 / 1", both: true))) }})
#set par(justify: false)
#show heading: set text(fill: rgb("#1f4e79"))
#show heading.where(level: 1): set text(size: 16pt)
#show heading.where(level: 2): set text(size: 13pt)
#show heading.where(level: 3): set text(size: 11pt, fill: black)
#set table(stroke: 0.5pt + rgb("#a6a6a6"), inset: 4pt, fill: (x, y) => if y == 0 {{ rgb("#e6eef5") }})
#show table: set text(size: 9pt, hyphenate: false)
#show table.cell.where(y: 0): set text(weight: "bold")
"##,
        string(&doc.title),
        string(&doc.author),
        d.year(),
        d.month(),
        d.day()
    );
    for block in &doc.blocks {
        match block {
            Block::Title { title, lines } => {
                let _ = writeln!(
                    out,
                    "#v(2cm)\n#text(size: 24pt, weight: \"bold\", fill: rgb(\"#1f4e79\"), {})\n#v(0.4cm)",
                    string(title)
                );
                for line in lines {
                    let _ = writeln!(
                        out,
                        "#text(size: 13pt, fill: rgb(\"#404040\"), {})\n",
                        string(line)
                    );
                }
            }
            Block::Cover(cover) => cover_page(&mut out, cover),
            Block::Heading { level, text } => {
                let _ = writeln!(
                    out,
                    "#heading(level: {}, {})",
                    level.clamp(&1, &3),
                    string(text)
                );
            }
            Block::Paragraph(spans) => {
                let _ = writeln!(out, "#par({})", content(spans));
            }
            Block::Bullets(items) => {
                let items: Vec<String> = items.iter().map(|i| content(i)).collect();
                let _ = writeln!(out, "#list({})", items.join(", "));
            }
            Block::Table(t) => table(&mut out, t, text_width_cm(landscape)),
            Block::Image(img) => {
                pictures += 1;
                let path = image_path(pictures);
                let _ = writeln!(
                    out,
                    "#image({}, width: {}cm, alt: {})",
                    string(&path),
                    img.width_cm.min(text_width_cm(landscape)),
                    string(&img.alt)
                );
            }
            Block::PageBreak => out.push_str("#pagebreak(weak: true)\n"),
            Block::Landscape(on) if *on == landscape => {}
            Block::Landscape(on) => {
                landscape = *on;
                // A page rule in the flow starts a new page by itself.
                let _ = writeln!(out, "#set page(flipped: {on})");
            }
        }
    }
    out
}

/// The title low on a page of its own, a band in the coalition's colour
/// above it, and the facts as a two-column list.
fn cover_page(out: &mut String, cover: &Cover) {
    let _ = writeln!(
        out,
        "#place(top + left, dx: -2cm, dy: -2cm, rect(width: 100% + 4cm, height: 0.8cm, fill: rgb(\"#1f4e79\")))\n\
         #v(5cm)\n\
         #text(size: 28pt, weight: \"bold\", fill: rgb(\"#1f4e79\"), {})\n\
         #v(0.2cm)\n\
         #text(size: 15pt, fill: rgb(\"#404040\"), {})\n\
         #v(1.2cm)",
        string(&cover.title),
        string(&cover.subtitle)
    );
    let facts: Vec<String> = cover
        .facts
        .iter()
        .map(|(label, value)| {
            format!(
                "text(size: 12pt, fill: rgb(\"#595959\"), {}), text(size: 12pt, weight: \"bold\", {})",
                string(label),
                string(value)
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "#grid(columns: (4.5cm, auto), row-gutter: 0.5cm, {})\n#pagebreak()",
        facts.join(", ")
    );
}

fn table(out: &mut String, t: &Table, text_width: f32) {
    let total: u32 = t.widths.iter().sum::<u32>().max(1);
    // How many characters of one word each column takes on a line.
    let fits: Vec<usize> = t
        .widths
        .iter()
        .map(|w| {
            ((text_width * *w as f32 / total as f32 - CELL_PADDING_CM) / TABLE_CHAR_CM) as usize
        })
        .collect();
    let columns: Vec<String> = t.widths.iter().map(|w| format!("{w}fr")).collect();
    let align: Vec<&str> = t
        .right
        .iter()
        .map(|r| if *r { "right" } else { "left" })
        .collect();
    let _ = write!(
        out,
        "#table(columns: ({},), align: ({},), table.header(",
        columns.join(", "),
        align.join(", ")
    );
    // Words break at a hyphen only where one is too long for its column.
    let cell = |text: &String, column: usize| {
        let spans = content(&[Span::plain(text.clone())]);
        let longest = text.split_whitespace().map(|w| w.chars().count()).max();
        if longest.unwrap_or(0) > fits[column] {
            format!("text(hyphenate: true, {spans})")
        } else {
            spans
        }
    };
    let header: Vec<String> = t
        .header
        .iter()
        .enumerate()
        .map(|(i, h)| cell(h, i))
        .collect();
    out.push_str(&header.join(", "));
    out.push(')');
    for row in &t.rows {
        for (i, text) in row.iter().enumerate() {
            out.push_str(", ");
            out.push_str(&cell(text, i));
        }
    }
    out.push_str(")\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_is_a_string_not_code() {
        assert_eq!(string("a \"b\" \\ #c\n"), "\"a \\\"b\\\" \\\\ #c\\n\"");
        assert_eq!(
            content(&[Span::plain("x]"), Span::bold("y\nz")]),
            "[#\"x]\"#strong(\"y\")#linebreak()#strong(\"z\")]"
        );
    }
}
