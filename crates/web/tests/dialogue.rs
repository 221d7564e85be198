//! The strategic dialogue over HTTP: the employee writes, the two parties read, and the
//! leadership group sees only what was shared with it, named or anonymous as chosen.

use reqwest::StatusCode;
use testkit::demo::{ADMIN, HEAD, HR, LANE, LEADER, PETER, conversation_of, goal};
use testkit::{TestApp, both_backends};

async fn lane_says(app: &TestApp, visibility: &str, clarity: &str) -> reqwest::Response {
    let conversation = conversation_of(app, LANE).await;
    let parents = goal(app, "Styrk dialogen med forældrene").await.id;
    let lane = app.login(LANE).await;
    lane.post_owned(
        &format!("/conversations/{}/dialogue", conversation.id),
        &[
            (
                &format!("{parents}-contribution"),
                "Jeg holder forældremøderne i Grøn stue".into(),
            ),
            (
                &format!("{parents}-hard_situations"),
                "Når en forælder bliver vred over en bekymring".into(),
            ),
            (&format!("{parents}-clarity"), clarity.into()),
            (&format!("{parents}-visibility"), visibility.into()),
        ],
    )
    .await
}

both_backends! {
    async fn lanes_feedback_reaches_leadership_as_she_chose(app: &TestApp) {
        let conversation = conversation_of(app, LANE).await;
        let page = format!("/conversations/{}/dialogue", conversation.id);
        for (email, status) in [(LANE, 200), (PETER, 200), (LEADER, 404), (HR, 404), (ADMIN, 404), (HEAD, 404)] {
            assert_eq!(app.login(email).await.get(&page).await.status().as_u16(), status, "{email}");
        }
        for (email, status) in [(HEAD, 200), (HR, 403), (ADMIN, 403), (LEADER, 403), (LANE, 403)] {
            assert_eq!(app.login(email).await.get("/strategy/feedback").await.status().as_u16(), status, "{email}");
        }
        let head = app.login(HEAD).await;
        let (_, before) = head.page("/strategy/feedback").await;
        assert!(before.contains("Sofie Dahl") && before.contains("inviterer forældrene"), "named feedback is shown");
        assert!(before.contains("4 svar uden navn holdes tilbage"), "{before}");
        assert!(!before.contains("Jeg har aldrig lært"), "four anonymous answers stay hidden");

        let refused = lane_says(app, "named", "7").await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text().await.unwrap().contains("Jeg holder forældremøderne"), "typed text kept");

        assert_eq!(lane_says(app, "conversation", "2").await.status(), StatusCode::SEE_OTHER);
        let (_, peter_sees) = app.login(PETER).await.page(&page).await;
        assert!(peter_sees.contains("Jeg holder forældremøderne"), "the leader of the conversation reads it");
        let (_, kept) = head.page("/strategy/feedback").await;
        assert!(!kept.contains("Jeg holder forældremøderne") && kept.contains("4 svar uden navn"));

        assert_eq!(lane_says(app, "named", "2").await.status(), StatusCode::SEE_OTHER);
        let (_, named) = head.page("/strategy/feedback").await;
        assert!(named.contains("Lane Andersen") && named.contains("Jeg holder forældremøderne"));

        // anonymous: the fifth person opens the anonymous answers, and no name goes with them
        assert_eq!(lane_says(app, "anonymous", "2").await.status(), StatusCode::SEE_OTHER);
        let (_, anonymous) = head.page("/strategy/feedback").await;
        assert!(anonymous.contains("Jeg holder forældremøderne") && anonymous.contains("Jeg har aldrig lært"));
        assert!(!anonymous.contains("Lane Andersen") && !anonymous.contains("Lars Pedersen"), "{anonymous}");
        assert!(anonymous.contains("2,8 af 5"), "average of 3, 2, 4, 3, 2, the Danish way");

        // only the employee writes it
        let peter = app.login(PETER).await;
        assert_eq!(peter.post(&page, &[]).await.status(), StatusCode::FORBIDDEN);
    }
}
