//! Where things are, and how child processes are started.

use std::ffi::OsString;
use std::fmt::Display;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Why a command stopped; the message is printed once, at the end, as `✗ <message>`.
#[derive(Debug)]
pub struct Failure(pub String);

impl Failure {
    /// A failure with the given message.
    pub fn new(message: impl Display) -> Self {
        Failure(message.to_string())
    }
}

/// The repository and the environment every child process gets.
pub struct Workspace {
    /// The repository root (the directory holding the workspace Cargo.toml).
    root: PathBuf,
    /// Where `cargo install` puts binaries (`$CARGO_HOME/bin`, by default `~/.cargo/bin`).
    cargo_bin: PathBuf,
    /// PATH for children: `cargo_bin` and the browser tests' `node_modules/.bin` first.
    path: OsString,
}

impl Workspace {
    /// Finds the repository from this crate's location, which cargo compiles in.
    pub fn locate() -> Result<Self, Failure> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .ok_or_else(|| Failure::new("xtask is not inside the repository"))?
            .to_path_buf();
        let cargo_bin = cargo_home()?.join("bin");
        let node_bin = root.join("tests/browser/node_modules/.bin");
        // Ours go first so that trunk finds the wasm-bindgen and wasm-opt we installed
        // (and never downloads its own), even when older copies sit elsewhere on PATH.
        let mut dirs = vec![cargo_bin.clone(), node_bin];
        if let Some(inherited) = std::env::var_os("PATH") {
            dirs.extend(std::env::split_paths(&inherited));
        }
        let path = std::env::join_paths(dirs)
            .map_err(|e| Failure::new(format!("cannot build PATH: {e}")))?;
        Ok(Workspace {
            root,
            cargo_bin,
            path,
        })
    }

    /// The repository root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The directory `cargo install` installs into.
    pub fn cargo_bin(&self) -> &Path {
        &self.cargo_bin
    }

    /// `path` relative to the repository root when it is inside it (for short step labels),
    /// else `path` itself.
    pub fn relative<'a>(&self, path: &'a Path) -> &'a Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }

    /// The release site.
    pub fn dist_dir(&self) -> PathBuf {
        self.root.join("dist")
    }

    /// Cargo's target directory: `$CARGO_TARGET_DIR` (relative to the root), else `target/`.
    pub fn target_dir(&self) -> PathBuf {
        match std::env::var_os("CARGO_TARGET_DIR") {
            Some(dir) => self.root.join(dir),
            None => self.root.join("target"),
        }
    }

    /// The Node project with the browser tests (and the npm-provided wasm-opt).
    pub fn browser_dir(&self) -> PathBuf {
        self.root.join("tests/browser")
    }

    /// A command run in the repository root with the workspace PATH.
    pub fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        // On Unix, setting PATH on the Command also makes it the search path for `program`.
        cmd.current_dir(&self.root).env("PATH", &self.path);
        cmd
    }

    /// Runs `cmd` with inherited stdio; fails with a message naming `label`.
    pub fn run(&self, label: &str, mut cmd: Command) -> Result<(), Failure> {
        let status = cmd
            .status()
            .map_err(|e| Failure::new(format!("could not start `{label}`: {e}")))?;
        if status.success() {
            Ok(())
        } else {
            Err(Failure::new(format!("`{label}` failed ({status})")))
        }
    }

    /// Runs a named step: announces it, runs it, and reports how long it took.
    pub fn step(&self, label: &str, cmd: Command) -> Result<(), Failure> {
        println!("▶ {label}");
        let started = Instant::now();
        self.run(label, cmd)?;
        println!("✓ {label} ({:.1}s)", started.elapsed().as_secs_f64());
        Ok(())
    }

    /// The trimmed stdout of `program args`, or `None` if it is missing or fails.
    ///
    /// Used to ask tools for their versions; a missing tool is not an error here.
    pub fn probe(&self, program: &str, args: &[&str]) -> Option<String> {
        let output = self.command(program).args(args).output().ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
    }
}

/// `$CARGO_HOME`, else `~/.cargo`, as cargo itself decides.
fn cargo_home() -> Result<PathBuf, Failure> {
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        return Ok(PathBuf::from(home));
    }
    std::env::var_os("HOME")
        .map(|home| PathBuf::from(home).join(".cargo"))
        .ok_or_else(|| Failure::new("neither CARGO_HOME nor HOME is set"))
}
