//! Development agreements and the shared notes of a conversation, one of each per
//! conversation, written under a revision so that neither party overwrites the other unseen.

use crate::db::{Db, now};
use crate::development_goals::write_development_goals;
use crate::follow_ups::insert_follow_ups;
use crate::schema::{
    AgreementItems, Agreements, ConversationNotes, Conversations, People, Preparations,
    ProgressUpdates,
};
use crate::{Reach, Result, StorageError};
use chrono::{DateTime, Utc};
use domain::agreement::{Agreement, Amendment, Terms};
use domain::conversation::TIME_ZONE;
use domain::drawer::Outstanding;
use domain::followup::FollowUp;
use domain::preparation::Side;
use domain::progress::ProgressUpdate;
use domain::{ConversationId, CycleId, ItemId, OrgId, PersonId, UnitId};
use sea_query::{
    Alias, Asterisk, Expr, Func, OnConflict, Order, Query, SelectStatement, SimpleExpr,
};
use std::collections::HashMap;
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct AgreementRow {
    document: String,
    employee_signed_at: Option<DateTime<Utc>>,
    leader_signed_at: Option<DateTime<Utc>>,
    revision: i32,
}

fn corrupt(e: serde_json::Error) -> StorageError {
    StorageError::Corrupt(format!("agreement: {e}"))
}

fn read_agreement(conversation: ConversationId, row: AgreementRow) -> Result<Agreement> {
    let mut document: serde_json::Value = serde_json::from_str(&row.document).map_err(corrupt)?;
    let terms: Terms = serde_json::from_value(document["terms"].take()).map_err(corrupt)?;
    let amendments: Vec<Amendment> =
        serde_json::from_value(document["amendments"].take()).map_err(corrupt)?;
    Ok(Agreement {
        conversation_id: conversation,
        terms,
        employee_signed: row.employee_signed_at,
        leader_signed: row.leader_signed_at,
        amendments,
        revision: row.revision as u32,
    })
}

/// A held conversation whose agreement both parties have not signed (or that has none).
#[derive(Clone, Debug)]
pub struct UnsignedAgreement {
    pub conversation_id: ConversationId,
    pub cycle_id: CycleId,
    pub employee_id: PersonId,
    /// The employee's unit now.
    pub unit_id: UnitId,
    pub leader_id: PersonId,
    pub held_at: DateTime<Utc>,
    pub employee_signed: bool,
    pub leader_signed: bool,
}

