//! Subjects (snapshots), scenarios (how to reach each screen) and the
//! checks of `screen_check.rs`.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sdgmap::search::{CancelToken, Finder};
use sdgmap::snapshot::{Snapshot, load_bytes};
use sdgmap::tour::Screen;
use sdgmap::tui::action::Action::{self, *};
use sdgmap::tui::ask::MarkRow;
use sdgmap::tui::effect::{Effect, Io, Open};
use sdgmap::tui::render;
use sdgmap::tui::{App, Theme, ThemeChoice};

/// The sizes every screen is checked at.
pub const SIZES: &[(u16, u16)] = &[
    (60, 16),
    (80, 24),
    (100, 30),
    (120, 40),
    (160, 48),
    (200, 60),
    (300, 100),
];

/// A snapshot the screens are drawn from.
pub struct Subject {
    /// `bundled` or `stress`.
    pub name: &'static str,
    json: String,
}

/// How to reach one screen.
pub struct Scenario {
    /// Its name in failure messages and dumps.
    pub name: &'static str,
    /// The keys, as actions.
    pub actions: Vec<Action>,
    /// Start in presenter mode on the bundled tour.
    pub tour: bool,
    /// Open with `--compare` against a changed copy.
    pub compare: bool,
    /// Effects applied after the actions (bookmark rows, a message).
    pub effects: Vec<Effect>,
}

impl Subject {
    /// The state after `scenario`.
    pub fn state(&self, scenario: &Scenario) -> App {
        let snap = load_bytes("t.json", self.json.as_bytes()).unwrap();
        let mut st = App::new(snap, Theme::new(ThemeChoice::Dark), "t".into());
        if scenario.tour {
            let tour = sdgmap::tour::load_bytes(
                "t",
                sdgmap::tour::bundled("itu-2030-agenda").unwrap().as_bytes(),
                &st.ctx.snap,
            )
            .unwrap();
            st.start_tour(tour);
        }
        if scenario.compare {
            let old = older();
            st.ctx.compare = Some(sdgmap::tui::compare::Compare::new(
                "old.json",
                std::sync::Arc::new(old),
                &st.ctx.snap,
            ));
        }
        st.tours_dir = Some("/nonexistent/sdgmap/tours".into());
        run(&mut st, &scenario.actions);
        st.apply(scenario.effects.clone());
        st
    }
}

/// Applies actions, running any requested search to completion.
pub fn run(st: &mut App, actions: &[Action]) {
    let mut finder = Finder::with_corpus(st.ctx.filters.corpus().clone());
    for &a in actions {
        for io in st.update(a) {
            if let Io::Search(req) = io {
                let res = finder
                    .search(&req.query, 200, &CancelToken::never())
                    .unwrap();
                st.receive(req.generation, res);
            }
        }
    }
}

fn typed(s: &str) -> Vec<Action> {
    s.chars().map(Insert).collect()
}

fn steps(parts: &[&[Action]]) -> Vec<Action> {
    parts.concat()
}

const TO_C2_9: [Action; 9] = [Down, Right, Right, Right, Right, Right, Right, Right, Right];

