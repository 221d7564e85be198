//! The people import: a CSV file as HR systems export it, turned into a plan of changes.
//!
//! HR exports differ: comma or semicolon, UTF-8 with or without BOM, or Windows-1252 from older
//! Danish systems, Danish or English column names. We accept all of those, and we refuse the
//! whole file when any line is wrong: a half-applied import leaves an organisation in a state
//! nobody asked for. The plan is computed here, without touching storage; storage applies it
//! in one transaction.

use crate::ids::{OrgId, PersonId, UnitId};
use crate::org::UnitTree;
use crate::person::{Email, Person, PersonError, PersonFields};
use std::collections::HashMap;

/// Larger files are refused before parsing; a national employer's export is well below this.
pub const MAX_IMPORT_BYTES: usize = 8 * 1024 * 1024;

/// A column we understand, recognised from several spellings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    Name,
    FirstName,
    LastName,
    Email,
    JobTitle,
    Unit,
    LeaderEmail,
}

impl Column {
    fn recognise(header: &str) -> Option<Column> {
        let key: String = header
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        Some(match key.as_str() {
            "navn" | "name" | "fuldtnavn" | "fuldenavn" | "fullname" | "medarbejder"
            | "employee" | "medarbejdernavn" | "employeename" => Column::Name,
            "fornavn" | "firstname" | "givenname" => Column::FirstName,
            "efternavn" | "lastname" | "surname" | "familyname" => Column::LastName,
            "email" | "mail" | "emailadresse" | "mailadresse" | "emailaddress" | "epost" => {
                Column::Email
            }
            "stilling"
            | "stillingsbetegnelse"
            | "titel"
            | "jobtitel"
            | "jobtitle"
            | "title"
            | "position" => Column::JobTitle,
            "enhed" | "afdeling" | "team" | "unit" | "department" | "organisationsenhed"
            | "orgenhed" => Column::Unit,
            "leder"
            | "lederemail"
            | "ledermail"
            | "nærmesteleder"
            | "nærmestelederemail"
            | "leader"
            | "leaderemail"
            | "manager"
            | "manageremail" => Column::LeaderEmail,
            _ => return None,
        })
    }

    pub fn label(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::FirstName => "first name",
            Column::LastName => "last name",
            Column::Email => "email",
            Column::JobTitle => "job title",
            Column::Unit => "unit",
            Column::LeaderEmail => "leader email",
        }
    }
}

/// Why the file as a whole could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FileProblem {
    #[error("the file is larger than {limit_mb} MB")]
    TooLarge { limit_mb: usize },
    #[error("the file is empty")]
    Empty,
    #[error("the file is not a text (CSV) file")]
    NotText,
    #[error("required columns missing: {}", .0.join(", "))]
    MissingColumns(Vec<&'static str>),
    #[error("the header row names a column twice: {0}")]
    DuplicateColumn(&'static str),
}

impl FileProblem {
    pub fn message_key(&self) -> &'static str {
        match self {
            FileProblem::TooLarge { .. } => "import-file-too-large",
            FileProblem::Empty => "import-file-empty",
            FileProblem::NotText => "import-file-not-text",
            FileProblem::MissingColumns(_) => "import-file-missing-columns",
            FileProblem::DuplicateColumn(_) => "import-file-duplicate-column",
        }
    }

    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            FileProblem::TooLarge { limit_mb } => vec![("limit", limit_mb.to_string())],
            FileProblem::MissingColumns(cols) => vec![("columns", cols.join(", "))],
            FileProblem::DuplicateColumn(col) => vec![("column", (*col).to_owned())],
            FileProblem::Empty | FileProblem::NotText => vec![],
        }
    }
}

/// Why one line is wrong.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LineProblem {
    #[error("the line has {found} fields, the header has {expected}")]
    FieldCount { expected: usize, found: usize },
    #[error("the line cannot be read as CSV")]
    Malformed,
    #[error("{0}")]
    Person(PersonError),
    #[error("no unit given")]
    EmptyUnit,
    #[error("unknown unit: {0}")]
    UnknownUnit(String),
    #[error("the e-mail address is also on line {first_line}")]
    DuplicateEmail { first_line: usize },
    #[error("unknown leader: {0}")]
    UnknownLeader(String),
    #[error("a person cannot be their own leader")]
    OwnLeader,
}

