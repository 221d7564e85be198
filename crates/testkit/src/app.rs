//! The real server on a random loopback port, with the demo organisation, and a logged-in client.

use crate::{TestBackend, TestDb};
use reqwest::redirect::Policy;
use reqwest::{Client, Response, StatusCode};
use tokio::task::JoinHandle;
use web::{AppState, WebConfig};

/// A running MOUSE with the demo organisation in a fresh database.
pub struct TestApp {
    pub base: String,
    pub db: TestDb,
    server: JoinHandle<()>,
}

impl crate::Fixture for TestApp {
    async fn fresh(backend: TestBackend) -> TestApp {
        TestApp::spawn(backend).await
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// The demo password, for logging in as any demo user.
pub use mouse::demo::DEMO_PASSWORD;

impl TestApp {
    pub async fn spawn(backend: TestBackend) -> TestApp {
        let db = TestDb::fresh(backend).await;
        mouse::demo::seed_if_empty(&db)
            .await
            .expect("seed the demo organisation");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind a loopback port");
        let base = format!("http://{}", listener.local_addr().expect("local address"));
        let state = AppState {
            db: db.db.clone(),
            config: WebConfig {
                secure_cookies: false,
            },
        };
        let server = tokio::spawn(async move {
            web::serve(listener, state).await.expect("server");
        });
        TestApp { base, db, server }
    }

    /// A client that keeps cookies and does not follow redirects, so tests see them.
    pub fn client(&self) -> Session {
        Session::new(&self.base)
    }

    /// A client logged in as `email` with the demo password.
    pub async fn login(&self, email: &str) -> Session {
        self.login_with(email, DEMO_PASSWORD).await.expect("log in")
    }

    /// Logs in; `Err` carries the status when the login is refused.
    pub async fn login_with(&self, email: &str, password: &str) -> Result<Session, StatusCode> {
        Session::login(&self.base, email, password).await
    }
}

/// One browser-like client: cookies, and the CSRF token of its session.
pub struct Session {
    pub client: Client,
    pub base: String,
    pub csrf: String,
}

impl Session {
    /// A client of the server at `base` that keeps cookies and does not follow redirects, so
    /// tests see them.
    pub fn new(base: &str) -> Session {
        Session {
            client: Client::builder()
                .cookie_store(true)
                .redirect(Policy::none())
                .build()
                .expect("client"),
            base: base.to_owned(),
            csrf: String::new(),
        }
    }

    /// Logs in at the server at `base`; `Err` carries the status when the login is refused.
    pub async fn login(base: &str, email: &str, password: &str) -> Result<Session, StatusCode> {
        let mut session = Session::new(base);
        session.open_login().await;
        let response = session
            .post("/login", &[("email", email), ("password", password)])
            .await;
        if response.status() != StatusCode::SEE_OTHER {
            return Err(response.status());
        }
        // The session id changes at login; so does the CSRF token.
        let home = session.get("/").await;
        assert_eq!(home.status(), StatusCode::OK, "home after login");
        session.csrf =
            extract_csrf(&home.text().await.expect("home body")).expect("csrf token on home");
        Ok(session)
    }

    /// Opens the login page, which starts an anonymous session and gives its CSRF token.
    pub async fn open_login(&mut self) -> String {
        let body = self.get("/login").await.text().await.expect("login body");
        self.csrf = extract_csrf(&body).expect("csrf token on the login page");
        body
    }

    pub async fn get(&self, path: &str) -> Response {
        self.client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .expect("GET")
    }

    /// GET, returning status and body.
    pub async fn page(&self, path: &str) -> (StatusCode, String) {
        let response = self.get(path).await;
        let status = response.status();
        (status, response.text().await.expect("body"))
    }

    /// POSTs a form with this session's CSRF token added.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let mut form: Vec<(&str, &str)> = fields.to_vec();
        form.push(("csrf", &self.csrf));
        self.post_raw(path, &form).await
    }

    /// POSTs fields whose values were built at run time, with the CSRF token.
    pub async fn post_owned(&self, path: &str, fields: &[(&str, String)]) -> Response {
        let refs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.post(path, &refs).await
    }

    /// POSTs exactly these fields (no CSRF token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.client
            .post(format!("{}{path}", self.base))
            .form(fields)
            .send()
            .await
            .expect("POST")
    }

    /// POSTs a file upload with the CSRF token.
    pub async fn upload(&self, path: &str, filename: &str, bytes: Vec<u8>) -> Response {
        let form = reqwest::multipart::Form::new()
            .text("csrf", self.csrf.clone())
            .part(
                "file",
                reqwest::multipart::Part::bytes(bytes).file_name(filename.to_owned()),
            );
        self.client
            .post(format!("{}{path}", self.base))
            .multipart(form)
            .send()
            .await
            .expect("upload")
    }
}

/// The value of the first `name="csrf"` field in a page.
pub fn extract_csrf(html: &str) -> Option<String> {
    let at = html.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    let end = html[at..].find('"')?;
    Some(html[at..at + end].to_owned())
}
