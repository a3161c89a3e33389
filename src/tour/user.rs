//! The user's own tours: recorded with `T` in the app and kept by name in
//! the data directory's `tours/` folder (see [`crate::paths::Paths`]), one
//! `NAME.json` each, listed by `sdgmap tour list` and presented by name
//! with `sdgmap present NAME`.
//!
//! A name becomes a file name, so it is checked like one: not empty, at
//! most 80 characters, no path separators, no leading dot, no control,
//! bidi or zero-width characters — and not the name of a bundled tour,
//! which it would otherwise shadow.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use super::BUNDLED_TOURS;

/// The longest tour name, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// Checks a tour name and returns it trimmed, or says what is wrong.
pub fn check_name(name: &str) -> Result<String, String> {
    let n = name.trim();
    let refuse = |why: &str| Err(format!("'{n}' cannot name a tour: {why}"));
    if n.is_empty() {
        return Err("a tour needs a name".into());
    }
    if n.chars().count() > MAX_NAME_CHARS {
        return refuse("it is longer than 80 characters");
    }
    let clean = crate::sanitize::sanitize(n, crate::sanitize::Lines::Single);
    if !matches!(clean, Cow::Borrowed(_)) || n.chars().any(char::is_control) {
        return refuse("it contains control, bidi or zero-width characters");
    }
    if n.contains(['/', '\\']) || n.starts_with('.') {
        return refuse("a name has no slashes and does not start with a dot");
    }
    if BUNDLED_TOURS.iter().any(|(b, _)| b.eq_ignore_ascii_case(n)) {
        return refuse("a bundled tour has this name");
    }
    Ok(n.to_string())
}

/// The file of the user's tour `name` in `dir`.
pub fn path(dir: &Path, name: &str) -> PathBuf {
    dir.join(format!("{name}.json"))
}

/// What an answer to "record into which tour?" means: a file when it
/// looks like one (it has a path separator or ends in `.json`), else the
/// user's tour of that name in `dir`. Returns the file and the name to
/// show.
pub fn resolve(answer: &str, dir: Option<&Path>) -> Result<(PathBuf, String), String> {
    let a = answer.trim();
    let looks_like_file = a.contains(['/', '\\'])
        || Path::new(a)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if looks_like_file {
        let shown = crate::sanitize::sanitize(a, crate::sanitize::Lines::Single).into_owned();
        return Ok((PathBuf::from(a), shown));
    }
    let name = check_name(a)?;
    match dir {
        Some(d) => Ok((path(d, &name), name)),
        None => Err(format!(
            "no data directory to keep tour '{name}' in (set SDGMAP_HOME), or type a .json file path"
        )),
    }
}

/// The user's tours in `dir`, by name (sorted); none when the folder does
/// not exist yet.
pub fn list(dir: &Path) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, PathBuf)> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        })
        .filter_map(|p| {
            let name = p.file_stem()?.to_str()?.to_string();
            check_name(&name).ok().map(|n| (n, p))
        })
        .collect();
    out.sort();
    out
}

/// The file of the user's tour `name` in `dir`, if it exists.
pub fn find(dir: &Path, name: &str) -> Option<PathBuf> {
    let name = check_name(name).ok()?;
    let p = path(dir, &name);
    p.is_file().then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked_like_file_names() {
        assert_eq!(check_name("  board meeting ").unwrap(), "board meeting");
        for bad in ["", "a/b", "..", ".hidden", "x\u{202e}y", "itu-2030-agenda"] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn answers_are_names_in_the_folder_or_files() {
        let dir = Path::new("/data/tours");
        let (p, n) = resolve("board", Some(dir)).unwrap();
        assert_eq!((p, n.as_str()), (dir.join("board.json"), "board"));
        let (p, _) = resolve("talks/board.json", Some(dir)).unwrap();
        assert_eq!(p, PathBuf::from("talks/board.json"));
        let (p, _) = resolve("board.json", None).unwrap();
        assert_eq!(p, PathBuf::from("board.json"));
        assert!(resolve("board", None).unwrap_err().contains("SDGMAP_HOME"));
    }

    #[test]
    fn the_folder_lists_tours_by_name() {
        let dir = tempfile::tempdir().unwrap();
        assert!(list(&dir.path().join("none")).is_empty());
        std::fs::write(dir.path().join("b.json"), "{}").unwrap();
        std::fs::write(dir.path().join("a.json"), "{}").unwrap();
        std::fs::write(dir.path().join("notes.txt"), "").unwrap();
        let names: Vec<String> = list(dir.path()).into_iter().map(|(n, _)| n).collect();
        assert_eq!(names, ["a", "b"]);
        assert_eq!(find(dir.path(), "a"), Some(dir.path().join("a.json")));
        assert_eq!(find(dir.path(), "c"), None);
    }
}
