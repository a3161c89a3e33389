//! Which records a view lets through.
//!
//! A [`Selection`] is the result of applying filters (the view language) to
//! a snapshot: one membership flag per record of each kind. Every screen
//! draws from a selection — the matrix recounts over it, lists narrow to
//! it — so filtering is computed once per change of view, never per frame.
//!
//! Besides the records the whole view lets through, a selection keeps the
//! *frame*: the goals, targets and lines its facets alone let through, free
//! text aside. The Matrix draws its rows and columns from the frame and
//! fills the cells with the selected links and activities, so free text
//! narrows what the cells count without hiding a row whose own name does
//! not contain the words (which would hide the links the text did find).
//! Indicators have a frame too: the Matrix's `indicators` metric counts the
//! indicators its facets let through under a cell's targets, whatever the
//! text. The selection also carries the view's `with:cross-cutting` switch,
//! which only the Matrix reads.

use crate::snapshot::{ActivityId, CountryId, IndicatorId, LineId, LinkId, Snapshot, TargetId};

/// Membership flags for every record of a snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    sdgs: [bool; 18],
    targets: Vec<bool>,
    lines: Vec<bool>,
    links: Vec<bool>,
    activities: Vec<bool>,
    indicators: Vec<bool>,
    countries: Vec<bool>,
    frame_sdgs: [bool; 18],
    frame_targets: Vec<bool>,
    frame_lines: Vec<bool>,
    frame_indicators: Vec<bool>,
    cross_cutting: bool,
}

impl Selection {
    /// Everything selected: the unfiltered view.
    pub fn all(s: &Snapshot) -> Self {
        let mut sdgs = [false; 18];
        for g in s.sdgs() {
            sdgs[g.number as usize] = true;
        }
        Selection {
            sdgs,
            targets: vec![true; s.targets().len()],
            lines: vec![true; s.action_lines().len()],
            links: vec![true; s.links().len()],
            activities: vec![true; s.activities().len()],
            indicators: vec![true; s.indicators().len()],
            countries: vec![true; s.countries().len()],
            frame_sdgs: sdgs,
            frame_targets: vec![true; s.targets().len()],
            frame_lines: vec![true; s.action_lines().len()],
            frame_indicators: vec![true; s.indicators().len()],
            cross_cutting: false,
        }
    }

    /// Whether goal `n` is selected.
    pub fn sdg(&self, n: u8) -> bool {
        self.sdgs.get(n as usize).copied().unwrap_or(false)
    }
    /// Whether target `t` is selected.
    pub fn target(&self, t: TargetId) -> bool {
        self.targets.get(t.ix()).copied().unwrap_or(false)
    }
    /// Whether line `l` is selected.
    pub fn line(&self, l: LineId) -> bool {
        self.lines.get(l.ix()).copied().unwrap_or(false)
    }
    /// Whether link `k` is selected.
    pub fn link(&self, k: LinkId) -> bool {
        self.links.get(k.ix()).copied().unwrap_or(false)
    }
    /// Whether activity `a` is selected.
    pub fn activity(&self, a: ActivityId) -> bool {
        self.activities.get(a.ix()).copied().unwrap_or(false)
    }

    /// Whether indicator `i` is selected.
    pub fn indicator(&self, i: IndicatorId) -> bool {
        self.indicators.get(i.ix()).copied().unwrap_or(false)
    }
    /// Whether country `c` is selected.
    pub fn country(&self, c: CountryId) -> bool {
        self.countries.get(c.ix()).copied().unwrap_or(false)
    }

