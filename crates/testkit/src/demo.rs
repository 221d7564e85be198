//! Looking up the demo organisation's records by the names tests know them by.

use crate::TestApp;
use domain::cycle::Cycle;
use domain::person::{Email, Person};
use domain::strategy::StrategicGoal;
use storage::Db;

pub const ADMIN: &str = "admin@maelkeboetten.dk";
pub const HR: &str = "hr@maelkeboetten.dk";
/// Birgitte, head of the kindergarten and in the leadership group.
pub const HEAD: &str = "birgitte@maelkeboetten.dk";
/// Mette, leader of Børnehaven (above Lane's room).
pub const LEADER: &str = "mette@maelkeboetten.dk";
/// Peter, leader of Grøn stue: Lane's leader, who holds her conversation.
pub const PETER: &str = "peter@maelkeboetten.dk";
pub const LANE: &str = "lane@maelkeboetten.dk";

pub async fn person(db: &Db, email: &str) -> Person {
    db.person_by_email(&Email::parse(email).unwrap())
        .await
        .unwrap()
        .unwrap()
}

/// A new pedagogue in Grøn stue, Peter's room: "Ny Kollega {n}", ny{n}@maelkeboetten.dk.
pub async fn newcomer(db: &Db, n: usize) -> Person {
    let peter = person(db, PETER).await;
    let someone = Person {
        id: domain::PersonId::new(),
        org_id: peter.org_id,
        unit_id: peter.unit_id,
        name: format!("Ny Kollega {n}"),
        email: Email::parse(&format!("ny{n}@maelkeboetten.dk")).unwrap(),
        job_title: "Pædagog".into(),
        leader_id: None,
        active: true,
    };
    db.insert_person(&someone).await.unwrap();
    someone
}

pub async fn goal(app: &TestApp, title: &str) -> StrategicGoal {
    let org = person(&app.db, ADMIN).await.org_id;
    app.db
        .goals(org)
        .await
        .unwrap()
        .into_iter()
        .find(|g| g.title == title)
        .unwrap()
}

pub async fn cycle(app: &TestApp, name: &str) -> Cycle {
    let org = person(&app.db, ADMIN).await.org_id;
    app.db
        .cycles(org)
        .await
        .unwrap()
        .into_iter()
        .find(|c| c.name == name)
        .unwrap()
}

/// This year's conversation of a person.
pub async fn conversation_of(app: &TestApp, email: &str) -> domain::conversation::Conversation {
    let person = person(&app.db, email).await;
    let cycle = cycle(app, "MUS 2026").await;
    app.db
        .conversation_of(person.org_id, cycle.id, person.id)
        .await
        .unwrap()
        .unwrap()
}

/// A second organisation whose only person holds every role, to prove isolation; returns its
/// id and that person's login.
pub async fn other_org(app: &TestApp) -> (domain::OrgId, &'static str) {
    let db = &app.db;
    let org = db
        .create_organisation("Andeby Skole", "andeby")
        .await
        .unwrap();
    let root = db.unit_tree(org.id).await.unwrap().root().unwrap().id;
    let admin = Person {
        id: domain::PersonId::new(),
        org_id: org.id,
        unit_id: root,
        name: "Anders And".into(),
        email: Email::parse("anders@andeby.dk").unwrap(),
        job_title: "Skoleleder".into(),
        leader_id: None,
        active: true,
    };
    db.insert_person(&admin).await.unwrap();
    let hash = web::auth::hash_password(crate::DEMO_PASSWORD.into())
        .await
        .unwrap();
    db.set_password_hash(admin.id, &hash).await.unwrap();
    db.set_granted_roles(
        admin.id,
        domain::role::GrantedRoles {
            admin: true,
            hr: true,
            leadership: true,
        },
    )
    .await
    .unwrap();
    (org.id, "anders@andeby.dk")
}

/// The revision of this year's agreement of a person, as a form sends it (0 before there is one).
pub async fn agreement_revision(app: &TestApp, email: &str) -> String {
    let c = conversation_of(app, email).await;
    app.db
        .agreement(c.id)
        .await
        .unwrap()
        .map_or(0, |a| a.revision)
        .to_string()
}

/// Lane's 2026 agreement with one goal, held and signed by both over HTTP.
pub async fn sign_lanes_agreement(app: &TestApp) -> domain::ConversationId {
    let conversation = conversation_of(app, LANE).await;
    let page = format!("/conversations/{}/agreement", conversation.id);
    let parents = goal(app, "Styrk dialogen med forældrene")
        .await
        .id
        .to_string();
    let (lane, peter) = (app.login(LANE).await, app.login(PETER).await);
    let added = lane
        .post_owned(
            &page,
            &[
                ("op", "add-goal".into()),
                ("revision", agreement_revision(app, LANE).await),
                ("title", "Trygge forældresamtaler".into()),
                (
                    "success",
                    "Forældrene går fra samtalen med en aftale".into(),
                ),
                ("priority", "high".into()),
                ("strategic", parents),
            ],
        )
        .await;
    assert_eq!(added.status(), reqwest::StatusCode::SEE_OTHER);
    assert_eq!(
        peter
            .post(&format!("/conversations/{}/held", conversation.id), &[])
            .await
            .status(),
        reqwest::StatusCode::SEE_OTHER
    );
    for who in [&lane, &peter] {
        let signed = who
            .post_owned(
                &page,
                &[
                    ("op", "sign".into()),
                    ("revision", agreement_revision(app, LANE).await),
                ],
            )
            .await;
        assert_eq!(signed.status(), reqwest::StatusCode::SEE_OTHER);
    }
    conversation.id
}
