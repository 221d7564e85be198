//! The demo organisation: the kindergarten Mælkebøtten from the source text, with a leader per
//! unit, some twenty employees and the educator Lane, so that every page has something real to
//! show the first time someone starts MOUSE.

use anyhow::{Context, Result};
use chrono::NaiveDate;
use domain::agreement::{Action, Agreement, Commitment, Edit, GoalText, Progress};
use domain::competence::Competence;
use domain::contract::{Contract, Item, List};
use domain::conversation::{Conversation, Schedule, parse_local_time};
use domain::cycle::{Cycle, CycleState, Framing, Timeline};
use domain::dialogue::{Feedback, Visibility};
use domain::evaluation::{Evaluation, Scores};
use domain::followup::{FollowUp, ReviewInput};
use domain::intention::Intention;
use domain::org::{Unit, UnitKind};
use domain::person::{Email, Person};
use domain::preparation::Side;
use domain::progress::ProgressUpdate;
use domain::questions::{Focus, default_questions};
use domain::role::GrantedRoles;
use domain::strategy::{GoalStatus, Period, StrategicGoal, parse_date};
use domain::{CompetenceId, CycleId, GoalId, PersonId, UnitId};
use storage::Db;

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

pub const DEMO_LOGINS: [DemoLogin; 5] = [
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
        "Sidste år skulle MUS gøre sprog og læring til en del af hverdagen: hver medarbejder skulle finde sin rolle i den fælles læreplan og aftale ét konkret skridt i arbejdet med børnenes sprog.",
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

/// The leadership's intended effect of each cycle: (cycle index, text, metric, target). A
/// metric `served:` is completed with the parent-dialogue goal's id.
const INTENTIONS: [(usize, &str, &str, &str); 5] = [
    (
        0,
        "Mindst halvdelen af handlingerne gennemføres til tiden.",
        "share:actions-on-time",
        "50",
    ),
    (
        0,
        "Højst hver tiende aftale går i skuffen.",
        "share:stale",
        "10",
    ),
    (
        1,
        "Alle har haft deres samtale, før runden slutter.",
        "share:held-on-time",
        "95",
    ),
    (
        1,
        "Hver anden udviklingsaftale styrker dialogen med forældrene.",
        "served:",
        "50",
    ),
    (
        1,
        "Samtalerne opleves som tiden værd.",
        "evaluation:worth",
        "4",
    ),
];

async fn seed_intentions(
    db: &Db,
    org: domain::OrgId,
    cycles: &[CycleId],
    goals: &[GoalId],
) -> Result<()> {
    for (cycle, text, metric, target) in INTENTIONS {
        let metric = match metric {
            "served:" => format!("served:{}", goals[0]),
            other => other.to_owned(),
        };
        let intention = Intention::read(cycles[cycle], text, &metric, target)?;
        db.add_intention(org, &intention).await?;
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

/// (employee, cycle index, the employee's answers, their comment, the leader's answers): how
/// both parties evaluated their conversations. Peter's five answers from his employees over the
/// two years are enough to show him his results; Sofie's three are not yet.
type DemoEvaluation = (&'static str, usize, [u8; 4], &'static str, [u8; 4]);

const EVALUATIONS: [DemoEvaluation; 10] = [
    (
        "Lane Andersen",
        0,
        [4, 3, 4, 5],
        "Godt at få tid til at tale om læsningen.",
        [4, 4, 4, 4],
    ),
    ("Anne Thomsen", 0, [5, 3, 4, 4], "", [4, 3, 4, 4]),
    (
        "Ali Hassan",
        0,
        [3, 2, 4, 4],
        "Jeg ville gerne have vidst mere om, hvad strategien betyder for mig.",
        [4, 3, 3, 4],
    ),
    (
        "Anne Thomsen",
        1,
        [5, 4, 4, 5],
        "Meget bedre kobling til forældrearbejdet i år.",
        [5, 4, 4, 5],
    ),
    ("Ali Hassan", 1, [4, 4, 3, 4], "", [4, 4, 4, 4]),
    ("Lars Pedersen", 0, [3, 2, 3, 3], "", [3, 3, 3, 3]),
    (
        "Camilla Jakobsen",
        0,
        [4, 3, 3, 4],
        "Vi nåede ikke det hele.",
        [4, 3, 3, 4],
    ),
    ("Nanna Larsen", 0, [5, 4, 4, 5], "", [4, 4, 3, 4]),
    ("Emma Friis", 0, [4, 4, 5, 5], "", [5, 4, 5, 5]),
    ("Peter Lund", 0, [4, 4, 4, 4], "", [4, 4, 4, 4]),
];

async fn seed_evaluations(
    db: &Db,
    org: domain::OrgId,
    cycles: &[CycleId],
    people: &[PersonId],
) -> Result<()> {
    for (name, cycle, employee, comment, leader) in EVALUATIONS {
        let person = PEOPLE
            .iter()
            .position(|p| p.0 == name)
            .map(|i| people[i])
            .context("demo person")?;
        let conversation = db
            .conversation_of(org, cycles[cycle], person)
            .await?
            .context("demo conversation")?;
        let held = conversation.held_at.context("a held demo conversation")?;
        for (side, scores, comment, after) in [
            (Side::Employee, employee, comment, 20),
            (Side::Leader, leader, "", 26),
        ] {
            let at = held + chrono::Duration::hours(after);
            let evaluation =
                Evaluation::give(&conversation, side, Scores::new(scores)?, comment, at)?;
            db.give_evaluation(&conversation, &evaluation).await?;
        }
    }
    Ok(())
}

/// (person, visibility, contribution, what makes it hard, barriers, clarity)
const FEEDBACK: [(&str, Visibility, &str, &str, &str, u8); 5] = [
    (
        "Camilla Jakobsen",
        Visibility::Anonymous,
        "Jeg tager mig tid til forældrene om eftermiddagen.",
        "Når en forælder er vred ved hentning, og der er tre andre i kø.",
        "Vi er ofte kun to på stuen efter kl. 15.",
        3,
    ),
    (
        "Lars Pedersen",
        Visibility::Anonymous,
        "Jeg fortæller om dagen på forældreintra.",
        "Når jeg skal sige noget svært om et barns trivsel.",
        "Jeg har aldrig lært at føre den svære samtale.",
        2,
    ),
    (
        "Anne Thomsen",
        Visibility::Anonymous,
        "Jeg tager imod om morgenen.",
        "Når forældre har travlt og ikke har tid til at høre.",
        "Morgenerne er travle.",
        4,
    ),
    (
        "Ali Hassan",
        Visibility::Anonymous,
        "Jeg oversætter for forældre, der taler arabisk.",
        "Når vi ikke har et fælles sprog med forældrene.",
        "Vi mangler skriftligt materiale på andre sprog.",
        3,
    ),
    (
        "Sofie Dahl",
        Visibility::Named,
        "Jeg inviterer forældrene ind til at se børnenes projekter.",
        "Når få forældre kommer, mister vi modet.",
        "Vi holder det kl. 16, hvor mange forældre har travlt.",
        4,
    ),
];

/// Strategic feedback on the parents goal from a few employees, shared with the leadership:
/// four without a name (one short of the anonymity threshold, so Lane's answer would open
/// them up) and one with.
async fn seed_feedback(
    db: &Db,
    org: domain::OrgId,
    cycle: CycleId,
    goal: GoalId,
    people: &[PersonId],
) -> Result<()> {
    for (name, visibility, contribution, hard, barriers, clarity) in FEEDBACK {
        let person = PEOPLE
            .iter()
            .position(|p| p.0 == name)
            .map(|i| people[i])
            .context("demo person")?;
        let conversation = db
            .conversation_of(org, cycle, person)
            .await?
            .context("demo conversation")?;
        let feedback = Feedback {
            goal_id: goal,
            contribution: contribution.to_owned(),
            hard_situations: hard.to_owned(),
            what_then: String::new(),
            opportunities: String::new(),
            barriers: barriers.to_owned(),
            clarity: Some(clarity),
            visibility,
        };
        db.save_feedback(&conversation, &[feedback]).await?;
    }
    Ok(())
}

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

/// Lane's conversation last year, held with Peter, with the psychological contract they both
/// confirmed: this year's contract starts from it and shows what changed.
async fn seed_last_year(
    db: &Db,
    org: domain::OrgId,
    cycle: CycleId,
    goals: &[GoalId],
    people: &[PersonId],
) -> Result<()> {
    let cycle = db.cycle(org, cycle).await?;
    let person = |name: &str| {
        PEOPLE
            .iter()
            .position(|p| p.0 == name)
            .map(|i| people[i])
            .context("demo person")
    };
    let (lane, peter) = (person("Lane Andersen")?, person("Peter Lund")?);
    // Last year's conversation was held on its day.
    let held_at = parse_local_time("2025-10-07T10:00")?;
    let schedule = Schedule::parse(
        &cycle,
        "2025-10-07T09:00",
        "60",
        "Personalestuen",
        "",
        "Sprog og læreplan",
        "2025-10-03",
    )?;
    let conversation = Conversation {
        schedule: Some(schedule),
        held_at: Some(held_at),
        ..Conversation::new(&cycle, lane, peter)
    };
    db.save_conversation(&conversation).await?;
    let lines = [
        (List::CountOn, "Faste rammer og en tydelig ugeplan"),
        (List::CountOn, "Sparring med kolleger på stuemøderne"),
        (List::Expected, "At du bidrager til den fælles læreplan"),
        (List::Expected, "At du dokumenterer børnenes sprogarbejde"),
        (
            List::FromOrganisation,
            "Tid til et kursus i dialogisk læsning",
        ),
    ];
    let items = lines
        .iter()
        .map(|(list, text)| Item {
            list: *list,
            text: (*text).to_owned(),
        })
        .collect();
    let contract = Contract::start(conversation.id, None)
        .edit(0, items)?
        .confirm(1, true)?
        .confirm(2, false)?;
    db.save_contract(&contract, 0).await?;
    let dates = cycle.timeline.follow_ups();
    seed_last_agreement(db, org, &conversation, goals, lane, peter, dates).await
}

/// Lane's development agreement from last year: the reading course was done, the language
/// folders only started, so this year's conversation has something to pick up.
async fn seed_last_agreement(
    db: &Db,
    org: domain::OrgId,
    conversation: &Conversation,
    goals: &[GoalId],
    lane: PersonId,
    peter: PersonId,
    dates: &[NaiveDate],
) -> Result<()> {
    let catalogue = db.competences(org).await?;
    let competence = |name: &str| {
        catalogue
            .iter()
            .find(|c| c.name == name)
            .map(|c| c.id)
            .context("demo competence")
    };
    let at = parse_local_time("2025-10-07T10:00")?;
    let edits = [
        Edit::AddGoal(GoalText::read(
            "Dialogisk læsning i Grøn stue",
            "Alle børn i Grøn stue læser dialogisk i små grupper to gange om ugen, og jeg kan vise kollegerne hvordan.",
            "high",
            vec![goals[4], goals[5]],
            vec![competence("Dialogisk læsning")?],
        )?),
        Edit::AddAction(
            0,
            Action::read("Kursus i dialogisk læsning", "course", lane, "2025-12-01")?,
        ),
        Edit::AddAction(
            0,
            Action::read(
                "Læse med to grupper hver uge",
                "on-the-job",
                lane,
                "2026-02-01",
            )?,
        ),
        Edit::AddGoal(GoalText::read(
            "Dokumentere børnenes sprogarbejde",
            "Hvert barn har en sprogmappe, som forældrene ser ved forældresamtalen.",
            "medium",
            vec![goals[4], goals[8]],
            vec![competence("Pædagogisk dokumentation")?],
        )?),
        Edit::AddAction(
            1,
            Action::read("Sprogmappe for hvert barn", "project", lane, "2026-06-30")?,
        ),
        Edit::AddCommitment(Commitment::read(
            "To kursusdage med vikar",
            "course-place",
            peter,
            "2025-12-01",
        )?),
    ];
    let mut agreement = Agreement::new(conversation.id);
    for edit in edits {
        agreement = agreement.change(agreement.revision, Side::Employee, at, edit)?;
    }
    agreement = agreement
        .sign(agreement.revision, Side::Employee, at, true)?
        .sign(agreement.revision + 1, Side::Leader, at, true)?;
    db.save_agreement(&agreement, 0, None, &[]).await?;
    let terms = agreement.terms.clone();
    let reports = [
        (
            terms.commitments[0].id,
            peter,
            "2025-11-03T12:00",
            Progress::Done,
            "Vikar booket til begge dage.",
        ),
        (
            terms.goals[0].actions[0].id,
            lane,
            "2025-12-02T15:00",
            Progress::Done,
            "Kurset var godt; materialet ligger på stuen.",
        ),
        (
            terms.goals[1].actions[0].id,
            lane,
            "2026-03-02T15:00",
            Progress::Started,
            "Mapper til halvdelen af børnene.",
        ),
        (
            terms.goals[0].actions[1].id,
            lane,
            "2026-02-02T15:00",
            Progress::Done,
            "To grupper, tirsdag og torsdag.",
        ),
    ];
    for (item, by, when, progress, note) in reports {
        let next = agreement.report(agreement.revision, item, progress)?;
        let report = ProgressUpdate {
            conversation_id: conversation.id,
            item,
            by,
            at: parse_local_time(when)?,
            progress,
            note: note.to_owned(),
        };
        db.save_agreement(&next, agreement.revision, Some(&report), &[])
            .await?;
        agreement = next;
    }
    seed_last_follow_ups(db, &agreement, dates).await
}

/// A date in the demo that the drawer detector reads against today: fixed, or so many days
/// from the day the demo is created, so that stale, escalated and on-time agreements stay so
/// however long after this was written someone starts the demo.
#[derive(Clone, Copy)]
enum When {
    On(&'static str),
    FromToday(i64),
}

impl When {
    fn date(self) -> Result<NaiveDate> {
        Ok(match self {
            When::On(day) => parse_date(day)?,
            When::FromToday(days) => chrono::Utc::now().date_naive() + chrono::Duration::days(days),
        })
    }
}

/// How far the two parties got with last year's agreement.
#[derive(Clone, Copy)]
enum Ending {
    /// Both signed.
    Signed,
    /// The employee signed; the leader never did, so it is no agreement yet.
    AwaitingLeader,
    /// Both signed, and the employee has since proposed a further action the leader has not
    /// answered.
    AmendmentProposed(&'static str, When),
}

/// Last year's agreement of one of the others.
struct LastYearCase {
    employee: &'static str,
    leader: &'static str,
    /// The day the conversation was held.
    held: &'static str,
    goal: &'static str,
    success: &'static str,
    /// Index into [`GOALS`]: the red thread.
    serves: usize,
    action: &'static str,
    due: When,
    progress: Progress,
    reported: When,
    /// The organisation's promise: text, due date, how it stands.
    promise: Option<(&'static str, When, Progress)>,
    /// How many of the cycle's two follow-ups were held.
    follow_ups_held: usize,
    ending: Ending,
}

/// Last year's agreements of the others, across the units, one in each state the drawer
/// detector knows: fulfilled; busy and on time; quiet too long (going stale); an action
/// overdue (stale, seen by the leader); quiet for so long that the leader's own leader sees
/// it; the organisation's promise overdue (escalated to the leader above and HR); never
/// signed by the leader; and with an amendment waiting for an answer.
const LAST_YEAR_OTHERS: [LastYearCase; 10] = [
    LastYearCase {
        employee: "Anne Thomsen",
        leader: "Peter Lund",
        held: "2025-10-08",
        goal: "Sprog i garderoben",
        success: "Børnene møder flere ord, når de tager tøj af og på.",
        serves: 4,
        action: "Sprogkuffert til garderoben",
        due: When::On("2026-03-01"),
        progress: Progress::Done,
        reported: When::On("2026-02-20"),
        promise: Some((
            "Indkøb af billedbøger",
            When::On("2026-01-15"),
            Progress::Done,
        )),
        follow_ups_held: 2,
        ending: Ending::Signed,
    },
    LastYearCase {
        employee: "Ali Hassan",
        leader: "Peter Lund",
        held: "2025-10-09",
        goal: "Flersprogede forældre føler sig velkomne",
        success: "Forældre, der taler arabisk, får det vigtigste at vide på deres eget sprog.",
        serves: 0,
        action: "Velkomstfolder på arabisk",
        due: When::FromToday(66),
        progress: Progress::Started,
        reported: When::FromToday(-25),
        promise: Some((
            "Kursusplads i tolkning",
            When::On("2026-09-01"),
            Progress::Planned,
        )),
        follow_ups_held: 1,
        ending: Ending::Signed,
    },
    LastYearCase {
        employee: "Emma Friis",
        leader: "Jonas Berg",
        held: "2025-10-14",
        goal: "Sprog i vuggestuen",
        success: "Hvert barn hører en bog læst højt hver dag.",
        serves: 4,
        action: "Læse med vuggestuebørnene hver dag",
        due: When::FromToday(65),
        progress: Progress::Started,
        reported: When::FromToday(-7),
        promise: None,
        follow_ups_held: 2,
        ending: Ending::Signed,
    },
    LastYearCase {
        employee: "Ida Mortensen",
        leader: "Jonas Berg",
        held: "2025-10-15",
        goal: "Tegn til tale",
        success: "Børn uden sprog kan vise de ti vigtigste ord med tegn.",
        serves: 4,
        action: "Sange med tegn til tale",
        due: When::FromToday(90),
        progress: Progress::Started,
        reported: When::FromToday(-75),
        promise: None,
        follow_ups_held: 1,
        ending: Ending::Signed,
    },
    LastYearCase {
        employee: "Lars Pedersen",
        leader: "Sofie Dahl",
        held: "2025-10-16",
        goal: "Trygge forældresamtaler",
        success: "Jeg forbereder og fører forældresamtaler uden at gruer for dem.",
        serves: 1,
        action: "Forberede forældresamtaler med en kollega",
        due: When::FromToday(-12),
        progress: Progress::Started,
        reported: When::FromToday(-40),
        promise: None,
        follow_ups_held: 0,
        ending: Ending::Signed,
    },
    LastYearCase {
        employee: "Camilla Jakobsen",
        leader: "Sofie Dahl",
        held: "2025-10-16",
        goal: "Forældrene ser børnenes dag",
        success: "Forældrene får hver uge et billedbrev om stuens dag.",
        serves: 0,
        action: "Ugentligt billedbrev til forældrene",
        due: When::FromToday(120),
        progress: Progress::Started,
        reported: When::FromToday(-130),
        promise: None,
        follow_ups_held: 0,
        ending: Ending::Signed,
    },
    LastYearCase {
        employee: "Nanna Larsen",
        leader: "Sofie Dahl",
        held: "2025-10-20",
        goal: "Sprogleg i små grupper",
        success: "Jeg leder selv en sproggruppe på fire børn.",
        serves: 4,
        action: "Praktikmål: sproggruppe hver fredag",
        due: When::On("2026-01-31"),
        progress: Progress::Planned,
        reported: When::On("2025-10-20"),
        promise: None,
        follow_ups_held: 0,
        ending: Ending::AwaitingLeader,
    },
    LastYearCase {
        employee: "Freja Poulsen",
        leader: "Aisha Khan",
        held: "2025-10-21",
        goal: "Naturen som sprogrum",
        success: "De store vuggestuebørn er ude i naturen to formiddage om ugen.",
        serves: 4,
        action: "Naturværksted for de store vuggestuebørn",
        due: When::FromToday(40),
        progress: Progress::Started,
        reported: When::FromToday(-10),
        promise: None,
        follow_ups_held: 2,
        ending: Ending::AmendmentProposed("Besøg i skovbørnehaven", When::FromToday(30)),
    },
    LastYearCase {
        employee: "Birthe Møller",
        leader: "Hanne Bech",
        held: "2025-10-22",
        goal: "Sundt køkken",
        success: "Køkkenet lever op til de nye hygiejneregler.",
        serves: 6,
        action: "Hygiejnekursus",
        due: When::On("2026-04-30"),
        progress: Progress::Done,
        reported: When::On("2026-04-15"),
        promise: Some((
            "Kursusdag med vikar",
            When::On("2026-04-01"),
            Progress::Done,
        )),
        follow_ups_held: 2,
        ending: Ending::Signed,
    },
    LastYearCase {
        employee: "Peter Lund",
        leader: "Mette Sørensen",
        held: "2025-10-23",
        goal: "Stuemøder om sprog",
        success: "Hvert stuemøde har et punkt om børnenes sprog.",
        serves: 4,
        action: "Lede stuemøder med fokus på sprog",
        due: When::FromToday(45),
        progress: Progress::Started,
        reported: When::FromToday(-20),
        promise: None,
        follow_ups_held: 2,
        ending: Ending::Signed,
    },
];

async fn seed_last_year_others(
    db: &Db,
    org: domain::OrgId,
    cycle: CycleId,
    goals: &[GoalId],
    people: &[PersonId],
) -> Result<()> {
    let cycle = db.cycle(org, cycle).await?;
    let person = |name: &str| {
        PEOPLE
            .iter()
            .position(|p| p.0 == name)
            .map(|i| people[i])
            .context("demo person")
    };
    for case in &LAST_YEAR_OTHERS {
        let (employee, leader) = (person(case.employee)?, person(case.leader)?);
        let schedule = Schedule::parse(
            &cycle,
            &format!("{}T10:00", case.held),
            "60",
            "Personalestuen",
            "",
            "",
            case.held,
        )?;
        let held_at = parse_local_time(&format!("{}T11:00", case.held))?;
        let conversation = Conversation {
            schedule: Some(schedule),
            held_at: Some(held_at),
            ..Conversation::new(&cycle, employee, leader)
        };
        db.save_conversation(&conversation).await?;
        let step = Action::read(
            case.action,
            "on-the-job",
            employee,
            &case.due.date()?.to_string(),
        )?;
        let item = step.id;
        let mut edits = vec![
            Edit::AddGoal(GoalText::read(
                case.goal,
                case.success,
                "medium",
                vec![goals[case.serves]],
                vec![],
            )?),
            Edit::AddAction(0, step),
        ];
        if let Some((text, due, _)) = case.promise {
            edits.push(Edit::AddCommitment(Commitment::read(
                text,
                "course-place",
                leader,
                &due.date()?.to_string(),
            )?));
        }
        let mut agreement = Agreement::new(conversation.id);
        for edit in edits {
            agreement = agreement.change(agreement.revision, Side::Leader, held_at, edit)?;
        }
        agreement = agreement.sign(agreement.revision, Side::Employee, held_at, true)?;
        if matches!(case.ending, Ending::AwaitingLeader) {
            db.save_agreement(&agreement, 0, None, &[]).await?;
            continue;
        }
        agreement = agreement.sign(agreement.revision, Side::Leader, held_at, true)?;
        if let Some((_, _, kept)) = case.promise {
            let commitment = agreement.terms.commitments[0].id;
            agreement = agreement.report(agreement.revision, commitment, kept)?;
        }
        let planned: Vec<FollowUp> = cycle
            .timeline
            .follow_ups()
            .iter()
            .map(|due| FollowUp::new(conversation.id, *due))
            .collect();
        db.save_agreement(&agreement, 0, None, &planned).await?;
        let next = agreement.report(agreement.revision, item, case.progress)?;
        let report = ProgressUpdate {
            conversation_id: conversation.id,
            item,
            by: employee,
            at: parse_local_time(&format!("{}T15:00", case.reported.date()?))?,
            progress: case.progress,
            note: String::new(),
        };
        db.save_agreement(&next, agreement.revision, Some(&report), &[])
            .await?;
        agreement = next;
        for follow_up in planned.iter().take(case.follow_ups_held) {
            let goal = agreement.terms.goals[0].id;
            let review = [(
                "Godt i gang.",
                "on-track",
                "Det går fremad.",
                "Fint – fortsæt.",
            )];
            hold_follow_up(db, &agreement, follow_up, &[goal], &review).await?;
        }
        if let Ending::AmendmentProposed(text, due) = case.ending {
            let action = Action::read(text, "on-the-job", employee, &due.date()?.to_string())?;
            let at = parse_local_time(&format!("{}T16:00", case.reported.date()?))?;
            let proposed = agreement.change(
                agreement.revision,
                Side::Employee,
                at,
                Edit::AddAction(0, action),
            )?;
            db.save_agreement(&proposed, agreement.revision, None, &[])
                .await?;
        }
    }
    Ok(())
}

/// Last year's two follow-ups, both held: the reading goal reached, the language folders at risk.
async fn seed_last_follow_ups(db: &Db, agreement: &Agreement, dates: &[NaiveDate]) -> Result<()> {
    let goals: Vec<_> = agreement.terms.goals.iter().map(|g| g.id).collect();
    let reviews = [
        [
            (
                "Kurset er taget; læsning i gang med to grupper.",
                "on-track",
                "Godt i gang.",
                "Flot start.",
            ),
            (
                "Mapper startet for seks børn.",
                "at-risk",
                "Svært at finde tid.",
                "Vi finder en time om ugen.",
            ),
        ],
        [
            (
                "To grupper læser dialogisk hver uge.",
                "done",
                "Det virker.",
                "Del det på personalemødet.",
            ),
            (
                "Halvdelen af børnene har en mappe.",
                "at-risk",
                "Travlt forår.",
                "Tages med i årets samtale.",
            ),
        ],
    ];
    for (due, day) in dates.iter().zip(reviews) {
        let planned = FollowUp::new(agreement.conversation_id, *due);
        db.add_follow_up(&planned).await?;
        hold_follow_up(db, agreement, &planned, &goals, &day).await?;
    }
    Ok(())
}

/// (progress, status, the employee's note, the leader's note) for one development goal
type Review = (&'static str, &'static str, &'static str, &'static str);

/// Both record their review of each goal at a planned follow-up, which is then held on its day.
async fn hold_follow_up(
    db: &Db,
    agreement: &Agreement,
    planned: &FollowUp,
    goals: &[domain::ItemId],
    reviews: &[Review],
) -> Result<()> {
    let inputs = |side: Side| -> Vec<ReviewInput> {
        goals
            .iter()
            .zip(reviews)
            .map(|(goal, (progress, status, employee, leader))| ReviewInput {
                goal: *goal,
                progress,
                status,
                reason: "",
                note: if side == Side::Employee {
                    employee
                } else {
                    leader
                },
            })
            .collect()
    };
    let by_employee = planned.record(0, Side::Employee, agreement, &inputs(Side::Employee))?;
    let by_both = by_employee.record(1, Side::Leader, agreement, &inputs(Side::Leader))?;
    let at = parse_local_time(&format!("{}T14:00", planned.due))?;
    let held = by_both.hold(2, at)?;
    db.save_follow_up(&held, 0).await?;
    Ok(())
}
