using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Domain.Geography;
using Salam.Domain.Notifications;
using Salam.Domain.People;
using Salam.Infrastructure.Notifications;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Infrastructure.Tests.Notifications;

/// <summary>Residents and queued messages written straight to the database, and drains run as the job runs them (a scope each).</summary>
internal static class OutboxArrange
{
    /// <summary>10:00 on a Saturday in Tehran (06:30 UTC): outside quiet hours.</summary>
    public static readonly DateTimeOffset Morning = new(2026, 12, 5, 6, 30, 0, TimeSpan.Zero);

    private static int _next;

    /// <summary>A fresh number, different in every call (and every test class of the run).</summary>
    public static string Mobile() => $"0913{Interlocked.Increment(ref _next):D7}";

    /// <summary>A resident of a neighbourhood of their own (on a database with no demo country).</summary>
    public static async Task<int> ResidentAsync(SalamDbContext db, string mobile, DateTimeOffset at)
    {
        var province = new Province("P" + Interlocked.Increment(ref _next), "آزمون", "Test");
        var county = new County(province, "C-" + Guid.NewGuid().ToString("N")[..12], "آزمون", "Test");
        var neighbourhood = new Neighbourhood(county, "N-" + Guid.NewGuid().ToString("N")[..12], "آزمون", "Test");
        db.Neighbourhoods.Add(neighbourhood);
        await db.SaveChangesAsync();
        var resident = new Resident(neighbourhood.Id, "ساکن آزمون", MobileNumber.Parse(mobile), null, at);
        db.Residents.Add(resident);
        await db.SaveChangesAsync();
        return resident.Id;
    }

    public static OutboxMessage Sms(string mobile, DateTimeOffset at, MessageKind kind = MessageKind.RoundOpened, int? residentId = null, string? about = null) =>
        new(kind, MessageChannel.Sms, mobile, null, $"پیام آزمون به {mobile}", Outbox(kind, about), residentId is { } r ? $"r{r}" : $"m{mobile}", at, residentId: residentId);

    public static OutboxMessage Email(string address, DateTimeOffset at, MessageKind kind = MessageKind.DutyAssigned) =>
        new(kind, MessageChannel.Email, address, "Subject", $"Body to {address}", Outbox(kind, null), $"e{address}", at);

    private static string Outbox(MessageKind kind, string? about) => Application.Notifications.Common.Outbox.Topic(kind, about ?? $"test:{Guid.NewGuid():N}");

    /// <summary>An app on an empty database at <see cref="Morning"/>, sending both channels through <paramref name="provider"/>.</summary>
    public static Task<TestApp> StartWithAsync(CountingGateway provider, IDictionary<string, string?>? settings = null) =>
        TestApp.StartAsync(seedDemoData: false, now: Morning, settings: settings, configure: services =>
        {
            services.AddSingleton<Application.Common.Interfaces.ISmsGateway>(provider);
            services.AddSingleton<Application.Common.Interfaces.IEmailGateway>(provider);
        });

    public static async Task<List<OutboxMessage>> QueueAsync(this TestApp app, IEnumerable<OutboxMessage> messages) =>
        await app.ReadAsync(async db =>
        {
            var list = messages.ToList();
            db.OutboxMessages.AddRange(list);
            await db.SaveChangesAsync();
            return list;
        });

    public static async Task<DrainSummary> DrainAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDrainer>().DrainAsync(cancellationToken);
    }

    public static Task<OutboxMessage> MessageAsync(this TestApp app, int id) =>
        app.ReadAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id));

    public static Task<List<OutboxMessage>> MessagesAsync(this TestApp app) =>
        app.ReadAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
}
