//! Yearly cycles, their follow-up dates, focus goals and the leaders' framings.

use crate::db::{Conn, Db, now};
use crate::revisions::Revisions;
use crate::schema::{CycleFocusGoals, CycleFollowUps, CycleFramings, Cycles};
use crate::{Result, StorageError};
use chrono::NaiveDate;
use domain::cycle::{Cycle, CycleState, Framing, Timeline};
use domain::{CycleId, GoalId, OrgId, PersonId, QuestionSetId, UnitId};
use sea_query::{Expr, OnConflict, Order, Query, SelectStatement};
use std::collections::HashMap;
use std::sync::Arc;
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct CycleRow {
    id: Uuid,
    org_id: Uuid,
    name: String,
    intention: String,
    state: String,
    preparation_opens: NaiveDate,
    conversations_from: NaiveDate,
    conversations_to: NaiveDate,
    evaluation: NaiveDate,
    question_set_id: Option<Uuid>,
}

fn select() -> SelectStatement {
    Query::select()
        .columns([
            Cycles::Id,
            Cycles::OrgId,
            Cycles::Name,
            Cycles::Intention,
            Cycles::State,
            Cycles::PreparationOpens,
            Cycles::ConversationsFrom,
            Cycles::ConversationsTo,
            Cycles::Evaluation,
            Cycles::QuestionSetId,
        ])
        .from(Cycles::Table)
        .to_owned()
}

impl Db {
    /// Each cycle's name, for the lists that only name the cycle of a line.
    pub async fn cycle_names(&self, org: OrgId) -> Result<HashMap<CycleId, String>> {
        Ok(self
            .cycles_now(org)
            .await?
            .iter()
            .map(|c| (c.id, c.name.clone()))
            .collect())
    }

    /// The organisation's cycles, newest conversations first, with dates and focus goals.
    pub async fn cycles(&self, org: OrgId) -> Result<Vec<Cycle>> {
        Ok(self.cycles_now(org).await?.as_ref().clone())
    }

    /// The cycles, from memory while the organisation's `cycles_revision` has not moved.
    async fn cycles_now(&self, org: OrgId) -> Result<Arc<Vec<Cycle>>> {
        let revision = self.revisions(org).await?.cycles;
        self.cycles_at(org, revision).await
    }

    /// The cycles at a revision already read (see [`crate::revisions`]).
    pub(crate) async fn cycles_at(&self, org: OrgId, revision: i64) -> Result<Arc<Vec<Cycle>>> {
        let read = self.read_cycles(org);
        self.memory.cycles.or_read(org, revision, read).await
    }

    async fn read_cycles(&self, org: OrgId) -> Result<Vec<Cycle>> {
        let rows: Vec<CycleRow> = self
            .all(
                select()
                    .and_where(Expr::col(Cycles::OrgId).eq(org.0))
                    .order_by(Cycles::ConversationsFrom, Order::Desc),
            )
            .await?;
        let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
        let mut follow_ups: HashMap<Uuid, Vec<NaiveDate>> = HashMap::new();
        let dates: Vec<(Uuid, NaiveDate)> = self
            .all(
                Query::select()
                    .columns([CycleFollowUps::CycleId, CycleFollowUps::Due])
                    .from(CycleFollowUps::Table)
                    .and_where(Expr::col(CycleFollowUps::CycleId).is_in(ids.clone())),
            )
            .await?;
        for (cycle, due) in dates {
            follow_ups.entry(cycle).or_default().push(due);
        }
        let mut focus: HashMap<Uuid, Vec<GoalId>> = HashMap::new();
        let goals: Vec<(Uuid, Uuid)> = self
            .all(
                Query::select()
                    .columns([CycleFocusGoals::CycleId, CycleFocusGoals::GoalId])
                    .from(CycleFocusGoals::Table)
                    .and_where(Expr::col(CycleFocusGoals::CycleId).is_in(ids)),
            )
            .await?;
        for (cycle, goal) in goals {
            focus.entry(cycle).or_default().push(GoalId(goal));
        }
        rows.into_iter()
            .map(|row| {
                let mut focus_goals = focus.remove(&row.id).unwrap_or_default();
                focus_goals.sort();
                let corrupt =
                    |what: &str| StorageError::Corrupt(format!("cycle {} {what}", row.id));
                Ok(Cycle {
                    id: CycleId(row.id),
                    org_id: OrgId(row.org_id),
                    state: row.state.parse().map_err(|_| corrupt("state"))?,
                    timeline: Timeline::new(
                        row.preparation_opens,
                        row.conversations_from,
                        row.conversations_to,
                        follow_ups.remove(&row.id).unwrap_or_default(),
                        row.evaluation,
                    )
                    .map_err(|_| corrupt("timeline"))?,
                    name: row.name,
                    intention: row.intention,
                    focus_goals,
                    question_set: row.question_set_id.map(QuestionSetId),
                })
            })
            .collect()
    }

