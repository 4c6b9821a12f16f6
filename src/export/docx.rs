//! DOCX (Office Open XML) as Word opens it: real heading styles, table
//! header rows that repeat on each page, bullet lists, pictures with alt
//! text, and the document language set to Dutch.

use std::fmt::Write;

use super::doc::{text_width_cm, xml_text, Block, Cover, Document, Image, Span, Table};
use super::package::{zip, Entry};
use crate::error::Result;

const TWIPS_PER_CM: f32 = 566.93;
const EMU_PER_CM: f32 = 360_000.0;

/// An A4 section with 2 cm margins, upright or on its side.
fn section(landscape: bool) -> &'static str {
    if landscape {
        r#"<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>"#
    } else {
        r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>"#
    }
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

pub fn render(doc: &Document) -> Result<Vec<u8>> {
    let mut body = String::new();
    let mut images: Vec<&Image> = Vec::new();
    let mut landscape = false;
    for block in &doc.blocks {
        match block {
            Block::Title { title, lines } => {
                paragraph(
                    &mut body,
                    Some("Title"),
                    &[Span::plain(title.clone())],
                    false,
                );
                for line in lines {
                    paragraph(
                        &mut body,
                        Some("Subtitle"),
                        &[Span::plain(line.clone())],
                        false,
                    );
                }
            }
            Block::Cover(c) => cover(&mut body, c),
            Block::Heading { level, text } => {
                let style = format!("Heading{}", level.clamp(&1, &3));
                paragraph(&mut body, Some(&style), &[Span::plain(text.clone())], false);
            }
            Block::Paragraph(spans) => paragraph(&mut body, None, spans, false),
            Block::Bullets(items) => {
                for item in items {
                    paragraph(&mut body, Some("ListBullet"), item, false);
                }
            }
            Block::Table(t) => table(&mut body, t, text_width_cm(landscape)),
            Block::Image(image) => {
                images.push(image);
                picture(&mut body, image, images.len(), text_width_cm(landscape));
            }
            Block::PageBreak => body.push_str(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#),
            Block::Landscape(on) if *on == landscape => {}
            Block::Landscape(on) => {
                // A section ends with a paragraph holding its page setup;
                // the next one starts on a new page.
                let _ = write!(body, "<w:p><w:pPr>{}</w:pPr></w:p>", section(landscape));
                landscape = *on;
            }
        }
    }
    let last_section = section(landscape);
    let document = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:r="{R}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>{body}{last_section}</w:body></w:document>"#
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>"#,
    );
    for n in 1..=images.len() {
        let _ = write!(
            rels,
            r#"<Relationship Id="rIdImage{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image{n}.png"/>"#
        );
    }
    rels.push_str("</Relationships>");
    let core = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>nl-NL</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{}T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{}T00:00:00Z</dcterms:modified></cp:coreProperties>"#,
        xml_text(&doc.title),
        xml_text(&doc.author),
        doc.created,
        doc.created,
    );
    let image_names: Vec<String> = (1..=images.len())
        .map(|n| format!("word/media/image{n}.png"))
        .collect();
    let mut entries = vec![
        Entry {
            name: "[Content_Types].xml",
            bytes: CONTENT_TYPES.as_bytes(),
            stored: false,
        },
        Entry {
            name: "_rels/.rels",
            bytes: PACKAGE_RELS.as_bytes(),
            stored: false,
        },
        Entry {
            name: "docProps/core.xml",
            bytes: core.as_bytes(),
            stored: false,
        },
        Entry {
            name: "word/document.xml",
            bytes: document.as_bytes(),
            stored: false,
        },
        Entry {
            name: "word/_rels/document.xml.rels",
            bytes: rels.as_bytes(),
            stored: false,
        },
        Entry {
            name: "word/styles.xml",
            bytes: STYLES.as_bytes(),
            stored: false,
        },
        Entry {
            name: "word/numbering.xml",
            bytes: NUMBERING.as_bytes(),
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

fn runs(out: &mut String, spans: &[Span], bold_all: bool) {
    for span in spans {
        let bold = if span.bold || bold_all {
            "<w:rPr><w:b/></w:rPr>"
        } else {
            ""
        };
        // Line breaks inside a span become real breaks.
        for (i, line) in span.text.split('\n').enumerate() {
            if i > 0 {
                out.push_str("<w:r><w:br/></w:r>");
            }
            let _ = write!(
                out,
                r#"<w:r>{bold}<w:t xml:space="preserve">{}</w:t></w:r>"#,
                xml_text(line)
            );
        }
    }
}

fn paragraph(out: &mut String, style: Option<&str>, spans: &[Span], bold: bool) {
    out.push_str("<w:p>");
    if let Some(style) = style {
        let _ = write!(out, r#"<w:pPr><w:pStyle w:val="{style}"/></w:pPr>"#);
    }
    runs(out, spans, bold);
    out.push_str("</w:p>");
}

/// The title and the coalition in the title styles, the facts as label,
/// tab, value; then a new page.
fn cover(out: &mut String, cover: &Cover) {
    out.push_str(r#"<w:p><w:pPr><w:spacing w:before="2400"/></w:pPr></w:p>"#);
    paragraph(
        out,
        Some("Title"),
        &[Span::plain(cover.title.clone())],
        false,
    );
    paragraph(
        out,
        Some("Subtitle"),
        &[Span::plain(cover.subtitle.clone())],
        false,
    );
    for (label, value) in &cover.facts {
        let _ = write!(
            out,
            r#"<w:p><w:pPr><w:pStyle w:val="CoverFact"/></w:pPr><w:r><w:rPr><w:color w:val="595959"/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:tab/></w:r>"#,
            xml_text(label)
        );
        runs(out, &[Span::bold(value.clone())], false);
        out.push_str("</w:p>");
    }
    out.push_str(r#"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#);
}

fn table(out: &mut String, t: &Table, text_width_cm: f32) {
    let total: u32 = t.widths.iter().sum::<u32>().max(1);
    let text_width = (text_width_cm * TWIPS_PER_CM) as u32;
    let widths: Vec<u32> = t.widths.iter().map(|w| text_width * w / total).collect();
    out.push_str(r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:tblLook w:val="0420" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>"#);
    for w in &widths {
        let _ = write!(out, r#"<w:gridCol w:w="{w}"/>"#);
    }
    out.push_str("</w:tblGrid>");
    let row = |out: &mut String, cells: &[String], header: bool| {
        out.push_str("<w:tr>");
        if header {
            out.push_str("<w:trPr><w:tblHeader/></w:trPr>");
        }
        for (i, cell) in cells.iter().enumerate() {
            let shade = if header {
                r#"<w:shd w:val="clear" w:color="auto" w:fill="E6EEF5"/>"#
            } else {
                ""
            };
            let _ = write!(
                out,
                r#"<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/>{shade}</w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/>{}</w:pPr>"#,
                widths[i],
                if t.right[i] {
                    r#"<w:jc w:val="right"/>"#
                } else {
                    ""
                }
            );
            runs(out, &[Span::plain(cell.clone())], header);
            out.push_str("</w:p></w:tc>");
        }
        out.push_str("</w:tr>");
    };
    row(out, &t.header, true);
    for cells in &t.rows {
        row(out, cells, false);
    }
    out.push_str("</w:tbl>");
    // Word needs a paragraph between two tables, and space after one.
    out.push_str("<w:p/>");
}

fn picture(out: &mut String, image: &Image, n: usize, text_width_cm: f32) {
    let cx = (image.width_cm.min(text_width_cm) * EMU_PER_CM) as u64;
    let cy = cx * u64::from(image.height_px) / u64::from(image.width_px.max(1));
    let alt = xml_text(&image.alt);
    let _ = write!(
        out,
        r#"<w:p><w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{n}" name="Grafiek {n}" descr="{alt}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="{n}" name="image{n}.png" descr="{alt}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImage{n}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#
    );
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const PACKAGE_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const NUMBERING: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:eastAsia="Arial" w:cs="Arial"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="nl-NL" w:eastAsia="nl-NL" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="1200" w:after="240"/></w:pPr><w:rPr><w:b/><w:color w:val="1F4E79"/><w:sz w:val="48"/><w:szCs w:val="48"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Subtitle"><w:name w:val="Subtitle"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:color w:val="404040"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="CoverFact"><w:name w:val="Cover Fact"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="left" w:pos="2552"/></w:tabs><w:spacing w:after="160"/></w:pPr><w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:color w:val="1F4E79"/><w:sz w:val="32"/><w:szCs w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:color w:val="1F4E79"/><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="60"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr><w:spacing w:after="40"/></w:pPr></w:style><w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:pPr><w:spacing w:after="0"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:left w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:right w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/></w:tblBorders><w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#;
