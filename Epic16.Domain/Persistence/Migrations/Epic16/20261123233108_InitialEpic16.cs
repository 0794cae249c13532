using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Epic16.Domain.Persistence.Migrations.Epic16
{
    /// <inheritdoc />
    public partial class InitialEpic16 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "abm_campaigns",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false),
                    tier = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    target_accounts = table.Column<string>(type: "jsonb", nullable: true),
                    channels = table.Column<string>(type: "jsonb", nullable: true),
                    budget_usd = table.Column<decimal>(type: "numeric(14,2)", nullable: true),
                    start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    owner = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamptz", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamptz", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_abm_campaigns", x => x.id);
                    table.CheckConstraint("ck_abm_campaigns_status", "status IN ('planned', 'active', 'paused', 'completed')");
                    table.CheckConstraint("ck_abm_campaigns_tier", "tier IN ('one_to_one', 'one_to_few', 'one_to_many')");
                });

            migrationBuilder.CreateTable(
                name: "abm_content_assets",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "text", nullable: false),
                    asset_type = table.Column<string>(type: "text", nullable: false),
                    persona = table.Column<string>(type: "text", nullable: true),
                    funnel_stage = table.Column<string>(type: "text", nullable: true),
                    url = table.Column<string>(type: "text", nullable: true),
                    metadata = table.Column<string>(type: "jsonb", nullable: true),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_abm_content_assets", x => x.id);
                    table.CheckConstraint("ck_abm_content_assets_asset_type", "asset_type IN ('whitepaper', 'case_study', 'roi_calculator', 'webinar', 'email_template', 'one_pager', 'video', 'executive_brief', 'demo', 'benchmark_report')");
                    table.CheckConstraint("ck_abm_content_assets_funnel_stage", "funnel_stage IS NULL OR funnel_stage IN ('awareness', 'consideration', 'decision')");
                });

            migrationBuilder.CreateTable(
                name: "f500_prospects",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    company_name = table.Column<string>(type: "text", nullable: false),
                    fortune_rank = table.Column<int>(type: "integer", nullable: true),
                    industry = table.Column<string>(type: "text", nullable: true),
                    headquarters = table.Column<string>(type: "text", nullable: true),
                    annual_revenue_usd = table.Column<decimal>(type: "numeric(14,2)", nullable: true),
                    employee_count = table.Column<long>(type: "bigint", nullable: true),
                    website = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    lead_score = table.Column<decimal>(type: "numeric(6,2)", nullable: true),
                    estimated_arr_usd = table.Column<decimal>(type: "numeric(14,2)", nullable: true),
                    decision_makers = table.Column<string>(type: "jsonb", nullable: true),
                    tech_stack = table.Column<string>(type: "jsonb", nullable: true),
                    pain_points = table.Column<string>(type: "jsonb", nullable: true),
                    owner = table.Column<string>(type: "text", nullable: true),
                    notes = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamptz", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamptz", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_f500_prospects", x => x.id);
                    table.CheckConstraint("ck_f500_prospects_fortune_rank", "fortune_rank IS NULL OR fortune_rank BETWEEN 1 AND 500");
                    table.CheckConstraint("ck_f500_prospects_lead_score", "lead_score IS NULL OR lead_score BETWEEN 0 AND 100");
                    table.CheckConstraint("ck_f500_prospects_status", "status IN ('identified', 'researching', 'engaged', 'qualified', 'proposal', 'negotiation', 'converted', 'lost')");
                });

            migrationBuilder.CreateTable(
                name: "onboarding_success_templates",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    name = table.Column<string>(type: "text", nullable: false),
                    segment = table.Column<string>(type: "text", nullable: true),
                    description = table.Column<string>(type: "text", nullable: true),
                    milestones = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_onboarding_success_templates", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "abm_performance",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    campaign_id = table.Column<long>(type: "bigint", nullable: false),
                    metric_date = table.Column<DateOnly>(type: "date", nullable: false),
                    impressions = table.Column<int>(type: "integer", nullable: true),
                    clicks = table.Column<int>(type: "integer", nullable: true),
                    engagements = table.Column<int>(type: "integer", nullable: true),
                    meetings_booked = table.Column<int>(type: "integer", nullable: true),
                    pipeline_influenced_usd = table.Column<decimal>(type: "numeric(14,2)", nullable: true),
                    cost_usd = table.Column<decimal>(type: "numeric(14,2)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_abm_performance", x => x.id);
                    table.ForeignKey(
                        name: "fk_abm_performance_abm_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "abm_campaigns",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "abm_touchpoints",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    campaign_id = table.Column<long>(type: "bigint", nullable: false),
                    prospect_id = table.Column<long>(type: "bigint", nullable: false),
                    asset_id = table.Column<long>(type: "bigint", nullable: true),
                    channel = table.Column<string>(type: "text", nullable: false),
                    scheduled_at = table.Column<DateTime>(type: "timestamptz", nullable: true),
                    executed_at = table.Column<DateTime>(type: "timestamptz", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    engagement_score = table.Column<decimal>(type: "numeric(6,2)", nullable: true),
                    notes = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_abm_touchpoints", x => x.id);
                    table.CheckConstraint("ck_abm_touchpoints_channel", "channel IN ('email', 'linkedin', 'direct_mail', 'event', 'ad', 'call', 'webinar')");
                    table.CheckConstraint("ck_abm_touchpoints_engagement_score", "engagement_score IS NULL OR engagement_score BETWEEN 0 AND 100");
                    table.CheckConstraint("ck_abm_touchpoints_status", "status IN ('scheduled', 'sent', 'opened', 'clicked', 'replied', 'meeting', 'failed', 'cancelled')");
                    table.ForeignKey(
                        name: "fk_abm_touchpoints_abm_campaigns_campaign_id",
                        column: x => x.campaign_id,
                        principalTable: "abm_campaigns",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_abm_touchpoints_abm_content_assets_asset_id",
                        column: x => x.asset_id,
                        principalTable: "abm_content_assets",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_abm_touchpoints_f500_prospects_prospect_id",
                        column: x => x.prospect_id,
                        principalTable: "f500_prospects",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "f500_business_cases",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    prospect_id = table.Column<long>(type: "bigint", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    investment_usd = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    annual_benefit_usd = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    horizon_years = table.Column<int>(type: "integer", nullable: true),
                    discount_rate = table.Column<decimal>(type: "numeric(6,4)", nullable: true),
                    roi_percent = table.Column<decimal>(type: "numeric(14,2)", nullable: true),
                    payback_months = table.Column<decimal>(type: "numeric(14,2)", nullable: true),
                    npv_usd = table.Column<decimal>(type: "numeric(14,2)", nullable: true),
                    assumptions = table.Column<string>(type: "jsonb", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamptz", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamptz", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_f500_business_cases", x => x.id);
                    table.CheckConstraint("ck_f500_business_cases_discount_rate", "discount_rate IS NULL OR discount_rate BETWEEN 0 AND 1");
                    table.CheckConstraint("ck_f500_business_cases_horizon_years", "horizon_years IS NULL OR horizon_years BETWEEN 1 AND 30");
                    table.CheckConstraint("ck_f500_business_cases_status", "status IN ('draft', 'presented', 'accepted', 'rejected')");
                    table.ForeignKey(
                        name: "fk_f500_business_cases_f500_prospects_prospect_id",
                        column: x => x.prospect_id,
                        principalTable: "f500_prospects",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "f500_crm_conversions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    prospect_id = table.Column<long>(type: "bigint", nullable: false),
                    decision_maker_email = table.Column<string>(type: "text", nullable: false),
                    crm_contact_id = table.Column<long>(type: "bigint", nullable: false),
                    converted_by = table.Column<string>(type: "text", nullable: true),
                    converted_at = table.Column<DateTime>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_f500_crm_conversions", x => x.id);
                    table.ForeignKey(
                        name: "fk_f500_crm_conversions_f500_prospects_prospect_id",
                        column: x => x.prospect_id,
                        principalTable: "f500_prospects",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "f500_lead_scoring",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    prospect_id = table.Column<long>(type: "bigint", nullable: false),
                    score = table.Column<decimal>(type: "numeric(6,2)", nullable: false),
                    fit_score = table.Column<decimal>(type: "numeric(6,2)", nullable: true),
                    intent_score = table.Column<decimal>(type: "numeric(6,2)", nullable: true),
                    engagement_score = table.Column<decimal>(type: "numeric(6,2)", nullable: true),
                    factors = table.Column<string>(type: "jsonb", nullable: true),
                    model_version = table.Column<string>(type: "text", nullable: true),
                    scored_at = table.Column<DateTime>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_f500_lead_scoring", x => x.id);
                    table.CheckConstraint("ck_f500_lead_scoring_engagement_score", "engagement_score IS NULL OR engagement_score BETWEEN 0 AND 100");
                    table.CheckConstraint("ck_f500_lead_scoring_fit_score", "fit_score IS NULL OR fit_score BETWEEN 0 AND 100");
                    table.CheckConstraint("ck_f500_lead_scoring_intent_score", "intent_score IS NULL OR intent_score BETWEEN 0 AND 100");
                    table.CheckConstraint("ck_f500_lead_scoring_score", "score BETWEEN 0 AND 100");
                    table.ForeignKey(
                        name: "fk_f500_lead_scoring_f500_prospects_prospect_id",
                        column: x => x.prospect_id,
                        principalTable: "f500_prospects",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "f500_sales_sequences",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    prospect_id = table.Column<long>(type: "bigint", nullable: false),
                    sequence_name = table.Column<string>(type: "text", nullable: false),
                    step_number = table.Column<int>(type: "integer", nullable: false),
                    channel = table.Column<string>(type: "text", nullable: false),
                    subject = table.Column<string>(type: "text", nullable: true),
                    scheduled_at = table.Column<DateTime>(type: "timestamptz", nullable: true),
                    sent_at = table.Column<DateTime>(type: "timestamptz", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    response = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_f500_sales_sequences", x => x.id);
                    table.CheckConstraint("ck_f500_sales_sequences_channel", "channel IN ('email', 'linkedin', 'call', 'meeting', 'direct_mail', 'event')");
                    table.CheckConstraint("ck_f500_sales_sequences_status", "status IN ('scheduled', 'sent', 'replied', 'bounced', 'skipped')");
                    table.ForeignKey(
                        name: "fk_f500_sales_sequences_f500_prospects_prospect_id",
                        column: x => x.prospect_id,
                        principalTable: "f500_prospects",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "onboarding_clients",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    company_name = table.Column<string>(type: "text", nullable: false),
                    prospect_id = table.Column<long>(type: "bigint", nullable: true),
                    template_id = table.Column<long>(type: "bigint", nullable: true),
                    contract_value_usd = table.Column<decimal>(type: "numeric(14,2)", nullable: true),
                    start_date = table.Column<DateOnly>(type: "date", nullable: true),
                    go_live_target = table.Column<DateOnly>(type: "date", nullable: true),
                    csm_owner = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamptz", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamptz", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_onboarding_clients", x => x.id);
                    table.CheckConstraint("ck_onboarding_clients_status", "status IN ('kickoff', 'implementation', 'adoption', 'live', 'at_risk', 'churned')");
                    table.ForeignKey(
                        name: "fk_onboarding_clients_f500_prospects_prospect_id",
                        column: x => x.prospect_id,
                        principalTable: "f500_prospects",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_onboarding_clients_onboarding_success_templates_template_id",
                        column: x => x.template_id,
                        principalTable: "onboarding_success_templates",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "f500_roi_tracking",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    prospect_id = table.Column<long>(type: "bigint", nullable: false),
                    business_case_id = table.Column<long>(type: "bigint", nullable: true),
                    period = table.Column<string>(type: "text", nullable: false),
                    invested_usd = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    realized_value_usd = table.Column<decimal>(type: "numeric(14,2)", nullable: false),
                    notes = table.Column<string>(type: "text", nullable: true),
                    recorded_at = table.Column<DateTime>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_f500_roi_tracking", x => x.id);
                    table.CheckConstraint("ck_f500_roi_tracking_period", "period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'");
                    table.ForeignKey(
                        name: "fk_f500_roi_tracking_f500_business_cases_business_case_id",
                        column: x => x.business_case_id,
                        principalTable: "f500_business_cases",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_f500_roi_tracking_f500_prospects_prospect_id",
                        column: x => x.prospect_id,
                        principalTable: "f500_prospects",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "onboarding_communications",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    client_id = table.Column<long>(type: "bigint", nullable: false),
                    channel = table.Column<string>(type: "text", nullable: false),
                    direction = table.Column<string>(type: "text", nullable: false),
                    subject = table.Column<string>(type: "text", nullable: true),
                    summary = table.Column<string>(type: "text", nullable: true),
                    author = table.Column<string>(type: "text", nullable: true),
                    occurred_at = table.Column<DateTime>(type: "timestamptz", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_onboarding_communications", x => x.id);
                    table.CheckConstraint("ck_onboarding_communications_channel", "channel IN ('email', 'call', 'meeting', 'qbr', 'slack', 'ticket')");
                    table.CheckConstraint("ck_onboarding_communications_direction", "direction IN ('inbound', 'outbound')");
                    table.ForeignKey(
                        name: "fk_onboarding_communications_onboarding_clients_client_id",
                        column: x => x.client_id,
                        principalTable: "onboarding_clients",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "onboarding_health_metrics",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    client_id = table.Column<long>(type: "bigint", nullable: false),
                    metric_date = table.Column<DateOnly>(type: "date", nullable: false),
                    product_usage = table.Column<decimal>(type: "numeric(6,2)", nullable: true),
                    support_tickets = table.Column<int>(type: "integer", nullable: true),
                    nps = table.Column<int>(type: "integer", nullable: true),
                    engagement = table.Column<decimal>(type: "numeric(6,2)", nullable: true),
                    milestone_progress = table.Column<decimal>(type: "numeric(6,2)", nullable: true),
                    health_score = table.Column<decimal>(type: "numeric(6,2)", nullable: true),
                    risk_level = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_onboarding_health_metrics", x => x.id);
                    table.CheckConstraint("ck_onboarding_health_metrics_engagement", "engagement IS NULL OR engagement BETWEEN 0 AND 100");
                    table.CheckConstraint("ck_onboarding_health_metrics_health_score", "health_score IS NULL OR health_score BETWEEN 0 AND 100");
                    table.CheckConstraint("ck_onboarding_health_metrics_milestone_progress", "milestone_progress IS NULL OR milestone_progress BETWEEN 0 AND 100");
                    table.CheckConstraint("ck_onboarding_health_metrics_nps", "nps IS NULL OR nps BETWEEN -100 AND 100");
                    table.CheckConstraint("ck_onboarding_health_metrics_product_usage", "product_usage IS NULL OR product_usage BETWEEN 0 AND 100");
                    table.CheckConstraint("ck_onboarding_health_metrics_risk_level", "risk_level IS NULL OR risk_level IN ('healthy', 'watch', 'at_risk', 'critical')");
                    table.CheckConstraint("ck_onboarding_health_metrics_support_tickets", "support_tickets IS NULL OR support_tickets BETWEEN 0 AND 1000000");
                    table.ForeignKey(
                        name: "fk_onboarding_health_metrics_onboarding_clients_client_id",
                        column: x => x.client_id,
                        principalTable: "onboarding_clients",
                        principalColumn: "id");
                });

            migrationBuilder.CreateTable(
                name: "onboarding_milestones",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    client_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    sort_order = table.Column<int>(type: "integer", nullable: true),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    completed_at = table.Column<DateTime>(type: "timestamptz", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    depends_on = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_onboarding_milestones", x => x.id);
                    table.CheckConstraint("ck_onboarding_milestones_status", "status IN ('pending', 'in_progress', 'done', 'blocked')");
                    table.ForeignKey(
                        name: "fk_onboarding_milestones_onboarding_clients_client_id",
                        column: x => x.client_id,
                        principalTable: "onboarding_clients",
                        principalColumn: "id");
                });

            migrationBuilder.CreateIndex(
                name: "ix_abm_campaigns_status",
                table: "abm_campaigns",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_abm_content_assets_asset_type",
                table: "abm_content_assets",
                column: "asset_type");

            migrationBuilder.CreateIndex(
                name: "ux_abm_performance_campaign_day",
                table: "abm_performance",
                columns: new[] { "campaign_id", "metric_date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_abm_touchpoints_asset_id",
                table: "abm_touchpoints",
                column: "asset_id");

            migrationBuilder.CreateIndex(
                name: "ix_abm_touchpoints_campaign_scheduled",
                table: "abm_touchpoints",
                columns: new[] { "campaign_id", "scheduled_at" });

            migrationBuilder.CreateIndex(
                name: "ix_abm_touchpoints_prospect_id_executed_at",
                table: "abm_touchpoints",
                columns: new[] { "prospect_id", "executed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_f500_business_cases_prospect_id_status",
                table: "f500_business_cases",
                columns: new[] { "prospect_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ux_f500_crm_conversions_prospect_email",
                table: "f500_crm_conversions",
                columns: new[] { "prospect_id", "decision_maker_email" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_f500_lead_scoring_prospect_scored",
                table: "f500_lead_scoring",
                columns: new[] { "prospect_id", "scored_at" });

            migrationBuilder.CreateIndex(
                name: "ix_f500_prospects_industry",
                table: "f500_prospects",
                column: "industry");

            migrationBuilder.CreateIndex(
                name: "ix_f500_prospects_owner",
                table: "f500_prospects",
                column: "owner");

            migrationBuilder.CreateIndex(
                name: "ix_f500_prospects_status_lead_score",
                table: "f500_prospects",
                columns: new[] { "status", "lead_score" });

            migrationBuilder.CreateIndex(
                name: "ux_f500_prospects_company_name",
                table: "f500_prospects",
                column: "company_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_f500_roi_tracking_business_case_id",
                table: "f500_roi_tracking",
                column: "business_case_id");

            migrationBuilder.CreateIndex(
                name: "ix_f500_roi_tracking_prospect_id_period",
                table: "f500_roi_tracking",
                columns: new[] { "prospect_id", "period" });

            migrationBuilder.CreateIndex(
                name: "ix_f500_sales_sequences_prospect_step",
                table: "f500_sales_sequences",
                columns: new[] { "prospect_id", "sequence_name", "step_number" });

            migrationBuilder.CreateIndex(
                name: "ix_f500_sales_sequences_status_scheduled_at",
                table: "f500_sales_sequences",
                columns: new[] { "status", "scheduled_at" });

            migrationBuilder.CreateIndex(
                name: "ix_onboarding_clients_prospect_id",
                table: "onboarding_clients",
                column: "prospect_id");

            migrationBuilder.CreateIndex(
                name: "ix_onboarding_clients_status_csm_owner",
                table: "onboarding_clients",
                columns: new[] { "status", "csm_owner" });

            migrationBuilder.CreateIndex(
                name: "ix_onboarding_clients_template_id",
                table: "onboarding_clients",
                column: "template_id");

            migrationBuilder.CreateIndex(
                name: "ix_onboarding_communications_client_occurred",
                table: "onboarding_communications",
                columns: new[] { "client_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ux_onboarding_health_metrics_client_day",
                table: "onboarding_health_metrics",
                columns: new[] { "client_id", "metric_date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_onboarding_milestones_client_order",
                table: "onboarding_milestones",
                columns: new[] { "client_id", "sort_order" });

            migrationBuilder.CreateIndex(
                name: "ix_onboarding_success_templates_name",
                table: "onboarding_success_templates",
                column: "name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "abm_performance");

            migrationBuilder.DropTable(
                name: "abm_touchpoints");

            migrationBuilder.DropTable(
                name: "f500_crm_conversions");

            migrationBuilder.DropTable(
                name: "f500_lead_scoring");

            migrationBuilder.DropTable(
                name: "f500_roi_tracking");

            migrationBuilder.DropTable(
                name: "f500_sales_sequences");

            migrationBuilder.DropTable(
                name: "onboarding_communications");

            migrationBuilder.DropTable(
                name: "onboarding_health_metrics");

            migrationBuilder.DropTable(
                name: "onboarding_milestones");

            migrationBuilder.DropTable(
                name: "abm_campaigns");

            migrationBuilder.DropTable(
                name: "abm_content_assets");

            migrationBuilder.DropTable(
                name: "f500_business_cases");

            migrationBuilder.DropTable(
                name: "onboarding_clients");

            migrationBuilder.DropTable(
                name: "f500_prospects");

            migrationBuilder.DropTable(
                name: "onboarding_success_templates");
        }
    }
}