    pub async fn cycle(&self, org: OrgId, id: CycleId) -> Result<Cycle> {
        self.cycles_now(org)
            .await?
            .iter()
            .find(|c| c.id == id)
            .cloned()
            .ok_or(StorageError::NotFound)
    }

    /// Inserts a cycle with its dates and focus goals, in one transaction.
    pub async fn insert_cycle(&self, cycle: &Cycle) -> Result<()> {
        let at = now();
        let mut tx = self.begin().await?;
        tx.c()
            .exec(
                Query::insert()
                    .into_table(Cycles::Table)
                    .columns([
                        Cycles::Id,
                        Cycles::OrgId,
                        Cycles::Name,
                        Cycles::Intention,
                        Cycles::State,
                        Cycles::PreparationOpens,
                        Cycles::ConversationsFrom,
                        Cycles::ConversationsTo,
                        Cycles::Evaluation,
                        Cycles::QuestionSetId,
                        Cycles::CreatedAt,
                        Cycles::UpdatedAt,
                    ])
                    .values_panic([
                        cycle.id.0.into(),
                        cycle.org_id.0.into(),
                        cycle.name.clone().into(),
                        cycle.intention.clone().into(),
                        cycle.state.as_str().into(),
                        cycle.timeline.preparation_opens().into(),
                        cycle.timeline.conversations_from().into(),
                        cycle.timeline.conversations_to().into(),
                        cycle.timeline.evaluation().into(),
                        cycle.question_set.map(|q| q.0).into(),
                        at.into(),
                        at.into(),
                    ]),
            )
            .await?;
        write_children(&mut tx.c(), cycle).await?;
        tx.commit().await
    }

    /// Saves a cycle as edited (name, intention, state, dates, focus goals) in one transaction.
    /// A second open cycle in the organisation gives [`StorageError::Conflict`].
    pub async fn update_cycle(&self, cycle: &Cycle) -> Result<()> {
        let mut tx = self.begin().await?;
        let touched = tx
            .c()
            .exec(
                Query::update()
                    .table(Cycles::Table)
                    .values([
                        (Cycles::Name, cycle.name.clone().into()),
                        (Cycles::Intention, cycle.intention.clone().into()),
                        (Cycles::State, cycle.state.as_str().into()),
                        (
                            Cycles::PreparationOpens,
                            cycle.timeline.preparation_opens().into(),
                        ),
                        (
                            Cycles::ConversationsFrom,
                            cycle.timeline.conversations_from().into(),
                        ),
                        (
                            Cycles::ConversationsTo,
                            cycle.timeline.conversations_to().into(),
                        ),
                        (Cycles::Evaluation, cycle.timeline.evaluation().into()),
                        (
                            Cycles::QuestionSetId,
                            cycle.question_set.map(|q| q.0).into(),
                        ),
                        (Cycles::UpdatedAt, now().into()),
                    ])
                    .and_where(Expr::col(Cycles::OrgId).eq(cycle.org_id.0))
                    .and_where(Expr::col(Cycles::Id).eq(cycle.id.0)),
            )
            .await?;
        if touched == 0 {
            return Err(StorageError::NotFound);
        }
        tx.c()
            .exec(
                Query::delete()
                    .from_table(CycleFollowUps::Table)
                    .and_where(Expr::col(CycleFollowUps::CycleId).eq(cycle.id.0)),
            )
            .await?;
        tx.c()
            .exec(
                Query::delete()
                    .from_table(CycleFocusGoals::Table)
                    .and_where(Expr::col(CycleFocusGoals::CycleId).eq(cycle.id.0)),
            )
            .await?;
        write_children(&mut tx.c(), cycle).await?;
        tx.commit().await
    }