/// Every screen, overlay, drill-down kind, the presenter and compare.
pub fn scenarios() -> Vec<Scenario> {
    let s = |name, actions: Vec<Action>| Scenario {
        name,
        actions,
        tour: false,
        compare: false,
        effects: Vec::new(),
    };
    let mut v = vec![
        s("matrix", vec![]),
        s("matrix C2 × SDG 9", TO_C2_9.to_vec()),
        s(
            "matrix last row",
            vec![
                Bottom, Right, Right, Right, Right, Right, Right, Right, Right, Right, Right,
                Right, Right, Right, Right, Right, Right,
            ],
        ),
        s("matrix activities", steps(&[&TO_C2_9, &[CycleMetric]])),
        s(
            "matrix zoom SDG 5",
            steps(&[&[Right, Right, Right, Right, ToggleZoom]]),
        ),
        s(
            "matrix filtered",
            steps(&[
                &[OpenFilter],
                &typed("sdg:4,5 -sector:GS digital"),
                &[Accept],
            ]),
        ),
        s("matrix cell card", steps(&[&TO_C2_9, &[FocusNext]])),
        s("drill cell C6 × SDG 16", {
            let mut a = vec![Down, Down, Down, Down, Down];
            a.extend(std::iter::repeat_n(Right, 15));
            a.push(DrillIn);
            a
        }),
        s("drill cell C2 × SDG 9", steps(&[&TO_C2_9, &[DrillIn]])),
        s(
            "drill target",
            steps(&[&TO_C2_9, &[DrillIn, Down, Down, Down, DrillIn]]),
        ),
        s(
            "drill activity",
            steps(&[&[Show(Screen::Activities), Down, Down, DrillIn]]),
        ),
        s(
            "drill line C7",
            steps(&[&[
                Show(Screen::Lines),
                Down,
                Down,
                Down,
                Down,
                Down,
                Down,
                DrillIn,
            ]]),
        ),
        s(
            "drill goal 5",
            steps(&[&[Show(Screen::Sdgs), Down, Down, Down, Down, DrillIn]]),
        ),
        s("SDGs", steps(&[&[Show(Screen::Sdgs)]])),
        s(
            "SDGs expanded",
            steps(&[&[
                Show(Screen::Sdgs),
                Down,
                Down,
                Down,
                Down,
                ToggleExpand,
                Down,
            ]]),
        ),
        s(
            "Action Lines C7",
            steps(&[&[
                Show(Screen::Lines),
                Down,
                Down,
                Down,
                Down,
                Down,
                Down,
                ToggleExpand,
                Down,
            ]]),
        ),
        s("Activities", steps(&[&[Show(Screen::Activities)]])),
        s(
            "Activities sdg:5",
            steps(&[
                &[OpenFilter],
                &typed("sdg:5"),
                &[Accept, Show(Screen::Activities)],
            ]),
        ),
        s(
            "Activities card",
            steps(&[&[Show(Screen::Activities), Down, FocusNext]]),
        ),
        s(
            "Activities related",
            steps(&[&[Show(Screen::Activities), Down, FocusNext, FocusNext]]),
        ),
        s("Countries", steps(&[&[Show(Screen::Countries)]])),
        s(
            "Countries Asia open",
            steps(&[&[Show(Screen::Countries), Down, Down, Right, Down, Down, Down]]),
        ),
        s(
            "Countries ldc by activities",
            steps(&[
                &[OpenFilter],
                &typed("group:ldc"),
                &[Accept, Show(Screen::Countries), SortNext, Right, Down],
            ]),
        ),
        s(
            "drill country",
            steps(&[&[Show(Screen::Countries), Down, Down, Right, Down, DrillIn]]),
        ),
        s(
            "SDGs target indicators",
            steps(&[&[
                Show(Screen::Sdgs),
                Down,
                Down,
                Down,
                Down,
                Down,
                Down,
                Down,
                Down,
                Right,
                Down,
                Down,
                Down,
                Down,
                Down,
                Down,
                Down,
                Down,
                Right,
                Down,
            ]]),
        ),
        s(
            "matrix indicators",
            steps(&[&TO_C2_9, &[CycleMetric, CycleMetric]]),
        ),
        s("finder", steps(&[&[OpenFinder], &typed("digital")])),
        s("filter bar", steps(&[&[OpenFilter], &typed("sdg:3")])),
        s(
            "filter facets",
            steps(&[
                &[OpenFilter],
                &typed("sdg:3"),
                &[FocusNext, FocusNext, Right],
            ]),
        ),
        s("palette", steps(&[&[OpenPalette], &typed("zo")])),
        s("help", vec![ToggleHelp]),
        s(
            "help activities",
            vec![Show(Screen::Activities), ToggleHelp],
        ),
        s("presenter", steps(&[&TO_C2_9, &[TogglePresenter]])),
        s(
            "presenter echo",
            steps(&[
                &TO_C2_9,
                &[TogglePresenter, ToggleKeyEcho, Down, Right, Up, Left],
            ]),
        ),
    ];
    v.extend([
        s(
            "help drill-down",
            steps(&[&TO_C2_9, &[DrillIn, ToggleHelp]]),
        ),
        s("help SDGs", vec![Show(Screen::Sdgs), ToggleHelp]),
        s("help scrolled", vec![ToggleHelp, PageDown, PageDown, Down]),
        s("help at the end", vec![ToggleHelp, Bottom]),
        s("prompt bookmark", steps(&[&TO_C2_9, &[SaveBookmark]])),
        s(
            "prompt tour name",
            steps(&[&TO_C2_9, &[DrillIn, RecordStep]]),
        ),
        s(
            "prompt tour caption",
            steps(&[
                &TO_C2_9,
                &[DrillIn, RecordStep],
                &typed("talks/board.json"),
                &[Accept],
            ]),
        ),
        s("prompt export", vec![Show(Screen::Activities), ExportView]),
        s(
            "filter error",
            steps(&[&[OpenFilter], &typed("sdg:4 sgd:3")]),
        ),
        s(
            "search matches underlined",
            steps(&[
                &[Show(Screen::Activities), OpenFinder],
                &typed("health"),
                &[Accept, Back, NextMatch],
            ]),
        ),
        s(
            "chips off",
            steps(&[
                &[OpenFilter],
                &typed("sdg:9 al:C2"),
                &[FocusNext, ToggleValue, Accept],
            ]),
        ),
    ]);
    v.push(Scenario {
        name: "bookmarks list",
        actions: vec![OpenBookmarks],
        tour: false,
        compare: false,
        effects: vec![Effect::MarkRows(mark_rows())],
    });
    v.push(Scenario {
        name: "bookmarks filtered",
        actions: steps(&[&[OpenBookmarks, FilterList], &typed("stale")]),
        tour: false,
        compare: false,
        effects: vec![Effect::MarkRows(mark_rows())],
    });
    v.push(Scenario {
        name: "suggest overlay",
        actions: vec![],
        tour: false,
        compare: false,
        effects: vec![Effect::Open(Open::Suggest(
            "Solar mini-grids and a very-long-unbroken-word-that-cannot-wrap-anywhere-at-all bring electricity, clean drinking water and broadband to rural clinics and schools"
                .into(),
        ))],
    });
    v.push(Scenario {
        name: "activity card with suggestions",
        actions: vec![],
        tour: false,
        compare: false,
        effects: vec![Effect::Drill(sdgmap::entity::EntityRef::Activity(
            sdgmap::snapshot::load_bundled()
                .unwrap()
                .index()
                .activity("digital-health-for-africa")
                .unwrap(),
        ))],
    });
    v.push(Scenario {
        name: "message",
        actions: vec![],
        tour: false,
        compare: false,
        effects: vec![Effect::Open(Open::Message {
            title: "reload failed".into(),
            lines: (1..=40)
                .map(|i| format!("problem {i}: $.activities[{i}].sdgs: expected a list of goal numbers 1–17, found a string that goes on for a while"))
                .collect(),
        })],
    });
    v.push(Scenario {
        name: "help on a tour",
        actions: vec![ToggleHelp],
        tour: true,
        compare: false,
        effects: Vec::new(),
    });
    v.push(Scenario {
        name: "prompt tour jump",
        actions: vec![TourJump],
        tour: true,
        compare: false,
        effects: Vec::new(),
    });
    v.push(Scenario {
        name: "tour step 2",
        actions: vec![TourNext],
        tour: true,
        compare: false,
        effects: Vec::new(),
    });
    v.push(Scenario {
        name: "tour step 1",
        actions: vec![],
        tour: true,
        compare: false,
        effects: Vec::new(),
    });
    v.push(Scenario {
        name: "compare",
        actions: TO_C2_9.to_vec(),
        tour: false,
        compare: true,
        effects: Vec::new(),
    });
    v
}

