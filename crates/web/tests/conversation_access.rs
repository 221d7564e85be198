//! Every action on a conversation's content, tried by everyone who is not one of its two
//! parties: each is refused, and nothing is written.

use domain::preparation::Side;
use reqwest::StatusCode;
use testkit::demo::{ADMIN, HEAD, HR, LANE, LEADER, conversation_of, goal, other_org};
use testkit::{TestApp, both_backends};

both_backends! {
    async fn nobody_but_the_parties_acts_on_a_conversation(app: &TestApp) {
        let conversation = conversation_of(app, LANE).await;
        let c = conversation.id;
        let parents = goal(app, "Styrk dialogen med forældrene").await.id.to_string();
        let contribution = format!("{parents}-contribution");
        let actions: Vec<(String, Vec<(&str, String)>)> = vec![
            (format!("/conversations/{c}/preparation"), vec![("revision", "0".into()), ("q0", "x".into()), ("action", "share".into())]),
            (format!("/conversations/{c}/preparation/keep"), vec![("revision", "0".into())]),
            (format!("/conversations/{c}/contract"), vec![("revision", "0".into()), ("count-on", "x".into()), ("action", "save".into())]),
            (format!("/conversations/{c}/agreement"), vec![("revision", "0".into()), ("op", "add-goal".into()), ("title", "x".into()), ("success", "y".into()), ("priority", "high".into()), ("strategic", parents.clone())]),
            (format!("/conversations/{c}/agreement"), vec![("notes_revision", "0".into()), ("op", "notes".into()), ("notes", "x".into())]),
            (format!("/conversations/{c}/dialogue"), vec![(contribution.as_str(), "x".into())]),
            (format!("/conversations/{c}/agenda"), vec![("text", "x".into())]),
            (format!("/conversations/{c}/hr-share"), vec![("part", "agreement".into())]),
            (format!("/conversations/{c}/held"), vec![]),
            (format!("/conversations/{c}/propose"), vec![("starts_at", "2026-11-20T09:00".into())]),
            (format!("/conversations/{c}/evaluation"), ["equals", "strategy", "priorities", "worth"].map(|q| (q, "5".to_owned())).to_vec()),
        ];
        let (_, stranger) = other_org(app).await;
        let mut failures = Vec::new();
        for email in [ADMIN, HR, HEAD, LEADER, stranger] {
            let session = app.login(email).await;
            for (path, fields) in &actions {
                let status = session.post_owned(path, fields).await.status();
                if status != StatusCode::FORBIDDEN && status != StatusCode::NOT_FOUND {
                    failures.push(format!("{email} POST {path}: {status}"));
                }
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
        let db = &app.db;
        assert!(db.preparations(c).await.unwrap().is_empty());
        assert!(db.contract(c).await.unwrap().is_none());
        assert!(db.agreement(c).await.unwrap().is_none());
        assert_eq!(db.notes(c).await.unwrap(), (String::new(), 0));
        assert!(db.feedback_of(c).await.unwrap().is_empty());
        assert!(db.agenda(c).await.unwrap().is_empty());
        assert!(db.hr_shares(c).await.unwrap().is_empty());
        for side in [Side::Employee, Side::Leader] {
            assert!(db.evaluation(c, side).await.unwrap().is_none());
        }
        assert_eq!(conversation_of(app, LANE).await, conversation, "not held, not moved");
    }
}
