//! The demo's answers: the leadership's intended effect of each cycle, how the parties
//! evaluated their conversations, and the strategic feedback shared with the leadership.

use super::person_named;
use anyhow::{Context, Result};
use domain::dialogue::{Feedback, Visibility};
use domain::evaluation::{Evaluation, Scores};
use domain::intention::Intention;
use domain::preparation::Side;
use domain::{CycleId, GoalId, PersonId};
use storage::Db;

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

pub(super) async fn seed_intentions(
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

pub(super) async fn seed_evaluations(
    db: &Db,
    org: domain::OrgId,
    cycles: &[CycleId],
    people: &[PersonId],
) -> Result<()> {
    for (name, cycle, employee, comment, leader) in EVALUATIONS {
        let person = person_named(people, name)?;
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
pub(super) async fn seed_feedback(
    db: &Db,
    org: domain::OrgId,
    cycle: CycleId,
    goal: GoalId,
    people: &[PersonId],
) -> Result<()> {
    for (name, visibility, contribution, hard, barriers, clarity) in FEEDBACK {
        let person = person_named(people, name)?;
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
