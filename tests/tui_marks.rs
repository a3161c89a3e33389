//! Bookmarks in the app: `b`, `'` (open, rename, delete, edit), `y`, and
//! opening a bookmark made on another snapshot — scripted actions with the
//! effects performed against a real store in a temporary directory.

#![allow(clippy::unwrap_used)] // test helpers may unwrap: a failure is the test failing

use sdgmap::bookmarks::{SnapshotRef, Store, snapshot_fingerprint};
use sdgmap::paths::Paths;
use sdgmap::snapshot::{BUNDLED, load_bundled};
use sdgmap::tour::Screen;
use sdgmap::tui::action::Action::{self, *};
use sdgmap::tui::effect::Io;
use sdgmap::tui::overlays::Overlay;
use sdgmap::tui::{App as Explorer, Theme, ThemeChoice};
use sdgmap::tui::{Env, osc52};

struct App {
    st: Explorer,
    env: Env,
    out: Vec<u8>,
    _dir: tempfile::TempDir,
}

fn app() -> App {
    let dir = tempfile::tempdir().unwrap();
    let snap = load_bundled().unwrap();
    let current = snapshot_fingerprint(&snap, BUNDLED.as_bytes());
    let env = Env {
        store: Ok(Store::open(&Paths::at(dir.path())).unwrap()),
        current,
    };
    App {
        st: Explorer::new(snap, Theme::new(ThemeChoice::Dark), "test".into()),
        env,
        out: Vec::new(),
        _dir: dir,
    }
}

impl App {
    fn run(&mut self, actions: &[Action]) {
        for &a in actions {
            for io in self.st.update(a) {
                if matches!(io, Io::Copy(_) | Io::Bookmark(_)) {
                    self.st.perform(&mut self.env, io, &mut self.out);
                }
            }
        }
    }
    fn typed(&mut self, s: &str) {
        let keys: Vec<Action> = s.chars().map(Insert).collect();
        self.run(&keys);
    }
    fn names(&self) -> Vec<String> {
        match &self.env.store {
            Ok(s) => s.list().iter().map(|b| b.name.clone()).collect(),
            Err(e) => panic!("{e}"),
        }
    }
    /// The rows of the open bookmark list.
    fn rows(&self) -> Vec<sdgmap::tui::ask::MarkRow> {
        self.st
            .overlays
            .iter()
            .find_map(|o| match o {
                Overlay::Marks(l) => Some(l.rows.clone()),
                _ => None,
            })
            .unwrap_or_default()
    }
    fn status(&self) -> String {
        self.st.ctx.status.clone().unwrap_or_default()
    }
}

#[test]
fn b_saves_the_current_view_and_asks_before_replacing() {
    let mut a = app();
    a.run(&[OpenFilter]);
    a.typed("sdg:9 al:C2");
    a.run(&[Accept, Show(Screen::Sdgs), SaveBookmark]);
    a.typed("nine");
    a.run(&[Accept]);
    assert_eq!(a.names(), ["nine"]);
    let saved = a
        .env
        .store
        .as_ref()
        .unwrap()
        .get("nine")
        .unwrap()
        .view
        .clone();
    assert_eq!(saved, "sdg:9 al:C2 show:sdgs");
    assert!(
        a.status().contains("saved bookmark 'nine'"),
        "{}",
        a.status()
    );
    // saving again under the same name asks; n keeps the old one
    a.run(&[Show(Screen::Activities), SaveBookmark]);
    a.typed("nine");
    a.run(&[Accept]);
    assert!(matches!(a.st.overlay(), Some(Overlay::Prompt(p)) if p.ask.is_confirm()));
    a.run(&[No]);
    assert_eq!(
        a.env.store.as_ref().unwrap().get("nine").unwrap().view,
        saved
    );
    // y replaces it
    a.run(&[SaveBookmark]);
    a.typed("nine");
    a.run(&[Accept, Yes]);
    assert_eq!(
        a.env.store.as_ref().unwrap().get("nine").unwrap().view,
        "sdg:9 al:C2 show:activities"
    );
}

