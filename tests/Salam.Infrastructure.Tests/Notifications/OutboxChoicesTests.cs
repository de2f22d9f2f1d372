using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Notifications;
using Salam.Infrastructure.Jobs;
using Salam.Infrastructure.Notifications;
using Salam.Infrastructure.Sms;
using Salam.Testing;

namespace Salam.Infrastructure.Tests.Notifications;

/// <summary>A resident's choice honoured after queueing, the outbox with no provider, and the drain a save asks for.</summary>
public sealed class OutboxChoicesTests
{
    [Fact]
    public async Task A_kind_turned_off_after_queueing_is_cancelled_and_never_sent_while_other_kinds_still_go()
    {
        var provider = new CountingGateway();
        await using var app = await TestApp.StartAsync(seedDemoData: false, now: OutboxArrange.Morning,
            configure: services => services.AddSingleton<ISmsGateway>(provider));
        var mobile = OutboxArrange.Mobile();
        var resident = await app.ReadAsync(db => OutboxArrange.ResidentAsync(db, mobile, app.Clock.Now));
        var (opened, results) = (OutboxArrange.Sms(mobile, app.Clock.Now, MessageKind.RoundOpened, resident),
            OutboxArrange.Sms(mobile, app.Clock.Now, MessageKind.ResultsPublished, resident));
        await app.QueueAsync([opened, results]);
        await app.ReadAsync(async db =>
        {
            db.MessageOptOuts.Add(new MessageOptOut(resident, MessageKind.RoundOpened, app.Clock.Now));
            return await db.SaveChangesAsync();
        });

        var summary = await app.Services.DrainAsync();

        Assert.Equal((1, 1), (summary.Sent, summary.Cancelled));
        var cancelled = await app.MessageAsync(opened.Id);
        Assert.Equal((MessageStatus.Cancelled, 0, null), (cancelled.Status, cancelled.Attempts, cancelled.LockedBy));
        Assert.Equal(0, provider.RequestsFor(opened.IdempotencyKey));
        Assert.Equal(MessageStatus.Sent, (await app.MessageAsync(results.Id)).Status);
    }

    [Fact]
    public async Task With_no_provider_messages_stay_pending_nothing_dead_and_sign_in_codes_are_refused_loudly()
    {
        await using var app = await TestApp.StartAsync(seedDemoData: false, now: OutboxArrange.Morning, settings: new Dictionary<string, string?>
        {
            ["Notifications:Sms:Provider"] = "None",
            ["Notifications:Email:Provider"] = "None",
        });
        var queued = await app.QueueAsync([OutboxArrange.Sms(OutboxArrange.Mobile(), app.Clock.Now), OutboxArrange.Email("x@example.org", app.Clock.Now)]);

        Assert.Equal(DrainSummary.None, await app.Services.DrainAsync());
        app.Clock.Advance(TimeSpan.FromDays(2));
        await app.Services.DrainAsync();

        Assert.All(await app.MessagesAsync(), m => Assert.Equal((MessageStatus.Pending, 0, null), (m.Status, m.Attempts, m.LockedBy)));
        Assert.Equal(2, queued.Count);
        Assert.Null(app.Services.GetService<ISmsGateway>());
        Assert.IsType<UnconfiguredSmsSender>(app.Services.GetRequiredService<ISmsSender>());
    }

    [Fact]
    public void Production_defaults_to_no_provider_and_refuses_the_development_outbox()
    {
        var production = Services(Environments.Production, []);
        Assert.Null(production.GetService<ISmsGateway>());
        Assert.Null(production.GetService<IEmailGateway>());
        Assert.Null(production.GetService<DevelopmentSmsSender>());
        Assert.IsType<UnconfiguredSmsSender>(production.GetRequiredService<ISmsSender>());

        var refusal = Assert.Throws<InvalidOperationException>(() => Services(Environments.Production, new() { ["Notifications:Sms:Provider"] = "Development" }));
        Assert.Contains("exists only in Development", refusal.Message);

        var development = Services(Environments.Development, []);
        Assert.IsType<DevelopmentSmsSender>(development.GetRequiredService<ISmsGateway>());
        Assert.IsType<DevelopmentEmailGateway>(development.GetRequiredService<IEmailGateway>());
        Assert.IsType<ImmediateSmsSender>(development.GetRequiredService<ISmsSender>());
    }

    [Fact]
    public async Task A_sign_in_code_goes_through_the_gateway_at_once_with_a_key_of_its_own_and_is_not_stored()
    {
        await using var app = await TestApp.StartAsync(seedDemoData: false, now: new DateTimeOffset(2026, 12, 5, 20, 0, 0, TimeSpan.Zero)); // 23:30 Tehran
        var sender = app.Services.GetRequiredService<ISmsSender>();

        await sender.SendAsync("09121112233", "code 123456", CancellationToken.None);
        await sender.SendAsync("09121112233", "code 654321", CancellationToken.None);

        var log = app.Services.GetRequiredService<DevelopmentSmsSender>();
        Assert.Equal("code 654321", log.LastTextTo("09121112233"));
        Assert.Equal(2, log.Recent().Select(s => s.IdempotencyKey).Distinct().Count());
        Assert.Empty(await app.MessagesAsync());
    }

    [Fact]
    public async Task A_committed_save_that_queued_messages_asks_for_one_drain_and_a_rolled_back_one_for_none()
    {
        var jobs = new RecordingJobs();
        await using var app = await TestApp.StartAsync(seedDemoData: false, now: OutboxArrange.Morning,
            configure: services => services.AddSingleton<IBackgroundJobClient>(jobs));

        await app.ReadAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.OutboxMessages.Add(OutboxArrange.Sms(OutboxArrange.Mobile(), app.Clock.Now));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        });
        Assert.Empty(await app.MessagesAsync());
        Assert.Empty(jobs.Created);

        await app.ReadAsync(db => OutboxArrange.ResidentAsync(db, OutboxArrange.Mobile(), app.Clock.Now));
        Assert.Empty(jobs.Created);

        await app.QueueAsync([OutboxArrange.Sms(OutboxArrange.Mobile(), app.Clock.Now)]);
        var job = Assert.Single(jobs.Created);
        Assert.Equal((typeof(OutboxDrainJob), nameof(OutboxDrainJob.RunRequestedAsync)), (job.Type, job.Method.Name));

        await app.ReadAsync(async db => await db.InTransactionAsync(async () =>
        {
            db.OutboxMessages.Add(OutboxArrange.Sms(OutboxArrange.Mobile(), app.Clock.Now));
            return await db.SaveChangesAsync();
        }, CancellationToken.None));
        // One drain is already waiting to start: it will see this message too.
        Assert.Single(jobs.Created);
    }

    private sealed class RecordingJobs : IBackgroundJobClient
    {
        public List<Job> Created { get; } = [];
        public string Create(Job job, IState state)
        {
            lock (Created) Created.Add(job);
            return Created.Count.ToString();
        }
        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }

    private static ServiceProvider Services(string environment, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddNotifications(configuration, new Host(environment));
        return services.BuildServiceProvider();
    }

    private sealed class Host(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Salam.Tests";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
