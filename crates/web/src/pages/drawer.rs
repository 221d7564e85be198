//! The drawer detector on the pages: the agreements going stale, on the home pages of those
//! who should act (the employee, the leader, later the leader's own leader, and HR when the
//! organisation's side is overdue), and the follow-up list of a leader's units or, for HR, the
//! whole organisation, most urgent first. Held conversations whose agreement is still not
//! signed by both after two weeks are flagged and listed too.

use crate::error::{AppError, AppResult};
use crate::i18n::Tr;
use crate::page::Page;
use crate::pages::paging::{PER_PAGE, Paging};
use crate::pages::render;
use crate::pages::view::names_of;
use crate::session::CurrentUser;
use crate::state::AppState;
use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use chrono::{DateTime, Utc};
use domain::drawer::{Health, judge, unsigned_since, unsigned_too_long};
use domain::org::UnitTree;
use domain::{CycleId, PersonId};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use storage::{AgreementPulse, Judgement, Reach, Told, UnsignedAgreement, today};

/// A signed agreement as the detector judges it today.
struct Assessed {
    signed: AgreementPulse,
    health: Health,
}

/// Today, and the organisation's patience: what the detector judges by.
fn judgement(user: &CurrentUser) -> Judgement {
    Judgement {
        today: today(),
        patience: user.org.settings.patience,
    }
}

/// The agreements judged, most urgent first.
fn assessed(judged: Judgement, pulses: Vec<AgreementPulse>) -> Vec<Assessed> {
    let mut all: Vec<Assessed> = pulses
        .into_iter()
        .map(|s| Assessed {
            health: judge(s.pulse, s.last_activity, judged.today, judged.patience),
            signed: s,
        })
        .collect();
    all.sort_by_key(|a| std::cmp::Reverse(a.health.urgency()));
    all
}

/// What a line about an agreement is named by: the employee, their unit and the cycle.
struct Names {
    people: HashMap<PersonId, String>,
    cycles: HashMap<CycleId, String>,
}

impl Names {
    /// The names of the few lines shown, but for those `known` already.
    async fn of(
        state: &AppState,
        user: &CurrentUser,
        mut employees: Vec<PersonId>,
        known: HashMap<PersonId, String>,
    ) -> AppResult<Names> {
        employees.retain(|e| !known.contains_key(e));
        let mut people = names_of(&state.db, user.org.id, employees).await?;
        people.extend(known);
        Ok(Names {
            people,
            cycles: user.cycle_names(),
        })
    }

    fn person(&self, id: PersonId) -> String {
        self.people.get(&id).cloned().unwrap_or_default()
    }

    fn cycle(&self, id: CycleId) -> String {
        self.cycles.get(&id).cloned().unwrap_or_default()
    }
}

fn unit_name(tree: &UnitTree, unit: domain::UnitId) -> String {
    tree.get(unit).map(|u| u.name.clone()).unwrap_or_default()
}

/// A held conversation whose agreement has waited too long for both signatures.
pub struct Unsigned {
    pub agreement: UnsignedAgreement,
    pub days: i64,
    pub employee: String,
    pub unit: String,
    pub cycle: String,
}

/// The conversations still waiting for signatures, with their names.
fn named(names: &Names, tree: &UnitTree, waiting: Vec<UnsignedAgreement>) -> Vec<Unsigned> {
    let today = today();
    waiting
        .into_iter()
        .map(|agreement| Unsigned {
            days: unsigned_too_long(agreement.held_at, today).unwrap_or_default(),
            employee: names.person(agreement.employee_id),
            unit: unit_name(tree, agreement.unit_id),
            cycle: names.cycle(agreement.cycle_id),
            agreement,
        })
        .collect()
}

/// Held before this moment and still not signed by both: waited too long.
fn unsigned_bound() -> DateTime<Utc> {
    unsigned_since(today())
}

/// What is missing on an unsigned agreement, in words.
fn unsigned_reason(t: &Tr, u: &Unsigned) -> String {
    let who = match (u.agreement.employee_signed, u.agreement.leader_signed) {
        (true, false) => t.get("drawer-unsigned-leader"),
        (false, true) => t.get("drawer-unsigned-employee"),
        _ => t.get("drawer-unsigned-both"),
    };
    format!("{} · {who}", t.count("drawer-unsigned", u.days as usize))
}

