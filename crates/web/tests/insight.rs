//! Strategic insight: the leadership answers what employees shared, takes it up and sends it
//! on to a unit; the employee sees the answer, the unit's leader reads what was sent on, and
//! anonymous items stay anonymous all the way.

use reqwest::StatusCode;
use testkit::demo::{HEAD, HR, LANE, LEADER, PETER, conversation_of, goal, other_org, person};
use testkit::{TestApp, both_backends};

/// The handle of the item on the leadership page whose text contains `text`.
fn handle_of(page: &str, text: &str) -> String {
    let at = page
        .find(text)
        .unwrap_or_else(|| panic!("{text} in {page}"));
    let start = page[..at].rfind("id=\"item-").expect("an item") + "id=\"item-".len();
    page[start..start + 36].to_owned()
}

async fn unit(app: &TestApp, name: &str) -> String {
    let org = person(&app.db, HEAD).await.org_id;
    app.db
        .unit_tree(org)
        .await
        .unwrap()
        .by_name(name)
        .unwrap()
        .id
        .to_string()
}

/// Lane shares her feedback on the parents goal without her name: the fifth anonymous answer.
async fn lane_shares_anonymously(app: &TestApp) {
    shares_anonymously(app, LANE, "Jeg holder forældremøderne").await;
}

