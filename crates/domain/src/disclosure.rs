//! Which units may show an aggregate of personal answers (evaluation scores, how clear the
//! strategy is) without letting anyone be singled out.
//!
//! A unit's figure stands for everyone in the unit and the units below it, so figures of
//! nested units overlap, and subtracting one from another gives the answers of those in the
//! one and not the other. A unit's aggregate is therefore shown only when it holds at least
//! *threshold* answers, and what is left of a shown unit once every shown unit below it is
//! taken away is either nobody or again at least *threshold* answers. When that fails, the
//! smallest shown unit below gives way, so the larger, more useful figure stays.

use crate::ids::UnitId;
use crate::org::UnitTree;
use std::collections::{HashMap, HashSet};

/// The units whose aggregate may be shown, given how many answers each unit holds of its own
/// (not counting the units below it).
pub fn disclosable(
    units: &UnitTree,
    own: &HashMap<UnitId, usize>,
    threshold: usize,
) -> HashSet<UnitId> {
    // Units are worked on by their place in the depth-first walk, which lists every unit
    // before those below it: an organisation of thousands hashes only the counts' ids.
    let walk = units.walked();
    let totals = units.walked_totals(own);
    let mut shown: Vec<bool> = totals.iter().map(|n| *n >= threshold).collect();
    // The first unsafe unit hides its smallest shown unit below and is looked at again. Hiding a
    // unit below it changes nothing for the units before it in the walk (its ancestors still see
    // it, not what is below it), so the walk goes on from there rather than from the top.
    let mut at = 0;
    while at < walk.len() {
        if shown[at] {
            let below = highest_shown_below(units, at, &shown);
            let covered: usize = below.iter().map(|u| totals[*u]).sum();
            let rest = totals[at] - covered;
            let smallest = below.into_iter().min_by_key(|u| (totals[*u], walk[*u].id));
            if let Some(smallest) = smallest.filter(|_| rest > 0 && rest < threshold) {
                shown[smallest] = false;
                continue;
            }
        }
        at += 1;
    }
    walk.iter()
        .zip(shown)
        .filter(|(_, shown)| *shown)
        .map(|(unit, _)| unit.id)
        .collect()
}

