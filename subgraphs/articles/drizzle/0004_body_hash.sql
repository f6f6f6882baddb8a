-- Custom migration: a story's content hash now covers its parsed body alone (SHA-256 of the stored body), so the
-- same story with or without its closing "/.", another caption or date line is one article. Earlier hashes covered the
-- whole raw text: recomputed here. Of articles whose bodies are identical, the oldest keeps the hash.
WITH hashed AS (
  SELECT id, encode(sha256(convert_to(body, 'UTF8')), 'hex') AS hash,
         row_number() OVER (PARTITION BY encode(sha256(convert_to(body, 'UTF8')), 'hex') ORDER BY created_at, id) AS n
  FROM "articles"."articles" WHERE content_hash IS NOT NULL
)
UPDATE "articles"."articles" a SET content_hash = CASE WHEN hashed.n = 1 THEN hashed.hash ELSE NULL END
FROM hashed WHERE a.id = hashed.id;
