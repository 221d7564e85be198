//! Scheduling the cycle's conversations: the overview of where each conversation stands, the
//! conversation page with the leader's appointment and the employee's counter-proposal, and
//! the calendar invitation.

use crate::error::{AppError, AppResult};
use crate::forms::{Form, parse_id};
use crate::i18n::Tr;
use crate::page::Page;
use crate::pages::cycles::visible_cycle;
use crate::pages::paging::{PER_PAGE, Paging};
use crate::pages::view::names_of;
use crate::pages::{render, render_status};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use domain::calendar::{InvitationText, Party, invitation};
use domain::conversation::{Conversation, Schedule, ScheduleError, Stage, local_input};
use domain::cycle::{Cycle, CycleState};
use domain::org::UnitTree;
use domain::person::Person;
use domain::preparation::Side;
use domain::{ConversationId, PersonId, UnitId};
use serde::Deserialize;
use std::collections::HashMap;
use storage::{Reach, Staff, now};

/// What the user may do with one person's conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    /// The employee themself.
    Employee,
    /// A leader of the employee: may schedule.
    Leader,
    /// The leadership group or HR: may look.
    Observer,
}

/// Whether the user may open this person's conversation page at all.
pub(crate) fn may_open(user: &CurrentUser, employee: &Person, tree: &UnitTree) -> bool {
    part(user, employee, tree).is_some()
}

fn part(user: &CurrentUser, employee: &Person, tree: &UnitTree) -> Option<Part> {
    if employee.org_id != user.org.id {
        None
    } else if employee.id == user.person.id {
        Some(Part::Employee)
    } else if user.actor.leads_person(employee, tree) {
        Some(Part::Leader)
    } else if user.actor.keeps_strategy() {
        Some(Part::Observer)
    } else {
        None
    }
}

pub(crate) fn stage_label(t: &Tr, stage: Stage) -> String {
    t.get(&format!("stage-{}", stage.as_str()))
}

/// How many conversations stand at each stage, every stage in order, as (label, count).
pub(crate) fn stage_counts(t: &Tr, counts: &HashMap<Stage, usize>) -> Vec<(String, usize)> {
    Stage::ALL
        .iter()
        .map(|s| (stage_label(t, *s), counts.get(s).copied().unwrap_or(0)))
        .collect()
}

struct OverviewLine {
    person_id: String,
    name: String,
    unit: String,
    stage: String,
    when: String,
    host: String,
}

#[derive(Template)]
#[template(path = "cycle_overview.html")]
struct OverviewView {
    page: Page,
    cycle_id: String,
    cycle_name: String,
    counts: Vec<(String, usize)>,
    /// The stages' names, as columns of the table per unit.
    stages: Vec<String>,
    /// Per unit (as its path in the tree): how many conversations stand at each stage.
    per_unit: Vec<(String, Vec<usize>)>,
    /// This page of the people, by unit and name.
    lines: Vec<OverviewLine>,
    paging: Paging,
}

#[derive(Deserialize)]
pub struct OverviewQuery {
    #[serde(default)]
    page: Option<usize>,
}

