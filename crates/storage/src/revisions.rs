//! What nearly every page needs and an organisation rarely changes (its unit tree, its cycles)
//! is kept in memory under a revision counter on the organisation's row; what a cycle's answers
//! add up to, the organisation's effect figures of a cycle and the list of its feedback shared
//! with the leadership, under counters per cycle.
//! Triggers move the counters on any change, by any instance, so one small read (for the
//! organisation's, made anyway with the logged-in user) tells whether the copy in memory is
//! still the database's. (The effect figures' counter also says which units changed.)

use crate::Result;
use crate::db::Db;
use crate::schema::{CycleCounter, Organisations};
use domain::{CycleId, OrgId};
use sea_query::{Expr, Iden, Query};
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

/// The revision counters of one organisation, as read together (with a user, in
/// [`crate::UserContext`]): what is kept in memory under them is fetched at them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Revisions {
    pub(crate) units: i64,
    pub(crate) cycles: i64,
    pub(crate) goals: i64,
}

/// A value and the revision it was read at.
type Kept<T, R> = (R, Arc<T>);

/// Per key (an organisation, or an organisation's cycle), a value with the revision it was read
/// at (a counter, or several that together say what it was made from).
#[derive(Debug)]
pub(crate) struct ByRevision<T, K = OrgId, R = i64>(Mutex<HashMap<K, Kept<T, R>>>);

impl<T, K, R> Default for ByRevision<T, K, R> {
    fn default() -> Self {
        ByRevision(Mutex::default())
    }
}

impl<T, K: Hash + Eq, R: Copy + PartialEq> ByRevision<T, K, R> {
    /// The value kept for `key`, if it was read at `revision`.
    fn get(&self, key: K, revision: R) -> Option<Arc<T>> {
        let kept = self.0.lock().expect("revision cache");
        kept.get(&key)
            .filter(|(known, _)| *known == revision)
            .map(|(_, value)| value.clone())
    }

    /// The value kept for `key` and the revision it was read at, however old.
    pub(crate) fn latest(&self, key: K) -> Option<Kept<T, R>> {
        self.0.lock().expect("revision cache").get(&key).cloned()
    }

    /// The value kept for `key` if it was read at `revision`; otherwise what `read` reads
    /// (started after `revision` was read), kept.
    pub(crate) async fn or_read(
        &self,
        key: K,
        revision: R,
        read: impl Future<Output = Result<T>>,
    ) -> Result<Arc<T>>
    where
        K: Copy,
    {
        if let Some(kept) = self.get(key, revision) {
            return Ok(kept);
        }
        let value = Arc::new(read.await?);
        self.put(key, revision, value.clone());
        Ok(value)
    }

    /// Keeps a value read *after* `revision` was: it is at least as new as the number it is kept
    /// under, so a change made in between only causes one more read later, never a stale value.
    pub(crate) fn put(&self, key: K, revision: R, value: Arc<T>) {
        self.0
            .lock()
            .expect("revision cache")
            .insert(key, (revision, value));
    }
}

impl Db {
    /// The organisation's revision counters; `NotFound` for an unknown organisation.
    pub(crate) async fn revisions(&self, org: OrgId) -> Result<Revisions> {
        let (units, cycles, goals): (i64, i64, i64) = self
            .optional(
                Query::select()
                    .columns([
                        Organisations::UnitsRevision,
                        Organisations::CyclesRevision,
                        Organisations::GoalsRevision,
                    ])
                    .from(Organisations::Table)
                    .and_where(Expr::col(Organisations::Id).eq(org.0)),
            )
            .await?
            .ok_or(crate::StorageError::NotFound)?;
        Ok(Revisions {
            units,
            cycles,
            goals,
        })
    }

    /// A cycle's counter in one of the per-cycle counter tables; 0 until anything moved it.
    pub(crate) async fn cycle_revision(
        &self,
        table: impl Iden + 'static,
        cycle: CycleId,
    ) -> Result<i64> {
        let revision: Option<(i64,)> = self
            .optional(
                Query::select()
                    .column(CycleCounter::Revision)
                    .from(table)
                    .and_where(Expr::col(CycleCounter::CycleId).eq(cycle.0)),
            )
            .await?;
        Ok(revision.map_or(0, |(r,)| r))
    }
}
