//! Organisations and their unit tree (organisation → department → team).

use crate::drawer::Patience;
use crate::ids::{OrgId, PersonId, UnitId};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::str::FromStr;

/// An organisation using MOUSE. Nothing of one organisation is ever visible to another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organisation {
    pub id: OrgId,
    pub name: String,
    /// Short, URL- and CLI-friendly name, unique in the installation.
    pub slug: String,
    pub settings: Settings,
}

/// What an organisation decides for itself about confidentiality.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Anonymous feedback is shown only from this many distinct people up.
    pub anonymity_threshold: u32,
    /// How many days after the conversation is held a preparation that was never shared is
    /// kept before it is deleted.
    pub draft_retention_days: u32,
    /// When a quiet agreement counts as going stale, and when its leader's leader is told.
    pub patience: Patience,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            anonymity_threshold: 5,
            draft_retention_days: 30,
            patience: Patience::default(),
        }
    }
}

/// Why settings were refused. Each has a translated message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    #[error("the anonymity threshold must be a whole number from 3 to 100")]
    Threshold,
    #[error("the retention must be a whole number of days from 0 to 3650")]
    Retention,
    #[error("the periods must be whole numbers of days from 1 to 730")]
    Patience,
}

impl SettingsError {
    pub fn message_key(self) -> &'static str {
        match self {
            SettingsError::Threshold => "error-settings-threshold",
            SettingsError::Retention => "error-settings-retention",
            SettingsError::Patience => "error-settings-patience",
        }
    }
}

impl Settings {
    /// Settings as typed. A threshold below three would let a reader of two answers and
    /// their own know the third.
    pub fn read(
        threshold: &str,
        retention_days: &str,
        stale_after_days: &str,
        escalate_after_days: &str,
    ) -> Result<Settings, SettingsError> {
        let anonymity_threshold = threshold
            .trim()
            .parse()
            .ok()
            .filter(|n| (3..=100).contains(n))
            .ok_or(SettingsError::Threshold)?;
        let draft_retention_days = retention_days
            .trim()
            .parse()
            .ok()
            .filter(|n| *n <= 3650)
            .ok_or(SettingsError::Retention)?;
        let days = |raw: &str| {
            raw.trim()
                .parse()
                .ok()
                .filter(|n| (1..=730).contains(n))
                .ok_or(SettingsError::Patience)
        };
        Ok(Settings {
            anonymity_threshold,
            draft_retention_days,
            patience: Patience {
                stale_after_days: days(stale_after_days)?,
                escalate_after_days: days(escalate_after_days)?,
            },
        })
    }
}

/// What level of the tree a unit is. The root of every tree is the organisation itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnitKind {
    Organisation,
    Department,
    Team,
}

impl UnitKind {
    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Organisation => "organisation",
            UnitKind::Department => "department",
            UnitKind::Team => "team",
        }
    }
}

impl fmt::Display for UnitKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for UnitKind {
    type Err = UnitError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "organisation" => Ok(UnitKind::Organisation),
            "department" => Ok(UnitKind::Department),
            "team" => Ok(UnitKind::Team),
            _ => Err(UnitError::UnknownKind),
        }
    }
}

/// A unit in the tree. Only the root (kind `Organisation`) has no parent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    pub id: UnitId,
    pub org_id: OrgId,
    pub parent_id: Option<UnitId>,
    pub name: String,
    pub kind: UnitKind,
    pub leader_id: Option<PersonId>,
}

/// Why a change to the unit tree was refused. Each has a translated message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum UnitError {
    #[error("unit name is empty")]
    EmptyName,
    #[error("unit name is too long")]
    NameTooLong,
    #[error("unknown unit kind")]
    UnknownKind,
    #[error("another unit already has this name")]
    DuplicateName,
    #[error("parent unit not found in this organisation")]
    UnknownParent,
    #[error("a unit cannot be moved under itself or one of its own units")]
    Cycle,
    #[error("the organisation unit is the root and cannot be moved")]
    RootFixed,
    #[error("a department or team cannot be placed under a team")]
    KindOrder,
}

impl UnitError {
    pub fn message_key(self) -> &'static str {
        match self {
            UnitError::EmptyName => "error-unit-name-empty",
            UnitError::NameTooLong => "error-unit-name-too-long",
            UnitError::UnknownKind => "error-unit-kind",
            UnitError::DuplicateName => "error-unit-name-taken",
            UnitError::UnknownParent => "error-unit-parent",
            UnitError::Cycle => "error-unit-cycle",
            UnitError::RootFixed => "error-unit-root",
            UnitError::KindOrder => "error-unit-kind-order",
        }
    }
}

