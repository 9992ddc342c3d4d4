import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError, describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "cloudformation",
  event: "CloudFormationCustomResourceEvent",
  result: "CloudFormationCustomResourceResponse",
  nestedObject: "/ResourceProperties",
});

describe("CloudFormation custom resource requests", () => {
  it("narrows the request by RequestType", () => {
    const event = events.decodeCloudFormationCustomResourceEvent(JSON.stringify(loadEvent("cloudformation", "update")));
    assert.equal(event.RequestType, "Update");
    if (event.RequestType === "Update") assert.deepEqual(event.OldResourceProperties["List"], ["1"]);
  });

  it("reports an unknown RequestType at the field, naming the three it may be", () => {
    const event = { ...loadEvent("cloudformation", "base"), RequestType: "Upsert" };
    const error = assertDecodeError(() => events.decodeCloudFormationCustomResourceEvent(JSON.stringify(event)), "CloudFormationCustomResourceEvent", "/RequestType");
    assert.match(error.message, /Create.*Update.*Delete/);
  });

  it("decodes each request type with its own decoder too", () => {
    assert.equal(events.isCloudFormationCustomResourceDeleteEvent(loadEvent("cloudformation", "delete")), true);
    assert.equal(events.isCloudFormationCustomResourceCreateEvent(loadEvent("cloudformation", "delete")), false);
  });
});
