//! What the mock keeps is bounded (resources and stored bytes, with 409 past the caps), its
//! inspection endpoints are paged, and ids never repeat: not across resets, and across
//! restarts only with the same seed.

use serde_json::json;
use telephony_fixtures::bodies::{mode, spec_office};
use telephony_fixtures::mock::{
    get_json, json_of, post_mode, post_office, post_offices, start, unlimited,
};
use telephony_mock::MockConfig;

#[tokio::test]
async fn past_the_resource_cap_creates_get_409_until_a_reset() {
    let mock = start(MockConfig {
        max_resources: 3,
        ..unlimited()
    })
    .await;
    for n in 0..3 {
        let mut body = spec_office();
        body["name"] = json!(format!("Office {n}"));
        assert_eq!(post_office(&mock, &body).await.status(), 200);
        assert_eq!(
            post_mode(&mock, &mode(&format!("Mode {n}"))).await.status(),
            201
        );
    }
    let full = post_office(&mock, &spec_office()).await;
    assert_eq!(full.status(), 409);
    assert!(
        json_of(full).await["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("at most 3")
    );
    assert_eq!(post_mode(&mock, &mode("One more")).await.status(), 409);
    mock.reset();
    assert_eq!(post_office(&mock, &spec_office()).await.status(), 200);
}

#[tokio::test]
async fn past_the_stored_bytes_cap_creates_get_409() {
    let mock = start(MockConfig {
        max_stored_bytes: 4_000,
        ..unlimited()
    })
    .await;
    let mut statuses = Vec::new();
    for _ in 0..5 {
        statuses.push(post_office(&mock, &spec_office()).await.status().as_u16());
    }
    assert_eq!(statuses[0], 200);
    assert_eq!(statuses.last(), Some(&409), "{statuses:?}");
}

#[tokio::test]
async fn inspection_is_paged() {
    let mock = start(unlimited()).await;
    post_offices(&mock, 5).await;
    let first = get_json(&mock, "/_mock/offices?max=2").await;
    assert_eq!(first["items"].as_array().map(Vec::len), Some(2));
    assert_eq!(
        (first["total"].as_u64(), first["next"].as_u64()),
        (Some(5), Some(2))
    );
    let last = get_json(&mock, "/_mock/offices?start=4&max=2").await;
    assert_eq!(last["items"][0]["received"]["name"], "Office 4");
    assert!(last["next"].is_null());
    let clamped = get_json(&mock, "/_mock/offices?max=100000").await;
    assert_eq!(clamped["items"].as_array().map(Vec::len), Some(5));
}

async fn first_ids(config: MockConfig) -> (i64, String) {
    let mock = start(config).await;
    let office = json_of(post_office(&mock, &spec_office()).await).await;
    let mode = json_of(post_mode(&mock, &mode("Day")).await).await;
    (
        office["office"]["id"]
            .as_str()
            .and_then(|id| id.parse().ok())
            .expect("office id"),
        mode["id"].as_str().expect("mode id").to_string(),
    )
}

#[tokio::test]
async fn ids_never_repeat_across_resets_and_repeat_across_restarts_only_with_the_same_seed() {
    let mock = start(unlimited()).await;
    let mut offices = Vec::new();
    let mut modes = Vec::new();
    for _ in 0..3 {
        offices
            .push(json_of(post_office(&mock, &spec_office()).await).await["office"]["id"].clone());
        modes.push(json_of(post_mode(&mock, &mode("Day")).await).await["id"].clone());
        mock.reset();
    }
    offices.dedup();
    modes.dedup();
    assert_eq!(
        (offices.len(), modes.len()),
        (3, 3),
        "{offices:?} {modes:?}"
    );

    let seeded = |seed| MockConfig {
        seed,
        ..unlimited()
    };
    assert_eq!(first_ids(seeded(7)).await, first_ids(seeded(7)).await);
    let (office_7, mode_7) = first_ids(seeded(7)).await;
    let (office_8, mode_8) = first_ids(seeded(8)).await;
    assert!(office_7 != office_8 && mode_7 != mode_8);
}
