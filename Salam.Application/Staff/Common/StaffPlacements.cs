using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Domain.People;

namespace Salam.Application.Staff.Common;

/// <summary>Turns a checked request into where the account will work: the place must exist and be active, and gives the account its province.</summary>
public static class StaffPlacements
{
    public static async Task<StaffPlacement> ResolveAsync(ISalamDbContext db, IStaffPlacementRequest request, CancellationToken cancellationToken)
    {
        switch (request.Role)
        {
            case Role.Facilitator:
                // A centre has no active flag of its own: it is open while its province is.
                var centre = await db.Centres.AsNoTracking().Where(c => c.Id == request.CentreId)
                    .Select(c => new { c.ProvinceId, Active = db.Provinces.Any(p => p.Id == c.ProvinceId && p.IsActive) }).SingleOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException(Text.Get("NotFound.Centre"));
                if (!centre.Active) throw Refused(nameof(request.CentreId), "Staff.CentreInactive");
                return new StaffPlacement(Role.Facilitator, centre.ProvinceId, request.CentreId, null);
            case Role.AgencyManager:
                var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == request.AgencyId)
                    .Select(a => new { a.ProvinceId, a.IsActive }).SingleOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException(Text.Get("NotFound.Agency"));
                if (!agency.IsActive) throw Refused(nameof(request.AgencyId), "Staff.AgencyInactive");
                return new StaffPlacement(Role.AgencyManager, agency.ProvinceId, null, request.AgencyId);
            case Role.ProvinceOfficer:
                var active = await db.Provinces.AsNoTracking().Where(p => p.Id == request.ProvinceId).Select(p => (bool?)p.IsActive).SingleOrDefaultAsync(cancellationToken)
                    ?? throw new NotFoundException(Text.Get("NotFound.Province"));
                if (!active) throw Refused(nameof(request.ProvinceId), "Staff.ProvinceInactive");
                return new StaffPlacement(Role.ProvinceOfficer, request.ProvinceId, null, null);
            default:
                return new StaffPlacement(request.Role, null, null, null);
        }
    }

    private static RequestRefusedException Refused(string field, string key) =>
        new(new Dictionary<string, string[]> { [field] = [Text.Get(key)] });
}
