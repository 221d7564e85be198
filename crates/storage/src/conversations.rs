//! Conversations: one per employee and cycle.

use crate::db::{Db, now};
use crate::schema::Conversations;
use crate::{Reach, Result, StorageError};
use chrono::{DateTime, NaiveDate, Utc};
use domain::conversation::{Conversation, Marks, Proposal, Schedule};
use domain::{ConversationId, CycleId, OrgId, PersonId, VersionId};
use sea_query::{Expr, Func, OnConflict, Query, SelectStatement, SimpleExpr};
use std::collections::HashMap;
use uuid::Uuid;

#[derive(sqlx::FromRow)]
pub(crate) struct ConversationRow {
    id: Uuid,
    org_id: Uuid,
    cycle_id: Uuid,
    employee_id: Uuid,
    leader_id: Uuid,
    starts_at: Option<DateTime<Utc>>,
    duration_minutes: Option<i32>,
    place: String,
    video_link: Option<String>,
    agenda_note: String,
    preparation_deadline: Option<NaiveDate>,
    proposed_start: Option<DateTime<Utc>>,
    proposal_note: String,
    cancelled: bool,
    sequence: i32,
    version_id: Option<Uuid>,
    held_at: Option<DateTime<Utc>>,
}

impl From<ConversationRow> for Conversation {
    fn from(row: ConversationRow) -> Self {
        let schedule = match (
            row.starts_at,
            row.duration_minutes,
            row.preparation_deadline,
        ) {
            (Some(starts_at), Some(duration), Some(deadline)) => Some(Schedule {
                starts_at,
                duration_minutes: duration as u32,
                place: row.place,
                video_link: row.video_link,
                agenda_note: row.agenda_note,
                preparation_deadline: deadline,
            }),
            _ => None,
        };
        Conversation {
            id: ConversationId(row.id),
            org_id: OrgId(row.org_id),
            cycle_id: CycleId(row.cycle_id),
            employee_id: PersonId(row.employee_id),
            leader_id: PersonId(row.leader_id),
            schedule,
            proposal: row.proposed_start.map(|starts_at| Proposal {
                starts_at,
                note: row.proposal_note,
            }),
            cancelled: row.cancelled,
            sequence: row.sequence as u32,
            version: row.version_id.map(VersionId),
            held_at: row.held_at,
        }
    }
}

pub(crate) fn select() -> SelectStatement {
    Query::select()
        .columns([
            Conversations::Id,
            Conversations::OrgId,
            Conversations::CycleId,
            Conversations::EmployeeId,
            Conversations::LeaderId,
            Conversations::StartsAt,
            Conversations::DurationMinutes,
            Conversations::Place,
            Conversations::VideoLink,
            Conversations::AgendaNote,
            Conversations::PreparationDeadline,
            Conversations::ProposedStart,
            Conversations::ProposalNote,
            Conversations::Cancelled,
            Conversations::Sequence,
            Conversations::VersionId,
            Conversations::HeldAt,
        ])
        .from(Conversations::Table)
        .to_owned()
}

/// The stored columns of a conversation, apart from its identity.
fn values(c: &Conversation) -> Vec<(Conversations, SimpleExpr)> {
    let s = c.schedule.as_ref();
    vec![
        (Conversations::LeaderId, c.leader_id.0.into()),
        (Conversations::StartsAt, s.map(|s| s.starts_at).into()),
        (
            Conversations::DurationMinutes,
            s.map(|s| s.duration_minutes as i32).into(),
        ),
        (
            Conversations::Place,
            s.map(|s| s.place.clone()).unwrap_or_default().into(),
        ),
        (
            Conversations::VideoLink,
            s.and_then(|s| s.video_link.clone()).into(),
        ),
        (
            Conversations::AgendaNote,
            s.map(|s| s.agenda_note.clone()).unwrap_or_default().into(),
        ),
        (
            Conversations::PreparationDeadline,
            s.map(|s| s.preparation_deadline).into(),
        ),
        (
            Conversations::ProposedStart,
            c.proposal.as_ref().map(|p| p.starts_at).into(),
        ),
        (
            Conversations::ProposalNote,
            c.proposal
                .as_ref()
                .map(|p| p.note.clone())
                .unwrap_or_default()
                .into(),
        ),
        (Conversations::Cancelled, c.cancelled.into()),
        (Conversations::Sequence, (c.sequence as i32).into()),
        (Conversations::VersionId, c.version.map(|v| v.0).into()),
        (Conversations::HeldAt, c.held_at.into()),
        (Conversations::UpdatedAt, now().into()),
    ]
}

impl Db {
    /// The conversations of a cycle within reach.
    pub async fn conversations(
        &self,
        org: OrgId,
        cycle: CycleId,
        reach: Reach<'_>,
    ) -> Result<Vec<Conversation>> {
        self.conversations_in(org, &[cycle], reach).await
    }

