//! Small formatting pieces shared by the reports of every loader (snapshot,
//! tour): one problem per line, indented under the file's heading.

use std::fmt;

/// Displays items one per line, each indented by two spaces.
pub struct Indented<'a, T>(pub &'a [T]);

impl<T: fmt::Display> fmt::Display for Indented<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "  {p}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::Indented;

    #[test]
    fn one_item_per_indented_line() {
        assert_eq!(Indented(&["a", "b"]).to_string(), "  a\n  b");
        assert_eq!(Indented::<&str>(&[]).to_string(), "");
    }
}
