//! The effect dashboards: a person's, a unit's (team, department) or the whole organisation's
//! figures for a cycle beside the cycle before, with their trend, the leadership's intended
//! effect and the personal answers that may be shown. Who sees which scope follows the same rules as everywhere: an employee their
//! own, a leader their units, leadership and HR the organisation.

use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::page::Page;
use crate::pages::effect_data::{EffectQuery, Loaded, Reading, Scope};
use crate::pages::effect_scores::{self, ScoreRow};
use crate::pages::intentions::{metric_label, target_label};
use crate::pages::render;
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::cycle::Cycle;
use domain::effect::{Figure, Figures, Share};
use domain::intention::{Intention, Metric};
use std::collections::HashMap;

/// One figure in one cycle: "3 af 4" and the share, opening to its parts.
pub(crate) struct Cell {
    pub(crate) text: String,
    percent: String,
    width: usize,
    link: String,
}

struct Row {
    label: String,
    now: Cell,
    before: Option<Cell>,
    /// What the chart says, for those who cannot see it.
    chart_label: String,
}

struct ThreadRow {
    title: String,
    link: String,
    depth: usize,
    in_focus: bool,
    now: usize,
    before: Option<usize>,
    competences: usize,
}

#[derive(Template)]
#[template(path = "effect.html")]
struct EffectView {
    page: Page,
    name: String,
    scopes: Vec<(String, String, bool)>,
    cycles: Vec<(String, String, bool)>,
    now_name: String,
    before_name: Option<String>,
    sections: Vec<(String, Vec<Row>)>,
    thread: Vec<ThreadRow>,
    gaps: Vec<String>,
    scores: Vec<ScoreRow>,
    intentions: Vec<IntentionRow>,
    trend: Vec<TrendRow>,
    threshold: u32,
    people: usize,
    export: String,
}

const SECTIONS: [(&str, &[Figure]); 3] = [
    (
        "effect-coverage",
        &[
            Figure::Scheduled,
            Figure::Held,
            Figure::HeldOnTime,
            Figure::Signed,
        ],
    ),
    (
        "effect-follow-through",
        &[
            Figure::ActionsDone,
            Figure::DoneOnTime,
            Figure::Overdue,
            Figure::FollowUpsHeld,
            Figure::Stale,
        ],
    ),
    ("effect-outcomes", &[Figure::Achieved]),
];

pub(crate) fn cell(t: &Tr, share: Share, link: String) -> Cell {
    Cell {
        text: t.with(
            "effect-part-of",
            &[
                ("part", share.part.to_string()),
                ("whole", share.whole.to_string()),
            ],
        ),
        percent: share
            .percent()
            .map_or_else(|| "—".to_owned(), |p| format!("{p} %")),
        width: share.percent().unwrap_or(0),
        link,
    }
}

pub async fn dashboard(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Query(q): Query<EffectQuery>,
) -> AppResult<Response> {
    let loaded = Loaded::read(&state, &user, &q, Reading::Figures).await?;
    let t = page.t;
    let (Some(now), before) = loaded.compared() else {
        return Err(AppError::NotFound);
    };
    // Every cycle's figures once: the two compared and the trend.
    let mut every: Vec<Figures> = Vec::with_capacity(loaded.cycles.len());
    for cycle in &loaded.cycles {
        every.push(loaded.figures(&state, cycle, &user).await?);
    }
    let current = &every[loaded.chosen];
    let earlier = every.get(loaded.chosen + 1);
    let scope = loaded.scope_query();
    let link = |cycle: &Cycle, figure: Figure| {
        format!(
            "/effect/parts?{scope}&cycle={}&figure={}",
            cycle.id,
            figure.as_str()
        )
    };
    let sections = SECTIONS
        .iter()
        .map(|(title, figures)| {
            let rows = figures
                .iter()
                .map(|f| {
                    let label = t.get(&format!("effect-{}", f.as_str()));
                    let now_cell = cell(&t, current.share(*f), link(now, *f));
                    let before_cell = before
                        .zip(earlier.as_ref())
                        .map(|(c, e)| cell(&t, e.share(*f), link(c, *f)));
                    let chart_label = match (&before_cell, before) {
                        (Some(b), Some(c)) => format!(
                            "{label} – {}: {}; {}: {}",
                            now.name, now_cell.percent, c.name, b.percent
                        ),
                        _ => format!("{label} – {}: {}", now.name, now_cell.percent),
                    };
                    Row {
                        label,
                        now: now_cell,
                        before: before_cell,
                        chart_label,
                    }
                })
                .collect();
            (t.get(title), rows)
        })
        .collect();
    let before_thread: HashMap<_, _> = earlier
        .iter()
        .flat_map(|e| e.red_thread.iter().map(|g| (g.goal, g.dev_goals)))
        .collect();
    let thread = current
        .red_thread
        .iter()
        .filter_map(|g| {
            let goal = loaded.goals.get(g.goal)?;
            Some(ThreadRow {
                title: goal.title.clone(),
                link: format!("/effect/parts?{scope}&cycle={}&goal={}", now.id, goal.id),
                depth: g.depth,
                in_focus: g.in_focus,
                now: g.dev_goals,
                before: earlier
                    .as_ref()
                    .map(|_| before_thread.get(&g.goal).copied().unwrap_or(0)),
                competences: g.competences,
            })
        })
        .collect();
    let gaps = current
        .gaps
        .iter()
        .filter_map(|g| loaded.goals.get(*g).map(|g| g.title.clone()))
        .collect();
    let scores = effect_scores::rows(
        &loaded.score_context(&t, &user),
        (now, loaded.answers_of(now)),
        before.map(|c| (c, loaded.answers_of(c))),
    );
    let intentions = state
        .db
        .intentions(user.org.id, now.id)
        .await?
        .into_iter()
        .map(|i| intention_row(&loaded, &user, &t, now, current, i))
        .collect();
    let trend = trend(&loaded, &every, &t);
    let scopes = scope_choices(&loaded, &user, &t);
    let cycles = loaded
        .cycles
        .iter()
        .map(|c| (c.id.to_string(), c.name.clone(), c.id == now.id))
        .collect();
    render(EffectView {
        name: loaded.name.clone(),
        scopes,
        cycles,
        now_name: now.name.clone(),
        before_name: before.map(|c| c.name.clone()),
        sections,
        thread,
        gaps,
        scores,
        intentions,
        trend,
        threshold: user.org.settings.anonymity_threshold,
        people: current.people,
        export: format!("/effect.csv?{scope}&cycle={}", now.id),
        page: page.titled("effect-title"),
    })
}

