import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadEvent } from "../support/fixtures.js";
import { describeSchemaFixtures, issuePath } from "./schema-suite.js";

const { validatorFor } = describeSchemaFixtures({
  source: "sns",
  results: {},
  required: ["base", "subject-null", "attribute-types"],
});

describe("SNS fixtures and schema details", () => {
  it("base carries one JSON order as the message", () => {
    const records = loadEvent("sns", "base").Records;
    assert.equal(records.length, 1);
    assert.deepEqual(JSON.parse(records[0].Sns.Message), { orderId: "ord-0001", quantity: 2 });
  });

  it("accepts a Subject that is null or absent, but not a number", () => {
    const validate = validatorFor("base");
    const event = loadEvent("sns", "subject-null");
    assert.equal(validate(event), true);
    delete event.Records[0].Sns.Subject;
    assert.equal(validate(event), true);
    event.Records[0].Sns.Subject = 1;
    assert.equal(validate(event), false);
    assert.deepEqual(validate.errors?.map(issuePath), ["/Records/0/Sns/Subject"]);
  });

  it("fills the constant fields and an empty MessageAttributes, but nothing SNS signs", () => {
    const validate = validatorFor("base");
    const event = loadEvent("sns", "base");
    const record = event.Records[0];
    for (const key of ["EventVersion", "EventSource"]) delete record[key];
    for (const key of ["Type", "MessageAttributes", "Signature"]) delete record.Sns[key];
    assert.equal(validate(event), false);
    assert.deepEqual(validate.errors?.map(issuePath), ["/Records/0/Sns/Signature"]);
    assert.deepEqual([record.EventVersion, record.EventSource, record.Sns.Type, record.Sns.MessageAttributes], ["1.0", "aws:sns", "Notification", {}]);
  });
});
