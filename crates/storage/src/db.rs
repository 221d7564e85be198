//! The narrow boundary to the database: connect, migrate, and run a sea-query statement on
//! either backend. Everything above builds statements and maps rows; nothing above matches on
//! the backend.

use crate::AnswerCounts;
use crate::revisions::ByRevision;
use crate::{Result, StorageError};
use chrono::{DateTime, NaiveDate, SubsecRound, Utc};
use domain::conversation::TIME_ZONE;
use domain::cycle::{Cycle, Framing};
use domain::org::UnitTree;
use domain::questions::Version;
use domain::strategy::GoalTree;
use domain::{CycleId, OrgId, VersionId};
use sea_query::{PostgresQueryBuilder, QueryStatementWriter, SqliteQueryBuilder};
use sea_query_binder::SqlxValues;
use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions, PgRow};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow, SqliteSynchronous,
};
use sqlx::{
    Connection, FromRow, PgConnection, PgPool, Postgres, Sqlite, SqliteConnection, SqlitePool,
    Transaction,
};
use std::collections::HashMap;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{OwnedMappedMutexGuard, OwnedMutexGuard};

/// Rows per index SQLite's `ANALYZE` reads: the value SQLite recommends, enough for the planner.
const ANALYSIS_LIMIT: u32 = 400;
/// `PRAGMA optimize` over every table (0x10000), analysing where statistics are missing or
/// stale (0x02): SQLite's advice for connections that live long.
const OPTIMIZE: &str = "0x10002";
/// A PostgreSQL connection idle this long is tested before use.
pub const PG_TEST_AFTER_IDLE: Duration = Duration::from_secs(10);

/// Which database engine a [`Db`] talks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A connection pool on one of the two backends, counting the statements it runs.
#[derive(Clone, Debug)]
pub struct Db {
    pool: Pool,
    /// Shared by the pool's clones behind one reference: every request clones the
    /// application state several times.
    pub(crate) memory: Arc<Memory>,
}

/// What a pool keeps beside its connections.
#[derive(Debug, Default)]
pub(crate) struct Memory {
    /// Statements run through this pool (and its clones), for the tests that keep each page's
    /// number of queries bounded.
    queries: Arc<AtomicU64>,
    /// Connections taken from the pool, for the tests that keep a request on one.
    taken: AtomicU64,
    /// Unit trees, cycles and counts already read; see [`crate::revisions`].
    pub(crate) trees: ByRevision<UnitTree>,
    pub(crate) cycles: ByRevision<Vec<Cycle>>,
    pub(crate) framings: ByRevision<Vec<Framing>, (OrgId, CycleId)>,
    pub(crate) goal_trees: ByRevision<GoalTree>,
    pub(crate) answer_counts: ByRevision<AnswerCounts, (OrgId, CycleId)>,
    pub(crate) disclosed: ByRevision<
        crate::answer_counts::Disclosed,
        (OrgId, CycleId),
        crate::answer_counts::DisclosedAt,
    >,
    pub(crate) organisation_answers: ByRevision<crate::answer_counts::Answers, (OrgId, CycleId)>,
    pub(crate) effect_counts: ByRevision<crate::effect_kept::Kept, (OrgId, CycleId)>,
    pub(crate) stage_counts: ByRevision<crate::stages_kept::PerUnit, (OrgId, CycleId)>,
    pub(crate) shared_entries: ByRevision<Vec<crate::SharedEntry>, (OrgId, CycleId)>,
    /// Question set versions read, with their organisation: they never change.
    pub(crate) versions: Mutex<HashMap<VersionId, (OrgId, Version)>>,
    /// Held while a cycle's effect figures are being counted; see [`crate::effect_counts`].
    pub(crate) effect_counting: crate::effect_kept::Counting,
}

#[derive(Clone, Debug)]
enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Now, truncated to microseconds so that both backends store and return the same instant.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// Today in Copenhagen: the day agreements, follow-ups and figures are judged on.
pub fn today() -> NaiveDate {
    now().with_timezone(&TIME_ZONE).date_naive()
}

impl Db {
    fn on(pool: Pool) -> Db {
        Db {
            pool,
            memory: Arc::default(),
        }
    }

    /// How many statements this pool has run so far.
    pub fn queries(&self) -> u64 {
        self.memory.queries.load(Ordering::Relaxed)
    }

    /// How many times a statement or a transaction took a connection from this pool so far.
    pub fn connections_taken(&self) -> u64 {
        self.memory.taken.load(Ordering::Relaxed)
    }

