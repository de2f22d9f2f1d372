using Microsoft.AspNetCore.Antiforgery;

namespace Salam.Web.Common;

/// <summary>
/// Blazor writes an antiforgery token into every server-rendered page's persisted state, and storing it sets a cookie and
/// no-cache headers: a public page would then never be cached, by us or anyone. Public pages hold no form, so there the token
/// is made without being stored (no cookie, headers untouched); every other page keeps the framework's behaviour.
/// </summary>
internal sealed class PublicPageAntiforgery(IAntiforgery inner) : IAntiforgery
{
    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
        PublicCaching.IsPublicPage(httpContext) && (HttpMethods.IsGet(httpContext.Request.Method) || HttpMethods.IsHead(httpContext.Request.Method))
            ? inner.GetTokens(httpContext)
            : inner.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => inner.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => inner.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => inner.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext) => inner.SetCookieTokenAndHeader(httpContext);

    /// <summary>Wraps the framework's registration (AddRazorComponents adds it); call after it.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var framework = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Remove(framework);
        services.Add(ServiceDescriptor.Describe(typeof(IAntiforgery),
            provider => new PublicPageAntiforgery(framework.ImplementationFactory is { } factory ? (IAntiforgery)factory(provider)
                : framework.ImplementationInstance as IAntiforgery ?? (IAntiforgery)ActivatorUtilities.CreateInstance(provider, framework.ImplementationType!)),
            framework.Lifetime));
    }
}