impl LineProblem {
    pub fn message_key(&self) -> &'static str {
        match self {
            LineProblem::FieldCount { .. } => "import-line-field-count",
            LineProblem::Malformed => "import-line-malformed",
            LineProblem::Person(p) => p.message_key(),
            LineProblem::EmptyUnit => "import-line-unit-empty",
            LineProblem::UnknownUnit(_) => "import-line-unit-unknown",
            LineProblem::DuplicateEmail { .. } => "import-line-email-duplicate",
            LineProblem::UnknownLeader(_) => "import-line-leader-unknown",
            LineProblem::OwnLeader => "error-leader-self",
        }
    }

    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            LineProblem::FieldCount { expected, found } => vec![
                ("expected", expected.to_string()),
                ("found", found.to_string()),
            ],
            LineProblem::UnknownUnit(u) => vec![("unit", u.clone())],
            LineProblem::DuplicateEmail { first_line } => {
                vec![("line", first_line.to_string())]
            }
            LineProblem::UnknownLeader(l) => vec![("leader", l.clone())],
            _ => vec![],
        }
    }
}

/// A bad line, with its line number in the file (the header is line 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineError {
    pub line: usize,
    pub problem: LineProblem,
}

/// A line that parsed: the fields as written, validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRow {
    pub line: usize,
    pub fields: PersonFields,
    pub unit: String,
    pub leader_email: Option<Email>,
}

/// The file, read: good rows and bad lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParsedFile {
    pub rows: Vec<ImportRow>,
    pub errors: Vec<LineError>,
}

/// Decodes and parses a people file. File-level problems stop here; line problems are collected.
pub fn parse_people_csv(bytes: &[u8]) -> Result<ParsedFile, FileProblem> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(FileProblem::TooLarge {
            limit_mb: MAX_IMPORT_BYTES / (1024 * 1024),
        });
    }
    let text = decode(bytes)?;
    if text.trim().is_empty() {
        return Err(FileProblem::Empty);
    }
    let delimiter = sniff_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|_| FileProblem::NotText)?.clone();
    let columns = map_columns(&headers)?;
    // The csv crate's own line count skips blank lines; count from byte offsets instead.
    let newlines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    // A record's position is where the reader resumed, before any blank lines it skipped.
    let line_at = |byte: u64| {
        let start = text.as_bytes()[byte as usize..]
            .iter()
            .position(|b| !matches!(b, b'\r' | b'\n'))
            .map_or(byte as usize, |skip| byte as usize + skip);
        newlines.partition_point(|nl| *nl < start) + 1
    };
    let mut parsed = ParsedFile::default();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| line_at(p.byte()));
                parsed.errors.push(LineError {
                    line,
                    problem: LineProblem::Malformed,
                });
                continue;
            }
        };
        let line = record.position().map_or(0, |p| line_at(p.byte()));
        if record.iter().all(|f| f.trim().is_empty()) {
            continue; // blank lines are common at the end of exports
        }
        if record.len() != headers.len() {
            parsed.errors.push(LineError {
                line,
                problem: LineProblem::FieldCount {
                    expected: headers.len(),
                    found: record.len(),
                },
            });
            continue;
        }
        match read_row(&columns, &record, line) {
            Ok(row) => parsed.rows.push(row),
            Err(problem) => parsed.errors.push(LineError { line, problem }),
        }
    }
    Ok(parsed)
}

fn decode(bytes: &[u8]) -> Result<String, FileProblem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.is_empty() {
        return Err(FileProblem::Empty);
    }
    // Text never holds NUL or most C0 controls; binary files nearly always do.
    let controls = bytes
        .iter()
        .filter(|b| **b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t'))
        .count();
    if bytes.contains(&0) || controls * 100 > bytes.len() {
        return Err(FileProblem::NotText);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_owned()),
        // Not UTF-8: older Danish HR systems write Windows-1252, which maps every byte.
        Err(_) => Ok(encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned()),
    }
}

fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    [b';', b',', b'\t']
        .into_iter()
        .max_by_key(|d| header.bytes().filter(|b| b == d).count())
        .unwrap_or(b',')
}

fn map_columns(headers: &csv::StringRecord) -> Result<HashMap<Column, usize>, FileProblem> {
    let mut columns = HashMap::new();
    for (index, header) in headers.iter().enumerate() {
        if let Some(column) = Column::recognise(header)
            && columns.insert(column, index).is_some()
        {
            return Err(FileProblem::DuplicateColumn(column.label()));
        }
    }
    let has_name = columns.contains_key(&Column::Name)
        || (columns.contains_key(&Column::FirstName) && columns.contains_key(&Column::LastName));
    let mut missing = Vec::new();
    if !has_name {
        missing.push(Column::Name.label());
    }
    for required in [Column::Email, Column::Unit] {
        if !columns.contains_key(&required) {
            missing.push(required.label());
        }
    }
    if missing.is_empty() {
        Ok(columns)
    } else {
        Err(FileProblem::MissingColumns(missing))
    }
}

fn read_row(
    columns: &HashMap<Column, usize>,
    record: &csv::StringRecord,
    line: usize,
) -> Result<ImportRow, LineProblem> {
    let get = |c: Column| {
        columns
            .get(&c)
            .and_then(|i| record.get(*i))
            .unwrap_or("")
            .trim()
    };
    let name = if columns.contains_key(&Column::Name) {
        get(Column::Name).to_owned()
    } else {
        format!("{} {}", get(Column::FirstName), get(Column::LastName))
    };
    let fields = PersonFields::parse(&name, get(Column::Email), get(Column::JobTitle))
        .map_err(LineProblem::Person)?;
    let unit = get(Column::Unit);
    if unit.is_empty() {
        return Err(LineProblem::EmptyUnit);
    }
    let leader = get(Column::LeaderEmail);
    let leader_email = if leader.is_empty() {
        None
    } else {
        Some(Email::parse(leader).map_err(|_| LineProblem::UnknownLeader(leader.to_owned()))?)
    };
    Ok(ImportRow {
        line,
        fields,
        unit: unit.to_owned(),
        leader_email,
    })
}

/// A person the import creates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPerson {
    pub line: usize,
    pub person: Person,
}

/// A person the import changes, with the fields that change (for the dry run's report).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonUpdate {
    pub line: usize,
    pub before: Person,
    pub after: Person,
    pub changed: Vec<Column>,
    pub reactivated: bool,
}

/// What applying the file would do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    pub creates: Vec<NewPerson>,
    pub updates: Vec<PersonUpdate>,
    pub unchanged: usize,
    pub errors: Vec<LineError>,
}

impl ImportPlan {
    pub fn is_applicable(&self) -> bool {
        self.errors.is_empty()
    }
}

/// Matches the parsed file against the organisation: by e-mail for people, by name for units.
pub fn plan_import(
    org: OrgId,
    parsed: ParsedFile,
    tree: &UnitTree,
    people: &[Person],
) -> ImportPlan {
    let mut plan = ImportPlan {
        errors: parsed.errors,
        ..Default::default()
    };
    let existing: HashMap<&Email, &Person> = people.iter().map(|p| (&p.email, p)).collect();
    let mut first_line: HashMap<Email, usize> = HashMap::new();
    let mut ids: HashMap<Email, PersonId> =
        existing.iter().map(|(e, p)| ((*e).clone(), p.id)).collect();
    let mut resolved = Vec::new();
    for row in parsed.rows {
        if let Some(first) = first_line.get(&row.fields.email) {
            plan.errors.push(LineError {
                line: row.line,
                problem: LineProblem::DuplicateEmail { first_line: *first },
            });
            continue;
        }
        first_line.insert(row.fields.email.clone(), row.line);
        let Some(unit) = tree.by_name(&row.unit) else {
            plan.errors.push(LineError {
                line: row.line,
                problem: LineProblem::UnknownUnit(row.unit.clone()),
            });
            continue;
        };
        ids.entry(row.fields.email.clone()).or_default(); // a fresh id for a new person
        resolved.push((row, unit.id));
    }
    for (row, unit_id) in resolved {
        let leader_id = match &row.leader_email {
            None => None,
            Some(email) if *email == row.fields.email => {
                plan.errors.push(LineError {
                    line: row.line,
                    problem: LineProblem::OwnLeader,
                });
                continue;
            }
            Some(email) => match ids.get(email) {
                Some(id) => Some(*id),
                None => {
                    plan.errors.push(LineError {
                        line: row.line,
                        problem: LineProblem::UnknownLeader(email.to_string()),
                    });
                    continue;
                }
            },
        };
        plan_row(&mut plan, org, &existing, &ids, row, unit_id, leader_id);
    }
    plan.errors.sort_by_key(|e| e.line);
    plan
}

