import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { loadEvent } from "../support/fixtures.js";
import { describeDecodeFixtures } from "./fixture-suite.js";

const batch = "AppSyncBatchResolverEvent";
describeDecodeFixtures({
  source: "appsync",
  event: "AppSyncResolverEvent",
  otherTypes: { batch, "invalid-batch-missing-info": batch },
  nestedObject: "/info",
});

describe("AppSync resolver events", () => {
  it("fills source, prev, stash and domainName with what they mean when a direct resolver leaves them out", () => {
    const event = loadEvent<Record<string, any>>("appsync", "base");
    delete event.source;
    delete event.prev;
    delete event.stash;
    delete event.request.domainName;
    const decoded = events.decodeAppSyncResolverEvent(JSON.stringify(event));
    assert.equal(decoded.source, null);
    assert.equal(decoded.prev, null);
    assert.deepEqual(decoded.stash, {});
    assert.equal(decoded.request.domainName, null);
  });

  it("decodes a batch as an array of events, one per field to resolve", () => {
    const decoded = events.decodeAppSyncBatchResolverEvent(JSON.stringify(loadEvent("appsync", "batch")));
    assert.deepEqual(decoded.map((event) => event.arguments["id"]), ["my identifier", "another identifier"]);
  });
});
