//! People of an organisation.

use crate::db::{Db, now};
use crate::schema::People;
use crate::{Result, StorageError};
use domain::person::{Email, Person};
use domain::{OrgId, PersonId, UnitId};
use sea_query::{
    Asterisk, Cond, Expr, Func, InsertStatement, Order, Query, SelectStatement, SimpleExpr,
    UpdateStatement,
};
use std::collections::HashMap;
use uuid::Uuid;

#[derive(sqlx::FromRow)]
pub(crate) struct PersonRow {
    id: Uuid,
    org_id: Uuid,
    unit_id: Uuid,
    name: String,
    email: String,
    job_title: String,
    leader_id: Option<Uuid>,
    active: bool,
}

impl TryFrom<PersonRow> for Person {
    type Error = StorageError;
    fn try_from(row: PersonRow) -> Result<Self> {
        Ok(Person {
            id: PersonId(row.id),
            org_id: OrgId(row.org_id),
            unit_id: UnitId(row.unit_id),
            email: Email::parse(&row.email)
                .map_err(|_| StorageError::Corrupt(format!("e-mail {}", row.email)))?,
            name: row.name,
            job_title: row.job_title,
            leader_id: row.leader_id.map(PersonId),
            active: row.active,
        })
    }
}

/// The columns a [`PersonRow`] is read from.
pub(crate) const PERSON_COLUMNS: [People; 8] = [
    People::Id,
    People::OrgId,
    People::UnitId,
    People::Name,
    People::Email,
    People::JobTitle,
    People::LeaderId,
    People::Active,
];

pub(crate) fn select() -> SelectStatement {
    Query::select()
        .columns(PERSON_COLUMNS)
        .from(People::Table)
        .to_owned()
}

pub(crate) fn rows_to_people(rows: Vec<PersonRow>) -> Result<Vec<Person>> {
    rows.into_iter().map(Person::try_from).collect()
}

/// Above this many ids, [`Db::people_by_ids`] reads the whole organisation instead.
const MANY_IDS: usize = 2_000;

/// Above this many people, [`Db::team_page`] walks the organisation by name to fill a page.
const MANY_LED: usize = 1_000;

/// The ids of the people whose explicit leader is `leader` or who work in one of `units`. Only
/// the two indexed columns, and no organisation: with one, SQLite would walk the whole
/// organisation's people instead of the leader's few. The callers scope to the organisation.
/// No units add no condition: an empty `IN` would be written as a constant SQLite cannot see
/// through, and it would walk every person to test it.
pub(crate) fn led_by(leader: PersonId, units: &[UnitId]) -> SelectStatement {
    Query::select()
        .column(People::Id)
        .from(People::Table)
        .cond_where(led(leader, units))
        .to_owned()
}

/// Led explicitly by `leader` or working in one of `units`, on the `people` table.
fn led(leader: PersonId, units: &[UnitId]) -> Cond {
    let col = |c: People| Expr::col((People::Table, c));
    Cond::any()
        .add(col(People::LeaderId).eq(leader.0))
        .add_option(
            (!units.is_empty()).then(|| col(People::UnitId).is_in(units.iter().map(|u| u.0))),
        )
}

pub(crate) fn insert_stmt(person: &Person) -> InsertStatement {
    let at = now();
    Query::insert()
        .into_table(People::Table)
        .columns(
            PERSON_COLUMNS
                .into_iter()
                .chain([People::CreatedAt, People::UpdatedAt]),
        )
        .values_panic([
            person.id.0.into(),
            person.org_id.0.into(),
            person.unit_id.0.into(),
            person.name.clone().into(),
            person.email.as_str().into(),
            person.job_title.clone().into(),
            person.leader_id.map(|l| l.0).into(),
            person.active.into(),
            at.into(),
            at.into(),
        ])
        .to_owned()
}

