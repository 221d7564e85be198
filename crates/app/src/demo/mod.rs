//! The demo organisation: the kindergarten Mælkebøtten from the source text, with a leader per
//! unit, some twenty employees and the educator Lane, so that every page has something real to
//! show the first time someone starts MOUSE.

use anyhow::{Context, Result};
use domain::competence::Competence;
use domain::conversation::{Conversation, Schedule, parse_local_time};
use domain::cycle::{Cycle, CycleState, Framing, Timeline};
use domain::org::{Unit, UnitKind};
use domain::person::{Email, Person};
use domain::questions::{Focus, default_questions};
use domain::role::GrantedRoles;
use domain::strategy::{GoalStatus, Period, StrategicGoal, parse_date};
use domain::{CompetenceId, CycleId, GoalId, PersonId, UnitId};
use storage::Db;

mod answers;
mod last_year;

use answers::{seed_evaluations, seed_feedback, seed_intentions};
use last_year::{seed_last_year, seed_last_year_others};

/// Every demo login uses this password; it is printed when the demo starts.
pub const DEMO_PASSWORD: &str = "maelkebotte";
pub const DEMO_SLUG: &str = "maelkeboetten";

/// A login to print for the person trying the demo.
#[derive(Clone, Debug)]
pub struct DemoLogin {
    pub role: &'static str,
    pub email: &'static str,
    pub name: &'static str,
}

pub const DEMO_LOGINS: [DemoLogin; 6] = [
    DemoLogin {
        role: "administrator",
        email: "admin@maelkeboetten.dk",
        name: "Søren Kjær",
    },
    DemoLogin {
        role: "HR / MUS coordinator",
        email: "hr@maelkeboetten.dk",
        name: "Hanne Bech",
    },
    DemoLogin {
        role: "head of the kindergarten (leadership group)",
        email: "birgitte@maelkeboetten.dk",
        name: "Birgitte Holm",
    },
    DemoLogin {
        role: "unit leader, Børnehaven",
        email: "mette@maelkeboetten.dk",
        name: "Mette Sørensen",
    },
    DemoLogin {
        role: "employee (educator)",
        email: "lane@maelkeboetten.dk",
        name: "Lane Andersen",
    },
    DemoLogin {
        role: "team leader, Grøn stue (Lane's leader)",
        email: "peter@maelkeboetten.dk",
        name: "Peter Lund",
    },
];

/// (unit, kind, parent index or None for the root)
const UNITS: [(&str, UnitKind, Option<usize>); 8] = [
    ("Mælkebøtten", UnitKind::Organisation, None),
    ("Vuggestuen", UnitKind::Department, Some(0)),
    ("Mariehønen", UnitKind::Team, Some(1)),
    ("Sommerfuglen", UnitKind::Team, Some(1)),
    ("Børnehaven", UnitKind::Department, Some(0)),
    ("Grøn stue", UnitKind::Team, Some(4)),
    ("Rød stue", UnitKind::Team, Some(4)),
    ("Køkken og administration", UnitKind::Team, Some(0)),
];

/// (name, e-mail, job title, unit index, leads the unit, granted roles)
type DemoPerson = (
    &'static str,
    &'static str,
    &'static str,
    usize,
    bool,
    GrantedRoles,
);

const NONE: GrantedRoles = GrantedRoles {
    leadership: false,
    hr: false,
    admin: false,
};
const BOARD: GrantedRoles = GrantedRoles {
    leadership: true,
    hr: false,
    admin: false,
};

