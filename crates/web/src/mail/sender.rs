//! Sending the outbox: lease what is due, send it, record the outcome. Several MOUSE instances
//! may run this against one database; the lease makes sure each mail has one sender.

use super::Mailer;
use chrono::Duration;
use domain::mail::{MAX_ATTEMPTS, retry_delay};
use storage::{Db, StorageError, now};

/// How long a sender holds a mail before another may take it over: well beyond the SMTP
/// timeout, so a slow server does not lead to a second copy.
const LEASE: Duration = Duration::minutes(5);

/// How many mails a sender leases at a time: small, so that a slow server does not leave one
/// instance holding everything while the others idle.
const BATCH: u64 = 5;

/// A name for this process's sender, unique among instances.
pub fn worker_name() -> String {
    format!("{}-{}", std::process::id(), uuid::Uuid::now_v7())
}

/// Sends what is due now; returns how many went out.
pub async fn dispatch_once(db: &Db, mailer: &Mailer, worker: &str) -> storage::Result<usize> {
    let mut sent = 0;
    loop {
        let batch = db.claim_mail(worker, LEASE, BATCH).await?;
        if batch.is_empty() {
            return Ok(sent);
        }
        for mail in batch {
            let recorded = match mailer.send(&mail).await {
                Ok(()) => {
                    sent += 1;
                    db.mark_sent(mail.id, worker).await
                }
                Err(error) => {
                    let attempts = mail.attempts + 1;
                    let retry_at = (!error.permanent && attempts < MAX_ATTEMPTS)
                        .then(|| now() + retry_delay(attempts));
                    tracing::warn!(to = %mail.recipient, %error, attempts, "mail not sent");
                    db.mark_failed(mail.id, worker, attempts, &error.message, retry_at)
                        .await
                }
            };
            match recorded {
                Ok(()) => {}
                // The lease ran out mid-send and another sender took over: it records the
                // outcome of its own try.
                Err(StorageError::Conflict) => {
                    tracing::warn!(mail = %mail.id, "lease lost while sending");
                }
                Err(other) => return Err(other),
            }
        }
    }
}
