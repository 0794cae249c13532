namespace Epic16.Domain.DemoData;

/// <summary>The words the demo data is made of: fictional companies, people, places and vocabularies of the legacy enums.</summary>
public static class DemoCatalog
{
    /// <summary>"Today" for the demo data, fixed so every run writes the same rows (the plan's date).</summary>
    public static readonly DateTime Anchor = new(2025, 10, 8, 12, 0, 0, DateTimeKind.Utc);

    public static readonly string[] SalesReps = ["sales@epic16.demo", "dana.lee@epic16.demo", "marco.rossi@epic16.demo", "priya.nair@epic16.demo", "sam.okafor@epic16.demo"];
    public static readonly string[] CsmOwners = ["csm@epic16.demo", "lena.schmidt@epic16.demo", "tom.baker@epic16.demo", "aiko.tanaka@epic16.demo"];

    // (display, domain slug): the slug keeps accented names ASCII in web sites and e-mail addresses.
    private static readonly (string Name, string Slug)[] Prefixes =
    [
        ("Allied", "allied"), ("Apex", "apex"), ("Atlas", "atlas"), ("Beacon", "beacon"), ("Blue Harbor", "blueharbor"),
        ("Cardinal", "cardinal"), ("Cascade", "cascade"), ("Centennial", "centennial"), ("Continental", "continental"), ("Crescent", "crescent"),
        ("Evergreen", "evergreen"), ("Frontier", "frontier"), ("Granite", "granite"), ("Great Lakes", "greatlakes"), ("Heartland", "heartland"),
        ("Horizon", "horizon"), ("Ironwood", "ironwood"), ("Keystone", "keystone"), ("Liberty", "liberty"), ("Lumière", "lumiere"),
        ("Meridian", "meridian"), ("Midland", "midland"), ("Northstar", "northstar"), ("Pacific Crest", "pacificcrest"), ("Pinnacle", "pinnacle"),
        ("Prairie", "prairie"), ("Redwood", "redwood"), ("Riverbend", "riverbend"), ("Sterling", "sterling"), ("Summit", "summit"),
        ("Tidewater", "tidewater"), ("Trident", "trident"), ("Union Square", "unionsquare"), ("Vanguard Ridge", "vanguardridge"), ("Westbrook", "westbrook"),
        ("Zenith", "zenith"), ("Kōyō", "koyo"), ("Søndervang", "sondervang"), ("O'Hara & Finch", "oharafinch"), ("Bellweather", "bellweather"),
    ];

    private static readonly (string Name, string Slug, string Industry)[] Nouns =
    [
        ("Financial Group", "financial", "Banking"), ("Bancorp", "bancorp", "Banking"), ("Insurance Holdings", "insurance", "Insurance"),
        ("Mutual", "mutual", "Insurance"), ("Health Systems", "health", "Healthcare"), ("Pharmaceuticals", "pharma", "Pharmaceuticals"),
        ("Energy", "energy", "Energy"), ("Power & Light", "power", "Utilities"), ("Logistics", "logistics", "Transportation"),
        ("Freight Lines", "freight", "Transportation"), ("Motors", "motors", "Automotive"), ("Aerospace", "aero", "Aerospace & Defense"),
        ("Foods", "foods", "Food & Beverage"), ("Brands", "brands", "Consumer Goods"), ("Retail Group", "retail", "Retail"),
        ("Stores", "stores", "Retail"), ("Semiconductor", "semi", "Technology"), ("Systems", "systems", "Technology"),
        ("Communications", "comms", "Telecommunications"), ("Materials", "materials", "Chemicals"), ("Chemical", "chemical", "Chemicals"),
        ("Industries", "industries", "Industrial Manufacturing"), ("Manufacturing", "mfg", "Industrial Manufacturing"), ("Steel", "steel", "Metals & Mining"),
        ("Resources", "resources", "Metals & Mining"), ("Media", "media", "Media & Entertainment"), ("Hospitality", "hospitality", "Hospitality"),
        ("Realty Trust", "realty", "Real Estate"), ("Capital", "capital", "Financial Services"), ("Medical Devices", "medtech", "Healthcare"),
    ];

    public static readonly string[] RegulatedIndustries = ["Banking", "Insurance", "Healthcare", "Pharmaceuticals", "Utilities", "Financial Services"];

    public static readonly string[] Cities =
    [
        "New York, NY", "Chicago, IL", "Dallas, TX", "Houston, TX", "Atlanta, GA", "Charlotte, NC", "San Jose, CA", "Seattle, WA", "Minneapolis, MN",
        "Columbus, OH", "Detroit, MI", "Boston, MA", "Denver, CO", "Phoenix, AZ", "St. Louis, MO", "Pittsburgh, PA", "Omaha, NE", "Richmond, VA",
        "Montréal, QC", "Zürich, Switzerland", "東京, Japan", "São Paulo, Brazil",
    ];

    public static readonly string[] TechStack =
    [
        "AWS", "Azure", "Google Cloud", "Snowflake", "Databricks", "Salesforce", "SAP", "Oracle", "Workday", "ServiceNow", "Kubernetes",
        "Kafka", "PostgreSQL", "SQL Server", "Tableau", "Power BI", "HubSpot", "Marketo", "Okta", "Terraform", "Splunk", "Datadog",
    ];