/// Where each conversation of the cycle stands: the leader sees their people, the leadership
/// group and HR everyone.
pub async fn overview(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
    Query(query): Query<OverviewQuery>,
) -> AppResult<Response> {
    let cycle = visible_cycle(&user, &id)?;
    let org = user.org.id;
    let tree = user.units.clone();
    let led = user.led_subtree();
    let staff = if user.actor.keeps_strategy() {
        Staff::Organisation
    } else if user.actor.is_leader() {
        Staff::LedBy {
            leader: user.person.id,
            units: &led,
        }
    } else {
        return Err(AppError::Forbidden);
    };
    let t = page.t;
    // Counted by the database over everyone; only the page shown is read and dressed.
    let mut counts: HashMap<Stage, usize> = HashMap::new();
    let mut per_unit: HashMap<UnitId, [usize; Stage::ALL.len()]> = HashMap::new();
    for count in state.db.stages_per_unit(org, cycle.id, staff).await? {
        *counts.entry(count.stage).or_default() += count.people;
        per_unit.entry(count.unit).or_default()[Stage::ALL
            .iter()
            .position(|s| *s == count.stage)
            .unwrap_or(0)] += count.people;
    }
    // Units by their path from the top, then people by name.
    let mut per_unit: Vec<(String, UnitId, [usize; Stage::ALL.len()])> = per_unit
        .into_iter()
        .map(|(unit, n)| {
            let path = tree
                .path(unit)
                .iter()
                .map(|u| u.name.as_str())
                .collect::<Vec<_>>();
            (path.join(" › "), unit, n)
        })
        .collect();
    per_unit.sort();
    // HR's overview is the whole organisation: a page of it at a time, read from the units
    // its lines fall in.
    let number = Paging::number(query.page);
    let offset = Paging::offset(number);
    let (mut before, mut skip, mut units) = (0, 0, Vec::new());
    for (_, unit, n) in &per_unit {
        let size: usize = n.iter().sum();
        if before + size > offset && before < offset + PER_PAGE {
            if units.is_empty() {
                skip = offset - before;
            }
            units.push(*unit);
        }
        before += size;
    }
    let mut people = state.db.staff_in(org, staff, &units).await?;
    people.sort_by(|a, b| {
        let rank = |p: &Person| units.iter().position(|u| *u == p.unit_id);
        rank(a).cmp(&rank(b)).then(a.name.cmp(&b.name))
    });
    let shown: Vec<Person> = people.into_iter().skip(skip).take(PER_PAGE).collect();
    let paging = Paging::new(
        number,
        before,
        shown.len(),
        format!("/cycles/{}/overview?", cycle.id),
    );
    let ids: Vec<PersonId> = shown.iter().map(|p| p.id).collect();
    let (conversations, marks) = if ids.is_empty() {
        (HashMap::new(), HashMap::new())
    } else {
        let reach = Reach::Employees(&ids);
        let conversations: HashMap<PersonId, Conversation> = state
            .db
            .conversations(org, cycle.id, reach)
            .await?
            .into_iter()
            .map(|c| (c.employee_id, c))
            .collect();
        let marks = state
            .db
            .conversation_marks(org, Some(cycle.id), reach)
            .await?;
        (conversations, marks)
    };
    let shown: Vec<(&Person, Option<&Conversation>, Stage)> = shown
        .iter()
        .map(|p| {
            let conversation = conversations.get(&p.id);
            let stage = conversation.map_or(Stage::NotScheduled, |c| {
                c.stage(marks.get(&c.id).copied().unwrap_or_default())
            });
            (p, conversation, stage)
        })
        .collect();
    let names = names_of(
        &state.db,
        org,
        shown.iter().filter_map(|(_, c, _)| c.map(|c| c.leader_id)),
    )
    .await?;
    let lines = shown
        .into_iter()
        .map(|(p, conversation, stage)| OverviewLine {
            person_id: p.id.to_string(),
            name: p.name.clone(),
            unit: tree
                .get(p.unit_id)
                .map(|u| u.name.clone())
                .unwrap_or_default(),
            stage: if conversation
                .is_some_and(|c| c.proposal.is_some() && stage == Stage::Scheduled)
            {
                format!(
                    "{} · {}",
                    stage_label(&t, stage),
                    t.get("overview-proposal-waiting")
                )
            } else {
                stage_label(&t, stage)
            },
            when: conversation
                .and_then(|c| c.schedule.as_ref())
                .filter(|_| stage != Stage::Cancelled)
                .map(|s| t.datetime(&s.starts_at))
                .unwrap_or_default(),
            host: conversation
                .and_then(|c| names.get(&c.leader_id).cloned())
                .unwrap_or_default(),
        })
        .collect();
    render(OverviewView {
        paging,
        cycle_id: cycle.id.to_string(),
        cycle_name: cycle.name.clone(),
        counts: stage_counts(&t, &counts),
        stages: Stage::ALL.iter().map(|s| stage_label(&t, *s)).collect(),
        per_unit: per_unit
            .into_iter()
            .map(|(path, _, n)| (path, n.to_vec()))
            .collect(),
        lines,
        page: page.titled("overview-title"),
    })
}

