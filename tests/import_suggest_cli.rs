//! `sdgmap import --suggest` end to end: the engine's suggestions stored on
//! each imported activity as suggestions (with evidence and the engine's
//! version), never as stated goals, targets or Action Lines, and the
//! `suggested:` facet reading them back through `sdgmap query`.

#![allow(clippy::expect_used)] // helpers outside #[test] fns expect too

use std::path::Path;
use std::process::{Command, Output};

use sdgmap::snapshot::raw::{RawActivity, RawSnapshot};
use sdgmap::suggest::{CREDIT, ENGINE_VERSION, Engine, StoredSuggestions};

fn sdgmap(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sdgmap"))
        .args(args)
        .current_dir(dir)
        .env_remove("SDGMAP_DATA")
        .env("NO_COLOR", "1")
        .output()
        .expect("run sdgmap")
}

fn sample() -> String {
    format!(
        "{}/tests/fixtures/import/activities.csv",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn read(path: &Path) -> RawSnapshot {
    let text = std::fs::read_to_string(path).expect("written");
    sdgmap::snapshot::parse_raw("out", &text).expect("valid")
}

fn by_id<'a>(s: &'a RawSnapshot, id: &str) -> &'a RawActivity {
    s.activities.iter().find(|a| a.id == id).expect("imported")
}

#[test]
fn suggestions_are_stored_as_suggestions_never_as_stated_links() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let plain = sdgmap(d, &["import", &sample(), "-o", "plain.json"]);
    assert_eq!(
        plain.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&plain.stderr)
    );
    let out = sdgmap(d, &["import", &sample(), "-o", "sug.json", "--suggest"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("3 added, 0 updated, 0 unchanged"), "{err}");
    assert!(
        err.contains("stored suggestions on 3 activities (3 with a suggested goal), as suggestions, not stated links"),
        "{err}"
    );
    assert!(err.contains(CREDIT), "{err}");

    let plain = read(&d.join("plain.json"));
    let sug = read(&d.join("sug.json"));
    let base = sdgmap::snapshot::parse_raw("b", sdgmap::snapshot::BUNDLED).expect("bundled");
    assert_eq!(sug.activities.len(), plain.activities.len());
    let engine = Engine::new(&sdgmap::snapshot::load_bundled().expect("bundled")).expect("engine");
    for (p, s) in plain.activities.iter().zip(&sug.activities) {
        let imported = !base.activities.iter().any(|b| b.id == p.id);
        // stated fields are byte for byte the plain import's
        let mut without = s.clone();
        without.suggested = None;
        assert_eq!(&without, p, "{}", p.id);
        if !imported {
            assert!(s.suggested.is_none(), "{} was not imported", s.id);
            continue;
        }
        let got = s
            .suggested
            .as_ref()
            .expect("imported rows carry suggestions");
        assert_eq!(got.engine, ENGINE_VERSION);
        assert_eq!(got.credit, CREDIT);
        assert!(!got.goals.is_empty(), "{}", s.id);
        assert!(got.goals.iter().all(|g| !g.evidence.is_empty()), "{got:?}");
        // exactly the engine's output for the title and summary
        let text = sdgmap::import::activity_text(&s.title, &s.summary);
        assert_eq!(
            got,
            &StoredSuggestions::from_suggestions(&engine.suggest(&text))
        );
    }
    // the farmers' SMS alerts: stated SDG 2 only, the engine may say more,
    // and that stays out of `sdgs`
    let alerts = by_id(&sug, "sample-e-agriculture-alerts");
    assert_eq!(alerts.sdgs, [2]);
    assert!(
        alerts
            .suggested
            .as_ref()
            .expect("stored")
            .goal_numbers()
            .contains(&2)
    );

    // the facet reads them back; stated facets do not
    let g = by_id(&sug, "sample-rural-broadband-pilot")
        .suggested
        .as_ref()
        .expect("stored")
        .goals[0]
        .goal;
    let q = sdgmap(
        d,
        &[
            "query",
            "--data",
            "sug.json",
            &format!("suggested:{g}"),
            "--format",
            "csv",
        ],
    );
    assert_eq!(
        q.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&q.stderr)
    );
    let rows = String::from_utf8_lossy(&q.stdout);
    assert!(rows.contains("sample-rural-broadband-pilot"), "{rows}");
    let err = String::from_utf8_lossy(&q.stderr);
    assert!(
        err.contains("not stated links") && err.contains(CREDIT),
        "{err}"
    );
    let header = rows.lines().next().expect("header");
    assert!(
        header.contains("suggested_sdgs,suggested_targets,suggested_action_lines"),
        "{header}"
    );
    // a snapshot without suggestions matches none
    let q = sdgmap(
        d,
        &["query", "--data", "plain.json", &format!("suggested:{g}")],
    );
    assert_eq!(q.status.code(), Some(1), "no activity carries suggestions");
}

#[test]
fn reimporting_an_export_keeps_suggestions_out_of_stated_fields() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let out = sdgmap(d, &["import", &sample(), "-o", "sug.json", "--suggest"]);
    assert_eq!(out.status.code(), Some(0));
    let out = sdgmap(
        d,
        &[
            "--data",
            "sug.json",
            "export",
            "'Sample:",
            "--show",
            "activities",
            "--format",
            "csv",
            "-o",
            "x.csv",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = sdgmap(
        d,
        &["import", "x.csv", "--into", "sug.json", "-o", "again.json"],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        !err.contains("ignored columns"),
        "suggested_* columns are known: {err}"
    );
    assert!(err.contains("0 added, 0 updated, 3 unchanged"), "{err}");
    assert_eq!(read(&d.join("again.json")), read(&d.join("sug.json")));
}
