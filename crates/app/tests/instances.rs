//! Two `mouse` processes on one PostgreSQL database, as behind a load balancer: a session begun
//! on one is good on the other, and the reminders that are due reach each person exactly once
//! although both instances plan and send them at the same moment.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;
use testkit::demo::LANE;
use testkit::smtp::SmtpSink;
use testkit::{DEMO_PASSWORD, Session, TestBackend, TestDb};

/// A running `mouse serve`, stopped when dropped.
struct Instance {
    child: Child,
    base: String,
}

impl Instance {
    fn start(database: &str, smtp: &str) -> Instance {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mouse"))
            .args(["serve", "--bind", "127.0.0.1:0", "--smtp-url", smtp])
            .args(["--public-url", "https://mus.example"])
            .env("MOUSE_DATABASE_URL", database)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start mouse");
        let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
        let base = lines
            .by_ref()
            .map_while(Result::ok)
            .find_map(|line| line.strip_prefix("MOUSE is running at ").map(str::to_owned))
            .expect("mouse says where it listens");
        // Keep reading so that the instance never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Instance { child, base }
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL: MOUSE_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres cargo test -- --ignored"]
async fn two_instances_share_sessions_and_send_each_reminder_once() {
    let db = TestDb::fresh(TestBackend::Postgres).await;
    mouse::demo::seed_if_empty(&db)
        .await
        .expect("seed the demo");
    let org = db.organisations().await.unwrap().remove(0);
    let sink = SmtpSink::start();
    // A slow server keeps both senders busy at the same time.
    sink.set_delay(Duration::from_millis(250));
    let (a, b) = (
        Instance::start(&db.url, &sink.url()),
        Instance::start(&db.url, &sink.url()),
    );

    // Logged in on one instance, known on the other; logged out on the other, gone on both.
    let mut lane = Session::login(&a.base, LANE, DEMO_PASSWORD)
        .await
        .expect("log in on the first instance");
    lane.base = b.base.clone();
    let (status, home) = lane.page("/").await;
    assert_eq!(status.as_u16(), 200);
    assert!(home.contains("Lane Andersen"), "{home}");
    assert_eq!(lane.post("/logout", &[]).await.status().as_u16(), 303);
    lane.base = a.base.clone();
    assert_eq!(
        lane.get("/").await.status().as_u16(),
        303,
        "to the login page"
    );

    // Both plan the due reminders at start and send every minute; wait for the outbox to empty.
    let mut deliveries = Vec::new();
    for _ in 0..600 {
        deliveries = db.deliveries(org.id).await.unwrap();
        if !deliveries.is_empty() && deliveries.iter().all(|(_, d, _)| d.status == "sent") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(!deliveries.is_empty(), "the demo has reminders due");
    assert!(
        deliveries
            .iter()
            .all(|(_, d, _)| d.status == "sent" && d.attempts == 0),
        "{deliveries:#?}"
    );
    // Whichever instance planned second found nothing new; give it time to have tried.
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(db.deliveries(org.id).await.unwrap().len(), deliveries.len());
    let received = sink.received();
    assert_eq!(
        received.len(),
        deliveries.len(),
        "each reminder exactly once"
    );
    let senders: std::collections::BTreeSet<_> = deliveries.iter().map(|(_, _, w)| w).collect();
    assert_eq!(
        senders.len(),
        2,
        "both instances sent a share: {deliveries:#?}"
    );
    drop((a, b));
}
