//! Passwords, session secrets and login throttling.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::RngCore;
use rand::rngs::OsRng;
use sha2::{Digest, Sha256};
use std::sync::{Arc, LazyLock, Mutex, mpsc};

/// Failed logins allowed per account within [`THROTTLE_WINDOW_MINUTES`] before it is paused.
pub const MAX_FAILURES_PER_ACCOUNT: u64 = 5;
/// Failed logins allowed from one address within the window (an office shares one address).
pub const MAX_FAILURES_PER_ADDRESS: u64 = 50;
pub const THROTTLE_WINDOW_MINUTES: i64 = 15;
/// Shortest password an administrator may set.
pub const MIN_PASSWORD_CHARS: usize = 10;

/// Threads that do the password work, and nothing else.
const HASHER_THREADS: usize = 2;

type Job = Box<dyn FnOnce() + Send>;

/// Argon2 takes 19 MiB for each hash. On the runtime's blocking threads (up to hundreds), each
/// thread's allocator arena kept its own 19 MiB after use, and a morning of log-ins grew the
/// server by hundreds of megabytes; on two threads of their own they keep two.
static HASHERS: LazyLock<mpsc::Sender<Job>> = LazyLock::new(|| {
    let (sender, receiver) = mpsc::channel::<Job>();
    let receiver = Arc::new(Mutex::new(receiver));
    for n in 0..HASHER_THREADS {
        let receiver = Arc::clone(&receiver);
        let spawned = std::thread::Builder::new()
            .name(format!("password-{n}"))
            .spawn(move || {
                loop {
                    let job = match receiver.lock() {
                        Ok(jobs) => jobs.recv(),
                        Err(_) => return,
                    };
                    match job {
                        Ok(job) => job(),
                        Err(_) => return,
                    }
                }
            });
        if let Err(error) = spawned {
            tracing::error!(%error, "cannot start a password thread");
        }
    }
    sender
});

/// Runs slow password work on the password threads and waits for it without blocking, or
/// holding a database connection.
async fn on_hasher<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    storage::release_connection();
    let (done, result) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _ = done.send(work());
    });
    HASHERS.send(job).ok()?;
    result.await.ok()
}

/// Hashes a password with Argon2id. Slow on purpose: it runs off the async threads.
pub async fn hash_password(password: String) -> Result<String, String> {
    on_hasher(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| e.to_string())
    })
    .await
    .unwrap_or_else(|| Err("the password threads have stopped".into()))
}

/// A hash of a password nobody has, so that unknown accounts cost the same time as known ones.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(b"no such user", &salt)
        .map(|h| h.to_string())
        .unwrap_or_default()
});

/// Checks a password against a stored hash (or against the dummy hash when there is none).
pub async fn verify_password(password: String, hash: Option<String>) -> bool {
    on_hasher(move || {
        let hash = hash.unwrap_or_else(|| DUMMY_HASH.clone());
        let known = hash != *DUMMY_HASH;
        let Ok(parsed) = PasswordHash::new(&hash) else {
            return false;
        };
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
            && known
    })
    .await
    .unwrap_or(false)
}

/// A new random secret for a session cookie or CSRF token (256 bits).
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The stored form of a session secret: a database leak must not hand out live sessions.
pub fn token_hash(token: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(token.as_bytes()))
}

/// Compares secrets without leaking their common prefix length through timing.
pub fn same_secret(a: &str, b: &str) -> bool {
    let (a, b) = (Sha256::digest(a.as_bytes()), Sha256::digest(b.as_bytes()));
    a.iter()
        .zip(b.iter())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y))
        == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn passwords_verify_only_against_their_hash() {
        let hash = hash_password("correct horse".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(verify_password("correct horse".into(), Some(hash.clone())).await);
        assert!(!verify_password("wrong".into(), Some(hash)).await);
        assert!(!verify_password("no such user".into(), None).await);
        assert!(!verify_password("x".into(), Some("garbage".into())).await);
    }

    #[test]
    fn tokens_are_random_and_hashed() {
        let (a, b) = (random_token(), random_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_ne!(token_hash(&a), a);
        assert!(same_secret(&a, &a.clone()) && !same_secret(&a, &b));
    }
}
