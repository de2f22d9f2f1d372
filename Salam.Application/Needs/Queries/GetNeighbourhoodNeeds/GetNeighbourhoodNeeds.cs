using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.Needs;
using Salam.Domain.People;

namespace Salam.Application.Needs.Queries.GetNeighbourhoodNeeds;

/// <summary>Every need of a neighbourhood, proposed ones first, for moderation and for building a round's ballot.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record GetNeighbourhoodNeeds(int NeighbourhoodId) : IQuery<IReadOnlyList<NeedRow>>, INeighbourhoodScoped;

public sealed record NeedRow(int Id, string Title, string Description, NeedCategory Category, NeedStatus Status,
    string? ProposedBy, DateTimeOffset ProposedAt, string? RejectionReason, int? MergedIntoId, decimal? EstimatedCost = null);

public sealed class GetNeighbourhoodNeedsHandler(ISalamDbContext db) : IQueryHandler<GetNeighbourhoodNeeds, IReadOnlyList<NeedRow>>
{
    public async ValueTask<IReadOnlyList<NeedRow>> Handle(GetNeighbourhoodNeeds query, CancellationToken cancellationToken)
    {
        var rows = await db.Needs.AsNoTracking()
            .Where(n => n.NeighbourhoodId == query.NeighbourhoodId)
            .Select(n => new NeedRow(n.Id, n.Title, n.Description, n.Category, n.Status,
                db.Residents.Where(r => r.Id == n.ProposedByResidentId).Select(r => r.FullName).FirstOrDefault(),
                n.ProposedAt, n.RejectionReason, n.MergedIntoId, n.EstimatedCost))
            .ToListAsync(cancellationToken);
        return rows.OrderBy(n => n.Status).ThenByDescending(n => n.ProposedAt).ToList();
    }
}
