//! Quickstart: one set of business hours, provisioned to both vendors.
//!
//! Runs against the built-in mock server (no credentials needed): it starts the mock
//! in-process, builds one `WeeklyHours` and a holiday list, creates a Dialpad office and the
//! Webex operating modes from them, and prints what was created.
//!
//!     cargo run -p telephony --example quickstart

use std::process::ExitCode;
use std::time::Duration;

use chrono::{Month, NaiveDate, Weekday};
use telephony::office::{Address, Billing, Country, Currency, PlanPeriod};
use telephony::schedule::{Nth, WebexLevel};
use telephony::{
    DialpadClient, Holiday, HolidayDate, ModeBuilder, OfficeBuilder, Rate, RetryPolicy, Settings,
    Token, WebexClient, WeeklyHours,
};
use telephony_mock::{MockConfig, MockServer};

#[tokio::main]
async fn main() -> ExitCode {
    // Errors print their Display text (every violation with its path), not their Debug form.
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mock = MockServer::start(MockConfig::default()).await?;
    println!(
        "mock server (no real credentials needed) at {}",
        mock.base_url()
    );

    let hours = WeeklyHours::new("America/Chicago")?
        .weekdays("08:00", "17:00")?
        .open(Weekday::Sat, "10:00", "14:00")?;
    let yearly = |month, day| HolidayDate::YearlyOn { month, day };
    let holidays = [
        Holiday::all_day("New Year", yearly(Month::January, 1)),
        Holiday::all_day(
            "Memorial Day",
            HolidayDate::YearlyNth {
                nth: Nth::Last,
                weekday: Weekday::Mon,
                month: Month::May,
            },
        ),
        Holiday::all_day("Christmas", yearly(Month::December, 25)),
    ];

    // Dialpad: an office with these hours, built in Rust and checked before anything is sent.
    let dialpad = DialpadClient::new(
        Settings::dialpad(Token::new("demo-key")?)
            .base_url(mock.dialpad_url())
            .rate(Some(Rate::per_second(10)))
            .retry(RetryPolicy::default().max_attempts(3)),
    )?;
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
    .build()?;
    // The billing-safe create: an unknown outcome is read back, never blindly repeated.
    let created = dialpad.create_office(&office).await?;
    let read = dialpad.get_office(*created.id()).await?;
    println!(
        "Dialpad office {created} `{}`: Mon {:?}, Sat {:?}, Sun {:?} ({})",
        read.name.unwrap_or_default(),
        read.monday_hours.unwrap_or_default(),
        read.saturday_hours.unwrap_or_default(),
        read.sunday_hours.unwrap_or_default(),
        read.timezone.unwrap_or_default(),
    );

    // Webex: a business-hours mode and a holiday mode for a location.
    let webex = WebexClient::new(
        Settings::webex(Token::new("demo-token")?)
            .base_url(mock.webex_url())
            .timeouts(Duration::from_secs(20), Duration::from_secs(5)),
    )?;
    let location = WebexLevel::Location("Y2lzY29zcGFyazovL3VzL0xPQ0FUSU9OL2NoaWNhZ28".into());
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).ok_or("date")?;
    let business = ModeBuilder::new("Business hours", location.clone(), "+13125550100")
        .hours(&hours)
        .build()?;
    let closed = ModeBuilder::new("Holidays", location, "+13125550100")
        .forwarding_enabled(true)
        .holidays(&holidays, today)
        .build()?;
    for mode in [&business, &closed] {
        // In another organization than the token's: `.org_id("ORG_ID")` before `.await`.
        let created = webex.create_operating_mode(mode).await?;
        println!(
            "Webex operating mode `{}` ({}): {created}",
            mode.name.as_str(),
            mode.type_
        );
    }

    // What Webex cannot express is reported with every other problem (here, an empty name),
    // never dropped.
    let with_evening = hours.open(Weekday::Wed, "18:00", "20:00")?;
    let refused = ModeBuilder::new("", WebexLevel::Organization, "+13125550100")
        .hours(&with_evening)
        .build();
    if let Err(problems) = refused {
        println!("not sent to Webex:\n{problems}");
    }

    println!(
        "the mock now holds {} office(s) and {} operating mode(s)",
        mock.offices().len(),
        mock.operating_modes().len()
    );
    mock.shutdown().await;
    Ok(())
}
