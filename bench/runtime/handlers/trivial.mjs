// The trivial handler: answers at once, so that the figures are the loop's own cost.
export const handler = async () => ({ ok: true });