#[derive(sqlx::FromRow)]
struct UnsignedRow {
    conversation_id: Uuid,
    cycle_id: Uuid,
    employee_id: Uuid,
    unit_id: Uuid,
    leader_id: Uuid,
    held_at: DateTime<Utc>,
    employee_signed_at: Option<DateTime<Utc>>,
    leader_signed_at: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
struct CountedUnsignedRow {
    #[sqlx(flatten)]
    row: UnsignedRow,
    total: i64,
}

impl From<UnsignedRow> for UnsignedAgreement {
    fn from(r: UnsignedRow) -> UnsignedAgreement {
        UnsignedAgreement {
            conversation_id: ConversationId(r.conversation_id),
            cycle_id: CycleId(r.cycle_id),
            employee_id: PersonId(r.employee_id),
            unit_id: UnitId(r.unit_id),
            leader_id: PersonId(r.leader_id),
            held_at: r.held_at,
            employee_signed: r.employee_signed_at.is_some(),
            leader_signed: r.leader_signed_at.is_some(),
        }
    }
}

/// A conversation's mark kept by triggers (0033, 0035), as a condition.
fn mark(c: Conversations) -> Expr {
    Expr::col((Conversations::Table, c))
}

/// Held conversations within reach, held before `held_before`, whose agreement both parties
/// have not signed (or that have none) and no later cycle's signed agreement of the employee
/// supersedes, with their employee in `units` when given: their ids, from the conversations
/// alone (and their employees when filtered by unit).
fn waiting(
    org: OrgId,
    reach: Reach<'_>,
    held_before: DateTime<Utc>,
    units: Option<&[UnitId]>,
) -> SelectStatement {
    let conversation = |c: Conversations| Expr::col((Conversations::Table, c));
    let mut select = Query::select()
        .column((Conversations::Table, Conversations::Id))
        .from(Conversations::Table)
        .cond_where(reach.condition(org))
        .and_where(conversation(Conversations::HeldAt).lt(held_before))
        .and_where(conversation(Conversations::Cancelled).eq(false))
        // Not signed by both, nor superseded, as the partial index conversations_unsigned (0035)
        // reads, so that it is used.
        .and_where(mark(Conversations::Agreed).not())
        .and_where(mark(Conversations::Superseded).not())
        .to_owned();
    if let Some(units) = units {
        select
            .inner_join(People::Table, employee_of_conversation())
            .and_where(Expr::col((People::Table, People::UnitId)).is_in(units.iter().map(|u| u.0)));
    }
    select
}

/// The conversations `chosen` names in its column `id`, with their employee's unit and how far
/// the signing got: looked up for the rows chosen only.
fn dressed(chosen: SelectStatement) -> SelectStatement {
    Query::select()
        .expr_as(
            Expr::col((Conversations::Table, Conversations::Id)),
            Alias::new("conversation_id"),
        )
        .columns([
            (Conversations::Table, Conversations::CycleId),
            (Conversations::Table, Conversations::EmployeeId),
            (Conversations::Table, Conversations::LeaderId),
            (Conversations::Table, Conversations::HeldAt),
        ])
        .column((People::Table, People::UnitId))
        .columns([
            (Agreements::Table, Agreements::EmployeeSignedAt),
            (Agreements::Table, Agreements::LeaderSignedAt),
        ])
        .from_subquery(chosen, chosen_alias())
        .inner_join(
            Conversations::Table,
            Expr::col((Conversations::Table, Conversations::Id))
                .equals((chosen_alias(), Alias::new("id"))),
        )
        .inner_join(People::Table, employee_of_conversation())
        .left_join(
            Agreements::Table,
            Expr::col((Agreements::Table, Agreements::ConversationId))
                .equals((Conversations::Table, Conversations::Id)),
        )
        .order_by((Conversations::Table, Conversations::HeldAt), Order::Asc)
        .order_by((Conversations::Table, Conversations::Id), Order::Asc)
        .to_owned()
}

fn chosen_alias() -> Alias {
    Alias::new("chosen")
}

fn employee_of_conversation() -> SimpleExpr {
    Expr::col((People::Table, People::Id)).equals((Conversations::Table, Conversations::EmployeeId))
}

/// A signed agreement with whose it is and when anything last happened on it.
pub struct SignedAgreement {
    pub employee_id: PersonId,
    pub leader_id: PersonId,
    pub cycle_id: CycleId,
    pub agreement: Agreement,
    pub last_activity: DateTime<Utc>,
}

/// Who and when of a signed agreement, as both of its readings select it.
#[derive(sqlx::FromRow)]
pub(crate) struct SignedHead {
    pub(crate) id: Uuid,
    pub(crate) employee_id: Uuid,
    pub(crate) leader_id: Uuid,
    pub(crate) cycle_id: Uuid,
    pub(crate) last_activity: DateTime<Utc>,
}

#[derive(sqlx::FromRow)]
struct SignedRow {
    #[sqlx(flatten)]
    head: SignedHead,
    #[sqlx(flatten)]
    agreement: AgreementRow,
}

/// Which of the signed agreements are read: every cycle's (the effect figures), or only those
/// no later cycle's agreement of the same employee has superseded (the drawer detector, its
/// lists and reminders: the next conversation opened with the old agreement and renegotiated it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Superseded {
    Included,
    Excluded,
}

