//! A fresh, migrated database per test.

use std::path::PathBuf;
use storage::Db;
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TestBackend {
    Sqlite,
    Postgres,
}

/// A migrated, empty database that is removed when the test ends.
pub struct TestDb {
    pub db: Db,
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(PathBuf),
    Database { admin_url: String, name: String },
}

impl std::ops::Deref for TestDb {
    type Target = Db;
    fn deref(&self) -> &Db {
        &self.db
    }
}

impl crate::Fixture for TestDb {
    async fn fresh(backend: TestBackend) -> TestDb {
        TestDb::fresh(backend).await
    }
}

impl TestDb {
    pub async fn fresh(backend: TestBackend) -> TestDb {
        let (url, cleanup) = match backend {
            TestBackend::Sqlite => {
                let path =
                    std::env::temp_dir().join(format!("mouse-test-{}.db", Uuid::now_v7().simple()));
                (format!("sqlite://{}", path.display()), Cleanup::File(path))
            }
            TestBackend::Postgres => {
                let admin_url = std::env::var(crate::POSTGRES_ENV).unwrap_or_else(|_| {
                    panic!(
                        "PostgreSQL tests need {}=postgres://USER@HOST:PORT/DB (a server where USER may create databases)",
                        crate::POSTGRES_ENV
                    )
                });
                let name = format!("mouse_test_{}", Uuid::now_v7().simple());
                let admin = Db::connect(&admin_url)
                    .await
                    .expect("connect to the PostgreSQL test server");
                admin
                    .execute_raw(&format!("CREATE DATABASE {name}"))
                    .await
                    .expect("create test database");
                admin.close().await;
                (
                    replace_database(&admin_url, &name),
                    Cleanup::Database { admin_url, name },
                )
            }
        };
        let db = Db::connect(&url).await.expect("connect to test database");
        db.migrate().await.expect("migrate test database");
        TestDb { db, url, cleanup }
    }
}

/// The same server URL with another database name.
fn replace_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let server = match base[scheme_end..].find('/') {
        Some(slash) => &base[..scheme_end + slash],
        None => base,
    };
    format!("{server}/{name}{query}")
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let cleanup = std::mem::replace(&mut self.cleanup, Cleanup::File(PathBuf::new()));
        // Drop cannot await, and the test's pool belongs to the test's runtime: leave the pool
        // alone and clean up from a short-lived runtime on its own thread. Unlinking an open
        // SQLite file is fine on Unix; PostgreSQL's FORCE ends the pool's connections.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async move {
                match cleanup {
                    Cleanup::File(path) => {
                        for suffix in ["", "-wal", "-shm"] {
                            let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                        }
                    }
                    Cleanup::Database { admin_url, name } => {
                        if let Ok(admin) = Db::connect(&admin_url).await {
                            let _ = admin
                                .execute_raw(&format!(
                                    "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                                ))
                                .await;
                            admin.close().await;
                        }
                    }
                }
            });
        })
        .join();
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn replaces_the_database_name() {
        assert_eq!(
            super::replace_database("postgres://postgres@127.0.0.1:5432/postgres", "t1"),
            "postgres://postgres@127.0.0.1:5432/t1"
        );
        assert_eq!(
            super::replace_database("postgres://u:p@h/db?sslmode=disable", "t2"),
            "postgres://u:p@h/t2?sslmode=disable"
        );
        assert_eq!(
            super::replace_database("postgres://h:1", "t3"),
            "postgres://h:1/t3"
        );
    }
}
