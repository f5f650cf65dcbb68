//! Quickstart: one set of business hours, provisioned to both vendors.
//!
//! Runs against the built-in mock server (no credentials needed): it starts the mock
//! in-process, builds one `WeeklyHours` and a holiday list, creates a Dialpad office and the
//! Webex operating modes from them, and prints what was created.
//!
//!     cargo run -p telephony --example quickstart

use chrono::{Month, NaiveDate, Weekday};
use telephony::schedule::{Nth, WebexLevel, holidays_to_webex_mode};
use telephony::webex_types::OperatingModeCallForwarding;
use telephony::{
    DialpadClient, Holiday, HolidayDate, Settings, Token, WebexClient, WeeklyHours, dialpad_types,
};
use telephony_mock::{MockConfig, MockServer};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mock = MockServer::start(MockConfig::default()).await?;
    println!(
        "mock server (no real credentials needed) at {}",
        mock.base_url()
    );

    let hours = WeeklyHours::new("America/Chicago")?
        .weekdays("08:00", "17:00")?
        .open(Weekday::Sat, "10:00", "14:00")?;
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
        Holiday::all_day(
            "Christmas",
            HolidayDate::YearlyOn {
                month: Month::December,
                day: 25,
            },
        ),
    ];

    // Dialpad: an office with these hours.
    let dialpad = DialpadClient::new(
        Settings::dialpad(Token::new("demo-key")?).base_url(mock.dialpad_url()),
    )?;
    let mut office: dialpad_types::CreateOfficeMessage =
        serde_json::from_str(include_str!("office.json"))?;
    hours.to_dialpad().apply_to(&mut office)?;
    // The billing-safe create: an unknown outcome is read back, never blindly repeated.
    let created = dialpad.create_office(&office).await?;
    let office_out = dialpad.get_office(*created.id()).await?;
    println!(
        "Dialpad office {} `{}`: Mon {:?}, Sat {:?}, Sun {:?} ({})",
        created.id(),
        office_out.name.unwrap_or_default(),
        office_out.monday_hours.unwrap_or_default(),
        office_out.saturday_hours.unwrap_or_default(),
        office_out.sunday_hours.unwrap_or_default(),
        office_out.timezone.unwrap_or_default(),
    );

    // Webex: a business-hours mode and a holiday mode for a location.
    let webex =
        WebexClient::new(Settings::webex(Token::new("demo-token")?).base_url(mock.webex_url()))?;
    let location = WebexLevel::Location("Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2NoaWNhZ28".into());
    // Generated types are built with their builders: a field the vendor adds later keeps
    // its default instead of breaking this code.
    let forward: OperatingModeCallForwarding = OperatingModeCallForwarding::builder()
        .destination("+13125550100")
        .try_into()?;
    let business = hours.to_webex_mode("Business hours", &location, forward.clone())?;
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).ok_or("date")?;
    let closed = holidays_to_webex_mode("Holidays", &location, forward, &holidays, today)?;
    for mode in [&business, &closed] {
        let id = webex.create_operating_mode(mode).await?.into_id();
        println!(
            "Webex operating mode `{}` ({}) created: {id}",
            mode.name.as_str(),
            mode.type_
        );
    }

    // What Webex cannot express is an error naming the day, never silently dropped.
    let with_lunch = hours.open(Weekday::Wed, "18:00", "20:00")?;
    if let Err(err) = with_lunch.to_webex_schedule() {
        println!("not sent to Webex: {err}");
    }

    println!(
        "the mock now holds {} office(s) and {} operating mode(s)",
        mock.offices().len(),
        mock.operating_modes().len()
    );
    mock.shutdown().await;
    Ok(())
}
