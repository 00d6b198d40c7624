//! Compiles the lexicon's word lists (`assets/lexicon/`) into Rust tables: the word classes as
//! a bitflags type, and every word with its classes and extra (a demonym's country, a role's
//! family), so the engine builds its lookup table from static data with no parsing at run time.
//! A malformed file, an unknown class or a verb line with the wrong number of forms fails the
//! build with the file and line.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

type Failure = String;

fn main() -> Result<(), Failure> {
    let root = Path::new("assets/lexicon");
    println!("cargo::rerun-if-changed={}", root.display());
    let classes = read_classes(&root.join("classes.toml"))?;
    let mut lexicon = Lexicon::new(&classes);
    for lang in sorted_entries(root)? {
        if !lang.is_dir() {
            continue;
        }
        println!("cargo::rerun-if-changed={}", lang.display());
        for file in sorted_entries(&lang)? {
            if file.extension().is_some_and(|e| e == "toml") {
                println!("cargo::rerun-if-changed={}", file.display());
                lexicon
                    .read_file(&file)
                    .map_err(|e| format!("{}: {e}", file.display()))?;
            }
        }
    }
    lexicon.finish();
    let out = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| format!("OUT_DIR: {e}"))?);
    let code = lexicon.generate();
    std::fs::write(out.join("lexicon.rs"), code).map_err(|e| format!("writing lexicon.rs: {e}"))?;
    Ok(())
}

fn sorted_entries(dir: &Path) -> Result<Vec<PathBuf>, Failure> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    out.sort();
    Ok(out)
}

fn parse(path: &Path) -> Result<toml::Table, Failure> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.parse::<toml::Table>()
        .map_err(|e| format!("{}: not valid TOML: {e}", path.display()))
}

/// (name, meaning) of every class, in bit order.
fn read_classes(path: &Path) -> Result<Vec<(String, String)>, Failure> {
    let table = parse(path)?;
    let list = table
        .get("classes")
        .and_then(|v| v.as_array())
        .ok_or_else(|| format!("{}: no `classes` array", path.display()))?;
    let mut out = Vec::new();
    for item in list {
        let pair = item.as_array().filter(|a| a.len() == 2);
        let name = pair.and_then(|a| a[0].as_str());
        let about = pair.and_then(|a| a[1].as_str());
        match (name, about) {
            (Some(n), Some(a)) => out.push((n.to_string(), a.to_string())),
            _ => return Err(format!("{}: each class is [name, meaning]", path.display())),
        }
    }
    if out.len() > 64 {
        return Err(format!(
            "{} classes: widen `Class` past u64 in build.rs",
            out.len()
        ));
    }
    Ok(out)
}

/// Everything known about one word while the lists are read.
#[derive(Default, Clone)]
struct Word {
    class: u64,
    /// A demonym's country or a role word's family.
    extra: Option<String>,
}

struct Lexicon<'c> {
    classes: &'c [(String, String)],
    words: BTreeMap<String, Word>,
    /// Role families in file order: (word, family).
    families: Vec<(String, String)>,
    /// Month words: (name, number, abbreviation).
    months: Vec<(String, u8, bool)>,
}

impl<'c> Lexicon<'c> {
    fn new(classes: &'c [(String, String)]) -> Self {
        Lexicon {
            classes,
            words: BTreeMap::new(),
            families: Vec::new(),
            months: Vec::new(),
        }
    }

    fn bit(&self, name: &str) -> Result<u64, Failure> {
        self.classes
            .iter()
            .position(|(n, _)| n == name)
            .map(|i| 1u64 << i)
            .ok_or_else(|| format!("unknown class {name:?} (see classes.toml)"))
    }

    fn add(&mut self, word: &str, class: u64) {
        self.words.entry(word.to_string()).or_default().class |= class;
    }

