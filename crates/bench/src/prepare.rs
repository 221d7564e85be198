//! A database per backend, shape, size and seed, filled by `mouse generate`. Generating the
//! large shape takes minutes, so `--reuse` keeps a database whose manifest is still there: the
//! generator writes the manifest last, so its presence means the data is complete.

use anyhow::{Context, Result, bail};
use clap::ValueEnum;
use reqwest::Url;
use sqlx::{Connection, PgConnection};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Large,
    Small,
}

impl Backend {
    /// The backend a database URL is for.
    pub fn of_url(url: &str) -> Result<Backend> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Backend::Postgres)
        } else {
            bail!("{url} is neither a sqlite:// nor a postgres:// URL")
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Backend::Sqlite => "SQLite",
            Backend::Postgres => "PostgreSQL",
        }
    }
}

impl Shape {
    pub fn name(self) -> &'static str {
        match self {
            Shape::Large => "large",
            Shape::Small => "small",
        }
    }
}

/// A database ready to serve and the manifest that goes with it.
#[derive(Debug)]
pub struct Target {
    pub backend: Backend,
    pub database_url: String,
    pub manifest: PathBuf,
}

/// What to generate and where.
pub struct Generation<'a> {
    pub mouse: &'a Path,
    pub shape: Shape,
    pub people: u64,
    pub seed: u64,
    /// Absolute, and created.
    pub workdir: &'a Path,
    /// The PostgreSQL server, as a URL of any database on it.
    pub postgres: &'a str,
    pub reuse: bool,
}

impl Generation<'_> {
    fn stem(&self) -> String {
        format!("{}-{}-{}", self.shape.name(), self.people, self.seed)
    }

    fn manifest(&self, backend: Backend) -> PathBuf {
        self.workdir
            .join(format!("manifest-{}-{}.json", backend.name(), self.stem()))
    }
}

pub async fn prepare(backend: Backend, generation: &Generation<'_>) -> Result<Target> {
    let manifest = generation.manifest(backend);
    let database_url = match backend {
        Backend::Sqlite => {
            let file = generation
                .workdir
                .join(format!("bench-{}.db", generation.stem()));
            let url = format!("sqlite://{}", file.display());
            if generation.reuse && file.exists() && manifest.exists() {
                return Ok(reused(backend, url, manifest));
            }
            for suffix in ["", "-wal", "-shm"] {
                let mut path = file.clone().into_os_string();
                path.push(suffix);
                remove_if_present(Path::new(&path))?;
            }
            url
        }
        Backend::Postgres => {
            let name = format!("mouse_bench_{}", generation.stem().replace('-', "_"));
            let url = database_url(generation.postgres, &name)?;
            if fresh_postgres_database(generation.postgres, &name, generation.reuse).await?
                && manifest.exists()
            {
                return Ok(reused(backend, url, manifest));
            }
            url
        }
    };
    // A manifest left from an earlier database would describe data that is gone.
    remove_if_present(&manifest)?;
    generate(generation, &database_url, &manifest).await?;
    if !manifest.exists() {
        bail!(
            "mouse generate succeeded but wrote no manifest at {}",
            manifest.display()
        );
    }
    Ok(Target {
        backend,
        database_url,
        manifest,
    })
}

fn reused(backend: Backend, database_url: String, manifest: PathBuf) -> Target {
    eprintln!(
        "{}: reusing {} and {}",
        backend.label(),
        redact(&database_url),
        manifest.display()
    );
    Target {
        backend,
        database_url,
        manifest,
    }
}

fn remove_if_present(path: &Path) -> Result<()> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(error).with_context(|| format!("cannot remove {}", path.display())),
    }
}

/// Makes sure database `name` exists. With `reuse` an existing one is kept (and `true`
/// returned); otherwise it is dropped, even with sessions open, and created empty.
async fn fresh_postgres_database(server: &str, name: &str, reuse: bool) -> Result<bool> {
    let mut admin = PgConnection::connect(server)
        .await
        .with_context(|| format!("cannot connect to PostgreSQL at {}", redact(server)))?;
    let exists: bool =
        sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)")
            .bind(name)
            .fetch_one(&mut admin)
            .await
            .context("cannot list the PostgreSQL databases")?;
    if reuse && exists {
        return Ok(true);
    }
    // The name is made of a shape and two numbers; quoting is for form's sake.
    for statement in [
        format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"),
        format!("CREATE DATABASE \"{name}\""),
    ] {
        sqlx::raw_sql(&statement)
            .execute(&mut admin)
            .await
            .with_context(|| format!("{statement} failed"))?;
    }
    admin.close().await.ok();
    Ok(false)
}

/// The same server and credentials, another database.
fn database_url(server: &str, name: &str) -> Result<String> {
    let mut url = Url::parse(server)
        .with_context(|| format!("{} is not a PostgreSQL URL", redact(server)))?;
    url.set_path(&format!("/{name}"));
    Ok(url.to_string())
}

/// A URL fit for printing: the password, if any, replaced.
pub fn redact(url: &str) -> String {
    match Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("***"));
            parsed.to_string()
        }
        _ => url.to_owned(),
    }
}

/// Runs `mouse generate`, its output passed on (to standard error, so that standard output
/// carries only the report).
async fn generate(generation: &Generation<'_>, database_url: &str, manifest: &Path) -> Result<()> {
    let mut command = Command::new(generation.mouse);
    command
        .args(["generate", "--database", database_url])
        .args(["--shape", generation.shape.name()])
        .args(["--people", &generation.people.to_string()])
        .args(["--seed", &generation.seed.to_string()])
        .arg("--manifest")
        .arg(manifest)
        .stdin(Stdio::null())
        .stdout(Stdio::from(std::io::stderr()))
        .stderr(Stdio::inherit());
    eprintln!(
        "Generating: {} generate --database {} --shape {} --people {} --seed {} --manifest {}",
        generation.mouse.display(),
        redact(database_url),
        generation.shape.name(),
        generation.people,
        generation.seed,
        manifest.display()
    );
    let began = Instant::now();
    let status = tokio::task::spawn_blocking(move || command.status())
        .await
        .context("the generator's waiting thread failed")?
        .with_context(|| format!("cannot run {} generate", generation.mouse.display()))?;
    if !status.success() {
        bail!("mouse generate failed ({status})");
    }
    eprintln!("Generated in {:.1} s", began.elapsed().as_secs_f64());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postgres_urls_keep_the_server_and_change_the_database() {
        assert_eq!(
            database_url(
                "postgres://postgres:pw@127.0.0.1:5432/postgres",
                "mouse_bench_x"
            )
            .expect("valid"),
            "postgres://postgres:pw@127.0.0.1:5432/mouse_bench_x"
        );
        assert_eq!(
            redact("postgres://postgres:pw@127.0.0.1:5432/postgres"),
            "postgres://postgres:***@127.0.0.1:5432/postgres"
        );
        assert_eq!(
            redact("sqlite:///tmp/x.db"),
            "sqlite:///tmp/x.db",
            "nothing to hide"
        );
    }
}
