//! ODT (OpenDocument Text, ODF 1.3), the open format Dutch governments must
//! accept: the package is small enough to write ourselves (there is no
//! maintained ODF writer for Rust), and LibreOffice and odfpy read it back
//! in the tests. Same model as the DOCX: outline headings, header rows,
//! bullet lists, pictures with a title and description, language nl-NL.

use std::fmt::Write;

use super::doc::{text_width_cm, xml_text, Block, Cover, Document, Image, Span, Table};
use super::package::{zip, Entry};
use crate::error::Result;

const NS: &str = r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0""#;

pub fn render(doc: &Document) -> Result<Vec<u8>> {
    let mut body = String::new();
    let mut automatic = String::new();
    let mut images: Vec<&Image> = Vec::new();
    let mut tables = 0;
    let mut landscape = false;
    for block in &doc.blocks {
        match block {
            Block::Title { title, lines } => {
                paragraph(&mut body, "Title", &[Span::plain(title.clone())]);
                for line in lines {
                    paragraph(&mut body, "Subtitle", &[Span::plain(line.clone())]);
                }
            }
            Block::Cover(c) => cover(&mut body, c),
            Block::Heading { level, text } => {
                let level = level.clamp(&1, &3);
                let _ = write!(
                    body,
                    r#"<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">"#
                );
                spans(&mut body, &[Span::plain(text.clone())]);
                body.push_str("</text:h>");
            }
            Block::Paragraph(s) => paragraph(&mut body, "Text_20_body", s),
            Block::Bullets(items) => {
                body.push_str(r#"<text:list text:style-name="Bullets">"#);
                for item in items {
                    body.push_str("<text:list-item>");
                    paragraph(&mut body, "List_20_Bullet", item);
                    body.push_str("</text:list-item>");
                }
                body.push_str("</text:list>");
            }
            Block::Table(t) => {
                tables += 1;
                table(
                    &mut body,
                    &mut automatic,
                    t,
                    tables,
                    text_width_cm(landscape),
                );
            }
            Block::Image(image) => {
                images.push(image);
                picture(&mut body, image, images.len(), text_width_cm(landscape));
            }
            Block::PageBreak => body.push_str(r#"<text:p text:style-name="PageBreak"/>"#),
            Block::Landscape(on) if *on == landscape => {}
            Block::Landscape(on) => {
                // A paragraph that names a master page starts a new page on it.
                landscape = *on;
                let style = if landscape {
                    "ToLandscape"
                } else {
                    "ToPortrait"
                };
                let _ = write!(body, r#"<text:p text:style-name="{style}"/>"#);
            }
        }
    }
    let content = format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {NS} office:version="1.3"><office:automatic-styles><style:style style:name="PageBreak" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="page"/></style:style><style:style style:name="ToLandscape" style:family="paragraph" style:parent-style-name="Standard" style:master-page-name="Landscape"/><style:style style:name="ToPortrait" style:family="paragraph" style:parent-style-name="Standard" style:master-page-name="Standard"/><style:style style:name="CoverSpace" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="4cm"/></style:style><style:style style:name="CoverLabel" style:family="text"><style:text-properties fo:color="#595959"/></style:style><style:style style:name="Bold" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"/></style:style><style:style style:name="TableRight" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:paragraph-properties fo:text-align="end"/></style:style><style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #a6a6a6"/></style:style><style:style style:name="HeadCell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #a6a6a6" fo:background-color="#e6eef5"/></style:style><style:style style:name="Picture" style:family="graphic"><style:graphic-properties style:wrap="none" style:vertical-pos="top" style:vertical-rel="baseline"/></style:style>{automatic}</office:automatic-styles><office:body><office:text>{body}</office:text></office:body></office:document-content>"##
    );
    let meta = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta {NS} office:version="1.3"><office:meta><meta:generator>Wieg</meta:generator><dc:title>{}</dc:title><meta:initial-creator>{}</meta:initial-creator><dc:creator>{}</dc:creator><dc:language>nl-NL</dc:language><meta:creation-date>{}T00:00:00</meta:creation-date><dc:date>{}T00:00:00</dc:date></office:meta></office:document-meta>"#,
        xml_text(&doc.title),
        xml_text(&doc.author),
        xml_text(&doc.author),
        doc.created,
        doc.created,
    );
    let image_names: Vec<String> = (1..=images.len())
        .map(|n| format!("Pictures/grafiek{n}.png"))
        .collect();
    let mut manifest = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>"#,
    );
    for name in &image_names {
        let _ = write!(
            manifest,
            r#"<manifest:file-entry manifest:full-path="{name}" manifest:media-type="image/png"/>"#
        );
    }
    manifest.push_str("</manifest:manifest>");
    let styles = format!("{STYLES_HEAD}{NS}{STYLES_BODY}");
    let mut entries = vec![
        Entry {
            name: "mimetype",
            bytes: b"application/vnd.oasis.opendocument.text",
            stored: true,
        },
        Entry {
            name: "META-INF/manifest.xml",
            bytes: manifest.as_bytes(),
            stored: false,
        },
        Entry {
            name: "meta.xml",
            bytes: meta.as_bytes(),
            stored: false,
        },
        Entry {
            name: "styles.xml",
            bytes: styles.as_bytes(),
            stored: false,
        },
        Entry {
            name: "content.xml",
            bytes: content.as_bytes(),
            stored: false,
        },
    ];
    for (name, image) in image_names.iter().zip(&images) {
        entries.push(Entry {
            name,
            bytes: &image.png,
            stored: true,
        });
    }
    zip(&entries)
}

