//! Copying for the reader: the OSC 52 escape sequence (works over SSH and inside tmux) and the
//! native clipboard commands (wl-copy, xclip, xsel, pbcopy) where they exist.
//!
//! The reader writes [`osc52`]'s bytes to its terminal and, unless [`ClipboardEnv::prefers_osc52`],
//! also calls [`copy_native`].

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub use super::txt::attributed as copy_text;

/// What the environment says about the terminal and the session.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClipboardEnv {
    /// Inside tmux ($TMUX).
    pub tmux: bool,
    /// Over SSH ($SSH_TTY or $SSH_CONNECTION): a native tool would copy on the remote machine.
    pub ssh: bool,
    /// A Wayland session ($WAYLAND_DISPLAY).
    pub wayland: bool,
    /// An X11 display ($DISPLAY).
    pub x11: bool,
    pub macos: bool,
}

impl ClipboardEnv {
    /// Reads the process environment.
    pub fn from_env() -> Self {
        let set = |k: &str| std::env::var_os(k).is_some_and(|v| !v.is_empty());
        ClipboardEnv {
            tmux: set("TMUX"),
            ssh: set("SSH_TTY") || set("SSH_CONNECTION"),
            wayland: set("WAYLAND_DISPLAY"),
            x11: set("DISPLAY"),
            macos: cfg!(target_os = "macos"),
        }
    }

    /// Over SSH only OSC 52 reaches the user's own clipboard.
    pub fn prefers_osc52(&self) -> bool {
        self.ssh
    }

    /// The native commands worth trying, best first (none over SSH).
    pub fn native_tools(&self) -> Vec<NativeTool> {
        if self.ssh {
            return Vec::new();
        }
        let mut tools = Vec::new();
        if self.macos {
            tools.push(NativeTool::PBCOPY);
        }
        if self.wayland {
            tools.push(NativeTool::WL_COPY);
        }
        if self.x11 {
            tools.push(NativeTool::XCLIP);
            tools.push(NativeTool::XSEL);
        }
        tools
    }
}

/// A clipboard command that reads the text on its standard input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NativeTool {
    pub program: &'static str,
    pub args: &'static [&'static str],
}

impl NativeTool {
    pub const PBCOPY: NativeTool = NativeTool {
        program: "pbcopy",
        args: &[],
    };
    pub const WL_COPY: NativeTool = NativeTool {
        program: "wl-copy",
        args: &[],
    };
    pub const XCLIP: NativeTool = NativeTool {
        program: "xclip",
        args: &["-selection", "clipboard"],
    };
    pub const XSEL: NativeTool = NativeTool {
        program: "xsel",
        args: &["--clipboard", "--input"],
    };
}

#[derive(Debug, thiserror::Error)]
pub enum ClipboardError {
    #[error("no native clipboard command for this session (over SSH, or no display); use OSC 52")]
    NoTool,
    #[error("{tool} failed: {message}")]
    Failed { tool: &'static str, message: String },
}

/// Standard base64 (RFC 4648, with padding), as OSC 52 expects.
pub fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> shift) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The bytes that ask the terminal to put `text` on the clipboard: `ESC ] 52 ; c ; <base64> BEL`.
///
/// Inside tmux two sequences are sent: the plain one, which tmux itself takes into its paste
/// buffer (and passes on) when `set-clipboard` is `on`, and the same wrapped for passthrough
/// (`ESC P tmux; …ESC ESC ] 52…BEL ESC \`), which reaches the outer terminal when
/// `allow-passthrough` is on. Whichever tmux accepts, the text arrives; twice does no harm.
pub fn osc52(text: &str, env: &ClipboardEnv) -> Vec<u8> {
    let b64 = base64(text.as_bytes());
    let plain = format!("\x1b]52;c;{b64}\x07");
    if !env.tmux {
        return plain.into_bytes();
    }
    // In a DCS passthrough every ESC of the inner sequence is doubled.
    let wrapped = format!("\x1bPtmux;\x1b{}\x1b\\", plain);
    format!("{plain}{wrapped}").into_bytes()
}

/// Tries the native clipboard commands in turn; returns the one that worked.
pub fn copy_native(text: &str, env: &ClipboardEnv) -> Result<&'static str, ClipboardError> {
    let mut last = ClipboardError::NoTool;
    for tool in env.native_tools() {
        match run_tool(tool, text) {
            Ok(()) => return Ok(tool.program),
            Err(e) => last = e,
        }
    }
    Err(last)
}

/// Runs one tool with the text on its stdin. Output goes nowhere: xclip and wl-copy leave a
/// child behind to serve the selection, which would hold a pipe open forever.
fn run_tool(tool: NativeTool, text: &str) -> Result<(), ClipboardError> {
    const TIMEOUT: Duration = Duration::from_secs(2);
    let fail = |message: String| ClipboardError::Failed {
        tool: tool.program,
        message,
    };
    let mut child = Command::new(tool.program)
        .args(tool.args)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| fail(e.to_string()))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(text.as_bytes())
            .map_err(|e| fail(e.to_string()))?;
    }
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => return Err(fail(format!("exited with {status}"))),
            Ok(None) if started.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(fail("did not finish within 2 s".into()));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(fail(e.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc4648_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded);
        }
    }

    #[test]
    fn osc52_plain_and_for_tmux() {
        let plain = ClipboardEnv::default();
        assert_eq!(osc52("hi", &plain), b"\x1b]52;c;aGk=\x07");
        let tmux = ClipboardEnv {
            tmux: true,
            ..Default::default()
        };
        assert_eq!(
            osc52("hi", &tmux),
            b"\x1b]52;c;aGk=\x07\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\"
        );
    }

    #[test]
    fn over_ssh_no_native_tool_is_tried() {
        let env = ClipboardEnv {
            ssh: true,
            x11: true,
            wayland: true,
            ..Default::default()
        };
        assert!(env.prefers_osc52());
        assert!(env.native_tools().is_empty());
        assert!(matches!(
            copy_native("x", &env),
            Err(ClipboardError::NoTool)
        ));
    }

    #[test]
    fn copied_text_ends_with_the_speaker() {
        assert_eq!(
            copy_text(" We are alive and kicking. ", Some("Aleksandr Lukashenko")),
            "We are alive and kicking.\n— Aleksandr Lukashenko"
        );
    }
}
