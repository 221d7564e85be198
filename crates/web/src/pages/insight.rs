//! Strategic insight for the leadership: what the employees shared about each focus goal,
//! named or anonymous as each chose — how many raised barriers, opportunities and dilemmas,
//! and per unit where that cannot single anyone out. The leadership marks items as taken up,
//! answers them and sends them on to the unit they concern; the employee sees the answer, and
//! the unit's leader reads what was sent on, without a name when it was given without one.

use crate::error::{AppError, AppResult};
use crate::forms::{Form, checked, parse_id};
use crate::i18n::Tr;
use crate::page::Page;
use crate::pages::paging::{PER_PAGE, Paging};
use crate::pages::view::names_of;
use crate::pages::{csv_response, render};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use domain::cycle::{Cycle, newest_first};
use domain::dialogue::{self, Feedback, Shared, for_leadership};
use domain::disclosure::disclosable;
use domain::org::UnitTree;
use domain::{CycleId, GoalId, UnitId};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use storage::StorageError;
use storage::{Raised, SharedEntry};
use uuid::Uuid;

/// What the leadership did with an item, as the pages show it.
pub(crate) struct ResponseView {
    pub taken_up: bool,
    pub answer: String,
    /// The unit it was sent on to: id and name.
    pub unit: Option<(String, String)>,
}

pub(crate) fn response_view(response: &dialogue::Response, units: &UnitTree) -> ResponseView {
    ResponseView {
        taken_up: response.taken_up,
        answer: response.answer.clone(),
        unit: response
            .routed_to
            .and_then(|u| units.get(u))
            .map(|u| (u.id.to_string(), u.name.clone())),
    }
}

/// One item the leadership may read, with its handle for answering it.
struct Item {
    name: Option<String>,
    f: Feedback,
    handle: String,
    response: Option<ResponseView>,
}

struct LeadershipGoal {
    id: String,
    title: String,
    /// The items shown: the first few on the overview, a page of them on the goal's own.
    items: Vec<Item>,
    /// How many items may be read in all.
    readable: usize,
    clarity: Option<String>,
    held_back: usize,
    /// How many people raised barriers, opportunities and dilemmas, among the items shown.
    counts: Option<String>,
    /// Units whose number of people sharing may be shown, with that number.
    per_unit: Vec<(String, usize)>,
}

#[derive(Template)]
#[template(path = "feedback.html")]
struct FeedbackView {
    page: Page,
    cycle: String,
    cycles: Vec<(String, String, bool)>,
    goals: Vec<LeadershipGoal>,
    /// On one goal's own page: its page of items (the overview shows every goal's first few).
    paging: Option<Paging>,
    units: Vec<String>,
    threshold: usize,
}

#[derive(Deserialize)]
pub struct FeedbackQuery {
    #[serde(default)]
    cycle: String,
    /// One goal's items, a page at a time, instead of every goal's first few.
    #[serde(default)]
    goal: String,
    #[serde(default)]
    page: Option<usize>,
}

/// Items the overview shows of each goal; the rest are on the goal's own pages. A large
/// organisation shares thousands on one goal.
const ITEMS_ON_OVERVIEW: usize = 10;

/// Which goals' items a reader gets.
#[derive(Clone, Copy)]
enum Shown {
    /// Every goal's first [`ITEMS_ON_OVERVIEW`].
    Overview,
    /// One goal's page of items (1-based).
    Goal(GoalId, usize),
    /// All of every goal's, for the export.
    All,
}

impl Shown {
    /// The goals read, and the items of each shown: how many are skipped and taken.
    fn of(self, goal: GoalId) -> Option<(usize, usize)> {
        match self {
            Shown::Overview => Some((0, ITEMS_ON_OVERVIEW)),
            Shown::Goal(g, number) => (g == goal).then(|| (Paging::offset(number), PER_PAGE)),
            Shown::All => Some((0, usize::MAX)),
        }
    }
}