    /// Connects to a `sqlite://PATH` or `postgres://…` URL. A SQLite file is created if missing.
    pub async fn connect(url: &str) -> Result<Db> {
        if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                // Without statistics SQLite's planner takes an organisation's index over a
                // person's or a conversation's, and scans tens of thousands of rows for a page.
                // SQLite's advice for long-lived connections: optimise when one opens (bounded
                // by the analysis limit, milliseconds even for gigabytes) and then regularly.
                .analysis_limit(ANALYSIS_LIMIT)
                .pragma("optimize", OPTIMIZE);
            let pool = SqlitePoolOptions::new()
                .max_connections(8)
                // A SQLite connection is a file handle on a thread of its own: nothing can break
                // it while it idles, and a test would cost each statement a second hand-off.
                .test_before_acquire(false)
                .connect_with(options)
                .await?;
            Ok(Db::on(Pool::Sqlite(pool)))
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let options = PgConnectOptions::from_str(url)?;
            let pool = PgPoolOptions::new()
                .max_connections(16)
                // Testing every connection before use costs each statement a second round trip
                // to the server; one that idled long enough for the server or the network to
                // have dropped it is still tested.
                .test_before_acquire(false)
                .before_acquire(|conn, meta| {
                    Box::pin(async move {
                        if meta.idle_for >= PG_TEST_AFTER_IDLE {
                            conn.ping().await?;
                        }
                        Ok(true)
                    })
                })
                .acquire_timeout(Duration::from_secs(10))
                .connect_with(options)
                .await?;
            Ok(Db::on(Pool::Postgres(pool)))
        } else {
            Err(StorageError::Database(sqlx::Error::Configuration(
                "the database URL must start with sqlite:// or postgres://".into(),
            )))
        }
    }

    pub fn backend(&self) -> Backend {
        match &self.pool {
            Pool::Sqlite(_) => Backend::Sqlite,
            Pool::Postgres(_) => Backend::Postgres,
        }
    }

    /// Brings the schema up to date. Each backend has its own migration folder with the same
    /// file names; a test keeps their tables and columns in step.
    pub async fn migrate(&self) -> Result<()> {
        match &self.pool {
            Pool::Sqlite(pool) => sqlx::migrate!("./migrations/sqlite").run(pool).await?,
            Pool::Postgres(pool) => sqlx::migrate!("./migrations/postgres").run(pool).await?,
        }
        Ok(())
    }

    /// Refreshes the statistics the query planner chooses indexes by, where they are out of
    /// date. PostgreSQL's autovacuum does this by itself; SQLite needs to be asked.
    pub async fn optimize(&self) -> Result<()> {
        if let Pool::Sqlite(pool) = &self.pool {
            sqlx::raw_sql(&format!("PRAGMA optimize={OPTIMIZE}"))
                .execute(pool)
                .await?;
        }
        Ok(())
    }

    /// Gathers the planner's statistics for every table now, as after a bulk load. PostgreSQL
    /// also vacuums: the triggers' marks leave a dead version of many rows a load writes, and
    /// until the visibility map is set an index-only scan still visits the table.
    pub async fn analyze(&self) -> Result<()> {
        match self.pool {
            Pool::Sqlite(_) => self.execute_raw("ANALYZE").await,
            Pool::Postgres(_) => self.execute_raw("VACUUM ANALYZE").await,
        }
    }

    /// True when the database answers; for `/healthz`.
    pub async fn ping(&self) -> bool {
        let result = match &self.pool {
            Pool::Sqlite(pool) => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()),
            Pool::Postgres(pool) => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()),
        };
        result.is_ok()
    }

    pub async fn close(&self) {
        match &self.pool {
            Pool::Sqlite(pool) => pool.close().await,
            Pool::Postgres(pool) => pool.close().await,
        }
    }

    /// The tables and their columns as (table, column, nullable), sorted; for the parity test.
    pub async fn schema_columns(&self) -> Result<Vec<(String, String, bool)>> {
        let mut columns: Vec<(String, String, bool)> =
            match &self.pool {
                Pool::Sqlite(pool) => sqlx::query_as(
                    "SELECT m.name, p.name, p.\"notnull\" = 0 AND p.pk = 0 FROM sqlite_master m \
                 JOIN pragma_table_info(m.name) p WHERE m.type = 'table' \
                 AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'",
                )
                .fetch_all(pool)
                .await?,
                Pool::Postgres(pool) => {
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

    /// The connection lent to this task (see [`crate::lease`]), or else one of its own.
    pub(crate) async fn conn(&self) -> Result<Handle> {
        let conn = match self.lent() {
            Some(mut lent) => {
                if lent.is_none() {
                    *lent = Some(self.acquire().await?);
                }
                Held::Lent(OwnedMutexGuard::map(lent, |conn| {
                    conn.as_mut().expect("filled above")
                }))
            }
            None => Held::Own(self.acquire().await?),
        };
        Ok(Handle {
            conn,
            queries: self.memory.queries.clone(),
        })
    }

    async fn acquire(&self) -> Result<HandleConn> {
        self.memory.taken.fetch_add(1, Ordering::Relaxed);
        Ok(match &self.pool {
            Pool::Sqlite(pool) => HandleConn::Sqlite(pool.acquire().await?),
            Pool::Postgres(pool) => HandleConn::Postgres(pool.acquire().await?),
        })
    }

    /// A transaction on a connection of its own: the lent one goes back first (unless it is
    /// in use), so that this task does not hold one idle while it waits for the pool.
    pub(crate) async fn begin(&self) -> Result<Tx> {
        crate::release_connection();
        self.memory.taken.fetch_add(1, Ordering::Relaxed);
        let tx = match &self.pool {
            Pool::Sqlite(pool) => TxConn::Sqlite(pool.begin().await?),
            Pool::Postgres(pool) => TxConn::Postgres(pool.begin().await?),
        };
        Ok(Tx {
            tx,
            queries: self.memory.queries.clone(),
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
pub(crate) struct Handle {
    conn: Held,
    queries: Arc<AtomicU64>,
}

enum Held {
    Own(HandleConn),
    Lent(OwnedMappedMutexGuard<Option<HandleConn>, HandleConn>),
}

pub(crate) enum HandleConn {
    Sqlite(PoolConnection<Sqlite>),
    Postgres(PoolConnection<Postgres>),
}

impl Handle {
    pub(crate) fn c(&mut self) -> Conn<'_> {
        let conn = match &mut self.conn {
            Held::Own(conn) => conn,
            Held::Lent(conn) => conn,
        };
        let inner = match conn {
            HandleConn::Sqlite(c) => Inner::Sqlite(c),
            HandleConn::Postgres(c) => Inner::Postgres(c),
        };
        Conn {
            inner,
            queries: &self.queries,
        }
    }
}

/// A transaction; dropped without [`Tx::commit`] it rolls back.
pub(crate) struct Tx {
    tx: TxConn,
    queries: Arc<AtomicU64>,
}

enum TxConn {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

impl Tx {
    pub(crate) fn c(&mut self) -> Conn<'_> {
        let inner = match &mut self.tx {
            TxConn::Sqlite(t) => Inner::Sqlite(t),
            TxConn::Postgres(t) => Inner::Postgres(t),
        };
        Conn {
            inner,
            queries: &self.queries,
        }
    }

    pub(crate) async fn commit(self) -> Result<()> {
        match self.tx {
            TxConn::Sqlite(t) => t.commit().await?,
            TxConn::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }
}

/// A borrowed connection of either backend: the one place that renders and runs statements,
/// and counts them.
pub(crate) struct Conn<'c> {
    inner: Inner<'c>,
    queries: &'c AtomicU64,
}

enum Inner<'c> {
    Sqlite(&'c mut SqliteConnection),
    Postgres(&'c mut PgConnection),
}

impl Conn<'_> {
    pub(crate) async fn all<T: Row>(&mut self, stmt: &impl QueryStatementWriter) -> Result<Vec<T>> {
        self.queries.fetch_add(1, Ordering::Relaxed);
        Ok(match &mut self.inner {
            Inner::Sqlite(c) => {
                let (sql, values) = stmt.build(SqliteQueryBuilder);
                sqlx::query_as_with(&sql, SqlxValues(values))
                    .fetch_all(&mut **c)
                    .await?
            }
            Inner::Postgres(c) => {
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
        self.queries.fetch_add(1, Ordering::Relaxed);
        Ok(match &mut self.inner {
            Inner::Sqlite(c) => {
                let (sql, values) = stmt.build(SqliteQueryBuilder);
                sqlx::query_as_with(&sql, SqlxValues(values))
                    .fetch_optional(&mut **c)
                    .await?
            }
            Inner::Postgres(c) => {
                let (sql, values) = stmt.build(PostgresQueryBuilder);
                sqlx::query_as_with(&sql, SqlxValues(values))
                    .fetch_optional(&mut **c)
                    .await?
            }
        })
    }

    pub(crate) async fn exec(&mut self, stmt: &impl QueryStatementWriter) -> Result<u64> {
        self.queries.fetch_add(1, Ordering::Relaxed);
        Ok(match &mut self.inner {
            Inner::Sqlite(c) => {
                let (sql, values) = stmt.build(SqliteQueryBuilder);
                sqlx::query_with(&sql, SqlxValues(values))
                    .execute(&mut **c)
                    .await?
                    .rows_affected()
            }
            Inner::Postgres(c) => {
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
        match &self.pool {
            Pool::Sqlite(pool) => sqlx::raw_sql(sql).execute(pool).await.map(|_| ())?,
            Pool::Postgres(pool) => sqlx::raw_sql(sql).execute(pool).await.map(|_| ())?,
        }
        Ok(())
    }
}
