import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { loadEvent } from "../support/fixtures.js";
import { describeSchemaFixtures } from "./schema-suite.js";

const { validatorFor } = describeSchemaFixtures({
  source: "rabbitmq",
  results: {},
  required: ["base", "virtual-host"],
});

describe("RabbitMQ fixtures and schema details", () => {
  it("keys messages by queue and virtual host", () => {
    assert.deepEqual(Object.keys(loadEvent("rabbitmq", "base").rmqMessagesByQueue), ["orders::/"]);
    assert.deepEqual(Object.keys(loadEvent("rabbitmq", "virtual-host").rmqMessagesByQueue), ["payments::/prod"]);
  });

  it("text headers arrive as bytes, numbers as numbers", () => {
    const headers = loadEvent("rabbitmq", "base").rmqMessagesByQueue["orders::/"][0].basicProperties.headers;
    assert.equal(Buffer.from(headers.header1.bytes as number[]).toString("utf8"), "value1");
    assert.equal(headers.numberInHeader, 10);
  });

  it("fills eventSource when a hand-written event leaves it out", () => {
    const event = loadEvent("rabbitmq", "virtual-host");
    delete event.eventSource;
    assert.equal(validatorFor("base")(event), true);
    assert.equal(event.eventSource, "aws:rmq");
  });
});
