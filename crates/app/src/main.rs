//! The `mouse` binary.

use anyhow::{Context, Result};
use clap::Parser;
use mouse::cli::{Cli, Command, ImportCommand, MailArgs, ServeArgs, UserCommand};
use mouse::demo::{DEMO_LOGINS, DEMO_PASSWORD, seed_if_empty};
use storage::Db;
use tracing_subscriber::EnvFilter;
use web::{AppState, WebConfig};

/// glibc's allocator kept what busy request threads had freed: 321 MB at the benchmark's load
/// against 256 MB with mimalloc, which also served the employee home 1.6 times as fast
/// (docs/benchmark.md, 7 December, midday).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_env("MOUSE_LOG")
                .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .with_writer(std::io::stderr)
        .init();
    let cli = Cli::parse();
    match cli.command {
        Command::Serve(args) => serve(args, false).await,
        Command::Demo(args) => serve(args, true).await,
        Command::Migrate(args) => {
            open(&args.url).await?;
            println!("The database is up to date.");
            Ok(())
        }
        Command::Import(ImportCommand::People(args)) => {
            let db = open(&args.database.url).await?;
            let code = mouse::people_import::run(&db, &args).await?;
            std::process::exit(code);
        }
        Command::User(UserCommand::Add(args)) => {
            let db = open(&args.database.url).await?;
            mouse::user_add::run(&db, &args).await
        }
        Command::Generate(args) => {
            let db = open(&args.database.url).await?;
            let shape = mouse::generate::Shape::new(args.shape, args.people);
            let today = storage::now()
                .with_timezone(&domain::conversation::TIME_ZONE)
                .date_naive();
            let manifest = mouse::generate::run(&db, shape, args.seed, today).await?;
            std::fs::write(&args.manifest, serde_json::to_vec_pretty(&manifest)?)
                .with_context(|| format!("cannot write {}", args.manifest.display()))?;
            println!(
                "Generated {} people in {} units with {} cycles in {:.1} s; manifest in {}.",
                manifest.people,
                manifest.units,
                manifest.cycles,
                manifest.generated_seconds,
                args.manifest.display()
            );
            Ok(())
        }
    }
}

/// Connects and migrates: every command works on an up-to-date schema.
async fn open(url: &str) -> Result<Db> {
    let db = Db::connect(url)
        .await
        .with_context(|| format!("cannot open the database {url}"))?;
    db.migrate().await.context("cannot migrate the database")?;
    Ok(db)
}

/// Hourly: forget expired sessions, old failed logins and abandoned import files.
async fn housekeeping(db: Db) {
    let mut every_hour = tokio::time::interval(std::time::Duration::from_secs(3600));
    loop {
        every_hour.tick().await;
        let day_ago = storage::now() - chrono::Duration::days(1);
        match db.purge_expired(day_ago).await {
            Ok(removed) => tracing::debug!(removed, "housekeeping"),
            Err(error) => tracing::warn!(%error, "housekeeping failed"),
        }
        match db.purge_expired_drafts(storage::now()).await {
            Ok(0) => {}
            Ok(removed) => tracing::info!(removed, "expired private drafts deleted"),
            Err(error) => tracing::warn!(%error, "deleting expired drafts failed"),
        }
        if let Err(error) = db.optimize().await {
            tracing::warn!(%error, "refreshing the query planner's statistics failed");
        }
    }
}

/// Every minute: the organisation's effect dashboard counted ahead of its viewers.
async fn effect_ahead(db: Db) {
    let mut every_minute = tokio::time::interval(std::time::Duration::from_secs(60));
    loop {
        every_minute.tick().await;
        let started = std::time::Instant::now();
        match web::pages::effect_ahead::count_ahead(&db).await {
            // Counted from nothing (at start, after midnight, after many changes), a large
            // organisation takes seconds; until then unit dashboards read their own history.
            Ok(()) => {
                let seconds = started.elapsed().as_secs_f64();
                if seconds >= 1.0 {
                    tracing::info!(seconds, "effect figures counted ahead");
                }
            }
            Err(error) => tracing::warn!(%error, "counting the effect figures ahead failed"),
        }
    }
}

/// Every minute: send what the outbox holds. Every hour: queue the reminders that are due.
/// Several instances may run this on one database; the outbox makes sure each mail goes once.
async fn mail_jobs(db: Db, mailer: web::mail::Mailer, public_url: String) {
    let worker = web::mail::worker_name();
    let mut every_minute = tokio::time::interval(std::time::Duration::from_secs(60));
    let mut minutes = 0u32;
    loop {
        every_minute.tick().await;
        if minutes.is_multiple_of(60) {
            match db.organisations().await {
                Ok(orgs) => {
                    for org in orgs {
                        match web::mail::reminders::plan(&db, &org, &public_url).await {
                            Ok(0) => {}
                            Ok(queued) => {
                                tracing::info!(queued, org = %org.slug, "reminders queued")
                            }
                            Err(error) => {
                                tracing::warn!(%error, org = %org.slug, "planning reminders failed")
                            }
                        }
                    }
                }
                Err(error) => tracing::warn!(%error, "planning reminders failed"),
            }
        }
        minutes = minutes.wrapping_add(1);
        match web::mail::dispatch_once(&db, &mailer, &worker).await {
            Ok(0) => {}
            Ok(sent) => tracing::info!(sent, "mail sent"),
            Err(error) => tracing::warn!(%error, "sending mail failed"),
        }
    }
}

/// SMTP when configured; otherwise a folder, said plainly in the log.
fn mailer(args: &MailArgs) -> Result<web::mail::Mailer> {
    let mailer = match &args.smtp_url {
        Some(url) => {
            web::mail::Mailer::smtp(url, &args.mail_from, std::time::Duration::from_secs(30))
        }
        None => {
            tracing::warn!(folder = %args.mail_folder.display(), "no SMTP server configured (--smtp-url): mails are written to this folder");
            println!(
                "No SMTP server configured: mails are written to {}.",
                args.mail_folder.display()
            );
            web::mail::Mailer::folder(args.mail_folder.clone(), &args.mail_from)
        }
    };
    mailer.map_err(anyhow::Error::msg)
}

async fn serve(args: ServeArgs, demo: bool) -> Result<()> {
    let db = open(&args.database.url).await?;
    let created = if demo {
        seed_if_empty(&db).await?
    } else {
        false
    };
    let listener = tokio::net::TcpListener::bind(args.bind)
        .await
        .with_context(|| format!("cannot listen on {}", args.bind))?;
    let address = listener.local_addr()?;
    println!("MOUSE is running at http://{address}");
    if demo {
        if created {
            println!(
                "Created the demo organisation Mælkebøtten in {}.",
                args.database.url
            );
        } else {
            println!("Using the existing data in {}.", args.database.url);
        }
        println!("Log in with the password \"{DEMO_PASSWORD}\" as:");
        for login in DEMO_LOGINS {
            println!("  {:<28} {:<16} {}", login.email, login.name, login.role);
        }
    }
    println!("Stop with Ctrl-C.");
    tokio::spawn(housekeeping(db.clone()));
    tokio::spawn(effect_ahead(db.clone()));
    let public_url = args
        .mail
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{address}"));
    tokio::spawn(mail_jobs(db.clone(), mailer(&args.mail)?, public_url));
    let state = AppState {
        config: WebConfig {
            secure_cookies: args.secure_cookies(),
        },
        db,
    };
    web::serve(listener, state).await?;
    Ok(())
}
