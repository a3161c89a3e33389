//! The `:` command palette: every action in the keymap by name, each
//! shown with its key, plus `open VIEW` to open a view string and
//! `suggest TEXT` to see what sdgmap suggests for a text (`suggest` alone:
//! the text last typed in the finder).
//!
//! Matching ranks what a reader means first: commands where every typed
//! word starts a word of the description (`clear` → "clear all filters"),
//! then those containing the words, and only then loose fuzzy matches
//! (`export` is never beaten by "expand into targets").

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

use crate::tui::action::Action;
use crate::tui::component::Component;
use crate::tui::ctx::Ctx;
use crate::tui::effect::Effect;
use crate::tui::input::LineEdit;
use crate::tui::keymap::{Binding, Context, KEYMAP};
use crate::tui::text::clip;
use crate::tui::ui::popup::{centered_pct, frame_box, prompt_line};

/// The palette's state.
#[derive(Debug, Clone, Default)]
pub struct Palette {
    /// What is typed.
    pub input: LineEdit,
    /// Cursor over the matching commands.
    pub cursor: usize,
}

/// What `Enter` in the palette does.
#[derive(Debug, Clone)]
pub enum Command {
    /// Run a keymap binding's action (the binding itself, so the palette
    /// shows the key and words of the binding that matched).
    Run(&'static Binding),
    /// Open a view string.
    Open(String),
    /// Suggest SDGs, targets and Action Lines for a text (empty: the last
    /// finder text).
    Suggest(String),
}

/// The bindings the palette offers (everything a user can invoke by name).
pub fn commands() -> impl Iterator<Item = &'static Binding> {
    KEYMAP.iter().filter(|b| {
        b.contexts.iter().any(|c| {
            matches!(
                c,
                Context::Global
                    | Context::Matrix
                    | Context::Tree
                    | Context::Table
                    | Context::Panes
                    | Context::Drill
                    | Context::Tour
            )
        }) && !matches!(b.action, Action::ForceQuit)
    })
}

/// How well `text` names a command described by `desc`: 0 when every
/// typed word starts a word of it, 1 when every typed word is in it, 2 for
/// a fuzzy match only; `None` when it does not match at all.
fn tier(m: &SkimMatcherV2, desc: &str, text: &str) -> Option<(u8, i64)> {
    let hay = desc.to_lowercase();
    let score = m.fuzzy_match(&hay, text).unwrap_or(0);
    let words: Vec<&str> = hay
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let typed: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
    if typed
        .iter()
        .all(|t| words.iter().any(|w| w.starts_with(t.as_str())))
    {
        return Some((0, score));
    }
    if typed.iter().all(|t| hay.contains(t.as_str())) {
        return Some((1, score));
    }
    m.fuzzy_match(&hay, text).map(|s| (2, s))
}

