using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace Salam.Web.Common;

/// <summary>
/// Marks a page anyone may read (/n/{code}, /p/{code}, /nation): plain HTML with no script, its language named in its address
/// (<c>?culture=en-US</c>) so one address is one page, and cached on the server (policy <see cref="PublicCaching.Policy"/>) and
/// by browsers and proxies, so a national audience costs a few renders a minute.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PublicPageAttribute : Attribute;

public static class PublicCaching
{
    /// <summary>The output-cache policy of public pages and open data: shared with the open-data endpoints.</summary>
    public const string Policy = "public";

    /// <summary>How long a public page may be served from a cache: figures change at the next roll-up, not by the second.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public const string CultureQuery = "culture";

    /// <summary>
    /// Output caching with the policy "public": keyed by path, query and language; the framework's default rules stay (only GET
    /// and HEAD, never for a signed-in caller, never a response that sets a cookie). A public page's address decides its language
    /// before the cookie does.
    /// </summary>
    public static IServiceCollection AddPublicCaching(this IServiceCollection services)
    {
        services.AddOutputCache(options => options.AddPolicy(Policy, policy => policy
            .Expire(Lifetime)
            .VaryByValue(_ => new KeyValuePair<string, string>("lang", CultureInfo.CurrentUICulture.Name))
            .Tag(Policy)));
        // Only public pages are compressed (see UsePublicCaching): they hold no secret a compression side channel could leak.
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<RequestLocalizationOptions>(options => options.RequestCultureProviders.Insert(0, new PublicPageCultureProvider()));
        PublicPageAntiforgery.Decorate(services);
        return services;
    }

    /// <summary>
    /// After authentication (the cache must know who is signed in): public pages' Cache-Control, then the output cache.
    /// A signed-in caller's page, or one that sets a cookie, is marked private and never stored.
    /// </summary>
    public static IApplicationBuilder UsePublicCaching(this IApplicationBuilder app)
    {
        app.UseWhen(IsPublicPage, page => page.UseResponseCompression().Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                SetHeaders(http);
                return Task.CompletedTask;
            });
            return next(http);
        }));
        return app.UseOutputCache();
    }

    public static bool IsPublicPage(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<PublicPageAttribute>() is not null;

    private static void SetHeaders(HttpContext http)
    {
        var response = http.Response;
        var shared = response.StatusCode == StatusCodes.Status200OK
            && http.User.Identity?.IsAuthenticated != true
            && !response.Headers.ContainsKey(HeaderNames.SetCookie);
        response.Headers.CacheControl = shared ? $"public, max-age={(int)Lifetime.TotalSeconds}" : "private, no-store";
        // Without ?culture= the language comes from the culture cookie: a shared cache must tell the two apart.
        if (shared && !http.Request.Query.ContainsKey(CultureQuery)) response.Headers.Append(HeaderNames.Vary, HeaderNames.Cookie);
    }

    /// <summary>The address of a public page in the language shown now, so its links keep the reader in their language.</summary>
    public static string Address(string path) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fa" ? path : $"{path}?{CultureQuery}={Localization.Cultures.English}";

    /// <summary>On a public page only, <c>?culture=</c> wins over the cookie: the address alone decides what is cached under it.</summary>
    private sealed class PublicPageCultureProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext http)
        {
            if (!IsPublicPage(http)
                || http.Request.Query[CultureQuery].ToString() is not { Length: > 0 } culture
                || !Localization.Cultures.Supported.Contains(culture))
                return NullProviderCultureResult;
            return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture));
        }
    }
}
