import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError, describeDecodeFixtures } from "./fixture-suite.js";

const DECODED = "CloudWatchLogsDecodedData";

describeDecodeFixtures({
  source: "cloudwatch-logs",
  event: "CloudWatchLogsEvent",
  otherTypes: {
    decoded: DECODED,
    "decoded-control-message": DECODED,
    "decoded-extracted-fields": DECODED,
    "invalid-decoded-timestamp-string": DECODED,
  },
  nestedObject: "/awslogs",
});

describe("decodeCloudWatchLogsEvent details", () => {
  it("decodes the gunzipped awslogs.data with decodeCloudWatchLogsDecodedData", () => {
    const event = events.decodeCloudWatchLogsEvent(JSON.stringify(loadEvent("cloudwatch-logs", "base")));
    const data = events.decodeCloudWatchLogsDecodedData(gunzipSync(Buffer.from(event.awslogs.data, "base64")));
    assert.equal(data.logGroup, "/aws/lambda/orders");
    assert.deepEqual(data.logEvents.map((e) => (JSON.parse(e.message) as { orderId: string }).orderId), ["ord-0001", "ord-0002"]);
  });

  it("names a log event without a message at its pointer", () => {
    const data = loadEvent("cloudwatch-logs", "decoded");
    delete data.logEvents[1].message;
    assertDecodeError(() => events.decodeCloudWatchLogsDecodedData(JSON.stringify(data)), DECODED, "/logEvents/1/message");
  });
});