/// The cycles with conversations, newest first, and the one asked for (the newest if none).
fn choose(cycles: Vec<Cycle>, asked: &str) -> AppResult<(Vec<Cycle>, Option<Cycle>)> {
    let cycles = newest_first(cycles);
    let chosen = if asked.is_empty() {
        cycles.first().cloned()
    } else {
        let id = parse_id::<CycleId>(asked)?;
        let found = cycles.iter().find(|c| c.id == id).cloned();
        Some(found.ok_or(AppError::NotFound)?)
    };
    Ok((cycles, chosen))
}

/// Everything the leadership may read of a cycle's shared feedback, goal by goal: counted from
/// every item, with the texts of those shown.
async fn goal_lines(
    state: &AppState,
    user: &CurrentUser,
    t: &Tr,
    cycle: &Cycle,
    units: &UnitTree,
    shown: Shown,
) -> AppResult<Vec<LeadershipGoal>> {
    let org = user.org.id;
    let goals = state.db.goal_tree_at(org, user.revisions).await?;
    let threshold = user.org.settings.anonymity_threshold as usize;
    let shared = state.db.leadership_feedback(org, cycle.id).await?;
    let mut lines = Vec::new();
    // Per goal, the items shown: the giver's name if they gave it, and the handle.
    let mut pages: Vec<Vec<(Option<String>, Uuid)>> = Vec::new();
    for (goal, (skip, take)) in cycle
        .focus_goals
        .iter()
        .filter_map(|g| Some((goals.get(*g)?, shown.of(*g)?)))
    {
        let on_goal = shared
            .iter()
            .filter(|i| i.goal == goal.id)
            .filter_map(|i| {
                Some(Shared {
                    person: i.person,
                    name: i.name.clone(),
                    visibility: i.visibility,
                    clarity: i.clarity,
                    since: i.shared_at,
                    extra: (i, i.handle?),
                })
            })
            .collect();
        let sorted = for_leadership(on_goal, threshold);
        // Everything readable.
        let readable: Vec<&SharedEntry> = sorted
            .named
            .iter()
            .map(|(_, (i, _))| *i)
            .chain(sorted.anonymous.iter().map(|(i, _)| *i))
            .collect();
        let raised =
            |pick: fn(&Raised) -> bool| readable.iter().filter(|i| pick(&i.raised)).count();
        let counts = (!readable.is_empty()).then(|| {
            t.with(
                "feedback-counts",
                &[
                    ("people", readable.len().to_string()),
                    ("barriers", raised(|r| r.barriers).to_string()),
                    ("opportunities", raised(|r| r.opportunities).to_string()),
                    ("dilemmas", raised(|r| r.dilemmas).to_string()),
                ],
            )
        });
        let mut own: HashMap<UnitId, usize> = HashMap::new();
        for item in &readable {
            *own.entry(item.unit).or_default() += 1;
        }
        let open = disclosable(units, &own, threshold);
        let totals = units.totals_below(&own);
        let per_unit = units
            .walk()
            .into_iter()
            .filter(|(_, u)| open.contains(&u.id))
            .map(|(_, u)| (u.name.clone(), totals.get(&u.id).copied().unwrap_or(0)))
            .collect();
        lines.push(LeadershipGoal {
            id: goal.id.to_string(),
            title: goal.title.clone(),
            readable: readable.len(),
            clarity: sorted.anonymous_clarity.map(|(avg, n)| {
                t.with(
                    "feedback-clarity-average",
                    &[("average", t.decimal(avg, 1)), ("count", n.to_string())],
                )
            }),
            items: Vec::new(),
            held_back: sorted.held_back,
            counts,
            per_unit,
        });
        pages.push(
            sorted
                .named
                .into_iter()
                .map(|(name, (_, handle))| (Some(name), handle))
                .chain(
                    sorted
                        .anonymous
                        .into_iter()
                        .map(|(_, handle)| (None, handle)),
                )
                .skip(skip)
                .take(take)
                .collect(),
        );
    }
    // Only the items shown are read with their texts (all of them for the export).
    let handles: Vec<Uuid> = pages.iter().flatten().map(|(_, handle)| *handle).collect();
    let wanted = (!matches!(shown, Shown::All)).then_some(handles.as_slice());
    let mut texts = state.db.shared_texts(org, cycle.id, wanted).await?;
    for (line, page) in lines.iter_mut().zip(pages) {
        line.items = page
            .into_iter()
            .filter_map(|(name, handle)| {
                let (f, response) = texts.remove(&handle)?;
                Some(Item {
                    name,
                    f,
                    handle: handle.to_string(),
                    response: response.as_ref().map(|r| response_view(r, units)),
                })
            })
            .collect();
    }
    Ok(lines)
}

