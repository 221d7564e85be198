//! The drawer detector's reads: signed agreements judged without their documents, their open
//! items counted from the items table and their last activity kept on the agreement; and, for
//! the long lists, the judgement itself in SQL, so that the database counts and orders an
//! organisation's tens of thousands of agreements and only a page of them is read. Every
//! expression here is held to [`domain::drawer::judge`] by a test on both backends. The detector
//! judges each employee's current agreements: one a later cycle's agreement has superseded is
//! out of the drawer ([`Superseded::Excluded`]), and the current ones are read from the table
//! that keeps them with their unit (migration 0036).

use crate::agreements::{SignedHead, Superseded, signed_within};
use crate::db::Db;
use crate::schema::{AgreementItems, Agreements, Conversations, CurrentAgreements, People};
use crate::{Reach, Result};
use chrono::{DateTime, Days, NaiveDate, Utc};
use domain::agreement::Progress;
use domain::drawer::{Patience, Pulse};
use domain::org::AnsweringTo;
use domain::{ConversationId, CycleId, OrgId, PersonId, UnitId};
use sea_query::{Alias, Asterisk, Cond, Expr, Func, Order, Query, SelectStatement, SimpleExpr};
use uuid::Uuid;

/// A signed agreement as the drawer detector judges it, without its document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgreementPulse {
    pub conversation_id: ConversationId,
    pub employee_id: PersonId,
    /// The employee's unit now.
    pub unit_id: UnitId,
    pub leader_id: PersonId,
    pub cycle_id: CycleId,
    pub last_activity: DateTime<Utc>,
    pub pulse: Pulse,
}

#[derive(sqlx::FromRow)]
struct ToldRow {
    #[sqlx(flatten)]
    pulse: PulseRow,
    told_total: i64,
}

#[derive(sqlx::FromRow)]
struct PulseRow {
    #[sqlx(flatten)]
    head: SignedHead,
    unit_id: Uuid,
    open: Option<i64>,
    overdue_actions: Option<i64>,
    overdue_commitments: Option<i64>,
    oldest_overdue_action: Option<NaiveDate>,
}

impl From<PulseRow> for AgreementPulse {
    fn from(row: PulseRow) -> AgreementPulse {
        let count = |n: Option<i64>| n.unwrap_or(0) as usize;
        AgreementPulse {
            conversation_id: ConversationId(row.head.id),
            employee_id: PersonId(row.head.employee_id),
            unit_id: UnitId(row.unit_id),
            leader_id: PersonId(row.head.leader_id),
            cycle_id: CycleId(row.head.cycle_id),
            last_activity: row.head.last_activity,
            pulse: Pulse {
                open: count(row.open),
                overdue_actions: count(row.overdue_actions),
                overdue_commitments: count(row.overdue_commitments),
                oldest_overdue_action: row.oldest_overdue_action,
            },
        }
    }
}

/// The day an organisation's agreements are judged on, with its patience.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Judgement {
    pub today: NaiveDate,
    pub patience: Patience,
}

/// What someone is told of beyond their own agreements: those sent on by the leaders who
/// answer to them, of the people in the units given (those they lead), and the organisation's
/// overdue promises, if they are HR.
#[derive(Clone, Copy, Debug)]
pub struct Told<'a> {
    pub sent_on: Option<(&'a AnsweringTo, &'a [UnitId])>,
    pub hr: bool,
}

/// The stale agreements a home page shows: all of its reader's own (as employee or leader), and
/// of those they are told of, the most urgent few and how many there are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HomeFlags {
    pub own: Vec<AgreementPulse>,
    pub told: Vec<AgreementPulse>,
    pub told_total: usize,
}

/// How many agreements a unit's people have, and how many of them are going stale and sent on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnitCount {
    pub unit: UnitId,
    pub agreements: usize,
    pub stale: usize,
    pub escalated: usize,
}

/// A page of the signed agreements within reach, most urgent first, with the counts of all.
pub struct DrawerPage {
    pub lines: Vec<AgreementPulse>,
    pub per_unit: Vec<UnitCount>,
}

