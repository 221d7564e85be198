//! HTTP integration tests: the real server on a random loopback port, driven by a real client
//! that keeps cookies and sends CSRF tokens. Every test runs on SQLite and on PostgreSQL.

use domain::role::GrantedRoles;
use reqwest::StatusCode;
use testkit::{TestApp, both_backends};

use testkit::demo::{ADMIN, HEAD, HR, LANE, LEADER, cycle, goal, other_org, person};

fn chrono_date(raw: &str) -> chrono::NaiveDate {
    domain::strategy::parse_date(raw).unwrap()
}

/// Downloads a conversation's invitation and reads it with an independent iCalendar parser:
/// (UID, SEQUENCE, DTSTART, METHOD, number of time zones).
async fn invitation_of(
    session: &testkit::Session,
    id: domain::ConversationId,
) -> (String, String, String, String, usize) {
    let response = session
        .get(&format!("/conversations/{id}/invitation.ics"))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let body = response.text().await.unwrap();
    let calendar = ical::IcalParser::new(body.as_bytes())
        .next()
        .unwrap()
        .expect("valid iCalendar");
    let value = |props: &[ical::property::Property], name: &str| {
        props
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap()
    };
    (
        value(&calendar.events[0].properties, "UID"),
        value(&calendar.events[0].properties, "SEQUENCE"),
        value(&calendar.events[0].properties, "DTSTART"),
        value(&calendar.properties, "METHOD"),
        calendar.timezones.len(),
    )
}

