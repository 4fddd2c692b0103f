-- Named versions are immutable snapshots: refuse UPDATE at the database, whatever the app does.
CREATE FUNCTION "model_versions_refuse_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'model_versions rows are immutable' USING ERRCODE = 'restrict_violation';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "model_versions_immutable" BEFORE UPDATE ON "model_versions"
  FOR EACH ROW EXECUTE FUNCTION "model_versions_refuse_update"();
