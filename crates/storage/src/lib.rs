//! MOUSE's storage: one implementation that serves SQLite (the embedded default) and PostgreSQL.
//!
//! Every query is written once with sea-query and rendered in the backend's dialect; rows map
//! to the same structs on both. Each aggregate has its own module of `impl Db` methods, and every
//! query of organisation data is scoped by the organisation id, so isolation between
//! organisations is a property of the queries, not of the callers.

mod agenda;
mod agreements;
mod answer_counts;
mod audit;
mod calendar_feeds;
mod competences;
mod contracts;
mod conversation_list;
mod conversations;
mod cycle_overview;
mod cycles;
mod db;
mod development_goals;
mod dialogue;
mod drawer;
mod effect_counts;
mod effect_kept;
mod error;
mod evaluations;
mod feedback_responses;
mod focus_questions;
mod follow_ups;
mod goals;
mod hr_shares;
mod imports;
mod intentions;
mod lease;
mod orgs;
mod outbox;
mod people;
mod preparations;
mod questions;
mod reach;
mod revisions;
mod schema;
mod sessions;
mod stages_kept;
mod units;
mod user_context;
mod users;

pub use agenda::AgendaPoint;
pub use agreements::{SignedAgreement, Superseded, UnsignedAgreement};
pub use answer_counts::{AnswerCounts, Answers, Disclosed, Scored};
pub use audit::{AuditEntry, AuditRecord};
pub use calendar_feeds::Deadline;
pub use conversation_list::{ConversationLine, ConversationPage};
pub use cycle_overview::{Staff, StageCount};
pub use db::{Backend, Db, PG_TEST_AFTER_IDLE, now, today};
pub use drawer::{AgreementPulse, DrawerPage, HomeFlags, Judgement, Told, UnitCount};
pub use error::StorageError;
pub use feedback_responses::{Raised, Responded, SharedEntry};
pub use lease::release_connection;
pub use outbox::{Delivery, Outgoing};
pub use questions::VersionInfo;
pub use reach::Reach;
pub use revisions::Revisions;
pub use sessions::SessionRecord;
pub use user_context::UserContext;
pub use users::{LoginRecord, UserSummary};

pub type Result<T, E = StorageError> = std::result::Result<T, E>;