impl DrawerPage {
    pub fn total(&self) -> usize {
        self.per_unit.iter().map(|u| u.agreements).sum()
    }
}

/// The signed agreements within reach with their employee's unit and what is outstanding on
/// them: the cheap columns every judgement in SQL is made from (`x`).
fn heads(org: OrgId, reach: Reach<'_>, superseded: Superseded) -> SelectStatement {
    if superseded == Superseded::Excluded {
        return current(org, reach);
    }
    let stored = |c: Agreements| (Agreements::Table, c);
    signed_within(org, reach, superseded)
        .column((People::Table, People::UnitId))
        .columns([
            stored(Agreements::OpenItems),
            stored(Agreements::FirstActionDue),
            stored(Agreements::FirstCommitmentDue),
        ])
        .inner_join(
            People::Table,
            Expr::col((People::Table, People::Id))
                .equals((Conversations::Table, Conversations::EmployeeId)),
        )
        .to_owned()
}

/// [`heads`] of the current agreements, from the table that keeps them (migration 0036).
fn current(org: OrgId, reach: Reach<'_>) -> SelectStatement {
    use CurrentAgreements as C;
    let kept = |c: C| (C::Table, c);
    let mut select = Query::select()
        .expr_as(Expr::col(kept(C::ConversationId)), Alias::new("id"))
        .columns(
            [
                C::EmployeeId,
                C::LeaderId,
                C::CycleId,
                C::LastActivity,
                C::UnitId,
                C::OpenItems,
                C::FirstActionDue,
                C::FirstCommitmentDue,
            ]
            .map(kept),
        )
        .from(C::Table)
        .to_owned();
    // A narrower reach names the organisation in its own condition and is found from the
    // conversations' indexes; the whole organisation's rows lie together.
    match reach.holds(org, kept(C::ConversationId)) {
        Some(within) => select.and_where(within),
        None => select.and_where(Expr::col(kept(C::OrgId)).eq(org.0)),
    };
    select
}

/// The rows of `chosen` (a selection of [`heads`]) with their open items counted on `today`,
/// one small indexed look-up each: counted only for the rows read, never for all judged.
fn counted(chosen: SelectStatement, today: NaiveDate) -> SelectStatement {
    let item = |c: AgreementItems| Expr::col((AgreementItems::Table, c));
    let open = || {
        item(AgreementItems::Progress)
            .is_in([Progress::Planned, Progress::Started].map(|p| p.as_str()))
    };
    let overdue = |kind: &str| {
        open()
            .and(item(AgreementItems::Kind).eq(kind))
            .and(item(AgreementItems::Due).lt(today))
    };
    let of_items = |aggregate: SimpleExpr| {
        SimpleExpr::SubQuery(
            None,
            Box::new(
                Query::select()
                    .expr(aggregate)
                    .from(AgreementItems::Table)
                    .and_where(item(AgreementItems::ConversationId).equals((y(), Alias::new("id"))))
                    .to_owned()
                    .into_sub_query_statement(),
            ),
        )
    };
    let count =
        |condition: SimpleExpr| of_items(Func::sum(Expr::case(condition, 1).finally(0)).into());
    Query::select()
        .column((y(), Asterisk))
        .from_subquery(chosen, y())
        .expr_as(count(open()), Alias::new("open"))
        .expr_as(count(overdue("action")), Alias::new("overdue_actions"))
        .expr_as(
            count(overdue("commitment")),
            Alias::new("overdue_commitments"),
        )
        .expr_as(
            of_items(Func::min(Expr::case(overdue("action"), item(AgreementItems::Due))).into()),
            Alias::new("oldest_overdue_action"),
        )
        .to_owned()
}

/// The rows [`counted`] counts the items of.
fn y() -> Alias {
    Alias::new("y")
}

/// A column of the [`heads`], read as a table of their own.
fn x(column: &str) -> Expr {
    Expr::col((Alias::new("x"), Alias::new(column)))
}

/// The [`heads`] as the table `x`.
fn from_heads(org: OrgId, reach: Reach<'_>, superseded: Superseded) -> SelectStatement {
    Query::select()
        .from_subquery(heads(org, reach, superseded), Alias::new("x"))
        .to_owned()
}

