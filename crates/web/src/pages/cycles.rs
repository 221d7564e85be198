//! The yearly cycle: the leadership group and HR set the intention, the focus goals and the
//! dates; each leader frames the intention for their own units; everyone sees the open cycle
//! with the framing of their own units.

use crate::audit::audit_by;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, parse_id};
use crate::i18n::Tr;
use crate::page::Page;
use crate::pages::{render, render_status};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::audit::AuditKind;
use domain::cycle::{
    Cycle, CycleError, CyclePlan, CycleState, Framing, Timeline, check_focus, cycle_text,
};
use domain::questions::QuestionSet;
use domain::questions::{Focus, MAX_FOCUS_QUESTIONS};
use domain::strategy::{GoalTree, parse_date};
use domain::{CycleId, GoalId, QuestionSetId, UnitId};
use std::sync::Arc;
use storage::StorageError;

fn require_keeper(user: &CurrentUser) -> AppResult<()> {
    if user.actor.keeps_strategy() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The cycle if the user may see it, as read with the user; drafts are invisible (404) to
/// everyone but the keepers.
pub(crate) fn visible_cycle(user: &CurrentUser, id: &str) -> AppResult<Cycle> {
    let cycle = user.cycle(parse_id::<CycleId>(id)?)?;
    if cycle.visible_to(&user.actor) {
        Ok(cycle.clone())
    } else {
        Err(AppError::NotFound)
    }
}

pub fn state_label(t: &Tr, state: CycleState) -> String {
    t.get(&format!("cycle-state-{}", state.as_str()))
}

struct CycleLine {
    id: String,
    name: String,
    state: String,
    window: String,
    focus: usize,
}

#[derive(Template)]
#[template(path = "cycles.html")]
struct CyclesView {
    page: Page,
    cycles: Vec<CycleLine>,
    can_create: bool,
}

pub async fn list(user: CurrentUser, page: Page) -> AppResult<Response> {
    let t = page.t;
    let cycles = user
        .cycles
        .iter()
        .filter(|c| c.visible_to(&user.actor))
        .cloned()
        .map(|c| CycleLine {
            id: c.id.to_string(),
            window: format!(
                "{} – {}",
                t.date(c.timeline.conversations_from()),
                t.date(c.timeline.conversations_to())
            ),
            state: state_label(&t, c.state),
            focus: c.focus_goals.len(),
            name: c.name,
        })
        .collect();
    render(CyclesView {
        page: page.titled("cycles-title"),
        cycles,
        can_create: user.actor.keeps_strategy(),
    })
}

/// A unit's framing as shown on the cycle page; `editable` when the user leads the unit.
struct FramingLine {
    unit_id: String,
    unit: String,
    text: String,
    editable: bool,
}

#[derive(Template)]
#[template(path = "cycle.html")]
struct CycleView {
    page: Page,
    id: String,
    name: String,
    state: String,
    is_draft: bool,
    is_open: bool,
    is_closed: bool,
    intention: String,
    focus: Vec<(String, String)>,
    timeline: Vec<(String, String)>,
    framings: Vec<FramingLine>,
    /// The question set people prepare with: (id, name with version).
    question_set: Option<(String, String)>,
    /// The current version's questions: (position, text, marked as this year's focus).
    questions: Vec<(String, String, bool)>,
    /// The texts of the marked ones, for everyone.
    marked_questions: Vec<String>,
    /// Keepers mark the focus questions while the cycle is not closed.
    can_mark_focus: bool,
    /// The leadership group sets the cycle's intended effect.
    sets_effect: bool,
    /// Leadership and HR produce the joint committee's yearly evaluation.
    reports: bool,
    keeper: bool,
    can_see_overview: bool,
    error: Option<String>,
}

async fn cycle_view(
    state: &AppState,
    user: &CurrentUser,
    page: Page,
    cycle: &Cycle,
    error: Option<String>,
) -> AppResult<CycleView> {
    let org = user.org.id;
    let (units, goals) = (
        user.units.clone(),
        state.db.goal_tree_at(org, user.revisions).await?,
    );
    let written = state.db.framings(cycle.id).await?;
    let t = page.t;
    let keeper = user.actor.keeps_strategy();
    // Keepers see every unit's framing; a leader their own units'; everyone the units above them.
    let mut shown: Vec<UnitId> = if keeper {
        units.walk().into_iter().map(|(_, u)| u.id).collect()
    } else {
        units
            .path(user.person.unit_id)
            .iter()
            .map(|u| u.id)
            .collect()
    };
    for led in &user.actor.led_units {
        if !shown.contains(led) {
            shown.push(*led);
        }
    }
    let framings = shown
        .into_iter()
        .filter_map(|unit_id| {
            let unit = units.get(unit_id)?;
            let text = written
                .iter()
                .find(|f| f.unit_id == unit_id)
                .map(|f| f.text.clone())
                .unwrap_or_default();
            let editable = cycle.check_framing(&user.actor, unit_id).is_ok();
            (editable || !text.is_empty() || keeper).then(|| FramingLine {
                unit_id: unit_id.to_string(),
                unit: unit.name.clone(),
                text,
                editable,
            })
        })
        .collect();
    let tl = &cycle.timeline;
    let mut timeline = vec![
        (
            t.get("cycle-preparation-opens"),
            t.date(tl.preparation_opens()),
        ),
        (
            t.get("cycle-conversations"),
            format!(
                "{} – {}",
                t.date(tl.conversations_from()),
                t.date(tl.conversations_to())
            ),
        ),
    ];
    for (n, due) in tl.follow_ups().iter().enumerate() {
        timeline.push((
            format!("{} {}", t.get("cycle-follow-up"), n + 1),
            t.date(*due),
        ));
    }
    timeline.push((t.get("cycle-evaluation"), t.date(tl.evaluation())));
    let mut questions = Vec::new();
    let question_set = match cycle.question_set {
        Some(id) => {
            let set = state.db.question_set(org, id).await?;
            let marked = match state.db.focus_questions(cycle.id).await? {
                Some(focus) => {
                    let version = state.db.version(org, focus.version).await?;
                    focus.positions_in(&version, &set.current)
                }
                None => Vec::new(),
            };
            questions = set
                .current
                .questions
                .iter()
                .enumerate()
                .map(|(i, q)| {
                    (
                        i.to_string(),
                        q.text.get(t.locale).to_owned(),
                        marked.contains(&i),
                    )
                })
                .collect();
            Some((
                set.id.to_string(),
                t.with(
                    "question-set-with-version",
                    &[
                        ("name", set.name),
                        ("version", set.current.number.to_string()),
                    ],
                ),
            ))
        }
        None => None,
    };
    Ok(CycleView {
        can_see_overview: keeper || user.actor.is_leader(),
        question_set,
        marked_questions: questions
            .iter()
            .filter(|q| q.2)
            .map(|q| q.1.clone())
            .collect(),
        questions,
        can_mark_focus: keeper && cycle.state != CycleState::Closed,
        sets_effect: user.actor.granted.leadership,
        reports: user.actor.granted.leadership || user.actor.granted.hr,
        id: cycle.id.to_string(),
        name: cycle.name.clone(),
        state: state_label(&t, cycle.state),
        is_draft: cycle.state == CycleState::Draft,
        is_open: cycle.state == CycleState::Open,
        is_closed: cycle.state == CycleState::Closed,
        intention: cycle.intention.clone(),
        focus: focus_lines(&goals, &cycle.focus_goals),
        timeline,
        framings,
        keeper,
        error,
        page: page.named(&cycle.name),
    })
}

fn focus_lines(goals: &GoalTree, focus: &[GoalId]) -> Vec<(String, String)> {
    focus
        .iter()
        .filter_map(|id| goals.get(*id))
        .map(|g| (g.id.to_string(), g.title.clone()))
        .collect()
}

pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let cycle = visible_cycle(&user, &id)?;
    render(cycle_view(&state, &user, page, &cycle, None).await?)
}

