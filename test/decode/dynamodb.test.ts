import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError, describeDecodeFixtures } from "./fixture-suite.js";

const WINDOW = "DynamoDBTimeWindowEvent";

describeDecodeFixtures({
  source: "dynamodb",
  event: "DynamoDBStreamEvent",
  result: "DynamoDBBatchResponse",
  otherTypes: {
    "tumbling-window": WINDOW,
    "invalid-window-missing": WINDOW,
    "result-state": "DynamoDBTimeWindowEventResponse",
  },
  nestedObject: "/Records/0/dynamodb",
});

describe("decodeDynamoDBStreamEvent details", () => {
  it("keeps AttributeValues as DynamoDB sent them (numbers as text)", () => {
    const event = events.decodeDynamoDBStreamEvent(JSON.stringify(loadEvent("dynamodb", "base")));
    assert.deepEqual(event.Records[1]!.dynamodb.NewImage?.["quantity"], { N: "2" });
  });

  it("decodes a TTL delete with the service identity", () => {
    const event = events.decodeDynamoDBStreamEvent(JSON.stringify(loadEvent("dynamodb", "ttl-delete")));
    assert.deepEqual(event.Records[0]!.userIdentity, { type: "Service", principalId: "dynamodb.amazonaws.com" });
  });

  it("names a bad attribute value at its type key", () => {
    const event = loadEvent("dynamodb", "base");
    event.Records[1].dynamodb.NewImage.items.L[1].M.qty = { N: 1.5 };
    assertDecodeError(() => events.decodeDynamoDBStreamEvent(JSON.stringify(event)), "DynamoDBStreamEvent", "/Records/1/dynamodb/NewImage/items/L/1/M/qty/N");
  });

  it("decodes a tumbling window event with its state", () => {
    const event = events.decodeDynamoDBTimeWindowEvent(JSON.stringify(loadEvent("dynamodb", "tumbling-window")));
    assert.deepEqual(event.state, { "1": "state1" });
    assert.equal(event.shardId, "shard123456789");
  });
});
