//! Sending mail from the outbox against a real SMTP server on loopback: once per event, retried
//! with back-off when the server fails, given up on a bounce, and with two senders on one
//! database each mail still goes out exactly once. Nothing is sent about an agreement the next
//! one superseded.

use domain::mail::Mail;
use std::time::Duration;
use testkit::demo::{LANE, person};
use testkit::smtp::{Mode, SmtpSink};
use testkit::{TestApp, both_backends};
use web::mail::{Mailer, dispatch_once};

async fn mail(app: &TestApp, key: &str, calendar: Option<&str>) -> Mail {
    let lane = person(&app.db, LANE).await;
    Mail {
        org_id: lane.org_id,
        person_id: lane.id,
        event_key: key.into(),
        recipient: lane.email.to_string(),
        subject: format!("Påmindelse {key}"),
        body: "Hej Lane".into(),
        calendar: calendar.map(str::to_owned),
    }
}

/// Lets every waiting mail be due now, as if its back-off had passed.
async fn time_passes(app: &TestApp) {
    app.db
        .execute_raw("UPDATE outbox SET next_attempt_at = created_at")
        .await
        .unwrap();
}

both_backends! {
    async fn each_mail_goes_out_once_and_failures_are_retried_or_given_up(app: &TestApp) {
        let sink = SmtpSink::start();
        let mailer = Mailer::smtp(&sink.url(), "MOUSE <mouse@maelkeboetten.dk>", Duration::from_secs(10)).unwrap();
        let db = &app.db;
        assert!(db.enqueue(&mail(app, "a", None).await).await.unwrap());
        assert!(db.enqueue(&mail(app, "b", Some("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")).await).await.unwrap());
        assert!(!db.enqueue(&mail(app, "a", None).await).await.unwrap(), "the same event is queued once");

        assert_eq!(dispatch_once(db, &mailer, "one").await.unwrap(), 2);
        assert_eq!(dispatch_once(db, &mailer, "one").await.unwrap(), 0, "never twice");
        let received = sink.received();
        assert_eq!(received.len(), 2);
        assert!(received[0].to[0].contains(LANE), "{:?}", received[0].to);
        assert!(received.iter().any(|m| m.data.contains("text/calendar") && m.data.contains("invitation.ics")));
        assert!(received.iter().all(|m| m.data.contains("Hej Lane")));

        // the server fails for a while: the mail waits, then goes out once
        sink.set_mode(Mode::TemporaryFailure);
        db.enqueue(&mail(app, "c", None).await).await.unwrap();
        assert_eq!(dispatch_once(db, &mailer, "one").await.unwrap(), 0);
        let waiting = db.delivery("c").await.unwrap().unwrap();
        assert_eq!((waiting.status.as_str(), waiting.attempts), ("pending", 1));
        assert!(!waiting.last_error.is_empty());
        sink.set_mode(Mode::Accept);
        assert_eq!(dispatch_once(db, &mailer, "one").await.unwrap(), 0, "not before its back-off");
        time_passes(app).await;
        assert_eq!(dispatch_once(db, &mailer, "one").await.unwrap(), 1);
        assert_eq!(db.delivery("c").await.unwrap().unwrap().status, "sent");

        // a bounce is final
        sink.set_mode(Mode::RejectRecipients);
        db.enqueue(&mail(app, "d", None).await).await.unwrap();
        assert_eq!(dispatch_once(db, &mailer, "one").await.unwrap(), 0);
        let bounced = db.delivery("d").await.unwrap().unwrap();
        assert_eq!((bounced.status.as_str(), bounced.attempts), ("failed", 1));
        time_passes(app).await;
        sink.set_mode(Mode::Accept);
        assert_eq!(dispatch_once(db, &mailer, "one").await.unwrap(), 0, "not tried again");
        assert_eq!(sink.received().len(), 3);
    }

    async fn two_senders_on_one_database_send_each_mail_once(app: &TestApp) {
        let sink = SmtpSink::start();
        let mailer = Mailer::smtp(&sink.url(), "mouse@maelkeboetten.dk", Duration::from_secs(10)).unwrap();
        for n in 0..30 {
            app.db.enqueue(&mail(app, &format!("m{n}"), None).await).await.unwrap();
        }
        let (a, b) = tokio::join!(
            dispatch_once(&app.db, &mailer, "instance-a"),
            dispatch_once(&app.db, &mailer, "instance-b"),
        );
        assert_eq!(a.unwrap() + b.unwrap(), 30);
        let mut subjects: Vec<String> = sink
            .received()
            .iter()
            .map(|m| m.data.lines().find(|l| l.starts_with("Subject:")).unwrap_or_default().to_owned())
            .collect();
        subjects.sort();
        subjects.dedup();
        assert_eq!(subjects.len(), 30);
        assert_eq!(sink.received().len(), 30, "no mail twice");
    }

    async fn a_server_that_hangs_is_given_up_on_for_now(app: &TestApp) {
        // It takes the connection and never says a word.
        let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("smtp://{}", silent.local_addr().unwrap());
        let mailer = Mailer::smtp(&url, "mouse@maelkeboetten.dk", Duration::from_millis(500)).unwrap();
        app.db.enqueue(&mail(app, "hang", None).await).await.unwrap();
        assert_eq!(dispatch_once(&app.db, &mailer, "one").await.unwrap(), 0);
        let waiting = app.db.delivery("hang").await.unwrap().unwrap();
        assert_eq!((waiting.status.as_str(), waiting.attempts), ("pending", 1), "{waiting:?}");
    }

    async fn without_a_server_mail_is_written_to_a_folder(app: &TestApp) {
        let folder = std::env::temp_dir().join(format!("mouse-mail-{}", uuid::Uuid::now_v7()));
        let mailer = Mailer::folder(folder.clone(), "mouse@maelkeboetten.dk").unwrap();
        app.db.enqueue(&mail(app, "folder", None).await).await.unwrap();
        assert_eq!(dispatch_once(&app.db, &mailer, "one").await.unwrap(), 1);
        let files: Vec<_> = std::fs::read_dir(&folder).unwrap().collect();
        assert_eq!(files.len(), 1);
        std::fs::remove_dir_all(folder).unwrap();
    }
}

