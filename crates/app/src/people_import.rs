//! `mouse import people FILE`: the same import as the web page, reported on the terminal.

use crate::cli::ImportPeopleArgs;
use anyhow::{Context, Result, bail};
use domain::audit::AuditKind;
use domain::import::{parse_people_csv, plan_import};
use domain::locale::Locale;
use domain::org::Organisation;
use storage::{AuditEntry, Db};
use web::i18n::Tr;
use web::pages::import::{Report, file_problem};

/// Runs the import; returns the process exit code (0 done, 1 nothing written because of errors).
pub async fn run(db: &Db, args: &ImportPeopleArgs) -> Result<i32> {
    let org = organisation(db, args.org.as_deref()).await?;
    let t = Tr::new(args.lang.parse::<Locale>().unwrap_or_default());
    let bytes = std::fs::read(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let parsed = match parse_people_csv(&bytes) {
        Ok(parsed) => parsed,
        Err(problem) => {
            eprintln!("{}", file_problem(&t, &problem));
            return Ok(1);
        }
    };
    let tree = db.unit_tree(org.id).await?;
    let plan = plan_import(org.id, parsed, &tree, &db.people(org.id).await?);
    let report = Report::new(&t, &plan, &tree);
    for line in &report.creates {
        println!(
            "+ {:>5}  {} <{}>  {}",
            line.line, line.name, line.email, line.detail
        );
    }
    for line in &report.updates {
        println!(
            "~ {:>5}  {} <{}>  {}",
            line.line, line.name, line.email, line.detail
        );
    }
    for (line, reason) in &report.errors {
        eprintln!("! {line:>5}  {reason}");
    }
    println!(
        "{} · {} · {} · {}",
        t.count("import-creates", report.creates.len()),
        t.count("import-updates", report.updates.len()),
        t.count("import-unchanged", report.unchanged),
        t.count("import-errors", report.errors.len())
    );
    if !plan.is_applicable() {
        eprintln!("{}", t.get("import-nothing-written"));
        return Ok(1);
    }
    if args.dry_run {
        return Ok(0);
    }
    db.apply_import(org.id, &plan, None).await?;
    db.record_audit(AuditEntry {
        org_id: Some(org.id),
        actor_id: None,
        kind: AuditKind::Import,
        subject: args.file.display().to_string(),
        detail: format!(
            "command line: created {}, updated {}, unchanged {}",
            plan.creates.len(),
            plan.updates.len(),
            plan.unchanged
        ),
        ip: None,
    })
    .await?;
    println!("{}", t.get("done-imported"));
    Ok(0)
}

/// The organisation named by slug, or the only one.
pub async fn organisation(db: &Db, slug: Option<&str>) -> Result<Organisation> {
    match slug {
        Some(slug) => db
            .organisation_by_slug(slug)
            .await?
            .with_context(|| format!("no organisation with the short name {slug:?}")),
        None => {
            let mut all = db.organisations().await?;
            match all.len() {
                1 => Ok(all.remove(0)),
                0 => bail!(
                    "the database holds no organisation; create one with `mouse user add --org SLUG …`"
                ),
                _ => bail!("the database holds several organisations; name one with --org"),
            }
        }
    }
}