/// Updates every editable field; scoped by organisation so that no id reaches across.
pub(crate) fn update_stmt(person: &Person) -> UpdateStatement {
    Query::update()
        .table(People::Table)
        .values([
            (People::UnitId, person.unit_id.0.into()),
            (People::Name, person.name.clone().into()),
            (People::Email, person.email.as_str().into()),
            (People::JobTitle, person.job_title.clone().into()),
            (People::LeaderId, person.leader_id.map(|l| l.0).into()),
            (People::Active, person.active.into()),
            (People::UpdatedAt, now().into()),
        ])
        .and_where(Expr::col(People::OrgId).eq(person.org_id.0))
        .and_where(Expr::col(People::Id).eq(person.id.0))
        .to_owned()
}

impl Db {
    /// Everyone in the organisation, active or not, by name.
    pub async fn people(&self, org: OrgId) -> Result<Vec<Person>> {
        let rows = self
            .all(
                select()
                    .and_where(Expr::col(People::OrgId).eq(org.0))
                    .order_by(People::Name, Order::Asc),
            )
            .await?;
        rows_to_people(rows)
    }

    /// A page of the organisation's people by name, and how many there are in all: a list of
    /// tens of thousands is read a page at a time.
    pub async fn people_page(
        &self,
        org: OrgId,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<Person>, usize)> {
        let rows = self
            .all(
                select()
                    .and_where(Expr::col(People::OrgId).eq(org.0))
                    .order_by(People::Name, Order::Asc)
                    .order_by(People::Id, Order::Asc)
                    .limit(limit)
                    .offset(offset),
            )
            .await?;
        let (total,): (i64,) = self
            .optional(
                Query::select()
                    .expr(Func::count(Expr::col(People::Id)))
                    .from(People::Table)
                    .and_where(Expr::col(People::OrgId).eq(org.0)),
            )
            .await?
            .unwrap_or((0,));
        Ok((rows_to_people(rows)?, total as usize))
    }

    /// The people whose explicit leader is `leader`, or who work in one of `units`.
    pub async fn people_led_by(
        &self,
        org: OrgId,
        leader: PersonId,
        units: &[UnitId],
    ) -> Result<Vec<Person>> {
        let rows = self
            .all(
                select()
                    .and_where(Expr::col(People::OrgId).eq(org.0))
                    .and_where(Expr::col(People::Id).in_subquery(led_by(leader, units)))
                    .and_where(Expr::col(People::Id).ne(leader.0))
                    .order_by(People::Name, Order::Asc),
            )
            .await?;
        rows_to_people(rows)
    }

    /// The first `limit` by name of the active people `leader` leads (see [`Db::people_led_by`]),
    /// and how many there are: the head of a municipality leads tens of thousands.
    pub async fn team_page(
        &self,
        org: OrgId,
        leader: PersonId,
        units: &[UnitId],
        limit: u64,
    ) -> Result<(Vec<Person>, usize)> {
        let col = |c: People| Expr::col((People::Table, c));
        let staff = || {
            Cond::all()
                .add(col(People::OrgId).eq(org.0))
                .add(col(People::Active).eq(true))
                .add(col(People::Id).ne(leader.0))
        };
        let in_units = || col(People::UnitId).is_in(units.iter().map(|u| u.0));
        // Counted in two parts that each read one index: those in the units, and the explicit
        // reports placed elsewhere.
        let count = |cond: Cond| {
            SimpleExpr::SubQuery(
                None,
                Box::new(
                    Query::select()
                        .expr(Func::count(Expr::col(Asterisk)))
                        .from(People::Table)
                        .cond_where(cond)
                        .to_owned()
                        .into_sub_query_statement(),
                ),
            )
        };
        let (total,): (i64,) = self
            .optional(
                Query::select().expr(
                    count(staff().add(in_units())).add(count(
                        staff()
                            .add(col(People::LeaderId).eq(leader.0))
                            .add(col(People::UnitId).is_not_in(units.iter().map(|u| u.0))),
                    )),
                ),
            )
            .await?
            .unwrap_or((0,));
        let total = total as usize;
        // Most people lead no one: nothing more to read.
        if total == 0 {
            return Ok((Vec::new(), 0));
        }
        // Many are best read in name order until the page is full, few looked up and sorted;
        // SQLite plans each form one way whatever the size, so the count chooses.
        let led = if total > MANY_LED {
            led(leader, units)
        } else {
            Cond::all().add(col(People::Id).in_subquery(led_by(leader, units)))
        };
        let rows = self
            .all(
                select()
                    .cond_where(staff().add(led))
                    .order_by(People::Name, Order::Asc)
                    .order_by(People::Id, Order::Asc)
                    .limit(limit),
            )
            .await?;
        Ok((rows_to_people(rows)?, total))
    }

