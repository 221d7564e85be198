//! The `mouse` binary as an administrator uses it: migrate, create the first user, import people.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Scratch {
        let dir = std::env::temp_dir().join(format!("mouse-cli-{}", uuid::Uuid::now_v7().simple()));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn db(&self) -> String {
        format!("sqlite://{}", self.0.join("mouse.db").display())
    }

    fn mouse(&self, args: &[&str], stdin: &str) -> Output {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mouse"))
            .args(args)
            .env("MOUSE_DATABASE_URL", self.db())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn first_administrator_then_an_import() {
    let scratch = Scratch::new();
    let migrated = scratch.mouse(&["migrate"], "");
    assert!(migrated.status.success(), "{}", text(&migrated.stderr));

    let short = scratch.mouse(
        &[
            "user",
            "add",
            "--org",
            "acme",
            "--email",
            "ida@acme.dk",
            "--name",
            "Ida Admin",
            "--role",
            "admin",
        ],
        "short\n",
    );
    assert!(!short.status.success());
    assert!(text(&short.stderr).contains("at least 10 characters"));

    let added = scratch.mouse(
        &[
            "user",
            "add",
            "--org",
            "acme",
            "--org-name",
            "Acme A/S",
            "--email",
            "ida@acme.dk",
            "--name",
            "Ida Admin",
            "--role",
            "admin,hr",
        ],
        "a long enough password\n",
    );
    assert!(added.status.success(), "{}", text(&added.stderr));
    assert!(text(&added.stdout).contains("Ida Admin <ida@acme.dk> can now log in to Acme A/S"));

    let file = scratch.0.join("people.csv");
    std::fs::write(&file, "name;email;unit;leader\nBo Bæk;bo@acme.dk;Acme A/S;ida@acme.dk\nNo Unit;nu@acme.dk;Nowhere;\n").unwrap();
    let bad = scratch.mouse(
        &["import", "people", file.to_str().unwrap(), "--lang", "en"],
        "",
    );
    assert_eq!(bad.status.code(), Some(1));
    let stderr = text(&bad.stderr);
    assert!(
        stderr.contains("3  Unknown unit: Nowhere") && stderr.contains("Nothing was saved"),
        "{stderr}"
    );

    std::fs::write(
        &file,
        "name;email;unit;leader\nBo Bæk;bo@acme.dk;Acme A/S;ida@acme.dk\n",
    )
    .unwrap();
    let dry = scratch.mouse(
        &[
            "import",
            "people",
            file.to_str().unwrap(),
            "--org",
            "acme",
            "--dry-run",
            "--lang",
            "en",
        ],
        "",
    );
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    assert!(text(&dry.stdout).contains("1 new person"));
    let applied = scratch.mouse(
        &["import", "people", file.to_str().unwrap(), "--org", "acme"],
        "",
    );
    assert!(applied.status.success(), "{}", text(&applied.stderr));
    assert!(text(&applied.stdout).contains("Importen er gennemført"));
    let again = scratch.mouse(
        &["import", "people", file.to_str().unwrap(), "--lang", "en"],
        "",
    );
    assert!(
        text(&again.stdout).contains("1 unchanged"),
        "{}",
        text(&again.stdout)
    );

    let unknown = scratch.mouse(
        &["import", "people", file.to_str().unwrap(), "--org", "nope"],
        "",
    );
    assert!(!unknown.status.success());
    assert!(text(&unknown.stderr).contains("no organisation with the short name \"nope\""));
}

#[test]
fn every_subcommand_explains_itself() {
    for args in [
        &["--help"][..],
        &["serve", "--help"],
        &["demo", "--help"],
        &["migrate", "--help"],
        &["import", "people", "--help"],
        &["user", "add", "--help"],
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_mouse"))
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}");
        assert!(text(&output.stdout).contains("Usage: mouse"), "{args:?}");
    }
}
