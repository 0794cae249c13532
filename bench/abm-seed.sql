-- Synthetic ABM data for the ABM benchmark (bench/run-abm-bench.sh), after bench/acquisition-seed.sql made the prospects.
-- Usage: psql -v prospects=100000 -v campaigns=2000 -v targets=50 -v touches=500 -f bench/abm-seed.sql
-- (touches = touchpoints per campaign: 2,000 × 500 = 1,000,000). Every status, channel and tier; a quarter of the touches
-- without an asset; each campaign's touches spread over its targets and 90 days; 30 days of daily metrics per campaign.
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO abm_content_assets (title, asset_type, persona, funnel_stage, url, metadata, is_active, created_at)
SELECT 'Asset ' || g,
       (ARRAY['whitepaper','case_study','roi_calculator','webinar','email_template','one_pager','video','executive_brief','demo','benchmark_report'])[1 + g % 10],
       (ARRAY['CIO','CFO','VP Engineering','CISO'])[1 + g % 4], (ARRAY['awareness','consideration','decision'])[1 + g % 3],
       'https://content.example.test/' || g, jsonb_build_object('gated', g % 2 = 0, 'pages', g % 40), g % 9 <> 0, timestamptz '2025-01-01'
FROM generate_series(1, 120) AS g;

INSERT INTO abm_campaigns (name, tier, status, target_accounts, channels, budget_usd, start_date, end_date, owner, created_at)
SELECT 'Campaign wave ' || c, (ARRAY['one_to_one','one_to_few','one_to_many'])[1 + c % 3], (ARRAY['planned','active','paused','completed'])[1 + c % 4],
       (SELECT jsonb_agg(1 + ((c::bigint * 7919 + i * 104729) % :prospects)) FROM generate_series(0, :targets - 1) AS i),
       '["email","linkedin","call"]'::jsonb, 20000 + (c % 50) * 1000, date '2026-01-01' + c % 200, date '2026-01-01' + c % 200 + 90,
       'rep' || (c % 12) || '@epic16.test', timestamptz '2025-06-01' + c * interval '1 hour'
FROM generate_series(1, :campaigns) AS c;

INSERT INTO abm_touchpoints (campaign_id, prospect_id, asset_id, channel, scheduled_at, executed_at, status, engagement_score)
SELECT c, 1 + ((c::bigint * 7919 + (k % :targets) * 104729) % :prospects), CASE WHEN k % 4 = 0 THEN NULL ELSE 1 + (c + k) % 120 END,
       (ARRAY['email','linkedin','direct_mail','event','ad','call','webinar'])[1 + k % 7],
       timestamptz '2026-01-01 09:00+00' + (c % 200 + k % 90) * interval '1 day',
       CASE WHEN (c + k) % 8 IN (0, 7) THEN NULL ELSE timestamptz '2026-01-01 10:00+00' + (c % 200 + k % 90) * interval '1 day' END,
       (ARRAY['scheduled','sent','opened','clicked','replied','meeting','failed','cancelled'])[1 + (c + k) % 8],
       CASE WHEN (c + k) % 8 BETWEEN 1 AND 5 THEN ((c + k) % 8) * 15 END
FROM generate_series(1, :campaigns) AS c, generate_series(0, :touches - 1) AS k;

INSERT INTO abm_performance (campaign_id, metric_date, impressions, clicks, engagements, meetings_booked, pipeline_influenced_usd, cost_usd)
SELECT c, date '2026-01-01' + c % 200 + d, 1000 + (c * d) % 9000, 10 + (c + d) % 90, 5 + (c + d) % 30, (c + d) % 13 / 12, 0, 250 + (c % 7) * 10
FROM generate_series(1, :campaigns) AS c, generate_series(0, 29) AS d;
COMMIT;
VACUUM ANALYZE abm_campaigns;
VACUUM ANALYZE abm_content_assets;
VACUUM ANALYZE abm_touchpoints;
VACUUM ANALYZE abm_performance;
