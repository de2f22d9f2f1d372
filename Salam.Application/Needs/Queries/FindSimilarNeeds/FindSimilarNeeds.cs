using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.Needs;
using Salam.Domain.People;

namespace Salam.Application.Needs.Queries.FindSimilarNeeds;

/// <summary>While a resident types a need, the live needs of their neighbourhood that look like it, so duplicates are caught early.</summary>
[AllowedRoles(Role.Resident, Role.Facilitator)]
public sealed record FindSimilarNeeds(int NeighbourhoodId, string Text) : IQuery<IReadOnlyList<SimilarNeed>>, INeighbourhoodScoped;

public sealed record SimilarNeed(int Id, string Title, NeedStatus Status, double Similarity);

public sealed class FindSimilarNeedsHandler(ISalamDbContext db) : IQueryHandler<FindSimilarNeeds, IReadOnlyList<SimilarNeed>>
{
    private const double Threshold = 0.5;
    private const int MaxSuggestions = 5;

    public async ValueTask<IReadOnlyList<SimilarNeed>> Handle(FindSimilarNeeds query, CancellationToken cancellationToken)
    {
        if (PersianText.Words(query.Text).Count == 0) return [];
        // A neighbourhood has tens of live needs, not thousands: fold them here rather than keep a second, folded copy in the table.
        var live = await db.Needs.AsNoTracking()
            .Where(n => n.NeighbourhoodId == query.NeighbourhoodId && (n.Status == NeedStatus.Proposed || n.Status == NeedStatus.Approved))
            .Select(n => new { n.Id, n.Title, n.Status })
            .ToListAsync(cancellationToken);
        return live
            .Select(n => new SimilarNeed(n.Id, n.Title, n.Status, PersianText.Similarity(query.Text, n.Title)))
            .Where(n => n.Similarity >= Threshold)
            .OrderByDescending(n => n.Similarity).ThenBy(n => n.Id)
            .Take(MaxSuggestions)
            .ToList();
    }
}
