-- Synthetic prospects for the pipeline query benchmark (bench/run-acquisition-bench.sh).
-- Usage: psql -v count=100000 -f bench/acquisition-seed.sql  (on a database built from database/epic16_schema.sql)
-- Rows look like seed-demo's: mixed-case names, 8 stages, 12 owners, 14 industries, some empty scores and ARR,
-- stages independent of owners, a three-member buying committee as jsonb so the rows are as wide as real ones.
\set ON_ERROR_STOP on
BEGIN;
INSERT INTO f500_prospects (company_name, fortune_rank, industry, headquarters, annual_revenue_usd, employee_count, website,
                            status, lead_score, estimated_arr_usd, decision_makers, tech_stack, pain_points, owner, notes,
                            created_at, updated_at)
SELECT (ARRAY['Acme','beta','Gamma','Delta','Épsilon','Zeta','eta','Theta','Iota','Kappa','lambda','Mu'])[1 + g % 12]
         || ' ' || (ARRAY['Holdings','Industries','Bank','Air','Energy','Retail','Systems','Group'])[1 + (g / 12) % 8]
         || ' ' || g,
       CASE WHEN g % 17 = 0 THEN NULL ELSE 1 + g % 500 END,
       (ARRAY['Banking','Retail','Energy','Healthcare','Insurance','Technology','Telecommunications','Utilities',
              'Automotive','Airlines','Pharmaceuticals','Consumer Goods','Transportation','Industrial Manufacturing'])[1 + (g / 7) % 14],
       'City ' || g % 90,
       round((1e9 + (g * 7919) % 9e10)::numeric, 2),
       1000 + (g * 31) % 400000,
       'https://example' || g || '.test',
       (ARRAY['identified','researching','engaged','qualified','proposal','negotiation','converted','lost'])[1 + (g * 13 + g / 12) % 8],
       CASE WHEN g % 11 = 0 THEN NULL ELSE round(((g * 37) % 10001) / 100.0, 2) END,
       CASE WHEN g % 13 = 0 THEN NULL ELSE round((50000 + (g * 7907) % 2450000)::numeric + (g % 100) / 100.0, 2) END,
       jsonb_build_array(
         jsonb_build_object('name', 'Ana ' || g, 'title', 'CFO', 'email', 'ana' || g || '@example.test', 'role', 'economic_buyer', 'influence', 5),
         jsonb_build_object('name', 'Bo ' || g, 'title', 'VP IT', 'email', 'bo' || g || '@example.test', 'role', 'champion', 'influence', 4),
         jsonb_build_object('name', 'Cy ' || g, 'title', 'Architect', 'role', 'technical_buyer', 'influence', 3)),
       '["AWS","Salesforce","SAP"]'::jsonb,
       '[{"description":"Manual reporting","severity":4}]'::jsonb,
       'rep' || (g % 12) || '@epic16.test',
       CASE WHEN g % 5 = 0 THEN 'Met at a conference; follow up in spring.' END,
       timestamptz '2025-01-01' + (g % 600) * interval '1 day',
       CASE WHEN g % 3 = 0 THEN NULL ELSE timestamptz '2026-01-01' + (g % 50000) * interval '1 minute' END
FROM generate_series(1, :count) AS g;
COMMIT;
VACUUM ANALYZE f500_prospects;
