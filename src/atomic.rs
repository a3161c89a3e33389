//! Writing a file all at once or not at all, and never over something it
//! should not replace: the one way sdgmap puts a file on disk (exports,
//! imported snapshots, tours, bookmarks).
//!
//! The bytes go to a temporary file beside the target, which is fsynced
//! and renamed over it, then the directory is fsynced: a reader, or a crash
//! at any moment, sees the whole old file or the whole new one. Before
//! that, [`Output::create`] refuses
//!
//! - a target that is one of the command's inputs (the same file, however
//!   it is named: a symbolic or hard link to it is the same file),
//! - anything but a regular file (a device, a FIFO, a directory, a socket
//!   is never replaced by a regular file), and
//! - a read-only file (no write permission bit, or not writable by this
//!   user): the permission is the user's word, also for root.
//!
//! A new file gets the usual permissions (0666 less the umask); a replaced
//! one keeps its mode (and, where allowed, its owner). A symbolic link to a
//! regular file stays a link: the file it points to is replaced.
//!
//! Temporary files are named `.<name>.<random>.sdgmap.tmp` and locked
//! (advisory, `fs4`) while written. A writer killed with `kill -9` leaves
//! its temporary file unlocked; the next write into that directory removes
//! every unlocked one of ours, so they never pile up.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::sanitize::{Lines, sanitize};

/// Why an output was not written. Every variant names the file, safe to print.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The target is an input of the same command.
    #[error(
        "{output} is the same file as the input {input}; sdgmap does not write over its input (choose another output file)"
    )]
    SameAsInput {
        /// The output as given.
        output: String,
        /// The input it is.
        input: String,
    },
    /// The target exists and is not a regular file.
    #[error("{path} is {kind}, not a regular file; sdgmap only replaces regular files")]
    NotRegular {
        /// The output as given.
        path: String,
        /// What it is: `a directory`, `a FIFO`, `a character device` …
        kind: &'static str,
    },
    /// The target is read-only.
    #[error("{path} is read-only; sdgmap does not write over it (make it writable to allow that)")]
    ReadOnly {
        /// The output as given.
        path: String,
    },
    /// Creating, writing, syncing or renaming failed.
    #[error("{path}: {reason}")]
    Io {
        /// The file or directory involved.
        path: String,
        /// What failed, in plain words with the OS message.
        reason: String,
        /// The error.
        #[source]
        source: io::Error,
    },
}

impl OutputError {
    fn io(path: &Path, source: io::Error) -> Self {
        OutputError::Io {
            path: shown(path),
            reason: crate::bookmarks::describe_io(&source),
            source,
        }
    }
}

/// A path for messages: control, bidi and zero-width characters made visible.
fn shown(p: &Path) -> String {
    sanitize(&p.display().to_string(), Lines::Single).into_owned()
}

/// The end of temporary file names, to know ours.
const TEMP_SUFFIX: &str = ".sdgmap.tmp";

/// A file being written: fill [`Output::file`], then [`Output::commit`].
/// Dropped without committing, the temporary file is removed and the
/// target is untouched.
#[derive(Debug)]
pub struct Output {
    tmp: tempfile::NamedTempFile,
    target: PathBuf,
    dir: PathBuf,
}

impl Output {
    /// Checks `path` against the rules above and `inputs`, removes stale
    /// temporary files of ours beside it, and creates the locked temporary
    /// file with the permissions the result will have.
    pub fn create(path: &Path, inputs: &[&Path]) -> Result<Output, OutputError> {
        let existing = match fs::metadata(path) {
            Ok(m) => Some(m),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(OutputError::io(path, e)),
        };
        for input in inputs {
            if same_file(path, existing.as_ref(), input) {
                return Err(OutputError::SameAsInput {
                    output: shown(path),
                    input: shown(input),
                });
            }
        }
        // the file itself, through any symbolic links, is what gets replaced
        let target = match &existing {
            Some(_) => fs::canonicalize(path).map_err(|e| OutputError::io(path, e))?,
            None => path.to_path_buf(),
        };
        if let Some(m) = &existing {
            if !m.is_file() {
                return Err(OutputError::NotRegular {
                    path: shown(path),
                    kind: kind_of(&m.file_type()),
                });
            }
            let writable = !m.permissions().readonly()
                && fs::OpenOptions::new().append(true).open(&target).is_ok();
            if !writable {
                return Err(OutputError::ReadOnly { path: shown(path) });
            }
        }
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        remove_stale(&dir, &name);
        let tmp = locked_temp(&dir, &name, existing.as_ref())?;
        Ok(Output { tmp, target, dir })
    }

    /// The temporary file, to write the contents to.
    pub fn file(&mut self) -> &mut File {
        self.tmp.as_file_mut()
    }

    /// Syncs the contents, renames the file over the target and syncs the
    /// directory, so the new file is durable once this returns.
    pub fn commit(self) -> Result<(), OutputError> {
        let Output { tmp, target, dir } = self;
        tmp.as_file()
            .sync_all()
            .map_err(|e| OutputError::io(tmp.path(), e))?;
        tmp.persist(&target)
            .map_err(|e| OutputError::io(&target, e.error))?;
        if let Ok(d) = File::open(&dir) {
            let _ = d.sync_all(); // best effort: not every system opens directories
        }
        Ok(())
    }
}

