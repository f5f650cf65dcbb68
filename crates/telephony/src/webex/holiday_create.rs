//! The exactly-once create of one holiday of an operating mode. Holiday names are not
//! documented as unique, so a read-back cannot look a name up: before the first attempt the
//! mode is read and the ids of its holidays kept; when an attempt's outcome is unknown the mode
//! is read again, and a holiday with the same name, dates and times whose id was not there
//! before is the one this create made ([`Outcome::Found`]). None means it was not created, and
//! it is sent again (see [`crate::resolve`]).

use std::collections::HashSet;

use telephony_api::webex::types;

use super::client::WebexClient;
use crate::error::Error;
use crate::read_back::ReadBack;
use crate::resolve::Outcome;
use crate::validate;

/// The operation's name (spans, errors).
const OPERATION: &str = "create_operating_mode_holiday";

/// Checks `holiday`, then creates it in the mode `mode_id` exactly once.
pub(super) async fn create_holiday(
    client: &WebexClient,
    mode_id: &str,
    holiday: &types::OperatingModeHolidayPostRequestObject,
    org_id: Option<&str>,
) -> Result<Outcome<String>, Error> {
    validate::webex_holiday_typed(holiday).map_err(Error::Validation)?;
    let before: HashSet<String> = read_mode(client, mode_id, org_id)
        .await?
        .holidays
        .into_iter()
        .map(|held| held.id)
        .collect();
    let id_of = |created: &types::OperatingModeHolidayCreated| {
        Some(created.id.clone()).filter(|id| !id.is_empty())
    };
    let mut strategy = ReadBack::new(
        client.transport.vendor,
        &client.transport.policy,
        id_of,
        || find_new(client, mode_id, holiday, org_id, &before),
        false,
    );
    client
        .transport
        .run(OPERATION, &mut strategy, || {
            let call = client
                .api
                .create_operating_mode_holiday()
                .mode_id(mode_id)
                .body(holiday.clone());
            match org_id {
                Some(org) => call.org_id(org.to_string()).send(),
                None => call.send(),
            }
        })
        .await
}

/// The mode, in `org_id`'s organization or the token's.
async fn read_mode(
    client: &WebexClient,
    mode_id: &str,
    org_id: Option<&str>,
) -> Result<types::OperatingModeDetails, Error> {
    let read = client.get_operating_mode(mode_id);
    match org_id {
        Some(org) => read.org_id(org).send().await,
        None => read.send().await,
    }
}

/// The id of a holiday of the mode that is `wanted` and was not among `before`, if any.
async fn find_new(
    client: &WebexClient,
    mode_id: &str,
    wanted: &types::OperatingModeHolidayPostRequestObject,
    org_id: Option<&str>,
    before: &HashSet<String>,
) -> Result<Option<String>, Error> {
    let mode = read_mode(client, mode_id, org_id).await?;
    Ok(mode
        .holidays
        .into_iter()
        .find(|found| !before.contains(&found.id) && same(found, wanted))
        .map(|found| found.id))
}

/// Whether `found` has `wanted`'s name and dates, and its times unless it lasts whole days
/// (an all-day holiday may be reported without the times it was sent with).
fn same(found: &types::HolidayView, wanted: &types::OperatingModeHolidayPostRequestObject) -> bool {
    let text = |value: &Option<types::TimeOfDay>| value.as_ref().map(|t| t.as_str().to_string());
    found.name == wanted.name.as_str()
        && found.start_date.as_deref() == Some(wanted.start_date.to_string().as_str())
        && found.end_date.as_deref() == Some(wanted.end_date.to_string().as_str())
        && (wanted.all_day_enabled
            || (found.start_time == text(&wanted.start_time)
                && found.end_time == text(&wanted.end_time)))
}
