//! Personal calendar feeds: a secret address per person, stored as a hash so that a database
//! leak does not hand out anyone's calendar.

use crate::Result;
use crate::db::{Db, now};
use crate::schema::{AgreementItems, CalendarFeeds as C, Conversations};
use chrono::{DateTime, NaiveDate, Utc};
use domain::{ConversationId, OrgId, PersonId};
use sea_query::{Expr, OnConflict, Query};
use uuid::Uuid;

/// An action or commitment a person owns, with its date.
pub struct Deadline {
    pub conversation_id: ConversationId,
    pub item_id: Uuid,
    pub text: String,
    pub due: NaiveDate,
}

impl Db {
    /// Gives the person a new feed address; any earlier one stops working.
    pub async fn set_feed_token(&self, person: PersonId, token_hash: &str) -> Result<()> {
        self.exec(
            Query::insert()
                .into_table(C::Table)
                .columns([C::PersonId, C::TokenHash, C::CreatedAt])
                .values_panic([person.0.into(), token_hash.into(), now().into()])
                .on_conflict(
                    OnConflict::column(C::PersonId)
                        .update_columns([C::TokenHash, C::CreatedAt])
                        .to_owned(),
                ),
        )
        .await?;
        Ok(())
    }

    pub async fn revoke_feed(&self, person: PersonId) -> Result<()> {
        self.exec(
            Query::delete()
                .from_table(C::Table)
                .and_where(Expr::col(C::PersonId).eq(person.0)),
        )
        .await?;
        Ok(())
    }

    /// When the person's feed address was made, if they have one.
    pub async fn feed_created(&self, person: PersonId) -> Result<Option<DateTime<Utc>>> {
        let row: Option<(DateTime<Utc>,)> = self
            .optional(
                Query::select()
                    .column(C::CreatedAt)
                    .from(C::Table)
                    .and_where(Expr::col(C::PersonId).eq(person.0)),
            )
            .await?;
        Ok(row.map(|(at,)| at))
    }

    /// Whose feed this is.
    pub async fn feed_owner(&self, token_hash: &str) -> Result<Option<PersonId>> {
        let row: Option<(Uuid,)> = self
            .optional(
                Query::select()
                    .column(C::PersonId)
                    .from(C::Table)
                    .and_where(Expr::col(C::TokenHash).eq(token_hash)),
            )
            .await?;
        Ok(row.map(|(id,)| PersonId(id)))
    }

    /// The open actions and commitments the person owns that have a date.
    pub async fn deadlines_of(&self, org: OrgId, person: PersonId) -> Result<Vec<Deadline>> {
        let rows: Vec<(Uuid, Uuid, String, Option<NaiveDate>)> = self
            .all(
                Query::select()
                    .columns([
                        (AgreementItems::Table, AgreementItems::ConversationId),
                        (AgreementItems::Table, AgreementItems::ItemId),
                        (AgreementItems::Table, AgreementItems::Text),
                        (AgreementItems::Table, AgreementItems::Due),
                    ])
                    .from(AgreementItems::Table)
                    .inner_join(
                        Conversations::Table,
                        Expr::col((Conversations::Table, Conversations::Id))
                            .equals((AgreementItems::Table, AgreementItems::ConversationId)),
                    )
                    .and_where(Expr::col((Conversations::Table, Conversations::OrgId)).eq(org.0))
                    .and_where(
                        Expr::col((AgreementItems::Table, AgreementItems::OwnerId)).eq(person.0),
                    )
                    .and_where(
                        Expr::col((AgreementItems::Table, AgreementItems::Progress))
                            .is_in(["planned", "started"]),
                    ),
            )
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(conversation, item, text, due)| {
                Some(Deadline {
                    conversation_id: ConversationId(conversation),
                    item_id: item,
                    text,
                    due: due?,
                })
            })
            .collect())
    }
}
