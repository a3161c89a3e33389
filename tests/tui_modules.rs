//! The modules of `src/tui` form no cycle: every `use` and path that names
//! another tui module (`crate::tui::…`, `super::…`, `self::…`, or a child
//! module by name) is an edge, and the graph of files — and the graph of
//! the top-level modules, each directory taken whole — must be acyclic.
//! No module may reach for the root's re-exports either.
//!
//! `cargo test --test tui_modules -- --nocapture` prints the top-level
//! modules in layers (each uses only layers above it), as the README shows.

#![allow(clippy::expect_used, clippy::unwrap_used)] // a failure is the test failing

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Module = Vec<String>;

/// Every module of `src/tui` (its path below `tui`) and its code, without
/// comments and unit tests.
fn modules() -> BTreeMap<Module, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let mut out = BTreeMap::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read src/tui") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(&root).expect("under src/tui");
            let mut m: Module = rel
                .with_extension("")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if m.last().is_some_and(|l| l == "mod") {
                m.pop();
            }
            let text = std::fs::read_to_string(&path).expect("read module");
            // unit tests sit in a `mod tests` at the end: `super` means something else there
            let text = text.split("#[cfg(test)]").next().unwrap_or_default();
            let code: String = text
                .lines()
                .map(|l| match l.find("//") {
                    Some(i) => &l[..i],
                    None => l,
                })
                .collect::<Vec<_>>()
                .join("\n");
            out.insert(m, code);
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The paths written at `s` (after a `prefix::`): `a::b`, or each item of
/// a group `{a, b::{c, d}}`, as segment lists.
fn paths(s: &str) -> Vec<Vec<String>> {
    let s = s.trim_start();
    if let Some(rest) = s.strip_prefix('{') {
        // split the group at its top-level commas
        let mut depth = 0;
        let mut items = Vec::new();
        let mut start = 0;
        for (i, c) in rest.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    items.push(&rest[start..i]);
                    break;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    items.push(&rest[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        return items.into_iter().flat_map(paths).collect();
    }
    let ident: String = s.chars().take_while(|&c| is_ident(c)).collect();
    if ident.is_empty() {
        return vec![Vec::new()];
    }
    let rest = &s[ident.len()..];
    match rest.strip_prefix("::") {
        Some(more) => paths(more)
            .into_iter()
            .map(|mut p| {
                p.insert(0, ident.clone());
                p
            })
            .collect(),
        None => vec![vec![ident]],
    }
}

/// The longest prefix of `path` that is a module.
fn resolve(path: &[String], all: &BTreeMap<Module, String>) -> Option<Module> {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|p| all.contains_key(p))
}

/// The modules `m` refers to.
fn refs(m: &Module, code: &str, all: &BTreeMap<Module, String>) -> BTreeSet<Module> {
    let mut out = BTreeSet::new();
    let children: Vec<String> = all
        .keys()
        .filter(|k| k.len() == m.len() + 1 && k.starts_with(m))
        .map(|k| k[m.len()].clone())
        .collect();
    let chars: Vec<(usize, char)> = code.char_indices().collect();
    for (k, &(i, _)) in chars.iter().enumerate() {
        // a path starts where an identifier starts, not after `::`
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        if prev.is_some_and(|c| is_ident(c) || c == ':') {
            continue;
        }
        let rest = &code[i..];
        let (base, after): (Module, &str) = if let Some(r) = rest.strip_prefix("crate::tui::") {
            (Vec::new(), r)
        } else if let Some(r) = rest.strip_prefix("self::") {
            (m.clone(), r)
        } else if rest.starts_with("super::") {
            let mut base = m.clone();
            let mut r = rest;
            while let Some(x) = r.strip_prefix("super::") {
                base.pop();
                r = x;
            }
            (base, r)
        } else {
            let child = children.iter().any(|c| {
                rest.starts_with(&format!("{c}::")) && !rest[c.len() + 2..].starts_with(':')
            });
            if !child {
                continue;
            }
            (m.clone(), rest)
        };
        for p in paths(after) {
            let mut full = base.clone();
            full.extend(p);
            if let Some(target) = resolve(&full, all)
                && &target != m
            {
                out.insert(target);
            }
        }
    }
    out
}

/// A cycle in `graph`, if there is one.
fn cycle(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    fn visit(
        n: &Module,
        g: &BTreeMap<Module, BTreeSet<Module>>,
        state: &mut BTreeMap<Module, u8>,
        stack: &mut Vec<Module>,
    ) -> Option<Vec<Module>> {
        match state.get(n) {
            Some(2) => return None,
            Some(1) => {
                let at = stack.iter().position(|x| x == n).unwrap_or(0);
                let mut c = stack[at..].to_vec();
                c.push(n.clone());
                return Some(c);
            }
            _ => {}
        }
        state.insert(n.clone(), 1);
        stack.push(n.clone());
        for m in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, g, state, stack) {
                return Some(c);
            }
        }
        stack.pop();
        state.insert(n.clone(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in graph.keys() {
        if let Some(c) = visit(n, graph, &mut state, &mut Vec::new()) {
            return Some(c);
        }
    }
    None
}

fn name(m: &Module) -> String {
    if m.is_empty() {
        "tui".into()
    } else {
        m.join("::")
    }
}

fn show(c: &[Module]) -> String {
    c.iter().map(name).collect::<Vec<_>>().join(" → ")
}

#[test]
fn the_tui_modules_form_no_cycle() {
    let all = modules();
    assert!(all.len() > 40, "found only {} modules", all.len());
    let graph: BTreeMap<Module, BTreeSet<Module>> = all
        .iter()
        .map(|(m, code)| (m.clone(), refs(m, code, &all)))
        .collect();
    // the parser sees the edges it must see
    let edges =
        |from: &[&str]| graph[&from.iter().map(|s| s.to_string()).collect::<Module>()].clone();
    assert!(edges(&["app"]).contains(&vec!["ctx".to_string()]));
    assert!(
        edges(&["screens", "tree"]).contains(&vec!["screens".to_string(), "panes".to_string()])
    );
    assert!(edges(&["screens", "matrix"]).contains(&vec![
        "screens".to_string(),
        "matrix".to_string(),
        "cells".to_string()
    ]));

    for (m, to) in &graph {
        assert!(
            m.is_empty() || !to.contains(&Vec::new()),
            "{} reaches for the root module's re-exports",
            name(m)
        );
    }
    if let Some(c) = cycle(&graph) {
        panic!("the tui modules form a cycle: {}", show(&c));
    }

    // the top-level modules, each directory taken whole
    let mut top: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (m, to) in &graph {
        let Some(a) = m.first() else { continue };
        let entry = top.entry(vec![a.clone()]).or_default();
        for t in to {
            if let Some(b) = t.first()
                && b != a
            {
                entry.insert(vec![b.clone()]);
            }
        }
    }
    if let Some(c) = cycle(&top) {
        panic!("the top-level tui modules form a cycle: {}", show(&c));
    }
    // layers: each module sits one below the deepest module it uses
    let mut layer: BTreeMap<Module, usize> = BTreeMap::new();
    while layer.len() < top.len() {
        for (m, to) in &top {
            if layer.contains_key(m) {
                continue;
            }
            if to.iter().all(|t| layer.contains_key(t)) {
                let l = to.iter().map(|t| layer[t] + 1).max().unwrap_or(0);
                layer.insert(m.clone(), l);
            }
        }
    }
    let depth = layer.values().max().copied().unwrap_or(0);
    for l in 0..=depth {
        let names: Vec<String> = layer
            .iter()
            .filter(|&(_, &x)| x == l)
            .map(|(m, _)| name(m))
            .collect();
        println!("layer {l}: {}", names.join(" "));
    }
    for (m, to) in &top {
        let to: Vec<String> = to.iter().map(name).collect();
        println!("{} → {}", name(m), to.join(" "));
    }
}

#[test]
fn a_cycle_is_found_and_groups_are_parsed() {
    let m = |s: &str| s.split("::").map(str::to_string).collect::<Module>();
    let mut g: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    g.insert(m("a"), [m("b")].into());
    g.insert(m("b"), [m("c")].into());
    g.insert(m("c"), BTreeSet::new());
    assert_eq!(cycle(&g), None);
    g.insert(m("c"), [m("a")].into());
    assert_eq!(show(&cycle(&g).unwrap_or_default()), "a → b → c → a");
    assert_eq!(
        paths("{a, b::{c, d::E}, f::G}; rest"),
        [m("a"), m("b::c"), m("b::d::E"), m("f::G")]
    );
}