/// Bookmark rows for the list: ok, stale and broken, long names and views.
fn mark_rows() -> Vec<MarkRow> {
    (0..30)
        .map(|i| MarkRow {
            name: format!("view {i} with a rather long name for a bookmark"),
            view: format!(
                "sdg:{} al:C7-e-health -status:disputed \"digital health\" show:activities at:9.c",
                i % 17 + 1
            ),
            stale: i % 3 == 1,
            broken: i % 5 == 2,
            status: if i % 5 == 2 {
                "made on another snapshot; missing: 9.z (no such target), gone-activity".into()
            } else if i % 3 == 1 {
                "stale: made on Older snapshot · 2020-01-01".into()
            } else {
                "ok".into()
            },
        })
        .collect()
}

/// The bundled snapshot, and a stress snapshot generated from it.
pub fn subjects() -> Vec<Subject> {
    vec![
        Subject {
            name: "bundled",
            json: sdgmap::snapshot::BUNDLED.to_string(),
        },
        Subject {
            name: "stress",
            json: stress(),
        },
    ]
}

/// Generated test data (titled as such): the bundled facts plus activities
/// with the longest titles and names, 17 goals, every C7 sub-line.
fn stress() -> String {
    let mut raw: serde_json::Value = serde_json::from_str(sdgmap::snapshot::BUNDLED).unwrap();
    raw["meta"]["title"] = "Generated stress data for screen checks (not real)".into();
    let acts = raw["activities"].as_array_mut().unwrap();
    let template = acts[0].clone();
    let c7: Vec<serde_json::Value> = [
        "C7-e-government",
        "C7-e-business",
        "C7-e-learning",
        "C7-e-health",
        "C7-e-employment",
        "C7-e-environment",
        "C7-e-agriculture",
        "C7-e-science",
    ]
    .iter()
    .map(|&s| s.into())
    .collect();
    for i in 0..12 {
        let mut a = template.clone();
        a["id"] = format!("stress-{i}").into();
        a["title"] = format!(
            "Stress {i}: a deliberately long activity title that keeps going well past any column a table could give it, so that truncation must show"
        )
        .into();
        a["summary"] = "A generated summary with a very-long-unbroken-word-that-cannot-wrap-anywhere-at-all-and-must-be-broken and more text after it, repeated: lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.".into();
        a["lead"] =
            "International Telecommunication Union Development Sector Regional Office".into();
        a["partners"] = serde_json::json!([
            "United Nations Educational, Scientific and Cultural Organization",
            "World Health Organization"
        ]);
        a["sdgs"] = if i % 2 == 0 {
            (1..=17).collect::<Vec<u8>>().into()
        } else {
            serde_json::json!([3, 4, 5, 9, 11, 16, 17])
        };
        a["targets"] = serde_json::json!([]);
        a["action_lines"] = c7.clone().into();
        a["year"] = (2000 + i).into();
        acts.push(a);
    }
    // stored suggestions, long: every goal, long evidence, sub-lines
    let dh = acts
        .iter_mut()
        .find(|a| a["id"] == "digital-health-for-africa")
        .unwrap();
    let long = "words: «a-very-long-unbroken-word-that-cannot-wrap-anywhere-at-all» weight 3.6 (target text, indicator text, goal name, Aurora goal description, Aurora query, sdgmap vocabulary); «services» weight 0.5 (target text)";
    dh["suggested"] = serde_json::json!({
        "engine": "sdgmap-suggest/2 (Aurora SDG queries v5.0)",
        "credit": "Aurora Universities Network, SDG queries v5.0, doi 10.5281/zenodo.3817445, CC-BY-4.0",
        "goals": (1..=17).map(|g| serde_json::json!({
            "goal": g, "score": 20.0 - f64::from(g),
            "targets": [{"code": format!("{g}.1"), "score": 2.5, "evidence": [long]}],
            "evidence": [long, long]
        })).collect::<Vec<_>>(),
        "action_lines": c7.iter().map(|l| serde_json::json!({
            "id": l, "score": 4.2,
            "evidence": [format!("WSIS–SDG Matrix link {} × SDG 3 target 3.8 (targets, confirmed)", l.as_str().unwrap_or_default())]
        })).collect::<Vec<_>>()
    });
    serde_json::to_string(&raw).unwrap()
}

