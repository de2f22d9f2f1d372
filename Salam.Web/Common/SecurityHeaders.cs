using Microsoft.AspNetCore.Builder;

namespace Salam.Web.Common;

/// <summary>
/// The security headers of every response, through NetEscapades.AspNetCore.SecurityHeaders, in every environment (so the
/// browser tests run under the policy production has). Scripts come only from this site; the one inline script the
/// framework writes, Blazor's import map, carries the request's nonce (App.razor). Styles may be inline: MudBlazor writes
/// its theme as a style element and positions with style attributes. connect-src 'self' covers the circuit's WebSocket on
/// the same host (CSP 3 matches ws/wss of the page's own origin).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Downloads (report CSV and Excel, the agency's update sheet): the same headers, and nothing kept in a cache.</summary>
    public const string Export = "export";

    /// <summary>Hangfire's dashboard: its scripts and styles are files of its own under /jobs; it gets no nonce.</summary>
    public const string JobsDashboard = "jobs-dashboard";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services) =>
        services.AddSecurityHeaderPolicies(policies => policies
            .SetDefaultPolicy(page => Common(page, withNonce: true))
            .AddPolicy(Export, download => Common(download, withNonce: false).AddCustomHeader("Cache-Control", "no-store"))
            .AddPolicy(JobsDashboard, jobs => Common(jobs, withNonce: false)));

    private static HeaderPolicyCollection Common(HeaderPolicyCollection headers, bool withNonce) => headers
        .AddContentTypeOptionsNoSniff()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .AddFrameOptionsDeny()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            var scripts = csp.AddScriptSrc().Self();
            if (withNonce) scripts.WithNonce();
            csp.AddStyleSrc().Self().UnsafeInline();
            csp.AddImgSrc().Self().Data();
            csp.AddFontSrc().Self();
            csp.AddConnectSrc().Self();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().Self();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
        });
}
