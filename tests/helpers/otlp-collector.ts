import { createServer, type Server } from "node:http";
import { closeNodeServer, listenOnFreePort } from "./node-server.js";

export interface CollectedSpan {
  service: string | undefined;
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
}

/** The part of an OTLP/HTTP JSON trace export (ExportTraceServiceRequest) the collector reads. */
interface OtlpTraceExport {
  resourceSpans?: {
    resource?: { attributes?: { key: string; value?: { stringValue?: string } }[] };
    scopeSpans?: { spans?: { name: string; traceId: string; spanId: string; parentSpanId?: string }[] }[];
  }[];
}

/** Receives OTLP/HTTP JSON trace exports, like an OpenTelemetry collector would, and keeps the spans. */
export class OtlpCollector {
  private readonly received: CollectedSpan[] = [];
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as OtlpTraceExport;
          for (const resourceSpans of body.resourceSpans ?? []) {
            const service = resourceSpans.resource?.attributes?.find((a) => a.key === "service.name")?.value?.stringValue;
            for (const scope of resourceSpans.scopeSpans ?? []) {
              for (const span of scope.spans ?? []) {
                this.received.push({
                  service,
                  name: span.name,
                  traceId: span.traceId,
                  spanId: span.spanId,
                  parentSpanId: span.parentSpanId || undefined,
                });
              }
            }
          }
        } catch {
          // not JSON: ignored, the assertions will say what is missing
        }
        res.setHeader("content-type", "application/json");
        res.end("{}");
      });
    });
    return listenOnFreePort(this.server);
  }

  spans(): CollectedSpan[] {
    return [...this.received];
  }

  async close(): Promise<void> {
    if (this.server) await closeNodeServer(this.server);
  }
}
