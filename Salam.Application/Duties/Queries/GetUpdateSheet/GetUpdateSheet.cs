using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Duties.Common;
using Salam.Application.Home.Queries;
using Salam.Domain.Duties;
using Salam.Domain.People;

namespace Salam.Application.Duties.Queries.GetUpdateSheet;

/// <summary>
/// Every open duty of the manager's agency, for the update sheet: unlike the desk, never cut to a page, since a duty
/// missing from the sheet is a duty nobody reports on. Ordered by due date, then id.
/// </summary>
[AllowedRoles(Role.AgencyManager)]
public sealed record GetUpdateSheet : IQuery<IReadOnlyList<UpdateSheetRow>>, ICallerScoped;

public sealed record UpdateSheetRow(int Id, DutyStatus Status, int Percent, string Title, PlaceName Neighbourhood, DateOnly DueDate);

public sealed class GetUpdateSheetHandler(ISalamDbContext db, ICurrentUser user) : IQueryHandler<GetUpdateSheet, IReadOnlyList<UpdateSheetRow>>
{
    public async ValueTask<IReadOnlyList<UpdateSheetRow>> Handle(GetUpdateSheet query, CancellationToken cancellationToken)
    {
        var agencyId = user.AgencyId ?? throw new ForbiddenException(Text.Get("Forbidden.Scope"));
        var rows = from d in db.Duties.AsNoTracking().Where(d => d.AgencyId == agencyId).Open()
                   join n in db.Neighbourhoods on d.NeighbourhoodId equals n.Id
                   orderby d.DueDate, d.Id
                   select new UpdateSheetRow(d.Id, d.Status, d.PercentComplete, d.Title, new PlaceName(n.NameFa, n.NameEn), d.DueDate);
        return await rows.ToListAsync(cancellationToken);
    }
}
