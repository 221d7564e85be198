//! Storage errors: what callers can act on (a conflict, a missing row) kept apart from the rest.

/// Why a storage call failed.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// A uniqueness or reference rule refused the write (an e-mail or unit name already in use,
    /// a row still linked from elsewhere). Callers turn this into a 409 or a form message
    /// instead of a 500.
    #[error("conflict with existing data")]
    Conflict,
    /// The row to change does not exist in this organisation.
    #[error("not found")]
    NotFound,
    /// A stored value no longer parses into its domain type: the database was changed by hand or
    /// by a newer version.
    #[error("corrupt stored value: {0}")]
    Corrupt(String),
    #[error("database error: {0}")]
    Database(sqlx::Error),
    /// A count running on its own was stopped before it ended: the server is shutting down.
    #[error("stopped while counting")]
    Stopped,
    #[error("migration failed: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
}

impl From<sqlx::Error> for StorageError {
    fn from(error: sqlx::Error) -> Self {
        match &error {
            sqlx::Error::Database(db)
                if db.is_unique_violation() || db.is_foreign_key_violation() =>
            {
                StorageError::Conflict
            }
            _ => StorageError::Database(error),
        }
    }
}
