//! The people import: files waiting between dry run and apply, and applying a plan atomically.

use crate::db::{Db, now};
use crate::people::{insert_stmt, update_stmt};
use crate::schema::{PendingImports, People};
use crate::{Result, StorageError};
use domain::import::ImportPlan;
use domain::{OrgId, PersonId};
use sea_query::{Expr, Query};
use uuid::Uuid;

impl Db {
    /// Keeps an uploaded file between its dry run and the "apply" click, for the uploader only.
    pub async fn save_pending_import(
        &self,
        org: OrgId,
        by: PersonId,
        filename: &str,
        content: &[u8],
    ) -> Result<Uuid> {
        let id = Uuid::now_v7();
        self.exec(
            Query::insert()
                .into_table(PendingImports::Table)
                .columns([
                    PendingImports::Id,
                    PendingImports::OrgId,
                    PendingImports::PersonId,
                    PendingImports::Filename,
                    PendingImports::Content,
                    PendingImports::CreatedAt,
                ])
                .values_panic([
                    id.into(),
                    org.0.into(),
                    by.0.into(),
                    filename.into(),
                    content.to_vec().into(),
                    now().into(),
                ]),
        )
        .await?;
        Ok(id)
    }

    /// The pending file, if it exists and was uploaded by `by` in `org`.
    pub async fn pending_import(
        &self,
        org: OrgId,
        by: PersonId,
        id: Uuid,
    ) -> Result<(String, Vec<u8>)> {
        let row: Option<(String, Vec<u8>)> = self
            .optional(
                Query::select()
                    .columns([PendingImports::Filename, PendingImports::Content])
                    .from(PendingImports::Table)
                    .and_where(Expr::col(PendingImports::Id).eq(id))
                    .and_where(Expr::col(PendingImports::OrgId).eq(org.0))
                    .and_where(Expr::col(PendingImports::PersonId).eq(by.0)),
            )
            .await?;
        row.ok_or(StorageError::NotFound)
    }

    /// Applies a plan in one transaction, and removes its pending file. A plan with errors is
    /// refused; any failure rolls everything back.
    pub async fn apply_import(
        &self,
        org: OrgId,
        plan: &ImportPlan,
        pending: Option<Uuid>,
    ) -> Result<()> {
        if !plan.is_applicable() {
            return Err(StorageError::Conflict);
        }
        let mut tx = self.begin().await?;
        // Leaders may be people created by this same import: insert everyone without a leader
        // first, then set the leaders.
        for create in &plan.creates {
            let mut person = create.person.clone();
            person.leader_id = None;
            tx.c().exec(&insert_stmt(&person)).await?;
        }
        for create in plan.creates.iter().filter(|c| c.person.leader_id.is_some()) {
            tx.c()
                .exec(
                    Query::update()
                        .table(People::Table)
                        .value(People::LeaderId, create.person.leader_id.map(|l| l.0))
                        .and_where(Expr::col(People::OrgId).eq(org.0))
                        .and_where(Expr::col(People::Id).eq(create.person.id.0)),
                )
                .await?;
        }
        for update in &plan.updates {
            if update.after.org_id != org || tx.c().exec(&update_stmt(&update.after)).await? == 0 {
                return Err(StorageError::NotFound);
            }
        }
        if let Some(id) = pending {
            tx.c()
                .exec(
                    Query::delete()
                        .from_table(PendingImports::Table)
                        .and_where(Expr::col(PendingImports::Id).eq(id))
                        .and_where(Expr::col(PendingImports::OrgId).eq(org.0)),
                )
                .await?;
        }
        tx.commit().await
    }
}
