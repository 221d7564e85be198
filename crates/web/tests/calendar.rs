//! The personal calendar feed: a secret address, shown once, that replaces the earlier one
//! when renewed and stops when revoked; what it serves reads cleanly in an independent parser.

use reqwest::StatusCode;
use testkit::demo::LANE;
use testkit::{TestApp, both_backends};

/// Makes a new address as Lane (`create` or `renew`) and returns it.
async fn new_address(lane: &testkit::Session, op: &str) -> String {
    let made = lane.post("/account/calendar", &[("op", op)]).await;
    assert_eq!(made.status(), StatusCode::OK);
    let body = made.text().await.unwrap();
    let start = body.find("http://").expect("the address is shown");
    body[start..].split('"').next().unwrap().to_owned()
}

both_backends! {
    async fn lanes_feed_lists_her_conversation_and_deadlines(app: &TestApp) {
        let lane = app.login(LANE).await;
        let (_, page) = lane.page("/account/calendar").await;
        assert!(page.contains("Du har ingen kalenderadresse"));
        let address = new_address(&lane, "create").await;
        let path = &address[address.find("/calendar/").unwrap()..];

        // a calendar program has no session: the secret address is the key
        let outsider = app.client();
        let response = outsider.get(path).await;
        assert_eq!(response.status(), StatusCode::OK);
        assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/calendar"));
        let body = response.text().await.unwrap();
        let calendar = ical::IcalParser::new(body.as_bytes()).next().unwrap().expect("valid iCalendar");
        let summaries: Vec<String> = calendar
            .events
            .iter()
            .filter_map(|e| e.properties.iter().find(|p| p.name == "SUMMARY").and_then(|p| p.value.clone()))
            .collect();
        assert!(summaries.contains(&"MUS-samtale med Peter Lund".to_owned()), "{summaries:?}");
        assert!(summaries.contains(&"Frist: Sprogmappe for hvert barn".to_owned()), "{summaries:?}");
        assert!(!summaries.iter().any(|s| s.contains("Kursus i dialogisk læsning")), "done actions are not deadlines");

        // a repeated create (a reloaded page) keeps the address; a renewal replaces it
        assert_eq!(lane.post("/account/calendar", &[("op", "create")]).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(outsider.get(path).await.status(), StatusCode::OK, "still the same address");
        let renewed = new_address(&lane, "renew").await;
        assert_ne!(renewed, address);
        assert_eq!(outsider.get(path).await.status(), StatusCode::NOT_FOUND);
        let renewed_path = &renewed[renewed.find("/calendar/").unwrap()..];
        assert_eq!(outsider.get(renewed_path).await.status(), StatusCode::OK);
        assert_eq!(lane.post("/account/calendar", &[("op", "revoke")]).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(outsider.get(renewed_path).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(outsider.get("/calendar/not-a-token.ics").await.status(), StatusCode::NOT_FOUND);
        assert_eq!(app.client().get("/account/calendar").await.status(), StatusCode::SEE_OTHER, "the page itself needs a login");
    }
}
