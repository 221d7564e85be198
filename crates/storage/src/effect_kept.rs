//! The organisation's effect figures of a cycle kept in memory per unit (see
//! [`crate::effect_counts`] for how they are counted): under the cycle's `figures_revisions`
//! counter, with the units `figures_changes` marks at each change (migration 0032), so that
//! only those are counted again. One count per cycle runs at a time, in a task of its own.

use crate::Result;
use crate::db::Db;
use crate::drawer::Judgement;
use crate::effect_counts::Whom;
use crate::schema::{CycleCounter, FiguresChanges, FiguresRevisions};
use chrono::NaiveDate;
use domain::cycle::Cycle;
use domain::effect::{Counted, Served, Tally};
use domain::{CycleId, GoalId, OrgId, UnitId};
use sea_query::{Expr, Query};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use uuid::Uuid;

/// One unit's part of the red thread: per strategic goal served, how many development goals
/// serve it and the competences they build (which add up across units only as a set).
pub(crate) type Thread = HashMap<GoalId, (usize, Vec<Uuid>)>;

/// How the development goals of some units' threads serve each strategic goal.
fn served<'a>(threads: impl Iterator<Item = &'a Thread>) -> HashMap<GoalId, Served> {
    let mut served: HashMap<GoalId, (usize, HashSet<Uuid>)> = HashMap::new();
    for (goal, (dev_goals, competences)) in threads.flatten() {
        let entry = served.entry(*goal).or_default();
        entry.0 += dev_goals;
        entry.1.extend(competences);
    }
    served
        .into_iter()
        .map(|(goal, (dev_goals, competences))| {
            let competences = competences.len();
            (
                goal,
                Served {
                    dev_goals,
                    competences,
                },
            )
        })
        .collect()
}

/// What a group of units' figures are made from, per unit.
#[derive(Clone, Debug, Default)]
pub(crate) struct Counts {
    pub(crate) tallies: HashMap<UnitId, Tally>,
    pub(crate) threads: HashMap<UnitId, Thread>,
}

/// The whole organisation's counts of a cycle and what else they were counted from: kept under
/// the cycle's `figures_revisions` counter (see [`crate::revisions`]); when it moved, only the
/// units `figures_changes` marks since are counted again.
#[derive(Debug)]
pub(crate) struct Kept {
    judged: Judgement,
    held_by: NaiveDate,
    pairs: Vec<(GoalId, GoalId)>,
    per_unit: Arc<HashMap<UnitId, Tally>>,
    threads: HashMap<UnitId, Thread>,
    served: HashMap<GoalId, Served>,
}

impl Kept {
    fn new(
        judged: Judgement,
        held_by: NaiveDate,
        pairs: &[(GoalId, GoalId)],
        counts: Counts,
    ) -> Kept {
        Kept {
            judged,
            held_by,
            pairs: pairs.to_vec(),
            served: served(counts.threads.values()),
            per_unit: Arc::new(counts.tallies),
            threads: counts.threads,
        }
    }

    /// What the figures of the people in `units` (or everyone) are made from.
    fn counted(&self, units: Option<&[UnitId]>) -> Counted {
        let mut total = Tally::default();
        let Some(units) = units else {
            self.per_unit.values().for_each(|t| total.add(t));
            return total.counted(self.served.clone());
        };
        for tally in units.iter().filter_map(|u| self.per_unit.get(u)) {
            total.add(tally);
        }
        total.counted(served(units.iter().filter_map(|u| self.threads.get(u))))
    }

    fn counted_from(
        &self,
        judged: Judgement,
        held_by: NaiveDate,
        pairs: &[(GoalId, GoalId)],
    ) -> bool {
        self.judged == judged && self.held_by == held_by && self.pairs == pairs
    }

    /// These counts with the units `changed` counted again as `recounted`.
    fn with(&self, changed: &[UnitId], recounted: Counts) -> Kept {
        let mut counts = Counts {
            tallies: (*self.per_unit).clone(),
            threads: self.threads.clone(),
        };
        for unit in changed {
            counts.tallies.remove(unit);
            counts.threads.remove(unit);
        }
        counts.tallies.extend(recounted.tallies);
        counts.threads.extend(recounted.threads);
        Kept::new(self.judged, self.held_by, &self.pairs, counts)
    }
}

/// The kept counts as the database stands now.
enum Standing {
    /// Nothing they count changed since.
    Fresh(Arc<Kept>),
    Stale(Changes),
}

/// What changed since the kept counts (if any, and counted from the same day, patience and
/// goals): the database's revision and the units marked since.
struct Changes {
    kept: Option<Arc<Kept>>,
    revision: i64,
    changed: Vec<UnitId>,
}

impl Changes {
    /// Whether the kept counts are brought up to date by counting the units changed.
    fn partial(&self) -> bool {
        self.kept
            .as_ref()
            .is_some_and(|kept| partial(kept, &self.changed))
    }
}

fn partial(kept: &Kept, changed: &[UnitId]) -> bool {
    few(changed.len(), kept.per_unit.len())
}