fn spans(out: &mut String, spans: &[Span]) {
    for span in spans {
        if span.bold {
            out.push_str(r#"<text:span text:style-name="Bold">"#);
        }
        for (i, line) in span.text.split('\n').enumerate() {
            if i > 0 {
                out.push_str("<text:line-break/>");
            }
            out.push_str(&xml_text(line));
        }
        if span.bold {
            out.push_str("</text:span>");
        }
    }
}

fn paragraph(out: &mut String, style: &str, s: &[Span]) {
    let _ = write!(out, r#"<text:p text:style-name="{style}">"#);
    spans(out, s);
    out.push_str("</text:p>");
}

/// The title and the coalition in the title styles, the facts as label,
/// tab, value; then a new page.
fn cover(out: &mut String, cover: &Cover) {
    out.push_str(r#"<text:p text:style-name="CoverSpace"/>"#);
    paragraph(out, "Title", &[Span::plain(cover.title.clone())]);
    paragraph(out, "Subtitle", &[Span::plain(cover.subtitle.clone())]);
    for (label, value) in &cover.facts {
        let _ = write!(
            out,
            r#"<text:p text:style-name="Cover_20_Fact"><text:span text:style-name="CoverLabel">{}</text:span><text:tab/>"#,
            xml_text(label)
        );
        spans(out, &[Span::bold(value.clone())]);
        out.push_str("</text:p>");
    }
    out.push_str(r#"<text:p text:style-name="PageBreak"/>"#);
}

fn table(out: &mut String, automatic: &mut String, t: &Table, n: usize, text_width: f32) {
    let total: u32 = t.widths.iter().sum::<u32>().max(1);
    let _ = write!(
        automatic,
        r#"<style:style style:name="Table{n}" style:family="table"><style:table-properties style:width="{text_width}cm" table:align="margins" fo:margin-bottom="0.3cm"/></style:style>"#
    );
    for (i, w) in t.widths.iter().enumerate() {
        let _ = write!(
            automatic,
            r#"<style:style style:name="Table{n}.C{i}" style:family="table-column"><style:table-column-properties style:column-width="{:.2}cm"/></style:style>"#,
            text_width * *w as f32 / total as f32
        );
    }
    let _ = write!(
        out,
        r#"<table:table table:name="Tabel{n}" table:style-name="Table{n}">"#
    );
    for i in 0..t.widths.len() {
        let _ = write!(
            out,
            r#"<table:table-column table:style-name="Table{n}.C{i}"/>"#
        );
    }
    let row = |out: &mut String, cells: &[String], header: bool| {
        out.push_str("<table:table-row>");
        for (i, cell) in cells.iter().enumerate() {
            let (cell_style, text_style) = match (header, t.right[i]) {
                (true, _) => ("HeadCell", "Table_20_Heading"),
                (false, true) => ("Cell", "TableRight"),
                (false, false) => ("Cell", "Table_20_Contents"),
            };
            let _ = write!(
                out,
                r#"<table:table-cell table:style-name="{cell_style}" office:value-type="string">"#
            );
            paragraph(out, text_style, &[Span::plain(cell.clone())]);
            out.push_str("</table:table-cell>");
        }
        out.push_str("</table:table-row>");
    };
    out.push_str("<table:table-header-rows>");
    row(out, &t.header, true);
    out.push_str("</table:table-header-rows>");
    for cells in &t.rows {
        row(out, cells, false);
    }
    out.push_str("</table:table>");
}

fn picture(out: &mut String, image: &Image, n: usize, text_width: f32) {
    let width = image.width_cm.min(text_width);
    let height = width * image.height_px as f32 / image.width_px.max(1) as f32;
    let alt = xml_text(&image.alt);
    let _ = write!(
        out,
        r#"<text:p text:style-name="Text_20_body"><draw:frame draw:style-name="Picture" draw:name="Grafiek {n}" text:anchor-type="as-char" svg:width="{:.2}cm" svg:height="{height:.2}cm" draw:z-index="0"><draw:image xlink:href="Pictures/grafiek{n}.png" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad" draw:mime-type="image/png"/><svg:title>{alt}</svg:title><svg:desc>{alt}</svg:desc></draw:frame></text:p>"#,
        width
    );
}

const STYLES_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-styles ";

const STYLES_BODY: &str = r##" office:version="1.3"><office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls><office:styles><style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.2cm" fo:line-height="115%"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="10pt" fo:language="nl" fo:country="NL" style:language-asian="nl" style:country-asian="NL" style:language-complex="nl" style:country-complex="NL"/></style:default-style><style:style style:name="Standard" style:family="paragraph" style:class="text"/><style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text"/><style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text"><style:paragraph-properties fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold" fo:color="#1f4e79"/></style:style><style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1" style:class="text"><style:paragraph-properties fo:margin-top="0.6cm" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="16pt"/></style:style><style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2" style:class="text"><style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.15cm"/><style:text-properties fo:font-size="13pt"/></style:style><style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="3" style:class="text"><style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.1cm"/><style:text-properties fo:font-size="11pt" fo:color="#000000"/></style:style><style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter"><style:paragraph-properties fo:margin-top="2cm" fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="24pt" fo:font-weight="bold" fo:color="#1f4e79"/></style:style><style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter"><style:text-properties fo:font-size="13pt" fo:color="#404040"/></style:style><style:style style:name="List_20_Bullet" style:display-name="List Bullet" style:family="paragraph" style:parent-style-name="Standard" style:class="list"><style:paragraph-properties fo:margin-bottom="0.07cm"/></style:style><style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra"><style:paragraph-properties fo:margin-bottom="0cm"/><style:text-properties fo:font-size="9pt"/></style:style><style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra"><style:text-properties fo:font-weight="bold"/></style:style><style:style style:name="Cover_20_Fact" style:display-name="Cover Fact" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.28cm"><style:tab-stops><style:tab-stop style:position="4.5cm"/></style:tab-stops></style:paragraph-properties><style:text-properties fo:font-size="12pt"/></style:style><text:list-style style:name="Bullets"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="0.635cm" fo:text-indent="-0.635cm" fo:margin-left="0.635cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style></office:styles><office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout><style:page-layout style:name="A4Landscape"><style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm" style:print-orientation="landscape" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout></office:automatic-styles><office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/><style:master-page style:name="Landscape" style:page-layout-name="A4Landscape"/></office:master-styles></office:document-styles>"##;
