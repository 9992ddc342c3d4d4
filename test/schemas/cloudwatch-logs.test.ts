import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { loadEvent } from "../support/fixtures.js";
import { describeSchemaFixtures } from "./schema-suite.js";

const DECODED = "CloudWatchLogsDecodedData";

const { validatorFor } = describeSchemaFixtures({
  source: "cloudwatch-logs",
  results: {
    decoded: DECODED,
    "decoded-control-message": DECODED,
    "decoded-extracted-fields": DECODED,
    "invalid-decoded-timestamp-string": DECODED,
  },
  required: ["base"],
});

describe("CloudWatch Logs fixtures and schema details", () => {
  it("base's awslogs.data is the decoded fixture, gzipped and base64-encoded", () => {
    const data = loadEvent("cloudwatch-logs", "base").awslogs.data as string;
    const decoded: unknown = JSON.parse(gunzipSync(Buffer.from(data, "base64")).toString("utf8"));
    assert.deepEqual(decoded, loadEvent("cloudwatch-logs", "decoded"));
    assert.equal(validatorFor("decoded")(decoded), true);
  });

  it("a control message has an empty filter list and one health-check event", () => {
    const control = loadEvent("cloudwatch-logs", "decoded-control-message");
    assert.equal(control.messageType, "CONTROL_MESSAGE");
    assert.deepEqual(control.subscriptionFilters, []);
  });
});