    /// [`Db::conversations`] of several cycles, in one statement.
    pub async fn conversations_in(
        &self,
        org: OrgId,
        cycles: &[CycleId],
        reach: Reach<'_>,
    ) -> Result<Vec<Conversation>> {
        if cycles.is_empty() {
            return Ok(Vec::new());
        }
        let rows: Vec<ConversationRow> = self
            .all(
                select().cond_where(reach.condition(org)).and_where(
                    Expr::col((Conversations::Table, Conversations::CycleId))
                        .is_in(cycles.iter().map(|c| c.0)),
                ),
            )
            .await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    pub async fn conversation(&self, org: OrgId, id: ConversationId) -> Result<Conversation> {
        let row: Option<ConversationRow> = self
            .optional(
                select()
                    .and_where(Expr::col(Conversations::OrgId).eq(org.0))
                    .and_where(Expr::col(Conversations::Id).eq(id.0)),
            )
            .await?;
        row.map(Into::into).ok_or(StorageError::NotFound)
    }

    /// An employee's conversation in a cycle, if there is one.
    pub async fn conversation_of(
        &self,
        org: OrgId,
        cycle: CycleId,
        employee: PersonId,
    ) -> Result<Option<Conversation>> {
        let row: Option<ConversationRow> = self
            .optional(
                select()
                    .and_where(Expr::col(Conversations::OrgId).eq(org.0))
                    .and_where(Expr::col(Conversations::CycleId).eq(cycle.0))
                    .and_where(Expr::col(Conversations::EmployeeId).eq(employee.0)),
            )
            .await?;
        Ok(row.map(Into::into))
    }

    /// Every conversation the person takes part in, as employee or as the leader holding it.
    pub async fn conversations_with(
        &self,
        org: OrgId,
        person: PersonId,
    ) -> Result<Vec<Conversation>> {
        let rows: Vec<ConversationRow> = self
            .all(
                select()
                    .and_where(Expr::col(Conversations::OrgId).eq(org.0))
                    .and_where(
                        Expr::col(Conversations::EmployeeId)
                            .eq(person.0)
                            .or(Expr::col(Conversations::LeaderId).eq(person.0)),
                    ),
            )
            .await?;
        Ok(rows.into_iter().map(Conversation::from).collect())
    }

    /// How many conversations, not cancelled, each of these employees has had or has booked.
    pub async fn conversation_counts(
        &self,
        org: OrgId,
        employees: &[PersonId],
    ) -> Result<HashMap<PersonId, usize>> {
        let rows: Vec<(Uuid, i64)> = self
            .all(
                Query::select()
                    .column(Conversations::EmployeeId)
                    .expr(Func::count(Expr::col(Conversations::Id)))
                    .from(Conversations::Table)
                    .and_where(Expr::col(Conversations::OrgId).eq(org.0))
                    .and_where(
                        Expr::col(Conversations::EmployeeId).is_in(employees.iter().map(|p| p.0)),
                    )
                    .and_where(Expr::col(Conversations::Cancelled).eq(false))
                    .group_by_col(Conversations::EmployeeId),
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|(p, n)| (PersonId(p), n as usize))
            .collect())
    }

    /// Whether one conversation's preparation has started and its agreement is signed by both.
    pub async fn marks(&self, conversation: ConversationId) -> Result<Marks> {
        let row: Option<(bool, bool)> = self
            .optional(
                Query::select()
                    .columns([Conversations::Prepared, Conversations::Agreed])
                    .from(Conversations::Table)
                    .and_where(Expr::col(Conversations::Id).eq(conversation.0)),
            )
            .await?;
        let (prepared, agreed) = row.unwrap_or_default();
        Ok(Marks { prepared, agreed })
    }

    /// For each conversation within reach, of one cycle or of all, that has any: whether
    /// preparation has started and whether the agreement is signed by both.
    pub async fn conversation_marks(
        &self,
        org: OrgId,
        cycle: Option<CycleId>,
        reach: Reach<'_>,
    ) -> Result<HashMap<ConversationId, Marks>> {
        let col = |c: Conversations| Expr::col((Conversations::Table, c));
        let rows: Vec<(Uuid, bool, bool)> = self
            .all(
                Query::select()
                    .columns([
                        (Conversations::Table, Conversations::Id),
                        (Conversations::Table, Conversations::Prepared),
                        (Conversations::Table, Conversations::Agreed),
                    ])
                    .from(Conversations::Table)
                    .cond_where(reach.condition(org))
                    .and_where_option(cycle.map(|c| col(Conversations::CycleId).eq(c.0)))
                    .and_where(
                        col(Conversations::Prepared)
                            .eq(true)
                            .or(col(Conversations::Agreed).eq(true)),
                    ),
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|(id, prepared, agreed)| (ConversationId(id), Marks { prepared, agreed }))
            .collect())
    }

    /// Inserts or updates a conversation (one per employee and cycle). An id that exists in
    /// another organisation gives [`StorageError::NotFound`].
    pub async fn save_conversation(&self, c: &Conversation) -> Result<()> {
        let values = values(c);
        let mut columns = vec![
            Conversations::Id,
            Conversations::OrgId,
            Conversations::CycleId,
            Conversations::EmployeeId,
            Conversations::CreatedAt,
        ];
        let mut row: Vec<SimpleExpr> = vec![
            c.id.0.into(),
            c.org_id.0.into(),
            c.cycle_id.0.into(),
            c.employee_id.0.into(),
            now().into(),
        ];
        columns.extend(values.iter().map(|(col, _)| *col));
        row.extend(values.iter().map(|(_, v)| v.clone()));
        let updated: Vec<Conversations> = values.iter().map(|(col, _)| *col).collect();
        self.exec(
            Query::insert()
                .into_table(Conversations::Table)
                .columns(columns)
                .values_panic(row)
                // Never across organisations, even for an id that came from elsewhere.
                .on_conflict(
                    OnConflict::column(Conversations::Id)
                        .update_columns(updated)
                        .action_and_where(
                            Expr::col((Conversations::Table, Conversations::OrgId)).eq(c.org_id.0),
                        )
                        .to_owned(),
                ),
        )
        .await
        .and_then(|touched| {
            if touched == 0 {
                Err(StorageError::NotFound)
            } else {
                Ok(())
            }
        })
    }
}
