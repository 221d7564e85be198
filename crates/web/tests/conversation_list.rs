//! The list of every conversation by stage: the database's order and counts agree with the
//! domain's stage of each conversation, pages are slices of one order, and each user sees
//! only the conversations they may follow.

use domain::conversation::Stage;
use reqwest::StatusCode;
use storage::Reach;
use testkit::demo::{HR, LANE, LEADER, other_org, person};
use testkit::{TestApp, both_backends};

both_backends! {
    async fn the_database_orders_and_counts_by_the_domain_s_stage(app: &TestApp) {
        let org = person(&app.db, LANE).await.org_id;
        let db = &app.db;
        let all = db.conversations_by_stage(org, Reach::Organisation, None, 0, 10_000).await.unwrap();
        let marks = db.conversation_marks(org, None, Reach::Organisation).await.unwrap();
        let mut expected = 0;
        for cycle in db.cycles(org).await.unwrap() {
            expected += db.conversations(org, cycle.id, Reach::Organisation).await.unwrap().len();
        }
        assert_eq!(all.lines.len(), expected);
        assert_eq!(all.total(), expected);
        for line in &all.lines {
            let c = &line.conversation;
            assert_eq!(line.stage, c.stage(marks.get(&c.id).copied().unwrap_or_default()), "{c:?}");
            assert_eq!(line.employee, db.person(org, c.employee_id).await.unwrap().name);
            assert_eq!(line.leader, db.person(org, c.leader_id).await.unwrap().name);
        }
        let stages: Vec<Stage> = all.lines.iter().map(|l| l.stage).collect();
        assert!(stages.is_sorted(), "{stages:?}");
        assert!(stages.iter().collect::<std::collections::HashSet<_>>().len() >= 3, "the demo has several stages: {stages:?}");
        for stage in Stage::ALL {
            let n = stages.iter().filter(|s| **s == stage).count();
            assert_eq!(all.counts.get(&stage).copied().unwrap_or(0), n, "{stage:?}");
        }
        let page = db.conversations_by_stage(org, Reach::Organisation, None, 5, 5).await.unwrap();
        assert_eq!(page.lines, all.lines[5..10]);
        assert_eq!(page.total(), expected);
    }

    async fn each_user_lists_only_the_conversations_they_may_follow(app: &TestApp) {
        let (_, everyone) = app.login(HR).await.page("/conversations").await;
        assert!(everyone.contains("Lane Andersen") && everyone.contains("Emma Friis"), "{everyone}");
        assert!(everyone.contains("Mette"), "the leader's name is on the line");
        let (_, theirs) = app.login(LEADER).await.page("/conversations").await;
        assert!(theirs.contains("Lane Andersen") && !theirs.contains("Emma Friis"), "{theirs}");
        assert_eq!(app.login(LANE).await.get("/conversations").await.status(), StatusCode::FORBIDDEN);
        let (_, stranger) = other_org(app).await;
        let (status, foreign) = app.login(stranger).await.page("/conversations").await;
        assert_eq!(status, StatusCode::OK);
        assert!(!foreign.contains("Lane Andersen"));
        let hr = app.login(HR).await;
        assert_eq!(hr.get("/conversations?cycle=not-a-cycle").await.status(), StatusCode::NOT_FOUND);
        assert_eq!(hr.get(&format!("/conversations?cycle={}", uuid::Uuid::new_v4())).await.status(), StatusCode::NOT_FOUND);
        let open = testkit::demo::cycle(app, "MUS 2026").await;
        let (_, one) = hr.page(&format!("/conversations?cycle={}", open.id)).await;
        assert!(everyone.contains("<td>MUS 2025</td>") && everyone.contains("<td>MUS 2026</td>"));
        assert!(one.contains("Lane Andersen") && !one.contains("<td>MUS 2025</td>"), "{one}");
    }
}
