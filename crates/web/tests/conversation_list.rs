//! The list of every conversation by stage: the database's order and counts agree with the
//! domain's stage of each conversation, pages are slices of one order, and each user sees
//! only the conversations they may follow. A cycle's overview counts the same stages per unit.
//! The marks each stage is judged by, kept on the conversation, follow what they mark.

use chrono::Days;
use domain::conversation::{Marks, Stage};
use domain::person::Person;
use domain::preparation::{Preparation, Side};
use domain::{ConversationId, CycleId, OrgId, UnitId};
use reqwest::StatusCode;
use std::collections::HashMap;
use storage::{Backend, Db, Reach, Staff, now};
use testkit::demo::{HR, LANE, LEADER, other_org, person};
use testkit::{TestApp, both_backends, literal};

/// Each conversation's marks as its preparations and agreement say, for those that have any.
async fn marks_from_their_sources(db: &Db, org: OrgId) -> HashMap<ConversationId, Marks> {
    let mut marks = HashMap::new();
    for cycle in db.cycles(org).await.unwrap() {
        for c in db
            .conversations(org, cycle.id, Reach::Organisation)
            .await
            .unwrap()
        {
            let prepared = !db.preparations(c.id).await.unwrap().is_empty();
            let agreed = db
                .agreement(c.id)
                .await
                .unwrap()
                .is_some_and(|a| a.signed());
            if prepared || agreed {
                marks.insert(c.id, Marks { prepared, agreed });
            }
        }
    }
    marks
}

/// Per unit and stage, how many of `people` (the active ones) stand there in the cycle, as the
/// domain judges each one's conversation.
async fn stages_by_the_domain(
    db: &Db,
    org: OrgId,
    cycle: CycleId,
    people: &[Person],
) -> HashMap<(UnitId, Stage), usize> {
    let conversations: HashMap<_, _> = db
        .conversations(org, cycle, Reach::Organisation)
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.employee_id, c))
        .collect();
    let marks = db
        .conversation_marks(org, Some(cycle), Reach::Organisation)
        .await
        .unwrap();
    let mut expected: HashMap<_, usize> = HashMap::new();
    for p in people.iter().filter(|p| p.active) {
        let stage = conversations.get(&p.id).map_or(Stage::NotScheduled, |c| {
            c.stage(marks.get(&c.id).copied().unwrap_or_default())
        });
        *expected.entry((p.unit_id, stage)).or_default() += 1;
    }
    expected
}

/// How many of the organisation's conversations of these cycles stand at each stage, as the
/// domain judges them.
async fn conversation_stages(db: &Db, org: OrgId, cycles: &[CycleId]) -> HashMap<Stage, usize> {
    let marks = db
        .conversation_marks(org, None, Reach::Organisation)
        .await
        .unwrap();
    let mut counts = HashMap::new();
    for cycle in cycles {
        for c in db
            .conversations(org, *cycle, Reach::Organisation)
            .await
            .unwrap()
        {
            *counts
                .entry(c.stage(marks.get(&c.id).copied().unwrap_or_default()))
                .or_default() += 1;
        }
    }
    counts
}

