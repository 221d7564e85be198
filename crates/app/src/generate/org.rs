//! The generated organisation's structure: units, people with logins and roles, the strategy
//! and the competence catalogue.

use super::text::{DEPARTMENTS, DISTRICTS, FIRST_NAMES, LAST_NAMES, email_local};
use super::{Shape, rng_for};
use anyhow::{Context, Result};
use domain::competence::Competence;
use domain::org::{Unit, UnitKind};
use domain::person::{Email, Person};
use domain::role::GrantedRoles;
use domain::strategy::{GoalStatus, Period, StrategicGoal};
use domain::{CompetenceId, GoalId, OrgId, PersonId, UnitId};
use futures_util::{StreamExt, TryStreamExt, stream};
use rand::Rng;
use storage::Db;

pub struct GenUnit {
    pub id: UnitId,
    pub parent: Option<usize>,
    pub leader: Option<usize>,
    /// The department the unit belongs to (for its words), none for the root.
    pub department: Option<usize>,
}

pub struct GenPerson {
    pub id: PersonId,
    pub email: String,
    pub unit: usize,
    pub leads: bool,
    /// Writes their answers in English.
    pub english: bool,
    pub roles: GrantedRoles,
}

pub struct GenGoal {
    pub id: GoalId,
    pub unit: usize,
    /// Index of the root goal it serves (itself for a root goal).
    pub root: usize,
}

pub struct Org {
    pub id: OrgId,
    pub units: Vec<GenUnit>,
    pub people: Vec<GenPerson>,
    pub goals: Vec<GenGoal>,
    pub competences: Vec<CompetenceId>,
}

impl Org {
    /// Who holds this person's conversation: their unit's leader, or for a leader the leader
    /// of the unit above; none for the top.
    pub fn host(&self, person: usize) -> Option<usize> {
        let p = &self.people[person];
        let mut unit = if p.leads {
            self.units[p.unit].parent?
        } else {
            p.unit
        };
        // A unit without a leader passes its people up.
        loop {
            match self.units[unit].leader {
                Some(leader) if leader != person => return Some(leader),
                _ => unit = self.units[unit].parent?,
            }
        }
    }

    /// The strategic goals along the unit's path to the root.
    pub fn goals_above(&self, unit: usize) -> Vec<usize> {
        let mut path = vec![unit];
        let mut at = unit;
        while let Some(parent) = self.units[at].parent {
            path.push(parent);
            at = parent;
        }
        (0..self.goals.len())
            .filter(|g| path.contains(&self.goals[*g].unit))
            .collect()
    }
}

const ROOT_GOALS: [(&str, &str); 4] = [
    (
        "Borgeren i centrum",
        "Borgerne oplever én indgang, hurtige svar og medarbejdere, der tager ansvar for hele forløbet.",
    ),
    (
        "Et sundt arbejdsliv",
        "Lavere sygefravær, færre opsigelser og en kultur, hvor vi taler åbent om arbejdspres og trivsel.",
    ),
    (
        "Digital velfærd",
        "Digitale løsninger frigør tid til kerneopgaven, og alle medarbejdere er trygge ved dem.",
    ),
    (
        "Grøn omstilling",
        "Kommunens egen drift halverer sit CO2-udslip inden 2030.",
    ),
];