    fn read_file(&mut self, path: &Path) -> Result<(), Failure> {
        let table = parse(path)?;
        if let Some(verbs) = table.get("verbs") {
            let verbs = verbs.as_str().ok_or("`verbs` is a string of lines")?;
            return self.read_verbs(verbs);
        }
        if let Some(demonyms) = table.get("demonyms") {
            let demonyms = demonyms.as_table().ok_or("`demonyms` is a table")?;
            let bit = self.bit("demonym")?;
            for (word, country) in demonyms {
                let country = country.as_str().ok_or("a demonym's country is a string")?;
                let e = self.words.entry(word.clone()).or_default();
                e.class |= bit;
                e.extra = Some(country.to_string());
            }
            return Ok(());
        }
        if let Some(families) = table.get("families") {
            let families = families.as_table().ok_or("`families` is a table")?;
            for (family, words) in families {
                for w in words.as_array().ok_or("a family is an array of words")? {
                    let w = w.as_str().ok_or("a family's words are strings")?;
                    self.families.push((w.to_string(), family.clone()));
                }
            }
            return Ok(());
        }
        if let Some(months) = table.get("months") {
            let months = months.as_array().ok_or("`months` is an array")?;
            let (month, time, abbrev) = (
                self.bit("month")?,
                self.bit("time-word")?,
                self.bit("abbrev")?,
            );
            for (i, names) in months.iter().enumerate() {
                let names = names.as_array().ok_or("a month is an array of names")?;
                for (k, name) in names.iter().enumerate() {
                    let name = name.as_str().ok_or("a month's names are strings")?;
                    // The first name is the full one; the others are abbreviations.
                    self.add(name, month | time | if k > 0 { abbrev } else { 0 });
                    self.months.push((name.to_string(), i as u8 + 1, k > 0));
                }
            }
            return Ok(());
        }
        let class = table
            .get("class")
            .and_then(|c| c.as_str())
            .ok_or("no `class` (or `verbs`, `demonyms`, `families`, `months`)")?;
        let mut bits = self.bit(class)?;
        if let Some(implies) = table.get("implies") {
            for c in implies.as_array().ok_or("`implies` is an array")? {
                bits |= self.bit(c.as_str().ok_or("`implies` holds class names")?)?;
            }
        }
        let words = table
            .get("words")
            .and_then(|w| w.as_str())
            .ok_or("no `words` string")?;
        for w in words.split_whitespace() {
            if w.chars().any(|c| c.is_uppercase()) {
                return Err(format!("{w:?}: words are written in lower case"));
            }
            self.add(w, bits);
        }
        Ok(())
    }

    /// Speech verbs: "past third base -ing [traits]" per line (see speech-verbs.toml).
    fn read_verbs(&mut self, lines: &str) -> Result<(), Failure> {
        let speech = self.bit("speech-verb")?;
        let say_base = self.bit("say-base")?;
        let report = self.bit("report-verb")?;
        let bare = self.bit("reports-bare")?;
        let weak = self.bit("weak")?;
        for (n, line) in lines.lines().enumerate() {
            let fields: Vec<&str> = line.split_whitespace().collect();
            if fields.is_empty() {
                continue;
            }
            let at = |msg: &str| format!("verb line {} ({line:?}): {msg}", n + 1);
            if fields.len() < 4 {
                return Err(at("needs four forms: past, third person, base, -ing"));
            }
            let forms = [fields[0], fields[1], fields[2], fields[3]];
            let mut extra = [0u64; 4];
            for trait_ in &fields[4..] {
                let (name, which) = trait_.split_once(':').unwrap_or((trait_, ""));
                let (bit, default): (u64, &[usize]) = match name {
                    "reports" => (report, &[0, 1, 2]),
                    "bare" => (bare, &[0, 1]),
                    "weak" => (weak, &[0, 1, 2, 3]),
                    _ => return Err(at(&format!("unknown trait {name:?}"))),
                };
                let chosen: Vec<usize> = if which.is_empty() {
                    default.to_vec()
                } else {
                    which
                        .split(',')
                        .map(|f| match f {
                            "past" => Ok(0),
                            "3rd" => Ok(1),
                            "base" => Ok(2),
                            "ing" => Ok(3),
                            _ => Err(at(&format!("unknown form {f:?}"))),
                        })
                        .collect::<Result<_, _>>()?
                };
                for i in chosen {
                    extra[i] |= bit;
                }
            }
            let [past, _, base, _] = forms;
            for (i, form) in forms.iter().enumerate() {
                // A base form spelled like the past ("read", "forecast") is not a bare present.
                let base_bit = if i == 2 && base != past { say_base } else { 0 };
                self.add(form, speech | base_bit | extra[i]);
            }
        }
        Ok(())
    }

