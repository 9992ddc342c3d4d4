import { breakCase } from "./cases.mjs";

/**
 * Before timing anything: every peer must accept each event and (if it validates) reject the same
 * event broken deep inside. A peer that skipped the payload would be fast for the wrong reason.
 *
 * @param peers `{ [peer]: { decoders, validates } }`
 */
export function verifyPeers(peers, cases) {
  const problems = [];
  for (const testCase of cases) {
    const broken = breakCase(testCase);
    for (const [peer, { decoders, validates }] of Object.entries(peers)) {
      const decode = decoders[testCase.id];
      try {
        decode(testCase.text);
      } catch (error) {
        problems.push(`${peer} rejects the valid ${testCase.id} event: ${error.message}`);
      }
      if (!validates) continue;
      let rejected = false;
      try {
        decode(broken);
      } catch {
        rejected = true;
      }
      if (!rejected) problems.push(`${peer} accepts the broken ${testCase.id} event, so it does not check what it is timed for`);
    }
  }
  if (problems.length > 0) throw new Error(`bench: the peers do not all do the same work:\n  ${problems.join("\n  ")}`);
}
