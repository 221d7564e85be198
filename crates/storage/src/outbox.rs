//! The outbox: mail waiting to be sent, leased to one sender at a time, retried with back-off,
//! and never queued twice for the same event. Also each person's reminder opt-outs.

use crate::db::{Db, now};
use crate::schema::{Outbox as O, People, ReminderOptOuts};
use crate::{Result, StorageError};
use chrono::{DateTime, Duration, Utc};
use domain::mail::{Mail, Reminder};
use domain::{OrgId, PersonId};
use sea_query::{Expr, OnConflict, Order, Query};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// A queued mail leased to a sender.
#[derive(Clone, Debug)]
pub struct Outgoing {
    pub id: Uuid,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub calendar: Option<String>,
    pub attempts: u32,
}

#[derive(sqlx::FromRow)]
struct OutgoingRow {
    id: Uuid,
    recipient: String,
    subject: String,
    body: String,
    calendar: Option<String>,
    attempts: i32,
}

/// What became of a queued mail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delivery {
    pub status: String,
    pub attempts: u32,
    pub last_error: String,
}

impl Db {
    /// The events the organisation's outbox holds a mail for, sent or not: the planner offers
    /// the same reminders every hour and composes only the new ones.
    pub async fn queued_events(&self, org: OrgId) -> Result<HashSet<String>> {
        let rows: Vec<(String,)> = self
            .all(
                Query::select()
                    .column(O::EventKey)
                    .from(O::Table)
                    .and_where(Expr::col(O::OrgId).eq(org.0)),
            )
            .await?;
        Ok(rows.into_iter().map(|(key,)| key).collect())
    }

    /// Queues a mail unless one for the same event already was; returns whether it was queued.
    pub async fn enqueue(&self, mail: &Mail) -> Result<bool> {
        Ok(self.enqueue_all(std::slice::from_ref(mail)).await? > 0)
    }

    /// Queues each mail whose event was not queued before; returns how many were new. Many rows
    /// go in one statement: the planner offers the same reminders every hour, tens of thousands
    /// in a large organisation.
    pub async fn enqueue_all(&self, mails: &[Mail]) -> Result<usize> {
        /// 13 values a row: well under both backends' limits on parameters in one statement.
        const ROWS: usize = 500;
        let at = now();
        let mut queued = 0;
        for chunk in mails.chunks(ROWS) {
            let mut insert = Query::insert();
            insert.into_table(O::Table).columns([
                O::Id,
                O::OrgId,
                O::PersonId,
                O::EventKey,
                O::Recipient,
                O::Subject,
                O::Body,
                O::Calendar,
                O::Status,
                O::Attempts,
                O::NextAttemptAt,
                O::LastError,
                O::CreatedAt,
            ]);
            for mail in chunk {
                insert.values_panic([
                    Uuid::now_v7().into(),
                    mail.org_id.0.into(),
                    mail.person_id.0.into(),
                    mail.event_key.clone().into(),
                    mail.recipient.clone().into(),
                    mail.subject.clone().into(),
                    mail.body.clone().into(),
                    mail.calendar.clone().into(),
                    "pending".into(),
                    0i32.into(),
                    at.into(),
                    "".into(),
                    at.into(),
                ]);
            }
            insert.on_conflict(OnConflict::column(O::EventKey).do_nothing().to_owned());
            queued += self.exec(&insert).await? as usize;
        }
        Ok(queued)
    }

    /// Leases up to `limit` mails that are due to `worker` for `lease`. A row is leased only
    /// if no other worker holds a live lease on it, checked in the same statement that takes
    /// it, so two instances never send the same mail.
    pub async fn claim_mail(
        &self,
        worker: &str,
        lease: Duration,
        limit: u64,
    ) -> Result<Vec<Outgoing>> {
        // Another sender may take the same candidates first; then look again, since what it
        // took is no longer free, until there is nothing left to take.
        loop {
            let candidates = self.free_mail(limit).await?;
            if candidates.is_empty() {
                return Ok(Vec::new());
            }
            let taken = self.lease_mail(worker, lease, candidates).await?;
            if !taken.is_empty() {
                return Ok(taken);
            }
        }
    }

