//! Where the whole organisation's conversations of a cycle stand, counted per unit and kept in
//! memory under the cycle's figures revision (see [`crate::effect_kept`]). A stage follows the
//! conversation's own columns, and whom it counts follows the people's units and activity; a
//! change to any of them marks its unit in `figures_changes`, so only those units are counted
//! again. A large organisation's count reads every person and their conversation (a third of a
//! second at 50,000 people); a few units' take a millisecond.

use crate::Result;
use crate::cycle_overview::{Staff, StageCount};
use crate::db::Db;
use crate::effect_kept::few;
use domain::{CycleId, OrgId, UnitId};
use std::collections::HashMap;
use std::sync::Arc;

/// Each unit's counts; a unit without active staff has none.
pub(crate) type PerUnit = HashMap<UnitId, Vec<StageCount>>;

fn per_unit(counts: Vec<StageCount>) -> PerUnit {
    let mut units = PerUnit::new();
    for count in counts {
        units.entry(count.unit).or_default().push(count);
    }
    units
}

impl Db {
    /// [`Db::stages_per_unit`] of the whole organisation, as kept or brought up to date.
    pub(crate) async fn organisation_stages(
        &self,
        org: OrgId,
        cycle: CycleId,
    ) -> Result<Vec<StageCount>> {
        let key = (org, cycle);
        let kept = self.stage_counts.latest(key);
        // Read before counting: a change landing meanwhile is counted again next time.
        let (revision, changed) = self
            .figures_changed(cycle, kept.as_ref().map(|k| k.0))
            .await?;
        let fresh = match kept {
            Some((at, kept)) if at >= revision => kept,
            Some((_, kept)) if few(changed.len(), kept.len()) => {
                let mut units = (*kept).clone();
                for unit in &changed {
                    units.remove(unit);
                }
                let recounted = self
                    .count_stages(org, cycle, Staff::Organisation, Some(&changed))
                    .await?;
                units.extend(per_unit(recounted));
                let units = Arc::new(units);
                self.stage_counts.put(key, revision, units.clone());
                units
            }
            _ => {
                let counted = self
                    .count_stages(org, cycle, Staff::Organisation, None)
                    .await?;
                let units = Arc::new(per_unit(counted));
                self.stage_counts.put(key, revision, units.clone());
                units
            }
        };
        Ok(fresh.values().flatten().copied().collect())
    }
}
