//! Suggestions: which SDGs, targets and WSIS Action Lines a free text
//! serves, each with the evidence that supports it — never a stated link.
//!
//! The engine is UI-free and offline. [`aurora`] parses and evaluates the
//! Aurora Universities Network's SDG queries (compiled into the binary);
//! [`text`] normalizes words for both sides; [`lexicon`] weighs a text's
//! words against each goal's official and Aurora wording and sdgmap's
//! vocabulary; [`goals`] gathers those weights on each goal's targets and
//! decides which goals a text gets; [`engine`] runs it all and adds the
//! Matrix's Action Lines into [`Suggestions`], whose [`evidence`] says why
//! each suggestion is made.
//!
//! ```
//! let snapshot = sdgmap::snapshot::load_bundled().unwrap();
//! let engine = sdgmap::suggest::Engine::new(&snapshot).unwrap();
//! let s = engine.suggest("Solar mini-grids bring electricity to rural clinics");
//! assert!(s.goal_numbers().contains(&7));
//! ```

pub mod aurora;
pub mod engine;
pub mod evidence;
mod explain;
pub mod goals;
mod index;
mod lemma;
pub mod lexicon;
mod lines;
pub mod render;
pub mod stored;
pub mod text;

pub use engine::{Engine, EngineError, Params};
pub use evidence::{
    Evidence, GoalSuggestion, LineSuggestion, LineVia, Match, Suggestions, TargetSuggestion,
    WordEvidence,
};
pub use lexicon::Source;
pub use stored::{StoredGoal, StoredLine, StoredSuggestions, StoredTarget};

/// The engine's version, stored with every suggestion: bump it whenever a
/// change could change what is suggested for some text.
pub const ENGINE_VERSION: &str = "sdgmap-suggest/5 (Aurora SDG queries v5.0)";

/// The credit the Aurora queries' licence asks for; shown with every suggestion.
pub const CREDIT: &str =
    "Aurora Universities Network, SDG queries v5.0, doi 10.5281/zenodo.3817445, CC-BY-4.0";
