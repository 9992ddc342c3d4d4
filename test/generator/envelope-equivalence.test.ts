import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadConfig } from "../../generator/config.js";
import { planConfig } from "../../generator/plan-config.js";
import { assertWith } from "../../runtime/decode/index.js";
import type { CompiledValidator } from "../../runtime/decode/index.js";
import * as current from "../generated/kata-validators.js";
import { makeProject } from "../cli/run-cli.js";
import { loadEvent, projectRoot } from "../support/fixtures.js";

// isNameEvent / assertNameEvent call the built-in envelope's validator with the entry's schemas in
// its slots (`validate<Event>With`). Before, each project compiled the whole event schema itself.
// Both must say the same thing about any event: valid or not, the same issues in the same order,
// and the same values filled in. The copies are compiled here, from the same config, the old way.

type Validators = Record<string, CompiledValidator>;

const parsedBodies = (event: { Records: { body: string }[] }) => ({ ...event, Records: event.Records.slice(0, 3).map((r) => ({ ...r, body: JSON.parse(r.body) as unknown })) });
const withBody = (event: { body: string }, extra: Record<string, unknown> = {}) => ({ ...event, body: JSON.parse(event.body) as unknown, ...extra });

const BASES: Record<string, () => unknown> = {
  OrderMessageEvent: () => parsedBodies(loadEvent("sqs", "ten-records")),
  OrderPlacedEvent: () => loadEvent("eventbridge", "order-placed"),
  OrderShippedEvent: () => ({ ...loadEvent<Record<string, unknown>>("eventbridge", "order-placed"), "detail-type": "Order Shipped" }),
  CreateOrderEvent: () => withBody(loadEvent("apigw-v2", "post-json-body"), { pathParameters: { tenantId: "acme" }, queryStringParameters: { dryRun: "true" } }),
  CreateOrderV1Event: () => withBody(loadEvent("apigw-v1", "post-json-body")),
};

/** Every JSON pointer into a value, as paths, down to `depth` levels and the first two array items. */
function paths(value: unknown, depth = 4, at: (string | number)[] = []): (string | number)[][] {
  const found = [at];
  if (depth === 0 || typeof value !== "object" || value === null) return found;
  const keys = Array.isArray(value) ? value.slice(0, 2).map((_, i) => i) : Object.keys(value);
  for (const key of keys) found.push(...paths((value as Record<string, unknown>)[key], depth - 1, [...at, key]));
  return found;
}

const REPLACEMENTS: unknown[] = [undefined, 7, null, "x", [], { unexpected: true }];

function mutate(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(value) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (replacement === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = replacement;
  return copy;
}

/** Single breaks everywhere, and pairs (one chosen deterministically for each), so that the order of issues from envelope and payload is compared too. */
function brokenEvents(base: unknown): unknown[] {
  const all = paths(base);
  const events: unknown[] = [base];
  all.forEach((path, i) => {
    for (const [k, replacement] of REPLACEMENTS.entries()) {
      const once = mutate(base, path, replacement);
      events.push(once);
      const other = all[(i * 7 + k * 13 + 3) % all.length]!;
      if (other.length > 0 && !other.some((key, j) => path[j] !== key)) continue;
      try {
        events.push(mutate(once, other, REPLACEMENTS[(i + k) % REPLACEMENTS.length]));
      } catch {
        // The first break removed what the second one would go into.
      }
    }
  });
  return events;
}

function outcome(validate: CompiledValidator, name: string, event: unknown): { valid: boolean; issues: unknown; event: unknown } {
  const value = structuredClone(event);
  const valid = validate(value);
  let issues: unknown = undefined;
  try {
    assertWith(validate, name, structuredClone(event));
  } catch (error) {
    issues = (error as { issues: unknown }).issues;
  }
  return { valid, issues, event: value };
}

describe("isNameEvent / assertNameEvent: the built-in envelope with slots, against a compiled copy of the event schema", () => {
  const project = makeProject({}, { kata: true });
  let copies: Validators;
  before(async () => {
    const config = loadConfig(join(projectRoot, "test/fixtures/config/kata.config.json"));
    const files = await planConfig(config, { schemasDir: join(projectRoot, "schemas"), envelopeCopies: true });
    const validators = files.find((file) => file.path.endsWith("kata-validators.ts"))!;
    assert.match(validators.text, /export const validateOrderMessageEvent = validate\d+;/, "the copies compile the whole event schema");
    writeFileSync(join(project.dir, "copies.mjs"), validators.text);
    copies = (await import(pathToFileURL(join(project.dir, "copies.mjs")).href)) as Validators;
  });
  after(() => project.remove());

  for (const [name, base] of Object.entries(BASES)) {
    it(`${name}: the same verdict, issues and filled values for every broken copy of a fixture`, () => {
      const events = brokenEvents(base());
      let invalid = 0;
      for (const event of events) {
        const expected = outcome(copies[`validate${name}`]!, name, event);
        const actual = outcome((current as unknown as Validators)[`validate${name}`]!, name, event);
        assert.deepEqual(actual, expected, JSON.stringify(event));
        if (!expected.valid) invalid++;
      }
      assert.ok(invalid > events.length / 2, `${invalid} of ${events.length} events were invalid`);
    });
  }

  it("imports the envelope from kata/events instead of compiling it", async () => {
    const { readFileSync } = await import("node:fs");
    const text = readFileSync(join(projectRoot, "test/generated/kata-validators.ts"), "utf8");
    assert.match(text, /^import \{ validateSQSEventWith \} from "kata\/events\/sqs";$/m);
    assert.match(text, /^export const validateOrderMessageEvent = \/\* @__PURE__ \*\/ validateSQSEventWith\(\{ "body": validateOrderMessage \}\);$/m);
    // One copy of the SQS envelope's checks is left: the sqs-via-sns entry's, whose body is an SNS notification.
    assert.equal(text.match(/requiredError\(vErrors, "", "messageId"\)/g)?.length, 1, "SQS envelope copies");
    assert.match(text, /^export const validateOrderNoticeQueueEvent = validate\d+;$/m);
  });
});
