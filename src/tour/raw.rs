//! The tour file as it is written: plain serde types with no rules attached.
//!
//! Validation ([`super::validate`]) reads a tour from a `serde_json::Value`
//! field by field, so that every type error is reported with its path; these
//! types exist for *writing* ([`super::append_step`]) and for tools that want
//! the file's shape. Keys a newer writer adds are kept in `extra`, so a
//! round trip through an older sdgmap loses nothing.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::view::View;

/// The value of `format` in every tour file.
pub const TOUR_FORMAT: &str = "sdgmap-tour";

/// The tour format version this sdgmap reads and writes.
pub const TOUR_VERSION: u64 = 1;

/// A whole tour file, unvalidated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawTour {
    /// Always [`TOUR_FORMAT`].
    pub format: String,
    /// The format version, [`TOUR_VERSION`].
    pub version: u64,
    /// The tour's title, shown when presenting and on the speaker sheet.
    pub title: String,
    /// The title of the snapshot the tour was written for, if recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub snapshot: Option<String>,
    /// The steps in presenting order.
    pub steps: Vec<RawStep>,
    /// Keys this version does not know, kept for round trips.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// One step of a tour, unvalidated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RawStep {
    /// The view string (view language), e.g. `sdg:9 show:targets`.
    pub view: String,
    /// The stable key of the record to focus (`9.c`, `C2`, `u4ssc` …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<String>,
    /// The screen to show: `matrix`, `sdgs`, `lines` or `activities`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub screen: Option<String>,
    /// The caption shown on screen during the step.
    pub caption: String,
    /// Presenter notes, never shown on screen; may span lines.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// Keys this version does not know, kept for round trips.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl RawTour {
    /// An empty tour with `title`, for a recording that starts a new file.
    pub fn new(title: impl Into<String>) -> Self {
        RawTour {
            format: TOUR_FORMAT.to_string(),
            version: TOUR_VERSION,
            title: title.into(),
            snapshot: None,
            steps: Vec::new(),
            extra: BTreeMap::new(),
        }
    }
}

impl RawStep {
    /// A step recorded from the app: the view in canonical form, and its
    /// focus as a separate key (taken out of the view's `focus:` when
    /// `focus` is `None`), so the file reads the same however it was made.
    pub fn record(
        view: &View,
        focus: Option<String>,
        screen: Option<super::Screen>,
        caption: impl Into<String>,
    ) -> Self {
        let mut view = view.clone();
        let focus = focus.or_else(|| view.focus.take());
        view.focus = None;
        RawStep {
            view: view.to_string(),
            focus,
            screen: screen.map(|s| s.name().to_string()),
            caption: caption.into(),
            notes: String::new(),
            extra: BTreeMap::new(),
        }
    }
}
