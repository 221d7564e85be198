//! A group's effect figures for one cycle, counted by the database: what
//! [`domain::effect::Figures::of`] computes from every conversation, agreement and follow-up,
//! here from narrow rows (conversations, agreement items, development goals and their reviews,
//! follow-ups), so that an organisation's dashboard reads a few counts instead of five years of
//! documents. A test holds every figure to `Figures::of` on both backends.

use crate::db::Db;
use crate::drawer::{Judgement, stale_among};
use crate::schema::{
    AgreementItems, Agreements, Conversations, DevelopmentGoalCompetences, DevelopmentGoalLinks,
    DevelopmentGoals, FiguresRevisions, FollowUps, GoalReviews, People, ProgressUpdates,
};
use crate::{Reach, Result, StorageError};
use chrono::{Days, NaiveDate, TimeZone};
use domain::agreement::Progress;
use domain::conversation::TIME_ZONE;
use domain::cycle::Cycle;
use domain::effect::{Counted, Figure, Served, Share};
use domain::{GoalId, OrgId, PersonId, UnitId};
use sea_query::{
    Alias, Expr, Func, JoinType, Order, Query, SelectStatement, SimpleExpr, UnionType,
};
use std::collections::HashMap;
use std::sync::Arc;
use uuid::Uuid;

/// Whose figures: the people of the organisation or of some units who are active, or one
/// person, active or not.
#[derive(Clone, Copy, Debug)]
pub enum Whose<'a> {
    Organisation,
    Units(&'a [UnitId]),
    Person(PersonId),
}