/// A copy of `s` with some Matrix links removed, for `--compare`.
fn older() -> Snapshot {
    let mut raw: serde_json::Value = serde_json::from_str(sdgmap::snapshot::BUNDLED).unwrap();
    let links = raw["links"].as_array_mut().unwrap();
    links.retain(|l| !(l["action_line"] == "C2" && l["sdg"] == 9));
    links.retain(|l| !(l["action_line"] == "C5" && l["sdg"] == 4));
    load_bytes("old.json", serde_json::to_string(&raw).unwrap().as_bytes()).unwrap()
}

/// Renders `st` at `w`×`h`: the text, one line per row, and the terminal.
pub fn render_text(st: &App, w: u16, h: u16) -> (String, Terminal<TestBackend>) {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| render(f, st)).unwrap();
    let buf = t.backend().buffer().clone();
    let mut text = String::new();
    for y in 0..h {
        let mut line = String::new();
        for x in 0..w {
            line.push_str(buf[(x, y)].symbol());
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    (text, t)
}

/// What is wrong with one rendered screen.
pub fn check_screen(
    subject: &Subject,
    scenario: &Scenario,
    st: &App,
    term: &Terminal<TestBackend>,
    text: &str,
) -> Vec<String> {
    let mut out = Vec::new();
    let lines: Vec<Vec<char>> = text.lines().map(|l| l.chars().collect()).collect();
    counts_whole(&lines, st.overlay().is_some(), &mut out);
    glued(subject, &lines, &mut out);
    // an overlay covers what is under it: only screens without one are read for cuts
    if st.overlay().is_none() {
        cut_without_mark(subject, st, &lines, &mut out);
    }
    marked(st, term, &mut out);
    if st.overlay().is_none() {
        related_adds_up(st, &lines, &mut out);
    }
    cursor_in_view(scenario, st, term, &mut out);
    title_share(scenario, st, &mut out);
    out
}

/// Box-drawing and marker characters that end a word.
fn is_frame(c: char) -> bool {
    matches!(c, '│' | '┌' | '┐' | '└' | '┘' | '─' | '▌' | '├' | '┤')
}

/// A pane title's count is never cut: `(46┐` or `(4` at a border. Under
/// an overlay, a count that runs into a `│` is only covered by its side.
fn counts_whole(lines: &[Vec<char>], overlay: bool, out: &mut Vec<String>) {
    for (y, l) in lines.iter().enumerate() {
        for (x, &c) in l.iter().enumerate() {
            if c != '(' {
                continue;
            }
            let digits = l[x + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
            if digits == 0 {
                continue;
            }
            match l.get(x + 1 + digits) {
                Some(&c) if !is_frame(c) => {}
                Some('│') if overlay => {}
                other => out.push(format!(
                    "line {y}: a count cut off: {:?}{:?}",
                    l[x..x + 1 + digits].iter().collect::<String>(),
                    other
                )),
            }
        }
    }
}

/// Every word of the subject's data, for telling glued words from real ones.
fn vocabulary(subject: &Subject) -> std::collections::HashSet<String> {
    fn walk(v: &serde_json::Value, out: &mut std::collections::HashSet<String>) {
        match v {
            serde_json::Value::String(s) => {
                for w in s.split_whitespace() {
                    out.insert(
                        w.trim_matches(|c: char| ",;:()[]\"'.".contains(c))
                            .to_string(),
                    );
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let v: serde_json::Value = serde_json::from_str(&subject.json).unwrap();
    let mut out = std::collections::HashSet::new();
    walk(&v, &mut out);
    out
}

/// Words like `e-governmentE-governm…` or `9E-government`: one field run
/// into the next. A word is glued when a lowercase letter or digit is
/// followed by a capital inside it and the data has no such word.
fn glued(subject: &Subject, lines: &[Vec<char>], out: &mut Vec<String>) {
    let vocab = vocabulary(subject);
    for (y, l) in lines.iter().enumerate() {
        let text: String = l
            .iter()
            .map(|&c| if is_frame(c) { ' ' } else { c })
            .collect();
        for w in text.split_whitespace() {
            let w = w.trim_matches(|c: char| ",;:()[]\"'.·".contains(c));
            let bare = w.trim_end_matches('…');
            let chars: Vec<char> = bare.chars().collect();
            let camel = chars
                .windows(2)
                .any(|p| (p[0].is_lowercase() || p[0].is_ascii_digit()) && p[1].is_uppercase());
            // the tree's counts (`10L`) and key names (`PgUp`) are words too
            let ui = ["PgUp", "PgDn", "BackTab"].contains(&bare)
                || (bare.ends_with('L')
                    && bare[..bare.len() - 1].bytes().all(|b| b.is_ascii_digit()));
            if !camel || ui || vocab.contains(bare) {
                continue;
            }
            // a clipped data word (`He@lth…`), or one an overlay covers in part
            if vocab.iter().any(|v| v.contains(bare)) {
                continue;
            }
            out.push(format!("line {y}: glued words {w:?}"));
        }
    }
}

/// Names from the data that the screens show in columns: line ids and
/// short names, facilitators, goal short names, activity titles and leads.
fn names(st: &App) -> Vec<String> {
    let s = &st.ctx.snap;
    let mut v: Vec<String> = Vec::new();
    for l in s.action_lines() {
        v.push(l.short_name.clone());
        v.push(l.id.clone());
        v.extend(l.facilitators.iter().cloned());
    }
    for g in s.sdgs() {
        v.push(g.short_name.clone());
    }
    for a in s.activities() {
        v.push(a.title().to_string());
        v.extend(a.lead().map(str::to_string));
    }
    v.retain(|x| x.chars().count() >= 3);
    v.sort();
    v.dedup();
    v
}

/// A name cut inside a word must end in `…`: `WM` for `WMO`, `Roadma`.
fn cut_without_mark(subject: &Subject, st: &App, lines: &[Vec<char>], out: &mut Vec<String>) {
    let names = names(st);
    let vocab = vocabulary(subject);
    for (y, l) in lines.iter().enumerate() {
        let line: String = l.iter().collect();
        for name in &names {
            let k: Vec<char> = name.chars().collect();
            let anchor: String = k[..k.len().min(3)].iter().collect();
            for (byte, _) in line.match_indices(&anchor) {
                let x = line[..byte].chars().count();
                if x > 0 && l[x - 1].is_alphanumeric() {
                    continue;
                }
                let m = (0..k.len().min(l.len() - x))
                    .take_while(|&i| l[x + i] == k[i])
                    .count();
                if m >= k.len() || m < 2 {
                    continue;
                }
                let next = l.get(x + m).copied();
                let after = l.get(x + m + 1).copied();
                let mid_word = k[m].is_alphanumeric() && k[m - 1].is_alphanumeric();
                // cut: the text stops at a frame, the end, or column padding
                let cut = match next {
                    None => true,
                    Some(c) if is_frame(c) => true,
                    Some(' ') => after.is_none_or(|a| a == ' ' || is_frame(a)),
                    _ => false,
                };
                // another name ending right there is shown whole
                let end: String = l[..x + m].iter().collect();
                let other_whole = names.iter().any(|n| end.ends_with(n.as_str()));
                // a whole word of the data's own text that a name happens to
                // start with (`Internet` in a target, `Internetowy …` a title)
                let piece: String = k[..m]
                    .iter()
                    .rev()
                    .take_while(|c| c.is_alphanumeric())
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let a_word = piece.chars().count() >= 3 && vocab.contains(&piece);
                if mid_word && cut && !other_whole && !a_word {
                    let shown: String = k[..m].iter().collect();
                    out.push(format!("line {y}: {name:?} cut to {shown:?} with no …"));
                }
            }
        }
    }
}

/// Every scrolled list or card says what it hides on its bottom border.
fn marked(st: &App, term: &Terminal<TestBackend>, out: &mut Vec<String>) {
    let buf = term.backend().buffer();
    let row = |area: ratatui::layout::Rect, y: u16| -> String {
        (area.x..area.right())
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect()
    };
    for &(area, offset, height, len) in st.ctx.layout.marks.borrow().iter() {
        if area.height < 2 || area.width < 16 {
            continue;
        }
        let (top, bottom) = (row(area, area.y), row(area, area.bottom() - 1));
        // rows below say "more" on the bottom border; rows above say
        // "above" on the top or the bottom border, or `↑ N` beside the
        // "more" of the rows below (`↑ 316 · ↓ 364 more`)
        if offset + height < len && !bottom.contains("more") {
            out.push(format!(
                "a pane at {area:?} shows {height} of {len} lines from {offset}, no \"more\" below: {bottom}"
            ));
        }
        let up = format!("↑ {offset} ");
        if offset > 0
            && !(top.contains("above") || bottom.contains("above") || bottom.contains(&up))
        {
            out.push(format!(
                "a pane at {area:?} shows {height} of {len} lines from {offset}, no \"above\": {top} … {bottom}"
            ));
        }
    }
}

/// The numbers in `text` after `key` (`↓ 16 more` → 16 for key `↓ `).
fn number_after(text: &str, key: &str) -> Option<usize> {
    let at = text.find(key)? + key.len();
    let digits: String = text[at..]
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    digits.parse().ok()
}

/// A related list's marks count what its title counts: the records above,
/// the records shown (its clickable rows) and the records below add up to
/// the `(N)` of its title — group headings are not records.
fn related_adds_up(st: &App, lines: &[Vec<char>], out: &mut Vec<String>) {
    let hits: Vec<ratatui::layout::Rect> = st
        .ctx
        .layout
        .hits
        .borrow()
        .iter()
        .filter(|(_, h)| matches!(h, sdgmap::tui::layout::Hit::RelatedRow(_)))
        .map(|(r, _)| *r)
        .collect();
    let Some(first) = hits.first() else { return };
    let (x0, x1) = (first.x.saturating_sub(1) as usize, first.right() as usize);
    let at = |y: usize, x: usize| lines.get(y).and_then(|l| l.get(x)).copied();
    let mut top = first.y as usize;
    while top > 0 && at(top, x0) != Some('┌') {
        top -= 1;
    }
    let mut bottom = first.y as usize;
    while bottom + 1 < lines.len() && at(bottom, x0) != Some('└') {
        bottom += 1;
    }
    let row = |y: usize| -> String { lines[y][x0..=x1.min(lines[y].len() - 1)].iter().collect() };
    let (title, foot) = (row(top), row(bottom));
    // the title's count is the last `(N)` on its border
    let Some(total) = title
        .rmatch_indices('(')
        .find_map(|(i, _)| number_after(&title[i..], "("))
    else {
        return;
    };
    let shown = hits.iter().filter(|r| r.x == first.x).count();
    let below = number_after(&foot, "↓ ").unwrap_or(0);
    let above = number_after(&foot, "↑ ").unwrap_or(0);
    if above + shown + below != total {
        out.push(format!(
            "the related list's title counts {total} but it shows {shown}, \
             with {above} above and {below} below: {title} … {foot}"
        ));
    }
}

/// The focused row or cell is on screen (the screen-reader cursor sits on it).
fn cursor_in_view(
    scenario: &Scenario,
    st: &App,
    term: &Terminal<TestBackend>,
    out: &mut Vec<String>,
) {
    if st.overlay().is_some() {
        return;
    }
    let area = term.backend().buffer().area;
    match st.ctx.layout.cursor.get() {
        Some((x, y)) if x < area.width && y < area.height => {}
        Some(p) => out.push(format!("the cursor {p:?} is off screen")),
        None if scenario.name.contains("card") => {}
        None => out.push("no focused row or cell on screen".into()),
    }
}

/// The Activities table's title keeps at least half the table.
fn title_share(scenario: &Scenario, st: &App, out: &mut Vec<String>) {
    if !scenario.name.starts_with("Activities") || st.overlay().is_some() {
        return;
    }
    let (title, total) = st.ctx.layout.title_share.get();
    if total > 0 && title * 2 < total {
        out.push(format!("the title column has {title} of {total} columns"));
    }
}