/// A unit name, trimmed and non-empty.
pub fn unit_name(raw: &str) -> Result<String, UnitError> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(UnitError::EmptyName);
    }
    if name.chars().count() > 120 {
        return Err(UnitError::NameTooLong);
    }
    Ok(name.to_owned())
}

/// An organisation's units as a tree, for the questions access control and the admin pages ask.
/// Built once per read of the units and kept (see `storage::revisions`), so the walk is made
/// here: the units lie depth first from the root, and walking thousands hashes nothing.
#[derive(Clone, Debug, Default)]
pub struct UnitTree {
    /// Depth first from the root, children by name: every unit before those below it. Units
    /// the root does not reach (only in a corrupt tree) come last.
    units: Vec<Unit>,
    /// How many of `units` the walk from the root reaches.
    walked: usize,
    /// Each unit's place in `units`.
    place: HashMap<UnitId, usize>,
    /// By place, of the walked units: the depth.
    depth: Vec<usize>,
    /// By place: the places of the children, and their ids, by name.
    below: Vec<Vec<usize>>,
    children: Vec<Vec<UnitId>>,
    /// By place: the parent's place.
    parent: Vec<Option<usize>>,
    /// By place: who its people answer to (see [`UnitTree::responsible_leader`]). A leader's
    /// drawer asks it of every unit: worked out once here, not once per request.
    leaders: Vec<Leaders>,
}

/// The leaders above a unit's people: the nearest (of the unit or the first above it to have
/// one), and the first other leader above that one, whom the nearest themself answers to.
#[derive(Clone, Copy, Debug)]
struct Leaders {
    nearest: Option<PersonId>,
    next: Option<PersonId>,
}

impl UnitTree {
    pub fn new(units: Vec<Unit>) -> Self {
        let mut children: HashMap<UnitId, Vec<UnitId>> = HashMap::new();
        let mut root = None;
        for unit in &units {
            match unit.parent_id {
                Some(parent) => children.entry(parent).or_default().push(unit.id),
                None => root = Some(unit.id),
            }
        }
        let mut by_id: HashMap<_, _> = units.into_iter().map(|u| (u.id, u)).collect();
        let name = |id: &UnitId| by_id[id].name.to_lowercase();
        for list in children.values_mut() {
            list.sort_by_cached_key(name);
        }
        let mut order: Vec<Unit> = Vec::with_capacity(by_id.len());
        let mut depth = Vec::with_capacity(by_id.len());
        let mut stack: Vec<(usize, UnitId)> = root.map(|r| (0, r)).into_iter().collect();
        while let Some((d, id)) = stack.pop() {
            let Some(unit) = by_id.remove(&id) else {
                continue;
            };
            order.push(unit);
            depth.push(d);
            for child in children.get(&id).into_iter().flatten().rev() {
                stack.push((d + 1, *child));
            }
        }
        let walked = order.len();
        let mut cut_off: Vec<Unit> = by_id.into_values().collect();
        cut_off.sort_by_cached_key(|u| u.name.to_lowercase());
        order.extend(cut_off);
        let place: HashMap<UnitId, usize> =
            order.iter().enumerate().map(|(i, u)| (u.id, i)).collect();
        let children: Vec<Vec<UnitId>> = order
            .iter()
            .map(|u| children.remove(&u.id).unwrap_or_default())
            .collect();
        let parent = order
            .iter()
            .map(|u| u.parent_id.and_then(|p| place.get(&p).copied()))
            .collect();
        let mut tree = UnitTree {
            below: children
                .iter()
                .map(|ids| ids.iter().map(|c| place[c]).collect())
                .collect(),
            children,
            units: order,
            walked,
            place,
            depth,
            parent,
            leaders: Vec::new(),
        };
        tree.leaders = (0..tree.units.len())
            .map(|place| {
                let mut above = tree.up_from(place).filter_map(|u| u.leader_id);
                let nearest = above.next();
                Leaders {
                    nearest,
                    next: above.find(|l| Some(*l) != nearest),
                }
            })
            .collect();
        tree
    }

    /// The unit at `place` and those above it, up to the root.
    fn up_from(&self, place: usize) -> impl Iterator<Item = &Unit> {
        std::iter::successors(Some(place), |p| self.parent[*p])
            // defensive: a corrupt tree must not loop forever
            .take(self.units.len())
            .map(|p| &self.units[p])
    }