/// The schedule form as typed.
#[derive(Deserialize, Default)]
pub struct ScheduleForm {
    #[serde(default)]
    starts_at: String,
    #[serde(default)]
    duration: String,
    #[serde(default)]
    place: String,
    #[serde(default)]
    video_link: String,
    #[serde(default)]
    agenda_note: String,
    #[serde(default)]
    preparation_deadline: String,
}

impl ScheduleForm {
    fn of(conversation: Option<&Conversation>, cycle: &Cycle) -> ScheduleForm {
        match conversation.and_then(|c| c.schedule.as_ref()) {
            Some(s) => ScheduleForm {
                starts_at: local_input(&s.starts_at),
                duration: s.duration_minutes.to_string(),
                place: s.place.clone(),
                video_link: s.video_link.clone().unwrap_or_default(),
                agenda_note: s.agenda_note.clone(),
                preparation_deadline: s.preparation_deadline.to_string(),
            },
            None => ScheduleForm {
                starts_at: format!("{}T09:00", cycle.timeline.conversations_from()),
                duration: "60".into(),
                preparation_deadline: cycle.timeline.conversations_from().to_string(),
                ..ScheduleForm::default()
            },
        }
    }
}

#[derive(Template)]
#[template(path = "conversation.html")]
struct ConversationView {
    page: Page,
    cycle_id: String,
    cycle_name: String,
    person_id: String,
    employee: String,
    conversation_id: Option<String>,
    stage: String,
    cancelled: bool,
    schedule: Option<ScheduleLines>,
    proposal: Option<(String, String)>,
    host: String,
    can_schedule: bool,
    can_propose: bool,
    /// When the conversation was held, if it was.
    held: Option<String>,
    /// The leader holding a live conversation may mark it as held.
    can_hold: bool,
    /// The employee and the leader holding the conversation prepare it.
    can_prepare: bool,
    /// HR may read what the employee shared with it.
    hr_can_read: bool,
    /// The agenda, for the two parties: (id, who added it, text, added by the viewer).
    agenda: Vec<(String, String, String, bool)>,
    is_party: bool,
    form: ScheduleForm,
    error: Option<String>,
}

struct ScheduleLines {
    when: String,
    duration: usize,
    place: String,
    video_link: String,
    agenda_note: String,
    deadline: String,
}

struct Loaded {
    viewer: PersonId,
    viewer_is_hr: bool,
    cycle: Cycle,
    employee: Person,
    part: Part,
    conversation: Option<Conversation>,
}

async fn load(
    state: &AppState,
    user: &CurrentUser,
    cycle: &str,
    person: &str,
) -> AppResult<Loaded> {
    let cycle = visible_cycle(user, cycle)?;
    let employee = state.db.person(user.org.id, parse_id(person)?).await?;
    let tree = user.units.clone();
    let part = part(user, &employee, &tree).ok_or(AppError::NotFound)?;
    let conversation = state
        .db
        .conversation_of(user.org.id, cycle.id, employee.id)
        .await?;
    Ok(Loaded {
        viewer: user.person.id,
        viewer_is_hr: user.actor.granted.hr,
        cycle,
        employee,
        part,
        conversation,
    })
}