/// Writes `path` atomically with what `fill` writes (buffered), under the
/// rules of [`Output::create`].
pub fn write<E: From<OutputError> + From<io::Error>>(
    path: &Path,
    inputs: &[&Path],
    fill: impl FnOnce(&mut dyn Write) -> Result<(), E>,
) -> Result<(), E> {
    let mut out = Output::create(path, inputs)?;
    {
        let mut w = io::BufWriter::new(out.file());
        fill(&mut w)?;
        w.flush()?;
    }
    out.commit()?;
    Ok(())
}

/// Whether `output` (with its metadata, if it exists) is the file `input`.
fn same_file(output: &Path, meta: Option<&fs::Metadata>, input: &Path) -> bool {
    let Some(out) = meta else {
        return false;
    };
    let Ok(inp) = fs::metadata(input) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = output;
        out.dev() == inp.dev() && out.ino() == inp.ino()
    }
    #[cfg(not(unix))]
    {
        let _ = (out, inp);
        matches!(
            (fs::canonicalize(output), fs::canonicalize(input)),
            (Ok(a), Ok(b)) if a == b
        )
    }
}

fn kind_of(t: &fs::FileType) -> &'static str {
    if t.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// A new temporary file beside the target, locked, with the target's mode
/// (or 0666 less the umask for a new file). A cleaner in another process
/// could catch it between creation and lock: then it is made again.
fn locked_temp(
    dir: &Path,
    name: &str,
    existing: Option<&fs::Metadata>,
) -> Result<tempfile::NamedTempFile, OutputError> {
    let mut last = None;
    let prefix = format!(".{name}.");
    for _ in 0..4 {
        let mut b = tempfile::Builder::new();
        b.prefix(&prefix).suffix(TEMP_SUFFIX);
        #[cfg(unix)]
        if existing.is_none() {
            use std::os::unix::fs::PermissionsExt;
            // passed to open(2): the kernel applies the umask
            b.permissions(fs::Permissions::from_mode(0o666));
        }
        let tmp = b.tempfile_in(dir).map_err(|e| OutputError::io(dir, e))?;
        if fs4::FileExt::try_lock(tmp.as_file()).is_err() || !still_ours(&tmp) {
            last = Some(io::Error::other("a cleaner removed the temporary file"));
            continue;
        }
        if let Some(m) = existing {
            // exactly the old mode (not less the umask), and its owner
            let _ = tmp.as_file().set_permissions(m.permissions());
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                let _ = std::os::unix::fs::fchown(tmp.as_file(), Some(m.uid()), Some(m.gid()));
            }
        }
        return Ok(tmp);
    }
    Err(OutputError::io(
        dir,
        last.unwrap_or_else(|| io::Error::other("cannot create a temporary file")),
    ))
}

/// Whether the temporary file's name still leads to the file we hold.
fn still_ours(tmp: &tempfile::NamedTempFile) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(tmp.path()), tmp.as_file().metadata()) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        tmp.path().exists()
    }
}

/// Removes our temporary files in `dir` that no writer holds: what a
/// killed writer left. Files of other programs are never touched; errors
/// are ignored (the write itself does not depend on this).
fn remove_stale(dir: &Path, _name: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let n = e.file_name();
        let n = n.to_string_lossy();
        if !(n.starts_with('.') && n.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        let path = e.path();
        let Ok(f) = File::open(&path) else {
            continue;
        };
        if fs4::FileExt::try_lock(&f).is_ok() {
            let _ = fs::remove_file(&path);
            let _ = fs4::FileExt::unlock(&f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn put(path: &Path, text: &str) -> Result<(), OutputError> {
        write::<OutputError>(path, &[], |w| {
            w.write_all(text.as_bytes())
                .map_err(|e| OutputError::io(path, e))
        })
    }

    impl From<io::Error> for OutputError {
        fn from(e: io::Error) -> Self {
            OutputError::io(Path::new("?"), e)
        }
    }

    #[test]
    fn writes_and_replaces_leaving_no_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path().join("out.txt");
        put(&p, "one").expect("new");
        put(&p, "two").expect("replace");
        assert_eq!(fs::read_to_string(&p).expect("read"), "two");
        assert_eq!(fs::read_dir(dir.path()).expect("dir").count(), 1);
    }

    #[test]
    fn a_dropped_output_leaves_the_target_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path().join("out.txt");
        put(&p, "old").expect("write");
        let mut o = Output::create(&p, &[]).expect("create");
        o.file().write_all(b"half").expect("write");
        drop(o);
        assert_eq!(fs::read_to_string(&p).expect("read"), "old");
        assert_eq!(fs::read_dir(dir.path()).expect("dir").count(), 1);
    }

    #[test]
    fn a_held_temporary_file_is_not_removed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let p = dir.path().join("out.txt");
        let held = Output::create(&p, &[]).expect("create");
        put(&dir.path().join("other.txt"), "x").expect("write beside it");
        assert!(held.tmp.path().exists(), "a live writer's file stays");
        held.commit().expect("commit");
        assert!(p.exists());
    }
}
