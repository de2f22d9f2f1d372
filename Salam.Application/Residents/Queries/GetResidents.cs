using FluentValidation;
using Mediator;
using Salam.Application.Common.Paging;
using Salam.Application.Common.Search;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.Common;
using Salam.Domain.People;

namespace Salam.Application.Residents.Queries;

/// <summary>The residents of the caller's neighbourhoods, a page at a time, searched by name, mobile or national id.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record GetResidents(string? Search, int Page, int PageSize) : IQuery<ResidentPage>, ICallerScoped;

/// <summary>The page rules of every paged staff list: a page before the first or larger than the cap is refused, not clamped.</summary>
public sealed class GetResidentsValidator : AbstractValidator<GetResidents>
{
    public GetResidentsValidator() => this.PageRules(q => q.Page, q => q.PageSize);
}

public sealed record ResidentPage(int Total, IReadOnlyList<ResidentRow> Rows);

public sealed record ResidentRow(int Id, string FullName, string Mobile, string? NationalId, PlaceName Neighbourhood, ResidentStatus Status);

public sealed class GetResidentsHandler(ISalamDbContext db, ScopeGuard scope) : IQueryHandler<GetResidents, ResidentPage>
{
    public async ValueTask<ResidentPage> Handle(GetResidents query, CancellationToken cancellationToken)
    {
        var reached = scope.Neighbourhoods().Select(n => n.Id);
        var residents = db.Residents.AsNoTracking().Where(r => reached.Contains(r.NeighbourhoodId));
        residents = residents.WhereAnyContains(query.Search, r => r.FullName, r => r.Mobile, r => r.NationalId);

        var rows = await residents.OrderBy(r => r.FullName).ThenBy(r => r.Id)
            .Skip(query.Page * query.PageSize).Take(query.PageSize)
            .Select(r => new ResidentRow(r.Id, r.FullName, r.Mobile, r.NationalId, new PlaceName(r.Neighbourhood!.NameFa, r.Neighbourhood.NameEn), r.Status))
            .ToListAsync(cancellationToken);
        return new ResidentPage(await residents.CountAsync(cancellationToken), rows);
    }
}