async fn conversation_view(
    state: &AppState,
    page: Page,
    loaded: &Loaded,
    form: Option<ScheduleForm>,
    error: Option<String>,
) -> AppResult<ConversationView> {
    let t = page.t;
    let c = loaded.conversation.as_ref();
    let host = match c {
        Some(c) => {
            state
                .db
                .person(loaded.cycle.org_id, c.leader_id)
                .await?
                .name
        }
        None => String::new(),
    };
    let stage = match c {
        Some(c) => c.stage(state.db.marks(c.id).await?),
        None => Stage::NotScheduled,
    };
    let open = loaded.cycle.state == CycleState::Open;
    let held = c.is_some_and(|c| c.held_at.is_some());
    let live = c.is_some_and(|c| c.schedule.is_some() && !c.cancelled);
    let viewer_side = party_side(loaded);
    let agenda = match (c, viewer_side) {
        (Some(c), Some(side)) => state
            .db
            .agenda(c.id)
            .await?
            .into_iter()
            .map(|p| {
                let who = if p.side == Side::Employee {
                    loaded.employee.name.clone()
                } else {
                    host.clone()
                };
                (p.id.to_string(), who, p.text, p.side == side)
            })
            .collect(),
        _ => Vec::new(),
    };
    Ok(ConversationView {
        cycle_id: loaded.cycle.id.to_string(),
        cycle_name: loaded.cycle.name.clone(),
        person_id: loaded.employee.id.to_string(),
        employee: loaded.employee.name.clone(),
        conversation_id: c.map(|c| c.id.to_string()),
        stage: stage_label(&t, stage),
        cancelled: c.is_some_and(|c| c.cancelled),
        schedule: c.and_then(|c| c.schedule.as_ref()).map(|s| ScheduleLines {
            when: t.datetime(&s.starts_at),
            duration: s.duration_minutes as usize,
            place: s.place.clone(),
            video_link: s.video_link.clone().unwrap_or_default(),
            agenda_note: s.agenda_note.clone(),
            deadline: t.date(s.preparation_deadline),
        }),
        proposal: c
            .and_then(|c| c.proposal.as_ref())
            .map(|p| (t.datetime(&p.starts_at), p.note.clone())),
        host,
        can_schedule: open && !held && loaded.part == Part::Leader,
        can_propose: open && live && !held && loaded.part == Part::Employee,
        held: c.and_then(|c| c.held_at).map(|at| t.datetime(&at)),
        can_hold: open && live && !held && viewer_side == Some(Side::Leader),
        can_prepare: live && viewer_side.is_some(),
        hr_can_read: match c {
            Some(c) if loaded.part == Part::Observer && loaded.viewer_is_hr => {
                !state.db.hr_shares(c.id).await?.is_empty()
            }
            _ => false,
        },
        agenda,
        is_party: open && live && viewer_side.is_some(),
        form: form.unwrap_or_else(|| ScheduleForm::of(c, &loaded.cycle)),
        error,
        page: page.named(&loaded.employee.name),
    })
}

pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path((cycle, person)): Path<(String, String)>,
) -> AppResult<Response> {
    let loaded = load(&state, &user, &cycle, &person).await?;
    render(conversation_view(&state, page, &loaded, None, None).await?)
}

/// Shows the page again with what went wrong.
async fn refuse(
    state: &AppState,
    page: Page,
    loaded: &Loaded,
    form: Option<ScheduleForm>,
    error: ScheduleError,
) -> AppResult<Response> {
    let status = match error {
        ScheduleError::CycleNotOpen
        | ScheduleError::Cancelled
        | ScheduleError::NotScheduled
        | ScheduleError::NoProposal => StatusCode::CONFLICT,
        _ => StatusCode::UNPROCESSABLE_ENTITY,
    };
    let message = Some(page.t.get(error.message_key()));
    render_status(
        status,
        conversation_view(state, page, loaded, form, message).await?,
    )
}

fn back(loaded: &Loaded, done: &str) -> Response {
    Redirect::to(&format!(
        "/cycles/{}/people/{}?done={done}",
        loaded.cycle.id, loaded.employee.id
    ))
    .into_response()
}

