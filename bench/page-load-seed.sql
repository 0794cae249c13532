-- Onboarding inputs for the page-load benchmark (bench/run-page-load-bench.sh), after bench/executive-seed.sql made the clients:
-- `days` days of health inputs and `comms` communications per client, as bench/onboarding-seed.sql writes them (issue 12's
-- sizes at 10k clients: 900k input rows, 200k communications), so the health board, the client page and today's snapshot
-- (recorded by `onboarding snapshot` afterwards) read real-sized data. Usage: psql -v days=90 -v comms=20 -f bench/page-load-seed.sql
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO onboarding_health_metrics (client_id, metric_date, product_usage, support_tickets, nps, engagement, milestone_progress, health_score, risk_level)
SELECT c.id, current_date - d,
       CASE WHEN (c.id + d) % 20 = 0 THEN NULL ELSE (c.id * 7 + d * 3) % 101 END, (c.id + d) % 9,
       CASE WHEN (c.id + d) % 10 = 0 THEN NULL ELSE ((c.id * 13 + d) % 201) - 100 END, (c.id * 11 + d) % 101,
       (c.id + d) % 101, (c.id * 5 + d) % 101, (ARRAY['healthy','watch','at_risk','critical'])[1 + (c.id + d) % 4]
FROM onboarding_clients AS c, generate_series(0, :days - 1) AS d;

INSERT INTO onboarding_communications (client_id, channel, direction, subject, summary, author, occurred_at)
SELECT c.id, (ARRAY['email','call','meeting','qbr','slack','ticket'])[1 + (c.id + k) % 6], (ARRAY['inbound','outbound'])[1 + (c.id * 3 + k) % 2],
       'Touch ' || k, 'Synthetic note', 'csm' || (c.id % 25) || '@epic16.test',
       now() - ((c.id * 17 + k * 6) % 120) * interval '1 day' - (k % 24) * interval '1 hour'
FROM onboarding_clients AS c, generate_series(1, :comms) AS k;
COMMIT;
VACUUM ANALYZE onboarding_health_metrics;
VACUUM ANALYZE onboarding_communications;
