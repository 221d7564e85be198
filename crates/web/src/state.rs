//! What every handler shares.

use storage::Db;

/// Settings the web layer needs beyond the database.
#[derive(Clone, Debug)]
pub struct WebConfig {
    /// Sets the `Secure` flag on cookies. Off only when MOUSE is served over plain HTTP on a
    /// loopback address (local use, demo, tests), where browsers and clients would otherwise
    /// drop the session cookie.
    pub secure_cookies: bool,
}

#[derive(Clone, Debug)]
pub struct AppState {
    pub db: Db,
    pub config: WebConfig,
}