/// The leader sets or changes the appointment.
pub async fn schedule(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path((cycle, person)): Path<(String, String)>,
    Form(form): Form<ScheduleForm>,
) -> AppResult<Response> {
    let loaded = load(&state, &user, &cycle, &person).await?;
    if loaded.part != Part::Leader {
        return Err(AppError::Forbidden);
    }
    let parsed = Schedule::parse(
        &loaded.cycle,
        &form.starts_at,
        &form.duration,
        &form.place,
        &form.video_link,
        &form.agenda_note,
        &form.preparation_deadline,
    );
    let current = loaded
        .conversation
        .clone()
        .unwrap_or_else(|| Conversation::new(&loaded.cycle, loaded.employee.id, user.person.id));
    match parsed.and_then(|s| current.schedule(&loaded.cycle, s)) {
        Ok(next) => {
            state.db.save_conversation(&next).await?;
            Ok(back(&loaded, "done-scheduled"))
        }
        Err(error) => refuse(&state, page, &loaded, Some(form), error).await,
    }
}

/// Which of the two parties the viewer is, if either: the employee, or the leader holding it.
fn party_side(loaded: &Loaded) -> Option<Side> {
    let c = loaded.conversation.as_ref()?;
    if loaded.part == Part::Employee {
        Some(Side::Employee)
    } else if c.leader_id == loaded.viewer {
        Some(Side::Leader)
    } else {
        None
    }
}

#[derive(Deserialize)]
pub struct AgendaForm {
    #[serde(default)]
    text: String,
}

/// Either party adds a point to the agenda.
pub async fn add_agenda(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(form): Form<AgendaForm>,
) -> AppResult<Response> {
    let loaded = by_id(&state, &user, &id).await?;
    let side = party_side(&loaded).ok_or(AppError::NotFound)?;
    let conversation = loaded.conversation.as_ref().ok_or(AppError::NotFound)?;
    let text = form.text.trim();
    if text.is_empty() || text.chars().count() > 300 {
        return Err(AppError::BadRequest("error-agenda-text"));
    }
    if state.db.agenda(conversation.id).await?.len() >= 30 {
        return Err(AppError::BadRequest("error-agenda-full"));
    }
    state
        .db
        .add_agenda_point(conversation.id, side, text)
        .await?;
    Ok(back(&loaded, "done-saved"))
}

/// Either party removes a point they added themselves.
pub async fn remove_agenda(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, point)): Path<(String, String)>,
) -> AppResult<Response> {
    let loaded = by_id(&state, &user, &id).await?;
    let side = party_side(&loaded).ok_or(AppError::NotFound)?;
    let conversation = loaded.conversation.as_ref().ok_or(AppError::NotFound)?;
    state
        .db
        .remove_agenda_point(conversation.id, side, parse_id(&point)?)
        .await?;
    Ok(back(&loaded, "done-saved"))
}

/// The conversation by id, with the user's part in it.
async fn by_id(state: &AppState, user: &CurrentUser, id: &str) -> AppResult<Loaded> {
    let conversation = state
        .db
        .conversation(user.org.id, parse_id::<ConversationId>(id)?)
        .await?;
    load(
        state,
        user,
        &conversation.cycle_id.to_string(),
        &conversation.employee_id.to_string(),
    )
    .await
}

#[derive(Deserialize)]
pub struct ProposeForm {
    #[serde(default)]
    starts_at: String,
    #[serde(default)]
    note: String,
}

/// The employee proposes another time.
pub async fn propose(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
    Form(form): Form<ProposeForm>,
) -> AppResult<Response> {
    let loaded = by_id(&state, &user, &id).await?;
    if loaded.part != Part::Employee {
        return Err(AppError::Forbidden);
    }
    let current = loaded.conversation.clone().ok_or(AppError::NotFound)?;
    match current.propose(&loaded.cycle, &form.starts_at, &form.note) {
        Ok(next) => {
            state.db.save_conversation(&next).await?;
            Ok(back(&loaded, "done-proposed"))
        }
        Err(error) => refuse(&state, page, &loaded, None, error).await,
    }
}

