//! Building a create-office body in plain Rust: what Dialpad requires is given up front, the
//! rest by named setters, and every problem is reported at once when the body is built.
//!
//! The generated builder of `CreateOfficeMessage` stops at its first problem and needs a
//! `try_into()` per nested object; this one collects the fields as JSON and checks them with
//! the spec's own validator ([`crate::validate`]) at [`OfficeBuilder::build`], so every
//! violation comes back with its path, before anything is sent.

use serde::Serialize;
use serde_json::{Map, Value, json};
use telephony_api::dialpad::types::CreateOfficeMessage;

pub use telephony_api::dialpad::types::{
    Country, CreateOfficeMessageCurrency as Currency,
    CreateOfficeMessageFirstAction as FirstAction, CreateOfficeMessagePlanPeriod as PlanPeriod,
    RoutingAction, RoutingOptions,
};

use crate::schedule::WeeklyHours;
use crate::validate::{self, Violation, Violations};

/// A street address, usable as the billing address and as the E911 address (Dialpad names
/// the parts differently in each; this type writes both forms).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    line_1: String,
    line_2: Option<String>,
    city: String,
    region: String,
    postal_code: String,
    country: String,
}

impl Address {
    /// An address from its street line, city, region (state or province), postal code and
    /// country (ISO 3166-1 alpha-2, such as `US`).
    pub fn new(
        line_1: impl Into<String>,
        city: impl Into<String>,
        region: impl Into<String>,
        postal_code: impl Into<String>,
        country: impl Into<String>,
    ) -> Address {
        Address {
            line_1: line_1.into(),
            line_2: None,
            city: city.into(),
            region: region.into(),
            postal_code: postal_code.into(),
            country: country.into(),
        }
    }

    /// A second street line (suite, floor).
    pub fn line_2(mut self, line_2: impl Into<String>) -> Address {
        self.line_2 = Some(line_2.into());
        self
    }

    fn billing(&self) -> Value {
        let mut value = json!({
            "address_line_1": self.line_1, "city": self.city, "region": self.region,
            "postal_code": self.postal_code, "country": self.country,
        });
        if let Some(line_2) = &self.line_2 {
            value["address_line_2"] = json!(line_2);
        }
        value
    }

    fn e911(&self) -> Value {
        let mut value = json!({
            "address": self.line_1, "city": self.city, "state": self.region,
            "zip": self.postal_code, "country": self.country,
        });
        if let Some(line_2) = &self.line_2 {
            value["address2"] = json!(line_2);
        }
        value
    }
}

/// How an office is billed: Dialpad requires all five terms. The three yes/no terms are
/// `false` unless set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Billing {
    plan_period: PlanPeriod,
    currency: Currency,
    invoiced: bool,
    unified_billing: bool,
    annual_commit_monthly_billing: bool,
}

impl Billing {
    /// Billing every `plan_period` in `currency`.
    pub fn new(plan_period: PlanPeriod, currency: Currency) -> Billing {
        Billing {
            plan_period,
            currency,
            invoiced: false,
            unified_billing: false,
            annual_commit_monthly_billing: false,
        }
    }

    /// Whether the office is paid by invoice (`invoiced`).
    pub fn invoiced(mut self, yes: bool) -> Billing {
        self.invoiced = yes;
        self
    }

    /// Whether the office is on the company's single invoice (`unified_billing`).
    pub fn unified(mut self, yes: bool) -> Billing {
        self.unified_billing = yes;
        self
    }

    /// Whether an annual commitment is billed monthly (`annual_commit_monthly_billing`).
    pub fn annual_commit_monthly(mut self, yes: bool) -> Billing {
        self.annual_commit_monthly_billing = yes;
        self
    }
}

/// A create-office body, built in Rust.
///
/// ```
/// use telephony::office::{Address, Billing, Country, Currency, OfficeBuilder, PlanPeriod};
/// use telephony::WeeklyHours;
///
/// let address = Address::new("233 S Wacker Dr", "Chicago", "IL", "60606", "US");
/// let office = OfficeBuilder::new(
///     "Chicago Loop",
///     Country::Us,
///     Billing::new(PlanPeriod::Monthly, Currency::Usd).unified(true),
///     address.clone(),
/// )
/// .e911_address(address)
/// .hours(&WeeklyHours::new("America/Chicago")?.weekdays("08:00", "17:00")?)
/// .ring_seconds(25)
/// .build()?;
/// assert_eq!(office.name.as_str(), "Chicago Loop");
///
/// // Every problem at once, with its path:
/// let problems = OfficeBuilder::new(
///     "",
///     Country::Us,
///     Billing::new(PlanPeriod::Monthly, Currency::Usd),
///     Address::new("1 Main St", "Chicago", "IL", "60606", "US"),
/// )
/// .ring_seconds(1)
/// .build()
/// .unwrap_err();
/// let paths: Vec<&str> = problems.iter().map(|v| v.path.as_str()).collect();
/// assert_eq!(paths, ["$.name", "$.ring_seconds", "$.e911_address"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[must_use = "an office body is made by `build()`"]
pub struct OfficeBuilder {
    fields: Map<String, Value>,
    problems: Vec<Violation>,
}

