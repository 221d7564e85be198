//! What every page shows around its content: title, navigation for the user's roles, the
//! language switch, the CSRF token for its forms, and a confirmation after a redirect.

use crate::error::AppError;
use crate::i18n::Tr;
use crate::session::Visitor;
use askama::Template;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use domain::access::{Actor, Capability};

/// A link in the main navigation.
#[derive(Clone, Debug)]
pub struct NavLink {
    pub href: &'static str,
    pub label: String,
    pub current: bool,
}

/// The frame around every page.
#[derive(Clone, Debug)]
pub struct Page {
    pub t: Tr,
    pub title: String,
    pub csrf: String,
    pub path: String,
    pub nav: Vec<NavLink>,
    pub user_name: Option<String>,
    pub org_name: Option<String>,
    /// A confirmation after a redirect (`?done=KEY`), translated.
    pub notice: Option<String>,
}

/// Confirmations that may be shown from the query string; anything else is ignored, so a
/// crafted link cannot put arbitrary text on the page.
const NOTICES: &[&str] = &[
    "done-saved",
    "done-created",
    "done-deactivated",
    "done-activated",
    "done-imported",
    "done-password",
    "done-roles",
    "done-deleted",
    "done-shared",
    "done-scheduled",
    "done-proposed",
    "done-accepted",
    "done-declined",
    "done-cancelled",
    "done-held",
    "done-signed",
    "done-amendment-proposed",
];

impl Page {
    pub fn for_visitor(visitor: &Visitor, path: &str, title_key: &str) -> Page {
        let t = Tr::new(visitor.locale);
        let nav = visitor
            .user
            .as_ref()
            .map(|u| nav_links(&u.actor, &t, path))
            .unwrap_or_default();
        Page {
            title: t.get(title_key),
            t,
            csrf: visitor.csrf().unwrap_or_default().to_owned(),
            path: path.to_owned(),
            nav,
            user_name: visitor.user.as_ref().map(|u| u.person.name.clone()),
            org_name: visitor.user.as_ref().map(|u| u.org.name.clone()),
            notice: None,
        }
    }

    /// Sets the page title from a message key.
    pub fn titled(mut self, key: &str) -> Page {
        self.title = self.t.get(key);
        self
    }

    /// Sets the page title to a name (a person, a unit).
    pub fn named(mut self, title: &str) -> Page {
        self.title = title.to_owned();
        self
    }
}

fn nav_links(actor: &Actor, t: &Tr, path: &str) -> Vec<NavLink> {
    let links: [(&'static str, &str, bool); 14] = [
        ("/", "nav-home", true),
        ("/strategy", "nav-strategy", true),
        ("/cycles", "nav-cycles", true),
        ("/effect", "nav-effect", true),
        (
            "/question-sets",
            "nav-question-sets",
            actor.can(Capability::ManageQuestionSets),
        ),
        ("/competences", "nav-competences", true),
        (
            "/conversations",
            "nav-conversations",
            actor.is_leader() || actor.granted.hr || actor.granted.leadership,
        ),
        (
            "/follow-through",
            "nav-follow-through",
            actor.is_leader() || actor.granted.hr || actor.granted.leadership,
        ),
        ("/people", "nav-people", actor.can(Capability::ListPeople)),
        (
            "/admin/units",
            "nav-units",
            actor.can(Capability::ManageStructure),
        ),
        (
            "/admin/import",
            "nav-import",
            actor.can(Capability::ManageStructure),
        ),
        (
            "/admin/users",
            "nav-users",
            actor.can(Capability::ManageUsers),
        ),
        (
            "/admin/audit",
            "nav-audit",
            actor.can(Capability::ReadAudit),
        ),
        (
            "/admin/settings",
            "nav-settings",
            actor.can(Capability::ManageSettings),
        ),
    ];
    links
        .into_iter()
        .filter(|(_, _, allowed)| *allowed)
        .map(|(href, key, _)| NavLink {
            href,
            label: t.get(key),
            current: if href == "/" {
                path == "/"
            } else {
                path.starts_with(href)
            },
        })
        .collect()
}

impl<S: Send + Sync> FromRequestParts<S> for Page {
    type Rejection = AppError;
    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let visitor = Visitor::from_request_parts(parts, state).await?;
        let mut page = Page::for_visitor(&visitor, parts.uri.path(), "app-name");
        page.notice = parts
            .uri
            .query()
            .and_then(|q| serde_urlencoded::from_str::<Vec<(String, String)>>(q).ok())
            .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == "done"))
            .and_then(|(_, v)| NOTICES.iter().find(|n| **n == v))
            .map(|key| page.t.get(key));
        Ok(page)
    }
}

/// The error page.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorView {
    pub page: Page,
    pub status: u16,
    pub message: String,
}
