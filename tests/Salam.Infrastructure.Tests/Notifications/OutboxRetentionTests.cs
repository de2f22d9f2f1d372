using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Salam.Domain.Notifications;
using Salam.Infrastructure.Notifications;
using Salam.Testing;

namespace Salam.Infrastructure.Tests.Notifications;

/// <summary>The outbox's retention and its health, on the real database: what is deleted, what is kept whatever its age, when /health turns Degraded.</summary>
public sealed class OutboxRetentionTests : IAsyncLifetime
{
    private readonly CountingGateway _provider = new();
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await OutboxArrange.StartWithAsync(_provider);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private ManualClock Clock => _app.Clock;

    private async Task<int> PruneAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxRetention>().PruneAsync(CancellationToken.None);
    }

    private async Task<HealthCheckResult> HealthAsync(IServiceProvider? services = null)
    {
        await using var scope = (services ?? _app.Services).CreateAsyncScope();
        var check = ActivatorUtilities.CreateInstance<OutboxHealthCheck>(scope.ServiceProvider);
        return await check.CheckHealthAsync(new HealthCheckContext());
    }

    /// <summary>One message in each finished state and one pending, all queued <paramref name="daysAgo"/> days before now.</summary>
    private async Task<Dictionary<string, int>> QueueEachStateAsync(int daysAgo)
    {
        var at = Clock.Now.AddDays(-daysAgo);
        var sent = OutboxArrange.Sms(OutboxArrange.Mobile(), at);
        sent.MarkSent("p-1", at);
        var cancelled = OutboxArrange.Sms(OutboxArrange.Mobile(), at);
        cancelled.Cancel();
        var dead = OutboxArrange.Email("dead@example.org", at);
        dead.MarkFailed("refused", permanent: true, at);
        var pending = OutboxArrange.Sms(OutboxArrange.Mobile(), Clock.Now.AddHours(1));
        typeof(OutboxMessage).GetProperty(nameof(OutboxMessage.CreatedAt))!.SetValue(pending, at);
        await _app.QueueAsync([sent, cancelled, dead, pending]);
        return new() { ["sent"] = sent.Id, ["cancelled"] = cancelled.Id, ["dead"] = dead.Id, ["pending"] = pending.Id };
    }

    [Fact]
    public async Task Finished_messages_past_the_kept_days_are_deleted_and_younger_ones_and_every_pending_one_are_kept()
    {
        var old = await QueueEachStateAsync(daysAgo: 91);
        var young = await QueueEachStateAsync(daysAgo: 89);

        Assert.Equal(3, await PruneAsync());

        var left = (await _app.MessagesAsync()).Select(m => m.Id).ToHashSet();
        Assert.DoesNotContain(old["sent"], left);
        Assert.DoesNotContain(old["cancelled"], left);
        Assert.DoesNotContain(old["dead"], left);
        Assert.Contains(old["pending"], left);
        Assert.Superset(young.Values.ToHashSet(), left);
        Assert.Equal(0, await PruneAsync());
    }

    [Fact]
    public async Task More_than_a_chunk_of_old_messages_is_deleted_in_one_run()
    {
        var at = Clock.Now.AddDays(-100);
        var many = Enumerable.Range(0, OutboxRetention.Chunk + 10).Select(_ =>
        {
            var message = OutboxArrange.Sms(OutboxArrange.Mobile(), at);
            message.MarkSent(null, at);
            return message;
        }).ToList();
        await _app.QueueAsync(many);

        Assert.Equal(OutboxRetention.Chunk + 10, await PruneAsync());
        Assert.Empty(await _app.MessagesAsync());
    }

    [Fact]
    public async Task Health_is_healthy_while_the_drain_keeps_up_and_degraded_when_due_messages_wait_past_the_stall_limit()
    {
        Assert.Equal(HealthStatus.Healthy, (await HealthAsync()).Status);

        await _app.QueueAsync([OutboxArrange.Sms(OutboxArrange.Mobile(), Clock.Now)]);
        Assert.Equal(HealthStatus.Healthy, (await HealthAsync()).Status);

        Clock.Advance(TimeSpan.FromMinutes(16));
        var stalled = await HealthAsync();
        Assert.Equal(HealthStatus.Degraded, stalled.Status);
        Assert.Contains("outbox-drain", stalled.Description);

        await _app.Services.DrainAsync();
        Assert.Equal(HealthStatus.Healthy, (await HealthAsync()).Status);
    }

    [Fact]
    public async Task Health_names_the_missing_email_provider_once_an_email_has_waited_past_the_stall_limit()
    {
        await using var noEmail = await TestApp.StartAsync(seedDemoData: false, now: OutboxArrange.Morning, settings: new Dictionary<string, string?>
        {
            ["Notifications:Email:Provider"] = "None",
        });
        await noEmail.QueueAsync([OutboxArrange.Email("manager@example.org", noEmail.Clock.Now)]);
        Assert.Equal(HealthStatus.Healthy, (await HealthAsync(noEmail.Services)).Status);

        noEmail.Clock.Advance(TimeSpan.FromMinutes(16));
        var health = await HealthAsync(noEmail.Services);

        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains("Notifications:Email:Provider", health.Description);
    }

    [Fact]
    public async Task Health_is_degraded_without_an_sms_provider_because_sign_in_codes_cannot_be_sent()
    {
        await using var unconfigured = await TestApp.StartAsync(seedDemoData: false, now: OutboxArrange.Morning, settings: new Dictionary<string, string?>
        {
            ["Notifications:Sms:Provider"] = "None",
            ["Notifications:Email:Provider"] = "None",
        });

        var health = await HealthAsync(unconfigured.Services);

        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains("Notifications:Sms:Provider", health.Description);
    }
}
