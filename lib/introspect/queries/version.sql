-- The server's major version decides which catalog columns exist (indnullsnotdistinct: 15+).
SELECT current_setting('server_version_num')::int AS version
