using Mediator;
using Salam.Application.Agencies.Common;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Security;
using Salam.Domain.Duties;
using Salam.Domain.People;

namespace Salam.Application.Agencies.Commands.CreateAgency;

/// <summary>
/// The administrator makes an agency of any province or a national one; a province's officer only one of their province
/// (the pipeline refuses the nation or another province before anything is read).
/// </summary>
[AllowedRoles(Role.Admin, Role.ProvinceOfficer)]
public sealed record CreateAgency(string NameFa, string? NameEn, AgencyKind Kind, int? ProvinceId) : ICommand<int>, IAgencyDescription, IScoped
{
    IEnumerable<ScopeTarget> IScoped.ScopeTargets() => [AgencyScope.HomeOf(ProvinceId)];
}

public sealed class CreateAgencyValidator : AgencyDescriptionValidator<CreateAgency>;

public sealed class CreateAgencyHandler(ISalamDbContext db) : ICommandHandler<CreateAgency, int>
{
    public async ValueTask<int> Handle(CreateAgency command, CancellationToken cancellationToken)
    {
        var agency = new Agency(command.NameFa, command.NameEn ?? "", command.Kind, command.ProvinceId);
        db.Agencies.Add(agency);
        await db.SaveChangesAsync(cancellationToken);
        return agency.Id;
    }
}
