using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Common.Time;
using Salam.Application.Notifications.Common;
using Salam.Domain.Notifications;
using Salam.Domain.People;

namespace Salam.Application.Notifications.Commands.QueuePendingResidentsDigest;

/// <summary>
/// Daily: e-mails each centre's facilitators how many self-registrations wait for a decision in the neighbourhoods the centre
/// serves; nothing to a centre with none waiting, and one digest per centre and day however often it runs.
/// </summary>
[AllowedRoles(AllowSystem = true)]
public sealed record QueuePendingResidentsDigest : ICommand<int>, INationalScoped;

public sealed class QueuePendingResidentsDigestHandler(ISalamDbContext db, TimeProvider clock, IUserDirectory users) : ICommandHandler<QueuePendingResidentsDigest, int>
{
    public async ValueTask<int> Handle(QueuePendingResidentsDigest command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = clock.Today();
        var waiting = await db.Residents.AsNoTracking()
            .Where(r => r.Status == ResidentStatus.Pending && r.Neighbourhood!.CentreId != null)
            .GroupBy(r => r.Neighbourhood!.CentreId!.Value)
            .Select(g => new { CentreId = g.Key, Count = g.Count() })
            .OrderBy(c => c.CentreId)
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var centre in waiting)
            queued += await db.QueueEmailToStaffAsync(users, new StaffAudience(Role.Facilitator, CentreId: centre.CentreId), MessageKind.PendingResidentsDigest,
                $"centre:{centre.CentreId}:day:{StaffMessages.TopicDay(today)}",
                language => (MessageText.Render(language, "Messages.PendingResidentsDigest.Subject", centre.Count),
                    MessageText.Render(language, "Messages.PendingResidentsDigest.Body", centre.Count, StaffMessages.Day(language, today))),
                now, cancellationToken);
        return await db.SaveQueuedAsync(queued, cancellationToken);
    }
}
