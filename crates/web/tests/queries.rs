//! No page asks the database more often because the organisation or a team grew: each page's
//! number of statements is counted on the demo, ten more people with a year of history are
//! added to Grøn stue, and the count must not move. Each page runs its statements on one
//! connection.

use chrono::Duration;
use domain::agreement::{Action, Agreement, Edit, GoalText};
use domain::conversation::{Conversation, Schedule, parse_local_time};
use domain::dialogue::{Feedback, Visibility};
use domain::evaluation::{Evaluation, Scores};
use domain::followup::FollowUp;
use domain::preparation::Side;
use reqwest::StatusCode;
use testkit::demo::{HEAD, HR, LANE, PETER, conversation_of, cycle, goal, newcomer, person};
use testkit::{Session, TestApp, both_backends};

/// Ten more employees in Grøn stue, each with last year's held conversation, a signed
/// agreement with a planned follow-up and an evaluation, and this year's scheduled
/// conversation with anonymous feedback.
async fn grow(app: &TestApp) {
    let db = &app.db;
    let peter = person(db, PETER).await;
    let last = cycle(app, "MUS 2025").await;
    let open = cycle(app, "MUS 2026").await;
    let parents = goal(app, "Styrk dialogen med forældrene").await.id;
    for n in 0..10 {
        let someone = newcomer(db, n).await;
        let day = format!("2025-10-{:02}", 20 + n % 8);
        let schedule = Schedule::parse(
            &last,
            &format!("{day}T13:00"),
            "60",
            "Personalestuen",
            "",
            "",
            &day,
        )
        .unwrap();
        let held_at = parse_local_time(&format!("{day}T14:00")).unwrap();
        let held = Conversation {
            schedule: Some(schedule),
            held_at: Some(held_at),
            ..Conversation::new(&last, someone.id, peter.id)
        };
        db.save_conversation(&held).await.unwrap();
        let mut agreement = Agreement::new(held.id);
        let edits = [
            Edit::AddGoal(
                GoalText::read(
                    "Forældresamtaler",
                    "Trygge samtaler",
                    "high",
                    vec![parents],
                    vec![],
                )
                .unwrap(),
            ),
            Edit::AddAction(
                0,
                Action::read("Kursus", "course", someone.id, "2026-03-01").unwrap(),
            ),
        ];
        for edit in edits {
            agreement = agreement
                .change(agreement.revision, Side::Leader, held_at, edit)
                .unwrap();
        }
        agreement = agreement
            .sign(agreement.revision, Side::Employee, held_at, true)
            .unwrap()
            .sign(agreement.revision + 1, Side::Leader, held_at, true)
            .unwrap();
        let follow_up = FollowUp::new(held.id, last.timeline.follow_ups()[0]);
        db.save_agreement(&agreement, 0, None, &[follow_up])
            .await
            .unwrap();
        let scores = Scores::new([4, 4, 4, 4]).unwrap();
        let evaluation = Evaluation::give(
            &held,
            Side::Employee,
            scores,
            "",
            held_at + Duration::hours(2),
        )
        .unwrap();
        db.give_evaluation(&held, &evaluation).await.unwrap();

        let when = format!("2026-11-{:02}T13:00", 23 + n % 5);
        let schedule =
            Schedule::parse(&open, &when, "60", "Personalestuen", "", "", "2026-11-20").unwrap();
        let booked = Conversation::new(&open, someone.id, peter.id)
            .schedule(&open, schedule)
            .unwrap();
        db.save_conversation(&booked).await.unwrap();
        let feedback = Feedback {
            goal_id: parents,
            contribution: format!("Bidrag {n}"),
            hard_situations: String::new(),
            what_then: String::new(),
            opportunities: String::new(),
            barriers: "Tid".into(),
            clarity: Some(3),
            visibility: Visibility::Anonymous,
        };
        db.save_feedback(&booked, &[feedback]).await.unwrap();
    }
}

/// How many statements one GET of `path` runs, and how many connections it takes for them.
async fn cost(app: &TestApp, session: &Session, path: &str) -> (u64, u64) {
    let (queries, taken) = (app.db.queries(), app.db.connections_taken());
    let status = session.get(path).await.status();
    assert_eq!(status, StatusCode::OK, "{path}");
    (
        app.db.queries() - queries,
        app.db.connections_taken() - taken,
    )
}

both_backends! {
    async fn no_page_asks_more_as_the_organisation_grows(app: &TestApp) {
        let open = cycle(app, "MUS 2026").await.id;
        let last = cycle(app, "MUS 2025").await.id;
        let lanes = conversation_of(app, LANE).await.id;
        let lane_id = person(&app.db, LANE).await.id;
        let pages: Vec<(&str, String)> = vec![
            (LANE, "/".into()),
            (LANE, format!("/cycles/{open}/people/{lane_id}")),
            (LANE, format!("/conversations/{lanes}/preparation")),
            (LANE, format!("/conversations/{lanes}/agreement")),
            (LANE, "/my-actions".into()),
            (LANE, "/effect".into()),
            (PETER, "/".into()),
            (PETER, "/follow-through".into()),
            (PETER, format!("/cycles/{open}/overview")),
            (PETER, "/evaluations".into()),
            (PETER, "/effect".into()),
            (HR, format!("/cycles/{open}/overview")),
            (HR, "/follow-through".into()),
            (HR, "/people".into()),
            (HR, format!("/people/{lane_id}")),
            (HR, "/conversations".into()),
            (PETER, "/conversations".into()),
            (HEAD, "/effect".into()),
            (HEAD, format!("/effect?cycle={last}")),
            (HEAD, "/strategy/feedback".into()),
            (HEAD, format!("/cycles/{last}/report")),
        ];
        let mut sessions = std::collections::HashMap::new();
        for email in [LANE, PETER, HR, HEAD] {
            sessions.insert(email, app.login(email).await);
        }
        // As every instance does each minute: the effect dashboards then read the kept counts
        // in both rounds (what a dashboard reads without them is bounded as well, but depends
        // on what is kept).
        // Each page is also read once before it is counted, so that what a page keeps in memory
        // under a counter (such as the list of shared feedback) is kept in both rounds.
        web::pages::effect_ahead::count_ahead(&app.db).await.unwrap();
        let mut small = Vec::new();
        for (email, path) in &pages {
            cost(app, &sessions[email], path).await;
            let (queries, taken) = cost(app, &sessions[email], path).await;
            assert_eq!(taken, 1, "{email} {path}: all {queries} statements on one connection");
            small.push(queries);
        }
        grow(app).await;
        web::pages::effect_ahead::count_ahead(&app.db).await.unwrap();
        let mut grown = Vec::new();
        let mut report = Vec::new();
        for ((email, path), before) in pages.iter().zip(&small) {
            cost(app, &sessions[email], path).await;
            let (after, _) = cost(app, &sessions[email], path).await;
            grown.push(after);
            report.push(format!("{email} {path}: {before} → {after}"));
        }
        assert_eq!(small, grown, "statements per page before → after:\n{}", report.join("\n"));
        assert!(small.iter().all(|n| *n > 0), "every page was counted: {small:?}");
        // The pages did see the larger organisation.
        let (_, list) = sessions[PETER].page("/follow-through").await;
        assert!(list.contains("Ny Kollega 3"), "{list}");
        let (_, effect) = sessions[HEAD].page(&format!("/effect?cycle={last}")).await;
        assert!(effect.contains("30 personer"), "{effect}");
    }
}
