//! `mouse user add`: the way in for the first administrator of a new installation.

use crate::cli::UserAddArgs;
use anyhow::{Context, Result, bail};
use domain::PersonId;
use domain::audit::AuditKind;
use domain::person::{Email, Person, PersonFields};
use domain::role::{GrantedRoles, Role};
use std::io::{BufRead, IsTerminal};
use storage::{AuditEntry, Db};
use web::auth::{MIN_PASSWORD_CHARS, hash_password};

pub async fn run(db: &Db, args: &UserAddArgs) -> Result<()> {
    let roles = args
        .roles
        .iter()
        .map(|r| {
            r.parse::<Role>()
                .ok()
                .filter(|r| r.is_grantable())
                .with_context(|| format!("unknown role {r:?}: use admin, hr or leadership"))
        })
        .collect::<Result<Vec<_>>>()?;
    let email = Email::parse(&args.email)
        .map_err(|_| anyhow::anyhow!("{:?} is not a valid e-mail address", args.email))?;
    let password = read_password()?;
    let org = match db.organisation_by_slug(&args.org).await? {
        Some(org) => org,
        None => {
            db.create_organisation(args.org_name.as_deref().unwrap_or(&args.org), &args.org)
                .await?
        }
    };
    let person = match db.person_by_email(&email).await? {
        Some(p) if p.org_id != org.id => bail!("{email} belongs to another organisation"),
        Some(p) => p,
        None => {
            let name = args
                .name
                .as_deref()
                .context("--name is needed for a new person")?;
            let fields = PersonFields::parse(name, email.as_str(), &args.job_title)?;
            let tree = db.unit_tree(org.id).await?;
            let unit = match &args.unit {
                Some(unit) => tree
                    .by_name(unit)
                    .with_context(|| format!("no unit named {unit:?}"))?,
                None => tree.root().context("organisation without a root unit")?,
            };
            let person = Person {
                id: PersonId::new(),
                org_id: org.id,
                unit_id: unit.id,
                name: fields.name,
                email: fields.email,
                job_title: fields.job_title,
                leader_id: None,
                active: true,
            };
            db.insert_person(&person).await?;
            person
        }
    };
    let hash = hash_password(password).await.map_err(anyhow::Error::msg)?;
    db.set_password_hash(person.id, &hash).await?;
    let mut granted = db.granted_roles(person.id).await?;
    for role in roles {
        granted = GrantedRoles::from_roles(granted.roles().into_iter().chain([role]));
    }
    db.set_granted_roles(person.id, granted).await?;
    db.record_audit(AuditEntry {
        org_id: Some(org.id),
        actor_id: None,
        kind: AuditKind::RolesChanged,
        subject: person.email.to_string(),
        detail: format!(
            "command line: password set, roles [{}]",
            granted
                .roles()
                .iter()
                .map(|r| r.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ip: None,
    })
    .await?;
    println!(
        "{} <{}> can now log in to {} ({}).",
        person.name, person.email, org.name, org.slug
    );
    Ok(())
}

/// Reads the password from standard input, or asks twice at a terminal.
fn read_password() -> Result<String> {
    let password = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ")?;
        let second = rpassword::prompt_password("Repeat password: ")?;
        if first != second {
            bail!("the two passwords differ");
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    };
    if password.chars().count() < MIN_PASSWORD_CHARS {
        bail!("the password must be at least {MIN_PASSWORD_CHARS} characters");
    }
    Ok(password)
}
