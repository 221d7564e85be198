//! The organisation's effect figures for one cycle, counted by the database per unit of its
//! people: what [`domain::effect::Figures::of`] computes from every conversation, agreement and
//! follow-up, here from narrow rows (conversations, agreement items, development goals and their
//! reviews, follow-ups), so that the organisation's dashboard and the committee report read a
//! few counts instead of five years of documents. (A person's or a unit's dashboard computes
//! from its own history: counted here, cycle by cycle, they were slower.) A test holds every
//! figure, and every unit's, to `Figures::of` on both backends.

use crate::agreements::signed_within;
use crate::db::Db;
use crate::drawer::{Judgement, as_flag, stale_among};
use crate::schema::{
    AgreementItems, Agreements, Conversations, DevelopmentGoalCompetences, DevelopmentGoalLinks,
    DevelopmentGoals, FiguresRevisions, FollowUps, GoalReviews, People, ProgressUpdates,
};
use crate::{Reach, Result};
use chrono::{Days, NaiveDate, TimeZone};
use domain::agreement::Progress;
use domain::conversation::TIME_ZONE;
use domain::cycle::Cycle;
use domain::effect::{Counted, Figure, Served, Share, Tally};
use domain::{GoalId, OrgId, UnitId};
use sea_query::{
    Alias, Expr, Func, Iden, JoinType, Order, Query, SelectStatement, SimpleExpr, UnionType,
};
use std::collections::HashMap;
use std::sync::Arc;
use uuid::Uuid;

