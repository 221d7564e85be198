//! Small view models shared by several pages.

use crate::error::AppResult;
use crate::i18n::Tr;
use domain::OrgId;
use domain::PersonId;
use domain::org::{UnitKind, UnitTree};
use domain::person::Person;
use domain::role::Role;
use std::collections::HashMap;
use storage::Db;

/// A person as a row in a list.
#[derive(Clone, Debug)]
pub struct PersonLine {
    pub id: String,
    pub name: String,
    pub email: String,
    pub job_title: String,
    pub unit: String,
    pub leader: String,
    pub active: bool,
}

impl PersonLine {
    pub fn new(person: &Person, tree: &UnitTree, names: &HashMap<PersonId, String>) -> Self {
        PersonLine {
            id: person.id.to_string(),
            name: person.name.clone(),
            email: person.email.to_string(),
            job_title: person.job_title.clone(),
            unit: tree
                .get(person.unit_id)
                .map(|u| u.name.clone())
                .unwrap_or_default(),
            leader: leader_of(person, tree)
                .and_then(|l| names.get(&l).cloned())
                .unwrap_or_default(),
            active: person.active,
        }
    }
}

/// Whether a person matches a search box's text (name or e-mail, ignoring case).
pub fn matches_search(person: &Person, query: &str) -> bool {
    let needle = query.trim().to_lowercase();
    needle.is_empty()
        || person.name.to_lowercase().contains(&needle)
        || person.email.as_str().contains(&needle)
}

/// A person's leader: the explicit one, else the nearest unit leader above them.
pub fn leader_of(person: &Person, tree: &UnitTree) -> Option<PersonId> {
    person
        .leader_id
        .or_else(|| tree.responsible_leader(person.unit_id, person.id))
}

/// Names of the given people's leaders and of these unit leaders (a page that lists units
/// names their leaders; in a large organisation all of them are thousands), in one query.
pub async fn names(
    db: &Db,
    org: OrgId,
    tree: &UnitTree,
    people: &[Person],
    unit_leaders: impl IntoIterator<Item = PersonId>,
) -> AppResult<HashMap<PersonId, String>> {
    let mut ids: Vec<PersonId> = people.iter().filter_map(|p| leader_of(p, tree)).collect();
    ids.extend(unit_leaders);
    names_of(db, org, ids).await
}

/// The names of these people of the organisation (each read once), in one query.
pub async fn names_of(
    db: &Db,
    org: OrgId,
    ids: impl IntoIterator<Item = PersonId>,
) -> AppResult<HashMap<PersonId, String>> {
    let mut ids: Vec<PersonId> = ids.into_iter().collect();
    ids.sort();
    ids.dedup();
    let found = db.people_by_ids(org, &ids).await?;
    Ok(found.into_iter().map(|p| (p.id, p.name)).collect())
}

/// The translated name of a unit kind.
pub fn kind_label(t: &Tr, kind: UnitKind) -> String {
    t.get(&format!("unit-kind-{}", kind.as_str()))
}

/// The translated name of a role.
pub fn role_label(t: &Tr, role: Role) -> String {
    t.get(&format!("role-{}", role.as_str()))
}

/// A unit as a row in the tree list.
#[derive(Clone, Debug)]
pub struct UnitLine {
    pub id: String,
    pub depth: usize,
    pub name: String,
    pub kind: String,
    pub leader: String,
    /// People placed directly in the unit.
    pub headcount: usize,
    /// People in the unit and every unit below it.
    pub total: usize,
}

pub fn unit_lines(
    t: &Tr,
    tree: &UnitTree,
    names: &HashMap<PersonId, String>,
    counts: &HashMap<domain::UnitId, usize>,
) -> Vec<UnitLine> {
    let walk = tree.walk();
    // Depth first, reversed, meets every unit after all units below it: one pass sums them up.
    let mut totals = counts.clone();
    for (_, unit) in walk.iter().rev() {
        if let Some(parent) = unit.parent_id {
            let below = totals.get(&unit.id).copied().unwrap_or(0);
            *totals.entry(parent).or_default() += below;
        }
    }
    walk.into_iter()
        .map(|(depth, unit)| UnitLine {
            id: unit.id.to_string(),
            depth,
            name: unit.name.clone(),
            kind: kind_label(t, unit.kind),
            leader: unit
                .leader_id
                .and_then(|l| names.get(&l).cloned())
                .unwrap_or_default(),
            headcount: counts.get(&unit.id).copied().unwrap_or(0),
            total: totals.get(&unit.id).copied().unwrap_or(0),
        })
        .collect()
}
