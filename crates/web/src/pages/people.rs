//! People: the list a user may see, a profile, and the forms HR and administrators use.

use crate::audit::audit_by;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, parse_id};
use crate::i18n::Tr;
use crate::page::Page;
use crate::pages::conversations::{may_open, stage_label};
use crate::pages::paging::{PER_PAGE, Paging};
use crate::pages::view::{PersonLine, matches_search, names, names_of};
use crate::pages::{render, render_status};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::access::Capability;
use domain::audit::AuditKind;
use domain::conversation::Conversation;
use domain::cycle::newest_first;
use domain::org::UnitTree;
use domain::person::{Email, Person, PersonError, PersonFields};
use domain::{CycleId, PersonId, UnitId};
use serde::Deserialize;
use std::collections::HashMap;
use storage::{Reach, StorageError};

#[derive(Template)]
#[template(path = "people.html")]
struct PeopleView {
    page: Page,
    q: String,
    /// Each person on this page, with how many conversations they have had or booked.
    people: Vec<(PersonLine, usize)>,
    paging: Paging,
    can_manage: bool,
}

#[derive(Deserialize)]
pub struct PeopleQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    page: Option<usize>,
}

pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Query(query): Query<PeopleQuery>,
) -> AppResult<Response> {
    user.require(Capability::ListPeople)?;
    let org = user.org.id;
    let tree = user.units.clone();
    let number = Paging::number(query.page);
    let href = match query.q.trim() {
        "" => "/people?".to_owned(),
        q => format!(
            "/people?{}&",
            serde_urlencoded::to_string([("q", q)]).unwrap_or_default()
        ),
    };
    let (people, paging) = match user.actor.visible_units(&tree) {
        // The whole organisation, unsearched: one page from the database.
        None if query.q.trim().is_empty() => {
            let offset = Paging::offset(number) as u64;
            let (people, total) = state.db.people_page(org, offset, PER_PAGE as u64).await?;
            let paging = Paging::new(number, total, people.len(), href);
            (people, paging)
        }
        // A search (names fold case beyond what SQL's LIKE does), or a leader's own people.
        visible => {
            let people = match visible {
                None => state.db.people(org).await?,
                Some(units) => {
                    let units: Vec<UnitId> = units.into_iter().collect();
                    state.db.people_led_by(org, user.person.id, &units).await?
                }
            };
            let matching: Vec<Person> = people
                .into_iter()
                .filter(|p| user.actor.can_view_person(p, &tree) && matches_search(p, &query.q))
                .collect();
            Paging::slice(matching, number, href)
        }
    };
    let names = names(&state.db, org, &tree, &people, []).await?;
    let ids: Vec<PersonId> = people.iter().map(|p| p.id).collect();
    let counts = state.db.conversation_counts(org, &ids).await?;
    render(PeopleView {
        page: page.titled("people-title"),
        paging,
        q: query.q,
        people: people
            .iter()
            .map(|p| {
                let held = counts.get(&p.id).copied().unwrap_or(0);
                (PersonLine::new(p, &tree, &names), held)
            })
            .collect(),
        can_manage: user.actor.can(Capability::ManageStructure),
    })
}

#[derive(Template)]
#[template(path = "person.html")]
struct PersonView {
    page: Page,
    person: PersonLine,
    unit_path: String,
    can_manage: bool,
    /// Their conversations, newest cycle first; empty for whoever may not open them.
    conversations: Vec<HistoryLine>,
}

/// One of a person's conversations on their page.
struct HistoryLine {
    cycle: String,
    link: String,
    when: String,
    leader: String,
    stage: String,
}

/// The person's conversations as the employee, one line per cycle, newest first.
async fn history(
    state: &AppState,
    user: &CurrentUser,
    person: &Person,
    t: &Tr,
) -> AppResult<Vec<HistoryLine>> {
    let org = person.org_id;
    let cycles = newest_first(user.cycles.to_vec());
    let mut conversations: HashMap<CycleId, Conversation> = state
        .db
        .conversations_with(org, person.id)
        .await?
        .into_iter()
        .filter(|c| c.employee_id == person.id)
        .map(|c| (c.cycle_id, c))
        .collect();
    let marks = state
        .db
        .conversation_marks(org, None, Reach::Employee(person.id))
        .await?;
    let leaders = names_of(&state.db, org, conversations.values().map(|c| c.leader_id)).await?;
    Ok(cycles
        .into_iter()
        .filter_map(|cycle| {
            let c = conversations.remove(&cycle.id)?;
            let stage = c.stage(marks.get(&c.id).copied().unwrap_or_default());
            Some(HistoryLine {
                link: format!("/cycles/{}/people/{}", cycle.id, person.id),
                cycle: cycle.name,
                when: c
                    .schedule
                    .as_ref()
                    .map(|s| t.datetime(&s.starts_at))
                    .unwrap_or_default(),
                leader: leaders.get(&c.leader_id).cloned().unwrap_or_default(),
                stage: stage_label(t, stage),
            })
        })
        .collect())
}

pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id: PersonId = parse_id(&id)?;
    let org = user.org.id;
    let person = state.db.person(org, id).await?;
    let tree = user.units.clone();
    if !user.actor.can_view_person(&person, &tree) {
        return Err(AppError::NotFound);
    }
    let names = names(&state.db, org, &tree, std::slice::from_ref(&person), []).await?;
    let conversations = if may_open(&user, &person, &tree) {
        history(&state, &user, &person, &page.t).await?
    } else {
        Vec::new()
    };
    render(PersonView {
        conversations,
        page: page.named(&person.name),
        unit_path: tree
            .path(person.unit_id)
            .iter()
            .map(|u| u.name.as_str())
            .collect::<Vec<_>>()
            .join(" › "),
        person: PersonLine::new(&person, &tree, &names),
        can_manage: user.actor.can(Capability::ManageStructure),
    })
}

/// The person form's fields as typed, so that a refused form comes back as the user left it.
#[derive(Deserialize, Default, Clone)]
pub struct PersonForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    job_title: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    leader_email: String,
}

#[derive(Template)]
#[template(path = "person_form.html")]
struct PersonFormView {
    page: Page,
    /// `None` when creating.
    id: Option<String>,
    active: bool,
    form: PersonForm,
    units: Vec<(String, String)>,
    error: Option<String>,
}

fn unit_options(tree: &UnitTree) -> Vec<(String, String)> {
    tree.walk()
        .into_iter()
        .map(|(depth, u)| {
            (
                u.id.to_string(),
                format!("{}{}", "\u{a0}\u{a0}".repeat(depth), u.name),
            )
        })
        .collect()
}

pub async fn new_form(user: CurrentUser, page: Page) -> AppResult<Response> {
    user.require(Capability::ManageStructure)?;
    let tree = user.units.clone();
    render(PersonFormView {
        page: page.titled("person-new-title"),
        id: None,
        active: true,
        form: PersonForm::default(),
        units: unit_options(&tree),
        error: None,
    })
}

pub async fn edit_form(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
) -> AppResult<Response> {
    user.require(Capability::ManageStructure)?;
    let id: PersonId = parse_id(&id)?;
    let person = state.db.person(user.org.id, id).await?;
    let tree = user.units.clone();
    let leader_email = match person.leader_id {
        Some(l) => state.db.person(user.org.id, l).await?.email.to_string(),
        None => String::new(),
    };
    render(PersonFormView {
        page: page.named(&person.name),
        id: Some(person.id.to_string()),
        active: person.active,
        form: PersonForm {
            name: person.name.clone(),
            email: person.email.to_string(),
            job_title: person.job_title.clone(),
            unit: person.unit_id.to_string(),
            leader_email,
        },
        units: unit_options(&tree),
        error: None,
    })
}

/// Turns the form into a person, or names what is wrong.
async fn read_form(
    state: &AppState,
    user: &CurrentUser,
    tree: &UnitTree,
    form: &PersonForm,
    id: PersonId,
) -> AppResult<Result<Person, PersonError>> {
    let fields = match PersonFields::parse(&form.name, &form.email, &form.job_title) {
        Ok(f) => f,
        Err(e) => return Ok(Err(e)),
    };
    let Some(unit) = form.unit.parse::<UnitId>().ok().and_then(|u| tree.get(u)) else {
        return Ok(Err(PersonError::UnknownUnit));
    };
    let leader_id = if form.leader_email.trim().is_empty() {
        None
    } else {
        let leader = match Email::parse(&form.leader_email) {
            Ok(email) => state.db.person_by_email(&email).await?,
            Err(_) => None,
        };
        match leader {
            Some(l) if l.org_id == user.org.id && l.id == id => {
                return Ok(Err(PersonError::OwnLeader));
            }
            Some(l) if l.org_id == user.org.id => Some(l.id),
            _ => return Ok(Err(PersonError::UnknownLeader)),
        }
    };
    Ok(Ok(Person {
        id,
        org_id: user.org.id,
        unit_id: unit.id,
        name: fields.name,
        email: fields.email,
        job_title: fields.job_title,
        leader_id,
        active: true,
    }))
}

pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Form(form): Form<PersonForm>,
) -> AppResult<Response> {
    user.require(Capability::ManageStructure)?;
    let tree = user.units.clone();
    let outcome = match read_form(&state, &user, &tree, &form, PersonId::new()).await? {
        Ok(person) => state.db.insert_person(&person).await.map(|_| person),
        Err(e) => return refuse(page.titled("person-new-title"), None, true, form, &tree, e),
    };
    match outcome {
        Ok(person) => {
            audit_by(
                &state.db,
                &user,
                AuditKind::PersonCreated,
                person.email.as_str(),
                &person.name,
            )
            .await?;
            Ok(Redirect::to(&format!("/people/{}?done=done-created", person.id)).into_response())
        }
        Err(StorageError::Conflict) => refuse(
            page.titled("person-new-title"),
            None,
            true,
            form,
            &tree,
            PersonError::EmailTaken,
        ),
        Err(e) => Err(e.into()),
    }
}

pub async fn update(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
    Form(form): Form<PersonForm>,
) -> AppResult<Response> {
    user.require(Capability::ManageStructure)?;
    let id: PersonId = parse_id(&id)?;
    let before = state.db.person(user.org.id, id).await?;
    let tree = user.units.clone();
    let page = page.named(&before.name);
    let outcome = match read_form(&state, &user, &tree, &form, id).await? {
        Ok(person) => {
            let person = Person {
                active: before.active,
                ..person
            };
            state.db.update_person(&person).await.map(|_| person)
        }
        Err(e) => return refuse(page, Some(id), before.active, form, &tree, e),
    };
    match outcome {
        Ok(person) => {
            let detail = describe_change(&before, &person, &tree);
            audit_by(
                &state.db,
                &user,
                AuditKind::PersonChanged,
                person.email.as_str(),
                &detail,
            )
            .await?;
            Ok(Redirect::to(&format!("/people/{id}?done=done-saved")).into_response())
        }
        Err(StorageError::Conflict) => refuse(
            page,
            Some(id),
            before.active,
            form,
            &tree,
            PersonError::EmailTaken,
        ),
        Err(e) => Err(e.into()),
    }
}

fn describe_change(before: &Person, after: &Person, tree: &UnitTree) -> String {
    let unit = |id| tree.get(id).map(|u| u.name.clone()).unwrap_or_default();
    let mut changes = Vec::new();
    if before.name != after.name {
        changes.push(format!("name: {} → {}", before.name, after.name));
    }
    if before.email != after.email {
        changes.push(format!("email: {} → {}", before.email, after.email));
    }
    if before.job_title != after.job_title {
        changes.push(format!(
            "job title: {} → {}",
            before.job_title, after.job_title
        ));
    }
    if before.unit_id != after.unit_id {
        changes.push(format!(
            "unit: {} → {}",
            unit(before.unit_id),
            unit(after.unit_id)
        ));
    }
    if before.leader_id != after.leader_id {
        changes.push("leader changed".to_owned());
    }
    changes.join("; ")
}

fn refuse(
    page: Page,
    id: Option<PersonId>,
    active: bool,
    form: PersonForm,
    tree: &UnitTree,
    error: PersonError,
) -> AppResult<Response> {
    let status = if error == PersonError::EmailTaken {
        StatusCode::CONFLICT
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let error = Some(page.t.get(error.message_key()));
    render_status(
        status,
        PersonFormView {
            page,
            id: id.map(|i| i.to_string()),
            active,
            form,
            units: unit_options(tree),
            error,
        },
    )
}

/// Deactivates or reactivates a person. Deactivation ends their sessions at once.
pub async fn set_active(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((id, action)): Path<(String, String)>,
) -> AppResult<Response> {
    user.require(Capability::ManageStructure)?;
    let id: PersonId = parse_id(&id)?;
    let active = match action.as_str() {
        "activate" => true,
        "deactivate" => false,
        _ => return Err(AppError::NotFound),
    };
    if !active && id == user.person.id {
        return Err(AppError::BadRequest("error-deactivate-self"));
    }
    let person = state.db.person(user.org.id, id).await?;
    state
        .db
        .update_person(&Person {
            active,
            ..person.clone()
        })
        .await?;
    let (kind, done) = if active {
        (AuditKind::PersonReactivated, "done-activated")
    } else {
        state.db.delete_sessions_of(id, None).await?;
        (AuditKind::PersonDeactivated, "done-deactivated")
    };
    audit_by(&state.db, &user, kind, person.email.as_str(), &person.name).await?;
    Ok(Redirect::to(&format!("/people/{id}?done={done}")).into_response())
}
