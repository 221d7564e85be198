//! The organisation's effect figures for one cycle, counted by the database per unit of its
//! people: what [`domain::effect::Figures::of`] computes from every conversation, agreement and
//! follow-up, here from narrow rows (conversations, agreement items, development goals and their
//! reviews, follow-ups), so that the organisation's dashboard and the committee report read a
//! few counts instead of five years of documents. [`crate::effect_kept`] keeps them in memory per
//! unit and, after a change, counts again only the units it touched. (A person's dashboard
//! computes from its own history, and a unit's when these are not kept: counted here, cycle by
//! cycle, they were slower.) A test holds every figure, and every unit's, to `Figures::of` on both backends, and
//! the counts kept through changes to a fresh count.

use crate::agreements::{Superseded, signed_within};
use crate::cycle_overview::their_conversation;
use crate::db::Db;
use crate::drawer::{Judgement, as_flag, stale_among};
use crate::effect_kept::{Counts, Thread};
use crate::schema::{
    AgreementItems, Agreements, Conversations, DevelopmentGoalCompetences, DevelopmentGoalLinks,
    DevelopmentGoals, FollowUps, GoalReviews, People, ProgressUpdates,
};
use crate::{Reach, Result};
use chrono::{Days, NaiveDate, TimeZone};
use domain::agreement::Progress;
use domain::conversation::TIME_ZONE;
use domain::cycle::Cycle;
use domain::effect::{Figure, Share, Tally};
use domain::{GoalId, OrgId, UnitId};
use sea_query::{
    Alias, Expr, Func, Iden, JoinType, Order, Query, SelectStatement, SimpleExpr, UnionType,
};
use std::collections::HashMap;
use uuid::Uuid;

/// Whose figures are counted: the organisation's active people, or only those of some units.
#[derive(Clone, Copy)]
pub(crate) struct Whom<'a> {
    pub(crate) org: OrgId,
    pub(crate) units: Option<&'a [UnitId]>,
}

impl Whom<'_> {
    fn members(self) -> SelectStatement {
        let person = |c: People| Expr::col((People::Table, c));
        let mut select = Query::select()
            .column((People::Table, People::Id))
            .from(People::Table)
            .and_where(person(People::OrgId).eq(self.org.0))
            .and_where(person(People::Active).eq(true))
            .to_owned();
        if let Some(units) = self.units {
            select.and_where(person(People::UnitId).is_in(units.iter().map(|u| u.0)));
        }
        select
    }
}

/// A count and how many of it are counted, both possibly of no rows.
type Pair = (i64, Option<i64>);

fn share((whole, part): Pair) -> Share {
    Share {
        part: part.unwrap_or(0) as usize,
        whole: whole as usize,
    }
}

fn flag(condition: SimpleExpr) -> SimpleExpr {
    Func::sum(as_flag(condition)).into()
}

fn conversation(c: Conversations) -> Expr {
    Expr::col((Conversations::Table, c))
}

/// The conversations of the cycle whose agreement both have signed, of the people counted.
fn signed(whom: Whom, cycle: &Cycle) -> SelectStatement {
    signed_within(whom.org, Reach::Organisation, Superseded::Included)
        .clear_selects()
        .column((Conversations::Table, Conversations::Id))
        .and_where(conversation(Conversations::CycleId).eq(cycle.id.0))
        .and_where(conversation(Conversations::EmployeeId).in_subquery(whom.members()))
        .to_owned()
}

