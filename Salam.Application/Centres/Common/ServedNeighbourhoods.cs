using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Common.Security;
using Salam.Domain.Geography;

namespace Salam.Application.Centres.Common;

/// <summary>The neighbourhoods a centre form chose, loaded with their counties and each checked against the caller's scope.</summary>
internal static class ServedNeighbourhoods
{
    public static async Task<IReadOnlyCollection<Neighbourhood>> ChosenAsync(ISalamDbContext db, ScopeGuard scope, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var chosen = await db.Neighbourhoods.Include(n => n.County).Where(n => wanted.Contains(n.Id)).ToListAsync(cancellationToken);
        if (chosen.Count != wanted.Count) throw new NotFoundException(Text.Get("NotFound.Neighbourhood"));
        // A tampered id must not pull another province's neighbourhood into the caller's centre.
        foreach (var neighbourhood in chosen) scope.EnsureProvince(neighbourhood.County!.ProvinceId, $"neighbourhood {neighbourhood.Id}");
        return chosen;
    }
}