/// The figures the trend follows over every cycle.
const TREND: [Figure; 5] = [
    Figure::Held,
    Figure::Signed,
    Figure::DoneOnTime,
    Figure::FollowUpsHeld,
    Figure::Achieved,
];

/// One figure over the cycles, oldest first: each cycle's name, share and bar.
struct TrendRow {
    label: String,
    points: Vec<TrendPoint>,
    chart_label: String,
}

struct TrendPoint {
    cycle: String,
    percent: String,
    x: usize,
    height: usize,
    y: usize,
}

fn trend(loaded: &Loaded, every: &[Figures], t: &Tr) -> Vec<TrendRow> {
    let oldest_first: Vec<(&Cycle, &Figures)> = loaded.cycles.iter().zip(every).rev().collect();
    TREND
        .iter()
        .map(|figure| {
            let label = t.get(&format!("effect-{}", figure.as_str()));
            let points: Vec<TrendPoint> = oldest_first
                .iter()
                .enumerate()
                .map(|(i, (cycle, figures))| {
                    let share = figures.share(*figure);
                    let height = share.percent().unwrap_or(0);
                    TrendPoint {
                        cycle: cycle.name.clone(),
                        percent: share
                            .percent()
                            .map_or_else(|| "—".to_owned(), |p| format!("{p} %")),
                        x: i * 20 + 2,
                        height,
                        y: 100 - height,
                    }
                })
                .collect();
            let said: Vec<String> = points
                .iter()
                .map(|p| format!("{}: {}", p.cycle, p.percent))
                .collect();
            TrendRow {
                chart_label: format!("{label} – {}", said.join("; ")),
                label,
                points,
            }
        })
        .collect()
}

/// An intention of the leadership with what was measured for the scope.
pub(crate) struct IntentionRow {
    pub text: String,
    pub metric: String,
    pub target: String,
    pub measured: String,
    /// Met or not; none when it cannot be measured (yet).
    pub met: Option<bool>,
}

pub(crate) fn intention_row(
    loaded: &Loaded,
    user: &CurrentUser,
    t: &Tr,
    cycle: &Cycle,
    figures: &Figures,
    intention: Intention,
) -> IntentionRow {
    let measured = match intention.metric {
        Metric::Evaluation(q) => effect_scores::employees_average(
            &loaded.score_context(t, user),
            cycle,
            loaded.answers_of(cycle),
            q,
        )
        .map(|(average, _)| average)
        .map_err(|key| t.with(key, &[])),
        metric => metric
            .measure(figures)
            .ok_or_else(|| t.get("effect-not-measured")),
    };
    IntentionRow {
        metric: metric_label(t, &loaded.goals, intention.metric),
        target: target_label(t, intention.metric, intention.target),
        measured: match &measured {
            Ok(value) => target_label(t, intention.metric, *value),
            Err(why) => why.clone(),
        },
        met: measured.ok().map(|v| intention.met(v)),
        text: intention.text,
    }
}

/// The scopes the viewer may choose: their own figures and the units they may see.
fn scope_choices(loaded: &Loaded, user: &CurrentUser, t: &Tr) -> Vec<(String, String, bool)> {
    let visible = user.actor.visible_units(&loaded.units);
    let mut choices = vec![(
        format!("person={}", user.person.id),
        t.get("effect-scope-me"),
        matches!(&loaded.scope, Scope::Person(p) if p.id == user.person.id),
    )];
    if let Scope::Person(p) = &loaded.scope
        && p.id != user.person.id
    {
        choices.push((format!("person={}", p.id), p.name.clone(), true));
    }
    let units: Vec<_> = loaded
        .units
        .walk()
        .into_iter()
        .filter(|(_, u)| visible.as_ref().is_none_or(|v| v.contains(&u.id)))
        .collect();
    // Indented from the highest unit the viewer sees, not from the organisation.
    let top = units.iter().map(|(depth, _)| *depth).min().unwrap_or(0);
    for (depth, unit) in units {
        let chosen = matches!(loaded.scope, Scope::Unit(u) if u == unit.id);
        let indent = "· ".repeat(depth - top);
        choices.push((
            format!("unit={}", unit.id),
            format!("{indent}{}", unit.name),
            chosen,
        ));
    }
    choices
}
