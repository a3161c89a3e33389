//! Canonical printing of a [`View`]: `parse(&v.to_string()) == v`.
//!
//! Facets come in the fixed [`Key`] order, includes before excludes, values
//! in the order [`View::normalize`] leaves them; free text follows in typed
//! order, then the switched-off `~` filters, then `show:`, `with:`,
//! `focus:` and `at:`. Words that would otherwise be read
//! differently (spaces, quotes, commas, colons) are double-quoted, so a
//! printed view survives a round trip through bookmarks and shells.

use std::fmt;

use super::parse::Located;
use super::{Facet, Key, View, YearRange, status_name};

impl fmt::Display for View {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&print_located(self).0)
    }
}

/// The canonical text of `v` and where each facet value stands in it.
pub(super) fn print_located(v: &View) -> (String, Vec<Located>) {
    let mut p = Printer::default();
    p.facet(Key::Sdg, &v.sdg, |n| n.to_string());
    p.facet(Key::Target, &v.target, |s| s.clone());
    p.facet(Key::Al, &v.al, |s| s.clone());
    p.facet(Key::Sector, &v.sector, |s| s.clone());
    p.facet(Key::Kind, &v.kind, |s| s.clone());
    p.facet(Key::Lead, &v.lead, |s| s.clone());
    p.facet(Key::Partner, &v.partner, |s| s.clone());
    p.facet(Key::Year, &v.year, |r| year(*r));
    p.facet(Key::Status, &v.status, |s| status_name(*s).to_string());
    p.facet(Key::Source, &v.source, |s| s.clone());
    for t in &v.text {
        p.sep();
        p.out.push_str(&quote(t, true));
    }
    for t in &v.off {
        p.sep();
        p.out.push('~');
        p.out.push_str(t);
    }
    if let Some(s) = v.show {
        p.one(Key::Show, s.name());
    }
    if v.cross_cutting {
        p.one(Key::With, super::CROSS_CUTTING);
    }
    if let Some(s) = &v.focus {
        p.one(Key::Focus, s);
    }
    if let Some(s) = &v.at {
        p.one(Key::At, s);
    }
    (p.out, p.located)
}

#[derive(Default)]
struct Printer {
    out: String,
    located: Vec<Located>,
}

impl Printer {
    fn sep(&mut self) {
        if !self.out.is_empty() {
            self.out.push(' ');
        }
    }

    fn facet<T>(&mut self, key: Key, f: &Facet<T>, show: impl Fn(&T) -> String) {
        for (neg, values) in [(false, &f.include), (true, &f.exclude)] {
            if values.is_empty() {
                continue;
            }
            self.sep();
            if neg {
                self.out.push('-');
            }
            self.out.push_str(key.name());
            self.out.push(':');
            for (i, x) in values.iter().enumerate() {
                if i > 0 {
                    self.out.push(',');
                }
                let value = show(x);
                let start = self.out.len();
                self.out.push_str(&quote(&value, false));
                self.located.push(Located {
                    key,
                    value,
                    span: start..self.out.len(),
                });
            }
        }
    }

    fn one(&mut self, key: Key, value: &str) {
        self.sep();
        self.out.push_str(key.name());
        self.out.push(':');
        let start = self.out.len();
        self.out.push_str(&quote(value, false));
        self.located.push(Located {
            key,
            value: value.to_string(),
            span: start..self.out.len(),
        });
    }
}

/// `s` as a word: quoted when it has whitespace, quotes, backslashes, is
/// empty, or (values) has a comma, or (text) has a colon or starts with `~`.
pub(super) fn quote(s: &str, text: bool) -> String {
    let needs = s.is_empty()
        || (text && s.starts_with('~'))
        || s.chars().any(|c| {
            c.is_whitespace() || c == '"' || c == '\\' || (!text && c == ',') || (text && c == ':')
        });
    if !needs {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

fn year(r: YearRange) -> String {
    match (r.from, r.to) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (a, b) => format!(
            "{}..{}",
            a.map(|y| y.to_string()).unwrap_or_default(),
            b.map(|y| y.to_string()).unwrap_or_default()
        ),
    }
}