impl OfficeBuilder {
    /// An office with what Dialpad requires: its name, country, billing terms and billing
    /// address.
    pub fn new(
        name: impl Into<String>,
        country: Country,
        billing: Billing,
        billing_address: Address,
    ) -> OfficeBuilder {
        let builder = OfficeBuilder {
            fields: Map::new(),
            problems: Vec::new(),
        };
        builder
            .set("name", name.into())
            .set("country", country)
            .set("plan_period", billing.plan_period)
            .set("currency", billing.currency)
            .set("invoiced", billing.invoiced)
            .set("unified_billing", billing.unified_billing)
            .set(
                "annual_commit_monthly_billing",
                billing.annual_commit_monthly_billing,
            )
            .set("billing_address", billing_address.billing())
    }

    /// The emergency (E911) address; required in US, CA, AU, FR, GB and NZ.
    pub fn e911_address(self, address: Address) -> OfficeBuilder {
        self.set("e911_address", address.e911())
    }

    /// Whether the billing address is also the emergency address (`use_same_address`).
    pub fn use_same_address(self, yes: bool) -> OfficeBuilder {
        self.set("use_same_address", yes)
    }

    /// The billing contact.
    pub fn billing_contact(
        self,
        name: impl Into<String>,
        email: impl Into<String>,
        phone: Option<&str>,
    ) -> OfficeBuilder {
        let mut contact = json!({"name": name.into(), "email": email.into()});
        if let Some(phone) = phone {
            contact["phone"] = json!(phone);
        }
        self.set("billing_contact", contact)
    }

    /// Business hours: sets `hours_on`, `timezone` and all seven `*_hours` (a closed day as
    /// `[]`).
    pub fn hours(self, hours: &WeeklyHours) -> OfficeBuilder {
        let fields = hours.to_dialpad().json_fields();
        fields
            .into_iter()
            .fold(self, |builder, (field, value)| builder.set(field, value))
    }

    /// The time zone (a tz database name), when no [`OfficeBuilder::hours`] are given.
    pub fn timezone(self, timezone: impl Into<String>) -> OfficeBuilder {
        self.set("timezone", timezone.into())
    }

    /// The office's main number (E.164).
    pub fn mainline_number(self, number: impl Into<String>) -> OfficeBuilder {
        self.set("mainline_number", number.into())
    }

    /// Seconds a call rings before the no-answer action.
    pub fn ring_seconds(self, seconds: i64) -> OfficeBuilder {
        self.set("ring_seconds", seconds)
    }

    /// What answers a call first.
    pub fn first_action(self, action: FirstAction) -> OfficeBuilder {
        self.set("first_action", action)
    }

    /// What happens when no operator answers.
    pub fn no_operators_action(self, action: RoutingAction) -> OfficeBuilder {
        self.set("no_operators_action", action)
    }

    /// Routing while open and while closed (menus, DTMF keys), built with the generated
    /// `RoutingOptions::builder()`.
    pub fn routing_options(self, options: RoutingOptions) -> OfficeBuilder {
        self.set("routing_options", options)
    }

    /// Whether international calls are allowed.
    pub fn international_enabled(self, yes: bool) -> OfficeBuilder {
        self.set("international_enabled", yes)
    }

    /// Whether calls are recorded automatically.
    pub fn auto_call_recording(self, yes: bool) -> OfficeBuilder {
        self.set("auto_call_recording", yes)
    }

    /// The description of the office's group.
    pub fn group_description(self, text: impl Into<String>) -> OfficeBuilder {
        self.set("group_description", text.into())
    }

    /// Any field by its name in the spec, for a field without a setter here (one the vendor
    /// has just added, say); checked at [`OfficeBuilder::build`] like every other.
    pub fn set(mut self, field: &str, value: impl Serialize) -> OfficeBuilder {
        match serde_json::to_value(value) {
            Ok(value) => {
                self.fields.insert(field.to_string(), value);
            }
            Err(err) => self.problems.push(Violation {
                path: format!("$.{field}"),
                rule: "types".into(),
                message: format!("cannot be written as JSON: {err}"),
            }),
        }
        self
    }

    /// The body, or every violation of the spec with its path.
    pub fn build(self) -> Result<CreateOfficeMessage, Violations> {
        let body = Value::Object(self.fields);
        validate::built(self.problems, validate::dialpad_office(&body), body)
    }
}
