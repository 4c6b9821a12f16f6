//! Dutch words as data: the fixed choices (kinds, domains, statuses) that
//! are stored, shown and typed on the command line as the same Dutch word,
//! and folding of text so that searching ignores case and diacritics.

use unicode_normalization::UnicodeNormalization;

/// Lower case without diacritics, so "Café Één" matches "cafe een".
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Hundredths the Dutch way, thousands grouped with dots and the comma
/// before the two decimals: `130.680,00`, `-12,50`. Money (cents) and the
/// figures of targets are both kept in hundredths.
pub fn hundredths(value: i64) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let value = value.unsigned_abs();
    let whole = (value / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped},{:02}", value % 100)
}

/// How a typed choice is compared: folded, `-`/`_` as spaces, spaces collapsed.
pub(crate) fn normalize_choice(text: &str) -> String {
    fold(text)
        .replace(['-', '_'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A closed list of choices, stored and serialised as its Dutch word. Parsing
/// is forgiving: case, diacritics, `-`/`_` and either half of a word with a
/// slash ("vsv" for "ziekenhuis/vsv") are accepted. A choice a coordinator
/// reads declares its labels here, once: `Rijk = "rijk/spuk" ["Rijk (SPUK)",
/// "National government (SPUK)"]`; the documents and the UI both show them.
macro_rules! dutch_choice {
    (@first $first:literal $(, $rest:literal)*) => { $first };
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal $([$nl:literal, $en:literal])?),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
                 serde::Serialize, serde::Deserialize, ts_rs::TS)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $code)] $variant ),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The Dutch word, as stored and typed on the command line.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// What a reader sees, in Dutch and in English (the code when
            /// no label is declared).
            pub fn labels(self) -> [&'static str; 2] {
                match self {
                    $($name::$variant => [
                        $crate::vocabulary::dutch_choice!(@first $($nl,)? $code),
                        $crate::vocabulary::dutch_choice!(@first $($en,)? $code),
                    ]),+
                }
            }

            /// The Dutch label, as in a document for partners.
            pub fn label(self) -> &'static str {
                self.labels()[0]
            }
        }

        impl $crate::schema::Vocabulary for $name {
            const ALL: &'static [$name] = $name::ALL;
            fn code(self) -> &'static str {
                $name::code(self)
            }
            fn labels(self) -> [&'static str; 2] {
                $name::labels(self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                let wanted = $crate::vocabulary::normalize_choice(s);
                // The label too: a file we wrote reads back.
                let matches = |v: &$name| {
                    $crate::vocabulary::normalize_choice(v.code()) == wanted
                        || $crate::vocabulary::normalize_choice(v.label()) == wanted
                        || (v.code().contains('/')
                            && v.code().split('/').any(|part| $crate::vocabulary::normalize_choice(part) == wanted))
                };
                Self::ALL.iter().copied().find(matches).ok_or_else(|| {
                    let choices: Vec<&str> = Self::ALL.iter().map(|v| v.code()).collect();
                    format!("onbekende waarde {:?}; kies uit: {}", s, choices.join(", "))
                })
            }
        }
    };
}
pub(crate) use dutch_choice;

#[cfg(test)]
mod tests {
    use super::*;

    dutch_choice!(Colour { Red = "rood" ["Rood", "Red"], DarkBlue = "donker/blauw", Light = "licht groen" });

    #[test]
    fn fold_drops_case_and_diacritics() {
        assert_eq!(fold("Café Één Naïef"), "cafe een naief");
        assert_eq!(fold("Zwangerschap"), "zwangerschap");
    }

    #[test]
    fn choices_parse_forgivingly_and_refuse_unknown_words() {
        assert_eq!("ROOD".parse::<Colour>(), Ok(Colour::Red));
        assert_eq!(" Rööd ".parse::<Colour>(), Ok(Colour::Red));
        assert_eq!("blauw".parse::<Colour>(), Ok(Colour::DarkBlue));
        assert_eq!("Donker/Blauw".parse::<Colour>(), Ok(Colour::DarkBlue));
        assert_eq!("licht-groen".parse::<Colour>(), Ok(Colour::Light));
        assert_eq!(Colour::Red.labels(), ["Rood", "Red"]);
        assert_eq!(Colour::Red.label(), "Rood");
        assert_eq!("Rood".parse::<Colour>(), Ok(Colour::Red));
        assert_eq!(Colour::Light.labels(), ["licht groen", "licht groen"]);
        let err = "paars".parse::<Colour>().unwrap_err();
        assert!(err.contains("rood") && err.contains("paars"), "{err}");
        assert_eq!(
            serde_json::to_string(&Colour::DarkBlue).unwrap(),
            "\"donker/blauw\""
        );
    }
}
