//! The patterns the walk matches by hand agree with the regexes they stand for.

use super::tree::Pattern;

#[test]
fn hand_matched_patterns_agree_with_their_regexes() {
    let samples = [
        "",
        "0",
        "9",
        "a",
        "10",
        "00:00",
        "23:59",
        "24:00",
        "19:60",
        "9:30",
        "09:30",
        "09:30 ",
        "one line",
        "two\nlines",
        "cr\r",
        "\u{2028}",
        "é:00",
        "１",
    ];
    for pattern in [r"^[^\r\n]*$", "^([01][0-9]|2[0-3]):[0-5][0-9]$", "^[0-9]$"] {
        let regex = regress::Regex::new(pattern).expect("regex");
        let fast = Pattern::new(pattern, &regex);
        assert!(!matches!(fast, Pattern::Regex(_)), "{pattern}");
        for text in samples {
            assert_eq!(
                fast.matches(text),
                regex.find(text).is_some(),
                "{pattern} {text:?}"
            );
        }
    }
}
