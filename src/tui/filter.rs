//! The `f` filter bar: the current view string, editable, with live counts,
//! inline parse errors, the active filters as chips, and a facet panel.
//!
//! Every edit re-parses the text; a valid view is applied at once, so the
//! matrix recounts and the lists narrow while typing, and `Esc` restores
//! the view the bar was opened on. Chips can be switched off without being
//! deleted: a switched-off chip leaves the view but stays listed.

use super::input::LineEdit;
use super::state::State;
use crate::view::chips::{merge, split};
use crate::view::facets::{self, FacetValue, PANEL};
use crate::view::{View, ViewError, apply_with, parse};

/// One active filter, on or off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chip {
    /// The filter as a one-facet (or one-term) view.
    pub view: View,
    /// Whether it applies.
    pub on: bool,
}

/// Which part of the bar has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FilterFocus {
    /// The text.
    #[default]
    Input,
    /// The chips.
    Chips,
    /// The facet panel.
    Facets,
}

/// The filter bar's state.
#[derive(Debug, Clone, Default)]
pub struct FilterOverlay {
    /// The view text (enabled filters).
    pub input: LineEdit,
    /// Focused part.
    pub focus: FilterFocus,
    /// Why the text does not parse, if it does not.
    pub error: Option<ViewError>,
    /// Cursor over the chips.
    pub chip_cursor: usize,
    /// Facet shown in the panel (index into [`PANEL`]).
    pub facet: usize,
    /// Cursor over the facet's values.
    pub value_cursor: usize,
    /// The facet's values with live counts.
    pub values: Vec<FacetValue>,
    /// Chips when the bar opened, restored by `Esc`.
    pub before: Vec<Chip>,
}

/// The view made of the chips that are on.
pub fn effective(chips: &[Chip]) -> View {
    merge(chips.iter().filter(|c| c.on).map(|c| &c.view))
}

/// Opens the bar on the current chips.
pub fn open(st: &State) -> FilterOverlay {
    let mut f = FilterOverlay {
        input: LineEdit::new(&effective(&st.chips).to_string()),
        before: st.chips.clone(),
        ..FilterOverlay::default()
    };
    f.values = facets::values(&st.snap, &effective(&st.chips), PANEL[0]);
    f
}

/// Re-reads the text after an edit: on success the chips become its parts
/// (switched-off chips are kept) and the view is applied.
pub fn reparse(st: &mut State, f: &mut FilterOverlay) {
    match parse(f.input.text()) {
        Ok(v) => {
            f.error = None;
            let mut chips: Vec<Chip> = split(&v)
                .into_iter()
                .map(|view| Chip { view, on: true })
                .collect();
            for off in st.chips.iter().filter(|c| !c.on) {
                if !chips.iter().any(|c| c.view == off.view) {
                    chips.push(off.clone());
                }
            }
            set_chips(st, chips);
            refresh_values(st, f);
        }
        Err(e) => f.error = Some(e),
    }
}

/// Replaces the chips and applies the view they make.
pub fn set_chips(st: &mut State, chips: Vec<Chip>) {
    st.chips = chips;
    let view = effective(&st.chips);
    let sel = apply_with(&st.snap, &view, &st.corpus);
    st.set_selection(sel);
}

/// Recomputes the facet panel's values under the current view.
pub fn refresh_values(st: &State, f: &mut FilterOverlay) {
    let key = PANEL[f.facet.min(PANEL.len() - 1)];
    f.values = facets::values(&st.snap, &effective(&st.chips), key);
    f.value_cursor = f.value_cursor.min(f.values.len().saturating_sub(1));
}

/// Toggles the value under the panel cursor.
pub fn toggle_value(st: &mut State, f: &mut FilterOverlay) {
    let Some(v) = f.values.get(f.value_cursor) else {
        return;
    };
    let key = PANEL[f.facet.min(PANEL.len() - 1)];
    let view = facets::toggle(&effective(&st.chips), key, &v.value);
    f.input = LineEdit::new(&view.to_string());
    reparse(st, f);
}

/// Switches the chip under the cursor on or off.
pub fn toggle_chip(st: &mut State, f: &mut FilterOverlay) {
    let mut chips = st.chips.clone();
    if let Some(c) = chips.get_mut(f.chip_cursor) {
        c.on = !c.on;
        set_chips(st, chips);
        f.input = LineEdit::new(&effective(&st.chips).to_string());
        f.error = None;
        refresh_values(st, f);
    }
}

/// Deletes the chip under the cursor.
pub fn delete_chip(st: &mut State, f: &mut FilterOverlay) {
    if f.chip_cursor < st.chips.len() {
        let mut chips = st.chips.clone();
        chips.remove(f.chip_cursor);
        set_chips(st, chips);
        f.chip_cursor = f.chip_cursor.min(st.chips.len().saturating_sub(1));
        f.input = LineEdit::new(&effective(&st.chips).to_string());
        f.error = None;
        refresh_values(st, f);
    }
}
