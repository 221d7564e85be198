//! Strategic goals: the top of the red thread. The leadership group and HR keep the
//! organisation's goals; a unit's leader adds what a goal means for their own unit as a
//! sub-goal. Goals are never deleted once anything links to them: they are retired, so that
//! last year's agreements still show what they served.

use crate::access::Actor;
use crate::ids::{GoalId, OrgId, UnitId};
use crate::org::UnitTree;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

/// Where a goal stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GoalStatus {
    Active,
    Achieved,
    Dropped,
}

impl GoalStatus {
    pub const ALL: [GoalStatus; 3] = [
        GoalStatus::Active,
        GoalStatus::Achieved,
        GoalStatus::Dropped,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            GoalStatus::Active => "active",
            GoalStatus::Achieved => "achieved",
            GoalStatus::Dropped => "dropped",
        }
    }
}

impl fmt::Display for GoalStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for GoalStatus {
    type Err = GoalError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|g| g.as_str() == s)
            .ok_or(GoalError::UnknownStatus)
    }
}

/// A strategic goal. Organisation-level goals belong to the root unit and have no parent; a
/// unit's sub-goal has a parent goal and belongs to that unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrategicGoal {
    pub id: GoalId,
    pub org_id: OrgId,
    pub parent_id: Option<GoalId>,
    pub unit_id: UnitId,
    pub title: String,
    pub description: String,
    pub period: Period,
    pub status: GoalStatus,
    /// Retired goals stay for history but are no longer offered for new links.
    pub retired: bool,
}

/// A date range with `from <= to`, by construction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    from: NaiveDate,
    to: NaiveDate,
}

impl Period {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Result<Period, GoalError> {
        if from > to {
            return Err(GoalError::PeriodOrder);
        }
        Ok(Period { from, to })
    }

    pub fn from(&self) -> NaiveDate {
        self.from
    }

    pub fn to(&self) -> NaiveDate {
        self.to
    }
}

/// Why a goal could not be saved. Each has a translated message.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GoalError {
    #[error("the goal needs a title")]
    EmptyTitle,
    #[error("text is too long")]
    TooLong,
    #[error("the period ends before it starts")]
    PeriodOrder,
    #[error("not a date")]
    BadDate,
    #[error("unknown status")]
    UnknownStatus,
    #[error("the parent goal is not in this organisation")]
    UnknownParent,
    #[error("a retired goal cannot get new sub-goals")]
    RetiredParent,
    #[error("the unit is not in this organisation")]
    UnknownUnit,
    #[error("you may only add goals for units you lead")]
    NotYourUnit,
    #[error("an organisation goal belongs to the organisation itself")]
    RootOnly,
}

impl GoalError {
    pub fn message_key(self) -> &'static str {
        match self {
            GoalError::EmptyTitle => "error-goal-title-empty",
            GoalError::TooLong => "error-too-long",
            GoalError::PeriodOrder => "error-period-order",
            GoalError::BadDate => "error-bad-date",
            GoalError::UnknownStatus => "error-goal-status",
            GoalError::UnknownParent => "error-goal-parent",
            GoalError::RetiredParent => "error-goal-parent-retired",
            GoalError::UnknownUnit => "error-unit-unknown",
            GoalError::NotYourUnit => "error-goal-not-your-unit",
            GoalError::RootOnly => "error-goal-root-only",
        }
    }
}

/// Parses a date as typed in a form (`YYYY-MM-DD`, what `<input type=date>` sends).
pub fn parse_date(raw: &str) -> Result<NaiveDate, GoalError> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| GoalError::BadDate)
}

/// The editable text of a goal, validated.
pub fn goal_text(title: &str, description: &str) -> Result<(String, String), GoalError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(GoalError::EmptyTitle);
    }
    if title.chars().count() > 200 || description.chars().count() > 5000 {
        return Err(GoalError::TooLong);
    }
    Ok((title.to_owned(), description.trim().to_owned()))
}

/// Who may maintain which goals.
impl Actor {
    /// The leadership group and HR keep the whole strategy.
    pub fn keeps_strategy(&self) -> bool {
        self.granted.leadership || self.granted.hr
    }

    /// May this user add or edit a goal owned by `unit`? Leaders may, for the units they lead
    /// and those below them.
    pub fn may_edit_goals_of(&self, unit: UnitId, tree: &UnitTree) -> bool {
        self.keeps_strategy()
            || self
                .led_units
                .iter()
                .any(|led| tree.subtree(*led).contains(&unit))
    }
}