    pub fn get(&self, id: UnitId) -> Option<&Unit> {
        self.place.get(&id).map(|i| &self.units[*i])
    }

    pub fn root(&self) -> Option<&Unit> {
        self.units[..self.walked].first()
    }

    pub fn len(&self) -> usize {
        self.units.len()
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    pub fn by_name(&self, name: &str) -> Option<&Unit> {
        let wanted = name.trim().to_lowercase();
        self.units.iter().find(|u| u.name.to_lowercase() == wanted)
    }

    /// The units directly below this one, by name.
    pub fn children(&self, id: UnitId) -> &[UnitId] {
        self.place
            .get(&id)
            .map(|i| self.children[*i].as_slice())
            .unwrap_or_default()
    }

    /// The unit and everything below it.
    pub fn subtree(&self, id: UnitId) -> HashSet<UnitId> {
        let mut out = HashSet::new();
        let mut stack: Vec<usize> = self.place.get(&id).copied().into_iter().collect();
        while let Some(next) = stack.pop() {
            if out.insert(self.units[next].id) {
                stack.extend_from_slice(&self.below[next]);
            }
        }
        out
    }

    /// Each unit's count with the counts of every unit below it added, from each unit's own
    /// count: in one pass up the tree, as a unit's figures for thousands of units need.
    pub fn totals_below(&self, own: &HashMap<UnitId, usize>) -> HashMap<UnitId, usize> {
        let totals = self.walked_totals(own);
        self.walked().iter().map(|u| u.id).zip(totals).collect()
    }

    /// The walked units, depth first: every unit before those below it.
    pub(crate) fn walked(&self) -> &[Unit] {
        &self.units[..self.walked]
    }

    /// The places in [`UnitTree::walked`] of the children of the unit at `place`.
    pub(crate) fn below(&self, place: usize) -> &[usize] {
        &self.below[place]
    }

    /// By place in [`UnitTree::walked`], each unit's count with the counts below it added.
    pub(crate) fn walked_totals(&self, own: &HashMap<UnitId, usize>) -> Vec<usize> {
        let mut totals = vec![0; self.walked];
        for (unit, n) in own {
            if let Some(i) = self.place.get(unit).filter(|i| **i < self.walked) {
                totals[*i] += n;
            }
        }
        // Backwards, children come first.
        for i in (0..self.walked).rev() {
            let below: usize = self.below[i].iter().map(|c| totals[*c]).sum();
            totals[i] += below;
        }
        totals
    }

    /// From the root down to the unit, both included.
    pub fn path(&self, id: UnitId) -> Vec<&Unit> {
        let mut path: Vec<&Unit> = match self.place.get(&id) {
            Some(place) => self.up_from(*place).collect(),
            None => Vec::new(),
        };
        path.reverse();
        path
    }

    /// All units depth first, with their depth, for indented lists.
    pub fn walk(&self) -> Vec<(usize, &Unit)> {
        self.depth.iter().copied().zip(self.walked()).collect()
    }

    /// The leader responsible for people in `unit`, skipping `except` (a leader's own leader is
    /// found further up).
    pub fn responsible_leader(&self, unit: UnitId, except: PersonId) -> Option<PersonId> {
        let Leaders { nearest, next } = self.leaders[*self.place.get(&unit)?];
        if nearest == Some(except) {
            next
        } else {
            nearest
        }
    }

    /// Everyone whose [`responsible_leader`](Self::responsible_leader) is `leader`, as
    /// conditions on a person's unit and id, so that a database can find them: so many people
    /// cannot be read to test them one by one.
    pub fn answering_to(&self, leader: PersonId) -> AnsweringTo {
        let mut out = AnsweringTo {
            leader,
            units: Vec::new(),
            leaders: Vec::new(),
        };
        let mut below: HashMap<PersonId, Vec<UnitId>> = HashMap::new();
        for (unit, leaders) in self.units.iter().zip(&self.leaders) {
            match *leaders {
                Leaders {
                    nearest: Some(nearest),
                    ..
                } if nearest == leader => out.units.push(unit.id),
                // The nearest leader answers to the first other leader above them.
                Leaders {
                    nearest: Some(nearest),
                    next: Some(next),
                } if next == leader => below.entry(nearest).or_default().push(unit.id),
                _ => {}
            }
        }
        out.units.sort();
        out.leaders = below.into_iter().collect();
        out.leaders.sort();
        out
    }

    /// Checks that a new unit may be created under `parent`.
    pub fn check_new(&self, name: &str, kind: UnitKind, parent: UnitId) -> Result<(), UnitError> {
        let parent = self.get(parent).ok_or(UnitError::UnknownParent)?;
        if kind == UnitKind::Organisation {
            return Err(UnitError::KindOrder);
        }
        check_kind_order(parent.kind, kind)?;
        self.check_name_free(name, None)
    }

    pub fn check_name_free(&self, name: &str, except: Option<UnitId>) -> Result<(), UnitError> {
        match self.by_name(name) {
            Some(other) if Some(other.id) != except => Err(UnitError::DuplicateName),
            _ => Ok(()),
        }
    }

    /// Checks that `unit` may be moved under `new_parent`.
    pub fn check_move(&self, unit: UnitId, new_parent: UnitId) -> Result<(), UnitError> {
        let moving = self.get(unit).ok_or(UnitError::UnknownParent)?;
        if moving.parent_id.is_none() {
            return Err(UnitError::RootFixed);
        }
        let parent = self.get(new_parent).ok_or(UnitError::UnknownParent)?;
        if self.subtree(unit).contains(&new_parent) {
            return Err(UnitError::Cycle);
        }
        check_kind_order(parent.kind, moving.kind)?;
        // everything below the moving unit keeps its place relative to it, so only its own kind matters
        Ok(())
    }
}

/// Who answers to `leader` ([`UnitTree::answering_to`]): everyone but the leader in `units`,
/// and each of `leaders` when in one of their units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnsweringTo {
    pub leader: PersonId,
    pub units: Vec<UnitId>,
    pub leaders: Vec<(PersonId, Vec<UnitId>)>,
}