const PEOPLE: [DemoPerson; 20] = [
    (
        "Birgitte Holm",
        "birgitte@maelkeboetten.dk",
        "Daglig leder",
        0,
        true,
        BOARD,
    ),
    (
        "Karen Nielsen",
        "karen@maelkeboetten.dk",
        "Afdelingsleder",
        1,
        true,
        NONE,
    ),
    (
        "Mette Sørensen",
        "mette@maelkeboetten.dk",
        "Afdelingsleder",
        4,
        true,
        NONE,
    ),
    (
        "Jonas Berg",
        "jonas@maelkeboetten.dk",
        "Pædagog og teamleder",
        2,
        true,
        NONE,
    ),
    (
        "Emma Friis",
        "emma@maelkeboetten.dk",
        "Pædagog",
        2,
        false,
        NONE,
    ),
    (
        "Ida Mortensen",
        "ida@maelkeboetten.dk",
        "Pædagogmedhjælper",
        2,
        false,
        NONE,
    ),
    (
        "Aisha Khan",
        "aisha@maelkeboetten.dk",
        "Pædagog og teamleder",
        3,
        true,
        NONE,
    ),
    (
        "Freja Poulsen",
        "freja@maelkeboetten.dk",
        "Pædagog",
        3,
        false,
        NONE,
    ),
    (
        "Mads Kristensen",
        "mads@maelkeboetten.dk",
        "Pædagogmedhjælper",
        3,
        false,
        NONE,
    ),
    (
        "Peter Lund",
        "peter@maelkeboetten.dk",
        "Pædagog og teamleder",
        5,
        true,
        NONE,
    ),
    (
        "Lane Andersen",
        "lane@maelkeboetten.dk",
        "Pædagog",
        5,
        false,
        NONE,
    ),
    (
        "Anne Thomsen",
        "anne@maelkeboetten.dk",
        "Pædagog",
        5,
        false,
        NONE,
    ),
    (
        "Ali Hassan",
        "ali@maelkeboetten.dk",
        "Pædagogmedhjælper",
        5,
        false,
        NONE,
    ),
    (
        "Sofie Dahl",
        "sofie@maelkeboetten.dk",
        "Pædagog og teamleder",
        6,
        true,
        NONE,
    ),
    (
        "Camilla Jakobsen",
        "camilla@maelkeboetten.dk",
        "Pædagog",
        6,
        false,
        NONE,
    ),
    (
        "Lars Pedersen",
        "lars@maelkeboetten.dk",
        "Pædagog",
        6,
        false,
        NONE,
    ),
    (
        "Nanna Larsen",
        "nanna@maelkeboetten.dk",
        "Pædagogstuderende",
        6,
        false,
        NONE,
    ),
    (
        "Hanne Bech",
        "hr@maelkeboetten.dk",
        "HR- og MUS-koordinator",
        7,
        true,
        GrantedRoles {
            leadership: false,
            hr: true,
            admin: false,
        },
    ),
    (
        "Søren Kjær",
        "admin@maelkeboetten.dk",
        "IT og administration",
        7,
        false,
        GrantedRoles {
            leadership: false,
            hr: false,
            admin: true,
        },
    ),
    (
        "Birthe Møller",
        "birthe@maelkeboetten.dk",
        "Køkkenassistent",
        7,
        false,
        NONE,
    ),
];

/// Creates the demo organisation unless the database already holds an organisation.
/// Returns whether it created it.
pub async fn seed_if_empty(db: &Db) -> Result<bool> {
    if !db.organisations().await?.is_empty() {
        return Ok(false);
    }
    seed(db).await?;
    Ok(true)
}

async fn seed(db: &Db) -> Result<()> {
    let org = db.create_organisation("Mælkebøtten", DEMO_SLUG).await?;
    let root = db.unit_tree(org.id).await?.root().context("root unit")?.id;
    let mut unit_ids: Vec<UnitId> = vec![root];
    for (name, kind, parent) in UNITS.iter().skip(1) {
        let unit = Unit {
            id: UnitId::new(),
            org_id: org.id,
            parent_id: parent.map(|p| unit_ids[p]),
            name: (*name).to_owned(),
            kind: *kind,
            leader_id: None,
        };
        db.insert_unit(&unit).await?;
        unit_ids.push(unit.id);
    }
    // One hash for the shared demo password: hashing twenty times would only slow the start.
    let hash = web::auth::hash_password(DEMO_PASSWORD.to_owned())
        .await
        .map_err(anyhow::Error::msg)?;
    let mut people: Vec<PersonId> = Vec::new();
    for (name, email, title, unit, leads, granted) in PEOPLE {
        let person = Person {
            id: PersonId::new(),
            org_id: org.id,
            unit_id: unit_ids[unit],
            name: name.to_owned(),
            email: Email::parse(email)?,
            job_title: title.to_owned(),
            leader_id: None,
            active: true,
        };
        db.insert_person(&person).await?;
        people.push(person.id);
        db.set_password_hash(person.id, &hash).await?;
        if granted != NONE {
            db.set_granted_roles(person.id, granted).await?;
        }
        if leads {
            db.set_unit_leader(org.id, unit_ids[unit], Some(person.id))
                .await?;
        }
    }
    let goals = seed_strategy(db, org.id, &unit_ids).await?;
    seed_competences(db, org.id, &goals).await?;
    seed_cycles(db, org.id, &goals, &unit_ids, &people).await
}