both_backends! {
    async fn login_logout_and_wrong_passwords(app: &TestApp) {
        let anonymous = app.client();
        let home = anonymous.get("/").await;
        assert_eq!(home.status(), StatusCode::SEE_OTHER);
        assert_eq!(home.headers()["location"], "/login");

        let mut visitor = app.client();
        let login_page = visitor.open_login().await;
        assert!(login_page.contains("<html lang=\"da\">") && login_page.contains("Log ind"));
        let refused = visitor.post("/login", &[("email", LANE), ("password", "wrong password")]).await;
        assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
        assert!(refused.text().await.unwrap().contains("Forkert e-mail eller adgangskode"));

        let lane = app.login(LANE).await;
        let (status, body) = lane.page("/").await;
        assert_eq!(status, StatusCode::OK);
        assert!(body.contains("Velkommen, Lane"), "{body}");
        assert!(body.contains("Grøn stue") && body.contains("Peter Lund"), "unit and leader shown");
        let cookie = app.client().get("/login").await.headers()["set-cookie"].to_str().unwrap().to_owned();
        assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), "{cookie}");

        let out = lane.post("/logout", &[]).await;
        assert_eq!(out.status(), StatusCode::SEE_OTHER);
        assert_eq!(lane.get("/").await.status(), StatusCode::SEE_OTHER, "session ended");
    }

    async fn login_is_throttled_per_account(app: &TestApp) {
        for _ in 0..web::auth::MAX_FAILURES_PER_ACCOUNT {
            assert_eq!(app.login_with(LANE, "not her password").await.err(), Some(StatusCode::UNAUTHORIZED));
        }
        assert_eq!(app.login_with(LANE, testkit::DEMO_PASSWORD).await.err(), Some(StatusCode::TOO_MANY_REQUESTS));
        // other accounts are unaffected
        app.login(LEADER).await;
        let admin = app.login(ADMIN).await;
        let (_, audit) = admin.page("/admin/audit").await;
        assert!(audit.contains("Mislykket log ind") && audit.contains(LANE));
    }

    async fn forms_without_a_valid_csrf_token_are_refused(app: &TestApp) {
        let hr = app.login(HR).await;
        let root = app.db.unit_tree(person(&app.db, HR).await.org_id).await.unwrap().root().unwrap().id.to_string();
        let fields = [("name", "Blå stue"), ("kind", "team"), ("parent", root.as_str())];
        let missing = hr.post_raw("/admin/units", &fields).await;
        assert_eq!(missing.status(), StatusCode::FORBIDDEN);
        assert!(missing.text().await.unwrap().contains("Formularen er udløbet"));
        let mut wrong = fields.to_vec();
        wrong.push(("csrf", "not-the-token"));
        assert_eq!(hr.post_raw("/admin/units", &wrong).await.status(), StatusCode::FORBIDDEN);
        let (_, units) = hr.page("/admin/units").await;
        assert!(!units.contains("Blå stue"), "nothing created");
        assert_eq!(hr.post("/admin/units", &fields).await.status(), StatusCode::SEE_OTHER);
        let (_, units) = hr.page("/admin/units").await;
        assert!(units.contains("Blå stue"));
        // a login form posted without the anonymous session's token is refused too
        let stranger = app.client();
        let response = stranger.post_raw("/login", &[("email", LANE), ("password", testkit::DEMO_PASSWORD)]).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    }

    // More clients than the pool has connections, each slowly sending a form with a session
    // cookie: none may hold a connection while it sends, so a page still answers.
    async fn clients_sending_slowly_hold_no_connection(app: &TestApp) {
        use tokio::io::AsyncWriteExt;
        let lane = app.login(LANE).await;
        let address = app.base.trim_start_matches("http://").to_owned();
        let mut slow = Vec::new();
        for _ in 0..24 {
            let mut stream = tokio::net::TcpStream::connect(&address).await.unwrap();
            let head = format!(
                "POST /admin/units HTTP/1.1\r\nHost: {address}\r\nCookie: mouse_session=unknown\r\n\
                 Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nname="
            );
            stream.write_all(head.as_bytes()).await.unwrap();
            slow.push(stream);
        }
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        let home = tokio::time::timeout(std::time::Duration::from_secs(5), lane.get("/"))
            .await
            .expect("a page answers while the slow clients send");
        assert_eq!(home.status(), StatusCode::OK);
        drop(slow);
    }

    async fn access_matrix(app: &TestApp) {
        let lane_id = person(&app.db, LANE).await.id;
        let emma_id = person(&app.db, "emma@maelkeboetten.dk").await.id;
        let parents_goal = goal(app, "Styrk dialogen med forældrene").await.id;
        let open_cycle = cycle(app, "MUS 2026").await.id;
        let demo_set = cycle(app, "MUS 2026").await.question_set.unwrap();
        let lanes = testkit::demo::conversation_of(app, LANE).await.id;
        let pages: Vec<(String, [u16; 5])> = vec![
            //                                  admin, hr, head, leader, lane
            ("/".into(),                         [200, 200, 200, 200, 200]),
            ("/people".into(),                   [200, 200, 200, 200, 403]),
            (format!("/people/{lane_id}"),       [200, 200, 200, 200, 200]),
            (format!("/people/{emma_id}"),       [200, 200, 200, 404, 404]),
            ("/admin/units".into(),              [200, 200, 403, 403, 403]),
            ("/admin/people/new".into(),         [200, 200, 403, 403, 403]),
            (format!("/admin/people/{lane_id}/edit"), [200, 200, 403, 403, 403]),
            ("/admin/import".into(),             [200, 200, 403, 403, 403]),
            ("/admin/users".into(),              [200, 403, 403, 403, 403]),
            (format!("/admin/users/{lane_id}"),  [200, 403, 403, 403, 403]),
            ("/admin/audit".into(),              [200, 403, 403, 403, 403]),
            ("/strategy".into(),                 [200, 200, 200, 200, 200]),
            ("/cycles".into(),                   [200, 200, 200, 200, 200]),
            ("/question-sets".into(),            [200, 200, 200, 200, 200]),
            (format!("/question-sets/{demo_set}"), [200, 200, 200, 200, 200]),
            (format!("/cycles/{open_cycle}"),    [200, 200, 200, 200, 200]),
            ("/cycles/new".into(),               [403, 200, 200, 403, 403]),
            (format!("/cycles/{open_cycle}/edit"), [403, 200, 200, 403, 403]),
            (format!("/strategy/goals/{parents_goal}"), [200, 200, 200, 200, 200]),
            ("/strategy/goals/new".into(),       [403, 200, 200, 403, 403]),
            (format!("/strategy/goals/new?parent={parents_goal}"), [403, 200, 200, 200, 403]),
            (format!("/strategy/goals/{parents_goal}/edit"), [403, 200, 200, 403, 403]),
            ("/competences".into(),              [200, 200, 200, 200, 200]),
            // a conversation's state and dates for those above it; its content for its parties
            (format!("/cycles/{open_cycle}/people/{lane_id}"), [404, 200, 200, 200, 200]),
            (format!("/conversations/{lanes}/preparation"), [404, 404, 404, 404, 200]),
            (format!("/conversations/{lanes}/contract"),    [404, 404, 404, 404, 200]),
            (format!("/conversations/{lanes}/agreement"),   [404, 404, 404, 404, 200]),
            (format!("/conversations/{lanes}/dialogue"),    [404, 404, 404, 404, 200]),
            (format!("/conversations/{lanes}/print"),       [404, 404, 404, 404, 200]),
            (format!("/conversations/{lanes}/evaluation"),  [404, 404, 404, 404, 200]),
            // a leader's results from their own conversations: for whoever leads a unit
            ("/evaluations".into(),              [403, 200, 200, 200, 403]),
            // everyone sees effect in their own scope; only leadership sets the intended effect
            ("/effect".into(),                   [200, 200, 200, 200, 200]),
            ("/effect.csv".into(),               [200, 200, 200, 200, 200]),
            ("/evaluations.csv".into(),          [403, 200, 200, 200, 403]),
            ("/strategy/feedback.csv".into(),    [403, 403, 200, 403, 403]),
            (format!("/cycles/{open_cycle}/intentions"), [403, 403, 200, 403, 403]),
            ("/strategy/feedback".into(),        [403, 403, 200, 403, 403]),
            ("/strategy/routed".into(),          [403, 200, 200, 200, 403]),
            ("/red-thread".into(),               [200, 200, 200, 200, 200]),
            ("/my-actions".into(),               [200, 200, 200, 200, 200]),
            ("/follow-through".into(),           [403, 200, 200, 200, 403]),
            ("/account/calendar".into(),         [200, 200, 200, 200, 200]),
            ("/account/reminders".into(),        [200, 200, 200, 200, 200]),
            ("/admin/settings".into(),           [200, 403, 403, 403, 403]),
            ("/competences/new".into(),          [403, 200, 403, 403, 403]),
            ("/people/not-an-id".into(),         [404, 404, 404, 404, 404]),
            ("/no/such/page".into(),             [404, 404, 404, 404, 404]),
        ];
        let mut failures = Vec::new();
        for (index, email) in [ADMIN, HR, HEAD, LEADER, LANE].into_iter().enumerate() {
            let session = app.login(email).await;
            for (path, expected) in &pages {
                let status = session.get(path).await.status().as_u16();
                if status != expected[index] {
                    failures.push(format!("{email} GET {path}: {status}, expected {}", expected[index]));
                }
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");

        // actions, not only pages
        let lane = app.login(LANE).await;
        let emma = format!("/admin/people/{emma_id}/deactivate");
        assert_eq!(lane.post(&emma, &[]).await.status(), StatusCode::FORBIDDEN);
        let hr = app.login(HR).await;
        let roles = format!("/admin/users/{lane_id}/roles");
        assert_eq!(hr.post(&roles, &[("admin", "on")]).await.status(), StatusCode::FORBIDDEN);
        assert!(app.db.granted_roles(lane_id).await.unwrap() == GrantedRoles::default());
        assert!(person(&app.db, "emma@maelkeboetten.dk").await.active);

        // the leader's list holds exactly the people of Børnehaven and its rooms
        let leader = app.login(LEADER).await;
        let (_, list) = leader.page("/people").await;
        assert!(list.contains("Lane Andersen") && list.contains("Camilla Jakobsen"));
        assert!(!list.contains("Emma Friis") && !list.contains("Søren Kjær"));
    }

    async fn organisations_cannot_see_each_other(app: &TestApp) {
        let (_, stranger_email) = other_org(app).await;
        let stranger = app.login_with(stranger_email, testkit::DEMO_PASSWORD).await.unwrap();
        let lane = person(&app.db, LANE).await;
        for path in [format!("/people/{}", lane.id), format!("/admin/people/{}/edit", lane.id), format!("/admin/users/{}", lane.id)] {
            assert_eq!(stranger.get(&path).await.status(), StatusCode::NOT_FOUND, "{path}");
        }
        let deactivate = stranger.post(&format!("/admin/people/{}/deactivate", lane.id), &[]).await;
        assert_eq!(deactivate.status(), StatusCode::NOT_FOUND);
        let roles = stranger.post(&format!("/admin/users/{}/roles", lane.id), &[("admin", "on")]).await;
        assert_eq!(roles.status(), StatusCode::NOT_FOUND);
        assert!(person(&app.db, LANE).await.active);
        assert_eq!(app.db.granted_roles(lane.id).await.unwrap(), GrantedRoles::default());
        let (_, people) = stranger.page("/people").await;
        assert!(people.contains("Anders And") && !people.contains("Lane"));
        let (_, audit) = stranger.page("/admin/audit").await;
        assert!(!audit.contains(LANE));
        let admin = app.login(ADMIN).await;
        let (_, people) = admin.page("/people").await;
        assert!(!people.contains("Anders And"));
    }

    async fn language_switch_is_remembered_per_user(app: &TestApp) {
        let lane = app.login(LANE).await;
        let switched = lane.post("/language", &[("lang", "en"), ("next", "/people/x")]).await;
        assert_eq!(switched.status(), StatusCode::SEE_OTHER);
        assert_eq!(switched.headers()["location"], "/people/x");
        let (_, body) = lane.page("/").await;
        assert!(body.contains("<html lang=\"en\">") && body.contains("Welcome, Lane"));
        let leaving = app.login(LANE).await;
        leaving.post("/logout", &[]).await;
        assert!(leaving.page("/login").await.1.contains("<h1>Log in</h1>"), "the login page after logout keeps her language");
        let again = app.login(LANE).await;
        assert!(again.page("/").await.1.contains("Welcome, Lane"), "remembered after a new login");
        assert!(app.login(LEADER).await.page("/").await.1.contains("Velkommen, Mette"), "others keep Danish");
        assert_eq!(lane.post("/language", &[("lang", "xx")]).await.status(), StatusCode::BAD_REQUEST);
        let offsite = lane.post("/language", &[("lang", "da"), ("next", "//evil.example")]).await;
        assert_eq!(offsite.headers()["location"], "/");
        // before login, the choice is kept by the anonymous session and carried into the login
        let mut visitor = app.client();
        visitor.open_login().await;
        visitor.post("/language", &[("lang", "en"), ("next", "/login")]).await;
        assert!(visitor.page("/login").await.1.contains("<h1>Log in</h1>"));
    }

    async fn hr_maintains_people_and_units(app: &TestApp) {
        let hr = app.login(HR).await;
        let (_, units) = hr.page("/admin/units").await;
        assert!(units.contains(r#"<td class="num">1</td><td class="num">20</td>"#), "the root: one person directly, twenty in all");
        let tree = app.db.unit_tree(person(&app.db, HR).await.org_id).await.unwrap();
        let green = tree.by_name("Grøn stue").unwrap().id.to_string();
        let created = hr
            .post("/admin/people", &[("name", "Åse Ørnsø"), ("email", "aase@maelkeboetten.dk"), ("job_title", "Pædagog"), ("unit", &green), ("leader_email", "")])
            .await;
        assert_eq!(created.status(), StatusCode::SEE_OTHER);
        let aase = person(&app.db, "aase@maelkeboetten.dk").await;
        assert_eq!(aase.name, "Åse Ørnsø");
        let duplicate = hr
            .post("/admin/people", &[("name", "Twin"), ("email", "LANE@maelkeboetten.dk"), ("unit", &green)])
            .await;
        assert_eq!(duplicate.status(), StatusCode::CONFLICT);
        assert!(duplicate.text().await.unwrap().contains("bruges allerede"));
        let invalid = hr.post("/admin/people", &[("name", "X"), ("email", "not-mail"), ("unit", &green)]).await;
        assert_eq!(invalid.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let garbage = hr.post("/admin/people", &[("name", "X"), ("email", "x@y.dk"), ("unit", "nope")]).await;
        assert_eq!(garbage.status(), StatusCode::UNPROCESSABLE_ENTITY);

        // move: Åse to Rød stue, with Lane as explicit leader
        let red = tree.by_name("Rød stue").unwrap().id.to_string();
        let moved = hr
            .post(&format!("/admin/people/{}", aase.id), &[("name", "Åse Ørnsø"), ("email", "aase@maelkeboetten.dk"), ("job_title", "Pædagog"), ("unit", &red), ("leader_email", LANE)])
            .await;
        assert_eq!(moved.status(), StatusCode::SEE_OTHER);
        let aase = person(&app.db, "aase@maelkeboetten.dk").await;
        assert_eq!(aase.leader_id, Some(person(&app.db, LANE).await.id));
        assert_eq!(aase.unit_id.to_string(), red);

        // deactivation ends the person's sessions
        let lane = app.login(LANE).await;
        let lane_id = person(&app.db, LANE).await.id;
        assert_eq!(hr.post(&format!("/admin/people/{lane_id}/deactivate"), &[]).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(lane.get("/").await.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.login_with(LANE, testkit::DEMO_PASSWORD).await.err(), Some(StatusCode::UNAUTHORIZED));
        assert_eq!(hr.post(&format!("/admin/people/{lane_id}/activate"), &[]).await.status(), StatusCode::SEE_OTHER);
        app.login(LANE).await;

        // units: a cycle and a duplicate name are refused; a rename and a new leader are saved
        let kindergarten = tree.by_name("Børnehaven").unwrap().id;
        let cycle = hr.post(&format!("/admin/units/{kindergarten}"), &[("name", "Børnehaven"), ("parent", &green), ("leader_email", LEADER)]).await;
        assert_eq!(cycle.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(cycle.text().await.unwrap().contains("ikke flyttes ind under sig selv"));
        let taken = hr.post(&format!("/admin/units/{kindergarten}"), &[("name", "vuggestuen"), ("parent", &tree.root().unwrap().id.to_string()), ("leader_email", LEADER)]).await;
        assert_eq!(taken.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let saved = hr.post(&format!("/admin/units/{kindergarten}"), &[("name", "Børnehaven Mælkebøtten"), ("parent", &tree.root().unwrap().id.to_string()), ("leader_email", HEAD)]).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        let tree = app.db.unit_tree(tree.root().unwrap().org_id).await.unwrap();
        let unit = tree.get(kindergarten).unwrap();
        assert_eq!(unit.name, "Børnehaven Mælkebøtten");
        assert_eq!(unit.leader_id, Some(person(&app.db, HEAD).await.id));
        let admin = app.login(ADMIN).await;
        let (_, audit) = admin.page("/admin/audit").await;
        for event in ["Person oprettet", "Person ændret", "Person deaktiveret", "Enhed ændret"] {
            assert!(audit.contains(event), "audit shows {event}");
        }
    }

    async fn a_large_organisation_s_home_page_lists_its_top_units(app: &TestApp) {
        let hr = app.login(HR).await;
        let (_, home) = hr.page("/").await;
        assert!(home.contains("Grøn stue") && !home.contains("øverste af organisationens"), "a small tree is listed whole: {home}");
        let tree = app.db.unit_tree(person(&app.db, HR).await.org_id).await.unwrap();
        let green = tree.by_name("Grøn stue").unwrap();
        for n in 1..=40 {
            let unit = domain::org::Unit { id: domain::UnitId::new(), org_id: green.org_id, parent_id: Some(green.id), name: format!("Hold {n}"), kind: domain::org::UnitKind::Team, leader_id: None };
            app.db.insert_unit(&unit).await.unwrap();
        }
        let (status, home) = hr.page("/").await;
        assert_eq!(status, StatusCode::OK);
        let shown = tree.len();
        assert!(home.contains("Grøn stue") && !home.contains("Hold 7"), "the levels that fit: {home}");
        assert!(home.contains(&format!("Her står de {shown} øverste af organisationens {} enheder.", shown + 40)), "{home}");
        assert!(home.contains("20 aktive personer"), "counted over every unit: {home}");
    }

    async fn a_leader_s_home_page_lists_the_first_fifty_of_their_people(app: &TestApp) {
        let lane = person(&app.db, LANE).await;
        let (_, home) = app.login(LEADER).await.page("/").await;
        assert!(home.contains("Lane Andersen") && !home.contains("efter navn"), "{home}");
        for n in 0..60 {
            let email = domain::person::Email::parse(&format!("kollega{n}@maelkeboetten.dk")).unwrap();
            let person = domain::person::Person { id: domain::PersonId::new(), name: format!("Aage {n:02}"), email, job_title: String::new(), leader_id: None, active: true, ..lane.clone() };
            app.db.insert_person(&person).await.unwrap();
        }
        let (status, home) = app.login(LEADER).await.page("/").await;
        assert_eq!(status, StatusCode::OK);
        let listed = home.matches("<tr><td><a href=\"/people/").count();
        assert_eq!(listed, 50, "{home}");
        assert!(home.contains(">Aage 00<") && home.contains(">Aage 49<") && !home.contains(">Aage 50<"), "{home}");
        assert!(home.contains("de første 50 efter navn"), "{home}");
    }

    async fn administrators_manage_roles_and_passwords(app: &TestApp) {
        let admin = app.login(ADMIN).await;
        let lane_id = person(&app.db, LANE).await.id;
        let admin_id = person(&app.db, ADMIN).await.id;
        let set = admin.post(&format!("/admin/users/{lane_id}/roles"), &[("hr", "on")]).await;
        assert_eq!(set.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.db.granted_roles(lane_id).await.unwrap(), GrantedRoles { hr: true, ..Default::default() });
        let lane = app.login(LANE).await;
        assert_eq!(lane.get("/admin/units").await.status(), StatusCode::OK, "a new HR user may manage units");
        let own = admin.post(&format!("/admin/users/{admin_id}/roles"), &[("hr", "on")]).await;
        assert_eq!(own.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(app.db.granted_roles(admin_id).await.unwrap().admin);
        let short = admin.post(&format!("/admin/users/{lane_id}/password"), &[("password", "short"), ("confirm", "short")]).await;
        assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let mismatch = admin.post(&format!("/admin/users/{lane_id}/password"), &[("password", "a long new password"), ("confirm", "another one entirely")]).await;
        assert_eq!(mismatch.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let ok = admin.post(&format!("/admin/users/{lane_id}/password"), &[("password", "a long new password"), ("confirm", "a long new password")]).await;
        assert_eq!(ok.status(), StatusCode::SEE_OTHER);
        assert_eq!(lane.get("/").await.status(), StatusCode::SEE_OTHER, "old sessions end");
        assert!(app.login_with(LANE, "a long new password").await.is_ok());
        let (_, audit) = admin.page("/admin/audit").await;
        assert!(audit.contains("Roller ændret") && audit.contains("Adgangskode sat") && audit.contains("[] → [hr]"));
    }

    async fn everyone_can_change_their_own_password(app: &TestApp) {
        let lane = app.login(LANE).await;
        let elsewhere = app.login(LANE).await;
        let (status, form) = lane.page("/account/password").await;
        assert_eq!(status, StatusCode::OK);
        assert!(form.contains("Nuværende adgangskode"));
        let wrong = lane.post("/account/password", &[("current", "not it"), ("password", "my new secret phrase"), ("confirm", "my new secret phrase")]).await;
        assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(wrong.text().await.unwrap().contains("nuværende adgangskode er forkert"));
        let changed = lane.post("/account/password", &[("current", testkit::DEMO_PASSWORD), ("password", "my new secret phrase"), ("confirm", "my new secret phrase")]).await;
        assert_eq!(changed.status(), StatusCode::SEE_OTHER);
        assert_eq!(lane.get("/").await.status(), StatusCode::OK, "this session goes on");
        assert_eq!(elsewhere.get("/").await.status(), StatusCode::SEE_OTHER, "other sessions end");
        assert_eq!(app.login_with(LANE, testkit::DEMO_PASSWORD).await.err(), Some(StatusCode::UNAUTHORIZED));
        assert!(app.login_with(LANE, "my new secret phrase").await.is_ok());
        assert_eq!(app.client().get("/account/password").await.status(), StatusCode::SEE_OTHER, "login required");
    }

    async fn people_import_dry_run_and_apply(app: &TestApp) {
        let hr = app.login(HR).await;
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(
            "Navn;E-mail;Stilling;Afdeling;Nærmeste leder\r\nBjørn Ærø;bjorn@maelkeboetten.dk;Pædagog;Grøn stue;peter@maelkeboetten.dk\r\nLane Andersen;lane@maelkeboetten.dk;Pædagog og faglig fyrtårn;Grøn stue;\r\n",
        );
        let report = hr.upload("/admin/import", "people.csv", bytes.into_owned()).await;
        assert_eq!(report.status(), StatusCode::OK);
        let body = report.text().await.unwrap();
        assert!(body.contains("Bjørn Ærø") && body.contains("1 ny person") && body.contains("1 ændret person"), "{body}");
        assert!(person(&app.db, LANE).await.job_title == "Pædagog", "a dry run writes nothing");
        let apply = body.split("action=\"/admin/import/").nth(1).unwrap().split('"').next().unwrap();
        let applied = hr.post(&format!("/admin/import/{apply}"), &[]).await;
        assert_eq!(applied.status(), StatusCode::SEE_OTHER);
        let bjorn = person(&app.db, "bjorn@maelkeboetten.dk").await;
        assert_eq!(bjorn.name, "Bjørn Ærø");
        assert_eq!(bjorn.leader_id, Some(person(&app.db, "peter@maelkeboetten.dk").await.id));
        assert_eq!(person(&app.db, LANE).await.job_title, "Pædagog og faglig fyrtårn");
        // the pending file is used up
        assert_eq!(hr.post(&format!("/admin/import/{apply}"), &[]).await.status(), StatusCode::NOT_FOUND);
    }

    async fn bad_imports_write_nothing(app: &TestApp) {
        let hr = app.login(HR).await;
        let org = person(&app.db, HR).await.org_id;
        let before = app.db.people(org).await.unwrap();
        let bad = "name,email,unit,leader\nNy Person,ny@maelkeboetten.dk,Grøn stue,\nDobbelt,ny@maelkeboetten.dk,Grøn stue,\nUkendt,u@maelkeboetten.dk,Blå stue,\nLeder,l@maelkeboetten.dk,Grøn stue,nobody@x.dk\n,tom@maelkeboetten.dk,Grøn stue,\n";
        let response = hr.upload("/admin/import", "bad.csv", bad.as_bytes().to_vec()).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = response.text().await.unwrap();
        for expected in ["står også på linje 2", "Ukendt enhed: Blå stue", "Ukendt leder: nobody@x.dk", "Navnet mangler", "Intet er gemt"] {
            assert!(body.contains(expected), "report names: {expected}");
        }
        assert!(!body.contains("/apply"), "no way to apply a file with errors");
        let cases: Vec<(&str, Vec<u8>, StatusCode, &str)> = vec![
            ("missing.csv", "navn;stilling\nLane;Pædagog\n".as_bytes().to_vec(), StatusCode::UNPROCESSABLE_ENTITY, "mangler kolonner: e-mail, enhed (eller afdeling)"),
            ("garbage.bin", (0u8..=255).cycle().take(4096).collect(), StatusCode::UNPROCESSABLE_ENTITY, "ikke en tekstfil"),
            ("empty.csv", Vec::new(), StatusCode::UNPROCESSABLE_ENTITY, "Filen er tom"),
            ("huge.csv", vec![b'a'; 10 * 1024 * 1024], StatusCode::PAYLOAD_TOO_LARGE, "for stort"),
        ];
        for (name, bytes, status, message) in cases {
            let response = hr.upload("/admin/import", name, bytes).await;
            assert_eq!(response.status(), status, "{name}");
            assert!(response.text().await.unwrap().contains(message), "{name}: {message}");
        }
        assert_eq!(app.db.people(org).await.unwrap(), before, "nothing written");
    }

    async fn strategy_is_read_by_all_and_kept_by_the_right_people(app: &TestApp) {
        let parents = goal(app, "Styrk dialogen med forældrene").await;
        let lane = app.login(LANE).await;
        let (status, body) = lane.page("/strategy").await;
        assert_eq!(status, StatusCode::OK);
        assert!(body.contains("Styrk dialogen med forældrene") && body.contains("Dialogisk læsning i små grupper"));
        let (_, page) = lane.page(&format!("/strategy/goals/{}", parents.id)).await;
        assert!(page.contains("Forældrecafé hver måned i Grøn stue") && !page.contains("/edit\""), "sub-goals, no edit link");
        let top = [("title", "Lanes mål"), ("unit", ""), ("from", "2026-01-01"), ("to", "2026-12-31"), ("status", "active"), ("description", "")];
        assert_eq!(lane.post("/strategy/goals", &top).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(lane.post(&format!("/strategy/goals/{}", parents.id), &top).await.status(), StatusCode::FORBIDDEN);

        // the leader of Børnehaven adds what the goal means for a room below her, not elsewhere
        let org = parents.org_id;
        let units = app.db.unit_tree(org).await.unwrap();
        let green = units.by_name("Grøn stue").unwrap().id.to_string();
        let nursery = units.by_name("Vuggestuen").unwrap().id.to_string();
        let leader = app.login(LEADER).await;
        let parent = parents.id.to_string();
        let sub = |unit: &str| -> Vec<(&str, String)> {
            vec![("parent", parent.clone()), ("unit", unit.to_owned()), ("title", "Forældrefrokost i Grøn stue".into()), ("description", String::new()), ("from", "2026-04-01".into()), ("to", "2026-10-31".into()), ("status", "active".into())]
        };
        let refused = leader.post_owned("/strategy/goals", &sub(&nursery)).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text().await.unwrap().contains("kun tilføje mål for de enheder, du leder"));
        let added = leader.post_owned("/strategy/goals", &sub(&green)).await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
        let lunch = goal(app, "Forældrefrokost i Grøn stue").await;
        assert_eq!(lunch.parent_id, Some(parents.id));
        assert_eq!(leader.get(&format!("/strategy/goals/{}/edit", parents.id)).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(leader.get(&format!("/strategy/goals/{}/edit", lunch.id)).await.status(), StatusCode::OK);

        // the head keeps the organisation's goals: bad dates change nothing, linked goals are retired
        let head = app.login(HEAD).await;
        let root = units.root().unwrap().id.to_string();
        let before = app.db.goals(org).await.unwrap().len();
        let backwards = head.post("/strategy/goals", &[("unit", &root), ("title", "Baglæns"), ("from", "2027-01-01"), ("to", "2026-01-01"), ("status", "active")]).await;
        assert_eq!(backwards.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(backwards.text().await.unwrap().contains("slutter, før den begynder"));
        let not_a_date = head.post("/strategy/goals", &[("unit", &root), ("title", "X"), ("from", "i morgen"), ("to", "2026-01-01"), ("status", "active")]).await;
        assert_eq!(not_a_date.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let on_a_team = head.post("/strategy/goals", &[("unit", &green), ("title", "X"), ("from", "2026-01-01"), ("to", "2026-02-01"), ("status", "active")]).await;
        assert_eq!(on_a_team.status(), StatusCode::UNPROCESSABLE_ENTITY, "top goals belong to the organisation");
        assert_eq!(app.db.goals(org).await.unwrap().len(), before);
        let linked = head.post(&format!("/strategy/goals/{}/delete", parents.id), &[]).await;
        assert_eq!(linked.status(), StatusCode::CONFLICT);
        assert!(linked.text().await.unwrap().contains("Pensionér det i stedet"));
        let retire = head.post(&format!("/strategy/goals/{}", parents.id), &[("title", &parents.title), ("description", &parents.description), ("from", "2026-01-01"), ("to", "2027-12-31"), ("status", "achieved"), ("retired", "on")]).await;
        assert_eq!(retire.status(), StatusCode::SEE_OTHER);
        let retired = goal(app, "Styrk dialogen med forældrene").await;
        assert!(retired.retired && retired.status == domain::strategy::GoalStatus::Achieved);
        let under_retired = leader.post_owned("/strategy/goals", &sub(&green)).await;
        assert_eq!(under_retired.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(head.post(&format!("/strategy/goals/{}/delete", lunch.id), &[]).await.status(), StatusCode::SEE_OTHER);

        // another organisation sees none of it
        let (_, stranger_email) = other_org(app).await;
        let stranger = app.login_with(stranger_email, testkit::DEMO_PASSWORD).await.unwrap();
        assert_eq!(stranger.get(&format!("/strategy/goals/{}", parents.id)).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(stranger.post(&format!("/strategy/goals/{}/delete", parents.id), &[]).await.status(), StatusCode::NOT_FOUND);
        assert!(!stranger.page("/strategy").await.1.contains("forældrene"));
    }

    async fn the_cycle_from_intention_to_framing(app: &TestApp) {
        let open = cycle(app, "MUS 2026").await;
        let lane = app.login(LANE).await;
        let (_, home) = lane.page("/").await;
        assert!(home.contains("Årets MUS-runde") && home.contains("styrke dialogen med forældrene"), "the intention is on Lane's home page");
        let (_, page) = lane.page(&format!("/cycles/{}", open.id)).await;
        assert!(page.contains("Forældresamarbejdet er det, forældrene oftest nævner"), "the organisation's framing");
        assert!(!page.contains("I Vuggestuen handler det"), "not another department's framing");
        let unit_of_lane = person(&app.db, LANE).await.unit_id.to_string();
        let refused = lane.post(&format!("/cycles/{}/framing", open.id), &[("unit", &unit_of_lane), ("text", "Lane frames")]).await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN);
        assert_eq!(lane.post(&format!("/cycles/{}/state", open.id), &[("to", "closed")]).await.status(), StatusCode::FORBIDDEN);

        // the leader of Børnehaven frames her unit, and only hers
        let org = open.org_id;
        let units = app.db.unit_tree(org).await.unwrap();
        let kindergarten = units.by_name("Børnehaven").unwrap().id.to_string();
        let nursery = units.by_name("Vuggestuen").unwrap().id.to_string();
        let leader = app.login(LEADER).await;
        let framed = leader.post(&format!("/cycles/{}/framing", open.id), &[("unit", &kindergarten), ("text", "Hos os: forældresamtaler med fælles mål.")]).await;
        assert_eq!(framed.status(), StatusCode::SEE_OTHER);
        let not_hers = leader.post(&format!("/cycles/{}/framing", open.id), &[("unit", &nursery), ("text", "Overtaget")]).await;
        assert_eq!(not_hers.status(), StatusCode::FORBIDDEN);
        assert!(not_hers.text().await.unwrap().contains("kun indramme runden for de enheder, du selv leder"));
        let framings = app.db.framings(open.id).await.unwrap();
        assert!(framings.iter().any(|f| f.text == "Hos os: forældresamtaler med fælles mål."));
        assert!(!framings.iter().any(|f| f.text == "Overtaget"));
        assert!(lane.page(&format!("/cycles/{}", open.id)).await.1.contains("Hos os: forældresamtaler med fælles mål."), "Lane sees her department's framing");

        // HR prepares next year's cycle: bad input changes nothing, drafts stay hidden
        let hr = app.login(HR).await;
        let parents_goal = goal(app, "Styrk dialogen med forældrene").await.id.to_string();
        let dates = |prep: &'static str| vec![("name", "MUS 2027".to_owned()), ("intention", "Trivsel og forældredialog".to_owned()), ("preparation_opens", prep.to_owned()), ("conversations_from", "2027-10-01".to_owned()), ("conversations_to", "2027-11-30".to_owned()), ("follow_up", "2028-03-01".to_owned()), ("follow_up", String::new()), ("evaluation", "2028-08-31".to_owned())];
        let before = app.db.cycles(org).await.unwrap().len();
        let backwards = hr.post_owned("/cycles", &dates("2027-12-01")).await;
        assert_eq!(backwards.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(backwards.text().await.unwrap().contains("Datoerne skal komme i rækkefølge"));
        let (foreign_org, _) = other_org(app).await;
        let root = app.db.unit_tree(foreign_org).await.unwrap().root().unwrap().id;
        let foreign_goal = domain::strategy::StrategicGoal {
            id: domain::GoalId::new(),
            org_id: foreign_org,
            parent_id: None,
            unit_id: root,
            title: "Andebys mål".into(),
            description: String::new(),
            period: domain::strategy::Period::new(chrono_date("2026-01-01"), chrono_date("2027-12-31")).unwrap(),
            status: domain::strategy::GoalStatus::Active,
            retired: false,
        };
        app.db.insert_goal(&foreign_goal).await.unwrap();
        let mut with_foreign = dates("2027-09-01");
        with_foreign.push(("goal", foreign_goal.id.to_string()));
        let foreign = hr.post_owned("/cycles", &with_foreign).await;
        assert_eq!(foreign.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(foreign.text().await.unwrap().contains("ikke et aktuelt mål i organisationen"));
        assert_eq!(app.db.cycles(org).await.unwrap().len(), before, "nothing created");

        let mut taken = dates("2027-09-01");
        taken[0] = ("name", "mus 2026".to_owned());
        let duplicate = hr.post_owned("/cycles", &taken).await;
        assert_eq!(duplicate.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(duplicate.text().await.unwrap().contains("En anden MUS-runde hedder allerede sådan"));
        let mut achieved = dates("2027-09-01");
        achieved.push(("goal", goal(app, "Fælles pædagogisk læreplan").await.id.to_string()));
        assert_eq!(hr.post_owned("/cycles", &achieved).await.status(), StatusCode::UNPROCESSABLE_ENTITY, "an achieved goal is no focus");
        let created = hr.post_owned("/cycles", &dates("2027-09-01")).await;
        assert_eq!(created.status(), StatusCode::SEE_OTHER);
        let draft = cycle(app, "MUS 2027").await;
        assert_eq!(lane.get(&format!("/cycles/{}", draft.id)).await.status(), StatusCode::NOT_FOUND, "drafts are hidden");
        assert!(!lane.page("/cycles").await.1.contains("MUS 2027"));
        let no_focus = hr.post(&format!("/cycles/{}/state", draft.id), &[("to", "open")]).await;
        assert_eq!(no_focus.status(), StatusCode::CONFLICT);
        assert!(no_focus.text().await.unwrap().contains("mindst ét strategisk mål i fokus"));
        let mut with_goal = dates("2027-09-01");
        with_goal.push(("goal", parents_goal.clone()));
        assert_eq!(hr.post_owned(&format!("/cycles/{}", draft.id), &with_goal).await.status(), StatusCode::SEE_OTHER);
        let second_open = hr.post(&format!("/cycles/{}/state", draft.id), &[("to", "open")]).await;
        assert_eq!(second_open.status(), StatusCode::CONFLICT);
        assert!(second_open.text().await.unwrap().contains("allerede en åben MUS-runde"));

        // once open, the intention is fixed but the dates may move
        let mut moved = dates("2026-10-20");
        moved[0] = ("name", "MUS 2026".to_owned());
        moved[1] = ("intention", "Et helt andet formål".to_owned());
        moved[3] = ("conversations_from", "2026-11-03".to_owned());
        moved[4] = ("conversations_to", "2026-12-18".to_owned());
        moved[5] = ("follow_up", "2027-03-01".to_owned());
        moved[7] = ("evaluation", "2027-09-30".to_owned());
        assert_eq!(hr.post_owned(&format!("/cycles/{}", open.id), &moved).await.status(), StatusCode::SEE_OTHER);
        let after = cycle(app, "MUS 2026").await;
        assert_eq!(after.intention, open.intention);
        assert_eq!(after.timeline.conversations_from(), chrono_date("2026-11-03"));

        assert_eq!(hr.post(&format!("/cycles/{}/state", open.id), &[("to", "closed")]).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(hr.post(&format!("/cycles/{}/state", draft.id), &[("to", "open")]).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(hr.get(&format!("/cycles/{}/edit", open.id)).await.status(), StatusCode::BAD_REQUEST, "a closed cycle cannot be edited");
        assert_eq!(hr.post_owned(&format!("/cycles/{}", open.id), &moved).await.status(), StatusCode::CONFLICT);
        assert_eq!(hr.post(&format!("/cycles/{}/state", open.id), &[("to", "open")]).await.status(), StatusCode::CONFLICT);

        // the goal page shows its links, and nobody outside sees the cycle
        let (_, goal_page) = lane.page(&format!("/strategy/goals/{parents_goal}")).await;
        assert!(goal_page.contains("MUS 2026") && goal_page.contains("MUS 2027"));
        let stranger = app.login_with("anders@andeby.dk", testkit::DEMO_PASSWORD).await.unwrap();
        assert_eq!(stranger.get(&format!("/cycles/{}", draft.id)).await.status(), StatusCode::NOT_FOUND);
        assert!(!stranger.page("/cycles").await.1.contains("MUS 2027"));
    }

    async fn question_sets_are_versioned_and_edited_by_hr(app: &TestApp) {
        let org = person(&app.db, HR).await.org_id;
        let demo_set = cycle(app, "MUS 2026").await.question_set.unwrap();
        let lane = app.login(LANE).await;
        let (status, page) = lane.page(&format!("/question-sets/{demo_set}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("M – Medarbejder") && page.contains("E – Effekt") && page.contains("Hvad kan du regne med som medarbejder her"));
        assert!(!page.contains("/questions\""), "no edit forms for an employee");
        assert_eq!(lane.post(&format!("/question-sets/{demo_set}/questions"), &[("version", "1"), ("section", "m"), ("kind", "text"), ("text_da", "x"), ("text_en", "x")]).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(lane.post("/question-sets", &[("name", "Lanes"), ("source", "default")]).await.status(), StatusCode::FORBIDDEN);

        let hr = app.login(HR).await;
        assert_eq!(hr.post("/question-sets", &[("name", "Vores guide"), ("source", "default")]).await.status(), StatusCode::SEE_OTHER);
        let set = app.db.question_sets(org).await.unwrap().into_iter().find(|s| s.name == "Vores guide").unwrap();
        let path = format!("/question-sets/{}/questions", set.id);
        let english_missing = hr.post(&path, &[("version", "1"), ("section", "u"), ("kind", "text"), ("text_da", "Hvad vil du lære?"), ("text_en", "")]).await;
        assert_eq!(english_missing.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = english_missing.text().await.unwrap();
        assert!(body.contains("både på dansk og på engelsk"));
        assert!(body.contains("Hvad vil du lære?"), "what HR typed is shown again, not lost");
        let scale_without_words = hr.post(&path, &[("version", "1"), ("section", "u"), ("kind", "scale"), ("text_da", "Hvor?"), ("text_en", "How?")]).await;
        assert_eq!(scale_without_words.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let added = hr.post(&path, &[("version", "1"), ("section", "u"), ("kind", "scale"), ("text_da", "Hvor motiveret er du?"), ("text_en", "How motivated are you?"), ("low_da", "Lidt"), ("low_en", "A little"), ("high_da", "Meget"), ("high_en", "Very")]).await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
        let stale = hr.post(&path, &[("version", "1"), ("section", "u"), ("kind", "text"), ("text_da", "Gammel"), ("text_en", "Stale")]).await;
        assert_eq!(stale.status(), StatusCode::CONFLICT, "an editor with an old page cannot overwrite");
        assert_eq!(hr.post(&format!("{path}/999/remove"), &[("version", "2")]).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(hr.post(&format!("{path}/x/remove"), &[("version", "2")]).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(hr.post(&format!("{path}/1/sideways"), &[("version", "2")]).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(hr.post(&format!("{path}/1/up"), &[("version", "2")]).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(hr.post(&format!("{path}/0/remove"), &[("version", "3")]).await.status(), StatusCode::SEE_OTHER);
        let now = app.db.question_set(org, set.id).await.unwrap();
        assert_eq!(now.current.number, 4);
        assert_eq!(now.current.questions.len(), set.current.questions.len());
        assert!(now.current.questions.iter().any(|q| q.text.en == "How motivated are you?"));
        assert_eq!(app.db.version(org, set.current.id).await.unwrap(), set.current, "version 1 is untouched");
        let (_, history) = hr.page(&format!("/question-sets/{}", set.id)).await;
        assert!(history.contains("version 4") && history.contains("version 1"));

        // a cycle may only use the organisation's own sets
        let (foreign_org, stranger_email) = other_org(app).await;
        let foreign = app.db.create_question_set(foreign_org, "Andebys", &domain::questions::default_questions()).await.unwrap();
        let open = cycle(app, "MUS 2026").await;
        let edit = |set: String| vec![("name", "MUS 2026".to_owned()), ("preparation_opens", "2026-10-19".to_owned()), ("conversations_from", "2026-11-02".to_owned()), ("conversations_to", "2026-12-18".to_owned()), ("follow_up", "2027-03-01".to_owned()), ("follow_up", "2027-06-01".to_owned()), ("evaluation", "2027-09-30".to_owned()), ("question_set", set)];
        let refused = hr.post_owned(&format!("/cycles/{}", open.id), &edit(foreign.id.to_string())).await;
        assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(refused.text().await.unwrap().contains("Spørgeguiden findes ikke i organisationen"));
        assert_eq!(hr.post_owned(&format!("/cycles/{}", open.id), &edit(set.id.to_string())).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(cycle(app, "MUS 2026").await.question_set, Some(set.id));
        assert!(lane.page(&format!("/cycles/{}", open.id)).await.1.contains("Vores guide (version 4)"));

        let stranger = app.login_with(stranger_email, testkit::DEMO_PASSWORD).await.unwrap();
        assert_eq!(stranger.get(&format!("/question-sets/{}", set.id)).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(stranger.post(&format!("/question-sets/{}/questions/0/remove", set.id), &[("version", "4")]).await.status(), StatusCode::NOT_FOUND);
    }

    async fn a_leader_schedules_and_the_employee_gets_the_invitation(app: &TestApp) {
        let open = cycle(app, "MUS 2026").await;
        let lane = person(&app.db, LANE).await;
        let page = format!("/cycles/{}/people/{}", open.id, lane.id);
        let leader = app.login(LEADER).await;
        let (status, overview) = leader.page(&format!("/cycles/{}/overview", open.id)).await;
        assert_eq!(status, StatusCode::OK);
        assert!(overview.contains("Lane Andersen") && overview.contains("planlagt") && !overview.contains("Emma Friis"));
        assert!(overview.contains("Pr. enhed") && overview.contains("Mælkebøtten › Børnehaven › Grøn stue"), "counts per unit");
        let employee = app.login(LANE).await;
        assert_eq!(employee.get(&format!("/cycles/{}/overview", open.id)).await.status(), StatusCode::FORBIDDEN);

        // bad appointments are refused and change nothing
        let before = app.db.conversation_of(open.org_id, open.id, lane.id).await.unwrap().unwrap();
        let schedule = format!("{page}/schedule");
        let form = |at: &str, deadline: &str, link: &str| vec![("starts_at", at.to_owned()), ("duration", "60".to_owned()), ("place", "Personalestuen".to_owned()), ("video_link", link.to_owned()), ("agenda_note", "Forældresamtaler".to_owned()), ("preparation_deadline", deadline.to_owned())];
        for (fields, message) in [
            (form("2027-01-12T09:00", "2027-01-08", ""), "uden for rundens periode"),
            (form("2026-11-12T09:00", "2026-11-13", ""), "skal ligge før samtalen"),
            (form("2026-11-12T09:00", "2026-11-09", "javascript:alert(1)"), "https://"),
            (form("12/11/2026 kl. 9", "2026-11-09", ""), "Tidspunktet er ikke gyldigt"),
        ] {
            let refused = leader.post_owned(&schedule, &fields).await;
            assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY, "{message}");
            assert!(refused.text().await.unwrap().contains(message), "{message}");
        }
        assert_eq!(app.db.conversation_of(open.org_id, open.id, lane.id).await.unwrap().unwrap(), before);

        // the unit leader moves Lane's conversation; the invitation updates the same event
        let moved = leader.post_owned(&schedule, &form("2026-11-12T13:00", "2026-11-09", "https://meet.example/mus-lane")).await;
        assert_eq!(moved.status(), StatusCode::SEE_OTHER);
        let (_, home) = employee.page("/").await;
        // The time has passed and nobody marked it held: the home page says so.
        assert!(home.contains("Din MUS-samtale var sat til 12.11.2026 13:00") && home.contains("endnu ikke markeret som holdt"), "Lane sees her appointment at home");
        let moved_conversation = app.db.conversation(open.org_id, before.id).await.unwrap();
        assert_eq!(moved_conversation.leader_id, before.leader_id, "moving it does not change who holds it");
        let (uid, sequence, start, method, zones) = invitation_of(&employee, before.id).await;
        assert_eq!((sequence.as_str(), start.as_str(), method.as_str(), zones), ("1", "20261112T130000", "REQUEST", 1));
        assert_eq!(uid, format!("{}@mouse", before.id));

        // Lane proposes another time; only her leaders may accept it
        assert_eq!(employee.post_owned(&schedule, &form("2026-11-13T09:00", "2026-11-09", "")).await.status(), StatusCode::FORBIDDEN);
        let proposed = employee.post(&format!("/conversations/{}/propose", before.id), &[("starts_at", "2026-11-16T10:00"), ("note", "Jeg er på kursus den 12.")]).await;
        assert_eq!(proposed.status(), StatusCode::SEE_OTHER);
        assert!(leader.page(&page).await.1.contains("Jeg er på kursus den 12."));
        assert_eq!(employee.post(&format!("/conversations/{}/accept", before.id), &[]).await.status(), StatusCode::FORBIDDEN);
let declined = employee.post(&format!("/conversations/{}/propose", before.id), &[("starts_at", "2026-11-17T10:00"), ("note", "")]).await;
        assert_eq!(declined.status(), StatusCode::SEE_OTHER);
        assert!(leader.page(&format!("/cycles/{}/overview", open.id)).await.1.contains("forslag til nyt tidspunkt venter"));
        assert_eq!(leader.post(&format!("/conversations/{}/decline", before.id), &[]).await.status(), StatusCode::SEE_OTHER);
        assert!(app.db.conversation(open.org_id, before.id).await.unwrap().proposal.is_none());
        assert_eq!(employee.post(&format!("/conversations/{}/propose", before.id), &[("starts_at", "2026-11-16T10:00"), ("note", "")]).await.status(), StatusCode::SEE_OTHER);
                assert_eq!(leader.post(&format!("/conversations/{}/accept", before.id), &[]).await.status(), StatusCode::SEE_OTHER);
        let (same_uid, sequence, start, _, _) = invitation_of(&employee, before.id).await;
        assert_eq!((same_uid, sequence.as_str(), start.as_str()), (uid, "2", "20261116T100000"));

        // nobody else may look or act
        let emma = app.login("emma@maelkeboetten.dk").await;
        let other_leader = app.login("karen@maelkeboetten.dk").await;
        for session in [&emma, &other_leader] {
            assert_eq!(session.get(&page).await.status(), StatusCode::NOT_FOUND);
            assert_eq!(session.get(&format!("/conversations/{}/invitation.ics", before.id)).await.status(), StatusCode::NOT_FOUND);
            assert_eq!(session.post_owned(&schedule, &form("2026-11-13T09:00", "2026-11-09", "")).await.status(), StatusCode::NOT_FOUND);
            assert_eq!(session.post(&format!("/conversations/{}/cancel", before.id), &[]).await.status(), StatusCode::NOT_FOUND);
        }
        let hr = app.login(HR).await;
        assert_eq!(hr.get(&page).await.status(), StatusCode::OK, "HR may look");
        assert_eq!(hr.post_owned(&schedule, &form("2026-11-13T09:00", "2026-11-09", "")).await.status(), StatusCode::FORBIDDEN, "but not schedule");

        // a cancellation reaches the calendar; a closed cycle takes no appointments
        assert_eq!(leader.post(&format!("/conversations/{}/cancel", before.id), &[]).await.status(), StatusCode::SEE_OTHER);
        let (_, sequence, _, method, _) = invitation_of(&employee, before.id).await;
        assert_eq!((sequence.as_str(), method.as_str()), ("3", "CANCEL"));
        assert!(!employee.page("/").await.1.contains("Din MUS-samtale"));
        assert_eq!(hr.post(&format!("/cycles/{}/state", open.id), &[("to", "closed")]).await.status(), StatusCode::SEE_OTHER);
        let closed = leader.post_owned(&schedule, &form("2026-11-13T09:00", "2026-11-09", "")).await;
        assert_eq!(closed.status(), StatusCode::CONFLICT);
        let (_, stranger_email) = other_org(app).await;
        let stranger = app.login_with(stranger_email, testkit::DEMO_PASSWORD).await.unwrap();
        assert_eq!(stranger.get(&page).await.status(), StatusCode::NOT_FOUND);
        assert_eq!(stranger.get(&format!("/conversations/{}/invitation.ics", before.id)).await.status(), StatusCode::NOT_FOUND);
    }

    async fn two_sided_preparation_stays_private_until_both_share(app: &TestApp) {
        let open = cycle(app, "MUS 2026").await;
        let lane = person(&app.db, LANE).await;
        let conversation = app.db.conversation_of(open.org_id, open.id, lane.id).await.unwrap().unwrap();
        let path = format!("/conversations/{}/preparation", conversation.id);
        let employee = app.login(LANE).await;
        let (status, page) = employee.page(&path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Hvad kan du regne med som medarbejder her") && page.contains("Din forberedelse er privat"));
        let text = "Jeg vil gerne blive tryggere i de svære forældresamtaler.";
        let saved = employee.post(&path, &[("revision", "0"), ("q0", text), ("q3", "4"), ("action", "save")]).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        assert!(app.db.conversation(open.org_id, conversation.id).await.unwrap().version.is_some(), "the version is pinned");
        let autosaved = employee.client.post(format!("{}{path}", employee.base)).header("X-Autosave", "1").form(&[("csrf", employee.csrf.as_str()), ("revision", "1"), ("q0", text), ("q3", "5")]).send().await.unwrap();
        assert_eq!(autosaved.status(), StatusCode::NO_CONTENT);
        assert_eq!(autosaved.headers()["x-revision"], "2");
        let stale = employee.post(&path, &[("revision", "1"), ("q0", "Teksten fra en gammel fane"), ("action", "save")]).await;
        assert_eq!(stale.status(), StatusCode::CONFLICT);
        let body = stale.text().await.unwrap();
        assert!(body.contains("ændret et andet sted") && body.contains("Teksten fra en gammel fane"), "the typed text is shown, not lost");
        assert_eq!(employee.post(&path, &[("revision", "2"), ("q3", "9")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
        // goals may be picked among the cycle's focus goals and their sub-goals only
        let language = goal(app, "Sprog og læring i hverdagen").await.id.to_string();
        assert_eq!(employee.post(&path, &[("revision", "2"), ("q4", &language)]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let reading = goal(app, "Dialogisk læsning i små grupper").await.id.to_string();
        let (_, offered) = employee.page(&path).await;
        assert!(offered.contains("Forældrecafé hver måned i Grøn stue") && !offered.contains(&format!("value=\"{reading}\"")));

        // the leader holding the conversation prepares too, and sees nothing of Lane's yet
        let peter = app.login("peter@maelkeboetten.dk").await;
        let (status, page) = peter.page(&path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!page.contains(text));
        assert_eq!(peter.post(&path, &[("revision", "0"), ("q0", "Lane er god til børnene; forældresamtalerne kan styrkes."), ("action", "share")]).await.status(), StatusCode::SEE_OTHER);
        let (_, page) = employee.page(&path).await;
        assert!(page.contains("Peter Lund har delt sin forberedelse") && !page.contains("forældresamtalerne kan styrkes"), "hidden until Lane shares too");
        assert_eq!(employee.post(&path, &[("revision", "2"), ("q0", text), ("q3", "5"), ("action", "share")]).await.status(), StatusCode::SEE_OTHER);
        assert!(employee.page(&path).await.1.contains("forældresamtalerne kan styrkes"));
        assert!(peter.page(&path).await.1.contains(text), "side by side for both");

        // nobody else reads a preparation: not the leader above, not HR, not a colleague, not another organisation
        let (_, stranger_email) = other_org(app).await;
        let stranger = app.login_with(stranger_email, testkit::DEMO_PASSWORD).await.unwrap();
        for email in [LEADER, HR, ADMIN, HEAD, "anne@maelkeboetten.dk"] {
            let other = app.login(email).await;
            assert_eq!(other.get(&path).await.status(), StatusCode::NOT_FOUND, "{email}");
            assert_eq!(other.post(&path, &[("revision", "3"), ("q0", "x")]).await.status(), StatusCode::NOT_FOUND, "{email}");
        }
        assert_eq!(stranger.get(&path).await.status(), StatusCode::NOT_FOUND);

        // a later edit of the question set does not change the questions Lane prepared with
        let hr = app.login(HR).await;
        let set = open.question_set.unwrap();
        assert_eq!(hr.post(&format!("/question-sets/{set}/questions/0"), &[("version", "1"), ("section", "m"), ("kind", "text"), ("text_da", "Et helt nyt første spørgsmål?"), ("text_en", "A brand new first question?")]).await.status(), StatusCode::SEE_OTHER);
        let (_, page) = employee.page(&path).await;
        assert!(page.contains("Hvad kan du regne med som medarbejder her") && !page.contains("Et helt nyt første spørgsmål"));
        assert_eq!(hr.post(&format!("/cycles/{}/state", open.id), &[("to", "closed")]).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(employee.post(&path, &[("revision", "3"), ("q0", "for sent")]).await.status(), StatusCode::BAD_REQUEST);
    }

    async fn the_contract_starts_from_last_year_and_both_confirm(app: &TestApp) {
        let open = cycle(app, "MUS 2026").await;
        let lane = person(&app.db, LANE).await;
        let conversation = app.db.conversation_of(open.org_id, open.id, lane.id).await.unwrap().unwrap();
        let path = format!("/conversations/{}/contract", conversation.id);
        let employee = app.login(LANE).await;
        let (status, page) = employee.page(&path).await;
        assert_eq!(status, StatusCode::OK);
        assert!(page.contains("Faste rammer og en tydelig ugeplan") && page.contains("uændret"), "starts from last year's contract");
        let lists = [
            ("count-on", "Faste rammer og en tydelig ugeplan\nSparring hver fjortende dag"),
            ("expected", "At du bidrager til den fælles læreplan\nAt du tager initiativ i forældresamtaler"),
            ("from-organisation", "En mentor til de svære forældresamtaler"),
        ];
        let mut fields: Vec<(&str, &str)> = lists.to_vec();
        fields.extend([("revision", "0"), ("action", "save")]);
        assert_eq!(employee.post(&path, &fields).await.status(), StatusCode::SEE_OTHER);
        let (_, page) = employee.page(&path).await;
        assert!(page.contains("før: Sparring med kolleger på stuemøderne") && page.contains("ændret"));
        // a second editor with the old page is told, and keeps their text
        let mut stale: Vec<(&str, &str)> = vec![("count-on", "Min forældede tekst"), ("revision", "0"), ("action", "save")];
        stale.extend([("expected", ""), ("from-organisation", "")]);
        let refused = employee.post(&path, &stale).await;
        assert_eq!(refused.status(), StatusCode::CONFLICT);
        assert!(refused.text().await.unwrap().contains("Min forældede tekst"));

        let peter = app.login("peter@maelkeboetten.dk").await;
        assert_eq!(peter.post(&path, &[("revision", "1"), ("action", "confirm")]).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(employee.post(&path, &[("revision", "2"), ("action", "confirm")]).await.status(), StatusCode::SEE_OTHER);
        assert!(employee.page(&path).await.1.contains("Begge har bekræftet kontrakten"));
        assert!(app.db.contract(conversation.id).await.unwrap().unwrap().confirmed());

        for email in [LEADER, HR, ADMIN, "anne@maelkeboetten.dk"] {
            let other = app.login(email).await;
            assert_eq!(other.get(&path).await.status(), StatusCode::NOT_FOUND, "{email}");
            assert_eq!(other.post(&path, &[("revision", "3"), ("action", "confirm")]).await.status(), StatusCode::NOT_FOUND, "{email}");
        }
    }

    async fn both_parties_set_the_agenda(app: &TestApp) {
        let open = cycle(app, "MUS 2026").await;
        let lane = person(&app.db, LANE).await;
        let conversation = app.db.conversation_of(open.org_id, open.id, lane.id).await.unwrap().unwrap();
        let page = format!("/cycles/{}/people/{}", open.id, lane.id);
        let add = format!("/conversations/{}/agenda", conversation.id);
        let employee = app.login(LANE).await;
        let peter = app.login("peter@maelkeboetten.dk").await;
        assert_eq!(employee.post(&add, &[("text", "Forældresamtalen med familien på Grøn stue")]).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(peter.post(&add, &[("text", "Din rolle i forældrecaféen")]).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(employee.post(&add, &[("text", "   ")]).await.status(), StatusCode::BAD_REQUEST);
        let (_, body) = employee.page(&page).await;
        assert!(body.contains("Forældresamtalen med familien på Grøn stue") && body.contains("Din rolle i forældrecaféen") && body.contains("– Peter Lund"));
        let points = app.db.agenda(conversation.id).await.unwrap();
        let (lanes, peters) = (points[0].id, points[1].id);
        assert_eq!(employee.post(&format!("/conversations/{}/agenda/{peters}/remove", conversation.id), &[]).await.status(), StatusCode::NOT_FOUND, "only your own points");
        assert_eq!(employee.post(&format!("/conversations/{}/agenda/{lanes}/remove", conversation.id), &[]).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.db.agenda(conversation.id).await.unwrap().len(), 1);
        // the agenda is the parties' own: not for HR, nor for the leader above
        for email in [HR, LEADER] {
            let other = app.login(email).await;
            let (status, body) = other.page(&page).await;
            assert_eq!(status, StatusCode::OK, "{email} sees the appointment");
            assert!(!body.contains("Din rolle i forældrecaféen"), "{email} does not see the agenda");
            assert_eq!(other.post(&add, &[("text", "Indblanding")]).await.status(), StatusCode::NOT_FOUND, "{email}");
        }
    }

    async fn hr_keeps_the_competence_catalogue(app: &TestApp) {
        let parents = goal(app, "Styrk dialogen med forældrene").await.id.to_string();
        let hr = app.login(HR).await;
        let (_, catalogue) = hr.page("/competences").await;
        assert!(catalogue.contains("Forældredialog") && catalogue.contains("Styrk dialogen med forældrene"));
        let taken = hr.post("/competences", &[("name", " forældredialog "), ("description", "")]).await;
        assert_eq!(taken.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(taken.text().await.unwrap().contains("allerede en kompetence"));
        let nameless = hr.post("/competences", &[("name", " ")]).await;
        assert_eq!(nameless.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let added = hr.post_owned("/competences", &[
            ("name", "Sprogvurdering".into()),
            ("description", "At vurdere et barns sprog.".into()),
            ("goal", parents.clone()),
            ("goal", "not-a-goal".into()),
        ]).await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
        let org = person(&app.db, HR).await.org_id;
        let saved = app.db.competences(org).await.unwrap().into_iter().find(|c| c.name == "Sprogvurdering").unwrap();
        assert_eq!(saved.goals.len(), 1, "unknown goals are dropped");
        let edit = format!("/competences/{}", saved.id);
        assert_eq!(hr.post(&edit, &[("name", "Sprogvurdering"), ("retired", "on")]).await.status(), StatusCode::SEE_OTHER);
        let saved = app.db.competences(org).await.unwrap().into_iter().find(|c| c.name == "Sprogvurdering").unwrap();
        assert!(saved.retired && saved.goals.is_empty());

        // only HR keeps it, and only within its own organisation
        let lane = app.login(LANE).await;
        assert_eq!(lane.post("/competences", &[("name", "Noget")]).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(lane.post(&edit, &[("name", "Noget")]).await.status(), StatusCode::FORBIDDEN);
        let (_, stranger) = other_org(app).await;
        let stranger = app.login(stranger).await;
        assert_eq!(stranger.post(&edit, &[("name", "Overtaget")]).await.status(), StatusCode::NOT_FOUND);
        let (_, theirs) = stranger.page("/competences").await;
        assert!(!theirs.contains("Forældredialog"));
        let (_, audit) = app.login(ADMIN).await.page("/admin/audit").await;
        assert!(audit.contains("Kompetence oprettet") && audit.contains("Kompetence ændret"));
    }

    async fn healthz_reports_the_database(app: &TestApp) {
        let client = app.client();
        assert_eq!(client.get("/healthz").await.status(), StatusCode::OK);
        let (status, css) = client.page("/static/app.css").await;
        assert_eq!(status, StatusCode::OK);
        assert!(css.contains("MOUSE"));
        app.db.close().await;
        assert_eq!(client.get("/healthz").await.status(), StatusCode::SERVICE_UNAVAILABLE);
        // Liveness does not ask the database.
        assert_eq!(client.page("/livez").await, (StatusCode::OK, "ok".to_owned()));
    }
}
