import type { ServerResponse } from "node:http";

/**
 * A signal that aborts when the response is closed before it was completely written: the client disconnected (or
 * the gateway gave up on its fetch). A response that finished normally never aborts it.
 */
export function clientGoneSignal(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort(new Error("the client closed the request before the answer was sent"));
  });
  return controller.signal;
}
