CREATE TABLE "articles"."idempotency_keys" (
	"actor" text NOT NULL,
	"entity_type" text NOT NULL,
	"key" text NOT NULL,
	"entity_id" text NOT NULL,
	"input_hash" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_actor_entity_type_key_pk" PRIMARY KEY("actor","entity_type","key")
);