/// The agreements signed by both parties within reach, with who and when.
pub(crate) fn signed_within(
    org: OrgId,
    reach: Reach<'_>,
    superseded: Superseded,
) -> SelectStatement {
    let signed = |c: Agreements| Expr::col((Agreements::Table, c)).is_not_null();
    Query::select()
        .columns([
            (Conversations::Table, Conversations::Id),
            (Conversations::Table, Conversations::EmployeeId),
            (Conversations::Table, Conversations::LeaderId),
            (Conversations::Table, Conversations::CycleId),
        ])
        // Agreements written before anything happened on them are dated by the writing.
        .expr_as(
            Func::coalesce([
                Expr::col((Agreements::Table, Agreements::LastActivityAt)).into(),
                Expr::col((Agreements::Table, Agreements::UpdatedAt)).into(),
            ]),
            Alias::new("last_activity"),
        )
        .from(Agreements::Table)
        .inner_join(
            Conversations::Table,
            Expr::col((Conversations::Table, Conversations::Id))
                .equals((Agreements::Table, Agreements::ConversationId)),
        )
        .cond_where(reach.condition(org))
        .and_where(signed(Agreements::EmployeeSignedAt))
        .and_where(signed(Agreements::LeaderSignedAt))
        .conditions(
            superseded == Superseded::Excluded,
            // As the conversations' marks say (0033, 0035).
            |q| {
                q.and_where(mark(Conversations::Agreed).into())
                    .and_where(mark(Conversations::Superseded).not());
            },
            |_| {},
        )
        .to_owned()
}

impl Db {
    pub async fn agreement(&self, conversation: ConversationId) -> Result<Option<Agreement>> {
        let row: Option<AgreementRow> = self
            .optional(
                Query::select()
                    .columns([
                        Agreements::Document,
                        Agreements::EmployeeSignedAt,
                        Agreements::LeaderSignedAt,
                        Agreements::Revision,
                    ])
                    .from(Agreements::Table)
                    .and_where(Expr::col(Agreements::ConversationId).eq(conversation.0)),
            )
            .await?;
        row.map(|row| read_agreement(conversation, row)).transpose()
    }

