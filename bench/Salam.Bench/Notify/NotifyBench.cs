using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Salam.Application;
using Salam.Application.Notifications.Common;
using Salam.Domain.Notifications;
using Salam.Infrastructure;
using Salam.Infrastructure.Notifications;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Bench.Notify;

/// <summary>
/// The outbox drained at full speed (issue 18): N messages queued as the app queues them, then drained by the app's own
/// drainer (claim under a lease, opt-out and cap checks, the HTTP gateway with its resilience handler, outcomes saved) against
/// the fake gateway on this machine. The floor, in the same run: the same number of bare POSTs of the same body to a fresh
/// fake, as many at once as the drainer sends. Duplicates (the same text to the same number under a second key) must be 0.
/// </summary>
public static class NotifyBench
{
    private const string Key = "bench-key";

    public static async Task<int> RunAsync(int messages, string? postgres, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("salam-notify-");
        try
        {
            await using var fake = await FakeSmsProvider.StartAsync(Key, cancellationToken: cancellationToken);
            await using var app = Build(fake.Url, Path.Combine(folder.FullName, "notify.db"), postgres);
            var parallelism = app.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboxOptions>>().Value.Parallelism;
            var watch = Stopwatch.StartNew();
            await using (var scope = app.CreateAsyncScope())
                if (postgres is not null) await scope.ServiceProvider.GetRequiredService<SalamDbContext>().Database.EnsureDeletedAsync(cancellationToken);
            await app.InitialiseDatabaseAsync(cancellationToken);
            Console.WriteLine($"notify: {(postgres is null ? "SQLite" : "PostgreSQL")} database ready in {watch.Elapsed.TotalSeconds:F1}s");

            // Warm both paths (JIT, connections) outside the timings.
            await QueueAsync(app, 0, 1_000, cancellationToken);
            await DrainAsync(app, cancellationToken);
            await using (var warm = await FakeSmsProvider.StartAsync(Key, cancellationToken: cancellationToken))
                await PostAsync(warm.Url, 1_000, 1_000, parallelism, cancellationToken);

            watch.Restart();
            await QueueAsync(app, 1_000, messages, cancellationToken);
            Console.WriteLine($"notify: {messages:N0} messages queued in {watch.Elapsed.TotalSeconds:F1}s (not timed)");

            var (deliveredBefore, requestsBefore) = (fake.Delivered, fake.Requests);
            watch.Restart();
            var summary = await DrainAsync(app, cancellationToken);
            var drain = watch.Elapsed.TotalSeconds;
            var counts = await CountAsync(app, cancellationToken);
            var delivered = fake.Delivered - deliveredBefore;
            Console.WriteLine($"notify: drained in {drain:F2}s: {summary.Sent:N0} sent, {summary.Failed} failed, {summary.Dead} dead, {summary.Deferred} deferred; " +
                $"the gateway saw {fake.Requests - requestsBefore:N0} requests, delivered {delivered:N0}, repeated keys {fake.RepeatedKeys}; " +
                $"outbox: {counts.Sent:N0} sent, {counts.Pending} pending, {counts.Dead} dead");

            await using var floorFake = await FakeSmsProvider.StartAsync(Key, cancellationToken: cancellationToken);
            watch.Restart();
            await PostAsync(floorFake.Url, 1_000, messages, parallelism, cancellationToken);
            var floor = watch.Elapsed.TotalSeconds;
            Console.WriteLine($"notify: floor: {messages:N0} bare POSTs, {parallelism} at once, in {floor:F2}s; delivered {floorFake.Delivered:N0}");

            var lost = messages + 1_000 - counts.Sent;
            var duplicates = fake.Duplicates;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"notify: {messages:N0} messages drained at {messages / drain:N0} msgs/s; floor {messages / floor:N0} msgs/s; ratio {drain / floor:F2}; lost {lost}; duplicates {duplicates}"));
            return lost == 0 && duplicates == 0 && counts.Pending == 0 ? 0 : 2;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Messages written as Outbox.QueueSmsToResidentsAsync writes them: one per number, a Persian text of one or two parts.</summary>
    private static async Task QueueAsync(ServiceProvider app, int from, int count, CancellationToken cancellationToken)
    {
        const int chunk = 5_000;
        var at = DateTimeOffset.UtcNow;
        for (var start = from; start < from + count; start += chunk)
        {
            await using var scope = app.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(start + chunk, from + count); i++)
                db.OutboxMessages.Add(new OutboxMessage(MessageKind.RoundOpened, MessageChannel.Sms, Mobile(i), null, Text(i),
                    Outbox.Topic(MessageKind.RoundOpened, $"bench:{i}"), $"r{i}", at));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static string Mobile(int i) => string.Create(CultureInfo.InvariantCulture, $"0935{i:D7}");

    private static string Text(int i) => string.Create(CultureInfo.InvariantCulture,
        $"دور تازهٔ اولویت‌بندی محلهٔ شما باز شد (پیام {i}). تا پنجشنبه نیازهای محله را رتبه بدهید. لغو: ۱۱");

    private static async Task<DrainSummary> DrainAsync(ServiceProvider app, CancellationToken cancellationToken)
    {
        await using var scope = app.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDrainer>().DrainAsync(cancellationToken);
    }

    private static async Task<(int Sent, int Pending, int Dead)> CountAsync(ServiceProvider app, CancellationToken cancellationToken)
    {
        await using var scope = app.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var counts = await db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return (counts.GetValueOrDefault(MessageStatus.Sent), counts.GetValueOrDefault(MessageStatus.Pending), counts.GetValueOrDefault(MessageStatus.Dead));
    }

    /// <summary>The floor: the documented request, as bare as it gets (one HttpClient, bytes made up front), <paramref name="parallelism"/> at once.</summary>
    private static async Task PostAsync(Uri url, int from, int count, int parallelism, CancellationToken cancellationToken)
    {
        using var client = new HttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        await Parallel.ForEachAsync(Enumerable.Range(from, count), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var key = Guid.NewGuid();
                using var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new { to = Mobile(i), from = "3000-SALAM", text = Text(i), idempotencyKey = key })),
                };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                request.Headers.Add("Idempotency-Key", key.ToString());
                using var response = await client.SendAsync(request, token);
                if (!response.IsSuccessStatusCode) throw new BenchException($"the fake gateway answered {(int)response.StatusCode} to a floor post");
            });
    }

    /// <summary>The app's services on a fresh database, the HTTP gateway aimed at the fake, no quiet hours and no daily cap (the bench is not about those rules).</summary>
    private static ServiceProvider Build(Uri gateway, string sqlite, string? postgres)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:SeedDemoData"] = "false",
            ["Database:CreateIfMissing"] = "true",
            ["Hangfire:Server"] = "false",
            ["Notifications:Sms:Provider"] = "Http",
            ["Notifications:Sms:Http:Url"] = gateway.ToString(),
            ["Notifications:Sms:Http:ApiKey"] = Key,
            ["Notifications:Sms:Http:Sender"] = "3000-SALAM",
            ["Notifications:Email:Provider"] = "None",
            ["Notifications:Outbox:QuietHoursStart"] = "0",
            ["Notifications:Outbox:QuietHoursEnd"] = "0",
            ["Notifications:Outbox:DailyCapPerNumber"] = "1000000",
        };
        if (postgres is null) settings["ConnectionStrings:Sqlite"] = $"Data Source={sqlite}";
        else (settings["Database:Provider"], settings["ConnectionStrings:PostgreSql"]) = ("PostgreSql", postgres);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole());
        services.AddApplication();
        services.AddInfrastructure(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new BenchEnvironment());
        return services.BuildServiceProvider();
    }

    private sealed class BenchEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "Salam.Bench";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