/// An organisation's goals as a tree.
#[derive(Clone, Debug, Default)]
pub struct GoalTree {
    goals: HashMap<GoalId, StrategicGoal>,
    children: HashMap<GoalId, Vec<GoalId>>,
    roots: Vec<GoalId>,
}

impl GoalTree {
    pub fn new(goals: Vec<StrategicGoal>) -> GoalTree {
        let mut children: HashMap<GoalId, Vec<GoalId>> = HashMap::new();
        let mut roots = Vec::new();
        let ids: std::collections::HashSet<GoalId> = goals.iter().map(|g| g.id).collect();
        for goal in &goals {
            match goal.parent_id.filter(|p| ids.contains(p)) {
                Some(parent) => children.entry(parent).or_default().push(goal.id),
                None => roots.push(goal.id),
            }
        }
        let goals: HashMap<_, _> = goals.into_iter().map(|g| (g.id, g)).collect();
        let by_title = |a: &GoalId, b: &GoalId| {
            goals[a]
                .title
                .to_lowercase()
                .cmp(&goals[b].title.to_lowercase())
        };
        roots.sort_by(by_title);
        for list in children.values_mut() {
            list.sort_by(by_title);
        }
        GoalTree {
            goals,
            children,
            roots,
        }
    }

    pub fn get(&self, id: GoalId) -> Option<&StrategicGoal> {
        self.goals.get(&id)
    }

    pub fn len(&self) -> usize {
        self.goals.len()
    }

    pub fn is_empty(&self) -> bool {
        self.goals.is_empty()
    }

    pub fn children(&self, id: GoalId) -> Vec<&StrategicGoal> {
        self.children
            .get(&id)
            .into_iter()
            .flatten()
            .map(|c| &self.goals[c])
            .collect()
    }

    /// From the organisation goal down to this one.
    pub fn path(&self, id: GoalId) -> Vec<&StrategicGoal> {
        let mut path = Vec::new();
        let mut current = self.goals.get(&id);
        while let Some(goal) = current {
            if path.len() > self.goals.len() {
                break;
            }
            path.push(goal);
            current = goal.parent_id.and_then(|p| self.goals.get(&p));
        }
        path.reverse();
        path
    }

    /// All goals depth first, with their depth.
    pub fn walk(&self) -> Vec<(usize, &StrategicGoal)> {
        let mut out = Vec::with_capacity(self.goals.len());
        let mut stack: Vec<(usize, GoalId)> = self.roots.iter().rev().map(|r| (0, *r)).collect();
        while let Some((depth, id)) = stack.pop() {
            out.push((depth, &self.goals[&id]));
            for child in self.children.get(&id).into_iter().flatten().rev() {
                stack.push((depth + 1, *child));
            }
        }
        out
    }

