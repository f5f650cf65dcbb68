//! The client calls a conformance run makes, each `N` times through the proxy, and what came
//! of them: decoded, a decode failure (by the field the client names), or another error (by
//! status). The bodies are built with the client's own builders and schedule model, so what
//! Prism checks is what the client really sends.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{Month, NaiveDate, Weekday};
use futures_util::{StreamExt, TryStreamExt, stream};
use telephony::office::{Address, Billing, Country, Currency, PlanPeriod};
use telephony::schedule::{Nth, WebexLevel};
use telephony::{
    DialpadClient, Holiday, HolidayDate, ModeBuilder, OfficeBuilder, RetryPolicy, Settings, Token,
    WebexClient, WeeklyHours,
};

use super::error::SetupError;
pub use super::failures::{Failure, REFUSED_OWN, classify, cut, decode_field};
use super::proxy::{Exchange, Proxy};

/// Calls in flight at once (Prism answers one at a time anyway).
const CONCURRENCY: usize = 4;

/// The location of the listings and of the location-level modes.
const LOCATION: &str = "Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2NoaWNhZ28";

/// The mode read back: the id of the vendor's own examples.
const MODE_ID: &str =
    "Y2lzY29zcGFyazovL3VzL09QRVJBVElOR19NT0RFL2JiOTc1OTcxLTBjZWYtNDdhNi05Yzc5LTliZWFjY2IwYjg4Mg";

/// The holiday read, modified and deleted: the id of the vendor's own examples.
const HOLIDAY_ID: &str =
    "Y2lzY29zcGFyazovL3VzL1NDSEVEVUxFX0VWRU5UL2E4Mjg5NzIyLTFiODAtNDFiNy05Njc4LTBlNzdhZThjMTIwOQ";

/// The office read back.
const OFFICE_ID: i64 = 124;

/// What came of a row's calls.
#[derive(Debug, Default)]
pub struct Tally {
    /// Answers decoded.
    pub decoded: usize,
    /// Decode failures by the field named.
    pub decode_failures: BTreeMap<String, usize>,
    /// Other errors by status, with the text of the first.
    pub errors: BTreeMap<String, (usize, String)>,
}

/// One operation as called, and its exchanges.
#[derive(Debug)]
pub struct Row {
    /// How the report names it.
    pub label: String,
    /// What came of it.
    pub tally: Tally,
    /// The requests it sent, as the proxy saw them.
    pub exchanges: Vec<Exchange>,
}

async fn row<T, F, Fut>(label: &str, proxy: &Proxy, calls: usize, call: F) -> Row
where
    F: Fn() -> Fut,
    Fut: Future<Output = Result<T, telephony::Error>>,
{
    let from = proxy.len();
    let results: Vec<Result<T, telephony::Error>> = stream::iter(0..calls)
        .map(|_| call())
        .buffer_unordered(CONCURRENCY)
        .collect()
        .await;
    let mut tally = Tally::default();
    for result in results {
        match result.as_ref().map_err(classify) {
            Ok(_) => tally.decoded += 1,
            Err(Failure::Decode(field)) => *tally.decode_failures.entry(field).or_default() += 1,
            Err(Failure::Other(label, text)) => {
                tally.errors.entry(label).or_insert((0, text)).0 += 1;
            }
        }
    }
    Row {
        label: label.to_string(),
        tally,
        exchanges: proxy.since(from),
    }
}

/// Unpaced, one attempt per call, short timeouts: every request sent is one call.
fn retry() -> RetryPolicy {
    RetryPolicy::never()
        .read_attempts(1)
        .settle_delay(Duration::ZERO)
}

fn setup<E: std::fmt::Display>(what: &'static str) -> impl Fn(E) -> SetupError {
    move |e| SetupError::new(format!("{what}: {e}"))
}

