//! The vendor operations the mock serves, each with its own rate-limit bucket, scripted faults
//! and request counts.

use telephony_spec::Vendor;

/// One operation of one vendor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Operation {
    /// Dialpad `POST /api/v2/offices`.
    CreateOffice,
    /// Dialpad `GET /api/v2/offices`.
    ListOffices,
    /// Dialpad `GET /api/v2/offices/{id}`.
    GetOffice,
    /// Dialpad `GET /api/v2/offices/{id}/e911`.
    GetOfficeE911,
    /// Dialpad `PUT /api/v2/offices/{id}/e911`.
    UpdateOfficeE911,
    /// Webex `POST /v1/telephony/config/operatingModes`.
    CreateOperatingMode,
    /// Webex `GET /v1/telephony/config/operatingModes`.
    ListOperatingModes,
    /// Webex `GET /v1/telephony/config/operatingModes/{modeId}`.
    GetOperatingMode,
    /// Webex `PUT /v1/telephony/config/operatingModes/{modeId}`.
    UpdateOperatingMode,
    /// Webex `DELETE /v1/telephony/config/operatingModes/{modeId}`.
    DeleteOperatingMode,
    /// Webex `POST /v1/telephony/config/operatingModes/{modeId}/holidays`.
    CreateOperatingModeHoliday,
    /// Webex `GET /v1/telephony/config/operatingModes/{modeId}/holidays/{holidayId}`.
    GetOperatingModeHoliday,
    /// Webex `PUT /v1/telephony/config/operatingModes/{modeId}/holidays/{holidayId}`.
    UpdateOperatingModeHoliday,
    /// Webex `DELETE /v1/telephony/config/operatingModes/{modeId}/holidays/{holidayId}`.
    DeleteOperatingModeHoliday,
}

impl Operation {
    /// Every operation.
    pub const ALL: [Operation; 14] = [
        Operation::CreateOffice,
        Operation::ListOffices,
        Operation::GetOffice,
        Operation::GetOfficeE911,
        Operation::UpdateOfficeE911,
        Operation::CreateOperatingMode,
        Operation::ListOperatingModes,
        Operation::GetOperatingMode,
        Operation::UpdateOperatingMode,
        Operation::DeleteOperatingMode,
        Operation::CreateOperatingModeHoliday,
        Operation::GetOperatingModeHoliday,
        Operation::UpdateOperatingModeHoliday,
        Operation::DeleteOperatingModeHoliday,
    ];

    /// The vendor it belongs to.
    pub fn vendor(self) -> Vendor {
        match self {
            Operation::CreateOffice
            | Operation::ListOffices
            | Operation::GetOffice
            | Operation::GetOfficeE911
            | Operation::UpdateOfficeE911 => Vendor::Dialpad,
            Operation::CreateOperatingMode
            | Operation::ListOperatingModes
            | Operation::GetOperatingMode
            | Operation::UpdateOperatingMode
            | Operation::DeleteOperatingMode
            | Operation::CreateOperatingModeHoliday
            | Operation::GetOperatingModeHoliday
            | Operation::UpdateOperatingModeHoliday
            | Operation::DeleteOperatingModeHoliday => Vendor::Webex,
        }
    }

    /// The `operationId` in the vendor's curated spec.
    pub fn id(self) -> &'static str {
        match self {
            Operation::CreateOffice => "create_office",
            Operation::ListOffices => "list_offices",
            Operation::GetOffice => "get_office",
            Operation::GetOfficeE911 => "get_office_e911",
            Operation::UpdateOfficeE911 => "update_office_e911",
            Operation::CreateOperatingMode => "create_operating_mode",
            Operation::ListOperatingModes => "list_operating_modes",
            Operation::GetOperatingMode => "get_operating_mode",
            Operation::UpdateOperatingMode => "update_operating_mode",
            Operation::DeleteOperatingMode => "delete_operating_mode",
            Operation::CreateOperatingModeHoliday => "create_operating_mode_holiday",
            Operation::GetOperatingModeHoliday => "get_operating_mode_holiday",
            Operation::UpdateOperatingModeHoliday => "update_operating_mode_holiday",
            Operation::DeleteOperatingModeHoliday => "delete_operating_mode_holiday",
        }
    }

    /// Method and route, as counted in the stats.
    pub fn route(self) -> &'static str {
        match self {
            Operation::CreateOffice => "POST /api/v2/offices",
            Operation::ListOffices => "GET /api/v2/offices",
            Operation::GetOffice => "GET /api/v2/offices/{id}",
            Operation::GetOfficeE911 => "GET /api/v2/offices/{id}/e911",
            Operation::UpdateOfficeE911 => "PUT /api/v2/offices/{id}/e911",
            Operation::CreateOperatingMode => "POST /v1/telephony/config/operatingModes",
            Operation::ListOperatingModes => "GET /v1/telephony/config/operatingModes",
            Operation::GetOperatingMode => "GET /v1/telephony/config/operatingModes/{modeId}",
            Operation::UpdateOperatingMode => "PUT /v1/telephony/config/operatingModes/{modeId}",
            Operation::DeleteOperatingMode => "DELETE /v1/telephony/config/operatingModes/{modeId}",
            Operation::CreateOperatingModeHoliday => {
                "POST /v1/telephony/config/operatingModes/{modeId}/holidays"
            }
            Operation::GetOperatingModeHoliday => {
                "GET /v1/telephony/config/operatingModes/{modeId}/holidays/{holidayId}"
            }
            Operation::UpdateOperatingModeHoliday => {
                "PUT /v1/telephony/config/operatingModes/{modeId}/holidays/{holidayId}"
            }
            Operation::DeleteOperatingModeHoliday => {
                "DELETE /v1/telephony/config/operatingModes/{modeId}/holidays/{holidayId}"
            }
        }
    }

    /// The create operation of `vendor`.
    pub fn create_of(vendor: Vendor) -> Operation {
        match vendor {
            Vendor::Dialpad => Operation::CreateOffice,
            Vendor::Webex => Operation::CreateOperatingMode,
        }
    }

    /// The operation with this `operationId`.
    pub fn from_id(id: &str) -> Option<Operation> {
        Operation::ALL.into_iter().find(|op| op.id() == id)
    }
}
