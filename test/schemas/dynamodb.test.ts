import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadEvent } from "../support/fixtures.js";
import { describeSchemaFixtures, issuePath } from "./schema-suite.js";

const WINDOW = "DynamoDBTimeWindowEvent";

const { ajv, validatorFor } = describeSchemaFixtures({
  source: "dynamodb",
  results: {
    result: "DynamoDBBatchResponse",
    "result-state": "DynamoDBTimeWindowEventResponse",
    "tumbling-window": WINDOW,
    "invalid-window-missing": WINDOW,
  },
  required: ["base", "keys-only", "ttl-delete"],
});

const attributeValue = () => ajv.getSchema("https://kata.dev/schemas/dynamodb.schema.json#/definitions/AttributeValue")!;

describe("DynamoDB fixtures and schema details", () => {
  it("base has an INSERT, a MODIFY and a REMOVE with the images each one carries", () => {
    const records = loadEvent("dynamodb", "base").Records;
    assert.deepEqual(records.map((r: { eventName: string }) => r.eventName), ["INSERT", "MODIFY", "REMOVE"]);
    assert.deepEqual(records.map((r: { dynamodb: object }) => ["NewImage" in r.dynamodb, "OldImage" in r.dynamodb]), [[true, false], [true, true], [false, true]]);
  });

  it("keys-only records carry Keys and no image", () => {
    const record = loadEvent("dynamodb", "keys-only").Records[0].dynamodb;
    assert.equal(record.StreamViewType, "KEYS_ONLY");
    assert.deepEqual(Object.keys(record).filter((k) => k.endsWith("Image")), []);
  });

  it("accepts every attribute type, nested in maps and lists", () => {
    const validate = attributeValue();
    const image = loadEvent("dynamodb", "base").Records[1].dynamodb.NewImage as Record<string, Record<string, unknown>>;
    assert.deepEqual(Object.values(image).map((v) => Object.keys(v)[0]).sort(), ["B", "BOOL", "BS", "L", "M", "N", "NS", "NULL", "S", "SS"]);
    for (const value of Object.values(image)) assert.equal(validate(value), true, JSON.stringify(validate.errors));
  });

  it("reports a wrongly typed value at its type key, deep inside a list", () => {
    const validate = attributeValue();
    assert.equal(validate({ L: [{ S: "a" }, { M: { qty: { N: 2 } } }] }), false);
    assert.deepEqual(validate.errors?.map(issuePath), ["/L/1/M/qty/N"]);
  });

  it("rejects an attribute value without a known type key", () => {
    const validate = attributeValue();
    for (const value of [{}, { s: "lower case" }]) assert.equal(validate(value), false, JSON.stringify(value));
  });

  it("fills eventSource but never an eventName or sequence number", () => {
    const validate = validatorFor("base");
    const event = loadEvent("dynamodb", "keys-only");
    const record = event.Records[0];
    delete record.eventSource;
    delete record.eventName;
    delete record.dynamodb.SequenceNumber;
    assert.equal(validate(event), false);
    assert.equal(record.eventSource, "aws:dynamodb");
    assert.deepEqual(validate.errors?.map(issuePath), ["/Records/0/eventName", "/Records/0/dynamodb/SequenceNumber"]);
  });
});
