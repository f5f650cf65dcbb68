//! Billing-safe creates: every create ends known — created exactly once, or surely not.
//!
//! Neither vendor takes an idempotency key, so a create whose outcome is unknown (the
//! connection broke after sending, a timeout, 500/502/504) cannot simply be sent again: a
//! Dialpad office is billable. A create the vendor answered with success is never sent again,
//! even when the answer names no id or cannot be decoded: it is read back with growing waits,
//! and ends [`Error::Ambiguous`](crate::Error::Ambiguous) ("the vendor answered success") if not found. Otherwise the client
//! waits a settle delay ([`RetryPolicy::settle_delay`](crate::RetryPolicy::settle_delay): a
//! backend may commit after its gateway gave up), then reads back what exists:
//!
//! - **found** → [`Outcome::Found`] with its id; nothing is sent again;
//! - **not found** → the attempt surely did nothing, so the create is sent again (within
//!   [`RetryPolicy::max_attempts`](crate::RetryPolicy::max_attempts)); when the attempts run
//!   out, [`Error::NotCreated`](crate::Error::NotCreated);
//! - **the read-back itself fails** → [`Error::Ambiguous`](crate::Error::Ambiguous), saying so. This is the only way
//!   a billing-safe create ends unknown.
//!
//! How each vendor reads back is described on
//! [`DialpadClient::create_office`](crate::DialpadClient::create_office) and
//! [`WebexClient::create_operating_mode`](crate::WebexClient::create_operating_mode).

/// How a billing-safe create ended when the resource exists.
///
/// ```
/// use telephony::Outcome;
///
/// let outcome = Outcome::Created { id: 42_i64, attempts: 1 };
/// assert_eq!(*outcome.id(), 42);
/// assert!(outcome.is_created());
/// assert_eq!(outcome.to_string(), "created 42");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Outcome<Id> {
    /// The vendor answered this create with success and the id of what it created.
    Created {
        /// The id of the new resource.
        id: Id,
        /// Attempts made, the first included.
        attempts: u32,
    },
    /// The resource exists and was found by reading back: an attempt whose outcome was unknown
    /// did create it, or (Webex, whose names are unique) an operating mode of that name
    /// already existed in the scope. Nothing more was sent.
    Found {
        /// The id of the resource found.
        id: Id,
        /// Attempts made, the first included.
        attempts: u32,
    },
}

impl<Id> Outcome<Id> {
    /// The id of the resource, however it was learned.
    pub fn id(&self) -> &Id {
        match self {
            Outcome::Created { id, .. } | Outcome::Found { id, .. } => id,
        }
    }

    /// The id, by value.
    pub fn into_id(self) -> Id {
        match self {
            Outcome::Created { id, .. } | Outcome::Found { id, .. } => id,
        }
    }

    /// The same outcome with the id converted (to text, say).
    pub fn map_id<T>(self, convert: impl FnOnce(Id) -> T) -> Outcome<T> {
        match self {
            Outcome::Created { id, attempts } => Outcome::Created {
                id: convert(id),
                attempts,
            },
            Outcome::Found { id, attempts } => Outcome::Found {
                id: convert(id),
                attempts,
            },
        }
    }

    /// Whether the vendor answered this create with success.
    pub fn is_created(&self) -> bool {
        matches!(self, Outcome::Created { .. })
    }

    /// Attempts made, the first included.
    pub fn attempts(&self) -> u32 {
        match self {
            Outcome::Created { attempts, .. } | Outcome::Found { attempts, .. } => *attempts,
        }
    }
}

impl<Id: std::fmt::Display> std::fmt::Display for Outcome<Id> {
    /// `created 42` or `found 42 by reading back`, with the attempts when more than one.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Outcome::Created { id, .. } => write!(f, "created {id}")?,
            Outcome::Found { id, .. } => write!(f, "found {id} by reading back")?,
        }
        match self.attempts() {
            1 => Ok(()),
            n => write!(f, " ({n} attempts)"),
        }
    }
}
