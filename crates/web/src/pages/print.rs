//! The whole agreement on paper: the agenda, the development goals and commitments, the
//! psychological contract, the notes, the amendments and the signatures. For the two parties.

use crate::error::AppResult;
use crate::page::Page;
use crate::pages::agreement::{AmendmentView, amendment_view};
use crate::pages::party::Party;
use crate::pages::render;
use crate::pages::terms::{CommitmentView, GoalView, Names, terms_view};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use domain::agreement::Agreement;
use domain::contract::List;

#[derive(Template)]
#[template(path = "print.html")]
struct PrintView {
    page: Page,
    back: String,
    employee: String,
    leader: String,
    cycle: String,
    when: String,
    held: Option<String>,
    agenda: Vec<String>,
    goals: Vec<GoalView>,
    commitments: Vec<CommitmentView>,
    contract: Vec<(String, Vec<String>)>,
    notes: String,
    amendments: Vec<AmendmentView>,
    employee_signed: Option<String>,
    leader_signed: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let party = Party::load(&state, &user, &id).await?;
    let c = &party.conversation;
    let t = page.t;
    let agreement = state
        .db
        .agreement(c.id)
        .await?
        .unwrap_or_else(|| Agreement::new(c.id));
    let names = Names::load(&state, c.org_id, &[&agreement.terms]).await?;
    let (goals, commitments) = terms_view(&t, &agreement.terms, &names);
    let contract = state.db.contract(c.id).await?;
    let amendments = agreement
        .amendments
        .iter()
        .filter(|a| a.answer.is_some())
        .map(|a| amendment_view(&t, &party, a))
        .collect();
    let title = t.with(
        "print-title",
        &[
            ("name", party.employee.name.clone()),
            ("cycle", party.cycle.name.clone()),
        ],
    );
    render(PrintView {
        back: format!("/conversations/{}/agreement", c.id),
        employee: party.employee.name.clone(),
        leader: party.leader.name.clone(),
        cycle: party.cycle.name.clone(),
        when: c
            .schedule
            .as_ref()
            .map(|s| t.datetime(&s.starts_at))
            .unwrap_or_default(),
        held: c.held_at.map(|at| t.datetime(&at)),
        agenda: state
            .db
            .agenda(c.id)
            .await?
            .into_iter()
            .map(|p| p.text)
            .collect(),
        goals,
        commitments,
        contract: List::ALL
            .into_iter()
            .map(|list| {
                (
                    t.get(&format!("contract-{}", list.as_str())),
                    contract
                        .as_ref()
                        .map(|c| c.list(list).into_iter().map(|i| i.text.clone()).collect())
                        .unwrap_or_default(),
                )
            })
            .collect(),
        notes: state.db.notes(c.id).await?.0,
        amendments,
        employee_signed: agreement.employee_signed.map(|at| t.datetime(&at)),
        leader_signed: agreement.leader_signed.map(|at| t.datetime(&at)),
        page: page.named(&title),
    })
}
