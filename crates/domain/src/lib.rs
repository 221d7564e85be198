//! MOUSE's domain: the organisation's structure, its people and who may see what.
//!
//! Nothing here knows about HTTP or SQL; storage and web translate to and from these types.
//! Later parts of the product (strategy, cycles, conversations) get their own modules beside
//! these and lean on [`access`] for every visibility decision.

pub mod access;
pub mod agreement;
pub mod audit;
pub mod calendar;
pub mod competence;
pub mod contract;
pub mod conversation;
pub mod cycle;
pub mod dialogue;
pub mod disclosure;
pub mod drawer;
pub mod effect;
pub mod evaluation;
pub mod followup;
pub mod ids;
pub mod import;
pub mod intention;
pub mod locale;
pub mod mail;
pub mod org;
pub mod person;
pub mod preparation;
pub mod progress;
pub mod questions;
pub mod role;
pub mod sharing;
pub mod strategy;

pub use ids::{
    CompetenceId, ConversationId, CycleId, FollowUpId, GoalId, ItemId, OrgId, PersonId,
    QuestionSetId, UnitId, VersionId,
};
