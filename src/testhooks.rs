//! Hooks the end-to-end tests use to reach states a user cannot produce on
//! purpose: a panic inside the event loop, and a bookmark save slow enough
//! to be killed halfway. They exist only when the crate is built with the
//! `test-hooks` feature, which the test build turns on (Cargo.toml's
//! dev-dependency on this crate); a release binary reads no such variable.

use std::time::Duration;

/// The longest pause [`slow_save_pause`] grants, so a hook can never hold
/// the bookmarks lock for long.
pub const MAX_SLOW_SAVE: Duration = Duration::from_secs(5);

/// `SDGMAP_TEST_SLOW_SAVE_MS`: how long a bookmark save sleeps halfway
/// through writing its temporary file and again before renaming it (at most
/// [`MAX_SLOW_SAVE`]); `None` without the feature or the variable.
pub fn slow_save_pause() -> Option<Duration> {
    if !cfg!(feature = "test-hooks") {
        return None;
    }
    std::env::var("SDGMAP_TEST_SLOW_SAVE_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
        .map(|ms| Duration::from_millis(ms).min(MAX_SLOW_SAVE))
}

/// `SDGMAP_TEST_PANIC`: whether `!` in the explorer panics on purpose;
/// always false without the feature.
pub fn panic_requested() -> bool {
    cfg!(feature = "test-hooks") && std::env::var_os("SDGMAP_TEST_PANIC").is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pause_is_capped() {
        // SAFETY-free: tests in this module are the only readers of the variable.
        if cfg!(feature = "test-hooks") {
            assert!(slow_save_pause().is_none_or(|d| d <= MAX_SLOW_SAVE));
        } else {
            assert_eq!(slow_save_pause(), None);
            assert!(!panic_requested());
        }
    }
}
