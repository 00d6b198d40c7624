//! The number finder's word tables over static lists, built once: the finder looks up words on
//! every token, and a `match` over hundreds of strings compares them one by one. A table is an
//! `FxHashMap` (rustc-hash), the same kept crate the engine's other maps use.

use rustc_hash::FxHashMap;

pub struct Table<V: Copy + 'static> {
    map: FxHashMap<&'static [u8], V>,
}

impl<V: Copy + 'static> Table<V> {
    /// Builds the table; later entries with the same key are ignored.
    pub fn new(entries: &[(&'static str, V)]) -> Self {
        let mut map = FxHashMap::with_capacity_and_hasher(entries.len(), Default::default());
        for &(k, v) in entries {
            map.entry(k.as_bytes()).or_insert(v);
        }
        Table { map }
    }

    /// The value stored under exactly `key`.
    pub fn get(&self, key: &[u8]) -> Option<V> {
        self.map.get(key).copied()
    }

    /// The value stored under the ASCII lower case of `w` (keys are lower case).
    pub fn get_lower(&self, w: &str) -> Option<V> {
        let b = w.as_bytes();
        let mut buf = [0u8; 24];
        if b.len() > buf.len() {
            return None;
        }
        for (d, s) in buf.iter_mut().zip(b) {
            *d = s.to_ascii_lowercase();
        }
        self.get(&buf[..b.len()])
    }
}

/// Declares a lazily built table: `table!(NAME: V = [(key, value), ...]);` gives `NAME()`.
macro_rules! table {
    ($name:ident : $v:ty = $entries:expr) => {
        fn $name() -> &'static $crate::analysis::numbers::table::Table<$v> {
            static T: std::sync::OnceLock<$crate::analysis::numbers::table::Table<$v>> =
                std::sync::OnceLock::new();
            T.get_or_init(|| $crate::analysis::numbers::table::Table::new($entries))
        }
    };
}
pub(crate) use table;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_and_only_keys() {
        let t = Table::new(&[("mile", 1), ("miles", 1), ("km", 2), ("km", 3)]);
        assert_eq!(t.get(b"km"), Some(2));
        assert_eq!(t.get_lower("MILES"), Some(1));
        assert_eq!(t.get(b"kg"), None);
        assert_eq!(t.get_lower("a-word-longer-than-the-buffer"), None);
    }
}
