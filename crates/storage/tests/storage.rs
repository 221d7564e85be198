//! The storage suite: every test runs on SQLite and (ignored unless asked for) on PostgreSQL.

use chrono::Duration;
use domain::audit::AuditKind;
use domain::contract::{Contract, Item, List};
use domain::conversation::{Conversation, Schedule};
use domain::cycle::{Cycle, CycleState, Framing, Timeline};
use domain::import::{parse_people_csv, plan_import};
use domain::locale::Locale;
use domain::org::{Organisation, Unit, UnitKind};
use domain::person::{Email, Person};
use domain::preparation::{Answer, Preparation, Side};
use domain::questions::{Edit, default_questions};
use domain::role::GrantedRoles;
use domain::strategy::{GoalStatus, GoalTree, Period, StrategicGoal};
use domain::{CycleId, GoalId, OrgId, PersonId, UnitId};
use std::collections::BTreeMap;
use storage::{AuditEntry, Db, Reach, SessionRecord, StorageError, now};
use testkit::{TestBackend, TestDb, both_backends};

async fn org_with_team(db: &Db, name: &str) -> (Organisation, UnitId) {
    let org = db
        .create_organisation(name, &name.to_lowercase())
        .await
        .unwrap();
    let root = db.unit_tree(org.id).await.unwrap().root().unwrap().id;
    let team = Unit {
        id: UnitId::new(),
        org_id: org.id,
        parent_id: Some(root),
        name: format!("{name} team"),
        kind: UnitKind::Team,
        leader_id: None,
    };
    db.insert_unit(&team).await.unwrap();
    (org, team.id)
}

/// A cycle of the 2026 season with one follow-up date, no focus and no question set.
fn plain_cycle(org: OrgId, state: CycleState) -> Cycle {
    let timeline = Timeline::new(
        date(2026, 9, 1),
        date(2026, 9, 15),
        date(2026, 11, 30),
        vec![date(2027, 2, 1)],
        date(2027, 8, 31),
    )
    .unwrap();
    Cycle {
        id: CycleId::new(),
        org_id: org,
        name: "MUS 2026".into(),
        intention: String::new(),
        state,
        timeline,
        focus_goals: Vec::new(),
        question_set: None,
    }
}

fn person(org: OrgId, unit: UnitId, email: &str) -> Person {
    Person {
        id: PersonId::new(),
        org_id: org,
        unit_id: unit,
        name: format!("Person {email}"),
        email: Email::parse(email).unwrap(),
        job_title: "Pædagog".into(),
        leader_id: None,
        active: true,
    }
}