async fn shares_anonymously(app: &TestApp, email: &str, contribution: &str) {
    let conversation = conversation_of(app, email).await;
    let parents = goal(app, "Styrk dialogen med forældrene").await.id;
    let response = app
        .login(email)
        .await
        .post_owned(
            &format!("/conversations/{}/dialogue", conversation.id),
            &[
                (&format!("{parents}-contribution"), contribution.into()),
                (
                    &format!("{parents}-barriers"),
                    "Vi mangler tid til forberedelse".into(),
                ),
                (&format!("{parents}-clarity"), "3".into()),
                (&format!("{parents}-visibility"), "anonymous".into()),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

both_backends! {
    async fn the_leadership_answers_and_sends_on_and_the_employee_sees_it(app: &TestApp) {
        let head = app.login(HEAD).await;
        let (_, page) = head.page("/strategy/feedback").await;
        // Only Sofie's named item is shown; the four anonymous ones wait for a fifth.
        assert!(page.contains("Delt af 1: barrierer 1 · muligheder 0 · konkrete dilemmaer 1."), "{page}");
        let sofie_item = handle_of(&page, "inviterer forældrene");
        assert!(page.contains("Sofie"), "a named item says whose it is: {page}");
        let red = unit(app, "Rød stue").await;
        let answer = "Vi flytter forældrearrangementerne til kl. 17.";
        let path = format!("/strategy/feedback/{sofie_item}");
        let saved = head.post(&path, &[("taken_up", "yes"), ("answer", answer), ("unit", red.as_str())]).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        let (_, page) = head.page("/strategy/feedback").await;
        assert!(page.contains("taget op") && page.contains("Sendt videre til Rød stue") && page.contains(answer));

        // Sofie reads the answer on her own conversation's dialogue page.
        let sofie = person(&app.db, "sofie@maelkeboetten.dk").await;
        let open = testkit::demo::cycle(app, "MUS 2026").await;
        let hers = app.db.conversation_of(sofie.org_id, open.id, sofie.id).await.unwrap().unwrap();
        let (_, dialogue) = app.login("sofie@maelkeboetten.dk").await.page(&format!("/conversations/{}/dialogue", hers.id)).await;
        assert!(dialogue.contains("Ledelsens svar på det, du delte") && dialogue.contains(answer), "{dialogue}");
        // Lane shared nothing with the leadership: no answer on hers.
        let lanes = conversation_of(app, LANE).await;
        let (_, dialogue) = app.login(LANE).await.page(&format!("/conversations/{}/dialogue", lanes.id)).await;
        assert!(!dialogue.contains(answer));

        // The leaders of Rød stue and above read what was sent on; Peter's unit got nothing.
        for email in ["sofie@maelkeboetten.dk", LEADER] {
            let (status, routed) = app.login(email).await.page("/strategy/routed").await;
            assert_eq!(status, StatusCode::OK);
            assert!(routed.contains("inviterer forældrene") && routed.contains("Sofie Dahl") && routed.contains(answer), "{email}: {routed}");
        }
        let (_, peters) = app.login(PETER).await.page("/strategy/routed").await;
        assert!(peters.contains("har ikke sendt feedback videre") && !peters.contains("inviterer forældrene"));
        assert_eq!(app.login(LANE).await.get("/strategy/routed").await.status(), StatusCode::FORBIDDEN);
    }

    async fn anonymous_items_stay_anonymous_all_the_way(app: &TestApp) {
        lane_shares_anonymously(app).await;
        let head = app.login(HEAD).await;
        let (_, page) = head.page("/strategy/feedback").await;
        assert!(page.contains("Delt af 6: barrierer 6"), "{page}");
        // Nothing on the page leads back to a conversation.
        let ali = person(&app.db, "ali@maelkeboetten.dk").await;
        let open = testkit::demo::cycle(app, "MUS 2026").await;
        let alis = app.db.conversation_of(ali.org_id, open.id, ali.id).await.unwrap().unwrap();
        assert!(!page.contains(&alis.id.to_string()));

        let item = handle_of(&page, "oversætter for forældre");
        let answer = "Vi får folderen oversat til arabisk og somali.";
        assert_eq!(head.post(&format!("/strategy/feedback/{item}"), &[("taken_up", "yes"), ("answer", answer), ("unit", "grøn stue")]).await.status(), StatusCode::SEE_OTHER, "a unit by its name, as the form sends it");

        // Peter leads Grøn stue: he reads the item and the answer, and no name at all.
        let (_, routed) = app.login(PETER).await.page("/strategy/routed").await;
        assert!(routed.contains("oversætter for forældre") && routed.contains(answer) && routed.contains("uden navn"), "{routed}");
        for name in ["Ali Hassan", "Lane Andersen", "Anne Thomsen", "Camilla Jakobsen", "Lars Pedersen"] {
            assert!(!routed.contains(name), "{name} in {routed}");
        }
        // The export has the five anonymous items without a name and Sofie's with hers.
        let csv = head.get(&format!("/strategy/feedback.csv?cycle={}", open.id)).await.text().await.unwrap();
        assert_eq!(csv.lines().filter(|l| l.starts_with("Styrk dialogen med forældrene,Uden navn,")).count(), 5, "{csv}");
        assert!(csv.contains("Styrk dialogen med forældrene,Sofie Dahl,"));
        for name in ["Ali Hassan", "Lane Andersen", "Anne Thomsen", "Camilla Jakobsen", "Lars Pedersen"] {
            assert!(!csv.contains(name), "{name} in {csv}");
        }
        assert_eq!(app.login(PETER).await.get("/strategy/feedback.csv").await.status(), StatusCode::FORBIDDEN);

        // Ali, who wrote it, sees the answer; Lane, also anonymous, does not.
        let (_, his) = app.login("ali@maelkeboetten.dk").await.page(&format!("/conversations/{}/dialogue", alis.id)).await;
        assert!(his.contains(answer));
        let lanes = conversation_of(app, LANE).await;
        let (_, hers) = app.login(LANE).await.page(&format!("/conversations/{}/dialogue", lanes.id)).await;
        assert!(!hers.contains(answer));
    }

    async fn only_the_leadership_answers_and_bad_answers_change_nothing(app: &TestApp) {
        let head = app.login(HEAD).await;
        let (_, page) = head.page("/strategy/feedback").await;
        let item = handle_of(&page, "inviterer forældrene");
        let path = format!("/strategy/feedback/{item}");
        for email in [PETER, HR, LEADER, LANE] {
            let status = app.login(email).await.post(&path, &[("taken_up", "yes"), ("answer", "x")]).await.status();
            assert_eq!(status, StatusCode::FORBIDDEN, "{email}");
        }
        let (_, stranger) = other_org(app).await;
        let status = app.login(stranger).await.post(&path, &[("answer", "x")]).await.status();
        assert_eq!(status, StatusCode::NOT_FOUND, "another organisation's leadership");
        let unknown = format!("/strategy/feedback/{}", uuid::Uuid::new_v4());
        assert_eq!(head.post(&unknown, &[("answer", "x")]).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(head.post(&path, &[("answer", "x"), ("unit", "not-a-unit")]).await.status(), StatusCode::BAD_REQUEST);
        let long = "x".repeat(3001);
        assert_eq!(head.post(&path, &[("answer", long.as_str())]).await.status(), StatusCode::BAD_REQUEST);
        let (_, after) = head.page("/strategy/feedback").await;
        assert!(!after.contains("taget op") && !after.contains("Sendt videre"), "nothing was saved");
    }

    async fn a_new_anonymous_item_waits_for_a_whole_block(app: &TestApp) {
        lane_shares_anonymously(app).await;
        let head = app.login(HEAD).await;
        let (_, five) = head.page("/strategy/feedback").await;
        assert!(five.contains("Jeg holder forældremøderne"), "the fifth opens the block");
        // A sixth shared later would stand out as the newest: it waits for five more.
        shares_anonymously(app, "nanna@maelkeboetten.dk", "Jeg spørger forældrene om deres dag").await;
        let (_, six) = head.page("/strategy/feedback").await;
        assert!(!six.contains("Jeg spørger forældrene om deres dag"));
        assert!(six.contains("1 svar uden navn holdes tilbage"), "{six}");
        let csv = head.get("/strategy/feedback.csv").await.text().await.unwrap();
        assert!(!csv.contains("Jeg spørger forældrene om deres dag"), "nor in the export");
    }
}

/// `n` more people in Grøn stue share feedback on the parents goal without their name, each in
/// their conversation of the open cycle.
async fn many_share(app: &TestApp, n: usize) {
    use domain::conversation::Conversation;
    use domain::dialogue::{Feedback, Visibility};
    let db = &app.db;
    let peter = person(db, PETER).await;
    let open = testkit::demo::cycle(app, "MUS 2026").await;
    let parents = goal(app, "Styrk dialogen med forældrene").await.id;
    for i in 0..n {
        let someone = testkit::demo::newcomer(db, i).await;
        let conversation = Conversation::new(&open, someone.id, peter.id);
        db.save_conversation(&conversation).await.unwrap();
        let feedback = Feedback {
            goal_id: parents,
            contribution: format!("Bidrag nummer {i:03}"),
            hard_situations: String::new(),
            what_then: String::new(),
            opportunities: String::new(),
            barriers: String::new(),
            clarity: Some(4),
            visibility: Visibility::Anonymous,
        };
        db.save_feedback(&conversation, &[feedback]).await.unwrap();
    }
}

both_backends! {
    async fn a_goal_with_many_answers_is_read_a_page_at_a_time(app: &TestApp) {
        // With Lane's, the five of the demo and sixty more: 65 anonymous answers and Sofie's.
        lane_shares_anonymously(app).await;
        many_share(app, 60).await;
        let parents = goal(app, "Styrk dialogen med forældrene").await.id;
        let open = testkit::demo::cycle(app, "MUS 2026").await;
        let head = app.login(HEAD).await;
        let (_, overview) = head.page("/strategy/feedback").await;
        let items = |page: &str| page.matches("<article class=\"feedback\"").count();
        assert!(overview.contains("Delt af 66: barrierer 6"), "the counts are of all: {overview}");
        assert!(overview.contains("Læs alle 66 svar om målet"), "{overview}");
        let on_parents = |page: &str| {
            let start = page.find(&format!("id=\"goal-{parents}\"")).expect("the goal");
            let end = page[start..].find("</section>").unwrap() + start;
            items(&page[start..end])
        };
        assert_eq!(on_parents(&overview), 10, "the overview shows the first ten");
        // Per unit, everyone shown counts in their unit and every unit above it.
        let row = |unit: &str, n: usize| format!("<tr><td>{unit}</td><td class=\"num\">{n}</td></tr>");
        assert!(overview.contains(&row("Mælkebøtten", 66)), "{overview}");
        assert!(overview.contains(&row("Børnehaven", 66)), "{overview}");

        let goal_page = format!("/strategy/feedback?cycle={}&goal={parents}", open.id);
        let (status, first) = head.page(&goal_page).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(items(&first), 50, "one goal only, fifty at a time");
        assert!(first.contains("1–50 af 66") && first.contains("Sofie Dahl"), "{first}");
        let (_, second) = head.page(&format!("{goal_page}&page=2")).await;
        assert_eq!(items(&second), 16);
        // Named items come first; the anonymous ones in the order of their random handles.
        assert!(!second.contains("Sofie Dahl"));
        let on_second = second.find("Bidrag nummer ").map(|at| &second[at..at + "Bidrag nummer 000".len()]).expect("an answer on the second page");
        // Every answer is on exactly one of the pages.
        for i in 0..60 {
            let text = format!("Bidrag nummer {i:03}");
            assert_eq!(first.contains(&text) as u8 + second.contains(&text) as u8, 1, "{text}");
        }

        // Answering an item on the second page leads back to it.
        let item = handle_of(&second, on_second);
        let saved = head
            .post(
                &format!("/strategy/feedback/{item}"),
                &[("answer", "Tak"), ("cycle", &open.id.to_string()), ("goal", &parents.to_string()), ("page", "2")],
            )
            .await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        let to = saved.headers()["location"].to_str().unwrap().to_owned();
        assert_eq!(to, format!("/strategy/feedback?cycle={}&goal={parents}&page=2&done=done-saved#item-{item}", open.id));

        // A goal that is not the cycle's focus, or no goal at all, is not there.
        let other = goal(app, "Forældresamtaler med fælles mål for barnet").await.id;
        for path in [
            format!("/strategy/feedback?cycle={}&goal={other}", open.id),
            format!("/strategy/feedback?cycle={}&goal={}", open.id, uuid::Uuid::new_v4()),
            "/strategy/feedback?goal=nonsense".to_owned(),
        ] {
            assert_eq!(head.get(&path).await.status(), StatusCode::NOT_FOUND, "{path}");
        }
        assert_eq!(app.login(HR).await.get(&goal_page).await.status(), StatusCode::FORBIDDEN);
        // The export still holds every answer.
        let csv = head.get("/strategy/feedback.csv").await.text().await.unwrap();
        assert_eq!(csv.matches("Bidrag nummer").count(), 60);
    }
}

both_backends! {
    async fn the_shared_list_is_kept_until_any_instance_changes_what_it_holds(app: &TestApp) {
        use domain::dialogue::{Feedback, Response, Visibility};
        use storage::Db;
        let db = &app.db;
        let org = person(db, HEAD).await.org_id;
        let open = testkit::demo::cycle(app, "MUS 2026").await.id;
        // As read by a server that has kept nothing.
        let fresh = || async {
            let other = Db::connect(&db.url).await.unwrap();
            let read = other.leadership_feedback(org, open).await.unwrap();
            other.close().await;
            read
        };
        let first = db.leadership_feedback(org, open).await.unwrap();
        assert_eq!(first, fresh().await);
        let before = db.queries();
        db.leadership_feedback(org, open).await.unwrap();
        assert_eq!(db.queries() - before, 1, "one read of the revision");
        // Another server on the same database changes each thing the list holds.
        let elsewhere = Db::connect(&db.url).await.unwrap();
        let check = |what: &'static str| async move {
            let before = db.queries();
            let kept = db.leadership_feedback(org, open).await.unwrap();
            assert_eq!(db.queries() - before, 2, "the revision and the list: {what}");
            assert_eq!(kept, fresh().await, "{what}");
            kept
        };
        let lanes = conversation_of(app, LANE).await;
        let item = Feedback {
            goal_id: goal(app, "Styrk dialogen med forældrene").await.id,
            contribution: "Jeg holder forældremøderne".into(),
            hard_situations: String::new(),
            what_then: String::new(),
            opportunities: "Flere møder".into(),
            barriers: String::new(),
            clarity: Some(2),
            visibility: Visibility::Anonymous,
        };
        elsewhere.save_feedback(&lanes, &[item]).await.unwrap();
        let shared = check("an item shared").await;
        assert_eq!(shared.len(), first.len() + 1);
        let lane = person(db, LANE).await.id;
        let handle = shared.iter().find(|e| e.person == lane).and_then(|e| e.handle).unwrap();
        let answer = Response { taken_up: true, answer: "Tak".into(), routed_to: None };
        elsewhere.respond_to_feedback(org, handle, &answer, person(db, HEAD).await.id).await.unwrap();
        let answered = check("an item answered").await;
        assert!(answered.iter().any(|e| e.handle == Some(handle) && e.response.is_some()));
        let named = answered.iter().find(|e| !e.name.is_empty()).expect("a named item").person;
        let mut renamed = elsewhere.person(org, named).await.unwrap();
        renamed.name = "Sofie Omdøbt".into();
        elsewhere.update_person(&renamed).await.unwrap();
        assert!(check("its giver renamed").await.iter().any(|e| e.name == "Sofie Omdøbt"));
        let mut moving = elsewhere.person(org, lane).await.unwrap();
        let tree = elsewhere.unit_tree(org).await.unwrap();
        moving.unit_id = tree.walk().iter().map(|(_, u)| u.id).find(|u| *u != moving.unit_id).unwrap();
        elsewhere.update_person(&moving).await.unwrap();
        check("its giver moved").await;
        elsewhere.save_feedback(&lanes, &[]).await.unwrap();
        assert_eq!(check("an item withdrawn").await.len(), first.len());
        elsewhere.close().await;
    }
}
