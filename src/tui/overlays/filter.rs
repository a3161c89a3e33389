//! The `f` filter bar: the current view string, editable, with live counts,
//! inline errors, the active filters as chips, and a facet panel.
//!
//! Every edit re-parses the text and proposes the chips it makes; the app
//! applies them at once, so the matrix recounts and the lists narrow while
//! typing, and `Esc` restores the chips the bar was opened on. While the
//! text does not parse, the error is shown under it, as the command line
//! prints it, and the view keeps what the text says apart from the words
//! that fail — a half-typed `sgd:` never becomes a filter of its own.
//! Chips can be switched off without being deleted.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::facet_panel;
use crate::tui::action::Action;
use crate::tui::component::Component;
use crate::tui::ctx::Ctx;
use crate::tui::effect::Effect;
use crate::tui::filters::{Chip, chips_of, effective};
use crate::tui::input::LineEdit;
use crate::tui::keymap::{self, Context};
use crate::tui::text::clip;
use crate::tui::ui::chrome::chips_line;
use crate::tui::ui::popup::prompt_line;
use crate::view::facets::{self, FacetValue, PANEL};
use crate::view::{View, ViewError, parse};

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
pub struct FilterBar {
    /// The view text (the filters that are on).
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

/// How many failing words are dropped, at most, to find what still parses.
const DROP_MAX: usize = 8;

/// The view `text` makes without the words that fail to parse, starting
/// with the one `err` points at; `None` when dropping does not help.
fn valid_part(text: &str, err: &ViewError) -> Option<View> {
    let mut t = text.to_string();
    let mut at = err.span.start;
    for _ in 0..DROP_MAX {
        let at_b = at.min(t.len());
        let start = t[..at_b]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let end = t[at_b..]
            .find(char::is_whitespace)
            .map_or(t.len(), |i| at_b + i);
        t.replace_range(start..end, "");
        match parse(&t) {
            Ok(v) => return Some(v),
            Err(e) => at = e.span.start,
        }
    }
    None
}

impl FilterBar {
    /// Opens the bar on the current chips.
    pub fn open(ctx: &Ctx) -> FilterBar {
        let view = ctx.filters.effective();
        FilterBar {
            input: LineEdit::new(&view.to_string()),
            before: ctx.filters.chips.clone(),
            values: facets::values(&ctx.snap, &view, PANEL[0]),
            ..FilterBar::default()
        }
    }

    /// Re-reads the text after an edit and proposes the chips it makes
    /// (switched-off chips are kept).
    fn reparse(&mut self, ctx: &Ctx) -> Vec<Effect> {
        let view = match parse(self.input.text()) {
            Ok(v) => {
                self.error = None;
                v
            }
            Err(e) => {
                let part = valid_part(self.input.text(), &e);
                self.error = Some(e);
                match part {
                    Some(v) => v,
                    None => return Vec::new(),
                }
            }
        };
        let mut chips = chips_of(&view);
        for off in ctx.filters.chips.iter().filter(|c| !c.on) {
            if !chips.iter().any(|c| c.view == off.view) {
                chips.push(off.clone());
            }
        }
        self.set(ctx, chips)
    }

    /// Proposes `chips`, refreshing the panel's counts for them.
    fn set(&mut self, ctx: &Ctx, chips: Vec<Chip>) -> Vec<Effect> {
        self.refresh_values(ctx, &effective(&chips));
        vec![Effect::SetChips(chips)]
    }

    /// Recomputes the facet panel's values under `view`.
    fn refresh_values(&mut self, ctx: &Ctx, view: &View) {
        let key = PANEL[self.facet.min(PANEL.len() - 1)];
        self.values = facets::values(&ctx.snap, view, key);
        self.value_cursor = self.value_cursor.min(self.values.len().saturating_sub(1));
    }

    /// Replaces the chips from the chips part (the text follows them).
    fn edit_chips(&mut self, ctx: &Ctx, chips: Vec<Chip>) -> Vec<Effect> {
        self.input = LineEdit::new(&effective(&chips).to_string());
        self.error = None;
        self.chip_cursor = self.chip_cursor.min(chips.len().saturating_sub(1));
        self.set(ctx, chips)
    }

    fn cycle(&mut self, dir: i32) {
        let all = [FilterFocus::Input, FilterFocus::Chips, FilterFocus::Facets];
        let i = all.iter().position(|&x| x == self.focus).unwrap_or(0) as i32;
        self.focus = all[(i + dir).rem_euclid(3) as usize];
    }
}

impl Component for FilterBar {
    fn contexts(&self) -> Vec<Context> {
        match self.focus {
            FilterFocus::Input => vec![Context::Filter, Context::Input],
            _ => vec![Context::FilterPanel, Context::Filter],
        }
    }

