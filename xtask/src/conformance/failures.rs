//! How a failed conformance call is counted: a decode failure by the field the client names,
//! any other error by its status or kind; and the one-line cut of long texts in the report.

/// The label of a call the client refused before sending (a failure of the step).
pub const REFUSED_OWN: &str = "refused before sending";

/// How a failed call is counted.
pub enum Failure {
    /// The answer could not be decoded; the field, as the client names it.
    Decode(String),
    /// Any other error: its status (or kind) and text.
    Other(String, String),
}

/// Sorts an error: a decode failure is `Error::Decode` or any error whose text says "could
/// not be decoded" (a create's undecodable success is an unknown outcome).
pub fn classify(error: &telephony::Error) -> Failure {
    let text = error.to_string();
    if matches!(error, telephony::Error::Decode { .. }) || text.contains("could not be decoded") {
        return Failure::Decode(decode_field(&text));
    }
    let label = match (error.status(), error) {
        (Some(status), telephony::Error::Ambiguous { .. }) => format!("{status} (ambiguous)"),
        (Some(status), _) => status.to_string(),
        (None, telephony::Error::Ambiguous { .. }) => "ambiguous".to_string(),
        (None, telephony::Error::Validation(_)) => REFUSED_OWN.to_string(),
        (None, telephony::Error::Transport { .. }) => "unreachable".to_string(),
        (None, _) => "no status".to_string(),
    };
    Failure::Other(label, text)
}

/// The field of a decode failure's text: `office.id` from "could not be decoded at office.id
/// (…)"; `(document)` when the client names none.
pub fn decode_field(text: &str) -> String {
    let Some((_, after)) = text.split_once("could not be decoded") else {
        return format!("(no field: {})", cut(text, 80));
    };
    match after.strip_prefix(" at ") {
        Some(rest) => rest.split_whitespace().next().unwrap_or("?").to_string(),
        None => "(document)".to_string(),
    }
}

/// At most `max` characters of `text`, on one line.
pub fn cut(text: &str, max: usize) -> String {
    let line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match line.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &line[..end]),
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_field_of_a_decode_failure_is_read_from_its_text() {
        let text = "the outcome at Dialpad is unknown after 1 attempt: the answer could not be \
                    decoded at office.id (invalid type: string \"124\"): {...}";
        assert_eq!(decode_field(text), "office.id");
        assert_eq!(
            decode_field("the answer could not be decoded (EOF)"),
            "(document)"
        );
        assert_eq!(cut("a  b\nc", 3), "a b…");
    }
}