/// The Dialpad operations: the first page of offices, one office, a single-shot create, and
/// the read and change of one office's E911 address.
pub async fn dialpad(proxy: &Proxy, calls: usize) -> Result<Vec<Row>, SetupError> {
    let token = Token::new("conformance-token").map_err(setup("token"))?;
    let settings = Settings::dialpad(token)
        .base_url(&proxy.url)
        .rate(None)
        .retry(retry())
        .timeouts(Duration::from_secs(10), Duration::from_secs(2));
    let client = DialpadClient::new(settings).map_err(setup("Dialpad client"))?;
    let hours = WeeklyHours::new("America/Chicago")
        .and_then(|h| h.weekdays("08:00", "17:00"))
        .and_then(|h| h.open(Weekday::Sat, "10:00", "14:00"))
        .map_err(setup("hours"))?;
    let address = Address::new("233 S Wacker Dr", "Chicago", "IL", "60606", "US");
    let office = OfficeBuilder::new(
        "Chicago Loop",
        Country::Us,
        Billing::new(PlanPeriod::Monthly, Currency::Usd).unified(true),
        address.clone(),
    )
    .e911_address(address)
    .hours(&hours)
    .ring_seconds(25)
    .build()
    .map_err(setup("office body"))?;
    let e911: telephony::dialpad_types::E911UpdateMessage = serde_json::from_value(
        serde_json::json!({"address": "233 S Wacker Dr", "address2": "Floor 12",
                           "city": "Chicago", "state": "IL", "zip": "60606", "country": "US"}),
    )
    .map_err(setup("E911 address body"))?;
    let client = &client;
    let office = &office;
    let e911 = &e911;
    Ok(vec![
        row("list_offices (first page)", proxy, calls, || async move {
            client.offices().pages().try_next().await
        })
        .await,
        row(
            &format!("get_office({OFFICE_ID})"),
            proxy,
            calls,
            || async move { client.get_office(OFFICE_ID).await },
        )
        .await,
        row("create_office_once", proxy, calls, || async move {
            client.create_office_once(office).await
        })
        .await,
        row(
            &format!("get_office_e911({OFFICE_ID})"),
            proxy,
            calls,
            || async move { client.get_office_e911(OFFICE_ID).await },
        )
        .await,
        row(
            &format!("update_office_e911({OFFICE_ID})"),
            proxy,
            calls,
            || async move {
                // A success whose answer cannot be decoded is counted as a decode failure.
                client
                    .update_office_e911(OFFICE_ID, e911)
                    .await?
                    .ok_or(telephony::Error::Decode {
                        vendor: telephony::Vendor::Dialpad,
                        operation: "update_office_e911",
                        reason: "the answer could not be decoded".to_string(),
                    })
            },
        )
        .await,
    ])
}

/// The Webex operations: listings by location and at organization level (first page), one
/// mode, single-shot creates of the three kinds of schedule, and the changes.
pub async fn webex(proxy: &Proxy, calls: usize) -> Result<Vec<Row>, SetupError> {
    let token = Token::new("conformance-token").map_err(setup("token"))?;
    let settings = Settings::webex(token)
        .base_url(&proxy.url)
        .rate(None)
        .retry(retry())
        .timeouts(Duration::from_secs(10), Duration::from_secs(2));
    let client = WebexClient::new(settings).map_err(setup("Webex client"))?;
    let location = WebexLevel::Location(LOCATION.to_string());
    let weekdays = WeeklyHours::new("America/Chicago")
        .and_then(|h| h.weekdays("08:00", "17:00"))
        .map_err(setup("hours"))?;
    let with_saturday = weekdays
        .clone()
        .open(Weekday::Sat, "10:00", "14:00")
        .map_err(setup("hours"))?;
    let holidays = [
        Holiday::all_day(
            "New Year",
            HolidayDate::YearlyOn {
                month: Month::January,
                day: 1,
            },
        ),
        Holiday::all_day(
            "Memorial Day",
            HolidayDate::YearlyNth {
                nth: Nth::Last,
                weekday: Weekday::Mon,
                month: Month::May,
            },
        ),
    ];
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).ok_or_else(|| SetupError::new("date"))?;
    let same = ModeBuilder::new("Business hours", location.clone(), "+13125550100")
        .hours(&weekdays)
        .build()
        .map_err(setup("SAME_HOURS_DAILY body"))?;
    let different = ModeBuilder::new("Saturday hours", location.clone(), "+13125550100")
        .hours(&with_saturday)
        .build()
        .map_err(setup("DIFFERENT_HOURS_DAILY body"))?;
    let holiday = ModeBuilder::new("Holidays", location, "+13125550199")
        .forwarding_enabled(true)
        .holidays(&holidays, today)
        .build()
        .map_err(setup("HOLIDAY body"))?;
    let client = &client;
    let mut rows = vec![
        row(
            "list_operating_modes (location)",
            proxy,
            calls,
            || async move {
                client
                    .operating_modes()
                    .location(LOCATION)
                    .pages()
                    .try_next()
                    .await
            },
        )
        .await,
        row(
            "list_operating_modes (org level)",
            proxy,
            calls,
            || async move {
                client
                    .operating_modes()
                    .organization_level_only()
                    .pages()
                    .try_next()
                    .await
            },
        )
        .await,
        row("get_operating_mode", proxy, calls, || async move {
            client.get_operating_mode(MODE_ID).await
        })
        .await,
    ];
    for (label, mode) in [
        ("create_operating_mode_once SAME_HOURS_DAILY", &same),
        (
            "create_operating_mode_once DIFFERENT_HOURS_DAILY",
            &different,
        ),
        ("create_operating_mode_once HOLIDAY", &holiday),
    ] {
        rows.push(
            row(label, proxy, calls, || async move {
                client.create_operating_mode_once(mode).await
            })
            .await,
        );
    }
    rows.extend(webex_changes(proxy, calls, client).await?);
    Ok(rows)
}

