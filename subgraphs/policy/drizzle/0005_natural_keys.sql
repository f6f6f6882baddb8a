ALTER TABLE "policy"."initiatives" ADD COLUMN "name_keys" text[] GENERATED ALWAYS AS (array_remove(array[policy.name_key(name), policy.name_key(acronym)], null)) STORED;--> statement-breakpoint
ALTER TABLE "policy"."initiatives" ADD COLUMN "name_key" text GENERATED ALWAYS AS (policy.name_key(name)) STORED;--> statement-breakpoint
ALTER TABLE "policy"."initiatives" ADD COLUMN "acronym_key" text GENERATED ALWAYS AS (policy.name_key(acronym)) STORED;--> statement-breakpoint
CREATE INDEX "initiatives_name_keys_idx" ON "policy"."initiatives" USING gin ("name_keys");--> statement-breakpoint
CREATE UNIQUE INDEX "initiatives_natural_key_idx" ON "policy"."initiatives" USING btree ("name_key","country_code") WHERE country_code is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "initiatives_acronym_key_idx" ON "policy"."initiatives" USING btree ("acronym_key",coalesce(country_code, '')) WHERE acronym_key is not null and acronym_key <> '';