//! Strategic goals.

use crate::db::{Db, now};
use crate::revisions::Revisions;
use crate::schema::StrategicGoals;
use crate::{Result, StorageError};
use chrono::NaiveDate;
use domain::strategy::{GoalTree, Period, StrategicGoal};
use domain::{GoalId, OrgId, UnitId};
use sea_query::{Expr, Query};
use std::sync::Arc;
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct GoalRow {
    id: Uuid,
    org_id: Uuid,
    parent_id: Option<Uuid>,
    unit_id: Uuid,
    title: String,
    description: String,
    period_from: NaiveDate,
    period_to: NaiveDate,
    status: String,
    retired: bool,
}

impl TryFrom<GoalRow> for StrategicGoal {
    type Error = StorageError;
    fn try_from(row: GoalRow) -> Result<Self> {
        Ok(StrategicGoal {
            id: GoalId(row.id),
            org_id: OrgId(row.org_id),
            parent_id: row.parent_id.map(GoalId),
            unit_id: UnitId(row.unit_id),
            title: row.title,
            description: row.description,
            period: Period::new(row.period_from, row.period_to)
                .map_err(|_| StorageError::Corrupt(format!("goal period {}", row.id)))?,
            status: row
                .status
                .parse()
                .map_err(|_| StorageError::Corrupt(format!("goal status {}", row.status)))?,
            retired: row.retired,
        })
    }
}

impl Db {
    pub async fn goals(&self, org: OrgId) -> Result<Vec<StrategicGoal>> {
        let rows: Vec<GoalRow> = self
            .all(
                Query::select()
                    .columns([
                        StrategicGoals::Id,
                        StrategicGoals::OrgId,
                        StrategicGoals::ParentId,
                        StrategicGoals::UnitId,
                        StrategicGoals::Title,
                        StrategicGoals::Description,
                        StrategicGoals::PeriodFrom,
                        StrategicGoals::PeriodTo,
                        StrategicGoals::Status,
                        StrategicGoals::Retired,
                    ])
                    .from(StrategicGoals::Table)
                    .and_where(Expr::col(StrategicGoals::OrgId).eq(org.0)),
            )
            .await?;
        rows.into_iter().map(StrategicGoal::try_from).collect()
    }

    /// The goals as a tree, from memory while the organisation's `goals_revision` (migration
    /// 0042) has not moved.
    pub async fn goal_tree(&self, org: OrgId) -> Result<Arc<GoalTree>> {
        let at = self.revisions(org).await?;
        self.goal_tree_at(org, at).await
    }

    /// The goal tree at revisions already read, as with the user.
    pub async fn goal_tree_at(&self, org: OrgId, at: Revisions) -> Result<Arc<GoalTree>> {
        let read = async { Ok(GoalTree::new(self.goals(org).await?)) };
        self.memory.goal_trees.or_read(org, at.goals, read).await
    }

    pub async fn insert_goal(&self, goal: &StrategicGoal) -> Result<()> {
        let at = now();
        self.exec(
            Query::insert()
                .into_table(StrategicGoals::Table)
                .columns([
                    StrategicGoals::Id,
                    StrategicGoals::OrgId,
                    StrategicGoals::ParentId,
                    StrategicGoals::UnitId,
                    StrategicGoals::Title,
                    StrategicGoals::Description,
                    StrategicGoals::PeriodFrom,
                    StrategicGoals::PeriodTo,
                    StrategicGoals::Status,
                    StrategicGoals::Retired,
                    StrategicGoals::CreatedAt,
                    StrategicGoals::UpdatedAt,
                ])
                .values_panic([
                    goal.id.0.into(),
                    goal.org_id.0.into(),
                    goal.parent_id.map(|p| p.0).into(),
                    goal.unit_id.0.into(),
                    goal.title.clone().into(),
                    goal.description.clone().into(),
                    goal.period.from().into(),
                    goal.period.to().into(),
                    goal.status.as_str().into(),
                    goal.retired.into(),
                    at.into(),
                    at.into(),
                ]),
        )
        .await?;
        Ok(())
    }

    /// Saves text, period, status and retirement; the place in the tree does not change.
    pub async fn update_goal(&self, goal: &StrategicGoal) -> Result<()> {
        let touched = self
            .exec(
                Query::update()
                    .table(StrategicGoals::Table)
                    .values([
                        (StrategicGoals::Title, goal.title.clone().into()),
                        (StrategicGoals::Description, goal.description.clone().into()),
                        (StrategicGoals::PeriodFrom, goal.period.from().into()),
                        (StrategicGoals::PeriodTo, goal.period.to().into()),
                        (StrategicGoals::Status, goal.status.as_str().into()),
                        (StrategicGoals::Retired, goal.retired.into()),
                        (StrategicGoals::UpdatedAt, now().into()),
                    ])
                    .and_where(Expr::col(StrategicGoals::OrgId).eq(goal.org_id.0))
                    .and_where(Expr::col(StrategicGoals::Id).eq(goal.id.0)),
            )
            .await?;
        match touched {
            0 => Err(StorageError::NotFound),
            _ => Ok(()),
        }
    }

    /// Deletes a goal that nothing links to. A goal with sub-goals or other links gives
    /// [`StorageError::Conflict`]: it must be retired instead.
    pub async fn delete_goal(&self, org: OrgId, goal: GoalId) -> Result<()> {
        let touched = self
            .exec(
                Query::delete()
                    .from_table(StrategicGoals::Table)
                    .and_where(Expr::col(StrategicGoals::OrgId).eq(org.0))
                    .and_where(Expr::col(StrategicGoals::Id).eq(goal.0)),
            )
            .await?;
        match touched {
            0 => Err(StorageError::NotFound),
            _ => Ok(()),
        }
    }
}
