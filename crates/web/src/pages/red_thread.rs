//! The employee's red thread: from the organisation's strategic goals, through their unit's
//! goals, to their own development goals, the actions under them and how each stands. Only
//! the employee sees their own.

use crate::error::AppResult;
use crate::page::Page;
use crate::pages::render;
use crate::pages::terms::{ActionView, Names, terms_view};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use domain::GoalId;
use domain::agreement::Agreement;

/// One of the employee's development goals under a strategic goal.
struct DevGoalLine {
    title: String,
    cycle: String,
    signed: bool,
    conversation_id: String,
    actions: Vec<ActionView>,
}

/// A strategic goal, the path to it from the top, and the development goals tied to it.
struct Thread {
    path: Vec<(String, String, String)>,
    goals: Vec<DevGoalLine>,
}

#[derive(Template)]
#[template(path = "red_thread.html")]
struct RedThreadView {
    page: Page,
    threads: Vec<Thread>,
}

pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
) -> AppResult<Response> {
    let org = user.org.id;
    let mut cycles = user.cycles.to_vec();
    cycles.sort_by_key(|c| std::cmp::Reverse(c.timeline.conversations_from()));
    // Newest first, so that this year's goals come before last year's under each thread.
    let mut agreements: Vec<(String, String, Agreement)> = Vec::new();
    for cycle in &cycles {
        if let Some(conversation) = state
            .db
            .conversation_of(org, cycle.id, user.person.id)
            .await?
            && let Some(agreement) = state.db.agreement(conversation.id).await?
        {
            agreements.push((cycle.name.clone(), conversation.id.to_string(), agreement));
        }
    }
    let t = page.t;
    let names = Names::load(
        &state,
        org,
        &agreements
            .iter()
            .map(|(_, _, a)| &a.terms)
            .collect::<Vec<_>>(),
        &[],
    )
    .await?;
    let units = user.units.clone();
    let mut threads: Vec<(GoalId, Thread)> = Vec::new();
    for (cycle, conversation_id, agreement) in &agreements {
        let (views, _) = terms_view(&t, &agreement.terms, &names, &[]);
        for (goal, view) in agreement.terms.goals.iter().zip(views) {
            for strategic in &goal.text.strategic_goals {
                if names.goals.get(*strategic).is_none() {
                    continue;
                }
                let index = match threads.iter().position(|(id, _)| id == strategic) {
                    Some(i) => i,
                    None => {
                        let path = names
                            .goals
                            .path(*strategic)
                            .into_iter()
                            .map(|g| {
                                let unit = units
                                    .get(g.unit_id)
                                    .map(|u| u.name.clone())
                                    .unwrap_or_default();
                                (g.id.to_string(), g.title.clone(), unit)
                            })
                            .collect();
                        threads.push((
                            *strategic,
                            Thread {
                                path,
                                goals: Vec::new(),
                            },
                        ));
                        threads.len() - 1
                    }
                };
                // A goal tied to several strategic goals is shown under each.
                let actions = view.actions.clone();
                threads[index].1.goals.push(DevGoalLine {
                    title: goal.text.title.clone(),
                    cycle: cycle.clone(),
                    signed: agreement.signed(),
                    conversation_id: conversation_id.clone(),
                    actions,
                });
            }
        }
    }
    // In the strategy's own order.
    let order: Vec<GoalId> = names.goals.walk().into_iter().map(|(_, g)| g.id).collect();
    threads.sort_by_key(|(id, _)| order.iter().position(|o| o == id));
    render(RedThreadView {
        threads: threads.into_iter().map(|(_, thread)| thread).collect(),
        page: page.titled("thread-title"),
    })
}
