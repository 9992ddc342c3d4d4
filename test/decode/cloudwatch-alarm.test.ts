import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { assertDecodeError, describeDecodeFixtures } from "./fixture-suite.js";

describeDecodeFixtures({
  source: "cloudwatch-alarm",
  event: "CloudWatchAlarmEvent",
  nestedObject: "/alarmData/state",
});

describe("decodeCloudWatchAlarmEvent details", () => {
  it("decodes the new and previous state", () => {
    const event = events.decodeCloudWatchAlarmEvent(JSON.stringify(loadEvent("cloudwatch-alarm", "base")));
    assert.deepEqual([event.alarmData.previousState.value, event.alarmData.state.value], ["OK", "ALARM"]);
  });

  it("names a missing state value at its pointer", () => {
    const event = loadEvent("cloudwatch-alarm", "base");
    delete event.alarmData.state.value;
    assertDecodeError(() => events.decodeCloudWatchAlarmEvent(JSON.stringify(event)), "CloudWatchAlarmEvent", "/alarmData/state/value");
  });
});
