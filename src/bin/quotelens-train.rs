//! Trains the speaker ranker from annotated news (PolNeAR) and novels (PDNC).
//!
//!     cargo run --release --features train --bin quotelens-train -- \
//!         dump --polnear ../shared/data/polnear-train --pdnc ../shared/data/pdnc-dev/* > examples.jsonl

use quotelens::train::{examples, pdnc, polnear};
use std::io::Write;
use std::path::PathBuf;

fn main() {
    if let Err(e) = run() {
        eprintln!("quotelens-train: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut polnear_dirs = Vec::new();
    let mut pdnc_dirs = Vec::new();
    let mut target: Option<&mut Vec<PathBuf>> = None;
    let command = args.first().cloned().unwrap_or_default();
    for a in args.iter().skip(1) {
        match a.as_str() {
            "--polnear" => target = Some(&mut polnear_dirs),
            "--pdnc" => target = Some(&mut pdnc_dirs),
            _ => match target.as_mut() {
                Some(t) => t.push(PathBuf::from(a)),
                None => return Err(format!("unexpected argument {a}")),
            },
        }
    }
    let mut all = Vec::new();
    for d in &polnear_dirs {
        for a in polnear::read_split(d)? {
            all.extend(examples::from_article(&a)?);
        }
    }
    for d in &pdnc_dirs {
        all.extend(examples::from_novel(&pdnc::read_novel(d)?)?);
    }
    match command.as_str() {
        "dump" => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for ex in &all {
                let line = serde_json::json!({
                    "group": ex.group, "dialogue": ex.dialogue, "kind": ex.kind,
                    "features": ex.features.iter().map(|v| v.to_vec()).collect::<Vec<_>>(),
                    "labels": ex.labels, "gold": ex.gold, "names": ex.names, "quote": ex.quote,
                });
                writeln!(out, "{line}").map_err(|e| e.to_string())?;
            }
            Ok(())
        }
        other => Err(format!("unknown command '{other}' (dump)")),
    }
}
