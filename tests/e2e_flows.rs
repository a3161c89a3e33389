//! End-to-end flows of issue 12 through the real binary in a pty: a resize
//! while a list is scrolled, find-then-Esc, a bookmark that keeps the
//! cursor, and a tour recorded under a name and replayed by that name.

mod support;

use std::process::{Command, Stdio};

use support::pty::{Spawn, TIMEOUT, frame, keys};

/// The line of `screen` holding the selected row of the focused list.
fn selected_row(screen: &str) -> String {
    screen
        .lines()
        .find(|l| l.contains('▌'))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_resize_keeps_the_cursor_in_view_and_wastes_no_rows() {
    // the SDG 5 drill-down at 80×24, 21 rows down the related list
    let mut p = Spawn::new().start();
    p.wait_for("C1 × SDG 1");
    p.send("2");
    p.wait_for("┌ SDGs (17)");
    p.send("jjjj");
    p.send(keys::ENTER);
    p.wait_for("SDGs › SDG 5");
    p.send(&"j".repeat(21));
    let small = p.wait_until("the related list to scroll", TIMEOUT, |s| s.contains("↑ "));
    let row = selected_row(&small);
    assert!(!row.is_empty(), "no selected row:\n{}", frame(&small));
    p.resize(200, 60);
    let big = p.wait_until("a redraw at 200 columns", TIMEOUT, |s| {
        s.lines()
            .next()
            .is_some_and(|l| l.chars().count() > 100 || l.contains("17 SDGs"))
    });
    // the list starts at its top again: nothing hidden above, the cursor shown
    assert!(
        !big.contains('↑'),
        "rows hidden above the list after the resize:\n{}",
        frame(&big)
    );
    let sel = selected_row(&big);
    let item = row.split('▌').nth(1).unwrap_or_default().trim();
    let item: String = item.chars().take(12).collect();
    assert!(
        sel.contains(&item),
        "the cursor is not on {item:?} after the resize:\n{}",
        frame(&big)
    );
    p.send("q");
    p.send("q");
    assert!(p.wait_exit(TIMEOUT).success());
}

#[test]
fn find_then_esc_leaves_the_cursor_on_what_was_found() {
    let mut p = Spawn::new().size(100, 30).start();
    p.wait_for("C1 × SDG 1");
    p.send("4");
    p.wait_for("s sort (60)");
    p.send("/");
    p.wait_for("find — Enter to open");
    p.send("digital health for africa");
    p.wait_for("▌Digital Health for Africa");
    p.send(keys::ENTER);
    p.wait_for("Activities › Digital Health for Africa");
    p.esc();
    let screen = p.wait_gone("› Digital Health for Africa");
    assert!(
        selected_row(&screen).contains("Digital Health for Africa"),
        "the cursor went back to its old row:\n{}",
        frame(&screen)
    );
    // n says which match it is
    p.send("n");
    let screen = p.wait_for("match ");
    assert!(
        screen.contains(" for 'digital health for africa'"),
        "{}",
        frame(&screen)
    );
    p.send("q");
    assert!(p.wait_exit(TIMEOUT).success());
}

#[test]
fn a_bookmark_keeps_the_row_under_the_cursor() {
    let home = tempfile::tempdir().expect("temp dir");
    let home_s = home.path().to_str().expect("utf-8 path").to_string();
    let mut p = Spawn::new()
        .size(120, 30)
        .env("SDGMAP_HOME", &home_s)
        .start();
    p.wait_for("C1 × SDG 1");
    p.send("4");
    p.wait_for("s sort (60)");
    p.send("jj");
    let screen = p.wait_until("the third row", TIMEOUT, |s| {
        s.lines().filter(|l| l.contains("│ ")).count() > 3 && selected_row(s).contains("Broadband")
    });
    let row = selected_row(&screen);
    p.send("b");
    p.wait_for("save this view as bookmark");
    p.send("third row");
    p.send(keys::ENTER);
    let saved = p.wait_for("saved bookmark 'third row'");
    assert!(saved.contains("show:activities at:"), "{}", frame(&saved));
    p.send("q");
    assert!(p.wait_exit(TIMEOUT).success());

    let mut p = Spawn::new()
        .size(120, 30)
        .env("SDGMAP_HOME", &home_s)
        .arg("--bookmark")
        .arg("third row")
        .start();
    let screen = p.wait_for("opened bookmark 'third row'");
    assert!(
        screen.contains("s sort (60)"),
        "not the Activities screen:\n{}",
        frame(&screen)
    );
    assert_eq!(
        selected_row(&screen).split('│').nth(1),
        row.split('│').nth(1),
        "the cursor is not on the saved row:\n{}",
        frame(&screen)
    );
    p.send("q");
    assert!(p.wait_exit(TIMEOUT).success());
}

#[test]
fn a_tour_recorded_under_a_name_is_listed_and_replayed_by_name() {
    let home = tempfile::tempdir().expect("temp dir");
    let home_s = home.path().to_str().expect("utf-8 path").to_string();
    let mut p = Spawn::new()
        .size(100, 30)
        .env("SDGMAP_HOME", &home_s)
        .start();
    p.wait_for("C1 × SDG 1");
    p.send("j");
    p.send(&"l".repeat(8));
    p.wait_for("C2 × SDG 9 — 3 targets");
    p.send(keys::ENTER);
    p.wait_for("Matrix › C2 × SDG 9");
    p.send("T");
    p.wait_for("record this view into tour");
    p.send("board");
    p.send(keys::ENTER);
    p.wait_for("caption for the new step of tour 'board'");
    p.send("C2 builds the roads");
    p.send(keys::ENTER);
    let screen = p.wait_for("step 1 added to");
    assert!(screen.contains("board.json"), "{}", frame(&screen));
    p.send("q");
    p.send("q");
    assert!(p.wait_exit(TIMEOUT).success());

    let cli = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_sdgmap"))
            .args(args)
            .env("SDGMAP_HOME", &home_s)
            .env_remove("SDGMAP_DATA")
            .stdin(Stdio::null())
            .output()
            .expect("run sdgmap");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let (code, out) = cli(&["tour", "list"]);
    assert_eq!(code, Some(0));
    assert!(
        out.lines()
            .any(|l| l.starts_with("board ") && l.contains("1 step ")),
        "{out}"
    );
    let (code, out) = cli(&["paths"]);
    assert_eq!(code, Some(0));
    let tours = out
        .lines()
        .find(|l| l.starts_with("tours"))
        .unwrap_or_default();
    assert!(!tours.contains("future"), "{tours}");

    let mut p = Spawn::new()
        .size(100, 30)
        .env("SDGMAP_HOME", &home_s)
        .arg("present")
        .arg("board")
        .start();
    let screen = p.wait_for(" 1/1 · ");
    assert!(screen.contains("C2 builds the roads"), "{}", frame(&screen));
    assert!(
        screen.contains("C2 × SDG 9"),
        "not the recorded place:\n{}",
        frame(&screen)
    );
    p.send("q");
    p.send("q");
    assert!(p.wait_exit(TIMEOUT).success());
}
