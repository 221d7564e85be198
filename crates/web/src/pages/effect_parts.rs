//! What an effect figure is made of, and the dashboard as CSV.

use crate::error::{AppError, AppResult};
use crate::forms::parse_id;
use crate::page::Page;
use crate::pages::conversations::may_open;
use crate::pages::effect::cell;
use crate::pages::effect_data::{EffectQuery, Loaded, Reading};
use crate::pages::effect_scores;
use crate::pages::{csv_response, render};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use domain::cycle::Cycle;
use domain::effect::{Figure, Part, Share, parts, serving};
use domain::{ConversationId, GoalId, PersonId};
use std::collections::HashMap;

/// One thing a figure is made of, as the viewer may see it.
struct PartRow {
    name: String,
    /// The person's conversation page, when the viewer may open it.
    person_link: Option<String>,
    text: String,
    counted: bool,
}

#[derive(Template)]
#[template(path = "effect_parts.html")]
struct PartsView {
    page: Page,
    name: String,
    cycle: String,
    figure: String,
    share: String,
    rows: Vec<PartRow>,
    back: String,
}

/// What one figure is made of. Item texts (an action, a development goal) are shown only to
/// the two parties of the conversation they belong to; everyone else sees whose it is.
pub async fn figure_parts(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Query(q): Query<EffectQuery>,
) -> AppResult<Response> {
    let loaded = Loaded::read(&state, &user, &q, Reading::People).await?;
    let cycle = loaded.cycles.get(loaded.chosen).ok_or(AppError::NotFound)?;
    let patience = user.org.settings.patience;
    // Who held each conversation, to know whether the viewer was a party to it.
    let read;
    let record = match loaded.history() {
        Some(history) => history,
        None => {
            read = loaded.record(&state, cycle).await?;
            &read
        }
    };
    let leaders: HashMap<ConversationId, PersonId> = record
        .conversations(cycle)
        .iter()
        .map(|c| (c.id, c.leader_id))
        .collect();
    let listed = |found: Vec<Part>| {
        let share = Share {
            part: found.iter().filter(|p| p.counted).count(),
            whole: found.len(),
        };
        let rows: Vec<PartRow> = found
            .iter()
            .map(|part| part_row(&loaded, &leaders, cycle, &user, part))
            .collect();
        (share, rows)
    };
    let ((share, mut rows), title) = if q.goal.is_empty() {
        let figure = Figure::parse(&q.figure).ok_or(AppError::NotFound)?;
        let listed = loaded.with_record(record, cycle, |r| {
            listed(parts(r, &loaded.people, figure, loaded.today, patience))
        });
        (listed, page.t.get(&format!("effect-{}", figure.as_str())))
    } else {
        let goal = loaded
            .goals
            .get(parse_id::<GoalId>(&q.goal)?)
            .ok_or(AppError::NotFound)?;
        let listed = loaded.with_record(record, cycle, |r| {
            listed(serving(r, &loaded.people, &loaded.goals, goal.id))
        });
        let title = page
            .t
            .with("effect-serving", &[("goal", goal.title.clone())]);
        (listed, title)
    };
    let t = page.t;
    rows.sort_by(|a, b| (!a.counted, &a.name).cmp(&(!b.counted, &b.name)));
    render(PartsView {
        name: loaded.name.clone(),
        cycle: cycle.name.clone(),
        figure: title,
        share: cell(&t, share, String::new()).text,
        rows,
        back: format!("/effect?{}&cycle={}", loaded.scope_query(), cycle.id),
        page: page.titled("effect-parts-title"),
    })
}

fn part_row(
    loaded: &Loaded,
    leaders: &HashMap<ConversationId, PersonId>,
    cycle: &Cycle,
    user: &CurrentUser,
    part: &Part,
) -> PartRow {
    let leader_of = part.conversation.and_then(|id| leaders.get(&id).copied());
    let party = user.person.id == part.person || leader_of == Some(user.person.id);
    let person = loaded.everyone.get(&part.person);
    PartRow {
        name: person.map(|p| p.name.clone()).unwrap_or_default(),
        person_link: person
            .filter(|p| may_open(user, p, &loaded.units))
            .map(|_| format!("/cycles/{}/people/{}", cycle.id, part.person)),
        text: if party {
            part.text.to_string()
        } else {
            String::new()
        },
        counted: part.counted,
    }
}

/// The dashboard as CSV: every figure of the chosen cycle and the one before, and the red
/// thread, for a spreadsheet.
pub async fn export(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Query(q): Query<EffectQuery>,
) -> AppResult<Response> {
    let loaded = Loaded::read(&state, &user, &q, Reading::Figures).await?;
    let t = page.t;
    let (Some(now), before) = loaded.compared() else {
        return Err(AppError::NotFound);
    };
    let mut rows: Vec<Vec<String>> = vec![
        [
            "effect-csv-scope",
            "effect-csv-cycle",
            "effect-csv-figure",
            "effect-csv-part",
            "effect-csv-whole",
            "effect-csv-percent",
        ]
        .map(|k| t.get(k))
        .to_vec(),
    ];
    let percent = |s: Share| s.percent().map(|p| p.to_string()).unwrap_or_default();
    for cycle in [Some(now), before].into_iter().flatten() {
        let figures = loaded.figures(&state, cycle, &user).await?;
        let line = |label: String, part: String, whole: String, share: String| {
            vec![
                loaded.name.clone(),
                cycle.name.clone(),
                label,
                part,
                whole,
                share,
            ]
        };
        for figure in Figure::ALL {
            let share = figures.share(figure);
            rows.push(line(
                t.get(&format!("effect-{}", figure.as_str())),
                share.part.to_string(),
                share.whole.to_string(),
                percent(share),
            ));
        }
        let context = loaded.score_context(&t, &user);
        for (label, average, count) in
            effect_scores::disclosed(&context, cycle, loaded.answers_of(cycle))
        {
            rows.push(line(
                label,
                format!("{average:.2}"),
                count.to_string(),
                String::new(),
            ));
        }
        for served in &figures.red_thread {
            let Some(goal) = loaded.goals.get(served.goal) else {
                continue;
            };
            let share = Share {
                part: served.dev_goals,
                whole: figures.dev_goals,
            };
            rows.push(line(
                t.with("effect-csv-thread", &[("goal", goal.title.clone())]),
                share.part.to_string(),
                share.whole.to_string(),
                percent(share),
            ));
        }
    }
    csv_response(&rows, &format!("mouse-effect-{}.csv", now.id))
}
