//! Running one phase: a fixed number of tasks per workload, each looping request after request
//! until the deadline and keeping its own latencies, so that tasks share nothing while measuring.

use crate::client::User;
use anyhow::{Context, Result};
use reqwest::header::LOCATION;
use reqwest::{StatusCode, Url};
use std::collections::HashMap;
use std::fmt::Display;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::time::Instant;

/// Errors printed per workload; the rest are only counted.
const ERRORS_SHOWN: usize = 3;

/// A page (or `/livez`, or draft saves) as the report names it, and how to exercise it.
pub struct Workload {
    pub name: String,
    pub work: Work,
}

pub enum Work {
    /// GET requests that must answer 200, cycled through in order.
    Get(Vec<Get>),
    /// Autosaves of preparations; one task per user, so that tasks never conflict.
    Drafts(Vec<DraftUser>),
}

pub struct Get {
    pub url: Url,
    pub user: Arc<User>,
}

pub struct DraftUser {
    pub user: Arc<User>,
    pub drafts: Vec<Draft>,
}

pub struct Draft {
    pub url: Url,
    pub fields: Vec<(String, String)>,
}

impl Workload {
    /// How many tasks can run this workload at once.
    pub fn max_tasks(&self) -> usize {
        match &self.work {
            Work::Get(_) => usize::MAX,
            Work::Drafts(users) => users.len(),
        }
    }
}

/// What to run: tasks per workload, for how long, and over which kind of connection.
pub struct Phase {
    pub assignments: Vec<(Arc<Workload>, usize)>,
    pub duration: Duration,
    pub keep_alive: bool,
}

impl Phase {
    pub fn connections(&self) -> usize {
        self.assignments.iter().map(|(_, tasks)| tasks).sum()
    }
}

/// A workload's samples from one phase.
pub struct Sampled {
    pub name: String,
    pub tasks: usize,
    pub requests: u64,
    pub errors: u64,
    /// Microseconds from before sending to after the whole body.
    pub latencies: Vec<u64>,
}

#[derive(Default)]
struct Tally {
    requests: u64,
    errors: u64,
    latencies: Vec<u64>,
}

/// Prints the first few errors of each workload, so that a broken page shows why without
/// drowning the output.
#[derive(Default)]
pub struct ErrorLog {
    shown: Mutex<HashMap<String, usize>>,
}

impl ErrorLog {
    fn note(&self, workload: &str, what: impl Display) {
        let mut shown = self.shown.lock().unwrap_or_else(PoisonError::into_inner);
        let count = shown.entry(workload.to_owned()).or_default();
        *count += 1;
        if *count <= ERRORS_SHOWN {
            eprintln!("  error on {workload}: {what}");
        }
    }
}

/// Runs a phase and returns one [`Sampled`] per assignment, in order.
pub async fn run(phase: &Phase, errors: &Arc<ErrorLog>) -> Result<Vec<Sampled>> {
    let deadline = Instant::now() + phase.duration;
    let mut handles = Vec::new();
    for (workload, tasks) in &phase.assignments {
        let mut workload_handles = Vec::new();
        for task in 0..*tasks {
            let workload = Arc::clone(workload);
            let errors = Arc::clone(errors);
            let (tasks, keep_alive) = (*tasks, phase.keep_alive);
            workload_handles.push(tokio::spawn(async move {
                match &workload.work {
                    Work::Get(requests) => {
                        // Tasks start spread over the list, so they do not all ask for the same
                        // thing at the same moment.
                        let start = task * requests.len() / tasks;
                        get_loop(
                            &workload.name,
                            requests,
                            start,
                            keep_alive,
                            deadline,
                            &errors,
                        )
                        .await
                    }
                    Work::Drafts(users) => match users.get(task) {
                        Some(user) => {
                            draft_loop(&workload.name, user, keep_alive, deadline, &errors).await
                        }
                        None => Tally::default(),
                    },
                }
            }));
        }
        handles.push(workload_handles);
    }
    let mut sampled = Vec::new();
    for ((workload, tasks), workload_handles) in phase.assignments.iter().zip(handles) {
        let mut all = Sampled {
            name: workload.name.clone(),
            tasks: *tasks,
            requests: 0,
            errors: 0,
            latencies: Vec::new(),
        };
        for handle in workload_handles {
            let tally = handle
                .await
                .with_context(|| format!("a load task for {} failed", workload.name))?;
            all.requests += tally.requests;
            all.errors += tally.errors;
            all.latencies.extend(tally.latencies);
        }
        sampled.push(all);
    }
    Ok(sampled)
}