both_backends! {
    async fn organisations_are_isolated(db: &TestDb) {
        let (a, team_a) = org_with_team(db, "Alfa").await;
        let (b, team_b) = org_with_team(db, "Beta").await;
        let pa = person(a.id, team_a, "a@alfa.dk");
        let pb = person(b.id, team_b, "b@beta.dk");
        db.insert_person(&pa).await.unwrap();
        db.insert_person(&pb).await.unwrap();

        assert_eq!(db.people(a.id).await.unwrap(), vec![pa.clone()]);
        assert!(matches!(db.person(b.id, pa.id).await, Err(StorageError::NotFound)));
        assert_eq!(db.units(a.id).await.unwrap().len(), 2);
        // an update that names another organisation touches nothing
        let mut stolen = pa.clone();
        stolen.org_id = b.id;
        stolen.name = "Hijacked".into();
        assert!(matches!(db.update_person(&stolen).await, Err(StorageError::NotFound)));
        assert_eq!(db.person(a.id, pa.id).await.unwrap().name, pa.name);
        assert!(matches!(db.rename_unit(b.id, team_a, "X").await, Err(StorageError::NotFound)));
        assert_eq!(db.organisation_by_slug("BETA").await.unwrap().unwrap().id, b.id);
        assert_eq!(db.organisations().await.unwrap().len(), 2);
    }

    async fn units_rename_move_and_lead(db: &TestDb) {
        let (org, team) = org_with_team(db, "Mælkebøtten").await;
        let tree = db.unit_tree(org.id).await.unwrap();
        let root = tree.root().unwrap().clone();
        assert_eq!(root.kind, UnitKind::Organisation);
        let dept = Unit {
            id: UnitId::new(),
            org_id: org.id,
            parent_id: Some(root.id),
            name: "Småbørn".into(),
            kind: UnitKind::Department,
            leader_id: None,
        };
        db.insert_unit(&dept).await.unwrap();
        let clash = Unit { id: UnitId::new(), name: "SMÅBØRN".into(), ..dept.clone() };
        assert!(matches!(db.insert_unit(&clash).await, Err(StorageError::Conflict)));
        db.move_unit(org.id, team, dept.id).await.unwrap();
        db.rename_unit(org.id, team, "Grøn stue").await.unwrap();
        let leader = person(org.id, dept.id, "leder@m.dk");
        db.insert_person(&leader).await.unwrap();
        db.set_unit_leader(org.id, dept.id, Some(leader.id)).await.unwrap();
        let tree = db.unit_tree(org.id).await.unwrap();
        let moved = tree.get(team).unwrap();
        assert_eq!((moved.name.as_str(), moved.parent_id), ("Grøn stue", Some(dept.id)));
        assert_eq!(db.led_units(org.id, leader.id).await.unwrap(), vec![dept.id]);
        assert!(tree.subtree(dept.id).contains(&team));
    }

    async fn a_unit_tree_kept_in_memory_follows_every_instance_s_changes(db: &TestDb) {
        let (org, team) = org_with_team(db, "Mælkebøtten").await;
        let (other, _) = org_with_team(db, "Other").await;
        assert_eq!(db.unit_tree(org.id).await.unwrap().len(), 2);
        // Another server on the same database: its pool shares no memory with ours.
        let elsewhere = Db::connect(&db.url).await.unwrap();
        elsewhere.rename_unit(org.id, team, "Grøn stue").await.unwrap();
        assert_eq!(db.unit_tree(org.id).await.unwrap().get(team).unwrap().name, "Grøn stue");
        let root = db.unit_tree(org.id).await.unwrap().root().unwrap().id;
        let added = Unit {
            id: UnitId::new(),
            org_id: org.id,
            parent_id: Some(root),
            name: "Rød stue".into(),
            kind: UnitKind::Team,
            leader_id: None,
        };
        elsewhere.insert_unit(&added).await.unwrap();
        let tree = db.unit_tree(org.id).await.unwrap();
        assert!(tree.get(added.id).is_some());
        assert!(tree.children(root).contains(&added.id));
        // Unchanged, the tree is served from memory; another organisation's change leaves it.
        elsewhere.rename_unit(other.id, db.unit_tree(other.id).await.unwrap().root().unwrap().id, "O").await.unwrap();
        let before = db.queries();
        let again = db.unit_tree(org.id).await.unwrap();
        assert_eq!(db.queries() - before, 1, "one read of the revision, no read of the units");
        assert!(std::sync::Arc::ptr_eq(&tree, &again));
        assert_eq!(db.unit_tree(other.id).await.unwrap().root().unwrap().name, "O");
        elsewhere.close().await;
    }

    async fn cycles_kept_in_memory_follow_every_instance_s_changes(db: &TestDb) {
        let (org, _) = org_with_team(db, "Mælkebøtten").await;
        let (other, _) = org_with_team(db, "Other").await;
        assert!(db.cycles(org.id).await.unwrap().is_empty());
        let elsewhere = Db::connect(&db.url).await.unwrap();
        let cycle = plain_cycle(org.id, CycleState::Draft);
        elsewhere.insert_cycle(&cycle).await.unwrap();
        assert_eq!(db.cycles(org.id).await.unwrap(), vec![cycle.clone()]);
        let later = Timeline::new(date(2026, 9, 1), date(2026, 9, 15), date(2026, 11, 30), vec![date(2027, 3, 1), date(2027, 6, 1)], date(2027, 8, 31)).unwrap();
        let open = Cycle { state: CycleState::Open, timeline: later, ..cycle.clone() };
        elsewhere.update_cycle(&open).await.unwrap();
        assert_eq!(db.open_cycle(org.id).await.unwrap(), Some(open.clone()));
        assert_eq!(db.cycle(org.id, cycle.id).await.unwrap().timeline.follow_ups().len(), 2);
        // Unchanged, the cycles are served from memory; another organisation's change leaves them.
        let other_cycle = Cycle { id: CycleId::new(), org_id: other.id, ..cycle.clone() };
        elsewhere.insert_cycle(&other_cycle).await.unwrap();
        let before = db.queries();
        assert_eq!(db.cycle_names(org.id).await.unwrap().len(), 1);
        assert_eq!(db.queries() - before, 1, "one read of the revision, no read of the cycles");
        assert_eq!(db.cycles(other.id).await.unwrap(), vec![other_cycle]);
        elsewhere.close().await;
    }

    async fn framings_kept_with_the_cycles_follow_every_instance_s_changes(db: &TestDb) {
        let (org, team) = org_with_team(db, "Mælkebøtten").await;
        let leader = person(org.id, team, "leder@m.dk");
        db.insert_person(&leader).await.unwrap();
        db.set_password_hash(leader.id, "hash").await.unwrap();
        let elsewhere = Db::connect(&db.url).await.unwrap();
        let cycle = plain_cycle(org.id, CycleState::Open);
        elsewhere.insert_cycle(&cycle).await.unwrap();
        let kept = async || {
            let at = db.user_context(leader.id).await.unwrap().unwrap().revisions;
            let before = db.queries();
            let framings = db.framings_at(org.id, cycle.id, at).await.unwrap();
            (framings.as_ref().clone(), db.queries() - before)
        };
        assert_eq!(kept().await, (vec![], 1), "read once");
        assert_eq!(kept().await, (vec![], 0), "then kept");
        let framing = Framing { cycle_id: cycle.id, unit_id: team, text: "Hos os betyder det …".into() };
        elsewhere.set_framing(&framing, leader.id).await.unwrap();
        assert_eq!(kept().await, (vec![framing.clone()], 1), "another instance's framing is read");
        let rewritten = Framing { text: "Ny tekst".into(), ..framing };
        elsewhere.set_framing(&rewritten, leader.id).await.unwrap();
        assert_eq!(kept().await, (vec![rewritten.clone()], 1), "and its rewriting");
        assert_eq!(kept().await, (vec![rewritten], 0));
        elsewhere.close().await;
    }

    async fn a_user_s_context_is_one_read(db: &TestDb) {
        let (org, team) = org_with_team(db, "Mælkebøtten").await;
        let root = db.unit_tree(org.id).await.unwrap().root().unwrap().id;
        let p = person(org.id, team, "leder@m.dk");
        db.insert_person(&p).await.unwrap();
        assert!(db.user_context(p.id).await.unwrap().is_none(), "no login, no user");
        db.set_password_hash(p.id, "hash").await.unwrap();
        db.set_user_locale(p.id, Locale::En).await.unwrap();
        db.set_granted_roles(p.id, GrantedRoles { hr: true, leadership: true, ..Default::default() }).await.unwrap();
        db.set_unit_leader(org.id, team, Some(p.id)).await.unwrap();
        db.set_unit_leader(org.id, root, Some(p.id)).await.unwrap();
        db.unit_tree(org.id).await.unwrap();
        db.cycles(org.id).await.unwrap();
        let before = db.queries();
        let ctx = db.user_context(p.id).await.unwrap().unwrap();
        assert_eq!(db.queries() - before, 1, "the tree and the cycles were read already");
        assert_eq!((ctx.person, ctx.org, ctx.locale), (p.clone(), org.clone(), Locale::En));
        assert_eq!(ctx.granted, GrantedRoles { hr: true, leadership: true, ..Default::default() });
        let mut led = ctx.led_units;
        led.sort();
        let mut expected = vec![team, root];
        expected.sort();
        assert_eq!(led, expected, "each led unit once, though the roles repeat the rows");
        assert_eq!(ctx.units.len(), 2);
        assert!(ctx.cycles.is_empty());
        db.update_person(&Person { active: false, ..p.clone() }).await.unwrap();
        assert!(db.user_context(p.id).await.unwrap().is_none(), "a deactivated person is no user");
    }

    async fn people_round_trip_and_emails_are_unique(db: &TestDb) {
        let (org, team) = org_with_team(db, "Org").await;
        let lane = person(org.id, team, "lane@m.dk");
        db.insert_person(&lane).await.unwrap();
        let twin = Person { id: PersonId::new(), ..lane.clone() };
        assert!(matches!(db.insert_person(&twin).await, Err(StorageError::Conflict)));
        let mut changed = lane.clone();
        changed.name = "Lane Ørum".into();
        changed.active = false;
        db.update_person(&changed).await.unwrap();
        assert_eq!(db.person(org.id, lane.id).await.unwrap(), changed);
        assert_eq!(db.person_by_email(&lane.email).await.unwrap(), Some(changed));
        let boss = person(org.id, team, "boss@m.dk");
        db.insert_person(&boss).await.unwrap();
        let mut report = person(org.id, team, "r@m.dk");
        report.leader_id = Some(boss.id);
        db.insert_person(&report).await.unwrap();
        let led = db.people_led_by(org.id, boss.id, &[]).await.unwrap();
        assert_eq!(led, vec![report]);
    }

    async fn a_team_page_is_the_first_of_everyone_led_and_counts_them(db: &TestDb) {
        let (org, team) = org_with_team(db, "Org").await;
        let (other, other_team) = org_with_team(db, "Other").await;
        let root = db.unit_tree(org.id).await.unwrap().root().unwrap().id;
        let boss = person(org.id, root, "boss@m.dk");
        db.insert_person(&boss).await.unwrap();
        // More than a page walked in name order needs, and a few who must not count.
        for n in 0..1_010 {
            db.insert_person(&person(org.id, team, &format!("p{n:04}@m.dk"))).await.unwrap();
        }
        let mut gone = person(org.id, team, "a-gone@m.dk");
        gone.active = false;
        db.insert_person(&gone).await.unwrap();
        let mut explicit = person(org.id, root, "a-explicit@m.dk");
        explicit.leader_id = Some(boss.id);
        db.insert_person(&explicit).await.unwrap();
        // Another organisation's, even if their leader were named wrongly.
        let mut stranger = person(other.id, other_team, "a-x@m.dk");
        stranger.leader_id = Some(boss.id);
        db.insert_person(&stranger).await.unwrap();
        // What the page must hold, from the list of everyone led.
        let expected = |led: Vec<Person>| {
            let mut led: Vec<Person> = led.into_iter().filter(|p| p.active).collect();
            led.sort_by(|a, b| (&a.name, a.id.0).cmp(&(&b.name, b.id.0)));
            let total = led.len();
            (led.into_iter().take(5).collect::<Vec<_>>(), total)
        };
        for units in [vec![root, team], vec![team], vec![root], vec![]] {
            let want = expected(db.people_led_by(org.id, boss.id, &units).await.unwrap());
            let got = db.team_page(org.id, boss.id, &units, 5).await.unwrap();
            assert_eq!(got, want, "units {units:?}");
        }
        let (page, total) = db.team_page(org.id, boss.id, &[root, team], 5).await.unwrap();
        assert_eq!((page[0].id, total), (explicit.id, 1_011));
        let (page, total) = db.team_page(org.id, boss.id, &[], 5).await.unwrap();
        assert_eq!((page, total), (vec![explicit.clone()], 1));
    }

    async fn users_passwords_roles_and_language(db: &TestDb) {
        let (org, team) = org_with_team(db, "Org").await;
        let p = person(org.id, team, "hr@m.dk");
        db.insert_person(&p).await.unwrap();
        assert!(db.login_record(&p.email).await.unwrap().is_none());
        db.set_password_hash(p.id, "hash-1").await.unwrap();
        db.set_password_hash(p.id, "hash-2").await.unwrap();
        db.set_user_locale(p.id, Locale::En).await.unwrap();
        let login = db.login_record(&p.email).await.unwrap().unwrap();
        assert_eq!((login.password_hash.as_str(), login.locale), ("hash-2", Locale::En));
        let granted = GrantedRoles { hr: true, admin: true, ..Default::default() };
        db.set_granted_roles(p.id, granted).await.unwrap();
        assert_eq!(db.granted_roles(p.id).await.unwrap(), granted);
        db.set_granted_roles(p.id, GrantedRoles::default()).await.unwrap();
        assert_eq!(db.granted_roles(p.id).await.unwrap(), GrantedRoles::default());
        let summaries = db.user_summaries(org.id).await.unwrap();
        assert_eq!(summaries.len(), 1);
        assert!(summaries[0].can_log_in);
    }

    async fn sessions_expire_and_failures_count(db: &TestDb) {
        let (org, team) = org_with_team(db, "Org").await;
        let p = person(org.id, team, "s@m.dk");
        db.insert_person(&p).await.unwrap();
        let live = SessionRecord {
            id_hash: "live".into(),
            person_id: Some(p.id),
            csrf_token: "token".into(),
            locale: Some(Locale::En),
            expires_at: now() + Duration::hours(1),
        };
        let dead = SessionRecord { id_hash: "dead".into(), expires_at: now() - Duration::seconds(1), ..live.clone() };
        db.insert_session(&live).await.unwrap();
        db.insert_session(&dead).await.unwrap();
        let got = db.session("live").await.unwrap().unwrap();
        assert_eq!((got.person_id, got.locale, got.expires_at), (Some(p.id), Some(Locale::En), live.expires_at));
        assert!(db.session("dead").await.unwrap().is_none());
        db.set_session_locale("live", Locale::Da).await.unwrap();
        assert_eq!(db.session("live").await.unwrap().unwrap().locale, Some(Locale::Da));
        assert_eq!(db.purge_expired(now() - Duration::days(1)).await.unwrap(), 1);
        let other = SessionRecord { id_hash: "other".into(), ..live.clone() };
        db.insert_session(&other).await.unwrap();
        db.delete_sessions_of(p.id, Some("other")).await.unwrap();
        assert!(db.session("live").await.unwrap().is_none());
        assert!(db.session("other").await.unwrap().is_some(), "the kept session stays");
        db.delete_sessions_of(p.id, None).await.unwrap();
        assert!(db.session("other").await.unwrap().is_none());

        let since = now() - Duration::minutes(15);
        for _ in 0..3 {
            db.record_login_failure("x@m.dk", "10.0.0.1").await.unwrap();
        }
        db.record_login_failure("y@m.dk", "10.0.0.1").await.unwrap();
        assert_eq!(db.recent_login_failures("x@m.dk", "10.0.0.1", since).await.unwrap(), (3, 4));
        db.clear_login_failures("x@m.dk").await.unwrap();
        assert_eq!(db.recent_login_failures("x@m.dk", "10.0.0.2", since).await.unwrap(), (0, 0));
    }

    async fn a_session_and_its_user_are_one_read(db: &TestDb) {
        let (org, team) = org_with_team(db, "Mælkebøtten").await;
        let p = person(org.id, team, "leder@m.dk");
        db.insert_person(&p).await.unwrap();
        db.set_password_hash(p.id, "hash").await.unwrap();
        db.set_user_locale(p.id, Locale::En).await.unwrap();
        db.set_granted_roles(p.id, GrantedRoles { hr: true, ..Default::default() }).await.unwrap();
        db.set_unit_leader(org.id, team, Some(p.id)).await.unwrap();
        let session = |id_hash: &str, person_id| SessionRecord {
            id_hash: id_hash.into(),
            person_id,
            csrf_token: "token".into(),
            locale: Some(Locale::Da),
            expires_at: now() + Duration::hours(1),
        };
        db.insert_session(&session("user", Some(p.id))).await.unwrap();
        db.insert_session(&session("anonymous", None)).await.unwrap();
        db.insert_session(&SessionRecord { expires_at: now() - Duration::seconds(1), ..session("dead", Some(p.id)) }).await.unwrap();
        db.unit_tree(org.id).await.unwrap();
        db.cycles(org.id).await.unwrap();

        let before = db.queries();
        let (got, user) = db.session_user("user").await.unwrap().unwrap();
        assert_eq!(db.queries() - before, 1, "the session and its user in one statement");
        assert_eq!((got.person_id, got.locale, got.csrf_token.as_str()), (Some(p.id), Some(Locale::Da), "token"));
        let user = user.expect("a user");
        assert_eq!((user.person, user.locale, user.led_units), (p.clone(), Locale::En, vec![team]));
        assert_eq!(user.granted, GrantedRoles { hr: true, ..Default::default() });
        assert!(!user.has_reports, "no one names them as leader");
        let report = Person { leader_id: Some(p.id), ..person(org.id, team, "lane@m.dk") };
        db.insert_person(&report).await.unwrap();
        assert!(db.session_user("user").await.unwrap().unwrap().1.unwrap().has_reports);
        db.update_person(&Person { active: false, ..report }).await.unwrap();
        assert!(!db.session_user("user").await.unwrap().unwrap().1.unwrap().has_reports, "a report who left leads to no one");

        let (got, user) = db.session_user("anonymous").await.unwrap().unwrap();
        assert_eq!((got.person_id, got.locale, user.is_none()), (None, Some(Locale::Da), true));
        assert!(db.session_user("dead").await.unwrap().is_none(), "an expired session is none");
        assert!(db.session_user("missing").await.unwrap().is_none());

        db.update_person(&Person { active: false, ..p.clone() }).await.unwrap();
        let (got, user) = db.session_user("user").await.unwrap().unwrap();
        assert_eq!((got.person_id, user.is_none()), (Some(p.id), true), "the session stays; no user");
    }

    async fn audit_is_scoped_and_newest_first(db: &TestDb) {
        let (a, team) = org_with_team(db, "Alfa").await;
        let (b, _) = org_with_team(db, "Beta").await;
        let admin = person(a.id, team, "admin@alfa.dk");
        db.insert_person(&admin).await.unwrap();
        for (org, kind, subject) in [(a.id, AuditKind::Login, "first"), (b.id, AuditKind::Login, "other org"), (a.id, AuditKind::Import, "second")] {
            db.record_audit(AuditEntry {
                org_id: Some(org),
                actor_id: (org == a.id).then_some(admin.id),
                kind,
                subject: subject.into(),
                detail: String::new(),
                ip: Some("127.0.0.1".into()),
            })
            .await
            .unwrap();
        }
        let events = db.audit_events(a.id, 10, 0).await.unwrap();
        let subjects: Vec<_> = events.iter().map(|e| e.subject.as_str()).collect();
        assert_eq!(subjects, ["second", "first"]);
        assert_eq!(events[0].actor_name.as_deref(), Some(admin.name.as_str()));
        assert_eq!(events[0].kind, AuditKind::Import);
        assert_eq!(db.audit_events(a.id, 1, 1).await.unwrap()[0].subject, "first");
    }

    async fn import_applies_all_or_nothing(db: &TestDb) {
        let (org, _) = org_with_team(db, "Org").await;
        let (other, other_team) = org_with_team(db, "Other").await;
        // Someone in another organisation already uses this address: the last insert fails.
        db.insert_person(&person(other.id, other_team, "taken@x.dk")).await.unwrap();
        let csv = "navn;email;enhed;leder\nBoss;boss@m.dk;Org team;\nLane;lane@m.dk;Org team;boss@m.dk\nClash;taken@x.dk;Org team;\n";
        let tree = db.unit_tree(org.id).await.unwrap();
        let plan = plan_import(org.id, parse_people_csv(csv.as_bytes()).unwrap(), &tree, &[]);
        assert!(plan.is_applicable());
        let pending = db.save_pending_import(org.id, other_boss(db, other.id, other_team).await, "f.csv", csv.as_bytes()).await.unwrap();
        assert!(db.apply_import(org.id, &plan, None).await.is_err());
        assert!(db.people(org.id).await.unwrap().is_empty(), "nothing may be written");

        let csv = "navn;email;enhed;leder\nBoss;boss@m.dk;Org team;\nLane;lane@m.dk;Org team;boss@m.dk\n";
        let plan = plan_import(org.id, parse_people_csv(csv.as_bytes()).unwrap(), &tree, &[]);
        db.apply_import(org.id, &plan, Some(pending)).await.unwrap();
        let people = db.people(org.id).await.unwrap();
        let lane = people.iter().find(|p| p.name == "Lane").unwrap();
        let boss = people.iter().find(|p| p.name == "Boss").unwrap();
        assert_eq!(lane.leader_id, Some(boss.id));
    }

    async fn goals_form_a_tree_and_linked_goals_are_kept(db: &TestDb) {
        let (org, team) = org_with_team(db, "Mælkebøtten").await;
        let (other, _) = org_with_team(db, "Andeby").await;
        let root = db.unit_tree(org.id).await.unwrap().root().unwrap().id;
        let period = Period::new(date(2026, 1, 1), date(2027, 12, 31)).unwrap();
        let top = StrategicGoal {
            id: GoalId::new(),
            org_id: org.id,
            parent_id: None,
            unit_id: root,
            title: "Styrk dialogen med forældrene".into(),
            description: "Forældre skal opleve sig hørt.".into(),
            period,
            status: GoalStatus::Active,
            retired: false,
        };
        let sub = StrategicGoal { id: GoalId::new(), parent_id: Some(top.id), unit_id: team, title: "Forældremøder i teamet".into(), ..top.clone() };
        db.insert_goal(&top).await.unwrap();
        db.insert_goal(&sub).await.unwrap();
        let tree = db.goal_tree(org.id).await.unwrap();
        assert_eq!(tree.get(sub.id), Some(&sub));
        assert_eq!(tree.children(top.id), vec![&sub]);
        assert!(db.goals(other.id).await.unwrap().is_empty());

        let changed = StrategicGoal { status: GoalStatus::Achieved, retired: true, title: "Ny titel".into(), ..top.clone() };
        db.update_goal(&changed).await.unwrap();
        assert_eq!(db.goal_tree(org.id).await.unwrap().get(top.id), Some(&changed));
        let foreign = StrategicGoal { org_id: other.id, ..changed.clone() };
        assert!(matches!(db.update_goal(&foreign).await, Err(StorageError::NotFound)));
        assert!(matches!(db.delete_goal(other.id, sub.id).await, Err(StorageError::NotFound)));

        assert!(matches!(db.delete_goal(org.id, top.id).await, Err(StorageError::Conflict)), "a goal with sub-goals stays");
        db.delete_goal(org.id, sub.id).await.unwrap();
        db.delete_goal(org.id, top.id).await.unwrap();
        assert!(db.goals(org.id).await.unwrap().is_empty());
    }

    async fn the_goal_tree_kept_in_memory_follows_every_instance_s_changes(db: &TestDb) {
        let (org, team) = org_with_team(db, "Mælkebøtten").await;
        let (other, other_team) = org_with_team(db, "Andeby").await;
        let elsewhere = Db::connect(&db.url).await.unwrap();
        let period = Period::new(date(2026, 1, 1), date(2027, 12, 31)).unwrap();
        let goal = StrategicGoal {
            id: GoalId::new(),
            org_id: org.id,
            parent_id: None,
            unit_id: team,
            title: "Styrk dialogen med forældrene".into(),
            description: String::new(),
            period,
            status: GoalStatus::Active,
            retired: false,
        };
        let titles = |tree: &GoalTree| tree.walk().into_iter().map(|(_, g)| g.title.clone()).collect::<Vec<_>>();
        assert!(titles(&db.goal_tree(org.id).await.unwrap()).is_empty());
        elsewhere.insert_goal(&goal).await.unwrap();
        assert_eq!(titles(&db.goal_tree(org.id).await.unwrap()), ["Styrk dialogen med forældrene"]);
        let renamed = StrategicGoal { title: "Ny titel".into(), ..goal.clone() };
        elsewhere.update_goal(&renamed).await.unwrap();
        let tree = db.goal_tree(org.id).await.unwrap();
        assert_eq!(titles(&tree), ["Ny titel"]);
        // Unchanged, the tree is served from memory; another organisation's change leaves it.
        let foreign = StrategicGoal { id: GoalId::new(), org_id: other.id, unit_id: other_team, ..goal.clone() };
        elsewhere.insert_goal(&foreign).await.unwrap();
        let before = db.queries();
        let again = db.goal_tree(org.id).await.unwrap();
        assert_eq!(db.queries() - before, 1, "one read of the revision, no read of the goals");
        assert!(std::sync::Arc::ptr_eq(&tree, &again));
        elsewhere.delete_goal(org.id, goal.id).await.unwrap();
        assert!(titles(&db.goal_tree(org.id).await.unwrap()).is_empty());
        elsewhere.close().await;
    }

    async fn cycles_keep_their_dates_focus_and_framings(db: &TestDb) {
        let (org, team) = org_with_team(db, "Mælkebøtten").await;
        let (other, _) = org_with_team(db, "Andeby").await;
        let root = db.unit_tree(org.id).await.unwrap().root().unwrap().id;
        let goal = StrategicGoal {
            id: GoalId::new(),
            org_id: org.id,
            parent_id: None,
            unit_id: root,
            title: "Forældredialog".into(),
            description: String::new(),
            period: Period::new(date(2026, 1, 1), date(2027, 12, 31)).unwrap(),
            status: GoalStatus::Active,
            retired: false,
        };
        db.insert_goal(&goal).await.unwrap();
        let timeline = Timeline::new(date(2026, 9, 1), date(2026, 9, 15), date(2026, 11, 30), vec![date(2027, 2, 1), date(2027, 5, 1)], date(2027, 8, 31)).unwrap();
        let cycle = Cycle {
            id: CycleId::new(),
            org_id: org.id,
            name: "MUS 2026".into(),
            intention: "Styrk dialogen med forældrene".into(),
            state: CycleState::Draft,
            timeline: timeline.clone(),
            focus_goals: vec![goal.id],
            question_set: Some(db.create_question_set(org.id, "MOUSE", &default_questions()).await.unwrap().id),
        };
        db.insert_cycle(&cycle).await.unwrap();
        assert_eq!(db.cycle(org.id, cycle.id).await.unwrap(), cycle);
        assert!(matches!(db.cycle(other.id, cycle.id).await, Err(StorageError::NotFound)));
        assert!(matches!(db.delete_goal(org.id, goal.id).await, Err(StorageError::Conflict)), "a goal in focus is linked");
        assert_eq!(db.cycles_with_goal(org.id, goal.id).await.unwrap().len(), 1);

        let shorter = Timeline::new(date(2026, 9, 1), date(2026, 9, 15), date(2026, 11, 30), vec![date(2027, 3, 1)], date(2027, 8, 31)).unwrap();
        let open = Cycle { state: CycleState::Open, timeline: shorter, ..cycle.clone() };
        db.update_cycle(&open).await.unwrap();
        assert_eq!(db.open_cycle(org.id).await.unwrap(), Some(open.clone()));
        let foreign = Cycle { org_id: other.id, ..open.clone() };
        assert!(matches!(db.update_cycle(&foreign).await, Err(StorageError::NotFound)));

        let second = Cycle { id: CycleId::new(), name: "MUS 2027".into(), ..open.clone() };
        assert!(matches!(db.insert_cycle(&second).await, Err(StorageError::Conflict)), "one open cycle per organisation");
        let second = Cycle { state: CycleState::Draft, ..second };
        db.insert_cycle(&second).await.unwrap();
        assert_eq!(db.cycles(org.id).await.unwrap().len(), 2);

        let leader = person(org.id, team, "leder@m.dk");
        db.insert_person(&leader).await.unwrap();
        let framing = Framing { cycle_id: cycle.id, unit_id: team, text: "Hos os betyder det …".into() };
        db.set_framing(&framing, leader.id).await.unwrap();
        let rewritten = Framing { text: "Ny tekst".into(), ..framing };
        db.set_framing(&rewritten, leader.id).await.unwrap();
        assert_eq!(db.framings(cycle.id).await.unwrap(), vec![rewritten]);

        // conversations: one per employee and cycle, scheduled and rescheduled in place
        let lane = person(org.id, team, "lane@m.dk");
        db.insert_person(&lane).await.unwrap();
        let fresh = Conversation::new(&open, lane.id, leader.id);
        db.save_conversation(&fresh).await.unwrap();
        assert_eq!(db.conversation_of(org.id, open.id, lane.id).await.unwrap(), Some(fresh.clone()));
        let schedule = Schedule::parse(&open, "2026-11-10T09:00", "60", "Personalestuen", "https://meet.example/x", "Dagsorden", "2026-11-06").unwrap();
        let booked = fresh.schedule(&open, schedule).unwrap().propose(&open, "2026-11-12T13:00", "Kursus").unwrap();
        db.save_conversation(&booked).await.unwrap();
        assert_eq!(db.conversation(org.id, booked.id).await.unwrap(), booked);
        assert_eq!(db.conversations(org.id, open.id, Reach::Organisation).await.unwrap(), vec![booked.clone()]);
        assert!(db.conversations(other.id, open.id, Reach::Organisation).await.unwrap().is_empty());
        // reach: the employee's own, the leader's unit's and the ones they hold, nobody else's
        let outsider = person(org.id, team, "udenfor@m.dk");
        db.insert_person(&outsider).await.unwrap();
        for (reach, seen) in [
            (Reach::Employee(lane.id), true),
            (Reach::Employee(outsider.id), false),
            (Reach::Leader { leader: leader.id, units: &[] }, true),
            (Reach::Leader { leader: outsider.id, units: &[team] }, true),
            (Reach::Leader { leader: outsider.id, units: &[] }, false),
            (Reach::Employees(&[outsider.id, lane.id]), true),
            (Reach::Employees(&[outsider.id, leader.id]), false),
            (Reach::Employees(&[]), false),
            (Reach::Members(&[team]), true),
            (Reach::Members(&[root]), false),
            (Reach::Members(&[]), false),
        ] {
            let found = db.conversations(org.id, open.id, reach).await.unwrap();
            assert_eq!(found == vec![booked.clone()], seen, "{reach:?}");
            assert_eq!(found.is_empty(), !seen, "{reach:?}");
            // Several cycles at once: the same, and nothing of a cycle without any.
            let both = db.conversations_in(org.id, &[second.id, open.id], reach).await.unwrap();
            assert_eq!(both, found, "{reach:?}");
        }
        assert!(db.conversations_in(org.id, &[], Reach::Organisation).await.unwrap().is_empty());
        assert!(db.conversations_in(other.id, &[open.id], Reach::Organisation).await.unwrap().is_empty());
        let twin = Conversation::new(&open, lane.id, leader.id);
        assert!(matches!(db.save_conversation(&twin).await, Err(StorageError::Conflict)), "one per employee and cycle");
        let foreign = Conversation { org_id: other.id, cancelled: true, ..booked.clone() };
        assert!(matches!(db.save_conversation(&foreign).await, Err(StorageError::NotFound)));
        assert!(!db.conversation(org.id, booked.id).await.unwrap().cancelled);
        assert!(matches!(db.conversation(other.id, booked.id).await, Err(StorageError::NotFound)));

        // preparations: one per side, a save from an outdated revision is refused
        let draft = Preparation::new(booked.id, Side::Employee);
        let first = draft.save(0, BTreeMap::from([(0, Answer::Text("Tryghed i forældresamtaler".into())), (3, Answer::Scale(4)), (4, Answer::Goals(vec![goal.id]))])).unwrap();
        db.save_preparation(&first, 0).await.unwrap();
        let second = first.save(1, BTreeMap::from([(0, Answer::Text("Ny tekst".into()))])).unwrap().share();
        db.save_preparation(&second, 1).await.unwrap();
        assert!(matches!(db.save_preparation(&first.save(1, BTreeMap::new()).unwrap(), 1).await, Err(StorageError::Conflict)), "stale tab");
        let leader_side = Preparation::new(booked.id, Side::Leader).save(0, BTreeMap::new()).unwrap();
        db.save_preparation(&leader_side, 0).await.unwrap();
        let mut stored = db.preparations(booked.id).await.unwrap();
        stored.sort_by_key(|p| p.side.as_str());
        assert_eq!(stored, vec![second, leader_side]);
        let pinned = Conversation { version: Some(db.question_set(org.id, cycle.question_set.unwrap()).await.unwrap().current.id), ..booked.clone() };
        db.save_conversation(&pinned).await.unwrap();
        assert_eq!(db.conversation(org.id, booked.id).await.unwrap().version, pinned.version);

        // the psychological contract: saved by revision, so two editors never overwrite each other
        assert!(db.contract(booked.id).await.unwrap().is_none());
        let contract = Contract::start(booked.id, None).edit(0, vec![Item { list: List::CountOn, text: "Faste rammer".into() }]).unwrap();
        db.save_contract(&contract, 0).await.unwrap();
        let confirmed = contract.confirm(1, true).unwrap();
        db.save_contract(&confirmed, 1).await.unwrap();
        let other_editor = contract.edit(1, vec![]).unwrap();
        assert!(matches!(db.save_contract(&other_editor, 1).await, Err(StorageError::Conflict)));
        assert_eq!(db.contract(booked.id).await.unwrap(), Some(confirmed));
    }

    async fn question_sets_grow_by_immutable_versions(db: &TestDb) {
        let (org, _) = org_with_team(db, "Mælkebøtten").await;
        let (other, _) = org_with_team(db, "Andeby").await;
        let set = db.create_question_set(org.id, "MOUSE 2026", &default_questions()).await.unwrap();
        assert_eq!(db.question_set(org.id, set.id).await.unwrap(), set);
        assert!(matches!(db.question_set(other.id, set.id).await, Err(StorageError::NotFound)));
        let first = set.current.clone();
        let fewer = first.apply(Edit::Remove(0)).unwrap();
        let second = db.add_version(&set, &fewer).await.unwrap();
        assert_eq!(second.number, 2);
        assert!(matches!(db.add_version(&set, &fewer).await, Err(StorageError::Conflict)), "a stale editor cannot overwrite");
        let now_current = db.question_set(org.id, set.id).await.unwrap().current;
        assert_eq!(now_current, second);
        assert_eq!(db.version(org.id, first.id).await.unwrap(), first, "old versions stay as they were");
        assert!(matches!(db.version(other.id, first.id).await, Err(StorageError::NotFound)));
        let before = db.queries();
        assert_eq!(db.version(org.id, first.id).await.unwrap(), first);
        assert_eq!(db.queries() - before, 0, "a version never changes: kept once read");
        assert!(matches!(db.version(other.id, first.id).await, Err(StorageError::NotFound)), "and kept for its organisation only");
        let history: Vec<u32> = db.versions(org.id, set.id).await.unwrap().iter().map(|v| v.number).collect();
        assert_eq!(history, vec![2, 1]);
        assert!(db.question_sets(other.id).await.unwrap().is_empty());
    }

    async fn pending_imports_belong_to_their_uploader(db: &TestDb) {
        let (org, team) = org_with_team(db, "Org").await;
        let uploader = other_boss(db, org.id, team).await;
        let someone = person(org.id, team, "someone@m.dk");
        db.insert_person(&someone).await.unwrap();
        let id = db.save_pending_import(org.id, uploader, "people.csv", b"a,b").await.unwrap();
        assert_eq!(db.pending_import(org.id, uploader, id).await.unwrap(), ("people.csv".to_string(), b"a,b".to_vec()));
        assert!(matches!(db.pending_import(org.id, someone.id, id).await, Err(StorageError::NotFound)));
        // abandoned files are purged
        assert_eq!(db.purge_expired(now() + Duration::seconds(1)).await.unwrap(), 1);
        assert!(matches!(db.pending_import(org.id, uploader, id).await, Err(StorageError::NotFound)));
    }
}

