using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Shifts.Common;

namespace Salam.Application.Shifts.Queries.GetShifts;

/// <summary>A centre's shifts: coming ones soonest first, or past ones latest first.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer, Role.MinistryStaff)]
public sealed record GetShifts(int CentreId, bool Past = false) : IQuery<IReadOnlyList<ShiftLine>>, ICentreDeskScoped;

public sealed class GetShiftsHandler : IQueryHandler<GetShifts, IReadOnlyList<ShiftLine>>
{
    public ValueTask<IReadOnlyList<ShiftLine>> Handle(GetShifts query, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: shifts helper");
}
