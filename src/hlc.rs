//! Hybrid logical clock: wall-clock milliseconds, a counter and the replica
//! id. Totally ordered, monotonic on one replica even when the computer's
//! clock jumps back, and never behind any change this replica has seen, so
//! an edit made after seeing a value always wins over that value.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, TimeZone, Utc};
use uuid::Uuid;

/// One timestamp. Ordered by (wall_ms, counter, replica); its text form
/// sorts the same way, so SQLite can order by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Hlc {
    pub wall_ms: u64,
    pub counter: u16,
    pub replica: Uuid,
}

/// Wall time fits in 48 bits (until the year 10889).
const MAX_WALL_MS: u64 = (1 << 48) - 1;

impl Hlc {
    pub fn wall_time(&self) -> DateTime<Utc> {
        Utc.timestamp_millis_opt(self.wall_ms as i64)
            .single()
            .unwrap_or(DateTime::<Utc>::MIN_UTC)
    }
}

impl fmt::Display for Hlc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:012x}{:04x}-{}",
            self.wall_ms,
            self.counter,
            self.replica.simple()
        )
    }
}

#[derive(Debug, thiserror::Error)]
#[error("ongeldige tijdstempel: {0:?}")]
pub struct ParseHlcError(String);

impl FromStr for Hlc {
    type Err = ParseHlcError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || ParseHlcError(s.chars().take(80).collect());
        if s.len() != 49 || s.as_bytes()[16] != b'-' || !s.is_ascii() {
            return Err(bad());
        }
        let wall_ms = u64::from_str_radix(&s[0..12], 16).map_err(|_| bad())?;
        let counter = u16::from_str_radix(&s[12..16], 16).map_err(|_| bad())?;
        let replica = Uuid::try_parse(&s[17..]).map_err(|_| bad())?;
        Ok(Hlc {
            wall_ms,
            counter,
            replica,
        })
    }
}

/// The length of [`Hlc::to_bytes`].
pub const HLC_BYTES: usize = 24;

impl Hlc {
    /// The form the change log stores: wall time (48 bits), counter and
    /// replica, big-endian, so the bytes sort like the value and SQLite's
    /// `memcmp` on the key orders changes by time.
    pub fn to_bytes(&self) -> [u8; HLC_BYTES] {
        let mut out = [0u8; HLC_BYTES];
        out[..6].copy_from_slice(&self.wall_ms.to_be_bytes()[2..]);
        out[6..8].copy_from_slice(&self.counter.to_be_bytes());
        out[8..].copy_from_slice(self.replica.as_bytes());
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<Hlc> {
        let bytes: &[u8; HLC_BYTES] = bytes.try_into().ok()?;
        let mut wall = [0u8; 8];
        wall[2..].copy_from_slice(&bytes[..6]);
        Some(Hlc {
            wall_ms: u64::from_be_bytes(wall),
            counter: u16::from_be_bytes([bytes[6], bytes[7]]),
            replica: Uuid::from_slice(&bytes[8..]).ok()?,
        })
    }
}

impl rusqlite::types::ToSql for Hlc {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(rusqlite::types::ToSqlOutput::Owned(
            rusqlite::types::Value::Blob(self.to_bytes().to_vec()),
        ))
    }
}

impl rusqlite::types::FromSql for Hlc {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let bytes = value.as_blob()?;
        Hlc::from_bytes(bytes).ok_or(rusqlite::types::FromSqlError::InvalidBlobSize {
            expected_size: HLC_BYTES,
            blob_size: bytes.len(),
        })
    }
}

impl serde::Serialize for Hlc {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Hlc {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Without an owned String: a join parses a million of these.
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = Hlc;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a timestamp")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Hlc, E> {
                s.parse().map_err(E::custom)
            }
        }
        d.deserialize_str(Text)
    }
}

/// The clock of one replica. `tick` stamps a local change; `observe` moves
/// the clock past a change that came from elsewhere.
#[derive(Debug, Clone)]
pub struct HlcClock {
    replica: Uuid,
    wall_ms: u64,
    counter: u16,
}

impl HlcClock {
    pub fn new(replica: Uuid) -> Self {
        Self {
            replica,
            wall_ms: 0,
            counter: 0,
        }
    }

    pub fn replica(&self) -> Uuid {
        self.replica
    }

    /// A new timestamp, later than every one this clock gave or observed,
    /// whatever `now_ms` says.
    pub fn tick(&mut self, now_ms: u64) -> Hlc {
        let now_ms = now_ms.min(MAX_WALL_MS);
        if now_ms > self.wall_ms {
            self.wall_ms = now_ms;
            self.counter = 0;
        } else if self.counter == u16::MAX {
            // Counter exhausted within one millisecond: borrow the next one.
            self.wall_ms += 1;
            self.counter = 0;
        } else {
            self.counter += 1;
        }
        Hlc {
            wall_ms: self.wall_ms,
            counter: self.counter,
            replica: self.replica,
        }
    }