/// (title, description, unit index, parent index in this list, from, to, status, retired)
type DemoGoal = (
    &'static str,
    &'static str,
    usize,
    Option<usize>,
    &'static str,
    &'static str,
    GoalStatus,
    bool,
);

const GOALS: [DemoGoal; 9] = [
    (
        "Styrk dialogen med forældrene",
        "Forældrene skal opleve en åben og tillidsfuld dialog om deres barns trivsel, udvikling og læring – også når det er svært.",
        0,
        None,
        "2026-01-01",
        "2027-12-31",
        GoalStatus::Active,
        false,
    ),
    (
        "Forældresamtaler med fælles mål for barnet",
        "Hver forældresamtale i Børnehaven slutter med et eller to mål, som forældre og pædagoger arbejder med sammen.",
        4,
        Some(0),
        "2026-01-01",
        "2027-06-30",
        GoalStatus::Active,
        false,
    ),
    (
        "Tid til forældrenes spørgsmål ved aflevering og hentning",
        "En fast voksen tager imod i vuggestuen, så forældrene altid kan få et par ord om deres barns dag.",
        1,
        Some(0),
        "2026-01-01",
        "2026-12-31",
        GoalStatus::Active,
        false,
    ),
    (
        "Forældrecafé hver måned i Grøn stue",
        "Et uformelt møde, hvor forældre ser, hvad børnene arbejder med, og kan spørge til det.",
        5,
        Some(0),
        "2026-03-01",
        "2026-12-31",
        GoalStatus::Active,
        false,
    ),
    (
        "Sprog og læring i hverdagen",
        "Alle børn skal møde et rigt sprogmiljø i hverdagens rutiner, lege og aktiviteter.",
        0,
        None,
        "2025-08-01",
        "2027-07-31",
        GoalStatus::Active,
        false,
    ),
    (
        "Dialogisk læsning i små grupper",
        "Alle børn i Grøn stue læser dialogisk i små grupper mindst to gange om ugen.",
        5,
        Some(4),
        "2025-08-01",
        "2026-07-31",
        GoalStatus::Active,
        false,
    ),
    (
        "Et sundt og trygt arbejdsmiljø",
        "Lavere sygefravær og en kultur, hvor vi taler åbent om arbejdspres og trivsel.",
        0,
        None,
        "2026-01-01",
        "2026-12-31",
        GoalStatus::Active,
        false,
    ),
    (
        "Ny legeplads taget i brug",
        "Den nye legeplads er indviet og bruges af alle stuer hver dag.",
        0,
        None,
        "2024-01-01",
        "2025-06-30",
        GoalStatus::Achieved,
        true,
    ),
    (
        "Fælles pædagogisk læreplan",
        "Læreplanen er skrevet sammen og bruges i planlægningen på alle stuer.",
        0,
        None,
        "2025-01-01",
        "2025-12-31",
        GoalStatus::Achieved,
        false,
    ),
];

/// Creates the strategy; returns the goals' ids in the order of [`GOALS`].
async fn seed_strategy(db: &Db, org: domain::OrgId, unit_ids: &[UnitId]) -> Result<Vec<GoalId>> {
    let mut ids: Vec<GoalId> = Vec::new();
    for (title, description, unit, parent, from, to, status, retired) in GOALS {
        let goal = StrategicGoal {
            id: GoalId::new(),
            org_id: org,
            parent_id: parent.map(|p| ids[p]),
            unit_id: unit_ids[unit],
            title: title.to_owned(),
            description: description.to_owned(),
            period: Period::new(parse_date(from)?, parse_date(to)?)?,
            status,
            retired,
        };
        db.insert_goal(&goal).await?;
        ids.push(goal.id);
    }
    Ok(ids)
}