    /// Saves an agreement whose revision was raised from `previous`, with the report that
    /// raised it if it was one and the follow-ups planned when it was signed; if the stored
    /// agreement has moved on meanwhile, nothing is written: [`StorageError::Conflict`].
    pub async fn save_agreement(
        &self,
        agreement: &Agreement,
        previous: u32,
        report: Option<&ProgressUpdate>,
        follow_ups: &[FollowUp],
    ) -> Result<()> {
        let document = serde_json::json!({
            "terms": agreement.terms,
            "amendments": agreement.amendments,
        })
        .to_string();
        let id = agreement.conversation_id.0;
        let outstanding = Outstanding::of(&agreement.terms);
        let mut tx = self.begin().await?;
        let touched = tx
            .c()
            .exec(
                Query::insert()
                    .into_table(Agreements::Table)
                    .columns([
                        Agreements::ConversationId,
                        Agreements::Document,
                        Agreements::EmployeeSignedAt,
                        Agreements::LeaderSignedAt,
                        Agreements::Revision,
                        Agreements::UpdatedAt,
                        Agreements::LastActivityAt,
                        Agreements::OpenItems,
                        Agreements::FirstActionDue,
                        Agreements::FirstCommitmentDue,
                    ])
                    .values_panic([
                        id.into(),
                        document.into(),
                        agreement.employee_signed.into(),
                        agreement.leader_signed.into(),
                        (agreement.revision as i32).into(),
                        now().into(),
                        agreement.last_event().into(),
                        (outstanding.open as i32).into(),
                        outstanding.first_action_due.into(),
                        outstanding.first_commitment_due.into(),
                    ])
                    .on_conflict(
                        OnConflict::column(Agreements::ConversationId)
                            .update_columns([
                                Agreements::Document,
                                Agreements::EmployeeSignedAt,
                                Agreements::LeaderSignedAt,
                                Agreements::Revision,
                                Agreements::UpdatedAt,
                                Agreements::OpenItems,
                                Agreements::FirstActionDue,
                                Agreements::FirstCommitmentDue,
                            ])
                            // Reports and follow-ups may have raised it further (triggers).
                            .value(
                                Agreements::LastActivityAt,
                                Expr::cust(
                                    "CASE WHEN agreements.last_activity_at IS NULL \
                                     OR agreements.last_activity_at < excluded.last_activity_at \
                                     THEN excluded.last_activity_at \
                                     ELSE agreements.last_activity_at END",
                                ),
                            )
                            .action_and_where(
                                Expr::col((Agreements::Table, Agreements::Revision))
                                    .eq(previous as i32),
                            )
                            .to_owned(),
                    ),
            )
            .await?;
        if touched == 0 {
            return Err(StorageError::Conflict);
        }
        tx.c()
            .exec(
                Query::delete()
                    .from_table(AgreementItems::Table)
                    .and_where(Expr::col(AgreementItems::ConversationId).eq(id)),
            )
            .await?;
        let terms = &agreement.terms;
        write_development_goals(&mut tx.c(), agreement.conversation_id, terms).await?;
        let actions = terms
            .goals
            .iter()
            .flat_map(|g| g.actions.iter())
            .map(|a| (a.id, "action", &a.text, a.owner, Some(a.due), a.progress));
        let commitments = terms
            .commitments
            .iter()
            .map(|c| (c.id, "commitment", &c.text, c.owner, c.due, c.progress));
        for (item, kind, text, owner, due, progress) in actions.chain(commitments) {
            tx.c()
                .exec(
                    Query::insert()
                        .into_table(AgreementItems::Table)
                        .columns([
                            AgreementItems::ItemId,
                            AgreementItems::ConversationId,
                            AgreementItems::Kind,
                            AgreementItems::Text,
                            AgreementItems::OwnerId,
                            AgreementItems::Due,
                            AgreementItems::Progress,
                        ])
                        .values_panic([
                            item.0.into(),
                            id.into(),
                            kind.into(),
                            text.clone().into(),
                            owner.0.into(),
                            due.into(),
                            progress.as_str().into(),
                        ]),
                )
                .await?;
        }
        if let Some(r) = report {
            tx.c()
                .exec(
                    Query::insert()
                        .into_table(ProgressUpdates::Table)
                        .columns([
                            ProgressUpdates::Id,
                            ProgressUpdates::ConversationId,
                            ProgressUpdates::ItemId,
                            ProgressUpdates::ById,
                            ProgressUpdates::At,
                            ProgressUpdates::Progress,
                            ProgressUpdates::Note,
                            ProgressUpdates::Day,
                        ])
                        .values_panic([
                            Uuid::now_v7().into(),
                            r.conversation_id.0.into(),
                            r.item.0.into(),
                            r.by.0.into(),
                            r.at.into(),
                            r.progress.as_str().into(),
                            r.note.clone().into(),
                            r.at.with_timezone(&TIME_ZONE).date_naive().into(),
                        ]),
                )
                .await?;
        }
        insert_follow_ups(&mut tx.c(), follow_ups).await?;
        tx.commit().await
    }

    /// Every report on a conversation's agreement, oldest first.
    pub async fn progress_history(
        &self,
        conversation: ConversationId,
    ) -> Result<Vec<ProgressUpdate>> {
        let rows: Vec<(Uuid, Uuid, DateTime<Utc>, String, String)> = self
            .all(
                Query::select()
                    .columns([
                        ProgressUpdates::ItemId,
                        ProgressUpdates::ById,
                        ProgressUpdates::At,
                        ProgressUpdates::Progress,
                        ProgressUpdates::Note,
                    ])
                    .from(ProgressUpdates::Table)
                    .and_where(Expr::col(ProgressUpdates::ConversationId).eq(conversation.0))
                    .order_by(ProgressUpdates::At, Order::Asc),
            )
            .await?;
        rows.into_iter()
            .map(|(item, by, at, progress, note)| {
                Ok(ProgressUpdate {
                    conversation_id: conversation,
                    item: ItemId(item),
                    by: PersonId(by),
                    at,
                    progress: progress
                        .parse()
                        .map_err(|_| StorageError::Corrupt(format!("progress {progress}")))?,
                    note,
                })
            })
            .collect()
    }

