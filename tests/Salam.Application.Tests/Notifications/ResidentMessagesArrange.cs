using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Needs.Commands.ModerateNeed;
using Salam.Application.Needs.Commands.ProposeNeed;
using Salam.Application.Rounds.Commands.CreateRound;
using Salam.Application.Tests.Completions;
using Salam.Domain.Needs;
using Salam.Domain.Notifications;
using Salam.Domain.People;
using Salam.Testing;

namespace Salam.Application.Tests.Notifications;

/// <summary>Residents of each kind the residents' texts must tell apart, and what the outbox holds for a topic.</summary>
internal static class ResidentMessagesArrange
{
    public sealed record Queued(int? ResidentId, MessageKind Kind, MessageChannel Channel, string Recipient, string Body, int? RoundId, MessageStatus Status, string DedupeKey);

    /// <summary>
    /// In one neighbourhood: a confirmed resident reading Persian, one reading English, one who turned <paramref name="kind"/>
    /// off, a pending one and a rejected one.
    /// </summary>
    public sealed record Neighbours(ClaimsPrincipal Persian, ClaimsPrincipal English, ClaimsPrincipal OptedOut, int PendingId, int RejectedId)
    {
        public IEnumerable<ClaimsPrincipal> All => [Persian, English, OptedOut];
    }

    public static async Task<Neighbours> NeighboursAsync(this TestApp app, int neighbourhoodId, MessageKind kind)
    {
        var (persian, english, optedOut) = (await app.NewResidentAsync(neighbourhoodId), await app.NewResidentAsync(neighbourhoodId), await app.NewResidentAsync(neighbourhoodId));
        await app.SetLanguageAsync(english.ResidentId(), Languages.English);
        await app.OptOutAsync(optedOut.ResidentId(), kind);
        var (pending, _, _) = await app.PendingResidentAsync(neighbourhoodId);
        var (rejected, _, _) = await app.PendingResidentAsync(neighbourhoodId);
        await app.ReadAsync(async db =>
        {
            (await db.Residents.SingleAsync(r => r.Id == rejected)).Reject("نشانی در این محله نیست", 1, app.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        return new Neighbours(persian, english, optedOut, pending, rejected);
    }

    public static Task SetLanguageAsync(this TestApp app, int residentId, string language) => app.ReadAsync(async db =>
    {
        (await db.Residents.SingleAsync(r => r.Id == residentId)).ChooseLanguage(language);
        return await db.SaveChangesAsync();
    });

    public static Task OptOutAsync(this TestApp app, int residentId, MessageKind kind) => app.ReadAsync(db =>
    {
        db.MessageOptOuts.Add(new MessageOptOut(residentId, kind, app.Clock.GetUtcNow()));
        return db.SaveChangesAsync();
    });

    /// <summary>The outbox rows of a topic ("RoundOpened:round:12"), by resident.</summary>
    public static Task<List<Queued>> QueuedAsync(this TestApp app, string topic) => app.ReadAsync(db => db.OutboxMessages.AsNoTracking()
        .Where(m => m.Topic == topic).OrderBy(m => m.Id)
        .Select(m => new Queued(m.ResidentId, m.Kind, m.Channel, m.Recipient, m.Body, m.RoundId, m.Status, m.DedupeKey)).ToListAsync());

    /// <summary>The outbox rows of a kind that start with a topic ("FollowedDutyChanged:duty:7:").</summary>
    public static Task<List<Queued>> QueuedStartingAsync(this TestApp app, string topicStart) => app.ReadAsync(db => db.OutboxMessages.AsNoTracking()
        .Where(m => m.Topic.StartsWith(topicStart)).OrderBy(m => m.Id)
        .Select(m => new Queued(m.ResidentId, m.Kind, m.Channel, m.Recipient, m.Body, m.RoundId, m.Status, m.DedupeKey)).ToListAsync());

    /// <summary>Every outbox row and followed duty: equal before and after means a refused request queued and followed nothing.</summary>
    public static Task<string> MessagesFingerprintAsync(this TestApp app) => app.ReadAsync(async db => string.Join('|',
        await db.OutboxMessages.CountAsync(), await db.OutboxMessages.MaxAsync(m => (int?)m.Id) ?? 0,
        string.Join(',', await db.DutyFollows.OrderBy(f => f.Id).Select(f => $"{f.ResidentId}:{f.DutyId}").ToListAsync())));

    /// <summary>The confirmed residents of a neighbourhood who have not turned a kind off: who must be told of it.</summary>
    public static Task<List<int>> ReachableAsync(this TestApp app, int neighbourhoodId, MessageKind kind) => app.ReadAsync(db => db.Residents
        .Where(r => r.NeighbourhoodId == neighbourhoodId && r.Status == ResidentStatus.Confirmed && !db.MessageOptOuts.Any(o => o.ResidentId == r.Id && o.Kind == kind))
        .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());

    /// <summary>A drafted round of three freshly approved needs in a neighbourhood, open from now until <paramref name="closesAt"/>.</summary>
    public static async Task<int> DraftRoundAsync(this TestApp app, int neighbourhoodId, string title, DateTimeOffset closesAt)
    {
        var facilitator = await app.PrincipalOfAsync("facilitator.pardisan");
        var proposer = await app.NewResidentAsync(neighbourhoodId);
        var needs = new List<int>();
        foreach (var need in new[] { "الف", "ب", "ج" })
        {
            var id = await app.SendAsync<int>(proposer, new ProposeNeed(neighbourhoodId, $"{title} {need}", "", NeedCategory.Education, null));
            await app.SendAsync<NeedStatus>(facilitator, new ModerateNeed(id, Moderation.Approve));
            needs.Add(id);
        }
        return await app.SendAsync<int>(facilitator, new CreateRound(neighbourhoodId, title, app.Clock.GetUtcNow(), closesAt, 3, needs));
    }
}
