//! `mouse-bench`: the load benchmark. For each backend it prepares a generated database, starts
//! `mouse serve` on it, logs in the users the manifest names, runs a schedule of load phases and
//! writes a Markdown and a JSON report. Progress goes to standard error; standard output carries
//! only the report.

mod client;
mod load;
mod manifest;
mod prepare;
mod report;
mod schedule;
mod server;

use crate::load::ErrorLog;
use crate::manifest::Manifest;
use crate::prepare::{Backend, Generation, Shape, Target};
use crate::report::{BackendRun, DataSummary, Machine, Report, Targets};
use crate::schedule::{Settings, Workloads};
use crate::server::Server;
use anyhow::{Context, Result, bail, ensure};
use clap::{Parser, ValueEnum};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

#[derive(Parser, Debug)]
#[command(
    name = "mouse-bench",
    about = "Load benchmark for MOUSE: generated data, a real server, pages under load"
)]
struct Cli {
    /// The `mouse` binary to measure [default: `mouse` next to this program].
    #[arg(long)]
    mouse: Option<PathBuf>,
    /// Backends to measure, one after the other.
    #[arg(long, value_enum, value_delimiter = ',', default_value = "sqlite")]
    backend: Vec<Backend>,
    /// The PostgreSQL server (a URL of any database on it); the benchmark database is created
    /// next to it.
    #[arg(
        long,
        env = "MOUSE_BENCH_POSTGRES_URL",
        default_value = "postgres://postgres@127.0.0.1:5432/postgres"
    )]
    postgres: String,
    /// The organisation to generate.
    #[arg(long, value_enum, default_value = "large")]
    shape: Shape,
    #[arg(long, default_value_t = 50_000)]
    people: u64,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Which phases to run [default: the one named like the shape].
    #[arg(long, value_enum)]
    schedule: Option<Schedule>,
    /// Connections in the large schedule.
    #[arg(long, default_value_t = 32)]
    concurrency: usize,
    /// Seconds per phase [default: 10 in the large schedule; 10 and 15 in the small one, where
    /// a given value is used for every step].
    #[arg(long, value_parser = seconds)]
    duration: Option<Duration>,
    /// Seconds of unrecorded load before each phase.
    #[arg(long, value_parser = seconds, default_value = "2")]
    warmup: Duration,
    /// At most this many distinct users per page (each one is a slow log-in).
    #[arg(long, default_value_t = 400)]
    max_users: usize,
    /// Where databases, manifests and mails go.
    #[arg(long, default_value = "target/bench")]
    workdir: PathBuf,
    /// Where the report goes.
    #[arg(long, default_value = "target/bench")]
    out: PathBuf,
    /// The report's file name without extension [default: benchmark-<schedule>].
    #[arg(long)]
    name: Option<String>,
    /// Use an existing database and manifest as they are instead of generating anew.
    #[arg(long)]
    reuse: bool,
    /// Exit with status 1 if any request failed.
    #[arg(long)]
    check: bool,
    /// p99 target for ordinary pages, in ms (informational).
    #[arg(long, default_value_t = 20.0)]
    p99_ms: f64,
    /// p99 target for pages whose name starts with "leadership" or "HR", in ms (informational).
    #[arg(long, default_value_t = 150.0)]
    p99_ms_reports: f64,
    /// Developer shortcut: measure this database as it is, with --manifest; no preparation and
    /// no generation.
    #[arg(long, hide = true, requires = "manifest")]
    database_url: Option<String>,
    #[arg(long, hide = true, requires = "database_url")]
    manifest: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Schedule {
    Large,
    Small,
}

impl Schedule {
    fn name(self) -> &'static str {
        match self {
            Schedule::Large => "large",
            Schedule::Small => "small",
        }
    }
}

fn seconds(text: &str) -> Result<Duration, String> {
    let value: f64 = text
        .parse()
        .map_err(|_| format!("{text:?} is not a number of seconds"))?;
    Duration::try_from_secs_f64(value).map_err(|_| format!("{text:?} is not a number of seconds"))
}

