using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor.Services;
using Salam.Application.Common.Localization;
using Salam.Infrastructure.Identity;
using Salam.Infrastructure.Notifications;
using Salam.Infrastructure.Persistence;
using Salam.Web.Localization;

namespace Salam.Web.Common;

public static class WebServices
{
    public const string SignInRateLimit = "sign-in";

    /// <summary>Blazor (server render modes), MudBlazor, localization, cookie sign-in, the sign-in rate limit and health.</summary>
    public static IServiceCollection AddSalamWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Persian text goes out as UTF-8, not as &#x...; entities: pages are a third of the size on a weak connection.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        // Bottom centre: at the top the notice covered the navigation of right-to-left pages.
        services.AddMudServices(options => options.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomCenter);
        services.AddLocalization();
        services.AddTransient<MudBlazor.MudLocalizer, SalamMudLocalizer>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, SignInRevalidation>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/signin";
            cookie.AccessDeniedPath = "/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.SlidingExpiration = true;
        });
        services.AddAuthorization();
        // Staff who must change their password or enrol an authenticator reach nothing else until they have.
        services.AddTransient<IStartupFilter, SignInRestrictionsStartup>();
        services.AddScoped<RequestSender>();
        services.AddSingleton<DisplayFormat>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database").AddCheck<OutboxHealthCheck>("messages");

        var perClient = configuration.GetValue($"{OneTimeCodeOptions.Section}:{nameof(OneTimeCodeOptions.RequestsPerClientPerMinute)}", 20);
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync(Text.Get("SignIn.TooManyRequests"), cancellationToken);
            };
            // Only posts count: reading the sign-in page is free, trying codes or passwords is not.
            limiter.AddPolicy(SignInRateLimit, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perClient, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
        });
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(Cultures.Persian).AddSupportedCultures(Cultures.Supported).AddSupportedUICultures(Cultures.Supported);
            // The chosen language (cookie) wins; the browser's language is not asked, Persian is the default.
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new QueryStringRequestCultureProvider()];
        });
        return services;
    }
}
