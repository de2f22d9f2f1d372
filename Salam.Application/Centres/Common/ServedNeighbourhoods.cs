using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Domain.Geography;

namespace Salam.Application.Centres.Common;

/// <summary>The neighbourhoods a centre form chose, loaded with their counties (the pipeline has checked each is in the caller's scope).</summary>
internal static class ServedNeighbourhoods
{
    public static async Task<IReadOnlyCollection<Neighbourhood>> ChosenAsync(ISalamDbContext db, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        var chosen = await db.Neighbourhoods.Include(n => n.County).Where(n => wanted.Contains(n.Id)).ToListAsync(cancellationToken);
        if (chosen.Count != wanted.Count) throw new NotFoundException(Text.Get("NotFound.Neighbourhood"));
        return chosen;
    }
}
