//! Last year's cycle in the demo: Lane's conversation, contract, agreement and follow-ups,
//! and the others' agreements, one in each state the drawer detector knows.

use super::person_named;
use anyhow::{Context, Result};
use chrono::NaiveDate;
use domain::agreement::{Action, Agreement, Commitment, Edit, GoalText, Progress};
use domain::contract::{Contract, Item, List};
use domain::conversation::{Conversation, Schedule, parse_local_time};
use domain::followup::{FollowUp, ReviewInput};
use domain::preparation::Side;
use domain::progress::ProgressUpdate;
use domain::strategy::parse_date;
use domain::{CycleId, GoalId, PersonId};
use storage::Db;

/// Lane's conversation last year, held with Peter, with the psychological contract they both
/// confirmed: this year's contract starts from it and shows what changed.
pub(super) async fn seed_last_year(
    db: &Db,
    org: domain::OrgId,
    cycle: CycleId,
    goals: &[GoalId],
    people: &[PersonId],
) -> Result<()> {
    let cycle = db.cycle(org, cycle).await?;
    let person = |name: &str| person_named(people, name);
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
            // Today where the detector counts days: in Copenhagen, not in UTC (an hour or two
            // apart around midnight).
            When::FromToday(days) => storage::today() + chrono::Duration::days(days),
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

pub(super) async fn seed_last_year_others(
    db: &Db,
    org: domain::OrgId,
    cycle: CycleId,
    goals: &[GoalId],
    people: &[PersonId],
) -> Result<()> {
    let cycle = db.cycle(org, cycle).await?;
    let person = |name: &str| person_named(people, name);
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
