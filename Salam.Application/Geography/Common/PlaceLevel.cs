using System.Linq.Expressions;
using Salam.Domain.Geography;

namespace Salam.Application.Geography.Common;

/// <summary>The three levels of the geography, top down.</summary>
public enum PlaceLevel { Province = 0, County = 1, Neighbourhood = 2 }

public static class PlaceLevels
{
    /// <summary>The level a file names: English as the sample file writes it, or Persian; null when it is neither.</summary>
    public static PlaceLevel? Parse(string? level) => level?.Trim().ToLowerInvariant() switch
    {
        "province" or "استان" => PlaceLevel.Province,
        "county" or "شهرستان" => PlaceLevel.County,
        "neighbourhood" or "neighborhood" or "محله" => PlaceLevel.Neighbourhood,
        _ => null,
    };

    /// <summary>The level a place of this level hangs under (none for a province).</summary>
    public static PlaceLevel? ParentOf(PlaceLevel level) => level switch
    {
        PlaceLevel.County => PlaceLevel.Province,
        PlaceLevel.Neighbourhood => PlaceLevel.County,
        _ => null,
    };
}

/// <summary>
/// Whether a neighbourhood takes new work (rounds, duties, a centre): it, its county and its province must all be active. A
/// deactivated county or province thus takes its neighbourhoods out of new work without touching them, and reactivating it brings them back.
/// </summary>
public static class PlaceService
{
    public static readonly Expression<Func<Neighbourhood, bool>> InService =
        n => n.IsActive && n.County!.IsActive && n.County.Province!.IsActive;
}
