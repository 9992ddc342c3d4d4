import { after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { applySets, entrySample } from "../../cli/entry-sample.js";
import { loadConfig } from "../../generator/config.js";
import { kebab } from "../../generator/plan-config.js";
import { projectRoot } from "../support/fixtures.js";
import { makeProject, runCli } from "./run-cli.js";

/** `kata events <EntryName>`: a sample built from the user's schema, decoded by the entry's own decoder. */
const CONFIG = join(projectRoot, "test/fixtures/config/kata.config.json");
const config = loadConfig(CONFIG);
// Both fixture configs, so that every source kind's sample meets its own decoder.
const SAMPLED = [
  { file: CONFIG, generated: "dist/test/generated" },
  { file: join(projectRoot, "test/fixtures/config/sources.kata.config.json"), generated: "dist/test/generated/sources" },
];

describe("kata events <EntryName>", { concurrency: true }, () => {
  for (const sampled of SAMPLED) {
    for (const [name, entry] of Object.entries(loadConfig(sampled.file).events)) {
      const kind = [entry.source ?? "plain", "via" in entry ? `via ${entry.via}` : ""].join(" ").trim();
      it(`builds a ${kind} sample for ${name} that decode${name}${entry.source ? "Event" : ""} accepts`, async () => {
        const generated = (await import(join(projectRoot, sampled.generated, `${kebab(name)}.js`))) as Record<string, (input: string) => unknown>;
        const decode = generated[`decode${name}${entry.source === undefined ? "" : "Event"}`]!;
        const text = JSON.stringify(entrySample(sampled.file, name));
        assert.doesNotThrow(() => decode(text));
        assert.equal(JSON.stringify(entrySample(sampled.file, name)), text, "deterministic");
      });
    }
  }

  it("fills every required field and the entry's detail-type and source", () => {
    const placed = entrySample(CONFIG, "OrderPlaced") as Record<string, any>;
    assert.equal(placed["detail-type"], "Order Placed");
    assert.equal(placed.source, "com.example.orders");
    assert.deepEqual(Object.keys(placed.detail), ["orderId", "customerId", "total"]);
    assert.deepEqual(placed.detail.total, { amount: 0, currency: "EUR" });
    const message = entrySample(CONFIG, "OrderMessage") as { Records: { body: string }[] };
    assert.deepEqual(JSON.parse(message.Records[0]!.body), { orderId: "ord-a", quantity: 1 }, "the pattern ^ord-[a-z0-9]+$ gives ord-a");
    const create = entrySample(CONFIG, "CreateOrder") as Record<string, any>;
    assert.deepEqual(JSON.parse(create.body), { customerId: "example", lines: [{ sku: "example", quantity: 1 }] });
    assert.equal(create.headers["content-length"], String(Buffer.byteLength(create.body)));
  });

  it("--set overrides a payload field by dot path, or any field by JSON pointer, and the result still decodes", async () => {
    const { decodeOrderMessageEvent } = await import(join(projectRoot, "dist/test/generated/order-message.js"));
    const entry = config.events.OrderMessage;
    const event = applySets(entrySample(CONFIG, "OrderMessage"), entry, ["quantity=3", "items.0=sku-1", "/Records/0/messageId=m-1"]) as { Records: { body: string; messageId: string }[] };
    assert.deepEqual(JSON.parse(event.Records[0]!.body), { orderId: "ord-a", quantity: 3, items: ["sku-1"] });
    assert.equal(event.Records[0]!.messageId, "m-1");
    assert.equal(decodeOrderMessageEvent(JSON.stringify(event)).Records[0].body.quantity, 3);
  });

  it("follows a schema change at once, through the CLI", async () => {
    const project = makeProject({
      "kata.config.json": JSON.stringify({ out: "src/generated", events: { Ping: { source: "eventbridge", detailType: "Ping", detail: "./ping.json" } } }),
      "ping.json": JSON.stringify({ type: "object", required: ["at"], properties: { at: { type: "string", format: "date-time" } } }),
    });
    after(() => project.remove());
    const first = await runCli(["events", "Ping"], { cwd: project.dir });
    assert.equal(first.code, 0, first.stderr);
    assert.deepEqual(JSON.parse(first.stdout).detail, { at: "2024-11-24T10:15:30Z" });
    writeFileSync(join(project.dir, "ping.json"), JSON.stringify({ type: "object", required: ["at", "count"], properties: { at: { type: "string" }, count: { type: "integer", minimum: 5 } } }));
    const second = await runCli(["events", "Ping", "--set", "at=now"], { cwd: project.dir });
    assert.deepEqual(JSON.parse(second.stdout).detail, { at: "now", count: 5 });
    const unknown = await runCli(["events", "Pong"], { cwd: project.dir });
    assert.deepEqual([unknown.code, unknown.stderr], [1, "kata events: kata.config.json has no entry \"Pong\"; its entries are: Ping\n"]);
  });
});
