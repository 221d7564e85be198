//! Test support: a fresh database for every test, on SQLite or PostgreSQL.
//!
//! SQLite tests always run. PostgreSQL tests are marked ignored with the reason printed by the
//! test runner; run them with `MOUSE_TEST_POSTGRES_URL=postgres://… cargo test -- --ignored`.
//! Every test gets its own database (a temporary file, or a new PostgreSQL database that is
//! dropped afterwards), so tests never see each other's data.

mod app;
mod db;
pub mod demo;
pub mod smtp;

pub use app::{DEMO_PASSWORD, Session, TestApp};
pub use db::{TestBackend, TestDb};

/// Something a test starts fresh on a backend: a database, or the whole server.
pub trait Fixture: Sized {
    fn fresh(backend: TestBackend) -> impl std::future::Future<Output = Self>;
}

/// A record's id as an SQL literal of the backend, for tests that write as any writer could.
pub fn literal(db: &storage::Db, id: uuid::Uuid) -> String {
    match db.backend() {
        storage::Backend::Sqlite => format!("X'{}'", id.simple()),
        storage::Backend::Postgres => format!("'{id}'"),
    }
}

/// Where the PostgreSQL tests find their server.
pub const POSTGRES_ENV: &str = "MOUSE_TEST_POSTGRES_URL";

/// Writes each test twice: once on SQLite, once on PostgreSQL.
///
/// ```text
/// testkit::both_backends! {
///     async fn units_round_trip(db: &TestDb) { ... }
/// }
/// ```
#[macro_export]
macro_rules! both_backends {
    ($(async fn $name:ident($arg:ident: &$ty:ty) $body:block)*) => {$(
        mod $name {
            // Not every test body needs the outer items; `expect` would fail for those that do.
            #[allow(unused_imports)]
            use super::*;

            async fn run($arg: &$ty) $body

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let fixture = <$ty as $crate::Fixture>::fresh($crate::TestBackend::Sqlite).await;
                run(&fixture).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            #[ignore = "needs PostgreSQL: MOUSE_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres cargo test -- --ignored"]
            async fn postgres() {
                let fixture = <$ty as $crate::Fixture>::fresh($crate::TestBackend::Postgres).await;
                run(&fixture).await;
            }
        }
    )*};
}
