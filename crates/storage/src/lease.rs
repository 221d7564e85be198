//! One connection for the whole of a request.
//!
//! sqlx's pool tests every connection it takes back (a hand-off to the connection's thread on
//! SQLite, a round trip on PostgreSQL), and nothing turns that off. Taking a connection for each
//! statement paid it once per statement; a request run by [`Db::one_connection`] takes a
//! connection at its first statement and gives it back when it ends.
//!
//! A request never waits for something that may need a connection while it holds its own idle,
//! so requests holding theirs cannot starve each other into a deadlock:
//! - a statement run while the lent connection is busy (a second statement at the same time, or
//!   while a [`crate::db::Handle`] is held) takes one of its own from the pool, as before;
//! - a transaction gives the lent connection back before it begins;
//! - before waiting for another task or for slow work, [`release_connection`].

use crate::db::{Db, HandleConn};
use std::future::Future;
use std::sync::Arc;
use tokio::sync::{Mutex, OwnedMutexGuard};

tokio::task_local! {
    static LEASE: Lease;
}

struct Lease {
    /// Which pool lent it, by the address its clones share: one task may use two pools.
    pool: usize,
    slot: Arc<Mutex<Option<HandleConn>>>,
}

/// The request's connection while one statement uses it; empty until the first statement.
pub(crate) type Lent = OwnedMutexGuard<Option<HandleConn>>;

impl Db {
    /// Runs `work` so that its statements share one connection of this pool.
    pub async fn one_connection<F: Future>(&self, work: F) -> F::Output {
        let lease = Lease {
            pool: self.identity(),
            slot: Arc::default(),
        };
        LEASE.scope(lease, work).await
    }

    /// The connection lent to this task by this pool, unless none is or it is in use.
    pub(crate) fn lent(&self) -> Option<Lent> {
        LEASE
            .try_with(|lease| {
                (lease.pool == self.identity())
                    .then(|| Arc::clone(&lease.slot).try_lock_owned().ok())
                    .flatten()
            })
            .ok()
            .flatten()
    }

    fn identity(&self) -> usize {
        Arc::as_ptr(&self.memory) as usize
    }
}

/// Gives the connection lent to this task back to the pool, if it is not in use; its next
/// statement takes one again.
pub fn release_connection() {
    let lent = LEASE.try_with(|lease| Arc::clone(&lease.slot).try_lock_owned().ok());
    if let Ok(Some(mut lent)) = lent {
        lent.take();
    }
}
