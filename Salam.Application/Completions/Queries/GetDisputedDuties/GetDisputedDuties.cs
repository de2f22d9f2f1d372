using Mediator;
using Salam.Application.Common.Paging;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.People;

namespace Salam.Application.Completions.Queries.GetDisputedDuties;

/// <summary>The provincial officer's escalation list of disputed duties in their province, latest dispute first, with the residents' notes.</summary>
[AllowedRoles(Role.ProvinceOfficer)]
public sealed record GetDisputedDuties(int Page = 0, int PageSize = Paging.DefaultPageSize) : IQuery<Paged<DisputedDuty>>, ICallerScoped;

public sealed record DisputedDuty(int DutyId, string Title, PlaceName Agency, PlaceName Neighbourhood, DateTimeOffset DisputedAt,
    int Yes, int Partly, int No, IReadOnlyList<string> Notes);

public sealed class GetDisputedDutiesHandler : IQueryHandler<GetDisputedDuties, Paged<DisputedDuty>>
{
    public ValueTask<Paged<DisputedDuty>> Handle(GetDisputedDuties query, CancellationToken cancellationToken) =>
        throw new NotImplementedException("issue 16: confirm helper");
}
