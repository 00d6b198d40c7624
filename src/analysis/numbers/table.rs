//! A small open-addressing hash table over static word lists, built once: the finder looks up
//! words on every token, and a `match` over hundreds of strings compares them one by one.

pub struct Table<V: Copy + 'static> {
    slots: Box<[Option<(&'static str, V)>]>,
    mask: usize,
}

fn hash(b: &[u8]) -> usize {
    // FNV-1a: short keys, no allocation.
    let mut h: u32 = 2_166_136_261;
    for &c in b {
        h = (h ^ u32::from(c)).wrapping_mul(16_777_619);
    }
    h as usize
}

impl<V: Copy + 'static> Table<V> {
    /// Builds the table; later entries with the same key are ignored.
    pub fn new(entries: &[(&'static str, V)]) -> Self {
        let size = (entries.len() * 4).next_power_of_two().max(16);
        let mut slots = vec![None; size].into_boxed_slice();
        let mask = size - 1;
        for &(k, v) in entries {
            let mut i = hash(k.as_bytes()) & mask;
            loop {
                match slots[i] {
                    None => {
                        slots[i] = Some((k, v));
                        break;
                    }
                    Some((existing, _)) if existing == k => break,
                    Some(_) => i = (i + 1) & mask,
                }
            }
        }
        Table { slots, mask }
    }

    /// The value stored under exactly `key`.
    pub fn get(&self, key: &[u8]) -> Option<V> {
        let mut i = hash(key) & self.mask;
        loop {
            match self.slots[i] {
                None => return None,
                Some((k, v)) if k.as_bytes() == key => return Some(v),
                Some(_) => i = (i + 1) & self.mask,
            }
        }
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
        let t = Table::new(&[("mile", 1), ("miles", 1), ("km", 2)]);
        assert_eq!(t.get(b"km"), Some(2));
        assert_eq!(t.get_lower("MILES"), Some(1));
        assert_eq!(t.get(b"kg"), None);
    }
}
