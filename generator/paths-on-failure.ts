/*
 * Part of stage "emit decoders" (`emit-validators.ts`): Ajv's standalone code builds the instance
 * path of every referenced validator it calls, before the call; this rewrite builds it only when
 * the call fails.
 */

/** Ajv's string literal, data variable (`data3`, `data.Keys`, `data0[i0]`) and a piece of an instance path. */
const STRING = String.raw`"(?:[^"\\\n]|\\.)*"`;
const DATA = String.raw`data\d*(?:\.[A-Za-z_$][\w$]*|\[(?:\w+|${STRING})\])*`;
const PATH_PIECE = String.raw`(?:${STRING}|\w+(?:\.replace\(/~/g, "~0"\)\.replace\(/\\//g, "~1"\))?)`;

/**
 * A call of a referenced validator as Ajv writes it, with the first line of its failure branch:
 * the callee, its data, and the path expression (none when it is `instancePath` itself): a sum of
 * `instancePath`, string literals, indexes and escaped keys (`key0.replace(/~/g, "~0")...`).
 */
const REF_CALL = new RegExp(
  String.raw`^if\(!\(([\w$]+(?:\.validate)?)\((${DATA}), \{instancePath(?::(instancePath(?: ?\+ ?${PATH_PIECE})+))?,parentData(?::${DATA})?,parentDataProperty(?::(?:\w+|${STRING}))?,rootData(?:,dynamicAnchors)?\}\)\)\)\{\nvErrors = vErrors === null \? \1\.errors : vErrors\.concat\(\1\.errors\);\n`,
  "gm",
);

/** Ajv's signature of a validator, which takes its options apart (allocating `{}` when called without), and options passed to another. */
const SIGNATURE = /\{instancePath="", parentData, parentDataProperty, rootData=data(?:, dynamicAnchors=\{\})?\}=\{\}\)\{/g;
const OPTIONS_PASSED = /\{instancePath\b[^\n]*?,rootData(?:,dynamicAnchors)?\}\)/g;

/**
 * Ajv calls a referenced validator with the instance path it checks, built before the call (and
 * escaped with two regex replaces when it ends in a property name), in a new options object that
 * also carries the parent and the root: per record of a batch, per entry of a map, on every decode
 * that passes. Only errors need the path, so the call passes nothing (the callee's paths then
 * start at itself, `""`) and a failure prefixes the callee's errors with it (`appendErrorsAt`);
 * a validator reads just `instancePath` from its options, if it is given any (a module generated
 * before this passes them all). The DynamoDB envelope of a 100-record batch validates in 40% of
 * the time (45 ns a record instead of 120).
 * Calls within a recursion keep passing the path: there the data, not the schema, decides how
 * many levels an error would be prefixed through, and a deep value with an error at every level
 * would cost a new string per error per level (where each level's path, shared, costs one).
 * When code reads the other options (`rootData` for `$data`, `dynamicAnchors`), or calls a
 * validator in another way, the code is left as Ajv wrote it.
 */
export function pathsOnFailure(code: string): string {
  if (/\b(?:parentData|parentDataProperty|rootData|dynamicAnchors)\b/.test(code.replace(SIGNATURE, "").replace(OPTIONS_PASSED, ""))) return code;
  const graph = callGraph(code);
  const calls = validatorParts(code)
    .map(({ name: caller, text }) =>
      text.replace(REF_CALL, (_call, callee: string, data: string, path: string | undefined) => {
        const at = path ?? "instancePath";
        if (caller === undefined || reaches(graph, graph.functionOf.get(callee), caller)) {
          return `if(!(${callee}(${data}, {instancePath:${at}}))){\nvErrors = vErrors === null ? ${callee}.errors : vErrors.concat(${callee}.errors);\n`;
        }
        return `if(!(${callee}(${data}))){\nvErrors = appendErrorsAt(vErrors, ${callee}.errors, ${at});\n`;
      }),
    )
    .join("");
  if (calls.match(OPTIONS_PASSED) !== null) return code;
  // One shared default: Ajv's destructuring default allocated an object on every call without options.
  const withDefault = calls.replace(/^(?:"use strict";)?/, (directive) => `${directive}\nconst rootOptions = {instancePath: ""};`);
  return withDefault.replace(SIGNATURE, "options = rootOptions){\nconst instancePath = options.instancePath;");
}

/** The code cut before each validator function, each part with the function's name (none for what precedes the first). */
function validatorParts(code: string): { name: string | undefined; text: string }[] {
  return code.split(/^(?=function validate\d+\()/m).map((text) => ({ name: /^function (validate\d+)\(/.exec(text)?.[1], text }));
}

interface CallGraph {
  /** The validators each validator calls. */
  callees: Map<string, Set<string>>;
  /** What a call names (`validate12`, or `wrapper0.validate` / `root1.validate`, Ajv's holders for a `$ref` into a recursion) → the function. */
  functionOf: Map<string, string>;
}

function callGraph(code: string): CallGraph {
  const functionOf = new Map<string, string>();
  for (const [, name] of code.matchAll(/^function (validate\d+)\(/gm)) functionOf.set(name!, name!);
  for (const [, holder, name] of code.matchAll(/^const ([\w$]+) = \{validate: (validate\d+)\};$/gm)) functionOf.set(`${holder}.validate`, name!);
  const callees = new Map<string, Set<string>>();
  for (const { name, text } of validatorParts(code)) {
    if (name === undefined) continue;
    const called = new Set<string>();
    for (const [, callee] of text.matchAll(/\b([\w$]+(?:\.validate)?)\(/g)) {
      const target = functionOf.get(callee!);
      if (target !== undefined) called.add(target);
    }
    callees.set(name, called);
  }
  return { callees, functionOf };
}

/**
 * Whether `from` calls `to`, directly or through others: then a call of `from` by `to` is part of
 * a recursion. A callee that is no function of this module (a slot's validator, from the payload's
 * own module) never calls back into it.
 */
function reaches(graph: CallGraph, from: string | undefined, to: string): boolean {
  const seen = new Set<string>();
  const pending = from === undefined ? [] : [from];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (name === to) return true;
    if (seen.has(name)) continue;
    seen.add(name);
    pending.push(...(graph.callees.get(name) ?? []));
  }
  return false;
}
