//! `mouse generate`: a large, realistic organisation for measuring MOUSE, built from a seed.
//! The same seed and day give the same organisation, people, texts and states (the ids are
//! fresh). It writes a manifest naming the logins and pages the load benchmark drives.

mod history;
mod manifest;
mod org;
mod text;

use anyhow::{Result, bail};
use chrono::NaiveDate;
use clap::ValueEnum;
use rand::SeedableRng;
use rand::rngs::StdRng;
use std::time::Instant;
use storage::Db;

pub use manifest::Manifest;

/// The password of every generated login; printed in the manifest.
pub const PASSWORD: &str = "benchmark-password";

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShapeArg {
    /// Tens of thousands of people in departments, areas and teams, five yearly cycles.
    Large,
    /// 200 people: twenty leaders with nine each, three conversations per employee.
    Small,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    Large { people: usize },
    Small,
}

impl Shape {
    pub fn new(arg: ShapeArg, people: usize) -> Shape {
        match arg {
            ShapeArg::Large => Shape::Large { people },
            ShapeArg::Small => Shape::Small,
        }
    }

    fn cycles(self) -> usize {
        match self {
            Shape::Large { .. } => 5,
            Shape::Small => 3,
        }
    }

    fn org_name(self) -> &'static str {
        match self {
            Shape::Large { .. } => "Storby Kommune",
            Shape::Small => "Lilleby",
        }
    }

    fn slug(self) -> &'static str {
        match self {
            Shape::Large { .. } => "storby",
            Shape::Small => "lilleby",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Shape::Large { .. } => "large",
            Shape::Small => "small",
        }
    }
}

/// A generator for one person's one year (or the structure, with zeros): the same whatever
/// order the people are written in.
fn rng_for(seed: u64, person: usize, year: usize) -> StdRng {
    let mix = seed
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add((person as u64) << 8 | year as u64);
    StdRng::seed_from_u64(mix)
}

/// Builds the organisation in an empty database and returns the manifest.
pub async fn run(db: &Db, shape: Shape, seed: u64, today: NaiveDate) -> Result<Manifest> {
    if !db.organisations().await?.is_empty() {
        bail!("the database already holds an organisation; generate into an empty one");
    }
    let started = Instant::now();
    let hash = web::auth::hash_password(PASSWORD.to_owned())
        .await
        .map_err(anyhow::Error::msg)?;
    let org = org::build(db, shape, seed, &hash).await?;
    eprintln!(
        "{} units and {} people in {:.1} s; now their {} years",
        org.units.len(),
        org.people.len(),
        started.elapsed().as_secs_f64(),
        shape.cycles()
    );
    let (years, version) = history::cycles(db, &org, shape, today).await?;
    let this_year = history::histories(db, &org, &years, &version, seed, today).await?;
    let current = years.last().map(|y| y.cycle.id);
    // A server measured right after the bulk load should plan its queries as it would a day
    // later, when its own maintenance has gathered the statistics.
    db.analyze().await?;
    let seconds = started.elapsed().as_secs_f64();
    Ok(manifest::Manifest::new(
        shape, seed, seconds, &org, current, &this_year,
    ))
}