fn plan_row(
    plan: &mut ImportPlan,
    org: OrgId,
    existing: &HashMap<&Email, &Person>,
    ids: &HashMap<Email, PersonId>,
    row: ImportRow,
    unit_id: UnitId,
    leader_id: Option<PersonId>,
) {
    let after = Person {
        id: ids[&row.fields.email],
        org_id: org,
        unit_id,
        name: row.fields.name,
        email: row.fields.email,
        job_title: row.fields.job_title,
        leader_id,
        active: true,
    };
    let Some(before) = existing.get(&after.email) else {
        plan.creates.push(NewPerson {
            line: row.line,
            person: after,
        });
        return;
    };
    let mut changed = Vec::new();
    if before.name != after.name {
        changed.push(Column::Name);
    }
    if before.job_title != after.job_title {
        changed.push(Column::JobTitle);
    }
    if before.unit_id != after.unit_id {
        changed.push(Column::Unit);
    }
    if before.leader_id != after.leader_id {
        changed.push(Column::LeaderEmail);
    }
    let reactivated = !before.active;
    if changed.is_empty() && !reactivated {
        plan.unchanged += 1;
    } else {
        plan.updates.push(PersonUpdate {
            line: row.line,
            before: (*before).clone(),
            after,
            changed,
            reactivated,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::org::{Unit, UnitKind};

    fn tree(org: OrgId) -> UnitTree {
        let root = Unit {
            id: UnitId::new(),
            org_id: org,
            parent_id: None,
            name: "Mælkebøtten".into(),
            kind: UnitKind::Organisation,
            leader_id: None,
        };
        let team = Unit {
            id: UnitId::new(),
            org_id: org,
            parent_id: Some(root.id),
            name: "Grøn stue".into(),
            kind: UnitKind::Team,
            leader_id: None,
        };
        UnitTree::new(vec![root, team])
    }

    #[test]
    fn semicolon_utf8_with_bom_and_danish_headers() {
        let csv =
            "\u{feff}Navn;E-mail;Stilling;Afdeling;Leder\nLane Ørum;lane@m.dk;Pædagog;Grøn stue;\n";
        let parsed = parse_people_csv(csv.as_bytes()).unwrap();
        assert_eq!(parsed.errors, vec![]);
        assert_eq!(parsed.rows[0].fields.name, "Lane Ørum");
        assert_eq!(parsed.rows[0].unit, "Grøn stue");
        assert_eq!(parsed.rows[0].line, 2);
    }

    #[test]
    fn windows_1252_keeps_danish_letters() {
        let (bytes, _, _) =
            encoding_rs::WINDOWS_1252.encode("name,email,unit\nÆble Åsø,a@m.dk,Grøn stue\n");
        assert!(std::str::from_utf8(&bytes).is_err());
        let parsed = parse_people_csv(&bytes).unwrap();
        assert_eq!(parsed.rows[0].fields.name, "Æble Åsø");
        assert_eq!(parsed.rows[0].unit, "Grøn stue");
    }

    #[test]
    fn first_and_last_name_columns_combine() {
        let parsed =
            parse_people_csv(b"Fornavn,Efternavn,Mail,Enhed\nLane,Jensen,l@m.dk,X\n").unwrap();
        assert_eq!(parsed.rows[0].fields.name, "Lane Jensen");
    }

    #[test]
    fn file_problems() {
        assert_eq!(parse_people_csv(b""), Err(FileProblem::Empty));
        assert_eq!(parse_people_csv(b"\xEF\xBB\xBF"), Err(FileProblem::Empty));
        assert_eq!(
            parse_people_csv(b"\x00\x01\x02PK\x03\x04garbage"),
            Err(FileProblem::NotText)
        );
        assert_eq!(
            parse_people_csv("navn;stilling\nLane;Pædagog\n".as_bytes()),
            Err(FileProblem::MissingColumns(vec!["email", "unit"]))
        );
        assert_eq!(
            parse_people_csv(b"email,mail,name,unit\n"),
            Err(FileProblem::DuplicateColumn("email"))
        );
        let big = vec![b'a'; MAX_IMPORT_BYTES + 1];
        assert!(matches!(
            parse_people_csv(&big),
            Err(FileProblem::TooLarge { .. })
        ));
    }

    #[test]
    fn line_problems_carry_line_numbers() {
        let csv = "name,email,unit\nLane,lane@m.dk,Grøn stue\n,x@m.dk,Grøn stue\nBo,not-an-email,Grøn stue\nAnne,a@m.dk\n\nKim,k@m.dk,\n";
        let parsed = parse_people_csv(csv.as_bytes()).unwrap();
        let lines: Vec<_> = parsed
            .errors
            .iter()
            .map(|e| (e.line, e.problem.clone()))
            .collect();
        assert_eq!(
            lines,
            vec![
                (3, LineProblem::Person(PersonError::EmptyName)),
                (4, LineProblem::Person(PersonError::InvalidEmail)),
                (
                    5,
                    LineProblem::FieldCount {
                        expected: 3,
                        found: 2
                    }
                ),
                (7, LineProblem::EmptyUnit),
            ]
        );
        assert_eq!(parsed.rows.len(), 1);
    }

    #[test]
    fn plan_matches_units_people_and_leaders() {
        let org = OrgId::new();
        let tree = tree(org);
        let team = tree.by_name("grøn stue").unwrap().id;
        let existing = Person {
            id: PersonId::new(),
            org_id: org,
            unit_id: team,
            name: "Old Name".into(),
            email: Email::parse("lane@m.dk").unwrap(),
            job_title: "Pædagog".into(),
            leader_id: None,
            active: true,
        };
        let csv = "name,email,unit,job title,leader\n\
                   Lane,lane@m.dk,Grøn stue,Pædagog,boss@m.dk\n\
                   Boss,boss@m.dk,grøn stue,Leder,\n\
                   X,x@m.dk,Rød stue,,\n\
                   Y,LANE@m.dk,Grøn stue,,\n\
                   Z,z@m.dk,Grøn stue,,nobody@m.dk\n\
                   W,w@m.dk,Grøn stue,,w@m.dk\n";
        let plan = plan_import(
            org,
            parse_people_csv(csv.as_bytes()).unwrap(),
            &tree,
            std::slice::from_ref(&existing),
        );
        let errors: Vec<_> = plan
            .errors
            .iter()
            .map(|e| (e.line, e.problem.clone()))
            .collect();
        assert_eq!(
            errors,
            vec![
                (4, LineProblem::UnknownUnit("Rød stue".into())),
                (5, LineProblem::DuplicateEmail { first_line: 2 }),
                (6, LineProblem::UnknownLeader("nobody@m.dk".into())),
                (7, LineProblem::OwnLeader),
            ]
        );
        assert!(!plan.is_applicable());
        assert_eq!(plan.creates.len(), 1);
        let boss = &plan.creates[0].person;
        assert_eq!(plan.updates.len(), 1);
        let update = &plan.updates[0];
        assert_eq!(update.after.id, existing.id);
        assert_eq!(update.after.leader_id, Some(boss.id));
        assert_eq!(update.changed, vec![Column::Name, Column::LeaderEmail]);
    }
}
