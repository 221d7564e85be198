//! Question sets: everyone in the organisation may read them; HR creates and edits them. Every
//! edit saves a new version, so a conversation keeps the questions it was prepared with.

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
use domain::QuestionSetId;
use domain::access::Capability;
use domain::questions::{
    Bilingual, Edit, Question, QuestionError, QuestionKind, QuestionSet, Section,
    default_questions, set_name,
};
use serde::Deserialize;
use storage::StorageError;

pub fn section_label(t: &Tr, section: Section) -> String {
    t.get(&format!("section-{}", section.as_str()))
}

struct SetLine {
    id: String,
    name: String,
    version: u32,
    questions: usize,
}

#[derive(Template)]
#[template(path = "question_sets.html")]
struct SetsView {
    page: Page,
    sets: Vec<SetLine>,
    can_manage: bool,
    error: Option<String>,
}

async fn sets_view(
    state: &AppState,
    user: &CurrentUser,
    page: Page,
    error: Option<String>,
) -> AppResult<SetsView> {
    let sets = state
        .db
        .question_sets(user.org.id)
        .await?
        .into_iter()
        .map(|s| SetLine {
            id: s.id.to_string(),
            version: s.current.number,
            questions: s.current.questions.len(),
            name: s.name,
        })
        .collect();
    Ok(SetsView {
        page: page.titled("question-sets-title"),
        sets,
        can_manage: user.actor.can(Capability::ManageQuestionSets),
        error,
    })
}

pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
) -> AppResult<Response> {
    render(sets_view(&state, &user, page, None).await?)
}

#[derive(Deserialize)]
pub struct NewSetForm {
    #[serde(default)]
    name: String,
    /// `default` for MOUSE's own set, or the id of a set to copy.
    #[serde(default)]
    source: String,
}

/// Creates a set as a copy of MOUSE's default set or of one of the organisation's sets.
pub async fn create(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Form(form): Form<NewSetForm>,
) -> AppResult<Response> {
    user.require(Capability::ManageQuestionSets)?;
    let questions = if form.source == "default" {
        default_questions()
    } else {
        let id: QuestionSetId = form
            .source
            .parse()
            .map_err(|_| AppError::BadRequest("error-bad-form"))?;
        state
            .db
            .question_set(user.org.id, id)
            .await?
            .current
            .questions
    };
    match set_name(&form.name) {
        Ok(name) => {
            let set = state
                .db
                .create_question_set(user.org.id, &name, &questions)
                .await?;
            Ok(
                Redirect::to(&format!("/question-sets/{}?done=done-created", set.id))
                    .into_response(),
            )
        }
        Err(error) => {
            let message = Some(page.t.get(error.message_key()));
            render_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                sets_view(&state, &user, page, message).await?,
            )
        }
    }
}

/// A question as the page shows it, in the reader's language, with its index in the version.
struct QuestionLine {
    index: usize,
    section: String,
    kind: String,
    kind_label: String,
    text: String,
    scale: Option<(String, String)>,
    /// The raw texts, for the edit form.
    text_da: String,
    text_en: String,
    low_da: String,
    low_en: String,
    high_da: String,
    high_en: String,
    first_in_section: bool,
    /// The edit form is open: it holds text the user typed that could not be saved.
    open: bool,
}

struct SectionBlock {
    key: &'static str,
    title: String,
    questions: Vec<QuestionLine>,
    /// The "add a question" form, with typed text after a refusal.
    add: QuestionForm,
    add_open: bool,
}

/// What the user typed when a save was refused, so the page can show it again: the question's
/// index when editing, `None` when adding.
pub struct Draft {
    index: Option<usize>,
    form: QuestionForm,
}

#[derive(Template)]
#[template(path = "question_set.html")]
struct SetView {
    page: Page,
    id: String,
    version: u32,
    sections: Vec<SectionBlock>,
    history: Vec<(u32, String)>,
    can_manage: bool,
    kinds: Vec<(&'static str, String)>,
    error: Option<String>,
}

async fn set_view(
    state: &AppState,
    user: &CurrentUser,
    page: Page,
    set: &QuestionSet,
    error: Option<String>,
    draft: Option<&Draft>,
) -> AppResult<SetView> {
    let t = page.t;
    let sections = Section::ALL
        .into_iter()
        .map(|section| {
            let adding = draft.filter(|d| d.index.is_none() && d.form.section == section.as_str());
            SectionBlock {
                key: section.as_str(),
                title: section_label(&t, section),
                questions: set
                    .current
                    .questions
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| q.section == section)
                    .enumerate()
                    .map(|(n, (index, q))| {
                        let line = question_line(&t, index, q, n == 0);
                        match draft.filter(|d| d.index == Some(index)) {
                            Some(d) => QuestionLine {
                                kind: d.form.kind.clone(),
                                text_da: d.form.text_da.clone(),
                                text_en: d.form.text_en.clone(),
                                low_da: d.form.low_da.clone(),
                                low_en: d.form.low_en.clone(),
                                high_da: d.form.high_da.clone(),
                                high_en: d.form.high_en.clone(),
                                open: true,
                                ..line
                            },
                            None => line,
                        }
                    })
                    .collect(),
                add: adding.map(|d| d.form.clone()).unwrap_or_default(),
                add_open: adding.is_some(),
            }
        })
        .collect();
    let history = state
        .db
        .versions(user.org.id, set.id)
        .await?
        .into_iter()
        .map(|v| (v.number, t.datetime(&v.created_at)))
        .collect();
    Ok(SetView {
        id: set.id.to_string(),
        version: set.current.number,
        sections,
        history,
        can_manage: user.actor.can(Capability::ManageQuestionSets),
        kinds: ["text", "scale", "goals"]
            .into_iter()
            .map(|k| (k, t.get(&format!("question-kind-{k}"))))
            .collect(),
        error,
        page: page.named(&set.name),
    })
}