/// The cycle form as typed. Read from raw pairs because goals and follow-up dates repeat.
#[derive(Default)]
pub struct CycleForm {
    name: String,
    intention: String,
    preparation_opens: String,
    conversations_from: String,
    conversations_to: String,
    follow_ups: Vec<String>,
    evaluation: String,
    goals: Vec<String>,
    question_set: String,
}

impl CycleForm {
    fn from_pairs(pairs: Vec<(String, String)>) -> CycleForm {
        let mut form = CycleForm::default();
        for (key, value) in pairs {
            match key.as_str() {
                "name" => form.name = value,
                "intention" => form.intention = value,
                "preparation_opens" => form.preparation_opens = value,
                "conversations_from" => form.conversations_from = value,
                "conversations_to" => form.conversations_to = value,
                "evaluation" => form.evaluation = value,
                "follow_up" => form.follow_ups.push(value),
                "goal" => form.goals.push(value),
                "question_set" => form.question_set = value,
                _ => {}
            }
        }
        form
    }

    fn of(cycle: &Cycle) -> CycleForm {
        let tl = &cycle.timeline;
        CycleForm {
            name: cycle.name.clone(),
            intention: cycle.intention.clone(),
            preparation_opens: tl.preparation_opens().to_string(),
            conversations_from: tl.conversations_from().to_string(),
            conversations_to: tl.conversations_to().to_string(),
            follow_ups: tl.follow_ups().iter().map(|d| d.to_string()).collect(),
            evaluation: tl.evaluation().to_string(),
            goals: cycle.focus_goals.iter().map(|g| g.to_string()).collect(),
            question_set: cycle
                .question_set
                .map(|q| q.to_string())
                .unwrap_or_default(),
        }
    }

