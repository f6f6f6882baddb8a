/** Polls a health URL until it answers 2xx; gives up when `abandon()` says so or after timeoutMs. */
export async function waitUntilHealthy(
  url: string,
  { timeoutMs, abandon }: { timeoutMs: number; abandon: () => string | undefined },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reason = abandon();
    if (reason) throw new Error(reason);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`not healthy within ${timeoutMs / 1000} s (${url})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