fn question_line(t: &Tr, index: usize, q: &Question, first_in_section: bool) -> QuestionLine {
    let (low, high) = match &q.kind {
        QuestionKind::Scale { low, high } => (low.clone(), high.clone()),
        _ => (Bilingual::default(), Bilingual::default()),
    };
    QuestionLine {
        index,
        section: q.section.as_str().to_owned(),
        kind: q.kind.as_str().to_owned(),
        kind_label: t.get(&format!("question-kind-{}", q.kind.as_str())),
        text: q.text.get(t.locale).to_owned(),
        scale: matches!(q.kind, QuestionKind::Scale { .. })
            .then(|| (low.get(t.locale).to_owned(), high.get(t.locale).to_owned())),
        text_da: q.text.da.clone(),
        text_en: q.text.en.clone(),
        low_da: low.da,
        low_en: low.en,
        high_da: high.da,
        high_en: high.en,
        first_in_section,
        open: false,
    }
}

pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let set = state.db.question_set(user.org.id, parse_id(&id)?).await?;
    render(set_view(&state, &user, page, &set, None, None).await?)
}

/// A question as typed, with the version the editor saw.
#[derive(Deserialize, Default, Clone)]
pub struct QuestionForm {
    #[serde(default)]
    version: u32,
    #[serde(default)]
    section: String,
    #[serde(default)]
    kind: String,
    #[serde(default)]
    text_da: String,
    #[serde(default)]
    text_en: String,
    #[serde(default)]
    low_da: String,
    #[serde(default)]
    low_en: String,
    #[serde(default)]
    high_da: String,
    #[serde(default)]
    high_en: String,
}

impl QuestionForm {
    fn question(&self) -> Result<Question, QuestionError> {
        Question::parse(
            &self.section,
            &self.kind,
            Bilingual::new(&self.text_da, &self.text_en),
            Bilingual::new(&self.low_da, &self.low_en),
            Bilingual::new(&self.high_da, &self.high_en),
        )
    }
}

/// Saves an edit as the set's next version, unless the set changed since the editor loaded it.
async fn save(
    state: &AppState,
    user: &CurrentUser,
    page: Page,
    id: &str,
    seen: u32,
    edit: Result<Edit, QuestionError>,
    draft: Option<Draft>,
) -> AppResult<Response> {
    user.require(Capability::ManageQuestionSets)?;
    let set = state.db.question_set(user.org.id, parse_id(id)?).await?;
    let refused = if seen != set.current.number {
        (StatusCode::CONFLICT, "error-question-set-changed")
    } else {
        match edit.and_then(|e| set.current.apply(e)) {
            Err(QuestionError::NoSuchQuestion) => return Err(AppError::NotFound),
            Err(error) => (StatusCode::UNPROCESSABLE_ENTITY, error.message_key()),
            Ok(questions) => match state.db.add_version(&set, &questions).await {
                Ok(_) => {
                    return Ok(
                        Redirect::to(&format!("/question-sets/{}?done=done-saved", set.id))
                            .into_response(),
                    );
                }
                Err(StorageError::Conflict) => (StatusCode::CONFLICT, "error-question-set-changed"),
                Err(other) => return Err(other.into()),
            },
        }
    };
    let (status, key) = refused;
    let message = Some(page.t.get(key));
    render_status(
        status,
        set_view(state, user, page, &set, message, draft.as_ref()).await?,
    )
}

pub async fn add(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
    Form(form): Form<QuestionForm>,
) -> AppResult<Response> {
    save(
        &state,
        &user,
        page,
        &id,
        form.version,
        form.question().map(Edit::Add),
        Some(Draft {
            index: None,
            form: form.clone(),
        }),
    )
    .await
}

pub async fn replace(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path((id, index)): Path<(String, String)>,
    Form(form): Form<QuestionForm>,
) -> AppResult<Response> {
    let index: usize = parse_id(&index)?;
    save(
        &state,
        &user,
        page,
        &id,
        form.version,
        form.question().map(|q| Edit::Replace(index, q)),
        Some(Draft {
            index: Some(index),
            form: form.clone(),
        }),
    )
    .await
}

#[derive(Deserialize)]
pub struct VersionOnly {
    #[serde(default)]
    version: u32,
}

/// Removes a question (`/remove`) or moves it up within its section (`/up`).
pub async fn rearrange(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path((id, index, op)): Path<(String, String, String)>,
    Form(form): Form<VersionOnly>,
) -> AppResult<Response> {
    let index: usize = parse_id(&index)?;
    let edit = match op.as_str() {
        "remove" => Edit::Remove(index),
        "up" => Edit::MoveUp(index),
        _ => return Err(AppError::NotFound),
    };
    save(&state, &user, page, &id, form.version, Ok(edit), None).await
}
