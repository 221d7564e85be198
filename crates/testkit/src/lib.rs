//! Test support: a fresh database for every test, on SQLite or PostgreSQL.
//!
//! SQLite tests always run. PostgreSQL tests are marked ignored with the reason printed by the
//! test runner; run them with `MOUSE_TEST_POSTGRES_URL=postgres://… cargo test -- --ignored`.
//! Every test gets its own database (a temporary file, or a new PostgreSQL database that is
//! dropped afterwards), so tests never see each other's data.

mod db;

pub use db::{TestBackend, TestDb};

/// The reason shown for skipped PostgreSQL tests; the attribute needs a literal, see [`both_backends`].
pub const POSTGRES_ENV: &str = "MOUSE_TEST_POSTGRES_URL";

/// Writes each test twice: once on SQLite, once on PostgreSQL.
///
/// ```ignore
/// testkit::both_backends! {
///     async fn units_round_trip(db: &TestDb) { ... }
/// }
/// ```
#[macro_export]
macro_rules! both_backends {
    ($(async fn $name:ident($db:ident: &TestDb) $body:block)*) => {$(
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn run($db: &$crate::TestDb) $body

            #[tokio::test]
            async fn sqlite() {
                let db = $crate::TestDb::fresh($crate::TestBackend::Sqlite).await;
                run(&db).await;
            }

            #[tokio::test]
            #[ignore = "needs PostgreSQL: MOUSE_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres cargo test -- --ignored"]
            async fn postgres() {
                let db = $crate::TestDb::fresh($crate::TestBackend::Postgres).await;
                run(&db).await;
            }
        }
    )*};
}
