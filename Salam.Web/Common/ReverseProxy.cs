using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Salam.Web.Common;

/// <summary>
/// Behind a reverse proxy every request comes from the proxy: without its X-Forwarded-For all residents would share one
/// sign-in rate-limit bucket, and without X-Forwarded-Proto cookies would lose Secure and HSTS would not be sent. The headers
/// are believed only from the proxies listed in configuration (ReverseProxy:KnownProxies, ReverseProxy:KnownNetworks);
/// with none listed they are ignored, since anyone can send them.
/// </summary>
public static class ReverseProxy
{
    public const string Section = "ReverseProxy";

    public static IServiceCollection AddReverseProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = List(configuration.GetSection($"{Section}:KnownProxies"));
        var networks = List(configuration.GetSection($"{Section}:KnownNetworks"));
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // ASP.NET Core trusts loopback by default; only what is configured is trusted here.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) options.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in networks) options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        return services;
    }

    /// <summary>A list as a JSON array (KnownProxies:0, KnownProxies:1...) or as one comma-separated value (handy in an environment variable).</summary>
    private static string[] List(IConfigurationSection section) =>
        section.Get<string[]>() ?? section.Value?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    /// <summary>First in the pipeline, so every later step sees the client's address and scheme.</summary>
    public static void UseReverseProxy(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        // With both lists empty the middleware would believe anyone's headers: it is left out instead.
        if (options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0) app.UseForwardedHeaders();
    }
}
