//! The `:` command palette: fuzzy search over every action in the keymap,
//! each shown with its key, plus `open VIEW` to open a view string.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::action::Action;
use super::input::LineEdit;
use super::keymap::{Binding, Context, KEYMAP};

/// The palette's state.
#[derive(Debug, Clone, Default)]
pub struct PaletteOverlay {
    /// What is typed.
    pub input: LineEdit,
    /// Cursor over the matching commands.
    pub cursor: usize,
}

/// What `Enter` in the palette does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Run a keymap action.
    Run(Action),
    /// Open a view string.
    Open(String),
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

/// The commands matching the typed text, best first (table order on ties).
pub fn matches(text: &str) -> Vec<Command> {
    let text = text.trim();
    if let Some(view) = text
        .strip_prefix("open ")
        .or_else(|| text.strip_prefix("open:"))
    {
        return vec![Command::Open(view.trim().to_string())];
    }
    let m = SkimMatcherV2::default().ignore_case();
    let mut scored: Vec<(i64, usize, Action)> = commands()
        .enumerate()
        .filter_map(|(i, b)| {
            if text.is_empty() {
                return Some((0, i, b.action));
            }
            m.fuzzy_match(&format!("{} {}", b.desc, b.label), text)
                .map(|s| (s, i, b.action))
        })
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut out: Vec<Command> = scored
        .into_iter()
        .map(|(_, _, a)| Command::Run(a))
        .collect();
    if "open".starts_with(text) && !text.is_empty() {
        out.push(Command::Open(String::new()));
    }
    out
}

/// The binding of an action, for showing its key and description.
pub fn binding(a: Action) -> Option<&'static Binding> {
    commands().find(|b| b.action == a)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::state::Screen;

    #[test]
    fn fuzzy_over_descriptions() {
        assert_eq!(
            matches("zoom").first(),
            Some(&Command::Run(Action::ToggleZoom))
        );
        assert_eq!(
            matches("activities scr").first(),
            Some(&Command::Run(Action::Show(Screen::Activities)))
        );
        assert_eq!(matches("open sdg:9"), [Command::Open("sdg:9".into())]);
        assert!(matches("").len() > 20);
    }
}
