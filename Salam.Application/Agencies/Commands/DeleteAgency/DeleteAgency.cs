using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.Duties;
using Salam.Domain.People;

namespace Salam.Application.Agencies.Commands.DeleteAgency;

/// <summary>
/// Deletes an agency made by mistake: only one that was never given a duty. One with duties keeps them and their history, so it
/// can only be deactivated; the refusal says how many of its duties are still open.
/// </summary>
[AllowedRoles(Role.Admin, Role.ProvinceOfficer)]
public sealed record DeleteAgency(int AgencyId) : ICommand, IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [ScopeTarget.AdministeredAgency(AgencyId)];
}

public sealed class DeleteAgencyHandler(ISalamDbContext db) : ICommandHandler<DeleteAgency>
{
    public async ValueTask<Unit> Handle(DeleteAgency command, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == command.AgencyId, cancellationToken)
            ?? throw new NotFoundException(Text.Get("NotFound.Agency"));
        var duties = await db.Duties.Where(d => d.AgencyId == agency.Id).GroupBy(_ => 1)
            .Select(g => new { All = g.Count(), Open = g.Count(d => !Duty.FinishedStatuses.Contains(d.Status)) }).SingleOrDefaultAsync(cancellationToken);
        if (duties is { Open: > 0 }) throw new RequestRefusedException(Text.Get("Agency.HasOpenDuties", duties.Open));
        if (duties is { All: > 0 }) throw new RequestRefusedException(Text.Get("Agency.HasDuties", duties.All));

        db.Agencies.Remove(agency);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
