//! The personal answers on the effect dashboard — how employees and leaders evaluated their
//! conversations, and how clear the strategy is to the employees — as averages that never
//! single anyone out: only for cycles that are closed (so no figure moves answer by answer),
//! only for units whose answers pass [`domain::disclosure::disclosable`], never for one person.
//! The answers are those of the dashboard's scope; whether a unit may show them is decided from
//! every unit's count ([`Disclosed`]).

use crate::i18n::Tr;
use domain::cycle::{Cycle, CycleState};
use domain::evaluation::Question;
use domain::org::UnitTree;
use domain::person::Person;
use domain::preparation::Side;
use domain::strategy::GoalTree;
use domain::{PersonId, UnitId};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use storage::{Answers, Disclosed};

/// A cycle's personal answers in the dashboard's scope, and which units of the organisation may
/// show them.
#[derive(Default)]
pub struct CycleAnswers {
    pub given: Arc<Answers>,
    pub disclosed: Arc<Disclosed>,
}

/// One measure of personal answers: who in the scope answered (by person) and what, and
/// whether the viewed unit may show them as far as every unit's count goes.
struct Measure {
    label: String,
    answers: Vec<(PersonId, u8)>,
    disclosed: bool,
}

/// A row of the dashboard's answers section.
pub struct ScoreRow {
    pub label: String,
    pub now: String,
    pub before: Option<String>,
}

/// What the viewer looks at, for deciding what may be shown.
pub struct Context<'a> {
    pub t: &'a Tr,
    pub units: &'a UnitTree,
    pub everyone: &'a HashMap<PersonId, Person>,
    pub goals: &'a GoalTree,
    /// The unit whose figures these are; none for one person's.
    pub unit: Option<UnitId>,
    pub threshold: usize,
}

/// Whether the viewed unit of a closed cycle may show a measure's answers, from the units that
/// may (none if nobody answered).
fn may_show(ctx: &Context, cycle: &Cycle, shown: Option<&HashSet<UnitId>>) -> bool {
    let (Some(unit), Some(shown)) = (ctx.unit, shown) else {
        return false;
    };
    cycle.state == CycleState::Closed && shown.contains(&unit)
}

/// One side's answers to one evaluation question.
fn evaluation(
    ctx: &Context,
    answers: &CycleAnswers,
    side: Side,
    q: Question,
    disclosed: bool,
) -> Measure {
    let t = ctx.t;
    let key = match side {
        Side::Employee => "effect-eval-employees",
        Side::Leader => "effect-eval-leaders",
    };
    Measure {
        label: t.with(
            key,
            &[("question", t.get(&format!("evaluation-q-{}", q.as_str())))],
        ),
        answers: answers
            .given
            .evaluations
            .iter()
            .filter(|(_, e)| e.side == side)
            .map(|(p, e)| (*p, e.scores.get(q)))
            .collect(),
        disclosed,
    }
}

fn measures(ctx: &Context, cycle: &Cycle, answers: &CycleAnswers) -> Vec<Measure> {
    let t = ctx.t;
    let mut out = Vec::new();
    for side in [Side::Employee, Side::Leader] {
        let given = answers
            .given
            .evaluations
            .iter()
            .any(|(_, e)| e.side == side);
        let disclosed = given && may_show(ctx, cycle, answers.disclosed.evaluations.get(&side));
        for q in Question::ALL {
            out.push(evaluation(ctx, answers, side, q, disclosed));
        }
    }
    for goal in cycle.focus_goals.iter().filter_map(|g| ctx.goals.get(*g)) {
        let given: Vec<(PersonId, u8)> = answers
            .given
            .clarity
            .iter()
            .filter(|(_, g, _)| *g == goal.id)
            .map(|(p, _, c)| (*p, *c))
            .collect();
        out.push(Measure {
            label: t.with("effect-clarity", &[("goal", goal.title.clone())]),
            disclosed: !given.is_empty()
                && may_show(ctx, cycle, answers.disclosed.clarity.get(&goal.id)),
            answers: given,
        });
    }
    out
}

/// The measure's average in the viewer's unit, or why it is not shown.
fn guarded(ctx: &Context, cycle: &Cycle, measure: &Measure) -> Result<(f64, usize), &'static str> {
    if measure.answers.is_empty() {
        return Err("effect-no-answers");
    }
    if cycle.state != CycleState::Closed {
        return Err("effect-withheld-open");
    }
    let unit = ctx.unit.ok_or("effect-withheld-few")?;
    if !measure.disclosed {
        return Err("effect-withheld-few");
    }
    // The whole organisation's answers are all inside it, without looking anyone up.
    let whole = ctx.units.root().is_some_and(|root| root.id == unit);
    let below = (!whole).then(|| ctx.units.subtree(unit));
    let unit_of = |p: &PersonId| ctx.everyone.get(p).map(|p| p.unit_id);
    let inside: Vec<u8> = measure
        .answers
        .iter()
        .filter(|(p, _)| match &below {
            None => true,
            Some(below) => unit_of(p).is_some_and(|u| below.contains(&u)),
        })
        .map(|(_, score)| *score)
        .collect();
    let sum: usize = inside.iter().map(|s| usize::from(*s)).sum();
    Ok((sum as f64 / inside.len().max(1) as f64, inside.len()))
}

fn shown(ctx: &Context, cycle: &Cycle, measure: &Measure) -> String {
    match guarded(ctx, cycle, measure) {
        Ok((average, count)) => ctx.t.with(
            "effect-average",
            &[
                ("average", ctx.t.decimal(average, 1)),
                ("count", count.to_string()),
            ],
        ),
        Err(key) => ctx.t.with(key, &[("threshold", ctx.threshold.to_string())]),
    }
}

/// The answers section: each measure for the chosen cycle and the one before.
pub fn rows(
    ctx: &Context,
    now: (&Cycle, &CycleAnswers),
    before: Option<(&Cycle, &CycleAnswers)>,
) -> Vec<ScoreRow> {
    let earlier: Vec<(String, String)> = before
        .map(|(cycle, answers)| {
            measures(ctx, cycle, answers)
                .iter()
                .map(|m| (m.label.clone(), shown(ctx, cycle, m)))
                .collect()
        })
        .unwrap_or_default();
    let (cycle, answers) = now;
    measures(ctx, cycle, answers)
        .iter()
        .map(|m| ScoreRow {
            now: shown(ctx, cycle, m),
            before: before.map(|_| {
                earlier
                    .iter()
                    .find(|(label, _)| *label == m.label)
                    .map(|(_, value)| value.clone())
                    .unwrap_or_else(|| "—".to_owned())
            }),
            label: m.label.clone(),
        })
        .collect()
}

/// The measures that may be shown, as (label, average, answers), for the CSV export.
pub fn disclosed(
    ctx: &Context,
    cycle: &Cycle,
    answers: &CycleAnswers,
) -> Vec<(String, f64, usize)> {
    measures(ctx, cycle, answers)
        .into_iter()
        .filter_map(|m| {
            guarded(ctx, cycle, &m)
                .ok()
                .map(|(average, count)| (m.label, average, count))
        })
        .collect()
}

/// The employees' average evaluation of a question in the viewer's unit, or why it is not
/// shown: the measured value of an intention.
pub fn employees_average(
    ctx: &Context,
    cycle: &Cycle,
    answers: &CycleAnswers,
    q: Question,
) -> Result<(f64, usize), &'static str> {
    let side = Side::Employee;
    let disclosed = may_show(ctx, cycle, answers.disclosed.evaluations.get(&side));
    guarded(ctx, cycle, &evaluation(ctx, answers, side, q, disclosed))
}
