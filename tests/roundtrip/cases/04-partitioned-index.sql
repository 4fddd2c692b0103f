-- pg_dump's partitioned index: ON ONLY the parent, an index per partition, ALTER INDEX ... ATTACH PARTITION.
CREATE TABLE public.events (id integer NOT NULL, at date NOT NULL, kind text) PARTITION BY RANGE (at);
CREATE TABLE public.events_2024 (id integer NOT NULL, at date NOT NULL, kind text);
ALTER TABLE ONLY public.events ATTACH PARTITION public.events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX events_kind_idx ON ONLY public.events USING btree (kind);
CREATE INDEX events_2024_kind_idx ON public.events_2024 USING btree (kind);
ALTER INDEX public.events_kind_idx ATTACH PARTITION public.events_2024_kind_idx;
ALTER TABLE ONLY public.events ADD CONSTRAINT events_pkey PRIMARY KEY (id, at);
ALTER TABLE ONLY public.events_2024 ADD CONSTRAINT events_2024_pkey PRIMARY KEY (id, at);
ALTER INDEX public.events_pkey ATTACH PARTITION public.events_2024_pkey;
