import { describe, it } from "node:test";
import assert from "node:assert/strict";
import * as events from "../../events.js";
import { DecodeError } from "../../runtime/decode/index.js";
import { eventNames, eventText, filledValues, type FilledValues } from "../support/fixtures.js";

/** The three functions kata generates for one type. */
export interface GeneratedDecoders {
  typeName: string;
  decode(input: string | Uint8Array): unknown;
  assert(value: unknown): void;
  is(value: unknown): boolean;
}

export interface DecodeSuiteSpec {
  /** Folder under `test/fixtures/events/`. */
  source: string;
  /** The event type, whose decoders `kata/events` exports. */
  event: string;
  /** The handler result type of the source, when it has one. */
  result?: string;
  /** Fixtures that are results rather than events (besides `result*` and `invalid-result-*`). */
  otherResults?: string[];
  /** Fixtures of the source's other exported types (valid or `invalid-*`), mapped to the type. */
  otherTypes?: Record<string, string>;
  /** JSON pointer of an object inside the base fixture where AWS might add fields. */
  nestedObject: string;
}

const utf8 = new TextEncoder();

/** `decodeX`, `assertX` and `isX` of a built-in type, as `kata/events` exports them. */
export function builtinDecoders(typeName: string): GeneratedDecoders {
  const pick = (prefix: string) => {
    const fn = (events as Record<string, unknown>)[`${prefix}${typeName}`];
    assert.equal(typeof fn, "function", `kata/events exports no ${prefix}${typeName}`);
    return fn as (value: never) => never;
  };
  return { typeName, decode: pick("decode"), assert: pick("assert"), is: pick("is") };
}

/** Fixtures of a source (their `.expect` and `.filled` companions left out). */
function fixtures(source: string): string[] {
  return eventNames(source);
}

/** A pointer's parent object and last key (plain segments, as the companions use). */
export function parentOf(value: unknown, pointer: string): [Record<string, any>, string] {
  const segments = pointer.split("/").slice(1);
  const key = segments.pop()!;
  let node = value as Record<string, unknown>;
  for (const segment of segments) node = node[segment] as Record<string, unknown>;
  return [node, key];
}

/**
 * The value a fixture decodes to: the fixture with its `.filled.json` applied. Each filled
 * pointer must be absent (or null) in the fixture, so the companion cannot claim fills that
 * did not happen.
 */
function withFills(sent: unknown, filled: FilledValues | undefined): unknown {
  const expected = structuredClone(sent);
  for (const [pointer, value] of Object.entries(filled?.set ?? {})) {
    const [node, key] = parentOf(expected, pointer);
    assert.ok(node[key] === undefined || node[key] === null, `${pointer} is sent (${JSON.stringify(node[key])}), so it cannot be filled`);
    node[key] = value;
  }
  for (const pointer of filled?.removed ?? []) {
    const [node, key] = parentOf(expected, pointer);
    assert.equal(node[key], null, `${pointer} must be null in the fixture to be removed`);
    delete node[key];
  }
  return expected;
}

function expectedPath(source: string, name: string): string {
  return (JSON.parse(eventText(source, `${name}.expect`)) as { path: string }).path;
}

/** A JSON pointer's target in `value`. */
function at(value: unknown, pointer: string): Record<string, unknown> {
  let node = value as Record<string, unknown>;
  for (const token of pointer.split("/").slice(1)) node = node[token.replace(/~1/g, "/").replace(/~0/g, "~")] as Record<string, unknown>;
  return node;
}

/** Asserts that `run` throws the DecodeError a user would see for `typeName` at `path`. */
export function assertDecodeError(run: () => unknown, typeName: string, path: string): DecodeError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof DecodeError, `expected a DecodeError, got ${String(caught)}`);
  assert.equal(caught.name, "DecodeError");
  assert.equal(caught.typeName, typeName);
  assert.ok(caught.issues.length > 0, "a DecodeError without issues");
  assert.equal(caught.issues[0]!.path, path, JSON.stringify(caught.issues));
  assert.ok(caught.message.startsWith(`${typeName} at ${path === "" ? "the root" : path}: `), caught.message);
  return caught;
}

/** Line and column (both from 1) of `offset` in `text`, as kata's messages state them. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `line ${before.split("\n").length}, column ${offset - before.lastIndexOf("\n")}`;
}

/**
 * The data-driven part every source shares: each valid fixture decodes from text and from bytes,
 * each `invalid-*` fixture fails at the pointer its `.expect.json` names, results decode with the
 * result decoder, malformed JSON says where it breaks, and unknown fields pass.
 */
