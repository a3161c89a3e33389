//! `R`: reloading the snapshot from disk, keeping the current view.
//!
//! The snapshot is replaced only when the new file validates; when it does
//! not, the old data stays on screen and every problem is listed. The view
//! survives because it is kept as stable keys — chips are view strings,
//! the drill-down trail and the tour's foci are re-resolved by key — never
//! positions.

use std::path::Path;

use super::App;
use crate::entity::EntityRef;
use crate::snapshot::Snapshot;
use crate::tui::effect::{Effect, Open};

fn clean(s: &str) -> String {
    crate::sanitize::sanitize(s, crate::sanitize::Lines::Single).into_owned()
}

impl App {
    /// Replaces the snapshot, keeping the screen, filters, drill-down trail
    /// (by key; records that no longer exist are dropped and returned) and
    /// each screen's settings.
    pub fn replace_snapshot(&mut self, snap: Snapshot) -> Vec<String> {
        let old = &self.ctx.snap;
        let trail: Vec<String> = self.drill.entities().iter().map(|e| e.key(old)).collect();
        // tour steps point at records too: keep them by key across the swap
        let tour_keys: Vec<Option<String>> =
            self.presenter.tour.as_ref().map_or_else(Vec::new, |t| {
                t.tour
                    .steps
                    .iter()
                    .map(|s| s.focus.map(|e| e.key(old)))
                    .collect()
            });
        self.ctx.snap = snap;
        let s = &self.ctx.snap;
        if let Some(t) = &mut self.presenter.tour {
            for (step, key) in t.tour.steps.iter_mut().zip(tour_keys) {
                step.focus = key.and_then(|k| EntityRef::resolve(s, &k));
            }
        }
        if let Some(c) = &mut self.ctx.compare {
            c.rediff(s);
        }
        let mut lost = Vec::new();
        let trail: Vec<EntityRef> = trail
            .into_iter()
            .filter_map(|k| {
                let e = EntityRef::resolve(s, &k);
                if e.is_none() {
                    lost.push(k);
                }
                e
            })
            .collect();
        self.ctx.filters.rebuild(&self.ctx.snap);
        self.screens.refresh(&self.ctx);
        self.drill.set(trail);
        let here = self.location();
        self.ctx.history.reset(here);
        lost
    }

    /// Reloads from `path`: on success the snapshot is replaced and the
    /// status says what changed; on failure nothing changes and the
    /// problems are shown. Returns whether the snapshot was replaced.
    pub fn reload(&mut self, path: &Path) -> bool {
        match crate::diff::reload(path, &self.ctx.snap) {
            Ok(r) => {
                let changes = r.diff.change_count();
                // snapshot-wide fields (title, date, notes) count too, by name
                let meta: Vec<&str> = r.diff.meta.iter().map(|f| f.field).collect();
                let meta = if meta.is_empty() {
                    String::new()
                } else {
                    format!(", {} changed", meta.join(", "))
                };
                let lost = self.replace_snapshot(r.snapshot);
                let mut msg = if r.diff.is_empty() {
                    format!("reloaded {}: no changes", path.display())
                } else {
                    let cells = r.diff.cells().len();
                    format!(
                        "reloaded {}: {changes} change{}{meta} ({cells} Matrix cell{})",
                        path.display(),
                        if changes == 1 { "" } else { "s" },
                        if cells == 1 { "" } else { "s" },
                    )
                };
                if !lost.is_empty() {
                    msg.push_str(&format!(
                        " — no longer in the snapshot: {}",
                        lost.join(", ")
                    ));
                }
                self.ctx.status = Some(clean(&msg));
                true
            }
            Err(e) => {
                let mut lines: Vec<String> = vec![
                    "The file did not load; the data on screen is unchanged.".into(),
                    String::new(),
                ];
                lines.extend(e.to_string().lines().map(clean));
                self.apply(vec![
                    Effect::Open(Open::Message {
                        title: "reload failed".into(),
                        lines,
                    }),
                    Effect::Status(format!(
                        "reload failed: {} problem(s) — the old data stays",
                        e.problems().len()
                    )),
                ]);
                false
            }
        }
    }
}