#[tokio::main]
async fn main() -> ExitCode {
    match run(Cli::parse()).await {
        Ok(code) => code,
        Err(error) => {
            eprintln!("mouse-bench: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<ExitCode> {
    ensure!(cli.concurrency >= 1, "--concurrency must be at least 1");
    ensure!(cli.max_users >= 1, "--max-users must be at least 1");
    if let Some(duration) = cli.duration {
        ensure!(!duration.is_zero(), "--duration must be more than 0");
    }
    let schedule = cli.schedule.unwrap_or(match cli.shape {
        Shape::Large => Schedule::Large,
        Shape::Small => Schedule::Small,
    });
    let mouse = match &cli.mouse {
        Some(path) => path.clone(),
        None => std::env::current_exe()
            .context("cannot tell where mouse-bench is")?
            .with_file_name("mouse"),
    };
    if !mouse.is_file() {
        bail!(
            "no mouse binary at {}: build it (cargo build --release -p mouse) or pass --mouse",
            mouse.display()
        );
    }
    std::fs::create_dir_all(&cli.workdir)
        .with_context(|| format!("cannot create {}", cli.workdir.display()))?;
    let workdir = std::path::absolute(&cli.workdir)
        .with_context(|| format!("cannot resolve {}", cli.workdir.display()))?;

    let targets: Vec<Target> = match (&cli.database_url, &cli.manifest) {
        (Some(url), Some(manifest)) => vec![Target {
            backend: Backend::of_url(url)?,
            database_url: url.clone(),
            manifest: manifest.clone(),
        }],
        _ => {
            let mut backends: Vec<Backend> = Vec::new();
            for backend in &cli.backend {
                if !backends.contains(backend) {
                    backends.push(*backend);
                }
            }
            let generation = Generation {
                mouse: &mouse,
                shape: cli.shape,
                people: cli.people,
                seed: cli.seed,
                workdir: &workdir,
                postgres: &cli.postgres,
                reuse: cli.reuse,
            };
            let mut targets = Vec::new();
            // All databases first: a failed generation should not waste a finished measurement.
            for backend in backends {
                targets.push(prepare::prepare(backend, &generation).await?);
            }
            targets
        }
    };

    let mut runs = Vec::new();
    let mut data = None;
    for target in &targets {
        let manifest = Manifest::load(&target.manifest)?;
        data.get_or_insert_with(|| DataSummary {
            shape: manifest.shape.clone(),
            people: manifest.people,
            units: manifest.units,
            cycles: manifest.cycles,
            seed: manifest.seed,
        });
        runs.push(measure_backend(&cli, schedule, &mouse, &workdir, target, &manifest).await?);
    }
    let data = data.context("no backend to measure")?;

    let targets = Targets {
        page_ms: cli.p99_ms,
        reports_ms: cli.p99_ms_reports,
    };
    let errors = runs
        .iter()
        .flat_map(|run| &run.phases)
        .flat_map(|phase| &phase.pages)
        .map(|page| page.errors)
        .sum();
    let report = Report {
        machine: Machine::detect(),
        date: chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string(),
        command: command_line(),
        schedule: schedule.name().to_owned(),
        data,
        targets_missed: report::targets_missed(&runs, targets),
        backends: runs,
        errors,
    };
    let markdown = report.markdown().context("cannot format the report")?;
    print!("{markdown}");
    let name = cli
        .name
        .clone()
        .unwrap_or_else(|| format!("benchmark-{}", schedule.name()));
    report.write(&markdown, &cli.out, &name)?;
    if cli.check && errors > 0 {
        eprintln!("mouse-bench: {errors} requests failed");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// One backend: server up, users in, schedule run, server down.
async fn measure_backend(
    cli: &Cli,
    schedule: Schedule,
    mouse: &Path,
    workdir: &Path,
    target: &Target,
    manifest: &Manifest,
) -> Result<BackendRun> {
    let label = target.backend.label();
    eprintln!(
        "{label}: starting {}",
        prepare::redact(&target.database_url)
    );
    let server = Server::start(mouse, &target.database_url, &workdir.join("mail")).await?;
    eprintln!(
        "  listening at {} after {:.0} ms",
        server.base,
        server.startup.as_secs_f64() * 1000.0
    );
    let emails = manifest.users_needed(cli.max_users);
    let (users, login) = client::login_all(&server.base, &emails, &manifest.password).await?;
    let workloads = Workloads::new(&server.base, manifest, &users, cli.max_users)?;
    let settings = Settings {
        concurrency: cli.concurrency,
        duration: cli.duration,
        warmup: cli.warmup,
        backend: label.to_owned(),
    };
    let errors = Arc::new(ErrorLog::default());
    let phases = match schedule {
        Schedule::Large => schedule::large(&workloads, &settings, &errors).await?,
        Schedule::Small => schedule::small(&workloads, &settings, &errors).await?,
    };
    let startup = server.startup;
    let memory = server.stop()?;
    let small_summary = match schedule {
        Schedule::Large => Vec::new(),
        Schedule::Small => report::small_summary(&phases),
    };
    Ok(BackendRun {
        backend: label.to_owned(),
        database: prepare::redact(&target.database_url),
        manifest: target.manifest.display().to_string(),
        generated_seconds: manifest.generated_seconds,
        startup_ms: startup.as_secs_f64() * 1000.0,
        peak_memory_mb: memory.peak_mb,
        max_sampled_rss_mb: memory.sampled_rss_mb,
        users_logged_in: users.len(),
        login_seconds: login.as_secs_f64(),
        phases,
        small_summary,
    })
}

/// The command as typed, with any password in a URL hidden.
fn command_line() -> String {
    std::env::args()
        .map(|arg| match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                format!("{flag}={}", prepare::redact(value))
            }
            _ => prepare::redact(&arg),
        })
        .collect::<Vec<_>>()
        .join(" ")
}
