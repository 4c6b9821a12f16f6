//! The file format of one change batch in the shared folder:
//!
//! ```text
//! WIEG-CHANGES\n
//! {"format":1,"schema":1,"coalition":"…","replica":"…","seq":7,"count":120,
//!  "first_hlc":"…","last_hlc":"…","encoding":"deflate","body_bytes":1834,"sha256":"…"}\n
//! <body_bytes bytes: deflate of one JSON change per line>
//! ```
//!
//! A reader takes a batch only when it is whole and its checksum holds; a
//! file that is empty, cut short or still being written is "not yet
//! complete" and tried again on the next sync, never treated as a deletion.

use std::io::{Read, Write};

use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::changes::Change;
use crate::error::{Error, Result};
use crate::hlc::Hlc;

/// The batch format this version writes and reads.
pub const FORMAT_VERSION: u32 = 1;
pub const EXTENSION: &str = "wiegchanges";
const MAGIC: &[u8] = b"WIEG-CHANGES\n";
/// A header line longer than this is not a header.
const MAX_HEADER: usize = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BatchHeader {
    pub format: u32,
    pub schema: i64,
    pub coalition: Uuid,
    pub replica: Uuid,
    pub seq: u64,
    pub count: u64,
    pub first_hlc: Hlc,
    pub last_hlc: Hlc,
    pub encoding: String,
    pub body_bytes: u64,
    pub sha256: String,
}

/// What a file in the shared folder turned out to be.
#[derive(Debug)]
pub enum Decoded {
    Complete(BatchHeader, Vec<Change>),
    /// Possibly still arriving: try again later.
    Incomplete(String),
    /// Never applicable here (garbage, another coalition): reported, skipped.
    Refused(String),
    /// Written by a newer Wieg: kept until this laptop is updated.
    NewerFormat(u32),
}

pub fn encode(
    coalition: Uuid,
    replica: Uuid,
    seq: u64,
    changes: &[Change],
) -> Result<(BatchHeader, Vec<u8>)> {
    let (first, last) = match (changes.first(), changes.last()) {
        (Some(f), Some(l)) => (f.hlc, l.hlc),
        _ => {
            return Err(Error::InvalidInput(
                "een lege batch wordt niet geschreven".into(),
            ))
        }
    };
    // JSON lines first, then one pass of deflate: many tiny writes into the
    // encoder cost far more than the compression itself.
    let mut plain = Vec::with_capacity(changes.len() * 160);
    for change in changes {
        serde_json::to_writer(&mut plain, change)?;
        plain.push(b'\n');
    }
    let mut encoder =
        DeflateEncoder::new(Vec::with_capacity(plain.len() / 8), Compression::default());
    encoder
        .write_all(&plain)
        .map_err(|e| Error::io("batch", e))?;
    let body = encoder.finish().map_err(|e| Error::io("batch", e))?;
    let header = BatchHeader {
        format: FORMAT_VERSION,
        schema: crate::db::SCHEMA_VERSION,
        coalition,
        replica,
        seq,
        count: changes.len() as u64,
        first_hlc: first,
        last_hlc: last,
        encoding: "deflate".into(),
        body_bytes: body.len() as u64,
        sha256: hex_sha256(&body),
    };
    let mut bytes = MAGIC.to_vec();
    serde_json::to_writer(&mut bytes, &header)?;
    bytes.push(b'\n');
    bytes.extend_from_slice(&body);
    Ok((header, bytes))
}

pub fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(Deserialize)]
struct FormatOnly {
    format: u32,
}

