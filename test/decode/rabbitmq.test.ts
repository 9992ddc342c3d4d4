import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError, describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "rabbitmq",
  event: "RabbitMQEvent",
  nestedObject: "/rmqMessagesByQueue/orders::~1/0/basicProperties",
});

describe("decodeRabbitMQEvent details", () => {
  it("keeps the properties the publisher did not set as null", () => {
    const message = events.decodeRabbitMQEvent(JSON.stringify(loadEvent("rabbitmq", "base"))).rmqMessagesByQueue["orders::/"]![0]!;
    assert.deepEqual([message.basicProperties.contentEncoding, message.basicProperties.bodySize], [null, 35]);
  });

  it("names a bad message by queue, with the slash of the queue key escaped", () => {
    const event = loadEvent("rabbitmq", "base");
    delete event.rmqMessagesByQueue["orders::/"][0].data;
    assertDecodeError(() => events.decodeRabbitMQEvent(JSON.stringify(event)), "RabbitMQEvent", "/rmqMessagesByQueue/orders::~1/0/data");
  });
});
