using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Salam.Testing;

namespace Salam.E2E.Tests;

/// <summary>
/// The browser fixture with an output cache the journey can empty: public pages are cached for minutes, and the journey reads
/// the same page before and after a change. The cache itself still works (the journey checks a repeat is served from it).
/// </summary>
public sealed class AccountabilityJourneyFixture() : BrowserFixture(new CachedWebFactory())
{
    public ClearableOutputCache OutputCache => ((CachedWebFactory)App).Cache;

    private sealed class CachedWebFactory : SalamWebFactory
    {
        public ClearableOutputCache Cache { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IOutputCacheStore>(Cache));
        }
    }
}

/// <summary>An output cache in memory, as the app's, that a test empties between steps.</summary>
public sealed class ClearableOutputCache : IOutputCacheStore
{
    private readonly ConcurrentDictionary<string, (byte[] Value, string[] Tags, DateTimeOffset Until)> _entries = new();

    public int Count => _entries.Count;

    public void Clear() => _entries.Clear();

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken)
    {
        foreach (var (key, entry) in _entries) if (entry.Tags.Contains(tag)) _entries.TryRemove(key, out _);
        return ValueTask.CompletedTask;
    }

    public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_entries.TryGetValue(key, out var entry) && entry.Until > DateTimeOffset.UtcNow ? entry.Value : null);

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken)
    {
        _entries[key] = (value, tags ?? [], DateTimeOffset.UtcNow + validFor);
        return ValueTask.CompletedTask;
    }
}
