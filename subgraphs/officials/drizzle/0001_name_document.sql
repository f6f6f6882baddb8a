-- Custom migration: a generated column needs an immutable expression, and array_to_string is only stable.
-- The search document of an official: every name form news uses, without stemming.
CREATE OR REPLACE FUNCTION "officials"."name_document"(name text, honorific text, other_names text[])
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT to_tsvector('simple', name || ' ' || coalesce(honorific, '') || ' ' || array_to_string(other_names, ' ')) $$;
