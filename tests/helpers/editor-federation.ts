import { afterAll, beforeAll } from "vitest";
import { startFederation, type TestFederation } from "./federation.js";
import { tokens } from "./identities.js";

/** The federation of a test file and an editor's token (every write scope), ready before its tests, closed after. */
export interface EditorFederation {
  readonly fed: TestFederation;
  readonly token: string;
}

/** Starts the file's federation before its tests and closes it after them; read `fed` and `token` inside tests. */
export function editorFederation(): EditorFederation {
  const state: { fed?: TestFederation; token?: string } = {};
  beforeAll(async () => {
    state.fed = await startFederation();
    state.token = await tokens.editor();
  });
  afterAll(() => state.fed?.close());
  return {
    get fed() {
      return state.fed!;
    },
    get token() {
      return state.token!;
    },
  };
}
