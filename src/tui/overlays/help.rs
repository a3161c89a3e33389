//! The `?` help: the keys that work where it was opened, grouped by
//! context with the most specific first, the help's own keys, and a
//! summary of the view language.
//!
//! Everything is generated — the keys from the keymap, the facets from the
//! view language's own list — so the help cannot drift from what the keys
//! and views do. It scrolls like a card and says what it hides.

use super::scroll::{CLOSES, Scroll};

use ratatui::Frame;
use ratatui::layout::Rect;

use crate::tui::action::Action;
use crate::tui::component::Component;
use crate::tui::ctx::Ctx;
use crate::tui::effect::Effect;
use crate::tui::keymap::{Context, KEYMAP, Key, key_name};
use crate::tui::theme::Theme;
use crate::tui::ui::card::Row;
use crate::view::{Key as Facet, example};

/// The help overlay.
#[derive(Debug, Clone)]
pub struct Help {
    /// The contexts of what is under the help, most specific first.
    pub under: Vec<Context>,
    /// How far it is scrolled.
    pub scroll: Scroll,
}

impl Help {
    /// The help for what has the contexts `under` (most specific first).
    pub fn new(under: Vec<Context>) -> Help {
        Help {
            under,
            scroll: Scroll::default(),
        }
    }

    /// The help's rows: one group per context of what is under it (a key
    /// listed once, under the context where it means what it does), the
    /// help's own keys, then the view language. Descriptions wrap under
    /// their column.
    pub fn rows(&self, t: &Theme) -> Vec<Row> {
        let mut out = Vec::new();
        let mut seen: Vec<Key> = Vec::new();
        let mut groups: Vec<(Context, Vec<(String, &'static str)>)> = Vec::new();
        for &c in &self.under {
            let mut group = Vec::new();
            for b in KEYMAP.iter().filter(|b| b.contexts.contains(&c)) {
                let free: Vec<Key> = b
                    .keys
                    .iter()
                    .copied()
                    .filter(|k| !seen.contains(k))
                    .collect();
                if free.is_empty() {
                    continue;
                }
                // a key a more specific context takes is not listed again here
                let label = if free.len() == b.keys.len() {
                    b.label.to_string()
                } else {
                    let mut names: Vec<String> = free.iter().map(key_name).collect();
                    names.dedup();
                    names.join(" ")
                };
                seen.extend(free);
                group.push((label, b.desc));
            }
            if !group.is_empty() {
                groups.push((c, group));
            }
        }
        let own = KEYMAP
            .iter()
            .filter(|b| b.contexts.contains(&Context::Help))
            .map(|b| (b.label.to_string(), b.desc))
            .collect();
        groups.push((Context::Help, own));
        for (c, group) in groups {
            out.push(Row::text(c.title(), t.title));
            for (label, desc) in group {
                out.push(Row::field(&format!("  {label}"), t.accent, desc, t.base));
            }
            out.push(Row::Blank);
        }
        out.push(Row::text(
            "The view language (f, : open VIEW, --view, bookmarks)",
            t.title,
        ));
        let rows: [(&str, &str); 8] = [
            (
                "sdg:4,9",
                "a facet: its values OR-ed, different facets AND-ed",
            ),
            ("-status:disputed", "leave out what has the value"),
            (
                "digital health",
                "free text, fzf syntax: 'exact ^prefix end$ !not a | b",
            ),
            ("lead:\"World Bank\"", "quotes keep words together"),
            (
                "show:activities",
                "the screen: activities, sdgs, targets, rows, links, indicators or countries",
            ),
            ("focus:9.c", "drilled into that record"),
            ("at:9.c", "the cursor on that record"),
            (
                "~sdg:9",
                "a filter switched off: kept in the view, not applied",
            ),
        ];
        for (ex, what) in rows {
            out.push(Row::field(ex, t.accent, what, t.base));
        }
        let facets: Vec<&str> = Facet::ALL.iter().map(|&k| example(k)).collect();
        out.push(Row::field(
            "every facet",
            t.accent,
            facets.join("  "),
            t.dim,
        ));
        out.push(Row::Blank);
        out.push(Row::text(
            "Mouse: click selects, double-click opens, wheel scrolls.",
            t.dim,
        ));
        out
    }
}

impl Component for Help {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Help]
    }

    fn update(&mut self, _ctx: &Ctx, action: Action) -> Vec<Effect> {
        self.scroll.update(action, CLOSES)
    }

    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let t = &ctx.theme;
        let mut rows = vec![Row::text("Keys that work here", t.title), Row::Blank];
        rows.extend(self.rows(t));
        let shown = super::scroll::draw_box(
            frame,
            area,
            ctx,
            &rows,
            (90.min(area.width.saturating_sub(4)), self.scroll.at),
            (" help — Esc to close, j/k to scroll ".to_string(), t.accent),
        );
        self.scroll.drawn(&shown, shown.height);
    }
}
