//! Translations: every user-facing string comes from the Fluent catalogues in `locales/`,
//! Danish (the default) and English, compiled into the binary.

use domain::locale::Locale;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};
use std::borrow::Cow;
use std::collections::HashMap;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "../../locales",
        fallback_language: "da",
        // Unicode isolation marks around arguments confuse plain-text mail and CSV readers.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static DA: LanguageIdentifier = langid!("da");
static EN: LanguageIdentifier = langid!("en");

/// A translator for one language; templates call `t.get("key")`.
#[derive(Clone, Copy, Debug)]
pub struct Tr {
    pub locale: Locale,
}

impl Tr {
    pub fn new(locale: Locale) -> Self {
        Tr { locale }
    }

    fn lang(&self) -> &'static LanguageIdentifier {
        match self.locale {
            Locale::Da => &DA,
            Locale::En => &EN,
        }
    }

    /// The message for `key`. A missing key shows the key itself (and a test fails).
    pub fn get(&self, key: &str) -> String {
        LOCALES
            .try_lookup(self.lang(), key)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The message for `key` with named arguments.
    pub fn with(&self, key: &str, args: &[(&str, String)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(name, value)| {
                (
                    Cow::Owned((*name).to_owned()),
                    FluentValue::from(value.clone()),
                )
            })
            .collect();
        LOCALES
            .try_lookup_with_args(self.lang(), key, &args)
            .unwrap_or_else(|| key.to_owned())
    }

    /// The message for `key` with a count, for plural forms.
    pub fn count(&self, key: &str, count: impl std::borrow::Borrow<usize>) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> =
            HashMap::from([(Cow::Borrowed("count"), FluentValue::from(*count.borrow()))]);
        LOCALES
            .try_lookup_with_args(self.lang(), key, &args)
            .unwrap_or_else(|| key.to_owned())
    }

    pub fn lang_code(&self) -> &'static str {
        self.locale.code()
    }

    /// A decimal number as people in this language write it: "4,2" in Danish, "4.2" in English.
    pub fn decimal(&self, value: f64, places: usize) -> String {
        let written = format!("{value:.places$}");
        match self.locale {
            Locale::Da => written.replace('.', ","),
            Locale::En => written,
        }
    }

    /// A date as people in this language write it.
    pub fn date(&self, date: chrono::NaiveDate) -> String {
        match self.locale {
            Locale::Da => date.format("%d.%m.%Y").to_string(),
            Locale::En => date.format("%-d %b %Y").to_string(),
        }
    }

    /// A date and time as people in this language write it, in Danish time.
    pub fn datetime(&self, at: &chrono::DateTime<chrono::Utc>) -> String {
        let local = at.with_timezone(&chrono_tz::Europe::Copenhagen);
        match self.locale {
            Locale::Da => local.format("%d.%m.%Y %H:%M").to_string(),
            Locale::En => local.format("%-d %b %Y %H:%M").to_string(),
        }
    }
}
