//! One document model for every file a partner gets: a title or a cover
//! page, headings, paragraphs, bullet lists, tables, images, and pages that
//! turn landscape for wide tables. Each format (DOCX, ODT, PDF) renders
//! this model, so the plan, the minutes and the report are written once.

use chrono::NaiveDate;

/// A document for partners, in Dutch.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The file's title (also its metadata title).
    pub title: String,
    /// Who it is from: the coalition's name.
    pub author: String,
    /// The one thing that may differ between two exports of the same data.
    pub created: NaiveDate,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// The document's title line, large, with lines under it (period, date).
    Title {
        title: String,
        lines: Vec<String>,
    },
    /// A cover page of its own: the title, who it is from, and facts as
    /// label and value (period, status, date). The next block starts a
    /// new page.
    Cover(Cover),
    /// A section heading, level 1–3.
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(Vec<Span>),
    Bullets(Vec<Vec<Span>>),
    Table(Table),
    Image(Image),
    PageBreak,
    /// From here on the pages are landscape (for wide tables and the
    /// timeline) or portrait again; starts a new page.
    Landscape(bool),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cover {
    pub title: String,
    pub subtitle: String,
    pub facts: Vec<(String, String)>,
}

/// The width of the text on an A4 page with 2 cm margins, in cm.
pub fn text_width_cm(landscape: bool) -> f32 {
    if landscape {
        29.7 - 4.0
    } else {
        21.0 - 4.0
    }
}

/// A run of text, bold or not.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
}

impl Span {
    pub fn plain(text: impl Into<String>) -> Self {
        Span {
            text: text.into(),
            bold: false,
        }
    }

    pub fn bold(text: impl Into<String>) -> Self {
        Span {
            text: text.into(),
            bold: true,
        }
    }
}

/// A table whose first row is its header (repeated on every page).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Relative column widths, one per column.
    pub widths: Vec<u32>,
    /// Columns aligned right (amounts, counts).
    pub right: Vec<bool>,
}

impl Table {
    /// A table with equal columns, all aligned left.
    pub fn new(header: &[&str]) -> Self {
        Table {
            header: header.iter().map(|h| h.to_string()).collect(),
            rows: Vec::new(),
            widths: vec![1; header.len()],
            right: vec![false; header.len()],
        }
    }

    pub fn widths(mut self, widths: &[u32]) -> Self {
        self.widths = widths.to_vec();
        self
    }

    pub fn right_aligned(mut self, columns: &[usize]) -> Self {
        for &c in columns {
            self.right[c] = true;
        }
        self
    }

    pub fn row(&mut self, cells: Vec<String>) {
        debug_assert_eq!(cells.len(), self.header.len());
        self.rows.push(cells);
    }
}

/// A picture (a chart) with the text that says what it shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    pub png: Vec<u8>,
    /// Pixels; the picture is shown at `width_cm` wide, in proportion.
    pub width_px: u32,
    pub height_px: u32,
    pub width_cm: f32,
    pub alt: String,
}

impl Document {
    pub fn new(title: impl Into<String>, author: impl Into<String>, created: NaiveDate) -> Self {
        Document {
            title: title.into(),
            author: author.into(),
            created,
            blocks: Vec::new(),
        }
    }

    pub fn heading(&mut self, level: u8, text: impl Into<String>) {
        self.blocks.push(Block::Heading {
            level,
            text: text.into(),
        });
    }

    pub fn paragraph(&mut self, text: impl Into<String>) {
        self.blocks.push(Block::Paragraph(vec![Span::plain(text)]));
    }

    /// "Label: value" with the label in bold.
    pub fn field(&mut self, label: &str, value: impl Into<String>) {
        self.blocks.push(Block::Paragraph(vec![
            Span::bold(format!("{label}: ")),
            Span::plain(value),
        ]));
    }

    pub fn table(&mut self, table: Table) {
        self.blocks.push(Block::Table(table));
    }

    /// Text written by a user with light Markdown: paragraphs split by an
    /// empty line, lines starting with "- " or "* " as a list, `**bold**`.
    /// Everything else stays literal text.
    pub fn markdown(&mut self, text: &str) {
        let mut paragraph: Vec<&str> = Vec::new();
        let mut bullets: Vec<Vec<Span>> = Vec::new();
        let flush_paragraph = |blocks: &mut Vec<Block>, lines: &mut Vec<&str>| {
            if !lines.is_empty() {
                blocks.push(Block::Paragraph(bold_spans(&lines.join(" "))));
                lines.clear();
            }
        };
        for line in text.lines().map(str::trim_end) {
            let trimmed = line.trim_start();
            if let Some(item) = trimmed
                .strip_prefix("- ")
                .or_else(|| trimmed.strip_prefix("* "))
            {
                flush_paragraph(&mut self.blocks, &mut paragraph);
                bullets.push(bold_spans(item.trim()));
                continue;
            }
            if !bullets.is_empty() {
                self.blocks
                    .push(Block::Bullets(std::mem::take(&mut bullets)));
            }
            if trimmed.is_empty() {
                flush_paragraph(&mut self.blocks, &mut paragraph);
            } else {
                paragraph.push(trimmed);
            }
        }
        if !bullets.is_empty() {
            self.blocks.push(Block::Bullets(bullets));
        }
        flush_paragraph(&mut self.blocks, &mut paragraph);
    }
}

/// `**bold**` pieces of a line; an unclosed `**` stays as written.
fn bold_spans(line: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut rest = line;
    while let Some(start) = rest.find("**") {
        let Some(len) = rest[start + 2..].find("**") else {
            break;
        };
        if start > 0 {
            spans.push(Span::plain(&rest[..start]));
        }
        if len > 0 {
            spans.push(Span::bold(&rest[start + 2..start + 2 + len]));
        }
        rest = &rest[start + 2 + len + 2..];
    }
    if !rest.is_empty() || spans.is_empty() {
        spans.push(Span::plain(rest));
    }
    spans
}

/// Characters XML 1.0 cannot hold (control characters other than tab and
/// newlines) are dropped, so a pasted text cannot break a file.
pub fn xml_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc_of(text: &str) -> Vec<Block> {
        let mut d = Document::new("t", "a", NaiveDate::default());
        d.markdown(text);
        d.blocks
    }

    #[test]
    fn light_markdown_becomes_paragraphs_lists_and_bold() {
        let blocks = doc_of(
            "Opening door **Anouk**.\nIedereen welkom.\n\n- eerste punt\n- **tweede** punt\nNa de lijst.",
        );
        assert_eq!(
            blocks,
            vec![
                Block::Paragraph(vec![
                    Span::plain("Opening door "),
                    Span::bold("Anouk"),
                    Span::plain(". Iedereen welkom."),
                ]),
                Block::Bullets(vec![
                    vec![Span::plain("eerste punt")],
                    vec![Span::bold("tweede"), Span::plain(" punt")],
                ]),
                Block::Paragraph(vec![Span::plain("Na de lijst.")]),
            ]
        );
        // Markup that is not ours stays text.
        assert_eq!(
            doc_of("<script>alert(1)</script> **open"),
            vec![Block::Paragraph(vec![Span::plain(
                "<script>alert(1)</script> **open"
            )])]
        );
        assert!(doc_of("\n\n").is_empty());
    }

    #[test]
    fn xml_text_escapes_markup_and_drops_control_characters() {
        assert_eq!(
            xml_text("a<b & \"c\"\u{1}\u{8}é€"),
            "a&lt;b &amp; &quot;c&quot;é€"
        );
    }
}
