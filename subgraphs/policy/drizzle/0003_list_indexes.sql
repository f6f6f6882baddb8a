DROP INDEX "policy"."initiatives_country_idx";--> statement-breakpoint
DROP INDEX "policy"."initiatives_lead_idx";--> statement-breakpoint
CREATE INDEX "events_kind_idx" ON "policy"."events" USING btree ("kind","start_date","id");--> statement-breakpoint
CREATE INDEX "events_last_day_idx" ON "policy"."events" USING btree (coalesce("end_date", "start_date"));--> statement-breakpoint
CREATE INDEX "initiatives_status_idx" ON "policy"."initiatives" USING btree ("status","name","id");--> statement-breakpoint
CREATE INDEX "initiatives_country_idx" ON "policy"."initiatives" USING btree ("country_code","name","id");--> statement-breakpoint
CREATE INDEX "initiatives_lead_idx" ON "policy"."initiatives" USING btree ("lead_organization_id","name","id");