/// The commands matching the typed text, best first: word-prefix matches,
/// then substring matches, then fuzzy ones; by score within each, table
/// order on ties.
pub fn matches(text: &str) -> Vec<Command> {
    let text = text.trim();
    if let Some(view) = text
        .strip_prefix("open ")
        .or_else(|| text.strip_prefix("open:"))
    {
        return vec![Command::Open(view.trim().to_string())];
    }
    if let Some(rest) = text.strip_prefix("suggest")
        && (rest.is_empty() || rest.starts_with(char::is_whitespace))
    {
        return vec![Command::Suggest(rest.trim().to_string())];
    }
    let m = SkimMatcherV2::default().ignore_case();
    let mut scored: Vec<((u8, i64), usize, &'static Binding)> = commands()
        .enumerate()
        .filter_map(|(i, b)| {
            if text.is_empty() {
                return Some(((0, 0), i, b));
            }
            tier(&m, &format!("{} {}", b.desc, b.label), text).map(|s| (s, i, b))
        })
        .collect();
    scored.sort_by(|a, b| {
        (a.0.0)
            .cmp(&b.0.0)
            .then(b.0.1.cmp(&a.0.1))
            .then(a.1.cmp(&b.1))
    });
    let mut out: Vec<Command> = scored
        .into_iter()
        .map(|(_, _, a)| Command::Run(a))
        .collect();
    if "open".starts_with(text) && !text.is_empty() {
        out.push(Command::Open(String::new()));
    }
    if "suggest".starts_with(text) && !text.is_empty() {
        out.push(Command::Suggest(String::new()));
    }
    out
}

impl Component for Palette {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Palette, Context::Input]
    }

    fn update(&mut self, ctx: &Ctx, action: Action) -> Vec<Effect> {
        match action {
            Action::Cancel => return vec![Effect::Close],
            Action::Accept => {
                let mut out = vec![Effect::Close];
                match matches(self.input.text()).into_iter().nth(self.cursor) {
                    Some(Command::Run(b)) => out.push(Effect::Run(b.action)),
                    Some(Command::Open(view)) => out.push(Effect::OpenView(view)),
                    Some(Command::Suggest(text)) => {
                        let last = ctx.search.as_ref().map(|s| s.text.trim());
                        let text = if text.is_empty() {
                            last.unwrap_or_default().to_string()
                        } else {
                            text
                        };
                        out.push(if text.is_empty() {
                            Effect::Status(
                                "suggest needs a text: suggest solar mini-grids for rural clinics"
                                    .into(),
                            )
                        } else {
                            Effect::Open(crate::tui::effect::Open::Suggest(text))
                        });
                    }
                    None => {}
                }
                return out;
            }
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => {
                let n = matches(self.input.text()).len();
                self.cursor = (self.cursor + 1).min(n.saturating_sub(1));
            }
            a => {
                if self.input.edit(a) {
                    self.cursor = 0;
                }
            }
        }
        Vec::new()
    }

    /// The palette: what is typed and the matching commands with their keys.
    fn draw(&self, frame: &mut Frame, area: Rect, ctx: &Ctx) {
        let t = &ctx.theme;
        let r = centered_pct(area, 60, 60);
        let inner = frame_box(
            frame,
            r,
            t,
            t.border_focus,
            Span::styled(" commands — Enter to run ", t.accent),
        );
        let [input, list] =
            Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(inner);
        frame.render_widget(
            Paragraph::new(prompt_line(ctx, input, ": ", &self.input, t.title)),
            Rect { height: 1, ..input },
        );
        let cmds = matches(self.input.text());
        let h = list.height as usize;
        let offset = (self.cursor + 1).saturating_sub(h);
        let items: Vec<ListItem> = cmds
            .iter()
            .skip(offset)
            .take(h)
            .map(|c| match c {
                Command::Run(b) => {
                    let (label, desc) = (b.label, b.desc);
                    let w = (list.width as usize).saturating_sub(label.chars().count() + 3);
                    ListItem::new(Line::from(vec![
                        Span::styled(format!("{:<w$} ", clip(desc, w)), t.base),
                        Span::styled(label.to_string(), t.accent),
                    ]))
                }
                Command::Open(v) if v.is_empty() => {
                    ListItem::new(Line::styled("open VIEW — open a view string", t.base))
                }
                Command::Open(v) => ListItem::new(Line::styled(format!("open view: {v}"), t.base)),
                Command::Suggest(v) if v.is_empty() => ListItem::new(Line::styled(
                    clip(
                        "suggest TEXT — SDGs, targets, Action Lines for a text (alone: the last finder text)",
                        list.width as usize,
                    ),
                    t.base,
                )),
                Command::Suggest(v) => ListItem::new(Line::styled(
                    clip(
                        &format!(
                            "suggest for: {}",
                            crate::sanitize::sanitize(v, crate::sanitize::Lines::Single)
                        ),
                        list.width as usize,
                    ),
                    t.suggested,
                )),
            })
            .collect();
        let mut state =
            ListState::default().with_selected((!cmds.is_empty()).then_some(self.cursor - offset));
        frame.render_stateful_widget(
            List::new(items)
                .highlight_style(t.selected)
                .highlight_symbol("▌"),
            list,
            &mut state,
        );
        // the commands that do not fit are counted on the box's border
        let shown = cmds.len().saturating_sub(offset).min(h);
        crate::tui::ui::list::scroll_marks(frame, r, ctx, offset, shown, cmds.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tour::Screen;

    #[test]
    fn fuzzy_over_descriptions() {
        let first = |text: &str| match matches(text).into_iter().next() {
            Some(Command::Run(b)) => Some(b.action),
            _ => None,
        };
        assert_eq!(first("zoom"), Some(Action::ToggleZoom));
        assert_eq!(
            first("activities scr"),
            Some(Action::Show(Screen::Activities))
        );
        assert!(matches!(&matches("open sdg:9")[..], [Command::Open(v)] if v == "sdg:9"));
        assert!(
            matches!(&matches("suggest solar grids ")[..], [Command::Suggest(v)] if v == "solar grids")
        );
        assert!(matches!(&matches("suggest")[..], [Command::Suggest(v)] if v.is_empty()));
        assert!(
            matches("sugg")
                .iter()
                .any(|c| matches!(c, Command::Suggest(v) if v.is_empty()))
        );
        assert!(matches("").len() > 20);
    }

    #[test]
    fn whole_words_and_prefixes_rank_before_loose_matches() {
        let first = |text: &str| match matches(text).into_iter().next() {
            Some(Command::Run(b)) => Some(b.action),
            _ => None,
        };
        assert_eq!(first("export"), Some(Action::ExportView));
        assert_eq!(first("clear"), Some(Action::ClearFilters));
        assert_eq!(first("clear filters"), Some(Action::ClearFilters));
        assert_eq!(first("quit"), Some(Action::Quit));
        assert_eq!(first("metric"), Some(Action::CycleMetric));
    }

    #[test]
    fn each_match_shows_the_binding_that_matched() {
        // "collapse" is the tree's h/←, not the matrix's "previous column"
        match matches("collapse").into_iter().next() {
            Some(Command::Run(b)) => assert!(b.desc.starts_with("collapse"), "{}", b.desc),
            other => panic!("{other:?}"),
        }
    }
}
