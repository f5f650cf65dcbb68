//! Listings of Dialpad offices, as streams of pages or of offices, following the vendor's
//! cursor.

use telephony_api::dialpad::types;

use super::client::DialpadClient;
use crate::error::Error;
use crate::pages::{self, Paged};

impl DialpadClient {
    /// Lists offices, as a stream of pages or of offices.
    ///
    /// ```no_run
    /// # async fn run(client: telephony::DialpadClient) -> Result<(), telephony::Error> {
    /// use futures_util::TryStreamExt;
    ///
    /// let offices: Vec<_> = client.offices().active_only(true).items().try_collect().await?;
    /// println!("{} offices", offices.len());
    /// # Ok(())
    /// # }
    /// ```
    pub fn offices(&self) -> OfficeList<'_> {
        OfficeList {
            client: self,
            active_only: None,
        }
    }
}

/// A listing of offices; see [`DialpadClient::offices`].
#[derive(Debug, Clone)]
pub struct OfficeList<'a> {
    client: &'a DialpadClient,
    active_only: Option<bool>,
}

impl<'a> OfficeList<'a> {
    /// Only active offices (`true`), or all (`false`, the vendor's default).
    pub fn active_only(mut self, active_only: bool) -> Self {
        self.active_only = Some(active_only);
        self
    }

    /// The offices, a page at a time (each page one request, fetched when polled).
    pub fn pages(self) -> Paged<'a, Vec<types::OfficeProto>> {
        let OfficeList {
            client,
            active_only,
        } = self;
        pages::pages(
            telephony_spec::Vendor::Dialpad,
            "list_offices",
            None::<String>,
            move |cursor: Option<String>| async move {
                let page = client
                    .transport
                    .read("list_offices", || {
                        let mut call = client.api.list_offices();
                        if let Some(cursor) = &cursor {
                            call = call.cursor(cursor.clone());
                        }
                        if let Some(active_only) = active_only {
                            call = call.active_only(active_only);
                        }
                        call.send()
                    })
                    .await?;
                let next = page.cursor.filter(|next| !next.is_empty());
                if next.is_some() && next == cursor {
                    return Err(Error::Decode {
                        vendor: telephony_spec::Vendor::Dialpad,
                        operation: "list_offices",
                        reason: "the answer repeats the cursor it was asked for".into(),
                    });
                }
                Ok((page.items.unwrap_or_default(), next.map(Some)))
            },
        )
    }

    /// The offices, one by one.
    pub fn items(self) -> Paged<'a, types::OfficeProto> {
        pages::items(self.pages())
    }
}