/// Read a batch meant for `coalition`.
pub fn decode(bytes: &[u8], coalition: Uuid) -> Decoded {
    use Decoded::*;
    if bytes.is_empty() {
        return Incomplete("leeg bestand: nog niet (helemaal) gesynchroniseerd".into());
    }
    if bytes.len() < MAGIC.len() {
        return if MAGIC.starts_with(bytes) {
            Incomplete("onvolledig bestand".into())
        } else {
            Refused("geen Wieg-wijzigingenbestand".into())
        };
    }
    let Some(rest) = bytes.strip_prefix(MAGIC) else {
        return Refused("geen Wieg-wijzigingenbestand".into());
    };
    let Some(newline) = rest.iter().take(MAX_HEADER).position(|&b| b == b'\n') else {
        return if rest.len() < MAX_HEADER {
            Incomplete("onvolledige kop".into())
        } else {
            Refused("onleesbare kop".into())
        };
    };
    let (line, body) = (&rest[..newline], &rest[newline + 1..]);
    match serde_json::from_slice::<FormatOnly>(line) {
        Ok(f) if f.format > FORMAT_VERSION => return NewerFormat(f.format),
        Ok(_) => {}
        Err(_) => return Refused("onleesbare kop".into()),
    }
    let header: BatchHeader = match serde_json::from_slice(line) {
        Ok(h) => h,
        Err(e) => return Refused(format!("onleesbare kop: {e}")),
    };
    if header.coalition != coalition {
        return Refused(format!(
            "hoort bij een andere coalitie ({})",
            header.coalition
        ));
    }
    if (body.len() as u64) < header.body_bytes {
        return Incomplete(format!(
            "onvolledig: {} van {} bytes",
            body.len(),
            header.body_bytes
        ));
    }
    if body.len() as u64 > header.body_bytes || hex_sha256(body) != header.sha256 {
        // A sync service may still be writing it in place.
        return Incomplete("controlesom klopt (nog) niet".into());
    }
    if header.encoding != "deflate" {
        return Refused(format!("onbekende codering {:?}", header.encoding));
    }
    let mut text = String::new();
    if let Err(e) = DeflateDecoder::new(body).read_to_string(&mut text) {
        return Refused(format!("beschadigde inhoud: {e}"));
    }
    let mut changes = Vec::with_capacity(header.count as usize);
    for line in text.lines() {
        match serde_json::from_str::<Change>(line) {
            Ok(c) => changes.push(c),
            Err(e) => return Refused(format!("onleesbare wijziging: {e}")),
        }
    }
    if changes.len() as u64 != header.count {
        return Refused(format!(
            "{} wijzigingen, de kop zegt {}",
            changes.len(),
            header.count
        ));
    }
    Complete(header, changes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hlc::HlcClock;

    fn changes(n: usize) -> Vec<Change> {
        let mut clock = HlcClock::new(Uuid::now_v7());
        (0..n)
            .map(|i| Change {
                entity: "organisation".into(),
                id: Uuid::now_v7(),
                field: "name".into(),
                value: format!("Organisatie {i} — één").into(),
                hlc: clock.tick(1_795_000_000_000),
                prev: None,
            })
            .collect()
    }

    #[test]
    fn round_trips_and_compresses() {
        let coalition = Uuid::now_v7();
        let input = changes(500);
        let (header, bytes) = encode(coalition, Uuid::now_v7(), 3, &input).unwrap();
        let plain: usize = input
            .iter()
            .map(|c| serde_json::to_string(c).unwrap().len() + 1)
            .sum();
        assert!(
            bytes.len() * 3 < plain,
            "deflate pays: {} vs {plain} bytes",
            bytes.len()
        );
        match decode(&bytes, coalition) {
            Decoded::Complete(h, c) => {
                assert_eq!(h, header);
                assert_eq!(c, input);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn every_truncation_is_incomplete_never_applied() {
        let coalition = Uuid::now_v7();
        let (_, bytes) = encode(coalition, Uuid::now_v7(), 1, &changes(20)).unwrap();
        for len in 0..bytes.len() {
            match decode(&bytes[..len], coalition) {
                Decoded::Incomplete(_) => {}
                other => panic!(
                    "a file cut at {len} of {} bytes must be incomplete, got {other:?}",
                    bytes.len()
                ),
            }
        }
    }

    #[test]
    fn foreign_garbage_and_newer_files_are_told_apart() {
        let coalition = Uuid::now_v7();
        let (_, bytes) = encode(coalition, Uuid::now_v7(), 1, &changes(2)).unwrap();
        assert!(
            matches!(decode(&bytes, Uuid::now_v7()), Decoded::Refused(r) if r.contains("andere coalitie"))
        );
        assert!(matches!(
            decode(b"hello world, not a batch", coalition),
            Decoded::Refused(_)
        ));
        assert!(matches!(
            decode(b"WIEG-CHANGES\n{not json}\n", coalition),
            Decoded::Refused(_)
        ));
        let newer = b"WIEG-CHANGES\n{\"format\":99,\"whatever\":true}\n....";
        assert!(matches!(decode(newer, coalition), Decoded::NewerFormat(99)));
        let mut flipped = bytes.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0xff;
        assert!(
            matches!(decode(&flipped, coalition), Decoded::Incomplete(_)),
            "a bad checksum is retried"
        );
    }
}
