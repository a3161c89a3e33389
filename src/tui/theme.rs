//! Colours and text styles, one struct per theme.
//!
//! Every style the UI uses comes from a [`Theme`], so a theme is the whole
//! look. The heatmap scale is viridis (readable with the common forms of
//! colour blindness); every meaning colour carries is also carried by a
//! glyph or text attribute, so the mono theme (`NO_COLOR`) loses nothing.

use ratatui::style::{Color, Modifier, Style};

use crate::matrix::key::{VIRIDIS, heat_ink};
use crate::snapshot::Rgb;

/// Which theme to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeChoice {
    /// Dark, painting its own background.
    #[default]
    Dark,
    /// Light background.
    Light,
    /// Black and white with bright accents.
    HighContrast,
    /// Presenter mode on a projector: painted black, bright and bold.
    Projector,
    /// No colour at all.
    Mono,
}

/// The styles of the explorer.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Which theme this is.
    pub choice: ThemeChoice,
    /// Base text on the painted background.
    pub base: Style,
    /// Secondary text.
    pub dim: Style,
    /// Headings and titles.
    pub title: Style,
    /// Accent (keys in hints, the active tab).
    pub accent: Style,
    /// Borders of unfocused panes.
    pub border: Style,
    /// Borders of the focused pane.
    pub border_focus: Style,
    /// The selected row of the focused list.
    pub selected: Style,
    /// The selected row of an unfocused list.
    pub selected_dim: Style,
    /// Crosshair row/column of the matrix.
    pub crosshair: Style,
    /// Header and status bars.
    pub bar: Style,
    /// Warnings and disputed marks.
    pub warn: Style,
    /// Heat levels 1–4 (0 is the base style).
    pub heat: [Style; 5],
    /// Whether goal colours are shown.
    pub goal_colors: bool,
}

impl Theme {
    /// Builds a theme.
    pub fn new(choice: ThemeChoice) -> Self {
        match choice {
            ThemeChoice::Dark => Self::colored(
                choice,
                Color::Rgb(22, 24, 31),
                Color::Rgb(220, 223, 228),
                Color::Rgb(130, 136, 150),
                Color::Rgb(97, 175, 239),
            ),
            ThemeChoice::Light => Self::colored(
                choice,
                Color::Rgb(250, 250, 246),
                Color::Rgb(30, 32, 38),
                Color::Rgb(105, 110, 120),
                Color::Rgb(0, 92, 175),
            ),
            ThemeChoice::HighContrast => {
                let mut t = Self::colored(
                    choice,
                    Color::Black,
                    Color::White,
                    Color::Gray,
                    Color::Yellow,
                );
                t.selected = Style::new()
                    .fg(Color::Black)
                    .bg(Color::Yellow)
                    .add_modifier(Modifier::BOLD);
                t.border_focus = Style::new()
                    .fg(Color::Yellow)
                    .bg(Color::Black)
                    .add_modifier(Modifier::BOLD);
                t
            }
            ThemeChoice::Projector => {
                let mut t = Self::colored(
                    choice,
                    Color::Rgb(0, 0, 0),
                    Color::Rgb(255, 255, 255),
                    Color::Rgb(150, 150, 150),
                    Color::Rgb(255, 214, 0),
                );
                t.base = t.base.add_modifier(Modifier::BOLD);
                t.selected = Style::new()
                    .fg(Color::Black)
                    .bg(Color::Rgb(255, 214, 0))
                    .add_modifier(Modifier::BOLD);
                // dimmed rows keep 4.5:1 against black (WCAG AA)
                t.dim = Style::new()
                    .fg(Color::Rgb(128, 128, 128))
                    .bg(Color::Rgb(0, 0, 0));
                t
            }
            ThemeChoice::Mono => Self::mono(),
        }
    }

    fn colored(choice: ThemeChoice, bg: Color, fg: Color, dim: Color, accent: Color) -> Self {
        let base = Style::new().fg(fg).bg(bg);
        let rgb = |Rgb(r, g, b)| Color::Rgb(r, g, b);
        let mut heat = [base; 5];
        for (i, &fill) in VIRIDIS.iter().enumerate() {
            heat[i + 1] = Style::new().fg(rgb(heat_ink(i + 1))).bg(rgb(fill));
        }
        Theme {
            choice,
            base,
            dim: base.fg(dim),
            title: base.add_modifier(Modifier::BOLD),
            accent: base.fg(accent).add_modifier(Modifier::BOLD),
            border: base.fg(dim),
            border_focus: base.fg(accent),
            selected: Style::new().fg(bg).bg(accent).add_modifier(Modifier::BOLD),
            selected_dim: base.add_modifier(Modifier::REVERSED),
            crosshair: base.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            bar: Style::new().fg(fg).bg(match choice {
                ThemeChoice::Light => Color::Rgb(225, 226, 220),
                ThemeChoice::HighContrast => Color::Rgb(40, 40, 40),
                _ => Color::Rgb(38, 42, 54),
            }),
            warn: base.fg(match choice {
                ThemeChoice::Light => Color::Rgb(170, 60, 0),
                _ => Color::Rgb(255, 170, 60),
            }),
            heat,
            goal_colors: true,
        }
    }

    fn mono() -> Self {
        let base = Style::new();
        Theme {
            choice: ThemeChoice::Mono,
            base,
            dim: base,
            title: base.add_modifier(Modifier::BOLD),
            accent: base.add_modifier(Modifier::BOLD),
            border: base,
            border_focus: base.add_modifier(Modifier::BOLD),
            selected: base.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_dim: base.add_modifier(Modifier::REVERSED),
            crosshair: base.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            bar: base.add_modifier(Modifier::REVERSED),
            warn: base.add_modifier(Modifier::BOLD),
            heat: [base; 5],
            goal_colors: false,
        }
    }

    /// The style for a goal's number: its official colour as background.
    pub fn goal(&self, c: Rgb) -> Style {
        if !self.goal_colors {
            return self.title;
        }
        let Rgb(r, g, b) = c;
        let fg = if crate::matrix::key::dark_ink_on(c) {
            Color::Black
        } else {
            Color::White
        };
        Style::new()
            .fg(fg)
            .bg(Color::Rgb(r, g, b))
            .add_modifier(Modifier::BOLD)
    }

    /// Picks the theme for a request, honouring `NO_COLOR`.
    pub fn resolve(choice: ThemeChoice, no_color: bool) -> Self {
        Theme::new(if no_color { ThemeChoice::Mono } else { choice })
    }
}

pub use crate::matrix::key::SHADES;

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG relative luminance of an sRGB colour.
    fn luminance(c: Color) -> f64 {
        let Color::Rgb(r, g, b) = c else {
            panic!("not an RGB colour: {c:?}")
        };
        let lin = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }

    fn contrast(a: Color, b: Color) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn dimmed_text_keeps_aa_contrast_in_every_painted_theme() {
        for choice in [
            ThemeChoice::Dark,
            ThemeChoice::Light,
            ThemeChoice::Projector,
        ] {
            let t = Theme::new(choice);
            let (fg, bg) = (t.dim.fg.unwrap(), t.base.bg.unwrap());
            let c = contrast(fg, bg);
            assert!(c >= 4.5, "{choice:?}: dim text contrast {c:.2}:1");
        }
    }
}
