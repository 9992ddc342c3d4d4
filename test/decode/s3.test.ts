import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError, describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "s3",
  event: "S3Event",
  otherTypes: { "test-event": "S3TestEvent", "invalid-test-event-name": "S3TestEvent" },
  nestedObject: "/Records/0/s3/object",
});

describe("decodeS3Event details", () => {
  it("decodes a restore with its Glacier event data", () => {
    const event = events.decodeS3Event(JSON.stringify(loadEvent("s3", "restore-completed")));
    assert.equal(event.Records[0]!.glacierEventData?.restoreEventData.lifecycleRestoreStorageClass, "GLACIER");
  });

  it("decodes a lifecycle transition with its destination storage class", () => {
    const event = events.decodeS3Event(JSON.stringify(loadEvent("s3", "lifecycle-transition")));
    assert.equal(event.Records[0]!.lifecycleEventData?.transitionEventData.destinationStorageClass, "STANDARD_IA");
  });

  it("tells the test event apart, so that a handler can skip it", () => {
    const text = JSON.stringify(loadEvent("s3", "test-event"));
    assert.equal(events.isS3TestEvent(JSON.parse(text)), true);
    assertDecodeError(() => events.decodeS3Event(text), "S3Event", "/Records");
  });
});
