import type { ServerResponse } from "node:http";
import type { RequestScope } from "../request-scope.js";

const gone = () => new Error("the client closed the request before the answer was sent");

/**
 * A signal that aborts when the response is closed before it was completely written: the client disconnected (or
 * the gateway gave up on its fetch). A response that finished normally never aborts it.
 */
export function clientGoneSignal(res: ServerResponse): AbortSignal {
  const controller = new AbortController();
  if (res.closed) {
    if (!res.writableFinished) controller.abort(gone());
    return controller.signal;
  }
  res.once("close", () => {
    if (!res.writableFinished) controller.abort(gone());
  });
  return controller.signal;
}

/**
 * The scope of one request. Its signal is made on first use (a subgraph fetch, a SQL statement): many requests never
 * need one, and an AbortController with its listener costs more than the rest of the scope.
 */
export function requestScopeOf(requestId: string, res: ServerResponse): RequestScope {
  let signal: AbortSignal | undefined;
  return {
    requestId,
    get signal() {
      return (signal ??= clientGoneSignal(res));
    },
  };
}
