//! Where a presenter is in a tour: the pure state machine behind the keys.
//!
//! The app owns screens, cursors and drawing; this type owns only the step
//! number and whether the presenter has stepped off the tour to explore.
//! Every action returns an [`Outcome`] telling the app what to do — show a
//! step exactly as written, or nothing — so the whole behaviour (next,
//! previous, jump, step off, snap back) is tested as plain action scripts
//! without a terminal.

/// What a presenter can do on a tour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TourAction {
    /// The next step (`→`, `Space`).
    Next,
    /// The previous step (`←`).
    Prev,
    /// Step `n`, counted from 1 (`g` and a number).
    Jump(usize),
    /// Leave the tour to explore freely (`Esc`); the step is remembered.
    StepOff,
    /// Return to the current step exactly as written (`.`).
    SnapBack,
}

/// What the app should do after an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Show step `i` (0-based index into [`super::Tour::steps`]) exactly as written.
    Show(usize),
    /// Nothing changes: already at the first or last step, or already off the tour.
    Unchanged,
    /// The presenter left the tour; keep the current view and let them explore.
    SteppedOff,
}

/// A jump to a step that does not exist; the state is unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum JumpError {
    /// Steps are numbered from 1.
    #[error("steps are numbered from 1")]
    Zero,
    /// The number is past the last step.
    #[error("no step {asked}: this tour has {len} step{}", if *.len == 1 { "" } else { "s" })]
    OutOfRange {
        /// The number asked for.
        asked: usize,
        /// The number of steps.
        len: usize,
    },
}

/// The position in a tour of `len` steps, and whether the presenter is off it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TourState {
    step: usize,
    len: usize,
    off_tour: bool,
}

impl TourState {
    /// The start of a tour with `len` steps, on step 1; `None` for an empty
    /// tour (a validated [`super::Tour`] always has at least one step).
    pub fn new(len: usize) -> Option<Self> {
        (len > 0).then_some(TourState {
            step: 0,
            len,
            off_tour: false,
        })
    }

    /// The current step as a 0-based index into the tour's steps.
    pub fn step(&self) -> usize {
        self.step
    }

    /// The current step as the presenter counts it, from 1.
    pub fn number(&self) -> usize {
        self.step + 1
    }

    /// The number of steps.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Always false: a tour state has at least one step (for clippy's `len` convention).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// True while the presenter explores away from the current step.
    pub fn is_off_tour(&self) -> bool {
        self.off_tour
    }

    /// The step counter shown on screen, `3/9`.
    pub fn counter(&self) -> String {
        format!("{}/{}", self.number(), self.len)
    }

    /// Applies `action`. Next, previous and jump also bring a presenter who
    /// stepped off back onto the tour, at the new step; at either end next
    /// and previous change nothing (unless off the tour, when they show the
    /// current step again). A bad jump is an error and changes nothing.
    pub fn apply(&mut self, action: TourAction) -> Result<Outcome, JumpError> {
        Ok(match action {
            TourAction::Next => self.next_step(),
            TourAction::Prev => self.prev_step(),
            TourAction::Jump(n) => return self.jump(n),
            TourAction::StepOff => self.step_off(),
            TourAction::SnapBack => self.snap_back(),
        })
    }

    /// Moves to `to` (clamped to the last step).
    fn go(&mut self, to: usize) -> Outcome {
        let to = to.min(self.len - 1);
        if to == self.step && !self.off_tour {
            return Outcome::Unchanged;
        }
        self.off_tour = false;
        self.step = to;
        Outcome::Show(to)
    }

    /// [`TourAction::Next`].
    pub fn next_step(&mut self) -> Outcome {
        self.go(self.step + 1)
    }

    /// [`TourAction::Prev`].
    pub fn prev_step(&mut self) -> Outcome {
        self.go(self.step.saturating_sub(1))
    }

    /// [`TourAction::Jump`]: step `n`, counted from 1.
    pub fn jump(&mut self, n: usize) -> Result<Outcome, JumpError> {
        if n == 0 {
            return Err(JumpError::Zero);
        }
        if n > self.len {
            return Err(JumpError::OutOfRange {
                asked: n,
                len: self.len,
            });
        }
        self.off_tour = false;
        self.step = n - 1;
        Ok(Outcome::Show(self.step))
    }

    /// [`TourAction::StepOff`].
    pub fn step_off(&mut self) -> Outcome {
        if self.off_tour {
            return Outcome::Unchanged;
        }
        self.off_tour = true;
        Outcome::SteppedOff
    }

    /// [`TourAction::SnapBack`]: always shows the current step as written.
    pub fn snap_back(&mut self) -> Outcome {
        self.off_tour = false;
        Outcome::Show(self.step)
    }
}
