-- Policies whose expressions use objects created after the tables (a view, a BEGIN ATOMIC function that reads
-- tables) stay SQL after them, in import and in pull; the other policies of the table stay in the model.
CREATE TABLE orgs (id int PRIMARY KEY, owner name NOT NULL DEFAULT current_user);
CREATE TABLE projects (id int PRIMARY KEY, org int NOT NULL REFERENCES orgs);
CREATE VIEW my_orgs AS SELECT id FROM orgs WHERE owner = current_user;
CREATE FUNCTION org_count() RETURNS bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT count(*) FROM orgs; END;
ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
CREATE POLICY projects_read ON projects FOR SELECT USING (org IN (SELECT id FROM my_orgs));
CREATE POLICY projects_limit ON projects AS RESTRICTIVE FOR INSERT TO PUBLIC WITH CHECK (org_count() < 100);
CREATE POLICY projects_plain ON projects FOR DELETE USING (org > 0);
COMMENT ON POLICY projects_read ON projects IS 'members read';