/// (name, description, indexes into [`GOALS`] it serves)
const COMPETENCES: [(&str, &str, &[usize]); 5] = [
    (
        "Forældredialog",
        "At føre den svære samtale med forældre om deres barns trivsel og udvikling: lytte, sige det svære tydeligt og aftale noget sammen.",
        &[0, 1],
    ),
    (
        "Dialogisk læsning",
        "At læse med små grupper af børn, så de taler med om bogen og udvider deres ordforråd.",
        &[4, 5],
    ),
    (
        "Pædagogisk dokumentation",
        "At vise børnenes læring, så forældre og kolleger kan se den og bygge videre på den.",
        &[0, 4],
    ),
    (
        "Konflikthåndtering",
        "At løse konflikter mellem børn, med forældre og i personalegruppen, før de vokser.",
        &[6],
    ),
    (
        "Digital kommunikation med forældre",
        "At bruge forældreintra til korte, gode beskeder om dagen.",
        &[0],
    ),
];

async fn seed_competences(db: &Db, org: domain::OrgId, goals: &[GoalId]) -> Result<()> {
    for (name, description, serves) in COMPETENCES {
        db.insert_competence(&Competence {
            id: CompetenceId::new(),
            org_id: org,
            name: name.to_owned(),
            description: description.to_owned(),
            goals: serves.iter().map(|i| goals[*i]).collect(),
            retired: false,
        })
        .await?;
    }
    Ok(())
}

