//! `mouse generate` builds the organisation the benchmark measures: the shape it promises, the
//! same one again from the same seed, and never on top of existing data.

use mouse::generate::{self, Shape};
use storage::Reach;
use testkit::{TestBackend, TestDb, both_backends};

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 27).unwrap()
}

both_backends! {
    async fn the_small_shape_matches_the_measured_hr_system(db: &TestDb) {
        let manifest = generate::run(db, Shape::Small, 7, today()).await.unwrap();
        assert_eq!((manifest.people, manifest.cycles), (200, 3));
        let org = db.organisations().await.unwrap().remove(0);
        let cycles = db.cycles(org.id).await.unwrap();
        let mut conversations = 0;
        for cycle in &cycles {
            conversations += db.conversations(org.id, cycle.id, Reach::Organisation).await.unwrap().len();
        }
        assert_eq!(conversations, 540, "three conversations for each of 180 employees");
        let leaders: Vec<_> = db.unit_tree(org.id).await.unwrap().walk().into_iter().filter_map(|(_, u)| u.leader_id).collect();
        assert_eq!(leaders.len(), 20);
        for leader in leaders {
            let team = db.people_led_by(org.id, leader, &[db.person(org.id, leader).await.unwrap().unit_id]).await.unwrap();
            assert_eq!(team.len(), 9);
        }
        let pages: Vec<&str> = manifest.pages.iter().map(|p| p.page).collect();
        assert_eq!(pages, ["HR people overview", "HR all conversations", "HR one person's conversations", "account page (layout and navigation)"]);
        // Every page of the manifest names a login of the organisation.
        for page in &manifest.pages {
            assert!(!page.requests.is_empty(), "{}", page.page);
            for request in &page.requests {
                let email = domain::person::Email::parse(&request.email).unwrap();
                assert!(db.person_by_email(&email).await.unwrap().is_some(), "{}", request.email);
            }
        }
        assert!(!manifest.drafts.is_empty());
        let again = generate::run(db, Shape::Small, 7, today()).await;
        assert!(again.is_err(), "refuses a database that holds an organisation");
    }
}

#[tokio::test]
async fn the_same_seed_builds_the_same_organisation() {
    let mut people = Vec::new();
    for seed in [3, 3, 4] {
        let db = TestDb::fresh(TestBackend::Sqlite).await;
        generate::run(&db, Shape::Large { people: 300 }, seed, today())
            .await
            .unwrap();
        let org = db.organisations().await.unwrap().remove(0);
        let mut found: Vec<(String, String)> = db
            .people(org.id)
            .await
            .unwrap()
            .into_iter()
            .map(|p| (p.email.to_string(), p.job_title))
            .collect();
        found.sort();
        people.push(found);
    }
    assert_eq!(people[0].len(), 300);
    assert_eq!(people[0], people[1]);
    assert_ne!(people[0], people[2]);
}
