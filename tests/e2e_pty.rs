//! End-to-end tests: the real `sdgmap` binary in a real pseudo-terminal.
//!
//! Each test starts the app with `portable-pty`, types keys as a terminal
//! would send them, and reads the screen back through a `vt100` parser
//! (see `support::pty`). Nothing outside `cargo test` is needed.

mod support;

use std::process::{Command, Stdio};
use std::time::Duration;

use support::pty::{Spawn, TIMEOUT, contains_bytes, find_last, flatten, frame, keys};

/// The full text of SDG target 9.c in the bundled snapshot.
const TARGET_9C: &str = "Significantly increase access to information and communications technology and strive to provide universal and affordable access to the Internet in least developed countries by 2020";

/// Every SGR (`ESC [ … m`) sequence in `raw`, as its parameter lists.
fn sgr_params(raw: &[u8]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < raw.len() {
        if raw[i] == 0x1b && raw[i + 1] == b'[' {
            let start = i + 2;
            let mut j = start;
            while j < raw.len() && (raw[j].is_ascii_digit() || raw[j] == b';' || raw[j] == b':') {
                j += 1;
            }
            if j < raw.len() && raw[j] == b'm' {
                let params = String::from_utf8_lossy(&raw[start..j]);
                out.push(params.split([';', ':']).map(str::to_string).collect());
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// Whether any SGR sequence in `raw` sets a 24-bit (`38;2` / `48;2`) colour.
fn has_truecolor(raw: &[u8]) -> bool {
    sgr_params(raw).iter().any(|p| {
        p.windows(2)
            .any(|w| (w[0] == "38" || w[0] == "48") && w[1] == "2")
    })
}

/// The names of the flags set in a termios flag set's `Debug` output.
fn flag_names(debug: &str) -> Vec<String> {
    debug
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn issue_script_drill_down_help_and_clean_exit() {
    let mut p = Spawn::new().start();

    // The matrix: row labels, the totals column and the focused cell in words.
    let screen = p.wait_for("C1 × SDG 1");
    assert!(
        screen.contains("C1") && screen.contains("Σ"),
        "no matrix:\n{}",
        frame(&screen)
    );
    assert!(
        screen.contains("1 Matrix") && screen.contains("4 Activities"),
        "no tabs:\n{}",
        frame(&screen)
    );
    assert!(
        p.alternate_screen(),
        "the app should draw in the alternate screen"
    );
    // While the app runs the terminal is in raw mode (no line editing, no echo).
    let flags = p.local_termios_flags();
    assert!(
        flags.is_some() || !cfg!(target_os = "linux"),
        "no termios from the pty"
    );
    if let Some(flags) = flags {
        let names = flag_names(&flags);
        assert!(
            !names.iter().any(|f| f == "ICANON"),
            "terminal not in raw mode while running: {flags}"
        );
    }

    // C2 × SDG 9: one row down, eight columns right.
    p.send("j");
    p.send(&"l".repeat(8));
    p.wait_for("C2 × SDG 9 — 3 targets: 9.1, 9.a, 9.c");

    // Drill into the cell: breadcrumb, and target 9.c among the related records.
    p.send(keys::ENTER);
    let screen = p.wait_for("Matrix › C2 × SDG 9");
    assert!(
        screen.contains("related — Enter to open"),
        "no related list:\n{}",
        frame(&screen)
    );
    assert!(
        screen.contains("9.c Significantly increase ac"),
        "9.c missing from the related list:\n{}",
        frame(&screen)
    );

    // Move the related cursor onto 9.c (SDG 9, then 9.1, 9.a, 9.c), and open it.
    p.send("jjj");
    p.wait_for("▌9.c");
    p.send(keys::ENTER);
    let screen = p.wait_for("Matrix › C2 × SDG 9 › 9.c");
    assert!(
        screen.contains("target of SDG 9"),
        "not the card of 9.c:\n{}",
        frame(&screen)
    );
    p.wait_for_wrapped(TARGET_9C);

    // Esc goes back one level: the breadcrumb shrinks.
    p.esc();
    p.wait_until("the breadcrumb to shrink to the cell", TIMEOUT, |s| {
        s.contains("Matrix › C2 × SDG 9") && !s.contains("› 9.c")
    });

    // Help lists the keys of the drill view; Esc closes it.
    p.send("?");
    let screen = p.wait_for("Keys that work here");
    assert!(
        screen.contains("help — Esc to close"),
        "no help box:\n{}",
        frame(&screen)
    );
    assert!(
        screen.contains("back one level"),
        "help lacks the drill keys:\n{}",
        frame(&screen)
    );
    p.esc();
    p.wait_gone("Keys that work here");
    p.wait_for("Matrix › C2 × SDG 9");

    // q from a drill-down first returns to the top level, then quits.
    p.send("q");
    let screen = p.wait_for("back at the top level — press q again to quit");
    assert!(
        !screen.contains("Matrix › "),
        "still drilled in:\n{}",
        frame(&screen)
    );
    assert!(
        screen.contains("C2 × SDG 9 — 3 targets"),
        "top level lost the cursor:\n{}",
        frame(&screen)
    );
    p.send("q");
    let status = p.wait_exit(TIMEOUT);
    assert!(status.success(), "exit status {status:?}");

    // The terminal is restored: the output ends by leaving the alternate
    // screen and showing the cursor, and nothing is drawn after that.
    let raw = p.raw();
    assert!(
        contains_bytes(&raw, b"\x1b[?1049h"),
        "never entered the alternate screen"
    );
    assert!(
        has_truecolor(&raw),
        "the default dark theme should use 24-bit colour"
    );
    let leave = find_last(&raw, b"\x1b[?1049l").expect("never left the alternate screen");
    let tail = &raw[leave..];
    assert!(
        contains_bytes(tail, b"\x1b[?25h"),
        "cursor not shown after leaving: {:?}",
        String::from_utf8_lossy(tail)
    );
    assert!(
        !contains_bytes(tail, b"\x1b[?1049h"),
        "re-entered the alternate screen: {:?}",
        String::from_utf8_lossy(tail)
    );
    assert!(
        tail.len() <= 32,
        "output after leaving the alternate screen: {:?}",
        String::from_utf8_lossy(tail)
    );
    assert!(
        !p.alternate_screen(),
        "vt100 still sees the alternate screen"
    );
    assert!(!p.hide_cursor(), "vt100 still sees a hidden cursor");
    // Raw mode is undone: canonical input and echo are back.
    if let Some(flags) = p.local_termios_flags() {
        let names = flag_names(&flags);
        assert!(
            names.iter().any(|f| f == "ICANON") && names.iter().any(|f| f == "ECHO"),
            "raw mode left on: {flags}"
        );
    }
}

#[test]
fn screens_sdgs_lines_activities_and_sort() {
    // Wide enough for full activity titles in the table.
    let mut p = Spawn::new().size(120, 30).start();
    p.wait_for("C1 × SDG 1");

    p.send("2");
    let screen = p.wait_for("┌ SDGs (17)");
    for goal in ["No poverty", "Zero hunger", "Partnerships for the goals"] {
        assert!(
            screen.contains(goal),
            "SDG list lacks {goal:?}:\n{}",
            frame(&screen)
        );
    }
    assert!(
        screen.contains("End poverty in all its forms everywhere"),
        "no SDG 1 details:\n{}",
        frame(&screen)
    );

    p.send("3");
    let screen = p.wait_for("┌ Action Lines (");
    for line in ["C1 ", "C7 ", "C11 "] {
        assert!(
            screen.contains(line),
            "Action Line list lacks {line:?}:\n{}",
            frame(&screen)
        );
    }

    p.send("4");
    // 60 Roadmap initiatives and 662 WSIS Prizes nominees, sorted by title
    // as a reader sorts them (case and opening quotes ignored): the first
    let screen = p.wait_for("s sort (722)");
    let snap = sdgmap::snapshot::load_bundled().expect("bundled");
    let first = snap
        .activities()
        .iter()
        .map(|a| a.title())
        .min_by_key(|t| sdgmap::collate::key(t))
        .expect("activities");
    let head: String = first.chars().take(18).collect();
    assert!(
        screen.contains(&head),
        "{head:?} is not first:\n{}",
        frame(&screen)
    );
    assert!(
        screen.contains("Title▲") && !screen.contains("Lead▲"),
        "initial sort is not by title:\n{}",
        frame(&screen)
    );

    // `s` moves the sort to the next column; `S` reverses it.
    p.send("s");
    let screen = p.wait_for("Lead▲");
    assert!(
        !screen.contains("Title▲"),
        "the arrow did not move:\n{}",
        frame(&screen)
    );
    p.send("S");
    let screen = p.wait_for("Lead▼");
    assert!(
        !screen.contains("Lead▲"),
        "the sort did not reverse:\n{}",
        frame(&screen)
    );

    p.send("1");
    p.wait_for("C1 × SDG 1");
    p.send("q");
    assert!(p.wait_exit(TIMEOUT).success());
}

#[test]
fn countries_screen_regions_countries_and_their_activities() {
    let mut p = Spawn::new().size(120, 30).start();
    p.wait_for("C1 × SDG 1");
    // a view: the screen counts under it
    p.send("5");
    let screen = p.wait_for("┌ Countries by name (249)");
    for region in ["▸ Africa", "▸ Americas", "▸ Asia", "▸ Europe", "▸ Oceania"] {
        assert!(
            screen.contains(region),
            "no {region:?}:
{}",
            frame(&screen)
        );
    }
    // the region's summary beside the list
    assert!(screen.contains("Sub-regions"), "{}", frame(&screen));
    // Asia opens into its countries; n finds Thailand
    p.send("jj");
    p.wait_for("▌▸ Asia");
    p.send("l");
    p.wait_for("▾ Asia");
    // the last search (an exact word) steps through the countries with n,
    // opening the region of the one it finds
    p.send("/");
    p.wait_for("find — Enter to open");
    p.send("'thailand");
    p.wait_for("▌THA  Thailand");
    p.send(keys::ENTER);
    p.wait_for("Countries › Thailand");
    p.esc();
    p.wait_gone(" › Thailand");
    p.send("gg");
    p.send("n");
    let screen = p.wait_for("▌    THA Thailand");
    assert!(
        screen.contains("Asia › South-eastern Asia"),
        "{}",
        frame(&screen)
    );
    // Enter drills into the country: its activities
    p.send(keys::ENTER);
    let screen = p.wait_for("Countries › Thailand");
    assert!(screen.contains("Activities (15)"), "{}", frame(&screen));
    assert!(
        screen.contains("Mae Hong Son IT Valley"),
        "{}",
        frame(&screen)
    );
    p.esc();
    p.wait_gone("Countries › Thailand");
    // s sorts by activities in the view
    p.send("s");
    p.wait_for("Countries by activities");
    p.send("q");
    assert!(p.wait_exit(TIMEOUT).success());
}

#[test]
fn the_matrix_metric_cycles_to_indicators() {
    let mut p = Spawn::new().size(120, 30).start();
    p.wait_for("C1 × SDG 1");
    p.send("j");
    p.send(&"l".repeat(8));
    p.wait_for("C2 × SDG 9");
    p.send("m");
    p.wait_for("metric: activities");
    p.send("m");
    let screen = p.wait_for("metric: indicators of linked targets");
    assert!(
        screen.contains("C2 × SDG 9 — 4 indicators: 9.1.1, 9.1.2, 9.a.1, 9.c.1"),
        "{}",
        frame(&screen)
    );
    p.send("m");
    p.wait_for("metric: linked targets");
    p.send("q");
    assert!(p.wait_exit(TIMEOUT).success());
}

#[test]
fn too_small_terminal_recovers_on_resize() {
    let mut p = Spawn::new().size(40, 10).start();
    // The message is wider than 40 columns, so it may wrap: compare it flattened.
    let msg = "terminal too small: need 60×16, have 40×10";
    let screen = p.wait_until(&format!("{msg:?}"), TIMEOUT, |s| flatten(s).contains(msg));
    assert!(
        !screen.contains("C1 × SDG 1"),
        "drew the matrix anyway:\n{}",
        frame(&screen)
    );

    // Still too small, but wide enough for the whole message: it follows the size.
    p.resize(59, 20);
    let screen = p.wait_for("terminal too small: need 60×16, have 59×20");
    assert!(
        !screen.contains("C1 × SDG 1"),
        "drew the matrix at 59 columns:\n{}",
        frame(&screen)
    );

    p.resize(80, 24);
    let screen = p.wait_for("C1 × SDG 1");
    assert!(
        !screen.contains("terminal too small"),
        "stale message:\n{}",
        frame(&screen)
    );
    assert!(
        screen.contains("Σ") && screen.contains("1 Matrix"),
        "no matrix after resize:\n{}",
        frame(&screen)
    );

    p.send("q");
    assert!(p.wait_exit(TIMEOUT).success());
}

#[test]
fn missing_data_file_exits_2_without_touching_the_terminal() {
    let path = "/nonexistent.json";
    let mut p = Spawn::new().arg("--data").arg(path).start();
    let status = p.wait_exit(TIMEOUT);
    assert_eq!(status.exit_code(), 2, "exit status {status:?}");
    let raw = p.raw();
    let text = String::from_utf8_lossy(&raw);
    assert!(
        text.contains(path),
        "the message does not name the file: {text:?}"
    );
    assert!(
        !contains_bytes(&raw, b"\x1b[?1049h"),
        "entered the alternate screen: {text:?}"
    );
    assert!(!p.alternate_screen());

    // The message goes to stderr; stdout stays empty.
    let out = Command::new(env!("CARGO_BIN_EXE_sdgmap"))
        .args(["--data", path])
        .env_remove("SDGMAP_DATA")
        .stdin(Stdio::null())
        .output()
        .expect("run sdgmap");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(path) && stderr.starts_with("sdgmap:"),
        "stderr: {stderr:?}"
    );
    assert!(
        out.stdout.is_empty(),
        "stdout: {:?}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn no_color_uses_no_truecolor() {
    let mut p = Spawn::new().env("NO_COLOR", "1").start();
    let screen = p.wait_for("C1 × SDG 1");
    assert!(screen.contains("Σ"), "no matrix:\n{}", frame(&screen));
    // Exercise a few screens so more styles are drawn.
    p.send("4");
    p.wait_for("s sort (722)");
    p.send("?");
    p.wait_for("Keys that work here");
    p.esc();
    p.wait_gone("Keys that work here");
    p.send("q");
    assert!(p.wait_exit(TIMEOUT).success());
    let raw = p.raw();
    assert!(!has_truecolor(&raw), "24-bit colour despite NO_COLOR");
    assert!(!contains_bytes(&raw, b"\x1b[38;2;") && !contains_bytes(&raw, b"\x1b[48;2;"));
}

#[test]
fn mouse_click_selects_a_matrix_cell() {
    let mut p = Spawn::new().mouse().start();
    p.wait_for("C1 × SDG 1");
    let raw = p.raw();
    assert!(
        contains_bytes(&raw, b"\x1b[?1000h") || contains_bytes(&raw, b"\x1b[?1003h"),
        "mouse capture not enabled: {:?}",
        String::from_utf8_lossy(&raw)
    );
    assert!(
        contains_bytes(&raw, b"\x1b[?1006h"),
        "SGR mouse encoding not enabled"
    );

    // Find the cell C4 × SDG 12 on screen: its row by label, its column by header.
    let (rows, _) = p.size();
    let header = (0..rows)
        .map(|r| p.row_text(r))
        .find(|t| t.contains("Σ"))
        .unwrap_or_else(|| panic!("no matrix header:\n{}", frame(&p.screen())));
    let col = header.split(' ').scan(0usize, |x, tok| {
        let at = *x;
        *x += tok.chars().count() + 1;
        Some((at, tok))
    });
    let col = col
        .filter(|(_, t)| *t == "12")
        .map(|(at, _)| at)
        .next()
        .unwrap_or_else(|| panic!("no column 12 in {header:?}"));
    let row = (0..rows)
        .find(|&r| p.row_text(r).starts_with(" C4 "))
        .unwrap_or_else(|| panic!("no row C4:\n{}", frame(&p.screen())));

    // SGR mouse coordinates are 1-based.
    let (x, y) = (col + 1, row + 1);
    p.send(&format!("\x1b[<0;{x};{y}M"));
    p.send(&format!("\x1b[<0;{x};{y}m"));
    p.wait_for("C4 × SDG 12");

    // A click on a tab switches screens.
    let (tab_row, tab_x) = (0..rows)
        .find_map(|r| p.row_text(r).find("2 SDGs").map(|x| (r, x)))
        .unwrap_or_else(|| panic!("no tabs:\n{}", frame(&p.screen())));
    let (x, y) = (
        p.row_text(tab_row)[..tab_x].chars().count() + 1,
        tab_row + 1,
    );
    p.send(&format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m"));
    p.wait_for("┌ SDGs (17)");
    std::thread::sleep(Duration::from_millis(50));

    p.send("q");
    assert!(p.wait_exit(TIMEOUT).success());
    let raw = p.raw();
    let leave = find_last(&raw, b"\x1b[?1049l").expect("never left the alternate screen");
    let before_leave = &raw[..leave];
    let off =
        find_last(before_leave, b"\x1b[?1000l").or_else(|| find_last(before_leave, b"\x1b[?1006l"));
    let on = find_last(&raw, b"\x1b[?1000h").expect("mouse was enabled");
    assert!(
        off.is_some_and(|o| o > on),
        "mouse capture not disabled on exit: {:?}",
        String::from_utf8_lossy(&raw[on..])
    );
    assert!(
        contains_bytes(&raw[on..], b"\x1b[?1006l"),
        "SGR mouse encoding left on"
    );
}

#[test]
fn finder_slash_type_enter_lands_on_the_record() {
    let mut p = Spawn::new().size(100, 30).start();
    p.wait_for("C1 × SDG 1");
    p.send("/");
    p.wait_for("find — Enter to open");
    p.send("he@lthy");
    // results arrive from the worker thread, grouped by kind
    let screen = p.wait_for("Be He@lthy, Be Mobile");
    assert!(
        screen.contains("Activities"),
        "no kind heading:\n{}",
        frame(&screen)
    );
    // move to the activity and open it: a drill-down step
    let rows: Vec<&str> = screen.lines().collect();
    let first_hit = rows
        .iter()
        .position(|r| r.contains('▌'))
        .expect("a selected row");
    let target = rows
        .iter()
        .position(|r| r.contains("Be He@lthy, Be Mobile"))
        .expect("the hit");
    let headings_between = rows[first_hit..target]
        .iter()
        .filter(|r| {
            [
                "SDGs",
                "Targets",
                "Action Lines",
                "Matrix links",
                "Activities",
            ]
            .iter()
            .any(|h| r.trim_start_matches('│').trim_start().starts_with(h))
        })
        .count();
    for _ in 0..(target - first_hit - headings_between) {
        p.send(keys::DOWN);
    }
    p.send(keys::ENTER);
    let screen = p.wait_for("Matrix › Be He@lthy, Be Mobile");
    assert!(
        screen.contains("lead"),
        "activity card missing:\n{}",
        frame(&screen)
    );
    p.esc();
    p.wait_gone("› Be He@lthy");
    p.send("q");
    assert!(p.wait_exit(TIMEOUT).success());
}

#[test]
fn filter_bar_recounts_the_matrix() {
    let mut p = Spawn::new().size(100, 30).start();
    p.wait_for("C1 × SDG 1");
    p.send("f");
    p.wait_for("filter — Enter apply");
    p.send("sdg:9 al:C2");
    let screen = p.wait_for("[● al:C2]");
    assert!(
        screen.contains("1 link"),
        "live count missing:\n{}",
        frame(&screen)
    );
    p.send(keys::ENTER);
    let screen = p.wait_gone("filter — Enter apply");
    // the matrix now has one row and one column, and says so in words
    assert!(
        screen.contains("C2 × SDG 9 — 3 targets: 9.1, 9.a, 9.c"),
        "{}",
        frame(&screen)
    );
    assert!(
        !screen.contains("C1 Public governance"),
        "rows not narrowed:\n{}",
        frame(&screen)
    );
    assert!(
        screen.contains("filters [● sdg:9] [● al:C2]"),
        "chips missing:\n{}",
        frame(&screen)
    );
    p.send("q");
    assert!(p.wait_exit(TIMEOUT).success());
}

#[test]
fn view_flag_opens_the_app_on_a_view_and_a_bad_one_exits_2() {
    let mut p = Spawn::new()
        .size(100, 30)
        .arg("--view")
        .arg("sdg:4 show:sdgs focus:4.4")
        .start();
    let screen = p.wait_for("SDGs › 4.4");
    assert!(screen.contains("filters [● sdg:4]"), "{}", frame(&screen));
    p.send("q");
    p.send("q");
    assert!(p.wait_exit(TIMEOUT).success());

    let out = Command::new(env!("CARGO_BIN_EXE_sdgmap"))
        .args(["--view", "al:C12"])
        .stdin(Stdio::null())
        .output()
        .expect("run sdgmap");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown action line 'C12'"), "{err}");
}

#[test]
fn a_saved_bookmark_reopens_the_same_view_after_a_restart() {
    let home = tempfile::tempdir().expect("temp dir");
    let home_s = home.path().to_str().expect("utf-8 path").to_string();
    let mut p = Spawn::new()
        .size(100, 30)
        .env("SDGMAP_HOME", &home_s)
        .start();
    p.wait_for("C1 × SDG 1");
    p.send("f");
    p.wait_for("filter — Enter apply");
    p.send("sdg:9 al:C2");
    p.wait_for("[● al:C2]");
    p.send(keys::ENTER);
    p.wait_gone("filter — Enter apply");
    p.send(keys::ENTER); // drill into C2 × SDG 9
    p.wait_for("Matrix › C2 × SDG 9");
    p.send("b");
    p.wait_for("save this view as bookmark");
    p.send("daily infra");
    p.send(keys::ENTER);
    p.wait_for("saved bookmark 'daily infra'");
    p.send("q");
    p.send("q");
    assert!(p.wait_exit(TIMEOUT).success());

    let mut p = Spawn::new()
        .size(100, 30)
        .env("SDGMAP_HOME", &home_s)
        .arg("--bookmark")
        .arg("daily infra")
        .start();
    let screen = p.wait_for("Matrix › C2 × SDG 9");
    assert!(
        screen.contains("filters [● sdg:9] [● al:C2]"),
        "{}",
        frame(&screen)
    );
    assert!(
        screen.contains("opened bookmark 'daily infra'"),
        "{}",
        frame(&screen)
    );
    p.send("q");
    p.send("q");
    assert!(p.wait_exit(TIMEOUT).success());
}

#[test]
fn present_the_bundled_tour_step_off_and_snap_back() {
    let home = tempfile::tempdir().expect("temp dir");
    let home_s = home.path().to_str().expect("utf-8 path").to_string();
    let mut p = Spawn::new()
        .size(100, 30)
        .env("SDGMAP_HOME", &home_s)
        .arg("present")
        .start();
    p.wait_for(" 1/12 · ");
    p.send(" "); // next
    p.wait_for(" 2/12 · ");
    p.send(keys::RIGHT); // next
    let step3 = p.wait_for(" 3/12 · ");
    p.send(keys::LEFT); // previous
    p.wait_for(" 2/12 · ");
    p.send(keys::RIGHT);
    p.wait_for(" 3/12 · ");
    // step off: explore somewhere else
    p.esc();
    p.wait_for("off the tour");
    p.send("4");
    p.wait_for("· s sort");
    // snap back: the step exactly as it was
    p.send(".");
    let back = p.wait_gone("off the tour");
    let body = |s: &str| s.lines().take(20).map(str::to_string).collect::<Vec<_>>();
    assert_eq!(
        body(&back),
        body(&step3),
        "snap back shows the step as it was:\n{}",
        frame(&back)
    );
    p.send("q"); // out of the drill-down first
    p.wait_for("press q again");
    p.send("q");
    assert!(p.wait_exit(TIMEOUT).success());
}

#[test]
fn a_panic_restores_the_terminal_and_its_message_is_readable() {
    let mut p = Spawn::new()
        .env("SDGMAP_TEST_PANIC", "1")
        .env("RUST_BACKTRACE", "0")
        .start();
    p.wait_for("C1 × SDG 1");
    p.send("!");
    let status = p.wait_exit(TIMEOUT);
    assert!(!status.success(), "a panic exits non-zero");
    let raw = p.raw();
    // the alternate screen was left and the cursor shown again …
    let left = find_last(&raw, b"\x1b[?1049l").expect("left the alternate screen");
    assert!(
        find_last(&raw, b"\x1b[?25h")
            .is_some_and(|i| i > find_last(&raw, b"\x1b[?1049h").unwrap_or(0))
    );
    // … before the panic message was printed, so it is readable on the normal screen
    let msg = find_last(&raw, b"test panic requested").expect("the panic message");
    assert!(
        msg > left,
        "the message comes after the terminal was restored"
    );
    assert!(!p.alternate_screen());
    assert!(
        p.screen()
            .contains("test panic requested with SDGMAP_TEST_PANIC"),
        "{}",
        p.screen()
    );
}