/// What the employees shared with the leadership group in a cycle, goal by goal.
pub async fn leadership(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Query(query): Query<FeedbackQuery>,
) -> AppResult<Response> {
    if !user.actor.granted.leadership {
        return Err(AppError::Forbidden);
    }
    let (cycles, cycle) = choose(user.cycles.to_vec(), &query.cycle)?;
    let units = user.units.clone();
    let t = page.t;
    let chosen = cycle.as_ref().map(|c| c.id);
    let (goals, paging) = match &cycle {
        Some(cycle) if !query.goal.is_empty() => {
            // One goal of the cycle's focus, a page of its items at a time.
            let goal = parse_id::<GoalId>(&query.goal)?;
            if !cycle.focus_goals.contains(&goal) {
                return Err(AppError::NotFound);
            }
            let number = Paging::number(query.page);
            let goals =
                goal_lines(&state, &user, &t, cycle, &units, Shown::Goal(goal, number)).await?;
            let paging = goals.first().map(|g| {
                let href = format!("/strategy/feedback?cycle={}&goal={goal}&", cycle.id);
                Paging::new(number, g.readable, g.items.len(), href)
            });
            (goals, paging)
        }
        Some(cycle) => (
            goal_lines(&state, &user, &t, cycle, &units, Shown::Overview).await?,
            None,
        ),
        None => (Vec::new(), None),
    };
    render(FeedbackView {
        paging,
        cycle: chosen.map(|c| c.to_string()).unwrap_or_default(),
        cycles: cycles
            .iter()
            .map(|c| (c.id.to_string(), c.name.clone(), Some(c.id) == chosen))
            .collect(),
        goals,
        units: units
            .walk()
            .into_iter()
            .map(|(_, u)| u.name.clone())
            .collect(),
        threshold: user.org.settings.anonymity_threshold as usize,
        page: page.titled("feedback-title"),
    })
}

/// The same as CSV: an item per line, without a name where it was given without one.
pub async fn export(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Query(query): Query<FeedbackQuery>,
) -> AppResult<Response> {
    if !user.actor.granted.leadership {
        return Err(AppError::Forbidden);
    }
    let (_, cycle) = choose(user.cycles.to_vec(), &query.cycle)?;
    let cycle = cycle.ok_or(AppError::NotFound)?;
    let units = user.units.clone();
    let t = page.t;
    let mut rows = vec![
        [
            "feedback-csv-goal",
            "feedback-csv-name",
            "dialogue-contribution",
            "dialogue-hard",
            "dialogue-what-then",
            "dialogue-opportunities",
            "dialogue-barriers",
            "dialogue-clarity",
            "insight-taken-up",
            "insight-answer",
            "insight-route",
        ]
        .map(|k| t.get(k))
        .to_vec(),
    ];
    for goal in goal_lines(&state, &user, &t, &cycle, &units, Shown::All).await? {
        for item in goal.items {
            let f = item.f;
            let response = item.response;
            rows.push(vec![
                goal.title.clone(),
                item.name.unwrap_or_else(|| t.get("feedback-anonymous")),
                f.contribution,
                f.hard_situations,
                f.what_then,
                f.opportunities,
                f.barriers,
                f.clarity.map(|c| c.to_string()).unwrap_or_default(),
                response
                    .as_ref()
                    .map(|r| {
                        if r.taken_up {
                            t.get("effect-yes")
                        } else {
                            t.get("effect-no")
                        }
                    })
                    .unwrap_or_default(),
                response
                    .as_ref()
                    .map(|r| r.answer.clone())
                    .unwrap_or_default(),
                response
                    .and_then(|r| r.unit.map(|(_, name)| name))
                    .unwrap_or_default(),
            ]);
        }
    }
    csv_response(&rows, &format!("mouse-feedback-{}.csv", cycle.id))
}

