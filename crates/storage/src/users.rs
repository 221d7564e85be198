//! Users: people who can log in, their password hash, language and granted roles.

use crate::db::{Db, now};
use crate::schema::{People, UserRoles, Users};
use crate::{Result, StorageError};
use domain::locale::Locale;
use domain::person::{Email, Person};
use domain::role::{GrantedRoles, Role};
use domain::{OrgId, PersonId};
use sea_query::{Expr, OnConflict, Query};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// What login needs to know about a user.
#[derive(Clone, Debug)]
pub struct LoginRecord {
    pub person: Person,
    pub password_hash: String,
    pub locale: Locale,
}

/// A user as the administration page lists them.
#[derive(Clone, Debug)]
pub struct UserSummary {
    pub person: Person,
    pub can_log_in: bool,
    pub granted: GrantedRoles,
}

#[derive(sqlx::FromRow)]
struct UserRow {
    password_hash: String,
    locale: String,
}

impl Db {
    pub async fn login_record(&self, email: &Email) -> Result<Option<LoginRecord>> {
        let Some(person) = self.person_by_email(email).await? else {
            return Ok(None);
        };
        let row: Option<UserRow> = self
            .optional(
                Query::select()
                    .columns([Users::PasswordHash, Users::Locale])
                    .from(Users::Table)
                    .and_where(Expr::col(Users::PersonId).eq(person.id.0)),
            )
            .await?;
        Ok(row.map(|row| LoginRecord {
            person,
            password_hash: row.password_hash,
            locale: row.locale.parse().unwrap_or_default(),
        }))
    }

    /// The language of every user of the organisation: who can be mailed, and in what.
    pub async fn user_locales(&self, org: OrgId) -> Result<HashMap<PersonId, Locale>> {
        let rows: Vec<(Uuid, String)> = self
            .all(
                Query::select()
                    .columns([
                        (Users::Table, Users::PersonId),
                        (Users::Table, Users::Locale),
                    ])
                    .from(Users::Table)
                    .inner_join(
                        People::Table,
                        Expr::col((People::Table, People::Id))
                            .equals((Users::Table, Users::PersonId)),
                    )
                    .and_where(Expr::col((People::Table, People::OrgId)).eq(org.0))
                    .and_where(Expr::col((People::Table, People::Active)).eq(true)),
            )
            .await?;
        Ok(rows
            .into_iter()
            .map(|(id, locale)| (PersonId(id), locale.parse().unwrap_or_default()))
            .collect())
    }

    /// Sets (or replaces) a person's password hash, making them a user.
    pub async fn set_password_hash(&self, person: PersonId, hash: &str) -> Result<()> {
        self.exec(
            Query::insert()
                .into_table(Users::Table)
                .columns([
                    Users::PersonId,
                    Users::PasswordHash,
                    Users::Locale,
                    Users::CreatedAt,
                ])
                .values_panic([
                    person.0.into(),
                    hash.into(),
                    Locale::default().code().into(),
                    now().into(),
                ])
                .on_conflict(
                    OnConflict::column(Users::PersonId)
                        .update_column(Users::PasswordHash)
                        .to_owned(),
                ),
        )
        .await?;
        Ok(())
    }

    /// Remembers a user's language. Does nothing for people without a login.
    pub async fn set_user_locale(&self, person: PersonId, locale: Locale) -> Result<()> {
        self.exec(
            Query::update()
                .table(Users::Table)
                .value(Users::Locale, locale.code())
                .and_where(Expr::col(Users::PersonId).eq(person.0)),
        )
        .await?;
        Ok(())
    }

    pub async fn granted_roles(&self, person: PersonId) -> Result<GrantedRoles> {
        let rows: Vec<(String,)> = self
            .all(
                Query::select()
                    .column(UserRoles::Role)
                    .from(UserRoles::Table)
                    .and_where(Expr::col(UserRoles::PersonId).eq(person.0)),
            )
            .await?;
        let roles = rows
            .into_iter()
            .map(|(r,)| {
                r.parse::<Role>()
                    .map_err(|_| StorageError::Corrupt(format!("role {r}")))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(GrantedRoles::from_roles(roles))
    }

    /// Replaces a person's granted roles in one transaction.
    pub async fn set_granted_roles(&self, person: PersonId, granted: GrantedRoles) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.c()
            .exec(
                Query::delete()
                    .from_table(UserRoles::Table)
                    .and_where(Expr::col(UserRoles::PersonId).eq(person.0)),
            )
            .await?;
        for role in granted.roles() {
            tx.c()
                .exec(
                    Query::insert()
                        .into_table(UserRoles::Table)
                        .columns([UserRoles::PersonId, UserRoles::Role])
                        .values_panic([person.0.into(), role.as_str().into()]),
                )
                .await?;
        }
        tx.commit().await
    }

    /// Everyone in the organisation with their login and roles, by name, for the users page.
    pub async fn user_summaries(&self, org: OrgId) -> Result<Vec<UserSummary>> {
        let logins: Vec<(Uuid,)> = self
            .all(
                Query::select()
                    .column((Users::Table, Users::PersonId))
                    .from(Users::Table)
                    .inner_join(
                        People::Table,
                        Expr::col((People::Table, People::Id))
                            .equals((Users::Table, Users::PersonId)),
                    )
                    .and_where(Expr::col((People::Table, People::OrgId)).eq(org.0)),
            )
            .await?;
        let roles: Vec<(Uuid, String)> = self
            .all(
                Query::select()
                    .columns([
                        (UserRoles::Table, UserRoles::PersonId),
                        (UserRoles::Table, UserRoles::Role),
                    ])
                    .from(UserRoles::Table)
                    .inner_join(
                        People::Table,
                        Expr::col((People::Table, People::Id))
                            .equals((UserRoles::Table, UserRoles::PersonId)),
                    )
                    .and_where(Expr::col((People::Table, People::OrgId)).eq(org.0)),
            )
            .await?;
        let logins: HashSet<Uuid> = logins.into_iter().map(|(id,)| id).collect();
        let mut granted: HashMap<Uuid, Vec<Role>> = HashMap::new();
        for (id, role) in roles {
            if let Ok(role) = role.parse() {
                granted.entry(id).or_default().push(role);
            }
        }
        let people = self.people(org).await?;
        Ok(people
            .into_iter()
            .map(|person| UserSummary {
                can_log_in: logins.contains(&person.id.0),
                granted: GrantedRoles::from_roles(granted.remove(&person.id.0).unwrap_or_default()),
                person,
            })
            .collect())
    }
}
