//! The people list a page at a time with each person's number of conversations, and a person's
//! page with their conversations for those who may open them.

use domain::PersonId;
use domain::person::{Email, Person};
use reqwest::StatusCode;
use testkit::demo::{ADMIN, HR, LANE, LEADER, cycle, person};
use testkit::{TestApp, both_backends};

/// The table row of the list that names `name`.
fn row<'p>(page: &'p str, name: &str) -> &'p str {
    page.split("<tr>")
        .find(|r| r.contains(name))
        .unwrap_or_else(|| panic!("{name} in {page}"))
}

both_backends! {
    async fn the_people_list_counts_conversations_and_pages_by_fifty(app: &TestApp) {
        let lane = person(&app.db, LANE).await;
        let held = app.db.conversations_with(lane.org_id, lane.id).await.unwrap()
            .into_iter()
            .filter(|c| c.employee_id == lane.id && !c.cancelled)
            .count();
        assert!(held > 0);
        let hr = app.login(HR).await;
        let (_, list) = hr.page("/people").await;
        assert!(row(&list, "Lane Andersen").contains(&format!("<td class=\"num\">{held}</td>")), "{list}");
        assert!(!list.contains("page=2"), "the demo fits on one page");

        // Sixty more people: the list shows fifty, in name order, and the rest on page two.
        let before = app.db.people(lane.org_id).await.unwrap().len();
        for n in 0..60 {
            app.db.insert_person(&Person {
                id: PersonId::new(),
                email: Email::parse(&format!("zz{n:02}@maelkeboetten.dk")).unwrap(),
                name: format!("Zacharias {n:02}"),
                job_title: "Vikar".into(),
                leader_id: None,
                active: true,
                ..lane.clone()
            }).await.unwrap();
        }
        let total = before + 60;
        let (_, first) = hr.page("/people").await;
        assert_eq!(first.matches("<td><a href=\"/people/").count(), 50);
        assert!(first.contains(&format!("1–50 af {total}")) && first.contains("page=2"), "{first}");
        assert!(first.contains("Lane Andersen") && !first.contains("Zacharias 59"));
        let (_, second) = hr.page("/people?page=2").await;
        assert_eq!(second.matches("<td><a href=\"/people/").count(), total - 50);
        assert!(second.contains("Zacharias 59") && !second.contains("Lane Andersen"));
        assert!(second.contains(&format!("51–{total} af {total}")) && second.contains("page=1"));
        assert!(row(&second, "Zacharias 59").contains("<td class=\"num\">0</td>"));
        // HR's overview of the open cycle, the whole organisation, pages the same way.
        let open = cycle(app, "MUS 2026").await;
        let overview = format!("/cycles/{}/overview", open.id);
        let line = format!("href=\"/cycles/{}/people/", open.id);
        let (_, first) = hr.page(&overview).await;
        assert_eq!(first.matches(&line).count(), 50, "{first}");
        assert!(first.contains(&format!("1–50 af {total}")) && first.contains("overview?page=2"));
        let (_, second) = hr.page(&format!("{overview}?page=2")).await;
        assert_eq!(second.matches(&line).count(), total - 50);
        // A search pages too, and a page past the end is an empty page, not an error.
        let (_, found) = hr.page("/people?q=zacharias&page=2").await;
        assert_eq!(found.matches("<td><a href=\"/people/").count(), 10);
        assert!(found.contains("href=\"/people?q=zacharias&"), "the search is kept: {found}");
        let (status, _) = hr.page("/people?page=99").await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(hr.get("/people?page=two").await.status(), StatusCode::BAD_REQUEST);
    }

    async fn a_person_page_lists_their_conversations_to_those_who_may_open_them(app: &TestApp) {
        let lane = person(&app.db, LANE).await;
        let open = cycle(app, "MUS 2026").await;
        let link = format!("/cycles/{}/people/{}", open.id, lane.id);
        let path = format!("/people/{}", lane.id);
        for email in [LANE, LEADER, HR] {
            let (_, page) = app.login(email).await.page(&path).await;
            assert!(page.contains(&link) && page.contains("MUS 2026"), "{email}: {page}");
        }
        // The administrator keeps the people register but does not read conversations.
        let (status, page) = app.login(ADMIN).await.page(&path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!page.contains(&link) && !page.contains("MUS 2026"), "{page}");
    }
}
