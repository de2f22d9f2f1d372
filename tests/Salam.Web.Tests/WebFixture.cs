using Microsoft.AspNetCore.Mvc.Testing;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>A client that keeps cookies and shows redirects instead of following them.</summary>
internal static class Clients
{
    public static HttpClient NewClient(this SalamWebFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
}
