using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Salam.Application;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Notifications;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Infrastructure.Tests.Notifications;

/// <summary>
/// Two nodes (two service providers, each with its own pool of contexts) draining one PostgreSQL database at once through
/// one flaky provider: every message delivered exactly once, none lost, none asked twice while a lease held.
/// </summary>
public sealed class TwoNodesOutboxTests
{
    [PostgreSqlFact]
    public async Task Two_nodes_draining_one_server_database_through_a_flaky_provider_deliver_every_message_exactly_once()
    {
        using var database = new TestDatabase();
        var settings = database.PostgreSqlSettings(PostgreSqlFactAttribute.Server);
        var clock = new ManualClock(OutboxArrange.Morning);
        var random = new Random(18);
        // 30% of first requests fail, as a gateway under load does; a retry may fail again.
        var provider = new CountingGateway
        {
            Delay = TimeSpan.FromMilliseconds(1),
            Script = (_, _, _) => { lock (random) return random.NextDouble() < 0.3 ? DeliveryResult.Transient("503") : null; },
        };
        await using var first = Node(settings, clock, provider);
        await first.InitialiseDatabaseAsync();
        await using var second = Node(settings, clock, provider);

        List<OutboxMessage> queued;
        await using (var scope = first.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
            queued = Enumerable.Range(0, 600).Select(i => i % 4 == 0
                ? OutboxArrange.Email($"staff{i}@example.org", clock.Now)
                : OutboxArrange.Sms($"0914{i:D7}", clock.Now)).ToList();
            db.OutboxMessages.AddRange(queued);
            await db.SaveChangesAsync();
        }

        var rounds = 0;
        var sentBy = new int[2];
        while (await PendingAsync(first) > 0 && rounds++ < 20)
        {
            var summaries = await Task.WhenAll(Task.Run(() => first.DrainAsync()), Task.Run(() => second.DrainAsync()));
            sentBy[0] += summaries[0].Sent;
            sentBy[1] += summaries[1].Sent;
            // Past every backoff (at most 16 minutes) but never past the daily cap: one message per number.
            clock.Advance(TimeSpan.FromMinutes(17));
        }

        Assert.Equal(0, await PendingAsync(first));
        Assert.Equal(600, sentBy.Sum());
        Assert.All(sentBy, n => Assert.True(n > 0, "both nodes drained"));
        await using (var scope = second.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<SalamDbContext>().OutboxMessages.AsNoTracking().ToListAsync();
            Assert.All(stored, m => Assert.Equal((MessageStatus.Sent, $"p-{m.IdempotencyKey:N}"), (m.Status, m.ProviderMessageId)));
        }
        Assert.Equal(queued.Select(m => m.IdempotencyKey).ToHashSet(), provider.Delivered.Keys.ToHashSet());
        Assert.All(queued, m => Assert.Equal(1, provider.DeliveriesTo(m.Recipient)));
        // Failures were retried, and no accepted key was asked again: no node sent what the other held.
        Assert.True(provider.TotalRequests > 600);
        Assert.Equal(0, provider.Repeats);
    }

    private static async Task<int> PendingAsync(ServiceProvider node)
    {
        await using var scope = node.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SalamDbContext>().OutboxMessages.CountAsync(m => m.Status == MessageStatus.Pending);
    }

    private static ServiceProvider Node(IReadOnlyDictionary<string, string?> database, ManualClock clock, CountingGateway provider)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hangfire:Server"] = "false",
            ["Database:SeedDemoData"] = "false",
            ["Notifications:Outbox:BatchSize"] = "25",
            ["Notifications:Outbox:Parallelism"] = "4",
        }.Concat(database)).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddApplication();
        services.AddInfrastructure(configuration, new Host());
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<ISmsGateway>(provider);
        services.AddSingleton<IEmailGateway>(provider);
        return services.BuildServiceProvider();
    }

    private sealed class Host : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;
        public string ApplicationName { get; set; } = "Salam.Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
