//! The yearly evaluation for the joint committee (MED-/samarbejdsudvalg): for a cycle, unit by
//! unit, whether every employee had their conversation and a written, agreed development
//! agreement, how the agreements were followed through, what effect was measured and what the
//! strategic feedback raised — on the screen and printable, with nobody identifiable: a unit
//! is listed only where its people pass the disclosure rule, feedback only as counts.

use crate::error::{AppError, AppResult};
use crate::forms::parse_id;
use crate::i18n::Tr;
use crate::page::Page;
use crate::pages::effect::{IntentionRow, intention_row};
use crate::pages::effect_data::Loaded;
use crate::pages::effect_scores::{self, ScoreRow};
use crate::pages::render;
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use domain::cycle::Cycle;
use domain::dialogue::{Shared, for_leadership};
use domain::disclosure::disclosable;
use domain::effect::{Figure, Share, Tally};
use domain::{CycleId, UnitId};
use std::collections::HashMap;
use storage::{Raised, Responded, SharedEntry};

/// The figures of one unit in the report.
struct UnitLine {
    name: String,
    depth: usize,
    people: usize,
    cells: Vec<String>,
}

/// What the employees raised about one focus goal, as counts.
struct GoalLine {
    title: String,
    text: String,
}

#[derive(Template)]
#[template(path = "report.html")]
struct ReportView {
    page: Page,
    id: String,
    cycle: String,
    intention: String,
    made: String,
    threshold: usize,
    columns: Vec<String>,
    units: Vec<UnitLine>,
    hidden: usize,
    intentions: Vec<IntentionRow>,
    scores: Vec<ScoreRow>,
    feedback: Vec<GoalLine>,
}

/// The figures each unit's line shows.
const COLUMNS: [Figure; 6] = [
    Figure::Held,
    Figure::Signed,
    Figure::ActionsDone,
    Figure::DoneOnTime,
    Figure::FollowUpsHeld,
    Figure::Stale,
];

fn share_text(t: &Tr, share: Share) -> String {
    let percent = share
        .percent()
        .map_or_else(|| "—".to_owned(), |p| format!("{p} %"));
    format!(
        "{} ({percent})",
        t.with(
            "effect-part-of",
            &[
                ("part", share.part.to_string()),
                ("whole", share.whole.to_string()),
            ],
        )
    )
}

pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
) -> AppResult<Response> {
    if !(user.actor.granted.hr || user.actor.granted.leadership) {
        return Err(AppError::Forbidden);
    }
    let loaded = Loaded::for_cycle(&state, &user, parse_id::<CycleId>(&id)?).await?;
    let (Some(cycle), _) = loaded.compared() else {
        return Err(AppError::NotFound);
    };
    let t = page.t;
    let threshold = user.org.settings.anonymity_threshold as usize;
    let per_unit = loaded.per_unit(&state, cycle, &user).await?;
    let units = unit_lines(&loaded, &per_unit, &t, threshold);
    let hidden = loaded.units.len() - units.len();
    let whole = loaded.figures(&state, cycle, &user).await?;
    let intentions = state
        .db
        .intentions(user.org.id, cycle.id)
        .await?
        .into_iter()
        .map(|i| intention_row(&loaded, &user, &t, cycle, &whole, i))
        .collect();
    let scores = effect_scores::rows(
        &loaded.score_context(&t, &user),
        (cycle, loaded.answers_of(cycle)),
        None,
    );
    let feedback = feedback_lines(&state, &loaded, cycle, &t, threshold).await?;
    render(ReportView {
        id: cycle.id.to_string(),
        cycle: cycle.name.clone(),
        intention: cycle.intention.clone(),
        made: t.datetime(&storage::now()),
        threshold,
        columns: COLUMNS
            .iter()
            .map(|f| t.get(&format!("effect-{}", f.as_str())))
            .collect(),
        units,
        hidden,
        intentions,
        scores,
        feedback,
        page: page.titled("report-title"),
    })
}

/// A line per unit whose people may be shown; smaller units count in the units above them.
fn unit_lines(
    loaded: &Loaded,
    per_unit: &HashMap<UnitId, Tally>,
    t: &Tr,
    threshold: usize,
) -> Vec<UnitLine> {
    let own: HashMap<UnitId, usize> = per_unit.iter().map(|(u, t)| (*u, t.people)).collect();
    let shown = disclosable(&loaded.units, &own, threshold);
    loaded
        .units
        .walk()
        .into_iter()
        .filter(|(_, u)| shown.contains(&u.id))
        .map(|(depth, unit)| {
            let mut tally = Tally::default();
            for below in loaded.units.subtree(unit.id) {
                if let Some(theirs) = per_unit.get(&below) {
                    tally.add(theirs);
                }
            }
            UnitLine {
                name: unit.name.clone(),
                depth,
                people: tally.people,
                cells: COLUMNS
                    .iter()
                    .map(|f| share_text(t, tally.share(*f)))
                    .collect(),
            }
        })
        .collect()
}

/// Per focus goal: how many shared with the leadership and what they raised, and what the
/// leadership did with it; counts only, anonymous items only once enough people gave one.
async fn feedback_lines(
    state: &AppState,
    loaded: &Loaded,
    cycle: &Cycle,
    t: &Tr,
    threshold: usize,
) -> AppResult<Vec<GoalLine>> {
    let org = cycle.org_id;
    let shared = state.db.leadership_feedback(org, cycle.id).await?;
    let mut lines = Vec::new();
    for goal in cycle
        .focus_goals
        .iter()
        .filter_map(|g| loaded.goals.get(*g))
    {
        let on_goal = shared
            .iter()
            .filter(|i| i.goal == goal.id)
            .map(|i| Shared {
                person: i.person,
                name: String::new(),
                visibility: i.visibility,
                clarity: i.clarity,
                since: i.shared_at,
                extra: i,
            })
            .collect();
        let sorted = for_leadership(on_goal, threshold);
        let shown: Vec<&SharedEntry> = sorted
            .named
            .iter()
            .map(|(_, i)| *i)
            .chain(sorted.anonymous.iter().copied())
            .collect();
        let count = |pick: fn(&Raised) -> bool| {
            shown.iter().filter(|i| pick(&i.raised)).count().to_string()
        };
        let responded = |pick: fn(&Responded) -> bool| {
            shown
                .iter()
                .filter(|i| i.response.as_ref().is_some_and(pick))
                .count()
                .to_string()
        };
        if shown.is_empty() && sorted.held_back == 0 {
            lines.push(GoalLine {
                title: goal.title.clone(),
                text: t.get("report-feedback-none"),
            });
            continue;
        }
        lines.push(GoalLine {
            title: goal.title.clone(),
            text: t.with(
                "report-feedback",
                &[
                    ("people", shown.len().to_string()),
                    ("barriers", count(|r| r.barriers)),
                    ("opportunities", count(|r| r.opportunities)),
                    ("dilemmas", count(|r| r.dilemmas)),
                    ("taken", responded(|r| r.taken_up)),
                    ("answered", responded(|r| r.answered)),
                    ("held", sorted.held_back.to_string()),
                ],
            ),
        });
    }
    Ok(lines)
}
