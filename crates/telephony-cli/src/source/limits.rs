//! How much of a file is read and how much YAML the parser builds from it: sized so that any
//! ordinary manifest under the input limit parses, and bounded so that a hostile document (an
//! alias bomb, nesting without end) is refused before it costs much time or memory.

use serde_saphyr::{Budget, DuplicateKeyPolicy, Options};

/// The most bytes of an input file (or of standard input) that are read: 16 MiB. A manifest
/// of offices written in one line each takes about 367 bytes an office (35,000 offices:
/// 12.8 MB), so about 45,700 fit.
pub const MAX_INPUT_BYTES: u64 = 16 * 1024 * 1024;

/// The most values (YAML nodes: scalars, sequences and mappings, counting every value an
/// alias repeats) a file may hold: one per 4 bytes of the input limit, 4,194,304. An office
/// written in one line is about 40 values in 330 bytes, one in block style fewer per byte, so
/// every manifest under [`MAX_INPUT_BYTES`] has fewer; a document past it is one that
/// repeats itself through aliases, and building it would take gigabytes.
pub const MAX_NODES: usize = (MAX_INPUT_BYTES / 4) as usize;

/// The most parser events: each value starts one and a sequence or mapping ends with one.
const MAX_EVENTS: usize = 2 * MAX_NODES;

/// The deepest a file may nest sequences and mappings (a manifest nests 6 levels).
pub const MAX_DEPTH: usize = 64;

/// The most bytes of text in all scalars, counting those aliases repeat (64 MiB).
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;

/// The most values that anchors (`&name`) keep for their aliases to repeat, an anchor inside
/// another counted in each: 1,000,000. What an ordinary manifest anchors is an address or a
/// list of hours; an alias bomb nests anchors to multiply them.
pub const MAX_ANCHORED: usize = 1_000_000;

/// The parser's options: only `true`/`false` are booleans, a duplicate key is an error, and
/// the limits above. Aliases are bounded by what they add up to ([`MAX_NODES`],
/// [`MAX_EVENTS`]), not by how many there are for each anchor: one address anchored and used
/// by every office is ordinary YAML.
pub fn options() -> Options {
    let mut budget = Budget::default();
    budget.max_nodes = MAX_NODES;
    budget.max_events = MAX_EVENTS;
    budget.max_aliases = MAX_NODES;
    budget.max_anchors = MAX_NODES;
    budget.max_depth = MAX_DEPTH;
    budget.max_total_scalar_bytes = MAX_TEXT_BYTES;
    budget.max_recorded_anchor_events = MAX_ANCHORED;
    budget.enforce_alias_anchor_ratio = false;
    let mut options = Options::default();
    options.budget = Some(budget);
    options.alias_limits.max_total_replayed_events = MAX_EVENTS;
    options.duplicate_keys = DuplicateKeyPolicy::Error;
    options.strict_booleans = true;
    options
}
