import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError, describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "s3-eventbridge",
  event: "S3NotificationEvent",
  nestedObject: "/detail/object",
});

describe("decodeS3NotificationEvent details", () => {
  it("narrows detail by detail-type", () => {
    const event = events.decodeS3NotificationEvent(JSON.stringify(loadEvent("s3-eventbridge", "base")));
    assert.equal(event["detail-type"], "Object Created");
    if (event["detail-type"] === "Object Created") assert.equal(event.detail.reason, "PutObject");
  });

  it("decodes both kinds of delete", () => {
    for (const name of ["object-deleted", "object-deleted-lifecycle"]) {
      const event = events.decodeS3NotificationEvent(JSON.stringify(loadEvent("s3-eventbridge", name)));
      assert.equal(event["detail-type"], "Object Deleted");
    }
  });

  it("names the bad field of the event's own detail type", () => {
    const event = loadEvent("s3-eventbridge", "base");
    event.detail.object.size = "1024";
    assertDecodeError(() => events.decodeS3NotificationEvent(JSON.stringify(event)), "S3NotificationEvent", "/detail/object/size");
  });
});

describe("decodeS3NotificationEvent with an unknown detail type", () => {
  it("lists the detail types S3 sends", () => {
    const event = loadEvent("s3-eventbridge", "base");
    event["detail-type"] = "Object Renamed";
    const error = assertDecodeError(() => events.decodeS3NotificationEvent(JSON.stringify(event)), "S3NotificationEvent", "/detail-type");
    assert.match(error.issues[0]!.message, /^must be one of \["Object ACL Updated",.*"Object Tags Deleted"\]$/);
  });
});