    /// Name, intention, timeline and focus goals, or what is wrong with them.
    fn read(&self, goals: &GoalTree, sets: &[QuestionSet]) -> Result<CyclePlan, CycleError> {
        let (name, intention) = cycle_text(&self.name, &self.intention)?;
        let date = |raw: &str| parse_date(raw).map_err(|_| CycleError::BadDate);
        let follow_ups = self
            .follow_ups
            .iter()
            .filter(|d| !d.trim().is_empty())
            .map(|d| date(d))
            .collect::<Result<Vec<_>, _>>()?;
        let timeline = Timeline::new(
            date(&self.preparation_opens)?,
            date(&self.conversations_from)?,
            date(&self.conversations_to)?,
            follow_ups,
            date(&self.evaluation)?,
        )?;
        let ids = self
            .goals
            .iter()
            .map(|g| g.parse::<GoalId>().map_err(|_| CycleError::UnusableGoal))
            .collect::<Result<Vec<_>, _>>()?;
        let question_set = if self.question_set.is_empty() {
            None
        } else {
            let id: QuestionSetId = self
                .question_set
                .parse()
                .map_err(|_| CycleError::UnknownQuestionSet)?;
            if !sets.iter().any(|s| s.id == id) {
                return Err(CycleError::UnknownQuestionSet);
            }
            Some(id)
        };
        Ok(CyclePlan {
            name,
            intention,
            timeline,
            focus_goals: check_focus(goals, &ids)?,
            question_set,
        })
    }

    /// Three follow-up fields, filled in as far as there are dates.
    fn follow_up_fields(&self) -> Vec<String> {
        let mut fields = self.follow_ups.clone();
        fields.resize(fields.len().max(3), String::new());
        fields
    }
}

#[derive(Template)]
#[template(path = "cycle_form.html")]
struct CycleFormView {
    page: Page,
    id: Option<String>,
    /// Once open, the intention and focus goals are fixed.
    locked: bool,
    form: CycleForm,
    follow_ups: Vec<String>,
    goals: Vec<(String, String, bool)>,
    sets: Vec<(String, String)>,
    error: Option<String>,
}

/// What the cycle form offers to choose from: the organisation's goals and question sets.
struct Choices {
    goals: Arc<GoalTree>,
    sets: Vec<QuestionSet>,
}

async fn choices(state: &AppState, user: &CurrentUser) -> AppResult<Choices> {
    Ok(Choices {
        goals: state.db.goal_tree_at(user.org.id, user.revisions).await?,
        sets: state.db.question_sets(user.org.id).await?,
    })
}

