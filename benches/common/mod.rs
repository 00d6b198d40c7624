//! Corpora the benchmarks share.

use quotelens::{Document, Meta};

/// The bundled sample article repeated to about 1 MB.
pub fn sample_megabyte() -> Document {
    let article = include_str!("../../assets/kremlin-talks.txt");
    let mut s = String::with_capacity(1 << 20);
    while s.len() < 1 << 20 {
        s.push_str(article);
        s.push_str("\n\n");
    }
    Document::from_text(&s, Meta::default())
}

/// The BBC News corpus (not shipped; measured locally): `QUOTELENS_BBC_NEWS`, else
/// `../shared/data/bbc-news` beside the checkout or beside its parent (a worktree one level
/// deeper). Empty when it is not there.
pub fn bbc_documents() -> Vec<Document> {
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates = std::env::var_os("QUOTELENS_BBC_NEWS")
        .map(std::path::PathBuf::from)
        .into_iter()
        .chain(["../shared/data/bbc-news", "../../shared/data/bbc-news"].map(|p| manifest.join(p)));
    let mut docs = Vec::new();
    let Some(topics) = candidates
        .into_iter()
        .find_map(|p| std::fs::read_dir(p).ok())
    else {
        return docs;
    };
    for topic in topics.flatten() {
        let Ok(files) = std::fs::read_dir(topic.path()) else {
            continue;
        };
        for f in files.flatten() {
            if let Ok(bytes) = std::fs::read(f.path()) {
                let text = String::from_utf8_lossy(&bytes);
                docs.push(Document::from_text(&text, Meta::default()));
            }
        }
    }
    docs
}