    /// Never fall behind a timestamp this replica has seen.
    pub fn observe(&mut self, seen: &Hlc) {
        if (seen.wall_ms, seen.counter) > (self.wall_ms, self.counter) {
            self.wall_ms = seen.wall_ms.min(MAX_WALL_MS);
            self.counter = seen.counter;
        }
    }
}

/// Milliseconds since the Unix epoch by the computer's clock: the one place
/// the core reads it (see `crate::time`).
#[allow(clippy::disallowed_methods)]
pub fn system_now_ms() -> u64 {
    Utc::now().timestamp_millis().max(0) as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    const YEAR_MS: u64 = 365 * 24 * 3600 * 1000;
    const NOW: u64 = 1_795_000_000_000;

    #[test]
    fn text_form_sorts_like_the_value_and_round_trips() {
        let a = Uuid::now_v7();
        let b = Uuid::now_v7();
        let stamps = [
            Hlc {
                wall_ms: 5,
                counter: 1,
                replica: b,
            },
            Hlc {
                wall_ms: 5,
                counter: 1,
                replica: a,
            },
            Hlc {
                wall_ms: 4,
                counter: 9,
                replica: b,
            },
            Hlc {
                wall_ms: NOW,
                counter: 0,
                replica: a,
            },
            Hlc {
                wall_ms: 5,
                counter: 0xffff,
                replica: a,
            },
        ];
        let mut by_value = stamps.to_vec();
        by_value.sort();
        let mut by_text: Vec<String> = stamps.iter().map(|h| h.to_string()).collect();
        by_text.sort();
        let by_value_text: Vec<String> = by_value.iter().map(|h| h.to_string()).collect();
        assert_eq!(
            by_text, by_value_text,
            "SQLite orders by the text form, so it must sort like Hlc"
        );
        for h in stamps {
            assert_eq!(h.to_string().parse::<Hlc>().unwrap(), h);
        }
        assert!("garbage".parse::<Hlc>().is_err());
        assert!("zzzzzzzzzzzz0000-0196a1b2c3d47e8f9a0b1c2d3e4f5a6b"
            .parse::<Hlc>()
            .is_err());
    }

    #[test]
    fn byte_form_sorts_like_the_value_and_round_trips() {
        let mut clock = HlcClock::new(Uuid::now_v7());
        let mut stamps: Vec<Hlc> = [0, 1, 255, 256, 65_535, NOW, MAX_WALL_MS]
            .iter()
            .map(|&ms| clock.tick(ms))
            .collect();
        stamps.push(Hlc {
            wall_ms: NOW,
            counter: 0xff00,
            replica: Uuid::nil(),
        });
        stamps.push(Hlc {
            wall_ms: NOW,
            counter: 0x00ff,
            replica: Uuid::max(),
        });
        let mut by_bytes = stamps.clone();
        by_bytes.sort_by_key(|h| h.to_bytes());
        stamps.sort();
        assert_eq!(by_bytes, stamps, "SQLite orders the log by these bytes");
        for h in stamps {
            assert_eq!(Hlc::from_bytes(&h.to_bytes()), Some(h));
        }
        assert_eq!(Hlc::from_bytes(&[0; 23]), None);
    }

    #[test]
    fn monotonic_when_the_clock_jumps_back() {
        let mut clock = HlcClock::new(Uuid::now_v7());
        let mut last = clock.tick(NOW);
        for now in [NOW - 1000, NOW - YEAR_MS, NOW, NOW + 5, 0, NOW + 5] {
            let next = clock.tick(now);
            assert!(
                next > last,
                "{next} must be after {last} even though the clock said {now}"
            );
            last = next;
        }
    }

    #[test]
    fn counter_overflow_moves_to_the_next_millisecond() {
        let mut clock = HlcClock::new(Uuid::now_v7());
        let mut last = clock.tick(NOW);
        for _ in 0..70_000 {
            let next = clock.tick(NOW);
            assert!(next > last);
            last = next;
        }
        assert_eq!(
            last.wall_ms,
            NOW + 1,
            "70,000 ticks in one ms spill into the next ms"
        );
    }

    #[test]
    fn a_clock_a_year_ahead_does_not_freeze_the_others() {
        let mut ahead = HlcClock::new(Uuid::now_v7());
        let mut normal = HlcClock::new(Uuid::now_v7());
        let future = ahead.tick(NOW + YEAR_MS);
        normal.observe(&future);
        // After seeing the future value, an edit on the normal laptop still
        // gets a later stamp (so it wins), and its clock keeps moving.
        let a = normal.tick(NOW);
        let b = normal.tick(NOW + 1);
        assert!(a > future && b > a);
        // Once real time passes the future stamp, the wall clock leads again.
        let c = normal.tick(NOW + 2 * YEAR_MS);
        assert_eq!(c.wall_ms, NOW + 2 * YEAR_MS);
    }

    #[test]
    fn observing_an_older_stamp_changes_nothing() {
        let mut clock = HlcClock::new(Uuid::now_v7());
        let mine = clock.tick(NOW);
        let old = HlcClock::new(Uuid::now_v7()).tick(NOW - 10);
        clock.observe(&old);
        assert!(clock.tick(NOW - 20) > mine);
    }
}