/// The leader accepts or declines the employee's proposal, or cancels the conversation.
pub async fn decide(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path((id, action)): Path<(String, String)>,
) -> AppResult<Response> {
    let loaded = by_id(&state, &user, &id).await?;
    if loaded.part != Part::Leader {
        return Err(AppError::Forbidden);
    }
    let current = loaded.conversation.clone().ok_or(AppError::NotFound)?;
    let (next, done) = match action.as_str() {
        "accept" => (current.accept_proposal(&loaded.cycle), "done-accepted"),
        "decline" => (current.decline_proposal(&loaded.cycle), "done-declined"),
        "cancel" => (current.cancel(&loaded.cycle), "done-cancelled"),
        // Only the leader holding the conversation can say it was held.
        "held" if current.leader_id == loaded.viewer => {
            (current.hold(&loaded.cycle, now()), "done-held")
        }
        _ => return Err(AppError::NotFound),
    };
    match next {
        Ok(next) => {
            state.db.save_conversation(&next).await?;
            Ok(back(&loaded, done))
        }
        Err(error) => refuse(&state, page, &loaded, None, error).await,
    }
}

/// The calendar invitation (or cancellation), for the two parties and the employee's leaders.
pub async fn ics(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let loaded = by_id(&state, &user, &id).await?;
    let conversation = loaded.conversation.as_ref().ok_or(AppError::NotFound)?;
    let leader = state.db.person(user.org.id, conversation.leader_id).await?;
    let t = page.t;
    let schedule = conversation.schedule.as_ref().ok_or(AppError::NotFound)?;
    let text = InvitationText {
        summary: t.with(
            "invitation-summary",
            &[
                ("employee", loaded.employee.name.clone()),
                ("leader", leader.name.clone()),
            ],
        ),
        description: t.with(
            "invitation-description",
            &[
                ("cycle", loaded.cycle.name.clone()),
                ("deadline", t.date(schedule.preparation_deadline)),
                ("agenda", schedule.agenda_note.clone()),
            ],
        ),
    };
    let party = |p: &Person| Party {
        name: p.name.clone(),
        email: p.email.to_string(),
    };
    let body = invitation(
        conversation,
        &text,
        &party(&leader),
        &party(&loaded.employee),
        now(),
    )
    .ok_or(AppError::NotFound)?;
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8; method=REQUEST".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"mus-{}.ics\"",
                    schedule
                        .starts_at
                        .with_timezone(&domain::conversation::TIME_ZONE)
                        .format("%Y-%m-%d")
                ),
            ),
        ],
        body,
    )
        .into_response())
}

/// The user's own conversation in the open cycle, for the home page: (cycle id, when, place).
pub async fn own_appointment(
    state: &AppState,
    user: &CurrentUser,
    cycle: &Cycle,
    t: &Tr,
) -> AppResult<Option<String>> {
    let conversation = state
        .db
        .conversation_of(user.org.id, cycle.id, user.person.id)
        .await?;
    Ok(conversation.filter(|c| !c.cancelled).and_then(|c| {
        if let Some(held) = c.held_at {
            return Some(t.with("home-conversation-held", &[("when", t.datetime(&held))]));
        }
        let s = c.schedule?;
        let place = if s.place.is_empty() {
            s.video_link.clone().unwrap_or_default()
        } else {
            s.place.clone()
        };
        // A time gone by without the conversation marked held says so.
        let key = if s.starts_at < now() {
            "home-conversation-overdue"
        } else {
            "home-your-conversation"
        };
        Some(t.with(key, &[("when", t.datetime(&s.starts_at)), ("place", place)]))
    }))
}