    public static readonly string[] PainAreas =
    [
        "data silos", "pipeline visibility", "forecast accuracy", "compliance reporting", "onboarding time", "legacy ERP", "cloud cost",
        "security reviews", "manual reconciliation", "customer churn", "vendor sprawl", "slow procurement",
    ];

    public static readonly (string First, string Email)[] FirstNames =
    [
        ("Ana", "ana"), ("Dana", "dana"), ("Michael", "michael"), ("Priya", "priya"), ("James", "james"), ("Olivia", "olivia"), ("Wei", "wei"),
        ("Fatima", "fatima"), ("Carlos", "carlos"), ("Renée", "renee"), ("Björn", "bjorn"), ("Zoë", "zoe"), ("Kenji", "kenji"), ("Grace", "grace"),
        ("Ibrahim", "ibrahim"), ("Sofia", "sofia"), ("David", "david"), ("Amara", "amara"), ("Lucas", "lucas"), ("Hannah", "hannah"),
    ];

    public static readonly (string Last, string Email)[] LastNames =
    [
        ("Ruiz", "ruiz"), ("Lee", "lee"), ("O'Brien", "obrien"), ("Müller", "mueller"), ("Chen", "chen"), ("Patel", "patel"), ("Johnson", "johnson"),
        ("García", "garcia"), ("Nakamura", "nakamura"), ("Okafor", "okafor"), ("Schmidt", "schmidt"), ("Kowalski", "kowalski"), ("Dubois", "dubois"),
        ("Williams", "williams"), ("Haddad", "haddad"), ("Novak", "novak"), ("Anderson", "anderson"), ("Rossi", "rossi"),
    ];

    /// <summary>Whole names written in their own script, with the ASCII e-mail local part their owners use.</summary>
    public static readonly (string Name, string Email)[] ScriptNames =
    [
        ("王伟", "wang.wei"), ("佐藤 花子", "hanako.sato"), ("김민준", "minjun.kim"), ("Siobhán Ní Bhriain", "siobhan.nibhriain"),
    ];

    public static readonly string[] Titles =
    [
        "Chief Information Officer", "Chief Financial Officer", "Chief Revenue Officer", "VP Engineering", "VP Sales Operations",
        "Director of IT", "Head of Procurement", "Chief Data Officer", "VP Customer Success", "Enterprise Architect", "CISO",
    ];

    public static readonly string[] DecisionRoles = ["economic_buyer", "champion", "technical_buyer", "influencer", "blocker", "user"];

    public static readonly string[] ProspectStatuses = ["identified", "researching", "engaged", "qualified", "proposal", "negotiation", "converted", "lost"];

    public static readonly string[] AssetTypes =
        ["whitepaper", "case_study", "roi_calculator", "webinar", "email_template", "one_pager", "video", "executive_brief", "demo", "benchmark_report"];

    public static readonly string[] Personas = ["CIO", "CFO", "CRO", "VP Engineering", "CISO", "Head of Procurement"];
    public static readonly string[] FunnelStages = ["awareness", "consideration", "decision"];
    public static readonly string[] CampaignTiers = ["one_to_one", "one_to_few", "one_to_many"];
    public static readonly string[] CampaignStatuses = ["planned", "active", "paused", "completed"];
    public static readonly string[] TouchpointChannels = ["email", "linkedin", "direct_mail", "event", "ad", "call", "webinar"];
    public static readonly string[] SequenceChannels = ["email", "linkedin", "call", "meeting", "direct_mail", "event"];
    public static readonly string[] CommunicationChannels = ["email", "call", "meeting", "qbr", "slack", "ticket"];

    /// <summary>Text a migration must carry unchanged: accents, CJK, emoji, quotes and markup characters.</summary>
    public static readonly string[] TrickyNotes =
    [
        "CFO said: \"we need this before Q4\" — follow up with the <b>ROI</b> deck & pricing.",
        "Met at re:Invent; champion prefers Slack over e-mail 👍",
        "決裁者は東京本社。稟議は四半期ごと。",
        "Procurement asked for the SOC 2 report & DPA <i>before</i> the pilot; it's O'Hara's call.",
        "Señora Núñez: «très intéressée» — revisit in spring 🌱",
    ];

    /// <summary>
    /// A unique company for index <paramref name="index"/>: the prefix × noun pairs are visited in a scrambled
    /// order (a stride coprime with their count), and past the last pair a numeric suffix keeps names unique.
    /// </summary>
    public static DemoCompany Company(int index)
    {
        var pairs = Prefixes.Length * Nouns.Length;
        var cycle = index / pairs;
        var slot = (int)((long)(index % pairs) * 373 % pairs);
        var prefix = Prefixes[slot % Prefixes.Length];
        var noun = Nouns[slot / Prefixes.Length];
        var suffix = cycle == 0 ? "" : $" {cycle + 1}";
        var slug = $"{prefix.Slug}{noun.Slug}{(cycle == 0 ? "" : (cycle + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))}";
        return new DemoCompany($"{prefix.Name} {noun.Name}{suffix}", $"{slug}.example", noun.Industry);
    }

    public static T Pick<T>(this Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];
}
