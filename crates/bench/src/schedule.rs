//! The two schedules. `large`: every page alone at full concurrency, compared with `/livez`,
//! then all pages and draft saves mixed. `small`: every page with one connection and with eight,
//! with and without keep-alive, the eight-connection run three times to show the spread.

use crate::client::User;
use crate::load::{self, Draft, DraftUser, ErrorLog, Get, Phase, Work, Workload};
use crate::manifest::Manifest;
use crate::report::{PageStats, PhaseKind, PhaseResult};
use anyhow::{Context, Result};
use reqwest::Url;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// The page without a database: the server's ceiling on this machine.
pub const LIVEZ: &str = "/livez";
pub const DRAFTS: &str = "draft save";

pub struct Workloads {
    pub livez: Arc<Workload>,
    pub pages: Vec<Arc<Workload>>,
    pub drafts: Option<Arc<Workload>>,
}

pub struct Settings {
    pub concurrency: usize,
    /// Given on the command line: then every step lasts this long.
    pub duration: Option<Duration>,
    pub warmup: Duration,
    pub backend: String,
}

impl Workloads {
    /// The manifest's requests as URLs on this server, each with its logged-in user.
    pub fn new(
        base: &Url,
        manifest: &Manifest,
        users: &HashMap<String, Arc<User>>,
        max_users: usize,
    ) -> Result<Workloads> {
        let url = |path: &str| {
            base.join(path)
                .with_context(|| format!("cannot make a URL of {path:?}"))
        };
        let user = |email: &str| {
            users
                .get(email)
                .cloned()
                .with_context(|| format!("{email} is not logged in"))
        };
        let anonymous = Arc::new(User::anonymous()?);
        let livez = Workload {
            name: LIVEZ.to_owned(),
            work: Work::Get(vec![Get {
                url: url(LIVEZ)?,
                user: anonymous,
            }]),
        };
        let mut pages = Vec::new();
        for page in &manifest.pages {
            let requests = page
                .capped(max_users)
                .into_iter()
                .map(|request| {
                    Ok(Get {
                        url: url(&request.path)?,
                        user: user(&request.email)?,
                    })
                })
                .collect::<Result<_>>()?;
            pages.push(Arc::new(Workload {
                name: page.page.clone(),
                work: Work::Get(requests),
            }));
        }
        let draft_users = manifest
            .draft_users(max_users)
            .into_iter()
            .map(|(email, drafts)| {
                Ok(DraftUser {
                    user: user(email)?,
                    drafts: drafts
                        .into_iter()
                        .map(|draft| {
                            Ok(Draft {
                                url: url(&draft.path)?,
                                fields: draft.fields.clone(),
                            })
                        })
                        .collect::<Result<_>>()?,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let drafts = (!draft_users.is_empty()).then(|| {
            Arc::new(Workload {
                name: DRAFTS.to_owned(),
                work: Work::Drafts(draft_users),
            })
        });
        Ok(Workloads {
            livez: Arc::new(livez),
            pages,
            drafts,
        })
    }

    /// `/livez`, the pages and the draft saves, in report order.
    fn all(&self) -> Vec<&Arc<Workload>> {
        std::iter::once(&self.livez)
            .chain(&self.pages)
            .chain(&self.drafts)
            .collect()
    }
}

pub async fn large(
    workloads: &Workloads,
    settings: &Settings,
    errors: &Arc<ErrorLog>,
) -> Result<Vec<PhaseResult>> {
    let c = settings.concurrency;
    let duration = settings.duration.unwrap_or(Duration::from_secs(10));
    let mut results = Vec::new();
    for workload in workloads.all() {
        let tasks = c.min(workload.max_tasks());
        let phase = Phase {
            assignments: vec![(Arc::clone(workload), tasks)],
            duration,
            keep_alive: true,
        };
        results.push(measure(PhaseKind::Alone, 1, &phase, settings, errors).await?);
    }

    // Draft saves get an eighth of the tasks; the pages share the rest, at least one each.
    let draft_tasks = workloads
        .drafts
        .as_ref()
        .map_or(0, |drafts| (c / 8).max(1).min(drafts.max_tasks()));
    let page_tasks = c.saturating_sub(draft_tasks).max(workloads.pages.len());
    let mut assignments: Vec<(Arc<Workload>, usize)> = workloads
        .pages
        .iter()
        .map(|page| (Arc::clone(page), 0))
        .collect();
    let pages = assignments.len();
    for task in 0..page_tasks {
        if let Some((_, tasks)) = task
            .checked_rem(pages)
            .and_then(|page| assignments.get_mut(page))
        {
            *tasks += 1;
        }
    }
    if let Some(drafts) = &workloads.drafts {
        assignments.push((Arc::clone(drafts), draft_tasks));
    }
    let mixed = Phase {
        assignments,
        duration: duration * 2,
        keep_alive: true,
    };
    results.push(measure(PhaseKind::Mixed, 1, &mixed, settings, errors).await?);
    Ok(results)
}

pub async fn small(
    workloads: &Workloads,
    settings: &Settings,
    errors: &Arc<ErrorLog>,
) -> Result<Vec<PhaseResult>> {
    let one = settings.duration.unwrap_or(Duration::from_secs(10));
    let eight = settings.duration.unwrap_or(Duration::from_secs(15));
    let mut results = Vec::new();
    for workload in workloads.all() {
        for keep_alive in [true, false] {
            let phase = |tasks: usize, duration| Phase {
                assignments: vec![(Arc::clone(workload), tasks.min(workload.max_tasks()))],
                duration,
                keep_alive,
            };
            results.push(
                measure(
                    PhaseKind::OneConnection,
                    1,
                    &phase(1, one),
                    settings,
                    errors,
                )
                .await?,
            );
            for run in 1..=3 {
                let phase = phase(8, eight);
                results.push(
                    measure(PhaseKind::EightConnections, run, &phase, settings, errors).await?,
                );
            }
        }
    }
    Ok(results)
}

/// Warms up (not recorded), then measures, and prints a line per page as it goes.
async fn measure(
    kind: PhaseKind,
    run: usize,
    phase: &Phase,
    settings: &Settings,
    errors: &Arc<ErrorLog>,
) -> Result<PhaseResult> {
    if !settings.warmup.is_zero() {
        let warmup = Phase {
            assignments: phase.assignments.clone(),
            duration: settings.warmup,
            keep_alive: phase.keep_alive,
        };
        load::run(&warmup, errors).await?;
    }
    let seconds = phase.duration.as_secs_f64();
    let pages: Vec<PageStats> = load::run(phase, errors)
        .await?
        .into_iter()
        .map(|sampled| PageStats::new(sampled, seconds))
        .collect();
    let result = PhaseResult {
        kind,
        run,
        keep_alive: phase.keep_alive,
        connections: phase.connections(),
        seconds,
        pages,
    };
    for page in &result.pages {
        eprintln!(
            "  {} · {} · {}: {} conn., {:.1} req/s, p50 {:.3} ms, p99 {:.3} ms, {} errors",
            settings.backend,
            result.label(),
            page.page,
            page.connections,
            page.throughput,
            page.p50_ms,
            page.p99_ms,
            page.errors
        );
    }
    Ok(result)
}
