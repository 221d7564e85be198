//! A cycle's overview: where each person's conversation stands, counted per unit by the
//! database (an organisation has tens of thousands of people), and the people of a few units
//! read for the page shown.

use crate::Result;
use crate::conversation_list::{position, stage};
use crate::db::Db;
use crate::people::{led_by, rows_to_people, select};
use crate::schema::{Conversations, People};
use domain::conversation::Stage;
use domain::person::Person;
use domain::{CycleId, OrgId, PersonId, UnitId};
use sea_query::{Alias, Cond, Expr, Func, JoinType, Query};
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

/// How many of a unit's staff stand at each stage of the cycle, in the order of [`Stage::ALL`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UnitStages {
    pub unit: UnitId,
    pub people: [usize; Stage::ALL.len()],
}

#[derive(sqlx::FromRow)]
struct UnitStagesRow {
    unit_id: Uuid,
    s0: i64,
    s1: i64,
    s2: i64,
    s3: i64,
    s4: i64,
    s5: i64,
}

impl Db {
    /// Per unit, how many of the staff's conversations of the cycle stand at each stage;
    /// someone without a conversation is not scheduled. One row per unit: the database counts,
    /// and each row handed over costs more than a unit's six sums.
    pub async fn stages_per_unit(
        &self,
        org: OrgId,
        cycle: CycleId,
        staff: Staff<'_>,
    ) -> Result<Vec<UnitStages>> {
        let conversation = |c: Conversations| Expr::col((Conversations::Table, c));
        // Someone with no conversation joined is not scheduled.
        let or_unscheduled =
            || Func::coalesce([stage(), Expr::val(position(Stage::NotScheduled)).into()]);
        let mut select = Query::select()
            .column((People::Table, People::UnitId))
            .from(People::Table)
            .join(
                JoinType::LeftJoin,
                Conversations::Table,
                conversation(Conversations::EmployeeId)
                    .equals((People::Table, People::Id))
                    .and(conversation(Conversations::CycleId).eq(cycle.0)),
            )
            .cond_where(staff.condition(org))
            .group_by_col((People::Table, People::UnitId))
            .to_owned();
        for (n, at) in Stage::ALL.iter().enumerate() {
            select.expr_as(
                Func::sum(Expr::case(Expr::expr(or_unscheduled()).eq(position(*at)), 1).finally(0)),
                Alias::new(format!("s{n}")),
            );
        }
        let rows: Vec<UnitStagesRow> = self.all(&select).await?;
        Ok(rows
            .into_iter()
            .map(|r| UnitStages {
                unit: UnitId(r.unit_id),
                people: [r.s0, r.s1, r.s2, r.s3, r.s4, r.s5].map(|n| n as usize),
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
