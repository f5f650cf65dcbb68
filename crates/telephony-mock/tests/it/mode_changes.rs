//! Webex's changes of operating modes over HTTP: the modify and delete of a mode and the
//! create, read, modify and delete of its holidays — validated, 404 for unknown ids, 409 for a
//! taken name, at most 150 holidays, gated like every other operation.

use serde_json::{Value, json};
use telephony_fixtures::bodies::{mode, mode_at};
use telephony_fixtures::mock::{
    TOKEN, get, json_of, post_mode, request, sent, start, to, unlimited,
};
use telephony_mock::{MockHandle, Operation};

const MODES: &str = "/v1/telephony/config/operatingModes";

async fn created(mock: &MockHandle, body: &Value) -> String {
    let answer = json_of(post_mode(mock, body).await).await;
    answer["id"].as_str().expect("an id").to_string()
}

async fn send(
    mock: &MockHandle,
    method: reqwest::Method,
    path: &str,
    body: &Value,
) -> reqwest::Response {
    sent(to(mock, method, path).bearer_auth(TOKEN).json(body)).await
}

fn holiday(name: &str, start: &str) -> Value {
    json!({"name": name, "allDayEnabled": true, "startDate": start, "endDate": start})
}

fn holiday_mode(name: &str, holidays: Vec<Value>) -> Value {
    let mut body = mode(name);
    body["type"] = json!("HOLIDAY");
    body["holidays"] = Value::Array(holidays);
    body
}

#[tokio::test]
async fn a_modify_changes_only_what_it_carries_and_replaces_every_holiday() {
    let mock = start(unlimited()).await;
    let id = created(
        &mock,
        &holiday_mode("Closed", vec![holiday("A", "2025-01-01")]),
    )
    .await;
    let before = json_of(get(&mock, &format!("{MODES}/{id}")).await).await;
    let old_holiday = before["holidays"][0]["id"].clone();
    let change = json!({"name": "Shut", "holidays": [holiday("B", "2025-02-02")]});
    let answer = send(
        &mock,
        reqwest::Method::PUT,
        &format!("{MODES}/{id}"),
        &change,
    )
    .await;
    assert_eq!(answer.status(), 204);
    let after = json_of(get(&mock, &format!("{MODES}/{id}")).await).await;
    assert_eq!(after["name"], "Shut");
    assert_eq!(after["type"], "HOLIDAY");
    assert_eq!(after["callForwarding"], before["callForwarding"]);
    let holidays = after["holidays"].as_array().expect("holidays");
    assert_eq!(holidays.len(), 1);
    assert_eq!(holidays[0]["name"], "B");
    assert_ne!(
        holidays[0]["id"], old_holiday,
        "replaced holidays get new ids"
    );
}

#[tokio::test]
async fn a_modify_refuses_a_taken_name_a_type_change_and_an_unknown_mode() {
    let mock = start(unlimited()).await;
    let day = created(&mock, &mode("Day")).await;
    created(&mock, &mode("Night")).await;
    // The same name at a location is another scope: not taken.
    created(&mock, &mode_at("Late", "LOC-1")).await;
    let put = |id: &str, body: Value| {
        let path = format!("{MODES}/{id}");
        let mock = &mock;
        async move { send(mock, reqwest::Method::PUT, &path, &body).await }
    };
    let taken = put(&day, json!({"name": "Night"})).await;
    assert_eq!(taken.status(), 409);
    assert!(
        json_of(taken).await["message"]
            .as_str()
            .expect("message")
            .contains("Night")
    );
    assert_eq!(
        put(&day, json!({"name": "Day"})).await.status(),
        204,
        "its own name"
    );
    assert_eq!(put(&day, json!({"name": "Late"})).await.status(), 204);
    let typed = put(&day, json!({"type": "HOLIDAY"})).await;
    assert_eq!(typed.status(), 400);
    assert!(
        json_of(typed).await["errors"]
            .as_array()
            .is_some_and(|e| !e.is_empty())
    );
    let reversed = json!({"sameHoursDaily": {
        "mondayToFriday": {"enabled": true, "startTime": "17:00", "endTime": "09:00"},
        "saturdayToSunday": {"enabled": false, "startTime": "09:00", "endTime": "17:00"}}});
    assert_eq!(put(&day, reversed).await.status(), 400);
    assert_eq!(put("nope", json!({"name": "X"})).await.status(), 404);
    let modes = mock.operating_modes();
    let names: Vec<&Value> = modes.iter().map(|m| &m.received["name"]).collect();
    assert_eq!(names, [&json!("Late"), &json!("Night"), &json!("Late")]);
}

