//! Every conversation a user may follow, across cycles, by stage: fifty at a time, with both
//! parties' names and the count at each stage.

use crate::error::{AppError, AppResult};
use crate::forms::parse_id;
use crate::page::Page;
use crate::pages::conversations::{stage_counts, stage_label};
use crate::pages::paging::{PER_PAGE, Paging};
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
    counts: Vec<(String, usize)>,
    lines: Vec<Line>,
    paging: Paging,
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
        led = user.led_subtree();
        Reach::Leader {
            leader: user.person.id,
            units: &led,
        }
    } else {
        return Err(AppError::Forbidden);
    };
    let cycles = newest_first(user.cycles.to_vec());
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
    let number = Paging::number(query.page);
    let offset = Paging::offset(number);
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
    let href = match chosen {
        Some(cycle) => format!("/conversations?cycle={cycle}&"),
        None => "/conversations?".to_owned(),
    };
    render(ListView {
        cycles: cycles
            .iter()
            .map(|c| (c.id.to_string(), c.name.clone(), Some(c.id) == chosen))
            .collect(),
        counts: stage_counts(&t, &found.counts),
        paging: Paging::new(number, total, lines.len(), href),
        lines,
        page: page.titled("conversation-list-title"),
    })
}