both_backends! {
    async fn due_reminders_reach_each_person_once_in_their_language(app: &TestApp) {
        let sink = SmtpSink::start();
        let mailer = Mailer::smtp(&sink.url(), "mouse@maelkeboetten.dk", Duration::from_secs(10)).unwrap();
        let lane = person(&app.db, LANE).await;
        let org = app.db.organisation(lane.org_id).await.unwrap();
        // Peter reads English; Lane turned stale-agreement mails off.
        let peter = person(&app.db, testkit::demo::PETER).await;
        app.db.set_user_locale(peter.id, domain::locale::Locale::En).await.unwrap();
        app.db.set_reminder_opt_outs(lane.id, &[domain::mail::Reminder::AgreementStale]).await.unwrap();

        let queued = web::mail::reminders::plan(&app.db, &org, "https://mus.example").await.unwrap();
        assert!(queued > 0);
        assert_eq!(web::mail::reminders::plan(&app.db, &org, "https://mus.example").await.unwrap(), 0, "nothing twice");
        dispatch_once(&app.db, &mailer, "one").await.unwrap();
        let received = sink.received();
        let to = |email: &str| -> Vec<String> {
            received.iter().filter(|m| m.to.iter().any(|t| t.contains(email))).map(|m| m.data.replace("=\r\n", "")).collect()
        };
        let lanes = to(LANE);
        assert!(lanes.iter().any(|m| m.contains("Sprogmappe for hvert barn") && m.contains("https://mus.example/my-actions")), "{lanes:#?}");
        assert!(!lanes.iter().any(|m| m.contains("gå i skuffen")), "she turned those off");
        let peters = to(testkit::demo::PETER);
        assert!(peters.iter().any(|m| m.contains("going stale")), "in English: {peters:#?}");
        let others_org = to("andeby");
        assert!(others_org.is_empty());
    }

    async fn no_reminder_is_sent_about_an_agreement_the_next_one_superseded(app: &TestApp) {
        let sink = SmtpSink::start();
        let mailer = Mailer::smtp(&sink.url(), "mouse@maelkeboetten.dk", Duration::from_secs(10)).unwrap();
        let org = app.db.organisation(person(&app.db, LANE).await.org_id).await.unwrap();
        // Lane's action of last year is overdue; this year's agreement renegotiated it.
        testkit::demo::sign_lanes_agreement(app).await;
        web::mail::reminders::plan(&app.db, &org, "https://mus.example").await.unwrap();
        dispatch_once(&app.db, &mailer, "one").await.unwrap();
        let received: Vec<String> = sink.received().iter().map(|m| m.data.replace("=\r\n", "")).collect();
        assert!(!received.is_empty(), "the others' reminders still go out");
        assert!(!received.iter().any(|m| m.contains("Sprogmappe for hvert barn")), "{received:#?}");
    }

    async fn a_follow_up_reminder_carries_its_invitation(app: &TestApp) {
        let sink = SmtpSink::start();
        let mailer = Mailer::smtp(&sink.url(), "mouse@maelkeboetten.dk", Duration::from_secs(10)).unwrap();
        // Lars and Sofie meet in three days to follow up last year's agreement.
        let lars = person(&app.db, "lars@maelkeboetten.dk").await;
        let last_year = testkit::demo::cycle(app, "MUS 2025").await;
        let conversation = app.db.conversation_of(lars.org_id, last_year.id, lars.id).await.unwrap().unwrap();
        let due = chrono::Utc::now().date_naive() + chrono::Duration::days(3);
        let follow_up = domain::followup::FollowUp::new(conversation.id, due);
        app.db.add_follow_up(&follow_up).await.unwrap();

        let org = app.db.organisation(lars.org_id).await.unwrap();
        web::mail::reminders::plan(&app.db, &org, "https://mus.example").await.unwrap();
        dispatch_once(&app.db, &mailer, "one").await.unwrap();
        let received = sink.received();
        let path = format!("/conversations/{}/follow-ups/{}", conversation.id, follow_up.id);
        for email in ["lars@maelkeboetten.dk", "sofie@maelkeboetten.dk"] {
            let data = received
                .iter()
                .filter(|m| m.to.iter().any(|t| t.contains(email)))
                .map(|m| m.data.replace("=\r\n", ""))
                .find(|data| data.contains(&path))
                .unwrap_or_else(|| panic!("a follow-up reminder to {email} with a link straight to it"));
            assert!(data.contains("text/calendar") && data.contains("invitation.ics"), "{data}");
            assert!(data.contains(&format!("UID:{}@mouse", follow_up.id)), "the feed's event: {data}");
        }
    }
}
