//! A cycle's overview: where each person's conversation stands, counted per unit by the
//! database (an organisation has tens of thousands of people), and the people of a few units
//! read for the page shown.

use crate::Result;
use crate::conversation_list::stage;
use crate::db::Db;
use crate::drawer::as_flag;
use crate::people::{led_by, rows_to_people, select};
use crate::schema::{Conversations, People};
use domain::conversation::Stage;
use domain::person::Person;
use domain::{CycleId, OrgId, PersonId, UnitId};
use sea_query::{Alias, Cond, Expr, Func, JoinType, Query, SimpleExpr};
use uuid::Uuid;

/// Whose conversations an overview shows: everyone's, or those of the people a leader leads
/// (in `units`, or reporting to them explicitly).
#[derive(Clone, Copy, Debug)]
pub enum Staff<'a> {
    Organisation,
    LedBy {
        leader: PersonId,
        units: &'a [UnitId],
    },
}

impl Staff<'_> {
    /// The active people of the organisation who are staff, on the `people` table.
    fn condition(self, org: OrgId) -> Cond {
        let col = |c: People| Expr::col((People::Table, c));
        let active = Cond::all()
            .add(col(People::OrgId).eq(org.0))
            .add(col(People::Active).eq(true));
        match self {
            Staff::Organisation => active,
            Staff::LedBy { leader, units } => active
                .add(col(People::Id).in_subquery(led_by(leader, units)))
                .add(col(People::Id).ne(leader.0)),
        }
    }
}

/// How many of a unit's staff stand at one stage of the cycle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StageCount {
    pub unit: UnitId,
    pub stage: Stage,
    pub people: usize,
}

/// Joins each person on the `people` table to their conversation of the cycle.
pub(crate) fn their_conversation(cycle: CycleId) -> SimpleExpr {
    let conversation = |c: Conversations| Expr::col((Conversations::Table, c));
    conversation(Conversations::EmployeeId)
        .equals((People::Table, People::Id))
        .and(conversation(Conversations::CycleId).eq(cycle.0))
}

/// A unit's count at one stage of a cycle; see [`Db::stage_rows`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct UnitStage {
    pub(crate) unit: UnitId,
    pub(crate) stage: Stage,
    pub(crate) people: usize,
    pub(crate) conversations: usize,
}

impl Db {
    /// Per unit and stage, how many of the staff's conversations of the cycle stand there;
    /// someone without a conversation is not scheduled. The whole organisation's are kept in
    /// memory (see [`crate::stages_kept`]); a leader's are counted.
    pub async fn stages_per_unit(
        &self,
        org: OrgId,
        cycle: CycleId,
        staff: Staff<'_>,
    ) -> Result<Vec<StageCount>> {
        match staff {
            Staff::Organisation => self.organisation_stages(org, cycle).await,
            Staff::LedBy { .. } => Ok(self
                .stage_rows(cycle, staff.condition(org))
                .await?
                .into_iter()
                .map(|row| StageCount {
                    unit: row.unit,
                    stage: row.stage,
                    people: row.people,
                })
                .collect()),
        }
    }

    /// Per unit and stage of a cycle, among the people `within`: how many of the active ones
    /// stand there (someone without a conversation is not scheduled) and how many
    /// conversations, of anyone.
    pub(crate) async fn stage_rows(&self, cycle: CycleId, within: Cond) -> Result<Vec<UnitStage>> {
        let active = as_flag(Expr::col((People::Table, People::Active)).eq(true));
        // With no conversation joined its start is null: `stage` says not scheduled.
        let rows: Vec<(Uuid, i32, i64, i64)> = self
            .all(
                Query::select()
                    .column((People::Table, People::UnitId))
                    .expr_as(stage(), Alias::new("stage"))
                    .expr(Func::sum(active))
                    .expr(Func::count(Expr::col((
                        Conversations::Table,
                        Conversations::Id,
                    ))))
                    .from(People::Table)
                    .join(
                        JoinType::LeftJoin,
                        Conversations::Table,
                        their_conversation(cycle),
                    )
                    .cond_where(within)
                    .group_by_col((People::Table, People::UnitId))
                    .group_by_col(Alias::new("stage")),
            )
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(unit, stage, people, conversations)| {
                Some(UnitStage {
                    unit: UnitId(unit),
                    stage: *Stage::ALL.get(stage as usize)?,
                    people: people as usize,
                    conversations: conversations as usize,
                })
            })
            .collect())
    }

    /// The active staff in these units.
    pub async fn staff_in(
        &self,
        org: OrgId,
        staff: Staff<'_>,
        units: &[UnitId],
    ) -> Result<Vec<Person>> {
        if units.is_empty() {
            return Ok(Vec::new());
        }
        let rows = self
            .all(select().cond_where(staff.condition(org)).and_where(
                Expr::col((People::Table, People::UnitId)).is_in(units.iter().map(|u| u.0)),
            ))
            .await?;
        rows_to_people(rows)
    }
}
