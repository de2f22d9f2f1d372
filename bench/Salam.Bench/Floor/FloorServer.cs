using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Salam.Bench.Floor;

/// <summary>
/// A bare Kestrel endpoint inside the driver, on a free loopback port: it takes the app's own ballot form post (the same bytes
/// the driver sends the app: <c>Input.Needs[i].Id</c> and <c>Input.Needs[i].Rank</c> fields, the token and handler fields
/// ignored), at <c>/floor/{round}/{resident}</c> since it has no sign-in to tell the resident, stores the ranking with
/// <see cref="FloorStore"/>, and answers as the app does: a redirect to <c>/rounds/{round}/ballot?saved=1</c>. No
/// authentication, antiforgery, validation, rendering or logging: what is left is HTTP, form parsing and the rows.
/// </summary>
public sealed class FloorServer : IAsyncDisposable
{
    private const string Prefix = "Input.Needs[";
    private readonly WebApplication _app;

    private FloorServer(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public static string PathFor(long roundId, long residentId) => string.Create(CultureInfo.InvariantCulture, $"/floor/{roundId}/{residentId}");

    public static async Task<FloorServer> StartAsync(FloorStore store, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        app.MapPost("/floor/{round:long}/{resident:long}", async context =>
        {
            var round = long.Parse((string)context.Request.RouteValues["round"]!, CultureInfo.InvariantCulture);
            var resident = long.Parse((string)context.Request.RouteValues["resident"]!, CultureInfo.InvariantCulture);
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            if (Ranking(form) is not { } ranking)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }
            await store.StoreAsync(round, resident, ranking, context.RequestAborted);
            context.Response.Redirect($"/rounds/{round}/ballot?saved=1");
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FloorServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>The need ids by rank (rank 1 first), from the form's needs that were given a rank; null when ranks clash or skip.</summary>
    internal static IReadOnlyList<int>? Ranking(IFormCollection form)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in form)
        {
            if (!key.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            var close = key.IndexOf(']', Prefix.Length);
            if (close < 0 || !int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)) continue;
            var index = key[Prefix.Length..close];
            if (key.AsSpan(close + 1).SequenceEqual(".Id")) ids[index] = number;
            else if (key.AsSpan(close + 1).SequenceEqual(".Rank")) ranks[index] = number;
        }
        if (ranks.Count == 0) return null;
        var ranked = new int[ranks.Count];
        foreach (var (index, rank) in ranks)
        {
            if (rank < 1 || rank > ranked.Length || ranked[rank - 1] != 0 || !ids.TryGetValue(index, out var id)) return null;
            ranked[rank - 1] = id;
        }
        return ranked;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
