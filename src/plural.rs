//! Counts in messages: "1 quote", "2 quotes", "0 quotes".

/// `n` and the noun, in the singular for exactly one: `count(1, "quote")` is "1 quote",
/// `count(3, "quote")` is "3 quotes". For nouns whose plural adds an `s`.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::count;

    #[test]
    fn one_is_singular_and_everything_else_plural() {
        assert_eq!(count(1, "quote"), "1 quote");
        assert_eq!(count(0, "quote"), "0 quotes");
        assert_eq!(count(2, "control character"), "2 control characters");
    }
}
