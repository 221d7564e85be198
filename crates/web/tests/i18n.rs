//! Every message the code or a template asks for exists in Danish and in English, and the two
//! catalogues hold the same keys.

use domain::audit::AuditKind;
use domain::locale::Locale;
use domain::org::UnitKind;
use domain::role::Role;
use std::collections::BTreeSet;
use std::path::Path;
use web::i18n::Tr;

const KEY_PREFIXES: &[&str] = &[
    "account-",
    "goal-",
    "cycle-",
    "question-",
    "stage-",
    "prep-",
    "contract-",
    "agenda-",
    "competence",
    "agreement-",
    "dialogue-",
    "evaluation",
    "effect-",
    "insight-",
    "routed-",
    "report-",
    "feedback-",
    "notes-",
    "feedback-",
    "thread-",
    "print-",
    "settings-",
    "share-hr-",
    "progress-",
    "my-actions-",
    "followup-",
    "follow-through-",
    "drawer-",
    "calendar-",
    "mail-",
    "reminders-",
    "last-year-",
    "conversation-",
    "overview-",
    "invitation-",
    "minutes",
    "section-",
    "cycles-",
    "strategy-",
    "app-",
    "audit-",
    "back-",
    "create",
    "done-",
    "edit",
    "error-",
    "field-",
    "footer-",
    "home-",
    "import-",
    "language",
    "logged-",
    "login-",
    "logout",
    "nav-",
    "newer",
    "older",
    "pagination",
    "password-",
    "people-",
    "person-",
    "role-",
    "roles-",
    "save",
    "search-",
    "skip-",
    "status-",
    "unit-",
    "units-",
    "user-",
    "users-",
];

fn catalogue(locale: &str) -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../locales/{locale}/main.ftl"));
    std::fs::read_to_string(&path).unwrap()
}

/// The variables a message uses (`{ $name }`), so that it can be formatted in the test.
fn variables(catalogue: &str, key: &str) -> Vec<String> {
    let start = catalogue.find(&format!("\n{key} =")).map_or(0, |i| i + 1);
    let body: String = catalogue[start..]
        .lines()
        .enumerate()
        .take_while(|(i, line)| *i == 0 || line.starts_with(' '))
        .map(|(_, line)| line)
        .collect();
    let mut names: Vec<String> = body
        .split('$')
        .skip(1)
        .map(|rest| {
            rest.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                .next()
                .unwrap_or("")
                .to_owned()
        })
        .collect();
    names.sort();
    names.dedup();
    names
}

fn catalogue_keys(locale: &str) -> BTreeSet<String> {
    catalogue(locale)
        .lines()
        .filter_map(|line| line.split_once(" ="))
        .map(|(key, _)| key)
        .filter(|key| {
            !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        .map(str::to_owned)
        .collect()
}

/// String literals that look like message keys, from the sources and templates that show text.
fn used_keys() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [
        root.join("src"),
        root.join("src/pages"),
        root.join("templates"),
        root.join("../domain/src"),
    ] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            // audit kinds' own names are data, translated through the "audit-" prefix below
            if path.is_file() && !path.ends_with("domain/src/audit.rs") {
                files.push(path);
            }
        }
    }
    let mut keys = BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // In templates only the translator's calls name keys; ids and classes look alike.
        let literals: Vec<&str> = if file.extension().is_some_and(|e| e == "html") {
            ["get(\"", "with(\"", "count(\""]
                .iter()
                .flat_map(|call| text.split(call).skip(1))
                .filter_map(|rest| rest.split('"').next())
                .collect()
        } else {
            text.split('"').skip(1).step_by(2).collect()
        };
        for literal in literals {
            let plausible = literal.contains('-')
                && literal
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !literal.ends_with('-')
                && KEY_PREFIXES.iter().any(|p| literal.starts_with(p));
            if plausible {
                keys.insert(literal.to_owned());
            }
        }
    }
    for kind in AuditKind::ALL {
        keys.insert(format!("audit-{}", kind.as_str()));
    }
    for role in [
        Role::Employee,
        Role::Leader,
        Role::Leadership,
        Role::Hr,
        Role::Admin,
    ] {
        keys.insert(format!("role-{}", role.as_str()));
    }
    for kind in [UnitKind::Organisation, UnitKind::Department, UnitKind::Team] {
        keys.insert(format!("unit-kind-{}", kind.as_str()));
    }
    keys
}

#[test]
fn both_catalogues_hold_the_same_keys() {
    let (da, en) = (catalogue_keys("da"), catalogue_keys("en"));
    assert!(da.len() > 100, "parsed {} Danish keys", da.len());
    let only_da: Vec<_> = da.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&da).collect();
    assert!(
        only_da.is_empty() && only_en.is_empty(),
        "only Danish: {only_da:?}; only English: {only_en:?}"
    );
}

#[test]
fn every_used_key_is_translated_in_both_languages() {
    let used = used_keys();
    assert!(used.len() > 100, "found {} keys in use", used.len());
    let mut missing = Vec::new();
    for locale in Locale::ALL {
        let keys = catalogue_keys(locale.code());
        let text = catalogue(locale.code());
        let t = Tr::new(locale);
        for key in &used {
            // Present in the file, and formatted by Fluent (a syntax error drops the message).
            let names = variables(&text, key);
            let args: Vec<(&str, String)> =
                names.iter().map(|n| (n.as_str(), "1".to_owned())).collect();
            let parsed = t.with(key, &args) != *key;
            if !keys.contains(key) || !parsed {
                missing.push(format!("{locale}: {key}"));
            }
        }
    }
    assert!(missing.is_empty(), "missing translations: {missing:#?}");
}

#[test]
fn plurals_and_arguments_are_filled_in() {
    let (da, en) = (Tr::new(Locale::Da), Tr::new(Locale::En));
    assert_eq!(da.count("people-count", 1), "1 person");
    assert_eq!(da.count("people-count", 3), "3 personer");
    assert_eq!(en.count("people-count", 3), "3 people");
    assert_eq!(
        en.with("home-welcome", &[("name", "Lane".into())]),
        "Welcome, Lane"
    );
}
