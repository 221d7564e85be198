//! The two languages MOUSE speaks. Danish is the default: the product is made for Danish workplaces.

use std::fmt;
use std::str::FromStr;

/// A user interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Locale {
    #[default]
    Da,
    En,
}

impl Locale {
    pub const ALL: [Locale; 2] = [Locale::Da, Locale::En];

    pub fn code(self) -> &'static str {
        match self {
            Locale::Da => "da",
            Locale::En => "en",
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Locale {
    type Err = UnknownLocale;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "da" => Ok(Locale::Da),
            "en" => Ok(Locale::En),
            _ => Err(UnknownLocale),
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("unknown language")]
pub struct UnknownLocale;
