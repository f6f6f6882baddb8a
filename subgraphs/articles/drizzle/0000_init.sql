CREATE SCHEMA "articles";
--> statement-breakpoint
CREATE TABLE "articles"."article_links" (
	"article_id" text NOT NULL,
	"kind" text NOT NULL,
	"ref_id" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "article_links_article_id_kind_ref_id_pk" PRIMARY KEY("article_id","kind","ref_id")
);
--> statement-breakpoint
CREATE TABLE "articles"."articles" (
	"id" text PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"headline" text NOT NULL,
	"summary" text,
	"body" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"source_name" text NOT NULL,
	"source_code" text,
	"dateline_place" text,
	"dateline_agency" text,
	"photo_caption" text,
	"photo_credit" text,
	"url" text,
	"themes" text[] DEFAULT '{}'::text[] NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', headline), 'A') || setweight(to_tsvector('english', coalesce(summary, '')), 'B') || setweight(to_tsvector('english', body), 'C')) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text DEFAULT 'system' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "articles"."mentions" (
	"id" text PRIMARY KEY NOT NULL,
	"article_id" text NOT NULL,
	"surface_text" text NOT NULL,
	"kind" text NOT NULL,
	"start" integer NOT NULL,
	"end" integer NOT NULL,
	"confidence" real NOT NULL,
	"ref_id" text
);
--> statement-breakpoint
ALTER TABLE "articles"."article_links" ADD CONSTRAINT "article_links_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "articles"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "articles"."mentions" ADD CONSTRAINT "mentions_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "articles"."articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "article_links_ref_idx" ON "articles"."article_links" USING btree ("kind","ref_id");--> statement-breakpoint
CREATE UNIQUE INDEX "articles_slug_idx" ON "articles"."articles" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "articles_search_idx" ON "articles"."articles" USING gin ("search");--> statement-breakpoint
CREATE INDEX "articles_themes_idx" ON "articles"."articles" USING gin ("themes");--> statement-breakpoint
CREATE INDEX "articles_published_idx" ON "articles"."articles" USING btree ("published_at","id");--> statement-breakpoint
CREATE INDEX "mentions_article_idx" ON "articles"."mentions" USING btree ("article_id","start");--> statement-breakpoint
CREATE INDEX "mentions_ref_idx" ON "articles"."mentions" USING btree ("kind","ref_id");