//! The tour state machine as action scripts: each script is a list of
//! (action, expected outcome, expected counter, off-tour flag) rows, so a
//! presenter's sequence of key presses reads top to bottom.

use sdgmap::tour::{JumpError, Outcome, TourAction, TourState};

use Outcome::{Show, SteppedOff, Unchanged};
use TourAction::{Jump, Next, Prev, SnapBack, StepOff};

type Row = (TourAction, Result<Outcome, JumpError>, &'static str, bool);

fn run(len: usize, script: &[Row]) {
    let Some(mut st) = TourState::new(len) else {
        panic!("a tour of {len} steps has a state");
    };
    assert_eq!(st.counter(), "1/".to_string() + &len.to_string());
    for (i, (action, outcome, counter, off)) in script.iter().enumerate() {
        let got = st.apply(*action);
        assert_eq!(&got, outcome, "row {i}: {action:?}");
        assert_eq!(st.counter(), *counter, "row {i}: {action:?}");
        assert_eq!(st.is_off_tour(), *off, "row {i}: {action:?}");
    }
}

#[test]
fn next_and_previous_walk_and_stop_at_the_ends() {
    run(
        3,
        &[
            (Prev, Ok(Unchanged), "1/3", false),
            (Next, Ok(Show(1)), "2/3", false),
            (Next, Ok(Show(2)), "3/3", false),
            (Next, Ok(Unchanged), "3/3", false),
            (Prev, Ok(Show(1)), "2/3", false),
            (Prev, Ok(Show(0)), "1/3", false),
        ],
    );
}

#[test]
fn jump_is_one_based_and_refuses_steps_that_do_not_exist() {
    run(
        9,
        &[
            (Jump(3), Ok(Show(2)), "3/9", false),
            (Jump(0), Err(JumpError::Zero), "3/9", false),
            (
                Jump(10),
                Err(JumpError::OutOfRange { asked: 10, len: 9 }),
                "3/9",
                false,
            ),
            (Jump(9), Ok(Show(8)), "9/9", false),
            (Jump(1), Ok(Show(0)), "1/9", false),
        ],
    );
    assert_eq!(
        JumpError::OutOfRange { asked: 10, len: 9 }.to_string(),
        "no step 10: this tour has 9 steps"
    );
}

#[test]
fn step_off_then_snap_back_returns_to_the_same_step() {
    run(
        5,
        &[
            (Jump(3), Ok(Show(2)), "3/5", false),
            (StepOff, Ok(SteppedOff), "3/5", true),
            (StepOff, Ok(Unchanged), "3/5", true),
            (SnapBack, Ok(Show(2)), "3/5", false),
            // Snapping back on the tour re-applies the step as written.
            (SnapBack, Ok(Show(2)), "3/5", false),
        ],
    );
}

#[test]
fn moving_while_off_the_tour_rejoins_it() {
    run(
        3,
        &[
            (StepOff, Ok(SteppedOff), "1/3", true),
            (Next, Ok(Show(1)), "2/3", false),
            (StepOff, Ok(SteppedOff), "2/3", true),
            (Jump(3), Ok(Show(2)), "3/3", false),
            (StepOff, Ok(SteppedOff), "3/3", true),
            // At the last step, next still brings the presenter back.
            (Next, Ok(Show(2)), "3/3", false),
            (StepOff, Ok(SteppedOff), "3/3", true),
            (
                Jump(7),
                Err(JumpError::OutOfRange { asked: 7, len: 3 }),
                "3/3",
                true,
            ),
            (Prev, Ok(Show(1)), "2/3", false),
        ],
    );
}

#[test]
fn a_one_step_tour_and_an_empty_one() {
    run(
        1,
        &[
            (Next, Ok(Unchanged), "1/1", false),
            (Prev, Ok(Unchanged), "1/1", false),
            (
                Jump(2),
                Err(JumpError::OutOfRange { asked: 2, len: 1 }),
                "1/1",
                false,
            ),
        ],
    );
    assert_eq!(TourState::new(0), None);
}
