import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError, describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "activemq",
  event: "ActiveMQEvent",
  nestedObject: "/messages/0",
});

describe("decodeActiveMQEvent details", () => {
  it("keeps null JMS headers and the custom properties", () => {
    const message = events.decodeActiveMQEvent(JSON.stringify(loadEvent("activemq", "base"))).messages[0]!;
    assert.deepEqual([message.replyTo, message.type, message.properties?.["doAlarm"]], [null, null, "false"]);
  });

  it("names a message without data at its pointer", () => {
    const event = loadEvent("activemq", "base");
    delete event.messages[1].data;
    assertDecodeError(() => events.decodeActiveMQEvent(JSON.stringify(event)), "ActiveMQEvent", "/messages/1/data");
  });
});
