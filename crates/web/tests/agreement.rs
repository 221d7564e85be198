//! The development agreement over HTTP: written by both parties, signed once the conversation
//! is held, amended only with the other party's answer, and seen by nobody else.

use domain::agreement::Progress;
use reqwest::StatusCode;
use testkit::demo::{ADMIN, HR, LANE, LEADER, PETER, conversation_of, goal};
use testkit::{TestApp, both_backends};

async fn revision(app: &TestApp) -> String {
    let c = conversation_of(app, LANE).await;
    app.db
        .agreement(c.id)
        .await
        .unwrap()
        .map_or(0, |a| a.revision)
        .to_string()
}

async fn competence(app: &TestApp, name: &str) -> String {
    let org = testkit::demo::person(&app.db, LANE).await.org_id;
    app.db
        .competences(org)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.name == name)
        .unwrap()
        .id
        .to_string()
}

both_backends! {
    async fn lane_and_peter_write_sign_and_amend_the_agreement(app: &TestApp) {
        let conversation = conversation_of(app, LANE).await;
        let page = format!("/conversations/{}/agreement", conversation.id);
        let parents = goal(app, "Styrk dialogen med forældrene").await.id.to_string();
        let dialogue = competence(app, "Forældredialog").await;
        let lane = app.login(LANE).await;
        let peter = app.login(PETER).await;

        // the conversation opens with last year's agreement and how each goal went
        for path in [&page, &format!("/conversations/{}/preparation", conversation.id)] {
            let (_, body) = lane.page(path).await;
            assert!(body.contains("Sidste års aftale (MUS 2025)"), "{path}");
            assert!(body.contains("Dialogisk læsning i Grøn stue") && body.contains("2 af 2 handlinger gennemført"), "{body}");
            assert!(body.contains("Sprogmappe for hvert barn") && body.contains("i gang"), "{body}");
        }

        // a goal needs its red thread; what was typed comes back in the form
        let unthreaded = lane.post_owned(&page, &[
            ("op", "add-goal".into()), ("revision", revision(app).await),
            ("title", "Trygge forældresamtaler".into()), ("success", "Jeg leder selv samtalen".into()),
            ("priority", "high".into()),
        ]).await;
        assert_eq!(unthreaded.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = unthreaded.text().await.unwrap();
        assert!(body.contains("mindst ét strategisk mål") && body.contains("value=\"Trygge forældresamtaler\""), "{body}");

        let added = lane.post_owned(&page, &[
            ("op", "add-goal".into()), ("revision", revision(app).await),
            ("title", "Trygge forældresamtaler".into()),
            ("success", "Jeg leder selv de svære forældresamtaler og forældrene går derfra med en aftale".into()),
            ("priority", "high".into()), ("strategic", parents.clone()), ("competence", dialogue.clone()),
        ]).await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
        let lane_id = testkit::demo::person(&app.db, LANE).await.id.to_string();
        let peter_id = testkit::demo::person(&app.db, PETER).await.id.to_string();
        let action = peter.post_owned(&page, &[
            ("op", "add-action".into()), ("revision", revision(app).await), ("goal", "0".into()),
            ("text", "Kursus i den svære forældresamtale".into()), ("kind", "course".into()),
            ("owner", lane_id.clone()), ("due", "2027-03-01".into()),
        ]).await;
        assert_eq!(action.status(), StatusCode::SEE_OTHER);
        let commitment = peter.post_owned(&page, &[
            ("op", "add-commitment".into()), ("revision", revision(app).await),
            ("text", "Kursusplads og fire timers vikar".into()), ("kind", "course-place".into()),
            ("owner", peter_id.clone()), ("due", "".into()),
        ]).await;
        assert_eq!(commitment.status(), StatusCode::SEE_OTHER);
        let foreign_owner = peter.post_owned(&page, &[
            ("op", "add-commitment".into()), ("revision", revision(app).await),
            ("text", "Noget".into()), ("kind", "time".into()), ("owner", uuid_like()), ("due", "".into()),
        ]).await;
        assert_eq!(foreign_owner.status(), StatusCode::UNPROCESSABLE_ENTITY);

        // signing waits for the conversation to be held, which only its leader marks
        let early = lane.post_owned(&page, &[("op", "sign".into()), ("revision", revision(app).await)]).await;
        assert_eq!(early.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(early.text().await.unwrap().contains("når samtalen er holdt"));
        let held = format!("/conversations/{}/held", conversation.id);
        assert_eq!(lane.post(&held, &[]).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(peter.post(&held, &[]).await.status(), StatusCode::SEE_OTHER);
        for who in [&lane, &peter] {
            let signed = who.post_owned(&page, &[("op", "sign".into()), ("revision", revision(app).await)]).await;
            assert_eq!(signed.status(), StatusCode::SEE_OTHER);
        }
        let (_, body) = lane.page(&page).await;
        assert!(body.contains("underskrevet af jer begge") && body.contains("Forældredialog"), "{body}");
        let cycle = testkit::demo::cycle(app, "MUS 2026").await;
        let (_, overview) = app.login(LEADER).await.page(&format!("/cycles/{}/overview", cycle.id)).await;
        assert!(overview.contains("aftalt"), "the overview shows the stage");

        // after signing, a change is an amendment the other party answers
        let stale = revision(app).await;
        let proposed = lane.post_owned(&page, &[
            ("op", "add-action".into()), ("revision", stale.clone()), ("goal", "0".into()),
            ("text", "Mentor: Camilla ved to forældresamtaler".into()), ("kind", "mentoring".into()),
            ("owner", lane_id.clone()), ("due", "2027-01-15".into()),
        ]).await;
        assert_eq!(proposed.status(), StatusCode::SEE_OTHER);
        let agreement = app.db.agreement(conversation.id).await.unwrap().unwrap();
        assert_eq!(agreement.terms.goals[0].actions.len(), 1, "not applied before it is accepted");
        assert!(agreement.signed());
        // a form from before the amendment is refused, and its text is kept
        let late = peter.post_owned(&page, &[
            ("op", "add-commitment".into()), ("revision", stale),
            ("text", "To timer om ugen til forberedelse".into()), ("kind", "time".into()),
            ("owner", peter_id.clone()), ("due", "".into()),
        ]).await;
        assert_eq!(late.status(), StatusCode::CONFLICT);
        assert!(late.text().await.unwrap().contains("To timer om ugen til forberedelse"));
        let own = lane.post_owned(&page, &[("op", "accept".into()), ("revision", revision(app).await)]).await;
        assert_eq!(own.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let accepted = peter.post_owned(&page, &[("op", "accept".into()), ("revision", revision(app).await)]).await;
        assert_eq!(accepted.status(), StatusCode::SEE_OTHER);
        let agreement = app.db.agreement(conversation.id).await.unwrap().unwrap();
        assert_eq!(agreement.terms.goals[0].actions.len(), 2);
        let (_, body) = peter.page(&page).await;
        assert!(body.contains("godkendt af Peter Lund"), "{body}");

        // progress is reported without an amendment
        let progressed = lane.post_owned(&page, &[
            ("op", "progress".into()), ("revision", revision(app).await),
            ("goal", "0".into()), ("action", "0".into()), ("progress", "started".into()),
        ]).await;
        assert_eq!(progressed.status(), StatusCode::SEE_OTHER);
        let agreement = app.db.agreement(conversation.id).await.unwrap().unwrap();
        assert_eq!(agreement.terms.goals[0].actions[0].progress, Progress::Started);
        assert!(agreement.pending().is_none());

        // the printout holds the whole agreement with both signatures
        let print = format!("/conversations/{}/print", conversation.id);
        let (status, printed) = peter.page(&print).await;
        assert_eq!(status, StatusCode::OK);
        for expected in ["Trygge forældresamtaler", "Kursus i den svære forældresamtale", "Kursusplads og fire timers vikar", "Styrk dialogen med forældrene", "Forældredialog", "Mentor: Camilla"] {
            assert!(printed.contains(expected), "{expected}: {printed}");
        }
        assert_eq!(printed.matches("Underskrevet ").count(), 2, "both signatures");

        // nobody but the two parties sees it or changes it
        for email in [LEADER, HR, ADMIN] {
            let other = app.login(email).await;
            assert_eq!(other.get(&page).await.status(), StatusCode::NOT_FOUND, "{email}");
            assert_eq!(other.get(&print).await.status(), StatusCode::NOT_FOUND, "{email}");
            let sneak = other.post_owned(&page, &[("op", "sign".into()), ("revision", revision(app).await)]).await;
            assert_eq!(sneak.status(), StatusCode::NOT_FOUND, "{email}");
        }
    }

    async fn both_write_the_notes_and_neither_loses_text(app: &TestApp) {
        let conversation = conversation_of(app, LANE).await;
        let page = format!("/conversations/{}/agreement", conversation.id);
        let lane = app.login(LANE).await;
        let peter = app.login(PETER).await;
        let saved = lane.post(&page, &[("op", "notes"), ("notes_revision", "0"), ("notes", "Lane: forældremødet i marts")]).await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER);
        let stale = peter.post(&page, &[("op", "notes"), ("notes_revision", "0"), ("notes", "Peter: kursus i foråret")]).await;
        assert_eq!(stale.status(), StatusCode::CONFLICT);
        assert!(stale.text().await.unwrap().contains("Peter: kursus i foråret"), "the typed text is shown again");
        let merged = peter.post(&page, &[("op", "notes"), ("notes_revision", "1"), ("notes", "Lane: forældremødet i marts\nPeter: kursus i foråret")]).await;
        assert_eq!(merged.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.db.notes(conversation.id).await.unwrap(), ("Lane: forældremødet i marts\nPeter: kursus i foråret".into(), 2));
    }
}

fn uuid_like() -> String {
    domain::PersonId::new().to_string()
}

both_backends! {
    async fn lane_sees_her_red_thread_and_nobody_else_does(app: &TestApp) {
        let lane = app.login(LANE).await;
        let (status, thread) = lane.page("/red-thread").await;
        assert_eq!(status, StatusCode::OK);
        // last year's goal hangs under the language goal and the reading sub-goal
        assert!(thread.contains("Sprog og læring i hverdagen") && thread.contains("Dialogisk læsning i små grupper"), "{thread}");
        assert!(thread.contains("Dialogisk læsning i Grøn stue") && thread.contains("Kursus i dialogisk læsning") && thread.contains("gennemført"));
        let (_, theirs) = app.login(PETER).await.page("/red-thread").await;
        assert!(!theirs.contains("Dialogisk læsning i Grøn stue"), "each sees only their own");
    }
}

both_backends! {
    async fn hr_reads_only_what_the_employee_shares(app: &TestApp) {
        let conversation = conversation_of(app, LANE).await;
        let print = format!("/conversations/{}/print", conversation.id);
        let share = format!("/conversations/{}/hr-share", conversation.id);
        let lane = app.login(LANE).await;
        let notes = lane.post_owned(&format!("/conversations/{}/agreement", conversation.id), &[
            ("op", "notes".into()), ("notes_revision", "0".into()), ("notes", "Kun til os to".into()),
        ]).await;
        assert_eq!(notes.status(), StatusCode::SEE_OTHER);
        let hr = app.login(HR).await;
        assert_eq!(hr.get(&print).await.status(), StatusCode::NOT_FOUND, "nothing shared yet");
        assert_eq!(app.login(PETER).await.post(&share, &[("part", "agreement")]).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(hr.post(&share, &[("part", "agreement")]).await.status(), StatusCode::NOT_FOUND);

        assert_eq!(lane.post(&share, &[("part", "agreement")]).await.status(), StatusCode::SEE_OTHER);
        let cycle = testkit::demo::cycle(app, "MUS 2026").await;
        let lane_id = testkit::demo::person(&app.db, LANE).await.id;
        let (_, conversation_page) = hr.page(&format!("/cycles/{}/people/{lane_id}", cycle.id)).await;
        assert!(conversation_page.contains("Delt med HR"));
        let (status, shared) = hr.page(&print).await;
        assert_eq!(status, StatusCode::OK);
        assert!(shared.contains("Udviklingsmål") && !shared.contains("Psykologisk kontrakt"), "{shared}");
        assert!(!shared.contains("Kun til os to"), "notes are never shared");
        for email in [ADMIN, testkit::demo::HEAD, LEADER] {
            assert_eq!(app.login(email).await.get(&print).await.status(), StatusCode::NOT_FOUND, "{email}");
        }

        assert_eq!(lane.post(&share, &[]).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(hr.get(&print).await.status(), StatusCode::NOT_FOUND, "withdrawn");
    }
}
