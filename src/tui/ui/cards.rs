//! What each kind of record's card says: its own facts, as [`Row`]s that
//! the card widget wraps and scrolls.
//!
//! Counts on a card are the record's own; under a filtering view the card
//! adds how many of them the view keeps, so the card and the related list
//! beside it never contradict each other. A Matrix cell's card reads the
//! same [`cell_content`] as the grid.

use ratatui::style::Style;
use ratatui::text::Span;

use super::card::Row;
use crate::entity::{EntityRef, Kind};
use crate::matrix::{Column, cell_content};
use crate::snapshot::{LinkStatus, Scope, Snapshot};
use crate::tui::state::State;

/// The card of `e`.
pub fn card_rows(st: &State, e: EntityRef) -> Vec<Row> {
    let mut c = Card {
        st,
        rows: Vec::new(),
    };
    match e {
        EntityRef::Sdg(n) => c.sdg(n),
        EntityRef::Target(t) => c.target(t),
        EntityRef::Line(l) => c.line(l),
        EntityRef::Link(k) => {
            let link = st.snap.link(k);
            c.cell_head(link.action_line, link.sdg);
            c.link(k);
        }
        EntityRef::Cell(l, n) => c.cell(l, n),
        EntityRef::Activity(a) => c.activity(a),
    }
    c.rows
}

struct Card<'a> {
    st: &'a State,
    rows: Vec<Row>,
}

