import { existsSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import { kindOf, type EventEntry, type KataConfig, type Source } from "./config.js";
import { ConfigError, SchemaError } from "./errors.js";
import { buildTypeBundle } from "./type-bundle.js";
import { BUILTIN_OF, compositeSchema, decodingSchemas, extraBuiltins, type SlotRefs } from "./composite.js";
import { EnvelopeCalls } from "./envelope-calls.js";
import { emitTypes } from "./emit-types.js";
import { emitValidators, type ValidatorSchema } from "./emit-validators.js";
import { readJsonFile } from "./read-json.js";
import { BANNER, renderModule } from "./render-module.js";
import { loadSchemaFiles, targetOf, type SchemaTarget } from "./schema-files.js";
import { emitEntryModule, type EntryPlan, type EntrySlot } from "./emit-entry.js";
import { allows, OUTSIDE_HINT, projectBoundary, projectRootOf, type ProjectBoundary } from "./project-boundary.js";
import { HANDLER_IMPORTS } from "./emit-wrapper.js";
import { kindImportedNames } from "./emit-kind.js";
import { kebab } from "./kebab.js";
import type { GeneratedFile } from "./write.js";

export interface PlanOptions {
  /** Folder of kata's built-in `*.schema.json`. */
  schemasDir: string;
  /** Allow schemas and `out` outside the config's project (`--allow-outside-project`). */
  allowOutsideProject?: boolean;
  /** Compile each entry's whole event schema into the project, as kata did before `validate<Event>With` (the tests compare the two). */
  envelopeCopies?: boolean;
}

const TYPES_MODULE = "kata-types";
const VALIDATORS_MODULE = "kata-validators";

/**
 * Schema ids are URLs under one base. A key that climbs out of the config's folder (`../`, with
 * --allow-outside-project) needs as many folders under the base, or URL resolution clamps it at
 * the root and the `$ref`s inside that schema miss.
 */
function virtualBase(keys: Iterable<string>): string {
  let depth = 0;
  for (const key of keys) depth = Math.max(depth, /^(?:\.\.\/)*/.exec(key)![0].length / 3);
  return `https://kata.local/${"up/".repeat(depth)}`;
}

/** Stage "plan" for a user config: which types, validators and modules the run produces. */
export async function planConfig(config: KataConfig, options: PlanOptions): Promise<GeneratedFile[]> {
  const boundary = projectBoundary(config.baseDir, options.allowOutsideProject ?? false);
  const out = config.out.replace(/\/+$/, "");
  if (!allows(boundary, resolve(config.baseDir, out))) {
    throw new ConfigError(config.file, "/out", `"${config.out}" is ${resolve(config.baseDir, out)}, outside the project (${boundary.root}); kata writes nothing there. ${OUTSIDE_HINT}`);
  }
  const entries = Object.entries(config.events).map(([name, entry]) => planEntry(config, name, entry, boundary));
  checkCollisions(config, entries);
  const files = loadSchemaFiles(config.baseDir, entries.flatMap((e) => e.slots.map((s) => s.ref)), boundary);
  const base = virtualBase(files.keys());
  const schemaId = (key: string) => new URL(key, base).href; // normalized: Ajv compares ids as written
  const draft2020 = [...files.values()].some((f) => String(f.schema.$schema ?? "").includes("2020-12"));
  const banner = BANNER(basename(config.file), `kata generate --config ${projectPath(config)}`);

  const targets = entries.flatMap((e) => e.slots.map((s) => ({ typeName: s.typeName, target: s.target })));
  const bundle = buildTypeBundle(config.baseDir, files, targets);
  const types = [await emitTypes(bundle.schema, bundle.rootName, new Map(), bundle.isInternal), ...bundle.aliases].join("\n");

  const validatorSchemas: ValidatorSchema[] = [...files.values()].map((f) => ({ id: schemaId(f.key), file: f.key, schema: f.schema }));
  const validatorExports: Record<string, string> = {};
  const envelopes = new EnvelopeCalls();
  for (const entry of entries) {
    for (const slot of entry.slots) validatorExports[`validate${slot.typeName}`] = `${schemaId(slot.target.key)}#${slot.target.pointer}`;
    if (entry.kind) {
      const builtins: Record<string, Record<string, unknown>> = {};
      for (const name of [BUILTIN_OF[entry.kind], ...extraBuiltins(entry.kind)]) {
        builtins[name] = readJsonFile(join(options.schemasDir, `${name}.schema.json`), `${name}.schema.json`, SchemaError) as Record<string, unknown>;
      }
      const refs: SlotRefs = Object.fromEntries(entry.slots.map((s) => [s.role, `${schemaId(s.target.key)}#${s.target.pointer}`]));
      for (const [suffix, schema] of Object.entries(decodingSchemas(entry.kind, builtins, refs, entry.entry))) {
        const id = `${base}composite/${entry.name}${suffix}.json`;
        if (suffix === "Body") refs.body = id;
        validatorSchemas.push({ id, file: config.file, schema });
        validatorExports[`validate${entry.name}${suffix}`] = id;
      }
      const builtin = builtins[BUILTIN_OF[entry.kind]]!;
      if (!options.envelopeCopies && envelopes.add(entry, builtin, refs, (schema, name) => {
        validatorSchemas.push({ id: `${base}composite/${name}.json`, file: config.file, schema });
        validatorExports[name] = `${base}composite/${name}.json`;
      })) continue;
      // A kind without slots in kata/events: the whole event schema is compiled here.
      const id = `${base}composite/${entry.name}Event.json`;
      validatorSchemas.push({ id, file: config.file, schema: compositeSchema(entry.kind, builtin, refs, entry.entry) });
      validatorExports[`validate${entry.name}Event`] = id;
    }
  }
  const validators = envelopes.render(emitValidators(validatorSchemas, validatorExports, "kata/decode", draft2020));

  const generated: GeneratedFile[] = [
    { path: `${out}/${TYPES_MODULE}.ts`, text: banner + types + "\n" },
    { path: `${out}/${VALIDATORS_MODULE}.ts`, text: banner + validators },
  ];
  for (const entry of entries) {
    generated.push({ path: `${out}/${entry.fileName}.ts`, text: emitEntryModule(banner, entry, `./${TYPES_MODULE}.js`, `./${VALIDATORS_MODULE}.js`) });
  }
  generated.push({
    path: `${out}/index.ts`,
    text: renderModule(banner, [], (file) => {
      for (const entry of entries) file.addExportDeclaration({ moduleSpecifier: `./${entry.fileName}.js` });
    }),
  });
  return generated;
}

/**
 * The config's path from its project's root (the nearest package.json), for the banner: the same
 * however the path was typed and wherever kata ran, so that `--check` never sees a spelling change.
 */
function projectPath(config: KataConfig): string {
  return relative(projectRootOf(config.baseDir), join(config.baseDir, basename(config.file))).split(sep).join("/");
}

function planEntry(config: KataConfig, name: string, entry: EventEntry, boundary: ProjectBoundary): EntryPlan {
  const slot = (role: EntrySlot["role"], key: keyof EventEntry, typeName: string) => {
    const ref = entry[key] as string;
    const target: SchemaTarget = targetOf(config.baseDir, config.baseDir, ref);
    const file = resolve(config.baseDir, target.key);
    if (!allows(boundary, file)) {
      throw new ConfigError(config.file, `/events/${name}/${key}`, `"${ref}" names ${file}, which is outside the project (${boundary.root}); kata does not read it. ${OUTSIDE_HINT}`);
    }
    // Named here, at the entry, because the schema file's own error could not say which entry wants it.
    if (!existsSync(resolve(config.baseDir, target.key))) {
      throw new ConfigError(config.file, `/events/${name}/${key}`, `"${ref}" names ${target.key}, which does not exist. Fix the path (it starts from the config file's folder).`);
    }
    return { role, ref, typeName, target };
  };
  const kind = kindOf(entry);
  const payloadKey = PAYLOAD_KEYS.find((key) => entry[key] !== undefined);
  // An SQS queue of S3 notifications is typed by the built-in S3 event alone.
  if (payloadKey === undefined && kind !== "sqs-via-s3") throw new ConfigError(config.file, `/events/${name}`, "has no payload schema.");
  const slots = payloadKey === undefined ? [] : [slot("payload", payloadKey, name)];
  if (entry.query) slots.push(slot("query", "query", `${name}Query`));
  if (entry.path) slots.push(slot("path", "path", `${name}Path`));
  if (entry.key) slots.push(slot("key", "key", `${name}Key`));
  return { name, entry, source: entry.source as Source | undefined, kind, fileName: kebab(name), slots };
}

/** The keys that name an entry's payload schema; an entry has one of them. */
const PAYLOAD_KEYS = ["body", "detail", "message", "data", "item", "value", "schema"] as const;

export { kebab };

/** What the entry modules import from kata: an entry must not declare these names. */
const KATA_NAMES = ["assertWith", "decodeWith", "isWith", "decodeSqsBodies", "decodeApiRequest"].concat(
  ["SQSEvent", "EventBridgeEvent", "APIGatewayProxyEvent", "APIGatewayProxyEventV2"].flatMap((type) => [type, `decode${type}`]),
  Object.values(HANDLER_IMPORTS).flatMap(({ names }) => names.map((name) => name.replace(/^type /, ""))),
  kindImportedNames(),
);

/** Names a config would make twice: two files, or two exports that would shadow each other. */
function checkCollisions(config: KataConfig, entries: EntryPlan[]): void {
  const owners = new Map<string, string>();
  const claim = (what: string, name: string) => {
    const previous = owners.get(what);
    if (previous === KATA) throw new ConfigError(config.file, `/events/${name}`, `would generate ${what}, which kata's generated code already uses. Rename the entry.`);
    if (previous && previous !== name) {
      throw new ConfigError(config.file, `/events/${name}`, `collides with "${previous}": both would generate ${what}. Rename one of them.`);
    }
    owners.set(what, name);
  };
  for (const reserved of [TYPES_MODULE, VALIDATORS_MODULE, "index"]) owners.set(`the file ${reserved}.ts`, KATA);
  for (const reserved of KATA_NAMES) owners.set(`the name ${reserved}`, KATA);
  for (const entry of entries) {
    claim(`the file ${entry.fileName}.ts`, entry.name);
    for (const type of [...entry.slots.map((slot) => slot.typeName), `${entry.name}Event`]) {
      for (const name of [type, `decode${type}`, `assert${type}`, `is${type}`]) claim(`the name ${name}`, entry.name);
    }
    claim(`the name on${entry.name}`, entry.name);
  }
}
const KATA = "(kata)";