#[tokio::test]
async fn a_delete_removes_the_mode_and_a_second_one_is_404() {
    let mock = start(unlimited()).await;
    let id = created(&mock, &mode("Gone")).await;
    let path = format!("{MODES}/{id}");
    assert_eq!(
        request(&mock, reqwest::Method::DELETE, &path)
            .await
            .status(),
        204
    );
    assert_eq!(get(&mock, &path).await.status(), 404);
    assert_eq!(
        request(&mock, reqwest::Method::DELETE, &path)
            .await
            .status(),
        404
    );
    assert!(mock.operating_modes().is_empty());
    let unauthenticated = sent(to(&mock, reqwest::Method::DELETE, &path)).await;
    assert_eq!(unauthenticated.status(), 401);
}

#[tokio::test]
async fn holidays_are_created_read_modified_and_deleted_with_stable_ids() {
    let mock = start(unlimited()).await;
    let id = created(
        &mock,
        &holiday_mode("Closed", vec![holiday("A", "2025-01-01")]),
    )
    .await;
    let first = json_of(get(&mock, &format!("{MODES}/{id}")).await).await["holidays"][0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let holidays = format!("{MODES}/{id}/holidays");
    let made = send(
        &mock,
        reqwest::Method::POST,
        &holidays,
        &holiday("B", "2025-02-02"),
    )
    .await;
    assert_eq!(made.status(), 201);
    let second = json_of(made).await["id"].as_str().expect("id").to_string();
    assert_ne!(second, first);
    let read = json_of(get(&mock, &format!("{holidays}/{second}")).await).await;
    assert_eq!(
        (read["id"].as_str(), read["name"].as_str()),
        (Some(second.as_str()), Some("B"))
    );
    let renamed = json!({"name": "C", "endDate": "2025-02-03"});
    let put = send(
        &mock,
        reqwest::Method::PUT,
        &format!("{holidays}/{second}"),
        &renamed,
    )
    .await;
    assert_eq!(put.status(), 204);
    let read = json_of(get(&mock, &format!("{holidays}/{second}")).await).await;
    assert_eq!(
        (read["name"].as_str(), read["endDate"].as_str()),
        (Some("C"), Some("2025-02-03"))
    );
    assert_eq!(read["startDate"], "2025-02-02", "fields not given stay");
    let backwards = json!({"startDate": "2025-03-01", "endDate": "2025-02-01"});
    let put = send(
        &mock,
        reqwest::Method::PUT,
        &format!("{holidays}/{second}"),
        &backwards,
    )
    .await;
    assert_eq!(put.status(), 400);
    // Deleting the first does not renumber the second.
    let delete = |holiday: String| {
        let path = format!("{holidays}/{holiday}");
        let mock = &mock;
        async move { request(mock, reqwest::Method::DELETE, &path).await.status() }
    };
    assert_eq!(delete(first.clone()).await, 204);
    assert_eq!(
        get(&mock, &format!("{holidays}/{second}")).await.status(),
        200
    );
    assert_eq!(delete(first).await, 404);
    assert_eq!(
        get(&mock, &format!("{MODES}/nope/holidays/{second}"))
            .await
            .status(),
        404
    );
    let partial = json!({"name": "D", "allDayEnabled": false, "startDate": "2025-04-04", "endDate": "2025-04-04"});
    let refused = send(&mock, reqwest::Method::POST, &holidays, &partial).await;
    assert_eq!(refused.status(), 400, "a partial holiday needs its times");
}

#[tokio::test]
async fn a_mode_holds_at_most_150_holidays() {
    let mock = start(unlimited()).await;
    let many = (0..150)
        .map(|n| holiday(&format!("H{n}"), "2025-01-01"))
        .collect();
    let id = created(&mock, &holiday_mode("Full", many)).await;
    let holidays = format!("{MODES}/{id}/holidays");
    let refused = send(
        &mock,
        reqwest::Method::POST,
        &holidays,
        &holiday("One more", "2025-05-05"),
    )
    .await;
    assert_eq!(refused.status(), 400);
    let count = json_of(get(&mock, &format!("{MODES}/{id}")).await).await["holidays"]
        .as_array()
        .map(Vec::len);
    assert_eq!(count, Some(150));
}

#[tokio::test]
async fn the_changes_are_gated_like_the_other_operations() {
    let mock = start(unlimited()).await;
    let id = created(&mock, &mode("Gated")).await;
    mock.push_faults_to(
        Operation::UpdateOperatingMode,
        [telephony_fixtures::mock::status(503, None)],
    );
    let path = format!("{MODES}/{id}");
    let answer = send(
        &mock,
        reqwest::Method::PUT,
        &path,
        &json!({"name": "Changed"}),
    )
    .await;
    assert_eq!(answer.status(), 503);
    assert_eq!(
        mock.operating_modes()[0].received["name"],
        "Gated",
        "not processed"
    );
    let route = "PUT /v1/telephony/config/operatingModes/{modeId}";
    assert_eq!(telephony_fixtures::mock::answered(&mock, route), 1);
    assert_eq!(
        Operation::from_id("delete_operating_mode_holiday"),
        Some(Operation::DeleteOperatingModeHoliday)
    );
}