    /// The people with these ids in the organisation (ids elsewhere are silently left out).
    pub async fn people_by_ids(&self, org: OrgId, ids: &[PersonId]) -> Result<Vec<Person>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        // Past a few thousand ids, reading the organisation is cheaper than binding them all,
        // and SQLite refuses more than 32,766 parameters.
        if ids.len() > MANY_IDS {
            let wanted: std::collections::HashSet<&PersonId> = ids.iter().collect();
            let mut everyone = self.people(org).await?;
            everyone.retain(|p| wanted.contains(&p.id));
            return Ok(everyone);
        }
        let rows = self
            .all(
                select()
                    .and_where(Expr::col(People::OrgId).eq(org.0))
                    .and_where(Expr::col(People::Id).is_in(ids.iter().map(|p| p.0))),
            )
            .await?;
        rows_to_people(rows)
    }

    /// Everyone placed in these units, active or not.
    pub async fn people_in_units(&self, org: OrgId, units: &[UnitId]) -> Result<Vec<Person>> {
        let rows = self
            .all(
                select()
                    .and_where(Expr::col(People::OrgId).eq(org.0))
                    .and_where(Expr::col(People::UnitId).is_in(units.iter().map(|u| u.0))),
            )
            .await?;
        rows_to_people(rows)
    }

    /// Active people per unit, counted from an index alone.
    pub async fn headcounts(&self, org: OrgId) -> Result<HashMap<UnitId, usize>> {
        let rows: Vec<(Uuid, i64)> = self
            .all(
                Query::select()
                    .column(People::UnitId)
                    .expr(Func::count(Expr::col(Asterisk)))
                    .from(People::Table)
                    .and_where(Expr::col(People::OrgId).eq(org.0))
                    .and_where(Expr::col(People::Active).eq(true))
                    .group_by_col(People::UnitId),
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|(unit, n)| (UnitId(unit), n as usize))
            .collect())
    }

    pub async fn person(&self, org: OrgId, id: PersonId) -> Result<Person> {
        let row: Option<PersonRow> = self
            .optional(
                select()
                    .and_where(Expr::col(People::OrgId).eq(org.0))
                    .and_where(Expr::col(People::Id).eq(id.0)),
            )
            .await?;
        row.ok_or(StorageError::NotFound)?.try_into()
    }

    /// Looks a person up by e-mail across the installation: e-mail is the login name.
    pub async fn person_by_email(&self, email: &Email) -> Result<Option<Person>> {
        let row: Option<PersonRow> = self
            .optional(select().and_where(Expr::col(People::Email).eq(email.as_str())))
            .await?;
        row.map(Person::try_from).transpose()
    }

    /// Inserts a person; an e-mail already in use gives [`StorageError::Conflict`].
    pub async fn insert_person(&self, person: &Person) -> Result<()> {
        self.exec(&insert_stmt(person)).await?;
        Ok(())
    }

    pub async fn update_person(&self, person: &Person) -> Result<()> {
        match self.exec(&update_stmt(person)).await? {
            0 => Err(StorageError::NotFound),
            _ => Ok(()),
        }
    }
}
