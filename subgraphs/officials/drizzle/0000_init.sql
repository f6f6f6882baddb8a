CREATE SCHEMA "officials";
--> statement-breakpoint
CREATE TABLE "officials"."countries" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "officials"."organizations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"acronym" text,
	"kind" text NOT NULL,
	"country_code" text,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple', name || ' ' || coalesce(acronym, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text DEFAULT 'system' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "officials"."officials" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"honorific_prefix" text,
	"other_names" text[] DEFAULT '{}'::text[] NOT NULL,
	"country_code" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text DEFAULT 'system' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "officials"."positions" (
	"id" text PRIMARY KEY NOT NULL,
	"official_id" text NOT NULL,
	"title" text NOT NULL,
	"organization_id" text,
	"start_date" date,
	"end_date" date
);
--> statement-breakpoint
ALTER TABLE "officials"."organizations" ADD CONSTRAINT "organizations_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "officials"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officials"."officials" ADD CONSTRAINT "officials_country_code_countries_code_fk" FOREIGN KEY ("country_code") REFERENCES "officials"."countries"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officials"."positions" ADD CONSTRAINT "positions_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "officials"."officials"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officials"."positions" ADD CONSTRAINT "positions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "officials"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organizations_search_idx" ON "officials"."organizations" USING gin ("search");--> statement-breakpoint
CREATE INDEX "organizations_country_idx" ON "officials"."organizations" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "officials_country_idx" ON "officials"."officials" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "officials_name_idx" ON "officials"."officials" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "positions_official_idx" ON "officials"."positions" USING btree ("official_id");--> statement-breakpoint
CREATE INDEX "positions_organization_idx" ON "officials"."positions" USING btree ("organization_id");