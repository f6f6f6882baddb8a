import pg from "pg";
import { readFileSync } from "node:fs";
const cred = JSON.parse(readFileSync("/tmp/d2/postgres-credentials.json", "utf8"));
const c = new pg.Client({ host: "127.0.0.1", port: 28110, user: "postgres", password: cred.superuser, database: "newsfed" });
await c.connect();
for (const s of process.argv.slice(2)) console.table((await c.query(s)).rows);
await c.end();
