using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.Duties;
using Salam.Domain.People;

namespace Salam.Application.Duties.Queries.GetAgencyNotifications;

/// <summary>The in-app notices of the manager's agency, newest first.</summary>
[AllowedRoles(Role.AgencyManager)]
public sealed record GetAgencyNotifications : IQuery<IReadOnlyList<AgencyNotice>>, ICallerScoped;

public sealed record AgencyNotice(int DutyId, string DutyTitle, NotificationKind Kind, DateTimeOffset At, DateOnly DueDate);

public sealed class GetAgencyNotificationsHandler(ISalamDbContext db, ICurrentUser user) : IQueryHandler<GetAgencyNotifications, IReadOnlyList<AgencyNotice>>
{
    private const int Shown = 50;

    public async ValueTask<IReadOnlyList<AgencyNotice>> Handle(GetAgencyNotifications query, CancellationToken cancellationToken)
    {
        return await db.AgencyNotifications.AsNoTracking().Where(n => n.AgencyId == user.AgencyId)
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(Shown)
            .Join(db.Duties, n => n.DutyId, d => d.Id, (n, d) => new AgencyNotice(d.Id, d.Title, n.Kind, n.CreatedAt, d.DueDate))
            .ToListAsync(cancellationToken);
    }
}
