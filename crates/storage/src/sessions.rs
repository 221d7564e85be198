//! Sessions and failed logins, both in the database so that several MOUSE instances can share
//! one PostgreSQL database.

use crate::Result;
use crate::db::{Db, now};
use crate::schema::{LoginFailures, PendingImports, Sessions};
use chrono::{DateTime, Utc};
use domain::PersonId;
use domain::locale::Locale;
use sea_query::{Alias, Expr, Func, Query, SelectStatement};
use uuid::Uuid;

/// A stored session. The cookie holds a secret; only its hash is stored here.
#[derive(Clone, Debug)]
pub struct SessionRecord {
    pub id_hash: String,
    pub person_id: Option<PersonId>,
    pub csrf_token: String,
    pub locale: Option<Locale>,
    pub expires_at: DateTime<Utc>,
}

/// The session's language is named apart from the user's, which a joined row also holds.
#[derive(sqlx::FromRow)]
pub(crate) struct SessionRow {
    id_hash: String,
    person_id: Option<Uuid>,
    csrf_token: String,
    session_locale: Option<String>,
    expires_at: DateTime<Utc>,
}

impl From<SessionRow> for SessionRecord {
    fn from(row: SessionRow) -> SessionRecord {
        SessionRecord {
            id_hash: row.id_hash,
            person_id: row.person_id.map(PersonId),
            csrf_token: row.csrf_token,
            locale: row.session_locale.and_then(|l| l.parse().ok()),
            expires_at: row.expires_at,
        }
    }
}

/// Reads the live session with this hash, as [`SessionRow`]s are read, in `select`, which
/// holds the sessions table.
pub(crate) fn live_session<'s>(
    select: &'s mut SelectStatement,
    id_hash: &str,
) -> &'s mut SelectStatement {
    let s = |c: Sessions| (Sessions::Table, c);
    select
        .columns([
            s(Sessions::IdHash),
            s(Sessions::PersonId),
            s(Sessions::CsrfToken),
            s(Sessions::ExpiresAt),
        ])
        .expr_as(Expr::col(s(Sessions::Locale)), Alias::new("session_locale"))
        .and_where(Expr::col(s(Sessions::IdHash)).eq(id_hash))
        .and_where(Expr::col(s(Sessions::ExpiresAt)).gt(now()))
}

impl Db {
    pub async fn insert_session(&self, session: &SessionRecord) -> Result<()> {
        self.exec(
            Query::insert()
                .into_table(Sessions::Table)
                .columns([
                    Sessions::IdHash,
                    Sessions::PersonId,
                    Sessions::CsrfToken,
                    Sessions::Locale,
                    Sessions::CreatedAt,
                    Sessions::ExpiresAt,
                ])
                .values_panic([
                    session.id_hash.clone().into(),
                    session.person_id.map(|p| p.0).into(),
                    session.csrf_token.clone().into(),
                    session.locale.map(|l| l.code()).into(),
                    now().into(),
                    session.expires_at.into(),
                ]),
        )
        .await?;
        Ok(())
    }

    /// The session with this hash, if it exists and has not expired.
    pub async fn session(&self, id_hash: &str) -> Result<Option<SessionRecord>> {
        let row: Option<SessionRow> = self
            .optional(live_session(Query::select().from(Sessions::Table), id_hash))
            .await?;
        Ok(row.map(SessionRecord::from))
    }

    pub async fn set_session_locale(&self, id_hash: &str, locale: Locale) -> Result<()> {
        self.exec(
            Query::update()
                .table(Sessions::Table)
                .value(Sessions::Locale, locale.code())
                .and_where(Expr::col(Sessions::IdHash).eq(id_hash)),
        )
        .await?;
        Ok(())
    }

    pub async fn delete_session(&self, id_hash: &str) -> Result<()> {
        self.exec(
            Query::delete()
                .from_table(Sessions::Table)
                .and_where(Expr::col(Sessions::IdHash).eq(id_hash)),
        )
        .await?;
        Ok(())
    }

    /// Ends every session of a person but `keep`, e.g. when they are deactivated or their
    /// password changes.
    pub async fn delete_sessions_of(&self, person: PersonId, keep: Option<&str>) -> Result<()> {
        let mut delete = Query::delete()
            .from_table(Sessions::Table)
            .and_where(Expr::col(Sessions::PersonId).eq(person.0))
            .to_owned();
        if let Some(keep) = keep {
            delete.and_where(Expr::col(Sessions::IdHash).ne(keep));
        }
        self.exec(&delete).await?;
        Ok(())
    }

    /// Removes expired sessions, and failed-login records and unapplied import files older than
    /// `before`.
    pub async fn purge_expired(&self, before: DateTime<Utc>) -> Result<u64> {
        let sessions = self
            .exec(
                Query::delete()
                    .from_table(Sessions::Table)
                    .and_where(Expr::col(Sessions::ExpiresAt).lte(now())),
            )
            .await?;
        let failures = self
            .exec(
                Query::delete()
                    .from_table(LoginFailures::Table)
                    .and_where(Expr::col(LoginFailures::At).lt(before)),
            )
            .await?;
        let imports = self
            .exec(
                Query::delete()
                    .from_table(PendingImports::Table)
                    .and_where(Expr::col(PendingImports::CreatedAt).lt(before)),
            )
            .await?;
        Ok(sessions + failures + imports)
    }

    pub async fn record_login_failure(&self, email: &str, ip: &str) -> Result<()> {
        self.exec(
            Query::insert()
                .into_table(LoginFailures::Table)
                .columns([
                    LoginFailures::Id,
                    LoginFailures::Email,
                    LoginFailures::Ip,
                    LoginFailures::At,
                ])
                .values_panic([Uuid::now_v7().into(), email.into(), ip.into(), now().into()]),
        )
        .await?;
        Ok(())
    }

    /// Failed logins since `since` for this e-mail and from this address.
    pub async fn recent_login_failures(
        &self,
        email: &str,
        ip: &str,
        since: DateTime<Utc>,
    ) -> Result<(u64, u64)> {
        let count = |column: LoginFailures, value: &str| {
            Query::select()
                .expr(Func::count(Expr::col(LoginFailures::Id)))
                .from(LoginFailures::Table)
                .and_where(Expr::col(column).eq(value))
                .and_where(Expr::col(LoginFailures::At).gt(since))
                .to_owned()
        };
        let (by_email,): (i64,) = self
            .all(&count(LoginFailures::Email, email))
            .await?
            .remove(0);
        let (by_ip,): (i64,) = self.all(&count(LoginFailures::Ip, ip)).await?.remove(0);
        Ok((by_email as u64, by_ip as u64))
    }

    /// Forgets an account's failed logins after a successful one.
    pub async fn clear_login_failures(&self, email: &str) -> Result<()> {
        self.exec(
            Query::delete()
                .from_table(LoginFailures::Table)
                .and_where(Expr::col(LoginFailures::Email).eq(email)),
        )
        .await?;
        Ok(())
    }
}