    /// The held conversations within reach whose agreement both parties have not signed,
    /// held before `held_before`, longest waiting first.
    pub async fn unsigned_agreements(
        &self,
        org: OrgId,
        reach: Reach<'_>,
        held_before: DateTime<Utc>,
    ) -> Result<Vec<UnsignedAgreement>> {
        let rows: Vec<UnsignedRow> = self
            .all(&dressed(waiting(org, reach, held_before, None)))
            .await?;
        Ok(rows.into_iter().map(UnsignedAgreement::from).collect())
    }

    /// A page of [`Db::unsigned_agreements`] whose employee is in `units` (any when none), and
    /// how many there are in all.
    pub async fn unsigned_page(
        &self,
        org: OrgId,
        reach: Reach<'_>,
        units: Option<&[UnitId]>,
        held_before: DateTime<Utc>,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<UnsignedAgreement>, usize)> {
        // Chosen and counted in one pass over the conversations alone; a page past the end has
        // no row to carry the count, and is counted on its own.
        let chosen = waiting(org, reach, held_before, units)
            .expr_as(Expr::cust("count(*) over ()"), Alias::new("total"))
            .order_by((Conversations::Table, Conversations::HeldAt), Order::Asc)
            .order_by((Conversations::Table, Conversations::Id), Order::Asc)
            .limit(limit)
            .offset(offset)
            .to_owned();
        let rows: Vec<CountedUnsignedRow> = self
            .all(dressed(chosen).column((chosen_alias(), Alias::new("total"))))
            .await?;
        let total = match rows.first() {
            Some(first) => first.total,
            None if offset == 0 => 0,
            None => self
                .optional::<(i64,)>(
                    Query::select()
                        .expr(Func::count(Expr::col(Asterisk)))
                        .from_subquery(waiting(org, reach, held_before, units), Alias::new("u")),
                )
                .await?
                .map_or(0, |(n,)| n),
        };
        Ok((
            rows.into_iter()
                .map(|r| UnsignedAgreement::from(r.row))
                .collect(),
            total as usize,
        ))
    }

