using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Paging;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.Duties;
using Salam.Domain.People;

namespace Salam.Application.Completions.Queries.GetDisputedDuties;

/// <summary>The provincial officer's escalation list of disputed duties in their province, latest dispute first, with the residents' notes.</summary>
[AllowedRoles(Role.ProvinceOfficer)]
public sealed record GetDisputedDuties(int Page = 0, int PageSize = Paging.DefaultPageSize) : IQuery<Paged<DisputedDuty>>, ICallerScoped;

/// <summary>Notes: what the residents who said "no" or "partly" wrote about the disputed completion, oldest first (no names).</summary>
public sealed record DisputedDuty(int DutyId, string Title, PlaceName Agency, PlaceName Neighbourhood, DateTimeOffset DisputedAt,
    int Yes, int Partly, int No, IReadOnlyList<string> Notes);

public sealed class GetDisputedDutiesValidator : AbstractValidator<GetDisputedDuties>
{
    public GetDisputedDutiesValidator() => this.PageRules(q => q.Page, q => q.PageSize);
}

public sealed class GetDisputedDutiesHandler(ISalamDbContext db, ScopeGuard scope) : IQueryHandler<GetDisputedDuties, Paged<DisputedDuty>>
{
    public async ValueTask<Paged<DisputedDuty>> Handle(GetDisputedDuties query, CancellationToken cancellationToken)
    {
        var disputed = db.Duties.AsNoTracking().Where(d => d.Status == DutyStatus.Disputed)
            .Join(scope.Neighbourhoods(), d => d.NeighbourhoodId, n => n.Id, (d, n) => new
            {
                d.Id, d.Title, d.CompletionRound,
                Agency = new PlaceName(d.Agency!.NameFa, d.Agency.NameEn),
                Place = new PlaceName(n.NameFa, n.NameEn),
                // The timeline's ids grow with time: the latest dispute has the highest (SQLite cannot order DateTimeOffset).
                Dispute = d.Updates.Where(u => u.To == DutyStatus.Disputed).Max(u => u.Id),
            });
        var total = await disputed.CountAsync(cancellationToken);
        var rows = await disputed.OrderByDescending(d => d.Dispute).ThenBy(d => d.Id)
            .Skip(query.Page * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var updateIds = rows.Select(r => r.Dispute).ToList();
        var disputedAt = await db.DutyUpdates.AsNoTracking().Where(u => updateIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.At, cancellationToken);
        var answers = (await db.CompletionChecks.AsNoTracking().Where(c => ids.Contains(c.DutyId))
            .Select(c => new { c.Id, c.DutyId, c.CompletionRound, c.Answer, c.Note }).ToListAsync(cancellationToken))
            .ToLookup(c => (c.DutyId, c.CompletionRound));
        return new Paged<DisputedDuty>([.. rows.Select(r =>
        {
            var these = answers[(r.Id, r.CompletionRound)].OrderBy(c => c.Id).ToList();
            return new DisputedDuty(r.Id, r.Title, r.Agency, r.Place, disputedAt[r.Dispute],
                these.Count(c => c.Answer == CompletionAnswer.Yes), these.Count(c => c.Answer == CompletionAnswer.Partly), these.Count(c => c.Answer == CompletionAnswer.No),
                [.. these.Where(c => c.Answer != CompletionAnswer.Yes && c.Note is not null).Select(c => c.Note!)]);
        })], total);
    }
}
