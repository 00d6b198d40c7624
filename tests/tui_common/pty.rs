//! The real `quotelens` binary in a pseudo-terminal: keys typed, the screen read back through a
//! vt100 emulator, every byte the reader wrote kept, and the escape sequences a terminal would
//! act on besides drawing (window title, clipboard) recorded.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const WAIT: Duration = Duration::from_secs(20);

/// What the terminal was asked to do besides drawing.
#[derive(Debug, Default)]
pub struct Requests {
    /// Window titles (OSC 0 and 2) and icon names (OSC 1) set.
    pub titles: Vec<Vec<u8>>,
    /// Clipboard texts (OSC 52), decoded.
    pub clipboard: Vec<String>,
}

impl vt100::Callbacks for Requests {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(name.to_vec());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8], data: &[u8]) {
        self.clipboard
            .push(String::from_utf8_lossy(&decode64(data)).into_owned());
    }
}

/// Standard base64 decoding (what OSC 52 carries).
pub fn decode64(s: &[u8]) -> Vec<u8> {
    let val = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::new();
    let mut acc = 0u32;
    let mut bits = 0;
    for v in s.iter().copied().filter_map(val) {
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

pub struct Pty {
    parser: Arc<Mutex<vt100::Parser<Requests>>>,
    /// Every byte the program wrote.
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
    master: Box<dyn portable_pty::MasterPty + Send>,
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN)
}

/// The folder a test's reader uses for its config, data (highlights), state (logs) and as its
/// working directory.
pub fn config_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"))
}

/// The binary under test: this build's, or the one `QUOTELENS_BIN` names (to check that a test
/// fails on an older build).
pub fn binary() -> String {
    std::env::var("QUOTELENS_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_quotelens").to_string())
}

/// The environment every test's reader gets: everything it writes stays in `config`.
pub fn isolate(cmd: &mut CommandBuilder, config: &Path) {
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_CONFIG_HOME", config);
    cmd.env("XDG_DATA_HOME", config.join("data"));
    cmd.env("XDG_STATE_HOME", config.join("state"));
    cmd.cwd(config);
    cmd.env_remove("NO_COLOR");
    cmd.env_remove("TMUX");
    cmd.env_remove("DISPLAY");
    cmd.env_remove("WAYLAND_DISPLAY");
    cmd.env_remove(quotelens::tui::TEST_PANIC_VAR);
}

impl Pty {
    /// Starts the reader with `args` in a `cols`×`rows` terminal, with a clean config folder.
    pub fn spawn(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)], config: &Path) -> Pty {
        let mut cmd = CommandBuilder::new(binary());
        cmd.args(args);
        Pty::start(cmd, cols, rows, env, config)
    }

    /// Runs a shell command line in the terminal (for pipes: `cat FILE | quotelens`), with the
    /// binary's path in `$QUOTELENS`.
    pub fn shell(script: &str, cols: u16, rows: u16, env: &[(&str, &str)], config: &Path) -> Pty {
        let mut cmd = CommandBuilder::new("sh");
        cmd.args(["-c", script]);
        cmd.env("QUOTELENS", binary());
        Pty::start(cmd, cols, rows, env, config)
    }

    fn start(
        mut cmd: CommandBuilder,
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
        config: &Path,
    ) -> Pty {
        isolate(&mut cmd, config);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap_or_else(|e| panic!("openpty: {e}"));
        let child = pair
            .slave
            .spawn_command(cmd)
            .unwrap_or_else(|e| panic!("spawn: {e}"));
        drop(pair.slave);
        let mut reader = pair
            .master
            .try_clone_reader()
            .unwrap_or_else(|e| panic!("reader: {e}"));
        let writer = pair
            .master
            .take_writer()
            .unwrap_or_else(|e| panic!("writer: {e}"));
        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            nz(rows),
            nz(cols),
            0,
            Requests::default(),
        )));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (Arc::clone(&parser), Arc::clone(&raw));
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut raw) = r.lock() {
                    raw.extend_from_slice(&buf[..n]);
                }
                if let Ok(mut parser) = p.lock() {
                    parser.process(&buf[..n]);
                }
            }
        });
        Pty {
            parser,
            raw,
            writer,
            child,
            master: pair.master,
        }
    }

    pub fn screen_text(&self) -> String {
        self.parser
            .lock()
            .map(|p| p.screen().contents())
            .unwrap_or_default()
    }

    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        let p = self.parser.lock().unwrap_or_else(|e| e.into_inner());
        f(p.screen())
    }

    /// What the program asked the terminal besides drawing.
    pub fn with_requests<T>(&self, f: impl FnOnce(&Requests) -> T) -> T {
        let p = self.parser.lock().unwrap_or_else(|e| e.into_inner());
        f(p.callbacks())
    }

    /// Every byte written so far.
    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().map(|r| r.clone()).unwrap_or_default()
    }

    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_until(needle, |s| s.contains(needle))
    }

    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen_text();
            if ok(&s) {
                return s;
            }
            if start.elapsed() > WAIT {
                panic!("timed out waiting for {what:?}; the screen shows:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn wait_gone(&self, needle: &str) {
        let start = Instant::now();
        while self.screen_text().contains(needle) {
            if start.elapsed() > WAIT {
                panic!("{needle:?} did not go away:\n{}", self.screen_text());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn send(&mut self, bytes: &str) {
        let _ = self.writer.write_all(bytes.as_bytes());
        let _ = self.writer.flush();
    }

    pub fn resize(&mut self, cols: u16, rows: u16) {
        if let Ok(mut p) = self.parser.lock() {
            p.screen_mut().set_size(nz(rows), nz(cols));
        }
        let _ = self.master.resize(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        });
    }

    /// Waits for the process to end and returns its exit code.
    pub fn exit_code(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                // Let the reader thread take in the last bytes.
                std::thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            if start.elapsed() > WAIT {
                let _ = self.child.kill();
                panic!("the reader did not exit:\n{}", self.screen_text());
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// True when the terminal is back in cooked mode (canonical input, echo).
    #[cfg(target_os = "linux")]
    pub fn cooked(&self) -> bool {
        const ICANON: u32 = 0o000002;
        const ECHO: u32 = 0o000010;
        match self.master.get_termios() {
            Some(t) => {
                let bits = t.local_flags.bits();
                bits & ICANON != 0 && bits & ECHO != 0
            }
            None => true,
        }
    }

    /// Asserts the terminal is as the reader found it: main screen, cursor shown, no mouse
    /// capture, cooked mode.
    pub fn assert_restored(&self) {
        self.with_screen(|s| {
            assert!(!s.alternate_screen(), "back on the main screen");
            assert!(!s.hide_cursor(), "cursor shown");
            assert_eq!(s.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
        });
        #[cfg(target_os = "linux")]
        assert!(self.cooked(), "raw mode switched off");
    }
}

/// A file in `dir`.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap_or_else(|e| panic!("{e}"));
    p
}