/// The start of the day `days` before `today`, in UTC as the detector counts quiet days.
fn days_before(today: NaiveDate, days: u32) -> DateTime<Utc> {
    (today - Days::new(u64::from(days)))
        .and_hms_opt(0, 0, 0)
        .unwrap_or_default()
        .and_utc()
}

/// How many of a cycle's signed agreements whose employee is one of `members` there are, and
/// how many of them are going stale, per unit of the employee (the last column): an effect
/// figure, so superseded agreements count too.
pub(crate) fn stale_among(
    org: OrgId,
    cycle: CycleId,
    members: SelectStatement,
    judged: Judgement,
) -> SelectStatement {
    from_heads(org, Reach::Organisation, Superseded::Included)
        .expr(Func::count(x("id")))
        .expr(Func::sum(as_flag(judged.stale())))
        .and_where(x("cycle_id").eq(cycle.0))
        .and_where(x("employee_id").in_subquery(members))
        .expr(x("unit_id"))
        .group_by_col((Alias::new("x"), Alias::new("unit_id")))
        .to_owned()
}

/// Most urgent first, as [`domain::drawer::Health::urgency`] orders them.
fn by_urgency(select: &mut SelectStatement, judged: Judgement) -> &mut SelectStatement {
    select
        .order_by_expr(as_flag(judged.commitment_overdue()), Order::Desc)
        .order_by_expr(as_flag(judged.stale()), Order::Desc)
        .order_by_expr(judged.overdue_since(), Order::Asc)
        .order_by_expr(x("last_activity").into(), Order::Asc)
        .order_by_expr(x("id").into(), Order::Asc)
}

/// The conversation's leader answers to `to.leader` ([`AnsweringTo::includes`] in SQL).
fn leader_answers(org: OrgId, to: &AnsweringTo) -> SimpleExpr {
    let person = |c: People| Expr::col((People::Table, c));
    let units = |units: &[UnitId]| person(People::UnitId).is_in(units.iter().map(|u| u.0));
    let mut who = Cond::any();
    if !to.units.is_empty() {
        who = who.add(units(&to.units).and(person(People::Id).ne(to.leader.0)));
    }
    for (leader, their) in &to.leaders {
        who = who.add(person(People::Id).eq(leader.0).and(units(their)));
    }
    x("leader_id").in_subquery(
        Query::select()
            .column((People::Table, People::Id))
            .from(People::Table)
            .and_where(person(People::OrgId).eq(org.0))
            .cond_where(who)
            .to_owned(),
    )
}

pub(crate) fn as_flag(condition: SimpleExpr) -> SimpleExpr {
    Expr::case(condition, 1).finally(0).into()
}

impl Judgement {
    /// An open commitment of the organisation past its date.
    fn commitment_overdue(self) -> SimpleExpr {
        x("first_commitment_due").lt(self.today)
    }

    /// [`domain::drawer::Health::stale`] in SQL.
    fn stale(self) -> SimpleExpr {
        let quiet = days_before(self.today, self.patience.stale_after_days);
        self.commitment_overdue()
            .or(x("first_action_due").lt(self.today))
            .or(x("open_items").gt(0).and(x("last_activity").lt(quiet)))
    }

    /// [`domain::drawer::Health::escalated`] in SQL: stale for the further period (counted
    /// from the oldest overdue action or the end of the quiet allowance), or the organisation's
    /// side overdue.
    fn escalated(self) -> SimpleExpr {
        let Patience {
            stale_after_days,
            escalate_after_days,
        } = self.patience;
        let overdue_since = self.today - Days::new(u64::from(escalate_after_days));
        let quiet_since = days_before(self.today, stale_after_days + escalate_after_days);
        self.commitment_overdue().or(self.stale().and(
            x("first_action_due")
                .lt(overdue_since)
                .or(x("last_activity").lt(quiet_since)),
        ))
    }

    /// The date the oldest overdue action was due, today when none is: earlier is more urgent.
    fn overdue_since(self) -> SimpleExpr {
        Expr::case(x("first_action_due").lt(self.today), x("first_action_due"))
            .finally(self.today)
            .into()
    }
}

