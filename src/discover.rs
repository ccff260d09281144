//! Discover: the input files under a root, in a stable order.
//!
//! Walks the tree depth-first with entries sorted by name, so that the same tree
//! always yields the same list and the same output bytes. Hidden entries
//! (`.git`, `.DS_Store`) and the optional manifest at the root are not inputs.
//! Links are followed, each folder listed once. A folder that cannot be read,
//! one reached a second way (a link back up the tree) and a link to nothing
//! are reported, not fatal.

use std::path::{Path, PathBuf};

/// One file to read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputFile {
    pub path: PathBuf,
    /// Path relative to the input root, with `/` separators.
    pub relative: String,
}

/// Files at the root that describe the corpus rather than belong to it.
pub const MANIFEST_NAMES: &[&str] = &["manifest.csv", "manifest.jsonl"];

/// Lists the files under `root` (or `root` itself when it is a file), sorted.
/// Returns the files and the paths that could not be read.
pub fn discover(root: &Path) -> (Vec<InputFile>, Vec<(PathBuf, std::io::Error)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    if root.is_file() {
        let name = root.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        files.push(InputFile { path: root.to_path_buf(), relative: name });
        return (files, errors);
    }
    walk(root, root, &mut files, &mut errors, &mut std::collections::HashSet::new());
    (files, errors)
}

/// What tells one folder from another however it is reached: its device and
/// inode, or where links do not say so, its canonical path.
#[cfg(unix)]
type FolderKey = (u64, u64);
#[cfg(not(unix))]
type FolderKey = PathBuf;

#[cfg(unix)]
fn folder_key(path: &Path) -> Option<FolderKey> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn folder_key(path: &Path) -> Option<FolderKey> {
    std::fs::canonicalize(path).ok()
}

fn walk(
    root: &Path,
    dir: &Path,
    files: &mut Vec<InputFile>,
    errors: &mut Vec<(PathBuf, std::io::Error)>,
    listed: &mut std::collections::HashSet<FolderKey>,
) {
    // Each folder is listed once: a link back up the tree (or a second way to
    // the same folder) would list it again, without end for a loop.
    if let Some(key) = folder_key(dir) {
        if !listed.insert(key) {
            errors.push((dir.to_path_buf(), std::io::Error::other("a link to a folder listed already")));
            return;
        }
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push((dir.to_path_buf(), e));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(|e| e.map_err(|e| errors.push((dir.to_path_buf(), e))).ok()).collect();
    entries.sort_by_cached_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') {
            continue;
        }
        let path = entry.path();
        // The entry's type comes with the listing; only a link is followed
        // (one more system call), to what it points at.
        let kind = match entry.file_type() {
            Ok(t) if t.is_symlink() => std::fs::metadata(&path).map(|m| m.file_type()),
            other => other,
        };
        let kind = match kind {
            Ok(kind) => kind,
            // A link to nothing, or an entry gone since the listing.
            Err(e) => {
                errors.push((path, e));
                continue;
            }
        };
        if kind.is_dir() {
            walk(root, &path, files, errors, listed);
        } else if kind.is_file() {
            let relative = relative(root, &path);
            if dir == root && MANIFEST_NAMES.contains(&relative.as_str()) {
                continue;
            }
            files.push(InputFile { path, relative });
        }
    }
}

/// The files of a run, held compactly: a run over millions of files keeps their
/// relative paths (about 50 bytes a file) and rebuilds each full path when its
/// file is read.
pub struct Inputs {
    base: PathBuf,
    relative: Vec<Box<str>>,
    /// Full paths that the relative path does not give back (names that are
    /// not UTF-8), by index.
    odd: std::collections::HashMap<usize, PathBuf>,
}

impl Inputs {
    /// `files` as [`discover`] listed them under `root`.
    pub fn new(root: &Path, files: Vec<InputFile>) -> Inputs {
        let base = if root.is_file() { root.parent().unwrap_or(Path::new("")).to_path_buf() } else { root.to_path_buf() };
        let mut odd = std::collections::HashMap::new();
        let mut relative = Vec::with_capacity(files.len());
        for (i, f) in files.into_iter().enumerate() {
            if base.join(&f.relative) != f.path {
                odd.insert(i, f.path);
            }
            relative.push(f.relative.into_boxed_str());
        }
        Inputs { base, relative, odd }
    }

    pub fn len(&self) -> usize {
        self.relative.len()
    }

    pub fn is_empty(&self) -> bool {
        self.relative.is_empty()
    }

