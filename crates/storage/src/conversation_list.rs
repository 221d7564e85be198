//! Conversations listed a page at a time in the order of their stage, with both parties' names:
//! an organisation has a quarter of a million of them after five years, so the database sorts
//! and counts, and only one page is read.

use crate::conversations::{ConversationRow, select};
use crate::db::Db;
use crate::schema::{Conversations as C, People};
use crate::{Reach, Result};
use domain::conversation::{Conversation, Stage};
use domain::{CycleId, OrgId};
use sea_query::{Alias, Asterisk, Cond, Expr, Func, JoinType, Order, Query, SimpleExpr};
use std::collections::HashMap;

/// A conversation on a list, with its stage and both parties' names.
#[derive(Clone, Debug, PartialEq)]
pub struct ConversationLine {
    pub conversation: Conversation,
    pub stage: Stage,
    pub employee: String,
    pub leader: String,
}

/// One page of a list of conversations, and the count of each stage over the whole list.
#[derive(Clone, Debug, Default)]
pub struct ConversationPage {
    pub lines: Vec<ConversationLine>,
    pub counts: HashMap<Stage, usize>,
}

impl ConversationPage {
    pub fn total(&self) -> usize {
        self.counts.values().sum()
    }
}

#[derive(sqlx::FromRow)]
struct LineRow {
    #[sqlx(flatten)]
    conversation: ConversationRow,
    stage: i32,
    employee_name: String,
    leader_name: String,
}

/// [`Conversation::stage`] as SQL: the position of the stage in [`Stage::ALL`], from the
/// conversation's own columns (its marks are kept on it by triggers). The list's test holds the
/// two to the same answer for every conversation it lists.
pub(crate) fn stage() -> SimpleExpr {
    let col = |c: C| Expr::col((C::Table, c));
    let at =
        |stage: Stage| Expr::val(Stage::ALL.iter().position(|s| *s == stage).unwrap_or(0) as i32);
    Expr::case(col(C::Cancelled).eq(true), at(Stage::Cancelled))
        .case(col(C::StartsAt).is_null(), at(Stage::NotScheduled))
        .case(col(C::Agreed).eq(true), at(Stage::Agreed))
        .case(col(C::HeldAt).is_not_null(), at(Stage::Held))
        .case(col(C::Prepared).eq(true), at(Stage::Preparing))
        .finally(at(Stage::Scheduled))
        .into()
}

/// A person's name by the id in a column of the conversation.
fn name_of(person: C) -> SimpleExpr {
    SimpleExpr::SubQuery(
        None,
        Box::new(
            Query::select()
                .column((People::Table, People::Name))
                .from(People::Table)
                .and_where(Expr::col((People::Table, People::Id)).equals((C::Table, person)))
                .to_owned()
                .into_sub_query_statement(),
        ),
    )
}

/// The stages (by position) that lines `offset..offset + limit` of the list fall in, given each
/// stage's count, and how many lines come before the first of them.
fn overlapped(counts: &HashMap<Stage, usize>, offset: u64, limit: u64) -> (Vec<i32>, u64) {
    let (mut overlapped, mut before, mut start) = (Vec::new(), 0, 0);
    for (position, stage) in (0..).zip(Stage::ALL) {
        let end = start + counts.get(&stage).map_or(0, |n| *n as u64);
        if end <= offset {
            before = end;
        } else if start < offset.saturating_add(limit) && end > start {
            overlapped.push(position);
        }
        start = end;
    }
    (overlapped, before)
}

impl Db {
    /// The conversations within reach, of one cycle or of all: the page at `offset`, ordered by
    /// stage, then by the employee's name; and how many stand at each stage.
    pub async fn conversations_by_stage(
        &self,
        org: OrgId,
        reach: Reach<'_>,
        cycle: Option<CycleId>,
        offset: u64,
        limit: u64,
    ) -> Result<ConversationPage> {
        let within = Cond::all()
            .add(reach.condition(org))
            .add_option(cycle.map(|c| Expr::col((C::Table, C::CycleId)).eq(c.0)));
        // The organisation's are kept per cycle; a leader's are counted.
        let counts = match reach {
            Reach::Organisation => {
                let cycles = match cycle {
                    Some(cycle) => vec![cycle],
                    None => self.cycles(org).await?.iter().map(|c| c.id).collect(),
                };
                self.organisation_conversation_stages(org, &cycles).await?
            }
            _ => {
                let counted: Vec<(i32, i64)> = self
                    .all(
                        Query::select()
                            .expr_as(stage(), Alias::new("stage"))
                            .expr(Func::count(Expr::col(Asterisk)))
                            .from(C::Table)
                            .cond_where(within.clone())
                            .group_by_col(Alias::new("stage")),
                    )
                    .await?;
                counted
                    .into_iter()
                    .filter_map(|(position, n)| {
                        Some((*Stage::ALL.get(position as usize)?, n as usize))
                    })
                    .collect()
            }
        };
        // Only the stages the page overlaps are named and sorted: most of an organisation's
        // conversations stand agreed, and the first pages are of the earlier stages.
        let (overlapped, before) = overlapped(&counts, offset, limit);
        let rows: Vec<LineRow> = if overlapped.is_empty() {
            Vec::new()
        } else {
            // The page's conversations are chosen by their employee's name alone; only those
            // are read whole and given their leader's name.
            let chosen = Alias::new("chosen");
            let employee_name = Alias::new("employee_name");
            let page = Query::select()
                .expr_as(Expr::col((C::Table, C::Id)), Alias::new("chosen_id"))
                .expr_as(name_of(C::EmployeeId), employee_name.clone())
                .from(C::Table)
                .cond_where(within)
                .and_where(Expr::expr(stage()).is_in(overlapped))
                .order_by_expr(stage(), Order::Asc)
                .order_by(employee_name.clone(), Order::Asc)
                .order_by((C::Table, C::Id), Order::Asc)
                .limit(limit)
                .offset(offset - before)
                .to_owned();
            self.all(
                select()
                    .expr_as(stage(), Alias::new("stage"))
                    .column((chosen.clone(), employee_name.clone()))
                    .expr_as(name_of(C::LeaderId), Alias::new("leader_name"))
                    .join_subquery(
                        JoinType::InnerJoin,
                        page,
                        chosen.clone(),
                        Expr::col((chosen.clone(), Alias::new("chosen_id")))
                            .equals((C::Table, C::Id)),
                    )
                    .order_by(Alias::new("stage"), Order::Asc)
                    .order_by((chosen, employee_name), Order::Asc)
                    .order_by((C::Table, C::Id), Order::Asc),
            )
            .await?
        };
        let at = |position: i32| Stage::ALL.get(position as usize).copied();
        Ok(ConversationPage {
            lines: rows
                .into_iter()
                .filter_map(|row| {
                    Some(ConversationLine {
                        stage: at(row.stage)?,
                        conversation: row.conversation.into(),
                        employee: row.employee_name,
                        leader: row.leader_name,
                    })
                })
                .collect(),
            counts: counts.into_iter().filter(|(_, n)| *n > 0).collect(),
        })
    }
}
