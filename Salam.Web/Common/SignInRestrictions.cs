using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Salam.Infrastructure.Identity;

namespace Salam.Web.Common;

/// <summary>
/// A staff member who must change their password, or whose role requires an authenticator app they have not enrolled, is signed
/// in (their cookie says so: <see cref="SalamClaims.MustChangePassword"/>, <see cref="SalamClaims.MustEnrolTwoFactor"/>) but may
/// open only the page that lifts the restriction, sign out, switch language and load the site's files. Everything else is refused
/// before routing: a page read is sent to that page, any other request (a form post, the interactive circuit's /_blazor, an
/// export) answers 403. Deny by default, so a page or endpoint added later is covered without anyone remembering to.
/// </summary>
public sealed class SignInRestrictions(RequestDelegate next)
{
    public const string PasswordPage = "/account/password";
    public const string TwoFactorPage = "/account/two-factor";

    // The site's own files: styles, fonts, scripts, the framework's and MudBlazor's assets. Only these folders, never a file
    // extension anywhere (a report export is /reports/export.csv).
    private static readonly string[] FileFolders = ["/_framework/", "/_content/", "/fonts/", "/js/"];
    private static readonly string[] Always = ["/signout", "/culture", "/health"];

    public async Task InvokeAsync(HttpContext http)
    {
        var page = await RequiredPageAsync(http);
        if (page is null || IsAllowed(http.Request.Path, page))
        {
            await next(http);
            return;
        }
        if (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            http.Response.Redirect(page);
        else
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
    }

    /// <summary>The page the signed-in person must complete first, if any: a new password before enrolment.</summary>
    private static async Task<string?> RequiredPageAsync(HttpContext http)
    {
        // This runs ahead of the app's own authentication (see the startup filter below); the cookie handler keeps its result
        // for the request, so UseAuthentication later reads the same one and the cookie is still validated once.
        var signedIn = await http.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!signedIn.Succeeded) return null;
        if (signedIn.Principal.HasClaim(c => c.Type == SalamClaims.MustChangePassword)) return PasswordPage;
        if (signedIn.Principal.HasClaim(c => c.Type == SalamClaims.MustEnrolTwoFactor)) return TwoFactorPage;
        return null;
    }

    private static bool IsAllowed(PathString path, string page)
    {
        var value = path.Value ?? "/";
        if (value.Equals(page, StringComparison.OrdinalIgnoreCase) || Always.Any(p => value.Equals(p, StringComparison.OrdinalIgnoreCase))) return true;
        if (FileFolders.Any(folder => value.StartsWith(folder, StringComparison.OrdinalIgnoreCase))) return true;
        // The site's stylesheet sits at the root (app.css, fingerprinted as app.{hash}.css).
        return value.LastIndexOf('/') == 0 && value.EndsWith(".css", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>Puts <see cref="SignInRestrictions"/> in front of the whole pipeline (Program.cs stays as it is).</summary>
public sealed class SignInRestrictionsStartup : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<SignInRestrictions>();
        next(app);
    };
}
