//! Whose conversations a query reads. A leader's pages read only their own people's, so that
//! what they cost follows the size of the leader's units, not of the organisation.

use crate::people::led_by;
use crate::schema::{Conversations, People};
use domain::{OrgId, PersonId, UnitId};
use sea_query::{Cond, Expr, IntoColumnRef, Query, SimpleExpr, UnionType};

#[derive(Clone, Copy, Debug)]
pub enum Reach<'a> {
    /// Every conversation of the organisation: HR and the leadership group.
    Organisation,
    /// One employee's own conversations.
    Employee(PersonId),
    /// The conversations a person is a party to: their own and those they hold.
    Party(PersonId),
    /// These employees' conversations: a batch of an organisation-wide job, so that its memory
    /// follows the batch, not the organisation.
    Employees(&'a [PersonId]),
    /// The conversations of everyone placed in these units, active or not: a unit's figures.
    Members(&'a [UnitId]),
    /// The conversations of the people a leader leads (in `units`, or reporting to them
    /// explicitly), the ones the leader holds, and the leader's own.
    Leader {
        leader: PersonId,
        units: &'a [UnitId],
    },
}

impl Reach<'_> {
    /// The condition on the `conversations` table, including the organisation.
    pub(crate) fn condition(&self, org: OrgId) -> Cond {
        let col = |c: Conversations| Expr::col((Conversations::Table, c));
        let in_org = Cond::all().add(col(Conversations::OrgId).eq(org.0));
        match *self {
            Reach::Organisation => in_org,
            Reach::Employee(person) => in_org.add(col(Conversations::EmployeeId).eq(person.0)),
            // Two indexed columns: both backends read each index once and merge.
            Reach::Party(person) => in_org.add(
                Cond::any()
                    .add(col(Conversations::EmployeeId).eq(person.0))
                    .add(col(Conversations::LeaderId).eq(person.0)),
            ),
            Reach::Employees(people) => {
                in_org.add(col(Conversations::EmployeeId).is_in(people.iter().map(|p| p.0)))
            }
            Reach::Members(units) => in_org.add(
                col(Conversations::EmployeeId).in_subquery(
                    Query::select()
                        .column(People::Id)
                        .from(People::Table)
                        .and_where(Expr::col(People::UnitId).is_in(units.iter().map(|u| u.0)))
                        .to_owned(),
                ),
            ),
            // A union of three indexed look-ups rather than one condition with `OR`: given the
            // `OR`, PostgreSQL read every conversation of the organisation to test it.
            Reach::Leader { leader, units } => {
                let ids = |condition: SimpleExpr| {
                    Query::select()
                        .column(Conversations::Id)
                        .from(Conversations::Table)
                        .and_where(condition)
                        .to_owned()
                };
                let mut within =
                    ids(Expr::col(Conversations::EmployeeId).in_subquery(led_by(leader, units)));
                within
                    .union(
                        UnionType::Distinct,
                        ids(Expr::col(Conversations::LeaderId).eq(leader.0)),
                    )
                    .union(
                        UnionType::Distinct,
                        ids(Expr::col(Conversations::EmployeeId).eq(leader.0)),
                    );
                in_org.add(col(Conversations::Id).in_subquery(within))
            }
        }
    }

    /// For a table that names its conversation in `column`: the condition that the
    /// conversation is within reach. None for the whole organisation, whose condition the
    /// caller states on the table itself.
    pub(crate) fn holds(&self, org: OrgId, column: impl IntoColumnRef) -> Option<SimpleExpr> {
        (!matches!(self, Reach::Organisation)).then(|| {
            Expr::col(column).in_subquery(
                Query::select()
                    .column((Conversations::Table, Conversations::Id))
                    .from(Conversations::Table)
                    .cond_where(self.condition(org))
                    .to_owned(),
            )
        })
    }
}
