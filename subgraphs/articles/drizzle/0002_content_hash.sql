ALTER TABLE "articles"."articles" ADD COLUMN "content_hash" text;--> statement-breakpoint
CREATE UNIQUE INDEX "articles_content_hash_idx" ON "articles"."articles" USING btree ("content_hash");