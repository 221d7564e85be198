//! The development agreement and the conversation's shared notes: written by both parties,
//! signed by both once the conversation is held, and changed after that only by amendments the
//! other party answers.

use crate::error::{AppError, AppResult};
use crate::forms::Form;
use crate::i18n::Tr;
use crate::page::Page;
use crate::pages::party::Party;
use crate::pages::terms::{CommitmentView, GoalView, LastYear, Names, terms_view};
use crate::pages::{render, render_status};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::agreement::{
    Action, ActionKind, Agreement, AgreementError, Amendment, Commitment, CommitmentKind, Decision,
    Edit, GoalText, Priority, Progress, Terms,
};
use domain::followup::{FollowUp, plan};
use domain::person::Person;
use domain::preparation::Side;
use domain::progress::{ProgressUpdate, read_note};
use domain::sharing::Part;
use domain::{CompetenceId, GoalId, ItemId, PersonId};
use storage::{StorageError, now, today};

/// Everything the page shows besides the agreement itself.
struct Context {
    party: Party,
    agreement: Agreement,
    /// The strategy, the catalogue and the owners' names.
    names: Names,
    /// Who may own an action or a commitment: the two parties and their colleagues.
    owners: Vec<Person>,
    notes: (String, u32),
    last_year: Option<LastYear>,
    /// The parts the employee shares with HR.
    hr_shares: Vec<Part>,
    /// Every report on the agreement's actions and commitments.
    reports: Vec<ProgressUpdate>,
    follow_ups: Vec<FollowUp>,
}

async fn context(state: &AppState, user: &CurrentUser, id: &str) -> AppResult<Context> {
    let party = Party::load(state, user, id).await?;
    let org = user.org.id;
    let mut owners = state
        .db
        .people_led_by(
            org,
            party.leader.id,
            &[party.employee.unit_id, party.leader.unit_id],
        )
        .await?;
    owners.retain(|p| p.active && p.id != party.employee.id);
    owners.insert(0, party.leader.clone());
    owners.insert(0, party.employee.clone());
    let agreement = state
        .db
        .agreement(party.conversation.id)
        .await?
        .unwrap_or_else(|| Agreement::new(party.conversation.id));
    let reports = state.db.progress_history(party.conversation.id).await?;
    let mut names = Names::load(state, org, &[&agreement.terms], &reports).await?;
    names
        .people
        .extend(owners.iter().map(|p| (p.id, p.name.clone())));
    Ok(Context {
        follow_ups: state.db.follow_ups(party.conversation.id).await?,
        reports,
        hr_shares: state.db.hr_shares(party.conversation.id).await?,
        last_year: LastYear::load(state, &Tr::new(user.locale), &party.conversation).await?,
        agreement,
        names,
        notes: state.db.notes(party.conversation.id).await?,
        owners,
        party,
    })
}

/// What the user typed into the form that failed, to fill it in again.
#[derive(Default)]
struct Draft {
    fields: Vec<(String, String)>,
}

impl Draft {
    fn get(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }

    fn all(&self, name: &str) -> Vec<&str> {
        self.fields
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// A typed value, if the failed form was `op` (for goal `goal`, where it matters).
    fn value(&self, op: &str, goal: &str, name: &str) -> String {
        if self.get("op") == op && (goal.is_empty() || self.get("goal") == goal) {
            self.get(name).to_owned()
        } else {
            String::new()
        }
    }

    /// The failed form was `op` and ticked `value` for `name`.
    fn ticked(&self, op: &str, name: &str, value: &str) -> bool {
        self.get("op") == op && self.all(name).contains(&value)
    }

    /// The notes as typed, if saving them failed.
    fn notes(&self) -> Option<&str> {
        (self.get("op") == "notes").then(|| self.get("notes"))
    }
}

pub struct AmendmentView {
    pub what: String,
    pub by: String,
    pub at: String,
    pub answer: String,
    pub mine: bool,
}

#[derive(Template)]
#[template(path = "agreement.html")]
struct AgreementView<'a> {
    page: Page,
    id: String,
    back: String,
    revision: u32,
    goals: Vec<GoalView>,
    commitments: Vec<CommitmentView>,
    employee_name: String,
    leader_name: String,
    employee_signed: Option<String>,
    leader_signed: Option<String>,
    signed: bool,
    held: bool,
    /// The terms may be changed (directly, or by proposing an amendment once signed).
    can_change: bool,
    can_sign: bool,
    pending: Option<AmendmentView>,
    history: Vec<AmendmentView>,
    strategic_options: Vec<(String, String, bool)>,
    competence_options: Vec<(String, String)>,
    owners: Vec<(String, String)>,
    priorities: Vec<(&'static str, String)>,
    action_kinds: Vec<(&'static str, String)>,
    commitment_kinds: Vec<(&'static str, String)>,
    progresses: Vec<(&'static str, String)>,
    notes: String,
    notes_revision: u32,
    last_year: Option<&'a LastYear>,
    /// The follow-up meetings: (id, date, held when).
    follow_ups: Vec<(String, String, Option<String>)>,
    /// For the employee: what they share with HR, (part, label, shared).
    hr_share_choices: Vec<(&'static str, String, bool)>,
    /// Text typed into a form that is not shown any more (an amendment came in meanwhile).
    unsaved: Vec<String>,
    draft: Draft,
    error: Option<String>,
}

fn labels<T: Copy>(
    t: &Tr,
    prefix: &str,
    all: &[T],
    as_str: fn(T) -> &'static str,
) -> Vec<(&'static str, String)> {
    all.iter()
        .map(|v| (as_str(*v), t.get(&format!("{prefix}{}", as_str(*v)))))
        .collect()
}

/// Says in words what an amendment changes.
fn describe(t: &Tr, edit: &Edit, before: &Terms) -> String {
    let goal_title = |i: &usize| {
        before
            .goals
            .get(*i)
            .map(|g| g.text.title.clone())
            .unwrap_or_default()
    };
    let (key, args): (&str, Vec<(&str, String)>) = match edit {
        Edit::AddGoal(text) => (
            "agreement-edit-add-goal",
            vec![("title", text.title.clone())],
        ),
        Edit::ChangeGoal(i, text) => (
            "agreement-edit-change-goal",
            vec![("title", goal_title(i)), ("new", text.title.clone())],
        ),
        Edit::RemoveGoal(i) => ("agreement-edit-remove-goal", vec![("title", goal_title(i))]),
        Edit::AddAction(i, action) => (
            "agreement-edit-add-action",
            vec![("title", goal_title(i)), ("text", action.text.clone())],
        ),
        Edit::RemoveAction(i, a) => (
            "agreement-edit-remove-action",
            vec![
                ("title", goal_title(i)),
                (
                    "text",
                    before
                        .goals
                        .get(*i)
                        .and_then(|g| g.actions.get(*a))
                        .map(|a| a.text.clone())
                        .unwrap_or_default(),
                ),
            ],
        ),
        Edit::AddCommitment(c) => (
            "agreement-edit-add-commitment",
            vec![("text", c.text.clone())],
        ),
        Edit::RemoveCommitment(i) => (
            "agreement-edit-remove-commitment",
            vec![(
                "text",
                before
                    .commitments
                    .get(*i)
                    .map(|c| c.text.clone())
                    .unwrap_or_default(),
            )],
        ),
    };
    t.with(key, &args)
}

/// An amendment in words, with who proposed and answered it, between `employee` and `leader`;
/// `viewer` is the party reading it, if a party is.
pub fn amendment_view(
    t: &Tr,
    (employee, leader): (&str, &str),
    viewer: Option<Side>,
    a: &Amendment,
) -> AmendmentView {
    let name_of = |side: Side| match side {
        Side::Employee => employee.to_owned(),
        Side::Leader => leader.to_owned(),
    };
    let answer = match a.answer {
        None => String::new(),
        Some((decision, at)) => {
            let (key, answered_by) = match decision {
                Decision::Accepted => ("agreement-accepted-by", other(a.by)),
                Decision::Rejected => ("agreement-rejected-by", other(a.by)),
                Decision::Withdrawn => ("agreement-withdrawn-by", a.by),
            };
            t.with(
                key,
                &[("name", name_of(answered_by)), ("at", t.datetime(&at))],
            )
        }
    };
    AmendmentView {
        what: describe(t, &a.edit, &a.before),
        by: name_of(a.by),
        at: t.datetime(&a.at),
        answer,
        mine: viewer == Some(a.by),
    }
}

fn other(side: Side) -> Side {
    match side {
        Side::Employee => Side::Leader,
        Side::Leader => Side::Employee,
    }
}

fn view<'a>(page: Page, cx: &'a Context, draft: Draft, error: Option<String>) -> AgreementView<'a> {
    let t = page.t;
    let a = &cx.agreement;
    let (goals, commitments) = terms_view(&t, &a.terms, &cx.names, &cx.reports);
    let focus = &cx.party.cycle.focus_goals;
    let held = cx.party.conversation.held_at.is_some();
    let live = cx.party.live();
    let can_change = live && a.pending().is_none();
    let unsaved = if can_change {
        Vec::new()
    } else {
        ["title", "success", "text"]
            .into_iter()
            .map(|name| draft.get(name).trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect()
    };
    AgreementView {
        id: cx.party.conversation.id.to_string(),
        back: cx.party.conversation_page(),
        revision: a.revision,
        goals,
        commitments,
        employee_name: cx.party.employee.name.clone(),
        leader_name: cx.party.leader.name.clone(),
        employee_signed: a.employee_signed.map(|at| t.datetime(&at)),
        leader_signed: a.leader_signed.map(|at| t.datetime(&at)),
        signed: a.signed(),
        held,
        can_change,
        unsaved,
        can_sign: live && held && a.signed_by(cx.party.side).is_none() && !a.terms.goals.is_empty(),
        pending: a
            .pending()
            .map(|p| amendment_view(&t, cx.party.names(), Some(cx.party.side), p)),
        history: a
            .amendments
            .iter()
            .filter(|a| a.answer.is_some())
            .map(|p| amendment_view(&t, cx.party.names(), Some(cx.party.side), p))
            .collect(),
        strategic_options: cx
            .names
            .goals
            .walk()
            .into_iter()
            .filter(|(_, g)| !g.retired)
            .map(|(depth, g)| {
                (
                    g.id.to_string(),
                    format!("{}{}", "\u{a0}\u{a0}\u{a0}".repeat(depth), g.title),
                    focus.contains(&g.id),
                )
            })
            .collect(),
        competence_options: cx
            .names
            .competences
            .iter()
            .filter(|c| !c.retired)
            .map(|c| (c.id.to_string(), c.name.clone()))
            .collect(),
        owners: cx
            .owners
            .iter()
            .map(|p| (p.id.to_string(), p.name.clone()))
            .collect(),
        priorities: labels(&t, "agreement-priority-", Priority::ALL, Priority::as_str),
        action_kinds: labels(&t, "agreement-action-", ActionKind::ALL, ActionKind::as_str),
        commitment_kinds: labels(
            &t,
            "agreement-commitment-",
            CommitmentKind::ALL,
            CommitmentKind::as_str,
        ),
        progresses: labels(&t, "agreement-progress-", Progress::ALL, Progress::as_str),
        notes: draft
            .notes()
            .map_or_else(|| cx.notes.0.clone(), str::to_owned),
        notes_revision: cx.notes.1,
        last_year: cx.last_year.as_ref(),
        follow_ups: cx
            .follow_ups
            .iter()
            .map(|f| {
                (
                    f.id.to_string(),
                    t.date(f.due),
                    f.held_at.map(|at| t.datetime(&at)),
                )
            })
            .collect(),
        hr_share_choices: if cx.party.side == Side::Employee {
            Part::ALL
                .iter()
                .map(|p| {
                    (
                        p.as_str(),
                        t.get(&format!("share-hr-{}", p.as_str())),
                        cx.hr_shares.contains(p),
                    )
                })
                .collect()
        } else {
            Vec::new()
        },
        draft,
        error,
        page: page.titled("agreement-title"),
    }
}

pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let cx = context(&state, &user, &id).await?;
    render(view(page, &cx, Draft::default(), None))
}

/// Reads an index field; a missing or foreign one names nothing that is there.
fn index(draft: &Draft, name: &str) -> Result<usize, AgreementError> {
    draft
        .get(name)
        .parse()
        .map_err(|_| AgreementError::NoSuchItem)
}

fn goal_text(cx: &Context, d: &Draft) -> Result<GoalText, AgreementError> {
    GoalText::read(
        d.get("title"),
        d.get("success"),
        d.get("priority"),
        d.all("strategic")
            .into_iter()
            .filter_map(|v| v.parse::<GoalId>().ok())
            .filter(|g| cx.names.goals.get(*g).is_some())
            .collect(),
        d.all("competence")
            .into_iter()
            .filter_map(|v| v.parse::<CompetenceId>().ok())
            .filter(|c| cx.names.competences.iter().any(|k| k.id == *c))
            .collect(),
    )
}

fn owner(cx: &Context, d: &Draft) -> Result<PersonId, AgreementError> {
    d.get("owner")
        .parse::<PersonId>()
        .ok()
        .filter(|id| cx.owners.iter().any(|p| p.id == *id))
        .ok_or(AgreementError::BadChoice)
}

/// The agreement after the step the form asks for, with the progress report if it was one.
fn step(
    cx: &Context,
    by: PersonId,
    d: &Draft,
) -> Result<(Agreement, Option<ProgressUpdate>), AgreementError> {
    let a = &cx.agreement;
    let side = cx.party.side;
    let seen: u32 = d
        .get("revision")
        .parse()
        .map_err(|_| AgreementError::Stale)?;
    let at = now();
    let held = cx.party.conversation.held_at.is_some();
    let edit = match d.get("op") {
        "sign" => return Ok((a.sign(seen, side, at, held)?, None)),
        "accept" => return Ok((a.answer(seen, side, at, Decision::Accepted)?, None)),
        "reject" => return Ok((a.answer(seen, side, at, Decision::Rejected)?, None)),
        "withdraw" => return Ok((a.answer(seen, side, at, Decision::Withdrawn)?, None)),
        "progress" => {
            let item: ItemId = d
                .get("item")
                .parse()
                .map_err(|_| AgreementError::NoSuchItem)?;
            let progress: Progress = d.get("progress").parse()?;
            let report = ProgressUpdate {
                conversation_id: a.conversation_id,
                item,
                by,
                at,
                progress,
                note: read_note(d.get("note"))?,
            };
            return Ok((a.report(seen, item, progress)?, Some(report)));
        }
        "add-goal" => Edit::AddGoal(goal_text(cx, d)?),
        "change-goal" => Edit::ChangeGoal(index(d, "goal")?, goal_text(cx, d)?),
        "remove-goal" => Edit::RemoveGoal(index(d, "goal")?),
        "add-action" => Edit::AddAction(
            index(d, "goal")?,
            Action::read(d.get("text"), d.get("kind"), owner(cx, d)?, d.get("due"))?,
        ),
        "remove-action" => Edit::RemoveAction(index(d, "goal")?, index(d, "action")?),
        "add-commitment" => Edit::AddCommitment(Commitment::read(
            d.get("text"),
            d.get("kind"),
            owner(cx, d)?,
            d.get("due"),
        )?),
        "remove-commitment" => Edit::RemoveCommitment(index(d, "commitment")?),
        _ => return Err(AgreementError::BadChoice),
    };
    Ok((a.change(seen, side, at, edit)?, None))
}

/// The employee chooses which parts of the conversation HR may read.
pub async fn share_with_hr(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let party = Party::load(&state, &user, &id).await?;
    if party.side != Side::Employee {
        return Err(AppError::Forbidden);
    }
    let parts: Vec<Part> = fields
        .iter()
        .filter(|(k, _)| k == "part")
        .filter_map(|(_, v)| v.parse().ok())
        .collect();
    state
        .db
        .set_hr_shares(party.conversation.id, &parts)
        .await?;
    Ok(Redirect::to(&format!(
        "/conversations/{}/agreement?done=done-saved",
        party.conversation.id
    ))
    .into_response())
}

/// The follow-ups an agreement gets at the moment the second party signs it.
fn planned_on_signing(cx: &Context, next: &Agreement) -> Vec<FollowUp> {
    if next.signed() && !cx.agreement.signed() {
        let today = today();
        plan(
            next.conversation_id,
            cx.party.cycle.timeline.follow_ups(),
            today,
        )
    } else {
        Vec::new()
    }
}

/// Every change to the agreement or the notes, named by the form's `op`.
pub async fn save(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let cx = context(&state, &user, &id).await?;
    if !cx.party.live() {
        return Err(AppError::BadRequest("error-agreement-not-live"));
    }
    let draft = Draft { fields };
    let back = |done: &str| {
        Ok(Redirect::to(&format!(
            "/conversations/{}/agreement?done={done}",
            cx.party.conversation.id
        ))
        .into_response())
    };
    if draft.get("op") == "notes" {
        let text = draft.get("notes").trim();
        let seen: u32 = draft.get("notes_revision").parse().unwrap_or(u32::MAX);
        let error = if text.chars().count() > 20_000 {
            Some((StatusCode::UNPROCESSABLE_ENTITY, "error-too-long"))
        } else if seen != cx.notes.1 {
            Some((StatusCode::CONFLICT, "error-notes-stale"))
        } else {
            match state
                .db
                .save_notes(cx.party.conversation.id, text, seen)
                .await
            {
                Ok(()) => None,
                Err(StorageError::Conflict) => Some((StatusCode::CONFLICT, "error-notes-stale")),
                Err(other) => return Err(other.into()),
            }
        };
        return match error {
            None => back("done-saved"),
            Some((status, key)) => {
                let message = Some(page.t.get(key));
                render_status(status, view(page, &cx, draft, message))
            }
        };
    }
    let result = match step(&cx, user.person.id, &draft) {
        Ok((next, report)) => match state
            .db
            .save_agreement(
                &next,
                cx.agreement.revision,
                report.as_ref(),
                &planned_on_signing(&cx, &next),
            )
            .await
        {
            Ok(()) => Ok(next),
            Err(StorageError::Conflict) => Err(AgreementError::Stale),
            Err(other) => return Err(other.into()),
        },
        Err(error) => Err(error),
    };
    match result {
        Ok(next) => back(match draft.get("op") {
            "sign" => "done-signed",
            _ if next.amendments.len() > cx.agreement.amendments.len() => "done-amendment-proposed",
            _ => "done-saved",
        }),
        Err(error) => {
            let status = if error.is_conflict() {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            let message = Some(page.t.get(error.message_key()));
            render_status(status, view(page, &cx, draft, message))
        }
    }
}
