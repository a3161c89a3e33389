//! Which records a view lets through.
//!
//! A [`Selection`] is the result of applying filters (the view language) to
//! a snapshot: one membership flag per record of each kind. Every screen
//! draws from a selection — the matrix recounts over it, lists narrow to
//! it — so filtering is computed once per change of view, never per frame.

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

    /// Sets goal `n`.
    pub fn set_sdg(&mut self, n: u8, on: bool) {
        if let Some(x) = self.sdgs.get_mut(n as usize) {
            *x = on;
        }
    }
    /// Sets target `t`.
    pub fn set_target(&mut self, t: TargetId, on: bool) {
        if let Some(x) = self.targets.get_mut(t.ix()) {
            *x = on;
        }
    }
    /// Sets line `l`.
    pub fn set_line(&mut self, l: LineId, on: bool) {
        if let Some(x) = self.lines.get_mut(l.ix()) {
            *x = on;
        }
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

    /// Sets indicator `i`.
    pub fn set_indicator(&mut self, i: IndicatorId, on: bool) {
        if let Some(x) = self.indicators.get_mut(i.ix()) {
            *x = on;
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