fn date(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

async fn other_boss(db: &Db, org: OrgId, unit: UnitId) -> PersonId {
    let p = person(org, unit, &format!("uploader-{}@x.dk", PersonId::new()));
    db.insert_person(&p).await.unwrap();
    p.id
}

/// Both backends' migrations describe the same tables and columns, nullability included.
#[tokio::test]
#[ignore = "needs PostgreSQL: MOUSE_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres cargo test -- --ignored"]
async fn schemas_are_in_step() {
    let sqlite = TestDb::fresh(TestBackend::Sqlite).await;
    let postgres = TestDb::fresh(TestBackend::Postgres).await;
    let (s, p) = (
        sqlite.schema_columns().await.unwrap(),
        postgres.schema_columns().await.unwrap(),
    );
    assert!(!s.is_empty());
    assert_eq!(s, p);
}

/// Connections are not tested before every statement, only after idling: one the server
/// dropped meanwhile is replaced, and the next statement succeeds.
#[tokio::test]
#[ignore = "needs PostgreSQL: MOUSE_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres cargo test -- --ignored"]
async fn a_connection_the_server_dropped_while_idle_is_replaced() {
    let db = TestDb::fresh(TestBackend::Postgres).await;
    assert!(db.ping().await);
    let name = db.url.rsplit('/').next().unwrap().to_owned();
    let admin = Db::connect(&std::env::var(testkit::POSTGRES_ENV).unwrap())
        .await
        .unwrap();
    admin
        .execute_raw(&format!(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
        ))
        .await
        .unwrap();
    tokio::time::sleep(storage::PG_TEST_AFTER_IDLE + std::time::Duration::from_millis(200)).await;
    assert!(db.ping().await, "the dropped connection was used");
    admin.close().await;
}

both_backends! {
    async fn a_task_runs_its_statements_on_one_connection(db: &TestDb) {
        let org = db.create_organisation("Lent", "lent").await.unwrap();
        let before = db.connections_taken();
        db.one_connection(async {
            for _ in 0..5 {
                db.people(org.id).await.unwrap();
            }
        })
        .await;
        assert_eq!(db.connections_taken() - before, 1);
        let before = db.connections_taken();
        for _ in 0..5 {
            db.people(org.id).await.unwrap();
        }
        assert_eq!(db.connections_taken() - before, 5, "outside, each statement takes one");
    }

    async fn a_lent_connection_serves_only_its_own_pool(db: &TestDb) {
        let other = TestDb::fresh(match db.backend() {
            storage::Backend::Sqlite => TestBackend::Sqlite,
            storage::Backend::Postgres => TestBackend::Postgres,
        })
        .await;
        other.create_organisation("Other", "other").await.unwrap();
        let (mine, theirs) = db
            .one_connection(async {
                db.create_organisation("Mine", "mine").await.unwrap();
                let mine = db.organisations().await.unwrap();
                (mine, other.organisations().await.unwrap())
            })
            .await;
        let names = |orgs: &[domain::org::Organisation]| -> Vec<String> {
            orgs.iter().map(|o| o.name.clone()).collect()
        };
        assert_eq!(names(&mine), ["Mine"]);
        assert_eq!(names(&theirs), ["Other"]);
    }

    // Many more tasks than connections, each holding its own and then beginning a
    // transaction: a task that kept its connection while waiting for a second one would
    // starve the rest until the pool gives up.
    async fn tasks_holding_a_connection_do_not_starve_transactions(db: &TestDb) {
        let tasks: Vec<_> = (0..48)
            .map(|n| {
                let db = db.db.clone();
                tokio::spawn(async move {
                    db.one_connection(async {
                        let org = db
                            .create_organisation(&format!("Org {n}"), &format!("org-{n}"))
                            .await?;
                        db.people(org.id).await?;
                        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                        db.create_organisation(&format!("Org {n}b"), &format!("org-{n}-b"))
                            .await?;
                        db.people(org.id).await
                    })
                    .await
                })
            })
            .collect();
        let all = tokio::time::timeout(
            std::time::Duration::from_secs(8),
            futures_util::future::join_all(tasks),
        )
        .await
        .expect("every task finished");
        for done in all {
            done.unwrap().unwrap();
        }
    }
}

#[tokio::test]
async fn healthz_ping_fails_on_a_closed_pool() {
    let db = TestDb::fresh(TestBackend::Sqlite).await;
    assert!(db.ping().await);
    db.close().await;
    assert!(!db.ping().await);
}
