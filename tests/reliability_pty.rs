//! The app through a real pseudo-terminal under hostile use (issue 17):
//! signals that end it restore the terminal, huge pastes and bursts of keys
//! into the prompts keep it responsive, and Ctrl-C always quits.

#![allow(clippy::expect_used)] // a broken pty is the test failing

mod support;

use std::time::Duration;

use support::pty::{Spawn, contains_bytes, find_last, frame};

/// Generous: a responsive app needs well under a second for each of these.
const GENEROUS: Duration = Duration::from_secs(20);

fn flag_names(debug: &str) -> Vec<String> {
    debug
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `off` was written after the last `on` in `raw`.
fn turned_off(raw: &[u8], on: &[u8], off: &[u8]) -> bool {
    match (find_last(raw, on), find_last(raw, off)) {
        (Some(on), Some(off)) => off > on,
        (None, _) => true,
        (Some(_), None) => false,
    }
}

#[test]
fn every_signal_that_ends_the_app_restores_the_terminal() {
    for signal in ["TERM", "INT", "HUP", "QUIT"] {
        let mut p = Spawn::new().mouse().start();
        p.wait_for("C1 × SDG 1");
        let killed = std::process::Command::new("kill")
            .args(["-s", signal, &p.pid().to_string()])
            .status()
            .expect("run kill");
        assert!(killed.success(), "kill -s {signal}");
        let status = p.wait_exit(GENEROUS);
        assert!(
            !status.success(),
            "SIG{signal}: the app ends unsuccessfully"
        );
        let raw = p.raw();
        assert!(
            contains_bytes(&raw, b"\x1b[?1049h"),
            "SIG{signal}: never started"
        );
        assert!(
            turned_off(&raw, b"\x1b[?1049h", b"\x1b[?1049l"),
            "SIG{signal}: alternate screen left on"
        );
        assert!(
            contains_bytes(&raw, b"\x1b[?1000h"),
            "SIG{signal}: mouse was captured"
        );
        assert!(
            turned_off(&raw, b"\x1b[?1000h", b"\x1b[?1000l")
                && turned_off(&raw, b"\x1b[?1006h", b"\x1b[?1006l"),
            "SIG{signal}: mouse tracking left on"
        );
        assert!(
            turned_off(&raw, b"\x1b[?2004h", b"\x1b[?2004l"),
            "SIG{signal}: bracketed paste left on"
        );
        assert!(
            turned_off(&raw, b"\x1b[?25l", b"\x1b[?25h"),
            "SIG{signal}: cursor left hidden"
        );
        assert!(!p.alternate_screen(), "SIG{signal}");
        if let Some(flags) = p.local_termios_flags() {
            let names = flag_names(&flags);
            assert!(
                names.iter().any(|f| f == "ICANON") && names.iter().any(|f| f == "ECHO"),
                "SIG{signal}: raw mode left on: {flags}"
            );
        }
    }
}

#[test]
fn a_huge_paste_into_the_filter_bar_is_cut_and_ctrl_c_quits() {
    let mut p = Spawn::new().size(100, 30).start();
    p.wait_for("C1 × SDG 1");
    p.send("f");
    p.wait_for("filter —");
    let mut paste = b"\x1b[200~".to_vec();
    paste.extend(std::iter::repeat_n(b'a', 1 << 20));
    paste.extend(b"\x1b[201~");
    let writer = p.send_in_background(paste);
    p.wait_until("the limit message", GENEROUS, |s| {
        s.contains("this field holds at most 4096 characters")
    });
    let _ = writer.join();
    p.send("\x03");
    let status = p.wait_exit(GENEROUS);
    assert!(status.success(), "Ctrl-C quits: {status:?}");
}

#[test]
fn keys_typed_in_a_burst_stay_responsive_and_ctrl_c_quits() {
    // A paste the terminal does not bracket arrives as thousands of keys.
    let mut p = Spawn::new().size(100, 30).start();
    p.wait_for("C1 × SDG 1");
    p.send("f");
    p.wait_for("filter —");
    let mut keys = b"digital ".to_vec();
    keys.extend(std::iter::repeat_n(b'h', 6000));
    keys.push(0x03); // Ctrl-C right behind them
    let writer = p.send_in_background(keys);
    let status = p.wait_exit(GENEROUS);
    let _ = writer.join();
    assert!(status.success(), "Ctrl-C quits: {status:?}");
}

#[test]
fn a_long_search_is_refused_with_a_message_and_the_finder_still_works() {
    let mut p = Spawn::new().size(100, 30).start();
    p.wait_for("C1 × SDG 1");
    p.send("/");
    p.wait_for("find —");
    let mut paste = b"\x1b[200~".to_vec();
    paste.extend(std::iter::repeat_n(b'e', 5000));
    paste.extend(b"\x1b[201~");
    let writer = p.send_in_background(paste);
    let screen = p.wait_until("the limit message", GENEROUS, |s| {
        s.contains("this field holds at most 256 characters")
    });
    let _ = writer.join();
    assert!(screen.contains("/ eeee"), "{}", frame(&screen));
    // clear it and search as usual
    p.send("\x15"); // Ctrl-u
    p.send("broadband");
    p.wait_for("Broadband");
    p.send("\x03");
    assert!(p.wait_exit(GENEROUS).success());
}
