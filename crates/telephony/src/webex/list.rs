//! Listings of Webex operating modes, as streams of pages or of modes, with the vendor's
//! filters.

use telephony_api::webex::types;

use super::client::WebexClient;
use crate::pages::{self, Paged};

impl WebexClient {
    /// Lists operating modes, as a stream of pages or of modes, with the vendor's filters.
    ///
    /// ```no_run
    /// # async fn run(client: telephony::WebexClient) -> Result<(), telephony::Error> {
    /// use futures_util::TryStreamExt;
    ///
    /// let modes: Vec<_> = client
    ///     .operating_modes()
    ///     .name_contains("Business")
    ///     .location("LOCATION_ID")
    ///     .items()
    ///     .try_collect()
    ///     .await?;
    /// println!("{} modes", modes.len());
    /// # Ok(())
    /// # }
    /// ```
    pub fn operating_modes(&self) -> ModeList<'_> {
        ModeList {
            client: self,
            filter: Filter::default(),
            page_size: None,
        }
    }
}

/// The filters of a listing of operating modes.
#[derive(Debug, Clone, Default)]
struct Filter {
    name: Option<String>,
    location: Option<String>,
    org_level_only: Option<bool>,
    order: Option<String>,
    org_id: Option<String>,
}

/// A listing of operating modes; see [`WebexClient::operating_modes`].
#[derive(Debug, Clone)]
pub struct ModeList<'a> {
    client: &'a WebexClient,
    filter: Filter,
    page_size: Option<u32>,
}

impl<'a> ModeList<'a> {
    /// Only modes whose name contains `text` (the vendor's filter; not an exact match).
    pub fn name_contains(mut self, text: impl Into<String>) -> Self {
        self.filter.name = Some(text.into());
        self
    }

    /// Only modes of this location (`limitToLocationId`).
    pub fn location(mut self, location_id: impl Into<String>) -> Self {
        self.filter.location = Some(location_id.into());
        self
    }

    /// Only modes defined at the organization level (`limitToOrgLevelEnabled`).
    pub fn organization_level_only(mut self) -> Self {
        self.filter.org_level_only = Some(true);
        self
    }

    /// Sort order: `name-asc` (the vendor's default) or `name-desc`.
    pub fn order(mut self, order: impl Into<String>) -> Self {
        self.filter.order = Some(order.into());
        self
    }

    /// The organization to list (default: the token's).
    pub fn org_id(mut self, org_id: impl Into<String>) -> Self {
        self.filter.org_id = Some(org_id.into());
        self
    }

    /// Modes per page, 1 to 100 (the vendor's default is 10; values outside are clamped).
    pub fn page_size(mut self, size: u32) -> Self {
        self.page_size = Some(size.clamp(1, 100));
        self
    }

    /// The modes, a page at a time (each page one request, fetched when polled). A page
    /// shorter than the page size is the last.
    pub fn pages(self) -> Paged<'a, Vec<types::OperatingModeSummary>> {
        let ModeList {
            client,
            filter,
            page_size,
        } = self;
        let size = page_size.unwrap_or(10);
        pages::pages(
            telephony_spec::Vendor::Webex,
            "list_operating_modes",
            0_u32,
            move |start: u32| {
                let filter = filter.clone();
                async move {
                    let page = client
                        .transport
                        .read("list_operating_modes", || {
                            let mut call = client.api.list_operating_modes().max(size).start(start);
                            if let Some(name) = &filter.name {
                                call = call.name(name.clone());
                            }
                            if let Some(location) = &filter.location {
                                call = call.limit_to_location_id(location.clone());
                            }
                            if let Some(only) = filter.org_level_only {
                                call = call.limit_to_org_level_enabled(only);
                            }
                            if let Some(order) = &filter.order {
                                call = call.order(order.clone());
                            }
                            if let Some(org) = &filter.org_id {
                                call = call.org_id(org.clone());
                            }
                            call.send()
                        })
                        .await?;
                    let modes = page.operating_modes;
                    let full = modes.len() >= size as usize;
                    let next = start.checked_add(modes.len() as u32).filter(|_| full);
                    Ok((modes, next))
                }
            },
        )
    }

    /// The modes, one by one.
    pub fn items(self) -> Paged<'a, types::OperatingModeSummary> {
        pages::items(self.pages())
    }
}
