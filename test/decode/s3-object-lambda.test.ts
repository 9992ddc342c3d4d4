import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError, describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "s3-object-lambda",
  event: "S3ObjectLambdaEvent",
  nestedObject: "/getObjectContext",
});

describe("decodeS3ObjectLambdaEvent details", () => {
  it("gives the route and token that WriteGetObjectResponse needs", () => {
    const event = events.decodeS3ObjectLambdaEvent(JSON.stringify(loadEvent("s3-object-lambda", "base")));
    assert.deepEqual([event.getObjectContext?.outputRoute, event.getObjectContext?.outputToken], ["io-use1-001", "OutputToken"]);
    assert.equal(event.userIdentity.sessionContext?.sessionIssuer?.userName, "Reader");
  });

  it("names a missing user request at its pointer", () => {
    const event = loadEvent("s3-object-lambda", "head-object");
    delete event.userRequest;
    assertDecodeError(() => events.decodeS3ObjectLambdaEvent(JSON.stringify(event)), "S3ObjectLambdaEvent", "/userRequest");
  });
});