/// Scheduled, held, held on time and signed, of every person counted.
fn per_person(whom: Whom, cycle: &Cycle) -> SelectStatement {
    let agreement = |c: Agreements| Expr::col((Agreements::Table, c));
    // Held on time: on or before the last day of the conversations, in Copenhagen.
    let day_after = cycle.timeline.conversations_to() + Days::new(1);
    let held_by = TIME_ZONE
        .from_local_datetime(&day_after.and_hms_opt(0, 0, 0).unwrap_or_default())
        .earliest()
        .map(|at| at.to_utc());
    let scheduled = [
        Conversations::StartsAt,
        Conversations::DurationMinutes,
        Conversations::PreparationDeadline,
    ]
    .into_iter()
    .fold(
        conversation(Conversations::Cancelled).eq(false),
        |all, c| all.and(conversation(c).is_not_null()),
    );
    Query::select()
        .expr(Func::count(Expr::col((People::Table, People::Id))))
        .expr(flag(scheduled))
        .expr(flag(conversation(Conversations::HeldAt).is_not_null()))
        .expr(flag(conversation(Conversations::HeldAt).lt(held_by)))
        .expr(flag(
            agreement(Agreements::EmployeeSignedAt)
                .is_not_null()
                .and(agreement(Agreements::LeaderSignedAt).is_not_null()),
        ))
        .from(People::Table)
        .join(
            JoinType::LeftJoin,
            Conversations::Table,
            their_conversation(cycle.id),
        )
        .left_join(
            Agreements::Table,
            agreement(Agreements::ConversationId).equals((Conversations::Table, Conversations::Id)),
        )
        .and_where(Expr::col((People::Table, People::Id)).in_subquery(whom.members()))
        .column((People::Table, People::UnitId))
        .group_by_col((People::Table, People::UnitId))
        .to_owned()
}

/// `select` (of items of the conversations in `column`) counted per unit of their employee:
/// the unit's id is the last column.
fn per_unit(
    mut select: SelectStatement,
    column: (impl Iden + 'static, impl Iden + 'static),
) -> SelectStatement {
    select
        .column((People::Table, People::UnitId))
        .inner_join(
            Conversations::Table,
            conversation(Conversations::Id).equals(column),
        )
        .inner_join(
            People::Table,
            Expr::col((People::Table, People::Id))
                .equals((Conversations::Table, Conversations::EmployeeId)),
        )
        .group_by_col((People::Table, People::UnitId))
        .to_owned()
}

/// Done, done on time and overdue, of the actions of the signed agreements.
fn actions(signed: SelectStatement, today: NaiveDate) -> SelectStatement {
    let item = |c: AgreementItems| Expr::col((AgreementItems::Table, c));
    let done = || item(AgreementItems::Progress).eq(Progress::Done.as_str());
    let report = |c: ProgressUpdates| Expr::col((ProgressUpdates::Table, c));
    // The day it was last reported done, as `Db::done_at` tells it.
    let done_on = SimpleExpr::SubQuery(
        None,
        Box::new(
            Query::select()
                .expr(report(ProgressUpdates::Day).max())
                .from(ProgressUpdates::Table)
                .and_where(
                    report(ProgressUpdates::ConversationId)
                        .equals((AgreementItems::Table, AgreementItems::ConversationId)),
                )
                .and_where(
                    report(ProgressUpdates::ItemId)
                        .equals((AgreementItems::Table, AgreementItems::ItemId)),
                )
                .and_where(report(ProgressUpdates::Progress).eq(Progress::Done.as_str()))
                .to_owned()
                .into_sub_query_statement(),
        ),
    );
    let open = item(AgreementItems::Progress)
        .is_in([Progress::Planned, Progress::Started].map(|p| p.as_str()));
    let select = Query::select()
        .expr(Func::count(item(AgreementItems::ItemId)))
        .expr(flag(done()))
        .expr(flag(
            done().and(Expr::expr(done_on).lte(item(AgreementItems::Due))),
        ))
        .expr(flag(open.and(item(AgreementItems::Due).lt(today))))
        .from(AgreementItems::Table)
        .and_where(item(AgreementItems::Kind).eq("action"))
        .and_where(item(AgreementItems::ConversationId).in_subquery(signed))
        .to_owned();
    per_unit(
        select,
        (AgreementItems::Table, AgreementItems::ConversationId),
    )
}

/// The follow-ups of the signed agreements due by today, and how many were held.
fn follow_ups(signed: SelectStatement, today: NaiveDate) -> SelectStatement {
    let f = |c: FollowUps| Expr::col((FollowUps::Table, c));
    let select = Query::select()
        .expr(Func::count(f(FollowUps::Id)))
        .expr(flag(f(FollowUps::HeldAt).is_not_null()))
        .from(FollowUps::Table)
        .and_where(f(FollowUps::ConversationId).in_subquery(signed))
        .and_where(f(FollowUps::Due).lte(today))
        .to_owned();
    per_unit(select, (FollowUps::Table, FollowUps::ConversationId))
}

