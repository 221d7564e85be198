//! Command line and configuration. Every setting is a flag with an environment variable of the
//! same meaning, so that the same binary runs from a terminal, a service unit or a container.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "mouse",
    version,
    about = "MOUSE – employee and organisation development conversations with effect"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Args, Debug, Clone)]
pub struct DatabaseArgs {
    /// Database URL: `sqlite://PATH` (created if missing) or `postgres://USER@HOST:PORT/DB`.
    #[arg(
        long = "database",
        env = "MOUSE_DATABASE_URL",
        default_value = "sqlite://mouse.db"
    )]
    pub url: String,
}

#[derive(Args, Debug, Clone)]
pub struct ServeArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Address and port to listen on. Port 0 picks a free port (the address is printed).
    #[arg(long, env = "MOUSE_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    /// Mark cookies `Secure`. `auto` does so unless MOUSE listens on a loopback address, where it
    /// is reached over plain HTTP; behind an HTTPS proxy on another address it is on.
    #[arg(long, env = "MOUSE_SECURE_COOKIES", value_enum, default_value = "auto")]
    pub secure_cookies: SecureCookies,
    #[command(flatten)]
    pub mail: MailArgs,
}

/// Where reminder mails go.
#[derive(Args, Debug, Clone)]
pub struct MailArgs {
    /// SMTP server, e.g. `smtp://user:pass@mail.example:587?tls=required` or `smtps://host`.
    /// Without one, mails are written as `.eml` files to --mail-folder.
    #[arg(long, env = "MOUSE_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// The sender of MOUSE's mails.
    #[arg(
        long,
        env = "MOUSE_MAIL_FROM",
        default_value = "MOUSE <mouse@localhost>"
    )]
    pub mail_from: String,
    /// Where mails are written when no SMTP server is configured.
    #[arg(long, env = "MOUSE_MAIL_FOLDER", default_value = "mail-outbox")]
    pub mail_folder: std::path::PathBuf,
    /// The address people reach MOUSE at, for links in mails (default: the bound address).
    #[arg(long, env = "MOUSE_PUBLIC_URL")]
    pub public_url: Option<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecureCookies {
    Auto,
    Always,
    Never,
}

impl ServeArgs {
    pub fn secure_cookies(&self) -> bool {
        match self.secure_cookies {
            SecureCookies::Always => true,
            SecureCookies::Never => false,
            SecureCookies::Auto => !self.bind.ip().is_loopback(),
        }
    }
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the web server (migrates the database first).
    Serve(ServeArgs),
    /// Run the web server with the demo organisation Mælkebøtten, created if the database is
    /// empty, and print the address and the demo logins.
    Demo(ServeArgs),
    /// Bring the database schema up to date and exit.
    Migrate(DatabaseArgs),
    /// Import data from files.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Manage users.
    #[command(subcommand)]
    User(UserCommand),
    /// Build a large organisation with years of history in an empty database, for measuring
    /// MOUSE, and write the manifest the load benchmark (`mouse-bench`) reads.
    Generate(GenerateArgs),
}

#[derive(Args, Debug)]
pub struct GenerateArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// `large`: the given number of people in about one unit per seventeen, five yearly
    /// cycles. `small`: 200 people, twenty leaders with nine each, three cycles.
    #[arg(long, value_enum, default_value = "large")]
    pub shape: crate::generate::ShapeArg,
    /// People in the large shape.
    #[arg(long, default_value_t = 50_000)]
    pub people: usize,
    /// The same seed (on the same day) builds the same organisation.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Where to write the manifest (JSON).
    #[arg(long, default_value = "manifest.json")]
    pub manifest: PathBuf,
}

#[derive(Subcommand, Debug)]
pub enum ImportCommand {
    /// Import people from a CSV file (comma or semicolon, UTF-8 or Windows-1252, with a header
    /// row naming name, e-mail, unit and optionally job title and leader's e-mail). Prints every
    /// change and every bad line; applies all or nothing.
    People(ImportPeopleArgs),
}

#[derive(Args, Debug)]
pub struct ImportPeopleArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// The CSV file.
    pub file: PathBuf,
    /// The organisation's short name (slug). May be left out when the database holds only one.
    #[arg(long)]
    pub org: Option<String>,
    /// Only show what would change.
    #[arg(long)]
    pub dry_run: bool,
    /// Language of the report.
    #[arg(long, default_value = "da")]
    pub lang: String,
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Create a user (or give an existing person a password), e.g. the first administrator.
    /// The password is read from standard input, or asked for twice at a terminal.
    Add(UserAddArgs),
}

#[derive(Args, Debug)]
pub struct UserAddArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// The organisation's short name (slug); created if it does not exist.
    #[arg(long)]
    pub org: String,
    /// Display name of a new organisation (defaults to the slug).
    #[arg(long)]
    pub org_name: Option<String>,
    /// The user's e-mail address (their login).
    #[arg(long)]
    pub email: String,
    /// The user's full name (needed when the person does not exist yet).
    #[arg(long)]
    pub name: Option<String>,
    /// Job title of a new person.
    #[arg(long, default_value = "")]
    pub job_title: String,
    /// Unit of a new person (by name); defaults to the organisation itself.
    #[arg(long)]
    pub unit: Option<String>,
    /// Roles to grant: admin, hr, leadership (repeat or separate by commas).
    #[arg(long = "role", value_delimiter = ',')]
    pub roles: Vec<String>,
}
