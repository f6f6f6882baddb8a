import pg from "pg";
import { readFileSync } from "node:fs";
const cred = JSON.parse(readFileSync("/tmp/d2/postgres-credentials.json", "utf8"));
const c = new pg.Client({ host: "127.0.0.1", port: 28110, user: "postgres", password: cred.superuser, database: process.env.DB ?? "newsfed" });
await c.connect();
const Q = `(websearch_to_tsquery('english', 'cybersecurity') || (to_tsquery('english', 'cybersecurity:*') || to_tsquery('simple', 'cybersecurity:*')))`;
const sqls = process.argv.slice(2);
for (const s of sqls) {
  const text = s.replaceAll("$Q", Q);
  for (let i = 0; i < 3; i++) await c.query(text);
  const t0 = performance.now(); for (let i = 0; i < 5; i++) await c.query(text); console.log("avg ms", ((performance.now() - t0) / 5).toFixed(1));
  const r = await c.query(`explain (analyze, buffers) ${text}`);
  console.log(r.rows.map((x) => x["QUERY PLAN"]).join("\n"));
}
await c.end();