/// The changes of the mode and of one of its holidays (the ids of the vendor's examples): a
/// modify, a holiday create (read back through the mode), read, modify and delete, and the
/// delete of the mode.
async fn webex_changes(
    proxy: &Proxy,
    calls: usize,
    client: &WebexClient,
) -> Result<Vec<Row>, SetupError> {
    use telephony::webex_types as wx;
    let name = |text: &str| text.to_string();
    let change: wx::OperatingModePatchObject = wx::OperatingModePatchObject::builder()
        .name(Some(
            name("Business hours updated")
                .try_into()
                .map_err(setup("name"))?,
        ))
        .try_into()
        .map_err(setup("modify body"))?;
    let date = NaiveDate::from_ymd_opt(2026, 12, 25).ok_or_else(|| SetupError::new("date"))?;
    let holiday: wx::OperatingModeHolidayPostRequestObject =
        wx::OperatingModeHolidayPostRequestObject::builder()
            .name("Christmas")
            .all_day_enabled(true)
            .start_date(date)
            .end_date(date)
            .try_into()
            .map_err(setup("holiday body"))?;
    let holiday_change: wx::OperatingModeHolidayPatchObject =
        wx::OperatingModeHolidayPatchObject::builder()
            .name(Some(
                name("Christmas Day").try_into().map_err(setup("name"))?,
            ))
            .try_into()
            .map_err(setup("holiday modify body"))?;
    let (change, holiday, holiday_change) = (&change, &holiday, &holiday_change);
    Ok(vec![
        row("update_operating_mode", proxy, calls, || async move {
            client.update_operating_mode(MODE_ID, change).await
        })
        .await,
        row(
            "create_operating_mode_holiday",
            proxy,
            calls,
            || async move { client.create_operating_mode_holiday(MODE_ID, holiday).await },
        )
        .await,
        row("get_operating_mode_holiday", proxy, calls, || async move {
            client.get_operating_mode_holiday(MODE_ID, HOLIDAY_ID).await
        })
        .await,
        row(
            "update_operating_mode_holiday",
            proxy,
            calls,
            || async move {
                client
                    .update_operating_mode_holiday(MODE_ID, HOLIDAY_ID, holiday_change)
                    .await
            },
        )
        .await,
        row(
            "delete_operating_mode_holiday",
            proxy,
            calls,
            || async move {
                client
                    .delete_operating_mode_holiday(MODE_ID, HOLIDAY_ID)
                    .await
            },
        )
        .await,
        row("delete_operating_mode", proxy, calls, || async move {
            client.delete_operating_mode(MODE_ID).await
        })
        .await,
    ])
}
