import type { Source } from "./config.js";
import type { EntryPlan } from "./emit-entry.js";
import { fills, SLOT_POSITIONS } from "./slots.js";

/**
 * `validateNameEvent` of each config entry in the user's validators module, as a call to the
 * built-in envelope's `validate<Event>With` (`kata/events/<source>`) with the entry's validators in
 * its slots: the envelope's code is kata's, not a copy. Marked pure, so that a bundle without
 * `isNameEvent` / `assertNameEvent` drops the call.
 */
export class EnvelopeCalls {
  private readonly imports = new Map<string, string>();
  private readonly calls: string[] = [];

  /**
   * Plans the entry's call, asking `compile` for the small validators its constant slots need
   * (EventBridge's `detail-type` and `source`). False when the source has no slots.
   */
  add(entry: EntryPlan, builtin: Record<string, unknown>, refs: Record<string, string>, compile: (schema: Record<string, unknown>, name: string) => void): boolean {
    // Only an entry of the source itself: `sqs-via-*` and the other kinds keep their own event schema.
    const positions = entry.kind === entry.source ? SLOT_POSITIONS[entry.kind as Source] : undefined;
    if (!positions) return false;
    const withName = `validate${String(builtin.title)}With`;
    this.imports.set(`kata/events/${entry.kind}`, withName);
    const slots: string[] = [];
    for (const position of positions) {
      if (!fills(position, refs, entry.entry)) continue;
      let validator: string;
      if (position.role !== undefined) validator = `validate${entry.slots.find((s) => s.role === position.role)!.typeName}`;
      else {
        validator = `validate$${entry.name}Event$${position.constFrom}`;
        compile({ const: entry.entry[position.constFrom!] }, validator);
      }
      slots.push(`${JSON.stringify(position.property)}: ${validator}`);
    }
    this.calls.push(`export const validate${entry.name}Event = /* @__PURE__ */ ${withName}({ ${slots.join(", ")} });`);
    return true;
  }

  /** The validators module with the imports and the calls added. */
  render(validators: string): string {
    if (this.calls.length === 0) return validators;
    const imports = [...this.imports].sort(([a], [b]) => a.localeCompare(b)).map(([from, name]) => `import { ${name} } from "${from}";\n`).join("");
    const at = validators.indexOf("\n", validators.indexOf("\nimport ") + 1) + 1;
    return `${validators.slice(0, at)}${imports}${validators.slice(at)}\n${this.calls.join("\n")}\n`;
  }
}
