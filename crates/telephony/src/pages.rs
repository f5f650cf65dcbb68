//! Listing operations as async streams of pages or of items, the way the AWS SDKs' paginators
//! work: nothing is fetched until the stream is polled, each page is one read (retried like
//! every read), and a vendor that never stops paging is cut off after [`MAX_PAGES`] pages.

use std::future::Future;
use std::pin::Pin;

use futures_util::{Stream, TryStreamExt, stream};
use telephony_spec::Vendor;

use crate::error::Error;

/// The most pages one listing reads (10,000) before it ends with an error: a vendor answering
/// a next page forever must not keep a caller (or a read-back) busy forever.
pub const MAX_PAGES: usize = 10_000;

/// A listing: a boxed stream (so it can be polled with `try_next` without pinning it first)
/// of pages or of items.
pub type Paged<'a, T> = Pin<Box<dyn Stream<Item = Result<T, Error>> + Send + 'a>>;

/// A stream of pages. `fetch` gets the position of a page and returns its items and the
/// position of the next one (`None` after the last).
pub(crate) fn pages<'a, T, P, F, Fut>(
    vendor: Vendor,
    operation: &'static str,
    first: P,
    fetch: F,
) -> Paged<'a, Vec<T>>
where
    T: Send + 'a,
    P: Send + 'a,
    F: FnMut(P) -> Fut + Send + 'a,
    Fut: Future<Output = Result<(Vec<T>, Option<P>), Error>> + Send + 'a,
{
    Box::pin(stream::try_unfold(
        (Some(first), fetch, 0_usize),
        move |(position, mut fetch, read)| async move {
            let Some(position) = position else {
                return Ok(None);
            };
            if read >= MAX_PAGES {
                return Err(Error::Decode {
                    vendor,
                    operation,
                    reason: format!("the listing did not end after {MAX_PAGES} pages"),
                });
            }
            let (items, next) = fetch(position).await?;
            Ok(Some((items, (next, fetch, read + 1))))
        },
    ))
}

/// The items of a stream of pages, one by one.
pub(crate) fn items<'a, T: Send + 'a>(pages: Paged<'a, Vec<T>>) -> Paged<'a, T> {
    Box::pin(
        pages
            .map_ok(|page| stream::iter(page.into_iter().map(Ok)))
            .try_flatten(),
    )
}
