//! The word a person probably meant: the nearest of the words a schema allows (a property name,
//! an enum value) to one it does not, so that a violation can say "did you mean …?".
//!
//! A suggestion is made only when one candidate is clearly nearest: the same word in another
//! case, a well-known other code for an ISO 3166 country, or the only candidate within a few
//! edits (more edits allowed for longer words, none for words of fewer than four letters, whose
//! neighbours are too many to choose from).

/// Codes people write for ISO 3166-1 alpha-2 countries that ISO 3166-1 gives to no country, and
/// the ISO code meant: UK is reserved by ISO at the United Kingdom's request (its code is GB),
/// and EL is the European Union's code for Greece (ISO's is GR).
const COUNTRY_ALIASES: [(&str, &str); 2] = [("UK", "GB"), ("EL", "GR")];

/// The longest text (in characters) a suggestion is looked for: field names and enum values
/// are far shorter.
const MAX_SUGGESTED_FROM: usize = 64;

/// The candidate `written` probably meant, if one is clear.
pub(crate) fn nearest<'c>(written: &str, candidates: &[&'c str]) -> Option<&'c str> {
    if candidates.contains(&written) {
        return None;
    }
    let same_case: Vec<&str> = candidates
        .iter()
        .copied()
        .filter(|c| c.eq_ignore_ascii_case(written))
        .collect();
    if let [only] = same_case[..] {
        return Some(only);
    }
    if candidates.iter().all(|c| is_country_code(c)) {
        let upper = written.to_ascii_uppercase();
        if let Some((_, code)) = COUNTRY_ALIASES.iter().find(|(alias, _)| *alias == upper)
            && let Some(found) = candidates.iter().find(|c| *c == code)
        {
            return Some(found);
        }
    }
    let length = written.chars().count();
    let allowed = (length / 4).min(2);
    // A value far longer than any name is no misspelling of one: no table is built for it,
    // so a hostile value costs nothing here.
    if allowed == 0 || length > MAX_SUGGESTED_FROM {
        return None;
    }
    let written = written.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    let mut tied = false;
    for candidate in candidates {
        if candidate.chars().count().abs_diff(length) > allowed {
            continue;
        }
        let distance = edits(&written, &candidate.to_lowercase());
        if distance > allowed {
            continue;
        }
        match best {
            Some((least, _)) if distance > least => {}
            Some((least, _)) if distance == least => tied = true,
            _ => {
                best = Some((distance, candidate));
                tied = false;
            }
        }
    }
    best.filter(|_| !tied).map(|(_, candidate)| candidate)
}

/// Whether `text` has the form of an ISO 3166-1 alpha-2 code (two capital letters).
fn is_country_code(text: &str) -> bool {
    text.len() == 2 && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// The edits (insertions, deletions, substitutions, swaps of two neighbours) that turn `a` into
/// `b` (the optimal string alignment distance).
fn edits(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Three rows of the table: two rows back (for swaps), the last one, and this one.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut last: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        before = std::mem::replace(&mut last, row);
    }
    last[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_count_swaps_as_one() {
        assert_eq!(edits("plan_peroid", "plan_period"), 1);
        assert_eq!(edits("ring_second", "ring_seconds"), 1);
        assert_eq!(edits("kitten", "sitting"), 3);
        assert_eq!(edits("", "abc"), 3);
        assert_eq!(edits("same", "same"), 0);
    }

    #[test]
    fn a_long_text_gets_no_suggestion() {
        assert_eq!(nearest("plan_perio", &["plan_period"]), Some("plan_period"));
        let long = format!("plan_perio{}", "d".repeat(MAX_SUGGESTED_FROM));
        assert_eq!(nearest(&long, &["plan_period"]), None);
    }

    #[test]
    fn only_a_clear_candidate_is_suggested() {
        let fields = ["plan_period", "ring_seconds", "country", "currency"];
        assert_eq!(nearest("plan_peroid", &fields), Some("plan_period"));
        assert_eq!(nearest("Country", &fields), Some("country"));
        assert_eq!(nearest("colour", &fields), None);
        assert_eq!(nearest("country", &fields), None);
        let countries = ["US", "GB", "GR", "UA", "UG"];
        assert_eq!(nearest("UK", &countries), Some("GB"));
        assert_eq!(nearest("el", &countries), Some("GR"));
        assert_eq!(nearest("us", &countries), Some("US"));
        assert_eq!(nearest("QQ", &countries), None);
        // Not all country codes: the aliases do not apply.
        assert_eq!(nearest("UK", &["GB", "gigabyte"]), None);
        // Two at the same distance: no choice is clear.
        assert_eq!(nearest("abcdx", &["abcde", "abcdf"]), None);
    }
}
