//! The tier of an SDG indicator, as a classification of a given date states it.
//!
//! The IAEG-SDGs sort indicators into tiers: I (method and data both
//! available), II (method, little data), III (no agreed method yet). A
//! classification is a dated statement, and some indicators get a split tier
//! (`Tier I (a)/Tier II (b)`: part (a) is Tier I, part (b) Tier II), so an
//! indicator's tier is kept as the text the classification gives, with the
//! classes it names and its date — never without the date. An indicator a
//! classification leaves out (added or renumbered since) is *unclassified as
//! of* that date, which is not the same as a snapshot that holds no tiers.

use std::fmt;

/// One tier class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TierClass {
    /// Tier I.
    I,
    /// Tier II.
    II,
    /// Tier III.
    III,
}

impl TierClass {
    /// Every class, in order.
    pub const ALL: [TierClass; 3] = [TierClass::I, TierClass::II, TierClass::III];

    /// The roman numeral: `I`, `II`, `III`.
    pub fn name(self) -> &'static str {
        match self {
            TierClass::I => "I",
            TierClass::II => "II",
            TierClass::III => "III",
        }
    }

    fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// The tier classes a tier text names (`Tier I (a)/Tier II (b)` names I and II).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct TierClasses(u8);

impl TierClasses {
    /// Whether `c` is among them.
    pub fn contains(self, c: TierClass) -> bool {
        self.0 & c.bit() != 0
    }
    /// Whether there are none.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// The classes, in order.
    pub fn iter(self) -> impl Iterator<Item = TierClass> {
        TierClass::ALL
            .into_iter()
            .filter(move |&c| self.contains(c))
    }

    /// The classes a tier text names: every roman numeral `I`, `II` or
    /// `III` standing as a word (`Tier I/II depending on service` → I, II).
    /// Lower-case letters such as `(a)` are sub-parts, not classes.
    pub fn parse(text: &str) -> TierClasses {
        let mut set = 0;
        for word in text.split(|c: char| !c.is_ascii_alphanumeric()) {
            let class = match word {
                "I" => TierClass::I,
                "II" => TierClass::II,
                "III" => TierClass::III,
                _ => continue,
            };
            set |= class.bit();
        }
        TierClasses(set)
    }
}

/// What a snapshot says about an indicator's tier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tier {
    /// The snapshot holds no tier for the indicator (no `tier_as_of`).
    Unknown,
    /// The classification of `as_of` does not classify the indicator.
    Unclassified {
        /// The classification's date, `YYYY-MM-DD`.
        as_of: String,
    },
    /// The classification of `as_of` gives the indicator this tier.
    Classified {
        /// The tier as stated, e.g. `Tier I (a)/Tier II (b)`.
        text: String,
        /// The classes the text names.
        classes: TierClasses,
        /// The classification's date, `YYYY-MM-DD`.
        as_of: String,
    },
}

impl Tier {
    /// The classification's date, when there is one.
    pub fn as_of(&self) -> Option<&str> {
        match self {
            Tier::Unknown => None,
            Tier::Unclassified { as_of } | Tier::Classified { as_of, .. } => Some(as_of),
        }
    }

    /// The tier as stated, when classified.
    pub fn text(&self) -> Option<&str> {
        match self {
            Tier::Classified { text, .. } => Some(text),
            _ => None,
        }
    }

    /// The classes the tier names (none unless classified).
    pub fn classes(&self) -> TierClasses {
        match self {
            Tier::Classified { classes, .. } => *classes,
            _ => TierClasses::default(),
        }
    }

    /// The tier in words without its date: `Tier I`, `not classified in
    /// 2022-11`, or empty when unknown. Shown next to [`Tier::as_of`].
    pub fn label(&self) -> String {
        match self {
            Tier::Unknown => String::new(),
            Tier::Unclassified { as_of } => {
                format!("not classified in {}", as_of.get(..7).unwrap_or(as_of))
            }
            Tier::Classified { text, .. } => text.clone(),
        }
    }
}

/// `Tier I (as of 2022-11-30)`, `not classified in 2022-11`, or `tier unknown`.
impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tier::Unknown => f.write_str("tier unknown"),
            Tier::Unclassified { .. } => f.write_str(&self.label()),
            Tier::Classified { text, as_of, .. } => write!(f, "{text} (as of {as_of})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(s: &str) -> Vec<&'static str> {
        TierClasses::parse(s).iter().map(TierClass::name).collect()
    }

    #[test]
    fn classes_are_the_roman_numerals_standing_as_words() {
        assert_eq!(classes("Tier I"), ["I"]);
        assert_eq!(classes("Tier II"), ["II"]);
        assert_eq!(classes("Tier I (a)/Tier II (b, c)"), ["I", "II"]);
        assert_eq!(classes("Tier I/II depending on indice"), ["I", "II"]);
        assert_eq!(classes("Tier I/II/III"), ["I", "II", "III"]);
        assert!(classes("Tier IV").is_empty());
        assert!(classes("Tiers").is_empty());
        assert!(classes("").is_empty());
    }

    #[test]
    fn a_tier_always_carries_its_date() {
        let t = Tier::Classified {
            text: "Tier I".into(),
            classes: TierClasses::parse("Tier I"),
            as_of: "2022-11-30".into(),
        };
        assert_eq!(t.to_string(), "Tier I (as of 2022-11-30)");
        assert_eq!(t.as_of(), Some("2022-11-30"));
        let u = Tier::Unclassified {
            as_of: "2022-11-30".into(),
        };
        assert_eq!(u.to_string(), "not classified in 2022-11");
        assert_eq!(u.label(), "not classified in 2022-11");
        assert!(u.classes().is_empty());
        assert_eq!(Tier::Unknown.label(), "");
        assert_eq!(Tier::Unknown.as_of(), None);
    }
}
