//! Recording: appending the current view to a tour file as a new step.
//!
//! Presenters build tours by exploring: each `T` in the app appends one
//! step. The file is read as [`RawTour`] (unknown keys kept), the step is
//! pushed, and the whole file is rewritten atomically through
//! [`crate::export::write_atomic`], so a crash mid-write never leaves half a
//! tour. Recording does not check the view against a snapshot — the app
//! only records views it is showing — but it does refuse an empty caption
//! and a file that is not a version-1 tour.

use std::path::Path;

use super::load::{TourError, TourProblem, read_file};
use super::raw::{RawStep, RawTour};
use super::validate::format_problem;
use crate::sanitize::{Lines, sanitize};

/// Appends `step` to the tour file at `path` and returns its step number
/// (from 1). A missing file is created as a new tour titled `title` and
/// written for the snapshot titled `snapshot`; for an existing file both are
/// ignored.
pub fn append_step(
    path: &Path,
    title: &str,
    snapshot: Option<&str>,
    step: RawStep,
) -> Result<usize, TourError> {
    let file = sanitize(&path.display().to_string(), Lines::Single).into_owned();
    let mut tour = match read_file(path) {
        Ok((_, value)) => existing(&file, value)?,
        Err(TourError::Io { error, .. }) if error.kind() == std::io::ErrorKind::NotFound => {
            let mut t = RawTour::new(title);
            t.snapshot = snapshot.map(str::to_string);
            t
        }
        Err(e) => return Err(e),
    };
    let invalid = |path: String, message: &str| TourError::Invalid {
        file: file.clone(),
        problems: vec![TourProblem::error(path, message)],
    };
    if step.caption.trim().is_empty() {
        return Err(invalid(
            format!("steps[{}].caption", tour.steps.len()),
            "the caption must not be empty",
        ));
    }
    if tour.title.trim().is_empty() {
        return Err(invalid("title".into(), "the title must not be empty"));
    }
    tour.steps.push(step);
    crate::export::write_atomic(path, |w| {
        serde_json::to_writer_pretty(&mut *w, &tour)?;
        writeln!(w)?;
        Ok(())
    })
    .map_err(|error| TourError::Write {
        file: file.clone(),
        error,
    })?;
    Ok(tour.steps.len())
}

/// The raw tour in an existing file, refusing anything but a version-1 tour.
fn existing(file: &str, value: serde_json::Value) -> Result<RawTour, TourError> {
    let invalid = |problem| TourError::Invalid {
        file: file.to_string(),
        problems: vec![problem],
    };
    if let Some(problem) = value.as_object().and_then(format_problem) {
        return Err(invalid(problem));
    }
    serde_json::from_value(value).map_err(|e| {
        invalid(TourProblem::error(
            "(document)",
            format!("cannot append to this tour: {e}"),
        ))
    })
}
