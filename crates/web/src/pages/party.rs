//! A conversation as one of its two parties sees it. The pages of the conversation's content
//! (agreement, notes, strategic dialogue, printout) are for the employee and the leader holding
//! it, and nobody else: anyone else gets a 404, as if it did not exist.

use crate::error::{AppError, AppResult};
use crate::forms::parse_id;
use crate::session::CurrentUser;
use crate::state::AppState;
use domain::ConversationId;
use domain::conversation::Conversation;
use domain::cycle::Cycle;
use domain::person::Person;
use domain::preparation::Side;

pub struct Party {
    pub conversation: Conversation,
    pub cycle: Cycle,
    pub side: Side,
    pub employee: Person,
    pub leader: Person,
}

impl Party {
    /// Loads the conversation for its employee or its leader.
    pub async fn load(state: &AppState, user: &CurrentUser, id: &str) -> AppResult<Party> {
        let org = user.org.id;
        let conversation = state
            .db
            .conversation(org, parse_id::<ConversationId>(id)?)
            .await?;
        let side = if conversation.employee_id == user.person.id {
            Side::Employee
        } else if conversation.leader_id == user.person.id {
            Side::Leader
        } else {
            return Err(AppError::NotFound);
        };
        Ok(Party {
            cycle: user.cycle(conversation.cycle_id)?.clone(),
            employee: state.db.person(org, conversation.employee_id).await?,
            leader: state.db.person(org, conversation.leader_id).await?,
            side,
            conversation,
        })
    }

    /// The conversation's page in its cycle.
    pub fn conversation_page(&self) -> String {
        format!(
            "/cycles/{}/people/{}",
            self.conversation.cycle_id, self.conversation.employee_id
        )
    }

    /// Scheduled and not cancelled: its content can be written.
    pub fn live(&self) -> bool {
        self.conversation.schedule.is_some() && !self.conversation.cancelled
    }

    /// The employee's and the leader's names.
    pub fn names(&self) -> (&str, &str) {
        (&self.employee.name, &self.leader.name)
    }
}