/// The development goals of the signed agreements, and how many were achieved: their latest
/// held follow-up said done (of two held at the same instant, either). One step down the
/// reviews' index per goal.
fn achieved(signed: SelectStatement) -> SelectStatement {
    let goal = |c: DevelopmentGoals| Expr::col((DevelopmentGoals::Table, c));
    let review = |c: GoalReviews| Expr::col((GoalReviews::Table, c));
    let latest = Query::select()
        .expr(review(GoalReviews::Done))
        .from(GoalReviews::Table)
        .and_where(
            review(GoalReviews::ItemId).equals((DevelopmentGoals::Table, DevelopmentGoals::ItemId)),
        )
        .order_by((GoalReviews::Table, GoalReviews::HeldAt), Order::Desc)
        .limit(1)
        .to_owned();
    let latest = SimpleExpr::SubQuery(None, Box::new(latest.into_sub_query_statement()));
    let select = Query::select()
        .expr(Func::count(goal(DevelopmentGoals::ItemId)))
        .expr(flag(Expr::expr(latest).eq(true)))
        .from(DevelopmentGoals::Table)
        .and_where(goal(DevelopmentGoals::ConversationId).in_subquery(signed))
        .to_owned();
    per_unit(
        select,
        (DevelopmentGoals::Table, DevelopmentGoals::ConversationId),
    )
}

/// `pairs` (which goal naming serves which) as a table of constants `up (named, serves)`.
fn pairs_table(pairs: &[(GoalId, GoalId)]) -> Option<SelectStatement> {
    let pair = |(n, s): &(GoalId, GoalId)| {
        Query::select()
            .expr_as(Expr::val(n.0), Alias::new("named"))
            .expr_as(Expr::val(s.0), Alias::new("serves"))
            .to_owned()
    };
    let (first, rest) = pairs.split_first()?;
    let mut table = pair(first);
    for p in rest {
        table.union(UnionType::All, pair(p));
    }
    Some(table)
}

/// `select` over the links of the signed agreements' development goals to the strategic goals
/// they serve: the served goal's id and the unit's are its last columns.
fn serving(
    select: SelectStatement,
    signed: SelectStatement,
    pairs: SelectStatement,
) -> SelectStatement {
    let (up, counted) = (|| Alias::new("up"), || Alias::new("counted"));
    let goal = |c: DevelopmentGoals| Expr::col((DevelopmentGoals::Table, c));
    let link = |c: DevelopmentGoalLinks| Expr::col((DevelopmentGoalLinks::Table, c));
    // From the signed agreements counted, joined first: PostgreSQL keeps the written order of
    // this many joins, and the links of every development goal are many more.
    let select = select
        .to_owned()
        .expr(Expr::col((up(), Alias::new("serves"))))
        .from_subquery(signed, counted())
        .inner_join(
            DevelopmentGoals::Table,
            goal(DevelopmentGoals::ConversationId).equals((counted(), Conversations::Id)),
        )
        .inner_join(
            DevelopmentGoalLinks::Table,
            link(DevelopmentGoalLinks::ItemId)
                .equals((DevelopmentGoals::Table, DevelopmentGoals::ItemId)),
        )
        .join_subquery(
            JoinType::InnerJoin,
            pairs,
            up(),
            Expr::col((up(), Alias::new("named")))
                .equals((DevelopmentGoalLinks::Table, DevelopmentGoalLinks::GoalId)),
        )
        .group_by_col((up(), Alias::new("serves")))
        .to_owned();
    per_unit(
        select,
        (DevelopmentGoals::Table, DevelopmentGoals::ConversationId),
    )
}

/// Per unit and strategic goal served, the development goals serving it.
fn dev_goals_serving(signed: SelectStatement, pairs: SelectStatement) -> SelectStatement {
    let link = Expr::col((DevelopmentGoalLinks::Table, DevelopmentGoalLinks::ItemId));
    serving(
        Query::select().expr(Func::count_distinct(link)).to_owned(),
        signed,
        pairs,
    )
}

/// Per unit and strategic goal served, the competences its development goals build.
fn competences_serving(signed: SelectStatement, pairs: SelectStatement) -> SelectStatement {
    let built = (
        DevelopmentGoalCompetences::Table,
        DevelopmentGoalCompetences::CompetenceId,
    );
    serving(Query::select().column(built).to_owned(), signed, pairs)
        .inner_join(
            DevelopmentGoalCompetences::Table,
            Expr::col((
                DevelopmentGoalCompetences::Table,
                DevelopmentGoalCompetences::ItemId,
            ))
            .equals((DevelopmentGoalLinks::Table, DevelopmentGoalLinks::ItemId)),
        )
        .group_by_col(built)
        .to_owned()
}

