/** Answers the parent's `report` with this process's CPU time (µs) and RSS (bytes). */
export function reportUsageOnRequest() {
  process.on("message", (message) => {
    if (message.type !== "report") return;
    const { user, system } = process.cpuUsage();
    process.send({ type: "usage", cpuUs: user + system, rss: process.memoryUsage.rss() });
  });
  process.channel?.unref();
}
