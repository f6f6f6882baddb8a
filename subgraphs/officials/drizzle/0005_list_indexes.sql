DROP INDEX "officials"."organizations_country_idx";--> statement-breakpoint
DROP INDEX "officials"."officials_country_idx";--> statement-breakpoint
CREATE INDEX "organizations_kind_idx" ON "officials"."organizations" USING btree ("kind","name","id");--> statement-breakpoint
CREATE INDEX "organizations_name_idx" ON "officials"."organizations" USING btree ("name","id");--> statement-breakpoint
CREATE INDEX "organizations_country_idx" ON "officials"."organizations" USING btree ("country_code","name","id");--> statement-breakpoint
CREATE INDEX "officials_country_idx" ON "officials"."officials" USING btree ("country_code","name","id");