//! This year's focus questions: the leadership marks a few, and the preparation asks those
//! first and leaves the rest optional.

use reqwest::StatusCode;
use testkit::demo::{HR, LANE, LEADER, conversation_of, cycle};
use testkit::{TestApp, both_backends};

both_backends! {
    async fn a_few_focus_questions_keep_the_preparation_light(app: &TestApp) {
        let open = cycle(app, "MUS 2026").await;
        let path = format!("/conversations/{}/preparation", conversation_of(app, LANE).await.id);
        let lane = app.login(LANE).await;
        let (_, page) = lane.page(&path).await;
        assert_eq!(page.matches("class=\"badge\">årets fokus").count(), 4, "the demo marks four");
        assert!(page.contains("valgfrie spørgsmål"));

        let mark = format!("/cycles/{}/focus-questions", open.id);
        let hr = app.login(HR).await;
        let too_many: Vec<(&str, String)> = (0..7).map(|i| ("q", i.to_string())).collect();
        let refused = hr.post_owned(&mark, &too_many).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text().await.unwrap().contains("højst 6 fokusspørgsmål"));
        assert_eq!(hr.post(&mark, &[("q", "0"), ("q", "17")]).await.status(), StatusCode::SEE_OTHER);
        let (_, page) = lane.page(&path).await;
        assert_eq!(page.matches("class=\"badge\">årets fokus").count(), 2);
        let (_, cycle_page) = lane.page(&format!("/cycles/{}", open.id)).await;
        assert!(cycle_page.contains("Hvordan og hvornår vil du følge op på aftalen?"), "everyone sees the focus");

        for email in [LANE, LEADER] {
            assert_eq!(app.login(email).await.post(&mark, &[("q", "1")]).await.status(), StatusCode::FORBIDDEN, "{email}");
        }
    }
}
