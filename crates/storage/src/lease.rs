//! One connection for the whole of a request.
//!
//! sqlx's pool tests every connection it takes back (a hand-off to the connection's thread on
//! SQLite, a round trip on PostgreSQL), and nothing turns that off. Taking a connection for each
//! statement paid it once per statement; a request run by [`Db::one_connection`] takes a
//! connection at its first statement and gives it back when it ends.
//!
//! A task must not wait for anything that may need a connection while it holds its own idle,
//! or tasks holding theirs could starve each other of the rest. So:
//! - a transaction gives the lent connection back before it begins, and runs on its own;
//! - before waiting for another task, for slow work or for the client, [`release_connection`];
//! - a task runs its statements one after the other. A statement while the lent connection is
//!   busy (two at once, or one while a [`crate::db::Handle`] is held) takes a connection of its
//!   own from the pool, which is a wait while holding one: nothing does that today.

use crate::db::{Db, HandleConn, Memory};
use std::future::Future;
use std::sync::{Arc, Weak};
use tokio::sync::{Mutex, OwnedMutexGuard};

tokio::task_local! {
    static LEASE: Lease;
}

struct Lease {
    /// The pool that lends, by what its clones share: one task may use two pools. Weak, so
    /// that its address stays its own while the lease lives.
    pool: Weak<Memory>,
    slot: Arc<Mutex<Option<HandleConn>>>,
}

/// The task's connection while one statement uses it; empty until the first statement.
pub(crate) type Lent = OwnedMutexGuard<Option<HandleConn>>;

impl Db {
    /// Runs `work` so that its statements outside transactions share one connection of this
    /// pool.
    pub async fn one_connection<F: Future>(&self, work: F) -> F::Output {
        let lease = Lease {
            pool: Arc::downgrade(&self.memory),
            slot: Arc::default(),
        };
        LEASE.scope(lease, work).await
    }

    /// The connection this pool lent to this task, unless it lent none or it is in use.
    pub(crate) fn lent(&self) -> Option<Lent> {
        LEASE
            .try_with(|lease| {
                std::ptr::eq(lease.pool.as_ptr(), Arc::as_ptr(&self.memory))
                    .then(|| Arc::clone(&lease.slot).try_lock_owned().ok())
                    .flatten()
            })
            .ok()
            .flatten()
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
