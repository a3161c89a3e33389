//! `sdgmap completions` and `sdgmap man` come from the clap definitions:
//! every subcommand and flag the binary has is in them.

#![allow(clippy::unwrap_used)] // a failure is the test failing

use std::process::Command;

fn sdgmap(args: &[&str]) -> (i32, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_sdgmap"))
        .args(args)
        .output()
        .unwrap();
    (
        o.status.code().unwrap(),
        String::from_utf8(o.stdout).unwrap(),
    )
}

const SUBCOMMANDS: [&str; 11] = [
    "check",
    "query",
    "export",
    "diff",
    "import",
    "tour",
    "bookmarks",
    "paths",
    "suggest",
    "present",
    "completions",
];

#[test]
fn completions_name_every_subcommand_in_each_shell() {
    for shell in ["bash", "zsh", "fish"] {
        let (code, out) = sdgmap(&["completions", shell]);
        assert_eq!(code, 0, "{shell}");
        for sub in SUBCOMMANDS {
            assert!(out.contains(sub), "{shell} completions lack {sub}");
        }
        let flag = |f: &str| out.contains(&format!("--{f}")) || out.contains(&format!("-l {f}"));
        assert!(flag("data") && flag("theme"), "{shell}: global flags");
    }
    let (code, _) = sdgmap(&["completions", "tcsh"]);
    assert_eq!(code, 2, "an unknown shell is a usage error");
}

#[test]
fn the_man_page_documents_the_commands() {
    let (code, out) = sdgmap(&["man"]);
    assert_eq!(code, 0);
    assert!(
        out.contains(".TH sdgmap 1"),
        "{}",
        &out[..out.len().min(200)]
    );
    for sub in SUBCOMMANDS {
        assert!(out.contains(sub), "man page lacks {sub}");
    }
    assert!(out.contains("Exit codes"), "the exit codes are documented");
}

/// `sdgmap man | head` and `sdgmap completions bash | head`: a reader that
/// goes away before the output is written is no error.
#[test]
fn a_reader_gone_before_the_output_is_no_error() {
    for args in [
        &["man"][..],
        &["completions", "bash"],
        &["completions", "fish"],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sdgmap"))
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // the reading end closes at once, before the child can write
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.is_empty(), "{args:?}: {err}");
        assert_eq!(out.status.code(), Some(0), "{args:?}");
    }
}
