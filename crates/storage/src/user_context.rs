//! Everything a request needs about its logged-in user, in one statement: the person, their
//! language, roles and led units, their organisation, and (from memory while the organisation's
//! revisions have not moved) its unit tree and cycles.

use crate::db::Db;
use crate::orgs::OrgRow;
use crate::people::{PERSON_COLUMNS, PersonRow};
use crate::revisions::Revisions;
use crate::schema::{Organisations, People, Sessions, Units, UserRoles, Users};
use crate::sessions::{SessionRecord, SessionRow, live_session};
use crate::{Result, StorageError};
use domain::cycle::Cycle;
use domain::locale::Locale;
use domain::org::{Organisation, UnitTree};
use domain::person::Person;
use domain::role::{GrantedRoles, Role};
use domain::{PersonId, UnitId};
use sea_query::{Alias, Expr, JoinType, Query, SelectStatement};
use std::sync::Arc;
use uuid::Uuid;

/// Everything a request needs about its logged-in user.
#[derive(Clone, Debug)]
pub struct UserContext {
    pub person: Person,
    pub org: Organisation,
    pub locale: Locale,
    pub granted: GrantedRoles,
    pub led_units: Vec<UnitId>,
    /// Whether anyone active names this person as their leader: with no led units either,
    /// they lead no one.
    pub has_reports: bool,
    /// The organisation's unit tree and cycles (newest first) as of this read.
    pub units: Arc<UnitTree>,
    pub cycles: Arc<Vec<Cycle>>,
    /// The organisation's revision counters as read with the user, for what else is kept.
    pub revisions: Revisions,
}

/// One row per role and led unit (at least one): the person's columns repeat.
#[derive(sqlx::FromRow)]
struct ContextRow {
    #[sqlx(flatten)]
    person: PersonRow,
    locale: String,
    role: Option<String>,
    led_unit: Option<Uuid>,
    has_reports: bool,
    org_name: String,
    org_slug: String,
    anonymity_threshold: i32,
    draft_retention_days: i32,
    stale_after_days: i32,
    escalate_after_days: i32,
    units_revision: i64,
    cycles_revision: i64,
    goals_revision: i64,
}

/// A [`ContextRow`] with the session it was read for.
#[derive(sqlx::FromRow)]
struct SessionContextRow {
    #[sqlx(flatten)]
    session: SessionRow,
    #[sqlx(flatten)]
    context: ContextRow,
}

impl Db {
    /// The user behind a session: `None` when the person is gone, deactivated or has no login.
    pub async fn user_context(&self, person: PersonId) -> Result<Option<UserContext>> {
        let rows: Vec<ContextRow> = self
            .all(context_of().and_where(Expr::col((People::Table, People::Id)).eq(person.0)))
            .await?;
        self.context_from(rows).await
    }

    /// The live session with this hash and the user it is logged in as (`None` as for
    /// [`Db::user_context`]): one statement for a logged-in user, as every request asks.
    pub async fn session_user(
        &self,
        id_hash: &str,
    ) -> Result<Option<(SessionRecord, Option<UserContext>)>> {
        let rows: Vec<SessionContextRow> = self
            .all(live_session(
                context_of().inner_join(
                    Sessions::Table,
                    Expr::col((Sessions::Table, Sessions::PersonId))
                        .equals((People::Table, People::Id)),
                ),
                id_hash,
            ))
            .await?;
        let (sessions, rows): (Vec<_>, Vec<_>) =
            rows.into_iter().map(|r| (r.session, r.context)).unzip();
        match sessions.into_iter().next() {
            Some(session) => Ok(Some((session.into(), self.context_from(rows).await?))),
            // Not logged in, or no longer a user: the session alone.
            None => Ok(self.session(id_hash).await?.map(|s| (s, None))),
        }
    }

    async fn context_from(&self, rows: Vec<ContextRow>) -> Result<Option<UserContext>> {
        let mut roles = Vec::new();
        let mut led_units = Vec::new();
        for row in &rows {
            if let Some(role) = &row.role {
                roles.push(
                    role.parse::<Role>()
                        .map_err(|_| StorageError::Corrupt(format!("role {role}")))?,
                );
            }
            if let Some(unit) = row.led_unit.map(UnitId)
                && !led_units.contains(&unit)
            {
                led_units.push(unit);
            }
        }
        let Some(row) = rows.into_iter().next() else {
            return Ok(None);
        };
        let person = Person::try_from(row.person)?;
        let org = Organisation::from(OrgRow {
            id: person.org_id.0,
            name: row.org_name,
            slug: row.org_slug,
            anonymity_threshold: row.anonymity_threshold,
            draft_retention_days: row.draft_retention_days,
            stale_after_days: row.stale_after_days,
            escalate_after_days: row.escalate_after_days,
        });
        Ok(Some(UserContext {
            units: self.unit_tree_at(org.id, row.units_revision).await?,
            cycles: self.cycles_at(org.id, row.cycles_revision).await?,
            revisions: Revisions {
                units: row.units_revision,
                cycles: row.cycles_revision,
                goals: row.goals_revision,
            },
            locale: row.locale.parse().unwrap_or_default(),
            granted: GrantedRoles::from_roles(roles),
            led_units,
            has_reports: row.has_reports,
            org,
            person,
        }))
    }
}

/// The [`ContextRow`]s of active people with a login; the caller says which.
fn context_of() -> SelectStatement {
    let p = |c: People| (People::Table, c);
    let o = |c: Organisations| (Organisations::Table, c);
    let report = |c: People| Expr::col((Alias::new("report"), c));
    Query::select()
        .columns(PERSON_COLUMNS.map(p))
        .column((Users::Table, Users::Locale))
        .column((UserRoles::Table, UserRoles::Role))
        .expr_as(Expr::col((Units::Table, Units::Id)), Alias::new("led_unit"))
        .expr_as(
            Expr::exists(
                Query::select()
                    .expr(Expr::val(1))
                    .from_as(People::Table, Alias::new("report"))
                    .and_where(report(People::LeaderId).equals(p(People::Id)))
                    .and_where(report(People::Active).eq(true))
                    .to_owned(),
            ),
            Alias::new("has_reports"),
        )
        .expr_as(Expr::col(o(Organisations::Name)), Alias::new("org_name"))
        .expr_as(Expr::col(o(Organisations::Slug)), Alias::new("org_slug"))
        .columns([
            o(Organisations::AnonymityThreshold),
            o(Organisations::DraftRetentionDays),
            o(Organisations::StaleAfterDays),
            o(Organisations::EscalateAfterDays),
            o(Organisations::UnitsRevision),
            o(Organisations::CyclesRevision),
            o(Organisations::GoalsRevision),
        ])
        .from(People::Table)
        .inner_join(
            Users::Table,
            Expr::col((Users::Table, Users::PersonId)).equals(p(People::Id)),
        )
        .inner_join(
            Organisations::Table,
            Expr::col(o(Organisations::Id)).equals(p(People::OrgId)),
        )
        .join(
            JoinType::LeftJoin,
            UserRoles::Table,
            Expr::col((UserRoles::Table, UserRoles::PersonId)).equals(p(People::Id)),
        )
        .join(
            JoinType::LeftJoin,
            Units::Table,
            Expr::col((Units::Table, Units::OrgId))
                .equals(p(People::OrgId))
                .and(Expr::col((Units::Table, Units::LeaderId)).equals(p(People::Id))),
        )
        .and_where(Expr::col(p(People::Active)).eq(true))
        .to_owned()
}