async fn get_loop(
    name: &str,
    requests: &[Get],
    start: usize,
    keep_alive: bool,
    deadline: Instant,
    errors: &ErrorLog,
) -> Tally {
    let mut tally = Tally::default();
    let mut next = start;
    while Instant::now() < deadline {
        let Some(request) = requests.get(next % requests.len().max(1)) else {
            break;
        };
        next += 1;
        let began = Instant::now();
        let outcome = fetch(request.user.client(keep_alive).get(request.url.clone())).await;
        tally.requests += 1;
        match outcome {
            Ok(response) => {
                tally.latencies.push(micros(began.elapsed()));
                // A page answered with a redirect (to /login, say) did not show the page.
                if response.status != StatusCode::OK {
                    tally.errors += 1;
                    errors.note(name, format_args!("GET {} {response}", request.url.path()));
                }
            }
            Err(error) => {
                tally.errors += 1;
                errors.note(name, format_args!("GET {}: {error}", request.url.path()));
            }
        }
    }
    tally
}

async fn draft_loop(
    name: &str,
    owner: &DraftUser,
    keep_alive: bool,
    deadline: Instant,
    errors: &ErrorLog,
) -> Tally {
    let mut tally = Tally::default();
    let user = &owner.user;
    let client = user.client(keep_alive);
    let mut next = 0;
    while Instant::now() < deadline {
        let Some(draft) = owner.drafts.get(next % owner.drafts.len().max(1)) else {
            break;
        };
        next += 1;
        let path = draft.url.path();
        let revision = match user.revision(path) {
            Some(revision) => revision,
            None => match read_revision(user, &draft.url).await {
                Ok(revision) => revision,
                Err(error) => {
                    // The save could not even be tried: a request that failed.
                    tally.requests += 1;
                    tally.errors += 1;
                    errors.note(name, format_args!("{error:#}"));
                    continue;
                }
            },
        };
        let revision_text = revision.to_string();
        let mut form: Vec<(&str, &str)> = draft
            .fields
            .iter()
            .map(|(key, value)| (key.as_str(), value.as_str()))
            .collect();
        form.push(("revision", &revision_text));
        let request = client
            .post(draft.url.clone())
            .header("X-Autosave", "1")
            .header("X-CSRF-Token", &user.csrf)
            .form(&form);
        let began = Instant::now();
        let outcome = fetch(request).await;
        tally.requests += 1;
        match outcome {
            Ok(response) => {
                tally.latencies.push(micros(began.elapsed()));
                let saved = (response.status == StatusCode::NO_CONTENT)
                    .then_some(response.revision)
                    .flatten();
                if saved.is_none() {
                    // 409: someone saved in between; anything else: read the page afresh too.
                    tally.errors += 1;
                    errors.note(
                        name,
                        format_args!("POST {path} as {} {response}", user.email),
                    );
                }
                user.set_revision(path, saved);
            }
            Err(error) => {
                tally.errors += 1;
                errors.note(name, format_args!("POST {path}: {error}"));
                user.set_revision(path, None);
            }
        }
    }
    tally
}

/// The revision a save must name, from the preparation form.
async fn read_revision(user: &User, url: &Url) -> Result<u32> {
    let page = user.page(url).await?;
    let value = crate::client::hidden_value(&page, "revision")
        .with_context(|| format!("no revision field on {}", url.path()))?;
    value
        .parse()
        .with_context(|| format!("odd revision {value:?} on {}", url.path()))
}

/// The parts of a response the loops judge; the body is read to the end and dropped.
struct Answer {
    status: StatusCode,
    location: Option<String>,
    revision: Option<u32>,
    body_start: String,
}

impl Display for Answer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "answered {}", self.status)?;
        if let Some(location) = &self.location {
            write!(f, " to {location}")?;
        }
        if !self.body_start.is_empty() {
            write!(f, ": {}", self.body_start)?;
        }
        Ok(())
    }
}

async fn fetch(request: reqwest::RequestBuilder) -> Result<Answer, reqwest::Error> {
    let response = request.send().await?;
    let status = response.status();
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    };
    let location = header(LOCATION.as_str());
    let revision = header("x-revision").and_then(|value| value.parse().ok());
    let body = response.bytes().await?;
    // Short plain-text answers (a refused autosave says why) are worth printing; pages are not.
    let body_start = if status.is_client_error() && body.len() <= 200 {
        String::from_utf8_lossy(&body).trim().to_owned()
    } else {
        String::new()
    };
    Ok(Answer {
        status,
        location,
        revision,
        body_start,
    })
}

fn micros(elapsed: Duration) -> u64 {
    u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX)
}
