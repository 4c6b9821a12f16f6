//! Saving the network map the UI drew (PNG or SVG) to a file the user chose.

use std::path::Path;

use base64::Engine;

use crate::error::{Error, Result, ValidationCode};

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Write `content` to `path`: SVG text for a `.svg` file, a
/// `data:image/png;base64,…` URL for a `.png` file. Anything else is refused,
/// so this never writes an arbitrary file.
pub fn save_map_image(path: &Path, content: &str) -> Result<()> {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let refused = |message: &str| Error::validation("path", ValidationCode::InvalidChoice, message);
    let bytes = match extension.as_str() {
        "svg" => {
            let start = content.trim_start();
            if !(start.starts_with("<svg") || start.starts_with("<?xml")) {
                return Err(refused("dit is geen SVG-afbeelding"));
            }
            content.as_bytes().to_vec()
        }
        "png" => {
            let data = content
                .strip_prefix("data:image/png;base64,")
                .ok_or_else(|| refused("dit is geen PNG-afbeelding"))?;
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(data.trim())
                .map_err(|_| refused("dit is geen PNG-afbeelding"))?;
            if !bytes.starts_with(PNG_MAGIC) {
                return Err(refused("dit is geen PNG-afbeelding"));
            }
            bytes
        }
        _ => return Err(refused("kies een bestandsnaam op .png of .svg")),
    };
    std::fs::write(path, bytes).map_err(|e| Error::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_png_and_svg_and_refuses_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let png = dir.path().join("kaart.PNG");
        let encoded = base64::engine::general_purpose::STANDARD.encode(b"\x89PNG\r\n\x1a\nrest");
        save_map_image(&png, &format!("data:image/png;base64,{encoded}")).unwrap();
        assert!(std::fs::read(&png).unwrap().starts_with(PNG_MAGIC));
        let svg = dir.path().join("kaart.svg");
        save_map_image(&svg, "<svg xmlns='http://www.w3.org/2000/svg'/>").unwrap();
        assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
        for (name, content) in [
            ("kaart.png", "data:image/png;base64,bm9wZQ=="),
            ("kaart.png", "<svg/>"),
            ("kaart.svg", "#!/bin/sh"),
            ("kaart.sh", "<svg/>"),
        ] {
            let path = dir.path().join(name);
            assert!(save_map_image(&path, content).is_err(), "{name}: {content}");
        }
        assert!(!dir.path().join("kaart.sh").exists());
    }
}