fn form_view(
    page: Page,
    choices: &Choices,
    id: Option<CycleId>,
    locked: bool,
    form: CycleForm,
    error: Option<String>,
) -> CycleFormView {
    let goals = choices
        .goals
        .walk()
        .into_iter()
        .filter(|(_, g)| !g.retired || form.goals.contains(&g.id.to_string()))
        .map(|(depth, g)| {
            let id = g.id.to_string();
            let checked = form.goals.contains(&id);
            (
                id,
                format!("{}{}", "\u{a0}\u{a0}\u{a0}".repeat(depth), g.title),
                checked,
            )
        })
        .collect();
    let sets = choices
        .sets
        .iter()
        .map(|s| {
            (
                s.id.to_string(),
                page.t.with(
                    "question-set-with-version",
                    &[
                        ("name", s.name.clone()),
                        ("version", s.current.number.to_string()),
                    ],
                ),
            )
        })
        .collect();
    CycleFormView {
        page,
        id: id.map(|i| i.to_string()),
        locked,
        follow_ups: form.follow_up_fields(),
        form,
        goals,
        sets,
        error,
    }
}

pub async fn new_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
) -> AppResult<Response> {
    require_keeper(&user)?;
    let choices = choices(&state, &user).await?;
    // Most cycles use the organisation's one question set; offer it from the start.
    let form = CycleForm {
        question_set: choices
            .sets
            .first()
            .map(|s| s.id.to_string())
            .unwrap_or_default(),
        ..CycleForm::default()
    };
    render(form_view(
        page.titled("cycle-new-title"),
        &choices,
        None,
        false,
        form,
        None,
    ))
}

pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    require_keeper(&user)?;
    let form = CycleForm::from_pairs(pairs);
    let choices = choices(&state, &user).await?;
    let others = user.cycles.to_vec();
    match form
        .read(&choices.goals, &choices.sets)
        .and_then(|plan| Cycle::name_free(&plan.name, &others, None).map(|_| plan))
    {
        Ok(plan) => {
            let cycle = plan.into_draft(user.org.id);
            state.db.insert_cycle(&cycle).await?;
            audit_by(&state.db, &user, AuditKind::CycleCreated, &cycle.name, "").await?;
            Ok(Redirect::to(&format!("/cycles/{}?done=done-created", cycle.id)).into_response())
        }
        Err(error) => {
            let message = Some(page.t.get(error.message_key()));
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                form_view(
                    page.titled("cycle-new-title"),
                    &choices,
                    None,
                    false,
                    form,
                    message,
                ),
            )
        }
    }
}

pub async fn edit_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
) -> AppResult<Response> {
    require_keeper(&user)?;
    let cycle = visible_cycle(&user, &id)?;
    if cycle.state == CycleState::Closed {
        return Err(AppError::BadRequest(CycleError::Closed.message_key()));
    }
    let choices = choices(&state, &user).await?;
    let locked = cycle.state != CycleState::Draft;
    render(form_view(
        page.named(&cycle.name),
        &choices,
        Some(cycle.id),
        locked,
        CycleForm::of(&cycle),
        None,
    ))
}