/// Why an agreement is flagged, in words.
pub fn reasons(t: &Tr, health: &Health, patience_days: u32) -> Vec<String> {
    let mut out = Vec::new();
    if health.overdue_commitments > 0 {
        out.push(t.count("drawer-overdue-commitments", health.overdue_commitments));
    }
    if health.overdue_actions > 0 {
        out.push(t.count("drawer-overdue-actions", health.overdue_actions));
    }
    if !health.complete && health.quiet_days > i64::from(patience_days) {
        out.push(t.count("drawer-quiet", health.quiet_days as usize));
    }
    out
}

/// An agreement flagged for the user, with where to go.
pub struct Flag {
    pub employee: String,
    pub cycle: String,
    pub reasons: Vec<String>,
    pub link: String,
    pub escalated: bool,
}

/// Agreements a home page shows at most of those its reader is told of (sent on to them, or,
/// for HR, the organisation's overdue promises); the rest are on the follow-up list.
const TOLD_ON_HOME: u64 = 10;

/// What a home page flags: the lines, and how many more agreements the follow-up list holds.
pub struct Flags {
    pub lines: Vec<Flag>,
    pub more: usize,
}

/// The stale agreements the user should see on their home page.
/// `known` names some people already (an employee's lines are all their own, a leader's
/// mostly their team's), so that only the others' names are read.
pub async fn flags_for(
    state: &AppState,
    user: &CurrentUser,
    t: &Tr,
    known: HashMap<PersonId, String>,
) -> AppResult<Flags> {
    let tree = user.units.clone();
    let me = user.person.id;
    let patience = user.org.settings.patience.stale_after_days;
    // Everyone is flagged their own agreements; a leader also those sent on by the leaders who
    // answer to them, HR the organisation's overdue promises.
    let actor = &user.actor;
    let led = user.led_subtree();
    let answering = actor.is_leader().then(|| tree.answering_to(me));
    let judged = judgement(user);
    let told = Told {
        sent_on: answering.as_ref().map(|to| (to, led.as_slice())),
        hr: actor.granted.hr,
    };
    let found = state
        .db
        .drawer_flags(user.org.id, judged, me, told, TOLD_ON_HOME)
        .await?;
    let more = found.told_total - found.told.len();
    let flagged = assessed(judged, found.own.into_iter().chain(found.told).collect());
    // Conversations held without an agreement both signed: the two parties are told.
    let waiting: Vec<UnsignedAgreement> = state
        .db
        .unsigned_agreements(user.org.id, Reach::Party(me), unsigned_bound())
        .await?;
    let employees = flagged
        .iter()
        .map(|a| a.signed.employee_id)
        .chain(waiting.iter().map(|u| u.employee_id))
        .collect();
    let names = Names::of(state, user, employees, known).await?;
    let mut lines: Vec<Flag> = flagged
        .into_iter()
        .map(|a| {
            let s = &a.signed;
            let party = s.employee_id == me || s.leader_id == me;
            Flag {
                link: if party {
                    format!("/conversations/{}/agreement", s.conversation_id)
                } else {
                    format!("/cycles/{}/people/{}", s.cycle_id, s.employee_id)
                },
                reasons: reasons(t, &a.health, patience),
                escalated: a.health.escalated,
                employee: names.person(s.employee_id),
                cycle: names.cycle(s.cycle_id),
            }
        })
        .collect();
    lines.extend(named(&names, &tree, waiting).into_iter().map(|u| Flag {
        link: format!("/conversations/{}/agreement", u.agreement.conversation_id),
        reasons: vec![unsigned_reason(t, &u)],
        escalated: false,
        employee: u.employee,
        cycle: u.cycle,
    }));
    Ok(Flags { lines, more })
}

struct ListLine {
    employee: String,
    unit: String,
    cycle: String,
    link: String,
    reasons: Vec<String>,
    stale: bool,
    escalated: bool,
    complete: bool,
}

/// A held conversation still waiting for its agreement to be signed.
struct UnsignedLine {
    employee: String,
    unit: String,
    cycle: String,
    link: String,
    reason: String,
}

