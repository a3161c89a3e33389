//! `:suggest` end to end through the real binary in a pty: text typed in
//! the finder, `:suggest`, Enter — the overlay shows a suggested goal under
//! the "Suggested (not stated by the source)" heading and the Aurora
//! credit, scrolls, and Esc closes it.

mod support;

use support::pty::{Spawn, TIMEOUT, frame, keys};

#[test]
fn suggest_on_typed_text_shows_a_goal_and_the_credit() {
    let mut p = Spawn::new().size(120, 40).start();
    p.wait_for("C1 × SDG 1");
    p.send("/");
    p.wait_for("find — Enter to open");
    p.send("Solar mini-grids bring electricity to rural clinics and schools :suggest");
    p.wait_for("Enter: suggest SDGs, targets and Action Lines for");
    p.send(keys::ENTER);
    let screen = p.wait_for("Suggested (not stated by the source)");
    assert!(
        screen.contains("inferred, not stated"),
        "the overlay says what it is:\n{}",
        frame(&screen)
    );
    let screen = p.wait_for("suggested    SDG 7 Affordable and clean energy");
    assert!(
        !screen.contains("find — Enter to open"),
        "{}",
        frame(&screen)
    );
    // the credit closes the list: at the end of it
    p.send("G");
    p.wait_for_wrapped(
        "Aurora Universities Network, SDG queries v5.0, doi 10.5281/zenodo.3817445, CC-BY-4.0",
    );
    p.esc();
    p.wait_gone("Suggested (not stated by the source)");
    p.send("q");
    assert!(p.wait_exit(TIMEOUT).success());
}
