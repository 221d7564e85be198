//! The development agreement over HTTP: written by both parties, signed once the conversation
//! is held, amended only with the other party's answer, and seen by nobody else.

use domain::agreement::Progress;
use reqwest::StatusCode;
use testkit::demo::{
    ADMIN, HR, LANE, LEADER, PETER, agreement_revision, conversation_of, goal, sign_lanes_agreement,
};
use testkit::{TestApp, both_backends};

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
            ("op", "add-goal".into()), ("revision", agreement_revision(app, LANE).await),
            ("title", "Trygge forældresamtaler".into()), ("success", "Jeg leder selv samtalen".into()),
            ("priority", "high".into()),
        ]).await;
        assert_eq!(unthreaded.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body = unthreaded.text().await.unwrap();
        assert!(body.contains("mindst ét strategisk mål") && body.contains("value=\"Trygge forældresamtaler\""), "{body}");

        let added = lane.post_owned(&page, &[
            ("op", "add-goal".into()), ("revision", agreement_revision(app, LANE).await),
            ("title", "Trygge forældresamtaler".into()),
            ("success", "Jeg leder selv de svære forældresamtaler og forældrene går derfra med en aftale".into()),
            ("priority", "high".into()), ("strategic", parents.clone()), ("competence", dialogue.clone()),
        ]).await;
        assert_eq!(added.status(), StatusCode::SEE_OTHER);
        let lane_id = testkit::demo::person(&app.db, LANE).await.id.to_string();
        let peter_id = testkit::demo::person(&app.db, PETER).await.id.to_string();
        let action = peter.post_owned(&page, &[
            ("op", "add-action".into()), ("revision", agreement_revision(app, LANE).await), ("goal", "0".into()),
            ("text", "Kursus i den svære forældresamtale".into()), ("kind", "course".into()),
            ("owner", lane_id.clone()), ("due", "2027-03-01".into()),
        ]).await;
        assert_eq!(action.status(), StatusCode::SEE_OTHER);
        let commitment = peter.post_owned(&page, &[
            ("op", "add-commitment".into()), ("revision", agreement_revision(app, LANE).await),
            ("text", "Kursusplads og fire timers vikar".into()), ("kind", "course-place".into()),
            ("owner", peter_id.clone()), ("due", "".into()),
        ]).await;
        assert_eq!(commitment.status(), StatusCode::SEE_OTHER);
        let foreign_owner = peter.post_owned(&page, &[
            ("op", "add-commitment".into()), ("revision", agreement_revision(app, LANE).await),
            ("text", "Noget".into()), ("kind", "time".into()), ("owner", uuid_like()), ("due", "".into()),
        ]).await;
        assert_eq!(foreign_owner.status(), StatusCode::UNPROCESSABLE_ENTITY);

        // signing waits for the conversation to be held, which only its leader marks
        let early = lane.post_owned(&page, &[("op", "sign".into()), ("revision", agreement_revision(app, LANE).await)]).await;
        assert_eq!(early.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert!(early.text().await.unwrap().contains("når samtalen er holdt"));
        let held = format!("/conversations/{}/held", conversation.id);
        assert_eq!(lane.post(&held, &[]).await.status(), StatusCode::FORBIDDEN);
        assert_eq!(peter.post(&held, &[]).await.status(), StatusCode::SEE_OTHER);
        for who in [&lane, &peter] {
            let signed = who.post_owned(&page, &[("op", "sign".into()), ("revision", agreement_revision(app, LANE).await)]).await;
            assert_eq!(signed.status(), StatusCode::SEE_OTHER);
        }
        let (_, body) = lane.page(&page).await;
        assert!(body.contains("underskrevet af jer begge") && body.contains("Forældredialog"), "{body}");
        let cycle = testkit::demo::cycle(app, "MUS 2026").await;
        let (_, overview) = app.login(LEADER).await.page(&format!("/cycles/{}/overview", cycle.id)).await;
        assert!(overview.contains("aftalt"), "the overview shows the stage");

        // after signing, a change is an amendment the other party answers
        let stale = agreement_revision(app, LANE).await;
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
        let own = lane.post_owned(&page, &[("op", "accept".into()), ("revision", agreement_revision(app, LANE).await)]).await;
        assert_eq!(own.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let accepted = peter.post_owned(&page, &[("op", "accept".into()), ("revision", agreement_revision(app, LANE).await)]).await;
        assert_eq!(accepted.status(), StatusCode::SEE_OTHER);
        let agreement = app.db.agreement(conversation.id).await.unwrap().unwrap();
        assert_eq!(agreement.terms.goals[0].actions.len(), 2);
        let (_, body) = peter.page(&page).await;
        assert!(body.contains("godkendt af Peter Lund"), "{body}");

        // progress is reported without an amendment, and every report is kept
        let course = agreement.terms.goals[0].actions[0].id.to_string();
        for (progress, note) in [("started", "Tilmeldt"), ("done", "Gennemført i marts")] {
            let progressed = lane.post_owned(&page, &[
                ("op", "progress".into()), ("revision", agreement_revision(app, LANE).await),
                ("item", course.clone()), ("progress", progress.into()), ("note", note.into()),
            ]).await;
            assert_eq!(progressed.status(), StatusCode::SEE_OTHER);
        }
        let agreement = app.db.agreement(conversation.id).await.unwrap().unwrap();
        assert_eq!(agreement.terms.goals[0].actions[0].progress, Progress::Done);
        assert!(agreement.pending().is_none());
        let history = app.db.progress_history(conversation.id).await.unwrap();
        assert_eq!(history.iter().map(|r| r.note.as_str()).collect::<Vec<_>>(), ["Tilmeldt", "Gennemført i marts"]);
        let (_, body) = peter.page(&page).await;
        assert!(body.contains("Lane Andersen · gennemført – Gennemført i marts") && body.contains("Tilmeldt"), "{body}");
        let unknown = lane.post_owned(&page, &[
            ("op", "progress".into()), ("revision", agreement_revision(app, LANE).await),
            ("item", domain::ItemId::new().to_string()), ("progress", "done".into()),
        ]).await;
        assert_eq!(unknown.status(), StatusCode::CONFLICT);

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
            let sneak = other.post_owned(&page, &[("op", "sign".into()), ("revision", agreement_revision(app, LANE).await)]).await;
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

both_backends! {
    async fn owners_report_on_what_they_own_and_see_nothing_else(app: &TestApp) {
        let org = testkit::demo::person(&app.db, LANE).await.org_id;
        let last_year = testkit::demo::cycle(app, "MUS 2025").await;
        let lane_id = testkit::demo::person(&app.db, LANE).await.id;
        let conversation = app.db.conversation_of(org, last_year.id, lane_id).await.unwrap().unwrap();
        let follow_ups = app.db.follow_ups(conversation.id).await.unwrap();
        assert_eq!(follow_ups.iter().filter(|f| f.held_at.is_some()).count(), 2, "the demo's year was followed up twice");
        // Camilla, a colleague, is named as Lane's mentor in last year's agreement.
        let camilla = testkit::demo::person(&app.db, "camilla@maelkeboetten.dk").await;
        let mut agreement = app.db.agreement(conversation.id).await.unwrap().unwrap();
        let mentoring = domain::agreement::Commitment::read("Mentor ved to forældresamtaler", "mentor", camilla.id, "").unwrap();
        let item = mentoring.id;
        agreement.terms.commitments.push(mentoring);
        let previous = agreement.revision;
        agreement.revision += 1;
        app.db.save_agreement(&agreement, previous, None, &[]).await.unwrap();

        let lane = app.login(LANE).await;
        let (_, mine) = lane.page("/my-actions").await;
        assert!(mine.contains("Sprogmappe for hvert barn") && mine.contains("Mapper til halvdelen"), "{mine}");
        assert!(!mine.contains("Mentor ved to forældresamtaler"), "only what she owns");

        let colleague = app.login("camilla@maelkeboetten.dk").await;
        let (_, hers) = colleague.page("/my-actions").await;
        assert!(hers.contains("Mentor ved to forældresamtaler") && hers.contains("Lane Andersen"));
        assert!(!hers.contains("Sprogmappe for hvert barn"), "nothing else of the agreement");
        assert_eq!(colleague.get(&format!("/conversations/{}/agreement", conversation.id)).await.status(), StatusCode::NOT_FOUND);
        let report = format!("/my-actions/{}/{item}", conversation.id);
        let revision = agreement.revision.to_string();
        let done = colleague.post(&report, &[("revision", &revision), ("progress", "done"), ("note", "To samtaler holdt")]).await;
        assert_eq!(done.status(), StatusCode::SEE_OTHER);
        let stale = colleague.post(&report, &[("revision", &revision), ("progress", "started")]).await;
        assert_eq!(stale.status(), StatusCode::CONFLICT, "an old form does not overwrite");
        let history = app.db.progress_history(conversation.id).await.unwrap();
        assert_eq!(history.last().map(|r| (r.by, r.note.as_str())), Some((camilla.id, "To samtaler holdt")));

        // someone who owns nothing there may not report on it
        let emma = app.login("emma@maelkeboetten.dk").await;
        let refused = emma.post(&report, &[("revision", "99"), ("progress", "dropped")]).await;
        assert_eq!(refused.status(), StatusCode::NOT_FOUND);
        let (_, stranger) = testkit::demo::other_org(app).await;
        assert_eq!(app.login(stranger).await.post(&report, &[("revision", "99"), ("progress", "dropped")]).await.status(), StatusCode::NOT_FOUND);
    }
}

both_backends! {
    async fn signing_plans_follow_ups_where_both_record_how_each_goal_stands(app: &TestApp) {
        let id = sign_lanes_agreement(app).await;
        let cycle = testkit::demo::cycle(app, "MUS 2026").await;
        let today = chrono::Utc::now().date_naive();
        let ahead = cycle.timeline.follow_ups().iter().filter(|d| **d >= today).count();
        let planned = app.db.follow_ups(id).await.unwrap();
        assert_eq!(planned.len(), ahead, "one per follow-up date still ahead");
        let (lane, peter) = (app.login(LANE).await, app.login(PETER).await);
        // a date of their own, too
        assert_eq!(lane.post(&format!("/conversations/{id}/follow-ups"), &[("due", "2027-01-15")]).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(lane.post(&format!("/conversations/{id}/follow-ups"), &[("due", "someday")]).await.status(), StatusCode::BAD_REQUEST);
        let first = app.db.follow_ups(id).await.unwrap().into_iter().find(|f| f.due.to_string() == "2027-01-15").unwrap();
        let page = format!("/conversations/{id}/follow-ups/{}", first.id);
        let goal = app.db.agreement(id).await.unwrap().unwrap().terms.goals[0].id;
        let keys = ["progress", "status", "reason", "note"].map(|name| format!("{goal}-{name}"));
        let record = |revision: &str, status: &str, reason: &str, note: &str| -> Vec<(&str, String)> {
            vec![
                ("op", "record".into()), ("revision", revision.into()),
                (&keys[0], "Kurset er booket".into()), (&keys[1], status.into()),
                (&keys[2], reason.into()), (&keys[3], note.into()),
            ]
        };
        assert_eq!(lane.post_owned(&page, &record("0", "on-track", "", "Jeg glæder mig")).await.status(), StatusCode::SEE_OTHER);
        let stale = peter.post_owned(&page, &record("0", "at-risk", "", "Vi mangler vikar")).await;
        assert_eq!(stale.status(), StatusCode::CONFLICT);
        assert!(stale.text().await.unwrap().contains("Vi mangler vikar"), "the typed note is kept");
        let no_reason = peter.post_owned(&page, &record("1", "dropped", " ", "")).await;
        assert_eq!(no_reason.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(peter.post_owned(&page, &record("1", "at-risk", "", "Vi mangler vikar")).await.status(), StatusCode::SEE_OTHER);
        let review = app.db.follow_up(cycle.org_id, first.id).await.unwrap().review_of(goal);
        assert_eq!((review.employee_note.as_str(), review.leader_note.as_str()), ("Jeg glæder mig", "Vi mangler vikar"));
        let (_, body) = lane.page(&page).await;
        assert!(body.contains("Peter Lund:</strong> <span class=\"description\">Vi mangler vikar"), "{body}");

        // moved to another day, not to no day
        assert_eq!(peter.post(&page, &[("op", "move"), ("revision", "2"), ("due", "snart")]).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(peter.post(&page, &[("op", "move"), ("revision", "2"), ("due", "2027-01-22")]).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.db.follow_up(cycle.org_id, first.id).await.unwrap().due.to_string(), "2027-01-22");
        assert_eq!(peter.post(&page, &[("op", "hold"), ("revision", "3")]).await.status(), StatusCode::SEE_OTHER);
        assert_eq!(lane.post_owned(&page, &record("5", "done", "", "For sent")).await.status(), StatusCode::CONFLICT, "history once held");

        for email in [LEADER, HR, ADMIN] {
            let other = app.login(email).await;
            assert_eq!(other.get(&page).await.status(), StatusCode::NOT_FOUND, "{email}");
            assert_eq!(other.post(&format!("/conversations/{id}/follow-ups"), &[("due", "2027-02-01")]).await.status(), StatusCode::NOT_FOUND, "{email}");
        }
    }
}
