// A minimal GraphQL-over-HTTP client for the fault scripts: every request timed, every failure kept as data.

export interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface Answer {
  /** HTTP status; 0 when no answer came (connection refused or reset, timeout). */
  status: number;
  body?: GraphQLBody;
  /** Why no usable answer came (network error, timeout, a body that is not JSON). */
  failure?: string;
  ms: number;
  /** When the request was sent (epoch ms). */
  at: number;
}

export async function graphql(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  options: { token?: string; timeoutMs?: number } = {},
): Promise<Answer> {
  const at = Date.now();
  const started = performance.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    try {
      return { status: response.status, body: JSON.parse(text) as GraphQLBody, ms, at };
    } catch {
      return { status: response.status, failure: `not JSON: ${text.slice(0, 120)}`, ms, at };
    }
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { status: 0, failure: cause ?? (error as Error).name ?? "fetch failed", ms: performance.now() - started, at };
  }
}

/** The error codes of an answer (`extensions.code`), or a description of why there is no answer. */
export function errorCodes(answer: Answer): string[] {
  if (answer.failure) return [answer.status ? `HTTP ${answer.status} ${answer.failure}` : answer.failure];
  const codes = (answer.body?.errors ?? []).map((error) => String(error.extensions?.code ?? "NO_CODE"));
  if (answer.status !== 200 && codes.length === 0) codes.push(`HTTP ${answer.status}`);
  return codes;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** A plain-text table with aligned columns (numbers right-aligned). */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (/^-?[\d.,]+( ?[a-zA-Z%]+)?$/.test(cell) && i > 0 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ");
  return [line(cells[0]!), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

export const seconds = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(1) : "-");
export const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
