using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Campaigns.Queries.GetAllocationChoices;
using Salam.Application.Home.Queries;

namespace Salam.Application.Shifts.Queries.GetShiftChoices;

/// <summary>What a new shift at the centre can be for: its neighbourhoods, their open duties and approved needs, its campaigns, and its meetings' decisions.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record GetShiftChoices(int CentreId) : IQuery<ShiftChoices>, ICentreDeskScoped;

public sealed record ShiftChoices(IReadOnlyList<NeighbourhoodOption> Neighbourhoods, IReadOnlyList<TitledChoice> Duties, IReadOnlyList<TitledChoice> Needs,
    IReadOnlyList<TitledChoice> Campaigns, IReadOnlyList<TitledChoice> Decisions);

public sealed record NeighbourhoodOption(int NeighbourhoodId, PlaceName Name);

public sealed class GetShiftChoicesHandler : IQueryHandler<GetShiftChoices, ShiftChoices>
{
    public ValueTask<ShiftChoices> Handle(GetShiftChoices query, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: shifts helper");
}
