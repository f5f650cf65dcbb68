//! The read operations: Dialpad's office listing (paged by cursor) and office by id, Webex's
//! operating-mode listing (filtered, sorted, paged) and mode by id — with the same credentials,
//! error shapes, rate limits and faults as the creates; and the late-commit fault.

use std::time::Duration;

use serde_json::{Value, json};
use telephony_fixtures::bodies::{mode, mode_at, spec_office};
use telephony_fixtures::mock::{
    TOKEN, get, json_of, post_mode, post_office, post_offices, sent, start, status, to,
    try_post_mode, unlimited,
};
use telephony_mock::{Fault, MockConfig, Operation, RateLimit, Vendor};

#[tokio::test]
async fn dialpad_lists_every_office_by_cursor_and_reads_one_by_id() {
    let mock = start(MockConfig {
        dialpad_page_size: 2,
        ..unlimited()
    })
    .await;
    post_offices(&mock, 5).await;
    let mut names = Vec::new();
    let mut path = "/api/v2/offices?active_only=true".to_string();
    loop {
        let page = json_of(get(&mock, &path).await).await;
        let items = page["items"].as_array().expect("items");
        assert!(items.len() <= 2);
        names.extend(
            items
                .iter()
                .map(|o| o["name"].as_str().expect("name").to_string()),
        );
        match page["cursor"].as_str() {
            Some(cursor) => path = format!("/api/v2/offices?cursor={cursor}"),
            None => break,
        }
    }
    assert_eq!(
        names,
        (0..5).map(|n| format!("Office {n}")).collect::<Vec<_>>()
    );

    let id = mock.offices()[3].id;
    let office = json_of(get(&mock, &format!("/api/v2/offices/{id}")).await).await;
    // Integers are written as Dialpad's examples write them: decimal strings.
    assert_eq!(
        (office["id"].as_str(), office["name"].as_str()),
        (Some(id.to_string().as_str()), Some("Office 3"))
    );

    for (path, status) in [
        ("/api/v2/offices/42", 404),
        ("/api/v2/offices/abc", 400),
        ("/api/v2/offices?cursor=nonsense", 400),
        ("/api/v2/offices?active_only=maybe", 400),
    ] {
        let answer = get(&mock, path).await;
        assert_eq!(answer.status(), status, "{path}");
        assert_eq!(
            json_of(answer).await["error"]["code"],
            status,
            "Dialpad shape: {path}"
        );
    }
}

#[tokio::test]
async fn webex_lists_modes_filtered_sorted_and_paged_and_reads_one_with_its_holidays() {
    let mock = start(unlimited()).await;
    for (name, location) in [("Gamma", "LOC-1"), ("Alpha", "LOC-1"), ("Beta", "LOC-2")] {
        assert_eq!(
            post_mode(&mock, &mode_at(name, location)).await.status(),
            201
        );
    }
    assert_eq!(post_mode(&mock, &mode("Alphabet")).await.status(), 201);
    let names = |page: Value| -> Vec<String> {
        page["operatingModes"]
            .as_array()
            .expect("modes")
            .iter()
            .map(|m| m["name"].as_str().expect("name").to_string())
            .collect()
    };
    let base = "/v1/telephony/config/operatingModes";
    for (query, expected) in [
        ("", vec!["Alpha", "Alphabet", "Beta", "Gamma"]),
        ("?limitToLocationId=LOC-1", vec!["Alpha", "Gamma"]),
        ("?limitToOrgLevelEnabled=true", vec!["Alphabet"]),
        ("?name=ALPH", vec!["Alpha", "Alphabet"]),
        ("?order=name-desc&max=2", vec!["Gamma", "Beta"]),
        ("?max=2&start=2", vec!["Beta", "Gamma"]),
        ("?orgId=OTHER", vec![]),
    ] {
        let page = json_of(get(&mock, &format!("{base}{query}")).await).await;
        assert_eq!(names(page), expected, "{query}");
    }
    for query in [
        "?max=0",
        "?max=101",
        "?start=-1",
        "?start=2147483648",
        "?limitToOrgLevelEnabled=yes",
    ] {
        let answer = get(&mock, &format!("{base}{query}")).await;
        assert_eq!(answer.status(), 400, "{query}");
        assert!(
            json_of(answer).await["trackingId"].is_string(),
            "Webex shape"
        );
    }

    let holiday = json!({"name": "Holidays", "type": "HOLIDAY", "level": "ORGANIZATION",
        "holidays": [{"name": "New Year", "allDayEnabled": true,
                      "startDate": "2027-01-01", "endDate": "2027-01-01"}],
        "callForwarding": {"destination": "+19705550006"}});
    let created = json_of(post_mode(&mock, &holiday).await).await;
    let id = created["id"].as_str().expect("id");
    let details = json_of(get(&mock, &format!("{base}/{id}")).await).await;
    assert_eq!(details["name"], "Holidays");
    assert_eq!(
        details["callForwarding"]["enabled"], false,
        "defaults are filled in"
    );
    assert!(details["holidays"][0]["id"].is_string());
    assert_eq!(
        get(&mock, &format!("{base}/{id}?orgId=OTHER"))
            .await
            .status(),
        404
    );
    assert_eq!(get(&mock, &format!("{base}/unknown")).await.status(), 404);
}

