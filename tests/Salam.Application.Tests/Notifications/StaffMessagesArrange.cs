using System.Globalization;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Staff.Commands.ChangeMyContact;
using Salam.Application.Staff.Commands.CreateStaffAccount;
using Salam.Application.Staff.Commands.DisableStaffAccount;
using Salam.Domain.Notifications;
using Salam.Domain.People;
using Salam.Infrastructure.Identity;
using Salam.Testing;

namespace Salam.Application.Tests.Notifications;

/// <summary>A queued message as the tests read it back.</summary>
public sealed record Queued(MessageKind Kind, MessageChannel Channel, string Recipient, string? Subject, string Body, string Topic, int? UserId, int? ResidentId, MessageStatus Status);

/// <summary>Staff with and without addresses, system runs, and the outbox read back, for the staff and volunteer message tests.</summary>
internal static class StaffMessagesArrange
{
    private static int _serial;

    /// <summary>The account sets its own address and language through the real command.</summary>
    public static async Task GiveContactAsync(this TestApp app, string userName, string? email, string language = Languages.Persian) =>
        await app.SendAsync<Unit>(await app.PrincipalOfAsync(userName), new ChangeMyContact(email, language));

    /// <summary>A new manager of the agency opened by the administrator, with an address or none, and disabled when asked; its id.</summary>
    public static async Task<int> NewManagerAsync(this TestApp app, int agencyId, string? email, bool disabled = false)
    {
        var serial = Interlocked.Increment(ref _serial);
        var admin = await app.PrincipalOfAsync("admin");
        var id = await app.SendAsync<int>(admin, new CreateStaffAccount($"manager.test{serial}", $"مدیر آزمون {serial}",
            "0912" + (5_000_000 + serial).ToString("D7", CultureInfo.InvariantCulture), Role.AgencyManager, null, null, agencyId, StaffData.GoodPassword, email));
        if (disabled) await app.SendAsync<Unit>(admin, new DisableStaffAccount(id));
        return id;
    }

    public static Task<int> UserIdAsync(this TestApp app, string userName) =>
        app.ReadAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    /// <summary>Sends a request as the system (what a recurring job does).</summary>
    public static async Task<T> SendAsSystemAsync<T>(this TestApp app, IMessage request)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystem();
        return (T)(await scope.ServiceProvider.GetRequiredService<IMediator>().Send((object)request))!;
    }

    public static Task<List<Queued>> OutboxAsync(this TestApp app, MessageKind? kind = null) => app.ReadAsync(db => db.OutboxMessages.AsNoTracking()
        .Where(m => kind == null || m.Kind == kind).OrderBy(m => m.Id)
        .Select(m => new Queued(m.Kind, m.Channel, m.Recipient, m.Subject, m.Body, m.Topic, m.UserId, m.ResidentId, m.Status)).ToListAsync());

    public static Task<int> OutboxCountAsync(this TestApp app) => app.ReadAsync(db => db.OutboxMessages.CountAsync());

    /// <summary>Every staff account's address and language: what a refused contact change must leave as it was.</summary>
    public static Task<string> ContactsFingerprintAsync(this TestApp app) => app.ReadAsync(async db => string.Join(',',
        await db.Users.Where(u => u.ResidentId == null).OrderBy(u => u.Id).Select(u => $"{u.Id}:{u.Email}:{u.NormalizedEmail}:{u.Language}").ToListAsync()));
}