    /// The open cycle of the organisation, if any.
    pub async fn open_cycle(&self, org: OrgId) -> Result<Option<Cycle>> {
        Ok(self
            .cycles_now(org)
            .await?
            .iter()
            .find(|c| c.state == CycleState::Open)
            .cloned())
    }

    /// The cycles that have this goal in focus: a goal's links.
    pub async fn cycles_with_goal(&self, org: OrgId, goal: GoalId) -> Result<Vec<Cycle>> {
        Ok(self
            .cycles(org)
            .await?
            .into_iter()
            .filter(|c| c.focus_goals.contains(&goal))
            .collect())
    }

    /// A cycle's framings, from memory while the organisation's cycles counter is still the
    /// one read (with the user; migration 0041 moves it with the framings).
    pub async fn framings_at(
        &self,
        org: OrgId,
        cycle: CycleId,
        at: Revisions,
    ) -> Result<Arc<Vec<Framing>>> {
        let read = self.framings(cycle);
        self.memory
            .framings
            .or_read((org, cycle), at.cycles, read)
            .await
    }

    pub async fn framings(&self, cycle: CycleId) -> Result<Vec<Framing>> {
        let rows: Vec<(Uuid, String)> = self
            .all(
                Query::select()
                    .columns([CycleFramings::UnitId, CycleFramings::Text])
                    .from(CycleFramings::Table)
                    .and_where(Expr::col(CycleFramings::CycleId).eq(cycle.0)),
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|(unit, text)| Framing {
                cycle_id: cycle,
                unit_id: UnitId(unit),
                text,
            })
            .collect())
    }

    /// Writes (or replaces) a unit's framing of a cycle.
    pub async fn set_framing(&self, framing: &Framing, author: PersonId) -> Result<()> {
        self.exec(
            Query::insert()
                .into_table(CycleFramings::Table)
                .columns([
                    CycleFramings::CycleId,
                    CycleFramings::UnitId,
                    CycleFramings::Text,
                    CycleFramings::AuthorId,
                    CycleFramings::UpdatedAt,
                ])
                .values_panic([
                    framing.cycle_id.0.into(),
                    framing.unit_id.0.into(),
                    framing.text.clone().into(),
                    author.0.into(),
                    now().into(),
                ])
                .on_conflict(
                    OnConflict::columns([CycleFramings::CycleId, CycleFramings::UnitId])
                        .update_columns([
                            CycleFramings::Text,
                            CycleFramings::AuthorId,
                            CycleFramings::UpdatedAt,
                        ])
                        .to_owned(),
                ),
        )
        .await?;
        Ok(())
    }
}

async fn write_children(c: &mut Conn<'_>, cycle: &Cycle) -> Result<()> {
    for due in cycle.timeline.follow_ups() {
        c.exec(
            Query::insert()
                .into_table(CycleFollowUps::Table)
                .columns([CycleFollowUps::CycleId, CycleFollowUps::Due])
                .values_panic([cycle.id.0.into(), (*due).into()]),
        )
        .await?;
    }
    for goal in &cycle.focus_goals {
        c.exec(
            Query::insert()
                .into_table(CycleFocusGoals::Table)
                .columns([CycleFocusGoals::CycleId, CycleFocusGoals::GoalId])
                .values_panic([cycle.id.0.into(), goal.0.into()]),
        )
        .await?;
    }
    Ok(())
}
