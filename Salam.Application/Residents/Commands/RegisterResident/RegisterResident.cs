using Mediator;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Application.Residents.Common;
using Salam.Domain.People;

namespace Salam.Application.Residents.Commands.RegisterResident;

/// <summary>A facilitator (or the province's officer) registers a resident of a neighbourhood they serve; confirmed at once.</summary>
[AllowedRoles(Role.Facilitator, Role.ProvinceOfficer)]
public sealed record RegisterResident(int NeighbourhoodId, string FullName, string Mobile, string NationalId) : ICommand<int>, INeighbourhoodScoped;

public sealed class RegisterResidentHandler(ISalamDbContext db, TimeProvider clock) : ICommandHandler<RegisterResident, int>
{
    public async ValueTask<int> Handle(RegisterResident command, CancellationToken cancellationToken)
    {
        var (mobile, nationalId) = (MobileNumber.Parse(command.Mobile), NationalId.Parse(command.NationalId));
        if (!await db.Neighbourhoods.AnyAsync(n => n.Id == command.NeighbourhoodId && n.IsActive, cancellationToken))
            throw new RequestRefusedException(Text.Get("Residents.NeighbourhoodInactive"));
        await ResidentClash.EnsureNoneAsync(db, mobile, nationalId, null, cancellationToken);

        var resident = new Resident(command.NeighbourhoodId, command.FullName, mobile, nationalId, clock.GetUtcNow());
        db.Residents.Add(resident);
        await ResidentClash.SaveAsync(db, mobile, nationalId, null, cancellationToken);
        return resident.Id;
    }
}
