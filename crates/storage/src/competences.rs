//! The competence catalogue and the strategic goals each competence serves.

use crate::db::{Conn, Db, now};
use crate::schema::{CompetenceGoals, Competences};
use crate::{Result, StorageError};
use domain::competence::Competence;
use domain::{CompetenceId, GoalId, OrgId};
use sea_query::{Expr, Order, Query};
use std::collections::HashMap;
use uuid::Uuid;

#[derive(sqlx::FromRow)]
struct CompetenceRow {
    id: Uuid,
    name: String,
    description: String,
    retired: bool,
}

impl Db {
    /// The organisation's catalogue, by name.
    pub async fn competences(&self, org: OrgId) -> Result<Vec<Competence>> {
        let rows: Vec<CompetenceRow> = self
            .all(
                Query::select()
                    .columns([
                        Competences::Id,
                        Competences::Name,
                        Competences::Description,
                        Competences::Retired,
                    ])
                    .from(Competences::Table)
                    .and_where(Expr::col(Competences::OrgId).eq(org.0))
                    .order_by(Competences::Name, Order::Asc),
            )
            .await?;
        let links: Vec<(Uuid, Uuid)> = self
            .all(
                Query::select()
                    .columns([
                        (CompetenceGoals::Table, CompetenceGoals::CompetenceId),
                        (CompetenceGoals::Table, CompetenceGoals::GoalId),
                    ])
                    .from(CompetenceGoals::Table)
                    .inner_join(
                        Competences::Table,
                        Expr::col((Competences::Table, Competences::Id))
                            .equals((CompetenceGoals::Table, CompetenceGoals::CompetenceId)),
                    )
                    .and_where(Expr::col((Competences::Table, Competences::OrgId)).eq(org.0)),
            )
            .await?;
        let mut goals: HashMap<Uuid, Vec<GoalId>> = HashMap::new();
        for (competence, goal) in links {
            goals.entry(competence).or_default().push(GoalId(goal));
        }
        Ok(rows
            .into_iter()
            .map(|row| {
                let mut goals = goals.remove(&row.id).unwrap_or_default();
                goals.sort();
                Competence {
                    id: CompetenceId(row.id),
                    org_id: org,
                    name: row.name,
                    description: row.description,
                    goals,
                    retired: row.retired,
                }
            })
            .collect())
    }

    pub async fn insert_competence(&self, competence: &Competence) -> Result<()> {
        let at = now();
        let mut tx = self.begin().await?;
        tx.c()
            .exec(
                Query::insert()
                    .into_table(Competences::Table)
                    .columns([
                        Competences::Id,
                        Competences::OrgId,
                        Competences::Name,
                        Competences::Description,
                        Competences::Retired,
                        Competences::CreatedAt,
                        Competences::UpdatedAt,
                    ])
                    .values_panic([
                        competence.id.0.into(),
                        competence.org_id.0.into(),
                        competence.name.clone().into(),
                        competence.description.clone().into(),
                        competence.retired.into(),
                        at.into(),
                        at.into(),
                    ]),
            )
            .await?;
        write_goals(&mut tx.c(), competence).await?;
        tx.commit().await
    }

    /// Saves name, description, goals and retirement of a competence of the organisation.
    pub async fn update_competence(&self, competence: &Competence) -> Result<()> {
        let mut tx = self.begin().await?;
        let touched = tx
            .c()
            .exec(
                Query::update()
                    .table(Competences::Table)
                    .values([
                        (Competences::Name, competence.name.clone().into()),
                        (
                            Competences::Description,
                            competence.description.clone().into(),
                        ),
                        (Competences::Retired, competence.retired.into()),
                        (Competences::UpdatedAt, now().into()),
                    ])
                    .and_where(Expr::col(Competences::OrgId).eq(competence.org_id.0))
                    .and_where(Expr::col(Competences::Id).eq(competence.id.0)),
            )
            .await?;
        if touched == 0 {
            return Err(StorageError::NotFound);
        }
        tx.c()
            .exec(
                Query::delete()
                    .from_table(CompetenceGoals::Table)
                    .and_where(Expr::col(CompetenceGoals::CompetenceId).eq(competence.id.0)),
            )
            .await?;
        write_goals(&mut tx.c(), competence).await?;
        tx.commit().await
    }
}

async fn write_goals(c: &mut Conn<'_>, competence: &Competence) -> Result<()> {
    for goal in &competence.goals {
        c.exec(
            Query::insert()
                .into_table(CompetenceGoals::Table)
                .columns([CompetenceGoals::CompetenceId, CompetenceGoals::GoalId])
                .values_panic([competence.id.0.into(), goal.0.into()]),
        )
        .await?;
    }
    Ok(())
}