    /// Whether goal `n` is in the frame (passes the facets, text aside).
    pub fn frame_sdg(&self, n: u8) -> bool {
        self.frame_sdgs.get(n as usize).copied().unwrap_or(false)
    }
    /// Whether target `t` is in the frame (passes the facets, text aside).
    pub fn frame_target(&self, t: TargetId) -> bool {
        self.frame_targets.get(t.ix()).copied().unwrap_or(false)
    }
    /// Whether line `l` is in the frame (passes the facets, text aside).
    pub fn frame_line(&self, l: LineId) -> bool {
        self.frame_lines.get(l.ix()).copied().unwrap_or(false)
    }
    /// Whether indicator `i` is in the frame (passes the facets, text aside).
    pub fn frame_indicator(&self, i: IndicatorId) -> bool {
        self.frame_indicators.get(i.ix()).copied().unwrap_or(false)
    }
    /// Whether Matrix cells count cross-cutting activities (`with:cross-cutting`).
    pub fn cross_cutting(&self) -> bool {
        self.cross_cutting
    }

    /// Sets goal `n`, in the selection and the frame.
    pub fn set_sdg(&mut self, n: u8, on: bool) {
        self.set_sdg_split(n, on, on);
    }
    /// Sets target `t`, in the selection and the frame.
    pub fn set_target(&mut self, t: TargetId, on: bool) {
        self.set_target_split(t, on, on);
    }
    /// Sets line `l`, in the selection and the frame.
    pub fn set_line(&mut self, l: LineId, on: bool) {
        self.set_line_split(l, on, on);
    }
    /// Sets goal `n` in the selection (`on`) and in the frame (`frame`).
    pub fn set_sdg_split(&mut self, n: u8, on: bool, frame: bool) {
        if let Some(x) = self.sdgs.get_mut(n as usize) {
            *x = on;
        }
        if let Some(x) = self.frame_sdgs.get_mut(n as usize) {
            *x = frame;
        }
    }
    /// Sets target `t` in the selection (`on`) and in the frame (`frame`).
    pub fn set_target_split(&mut self, t: TargetId, on: bool, frame: bool) {
        if let Some(x) = self.targets.get_mut(t.ix()) {
            *x = on;
        }
        if let Some(x) = self.frame_targets.get_mut(t.ix()) {
            *x = frame;
        }
    }
    /// Sets line `l` in the selection (`on`) and in the frame (`frame`).
    pub fn set_line_split(&mut self, l: LineId, on: bool, frame: bool) {
        if let Some(x) = self.lines.get_mut(l.ix()) {
            *x = on;
        }
        if let Some(x) = self.frame_lines.get_mut(l.ix()) {
            *x = frame;
        }
    }
    /// Sets whether Matrix cells count cross-cutting activities.
    pub fn set_cross_cutting(&mut self, on: bool) {
        self.cross_cutting = on;
    }
    /// Sets link `k`.
    pub fn set_link(&mut self, k: LinkId, on: bool) {
        if let Some(x) = self.links.get_mut(k.ix()) {
            *x = on;
        }
    }
    /// Sets activity `a`.
    pub fn set_activity(&mut self, a: ActivityId, on: bool) {
        if let Some(x) = self.activities.get_mut(a.ix()) {
            *x = on;
        }
    }

    /// Sets indicator `i`, in the selection and the frame.
    pub fn set_indicator(&mut self, i: IndicatorId, on: bool) {
        self.set_indicator_split(i, on, on);
    }
    /// Sets indicator `i` in the selection (`on`) and in the frame (`frame`).
    pub fn set_indicator_split(&mut self, i: IndicatorId, on: bool, frame: bool) {
        if let Some(x) = self.indicators.get_mut(i.ix()) {
            *x = on;
        }
        if let Some(x) = self.frame_indicators.get_mut(i.ix()) {
            *x = frame;
        }
    }
    /// Sets country `c`.
    pub fn set_country(&mut self, c: CountryId, on: bool) {
        if let Some(x) = self.countries.get_mut(c.ix()) {
            *x = on;
        }
    }

    /// Number of selected activities.
    pub fn activity_count(&self) -> usize {
        self.activities.iter().filter(|&&b| b).count()
    }
    /// Number of selected links.
    pub fn link_count(&self) -> usize {
        self.links.iter().filter(|&&b| b).count()
    }
}