/// Whether `changed` of `kept` units are few enough to count again as a group.
pub(crate) fn few(changed: usize, kept: usize) -> bool {
    changed <= RECOUNT_UNITS.max(kept / 4)
}

/// Held while a cycle's effect figures are counted.
type CycleLock = Arc<tokio::sync::Mutex<()>>;

/// A lock per cycle, held while its effect figures are counted.
#[derive(Debug, Default)]
pub(crate) struct Counting(Mutex<HashMap<(OrgId, CycleId), CycleLock>>);

impl Counting {
    fn lock(&self, key: (OrgId, CycleId)) -> CycleLock {
        let mut locks = self.0.lock().expect("counting locks");
        locks.entry(key).or_default().clone()
    }
}

/// Changed units are counted again as a group if they are at most this many or a quarter of all;
/// more are counted with all the others, which costs about the same.
const RECOUNT_UNITS: usize = 16;

impl Db {
    /// What the organisation's figures for a cycle are made from, as they stand on the day
    /// judged; `pairs` are [`domain::effect::serving_pairs`] of the organisation's goals. Kept in
    /// memory while nothing they are counted from changed.
    pub async fn effect_counts(
        &self,
        org: OrgId,
        cycle: &Cycle,
        judged: Judgement,
        pairs: &[(GoalId, GoalId)],
    ) -> Result<Counted> {
        let kept = self.organisation_effect(org, cycle, judged, pairs).await?;
        Ok(kept.counted(None))
    }

    /// What the figures of the people in `units` are made from in each cycle, if the
    /// organisation's counts are kept for all of them (or brought up to date by counting the
    /// units changed since); `None` if any would have to be counted whole, which takes many times
    /// longer than a unit's history. Whether they are is asked of the database once for all.
    pub async fn effect_counts_if_kept(
        &self,
        org: OrgId,
        cycles: &[Cycle],
        judged: Judgement,
        pairs: &[(GoalId, GoalId)],
        units: &[UnitId],
    ) -> Result<Option<HashMap<CycleId, Counted>>> {
        let standing = self.kept_effects(org, cycles, judged, pairs).await?;
        let whole = |s: &Standing| matches!(s, Standing::Stale(changes) if !changes.partial());
        if standing.iter().any(whole) {
            return Ok(None);
        }
        let mut counted = HashMap::with_capacity(cycles.len());
        for (cycle, standing) in cycles.iter().zip(standing) {
            let kept = match standing {
                Standing::Fresh(kept) => kept,
                Standing::Stale(_) => self.count_apart(org, cycle, judged, pairs).await?,
            };
            counted.insert(cycle.id, kept.counted(Some(units)));
        }
        Ok(Some(counted))
    }

    /// The organisation's shares of a cycle per unit of their people (as they are placed now),
    /// kept with [`Db::effect_counts`].
    pub async fn effect_per_unit(
        &self,
        org: OrgId,
        cycle: &Cycle,
        judged: Judgement,
        pairs: &[(GoalId, GoalId)],
    ) -> Result<Arc<HashMap<UnitId, Tally>>> {
        Ok(self
            .organisation_effect(org, cycle, judged, pairs)
            .await?
            .per_unit
            .clone())
    }

    async fn organisation_effect(
        &self,
        org: OrgId,
        cycle: &Cycle,
        judged: Judgement,
        pairs: &[(GoalId, GoalId)],
    ) -> Result<Arc<Kept>> {
        match self.kept_effect(org, cycle, judged, pairs).await? {
            Standing::Fresh(kept) => Ok(kept),
            Standing::Stale(_) => self.count_apart(org, cycle, judged, pairs).await,
        }
    }

    /// Brings the kept counts up to date, or counts them whole.
    async fn count_apart(
        &self,
        org: OrgId,
        cycle: &Cycle,
        judged: Judgement,
        pairs: &[(GoalId, GoalId)],
    ) -> Result<Arc<Kept>> {
        // Counted by a task of its own, one count per cycle at a time: a viewer who gives up
        // (a first count after start takes many seconds) leaves it to finish for the next, and
        // viewers arriving meanwhile wait for it rather than count the same again.
        let (db, cycle, pairs) = (self.clone(), cycle.clone(), pairs.to_vec());
        let count = tokio::spawn(async move {
            let lock = db.memory.effect_counting.lock((org, cycle.id));
            let _counting = lock.lock().await;
            db.count_effect(org, &cycle, judged, &pairs).await
        });
        // The count needs connections of its own; waiting for it while holding this task's
        // could starve it.
        crate::release_connection();
        match count.await {
            Ok(counted) => counted,
            Err(stopped) if stopped.is_panic() => std::panic::resume_unwind(stopped.into_panic()),
            Err(_) => Err(crate::StorageError::Stopped),
        }
    }

    /// The kept counts if nothing they count changed since, or what changed.
    async fn kept_effect(
        &self,
        org: OrgId,
        cycle: &Cycle,
        judged: Judgement,
        pairs: &[(GoalId, GoalId)],
    ) -> Result<Standing> {
        let mut standing = self
            .kept_effects(org, std::slice::from_ref(cycle), judged, pairs)
            .await?;
        Ok(standing.remove(0))
    }