    /// Plurals of role and organisation nouns ("spokesmen", "ministries") as groups, then role
    /// families as the extra of words that have none.
    fn finish(&mut self) {
        let (Ok(role), Ok(org), Ok(group)) = (self.bit("role"), self.bit("org"), self.bit("group"))
        else {
            return;
        };
        let singulars: Vec<(String, Word)> = self
            .words
            .iter()
            .filter(|(_, e)| e.class & (role | org) != 0)
            .map(|(k, e)| (k.clone(), e.clone()))
            .collect();
        for (word, e) in singulars {
            let plural = plural(&word);
            let p = self.words.entry(plural).or_default();
            if p.class & (role | org) == 0 {
                p.class |= (e.class & (role | org)) | group;
                if p.extra.is_none() {
                    p.extra = e.extra.clone();
                }
            }
        }
        for (word, family) in &self.families {
            let e = self.words.entry(word.clone()).or_default();
            if e.extra.is_none() {
                e.extra = Some(family.clone());
            }
        }
    }

    fn generate(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "// Generated by build.rs from assets/lexicon/: edit those files, not this one.\n"
        );
        let _ = writeln!(
            s,
            "bitflags::bitflags! {{\n    /// Word classes: what the lexicon knows a word can be \
             (assets/lexicon/classes.toml).\n    #[derive(Debug, Clone, Copy, PartialEq, Eq, \
             Hash, Default)]\n    pub struct Class: u64 {{"
        );
        for (i, (name, about)) in self.classes.iter().enumerate() {
            let _ = writeln!(
                s,
                "        /// {about}\n        const {} = 1 << {i};",
                const_name(name)
            );
        }
        let _ = writeln!(s, "    }}\n}}\n");
        for (name, about) in self.classes {
            let c = const_name(name);
            let _ = writeln!(s, "/// {about}\npub const {c}: Class = Class::{c};");
        }
        let mut extras: Vec<&str> = vec![""];
        for e in self.words.values() {
            if let Some(x) = &e.extra
                && !extras.contains(&x.as_str())
            {
                extras.push(x);
            }
        }
        let _ = writeln!(
            s,
            "\n/// Extras: demonyms' countries and role families (index 0: none).\n\
             static EXTRAS: [&str; {}] = {:?};",
            extras.len(),
            extras
        );
        let _ = writeln!(
            s,
            "\n/// Every word: its lower-case spelling, classes and extra (index into EXTRAS).\n\
             static WORDS: [(&str, u64, u16); {}] = [",
            self.words.len()
        );
        for (w, e) in &self.words {
            let extra = e
                .extra
                .as_deref()
                .and_then(|x| extras.iter().position(|&y| y == x))
                .unwrap_or(0);
            let _ = writeln!(s, "    ({w:?}, {:#x}, {extra}),", e.class);
        }
        let _ = writeln!(s, "];");
        let _ = writeln!(
            s,
            "\n/// Role families in file order: (word, family).\nstatic FAMILIES: [(&str, &str); {}] = {:?};",
            self.families.len(),
            self.families
        );
        let _ = writeln!(
            s,
            "\n/// Month names and abbreviations: (name, number, abbreviation).\nstatic MONTHS: [(&str, u8, bool); {}] = {:?};",
            self.months.len(),
            self.months
        );
        s
    }
}

/// "speech-verb" → "SPEECH_VERB".
fn const_name(class: &str) -> String {
    class.replace('-', "_").to_uppercase()
}

/// The plural of a role or organisation noun: spokesman → spokesmen, ministry → ministries.
fn plural(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("man") {
        format!("{stem}men")
    } else if let Some(stem) = word
        .strip_suffix('y')
        .filter(|s| !s.ends_with(['a', 'e', 'o', 'u']))
    {
        format!("{stem}ies")
    } else if word.ends_with(['s', 'x']) || word.ends_with("ch") || word.ends_with("sh") {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}