    /// Mail that is due and leased by no one.
    fn free(at: DateTime<Utc>) -> sea_query::SimpleExpr {
        Expr::col(O::Status)
            .eq("pending")
            .and(Expr::col(O::NextAttemptAt).lte(at))
            .and(
                Expr::col(O::LockedUntil)
                    .is_null()
                    .or(Expr::col(O::LockedUntil).lt(at)),
            )
    }

    async fn free_mail(&self, limit: u64) -> Result<Vec<Uuid>> {
        let candidates: Vec<(Uuid,)> = self
            .all(
                Query::select()
                    .column(O::Id)
                    .from(O::Table)
                    .cond_where(Self::free(now()))
                    .order_by(O::NextAttemptAt, Order::Asc)
                    .limit(limit),
            )
            .await?;
        Ok(candidates.into_iter().map(|(id,)| id).collect())
    }

    /// Leases those of `ids` that are still free, and returns them.
    async fn lease_mail(
        &self,
        worker: &str,
        lease: Duration,
        ids: Vec<Uuid>,
    ) -> Result<Vec<Outgoing>> {
        let at = now();
        self.exec(
            Query::update()
                .table(O::Table)
                .values([
                    (O::LockedBy, worker.into()),
                    (O::LockedUntil, (at + lease).into()),
                ])
                .and_where(Expr::col(O::Id).is_in(ids.clone()))
                // Checked again here: another worker may have taken some meanwhile.
                .cond_where(Self::free(at)),
        )
        .await?;
        let rows: Vec<OutgoingRow> = self
            .all(
                Query::select()
                    .columns([
                        O::Id,
                        O::Recipient,
                        O::Subject,
                        O::Body,
                        O::Calendar,
                        O::Attempts,
                    ])
                    .from(O::Table)
                    .and_where(Expr::col(O::Id).is_in(ids))
                    .and_where(Expr::col(O::LockedBy).eq(worker))
                    .and_where(Expr::col(O::LockedUntil).eq(at + lease)),
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| Outgoing {
                id: r.id,
                recipient: r.recipient,
                subject: r.subject,
                body: r.body,
                calendar: r.calendar,
                attempts: r.attempts.max(0) as u32,
            })
            .collect())
    }

    /// The mail went out.
    pub async fn mark_sent(&self, id: Uuid, worker: &str) -> Result<()> {
        self.finish(
            id,
            worker,
            [(O::Status, "sent".into()), (O::SentAt, now().into())],
        )
        .await
    }

    /// Sending failed: try again at `retry_at`, or give up (`None`), keeping the reason.
    pub async fn mark_failed(
        &self,
        id: Uuid,
        worker: &str,
        attempts: u32,
        error: &str,
        retry_at: Option<DateTime<Utc>>,
    ) -> Result<()> {
        let status = if retry_at.is_some() {
            "pending"
        } else {
            "failed"
        };
        self.finish(
            id,
            worker,
            [
                (O::Status, status.into()),
                (O::Attempts, (attempts as i32).into()),
                (
                    O::LastError,
                    error.chars().take(1000).collect::<String>().into(),
                ),
                (O::NextAttemptAt, retry_at.unwrap_or_else(now).into()),
            ],
        )
        .await
    }

    async fn finish<const N: usize>(
        &self,
        id: Uuid,
        worker: &str,
        values: [(O, sea_query::SimpleExpr); N],
    ) -> Result<()> {
        let mut values = values.to_vec();
        // The lease ends; the name of the sender stays, to tell who sent it.
        values.push((O::LockedUntil, Option::<DateTime<Utc>>::None.into()));
        let touched = self
            .exec(
                Query::update()
                    .table(O::Table)
                    .values(values)
                    .and_where(Expr::col(O::Id).eq(id))
                    .and_where(Expr::col(O::LockedBy).eq(worker)),
            )
            .await?;
        match touched {
            // The lease ran out and another worker took the mail over.
            0 => Err(StorageError::Conflict),
            _ => Ok(()),
        }
    }

    /// What became of the mail for an event, if one was queued.
    pub async fn delivery(&self, event_key: &str) -> Result<Option<Delivery>> {
        let row: Option<(String, i32, String)> = self
            .optional(
                Query::select()
                    .columns([O::Status, O::Attempts, O::LastError])
                    .from(O::Table)
                    .and_where(Expr::col(O::EventKey).eq(event_key)),
            )
            .await?;
        Ok(row.map(|(status, attempts, last_error)| Delivery {
            status,
            attempts: attempts.max(0) as u32,
            last_error,
        }))
    }

    /// Every queued mail of an organisation with what became of it and which sender last held
    /// it, oldest first: what an operator checks after trouble with the mail server.
    pub async fn deliveries(&self, org: OrgId) -> Result<Vec<(String, Delivery, String)>> {
        let rows: Vec<(String, String, i32, String, Option<String>)> = self
            .all(
                Query::select()
                    .columns([
                        O::EventKey,
                        O::Status,
                        O::Attempts,
                        O::LastError,
                        O::LockedBy,
                    ])
                    .from(O::Table)
                    .and_where(Expr::col(O::OrgId).eq(org.0))
                    .order_by(O::CreatedAt, Order::Asc),
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|(key, status, attempts, last_error, worker)| {
                let delivery = Delivery {
                    status,
                    attempts: attempts.max(0) as u32,
                    last_error,
                };
                (key, delivery, worker.unwrap_or_default())
            })
            .collect())
    }

    /// The reminders the person has turned off.
    pub async fn reminder_opt_outs(&self, person: PersonId) -> Result<Vec<Reminder>> {
        let rows: Vec<(String,)> = self
            .all(
                Query::select()
                    .column(ReminderOptOuts::Kind)
                    .from(ReminderOptOuts::Table)
                    .and_where(Expr::col(ReminderOptOuts::PersonId).eq(person.0)),
            )
            .await?;
        Ok(rows.into_iter().filter_map(|(k,)| k.parse().ok()).collect())
    }

    /// The reminders each person of the organisation has turned off.
    pub async fn reminder_opt_outs_in(
        &self,
        org: OrgId,
    ) -> Result<HashMap<PersonId, Vec<Reminder>>> {
        let rows: Vec<(Uuid, String)> = self
            .all(
                Query::select()
                    .columns([
                        (ReminderOptOuts::Table, ReminderOptOuts::PersonId),
                        (ReminderOptOuts::Table, ReminderOptOuts::Kind),
                    ])
                    .from(ReminderOptOuts::Table)
                    .inner_join(
                        People::Table,
                        Expr::col((People::Table, People::Id))
                            .equals((ReminderOptOuts::Table, ReminderOptOuts::PersonId)),
                    )
                    .and_where(Expr::col((People::Table, People::OrgId)).eq(org.0)),
            )
            .await?;
        let mut off: HashMap<PersonId, Vec<Reminder>> = HashMap::new();
        for (person, kind) in rows {
            if let Ok(kind) = kind.parse() {
                off.entry(PersonId(person)).or_default().push(kind);
            }
        }
        Ok(off)
    }

    /// Replaces the person's opt-outs.
    pub async fn set_reminder_opt_outs(&self, person: PersonId, off: &[Reminder]) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.c()
            .exec(
                Query::delete()
                    .from_table(ReminderOptOuts::Table)
                    .and_where(Expr::col(ReminderOptOuts::PersonId).eq(person.0)),
            )
            .await?;
        for kind in off {
            tx.c()
                .exec(
                    Query::insert()
                        .into_table(ReminderOptOuts::Table)
                        .columns([ReminderOptOuts::PersonId, ReminderOptOuts::Kind])
                        .values_panic([person.0.into(), kind.as_str().into()])
                        .on_conflict(
                            OnConflict::columns([ReminderOptOuts::PersonId, ReminderOptOuts::Kind])
                                .do_nothing()
                                .to_owned(),
                        ),
                )
                .await?;
        }
        tx.commit().await
    }
}