/// The organisation's active people: whose figures these are.
fn members(org: OrgId) -> SelectStatement {
    Query::select()
        .column((People::Table, People::Id))
        .from(People::Table)
        .and_where(Expr::col((People::Table, People::OrgId)).eq(org.0))
        .and_where(Expr::col((People::Table, People::Active)).eq(true))
        .to_owned()
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

/// The conversations of the cycle whose agreement both have signed, of active people.
fn signed(org: OrgId, cycle: &Cycle) -> SelectStatement {
    signed_within(org, Reach::Organisation)
        .clear_selects()
        .column((Conversations::Table, Conversations::Id))
        .and_where(conversation(Conversations::CycleId).eq(cycle.id.0))
        .and_where(conversation(Conversations::EmployeeId).in_subquery(members(org)))
        .to_owned()
}

/// Scheduled, held, held on time and signed, of every active person.
fn per_person(org: OrgId, cycle: &Cycle) -> SelectStatement {
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
            conversation(Conversations::EmployeeId)
                .equals((People::Table, People::Id))
                .and(conversation(Conversations::CycleId).eq(cycle.id.0)),
        )
        .left_join(
            Agreements::Table,
            agreement(Agreements::ConversationId).equals((Conversations::Table, Conversations::Id)),
        )
        .and_where(Expr::col((People::Table, People::Id)).in_subquery(members(org)))
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

/// For every strategic goal served, the development goals of the signed agreements serving it
/// and the distinct competences they build; `pairs` says which goal naming serves which.
fn served(signed: SelectStatement, pairs: &[(GoalId, GoalId)]) -> Option<SelectStatement> {
    let up = Alias::new("up");
    let (named, serves) = (Alias::new("named"), Alias::new("serves"));
    let pair = |(n, s): &(GoalId, GoalId)| {
        Query::select()
            .expr_as(Expr::val(n.0), named.clone())
            .expr_as(Expr::val(s.0), serves.clone())
            .to_owned()
    };
    let (first, rest) = pairs.split_first()?;
    let mut table = pair(first);
    for p in rest {
        table.union(UnionType::All, pair(p));
    }
    let link = |c: DevelopmentGoalLinks| Expr::col((DevelopmentGoalLinks::Table, c));
    let built = |c: DevelopmentGoalCompetences| Expr::col((DevelopmentGoalCompetences::Table, c));
    Some(
        Query::select()
            .expr(Expr::col((up.clone(), serves.clone())))
            .expr(Func::count_distinct(link(DevelopmentGoalLinks::ItemId)))
            .expr(Func::count_distinct(built(
                DevelopmentGoalCompetences::CompetenceId,
            )))
            .from(DevelopmentGoalLinks::Table)
            .join_subquery(
                JoinType::InnerJoin,
                table,
                up.clone(),
                Expr::col((up.clone(), named))
                    .equals((DevelopmentGoalLinks::Table, DevelopmentGoalLinks::GoalId)),
            )
            .left_join(
                DevelopmentGoalCompetences::Table,
                built(DevelopmentGoalCompetences::ItemId)
                    .equals((DevelopmentGoalLinks::Table, DevelopmentGoalLinks::ItemId)),
            )
            .and_where(
                link(DevelopmentGoalLinks::ItemId).in_subquery(
                    Query::select()
                        .column((DevelopmentGoals::Table, DevelopmentGoals::ItemId))
                        .from(DevelopmentGoals::Table)
                        .and_where(
                            Expr::col((DevelopmentGoals::Table, DevelopmentGoals::ConversationId))
                                .in_subquery(signed),
                        )
                        .to_owned(),
                ),
            )
            .group_by_col((up, serves))
            .to_owned(),
    )
}

/// The whole organisation's counts of a cycle and what else they were counted from: kept under
/// the cycle's `figures_revisions` counter (see [`crate::revisions`]), good while these match.
#[derive(Debug)]
pub(crate) struct Kept {
    judged: Judgement,
    held_by: NaiveDate,
    pairs: Vec<(GoalId, GoalId)>,
    per_unit: Arc<HashMap<UnitId, Tally>>,
    served: HashMap<GoalId, Served>,
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
    /// What the organisation's figures for a cycle are made from, as they stand on the day
    /// judged; `pairs` are [`domain::effect::serving_pairs`] of the organisation's goals. Kept in
    /// memory while nothing they are counted from changed.
    pub async fn effect_counts(
        &self,
        org: OrgId,
        cycle: &Cycle,
        judged: Judgement,
        pairs: &[(GoalId, GoalId)],
    ) -> Result<Counted> {
        let kept = self.organisation_effect(org, cycle, judged, pairs).await?;
        let mut total = Tally::default();
        kept.per_unit.values().for_each(|t| total.add(t));
        Ok(total.counted(kept.served.clone()))
    }

    /// The organisation's shares of a cycle per unit of their people (as they are placed now),
    /// kept with [`Db::effect_counts`].
    pub async fn effect_per_unit(
        &self,
        org: OrgId,
        cycle: &Cycle,
        judged: Judgement,
        pairs: &[(GoalId, GoalId)],
    ) -> Result<Arc<HashMap<UnitId, Tally>>> {
        Ok(self
            .organisation_effect(org, cycle, judged, pairs)
            .await?
            .per_unit
            .clone())
    }

    async fn organisation_effect(
        &self,
        org: OrgId,
        cycle: &Cycle,
        judged: Judgement,
        pairs: &[(GoalId, GoalId)],
    ) -> Result<Arc<Kept>> {
        let revision = self
            .cycle_revision(FiguresRevisions::Table, cycle.id)
            .await?;
        let held_by = cycle.timeline.conversations_to();
        let same =
            |kept: &Kept| kept.judged == judged && kept.held_by == held_by && kept.pairs == pairs;
        if let Some(kept) = self
            .effect_counts
            .get((org, cycle.id), revision)
            .filter(|kept| same(kept))
        {
            return Ok(kept);
        }
        let kept = Arc::new(Kept {
            judged,
            held_by,
            pairs: pairs.to_vec(),
            per_unit: Arc::new(self.tallies(org, cycle, judged).await?),
            served: self.served(org, cycle, pairs).await?,
        });
        self.effect_counts
            .put((org, cycle.id), revision, kept.clone());
        Ok(kept)
    }

    /// The organisation's shares of a cycle per unit of its people.
    async fn tallies(
        &self,
        org: OrgId,
        cycle: &Cycle,
        judged: Judgement,
    ) -> Result<HashMap<UnitId, Tally>> {
        let today = judged.today;
        let mut tallies: HashMap<UnitId, Tally> = HashMap::new();
        let people: Vec<PeopleRow> = self.all(&per_person(org, cycle)).await?;
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
        let actions: Vec<ActionsRow> = self.all(&actions(signed(org, cycle), today)).await?;
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
        let stale = stale_among(org, cycle.id, members(org), judged);
        for (figure, statement) in [
            (Figure::FollowUpsHeld, follow_ups(signed(org, cycle), today)),
            (Figure::Stale, stale),
            (Figure::Achieved, achieved(signed(org, cycle))),
        ] {
            let rows: UnitPairs = self.all(&statement).await?;
            for (n, part, unit) in rows {
                let tally = tallies.entry(UnitId(unit)).or_default();
                tally.set(figure, share((n, part)));
            }
        }
        Ok(tallies)
    }

    /// The red thread of the organisation's development goals in a cycle.
    async fn served(
        &self,
        org: OrgId,
        cycle: &Cycle,
        pairs: &[(GoalId, GoalId)],
    ) -> Result<HashMap<GoalId, Served>> {
        let rows: Vec<(Uuid, i64, i64)> = match served(signed(org, cycle), pairs) {
            Some(query) => self.all(&query).await?,
            None => Vec::new(),
        };
        Ok(rows
            .into_iter()
            .map(|(goal, dev_goals, competences)| {
                let served = Served {
                    dev_goals: dev_goals as usize,
                    competences: competences as usize,
                };
                (GoalId(goal), served)
            })
            .collect())
    }
}
