using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.Needs;
using Salam.Domain.People;

namespace Salam.Application.Needs.Queries.GetMyNeeds;

/// <summary>The needs a resident proposed, with what became of each (and the reason, when rejected).</summary>
[AllowedRoles(Role.Resident)]
public sealed record GetMyNeeds : IQuery<IReadOnlyList<MyNeed>>, ICallerScoped;

public sealed record MyNeed(int Id, string Title, NeedCategory Category, NeedStatus Status, DateTimeOffset ProposedAt, string? RejectionReason);

public sealed class GetMyNeedsHandler(ISalamDbContext db, ICurrentUser user) : IQueryHandler<GetMyNeeds, IReadOnlyList<MyNeed>>
{
    public async ValueTask<IReadOnlyList<MyNeed>> Handle(GetMyNeeds query, CancellationToken cancellationToken)
    {
        var rows = await db.Needs.AsNoTracking()
            .Where(n => n.ProposedByResidentId == user.ResidentId)
            .Select(n => new MyNeed(n.Id, n.Title, n.Category, n.Status, n.ProposedAt, n.RejectionReason))
            .ToListAsync(cancellationToken);
        return rows.OrderByDescending(n => n.ProposedAt).ToList();
    }
}
