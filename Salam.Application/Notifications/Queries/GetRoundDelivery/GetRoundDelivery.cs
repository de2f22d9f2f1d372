using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.Notifications;
using Salam.Domain.People;

namespace Salam.Application.Notifications.Queries.GetRoundDelivery;

/// <summary>
/// How the residents were told of a round: per kind of message (opened, closing tomorrow, results), how many were notified
/// and how many of those were sent, failed for good, still wait, or were cancelled by the resident's choice. For the
/// round's facilitator and the officers above them.
/// </summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer, Role.MinistryStaff, Role.Admin)]
public sealed record GetRoundDelivery(int RoundId) : IQuery<RoundDelivery>, IRoundScoped;

public sealed record RoundDelivery(IReadOnlyList<DeliveryCount> Kinds)
{
    public DeliveryCount Total => new(null, Kinds.Sum(k => k.Notified), Kinds.Sum(k => k.Sent), Kinds.Sum(k => k.Failed), Kinds.Sum(k => k.Waiting), Kinds.Sum(k => k.Cancelled));
}

/// <summary>Notified counts every message queued; Failed is Dead (an admin may send it again), Waiting is Pending.</summary>
public sealed record DeliveryCount(MessageKind? Kind, int Notified, int Sent, int Failed, int Waiting, int Cancelled);

public sealed class GetRoundDeliveryHandler(ISalamDbContext db) : IQueryHandler<GetRoundDelivery, RoundDelivery>
{
    public async ValueTask<RoundDelivery> Handle(GetRoundDelivery query, CancellationToken cancellationToken)
    {
        var counts = await db.OutboxMessages.AsNoTracking().Where(m => m.RoundId == query.RoundId)
            .GroupBy(m => new { m.Kind, m.Status })
            .Select(g => new { g.Key.Kind, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Of(MessageKind kind, MessageStatus status) => counts.Where(c => c.Kind == kind && c.Status == status).Sum(c => c.Count);
        var kinds = counts.Select(c => c.Kind).Distinct().Order()
            .Select(kind => new DeliveryCount(kind, counts.Where(c => c.Kind == kind).Sum(c => c.Count), Of(kind, MessageStatus.Sent), Of(kind, MessageStatus.Dead),
                Of(kind, MessageStatus.Pending), Of(kind, MessageStatus.Cancelled)))
            .ToList();
        return new RoundDelivery(kinds);
    }
}
