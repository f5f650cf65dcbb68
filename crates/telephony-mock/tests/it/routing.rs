//! Only the documented method of each vendor path reaches credentials, rate limits and faults;
//! anything else is answered in the vendor's error shape and counted under its real method.

use std::time::Duration;

use telephony_fixtures::bodies::spec_office;
use telephony_fixtures::mock::{
    TOKEN, json_of, post_office, request, sent, start, status, to, unlimited,
};
use telephony_mock::{MockConfig, RateLimit, Vendor};

#[tokio::test]
async fn other_methods_get_405_first_and_use_up_neither_the_rate_limit_nor_faults() {
    let mock = start(MockConfig {
        dialpad_rate: Some(RateLimit {
            count: 1,
            per: Duration::from_secs(60),
        }),
        ..unlimited()
    })
    .await;
    mock.push_faults(Vendor::Dialpad, [status(500, None)]);
    for _ in 0..50 {
        let answer = request(&mock, reqwest::Method::PUT, "/api/v2/offices").await;
        assert_eq!(answer.status(), 405);
        assert_eq!(
            json_of(answer).await["error"]["code"],
            405,
            "Dialpad's shape"
        );
    }
    let answer = request(
        &mock,
        reqwest::Method::DELETE,
        "/v1/telephony/config/operatingModes",
    )
    .await;
    assert_eq!(answer.status(), 405);
    assert!(
        json_of(answer).await["trackingId"].is_string(),
        "Webex's shape"
    );
    assert_eq!(
        post_office(&mock, &spec_office()).await.status(),
        500,
        "the scripted fault is still there"
    );
    assert_eq!(
        post_office(&mock, &spec_office()).await.status(),
        200,
        "the bucket was not drained"
    );
    let stats = mock.stats();
    assert_eq!(stats["requests"]["PUT /api/v2/offices"]["405"], 50);
    assert_eq!(stats["requests"]["POST /api/v2/offices"]["200"], 1);
}

#[tokio::test]
async fn an_unauthenticated_request_gets_401_and_leaves_the_scripted_fault() {
    let mock = start(MockConfig {
        token: Some(TOKEN.into()),
        ..unlimited()
    })
    .await;
    mock.push_faults(Vendor::Dialpad, [status(500, None)]);
    let anonymous = to(&mock, reqwest::Method::POST, "/api/v2/offices").json(&spec_office());
    let anonymous = sent(anonymous).await;
    assert_eq!(anonymous.status(), 401);
    assert_eq!(post_office(&mock, &spec_office()).await.status(), 500);
    assert_eq!(post_office(&mock, &spec_office()).await.status(), 200);
}

#[tokio::test]
async fn unknown_paths_are_404_in_the_vendors_shape() {
    let mock = start(unlimited()).await;
    let dialpad = request(&mock, reqwest::Method::GET, "/api/v2/officez").await;
    assert_eq!(dialpad.status(), 404);
    assert_eq!(json_of(dialpad).await["error"]["code"], 404);
    let webex = request(
        &mock,
        reqwest::Method::POST,
        "/v1/telephony/config/operatingModes/",
    )
    .await;
    assert_eq!(webex.status(), 404);
    assert!(json_of(webex).await["trackingId"].is_string());
    let deep = request(&mock, reqwest::Method::GET, "/api/v2/offices/1/extra").await;
    assert_eq!(deep.status(), 404);
    assert_eq!(mock.stats()["requests"]["GET (unknown path)"]["404"], 2);
}