impl Db {
    /// The signed agreements within reach whose employee is in `units` (any unit when none),
    /// most urgent first as [`domain::drawer::Health::urgency`] orders them: the page at
    /// `offset`, and the counts per unit of all of them.
    pub async fn drawer_page(
        &self,
        org: OrgId,
        reach: Reach<'_>,
        units: Option<&[UnitId]>,
        judged: Judgement,
        offset: u64,
        limit: u64,
    ) -> Result<DrawerPage> {
        let within = Cond::all()
            .add_option(units.map(|units| x("unit_id").is_in(units.iter().map(|u| u.0))));
        let page = by_urgency(
            from_heads(org, reach, Superseded::Excluded)
                .column((Alias::new("x"), Asterisk))
                .cond_where(within.clone()),
            judged,
        )
        .limit(limit)
        .offset(offset)
        .to_owned();
        let rows: Vec<PulseRow> = self.all(&counted(page, judged.today)).await?;
        let counts: Vec<(Uuid, i64, Option<i64>, Option<i64>)> = self
            .all(
                from_heads(org, reach, Superseded::Excluded)
                    .cond_where(within)
                    .expr(x("unit_id"))
                    .expr(Func::count(x("id")))
                    .expr(Func::sum(as_flag(judged.stale())))
                    .expr(Func::sum(as_flag(judged.escalated())))
                    .group_by_col((Alias::new("x"), Alias::new("unit_id"))),
            )
            .await?;
        Ok(DrawerPage {
            lines: rows.into_iter().map(AgreementPulse::from).collect(),
            per_unit: counts
                .into_iter()
                .map(|(unit, n, stale, escalated)| UnitCount {
                    unit: UnitId(unit),
                    agreements: n as usize,
                    stale: stale.unwrap_or(0) as usize,
                    escalated: escalated.unwrap_or(0) as usize,
                })
                .collect(),
        })
    }

    /// The stale agreements that belong on `person`'s home page: theirs, and the `limit` most
    /// urgent of those they are told of and how many there are.
    pub async fn drawer_flags(
        &self,
        org: OrgId,
        judged: Judgement,
        person: PersonId,
        Told { sent_on, hr }: Told<'_>,
        limit: u64,
    ) -> Result<HomeFlags> {
        // Found from the parties' own indexes, whatever else the reader may see.
        let own = from_heads(org, Reach::Party(person), Superseded::Excluded)
            .column((Alias::new("x"), Asterisk))
            .and_where(judged.stale())
            .to_owned();
        let own: Vec<PulseRow> = self.all(&counted(own, judged.today)).await?;
        // Being sent on or overdue on the organisation's side makes an agreement stale. Those
        // sent on are found from the leaders who sent them, within the reader's units.
        let sent_on = sent_on.filter(|(to, units)| !to.is_empty() && !units.is_empty());
        let told = Cond::any()
            .add_option(sent_on.map(|(to, units)| {
                judged
                    .escalated()
                    .and(leader_answers(org, to))
                    .and(x("unit_id").is_in(units.iter().map(|u| u.0)))
            }))
            .add_option(hr.then(|| judged.commitment_overdue()));
        let told: Vec<ToldRow> = if told.is_empty() {
            Vec::new()
        } else {
            let chosen = by_urgency(
                from_heads(org, Reach::Organisation, Superseded::Excluded)
                    .column((Alias::new("x"), Asterisk))
                    .expr_as(Expr::cust("count(*) over ()"), Alias::new("told_total"))
                    .and_where(x("employee_id").ne(person.0))
                    .and_where(x("leader_id").ne(person.0))
                    .cond_where(told),
                judged,
            )
            .limit(limit)
            .to_owned();
            self.all(&counted(chosen, judged.today)).await?
        };
        Ok(HomeFlags {
            own: own.into_iter().map(AgreementPulse::from).collect(),
            told_total: told.first().map_or(0, |r| r.told_total as usize),
            told: told
                .into_iter()
                .map(|r| AgreementPulse::from(r.pulse))
                .collect(),
        })
    }
}