#[tokio::test]
async fn reads_need_credentials_and_take_their_own_rate_limit_and_faults() {
    let mock = start(MockConfig {
        token: Some(TOKEN.into()),
        dialpad_rate: Some(RateLimit {
            count: 1,
            per: Duration::from_secs(60),
        }),
        ..unlimited()
    })
    .await;
    let anonymous = sent(to(&mock, reqwest::Method::GET, "/api/v2/offices")).await;
    assert_eq!(anonymous.status(), 401);
    assert_eq!(get(&mock, "/api/v2/offices").await.status(), 200);
    assert_eq!(
        get(&mock, "/api/v2/offices").await.status(),
        429,
        "the list's own bucket"
    );
    assert_eq!(
        post_office(&mock, &spec_office()).await.status(),
        200,
        "the create's bucket is full"
    );

    mock.push_faults_to(Operation::ListOperatingModes, [status(503, Some(2))]);
    let faulted = get(&mock, "/v1/telephony/config/operatingModes").await;
    assert_eq!(faulted.status(), 503);
    assert_eq!(faulted.headers()["retry-after"], "2");
    assert_eq!(
        post_mode(&mock, &mode("Day")).await.status(),
        201,
        "creates unaffected"
    );
    let stats = mock.stats();
    assert_eq!(
        stats["requests"]["GET /v1/telephony/config/operatingModes"]["503"],
        1
    );
}

#[tokio::test]
async fn a_late_commit_answers_first_and_creates_afterwards() {
    let mock = start(unlimited()).await;
    for (vendor, reset) in [(Vendor::Dialpad, false), (Vendor::Webex, true)] {
        mock.push_faults(vendor, [Fault::LateCommit { millis: 200, reset }]);
    }
    assert_eq!(post_office(&mock, &spec_office()).await.status(), 504);
    let reset = try_post_mode(&mock, &mode("Late")).await;
    assert!(reset.is_err(), "the connection was reset");
    assert!(mock.offices().is_empty() && mock.operating_modes().is_empty());
    assert_eq!(mock.pending_late_commits(), 2);
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!((mock.offices().len(), mock.operating_modes().len()), (1, 1));
    assert_eq!(mock.pending_late_commits(), 0);
}

#[tokio::test]
async fn scripted_faults_for_an_operation_are_accepted_by_operation_id() {
    let mock = start(unlimited()).await;
    let faults = || to(&mock, reqwest::Method::POST, "/_mock/faults");
    let scripted = json!({"list_offices": ["500"], "webex": ["late-commit=10ms:reset"]});
    let answer = sent(faults().json(&scripted)).await;
    assert_eq!(answer.status(), 204);
    assert_eq!(get(&mock, "/api/v2/offices").await.status(), 500);
    assert_eq!(get(&mock, "/api/v2/offices").await.status(), 200);
    let bad = sent(faults().json(&json!({"delete_everything": ["500"]}))).await;
    assert_eq!(bad.status(), 400);
}
