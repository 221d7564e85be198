//! Every conversation a user may follow, across cycles, by stage: fifty at a time, with both
//! parties' names and the count at each stage.

use crate::error::{AppError, AppResult};
use crate::forms::parse_id;
use crate::page::Page;
use crate::pages::conversations::stage_label;
use crate::pages::render;
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::conversation::Stage;
use domain::cycle::newest_first;
use domain::{CycleId, UnitId};
use serde::Deserialize;
use std::collections::HashMap;
use storage::Reach;

/// Conversations per page.
const PER_PAGE: usize = 50;

struct Line {
    link: String,
    employee: String,
    leader: String,
    cycle: String,
    when: String,
    stage: String,
}

#[derive(Template)]
#[template(path = "conversation_list.html")]
struct ListView {
    page: Page,
    /// (id, name, chosen) of each cycle, newest first.
    cycles: Vec<(String, String, bool)>,
    cycle: String,
    counts: Vec<(String, usize)>,
    lines: Vec<Line>,
    total: usize,
    page_number: usize,
    from: usize,
    to: usize,
}

#[derive(Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    cycle: String,
    #[serde(default)]
    page: Option<usize>,
}

/// HR and the leadership group see the organisation's conversations, a leader their people's.
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Query(query): Query<ListQuery>,
) -> AppResult<Response> {
    let org = user.org.id;
    let led: Vec<UnitId>;
    let reach = if user.actor.keeps_strategy() {
        Reach::Organisation
    } else if user.actor.is_leader() {
        led = user.led_subtree(&*state.db.unit_tree(org).await?);
        Reach::Leader {
            leader: user.person.id,
            units: &led,
        }
    } else {
        return Err(AppError::Forbidden);
    };
    let cycles = newest_first(state.db.cycles(org).await?);
    let chosen = match query.cycle.trim() {
        "" => None,
        raw => {
            let id = parse_id::<CycleId>(raw)?;
            Some(
                cycles
                    .iter()
                    .find(|c| c.id == id)
                    .ok_or(AppError::NotFound)?
                    .id,
            )
        }
    };
    let page_number = query.page.unwrap_or(1).clamp(1, 1_000_000);
    let offset = (page_number - 1) * PER_PAGE;
    let found = state
        .db
        .conversations_by_stage(org, reach, chosen, offset as u64, PER_PAGE as u64)
        .await?;
    let t = page.t;
    let names: HashMap<CycleId, &str> = cycles.iter().map(|c| (c.id, c.name.as_str())).collect();
    let total = found.total();
    let lines: Vec<Line> = found
        .lines
        .into_iter()
        .map(|l| {
            let c = &l.conversation;
            Line {
                link: format!("/cycles/{}/people/{}", c.cycle_id, c.employee_id),
                cycle: names
                    .get(&c.cycle_id)
                    .copied()
                    .unwrap_or_default()
                    .to_owned(),
                when: c
                    .schedule
                    .as_ref()
                    .filter(|_| l.stage != Stage::Cancelled)
                    .map(|s| t.datetime(&s.starts_at))
                    .unwrap_or_default(),
                stage: stage_label(&t, l.stage),
                employee: l.employee,
                leader: l.leader,
            }
        })
        .collect();
    render(ListView {
        cycles: cycles
            .iter()
            .map(|c| (c.id.to_string(), c.name.clone(), Some(c.id) == chosen))
            .collect(),
        cycle: chosen.map(|c| c.to_string()).unwrap_or_default(),
        counts: Stage::ALL
            .iter()
            .map(|s| {
                (
                    stage_label(&t, *s),
                    found.counts.get(s).copied().unwrap_or(0),
                )
            })
            .collect(),
        from: (offset + 1).min(total),
        to: offset + lines.len(),
        lines,
        total,
        page_number,
        page: page.titled("conversation-list-title"),
    })
}