    /// The path of file `i` relative to the root, with `/` separators.
    pub fn relative(&self, i: usize) -> &str {
        &self.relative[i]
    }

    /// File `i`.
    pub fn file(&self, i: usize) -> InputFile {
        let path = self.odd.get(&i).cloned().unwrap_or_else(|| self.base.join(&*self.relative[i]));
        InputFile { path, relative: self.relative[i].to_string() }
    }
}

/// The path of folder `inner` relative to `root`, `/`-separated, when it lies
/// strictly inside it (links resolved); `None` when either does not exist.
pub fn folder_within(root: &Path, inner: &Path) -> Option<String> {
    let (root, inner) = (std::fs::canonicalize(root).ok()?, std::fs::canonicalize(inner).ok()?);
    let rel = inner.strip_prefix(&root).ok()?;
    (!rel.as_os_str().is_empty()).then(|| relative(Path::new(""), rel))
}

fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_within_another() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("in/out/x")).unwrap();
        let input = dir.path().join("in");
        assert_eq!(folder_within(&input, &input.join("out/x")).as_deref(), Some("out/x"));
        assert_eq!(folder_within(&input, &input.join("out/../out")).as_deref(), Some("out"));
        assert_eq!(folder_within(&input, &input), None);
        assert_eq!(folder_within(&input, dir.path()), None);
        assert_eq!(folder_within(&input, &input.join("missing")), None);
    }

    #[cfg(unix)]
    #[test]
    fn links_back_up_the_tree_or_to_a_folder_listed_already_are_noted_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("a")).unwrap();
        std::fs::write(root.join("a/x.txt"), "x").unwrap();
        std::os::unix::fs::symlink("..", root.join("a/up")).unwrap();
        std::os::unix::fs::symlink(root, root.join("a/root")).unwrap();
        std::os::unix::fs::symlink(root.join("a"), root.join("b")).unwrap();
        let (files, errors) = discover(root);
        let names: Vec<&str> = files.iter().map(|f| f.relative.as_str()).collect();
        assert_eq!(names, ["a/x.txt"]);
        let noted: Vec<String> = errors.iter().map(|(p, _)| relative(root, p)).collect();
        assert_eq!(noted, ["a/root", "a/up", "b"]);
    }

    #[test]
    fn inputs_give_back_the_files_listed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a")).unwrap();
        std::fs::write(dir.path().join("a/x.txt"), "x").unwrap();
        std::fs::write(dir.path().join("y.txt"), "y").unwrap();
        let (files, _) = discover(dir.path());
        let inputs = Inputs::new(dir.path(), files.clone());
        assert_eq!((0..inputs.len()).map(|i| inputs.file(i)).collect::<Vec<_>>(), files);
        let single = dir.path().join("y.txt");
        let (one, _) = discover(&single);
        assert_eq!(Inputs::new(&single, one.clone()).file(0), one[0]);
    }

    #[test]
    fn sorted_recursive_without_hidden_or_manifest() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/sub")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        for f in ["z.txt", "a.txt", "b/sub/c.html", "b/a.md", ".hidden", ".git/x", "manifest.csv", "b/manifest.csv"] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let (files, errors) = discover(root);
        assert!(errors.is_empty());
        let names: Vec<_> = files.iter().map(|f| f.relative.as_str()).collect();
        assert_eq!(names, ["a.txt", "b/a.md", "b/manifest.csv", "b/sub/c.html", "z.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_and_broken_ones_noted() {
        let dir = tempfile::tempdir().unwrap();
        let (root, elsewhere) = (dir.path().join("root"), dir.path().join("elsewhere"));
        std::fs::create_dir_all(elsewhere.join("sub")).unwrap();
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(elsewhere.join("f.txt"), "x").unwrap();
        std::fs::write(elsewhere.join("sub/g.txt"), "x").unwrap();
        std::os::unix::fs::symlink(elsewhere.join("f.txt"), root.join("f.txt")).unwrap();
        std::os::unix::fs::symlink(elsewhere.join("sub"), root.join("linked")).unwrap();
        std::os::unix::fs::symlink(elsewhere.join("gone.txt"), root.join("gone.txt")).unwrap();
        let (files, errors) = discover(&root);
        let noted: Vec<&Path> = errors.iter().map(|(p, _)| p.as_path()).collect();
        assert_eq!(noted, [root.join("gone.txt")]);
        let names: Vec<_> = files.iter().map(|f| f.relative.as_str()).collect();
        assert_eq!(names, ["f.txt", "linked/g.txt"]);
    }
}
