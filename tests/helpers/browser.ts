import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { ROOT } from "./stack.js";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const ARTIFACTS = join(ROOT, "tests/artifacts");

/**
 * Debian's Chromium, headless, with every background service off and every host name but localhost unresolvable:
 * a page that tries to load anything from the internet fails visibly instead of quietly working online.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install Debian's chromium package (scripts/ensure-chromium.sh does), or set CHROMIUM_PATH.`,
    );
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
    ],
  });
}

/** Records every request a page makes; `external()` lists those that left this machine. */
export function watchRequests(page: Page) {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return {
    urls,
    external: () =>
      urls.filter((url) => {
        if (url.startsWith("data:") || url.startsWith("blob:")) return false;
        const { hostname } = new URL(url);
        return hostname !== "127.0.0.1" && hostname !== "localhost";
      }),
  };
}
