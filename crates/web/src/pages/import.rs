//! The people import: upload a CSV file, see exactly what would change and every bad line, then
//! apply it all at once, or nothing.

use crate::audit::audit_by;
use crate::error::{AppError, AppResult};
use crate::forms::parse_id;
use crate::i18n::Tr;
use crate::page::Page;
use crate::pages::{render, render_status};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use domain::access::Capability;
use domain::audit::AuditKind;
use domain::import::{Column, FileProblem, ImportPlan, parse_people_csv, plan_import};
use domain::org::UnitTree;
use uuid::Uuid;

#[derive(Template)]
#[template(path = "import.html")]
struct UploadView {
    page: Page,
    error: Option<String>,
}

pub async fn form(user: CurrentUser, page: Page) -> AppResult<Response> {
    user.require(Capability::ManageStructure)?;
    render(UploadView {
        page: page.titled("import-title"),
        error: None,
    })
}

/// One line of the dry-run report.
pub struct ReportLine {
    pub line: usize,
    pub name: String,
    pub email: String,
    pub detail: String,
}

#[derive(Template)]
#[template(path = "import_report.html")]
struct ReportView {
    page: Page,
    filename: String,
    report: Report,
    /// Set when the plan can be applied.
    pending: Option<String>,
}

/// What a plan would do, in words; shared with the command line.
pub struct Report {
    pub creates: Vec<ReportLine>,
    pub updates: Vec<ReportLine>,
    pub unchanged: usize,
    pub errors: Vec<(usize, String)>,
}

impl Report {
    pub fn new(t: &Tr, plan: &ImportPlan, tree: &UnitTree) -> Report {
        let unit = |id| tree.get(id).map(|u| u.name.clone()).unwrap_or_default();
        Report {
            creates: plan
                .creates
                .iter()
                .map(|c| ReportLine {
                    line: c.line,
                    name: c.person.name.clone(),
                    email: c.person.email.to_string(),
                    detail: unit(c.person.unit_id),
                })
                .collect(),
            updates: plan
                .updates
                .iter()
                .map(|u| {
                    let mut changed: Vec<String> =
                        u.changed.iter().map(|c| column_label(t, *c)).collect();
                    if u.reactivated {
                        changed.push(t.get("import-reactivated"));
                    }
                    ReportLine {
                        line: u.line,
                        name: u.after.name.clone(),
                        email: u.after.email.to_string(),
                        detail: changed.join(", "),
                    }
                })
                .collect(),
            unchanged: plan.unchanged,
            errors: plan
                .errors
                .iter()
                .map(|e| (e.line, t.with(e.problem.message_key(), &e.problem.args())))
                .collect(),
        }
    }
}

fn column_label(t: &Tr, column: Column) -> String {
    t.get(match column {
        Column::Name | Column::FirstName | Column::LastName => "field-name",
        Column::Email => "field-email",
        Column::JobTitle => "field-job-title",
        Column::Unit => "field-unit",
        Column::LeaderEmail => "field-leader",
    })
}

/// Translates a file-level problem, column names included.
pub fn file_problem(t: &Tr, problem: &FileProblem) -> String {
    let column = |label: &str| t.get(&format!("import-column-{}", label.replace(' ', "-")));
    let args = match problem {
        FileProblem::MissingColumns(labels) => vec![(
            "columns",
            labels
                .iter()
                .map(|l| column(l))
                .collect::<Vec<_>>()
                .join(", "),
        )],
        FileProblem::DuplicateColumn(label) => vec![("column", column(label))],
        other => other.args(),
    };
    t.with(problem.message_key(), &args)
}

pub async fn upload(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    mut multipart: Multipart,
) -> AppResult<Response> {
    user.require(Capability::ManageStructure)?;
    let page = page.titled("import-title");
    let mut file = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|_| AppError::BadRequest("error-bad-form"))?
    {
        if field.name() == Some("file") {
            let name = field.file_name().unwrap_or("people.csv").to_owned();
            let bytes = field
                .bytes()
                .await
                .map_err(|_| AppError::BadRequest("error-bad-form"))?;
            file = Some((name, bytes));
        }
    }
    let Some((filename, bytes)) = file else {
        let error = Some(page.t.get("import-no-file"));
        return render_status(StatusCode::UNPROCESSABLE_ENTITY, UploadView { page, error });
    };
    let parsed = match parse_people_csv(&bytes) {
        Ok(parsed) => parsed,
        Err(problem) => {
            let status = match problem {
                FileProblem::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
                _ => StatusCode::UNPROCESSABLE_ENTITY,
            };
            let error = Some(file_problem(&page.t, &problem));
            return render_status(status, UploadView { page, error });
        }
    };
    let org = user.org.id;
    let tree = user.units.clone();
    let plan = plan_import(org, parsed, &tree, &state.db.people(org).await?);
    let pending = if plan.is_applicable() {
        Some(
            state
                .db
                .save_pending_import(org, user.person.id, &filename, &bytes)
                .await?
                .to_string(),
        )
    } else {
        None
    };
    let status = if plan.is_applicable() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let report = Report::new(&page.t, &plan, &tree);
    render_status(
        status,
        ReportView {
            page,
            filename,
            report,
            pending,
        },
    )
}

/// Applies a checked file. The plan is made again against the organisation as it is now, so a
/// change made since the dry run cannot be overwritten unseen.
pub async fn apply(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
) -> AppResult<Response> {
    user.require(Capability::ManageStructure)?;
    let id: Uuid = parse_id(&id)?;
    let org = user.org.id;
    let (filename, bytes) = state.db.pending_import(org, user.person.id, id).await?;
    let tree = user.units.clone();
    let parsed = parse_people_csv(&bytes).map_err(|_| AppError::NotFound)?;
    let plan = plan_import(org, parsed, &tree, &state.db.people(org).await?);
    let page = page.titled("import-title");
    if !plan.is_applicable() {
        let report = Report::new(&page.t, &plan, &tree);
        return render_status(
            StatusCode::CONFLICT,
            ReportView {
                page,
                filename,
                report,
                pending: None,
            },
        );
    }
    state
        .db
        .apply_import(org, &plan, Some(id))
        .await
        .map_err(|e| match e {
            storage::StorageError::Conflict => AppError::BadRequest("error-import-conflict"),
            other => other.into(),
        })?;
    let detail = format!(
        "created {}, updated {}, unchanged {}",
        plan.creates.len(),
        plan.updates.len(),
        plan.unchanged
    );
    audit_by(&state.db, &user, AuditKind::Import, &filename, &detail).await?;
    Ok(Redirect::to("/people?done=done-imported").into_response())
}