/// Builds and stores the structure. The large shape: eight departments, up to fourteen areas
/// each, teams of about seventeen. The small shape: twenty teams of a leader and nine.
pub async fn build(db: &Db, shape: Shape, seed: u64, hash: &str) -> Result<Org> {
    let org = db
        .create_organisation(shape.org_name(), shape.slug())
        .await?;
    let root = db.unit_tree(org.id).await?.root().context("root unit")?.id;
    let mut rng = rng_for(seed, 0, 0);
    let mut units = vec![GenUnit {
        id: root,
        parent: None,
        leader: None,
        department: None,
    }];
    let mut names = vec![(String::new(), UnitKind::Organisation)];
    let mut teams = Vec::new();
    match shape {
        Shape::Small => {
            for t in 0..20 {
                teams.push(units.len());
                names.push((format!("Team {}", t + 1), UnitKind::Team));
                units.push(child(0, Some(t % DEPARTMENTS.len())));
            }
        }
        Shape::Large { people } => {
            let areas = people.div_ceil(3600).clamp(1, DISTRICTS.len());
            let per_area = (people / 17 / (DEPARTMENTS.len() * areas)).max(1);
            for (d, (department, kinds, _)) in DEPARTMENTS.iter().enumerate() {
                let dept = units.len();
                names.push(((*department).to_owned(), UnitKind::Department));
                units.push(child(0, Some(d)));
                for district in DISTRICTS.iter().take(areas) {
                    let area = units.len();
                    names.push((format!("{department} {district}"), UnitKind::Department));
                    units.push(child(dept, Some(d)));
                    for t in 0..per_area {
                        teams.push(units.len());
                        let kind = kinds[t % kinds.len()];
                        names.push((
                            format!("{kind} {district} {}", t / kinds.len() + 1),
                            UnitKind::Team,
                        ));
                        units.push(child(area, Some(d)));
                    }
                }
            }
        }
    }
    for (unit, (name, kind)) in units.iter().zip(&names).skip(1) {
        db.insert_unit(&Unit {
            id: unit.id,
            org_id: org.id,
            parent_id: unit.parent.map(|p| units[p].id),
            name: name.clone(),
            kind: *kind,
            leader_id: None,
        })
        .await?;
    }
    // A leader for every unit (the small shape's root has none), then the employees.
    let mut people: Vec<(GenPerson, String, String)> = Vec::new();
    let leading: Vec<usize> = match shape {
        Shape::Small => teams.clone(),
        Shape::Large { .. } => (0..units.len()).collect(),
    };
    for unit in &leading {
        units[*unit].leader = Some(people.len());
        people.push(person(&mut rng, people.len(), *unit, true, &units));
    }
    let employees = match shape {
        Shape::Small => 180,
        Shape::Large { people: n } => n.saturating_sub(people.len()),
    };
    for e in 0..employees {
        let team = match shape {
            Shape::Small => teams[e / 9],
            Shape::Large { .. } => teams[rng.gen_range(0..teams.len())],
        };
        people.push(person(&mut rng, people.len(), team, false, &units));
    }
    // The small shape's first team leader is HR. The large shape's top and department leaders
    // are the leadership, and the first dozen employees HR.
    let leaders = people.iter().filter(|p| p.0.leads).count();
    for (n, (p, _, _)) in people.iter_mut().enumerate() {
        p.roles = match shape {
            Shape::Small => GrantedRoles {
                hr: n == 0,
                ..GrantedRoles::default()
            },
            Shape::Large { .. } => GrantedRoles {
                leadership: p.leads && units[p.unit].parent.is_none_or(|up| up == 0),
                hr: (leaders..leaders + 12).contains(&n),
                admin: false,
            },
        };
    }
    store_people(db, org.id, &units, &people, hash).await?;
    let goals = strategy(db, org.id, &units).await?;
    let competences = competences(db, org.id, &goals).await?;
    Ok(Org {
        id: org.id,
        units,
        people: people.into_iter().map(|(p, _, _)| p).collect(),
        goals,
        competences,
    })
}

fn child(parent: usize, department: Option<usize>) -> GenUnit {
    GenUnit {
        id: UnitId::new(),
        parent: Some(parent),
        leader: None,
        department,
    }
}

/// A person with a name, an address made unique by their number, and a job title.
fn person(
    rng: &mut impl Rng,
    n: usize,
    unit: usize,
    leads: bool,
    units: &[GenUnit],
) -> (GenPerson, String, String) {
    let first = FIRST_NAMES[rng.gen_range(0..FIRST_NAMES.len())];
    let last = LAST_NAMES[rng.gen_range(0..LAST_NAMES.len())];
    let name = format!("{first} {last}");
    let title = match (units[unit].department, leads) {
        (None, _) => "Kommunaldirektør".to_owned(),
        (Some(_), true) if units[unit].parent == Some(0) => "Direktør".to_owned(),
        (Some(_), true) => "Leder".to_owned(),
        (Some(d), false) => DEPARTMENTS[d].2[rng.gen_range(0..3)].to_owned(),
    };
    let person = GenPerson {
        id: PersonId::new(),
        email: format!("{}.{n}@example.dk", email_local(&name)),
        unit,
        leads,
        english: rng.gen_ratio(1, 12),
        roles: GrantedRoles::default(),
    };
    (person, name, title)
}

