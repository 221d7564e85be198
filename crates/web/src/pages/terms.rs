//! A development agreement's terms as the pages show them: on the agreement page, in the
//! printout, and as last year's agreement that this year's conversation opens with.

use crate::i18n::Tr;
use crate::pages::view::names_of;
use crate::state::AppState;
use domain::agreement::{Agreement, Terms};
use domain::competence::Competence;
use domain::progress::ProgressUpdate;
use domain::strategy::GoalTree;
use domain::{ItemId, OrgId, PersonId};
use std::collections::HashMap;
use std::sync::Arc;

#[derive(Clone)]
pub struct ActionView {
    pub id: String,
    pub text: String,
    pub kind: String,
    pub owner: String,
    pub due: String,
    pub progress: &'static str,
    pub progress_label: String,
    /// The reports on it, newest first.
    pub history: Vec<String>,
}

pub struct GoalView {
    pub index: String,
    pub title: String,
    pub success: String,
    pub priority: &'static str,
    pub priority_label: String,
    pub strategic: Vec<(String, String)>,
    pub strategic_ids: Vec<String>,
    pub competences: Vec<String>,
    pub competence_ids: Vec<String>,
    pub actions: Vec<ActionView>,
    /// How many of the goal's actions are done, of how many.
    pub done: (usize, usize),
}

pub struct CommitmentView {
    pub id: String,
    pub text: String,
    pub kind: String,
    pub owner: String,
    pub due: String,
    pub progress: &'static str,
    pub progress_label: String,
    /// The reports on it, newest first.
    pub history: Vec<String>,
}

/// What a terms view needs to name things: the strategy, the catalogue and the owners.
pub struct Names {
    pub goals: Arc<GoalTree>,
    pub competences: Vec<Competence>,
    pub people: HashMap<PersonId, String>,
}

impl Names {
    /// The names for these terms and the authors of these reports.
    pub async fn load(
        state: &AppState,
        org: OrgId,
        terms: &[&Terms],
        reports: &[ProgressUpdate],
    ) -> crate::error::AppResult<Names> {
        // Collected before the await: a lazy iterator of closures would not make a `Send` future.
        let owners: Vec<PersonId> = terms
            .iter()
            .flat_map(|t| {
                t.goals
                    .iter()
                    .flat_map(|g| g.actions.iter().map(|a| a.owner))
                    .chain(t.commitments.iter().map(|c| c.owner))
            })
            .chain(reports.iter().map(|r| r.by))
            .collect();
        Ok(Names {
            people: names_of(&state.db, org, owners).await?,
            goals: state.db.goal_tree(org).await?,
            competences: state.db.competences(org).await?,
        })
    }
}