    fn update(&mut self, ctx: &Ctx, action: Action) -> Vec<Effect> {
        let chips = &ctx.filters.chips;
        match (action, self.focus) {
            (Action::Cancel, _) => {
                return vec![Effect::SetChips(self.before.clone()), Effect::Close];
            }
            (Action::Accept, _) => {
                return match &self.error {
                    Some(e) => vec![Effect::Status(format!(
                        "the view does not parse: {}",
                        e.message
                    ))],
                    None => vec![Effect::Close],
                };
            }
            (Action::FocusNext, _) => self.cycle(1),
            (Action::FocusPrev, _) => self.cycle(-1),
            (Action::Up, FilterFocus::Facets) => {
                self.value_cursor = self.value_cursor.saturating_sub(1)
            }
            (Action::Down, FilterFocus::Facets) => {
                self.value_cursor = (self.value_cursor + 1).min(self.values.len().saturating_sub(1))
            }
            (Action::Left | Action::Up, FilterFocus::Chips) => {
                self.chip_cursor = self.chip_cursor.saturating_sub(1)
            }
            (Action::Right | Action::Down, FilterFocus::Chips) => {
                self.chip_cursor = (self.chip_cursor + 1).min(chips.len().saturating_sub(1))
            }
            (Action::Left | Action::Right, FilterFocus::Facets) => {
                let n = PANEL.len();
                self.facet = if action == Action::Right {
                    (self.facet + 1) % n
                } else {
                    (self.facet + n - 1) % n
                };
                self.value_cursor = 0;
                self.refresh_values(ctx, &ctx.filters.effective());
            }
            (Action::ToggleValue, FilterFocus::Facets) => {
                if let Some(v) = self.values.get(self.value_cursor) {
                    let key = PANEL[self.facet.min(PANEL.len() - 1)];
                    let view = facets::toggle(&ctx.filters.effective(), key, &v.value);
                    self.input = LineEdit::new(&view.to_string());
                    return self.reparse(ctx);
                }
            }
            (Action::ToggleValue, FilterFocus::Chips) => {
                let mut chips = chips.clone();
                if let Some(c) = chips.get_mut(self.chip_cursor) {
                    c.on = !c.on;
                    return self.edit_chips(ctx, chips);
                }
            }
            (Action::DeleteChip, FilterFocus::Chips) if self.chip_cursor < chips.len() => {
                let mut chips = chips.clone();
                chips.remove(self.chip_cursor);
                return self.edit_chips(ctx, chips);
            }
            (a, FilterFocus::Input) if self.input.edit(a) => return self.reparse(ctx),
            _ => {}
        }
        Vec::new()
    }

    /// The bar: text with count or error, chips, and the facet panel.
    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let t = &ctx.theme;
        let h = height(area);
        let r = Rect {
            y: area.bottom() - h,
            height: h,
            ..area
        };
        frame.render_widget(Clear, r);
        // the title says what the hint bar says: both come from the keymap
        let keys: Vec<String> =
            keymap::hints(&[Context::Filter, Context::FilterPanel, Context::Input])
                .into_iter()
                .map(|(k, h)| format!("{k} {h}"))
                .collect();
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(t.border_focus)
            .style(t.base)
            .title(Span::styled(
                clip(
                    &format!(" filter — {} ", keys.join(" · ")),
                    r.width.saturating_sub(2) as usize,
                ),
                t.accent,
            ));
        let inner = block.inner(r);
        frame.render_widget(block, r);
        let [line, info, chips, panel] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(inner);
        let prompt = if self.focus == FilterFocus::Input {
            prompt_line(ctx, line, "f ", &self.input, t.title)
        } else {
            Line::from(vec![
                Span::styled("f ", t.dim),
                Span::styled(self.input.text().to_string(), t.base),
            ])
        };
        frame.render_widget(Paragraph::new(prompt), line);
        let info_text: Vec<Line> = match &self.error {
            // the carets under the text, then the message, as the CLI prints it
            Some(e) => e
                .render(self.input.text())
                .lines()
                .skip(1)
                .map(|l| Line::styled(format!("  {l}"), t.warn))
                .collect(),
            None => {
                let sel = ctx.sel();
                let targets = (0..ctx.snap.targets().len() as u32)
                    .filter(|&i| sel.target(crate::snapshot::TargetId(i)))
                    .count();
                vec![Line::styled(
                    format!(
                        "  {} · {} · {} match",
                        plural(sel.activity_count(), "activity", "activities"),
                        plural(sel.link_count(), "link", "links"),
                        plural(targets, "target", "targets")
                    ),
                    t.dim,
                )]
            }
        };
        frame.render_widget(Paragraph::new(info_text), info);
        frame.render_widget(
            Paragraph::new(chips_line(
                ctx,
                self.focus == FilterFocus::Chips,
                self.chip_cursor,
            )),
            chips,
        );
        if panel.height >= 2 {
            let focused = self.focus == FilterFocus::Facets;
            let cursor = (self.facet, self.value_cursor);
            facet_panel::draw(frame, panel, ctx, &self.values, cursor, focused);
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How many rows of `area` (the main area) the filter bar takes, docked at
/// its bottom: up to 16, at least 8 where there are 8.
pub fn height(area: Rect) -> u16 {
    area.height.min(16).max(area.height.min(8))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_valid_part_leaves_out_the_failing_words() {
        let text = "sdg:4 sgd:3 health";
        let err = parse(text).unwrap_err();
        assert_eq!(
            valid_part(text, &err).map(|v| v.to_string()),
            Some("sdg:4 health".into())
        );
        let err = parse("sgd:").unwrap_err();
        assert_eq!(valid_part("sgd:", &err), Some(View::default()));
        let text = "sdg:99 al: lead:\"World";
        let err = parse(text).unwrap_err();
        assert_eq!(valid_part(text, &err), Some(View::default()));
    }
}
