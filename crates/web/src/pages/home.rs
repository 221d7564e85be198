//! The home page: what this user needs first, by role.

use crate::error::AppResult;
use crate::page::Page;
use crate::pages::drawer::{Flags, flags_for};
use crate::pages::render;
use crate::pages::view::{PersonLine, UnitLine, names, role_label, unit_lines};
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use domain::PersonId;
use domain::access::Capability;
use domain::org::UnitTree;
use storage::AuditRecord;

#[derive(Template)]
#[template(path = "home.html")]
struct HomeView {
    page: Page,
    first_name: String,
    me: PersonLine,
    unit_path: String,
    roles: Vec<String>,
    /// For leaders: the units they lead and the people in and below them.
    led_units: Vec<String>,
    /// The first of them by name, and how many there are.
    team: Vec<PersonLine>,
    team_total: usize,
    /// For the leadership group, HR and administrators: the organisation at a glance.
    overview: Option<Overview>,
    /// For administrators: recent security events.
    recent_audit: Vec<AuditLine>,
    can_manage: bool,
    /// The open cycle, with the framing of the user's own units.
    cycle: Option<HomeCycle>,
    /// Agreements going stale that this user should act on.
    flags: Flags,
}

struct HomeCycle {
    id: String,
    name: String,
    intention: String,
    framings: Vec<(String, String)>,
    /// The user's own conversation: when and where.
    /// Their own conversation in the cycle, in words.
    appointment: Option<String>,
}

struct Overview {
    active_people: usize,
    all_units: usize,
    /// The top levels of the unit tree, as many as fit [`UNITS_ON_HOME`].
    units: Vec<UnitLine>,
}

/// People a leader's home page lists at most, by name.
const TEAM_ON_HOME: u64 = 50;

/// Units the organisation overview lists at most, level by level from the top: a municipality
/// has thousands, all of them on the units page.
const UNITS_ON_HOME: usize = 40;

/// The deepest level of units shown, so that the levels down to it hold at most
/// [`UNITS_ON_HOME`] units (the top level always shows).
fn top_levels(tree: &UnitTree) -> usize {
    let mut per_level: Vec<usize> = Vec::new();
    for (depth, _) in tree.walk() {
        if per_level.len() <= depth {
            per_level.resize(depth + 1, 0);
        }
        per_level[depth] += 1;
    }
    let mut shown = 0;
    per_level
        .iter()
        .take_while(|n| {
            shown += **n;
            shown <= UNITS_ON_HOME
        })
        .count()
        .saturating_sub(1)
}

struct AuditLine {
    at: String,
    kind: String,
    subject: String,
}

pub async fn home(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
) -> AppResult<Response> {
    let db = &state.db;
    let org = user.org.id;
    let tree = user.units.clone();
    let t = page.t;
    let led_subtree = user.led_subtree();
    // Explicit reports count too, so a leader without a unit of their own still sees their people.
    let (team, team_total) = if user.may_lead_anyone() {
        db.team_page(org, user.person.id, &led_subtree, TEAM_ON_HOME)
            .await?
    } else {
        (Vec::new(), 0)
    };
    let mut everyone = team.clone();
    everyone.push(user.person.clone());
    let whole_org =
        user.actor.can(Capability::ListPeople) && user.actor.visible_units(&tree).is_none();
    let depth = whole_org.then(|| top_levels(&tree));
    // Walking the whole tree costs more than the rest of an employee's page: only for the overview.
    let leaders: Vec<PersonId> = match depth {
        Some(depth) => tree
            .walk()
            .into_iter()
            .filter(|(d, _)| *d <= depth)
            .filter_map(|(_, u)| u.leader_id)
            .collect(),
        None => Vec::new(),
    };
    let names = names(db, org, &tree, &everyone, leaders).await?;
    let overview = match depth {
        Some(depth) => {
            let counts = db.headcounts(org).await?;
            let mut units = unit_lines(&t, &tree, &names, &counts);
            units.retain(|u| u.depth <= depth);
            Some(Overview {
                active_people: counts.values().sum(),
                all_units: tree.len(),
                units,
            })
        }
        None => None,
    };
    let recent_audit = if user.actor.can(Capability::ReadAudit) {
        db.audit_events(org, 5, 0)
            .await?
            .into_iter()
            .map(|e: AuditRecord| AuditLine {
                at: t.datetime(&e.at),
                kind: t.get(&format!("audit-{}", e.kind.as_str())),
                subject: e.subject,
            })
            .collect()
    } else {
        Vec::new()
    };
    let known = everyone
        .iter()
        .map(|p| (p.id, p.name.clone()))
        .chain(names.iter().map(|(id, name)| (*id, name.clone())))
        .collect();
    let flags = flags_for(&state, &user, &t, known).await?;
    let cycle = match user.open_cycle().cloned() {
        Some(open) => {
            let written = db.framings_at(org, open.id, user.revisions).await?;
            let framings = tree
                .path(user.person.unit_id)
                .iter()
                .filter_map(|u| {
                    written
                        .iter()
                        .find(|f| f.unit_id == u.id)
                        .map(|f| (u.name.clone(), f.text.clone()))
                })
                .collect();
            let appointment =
                super::conversations::own_appointment(&state, &user, &open, &t).await?;
            Some(HomeCycle {
                id: open.id.to_string(),
                name: open.name,
                intention: open.intention,
                framings,
                appointment,
            })
        }
        None => None,
    };
    let view = HomeView {
        flags,
        cycle,
        first_name: user
            .person
            .name
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_owned(),
        me: PersonLine::new(&user.person, &tree, &names),
        unit_path: tree
            .path(user.person.unit_id)
            .iter()
            .map(|u| u.name.as_str())
            .collect::<Vec<_>>()
            .join(" › "),
        roles: user
            .actor
            .roles()
            .into_iter()
            .map(|r| role_label(&t, r))
            .collect(),
        led_units: user
            .actor
            .led_units
            .iter()
            .filter_map(|u| tree.get(*u).map(|u| u.name.clone()))
            .collect(),
        team_total,
        team: team
            .iter()
            .map(|p| PersonLine::new(p, &tree, &names))
            .collect(),
        overview,
        recent_audit,
        can_manage: user.actor.can(Capability::ManageStructure),
        page: page.titled("home-title"),
    };
    render(view)
}
