using Salam.Application.Common.Localization;
using Salam.Domain.Geography;

namespace Salam.Application.Geography.Common;

/// <summary>
/// Checks a file's rows in order against the places known so far (the database's, then each accepted row's), all in memory:
/// no query per row. Codes are matched as <see cref="Place.NormaliseCode"/> writes them (Latin digits, no surrounding spaces).
/// </summary>
internal sealed class GeographyPlan(Dictionary<string, KnownPlace>[] places)
{
    private static readonly PlaceLevel[] Levels = Enum.GetValues<PlaceLevel>();

    private readonly Dictionary<string, int> _firstLine = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _refusedLine = new(StringComparer.Ordinal);

    /// <summary>The accepted rows that change something, in file order.</summary>
    public List<PlannedChange> Changes { get; } = [];

    public int IdOf(PlaceLevel level, string code) => places[(int)level][code].Id;

    public IReadOnlyList<GeographyRowCheck> Check(IReadOnlyList<GeographyRow> rows) => rows.Select(Check).ToList();

    private GeographyRowCheck Check(GeographyRow row)
    {
        var (code, parent) = (Place.NormaliseCode(row.Code), Place.NormaliseCode(row.ParentCode));
        var nameFa = row.NameFa.Trim();
        // Names may be Persian only: the English name is then the Persian one, so an English page still names the place.
        var nameEn = row.NameEn.Trim() is { Length: > 0 } english ? english : nameFa;
        var level = PlaceLevels.Parse(row.Level);
        var reason = Refusal(level, code, parent, nameFa, nameEn);
        if (code.Length > 0) _firstLine.TryAdd(code, row.Line);
        if (reason is not null || level is not { } known)
        {
            if (code.Length > 0) _refusedLine.TryAdd(code, row.Line);
            return Result(GeographyRowOutcome.Refused, reason);
        }

        if (places[(int)known].TryGetValue(code, out var existing))
        {
            if (existing.NameFa == nameFa && existing.NameEn == nameEn) return Result(GeographyRowOutcome.Unchanged, null);
            var rename = Result(GeographyRowOutcome.Rename, null);
            Changes.Add(new PlannedChange(known, rename, existing.Id));
            return rename;
        }
        places[(int)known][code] = new KnownPlace(known, 0, parent.Length > 0 ? parent : null, code, nameFa, nameEn);
        var created = Result(GeographyRowOutcome.New, null);
        Changes.Add(new PlannedChange(known, created, 0));
        return created;

        GeographyRowCheck Result(GeographyRowOutcome outcome, string? why) => new(row.Line, row.Level, code, parent, nameFa, nameEn, outcome, why);
    }

    /// <summary>Why the row is refused, or null when it is accepted.</summary>
    private string? Refusal(PlaceLevel? level, string code, string parent, string nameFa, string nameEn)
    {
        if (level is not { } at) return Text.Get("Geography.UnknownLevel");
        if (code.Length == 0) return Text.Get("Geography.CodeRequired");
        if (code.Length > Place.CodeMaxLength) return Text.Get("Geography.CodeTooLong", Place.CodeMaxLength);
        if (nameFa.Length == 0) return Text.Get("Geography.NameRequired");
        if (nameFa.Length > Place.NameMaxLength || nameEn.Length > Place.NameMaxLength) return Text.Get("Geography.NameTooLong", Place.NameMaxLength);
        if (_firstLine.TryGetValue(code, out var first)) return Text.Get("Geography.DuplicateInFile", code, first);
        if (Levels.Where(l => l != at && places[(int)l].ContainsKey(code)).Select(l => (PlaceLevel?)l).FirstOrDefault() is { } other)
            return Text.Get("Geography.CodeAtAnotherLevel", code, other);

        if (PlaceLevels.ParentOf(at) is not { } parentLevel)
            return parent.Length == 0 ? null : Text.Get("Geography.ProvinceHasNoParent");
        if (parent.Length == 0) return Text.Get("Geography.ParentRequired", parentLevel);
        if (!places[(int)parentLevel].ContainsKey(parent))
        {
            if (_refusedLine.TryGetValue(parent, out var refusedAt)) return Text.Get("Geography.ParentRefused", parent, refusedAt);
            return Levels.Any(l => places[(int)l].ContainsKey(parent))
                ? Text.Get("Geography.WrongLevelOrder", at, parentLevel, parent)
                : Text.Get("Geography.UnknownParent", parent);
        }
        // Moving a place between parents would carry its rounds, duties and residents to another county or province: refused.
        if (places[(int)at].TryGetValue(code, out var existing) && existing.ParentCode != parent)
            return Text.Get("Geography.ParentChanges", code, existing.ParentCode ?? "", parent);
        return null;
    }
}
