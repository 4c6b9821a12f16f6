//! The zip container DOCX, ODT and XLSX share, written the same way every
//! time: fixed entry order and timestamps, so the same document gives the
//! same bytes.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::error::{Error, Result};

pub struct Entry<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
    /// Stored uncompressed (ODF's `mimetype` must be).
    pub stored: bool,
}

pub fn zip(entries: &[Entry]) -> Result<Vec<u8>> {
    let failed = |e: &dyn std::fmt::Display| Error::InvalidInput(format!("pakket schrijven: {e}"));
    let mut out = ZipWriter::new(Cursor::new(Vec::new()));
    for entry in entries {
        let options = SimpleFileOptions::default()
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644)
            .compression_method(if entry.stored {
                CompressionMethod::Stored
            } else {
                CompressionMethod::Deflated
            });
        out.start_file(entry.name, options)
            .map_err(|e| failed(&e))?;
        out.write_all(entry.bytes).map_err(|e| failed(&e))?;
    }
    Ok(out.finish().map_err(|e| failed(&e))?.into_inner())
}
