namespace Epic16.Domain.DemoData;

/// <summary>A fictional company: unique name, its own domain (for web site and e-mails) and industry.</summary>
public sealed record DemoCompany(string Name, string Domain, string Industry);
