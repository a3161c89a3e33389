//! Guided tours: a presenter's sequence of views, each with a caption for
//! the room and notes for the speaker.
//!
//! A tour file is JSON (`"format": "sdgmap-tour"`, see `docs/tours.md`) and
//! is validated on load like a snapshot: every problem is collected with its
//! path and step number. The module owns the format ([`raw`]), reading
//! ([`load_file`] and friends), the rules ([`validate`]), the UI-free state
//! machine the app drives ([`TourState`]), recording ([`append_step`]) and
//! the Markdown speaker sheet ([`speaker_notes`]). It knows nothing about
//! terminals: the app applies a [`Step`]'s view, focus and screen itself,
//! so tours can be checked, printed and tested without one.

mod load;
mod notes;
pub mod raw;
mod record;
mod state;
pub mod user;
mod validate;

use std::path::Path;

pub use load::{MAX_TOUR_BYTES, TourError, TourProblem};
pub use notes::speaker_notes;
pub use raw::{RawStep, RawTour, TOUR_FORMAT, TOUR_VERSION};
pub use record::append_step;
pub use state::{JumpError, Outcome, TourAction, TourState};
pub use validate::validate;

use crate::entity::EntityRef;
use crate::sanitize::{Lines, sanitize};
use crate::snapshot::Snapshot;
use crate::view::View;

/// The tours compiled into the binary, by name.
pub const BUNDLED_TOURS: &[(&str, &str)] = &[(
    "itu-2030-agenda",
    include_str!("../../assets/tours/itu-2030-agenda.json"),
)];

/// The text of the bundled tour called `name`, if there is one.
pub fn bundled(name: &str) -> Option<&'static str> {
    BUNDLED_TOURS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// A validated tour: every view parsed and every focus resolved against the
/// snapshot it was checked with.
#[derive(Debug, Clone, PartialEq)]
pub struct Tour {
    /// The title (sanitized).
    pub title: String,
    /// The title of the snapshot the tour was written for, if recorded.
    pub snapshot: Option<String>,
    /// The steps, at least one, in presenting order.
    pub steps: Vec<Step>,
    /// Warnings found while validating (the tour loads regardless).
    pub warnings: Vec<TourProblem>,
}

/// One validated step.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The parsed view to apply.
    pub view: View,
    /// The view string as written in the file (sanitized), for the speaker sheet.
    pub view_text: String,
    /// The record to focus: the step's `focus`, or else the view's `focus:`.
    pub focus: Option<EntityRef>,
    /// The screen to show; `None` leaves the choice to the app.
    pub screen: Option<Screen>,
    /// The caption shown on screen (sanitized; may span lines).
    pub caption: String,
    /// The presenter notes, never shown on screen (sanitized; may be empty).
    pub notes: String,
}

/// The app's four screens, switched with `1`–`4`; a tour step can ask for
/// one. Defined here, in the core, so tours and the app share one type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    /// The Action Lines × SDGs Matrix.
    Matrix,
    /// Goals and their targets.
    Sdgs,
    /// Action Lines.
    Lines,
    /// The activity table.
    Activities,
}

impl Screen {
    /// Every screen, in the app's key order (`1`–`4`).
    pub const ALL: [Screen; 4] = [
        Screen::Matrix,
        Screen::Sdgs,
        Screen::Lines,
        Screen::Activities,
    ];

    /// The name used in tour files.
    pub fn name(self) -> &'static str {
        match self {
            Screen::Matrix => "matrix",
            Screen::Sdgs => "sdgs",
            Screen::Lines => "lines",
            Screen::Activities => "activities",
        }
    }

    /// The title shown on the app's tab.
    pub fn title(self) -> &'static str {
        match self {
            Screen::Matrix => "Matrix",
            Screen::Sdgs => "SDGs",
            Screen::Lines => "Action Lines",
            Screen::Activities => "Activities",
        }
    }

    /// The screen called `name` (case-insensitive).
    pub fn from_name(name: &str) -> Option<Screen> {
        Screen::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(name.trim()))
    }
}

/// Loads and validates the tour text `bytes` against `s`; `name` names it in messages.
pub fn load_bytes(name: &str, bytes: &[u8], s: &Snapshot) -> Result<Tour, TourError> {
    let file = sanitize(name, Lines::Single).into_owned();
    let value = load::parse_bytes(&file, bytes)?;
    validate(&value, s).map_err(|problems| TourError::Invalid { file, problems })
}

/// Loads and validates the tour file at `path` against `s`.
pub fn load_file(path: &Path, s: &Snapshot) -> Result<Tour, TourError> {
    let (file, value) = load::read_file(path)?;
    validate(&value, s).map_err(|problems| TourError::Invalid { file, problems })
}

/// Loads a tour given on the command line: an existing file at `arg`, or
/// else the bundled tour of that name. Returns the name to show with it.
pub fn load_named(arg: &Path, s: &Snapshot) -> Result<(String, Tour), TourError> {
    load_named_in(arg, None, s)
}

/// [`load_named`], also looking for the user's tour of that name in
/// `user_dir` (see [`user`]): an existing file at `arg`, else the user's
/// tour, else the bundled one. Returns the name to show with it.
pub fn load_named_in(
    arg: &Path,
    user_dir: Option<&Path>,
    s: &Snapshot,
) -> Result<(String, Tour), TourError> {
    let shown = sanitize(&arg.display().to_string(), Lines::Single).into_owned();
    let by_name = !arg.exists() && arg.extension().is_none() && arg.components().count() == 1;
    if by_name
        && let Some(file) = user_dir
            .zip(arg.to_str())
            .and_then(|(d, n)| user::find(d, n))
    {
        return load_file(&file, s).map(|t| (shown, t));
    }
    if !arg.exists()
        && let Some(text) = arg.to_str().and_then(bundled)
    {
        let name = format!("<bundled tour {shown}>");
        return load_bytes(&name, text.as_bytes(), s).map(|t| (name, t));
    }
    if by_name {
        let known: Vec<&str> = BUNDLED_TOURS.iter().map(|(n, _)| *n).collect();
        let yours: Vec<String> = user_dir
            .map(|d| user::list(d).into_iter().map(|(n, _)| n).collect())
            .unwrap_or_default();
        return Err(TourError::NotFound {
            name: shown,
            known: known.join(", "),
            yours: yours.join(", "),
        });
    }
    load_file(arg, s).map(|t| (shown, t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::load_bundled;

    #[test]
    fn every_bundled_tour_validates_without_problems() {
        let s = load_bundled().unwrap();
        for (name, text) in BUNDLED_TOURS {
            let tour = load_bytes(name, text.as_bytes(), &s).unwrap();
            assert!(tour.warnings.is_empty(), "{name}: {:?}", tour.warnings);
            assert!(tour.steps.len() >= 9, "{name}");
        }
    }

    #[test]
    fn screens_round_trip_by_name() {
        for screen in Screen::ALL {
            assert_eq!(Screen::from_name(screen.name()), Some(screen));
        }
        assert_eq!(Screen::from_name("Matrix"), Some(Screen::Matrix));
        assert_eq!(Screen::from_name("grid"), None);
    }
}
