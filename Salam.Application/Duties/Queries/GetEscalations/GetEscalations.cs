using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Paging;
using Salam.Application.Common.Security;
using Salam.Application.Home.Queries;
using Salam.Domain.Duties;
using Salam.Domain.People;
using Salam.Application.Common.Time;
using Salam.Application.Duties.Common;

namespace Salam.Application.Duties.Queries.GetEscalations;

/// <summary>
/// One page of the provincial officer's escalation list: duties in their province overdue by more than the configured days,
/// longest overdue first.
/// </summary>
[AllowedRoles(Role.ProvinceOfficer)]
public sealed record GetEscalations(int Page = 0, int PageSize = Paging.DefaultPageSize) : IQuery<Paged<Escalation>>, ICallerScoped;

public sealed class GetEscalationsValidator : AbstractValidator<GetEscalations>
{
    public GetEscalationsValidator() => this.PageRules(q => q.Page, q => q.PageSize);
}

public sealed record Escalation(int DutyId, string Title, PlaceName Agency, PlaceName Neighbourhood, DutyStatus Status, int Percent, DateOnly DueDate, int DaysOverdue);

/// <summary>Section "Duties" of the configuration.</summary>
public sealed class DutyOptions
{
    public const string Section = "Duties";

    /// <summary>Days past due after which a duty is escalated to the provincial officer.</summary>
    public int EscalateAfterDays { get; set; } = 7;
}

public sealed class GetEscalationsHandler(ISalamDbContext db, ScopeGuard scope, TimeProvider clock, IOptions<DutyOptions> options)
    : IQueryHandler<GetEscalations, Paged<Escalation>>
{
    public async ValueTask<Paged<Escalation>> Handle(GetEscalations query, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        var dueBefore = today.AddDays(-options.Value.EscalateAfterDays);
        var escalated = db.Duties.AsNoTracking()
            .OverdueOn(dueBefore) // overdue already on the day the limit began
            .Join(scope.Neighbourhoods(), d => d.NeighbourhoodId, n => n.Id, (d, n) => new
            {
                d.Id, d.Title, d.Status, d.PercentComplete, d.DueDate,
                Agency = new PlaceName(d.Agency!.NameFa, d.Agency.NameEn),
                Place = new PlaceName(n.NameFa, n.NameEn),
            });
        var total = await escalated.CountAsync(cancellationToken);
        var rows = await escalated.OrderBy(d => d.DueDate).ThenBy(d => d.Id)
            .Skip(query.Page * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return new Paged<Escalation>([.. rows.Select(r => new Escalation(r.Id, r.Title, r.Agency, r.Place, r.Status, r.PercentComplete, r.DueDate, today.DayNumber - r.DueDate.DayNumber))], total);
    }
}