    /// Checks where a new goal may go: organisation goals on the root unit, sub-goals under a
    /// live goal of this organisation, on a unit the actor may edit.
    pub fn check_place(
        &self,
        actor: &Actor,
        units: &UnitTree,
        parent: Option<GoalId>,
        unit: UnitId,
    ) -> Result<(), GoalError> {
        let owner = units.get(unit).ok_or(GoalError::UnknownUnit)?;
        match parent {
            None => {
                if owner.parent_id.is_some() {
                    return Err(GoalError::RootOnly);
                }
                if !actor.keeps_strategy() {
                    return Err(GoalError::NotYourUnit);
                }
            }
            Some(parent) => {
                let parent = self.get(parent).ok_or(GoalError::UnknownParent)?;
                if parent.retired {
                    return Err(GoalError::RetiredParent);
                }
                if !actor.may_edit_goals_of(unit, units) {
                    return Err(GoalError::NotYourUnit);
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::PersonId;
    use crate::org::{Unit, UnitKind};
    use crate::role::GrantedRoles;

    fn date(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    struct World {
        units: UnitTree,
        root: UnitId,
        dept: UnitId,
        other: UnitId,
        org: OrgId,
    }

    fn world() -> World {
        let org = OrgId::new();
        let mk = |name: &str, kind, parent| Unit {
            id: UnitId::new(),
            org_id: org,
            parent_id: parent,
            name: name.into(),
            kind,
            leader_id: None,
        };
        let root = mk("Mælkebøtten", UnitKind::Organisation, None);
        let dept = mk("Børnehaven", UnitKind::Department, Some(root.id));
        let team = mk("Grøn stue", UnitKind::Team, Some(dept.id));
        let other = mk("Vuggestuen", UnitKind::Department, Some(root.id));
        World {
            org,
            root: root.id,
            dept: dept.id,
            other: other.id,
            units: UnitTree::new(vec![root, dept, team, other]),
        }
    }

    fn goal(w: &World, title: &str, parent: Option<GoalId>, unit: UnitId) -> StrategicGoal {
        StrategicGoal {
            id: GoalId::new(),
            org_id: w.org,
            parent_id: parent,
            unit_id: unit,
            title: title.into(),
            description: String::new(),
            period: Period::new(date("2026-01-01"), date("2027-12-31")).unwrap(),
            status: GoalStatus::Active,
            retired: false,
        }
    }

    fn actor(w: &World, granted: GrantedRoles, led: Vec<UnitId>) -> Actor {
        Actor {
            person_id: PersonId::new(),
            org_id: w.org,
            granted,
            led_units: led,
        }
    }

    #[test]
    fn periods_run_forwards() {
        assert_eq!(
            Period::new(date("2027-01-01"), date("2026-01-01")),
            Err(GoalError::PeriodOrder)
        );
        assert!(Period::new(date("2026-01-01"), date("2026-01-01")).is_ok());
        assert_eq!(parse_date("31-12-2026"), Err(GoalError::BadDate));
        assert_eq!(goal_text("  ", ""), Err(GoalError::EmptyTitle));
    }

    #[test]
    fn tree_paths_and_walk() {
        let w = world();
        let top = goal(&w, "Styrk dialogen med forældrene", None, w.root);
        let sub = goal(&w, "Forældresamtaler i Børnehaven", Some(top.id), w.dept);
        let other = goal(&w, "Arbejdsmiljø", None, w.root);
        let (top_id, sub_id) = (top.id, sub.id);
        let tree = GoalTree::new(vec![sub, top, other]);
        let path: Vec<_> = tree.path(sub_id).iter().map(|g| g.id).collect();
        assert_eq!(path, vec![top_id, sub_id]);
        let walk: Vec<_> = tree
            .walk()
            .iter()
            .map(|(d, g)| format!("{d}{}", g.title))
            .collect();
        assert_eq!(
            walk,
            [
                "0Arbejdsmiljø",
                "0Styrk dialogen med forældrene",
                "1Forældresamtaler i Børnehaven"
            ]
        );
        assert_eq!(tree.children(top_id).len(), 1);
    }

    #[test]
    fn who_may_place_goals_where() {
        let w = world();
        let top = goal(&w, "Top", None, w.root);
        let mut retired = goal(&w, "Old", None, w.root);
        retired.retired = true;
        let (top_id, retired_id) = (top.id, retired.id);
        let tree = GoalTree::new(vec![top, retired]);
        let board = actor(
            &w,
            GrantedRoles {
                leadership: true,
                ..Default::default()
            },
            vec![],
        );
        let leader = actor(&w, GrantedRoles::default(), vec![w.dept]);
        let employee = actor(&w, GrantedRoles::default(), vec![]);
        assert_eq!(tree.check_place(&board, &w.units, None, w.root), Ok(()));
        assert_eq!(
            tree.check_place(&board, &w.units, None, w.dept),
            Err(GoalError::RootOnly)
        );
        assert_eq!(
            tree.check_place(&leader, &w.units, None, w.root),
            Err(GoalError::NotYourUnit)
        );
        assert_eq!(
            tree.check_place(&leader, &w.units, Some(top_id), w.dept),
            Ok(())
        );
        assert_eq!(
            tree.check_place(&leader, &w.units, Some(top_id), w.other),
            Err(GoalError::NotYourUnit)
        );
        assert_eq!(
            tree.check_place(&employee, &w.units, Some(top_id), w.dept),
            Err(GoalError::NotYourUnit)
        );
        assert_eq!(
            tree.check_place(&board, &w.units, Some(retired_id), w.dept),
            Err(GoalError::RetiredParent)
        );
        assert_eq!(
            tree.check_place(&board, &w.units, Some(GoalId::new()), w.dept),
            Err(GoalError::UnknownParent)
        );
    }
}