impl AnsweringTo {
    pub fn is_empty(&self) -> bool {
        self.units.is_empty() && self.leaders.is_empty()
    }

    /// Whether a person in `unit` answers to the leader: what the database is asked.
    pub fn includes(&self, person: PersonId, unit: UnitId) -> bool {
        (person != self.leader && self.units.contains(&unit))
            || self
                .leaders
                .iter()
                .any(|(p, units)| *p == person && units.contains(&unit))
    }
}

fn check_kind_order(parent: UnitKind, child: UnitKind) -> Result<(), UnitError> {
    if parent == UnitKind::Team && child != UnitKind::Team {
        return Err(UnitError::KindOrder);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_are_read_within_bounds() {
        assert_eq!(
            Settings::read(" 7 ", "0", "90", "14"),
            Ok(Settings {
                anonymity_threshold: 7,
                draft_retention_days: 0,
                patience: Patience {
                    stale_after_days: 90,
                    escalate_after_days: 14
                }
            })
        );
        assert_eq!(
            Settings::read("2", "30", "60", "30"),
            Err(SettingsError::Threshold)
        );
        assert_eq!(
            Settings::read("fem", "30", "60", "30"),
            Err(SettingsError::Threshold)
        );
        assert_eq!(
            Settings::read("5", "-1", "60", "30"),
            Err(SettingsError::Retention)
        );
        assert_eq!(
            Settings::read("5", "3651", "60", "30"),
            Err(SettingsError::Retention)
        );
        assert_eq!(
            Settings::read("5", "30", "0", "30"),
            Err(SettingsError::Patience)
        );
    }

    fn unit(name: &str, kind: UnitKind, parent: Option<UnitId>) -> Unit {
        Unit {
            id: UnitId::new(),
            org_id: OrgId(uuid::Uuid::nil()),
            parent_id: parent,
            name: name.into(),
            kind,
            leader_id: None,
        }
    }

    fn sample() -> (UnitTree, [UnitId; 4]) {
        let root = unit("Mælkebøtten", UnitKind::Organisation, None);
        let small = unit("Småbørn", UnitKind::Department, Some(root.id));
        let green = unit("Grøn stue", UnitKind::Team, Some(small.id));
        let big = unit("Børnehave", UnitKind::Department, Some(root.id));
        let ids = [root.id, small.id, green.id, big.id];
        (UnitTree::new(vec![root, small, green, big]), ids)
    }

    #[test]
    fn subtree_and_path_follow_the_tree() {
        let (tree, [root, small, green, big]) = sample();
        assert_eq!(tree.subtree(small), HashSet::from([small, green]));
        assert_eq!(tree.subtree(root).len(), 4);
        let path: Vec<_> = tree.path(green).iter().map(|u| u.id).collect();
        assert_eq!(path, vec![root, small, green]);
        assert!(!tree.subtree(big).contains(&green));
    }

    #[test]
    fn totals_below_add_every_unit_below() {
        let (tree, [root, small, green, big]) = sample();
        let own = HashMap::from([(root, 1), (green, 2), (big, 4)]);
        let totals = tree.totals_below(&own);
        assert_eq!(totals[&root], 7);
        assert_eq!((totals[&small], totals[&green], totals[&big]), (2, 2, 4));
    }

    #[test]
    fn walk_is_depth_first_and_sorted() {
        let (tree, _) = sample();
        let names: Vec<_> = tree
            .walk()
            .iter()
            .map(|(d, u)| format!("{d}{}", u.name))
            .collect();
        assert_eq!(
            names,
            ["0Mælkebøtten", "1Børnehave", "1Småbørn", "2Grøn stue"]
        );
    }

    #[test]
    fn moves_that_break_the_tree_are_refused() {
        let (tree, [root, small, green, big]) = sample();
        assert_eq!(tree.check_move(small, green), Err(UnitError::Cycle));
        assert_eq!(tree.check_move(small, small), Err(UnitError::Cycle));
        assert_eq!(tree.check_move(root, big), Err(UnitError::RootFixed));
        assert_eq!(tree.check_move(big, green), Err(UnitError::KindOrder));
        assert_eq!(tree.check_move(green, big), Ok(()));
    }

    #[test]
    fn names_are_unique_case_insensitively() {
        let (tree, [root, ..]) = sample();
        assert_eq!(
            tree.check_new("grøn STUE", UnitKind::Team, root),
            Err(UnitError::DuplicateName)
        );
        assert_eq!(tree.check_new("Rød stue", UnitKind::Team, root), Ok(()));
        assert_eq!(unit_name("   "), Err(UnitError::EmptyName));
    }

    #[test]
    fn responsible_leader_skips_the_person_themself() {
        let root = unit("Org", UnitKind::Organisation, None);
        let mut team = unit("Team", UnitKind::Team, Some(root.id));
        let (head, lead) = (PersonId::new(), PersonId::new());
        let mut root = root;
        root.leader_id = Some(head);
        team.leader_id = Some(lead);
        let team_id = team.id;
        let tree = UnitTree::new(vec![root, team]);
        assert_eq!(
            tree.responsible_leader(team_id, PersonId::new()),
            Some(lead)
        );
        assert_eq!(tree.responsible_leader(team_id, lead), Some(head));
    }

    #[test]
    fn who_answers_to_a_leader_is_what_responsible_leader_says() {
        let (head, lead, sub, other) = (
            PersonId::new(),
            PersonId::new(),
            PersonId::new(),
            PersonId::new(),
        );
        let led = |mut u: Unit, by: PersonId| {
            u.leader_id = Some(by);
            u
        };
        let root = led(unit("Org", UnitKind::Organisation, None), head);
        let dept = unit("Afdeling", UnitKind::Department, Some(root.id));
        let team = led(unit("Team", UnitKind::Team, Some(dept.id)), lead);
        let nested = led(unit("Hold", UnitKind::Team, Some(team.id)), lead);
        let deeper = led(unit("Gruppe", UnitKind::Team, Some(nested.id)), sub);
        let again = led(unit("Stab", UnitKind::Department, Some(root.id)), head);
        let units = [&root, &dept, &team, &nested, &deeper, &again].map(|u| u.id);
        let tree = UnitTree::new(vec![root, dept, team, nested, deeper, again]);
        let [_, dept_id, _, nested_id, deeper_id, _] = units;
        // A leader of two units in a row answers to the first other one above them.
        assert_eq!(tree.responsible_leader(nested_id, lead), Some(head));
        assert_eq!(tree.responsible_leader(deeper_id, sub), Some(lead));
        assert_eq!(tree.responsible_leader(deeper_id, other), Some(sub));
        assert_eq!(tree.responsible_leader(dept_id, other), Some(head));
        assert_eq!(tree.responsible_leader(dept_id, head), None);
        assert_eq!(tree.responsible_leader(UnitId::new(), other), None);
        for me in [head, lead, sub, other] {
            let answering = tree.answering_to(me);
            for unit in units {
                for person in [head, lead, sub, other] {
                    assert_eq!(
                        answering.includes(person, unit),
                        tree.responsible_leader(unit, person) == Some(me),
                    );
                }
            }
        }
        assert!(tree.answering_to(other).is_empty());
    }
}
