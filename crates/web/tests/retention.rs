//! What is kept of a preparation after the conversation: the employee chooses, and drafts that
//! were never shared are deleted for real once the organisation's retention has run out.

use reqwest::StatusCode;
use testkit::demo::{ADMIN, HR, LANE, PETER, conversation_of};
use testkit::{TestApp, both_backends};

both_backends! {
    async fn the_employee_keeps_what_she_chooses_and_old_drafts_are_deleted(app: &TestApp) {
        let conversation = conversation_of(app, LANE).await;
        let path = format!("/conversations/{}/preparation", conversation.id);
        let lane = app.login(LANE).await;
        let peter = app.login(PETER).await;
        let saved = lane.post(&path, &[("revision", "0"), ("q0", "Mere sparring om forældresamtaler"), ("q1", "Privat: jeg overvejer at søge væk"), ("action", "save")]).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        let shared = peter.post(&path, &[("revision", "0"), ("q0", "Lane er god til børnene"), ("action", "share")]).await;
        assert_eq!(shared.status(), StatusCode::SEE_OTHER);
        let keep = format!("{path}/keep");
        assert_eq!(lane.post(&keep, &[("revision", "1"), ("keep", "q0")]).await.status(), StatusCode::BAD_REQUEST, "not before the conversation is held");

        assert_eq!(peter.post(&format!("/conversations/{}/held", conversation.id), &[]).await.status(), StatusCode::SEE_OTHER);
        let late = lane.post(&path, &[("revision", "1"), ("q0", "Efter samtalen"), ("action", "save")]).await;
        assert_eq!(late.status(), StatusCode::BAD_REQUEST, "the preparation is history once held");
        let (_, page) = lane.page(&path).await;
        assert!(page.contains("Hvad skal gemmes af din forberedelse?"));
        assert_eq!(peter.post(&keep, &[("revision", "1")]).await.status(), StatusCode::BAD_REQUEST, "the leader does not decide for her");
        assert_eq!(lane.post(&keep, &[("revision", "0"), ("keep", "q0")]).await.status(), StatusCode::CONFLICT);
        assert_eq!(lane.post(&keep, &[("revision", "1"), ("keep", "q0")]).await.status(), StatusCode::SEE_OTHER);
        let preparations = app.db.preparations(conversation.id).await.unwrap();
        let mine = preparations.iter().find(|p| p.side == domain::preparation::Side::Employee).unwrap();
        assert_eq!(mine.answers.len(), 1, "the private answer is gone");

        assert_eq!(app.db.purge_expired_drafts(storage::now()).await.unwrap(), 0, "kept 30 days by default");

        // the administrator sets the retention; only administrators may
        assert_eq!(app.login(HR).await.post("/admin/settings", &[("threshold", "5"), ("retention", "0"), ("stale", "60"), ("escalate", "30")]).await.status(), StatusCode::FORBIDDEN);
        let admin = app.login(ADMIN).await;
        let refused = admin.post("/admin/settings", &[("threshold", "2"), ("retention", "0"), ("stale", "60"), ("escalate", "30")]).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text().await.unwrap().contains("fra 3 til 100"));
        assert_eq!(admin.post("/admin/settings", &[("threshold", "5"), ("retention", "0"), ("stale", "60"), ("escalate", "30")]).await.status(), StatusCode::SEE_OTHER);
        let (_, audit) = admin.page("/admin/audit").await;
        assert!(audit.contains("Indstillinger ændret"));

        // Lane never shared hers: it goes; Peter's shared one stays
        let removed = app.db.purge_expired_drafts(storage::now()).await.unwrap();
        assert_eq!(removed, 1);
        let left = app.db.preparations(conversation.id).await.unwrap();
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].side, domain::preparation::Side::Leader);
    }
}