    /// [`Db::kept_effect`] of each cycle, asked of the database at once (one statement when none
    /// changed).
    async fn kept_effects(
        &self,
        org: OrgId,
        cycles: &[Cycle],
        judged: Judgement,
        pairs: &[(GoalId, GoalId)],
    ) -> Result<Vec<Standing>> {
        let kept: Vec<Option<(i64, Arc<Kept>)>> = cycles
            .iter()
            .map(|cycle| {
                let held_by = cycle.timeline.conversations_to();
                (self.memory.effect_counts.latest((org, cycle.id)))
                    .filter(|(_, kept)| kept.counted_from(judged, held_by, pairs))
            })
            .collect();
        let since: Vec<(CycleId, Option<i64>)> = cycles
            .iter()
            .zip(&kept)
            .map(|(cycle, kept)| (cycle.id, kept.as_ref().map(|(at, _)| *at)))
            .collect();
        let mut changes = self.figures_changed_in(&since).await?;
        Ok(cycles
            .iter()
            .zip(kept)
            .map(|(cycle, kept)| {
                let (revision, changed) = changes.remove(&cycle.id).unwrap_or_default();
                match kept {
                    Some((at, kept)) if at >= revision => Standing::Fresh(kept),
                    kept => Standing::Stale(Changes {
                        kept: kept.map(|(_, kept)| kept),
                        revision,
                        changed,
                    }),
                }
            })
            .collect())
    }

    /// Counts what changed since the kept counts (or everything) and keeps the result.
    async fn count_effect(
        &self,
        org: OrgId,
        cycle: &Cycle,
        judged: Judgement,
        pairs: &[(GoalId, GoalId)],
    ) -> Result<Arc<Kept>> {
        // Another may have counted while this waited for its turn.
        let changes = match self.kept_effect(org, cycle, judged, pairs).await? {
            Standing::Fresh(kept) => return Ok(kept),
            Standing::Stale(changes) => changes,
        };
        let Changes {
            kept,
            revision,
            changed,
        } = changes;
        let held_by = cycle.timeline.conversations_to();
        let fresh = match kept {
            Some(kept) if partial(&kept, &changed) => {
                let some = Whom {
                    org,
                    units: Some(&changed),
                };
                kept.with(&changed, self.count(some, cycle, judged, pairs).await?)
            }
            _ => {
                let everyone = Whom { org, units: None };
                let counts = self.count(everyone, cycle, judged, pairs).await?;
                Kept::new(judged, held_by, pairs, counts)
            }
        };
        let fresh = Arc::new(fresh);
        self.memory
            .effect_counts
            .put((org, cycle.id), revision, fresh.clone());
        Ok(fresh)
    }

    /// Each cycle's figures revision and the units whose figures changed after revision `since`
    /// (none where nothing was kept: all is counted). A cycle nothing touched yet is at revision
    /// 0. The counters are read first, and the changes only of the cycles whose counter moved:
    /// most readers find none, and PostgreSQL's generic plan for the changes scans them all.
    /// A mark commits with its counter, so every change up to the counter read is found; one
    /// made since may be found too, and is counted again next time.
    pub(crate) async fn figures_changed_in(
        &self,
        since: &[(CycleId, Option<i64>)],
    ) -> Result<HashMap<CycleId, (i64, Vec<UnitId>)>> {
        if since.is_empty() {
            return Ok(HashMap::new());
        }
        let counter = |c: CycleCounter| Expr::col((FiguresRevisions::Table, c));
        let counters: Vec<(Uuid, i64)> = self
            .all(
                Query::select()
                    .expr(counter(CycleCounter::CycleId))
                    .expr(counter(CycleCounter::Revision))
                    .from(FiguresRevisions::Table)
                    .and_where(
                        counter(CycleCounter::CycleId).is_in(since.iter().map(|(c, _)| c.0)),
                    ),
            )
            .await?;
        let mut changed: HashMap<CycleId, (i64, Vec<UnitId>)> = counters
            .into_iter()
            .map(|(cycle, revision)| (CycleId(cycle), (revision, Vec::new())))
            .collect();
        let change = |c: FiguresChanges| Expr::col((FiguresChanges::Table, c));
        let Some(after) = since
            .iter()
            .filter_map(|(cycle, since)| {
                let since = (*since)?;
                let (now, _) = changed.get(cycle)?;
                (*now > since).then(|| {
                    change(FiguresChanges::CycleId)
                        .eq(cycle.0)
                        .and(change(FiguresChanges::Revision).gt(since))
                })
            })
            .reduce(|a, b| a.or(b))
        else {
            return Ok(changed);
        };
        let rows: Vec<(Uuid, Uuid)> = self
            .all(
                Query::select()
                    .expr(change(FiguresChanges::CycleId))
                    .expr(change(FiguresChanges::UnitId))
                    .from(FiguresChanges::Table)
                    .and_where(after),
            )
            .await?;
        for (cycle, unit) in rows {
            if let Some((_, units)) = changed.get_mut(&CycleId(cycle)) {
                units.push(UnitId(unit));
            }
        }
        Ok(changed)
    }
}