impl Whose<'_> {
    /// Their conversations, so that a small group's are found by its people's indexes.
    fn reach(&self) -> Reach<'_> {
        match *self {
            Whose::Organisation => Reach::Organisation,
            Whose::Units(units) => Reach::Members(units),
            Whose::Person(id) => Reach::Employee(id),
        }
    }

    /// The ids of the group's people.
    fn members(self, org: OrgId) -> SelectStatement {
        let person = |c: People| Expr::col((People::Table, c));
        let mut select = Query::select()
            .column((People::Table, People::Id))
            .from(People::Table)
            .and_where(person(People::OrgId).eq(org.0))
            .to_owned();
        match self {
            Whose::Organisation => select.and_where(person(People::Active).eq(true)),
            Whose::Units(units) => select
                .and_where(person(People::Active).eq(true))
                .and_where(person(People::UnitId).is_in(units.iter().map(|u| u.0))),
            Whose::Person(id) => select.and_where(person(People::Id).eq(id.0)),
        };
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

/// The one row of an aggregate.
fn one<T>(rows: Vec<T>) -> Result<T> {
    rows.into_iter().next().ok_or(StorageError::NotFound)
}

fn flag(condition: SimpleExpr) -> SimpleExpr {
    Func::sum(Expr::case(condition, 1).finally(0)).into()
}

fn conversation(c: Conversations) -> Expr {
    Expr::col((Conversations::Table, c))
}

/// The conversations of the cycle whose agreement both have signed, of the group's people.
fn signed(org: OrgId, cycle: &Cycle, group: Whose) -> SelectStatement {
    let agreement = |c: Agreements| Expr::col((Agreements::Table, c));
    Query::select()
        .column((Conversations::Table, Conversations::Id))
        .from(Conversations::Table)
        .inner_join(
            Agreements::Table,
            agreement(Agreements::ConversationId).equals((Conversations::Table, Conversations::Id)),
        )
        .cond_where(group.reach().condition(org))
        .and_where(conversation(Conversations::CycleId).eq(cycle.id.0))
        .and_where(conversation(Conversations::EmployeeId).in_subquery(group.members(org)))
        .and_where(agreement(Agreements::EmployeeSignedAt).is_not_null())
        .and_where(agreement(Agreements::LeaderSignedAt).is_not_null())
        .to_owned()
}

/// Scheduled, held, held on time and signed, of every person in the group.
fn per_person(org: OrgId, cycle: &Cycle, group: Whose) -> SelectStatement {
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
        .and_where(Expr::col((People::Table, People::Id)).in_subquery(group.members(org)))
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
    Query::select()
        .expr(Func::count(item(AgreementItems::ItemId)))
        .expr(flag(done()))
        .expr(flag(
            done().and(Expr::expr(done_on).lte(item(AgreementItems::Due))),
        ))
        .expr(flag(open.and(item(AgreementItems::Due).lt(today))))
        .from(AgreementItems::Table)
        .and_where(item(AgreementItems::Kind).eq("action"))
        .and_where(item(AgreementItems::ConversationId).in_subquery(signed))
        .to_owned()
}

/// The follow-ups of the signed agreements due by today, and how many were held.
fn follow_ups(signed: SelectStatement, today: NaiveDate) -> SelectStatement {
    let f = |c: FollowUps| Expr::col((FollowUps::Table, c));
    Query::select()
        .expr(Func::count(f(FollowUps::Id)))
        .expr(flag(f(FollowUps::HeldAt).is_not_null()))
        .from(FollowUps::Table)
        .and_where(f(FollowUps::ConversationId).in_subquery(signed))
        .and_where(f(FollowUps::Due).lte(today))
        .to_owned()
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
    Query::select()
        .expr(Func::count(goal(DevelopmentGoals::ItemId)))
        .expr(flag(Expr::expr(latest).eq(true)))
        .from(DevelopmentGoals::Table)
        .and_where(goal(DevelopmentGoals::ConversationId).in_subquery(signed))
        .to_owned()
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
    counted: Counted,
}

impl Db {
    /// What a group's figures for a cycle are made from, as they stand on the day judged;
    /// `pairs` are [`domain::effect::serving_pairs`] of the organisation's goals. The whole
    /// organisation's are kept in memory while nothing they are counted from changed.
    pub async fn effect_counts(
        &self,
        org: OrgId,
        cycle: &Cycle,
        group: Whose<'_>,
        judged: Judgement,
        pairs: &[(GoalId, GoalId)],
    ) -> Result<Counted> {
        if !matches!(group, Whose::Organisation) {
            return self.count_effect(org, cycle, group, judged, pairs).await;
        }
        let revision: Option<(i64,)> = self
            .optional(
                Query::select()
                    .column(FiguresRevisions::Revision)
                    .from(FiguresRevisions::Table)
                    .and_where(Expr::col(FiguresRevisions::CycleId).eq(cycle.id.0)),
            )
            .await?;
        let revision = revision.map_or(0, |(r,)| r);
        let held_by = cycle.timeline.conversations_to();
        let same =
            |kept: &Kept| kept.judged == judged && kept.held_by == held_by && kept.pairs == pairs;
        if let Some(kept) = self
            .effect_counts
            .get((org, cycle.id), revision)
            .filter(|kept| same(kept))
        {
            return Ok(kept.counted.clone());
        }
        let counted = self.count_effect(org, cycle, group, judged, pairs).await?;
        let kept = Kept {
            judged,
            held_by,
            pairs: pairs.to_vec(),
            counted: counted.clone(),
        };
        self.effect_counts
            .put((org, cycle.id), revision, Arc::new(kept));
        Ok(counted)
    }

    async fn count_effect(
        &self,
        org: OrgId,
        cycle: &Cycle,
        group: Whose<'_>,
        judged: Judgement,
        pairs: &[(GoalId, GoalId)],
    ) -> Result<Counted> {
        let today = judged.today;
        let (people, scheduled, held, on_time, agreed): (i64, _, _, _, Option<i64>) =
            one(self.all(&per_person(org, cycle, group)).await?)?;
        let pair = |part: Option<i64>| share((people, part));
        let (actions, done, done_on_time, overdue): (i64, Option<i64>, Option<i64>, Option<i64>) =
            one(self.all(&actions(signed(org, cycle, group), today)).await?)?;
        let held_follow_ups: Pair = one(self
            .all(&follow_ups(signed(org, cycle, group), today))
            .await?)?;
        let stale: Pair = one(self
            .all(&stale_among(
                org,
                group.reach(),
                cycle.id,
                group.members(org),
                judged,
            ))
            .await?)?;
        let achieved: Pair = one(self.all(&achieved(signed(org, cycle, group))).await?)?;
        let served: Vec<(Uuid, i64, i64)> = match served(signed(org, cycle, group), pairs) {
            Some(query) => self.all(&query).await?,
            None => Vec::new(),
        };
        let of_actions = |part| share((actions, part));
        Ok(Counted {
            people: people as usize,
            shares: vec![
                (Figure::Scheduled, pair(scheduled)),
                (Figure::Held, pair(held)),
                (Figure::HeldOnTime, pair(on_time)),
                (Figure::Signed, pair(agreed)),
                (Figure::ActionsDone, of_actions(done)),
                (Figure::DoneOnTime, of_actions(done_on_time)),
                (Figure::Overdue, of_actions(overdue)),
                (Figure::FollowUpsHeld, share(held_follow_ups)),
                (Figure::Stale, share(stale)),
                (Figure::Achieved, share(achieved)),
            ],
            served: served
                .into_iter()
                .map(|(goal, dev_goals, competences)| {
                    let served = Served {
                        dev_goals: dev_goals as usize,
                        competences: competences as usize,
                    };
                    (GoalId(goal), served)
                })
                .collect::<HashMap<_, _>>(),
            dev_goals: achieved.0 as usize,
        })
    }
}