/// (name, intention, state, preparation, from, to, follow-ups, evaluation, focus goal indexes)
type DemoCycle = (
    &'static str,
    &'static str,
    CycleState,
    &'static str,
    &'static str,
    &'static str,
    [&'static str; 2],
    &'static str,
    &'static [usize],
);

const CYCLES: [DemoCycle; 2] = [
    (
        "MUS 2025",
        "I år skal MUS gøre sprog og læring til en del af hverdagen: hver medarbejder finder sin rolle i den fælles læreplan og aftaler ét konkret skridt i arbejdet med børnenes sprog.",
        CycleState::Closed,
        "2025-09-01",
        "2025-09-15",
        "2025-11-28",
        ["2026-02-16", "2026-05-18"],
        "2026-08-31",
        &[4, 8],
    ),
    (
        "MUS 2026",
        "I år skal MUS styrke dialogen med forældrene. Hver medarbejder går fra samtalen med et konkret skridt, der gør dem tryggere i de svære forældresamtaler – og vi vil høre, hvornår det er svært at handle efter strategien i hverdagen, og hvad der står i vejen. Samtidig tager vi temperaturen på arbejdsmiljøet.",
        CycleState::Open,
        "2026-10-19",
        "2026-11-02",
        "2026-12-18",
        ["2027-03-01", "2027-06-01"],
        "2027-09-30",
        &[0, 6],
    ),
];

/// (cycle index, unit index, author index in PEOPLE, text)
const FRAMINGS: [(usize, usize, usize, &str); 4] = [
    (
        0,
        0,
        0,
        "Læreplanen skal leve på alle stuer. Tal om, hvor du selv bidrager, og hvad du har brug for at lære.",
    ),
    (
        0,
        4,
        2,
        "I Børnehaven fokuserer vi på dialogisk læsning og sprog i garderoben og ved måltiderne.",
    ),
    (
        1,
        0,
        0,
        "Forældresamarbejdet er det, forældrene oftest nævner i vores tilfredshedsmåling. Brug samtalen til at finde den situation, hvor du selv står mindst sikkert – og aftal, hvad der kan hjælpe.",
    ),
    (
        1,
        1,
        1,
        "I Vuggestuen handler det mest om den daglige overlevering: hvordan giver vi hver familie et par gode minutter, også på travle morgener?",
    ),
];

async fn seed_cycles(
    db: &Db,
    org: domain::OrgId,
    goals: &[GoalId],
    units: &[UnitId],
    people: &[PersonId],
) -> Result<()> {
    let set = db
        .create_question_set(org, "MOUSE – standard", &default_questions())
        .await?;
    let mut ids = Vec::new();
    for (name, intention, state, prep, from, to, follow_ups, evaluation, focus) in CYCLES {
        let follow_ups = follow_ups
            .iter()
            .map(|d| parse_date(d))
            .collect::<Result<Vec<_>, _>>()?;
        let timeline = Timeline::new(
            parse_date(prep)?,
            parse_date(from)?,
            parse_date(to)?,
            follow_ups,
            parse_date(evaluation)?,
        )?;
        let mut focus_goals: Vec<GoalId> = focus.iter().map(|i| goals[*i]).collect();
        focus_goals.sort();
        let cycle = Cycle {
            id: CycleId::new(),
            org_id: org,
            name: name.to_owned(),
            intention: intention.to_owned(),
            state,
            timeline,
            focus_goals,
            question_set: Some(set.id),
        };
        db.insert_cycle(&cycle).await?;
        ids.push(cycle.id);
    }
    seed_intentions(db, org, &ids, goals).await?;
    // This year's focus: well-being, acting on the strategy, growth, and last year's agreement.
    let focus = Focus::new(&set.current, vec![3, 5, 9, 15]).context("demo focus questions")?;
    db.set_focus_questions(ids[1], Some(&focus)).await?;
    seed_conversations(db, org, ids[1], people).await?;
    seed_feedback(db, org, ids[1], goals[0], people).await?;
    seed_last_year(db, org, ids[0], goals, people).await?;
    seed_last_year_others(db, org, ids[0], goals, people).await?;
    seed_evaluations(db, org, &ids, people).await?;
    for (cycle, unit, author, text) in FRAMINGS {
        let framing = Framing {
            cycle_id: ids[cycle],
            unit_id: units[unit],
            text: text.to_owned(),
        };
        db.set_framing(&framing, people[author]).await?;
    }
    Ok(())
}

/// Schedules this year's conversations: each person with the leader of their unit (a unit's
/// leader with the leader above). Sommerfuglen's are left unscheduled, so the overview shows
/// work still to do; Lane's is on 10 November at 9.
async fn seed_conversations(
    db: &Db,
    org: domain::OrgId,
    cycle: CycleId,
    people: &[PersonId],
) -> Result<()> {
    let cycle = db.cycle(org, cycle).await?;
    let leader_of_unit = |unit: usize| {
        PEOPLE
            .iter()
            .position(|p| p.3 == unit && p.4)
            .map(|i| people[i])
    };
    let mut slot = 0;
    for (index, (name, _, _, unit, leads, _)) in PEOPLE.iter().enumerate() {
        let host_unit = if *leads { UNITS[*unit].2 } else { Some(*unit) };
        let (Some(host), false) = (host_unit.and_then(leader_of_unit), *unit == 3) else {
            continue;
        };
        let when = if *name == "Lane Andersen" {
            "2026-11-10T09:00".to_owned()
        } else {
            slot += 1;
            let day = working_day(parse_date("2026-11-02")?, slot / 2);
            format!("{day}T{}", if slot % 2 == 0 { "09:00" } else { "13:00" })
        };
        let day = &when[..10];
        let deadline = (parse_date(day)? - chrono::Duration::days(4)).to_string();
        let place = if matches!(unit, 1..=3) {
            "Vuggestuens mødelokale"
        } else {
            "Personalestuen"
        };
        let schedule = Schedule::parse(
            &cycle,
            &when,
            "60",
            place,
            "",
            "Vi starter med sidste års aftale og tager derefter årets fokus: dialogen med forældrene.",
            &deadline,
        )?;
        let mut conversation =
            Conversation::new(&cycle, people[index], host).schedule(&cycle, schedule)?;
        // Two of this year's conversations in Grøn stue have been held already.
        if HELD_THIS_YEAR.contains(name) {
            let held =
                parse_local_time(&format!("{day}T{}", &when[11..]))? + chrono::Duration::hours(1);
            conversation = conversation.hold(&cycle, held)?;
        }
        db.save_conversation(&conversation).await?;
    }
    Ok(())
}

/// This year's conversations already held.
const HELD_THIS_YEAR: [&str; 2] = ["Anne Thomsen", "Ali Hassan"];

/// The `n`th working day (Monday to Friday) from `start`, counting `start` as the 0th.
fn working_day(start: chrono::NaiveDate, n: usize) -> chrono::NaiveDate {
    use chrono::Datelike;
    let mut day = start;
    let mut left = n;
    while left > 0 || day.weekday().number_from_monday() > 5 {
        if day.weekday().number_from_monday() <= 5 && left > 0 {
            left -= 1;
        }
        day = day.succ_opt().unwrap_or(day);
    }
    day
}

/// The id of the demo person with this name.
fn person_named(people: &[PersonId], name: &str) -> Result<PersonId> {
    PEOPLE
        .iter()
        .position(|p| p.0 == name)
        .map(|i| people[i])
        .context("demo person")
}
