import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError, describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "s3-batch",
  event: "S3BatchEvent",
  result: "S3BatchResult",
  nestedObject: "/tasks/0",
});

describe("decodeS3BatchEvent details", () => {
  it("keeps a null version ID", () => {
    const event = events.decodeS3BatchEvent(JSON.stringify(loadEvent("s3-batch", "schema-v2")));
    assert.equal(event.tasks[0]!.s3VersionId, null);
    assert.equal(event.job.userArguments?.["targetPrefix"], "processed/");
  });

  it("rejects a result without treatMissingKeysAs at its pointer", () => {
    const result = loadEvent("s3-batch", "result");
    delete result.treatMissingKeysAs;
    assertDecodeError(() => events.decodeS3BatchResult(JSON.stringify(result)), "S3BatchResult", "/treatMissingKeysAs");
  });
});
