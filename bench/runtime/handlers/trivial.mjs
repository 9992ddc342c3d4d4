// The handler module kata-runtime loads in the cold-start measurement.
export const handler = async () => ({ ok: true });