/// Per unit, a count and how many of it are counted.
type UnitPairs = Vec<(i64, Option<i64>, Uuid)>;
/// Per unit, its people and how many were scheduled, held, held on time and signed.
type PeopleRow = (
    i64,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Uuid,
);
/// Per unit, its actions and how many are done, done on time and overdue.
type ActionsRow = (i64, Option<i64>, Option<i64>, Option<i64>, Uuid);

impl Db {
    /// What the figures of a cycle are made from, per unit of the people counted.
    pub(crate) async fn count(
        &self,
        whom: Whom<'_>,
        cycle: &Cycle,
        judged: Judgement,
        pairs: &[(GoalId, GoalId)],
    ) -> Result<Counts> {
        if whom.units.is_some_and(|units| units.is_empty()) {
            return Ok(Counts::default());
        }
        Ok(Counts {
            tallies: self.tallies(whom, cycle, judged).await?,
            threads: self.threads(whom, cycle, pairs).await?,
        })
    }

    /// The shares of a cycle per unit of the people counted.
    async fn tallies(
        &self,
        whom: Whom<'_>,
        cycle: &Cycle,
        judged: Judgement,
    ) -> Result<HashMap<UnitId, Tally>> {
        let today = judged.today;
        let mut tallies: HashMap<UnitId, Tally> = HashMap::new();
        let people: Vec<PeopleRow> = self.all(&per_person(whom, cycle)).await?;
        for (n, scheduled, held, on_time, agreed, unit) in people {
            let tally = tallies.entry(UnitId(unit)).or_default();
            tally.people = n as usize;
            for (figure, part) in [
                (Figure::Scheduled, scheduled),
                (Figure::Held, held),
                (Figure::HeldOnTime, on_time),
                (Figure::Signed, agreed),
            ] {
                tally.set(figure, share((n, part)));
            }
        }
        let actions: Vec<ActionsRow> = self.all(&actions(signed(whom, cycle), today)).await?;
        for (n, done, on_time, overdue, unit) in actions {
            let tally = tallies.entry(UnitId(unit)).or_default();
            for (figure, part) in [
                (Figure::ActionsDone, done),
                (Figure::DoneOnTime, on_time),
                (Figure::Overdue, overdue),
            ] {
                tally.set(figure, share((n, part)));
            }
        }
        let stale = stale_among(whom.org, cycle.id, whom.members(), judged);
        for (figure, statement) in [
            (
                Figure::FollowUpsHeld,
                follow_ups(signed(whom, cycle), today),
            ),
            (Figure::Stale, stale),
            (Figure::Achieved, achieved(signed(whom, cycle))),
        ] {
            let rows: UnitPairs = self.all(&statement).await?;
            for (n, part, unit) in rows {
                let tally = tallies.entry(UnitId(unit)).or_default();
                tally.set(figure, share((n, part)));
            }
        }
        Ok(tallies)
    }

    /// The red thread of a cycle per unit of the people counted.
    async fn threads(
        &self,
        whom: Whom<'_>,
        cycle: &Cycle,
        pairs: &[(GoalId, GoalId)],
    ) -> Result<HashMap<UnitId, Thread>> {
        let Some(table) = pairs_table(pairs) else {
            return Ok(HashMap::new());
        };
        let mut threads: HashMap<UnitId, Thread> = HashMap::new();
        let goals: Vec<(i64, Uuid, Uuid)> = self
            .all(&dev_goals_serving(signed(whom, cycle), table.clone()))
            .await?;
        for (n, goal, unit) in goals {
            let thread = threads.entry(UnitId(unit)).or_default();
            thread.entry(GoalId(goal)).or_default().0 = n as usize;
        }
        let built: Vec<(Uuid, Uuid, Uuid)> = self
            .all(&competences_serving(signed(whom, cycle), table))
            .await?;
        for (competence, goal, unit) in built {
            let thread = threads.entry(UnitId(unit)).or_default();
            thread.entry(GoalId(goal)).or_default().1.push(competence);
        }
        Ok(threads)
    }
}
