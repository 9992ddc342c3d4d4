import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadEvent } from "../support/fixtures.js";
import { describeSchemaFixtures } from "./schema-suite.js";

const { validatorFor } = describeSchemaFixtures({
  source: "activemq",
  results: {},
  required: ["base", "minimal-message"],
});

describe("ActiveMQ fixtures and schema details", () => {
  it("base has a text message and a bytes message, base64-encoded", () => {
    const messages = loadEvent("activemq", "base").messages as Array<{ messageType: string; data: string }>;
    assert.deepEqual(messages.map((m) => m.messageType), ["jms/text-message", "jms/bytes-message"]);
    assert.deepEqual(JSON.parse(Buffer.from(messages[0]!.data, "base64").toString("utf8")), { orderId: "ord-0001", quantity: 2 });
  });

  it("accepts expiration as text, as Lambda sends it, and as a number", () => {
    const event = loadEvent("activemq", "base");
    event.messages[0].expiration = 0;
    assert.equal(validatorFor("base")(event), true);
  });

  it("fills eventSource when a hand-written event leaves it out", () => {
    const event = loadEvent("activemq", "minimal-message");
    delete event.eventSource;
    assert.equal(validatorFor("base")(event), true);
    assert.equal(event.eventSource, "aws:mq");
  });
});
