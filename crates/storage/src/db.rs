//! The narrow boundary to the database: connect, migrate, and run a sea-query statement on
//! either backend. Everything above builds statements and maps rows; nothing above matches on
//! the backend.

use crate::{Result, StorageError};
use chrono::{DateTime, SubsecRound, Utc};
use sea_query::{PostgresQueryBuilder, QueryStatementWriter, SqliteQueryBuilder};
use sea_query_binder::SqlxValues;
use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions, PgRow};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow, SqliteSynchronous,
};
use sqlx::{
    FromRow, PgConnection, PgPool, Postgres, Sqlite, SqliteConnection, SqlitePool, Transaction,
};
use std::str::FromStr;
use std::time::Duration;

/// Which database engine a [`Db`] talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A connection pool on one of the two backends.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Now, truncated to microseconds so that both backends store and return the same instant.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

impl Db {
    /// Connects to a `sqlite://PATH` or `postgres://…` URL. A SQLite file is created if missing.
    pub async fn connect(url: &str) -> Result<Db> {
        if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10));
            let pool = SqlitePoolOptions::new()
                .max_connections(8)
                .connect_with(options)
                .await?;
            Ok(Db::Sqlite(pool))
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let options = PgConnectOptions::from_str(url)?;
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await?;
            Ok(Db::Postgres(pool))
        } else {
            Err(StorageError::Database(sqlx::Error::Configuration(
                "the database URL must start with sqlite:// or postgres://".into(),
            )))
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Brings the schema up to date. Each backend has its own migration folder with the same
    /// file names; a test keeps their tables and columns in step.
    pub async fn migrate(&self) -> Result<()> {
        match self {
            Db::Sqlite(pool) => sqlx::migrate!("./migrations/sqlite").run(pool).await?,
            Db::Postgres(pool) => sqlx::migrate!("./migrations/postgres").run(pool).await?,
        }
        Ok(())
    }

    /// True when the database answers; for `/healthz`.
    pub async fn ping(&self) -> bool {
        let result = match self {
            Db::Sqlite(pool) => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()),
            Db::Postgres(pool) => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()),
        };
        result.is_ok()
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite(pool) => pool.close().await,
            Db::Postgres(pool) => pool.close().await,
        }
    }

    /// The tables and their columns as (table, column, nullable), sorted; for the parity test.
    pub async fn schema_columns(&self) -> Result<Vec<(String, String, bool)>> {
        let mut columns: Vec<(String, String, bool)> =
            match self {
                Db::Sqlite(pool) => sqlx::query_as(
                    "SELECT m.name, p.name, p.\"notnull\" = 0 AND p.pk = 0 FROM sqlite_master m \
                 JOIN pragma_table_info(m.name) p WHERE m.type = 'table' \
                 AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'",
                )
                .fetch_all(pool)
                .await?,
                Db::Postgres(pool) => {
                    sqlx::query_as(
                        "SELECT table_name::text, column_name::text, is_nullable = 'YES' \
                 FROM information_schema.columns WHERE table_schema = current_schema() \
                 AND table_name NOT LIKE '_sqlx%'",
                    )
                    .fetch_all(pool)
                    .await?
                }
            };
        columns.sort();
        Ok(columns)
    }

    pub(crate) async fn conn(&self) -> Result<Handle> {
        Ok(match self {
            Db::Sqlite(pool) => Handle::Sqlite(pool.acquire().await?),
            Db::Postgres(pool) => Handle::Postgres(pool.acquire().await?),
        })
    }

    pub(crate) async fn begin(&self) -> Result<Tx> {
        Ok(match self {
            Db::Sqlite(pool) => Tx::Sqlite(pool.begin().await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Runs a statement that returns rows.
    pub(crate) async fn all<T: Row>(&self, stmt: &impl QueryStatementWriter) -> Result<Vec<T>> {
        self.conn().await?.c().all(stmt).await
    }

    pub(crate) async fn optional<T: Row>(
        &self,
        stmt: &impl QueryStatementWriter,
    ) -> Result<Option<T>> {
        self.conn().await?.c().optional(stmt).await
    }

    /// Runs a statement and returns the number of rows it touched.
    pub(crate) async fn exec(&self, stmt: &impl QueryStatementWriter) -> Result<u64> {
        self.conn().await?.c().exec(stmt).await
    }
}

/// A row type that maps from both backends' rows (sqlx's derive gives both).
pub(crate) trait Row:
    for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{
}
impl<T> Row for T where T: for<'r> FromRow<'r, SqliteRow> + for<'r> FromRow<'r, PgRow> + Send + Unpin
{}

/// A pooled connection.
pub(crate) enum Handle {
    Sqlite(PoolConnection<Sqlite>),
    Postgres(PoolConnection<Postgres>),
}

impl Handle {
    pub(crate) fn c(&mut self) -> Conn<'_> {
        match self {
            Handle::Sqlite(c) => Conn::Sqlite(c),
            Handle::Postgres(c) => Conn::Postgres(c),
        }
    }
}

/// A transaction; dropped without [`Tx::commit`] it rolls back.
pub(crate) enum Tx {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

impl Tx {
    pub(crate) fn c(&mut self) -> Conn<'_> {
        match self {
            Tx::Sqlite(t) => Conn::Sqlite(t),
            Tx::Postgres(t) => Conn::Postgres(t),
        }
    }

    pub(crate) async fn commit(self) -> Result<()> {
        match self {
            Tx::Sqlite(t) => t.commit().await?,
            Tx::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }
}

/// A borrowed connection of either backend: the one place that renders and runs statements.
pub(crate) enum Conn<'c> {
    Sqlite(&'c mut SqliteConnection),
    Postgres(&'c mut PgConnection),
}

impl Conn<'_> {
    pub(crate) async fn all<T: Row>(&mut self, stmt: &impl QueryStatementWriter) -> Result<Vec<T>> {
        Ok(match self {
            Conn::Sqlite(c) => {
                let (sql, values) = stmt.build(SqliteQueryBuilder);
                sqlx::query_as_with(&sql, SqlxValues(values))
                    .fetch_all(&mut **c)
                    .await?
            }
            Conn::Postgres(c) => {
                let (sql, values) = stmt.build(PostgresQueryBuilder);
                sqlx::query_as_with(&sql, SqlxValues(values))
                    .fetch_all(&mut **c)
                    .await?
            }
        })
    }

    pub(crate) async fn optional<T: Row>(
        &mut self,
        stmt: &impl QueryStatementWriter,
    ) -> Result<Option<T>> {
        Ok(match self {
            Conn::Sqlite(c) => {
                let (sql, values) = stmt.build(SqliteQueryBuilder);
                sqlx::query_as_with(&sql, SqlxValues(values))
                    .fetch_optional(&mut **c)
                    .await?
            }
            Conn::Postgres(c) => {
                let (sql, values) = stmt.build(PostgresQueryBuilder);
                sqlx::query_as_with(&sql, SqlxValues(values))
                    .fetch_optional(&mut **c)
                    .await?
            }
        })
    }

    pub(crate) async fn exec(&mut self, stmt: &impl QueryStatementWriter) -> Result<u64> {
        Ok(match self {
            Conn::Sqlite(c) => {
                let (sql, values) = stmt.build(SqliteQueryBuilder);
                sqlx::query_with(&sql, SqlxValues(values))
                    .execute(&mut **c)
                    .await?
                    .rows_affected()
            }
            Conn::Postgres(c) => {
                let (sql, values) = stmt.build(PostgresQueryBuilder);
                sqlx::query_with(&sql, SqlxValues(values))
                    .execute(&mut **c)
                    .await?
                    .rows_affected()
            }
        })
    }
}

impl Db {
    /// Runs a fixed SQL statement without parameters: administration only (creating the test
    /// databases), never with user input.
    pub async fn execute_raw(&self, sql: &str) -> Result<()> {
        match self {
            Db::Sqlite(pool) => sqlx::raw_sql(sql).execute(pool).await.map(|_| ())?,
            Db::Postgres(pool) => sqlx::raw_sql(sql).execute(pool).await.map(|_| ())?,
        }
        Ok(())
    }
}
