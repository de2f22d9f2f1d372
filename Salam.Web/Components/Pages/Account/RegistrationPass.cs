using Salam.Infrastructure.Identity;

namespace Salam.Web.Components.Pages.Account;

/// <summary>The registration pass travels in a cookie scoped to the registration pages: HTTP only, never read by script.</summary>
internal static class RegistrationPass
{
    public const string Cookie = "salam.registration";

    public static string? Read(HttpContext http) => http.Request.Cookies[Cookie];

    public static void Write(HttpContext http, string pass) => http.Response.Cookies.Append(Cookie, pass, new CookieOptions
    {
        HttpOnly = true,
        Secure = http.Request.IsHttps,
        SameSite = SameSiteMode.Lax,
        Path = "/register",
        MaxAge = SelfRegistration.PassLifetime,
    });

    public static void Delete(HttpContext http) => http.Response.Cookies.Delete(Cookie, new CookieOptions { Path = "/register" });
}
