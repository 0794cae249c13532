-- Synthetic executive data (bench/run-executive-bench.sh), after bench/acquisition-seed.sql and bench/abm-seed.sql.
-- Usage: psql -v prospects=100000 -v clients=10000 -v days=90 -f bench/executive-seed.sql
-- One business case per 20 prospects, 12 ROI months for one prospect in 50, `clients` onboarding clients (a third live,
-- a twentieth churned, the rest open) each with a six-step plan whose go-live step depends on the one before, and `days`
-- daily health snapshots per client (cs_health_snapshots, scores drifting per client so every band occurs).
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO f500_business_cases (prospect_id, title, investment_usd, annual_benefit_usd, horizon_years, discount_rate, roi_percent,
                                 payback_months, npv_usd, status, created_at)
SELECT p, 'Case ' || p, 50000 + (p * 31) % 400000, 80000 + (p * 53) % 900000, 3, 0.08, round(((p * 7) % 3000) / 10.0, 2),
       (p % 48) + 1, round((-200000 + (p * 7919) % 5000000)::numeric, 2),
       (ARRAY['draft','presented','accepted','rejected'])[1 + p % 4], timestamptz '2025-01-01' + (p % 600) * interval '1 day'
FROM generate_series(20, :prospects, 20) AS p;

INSERT INTO f500_roi_tracking (prospect_id, period, invested_usd, realized_value_usd, recorded_at)
SELECT p, to_char(date '2025-01-01' + m * interval '1 month', 'YYYY-MM'), 1000 + (p + m) % 9000, ((p * m) % 15000),
       timestamptz '2025-02-01' + m * interval '1 month'
FROM generate_series(50, :prospects, 50) AS p, generate_series(0, 11) AS m;

INSERT INTO onboarding_clients (company_name, prospect_id, contract_value_usd, start_date, go_live_target, csm_owner, status, created_at)
SELECT 'Client ' || c, CASE WHEN c % 3 = 0 THEN 1 + (c * 7) % :prospects END, 120000 + (c * 7919) % 2400000,
       current_date - (20 + c % 400), current_date - (20 + c % 400) + 60, 'csm' || (c % 8) || '@epic16.test',
       CASE WHEN c % 20 = 0 THEN 'churned' WHEN c % 3 = 0 THEN 'live' ELSE (ARRAY['kickoff','implementation','adoption','at_risk'])[1 + c % 4] END,
       timestamptz '2024-06-01' + (c % 400) * interval '1 day'
FROM generate_series(1, :clients) AS c;

-- Six milestones per client every 12 days from the start; live clients finished theirs, open ones the first few.
INSERT INTO onboarding_milestones (client_id, name, sort_order, due_date, completed_at, status, depends_on)
SELECT c.id, (ARRAY['Kickoff','SSO','Data import','Training','Go-live','Adoption check'])[k + 1], k * 10, c.start_date + k * 12,
       CASE WHEN c.status = 'live' OR k < (c.id % 4) THEN (c.start_date + k * 12 + (c.id % 9)::int - 3)::timestamptz + interval '16 hours' END,
       CASE WHEN c.status = 'live' OR k < (c.id % 4) THEN 'done' WHEN k = (c.id % 4) THEN 'in_progress' ELSE 'pending' END,
       '[]'::jsonb
FROM onboarding_clients c, generate_series(0, 5) AS k
ORDER BY c.id, k;
UPDATE onboarding_milestones m SET depends_on = jsonb_build_array(m.id - 1) WHERE m.sort_order > 0;

INSERT INTO cs_health_snapshots (client_id, day, score, band, coverage_percent, breakdown, recorded_at)
SELECT c.id, current_date - d, s, CASE WHEN s >= 75 THEN 'healthy' WHEN s >= 50 THEN 'watch' WHEN s >= 30 THEN 'at_risk' ELSE 'critical' END,
       100, '[]'::jsonb, (current_date - d)::timestamptz + interval '6 hours'
FROM onboarding_clients c, generate_series(0, :days - 1) AS d,
     LATERAL (SELECT round(least(99, greatest(5, 20 + (c.id * 37) % 75 + ((c.id % 7) - 3) * d / 10.0))::numeric, 2) AS s) AS score;
COMMIT;
VACUUM ANALYZE f500_business_cases;
VACUUM ANALYZE f500_roi_tracking;
VACUUM ANALYZE onboarding_clients;
VACUUM ANALYZE onboarding_milestones;
VACUUM ANALYZE cs_health_snapshots;