    /// When each action or commitment on the conversations within reach was last reported done.
    pub async fn done_at(
        &self,
        org: OrgId,
        reach: Reach<'_>,
    ) -> Result<HashMap<ItemId, DateTime<Utc>>> {
        let rows: Vec<(Uuid, DateTime<Utc>)> = self
            .all(
                Query::select()
                    .column((ProgressUpdates::Table, ProgressUpdates::ItemId))
                    .expr(Expr::col((ProgressUpdates::Table, ProgressUpdates::At)).max())
                    .from(ProgressUpdates::Table)
                    .inner_join(
                        Conversations::Table,
                        Expr::col((Conversations::Table, Conversations::Id))
                            .equals((ProgressUpdates::Table, ProgressUpdates::ConversationId)),
                    )
                    .cond_where(reach.condition(org))
                    .and_where(
                        Expr::col((ProgressUpdates::Table, ProgressUpdates::Progress))
                            .eq(domain::agreement::Progress::Done.as_str()),
                    )
                    .group_by_col((ProgressUpdates::Table, ProgressUpdates::ItemId)),
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|(item, at)| (ItemId(item), at))
            .collect())
    }

    /// The conversations in the organisation whose agreements give this person an action or a
    /// commitment.
    pub async fn conversations_owning(
        &self,
        org: OrgId,
        owner: PersonId,
    ) -> Result<Vec<ConversationId>> {
        let rows: Vec<(Uuid,)> = self
            .all(
                Query::select()
                    .distinct()
                    .column((AgreementItems::Table, AgreementItems::ConversationId))
                    .from(AgreementItems::Table)
                    .inner_join(
                        Conversations::Table,
                        Expr::col((Conversations::Table, Conversations::Id))
                            .equals((AgreementItems::Table, AgreementItems::ConversationId)),
                    )
                    .and_where(Expr::col((Conversations::Table, Conversations::OrgId)).eq(org.0))
                    .and_where(
                        Expr::col((AgreementItems::Table, AgreementItems::OwnerId)).eq(owner.0),
                    ),
            )
            .await?;
        Ok(rows.into_iter().map(|(id,)| ConversationId(id)).collect())
    }

    /// The agreements signed by both parties within reach, with their documents.
    pub async fn signed_agreements(
        &self,
        org: OrgId,
        reach: Reach<'_>,
        superseded: Superseded,
    ) -> Result<Vec<SignedAgreement>> {
        let rows: Vec<SignedRow> = self
            .all(signed_within(org, reach, superseded).columns([
                (Agreements::Table, Agreements::Document),
                (Agreements::Table, Agreements::EmployeeSignedAt),
                (Agreements::Table, Agreements::LeaderSignedAt),
                (Agreements::Table, Agreements::Revision),
            ]))
            .await?;
        rows.into_iter()
            .map(|row| {
                Ok(SignedAgreement {
                    employee_id: PersonId(row.head.employee_id),
                    leader_id: PersonId(row.head.leader_id),
                    cycle_id: CycleId(row.head.cycle_id),
                    agreement: read_agreement(ConversationId(row.head.id), row.agreement)?,
                    last_activity: row.head.last_activity,
                })
            })
            .collect()
    }

    /// The shared notes of a conversation and their revision (empty at revision 0).
    pub async fn notes(&self, conversation: ConversationId) -> Result<(String, u32)> {
        let row: Option<(String, i32)> = self
            .optional(
                Query::select()
                    .columns([ConversationNotes::Text, ConversationNotes::Revision])
                    .from(ConversationNotes::Table)
                    .and_where(Expr::col(ConversationNotes::ConversationId).eq(conversation.0)),
            )
            .await?;
        Ok(row
            .map(|(text, revision)| (text, revision as u32))
            .unwrap_or_default())
    }

    /// Saves the notes as revision `previous + 1`, unless someone saved since `previous`.
    pub async fn save_notes(
        &self,
        conversation: ConversationId,
        text: &str,
        previous: u32,
    ) -> Result<()> {
        let touched = self
            .exec(
                Query::insert()
                    .into_table(ConversationNotes::Table)
                    .columns([
                        ConversationNotes::ConversationId,
                        ConversationNotes::Text,
                        ConversationNotes::Revision,
                        ConversationNotes::UpdatedAt,
                    ])
                    .values_panic([
                        conversation.0.into(),
                        text.into(),
                        (previous as i32 + 1).into(),
                        now().into(),
                    ])
                    .on_conflict(
                        OnConflict::column(ConversationNotes::ConversationId)
                            .update_columns([
                                ConversationNotes::Text,
                                ConversationNotes::Revision,
                                ConversationNotes::UpdatedAt,
                            ])
                            .action_and_where(
                                Expr::col((ConversationNotes::Table, ConversationNotes::Revision))
                                    .eq(previous as i32),
                            )
                            .to_owned(),
                    ),
            )
            .await?;
        if touched == 0 {
            return Err(StorageError::Conflict);
        }
        Ok(())
    }

    /// For each conversation within reach, of one cycle or of all, the parties who have
    /// started preparing.
    pub async fn preparation_sides(
        &self,
        org: OrgId,
        cycle: Option<CycleId>,
        reach: Reach<'_>,
    ) -> Result<HashMap<ConversationId, Vec<Side>>> {
        let rows: Vec<(Uuid, String)> = self
            .all(
                Query::select()
                    .columns([
                        (Preparations::Table, Preparations::ConversationId),
                        (Preparations::Table, Preparations::Side),
                    ])
                    .from(Preparations::Table)
                    .inner_join(
                        Conversations::Table,
                        Expr::col((Conversations::Table, Conversations::Id))
                            .equals((Preparations::Table, Preparations::ConversationId)),
                    )
                    .cond_where(reach.condition(org))
                    .and_where_option(cycle.map(|c| {
                        Expr::col((Conversations::Table, Conversations::CycleId)).eq(c.0)
                    })),
            )
            .await?;
        let mut sides: HashMap<ConversationId, Vec<Side>> = HashMap::new();
        for (id, side) in rows {
            let side = side
                .parse()
                .map_err(|_| StorageError::Corrupt(format!("preparation side {side}")))?;
            sides.entry(ConversationId(id)).or_default().push(side);
        }
        Ok(sides)
    }
}