/// The terms ready to show, each action and commitment with its reports.
pub fn terms_view(
    t: &Tr,
    terms: &Terms,
    names: &Names,
    reports: &[ProgressUpdate],
) -> (Vec<GoalView>, Vec<CommitmentView>) {
    let history = |item: ItemId| -> Vec<String> {
        reports
            .iter()
            .rev()
            .filter(|r| r.item == item)
            .map(|r| {
                let who = names.people.get(&r.by).cloned().unwrap_or_default();
                let what = t.get(&format!("agreement-progress-{}", r.progress.as_str()));
                if r.note.is_empty() {
                    format!("{} · {who} · {what}", t.datetime(&r.at))
                } else {
                    format!("{} · {who} · {what} – {}", t.datetime(&r.at), r.note)
                }
            })
            .collect()
    };
    let owner = |id: &PersonId| {
        names
            .people
            .get(id)
            .cloned()
            .unwrap_or_else(|| t.get("agreement-someone"))
    };
    let progress =
        |p: domain::agreement::Progress| t.get(&format!("agreement-progress-{}", p.as_str()));
    let goals = terms
        .goals
        .iter()
        .enumerate()
        .map(|(i, g)| GoalView {
            index: i.to_string(),
            title: g.text.title.clone(),
            success: g.text.success.clone(),
            priority: g.text.priority.as_str(),
            priority_label: t.get(&format!("agreement-priority-{}", g.text.priority.as_str())),
            strategic: crate::pages::competences::goal_links(&names.goals, &g.text.strategic_goals),
            strategic_ids: g
                .text
                .strategic_goals
                .iter()
                .map(|g| g.to_string())
                .collect(),
            competences: g
                .text
                .competences
                .iter()
                .filter_map(|id| names.competences.iter().find(|c| c.id == *id))
                .map(|c| c.name.clone())
                .collect(),
            competence_ids: g.text.competences.iter().map(|c| c.to_string()).collect(),
            actions: g
                .actions
                .iter()
                .map(|a| ActionView {
                    id: a.id.to_string(),
                    history: history(a.id),
                    text: a.text.clone(),
                    kind: t.get(&format!("agreement-action-{}", a.kind.as_str())),
                    owner: owner(&a.owner),
                    due: t.date(a.due),
                    progress: a.progress.as_str(),
                    progress_label: progress(a.progress),
                })
                .collect(),
            done: (
                g.actions
                    .iter()
                    .filter(|a| a.progress == domain::agreement::Progress::Done)
                    .count(),
                g.actions.len(),
            ),
        })
        .collect();
    let commitments = terms
        .commitments
        .iter()
        .map(|c| CommitmentView {
            id: c.id.to_string(),
            history: history(c.id),
            text: c.text.clone(),
            kind: t.get(&format!("agreement-commitment-{}", c.kind.as_str())),
            owner: owner(&c.owner),
            due: c.due.map(|d| t.date(d)).unwrap_or_default(),
            progress: c.progress.as_str(),
            progress_label: progress(c.progress),
        })
        .collect();
    (goals, commitments)
}

/// The employee's agreement in the nearest earlier cycle that has one, with that cycle's name.
async fn last_year(
    state: &AppState,
    conversation: &domain::conversation::Conversation,
) -> crate::error::AppResult<Option<(String, Agreement)>> {
    let org = conversation.org_id;
    let cycles = state.db.cycles(org).await?;
    let Some(this) = cycles.iter().find(|c| c.id == conversation.cycle_id) else {
        return Ok(None);
    };
    let mut earlier: Vec<_> = cycles
        .iter()
        .filter(|c| c.timeline.conversations_from() < this.timeline.conversations_from())
        .collect();
    earlier.sort_by_key(|c| std::cmp::Reverse(c.timeline.conversations_from()));
    for cycle in earlier {
        if let Some(previous) = state
            .db
            .conversation_of(org, cycle.id, conversation.employee_id)
            .await?
            && let Some(agreement) = state.db.agreement(previous.id).await?
            && !agreement.terms.goals.is_empty()
        {
            return Ok(Some((cycle.name.clone(), agreement)));
        }
    }
    Ok(None)
}

/// Last year's agreement, which this year's conversation opens with, and how each goal went.
pub struct LastYear {
    pub cycle: String,
    pub goals: Vec<GoalView>,
    pub commitments: Vec<CommitmentView>,
}

impl LastYear {
    /// Last year's agreement of a conversation's employee, ready to show, if there is one.
    pub async fn load(
        state: &AppState,
        t: &Tr,
        conversation: &domain::conversation::Conversation,
    ) -> crate::error::AppResult<Option<LastYear>> {
        let Some((cycle, agreement)) = last_year(state, conversation).await? else {
            return Ok(None);
        };
        let reports = state.db.progress_history(agreement.conversation_id).await?;
        let names = Names::load(state, conversation.org_id, &[&agreement.terms], &reports).await?;
        let (goals, commitments) = terms_view(t, &agreement.terms, &names, &reports);
        Ok(Some(LastYear {
            cycle,
            goals,
            commitments,
        }))
    }
}
