using Mediator;
using Salam.Application.Common.Security;
using Salam.Domain.People;
using Salam.Application.Home.Queries;

namespace Salam.Application.Campaigns.Queries.GetAllocationChoices;

/// <summary>Where a donation can go: the neighbourhoods its centre serves inside the campaign's scope, with their approved needs and open duties, and the stories a delivery may carry.</summary>
[AllowedRoles(Role.Facilitator)]
public sealed record GetAllocationChoices(int DonationId) : IQuery<AllocationChoices>, IDonationScoped;

public sealed record AllocationChoices(IReadOnlyList<AllocationPlace> Neighbourhoods, IReadOnlyList<TitledChoice> Stories);

public sealed record AllocationPlace(int NeighbourhoodId, PlaceName Name, IReadOnlyList<TitledChoice> Needs, IReadOnlyList<TitledChoice> Duties);

public sealed record TitledChoice(int Id, string Title);

public sealed class GetAllocationChoicesHandler : IQueryHandler<GetAllocationChoices, AllocationChoices>
{
    public ValueTask<AllocationChoices> Handle(GetAllocationChoices query, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 17: campaigns helper");
}