pub async fn update(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    require_keeper(&user)?;
    let cycle = visible_cycle(&user, &id)?;
    let choices = choices(&state, &user).await?;
    let mut form = CycleForm::from_pairs(pairs);
    let locked = cycle.state != CycleState::Draft;
    if locked {
        // The form does not offer what is fixed; keep it as it is.
        form.intention = cycle.intention.clone();
        form.goals = cycle.focus_goals.iter().map(|g| g.to_string()).collect();
    }
    let others = user.cycles.to_vec();
    match form
        .read(&choices.goals, &choices.sets)
        .and_then(|plan| Cycle::name_free(&plan.name, &others, Some(cycle.id)).map(|_| plan))
        .and_then(|plan| cycle.edit(plan))
    {
        Ok(edited) => {
            state.db.update_cycle(&edited).await?;
            audit_by(&state.db, &user, AuditKind::CycleChanged, &edited.name, "").await?;
            Ok(Redirect::to(&format!("/cycles/{}?done=done-saved", cycle.id)).into_response())
        }
        Err(error) => {
            let message = Some(page.t.get(error.message_key()));
            let status = if error == CycleError::Closed {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            render_status(
                status,
                form_view(
                    page.named(&cycle.name),
                    &choices,
                    Some(cycle.id),
                    locked,
                    form,
                    message,
                ),
            )
        }
    }
}

#[derive(serde::Deserialize)]
pub struct StateForm {
    #[serde(default)]
    to: String,
}

/// Opens or closes a cycle.
pub async fn change_state(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
    Form(form): Form<StateForm>,
) -> AppResult<Response> {
    require_keeper(&user)?;
    let cycle = visible_cycle(&user, &id)?;
    let to: CycleState = form
        .to
        .parse()
        .map_err(|_| AppError::BadRequest("error-cycle-state"))?;
    let another_open = state
        .db
        .open_cycle(user.org.id)
        .await?
        .is_some_and(|c| c.id != cycle.id);
    let result = match cycle.transition(to, another_open) {
        Ok(next) => match state.db.update_cycle(&next).await {
            Ok(()) => Ok(next),
            Err(StorageError::Conflict) => Err(CycleError::AnotherOpen),
            Err(other) => return Err(other.into()),
        },
        Err(error) => Err(error),
    };
    match result {
        Ok(next) => {
            audit_by(
                &state.db,
                &user,
                AuditKind::CycleStateChanged,
                &next.name,
                next.state.as_str(),
            )
            .await?;
            Ok(Redirect::to(&format!("/cycles/{}?done=done-saved", cycle.id)).into_response())
        }
        Err(error) => {
            let message = Some(page.t.get(error.message_key()));
            render_status(
                StatusCode::CONFLICT,
                cycle_view(&state, &user, page, &cycle, message).await?,
            )
        }
    }
}

#[derive(serde::Deserialize)]
pub struct FramingForm {
    #[serde(default)]
    unit: String,
    #[serde(default)]
    text: String,
}

/// The leadership marks a few of the question set's questions as this year's focus.
pub async fn mark_focus_questions(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let cycle = visible_cycle(&user, &id)?;
    if !user.actor.keeps_strategy() {
        return Err(AppError::Forbidden);
    }
    if cycle.state == CycleState::Closed {
        return Err(AppError::Conflict("error-cycle-closed"));
    }
    let set = cycle
        .question_set
        .ok_or(AppError::BadRequest("error-prep-no-questions"))?;
    let current = state.db.question_set(user.org.id, set).await?.current;
    let positions = fields
        .iter()
        .filter(|(k, _)| k == "q")
        .filter_map(|(_, v)| v.parse().ok())
        .collect();
    let Some(focus) = Focus::new(&current, positions) else {
        let message = Some(page.t.with(
            "error-focus-too-many",
            &[("max", MAX_FOCUS_QUESTIONS.to_string())],
        ));
        return render_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            cycle_view(&state, &user, page, &cycle, message).await?,
        );
    };
    state.db.set_focus_questions(cycle.id, Some(&focus)).await?;
    Ok(Redirect::to(&format!("/cycles/{}?done=done-saved", cycle.id)).into_response())
}

/// A leader writes how the cycle's intention applies to one of their units.
pub async fn frame(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
    Form(form): Form<FramingForm>,
) -> AppResult<Response> {
    let cycle = visible_cycle(&user, &id)?;
    let unit: UnitId = form
        .unit
        .parse()
        .map_err(|_| AppError::BadRequest("error-unit-unknown"))?;
    let text = form.text.trim();
    let problem = match cycle.check_framing(&user.actor, unit) {
        Err(error) => Some(error),
        Ok(()) if text.chars().count() > 5000 => Some(CycleError::TooLong),
        Ok(()) => None,
    };
    if let Some(error) = problem {
        let status = match error {
            CycleError::NotYourUnit => StatusCode::FORBIDDEN,
            CycleError::TooLong => StatusCode::UNPROCESSABLE_ENTITY,
            _ => StatusCode::CONFLICT,
        };
        let message = Some(page.t.get(error.message_key()));
        return render_status(
            status,
            cycle_view(&state, &user, page, &cycle, message).await?,
        );
    }
    state
        .db
        .set_framing(
            &Framing {
                cycle_id: cycle.id,
                unit_id: unit,
                text: text.to_owned(),
            },
            user.person.id,
        )
        .await?;
    Ok(Redirect::to(&format!("/cycles/{}?done=done-saved#framing", cycle.id)).into_response())
}