impl Card<'_> {
    fn field(&mut self, key: &str, value: impl Into<String>) {
        let t = &self.st.theme;
        self.rows.push(Row::field(key, t.dim, value, t.base));
    }
    fn field_styled(&mut self, key: &str, value: Vec<Span<'static>>) {
        self.rows.push(Row::Field {
            key: key.to_string(),
            key_style: self.st.theme.dim,
            value,
        });
    }
    fn text(&mut self, s: impl Into<String>, style: Style) {
        self.rows.push(Row::text(s, style));
    }
    fn blank(&mut self) {
        self.rows.push(Row::Blank);
    }
    fn source(&mut self, title: Option<String>) {
        if let Some(title) = title {
            self.field("source", title);
        }
    }
    /// `16`, or `16 (3 in this view)` when the view keeps fewer.
    fn count(&self, all: usize, shown: usize) -> String {
        if all == shown {
            all.to_string()
        } else {
            format!("{all} ({shown} in this view)")
        }
    }

    fn sdg(&mut self, n: u8) {
        let (st, s, t) = (self.st, &self.st.snap, &self.st.theme);
        let Some(g) = s.sdg(n) else { return };
        self.rows.push(Row::Text(vec![
            Span::styled(format!(" {n} "), t.goal(g.color)),
            Span::styled(format!(" {}", g.short_name), t.title),
        ]));
        self.text(g.title.clone(), t.base);
        self.blank();
        let ix = s.index();
        let targets = g.targets.iter().filter(|&&x| st.sel.target(x)).count();
        self.field("targets", self.count(g.targets.len(), targets));
        let links = ix.links_of_sdg(n);
        self.field(
            "Matrix links",
            status_counts(links.iter().map(|&k| s.link(k).status)),
        );
        let acts = ix.activities_of_sdg(n);
        let shown = acts.iter().filter(|&&a| st.sel.activity(a)).count();
        self.field("activities", self.count(acts.len(), shown));
        for &tg in &g.targets {
            for &i in ix.indicators_of_target(tg) {
                let ind = s.indicator(i);
                self.field("indicator", format!("{} {}", ind.code, ind.name));
            }
        }
        self.source(g.source.map(|x| s.source(x).title.clone()));
    }

    fn target(&mut self, tg: crate::snapshot::TargetId) {
        let (s, t) = (&self.st.snap, &self.st.theme);
        let target = s.target(tg);
        let chip = s.sdg(target.goal).map_or(t.title, |g| t.goal(g.color));
        self.rows.push(Row::Text(vec![
            Span::styled(format!(" {} ", target.code), chip),
            Span::styled(format!(" target of SDG {}", target.goal), t.dim),
        ]));
        self.text(target.text.clone(), t.base);
        for &i in s.index().indicators_of_target(tg) {
            let ind = s.indicator(i);
            let mut v = format!("{} {}", ind.code, ind.name);
            if !ind.custodians.is_empty() {
                v.push_str(&format!(" (custodian: {})", ind.custodians.join(", ")));
            }
            if !ind.former_codes.is_empty() {
                v.push_str(&format!(" [formerly {}]", ind.former_codes.join(", ")));
            }
            self.field("indicator", v);
        }
        self.rationales(EntityRef::Target(tg));
    }

    fn line(&mut self, l: crate::snapshot::LineId) {
        let (s, t) = (&self.st.snap, &self.st.theme);
        let line = s.line(l);
        self.rows.push(Row::Text(vec![
            Span::styled(format!(" {} ", line.id), t.selected),
            Span::styled(format!(" {}", line.title), t.title),
        ]));
        if let Some(p) = line.parent {
            self.field("part of", format!("{} {}", s.line(p).id, s.line(p).title));
        }
        if !line.children.is_empty() {
            let ids: Vec<String> = line
                .children
                .iter()
                .map(|&c| s.line(c).id.clone())
                .collect();
            self.field("sub-lines", ids.join(", "));
        }
        if !line.facilitators.is_empty() {
            self.field("facilitators", line.facilitators.join(", "));
        }
        if let Some(p) = line.prize_category {
            self.field("WSIS Prizes", format!("category {p}"));
        }
        self.source(line.source.map(|x| s.source(x).title.clone()));
        self.rationales(EntityRef::Line(l));
    }

    fn cell_head(&mut self, row: crate::snapshot::LineId, goal: u8) {
        let (s, t) = (&self.st.snap, &self.st.theme);
        let chip = s.sdg(goal).map_or(t.title, |g| t.goal(g.color));
        let name = s
            .sdg(goal)
            .map(|g| g.short_name.clone())
            .unwrap_or_default();
        self.rows.push(Row::Text(vec![
            Span::styled(format!(" {} ", s.line(row).id), t.selected),
            Span::styled(" × ", t.dim),
            Span::styled(format!(" SDG {goal} "), chip),
            Span::styled(format!(" {} × {name}", s.line(row).short_name), t.title),
        ]));
    }

    fn cell(&mut self, row: crate::snapshot::LineId, goal: u8) {
        let st = self.st;
        let (s, t) = (&st.snap, &st.theme);
        self.cell_head(row, goal);
        let changes = crate::tui::lifecycle::cell_changes(st, row, goal);
        if !changes.is_empty() {
            let name = st.compare.as_ref().map_or("", |c| c.name.as_str());
            self.blank();
            self.text(format!("Changes since {name}"), t.warn);
            for c in changes {
                self.text(format!("  {c}"), t.base);
            }
        }
        let cell = cell_content(s, &st.sel, row, Column::Sdg(goal));
        if cell.links.is_empty() {
            let outside = s.index().links_at(row, goal).len();
            self.text(
                if outside > 0 {
                    format!("No Matrix link in this view ({outside} outside it).")
                } else {
                    "No Matrix link at this cell.".to_string()
                },
                t.dim,
            );
        }
        for &k in &cell.links {
            self.link(k);
        }
        if !cell.disputed_targets.is_empty() {
            let codes: Vec<&str> = cell
                .disputed_targets
                .iter()
                .map(|&x| s.target(x).code.as_str())
                .collect();
            self.blank();
            self.rows.push(Row::Field {
                key: "not counted".into(),
                key_style: t.warn,
                value: vec![Span::styled(
                    format!("{} — only the disputed link names it", codes.join(", ")),
                    t.warn,
                )],
            });
        }
        self.blank();
        self.field("counted", {
            let n = cell.targets.len();
            format!("{n} target{}", if n == 1 { "" } else { "s" })
        });
        let acts = cell.activities.len();
        let mut v = format!("{acts} activit{}", if acts == 1 { "y" } else { "ies" });
        if !cell.cross_cutting.is_empty() {
            v.push_str(&format!(
                " (+{} cross-cutting, not counted; x counts them)",
                cell.cross_cutting.len()
            ));
        }
        self.field("", v);
    }

    fn link(&mut self, k: crate::snapshot::LinkId) {
        let (s, t) = (&self.st.snap, &self.st.theme);
        let link = s.link(k);
        self.blank();
        let st_style = if link.status == LinkStatus::Disputed {
            t.warn
        } else {
            t.accent
        };
        self.field_styled(
            "status",
            vec![Span::styled(status_word(link.status), st_style)],
        );
        let goal_targets = s.sdg(link.sdg).map_or(0, |g| g.targets.len());
        let scope = match link.scope {
            Scope::Targets => "the targets below".to_string(),
            Scope::Goal => "the goal as a whole (no target named)".to_string(),
            Scope::AllTargets => format!("all {goal_targets} targets of SDG {}", link.sdg),
        };
        self.field("scope", scope);
        self.field("rationale", link.rationale.clone());
        if let Some(n) = &link.note {
            self.field("note", n.clone());
        }
        self.field("source", s.source(link.source).title.clone());
        let named = &link.targets;
        if link.scope == Scope::AllTargets && !named.is_empty() {
            let codes: Vec<&str> = named.iter().map(|&x| s.target(x).code.as_str()).collect();
            self.field("emphasis", codes.join(", "));
        } else {
            for &tg in named {
                let target = s.target(tg);
                self.rows.push(Row::Field {
                    key: format!("  {}", target.code),
                    key_style: t.accent,
                    value: vec![Span::styled(target.text.clone(), t.base)],
                });
            }
        }
    }

    fn activity(&mut self, a: crate::snapshot::ActivityId) {
        let (s, t) = (&self.st.snap, &self.st.theme);
        let act = s.activity(a);
        self.text(act.title().to_owned(), t.title);
        let mut facts = Vec::new();
        facts.extend(act.kind().map(str::to_owned));
        facts.extend(act.sector().map(str::to_owned));
        facts.extend(act.year().map(|y| y.to_string()));
        if !facts.is_empty() {
            self.text(facts.join(" · "), t.dim);
        }
        self.blank();
        if !act.summary().is_empty() {
            self.text(act.summary().to_owned(), t.base);
            self.blank();
        }
        self.field("lead", act.lead().unwrap_or("—").to_owned());
        if act.partners().len() > 0 {
            self.field("partners", act.partners().collect::<Vec<_>>().join(", "));
        }
        if s.is_cross_cutting(a) {
            self.field_styled(
                "SDGs",
                vec![Span::styled(
                    "all 17 — cross-cutting: listed, not counted in Matrix cells (x)",
                    t.accent,
                )],
            );
        } else if !act.sdgs().is_empty() {
            let mut chips = Vec::new();
            for n in act.sdgs() {
                chips.push(Span::styled(
                    format!(" {n} "),
                    s.sdg(n).map_or(t.title, |g| t.goal(g.color)),
                ));
                chips.push(Span::raw(" "));
            }
            self.field_styled("SDGs", chips);
        } else {
            self.field("SDGs", "none stated by the source");
        }
        if !act.targets().is_empty() {
            let codes: Vec<String> = act
                .targets()
                .iter()
                .map(|&x| s.target(x).code.clone())
                .collect();
            self.field("targets", codes.join(", "));
        }
        let lines: Vec<String> = act
            .action_lines()
            .iter()
            .map(|&x| s.line(x).id.clone())
            .collect();
        self.field("action lines", lines.join(", "));
        self.field("source", s.source(act.source()).title.clone());
        if let Some(u) = act.url() {
            self.field("url", u.to_owned());
        }
        if let Some(n) = act.note() {
            self.field("note", n.to_owned());
        }
    }

    /// The Matrix links of a goal, target or line with their rationale.
    fn rationales(&mut self, e: EntityRef) {
        let st = self.st;
        let (s, t) = (&st.snap, &st.theme);
        let links: Vec<EntityRef> = st
            .related_to(e)
            .iter()
            .filter(|g| g.kind == Kind::Link)
            .flat_map(|g| g.items.iter().copied())
            .collect();
        if links.is_empty() {
            return;
        }
        self.blank();
        self.text("Matrix links", t.title);
        for l in links {
            if let EntityRef::Link(k) = l {
                let link = s.link(k);
                let mark = match link.status {
                    LinkStatus::Confirmed => ' ',
                    LinkStatus::Partial => '~',
                    LinkStatus::Disputed => '?',
                };
                let style = if mark == '?' { t.warn } else { t.accent };
                self.rows.push(Row::Field {
                    key: format!("{mark}{}", link_label(s, k)),
                    key_style: style,
                    value: vec![Span::styled(link.rationale.clone(), t.base)],
                });
            }
        }
    }
}

