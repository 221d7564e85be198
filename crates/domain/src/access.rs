//! Who may see and do what. Every page asks these functions; none decides on its own.
//!
//! The rules, in short: nothing crosses an organisation's boundary; an employee sees themself;
//! a leader sees the people in the units they lead and every unit below; the leadership group
//! and HR see the whole organisation; HR and administrators maintain its structure; only
//! administrators manage users, roles and the audit trail.

use crate::ids::{OrgId, PersonId, UnitId};
use crate::org::UnitTree;
use crate::person::Person;
use crate::role::{GrantedRoles, Role};
use std::collections::HashSet;

/// The logged-in user, as access decisions need them.
#[derive(Clone, Debug)]
pub struct Actor {
    pub person_id: PersonId,
    pub org_id: OrgId,
    pub granted: GrantedRoles,
    /// The units this person leads directly.
    pub led_units: Vec<UnitId>,
}

/// Something a user may or may not do, independent of a particular record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Capability {
    /// See the list of people (restricted to the visible ones).
    ListPeople,
    /// Create, edit, move and deactivate people and units; import people.
    ManageStructure,
    /// Grant roles and set passwords.
    ManageUsers,
    /// Read the audit trail.
    ReadAudit,
    /// Create and edit question sets (the MUS coordinator's tool).
    ManageQuestionSets,
    /// Maintain the competence catalogue.
    ManageCompetences,
    /// Set the organisation's confidentiality settings.
    ManageSettings,
}

impl Actor {
    /// All roles held, derived ones included.
    pub fn roles(&self) -> Vec<Role> {
        let mut roles = vec![Role::Employee];
        if self.is_leader() {
            roles.push(Role::Leader);
        }
        roles.extend(self.granted.roles());
        roles
    }

    pub fn is_leader(&self) -> bool {
        !self.led_units.is_empty()
    }

    fn sees_whole_org(&self) -> bool {
        self.granted.leadership || self.granted.hr || self.granted.admin
    }

    pub fn can(&self, capability: Capability) -> bool {
        match capability {
            Capability::ListPeople => self.is_leader() || self.sees_whole_org(),
            Capability::ManageStructure => self.granted.hr || self.granted.admin,
            Capability::ManageUsers | Capability::ReadAudit | Capability::ManageSettings => {
                self.granted.admin
            }
            Capability::ManageQuestionSets | Capability::ManageCompetences => self.granted.hr,
        }
    }

    /// The units whose people this user may see, or `None` for the whole organisation.
    pub fn visible_units(&self, tree: &UnitTree) -> Option<HashSet<UnitId>> {
        if self.sees_whole_org() {
            return None;
        }
        Some(
            self.led_units
                .iter()
                .flat_map(|u| tree.subtree(*u))
                .collect(),
        )
    }

    /// Does this user lead this person: as their explicit leader, or as the leader of their
    /// unit or a unit above it? (Roles that see the whole organisation do not count.)
    pub fn leads_person(&self, person: &Person, tree: &UnitTree) -> bool {
        if person.org_id != self.org_id || person.id == self.person_id {
            return false;
        }
        person.leader_id == Some(self.person_id)
            || self
                .led_units
                .iter()
                .any(|u| tree.subtree(*u).contains(&person.unit_id))
    }

    /// May this user see this person's profile?
    pub fn can_view_person(&self, person: &Person, tree: &UnitTree) -> bool {
        if person.org_id != self.org_id {
            return false;
        }
        if person.id == self.person_id || person.leader_id == Some(self.person_id) {
            return true;
        }
        match self.visible_units(tree) {
            None => true,
            Some(units) => units.contains(&person.unit_id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::org::{Unit, UnitKind};
    use crate::person::Email;

    struct World {
        tree: UnitTree,
        org: OrgId,
        dept: UnitId,
        team: UnitId,
        other_team: UnitId,
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
        let root = mk("Org", UnitKind::Organisation, None);
        let dept = mk("Dept", UnitKind::Department, Some(root.id));
        let team = mk("Team", UnitKind::Team, Some(dept.id));
        let other = mk("Other", UnitKind::Team, Some(root.id));
        World {
            org,
            dept: dept.id,
            team: team.id,
            other_team: other.id,
            tree: UnitTree::new(vec![root, dept, team, other]),
        }
    }

    fn person(org: OrgId, unit: UnitId) -> Person {
        Person {
            id: PersonId::new(),
            org_id: org,
            unit_id: unit,
            name: "P".into(),
            email: Email::parse("p@x.dk").unwrap(),
            job_title: String::new(),
            leader_id: None,
            active: true,
        }
    }

    fn actor(org: OrgId, granted: GrantedRoles, led: Vec<UnitId>) -> Actor {
        Actor {
            person_id: PersonId::new(),
            org_id: org,
            granted,
            led_units: led,
        }
    }

    #[test]
    fn employee_sees_only_themself() {
        let w = world();
        let me = actor(w.org, GrantedRoles::default(), vec![]);
        let mut own = person(w.org, w.team);
        own.id = me.person_id;
        assert!(me.can_view_person(&own, &w.tree));
        assert!(!me.can_view_person(&person(w.org, w.team), &w.tree));
        assert!(!me.can(Capability::ListPeople));
        assert_eq!(me.roles(), vec![Role::Employee]);
    }

    #[test]
    fn leader_sees_their_units_and_below_but_not_beside() {
        let w = world();
        let leader = actor(w.org, GrantedRoles::default(), vec![w.dept]);
        assert!(leader.can_view_person(&person(w.org, w.team), &w.tree));
        assert!(leader.can_view_person(&person(w.org, w.dept), &w.tree));
        assert!(!leader.can_view_person(&person(w.org, w.other_team), &w.tree));
        assert!(leader.can(Capability::ListPeople));
        assert!(!leader.can(Capability::ManageStructure));
    }

    #[test]
    fn explicit_leader_relation_grants_sight() {
        let w = world();
        let leader = actor(w.org, GrantedRoles::default(), vec![]);
        let mut report = person(w.org, w.other_team);
        report.leader_id = Some(leader.person_id);
        assert!(leader.can_view_person(&report, &w.tree));
    }

    #[test]
    fn nobody_crosses_organisations() {
        let w = world();
        let all = GrantedRoles {
            leadership: true,
            hr: true,
            admin: true,
        };
        let admin = actor(OrgId::new(), all, vec![]);
        assert!(!admin.can_view_person(&person(w.org, w.team), &w.tree));
    }

    #[test]
    fn capabilities_by_granted_role() {
        let w = world();
        let hr = actor(
            w.org,
            GrantedRoles {
                hr: true,
                ..Default::default()
            },
            vec![],
        );
        let admin = actor(
            w.org,
            GrantedRoles {
                admin: true,
                ..Default::default()
            },
            vec![],
        );
        let board = actor(
            w.org,
            GrantedRoles {
                leadership: true,
                ..Default::default()
            },
            vec![],
        );
        assert!(hr.can(Capability::ManageStructure) && !hr.can(Capability::ManageUsers));
        assert!(admin.can(Capability::ManageUsers) && admin.can(Capability::ReadAudit));
        assert!(board.can(Capability::ListPeople) && !board.can(Capability::ManageStructure));
        assert!(board.can_view_person(&person(w.org, w.other_team), &w.tree));
    }
}