/// Stores the people, their logins (one shared password hash) and roles, and the leaders of
/// the units.
async fn store_people(
    db: &Db,
    org: OrgId,
    units: &[GenUnit],
    people: &[(GenPerson, String, String)],
    hash: &str,
) -> Result<()> {
    stream::iter(people)
        .map(|(p, name, title)| async move {
            db.insert_person(&Person {
                id: p.id,
                org_id: org,
                unit_id: units[p.unit].id,
                name: name.clone(),
                email: Email::parse(&p.email)?,
                job_title: title.clone(),
                leader_id: None,
                active: true,
            })
            .await?;
            db.set_password_hash(p.id, hash).await?;
            if p.roles != GrantedRoles::default() {
                db.set_granted_roles(p.id, p.roles).await?;
            }
            anyhow::Ok(())
        })
        .buffer_unordered(parallelism(db))
        .try_collect::<()>()
        .await?;
    for unit in units {
        if let Some(leader) = unit.leader {
            db.set_unit_leader(org, unit.id, Some(people[leader].0.id))
                .await?;
        }
    }
    Ok(())
}

/// How many writers at once: SQLite has one writer, PostgreSQL many.
pub fn parallelism(db: &Db) -> usize {
    match db.backend() {
        storage::Backend::Sqlite => 1,
        storage::Backend::Postgres => 6,
    }
}

/// Four goals for the organisation; two under them for each department and one for each area.
async fn strategy(db: &Db, org: OrgId, units: &[GenUnit]) -> Result<Vec<GenGoal>> {
    let period = Period::new(
        chrono::NaiveDate::from_ymd_opt(2020, 1, 1).context("date")?,
        chrono::NaiveDate::from_ymd_opt(2030, 12, 31).context("date")?,
    )?;
    let mut goals: Vec<GenGoal> = Vec::new();
    let insert = async |goals: &mut Vec<GenGoal>,
                        unit: usize,
                        root: usize,
                        title: String,
                        description: &str,
                        parent: Option<GoalId>|
           -> Result<usize> {
        let goal = StrategicGoal {
            id: GoalId::new(),
            org_id: org,
            parent_id: parent,
            unit_id: units[unit].id,
            title,
            description: description.to_owned(),
            period,
            status: GoalStatus::Active,
            retired: false,
        };
        db.insert_goal(&goal).await?;
        goals.push(GenGoal {
            id: goal.id,
            unit,
            root,
        });
        Ok(goals.len() - 1)
    };
    for (r, (title, description)) in ROOT_GOALS.iter().enumerate() {
        insert(&mut goals, 0, r, (*title).to_owned(), description, None).await?;
    }
    for (u, unit) in units.iter().enumerate().skip(1) {
        let (Some(d), Some(parent)) = (unit.department, unit.parent) else {
            continue;
        };
        let department = DEPARTMENTS[d].0;
        if parent == 0 && units.iter().any(|c| c.parent == Some(u)) {
            for r in [d % 4, (d + 1) % 4] {
                let title = format!("{} i {department}", ROOT_GOALS[r].0);
                let parent_id = goals[r].id;
                insert(&mut goals, u, r, title, ROOT_GOALS[r].1, Some(parent_id)).await?;
            }
        } else if units[parent].parent == Some(0) {
            let above = goals
                .iter()
                .position(|g| g.unit == parent)
                .context("goal above")?;
            let (r, parent_id) = (goals[above].root, goals[above].id);
            let title = format!("{}: lokal indsats", ROOT_GOALS[r].0);
            insert(&mut goals, u, r, title, ROOT_GOALS[r].1, Some(parent_id)).await?;
        }
    }
    Ok(goals)
}

const COMPETENCES: [(&str, usize); 6] = [
    ("Den svære samtale", 0),
    ("Borgerrettet kommunikation", 0),
    ("Arbejdsmiljø og trivsel", 1),
    ("Digitale kompetencer", 2),
    ("Projektledelse", 2),
    ("Bæredygtig drift", 3),
];

async fn competences(db: &Db, org: OrgId, goals: &[GenGoal]) -> Result<Vec<CompetenceId>> {
    let mut ids = Vec::new();
    for (name, root) in COMPETENCES {
        let competence = Competence {
            id: CompetenceId::new(),
            org_id: org,
            name: name.to_owned(),
            description: format!(
                "{name}: det, vi skal kunne for at nå målet {}.",
                ROOT_GOALS[root].0
            ),
            goals: vec![goals[root].id],
            retired: false,
        };
        db.insert_competence(&competence).await?;
        ids.push(competence.id);
    }
    Ok(ids)
}
