//! Logged-in users. Each user has one cookie jar shared by two clients: one keeps connections
//! alive, the other opens a new connection per request. Both modes then use the same session,
//! and nobody logs in twice (a log-in costs a deliberately slow password hash).

use anyhow::{Context, Result, bail};
use futures_util::StreamExt;
use reqwest::cookie::Jar;
use reqwest::header::LOCATION;
use reqwest::redirect::Policy;
use reqwest::{Client, StatusCode, Url};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// Log-ins at once: the server hashes passwords on its blocking threads, and more at a time
/// would only queue there.
const LOGIN_PARALLELISM: usize = 4;

pub struct User {
    pub email: String,
    /// The session's CSRF token, sent with draft saves.
    pub csrf: String,
    keep_alive: Client,
    fresh: Client,
    /// The last revision seen per preparation path; a save must name it.
    revisions: Mutex<HashMap<String, u32>>,
}

impl User {
    /// A client without a session, for `/livez`.
    pub fn anonymous() -> Result<User> {
        User::new("(anonymous)")
    }

    fn new(email: &str) -> Result<User> {
        let jar = Arc::new(Jar::default());
        Ok(User {
            email: email.to_owned(),
            csrf: String::new(),
            keep_alive: client(&jar, true)?,
            fresh: client(&jar, false)?,
            revisions: Mutex::new(HashMap::new()),
        })
    }

    /// Logs in through the form, as a browser does: the login page's CSRF token, the form post,
    /// then the home page for the new session's token.
    pub async fn login(base: &Url, email: &str, password: &str) -> Result<User> {
        let mut user = User::new(email)?;
        let login = base.join("login").context("cannot build the /login URL")?;
        let page = user.page(&login).await?;
        let csrf = hidden_value(&page, "csrf").context("no CSRF token on the login page")?;
        let response = user
            .keep_alive
            .post(login)
            .form(&[("email", email), ("password", password), ("csrf", &csrf)])
            .send()
            .await
            .with_context(|| format!("log-in as {email}"))?;
        let status = response.status();
        let location = response
            .headers()
            .get(LOCATION)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned);
        let _ = response.bytes().await;
        if status != StatusCode::SEE_OTHER || location.as_deref() != Some("/") {
            bail!(
                "log-in as {email} failed: {status}{}",
                location.map(|l| format!(" to {l}")).unwrap_or_default()
            );
        }
        let home = user.page(base).await?;
        user.csrf = hidden_value(&home, "csrf")
            .with_context(|| format!("no CSRF token on the home page of {email}"))?;
        Ok(user)
    }

    /// The client for a connection mode.
    pub fn client(&self, keep_alive: bool) -> &Client {
        if keep_alive {
            &self.keep_alive
        } else {
            &self.fresh
        }
    }

    pub fn revision(&self, path: &str) -> Option<u32> {
        self.revisions().get(path).copied()
    }

    pub fn set_revision(&self, path: &str, revision: Option<u32>) {
        let mut revisions = self.revisions();
        match revision {
            Some(revision) => revisions.insert(path.to_owned(), revision),
            None => revisions.remove(path),
        };
    }

    fn revisions(&self) -> std::sync::MutexGuard<'_, HashMap<String, u32>> {
        // The map holds plain numbers; a panic elsewhere cannot leave it half-written.
        self.revisions
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// A page's HTML, which must come with 200.
    pub async fn page(&self, url: &Url) -> Result<String> {
        let response = self
            .keep_alive
            .get(url.clone())
            .send()
            .await
            .with_context(|| format!("GET {} as {}", url.path(), self.email))?;
        let status = response.status();
        if status != StatusCode::OK {
            bail!("GET {} as {} answered {status}", url.path(), self.email);
        }
        response
            .text()
            .await
            .with_context(|| format!("GET {} as {}", url.path(), self.email))
    }
}

fn client(jar: &Arc<Jar>, keep_alive: bool) -> Result<Client> {
    let builder = Client::builder()
        .cookie_provider(Arc::clone(jar))
        .redirect(Policy::none())
        .no_proxy()
        .connect_timeout(Duration::from_secs(5))
        .timeout(Duration::from_secs(60));
    // No idle connections kept means a new TCP connection for every request.
    let builder = if keep_alive {
        builder
    } else {
        builder.pool_max_idle_per_host(0)
    };
    builder.build().context("cannot build an HTTP client")
}

/// Logs in every user, a few at a time, and says how long it took.
pub async fn login_all(
    base: &Url,
    emails: &[String],
    password: &str,
) -> Result<(HashMap<String, Arc<User>>, Duration)> {
    let began = Instant::now();
    let mut logins = futures_util::stream::iter(emails)
        .map(|email| User::login(base, email, password))
        .buffer_unordered(LOGIN_PARALLELISM);
    let mut users = HashMap::new();
    while let Some(user) = logins.next().await {
        let user = user?;
        users.insert(user.email.clone(), Arc::new(user));
        if users.len() % 250 == 0 {
            eprintln!(
                "  logged in {} of {} users ({:.1} s)",
                users.len(),
                emails.len(),
                began.elapsed().as_secs_f64()
            );
        }
    }
    let took = began.elapsed();
    eprintln!(
        "  logged in {} users in {:.1} s",
        users.len(),
        took.as_secs_f64()
    );
    Ok((users, took))
}

/// The value of the first `<input … name="NAME" value="…">` in a page; MOUSE's templates write
/// `name` right before `value`.
pub fn hidden_value(html: &str, name: &str) -> Option<String> {
    let marker = format!("name=\"{name}\" value=\"");
    let start = html.find(&marker)? + marker.len();
    let length = html.get(start..)?.find('"')?;
    html.get(start..start + length).map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::hidden_value;

    #[test]
    fn finds_hidden_values() {
        let html = r#"<form><input type="hidden" name="csrf" value="abc-_1"><input type="hidden" name="revision" value="7"></form>"#;
        assert_eq!(hidden_value(html, "csrf").as_deref(), Some("abc-_1"));
        assert_eq!(hidden_value(html, "revision").as_deref(), Some("7"));
        assert_eq!(hidden_value(html, "other"), None);
    }
}