async fn stages_counted(
    db: &Db,
    org: OrgId,
    cycle: CycleId,
    staff: Staff<'_>,
) -> HashMap<(UnitId, Stage), usize> {
    db.stages_per_unit(org, cycle, staff)
        .await
        .unwrap()
        .into_iter()
        .map(|c| ((c.unit, c.stage), c.people))
        .collect()
}

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
        // Every page, those across a change of stage too, is its part of the whole list.
        for offset in 0..=expected + 1 {
            let page = db.conversations_by_stage(org, Reach::Organisation, None, offset as u64, 4).await.unwrap();
            let part = &all.lines[offset.min(expected)..(offset + 4).min(expected)];
            assert_eq!(page.lines, part, "offset {offset}");
            assert_eq!(page.total(), expected);
        }
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

    async fn a_cycle_s_overview_counts_each_unit_s_stages_as_the_domain_does(app: &TestApp) {
        let db = &app.db;
        let mette = person(db, LEADER).await;
        let org = mette.org_id;
        let tree = db.unit_tree(org).await.unwrap();
        let led: Vec<_> = tree.walk().iter().filter(|(_, u)| u.leader_id == Some(mette.id)).flat_map(|(_, u)| tree.subtree(u.id)).collect();
        let everyone = db.people(org).await.unwrap();
        let theirs = db.people_led_by(org, mette.id, &led).await.unwrap();
        for cycle in db.cycles(org).await.unwrap() {
            for (staff, people) in [(Staff::Organisation, &everyone), (Staff::LedBy { leader: mette.id, units: &led }, &theirs)] {
                let expected = stages_by_the_domain(db, org, cycle.id, people).await;
                assert_eq!(stages_counted(db, org, cycle.id, staff).await, expected, "{} {staff:?}", cycle.name);
                let units: Vec<_> = expected.keys().map(|(unit, _)| *unit).take(2).collect();
                let mut read: Vec<_> = db.staff_in(org, staff, &units).await.unwrap().into_iter().map(|p| p.id).collect();
                let mut wanted: Vec<_> = people.iter().filter(|p| p.active && units.contains(&p.unit_id)).map(|p| p.id).collect();
                read.sort();
                wanted.sort();
                assert_eq!(read, wanted);
            }
        }
        assert!(!theirs.is_empty() && theirs.len() < everyone.len());
    }

    async fn the_organisation_s_stages_are_kept_until_any_instance_changes_what_they_count(app: &TestApp) {
        let db = &app.db;
        let org = person(db, LANE).await.org_id;
        let open = testkit::demo::cycle(app, "MUS 2026").await.id;
        let organisation = || stages_counted(db, org, open, Staff::Organisation);
        let truth = || async { stages_by_the_domain(db, org, open, &db.people(org).await.unwrap()).await };
        assert_eq!(organisation().await, truth().await);
        let before = db.queries();
        organisation().await;
        assert_eq!(db.queries() - before, 1, "one read of the revision");
        // Another server on the same database changes a conversation, a preparation, a person's
        // unit and another's activity: each is counted at the next read, by its units alone.
        let elsewhere = Db::connect(&db.url).await.unwrap();
        let conversations = db.conversations(org, open, Reach::Organisation).await.unwrap();
        let scheduled: Vec<_> = conversations.iter().filter(|c| c.schedule.is_some() && c.held_at.is_none() && !c.cancelled).collect();
        let check = |what: &'static str| {
            let (organisation, truth) = (&organisation, &truth);
            async move {
                let before = db.queries();
                let counted = organisation().await;
                assert_eq!(db.queries() - before, 3, "the revision, the units changed, and their counts: {what}");
                assert_eq!(counted, truth().await, "{what}");
                let all: Vec<CycleId> = db.cycles(org).await.unwrap().iter().map(|c| c.id).collect();
                for (cycle, cycles) in [(Some(open), vec![open]), (None, all)] {
                    let listed = db.conversations_by_stage(org, Reach::Organisation, cycle, 0, 50).await.unwrap();
                    assert_eq!(listed.counts, conversation_stages(db, org, &cycles).await, "{what}: the list of {cycle:?}");
                }
            }
        };
        let mut cancelled = scheduled[0].clone();
        cancelled.cancelled = true;
        elsewhere.save_conversation(&cancelled).await.unwrap();
        check("a conversation cancelled").await;
        let marks = db.conversation_marks(org, Some(open), Reach::Organisation).await.unwrap();
        let unprepared = scheduled.iter().find(|c| !marks.get(&c.id).is_some_and(|m| m.prepared)).expect("one not prepared");
        let draft = Preparation::new(unprepared.id, Side::Employee).save(0, Default::default()).unwrap();
        elsewhere.save_preparation(&draft, 0).await.unwrap();
        check("a preparation begun").await;
        let mut moving = elsewhere.person(org, scheduled[1].employee_id).await.unwrap();
        let tree = elsewhere.unit_tree(org).await.unwrap();
        moving.unit_id = tree.walk().iter().map(|(_, u)| u.id).find(|u| *u != moving.unit_id).unwrap();
        elsewhere.update_person(&moving).await.unwrap();
        check("someone moving").await;
        let mut leaving = elsewhere.person(org, scheduled[2].employee_id).await.unwrap();
        leaving.active = false;
        elsewhere.update_person(&leaving).await.unwrap();
        check("someone leaving").await;
        elsewhere.close().await;
    }

    async fn the_marks_kept_on_each_conversation_follow_its_preparations_and_agreement(app: &TestApp) {
        let db = &app.db;
        let org = person(db, LANE).await.org_id;
        let kept = || db.conversation_marks(org, None, Reach::Organisation);
        // Both parties prepare a conversation held last year and one scheduled this year.
        let held = *marks_from_their_sources(db, org).await.iter().find(|(_, m)| m.agreed).unwrap().0;
        let open = testkit::demo::cycle(app, "MUS 2026").await;
        let scheduled = db.conversations(org, open.id, Reach::Organisation).await.unwrap().into_iter()
            .find(|c| c.schedule.is_some() && c.held_at.is_none() && !c.cancelled).expect("a scheduled conversation").id;
        for id in [held, scheduled] {
            for side in [Side::Employee, Side::Leader] {
                let draft = Preparation::new(id, side).save(0, Default::default()).unwrap();
                db.save_preparation(&draft, 0).await.unwrap();
            }
        }
        let truth = marks_from_their_sources(db, org).await;
        assert_eq!((truth[&held], truth[&scheduled]), (Marks { prepared: true, agreed: true }, Marks { prepared: true, agreed: false }));
        assert_eq!(kept().await.unwrap(), truth, "as saved");
        for (id, marks) in &truth {
            assert_eq!(db.marks(*id).await.unwrap(), *marks);
        }
        // Any writer: a signature withdrawn, then given again.
        let signed = literal(db, held.0);
        db.execute_raw(&format!("UPDATE agreements SET leader_signed_at = NULL WHERE conversation_id = {signed}")).await.unwrap();
        assert_eq!(kept().await.unwrap(), marks_from_their_sources(db, org).await, "unsigned");
        db.execute_raw(&format!("UPDATE agreements SET leader_signed_at = employee_signed_at WHERE conversation_id = {signed}")).await.unwrap();
        assert_eq!(kept().await.unwrap(), truth, "signed again");
        // One side's preparation deleted, then the other's.
        let both = literal(db, scheduled.0);
        for side in ["leader", "employee"] {
            db.execute_raw(&format!("DELETE FROM preparations WHERE conversation_id = {both} AND side = '{side}'")).await.unwrap();
            assert_eq!(kept().await.unwrap(), marks_from_their_sources(db, org).await, "without the {side}'s preparation");
        }
        assert!(!db.marks(scheduled).await.unwrap().prepared);
        // Retention deletes the drafts never shared, years on.
        let purged = db.purge_expired_drafts(now() + Days::new(3650)).await.unwrap();
        assert!(purged >= 2, "{purged}");
        let truth = marks_from_their_sources(db, org).await;
        assert_eq!(truth[&held], Marks { prepared: false, agreed: true });
        assert_eq!(kept().await.unwrap(), truth, "after retention");
        // The migration that brought the columns marks existing conversations the same way.
        let migration = match db.backend() {
            Backend::Sqlite => include_str!("../../storage/migrations/sqlite/0033_conversation_marks.sql"),
            Backend::Postgres => include_str!("../../storage/migrations/postgres/0033_conversation_marks.sql"),
        };
        let start = migration.find("UPDATE conversations SET").unwrap();
        let backfill = &migration[start..start + migration[start..].find(");").unwrap() + 2];
        db.execute_raw("UPDATE conversations SET prepared = FALSE, agreed = FALSE").await.unwrap();
        assert!(kept().await.unwrap().is_empty());
        db.execute_raw(backfill).await.unwrap();
        assert_eq!(kept().await.unwrap(), truth, "backfilled");
    }
}
