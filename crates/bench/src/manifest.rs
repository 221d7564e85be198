//! The manifest `mouse generate` writes next to the database: what it made and which requests
//! exercise each page. The driver never guesses ids or logins; it replays what the generator
//! chose, so the same seed gives the same requests on every backend.

use anyhow::{Context, Result, ensure};
use serde::Deserialize;
use std::collections::HashSet;
use std::path::Path;

#[derive(Deserialize, Debug)]
pub struct Manifest {
    pub shape: String,
    pub seed: u64,
    pub people: u64,
    pub units: u64,
    pub cycles: u64,
    pub generated_seconds: f64,
    /// Every generated user has this password.
    pub password: String,
    pub pages: Vec<Page>,
    /// A shape may have no open preparations to save.
    #[serde(default)]
    pub drafts: Vec<Draft>,
}

/// A page as the report names it, and the (user, path) requests that show it.
#[derive(Deserialize, Debug)]
pub struct Page {
    pub page: String,
    pub requests: Vec<Request>,
}

#[derive(Deserialize, Debug)]
pub struct Request {
    pub email: String,
    pub path: String,
}

/// One preparation its owner can save, with the form fields an autosave sends.
#[derive(Deserialize, Debug)]
pub struct Draft {
    pub email: String,
    pub path: String,
    pub fields: Vec<(String, String)>,
}

impl Manifest {
    pub fn load(path: &Path) -> Result<Manifest> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the manifest {}", path.display()))?;
        let manifest: Manifest = serde_json::from_str(&text)
            .with_context(|| format!("{} is not a valid manifest", path.display()))?;
        manifest
            .check()
            .with_context(|| format!("unusable manifest {}", path.display()))?;
        Ok(manifest)
    }

    fn check(&self) -> Result<()> {
        ensure!(!self.pages.is_empty(), "it lists no pages");
        for page in &self.pages {
            ensure!(
                !page.requests.is_empty(),
                "page \"{}\" has no requests",
                page.page
            );
            for request in &page.requests {
                ensure!(
                    request.path.starts_with('/'),
                    "page \"{}\": path {:?} does not start with /",
                    page.page,
                    request.path
                );
            }
        }
        for draft in &self.drafts {
            ensure!(
                draft.path.starts_with('/'),
                "draft path {:?} does not start with /",
                draft.path
            );
        }
        Ok(())
    }

    /// The drafts grouped by owner, in manifest order, at most `max_users` owners. A draft client
    /// owns its user: two clients saving as one user would only measure their own conflicts.
    pub fn draft_users(&self, max_users: usize) -> Vec<(&str, Vec<&Draft>)> {
        let mut users: Vec<(&str, Vec<&Draft>)> = Vec::new();
        for draft in &self.drafts {
            let full = users.len() >= max_users;
            match users.iter_mut().find(|(email, _)| *email == draft.email) {
                Some((_, drafts)) => drafts.push(draft),
                None if !full => users.push((&draft.email, vec![draft])),
                None => {}
            }
        }
        users
    }

    /// Every e-mail the run logs in as: the capped pages' users and the draft owners.
    pub fn users_needed(&self, max_users: usize) -> Vec<String> {
        let mut seen = HashSet::new();
        let page_users = self
            .pages
            .iter()
            .flat_map(|page| page.capped(max_users))
            .map(|request| request.email.as_str());
        let draft_users = self
            .draft_users(max_users)
            .into_iter()
            .map(|(email, _)| email);
        page_users
            .chain(draft_users)
            .filter(|email| seen.insert(*email))
            .map(str::to_owned)
            .collect()
    }
}

impl Page {
    /// The page's requests in manifest order, keeping only those of its first `max_users`
    /// distinct users: each user costs a deliberately slow log-in.
    pub fn capped(&self, max_users: usize) -> Vec<&Request> {
        let mut users = HashSet::new();
        self.requests
            .iter()
            .filter(|request| {
                users.contains(request.email.as_str())
                    || (users.len() < max_users && users.insert(request.email.as_str()))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest() -> Manifest {
        serde_json::from_str(
            r#"{"shape":"small","seed":1,"people":3,"units":1,"cycles":1,"generated_seconds":0.5,
                "password":"pw",
                "pages":[{"page":"home","requests":[
                    {"email":"a@x","path":"/"},{"email":"b@x","path":"/"},
                    {"email":"a@x","path":"/x"},{"email":"c@x","path":"/"}]}],
                "drafts":[{"email":"c@x","path":"/p1","fields":[["q0","x"]]},
                          {"email":"d@x","path":"/p2","fields":[]},
                          {"email":"c@x","path":"/p3","fields":[]}]}"#,
        )
        .expect("valid manifest")
    }

    #[test]
    fn capping_keeps_the_first_users_requests_in_order() {
        let manifest = manifest();
        let paths: Vec<_> = manifest.pages[0]
            .capped(2)
            .iter()
            .map(|r| (r.email.as_str(), r.path.as_str()))
            .collect();
        assert_eq!(paths, [("a@x", "/"), ("b@x", "/"), ("a@x", "/x")]);
    }

    #[test]
    fn drafts_are_grouped_by_owner() {
        let manifest = manifest();
        let users = manifest.draft_users(1);
        assert_eq!(users.len(), 1);
        assert_eq!(users[0].0, "c@x");
        assert_eq!(users[0].1.len(), 2);
        assert_eq!(
            manifest.users_needed(2),
            ["a@x", "b@x", "c@x", "d@x"].map(String::from)
        );
    }
}