/// The shown units below `at` that have no shown unit between them and it.
fn highest_shown_below(units: &UnitTree, at: usize, shown: &[bool]) -> Vec<usize> {
    let mut found = Vec::new();
    let mut stack: Vec<usize> = units.below(at).to_vec();
    while let Some(next) = stack.pop() {
        if shown[next] {
            found.push(next);
        } else {
            stack.extend_from_slice(units.below(next));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::OrgId;
    use crate::org::{Unit, UnitKind};

    /// Organisation → department A (team A1, team A2), department B.
    fn tree() -> (UnitTree, [UnitId; 5]) {
        let org = OrgId::new();
        let unit = |name: &str, kind, parent| Unit {
            id: UnitId::new(),
            org_id: org,
            parent_id: parent,
            name: name.into(),
            kind,
            leader_id: None,
        };
        let root = unit("Org", UnitKind::Organisation, None);
        let a = unit("A", UnitKind::Department, Some(root.id));
        let a1 = unit("A1", UnitKind::Team, Some(a.id));
        let a2 = unit("A2", UnitKind::Team, Some(a.id));
        let b = unit("B", UnitKind::Department, Some(root.id));
        let ids = [root.id, a.id, a1.id, a2.id, b.id];
        (UnitTree::new(vec![root, a, a1, a2, b]), ids)
    }

    fn counts(ids: &[UnitId; 5], n: [usize; 5]) -> HashMap<UnitId, usize> {
        ids.iter().copied().zip(n).collect()
    }

    #[test]
    fn too_few_answers_are_never_shown() {
        let (units, ids) = tree();
        let shown = disclosable(&units, &counts(&ids, [0, 0, 2, 1, 1]), 5);
        assert!(shown.is_empty());
    }

    #[test]
    fn a_unit_that_differs_from_its_parent_by_fewer_than_the_threshold_gives_way() {
        let (units, [root, a, a1, a2, b]) = tree();
        // A holds 7 (A1 has 5), B holds 1: the organisation minus A would be B's one answer.
        let shown = disclosable(&units, &counts(&[root, a, a1, a2, b], [0, 0, 5, 2, 1]), 5);
        assert!(shown.contains(&root));
        assert!(!shown.contains(&a), "Org − A is one person");
        // A1 is now the highest shown unit below the organisation, and Org − A1 = 3 < 5.
        assert!(!shown.contains(&a1));
        assert_eq!(shown.len(), 1);
    }

    #[test]
    fn nested_units_are_all_shown_when_every_difference_is_large_enough() {
        let (units, [root, a, a1, a2, b]) = tree();
        let shown = disclosable(&units, &counts(&[root, a, a1, a2, b], [0, 0, 5, 5, 5]), 5);
        assert_eq!(shown, HashSet::from([root, a, a1, a2, b]));
    }

    #[test]
    fn a_unit_holding_everything_of_its_parent_is_no_difference() {
        let (units, [root, a, a1, a2, b]) = tree();
        // Everyone answering sits in A1: Org, A and A1 are the same people.
        let shown = disclosable(&units, &counts(&[root, a, a1, a2, b], [0, 0, 6, 0, 0]), 5);
        assert_eq!(shown, HashSet::from([root, a, a1]));
    }

    /// The rule as first written: after each unit hidden, look again from the top.
    fn from_the_top(
        units: &UnitTree,
        own: &HashMap<UnitId, usize>,
        threshold: usize,
    ) -> HashSet<UnitId> {
        let walk = units.walk();
        let mut totals: HashMap<UnitId, usize> = HashMap::new();
        for (_, unit) in walk.iter().rev() {
            let below: usize = units.children(unit.id).iter().map(|c| totals[c]).sum();
            totals.insert(unit.id, own.get(&unit.id).copied().unwrap_or(0) + below);
        }
        let mut shown: HashSet<UnitId> = totals
            .iter()
            .filter(|(_, n)| **n >= threshold)
            .map(|(id, _)| *id)
            .collect();
        let below_of = |id: UnitId, shown: &HashSet<UnitId>| {
            let mut found = Vec::new();
            let mut stack: Vec<UnitId> = units.children(id).to_vec();
            while let Some(next) = stack.pop() {
                if shown.contains(&next) {
                    found.push(next);
                } else {
                    stack.extend_from_slice(units.children(next));
                }
            }
            found
        };
        loop {
            let unsafe_unit = walk.iter().find_map(|(_, unit)| {
                if !shown.contains(&unit.id) {
                    return None;
                }
                let below = below_of(unit.id, &shown);
                let covered: usize = below.iter().map(|u| totals[u]).sum();
                let rest = totals[&unit.id] - covered;
                (rest > 0 && rest < threshold)
                    .then(|| below.into_iter().min_by_key(|u| (totals[u], *u)))
                    .flatten()
            });
            match unsafe_unit {
                Some(smallest) => {
                    shown.remove(&smallest);
                }
                None => return shown,
            }
        }
    }

    #[test]
    fn going_on_from_the_unit_hidden_below_decides_as_looking_from_the_top_does() {
        let mut seed: u64 = 7;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        let org = OrgId::new();
        for _ in 0..300 {
            let size = 2 + next(40) as usize;
            let mut all: Vec<Unit> = Vec::new();
            for i in 0..size {
                let parent = (i > 0).then(|| all[next(i as u64) as usize].id);
                all.push(Unit {
                    id: UnitId::new(),
                    org_id: org,
                    parent_id: parent,
                    name: format!("U{i}"),
                    kind: if i == 0 {
                        UnitKind::Organisation
                    } else {
                        UnitKind::Team
                    },
                    leader_id: None,
                });
            }
            let own: HashMap<UnitId, usize> =
                all.iter().map(|u| (u.id, next(8) as usize)).collect();
            let threshold = 1 + next(8) as usize;
            let units = UnitTree::new(all);
            assert_eq!(
                disclosable(&units, &own, threshold),
                from_the_top(&units, &own, threshold)
            );
        }
    }
}
