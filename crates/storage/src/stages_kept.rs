//! Where the whole organisation's conversations of a cycle stand, counted per unit and kept in
//! memory under the cycle's figures revision (see [`crate::effect_kept`]). A stage follows the
//! conversation's own columns, and whom it counts follows the people's units and activity; a
//! change to any of them marks its unit in `figures_changes`, so only those units are counted
//! again. A large organisation's count reads every person and their conversation (a third of a
//! second at 50,000 people); a few units' take a millisecond.

use crate::Result;
use crate::cycle_overview::{StageCount, UnitStage};
use crate::db::Db;
use crate::effect_kept::few;
use crate::schema::People;
use domain::conversation::Stage;
use domain::{CycleId, OrgId, UnitId};
use sea_query::{Cond, Expr};
use std::collections::HashMap;
use std::sync::Arc;

/// Each unit's counts; a unit without anyone placed in it has none.
pub(crate) type PerUnit = HashMap<UnitId, Vec<UnitStage>>;

fn per_unit(rows: Vec<UnitStage>) -> PerUnit {
    let mut units = PerUnit::new();
    for row in rows {
        units.entry(row.unit).or_default().push(row);
    }
    units
}

/// The organisation's people, or those placed in `units`, active or not.
fn placed(org: OrgId, units: Option<&[UnitId]>) -> Cond {
    let col = |c: People| Expr::col((People::Table, c));
    Cond::all()
        .add(col(People::OrgId).eq(org.0))
        .add_option(units.map(|units| col(People::UnitId).is_in(units.iter().map(|u| u.0))))
}

impl Db {
    /// [`Db::stages_per_unit`] of the whole organisation.
    pub(crate) async fn organisation_stages(
        &self,
        org: OrgId,
        cycle: CycleId,
    ) -> Result<Vec<StageCount>> {
        let kept = self.kept_stages(org, &[cycle]).await?;
        Ok(kept
            .iter()
            .flat_map(|units| units.values().flatten())
            .filter(|row| row.people > 0)
            .map(|row| StageCount {
                unit: row.unit,
                stage: row.stage,
                people: row.people,
            })
            .collect())
    }

    /// How many of the organisation's conversations of these cycles stand at each stage.
    pub(crate) async fn organisation_conversation_stages(
        &self,
        org: OrgId,
        cycles: &[CycleId],
    ) -> Result<HashMap<Stage, usize>> {
        let mut counts = HashMap::new();
        for units in self.kept_stages(org, cycles).await? {
            for row in units.values().flatten() {
                *counts.entry(row.stage).or_default() += row.conversations;
            }
        }
        Ok(counts)
    }

    /// Brings the cycles' counts up to date ahead of their readers.
    pub async fn count_stages_ahead(&self, org: OrgId, cycles: &[CycleId]) -> Result<()> {
        self.kept_stages(org, cycles).await.map(drop)
    }

    /// The cycles' counts, as kept or brought up to date: one statement says whether any of them
    /// changed, one more which units, and one more counts each cycle that did.
    async fn kept_stages(&self, org: OrgId, cycles: &[CycleId]) -> Result<Vec<Arc<PerUnit>>> {
        let kept: Vec<_> = cycles
            .iter()
            .map(|cycle| (*cycle, self.memory.stage_counts.latest((org, *cycle))))
            .collect();
        let since: Vec<_> = kept
            .iter()
            .map(|(cycle, kept)| (*cycle, kept.as_ref().map(|(at, _)| *at)))
            .collect();
        // Read before counting: a change landing meanwhile is counted again next time.
        let mut changes = self.figures_changed_in(&since).await?;
        let mut all = Vec::new();
        for (cycle, kept) in kept {
            let (revision, changed) = changes.remove(&cycle).unwrap_or_default();
            let fresh = match kept {
                Some((at, kept)) if at >= revision => kept,
                Some((_, kept)) if few(changed.len(), kept.len()) => {
                    let mut units = (*kept).clone();
                    for unit in &changed {
                        units.remove(unit);
                    }
                    let recounted = self.stage_rows(cycle, placed(org, Some(&changed))).await?;
                    units.extend(per_unit(recounted));
                    Arc::new(units)
                }
                _ => Arc::new(per_unit(self.stage_rows(cycle, placed(org, None)).await?)),
            };
            self.memory
                .stage_counts
                .put((org, cycle), revision, fresh.clone());
            all.push(fresh);
        }
        Ok(all)
    }
}
