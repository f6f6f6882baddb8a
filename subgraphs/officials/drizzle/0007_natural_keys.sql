ALTER TABLE "officials"."organizations" ADD COLUMN "name_keys" text[] GENERATED ALWAYS AS (array_remove(array[officials.name_key(name), officials.name_key(acronym)], null)) STORED;--> statement-breakpoint
ALTER TABLE "officials"."organizations" ADD COLUMN "name_key" text GENERATED ALWAYS AS (officials.name_key(name)) STORED;--> statement-breakpoint
ALTER TABLE "officials"."officials" ADD COLUMN "name_keys" text[] GENERATED ALWAYS AS (officials.name_keys(name, honorific_prefix, other_names)) STORED;--> statement-breakpoint
ALTER TABLE "officials"."officials" ADD COLUMN "name_key" text GENERATED ALWAYS AS (officials.name_key(name)) STORED;--> statement-breakpoint
CREATE INDEX "organizations_name_keys_idx" ON "officials"."organizations" USING gin ("name_keys");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_natural_key_idx" ON "officials"."organizations" USING btree ("name_key","country_code") WHERE country_code is not null;--> statement-breakpoint
CREATE INDEX "officials_name_keys_idx" ON "officials"."officials" USING gin ("name_keys");--> statement-breakpoint
CREATE UNIQUE INDEX "officials_natural_key_idx" ON "officials"."officials" USING btree ("name_key","country_code") WHERE country_code is not null;