/// `C2 × SDG 9`.
fn link_label(s: &Snapshot, k: crate::snapshot::LinkId) -> String {
    let link = s.link(k);
    format!("{} × SDG {}", s.line(link.action_line).id, link.sdg)
}

fn status_word(s: LinkStatus) -> &'static str {
    match s {
        LinkStatus::Confirmed => "confirmed",
        LinkStatus::Partial => "partial — the source's views disagree",
        LinkStatus::Disputed => "disputed — only one view of the source has it",
    }
}

fn status_counts(it: impl Iterator<Item = LinkStatus>) -> String {
    let (mut c, mut p, mut d) = (0, 0, 0);
    for st in it {
        match st {
            LinkStatus::Confirmed => c += 1,
            LinkStatus::Partial => p += 1,
            LinkStatus::Disputed => d += 1,
        }
    }
    format!("{} ({c} confirmed, {p} partial, {d} disputed)", c + p + d)
}

/// Draws the card of `e` in `area` (a bordered pane titled `title`) with
/// `↑`/`↓` marks for what lies outside. A `focusable` card is the one `Tab`
/// reaches: it records that it is shown and how far it scrolls, and reads
/// the state's card scroll while `focused`; a preview is neither.
pub fn render_card(
    frame: &mut ratatui::Frame,
    area: ratatui::layout::Rect,
    st: &State,
    e: EntityRef,
    title: &str,
    focusable: bool,
    focused: bool,
) {
    let t = &st.theme;
    let block = ratatui::widgets::Block::new()
        .borders(ratatui::widgets::Borders::ALL)
        .border_style(if focused { t.border_focus } else { t.border })
        .title(Span::styled(
            super::card::pane_title(title, None, area.width),
            if focused { t.accent } else { t.dim },
        ));
    let lines = super::card::wrap(&card_rows(st, e), area.width.saturating_sub(2) as usize);
    let offset = if focused { st.card_scroll } else { 0 };
    let shown = super::card::render(
        frame,
        area,
        block,
        lines,
        offset,
        t.accent,
        &st.layout.marks,
    );
    if focusable {
        st.layout.card_shown.set(true);
        st.layout.card_page.set(shown.height);
        st.layout
            .card_max
            .set(shown.total.saturating_sub(shown.height));
    }
}

/// How many lines the card of `e` takes at `width` (border excluded).
pub fn card_len(st: &State, e: EntityRef, width: u16) -> u16 {
    super::card::wrap(&card_rows(st, e), width.saturating_sub(2) as usize).len() as u16
}
