//! The whole agreement on paper: the agenda, the development goals and commitments, the
//! psychological contract, the notes, the amendments and the signatures. For the two parties;
//! HR reads here only the parts the employee chose to share with it.

use crate::error::{AppError, AppResult};
use crate::forms::parse_id;
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
use domain::ConversationId;
use domain::agreement::Agreement;
use domain::contract::List;
use domain::conversation::Conversation;
use domain::preparation::Side;
use domain::sharing::Part;

#[derive(Template)]
#[template(path = "print.html")]
struct PrintView {
    page: Page,
    /// Where to go back to: the agreement for a party, the conversation for HR.
    back: String,
    employee: String,
    leader: String,
    cycle: String,
    when: String,
    held: Option<String>,
    /// Only for the parties: HR sees neither agenda nor notes.
    agenda: Vec<String>,
    show_agreement: bool,
    goals: Vec<GoalView>,
    commitments: Vec<CommitmentView>,
    show_contract: bool,
    contract: Vec<(String, Vec<String>)>,
    notes: String,
    amendments: Vec<AmendmentView>,
    employee_signed: Option<String>,
    leader_signed: Option<String>,
}

/// Who reads, and so what they may read.
enum Reader {
    Party(Side),
    Hr(Vec<Part>),
}

/// The conversation for one of its parties, or for HR when the employee shared a part.
async fn open(state: &AppState, user: &CurrentUser, id: &str) -> AppResult<(Party, Reader)> {
    match Party::load(state, user, id).await {
        Ok(party) => {
            let side = party.side;
            Ok((party, Reader::Party(side)))
        }
        Err(AppError::NotFound) if user.actor.granted.hr => {
            let org = user.org.id;
            let conversation = state
                .db
                .conversation(org, parse_id::<ConversationId>(id)?)
                .await?;
            let parts = state.db.hr_shares(conversation.id).await?;
            if parts.is_empty() {
                return Err(AppError::NotFound);
            }
            let party = Party {
                cycle: user.cycle(conversation.cycle_id)?.clone(),
                employee: state.db.person(org, conversation.employee_id).await?,
                leader: state.db.person(org, conversation.leader_id).await?,
                // HR is neither party; the side only names whose view this would be.
                side: Side::Employee,
                conversation,
            };
            Ok((party, Reader::Hr(parts)))
        }
        Err(other) => Err(other),
    }
}

pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (party, reader) = open(&state, &user, &id).await?;
    let may = |part: Part| match &reader {
        Reader::Party(_) => true,
        Reader::Hr(parts) => parts.contains(&part),
    };
    let is_party = matches!(reader, Reader::Party(_));
    let c: &Conversation = &party.conversation;
    let t = page.t;
    let agreement = match may(Part::Agreement) {
        true => state.db.agreement(c.id).await?,
        false => None,
    }
    .unwrap_or_else(|| Agreement::new(c.id));
    let reports = match may(Part::Agreement) {
        true => state.db.progress_history(c.id).await?,
        false => Vec::new(),
    };
    let names = Names::load(&state, c.org_id, &[&agreement.terms], &reports).await?;
    let (goals, commitments) = terms_view(&t, &agreement.terms, &names, &reports);
    let contract = match may(Part::Contract) {
        true => state.db.contract(c.id).await?,
        false => None,
    };
    let viewer = match reader {
        Reader::Party(side) => Some(side),
        Reader::Hr(_) => None,
    };
    let title = t.with(
        "print-title",
        &[
            ("name", party.employee.name.clone()),
            ("cycle", party.cycle.name.clone()),
        ],
    );
    render(PrintView {
        back: if is_party {
            format!("/conversations/{}/agreement", c.id)
        } else {
            party.conversation_page()
        },
        employee: party.employee.name.clone(),
        leader: party.leader.name.clone(),
        cycle: party.cycle.name.clone(),
        when: c
            .schedule
            .as_ref()
            .map(|s| t.datetime(&s.starts_at))
            .unwrap_or_default(),
        held: c.held_at.map(|at| t.datetime(&at)),
        agenda: if is_party {
            state
                .db
                .agenda(c.id)
                .await?
                .into_iter()
                .map(|p| p.text)
                .collect()
        } else {
            Vec::new()
        },
        show_agreement: may(Part::Agreement),
        goals,
        commitments,
        show_contract: may(Part::Contract),
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
        notes: if is_party {
            state.db.notes(c.id).await?.0
        } else {
            String::new()
        },
        amendments: agreement
            .amendments
            .iter()
            .filter(|a| a.answer.is_some())
            .map(|a| amendment_view(&t, party.names(), viewer, a))
            .collect(),
        employee_signed: agreement.employee_signed.map(|at| t.datetime(&at)),
        leader_signed: agreement.leader_signed.map(|at| t.datetime(&at)),
        page: page.named(&title),
    })
}
