-- Synthetic onboarding data for the onboarding benchmark (bench/run-onboarding-bench.sh), on a migrated database.
-- Usage: psql -v clients=10000 -v days=90 -v milestones=15 -v comms=20 -f bench/onboarding-seed.sql
-- 10,000 clients × 90 days of health inputs (900k), × 15 milestones (150k) in a finish-to-start chain with a side branch,
-- × 20 communications (200k) over the last 120 days, and the 90 days of health snapshots the board's sparklines and
-- trends read (cs_health_snapshots, 900k; the bench then records today's snapshot through the service). Every status,
-- band, channel and direction occurs; a tenth of the inputs have no NPS and a twentieth no usage (coverage below 100 %).
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO onboarding_clients (company_name, contract_value_usd, start_date, go_live_target, csm_owner, status, created_at)
SELECT 'Client ' || c || ' Holdings', 50000 + (c % 40) * 5000, current_date - 120 + c % 60, current_date - 30 + c % 120,
       'csm' || (c % 25) || '@epic16.test', (ARRAY['kickoff','implementation','adoption','live','at_risk','churned'])[1 + c % 6],
       timestamptz '2025-06-01' + c * interval '1 minute'
FROM generate_series(1, :clients) AS c;

INSERT INTO onboarding_health_metrics (client_id, metric_date, product_usage, support_tickets, nps, engagement, milestone_progress, health_score, risk_level)
SELECT c.id, current_date - d,
       CASE WHEN (c.id + d) % 20 = 0 THEN NULL ELSE (c.id * 7 + d * 3) % 101 END, (c.id + d) % 9,
       CASE WHEN (c.id + d) % 10 = 0 THEN NULL ELSE ((c.id * 13 + d) % 201) - 100 END, (c.id * 11 + d) % 101,
       (c.id + d) % 101, (c.id * 5 + d) % 101, (ARRAY['healthy','watch','at_risk','critical'])[1 + (c.id + d) % 4]
FROM onboarding_clients AS c, generate_series(0, :days - 1) AS d;

-- Milestone k depends on k-1 (a chain) and every fifth also on k-3 (a side branch); ids are assigned here so depends_on can name them.
WITH base AS (SELECT coalesce(max(id), 0) AS top FROM onboarding_milestones)
INSERT INTO onboarding_milestones (id, client_id, name, description, sort_order, due_date, completed_at, status, depends_on)
OVERRIDING SYSTEM VALUE
SELECT base.top + (c.id - 1) * :milestones + k, c.id, 'Milestone ' || k, NULL, k, c.start_date + k * 7,
       CASE WHEN k <= (c.id % :milestones) THEN (c.start_date + k * 7 + (c.id % 5)::int - 2)::timestamp AT TIME ZONE 'UTC' END,
       CASE WHEN k <= (c.id % :milestones) THEN 'done' WHEN k = (c.id % :milestones) + 1 THEN 'in_progress' ELSE 'pending' END,
       CASE WHEN k = 1 THEN '[]'::jsonb
            WHEN k % 5 = 0 AND k > 3 THEN jsonb_build_array(base.top + (c.id - 1) * :milestones + k - 1, base.top + (c.id - 1) * :milestones + k - 3)
            ELSE jsonb_build_array(base.top + (c.id - 1) * :milestones + k - 1) END
FROM base, onboarding_clients AS c, generate_series(1, :milestones) AS k;
SELECT setval(pg_get_serial_sequence('onboarding_milestones', 'id'), (SELECT max(id) FROM onboarding_milestones));

INSERT INTO onboarding_communications (client_id, channel, direction, subject, summary, author, occurred_at)
SELECT c.id, (ARRAY['email','call','meeting','qbr','slack','ticket'])[1 + (c.id + k) % 6], (ARRAY['inbound','outbound'])[1 + (c.id * 3 + k) % 2],
       'Touch ' || k, 'Synthetic note', 'csm' || (c.id % 25) || '@epic16.test',
       now() - ((c.id * 17 + k * 6) % 120) * interval '1 day' - (k % 24) * interval '1 hour'
FROM onboarding_clients AS c, generate_series(1, :comms) AS k;

INSERT INTO cs_health_snapshots (client_id, day, score, band, coverage_percent, breakdown, recorded_at)
SELECT c.id, current_date - d, s.score,
       CASE WHEN s.score >= 75 THEN 'healthy' WHEN s.score >= 50 THEN 'watch' WHEN s.score >= 30 THEN 'at_risk' ELSE 'critical' END,
       100, '[]'::jsonb, now()
FROM onboarding_clients AS c, generate_series(1, :days) AS d, LATERAL (SELECT ((c.id * 7 + d * 2) % 101)::numeric AS score) AS s;
COMMIT;
VACUUM ANALYZE onboarding_clients;
VACUUM ANALYZE onboarding_health_metrics;
VACUUM ANALYZE onboarding_milestones;
VACUUM ANALYZE onboarding_communications;
VACUUM ANALYZE cs_health_snapshots;
