using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Geography;

namespace Salam.Application.Geography.Common;

/// <summary>
/// Brings provinces, counties and neighbourhoods in by code: the one import behind the admin's CSV preview and apply, and the
/// demo seed. Every existing code is read once into a dictionary per level and each row is checked against them and the rows
/// above it, so a country of 40,000 rows costs three reads and, when applied, one save: one transaction, every creation and
/// rename in the audit trail. A file whose rows are all unchanged saves nothing.
/// </summary>
public sealed class GeographyImport(ISalamDbContext db)
{
    public async Task<GeographyImportReport> PreviewAsync(IReadOnlyList<GeographyRow> rows, CancellationToken cancellationToken)
    {
        var plan = new GeographyPlan(await KnownPlacesAsync(cancellationToken));
        return new GeographyImportReport(plan.Check(rows), Applied: false);
    }

    /// <summary>Saves the accepted rows' new places and new names in one save; the refused rows change nothing.</summary>
    public async Task<GeographyImportReport> ApplyAsync(IReadOnlyList<GeographyRow> rows, CancellationToken cancellationToken)
    {
        var plan = new GeographyPlan(await KnownPlacesAsync(cancellationToken));
        var checks = plan.Check(rows);
        if (plan.Changes.Count == 0) return new GeographyImportReport(checks, Applied: false);

        await RenameAsync(plan.Changes.Where(c => c.Check.Outcome == GeographyRowOutcome.Rename).ToList(), cancellationToken);
        Create(plan.Changes.Where(c => c.Check.Outcome == GeographyRowOutcome.New), plan);
        await db.SaveChangesAsync(cancellationToken);
        return new GeographyImportReport(checks, Applied: true);
    }

    private async Task<Dictionary<string, KnownPlace>[]> KnownPlacesAsync(CancellationToken cancellationToken)
    {
        var provinces = await db.Provinces.AsNoTracking()
            .Select(p => new KnownPlace(PlaceLevel.Province, p.Id, null, p.Code, p.NameFa, p.NameEn)).ToListAsync(cancellationToken);
        var counties = await db.Counties.AsNoTracking()
            .Select(c => new KnownPlace(PlaceLevel.County, c.Id, c.Province!.Code, c.Code, c.NameFa, c.NameEn)).ToListAsync(cancellationToken);
        var neighbourhoods = await db.Neighbourhoods.AsNoTracking()
            .Select(n => new KnownPlace(PlaceLevel.Neighbourhood, n.Id, n.County!.Code, n.Code, n.NameFa, n.NameEn)).ToListAsync(cancellationToken);
        return [ByCode(provinces), ByCode(counties), ByCode(neighbourhoods)];
    }

    private static Dictionary<string, KnownPlace> ByCode(List<KnownPlace> places) => places.ToDictionary(p => p.Code, StringComparer.Ordinal);

    private async Task RenameAsync(List<PlannedChange> renames, CancellationToken cancellationToken)
    {
        var names = renames.ToDictionary(r => (r.Level, r.ExistingId), r => r.Check);
        var provinceIds = IdsAt(PlaceLevel.Province);
        var countyIds = IdsAt(PlaceLevel.County);
        var neighbourhoodIds = IdsAt(PlaceLevel.Neighbourhood);
        if (provinceIds.Count > 0)
            foreach (var p in await db.Provinces.Where(p => provinceIds.Contains(p.Id)).ToListAsync(cancellationToken)) Rename(PlaceLevel.Province, p.Id, p.Rename);
        if (countyIds.Count > 0)
            foreach (var c in await db.Counties.Where(c => countyIds.Contains(c.Id)).ToListAsync(cancellationToken)) Rename(PlaceLevel.County, c.Id, c.Rename);
        if (neighbourhoodIds.Count > 0)
            foreach (var n in await db.Neighbourhoods.Where(n => neighbourhoodIds.Contains(n.Id)).ToListAsync(cancellationToken)) Rename(PlaceLevel.Neighbourhood, n.Id, n.Rename);

        List<int> IdsAt(PlaceLevel level) => renames.Where(r => r.Level == level).Select(r => r.ExistingId).ToList();
        void Rename(PlaceLevel level, int id, Action<string, string> rename) => rename(names[(level, id)].NameFa, names[(level, id)].NameEn);
    }

    /// <summary>Rows come in file order, so a parent made by this file is made before its children, which hang on it by reference.</summary>
    private void Create(IEnumerable<PlannedChange> creations, GeographyPlan plan)
    {
        var provinces = new Dictionary<string, Province>(StringComparer.Ordinal);
        var counties = new Dictionary<string, County>(StringComparer.Ordinal);
        foreach (var (level, check, _) in creations)
        {
            switch (level)
            {
                case PlaceLevel.Province:
                    var province = new Province(check.Code, check.NameFa, check.NameEn);
                    provinces[check.Code] = province;
                    db.Provinces.Add(province);
                    break;
                case PlaceLevel.County:
                    var county = provinces.TryGetValue(check.ParentCode, out var newProvince)
                        ? new County(newProvince, check.Code, check.NameFa, check.NameEn)
                        : new County(plan.IdOf(PlaceLevel.Province, check.ParentCode), check.Code, check.NameFa, check.NameEn);
                    counties[check.Code] = county;
                    db.Counties.Add(county);
                    break;
                default:
                    db.Neighbourhoods.Add(counties.TryGetValue(check.ParentCode, out var newCounty)
                        ? new Neighbourhood(newCounty, check.Code, check.NameFa, check.NameEn)
                        : new Neighbourhood(plan.IdOf(PlaceLevel.County, check.ParentCode), check.Code, check.NameFa, check.NameEn));
                    break;
            }
        }
    }
}

/// <summary>A place as the import knows it: in the database (with its id) or made by an earlier row of the file (id 0).</summary>
internal sealed record KnownPlace(PlaceLevel Level, int Id, string? ParentCode, string Code, string NameFa, string NameEn);

/// <summary>An accepted row that changes something: a new place, or a new name for the place with <see cref="ExistingId"/>.</summary>
internal sealed record PlannedChange(PlaceLevel Level, GeographyRowCheck Check, int ExistingId);