#[derive(Template)]
#[template(path = "follow_through.html")]
struct FollowThroughView {
    page: Page,
    /// The longest waiting, at most a page of them.
    unsigned: Vec<UnsignedLine>,
    unsigned_total: usize,
    /// This page of the signed agreements, most urgent first.
    lines: Vec<ListLine>,
    paging: Paging,
    /// For HR: per unit, (unit, agreements, going stale, escalated).
    per_unit: Vec<(String, usize, usize, usize)>,
}

#[derive(Deserialize)]
pub struct ListQuery {
    #[serde(default)]
    page: Option<usize>,
}

/// The follow-up list: a leader's units, or for HR and the leadership group the whole
/// organisation with counts per unit; most urgent first.
pub async fn list(
    State(state): State<AppState>,
    user: CurrentUser,
    page: Page,
    Query(query): Query<ListQuery>,
) -> AppResult<Response> {
    let whole = user.actor.granted.hr || user.actor.granted.leadership;
    if !whole && !user.actor.is_leader() {
        return Err(AppError::Forbidden);
    }
    let tree = user.units.clone();
    let visible = user.actor.visible_units(&tree);
    let t = page.t;
    let patience = user.org.settings.patience.stale_after_days;
    let led = user.led_subtree();
    let reach = if whole {
        Reach::Organisation
    } else {
        Reach::Leader {
            leader: user.person.id,
            units: &led,
        }
    };
    let units: Option<Vec<domain::UnitId>> = visible.as_ref().map(|v| v.iter().copied().collect());
    let judged = judgement(&user);
    let number = Paging::number(query.page);
    let found = state
        .db
        .drawer_page(
            user.org.id,
            reach,
            units.as_deref(),
            judged,
            Paging::offset(number) as u64,
            PER_PAGE as u64,
        )
        .await?;
    let paging = Paging::new(
        number,
        found.total(),
        found.lines.len(),
        "/follow-through?".to_owned(),
    );
    // Units are listed by name; two of the same name count as one line.
    let mut per_unit: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    if whole {
        for c in &found.per_unit {
            let entry = per_unit.entry(unit_name(&tree, c.unit)).or_default();
            *entry = (
                entry.0 + c.agreements,
                entry.1 + c.stale,
                entry.2 + c.escalated,
            );
        }
    }
    let me = user.person.id;
    let (waiting, unsigned_total) = state
        .db
        .unsigned_page(
            user.org.id,
            reach,
            units.as_deref(),
            unsigned_bound(),
            0,
            PER_PAGE as u64,
        )
        .await?;
    let shown = assessed(judged, found.lines);
    let employees = shown
        .iter()
        .map(|a| a.signed.employee_id)
        .chain(waiting.iter().map(|u| u.employee_id))
        .collect();
    let names = Names::of(&state, &user, employees, HashMap::new()).await?;
    let unsigned = named(&names, &tree, waiting)
        .into_iter()
        .map(|u| UnsignedLine {
            link: if u.agreement.leader_id == me {
                format!("/conversations/{}/agreement", u.agreement.conversation_id)
            } else {
                format!(
                    "/cycles/{}/people/{}",
                    u.agreement.cycle_id, u.agreement.employee_id
                )
            },
            reason: unsigned_reason(&t, &u),
            employee: u.employee,
            unit: u.unit,
            cycle: u.cycle,
        })
        .collect();
    let lines: Vec<ListLine> = shown
        .into_iter()
        .map(|a| {
            let s = &a.signed;
            ListLine {
                link: if s.leader_id == me {
                    format!("/conversations/{}/agreement", s.conversation_id)
                } else {
                    format!("/cycles/{}/people/{}", s.cycle_id, s.employee_id)
                },
                reasons: reasons(&t, &a.health, patience),
                stale: a.health.stale,
                escalated: a.health.escalated,
                complete: a.health.complete,
                employee: names.person(s.employee_id),
                unit: unit_name(&tree, s.unit_id),
                cycle: names.cycle(s.cycle_id),
            }
        })
        .collect();
    render(FollowThroughView {
        unsigned,
        unsigned_total,
        lines,
        paging,
        per_unit: per_unit
            .into_iter()
            .map(|(u, (n, s, e))| (u, n, s, e))
            .collect(),
        page: page.titled("follow-through-title"),
    })
}