#[derive(Deserialize)]
pub struct RespondForm {
    #[serde(default)]
    taken_up: Option<String>,
    #[serde(default)]
    answer: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    cycle: String,
    /// The goal page the item was answered on, to return to it.
    #[serde(default)]
    goal: String,
    #[serde(default)]
    page: String,
}

/// The leadership marks an item as taken up, answers it and may send it on to a unit.
pub async fn respond(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(handle): Path<String>,
    Form(form): Form<RespondForm>,
) -> AppResult<Response> {
    if !user.actor.granted.leadership {
        return Err(AppError::Forbidden);
    }
    let org = user.org.id;
    let handle = parse_id::<Uuid>(&handle)?;
    // The form names the unit (names are unique in an organisation); an id is taken too.
    let unit = match form.unit.trim() {
        "" => None,
        raw => {
            let tree = user.units.clone();
            let found = match raw.parse::<UnitId>() {
                Ok(id) => tree.get(id),
                Err(_) => tree.by_name(raw),
            };
            Some(found.ok_or(AppError::BadRequest("error-unit-unknown"))?.id)
        }
    };
    let response = dialogue::Response::read(checked(&form.taken_up), &form.answer, unit)
        .map_err(|e| AppError::BadRequest(e.message_key()))?;
    match state
        .db
        .respond_to_feedback(org, handle, &response, user.person.id)
        .await
    {
        Ok(()) => {}
        Err(StorageError::NotFound) => return Err(AppError::NotFound),
        Err(other) => return Err(other.into()),
    }
    // Back where the item was answered; only what parses is carried over.
    let mut back = String::from("/strategy/feedback?");
    if let Ok(c) = parse_id::<CycleId>(&form.cycle) {
        back.push_str(&format!("cycle={c}&"));
    }
    if let Ok(g) = parse_id::<GoalId>(&form.goal) {
        back.push_str(&format!("goal={g}&"));
        if let Ok(n) = form.page.parse::<usize>() {
            back.push_str(&format!("page={}&", Paging::number(Some(n))));
        }
    }
    back.push_str(&format!("done=done-saved#item-{handle}"));
    Ok(Redirect::to(&back).into_response())
}

struct RoutedItem {
    goal: String,
    unit: String,
    name: Option<String>,
    f: Feedback,
    response: ResponseView,
}

#[derive(Template)]
#[template(path = "feedback_routed.html")]
struct RoutedView {
    page: Page,
    items: Vec<RoutedItem>,
}

/// A unit leader reads the feedback the leadership sent on to their units.
pub async fn routed(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
) -> AppResult<Response> {
    if !user.actor.is_leader() {
        return Err(AppError::Forbidden);
    }
    let org = user.org.id;
    let units = user.units.clone();
    let mine: HashSet<UnitId> = user
        .actor
        .led_units
        .iter()
        .flat_map(|u| units.subtree(*u))
        .collect();
    let goals = state.db.goal_tree_at(org, user.revisions).await?;
    let found = state.db.routed_feedback(org, &mine).await?;
    let names = names_of(&state.db, org, found.iter().filter_map(|(p, _, _)| *p)).await?;
    let mut items: Vec<RoutedItem> = found
        .into_iter()
        .map(|(who, f, response)| RoutedItem {
            goal: goals
                .get(f.goal_id)
                .map(|g| g.title.clone())
                .unwrap_or_default(),
            unit: response
                .routed_to
                .and_then(|u| units.get(u))
                .map(|u| u.name.clone())
                .unwrap_or_default(),
            name: who.and_then(|p| names.get(&p).cloned()),
            response: response_view(&response, &units),
            f,
        })
        .collect();
    // Sorted by goal and text, so that the order says nothing about who came first.
    items.sort_by(|a, b| {
        (&a.goal, &a.f.contribution, &a.f.barriers).cmp(&(
            &b.goal,
            &b.f.contribution,
            &b.f.barriers,
        ))
    });
    render(RoutedView {
        items,
        page: page.titled("routed-title"),
    })
}
