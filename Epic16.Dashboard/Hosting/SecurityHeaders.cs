using System.Security.Cryptography;

namespace Epic16.Dashboard.Hosting;

/// <summary>
/// Response headers every page gets: a Content-Security-Policy that Blazor, MudBlazor and ApexCharts live with (scripts
/// only from the app and the per-request nonce of the import map; inline styles, which MudBlazor and ApexCharts set;
/// the circuit's WebSocket to the app itself), no framing, no MIME sniffing, and no full URL in the Referer.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "epic16.csp-nonce";

    /// <summary>The nonce of this request's inline script (the import map), or null outside a request.</summary>
    public static string? NonceOf(HttpContext? context) => context?.Items[NonceKey] as string;

    public static string Policy(string nonce) => string.Join("; ",
        "default-src 'self'",
        $"script-src 'self' 'nonce-{nonce}'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        // base64url (CSP allows '-' and '_'): plain base64's '+' is written as "&#x2B;" by Blazor's HTML encoder, which the
        // browser decodes, but a page's bytes then differ from the header's nonce wherever the random bytes give a '+'.
        var nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = Policy(nonce);
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        await next(context);
    });
}
