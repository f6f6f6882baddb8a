CREATE SCHEMA "policy";
--> statement-breakpoint
CREATE TABLE "policy"."initiative_champions" (
	"initiative_id" text NOT NULL,
	"official_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "initiative_champions_initiative_id_official_id_pk" PRIMARY KEY("initiative_id","official_id")
);
--> statement-breakpoint
CREATE TABLE "policy"."event_countries" (
	"event_id" text NOT NULL,
	"country_code" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "event_countries_event_id_country_code_pk" PRIMARY KEY("event_id","country_code")
);
--> statement-breakpoint
CREATE TABLE "policy"."event_initiatives" (
	"event_id" text NOT NULL,
	"initiative_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "event_initiatives_event_id_initiative_id_pk" PRIMARY KEY("event_id","initiative_id")
);
--> statement-breakpoint
CREATE TABLE "policy"."events" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"location_name" text,
	"location_country_code" text,
	"parent_id" text,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', title || ' ' || coalesce(location_name, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text DEFAULT 'system' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy"."initiatives" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"acronym" text,
	"description" text,
	"country_code" text,
	"status" text NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"start_date" date,
	"lead_organization_id" text,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', name || ' ' || coalesce(acronym, '')), 'A') || setweight(to_tsvector('english', coalesce(description, '')), 'B')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text DEFAULT 'system' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy"."outcomes" (
	"id" text PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"statement" text NOT NULL,
	"status" text NOT NULL,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy"."event_participants" (
	"event_id" text NOT NULL,
	"official_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "event_participants_event_id_official_id_pk" PRIMARY KEY("event_id","official_id")
);
--> statement-breakpoint
ALTER TABLE "policy"."initiative_champions" ADD CONSTRAINT "initiative_champions_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "policy"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy"."event_countries" ADD CONSTRAINT "event_countries_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "policy"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy"."event_initiatives" ADD CONSTRAINT "event_initiatives_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "policy"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy"."event_initiatives" ADD CONSTRAINT "event_initiatives_initiative_id_initiatives_id_fk" FOREIGN KEY ("initiative_id") REFERENCES "policy"."initiatives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy"."events" ADD CONSTRAINT "events_parent_id_events_id_fk" FOREIGN KEY ("parent_id") REFERENCES "policy"."events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy"."outcomes" ADD CONSTRAINT "outcomes_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "policy"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy"."event_participants" ADD CONSTRAINT "event_participants_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "policy"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "champions_official_idx" ON "policy"."initiative_champions" USING btree ("official_id");--> statement-breakpoint
CREATE INDEX "event_countries_country_idx" ON "policy"."event_countries" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "event_initiatives_initiative_idx" ON "policy"."event_initiatives" USING btree ("initiative_id");--> statement-breakpoint
CREATE INDEX "events_search_idx" ON "policy"."events" USING gin ("search");--> statement-breakpoint
CREATE INDEX "events_start_idx" ON "policy"."events" USING btree ("start_date","id");--> statement-breakpoint
CREATE INDEX "events_parent_idx" ON "policy"."events" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "initiatives_search_idx" ON "policy"."initiatives" USING gin ("search");--> statement-breakpoint
CREATE INDEX "initiatives_themes_idx" ON "policy"."initiatives" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "initiatives_country_idx" ON "policy"."initiatives" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "initiatives_lead_idx" ON "policy"."initiatives" USING btree ("lead_organization_id");--> statement-breakpoint
CREATE INDEX "initiatives_name_idx" ON "policy"."initiatives" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "outcomes_event_idx" ON "policy"."outcomes" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "participants_official_idx" ON "policy"."event_participants" USING btree ("official_id");