#[test]
fn the_list_opens_renames_edits_and_deletes() {
    let mut a = app();
    a.run(&[DrillIn, SaveBookmark]);
    a.typed("cell");
    a.run(&[Accept, Back, OpenBookmarks]);
    assert_eq!(a.rows().len(), 1);
    assert_eq!(a.rows()[0].view, "show:links focus:C1@1");
    // rename
    a.run(&[RenameBookmark, ClearInput]);
    a.typed("first cell");
    a.run(&[Accept]);
    assert_eq!(a.names(), ["first cell"]);
    // edit the view string
    a.run(&[EditBookmark, ClearInput]);
    a.typed("sdg:4 show:sdgs focus:4.4");
    a.run(&[Accept]);
    assert_eq!(a.rows()[0].view, "sdg:4 show:sdgs focus:4.4");
    // open it: the view, the screen and the focus come back
    a.run(&[Accept]);
    assert!(a.st.overlay().is_none());
    assert_eq!(a.st.screen, Screen::Sdgs);
    assert_eq!(
        a.st.drill.trail.last().unwrap().entity.key(&a.st.ctx.snap),
        "4.4"
    );
    assert_eq!(a.st.ctx.filters.chips.len(), 1);
    // delete asks first
    a.run(&[OpenBookmarks, DeleteBookmark, No]);
    assert_eq!(a.names(), ["first cell"]);
    a.run(&[OpenBookmarks, DeleteBookmark, Yes]);
    assert!(a.names().is_empty());
}

#[test]
fn the_list_filters_by_typing_after_slash() {
    let mut a = app();
    for name in ["alpha", "beta", "gamma"] {
        a.run(&[SaveBookmark]);
        a.typed(name);
        a.run(&[Accept]);
    }
    a.run(&[OpenBookmarks, FilterList]);
    a.typed("gam");
    let Some(Overlay::Marks(l)) = a.st.overlay() else {
        panic!()
    };
    let shown: Vec<String> = l.shown().iter().map(|r| r.name.clone()).collect();
    assert_eq!(shown, ["gamma"]);
}

#[test]
fn y_copies_the_view_through_osc52() {
    let mut a = app();
    a.run(&[OpenFilter]);
    a.typed("sdg:3");
    a.run(&[Accept, CopyView]);
    let out = String::from_utf8(a.out.clone()).unwrap();
    assert_eq!(out, osc52("sdg:3 show:links"));
    assert!(out.starts_with("\x1b]52;c;") && out.ends_with('\x07'));
    assert!(a.status().contains("copied: sdg:3 show:links"));
}

#[test]
fn a_bookmark_from_another_snapshot_opens_with_warnings_not_a_crash() {
    let mut a = app();
    // made on "another snapshot" (different hash) and naming an id this one lacks
    let other = SnapshotRef {
        title: "older".into(),
        date: "2020-01-01".into(),
        hash: "sha256:00".into(),
    };
    let view = sdgmap::view::parse("sdg:3 focus:gone-activity").unwrap();
    a.env
        .store
        .as_mut()
        .unwrap()
        .save("old", &view, &other, sdgmap::bookmarks::Overwrite::No)
        .unwrap();
    a.run(&[OpenBookmarks]);
    assert!(a.rows()[0].stale && a.rows()[0].broken);
    a.run(&[Accept]);
    let status = a.status();
    assert!(status.contains("was made on snapshot older"), "{status}");
    assert!(status.contains("gone-activity"), "{status}");
    assert!(a.st.drill.trail.is_empty(), "the missing focus is dropped");
    assert_eq!(a.st.ctx.filters.chips.len(), 1);
}

#[test]
fn an_unavailable_store_is_reported_not_fatal() {
    let mut a = app();
    a.env.store = Err("the data directory is not writable".into());
    a.run(&[SaveBookmark]);
    a.typed("x");
    a.run(&[Accept]);
    assert!(
        a.status().contains("bookmarks are unavailable"),
        "{}",
        a.status()
    );
}

#[test]
fn a_long_name_is_whole_where_the_views_leave_room() {
    let mut a = app();
    let name = "my-digital-view-with-a-rather-long-name";
    a.run(&[SaveBookmark]);
    a.typed(name);
    a.run(&[Accept, OpenBookmarks]);
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    t.draw(|f| sdgmap::tui::render(f, &a.st)).unwrap();
    let buf = t.backend().buffer().clone();
    let text: String = (0..24)
        .map(|y| (0..80).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect();
    assert!(text.contains(name), "{text}");
}