export function describeDecodeFixtures(spec: DecodeSuiteSpec): void {
  const eventDecoders = builtinDecoders(spec.event);
  const resultDecoders = spec.result === undefined ? undefined : builtinDecoders(spec.result);
  const isResult = (name: string) => /^(invalid-)?result\b/.test(name) || (spec.otherResults ?? []).includes(name);
  const otherDecoders = new Map(Object.entries(spec.otherTypes ?? {}).map(([name, type]) => [name, builtinDecoders(type)]));
  const decodersFor = (name: string) => otherDecoders.get(name) ?? (isResult(name) ? resultDecoders : eventDecoders);

  describe(`${spec.source} fixtures through the generated decoders`, () => {
    for (const name of fixtures(spec.source).filter((n) => !n.startsWith("invalid-"))) {
      const decoders = decodersFor(name);
      const fills = filledValues(spec.source, name) === undefined ? "" : ", with the values its .filled.json names filled in";
      it(`decodes ${name}.json as ${decoders?.typeName} from text and from bytes${fills}`, () => {
        assert.ok(decoders, `${name}.json looks like a result, but ${spec.source} has no result decoder`);
        const text = eventText(spec.source, name);
        const expected = withFills(JSON.parse(text), filledValues(spec.source, name));
        assert.deepEqual(decoders.decode(text), expected);
        assert.deepEqual(decoders.decode(utf8.encode(text)), expected);
        // Already parsed (the managed runtime), the event is filled in place.
        const parsed: unknown = JSON.parse(text);
        assert.equal(decoders.is(parsed), true);
        assert.deepEqual(parsed, expected);
        const asserted: unknown = JSON.parse(text);
        assert.doesNotThrow(() => decoders.assert(asserted));
        assert.deepEqual(asserted, expected);
      });
    }

    for (const name of fixtures(spec.source).filter((n) => n.startsWith("invalid-"))) {
      const decoders = decodersFor(name);
      const path = expectedPath(spec.source, name);
      it(`rejects ${name}.json with a DecodeError at ${path}`, () => {
        assert.ok(decoders, `${name}.json looks like a result, but ${spec.source} has no result decoder`);
        const text = eventText(spec.source, name);
        assertDecodeError(() => decoders.decode(text), decoders.typeName, path);
        assertDecodeError(() => decoders.decode(utf8.encode(text)), decoders.typeName, path);
        assertDecodeError(() => decoders.assert(JSON.parse(text)), decoders.typeName, path);
        assert.equal(decoders.is(JSON.parse(text)), false);
      });
    }

    it("reports malformed JSON with its position, line and column", () => {
      const text = eventText(spec.source, "base");
      // The first `:` after the first line break becomes `;`.
      const offset = text.indexOf(":", text.indexOf("\n"));
      const broken = `${text.slice(0, offset)};${text.slice(offset + 1)}`;
      const error = assertDecodeError(() => eventDecoders.decode(broken), eventDecoders.typeName, "");
      assert.match(error.message, /is not JSON: /);
      assert.ok(error.message.includes(`position ${offset}`), error.message);
      assert.ok(error.message.includes(`(${lineAndColumn(broken, offset)})`), error.message);
    });

    it("reports truncated and empty input as not JSON", () => {
      const text = eventText(spec.source, "base").trimEnd();
      const truncated = text.slice(0, -1);
      const error = assertDecodeError(() => eventDecoders.decode(truncated), eventDecoders.typeName, "");
      assert.ok(error.message.includes(`(${lineAndColumn(truncated, truncated.length)})`), error.message);
      const empty = assertDecodeError(() => eventDecoders.decode(new Uint8Array()), eventDecoders.typeName, "");
      assert.match(empty.message, /the input is empty/);
    });

    it("accepts fields AWS may add later, at the root and nested, and keeps them", () => {
      const extended = JSON.parse(eventText(spec.source, "base")) as Record<string, unknown>;
      extended.futureField = { added: "naïve ✓ 😀" };
      at(extended, spec.nestedObject).futureNestedField = 42;
      const decoded = eventDecoders.decode(utf8.encode(JSON.stringify(extended)));
      assert.deepEqual(decoded, extended);
      assert.equal(eventDecoders.is(extended), true);
    });

    it("rejects a JSON value that is not an object at the root", () => {
      for (const text of ["[]", "null", '"event"', "42"]) assertDecodeError(() => eventDecoders.decode(text), eventDecoders.typeName, "");
    });
  });
}
